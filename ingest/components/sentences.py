"""``kg_sentences``: rule-based sentence boundaries for news text.

A sentence ends after ``. ! ? ؟ …`` (and any closing quotes or brackets
that follow) and at every line break. Abbreviations that spaCy's tokenizer
keeps whole (``U.S.``, ``Feb.``, ``Inc.``) and decimals (``4.5``) never end
a sentence because they are single tokens.
"""
from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import ENT_TYPE, IS_PUNCT, IS_SPACE, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.normalize import fold_with_map, inverse_offsets

__all__ = ["KGSentencizer", "doc_text", "folded", "sentence_of", "token_view"]


def token_view(doc: Doc, *, refresh_ents: bool = False) -> dict:
    """Token texts, norms, punctuation/space flags and entity types as plain lists,
    read once per doc through ``Doc.to_array`` (each Token access would build a
    Python object). ``refresh_ents`` reads the entity types again (after the ruler)."""
    tv = doc.user_data.get("kg_tokens")
    if tv is None:
        strings = doc.vocab.strings
        arr = doc.to_array([ORTH, NORM, IS_PUNCT, IS_SPACE])
        tv = {"text": [strings[int(h)] for h in arr[:, 0]], "norm": [strings[int(h)] for h in arr[:, 1]],
              "punct": [bool(x) for x in arr[:, 2]], "space": [bool(x) for x in arr[:, 3]],
              "ent": None, "name_like": {}}
        doc.user_data["kg_tokens"] = tv
    if refresh_ents or tv["ent"] is None:
        strings = doc.vocab.strings
        tv["ent"] = [strings[int(h)] if h else "" for h in doc.to_array([ENT_TYPE])]
        tv["name_like"] = {}
    return tv


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc (spaCy rebuilds it on every access)."""
    t = doc.user_data.get("kg_text")
    if t is None:
        t = doc.user_data["kg_text"] = doc.text
    return t


def folded(doc: Doc) -> tuple[str, list[int], list[int]]:
    """The doc's folded text with its offset maps (computed once per doc)."""
    cached = doc.user_data.get("kg_fold")
    if cached is None:
        f, offsets = fold_with_map(doc_text(doc))
        cached = (f, offsets, inverse_offsets(offsets, len(doc_text(doc))))
        doc.user_data["kg_fold"] = cached
    return cached


def sentence_of(doc: Doc, span: Span) -> Span:
    """The sentence holding ``span``, found by bisection on cached sentence starts."""
    starts = doc.user_data.get("kg_sent_starts")
    if starts is None:
        sents = list(doc.sents)
        doc.user_data["kg_sents"] = [(s.start, s.end) for s in sents]
        starts = doc.user_data["kg_sent_starts"] = [s.start for s in sents]
    i = max(0, bisect_right(starts, span.start) - 1)
    st, en = doc.user_data["kg_sents"][i]
    return doc[st:en]

_ENDS = {".", "!", "?", "؟", "…", "。", "!?", "?!"}
_CLOSERS = {'"', "'", "”", "’", "»", ")", "]", "»"}


@Language.factory("kg_sentences", assigns=["token.is_sent_start"])
def make_sentencizer(nlp: Language, name: str):
    return KGSentencizer()


class KGSentencizer:
    """Sentence starts computed over plain lists and written in one array call."""

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        tv = token_view(doc)
        texts, spaces = tv["text"], tv["space"]
        breaks = ["\n" in t for t in texts]
        starts = [False] * n
        starts[0] = True
        pending = False
        for i in range(1, n):
            t = texts[i]
            if pending:
                if t in _CLOSERS or spaces[i]:
                    continue
                starts[i], pending = True, False
                continue
            p = texts[i - 1]
            if p in _ENDS or breaks[i - 1]:
                if (t in _CLOSERS and not breaks[i - 1]) or spaces[i]:
                    pending = True
                    continue
                starts[i] = True
        # an inline subheading "- Title -" between sentences stands alone
        for i in range(n):
            if starts[i] and texts[i] in ("-", "–", "—"):
                for j in range(i + 1, min(i + 8, n - 1)):
                    if texts[j] == texts[i]:
                        for k in range(i + 1, j + 1):
                            starts[k] = False
                        starts[j + 1] = True
                        break
        # one array write (setting Token.is_sent_start checks the whole doc each time):
        # 1 starts a sentence, -1 does not (as uint64, the way Doc.from_array takes it)
        arr = numpy.array([1 if st else -1 for st in starts], dtype="int64").astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], arr)
        return doc
