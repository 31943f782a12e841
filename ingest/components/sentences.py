"""``kg_sentences``: rule-based sentence boundaries for news text.

A sentence ends after ``. ! ? ؟ …`` (and any closing quotes or brackets
that follow) and at every line break. Abbreviations that spaCy's tokenizer
keeps whole (``U.S.``, ``Feb.``, ``Inc.``) and decimals (``4.5``) never end
a sentence because they are single tokens.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress
from typing import NamedTuple

import numpy
from spacy.attrs import ENT_TYPE, IDX, IS_PUNCT, IS_SPACE, NORM, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.normalize import fold_with_maps

__all__ = ["KGSentencizer", "Sentence", "dateline", "doc_text", "entity_spans", "filed_on", "folded", "sentence_at",
           "sentences", "span_text", "token_view"]


class _Strings(dict):
    """Hash -> string of one vocab, filled on demand: a dict look-up is several times
    cheaper than ``StringStore.__getitem__``, and ``map`` runs it without Python frames."""

    LIMIT = 500_000  # then start afresh (the vocab keeps growing with new words)

    def __init__(self, strings):
        super().__init__({0: ""})
        self.strings = strings

    def __missing__(self, key: int) -> str:
        if len(self) > self.LIMIT:
            self.clear()
            self[0] = ""
        value = self[key] = self.strings[key]
        return value


_STRINGS: dict[int, _Strings] = {}


def _strings(doc: Doc) -> _Strings:
    """The string cache of the doc's vocab (the last few vocabs are kept)."""
    cache = _STRINGS.get(id(doc.vocab.strings))
    if cache is None or cache.strings is not doc.vocab.strings:
        while len(_STRINGS) >= 8:
            del _STRINGS[next(iter(_STRINGS))]
        cache = _STRINGS[id(doc.vocab.strings)] = _Strings(doc.vocab.strings)
    return cache


def token_view(doc: Doc, *, refresh_ents: bool = False) -> dict:
    """Token texts, norms, punctuation/space flags, character offsets (``idx``),
    trailing-space flags (``ws``) and entity types as plain lists, read once per
    doc through ``Doc.to_array`` (each Token access would build a Python object).
    ``refresh_ents`` reads the entity types again (after the ruler)."""
    tv = doc.user_data.get("kg_tokens")
    if tv is None:
        string_of = _strings(doc).__getitem__
        arr = doc.to_array([ORTH, NORM, IS_PUNCT, IS_SPACE, IDX, SPACY])
        orth, norm = arr[:, 0].tolist(), arr[:, 1].tolist()  # Python ints: no numpy scalar per token
        tv = {"text": list(map(string_of, orth)), "norm": list(map(string_of, norm)),
              "punct": arr[:, 2].astype(bool).tolist(), "space": arr[:, 3].astype(bool).tolist(),
              "idx": arr[:, 4].tolist(), "ws": arr[:, 5].astype(bool).tolist(),
              "ent": None, "name_like": {}}
        doc.user_data["kg_tokens"] = tv
    if refresh_ents or tv["ent"] is None:
        tv["ent"] = list(map(_strings(doc).__getitem__, doc.to_array([ENT_TYPE]).tolist()))
        tv["name_like"] = {}
    return tv


def entity_spans(doc: Doc) -> list[Span]:
    """``doc.spans["entities"]`` as a list of Spans: the very spans ``kg_entities``
    stored, while that span group is unchanged (iterating a span group builds every
    Span anew, two Token objects each)."""
    group = doc.spans.get("entities")
    if group is None:
        return []
    cached = doc.user_data.get("kg_entity_spans")
    if cached is not None and cached[0] is group and len(cached[1]) == len(group):
        return cached[1]
    return list(group)


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without building the span (the text from its first
    token to the end of its last)."""
    if end <= start:
        return ""
    tv = token_view(doc)
    return doc_text(doc)[tv["idx"][start]:tv["idx"][end - 1] + len(tv["text"][end - 1])]


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
        cached = fold_with_maps(doc_text(doc))
        doc.user_data["kg_fold"] = cached
    return cached


class Sentence(NamedTuple):
    """A sentence's token range and character offsets (a spaCy Span computes its
    offsets and text from Token objects on each access)."""

    start: int
    end: int
    start_char: int
    end_char: int


def sentences(doc: Doc) -> list[Sentence]:
    """The doc's sentences (``doc.sents``), read once per doc (``kg_sentences`` has
    written them already)."""
    sents = doc.user_data.get("kg_sentences")
    if sents is None:
        sents = doc.user_data["kg_sentences"] = [Sentence(s.start, s.end, s.start_char, s.end_char)
                                                 for s in doc.sents]
        doc.user_data["kg_sent_starts"] = [s.start for s in sents]
    return sents


def sentence_at(doc: Doc, i: int) -> Sentence:
    """The sentence holding token ``i``, found by bisection on the sentence starts."""
    sents = sentences(doc)
    return sents[max(0, bisect_right(doc.user_data["kg_sent_starts"], i) - 1)]


_ENDS = {".", "!", "?", "؟", "…", "。", "!?", "?!"}
_CLOSERS = {'"', "'", "”", "’", "»", ")", "]", "»"}
_DASHES = ("-", "–", "—")
_END, _DASH = 1, 2


class _Kinds(dict):
    """Token text -> ``_END`` (a sentence end or a line break), ``_DASH`` or 0, filled on
    demand: ``map`` over its look-up classifies a doc's tokens without a Python frame each."""

    LIMIT = 200_000

    def __missing__(self, text: str) -> int:
        if len(self) > self.LIMIT:
            self.clear()
        kind = self[text] = _END if (text in _ENDS or "\n" in text) else _DASH if text in _DASHES else 0
        return kind


