"""Neo4jStore and push against a real Neo4j 5 server (scripts/neo4j-test-server; no mocks)."""
from __future__ import annotations

import socket

import pytest

from kg.errors import QueryError, StoreError
from kg.model import NODES, GraphBatch
from kg.push import push
from kg.stores import open_store
from kg.stores.neo4j import Neo4jStore, constraint_statements, safe_uri

pytestmark = pytest.mark.neo4j


def small_batch(tag: str = "") -> GraphBatch:
    """An article reporting a ban in Xinjiang that triggered a move to Kazakhstan."""
    b = GraphBatch()
    aid = f"art-1{tag}"
    b.add_node("Article", {"id": aid, "title": "عمال المناجم ينتقلون", "lang": "ar",
                           "published": "2021-06-22", "content_hash": "h1", "n_chars": 120})
    b.add_node("Entity", {"id": "CN-XJ", "type": "PROVINCE", "name": "Xinjiang",
                          "name_ar": "شينجيانغ", "country": "CN"})
    b.add_node("Entity", {"id": "CN", "type": "COUNTRY", "name": "China"})
    b.add_node("Entity", {"id": "KZ", "type": "COUNTRY", "name": "Kazakhstan"})
    b.add_node("Ban", {"id": f"ban:1{tag}", "jurisdiction": "CN-XJ", "date": "2021-06",
                       "target": "mining", "article_id": aid, "start": 0, "end": 40})
    b.add_node("Migration", {"id": f"mig:1{tag}", "origin": "CN-XJ", "destination": "KZ",
                             "amount": 320.0, "amount_max": 320.0, "unit": "machines",
                             "date": "2021-06", "status": "completed", "article_id": aid})
    prov = {"article_id": aid, "start": 0, "end": 40, "sentence": "أمرت السلطات بوقف التعدين"}
    b.add_rel("MENTIONS", "Article", aid, "Entity", "CN-XJ", {**prov, "text": "شينجيانغ",
                                                              "mention_start": 5, "mention_end": 13})
    b.add_rel("REPORTS", "Article", aid, "Ban", f"ban:1{tag}", prov)
    b.add_rel("REPORTS", "Article", aid, "Migration", f"mig:1{tag}", prov)
    b.add_rel("JURISDICTION", "Ban", f"ban:1{tag}", "Entity", "CN-XJ", prov)
    b.add_rel("ORIGIN", "Migration", f"mig:1{tag}", "Entity", "CN-XJ", prov)
    b.add_rel("DESTINATION", "Migration", f"mig:1{tag}", "Entity", "KZ", prov)
    b.add_rel("LOCATED_IN", "Entity", "CN-XJ", "Entity", "CN", {"source": "gazetteer"})
    b.add_rel("TRIGGERED", "Ban", f"ban:1{tag}", "Migration", f"mig:1{tag}",
              {**prov, "confidence": 0.9, "reason": "same province", "lag_days": 3})
    return b


def closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- schema

def test_schema_is_idempotent(neo4j_store):
    for row in neo4j_store.constraints():
        neo4j_store.query(f"DROP CONSTRAINT `{row['name']}` IF EXISTS")
    assert neo4j_store.constraints() == []
    neo4j_store.ensure_schema()
    first = neo4j_store.constraints()
    neo4j_store.ensure_schema()
    assert neo4j_store.constraints() == first
    mine = {(tuple(c["labelsOrTypes"]), tuple(c["properties"]), c["type"]) for c in first}
    assert mine == {((label,), ("id",), "UNIQUENESS") for label in NODES}
    assert len(constraint_statements()) == len(NODES)


def test_constraint_refuses_a_duplicate_id(neo4j_store):
    neo4j_store.query("CREATE (:Entity {id: 'KZ'})")
    with pytest.raises(QueryError, match="already exists"):
        neo4j_store.query("CREATE (:Entity {id: 'KZ'})")


# ---------------------------------------------------------------- upsert

def test_upsert_then_reupsert_creates_nothing(neo4j_store):
    first = neo4j_store.upsert(small_batch())
    assert first["nodes"] == 6 and first["relationships"] == 8
    assert first["labels"] == {"Article": 1, "Entity": 3, "Ban": 1, "Migration": 1}
    assert first["dropped_relationships"] == 0
    counts = neo4j_store.counts()
    again = neo4j_store.upsert(small_batch())
    assert again["nodes"] == 0 and again["relationships"] == 0
    assert neo4j_store.counts() == counts
    assert counts["Entity"] == 3 and counts["TRIGGERED"] == 1


