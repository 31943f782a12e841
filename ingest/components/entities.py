"""``kg_entities``: every entity of an article in ``doc.spans["entities"]``.

The gazetteer (spaCy's ``entity_ruler`` on NORM) has already put known
names in ``doc.ents``. This component adds, as overlapping spans:

- DATE and CAPACITY values (:mod:`ingest.values`), value in ``span._.kg_value``;
- names no gazetteer knows, found by cues: people after "قال" / before a
  title / "X said", companies after "شركة" or before "Inc.", organisations
  and regulators by their head words ("جامعة …", "وزارة …", "the … Commission");
- generic regulators, "the authorities" of a place: ``authorities:CN-SC``,
  resolved from a place or demonym next to them, else the article's main place;
- short repeats of a person's name ("تشو" after "كريس تشو") as the same person.

The canonical id of each span is in ``span.kb_id_`` (ISO code, gazetteer id,
or ``authorities:<place>``); ``span.label_`` is the entity type.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.gazetteer import authority_place, capital_of, names
from ingest.normalize import normalize_ar
from ingest.scan import Scanner, scanner
from ingest.components.sentences import (dateline, doc_text as _text, folded as folded_doc, sentence_at, span_text,
                                         token_view)
from ingest.values import AR_MONTHS, AR_WEEKDAYS, find_capacities, find_dates

__all__ = ["KGEntities", "PLACE_TYPES"]

PLACE_TYPES = ("COUNTRY", "PROVINCE", "CITY", "REGION")
if not Span.has_extension("kg_value"):
    Span.set_extension("kg_value", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)
if not Doc.has_extension("salient_place"):
    Doc.set_extension("salient_place", default=None)

# ----------------------------------------------------------------- Arabic cues
# verbs of saying; each also with "و" or "ف" glued on ("ويرى", "ويشير", "فأوضح")
_AR_SAY = ("قال", "اضاف", "اوضح", "اشار", "ذكر", "صرح", "يري", "تري", "يقدر", "اعتبر", "لفت", "اكد", "يؤكد",
           "اعلن", "حذر", "كتب", "تابع", "يقول", "تقول", "سارع", "اعترف", "نفي", "توقع", "يعتقد",
           "علق", "يشير", "تشير", "يروي", "روي", "تروي")
_AR_SAY = _AR_SAY + tuple(c + w for w in _AR_SAY for c in ("و", "ف"))
# the feminine of the past forms: صرح → صرحت, أكد → أكدت
_AR_SAY = tuple(dict.fromkeys(normalize_ar(w) for w in _AR_SAY + tuple(
    w + "ت" for w in _AR_SAY if not w.lstrip("وف").startswith(("ي", "ت")) and not w.endswith("ت"))))
_AR_TITLES = ("رئيس", "رئيسه", "الرئيس", "الشريك", "شريك", "المدير", "مدير", "مديره", "المؤسس", "مؤسس",
              "المحلل", "محلل", "الباحث", "باحث", "وزير", "وزيره", "الوزير", "المتحدث", "متحدث", "الخبير",
              "خبير", "نائب", "عضو", "كبير", "الرئيسه", "المسؤول", "مسؤول", "الرئيس التنفيذي", "حاكم", "النائب",
              "السيناتور", "المستشار", "مستشار", "الاقتصادي", "المؤسس المشارك",
              # feminine forms ("رئيسة", "وزيرة" fold like "رئيسه", "وزيره" above)
              "حاكمة", "الحاكمة", "المتحدثة", "متحدثة", "نائبة", "النائبة", "مستشارة", "المستشارة",
              "المحللة", "محللة", "الباحثة", "باحثة", "الخبيرة", "خبيرة", "عضوة", "المديرة", "الوزيرة",
              "الناشط", "ناشط", "الناشطة", "المستثمر", "مستثمر", "رجل", "قائد", "القائد", "المهندس", "مهندس",
              "المعدن", "المشغل", "التاجر",
              # words a title takes before the name: "الرئيس السابق حسن روحاني"
              "السابق", "السابقة", "الأسبق", "الحالي", "الراحل")
_AR_TITLES = tuple(normalize_ar(w) for w in _AR_TITLES + ("رؤساء", "مسؤولو", "خبراء", "محللون", "المسؤولون", "مسؤولون"))
# … and the title of a body told before: "وقال مديرها التنفيذي ديمتري كوزلوف", "مؤسسها سالم المعشني"
_AR_TITLES += tuple(normalize_ar(w + suffix) for w in ("مدير", "مؤسس", "رئيس", "شريك", "مالك", "صاحب")
                    for suffix in ("ها", "هم", "ه"))
_QUOTES = {'"', "«", "»", "“", "”", "'"}
_AR_PLURAL_TITLES = tuple(normalize_ar(w) for w in ("رؤساء", "مسؤولو", "خبراء", "محللون", "المسؤولون", "مسؤولون"))
_AR_NOT_NAME = set(normalize_ar(w) for w in (
    "أكبر اكبر أصغر أول اول ثاني آخر اخر جديد جديدة كبير كبيرة صغير أهم اهم أحدث احدث أبرز ابرز "
    "عدد بعض معظم جميع كافة وسائل وسائط تقارير تقرير صحف وكالات مواقع بيانات تقديرات دراسة وثيقة "
    "لديها لديهم لدينا نية خطة مشروع قانون قرار ").split()) | set(normalize_ar(w) for w in (
    "في من الى إلى على عن مع ان أن إن الذي التي الذين هو هي هم قد لقد كان كانت ما لا لم لن كل بعض هذا هذه "
    "ذلك تلك عند عندما حيث ثم او أو و ف ايضا أيضا حتى بين خلال بعد قبل منذ نحو عبر اليوم امس إنه انه انها "
    "إنها لها له لهم نحن هناك هنا معدن معدني مصدر مصادر شخص أحد احد اي أي كما وكما بأن بان لأن لان "
    "فقط يلقب يدعى ولديه لديه عندما إذا اذا غير دون سوى يوم شهر عام سنة مساء صباح الآن الان أكثر اكثر أما وأما "
    "نفسه نفسها جانب الكثير كثير عدد عدة عده ثلاثة مليون مليار ألف الف بسبب وفق وفقا بحسب حسب لكن ولكن "
    "لكنه ولكنه بل وقد فقد كذلك وكذلك أيضاً ايضاً مثل ومثل حوالي نحو قرابة "
    "إنهم انهم أنهم إنهما انهما رجال آخرون اخرون آخرين اخرين ناشطون ناشطين خبراء مسؤولون "
    # verbs that open a ban sentence before a title: "أمر الرئيس الإيراني حسن روحاني"
    "أمر امر أمرت امرت قرر قررت أعلن اعلن أعلنت اعلنت أصدر اصدر أصدرت اصدرت حظر حظرت منع منعت "
    "أوقف اوقف أوقفت اوقفت طلب طلبت دعا دعت وقع وقعت "
    # plural nouns of people that a verb of saying may introduce: "وقال مزودو خدمات التعدين"
    "مزودو مزودون مزودي مسؤولو ممثلو ممثلون مديرو مستثمرو مستثمرون منتجو منتجون مشغلو معدنو "
    "عمال سكان مواطنون تجار اسمه اسمها هويته هويتها "
    # "المتحدث باسم الوزارة", "صاحب مزرعة": words about a person, not of a name
    "وهو وهي وهم فهو فهي باسم صاحب صاحبة صاحبه فيها فيه لها له منها منه عنها عنه إشعارا اشعارا "
    # "وقالت شركات تعدين إنها": companies and the industry, not a person's name
    "شركات تعدين لتعدين حملات حملة رقم لسنة أحدهم احدهم منشأة بقدرة بتشغيل ميزة برئاسة تاجر تجار "
    # nouns of places and trades that a verb of saying may put before a name
    "منجم مناجم مزرعة مزارع مصنع شرطة الشرطة مدينة مقاطعة ولاية إقليم منطقة محافظة عقودا "
    # people told by what they are, not by name ("وقال شاب من الأحساء", "يقول وسطاء"), bodies
    # ("مديرية أمن مصراتة", "قيادة الدرك") and words of the sentence a cue may run into
    "شاب شابة موظف موظفة وسيط وسطاء وكيل ممثل محامي مالك مشغل مشغلون مهرب مخلص مستقل معدنون "
    "مديرية قيادة مصالح بلدية أمن الأمن الدرك مؤتمر بيان اسم جزء أعمال رحلة قصة معلومات بنحو "
    "يدير يملك يعمل تعمل يكن يبني يرى يصفه يلفت يرجح ويرجح يبتسم كيف مطلع قطاع متابعون منتقدو "
    "تطالب يطالب تراجع قدرت يلزم دهمت داهمت فرق فرقا "
    # verbs of moving that open a sentence before its subject: "شحن باحميش أجهزته"
    "شحن شحنت نقل نقلت "
    # what a title and a name are often followed by: "أصدر الرئيس X Y مرسوما"
    "مرسوم مرسوما قرارا قانونا بيانا أمرا امرا تعليمات تعميما خطابا كلمة رسالة اتفاقا اتفاقية").split())
_AR_ORG_HEADS = {
    "ORGANIZATION": ("جامعه", "صحيفه", "وكاله", "رابطه", "جمعيه", "منظمه", "مؤسسه", "اتحاد", "منتدي",
                     "مركز", "معهد", "موقع", "قناه", "مجله", "حزب", "تحالف"),
    # ("منصة «أوكي كوين»": an exchange is a company)
    # (a named "مجموعة" is a business group: "مجموعة «الراية القابضة»")
    "COMPANY": ("شركه", "شركته", "شركتها", "الشركه", "صندوق", "بورصه", "منصه", "منصتا", "منصتي", "مجموعه"),
    "REGULATOR": ("وزاره", "هيئه", "لجنه", "اداره", "مجلس", "مصلحه", "دائره", "البنك المركزي", "بنك",
                  "المصرف المركزي", "مصرف",
                  "البرلمان", "برلمان", "مكتب", "محكمه", "المحكمه"),
}
# heads that name a body only with a name of its own after them (quoted or in Latin letters)
_AR_WEAK_HEADS = ("مركز", "موقع")
_AR_ORG_HEAD_RX = {
    label: Scanner(re.compile(r"(?<![\u0621-\u0652\u0670])(?:[وفبل]|لل|ب?ال)?(?:"
                              + "|".join(re.escape(normalize_ar(h)) for h in sorted(heads, key=len, reverse=True))
                              + r")(?![\u0621-\u0652\u0670])"))
    for label, heads in _AR_ORG_HEADS.items()}
#: heads listed with their article: "البرلمان الجزائري", "البنك المركزي", "الشركة"
_AR_DEFINITE_HEADS = tuple(normalize_ar(h) for hs in _AR_ORG_HEADS.values() for h in hs if h.startswith("ال"))
_AR_ORG_HEAD_WORDS = {normalize_ar(h) for hs in _AR_ORG_HEADS.values() for h in hs if " " not in h}
_AR_NOT_NAME |= _AR_ORG_HEAD_WORDS
# "then" inside a title ("الرئيس الإيراني آنذاك حسن روحاني"): no first name
_AR_THEN = {normalize_ar(w) for w in "آنذاك انذاك حينذاك حينها".split()}
# words of time inside a title: "الرئيس الإيراني آنذاك", "الرئيس السابق"
_AR_TITLE_TIME = _AR_THEN | {normalize_ar(w) for w in "السابق السابقة الأسبق".split()}
# what an order orders ends a name: "أمر الرئيس حسن روحاني بوقف التعدين"
_AR_NOT_NAME |= {normalize_ar(w) for w in (
    "بوقف بإيقاف بايقاف بحظر بمنع بإغلاق باغلاق بتعليق بقطع بفصل بتجميد بالتوقف بوضع بمصادرة بمصادره "
    "وقف إيقاف ايقاف حظر منع إغلاق اغلاق تعليق قطع فصل تجميد").split()} | _AR_THEN
# a weekday or a month ends a name: "البرلمان الجزائري الاثنين"
_AR_NOT_NAME |= {normalize_ar(w) for w in (*AR_WEEKDAYS, *AR_MONTHS) if len(w) > 2}
_AR_NAME_JOINS = {normalize_ar(w) for w in ("عبد", "أبو", "ابو", "بن", "ابن", "أبي", "ابي")}
_AR_BACK_KINDS = {normalize_ar(w) for w in ("المقاطعة", "الإقليم", "الولاية", "المحافظة", "المنطقة")}
_AR_PLACE_KINDS = {normalize_ar(w) for w in ("ولاية", "مقاطعة", "إقليم", "منطقة", "مدينة", "محافظة", "جمهورية")}
#: "يدعى X", "ويدعى X", "اسمه X": the name follows
_AR_NAMED = ("يلقب", "يدعي", "اسمه", "الملقب", "الملقبه", "تدعي", "ويدعي", "وتدعي", "ويلقب", "واسمه", "يسمي", "ويسمي")
_AR_PERSON_CUES = set(_AR_SAY) | set(_AR_TITLES) | set(_AR_NAMED)
# what a person told by name is, in an apposition ("، وهو معدّن من …")
_AR_WHO_IS = {normalize_ar(w) for w in ("معدن", "معدّن", "معدنة", "مهندس", "مهندسة", "مستثمر", "مستثمرة", "رجل", "سيدة",
                                        "تاجر", "مالك", "صاحب", "شريك", "مؤسس", "مدير")}
# the last word of many firms' names written in Arabic letters ("غواراني هاش", "سيلينغا ديجيتال")
_AR_FIRM_WORDS = {normalize_ar(w) for w in (
    "هاش", "ديجيتال", "كومبيوت", "كمبيوت", "ماينينغ", "ماينينج", "بلوك", "بلوكس", "داتا", "تك", "تكنولوجيز",
    "لابس", "باور", "هوستينغ", "كابيتال", "سيستمز", "للحوسبة", "للتعدين", "ميننغ")}
# words that give the name of what was told just before ("شركة … باسم", "اسمها", "تدعى")
_AR_NAMING = set(_AR_NAMED) | {normalize_ar(w) for w in ("باسم", "اسمها", "تسمى")}
# the endings no name has: the tanween of an adverb or object ("ضاحكاً", "مستودعاً"), and a
# possessive pronoun on a word of four letters or more ("مديرها", "شريكهم", "عائلته"; not
# "مها", "رنا", "لينا", and not a final ة, which names keep), or "his" on one of five or
# more ("انفصاله", "يملكه"; not "طه", "وجيه", "نبيه")
_NOT_NAME_FORM_AR = re.compile(r"(?:اً|ًا|ً)$|^[\u0600-\u06FF]{2,}(?:ها|هم|هما|ته|تها|تهم)$"
                               r"|^[\u0600-\u06FF]{3,}[^اويىة]ه$")
_AR_AUTH = normalize_ar(r"(?:ال)?(?:سلطات|حكومه|حكومات|مسؤولين|مسؤولون|مسؤولو|مسؤولي|جهات المختصه|النظام|الحكومات المحليه|سلطه)")

# ----------------------------------------------------------------- English cues
_EN_SAY_BEFORE = r"(?:said|says|told|according to|wrote|added|explained|noted|by|quoted|and|with|Rep\.|Sen\.|Gov\.|Governor|President|Republican|Democrat|Democratic|faces|defeated|CEO|founder|co-founder|chief executive|minister|Minister|analyst|researcher|chairman|Chairman|director|head|spokesperson|spokesman|spokeswoman|Mr\.|Ms\.|Mrs\.|Dr\.|Prime Minister|Secretary|Senator|Mayor)"
_EN_COMPANY_TAIL = ("Inc", "Inc.", "Ltd", "Ltd.", "Limited", "Corp", "Corp.", "Corporation", "Company", "Co", "Co.",
                    "Group", "Holdings", "Mining", "Technologies", "Technology", "Digital", "Capital",
                    "Ventures", "Partners", "Energy", "Power", "Networks", "Pool", "Exchange", "Blockchain",
                    "Platforms", "Scientific", "Systems", "LLC", "PLC", "plc", "AG", "SA", "Labs", "Bitcoin",
                    "Bhd", "Berhad")  # ("Tenaga Nasional Bhd")
# last words of the industry's own names ("Steppe Compute", "Magnolia Grid Services"), which
# may also begin one ("Compute North"): they type a name, they do not end one
_EN_COMPANY_LAST = frozenset(("Compute", "Computing", "Hosting", "Hashing", "Analytics", "Projects", "Securities",
                              "Services", "Solutions", "Thermal", "Infrastructure", "Resources"))
_EN_REGULATOR_TAIL = ("Commission", "Ministry", "Department", "Agency", "Authority", "Bureau",
                      "Administration", "Council", "Committee", "Legislature", "Parliament", "Senate",
                      "Congress", "Regulator", "Office", "Service", "Court", "Cabinet", "Duma", "Assembly",
                      "Board", "Reserve", "Regulatory", "Inspectorate", "Directorate")
_EN_ORG_TAIL = ("University", "Institute", "Centre", "Center", "Foundation", "Association", "Forum", "Times",
                "News", "Post", "Journal", "Network", "Society", "Union", "Organization", "Organisation",
                "Alliance", "Party", "Research", "Review", "Daily", "Herald", "Tribune", "Press", "Images",
                "Federation", "Chamber", "Club", "Index", "Report", "Magazine", "Insider", "Fund", "Bank", "Dam",
                "Station", "Plant", "Industry", "Industries", "Express", "Wire", "Media", "Telegraph", "Observer", "Gazette", "Digest")
_EN_ORG_HEADS = {"Association", "Federation", "Union", "Institute", "University", "Council", "Ministry",
                 "Department", "Bureau", "Bank", "Commission", "Chamber", "Centre", "Center", "Agency",
                 "Office", "Authority", "Committee", "Board", "Society", "Foundation", "League", "Alliance"}
_EN_TAILS = frozenset(_EN_COMPANY_TAIL + _EN_REGULATOR_TAIL + _EN_ORG_TAIL)
_EN_HEAD_REGULATOR = ("Ministry of", "Department of", "Office of", "Bureau of", "Commission of", "Council of",
                      "Ministry for", "Agency for", "State Council", "Central Bank")
_EN_NOT_NAME = set("""The A An This That These Those It Its In On At By For From To Of And Or But If As With
Without After Before Since Until While When Where Why How What Who Which There Here Some Many Most More
Several Such Other Another Each Every Both Either Neither However Moreover Meanwhile Lastly Also Still Yet So
Bitcoin Crypto Cryptocurrency Mining Miners Chinese Read Related Stories Footage Interestingly Unfortunately
Large Back Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec I We You
He She They His Her Their Our My Your Mr Ms Dr President CEO Governor Minister Prime Senator State City
Province Region Republic National Federal Government Authorities Officials Ethereum BTC ETH AM PM UTC GMT
Republican Republicans Democrat Democrats Democratic Senator Rep Gov Governor
USD EUR TV ID PDF OK Inc Ltd Co Corp
Instead Indeed Nevertheless Nonetheless Thus Hence Later Then Now Today Yesterday Overall Finally Elsewhere
Separately Similarly Likewise Besides Again Unlike Take Consider Look""".split())
_EN_STOP_LOWER = {"of", "and", "for", "the", "&"}
# words that make a capitalised name a feature of the land, not a person: "Seneca Lake"
_EN_FEATURE = set("""Lake Lakes River Sea Bay Gulf Valley Mountain Mountains Hills Island Islands Falls
Dam Canyon Creek Park Desert Basin Plateau Peninsula Coast Airport Station Street Road Avenue Square
Bridge County Port Harbor Harbour Nile Danube Volga Yangtze Mekong Amazon Euphrates Tigris""".split())
# particles inside people's names: Alex de Vries, Ursula von der Leyen
_EN_NAME_PARTICLES = {"de", "van", "von", "der", "den", "da", "del", "di", "la", "le", "du", "bin", "al", "el"}


def _fold(s: str) -> str:
    return normalize_ar(s).lower()


@Language.factory("kg_entities", requires=["doc.ents", "token.is_sent_start"],
                  assigns=["doc.spans"])
def make_entities(nlp: Language, name: str):
    return KGEntities(nlp.lang)


# the government levels of "the local authorities", "the central government"
_LOCAL_LEVELS = ("local", "provincial", "regional", "municipal")
_NATIONAL_LEVELS = ("central", "federal", "national")
# the levels of a province's own government ("the provincial government", "state regulators")
_PROVINCE_LEVELS = ("provincial", "state", "regional")
# "officials in Changji prefecture": a city's own government
_LOCAL_UNIT = re.compile(r"\s+(?:prefecture|county|district|municipality|city\s+(?:government|council|hall))\b", re.I)

_BROKEN_PLURAL = re.compile(r"(?:[وفب]?ال|[وف]?لل)([\u0621-\u064a]+)")


class KGEntities:
    """Collect gazetteer names, values and cue-found names into ``doc.spans["entities"]``."""

    def __init__(self, lang: str):
        self.lang = lang
        if lang == "ar":
            from ingest.lang.ar.demonyms import DEMONYMS
        else:
            from ingest.lang.en.demonyms import DEMONYMS
        self.demonyms = DEMONYMS
        if lang == "ar":
            from ingest.lang.ar.demonyms import BROKEN_PLURALS, PEOPLE_PLURALS
            # folded like the words they are matched against ("جزائري" -> "جزايري")
            alts = sorted({(_fold(d), pid) for pid, ds in DEMONYMS.items() for d in ds}, key=lambda x: -len(x[0]))
            self._demonym_re = [(re.compile(rf"(?<![\u0621-\u0652\u0670])(?:[وفبل]?ال)?{re.escape(d)}(?:ه|ين|ون|يه|يون|يين|ات)?(?![\u0621-\u0652\u0670])"), pid)
                                for d, pid in alts]
            self._broken_plurals = {_fold(d): pid for pid, ds in BROKEN_PLURALS.items() for d in ds}
            self._people_plurals = {_fold(d): pid for pid, ds in PEOPLE_PLURALS.items() for d in ds}
            self._broken_plurals.update(self._people_plurals)
        else:
            alts = sorted({(d, pid) for pid, ds in DEMONYMS.items() for d in ds}, key=lambda x: -len(x[0]))
            self._demonym_re = [(re.compile(rf"(?<![\w.]){re.escape(d)}(?![\w])"), pid) for d, pid in alts]

    # ------------------------------------------------------------ helpers
    def demonym_at(self, text: str) -> str | None:
        """The place a demonym word stands for (``الصينية`` → ``CN``); memoised per word."""
        cache = self.__dict__.setdefault("_demonym_cache", {})
        if text in cache:
            return cache[text]
        t = _fold(text) if self.lang == "ar" else text
        found = None
        if t and (self.lang != "ar" or t[-1] in "يهنت"):
            for rx, pid in self._demonym_re:
                if rx.fullmatch(t):
                    found = pid
                    break
        if found is None and t and self.lang == "ar":
            # "الروس", "والروس", "للروس": a broken plural, with its article only
            m = _BROKEN_PLURAL.fullmatch(t)
            found = self._broken_plurals.get(m.group(1)) if m else self._people_plurals.get(t)
        if len(cache) < 200_000:
            cache[text] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        token_view(doc, refresh_ents=True)
        gaz_ents = _listed_capitals(doc, _town_namesakes(doc, _namesakes(doc, _compass_provinces(
            doc, _counties(doc, _districts(doc, _towns_elsewhere(doc, _in_names(doc, _vowelled(doc, _with_country(doc, list(doc.ents)))))))))))
        doc.user_data["kg_ents"] = gaz_ents
        # the gazetteer id travels as kb_id: a Span's ent_id_ would fall back on its
        # tokens' ids, and names found by cues must not inherit them. The ruler's id is
        # read as ``id_`` (the id doc.ents gives each span), the same string as ``ent_id_``,
        # which would build the span's root token on every access
        spans.extend(Span(doc, e.start, e.end, label=e.label_, kb_id=e.id_) for e in gaz_ents)
        # values
        fold = folded_doc(doc)[:2]
        for v in find_dates(_text(doc), self.lang, doc._.published, fold=fold):
            sp = doc.char_span(v["start"], v["end"], label="DATE", alignment_mode="expand")
            if sp is not None:
                sp._.kg_value = v["value"]
                spans.append(sp)
        for v in find_capacities(_text(doc), self.lang, fold=fold):
            sp = doc.char_span(v["start"], v["end"], label="CAPACITY", alignment_mode="expand")
            if sp is not None:
                sp._.kg_value = v["value"]
                spans.append(sp)
        salient = self._salient_place(doc)
        doc._.salient_place = salient
        if self.lang == "ar":
            spans += self._ar_cues(doc, salient)
        else:
            spans += self._en_cues(doc, salient)
        spans += self._capital_words(doc, salient)
        spans += self._person_repeats(doc, spans)
        spans += _acronyms(doc, spans)
        spans = _papers(doc, spans)
        credits = _credits(_text(doc))
        if credits:
            # "(Photo by Stephanie Keith/Getty Images)": who took a picture is in no story
            spans = [sp for sp in spans if not any(a <= sp.start_char < b for a, b in credits)]
        spans = _dedupe(spans)
        quoted = doc.user_data.get("kg_quoted")
        if quoted:
            spans = [sp for sp in spans if not (sp.label_ in PLACE_TYPES and any(
                a <= sp.start and sp.end <= b and (a, b) != (sp.start, sp.end) for a, b in quoted))]
        spans = sorted(spans, key=lambda s: (s.start_char, -s.end_char))
        doc.spans["entities"] = spans
        doc.user_data["kg_entity_spans"] = (doc.spans["entities"], spans)  # see entity_spans
        return doc

    # ------------------------------------------------------------ places
    def _salient_place(self, doc: Doc) -> str | None:
        places = [e for e in _gaz(doc) if e.label_ in ("COUNTRY", "PROVINCE") and e.id_]
        counts = Counter(e.id_ for e in places)
        if not counts:
            return None
        # the place a wire dateline opens with ("الكويت، ٢٢ أبريل (وكالات) –", "PRISTINA, Feb 8
        # (Agency) -") and the title's first place tell what the article is about more than
        # the places it lists later (where the movers went)
        text = _text(doc)
        title_end = text.find("\n")
        for i, e in enumerate(places):
            # (not where the title's movers go: "Turkish miners cross into Georgia")
            if i == 0 and e.start_char < title_end and not _TO_BEFORE.search(text, max(0, e.start_char - 14), e.start_char):
                counts[e.id_] += 2
            if 0 <= title_end < e.start_char and dateline(text, e):
                counts[e.id_] += 2
        # a town the dateline opens with is where the article is told from: its province
        # ("وهران (الجزائر) -" over the Tunisian province the movers reached, "BATUMI,
        # Georgia, March 16 -"). (Other towns do not count: they are as often where
        # movers went.)
        town = next((e for e in _gaz(doc) if e.label_ == "CITY" and e.id_ and e.start_char > title_end >= 0), None)
        if town is not None and dateline(text, town):
            pid = self._auth_place_id(town)
            if pid:
                counts[pid] += 3
        # a province counts for its country too
        total = Counter(counts)
        for pid, c in counts.items():
            if "-" in pid:
                total[pid.split("-")[0]] += c
        best = max(total.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
        # an article about one province of the country: that province
        provs = [(pid, c) for pid, c in counts.items() if "-" in pid and pid.split("-")[0] == best]
        if provs:
            pid, c = max(provs, key=lambda kv: kv[1])
            if c * 2 > total[best]:
                return pid
        return best

    def _place_near(self, doc: Doc, start: int, end: int, window: int = 4) -> Span | None:
        """A gazetteer place right after tokens [start, end) (through في/of/in), or its demonym."""
        for ent in _gaz(doc):
            if ent.label_ in ("COUNTRY", "PROVINCE", "CITY") and end <= ent.start <= end + window:
                between = doc[end:ent.start]
                if all(t.norm_ in ("في", "ب", "of", "in", "the", "'s", "province", "region", "state", "مقاطعه", "اقليم", "منطقه", "ولايه", "مدينه") or t.is_punct and t.text not in ".،,؛" for t in between):
                    return ent
        return None

    def _auth_place_id(self, ent: Span, local: bool = False) -> str | None:
        """The place whose authorities a place names: a capital's country ("officials in
        Beijing"), another town's province (:func:`ingest.gazetteer.authority_place`), or with
        ``local`` the town's parent ("officials in Changji prefecture")."""
        if ent.label_ == "CITY":
            parent = names().get(ent.id_, {}).get("parent")
            if local and parent:
                return parent
            return authority_place(ent.id_)  # (a capital's country, any other town's province)
        return ent.id_

    def _capital_words(self, doc: Doc, salient: str | None = None) -> list[Span]:
        """"العاصمة التونسية", "the Kazakh capital": a country's capital named by the
        country's adjective (left to the name when one follows: "the Georgian capital, Tbilisi").

        With no adjective, "قادماً من العاصمة" is the capital of the article's country
        (``salient``); in English only where that place is a country ("moved from the
        capital to …" in a story about Texas may mean Austin)."""
        ar = self.lang == "ar"
        word = "عاصم" if ar else "capital"
        if word not in _text(doc):
            return []
        out = []
        starts = None
        for t in doc:
            if word not in t.text:
                continue
            if ar:
                if t.i + 1 >= len(doc) or _fold(t.text) not in _CAPITAL_WORD_AR:
                    continue
                adj, lo, hi = doc[t.i + 1], t.i, t.i + 2
            else:
                if t.text != "capital" or t.i < 2 or doc[t.i - 2].lower_ != "the":
                    continue
                adj, lo, hi = doc[t.i - 1], t.i - 1, t.i + 1
            country = self.demonym_at(adj.text)
            if country is None and salient and _bare_capital(doc, t, salient, ar):
                country, lo, hi = salient.split("-")[0], (t.i if ar else t.i - 1), t.i + 1
            capital = capital_of(country)
            if capital is None:
                continue
            if starts is None:
                starts = {e.start for e in _gaz(doc)}
            nxt = hi + 1 if hi < len(doc) and doc[hi].text in (",", "،") else hi
            if nxt in starts:
                continue  # the name follows and is matched itself
            out.append(Span(doc, lo, hi, label="CITY", kb_id=capital))
        return out

    # ------------------------------------------------------------ Arabic
    def _ar_cues(self, doc: Doc, salient: str | None) -> list[Span]:
        out: list[Span] = []
        folded, offsets, _ = folded_doc(doc)

        def span_of(fs, fe, label, kb=None):
            s, e = offsets[fs], offsets[fe - 1] + 1
            sp = doc.char_span(s, e, label=label, kb_id=kb or "", alignment_mode="expand")
            return sp

        # generic authorities: السلطات [في] X / السلطات الصينية / سلطات سيشوان
        for m in scanner(rf"(?<![\u0621-\u0652\u0670]){_AR_AUTH}(?![\u0621-\u0652\u0670])").finditer(folded):
            sp = span_of(m.start(), m.end(), "REGULATOR")
            if sp is None:
                continue
            nxt = doc[sp.end] if sp.end < len(doc) else None
            place_id, end = None, sp.end
            if nxt is not None and self.demonym_at(nxt.text):
                place_id, end = self.demonym_at(nxt.text), sp.end + 1
            else:
                near = self._place_near(doc, sp.start, sp.end, window=2)
                if near is not None:
                    place_id, end = self._auth_place_id(near), near.end
            local = "محلي" in doc[sp.end:sp.end + 2].text or "المحليه" in _fold(sp.text)
            if place_id is None and sp.end + 1 < len(doc) and doc[sp.end].norm_ in ("في", "ب") \
                    and doc[sp.end + 1].norm_ in _AR_BACK_KINDS:
                # "السلطات في المقاطعة": the province told before
                told = [e for e in _gaz(doc) if e.label_ == "PROVINCE" and e.end <= sp.start]
                if told:
                    place_id, end = told[-1].id_, sp.end + 2
            if place_id is None:
                place_id = self._sentence_place(doc, sp, prefer_specific=local) or salient
                if place_id and not local and "حكوم" in _fold(sp.text):
                    # "الحكومة", "الحكومة المركزية" with no place of their own: the country's
                    place_id = place_id.split("-")[0]
            if place_id is None:
                continue
            out.append(Span(doc, sp.start, end, label="REGULATOR", kb_id=f"authorities:{place_id}"))
        # named bodies by head word: وزارة الطاقة ..., جامعة كامبريدج, شركة "بت ماينيغ"
        tv = token_view(doc)
        norms, texts = tv["norm"], tv["text"]
        for label, rx in _AR_ORG_HEAD_RX.items():
            for m in rx.finditer(folded):
                head = span_of(m.start(), m.end(), label)
                if head is None:
                    continue
                body = self._ar_name_after(doc, head.end, allow_definite=(label != "COMPANY"),
                                           adjective=(label == "REGULATOR"))
                if body is None:
                    continue
                if (label != "COMPANY" and not body[2] and re.match(r"[وفب]?ال", m.group(0))
                        and not m.group(0).lstrip("وفب").startswith(_AR_DEFINITE_HEADS)
                        and not re.match(r"[وفب]?(?:ال|لل)", norms[body[0]])
                        and not self.demonym_at(texts[body[0]])):
                    # "الوزارة أحمد موسى", "الوزارة ضبطت": "the ministry" told before, then a
                    # name or a verb; a body's own name agrees with it ("الهيئة العامة للرقابة")
                    continue
                start = head.start if label != "COMPANY" else body[0]
                if label == "COMPANY" and body[2]:
                    start = body[0]
                if label == "REGULATOR" and not body[2]:
                    # "وزارة الطاقة في يونان": keep a following place
                    near = self._place_near(doc, body[0], body[1], window=1)
                    if near is not None and doc[body[1]].norm_ == "في":
                        body = (body[0], near.end, False)
                if not body[2] and norms[head.start].lstrip("وفبل").removeprefix("ال") in _AR_WEAK_HEADS:
                    continue  # "مركز استضافة", "موقع ثانٍ": a site, unnamed
                sp = Span(doc, start, body[1], label=label)
                if label == "COMPANY" and not body[2] and not doc[body[0]].text[:1].isascii():
                    # "شركة غواراني هاش، المتخصصة …": a name that ends with a firm's word ("هاش",
                    # "ديجيتال", "كومبيوت"), else no name ("شركة الكهرباء", "شركة صغيرة")
                    ends = [k for k in range(body[0] + 1, body[1]) if norms[k] in _AR_FIRM_WORDS]
                    if not ends:
                        continue
                    sp = Span(doc, start, ends[-1] + 1, label=label)
                if body[2]:
                    # شركة "مانيتوبا هايدرو": a quoted name is one name, whatever place it holds
                    doc.user_data.setdefault("kg_quoted", set()).add((sp.start, sp.end))
                out.append(sp)
        # people: cue verb + name, name + title, يلقب ب"X"
        tv = token_view(doc)
        norms, texts, puncts, ents = tv["norm"], tv["text"], tv["punct"], tv["ent"]
        caps = _caps(tv)
        for i, n in enumerate(norms):
            if n not in _AR_PERSON_CUES:
                if not (n[:1] in ("و", "ف") and n[1:] in _AR_TITLES):
                    continue
                n = n[1:]  # "فالمعدن مراد يلماز": a title under a glued conjunction
            if n in _AR_SAY:
                j = i + 1
                while j < len(doc) and (norms[j] in _AR_TITLES or self.demonym_at(texts[j])):
                    j += 1
                nm = self._ar_person_tokens(doc, j)
                if nm:
                    out.append(Span(doc, nm[0], nm[1], label="PERSON"))
            if n in _AR_TITLES and n not in _AR_PLURAL_TITLES and (i == 0 or norms[i - 1] not in _AR_TITLES):
                j = i + 1
                while j < len(doc) and (norms[j] in _AR_TITLES or self.demonym_at(texts[j])
                                        or norms[j] in _AR_TITLE_TIME  # "الرئيس الإيراني آنذاك حسن روحاني"
                                        or (norms[j] == "الاعمال" and norms[j - 1] in ("رجل", "سيده"))  # "رجل الأعمال ليو وي"
                                        or caps[j] or texts[j] in ("،", ",")
                                        # "حاكمة ولاية نيويورك كاثي هوكول": the title's place
                                        or ents[j] in PLACE_TYPES or norms[j] in _AR_PLACE_KINDS
                                        or (norms[j].startswith(("ل", "ب")) and caps[min(j + 1, len(doc) - 1)])):
                    j += 1
                k = j
                while k < len(doc) and k - j < 4 and self._name_like_i(doc, k):
                    k += 1
                if k - j >= 2:
                    out.append(Span(doc, j, k, label="PERSON"))
                elif j < len(doc) and (norms[j] in ("في", "لدي", "ب", "باسم") or texts[j].startswith(("ال", "وال", "لل"))
                                       or norms[j] in _AR_ORG_HEAD_WORDS or norms[j] in _AR_NOT_NAME):
                    # "المحلل في شركة كوين شيرز جيمس باترفيل إن …", "وزيرة التحول الرقمي والإدارة
                    # العامة كارين تونج": a name closes the title's phrase
                    for st in range(j + 1, min(j + 8, len(doc) - 1)):
                        k = st
                        while k < len(doc) and k - st < 3 and self._name_like_i(doc, k):
                            k += 1
                        if k - st == 1 and self._al_surname(doc, k):
                            k += 1  # "محمد الشميمري إن"
                        if k - st >= 2 and not any(ents[st:k]) and sum(t in _QUOTES for t in texts[j:st]) % 2 == 0 and k < len(doc) \
                                and (norms[k] in ("ان", "بان", ":", ",", "انه", ".") or texts[k].startswith(("لل", "لـ"))):
                            out.append(Span(doc, st, k, label="PERSON"))
                            break
            if n in _AR_TITLES and i > 0:
                k = i
                st = k
                while st > 0 and k - st < 3 and self._name_like_i(doc, st - 1):
                    st -= 1
                if st < k and (st == 0 or puncts[st - 1] or norms[st - 1] in _AR_SAY
                               or norms[st - 1] in _AR_NOT_NAME or doc[st - 1].is_sent_start):
                    out.append(Span(doc, st, k, label="PERSON"))
            elif n in _AR_NAMED:
                j = i + 1
                if j < len(doc) and norms[j] in ("الاول", "الحقيقي", "الكامل", "المستعار"):
                    j += 1  # "طلب الاكتفاء بذكر اسمه الأول «هيوا»"
                if j < len(doc) and texts[j] in ("ب", "ـ"):
                    j += 1
                q = self._quoted(doc, j)
                if q:
                    out.append(Span(doc, q[0], q[1], label="PERSON"))
                elif (nm := self._ar_person_tokens(doc, j)) and (nm[1] - nm[0] >= 2 or (
                        nm[1] < len(doc) and (puncts[nm[1]] or norms[nm[1]] in ("ان", "انه", "انها", "بان")))):
                    # "يدعى رستم نظروف"; one name where its phrase ends ("يدعى سفيان إنه …")
                    out.append(Span(doc, nm[0], nm[1], label="PERSON"))
        # a name told with its age or what it is: "أرمان جاكيبوف، 34 عاماً، مهندس …", "نيناد
        # ستويكوفيتش، وهو معدّن من زوبين بوتوك، قال …"
        for i, n in enumerate(norms):
            if n in ("وهو", "وهي") and i >= 3 and texts[i - 1] in ("،", ",") and i + 1 < len(doc) \
                    and norms[i + 1] in _AR_WHO_IS:
                k = i - 1
            elif n not in ("عاما", "سنه") or i < 4 or texts[i - 2] not in ("،", ",") or not doc[i - 1].like_num:
                continue
            else:
                k = i - 2
            st = k
            while st > 0 and k - st < 3 and self._name_like_i(doc, st - 1):
                st -= 1
            if k - st >= 2 and (st == 0 or puncts[st - 1] or doc[st].is_sent_start):
                out.append(Span(doc, st, k, label="PERSON"))
        # towns no gazetteer knows: مدينة X
        for i, n in enumerate(norms):
            if n in ("مدينه", "مدينتي", "بلده", "ومدينه", "بمدينه", "لمدينه") and i + 1 < len(doc):
                k = i + 1
                while k < len(doc) and k - i <= 2 and self._name_like_i(doc, k) and not ents[k]:
                    k += 1
                if k > i + 1:
                    out.append(Span(doc, i + 1, k, label="CITY"))
        # names in Latin script inside Arabic text
        out += self._latin_names(doc)
        return [s for s in out if s is not None and len(s)]

    def _province_told(self, doc: Doc, sp: Span, salient: str | None) -> str | None:
        """The province that "the provincial (state, regional) government" with no place
        of its own means: the last one told before it in its paragraph ("Corvane's
        journey began in Sichuan. When provincial authorities cut power"; a town
        told: its province; a national capital speaks for its country, no
        province), else the province the article is about ("machines from China,
        where Beijing had ordered …" a paragraph before "the provincial government
        imposed a moratorium" of an article about Manitoba), else the last one told."""
        para = _text(doc).rfind("\n", 0, sp.start_char)
        last = None
        for e in reversed([e for e in _gaz(doc) if e.label_ in ("PROVINCE", "CITY") and e.end <= sp.start]):
            pid = self._auth_place_id(e)
            if pid and "-" in pid:
                if e.start_char > para:
                    return pid
                last = last or pid
        return salient if salient and "-" in salient else last

    def _sentence_place(self, doc: Doc, sp: Span, prefer_specific=False) -> str | None:
        sent = sentence_at(doc, sp.start)
        places = [e for e in _gaz(doc) if e.label_ in ("COUNTRY", "PROVINCE", "CITY")
                  and e.start >= sent.start and e.end <= sent.end]
        if prefer_specific:
            prev = [e for e in _gaz(doc) if e.label_ in ("PROVINCE", "CITY") and e.end <= sp.start]
            if prev:
                return self._auth_place_id(prev[-1])
        ids = {self._auth_place_id(e) for e in places}
        ids.discard(None)
        if len(ids) > 1:
            # a destination ("poured into Kazakhstan") is not where the authorities are
            text = _text(doc)
            ids = {self._auth_place_id(e) for e in places
                   if not re.search(r"(?:\b(?:to|into|towards)|(?:الي|الى|إلى|نحو))\s+(?:the\s+)?$",
                                    text[max(0, e.start_char - 12):e.start_char])}
            ids.discard(None)
        if not places:
            # "بدأ «كيغوك» تقنين الكهرباء …، ثم أمرت السلطات …": a sentence with no place, and a
            # known regulator or power utility of one country: the authorities are that
            # country's (not a miner's: "Hut 8 said the authorities seized …")
            nm = names()
            ids = {(nm.get(e.id_) or {}).get("country") for e in _gaz(doc)
                   if e.id_ and e.start >= sent.start and e.end <= sent.end
                   and (e.label_ == "REGULATOR" or (nm.get(e.id_) or {}).get("utility"))}
            ids.discard(None)
        if len(ids) == 1:
            return ids.pop()
        return None

    def _name_like_i(self, doc: Doc, i: int) -> bool:
        """Whether token ``i`` may be part of an Arabic name (:meth:`_name_like_parts`),
        from the doc's token view (memoised)."""
        tv = token_view(doc)
        memo = tv["name_like"]
        if i not in memo:
            t = tv["text"][i]
            memo[i] = self._name_like_parts(t, tv["norm"][i], tv["punct"][i], tv["ent"][i]) or (
                # "عبد الرحمن", "أبو بكر": the article after عبد/أبو/بن is inside the name
                i > 0 and t.startswith("ال") and tv["norm"][i - 1] in _AR_NAME_JOINS and not tv["ent"][i]
                and tv["norm"][i] not in _AR_NOT_NAME and not self.demonym_at(t))
        return memo[i]

    def _name_like_parts(self, t: str, n: str, punct: bool, ent: str) -> bool:
        if not t or not ("\u0600" <= t[0] <= "\u06ff"):
            return False
        if n in _AR_NOT_NAME or n in _AR_SAY or n in _AR_TITLES or punct:
            return False
        if n[:1] in ("و", "ف") and n[1:] in _AR_NOT_NAME:
            return False  # "وكانت", "ويرجح": a common word under a glued conjunction
        if t.startswith("ال") or (t.startswith(("وال", "بال", "لل")) and len(t) >= 6):
            return False  # the article (أليخاندرو, إلهام are names; "بالشا" is one too); "للصحفيين"
        if ent and ent in PLACE_TYPES:
            return False
        if self.demonym_at(t):
            return False
        if self._trigger_word(t):
            return False
        if _NOT_NAME_FORM_AR.search(t):
            return False  # "ضاحكاً", "كاملاً" (an adverb's tanween), "مديرها", "عائلته" (a pronoun's ending)
        return len(n) >= 2


    def _trigger_word(self, text: str) -> bool:
        """Whether a word is a trigger of the lexicon (never part of a name); memoised per word."""
        cache = self.__dict__.setdefault("_trigger_cache", {})
        hit = cache.get(text)
        if hit is None:
            from ingest.components.events import load_triggers
            if not hasattr(self, "_trig_rx"):
                self._trig_rx = [rx for _, _, rx in load_triggers(self.lang)]
            f = _fold(text)
            # (also under a glued "و"/"ف": "ويخطط" opening a sentence is a verb, not a name)
            bare = f[1:] if self.lang == "ar" and f[:1] in ("و", "ف") and len(f) > 4 else None
            hit = any(rx.fullmatch(f) or (bare is not None and rx.fullmatch(bare)) for rx in self._trig_rx)
            if len(cache) < 200_000:
                cache[text] = hit
        return hit

    def _al_surname(self, doc: Doc, k: int) -> bool:
        """Whether token ``k``, after a first name, is a family name with the article
        ("محمد العلي لـ…", "خالد الأحمد إن"): followed by where the name ends."""
        tv = token_view(doc)
        texts, norms = tv["text"], tv["norm"]
        if k + 1 >= len(doc) or not texts[k].startswith("ال") or len(texts[k]) < 4 or tv["ent"][k] \
                or norms[k] in _AR_NOT_NAME or norms[k] in _AR_TITLES or self.demonym_at(texts[k]) \
                or self._trigger_word(texts[k]):
            return False
        return norms[k + 1] in ("ان", "بان", "انه", ":", ",", ".") or texts[k + 1].startswith(
            ("لـ", "ل\"", "ل«", "لوكال", "لصحيف", "لقنا", "لموقع", "للصحف", "لرويترز", "لبي بي سي"))

    def _ar_person_tokens(self, doc: Doc, j: int) -> tuple[int, int] | None:
        q = self._quoted(doc, j)
        if q and q[1] - q[0] <= 4:
            return q
        k = j
        while k < len(doc) and k - j < 3 and self._name_like_i(doc, k):
            k += 1
        if k > j and k - j < 3 and self._al_surname(doc, k):
            k += 1
        if k == j:
            return None
        if k - j == 1 and token_view(doc)["norm"][j].endswith(("ون", "ات")):
            return None
        return (j, k)

    def _quoted(self, doc: Doc, j: int) -> tuple[int, int] | None:
        texts = token_view(doc)["text"]
        if j < len(texts) and texts[j] in ('"', "«", "“", "'"):
            k = j + 1
            while k < len(texts) and texts[k] not in ('"', "»", "”", "'") and k - j < 8:
                k += 1
            if k < len(texts) and k > j + 1 and texts[k] in ('"', "»", "”", "'"):
                return (j + 1, k)
        return None

    def _ar_name_after(self, doc: Doc, j: int, allow_definite: bool, adjective: bool = False):
        """(start, end, quoted) of a name right after a head word, or None; with
        ``adjective``, a demonym alone is a name ("البرلمان الجزائري": a country's own body)."""
        tv = token_view(doc)
        texts, norms, puncts = tv["text"], tv["norm"], tv["punct"]
        caps = _caps(tv)
        q = self._quoted(doc, j)
        # (not a quotation: الشركة "لن تتأثر كثيراً", الشركة "لاحظت طلبات اشتراك صناعية جديدة في أرتا")
        if q and norms[q[0]] not in _AR_NOT_NAME and not (q[1] - q[0] > 4 and not caps[q[0]]):
            return (q[0], q[1], True)
        # "شركة الكهرباء الوطنية "أندي"": a quoted name a few words after the head, or a few
        # more when a word names it ("شركة صغيرة لتعدين البيتكوين باسم "ساري أركا"")
        for k in range(j + 1, min(j + 7, len(doc))):
            if puncts[k] and texts[k] not in ('"', "«", "“"):
                break
            if k >= j + 4 and norms[k - 1] not in _AR_NAMING:
                continue
            q = self._quoted(doc, k)
            if q and q[1] - q[0] <= 4 and norms[q[0]] not in _AR_NOT_NAME:  # a name, not a quotation ("لن تتأثر")
                return (q[0], q[1], True)
        if j < len(doc) and caps[j]:
            k = j
            while k < len(doc) and (caps[k] or (texts[k] in _EN_STOP_LOWER and k + 1 < len(doc) and caps[k + 1])):
                k += 1
            return (j, k, True)
        if adjective and j < len(doc) and self.demonym_at(texts[j]):
            return (j, j + 1, False)
        if j < len(doc) and texts[j][:1] in ("ل", "ب") and not tv["ent"][j]:
            return None
        k = j
        while k < len(doc) and k - j < 4:
            t, n = texts[k], norms[k]
            if puncts[k] or (n in _AR_NOT_NAME and n not in _AR_ORG_HEAD_WORDS) or n in _AR_SAY or doc[k].like_num:
                break
            if not ("\u0600" <= t[0] <= "\u06ff") and not t[0].isalpha():
                break
            if not allow_definite and (n.startswith("ال") and k == j):
                break
            if self._trigger_word(t):
                break
            k += 1
            if self.demonym_at(t):
                break
        if k == j:
            return None
        # a head word followed only by an adjective is not a name ("الشركة الصينية"),
        # unless ``adjective`` (handled above)
        if k - j == 1 and self.demonym_at(texts[j]):
            return None
        return (j, k, False)

    # ------------------------------------------------------------ English
    def _en_cues(self, doc: Doc, salient: str | None) -> list[Span]:
        out: list[Span] = []
        text = _text(doc)
        # generic authorities
        auth = (r"(?:(?:the|The)\s+)?(?:(local|provincial|regional|state|federal|central|national|municipal)\s+)?"
                r"(?:([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+)?([Aa]uthorities|[Gg]overnment|[Oo]fficials|[Rr]egulators|[Ll]awmakers|[Aa]dministration|[Ll]egislature)\b"
                r"(?:\s+(?:of|in)\s+)?")
        for m in scanner(auth).finditer(text):
            sp = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if sp is None or not len(sp):
                continue
            place_id, end = None, sp.end
            level = (m.group(1) or "").lower()  # "local", "central" …
            adj = m.group(2)
            if adj:
                place_id = self.demonym_at(adj)
                if place_id is None:
                    near = [e for e in _gaz(doc) if e.start_char == m.start(2) and e.label_ in PLACE_TYPES]
                    place_id = self._auth_place_id(near[0]) if near else None
                if place_id is None and adj[0].isupper():
                    continue
            if place_id is None:
                # "X's government" / "X authorities"
                prev = [e for e in _gaz(doc) if e.label_ in ("COUNTRY", "PROVINCE", "CITY")
                        and (sp.start == e.end or (sp.start - e.end == 1 and doc[e.end].norm_ in ("'s", "'")))]
                if prev:
                    place_id = self._auth_place_id(prev[-1])
            if place_id is None and text[m.end() - 4:m.end()].strip() in ("of", "in"):
                near = self._place_near(doc, sp.start, sp.end, window=2)
                if near is not None:
                    local = level in _LOCAL_LEVELS or _LOCAL_UNIT.match(text, near.end_char) is not None
                    place_id, end = self._auth_place_id(near, local), near.end
            if place_id is None and level in _PROVINCE_LEVELS:
                place_id = self._province_told(doc, sp, salient)
            if place_id is None:
                # (local, provincial or state officials: the most specific place; central,
                # federal or national ones: the country)
                place_id = self._sentence_place(doc, sp, prefer_specific=level in _LOCAL_LEVELS + ("state",)) or salient
                if place_id and level in _NATIONAL_LEVELS:
                    place_id = place_id.split("-")[0]
            if place_id is None:
                continue
            while end > sp.start and doc[end - 1].lower_ in ("of", "in"):
                end -= 1
            out.append(Span(doc, sp.start, end, label="REGULATOR", kb_id=f"authorities:{place_id}"))
        for m in scanner(r"\b(?:the\s+)?((?:[A-Z][a-z]+\s+)?(?:energy|finance|economy|interior|industry|digital\s+development|"
                     r"mining|environment|trade)\s+(?:ministry|ministers?|regulator|department)|central\s+bank)\b").finditer(text):
            sp = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if sp is not None:
                out.append(Span(doc, sp.start, sp.end, label="REGULATOR"))
        out += self._latin_names(doc)
        return out

    def _latin_names(self, doc: Doc) -> list[Span]:
        """Capitalised names (Latin script) typed by their cues.

        A run of capitalised tokens (with inner "of", "and", hyphens) is cut
        at gazetteer names unless it ends in an organisation word ("Inner
        Mongolia Development and Reform Commission" stays whole). Runs are
        token ranges ``(start, end)`` over the doc's token view; only typed
        names become spans."""
        tv = token_view(doc)
        texts, ws = tv["text"], tv["ws"]
        caps = _caps(tv)
        n = len(texts)
        gaz_tokens = set()
        for e in _gaz(doc):
            gaz_tokens.update(range(e.start, e.end))
        runs: list[tuple[int, int]] = []
        i = 0
        while i < n:
            if not caps[i]:
                i += 1
                continue
            j = i
            while j < n and (caps[j]
                             or (texts[j] in _EN_STOP_LOWER and j > i and j + 1 < n and caps[j + 1])
                             or (texts[j] in _EN_NAME_PARTICLES and j > i and _cap_after_particles(texts, caps, j))
                             or (texts[j] in ("-", "–") and j > i and not ws[j - 1] and j + 1 < n and caps[j + 1])
                             or (texts[j] in ("Inc.", "Ltd.", "Co.", "Corp.", "&") and j > i)):
                j += 1
            runs.append((i, j))
            i = j
        # a run that reads "… Commission Monday" ends at its organisation word
        split_runs = []
        tails = _EN_TAILS
        # "of", "and", "for" join the words of an organisation's name, not of anything else
        joined = []
        for a, b in runs:
            words = texts[a:b]
            heads = [w for w in words if w not in ("The", "the") and not self.demonym_at(w)][:1]
            if heads and heads[0] in _EN_ORG_HEADS and any(w in _EN_STOP_LOWER for w in words):
                joined.append((a, b))  # "Association of Blockchain and Data Centre Industry"
                continue
            if any(w in _EN_STOP_LOWER for w in words) and words[-1] not in tails:
                st = a
                for k in range(a, b):
                    if texts[k] in _EN_STOP_LOWER:
                        joined.append((st, k))
                        st = k + 1
                joined.append((st, b))
            else:
                joined.append((a, b))
        runs = [(a, b) for a, b in joined if b > a]
        for a, b in runs:
            if texts[a] in _EN_ORG_HEADS or (b - a > 1 and texts[a] == "The" and texts[a + 1] in _EN_ORG_HEADS):
                split_runs.append((a, b))  # "Chamber of Digital Commerce" is one name
                continue
            cut = [k for k in range(a, b - 1) if texts[k] in tails
                   and texts[k + 1] not in tails and texts[k + 1] not in _EN_STOP_LOWER]
            st = a
            for k in cut:
                split_runs.append((st, k + 1))
                st = k + 1
            split_runs.append((st, b))
        runs = [(a, b) for a, b in split_runs if b > a]
        typed: list[tuple[int, int, str]] = []
        for run in runs:
            a, b = _trim(texts, *run)
            if b <= a:
                continue
            whole_org = texts[b - 1] in tails and b - a >= 2
            if not whole_org:
                # keep the part after the last gazetteer token
                cut = [k for k in range(a, b) if k in gaz_tokens]
                if cut:
                    a, b = _trim(texts, max(cut) + 1, b)
                    if b <= a:
                        continue
            label = self._type_latin(doc, a, b)
            if label is not None:
                typed.append((a, b, label))
        # a lone surname of a person named in full is that person
        surnames = {texts[b - 1] for a, b, label in typed if label == "PERSON" and b - a >= 2}
        return [Span(doc, a, b, label="PERSON" if b - a == 1 and texts[a] in surnames else label)
                for a, b, label in typed]

    def _type_latin(self, doc: Doc, start: int, end: int) -> str | None:
        """The entity type of the capitalised name in tokens [start, end), or None."""
        tv = token_view(doc)
        toks = tv["text"][start:end]
        words = [t for t in toks if t not in ("-", "–")]
        last = words[-1].rstrip(".")
        if len(words) > 2 and self.demonym_at(words[0]):
            words = words[1:]  # "Lao Ministry of Energy and Mines": a country's body
        head2 = " ".join(words[:2])
        if any(head2.startswith(h) for h in _EN_HEAD_REGULATOR) and len(words) >= 2:
            return "REGULATOR"
        if (last in _EN_COMPANY_TAIL or last in _EN_COMPANY_LAST) and len(words) >= 2:
            return "COMPANY"
        if last in _EN_REGULATOR_TAIL and len(words) >= 2:
            return "REGULATOR"
        if last in _EN_ORG_TAIL and len(words) >= 2:
            return "ORGANIZATION"
        if words[0] in _EN_ORG_HEADS and len(words) >= 3 and words[1] in ("of", "for"):
            reg = words[0] in ("Ministry", "Department", "Bureau", "Commission", "Agency", "Office",
                               "Authority", "Committee", "Board") or head2 == "Bank of"
            return "REGULATOR" if reg else "ORGANIZATION"
        before = span_text(doc, max(0, start - 4), start)
        after = span_text(doc, end, min(len(tv["text"]), end + 4))
        morph = [w for w in words if (m := _COMPANY_MORPHEME.search(w)) and (len(words) > 1 or len(w) > len(m.group(0)) + 2)]
        if (morph and len(words) <= 3 and not set(words) & _EN_VERBISH) or re.search(r"-based\s*$", before):
            return "COMPANY"
        if re.match(r"^\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:company|firm|exchange|"
                    r"pool|platform|provider|developer|startup)(?:\s*[,.;)]|\s+(?:that|which|based|in|from|of|"
                    r"headquartered|with|run|owned|listed)\b)",  # the head of the phrase, not "the company's"
                    span_text(doc, end, min(len(tv["text"]), end + 9))):
            return "COMPANY"  # "Compute North, a US hosting firm"
        if 2 <= len(words) <= 3 and re.search(r"(?:\bbitcoin|\bcrypto|\bmining|\bhosting)\s+(?:company|firm|miner|operator)\s*$", before, re.I):
            return "COMPANY"  # "Bitcoin miner Compute North"
        if re.match(r"^\s*,\s*which\s+(?:runs|operates|owns|has|builds|hosts|makes|mines|sells|relocated|moved|filed|is\s+(?:listed|based))\b",
                    span_text(doc, end, min(len(tv["text"]), end + 5))):
            return "COMPANY"  # "Compute North, which runs hosting sites": "which" is no person's
        alpha = all(w.replace("-", "").replace(".", "").isalpha() for w in words)
        connectors = any(t in _EN_STOP_LOWER for t in toks)
        caps = [w for w in words if w not in _EN_NAME_PARTICLES]
        if all(w.isupper() and len(w) > 1 for w in words):
            return None  # "LITTLE ROCK, April 20 -": a dateline's city, not a person
        if 2 <= len(caps) <= 3 and alpha and not connectors and all(w not in _EN_NOT_NAME for w in words) \
                and not _EN_FEATURE.intersection(words) and not re.search(r"\b(?:in|near|outside)\s*$", before):
            # ("based in Castle Rock, Colorado": a town no gazetteer knows, not a person)
            if scanner(rf"{_EN_SAY_BEFORE}\s*$").search(before) or re.match(r"^\s*(?:,|\(|(?:said|says|told|wrote|who|has|had|is|was)\b)", after) \
                    or re.match(r"^\s*(?:ran|runs|owned|owns|moved|shipped|trucked)\s+(?:\d[\d,]*|his|her)\s", after) \
                    or self.lang == "ar":
                return "PERSON"
        if len(words) == 1 and len(last) >= 3 and last not in _EN_NOT_NAME:
            if re.search(r"(?:company|firm|miner|startup|exchange|pool|operator|giant|platform)\s*$", before, re.I) \
                    or re.match(r"^\s*,\s*(?:a|an|the)\s+(?:\w+\s+){0,3}(?:company|firm|miner|exchange|pool|operator|platform)", after):
                return "COMPANY"
            if re.match(r"^\s*(?:reported|reports|said|says|told)", after) and re.search(r"(?:^|\s)(?:,|\.|and)?\s*$", before):
                return "ORGANIZATION"
            if self.lang == "ar":
                if last.isupper() or re.search(r"news|times|press|tv$", last, re.I):
                    return "ORGANIZATION"
                return "COMPANY"
        return None

    # ------------------------------------------------------------ coreference
    def _person_repeats(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Single-token repeats of a known person's last name, and first names glued before it."""
        out: list[Span] = []
        tv = token_view(doc)
        norms, texts = tv["norm"], tv["text"]
        persons = [(s.start, s.end) for s in spans if s.label_ == "PERSON"]
        full = {norms[b - 1] for a, b in persons if b - a >= 2}  # surnames named in full
        # first names of people named in full: "رامي حداد … استأجر رامي" (rented, Rami)
        firsts = {norms[a] for a, b in persons if b - a >= 2}
        lastnames = {norms[b - 1] for a, b in persons}
        if not lastnames:
            return out
        covered = set()
        for a, b in persons:
            covered.update(range(a, b))
        for i, norm in enumerate(norms):
            if norm in lastnames and i not in covered:
                st = i
                if self.lang == "ar" and norm not in full and norm not in firsts and st > 0 and self._name_like_i(doc, st - 1) \
                        and norms[st - 1] not in _AR_SAY and st > 1 and norms[st - 2] not in ("ب",) \
                        and not _ar_verb_before_subject(doc, st - 1, norms):
                    # "سارع كريس تشو": a first name glued before a known surname
                    prev = texts[st - 1]
                    if not prev.startswith(("و", "ف")) or len(prev) <= 3:
                        st -= 1
                out.append(Span(doc, st, i + 1, label="PERSON"))
                covered.update(range(st, i + 1))
        return out


#: particles a verb follows: "لم ينتظر مهدي" (did not wait, Mehdi)
_AR_VERB_PARTICLES = {normalize_ar(w) for w in "لم لن لا قد سوف ولم ولن ولا وقد فلم فلا فقد".split()}


def _ar_verb_before_subject(doc: Doc, i: int, norms: list) -> bool:
    """Whether token ``i``, before a known one-word name, is the verb of a verb-first
    clause, not a first name: after a particle that takes a verb ("لم ينتظر مهدي"), or a
    present-tense verb opening its sentence or line ("يقف مهدي أمام …", "طهران- يقف مهدي")."""
    if i > 0 and norms[i - 1] in _AR_VERB_PARTICLES:
        return True
    opens = i == 0 or doc[i].is_sent_start or doc[i - 1].is_punct or "\n" in doc[i - 1].whitespace_ \
        or doc[i - 1].text.endswith(("-", "–", "—"))
    return opens and norms[i][:1] in ("ي", "ت") and len(norms[i]) >= 3


_CREDIT = re.compile(r"\((?:photo|image|picture|photograph|credit|file\s+photo)s?\b[^)\n]{0,120}\)"
                     r"|^(?:photo|image|picture|credit)s?(?:\s+by)?\s*:[^\n]{0,120}$"
                     r"|\((?:ال)?(?:صور[ةه]|تصوير)[^)\n]{0,120}\)|^(?:ال)?(?:صور[ةه]|تصوير)\s*:[^\n]{0,120}$",
                     re.I | re.M)


#: places that are also the names of newspapers, credited in brackets: "(الشرق الأوسط)"
_PAPERS = {"Middle East": "Asharq Al-Awsat"}


#: a body's short name in brackets right after its name: "Ethiopian Electric Power (EEP)"
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&-]{1,7})\s*\)")


