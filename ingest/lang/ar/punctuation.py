"""Arabic tokenizer affixes on top of spaCy's: split a one-letter clitic
(و ف ب ل ك) from a following quote, digit or Latin word (``و"اي``, ``و85``,
``وNDRC``, ``ب"لي``), and a full stop from a number that ends a sentence
(``2025.``). Arabic words themselves are never split: clitics glued to
Arabic letters are handled in NORM (lex_attrs.py)."""
from spacy.lang.ar.punctuation import TOKENIZER_SUFFIXES as _AR_SUFFIXES
from spacy.lang.punctuation import TOKENIZER_PREFIXES as _PREFIXES

from spacy.lang.punctuation import TOKENIZER_INFIXES as _INFIXES

__all__ = ["TOKENIZER_PREFIXES", "TOKENIZER_SUFFIXES", "TOKENIZER_INFIXES"]

# a full stop glued between two Arabic words ("القطاع.وذكر") ends a sentence
TOKENIZER_INFIXES = [r"(?<=[\u0600-\u06FF])[.:!؟](?=[\u0600-\u06FF])", *_INFIXES]

TOKENIZER_PREFIXES = [r"[وفبلك](?=[\"«“”'(0-9٠-٩A-Za-z])", "[«»“”]", *_PREFIXES]
TOKENIZER_SUFFIXES = [r"(?<=[\"»”')])\.", r"[\"»”]", r"(?<=[0-9٠-٩])\.", r"(?<=[0-9٠-٩])٪", "[«»“”]", r"(?<=[\u0600-\u06FF])\.", *_AR_SUFFIXES]
