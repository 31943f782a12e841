"""DATE and CAPACITY values in Arabic and English text.

Both finders work on a folded copy of the text (:func:`ingest.normalize.fold_with_map`)
and return true character offsets of the article. Dates are resolved against
the publication date at the precision the text gives (``2017``, ``2021-06``,
``2021-06-21``); capacities carry ``{"amount": number | [min, max] | None,
"unit": U}``.

Examples
--------
>>> [v["value"] for v in find_dates("في عام 2017 و هذا الشهر", "ar", "2021-06-22")]
['2017', '2021-06']
>>> [v["value"] for v in find_capacities("260 ميغاواط و 80 بالمئة", "ar")]
[{'amount': 260, 'unit': 'MW'}, {'amount': 80, 'unit': 'percent'}]
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from ingest.normalize import fold_with_map, normalize_ar
from ingest.scan import Scanner, scanner

__all__ = ["find_dates", "find_capacities", "parse_iso", "date_lt", "days_between"]

# ---------------------------------------------------------------- months
AR_MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "اذار": 3,
    "ابريل": 4, "افريل": 4, "نيسان": 4, "مايو": 5, "ايار": 5, "يونيو": 6, "يونيه": 6,
    "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7, "اغسطس": 8, "اب": 8,
    "سبتمبر": 9, "ايلول": 9, "اكتوبر": 10, "تشرين الاول": 10, "نوفمبر": 11,
    "تشرين الثاني": 11, "ديسمبر": 12, "كانون الاول": 12,
}
EN_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
EN_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
EN_MONTHS["sept"] = 9
AR_WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3,
               "الجمعه": 4, "السبت": 5, "الاحد": 6}
EN_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_AR_ORDINALS = {normalize_ar(w): n for w, n in {
    "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
    "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12, "الثالث عشر": 13,
    "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18,
    "التاسع عشر": 19, "العشرين": 20, "الحادي والعشرين": 21, "الثاني والعشرين": 22,
    "الثالث والعشرين": 23, "الرابع والعشرين": 24, "الخامس والعشرين": 25, "السادس والعشرين": 26,
    "السابع والعشرين": 27, "الثامن والعشرين": 28, "التاسع والعشرين": 29, "الثلاثين": 30,
    "الحادي والثلاثين": 31}.items()}
_AR_ORDINAL_RE = "|".join(sorted((re.escape(w) for w in _AR_ORDINALS), key=len, reverse=True))
_AR_MONTH_RE = "|".join(sorted((re.escape(m) for m in AR_MONTHS if m != "اب"), key=len, reverse=True))
_EN_MONTH_RE = "|".join(sorted((re.escape(m) for m in EN_MONTHS), key=len, reverse=True))
_CL = r"(?:[وفبل]|ب?ال|لل|و?في)?"  # clitics glued before a word
_B = r"(?<![\w\u0600-\u06FF])"      # word start
_E = r"(?![\w\u0600-\u06FF])"       # word end

# a year that is not part of a number, a percentage or money
_YEAR = r"(?<![\d$.,])((?:19[89]\d|20[0-4]\d))(?![\d.,]*\s*(?:%|٪|بالميه|بالمايه|في الميه|في المايه|percent|per cent|mw|ميغا|ميجا))(?!\d|[.,]\d)"


def parse_iso(value: str | None) -> dt.date | None:
    """The first day of an ISO date at any precision (``2021`` → 2021-01-01)."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def date_lt(a: str | None, b: str | None) -> bool:
    """True when ``a`` is certainly before ``b`` at their common precision."""
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def days_between(a: str | None, b: str | None) -> int | None:
    """Days from ``a`` to ``b`` when both are whole dates, else None (``2021-06``
    and ``2021-07-12`` are a month or so apart, not a number of days).

    >>> days_between("2021-06-18", "2021-07-12"), days_between("2021-06-18", "2021-06")
    (24, None)
    """
    if not a or not b or len(a) < 10 or len(b) < 10:
        return None  # only whole dates give a number of days
    da, db = parse_iso(a), parse_iso(b)
    if not da or not db:
        return None
    return (db - da).days


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    try:
        if d:
            return dt.date(y, m, d).isoformat()
    except ValueError:
        return None
    if m:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}"


_UNTIL_BEFORE = re.compile(r"(?:\b(?:until|till)|(?<![\u0600-\u06FF])(?:حتي|حتى))\s+(?:the\s+(?:end\s+of\s+)?)?$")
_EN_FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "sept"}
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def _year_for_month(month: int, pub: dt.date | None, day: int | None = None,
                    direction: int = 0) -> int | None:
    """The year of a month named without one: the nearest to the publication date,
    a later one counting four times its distance (news tells what happened: "banned
    mining in January", written in September, is the last January; "by July", written
    in late June, is the coming one), or the last one before it (``direction`` -1:
    "last May", "أيار الماضي") or the first one after it (+1: "next May", "أيار المقبل")."""
    if not pub:
        return None
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            cand = dt.date(y, month, day or 15)
        except ValueError:
            continue
        if (direction < 0 and (y, month) >= (pub.year, pub.month)) or \
                (direction == 1 and (y, month) <= (pub.year, pub.month)) or \
                (direction == 2 and (y, month) < (pub.year, pub.month)):
            continue
        dist = (cand - pub).days
        dist = dist * 4 if dist > 0 else -dist
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def _ago(pub_year: int | None, pub_month: dt.date | None, n: int, years: bool) -> str | None:
    """The year (or month) ``n`` years (months) before publication."""
    if years:
        return _iso(pub_year - n) if pub_year else None
    return _shift_month(pub_month, -n) if pub_month else None


