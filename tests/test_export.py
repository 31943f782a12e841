"""Exports and pictures: graph building, filters, file formats, escaping."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from kg.export import ExportError, export_graph, export_store
from kg.export.flows import flow_map, place_point, world_shapes
from kg.export.html import render_html, script_json
from kg.export.timeline import timeline_model
from kg.graph import to_networkx
from kg.model import record_to_batch
from kg.stores.ladybug import LadybugStore

DEMO = Path(__file__).resolve().parents[1] / "kg" / "export" / "assets" / "demo-records.json"

XSS_TITLE = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
XSS_SET = "<script>window.__xss=1</script>"
XSS_IMG_SET = '"><img src=x onerror="window.__xss=1">'


def injection_record() -> dict:
    """An article whose every text field tries to inject markup."""
    sentence = f"The authorities of Qinghai {XSS_IMG} ordered miners to stop {XSS_SET}."
    sentence2 = f"A miner moved {XSS_IMG_SET} rigs to Kazakhstan."
    return {
        "article": {"id": "demo-xss", "lang": "en", "published": "2021-07-01", "title": XSS_TITLE,
                    "source": f"demo/xss/{XSS_IMG}.txt", "url": "javascript:window.__xss=1",
                    "text": sentence + " " + sentence2},
        "entities": [
            {"id": "e1", "type": "PROVINCE", "text": "Qinghai", "start": 18, "end": 25, "canonical": "CN-QH",
             "name": "Qinghai", "name_en": "Qinghai", "name_ar": "تشينغهاي", "country": "CN",
             "sentence": sentence},
            {"id": "e2", "type": "COMPANY", "text": XSS_IMG_SET, "start": 40, "end": 70,
             "canonical": f"company:{XSS_TITLE}", "name": XSS_IMG_SET, "sentence": sentence2},
        ],
        "events": [
            {"id": "v1", "type": "BAN", "sentence": sentence, "start": 0, "end": len(sentence),
             "jurisdiction": "CN-QH", "date": "2021-06-28", "target": XSS_SET},
            {"id": "v2", "type": "MIGRATION", "sentence": sentence2, "start": len(sentence) + 1,
             "end": len(sentence) + 1 + len(sentence2), "actor": "e2", "origin": None,
             "destination": "KZ", "date": "2021-06-30", "status": "completed"},
            {"id": "v3", "type": "MIGRATION", "sentence": sentence2, "start": 0, "end": 5, "actor": "e2",
             "origin": None, "destination": "US", "date": None, "status": "planned"},
        ],
        "links": [{"type": "TRIGGERED", "from": "v1", "to": "v2", "confidence": 0.5,
                   "reason": f"cue {XSS_IMG_SET}", "lag_days": 2}],
    }


def build_store(path: Path) -> LadybugStore:
    """A store holding the two demo records and the injection record."""
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    places = dict(demo["places"])
    places["CN-QH"] = {"name": "Qinghai", "name_en": "Qinghai", "name_ar": "تشينغهاي", "type": "PROVINCE",
                       "parent": "CN", "country": "CN"}
    store = LadybugStore(str(path))
    store.ensure_schema()
    for rec in [*demo["records"], injection_record()]:
        store.upsert(record_to_batch(rec, places))
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = build_store(tmp_path_factory.mktemp("export") / "kg.lbug")
    yield s
    s.close()


@pytest.fixture(scope="module")
def G(store):
    return to_networkx(store)


def _count(store, label):
    return store.query(f"MATCH (n:{label}) RETURN count(n) AS c", {})[0]["c"]


def _events(G, label=None):
    return sorted(d["id"] for _, d in G.nodes(data=True)
                  if d["label"] in ("Ban", "Migration") and (label is None or d["label"] == label))


# ---------------------------------------------------------------- graph
def test_graph_has_every_node_and_relationship(store, G):
    labels = Counter(d["label"] for _, d in G.nodes(data=True))
    for label in ("Article", "Entity", "Ban", "Migration"):
        assert labels[label] == _count(store, label), label
    n_rels = store.query("MATCH ()-[r]->() RETURN count(r) AS c", {})[0]["c"]
    assert G.number_of_edges() == n_rels
    assert labels["Ban"] == 4 and labels["Migration"] == 6 and labels["Article"] == 3


def test_node_and_edge_attributes(G):
    xj = G.nodes["CN-XJ"]
    assert (xj["label"], xj["type"], xj["name_ar"], xj["name_en"]) == ("Entity", "PROVINCE", "شينجيانغ", "Xinjiang")
    ban = next(d for _, d in G.nodes(data=True) if d["label"] == "Ban" and d.get("jurisdiction") == "CN-NM")
    assert ban["date"] == "2021-05-25" and ban["sentence"].startswith("Authorities in Inner Mongolia")
    assert ban["article_title"] == "Miners look abroad after Inner Mongolia shutdown"
    trig = [d for *_, d in G.edges(data=True) if d["type"] == "TRIGGERED"]
    assert len(trig) == 4
    lags = sorted(d["lag_days"] for d in trig if "lag_days" in d)
    assert lags == [2, 9, 37]
    assert all(d.get("article_id") and d.get("reason") and d.get("confidence") for d in trig)


def test_filter_country(store):
    kz = to_networkx(store, country="KZ")
    assert [d["destination"] for _, d in kz.nodes(data=True) if d["label"] == "Migration"] == ["KZ", "KZ"]
    assert not _events(kz, "Ban")
    assert "KZ" in kz and "Li Wei" in kz and "CN-XJ" not in kz
    us = to_networkx(store, country="US")
    assert sorted(d.get("destination") for _, d in us.nodes(data=True) if d["label"] == "Migration") == ["US", "US-TX"]
    cn = to_networkx(store, country="CN")
    assert len(_events(cn, "Ban")) == 4  # XJ, SC, NM, QH: all inside CN
    sc = to_networkx(store, country="CN-SC")
    assert {d.get("jurisdiction") or d.get("origin") for _, d in sc.nodes(data=True)
            if d["label"] in ("Ban", "Migration")} <= {"CN-SC", "CN-XJ"}
    # every kept edge joins kept nodes, every kept entity touches a kept event
    for H in (kz, us, cn, sc):
        for n, d in H.nodes(data=True):
            if d["label"] == "Entity":
                assert any(H.nodes[m]["label"] in ("Ban", "Migration")
                           for m in nx.all_neighbors(H, n)), n


def test_filter_dates_and_types(store, G):
    june = to_networkx(store, since="2021-06-01", until="2021-06-30")
    dates = sorted(d["date"] for _, d in june.nodes(data=True) if d["label"] in ("Ban", "Migration"))
    assert dates == ["2021-06-10", "2021-06-18", "2021-06-28", "2021-06-30"]
    assert all(d["date"] for _, d in june.nodes(data=True) if d["label"] in ("Ban", "Migration"))
    bans = to_networkx(store, types=["BAN"])
    assert _events(bans) == _events(G, "Ban")
    provinces = to_networkx(store, types=["province", "MIGRATION"])
    assert {d["type"] for _, d in provinces.nodes(data=True) if d["label"] == "Entity"} == {"PROVINCE"}
    assert _events(provinces) == _events(G, "Migration")
    assert provinces.graph["filters"]["types"] == ["MIGRATION", "PROVINCE"]


# ---------------------------------------------------------------- file formats
def test_graphml_roundtrip(G, tmp_path):
    path = export_graph(G, "graphml", tmp_path / "g.graphml")
    H = nx.read_graphml(path, force_multigraph=True)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert H.nodes["CN-SC"]["name_ar"] == "سيشوان"
    assert json.loads(H.graph["filters"])["country"] is None
    assert Counter(d["type"] for *_, d in H.edges(data=True)) == Counter(d["type"] for *_, d in G.edges(data=True))


def test_gexf_roundtrip(G, tmp_path):
    path = export_graph(G, "gexf", tmp_path / "g.gexf")
    H = nx.read_gexf(path)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert H.nodes["CN-XJ"]["label"] == "Xinjiang" and H.nodes["CN-XJ"]["kind"] == "Entity"
    assert sum(d["rel_type"] == "TRIGGERED" for *_, d in H.edges(data=True)) == 4


def test_json_roundtrip(G, tmp_path):
    path = export_graph(G, "json", tmp_path / "g.json")
    H = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert H.is_multigraph() and H.is_directed()


def test_export_store_and_errors(store, tmp_path):
    out = export_store(store, "graphml", tmp_path / "sub" / "kz.graphml", country="KZ")
    assert nx.read_graphml(out).number_of_nodes() == to_networkx(store, country="KZ").number_of_nodes()
    with pytest.raises(ExportError, match="unknown export format"):
        export_store(store, "pdf", tmp_path / "x.pdf")
    with pytest.raises(ExportError, match=r"\.html, \.png or \.svg"):
        export_store(store, "flows", tmp_path / "x.txt")


# ---------------------------------------------------------------- HTML pages: escaping and self-containment
def _data_block(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


@pytest.mark.parametrize("fmt", ["html", "flows", "timeline"])
def test_pages_escape_and_load_nothing(G, tmp_path, fmt):
    page = export_graph(G, fmt, tmp_path / f"{fmt}.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    assert not re.search(r"[<>&\u2028\u2029]", block)
    markup = page.replace(block, "")
    for bad in ("<script>alert", "<script>window", "<img", 'href="javascript:'):
        assert bad not in markup, bad
    assert not re.search(r"<[^>]*\sonerror\s*=", markup)  # text may say "onerror", no tag may carry it
    assert len(re.findall(r"<script\b", page)) == 2
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?(?:https?:|//)""", page)
    assert "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'" in page
    data = json.dumps(_data_block(page), ensure_ascii=False)
    assert json.dumps(XSS_IMG_SET, ensure_ascii=False)[1:-1] in data  # the text is kept, only escaped