def _acronyms(doc: Doc, spans: list) -> list:
    """The body a text names in full once, with its short name in brackets ("Ethiopian
    Electric Power (EEP)"), where it uses the short name alone later ("Last week EEP
    confirmed …"): the same body, when the gazetteer knows it (the id carries it)."""
    text = _text(doc)
    short = {}
    for sp in spans:
        if sp.label_ in ("COMPANY", "ORGANIZATION", "REGULATOR") and sp.kb_id_:
            m = _ACRONYM_AFTER.match(text, sp.end_char)
            if m and m.group(1) not in short:
                short[m.group(1)] = (sp, m.end())
    if not short:
        return []
    taken = sorted((sp.start_char, sp.end_char) for sp in spans)
    out = []
    for word, (sp, after) in short.items():
        for m in re.finditer(r"(?<![\w(])" + re.escape(word) + r"(?![\w)])", text[after:]):
            a, b = after + m.start(), after + m.end()
            if any(x < b and a < y for x, y in taken):
                continue
            new = doc.char_span(a, b, label=sp.label_, kb_id=sp.kb_id_)
            if new is not None:
                out.append(new)
    return out


def _papers(doc: Doc, spans: list) -> list:
    """"طهران - (الشرق الأوسط)", "لندن: «الشرق الأوسط»": a paper credited in brackets
    is named like a place (:data:`_PAPERS`); there it is the paper."""
    text = _text(doc)
    out = []
    for sp in spans:
        paper = _PAPERS.get(sp.kb_id_)
        if paper and text[sp.start_char - 1:sp.start_char] in ("(", "«", '"') \
                and text[sp.end_char:sp.end_char + 1] in (")", "»", '"'):
            sp = Span(doc, sp.start, sp.end, label="ORGANIZATION", kb_id=paper)
        out.append(sp)
    return out