def _shift_month(pub: dt.date, k: int) -> str:
    y, m = pub.year, pub.month + k
    while m < 1:
        y, m = y - 1, m + 12
    while m > 12:
        y, m = y + 1, m - 12
    return _iso(y, m)


def _weekday_before(pub: dt.date, wd: int) -> str:
    delta = (pub.weekday() - wd) % 7
    return (pub - dt.timedelta(days=delta)).isoformat()


# a past verb: an auxiliary, or a word in -ed right after its subject (not "licensed miners")
_PAST_EN = re.compile(r"\b(?:was|were|had|did)\b|(?:\b[A-Z][\w-]*|\b(?:it|they|he|she|we|authorities|government|ministry|police"
                      r"|officials|utility|regulators?|compan(?:y|ies)|miners|operators|firms?))\s+(?:also\s+|then\s+|quickly\s+)?"
                      r"(?!(?:need|speed|feed|seed|bed|red|shed|bled|embed|hundred)\b)[a-z]{3,}ed\b")
_FUTURE_EN = re.compile(r"\b(?:will|would|shall|plans?|planned|scheduled|set\s+to|is\s+to|are\s+to|starting|begin(?:s|ning)?"
                        r"|takes?\s+effect|until|next|expected|due|coming|as\s+of)\b", re.I)


def _around(text: str, s: int, e: int, stops: str = ".!?\n") -> str:
    """The sentence of ``text[s:e]`` without it (ended by any of ``stops``)."""
    a = max(text.rfind(c, 0, s) for c in stops) + 1
    b = min([i for i in (text.find(c, e) for c in stops) if i >= 0] or [len(text)])
    return text[a:s] + " " + text[e:b]


def _told_as_past(text: str, s: int, e: int) -> bool:
    """Whether the English sentence of the date ``text[s:e]`` tells a past event and
    nothing to come ("In January the authorities rationed power")."""
    sent = _around(text, s, e)
    return bool(_PAST_EN.search(sent)) and not _FUTURE_EN.search(sent)


# a plan or a future in the sentence (not "until", "as of": "gave farms until the end of April")
_TO_COME_EN = re.compile(r"\b(?:will|would|shall|(?:plans?|planned|intends?|intended|expects?|expected|set|is|are|hopes?|wants?)\s+to|scheduled|next)\b", re.I)
# (not any word in "سي…": "سيتشوان", "سيارات" are no future)
_FUTURE_AR = re.compile(r"(?<![\u0621-\u064A])[وف]?(?:سوف|سيتم|ستتم|سيكون|ستكون|سيبدا|ستبدا|سيبدأ|ستبدأ|سينقل|ستنقل|سينتقل|ستنتقل"
                        r"|سيسري|سيدخل|ستدخل|سيصبح|ستصبح|المقبل|المقبله|المقبلة|القادم|القادمه|القادمة|يعتزم|تعتزم|يخطط|تخطط"
                        r"|يدرس|تدرس|ينوي|تنوي)(?![\u0621-\u064A])")


def _told_to_come(text: str, s: int, e: int) -> bool:
    """Whether the sentence of the date ``text[s:e]`` tells of something to come
    ("will relocate them in February", "سينقلها في شباط")."""
    sent = _around(text, s, e, ".!?؟\n")
    return bool(_TO_COME_EN.search(sent) or _FUTURE_AR.search(sent))


def _collect(folded, offsets, text, pattern, flags=0):
    for m in scanner(pattern, flags).finditer(folded):
        s, e = offsets[m.start()], offsets[m.end() - 1] + 1
        yield m, s, e, text[s:e]