def test_a_stored_value_is_kept_and_a_null_one_filled(neo4j_store):
    neo4j_store.upsert(small_batch())
    b = GraphBatch()
    b.add_node("Entity", {"id": "KZ", "type": "COUNTRY", "name": "Qazaqstan",
                          "name_ar": "كازاخستان"})
    link_id = small_batch().rels[("TRIGGERED", "Ban", "Migration")][0]["id"]
    b.add_rel("TRIGGERED", "Ban", "ban:1", "Migration", "mig:1",
              {"id": link_id, "article_id": "art-2", "confidence": 0.4, "cue": "after"})
    assert neo4j_store.upsert(b)["nodes"] == 0
    row = neo4j_store.query("MATCH (e:Entity {id: 'KZ'}) RETURN e.name AS name, "
                            "e.name_ar AS name_ar")[0]
    assert row == {"name": "Kazakhstan", "name_ar": "كازاخستان"}
    link = neo4j_store.query("MATCH ()-[t:TRIGGERED]->() RETURN t.article_id AS a, "
                             "t.confidence AS c, t.cue AS cue")
    assert link == [{"a": "art-1", "c": 0.9, "cue": "after"}]


def test_relationship_with_a_missing_endpoint_is_dropped_and_counted(neo4j_store):
    b = GraphBatch()
    b.add_node("Entity", {"id": "CN-SC", "type": "PROVINCE", "name": "Sichuan"})
    b.add_rel("LOCATED_IN", "Entity", "CN-SC", "Entity", "CN", {"source": "gazetteer"})
    stats = neo4j_store.upsert(b)
    assert stats["nodes"] == 1 and stats["relationships"] == 0
    assert stats["dropped_relationships"] == 1


