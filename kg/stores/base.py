"""The store interface: schema, upsert of a batch, run a query, close.

Every backend (``ladybug``, ``neo4j``) implements :class:`Store`; each keeps
its own Cypher dialect inside its module. Shared queries (queries/*.cypher)
are written in the portable subset and passed through
:meth:`Store.query` unchanged.
"""
from __future__ import annotations

from typing import Any, Protocol

from kg.errors import StoreError
from kg.model import GraphBatch

__all__ = ["Store", "UpsertStats", "coerce", "count_all"]


def count_all(store: "Store") -> dict[str, int]:
    """Nodes per label and relationships per type (labels and types from kg.model only)."""
    from kg.model import NODES, RELS

    out: dict[str, int] = {}
    for label in NODES:
        out[label] = store.query(f"MATCH (n:`{label}`) RETURN count(n) AS c")[0]["c"]
    for rtype in RELS:
        out[rtype] = store.query(f"MATCH ()-[r:`{rtype}`]->() RETURN count(r) AS c")[0]["c"]
    return out


def coerce(value: Any, typ: str, where: str) -> Any:
    """Check one property value against its declared type (kg.model) before any
    store writes it; both stores refuse the same values the same way."""
    if value is None:
        return None
    try:
        if typ == "INT64":
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError(value)
            return int(value)
        if typ == "DOUBLE":
            if isinstance(value, bool):
                raise ValueError(value)
            return float(value)
        if typ == "BOOLEAN":
            if not isinstance(value, bool):
                raise ValueError(value)
            return value
        if isinstance(value, (dict, list, tuple, set)):
            raise ValueError(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"{where}: {value!r} is not a valid {typ}; fix the value or the "
                         f"model in kg/model.py") from exc


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
