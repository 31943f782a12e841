"""Text normalisation that never changes offsets.

:func:`normalize_text` folds spelling variants for comparison (NORM, ids,
matching): Arabic alef forms, alef maqsura, ta marbuta, hamza seats,
diacritics, tatweel, Arabic-Indic and Persian digits, and Unicode
compatibility forms. The article text itself is only cleaned by
:func:`clean_article_text`, which keeps every character position except
for control characters that it replaces one for one.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "normalize_ar", "clean_article_text", "fold_with_map", "AR_DIACRITICS", "DIGITS"]

AR_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_AR_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج",
    "٫": ".", "٬": ",", "،": ",", "؛": ";", "؟": "?",
})


def normalize_ar(s: str) -> str:
    """Fold Arabic spelling variants (the result may be shorter than ``s``)."""
    s = AR_DIACRITICS.sub("", s)
    return s.translate(_AR_LETTERS).translate(DIGITS)


def normalize_text(s: str) -> str:
    """NFKC, Arabic folding, digits to ASCII. For comparisons, never for offsets."""
    return normalize_ar(unicodedata.normalize("NFKC", s))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")


def clean_article_text(s: str) -> str:
    """Replace NUL, other control characters and BOMs by spaces, one for one,
    and line breaks ``\\r\\n`` / ``\\r`` by ``\\n`` (the only change of length)."""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", s)


def fold_with_map(s: str) -> tuple[str, list[int]]:
    """Fold ``s`` like :func:`normalize_text` (lower-cased) and return the folded
    string with, for each of its characters, the offset of the character of
    ``s`` it came from, so a regex match on the folded text maps back to true
    offsets: ``offsets[m.start()]`` .. ``offsets[m.end() - 1] + 1``."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(s):
        if AR_DIACRITICS.match(ch):
            continue
        f = unicodedata.normalize("NFKC", ch).translate(_AR_LETTERS).translate(DIGITS).lower()
        for c in f:
            out.append(c)
            offsets.append(i)
    return "".join(out), offsets
