"""The embedded default store: one LadybugDB file on disk.

LadybugDB is an embedded graph database with a declared schema: every label
is a NODE TABLE keyed on ``id`` and every relationship type a REL TABLE that
lists its endpoint pairs. The DDL is generated here from
:data:`kg.model.NODES` and :data:`kg.model.RELS`; properties added to the
model later are added to old stores with ``ALTER TABLE … ADD``.

Every difference between Ladybug's Cypher and the portable subset the shared
queries use stays in this module (:func:`_dialect`).

Examples
--------
>>> import tempfile, os
>>> from kg.model import GraphBatch
>>> path = os.path.join(tempfile.mkdtemp(), "demo.lbug")
>>> with LadybugStore(path) as store:
...     b = GraphBatch()
...     b.add_node("Entity", {"id": "KZ", "type": "COUNTRY", "name": "Kazakhstan"})
...     store.upsert(b)["nodes"], store.query(
...         "MATCH (e:Entity {id: $id}) RETURN e.name AS name", {"id": "KZ"})
(1, [{'name': 'Kazakhstan'}])
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import decimal
import math
import os
import re
import uuid
import warnings
from pathlib import Path
from typing import Any, Iterable

from kg.errors import QueryError, StoreError
from kg.model import KEPT, NODES, RELS, GraphBatch
from kg.stores.base import (RECOUNT, RECOUNT_ALL, SET_PARENTS, UpsertStats, count_all, node_rows,
                            rel_rows, stored_hashes)

__all__ = ["LadybugStore", "query_parameters", "schema_ddl"]

#: rows per UNWIND statement; large enough to amortise planning, small
#: enough to keep one statement's parameters modest.
CHUNK = 2000

#: threads a write may use (reads keep the database's default): the write
#: statements gain nothing from more (a 250-article group on the 10k-article
#: store took 1.41 s with two, 1.27 s with one), and an ingest extracts the
#: next group on the other core meanwhile (10k articles, one worker: 96 ->
#: 112 articles/s)
WRITE_THREADS = 1

#: write-ahead log size (bytes) at which a writer checkpoints: checkpoints
#: rewrite relationship tables, so they should be rare on a large store
CHECKPOINT_BYTES = 256 * 1024 * 1024

_CASTS = {"STRING": "STRING", "INT64": "INT64", "DOUBLE": "DOUBLE", "BOOLEAN": "BOOLEAN"}


def _q(name: str) -> str:
    """Back-quote an identifier that comes from the model (never from text)."""
    return f"`{name}`"


def _node_table_ddl(label: str, props: dict[str, str]) -> str:
    cols = ", ".join(f"{_q(p)} {t}" for p, t in props.items())
    return f"CREATE NODE TABLE IF NOT EXISTS {_q(label)}({cols}, PRIMARY KEY({_q('id')}))"


def _rel_table_ddl(rtype: str, spec: dict) -> str:
    pairs = ", ".join(f"FROM {_q(a)} TO {_q(b)}" for a, b in spec["pairs"])
    cols = "".join(f", {_q(p)} {t}" for p, t in spec["props"].items())
    return f"CREATE REL TABLE IF NOT EXISTS {_q(rtype)}({pairs}{cols})"


def schema_ddl() -> list[str]:
    """The ``CREATE … TABLE IF NOT EXISTS`` statements of the whole model.

    Examples
    --------
    >>> schema_ddl()[0].startswith("CREATE NODE TABLE IF NOT EXISTS `Article`")
    True
    """
    return ([_node_table_ddl(l, p) for l, p in NODES.items()]
            + [_rel_table_ddl(t, s) for t, s in RELS.items()])


# --------------------------------------------------------------------------
# dialect: portable Cypher -> Ladybug Cypher
# --------------------------------------------------------------------------

# function renames that keep the argument list as it is
_RENAMES = {"type": "label", "split": "string_split"}
# functions that become cast(x AS T)
_CAST_FUNCS = {"tostring": "STRING", "tointeger": "INT64", "tofloat": "DOUBLE",
               "toboolean": "BOOLEAN"}
_FUNC = re.compile(r"(?<![\w.$`])([A-Za-z_]\w*)\s*\(")


def _split_literals(cypher: str) -> list[tuple[bool, str]]:
    """Split text into (is_code, segment) so rewrites never touch strings or comments."""
    out, i, n, start = [], 0, len(cypher), 0
    while i < n:
        ch = cypher[i]
        if ch in "'\"`":
            j = i + 1
            while j < n and cypher[j] != ch:
                j += 2 if cypher[j] == "\\" else 1
            out.append((True, cypher[start:i]))
            out.append((False, cypher[i:j + 1]))
            i = start = j + 1
        elif cypher.startswith("//", i) or cypher.startswith("/*", i):
            if cypher[i + 1] == "/":
                j = cypher.find("\n", i)
                j = n if j < 0 else j
            else:
                j = cypher.find("*/", i + 2)
                j = n if j < 0 else j + 2
            out.append((True, cypher[start:i]))
            out.append((False, cypher[i:j]))
            i = start = j
        else:
            i += 1
    out.append((True, cypher[start:]))
    return out


def _rewrite_code(code: str) -> str:
    def rename(m: re.Match) -> str:
        name = m.group(1)
        new = _RENAMES.get(name.lower())
        return f"{new}(" if new else m.group(0)
    return _FUNC.sub(rename, code)


def _rewrite_casts(text: str) -> str:
    """``toString(x)`` -> ``cast(x AS STRING)`` (parenthesis-aware, literal-aware)."""
    out, i = [], 0
    while True:
        m = None
        for cand in _FUNC.finditer(text, i):
            if cand.group(1).lower() in _CAST_FUNCS and _outside_literals(text, cand.start()):
                m = cand
                break
        if m is None:
            out.append(text[i:])
            return "".join(out)
        depth, j, quote = 1, m.end(), None
        while j < len(text) and depth:
            ch = text[j]
            if quote:
                if ch == "\\":
                    j += 1
                elif ch == quote:
                    quote = None
            elif ch in "'\"`":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            j += 1
        if depth:  # unbalanced: leave it for the parser to report
            out.append(text[i:])
            return "".join(out)
        inner = _rewrite_casts(text[m.end():j - 1])
        out.append(text[i:m.start()])
        out.append(f"cast({inner} AS {_CAST_FUNCS[m.group(1).lower()]})")
        i = j


def _outside_literals(text: str, pos: int) -> bool:
    at = 0
    for is_code, seg in _split_literals(text):
        if at <= pos < at + len(seg):
            return is_code
        at += len(seg)
    return True


_PARAM = re.compile(r"\$([A-Za-z_]\w*)")


def query_parameters(cypher: str) -> list[str]:
    """The ``$name`` parameters a query uses, in order of first use (literals skipped).

    Examples
    --------
    >>> query_parameters("MATCH (a {id: $id}) WHERE a.x = '$no' RETURN $id, $k")
    ['id', 'k']
    """
    seen: dict[str, None] = {}
    for is_code, seg in _split_literals(cypher):
        if is_code:
            for m in _PARAM.finditer(seg):
                seen.setdefault(m.group(1), None)
    return list(seen)


def _dialect(cypher: str) -> str:
    """Translate the portable Cypher subset into Ladybug's dialect.

    Only function names are rewritten (``type(r)`` -> ``label(r)``,
    ``split`` -> ``string_split``, ``toString(x)`` -> ``cast(x AS STRING)``
    and the other ``to*`` conversions); string literals and comments are
    left alone.

    Examples
    --------
    >>> _dialect("MATCH ()-[r]->() RETURN type(r) AS t, toString(r.start) AS s, 'type(x)' AS q")
    "MATCH ()-[r]->() RETURN label(r) AS t, cast(r.start AS STRING) AS s, 'type(x)' AS q"
    """
    parts = [(_rewrite_code(seg) if is_code else seg) for is_code, seg in _split_literals(cypher)]
    return _rewrite_casts("".join(parts))


# --------------------------------------------------------------------------
# values: Ladybug -> plain Python
# --------------------------------------------------------------------------

def _plain(v: Any) -> Any:
    """Turn Ladybug result values into JSON-friendly Python values."""
    if v is None or isinstance(v, (str, bool, int)):
        return v
    if isinstance(v, float):
        return None if math.isnan(v) else v
    if isinstance(v, (_dt.date, _dt.datetime, _dt.time)):
        return v.isoformat()
    if isinstance(v, _dt.timedelta):
        return v.days if not v.seconds and not v.microseconds else v.total_seconds()
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        if "_nodes" in v and "_rels" in v:  # a path
            return {"nodes": [_plain(n) for n in v["_nodes"]],
                    "relationships": [_plain(r) for r in v["_rels"]]}
        if "_LABEL" in v and "_ID" in v:  # a node or a relationship: its properties
            return {k: _plain(x) for k, x in v.items() if not k.startswith("_") and x is not None}
        return {k: _plain(x) for k, x in v.items()}
    return str(v)


def _chunks(rows: list, n: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(rows), n):
        yield rows[i:i + n]


class LadybugStore:
    """A knowledge graph stored in one LadybugDB file.

    Parameters
    ----------
    path : str or Path
        The store file (created on first use, with a ``.wal`` file next to
        it while open). Its parent folder must exist and be writable.
    read_only : bool
        Open an existing store for queries only; several read-only
        processes may share a store, but only one process may write.

    Raises
    ------
    kg.errors.StoreError
        The path is a folder or not a store, cannot be written, or another
        process holds the store.
    """

    #: articles per ingest transaction: a statement costs a plan whatever its
    #: rows, so groups are large; with worker processes a group is written
    #: while the next is extracted, and 250 left the least unoverlapped (on
    #: 1k bench articles, two workers took 12.0 s with 250, 14.5 s with 1,000)
    group_size = 250

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False):
        import ladybug

        self.path = Path(path).expanduser()
        self.read_only = read_only
        self._check_path()
        try:
            # (a kill -9 while the log is written can leave a torn last record: replay keeps
            # every committed transaction before it and drops the tail, instead of refusing
            # to open the store at all)
            self._db = ladybug.Database(str(self.path), read_only=read_only,
                                        checkpoint_threshold=CHECKPOINT_BYTES,
                                        throw_on_wal_replay_failure=False)
            self._conn = ladybug.Connection(self._db)
            self._prepared: dict[str, Any] = {}  # cypher -> statement, see _exec_rows
        except RuntimeError as exc:
            raise StoreError(self._explain_open_error(str(exc))) from exc
        self._closed = False
        if not read_only:
            try:
                self.ensure_schema()
            except StoreError:
                self.close()  # release the lock before reporting
                raise

    # ---------------------------------------------------------------- open
    def _check_path(self) -> None:
        p = self.path
        if p.is_dir():
            raise StoreError(f"store path {p} is a folder, not a kg store; pass a file path "
                             f"such as --store {p / 'kg-store.lbug'}")
        if self.read_only:
            if not p.exists():
                raise StoreError(f"no store at {p}; run `kg ingest` first or pass --store PATH")
            return
        parent = p.parent if str(p.parent) else Path(".")
        if not parent.is_dir():
            raise StoreError(f"cannot create store {p}: folder {parent} does not exist; "
                             f"create it or pass another --store PATH")
        target = p if p.exists() else parent
        if not os.access(target, os.W_OK) or _readonly_fs(parent):
            raise StoreError(f"cannot write the store {p}: {target} is read-only; pass a "
                             f"writable --store PATH")

    def _explain_open_error(self, msg: str) -> str:
        p = self.path
        if "lock" in msg.lower():
            pid = re.search(r"PID (\d+)", msg)
            who = f" (pid {pid.group(1)})" if pid else ""
            return (f"another kg process{who} holds the store {p}; wait for it to finish or "
                    f"use --store OTHER")
        if "not a valid" in msg.lower() or "corrupt" in msg.lower():
            return (f"{p} is not a kg store (LadybugDB file) or it is damaged; pass another "
                    f"--store PATH")
        if "cannot be a directory" in msg.lower():
            return f"store path {p} is a folder, not a kg store; pass a file path"
        if any(w in msg.lower() for w in ("permission", "read-only", "cannot open file")):
            return f"cannot write the store {p}: permission denied; pass a writable --store PATH"
        return f"cannot open store {p}: {msg}"

    # -------------------------------------------------------------- schema
    def _tables(self) -> dict[str, str]:
        rows = self._conn.execute("CALL show_tables() RETURN name, type").get_all()
        return {name: typ for name, typ in rows}

    def _columns(self, table: str) -> set[str]:
        rows = self._conn.execute(f"CALL table_info({_lit(table)}) RETURN name").get_all()
        return {r[0] for r in rows}

    def ensure_schema(self) -> None:
        """Create the node and relationship tables, and add missing properties (idempotent)."""
        if self.read_only:
            return
        recount = False  # a store written before the counts were kept
        reparent = False  # a store written before places kept their parent
        try:
            tables = self._tables()
            for label, props in NODES.items():
                if label not in tables:
                    self._conn.execute(_node_table_ddl(label, props))
                    continue
                have = self._columns(label)
                for p, t in props.items():
                    if p not in have:
                        self._conn.execute(f"ALTER TABLE {_q(label)} ADD {_q(p)} {t}")
                        recount = recount or p in KEPT.get(label, ())
                        reparent = reparent or (label, p) == ("Entity", "parent")
            for rtype, spec in RELS.items():
                if rtype not in tables:
                    self._conn.execute(_rel_table_ddl(rtype, spec))
                    continue
                have = self._columns(rtype)
                for p, t in spec["props"].items():
                    if p not in have:
                        self._conn.execute(f"ALTER TABLE {_q(rtype)} ADD {_q(p)} {t}")
                for a, b in spec["pairs"]:
                    if not self._has_pair(rtype, a, b):
                        self._conn.execute(f"ALTER TABLE {_q(rtype)} ADD FROM {_q(a)} TO {_q(b)}")
            if recount:
                self._conn.execute(RECOUNT_ALL)
            if reparent:
                self._conn.execute(SET_PARENTS)
        except RuntimeError as exc:
            raise StoreError(f"cannot create the schema in {self.path}: {exc}") from exc

    def _has_pair(self, rtype: str, a: str, b: str) -> bool:
        try:
            self._conn.execute(f"MATCH (:{_q(a)})-[r:{_q(rtype)}]->(:{_q(b)}) RETURN r LIMIT 0")
            return True
        except RuntimeError:
            return False

    # -------------------------------------------------------------- reads
    def has_article(self, article_id: str) -> str | None:
        """The stored content_hash of an article ('' if stored without one), or None."""
        return stored_hashes(self, [article_id]).get(article_id)

    def query(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run (portable) Cypher with parameters; rows as dicts keyed by the column names.

        Raises
        ------
        kg.errors.QueryError
            The query does not parse, misses a parameter or fails.
        """
        self._check_open()
        params = dict(params or {})
        missing = sorted(set(query_parameters(cypher)) - set(params))
        if missing:
            raise QueryError("missing parameter " + ", ".join(f"${m}" for m in missing)
                             + "; pass " + " ".join(f"-p {m} VALUE" for m in missing))
        try:
            res = self._conn.execute(_dialect(cypher), params)
        except (RuntimeError, ValueError, TypeError) as exc:
            raise QueryError(_clean(str(exc))) from exc
        results = res if isinstance(res, list) else [res]
        out: list[dict[str, Any]] = []
        for r in results:
            cols = r.get_column_names()
            while r.has_next():
                out.append({c: _plain(v) for c, v in zip(cols, r.get_next())})
        return out

    def counts(self) -> dict[str, int]:
        """Number of nodes per label and relationships per type."""
        return count_all(self)

    # -------------------------------------------------------------- writes
    def upsert(self, batch: GraphBatch) -> UpsertStats:
        """Write one batch in one transaction (see :meth:`kg.stores.base.Store.upsert`).

        LadybugDB's MERGE costs a look-up and a match per row (half a
        millisecond per node row on a 10k-article store), and it does not
        say whether it created, so nothing is merged:

        1. *plan* (nothing written yet): check every row against the model
           and look up which nodes are stored, and which relationships are
           among those whose two ends were stored before (from each row's
           source node); a stored row the batch does not change is left
           alone, and a relationship with an endpoint created by this batch
           cannot be stored yet, so it is new;
        2. *write*, in one BEGIN/COMMIT: update the stored rows the batch
           changes (``UNWIND … MATCH … SET``, by id: this process is the
           store's only writer, so they are still there; a stored value is
           kept and a null one filled), create the new rows (``UNWIND …
           CREATE``), then bring the kept counts (:data:`kg.model.KEPT`) of
           the entities they mention up to date: added to for MENTIONS from
           or to a new node, counted again for those between stored ones.

        A failure, or kill -9, leaves the store as it was. LadybugDB's COPY
        is not used: in 0.22 its rows bypass the write-ahead log, and a
        kill -9 during the checkpoint that ends its commit kept the other
        statements of the transaction but lost the COPYed rows (articles
        without their mentions). Large batches amortise the statements:
        ingest writes :attr:`group_size` articles per batch.
        """
        self._check_open()
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only; open it without "
                             f"read_only to write")
        stats = UpsertStats(nodes=0, relationships=0, dropped_relationships=0,
                            labels={}, types={})
        self._conn.set_max_threads_for_exec(WRITE_THREADS)
        try:
            return self._upsert(batch, stats)
        finally:
            self._conn.set_max_threads_for_exec(0)  # the database's default again

    def _upsert(self, batch: GraphBatch, stats: UpsertStats) -> UpsertStats:
        updates, creates, counts = self._plan(batch, stats)
        self._exec("BEGIN TRANSACTION")
        try:
            for cypher, rows in updates:  # stored rows the batch changes
                for part in _chunks(rows):
                    self._exec_rows(cypher, part)
            for cypher, rows in creates:  # nodes first, then relationships
                for part in _chunks(rows):
                    self._exec_rows(cypher, part)
            for cypher, key, rows in counts:
                for part in _chunks(rows):
                    self._exec_rows(cypher, part, key)
            self._exec("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, StoreError):
                raise
            if isinstance(exc, (RuntimeError, ValueError, TypeError)):
                raise StoreError(f"write to {self.path} failed and was rolled back: "
                                 f"{_clean(str(exc))}") from exc
            raise
        return stats

    def _plan(self, batch: GraphBatch, stats: UpsertStats) -> tuple[list, list, list]:
        """Step 1 of :meth:`upsert`: checks and look-ups; new rows counted in ``stats``.

        Returns the updates of stored rows the batch changes, as ``(cypher,
        rows)``, the creates, as ``(cypher, rows)`` with nodes before relationships,
        and the count updates, as ``(cypher, parameter name, rows)``.
        """
        updates: list[tuple[str, list]] = []
        creates: list[tuple[str, list]] = []
        counts: list[tuple[str, str, list]] = []
        fresh: dict[str, set] = {}    # label -> ids this batch creates
        present: dict[str, set] = {}  # label -> ids stored once this batch is written
        for label, rows in batch.nodes.items():
            if not rows:
                continue
            clean = node_rows(label, rows)  # checks the label first
            stored = self._stored_rows(label, [r["id"] for r in clean])
            new = [r for r in clean if r["id"] not in stored]
            # a stored node is merged only if the batch changes it
            old = [r for r in clean if r["id"] in stored and _changes(r, stored[r["id"]])]
            fresh.setdefault(label, set()).update(r["id"] for r in new)
            present.setdefault(label, set()).update(r["id"] for r in clean)
            stats["nodes"] += len(new)
            stats["labels"][label] = stats["labels"].get(label, 0) + len(new)
            if old:
                cols, packed = _packed(old, NODES[label])
                updates.append((f"UNWIND $rows AS r MATCH (n:{_q(label)} {{id: {cols['id']}}})"
                               + _keep_stored("n", cols), packed))
            if new:
                cols, packed = _packed(new, NODES[label])
                creates.append((f"UNWIND $rows AS r CREATE (n:{_q(label)} {_values(cols)})", packed))
        for (rtype, a, b), rows in batch.rels.items():
            if not rows:
                continue
            props = RELS[rtype]["props"]
            rows_ = rel_rows(rtype, a, b, rows)
            known_a, known_b = present.setdefault(a, set()), present.setdefault(b, set())
            known_a.update(self._stored_ids(a, {r["src"] for r in rows_} - known_a))
            known_b.update(self._stored_ids(b, {r["dst"] for r in rows_} - known_b))
            linked = [r for r in rows_ if r["src"] in known_a and r["dst"] in known_b]
            stats["dropped_relationships"] += len(rows_) - len(linked)
            new_a, new_b = fresh.get(a, set()), fresh.get(b, set())
            new = [r for r in linked if r["src"] in new_a or r["dst"] in new_b]
            old = [r for r in linked if r["src"] not in new_a and r["dst"] not in new_b]
            ends = f"UNWIND $rows AS r MATCH (a:{_q(a)} {{id: r[1]}}) MATCH (b:{_q(b)} {{id: r[2]}})"
            # both endpoints were stored before: the relationship may be too
            stored = self._stored_rels(rtype, a, b, old) if old else {}
            missing = [r for r in old if r["id"] not in stored]
            changed = [r for r in old if r["id"] in stored and _changes(r, stored[r["id"]])]
            if changed:
                cols, packed = _packed(changed, props, lead=("src", "dst"))
                updates.append((f"{ends} MATCH (a)-[x:{_q(rtype)} {{id: {cols['id']}}}]->(b)"
                               + _keep_stored("x", cols), packed))
            if new or missing:
                cols, packed = _packed(new + missing, props, lead=("src", "dst"))
                creates.append((f"{ends} CREATE (a)-[x:{_q(rtype)} {_values(cols)}]->(b)", packed))
                stats["relationships"] += len(new) + len(missing)
                stats["types"][rtype] = stats["types"].get(rtype, 0) + len(new) + len(missing)
            if rtype == "MENTIONS" and new:
                counts.append((_ADD_MENTIONS, "rows", _mention_counts(new)))
            if rtype == "MENTIONS" and missing:  # a stored article may mention the entity already
                counts.append((RECOUNT, "ids", sorted({r["dst"] for r in missing})))
        return updates, creates, counts

    def _stored_rows(self, label: str, ids: list[str],
                     props: Iterable[str] | None = None) -> dict[str, dict]:
        """The stored properties (``props``, else all but the kept counts) of
        those of ``ids`` that are stored under ``label`` (primary-key look-ups)."""
        props = list(props or (p for p in NODES[label] if p not in KEPT.get(label, ())))
        cypher = (f"UNWIND $ids AS i MATCH (n:{_q(label)} {{id: i}}) RETURN "
                  + ", ".join(f"n.{_q(p)}" for p in props))
        return {row[0]: dict(zip(props, row)) for part in _chunks(ids)
                for row in self._run(cypher, strings=("ids", part))}

    def _stored_ids(self, label: str, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored under ``label``."""
        return set(self._stored_rows(label, list(ids), ("id",)))

    def _stored_rels(self, rtype: str, a: str, b: str, rows: list[dict]) -> dict[str, dict]:
        """The stored properties of those of ``rows`` (``rel_rows`` form, both ends
        stored) whose relationship is stored, by relationship id: both ends by
        primary key, then the relationships between them (a look-up, not a scan
        of the table; written as one path pattern it took ten times as long)."""
        props = ["id"] + [p for p in RELS[rtype]["props"] if p != "id"]
        cypher = (f"UNWIND $rows AS r MATCH (a:{_q(a)} {{id: r[1]}}) MATCH (b:{_q(b)} {{id: r[2]}}) "
                  f"MATCH (a)-[x:{_q(rtype)}]->(b) WHERE x.id = r[3] RETURN "
                  + ", ".join(f"x.{_q(p)}" for p in props))
        keys = [[r["src"], r["dst"], r["id"]] for r in rows]
        return {row[0]: dict(zip(props, row)) for part in _chunks(keys)
                for row in self._run(cypher, strings=("rows", part))}

    # -------------------------------------------------------------- plumbing
    def _exec(self, cypher: str, params: dict | None = None):
        return self._conn.execute(cypher, params or {})

    def _exec_rows(self, cypher: str, rows: list, key: str = "rows"):
        """Run ``cypher`` with ``$rows`` (or ``$key``): strings, or lists of
        strings and nulls as :func:`_packed` makes them, through a statement
        prepared once per text.

        Given a query text, the binding looks for a prepared statement by
        the text and a type signature of every parameter value, which it
        computes element by element: a third of a write's time. With rows
        that hold only strings and nulls, the types are the same on every
        call, so the statement prepared for the text is the right one.
        Numbers go as strings too (:func:`_packed`, :func:`_mention_counts`):
        the binding would prepare a statement per integer width.
        """
        prepared = self._prepared.get(cypher)
        if prepared is None:
            if not hasattr(self._conn, "prepare"):  # a binding without it: its own cache
                return self._conn.execute(cypher, {key: rows})
            with warnings.catch_warnings():  # prepare() is marked deprecated in favour of
                warnings.simplefilter("ignore", DeprecationWarning)  # execute()'s own cache
                prepared = self._prepared[cypher] = self._conn.prepare(cypher)
        return self._conn.execute(prepared, {key: rows})

    def _run(self, cypher: str, params: dict | None = None, *,
             strings: tuple[str, list] | None = None) -> list[list]:
        """All rows of ``cypher``; ``strings`` is one ``(name, rows)`` parameter (strings,
        or lists of strings and nulls) to run it with through :meth:`_exec_rows` instead."""
        self._check_open()
        try:
            if strings:
                return self._exec_rows(cypher, strings[1], strings[0]).get_all()
            return self._exec(cypher, params).get_all()
        except RuntimeError as exc:
            raise StoreError(f"store {self.path}: {_clean(str(exc))}") from exc

    def _rollback(self) -> None:
        try:
            self._conn.execute("ROLLBACK")
        except RuntimeError as exc:
            # Ladybug rolls a failed statement's transaction back itself
            if "no active transaction" not in str(exc).lower():
                raise StoreError(f"rollback failed on {self.path}: {exc}") from exc

    def _check_open(self) -> None:
        if getattr(self, "_closed", True):
            raise StoreError(f"store {self.path} is closed")

    def close(self) -> None:
        """Close the store and release its lock (safe to call twice)."""
        if getattr(self, "_closed", True):
            return
        self._closed = True
        # Our prepared statements go first, while their database is open:
        # one freed after the database closed corrupted the next store opened
        # in the process (reads failed with "String dictionary contains a
        # non-monotonic … string offset" after reopening a 5k-article store).
        for statement in self._prepared.values():
            with contextlib.suppress(RuntimeError):
                statement.close()
        self._prepared.clear()
        self._conn.close()
        self._db.close()

    def __enter__(self) -> "LadybugStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = ", read_only=True" if self.read_only else ""
        return f"LadybugStore({str(self.path)!r}{mode})"


# what created MENTIONS add to their entities' kept counts (see _mention_counts)
_ADD_MENTIONS = ("UNWIND $rows AS r MATCH (e:Entity {id: r[1]}) "
                 "SET e.mentions = coalesce(e.mentions, 0) + cast(r[2] AS INT64), "
                 "e.articles = coalesce(e.articles, 0) + cast(r[3] AS INT64)")


def _mention_counts(rows: list[dict]) -> list[list[str]]:
    """Per entity, what new MENTIONS rows (``rel_rows`` form) add to its kept
    counts: ``[id, relationships, distinct articles]``, as strings (see
    :meth:`LadybugStore._exec_rows`).

    Exact for relationships the store creates: their article or their entity
    is new, so the article did not mention the entity before.
    """
    arts: dict[str, set] = {}
    m: dict[str, int] = {}
    for r in rows:
        arts.setdefault(r["dst"], set()).add(r["src"])
        m[r["dst"]] = m.get(r["dst"], 0) + 1
    return [[e, str(m[e]), str(len(a))] for e, a in arts.items()]


def _changes(row: dict, stored: dict) -> bool:
    """Whether merging ``row`` would change the stored node: only a property
    stored as null takes the row's value (see :func:`_keep_stored`)."""
    return any(v is not None and stored.get(p) is None for p, v in row.items())


def _packed(rows: list[dict], props: dict[str, str],
            lead: tuple[str, ...] = ()) -> tuple[dict[str, str], list[list]]:
    """Rows as lists of strings, for ``UNWIND $rows AS r``, and the Cypher
    expression that reads each property back from ``r`` (typed with ``cast``).

    LadybugDB's Python binding converts a list of strings several times
    faster than a map per row (9,410 MENTIONS rows: 0.13 s against 0.48 s),
    and converting was most of a write. Numbers go as Python's ``repr``,
    which LadybugDB reads back to the same value (checked on 20k random
    doubles). ``lead`` keys come first (``r[1]``, ``r[2]``); then each
    property that some row has a value for; the others are left out, so a
    CREATE leaves them null and a MERGE keeps what is stored.
    """
    kept = [p for p in props if any(r.get(p) is not None for r in rows)]
    keys = list(lead) + kept
    packed = [[_text(r.get(k)) for k in keys] for r in rows]
    cols = {}
    for i, p in enumerate(kept, start=len(lead) + 1):
        t = props[p]
        cols[p] = f"r[{i}]" if t == "STRING" else f"cast(r[{i}] AS {_CASTS[t]})"
    return cols, packed


def _text(v: Any) -> str | None:
    if v is None or type(v) is str:
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v) if isinstance(v, float) else str(v)


def _keep_stored(var: str, cols: dict[str, str]) -> str:
    """`` SET`` clause that keeps each stored value and fills the null ones from
    the row (``cols`` as :func:`_packed` gives them): the first value written
    wins, across transactions as within a batch, so the graph does not depend
    on how the articles were grouped."""
    sets = ", ".join(f"{var}.{_q(p)} = coalesce({var}.{_q(p)}, {e})"
                     for p, e in cols.items() if p != "id")
    return f" SET {sets}" if sets else ""


def _values(cols: dict[str, str]) -> str:
    """A ``{prop: expression, …}`` map for CREATE (``cols`` as :func:`_packed` gives them)."""
    return "{" + ", ".join(f"{_q(p)}: {e}" for p, e in cols.items()) + "}"


def _lit(name: str) -> str:
    """A model identifier as a Cypher string literal (identifiers come from the model only)."""
    if not re.fullmatch(r"\w+", name):
        raise StoreError(f"bad table name {name!r}")
    return f"'{name}'"


def _clean(msg: str) -> str:
    return " ".join(msg.split())


def _readonly_fs(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False
