"""The named query library (``queries/*.cypher``) and a small Cypher tokenizer.

A stored query is a ``.cypher`` file whose leading comment lines describe it::

    // title: Bans
    // description: Every ban with its authority and jurisdiction.
    // @param country: ISO code of a place (default: null)
    MATCH (b:Ban) ...

Parameters are found in the query text itself (every ``$name`` outside string
literals and comments); a ``// @param`` line only documents one and may give
it a default. A parameter without a default is required.

The same tokenizer powers :func:`check_read_only`, the guard behind
``kg query --cypher``: it refuses write clauses (``CREATE``, ``MERGE``,
``SET``, ...) and procedure calls outside a small allow-list, while a string
literal or a comment that merely contains such a word is fine.

Examples
--------
>>> [t.value for t in tokenize("MATCH (n) // CREATE\\nRETURN 'SET' AS s")]
['MATCH', '(', 'n', ')', 'RETURN', "'SET'", 'AS', 's']
>>> sorted(find_params("MATCH (e:Entity {id: $id}) WHERE e.type = $type RETURN '$no' AS x"))
['id', 'type']
>>> coerce_param("42"), coerce_param("true"), coerce_param("CN"), coerce_param("[1, 2]")
(42, True, 'CN', [1, 2])
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from kg.errors import QueryError, ReadOnlyError

__all__ = [
    "QUERIES_DIR", "Query", "Token", "tokenize", "find_params", "check_read_only",
    "WRITE_KEYWORDS", "READ_ONLY_PROCEDURES", "coerce_param", "parse_query",
    "load_queries", "get_query", "bind_params", "run_query", "run_cypher",
]

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"

# Clauses that change data or schema (Neo4j 5 and LadybugDB), and admin commands.
WRITE_KEYWORDS = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "LOAD", "COPY",
    "ALTER", "FOREACH", "INSTALL", "UNINSTALL", "ATTACH", "IMPORT", "EXPORT", "GRANT",
    "REVOKE", "DENY", "TERMINATE", "CHECKPOINT", "BEGIN", "COMMIT", "ROLLBACK",
})

# Procedures that only read the schema; every other CALL needs --write.
READ_ONLY_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "db.indexes",
    "db.constraints", "show_tables", "table_info", "show_connection", "show_functions",
    "current_setting", "db_version",
})


@dataclass(frozen=True)
class Token:
    """One lexical token: ``kind`` is ``word``, ``param``, ``string``, ``quoted``
    (a back-quoted identifier), ``number`` or ``punct``; ``pos`` its offset."""
    kind: str
    value: str
    pos: int


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_PARAM = re.compile(r"\$(?:([A-Za-z_][A-Za-z0-9_]*)|`([^`]*)`|(\d+))")


def _skip_string(text: str, i: int) -> int:
    """Index just past the string literal that starts at ``text[i]``."""
    quote, j, n = text[i], i + 1, len(text)
    while j < n:
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == quote:
            return j + 1
        j += 1
    raise QueryError(f"unterminated string literal starting at offset {i}")


def tokenize(text: str) -> Iterator[Token]:
    """Yield the tokens of a Cypher text, skipping whitespace and comments.

    String literals (single or double quoted, backslash escapes) and
    back-quoted identifiers are single tokens, so words inside them are never
    mistaken for keywords or parameters.

    Raises
    ------
    QueryError
        On an unterminated string, identifier or block comment.
    """
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif text.startswith("//", i):
            nl = text.find("\n", i)
            i = n if nl < 0 else nl + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise QueryError(f"unterminated /* comment starting at offset {i}")
            i = end + 2
        elif c in "'\"":
            j = _skip_string(text, i)
            yield Token("string", text[i:j], i)
            i = j
        elif c == "`":
            end = text.find("`", i + 1)
            if end < 0:
                raise QueryError(f"unterminated `identifier` starting at offset {i}")
            yield Token("quoted", text[i + 1:end], i)
            i = end + 1
        elif c == "$":
            m = _PARAM.match(text, i)
            if not m:
                yield Token("punct", c, i)
                i += 1
            else:
                yield Token("param", m.group(1) or m.group(2) or m.group(3), i)
                i = m.end()
        elif c.isdigit():
            m = _NUMBER.match(text, i)
            yield Token("number", m.group(), i)
            i = m.end()
        elif c.isalpha() or c == "_":
            m = _WORD.match(text, i)
            if m is None:  # a non-ASCII letter outside a string: keep it as punctuation
                yield Token("punct", c, i)
                i += 1
            else:
                yield Token("word", m.group(), i)
                i = m.end()
        else:
            yield Token("punct", c, i)
            i += 1


def find_params(text: str) -> list[str]:
    """The parameter names used in ``text``, in order of first use."""
    seen: dict[str, None] = {}
    for tok in tokenize(text):
        if tok.kind == "param":
            seen.setdefault(tok.value, None)
    return list(seen)


def _procedure_name(toks: list[Token], k: int) -> tuple[str, int]:
    """The dotted name that starts at ``toks[k]`` and the index after it."""
    parts = []
    while k < len(toks) and toks[k].kind in ("word", "quoted"):
        parts.append(toks[k].value)
        if k + 1 < len(toks) and toks[k + 1].value == ".":
            k += 2
        else:
            k += 1
            break
    return ".".join(parts), k


def check_read_only(text: str) -> None:
    """Raise :class:`~kg.errors.ReadOnlyError` if ``text`` may write.

    A keyword counts only as a bare word in clause position: not inside a
    string or comment, not a property (``n.set``), a label or type
    (``:Create``), or a map key (``{merge: 1}``). ``CALL`` is allowed for
    subqueries (``CALL {``) and the read-only procedures in
    :data:`READ_ONLY_PROCEDURES`.

    Examples
    --------
    >>> check_read_only("MATCH (n) WHERE n.title CONTAINS 'CREATE' RETURN n.id AS id")
    >>> check_read_only("MATCH (n) DETACH DELETE n")
    Traceback (most recent call last):
    ...
    kg.errors.ReadOnlyError: DETACH at offset 10 would write: run it with --write if you mean to
    """
    toks = list(tokenize(text))
    for k, tok in enumerate(toks):
        if tok.kind != "word":
            continue
        prev = toks[k - 1].value if k else ""
        nxt = toks[k + 1].value if k + 1 < len(toks) else ""
        if prev in (".", ":") or prev.upper() == "AS" or nxt == ":":
            continue
        word = tok.value.upper()
        if word in WRITE_KEYWORDS:
            raise ReadOnlyError(f"{word} at offset {tok.pos} would write: run it with --write if you mean to")
        if word == "CALL":
            if nxt in ("{", "("):
                continue
            name, _ = _procedure_name(toks, k + 1)
            if name.lower() not in READ_ONLY_PROCEDURES:
                allowed = ", ".join(sorted(READ_ONLY_PROCEDURES))
                raise ReadOnlyError(
                    f"CALL {name or '?'} may write: only these procedures run without --write: {allowed}")


_NUM_RE = re.compile(r"[+-]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?")


def coerce_param(value: Any) -> Any:
    """Type a parameter given as text: ints, floats, ``true``/``false``,
    ``null``, JSON lists, objects and quoted strings; anything else stays a string.

    Examples
    --------
    >>> coerce_param("3.5"), coerce_param("null"), coerce_param('"42"'), coerce_param("2021-06")
    (3.5, None, '42', '2021-06')
    """
    if not isinstance(value, str):
        return value
    s = value.strip()
    low = s.lower()
    if low in ("null", "none"):
        return None
    if low in ("true", "false"):
        return low == "true"
    if re.fullmatch(r"[+-]?\d+", s):
        return int(s)
    if _NUM_RE.fullmatch(s):
        return float(s)
    if s and s[0] in "[{\"":
        try:
            return json.loads(s)
        except json.JSONDecodeError:
            return value
    return value


@dataclass
class Query:
    """A stored query: ``params`` in order of use, ``defaults`` for the optional ones."""
    name: str
    title: str
    description: str
    text: str
    params: list[str] = field(default_factory=list)
    defaults: dict[str, Any] = field(default_factory=dict)
    param_help: dict[str, str] = field(default_factory=dict)
    path: str | None = None

    @property
    def required(self) -> list[str]:
        """Parameters without a default."""
        return [p for p in self.params if p not in self.defaults]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready description (what ``kg query list`` prints)."""
        return {"name": self.name, "title": self.title, "description": self.description,
                "params": [{"name": p, "required": p not in self.defaults,
                            "default": self.defaults.get(p), "help": self.param_help.get(p, "")}
                           for p in self.params]}


_HEADER = re.compile(r"^\s*//\s*(@param\s+\$?(\w+)|title|description)\s*:\s?(.*)$")
_DEFAULT = re.compile(r"\(\s*default\s*:\s*(.*?)\s*\)\s*$")


def parse_query(name: str, text: str, path: str | None = None) -> Query:
    """Read the comment header of a query text (see module docstring).

    A ``// ...`` line right after a ``description:`` line continues it.

    Raises
    ------
    QueryError
        If a ``@param`` line documents a parameter the text does not use.
    """
    meta = {"title": "", "description": ""}
    defaults: dict[str, Any] = {}
    helps: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.lstrip().startswith("//"):
            break
        m = _HEADER.match(line)
        if m is None:
            if last == "description":
                meta["description"] = (meta["description"] + " " + line.lstrip()[2:].strip()).strip()
            continue
        key, pname, rest = m.group(1), m.group(2), m.group(3).strip()
        if pname:
            last = None
            d = _DEFAULT.search(rest)
            if d:
                defaults[pname] = coerce_param(d.group(1))
                rest = rest[:d.start()].strip()
            helps[pname] = rest
        else:
            last = key
            meta[key] = rest
    params = find_params(text)
    stray = sorted(set(helps) - set(params))
    if stray:
        raise QueryError(f"query {name!r} documents parameters it does not use: {', '.join(stray)}")
    return Query(name=name, title=meta["title"], description=meta["description"], text=text,
                 params=params, defaults=defaults, param_help=helps, path=path)


@lru_cache(maxsize=4)
def _load(directory: str) -> dict[str, Query]:
    out = {}
    for p in sorted(Path(directory).glob("*.cypher")):
        out[p.stem] = parse_query(p.stem, p.read_text(encoding="utf-8"), str(p))
    return out


def load_queries(directory: str | Path | None = None) -> dict[str, Query]:
    """Every stored query by name (file stem), sorted by name."""
    d = Path(directory) if directory else QUERIES_DIR
    return dict(_load(str(d.resolve())))


def get_query(name: str, directory: str | Path | None = None) -> Query:
    """One stored query.

    Raises
    ------
    QueryError
        If there is no such query (the message lists the known ones).
    """
    queries = load_queries(directory)
    if name not in queries:
        raise QueryError(f"no stored query named {name!r}; known: {', '.join(queries)} "
                         "(see `kg query list`)")
    return queries[name]


def bind_params(query: Query, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """The parameters to run ``query`` with: given ones, then defaults.

    Raises
    ------
    QueryError
        On a missing required parameter (the message says how to pass it) or
        an unknown one.
    """
    params = dict(params or {})
    unknown = sorted(set(params) - set(query.params))
    if unknown:
        known = ", ".join(query.params) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(unknown)}; "
                         f"its parameters: {known}")
    out = {}
    for p in query.params:
        if p in params:
            out[p] = params[p]
        elif p in query.defaults:
            out[p] = query.defaults[p]
        else:
            example = {"country": "CN", "id": "CN-SC", "type": "PROVINCE"}.get(p, "VALUE")
            raise QueryError(f"query {query.name!r} needs parameter {p!r}: pass it with -p {p} {example}")
    return out


def run_query(store, name: str, params: dict[str, Any] | None = None, *,
              directory: str | Path | None = None) -> list[dict[str, Any]]:
    """Run a stored query on a store; rows as dicts keyed by the RETURN aliases."""
    q = get_query(name, directory)
    return store.query(q.text, bind_params(q, params))


def run_cypher(store, text: str, params: dict[str, Any] | None = None, *,
               write: bool = False) -> list[dict[str, Any]]:
    """Run ad-hoc Cypher; refuses writes (:func:`check_read_only`) unless ``write``."""
    if not write:
        check_read_only(text)
    return store.query(text, dict(params or {}))
