"""Stores: where the graph lives.

``open_store(spec)`` picks the backend from the spec: a ``neo4j://``,
``neo4j+s://``, ``bolt://`` or ``bolt+s://`` URI opens a Neo4j 5 server
(:class:`kg.stores.neo4j.Neo4jStore`); anything else is the path of an
embedded LadybugDB file (:class:`kg.stores.ladybug.LadybugStore`).

Without a spec the store is ``$KG_STORE`` if set, else ``./kg-store.lbug``
in the current folder (:data:`DEFAULT_STORE`).
"""
from __future__ import annotations

import os

from kg.stores.base import Store, UpsertStats

__all__ = ["DEFAULT_STORE", "NEO4J_SCHEMES", "Store", "UpsertStats", "default_store",
           "is_server_uri", "open_store"]

#: the store used when neither ``--store`` nor ``$KG_STORE`` is given
DEFAULT_STORE = "kg-store.lbug"

NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")


def default_store() -> str:
    """``$KG_STORE`` if set and not empty, else :data:`DEFAULT_STORE`."""
    return os.environ.get("KG_STORE") or DEFAULT_STORE


def is_server_uri(spec: str) -> bool:
    """True for Neo4j URIs (``neo4j://``, ``bolt+s://`` …)."""
    return spec.lower().startswith(NEO4J_SCHEMES)


def open_store(spec: str | os.PathLike | None = None, *, database: str | None = None,
               read_only: bool = False) -> Store:
    """Open the store named by ``spec`` (a Neo4j URI or a LadybugDB file path).

    Parameters
    ----------
    spec : str, optional
        ``neo4j://host:7687`` / ``bolt://…`` for a server, else a file path;
        default :func:`default_store`.
    database : str, optional
        The Neo4j database name (ignored for a file store).
    read_only : bool
        Open a file store for queries only.

    Raises
    ------
    kg.errors.StoreError
        The store cannot be opened; the message says how to fix it.

    Examples
    --------
    >>> import tempfile, os
    >>> store = open_store(os.path.join(tempfile.mkdtemp(), "g.lbug"))
    >>> type(store).__name__
    'LadybugStore'
    >>> store.close()
    """
    spec = os.fspath(spec) if spec is not None else default_store()
    if is_server_uri(spec):
        from kg.stores.neo4j import Neo4jStore  # lazy: the driver is only needed here
        return Neo4jStore(spec, database=database)
    from kg.stores.ladybug import LadybugStore
    return LadybugStore(spec, read_only=read_only)
