"""A Neo4j 5 server as the store.

The same graph as the embedded store, kept in a Neo4j 5 database reached
over Bolt. Every label gets a uniqueness constraint on ``id``; a batch is
written in one managed write transaction with ``UNWIND $rows AS row MERGE``
statements, one per label and per relationship type and endpoint pair, so
re-ingesting the same article creates nothing.

Credentials come, in this order, from the ``user`` / ``password``
arguments, the ``user:password@`` part of the URI, or ``$NEO4J_USER`` /
``$NEO4J_PASSWORD`` (user ``neo4j`` when only a password is known). They
never appear in a message: errors name the server as ``scheme://host:port``.
The database is the ``database`` argument, else ``$NEO4J_DATABASE``, else
the server's default.

All Neo4j-specific Cypher (constraints, ``SHOW`` commands) stays in this
module; :meth:`Neo4jStore.query` runs the portable queries unchanged.

Examples
--------
Against a running server (``scripts/neo4j-test-server start``)::

    >>> from kg.model import GraphBatch
    >>> store = Neo4jStore("bolt://127.0.0.1:7687", password="secret")  # doctest: +SKIP
    >>> b = GraphBatch()
    >>> b.add_node("Entity", {"id": "KZ", "type": "COUNTRY", "name": "Kazakhstan"})
    >>> store.upsert(b)["nodes"]  # doctest: +SKIP
    1
"""
from __future__ import annotations

import datetime as _dt
import math
import os
import re
from typing import Any, Callable
from urllib.parse import unquote, urlsplit, urlunsplit

from kg.errors import QueryError, StoreError
from kg.model import NODES, RELS, GraphBatch
from kg.stores.base import (RECOUNT, SET_COUNTS, SET_PARENTS, UpsertStats, count_all, node_rows,
                            rel_rows, stored_hashes)

__all__ = ["Neo4jStore", "constraint_statements", "safe_uri"]

#: rows per UNWIND statement inside the one transaction of a batch
CHUNK = 5000

#: the Bolt URI schemes this store accepts (the driver's HTTP preview is not used)
_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _q(name: str) -> str:
    """Back-quote a label, type or property name taken from :mod:`kg.model`."""
    if not _IDENT.fullmatch(name):
        raise StoreError(f"bad identifier {name!r} in the graph model")
    return f"`{name}`"


def constraint_statements() -> list[str]:
    """The ``CREATE CONSTRAINT … IF NOT EXISTS`` statements of the model.

    Examples
    --------
    >>> constraint_statements()[0]
    'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:`Article`) REQUIRE n.id IS UNIQUE'
    """
    return [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
            f"FOR (n:{_q(label)}) REQUIRE n.id IS UNIQUE" for label in NODES]


def safe_uri(uri: str) -> str:
    """The URI without user, password, path or query: safe to print.

    Examples
    --------
    >>> safe_uri("neo4j://neo4j:s3cret@db.example:7687/x?y=1")
    'neo4j://db.example:7687'
    """
    try:
        p = urlsplit(uri)
        host = p.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        port = f":{p.port}" if p.port else ""
    except ValueError:
        return "<malformed Neo4j URI>"
    return urlunsplit((p.scheme, host + port, "", "", ""))


def _split_credentials(uri: str) -> tuple[str, str | None, str | None]:
    """``(uri without userinfo, user, password)`` from ``scheme://user:pass@host:port``."""
    try:
        p = urlsplit(uri)
        netloc_host = p.netloc.rpartition("@")[2]
        p.port  # noqa: B018 - raises ValueError on a port that is not a number
        if not p.hostname:
            raise ValueError("no host")
        user = unquote(p.username) if p.username else None
        password = unquote(p.password) if p.password is not None else None
    except ValueError:
        raise StoreError(f"malformed Neo4j URI {safe_uri(uri)}: expected "
                         f"neo4j://host:7687 or bolt://host:7687") from None
    return urlunsplit((p.scheme, netloc_host, p.path, p.query, "")), user, password


# --------------------------------------------------------------------------
# values: neo4j driver -> plain Python
# --------------------------------------------------------------------------

def _plain(v: Any) -> Any:
    """Turn driver values into JSON-friendly Python values.

    Nodes and relationships become the dict of their properties, paths
    ``{"nodes": [...], "relationships": [...]}``, temporal values ISO 8601
    strings, durations ISO 8601 duration strings.
    """
    from neo4j import graph as _g
    from neo4j import time as _t

    if v is None or isinstance(v, (str, bool, int)):
        return v
    if isinstance(v, float):
        return None if math.isnan(v) else v
    if isinstance(v, (_g.Node, _g.Relationship)):
        return {k: _plain(x) for k, x in dict(v).items() if x is not None}
    if isinstance(v, _g.Path):
        return {"nodes": [_plain(n) for n in v.nodes],
                "relationships": [_plain(r) for r in v.relationships]}
    if isinstance(v, (_t.Date, _t.DateTime, _t.Time)):
        return v.iso_format()
    if isinstance(v, _t.Duration):
        return str(v.iso_format())
    if isinstance(v, (_dt.date, _dt.datetime, _dt.time)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).hex()
    return str(v)


