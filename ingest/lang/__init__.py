"""Language data shared by the pipelines."""
from __future__ import annotations

from spacy.attrs import ORTH

__all__ = ["cacheable_exceptions"]


def cacheable_exceptions(exceptions: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """``exceptions`` without the special cases that only keep one character as itself
    (``"—"``, ``"\\n"``, ``"\\t"``).

    Such a case changes no tokenization (affix rules cannot split one character),
    but spaCy's tokenizer stops caching the words of a text after the first special
    case it meets, so a dateline's dash made it tokenize every later word of the
    article afresh (about ten times slower than from the cache).
    """
    return {string: tokens for string, tokens in exceptions.items()
            if not (len(string) == 1 and tokens == [{ORTH: string}])}
