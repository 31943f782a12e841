"""Arabic lexical attributes: a NORM that folds spelling variants and strips
a leading clitic only where what remains is a known word, and number words.

NORM never changes the text or the offsets; it is what the entity ruler,
the trigger matcher and the value parsers compare on.
"""
from __future__ import annotations

from ingest.normalize import normalize_ar
from ingest.values import AR_NUMBER_WORDS as NUMBER_WORDS

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
                # a clitic that ends in the article keeps it when the names are written
                # with it: والجبل -> الجبل (الجبل الأسود), not جبل (جبل طارق)
                if c.endswith("ال") and "ال" + rest in known:
                    return "ال" + rest
                # "لل" stands for "ل" + "ال": للصين -> الصين, and للدار -> الدار (الدار البيضاء)
                # before دار (دار السلام)
                if c == "لل" and "ال" + rest in known:
                    return "ال" + rest
                if rest in known:
                    return rest
        return n
    return norm


def like_num(text: str) -> bool:
    n = normalize_ar(text).replace(",", "").replace(".", "")
    return n.isdigit() or n in NUMBER_WORDS
