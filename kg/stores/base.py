"""The store interface: schema, upsert of a batch, run a query, close.

Every backend (``ladybug``, ``neo4j``) implements :class:`Store`; each keeps
its own Cypher dialect inside its module. Shared queries (queries/*.cypher)
are written in the portable subset and passed through
:meth:`Store.query` unchanged.
"""
from __future__ import annotations

from typing import Any, Iterable, Protocol

from kg.errors import StoreError
from kg.model import GraphBatch

__all__ = ["RECOUNT", "RECOUNT_ALL", "SET_COUNTS", "SET_PARENTS", "Store", "UpsertStats", "coerce", "count_all",
           "node_rows", "rel_rows", "stored_hashes"]

#: sets the kept counts (model.KEPT) of the entity ``e`` from its
#: relationships; portable Cypher that every store runs inside the
#: transaction that changed them
SET_COUNTS = ("OPTIONAL MATCH (a:Article)-[r:MENTIONS]->(e) "
              "WITH e, count(r) AS m, count(DISTINCT a) AS n "
              "SET e.mentions = m, e.articles = n")
#: the same for the entities whose ids are ``$ids``
RECOUNT = "UNWIND $ids AS i MATCH (e:Entity {id: i}) " + SET_COUNTS
#: the same for every entity (a store written before the counts were kept)
RECOUNT_ALL = "MATCH (e:Entity) " + SET_COUNTS
#: fills the ``parent`` property of places from their LOCATED_IN relationship,
#: and a missing ``country`` from the parent's (a store written before places
#: kept them)
SET_PARENTS = ("MATCH (p:Entity)-[:LOCATED_IN]->(q:Entity) WHERE p.parent IS NULL "
               "SET p.parent = q.id, p.country = coalesce(p.country, q.country)")


def node_rows(label: str, rows: list[dict]) -> list[dict]:
    """A batch's rows of one label, checked against the model, one per id (the first
    non-null value of each property wins)."""
    from kg.model import KEPT, NODES

    if label not in NODES:
        raise StoreError(f"unknown label {label!r}; labels are {sorted(NODES)}")
    props = NODES[label]
    kept = KEPT.get(label, ())
    clean: dict[str, dict] = {}
    for r in rows:
        if r.get("id") in (None, ""):
            raise StoreError(f"{label} row without id: {r!r}")
        row = {p: _check(r.get(p), t, label, p) for p, t in props.items()}
        for p in kept:  # the store keeps these; null leaves them to it
            row[p] = None
        prev = clean.get(row["id"])
        if prev is None:
            clean[row["id"]] = row
        else:
            for k, v in row.items():
                if prev.get(k) is None:
                    prev[k] = v
    return list(clean.values())


def rel_rows(rtype: str, a: str, b: str, rows: list[dict]) -> list[dict]:
    """A batch's rows of one relationship type and endpoint pair, checked against
    the model, one per id (the first wins)."""
    from kg.model import RELS

    spec = RELS.get(rtype)
    if spec is None or (a, b) not in spec["pairs"]:
        raise StoreError(f"unknown relationship ({a})-[{rtype}]->({b})")
    clean: dict[str, dict] = {}
    for r in rows:
        if r.get("id") in (None, "") or not r.get("src") or not r.get("dst"):
            raise StoreError(f"{rtype} row without id, src or dst: {r!r}")
        row = {p: _check(r.get(p), t, rtype, p) for p, t in spec["props"].items()}
        row["src"], row["dst"] = str(r["src"]), str(r["dst"])
        clean.setdefault(row["id"], row)
    return list(clean.values())


def stored_hashes(store: "Store", ids: Iterable[str]) -> dict[str, str]:
    """The stored ``content_hash`` ('' when stored without one) of those of
    ``ids`` that are stored, in one query (portable Cypher, any store)."""
    ids = sorted(ids)
    if not ids:
        return {}
    rows = store.query("UNWIND $ids AS i MATCH (a:Article {id: i}) "
                       "RETURN a.id AS id, a.content_hash AS h", {"ids": ids})
    return {r["id"]: r["h"] or "" for r in rows}


def count_all(store: "Store") -> dict[str, int]:
    """Nodes per label and relationships per type (labels and types from kg.model only)."""
    from kg.model import NODES, RELS

    out: dict[str, int] = {}
    for label in NODES:
        out[label] = store.query(f"MATCH (n:`{label}`) RETURN count(n) AS c")[0]["c"]
    for rtype in RELS:
        out[rtype] = store.query(f"MATCH ()-[r:`{rtype}`]->() RETURN count(r) AS c")[0]["c"]
    return out


_PLAIN = {"STRING": str, "INT64": int, "DOUBLE": float}


def _check(value: Any, typ: str, table: str, prop: str) -> Any:
    """:func:`coerce` with a fast path for values that already have their type."""
    if value is None or type(value) is _PLAIN.get(typ):
        return value
    return coerce(value, typ, f"{table}.{prop}")


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
        """Write one batch in one transaction: all of it or nothing.

        Nodes are merged on ``id``; a stored property keeps its value and
        one stored as null takes the batch's, so the first value written
        wins, as within a batch, however the articles are grouped into
        transactions. Relationships are merged on ``id`` (the same rule) between
        their (existing) endpoints; a relationship whose endpoint is not
        stored is left out and counted in ``dropped_relationships``. The
        kept counts (:data:`kg.model.KEPT`) of the entities the batch
        mentions are brought up to date in the same transaction; the
        batch's own values for them are ignored.

        Returns
        -------
        UpsertStats
            ``nodes`` and ``relationships`` created, with ``labels`` and
            ``types`` breaking them down.
        """

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run Cypher with parameters; rows as dicts keyed by the RETURN aliases."""

    def close(self) -> None: ...