def find_dates(text: str, lang: str, published: str | None, *, fold=None) -> list[dict]:
    """Every date expression: ``{"start", "end", "text", "value"}``; non-overlapping.

    ``fold`` is ``fold_with_map(text)`` when the caller already has it."""
    folded, offsets = fold or fold_with_map(text)
    if not folded:
        return []
    pub = parse_iso(published) if published and len(published) >= 10 else None
    pub_month = parse_iso(published) if published and len(published) >= 7 else None
    pub_year = int(published[:4]) if published and len(published) >= 4 and published[:4].isdigit() else None
    found: list[dict] = []

    def add(s, e, t, value, prio, month_day=None):
        # ``month_day``: (month, day, after "until"/"by") of a date whose year was not written
        # (see _years_of_sentence)
        found.append({"start": s, "end": e, "text": t, "value": value, "_p": prio, "_md": month_day})

    if lang == "ar":
        mon = rf"({_AR_MONTH_RE})"
        # 14 و15 ديسمبر / 20 يونيو 2025 / يونيو 2022 / (نهاية|منتصف|شهر) يونيو
        pat = (rf"{_B}(?:(?:بدايه|مطلع|اوائل|منتصف|نهايه|اواخر|اواسط|اخر|شهر)\s+)?"
               rf"(?:(\d{{1,2}})(?:\s*(?:و|الى|الي|-)\s*\d{{1,2}})?\s+)?{_CL}(?:اب\s*/\s*)?{mon}"
               # the other calendar's name after a slash or in brackets: "حزيران/يونيو",
               # "حزيران (يونيو)"
               # ("أغسطس/آب": "آب" is a month only as the other name)
               rf"(?:\s*/\s*(?:{_AR_MONTH_RE}|اب{_E})|\s*\(\s*(?:{_AR_MONTH_RE}|اب)\s*\))?(?:\s+(?:من\s+)?(?:عام\s+)?(\d{{4}}))?"
               rf"(?:\s+(?P<dir>الماضي|المنصرم|السابق|المقبل|القادم))?{_E}")
        for m, s, e, t in _collect(folded, offsets, text, pat):
            day = int(m.group(1)) if m.group(1) and not re.search(r"\d\s*(?:و|الى|الي|-)\s*\d", m.group(0)) else None
            month = AR_MONTHS[m.group(2)]
            way = {None: 0, "المقبل": 1, "القادم": 1}.get(m.group("dir"), -1)
            if not way and _UNTIL_BEFORE.search(folded, max(0, m.start() - 12), m.start()):
                way = 2  # "حتى أيلول/سبتمبر": not before this month
            year = int(m.group(3)) if m.group(3) else _year_for_month(month, pub or pub_month, day, way)
            that = None if m.group(3) else _of_that_year(_THAT_YEAR_AFTER_AR, folded, offsets, text, m, s)
            if that:  # "في أيار/مايو من ذلك العام": the year told before
                year, e, t = that
            add(s, e, t, _iso(year, month, day) if year else None, 3,
                None if m.group(3) or way in (-1, 1) or that else (month, day, way == 2))
        # "السادس من آذار/مارس", "الأول من شباط": an ordinal day of a month
        for m, s, e, t in _collect(folded, offsets, text,
                                   rf"{_B}{_CL}({_AR_ORDINAL_RE})\s+من\s+{mon}(?:\s*/\s*(?:{_AR_MONTH_RE})|\s*\(\s*(?:{_AR_MONTH_RE})\s*\))?"
                                   rf"(?:\s+(?:عام\s+)?(\d{{4}}))?(?:\s+(?P<dir>الماضي|المنصرم|السابق|المقبل|القادم))?{_E}"):
            day, month = _AR_ORDINALS[m.group(1)], AR_MONTHS[m.group(2)]
            way = {None: 0, "المقبل": 1, "القادم": 1}.get(m.group("dir"), -1)
            year = int(m.group(3)) if m.group(3) else _year_for_month(month, pub or pub_month, day, way)
            add(s, e, t, _iso(year, month, day) if year else None, 4)
        for m, s, e, t in _collect(folded, offsets, text,
                                   rf"{_B}(?:(?:منذ|في|خلال|قبل|بحلول|حتي|حتى)\s+)?{_CL}(?:عام|العام|سنه|سنة|مطلع|خريف|ربيع|صيف|شتاء|نهايه|بدايه|اواخر|اوائل)?\s*(?:عام\s+)?{_YEAR}{_E}"):
            add(s, e, t, m.group(1), 2)
        rel = [
            (r"هذا الشهر|الشهر الحالي|الشهر الجاري", lambda: _iso(pub_month.year, pub_month.month) if pub_month else None),
            (r"الشهر الماضي|الشهر السابق|الشهر المنصرم", lambda: _shift_month(pub_month, -1) if pub_month else None),
            (r"الشهر المقبل|الشهر القادم", lambda: _shift_month(pub_month, 1) if pub_month else None),
            (r"(?:(?:نهايه|مطلع|بدايه|اواخر|اوائل|منتصف)\s+)?(?:هذا العام|العام الحالي|العام الجاري|هذه السنه)"
             r"|(?:نهايه|مطلع|بدايه|اواخر|اوائل|منتصف)\s+العام(?!\s+(?:الماضي|المقبل|القادم|السابق))",
             lambda: _iso(pub_year) if pub_year else None),
            (r"(?:اواخر |مطلع |بدايه |نهايه )?العام الماضي|السنه الماضيه|العام المنصرم", lambda: _iso(pub_year - 1) if pub_year else None),
            (r"العام المقبل|العام القادم|السنه المقبله", lambda: _iso(pub_year + 1) if pub_year else None),
            (r"(?:يوم )?امس", lambda: (pub - dt.timedelta(days=1)).isoformat() if pub else None),
        ]
        for pat, fn in rel:
            for m, s, e, t in _collect(folded, offsets, text, rf"{_B}{_CL}(?:{pat}){_E}"):
                add(s, e, t, fn(), 2)
        # "قبل ثلاث سنوات", "منذ عامين", "قبل خمسة أشهر"
        for m, s, e, t in _collect(folded, offsets, text, rf"{_B}[وف]?(?:قبل|منذ)\s+(?:نحو\s+|حوالي\s+)?"
                                   rf"(?:(عامين|سنتين|شهرين)|({_AR_FEW}|\d{{1,2}})\s+(سنوات|اعوام|سنه|عاما|اشهر|شهور)){_E}"
                                   # not "قبل عامين من الحملة": two years before something else
                                   r"(?!\s*(?:من|على|علي)(?![\u0600-\u06FF]))"):
            if m.group(1):
                n, years = 2, not m.group(1).startswith("شهر")
            else:
                n = int(m.group(2)) if m.group(2).isdigit() else _AR_FEW_N[m.group(2)]
                years = m.group(3) in ("سنوات", "اعوام", "سنه", "عاما")
            add(s, e, t, _ago(pub_year, pub_month, n, years), 2)
        wd = "|".join(sorted((re.escape(w.replace("إ", "ا")) for w in AR_WEEKDAYS), key=len, reverse=True))
        for m, s, e, t in _collect(folded, offsets, text, rf"{_B}(?:(?:اليوم|يوم|مساء|صباح|ليل)\s+)?{_CL}({wd}){_E}"):
            key = m.group(1)
            add(s, e, t, _weekday_before(pub, AR_WEEKDAYS.get(key, AR_WEEKDAYS.get(key.replace("ا", "إ", 1), 0))) if pub else None, 2)
    else:
        mon = rf"({_EN_MONTH_RE})\.?"
        # 2021-03-01
        for m, s, e, t in _collect(folded, offsets, text, r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"):
            add(s, e, t, _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))), 4)
        # (the end of|mid-|early) Month [day[-day]][, year] | day Month [year]
        pat = (rf"\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|mid-?|early\s+|late\s+)?{mon}"
               rf"(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?(\s*[-–]\s*\d{{1,2}})?)?(?:,?\s+(\d{{4}}))?\b")
        for m, s, e, t in _collect(folded, offsets, text, pat):
            word = m.group(1)
            raw = text[offsets[m.start(1)]:offsets[m.end(1) - 1] + 1]
            if word == "may" and not (m.group(2) or m.group(4)) and raw != "May":
                continue
            if word in ("march", "may") and raw[0].islower():
                continue
            if len(word) <= 4 and raw[0].islower():
                continue
            if raw.lower() not in _EN_FULL_MONTHS and not (m.group(2) or m.group(4)) \
                    and text[offsets[m.end(1) - 1] + 1:offsets[m.end(1) - 1] + 2] != ".":
                continue  # "said Wang Jun": an abbreviation alone, with no day, year or stop
            month = EN_MONTHS[word]
            day = int(m.group(2)) if m.group(2) and not m.group(3) else None
            way = {"last": -1, "next": 1}.get(folded[max(0, m.start() - 5):m.start()].strip(), 0)  # "last May"
            if not way and _UNTIL_BEFORE.search(folded, max(0, m.start() - 12), m.start()):
                way = 2  # "until September", "by June": not before this month
            ref = pub or pub_month
            year = int(m.group(4)) if m.group(4) else _year_for_month(month, ref, day, way)
            if year and not m.group(4) and way == 0 and (year, month) > (ref.year, ref.month) \
                    and _told_as_past(text, s, e):
                year -= 1  # "In January the authorities rationed power", written in November: the last one
            that = None if m.group(4) else _of_that_year(_THAT_YEAR_AFTER_EN, folded, offsets, text, m, s)
            if that:  # "in May of that year": the year told before
                year, e, t = that
            add(s, e, t, _iso(year, month, day) if year else None, 3,
                None if m.group(4) or way in (-1, 1) or that else (month, day, way == 2))
        for m, s, e, t in _collect(folded, offsets, text, rf"\b(\d{{1,2}})\s+{mon}(?:,?\s+(\d{{4}}))?\b"):
            month = EN_MONTHS[m.group(2)]
            year = int(m.group(3)) if m.group(3) else _year_for_month(month, pub or pub_month, int(m.group(1)))
            add(s, e, t, _iso(year, month, int(m.group(1))) if year else None, 3,
                None if m.group(3) else (month, int(m.group(1)), False))
        for m, s, e, t in _collect(folded, offsets, text, rf"\b(?:(?:in|since|by|until|of|from)\s+)?{_YEAR}\b"):
            add(s, e, t, m.group(1), 1)
        rel = [
            (r"this month", lambda: _iso(pub_month.year, pub_month.month) if pub_month else None),
            (r"last month|the previous month", lambda: _shift_month(pub_month, -1) if pub_month else None),
            (r"next month", lambda: _shift_month(pub_month, 1) if pub_month else None),
            (r"this year|the current year|earlier this year|later this year|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this)\s+year",
             lambda: _iso(pub_year) if pub_year else None),
            (r"last year|the previous year", lambda: _iso(pub_year - 1) if pub_year else None),
            (r"next year", lambda: _iso(pub_year + 1) if pub_year else None),
            (r"yesterday", lambda: (pub - dt.timedelta(days=1)).isoformat() if pub else None),
        ]
        for pat, fn in rel:
            for m, s, e, t in _collect(folded, offsets, text, rf"\b(?:{pat})\b"):
                add(s, e, t, fn(), 2)
        # "three years ago", "two months ago"
        for m, s, e, t in _collect(folded, offsets, text, rf"\b({_EN_FEW}|\d{{1,2}})\s+(years?|months?)\s+ago\b"):
            n = int(m.group(1)) if m.group(1).isdigit() else _EN_FEW_N[m.group(1)]
            add(s, e, t, _ago(pub_year, pub_month, n, m.group(2).startswith("y")), 2)
        wd = "|".join(EN_WEEKDAYS)
        for m, s, e, t in _collect(folded, offsets, text, rf"\b(?:on\s+|last\s+)?({wd})\b"):
            raw = text[offsets[m.start(1)]]
            if not raw.isupper():
                continue
            add(s, e, t, _weekday_before(pub, EN_WEEKDAYS[m.group(1)]) if pub else None, 2)
    # "That month the State Council said …", "وفي العام نفسه": the month or year told before
    that_rx = _THAT_AR if lang == "ar" else _THAT_EN
    for m, s, e, t in _collect(folded, offsets, text, that_rx):
        if m.groupdict().get("next"):
            year = _year_told_before(folded, m.start())
            value = _iso(year + 1) if year else None
        elif m.group("month"):
            told = [f for f in found if f["end"] <= s and f["value"] and len(str(f["value"])) >= 7
                    and f.get("_md") is None and re.search(r"\d{4}", f["text"].translate(_DIGITS))]
            value = str(told[-1]["value"])[:7] if told else None
        else:
            year = _year_told_before(folded, m.start())
            value = _iso(year) if year else None
        if value:
            add(s, e, t, value, 2)
    return _non_overlapping(_years_of_sentence(found, text, published))


