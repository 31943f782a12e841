"""``kg_gazetteer``: spaCy's EntityRuler over the gazetteers, matching on NORM.

The EntityRuler is changed in three places, all for speed only: the
gazetteer's names are added as the norms of their tokens and matched on a
table of them (:meth:`GazetteerRuler.add_norm_phrases`; building a Doc per
name took most of a pipeline's build), its per-document check that patterns
exist no longer counts every pattern (thousands of gazetteer entries made that
count a noticeable share of the pipeline's time), and ``set_annotations``
decides overlaps on a token mask.
"""
from __future__ import annotations

import re
import warnings

from spacy.errors import Warnings
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Span

from ingest.components.sentences import span_text, token_view
from ingest.gazetteer import PLACE_TYPES, names
from ingest.normalize import normalize_ar

# an Arabic word with the article that ends like an adjective of relation (nisba)
_ADJECTIVE_AR = re.compile(r"^(?:[وفبك]?ال|لل)\S*ي$")

__all__ = ["GazetteerRuler"]


class GazetteerRuler(EntityRuler):
    def __init__(self, *args, **kwargs):
        self._norm_phrases: dict[tuple[str, ...], list[int]] = {}  # the norms of a phrase -> its keys
        # a phrase's first norm -> (whether it is a phrase of one token, the second norm
        # of the longer phrases it starts -> their lengths)
        self._norm_starts: dict[str, tuple[bool, dict[str, list[int]]]] = {}
        super().__init__(*args, **kwargs)

    def clear(self) -> None:
        super().clear()
        self._norm_phrases = {}
        self._norm_starts = {}

    def add_norm_phrases(self, rows: list[dict], norms: list[tuple[str, ...]]) -> None:
        """Phrase patterns given by the norms of their tokens, ``norms[i]`` for ``rows[i]``
        (dicts with "label", "pattern" and "id", as for :meth:`add_patterns`).

        They match what :meth:`add_patterns` makes of the same rows (its PhraseMatcher
        matches a pattern Doc's NORMs), without a Doc per pattern, a lexeme per new word
        of a pattern and one per pattern id: building those was most of the time an
        English pipeline took to build. The norms come from the pipeline's own tokenizer
        (see ``ingest.pipeline._pattern_norms``).
        """
        strings = self.nlp.vocab.strings
        for row, seq in zip(rows, norms):
            if not seq:
                continue
            label, ent_id = row["label"], row.get("id")
            if ent_id:
                key = strings.add(self._create_label(label, ent_id))
                self._ent_ids[key] = (label, ent_id)
            else:
                key = strings.add(label)
            seq = tuple(seq)
            keys = self._norm_phrases.setdefault(seq, [])
            if key not in keys:
                keys.append(key)
            single, longer = self._norm_starts.get(seq[0], (False, {}))
            if len(seq) == 1:
                single = True
            else:
                lengths = longer.setdefault(seq[1], [])
                if len(seq) not in lengths:
                    lengths.append(len(seq))
                    lengths.sort()
            self._norm_starts[seq[0]] = (single, longer)

    def match(self, doc):
        """The EntityRuler's matches, with those of the norm phrases: longest first,
        then leftmost, as :meth:`EntityRuler.match` orders them."""
        if not self._norm_phrases:
            return super().match(doc)
        matches = super().match(doc) if self.phrase_patterns or self.token_patterns else []
        norms = token_view(doc)["norm"]
        phrases, starts = self._norm_phrases, self._norm_starts
        n = len(norms)
        for i, first in enumerate(norms):
            start = starts.get(first)
            if start is None:
                continue
            single, longer = start
            if single:
                matches.extend((key, i, i + 1) for key in phrases[(first,)])
            lengths = longer.get(norms[i + 1]) if longer and i + 1 < n else None
            if lengths is None:
                continue
            for k in lengths:
                if i + k > n:
                    break
                keys = phrases.get(tuple(norms[i:i + k]))
                if keys:
                    matches.extend((key, i, i + k) for key in keys)
        return sorted(set(matches), key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def _require_patterns(self) -> None:
        if not self.phrase_patterns and not self.token_patterns and not self._norm_phrases:
            warnings.warn(Warnings.W036.format(name=self.name))

    def set_annotations(self, doc, matches):
        """The matches as entities, when the ruler overwrites (our configuration).

        Matches are taken in the matcher's order; one whose first or last token
        is covered by a match already taken is left out, and the doc's earlier
        entities that share a token with a taken match give way. This is the
        EntityRuler's rule, decided on a token mask instead of the tokens'
        entity types (which cost a Span and a Token per token of every match).
        Token texts are read from :func:`token_view`'s lists, not from Token objects.
        """
        if not self.overwrite:
            return super().set_annotations(doc, matches)
        n = len(doc)
        covered = bytearray(n)
        taken = []
        latin = self.nlp.lang == "en"
        texts = token_view(doc)["text"]
        for match_id, start, end in matches:
            if covered[start] or covered[end - 1]:
                continue
            known = self._ent_ids.get(match_id)
            if latin and known and not _written_as_name(texts[start:end], known[0] in PLACE_TYPES):
                continue  # "in the far north of the state", "the state grid operator"
            if latin and known and known[0] == "CITY" and end < n and texts[end] in ("County", "Parish"):
                continue  # "Washington County, Georgia" is a county, not the city of Washington
            if latin and known and known[0] in PLACE_TYPES and end + 1 < n and texts[end] in _OF_IN_NAMES \
                    and texts[end + 1][:1].isupper():
                continue  # "Santa Elena de Uairén" is a town no gazetteer knows, not Ecuador's Santa Elena
            if not latin and known and known[0] in PLACE_TYPES and _ADJECTIVE_AR.match(span_text(doc, start, end)) \
                    and not (names().get(known[1]) or {}).get("ar", "").startswith("ال"):
                continue  # "رجل الأعمال الألباني" (Albanian) is not Albany: a name with the article is an adjective
            taken.append(Span(doc, start, end, label=known[0], span_id=known[1]) if known
                         else Span(doc, start, end, label=match_id))
            covered[start:end] = b"\x01" * (end - start)
        if latin:
            taken = _washington_state(doc, taken)
            taken += _bare_again(doc, taken, covered)
        else:
            taken += _bare_again_ar(doc, taken, covered)
        doc.ents = [e for e in doc.ents if not any(covered[e.start:e.end])] + taken


#: the "of" inside Spanish, Portuguese and French place names ("San Carlos de Bariloche")
_OF_IN_NAMES = frozenset(("de", "del", "da", "do", "dos", "das", "des", "du"))


def _written_as_name(words: list[str], place: bool) -> bool:
    """Whether English ``words`` are written as a name: a place's with a capital first
    letter ("in the far north of the state" names none), a body's with a capital
    somewhere ("8BTCnews"; "the state grid operator" names none)."""
    if place:
        return any(w[:1].isupper() for w in words)
    return any(c.isupper() for w in words for c in w)


#: the gazetteer's id of the capital, whose bare English name is also a state's
_WASHINGTON = "Washington"


def _washington_state(doc, taken: list) -> list:
    """"Moses Lake, Washington", "near Wenatchee, Washington": after a town of
    that state, or a capitalised word no gazetteer knows, and a comma, a bare
    "Washington" is the state (US-WA), not the capital. "Beijing, Washington and
    Brussels" (a known town elsewhere first) and "Washington's" stay the capital.
    """
    if not any(span.id_ == _WASHINGTON for span in taken):
        return taken
    texts = token_view(doc)["text"]
    ends = {span.end: span for span in taken}
    # "WENATCHEE, Wash. - … a public utility in central Washington": in a text that names a
    # town of the state (or the state) and no "D.C.", every bare "Washington" is the state
    state_told = not re.search(r"\bD\.\s?C\.|\bDC\b|District\s+of\s+Columbia", doc.text) and any(
        span.id_ == "US-WA" or (names().get(span.id_) or {}).get("parent") == "US-WA" for span in taken)
    out = []
    for span in taken:
        i = span.start
        if span.id_ == _WASHINGTON and state_told and span.end - i == 1:
            span = Span(doc, i, span.end, label="PROVINCE", span_id="US-WA")
        elif span.id_ == _WASHINGTON and span.end - i == 1 and i >= 2 and texts[i - 1] == "," \
                and texts[i - 2][:1].isupper() and (span.end == len(doc) or texts[span.end] not in ("'s", "’s")):
            before = ends.get(i - 1)
            if before is None and texts[i - 2].isalpha() \
                    or before is not None and (names().get(before.id_) or {}).get("parent") == "US-WA":
                span = Span(doc, i, span.end, label="PROVINCE", span_id="US-WA")
        out.append(span)
    return out


def _bare_again(doc, taken: list, covered: bytearray) -> list:
    """The town a text once names with its state ("Cheyenne, Wyoming", a name the
    gazetteer matches only so) is the same town where the text names it bare later or
    earlier ("moved 1,800 machines to Cheyenne"): one sense per article.

    A bare name followed by another capitalised word ("Butte County", "Cheyenne River")
    is another name and is left alone. ``covered`` is marked for the spans returned.
    """
    out = []
    texts = token_view(doc)["text"]
    for span in list(taken):
        if span.label_ not in PLACE_TYPES or not span.id_:
            continue
        comma = next((i for i in range(span.start, span.end) if texts[i] == ","), None)
        if comma is None or comma == span.start:
            continue
        words = texts[span.start:comma]
        if (names().get(span.id_) or {}).get("en") != span_text(doc, span.start, comma):
            continue
        k = len(words)
        for i in range(len(doc) - k + 1):
            if covered[i] or texts[i:i + k] != words or any(covered[i:i + k]):
                continue
            nxt = doc[i + k] if i + k < len(doc) else None
            if nxt is not None and (nxt.text[:1].isupper() and nxt.is_alpha or nxt.text == "-"):
                continue
            out.append(Span(doc, i, i + k, label=span.label_, span_id=span.id_))
            covered[i:i + k] = b"\x01" * k
    return out


#: words before a bare Arabic town name that say it is a place: "من الوفرة إلى العبدلي",
#: "في منطقتي الوفرة والعبدلي"
_AR_PLACE_BEFORE = {"من", "الي", "في", "نحو", "باتجاه", "بين", "منطقتي", "منطقتا", "مدينتي", "مدينتا",
                    "محافظتي", "محافظتا", "ولايتي", "ولايتا"}


def _bare_again_ar(doc, taken: list, covered: bytearray) -> list:
    """The town an Arabic text once names with its kind ("منطقة الوفرة", a name the
    gazetteer matches only so, since "الوفرة" is also a word) is the same town where the
    text names it bare after a preposition or in a list ("من الوفرة إلى العبدلي", "في
    منطقتي الوفرة والعبدلي"): one sense per article. ``covered`` is marked for the spans
    returned."""
    out = []
    norms = token_view(doc)["norm"]
    at = None  # token positions by norm, with a glued و/ب/ف taken off (built when first needed)
    for span in list(taken):
        if span.label_ not in PLACE_TYPES or not span.id_:
            continue
        bare = (names().get(span.id_) or {}).get("ar") or ""
        words = normalize_ar(bare).split()
        k = len(words)
        if not k or span.end - span.start <= k or norms[span.end - k:span.end] != words:
            continue
        if at is None:
            at = {}
            for i, n in enumerate(norms):
                at.setdefault(n, []).append(i)
                if n[:1] in ("و", "ب", "ف") and len(n) > 3:
                    at.setdefault(n[1:], []).append(i)
        for i in at.get(words[0], ()):
            if any(covered[i:i + k]) or norms[i + 1:i + k] != words[1:]:
                continue
            glued = norms[i] != words[0]
            prev = norms[i - 1] if i > 0 else ""
            if not (prev in _AR_PLACE_BEFORE or (glued and i > 0 and covered[i - 1])):
                continue
            out.append(Span(doc, i, i + k, label=span.label_, span_id=span.id_))
            covered[i:i + k] = b"\x01" * k
    # "في ولايتي ملاكا وقدح": a province joined to a province of the same country is one
    # by its bare name too ("قدح" alone is also a word)
    for span in list(taken) + out:
        j = span.end
        if span.label_ != "PROVINCE" or not span.id_ or j >= len(norms) or covered[j] or not norms[j].startswith("و"):
            continue
        country = (names().get(span.id_) or {}).get("country")
        pid = _bare_provinces_ar().get(norms[j][1:])
        if pid and pid != span.id_ and (names().get(pid) or {}).get("country") == country:
            out.append(Span(doc, j, j + 1, label="PROVINCE", span_id=pid))
            covered[j:j + 1] = b"\x01"
    return out


_BARE_AR: dict[str, str] | None = None


def _bare_provinces_ar() -> dict[str, str]:
    """Provinces by the NORM of their one-word Arabic name ("قدح": MY-02)."""
    global _BARE_AR
    if _BARE_AR is None:
        _BARE_AR = {}
        for pid, d in names().items():
            ar = normalize_ar(d.get("ar") or "")
            if d.get("type") == "PROVINCE" and ar and " " not in ar:
                _BARE_AR.setdefault(ar, pid)
    return _BARE_AR


@Language.factory("kg_gazetteer", assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
                  default_config={"phrase_matcher_attr": "NORM", "overwrite_ents": True,
                                  "ent_id_sep": "||", "validate": False})
def make_gazetteer(nlp: Language, name: str, phrase_matcher_attr: str, overwrite_ents: bool,
                   ent_id_sep: str, validate: bool):
    return GazetteerRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                          overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep)
