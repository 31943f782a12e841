"""The gazetteer's names: id -> names, type, parent (ingest/patterns/names.jsonl)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

__all__ = ["PATTERNS_DIR", "CAPITALS", "authority_place", "capital_of", "names", "places", "contains", "is_capital",
           "is_region", "province_of"]

PATTERNS_DIR = Path(__file__).parent / "patterns"
PLACE_TYPES = ("COUNTRY", "PROVINCE", "CITY", "REGION")


@lru_cache(maxsize=1)
def names() -> dict[str, dict]:
    """Every gazetteer id with ``type``, ``en``, ``ar``, ``parent`` and ``country``."""
    out: dict[str, dict] = {}
    path = PATTERNS_DIR / "names.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    out[row["id"]] = row
    return out


@lru_cache(maxsize=1)
def places() -> dict[str, dict]:
    """Place ids mapped to the shape :func:`kg.model.record_to_batch` expects."""
    out = {}
    for pid, row in names().items():
        if row.get("type") in PLACE_TYPES:
            out[pid] = {"type": row["type"], "name": row.get("en") or pid, "name_en": row.get("en"),
                        "name_ar": row.get("ar"), "parent": row.get("parent"),
                        "country": row.get("country") or (pid if row["type"] == "COUNTRY" else None)}
    return out


def contains(outer: str | None, inner: str | None) -> bool:
    """True when place ``outer`` is ``inner`` or contains it (CN contains CN-SC and Chengdu)."""
    if not outer or not inner:
        return False
    p, seen = inner, set()
    while p and p not in seen:
        if p == outer:
            return True
        seen.add(p)
        p = places().get(p, {}).get("parent") or (p.split("-")[0] if "-" in p and len(p.split("-")[0]) == 2 else None)
    return False


def is_region(pid: str | None) -> bool:
    """Whether the gazetteer types ``pid`` a REGION ("Siberia", "Central Asia"): no
    jurisdiction, and no country or province a move can be said to reach."""
    return (names().get(pid) or {}).get("type") == "REGION"


#: The gazetteer's national capitals (city ids). A capital that orders or bans
#: stands for its country's government ("Beijing ordered", "Caracas's crackdown");
#: any other town that bans does so in its province ("Sherbrooke adopted a bylaw").
#: The seats of breakaway governments (Sukhumi, Tiraspol) are left out: their bans
#: are their region's.
CAPITALS = frozenset({
    "Abidjan", "Abu Dhabi", "Abuja", "Accra", "Addis Ababa", "Algiers", "Amman", "Amsterdam",
    "Andorra la Vella", "Ankara", "Antananarivo", "Ashgabat", "Asmara", "Astana", "Asuncion",
    "Athens", "Baghdad", "Baku", "Bamako", "Bandar Seri Begawan", "Bangkok", "Bangui", "Banjul",
    "Beijing", "Beirut", "Belgrade", "Belmopan", "Berlin", "Bern", "Bishkek", "Bissau", "Bogota",
    "Brasília", "Bratislava", "Brazzaville", "Bridgetown", "Brussels", "Bucharest", "Budapest",
    "Buenos Aires", "Cairo", "Canberra", "Caracas", "Chisinau", "Colombo", "Conakry", "Copenhagen",
    "Dakar", "Damascus", "Dhaka", "Dili", "Dodoma", "Doha", "Dublin", "Dushanbe", "Freetown",
    "Gaborone", "Gitega", "Guatemala City", "Hanoi", "Harare", "Havana", "Helsinki", "Honiara",
    "Islamabad", "Jakarta", "Juba", "Kabul", "Kampala", "Kathmandu", "Khartoum", "Kigali",
    "Kinshasa", "Kuala Lumpur", "Kuwait City", "Kyiv", "La Paz", "Libreville", "Lilongwe", "Lima",
    "Lisbon", "Ljubljana", "Lome", "London", "Luanda", "Lusaka", "Madrid", "Malabo", "Male",
    "Managua", "Manama", "Manila", "Maputo", "Maseru", "Mbabane", "Mexico City", "Minsk",
    "Monrovia", "Montevideo", "Moscow", "Muscat", "N'Djamena", "Nairobi", "Nassau", "Naypyidaw",
    "New Delhi", "Niamey", "Nicosia", "Nouakchott", "Nuku'alofa", "Oslo", "Ottawa", "Ouagadougou",
    "Panama City", "Paramaribo", "Paris", "Phnom Penh", "Podgorica", "Port Louis", "Port Moresby",
    "Port of Spain", "Port Vila", "Port-au-Prince", "Porto-Novo", "Prague", "Praia", "Pretoria",
    "Pristina", "Pyongyang", "Quito", "Rabat", "Reykjavik", "Riga", "Riyadh", "Rome", "Roseau",
    "San Salvador", "Sanaa", "Santiago", "Santo Domingo", "Sarajevo", "Seoul", "Skopje",
    "Stockholm", "Suva", "Taipei", "Tallinn", "Tashkent", "Tbilisi", "Tegucigalpa", "Tehran",
    "Thimphu", "Tirana", "Tokyo", "Tripoli", "Tunis", "Ulaanbaatar", "Vaduz", "Valletta", "Vienna",
    "Vientiane", "Vilnius", "Warsaw", "Washington", "Wellington", "Windhoek", "Yamoussoukro",
    "Yaounde", "Yerevan", "Zagreb",
})


def is_capital(pid: str | None) -> bool:
    """Whether ``pid`` is a national capital in the gazetteer (:data:`CAPITALS`)."""
    return pid in CAPITALS


@lru_cache(maxsize=1)
def _capitals_by_country() -> dict[str, str]:
    by: dict[str, list] = {}
    for c in sorted(CAPITALS):
        by.setdefault(names()[c].get("country"), []).append(c)
    return {k: v[0] for k, v in by.items() if len(v) == 1}


def capital_of(country: str | None) -> str | None:
    """The capital city id of a country id (None where the gazetteer has none or several)."""
    return _capitals_by_country().get(country or "")


def province_of(pid: str | None) -> str | None:
    """The first-level subdivision a city id lies in (its country when the gazetteer has
    none), else the id itself."""
    if not pid:
        return pid
    info = names().get(pid)
    if info and info.get("type") == "CITY":
        if "-" in (info.get("parent") or ""):
            return info["parent"]
        return info.get("country") or pid  # a town of a country with no provinces here (Kosovo)
    return pid


def authority_place(pid: str | None) -> str | None:
    """The place a town's government or authorities act for: a national capital's country
    ("Beijing ordered", "السلطات في بكين"), any other town's province ("Sherbrooke banned",
    "السلطات في سوخومي"); any other id itself."""
    info = names().get(pid or "") or {}
    if info.get("type") == "CITY" and is_capital(pid):
        return info.get("country") or pid
    return province_of(pid)