class Neo4jStore:
    """A knowledge graph kept in a Neo4j 5 database.

    Parameters
    ----------
    uri : str
        ``neo4j://host:7687``, ``bolt://host:7687`` (``+s`` / ``+ssc``
        variants for TLS), optionally with ``user:password@``.
    user, password : str, optional
        Credentials; default from the URI, then ``$NEO4J_USER`` /
        ``$NEO4J_PASSWORD``.
    database : str, optional
        The database to use; default ``$NEO4J_DATABASE``, else the server's
        default database.

    Raises
    ------
    kg.errors.StoreError
        The server cannot be reached, refuses the credentials, or has no
        such database. The message never contains the password.
    """

    def __init__(self, uri: str, *, user: str | None = None, password: str | None = None,
                 database: str | None = None):
        import neo4j
        from neo4j import exceptions as nex

        self._nex = nex
        clean, uri_user, uri_password = _split_credentials(str(uri))
        self.uri = safe_uri(clean)
        if not clean.lower().startswith(_SCHEMES):
            raise StoreError(f"cannot use {self.uri!r} as a Neo4j URI: expected one of "
                             f"{', '.join(s + 'host:7687' for s in _SCHEMES)}")
        self.user = user or uri_user or os.environ.get("NEO4J_USER") or "neo4j"
        password = (password if password is not None else
                    uri_password if uri_password is not None else
                    os.environ.get("NEO4J_PASSWORD"))
        self._secrets = [s for s in (password, uri_password) if s]
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        auth = (self.user, password) if password is not None else None
        self._closed = True
        self._schema_ready = False
        try:
            self._driver = neo4j.GraphDatabase.driver(
                clean, auth=auth, connection_timeout=10.0, max_transaction_retry_time=5.0,
                connection_acquisition_timeout=20.0, user_agent="regkg",
                notifications_min_severity="OFF")  # schema hints are not errors: keep stderr clean
        except (ValueError, nex.ConfigurationError) as exc:
            raise StoreError(f"cannot use Neo4j URI {self.uri}: {self._scrub(exc)}; expected "
                             f"neo4j://host:7687 or bolt://host:7687") from None
        self._closed = False
        try:
            self._call(lambda s: s.run("RETURN 1 AS ok").consume(), "connect to")
        except StoreError:
            self.close()
            raise

    # ------------------------------------------------------------ plumbing
    def _scrub(self, exc: BaseException | str) -> str:
        msg = " ".join(str(exc).split())
        for s in self._secrets:
            msg = msg.replace(s, "***")
        return msg

    def _where(self) -> str:
        db = f" (database {self.database!r})" if self.database else ""
        return f"{self.uri}{db}"

    def _explain(self, exc: Exception, action: str) -> Exception:
        """Turn a driver exception into a StoreError/QueryError with a how-to-fix message."""
        nex = self._nex
        where = self._where()
        if isinstance(exc, nex.AuthError):
            return StoreError(f"Neo4j at {self.uri} refused the credentials; set NEO4J_USER and "
                              f"NEO4J_PASSWORD (or user:password@ in the URI)")
        code = getattr(exc, "code", None) or ""
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            return StoreError(f"Neo4j at {self.uri} has no database {self.database!r}; create "
                              f"it or pass another --database / NEO4J_DATABASE")
        if isinstance(exc, (nex.ServiceUnavailable, nex.SessionExpired, OSError)):
            reason = re.search(r"\[Errno \d+\] ([^)]+)", str(exc))
            why = f" ({self._scrub(reason.group(1))})" if reason else ""
            return StoreError(f"cannot reach Neo4j at {self.uri}{why}: is the server running "
                              f"and is Bolt enabled on that port?")
        if code.startswith("Neo.ClientError.Security."):
            return StoreError(f"Neo4j at {where} denied access: {self._scrub(exc)}")
        if isinstance(exc, nex.ConfigurationError):
            return StoreError(f"Neo4j at {where}: {self._scrub(exc)}")
        if action == "query" and isinstance(exc, nex.ClientError):
            return QueryError(f"Neo4j at {where}: {self._scrub(getattr(exc, 'message', None) or exc)}")
        return StoreError(f"could not {action} Neo4j at {where}: {self._scrub(exc)}")

    def _call(self, work: Callable, action: str, *, write: bool = False):
        """Run ``work(session_or_tx)`` in a session; translate every driver error."""
        nex = self._nex
        self._check_open()
        try:
            with self._driver.session(database=self.database) as session:
                if write:
                    return session.execute_write(work)
                return work(session)
        except (nex.Neo4jError, nex.DriverError, OSError) as exc:
            raise self._explain(exc, action) from None
        except (ValueError, TypeError) as exc:  # bad address, or a parameter the driver cannot send
            cls = QueryError if action == "query" else StoreError
            raise cls(f"could not {action} Neo4j at {self._where()}: {self._scrub(exc)}") from None

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"Neo4j store {self.uri} is closed")

    # ------------------------------------------------------------ schema
    def ensure_schema(self) -> None:
        """Create a uniqueness constraint on ``id`` for every label (idempotent)."""
        def work(session):
            for stmt in constraint_statements():
                session.run(stmt).consume()
            # entities written before the counts were kept (model.KEPT)
            session.run("MATCH (e:Entity) WHERE e.mentions IS NULL "
                        "AND EXISTS { MATCH (:Article)-[:MENTIONS]->(e) } " + SET_COUNTS).consume()
            # places written before they kept their parent
            session.run(SET_PARENTS).consume()
        self._call(work, "create the schema in")
        self._schema_ready = True

    def constraints(self) -> list[dict[str, Any]]:
        """The constraints of the database (``SHOW CONSTRAINTS``), as plain dicts."""
        return self._call(lambda s: [
            {k: _plain(v) for k, v in r.items()}
            for r in s.run("SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties, type "
                           "RETURN name, labelsOrTypes, properties, type ORDER BY name")],
            "read the schema of")

    # ------------------------------------------------------------ reads
    def has_article(self, article_id: str) -> str | None:
        """The stored content_hash of an article ('' if stored without one), or None."""
        return stored_hashes(self, [article_id]).get(article_id)

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run Cypher with parameters (auto-commit); rows as dicts keyed by the RETURN aliases.

        Raises
        ------
        kg.errors.QueryError
            The query does not parse, misses a parameter or fails.
        kg.errors.StoreError
            The server cannot be reached or refuses the credentials.
        """
        def work(session):
            result = session.run(cypher, dict(params or {}))
            keys = result.keys()
            return [{k: _plain(v) for k, v in zip(keys, rec.values())} for rec in result]
        return self._call(work, "query")

    def counts(self) -> dict[str, int]:
        """Number of nodes per label and relationships per type."""
        return count_all(self)

    # ------------------------------------------------------------ writes
    def upsert(self, batch: GraphBatch) -> UpsertStats:
        """Write one batch in one transaction (see :meth:`kg.stores.base.Store.upsert`).

        Neo4j: UNWIND … MERGE in one managed write transaction.
        """
        if not self._schema_ready:
            self.ensure_schema()
        node_work = [(label, node_rows(label, rows))
                     for label, rows in batch.nodes.items() if rows]
        rel_work = [(key, rel_rows(*key, rows)) for key, rows in batch.rels.items() if rows]

        def work(tx) -> UpsertStats:
            stats = UpsertStats(nodes=0, relationships=0, dropped_relationships=0,
                                labels={}, types={})
            for label, rows in node_work:
                props = [p for p in NODES[label] if p != "id"]
                sets = ", ".join(f"n.{_q(p)} = coalesce(n.{_q(p)}, row.{_q(p)})" for p in props)
                cypher = (f"UNWIND $rows AS row MERGE (n:{_q(label)} {{id: row.id}})"
                          + (f" SET {sets}" if sets else ""))
                for i in range(0, len(rows), CHUNK):
                    c = tx.run(cypher, rows=rows[i:i + CHUNK]).consume().counters
                    stats["nodes"] += c.nodes_created
                    stats["labels"][label] = stats["labels"].get(label, 0) + c.nodes_created
            for (rtype, a, b), rows in rel_work:
                props = [p for p in RELS[rtype]["props"] if p != "id"]
                sets = ", ".join(f"x.{_q(p)} = coalesce(x.{_q(p)}, r.{_q(p)})" for p in props)
                cypher = (f"UNWIND $rows AS r MATCH (a:{_q(a)} {{id: r.src}}) "
                          f"MATCH (b:{_q(b)} {{id: r.dst}}) "
                          f"MERGE (a)-[x:{_q(rtype)} {{id: r.id}}]->(b)"
                          + (f" SET {sets}" if sets else "") + " RETURN count(x) AS n")
                for i in range(0, len(rows), CHUNK):
                    part = rows[i:i + CHUNK]
                    res = tx.run(cypher, rows=part)
                    matched = res.single()["n"]
                    c = res.consume().counters
                    stats["relationships"] += c.relationships_created
                    stats["dropped_relationships"] += len(part) - matched
                    stats["types"][rtype] = stats["types"].get(rtype, 0) + c.relationships_created
            # the kept counts (model.KEPT) of the entities these rows mention
            ids = sorted({r["dst"] for (rtype, _, _), rows in rel_work if rtype == "MENTIONS"
                          for r in rows})
            for i in range(0, len(ids), CHUNK):
                tx.run(RECOUNT, ids=ids[i:i + CHUNK]).consume()
            return stats

        return self._call(work, "write to", write=True)

    def clear(self) -> None:
        """Delete every node and relationship of the database (constraints stay)."""
        self._call(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume(), "clear",
                   write=True)

    # ------------------------------------------------------------ lifecycle
    def close(self) -> None:
        """Close the driver (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        self._driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        db = f", database={self.database!r}" if self.database else ""
        return f"Neo4jStore({self.uri!r}{db})"