def _credits(text: str) -> list[tuple[int, int]]:
    """Where the text credits a picture: "(Photo by X/Getty Images)", "Image: Reuters",
    "(صورة: رويترز)"."""
    if not any(w in text for w in ("Photo", "photo", "Image", "image", "Picture", "Credit", "صور", "تصوير")):
        return []
    return [m.span() for m in _CREDIT.finditer(text)]


def _same_named_provinces() -> dict[str, str]:
    """Country ids mapped to a province of another country with the same English name
    (Georgia: GE and US-GA)."""
    global _SAME_NAMED
    if _SAME_NAMED is None:
        nm = names()
        countries = {d["en"]: i for i, d in nm.items() if d.get("type") == "COUNTRY" and d.get("en")}
        _SAME_NAMED = {countries[d["en"]]: i for i, d in nm.items()
                       if d.get("type") == "PROVINCE" and d.get("en") in countries and d.get("country") != countries[d["en"]]}
    return _SAME_NAMED


_SAME_NAMED: dict[str, str] | None = None
_US_TOWN_BEFORE = re.compile(r"\b(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{3,}(?:\s[A-Z]{3,})?),\s*$")  # "DALTON, Georgia -"
_IN_THE_US = re.compile(r",?\s+(?:in\s+)?the\s+(?:United\s+States|U\.S\.|US)\b|\s*,\s*(?:U\.S\.|USA)\b"
                        r"|\s+(?:الامريكيه|الأمريكية|الاميركيه|الأميركية)")
