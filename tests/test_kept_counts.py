"""Counts the stores keep on entities (kg.model.KEPT), on both stores.

The ``entities`` and ``places`` queries read ``mentions`` and ``articles``
from the entity instead of counting every MENTIONS relationship; these
tests hold them equal to the relationships under every way of writing.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import ingest_paths
from kg.model import GraphBatch

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

COUNTED = ("MATCH (e:Entity) OPTIONAL MATCH (a:Article)-[r:MENTIONS]->(e) "
           "RETURN e.id AS id, count(r) AS m, count(DISTINCT a) AS n, "
           "e.mentions AS kept_m, e.articles AS kept_n ORDER BY id")


def assert_counts_kept(store) -> list[dict]:
    rows = store.query(COUNTED)
    assert rows
    for r in rows:
        if r["m"] == 0:
            assert r["kept_m"] in (None, 0) and r["kept_n"] in (None, 0), r
        else:
            assert (r["kept_m"], r["kept_n"]) == (r["m"], r["n"]), r
    return rows


def article(aid: str, mentions: list[tuple[str, int]]) -> GraphBatch:
    """An article mentioning entities at the given offsets."""
    b = GraphBatch()
    b.add_node("Article", {"id": aid, "lang": "en", "content_hash": "h-" + aid})
    for eid, start in mentions:
        b.add_node("Entity", {"id": eid, "type": "COUNTRY", "name": eid,
                              "mentions": 999, "articles": 999})  # not the batch's to set
        b.add_rel("MENTIONS", "Article", aid, "Entity", eid, {
            "id": f"{aid}:{eid}:{start}", "article_id": aid, "start": start, "end": start + 2,
            "text": eid})
    return b


def write_every_way(store) -> None:
    store.upsert(article("a1", [("KZ", 0), ("KZ", 10), ("CN", 20)]))  # new article, new entities
    store.upsert(article("a2", [("KZ", 0), ("US", 5)]))  # new article, a stored entity
    store.upsert(article("a1", [("KZ", 0), ("KZ", 10), ("CN", 20)]))  # the same again
    store.upsert(article("a1", [("CN", 20), ("CN", 40)]))  # a stored article, one more mention
    both = article("a3", [("CN", 1)])
    both.extend(article("a4", [("CN", 1), ("CA", 3)]))
    store.upsert(both.dedupe())  # two articles in one batch
    parent = GraphBatch()
    parent.add_node("Entity", {"id": "AS", "type": "REGION", "name": "Asia"})  # nothing mentions it
    store.upsert(parent)


@pytest.mark.parametrize("which", ["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_counts_follow_every_write(request, which):
    store = request.getfixturevalue(f"{which}_store")
    write_every_way(store)
    rows = {r["id"]: r for r in assert_counts_kept(store)}
    assert (rows["KZ"]["kept_m"], rows["KZ"]["kept_n"]) == (3, 2)
    assert (rows["CN"]["kept_m"], rows["CN"]["kept_n"]) == (4, 3)
    assert rows["AS"]["m"] == 0
    top = store.query("MATCH (e:Entity) RETURN e.id AS id ORDER BY coalesce(e.mentions, 0) DESC, id LIMIT 2")
    assert [r["id"] for r in top] == ["CN", "KZ"]


def test_counts_follow_an_ingest_in_small_groups(ladybug_store):
    from kg.ingest import ingest_articles
    from ingest.readers import read_paths

    s = ingest_articles(read_paths([str(SAMPLES)]), ladybug_store, progress=False, group=1)
    assert s.stored > 1
    rows = assert_counts_kept(ladybug_store)
    assert max(r["kept_n"] or 0 for r in rows) > 1  # some entity is in several articles
    again = ingest_paths([str(SAMPLES)], ladybug_store, progress=False)
    assert again.unchanged == s.stored
    assert ladybug_store.query(COUNTED) == rows


def test_a_failed_write_leaves_the_counts(ladybug_store):
    ladybug_store.upsert(article("a1", [("KZ", 0)]))
    bad = article("a2", [("KZ", 0)])
    bad.add_node("Migration", {"id": "mig:x", "amount": "many"})  # not a number
    with pytest.raises(Exception):
        ladybug_store.upsert(bad)
    rows = {r["id"]: r for r in assert_counts_kept(ladybug_store)}
    assert (rows["KZ"]["kept_m"], rows["KZ"]["kept_n"]) == (1, 1)


def test_a_store_written_before_the_counts_gets_them_on_open(tmp_path):
    import ladybug

    from kg.stores.ladybug import LadybugStore

    path = tmp_path / "old.lbug"
    with LadybugStore(path) as store:
        write_every_way(store)
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    for p in ("mentions", "articles"):  # as an older version of the schema had it
        conn.execute(f"ALTER TABLE Entity DROP {p}")
    conn.close()
    db.close()
    with LadybugStore(path) as store:
        rows = {r["id"]: r for r in assert_counts_kept(store)}
        assert rows["CN"]["kept_m"] == 4
