"""Synthetic news for benchmarks: N articles as JSON Lines, Arabic and English.

Each article recombines template sentences (written for this project) with
places, companies, regulators, dates and numbers drawn from the gazetteer,
so the pipeline meets realistic names and the graph grows the way a real
corpus would (many articles, a bounded set of entities). The output is
deterministic for a given ``--seed``.

Usage::

    python bench/corpus.py 1000 > bench/corpus-1k.jsonl
    python bench/corpus.py 200 --lang ar --seed 7 -o ar.jsonl

Examples
--------
>>> arts = list(generate(4, seed=1))
>>> [a["lang"] for a in arts]
['ar', 'en', 'ar', 'en']
>>> len({a["id"] for a in arts})
4
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from typing import Iterator

__all__ = ["TEMPLATES", "generate", "main", "vocabulary"]

# Slots: {org} mining company, {reg} regulator, {src} origin province,
# {dst} destination country, {dst_city} a city, {n} count, {mw} megawatts,
# {pct} percent, {month} month name, {year} year, {day} weekday.
TEMPLATES: dict[str, dict[str, list[str]]] = {
    "en": {
        "title": [
            "{reg} orders mining farms in {src} to shut down",
            "{org} moves its machines to {dst}",
            "Miners leave {src} after the power cut",
            "{dst} welcomes crypto miners as {src} closes its farms",
        ],
        "ban": [
            "On {day}, {reg} ordered all cryptocurrency mining farms in {src} to halt operations.",
            "Authorities in {src} cut off power to {n} mining sites in {month} {year}.",
            "{reg} announced a ban on bitcoin mining in {src}, citing energy use.",
            "The crackdown in {src} began in {month} {year}, when officials shut down farms "
            "using {mw} megawatts.",
        ],
        "migration": [
            "{org} said it had shipped {n} mining machines from {src} to {dst} by {month} {year}.",
            "After the order, {org} moved part of its operations to {dst_city} in {dst}.",
            "{org} plans to relocate {n} rigs to {dst} over the coming months.",
            "Several miners, including {org}, have already resumed work in {dst}.",
        ],
        "context": [
            "{src} had accounted for about {pct} percent of the network's computing power.",
            "Electricity in {dst} costs less than in most of the region, analysts said.",
            "The price of bitcoin fell {pct} percent in the week after the announcement.",
            "Industry groups expect the migration to take until the end of {year}.",
            "A spokesperson for {org} declined to comment on the cost of the move.",
        ],
    },
    "ar": {
        "title": [
            "{reg} تأمر بإغلاق مزارع التعدين في {src}",
            "{org} تنقل أجهزتها إلى {dst}",
            "المعدّنون يغادرون {src} بعد قطع الكهرباء",
            "{dst} تستقبل معدّني العملات المشفرة بعد إغلاق المزارع في {src}",
        ],
        "ban": [
            "أمرت {reg} يوم {day} جميع مزارع تعدين العملات المشفرة في {src} بوقف العمل.",
            "قطعت السلطات في {src} الكهرباء عن {n} موقعاً للتعدين في {month} {year}.",
            "أعلنت {reg} حظر تعدين البيتكوين في {src} بسبب استهلاك الطاقة.",
            "بدأت الحملة في {src} في {month} {year} حين أغلق المسؤولون مزارع تستهلك "
            "{mw} ميغاواط.",
        ],
        "migration": [
            "قالت {org} إنها نقلت {n} جهاز تعدين من {src} إلى {dst} بحلول {month} {year}.",
            "بعد القرار نقلت {org} جزءاً من عملياتها إلى {dst_city} في {dst}.",
            "تعتزم {org} نقل {n} جهاز إلى {dst} خلال الأشهر المقبلة.",
            "استأنف عدد من المعدّنين، بينهم {org}، العمل في {dst}.",
        ],
        "context": [
            "كانت {src} تستحوذ على نحو {pct} بالمئة من القدرة الحاسوبية للشبكة.",
            "يقول محللون إن الكهرباء في {dst} أرخص منها في معظم دول المنطقة.",
            "تراجع سعر البيتكوين {pct} بالمئة في الأسبوع الذي تلا الإعلان.",
            "تتوقع مجموعات القطاع أن يستمر الانتقال حتى نهاية عام {year}.",
            "رفض متحدث باسم {org} التعليق على كلفة النقل.",
        ],
    },
}

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "ar": ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
           "حزيران/يونيو", "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
           "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"],
}
_DAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"],
}
# Where bans happened and where miners went (ids in the gazetteer).
_ORIGINS = ["CN-XJ", "CN-SC", "CN-NM", "CN-QH", "CN-YN", "IR", "KZ", "XK"]
_DESTINATIONS = ["KZ", "US", "CA", "RU", "MY", "PY", "IS", "NO", "SE", "ET", "AE", "GE"]
_FALLBACK = {
    "en": {"org": ["BIT Mining", "Bitmain", "Bitfarms", "Canaan"],
           "reg": ["the National Development and Reform Commission", "the provincial government"],
           "city": ["Almaty", "Austin", "Quebec"]},
    "ar": {"org": ["بت ماينيغ", "بيتماين", "بيتفارمز"],
           "reg": ["اللجنة الوطنية للتنمية والإصلاح", "حكومة الإقليم"],
           "city": ["ألماتي", "أوستن", "كيبيك"]},
}


def vocabulary(lang: str) -> dict[str, list]:
    """Names to fill the slots with, from the gazetteer (falling back to a few built-ins)."""
    try:
        from ingest.gazetteer import names
        rows = names()
    except (ImportError, OSError, ValueError):
        rows = {}
    key = "ar" if lang == "ar" else "en"

    def pick(types, ids=None):
        out = []
        for rid, r in rows.items():
            if r.get("type") in types and r.get(key) and (ids is None or rid in ids):
                out.append(r[key])
        return out

    fb = _FALLBACK[key]
    return {
        "org": pick(("COMPANY",)) or fb["org"],
        "reg": pick(("REGULATOR",)) or fb["reg"],
        "src": pick(("PROVINCE", "COUNTRY"), set(_ORIGINS)) or ["Xinjiang"],
        "dst": [(rid, r[key]) for rid, r in rows.items()
                if rid in _DESTINATIONS and r.get(key)] or [("KZ", "Kazakhstan")],
        "city": _cities(rows, key),
    }


def _cities(rows: dict, key: str) -> dict[str, list[str]]:
    """Country id -> names of its cities in the gazetteer."""
    out: dict[str, list[str]] = {}
    for r in rows.values():
        if r.get("type") == "CITY" and r.get(key) and r.get("country"):
            out.setdefault(r["country"], []).append(r[key])
    return out


def _article(i: int, lang: str, rng: random.Random, voc: dict) -> dict:
    t = TEMPLATES[lang]
    year = rng.choice([2021, 2021, 2021, 2022])
    month = rng.randrange(12)
    dst_id, dst = rng.choice(voc["dst"])
    slots = {
        "org": rng.choice(voc["org"]), "reg": rng.choice(voc["reg"]),
        "src": rng.choice(voc["src"]), "dst": dst,
        "dst_city": rng.choice(voc["city"].get(dst_id) or [dst]), "n": rng.choice([40, 120, 320, 1500, 2000, 6000]),
        "mw": rng.choice([30, 120, 260, 500]), "pct": rng.choice([8, 15, 21, 35, 46, 65]),
        "month": _MONTHS[lang][month], "year": year, "day": rng.choice(_DAYS[lang]),
    }
    paras = [rng.choice(t["ban"]), rng.choice(t["migration"])]
    paras += rng.sample(t["context"], k=rng.randint(1, 3))
    if rng.random() < 0.5:
        paras.append(rng.choice(t["migration"]))
    body = "\n\n".join(p.format(**slots) for p in paras)
    return {"id": f"bench-{lang}-{i:06d}", "lang": lang,
            "title": rng.choice(t["title"]).format(**slots),
            "published": f"{year}-{month + 1:02d}-{rng.randint(1, 28):02d}", "text": body}


def generate(n: int, *, seed: int = 0, langs: tuple[str, ...] = ("ar", "en")) -> Iterator[dict]:
    """Yield ``n`` article dicts (``id``, ``lang``, ``title``, ``published``, ``text``)."""
    rng = random.Random(seed)
    vocs = {lang: vocabulary(lang) for lang in langs}
    for i in range(n):
        lang = langs[i % len(langs)]
        yield _article(i, lang, rng, vocs[lang])


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python bench/corpus.py N [--lang ar|en|both] [--seed S] [-o FILE]``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--lang", choices=("ar", "en", "both"), default="both")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", default="-", help="JSON Lines file (default stdout)")
    args = ap.parse_args(argv)
    langs = ("ar", "en") if args.lang == "both" else (args.lang,)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        for art in generate(args.n, seed=args.seed, langs=langs):
            out.write(json.dumps(art, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