_LIST_GAP = re.compile(r"\s*(?:,|،|and|or|و|أو|او)?\s*(?:(?:and|or)\s+)?"
                       # "from Texas to Georgia", "to Georgia from Washington state", "من تكساس إلى جورجيا"
                       r"|\s+(?:from|to|into)\s+|\s+(?:من|الى|إلى|الي)\s+")


#: "Sheikh Sabah al-Ahmad", "Emir Jaber": a place's name inside a person's
_PERSON_BEFORE = re.compile(r"\b(?:Sheikh|Sheikha|Emir|Sultan|Prince|Princess|King|Queen|Sayyid)\s+$")
_PERSON_AFTER = re.compile(r"\s+(?:al|Al|el|El|bin|ibn|bint)[-\s][A-Z]")


# a company named after a place: "Reykjanes Data", "Vesterålen Data", "Ekibastuz Hash"
_FIRM_WORD_AFTER = re.compile(r"\s+(?:Data|Hash|Hashing|Digital|Compute|Computing|Blockchain|Technologies|Tech|Labs|Hosting|Bit|Coin)\b")


def _in_names(doc: Doc, ents: list) -> list:
    """The gazetteer's places less those that are words of a person's name or the first
    word of a company's ("Reykjanes Data")."""
    text = _text(doc)
    keep = [e for e in ents if not (e.label_ in PLACE_TYPES and (
        _PERSON_BEFORE.search(text, max(0, e.start_char - 12), e.start_char)
        or _PERSON_AFTER.match(text, e.end_char)
        or (doc.lang_ == "en" and e.label_ != "COUNTRY" and _FIRM_WORD_AFTER.match(text, e.end_char))))]
    if len(keep) != len(ents):
        doc.ents = keep
        token_view(doc, refresh_ents=True)
    return keep


