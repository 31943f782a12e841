"""Event resolution: the same ban or move reported by several articles is one node,
on both stores (kg.resolve, called by kg.ingest before each group is written)."""
from __future__ import annotations

import pytest

from kg.ingest import ingest_articles
from kg.model import record_to_batch
from kg.resolve import _compatible, _dates_fit, _Kin, resolve_events

# Texts written for these tests: two reports of one shipment, dated differently, the
# first naming the ban's authority and the second not.
FIRST = ("BIT Mining ships machines to Kazakhstan\n\nBEIJING, June 22, 2021 - Authorities in Sichuan "
         "ordered cryptocurrency mining projects to shut down on June 18. BIT Mining said on Monday "
         "it had shipped 320 mining machines to Kazakhstan after the order.")
SECOND = ("Miners leave Sichuan\n\nSHANGHAI, June 25, 2021 - After Sichuan's order to halt crypto "
          "mining on June 18, BIT Mining moved 320 machines to Kazakhstan, the company said this week.")
OTHER = ("BIT Mining adds machines in Kazakhstan\n\nSHANGHAI, June 30, 2021 - After Sichuan's order "
         "to halt crypto mining on June 18, BIT Mining moved another 500 machines to Kazakhstan.")


def art(aid: str, text: str, published: str = "2021-06-22") -> dict:
    return {"id": aid, "title": text.split("\n")[0], "text": text, "published": published, "lang": "en"}


def flows(store) -> list[tuple]:
    return [(r["origin"], r["destination"], r["migrations"], r["amount"])
            for r in store.query("MATCH (m:Migration)-[:ACTOR]->(:Entity {id: 'BIT Mining'}) "
                                 "WITH DISTINCT m RETURN m.origin AS origin, m.destination AS destination, "
                                 "count(m) AS migrations, sum(m.amount) AS amount")]


def reports(store, label: str) -> list[int]:
    return sorted(r["n"] for r in store.query(f"MATCH (:Article)-[r:REPORTS]->(e:{label}) "
                                              "WITH e, count(DISTINCT r.article_id) AS n RETURN n"))


def check_one_node_per_event(store) -> None:
    s = ingest_articles([art("first", FIRST), art("second", SECOND)], store, progress=False)
    assert s.stored == 2
    assert flows(store) == [("CN-SC", "KZ", 1, 320.0)]  # not two moves of 640 machines
    assert reports(store, "Ban") == [2]  # one Sichuan ban, told by both articles
    mig = store.query("MATCH (m:Migration)-[:ACTOR]->(:Entity {id: 'BIT Mining'}) "
                      "WITH DISTINCT m RETURN m.date AS date, m.article_id AS article")
    assert mig == [{"date": "2021-06-21", "article": "first"}]  # the first report's values
    ban = store.query("MATCH (b:Ban) RETURN b.authority AS authority")
    assert ban == [{"authority": "authorities of Sichuan"}]
    # one TRIGGERED link between the two, however many articles tell it
    assert store.query("MATCH (:Ban)-[t:TRIGGERED]->(:Migration) RETURN count(t) AS n")[0]["n"] == 2
    # a report in a later run, with another quantity: another move
    ingest_articles([art("other", OTHER, "2021-06-30")], store, progress=False)
    assert sorted(flows(store)) == [("CN-SC", "KZ", 2, 820.0)]
    assert reports(store, "Ban") == [3]
    # the same articles again change nothing
    before = store.query("MATCH (n) RETURN count(n) AS n")
    ingest_articles([art("second", SECOND), art("first", FIRST)], store, progress=False)
    assert store.query("MATCH (n) RETURN count(n) AS n") == before


def test_one_node_per_event_embedded(ladybug_store):
    check_one_node_per_event(ladybug_store)


@pytest.mark.neo4j
def test_one_node_per_event_neo4j(neo4j_store):
    check_one_node_per_event(neo4j_store)


def test_reports_in_separate_runs_meet_on_the_stored_node(ladybug_store):
    ingest_articles([art("second", SECOND)], ladybug_store, progress=False)
    ingest_articles([art("first", FIRST)], ladybug_store, progress=False)
    assert flows(ladybug_store) == [("CN-SC", "KZ", 1, 320.0)]
    # the first stored (undated) report keeps its empty date filled by the later one
    assert ladybug_store.query("MATCH (m:Migration)-[:ACTOR]->(:Entity {id: 'BIT Mining'}) "
                               "WITH DISTINCT m RETURN m.date AS d") == [{"d": "2021-06-21"}]


