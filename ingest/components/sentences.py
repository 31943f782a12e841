"""``kg_sentences``: rule-based sentence boundaries for news text.

A sentence ends after ``. ! ? ؟ …`` (and any closing quotes or brackets
that follow) and at every line break. Abbreviations that spaCy's tokenizer
keeps whole (``U.S.``, ``Feb.``, ``Inc.``) and decimals (``4.5``) never end
a sentence because they are single tokens.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["KGSentencizer"]

_ENDS = {".", "!", "?", "؟", "…", "。", "!?", "?!"}
_CLOSERS = {'"', "'", "”", "’", "»", ")", "]", "»"}


@Language.factory("kg_sentences", assigns=["token.is_sent_start"])
def make_sentencizer(nlp: Language, name: str):
    return KGSentencizer()


class KGSentencizer:
    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        doc[0].is_sent_start = True
        start_next = False
        for i, tok in enumerate(doc):
            if i == 0:
                continue
            if start_next and tok.text not in _CLOSERS and not tok.is_space:
                tok.is_sent_start = True
                start_next = False
                continue
            if start_next and (tok.text in _CLOSERS or tok.is_space):
                tok.is_sent_start = False
                if "\n" in tok.text:
                    pass
                continue
            tok.is_sent_start = False
            prev = doc[i - 1]
            if prev.text in _ENDS or "\n" in prev.text or "\n" in prev.whitespace_:
                if tok.text in _CLOSERS and "\n" not in prev.text and "\n" not in prev.whitespace_:
                    start_next = True
                    continue
                if tok.is_space:
                    start_next = True
                    continue
                tok.is_sent_start = True
        # an inline subheading "- Title -" between sentences stands alone
        for i, tok in enumerate(doc):
            if tok.is_sent_start and tok.text in ("-", "–", "—"):
                for j in range(i + 1, min(i + 8, len(doc) - 1)):
                    if doc[j].text == tok.text:
                        doc[j + 1].is_sent_start = True
                        for k in range(i + 1, j + 1):
                            doc[k].is_sent_start = False
                        break
        return doc
