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
* pycountry subdivisions: every first-level subdivision (``parent_code is
  None``) of every country whose ``type`` is in :data:`SUBDIVISION_TYPES`
  becomes a ``PROVINCE`` with the ISO 3166-2 code as id, pycountry's name as
  ``en``, no Arabic name and the country as parent (see
  :func:`subdivision_entries`). Its surface forms are pycountry's name (text
  after a comma or in parentheses removed, a ``[…]`` alternative kept), the
  same without diacritics ("Asunción" -> "Asuncion") and the name followed by
  its type ("Punjab Province"). These generated forms are weaker than
  everything else; a form is silently left out when

  - the bare name has fewer than 5 letters (the "<name> <type>" form stays),
  - the bare name is a common word or first name (:data:`UNSAFE_NAMES`),
  - it folds like any pattern or ``drop`` of a country or curated line, or
  - it folds like a generated form of another subdivision (both lose it).

  A curated line with the same id and an ``en`` takes the subdivision over
  (its generated forms are not used); a curated line without ``en`` only adds
  an Arabic name and patterns to it.
* ``ingest/patterns/curated_places.jsonl`` and ``curated_orgs.jsonl``, one
  thing a line::

      {"id": "CN-SC", "type": "PROVINCE", "en": "Sichuan", "ar": "سيشوان",
       "parent": "CN", "country": "CN", "patterns": ["Sichuan", "سيشوان", "سيتشوان"]}

  ``patterns`` lists every surface form, English and Arabic. A curated line
  whose id is a country adds ``patterns``, may override ``en``/``ar`` and may
  ``drop`` generated forms that are ambiguous or common words. Any curated line
  may ``drop`` a form: a form it drops is generated for no id ("Punjab" names
  provinces of India and Pakistan; a line that takes one of them over drops the
  bare name, so that the other does not keep it alone).

* ``ingest/patterns/cities.jsonl`` (when present): cities imported from GeoNames
  by ``scripts/import_cities.py``, each with its province and English names
  only. They are weaker than everything above (see :func:`_add_cities`): a city
  whose id is taken, or a form that folds like another entry's pattern or like
  another imported city's, is left out; the rest are ``only_with_country``. US
  counties come as towns of their state marked ``county``: the pipeline reads
  them as towns (a county's ban is its state's) and writes them as REGION.

Outputs (sorted, so two runs give the same bytes)
-------------------------------------------------
* ``places.jsonl`` and ``orgs.jsonl``: spaCy EntityRuler lines
  ``{"label": …, "pattern": …, "id": …}``, one string pattern a line.
* ``names.jsonl``: one line per id with ``type``, ``en``, ``ar``, ``parent``
  and ``country``, and ``only_with_country`` where a curated line sets it (a
  name others use too, "العاصمة الإدارية الجديدة": the entities component keeps
  it only in an article that names its country or a place in it) and on every
  imported city, ``county`` on an imported US county, and ``utility`` on a
  power company a curated line marks so ("Hydro-Québec", "ANDE": it cuts or
  sells the miners' power and is never the mover of a migration).

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
import unicodedata
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
    "SUBDIVISION_TYPES",
    "UNSAFE_NAMES",
    "subdivision_entries",
    "build",
    "render",
    "write",
    "main",
]

PLACE_LABELS = ("COUNTRY", "PROVINCE", "CITY", "REGION")
ORG_LABELS = ("COMPANY", "ORGANIZATION", "REGULATOR")
#: Codes in common use that ISO 3166-1 (and so pycountry) does not assign.
EXTRA_COUNTRIES = {"XK": "Kosovo"}

