"""Synthetic news for benchmarks: N articles as JSON Lines, Arabic and English.

Builds realistic corpora of any size by recombining the samples' sentences
with other places, companies, dates and numbers:

1. once per process, every sample article under ``samples/`` (read with
   :func:`ingest.readers.read_paths`) goes through the pipeline
   (:func:`ingest.pipeline.extract`); its sentences become templates whose
   entity spans (places, companies, organisations, regulators, people, dates,
   capacities) are slots. The template sentences of :data:`TEMPLATES`
   (written for this project) join the pool the same way. Sentences that
   report a BAN or a MIGRATION are kept apart, so every article can tell
   both.
2. each article takes a title and about 180-420 words of one language from
   several samples, shaped like the news of the development set (about 240
   words, two bans and two moves per article): a lead, up to one more ban
   and one more move sentence, then context sentences, in paragraphs
   separated by blank lines
   after a wire dateline (``Almaty, Kazakhstan — ``), and fills the slots:
   places, companies, organisations and regulators from the gazetteer
   (:func:`ingest.gazetteer.names`, same type, same language, consistent
   within the article: a province and its country stay together), people
   from a built-in list of names, dates re-rendered with another day, month
   and year in the same surface form (``June 18`` -> ``Sept. 4`` or
   ``September 4`` by the article's house style, ``حزيران/يونيو 2021`` ->
   ``آذار/مارس 2022``), numbers with others of a similar size.

The graph grows the way a real corpus would: many articles, a large but
bounded set of entities (a skewed draw, so a few places and companies come
up often). The output is deterministic for a given ``--seed``.

Usage::

    python bench/corpus.py 1000 > bench/corpus-1k.jsonl
    python bench/corpus.py 200 --lang ar --seed 7 -o ar.jsonl

Examples
--------
>>> arts = list(generate(4, seed=1))
>>> [a["lang"] for a in arts]
['ar', 'en', 'ar', 'en']
>>> len({a["id"] for a in arts})
4
>>> arts[1]["id"]
'bench-en-000001'
>>> sorted(arts[0])
['id', 'lang', 'published', 'text', 'title']
>>> 150 <= len(arts[1]["text"].split()) <= 600
True
>>> arts == list(generate(4, seed=1))
True
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

__all__ = ["TEMPLATES", "generate", "main", "sentence_pool", "vocabulary"]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = ROOT / "samples"

# Slots: {org} mining company, {reg} regulator, {src} origin province,
# {dst} destination country, {dst_city} a city in it, {n} count, {mw} megawatts,
# {pct} percent, {month} month name, {year} year, {day} weekday.
TEMPLATES: dict[str, dict[str, list[str]]] = {
    "en": {
        "title": [
            "{reg} orders mining farms in {src} to shut down",
            "{org} moves its machines to {dst}",
            "Miners leave {src} after the power cut",
            "{dst} welcomes crypto miners as {src} closes its farms",
            "Power cut-off in {src} sends miners looking for new homes",
            "{org} bets on {dst} after the crackdown in {src}",
        ],
        "ban": [
            "On {day}, {reg} ordered all cryptocurrency mining farms in {src} to halt operations.",
            "Authorities in {src} cut off power to {n} mining sites in {month} {year}.",
            "{reg} announced a ban on bitcoin mining in {src}, citing energy use.",
            "The crackdown in {src} began in {month} {year}, when officials shut down farms "
            "using {mw} megawatts.",
            "In {month} {year} the government of {src} ordered utilities to stop supplying "
            "electricity to cryptocurrency miners, saying the farms strained the grid.",
            "Officials in {src} said on {day} that they would close every unlicensed mining "
            "farm by the end of {month}.",
        ],
        "migration": [
            "{org} said it had shipped {n} mining machines from {src} to {dst} by {month} {year}.",
            "After the order, {org} moved part of its operations to {dst_city} in {dst}.",
            "{org} plans to relocate {n} rigs to {dst} over the coming months.",
            "Several miners, including {org}, have already resumed work in {dst}.",
            "Trucks carrying {n} machines left {src} for {dst} in {month} {year}, "
            "according to people familiar with the shipments.",
            "{org} is moving its remaining servers from {src} to a {mw} MW site near "
            "{dst_city}.",
        ],
        "context": [
            "{src} had accounted for about {pct} percent of the network's computing power.",
            "Electricity in {dst} costs less than in most of the region, analysts said.",
            "The price of bitcoin fell {pct} percent in the week after the announcement.",
            "Industry groups expect the migration to take until the end of {year}.",
            "A spokesperson for {org} declined to comment on the cost of the move.",
            "Mining rigs are specialised computers that run day and night, and a large farm "
            "can use as much power as a small town.",
            "Local officials in {dst_city} said the new farms would bring jobs and tax revenue, "
            "but residents have complained about the noise.",
            "Shares of {org} rose {pct} percent on {day} after the company published its "
            "quarterly output figures.",
            "Analysts at {org} estimate that the network's hash rate recovered within "
            "a few months as machines were switched back on abroad.",
            "The grid operator in {dst} has warned that demand from data centres could "
            "outstrip supply during the winter.",
            "\"It's cheaper to move than to wait,\" a farm manager in {dst_city} said, asking "
            "not to be named because he wasn't authorised to speak to the press.",
            "\"We don't know when the power will come back,\" said one operator, who has "
            "already sold part of his fleet.",
            "The move — the largest since {year} — has pushed up the price of second-hand "
            "rigs in {dst}.",
            "Hosting fees in {dst_city} have roughly doubled, brokers said, and some sites "
            "aren't taking new customers until {month}.",
        ],
    },
    "ar": {
        "title": [
            "{reg} تأمر بإغلاق مزارع التعدين في {src}",
            "{org} تنقل أجهزتها إلى {dst}",
            "المعدّنون يغادرون {src} بعد قطع الكهرباء",
            "{dst} تستقبل معدّني العملات المشفرة بعد إغلاق المزارع في {src}",
            "قطع الكهرباء في {src} يدفع المعدّنين إلى البحث عن وجهة جديدة",
            "{org} تراهن على {dst} بعد الحملة في {src}",
        ],
        "ban": [
            "أمرت {reg} يوم {day} جميع مزارع تعدين العملات المشفرة في {src} بوقف العمل.",
            "قطعت السلطات في {src} الكهرباء عن {n} موقعاً للتعدين في {month} {year}.",
            "أعلنت {reg} حظر تعدين البيتكوين في {src} بسبب استهلاك الطاقة.",
            "بدأت الحملة في {src} في {month} {year} حين أغلق المسؤولون مزارع تستهلك "
            "{mw} ميغاواط.",
            "وفي {month} {year} أمرت حكومة {src} شركات الكهرباء بالتوقف عن تزويد مزارع "
            "العملات المشفرة بالطاقة، قائلة إنها تثقل الشبكة.",
            "وقال مسؤولون في {src} يوم {day} إنهم سيغلقون كل مزارع التعدين غير المرخصة "
            "بحلول نهاية {month}.",
        ],
        "migration": [
            "قالت {org} إنها نقلت {n} جهاز تعدين من {src} إلى {dst} بحلول {month} {year}.",
            "بعد القرار نقلت {org} جزءاً من عملياتها إلى {dst_city} في {dst}.",
            "تعتزم {org} نقل {n} جهاز إلى {dst} خلال الأشهر المقبلة.",
            "استأنف عدد من المعدّنين، بينهم {org}، العمل في {dst}.",
            "وغادرت شاحنات تحمل {n} جهاز {src} متجهة إلى {dst} في {month} {year}، "
            "بحسب أشخاص مطلعين على الشحنات.",
            "وتنقل {org} ما تبقى من خوادمها من {src} إلى موقع بقدرة {mw} ميغاواط قرب "
            "{dst_city}.",
        ],
        "context": [
            "كانت {src} تستحوذ على نحو {pct} بالمئة من القدرة الحاسوبية للشبكة.",
            "يقول محللون إن الكهرباء في {dst} أرخص منها في معظم دول المنطقة.",
            "تراجع سعر البيتكوين {pct} بالمئة في الأسبوع الذي تلا الإعلان.",
            "تتوقع مجموعات القطاع أن يستمر الانتقال حتى نهاية عام {year}.",
            "رفض متحدث باسم {org} التعليق على كلفة النقل.",
            "وأجهزة التعدين حواسيب متخصصة تعمل ليلاً ونهاراً، وقد تستهلك المزرعة الكبيرة "
            "من الكهرباء ما تستهلكه بلدة صغيرة.",
            "وقال مسؤولون محليون في {dst_city} إن المزارع الجديدة ستوفر وظائف وعائدات ضريبية، "
            "لكن السكان اشتكوا من الضجيج.",
            "وارتفع سهم {org} بنسبة {pct} بالمئة يوم {day} بعد أن نشرت الشركة أرقام "
            "إنتاجها الفصلية.",
            "ويقدّر محللون أن القدرة الحاسوبية للشبكة تعافت في غضون أشهر قليلة بعد إعادة "
            "تشغيل الأجهزة في الخارج.",
            "وحذّر مشغل الشبكة في {dst} من أن طلب مراكز البيانات قد يتجاوز العرض خلال الشتاء.",
            "ويقول خبراء إن الطاقة الرخيصة — لا البرد وحده — هي ما يجذب المعدّنين إلى {dst}.",
            "وقال مدير مزرعة في {dst_city}، طالباً عدم كشف اسمه، إن \"الانتقال أرخص من الانتظار\".",
            "وارتفعت رسوم الاستضافة في {dst_city} إلى نحو الضعف، بحسب وسطاء، وتوقفت بعض "
            "المواقع عن قبول عملاء جدد حتى {month}.",
        ],
    },
}

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "ar": ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
           "حزيران/يونيو", "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
           "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"],
}
# the same months as Egypt and the Gulf write them (one word), and in the Levant
_MONTHS_AR_ONE = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
                  "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
# AP style, for a month followed by a day ("Jan. 4, 2022", "Sept. 22")
_MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec."]
_MONTHS_AR_LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                     "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
_DAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"],
}
# Where bans happened and where miners went (ids in the gazetteer): drawn first, and most often.
_ORIGINS = ["CN-XJ", "CN-SC", "CN-NM", "CN-QH", "CN-YN", "IR", "KZ", "XK"]
_DESTINATIONS = ["KZ", "US", "CA", "RU", "MY", "PY", "IS", "NO", "SE", "ET", "AE", "GE"]
_CORE = {"COUNTRY": ["CN", "IR", "KZ", "US", "CA", "RU", "XK", "NO", "SE", "PY", "MY", "IS",
                     "ET", "AE", "GE", "AM", "AL", "FI", "KG", "UZ", "TM", "BT", "SV", "AR"],
         "PROVINCE": ["CN-XJ", "CN-SC", "CN-NM", "CN-QH", "CN-YN", "US-TX", "US-NY", "US-WA",
                      "US-GA", "US-KY", "CA-QC", "CA-AB", "CA-MB", "CA-BC"]}
_FALLBACK = {
    "en": {"org": ["BIT Mining", "Bitmain", "Bitfarms", "Canaan"],
           "reg": ["the National Development and Reform Commission", "the provincial government"],
           "city": ["Almaty", "Austin", "Quebec"]},
    "ar": {"org": ["بت ماينيغ", "بيتماين", "بيتفارمز"],
           "reg": ["اللجنة الوطنية للتنمية والإصلاح", "حكومة الإقليم"],
           "city": ["ألماتي", "أوستن", "كيبيك"]},
}
# People: first and family names (a bounded set of a few thousand combinations).
_PEOPLE = {
    "en": (["Li", "Wang", "Zhang", "Chen", "Liu", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Sun",
            "Ma", "Ali", "Reza", "Sara", "Maryam", "Arman", "Dana", "Aigerim", "Nurlan", "John",
            "Emily", "Michael", "Laura", "David", "Anna", "Ivan", "Olga", "Lars", "Ingrid",
            "Carlos", "Lucia", "Ahmed", "Fatima", "Omar", "Layla", "Kevin", "Grace"],
           ["Wei", "Lei", "Jun", "Tao", "Hui", "Ping", "Karimi", "Hosseini", "Rahimi", "Tehrani",
            "Nurpeisov", "Abenov", "Seitkali", "Smith", "Johnson", "Brown", "Miller", "Davis",
            "Petrov", "Ivanova", "Sokolov", "Hansen", "Larsen", "Nilsson", "Gonzalez", "Benitez",
            "Haddad", "Mansour", "Khalil", "Nasser", "Carter", "Turner", "Walsh", "Morgan"]),
    "ar": (["لي", "وانغ", "تشانغ", "تشن", "ليو", "يانغ", "هوانغ", "تشاو", "وو", "سون", "علي",
            "رضا", "سارة", "مريم", "أرمان", "دانا", "نورلان", "جون", "إميلي", "مايكل", "لورا",
            "ديفيد", "آنا", "إيفان", "أولغا", "لارس", "كارلوس", "أحمد", "فاطمة", "عمر", "ليلى",
            "كيفن", "غريس", "محمد", "خالد", "يوسف"],
           ["وي", "جون", "تاو", "هوي", "بينغ", "كريمي", "حسيني", "رحيمي", "طهراني", "نوربيسوف",
            "أبينوف", "سميث", "جونسون", "براون", "ميلر", "ديفيس", "بيتروف", "إيفانوفا",
            "سوكولوف", "هانسن", "لارسن", "نيلسون", "غونزاليس", "بينيتيز", "حداد", "منصور",
            "خليل", "ناصر", "كارتر", "تيرنر", "مورغان", "العلي", "الخطيب", "الحسن"]),
}

_PLACE_TYPES = ("COUNTRY", "PROVINCE", "CITY", "REGION")
_NAMED = _PLACE_TYPES + ("COMPANY", "ORGANIZATION", "REGULATOR")
_THE = re.compile(r"^United |Republic|Islands|Kingdom|Emirates|Netherlands|Philippines|Bahamas|"
                  r"Gambia|Maldives|Federation|^Czech Rep|^Holy See|^Gulf|^Middle East|^Caribbean|"
                  r"^Balkans|^Caucasus|^Arab world|^Americas")
_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_ASCII_NAME = re.compile(r"[A-Za-z][A-Za-z .'\-]*")


# ---------------------------------------------------------------------------
# names to fill the slots with
# ---------------------------------------------------------------------------

def _skew(lst: list, rng: random.Random):
    """An element of ``lst``, the first ones far more often (a Zipf-like draw)."""
    return lst[int(len(lst) * rng.random() ** 2.5)]


@lru_cache(maxsize=4)
def vocabulary(lang: str) -> dict:
    """Names to fill the slots with, from the gazetteer (a few built-ins without it).

    Returns ``{"names": {type: [(id, name), ...]}, "by_country": {(type, country):
    [(id, name), ...]}, "country_of": {id: country id}, "people": (first, family)}``;
    in each list the places where bans and migrations happened come first.

    >>> v = vocabulary("en")
    >>> ("KZ", "Kazakhstan") in v["names"]["COUNTRY"]
    True
    """
    try:
        from ingest.gazetteer import names
        rows = names()
    except (ImportError, OSError, ValueError):
        rows = {}
    key = "ar" if lang == "ar" else "en"
    out: dict[str, list] = {t: [] for t in _NAMED}
    country_of: dict[str, str] = {}
    for rid, r in rows.items():
        t, name = r.get("type"), r.get(key)
        if t not in out or not name:
            continue
        if key == "en" and t in ("PROVINCE", "CITY") and not r.get("ar") \
                and not _ASCII_NAME.fullmatch(name):
            continue  # ISO spellings with diacritics read oddly in news
        out[t].append((rid, name))
        country_of[rid] = r.get("country") or (rid if t == "COUNTRY" else None)
    for t, core in _CORE.items():  # the usual places first
        rank = {c: i for i, c in enumerate(core)}
        out[t].sort(key=lambda p: (rank.get(p[0], len(rank)), p[0]))
    fb = _FALLBACK[key]
    if not out["COUNTRY"]:
        out["COUNTRY"] = [("KZ", "Kazakhstan" if key == "en" else "كازاخستان")]
    out["COMPANY"] = out["COMPANY"] or [(n, n) for n in fb["org"]]
    out["REGULATOR"] = out["REGULATOR"] or [(n, n) for n in fb["reg"]]
    out["CITY"] = out["CITY"] or [(n, n) for n in fb["city"]]
    for t in _NAMED:
        out[t] = out[t] or out["COUNTRY"]
    by_country: dict[tuple, list] = {}
    for t in ("PROVINCE", "CITY", "COMPANY", "REGULATOR"):
        for rid, name in out[t]:
            if country_of.get(rid):
                by_country.setdefault((t, country_of[rid]), []).append((rid, name))
    return {"names": out, "by_country": by_country, "country_of": country_of,
            "people": _PEOPLE[key]}


# ---------------------------------------------------------------------------
# the sentence pool: sentences with slots
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Sentence:
    """A sentence with slots: ``fmt`` has ``{0}``, ``{1}`` … where ``slots`` go."""

    fmt: str
    slots: tuple
    kind: str  # "title", "ban", "migration", "other"
    words: int
    source: str


def _esc(s: str) -> str:
    return s.replace("{", "{{").replace("}", "}}")


def _date_fmt(text: str, lang: str) -> str:
    """``June 18`` -> ``{month} {day}``; ``عام 2018`` -> ``عام {year}`` (a format string)."""
    out = _esc(text)
    out = re.sub(r"\b(?:19|20)\d\d\b", "{year}", out)
    if lang == "en":
        out = re.sub(r"\b(?:%s)\b" % "|".join(_MONTHS["en"]), "{month}", out)
        out = re.sub(r"\b(?:%s|Saturday|Sunday)\b" % "|".join(_DAYS["en"]), "{weekday}", out)
    else:
        for m in _MONTHS["ar"]:  # "حزيران/يونيو"
            out = out.replace(m, "{month}")
        for m in _MONTHS_AR_LEVANT:
            out = re.sub(r"(?<![\w/])%s(?![\w/])" % m, "{month_lv}", out)
        for m in _MONTHS_AR_ONE:
            out = re.sub(r"(?<![\w/])%s(?!\w)" % m, "{month_one}", out)
        out = re.sub(r"(?<!\w)(?:%s|السبت|الأحد)(?!\w)" % "|".join(_DAYS["ar"]), "{weekday}", out)
    out = re.sub(r"(?<![\w{])\d{1,2}(?![\w}])", "{day}", out)
    return out.replace("{month} {day}", "{month_d} {day}")


def _num_slot(text: str) -> tuple:
    """``2,000 mining rigs`` -> ("num", "{0} mining rigs", ((4, ",", 0),), percent)."""
    specs, parts, last = [], [], 0
    for m in _NUM.finditer(text):
        s = m.group()
        dec = len(s.rsplit(".", 1)[1]) if "." in s else 0
        whole = s.rsplit(".", 1)[0] if dec else s
        specs.append((len(whole.replace(",", "")), "," if "," in whole else "", dec))
        parts.append(_esc(text[last:m.start()]) + "{%d}" % (len(specs) - 1))
        last = m.end()
    parts.append(_esc(text[last:]))
    pct = any(w in text for w in ("percent", "%", "بالمئة", "بالمائة", "في المئة"))
    return ("num", "".join(parts), tuple(specs), pct)


def _entity_slot(e: dict, lang: str, art_key: str) -> tuple | None:
    """The slot an entity of the record becomes (None: keep the text as it is)."""
    t, text = e["type"], e["text"]
    if t in ("DATE",):
        fmt = _date_fmt(text, lang)
        return ("date", fmt) if "{" in fmt.replace("{{", "") else None
    if t == "CAPACITY":
        return _num_slot(text) if _NUM.search(text) else None
    if t == "PERSON":
        full = e.get("name") or text
        return ("person", f"{art_key}:{full}", text != full and full.endswith(text))
    if t not in _NAMED:
        return None
    canon = e.get("canonical")
    if t == "REGULATOR" and (canon or "").startswith("authorities:"):
        return None  # "the authorities", "the government": stays generic
    # what precedes the name in the span: a clitic (و، ب، ل), "شركة "
    base = e.get("name_ar") if lang == "ar" else e.get("name")
    prefix = ""
    if base and text != base and text.endswith(base):
        prefix = text[: -len(base)]
    elif lang == "ar" and text.startswith("شركة "):
        prefix = "شركة "
    key = canon or f"{art_key}:{e.get('name') or text}"
    parent = e.get("country") if t in ("PROVINCE", "CITY") else None
    return ("name", t, key, parent, prefix)


def _with_article(before: str, slot: tuple, at_start: bool) -> tuple[str, tuple]:
    """English: "the" before a name becomes part of its slot, written only where the new
    name takes one ("the United States" -> "Kazakhstan", "Norway" -> "the Netherlands")."""
    if slot[0] != "name" or slot[1] not in ("COUNTRY", "REGION", "REGULATOR"):
        return before, slot
    m = re.search(r"(?:^|(?<=\s))([Tt]he )$", before)
    the = m.group(1) if m else ("The " if at_start and not before.strip() else "the ")
    if m:
        before = before[: m.start(1)]
    return before, slot[:4] + ("\0" + the + slot[4],)


def _takes_the(t: str, name: str) -> bool:
    if t == "REGULATOR":
        first = name.split()[0]
        return not (first.isupper() or first in ("Congress", "Parliament"))
    return bool(_THE.search(name))


def _tidy(s: str) -> str:
    s = s.replace("\r", " ").replace("\n", " ").strip()  # other spacing stays as the source has it
    if s.count('"') % 2 and s.endswith(' "'):
        s = s[:-2].rstrip()
    if s.count('"') % 2 and not s.startswith('"'):
        s = '"' + s
    return s


def _from_article(art, rec: dict, nlp) -> list[Sentence]:
    lang = rec["article"]["lang"]
    text = art.text
    doc = nlp(text)
    title_end = text.find("\n")
    # entities: drop spans inside another kept span, and outer spans that hold a place
    ents = sorted(rec["entities"], key=lambda e: (e["start"], -(e["end"] - e["start"])))
    out = []
    for s in doc.sents:
        a, b = s.start_char, s.end_char
        inside = [e for e in ents if a <= e["start"] and e["end"] <= b]
        chosen, last_end = [], a
        for e in inside:
            if e["start"] < last_end:
                continue
            inner = [f for f in inside if f is not e and e["start"] <= f["start"]
                     and f["end"] <= e["end"] and f["type"] in _PLACE_TYPES]
            if inner and e["type"] not in _PLACE_TYPES:
                continue  # "Sichuan authorities": fill the place, keep the rest
            slot = _entity_slot(e, lang, art.id)
            if slot is not None:
                chosen.append((e, slot))
                last_end = e["end"]
        parts, slots, pos = [], [], a
        for e, slot in chosen:
            before = text[pos:e["start"]]
            if lang == "en":
                before, slot = _with_article(before, slot, e["start"] == a)
            parts.append(_esc(before) + "{%d}" % len(slots))
            slots.append(slot)
            pos = e["end"]
        parts.append(_esc(text[pos:b]))
        fmt = _tidy("".join(parts))
        n_words = len(fmt.split())
        if n_words < 5 and not (0 <= title_end and b <= title_end + 2):
            continue  # a crosshead, not a sentence
        kinds = {v["type"] for v in rec["events"] if v["start"] < b and a < v["end"]}
        if 0 <= title_end and b <= title_end + 2:
            kind = "title"
        else:
            kind = "ban" if "BAN" in kinds else "migration" if "MIGRATION" in kinds else "other"
        out.append(Sentence(fmt, tuple(slots), kind, n_words, art.id))
    return out


_T_SLOTS = {
    "org": ("name", "COMPANY", "T:org", None, ""),
    "reg": ("name", "REGULATOR", "T:reg", None, ""),
    "src": ("name", "PROVINCE", "T:src", "T:srcC", ""),
    "dst": ("name", "COUNTRY", "T:dst", None, ""),
    "dst_city": ("name", "CITY", "T:dst_city", "T:dst", ""),
    "n": ("num", "{0}", ((3, "", 0),), False),
    "mw": ("num", "{0}", ((3, "", 0),), False),
    "pct": ("num", "{0}", ((2, "", 0),), True),
    "month": ("date", "{month}"),
    "year": ("date", "{year}"),
    "day": ("date", "{weekday}"),
}


def _from_template(tpl: str, kind: str, lang: str) -> Sentence:
    tpl = tpl.replace("{month} {year}", "{my}")
    slots, parts, last = [], [], 0
    for m in re.finditer(r"\{(\w+)\}", tpl):
        name = m.group(1)
        slot = ("date", "{month} {year}") if name == "my" else _T_SLOTS[name]
        before = tpl[last:m.start()]
        if lang == "en":
            before, slot = _with_article(before, slot, m.start() == 0)
        parts.append(before + "{%d}" % len(slots))
        slots.append(slot)
        last = m.end()
    parts.append(tpl[last:])
    fmt = "".join(parts)
    return Sentence(fmt, tuple(slots), kind, len(fmt.split()) + len(slots) // 2,
                    f"template:{lang}:{kind}")


@lru_cache(maxsize=1)
def _sample_sentences() -> dict[str, list[Sentence]]:
    """The samples, analysed once per process: language -> sentences with slots."""
    out: dict[str, list[Sentence]] = {"ar": [], "en": []}
    try:
        from ingest.pipeline import extract, get_pipeline
        from ingest.readers import read_paths
    except ImportError:
        return out
    if not SAMPLES_DIR.is_dir():
        return out
    for art in read_paths([str(SAMPLES_DIR)]):
        if isinstance(art, Exception) or not getattr(art, "text", None):
            continue
        rec = extract(art)
        lang = rec["article"]["lang"]
        if lang in out:
            out[lang].extend(_from_article(art, rec, get_pipeline(lang)))
    return out


def sentence_pool(lang: str) -> dict[str, list[Sentence]]:
    """The sentences of ``lang`` by kind (``title``, ``ban``, ``migration``, ``other``):
    the samples' sentences, then :data:`TEMPLATES`.

    >>> pool = sentence_pool("en")
    >>> sorted(pool)
    ['ban', 'migration', 'other', 'title']
    >>> any(s.source == "sample-en-texas" for s in pool["migration"])
    True
    """
    return _pool(lang)


@lru_cache(maxsize=4)
def _pool(lang: str) -> dict[str, list[Sentence]]:
    pool: dict[str, list[Sentence]] = {"title": [], "ban": [], "migration": [], "other": []}
    for s in _sample_sentences().get(lang, []):
        pool[s.kind].append(s)
    for kind, tpls in TEMPLATES[lang].items():
        for tpl in tpls:
            k = "other" if kind == "context" else kind
            pool[k].append(_from_template(tpl, k, lang))
    return pool


# ---------------------------------------------------------------------------
# filling the slots
# ---------------------------------------------------------------------------

class _Article:
    """One article's choices: which place, company, person each original became."""

    __slots__ = ("lang", "rng", "voc", "names", "year", "month", "people", "months_d")

    def __init__(self, lang: str, rng: random.Random, voc: dict, year: int, month: int):
        self.lang, self.rng, self.voc = lang, rng, voc
        self.year, self.month = year, month
        # house style: a month before a day written out, or abbreviated as AP does
        self.months_d = _MONTHS_AP if lang == "en" and rng.random() < 0.5 else _MONTHS[lang]
        self.names: dict[str, tuple[str, str]] = {}  # original key -> (new id, new name)
        self.people: dict[str, tuple[str, str]] = {}

    def name(self, t: str, key: str, parent: str | None) -> str:
        got = self.names.get(key)
        if got is not None:
            return got[1]
        voc, rng = self.voc, self.rng
        pick = None
        if parent is not None and parent in self.names and t in ("PROVINCE", "CITY"):
            cands = voc["by_country"].get((t, self.names[parent][0]))
            if cands:
                pick = _skew(cands, rng)
        if pick is None:
            for _ in range(4):  # one new place per original, when there are enough
                pick = _skew(voc["names"][t], rng)
                if pick not in self.names.values():
                    break
        self.names[key] = pick
        if parent is not None and parent not in self.names:
            c = voc["country_of"].get(pick[0])
            for rid, nm in voc["names"]["COUNTRY"]:
                if rid == c:
                    self.names[parent] = (rid, nm)
                    break
        return pick[1]

    def person(self, key: str, surname_only: bool) -> str:
        got = self.people.get(key)
        if got is None:
            first, family = self.voc["people"]
            got = self.people[key] = (self.rng.choice(first), self.rng.choice(family))
        return got[1] if surname_only else f"{got[0]} {got[1]}"

    def date(self, fmt: str) -> str:
        rng = self.rng
        year = self.year - (rng.random() < 0.25)
        month = rng.randrange(12) if year < self.year else rng.randrange(self.month)
        ar = self.lang == "ar"
        return fmt.format(
            year=year, day=rng.randint(1, 28),
            month=(_MONTHS["ar"] if ar else _MONTHS["en"])[month], month_d=self.months_d[month],
            month_one=_MONTHS_AR_ONE[month], month_lv=_MONTHS_AR_LEVANT[month],
            weekday=rng.choice(_DAYS[self.lang]))

    def number(self, fmt: str, specs: tuple, pct: bool) -> str:
        rng = self.rng
        vals = []
        for digits, comma, dec in specs:
            lo = 1 if digits <= 1 else 10 ** (digits - 1)
            hi = min(10 ** digits, 100) if pct else 10 ** digits
            v = rng.randrange(lo, hi)
            if digits >= 3 and rng.random() < 0.6:  # round figures, as news gives them
                step = 10 ** (digits - 2)
                v = max(lo, v // step * step)
            vals.append((v, comma, dec))
        if len(vals) > 1:
            vals.sort()
        out = []
        for v, comma, dec in vals:
            s = f"{v:,}" if comma else str(v)
            if dec:
                s += "." + str(rng.randrange(10 ** dec)).rjust(dec, "0")
            out.append(s)
        return fmt.format(*out)

    def fill(self, s: Sentence) -> str:
        vals = []
        for slot in s.slots:
            k = slot[0]
            if k == "name":
                name, prefix = self.name(slot[1], slot[2], slot[3]), slot[4]
                if prefix[:1] == "\0":  # an English article, where the name takes one
                    prefix = prefix[1:] if _takes_the(slot[1], name) else prefix[5:]
                vals.append(prefix + name)
            elif k == "date":
                vals.append(self.date(slot[1]))
            elif k == "num":
                vals.append(self.number(slot[1], slot[2], slot[3]))
            else:
                vals.append(self.person(slot[1], slot[2]))
        return s.fmt.format(*vals)


_NOT_LEAD = re.compile(r"(?:و|ف|كما |لكن |ما |Many of them|Other |Not |But |And |Several )")


def _leads(pool: dict) -> list[Sentence]:
    """Sentences that can open a story: bans and moves that do not lean on an earlier one."""
    return [s for k in ("ban", "migration") for s in pool[k]
            if not _NOT_LEAD.match(s.fmt) and s.slots] or pool["ban"] or pool["other"]


def _draw(rng: random.Random, pool: dict, leads: list, target: int) -> list[Sentence]:
    """Sentences for one article: a lead, up to one more ban and migration, then
    context up to ``target`` words (at most 30 sentences, none twice)."""
    chosen: list[Sentence] = [rng.choice(leads)]
    if rng.random() < 0.92:
        for kind in ("ban", "migration"):
            cands = [s for s in pool[kind] if s is not chosen[0]]
            chosen += rng.sample(cands, k=min(len(cands), rng.randint(0, 1)))
    ids = {id(s) for s in chosen}
    rest = [s for s in pool["other"] if id(s) not in ids]
    rng.shuffle(rest)
    spare = [s for k in ("ban", "migration") for s in pool[k] if id(s) not in ids]
    rng.shuffle(spare)
    rest += spare  # only when the context runs out
    words = sum(s.words for s in chosen)
    for s in rest:
        if words >= target or len(chosen) >= 30:
            break
        chosen.append(s)
        words += s.words
    body = chosen[1:]
    rng.shuffle(body)
    return chosen[:1] + body


def _dateline(art: _Article) -> str:
    """A wire dateline, ``Almaty, Kazakhstan — `` or ``ألماتي — ``: a city in the country of
    the story's first place (any city when the gazetteer has none there).

    Every article gets one, as wire copy does. It also keeps the tokenizer honest: spaCy
    stops caching a text's words once it meets a special case (the dash), as real news
    does early with its abbreviations, dashes, contractions and line breaks.
    """
    rng, voc = art.rng, art.voc
    country, cities = None, None
    for rid, _ in art.names.values():
        country = voc["country_of"].get(rid)
        cities = voc["by_country"].get(("CITY", country))
        if cities:
            break
    city_id, city = _skew(cities or voc["names"]["CITY"], rng)
    if not cities:
        country = voc["country_of"].get(city_id)
    if art.lang == "en" and rng.random() < 0.6:
        cname = next((n for r, n in voc["names"]["COUNTRY"] if r == country), None)
        if cname and cname != city:
            return f"{city}, {cname} — "
    return f"{city} — "


def _article(i: int, lang: str, rng: random.Random, voc: dict, pool: dict,
             leads: list) -> dict:
    year = rng.choice((2019, 2020, 2021, 2021, 2021, 2021, 2022, 2022, 2022, 2023, 2024, 2025))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    art = _Article(lang, rng, voc, year, month)
    sents = [art.fill(s) for s in _draw(rng, pool, leads, rng.randint(180, 420))]
    paras, j = [], 0
    while j < len(sents):
        k = rng.choice((1, 2, 2, 3, 3, 4))
        paras.append(" ".join(sents[j:j + k]))
        j += k
    title = art.fill(rng.choice(pool["title"])) if pool["title"] else sents[0]
    paras[0] = _dateline(art) + paras[0]
    return {"id": f"bench-{lang}-{i:06d}", "lang": lang, "title": title,
            "published": f"{year}-{month:02d}-{day:02d}", "text": "\n\n".join(paras)}


def generate(n: int, *, seed: int = 0, langs: tuple[str, ...] = ("ar", "en")) -> Iterator[dict]:
    """Yield ``n`` article dicts (``id``, ``lang``, ``title``, ``published``, ``text``).

    Languages alternate in the order of ``langs``; ids are ``bench-{lang}-{i:06d}``.
    """
    rng = random.Random(seed)
    vocs = {lang: vocabulary(lang) for lang in langs}
    pools = {lang: _pool(lang) for lang in langs}
    leads = {lang: _leads(pools[lang]) for lang in langs}
    for i in range(n):
        lang = langs[i % len(langs)]
        yield _article(i, lang, rng, vocs[lang], pools[lang], leads[lang])


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python bench/corpus.py N [--lang ar|en|both] [--seed S] [-o FILE]``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--lang", choices=("ar", "en", "both"), default="both")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", default="-", help="JSON Lines file (default stdout)")
    args = ap.parse_args(argv)
    langs = ("ar", "en") if args.lang == "both" else (args.lang,)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        for art in generate(args.n, seed=args.seed, langs=langs):
            out.write(json.dumps(art, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
