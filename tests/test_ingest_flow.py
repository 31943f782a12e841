"""kg.ingest end to end: readers -> pipeline -> linking -> model -> LadybugStore (real store)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import ingest.pipeline
import kg.ingest
import kg.linking
from kg.errors import InputError
from kg.ingest import IngestSummary, ingest_articles, ingest_paths, link_corpus
from kg.stores.ladybug import LadybugStore

EN = ("Miners head for Kazakhstan\n\n"
      "Mining companies moved about 300 machines from Xinjiang to Kazakhstan in June 2021, "
      "after the regional authorities ordered the farms to stop.\n")
AR = ("المعدّنون يتجهون إلى كازاخستان\n\n"
      "نقلت شركات تعدين نحو 300 جهاز من شينجيانغ إلى كازاخستان في حزيران/يونيو 2021 "
      "بعد أن أمرت السلطات المحلية بوقف المزارع.\n")
EN2 = ("Power cut for mining farms\n\n"
       "The Sichuan grid cut power to small mining farms on Monday, a local official said.\n")


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "news"
    (d / "ar").mkdir(parents=True)
    (d / "en-miners.txt").write_text(EN, encoding="utf-8")
    (d / "en-power.txt").write_text(EN2, encoding="utf-8")
    (d / "ar" / "miners.txt").write_text(AR, encoding="utf-8")
    (d / "broken.txt").write_bytes(bytes(range(256)) * 20)  # binary: not an article
    return d


@pytest.fixture
def store(tmp_path):
    s = LadybugStore(tmp_path / "g.lbug")
    yield s
    s.close()


def test_folder_with_a_bad_file(corpus, store):
    s = ingest_paths([str(corpus)], store, progress=False)
    assert s.read == 3 and s.stored == 3
    assert [src for src, _ in s.skipped] == [str(corpus / "broken.txt")]
    assert s.new_nodes >= 3
    ids = {r["id"] for r in store.query("MATCH (a:Article) RETURN a.id AS id")}
    assert len(ids) == 3
    texts = {r["t"] for r in store.query("MATCH (a:Article) RETURN a.text AS t")}
    assert AR in texts or any("كازاخستان" in t for t in texts)
    d = s.as_dict()
    json.dumps(d)
    assert d["skipped"][0]["reason"]


def test_reingest_changes_nothing(corpus, store):
    ingest_paths([str(corpus)], store, progress=False)
    before = store.counts()
    again = ingest_paths([str(corpus)], store, progress=False)
    assert again.unchanged == 3 and again.stored == 0
    assert again.new_nodes == 0 and again.new_relationships == 0
    assert store.counts() == before


def test_same_id_with_other_text_is_refused(store):
    a = {"id": "story-1", "title": "One", "text": "First text.", "source": "x.jsonl:1",
         "content_hash": "h1", "lang": "en"}
    b = dict(a, text="Another text.", content_hash="h2", source="x.jsonl:2")
    s = ingest_articles([a, b], store, progress=False)
    assert s.stored == 1
    assert s.skipped == [("x.jsonl:2", "id story-1 already stored with different text; "
                                       "give it another id")]
    s2 = ingest_articles([b], store, progress=False)
    assert s2.stored == 0 and "different text" in s2.skipped[0][1]
    assert store.has_article("story-1") == "h1"


def test_input_errors_are_listed(store):
    s = ingest_articles([InputError("empty (no text)", source="e.txt")], store, progress=False)
    assert s.read == 0 and s.skipped == [("e.txt", "empty (no text)")]


def _fake_record(article) -> dict:
    """An extraction record with a ban and a migration (pipeline-independent)."""
    art = article.to_dict()
    n = int(art["id"].split("-")[1])
    return {
        "article": art,
        "entities": [{"id": "e1", "type": "COMPANY", "text": f"Firm {n}", "start": 0, "end": 4,
                      "canonical": f"Firm {n}"}],
        "events": [
            {"id": "v1", "type": "BAN", "sentence": "ban", "start": 0, "end": 3,
             "jurisdiction": "CN-XJ", "date": f"2021-0{n}", "target": "mining"},
            {"id": "v2", "type": "MIGRATION", "sentence": "moved", "start": 4, "end": 9,
             "actor": "e1", "origin": "CN-XJ", "destination": "KZ", "date": f"2021-0{n + 1}",
             "status": "completed"},
        ],
        "links": [],
    }


def test_events_and_corpus_links(store, monkeypatch):
    monkeypatch.setattr(ingest.pipeline, "extract", _fake_record)

    def link_all(bans, migrations):
        assert bans and migrations and all("jurisdiction" in b for b in bans)
        return [{"from": b["id"], "to": m["id"], "confidence": 0.5, "reason": "same origin",
                 "lag_days": 30, "cue": None, "scope": "corpus"}
                for b in bans for m in migrations if m["date"] > b["date"]]

    monkeypatch.setattr(kg.linking, "link_events", link_all)
    monkeypatch.setattr(kg.ingest, "LINK_CHUNK", 4)  # links written in several transactions
    monkeypatch.setattr(kg.ingest, "MIGRATION_PAGE", 2)  # migrations read in two pages
    monkeypatch.setattr(kg.linking, "link_record", lambda rec: rec.setdefault("links", []))
    arts = [{"id": f"a-{n}", "title": "t", "text": f"text {n}", "source": f"s{n}",
             "content_hash": f"h{n}"} for n in (1, 2, 3)]
    s = ingest_articles(arts, store, progress=False)
    assert (s.stored, s.bans, s.migrations) == (3, 3, 3)
    # bans 2021-01..03, migrations 2021-02..04: 3 + 2 + 1 pairs
    assert s.links == 6
    rows = store.query("MATCH (:Ban)-[t:TRIGGERED]->(:Migration) RETURN t.scope AS scope, "
                       "count(*) AS n")
    assert rows == [{"scope": "corpus", "n": 6}]
    assert link_corpus(store) == 0  # idempotent
    s2 = ingest_articles(arts, store, progress=False)
    assert s2.unchanged == 3 and s2.links == 0


def _plain_extraction(monkeypatch):
    """Extraction without the pipeline: each article becomes its Article node."""
    monkeypatch.setattr(ingest.pipeline, "extract", lambda a: {
        "article": a.to_dict(), "entities": [], "events": [], "links": []})
    monkeypatch.setattr(kg.linking, "link_record", lambda rec: rec.setdefault("links", []))


def test_extraction_failure_skips_only_that_article(store, monkeypatch):
    def extract(article):
        if "boom" in article.text:
            raise RuntimeError("bad input")
        return {"article": article.to_dict(), "entities": [], "events": [], "links": []}

    monkeypatch.setattr(ingest.pipeline, "extract", extract)
    arts = [{"id": f"x{n}", "title": "t", "text": t, "source": f"s{n}", "content_hash": f"h{n}"}
            for n, t in enumerate(["fine", "boom", "also fine"])]
    s = ingest_articles(arts, store, progress=False)
    assert s.stored == 2 and s.skipped[0][0] == "s1" and "RuntimeError" in s.skipped[0][1]
    assert store.has_article("x1") is None


def test_a_write_failure_costs_only_its_article(store, monkeypatch):
    """A group that the store refuses is split until the bad article is alone."""
    real = kg.ingest.record_to_batch

    def to_batch(rec, places=None):
        b = real(rec, places=places)
        if rec["article"]["text"] == "boom":  # a value the model refuses: the store raises
            b.nodes["Article"][0]["n_chars"] = "many"
        return b

    _plain_extraction(monkeypatch)
    monkeypatch.setattr(kg.ingest, "record_to_batch", to_batch)
    texts = ["fine"] * 13 + ["boom"] + ["fine"] * 6
    arts = [{"id": f"x{n}", "title": "t", "text": t, "source": f"s{n}", "content_hash": f"h{n}"}
            for n, t in enumerate(texts)]
    s = ingest_articles(arts, store, progress=False, group=len(arts))
    assert s.stored == 19 and [src for src, _ in s.skipped] == ["s13"]
    assert "n_chars" in s.skipped[0][1] and "INT64" in s.skipped[0][1]
    assert store.counts()["Article"] == 19 and store.has_article("x13") is None


def test_workers_give_the_same_graph(corpus, tmp_path):
    with LadybugStore(tmp_path / "one.lbug") as one, LadybugStore(tmp_path / "two.lbug") as two:
        s1 = ingest_paths([str(corpus)], one, progress=False, workers=1)
        s2 = ingest_paths([str(corpus)], two, progress=False, workers=2)
        assert s1.as_dict() | {"seconds": 0} == s2.as_dict() | {"seconds": 0}
        assert one.counts() == two.counts()


def test_summary_as_dict():
    d = IngestSummary(read=1, skipped=[("a", "b")], seconds=1.23456).as_dict()
    assert d["skipped"] == [{"source": "a", "reason": "b"}] and d["seconds"] == 1.235


def test_sample_article_end_to_end(store):
    sample = Path(__file__).resolve().parent.parent / "samples/ar/afp-2021-06-china-miners.txt"
    s = ingest_paths([str(sample)], store, progress=False)
    assert s.stored == 1 and not s.skipped
    rows = store.query("MATCH (a:Article)-[m:MENTIONS]->(e:Entity) "
                       "RETURN e.type AS type, count(*) AS n ORDER BY type")
    assert {r["type"] for r in rows} >= {"COUNTRY", "PROVINCE"}
    assert s.new_nodes == sum(store.counts()[k] for k in ("Article", "Entity", "Ban", "Migration"))


# a ban in one article and, three weeks later, a move out of the same province in another
BAN_ARTICLE = {"id": "ban-article", "title": "Sichuan orders miners off the grid", "published": "2021-06-20",
               "text": "Sichuan orders miners off the grid\n\nSichuan authorities ordered power companies "
                       "to stop supplying cryptocurrency mines on June 18, 2021."}
MOVE_ARTICLE = {"id": "move-article", "title": "Miners land in Texas", "published": "2021-07-13",
                "text": "Miners land in Texas\n\nLianhe Hashpower moved 500 mining machines from Sichuan "
                        "to Texas on July 12, 2021."}


def _jsonl(folder: Path, lines: list[dict]) -> str:
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    return str(path)


def test_a_ban_in_one_article_triggers_a_move_told_in_another(store, tmp_path):
    """The real pipeline and linker: one corpus link, to the nearest earlier ban only."""
    lines = [
        BAN_ARTICLE,
        {"id": "old-ban-article", "title": "Sichuan curbs mining", "published": "2019-05-02",
         "text": "Sichuan curbs mining\n\nSichuan authorities ordered some bitcoin mines to shut down on May 1, 2019."},
        MOVE_ARTICLE,
        {"id": "early-move-article", "title": "An early move", "published": "2021-03-02",
         "text": "An early move\n\nTianfeng Mining moved 300 mining machines from Sichuan to Kazakhstan "
                 "on March 1, 2021."},
    ]
    s = ingest_paths([_jsonl(tmp_path, lines)], store, progress=False)
    assert s.stored == 4
    rows = store.query(
        "MATCH (b:Ban)-[t:TRIGGERED]->(m:Migration) RETURN b.date AS ban, m.destination AS dest, "
        "t.lag_days AS lag, t.scope AS scope, t.article_id AS article ORDER BY dest")
    assert rows == [{"ban": "2021-06-18", "dest": "US-TX", "lag": 24, "scope": "corpus",
                     "article": "move-article"}]
    assert link_corpus(store) == 0


def test_rerun_after_a_kill_before_corpus_linking_adds_the_links(store, tmp_path):
    """A run killed after its last write but before linking: the same command completes it."""
    path = _jsonl(tmp_path, [BAN_ARTICLE, MOVE_ARTICLE])
    first = ingest_paths([path], store, progress=False, link=False)  # killed before linking
    assert first.stored == 2 and store.counts()["TRIGGERED"] == 0
    again = ingest_paths([path], store, progress=False)
    assert again.unchanged == 2 and again.stored == 0 and again.links == 1
    assert store.counts()["TRIGGERED"] == 1


def test_stored_ids_are_looked_up_a_chunk_at_a_time(store, monkeypatch):
    """Duplicates and stored ids are told apart across look-up chunks as within one."""
    _plain_extraction(monkeypatch)
    monkeypatch.setattr(kg.ingest, "LOOKUP", 3)
    queries = []
    real_query = store.query
    monkeypatch.setattr(store, "query", lambda c, p=None: queries.append(c) or real_query(c, p))

    def art(n, text="t"):
        return {"id": f"x{n}", "title": "t", "text": text, "source": f"s{n}",
                "content_hash": f"h{n}-{text}"}

    first = [art(n) for n in range(5)]
    s1 = ingest_articles(first, store, progress=False, link=False)
    assert s1.stored == 5 and not s1.skipped
    lookups = [c for c in queries if "a.content_hash AS h" in c]
    assert len(lookups) == 2  # 5 articles, 3 per look-up
    # stored ones, a changed text, duplicates inside this run on both sides of a chunk edge
    again = [art(0), art(1, "other"), art(7), art(8), art(7), art(2), art(7, "other"), art(9)]
    s2 = ingest_articles(again, store, progress=False, link=False)
    assert s2.read == 8 and s2.unchanged == 3  # x0, x2 stored; the second x7 is this run's
    assert s2.stored == 3  # x7, x8, x9
    assert sorted(src for src, _ in s2.skipped) == ["s1", "s7"]
    assert all("already stored with different text" in why for _, why in s2.skipped)
    assert kg.ingest.stored_hashes(store, ["x0", "x7", "nope"]) == {"x0": "h0-t", "x7": "h7-t"}


def _arts(n, prefix="x"):
    return [{"id": f"{prefix}{i}", "title": "t", "text": f"text {i}", "source": f"s{i}",
             "content_hash": f"h{i}"} for i in range(n)]


def test_a_group_is_written_while_the_next_is_extracted(store, monkeypatch):
    """The first group's write waits until the next group's extraction has
    begun: were they run one after the other, this would time out."""
    import threading

    _plain_extraction(monkeypatch)
    next_group_started = threading.Event()
    real_upsert = store.upsert
    writers = set()

    def upsert(batch):
        writers.add(threading.get_ident())
        if not next_group_started.is_set():
            assert next_group_started.wait(timeout=20), "extraction did not go on during the write"
        return real_upsert(batch)

    monkeypatch.setattr(store, "upsert", upsert)
    real_extract = ingest.pipeline.extract

    def extract(a):
        if a.id == "x3":
            next_group_started.set()
        return real_extract(a)

    monkeypatch.setattr(ingest.pipeline, "extract", extract)
    s = ingest_articles(_arts(6), store, progress=False, group=3, link=False)
    assert s.stored == 6 and not s.skipped and store.counts()["Article"] == 6
    assert threading.get_ident() not in writers


def test_no_look_up_runs_during_a_write(store, monkeypatch):
    """Stored ids are looked up between writes only (LadybugDB answered a
    read on a second connection during a write with a disk-array error)."""
    _plain_extraction(monkeypatch)
    monkeypatch.setattr(kg.ingest, "LOOKUP", 4)
    busy = []
    overlaps = []
    real_upsert, real_query = store.upsert, store.query

    def upsert(batch):
        busy.append(1)
        try:
            return real_upsert(batch)
        finally:
            busy.pop()

    def query(c, p=None):
        if busy:
            overlaps.append(c)
        return real_query(c, p)

    monkeypatch.setattr(store, "upsert", upsert)
    monkeypatch.setattr(store, "query", query)
    s = ingest_articles(_arts(40), store, progress=False, group=3, link=False)
    assert s.stored == 40 and not overlaps


def test_an_unexpected_write_error_stops_the_run_and_keeps_earlier_groups(store, monkeypatch):
    """A store bug (not a StoreError) is raised to the caller once the groups
    before it are written; the store stays usable."""
    _plain_extraction(monkeypatch)
    real_upsert = store.upsert
    calls = []

    def upsert(batch):
        calls.append(1)
        if len(calls) == 3:
            raise ZeroDivisionError("a bug in the store")
        return real_upsert(batch)

    monkeypatch.setattr(store, "upsert", upsert)
    with pytest.raises(ZeroDivisionError):
        ingest_articles(_arts(12), store, progress=False, group=2, link=False)
    assert store.counts()["Article"] == 4  # the two groups before the failing one
    monkeypatch.setattr(store, "upsert", real_upsert)
    s = ingest_articles(_arts(12), store, progress=False, group=2, link=False)
    assert s.unchanged == 4 and s.stored == 8 and store.counts()["Article"] == 12


def test_an_article_whose_write_failed_is_tried_again_when_repeated(store, monkeypatch):
    """A refused article leaves this run's ids, so a later copy of it is not
    taken as already stored."""
    _plain_extraction(monkeypatch)
    real_upsert = store.upsert
    refusals = []

    def upsert(batch):
        ids = {r["id"] for r in batch.nodes.get("Article", [])}
        if "x1" in ids and len(refusals) < 2:  # its group, then x1 alone
            refusals.append(ids)
            from kg.errors import StoreError
            raise StoreError("refused")
        return real_upsert(batch)

    monkeypatch.setattr(store, "upsert", upsert)
    arts = _arts(8)
    s = ingest_articles(arts + [arts[1]], store, progress=False, group=2, link=False)
    assert refusals == [{"x0", "x1"}, {"x1"}]
    assert [src for src, _ in s.skipped] == ["s1"] and s.stored == 8
    assert store.has_article("x1") == "h1"


def test_the_graph_does_not_depend_on_the_grouping(tmp_path):
    """The same articles written one per transaction or all in one give the
    same properties on every node and relationship (the first value written
    wins both within a batch and across transactions)."""
    from bench.corpus import generate
    from kg.model import NODES, RELS

    arts = list(generate(40, seed=3))  # recombined sentences: events recur across articles

    def tables(group):
        with LadybugStore(tmp_path / f"g{group}.lbug") as s:
            ingest_articles(arts, s, progress=False, group=group)
            out = {}
            for label, props in NODES.items():
                cols = ", ".join(f"n.`{p}` AS `{p}`" for p in props)
                out[label] = s.query(f"MATCH (n:`{label}`) RETURN {cols} ORDER BY n.id")
            for rtype, spec in RELS.items():
                cols = ", ".join(f"x.`{p}` AS `{p}`" for p in spec["props"])
                out[rtype] = s.query(f"MATCH (a)-[x:`{rtype}`]->(b) RETURN a.id AS src, "
                                     f"b.id AS dst, {cols} ORDER BY x.id, src, dst")
            return out

    one, each = tables(len(arts)), tables(1)
    assert one["Ban"] and one["Migration"] and one["TRIGGERED"]
    for name in one:
        assert one[name] == each[name], name


def test_the_writing_process_does_not_load_spacy():
    """With workers, only they extract: the process that writes and links
    the corpus must not pay spaCy's import (about a second)."""
    import subprocess
    import sys
    code = ("import sys, kg.cli, kg.ingest, kg.linking, kg.model, kg.stores.ladybug; "
            "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    assert out.stdout.strip() == "[]"
