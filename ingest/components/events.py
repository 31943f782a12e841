"""``kg_events``: BAN and MIGRATION events with their arguments.

Trigger lexicons live in ``ingest/lang/<lang>/triggers.jsonl`` (label, id,
pattern: a regular expression over the folded text, see
:func:`ingest.normalize.fold_with_map`). For each sentence:

- every trigger opens a *window* that runs to the next trigger, so that
  "moved to Kazakhstan in 2018 and now helps friends move … to there" gives
  two migrations with their own arguments;
- a BAN takes as jurisdiction the most specific places of its window that
  are not destinations (one ban per place), else the place of its authority
  (``authorities:CN`` → ``CN``, a capital → its country);
- a MIGRATION takes its destination after "الى / to", its origin after
  "من / from" (or "خارج البلاد" → the country of the article), its actor
  (the nearest person or company before the trigger, else a group noun such
  as "miners"), its quantity, date and status (planned / in progress /
  completed from the modal and tense cues of the window);
- cues that tie a migration to a ban ("بعد أن أمرت", "دفع … الى", "after …
  ordered") are kept on the migration for the linker in kg/.

Events go to ``doc._.events`` as dicts with token offsets of their sentence.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from itertools import takewhile
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.gazetteer import authority_place, contains, is_region as _is_region, names, province_of as _province_of
from ingest.industry import other_industry
from ingest.components.sentences import (dateline as _dateline, doc_text as _text, entity_spans, filed_on as _filed_on,
                                         folded as folded_doc, sentences, token_view)
from ingest.lang.ar.demonyms import BROKEN_PLURALS, PEOPLE_PLURALS
from ingest.normalize import normalize_ar
from ingest.scan import Scanner
from ingest.values import date_lt

__all__ = ["KGEvents", "load_triggers"]

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)

PLACES = ("COUNTRY", "PROVINCE", "CITY", "REGION")
_LANG_DIR = Path(__file__).resolve().parent.parent / "lang"

# a part or kind of place between a preposition and the place: "إلى شمال كازاخستان",
# "إلى ولاية تكساس", "from upstate New York", "to the state of Texas", "in parts of Irkutsk"
_KIND_AR = (r"(?:(?:شمال|جنوب|شرق|غرب|وسط|شمالي|جنوبي|شرقي|غربي|اجزاء\s+من|مناطق\s+في|ضواحي|ضاحيه|قرب|اطراف|داخل)\s+)?"
            r"(?:(?:منطقه|مقاطعه|محافظه|اقليم|ولايه|مدينه|جمهوريه|دوله|قضاء|قضاءي|قضائي|بلده|بلدات|قريه|مدن|العاصمه"
            r"|محافظات|مقاطعات|ولايات|محافظتي|مقاطعتي|ولايتي)\s+)?")
_KIND_EN = (r"(?:(?:upstate|downstate|northern|southern|eastern|western|central|north|south|east|west|"
            r"north-?eastern|north-?western|south-?eastern|south-?western|rural|parts\s+of|[a-z]+-rich|[a-z]+-powered)\s+)?"
            # "the outskirts of the city of Neuquén"
            r"(?:(?:outskirts|suburbs|edge)\s+of\s+(?:the\s+)?(?=(?:[\w-]+\s+)?(?:city|town|village|port)\s+of\s))?"
            # "the city of", "the industrial port of", "the coal town of"
            r"(?:(?:[\w-]+\s+)?(?:province|region|state|city|republic|town|village|port|district|county)\s+of\s+)?"
            # "the cooler highlands of Kurdistan province", "the outskirts of Almaty"
            r"(?:(?:[\w-]+\s+)?(?:highlands|lowlands|outskirts|suburbs|hills|mountains|interior)\s+of\s+)?"
            # "the Georgian capital, Tbilisi", "the capital Tbilisi"
            r"(?:(?:[\w-]+\s+)?capital,?\s+)?"
            # "for the coal-fired power of Ekibastuz"
            r"(?:(?:[\w-]+\s+)?(?:power|electricity|hydropower|energy)\s+of\s+)?")
_DEST_BEFORE_AR = re.compile(r"(?:^|\s)(?:[وف]?(?:الي|الى|إلى|نحو|باتجاه|صوب)\s*" + _KIND_AR + r"|لـ?\s*"
                             # "إلى مستودع مستأجر على الطريق بين السليمانية …", "إلى مزرعة قرب …": a site there
                             r"|[وف]?(?:الي|الى|إلى)\s+(?:مستودع|مستودعات|مزرعه|مزارع|موقع|مواقع|منشاه|منشات|مصنع|مجمع|ورشه|مخزن|مركز|مراكز|حاويه|حاويات)"
                             r"(?:\s+\S+){0,6}?\s+(?:في|قرب|بالقرب\s+من|بين|داخل|ضواحي)\s*" + _KIND_AR + r"$"
                             # "إلى مدينة ديامنياديو قرب داكار": a town no gazetteer knows, near a known one
                             r"|[وف]?(?:الي|الى|إلى)\s+(?:مدينه|بلده|قريه)(?:\s+\S+){1,2}?\s+(?:قرب|بالقرب\s+من|ضواحي)\s*" + _KIND_AR + r")$"
                             # '"يفكرون جدياً في العاصمة التونسية"': the place they weigh going to
                             r"|(?:^|[\s\"«“])[وف]?[يتنا]فكر(?:ون|ان)?\s+(?:جديا\S*\s+)?في\s+" + _KIND_AR + r"$")
_IN_BEFORE_AR = re.compile(r"(?:^|\s)(?:[وف]?في|ب)\s+" + _KIND_AR + r"$")  # ("وفي أباكان،")
_IN_BEFORE_EN = re.compile(r"(?:^|\s)(?:in|at|within|near|outside|around)\s+(?:the\s+)?" + _KIND_EN + r"$", re.I)
_COMP_AR = re.compile(r"(?<![\u0621-\u0652\u0670])(?:ان|أن|إن|بان|بأن)(?![\u0621-\u0652\u0670])")
_COMP_EN = re.compile(r"\b(?:that|:)\s", re.I)
_IT_AFTER_THAT = re.compile(r"\s*(?:it|they)\s+(?:(?:has|have|had|would|will|was|were|is|are|also|then|had\s+already)\s+)*[a-z]", re.I)
# (not the comma of "2,800")
_CLAUSE = re.compile(r"(?!(?<=\d)[,،]\d)[،,;؛]\s*(?:و|and\b|but\b|while\b)?|\s(?:وهو|وهي|وهم|while|and\s+(?:is|are|was|now))\s"
                     # "أبخازيا تمدد الحظر وروسيا تستقطب المعدنين": and + a subject + its verb
                     # (not a word whose و is its own: "إلى ولاية تكساس", "وزارة", "وكالة", "وادي")
                     r"|\s(?!ولاي|وزار|وكال|وادي|وسط|وفق|وقت)(?=و[\u0600-\u06FF]{3,}\s+[تي][\u0600-\u06FF]{2,}\s)"
                     # "shipped 320 machines to Kazakhstan and planned to move more …"; "بعد حظر بكين.. تكساس"
                     r"|\sand\s+(?=(?:plans?|planned|intends?|intended|hopes?|wants?|is|are|was|were|will|would|may|might"
                     r"|could|then|now|has|have|had|expects?|aims?)\b)|\.\.+\s*")
# what may stand between a subject and its verb: "X, is moving", "X، قد نقلت"
_VERB_ONLY = re.compile(r"\s*(?:(?:is|are|was|were|has|have|had|will|would|also|now|already|then|itself|قد|كان|كانت)\s+)*")
_NEGATED_EN = re.compile(r"\b(?:not|never|no\s+longer|n't)\s+(?:(?:yet|been|be|have|has|to|a|an|the|really|actually"
                         r"|plan|plans|planning|intend|intends|want|wants|expect|expects|going)\s+){0,3}$"
                         r"|\bno\s+(?:(?:immediate|current|concrete|firm|such)\s+)?(?:plans?|intentions?|desire|interest|reason|need)\s+(?:to|of|in)\s+$"
                         r"|\b(?:rather\s+than|instead\s+of)\s+$|\bden(?:y|ies|ied)\b[^.;]{0,50}$"
                         # "Not every newcomer was fleeing Beijing": some were not, none told
                         r"|\bnot\s+(?:every|all)\b[^.;,]{0,40}$"
                         # "pushed nobody to leave", "did not force anyone to move"
                         r"|\b(?:push|pushed|force|forced|drive|drove|driven|prompt|prompted|lead|led)\s+(?:nobody|no\s+one|no-one|anyone|anybody)\s+to\s+$"
                         r"|\b(?:rul(?:e|es|ed|ing)\s+out|reject(?:s|ed|ing)?(?:\s+the\s+idea\s+of)?)\s+$"
                         # "no operator there has moved", "nobody has yet left"
                         r"|\b(?:no|nobody|no\s+one|no-one)\s+(?:[\w-]+\s+){0,2}?(?:there\s+|here\s+)?(?:has|have|had)\s+(?:yet\s+|since\s+)?$"
                         # "None of the operators interviewed had moved there"
                         r"|\b(?:none|neither)\s+of\s+(?:the\s+|them\s+|those\s+)?(?:[\w-]+\s+){0,3}?(?:had|has|have|was|were)?\s*$", re.I)
# not "لا يزال" (still): "لا" is left out
_NEGATED_AR = re.compile(r"(?<![\u0621-\u0652\u0670])[وف]?(?:لم|لن|ليس|ليست|ليسوا)\s+(?:[\u0600-\u06FF]+\s+)?$"
                         # "لم يدفع أحدا إلى الرحيل", "لم تدفع أحداً، على حد علمه، إلى نقل", "لم تدفع المداهمات
                         # الأردنية أحداً إلى نقل": pushed no one to leave
                         # ("ولم يدفع، بحسب العاملين في القطاع، أي معدّن إلى مغادرة البلاد": no miner)
                         r"|(?<![\u0621-\u0652\u0670])[وف]?(?:لم|لن)\s+(?:يدفع|تدفع|يجبر|تجبر|يرغم|ترغم|يضطر|تضطر)(?:\s*[،,][^،,.]{1,40}[،,])?"
                         r"(?:\s+\S+){0,3}?\s+(?:احدا|أحدا|أحداً|احداً|(?:أي|اي)\s+\S+)(?:\s*[،,][^،,.]{1,30}[،,])?\s+(?:الي|إلى|الى)\s*$"
                         # "لم تكن تايلاند وجهة": not (yet) a destination
                         r"|(?<![\u0621-\u0652\u0670])(?:لم|لن)\s+(?:تكن|يكن|تعد|يعد|تصبح|يصبح)\s+[\u0600-\u06FF]+\s+$"
                         # "لا تنوي مغادرة البلاد": no intention
                         r"|(?<![\u0621-\u0652\u0670])[وف]?لا\s+(?:تنوي|ينوي|ينوون|ننوي|تعتزم|يعتزم|يعتزمون|نعتزم|تخطط|يخطط|يخططون|نخطط|نية|تفكر|يفكر|يفكرون|نفكر)\s+(?:\S+\s+)?$"
                         # "مستبعدة نقل مصنعها", "استبعد الانتقال": ruled out
                         r"|(?<![\u0621-\u0652\u0670])[وف]?(?:مستبعد[اةه]?|استبعد|استبعدت|استبعدوا|يستبعد|تستبعد)\s+(?:\S+\s+)?$"
                         # "ومعدّنون لا يغادرون": "لا" right before the verb (not "لا يزال ينقل")
                         r"|(?<![\u0621-\u0652\u0670])[وف]?لا\s+$")
# a denial whose scope reaches the move: a negation, then "any"/"anyone" or a verb of
# noticing, and no clause or "but"/"except" between: "had not … pushed anyone he knew to
# leave", "There is no sign that any operator has left", "لم يُعرف أن أياً من الشركات غادرت",
# "لا يبدو أن القرار دفع أحداً من المعدّنين إلى المغادرة", "لم يُرصد حتى الآن نزوح" (not "had no
# choice but to leave", "لم يكن أمامهم إلا الرحيل")
_DENIAL_EN = re.compile(r"\b(?:not|n't|never|no|nobody|none)\b(?:(?!\bbut\b|\bexcept\b|\bother\s+than\b|\bonly\b|\bunless\b"
                        r"|\buntil\b)[^.,;:!?])*?\b(?:any|anyone|anybody|sign|signs|evidence|indication|indications)\b"
                        r"(?:(?!\bbut\b|\bexcept\b|\bonly\b)[^.,;:!?])*$", re.I)
_DENIAL_AR = re.compile(r"(?:^|\s)[وف]?(?:لم|لن|لا|ليس|ليست|نادرا\s+ما|دون\s+ان)\s+(?:(?!(?:سوي|الا|غير|لكن|بل)\s)[^\s.،,؛:!؟]+\s+)*?"
                        r"(?:(?:ايا|اي|احدا|احد|ايه)(?:\s|$)|(?:يرصد|ترصد|يعرف|تعرف|تظهر|يظهر|تشير|يشير|يذكر|يذكرون|تذكر|تعلن"
                        r"|يعلن|يسجل|تسجل|تبدو|يبدو|تبد|يبد|يلاحظ|تلاحظ)\s)(?:(?!(?:سوي|الا|غير|لكن|بل)\s)[^.،,؛:!؟])*$")
# a speaker, then the ban it speaks of: "Kvalnes Compute said the ban", "Zhou says this order"
_SAID_THE = re.compile(r",?\s+(?:(?:has|had|have)\s+)?(?:said|says|say|told\s+\w+|argued|argues|complained|complains|noted|notes"
                       r"|added|adds|warned|warns)\s+(?:that\s+)?(?:the|this|that|its)\s+(?:[\w-]+\s+)?", re.I)
# "(إلى …) بولاية مدنين": a province told with "ب" glued, as where a town before it lies
_IN_KIND_AR = re.compile(r"ب(?:ولاي|محافظ|اقليم|إقليم|منطق|مقاطع)")
_TO_TOWN_AR = re.compile(r"(?:^|\s)[وف]?(?:الي|الى|إلى)\s+(?:[^\s.،,؛:\d\u0660-\u0669]+\s+){1,5}$")
# "Li Wenjie, who ran 300 machines beside a small hydropower plant in Dali", "سادييف، الذي كان
# يدير مزرعة بقدرة 30 ميغاواط على أطراف إيكيباستوز": where a named mover runs its machines
# where a mover runs its machines, after the verb: "… in", "… on the outskirts of", "… قرب"
_AT_SITE_EN = r"\b(?:in|near|at|outside|on\s+the\s+(?:outskirts|edge)\s+of)\s+(?:the\s+)?"
_AT_SITE_AR = r"(?:في|قرب|بالقرب\s+من|على\s+اطراف|على\s+أطراف|ضواحي)\s+"
_SEAT_RUN = re.compile(r"\s*,\s+(?:who|which)\s+(?:had\s+|has\s+)?(?:ran|runs|run|operated|operates|owned|owns|managed|manages)\s+"
                       r"[^,;.]{0,70}?" + _AT_SITE_EN
                       + r"|\s*[»\"]?\s*،\s*(?:التي|الذي)\s+(?:كان|كانت)\s+(?:ت|ي)(?:شغ\u0651?ل|دير|ملك)\s+(?:\S+\s+){0,6}?"
                       + _AT_SITE_AR
                       # the mover as the subject: "Abyssinia Hash had run 2,400 machines in a warehouse
                       # outside Adama", "وكانت «أبيسينيا هاش» قد شغّلت نحو 2400 جهاز في مستودع …"
                       + r"|\s+(?:had\s+|has\s+)?(?:ran|run|runs|operated|operates)\s+(?:[^,;.]|(?<=\d)[,.](?=\d)){0,70}?" + _AT_SITE_EN
                       # ("كانت شركة "بولار بلوك" تخطط لبناء مركز … في مو إي رانا": the site it planned)
                       + r"|\s*[»\"]?\s*(?:قد\s+)?(?:شغ\u0651?لت|شغ\u0651?ل|تشغ\u0651?ل|يشغ\u0651?ل|ادارت|أدارت|تدير|يدير"
                       r"|(?:تخطط|خططت|يخطط|خطط)\s+لبناء|تبني|بنت|يبني|بنى|تملك|تمتلك|يملك|يمتلك)\s+(?:\S+\s+){0,8}?" + _AT_SITE_AR, re.I)
# another mover than the one told before: "A smaller operator said it had shipped", "معدّن آخر"
_ANOTHER_MOVER = re.compile(r"\b(?:a|an|another|other|one|some|several|two|three)\s+(?:[\w-]+\s+)?(?:operators?|miners?|compan(?:y|ies)"
                            r"|firms?|groups?|businessm[ae]n|investors?|owners?)\b|(?:آخر|آخرون|اخر|اخرون|أخرى|اخري|أخرى)(?:\s|$)"
                            # "his former partner", "فشريكه السابق", "صديقي": someone else close to the one told
                            r"|\b(?:his|her|their|my)\s+(?:former\s+|business\s+|old\s+)?(?:partners?|friends?|brothers?|cousins?)\b"
                            r"|(?<![\u0621-\u0652\u0670])[وف]?(?:شريك|صديق|شقيق)\S*", re.I)
# what a mover owns, moved: "1,800 of its machines", "4,000 of them", "its fleet"
_ITS_MACHINES = re.compile(r"\b(?:of\s+them\b|((?:its|his|her|the\s+company's|the\s+firm's)\s+(?:[\w-]+\s+){0,2}"
                           r"(?:machines|rigs|fleet|miners|servers|equipment|containers|capacity|hardware)\b))", re.I)
# one mover told by what it is, as the subject: "An operator from Nalchik", "A Cape Town
# investment fund", "معدّن من زليتن", "معدن آخر"
_ONE_MOVER = {
    "en": re.compile(r"(?:^|[.;:\"“]\s*|\n)((?:(?-i:[A-Z])|a)(?:n|nother)?\s+(?:[\w'-]+\s+){0,3}?(?:operator|miner|investor|businessman"
                     r"|businesswoman|entrepreneur|engineer|company|firm|fund|group|hosting\s+company|start-?up)"
                     r"(?:\s+(?:from|in|based\s+in)\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)?)\b", re.I),
    "ar": re.compile(r"(?:^|[.؛:\"“«]\s*|\s[وف]?)((?:معد\u0651?ن|مستثمر|رجل\s+اعمال|رجل\s+أعمال|مهندس)(?:\s+(?:آخر|اخر|ثان|ثالث"
                     r"|كويتي|صيني|ايراني|إيراني|مصري|ليبي|اردني|أردني|عراقي|سوري|لبناني|جزائري|مغربي|تونسي))?"
                     r"(?:\s+من\s+(?:مدينة\s+|منطقة\s+)?\S+)?)(?=\s)"),
}
# the subject after an Arabic verb that takes up the firm told of before ("نقلت الشركة"), and
# the mover's own machines as the object of a verb with no subject ("حمل ما تبقى من أجهزته")
_THE_FIRM_AR = re.compile(r"\s*(?:الشركة|الشركه)(?![\u0621-\u0652\u0670])")
_ITS_MACHINES_AR = re.compile(r"\s*(?:(?:ما\s+(?:تبقى|تبقي|بقي)\s+من|بقي[ةه]|باقي|كل|كامل|جميع|معظم|نصف|ثلث|ربع|بعض|جزء[اً]*\s+من)\s+)?"
                              r"(?:أجهزت|اجهزت|آلات|الات|معدات|منصات)(?:ه|ها|هم)(?![\u0621-\u0652\u0670])")
# the name a mover told by what it is goes by: "يدعى", "عرّف نفسه باسم", "who gave his name as"
_NAMED_AS = re.compile(r"(?:يدعى|يُدعى|ويدعى|اسمه|باسم|named|called|name\s+(?:only\s+)?as)\s*[«\"“]?\s*$", re.I)
_REL_AFTER = re.compile(r"[,،]\s*(?:where|which|whose|when|حيث|التي|الذي|اللتين|اللذين|حين|عندما)(?![\w\u0600-\u06FF])")
_CAUSE_CLAUSE = re.compile(r"[،,؛;]\s*(?:و)?(?:بعدما|بعد|بسبب|اثر|إثر|عقب|جراء|نتيجة|في أعقاب|في محاول[ةه]|سعيا|لتخفيف"
                           r"|after|because|due\s+to|following|amid|as|in\s+an\s+effort|in\s+a\s+bid|to\s+ease)\b")
# ", two days after …", ", a week before …": a clause of time (where the ban applies is told
# before it: "The authorities in Tiraspol ordered farms disconnected on Jan. 3, two days after
# Russian gas stopped flowing through Ukraine")
_TIME_CLAUSE = re.compile(r"[,;]\s*(?:(?:a|one|two|three|four|five|six|\d+|several|a\s+few)\s+)?"
                          r"(?:hours?|days?|weeks?|months?)\s+(?:after|before)\b", re.I)
# verbs of saying: "X said …", "قال X …"
_SAY = re.compile(r"(?<![\u0621-\u0652\u0670])(?:قال|يري|يرى|اشار|اعتبر|لفت|اكد|يؤكد|يقدر|اوضح|ذكر)"
                  r"|\b(?:said|says|told|believes|thinks|estimates|argues|warned)\b", re.I)
# "we are moving", "we have moved", "we will be moving" (a move with "we" as its subject)
_WE_EN = re.compile(r"\bwe(?:'re|'ve|'ll|'d)?\s+(?:[a-z']+\s+){0,3}$", re.I)
_WE_AR = re.compile(r"(?<![\u0621-\u0652\u0670])(?:نحن|اننا|إننا|أننا)(?![\u0621-\u0652\u0670])")
# between a verb and its subject: "نقلت شركة "…"", "نقل رجل الاعمال …"
_SUBJECT_GAP_AR = re.compile(r"\s*(?:(?:ال)?(?:شركه|مجموعه|مؤسسه|منصه|رجل الاعمال|المستثمر|المعدن)\s*)?[\"«“]?\s*")
_QUOTE_MARKS = "\"“”«»"
#: how far back a quotation is looked for (characters)
QUOTE_REACH = 1500
# a sentence about someone it does not name: "A smaller operator said it …"
_INDEFINITE_SUBJECT = re.compile(r"\s*(?:(?:but|and|yet)\s+)?(?:a|an|another|one|some|several|other|others)\b", re.I)
_SAY_AR_BEFORE = re.compile(r"(?<![\u0621-\u0652\u0670])[وف]?(?:قال|قالت|يقول|تقول|أكد|اكد|أكدت|اكدت|أوضح|اوضح|أشار|اشار"
                            r"|أشارت|اشارت|ذكر|ذكرت|أعلن|اعلن|أعلنت|اعلنت|صرح|صرحت|أضاف|اضاف|يقدر|يقدّر|يرى|لفت|اعتبر)"
                            r"(?![\u0621-\u0652\u0670])")
# the subject of an attraction is something of the place told before: "its hydropower
# draws", "تجذب طاقتها" (the word right after the verb)
_ITS_EN = re.compile(r"\b(?:its|their)\s", re.I)
_ITS_AR = re.compile(r"\s+[\u0600-\u06FF]{3,}(?:ها|هم)(?![\u0621-\u0652\u0670])")
_ANNOUNCED = re.compile(r"\s+(?:announced|announces|stated|states|confirmed|confirms|decided|decides)\b")
_IT_SUBJECT = re.compile(r"\b(?:it|they)\s+(?:(?:has|have|had|also|then|later|quickly|would|will)\s+)?$"
                         r"|(?<![\u0621-\u0652\u0670])(?:انها|إنها|أنها|انهم|إنهم|أنهم)\s+$", re.I)
# a ban taking effect: "(the ban) takes effect / returns", "(قبل أن) يسري (الحظر)"
_TAKES_EFFECT_EN = (r"(?:(?:takes|took|comes|came|goes|went|kicks|kicked|enters|entered)\s+(?:effect|into|in)"
                    r"|returns|resumes|starts|begins|applies|bites)\b")
_TAKES_EFFECT_AR = r"(?:يسري|تسري|يدخل|تدخل|يبدأ|يبدا|تبدأ|تبدا|يطبق|تطبق)"
# "Canaan had moved to Kazakhstan in 2020, before the crackdown"
_BEFORE_THE_BAN = re.compile(r"\bbefore\s+(?:the|any|a)\s+(?:[\w-]+\s+)?(?:ban|crackdown|moratorium|prohibition|order)\b"
                             # (not "will move … before the ban takes effect": a move ahead of a ban)
                             r"(?!\s+" + _TAKES_EFFECT_EN + r")"
                             r"|(?<![\u0621-\u0652\u0670])قبل\s+(?:(?:أن|ان)\s+(?!" + _TAKES_EFFECT_AR
                             + r")\S+\s+)?(?:ال)?(?:حظر|حمله|حملة|قرار)", re.I)
# a ban that takes effect after the move: "before the ban takes effect", "قبل أن يسري الحظر"
_TAKES_EFFECT_AFTER = re.compile(r"\s+(?:\S+\s+){0,2}?" + _TAKES_EFFECT_EN, re.I)
_TAKES_EFFECT_BEFORE = re.compile(r"(?<![\u0621-\u0652\u0670])(?:أن|ان)\s+" + _TAKES_EFFECT_AR + r"\s+$")
_BEFORE_BAN = re.compile(r"(?:\bbefore|\bprior\s+to|\bahead\s+of|\bin\s+anticipation\s+of|(?<![\u0621-\u0652\u0670])(?:قبل|تحسبا|تحسباً|استباقا|استباقاً))\s*(?:(?:أن|ان)\s+)?"
                         r"(?P<any>(?:any|أي|اي)\s+)?(?:(?:the|a|an|its|their)\s+)?(?:[\w\u0600-\u06FF'’]+\s+){0,2}$", re.I)
# "وكانت شركات عدة قد انتقلت …": a move told as background, before the news
_PLUPERFECT_AR = re.compile(r"(?<![\u0621-\u0652\u0670])[وف]?(?:كان|كانت|كانوا)\s+(?:\S+\s+){0,4}?قد\s+(?:\S+\s+)?$")
# "Some miners had already moved to Armenia", "… moved years earlier": before the news
_ALREADY_EN = re.compile(r"\bhad\s+(?:already|long\s+since|previously)\s+$", re.I)
_SAID_THAT = re.compile(r"\b(?:said|says|told\s+\w+|announced)\b[^.;!?]{0,40}?\b(?:that\s+)?(?:it|he|she|they)\s+$", re.I)
_YEARS_EARLIER_EN = re.compile(r"\b(?:years|months|long)\s+(?:earlier|before(?!\s+(?:the|a|an)\b))", re.I)
# power cuts that are the grid failing, not an order ("chronic power cuts", "rolling power cuts")
_OUTAGES = re.compile(r"\b(?:chronic|frequent|rolling|daily|nightly|scheduled|regular|repeated|constant|hours-long|lengthy"
                      r"|routine|seasonal)\s+(?:and\s+\w+\s+)?$", re.I)
# a sentence that names the members of a group told just before ("Among them are", "ومنها")
_THEY_INCLUDE = re.compile(r"\s*(?:(?:Among|Of)\s+(?:them|these|those)\s+(?:are|were|is|was)\b|(?:They|These|Those)\s+(?:include|included|are|were)\b"
                           r"|(?:و?من\s+(?:بينها|بينهم|ضمنها)|و?منها|وهي|وتشمل|وتضم)(?![\u0621-\u0652\u0670]))")
# a ban that was not made: voted down, only called for, not imposed
_DENIED_BAN_BEFORE = re.compile(
    r"\b(?:voted\s+down|rejected|defeated|blocked|scrapped|shelved)\b[^.;]{0,50}$|\b(?:not|never)\s+(?:(?:yet|been|be|to)\s+)?$"
    # "does not intend to impose restrictions", "has no plans to ban", "has not moved to
    # restrict mining", "لا تنوي فرض قيود"
    r"|\b(?:not|never|no)\s+(?:yet\s+)?(?:intend(?:s|ed)?|plan(?:s|ned)?|want(?:s|ed)?|expect(?:s|ed)?|intention"
    r"|moved|decided|sought|tried|chosen|voted|rushed|trying|seeking|planning|going|looking)\s+(?:of\s+|to\s+)(?:\w+\s+)?$"
    r"|(?<![\u0621-\u0652\u0670])[وف]?لا\s+(?:تنوي|ينوي|تعتزم|يعتزم|تخطط|يخطط|نية\s+لديها\s+ل|نية\s+لديه\s+ل)\s*$"
    # a call on another body ("called for an EU-wide ban"); a government's own call for a
    # crackdown ("the State Council called for a crackdown") is its order
    r"|\bneither\b[^.;]{0,40}\bnor\b[^.;]{0,40}$"
    # "Nobody banned anything", "Nobody has been told to switch off": no one did
    r"|\b(?:nobody|no\s+one|no-one)\s+(?:(?:there|here|else|yet|has|had|have|been|ever|actually|really)\s+)*$"
    # "No one in Edmonton ever ordered miners off the grid"
    r"|\b(?:nobody|no\s+one|no-one)\s+in\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+(?:(?:has|had|ever|actually|really)\s+)*$"
    # "described the change as a tax adjustment rather than a ban"
    r"|\b(?:rather\s+than|instead\s+of)\s+(?:a\s+|an\s+|any\s+)?$"
    # "None of Haoyun's moves has been forced by a ban": a ban that did not happen
    r"|\b(?:none|no|never|neither)\b[^.;]{0,60}\b(?:by|from)\s+(?:a|any)\s+$"
    r"|\b(?:called|calls|calling|urged|urges|urging|lobbied|petitioned)\b[^.;]{0,50}\b(?:EU|European|global|worldwide|international)\b[^.;]{0,20}$"
    r"|(?<![\u0621-\u0652\u0670])(?:رفض|رفضت|اسقط|اسقطت)\s+(?:\S+\s+){0,5}$"
    r"|(?<![\u0621-\u0652\u0670])(?:تطالب|طالبت|طالب|يطالب|دعت|دعا|تدعو|يدعو|حثت|حث)\s+(?:\S+\s+){0,5}?(?:الاتحاد|الاوروبي|الأوروبي|دوليا|عالميا)(?:\s+\S+){0,3}\s+$"
    r"|(?<![\u0621-\u0652\u0670])[وف]?(?:لم|لن)\s+(?:\S+\s+)?(?:بعد\s+|ابدا\s+|أبدا\s+|أبداً\s+)?$"
    # "لم تفرض تونس حظراً", "لا تتضمن التشريعات التونسية حظراً", "has not imposed a ban", "has
    # never introduced any restrictions": a verb of making a ban, denied
    r"|(?<![\u0621-\u0652\u0670])[وف]?(?:لم|لن|لا)\s+(?:[تي](?:فرض|علن|تضمن|صدر|قر|تخذ|شن|طبق|عتمد|سن)|يوجد|توجد)\s+(?:\S+\s+){0,3}$"
    r"|\b(?:not|never)\s+(?:yet\s+)?(?:imposed|introduced|adopted|enacted|issued|announced|passed|declared|launched|brought\s+in"
    r"|impose|introduce|adopt|enact|issue|announce|pass|declare|launch)\s+(?:(?:a|an|any|the|its|such)\s+)?(?:[\w-]+\s+)?$"
    r"|\b(?:contains?|has|have|had|with)\s+no\s+(?:(?:explicit|formal|outright|specific|blanket|nationwide|official|such)\s+)?$"
    # "لم يأتوا هرباً من حظر": they did not come fleeing a ban
    r"|(?<![\u0621-\u0652\u0670])[وف]?(?:لم|لن)\s+\S+\s+(?:هربا|هرباً|فرارا|فراراً)\s+من\s+$"
    # "the banks closed their doors", "البنوك أغلقت أبوابها": banks turning miners away ban
    # nothing (a central bank that bans does: "Nepal's central bank banned all crypto activity")
    r"|\bbanks\s+(?:have\s+|had\s+)?$|(?<![\u0621-\u0652\u0670])(?:[وف]?(?:البنوك|المصارف))\s+$"
    # "جورجيا لا تفرض أي قيود": "لا" right before the verb
    r"|(?<![\u0621-\u0652\u0670])[وف]?لا\s+$"
    # "هذا ليس حظراً على أحد", "this is not a ban on anyone": what the measure is not
    r"|(?<![\u0621-\u0652\u0670])[وف]?(?:ليس|ليست)\s+(?:\S+\s+)?$|\b(?:is|was|are|were)\s+(?:not|no)\s+(?:a\s+|an\s+|any\s+)?$"
    # "من دون أن يحظر", "دون أن تحظر": without banning
    r"|(?<![\u0621-\u0652\u0670])(?:من\s+)?(?:دون|بدون)\s+(?:ان|أن)\s+$|\bwithout\s+$"
    # no ban in particular: "not driven by any ban", "long before any talk of a ban",
    # "لا علاقة لها بأي قيود"; or one that may come: "إذا أُقر الحظر"
    r"|\b(?:any|no)\s+(?:(?:talk|sign|hint|threat|prospect|word)\s+of\s+(?:a\s+)?)?$|\b(?:if|unless|should)\s+(?:the\s+|a\s+|any\s+)?$"
    # "the answer is rarely a government ban", "nobody was talking about a ban", "ولم يكن
    # أحد يتحدث عن حظر": a ban no one made
    r"|\b(?:rarely|seldom|hardly\s+ever)\s+(?:a|an|the|any)\s+(?:[\w-]+\s+)?$"
    # "Not every drop in the data is a crackdown", "This is maintenance, not a ban": what a
    # thing is not
    r"|\bnot\s+(?:every|all|each)\b[^.;:]{0,60}\b(?:is|was|are|were)\s+(?:a|an)\s+(?:[\w-]+\s+)?$"
    r"|,\s+not\s+(?:a|an)\s+(?:[\w-]+\s+)?$"
    r"|\b(?:nobody|no\s+one)\s+(?:was\s+|were\s+)?(?:talk(?:ed|ing)?|spoke|speaking|thought|thinking)\s+(?:of|about)\s+(?:a\s+|any\s+)?$"
    r"|(?<![\u0621-\u0652\u0670])[وف]?(?:لا|لم\s+يكن)\s+(?:أحد|احد)\s+(?:يتحدث|يتكلم|يفكر)\s+(?:عن|في|ب)\s*(?:\S+\s+)?$"
    r"|(?<![\u0621-\u0652\u0670])(?:[بلو]?[أا]ي|إذا|اذا|لو|حال)\s+(?:\S+\s+)?$"
    # "ما إذا كانت ستتخذ إجراءات مماثلة": whether it will
    r"|(?<![\u0621-\u0652\u0670])(?:إذا|اذا|لو)\s+(?:\S+\s+){2}$", re.I)
_SINCE = re.compile(r"(?:[وف]?منذ|since)\s", re.I)
_AGO = re.compile(r"^[وف]?(?:قبل|منذ)\s.*(?:سنوات|أعوام|اعوام|عامين|سنتين|شهرين|أشهر|اشهر|شهور|عاما|سنة|سنه)$|\bago$")
_WHICH_BANNED = re.compile(r"\s*(?:,\s*(?:which|that)|(?:التي|الذي))\s+(?:(?:has|had|have|also|then|later|قد|بدورها)\s+)*")
_WHERE_AFTER = re.compile(r"\s*[,،]\s*(?:where|حيث)\s")
# "we shut down in minutes": a company stopping its own machines is no ban
_WE_BEFORE = re.compile(r"\b(?:we|I)\s+(?:(?:just|simply|can|could|will|would|must|have\s+to|had\s+to)\s+)?$", re.I)
# (any words in lower case between: "Uzbekistan's autonomous Republic of Karakalpakstan",
# "Kazakhstan's coal-rich north-eastern Pavlodar region"; the place must lie in the owner)
_OWNED_PLACE = re.compile(r"(?:['’]s|(?<=s)['’])\s+(?:[a-z][a-z-]*\s+){0,3}?(?:(?:province|region|state)\s+of\s+)?")
# "low water levels at the Toktogul reservoir", "منسوب سد توكتوغول": a dam, lake or
# plant named after a place is no place a ban applies to
_LANDMARK_AFTER_EN = re.compile(r"\s+(?:reservoir|dam|lake|river|(?:hydro(?:electric|power)?\s+|power\s+)(?:plant|station|dam))\b", re.I)
_LANDMARK_BEFORE_AR = re.compile(r"(?<![\u0621-\u0652\u0670])(?:سد|خزان|بحيره|نهر|محطه)\s+$")


def _masked(text: str, a: int, b: int, ents) -> str:
    """``text[a:b]`` with the names of places blanked out."""
    chars = list(text[a:b])
    for e in ents:
        if e.label_ in PLACES and a <= e.start_char and e.end_char <= b:
            chars[e.start_char - a:e.end_char - a] = " " * (e.end_char - e.start_char)
    return "".join(chars)


def _is_landmark(lang: str, text: str, p, before: str) -> bool:
    if lang == "ar":
        return _LANDMARK_BEFORE_AR.search(before) is not None
    return _LANDMARK_AFTER_EN.match(text, p.end_char) is not None


_BORDER_WITH = re.compile(r"(?:الحدود|حدود|الحدوديه)\s+(?:مع|مع\s+دوله)\s+$|\bborders?\s+with\s+(?:the\s+)?$|\bbordering\s+$", re.I)
# (the subject, not "miners in the state said the ban …"; lower case: not "the State Council")
_THE_PROVINCE = re.compile(r"(?<!\bin )(?<!\bof )(?<!\bfrom )(?<!\bto )(?<!\bacross )(?<!\bfor )\b(?:[Tt]he|[Tt]his)\s+(?:[\w]+-[\w]+\s+|[A-Z][a-z]+\s+)?(?:province|region|state|provincial|regional)\b(?:['’]s\s+(?:[\w-]+\s+){0,2}|\s+(?:[\w-]+\s+){0,7})?$")
# a sentence of quoted words whose speaker is a pronoun ("…," he said.), "…"، قال.)
_HE_SAID = re.compile(r"[\"”»]\s*[,،]?\s*(?:(?:he|she)\s+(?:said|says|added|recalled)|(?:said|says|added)\s+(?:he|she)"
                      r"|(?:قال|يقول|قالت|تقول|أضاف|اضاف|أضافت|اضافت)(?:\s+(?:لنا|ل\S+))?)\s*[.؟!]?\s*$", re.I)
# a line that gives a claim being checked ("Claim: …", "Second claim: …", "الادعاء: …"), and a
# move told as what is claimed ("the claim of a mass move", "مزاعم عن انتقال")
_CLAIM_LINE = re.compile(r"[ \t]*(?:[\w-]+\s+)?claims?\s*:|[ \t]*(?:ال)?(?:ادعاء|إدعاء)(?:\s+\S+)?\s*:", re.I)
_CLAIMED = re.compile(r"\b(?:claims?|rumou?rs?|allegations?)\s+(?:of|that|about)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$"
                      # "a post … claims that …", "منشور … يؤكد أن …، وأن المعدنين هربوا"
                      r"|\b(?:post|video|tweet|message|clip)s?\b[^.;!?]{0,120}\b(?:claims?|claimed|says|said|alleges?|alleged)\s+(?:that\s+)?"
                      r"[^.;!?]{0,160}$|(?<![\u0621-\u0652\u0670])(?:منشور|فيديو|مقطع|تغريدة|رسالة)[^.؛!؟]{0,120}"
                      r"(?:يؤكد|يزعم|يدعي|تزعم|تدعي|تؤكد|يقول|تقول|زعم|ادعى)\s+(?:أن|ان)[^.؛!؟]{0,160}$"
                      r"|(?<![\u0621-\u0652\u0670])(?:ادعاء|الادعاء|ادعاءات|مزاعم|شائعات|الشائعات|شائعة)\s+(?:عن|حول|بشأن|ب)\s*(?:\S+\s+){0,1}$", re.I)
# … and a move the sentence itself calls untrue ("أما قصة الانتقال إلى مالطا فغير صحيحة",
# "the story of a move to Colombia is false")
_UNTRUE_AFTER = re.compile(r"\b(?:is|was|are|were|proved|proves)\s+(?:\w+\s+)?(?:false|untrue|unfounded|baseless|fabricated)\b"
                           r"|(?<![\u0621-\u0652\u0670])[وف]?(?:غير\s+(?:صحيحة?|دقيقة)|لا\s+[أا]ساس\s+لها?|كاذبة|مفبركة)"
                           r"(?![\u0621-\u0652\u0670])", re.I)
# a sentence that asks ("Did Paraguay ban crypto mining?", "هل تحظر …؟")
_QUESTION = re.compile(r"[?؟]\s*[\"'”»)]?\s*$")
_WOULD_HAVE = re.compile(r"\bwould\s+have\s+$", re.I)
_PROPOSED_BEFORE = re.compile(r"\b(?:proposals?|bills?|plans?|motions?|measures?|drafts?|petitions?|amendments?)\s+"
                              r"(?:to|that\s+would|which\s+would)\s+$", re.I)
_FAILED_AFTER = re.compile(r"[^.;?]{0,100}?\b(?:fail(?:ed|s)|died|dies|stall(?:ed|s)|collapsed|collapses|(?:was|were|has\s+been|had\s+been)\s+"
                           r"(?:rejected|defeated|voted\s+down|shelved|scrapped|withdrawn|blocked|dropped|struck\s+down))\b", re.I)
_DENIED_BAN_AFTER = re.compile(r"^[^.;]{0,60}\b(?:but|and)\s+(?:it|the\s+(?:bill|measure|proposal))\s+(?:failed|was\s+(?:defeated|rejected|voted\s+down))", re.I)
_BASED_AFTER = re.compile(r"-based\b")
_SPEAKER_OF = re.compile(r"\b(?:said|says|told|according\s+to)\s+(?:[\w\s.'-]{1,40},\s+)?(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}(?:in|at)\s+(?:the\s+)?$"
                         r"|(?<![\u0621-\u0652\u0670])[وف]?(?:وهو|وهي)\s+(?!ما\s)(?:\S+\s+){0,3}في\s+$"  # not "وهو ما تكرر في": what happened there
                         # "من خلال مقابلات مع وسطاء ومعدنين في بيشكيك", "interviews with brokers in
                         # Almaty", "ويقدّر وسطاء في دبي أن": where the people who tell it are
                         r"|(?<![\u0621-\u0652\u0670])(?:مقابلات|لقاءات|احاديث|أحاديث|مقابله|مقابلة)\s+مع\s+(?:\S+\s+){1,4}(?:في|ب)\s*(?:\S+\s+){0,3}$"
                         r"|\binterviews?\s+with\s+(?:[\w-]+\s+){1,4}(?:in|at)\s+(?:[A-Z][\w-]*\s+(?:and\s+|,\s*))*$"
                         r"|(?<![\u0621-\u0652\u0670])[وف]?(?:يقدر|يقدّر|قدر|قدّر|يقول|قال|يرى|رأى|يؤكد|اكد|أكد)\s+(?:وسطاء|خبراء|محللون|مسؤولون|تجار|مصادر|متعاملون)\s+(?:\S+\s+){0,2}(?:في|ب)\s*$", re.I)
# (where the speaker is; "a miner from Sichuan" still says where the movers come from)
_DESCRIBED = re.compile(r"(?:\b(?:listed|headquartered|based|incorporated)\s+(?:in|on)\s+(?:the\s+)?"
                       r"|(?<![\u0621-\u0652\u0670])(?:المدرج[ةه]?|المدرجتين|ومقرها|مقرها|ومقره|مقره|تتخذ من|يتخذ من)\s+"
                       r"(?:في|ب|على|علي)?\s*(?:(?:بورص[ةه]|سوق)\s+)?)$", re.I)
# "تسببت الانقطاعات في توقف مزارع": an outage that stopped farms is no ban
_CAUSED_AR = re.compile(r"(?<![\u0621-\u0652\u0670])(?:تسبب|تسببت|ادت|ادي|أدت|أدى)\s+(?:\S+\s+){0,6}?(?:في|الي|إلى)\s+$")
# "to Calvert City, Ky.", "in Dalton, Georgia": a town no gazetteer knows, then its state
_TOWN = (r"\s+(?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*,\s*(?:(?:an?\s+(?:[\w-]+\s+){0,2}(?:town|city|village|port)\s+"
         # "to a sawmill at Mosjoen, across the mountains in Norway"
         r"|(?:just\s+)?(?:across|over|beyond)\s+the\s+(?:[\w-]+\s+)?(?:border|mountains|river|sea|strait|gulf|lake|bay)\s+)?in\s+(?:the\s+)?"
         # "to Corumba, in the Brazilian state of Mato Grosso do Sul"
         r"(?:(?:[\w-]+\s+){0,2}?(?:state|province|region|republic|county|district|department)\s+of\s+)?"
         # "to Rockwood, in Roane County, Tennessee": the county, then its state
         r"|(?:in\s+)?(?:[A-Z][\w'-]*\s+){1,2}(?:County|Parish|Borough),\s*"
         # "to a shed outside Gangtok, the capital of the Indian state of Sikkim"
         r"|the\s+(?:[\w-]+\s+)?(?:capital|seat)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
         r"(?:(?:state|province|region|republic|county|district|department)\s+of\s+)?)?$")
# "to Calvert City, Ky.", "to a warehouse in Saint-Jean-sur-Richelieu, Quebec", "to rented premises in Cúcuta, Colombia"
# "(to a site) it leased", "(to a site) it has optioned": the site's relative clause
_SITE_CLAUSE = (r"\s+(?:that\s+|which\s+)?(?:it|they|we|the\s+company)\s+(?:had\s+|has\s+|have\s+)?"
                r"(?:leased|leases|owns?|owned|bought|built|rents?|rented|acquired|operates?|runs?|found|optioned|secured|identified|chosen|picked)")
# where machines stand, in "to its new sites in Ethiopia", "from a leased building in upstate New York"
_SITES_EN = (r"sites?|facilit(?:y|ies)|farms?|plants?|mines?|data\s+cent(?:er|re)s?|hubs?|bases?|warehouses?|buildings?"
             r"|premises|hangars?|halls?|sheds?|compounds?|terminals?|complex(?:es)?|(?:saw)?mills?|smelters?|(?:sub)?stations?"
             r"|yards?|containers?|workshops?|garages?|barns?|(?:hosting\s+)?(?:compan(?:y|ies)|providers?|firms?)")
# "to a site it leased near": where machines go, before the town they stand in
_TO_SITE = (r"\b(?:to|into|(?:bound|headed|destined)\s+for)(?:\s+(?:(?:its|their|a|an|the|new|own)\s+)?(?:[\w-]+\s+){0,2}(?:" + _SITES_EN
            + r"|space|projects?|campus|parks?|zones?|lots?|estates?|cent(?:er|re)s?|factor(?:y|ies))(?:"
            + _SITE_CLAUSE + r")?\s+(?:in|at|near|outside|around|beside|on\s+the\s+(?:outskirts|edge|fringes?)\s+of))?")
_TOWN_BEFORE = re.compile(_TO_SITE + _TOWN)
# "to Selkirk, north of Winnipeg", "to Adama, about 100 km south-east of Addis Ababa": a town no
# gazetteer knows, placed by a known one (see ``_unknown_town``)
_OFF = (r"\s+(?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*,\s*(?:(?:about|some|roughly|around|just)\s+)?"
        r"(?:[\d,.]+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+$")
_TOWN_OFF_BEFORE = re.compile(_TO_SITE + _OFF)
_FROM_TOWN_OFF = re.compile(r"\b(?:from|out\s+of)" + _OFF)
_BEFORE_VERB = re.compile(r"\s*(?:قبل\s+[أا]ن|before\s+(?:it|they)?\s*\w+ing)\b", re.I)
_IN_TOWN_BEFORE = re.compile(r"\b(?:in|at|near)" + _TOWN)
_FROM_TOWN_BEFORE = re.compile(r"\b(?:from|out\s+of)" + _TOWN)
# "to Kondopoga in Karelia", "from Oskemen in East Kazakhstan": a town no gazetteer knows, then its region
# ("to Siliguri and other towns in India's West Bengal")
_TOWN_IN = (r"\s+(?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*(?:\s+and\s+(?:other|nearby|neighbou?ring)\s+"
            r"(?:towns|cities|villages|districts|places))?\s+in\s+(?:the\s+)?$")
_TO_TOWN_IN = re.compile(_TO_SITE + _TOWN_IN)  # (… "to a site near Saran in the Karaganda region")
_FROM_TOWN_IN = re.compile(r"\b(?:from|out\s+of)" + _TOWN_IN)
_SITE_OF = re.compile(r"\s+(?:[\w-]+\s+){0,1}(?:sites?|facilit(?:y|ies)|farms?|plants?|data\s+cent(?:er|re)s?|campus|operations|mines?)\b", re.I)
_OWNED_BY = re.compile(r"['’]s\s+(?:(?!(?:ban|bans|crackdown|order|orders|decision|move|law|rules?|government)\b)[\w-]+\s+)?")
_PRONOUN = re.compile(r"(?<![\u0621-\u0652\u0670])(?:انه|أنه|إنه|انها|أنها|إنها|وهو|وهي|نحن|انهم|أنهم|الشركة|الشركه)(?![\u0621-\u0652\u0670])|\b(?:he|she|they|it|the\s+company|the\s+firm|we)\b", re.I)
# "أجزاء من X" (parts of X) is no origin
# "من موقعها في هيرناندارياس" before "بمقاطعة ألتو بارانا": from a site in a town, in its province
_FROM_SITE_TOWN_AR = re.compile(r"(?:^|\s)من\s+(?:منشات|مواقع|مزارع|منشاه|موقع|مزرعه|مستودع|مستودعات|مخزن)(?:ها|هم|ه|ت|تها|ته|تهم)?"
                                r"\s+(?:في|ب)\s*\S+(?:\s+\S+)?\s+$")
_IN_KIND_AR = re.compile(r"ب(?:مقاطع|محافظ|ولاي|إقليم|اقليم|منطق)")
# "بعد نحو أسبوعين من" before a ban's words: a time after the ban told before
_WEEKS_AFTER_AR = re.compile(r"(?<![\u0621-\u0652\u0670])(?:بعد|عقب)\s+(?:نحو\s+|قرابة\s+|حوالي\s+)?(?:\S+\s+)?"
                             r"(?:يوم|يومين|أيام|ايام|أسبوع|اسبوع|أسبوعين|اسبوعين|أسابيع|اسابيع|شهر|شهرين|أشهر|اشهر|ساعات)"
                             r"(?:\s+(?:قليلة|قليله|فقط))?\s+من\s+$")
_ORIG_BEFORE_AR = re.compile(r"(?<!اجزاء)(?<!جزء)(?<!بعض)(?:^|\s)(?:(?:من|خارج|مغادره)\s*" + _KIND_AR
                             + r"|[وف]?(?:غادر|غادرت|غادروا|يغادر|يغادرون|تغادر)(?:\s+\S+){0,2}\s*"
                             # "من منشآتها في الولايات المتحدة": from its sites there
                             + r"|من\s+(?:منشات|مواقع|مزارع|مراكز|مصانع|منشاه|موقع|مزرعه|مركز|مصنع|ورشه|ورش|مستودع|مستودعات|مخزن|منزل|بيت)(?:ها|هم|ه|ت|تها|ته|تهم)?(?:\s+\S+){0,2}?\s+(?:في|ب)\s*" + _KIND_AR
                             # "هرباً من القيود في كازاخستان": what they fled was there
                             + r"|(?:هربا|فرارا)\s+من\s+(?:\S+\s+){0,3}?(?:في\s+)?"
                             # "بعد إغلاق موقعها في بافلودار": the site closed is where they leave
                             + r"|(?:اغلاق|إغلاق|غلق|اقفال|إقفال)\s+(?:موقع|مزرع|منشا|منشأ|مركز|مستودع)\S*\s+(?:\S+\s+)?(?:في|ب)\s*" + _KIND_AR
                             # "أجهزة كانت تعمل في إثيوبيا": where the machines were running
                             + r"|(?:كانت|كان|كانوا)\s+(?:تعمل|يعمل|يعملون|تشغل|مركبه|موجوده|منصوبه)\s+(?:في|ب)\s*"
                             # ("كانت تعمل في مستودعات بالدمام": in the warehouses there)
                             + r"(?:(?:مستودع|مزرع|موقع|منشا|مصنع|مخزن|قبو|اقبيه)\S*\s+(?:\S+\s+)?(?:في|ب)\s*)?" + _KIND_AR + r")$")
# the part of a place a text names ("in northern Sweden", "from Kristiansand in southern Norway")
_SIDES_EN = r"northern|southern|eastern|western|central|north|south|east|west|rural|upstate"
_PASSED_OVER = re.compile(r"\bbefore\s+(?:settling|choosing|opting|picking|selecting)\b|,\s+but\s+(?!(?:is|are|was|were|has|have)\s+)", re.I)
_UNTIL_WHEN = re.compile(r",?\s+when\b|،?\s+(?:عندما|حين|حينما)(?![\u0621-\u064A])")
_TO_NAMED_FOR = re.compile(r"\b(?:to|into) ([A-Z][a-z]+) $")
_DEST_BEFORE_EN = re.compile(r"\bsplit(?:s|ting)?\s+(?:[\w,.-]+\s+){0,6}between\s+(?:the\s+)?$"  # "split 20,000 rigs between Kazakhstan and Texas"
                             r"|(?:^|\s)(?:(?:to|into|towards|toward|for|as\s+far\s+as)\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?"
                             + _KIND_EN
                             # "to its new sites in Ethiopia", "to a facility near Abakan"
                             # ("to a cousin's workshop in Novi Pazar")
                             # ("bound for a site in Villa Hayes")
                             + r"|(?:to|into|(?:bound|headed|destined)\s+for)\s+(?:(?:(?:its|their|a|an|the|new|own)\s+){1,3}(?:[\w'’-]+\s+){0,2}"
                             r"(?:" + _SITES_EN + r"|parks?|zones?|campus(?:es)?|partners?|clients?|customers?|hosts?|projects?|cent(?:er|re)s?)"
                             # no determiner: only where machines go, not "(power) to farms in X"
                             r"|(?:[\w-]+\s+){0,2}(?:data\s+cent(?:er|re)s?|industrial\s+parks?|hosting\s+(?:sites?|facilities|providers|companies|firms)|sites|facilities)"
                             # "to rented warehouses in", "to abandoned rows of shops in", "into licensed farms in"
                             r"|(?:[\w-]+\s+){0,2}(?:(?:rows?|blocks?)\s+of\s+)?(?:warehouses|premises|hangars|sheds|shops|shoplots|garages|houses|homes|basements)"
                             r"|(?<=into\s)(?:[\w-]+\s+)?farms"
                             # … or any site near a town: "to facilities near Abilene"
                             r"|(?:[\w-]+\s+)?(?:sites?|facilit(?:y|ies)|farms?|plants?)(?=\s+(?:near|outside)\b))"
                             # "to a site it leased near Medicine Hat"
                             r"(?:" + _SITE_CLAUSE + r")?"
                             # "to a rented hall on an industrial estate in Medgidia": a site within a site
                             # ("to a container yard beside a substation in Addis Ababa")
                             r"(?:\s+(?:on|at|in|inside|within|beside|behind|next\s+to)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:" + _SITES_EN
                             + r"|parks?|zones?|estates?|campus))?"
                             r"\s+(?:in|at|near|outside|around|on\s+the\s+(?:outskirts|edge)\s+of)\s+(?:the\s+)?"
                             # "to a hosting facility in northern Sweden", "in the industrial port of Sohar"
                             r"(?:(?:" + _SIDES_EN + r"|remote)\s+)?"
                             r"(?:(?:[\w-]+\s+){0,2}(?:town|city|village|port|district|county)\s+of\s+)?)$", re.I)
_ORIG_BEFORE_EN = re.compile(r"(?:^|\s)(?:from|out\s+of|leav(?:e|ing)|left|fled|flee(?:ing)?)\s+(?:the\s+)?"
                             + _KIND_EN + r"$|(?:^|\s)from\s+(?:near|outside|around)\s+(?:the\s+)?$|\b(?:fleeing|escaping)\s+(?:\S+\s+){1,3}?in\s+(?:the\s+)?$"
                             # "X, which ran about 1,200 machines in a Wenatchee warehouse, moved them …"
                             r"|\b(?:which|that|who)\s+(?:had\s+)?(?:ran|run|operated|hosted)\s+(?:\S+\s+){0,4}?in\s+(?:an?\s+|its\s+|their\s+|the\s+)?$"
                             # "15,000 machines it had been running in Sichuan"
                             r"|\b(?:machines|rigs|miners|servers|equipment|capacity)\s+(?:that\s+)?(?:it|they|he|she|the\s+company)\s+"
                             r"(?:had\s+been\s+|has\s+been\s+|have\s+been\s+|was\s+|were\s+)?(?:running|operating|using|hosting|housing)\s+"
                             r"(?:\S+\s+){0,3}?in\s+(?:the\s+)?$"
                             # "after closing its site in Pavlodar": the site closed is where they leave
                             r"|\b(?:clos(?:e|ed|ing)|shut(?:ting)?(?:\s+down)?|dismantl(?:e|ed|ing))\s+(?:its|their|his|her|the)\s+(?:[\w-]+\s+){0,2}"
                             r"(?:" + _SITES_EN + r")\s+(?:in|at|near|outside)\s+(?:the\s+)?$"
                             # "from its site in Boden", "out of their facilities near Irkutsk"
                             r"|\b(?:from|out\s+of)\s+(?:(?:its|their|his|her|a|an|the|our|own)\s+){1,2}(?:[\w-]+\s+){0,2}"
                             r"(?:" + _SITES_EN + r"|operations)"  # "from a leased building in upstate New York"
                             # "out of its hall on the edge of Boden"
                             r"\s+(?:in|at|near|outside|around|on\s+the\s+(?:outskirts|edge|fringes?)\s+of)\s+(?:the\s+)?"
                             r"(?:(?:northern|southern|eastern|western|central|upstate|rural)\s+)?$", re.I)
# "to send its last 700 machines in Medicine Hat to Itapua": where its machines stand, when
# they go on to a place (not "installed their machines in Texas")
_MACHINES_IN_EN = re.compile(r"\b(?:its|their|his|her)\s+(?:(?:last|remaining|other|older|newer|own)\s+)?(?:[\d,.]+\s+)?"
                             r"(?:machines|rigs|miners|servers|equipment|fleet)\s+(?:in|at)\s+(?:the\s+)?$", re.I)
_MACHINES_IN_AR = re.compile(r"(?<![\u0621-\u0652\u0670])(?:اجهزت|آلات|الات|معدات|منصات)(?:ها|ه|هم)(?:\s+(?:ال)?(?:متبقيه|باقيه|اخري|قديمه|جديده))?\s+(?:في|ب)\s*$")
_THEN_TO_AR = re.compile(r"[^،؛.]{0,30}?(?:^|\s)(?:الي|الى|إلى|نحو)\s")
_THEN_TO_EN = re.compile(r"[^,;.]{0,30}?\s(?:to|into)\s+(?:(?:a|an|the|its|their|his|her)\s|(?-i:[A-Z]))", re.I)
_MACHINES_IN = {"en": (_MACHINES_IN_EN, _THEN_TO_EN), "ar": (_MACHINES_IN_AR, _THEN_TO_AR)}
_PART_OF_AR = re.compile(r"(?<![\u0621-\u0652\u0670])(?:ال)?(?:مناطق|منطقه|اجزاء|جزء|انحاء|شمال|جنوب|شرق|غرب|وسط)(?:\s+(?:ال)?[\u0600-\u06FF]+(?:يه|ي|ه))?(?:\s+(?:به|بها|لها|له))?\s+من\s*"
                         r"(?:(?:ولايه|ولايتي|ولايات|محافظه|محافظتي|محافظات|مقاطعه|مقاطعتي|مقاطعات|اقليم|منطقه)\s+)?$")
_CLAUSE_STOP = re.compile(r"[,،;؛.]")
_PART_OF_EN = re.compile(r"\b(?:parts?|areas?|districts?|(?:north|south|east|west)(?:ern)?(?:\s+(?:parts?|areas?|districts?))?)\s+of\s+(?:the\s+)?$", re.I)
_PART_OF = {"ar": _PART_OF_AR, "en": _PART_OF_EN}
_LIKE_AR = re.compile(r"(?:مثل|ك|منها|بينها|ومنها)\s*$")
_LIKE_EN = re.compile(r"(?:such\s+as|like|including|among\s+(?:them|which|those|others)|notably|namely|in\s+particular|particularly|especially)\s*,?\s*(?:the\s+)?$", re.I)
# "the top destination, followed by Kazakhstan, Russia and Canada", "تليها كازاخستان ثم روسيا":
# the places of a ranking after a destination
_FOLLOWED_BY = re.compile(r"\bfollowed\s+by\s+(?:the\s+)?|(?<![\u0621-\u0652\u0670])(?:تليها|يليها|تلتها|تليهما|تليه|يليه)\s+", re.I)
_DEMONYM_OBJECT = re.compile(r"\s+(?:(?:part|some|most|all|half|much)\s+of\s+)?(?:its|their|his|her|the)\s+((?-i:[A-Z])[a-z]+)\s+"
                             r"(?:fleet|machines|rigs|operations?|capacity|equipment|hardware|servers|miners)\b", re.I)
_NOT_TO = re.compile(r"(?<![\u0621-\u0652\u0670])(?:لن|لم|لا)\s+(?:[يت]عود|[يت]رجع|[يت]نتقل|[يت]ذهب|عاد|رجع)\S*\s+(?:الي|الى|إلى)\s*$"
                     r"|\b(?:not|never)\s+(?:to\s+)?(?:return|go\s+back|move\s+back|come\s+back)\s+to\s+(?:the\s+)?$"
                     # "rather than wait for Quebec's new rules": what they wait for is no destination
                     r"|\bwait(?:s|ed|ing)?\s+for\s+(?:the\s+)?$", re.I)
# "to Gillette, Wyoming, not to Montana", "rather than Texas", "إلى ليبيا وليس إلى السودان": the
# place set against where a move goes is neither its destination nor its origin
_SET_AGAINST = re.compile(r"[,;]\s*(?:and\s+|but\s+)?not\s+(?:(?:to|in|into)\s+)?(?:the\s+)?$"
                          r"|\b(?:rather\s+than|instead\s+of)\s+(?:(?:to|in)\s+)?(?:the\s+)?$"
                          r"|(?:^|\s)(?:و?ليس|لا)\s+(?:الي|الى|إلى)\s*$", re.I)
_FLEEING = re.compile(r"\b(?:fleeing|fled|flee|escaping|escaped)\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$"
                      r"|(?<![\u0621-\u0652\u0670])(?:الفارين|الفارون|هربا|هرباً|فرارا|فراراً|هاربين)\s+من\s+(?:\S+\s+)?$", re.I)
_COMMA_AR = re.compile(r"[،؛]")
_IN_SEVERAL_REGIONS = re.compile(r"\bregional\s+(?:[\w-]+\s+)?bans\b|\bin\s+(?:several|some|a\s+number\s+of|many|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:of\s+its\s+)?regions\b"
                                 r"|(?<![\u0621-\u0652\u0670])في\s+(?:عدد\s+من\s+|عده\s+|بعض\s+|\d+\s+|[٠-٩]+\s+|عشر\s+)?(?:ال)?مناطق(?![\u0621-\u0652\u0670])", re.I)
_VIA_THERE = re.compile(r"\s*[,،]?\s*(?:و?منها|و?من\s+هناك|ثم|and\s+(?:then|from\s+there)|from\s+where|then)\b", re.I)
# what follows a port the machines only pass through: "to Guangzhou, cleared for export and put on
# ships", "إلى ميناء جبل علي لإعادة تصديرها"
_TRANSIT_AFTER = re.compile(r",?\s+(?:(?:where\s+they\s+(?:are|were)|to\s+be)\s+)?(?:cleared\s+for\s+export|for\s+(?:re-?)?export"
                            r"|for\s+onward\s+shipment|for\s+shipment\s+(?:abroad|overseas))\b"
                            r"|\s*[،,]?\s*(?:للتصدير|لتصديرها|لتصديرهم|لإعادة\s+تصديرها|لاعادة\s+تصديرها)(?![\u0621-\u064a])", re.I)
# "abroad", "elsewhere": a move that names where it goes without a place
_TO_ELSEWHERE = re.compile(r"\b(?:abroad|overseas|elsewhere)\b|(?:الي|إلى|الى)\s+(?:الخارج|خارج)", re.I)


# a site rented or set up in a place, to which the same sentence then moves machines ("إليه")
_SITE_IN_AR = re.compile(r"(?<![\u0621-\u0652\u0670])(?:مستودع|مزرع|موقع|منشا|مبني|مخزن|قبو|هنغار|مصنع)\S*\s+(?:\S+\s+)?(?:في|ب)\s*$")
_TO_IT_AR = re.compile(r"[^.!?؟\n]{0,70}?(?<![\u0621-\u064a])[وف]?(?:نقل|شحن|ارسل|أرسل)\S*\s+(?:إليه|إليها|اليه|اليها)(?![\u0621-\u064a])")
_NEIGHBOUR_OF = re.compile(r"(?<![\u0621-\u0652\u0670])(?:ال)?(?:مجاوره|مجاور|محاذيه|محاذي|متاخمه|متاخم)\s+$")
# "نواذيبو، العاصمة الاقتصادية لموريتانيا": the place whose capital it is (لـ of), not where it goes
_CAPITAL_OF_AR = re.compile(r"(?<![\u0621-\u0652\u0670])(?:ال)?عاصمه(?:\s+ال(?!ي\s|ى\s)\S+)?\s+$")
_ANTICIPATED = re.compile(r"(?<![\u0621-\u0652\u0670])(?:تحسبا|تحسباً|استباقا|استباقاً|خشيه|خشية|خوفا|خوفاً)\s*(?:من\s+)?(?:لل|ل|ال)?$"
                          r"|\b(?:in\s+anticipation\s+of|for\s+fear\s+of|fearing)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.I)
_SAID_AFTER = re.compile(r"[,،]\s*(?:و|ف)?(?:قال|قالت|اضاف|أضاف|اضافت|أضافت|اكد|أكد|اكدت|أكدت|اوضح|أوضح|اوضحت|أوضحت)(?![\u0621-\u0652\u0670])"
                         r"|[,;]\s*(?:and\s+)?(?:it|he|she|they|the\s+company)\s+(?:said|added|told)\b", re.I)
# "وكان الإقليم قد تحوّل إلى ملاذ", "the province became a haven": a province told before, as subject
_THE_PROVINCE_SUBJ = re.compile(r"(?<![\u0621-\u0652\u0670])(?:الإقليم|الاقليم|المقاطعة|الولاية|المحافظة)(?![\u0621-\u0652\u0670])"
                                r"|\b[Tt]he\s+(?:province|region|state)\s+(?!of\b)")
# the head of a subject that follows its verb: "أمر الرئيس الإيراني", "قررت الحكومة الكويتية"
_AR_SUBJECT_HEADS = {normalize_ar(w) for w in "الرئيس رئيس الحكومة السلطات الوزارة وزارة البرلمان المجلس مجلس الشرطة".split()}
# who tells it, after what is told: "، بحسب تجار في …", ", according to brokers in …"
# the words that name who tells: "بحسب", "وفقا لما", "نقلاً عن", "according to"
_SOURCE_AR = r"(?:بحسب|حسب|وفقا?\s*لما|وفقاً\s*لما|نقلا\s+عن|نقلاً\s+عن)"
_SOURCE_EN = r"(?:according\s+to|citing)"
_TOLD_BY = re.compile(r"[,،]\s*(?:و)?" + _SOURCE_AR + r"(?![\u0621-\u0652\u0670])"
                      r"|[,;]\s*(?:according\s+to|citing)\b", re.I)
# who a move or ban is told by, named right after: "بحسب سليمان", "according to Zhao"
_SOURCE_BEFORE = re.compile(r"(?:^|\s)و?(?:" + _SOURCE_AR + r"|وفقا?\s*ل|وفقاً\s*ل)\s*$|\b" + _SOURCE_EN + r"\s+$", re.I)
# what joins the places of a list: "Krasnoyarsk, Kazakhstan", "Albania and North Macedonia", "البصرة وأرمينيا"
_LIST_GAP_EN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?", re.I)
_LIST_GAP_AR = re.compile(r"\s*(?:،\s*)?")
# "The company, which ran 3,500 machines at its peak, moved …": the story's own firm, named before
_THE_FIRM = re.compile(r"\s*(?:(?:then|later|so|but|and)\s*,?\s+)?(?:in\s+[^,]{3,30},\s*)?the\s+(?:company|firm|group|startup)\b"
                       r"|\s*(?:[وف]?(?:في|بعد)\s+[^،]{3,30}،\s*)?[وف]?(?:نقلت|شحنت|انتقلت)\s+الشركة(?![\u0621-\u064A])", re.I)
# "ومن مصراتة، غادر …", "From Misrata, …": a place fronted with "from"
_FRONTED_FROM = re.compile(r"\s*(?:[وف]?من|from)\s+(?:(?:مدينة|مدينه|محافظة|محافظه|ولاية|ولايه|مقاطعة|مقاطعه|اقليم|إقليم)\s+)?", re.I)
# a sentence that opens with a clause of time or cause, the trigger inside it
_FRONTED_SUB = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:after|since|when|once|because|as|following)\s[^,;]*$", re.I)
# "In January 2022, after unrest in Almaty and other cities," : a fronted clause of cause
_TWO_DOTS = re.compile(r"\.\.+")
_FRONTED_CAUSE = re.compile(r"\s*(?:(?:in|by|on)\s+[^,]{1,30},\s*)?(?:after|following|amid|because\s+of|due\s+to)\s+[^,;]{3,120},"
                            # "فبعد اضطرابات كانون الثاني التي هزّت ألماتي ومدناً أخرى، وفي ظل عجز …، قطعت"
                            # (not a time: "وبعد أسابيع قليلة تكرر المشهد في … الجيزة، حيث صادرت")
                            r"|\s*[وف]?(?:بعد|عقب|إثر|اثر|وسط|بسبب|جراء)\s+(?!(?:\S+\s+)?(?:أسابيع|اسابيع|أسبوع|اسبوع|أسبوعين|اسبوعين|أيام|ايام|يوم|يومين"
                            r"|أشهر|اشهر|شهر|شهرين|أعوام|اعوام|عام|عامين|سنوات|سنة|سنه|سنتين|ساعات|ساعة|ساعه|دقائق|فترة|فتره|قليل|ذلك|منتصف|نهاية|نهايه|مطلع|بداية|بدايه)"
                            r"(?:\s|[،,]))[^،,؛;.]{3,120}[،,](?:\s*و?(?:في\s+ظل|مع)\s+[^،,؛;.]{3,80}[،,])?", re.I)
# an apposition after a place, up to its closing comma: ", a breakaway region of Georgia,"
_APPOSITION = re.compile(r"\s*[,،]\s*(?=(?:a|an|the)\s|ال)((?:a|an|the)\s[^,،.;؛]{3,90}|ال[^,،.;؛]{3,90})(?=[,،])", re.I)
# "from the south of Irkutsk region to its north", "من جنوب إيركوتسك إلى شمالها": a move within a place
_FROM_PART = re.compile(r"\bfrom\s+(?:the\s+)?(?:south|north|east|west|southern|northern|eastern|western|centre|center)\b"
                        r"|(?<![\u0621-\u0652\u0670])من\s+(?:ال)?(?:جنوب|شمال|شرق|غرب|وسط|المناطق|مناطق)", re.I)
_CLAUSE_END = re.compile(r"[.;؛!?]|[,،]\s*(?:but|and|while|لكن)\b")
# where machines will run, not where they leave: "(trucked them to Armenia) and would run them
# from a rented warehouse in Hrazdan"
_RUN_FROM_EN = re.compile(r"\b(?:run|runs|running|operate|operates|operating|host|hosts|hosting|mine)\s+"
                          r"(?:them|it|those|these|(?:the|its|their)\s+(?:machines|rigs|fleet|miners|servers))\s+from\s+"
                          r"(?:(?:an?|the|its|their)\s+)?(?:[\w-]+\s+){0,2}(?:" + _SITES_EN + r")\s+(?:in|at|near|outside)\s+(?:the\s+)?$",
                          re.I)
# a site, host or partner told just before a place ("a partner runs a site near Ekibastuz")
_SITE_NEAR = re.compile(r"\b(?:" + _SITES_EN + r"|hosts?|partners?|operators?|campus|land|lease|space|parks?)\s+"
                        r"(?:in|near|at|outside|around)\s+(?:the\s+)?(?:(?-i:[A-Z][\w-]+)\s+in\s+)?$"
                        r"|\b(?:outskirts|suburbs|edge)\s+of\s+(?:the\s+)?$"
                        # "where it has leased a former cannery near Tokmok in the Chuy region"
                        r"|\b(?:leased|leases|rented|rents|bought|buys|acquired|secured)\s+(?:an?|the|its)\s+(?:[\w-]+\s+){1,2}"
                        r"(?:in|near|at|outside|around)\s+(?:(?:the\s+)?(?-i:[A-Z][\w-]+)\s+in\s+)?(?:the\s+)?$"
                        r"|(?:مزرعه|مزرعة|موقع|منشاه|منشأة|مستودع|شريك|مضيف|ارض|أرض|مساحه|مساحة|مجمع|مخزن|مخازن|ورشه|ورشة"
                        r"|قاعه|قاعة|مبنى|مبان|حاوي|شقه|شقة|منطق[هة]\s+صناعي[هة])\S*\s+(?:\S+\s+){0,2}"
                        r"(?:في|قرب|بالقرب\s+من|على\s+(?:أطراف|اطراف|مشارف))\s+"
                        r"(?:(?:منطقه|منطقة|مدينه|مدينة|ضواحي|العاصمه|العاصمة)\s+)?$"
                        # "واستقر في مشهد، مركز محافظة خراسان رضوي": the town told is the seat of the province
                        r"|[،,]\s*(?:مركز|عاصمه|عاصمة)\s+$", re.I)
_RANK_GAP = re.compile(r"[\s,،]*(?:and|or|then|ثم|و)?[\s,،]*(?:ثم\s+)?(?:the\s+)?", re.I)
# "المعدنون الروس", "نقل الروس أجهزتهم": peoples' broken plurals, with their article
_BROKEN = "|".join(f"ال{f}" for forms in BROKEN_PLURALS.values() for f in forms)
# "معدنون قرغيز": a people's plural after the movers, with or without its article
_PEOPLE = "|".join(f"(?:ال)?{f.replace('ا', '[اأ]', 1) if f.startswith('ا') else f}" for forms in PEOPLE_PLURALS.values() for f in forms)
_GROUP_AR = re.compile((
    r"(?<![\u0621-\u0652\u0670])(?:[وفبل]|لل)?(?:(?:بعض|كثير من|عدد من|الكثير من)\s+)?(?:ال)?(?:معد\u0651?ن(?:ون|ين|و|ي)|مشغ\u0651?ل(?:ون|ين|و|ي)|شركات|رجال (?:ال)?[اأ]عمال|(?:ال)?مستثمر(?:ون|ين)|[اأ]صحاب (?:ال)?[\u0600-\u06FF]{3,}|المنخرطون|البعض|(?:{_BROKEN})(?![\u0621-\u0652\u0670]))"
    r"(?:\s+(?:ال)?(?:عملات|العملات|البتكوين|بتكوين|[\u0600-\u06FF]{2,}ي(?:ون|ين|ة|ه)|(?:{_BROKEN}|{_PEOPLE})(?![\u0621-\u0652\u0670])|التعدين|تعدين|المشفره|الرقميه|المحليه))*(?:\s+\"[^\"]{1,20}\")?").replace("{_BROKEN}", _BROKEN).replace("{_PEOPLE}", _PEOPLE))
_GROUP_EN = re.compile(
    r"\b(?:(?:some|many|several|dozens\s+of|hundreds\s+of|most|other)\s+)?(?:(?:Chinese|bitcoin|Bitcoin|crypto|cryptocurrency|large-scale|small|smaller|estranged|(?-i:[A-Z])[a-z]+(?:an|ese|ish|i|kh|ek))\s+){0,2}"
    r"(?:miners|mining\s+(?:firms|companies|operators|farms|rigs|equipment|machines)|companies|firms|operators|players|rigs)\b", re.I)
# "others took their machines to Laos", "نقل آخرون أجهزتهم"
_OTHERS = re.compile(r"\bothers\b|(?<![\u0621-\u0652\u0670])(?:[وف]?(?:آخرون|آخرين|اخرون|اخرين|غيرهم))(?![\u0621-\u0652\u0670])", re.I)
_ASIC = re.compile(r"\b(?:ASIC|S19|S9|Antminer|Whatsminer)\s+$", re.I)
_MACHINES = re.compile(r"\b(?:rigs|equipment|machines)\b", re.I)
_NOT_MOVERS = re.compile(r"\b(?:price|prices|value|shares|stocks?|markets?|rates?|costs?|index)\W*(?:\w+\W+){0,1}$"
                         r"|^\s*(?:[وف]?(?:سعر|اسعار|قيمه|سهم|اسهم|مؤشر|معدل|تكلفه|تكاليف))"
                         # "الحملات تنقل المشكلة ولا تحلها": the campaigns move the problem, not machines
                         r"|^\s*(?:ال)?(?:مشكله|ازمه|معركه|عبء|العبء|الصراع)", re.I)
_MOVERS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:miners|mining\s+(?:firms|companies|operators)|operators|firms|companies)\b", re.I)
_MINING_AR = re.compile(r"تعدين|مناجم|منجم|معدن|بتكوين|بيتكوين|عملات|مشفره|الرقميه|كريبتو")
_MINING_EN = re.compile(r"\b(?:min(?:ing|ers?|es)|crypto\w*|bitcoin|btc|blockchain|hash\w*|rigs?|asics?)\b", re.I)
# what else an order can stop: exports, production, plants … (any industry, not only mining)
_ACTIVITY_AR = re.compile(r"تصدير|استيراد|انتاج|مصانع|مصنع|عمليات|مزارع|مناجم|صناعه|انشطه|نشاط|محطات|منشات|مراكز (?:ال)?بيانات")
_ACTIVITY_EN = re.compile(r"\b(?:exports?|imports?|production|plants?|factor(?:y|ies)|operations|farms?|mines?|smelters?|"
                          r"data\s+cent(?:er|re)s|industry|activit(?:y|ies)|sales)\b", re.I)
# the words that say mining itself, not the coins that are also traded
_MINING_WORD = re.compile(r"تعدين|التعدين|\bmin(?:ing|ers?)\b", re.I)
_MUNICIPAL_BEFORE = re.compile(r"\b(?:city|town|village|municipality|borough)\s+(?:council\s+)?of\s+(?:the\s+)?$"
                               r"|(?<![\u0621-\u0652\u0670])(?:بلديه|مجلس\s+مدينه|مجلس\s+بلديه|سلطات\s+مدينه)\s+$")
_MUNICIPAL_AFTER = re.compile(r"(?:['’]s)?\s+(?:city|town|village|municipal|county)\s+(?:council|commission|officials|"
                              r"government|authorities|board|lawmakers|leaders)\b"
                              # "Saint-Hyacinthe's council", "Sherbrooke adopted a zoning bylaw barring …": a
                              # council and a bylaw are the town's own
                              r"|(?:['’]s)?\s+(?:council|municipality)\b"
                              r"|\s+(?:(?:has|had|then|also|quietly|unanimously)\s+)?(?:adopted|passed|approved|enacted|amended)\s+"
                              r"(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}(?:bylaw|by-law|ordinance)s?\b", re.I)
_LOCAL_BODY = re.compile(r"\b(?:the|its|a)\s+(?-i:[A-Z][\w-]*\s+){0,3}(?:local\s+|public\s+|county['’]?s?\s+|city['’]?s?\s+)?(?:utility|utilities|county|city\s+council|town\s+council|municipality|public\s+utility\s+district)\b"
                         r"|(?<![\u0621-\u0652\u0670])(?:البلدي[ةه]|المجلس\s+البلدي|المجلس\s+المحلي|السلطات\s+المحلي[ةه])(?![\u0621-\u0652\u0670])", re.I)
# "after the city imposed a moratorium", "the town council voted to ban": a town told before
# bans, the subject a few words before the trigger
_THE_TOWN = re.compile(r"\bthe\s+(?:city|town|village|municipality|borough|township)(?:\s+(?:council|commission|board|government|officials))?"
                       r"(?=(?:\s+[\w-]+){0,5}\s*$)", re.I)
_LEFT_THE_PROVINCE = re.compile(r"(?:left|leav(?:e|es|ing)|fled|flee(?:s|ing)?)\s+the\s+(?:state|province|region|republic)\b", re.I)
# a paragraph's heading: "٣- ", "1. ", "- ", "• " before a place, then ":" or "." or a dash
_HEADING_LEAD = re.compile(r"[ \t]*(?:[\d\u0660-\u0669]+\s*[-.)–]\s*|[-•*–]\s+)")
# (a county or district in brackets may follow the place: "- Rockdale (Milam County): …")
_HEADING_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?::|\.(?=\s)|\s[—–-]\s)")
_HEADING_END_BARE = re.compile(r"(?:\s*\([^()\n]{1,40}\))?(?::|\.(?=\s))")
_LEGISLATURE_EN = re.compile(r"\b(?:Senate|Congress|[Pp]arliament|[Ll]egislature|lawmakers|legislators|Duma|National\s+Assembly|Chamber\s+of\s+Deputies)\b")
_IN_THE_REGION = re.compile(r"\b(?:in|across|throughout)\s+the\s+(?:region|province|state|republic|territory)\b(?!\s+of\b)"
                            # "قُطع التيار عن مزارع في المقاطعة": the province told before
                            r"|(?<![\u0621-\u0652\u0670])(?:في|ب)\s*(?:المقاطعة|المقاطعه|الولاية|الولايه|المحافظة|المحافظه|الإقليم|الاقليم)"
                            r"(?![\u0621-\u0652\u0670])(?!\s+(?:من|في|ال\S*ية|ال\S*يه)\b)", re.I)
_APPLIES_TO = re.compile(r"\b(?:appl(?:y|ies|ied)|extend(?:s|ed)?|expand(?:s|ed)?|widen(?:s|ed)?|limited|restricted|confined)\s+"
                         r"(?:(?:it|the\s+ban|the\s+measure)\s+)?to\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+|adjacent\s+)?$"
                         r"|(?<![\u0621-\u0652\u0670])(?:ينطبق|يطبق|تطبق|يسري|يشمل|تشمل|امتد|يمتد|توسع|وسع|وسعت)\s+(?:\S+\s+){0,2}(?:علي|الي|ل)\s*$")
_POWER_TO_IN = re.compile(r"\b(?:electricity|power|supply|supplies)\s+to\s+(?:[\w-]+\s+){1,4}(?:in|at|across)\s+(?:the\s+)?$", re.I)
# machines that are mining's ("rigs", "ASIC", "أجهزة التعدين"): the move is mining's
_MACHINES_OF_MINING = re.compile(r"\b(?:rigs?|ASICs?|antminers?|hash(?:rate|ing)?|bitcoin|crypto\w*)\b|(?:اجهز|أجهز)\w*\s+(?:ال)?تعدين", re.I)
_CALL_ON = re.compile(r"\b(?:called|calls|calling|urged|urges|urging|lobbied|lobbying|petitioned|press(?:es|ed|ing)?\s+for"
                      r"|push(?:es|ed|ing)?\s+for)\b"
                      r"|(?<![\u0621-\u0652\u0670])[وف]?(?:تطالب|طالبت|طالب|طالبوا|يطالب|يطالبون|دعت|دعا|دعوا|تدعو|يدعو|يدعون|حثت|حث|حثوا)(?![\u0621-\u0652\u0670])", re.I)
_BLOC_WIDE = re.compile(r"\b(?:EU-wide|Europe-wide|across\s+the\s+(?:EU|European\s+Union|bloc|continent)|in\s+the\s+(?:EU|European\s+Union)|worldwide|globally)\b"
                        r"|(?:علي|على)\s+مستوى\s+(?:الاتحاد|القاره|القارة|العالم|اوروبا|أوروبا)|في\s+(?:دول\s+)?الاتحاد\s+الاوروبي|في\s+(?:دول\s+)?الاتحاد\s+الأوروبي|عالميا|عالمياً", re.I)
# "لا توجد أي", "ليس لديها", "لم يكن هناك": there is no …
_THERE_IS_NO_AR = r"(?<![\u0621-\u0652\u0670])(?:لا|ليس[تـ]?|لم)\s+(?:توجد\s+|يوجد\s+|هناك\s+|لديها\s+|لديه\s+)?(?:[اأ]ي\s+)?"
_NO_PLANS = re.compile(r"\b(?:no|any)\s+(?:(?:immediate|current|concrete|firm|new|such)\s+)?(?:plans?|intentions?|proposals?)[\"\u201d\u2019']?\s+(?:to|of|for)\s+(?:[\w-]+\s+){0,2}$|\bruled\s+out\s+(?:[\w-]+\s+){0,2}$"
                       # "Vietnam has no law that explicitly bans mining": no ban told
                       r"|\b(?:no|any)\s+(?:[\w-]+\s+)?(?:law|rule|regulation|legislation|decree)s?\s+(?:that|which)\s+(?:\w+ly\s+)?$"
                       r"|" + _THERE_IS_NO_AR + r"(?:قانون|تشريع|نص|قرار)\s+(?:\S+\s+)?$"
                       r"|" + _THERE_IS_NO_AR + r"(?:خطط|خطه|خطة|نيه|نية|نوايا|توجه)\s+(?:\S+\s+){0,2}$", re.I)
_NOT_A_MOVE_EN = re.compile(r"^(?:sen(?:d|ds|t|ding)\s+(?:\w+\s+){0,2}(?:jobs|investments?|signals?|messages?|letters?|warnings?|shockwaves|ripples)\b"
                            # "Liu moved his family to Austin": a household, not the industry
                            r"|(?:mov(?:e|ed|es|ing)|relocat(?:e|ed|es|ing))\s+(?:his|her|their|my|our)\s+(?:wife\s+and\s+)?(?:family|families|children|kids|household)\b"
                            # "sending a container of machines to Asunción costs about $9,000": a price
                            r"|(?:sending|shipping|moving|trucking|transporting)\s+[^.;]{0,60}?\b(?:costs?|takes?|took)\s+(?:about|around|roughly|some|up\s+to|\$|\d|weeks|days|months)"
                            # "the bill was sent to parliament", "sent for approval"
                            r"|sen(?:d|ds|t|ding)\s+(?:\w+\s+){0,2}?(?:to|for)\s+(?:the\s+)?(?:parliament|lawmakers|legislat\w+|cabinet|senate"
                            r"|congress|duma|assembly|council|court|approval|review|consultation|a\s+vote)\b"
                            # "brings noise to the communities"
                            r"|(?:bring(?:s|ing)?|brought)\s+(?:\w+\s+){0,2}?(?:noise|jobs|revenue|money|tax(?:es)?|investment|pollution|attention"
                            r"|benefits?|growth|prosperity|income|heat|relief)\b"
                            r"|tak(?:e|en|es|ing)\s+over\b|took\s+over\b"
                            # "Councillor Whitcomb moved that the Council adopt …": a motion
                            r"|mov(?:e|ed|es|ing)\s+that\s+the\s+(?:council|board|committee|commission|assembly|chamber|house)\b"
                            # "Our reporter went to Wenatchee to hear how the miners are taking it": a visit
                            r"|(?:went|go(?:es)?|travel(?:l?ed|s)?)\s+(?:\S+\s+){1,4}?to\s+(?:hear|see|meet|visit|report|talk|speak|interview"
                            r"|ask|find\s+out|learn|look)\b)", re.I)
_A_PLACE_NOUN = re.compile(r"(?:\s+|-based\s+)(?:[\w-]+\s+)?(?:operator|miner|firm|company|businessman|businesswoman|entrepreneur|investor|owner"
                           r"|developer|startup|start-up|producer)\b", re.I)
_AN_APPOSITION = re.compile(r"\s*,\s+(?:a|an)\s+(?:(?:small|large|big|young|rival|local|private|state-owned|Chinese-owned)\s+)?")
_TO_MINERS = re.compile(r"\b(?:contracts?|connections?|supply|power|electricity|applications?|requests?)\b[^.;]{0,40}\b(?:to|for|with|from)\s+"
                        r"(?:[\w'’-]+\s+){0,4}(?:miners|mining|crypto)|(?:عقود|ربط|امداد|تزويد|توصيل)\S*\s+(?:\S+\s+){0,4}(?:المعدنين|معدني|التعدين|مزارع)", re.I)
_BASED = re.compile(r"-based\s+(?:[\w-]+\s+){0,3}", re.I)
# the movers' sites told with their place ("running 40 MW at two sites south of Irkutsk",
# "واحدة من أكبر مزارع التعدين في البلاد، في مدينة إيكيباستوز")
_SITE_AT_EN = re.compile(r"\b(?:sites?|farms?|facilit(?:y|ies)|plants?|mines?|data\s+cent(?:er|re)s?|operations|machines|rigs|mw|megawatts)\b"
                         r"[^.;]{0,30}?\b(?:in|at|near|outside|(?:south|north|east|west)\s+of)\s+(?:the\s+)?" + _KIND_EN + r"$")
_SITE_AT_AR = re.compile(r"(?:مزرعه|مزارع|موقع|موقعين|مواقع|منشاه|منشات|مصنع|مصانع|مصنعها|مزرعتها|اجهزه|اجهزتها)"
                         r"[^.؛]{0,60}?(?:في|قرب|بالقرب من)\s+" + _KIND_AR + r"$")
_SCENE_BEFORE = re.compile(r"\s*(?:(?:back\s+|over\s+)?in\s+(?:the\s+)?" + _KIND_EN + r"|[وف]?في\s+" + _KIND_AR + ")", re.I)
_SCENE_AFTER = re.compile(r"\s*[,،]")
_SELF_AFTER = re.compile(r"(?<![\u0621-\u0652\u0670])[وف]?(?:ان|أن|إن)(?:ه|ها|هم)(?![\u0621-\u0652\u0670])|\b(?:he|she)\b", re.I)
_NOW_AGAIN = re.compile(r"\b(?:now|again|once\s+more)\b|(?<![\u0621-\u0652\u0670])(?:الان|الآن|مجددا|مجدداً|من\s+جديد|ثانيه)(?![\u0621-\u0652\u0670])", re.I)
_WHERE_BASED = re.compile(r",?\s+where\s+(?:it|they|the\s+(?:company|firm|group))\s+(?:is|are|was|were|has\s+been)\s+(?:headquartered|based)\b"
                          r"|،?\s+(?:حيث|التي)\s+(?:يقع|تقع)\s+(?:مقرها|مقره)", re.I)
_FOR_YEARS = re.compile(r"\s+(?:\S+\s+){0,3}?(?:for\s+(?:years|decades|a\s+decade|many\s+years)|over\s+the\s+(?:years|decades)"
                        r"|(?:ل|منذ\s+|طوال\s+|على\s+مدى\s+)(?:سنوات|عقود|اعوام|أعوام))(?![\w\u0621-\u064a])", re.I)
_TO_IT = re.compile(r"\s*(?:\S+\s+)?(?:اليها|إليها|إليه|اليه)(?![\u0621-\u0652\u0670])")
# … and as told after a move's object ("ينقل أجهزته إليها"), "نحوها" too
_TO_IT_AFTER = re.compile(r"\s*(?:\S+\s+){0,2}?(?:[إا]لي(?:ها|ه)|نحوها)(?![\u0621-\u0652\u0670])")
_THIS_TOWN = re.compile(r"\s+(?:in|to|into)\s+this\s+(?:[\w-]+\s+){0,2}(?:town|city|village|region|province|state)\b"
                        r"|\s+(?:الى|إلى|الي|في)\s+هذه\s+(?:ال)?(?:مدينه|مدينة|بلده|بلدة|قريه|قرية|منطقه|منطقة)", re.I)
#: the sentence after a move that tells where the machines now run ("Now he runs them in
#: Khartoum", "وهو يعمل الآن في الخرطوم", "They were unloaded at Sohar")
_SETTLED_EN = re.compile(r"\b(?:now|today|unloaded|installed|set\s+up|runs?|running|hosted|hashing)\b", re.I)
_SETTLED_AR = re.compile(r"(?<![\u0621-\u064a])[وف]?س?(?:الآن|الان|اليوم|حاليا|حالياً|يعمل|تعمل|يشغل|تشغل|نصب|ركب|ركّب|أفرغت|افرغت)"
                         r"(?![\u0621-\u064a])")
# "the Skarvøy municipal council", "the municipality"
_MUNICIPAL = re.compile(r"\b(?:municipal\s+(?:council|government|authorities)|municipality"
                        # a council's minutes: "moved that the Council adopt an 18-month moratorium … within
                        # the City"
                        r"|(?:city|town|village|common)\s+council|the\s+council(?!\s+of\b))\b", re.I)
# a move named by its noun with the article: "الانتقال", "the move", "the relocation"
_THE_MOVE = re.compile(r"[وب]?(?:ال)(?:انتقال|نقل|رحيل)|move|relocation", re.I)
# "the Sichuan order" (a place's order named with "the"; its own trigger, see ban.order)
_NAMED_ORDER = re.compile(r"(?<=\bthe\s)(?:[\w-]+\s+){1,3}(?:orders?|decrees?|directives?)", re.I)
_RESORTED_TO = re.compile(r"[وف]?(?:لجأ|لجا|لجأت|لجات|لجؤوا|لجأوا)")
_TO_WORD_AR = re.compile(r"\s+(?:\S+\s+){0,3}?(?:إلى|الى|إلي)\s+")


def _resorted_to_a_measure(text: str, hit: tuple, sent_ents) -> bool:
    """Whether a hit "لجأ … إلى" resorts to something that is no place ("لجأت الشركة
    العامة للكهرباء إلى طرح الأحمال"), not to a place ("لجأ المعدنون إلى تونس")."""
    if not _RESORTED_TO.fullmatch(text, hit[2], hit[3]):
        return False
    to = _TO_WORD_AR.match(text, hit[3], min(len(text), hit[3] + 60))
    return to is not None and not any(e.start_char == to.end() and e.label_ in PLACES for e in sent_ents)


_BAN_OF = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:crackdown|ban|order|decree|moratorium|purge|clampdown)\b", re.I)
_SITE_NOUN_EN = re.compile(r"\s+(?:[\w-]+\s+)?(?:" + _SITES_EN + r"|operations?)\b", re.I)
_TOOK_DOWN = re.compile(r"\b(?:dismantl\w+|clos(?:ed|es|ing)|shut(?:tered|s|ting)?(?:\s+down)?|abandon\w*|vacat\w+|empt(?:ied|ies|ying)"
                        r"|pack(?:ed|s|ing)?\s+up|w(?:ou|i)nd(?:ing|s)?\s+down|wound\s+down|left)\s+(?:its|their|his|her|the)\s+$", re.I)