#: a plural kind before a list of places ("in the provinces of Isfahan and Tehran",
#: "في محافظات خوزستان وأصفهان وطهران") or after it ("Isfahan and Tehran provinces")
_KINDS_BEFORE = re.compile(r"(?:\b(?:provinces|regions|governorates|oblasts)\s+(?:of\s+)?(?:the\s+)?"
                           r"|(?<![\u0621-\u0652\u0670])(?:محافظات|مقاطعات|ولايات|اقاليم|أقاليم|محافظتي|مقاطعتي|ولايتي|اقليمي|إقليمي)\s+)$", re.I)
_KINDS_AFTER = re.compile(r"\s+(?:provinces|regions|governorates|oblasts)\b", re.I)
_LIST_SEP = re.compile(r"\s*[,،]?\s*(?:(?:and|or)\s+)?")
_KIND_WORD = re.compile(r"\s*\((?:city)\)|\s+(?:governorate|province|region|oblast|state)$", re.I)


def _set_ents(doc: Doc, ents: list, out: list) -> list:
    """Put ``out`` in place of ``ents`` as the doc's entities when a pass changed them."""
    if out != ents:
        doc.ents = out
        token_view(doc, refresh_ents=True)
    return out


def _free_span(doc: Doc, taken: bytearray, start: int, end: int) -> Span | None:
    """The tokens over characters [start, end) when none of them is in ``taken`` (a token
    mask of the entities so far, which the span is then added to), else None."""
    sp = doc.char_span(start, end, alignment_mode="expand")
    if sp is None or any(taken[sp.start:sp.end]):
        return None
    taken[sp.start:sp.end] = b"\x01" * (sp.end - sp.start)
    return sp


