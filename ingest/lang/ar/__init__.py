"""Arabic language data for the pipeline (spaCy idioms, no pretrained model).

``ArabicKG`` is spaCy's blank Arabic with our tokenizer affixes and a NORM
that folds spelling variants and strips clitics before known names.
"""
from __future__ import annotations

from spacy.attrs import LIKE_NUM, NORM
from spacy.lang.ar import Arabic, ArabicDefaults

from .. import cacheable_exceptions
from .lex_attrs import like_num, make_norm
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES

__all__ = ["make_arabic"]


def make_arabic(known: set[str]) -> Arabic:
    """A blank Arabic pipeline whose NORM knows the words in ``known``."""

    class ArabicKGDefaults(ArabicDefaults):
        prefixes = TOKENIZER_PREFIXES
        suffixes = TOKENIZER_SUFFIXES
        infixes = TOKENIZER_INFIXES
        tokenizer_exceptions = cacheable_exceptions(ArabicDefaults.tokenizer_exceptions)
        lex_attr_getters = {**ArabicDefaults.lex_attr_getters, NORM: make_norm(known),
                            LIKE_NUM: like_num}

    class ArabicKG(Arabic):
        lang = "ar"
        Defaults = ArabicKGDefaults

    return ArabicKG()
