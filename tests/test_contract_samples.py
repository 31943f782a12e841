"""The samples through the real pipeline into both stores: every stored query
gives the same rows on LadybugDB and on a real Neo4j 5 server."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import ingest_paths
from kg.queries import bind_params, load_queries
from kg.stores.ladybug import LadybugStore
from kg.stores.neo4j import Neo4jStore
from test_contract_stores import SAMPLE_PARAMS, assert_same_rows

pytestmark = pytest.mark.neo4j

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
QUERIES = load_queries()


@pytest.fixture(scope="module")
def stores(tmp_path_factory, neo4j_server):
    lb = LadybugStore(tmp_path_factory.mktemp("samples") / "g.lbug")
    nj = Neo4jStore(neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password)
    nj.clear()
    summaries = [ingest_paths([str(SAMPLES)], store, progress=False) for store in (lb, nj)]
    a, b = (s.as_dict() for s in summaries)
    for k in ("stored", "new_nodes", "new_relationships", "bans", "migrations", "links"):
        assert a[k] == b[k], (k, a[k], b[k])
    assert a["stored"] == 6 and a["links"] > 0
    yield lb, nj
    lb.close()
    nj.close()


def _cases():
    for name, q in QUERIES.items():
        if not q.required:
            yield pytest.param(name, {}, id=f"{name}-defaults")
        for i, p in enumerate(SAMPLE_PARAMS.get(name, [])):
            yield pytest.param(name, p, id=f"{name}-{i}")


@pytest.mark.parametrize("name,params", list(_cases()))
def test_every_query_gives_the_same_rows_on_the_samples(stores, name, params):
    q = QUERIES[name]
    bound = bind_params(q, params)
    lb, nj = stores
    assert_same_rows(q.text, lb.query(q.text, bound), nj.query(q.text, bound))


def test_the_samples_fill_the_queries(stores):
    lb, _ = stores
    for name in ("bans", "migrations", "triggered", "flows", "timeline", "report", "entities"):
        assert lb.query(QUERIES[name].text, bind_params(QUERIES[name], {})), name