def _taken(doc: Doc, ents: list) -> bytearray:
    """A token mask of ``ents`` (for :func:`_free_span`)."""
    taken = bytearray(len(doc))
    for e in ents:
        taken[e.start:e.end] = b"\x01" * (e.end - e.start)
    return taken


def _with_added(doc: Doc, ents: list, new: list) -> list:
    """``ents`` and the places a pass found in free tokens, in order, as the doc's entities."""
    return _set_ents(doc, ents, sorted(ents + new, key=lambda e: e.start)) if new else ents


def _listed_capitals(doc: Doc, ents: list) -> list:
    """"في محافظات خوزستان وأصفهان وكرمان وطهران", "the provinces of Isfahan and
    Tehran": a city named like its province is that province in a list of provinces
    (a plural kind before or after the list, or a province of its country in it)."""
    nm = names()

    def alike(e) -> str | None:
        city = nm.get(e.id_) or {}
        prov = nm.get(city.get("parent") or "") or {}
        if e.label_ != "CITY" or prov.get("type") != "PROVINCE":
            return None
        same = (city.get("en") and prov.get("en")
                and _KIND_WORD.sub("", prov["en"]).casefold() == city["en"].casefold())
        return city["parent"] if same else None

    provs = [alike(e) for e in ents]
    if not any(provs):
        return ents
    text = _text(doc)
    out = list(ents)
    for k, (e, prov) in enumerate(zip(ents, provs)):
        if prov is None:
            continue
        first = last = k
        while first > 0 and ents[first - 1].label_ in PLACE_TYPES \
                and _LIST_SEP.fullmatch(text, ents[first - 1].end_char, ents[first].start_char):
            first -= 1
        while last + 1 < len(ents) and ents[last + 1].label_ in PLACE_TYPES \
                and _LIST_SEP.fullmatch(text, ents[last].end_char, ents[last + 1].start_char):
            last += 1
        if first == last:
            continue
        country = nm[prov].get("country")
        if _KINDS_BEFORE.search(text, max(0, ents[first].start_char - 40), ents[first].start_char) \
                or _KINDS_AFTER.match(text, ents[last].end_char) \
                or any(ents[i].label_ == "PROVINCE" and nm.get(ents[i].id_, {}).get("country") == country
                       for i in range(first, last + 1) if i != k):
            out[k] = Span(doc, e.start, e.end, label="PROVINCE", span_id=prov)
    return _set_ents(doc, ents, out)


