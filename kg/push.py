"""Copy a whole graph from one store into another (``kg push``).

The usual direction is from the embedded store to a Neo4j server, but any
two stores that implement :class:`kg.stores.base.Store` work. Nodes are read
label by label and relationships type by type (labels and types from
:mod:`kg.model` only), with parameterised, portable Cypher paged on ``id``,
and written with the destination's own :meth:`~kg.stores.base.Store.upsert`.
Because every write is a ``MERGE`` on ``id``, pushing twice creates nothing
the second time.

Examples
--------
>>> import os, tempfile
>>> from kg.model import GraphBatch
>>> from kg.stores.ladybug import LadybugStore
>>> tmp = tempfile.mkdtemp()
>>> a, b = LadybugStore(os.path.join(tmp, "a.lbug")), LadybugStore(os.path.join(tmp, "b.lbug"))
>>> g = GraphBatch()
>>> g.add_node("Entity", {"id": "KZ", "type": "COUNTRY", "name": "Kazakhstan"})
>>> _ = a.upsert(g)
>>> push(a, b)["nodes"], push(a, b)["nodes"]
(1, 0)
>>> a.close(); b.close()
"""
from __future__ import annotations

from typing import Callable, Iterator

from kg.errors import StoreError
from kg.model import NODES, RELS, GraphBatch
from kg.stores.base import Store

__all__ = ["push", "iter_batches"]


def _q(name: str) -> str:
    return f"`{name}`"


def _node_query(label: str, limit: int) -> str:
    cols = ", ".join(f"n.{_q(p)} AS {_q(p)}" for p in NODES[label])
    return (f"MATCH (n:{_q(label)}) WHERE n.id > $after "
            f"RETURN {cols} ORDER BY n.id LIMIT {int(limit)}")


def _rel_query(rtype: str, a: str, b: str, limit: int) -> str:
    cols = ", ".join(f"r.{_q(p)} AS {_q(p)}" for p in RELS[rtype]["props"])
    return (f"MATCH (s:{_q(a)})-[r:{_q(rtype)}]->(t:{_q(b)}) WHERE r.id > $after "
            f"RETURN s.id AS src, t.id AS dst, {cols} ORDER BY r.id LIMIT {int(limit)}")


def _pages(src: Store, cypher: str, limit: int) -> Iterator[list[dict]]:
    """Keyset pagination on ``id``: pages of at most ``limit`` rows, in id order."""
    after = ""
    while True:
        rows = src.query(cypher, {"after": after})
        if not rows:
            return
        yield rows
        if len(rows) < limit:
            return
        after = rows[-1]["id"]


def iter_batches(src: Store, *, batch_size: int = 5000) -> Iterator[GraphBatch]:
    """Every node, then every relationship of ``src``, as batches of at most ``batch_size`` rows.

    Nodes without an ``id`` cannot be merged anywhere and are skipped.
    """
    if int(batch_size) < 1:
        raise ValueError("batch_size must be at least 1")
    for label in NODES:
        for rows in _pages(src, _node_query(label, batch_size), batch_size):
            b = GraphBatch()
            b.nodes[label] = rows
            yield b
    for rtype, spec in RELS.items():
        for a, b_label in spec["pairs"]:
            for rows in _pages(src, _rel_query(rtype, a, b_label, batch_size), batch_size):
                b = GraphBatch()
                b.rels[(rtype, a, b_label)] = rows
                yield b


def push(src: Store, dst: Store, *, batch_size: int = 5000,
         progress: Callable[[dict], None] | None = None) -> dict:
    """Copy every node and relationship of ``src`` into ``dst``.

    Parameters
    ----------
    src, dst : Store
        Source and destination stores (any backend). ``dst`` gets its schema
        created if missing.
    batch_size : int
        Rows read and written per transaction.
    progress : callable, optional
        Called after each batch with the running totals.

    Returns
    -------
    dict
        ``nodes`` / ``relationships``: how many were created in ``dst``;
        ``nodes_read`` / ``relationships_read``: how many ``src`` holds;
        ``batches``: transactions written.

    Raises
    ------
    kg.errors.StoreError
        Either store fails; batches already written stay written (each is
        its own transaction, and a rerun completes the copy).
    """
    if src is dst:
        raise StoreError("push needs two different stores")
    dst.ensure_schema()
    totals = {"nodes": 0, "relationships": 0, "nodes_read": 0, "relationships_read": 0,
              "batches": 0}
    for batch in iter_batches(src, batch_size=batch_size):
        stats = dst.upsert(batch)
        n = batch.counts()
        totals["nodes"] += stats.get("nodes", 0)
        totals["relationships"] += stats.get("relationships", 0)
        totals["nodes_read"] += n["nodes"]
        totals["relationships_read"] += n["relationships"]
        totals["batches"] += 1
        if progress is not None:
            progress(dict(totals))
    return totals