# "Kaspiy Hash, a smaller firm based in Dagestan's capital", "«كاسبي هاش» ومقرها محج قلعة":
# the movers' seat, told beside their name
_SEAT_AFTER = re.compile(r"\s*[»\"]?\s*(?:،?\s*(?:التي|الذي)\s+(?:ت|ي)(?:شغ\u0651?ل|دير|ملك)\s+(?:\S+\s+){0,6}?(?:في|قرب|بالقرب\s+من)\s+"
                         r"|,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:based|headquartered)\s+in\s+(?:the\s+)?"
                         # "X, which runs a 12-megawatt site in Saint-Hyacinthe, said it plans …"
                         r"|,\s+which\s+(?:runs|operates|owns|has)\s+(?:a|an|its|the|two|three|several)\s+(?:[\w-]+\s+){0,3}"
                         r"(?:" + _SITES_EN + r"|operations?)\s+(?:in|near|at|outside)\s+(?:the\s+)?"
                         r"|,\s+which\s+(?:hosts|hosted|keeps|kept|stores|stored)\s+(?:machines|rigs|servers)\s+[^,;]{0,40}?\b(?:in|at)\s+"
                         r"(?:a|an|its|the)\s+(?:[\w-]+\s+)?(?:" + _SITES_EN + r")\s+(?:in|near|at|outside)\s+(?:the\s+)?"
                         r"|،?\s*(?:و?مقرها|و?مقره|التي\s+تتخذ\s+من|الذي\s+يتخذ\s+من)\s+(?:في\s+)?)$", re.I)