# "من ذلك العام", "of that year": the year told before (after a month)
_THAT_YEAR_AFTER_AR = re.compile(r"\s+من\s+(?:ذلك العام|تلك السنه|العام نفسه|العام ذاته|نفس العام)(?![\u0600-\u06FF])")
_THAT_YEAR_AFTER_EN = re.compile(r",?\s+(?:of\s+)?(?:that|the\s+same)\s+year\b")
_THAT_AR = (r"(?<![\w\u0600-\u06FF])[وف]?(?:في\s+)?(?:(?P<year>ذلك العام|تلك السنه|العام نفسه|العام ذاته|نفس العام)"
            r"|(?P<month>ذلك الشهر|الشهر نفسه|الشهر ذاته|نفس الشهر)|(?P<next>العام التالي|السنه التاليه|العام الذي تلاه))(?![\w\u0600-\u06FF])")
_THAT_EN = (r"\b(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?:(?P<year>year)|(?P<month>month))\b"
            r"|\b(?P<next>the\s+(?:following|next)\s+year|a\s+year\s+later)\b")
# a year written in a text (the folded text has Western digits), as the dates above read one
_A_YEAR = re.compile(_YEAR)


def _of_that_year(after: re.Pattern, folded: str, offsets: list[int], text: str, m, s: int):
    """(the year told before, the end and the text of the date) when ``after`` ("of that
    year", "من ذلك العام") follows the month matched by ``m``, else None."""
    that = after.match(folded, m.end())
    if that is None:
        return None
    e = offsets[that.end() - 1] + 1
    return _year_told_before(folded, m.start()), e, text[s:e]