def test_explorer_data_keeps_text_and_evidence(G):
    data = _data_block(render_html(G))
    assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()
    art = data["articles"]["demo-xss"]
    assert art["title"] == XSS_TITLE and art["url"] == "javascript:window.__xss=1"
    mig = next(n for n in data["nodes"] if n["type"] == "MIGRATION" and n["attrs"].get("origin") == "CN-XJ")
    assert any(e["sentence"].startswith("نقل المعدّن") and e["article"] == "demo-ar-1" for e in mig["evidence"])
    assert "CN" in mig["countries"] and "CN-SC" in mig["countries"]


def test_script_json_escapes():
    s = script_json({"a": "</script><!-- & \u2028\u2029"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s and "\u2029" not in s
    assert json.loads(s) == {"a": "</script><!-- & \u2028\u2029"}


# ---------------------------------------------------------------- flows and timeline
def test_world_shapes_and_places(G):
    shapes = world_shapes()
    assert {"CN", "KZ", "US", "CA"} <= set(shapes) and len(shapes) > 150
    lat, lon = place_point(G, "KZ")
    assert 40 < lat < 55 and 50 < lon < 85
    assert place_point(G, "CN-SC") == (30.6, 102.7)
    assert place_point(None, "CN-ZZ") == place_point(None, "CN")  # unknown province: parent country
    assert place_point(None, "nowhere") is None


def test_flow_map(G, tmp_path):
    fm = flow_map(G)
    migrations = _events(G, "Migration")
    assert len(fm.flows) == len(migrations)
    # the injection migrations name no origin: one takes its triggering ban's, the other cannot be drawn
    assert len(fm.drawn) == 5 and len(fm.unplaced) == 1
    inferred = next(f for f in fm.flows if f.inferred)
    assert (inferred.origin, inferred.destination) == ("CN-QH", "KZ")
    assert fm.unplaced[0].destination == "US" and fm.unplaced[0].origin is None
    tx = next(f for f in fm.flows if f.destination == "US-TX")
    small = next(f for f in fm.flows if f.destination == "CA")
    assert tx.width > small.width and tx.color != small.color and tx.bans
    page = export_graph(G, "flows", tmp_path / "f.html").read_text(encoding="utf-8")
    assert page.count('<g class="flow"') == 5
    for ext in ("png", "svg"):
        p = export_graph(G, "flows", tmp_path / f"f.{ext}")
        assert p.stat().st_size > 10_000


def test_timeline(G, tmp_path):
    tl = timeline_model(G)
    assert len(tl.marks) == len(_events(G))
    assert {m.id for m in tl.marks if m.lane == "UNDATED"} == {
        d["id"] for _, d in G.nodes(data=True) if d["label"] == "Migration" and not d.get("date")}
    assert sorted(ln.lag for ln in tl.links) == ["2 d", "37 d", "9 d", "?"]
    page = export_graph(G, "timeline", tmp_path / "t.html").read_text(encoding="utf-8")
    assert page.count('<g class="mark"') == len(tl.marks) and page.count('<g class="link"') == 4
    for ext in ("png", "svg"):
        assert export_graph(G, "timeline", tmp_path / f"t.{ext}").stat().st_size > 5_000


def test_empty_graph_pictures(tmp_path):
    G = nx.MultiDiGraph()
    for fmt in ("html", "flows", "timeline"):
        assert export_graph(G, fmt, tmp_path / f"{fmt}.html").stat().st_size > 500
    assert export_graph(G, "flows", tmp_path / "e.png").exists()