# towns named like a better-known one: the gazetteer's reading, and the namesake an
# article about its province or country means ("a hosting site outside Odessa, in the
# Permian Basin" in a story about Texas)
_TOWN_NAMESAKES = {"Odesa": "Odessa, Texas", "Tripoli": "Tripoli, Lebanon", "San Francisco": "San Francisco, Zulia",
                   # (a province's name: "فالنسيا عاصمة ولاية كارابوبو" is Venezuela's Valencia)
                   "ES-VC": "Valencia, Venezuela"}
#: namesakes read so when the article names the namesake's country only (Lebanon, and
#: nothing of Libya: "طرابلس" is Lebanon's); Odessa, Texas needs Texas
_NAMESAKE_BY_COUNTRY = frozenset({"Tripoli"})


def _town_namesakes(doc: Doc, ents: list) -> list:
    """Read a town as its namesake when the article names the namesake's province or
    country and nothing of the town's own."""
    if not any(e.label_ in ("CITY", "PROVINCE") and e.id_ in _TOWN_NAMESAKES for e in ents):
        return ents
    nm = names()

    def where(pid: str) -> set:
        info = nm.get(pid, {})
        return {p for p in (pid, info.get("parent"), info.get("country")) if p}

    told = set().union(*(where(e.id_) for e in ents if e.label_ not in ("CITY", "PROVINCE") or e.id_ not in _TOWN_NAMESAKES))
    out = list(ents)
    for k, e in enumerate(ents):
        other = _TOWN_NAMESAKES.get(e.id_) if e.label_ in ("CITY", "PROVINCE") else None
        if other and (where(other) - ({None} if e.id_ in _NAMESAKE_BY_COUNTRY else {nm.get(other, {}).get("country")})) & told \
                and not (where(e.id_) & told):
            out[k] = Span(doc, e.start, e.end, label="CITY", span_id=other)
    return _set_ents(doc, ents, out)


# "Indiana County, Pennsylvania", "Ohio County, Kentucky": a county named after a place
_COUNTY_AFTER = re.compile(r"\s+(?:County|Parish|Township|Borough)\b")


def _bare_capital(doc: Doc, t, salient: str, ar: bool) -> bool:
    """Whether the capital word ``t`` ("العاصمة", "capital" after "the") stands alone, with
    no adjective or noun after it: "قادماً من العاصمة،", "from the capital to …"; in
    English only in an article about a country (``salient`` has no province)."""
    if ar:
        return not doc[t.i + 1].is_alpha
    return "-" not in salient and t.i + 1 < len(doc) and (doc[t.i + 1].is_punct or doc[t.i + 1].lower_ in _AFTER_BARE_CAPITAL)


#: words that may follow a bare "the capital" meaning the city ("from the capital to", "the
#: capital, where"), not "the capital markets"
_AFTER_BARE_CAPITAL = frozenset({"in", "to", "and", "where", "on", "for", "last", "after", "before", "since",
                                 "with", "at", "by", "this", "that", "early", "late", "when"})
_CAPITAL_WORD_AR = frozenset({"العاصمه", "والعاصمه", "فالعاصمه", "بالعاصمه", "للعاصمه", "وبالعاصمه", "وللعاصمه"})


# names that only their vowel marks tell apart once folded: "عمّان" (Amman), "عُمان" (Oman)
_VOWELLED = {"عمّان": ("CITY", "Amman"), "عَمّان": ("CITY", "Amman"), "عُمان": ("COUNTRY", "OM")}
_VOWELLED_RE = re.compile(r"(?<![\u0621-\u064a\u0651\u064e-\u0650])(?:[وفبل]|من\s)?(" + "|".join(_VOWELLED) + r")(?![\u0621-\u064a])")
# the same name written without them
_BARE_AMMAN_OMAN = re.compile(r"(?<![\u0621-\u064a\u064b-\u0652])(?:[وفبل]|من\s)?(عمان)(?![\u0621-\u064a\u064b-\u0652])")


def _vowelled(doc: Doc, ents: list) -> list:
    """"من عمّان إلى دبي": a name the text writes with the vowel marks that tell it from its
    namesake (the gazetteer matches folded text, where "عمّان" and "عُمان" are one word).

    Written bare, "عمان" is Amman in an article that names Jordan or a place in it and
    nothing of Oman, and Oman in one that names Oman, a place in it, "سلطنة" or an
    Omani ("العمانية") and nothing of Jordan; otherwise it is not read."""
    text = _text(doc)
    vowelled = "\u0651" in text or "\u064f" in text
    bare = "عمان" in text
    if not vowelled and not bare:
        return ents
    taken = _taken(doc, ents)
    new = []
    if vowelled:
        for m in _VOWELLED_RE.finditer(text):
            sp = _free_span(doc, taken, m.start(1), m.end(1))
            if sp is not None:
                label, pid = _VOWELLED[m.group(1)]
                new.append(Span(doc, sp.start, sp.end, label=label, span_id=pid))
    meant = _amman_or_oman(doc, ents) if bare else None
    if meant is not None:
        for m in _BARE_AMMAN_OMAN.finditer(text):
            sp = _free_span(doc, taken, m.start(1), m.end(1))
            if sp is not None:
                new.append(Span(doc, sp.start, sp.end, label=meant[0], span_id=meant[1]))
    return _with_added(doc, ents, new)


def _amman_or_oman(doc: Doc, ents: list) -> tuple[str, str] | None:
    """Which of the two a bare "عمان" is in this article (see ``_vowelled``), if it tells."""
    countries = _countries_named(ents)
    folded = folded_doc(doc)[0]
    jordan = "JO" in countries or "الاردن" in folded
    oman = "OM" in countries or "سلطنه" in folded or "عماني" in folded  # ("العمانية": Omani)
    if jordan == oman:
        return None
    return ("CITY", "Amman") if jordan else ("COUNTRY", "OM")


def _countries_named(ents) -> set:
    """The countries of the places (and of the bodies and people placed) in ``ents``."""
    nm = names()
    return {(nm.get(e.id_) or {}).get("country") for e in ents if e.id_}


def _with_country(doc: Doc, ents: list) -> list:
    """A name the gazetteer marks ``only_with_country`` (one others use too: Egypt's "العاصمة
    الإدارية الجديدة" beside "Konaev, the new administrative capital of Almaty region") is
    that place only in an article that names its country or another place in it."""
    nm = names()
    marked = [e for e in ents if e.id_ and (nm.get(e.id_) or {}).get("only_with_country")]
    if not marked:
        return ents
    countries = _countries_named(e for e in ents if e not in marked)
    out = [e for e in ents if e not in marked or (nm[e.id_].get("country") in countries
                                                   and not (len(e) == 1 and _inside_a_longer_name(doc, e)))]
    return _set_ents(doc, ents, out)


def _inside_a_longer_name(doc: Doc, e: Span) -> bool:
    """A Latin-script name followed, or preceded mid-sentence, by another capitalised word
    ("Lianhe Hashpower", "the Lianhe Hashpower group") is part of a longer name: a
    one-word name only kept with its country (the imported towns among them) is not read
    there ("Chelan County PUD" keeps its county)."""
    if not e.text[:1].isascii():
        return False
    nxt = doc[e.end] if e.end < len(doc) else None
    prev = doc[e.start - 1] if e.start > 0 else None
    return bool(nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha
                or prev is not None and prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start)


def _towns_elsewhere(doc: Doc, ents: list) -> list:
    """"Athens, Tennessee", "Cleveland, Tennessee": a town named with a province of another
    country than the gazetteer's town of that name is a town there that the gazetteer does
    not hold (a CITY with no id), not the town abroad."""
    nm = names()
    text = _text(doc)
    out = list(ents)
    for k, e in enumerate(ents[:-1]):
        o = ents[k + 1]
        if e.label_ == "CITY" and e.id_ and o.label_ == "PROVINCE" and o.id_ \
                and re.fullmatch(r"\s*,\s*", text[e.end_char:o.start_char]) \
                and (nm.get(e.id_) or {}).get("country") != (nm.get(o.id_) or {}).get("country"):
            out[k] = Span(doc, e.start, e.end, label="CITY", span_id="")
    return _set_ents(doc, ents, out)


# a district of a town or governorate: "مديريات المنصورة والشيخ عثمان" (of Aden), "the
# Mansoura district"
_DISTRICT_BEFORE = re.compile(r"(?:(?<![\u0621-\u064a])[وبفل]?(?:مديري[ةه]|مديريات|حي|أحياء|احياء|ضاحي[ةه])"
                              r"|\b(?:districts?|neighbou?rhoods?|suburbs?)\s+of)\s+$")
_DISTRICT_AFTER = re.compile(r"\s+(?:district|neighbou?rhood|suburb)\b")


def _districts(doc: Doc, ents: list) -> list:
    """A town named as a district ("في مديريات المنصورة", "the Mansoura district") of an
    article that names neither the town's country nor a place in it is a district there,
    not the gazetteer's town abroad (a CITY with no id): Aden's Mansoura is not Egypt's."""
    nm = names()
    text = _text(doc)
    district = {k for k, e in enumerate(ents) if e.label_ == "CITY" and e.id_ and (
        _DISTRICT_BEFORE.search(text, max(0, e.start_char - 24), e.start_char) or _DISTRICT_AFTER.match(text, e.end_char))}
    if not district:
        return ents
    countries = {(nm.get(e.id_) or {}).get("country") or e.id_.split("-")[0]
                 for k, e in enumerate(ents) if e.id_ and e.label_ in ("COUNTRY", "PROVINCE", "CITY") and k not in district}
    out = list(ents)
    for k in district:
        e = ents[k]
        if (nm.get(e.id_) or {}).get("country") not in countries:
            out[k] = Span(doc, e.start, e.end, label="CITY", span_id="")
    return _set_ents(doc, ents, out)


def _counties(doc: Doc, ents: list) -> list:
    """A place name followed by "County" names a county (a region with no id, where the
    gazetteer's imported counties do not hold the whole name), not the place: "a coal
    plant in Washington County, Pennsylvania"."""
    text = _text(doc)
    out = []
    for e in ents:
        m = _COUNTY_AFTER.match(text, e.end_char) if e.label_ in ("COUNTRY", "PROVINCE", "CITY") else None
        county = doc.char_span(e.start_char, m.end()) if m else None
        out.append(Span(doc, county.start, county.end, label="REGION", span_id="") if county is not None else e)
    return _set_ents(doc, ents, out)


# a province named by a compass point and a kind ("Eastern Province", "المنطقة الشرقية"):
# many countries have one, so the gazetteer does not match the bare name
_COMPASS_EN = re.compile(r"(?:north|south|east|west|northern|southern|eastern|western|central)"
                         r"(?:[- ]?(?:western|eastern|west|east|central))?\s+(?:province|region|governorate)")
_COMPASS_AR = re.compile(r"ال(?:منطقه|محافظه|ولايه|مقاطعه)\s+ال(?:شرقيه|غربيه|شماليه|جنوبيه|وسطي)(?:\s+ال(?:شرقيه|غربيه|وسطي))?"
                         r"|الاقليم\s+ال(?:شرقي|غربي|شمالي|جنوبي|اوسط)(?:\s+ال(?:شرقي|غربي|اوسط))?"
                         r"|محافظه\s+ال(?:شمال|جنوب|شرق|غرب)")
# a subdivision whose English name is only a compass point ("Eastern", "North West", "Western
# Province"): the Arabic press writes it with its kind, which varies ("المنطقة الشرقية",
# "المقاطعة الغربية"), so each kind is read as its name
_COMPASS_NAME_EN = re.compile(r"(north|south|east|west|central)(?:ern)?(?:[- ]?(west|east|central)(?:ern)?)?"
                              r"(?:\s+(?:province|region|governorate))?", re.I)