def _year_told_before(folded: str, pos: int, reach: int = 2000) -> int | None:
    """The last year written in the ``reach`` characters before ``pos``."""
    years = _A_YEAR.findall(folded, max(0, pos - reach), pos)
    return int(years[-1]) if years else None


# "until March 2031", "حتى عام 2031": a year the date of an "until" is written with
_UNTIL_NEAR = re.compile(r"(?:\b(?:until|till|through)|(?<![\u0600-\u06FF])(?:حتي|حتى))\s+(?:[^\s.,;،]+\s+){0,2}$", re.I)


def _years_of_sentence(found: list[dict], text: str, pub: str | None = None) -> list[dict]:
    """A month named without a year takes the year written with another date of its
    sentence ("from May to September 2021", "in April 2021 to zero in July"), the
    nearest one, when that sentence has one."""
    explicit = [f for f in found if f.get("_md") is None and f["value"] and re.match(r"\d{4}", str(f["value"]))
                and re.search(r"\d{4}", f["text"].translate(_DIGITS))]
    for f in found:
        md = f.get("_md")
        if md is None or not f["value"]:
            continue
        # (in one clause: "Kazakhstan, which took in machines in 2021, cut power in January";
        # an "until" month in its sentence: "In May 2021, … for four months, until September 22")
        stops = r"[.!?؟\n]" if md[2] else r"[.!?؟\n,،;؛]"
        same = [x for x in explicit if not re.search(stops, text[min(x["end"], f["end"]):max(x["start"], f["start"])])
                # (not the year a ban ends: "from Jan. 1 until March 2031")
                and (md[2] or not _UNTIL_NEAR.search(text, max(0, x["start"] - 25), x["start"]))]
        if same:
            near = min(same, key=lambda x: abs(x["start"] - f["start"]))
            f["value"] = _iso(int(str(near["value"])[:4]), md[0], md[1])
            continue
        # "… في أيار/مايو ٢٠٢١ … "في حزيران شحنتها إلى أرمينيا"": a month told after a dated
        # one in the same paragraph goes on from it (the next such month on)
        # (a sentence told before, or a clause of a list of them; a month to come is left alone)
        before = [x for x in explicit if x["end"] <= f["start"] and f["start"] - x["end"] <= 400
                  and "\n" not in text[x["end"]:f["start"]] and re.search(r"[.!?؟;؛]", text[x["end"]:f["start"]])
                  and not md[2]]
        if before and not _told_to_come(text, f["start"], f["end"]):
            near = max(before, key=lambda x: (x["end"], len(str(x["value"]))))
            year, told = int(str(near["value"])[:4]), str(near["value"])
            if len(told) >= 7 and md[0] < int(told[5:7]):
                year += 1
            value = _iso(year, md[0], md[1])
            if value and (pub is None or value[:7] <= pub):
                f["value"] = value
    return found


def _non_overlapping(found: list[dict]) -> list[dict]:
    found.sort(key=lambda f: (-(f["end"] - f["start"]), -f["_p"], f["start"]))
    taken: list[dict] = []
    for f in found:
        if all(f["end"] <= t["start"] or f["start"] >= t["end"] for t in taken):
            taken.append(f)
    for t in taken:
        t.pop("_p", None)
        t.pop("_md", None)
    return sorted(taken, key=lambda f: f["start"])