def test_an_ambiguous_report_stays_a_node_of_its_own(ladybug_store):
    june4 = ("Sichuan pauses mining\n\nCHENGDU, June 5, 2021 - Sichuan ordered crypto mining farms "
             "to stop on June 4.")
    june18 = ("Sichuan orders mining halt\n\nCHENGDU, June 19, 2021 - Sichuan ordered crypto mining "
              "projects to shut down on June 18.")
    june = ("Sichuan miners count the cost\n\nCHENGDU, July 2, 2021 - Sichuan ordered crypto mining "
            "to stop in June 2021.")
    ingest_articles([art("a", june4, "2021-06-05"), art("b", june18, "2021-06-19")], ladybug_store,
                    progress=False)
    dates = sorted(r["d"] for r in ladybug_store.query("MATCH (b:Ban) RETURN b.date AS d"))
    assert dates == ["2021-06-04", "2021-06-18"]
    ingest_articles([art("c", june, "2021-07-02")], ladybug_store, progress=False)
    dates = sorted(r["d"] for r in ladybug_store.query("MATCH (b:Ban) RETURN b.date AS d"))
    assert dates == ["2021-06", "2021-06-04", "2021-06-18"]  # June 2021 fits both: not merged


def _record(aid: str, **ban) -> dict:
    text = "Mining was ordered to stop."
    return {"article": {"id": aid, "lang": "en", "title": "t", "text": text, "content_hash": aid},
            "entities": [], "links": [],
            "events": [{"id": "v1", "type": "BAN", "sentence": text, "start": 0, "end": len(text),
                        "target": "mining", "status": "enacted", **ban}]}


def test_bans_of_no_known_place_are_not_merged(ladybug_store):
    batch = record_to_batch(_record("a", jurisdiction=None, date="2021-06"))
    batch.extend(record_to_batch(_record("b", jurisdiction=None, date=None)))
    batch.extend(record_to_batch(_record("c", jurisdiction="CN", date="2021-06")))
    ids = {r["id"] for r in resolve_events(ladybug_store, batch.dedupe()).nodes["Ban"]}
    assert len(ids) == 3  # nothing says two bans of unknown places are one
    batch = record_to_batch(_record("a", jurisdiction="KZ", date="2021-06"))
    batch.extend(record_to_batch(_record("b", jurisdiction="KZ", date=None)))
    ids = {r["id"] for r in resolve_events(ladybug_store, batch.dedupe()).nodes["Ban"]}
    assert len(ids) == 1  # the same with a place: one ban


def test_a_date_filled_in_a_batch_keeps_a_contradicting_report_out_as_the_store_would(ladybug_store):
    """An undated ban, a report dating it, then one of another date: one batch gives the
    nodes that three groups give (the second report fills the date, so the third does not
    fit)."""
    recs = [_record("a", jurisdiction="RU", date=None), _record("b", jurisdiction="RU", date="2022-10-18"),
            _record("c", jurisdiction="RU", date="2021-01")]
    batch = record_to_batch(recs[0])
    for r in recs[1:]:
        batch.extend(record_to_batch(r))
    rows = resolve_events(ladybug_store, batch.dedupe()).dedupe().nodes["Ban"]
    assert sorted(r["date"] for r in rows) == ["2021-01", "2022-10-18"]
    for r in recs:
        ladybug_store.upsert(resolve_events(ladybug_store, record_to_batch(r)))
    assert sorted(r["d"] for r in ladybug_store.query("MATCH (b:Ban) RETURN b.date AS d")) == ["2021-01", "2022-10-18"]


def test_what_fits():
    assert _dates_fit("2021-06", "2021-06-18") and _dates_fit(None, "2021") and _dates_fit("2021", "")
    assert not _dates_fit("2021-06", "2021-07") and not _dates_fit("2021-06-18", "2021-06-19")
    ban = {"place": "CN-SC", "target": "mining", "status": "enacted", "date": "2021-06", "authority": None}
    assert _compatible("Ban", ban, dict(ban, date="2021-06-18", authority="authorities:CN-SC"))
    assert not _compatible("Ban", ban, dict(ban, status="planned"))
    assert not _compatible("Ban", ban, dict(ban, place="CN"))  # a country's ban is another ban
    mig = {"actor": "BIT Mining", "origin": "CN-SC", "destination": "KZ", "status": "completed",
           "industry": None, "date": None, "amount": 320.0, "amount_max": 320.0, "unit": "machines"}
    assert _compatible("Migration", mig, dict(mig, date="2021-06-21"))
    assert _compatible("Migration", mig, dict(mig, amount=None, amount_max=None, unit=None))
    assert not _compatible("Migration", mig, dict(mig, amount=500.0, amount_max=500.0))
    assert not _compatible("Migration", mig, dict(mig, origin="CN"))
    assert not _compatible("Migration", mig, dict(mig, status="planned"))


def test_the_date_index_finds_what_the_rule_fits():
    """_Kin.dated gives the events :func:`_dates_fit` accepts, each once, whatever
    the mix of days, months, years and missing dates."""
    dates = [None, "", "2021", "2021-06", "2021-06-18", "2021-06-19", "2021-07", "2022", "2021-06-1"]
    kin = _Kin()
    events = [{"id": f"e{i}", "date": d} for i, d in enumerate(dates * 2)]
    for ev in events:
        kin.add(ev)
    for date in dates + ["2021-06-18T00", "1999"]:
        got = sorted(e["id"] for e in kin.dated(date))
        assert got == sorted(e["id"] for e in events if _dates_fit(e["date"], date)), date