# … or told in who the mover is: "Arman Zhakipov, 34, an electrical engineer from Temirtau",
# "أرمان جاكيبوف، 34 عاماً، مهندس كهرباء من تيميرتاو"
_WHO_FROM = re.compile(r"\s*,\s+(?:\d{2},\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:miner|engineer|operator|investor|businessman"
                       r"|businesswoman|entrepreneur|owner|electrician|trader)\s+(?:from|in|based\s+in)\s+(?:the\s+)?"
                       r"|\s*،\s*(?:(?:البالغ|البالغة)\s+من\s+العمر\s+)?(?:(?:\d+|[٠-٩]+)\s+(?:عاما|عاماً|سنة)\s*،\s*)?"
                       r"(?:معد\u0651?نة?|مهندسة?|مستثمرة?|رجل\s+أعمال|سيدة\s+أعمال|رائدة?\s+أعمال|تاجر)(?:\s+[^\s،.]+)?"
                       r"\s+من\s+(?:مدينة\s+|بلدة\s+|قرية\s+)?$", re.I)
# setting up or renting a site (the clause after a move's country, or the next sentence)
_SITE_SET_UP_AR = ("أقام|اقام|أقامت|اقامت|أقاموا|اقاموا|استأجر|استاجر|استأجرت|استاجرت|استأجروا|استاجروا|أنشأ|انشأ|أنشأت|انشأت"
                   "|افتتح|افتتحت|استقر|استقروا|استقرت")
_WHERE_CLAUSE = re.compile(r"[,،]\s*(?:\bwhere\b|(?<![\u0621-\u0652\u0670])حيث(?![\u0621-\u0652\u0670]))"
                           # "to Namibia in June, renting space in industrial parks around Windhoek", "to
                           # Ethiopia … after signing a hosting contract on the outskirts of Addis Ababa",
                           # "into Zimbabwe, to an industrial site near Hwange in Matabeleland North"
                           r"|(?:[,،]\s*|\s+(?:[\w,-]+\s+){0,8}?)(?:renting|leasing|after\s+signing|having\s+signed"
                           r"|to\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:site|facility|park|warehouse|campus))\b"
                           # "إلى تشاد، وأقام موقعاً على أطراف العاصمة نجامينا"
                           r"|[،,]\s*[وف]?(?:" + _SITE_SET_UP_AR + r")(?![\u0621-\u0652\u0670])", re.I)
# the next sentence takes a site where the move went: "واستأجر مساحة في …", "There it leased a hall in …"
_SITE_TAKEN_AR = re.compile(r"\s*[وف]?(?:هناك\s+)?(?:" + _SITE_SET_UP_AR
                            + r"|ركب|ركبوا|ركّب|شغّل|شغل)(?![\u0621-\u0652\u0670])")
_SITE_TAKEN_EN = re.compile(r"\s*(?:There,?\s+)?(?:it|they|he|she|the\s+(?:company|firm|group|miners?|operators?))\s+"
                            r"(?:then\s+|later\s+|now\s+)?(?:leased|rented|set\s+up|bought|took\s+over|installed|signed|runs|operates)\b", re.I)
# a subject that points back to a place told before it: "that province had frozen …"
_THAT_PLACE = re.compile(r"\b(?:that|this)\s+(province|state|country|republic)\s+(?:(?:has|had|have|also|then|later|quickly)\s+){0,2}$", re.I)
# an aside between a subject and its verb: ", flooded with requests from miners, "
_ASIDE = re.compile(r"\s*[,،]\s*[^,،;.:!?\n]{3,70}[,،]\s*(?:(?:has|had|have|then|also|quickly|later)\s+){0,2}")
_LISTED = re.compile(r"(?:,|،|\band|\s[وو]|^و)\s*(?:(?:parts|some)\s+of\s+|اجزاء\s+من\s+)?$|(?:parts|some)\s+of\s+$|اجزاء\s+من\s+$")
_BARRED = re.compile(r"\b(?:bar|bars|barred|barring|prohibits?|prohibited|prevents?|prevented|stops?|stopped)\s+(?:[\w-]+\s+){0,4}from\s+$|(?:يمنع|تمنع|منع|يحظر|تحظر)\s+(?:\S+\s+){0,4}من\s+$", re.I)
_WHO_BEFORE = re.compile(r"(?:\b(?:who|that|which)|(?<![\u0621-\u0652\u0670])(?:الذين|اللذين|التي|الذي))\s+(?:had\s+|have\s+|has\s+)?$", re.I)
_DEADLINE = re.compile(r"(?:\bby|\bbefore|(?<![\u0621-\u0652\u0670])(?:بحلول|قبل))\s+(?:the\s+)?$", re.I)
# "until the end of the heating season in March", "حتى نهاية موسم التدفئة في مارس"
_UNTIL_END = re.compile(r"\b(?:until|till|through)\s+the\s+end\s+of\s+(?:[\w-]+\s+){0,4}?(?:in\s+)?$"
                        r"|(?<![\u0621-\u0652\u0670])(?:حتى|حتي|لغاية)\s+(?:نهاية|نهايه)\s+(?:\S+\s+){0,4}?(?:في\s+)?$", re.I)
_UNTIL = re.compile(r"(?:^|\b|\s)(?:until|till|through|thru|حتي|حتى|لغايه|الي غايه)\s*$|^(?:until|till|حتي|حتى)\s", re.I)
_TRADING = re.compile(r"تداول|التعامل|المعاملات|البورصات|منصات التداول|trading|transactions|exchanges|payments?|dealing|handling", re.I)


def load_triggers(lang: str) -> list[tuple[str, str, re.Pattern]]:
    """(label, id, compiled pattern) from ``lang/<lang>/triggers.jsonl``."""
    path = _LANG_DIR / lang / "triggers.jsonl"
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                pat = normalize_ar(row["pattern"]) if lang == "ar" else row["pattern"]
                out.append((row["label"], row["id"], re.compile(pat, re.I)))
    return out


@Language.factory("kg_events", requires=["doc.spans", "token.is_sent_start"], assigns=["doc._.events"])
def make_events(nlp: Language, name: str):
    return KGEvents(nlp.lang)