# ---------------------------------------------------------------- capacities
_UNITS_AR = [
    (r"بالمئه|بالمائه|في المئه|في المائه|في المئة|بالمئة|%|٪", "percent"),
    (r"(?:ميغا|ميجا|ميقا)\s?(?:واط|وات)(?:\s?ساعه)?", "MW"),
    (r"(?:غيغا|جيجا|قيقا)\s?(?:واط|وات)(?:\s?ساعه)?", "GW"),
    (r"كيلو\s?(?:واط|وات)(?:\s?ساعه)?", "kW"),
    (r"تيرا\s?(?:واط|وات)\s?ساعه", "TWh"),
    (r"(?:اكسا|إكسا)\s?هاش(?:\s?في الثانيه)?", "EH/s"),
    (r"بيتا\s?هاش(?:\s?في الثانيه)?", "PH/s"),
    (r"تيرا\s?هاش(?:\s?في الثانيه)?", "TH/s"),
    (r"(?:اله|الات|جهاز|اجهزه|جهازا|حاسوب|حواسيب|منصه|منصات|وحده|وحدات)(?:\s+(?:تعدين|للتعدين|لتعدين))?", "machines"),
    (r"منجم|مناجم|منجما", "mines"),
    (r"حاويه|حاويات|حاويتين|حاويتان|حاويتي", "containers"),
    (r"مزرعه|مزارع|منشاه|منشات|مشروع|مشاريع|مشروعا|مركز بيانات|مراكز بيانات|مرفق|مرافق", "facilities"),
    (r"دولار(?:ا|ات)?(?:\s+امريكي|\s+اميركي)?", "USD"),
    (r"يوان", "CNY"),
    (r"تينغ[يه]|تنغ[يه]", "KZT"),
    (r"روبل", "RUB"),
    (r"ريال", "IRR"),
    (r"يورو", "EUR"),
    (r"شركه|شركات", "companies"),
]
_UNITS_AR = [(normalize_ar(p), u) for p, u in _UNITS_AR]
_UNITS_EN = [
    (r"%|percent|per cent|pct", "percent"),
    (r"mw|megawatts?|megawatt-hours?|mwh", "MW"),
    (r"gw|gigawatts?", "GW"),
    (r"kw|kilowatts?", "kW"),
    (r"twh|terawatt[- ]hours?", "TWh"),
    (r"eh/s|exahash(?:es)?(?: per second)?", "EH/s"),
    (r"ph/s|petahash(?:es)?(?: per second)?", "PH/s"),
    (r"th/s|terahash(?:es)?(?: per second)?", "TH/s"),
    (r"(?:(?:bitcoin |crypto |cryptocurrency )?mining )?(?:machines?|rigs?|asics?|miners|computers|units|devices)", "machines"),
    (r"mines", "mines"),
    (r"(?:shipping )?containers?", "containers"),
    (r"(?:mining )?(?:farms?|facilities|facility|data cent(?:er|re)s?|sites|power plants)", "facilities"),
    (r"tenge", "KZT"),
    (r"yuan", "CNY"),
    (r"rubles?|roubles?", "RUB"),
    (r"(?:us )?dollars?", "USD"),
    (r"euros?", "EUR"),
    (r"(?:registered )?(?:crypto )?(?:miners|companies|firms)", "companies"),
]
# by their normalised spelling (ingest.normalize.normalize_ar: مئة -> ميه), as the
# folded text has them; ingest.lang.ar.lex_attrs reads them for LIKE_NUM. Kept
# here so that parsing values needs no spaCy.
AR_NUMBER_WORDS = {normalize_ar(w): n for w, n in {
    "صفر": 0, "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30,
    "اربعين": 40, "اربعون": 40, "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60,
    "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90,
    "مئه": 100, "مائه": 100, "مئتين": 200, "مائتين": 200, "مئتي": 200, "مائتي": 200,
    "الف": 1000, "الفا": 1000, "الاف": 1000, "الفين": 2000, "الفي": 2000,
    "مليون": 1_000_000, "ملايين": 1_000_000, "مليار": 1_000_000_000, "مليارات": 1_000_000_000,
    "نصف": 0.5, "ربع": 0.25,
}.items()}
EN_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12, "half": 50,
}
# the small counts of "three years ago", "قبل ثلاث سنوات" (folded, ة as ه)
_EN_FEW_N = {"a": 1, **{w: n for w, n in EN_NUMBER_WORDS.items() if n <= 10}}
_EN_FEW = "|".join(_EN_FEW_N)
_AR_FEW_N = {w: int(n) for w, n in AR_NUMBER_WORDS.items() if 3 <= n <= 10}
_AR_FEW = "|".join(sorted(_AR_FEW_N, key=len, reverse=True))
_MULT_AR = {"الف": 1e3, "الفا": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9}
_MULT_EN = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}
# the multiplier words as regex alternatives, in the order above
_MULT_AR_RX, _MULT_EN_RX = "|".join(_MULT_AR), "|".join(_MULT_EN)

_NUM = r"\d+(?:[.,]\d+)*"
_AR_NUMW = "|".join(sorted((re.escape(w) for w in AR_NUMBER_WORDS if w not in ("نصف", "ربع", *_MULT_AR)),
                          key=len, reverse=True))
_EN_NUMW = "|".join(sorted((re.escape(w) for w in EN_NUMBER_WORDS if w not in ("half",)), key=len, reverse=True))


_AR_UNITS_1_9 = [w for w, n in AR_NUMBER_WORDS.items() if 1 <= n <= 9 and float(n).is_integer()]
_AR_TENS = [w for w, n in AR_NUMBER_WORDS.items() if n in (20, 30, 40, 50, 60, 70, 80, 90)]
_AR_UNITS_RX = "|".join(sorted(_AR_UNITS_1_9, key=len, reverse=True))
_AR_TENS_RX = "|".join(sorted(_AR_TENS, key=len, reverse=True))
# "ستة وعشرين": six and twenty (groups: the unit, the tens); inside other patterns, without groups
_AR_COMPOUND = re.compile(rf"({_AR_UNITS_RX})\s+و\s*({_AR_TENS_RX})")
_AR_COMPOUND_RX = rf"(?:{_AR_UNITS_RX})\s+و\s*(?:{_AR_TENS_RX})"