_COMPASS_AR_WORD = {"north": "الشماليه", "south": "الجنوبيه", "east": "الشرقيه", "west": "الغربيه", "central": "الوسطي"}
_COMPASS_AR_MASCULINE = {"north": "الشمالي", "south": "الجنوبي", "east": "الشرقي", "west": "الغربي", "central": "الاوسط"}
_COMPASS_AR_KINDS = ("المنطقه", "المحافظه", "الولايه", "المقاطعه")
_COMPASS: dict[str, tuple] = {}


def _compass_names(d: dict, lang: str) -> list[str]:
    """The folded compass names of the subdivision ``d`` in ``lang`` (see _COMPASS_NAME_EN)."""
    en = (d.get("en") or "").lower()
    m = _COMPASS_NAME_EN.fullmatch(en)
    if m is None:
        return []
    if lang != "ar":
        return [en] if en.endswith(("province", "region", "governorate")) else [f"{en} region", f"{en} province"]
    words = " ".join(_COMPASS_AR_WORD[w.lower()] for w in m.groups() if w)
    masculine = " ".join(_COMPASS_AR_MASCULINE[w.lower()] for w in m.groups() if w)
    return [f"{kind} {words}" for kind in _COMPASS_AR_KINDS] + [f"الاقليم {masculine}"]


def _compass_table(lang: str) -> tuple:
    """(regex over folded text, folded name -> [(province id, country)]) for ``lang``."""
    if lang not in _COMPASS:
        from ingest.normalize import fold_with_maps
        rx, key = (_COMPASS_AR, "ar") if lang == "ar" else (_COMPASS_EN, "en")
        table: dict[str, list] = {}
        for pid, d in names().items():
            if d.get("type") != "PROVINCE":
                continue
            name = fold_with_maps(d.get(key) or "")[0]
            for form in {name, *_compass_names(d, lang)}:
                if form and rx.fullmatch(form) and (pid, d.get("country")) not in table.get(form, []):
                    table.setdefault(form, []).append((pid, d.get("country")))
        alts = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
        find = None
        if alts:
            # (Arabic glues و, ف, ب, ك on the name: "بالمنطقه الشرقيه")
            find = re.compile(r"(?<![\w\u0621-\u064a])(?:[وف]?[بك]?)(" + alts + r")(?![\w\u0621-\u064a])"
                              if lang == "ar" else r"\b(" + alts + r")\b")
        _COMPASS[lang] = (find, table)
    return _COMPASS[lang]


def _compass_provinces(doc: Doc, ents: list) -> list:
    """"وفي المنطقة الشرقية", "Eastern Province": a province named by a compass point is the
    one of that name in a country the article names (left out when none or several do)."""
    lang = doc.lang_
    find, table = _compass_table("ar" if lang == "ar" else "en")
    if find is None:
        return ents
    folded, offsets, _ = folded_doc(doc)
    text = _text(doc)
    countries = _countries_named(ents)
    taken = _taken(doc, ents)
    new = []
    for m in find.finditer(folded):
        if lang != "ar" and not text[offsets[m.start(1)]].isupper():
            continue  # "the eastern region": a direction, not a name
        hits = [pid for pid, c in table[m.group(1)] if c in countries]
        if len(hits) != 1:
            continue
        sp = _free_span(doc, taken, offsets[m.start()], offsets[m.end() - 1] + 1)
        if sp is not None:
            new.append(Span(doc, sp.start, sp.end, label="PROVINCE", span_id=hits[0]))
    return _with_added(doc, ents, new)


def _namesakes(doc: Doc, ents: list) -> list:
    """"Texas, Kentucky and Georgia", "Atlanta, Georgia": a country named like a
    province (:func:`_same_named_provinces`) is that province when it stands in a list
    with places of the province's country, or right after a place inside it."""
    same = _same_named_provinces()
    if not any(e.label_ == "COUNTRY" and e.id_ in same for e in ents):
        return ents
    nm = names()
    text = _text(doc)
    out = list(ents)
    for k, e in enumerate(ents):
        if e.label_ != "COUNTRY" or e.id_ not in same:
            continue
        prov = same[e.id_]
        home = nm[prov].get("country")
        # "Dalton, Georgia" (a town before it, the US way), "Georgia, in the United States"
        if (home == "US" and _US_TOWN_BEFORE.search(text, max(0, e.start_char - 30), e.start_char)
                and not any(o.end_char <= e.start_char and e.start_char - o.end_char <= 3 for o in ents)) \
                or _IN_THE_US.match(text, e.end_char):
            out[k] = Span(doc, e.start, e.end, label="PROVINCE", span_id=prov)
            continue
        country_of = lambda o: nm.get(o.id_, {}).get("country") or o.id_.split("-")[0]  # noqa: E731
        # (the other mentions of the same name are no other place: "south to Georgia … made
        # northwest Georgia an easy choice")
        others = {country_of(o) for o in ents if o.id_ != e.id_ and o.label_ in ("COUNTRY", "PROVINCE", "CITY")}
        # the places listed right before and after it, with the width of the gap
        listed = []
        for j in (k - 1, k + 1):
            if 0 <= j < len(ents):
                o = ents[j]
                a, b = (o.end_char, e.start_char) if j < k else (e.end_char, o.start_char)
                if _LIST_GAP.fullmatch(text, a, b):
                    listed.append((o, b - a))
        # ("went to Georgia and Armenia": the country)
        listed_abroad = any(o.label_ in ("COUNTRY", "PROVINCE", "CITY") and o.id_ and country_of(o) not in (home, e.id_)
                            for o, _ in listed)
        if sum(1 for o in ents if o.label_ in ("PROVINCE", "CITY") and nm.get(o.id_, {}).get("country") == home) >= 2 \
                and e.id_ not in others and not listed_abroad:
            # an article about Texas, Kentucky and New York that names nothing of the
            # Caucasus: Georgia is the state
            out[k] = Span(doc, e.start, e.end, label="PROVINCE", span_id=prov)
        elif any(o.label_ in ("PROVINCE", "CITY") and nm.get(o.id_, {}).get("country") == home and gap <= 8
                 for o, gap in listed):
            out[k] = Span(doc, e.start, e.end, label="PROVINCE", span_id=prov)
    return _set_ents(doc, ents, out)


_EN_VERBISH = {"Are", "Is", "Was", "Were", "Have", "Has", "Had", "Do", "Does", "With", "To", "That", "For", "Be", "Will", "Can"}
_COMPANY_MORPHEME = re.compile(
    r"(?:hash|coin|chain|mining|miner|power|tech|pool|energy|capital|digital|labs?\b|data|cloud|farm|crypto|block|bit(?!ter))",
    re.I)


_TO_BEFORE = re.compile(r"\b(?:to|into|for|towards?)\s+(?:the\s+)?$|(?:^|\s)(?:إلى|الى|نحو)\s*$", re.I)


def _gaz(doc: Doc) -> list[Span]:
    """The gazetteer's entities of the doc, read once (``doc.ents`` builds every span on each access)."""
    ents = doc.user_data.get("kg_ents")
    if ents is None:
        ents = doc.user_data["kg_ents"] = list(doc.ents)
    return ents


def _cap_after_particles(texts: list[str], caps: list[bool], j: int) -> bool:
    """Whether a capitalised word follows the name particles starting at token ``j`` (von der Leyen)."""
    while j < len(texts) and texts[j] in _EN_NAME_PARTICLES:
        j += 1
    return j < len(texts) and caps[j]


_EN_TITLE_WORDS = frozenset("""President Minister Governor Gov Gov. Premier Secretary Senator Sen. Rep.
Mayor CEO Chairman Chairwoman Chancellor King Emir Sheikh Prince Director Spokesman Spokeswoman
Commissioner Ambassador General Gen. Lt. Col. Judge Justice""".split())


def _trim(texts: list[str], start: int, end: int) -> tuple[int, int]:
    """Tokens [start, end) without leading generic capitalised words and connectors,
    nor trailing connectors."""
    while end > start and (texts[start] in _EN_NOT_NAME or texts[start] in _EN_STOP_LOWER or texts[start] in ("-", "–")):
        start += 1
    # "Russian President Vladimir Putin", "Interior Minister Mark Smith", "Gov. Greg Abbott":
    # the name follows the last title word
    for k in range(end - 3, start - 1, -1):
        if texts[k] in _EN_TITLE_WORDS:
            start = k + 1
            break
    while end > start and (texts[end - 1] in _EN_STOP_LOWER or texts[end - 1] in ("-", "–", "&")):
        end -= 1
    return start, end


def _cap_text(s: str) -> bool:
    """Whether a word is capitalised Latin (or a digit-led code such as 5G or 3M)."""
    if s and s[0].isdigit():
        return any(c.isupper() for c in s) and any(c.isalpha() for c in s) and s.isascii()
    return bool(s) and s[0].isupper() and s[0].isascii() and s not in ("I",)


class _CapMemo(dict):
    """:func:`_cap_text` per word, filled on demand (``map`` over a dict's look-up runs
    without a Python frame per token)."""

    LIMIT = 200_000

    def __missing__(self, word: str) -> bool:
        if len(self) > self.LIMIT:
            self.clear()
        value = self[word] = _cap_text(word)
        return value


_CAP_MEMO = _CapMemo()


def _caps(tv: dict) -> list[bool]:
    """:func:`_cap_text` of every token of a token view (computed once per doc)."""
    caps = tv.get("cap")
    if caps is None:
        caps = tv["cap"] = list(map(_CAP_MEMO.__getitem__, tv["text"]))
    return caps


_GROUP = {"COMPANY": 0, "ORGANIZATION": 0, "REGULATOR": 0, "PERSON": 0, "DATE": 1, "CAPACITY": 2,
          "COUNTRY": 3, "PROVINCE": 3, "CITY": 3, "REGION": 3}


def _dedupe(spans: list[Span]) -> list[Span]:
    """Drop a span when one of the same kind covers it; keep different kinds overlapping.

    Spans with a canonical id (gazetteer, "authorities of") win over names found by
    cues; names found by cues never override places, dates or quantities they overlap.
    """
    rows = []
    quoted = spans[0].doc.user_data.get("kg_quoted", ()) if spans and spans[0] is not None else ()
    for sp in spans:
        if sp is None or not len(sp):
            continue
        label = sp.label_
        rows.append((bool(sp.kb_id_) or (sp.start, sp.end) in quoted, sp.start_char, sp.end_char, label,
                     _GROUP.get(label, 9), sp))
    rows.sort(key=lambda r: (not r[0], -(r[2] - r[1]), r[1]))
    kept: list[tuple] = []
    by_token: dict[int, list[tuple]] = {}
    for has_id, st, en, label, grp, sp in rows:
        seen_ids: set[int] = set()
        overlapping = []
        for t in range(sp.start, sp.end):
            for k in by_token.get(t, ()):
                if id(k) not in seen_ids:
                    seen_ids.add(id(k))
                    overlapping.append(k)
        if not has_id and grp == 0 and any(k[0] and k[4] == 0 for k in overlapping):
            continue
        if any(k[4] == grp and k[1] <= st and en <= k[2] for k in overlapping):
            continue
        if not has_id and label in ("PERSON", "COMPANY", "ORGANIZATION") and any(k[4] in (1, 2, 3) for k in overlapping):
            continue
        # "مدينة السادس من أكتوبر" (6th of October City): a date inside a known place's name
        if label == "DATE" and any(k[4] == 3 and k[0] and k[1] <= st and en <= k[2] for k in overlapping):
            continue
        # "2000 جهاز", "2,020 machines", "بين 1500 و2000 جهاز": a bare year-like number that
        # counts something (a clitic glued before it) is no date
        if label == "DATE" and sp.text[sp.text[:1] in "وفبل":].isdigit() and any(k[4] == 2 for k in overlapping):
            continue
        row = (has_id, st, en, label, grp, sp)
        kept.append(row)
        for t in range(sp.start, sp.end):
            by_token.setdefault(t, []).append(row)
    return [k[5] for k in kept]


def _compatible(a: str, b: str) -> bool:
    groups = [{"COMPANY", "ORGANIZATION", "REGULATOR", "PERSON"}, {"DATE"}, {"CAPACITY"},
              {"COUNTRY", "PROVINCE", "CITY", "REGION"}]
    return any(a in g and b in g for g in groups)
