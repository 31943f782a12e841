"""Arabic lexical attributes: a NORM that folds spelling variants and strips
a leading clitic only where what remains is a known word, and number words.

NORM never changes the text or the offsets; it is what the entity ruler,
the trigger matcher and the value parsers compare on.
"""
from __future__ import annotations

from ingest.normalize import normalize_ar

__all__ = ["CLITICS", "make_norm", "NUMBER_WORDS", "like_num"]

# Longest first: "وبال" before "و".
CLITICS = ("وبال", "وال", "بال", "فال", "كال", "لل", "وب", "ول", "وك", "فب", "فل",
           "و", "ف", "ب", "ك", "ل", "ال")


def make_norm(known: set[str]):
    """Return a NORM getter that strips clitics only when the rest is in ``known``.

    ``known`` holds normalised words of the gazetteers and lexicons (``كازاخستان``,
    ``بكين``, ``المئه``). A word that is itself known (``بكين``) is never cut.
    """
    def norm(text: str) -> str:
        n = normalize_ar(text)
        if not n or not ("\u0600" <= n[0] <= "\u06ff"):
            return n.lower()
        if n in known:
            return n
        for c in CLITICS:
            if n.startswith(c) and len(n) - len(c) >= 3:
                rest = n[len(c):]
                if rest in known:
                    return rest
                # "لل" stands for "ل" + "ال": لسيشوان -> سيشوان, للصين -> الصين
                if c == "لل" and "ال" + rest in known:
                    return "ال" + rest
                if c.endswith("ال") and "ال" + rest in known:
                    return "ال" + rest
        return n
    return norm


NUMBER_WORDS = {
    "صفر": 0, "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30,
    "اربعين": 40, "اربعون": 40, "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60,
    "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90,
    "مئه": 100, "مائه": 100, "مئتين": 200, "مائتين": 200, "الف": 1000, "الفا": 1000,
    "الفين": 2000, "الاف": 1000, "مليون": 1_000_000, "ملايين": 1_000_000, "مليار": 1_000_000_000,
    "مليارات": 1_000_000_000, "نصف": 0.5, "ربع": 0.25,
}


def like_num(text: str) -> bool:
    n = normalize_ar(text).replace(",", "").replace(".", "")
    return n.isdigit() or n in NUMBER_WORDS