def _alts(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# Cardinals below a thousand written in words, as one number: "twenty-five", "one hundred
# and fifty", "مئة وخمسين", "ثلاثمئة" ("thousand", "آلاف" after them multiply, as after digits)
_EN_UNITS = {w: n for w, n in EN_NUMBER_WORDS.items() if " " not in w and 1 <= n <= 9}
_EN_SMALL = {w: n for w, n in EN_NUMBER_WORDS.items() if " " not in w and 1 <= n <= 19 and w != "dozen"}
_EN_TENS = {w: n for w, n in EN_NUMBER_WORDS.items() if n in (20, 30, 40, 50, 60, 70, 80, 90) and w != "half"}
_EN_BELOW_100 = rf"(?:(?:{_alts(_EN_TENS)})(?:[\s-](?:{_alts(_EN_UNITS)})(?![a-z]))?|(?:{_alts(_EN_SMALL)}))(?![a-z])"
_EN_CARDINAL_RX = (rf"(?:(?:(?:{_alts(_EN_UNITS)})|a)\s+hundred(?:\s+(?:and\s+)?{_EN_BELOW_100})?(?![a-z])"
                   rf"|(?:{_alts(_EN_TENS)})[\s-](?:{_alts(_EN_UNITS)})(?![a-z]))")
_AR_HUNDREDS = {normalize_ar(w): n for w, n in {
    "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مئتا": 200, "مئتي": 200, "مائتان": 200,
    "مائتين": 200, "مائتا": 200, "مائتي": 200,
    **{f"{u}{h}": n * 100 for u, n in (("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                                      ("ثمان", 8), ("ثماني", 8), ("تسع", 9))
       for h in ("مئة", "مائة", " مئة", " مائة")},
}.items()}
_AR_CARDINAL_RX = rf"(?:{_alts(_AR_HUNDREDS)})(?:\s+و\s*(?:{_AR_COMPOUND_RX}|{_AR_TENS_RX}|{_AR_UNITS_RX}|عشر[هة]?))?"
_AR_CARDINAL = re.compile(rf"({_alts(_AR_HUNDREDS)})(?:\s+و\s*(.+))?")


def _cardinal(s: str) -> float | None:
    """The value of a cardinal in words that the patterns above match, or None."""
    m = _AR_CARDINAL.fullmatch(s)
    if m:
        rest = _num(m.group(2)) if m.group(2) else 0
        return None if rest is None else _AR_HUNDREDS[m.group(1)] + rest
    total = 0
    for w in re.split(r"[\s-]+", s):
        if w == "and":
            continue
        if w == "hundred":
            total = (total or 1) * 100
        elif w == "a":  # ("a hundred", "a thousand")
            total = 1
        elif w in _EN_SMALL or w in _EN_TENS:
            total += EN_NUMBER_WORDS[w]
        else:
            return None
    return total or None


# a count of thousands right before a number of hundreds or less: it is part of it
_THOUSANDS_BEFORE = {
    "en": re.compile(rf"(?<![\w.,])({_NUM}|{_EN_CARDINAL_RX}|{_alts(_EN_SMALL)}|{_alts(_EN_TENS)})"
                     rf"[\s-]+thousand,?\s+(?:and\s+)?()$"),
    "ar": re.compile(rf"(?<![\w\u0600-\u06FF])(?:({_NUM}|{_AR_COMPOUND_RX}|{_AR_UNITS_RX}|عشره?)\s+(?:الاف|الف)"
                     rf"|(الفين|الفي|الفا|الف))\s+()$"),
}


_COUNT_AFTER_AR = re.compile(
    rf"(?<![\w\u0600-\u06FF])[وفبل]?(?:ال)?(?:(?P<m>اجهزه|(?:اجهزت|الات|منصات|حواسيب)(?:ه|ها|هم|هما)?)"
    rf"|(?P<c>حاويات(?:ه|ها|هم|هما)?))\s+ال\s*"
    rf"(?P<n>{_NUM}|{_AR_COMPOUND_RX}|{_AR_TENS_RX}|{_AR_UNITS_RX})(?![\w\u0600-\u06FF])")


def _num(s: str) -> float | None:
    s = s.strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    elif re.fullmatch(r"\d+,\d+", s):
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        pass
    m = _AR_COMPOUND.fullmatch(s)
    if m:  # "ستة وعشرين": six and twenty
        return AR_NUMBER_WORDS[m.group(1)] + AR_NUMBER_WORDS[m.group(2)]
    return AR_NUMBER_WORDS.get(s) or EN_NUMBER_WORDS.get(s) or _cardinal(s)


def _clean(x: float | None):
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)


# whole words: "الفين" (two thousand) holds "الف" (thousand) and is no multiplier
_MULT_WORD = re.compile(rf"(?<![\w\u0600-\u06FF])({_MULT_AR_RX}|{_MULT_EN_RX})(?![\w\u0600-\u06FF])")


@lru_cache(maxsize=4)
def _capacity_rx(lang: str, rng: str) -> Scanner:
    """One pattern for every unit of a language: a number (or range) and then one
    unit, each unit in its own named group ``u<index>``."""
    units = _UNITS_AR if lang == "ar" else _UNITS_EN
    cl = _CL if lang == "ar" else ""
    alts = []
    for i, (pat, unit) in enumerate(units):
        sep = r"\s*" if unit == "percent" else (r"[\s-]*(?:\"[^\"]{1,30}\"\s+)?" if lang == "en" else r"\s+")
        alts.append(rf"(?P<u{i}>{sep}{cl}(?:{pat}))")
    return Scanner(re.compile(rf"(?<![\w\u0600-\u06FF.,]){cl}{rng}(?:{'|'.join(alts)})(?![\w\u0600-\u06FF])"))


_YEAR_BEFORE = re.compile(r"(?:\b(?:since|in|by|until|from)|(?<![\u0600-\u06FF])(?:منذ|عام|سنه|في|حتي|حتى))\s+$")


_PEOPLE_AFTER = re.compile(r"\s+(?:said|say|says|told|tell|who|were|are|have|had|interviewed|spoke)\b")


def find_capacities(text: str, lang: str, *, fold=None) -> list[dict]:
    """Quantities with units: ``{"start", "end", "text", "value": {"amount", "unit"}}``."""
    folded, offsets = fold or fold_with_map(text)
    if not folded:
        return []
    found: list[dict] = []
    if lang == "ar":
        units = _UNITS_AR
        numw, mults = _AR_NUMW, _MULT_AR
        # ("ألف جهاز", "مليون دولار": the multiplier alone is the number)
        num = rf"(?:{_NUM}|{_AR_CARDINAL_RX}|{_AR_COMPOUND_RX}|{numw}|الف|مليون|مليار)"
        mult = rf"(?:\s*(?:{_MULT_AR_RX}))?"
        rng = (rf"(?:بين\s+({num}){mult}\s*و\s*({num})|(?:من\s+(?={num}{mult}\s*(?:الى|الي|-|–)))?({num}){mult}"
               rf"(?:\s*(?:الى|الي|-|–)\s*({num}))?)({mult})")
    else:
        units = _UNITS_EN
        numw, mults = _EN_NUMW, _MULT_EN
        num = rf"(?:{_NUM}|{_EN_CARDINAL_RX}|{numw}|a(?=[\s-]+(?:thousand|million|billion)\b))"
        mult = rf"(?:[\s-]*(?:{_MULT_EN_RX}))?"
        rng = (rf"(?:between\s+({num}){mult}\s*and\s*({num})|(?:from\s+)?({num}){mult}"
               rf"(?:\s*(?:to|-|–)\s*({num}))?)({mult})")
    for m in _capacity_rx(lang, rng).finditer(folded):
        unit = units[int(m.lastgroup[1:])][1]  # the unit's group u<index> closes last
        g_lo, g_hi = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        lo, hi, mult_s = _num(g_lo), _num(g_hi) if g_hi else None, (m.group(5) or "").strip(" -")
        if lo is None:
            continue
        inner = _MULT_WORD.search(m.group(0)) if g_lo not in mults else None  # ("ألف جهاز": 1,000)
        factor = mults.get(mult_s) or (mults.get(inner.group(1)) if inner else None) or 1
        lo, hi = lo * factor, (hi * factor if hi is not None else None)
        if unit == "percent" and lo > 100:
            continue
        raw_lo = _num(g_lo)
        if hi is None and raw_lo is not None and 1990 <= raw_lo <= 2039 and float(raw_lo).is_integer() \
                and _YEAR_BEFORE.search(folded, max(0, m.start() - 12), m.start()):
            continue  # "منذ 2019 مزارع", "since 2019 farms": a year, not a count
        if unit == "machines" and lang == "en" and m.group(0).endswith("miners") \
                and _PEOPLE_AFTER.match(folded, m.end()):
            continue  # "two miners said", "20 miners who left": people, not machines
        start, end = m.start(), m.end()
        if lang == "ar" and hi is None and folded.startswith(" ونصف", end):
            lo, end = lo + 0.5 * factor, end + 5  # "أربعة ميغاواط ونصف": four and a half
        if hi is None and factor == 1:
            # "three thousand five hundred machines", "ألفين وخمسمئة جهاز": the thousands before
            k = _THOUSANDS_BEFORE[lang].search(folded, max(0, start - 40), start)
            if k is not None and (lang == "en" or folded.startswith("و", start)):  # ("… وخمسمئة")
                lo += _num(k.group(1)) * 1000 if k.group(1) else AR_NUMBER_WORDS[k.group(2)]
                start = k.start()
        amount = [_clean(lo), _clean(hi)] if hi is not None and hi != lo else _clean(lo)
        s, e = offsets[start], offsets[end - 1] + 1
        found.append({"start": s, "end": e, "text": text[s:e], "value": {"amount": amount, "unit": unit}, "_p": 2})
    # money written with a currency sign first: $16-billion, US$4.8-billion, $0.0023
    if lang == "en":
        for m in scanner(rf"(?<![\w.])(?:us\s?\$|\$)\s?({_NUM})(?:[\s-]*({_MULT_EN_RX}))?").finditer(folded):
            v = _num(m.group(1))
            if v is None:
                continue
            v *= _MULT_EN.get(m.group(2) or "", 1)
            s, e = offsets[m.start()], offsets[m.end() - 1] + 1
            found.append({"start": s, "end": e, "text": text[s:e], "value": {"amount": _clean(v), "unit": "USD"}, "_p": 1})
        for m in scanner(r"\bseveral (?:thousand|hundred|dozen)\b").finditer(folded):
            s, e = offsets[m.start()], offsets[m.end() - 1] + 1
            unit = _unit_after(folded, m.end(), _UNITS_EN)
            if unit:
                found.append({"start": s, "end": e, "text": text[s:e], "value": {"amount": None, "unit": unit}, "_p": 0})
    else:
        # the count after what is counted, with the article: "أجهزته الـ350", "الحاويات السبع"
        for m in _COUNT_AFTER_AR.finditer(folded):
            v = _num(m.group("n"))
            if v is None or v < 2:
                continue
            unit = "containers" if m.group("c") else "machines"
            s, e = offsets[m.start()], offsets[m.end() - 1] + 1
            found.append({"start": s, "end": e, "text": text[s:e], "value": {"amount": _clean(v), "unit": unit}, "_p": 1})
        for m in scanner(r"(?<![\w\u0600-\u06FF])(?:\"|«)?(?:الاف|مئات|عشرات|ملايين)(?:\s+(?:الالاف|الاف|الملايين))?\s*(?:عده|عديده)?(?:\"|»)?").finditer(folded):
            s, e = offsets[m.start()], offsets[m.end() - 1] + 1
            unit = _unit_after(folded, m.end(), _UNITS_AR)
            if unit:
                found.append({"start": s, "end": e, "text": text[s:e], "value": {"amount": None, "unit": unit}, "_p": 0})
    return _non_overlapping(found)


def _unit_after(folded: str, pos: int, units) -> str | None:
    tail = folded[pos:pos + 40]
    tail = re.sub(r"^\s*(?:\"|»)?\s*(?:من\s+|of\s+)?", "", tail)
    for pat, unit in units:
        if unit in ("percent", "companies"):
            continue
        if re.match(rf"(?:[وفبل]|ال)?(?:{pat})", tail):
            return unit
    return None
