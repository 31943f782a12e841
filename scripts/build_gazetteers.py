"""Build the entity-ruler gazetteers from pycountry, babel and the curated files.

Run from the repository root::

    .venv/bin/python scripts/build_gazetteers.py            # writes ingest/patterns/
    .venv/bin/python scripts/build_gazetteers.py --check    # exit 1 if the files are stale

Inputs
------
* pycountry: ISO 3166-1 codes and English names of every country
  (``name``, ``common_name``, ``official_name`` when they read as a name,
  i.e. carry no comma or parenthesis).
* babel: ``Locale('en').territories`` and ``Locale('ar').territories`` for
  the usual English and Arabic country names.
* ``ingest/patterns/curated_places.jsonl`` and ``curated_orgs.jsonl``, one
  thing a line::

      {"id": "CN-SC", "type": "PROVINCE", "en": "Sichuan", "ar": "سيشوان",
       "parent": "CN", "country": "CN", "patterns": ["Sichuan", "سيشوان", "سيتشوان"]}

  ``patterns`` lists every surface form, English and Arabic. A curated line
  whose id is a country adds ``patterns``, may override ``en``/``ar`` and may
  ``drop`` generated forms that are ambiguous or common words.

Outputs (sorted, so two runs give the same bytes)
-------------------------------------------------
* ``places.jsonl`` and ``orgs.jsonl``: spaCy EntityRuler lines
  ``{"label": …, "pattern": …, "id": …}``, one string pattern a line.
* ``names.jsonl``: one line per id with ``type``, ``en``, ``ar``, ``parent``
  and ``country``.

Two patterns that differ only by case or by the Arabic spelling folds of
:func:`ingest.normalize.normalize_text` are one pattern; the builder keeps the
display name if it is among them, else the first in sort order. A folded
pattern that would name two different ids stops the build with
:class:`kg.errors.InputError`.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # running as a script from a checkout
    sys.path.insert(0, str(ROOT))

from ingest.normalize import normalize_text  # noqa: E402
from kg.errors import InputError  # noqa: E402

__all__ = [
    "PLACE_LABELS",
    "ORG_LABELS",
    "EXTRA_COUNTRIES",
    "fold",
    "read_curated",
    "country_entries",
    "build",
    "render",
    "write",
    "main",
]

PLACE_LABELS = ("COUNTRY", "PROVINCE", "CITY", "REGION")
ORG_LABELS = ("COMPANY", "ORGANIZATION", "REGULATOR")
#: Codes in common use that ISO 3166-1 (and so pycountry) does not assign.
EXTRA_COUNTRIES = {"XK": "Kosovo"}

PATTERNS_DIR = ROOT / "ingest" / "patterns"
_NAME_KEYS = ("id", "type", "en", "ar", "parent", "country")
_UNNAMELIKE = re.compile(r"[,()&]| - |\bSAR\b")
_SPACES = re.compile(r"\s+")


def fold(pattern: str) -> str:
    """Comparison key of a pattern: NFKC, Arabic folds, casefold, single spaces.

    Examples
    --------
    >>> fold("إيركوتسك") == fold("ايركوتسك")
    True
    >>> fold("New  York")
    'new york'
    """
    return _SPACES.sub(" ", normalize_text(pattern).casefold()).strip()


def _namelike(s: str | None) -> bool:
    return bool(s) and not _UNNAMELIKE.search(s)


def read_curated(path: Path) -> list[dict]:
    """Read a curated JSONL file; every line needs ``id`` and ``type``.

    Raises
    ------
    kg.errors.InputError
        On a line that is not JSON or lacks a required key.
    """
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"not JSON: {exc.msg}", source=str(path), line=n) from exc
            if not isinstance(row, dict) or not row.get("id") or not row.get("type"):
                raise InputError("each line needs an 'id' and a 'type'", source=str(path), line=n)
            row["_where"] = (str(path), n)
            rows.append(row)
    return rows


def country_entries() -> list[dict]:
    """One entry per ISO 3166-1 country with names and surface forms from pycountry and babel."""
    en_terr, ar_terr = Locale("en").territories, Locale("ar").territories
    out = []
    for c in pycountry.countries:
        code = c.alpha_2
        babel_en, babel_ar = en_terr.get(code), ar_terr.get(code)
        en_forms = [getattr(c, "common_name", None), babel_en, c.name, getattr(c, "official_name", None)]
        en_forms = [f for f in en_forms if _namelike(f)]
        ar = babel_ar if _namelike(babel_ar) else None
        out.append({
            "id": code,
            "type": "COUNTRY",
            "en": en_forms[0] if en_forms else c.name,
            "ar": ar,
            "parent": None,
            "country": code,
            "patterns": en_forms + ([ar] if ar else []),
        })
    return out


def _merge(rows: Iterable[dict]) -> dict[str, dict]:
    merged: dict[str, dict] = {}
    for row in rows:
        cur = merged.get(row["id"])
        if cur is None:
            merged[row["id"]] = {**row, "patterns": list(row.get("patterns", [])),
                                 "drop": list(row.get("drop", []))}
            continue
        if cur["type"] != row["type"]:
            src, n = row.get("_where", ("?", None))
            raise InputError(f"{row['id']} is {cur['type']} and {row['type']}", source=src, line=n)
        for key in ("en", "ar", "parent", "country"):
            if key in row:
                cur[key] = row[key]
        cur["patterns"].extend(row.get("patterns", []))
        cur["drop"].extend(row.get("drop", []))
    return merged


def build(curated_dir: Path = PATTERNS_DIR) -> tuple[list[dict], list[dict], list[dict]]:
    """Return ``(places, orgs, names)`` rows, sorted and deduplicated.

    Raises
    ------
    kg.errors.InputError
        When one folded pattern names two ids, or an entry lacks an English name.
    """
    curated = read_curated(curated_dir / "curated_places.jsonl") + read_curated(
        curated_dir / "curated_orgs.jsonl")
    entries = _merge([*country_entries(), *curated])
    for code, en in EXTRA_COUNTRIES.items():
        entries.setdefault(code, {"id": code, "type": "COUNTRY", "en": en, "patterns": [], "drop": []})

    for ent in entries.values():
        if ent["type"] == "COUNTRY":
            ent["parent"], ent["country"] = None, ent["id"]

    owner: dict[str, str] = {}
    chosen: dict[tuple[str, str], str] = {}
    for ent in sorted(entries.values(), key=lambda e: e["id"]):
        if not ent.get("en"):
            src, n = ent.get("_where", ("pycountry", None))
            raise InputError(f"{ent['id']} has no English name", source=src, line=n)
        dropped = {fold(p) for p in ent["drop"]}
        display = {fold(ent["en"]): ent["en"]}
        if ent.get("ar"):
            display[fold(ent["ar"])] = ent["ar"]
        for p in sorted(set(ent["patterns"])):
            p = _SPACES.sub(" ", p).strip()
            key = fold(p)
            if not key or key in dropped:
                continue
            if owner.setdefault(key, ent["id"]) != ent["id"]:
                src, n = ent.get("_where", ("pycountry", None))
                raise InputError(f"pattern {p!r} names both {owner[key]} and {ent['id']}",
                                 source=src, line=n)
            slot = (ent["id"], key)
            if key in display:
                chosen[slot] = display[key]
            else:
                chosen.setdefault(slot, p)

    places, orgs = [], []
    for (ent_id, _), pattern in chosen.items():
        label = entries[ent_id]["type"]
        row = {"label": label, "pattern": pattern, "id": ent_id}
        if label in PLACE_LABELS:
            places.append(row)
        elif label in ORG_LABELS:
            orgs.append(row)
        else:
            raise InputError(f"unknown type {label!r} for {ent_id}")
    order = lambda r: (r["label"], r["id"], r["pattern"])  # noqa: E731
    names = [{k: entries[i].get(k) for k in _NAME_KEYS} for i in sorted(entries)]
    return sorted(places, key=order), sorted(orgs, key=order), names


def render(rows: Iterable[dict]) -> str:
    """JSON Lines text, UTF-8 characters kept as they are."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def _outputs(curated_dir: Path) -> Iterator[tuple[str, str]]:
    places, orgs, names = build(curated_dir)
    yield "places.jsonl", render(places)
    yield "orgs.jsonl", render(orgs)
    yield "names.jsonl", render(names)


def write(out_dir: Path = PATTERNS_DIR, curated_dir: Path = PATTERNS_DIR) -> list[Path]:
    """Build and write the three files into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in _outputs(curated_dir):
        path = out_dir / name
        path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=PATTERNS_DIR, help="output folder")
    ap.add_argument("--curated", type=Path, default=PATTERNS_DIR, help="folder of curated_*.jsonl")
    ap.add_argument("--check", action="store_true", help="only compare with the files on disk")
    args = ap.parse_args(argv)
    try:
        if args.check:
            stale = [n for n, text in _outputs(args.curated)
                     if not (args.out / n).exists()
                     or (args.out / n).read_text(encoding="utf-8") != text]
            for n in stale:
                print(f"stale: {args.out / n}", file=sys.stderr)
            return 1 if stale else 0
        for path in write(args.out, args.curated):
            print(path)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