class KGEvents:
    def __init__(self, lang: str):
        self.lang = lang
        # the trigger patterns with a literal pre-test: most do not occur in a given article
        self._scanners = [(label, tid, Scanner(rx)) for label, tid, rx in load_triggers(lang)]

    def __call__(self, doc: Doc) -> Doc:
        text = self._text = _text(doc)
        ents = [_Ent(e, text) for e in entity_spans(doc)]
        folded, offsets, inv = folded_doc(doc)
        events: list[dict] = []
        # (destination, sentence index, movers' words, status, origin, whether a group moves, date,
        # how many destinations) of every move with a destination, in the order told (the last
        # is ``_last_move``)
        self._moves_told: list[tuple] = []
        self._ban_home: str | None = None
        self._last_ban: tuple[int, str] | None = None  # (sentence index, jurisdiction) of the last ban with a place of its own
        # where a named mover was told to run its machines ("X, which ran 1,200 machines in
        # Changji", "Tokmok-based Y", "سادييف، الذي كان يدير مزرعة على أطراف إيكيباستوز"): its
        # words (and a person's last name) -> (place id, sentence index)
        self._seats: dict[str, tuple[str, int]] = {}
        self._norms = token_view(doc)["norm"]
        prev_sent = None
        # every trigger over the whole text once; a hit belongs to the sentence it lies in
        sents = sentences(doc)
        bounds = [s.start_char for s in sents]
        by_sent: list[list] = [[] for _ in sents]
        for hit in self._hits(folded, 0, offsets):
            i = bisect_right(bounds, hit[2]) - 1
            if i >= 0 and hit[3] <= sents[i].end_char:
                by_sent[i].append(hit)
        ents_by_start = sorted(ents, key=lambda e: e.start_char)
        ent_starts = [e.start_char for e in ents_by_start]
        self._regulators = [e for e in ents_by_start if e.label_ == "REGULATOR"]
        self._provinces = [e for e in ents_by_start if e.label_ == "PROVINCE" and e.kb_id_]
        self._towns = [e for e in ents_by_start if e.label_ == "CITY" and e.kb_id_]
        self._all_places = [e for e in ents_by_start if e.label_ in ("COUNTRY", "PROVINCE", "CITY") and e.kb_id_]
        self._place_starts = [e.start_char for e in self._all_places]
        for sent_index, sent in enumerate(sents):
            self._sent_index = sent_index
            hits = by_sent[sent_index]
            lo_i = bisect_left(ent_starts, sent.start_char)
            hi_i = bisect_left(ent_starts, sent.end_char)
            sent_ents = [e for e in ents_by_start[lo_i:hi_i] if e.end_char <= sent.end_char]
            self._note_seats(text, sent_ents, sent_index, sent)
            new_evs: list[dict] = []
            # "نقلوا، تحسباً للحظر، نحو ألف جهاز إلى أرمينيا", "in anticipation of a ban": a ban
            # told as what is feared splits no move's clause and is no ban
            hits = [h for h in hits if not (h[0] == "BAN" and _ANTICIPATED.search(text, max(0, h[2] - 24), h[2]))]
            if self.lang == "ar":
                # "لجأت الشركة العامة للكهرباء إلى طرح الأحمال": resorted to a measure, no move (a
                # move may follow: "ولجأت الشركة إلى خطة طوارئ: شحنت 6 آلاف جهاز …")
                hits = [h for h in hits if not (h[0] == "MIGRATION" and _resorted_to_a_measure(text, h, sent_ents))]
            # "since the Sichuan order" names a ban; "the new order", "the government decree" do not
            hits = [h for h in hits if not (h[1] == "ban.order" and _NAMED_ORDER.fullmatch(text, h[2], h[3]) and not (
                text[h[2]].isupper() and any(e.label_ in PLACES and h[2] <= e.start_char and e.end_char < h[3] for e in sent_ents)))]
            if self._ban_home and self.lang == "ar":
                # "نقل الأجهزة، بعد نحو أسبوعين من قطع التيار، إلى أربيل": weeks after the cut told
                # before, a time inside the move's clause, no ban of its own
                hits = [h for h in hits if not (h[0] == "BAN" and _WEEKS_AFTER_AR.search(text, max(0, h[2] - 40), h[2])
                                                and re.match(r"\s*[،,]", text[h[3]:h[3] + 3]))]
            core = self._core_triggers(hits, [e.start_char for e in sent_ents if e.label_ in PLACES])
            for k, (label, tid, s, e) in enumerate(core):
                start = core[k - 1][3] if k > 0 else sent.start_char
                if label == "MIGRATION":
                    # a move's window reaches back over the bans told before it
                    prev_moves = [c for c in core[:k] if c[0] == "MIGRATION"]
                    start = prev_moves[-1][3] if prev_moves else sent.start_char
                if label == "BAN" and k > 0 and core[k - 1][1] == "mig.destination" and not any(
                        c[0] == "BAN" for c in core[:k]):
                    # "Iran, another early destination, banned mining": the noun is in apposition
                    start = sent.start_char
                elif label == "BAN" and k > 0:
                    # "نقل … هذا الشهر، بعد أن أمرت … في حزيران": the ban's clause opens at its cue
                    # (not "قبل أن تأمر", "before ordering": its subject stands before the cue)
                    cue_at = [h[2] for h in hits if h[0] == "CUE" and h[1] != "cue.before" and start <= h[2] < s]
                    if cue_at:
                        start = cue_at[-1]
                    elif _in_relative_clause(text, core[k - 1][2], s) and _RELATIVE.search(text, sent.start_char, core[k - 1][2]):
                        # "ثم جاءت كازاخستان، التي استقبلت …، لتفرض قيوداً": the move is told in
                        # a relative clause about the ban's subject, which stands before it
                        start = sent.start_char
                if k > 0 and core[k - 1][0] == label:
                    # two moves in one sentence: the second starts at its own clause
                    # not the comma that closes an appositive subject ("another applicant,
                    # X Co, is moving …")
                    breaks = [m.end() for m in _clause_breaks(text, start, s) if not _VERB_ONLY.fullmatch(text, m.end(), s)
                              # (not "، قبل أن تأمر بإغلاقها": a clause opened by "before" has its subject before it)
                              and not _BEFORE_VERB.match(text, m.end())]
                    if breaks:
                        start = breaks[-1]
                end = core[k + 1][2] if k + 1 < len(core) else sent.end_char
                if k + 1 < len(core):
                    # end the window at the last clause break before the next trigger
                    # (not a comma that lists places: "headed to the US, Canada and Kazakhstan")
                    breaks = [m.start() for m in _clause_breaks(text, e, end)
                              if not (m.group().strip() in (",", "،") and _place_at(ent_starts, ents_by_start, m.end()))]
                    if breaks:
                        end = breaks[-1]
                win = (start, end)
                self._sentence_hits = hits
                extra = [h for h in hits if h[0] not in ("BAN", "MIGRATION", "CUE") and win[0] <= h[2] < win[1]]
                # a cue that ties a move to a ban may stand anywhere in the sentence
                extra += [h for h in hits if h[0] == "CUE"]
                if label == "BAN":
                    new_evs += self._bans(doc, sent, sent_ents, (s, e), win, extra, tid)
                else:
                    new_evs += self._migrations(doc, sent, sent_ents, (s, e), win, extra, tid, prev_sent, ents)
            prev_sent = sent
            for ev in new_evs:
                ev["sentence_index"] = sent_index
            # a ban with no place of its own in a sentence that tells a move from X is X's ban
            # ("moved from China following the former's crackdown")
            here = new_evs
            origins = [ev["origin"] for ev in here if ev["type"] == "MIGRATION" and ev.get("origin")]
            moves = [ev for ev in here if ev["type"] == "MIGRATION"]
            _into_its_origin(text, moves)
            # two halves of one move in one sentence ("a base for companies that fled China")
            for a, b in zip(moves, moves[1:]):
                if a.get("_merged") or b.get("_merged"):
                    continue
                if a.get("destination") and not a.get("origin") and b.get("origin") and not b.get("destination"):
                    a["origin"], b["_merged"] = b["origin"], True
                elif a.get("origin") and not a.get("destination") and b.get("destination") and not b.get("origin"):
                    b["origin"], a["_merged"] = a["origin"], True
                    if a.get("date") and not b.get("date"):
                        b["date"] = a["date"]  # "In 2018 the company left Ordos … and set up in Ya'an"
            # "تستقبل كازاخستان معدنين صينيين الذين فروا من …", "miners who fled …": a move told
            # in a relative clause about the movers of a move just told is that move again
            for a, b in zip(moves, moves[1:]):
                if a.get("destination") and not b.get("destination") and not b.get("_merged") \
                        and _WHO_BEFORE.search(text, max(0, b["_trig"][0] - 12), b["_trig"][0]):
                    b["_merged"] = True
            here = [ev for ev in here if not ev.get("_merged")]
            # "شركات كانت قد نقلت أجهزتها إلى كازاخستان …، وهي تتجه الآن إلى الولايات المتحدة",
            # "firms that had moved to Kazakhstan are now heading to the US": they leave
            # where they went
            moves = [ev for ev in here if ev["type"] == "MIGRATION"]
            for a in moves:
                for b in moves:
                    if b["_trig"][0] > a["_trig"][1] and a.get("destination") and b.get("destination") \
                            and b.get("destination") != a["destination"] and b.get("origin") == a.get("origin") \
                            and _NOW_AGAIN.search(text, max(a["_trig"][1], b["_trig"][0] - 30), b["_trig"][1] + 12):
                        b["origin"] = a["destination"]
            for ev in here:
                if ev["type"] != "BAN":
                    continue
                m = _BEFORE_BAN.search(text, max(sent.start_char, ev["_trig"][0] - 40), ev["_trig"][0])
                if m is None:
                    continue
                if _TAKES_EFFECT_AFTER.match(text, ev["_trig"][1]) or _TAKES_EFFECT_BEFORE.search(
                        text, max(sent.start_char, ev["_trig"][0] - 20), ev["_trig"][0]):
                    continue  # "… before the ban takes effect": a move ahead of a ban told, not before any
                # "moved to Kazakhstan in 2019, two years before the ban": the moves of the
                # sentence came first, and the ban does not take their date
                if m.group("any"):
                    ev["_drop"] = True  # "قبل أي حظر", "before any ban": there was none yet
                for mv in here:
                    if mv["type"] == "MIGRATION":
                        mv["earlier"] = True
                        if mv.get("date") and mv["date"] == ev.get("date"):
                            ev["date"] = None
            here = [ev for ev in here if not ev.get("_drop")]
            moves = [ev for ev in here if ev["type"] == "MIGRATION"]
            fled = [mv["origin"] for mv in moves if mv.get("origin") and mv.get("destination")]
            for ev in here:
                # "Chinese miners fleeing the crackdown": the ban they flee is where they left
                if ev["type"] == "BAN" and fled and ev.get("jurisdiction") != fled[0] and _FLEEING.search(
                        text, max(sent.start_char, ev["_trig"][0] - 25), ev["_trig"][0]):
                    ev["jurisdiction"] = fled[0]
            # "Miners who relocated to Laos from Sichuan … are weighing moves to Ethiopia":
            # a later move of the movers a relative clause placed leaves where that put them
            for a in moves:
                if a.get("destination") and _WHO_BEFORE.search(text, max(0, a["_trig"][0] - 12), a["_trig"][0]):
                    for b in moves:
                        if b["_trig"][0] > a["_trig"][1] and b.get("destination") not in (None, a["destination"]) \
                                and b.get("origin") in (None, a.get("origin")):
                            b["origin"] = a["destination"]
            here += self._ranked_moves(text, sent, sent_ents, here)
            events += here
            ban_places = [ev["jurisdiction"] for ev in here if ev["type"] == "BAN" and ev.get("jurisdiction")
                          and not ev.get("_fallback")]
            for ev in here:
                # "after China banned it, miners moved": they left the place of the ban;
                # "China's crackdown pushed miners to Kazakhstan": the ban moved them out
                if ev["type"] == "MIGRATION" and ban_places and (ev.get("_origin_default") or (
                        not ev.get("origin") and (ev["trigger"]["id"] == "mig.push" or self._after_ban(ev, here))
                        and not contains(ban_places[0], ev.get("destination")))):
                    ev["origin"] = ban_places[0]
                elif ev["type"] == "MIGRATION" and not ev.get("origin"):
                    # "New York's moratorium sends miners south": the ban right before the verb moves them
                    by = [b for b in here if b["type"] == "BAN" and b.get("jurisdiction") and not b.get("_fallback")
                          and 0 <= ev["_trig"][0] - b["_trig"][1] <= 20
                          and not contains(b["jurisdiction"], ev.get("destination"))]
                    if by:
                        ev["origin"] = by[-1]["jurisdiction"]
                    elif sent_index == 0 and "\n" in text[sent.end_char - 1:sent.end_char + 2]:
                        # a headline of a ban and a move ("سيتشوان تقطع الكهرباء عن مزارع التعدين وعمّال
                        # البيتكوين يشحنون أجهزتهم نحو كازاخستان"): the move leaves the banned place
                        by = [b for b in here if b["type"] == "BAN" and b.get("jurisdiction") and not b.get("_fallback")
                              and b["_trig"][0] < ev["_trig"][0] and not contains(b["jurisdiction"], ev.get("destination"))]
                        if by:
                            ev["origin"] = by[-1]["jurisdiction"]
            origins = [ev["origin"] for ev in here if ev["type"] == "MIGRATION" and ev.get("origin")]
            dests = {ev["destination"] for ev in here if ev["type"] == "MIGRATION" and ev.get("destination")}
            # "miners moved to Texas after the ban": the article's main place is where they went,
            # not where the (unnamed) ban was
            dropped = [ev for ev in here if ev["type"] == "BAN" and ev.get("_fallback") and not origins
                       and ev.get("jurisdiction") in dests]
            if dropped:
                here = [ev for ev in here if ev not in dropped]
                events = [ev for ev in events if ev not in dropped]
            left = [o for o in origins if not _is_region(o)]  # (no region bans)
            for ev in here:
                if ev["type"] == "BAN" and ev.get("_fallback") and left:
                    ev["jurisdiction"] = left[0]
            for ev in here:
                if ev["type"] == "BAN" and ev.get("jurisdiction"):
                    self._ban_home = ev["jurisdiction"].split("-")[0]
                    if not ev.get("_fallback"):
                        self._last_ban = (sent_index, ev["jurisdiction"])
            if not any(ev["type"] == "BAN" for ev in here) and _THEY_INCLUDE.match(text, sent.start_char):
                # "… prohibits mining in ten regions. Among them are Dagestan and Chechnya": the
                # regions the sentence before spoke of ban too
                told = [ev for ev in events if ev["type"] == "BAN" and ev.get("_regional") and ev.get("sentence_index") == sent_index - 1]
                if told:
                    country = told[-1]["jurisdiction"]
                    provs = [self._pid(p) for p in sent_ents if p.label_ == "PROVINCE" and (self._pid(p) or "").split("-")[0] == country]
                    events += [{**told[-1], "jurisdiction": pid, "_regional": False, "sentence_index": sent_index}
                                for pid in dict.fromkeys(provs)]
        for ev in events:
            if ev["type"] == "MIGRATION":
                _town_to_place(ev)
                # (an origin taken from an earlier move's destination may still be its town)
                ev["origin"] = _province_of(ev.get("origin"))
        self._settled_in(text, sents, events)
        regions_banned = {ev["jurisdiction"].split("-")[0] for ev in events
                          if ev["type"] == "BAN" and "-" in (ev.get("jurisdiction") or "")}
        events = [ev for ev in events if not (ev.get("_regional") and ev.get("jurisdiction") in regions_banned)]
        events = _coarse_title_bans(_coarse_moves_told_again(_dedupe_events(events), text, self.lang), text)
        for i, ev in enumerate(events, 1):
            ev["id"] = f"v{i}"
        doc._.events = events
        return doc

    def _settled_in(self, text: str, sents, events: list[dict]) -> None:
        """A move told done to a country, and the next sentence of its paragraph telling
        where the machines now run in one province of it ("… شحنها جواً إلى السودان. وهو يعمل
        الآن في الخرطوم", "… left in two containers. They were unloaded at Sohar"): the
        move went to that province (its town as ``destination_city``)."""
        settled = _SETTLED_AR if self.lang == "ar" else _SETTLED_EN
        for ev in events:
            c, si = ev.get("destination"), ev.get("sentence_index")
            if ev["type"] != "MIGRATION" or not c or "-" in c or (names().get(c) or {}).get("type") != "COUNTRY" \
                    or ev.get("status") not in ("completed", "in_progress") or si is None or si + 1 >= len(sents):
                continue
            # (or the one after it, when the next names no place: "… drove them across the Psou
            # crossing into Russia. It took nine hours at the border. They are now in a basement
            # in Adler, on the southern edge of Sochi")
            told = None
            for k in range(si + 1, min(si + 3, len(sents))):
                nxt = sents[k]
                if "\n" in text[sents[k - 1].end_char - 1:nxt.start_char]:
                    break
                i = bisect_left(self._place_starts, nxt.start_char)
                places = list(takewhile(lambda p: p.start_char < nxt.end_char, self._all_places[i:]))
                now = settled.search(text, nxt.start_char, nxt.end_char)
                if places or now:
                    told = places if now else None
                    break
                if re.search(r"[\"“”«»]", text[sents[k - 1].end_char - 2:nxt.end_char]):
                    break  # (not over a quote: '"I did not leave because of any ban. Yerevan was cheaper"')
            if not told:
                continue
            inside = {}
            for p in told:
                pid = self._pid(p)
                if p.label_ in ("PROVINCE", "CITY") and (names().get(pid) or {}).get("country") == c:
                    inside.setdefault(_province_of(pid), pid)
            if len(inside) == 1:
                (prov, pid), = inside.items()
                ev["destination"] = prov
                if (names().get(pid) or {}).get("type") == "CITY":
                    ev["destination_city"] = pid

    def _core_triggers(self, hits, place_starts=()):
        """BAN / MIGRATION triggers in order; overlapping or close ones of one kind merge."""
        core = sorted([h for h in hits if h[0] in ("BAN", "MIGRATION")], key=lambda h: (h[2], -h[3]))
        cues = [h[2] for h in hits if h[0] == "CUE" and h[1] in ("cue.after", "cue.before")]
        merged: list = []
        for h in core:
            # (two bans with "after" between them are two: "توقف فيها طهران التعدين، بعد
            # حظر مماثل في أيار")
            # (nor two with another place between them: "Inner Mongolia gave miners two
            # months to leave, and Xinjiang issued a similar order")
            if merged and (h[2] < merged[-1][3] or (h[0] == merged[-1][0] and h[2] - merged[-1][3] < self._reach(merged[-1], h)
                                                    and not any(merged[-1][3] <= c < h[2] for c in cues)
                                                    and not any(merged[-1][3] <= p < h[2] for p in place_starts))):
                if h[0] == merged[-1][0]:
                    continue
                if h[2] < merged[-1][3]:
                    continue
            merged.append(h)
        return merged

    def _reach(self, prev, h) -> int:
        """How far apart two triggers of one kind may stand and still be one: 40
        characters, 90 from an order to what it orders ("أمرت السلطات الإيرانية في
        أيار/مايو من ذلك العام بوقف التعدين", "ordered … to halt")."""
        if prev[1] == "ban.order" and h[0] == "BAN":
            word = self._text[h[2]:h[3]]
            if (word.startswith("ب") if self.lang == "ar" else self._text[max(0, h[2] - 3):h[2]].lower() == "to "):
                return 90
        return 40

    # ------------------------------------------------------------ helpers
    def _demonym_fn(self, doc):
        if not hasattr(self, "_demonyms"):
            from ingest.components.entities import KGEntities
            self._demonyms = KGEntities(self.lang).demonym_at
        return self._demonyms

    def _hits(self, stext: str, base: int, offsets: list[int]):
        hits = []
        for label, tid, rx in self._scanners:
            for m in rx.finditer(stext):
                if self.lang == "ar" and not _word_edges(stext, m.start(), m.end()):
                    continue
                s = offsets[base + m.start()]
                end = m.end()
                if self.lang == "ar":  # the whole word: أمر → أمرت
                    while end < len(stext) and "\u0600" <= stext[end] <= "\u06ff":
                        end += 1
                e = offsets[base + end - 1] + 1
                hits.append((label, tid, s, e))
        return hits

    def _before(self, doc: Doc, span: Span, n: int = 24) -> str:
        """The folded text just before ``span`` (about ``n`` characters)."""
        f, _, inv = folded_doc(doc)
        end = inv[span.start_char]
        return f[max(0, end - n):end]

    def _pid(self, e: Span) -> str | None:
        return e.kb_id_ or None

    def _places(self, sent_ents, win):
        text = self._text
        return [e for e in sent_ents if e.label_ in PLACES and win[0] <= e.start_char < win[1] and self._pid(e)
                and not any(o.label_ == "REGULATOR" and o.start_char <= e.start_char and e.end_char <= o.end_char
                            and o is not e for o in sent_ents)
                # "شركة X المدرجة في نيويورك", "a Nasdaq-listed firm based in Colorado": where a
                # company is listed or based says nothing of a ban or a move
                and not _DESCRIBED.search(text, max(0, e.start_char - 40), e.start_char)
                and not _BASED_AFTER.match(text, e.end_char)
                # "said Reza, a miner in Isfahan", "وقال رضا، وهو معدن في أصفهان": who speaks, where
                and not _SPEAKER_OF.search(text, max(0, e.start_char - 90), e.start_char)]

    def _owned_place(self, places, outer):
        """The place written right after ``outer``'s possessive and inside it ("Russia's
        Irkutsk region", "China's Xinjiang"), else None."""
        return next((p for p in places if p.start_char >= outer.end_char
                     and _OWNED_PLACE.fullmatch(self._text, outer.end_char, p.start_char)
                     and contains(self._pid(outer), self._pid(p))), None)

    def _site_told(self, doc, ents, lo: int, hi: int, dest_ids: list) -> str | None:
        """The first place between ``lo`` and ``hi`` told as where machines or sites are
        ("running 40 MW at two sites south of Irkutsk"), unless the move goes there."""
        site = _SITE_AT_AR if self.lang == "ar" else _SITE_AT_EN
        at = next((e for e in ents if e.label_ in ("PROVINCE", "CITY") and self._pid(e)
                   and lo <= e.start_char < hi and site.search(self._before(doc, e, 70))), None)
        return self._pid(at) if at is not None and _not_going_to(self._pid(at), dest_ids) else None

    def _place_inside(self, country: str, places, lo: int, hi: int, test=None) -> str | None:
        """The id of the first province or town of ``places`` that starts between ``lo``
        and ``hi``, lies in ``country`` and passes ``test`` (when given)."""
        q = next((q for q in places if lo <= q.start_char < hi and q.label_ in ("PROVINCE", "CITY") and self._pid(q)
                  and contains(country, self._pid(q)) and (test is None or test(q))), None)
        return self._pid(q) if q is not None else None

    def _province_meant(self, text: str, lo: int, hi: int) -> str | None:
        """The province "the province" between ``lo`` and ``hi`` stands for: the last one
        told (in Arabic, the last told with the same noun: "الإقليم" is "إقليم كردستان",
        not "محافظة كردستان" told after it)."""
        m = _THE_PROVINCE_SUBJ.search(text, lo, hi)
        if m is None:
            return None
        told = self._told_before(self._provinces, m.start(), 800)
        if self.lang == "ar":
            noun = normalize_ar(m.group(0))[2:]
            told = [e for e in told if noun in normalize_ar(e.text)]
        return self._pid(told[-1]) if told else None

    def _heading_place(self, doc, text: str, sent, ents, move: bool = False) -> str | None:
        """The place a paragraph opens with as its heading ("٣- مقاطعة تفير: …", "Texas. No
        state absorbed more.", "- Hrazdan, Armenia: …"), or None. For a ``move`` (where it
        goes), the heading must be bulleted or numbered: a bare one ("Kazakhstan. Steppe
        Compute … shipped 4,500 machines to …") as often names where they left."""
        para = text.rfind("\n", 0, sent.start_char) + 1
        lead = _HEADING_LEAD.match(text, para)
        if move and (not lead or sent.start_char > lead.end()):
            return None  # (and only in the item's own sentence)
        at = lead.end() if lead else para
        p = next((e for e in ents if e.start_char == at and e.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(e)), None)
        if p is None:
            return None
        end = p.end_char
        # ("- Hrazdan, Armenia:": the town and where it is)
        where = next((e for e in ents if e.start_char > end and e.label_ in ("COUNTRY", "PROVINCE") and self._pid(e)
                      and re.fullmatch(r"\s*[,،]\s*", text[end:e.start_char])), None) if move else None
        if where is not None:
            end = where.end_char
        # (numbered or bulleted, or a place alone before a full stop or colon: not a
        # dateline's "ALMATY, Jan 12 -", "أديس أبابا (وكالة) -")
        if not (_HEADING_END if lead else _HEADING_END_BARE).match(text, end):
            return None
        return _province_of(self._pid(p))

    @staticmethod
    def _told_before(ents, at: int, reach: int = 600) -> list:
        """``ents`` (sorted by offset) told before ``at``, starting at most ``reach``
        characters back."""
        return [e for e in ents if e.end_char <= at and at - e.start_char <= reach]

    @property
    def _last_move(self) -> tuple | None:
        """The last move told with a destination (see ``_moves_told``)."""
        return self._moves_told[-1] if self._moves_told else None

    @property
    def _last_dest(self) -> str | None:
        """Where the last move with a destination went."""
        return self._last_move[0] if self._last_move else None

    def _note_seats(self, text: str, sent_ents: list, sent_index: int, sent=None) -> None:
        """Remember where the named movers of a sentence run their machines (see ``_seats``),
        and where one mover told by what it is comes from ("تحدثنا إلى معدّن من زليتن")."""
        if sent is not None:
            for m in _ONE_MOVER[self.lang].finditer(text, sent.start_char, sent.end_char):
                inner = [p for p in sent_ents if p.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(p)
                         and m.start(1) <= p.start_char and p.end_char <= m.end(1)]
                if inner:
                    self._seats.setdefault("one:" + m.group(1).strip(), (self._pid(inner[-1]), sent_index))
        movers = [e for e in sent_ents if e.label_ in ("COMPANY", "PERSON")]
        if not movers:
            return
        places = [p for p in sent_ents if p.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(p)]
        for a in movers:
            seat = next((p for p in places if a.end_char < p.start_char <= a.end_char + 120
                         and (_SEAT_AFTER.match(text[a.end_char:p.start_char]) or _SEAT_RUN.match(text, a.end_char, p.start_char)
                              or _WHO_FROM.fullmatch(text, a.end_char, p.start_char)
                              # "Lancang Digital, a Kunming firm that ran …": the place of the apposition
                              or self.lang == "en" and _AN_APPOSITION.fullmatch(text, a.end_char, p.start_char)
                              and _A_PLACE_NOUN.match(text, p.end_char))),
                        None) or next((p for p in reversed(places) if p.end_char < a.start_char
                                       and _BASED.fullmatch(text, p.end_char, a.start_char)), None)
            if seat is None:
                continue
            for key in self._mover_keys(a):
                self._seats.setdefault(key, (self._pid(seat), sent_index))

    def _mover_keys(self, e) -> list[str]:
        """The keys a mover is known by in ``_seats``: a person by the NORM of its last word
        (as ``ingest.record`` gives one person one name: "Erlan Sadiyev" is "Sadiyev"
        later), a company by its folded words and its first word ("Laurentide Compute" is
        "Laurentide")."""
        if e.label_ == "PERSON":
            return ["person:" + self._norms[e.end - 1]]
        w = normalize_ar(e.text) if self.lang == "ar" else e.text.lower()
        w = re.sub(r"^(?:[وف]?(?:ال)?(?:شركه|شركة|مجموعه|مجموعة)\s+)", "", w.strip()) if self.lang == "ar" else w.strip()
        parts = w.split()
        return [w] + ([parts[0]] if len(parts) > 1 and len(parts[0]) > 3 else [])

    def _named_before_he(self, doc, text: str, ents: list, kinds: tuple, prev_sent) -> list:
        """The movers of ``kinds`` named in the sentence before the last ones (at most three)
        that tell only what "he" or "she" said or did, and name no mover."""
        sents = sentences(doc)
        k = self._sent_index - 1
        hi = prev_sent.end_char
        while k >= 1 and self._sent_index - k <= 3 and sents[k].end_char <= hi:
            lo = sents[k].start_char
            if any(e.label_ in ("PERSON", "COMPANY") and lo <= e.start_char < hi for e in ents):
                return []
            if not (_HE_SAID.search(text, lo, sents[k].end_char)
                    or self.lang == "en" and re.search(r"\b(?:he|she)\b", text[lo:sents[k].end_char], re.I)):
                return []
            hi, k = lo, k - 1
            found = [e for e in ents if _can_move(e, kinds) and sents[k].start_char <= e.start_char < hi]
            if found:
                return found
        return []

    def _again_from(self, text: str, sent, trig: tuple) -> str | None:
        """Where the last move went, for a move made again: one mover's own last move when
        the moves of a group were told since ("it had shipped 2,000 machines to … Sabah …
        others took their machines to Laos … In January the company moved again")."""
        if self._moves_told and not self._group_moves(text, sent, trig, None):
            for move in reversed(self._moves_told):
                if not move[5]:
                    return move[0]
        return self._last_dest

    def _group_moves(self, text: str, sent, trig: tuple, movers: str | None) -> bool:
        """Whether a group moves (miners, others), not one mover."""
        grp = _GROUP_AR if self.lang == "ar" else _GROUP_EN
        # (before the verb; in Arabic also right after it: "ونقل آخرون أجهزتهم")
        after = min(sent.end_char, trig[1] + 24) if self.lang == "ar" else trig[0]
        return bool((movers and grp.search(movers)) or grp.search(text, sent.start_char, trig[0])
                    or _OTHERS.search(text, sent.start_char, after))

    def _is_dest(self, doc, e, town_in: bool = True) -> bool:
        """Whether ``e`` is told as where something goes ("to X", "إلى X"). ``town_in=False``
        leaves out "to Tachileik in Shan State" (for a ban, "cut supply to Tachileik in Shan
        State" names where the ban applies)."""
        b = self._before(doc, e, 48)
        if _NOT_TO.search(b):
            return False  # "لن يعود إلى إيران", "will not return to China": where they do not go
        if _NEIGHBOUR_OF.search(b) or (e.text[:1] == "ل" and _CAPITAL_OF_AR.search(b)):
            # "إلى قرغيزستان المجاورة لكازاخستان", "العاصمة الاقتصادية لموريتانيا": the neighbour or
            # the country whose capital it is only says where a place is
            return False
        rx = _DEST_BEFORE_AR if self.lang == "ar" else _DEST_BEFORE_EN
        if rx.search(b):
            return True
        named_for = self.lang == "en" and _TO_NAMED_FOR.search(self._text, max(0, e.start_char - 24), e.start_char)
        if named_for and not any(p.start_char == named_for.start(1) for p in self._all_places):
            return True  # "to Kuala Belait": a town no gazetteer knows, named for the place it is in
        if self.lang == "ar" and _SITE_IN_AR.search(b) and _TO_IT_AR.match(
                self._text, e.end_char, min(len(self._text), e.end_char + 90)):
            return True  # "استأجرت مستودعاً في طرابلس …، ونقلت إليه 400 جهاز": moved to it, the site there
        if self.lang == "en" and _SITE_OF.match(self._text, e.end_char) and re.search(r"\bto\s+(?:its|their|a|an|the|new|own)\s+$", b):
            return True  # "to its Ontario site", "to its South Carolina facility"
        if self.lang == "en" and (self._unknown_town(_TOWN_BEFORE, e, 96) or self._placed_off(_TOWN_OFF_BEFORE, e)
                                  or (town_in and self._unknown_town(_TO_TOWN_IN, e, 48))):
            return True  # "to Calvert City, Ky.": a town no gazetteer knows, in its state
        to_town = _TO_TOWN_AR.search(b) if self.lang == "ar" and _IN_KIND_AR.match(e.text) else None
        if to_town:
            # (no known place between "إلى" and it: "من الجهراء إلى شريك في الزبير بمحافظة البصرة")
            inv = folded_doc(doc)[2]
            to_at = inv[e.start_char] - len(b) + to_town.start()
            if not any(to_at <= inv[p.start_char] and p.end_char <= e.start_char for p in self._all_places):
                return True  # "إلى مستودع مستأجر في بن قردان بولاية مدنين": a town no gazetteer knows, in its province
        if self.lang == "ar" and re.match(r"^[لا]?(?:ل|الي)", e.text) and not e.text.startswith(("ال", "لي")):
            return e.text[0] == "ل" and len(e.text) > 3 and not names().get(self._pid(e), {}).get("ar", "").startswith("ل")
        # the next of a list of destinations: "head for Krasnoyarsk, Kazakhstan", "نحو البصرة وأرمينيا"
        i = bisect_left(self._place_starts, e.start_char)
        prev = self._all_places[i - 1] if i > 0 else None
        if prev is not None and prev.end_char <= e.start_char and (
                _LIST_GAP_AR.fullmatch(self._text, prev.end_char, e.start_char) and e.text.startswith("و")
                if self.lang == "ar" else _LIST_GAP_EN.fullmatch(self._text, prev.end_char, e.start_char)):
            # (not the places a ban "applies to": "applies to Irkutsk region, Buryatia and …")
            return self._is_dest(doc, prev, town_in) and not _APPLIES_TO.search(self._before(doc, prev, 40))
        return False

    def _placed_off(self, rx: re.Pattern, e) -> bool:
        """``_unknown_town`` for "X, north of": only where "of" is right before ``e``."""
        return self._text[max(0, e.start_char - 4):e.start_char].rstrip().endswith("of") and self._unknown_town(rx, e)

    def _unknown_town(self, rx: re.Pattern, e, reach: int = 120) -> bool:
        """Whether ``rx`` finds a town no gazetteer knows right before ``e``, which
        places it ("to Calvert City, Ky.", "to Selkirk, north of Winnipeg", "to Saran in
        the Karaganda region"): the town stands where ``e`` is. A place the gazetteer
        knows is where it goes itself ("to Kazakhstan, north of China", "to Ras Al
        Khaimah in the United Arab Emirates")."""
        m = rx.search(self._text, max(0, e.start_char - reach), e.start_char)
        if m is None:
            return False
        i = bisect_left(self._place_starts, m.start())
        return not (i < len(self._all_places) and self._all_places[i].start_char < e.start_char)

    def _is_in(self, doc, e) -> bool:
        rx = _IN_BEFORE_AR if self.lang == "ar" else _IN_BEFORE_EN
        if self.lang == "en" and self._unknown_town(_IN_TOWN_BEFORE, e, 64):
            return True  # "in Dalton, Georgia": a town no gazetteer knows, in its state
        return bool(rx.search(self._before(doc, e)))

    def _is_orig(self, doc, e) -> bool:
        # (English reaches further: "from a leased building in upstate New York")
        b = self._before(doc, e, 40) if self.lang == "ar" else self._before(doc, e, 60)
        if self.lang == "ar" and _PART_OF_AR.search(self._before(doc, e, 40)):
            return False  # "المناطق الجنوبية من مقاطعة إيركوتسك": part of a place, not from it
        if self.lang == "ar" and _DEST_BEFORE_AR.search(b):
            return False  # "غادر كريم إلى فرنسا": left for France
        rx = _ORIG_BEFORE_AR if self.lang == "ar" else _ORIG_BEFORE_EN
        if self.lang == "en" and _RUN_FROM_EN.search(b):
            return False  # "would run them from a rented warehouse in Hrazdan": where they go
        if self.lang == "en" and _SITE_OF.match(self._text, e.end_char) and re.search(r"\bfrom\s+(?:its|their|a|an|the|own)\s+$", b):
            return True  # "from its New York site"
        if self.lang == "en" and (self._unknown_town(_FROM_TOWN_BEFORE, e, 64) or self._placed_off(_FROM_TOWN_OFF, e)
                                  or self._unknown_town(_FROM_TOWN_IN, e, 48)):
            return True  # "from Hardin, Montana, to Texas": a town no gazetteer knows, in its state
        if self.lang == "ar" and _IN_KIND_AR.match(e.text) and _FROM_SITE_TOWN_AR.search(b):
            return True  # "من موقعها في هيرناندارياس بمقاطعة ألتو بارانا": a town no gazetteer knows, in its province
        machines_in, then_to = _MACHINES_IN[self.lang]
        if machines_in.search(b) and then_to.match(self._text, e.end_char):
            return True  # "its last 700 machines in Medicine Hat to …", "أجهزتها المتبقية في … إلى"
        return bool(rx.search(b))

    def _date_in(self, sent_ents, win, trig=None, filed: bool = True):
        ds = [e for e in sent_ents if e.label_ == "DATE" and win[0] <= e.start_char < win[1] and e._.kg_value]
        if not ds:
            return None
        # "PRISTINA, June 1 - … it imposed in January": the dateline's date is when the news
        # was filed, the event's only when the sentence gives no other (``filed=False``: never)
        told = [d for d in ds if not _filed_on(self._text, d)]
        ds = told or (ds if filed else [])
        if not ds:
            return None
        if trig:
            # "Kazakhstan, which took in machines in 2021, cut power in January": a date in a
            # relative clause closed before the trigger is that clause's
            own = [d for d in ds if not _in_relative_clause(self._text, d.start_char, trig[0])]
            ds = own or ds
        if trig:
            ds.sort(key=lambda d: abs(d.start_char - trig[0]))
        return ds[0]._.kg_value

    def _target(self, stext: str, after: str = "", told: str = "") -> str:
        """What the ban stops: "mining", "trading", else the words right after the
        trigger ("exports of nickel ore"), else another industry named soon after it,
        else "crypto" in a mining article; ``after`` is the text after the trigger,
        ``told`` the trigger's own words."""
        if " that " in told and _TRADING.search(told) and not _MINING_WORD.search(told):
            return "trading"  # "declares that dealing in virtual currencies is illegal"
        near = after[:40]
        if near:
            if _MINING_WORD.search(near):  # "يحظر تداول العملات المشفرة وتعدينها": mining too
                return "mining"
            folded = normalize_ar(near) if self.lang == "ar" else near  # (see _tells_mining)
            m, t = (_MINING_AR if self.lang == "ar" else _MINING_EN).search(folded), _TRADING.search(folded)
            if m or t:
                return "mining" if m and (not t or m.start() <= t.start()) else "trading"
        if _tells_mining(stext, self.lang):
            return "mining"
        if _TRADING.search(stext):
            return "trading"
        act = _ACTIVITY_AR if self.lang == "ar" else _ACTIVITY_EN
        m_act = act.search(normalize_ar(near)) if near else None
        if m_act:
            if self.lang == "ar":  # verb, subject, object: the object starts at the activity word
                near = near[m_act.start():]
            words = re.split(r"[.,;:،؛]|\s(?:in|to|for|from|until|by|في|الى|إلى|حتى|منذ)\s", near.strip())[0].split()
            while words and words[0].lower() in ("the", "a", "an", "on", "of", "all", "any"):
                words = words[1:]
            words = words[:4]
            if words:
                return " ".join(words)
        # "ordered Shandong to close illegally built smelting capacity": another industry,
        # named right after the trigger, even in a mining article
        other = other_industry(after) if after else None
        if other and not _MINING_WORD.search(after):
            return other
        return "crypto"

    # ------------------------------------------------------------ listed destinations
    def _ranked_moves(self, text, sent, sent_ents, here) -> list[dict]:
        """The moves of a ranking or list of destinations: in "X became the top destination,
        followed by Kazakhstan, Russia and Canada", the move to X again for every place of
        the ranking (its origin, movers and date)."""
        fb = _FOLLOWED_BY.search(text, sent.start_char, sent.end_char)
        if fb is not None:
            ranked = [ev for ev in here if ev["type"] == "MIGRATION" and ev.get("destination") and ev["_trig"][0] < fb.start()]
            return self._listed_after(text, sent_ents, ranked[-1], fb.end(), here) if ranked else []
        # "الوجهات التقليدية التي استقبلت …، كالولايات المتحدة وكازاخستان", "destinations …, such
        # as the US and Kazakhstan": a destination noun with no place of its own, and the list
        # that names them later in the sentence
        banned = {b.get("jurisdiction") for b in here if b["type"] == "BAN"}
        for ev in here:
            # (a destination that is the place of the sentence's ban, "بعد … حظر الصين …، الوجهات", is none)
            if ev["type"] != "MIGRATION" or ev["trigger"]["id"] != "mig.destination" \
                    or (ev.get("destination") and ev["destination"] not in banned):
                continue
            first = next((e for e in sent_ents if e.start_char > ev["_trig"][1] and e.label_ in ("COUNTRY", "PROVINCE", "CITY")
                          and e.kb_id_ and e.kb_id_ != ev.get("origin")), None)
            if first is None:
                return []
            # ("كالولايات": "like" glued on the name; not "كازاخستان", whose name begins so)
            glued_like = first.text.startswith("كال") and not (names().get(first.kb_id_) or {}).get("ar", "").startswith("ك")
            if not (glued_like or _LIKE_EN.search(text, max(0, first.start_char - 14), first.start_char)
                    or re.search(r"(?:مثل|منها|ومنها)\s+$", text[max(0, first.start_char - 8):first.start_char])):
                return []
            if ev.get("destination") == ev.get("origin"):
                ev["origin"] = None
            ev["destination"] = first.kb_id_
            return self._listed_after(text, sent_ents, ev, first.end_char, here)
        return []

    def _listed_after(self, text, sent_ents, base, at, here) -> list[dict]:
        """``base`` again for every place listed from ``at`` on ("Kazakhstan, Russia and Canada")."""
        out, start = [], at
        seen = {ev.get("destination") for ev in here if ev["type"] == "MIGRATION"}
        for e in sent_ents:
            if e.start_char < start:
                continue
            if e.label_ not in ("COUNTRY", "PROVINCE", "CITY") or not e.kb_id_ or not _RANK_GAP.fullmatch(text, at, e.start_char):
                break
            at = e.end_char
            if e.kb_id_ not in seen and e.kb_id_ != base.get("origin"):
                seen.add(e.kb_id_)
                out.append({**base, "destination": e.kb_id_})
        return out

    # ------------------------------------------------------------ bans
    def _bans(self, doc, sent, sent_ents, trig, win, extra, tid) -> list[dict]:
        text = _text(doc)
        stext = text[sent.start_char:sent.end_char]
        if tid == "ban.power" and _TO_HOMES.match(text, trig[1]):
            return []  # "يُقطع التيار عن أحياء في طرابلس", "cuts to households": rationing, no ban
        if tid == "ban.power" and _OUTAGES.search(text, max(sent.start_char, trig[0] - 30), trig[0]):
            return []  # "chronic power cuts", "rolling power cuts": the grid failing, no order
        doc_is_mining = _tells_mining(text[:4000], self.lang) is not None
        act = _ACTIVITY_AR if self.lang == "ar" else _ACTIVITY_EN
        if not (_tells_mining(stext, self.lang) or _TRADING.search(stext) or doc_is_mining
                or act.search(_fold_range(doc, sent.start_char, sent.end_char)) or other_industry(stext)):
            return []
        # a ban sentence that is a move ("ordered out", "pushed … to") keeps its places as jurisdictions
        comp = _COMP_AR if self.lang == "ar" else _COMP_EN
        lo, hi = win[0], win[1]
        cs = [m.end() for m in comp.finditer(text, win[0], trig[0])]
        if cs and not _IT_AFTER_THAT.match(text, cs[-1]) and not re.search(
                r"\b(?:law|bill|rules?|order|decree|measure|regulation|ordinance|legislation|amendment)\s+that\s$",
                text[max(0, cs[-1] - 30):cs[-1]], re.I):
            # (not "Laos said that it had cut power": "it" is the speaker, told before "that";
            # nor "New York passed a law that bars …": the law's own clause)
            lo = cs[-1]
        # "After unrest in Almaty and other cities, the energy ministry ordered …", "فبعد
        # اضطرابات … هزّت ألماتي …، قطعت «كيغوك»": a fronted clause of cause is not where the
        # ban applies
        fronted = _FRONTED_CAUSE.match(text, sent.start_char, trig[0])
        if fronted and lo < fronted.end() <= trig[0]:
            lo = fronted.end()
        if self.lang == "en":
            # "a Hong Kong-listed group whose Sichuan farms were switched off": the ban's clause
            # opens at "whose"
            whose = [m.start() for m in re.finditer(r"\bwhose\b", text[lo:trig[0]], re.I)]
            if whose:
                lo += whose[-1]
            # "ran machines in Ekibastuz … until the Kazakh grid operator began rationing power":
            # the clause before "until" tells where someone was, not where the ban applies
            until = [m.end() for m in re.finditer(r"\buntil\s+", text[lo:trig[0]], re.I)]
            if until and trig[0] - (lo + until[-1]) <= 80:
                lo += until[-1]
            if _FRONTED_SUB.match(text, sent.start_char, trig[0]):
                # "Four months after Venezuela pulled the plug on mining, machines are turning up
                # … in Colombia": the fronted clause ends at the comma that no place follows
                for m in re.finditer(r",\s*(?:(?:and|or)\s+)?(?:the\s+)?", text[trig[1]:hi]):
                    if not any(e.start_char == trig[1] + m.end() and e.label_ in PLACES for e in sent_ents):
                        hi = trig[1] + m.start()
                        break
        # a clause that gives the cause ("، بعد انقطاعات … في طهران") is not where the ban applies
        cause = _CAUSE_CLAUSE.search(text, trig[1], win[1])
        if cause:
            hi = cause.start()
        when = _TIME_CLAUSE.search(text, trig[1], hi)
        if when:
            # (with no place before it, the ban's place is told elsewhere: "KEGOC cut supplies to
            # 200 miners on Jan. 25, hours after an accident tripped power across Kyrgyzstan")
            hi = when.start()
        # a headline's ".." opens another clause: "بعد تقنين الكهرباء في كازاخستان.. خريطة جديدة
        # لمزارع التعدين بين روسيا وقيرغيزستان"
        dots = _TWO_DOTS.search(text, trig[1], hi)
        if dots:
            hi = dots.start()
        # "…، بحسب تجار في سوق السليمانية", ", according to traders in Almaty": who tells of
        # the ban is not where it applies
        told_by = _TOLD_BY.search(text, trig[1], hi)
        if told_by:
            hi = told_by.start()
        if self.lang == "ar":
            # "حظرت الصين التعدين في ٢٠٢١، حاملة أجهزتها … في شينجيانغ": the place right after the
            # verb is who bans, and its clause ends at the next comma
            subj = next((e for e in sent_ents if e.label_ in PLACES and trig[1] <= e.start_char <= trig[1] + 2), None)
            if subj is not None:
                stop = _COMMA_AR.search(text, subj.end_char, hi)
                if stop:
                    hi = stop.start()
        if self.lang == "en":
            # "X has cut power to miners, and Kazakhstan raised taxes": a clause with a
            # subject of its own is not where the ban applies
            for m in re.finditer(r",\s+(?:and|but|while|whereas)\s+(?:the\s+)?", text[trig[1]:hi]):
                at = trig[1] + m.end()
                subj = [e for e in sent_ents if e.start_char == at and e.label_ in PLACES]
                # (its verb follows: not the last of a list, "in Sichuan, Yunnan, and Xinjiang")
                if subj and re.match(r"\s+(?!(?:in|on|at|from|to|by|for|since|this|last|and|or|provinces?|regions?)\b)[a-z]+\b",
                                     text[subj[0].end_char:subj[0].end_char + 20]):
                    hi = trig[1] + m.start()
                    break
        # "مزارع على الحدود مع البرازيل", "farms near the border with Brazil": a neighbour named
        # to say where is not who bans
        # "the top destination for miners fleeing the crackdown, followed by Kazakhstan": the
        # places of a ranking of destinations are not where the ban applies (a ranking of the
        # places hit, "بافلودار الأكثر تضررا، تليها منطقة شرق كازاخستان", may be)
        ranked = _FOLLOWED_BY.search(text, sent.start_char, sent.end_char)
        if ranked and not any(h[0] == "MIGRATION" and h[2] < ranked.start() for h in self._sentence_hits):
            ranked = None
        # "أبخازيا، الإقليم الانفصالي عن جورجيا الذي تعترف به روسيا،", "Abkhazia, a breakaway
        # region of Georgia recognised by Russia,": places that describe a place do not ban
        described = [(m.start(1), m.end(1)) for q in sent_ents if q.label_ in PLACES
                     for m in [_APPOSITION.match(text, q.end_char)] if m]
        places = [p for p in self._places(sent_ents, (lo, hi)) if not _BORDER_WITH.search(self._before(doc, p, 30))
                  and not any(a <= p.start_char < b for a, b in described)
                  and not (ranked and p.start_char >= ranked.end())
                  and not _is_landmark(self.lang, text, p, self._before(doc, p, 12))]
        # keep places that are not destinations nor origins of a move
        # (a ban that "applies to" or "extends to" a place covers it: no move goes there)
        juris = [p for p in places if (not self._is_dest(doc, p, town_in=False) or _APPLIES_TO.search(self._before(doc, p, 40))
                                       # "cut off electricity to mining sites in Mpumalanga province": where
                                       # the power was cut (towns there may stand for a national order's reach)
                                       or (p.label_ == "PROVINCE" and _POWER_TO_IN.search(self._before(doc, p, 60))))
                 and not self._is_orig(doc, p)]
        # "وهو ما تكرر في كوسوفو التي حظرت التعدين", "Kosovo, which banned mining": the place
        # the relative clause is about is who bans
        rel = [q for q in places if q.end_char <= trig[0] and (
            _WHICH_BANNED.fullmatch(text, q.end_char, trig[0])
            # "China, where the central government has ordered miners to shut down"
            or (_WHERE_AFTER.match(text, q.end_char) and trig[0] - q.end_char <= 60
                # (the body that bans may be named in between: "Irkutsk, where Moscow's winter ban …")
                and not any(q.end_char < o.start_char < trig[0] and not _OWNED_BY.match(text, o.end_char) for o in places)))]
        if rel:
            juris = rel[-1:]
        that = _THAT_PLACE.search(text, max(win[0], trig[0] - 40), trig[0]) if self.lang == "en" and not juris else None
        if that:
            # "looked at Manitoba too, but that province had frozen new connections": the place
            # the subject points back to, even where it is told as a destination
            back = [q for q in sent_ents if q.end_char <= that.start() and self._pid(q)
                    and q.label_ == ("COUNTRY" if that.group(1).lower() == "country" else "PROVINCE")]
            juris = back[-1:]
        # "سوخومي - قررت حكومة أبخازيا …": the dateline's place is only where the news was
        # filed; it stands for the jurisdiction only when nothing else does
        filed = [p for p in juris if _dateline(text, p)]
        juris = [p for p in juris if p not in filed]
        # the authority: a regulator of the window, or a body or person named right before the trigger
        auths = [e for e in sent_ents if win[0] <= e.start_char < win[1] and (
                 e.label_ == "REGULATOR"
                 or (e.label_ in ("COMPANY", "ORGANIZATION", "PERSON") and (0 <= trig[0] - e.end_char <= 25
                     # "Hydro-Québec, flooded with requests from miners, paused …": an aside between
                     or _ASIDE.fullmatch(text, e.end_char, trig[0]) is not None)
                     # "Kvalnes Compute said the ban had left it little choice": who speaks of a ban
                     and not _SAID_THE.fullmatch(text, e.end_char, trig[0]))
                 # "طلبت شركة توانير من المزارع …": the subject right after the verb
                 # (not a company that halts: "علّقت "هيدرو كيبيك" النظر في طلبات الربط" is told below)
                 or (self.lang == "ar" and e.label_ in ("COMPANY", "ORGANIZATION", "PERSON") and 0 <= e.start_char - trig[1] <= 2
                     and tid not in ("ban.halt", "ban.close", "ban.shutdown", "ban.prohibit"))
                 # "قطعت شركة كيغوك الكهرباء": the body inside the trigger's words
                 or (e.label_ in ("COMPANY", "ORGANIZATION") and trig[0] < e.start_char and e.end_char < trig[1]))
                 # "طهران (رويترز) - أمر …": the agency in the dateline's brackets only reports
                 and not (text[e.start_char - 1:e.start_char] == "(" and text[e.end_char:e.end_char + 1] == ")")]
        auths.sort(key=lambda a: (a.label_ != "REGULATOR", a.start_char > trig[0], abs(a.start_char - trig[0])))
        authority = auths[0] if auths else None
        if authority is None and _IT_SUBJECT.search(text, max(win[0], trig[0] - 30), trig[0]):
            # "Landsvirkjun said in December that it would turn down new requests": the body
            # that speaks of itself in the sentence
            # ("Electricite du Laos announced in August that it would no longer sell power …")
            told = [e for e in sent_ents if e.label_ in ("REGULATOR", "COMPANY", "ORGANIZATION")
                    and e.end_char <= trig[0] and (_SAY.match(text, e.end_char + 1) or _ANNOUNCED.match(text, e.end_char))]
            # "أعلنت المؤسسة الإثيوبية للطاقة الكهربائية أنها لن تقبل": the speaker before "أنها",
            # named here (by its demonym, when no body is found), not a body told before
            speaker_here = self.lang == "ar" and re.search(
                r"(?<![\u0621-\u0652\u0670])(?:اعلنت|أعلنت|قالت|اكدت|أكدت|ذكرت|اوضحت|أوضحت)\s+\S+\s+(?:\S+\s+){0,5}(?:انها|أنها|إنها)\s+$",
                text[max(sent.start_char, trig[0] - 90):trig[0]])
            if not told and not speaker_here:
                # "The government has since blamed the miners. In November it cut supply to
                # farms": the body told at most two sentences before
                told = [e for e in self._regulators if e.end_char <= sent.start_char
                        and sent.start_char - e.start_char <= 600 and e.kb_id_]
            if told:
                authority = told[-1]
        if authority is not None and authority.label_ == "COMPANY" and tid in (
                "ban.halt", "ban.close", "ban.shutdown", "ban.prohibit") \
                and not _TO_MINERS.search(text, max(win[0], trig[0] - 25), min(win[1], trig[1] + 80)):
            # a company that halts its own operations is curtailing, not regulating (a utility
            # that suspends contracts, connections or power for miners regulates them)
            return []
        ids: list[str] = []
        # "حملة بكين", "الحملة التي شنتها بكين": the place the trigger names
        inside = [q for q in places if trig[0] <= q.start_char and q.end_char <= trig[1]]
        named = [q for q in inside if q.end_char == trig[1]]
        if not named and not any(q.start_char >= trig[1] and self._is_in(doc, q) for q in places):
            # "إثر حملة الصين على هذا النشاط": the place inside the trigger, when no place
            # after it says where the crackdown applied ("… في مقاطعة يوننان")
            named = inside
        if not named and self.lang == "ar" and re.fullmatch(r"[وفبل]?(?:ال)?(?:حظر|قرار|قمع|حمله|حملة)", text[trig[0]:trig[1]]):
            # "بعد حظر بكين لهذا النشاط": the place the ban noun is annexed to
            named = [q for q in places if q.start_char > trig[1] and not text[trig[1]:q.start_char].strip()][:1]
        if named:
            ids = [pid for pid in (self._jurisdiction(doc, q) for q in named) if pid]
        # "the Chinese crackdown", "الحملة الصينية": a demonym on the trigger names the place
        near = (text[max(0, trig[0] - 20):trig[0]].split()[-1:] if self.lang == "en"
                else text[trig[0]:trig[1]].split()[1:] + text[trig[1]:trig[1] + 20].split()[:1])
        for w in ([] if named else near):
            pid = self._demonym_fn(doc)(w.strip(".,،:;؛"))
            if pid:
                # (before the places the sentence goes on to: "بعد الحظر الصيني: أجهزة تشينغهاي في
                # إثيوبيا", "after the Chinese ban, rigs went to Ethiopia")
                ids = [pid]
                break
        if len(ids) == 1 and not named and names().get(ids[0], {}).get("type") == "COUNTRY":
            # "قطعت السلطات الكويتية التيار … في منطقة الوفرة": the national body's demonym says
            # who acts; the place inside its country it acts in is where the ban applies
            applied = [q for q in juris if q.start_char >= trig[1] and self._is_in(doc, q)]
            inner = [pid for pid in (self._jurisdiction(doc, q) for q in applied[:1]) if pid]
            if inner and inner[0] != ids[0] and contains(ids[0], inner[0]):
                ids = inner
        if not ids and self.lang == "en":
            # "since China banned mining": the place right before the verb is who bans
            subj = [q for q in juris if q.end_char <= trig[0] and re.fullmatch(
                r"\s+(?:(?:has|have|had|also|then|later|quickly|effectively|formally)\s+){0,2}"
                r"|['’]s\s+(?:[\w-]+\s+){0,2}", text[q.end_char:trig[0]])  # "China's crackdown"
                    and not any(o is not q and q.end_char <= o.start_char < trig[0] for o in juris)]
            if subj and not re.search(r"(?:,|\band|\bor)\s*(?:(?:then|finally|later|also|eventually|lastly)\s+)?$",
                                      text[max(0, subj[-1].start_char - 18):subj[-1].start_char]):
                # (not the last of a list: "authorities in Sichuan, … and Yunnan have ordered");
                # what the ban covers may follow it: "Russia banned mining in Irkutsk", "in ten
                # regions, including Dagestan, Chechnya and parts of Irkutsk"; not the subject of
                # the next clause ("After China's crackdown, Texas became …")
                covered, last = [], None
                like = _LIKE_AR if self.lang == "ar" else _LIKE_EN
                for q in (q for q in juris if q.start_char > trig[0]):
                    gap = text[last.end_char:q.start_char] if last is not None else ""
                    if self._is_in(doc, q) or like.search(self._before(doc, q)) or _PART_OF_EN.search(self._before(doc, q, 40)) or (
                            last is not None and re.fullmatch(r"\s*(?:,|and|or)?\s*(?:and\s+)?(?:parts\s+of\s+)?(?:the\s+)?", gap)):
                        covered.append(q)
                        last = q
                juris = [subj[-1]] + covered
        if not ids:
            listed = any(q.label_ == "PROVINCE" for q in juris)
            ids = [pid for pid in (self._jurisdiction(doc, q, listed) for q in juris) if pid]
            if rel and juris == rel[-1:] and rel[-1].label_ == "CITY":
                # "… from Irkutsk, where Moscow's winter ban took effect": the ban is the town's
                # province's, not its country's
                ids = [_province_of(self._pid(rel[-1]))]
        kb = authority.kb_id_ if authority is not None else ""
        if ids and juris and kb.startswith("authorities:") and kb[12:] not in ids \
                and authority.end_char <= min(p.start_char for p in juris) and re.fullmatch(
                r"\s*(?:,|،|and|و)?\s*", text[authority.end_char:min(p.start_char for p in juris)]):
            # "authorities in Sichuan, Inner Mongolia and Xinjiang": the body's own place opens the list
            ids.insert(0, kb[12:])
        elif ids and kb.startswith("authorities:") and authority.end_char <= trig[0] and re.fullmatch(
                r"['’]s\s+(?:[\w-]+\s+){0,2}", text[authority.end_char:trig[0]]) and not any(contains(kb[12:], i) for i in ids):
            # "what the Lao government's power cut-off means, why his team chose Ethiopia": the
            # government's own cut-off, not one of the places its sentence goes on to
            ids = [kb[12:]]
        if ids and juris and all(q.label_ == "CITY" for q in juris) and authority is not None \
                and authority.label_ == "REGULATOR" and not (authority.kb_id_ or "").startswith("authorities:"):
            # "the State Council in Beijing said it would ban …": the town right after a
            # national body is its seat, and the body bans for its country (not "وزارة الكهرباء
            # الكويتية فصلت التيار عن منازل في الوفرة": a town where the body acts is the ban's)
            c = names().get(authority.kb_id_ or "", {}).get("country") or self._first_demonym(doc, authority.text.split())
            if c and all((names().get(i, {}).get("country") or i.split("-")[0]) == c for i in ids) and all(
                    _SEAT_GAP.fullmatch(text, authority.end_char, q.start_char)
                    # "أما في بغداد، فيحظر البنك المركزي": the town fronted before the body
                    or _FRONTED_SEAT.fullmatch(text, q.end_char, authority.start_char) for q in juris):
                ids = [c]
        if ids and authority is not None and authority.label_ == "REGULATOR" and not kb.startswith("authorities:"):
            # "قرار البنك المركزي النيجيري حظر …، باتت أجهزته تعمل في مارادي": a national body
            # whose name says its country bans there, not in the places elsewhere its sentence names
            c = self._first_demonym(doc, authority.text.split())
            if c and not any((names().get(i, {}).get("country") or i.split("-")[0]) == c for i in ids):
                ids = [c]
        if ids and kb.startswith("authorities:") and any(contains(i, kb[12:]) and i != kb[12:] for i in ids):
            # "السلطات في إقليم سيتشوان جنوب غرب الصين": the authorities' own place, not the
            # country that only says where it is
            ids = [kb[12:]] + [i for i in ids if not contains(i, kb[12:])]
        # most specific: drop a place that contains another one in the list
        ids = [i for i in dict.fromkeys(ids) if not any(j != i and contains(i, j) for j in ids)]
        the_province = _THE_PROVINCE.search(text, max(win[0], trig[0] - 70), trig[0]) if self.lang == "en" else None
        if the_province and trig[0] - the_province.start() > 40 and not re.fullmatch(
                r"\s*|.*[,;:]\s*", text[sent.start_char:the_province.start()], re.S):
            the_province = None  # (further back, only as the subject: "The coal-rich region said … it would close")
        # ("after the Chinese province's June 2021 order": the province's own order, not China's)
        owned = the_province is not None and text[trig[0]:trig[0] + 2] in ("'s", "’s") and re.search(
            r"(?:province|region|state)$", text[the_province.start():trig[0]])
        if (not ids or owned) and the_province:
            # "… from Sichuan, after the province cut off power": the province named last
            told = self._told_before(self._provinces, trig[0])
            if told:
                ids = [told[-1].kb_id_]
        if not ids and authority is not None:
            # "Inner Mongolia Development and Reform Commission": the place in the body's name
            inner = [e for e in sent_ents if e.label_ in ("PROVINCE", "COUNTRY") and self._pid(e)
                     and authority.start_char <= e.start_char and e.end_char <= authority.end_char]
            if inner:
                ids = [self._pid(max(inner, key=lambda e: _depth_id(self._pid(e))))]
        if not ids and authority is not None and authority.label_ != "PERSON":
            kb = authority.kb_id_ or ""
            if kb.startswith("authorities:") and self.lang == "en" and re.search(
                    r"\b[Tt]he\s+(?:province|state|region)['’]s\s+$", text[max(0, authority.start_char - 20):authority.start_char]):
                # "Manitoba proved a reprieve. … the province's government imposed a pause": the
                # government of the province told before, not the country's
                told = self._told_before(self._provinces, authority.start_char)
                ids = [self._pid(told[-1])] if told else [kb.split(":", 1)[1]]
            elif kb.startswith("authorities:"):
                ids = [kb.split(":", 1)[1]]
            else:
                # (a province's own body bans there: "Sarawak Energy said it would disconnect …")
                c = _body_place(kb)
                if not c:
                    # "وزارة الداخلية الكويتية": the demonym in the body's name
                    c = self._first_demonym(doc, authority.text.split())
                if c:
                    ids = [c]
        if not ids:
            # "Iranian President Hassan Rouhani announced a ban": a demonym before the trigger
            # (not a word of a place's name: "كولومبيا البريطانية" is no British place)
            pid = self._first_demonym(doc, re.findall(r"[\w\u0600-\u06FF]+", _masked(text, win[0], trig[0], sent_ents)))
            if not pid and self.lang == "ar":
                # "أمر الرئيس الإيراني حسن روحاني بوقف …": the subject after the verb, its title's demonym
                after = re.findall(r"[\u0600-\u06FF]+", _masked(text, trig[1], min(hi, trig[1] + 40), sent_ents))[:3]
                if after and normalize_ar(after[0]) in _AR_SUBJECT_HEADS:
                    pid = self._first_demonym(doc, after[1:])
            ids = [pid] if pid else []
        if not ids and doc._.salient_place and (
                authority is not None and re.search(r"(?:في|داخل) البلاد|\bin\s+the\s+country\b", text[lo:hi])
                or re.search(r"\b(?:across|throughout)\s+the\s+country\b|\bnationwide\b|(?:في|عبر) (?:جميع|كل|انحاء) (?:انحاء )?البلاد"
                             # "في المحافظات كافة", "in all provinces": every province is the country
                             r"|(?:في|عبر) (?:جميع |كل |كافة |كافه )?(?:المحافظات|الولايات|المقاطعات)(?: كافة| كافه| جميعها| كلها)?(?![\u0621-\u0652\u0670])"
                             r"|\bin\s+(?:all|every)\s+(?:the\s+|its\s+)?(?:provinces?|regions?|governorates?|states?)\b", text[lo:hi])):
            ids = [doc._.salient_place.split("-")[0]]  # "حظر التعدين في البلاد": the article's country
            last = self._last_ban
            if last and self._sent_index - last[0] <= 3:
                # "Inner Mongolia … ordered mining to shut down. A nationwide ban followed": the
                # country of the ban just told, not of the article's dateline
                ids = [last[1].split("-")[0]]
        if not ids:
            # ("WENATCHEE, Wash. — The utility voted to stop …": a local body of the
            # dateline's town bans in the town's province)
            local = _LOCAL_BODY.search(text, lo, hi) is not None
            ids = [pid for pid in ((_province_of(self._pid(q)) if local and q.label_ == "CITY" else self._jurisdiction(doc, q))
                                   for q in filed) if pid]
        if not ids and self.lang == "en":
            # "moved to Rockdale from Plattsburgh, New York, after the city imposed a
            # moratorium": the town that bans is the one named before "the city", in its province
            the = _THE_TOWN.search(text, lo, trig[0])
            if the:
                ids = [_province_of(self._pid(q)) for q in self._told_before(self._towns, the.start())[-1:]]
        # "Inner Mongolia's commission announced that all mining in the region had to shut
        # down": the province named before "the region" (told with the ban, not before it:
        # "Miners in the state said the ban in China …"), also when the body that acts is the
        # country's ("قطعت ANDE التيار عن مزارع في المقاطعة")
        the = _IN_THE_REGION.search(text, trig[0], hi) if not ids or self.lang == "ar" else None
        home = (ids[0] if ids else doc._.salient_place or "").split("-")[0]
        told = [self._pid(q) for q in self._told_before(self._provinces, the.start())
                if self.lang == "en" or (self._pid(q) or "").split("-")[0] == home][-1:] if the else []
        if told and (not ids or authority is not None and authority.label_ != "CITY"
                     and all(i != told[0] and contains(i, told[0]) for i in ids)):
            ids = told
        if tid == "ban.enforce":
            # a raid or seizure is the ban of the place told, as precisely as told: "Police in
            # Sarawak raided" (MY-13), "ضبطت … في محافظة الجيزة" (EG-GZ), a town's province;
            # nothing said, no ban (two annotators of our probe rounds wrote provinces there)
            ids = list(dict.fromkeys(_province_of(i) for i in ids))
        fallback = False
        if not ids and doc._.salient_place and tid != "ban.enforce" and (
                tid in ("ban.crackdown", "ban.ban", "ban.licences") or authority is not None
                # "A bill approved by the Senate would make stealing power for mining a crime"
                or (self.lang == "en" and _LEGISLATURE_EN.search(text, win[0], trig[0]))):
            # ("الكويت: داهمت وزارة الداخلية … في بلد تحظر فيه هيئة أسواق المال …": the place a
            # paragraph is headed by, in a list of countries)
            ids = [self._heading_place(doc, text, sent, self._all_places) or doc._.salient_place]
            last = self._last_ban
            if last and self._sent_index - last[0] <= 1 and last[1] != ids[0] and contains(ids[0], last[1]):
                # "Inner Mongolia said it would close all mining projects. The draft rules
                # would ban new ones": the place of the ban just told, not the whole country
                ids = [last[1]]
            fallback = True
        # "روسيا تحظر التعدين في 10 مناطق", "Russia bans crypto mining in ten regions": the ban
        # applies to regions; where the article names them, it is theirs, not the country's
        regional = bool(ids) and all("-" not in i for i in ids) and bool(
            _IN_SEVERAL_REGIONS.search(text, lo, min(sent.end_char, hi + 40)))
        last = self._last_ban
        if ids and last and self._sent_index - last[0] <= 8 and all(i != last[1] and contains(i, last[1]) for i in ids) \
                and re.search(r"مماثل|\bsimilar\b|\bthe\s+same\b", text[trig[0]:min(sent.end_char, trig[1] + 30)], re.I):
            ids = [last[1]]  # "فرضت السلطات حظراً مماثلاً", "a similar ban": like the one told before, there
        if not ids and self.lang == "en" and not any(e.label_ in PLACES for e in sent_ents) \
                and _MUNICIPAL.search(text, lo, trig[0]):
            # "the Skarvøy municipal council changed its zoning plan to forbid …": a municipality
            # no gazetteer knows, in a sentence naming no place, acts where the article is filed
            # from (its dateline's province)
            home = next((q for q in self._all_places if q.start_char < 400 and q.label_ in ("CITY", "PROVINCE")
                         and _dateline(text, q)), None)
            prov = _province_of(self._pid(home)) if home is not None else None
            ids = [prov] if prov and "-" in prov else []
        if not ids and not any(e.label_ in PLACES for e in sent_ents):
            # "ثم وقّعت حاكمة الولاية قانوناً يفرض وقفاً مؤقتاً …", "the state then passed a
            # moratorium": the state told before, in a sentence naming no place
            meant = self._province_meant(text, max(lo, trig[0] - 60), trig[0])
            ids = [meant] if meant else []
        # a region ("Siberia", "the North Caucasus") is no jurisdiction: no body bans there as such
        ids = [i for i in ids if not _is_region(i)]
        if not ids:
            return []
        if fallback and (re.fullmatch(r"[وفب]?ال(?:حظر|حمله|حملة|قرار)", text[trig[0]:trig[1]]) if self.lang == "ar"
                         else re.search(r"(?:^|\s)the\s+(?:ban|crackdown|order|moratorium)$", text[max(0, trig[0] - 5):trig[1]], re.I)):
            return []  # "لم نكن نتوقع أن يكون الحظر نهائياً", "the ban": a ban told elsewhere, not a new one
        planned = any(h[0] == "BAN_PLANNED" for h in extra) and not any(h[0] == "BAN_ENACTED" for h in extra)
        if _CAUSED_AR.search(_fold_range(doc, max(sent.start_char, trig[0] - 70), trig[0])):
            return []
        if _DENIED_BAN_BEFORE.search(text, max(sent.start_char, trig[0] - 70), trig[0]) \
                or _DENIED_BAN_AFTER.match(text[trig[1]:sent.end_char]):
            return []  # "voted down a proposal to ban", "called for an EU-wide ban", "have not imposed"
        if self._told_again(text, trig, authority):
            return []
        if self.lang == "ar" and any(h[0] == "BAN" and h[3] <= trig[0] and re.fullmatch(r"[وفب]?(?:ال)?قرار", text[h[2]:h[3]])
                                     and re.fullmatch(r"\s+(?:\S+\s+){0,2}", text[h[3]:trig[0]]) for h in self._sentence_hits):
            return []  # "قرار بكين حظر التعدين": the decision is the ban, told once
        if _QUESTION.search(text, sent.start_char, sent.end_char):
            return []  # "Did Paraguay ban crypto mining?": asked, not told
        if self.lang == "en" and re.fullmatch(r"bans|crackdowns|moratoriums|moratoria", text[trig[0]:trig[1]], re.I) \
                and re.search(r"\b(?:about|over|on|of|to|by|from)\s+$", text[max(0, trig[0] - 8):trig[0]], re.I) \
                and re.match(r"\s*[.;!]", text[trig[1]:trig[1] + 3]):
            return []  # "not every move in the region is about bans": bans in general
        if self.lang == "en" and _WE_BEFORE.search(text, max(sent.start_char, trig[0] - 25), trig[0]):
            return []  # "When ERCOT calls, we shut down in minutes"
        if _WOULD_HAVE.search(text, max(sent.start_char, trig[0] - 30), trig[0]) or (
                (_PROPOSED_BEFORE.search(text, max(sent.start_char, trig[0] - 30), trig[0])
                 or re.match(r"\s+(?:bill|proposal|draft|plan)\b", text[trig[1]:trig[1] + 12], re.I))
                and _FAILED_AFTER.match(text, trig[1], sent.end_char)):
            return []  # "a proposal to ban mining was rejected", "ban bill stalls", "that would have banned"
        if _BARRED.search(text, max(0, trig[0] - 60), trig[0]):
            return []  # "a law that bars local governments from banning mining" forbids a ban
        if _CALL_ON.search(text, max(sent.start_char, trig[0] - 100), trig[0]) \
                and (_BLOC_WIDE.search(text, trig[1], min(sent.end_char, trig[1] + 70))
                     # "Sweden presses for EU ban", "called for a Europe-wide ban"
                     or re.search(r"\b(?:EU|European|EU-wide|Europe-wide|bloc-wide)\s+$", text[max(0, trig[0] - 20):trig[0]])):
            return []  # "دعا نواب … إلى حظر التعدين على مستوى الاتحاد الأوروبي": a call on a bloc
        if _NO_PLANS.search(text, max(sent.start_char, trig[0] - 50), trig[0]):
            return []  # "it had no plans to restrict mining", "لا توجد خطط لحظر"
        # "from January 1 until March 2031": the date a ban ends is its date only when no other is told
        until = [e for e in sent_ents if e.label_ == "DATE" and (
            _UNTIL.search(self._before(doc, e, 16)) or _UNTIL.match(_fold_range(doc, e.start_char, e.end_char))
            or _UNTIL_END.search(self._before(doc, e, 50)))
            # ("ran machines there until August, when the agency froze licences": the date of the when)
            and not _UNTIL_WHEN.match(text, e.end_char)]
        dated = [e for e in sent_ents if e not in until] if until else sent_ents
        pub = str(doc._.published or "")
        ahead: list = []
        if pub:
            # "تحظر التعدين … حتى عام 2031", written in 2024: an end still to come dates nothing
            ahead = [e for e in until if str(e._.kg_value or "")[:len(pub)] > pub]
            dated = [e for e in dated if e not in ahead]
            sent_ents = [e for e in sent_ents if e not in ahead]
        # "ordered miners to shut down by Sunday": a deadline is no date of the order; nor is
        # one after an "after" that follows it ("…, after the State Council called for a
        # crackdown in May")
        later = [h[2] for h in self._sentence_hits if h[0] == "CUE" and h[1] == "cue.after" and h[2] >= trig[1]
                 # (not "seized … in raids since August": since a date is when it began)
                 and not (text[h[2]:h[3]].lower() == "since"
                          and any(e.label_ == "DATE" and 0 <= e.start_char - h[3] <= 2 for e in sent_ents))]
        deadline = [e for e in sent_ents if e.label_ == "DATE" and (
            _DEADLINE.search(self._before(doc, e, 16)) or (later and e.start_char > later[0]))]
        if deadline:
            dated = [e for e in dated if e not in deadline]
            sent_ents = [e for e in sent_ents if e not in deadline]
        whole = (sent.start_char, sent.end_char)
        if any(h[0] == "MIGRATION" and h[3] <= trig[0] for h in self._sentence_hits) and win[0] > sent.start_char:
            # "arrived in Ethiopia in 2022 and 2023 after their home country banned the
            # industry": the dates before the ban's clause are the move's
            whole = (win[0], sent.end_char)
        date = self._date_in(dated, win, trig, filed=False) or self._date_in(dated, whole, trig, filed=False)
        if not date and not any(h[0] == "CUE" and h[1] == "cue.after" and whole[0] <= h[2] < trig[0]
                                for h in self._sentence_hits):
            # the dateline's date, unless the ban is told as what came before the news
            # ("April 12 - A year after Beijing outlawed mining, …")
            date = self._date_in(sent_ents, win, trig) or self._date_in(sent_ents, whole, trig)
        if not date and pub and ahead:
            date = pub  # in force when the news was written, until a day still to come
        out = []
        for pid in ids:
            out.append({
                "type": "BAN", "sentence": stext, "start": sent.start_char, "end": sent.end_char,
                "trigger": {"text": text[trig[0]:trig[1]], "start": trig[0], "end": trig[1], "id": tid},
                "_authority_span": authority, "jurisdiction": pid, "date": date,
                "target": self._target(stext, text[trig[1]:trig[1] + 80], text[trig[0]:trig[1]]),
                "status": "planned" if planned else "enacted",
                "_trig": trig, "_win": win, "_fallback": fallback, "_regional": regional,
            })
        return out

    def _first_demonym(self, doc, words) -> str | None:
        """The place of the first demonym among ``words``, or None."""
        at = self._demonym_fn(doc)
        return next((pid for pid in map(at, words) if pid), None)

    def _jurisdiction(self, doc, p, listed: bool = False) -> str | None:
        """The jurisdiction a place of a ban sentence gives (None for a region);
        ``listed``: the sentence lists provinces too."""
        pid = self._pid(p)
        if p.label_ == "REGION":
            return None
        if p.label_ == "CITY":
            info = names().get(pid, {})
            # "in Irkutsk", "Dagestan, Chechnya and parts of Irkutsk": the city's province
            # ("في المناطق الجنوبية من إيركوتسك", "in the southern parts of Irkutsk": part of it)
            if info.get("parent") and (self._is_in(doc, p) or (listed and _LISTED.search(self._before(doc, p)))
                                       or _PART_OF[self.lang].search(self._before(doc, p, 40))
                                       or re.search(r"['’]s\s+$", self._before(doc, p))):  # "Xinjiang's Changji"
                return info["parent"]
            # "the city of Plattsburgh", "Plattsburgh's city council", "بلدية …": the town's own
            # government bans in its province
            if info.get("parent") and "-" in info["parent"] and (
                    _MUNICIPAL_BEFORE.search(self._before(doc, p, 30))
                    or _MUNICIPAL_AFTER.match(doc.text, p.end_char)):
                return info["parent"]
            # a capital as the ordering government ("Beijing ordered") stands for its country;
            # any other town where a ban is told bans in its province ("Sherbrooke banned crypto
            # mining", "raids in the port of Casablanca", "The decree covers Usolye-Sibirskoye")
            return authority_place(pid)
        return pid

    def _told_again(self, text: str, trig: tuple, authority) -> bool:
        """Whether a ban trigger names a ban told before, or no ban of its own: "الحظر"
        alone (after a ban, or after "قبل": "before the ban", a time), "the first such
        ban in the US" after a ban in the same sentence, or "The ban prompted X
        to move …" (no authority, no "on …" of its own) after a ban in an
        earlier sentence."""
        if self.lang == "ar":
            # "في الأسبوع الذي بدأ فيه الحظر.": the ban told before, ending its clause with
            # nothing of its own (not "الحظر الجديد في الصين")
            # ("التمويل والاستقرار قبل الحظر" in a headline: "before the ban", a time, no ban)
            return bool((self._ban_home or re.search(r"(?<![\u0621-\u0652\u0670])قبل\s+$", text[max(0, trig[0] - 6):trig[0]]))
                        and authority is None
                        and re.fullmatch(r"[وفب]?الحظر", normalize_ar(text[trig[0]:trig[1]]))
                        and re.match(r"[ \t]*(?:[.,،؛:\"”»)\n]|$)", text[trig[1]:trig[1] + 3]) is not None)
        before, word = text[max(0, trig[0] - 25):trig[0]], text[trig[0]:trig[1]]
        if self._ban_home and re.search(r"\b(?:study|studying|review|reviewing|examine|examining|look\s+into|looking\s+into"
                                        r"|challenge|challenging|contest|contesting|appeal\s+against|appealing\s+against)"
                                        r"\s+(?:the|this|that)\s+(?:\w+\s+)?$", before, re.I) \
                and re.fullmatch(r"(?:ban|order|directive|decision|moratorium|decree|ruling)", word, re.I):
            # "the regulator said it would study the order": the ban told before, weighed by another
            return True
        if re.search(r"\b(?:such|this|that|the\s+same)\s+(?:\w+\s+)?$", before) \
                and any(h[0] == "BAN" and h[2] < trig[0] for h in self._sentence_hits) \
                and not (re.search(r"\bthat\s+(?:\w+\s+)?$", before) and re.fullmatch(r"\w+(?:s|ed)", word, re.I)):
            # (a verb after "that" is a clause of its own: "a decree that also outlaws
            # mining in Chechnya")
            return True
        return bool(self._ban_home and authority is None
                    # ("The seasonal ban cuts out the four months when cooling is free")
                    and re.search(r"\b(?:the|this|that)\s+(?:(?:seasonal|winter|summer|new|national|federal|regional|blanket"
                                  r"|temporary|partial|full|total|year-round)\s+)?$", before, re.I)
                    and re.fullmatch(r"(?:ban|crackdown|order|moratorium|prohibition|freeze|pause|raids?)", word, re.I)
                    and not re.match(r"\s+(?:on|of|in|against)\b", text[trig[1]:trig[1] + 9], re.I)
                    # "In Buryatia the ban applies only in winter", "the ban covers Tuva": where it
                    # reaches is told, a ban of those places
                    and not re.match(r"\s+(?:(?:also|now|only|there)\s+)?(?:appl(?:y|ies)|covers?|extends?|reaches|"
                                     r"will\s+(?:also\s+)?(?:apply|cover|extend))\b", text[trig[1]:trig[1] + 30], re.I))

    # ------------------------------------------------------------ migrations
    def _we_move(self, text: str, sent, trig: tuple) -> bool:
        """Whether "we" move: "we are moving", "ننتقل", "نقلنا", "نحن … ننقل"."""
        if self.lang == "en":
            return bool(_WE_EN.search(text, max(sent.start_char, trig[0] - 40), trig[0]))
        if _WE_AR.search(text, sent.start_char, trig[0]):
            return True
        w = re.sub(r"^[وف]", "", normalize_ar(text[trig[0]:trig[1]]))
        if w.endswith("نا"):  # نقلنا, انتقلنا: we moved
            return True
        w = re.sub(r"^س", "", w)  # سننتقل: we will move
        return w.startswith(("ننقل", "ننتقل", "نذهب", "نتوجه", "نرحل"))  # ننقل, ننتقل, سنذهب: we move

    def _speaker(self, text: str, sent, trig: tuple, ents: list):
        """Who says the words of a move: the company, else the person, named
        with a verb of saying after the move in its sentence ("…," said X of
        Y) or, when the move is quoted, just before the quotation opens
        ("قال نائب رئيس X: “…") or just after it closes."""
        # the paragraph, at most QUOTE_REACH characters of it: a longer
        # quotation is not tied to its speaker (and a 2M-character article
        # with no line break is not scanned again for every move in it)
        reach = max(0, trig[0] - QUOTE_REACH)
        para = text.rfind("\n", reach, trig[0]) + 1 or reach
        windows = []
        marks = [i for i in range(para, trig[0]) if text[i] in _QUOTE_MARKS]
        if len(marks) % 2:  # inside a quotation
            opened = marks[-1]
            lo = max(para, opened - 150)
            said = list(_SAY.finditer(text, lo, opened))
            if said:  # "قال X: “…", "X said: “…": from the sentence of the verb to the quotation
                ends = [text.rfind(c, lo, said[-1].start()) for c in ".!?؟"]
                windows.append((max([lo] + [e + 1 for e in ends if e >= 0]), opened))
            closed = next((i for i in range(trig[1], min(len(text), trig[1] + 400))
                           if text[i] in _QUOTE_MARKS or text[i] == "\n"), None)
            if closed is not None and text[closed] != "\n":
                m = _SAY.search(text, closed, min(len(text), closed + 20))
                if m and "\n" in text[closed:m.start()]:
                    m = None  # the next paragraph's speaker is not this quotation's
                if m:
                    windows.append((m.start(), min(len(text), m.end() + 150)))
        m = _SAY.search(text, trig[1], sent.end_char)
        if m:
            windows.append((m.start(), sent.end_char))
        for lo, hi in windows:
            named = [e for e in ents if e.label_ in ("COMPANY", "PERSON")
                     and lo <= e.start_char and e.end_char <= hi]
            if named:
                return next((e for e in named if e.label_ == "COMPANY"), named[0])
        return None

    @staticmethod
    def _after_ban(mv: dict, here: list) -> bool:
        """Whether a move is told "after" a ban of its sentence ("Bitdeer sought refuge in
        Texas after Chinese authorities pulled the plug"): the movers left the ban's place."""
        cues = [c["start"] for c in mv.get("cues", []) if c.get("id") == "cue.after" and c["start"] > mv["_trig"][1]]
        return bool(cues) and any(b["type"] == "BAN" and b.get("jurisdiction") and b["_trig"][0] > cues[0]
                                  for b in here)

    def _said_by(self, text: str, lo: int, e, trig):
        """In Arabic, the complementizer after ``e`` when ``e`` is who speaks ("قال مسؤول في
        شركة X إن …": the verb of saying before it), else None."""
        if self.lang != "ar" or not _SAY_AR_BEFORE.search(text, lo, e.start_char):
            return None
        return _COMP_AR.search(text, e.end_char, trig[0])

    def _migrations(self, doc, sent, sent_ents, trig, win, extra, tid, prev_sent, ents) -> list[dict]:
        text = _text(doc)
        stext = text[win[0]:win[1]]
        after = text[trig[1]:trig[1] + 40]
        before_t = text[max(0, trig[0] - 30):trig[0]]
        if self.lang == "en" and tid == "mig.move":
            # "a move to ban mining", "move forward": no move of anything
            m = re.match(r"\s+(?:to\s+(?!the\b|a\b|an\b|neighbou?ring\b|nearby\b|its\b|their\b|his\b|her\b|other\b|new\b|data\b|industrial\b|sites?\b|facilit|northern\b|southern\b|eastern\b|western\b|central\b|rural\b|upstate\b|west\b|east\b|north\b|south\b)([a-z]+)|forward\b|ahead\b|quickly\s+to\s+[a-z]+\b)", after)
            if m and (m.group(1) is None or not m.group(1)[0].isupper()):
                return []
            # "a move aimed squarely at miners": a decision, not a move of anything
            if re.search(r"\b(?:a|the|this|that|such\s+a)\s+$", before_t, re.I) and re.match(
                    r"\s+(?:aimed|designed|intended|meant|seen|widely|critici[sz]ed|welcomed|that|which|comes|came|is|was"
                    r"|follows|followed|marks|marked|means|sparked|prompted|triggered|drew|has|had|will|would|could)\b"
                    r"|\s*[—–,]", after):  # "The move — the largest since 2021 — has pushed up prices"
                return []
        if self.lang == "en" and (_NOT_A_MOVE_EN.search(text[trig[0]:trig[1] + 80]) or (
                re.search(r"\b(?:shares?|stocks?|prices?|markets?|index|indices|bonds?|the\s+needle)\b[^.;]{0,40}$", before_t, re.I)
                and not re.match(r"\s+(?:\S+\s+){0,4}?(?:to|from|into)\s+(?-i:[A-Z])", after))):
            return []  # "send jobs to other states", "sent a bad signal to investors", "was taken over", "shares barely moved"
        if self.lang == "en" and text[trig[0]:trig[1]].lower() == "left" \
                and re.search(r"\b(?:is|was|are|were|be|been|being)\s+(?:still\s+)?$", before_t, re.I):
            return []  # "what was left in Boden": what remains, not who leaves
        if (_NEGATED_EN if self.lang == "en" else _NEGATED_AR).search(text, max(sent.start_char, trig[0] - 80), trig[0]):
            return []  # "did not move", "لم تعد وجهة جذابة", "denied on Thursday that it was moving"
        if (_DENIAL_EN.search(text, max(sent.start_char, trig[0] - 100), trig[0]) if self.lang == "en"
                else _DENIAL_AR.search(_fold_range(doc, max(sent.start_char, trig[0] - 100), trig[0]))):
            return []  # "had not pushed anyone he knew to leave", "لم يُرصد حتى الآن انتقال"
        if _QUESTION.search(text, sent.start_char, sent.end_char):
            return []  # "Did miners leave?": asked, not told
        if tid == "mig.destination" and (re.match(r"\s*(?:غير|ليست)\s", text[trig[1]:trig[1] + 8]) or re.search(
                r"\b(?:unlikely|unattractive|illogical|implausible|improbable|poor|odd)\s+$", text[max(0, trig[0] - 16):trig[0]], re.I)):
            return []  # "ما يجعلها وجهة غير منطقية للتعدين", "an unlikely destination": what a place is not
        if _CLAIM_LINE.match(text, text.rfind("\n", 0, trig[0]) + 1) or _CLAIMED.search(text, sent.start_char, trig[0]) \
                or _UNTRUE_AFTER.search(text, trig[1], sent.end_char):
            return []  # "Claim: … have moved their machines to Colombia": what a post says, checked
        if self.lang == "en" and text[trig[0]:trig[1]].lower() == "going":
            # "are going to Kazakhstan", not "are going to struggle": a place right after "to"
            m = re.match(r"\s+to\s+(?:the\s+)?", after)
            if not m or not any(e.start_char == trig[1] + m.end() and e.label_ in PLACES for e in sent_ents):
                return []
        if self.lang == "en" and re.search(r"\b(?:every|each|any|no)\s+$", before_t, re.I) \
                and text[trig[0]:trig[1]].lower() in ("move", "relocation", "migration", "exodus"):
            return []  # "Not every move abroad is about policy": moves in general
        if self.lang == "en" and tid == "mig.move" and re.search(r"\bin\s+a\s+(?:[\w-]+\s+)?$", before_t) \
                and not re.match(r"\s+(?:to|from|into|out\s+of)\s+(?-i:[A-Z])", after):
            return []  # "in a move officials linked to a corruption probe": a decision
        if self.lang == "en" and tid == "mig.flee" and re.fullmatch(r"leav(?:e|es|ing)|left", text[trig[0]:trig[1]], re.I) \
                and re.match(r"\s+(?:[\w'-]+\s+){1,4}(?:out\s+in\s+the\s+cold|in\s+the\s+dark|in\s+limbo|stranded|idle"
                             r"|without|unemployed|exposed|vulnerable|struggling|out\s+of\s+(?:pocket|business|work)"
                             r"|at\s+(?:its|their|a|the)\s+(?:[\w-]+\s+){0,2}?(?:lowest|highest|record|low|high))\b", after + text[trig[1] + 40:trig[1] + 80]):
            # "the squeeze leaves bitcoin miners out in the cold", "a dry autumn left its
            # reservoirs at their lowest level": where they stand, not a move
            return []
        if self.lang == "en" and tid == "mig.flee" and re.search(
                r"\b(?:options|few|little|nothing|none|anything|much|time|money|days|weeks|months|nobody|no\s+one)\s+$"
                r"|\b(?:no|little|few)\s+(?:[\w-]+\s+){1,2}$", before_t, re.I) \
                and text[trig[0]:trig[1]].lower() == "left":
            return []  # "Miners have few options left", "has almost no mining left": nothing left anywhere
        if self.lang == "en" and re.match(r"\s+(?:up(?!\s+to\b)|down|higher|lower|sharply|slightly|back\s+(?:up|down))\b", after):
            return []  # "the hash rate moved higher"
        # prices, shares and values move too: they are not miners
        if _NOT_MOVERS.search(before_t.split(".")[-1][-25:] if self.lang == "en" else _fold_range(doc, trig[1], min(trig[1] + 20, len(text)))):
            return []
        places = [p for p in self._places(sent_ents, win) if not _SET_AGAINST.search(self._before(doc, p, 24))]
        # "…، وقالت في بيان إن "البقاء في الصين لم يعد خياراً"", ", it said in a statement that
        # …": what the movers say after the move is not where they go
        said = _SAID_AFTER.search(text, trig[1], win[1]) or _TOLD_BY.search(text, trig[1], win[1])
        if said:
            places = [p for p in places if p.start_char < said.start()]
        # "نقلت مشروعها إلى إكيباستوز، بعد أن وجدت عرضاً بنصف كلفة الكهرباء في الأردن": a clause
        # of cause after where the move goes tells no other move
        cause = _CAUSE_CLAUSE.search(text, trig[1], win[1])
        if cause and any(trig[1] <= p.start_char < cause.start() for p in places):
            places = [p for p in places if p.start_char < cause.start()]
        # "to Paraguay, where power costs a third of what it does in Canada": a place in a
        # relative clause after the place the move names only describes it (with no place
        # before it, the clause may say where they went: "جنوبا، حيث … في سيشوان")
        rel = _REL_AFTER.search(text, trig[1], win[1])
        # (not after where they leave: "نقل أجهزتها من شينجيانغ، حيث تولد الكهرباء من الفحم، إلى
        # سيتشوان": the clause describes the origin, and where they go comes after it)
        if rel and any(trig[1] <= p.start_char < rel.start() and not self._is_orig(doc, p) for p in places):
            places = [p for p in places if p.start_char < rel.start()]
        elif rel and any(self._is_orig(doc, p) and 0 <= rel.start() - p.end_char <= 1 for p in places):
            # "نقل معدنون من داغستان، حيث كانت البيوت في محج قلعة تحتضن الأجهزة، معداتهم إلى
            # مراكز بيانات": the clause right after where they leave describes it, to its comma
            stop = _CLAUSE_STOP.search(text, rel.end(), win[1])
            places = [p for p in places if not (rel.end() <= p.start_char < (stop.start() if stop else win[1]))]
        # "A shipping agent in Dubai said miners had moved their machines to Oman", "وقال تاجر في
        # دبي إن المعدنين نقلوا أجهزتهم إلى عُمان": the place of who tells is not where the movers
        # leave (it is when the tellers move: "miners in Xinjiang said they had moved")
        frame = _told_frame(text, win[0], trig[0], self.lang) if tid not in ("mig.destination", "mig.attract") else None
        if frame is not None:
            places = [p for p in places if not (frame[0] <= p.start_char < frame[1]) or self._is_orig(doc, p)]
        if tid == "mig.attract" and _FOR_YEARS.match(text, trig[1]):
            return []  # "the province, which has attracted miners for years": what it is, not a move
        if tid == "mig.arrive" and not _THIS_TOWN.match(text, trig[1]) and not any(
                trig[1] <= p.start_char <= trig[1] + 60
                and (self._is_dest(doc, p) or self._is_orig(doc, p) or self._is_in(doc, p)) for p in places):
            return []  # "وصل السعر إلى 65 ألفا": reaching a figure is no arrival; one names where
        like = _LIKE_AR if self.lang == "ar" else _LIKE_EN
        origin_default = False
        dests, origs, before = [], [], []
        lo = win[0]
        # "البحث عن وجهة أخرى", "looking for a new haven": where they are is what they leave
        other_place = tid == "mig.destination" and (
            re.match(r"\s+(?:اخري|أخرى|اخرى|جديد[ةه]|بديل[ةه])", text[trig[1]:trig[1] + 8]) is not None
            # "يبحثون عن ملاذ في الخارج", "a haven abroad"
            or re.match(r"\s+(?:(?:في|ب)\s*الخارج|abroad|overseas)", text[trig[1]:trig[1] + 12], re.I) is not None
            or re.search(r"\b(?:another|a\s+new|new|other|alternative)\s+$", before_t, re.I) is not None)
        subject_is_destination = tid in ("mig.destination", "mig.attract") and not other_place
        if subject_is_destination:
            comp = _COMP_AR if self.lang == "ar" else _COMP_EN
            cs = [m.end() for m in comp.finditer(text, win[0], trig[0])]
            if cs:
                lo = cs[-1]
        first_dest = None
        if subject_is_destination:
            subj = [p for p in places if lo <= p.start_char < trig[0] and not self._is_orig(doc, p)
                    and not _dateline(text, p)]
            # "A year after Beijing outlawed mining, the United States has become the top
            # destination": the subject is in the clause of the trigger
            breaks = [m.end() for m in _clause_breaks(text, lo, trig[0])]
            its = (_ITS_AR.match(text, trig[1]) if self.lang == "ar"
                   else _ITS_EN.search(text, breaks[-1] if breaks else max(lo, trig[0] - 40), trig[0]))
            after_verb = [p for p in places if trig[1] <= p.start_char <= trig[1] + 3] if self.lang == "ar" else []
            if breaks and (any(p.start_char >= breaks[-1] for p in subj) or its or after_verb):
                # ("بعد حظر بكين، تستقبل تكساس المعدنين": the subject after the verb, not the
                # place of the clause before)
                subj = [p for p in subj if p.start_char >= breaks[-1]]
            if not subj and self.lang == "ar":
                # "تستقبل كازاخستان موجة من المعدنين": the subject follows the verb
                subj = [p for p in places if trig[1] <= p.start_char <= trig[1] + 3]
            if subj:
                first_dest = subj[0]
            elif doc._.salient_place and (
                    (self.lang == "ar" and re.match(r"\s+(?:البلاد|البلد)(?![\u0621-\u0652\u0670])", text[trig[1]:trig[1] + 10]))
                    or (self.lang == "en" and re.search(r"\bthe\s+country\s+(?:has\s+|had\s+)?$", text[max(lo, trig[0] - 25):trig[0]], re.I))):
                # "استقطبت البلاد عشرات الشركات", "the country attracted": the article's country
                first_dest = doc._.salient_place.split("-")[0]
            elif self._province_meant(text, max(lo, trig[0] - 60), trig[0]):
                # "وكان الإقليم قد تحوّل إلى ملاذ لمعدّنين", "the province has become a magnet"
                first_dest = self._province_meant(text, max(lo, trig[0] - 60), trig[0])
            elif tid == "mig.attract" and doc._.salient_place and its:
                # "its surplus hydropower draws miners from Xinjiang", "تجذب طاقتها …":
                # the place the article is about
                first_dest = doc._.salient_place
        # "نقلت شركة تعمل في كرمان أجهزتها إلى أرمينيا": a place "in" after the move
        # and before where it goes is where the movers are
        held = []
        explicit = [q.start_char for q in places if q.start_char > trig[0] and self._is_dest(doc, q)]
        # "تصدّر باراغواي الكهرباء إلى البرازيل، ما جعلها وجهة …": where the clause before a
        # destination noun sends something is not where the movers go
        ended = max((m.end() for m in _clause_breaks(text, lo, trig[0])), default=None) if subject_is_destination else None
        hq = None
        for p in places:
            if ended is not None and p.end_char <= ended and p is not first_dest and self._is_dest(doc, p):
                continue
            if _WHERE_BASED.match(text, p.end_char):
                hq = hq or p  # "… in Ontario, where it is headquartered": the movers' seat
                continue
            if self._is_orig(doc, p) and not any(
                    q.end_char <= p.start_char and _DESCRIBING.fullmatch(text, q.end_char, p.start_char)
                    and self._is_dest(doc, q) for q in places):
                origs.append(p)
            elif origs and contains(self._pid(p), self._pid(origs[-1])) \
                    and re.fullmatch(r"\s*(?:في|ب|in)\s+", text[origs[-1].end_char:p.start_char]):
                continue  # "من منطقة ألماتي في كازاخستان المجاورة": where the origin lies
            elif self._is_dest(doc, p):
                dests.append(p)
            elif (self.lang == "ar" and p.start_char > trig[0] and any(q > p.start_char for q in explicit)
                  and self._is_in(doc, p)):
                held.append(p)
            elif p.start_char > trig[0] and ((self._is_in(doc, p) and (self.lang == "ar" or tid in (
                    "mig.flee", "mig.arrive", "mig.destination", "mig.consider"))) or like.search(self._before(doc, p, 12))) \
                    and not (self.lang == "ar" and dests and dests[-1].end_char <= p.start_char
                             and re.search(r"(?:^|\s)[وف]?(?:لان|لأن|بسبب)\s", text[dests[-1].end_char:p.start_char])):
                # (not "… إلى دبي، لأن الكهرباء هناك أرخص منها في مصر": where the clause after the
                # destination compares, not where they go)
                dests.append(p)
            elif dests and re.match(r"^\s*(?:و|and|or|أو|او|,|،)?\s*(?:و?تحديدا|خاصه|specifically|particularly|notably|especially|including)?\s*[,،]?\s*(?:the\s+)?$"
                                    r"|^['’]s\s+$|^['’]\s+$",  # "to Russia's Irkutsk region", "in Laos' Savannakhet province"
                                    _fold_range(doc, dests[-1].end_char, p.start_char)):
                dests.append(p)
            elif dests and _OWNED_PLACE.fullmatch(text, dests[-1].end_char, p.start_char) \
                    and contains(self._pid(dests[-1]), self._pid(p)):
                dests.append(p)  # "into Uzbekistan's autonomous Republic of Karakalpakstan"
            elif p is first_dest:
                dests.append(p)
            elif tid == "mig.consider" and p.start_char > trig[0] and re.fullmatch(
                    r"\s+(?:sites?\s+in\s+|a\s+(?:move|relocation)\s+to\s+|moving\s+to\s+|relocating\s+to\s+)?(?:the\s+)?",
                    text[trig[1]:p.start_char], re.I):
                dests.append(p)  # "miners eye Finland", "were weighing Oman and Paraguay"
            elif p.start_char < trig[0] and (self._is_in(doc, p) or _MOVERS_AFTER.match(text, p.end_char)) \
                    and not _dateline(text, p):
                before.append(p)
        if origs:
            inner = self._owned_place(places, origs[0])  # "from Russia's Irkutsk region"
            if inner is not None:
                dests = [d for d in dests if d is not inner]
                origs[0] = inner
        origin = self._pid(origs[0]) if origs else None
        if origs:
            # "came from Kristiansand in southern Norway": the place written right after the
            # origin and around it says where the origin is, not where they went
            dests = [d for d in dests if not (d.start_char >= origs[0].end_char and self._pid(d) != origin
                                              and contains(self._pid(d), origin)
                                              and _WHERE_IT_IS.fullmatch(text, origs[0].end_char, d.start_char))]
        if origs and origs[0].label_ == "CITY" and _BAN_OF.match(text, origs[0].end_char):
            # "Fleeing Caracas's crackdown": the capital's government, its country
            origin = names().get(origin, {}).get("country") or origin
        # "from Sichuan and Yunnan": each place joined to the first is an origin too
        more_origins = []
        if origs:
            last = origs[0]
            for b in places:
                if b.start_char < last.end_char:
                    continue
                if not re.fullmatch(r"\s*(?:and|or|و|أو|او|,|،)?\s*", text[last.end_char:b.start_char]):
                    break
                if self._pid(b) and self._pid(b) != origin and self._pid(b) not in more_origins:
                    more_origins.append(self._pid(b))
                    dests = [d for d in dests if d is not b]
                last = b
        if origin is None and not origs:
            # "ومن مصراتة، غادر الشاب … إلى صفاقس", "From Misrata, one miner drove …": a place
            # fronted with "from" opens the sentence and is where its move leaves
            front = next((p for p in sent_ents if p.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(p)
                          and p.end_char <= trig[0] and _FRONTED_FROM.fullmatch(text, sent.start_char, p.start_char)
                          and re.match(r"\s*[,،]", text[p.end_char:p.end_char + 3])), None)
            if front is not None and _not_going_to(self._pid(front), [self._pid(d) for d in dests]):
                origin = self._pid(front)
        if origin is None and held:
            origin = self._pid(held[0])
        if origin is None and hq is not None:
            origin = self._pid(hq)
        if origin is None and before and not subject_is_destination \
                and not re.search(r"\bthere\b|(?:الي|الى|إلى)\s+هناك", text[trig[1]:win[1]]):
            # "miners in China are moving": a place before the move is where they leave
            # (not before a move "there": "leased a hall near Bratsk and moved its machines there")
            # ("started out in Russia's Irkutsk region": the place inside)
            where = self._owned_place(places, before[-1]) or before[-1]
            # (not a country whose province the sentence names before the move: "وفي كندا،
            # دفع تجميد فرضته مقاطعة مانيتوبا … شركة إلى …" leaves Manitoba, told by its ban)
            if not (where.label_ == "COUNTRY" and any(
                    p.label_ in ("PROVINCE", "CITY") and where.end_char <= p.start_char < trig[0]
                    and contains(self._pid(where), self._pid(p)) for p in sent_ents)):
                origin = self._pid(where)
        home = self._ban_home or (doc._.salient_place.split("-")[0] if doc._.salient_place else None)
        if origin is None and re.search(r"خارج (?:البلاد|الصين)|الخارج|غادر\w* البلاد|out of (?:the country|China)|abroad|overseas|leave China|left China"
                                         r"|(?:left|leave|leaving|fled|flee(?:ing)?)\s+the\s+country", stext) \
                and not any(self._pid(d) == home for d in dests):  # not the country they go to
            # (the movers' own country when their name says it: "المعدنين الروس قد غادروا البلاد")
            origin = self._first_demonym(doc, re.findall(r"[\w\u0600-\u06FF]+", text[sent.start_char:trig[0]])) or home
        if not dests and prev_sent is not None and _TO_IT.match(text, trig[1]) and not any(
                e.label_ in PLACES and sent.start_char <= e.start_char < trig[0] for e in sent_ents):
            # "ولم تكن قرغيزستان المحطة الأولى للشركة. فقد نقلت أجهزتها إليها …": "to it" is
            # the place the sentence before is about (when none is named before it here)
            told = [e for e in ents if e.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(e)
                    and prev_sent.start_char <= e.start_char < prev_sent.end_char]
            if told and self._pid(told[0]) != origin and not any(
                    contains(self._pid(told[0]), self._pid(o)) for o in origs):
                dests = told[:1]
        dest_ids: list[str] = []
        if not dests and self.lang == "en" and doc._.salient_place \
                and (re.match(r"\s+(?:in)?to\s+the\s+country\b", text[trig[1]:trig[1] + 20])
                     or (text[trig[0]:trig[1]].lower().endswith("into") and re.match(r"\s+the\s+country\b", text[trig[1]:trig[1] + 16]))):
            # "an industry that rushed into the country after China's crackdown": the
            # article's country (the gazetteer names no place there)
            home_c = doc._.salient_place.split("-")[0]
            if origin == home_c or (origin and origin.startswith(home_c + "-")):
                origin = None
            dest_ids.append(home_c)
        elif not dests and self.lang == "en" and doc._.salient_place and "-" in doc._.salient_place \
                and re.match(r"\s+(?:(?:in)?to|in)\s+the\s+(?:province|state)\b",
                             text[trig[1] - (3 if text[trig[0]:trig[1]].lower().endswith((" in", " into")) else 0):trig[1] + 24]):
            # "Chinese-owned firms that set up in the province in 2017": the article's province
            if origin != doc._.salient_place:
                dest_ids.append(doc._.salient_place)
        if not dests and _THIS_TOWN.match(text, trig[1]):
            # "HERNANDARIAS, Paraguay - Medina arrived in this border town in June": the
            # dateline's place
            filed = [e for e in ents if e.label_ in ("CITY", "PROVINCE") and self._pid(e) and _dateline(text, e)][:1]
            dests = filed
        for d in dests:
            pid = self._pid(d)
            if pid and pid != origin:
                dest_ids.append(pid)
        # "إلى جيبوتي، ومنها براً إلى إثيوبيا", "to Djibouti, and from there by road to Ethiopia":
        # a port passed through is not where they go
        passed = {self._pid(d) for d in dests if _VIA_THERE.match(text, d.end_char)
                  and any(q.start_char > d.end_char and self._pid(q) in dest_ids for q in dests)}
        dest_ids = [p for p in dest_ids if p not in passed] or dest_ids
        # ("trucked from Yunnan to Guangzhou, cleared for export": the port, and nowhere further told)
        transit = {self._pid(d) for d in dests if _TRANSIT_AFTER.match(text, d.end_char)}
        dest_ids = [p for p in dest_ids if p not in transit]
        # "Alberta, Canada": a place written after a place inside it only says where that is
        dest_ids = [p for p in dest_ids if not any(q != p and contains(p, q) for q in dest_ids)] or dest_ids
        # "to Kazakhstan, where a partner runs a site near Ekibastuz", "to Oman, where it is in
        # talks with a host near Sohar": the site the clause places inside the country is where
        # they go
        for d in [d for d in dests if names().get(self._pid(d) or "", {}).get("type") == "COUNTRY"]:
            where = _WHERE_CLAUSE.match(text, d.end_char)
            if where is None:
                continue
            stop = _CLAUSE_END.search(text, where.end(), sent.end_char)
            inner = self._place_inside(self._pid(d), sent_ents, where.end(), stop.start() if stop else sent.end_char,
                                       lambda q: _SITE_NEAR.search(text, max(where.start(), q.start_char - 40), q.start_char))
            if inner and self._pid(d) in dest_ids:
                dest_ids[dest_ids.index(self._pid(d))] = inner
        one_country = len(dest_ids) == 1 and names().get(dest_ids[0], {}).get("type") == "COUNTRY"
        # "trucked all of them to Armenia … and would run them from a rented warehouse in Hrazdan":
        # where in that country they will run
        if self.lang == "en" and one_country:
            inner = self._place_inside(dest_ids[0], sent_ents, trig[1] + 1, len(text),
                                       lambda q: _RUN_FROM_EN.search(self._before(doc, q, 70)))
            if inner:
                dest_ids, one_country = [_province_of(inner)], False
        # "… حمل ما تبقى من أجهزته إلى أرمينيا. واستأجر مساحة في مجمع صناعي بمدينة هرازدان", "… to
        # Armenia. There it rented a hall in Hrazdan": the site taken in the next sentence of the
        # paragraph is where in that country they went
        if one_country:
            sents = sentences(doc)
            k = self._sent_index + 1
            nxt = sents[k] if k < len(sents) and sents[k].start_char >= sent.end_char else None
            if nxt is not None and "\n" not in text[trig[1]:nxt.start_char] \
                    and (_SITE_TAKEN_AR if self.lang == "ar" else _SITE_TAKEN_EN).match(text, nxt.start_char):
                inner = self._place_inside(dest_ids[0], self._all_places, nxt.start_char, nxt.end_char)
                if inner:
                    dest_ids = [_province_of(inner)]
        # … and so does a region ("إقليم كراسنويارسك في سيبيريا", "Krasnoyarsk in Siberia")
        said_where = {self._pid(r) for d in dests for r in dests if r.label_ == "REGION" and r.start_char > d.end_char
                      and d.label_ != "REGION" and re.fullmatch(r"\s*(?:,|،)?\s*(?:in|في|ب)\s*(?:the\s+)?", text[d.end_char:r.start_char])}
        dest_ids = [p for p in dest_ids if p not in said_where] or dest_ids
        dest_ids = list(dict.fromkeys(dest_ids))
        if not dest_ids and origs and origin:
            # a list of destinations, one a paragraph headed by its place ("٣- مقاطعة تفير: نقل
            # معدنون من داغستان معداتهم إلى مراكز بيانات", "Nebraska. … Tianfu Hash said it had
            # moved 20 MW of capacity from Sichuan"): a move from a place told, to the heading's
            # (not a heading inside the place left: "ألماتي: مزارع التعدين تغادر كازاخستان")
            head = self._heading_place(doc, text, sent, ents)
            if head and _not_going_to(origin, [head]) and not contains(origin, head):
                dest_ids = [head]
        if not dest_ids and self.lang == "ar" and tid == "mig.relocate":
            # "يتوافد المعدنون على قرغيزستان": flocking onto a place
            onto = [p for p in places if trig[1] <= p.start_char <= trig[1] + 40
                    and re.search(r"(?:^|\s)علي\s+$", self._before(doc, p, 8))]
            dest_ids = [self._pid(p) for p in onto[:1] if self._pid(p) != origin]
        if not dest_ids and origin and before:
            # "25 شركة تعمل في إثيوبيا، معظمها انتقل من الصين": where the movers are now
            # (the inner one of "in Laos' Savannakhet province")
            here_now = [self._pid(self._owned_place(places, p) or p) for p in before if self._pid(p) and self._pid(p) != origin
                        and not contains(self._pid(p), origin) and not contains(origin, self._pid(p))]
            dest_ids = here_now[-1:]
        if not dest_ids and isinstance(first_dest, str) and first_dest != origin \
                and not (origin and contains(first_dest, origin)):
            dest_ids = [first_dest]
        if not dest_ids and self.lang == "ar" and _TO_IT_AFTER.match(text, trig[1], trig[1] + 30):
            # "وتستضيف النرويج … بعدما انتقل إليها معدنون": the place the sentence is about
            told = [p for p in places if p.start_char < trig[0] and self._pid(p) != origin
                    and not self._is_orig(doc, p)]
            if told:
                dest_ids = [self._pid(_nearest_head(told))]
                if origin and not origs and _province_of(dest_ids[0]) == _province_of(origin):
                    # "تتفاوض على أرض قرب مدينة تورنيو …، وتعتزم نقل أجهزتها إليها": the place
                    # taken for where they are is the one "إليها" points to
                    origin = None
        if not dest_ids and re.search(r"(?:الي|الى|إلى) هناك|\bthere\b", stext):
            # "Kazakhstan became a hub when Chinese miners moved there": the place the
            # sentence is about, else where the last move went ("a facility in Kazakhstan
            # … shipped 320 machines there": the place "in" is where they went)
            if origin and not origs and not held and before and self._pid(before[-1]) == origin \
                    and re.search(r"\bthere\b", text[trig[1]:win[1]]):
                origin = None
            told = [p for p in places if p.start_char < trig[0] and self._pid(p) != origin
                    and not self._is_orig(doc, p) and not _dateline(text, p)]
            # "… a valley outside Ya'an. He moved his young company there from Xinjiang in
            # 2019": the place the sentence before ends with, unless a move told there (or
            # in this sentence) went somewhere
            prev = [p for p in self._told_before(self._all_places, sent.start_char, 400)
                    if self._pid(p) and self._pid(p) != origin and not _dateline(text, p)] \
                if re.search(r"\bthere\b|(?:^|\s)هناك(?![\u0621-\u064A])", text[trig[1]:win[1]]) else []
            last_near = self._last_move is not None and self._sent_index - self._last_move[1] <= 1
            if told and self.lang == "en":
                # (the nearest: "X, which ran sites in Carabobo, leased space near Cascavel and moved
                # its machines there")
                dest_ids = [self._pid(_nearest_head(told))]
            elif self._last_dest and self._last_dest != origin and (last_near or not prev):
                dest_ids = [self._last_dest]
            elif prev:
                dest_ids = [self._pid(_nearest_head(prev))]
        if not dest_ids and not _TO_ELSEWHERE.search(text, trig[1], win[1]):
            # "- Hrazdan, Armenia: Operators from Kerman moved 4,000 machines into disused
            # buildings in this town": the heading of a list item is where its move goes
            head = self._heading_place(doc, text, sent, self._all_places, move=True)
            if head and head != origin and not contains(head, origin or "") and not contains(origin or "", head):
                dest_ids = [head]
        if not dest_ids and doc._.salient_place and re.search(
                r"(?<![\u0621-\u064A])(?:الي|إلى|الى)\s+البلاد(?![\u0621-\u064A])|\binto\s+the\s+country\b",
                text[trig[1]:win[1]], re.I):
            # "نقلت شركات صينية الأجهزة عبر الحدود إلى البلاد": into the country the article is about
            here_c = doc._.salient_place.split("-")[0]
            if here_c != origin:
                dest_ids = [here_c]
        if not dest_ids and tid == "mig.arrive" and doc._.salient_place:
            # "Many of them arrived from China": they arrived where the article is (not the
            # country of the province they came from: "arrivals came from the Pavlodar region")
            here_c = doc._.salient_place.split("-")[0]
            if here_c != origin and not contains(here_c, origin):
                dest_ids = [here_c]
        if not dest_ids and (tid == "mig.consider" or text[trig[0]:trig[1]].lower() == "went"):
            return []  # "looking at the figures": considering no place is no move
        if tid == "mig.consider" and self.lang == "en" and _PASSED_OVER.search(text, trig[1], sent.end_char):
            return []  # "had also looked at sites in Turkey before settling on Shirak": an option passed over
        again_from = self._again_from(text, sent, trig) if origin is None and dest_ids else None
        if again_from and again_from not in dest_ids \
                and not any(contains(d, again_from) or contains(again_from, d) for d in dest_ids) \
                and _NOW_AGAIN.search(text, trig[0], min(win[1], trig[1] + 40)) \
                and re.search(r"\bagain\b|\bonce\s+more\b|مجدد|من\s+جديد", text[trig[0]:min(win[1], trig[1] + 40)], re.I):
            # "he moved the Armenian fleet again, to … Sohar": a move made again leaves where
            # the last one went
            origin = again_from
        if not dest_ids and not origin:
            if not home or not _tells_mining(text[sent.start_char:sent.end_char], self.lang):
                return []
            # "miners are leaving": a move with no place leaves the country of the article
            # (or the place of a ban told in the same sentence, see __call__)
            origin = home
            origin_default = True
        # the move's own clause tells its status, not a cue's ("had moved … after Kazakh
        # authorities began cutting power") nor the main clause after a relative one ("X,
        # which moved to Bratsk in 2019, said its operations would continue")
        # ("… relocating its machines if the ban goes ahead": a condition tells a plan)
        cut = min([h[2] for h in extra if h[0] == "CUE" and h[1] != "cue.if" and h[2] >= trig[1]] + [win[1]])
        if self.lang == "en" and re.search(r"\b(?:which|who)\s+(?:had\s+|has\s+|have\s+|also\s+|first\s+)*$", before_t):
            m = re.search(r"(?!(?<=\d),\d)[,;]", text[trig[1]:cut])  # (not "2,800")
            if m:
                cut = trig[1] + m.start()
        stated = [h for h in extra if not (h[0].startswith("STATUS") and h[2] >= cut)
                  # ("operators that had planned to expand in Plattsburgh moved …": the plan
                  # is the relative clause's, the move is done)
                  and not (self.lang == "en" and h[0] == "STATUS_PLANNED" and h[3] <= trig[0]
                           and len(re.findall(r"[\w-]+", text[h[3]:trig[0]])) >= 2  # (its own verb)
                           and re.search(r"\b(?:that|who|which)\s+(?:had\s+|has\s+|have\s+)?$",
                                         text[max(0, h[2] - 16):h[2]], re.I))]
        done_spans = [(h[2], h[3]) for h in stated if h[0] == "STATUS_DONE"]
        # ("has been a destination": the planned word inside a done phrase is done)
        kinds = {h[0] for h in stated if not (h[0] == "STATUS_PLANNED" and any(a <= h[2] and h[3] <= b for a, b in done_spans))}
        if "STATUS_DONE" in kinds and "STATUS_PLANNED" not in kinds:
            status = "completed"
        elif tid == "mig.attract":
            status = "completed"  # "Paraguay attracted dozens of companies"
        elif "STATUS_PLANNED" in kinds or tid in ("mig.destination", "mig.consider"):
            status = "planned"
        elif "STATUS_PROGRESS" in kinds:
            status = "in_progress"
        else:
            status = "completed"
        # "قال مسؤول في شركة X إن بعض المعدنين نقلوا": who speaks before "إن" is not the
        # mover (a pronoun after it makes the speaker the mover, see below)
        mover_ents = [e for e in sent_ents if _can_move(e)]
        # who stands before the verb in its clause (not where a mover is listed: "المدرجة في
        # بورصة ناسداك", "listed on Nasdaq")
        before_verb = [e for e in mover_ents if win[0] <= e.start_char and e.end_char <= trig[0]
                       and not _DESCRIBED.search(text, max(0, e.start_char - 40), e.start_char)]
        cands = [e for e in before_verb
                 if not _SAY.search(text, e.end_char, trig[0])
                 and not self._said_by(text, win[0], e, trig)
                 # ("ويخطط معدّنون آخرون، بحسب سليمان، لنقل …": the source is not the mover)
                 and not _SOURCE_BEFORE.search(self._before(doc, e, 24))]
        if not cands and self.lang == "ar":
            # "نقلت شركة "X" أجهزتها إلى …": the subject may follow the verb
            cands = [e for e in mover_ents if trig[1] <= e.start_char <= trig[1] + 30
                     and _SUBJECT_GAP_AR.fullmatch(_fold_range(doc, trig[1], e.start_char))][:1]
        if not cands:
            # "X said it had moved …": the speaker is the mover when a pronoun takes it up
            for e in before_verb:
                m = _SAY.search(text, e.end_char, trig[0]) or self._said_by(text, win[0], e, trig)
                if m and (_PRONOUN.search(text, m.end(), trig[0]) or (
                        # "X said around 4,000 of them were being packed for shipment", "X said
                        # 1,800 of its machines had been sent": what it owns is moved
                        self.lang == "en" and _ITS_MACHINES.search(text, m.end(), trig[0]))):
                    cands.append(e)
        actor = max(cands, key=lambda e: e.start_char) if cands else None
        actor_text = None
        if actor is None and self._we_move(text, sent, trig):
            # "… we are moving to Texas," said the head of X: the speaker's company moves
            actor = self._speaker(text, sent, trig, ents)
        if actor is None:
            grp = _GROUP_AR if self.lang == "ar" else _GROUP_EN
            # not the words of a body's name ("جمعية المعدنين", "Miners Association")
            bodies = [(e.start_char, e.end_char) for e in sent_ents
                      if e.label_ in ("ORGANIZATION", "COMPANY", "REGULATOR")]
            ms = [m for m in grp.finditer(text, sent.start_char, sent.end_char)
                  if not any(a <= m.start() + 1 and m.end() <= b for a, b in bodies)
                  and not _ASIC.search(text, max(0, m.start() - 8), m.start())  # "ASIC miners": machines
                  # "أفاد مستثمرون بأن شريكا لهم يعتزم نقل …": who reports is not who moves
                  and not (self.lang == "ar" and m.end() <= trig[0] and _COMP_AR.search(text, m.end(), trig[0]))]
            # "miners … relocate their rigs": the people move, the machines are moved
            people = [m for m in ms if not _MACHINES.search(m.group(0))]
            pron = _PRONOUN.search(text, sent.start_char, trig[0])
            if pron and (_SAY.search(text, pron.end(), trig[0])
                         or _INDEFINITE_SUBJECT.match(text, sent.start_char, pron.start())):
                pron = None  # "He said most were moving", "A smaller operator said it had shipped"
            if pron is None and self.lang == "ar" and not people:
                # "وفي مطلع 2021 نقلت الشركة نحو 2500 جهاز", "حمل ما تبقى من أجهزته إلى …": the
                # subject after the verb is the firm told of before, or none but its machines
                firm = _THE_FIRM_AR.match(text, trig[1])
                pron = firm or (_ITS_MACHINES_AR.match(text, trig[1]) if not _ONE_MOVER["ar"].search(
                    text, trig[1], min(sent.end_char, trig[1] + 60)) else None)
            if not people and prev_sent is not None and (pron or (
                    # "Kallax Digital is shipping its fleet further. About 1,800 of its machines
                    # have been sent to Hernandarias": what the one named before owns is moved
                    self.lang == "en" and any(m.group(1) for m in _ITS_MACHINES.finditer(text, sent.start_char, trig[0]))
                    and not _INDEFINITE_SUBJECT.match(text, sent.start_char, trig[0]))):
                # "He … flew the rest of the rigs to Texas": the one named before moves them
                # ("الشركة": a firm, not whoever spoke of it)
                kinds = ("COMPANY",) if _THE_FIRM_AR.fullmatch(pron.group(0) if pron else "") else ("PERSON", "COMPANY")
                prev = [e for e in ents if _can_move(e, kinds)
                        and prev_sent.start_char <= e.start_char < sent.start_char]
                if not prev and (re.search(r"\b(?:he|she|his|her)\b", text[sent.start_char:trig[0]], re.I) if self.lang == "en"
                                 else pron is not None and pron.group(0).endswith("ه")):
                    # "Peña ran 140 machines in Maracay. … he decided to leave. "I did not want to be
                    # next," he said. His machines crossed into Brazil": past what he said and did,
                    # the one named before
                    prev = self._named_before_he(doc, text, ents, kinds, prev_sent)
                if (pron is not None and self.lang == "ar" and pron.group(0).endswith("ه")) or (
                        self.lang == "en" and any((m.group(1) or "")[:3].lower() in ("his", "her")
                                                  for m in _ITS_MACHINES.finditer(text, sent.start_char, trig[0]))):
                    # "أجهزته", "his machines": the man's (a firm, شركة, is "ها", "its")
                    prev = [e for e in prev if e.label_ == "PERSON"] or prev
                if prev:
                    actor = prev[-1]
            if actor is None and not people:
                # "An operator from Nalchik said his company planned to move …", "A Cape Town
                # investment fund … sent them to …": one mover, told by what it is
                # (in Arabic the subject may follow the verb: "نقل معدّن من الإسكندرية …")
                one = [m for m in _ONE_MOVER[self.lang].finditer(
                           text, max(win[0], sent.start_char), trig[0] if self.lang == "en" else min(sent.end_char, trig[1] + 60))
                       if not any(a <= m.start(1) < b for a, b in bodies)
                       and (m.end(1) <= trig[0] or 0 <= m.start(1) - trig[1] <= 3)]
                named = [e for e in sent_ents if one and e.label_ == "PERSON" and one[-1].end(1) <= e.start_char <= one[-1].end(1) + 60
                         and _NAMED_AS.search(text, one[-1].end(1), e.start_char)]
                if named:
                    # "نقل معدّن من الإسكندرية يدعى شريف عبد الحميد 350 جهازاً", "A man from Zubin
                    # Potok who gave his name only as Nenad": the name told with it
                    actor = named[0]
                elif one:
                    ms = one[-1:]
                    people = ms
            if actor is None and ms:
                # (machines when no people are named: annotators name "mining rigs" too)
                best = min(people or ms, key=lambda m: abs(m.start() - trig[0]))
                actor_text = (best.group(1) if best.re in _ONE_MOVER.values() else best.group(0)).strip()
                if origin is None and best.re in _ONE_MOVER.values():
                    # ("An operator from Nalchik", "معدن آخر من الوفرة": where the one mover is from)
                    inner = [p for p in sent_ents if p.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(p)
                             and best.start(1) <= p.start_char and p.end_char <= best.end(1)]
                    if inner and _not_going_to(self._pid(inner[-1]), dest_ids):
                        origin = self._pid(inner[-1])
                if origin is None and self.lang == "en":
                    # "Kazakhstan's grey miners head for Russia": the movers' place
                    at = best.start() + len(best.group(0)) - len(best.group(0).lstrip())
                    own = [p for p in sent_ents if p.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(p)
                           and p.end_char < at and _OWNED_BY.fullmatch(text, p.end_char, at)]
                    if own and self._pid(own[-1]) not in dest_ids:
                        origin = self._pid(own[-1])
                if origin is None and self.lang == "ar":
                    # "بعض معدني رفسنجان", "معدنو إيركوتسك": the movers' place, annexed to them
                    own = [p for p in sent_ents if p.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(p)
                           and p.start_char >= best.end() and re.fullmatch(r"\s*", text[best.end():p.start_char])]
                    if own and _not_going_to(self._pid(own[0]), dest_ids):
                        origin = self._pid(own[0])
                        # ("معدّني الدار البيضاء وطنجة": each place joined to it too)
                        last = own[0]
                        for b in sorted(sent_ents, key=lambda e: e.start_char):
                            if b.start_char < last.end_char or b.label_ not in ("COUNTRY", "PROVINCE", "CITY") or not self._pid(b):
                                continue
                            gap = text[last.end_char:b.start_char]
                            if not (re.fullmatch(r"\s*(?:،|,|و)\s*", gap) or (re.fullmatch(r"\s*", gap) and b.text.startswith("و"))):
                                break
                            if _not_going_to(self._pid(b), dest_ids) and self._pid(b) not in more_origins + [origin]:
                                more_origins.append(self._pid(b))
                            last = b
                if self.lang == "ar":
                    actor_text = _unglued(actor_text)
        if origin is None and actor is not None:
            # "Tokmok-based Altai Hash", "Tokmok-based miner Altai Hash": where the movers are based
            based = [p for p in sent_ents if p.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(p)
                     and p.end_char < actor.start_char and _BASED.fullmatch(text, p.end_char, actor.start_char)]
            if based and _not_going_to(self._pid(based[-1]), dest_ids) \
                    and not re.search(r"\bfrom\s+(?:the\s+)?[A-Z]", text[trig[1]:win[1]]):  # (not "… from Acre")
                origin = self._pid(based[-1])
        told_in_clause = bool(origs) and actor is not None and actor.end_char < origs[0].start_char < trig[0]
        if (origin is None or told_in_clause or "-" not in origin) and actor is not None:
            seat = next((p for p in sent_ents if p.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(p)
                         and actor.end_char < p.start_char
                         # ("نقلت شركة "هاش نوفا"، ومقرها باوتو، …": after the subject that follows the verb)
                         and (p.start_char < trig[0] or (self.lang == "ar" and actor.start_char > trig[1]
                                                         and p.start_char - actor.end_char <= 30))
                         and _SEAT_AFTER.match(text[actor.end_char:p.start_char])), None)
            # ("Kaspiy Mining, which hosts machines for clients from Moscow in a warehouse in
            # Derbent, is weighing …": the clients' place is not where the firm leaves)
            # (… or a seat inside the country the move leaves: "… قرب سايانوغورسك …، تدرس نقل
            # أجهزتها إلى خارج روسيا" leaves Khakassia)
            if seat is not None and _not_going_to(self._pid(seat), dest_ids) and (
                    origin is None or contains(origin, self._pid(seat))
                    or (told_in_clause and origs[0].start_char < seat.start_char)):
                origin = _province_of(self._pid(seat))
        if origin is None and self.lang == "en":
            # "A Mae Sot operator said he moved …": the place the mover is named by
            named_by = [p for p in sent_ents if p.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(p)
                        and p.end_char <= trig[0] and (_A_PLACE_NOUN.match(text, p.end_char) or (
                            # "about 1,200 Batam machines went straight to Sarawak"
                            re.match(r"\s+(?:machines|rigs)\b", text[p.end_char:p.end_char + 10])
                            and re.search(r"\d\s+$", text[max(0, p.start_char - 3):p.start_char])))
                        # ("A second Manitoba operator, Red River Hash, is considering a move")
                        and (re.search(r"\b(?:a|an|one|another)\s+(?:(?:second|third|fourth|fifth|smaller|larger|rival|fellow)\s+)?$|\d\s+$",
                                       text[max(0, p.start_char - 16):p.start_char], re.I)
                             # "Since the order, Kerman operator Kavir Block has trucked …": a province's
                             # or town's (a country's is where a firm is based: "Hong Kong hosting firm")
                             or p.label_ in ("PROVINCE", "CITY") and re.search(
                                 r"(?:^|[,;:]\s+)$", text[max(sent.start_char, p.start_char - 4):p.start_char]))]
            if named_by and _not_going_to(self._pid(named_by[-1]), dest_ids):
                origin = self._pid(named_by[-1])
        if origin is None and dest_ids:
            # "أما حميد، وهو معدّن في أصفهان …، فيقول إنه يفكر في نقل …": the speaker's own
            # place when the speaker is the one who moves
            own = [e for e in sent_ents if e.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(e)
                   and e.end_char <= trig[0] and _SPEAKER_OF.search(text, max(0, e.start_char - 90), e.start_char)
                   and _SELF_AFTER.search(text, e.end_char, trig[0])]
            if own and _not_going_to(self._pid(own[-1]), dest_ids):
                origin = self._pid(own[-1])
        if origin is None and self.lang == "en":
            # "the company dismantled its Val-d'Or facility and trucked 2,500 machines to
            # Texas": the site they took down before the move
            down = [p for p in sent_ents if p.label_ in ("COUNTRY", "PROVINCE", "CITY") and self._pid(p)
                    and sent.start_char <= p.start_char and p.end_char <= trig[0]
                    and _SITE_NOUN_EN.match(text, p.end_char)
                    and _TOOK_DOWN.search(text, max(sent.start_char, p.start_char - 40), p.start_char)]
            if down and _not_going_to(self._pid(down[-1]), dest_ids):
                origin = self._pid(down[-1])
        if origin is None and self.lang == "en":
            # "moving part of its Paraguayan fleet into Brazil", "moved the Armenian fleet again":
            # the demonym of what is moved is where it leaves
            m = _DEMONYM_OBJECT.match(text, trig[1], min(win[1], trig[1] + 40))
            pid = self._demonym_fn(doc)(m.group(1)) if m else None
            if pid and pid not in dest_ids and not any(contains(pid, d) for d in dest_ids):
                origin = pid
        # a move into the place it would leave ("وفي إقليم كردستان …، معدنين إيرانيين نقلوا … إلى
        # السليمانية"): the place sets the scene, and the movers' demonym may say where they left
        inside = origin is not None and any(contains(origin, d) for d in dest_ids)
        if origin is None or inside:
            # "Chinese miners", "المعدنون الصينيون": the demonym of the movers is where they leave
            who = actor.text if actor is not None else (actor_text or "")
            ents_pipe = self._demonym_fn(doc)
            for w in who.split():
                pid = ents_pipe(w) if ents_pipe else None
                if inside and (not pid or pid.split("-")[0] == origin.split("-")[0]):
                    continue
                if pid and pid not in dest_ids:
                    # … unless the article's last ban is another country's, which the movers
                    # leave for a third: "Angola banned mining. A group of Chinese miners plans
                    # to move to Congo" leaves Angola (the origin is then told by that ban)
                    last = self._last_ban  # (told in the last three sentences)
                    here_c = last[1].split("-")[0] if last and self._sent_index - last[0] <= 3 else None
                    if not (here_c and here_c != pid.split("-")[0] and dest_ids
                            and all(d.split("-")[0] != here_c and (names().get(d, {}).get("country") or d) != here_c
                                    for d in dest_ids)):
                        origin = pid
                    break
        if origin is None and dest_ids and actor is not None and prev_sent is not None \
                and (prev_sent.start_char <= actor.start_char < sent.start_char or actor.start_char < prev_sent.start_char
                     and not any(e.label_ in ("PERSON", "COMPANY") for e in ents if actor.end_char <= e.start_char < sent.start_char)):
            # "Baikal Mining Group had been running 40 MW at two sites south of Irkutsk. After
            # the decree it took its rigs to Ethiopia": the movers named the sentence before,
            # where that sentence puts their sites
            origin = self._site_told(doc, ents, actor.end_char, sent.start_char, dest_ids)
        if origin is None and dest_ids and prev_sent is not None \
                and re.match(r"\s*(?:the\s+company|the\s+firm|it|they|he|she)\s+(?:[\w'-]+\s+){0,2}$",
                             text[sent.start_char:trig[0]], re.I) \
                and not any(e.label_ in PLACES and sent.start_char <= e.start_char < trig[0] for e in sent_ents):
            # "Its founders previously ran machines in Ekibastuz … The company moved 4,000
            # machines to Navoi": a sentence that opens with the movers as a pronoun leaves
            # where the sentence before put their machines
            origin = self._site_told(doc, ents, prev_sent.start_char, prev_sent.end_char, dest_ids)
        if origin is None and dest_ids and prev_sent is not None and "\n" not in text[prev_sent.end_char - 1:sent.start_char] \
                and not any(e.label_ in PLACES and sent.start_char <= e.start_char < trig[0] for e in sent_ents):
            # "In Abakan, few waited for the ban. Alexei moved his rigs to Minusinsk": the
            # place that opens the sentence before sets the scene of the paragraph's move
            scene = [e for e in ents if e.label_ in ("PROVINCE", "CITY") and self._pid(e)
                     and prev_sent.start_char <= e.start_char < prev_sent.end_char]
            if len(scene) == 1 and _SCENE_BEFORE.fullmatch(text, prev_sent.start_char, scene[0].start_char) \
                    and _SCENE_AFTER.match(text, scene[0].end_char) and _not_going_to(self._pid(scene[0]), dest_ids):
                origin = self._pid(scene[0])
        qty = [e for e in sent_ents if e.label_ == "CAPACITY" and win[0] <= e.start_char < win[1]
               and (e._.kg_value or {}).get("unit") in ("machines", "MW", "GW", "facilities", "mines", "EH/s", "PH/s")]
        quantity = qty[0] if qty else None
        # a date after the cue ("… after the June power cut-off") belongs to the ban
        # ("قبل ثلاث سنوات", "two years ago" are dates, not cues)
        # (nor is "Since 2015" a cue)
        relative = [d for d in sent_ents if d.label_ == "DATE" and (_AGO.search(d.text) or _SINCE.match(d.text))]
        if relative:
            extra = [h for h in extra if not (h[0] == "CUE" and any(d.start_char <= h[2] < d.end_char for d in relative))]
        cue_after = [h[2] for h in extra if h[0] == "CUE" and trig[1] <= h[2] < win[1]]
        # … and one in the clause the cue opens before the move ("بعد أن أمرت … في
        # أيار، نقلت …", "after the May order, X moved …" stays the move's: no comma)
        lo = win[0]
        cue_before = [h[2] for h in extra if h[0] == "CUE" and win[0] <= h[2] < trig[0]]
        if cue_before:
            breaks = [text.rfind(c, cue_before[-1], trig[0]) for c in ",،"]
            lo = max([lo] + [b + 1 for b in breaks if b >= 0])
        # "قبل ثلاث سنوات", "two years ago" date the move told before them, not one after them
        # ("up from nothing two years ago, … firms that fled China")
        # … nor does "since 2019" before the verb ("شركة تعمل في كرمان منذ 2019 تدرس نقل …": how
        # long the movers have been there)
        dated = [e for e in sent_ents if not (e in relative and e.start_char < trig[0])]
        hi = min(cue_after) if cue_after else win[1]
        # "… إلى إثيوبيا، حيث وقّعت العام الماضي اتفاقا", "to Texas, where it bought a site in 2019":
        # a clause about the destination dates something else
        where = _WHERE_CLAUSE.search(text, trig[1], hi)
        if where:
            hi = where.start()
        date = self._date_in(dated, (lo, hi), trig)
        if status == "planned" and date and doc._.published:
            date = _ahead(date, str(doc._.published), [e.text for e in dated if e.label_ == "DATE"
                                                          and e._.kg_value == date and e.start_char > trig[1]])
        other_cause = bool(_OTHER_CAUSE.search(_fold_range(doc, win[0], win[1])))
        # "أصحاب الكسارات نقلوا معداتهم", "moved its recycling plant": the move of another
        # industry (no mining ban sets it off; see kg.linking)
        wtext = text[win[0]:win[1]]
        mining = _tells_mining(wtext, self.lang) or _MACHINES_OF_MINING.search(wtext)
        industry = "mining" if mining else other_industry(wtext)
        cues = [{"text": text[h[2]:h[3]], "start": h[2], "end": h[3], "id": h[1]}
                for h in extra if h[0] == "CUE"
                # ("بعد نقل جزء من أجهزتها", "after moving": a cue that governs the move itself)
                and not (h[3] <= trig[0] and text[h[3]:trig[0]].strip() in ("", "أن", "ان"))
                # "بسبب انخفاض أسعار الكهرباء": the word that gives the other cause ties to no ban
                and not (other_cause and (re.match(r"(?:بسبب|because|due)", text[h[2]:h[3]], re.I)
                                          # … nor the word that opens it ("إثر العقوبات الغربية", "لا بسبب القانون")
                                          or _OTHER_CAUSE.match(_fold_range(doc, h[2], win[1]))
                                          or _OTHER_CAUSE.match(_fold_range(doc, max(win[0], h[2] - 3), win[1]))
                                          # "ألغت … الأسعار التفضيلية، ما دفع X إلى …": a push by that other cause
                                          or (h[1] == "cue.push" and _OTHER_CAUSE.search(_fold_range(doc, sent.start_char, h[2])))))]
        if origin is None and dest_ids and status == "planned" and self._last_move and self._last_move[4] \
                and 0 < self._sent_index - self._last_move[1] <= 2 and _not_going_to(self._last_move[4], dest_ids) \
                and not (actor is not None and actor.label_ == "COMPANY" and self._last_move[2]
                         and actor.text != self._last_move[2]) \
                and re.search(r"\binstead\b|بدلا|بدلاً|عوضا|عوضاً", text[sent.start_char:sent.end_char], re.I):
            # "… had intended to ship 20 MW from its site in Ekibastuz to Ethiopia. … the firm
            # would now look at Oman and Paraguay instead": the plan made again leaves as before
            # (the same mover's, or told by its people: not another company's plan told after it)
            origin = self._last_move[4]
        if origin is None and dest_ids and self.lang == "en":
            # "20 MW of hosted capacity has left the state since the 2024 law": the province
            # told before
            left = _LEFT_THE_PROVINCE.match(text, trig[0], win[1])
            told = self._told_before(self._provinces, trig[0], 800) if left else []
            if told and _not_going_to(self._pid(told[-1]), dest_ids):
                origin = self._pid(told[-1])
        last = self._last_move
        # (further back when a ban of the place the last move went to was told since: "they
        # trucked the machines to Ordos … Inner Mongolia ordered mining to shut down … The family
        # shipped all 1,500 machines to Ekibastuz")
        banned_there = last is not None and self._last_ban is not None and last[1] <= self._last_ban[0] < self._sent_index \
            and (self._last_ban[1] == last[0] or contains(self._last_ban[1], last[0]))
        if origin is None and dest_ids and last is not None and status == "completed" and last[3] == "completed" \
                and tid in ("mig.move", "mig.ship", "mig.take") and last[7] == 1 \
                and 0 < self._sent_index - last[1] <= (12 if _THE_FIRM.match(text, sent.start_char, trig[0]) else 8 if banned_there else 4) \
                and ((actor is None and actor_text is None
                      and not any(e.label_ in ("PERSON", "COMPANY", "ORGANIZATION") and e.start_char < trig[0] for e in sent_ents)
                      # (not others: "Others took their machines to Laos")
                      and not self._group_moves(text, sent, trig, None))
                     # ("In April 2022 he loaded his machines …": the same mover, named before)
                     or (actor is not None and actor.start_char < sent.start_char and actor.text == last[2])) \
                and not re.search(r"انتظار|\bawait|\bwaiting", text[max(sent.start_char, trig[0] - 14):trig[0]]) \
                and not (date and last[6] and date_lt(date, last[6])) \
                and not any(d == last[0] or contains(d, last[0]) or contains(last[0], d) for d in dest_ids):
            # (not a move dated before it: "فشريكه السابق كان قد نقل نصف أجهزتهما إلى دبي في 2019")
            # "… نقل أجهزته إلى أرمينيا. وفي شباط من ذلك العام، نقل 180 آلة إلى كوتايسي": the
            # mover of a story, named no more, leaves where the last move took him (one place:
            # not "… set up in Kazakhstan's Almaty region and Russia's Buryatia")
            origin = last[0]
        if origin and "-" not in origin and origs:
            # "فشركة ناشئة من تونس نقلت أجهزتها من صفاقس إلى أديس أبابا": the place told with
            # "from" inside the country the movers are from (not "Fleeing Caracas's crackdown")
            inner = [self._pid(q) for q in origs if self._pid(q) and self._pid(q) != origin
                     and re.search(r"(?:\bfrom|(?:^|\s)من)\s+(?:\S+\s+)?$", self._before(doc, q, 16))
                     and contains(origin, self._pid(q)) and _not_going_to(self._pid(q), dest_ids)]
            if inner:
                origin = inner[-1]
        if origin is None and dest_ids and actor is not None and actor.label_ in ("COMPANY", "PERSON"):
            # "Li Wenjie, who ran 300 machines in Dali prefecture … Li later moved them to …": a
            # named mover leaves where an earlier sentence placed its machines
            seat = next((self._seats[k] for k in self._mover_keys(actor) if k in self._seats), None)
            if seat is not None and _not_going_to(seat[0], dest_ids) and (seat[1] < self._sent_index or (
                    # "Kaspiy Digital, which runs about 600 rigs near Makhachkala, plans to ship them
                    # to Kazakhstan": the seat told of the subject, before the verb
                    seat[1] == self._sent_index and actor.end_char < trig[0] and any(
                        self._pid(p) == seat[0] and actor.end_char < p.start_char < trig[0] for p in sent_ents))):
                origin = seat[0]
        elif origin is None and dest_ids and actor is None and self._seats and (
                actor_text is None or re.fullmatch(r"(?:it|he|she|they|the\s+(?:company|firm|group|operator|miner))", actor_text, re.I)):
            # "Li Wenjie, who ran 300 machines in Dali … In October he moved them to Laos": the
            # one mover placed in the sentence before, told of again
            last = max(self._seats.values(), key=lambda v: v[1])
            if 0 < self._sent_index - last[1] <= 1 and len({v[0] for v in self._seats.values() if v[1] == last[1]}) == 1 \
                    and _not_going_to(last[0], dest_ids) and not any(
                        e.label_ in ("PERSON", "COMPANY", "ORGANIZATION") and e.start_char < trig[0] for e in sent_ents) \
                    and not _ANOTHER_MOVER.search(text, sent.start_char, trig[0]) and not self._group_moves(text, sent, trig, None):
                # (not "A smaller operator said it had shipped …": another mover)
                origin = last[0]
        # a town the movers leave stands for its province ("من أوردوس" leaves Inner Mongolia,
        # "from Boden" Norrbotten): the graph keeps the town among the sentence's entities
        origin = _province_of(origin)
        more_origins = [_province_of(o) for o in more_origins]
        out = []
        for dest, origin in [(d, o) for o in [origin] + more_origins for d in (dest_ids or [None])]:
            out.append({
                "type": "MIGRATION", "sentence": text[sent.start_char:sent.end_char],
                "start": sent.start_char, "end": sent.end_char,
                "trigger": {"text": text[trig[0]:trig[1]], "start": trig[0], "end": trig[1], "id": tid},
                "_actor_span": actor, "actor_text": actor.text if actor is not None else actor_text,
                "origin": origin, "destination": dest, "_quantity_span": quantity,
                "quantity": quantity._.kg_value if quantity is not None else None,
                "date": date, "status": status, "cues": cues, "_trig": trig, "_win": win,
                "other_cause": other_cause or None,
                "industry": industry,
                "earlier": (_BEFORE_THE_BAN.search(text, trig[1], sent.end_char) is not None) or (
                    not any(c["id"] in ("cue.after", "cue.push") for c in cues) and (
                    (self.lang == "ar" and _PLUPERFECT_AR.search(text, win[0], trig[0]) is not None)
                    or (self.lang == "en" and ((already := _ALREADY_EN.search(text, max(win[0], trig[0] - 20), trig[0])) is not None
                                               # (not "said in a statement that it had already moved": by now)
                                               and not _SAID_THAT.search(text, max(sent.start_char, already.start() - 60), already.start())
                                               or _YEARS_EARLIER_EN.search(text, trig[1], win[1]) is not None)))) or None,
                "_origin_default": origin_default,
            })
        if dest_ids:
            movers = actor.text if actor is not None else actor_text
            self._moves_told.append((dest_ids[-1], self._sent_index, movers, status, origin,
                                     self._group_moves(text, sent, trig, movers), date, len(dest_ids)))
        return out


