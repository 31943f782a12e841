"""LadybugStore against a real LadybugDB file in tmp_path (no mocks)."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import ladybug
import pytest

from kg.errors import QueryError, StoreError
from kg.model import NODES, RELS, GraphBatch, record_to_batch
from kg.stores import DEFAULT_STORE, default_store, is_server_uri, open_store
from kg.stores.ladybug import LadybugStore, _dialect


def make_record(i: int, n_entities: int = 4) -> dict:
    """A small extraction record with a ban, a migration and a TRIGGERED link."""
    text = f"Article number {i}. " + "Miners moved. " * 20
    ents = [{"id": f"e{j}", "type": "COMPANY", "text": f"Firm {i}-{j}", "start": 10 * j,
             "end": 10 * j + 6, "canonical": f"Firm {i}-{j}"} for j in range(n_entities)]
    ents.append({"id": "d1", "type": "DATE", "text": "June", "start": 90, "end": 94,
                 "value": "2021-06"})
    return {
        "article": {"id": f"art-{i}", "lang": "en", "published": "2021-06-22",
                    "title": f"Title {i}", "source": f"mem/{i}.txt", "text": text,
                    "content_hash": f"hash-{i}"},
        "entities": ents,
        "events": [
            {"id": "v1", "type": "BAN", "sentence": "A ban.", "start": 0, "end": 6,
             "authority": "e0", "jurisdiction": "CN-XJ", "date": "2021-06", "target": "mining"},
            {"id": "v2", "type": "MIGRATION", "sentence": "They moved.", "start": 7, "end": 18,
             "actor": "e1", "origin": "CN-XJ", "destination": "KZ",
             "quantity": {"amount": 320, "unit": "machines"}, "date": "2021-07",
             "status": "completed"},
        ],
        "links": [{"type": "TRIGGERED", "from": "v1", "to": "v2", "confidence": 0.9,
                   "reason": "same province"}],
    }


@pytest.fixture
def store(tmp_path):
    s = LadybugStore(tmp_path / "g.lbug")
    yield s
    s.close()


def test_schema_is_created_and_idempotent(tmp_path):
    path = tmp_path / "g.lbug"
    with LadybugStore(path) as s:
        s.ensure_schema()
        s.ensure_schema()
        counts = s.counts()
    assert set(counts) == set(NODES) | set(RELS)
    assert all(v == 0 for v in counts.values())
    with LadybugStore(path) as s:  # reopening runs ensure_schema again
        assert s.counts() == counts


def test_old_store_gets_missing_properties(tmp_path):
    path = tmp_path / "old.lbug"
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Article(id STRING, title STRING, PRIMARY KEY(id))")
    conn.execute("CREATE (:Article {id: 'a1', title: 'Old'})")
    conn.close()
    db.close()
    with LadybugStore(path) as s:
        rows = s.query("MATCH (a:Article) RETURN a.id AS id, a.title AS title, "
                       "a.content_hash AS h")
        assert rows == [{"id": "a1", "title": "Old", "h": None}]
        assert s.has_article("a1") == ""


def test_upsert_counts_new_and_reupsert_changes_nothing(store):
    batch = record_to_batch(make_record(1))
    first = store.upsert(batch)
    expected = batch.counts()
    assert first["nodes"] == expected["nodes"]
    assert first["relationships"] == expected["relationships"]
    before = store.counts()
    again = store.upsert(record_to_batch(make_record(1)))
    assert again["nodes"] == 0 and again["relationships"] == 0
    assert store.counts() == before
    assert before["TRIGGERED"] == 1 and before["Article"] == 1


def test_a_stored_value_is_kept_and_a_null_one_filled(store):
    b = GraphBatch()
    b.add_node("Entity", {"id": "KZ", "type": "COUNTRY", "name": "Kazakhstan",
                          "name_ar": "كازاخستان"})
    store.upsert(b)
    b2 = GraphBatch()
    b2.add_node("Entity", {"id": "KZ", "type": "COUNTRY", "name": "Qazaqstan",
                           "name_en": "Kazakhstan (en)"})
    assert store.upsert(b2)["nodes"] == 0
    row = store.query("MATCH (e:Entity {id: $id}) RETURN e.name AS n, e.name_ar AS ar, "
                      "e.name_en AS en", {"id": "KZ"})
    assert row == [{"n": "Kazakhstan", "ar": "كازاخستان", "en": "Kazakhstan (en)"}]


def test_relationship_between_stored_nodes_is_created_once_and_filled(store):
    """A relationship whose two ends were stored by earlier batches: created and
    counted the first time, its null properties filled later, never doubled."""
    b = GraphBatch()
    b.add_node("Entity", {"id": "KZ", "type": "COUNTRY", "name": "Kazakhstan"})
    b.add_node("Entity", {"id": "KZ-PAV", "type": "PROVINCE", "name": "Pavlodar"})
    store.upsert(b)
    link = GraphBatch()
    link.add_rel("LOCATED_IN", "Entity", "KZ-PAV", "Entity", "KZ", {})
    stats = store.upsert(link)
    assert stats["relationships"] == 1 and stats["types"] == {"LOCATED_IN": 1}
    again = GraphBatch()
    again.add_rel("LOCATED_IN", "Entity", "KZ-PAV", "Entity", "KZ", {"source": "gazetteer"})
    assert store.upsert(again)["relationships"] == 0
    assert store.upsert(again)["relationships"] == 0
    rows = store.query("MATCH (:Entity {id: 'KZ-PAV'})-[x:LOCATED_IN]->(:Entity {id: 'KZ'}) "
                       "RETURN x.source AS source")
    assert rows == [{"source": "gazetteer"}]
    # a mention from a stored article to a stored entity: counted on the entity
    art = GraphBatch()
    art.add_node("Article", {"id": "a1", "title": "t", "text": "Pavlodar", "n_chars": 8})
    store.upsert(art)
    m = GraphBatch()
    m.add_rel("MENTIONS", "Article", "a1", "Entity", "KZ-PAV", {"text": "Pavlodar", "start": 0, "end": 8})
    assert store.upsert(m)["relationships"] == 1
    assert store.upsert(m)["relationships"] == 0
    counts = store.query("MATCH (e:Entity {id: 'KZ-PAV'}) RETURN e.mentions AS m, e.articles AS a")
    assert counts == [{"m": 1, "a": 1}]


def test_failed_upsert_leaves_store_unchanged(store):
    store.upsert(record_to_batch(make_record(1)))
    before = store.counts()
    bad = record_to_batch(make_record(2))
    # written after the Article and Entity rows of the same transaction
    bad.nodes["Migration"][0]["start"] = "not a number"
    with pytest.raises(StoreError, match="INT64"):
        store.upsert(bad)
    assert store.counts() == before
    assert store.has_article("art-2") is None


def test_failure_inside_the_database_rolls_back(store):
    before = store.counts()
    bad = record_to_batch(make_record(3))
    # a lone surrogate cannot be encoded: the failure happens inside execute()
    bad.rels[("MENTIONS", "Article", "Entity")][-1]["sentence"] = "broken \ud800"
    with pytest.raises(StoreError, match="rolled back"):
        store.upsert(bad)
    assert store.counts() == before
    store.upsert(record_to_batch(make_record(3)))  # the store still works
    assert store.has_article("art-3") == "hash-3"


def test_new_rows_round_trip_awkward_text_and_keep_empty_apart_from_null(store):
    awkward = 'a "quoted", comma\nnew line\r\nback\\slash\ttab عربي NULL'
    b = GraphBatch()
    b.add_node("Article", {"id": "x1", "title": awkward, "text": "", "n_chars": 0})
    b.add_node("Entity", {"id": "KZ", "type": "COUNTRY", "name": "Kazakhstan"})
    b.add_rel("MENTIONS", "Article", "x1", "Entity", "KZ",
              {"id": "m1", "sentence": awkward, "start": 3, "end": 5})
    assert store.upsert(b)["relationships"] == 1
    rows = store.query("MATCH (a:Article {id: 'x1'})-[m:MENTIONS]->(e:Entity) RETURN a.title AS t, "
                       "a.text AS x, a.url IS NULL AS no_url, a.n_chars AS n, m.sentence AS s, "
                       "m.start AS st, e.name AS e")
    assert rows == [{"t": awkward, "x": "", "no_url": True, "n": 0, "s": awkward, "st": 3,
                     "e": "Kazakhstan"}]


def test_groups_mix_new_and_stored_rows(store):
    """New rows are created, stored ones merged, group after group."""
    for i in range(1, 4):
        stats = store.upsert(record_to_batch(make_record(i)))
        assert stats["labels"]["Article"] == 1
    c = store.counts()
    assert c["Article"] == 3 and c["Ban"] == 3 and c["TRIGGERED"] == 3
    n_ent = c["Entity"]
    b = record_to_batch(make_record(2))      # stored already
    b.extend(record_to_batch(make_record(4)))  # new
    stats = store.upsert(b.dedupe())
    assert stats["labels"].get("Article") == 1 and stats["labels"].get("Ban") == 1
    c2 = store.counts()
    assert c2["Article"] == 4 and c2["TRIGGERED"] == 4
    assert c2["Entity"] - n_ent == stats["labels"].get("Entity", 0)
    assert c2["MENTIONS"] == 4 * c["MENTIONS"] // 3


def test_prepared_statements_end_before_their_database(tmp_path):
    """Statements the store prepared are freed when it closes, not later: one
    freed after its database had closed corrupted the next store opened in
    the process (reads of a reopened 5k-article store failed)."""
    import gc

    from ladybug.prepared_statement import PreparedStatement

    def ours(conn):
        gc.collect()
        return [o for o in gc.get_objects()
                if isinstance(o, PreparedStatement) and o._connection is conn]

    for cycle in range(3):  # write, close, open again: the same store grows
        s = LadybugStore(tmp_path / "g.lbug")
        for i in range(3):
            s.upsert(record_to_batch(make_record(10 * cycle + i)))
        conn = s._conn
        assert ours(conn)  # statements were prepared for these writes
        s.close()
        assert not ours(conn)  # and ended with the store, though `s` is still referenced
    with LadybugStore(tmp_path / "g.lbug", read_only=True) as s:
        assert s.counts()["Article"] == 9
        names = {r["n"] for r in s.query("MATCH (e:Entity) RETURN e.name AS n")}
        assert {f"Firm {10 * c + i}-0" for c in range(3) for i in range(3)} <= names


def test_failed_commit_rolls_back(store, monkeypatch):
    store.upsert(record_to_batch(make_record(1)))
    before = store.counts()
    real = LadybugStore._exec

    def fail_commit(self, cypher, params=None):
        if cypher == "COMMIT":
            raise RuntimeError("disk full (simulated)")
        return real(self, cypher, params)

    monkeypatch.setattr(LadybugStore, "_exec", fail_commit)
    with pytest.raises(StoreError, match="rolled back"):
        store.upsert(record_to_batch(make_record(2)))
    monkeypatch.setattr(LadybugStore, "_exec", real)
    assert store.counts() == before
    assert store.has_article("art-2") is None
    store.upsert(record_to_batch(make_record(2)))  # the store still works
    assert store.counts()["Article"] == 2


def test_relationship_to_missing_node_is_dropped_and_counted(store):
    b = GraphBatch()
    b.add_node("Entity", {"id": "CN", "type": "COUNTRY", "name": "China"})
    b.add_rel("LOCATED_IN", "Entity", "CN-SC", "Entity", "CN", {"source": "test"})
    stats = store.upsert(b)
    assert stats["relationships"] == 0 and stats["dropped_relationships"] == 1


def test_query_returns_plain_dicts(store):
    store.upsert(record_to_batch(make_record(1)))
    rows = store.query(
        "MATCH (b:Ban)-[r:TRIGGERED]->(m:Migration) "
        "RETURN b AS ban, type(r) AS t, r.confidence AS c, date(b.date + '-01') AS d, "
        "{origin: m.origin, to: m.destination} AS route")
    assert len(rows) == 1
    row = rows[0]
    assert row["t"] == "TRIGGERED" and row["c"] == pytest.approx(0.9)
    assert row["d"] == "2021-06-01"
    assert row["route"] == {"origin": "CN-XJ", "to": "KZ"}
    assert row["ban"]["jurisdiction"] == "CN-XJ"
    assert not any(k.startswith("_") for k in row["ban"])
    assert store.query("MATCH (a:Article) WHERE a.id IN $ids RETURN count(a) AS n",
                       {"ids": ["art-1", "nope"]}) == [{"n": 1}]


def test_query_errors_are_typed(store):
    with pytest.raises(QueryError):
        store.query("MATCH (n:NoSuchLabel) RETURN n")
    with pytest.raises(QueryError):
        store.query("MATCH (a:Article {id: $id}) RETURN a")  # missing parameter


def test_dialect_rewrites_functions_not_literals():
    q = "RETURN type(r) AS t, toInteger(toString(x.a)) AS i, split(s, ',') AS p, 'type(r)' AS lit"
    assert _dialect(q) == ("RETURN label(r) AS t, cast(cast(x.a AS STRING) AS INT64) AS i, "
                           "string_split(s, ',') AS p, 'type(r)' AS lit")
    assert _dialect("MATCH (n) WHERE n.type = 'BAN' RETURN n.type AS type") == \
        "MATCH (n) WHERE n.type = 'BAN' RETURN n.type AS type"


def test_has_article(store):
    assert store.has_article("art-1") is None
    store.upsert(record_to_batch(make_record(1)))
    assert store.has_article("art-1") == "hash-1"


def test_read_only_store_refuses_writes(tmp_path):
    path = tmp_path / "g.lbug"
    with LadybugStore(path) as s:
        s.upsert(record_to_batch(make_record(1)))
    with LadybugStore(path, read_only=True) as ro:
        assert ro.has_article("art-1") == "hash-1"
        with pytest.raises(StoreError, match="read-only"):
            ro.upsert(record_to_batch(make_record(2)))


@pytest.mark.parametrize("make, match", [
    (lambda p: p, "is a folder"),                                 # a plain directory
    (lambda p: p / "missing" / "g.lbug", "does not exist"),       # parent missing
    (lambda p: "/proc/kg-store.lbug", "cannot write"),            # read-only location
])
def test_bad_store_paths(tmp_path, make, match):
    (tmp_path / "note.txt").write_text("not a store")
    with pytest.raises(StoreError, match=match):
        LadybugStore(make(tmp_path))


def test_file_that_is_not_a_store(tmp_path):
    junk = tmp_path / "junk.lbug"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a kg store"):
        LadybugStore(junk)


def test_read_only_open_of_missing_store(tmp_path):
    with pytest.raises(StoreError, match="kg ingest"):
        LadybugStore(tmp_path / "none.lbug", read_only=True)


def test_store_held_by_another_process(tmp_path):
    path = tmp_path / "g.lbug"
    holder = LadybugStore(path)
    try:
        code = textwrap.dedent(f"""
            from kg.errors import StoreError
            from kg.stores.ladybug import LadybugStore
            try:
                LadybugStore({str(path)!r})
            except StoreError as e:
                print("ERR", e)
        """)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=60)
        assert "ERR another kg process" in out.stdout, out.stderr
        assert "--store OTHER" in out.stdout
    finally:
        holder.close()
    with LadybugStore(path):  # released on close
        pass


def test_open_store_dispatch(tmp_path, monkeypatch):
    assert is_server_uri("neo4j://localhost:7687") and is_server_uri("bolt+s://h")
    assert not is_server_uri(str(tmp_path / "g.lbug"))
    monkeypatch.delenv("KG_STORE", raising=False)
    assert default_store() == DEFAULT_STORE
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env.lbug"))
    with open_store() as s:
        assert isinstance(s, LadybugStore) and s.path == tmp_path / "env.lbug"


def test_writes_without_prepared_statements(tmp_path, monkeypatch):
    """A binding without prepare() (deprecated in LadybugDB 0.22) writes the same."""
    class WithoutPrepare:
        def __init__(self, conn):
            self._c = conn

        def __getattr__(self, name):
            if name == "prepare":
                raise AttributeError(name)
            return getattr(self._c, name)

    with LadybugStore(tmp_path / "a.lbug") as a, LadybugStore(tmp_path / "b.lbug") as b:
        monkeypatch.setattr(b, "_conn", WithoutPrepare(b._conn))
        for i in range(3):
            a.upsert(record_to_batch(make_record(i)))
            b.upsert(record_to_batch(make_record(i)))
        assert not b._prepared and a._prepared
        assert a.counts() == b.counts()
        q = "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.mentions AS m ORDER BY id"
        assert a.query(q) == b.query(q)


def test_a_moves_town_is_stored_beside_its_place(store):
    from ingest.pipeline import extract

    rec = extract({"id": "town-1", "title": "", "lang": "en", "published": "2024-06-01",
                   "text": "Bitmain is moving its remaining servers from Texas to a site near Abu Dhabi."})
    store.upsert(record_to_batch(rec))
    rows = store.query("MATCH (m:Migration) RETURN m.origin AS o, m.destination AS d, m.destination_city AS c")
    assert rows == [{"o": "US-TX", "d": "AE-AZ", "c": "Abu Dhabi"}]