#: pycountry subdivision types that are a country's first-level division.
#: A ``(type, countries)`` pair limits the type to those countries, where it is
#: the first level (elsewhere a "County" or "District" is local government).
SUBDIVISION_TYPES: dict[str, frozenset[str] | None] = {
    **{t: None for t in (
        "Province", "Region", "State", "Oblast", "Republic", "Autonomous republic",
        "Autonomous region", "Autonomous province", "Autonomous community", "Territory",
        "Governorate", "Emirate", "Canton", "Prefecture", "Department", "Land", "Voivodship",
        "Regional state", "Union territory", "Administrative region", "Federal district",
        "Capital territory", "Federal territory", "Autonomous district", "Special administrative region",
    )},
    "County": frozenset({"NO", "SE", "EE", "HU", "HR", "RO", "LT", "IE", "KE", "LR", "AL"}),
    "District": frozenset({"PT", "IL", "CY", "LU", "BD", "BG", "BN", "BW", "BZ", "LS", "SR"}),
    "Division": frozenset({"BD", "GM"}),
    "Municipality": frozenset({"GL"}),
    "Entity": frozenset({"BA"}),
    "District with special status": frozenset({"BA"}),
    "Metropolitan region": frozenset({"FR"}),
    "Metropolitan collectivity with special status": frozenset({"FR"}),
}
#: Bare subdivision names that are ordinary English words, directions or first
#: names; their "<name> <type>" form is still generated.
UNSAFE_NAMES = frozenset({
    "central", "centre", "center", "centro", "western", "eastern", "northern", "southern",
    "north", "south", "east", "west", "north east", "north west", "south east", "south west",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
    "south-east", "south-west", "capital", "coast", "coastal", "lakes", "islands", "island",
    "mountain", "mountains", "valley", "plateau", "upper", "lower", "federal", "national",
    "special", "delta", "unity", "orange", "littoral", "interior", "border", "frontier",
    "victoria", "georgia", "kent", "sur", "norte", "oriental", "occidental", "maritime",
    "savanes", "savannah", "highlands", "midlands", "lagoons", "metropolitan", "grand", "bay",
    "liberty", "lake", "river", "rivers", "gold", "cross river", "plains", "bong",
    "distrito federal", "federal capital territory", "capital district", "national capital",
    # first names, surnames and words of other languages in common use
    "nelson", "isabel", "miranda", "flores", "rivera", "herrera", "cortes", "cortés", "guerrero",
    "hidalgo", "constantine", "medea", "valle", "colonia", "concepcion", "concepción", "trujillo",
    "granada", "formosa", "santander", "batman", "volta", "tasman", "sahel", "leste", "ouest",
    "centrale", "cascades", "collines", "atlantique", "balkan", "cordillera", "zaire", "marche",
    "somali", "sabah", "kochi", "nandi", "manus", "chaco", "ulster", "munster", "leinster",
    "connaught", "limburg", "luxembourg", "pando", "sahel", "estuaire", "cuvette", "plateaux",
    # capitals and big cities far more often meant than their same-named province
    "lagos", "tunis", "dakar", "madrid", "montevideo", "lusaka", "luanda", "harare",
    "brazzaville", "conakry", "managua", "maputo", "yangon", "osaka", "kyoto", "hamburg",
    "bremen", "delhi", "jerusalem", "dodoma", "antananarivo", "abidjan", "panamá", "panama",
    "alger", "masqat", "bayrut", "dimashq", "lisboa", "porto", "bulawayo", "mombasa", "mandalay",
    "istanbul", "izmir", "ankara", "baghdad", "bagdad", "tripoli", "tarabulus", "sanaa", "san'a",
    "kabul", "kuwait", "bangkok", "seoul", "tokyo", "moscow", "beijing", "maseru", "paramaribo",
    # towns elsewhere, or phrases of river and coast ("the north bank of the river")
    "toledo", "berea", "north bank", "lower river", "upper river", "central river",
})
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


_BRACKET = re.compile(r"\[([^\]]*)\]")
_PAREN = re.compile(r"\([^)]*\)")
_SLASH = re.compile(r"\s+/\s+")


#: Latin letters that Unicode does not decompose into a base letter and a mark, as
#: English news writes them without it ("Đắk Lắk" -> "Dak Lak", "Łódź" -> "Lodz")
_UNMARKED = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o",
                           "Ħ": "H", "ħ": "h", "ı": "i", "Ŧ": "T", "ŧ": "t", "Æ": "Ae", "æ": "ae",
                           "Œ": "Oe", "œ": "oe", "ß": "ss", "Þ": "Th", "þ": "th"})


def _strip_marks(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s.translate(_UNMARKED))
                   if not unicodedata.combining(ch))


def _subdivision_names(name: str) -> list[str]:
    """Readable English forms of a pycountry subdivision name."""
    alts = [m.strip() for m in _BRACKET.findall(name)]
    main = _BRACKET.sub(" ", _PAREN.sub(" ", name)).split(",")[0]
    out = []
    for part in [*_SLASH.split(main), *alts]:
        part = _SPACES.sub(" ", part.replace("\u2019", "'").replace("\u2018", "'")).strip(" '-")
        if part and part[0].isalpha() and part[0] == part[0].upper() and not re.search(r"[\d;/]", part):
            out.append(part)
    return out