_KINDS = _Kinds()


@Language.factory("kg_sentences", assigns=["token.is_sent_start"])
def make_sentencizer(nlp: Language, name: str):
    return KGSentencizer()


class KGSentencizer:
    """Sentence starts computed over plain lists and written in one array call; the
    sentence table of :func:`sentences` is filled from the same starts."""

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        tv = token_view(doc)
        texts, spaces = tv["text"], tv["space"]
        kinds = list(map(_KINDS.__getitem__, texts))
        marked = list(compress(range(n), kinds))  # the few ends, line breaks and dashes
        starts = [False] * n
        starts[0] = True
        # Only the token after a sentence end or a line break can start a sentence, so the
        # scan visits those few tokens rather than every token. After an end, closing
        # quotes and white space are skipped (they stay in the sentence; the tokens they
        # cover are not looked at as ends themselves) and the next token starts one.
        after = 1  # the first token not yet covered
        for k in [k for k in marked if kinds[k] == _END and k < n - 1]:
            i = k + 1
            if i < after:
                continue
            if (texts[i] in _CLOSERS and "\n" not in texts[k]) or spaces[i]:
                j = i + 1
                while j < n and (texts[j] in _CLOSERS or spaces[j]):
                    j += 1
                if j < n:
                    starts[j] = True
                after = j + 1
            else:
                starts[i] = True
        # an inline subheading "- Title -" between sentences stands alone (its closing
        # dash stands apart: not the hyphen of "آلا-تو" after a list's "- ")
        for i in [i for i in marked if kinds[i] == _DASH]:
            if starts[i]:
                for j in range(i + 1, min(i + 8, n - 1)):
                    if texts[j] == texts[i] and tv["ws"][j - 1]:
                        for k in range(i + 1, j + 1):
                            starts[k] = False
                        starts[j + 1] = True
                        break
        firsts = list(compress(range(n), starts))
        # one array write (setting Token.is_sent_start checks the whole doc each time):
        # 1 starts a sentence, -1 does not (as uint64, the way Doc.from_array takes it)
        arr = numpy.full(n, -1, dtype="int64")
        arr[firsts] = 1
        doc.from_array([SENT_START], arr.astype("uint64").reshape(-1, 1))
        # the sentence table of ``sentences`` from the same starts, as Doc.sents splits
        # them (that builds a Span per sentence)
        idx = tv["idx"]
        doc.user_data["kg_sentences"] = [Sentence(s, e, idx[s], idx[e - 1] + len(texts[e - 1]))
                                         for s, e in zip(firsts, firsts[1:] + [n])]
        doc.user_data["kg_sent_starts"] = firsts
        return doc


# a wire dateline: "MOSCOW, Dec 20 -", "ALMATY/LONDON, Jan 5 (Wire) -", "الجزائر (أ ف ب) -"
_DATELINE_HEAD = re.compile(r"\s*(?:[^\n/,.]{2,25}/)+")
_DATELINE_TAIL = re.compile(r"(?:/[^\n/,.]{2,25})*\s*(?:[,،][^\n(\-–—]{0,30})?(?:\([^)\n]{1,30}\))?\s*[-–—]")


def dateline(text: str, p) -> bool:
    """Whether place ``p`` opens its line as a wire dateline: "MOSCOW, Dec 20 -",
    "سوخومي -", "الجزائر (أ ف ب) -"."""
    line = text.rfind("\n", 0, p.start_char) + 1
    head = text[line:p.start_char]
    # "ALMATY/LONDON, Jan 5 (Wire) -": places joined by a slash
    return (not head.strip() or _DATELINE_HEAD.fullmatch(head) is not None) \
        and _DATELINE_TAIL.match(text, p.end_char) is not None


def filed_on(text: str, d) -> bool:
    """Whether date ``d`` stands in its line's wire dateline: "PRISTINA, June 1 -"."""
    line = text.rfind("\n", 0, d.start_char) + 1
    # "PRISTINA, June 1 -", or no place at all: "April 12 (Wire) -"
    return (d.start_char - line <= 40 and re.fullmatch(r"(?:[^\n.!?؟]*[,،])?\s*", text[line:d.start_char]) is not None
            and _DATELINE_TAIL.match(text, d.end_char) is not None)
