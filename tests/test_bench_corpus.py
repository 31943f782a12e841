"""bench/corpus.py: synthetic corpora recombined from the samples' sentences."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from bench.corpus import generate, main, sentence_pool, vocabulary  # noqa: E402
from ingest.gazetteer import names  # noqa: E402
from ingest.pipeline import extract  # noqa: E402
from ingest.readers import read_paths  # noqa: E402

LANGS = ("ar", "en")


@pytest.fixture(scope="module")
def arts():
    return list(generate(60, seed=3))


@pytest.fixture(scope="module")
def records(arts):
    """Extraction records of the first 16 articles (8 per language)."""
    return [extract(a) for a in arts[:16]]


@pytest.fixture(scope="module")
def sample_names():
    """Every entity text and canonical id the samples themselves have."""
    texts, ids = set(), set()
    for art in read_paths([str(ROOT / "samples")]):
        if isinstance(art, Exception):
            continue
        for e in extract(art)["entities"]:
            texts.add(e["text"])
            if e.get("canonical"):
                ids.add(e["canonical"])
    return texts, ids


def test_deterministic_for_a_seed():
    a = list(generate(12, seed=7))
    assert a == list(generate(12, seed=7))
    assert a != list(generate(12, seed=8))


def test_fields_ids_and_languages(arts):
    assert [a["lang"] for a in arts] == [LANGS[i % 2] for i in range(len(arts))]
    assert [a["id"] for a in arts[:2]] == ["bench-ar-000000", "bench-en-000001"]
    assert len({a["id"] for a in arts}) == len(arts)
    for a in arts:
        assert set(a) == {"id", "lang", "title", "published", "text"}
        assert re.fullmatch(r"bench-(ar|en)-\d{6}", a["id"]) and a["id"][6:8] == a["lang"]
        assert re.fullmatch(r"20\d\d-\d\d-\d\d", a["published"])
        assert a["title"].strip() and "{" not in a["text"] and "}" not in a["text"]
    only_en = list(generate(5, seed=1, langs=("en",)))
    assert {a["lang"] for a in only_en} == {"en"}
    assert [a["id"] for a in only_en][-1] == "bench-en-000004"


def test_realistic_length(arts):
    for a in arts:
        words = len(a["text"].split())
        sentences = len(re.findall(r"[.!?؟][\"”»]?(?=\s|$)", a["text"]))
        paragraphs = a["text"].split("\n\n")
        assert 150 <= words <= 520, (a["id"], words)
        assert 4 <= sentences <= 34, (a["id"], sentences)
        assert len(paragraphs) >= 2 and all(p.strip() for p in paragraphs)
    for lang in LANGS:
        mean = sum(len(a["text"].split()) for a in arts if a["lang"] == lang) / (len(arts) / 2)
        assert 230 <= mean <= 380, (lang, mean)


def test_sentences_come_from_several_samples_and_the_templates():
    for lang in LANGS:
        pool = sentence_pool(lang)
        sources = {s.source for kind in pool.values() for s in kind}
        assert len({s for s in sources if not s.startswith("template:")}) >= 2
        assert any(s.startswith("template:") for s in sources)
        assert pool["ban"] and pool["migration"] and pool["title"]
    ar = " ".join(a["text"] for a in generate(40, seed=2, langs=("ar",)))
    # sentences of the AFP and of the Iran sample, with other names in them
    assert "تعدين العملات الرقمية" in ar and "المزارع غير المرخصة" in ar


def test_names_come_from_the_gazetteer_not_only_the_samples(records, sample_names):
    sample_texts, sample_ids = sample_names
    rows = names()
    found = {e["canonical"] for r in records for e in r["entities"]
             if e["type"] in ("COUNTRY", "PROVINCE", "CITY", "COMPANY") and e.get("canonical")}
    assert found <= set(rows) | {c for c in found if c.startswith("authorities:")}
    new = found - sample_ids
    assert len(new) >= 15, sorted(new)
    for lang in LANGS:  # every place name the generator may use is a gazetteer name
        voc = vocabulary(lang)
        key = lang
        for t in ("COUNTRY", "PROVINCE", "CITY", "COMPANY", "REGULATOR"):
            for rid, name in voc["names"][t][:50]:
                assert rows[rid][key] == name
    # the samples' own people and companies found by cues are replaced
    text = " ".join(a["text"] for a in generate(30, seed=4))
    for own in ("Lianhe Hashpower", "Tianfeng Mining", "Wang Lei", "كريس تشو", "نيك كارتر"):
        assert own not in text


def test_most_articles_report_a_ban_or_a_migration(records):
    for lang in LANGS:
        recs = [r for r in records if r["article"]["lang"] == lang]
        with_events = [r for r in recs
                       if {v["type"] for v in r["events"]} & {"BAN", "MIGRATION"}]
        assert len(with_events) >= 0.75 * len(recs), (lang, len(with_events), len(recs))
    assert sum(1 for r in records for v in r["events"] if v["type"] == "BAN") >= len(records) / 2
    assert sum(1 for r in records for v in r["events"] if v["type"] == "MIGRATION") >= len(records)


def test_dates_are_re_rendered():
    en = " ".join(a["text"] for a in generate(40, seed=5, langs=("en",)))
    months = re.findall(r"\b(January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)",
                        en)
    assert len(set(months)) >= 8
    assert len(set(re.findall(r"\b20[12]\d\b", en))) >= 3
    ar = " ".join(a["text"] for a in generate(40, seed=5, langs=("ar",)))
    assert len({m for m in corpus._MONTHS["ar"] if m in ar}) >= 6


def test_ingests_into_the_embedded_store_with_nothing_skipped(tmp_path):
    from kg.ingest import ingest_articles
    from kg.stores.ladybug import LadybugStore

    path = tmp_path / "corpus.jsonl"
    assert main(["12", "--seed", "9", "-o", str(path)]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 12 and json.loads(lines[1])["id"] == "bench-en-000001"
    with LadybugStore(tmp_path / "g.lbug") as store:
        s = ingest_articles(read_paths([str(path)]), store, progress=False)
        assert s.skipped == [] and s.stored == 12
        n = store.query("MATCH (a:Article) RETURN count(a) AS n")[0]["n"]
        assert n == 12
        places = store.query("MATCH (e:Entity) WHERE e.type IN ['COUNTRY', 'PROVINCE', 'CITY'] "
                             "RETURN count(e) AS n")[0]["n"]
        assert places >= 20


def test_cli_one_language(tmp_path, capsys):
    out = tmp_path / "ar.jsonl"
    assert main(["3", "--lang", "ar", "--seed", "2", "-o", str(out)]) == 0
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["bench-ar-000000", "bench-ar-000001", "bench-ar-000002"]
    assert main(["2", "--lang", "en"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_the_bench_stops_at_once_when_neo4j_cannot_be_reached():
    import time

    from bench.run import main as bench_main

    t0 = time.perf_counter()
    with pytest.raises(SystemExit) as exc:
        bench_main(["--quick", "--neo4j", "bolt://127.0.0.1:9"])  # nothing listens on port 9
    assert "bench:" in str(exc.value) and "127.0.0.1:9" in str(exc.value)
    assert time.perf_counter() - t0 < 60  # before any measuring
