"""spaCy components of the pipeline, registered on import."""
from . import entities, events, gazetteer, sentences  # noqa: F401

__all__ = ["entities", "events", "gazetteer", "sentences"]
