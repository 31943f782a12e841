"""``kg_gazetteer``: spaCy's EntityRuler over the gazetteers, matching on NORM.

The only change to the EntityRuler is that its per-document check that
patterns exist no longer counts every pattern (thousands of gazetteer
entries made that count a noticeable share of the pipeline's time).
"""
from __future__ import annotations

import warnings

from spacy.errors import Warnings
from spacy.language import Language
from spacy.pipeline import EntityRuler

__all__ = ["GazetteerRuler"]


class GazetteerRuler(EntityRuler):
    def _require_patterns(self) -> None:
        if not self.phrase_patterns and not self.token_patterns:
            warnings.warn(Warnings.W036.format(name=self.name))


@Language.factory("kg_gazetteer", assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
                  default_config={"phrase_matcher_attr": "NORM", "overwrite_ents": True,
                                  "ent_id_sep": "||", "validate": False})
def make_gazetteer(nlp: Language, name: str, phrase_matcher_attr: str, overwrite_ents: bool,
                   ent_id_sep: str, validate: bool):
    return GazetteerRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, validate=validate,
                          overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep)
