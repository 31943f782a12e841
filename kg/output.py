"""How the CLI prints rows: JSON (default), JSON Lines, CSV or a text table.

Every command that prints rows takes the same options through the one
decorator :func:`output_options` and prints through :func:`emit`, so
``kg query bans --csv`` and ``kg query list --csv`` behave alike.

Examples
--------
>>> import io
>>> buf = io.StringIO()
>>> emit([{"id": "KZ", "bans": 0}, {"id": "CN-SC", "bans": 2}], "table", file=buf)
>>> print(buf.getvalue(), end="")
id     bans
-----  ----
KZ        0
CN-SC     2
>>> buf = io.StringIO()
>>> emit([{"id": "KZ", "tags": ["a", "b"]}], "csv", file=buf)
>>> print(buf.getvalue(), end="")
id,tags
KZ,"[""a"", ""b""]"
"""
from __future__ import annotations

import csv
import datetime as _dt
import decimal
import json
import sys
from typing import IO, Any, Callable, Iterable

import click

__all__ = ["FORMATS", "output_options", "emit", "to_json", "json_default", "format_table",
           "columns_of"]

FORMATS = ("json", "nl", "csv", "table")

#: the widest a table cell gets before it is cut with an ellipsis
MAX_CELL = 60


def json_default(obj: Any) -> Any:
    """Make database values JSON-ready (decimals, dates, sets, anything else as text)."""
    if isinstance(obj, decimal.Decimal):
        return int(obj) if obj == obj.to_integral_value() else float(obj)
    if isinstance(obj, (_dt.date, _dt.datetime, _dt.time)):
        return obj.isoformat()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    if hasattr(obj, "as_dict"):
        return obj.as_dict()
    return str(obj)


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """JSON text that keeps Arabic readable (``ensure_ascii=False``)."""
    return json.dumps(obj, ensure_ascii=False, indent=indent, default=json_default)


def output_options(f: Callable) -> Callable:
    """Add ``--json`` (default), ``--nl``, ``--csv`` and ``-t/--table`` to a command.

    They set one parameter, ``fmt``, to one of :data:`FORMATS`.
    """
    options = [
        click.option("--json", "fmt", flag_value="json", default=True,
                     help="Print a JSON array of objects (the default)."),
        click.option("--nl", "fmt", flag_value="nl",
                     help="Print one JSON object per line (JSON Lines)."),
        click.option("--csv", "fmt", flag_value="csv", help="Print CSV with a header row."),
        click.option("-t", "--table", "fmt", flag_value="table",
                     help="Print an aligned text table (long cells are cut)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def columns_of(rows: list[dict]) -> list[str]:
    """Column names in order of first appearance over all rows."""
    cols: dict[str, None] = {}
    for r in rows:
        for k in r:
            cols.setdefault(k, None)
    return list(cols)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (list, tuple, dict, set)):
        return to_json(v)
    if isinstance(v, (decimal.Decimal, _dt.date)):
        return str(json_default(v))
    return str(v)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float, decimal.Decimal)) and not isinstance(v, bool)


def format_table(rows: list[dict], *, max_cell: int = MAX_CELL) -> str:
    """An aligned plain-text table; numbers right-aligned, newlines shown as spaces."""
    cols = columns_of(rows)
    if not cols:
        return ""
    cells = []
    for r in rows:
        line = []
        for c in cols:
            s = " ".join(_cell(r.get(c)).split())
            if len(s) > max_cell:
                s = s[:max_cell - 1] + "…"
            line.append(s)
        cells.append(line)
    widths = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(cols)]
    numeric = [all(_is_number(r.get(c)) or r.get(c) is None for r in rows) and
               any(r.get(c) is not None for r in rows) for c in cols]
    out = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip(),
           "  ".join("-" * w for w in widths)]
    for line in cells:
        out.append("  ".join(s.rjust(w) if num else s.ljust(w)
                             for s, w, num in zip(line, widths, numeric)).rstrip())
    return "\n".join(out) + "\n"


def emit(rows: Iterable[dict], fmt: str = "json", *, file: IO[str] | None = None) -> None:
    """Print ``rows`` (dicts) in format ``fmt`` (one of :data:`FORMATS`)."""
    out = file if file is not None else sys.stdout
    if fmt == "nl":
        for r in rows:
            out.write(to_json(r) + "\n")
        return
    rows = list(rows)
    if fmt == "json":
        out.write(to_json(rows, indent=2) + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        cols = columns_of(rows)
        w.writerow(cols)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in cols])
    elif fmt == "table":
        out.write(format_table(rows))
    else:
        raise ValueError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
