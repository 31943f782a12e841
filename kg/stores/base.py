"""The store interface: schema, upsert of a batch, run a query, close.

Every backend (``ladybug``, ``neo4j``) implements :class:`Store`; each keeps
its own Cypher dialect inside its module. Shared queries (queries/*.cypher)
are written in the portable subset and passed through
:meth:`Store.query` unchanged.
"""
from __future__ import annotations

from typing import Any, Protocol

from kg.model import GraphBatch

__all__ = ["Store", "UpsertStats"]


class UpsertStats(dict):
    """Counts of what an upsert created: ``nodes``, ``relationships`` (new ones only)."""


class Store(Protocol):
    def ensure_schema(self) -> None:
        """Create labels, keys and constraints if missing (idempotent)."""

    def has_article(self, article_id: str) -> str | None:
        """The stored content_hash of an article, or None if it is not stored."""

    def upsert(self, batch: GraphBatch) -> UpsertStats:
        """Write one batch in one transaction: all of it or nothing."""

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run Cypher with parameters; rows as dicts keyed by the RETURN aliases."""

    def close(self) -> None: ...