def test_upsert_is_all_or_nothing(neo4j_store):
    # a constraint of the test's own makes the *second* statement of the batch fail
    neo4j_store.query("CREATE CONSTRAINT test_ban_sentence IF NOT EXISTS "
                      "FOR (b:Ban) REQUIRE b.sentence IS UNIQUE")
    try:
        b = GraphBatch()
        b.add_node("Entity", {"id": "CN-NM", "type": "PROVINCE", "name": "Inner Mongolia"})
        b.add_node("Ban", {"id": "ban:a", "sentence": "same sentence"})
        b.add_node("Ban", {"id": "ban:b", "sentence": "same sentence"})
        with pytest.raises(StoreError):
            neo4j_store.upsert(b)
        assert neo4j_store.query("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]
    finally:
        neo4j_store.query("DROP CONSTRAINT test_ban_sentence IF EXISTS")


def test_bad_value_is_refused_before_anything_is_written(neo4j_store):
    b = GraphBatch()
    b.add_node("Entity", {"id": "KZ", "type": "COUNTRY"})
    b.add_node("Migration", {"id": "mig:x", "amount": "many"})
    with pytest.raises(StoreError, match="Migration.amount"):
        neo4j_store.upsert(b)
    assert neo4j_store.query("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


# ---------------------------------------------------------------- reads

def test_query_returns_plain_python_values(neo4j_store):
    neo4j_store.upsert(small_batch())
    row = neo4j_store.query(
        "MATCH (e:Entity {id: $id}) RETURN e AS node, date('2021-06-21') AS d, "
        "datetime('2021-06-21T10:30:00Z') AS dt, duration({days: 3}) AS lag, "
        "[1, 2.5, 'x'] AS xs", {"id": "CN-XJ"})[0]
    assert row["node"] == {"id": "CN-XJ", "type": "PROVINCE", "name": "Xinjiang",
                           "name_ar": "شينجيانغ", "country": "CN",
                           "mentions": 1, "articles": 1}  # counts kept by the store
    assert row["d"] == "2021-06-21"
    assert row["dt"].startswith("2021-06-21T10:30:00")
    assert row["lag"] == "P3D"
    assert row["xs"] == [1, 2.5, "x"]


def test_query_errors_are_query_errors(neo4j_store):
    with pytest.raises(QueryError, match="Invalid input"):
        neo4j_store.query("MATCH (n RETURN n")
    with pytest.raises(QueryError, match="parameter"):
        neo4j_store.query("RETURN $missing AS x")


def test_has_article(neo4j_store):
    assert neo4j_store.has_article("art-1") is None
    neo4j_store.upsert(small_batch())
    assert neo4j_store.has_article("art-1") == "h1"
    from kg.ingest import stored_hashes  # many at once, as ingest looks them up
    assert stored_hashes(neo4j_store, ["art-1", "art-2"]) == {"art-1": "h1"}


# ---------------------------------------------------------------- connecting

def test_credentials_from_the_uri_and_from_the_environment(neo4j_server, monkeypatch):
    host = neo4j_server.uri.split("://", 1)[1]
    with Neo4jStore(f"bolt://{neo4j_server.user}:{neo4j_server.password}@{host}") as s:
        assert s.query("RETURN 1 AS one") == [{"one": 1}]
        assert neo4j_server.password not in repr(s) and neo4j_server.password not in s.uri
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    with open_store(neo4j_server.uri) as s:
        assert isinstance(s, Neo4jStore)
        assert s.query("RETURN 2 AS two") == [{"two": 2}]


def test_wrong_password_is_a_store_error_without_the_password(neo4j_server):
    secret = "Wr0ng-Pa55word-xyz"
    with pytest.raises(StoreError) as info:
        Neo4jStore(neo4j_server.uri, user=neo4j_server.user, password=secret)
    msg = str(info.value)
    assert "refused the credentials" in msg and neo4j_server.uri in msg
    assert secret not in msg
    host = neo4j_server.uri.split("://", 1)[1]
    with pytest.raises(StoreError) as info:
        Neo4jStore(f"neo4j://someone:{secret}@{host}")
    assert secret not in str(info.value) and "someone" not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_server_down_is_a_store_error(neo4j_server):
    port = closed_port()
    secret = "Top-S3cret-pw"
    with pytest.raises(StoreError) as info:
        Neo4jStore(f"bolt://neo4j:{secret}@127.0.0.1:{port}")
    msg = str(info.value)
    assert f"bolt://127.0.0.1:{port}" in msg and "is the server running" in msg
    assert secret not in msg and "neo4j:" not in msg


def test_unknown_database_is_a_store_error(neo4j_server):
    with pytest.raises(StoreError, match="no database 'nosuchdb'") as info:
        Neo4jStore(neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password,
                   database="nosuchdb")
    assert neo4j_server.password not in str(info.value)


def test_bad_uris_are_store_errors():
    for uri in ("http://127.0.0.1:7474", "bolt://", "neo4j://user:pw@host:notaport"):
        with pytest.raises(StoreError) as info:
            Neo4jStore(uri)
        assert "pw" not in str(info.value)


def test_safe_uri_drops_credentials():
    assert safe_uri("neo4j+s://u:p%40ss@db.example.org:7687/x") == "neo4j+s://db.example.org:7687"


def test_closed_store_refuses_work(neo4j_server):
    s = Neo4jStore(neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password)
    s.close()
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.query("RETURN 1 AS x")


# ---------------------------------------------------------------- push

def test_push_copies_everything_and_twice_creates_nothing(ladybug_store, neo4j_store):
    ladybug_store.upsert(small_batch())
    ladybug_store.upsert(small_batch("b"))
    want = ladybug_store.counts()
    first = push(ladybug_store, neo4j_store, batch_size=2)
    assert first["nodes"] == sum(want[label] for label in NODES) == first["nodes_read"]
    assert first["relationships"] == first["relationships_read"] == sum(
        v for k, v in want.items() if k not in NODES)
    assert neo4j_store.counts() == want
    second = push(ladybug_store, neo4j_store, batch_size=2)
    assert second["nodes"] == 0 and second["relationships"] == 0
    assert second["nodes_read"] == first["nodes_read"]
    assert neo4j_store.counts() == want
    q = ("MATCH (b:Ban)-[t:TRIGGERED]->(m:Migration) RETURN b.id AS ban, m.id AS mig, "
         "t.confidence AS c, t.lag_days AS lag, m.amount AS amount ORDER BY ban")
    assert neo4j_store.query(q) == ladybug_store.query(q)
    a = "MATCH (a:Article) RETURN a.title AS t, a.n_chars AS n ORDER BY t"
    assert neo4j_store.query(a) == ladybug_store.query(a)


def test_push_back_from_neo4j_to_ladybug(neo4j_store, ladybug_store):
    neo4j_store.upsert(small_batch())
    stats = push(neo4j_store, ladybug_store)
    assert stats["nodes"] == 6 and stats["relationships"] == 8
    assert ladybug_store.counts() == neo4j_store.counts()