class _Ent:
    """An entity span with its attributes read once (spaCy computes offsets and
    labels on every access); ``span`` is the underlying spaCy Span, ``text`` the
    doc's text (a span's text is the text between its offsets)."""

    __slots__ = ("span", "start", "end", "start_char", "end_char", "label_", "kb_id_", "ent_id_", "text")

    def __init__(self, span: Span, text: str):
        self.span = span
        self.start, self.end = span.start, span.end
        self.start_char, self.end_char = span.start_char, span.end_char
        self.label_, self.kb_id_ = span.label_, span.kb_id_
        self.ent_id_ = self.kb_id_
        self.text = text[self.start_char:self.end_char]

    @property
    def _(self):
        """The span's extension attributes (``kg_value``)."""
        return self.span._

    def __len__(self) -> int:
        return self.end - self.start


def _compatible_dates(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _depth_id(pid: str | None) -> int:
    return 0 if not pid else (2 if "-" in pid else 1)


def _fold_range(doc: Doc, start: int, end: int) -> str:
    f, _, inv = folded_doc(doc)
    return f[inv[start]:inv[end]]


# between a body and the town it sits in: "the State Council in Beijing", "الحكومة في بكين"
_SEAT_GAP = re.compile(r"\s*(?:in|at|based\s+in|في|ب)\s*", re.I)
_FRONTED_SEAT = re.compile(r"\s*[,،]\s*(?:[\w\u0600-\u06FF]+\s+){0,2}")


def _tells_mining(s: str, lang: str):
    """The first word of ``s`` that says mining or crypto (Arabic is matched folded:
    "المعدّنين", "المشفرة" as "المعدنين", "المشفره"), or None."""
    return _MINING_AR.search(normalize_ar(s)) if lang == "ar" else _MINING_EN.search(s)


def _coarse_moves_told_again(events: list[dict], text: str, lang: str = "en") -> list[dict]:
    """Drop a move that another one tells more precisely: a title's ("raids push crypto
    miners to Thailand and Laos" before "… planned to move his 300 machines to Songkhla"),
    or one of the same or the next sentence ("Many came from Kazakhstan: Altyn Bit moved
    2,000 machines from Ekibastuz to Usolye-Sibirskoye"). Its telling becomes a mention of
    the precise one."""
    moves = [ev for ev in events if ev["type"] == "MIGRATION" and ev.get("destination")]
    drop = set()
    first_break = text.find("\n")  # where the title ends
    lead_at = len(text) - len(text[first_break:].lstrip()) if first_break >= 0 else -1  # the body's first sentence
    for a in moves:
        si = a.get("sentence_index")
        # (a title of two sentences too: "… من الوفرة إلى العبدلي.. ومعدّنون ينقلون أجهزتهم إلى البحرين")
        title = a["start"] < first_break <= a["end"] + 1
        # (a title's move that the body does not tell again says little of status or origin)
        title_only = title and not any(m["start"] > first_break for m in a.get("mentions", []))
        # an English lead sums up what the body tells ("Two of the largest operators … have moved
        # their equipment into neighbouring Colombia", then each firm's town): a group's move, not
        # a firm's. (Arabic leads as often tell a group's own move: "نقل معدّنون محليون …".)
        lead = a["start"] == lead_at and si is not None and not _named_mover(a) and lang == "en"
        for b in moves:
            if b is a or id(b) in drop or (b["destination"] == a["destination"] and b.get("origin") == a.get("origin")) \
                    or b.get("origin") == b["destination"]:
                continue
            near = title and (b.get("sentence_index") or 0) > 0 or (
                lead and b.get("sentence_index") is not None and b["sentence_index"] > si) or (
                not title and b.get("sentence_index") is not None and si is not None and 0 <= b["sentence_index"] - si <= 1)
            if near and contains(a["destination"], b["destination"]) \
                    and (a.get("origin") is None or (b.get("origin") and contains(a["origin"], b["origin"]))
                         or (b.get("origin") is None and (lead or title_only))) \
                    and bool(a.get("earlier")) == bool(b.get("earlier")) \
                    and (bool(a.get("other_cause")) == bool(b.get("other_cause")) or a.get("sentence_index") == si == b.get("sentence_index")) \
                    and (a.get("status") == b.get("status") or a.get("status") == "planned" or title_only):
                # (one sentence's two verbs of one move share its cause: "came to Tana from Iceland in
                # 2018, moving its first 2 megawatts to Finnmark because power there was cheaper")
                # (a move done is not told again by one planned: "miners … moved thousands of machines
                # into Russia's Smolensk region" and "Dvina Hash … planned to move it to Smolensk";
                # a title alone says little of status: "…, pushing rigs toward Leningrad region")
                drop.add(id(a))
                if lead and b.get("origin") is None and a.get("origin"):
                    b["origin"] = a["origin"]  # (the lead told where they left; a title only roughly)
                b.setdefault("mentions", []).append({"start": a["start"], "end": a["end"], "sentence_index": si})
                break
    # "… منذ الانتقال إلى تونس", "since the move to Tunisia": the move told before, named again
    # by its noun (with no origin and no amount of its own)
    for a in moves:
        t0 = a["trigger"]["start"]
        if id(a) in drop or a.get("origin") or a.get("quantity") or not _THE_MOVE.fullmatch(a["trigger"]["text"]) \
                or (lang == "en" and not re.search(r"\bthe\s+$", text[max(0, t0 - 5):t0], re.I)):
            continue
        told = [b for b in moves if b["start"] < a["start"] and id(b) not in drop and b is not a
                and contains(a["destination"], b["destination"])]
        if told:
            drop.add(id(a))
            told[-1].setdefault("mentions", []).append({"start": a["start"], "end": a["end"],
                                                        "sentence_index": a.get("sentence_index")})
    return [ev for ev in events if id(ev) not in drop]


def _mover_words(ev: dict) -> str | None:
    """The words a move's mover is told by (a named one's, else a group's), folded."""
    sp = ev.get("_actor_span")
    words = sp.text if sp is not None else ev.get("actor_text")
    return words.strip().lower() if words else None


def _named_mover(ev: dict) -> bool:
    """Whether a move's mover is named (a company, a person), not a group ("operators")."""
    sp = ev.get("_actor_span")
    return sp is not None and sp.label_ in ("COMPANY", "PERSON", "ORGANIZATION")


def _coarse_title_bans(events: list[dict], text: str) -> list[dict]:
    """Drop a title's ban of a country whose body tells no ban of that country but bans
    of places inside it ("Tajikistan's north pulls the plug on crypto miners" over
    "Power officials in … Sughd region ordered …"): the title told them less precisely.
    Its telling becomes a mention of the body's first such ban."""
    first_break = text.find("\n")
    if first_break < 0:
        return events
    bans = [ev for ev in events if ev["type"] == "BAN" and ev.get("jurisdiction")]
    drop = set()
    for a in bans:
        c = a["jurisdiction"]
        if a["start"] >= first_break or "-" in c or any(m["start"] > first_break for m in a.get("mentions", [])):
            continue  # (a ban the body tells again is the body's too)
        body = [b for b in bans if b["start"] > first_break and contains(c, b["jurisdiction"])]
        b = next((b for b in body if b.get("status") == a.get("status")), None)
        if b is not None and all(x["jurisdiction"] != c for x in body):
            drop.add(id(a))
            b.setdefault("mentions", []).append({"start": a["start"], "end": a["end"],
                                                 "sentence_index": a.get("sentence_index")})
    return [ev for ev in events if id(ev) not in drop]


def _dedupe_events(events: list[dict]) -> list[dict]:
    """One ban per (sentence, jurisdiction) and one migration per (sentence, origin, destination).

    A move with no destination ("miners are leaving China") is dropped when the
    article also tells where movers from that origin go: it is the same
    migration, told less precisely.
    """
    specific = {ev.get("origin") for ev in events if ev["type"] == "MIGRATION" and ev.get("destination")}
    # ("the miners who fled Inner Mongolia went to Sichuan": "fled" leaving China tells the
    # sentence's move from Inner Mongolia again)
    inner = {(ev["start"], ev.get("origin")) for ev in events if ev["type"] == "MIGRATION" and ev.get("destination")}
    events = [ev for ev in events if not (ev["type"] == "MIGRATION" and not ev.get("destination") and (
        ev.get("origin") in specific
        or any(s == ev["start"] and o and contains(ev.get("origin"), o) for s, o in inner)))]
    # one ban per (jurisdiction, action): later mentions of it become its mentions
    merged: list[dict] = []
    for ev in events:
        if ev["type"] == "BAN":
            same = next((b for b in merged if b["type"] == "BAN" and b.get("jurisdiction") == ev.get("jurisdiction")
                         and (b.get("target") == ev.get("target") or "crypto" in (b.get("target"), ev.get("target")))
                         and b.get("status") == ev.get("status")
                         and (not b.get("date") or not ev.get("date")
                              or b["date"].startswith(ev["date"]) or ev["date"].startswith(b["date"]))), None)
            if same is not None:
                if ev["start"] != same["start"] and all(m["start"] != ev["start"] for m in same.get("mentions", [])):
                    same.setdefault("mentions", []).append(
                        {"start": ev["start"], "end": ev["end"], "sentence_index": ev.get("sentence_index")})
                if not same.get("date") and ev.get("date"):
                    same["date"] = ev["date"]
                if same.get("target") == "crypto":
                    same["target"] = ev.get("target")
                if same.get("_authority_span") is None and ev.get("_authority_span") is not None:
                    same["_authority_span"] = ev["_authority_span"]
                continue
        elif ev["type"] == "MIGRATION" and ev.get("destination"):
            same = next((m for m in merged if m["type"] == "MIGRATION" and m.get("destination") == ev["destination"]
                         and (m.get("origin") == ev.get("origin") or not m.get("origin") or not ev.get("origin"))
                         and _compatible_dates(m.get("date"), ev.get("date"))
                         # a move told as earlier, or for another cause, is another move
                         and bool(m.get("earlier")) == bool(ev.get("earlier"))
                         and bool(m.get("other_cause")) == bool(ev.get("other_cause"))
                         and (m.get("_actor_span") is None or ev.get("_actor_span") is None
                              or m["_actor_span"].text == ev["_actor_span"].text)
                         # ("Several operators moved machines to Namibia" and, paragraphs on, "Desert
                         # Hash relocated from Johannesburg" to Windhoek: two movers in the body, the
                         # one's origin not the other's)
                         and not (_mover_words(m) and _mover_words(ev) and _mover_words(m) != _mover_words(ev)
                                  and bool(m.get("origin")) != bool(ev.get("origin"))
                                  and min(m.get("sentence_index") or 0, ev.get("sentence_index") or 0) > 0)
                         and m.get("status") == ev.get("status")), None)
            if same is not None:
                # the same move told twice (a title and its paragraph): one event, both mentions
                for k in ("origin", "date", "quantity", "_quantity_span", "_actor_span", "actor_text"):
                    if not same.get(k) and ev.get(k):
                        same[k] = ev[k]
                same["cues"] = same.get("cues", []) + [c for c in ev.get("cues", []) if c not in same.get("cues", [])]
                if ev["start"] != same["start"] and all(m["start"] != ev["start"] for m in same.get("mentions", [])):
                    same.setdefault("mentions", []).append(
                        {"start": ev["start"], "end": ev["end"], "sentence_index": ev.get("sentence_index")})
                continue
        merged.append(ev)
    events = merged
    seen, out = set(), []
    for ev in events:
        key = (ev["type"], ev["start"], ev.get("jurisdiction"), ev.get("origin"), ev.get("destination"))
        if key in seen:
            continue
        seen.add(key)
        out.append(ev)
    return out


_OTHER_CAUSE = re.compile(
    r"\bfor\s+tax\s+reasons|\b(?:nothing|little)\s+to\s+do\s+with|\bunrelated\s+to\s+the\s+(?:ban|crackdown)|"
    # "citing labour shortages", "citing lower costs": a reason of its own
    r"\bciting\s+(?:\w+\s+){0,2}(?:labou?r|workers?|staff|wages?|costs?|taxes|rents?|shortages?|logistics|customers?|markets?|demand)\b|"
    r"(?:للحصول علي|بحثا عن|بحثاً عن|سعيا|للاستفاده من|بسبب (?:رخص|انخفاض)|جذبت?ه?م?)\s*(?:\S+\s+){0,2}(?:كهرباء|الكهرباء|الطاقه|طاقه)"
    r"|بسبب\s+(?:\S+\s+)?(?:الكهرباء|الطاقه)\s+(?:المنخفضه|الرخيصه|الارخص)"
    r"|\b(?:for|to\s+get|to\s+take\s+advantage\s+of|attracted\s+by|lured\s+by|drawn\s+by|in\s+search\s+of"
    r"|because\s+of|due\s+to|thanks\s+to)\s+(?:the\s+)?(?:cheap(?:er)?|low(?:er)?|abundant|subsidi[sz]ed)\s+"
    r"(?:(?:hydro|renewable|solar|wind)\s*)?(?:power|electricity|energy)"
    # "because power in Texas was cheaper", "because electricity there cost a third as much"
    r"|\bbecause\s+(?:the\s+)?(?:power|electricity|energy)\s+(?:(?:in|at|there|here)\s+)?(?:\w+\s+){0,2}?(?:was|is|were|are)\s+"
    r"(?:(?:so|much|far|a\s+lot)\s+)?(?:cheap(?:er)?|inexpensive|less\s+expensive)\b"
    # a move made every season, year after year, is a habit, not an effect
    r"|\b(?:every|each)\s+(?:summer|winter|spring|autumn|fall|year|season|wet\s+season|dry\s+season)\b"
    r"|(?<![\u0621-\u0652\u0670])كل\s+(?:صيف|شتاء|ربيع|خريف|عام|سنه|موسم)(?![\u0621-\u0652\u0670])"
    # "chasing a lower all-in power cost … rather than reacting to any restriction"
    r"|\b(?:chasing|seeking|in\s+search\s+of)\s+(?:a\s+|the\s+)?(?:lower|cheaper)\s+(?:[\w-]+\s+)?(?:power|electricity|energy)\s+(?:costs?|prices?|rates?|tariffs?|bills?)"
    r"|\brather\s+than\s+(?:reacting|responding)\s+to\b"
    # the end of a discount ("ألغت … أسعار الكهرباء التفضيلية", "scrapped the preferential power
    # price"): dearer power is no ban
    r"|(?<![\u0621-\u0652\u0670])(?:الغت|الغي|الغاء|بالغاء|انهت|انهاء)\s+(?:\S+\s+){0,4}?(?:اسعار|سعر|تعرفه|تعريفه|التعرفه|الاسعار|السعر)\s+(?:\S+\s+){0,2}?(?:التفضيليه|المخفضه|المدعومه|التشجيعيه)"
    r"|\b(?:end(?:ed|ing|s)?|scrap(?:ped|s|ping)?|abolish(?:ed|es|ing)?|withdr(?:ew|awn|aw)|the\s+end\s+of)\s+(?:\w+\s+){0,3}?(?:preferential|discounted|subsidi[sz]ed)\s+"
    r"(?:power\s+|electricity\s+)?(?:prices?|rates?|tariffs?)"
    # sanctions, war, clashes; "لا بسبب القانون، بل بسبب الاشتباكات": a cause that is no ban
    r"|\b(?:because\s+of|after|due\s+to|following|amid|in\s+response\s+to)\s+(?:the\s+)?(?:(?:western|us|u\.s\.|eu|european|new)\s+)?"
    r"(?:sanctions|war|fighting|clashes|conflict|invasion)\b"
    r"|(?<![\u0621-\u0652\u0670])(?:بسبب|اثر|إثر|بعد|جراء|عقب|نتيجه)\s+(?:ال)?(?:عقوبات|حرب|الحرب|اشتباكات|الاشتباكات|النزاع|القتال|المعارك|العمليات العسكريه)"
    r"|(?<![\u0621-\u0652\u0670])لا\s+بسبب\s+(?:ال)?(?:قانون|حظر|قرار|حمله)"
    # "لا علاقة لهذا المسار بأي قرار رسمي", "لم تكن الخطوة هروباً من أي قرار": no ban behind it
    r"|(?<![\u0621-\u0652\u0670])لا\s+علاقه\s+(?:\S+\s+){0,3}?ب(?:اي\s+)?(?:ال)?(?:قرار|حظر|حمله|قانون|قيود)"
    r"|(?<![\u0621-\u0652\u0670])(?:لم|ليس|ليست|لا)\s+(?:\S+\s+){0,4}?(?:هروبا|هربا|فرارا)\s+من\s+(?:اي\s+)?(?:ال)?(?:قرار|حظر|حمله|قانون|قيود)", re.I)


def _clause_breaks(text: str, lo: int, hi: int) -> list:
    """The clause breaks that start in ``text[lo:hi]`` (each may run on past ``hi``)."""
    return [m for m in _CLAUSE.finditer(text, lo, min(len(text), hi + 40)) if m.start() < hi]


def _place_at(starts: list, ents: list, at: int) -> bool:
    """Whether a place entity starts at offset ``at`` (after "the ", "و" or spaces)."""
    i = bisect_left(starts, at)
    return i < len(ents) and ents[i].label_ in PLACES and ents[i].start_char - at <= 5


def _ahead(date: str, published: str, texts: list[str]) -> str:
    """A month a planned move names without its year, after its verb ("plans to move its
    rigs to Texas in October", written in July), is the coming one, not the last;
    ``texts`` are the DATE spans that gave ``date`` there."""
    if len(date) < 7 or date[:7] >= published[:7] or not texts or any(
            re.search(r"\d{4}|\b(?:last|previous|ago|earlier)\b|الماضي|السابق|المنصرم", t, re.I) for t in texts):
        return date
    return f"{int(date[:4]) + 1}{date[4:]}"


def _town_to_place(ev: dict) -> None:
    """A town a move goes to stands for its province ("from Xinjiang to Ekibastuz" goes to
    Pavlodar region, "من أوردوس إلى تشنغدو" to Sichuan, "to Hernandarias, Paraguay" to Alto
    Paraná): flows run between ISO 3166 places. The town is kept as ``destination_city``."""
    town = ev.get("destination")
    info = names().get(town) if town else None
    if not info or info.get("type") != "CITY":
        ev["destination_city"] = None
        return
    ev["destination_city"] = town
    ev["destination"] = _province_of(town)


def _body_place(kb: str) -> str | None:
    """Where a known body acts: its province when it is a province's (Hydro-Québec,
    Sarawak Energy), else its country."""
    info = names().get(kb, {})
    parent = info.get("parent") or ""
    return parent if "-" in parent and info.get("type") in ("COMPANY", "REGULATOR", "ORGANIZATION") else info.get("country")


def _into_its_origin(text: str, moves: list[dict]) -> None:
    """Mend the moves of one sentence whose destination holds their origin, a place that
    only locates another:

    - "left Ordos, in Inner Mongolia, …": a leaver's destination that holds the town it
      leaves is dropped;
    - "from its farms in Xinjiang to Texas … 'staying in China'": a move "to" the country
      holding its origin, beside the trigger's real destination, is dropped;
    - "warehouses outside Zugdidi now house machines brought in from the other side": an
      origin in the destination's own province is none (unless "from the south of X to its
      north"), and the move is dropped when another of the sentence goes there.
    """
    for a in moves:
        origin, dest = a.get("origin"), a.get("destination")
        if not origin or not dest:
            continue
        if contains(dest, origin) and re.fullmatch(r"left|leav(?:e|es|ing)|fled|flee(?:s|ing)?", a["trigger"]["text"], re.I):
            a["destination"] = None
        elif dest != origin and contains(dest, origin) and "-" not in dest \
                and any(b is not a and b.get("destination") and b["_trig"] == a["_trig"] for b in moves):
            a["_merged"] = True
        elif origin == _province_of(dest) and not _FROM_PART.search(text, a["_trig"][0], a["_win"][1]):
            a["origin"] = None
            if any(b is not a and b.get("destination") and _province_of(b["destination"]) == _province_of(dest)
                   for b in moves):
                a["_merged"] = True


def _nearest_head(told: list) -> "_Ent":
    """The place of ``told`` (in text order) that "there" or "إليها" points back to: the
    nearest, or the place that nearest one only locates ("… قرب يريفان، عاصمة أرمينيا، على أن
    ينقل أجهزته إليها" is Yerevan, not Armenia)."""
    near = told[-1]
    for p in reversed(told[:-1]):
        if near.start_char - p.end_char <= 40 and p.kb_id_ and near.kb_id_ and contains(near.kb_id_, p.kb_id_):
            near = p
        else:
            break
    return near


def _not_going_to(pid: str | None, dest_ids: list) -> bool:
    """Whether the movers' place ``pid`` is none of the places they go to (compared at
    the province: a town and its province are one place here)."""
    return _province_of(pid) not in [_province_of(d) for d in dest_ids]


# a clause that describes the place before it: "to Herat, a border city that imports its
# power from Iran", "إلى هرات، المدينة الحدودية التي تستورد معظم كهربائها من إيران"
_DESCRIBING = re.compile(r"\s*[,،]\s*(?:(?:a|an|the)\s+)?(?:[^,،.;:]{0,40}?\s)?(?:that|which|whose|التي|الذي|اللذين)\s"
                         r"[^,،.;:]*?(?:from|من)\s+(?:the\s+)?(?:neighbou?ring\s+)?", re.I)
_WHERE_IT_IS = re.compile(r"\s*(?:[,،]\s*)?(?:(?:in|في)\s+(?:the\s+)?(?:(?:" + _SIDES_EN + r")\s+)?|ب)?", re.I)
_RELATIVE = re.compile(r"[,،]\s*(?:which|who|that|where|التي|الذي|الذين|حيث)\b[^,،.]*$", re.I)


def _in_relative_clause(text: str, at: int, trig: int) -> bool:
    """Whether offset ``at`` lies in a closed ", which …," clause that the trigger at
    ``trig`` is not part of."""
    m = _RELATIVE.search(text, max(0, at - 120), at)
    if m is None or m.start() <= trig < at:
        return False
    return re.search(r"[,،]", text[at:at + 150]) is not None



_TELL_AR = re.compile(r"(?<![\u0621-\u0652\u0670])[وف]?(?:قال|قالت|يقول|تقول|افاد|أفاد|افادت|أفادت|ذكر|ذكرت|اكد|أكد|اكدت|أكدت"
                      r"|اوضح|أوضح|اوضحت|أوضحت|اعلن|أعلن|اعلنت|أعلنت|اشار|أشار|اشارت|أشارت|يروي|تروي|روى"
                      # (who estimates or believes tells too: "يقدّر تجار في سوق دمشق أن …")
                      r"|[يت]?قد\u0651?ر|قد\u0651?رت|يرى|ترى|رأى|يعتقد|تعتقد|يعتبر|تعتبر)(?![\u0621-\u0652\u0670])")


# whom a power cut reaches when it is rationing for everyone, not a ban on mining: "عن أحياء",
# "to households", "on homes and businesses"
_TO_HOMES = re.compile(r"[^.،,;؛]{0,30}?(?:(?<![\u0621-\u0652\u0670])(?:عن|على|الى|إلى|لـ?)\s*"
                       # "عن بعض الأحياء", "عن كل المنازل" (not "عن عشرات المنازل" used for mining: a crackdown)
                       r"(?:(?:بعض|كل|كافة|جميع|معظم)\s+)?(?:ال)?(?:أحياء|احياء|منازل|"
                       r"بيوت|مشتركين|مواطنين|سكان|مناطق\s+السكني[ةه])(?![\u0621-\u0652\u0670])"
                       r"|\b(?:to|on|for)\s+(?:(?:all|most|many|some)\s+)?(?:households|homes|residents|neighbou?rhoods|residential\s+\w+"
                       # "rationed power to all heavy industry, including cement and steel plants"
                       r"|(?:heavy\s+)?(?:industry|industries|factories|industrial\s+(?:users|consumers|customers)))\b)", re.I)


def _can_move(e: Span, kinds: tuple = ("PERSON", "COMPANY")) -> bool:
    """Whether ``e`` can be the mover of a migration: a person or company of ``kinds``, and
    no power utility ("Hydro-Québec", "ANDE", "توانير", marked ``utility`` in the gazetteer:
    it cuts the miners' power or sells it to them, and moves no machines of its own)."""
    return e.label_ in kinds and not names().get(e.kb_id_ or "", {}).get("utility")


def _told_frame(text: str, lo: int, at: int, lang: str) -> tuple[int, int] | None:
    """Where the teller of a move at ``at`` is named, when someone else tells it ("A
    shipping agent in Dubai said miners had moved …", "قال تاجر في دبي إن المعدنين نقلوا …"):
    the span from the teller to the verb (English) or from the verb to "إن" (Arabic); None
    when there is none or the tellers move ("… said they had moved", "قال إنه نقل …"). A
    place fronted before it sets the scene of both and is not in it ("وفي تبريز، قال تاجر
    إن زبائنه في المدينة نقلوا …")."""
    says = list((_TELL_AR if lang == "ar" else _SAY).finditer(text, lo, at))
    if not says:
        return None
    say = says[-1]
    if lang == "ar":
        comp = _COMP_AR.search(text, say.end(), min(at, say.end() + 60))
        return (say.start(), comp.start()) if comp and text[comp.end():comp.end() + 1].isspace() else None
    told = text[say.end():at]
    if not re.match(r"\s+[A-Za-z]", told) or re.search(
            r"\b(?:he|she|they|it|we|i|its|their|his|her|our|the\s+company|the\s+firm)\b", told, re.I):
        return None  # ("X, a trader said, moved …"; "X said in a statement that it would move …")
    breaks = [lo + m.end() for m in re.finditer(r"[,;:—–]", text[lo:say.start()])]
    return (max([lo] + breaks), say.start())


def _unglued(words: str) -> str:
    """Arabic group words without the clitic glued to their first word:
    "للمعدنين" -> "المعدنين", "وبعض المعدنين" -> "بعض المعدنين"."""
    if words.startswith("لل") and len(words.split()[0]) > 4:
        return "ال" + words[2:]
    if words[:1] in "وفبل" and words[1:3] in ("ال", "بع", "كث", "عد", "مع", "مش", "شر", "رج"):
        return words[1:]
    return words


def _word_edges(s: str, a: int, b: int) -> bool:
    ar = lambda c: "\u0600" <= c <= "\u06ff"
    left_ok = a == 0 or not ar(s[a - 1]) or s[a - 1] in "وفبل" and (a < 2 or not ar(s[a - 2]))
    right_ok = b >= len(s) or not ar(s[b]) or s[b:b + 1] in ("ه", "ا", "ت", "و", "ي", "ن") and (
        b + 1 >= len(s) or not ar(s[b + 1]) or s[b:b+2] in ("ها", "هم", "ات", "ون", "ين", "وا")
        # a verb's ending and its object: "وشحنتها", "نقلوها"
        or s[b:b+3] in ("تها", "تهم", "وها", "وهم", "ناه") and (b + 3 >= len(s) or not ar(s[b + 3])))
    return left_ok and right_ok
