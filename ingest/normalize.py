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
from functools import lru_cache

__all__ = ["normalize_text", "normalize_ar", "clean_article_text", "fold_with_map", "fold_with_maps",
           "AR_DIACRITICS", "DIGITS"]

AR_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_AR_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج",
    "٫": ".", "٬": ",", "،": ",", "؛": ";", "؟": "?",
})


def normalize_text(s: str) -> str:
    """NFKC, Arabic folding, digits to ASCII. For comparisons, never for offsets."""
    return normalize_ar(unicodedata.normalize("NFKC", s))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")


def clean_article_text(s: str) -> str:
    """Replace NUL, other control characters and BOMs by spaces, one for one,
    and line breaks ``\\r\\n`` / ``\\r`` by ``\\n`` (the only change of length)."""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", s)


_DROP = {ord(c): None for c in "\u0640" + "".join(chr(x) for x in list(range(0x0610, 0x061B))
                                                     + list(range(0x064B, 0x0660)) + [0x0670]
                                                     + list(range(0x06D6, 0x06EE)))}
_FOLD_TABLE = {**_AR_LETTERS, **DIGITS, **_DROP}
_DROPPED = re.compile("[" + "".join(chr(c) for c in sorted(_DROP)) + "]+")
# the runs of characters to fold, captured: ``split`` gives the text between them and
# them by turns
_FOLD_RUNS = re.compile("([" + "".join(re.escape(chr(c)) for c in sorted(_FOLD_TABLE)) + "]+)")
# a text at least this long is folded once for the last few times it was asked for
# (the event rules fold the same sentence or passage again and again)
_KEEP_FROM = 200


def _fold_runs(s: str) -> str:
    parts = _FOLD_RUNS.split(s)
    if len(parts) == 1:
        return s
    parts[1::2] = [run.translate(_FOLD_TABLE) for run in parts[1::2]]
    return "".join(parts)


_fold_long = lru_cache(maxsize=32)(_fold_runs)


def normalize_ar(s: str) -> str:
    """Fold Arabic spelling variants (the result may be shorter than ``s``).

    Diacritics and tatweel go, letters and digits fold (one table: none of
    them makes another); only the runs of such characters are translated,
    which is several times faster than translating every character.
    """
    return _fold_long(s) if len(s) >= _KEEP_FROM else _fold_runs(s)


# characters that NFKC changes in news text: presentation forms, fullwidth, ligatures,
# odd spaces, super/subscripts, fractions (canonical reordering of diacritics is moot:
# they are dropped)
_COMPAT = re.compile("[\u00a0\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u0132\u0133\u013f\u0140"
                     "\u017f\u01c4-\u01cc\u02b0-\u02b8\u2000-\u200a\u2024-\u2026\u202f\u2033\u2034"
                     "\u205f\u2070-\u209f\u2100-\u2189\u2460-\u24ff\u3000\ufb00-\ufdff\ufe10-\ufe6f"
                     "\ufe70-\ufeff\uff00-\uffef]")


def fold_with_map(s: str) -> tuple[str, list[int]]:
    """Fold ``s`` like :func:`normalize_text` (lower-cased) and return the folded
    string with, for each of its characters, the offset of the character of
    ``s`` it came from, so a regex match on the folded text maps back to true
    offsets: ``offsets[m.start()]`` .. ``offsets[m.end() - 1] + 1``.

    >>> fold_with_map("أَمَرَتْ ٢٠")
    ('امرت 20', [0, 2, 4, 6, 8, 9, 10])
    >>> fold_with_map("ﻻ ١")
    ('لا 1', [0, 0, 1, 2])
    """
    folded, offsets, _ = fold_with_maps(s)
    return folded, offsets


def fold_with_maps(s: str) -> tuple[str, list[int], list[int]]:
    """:func:`fold_with_map` and, built along, the inverse of its offsets: for each
    offset of ``s`` (0..len(s)), the first folded index at or after it.

    >>> fold_with_maps("أَمَرَتْ ٢٠")[2]
    [0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7]
    """
    out: list[str] = []
    offsets: list[int] = []
    inverse: list[int] = []  # for each character of s, the folded length before its output
    pos = 0
    for m in _COMPAT.finditer(s):
        _fold_plain(s, pos, m.start(), out, offsets, inverse)
        i = m.start()
        inverse.append(len(offsets))
        for c in unicodedata.normalize("NFKC", s[i]).translate(_FOLD_TABLE).lower():
            out.append(c)
            offsets.append(i)
        pos = m.end()
    _fold_plain(s, pos, len(s), out, offsets, inverse)
    inverse.append(len(offsets))
    return "".join(out), offsets, inverse


def _fold_plain(s: str, start: int, end: int, out: list[str], offsets: list[int], inverse: list[int]) -> None:
    """Fold ``s[start:end]`` (no compatibility characters) onto ``out`` / ``offsets`` / ``inverse``."""
    if start >= end:
        return
    seg = s[start:end]
    folded = normalize_ar(seg)  # seg.translate(_FOLD_TABLE), run by run
    low = folded.lower()
    if len(low) == len(folded):
        out.append(low)
        if len(folded) == len(seg):
            inverse.extend(range(len(offsets), len(offsets) + len(seg)))
            offsets.extend(range(start, end))
        else:  # only dropped marks (diacritics, tatweel) change the length: the runs between them
            pos = start
            for m in _DROPPED.finditer(seg):
                inverse.extend(range(len(offsets), len(offsets) + start + m.start() - pos))
                offsets.extend(range(pos, start + m.start()))
                pos = start + m.end()
                inverse.extend([len(offsets)] * (m.end() - m.start()))
            inverse.extend(range(len(offsets), len(offsets) + end - pos))
            offsets.extend(range(pos, end))
        return
    for i in range(start, end):
        inverse.append(len(offsets))
        for c in s[i].translate(_FOLD_TABLE).lower():
            out.append(c)
            offsets.append(i)