def subdivision_entries() -> list[dict]:
    """One ``PROVINCE`` entry per first-level subdivision of a whitelisted type.

    Generated forms go in ``_generated`` (not ``patterns``): :func:`build`
    filters them as described at the top of this module.
    """
    out = []
    for sub in pycountry.subdivisions:
        allowed = SUBDIVISION_TYPES.get(sub.type, False)
        if sub.parent_code is not None or allowed is False:
            continue
        if allowed is not None and sub.country_code not in allowed:
            continue
        names = _subdivision_names(sub.name)
        if not names:
            continue
        forms = []
        for n in names:
            for v in dict.fromkeys((n, _strip_marks(n))):
                letters = sum(ch.isalpha() for ch in v)
                if letters >= 5 and fold(v) not in UNSAFE_NAMES:
                    forms.append(v)
                if not v.lower().endswith(sub.type.lower()):
                    forms.append(f"{v} {sub.type}")
        out.append({"id": sub.code, "type": "PROVINCE", "en": names[0], "ar": None,
                    "parent": sub.country_code, "country": sub.country_code,
                    "patterns": [], "_generated": forms})
    return out


def _merge(rows: Iterable[dict]) -> dict[str, dict]:
    merged: dict[str, dict] = {}
    for row in rows:
        cur = merged.get(row["id"])
        if cur is None:
            merged[row["id"]] = {**row, "patterns": list(row.get("patterns", [])),
                                 "drop": list(row.get("drop", [])),
                                 "_generated": list(row.get("_generated", []))}
            continue
        if cur["type"] != row["type"]:
            src, n = row.get("_where", ("?", None))
            raise InputError(f"{row['id']} is {cur['type']} and {row['type']}", source=src, line=n)
        if "en" in row:  # a curated line with its own name takes a generated entry over
            cur["_generated"] = []
        for key in ("en", "ar", "parent", "country"):
            if key in row:
                cur[key] = row[key]
        cur["patterns"].extend(row.get("patterns", []))
        cur["drop"].extend(row.get("drop", []))
    return merged


def _strong_forms(entries: dict[str, dict]) -> set[str]:
    """The folded forms the entries hold for certain (their patterns and drops)."""
    return {fold(p) for e in entries.values() for p in (*e["patterns"], *e["drop"])}


def _weak_forms(candidates: dict[str, list[str]], strong: set[str]) -> dict[str, list[str]]:
    """Of each id's candidate forms, those that fold like no strong form and like no other
    id's candidate (both lose a form they share)."""
    owners: dict[str, set[str]] = {}
    for pid, forms in candidates.items():
        for p in forms:
            owners.setdefault(fold(p), set()).add(pid)
    return {pid: [p for p in forms if fold(p) not in strong and len(owners[fold(p)]) == 1]
            for pid, forms in candidates.items()}


def _settle_generated(entries: dict[str, dict]) -> None:
    """Move the generated forms that are safe into ``patterns``; drop the rest."""
    kept = _weak_forms({pid: ent["_generated"] for pid, ent in entries.items()}, _strong_forms(entries))
    for pid, ent in entries.items():
        ent["patterns"].extend(kept[pid])


def _add_cities(entries: dict[str, dict], path: Path) -> None:
    """Add the imported cities (``cities.jsonl``, see ``scripts/import_cities.py``), weaker
    than everything else: a city whose id is taken is left out, and so is a form that folds
    like any other entry's pattern or like another imported city's; each is
    ``only_with_country``."""
    if not path.exists():
        return
    rows = [r for r in read_curated(path) if r["id"] not in entries]
    kept = _weak_forms({r["id"]: r.get("patterns", []) for r in rows}, _strong_forms(entries))
    for row in rows:
        if kept[row["id"]]:
            entries[row["id"]] = {**{k: row.get(k) for k in _NAME_KEYS}, "patterns": kept[row["id"]], "drop": [],
                                  "_generated": [], "only_with_country": True, "_where": row["_where"],
                                  **({"county": True} if row.get("county") else {})}


def build(curated_dir: Path = PATTERNS_DIR) -> tuple[list[dict], list[dict], list[dict]]:
    """Return ``(places, orgs, names)`` rows, sorted and deduplicated.

    Raises
    ------
    kg.errors.InputError
        When one folded pattern names two ids, or an entry lacks an English name.
    """
    curated = read_curated(curated_dir / "curated_places.jsonl") + read_curated(
        curated_dir / "curated_orgs.jsonl")
    entries = _merge([*country_entries(), *subdivision_entries(), *curated])
    for code, en in EXTRA_COUNTRIES.items():
        entries.setdefault(code, {"id": code, "type": "COUNTRY", "en": en, "patterns": [], "drop": [],
                                  "_generated": []})
    _settle_generated(entries)
    _add_cities(entries, curated_dir / "cities.jsonl")

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
    names = [{**{k: entries[i].get(k) for k in _NAME_KEYS},
              **({"only_with_country": True} if entries[i].get("only_with_country") else {}),
              **({"county": True} if entries[i].get("county") else {}),
              **({"utility": True} if entries[i].get("utility") else {})}
             for i in sorted(entries)]
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
