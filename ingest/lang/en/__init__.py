"""English language data: spaCy's blank English with a NORM that folds
typographic apostrophes and case, so gazetteer names match case-insensitively."""
from __future__ import annotations

from spacy.attrs import NORM
from spacy.lang.en import English, EnglishDefaults

from .. import cacheable_exceptions

__all__ = ["make_english"]


def _norm(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


def make_english() -> English:
    """A blank English pipeline with our NORM."""

    class EnglishKGDefaults(EnglishDefaults):
        tokenizer_exceptions = cacheable_exceptions(EnglishDefaults.tokenizer_exceptions)
        lex_attr_getters = {**EnglishDefaults.lex_attr_getters, NORM: _norm}

    class EnglishKG(English):
        lang = "en"
        Defaults = EnglishKGDefaults

    return EnglishKG()
