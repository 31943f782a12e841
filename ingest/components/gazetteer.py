"""``kg_gazetteer``: spaCy's EntityRuler over the gazetteers, matching on NORM.

The EntityRuler is changed in two places, both for speed only: its
per-document check that patterns exist no longer counts every pattern
(thousands of gazetteer entries made that count a noticeable share of the
pipeline's time), and ``set_annotations`` decides overlaps on a token mask.
"""
from __future__ import annotations

import re
import warnings

from spacy.errors import Warnings
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Span

from ingest.gazetteer import PLACE_TYPES, names

# an Arabic word with the article that ends like an adjective of relation (nisba)
_ADJECTIVE_AR = re.compile(r"^(?:[وفبك]?ال|لل)\S*ي$")

__all__ = ["GazetteerRuler"]


class GazetteerRuler(EntityRuler):
    def _require_patterns(self) -> None:
        if not self.phrase_patterns and not self.token_patterns:
            warnings.warn(Warnings.W036.format(name=self.name))

    def set_annotations(self, doc, matches):
        """The matches as entities, when the ruler overwrites (our configuration).

        Matches are taken in the matcher's order; one whose first or last token
        is covered by a match already taken is left out, and the doc's earlier
        entities that share a token with a taken match give way. This is the
        EntityRuler's rule, decided on a token mask instead of the tokens'
        entity types (which cost a Span and a Token per token of every match).
        """
        if not self.overwrite:
            return super().set_annotations(doc, matches)
        covered = bytearray(len(doc))
        taken = []
        latin = self.nlp.lang == "en"
        for match_id, start, end in matches:
            if covered[start] or covered[end - 1]:
                continue
            known = self._ent_ids.get(match_id)
            if latin and known and known[0] in PLACE_TYPES and not any(t.text[:1].isupper() for t in doc[start:end]):
                continue  # "in the far north of the state": English writes a place's name capitalised
            if latin and known and known[0] == "CITY" and end < len(doc) and doc[end].text in ("County", "Parish"):
                continue  # "Washington County, Georgia" is a county, not the city of Washington
            if not latin and known and known[0] in PLACE_TYPES and _ADJECTIVE_AR.match(doc[start:end].text) \
                    and not (names().get(known[1]) or {}).get("ar", "").startswith("ال"):
                continue  # "رجل الأعمال الألباني" (Albanian) is not Albany: a name with the article is an adjective
            taken.append(Span(doc, start, end, label=known[0], span_id=known[1]) if known
                         else Span(doc, start, end, label=match_id))
            covered[start:end] = b"\x01" * (end - start)
        doc.ents = [e for e in doc.ents if not any(covered[e.start:e.end])] + taken


@Language.factory("kg_gazetteer", assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
                  default_config={"phrase_matcher_attr": "NORM", "overwrite_ents": True,
                                  "ent_id_sep": "||", "validate": False})
def make_gazetteer(nlp: Language, name: str, phrase_matcher_attr: str, overwrite_ents: bool,
                   ent_id_sep: str, validate: bool):
    return GazetteerRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                          overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep)
