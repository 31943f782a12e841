"""The samples produce what samples/samples.expected.json says (bans, flows, links, non-links)."""
import json
from pathlib import Path

import pytest

from ingest.pipeline import extract
from ingest.readers import Article, read_paths
from kg.linking import link_record

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads((ROOT / "samples" / "samples.expected.json").read_text(encoding="utf-8"))
EXPECTED.pop("_about")


@pytest.fixture(scope="module")
def records():
    out = {}
    for item in read_paths([str(ROOT / "samples")]):
        assert isinstance(item, Article), f"sample failed to read: {item}"
        rec = extract(item)
        link_record(rec)
        out[rec["article"]["id"]] = rec
    return out


def test_every_sample_has_expectations(records):
    assert set(records) == set(EXPECTED)


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_bans(records, aid):
    got = {e["jurisdiction"] for e in records[aid]["events"] if e["type"] == "BAN"}
    assert got == set(EXPECTED[aid]["bans"])


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_flows(records, aid):
    got = {(e["origin"], e["destination"]) for e in records[aid]["events"] if e["type"] == "MIGRATION"}
    for origin, dest in EXPECTED[aid]["flows"]:
        assert any(d == dest and (origin is None or o == origin) for o, d in got), (origin, dest, got)


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_links(records, aid):
    rec = records[aid]
    ev = {e["id"]: e for e in rec["events"]}
    got = {(ev[l["from"]]["jurisdiction"], ev[l["to"]]["destination"]) for l in rec["links"]}
    assert got == {tuple(x) for x in EXPECTED[aid]["links"]}
    for link in rec["links"]:
        assert 0 < link["confidence"] <= 1 and link["reason"]


@pytest.mark.parametrize("aid", sorted(EXPECTED))
def test_never_linked(records, aid):
    rec = records[aid]
    ents = {e["id"]: e for e in rec["entities"]}
    ev = {e["id"]: e for e in rec["events"]}
    for actor, dest, date in EXPECTED[aid]["not_linked"]:
        moves = [m for m in rec["events"] if m["type"] == "MIGRATION" and m["destination"] == dest
                 and (m.get("date") or "").startswith(date)]
        assert moves, f"the move of {actor} to {dest} in {date} should be found"
        for m in moves:
            who = (ents.get(m.get("actor") or "", {}).get("text") or m.get("actor_text") or "")
            assert actor in who
            assert not any(l["to"] == m["id"] for l in rec["links"]), f"{actor} → {dest} must not be linked"
