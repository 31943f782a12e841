"""TRIGGERED links: place, time, cause."""
from kg.linking import link_events, link_record, may_trigger


def ban(i, j, date=None, start=0, si=0, **kw):
    return {"id": i, "type": "BAN", "jurisdiction": j, "date": date, "start": start, "end": start + 5,
            "sentence_index": si, "target": "mining", "status": "enacted", **kw}


def mig(i, o, d, date=None, start=0, si=0, cues=(), **kw):
    return {"id": i, "type": "MIGRATION", "origin": o, "destination": d, "date": date, "start": start,
            "end": start + 5, "sentence_index": si, "cues": [{"text": c} for c in cues], **kw}


def links(events, published="2021-06-22"):
    rec = {"article": {"published": published}, "events": events}
    return {(l["from"], l["to"]) for l in link_record(rec)}


def test_most_specific_ban_wins():
    assert links([ban("b1", "CN"), ban("b2", "CN-XJ"), mig("m", "CN-XJ", "CN-SC")]) == {("b2", "m")}


def test_never_backwards_in_time():
    assert may_trigger({"date": "2021-06"}, {"date": "2018"}) is not None
    assert links([ban("b", "CN", "2021-06"), mig("m", "CN", "KZ", "2018")]) == set()
    # an undated ban is recent news: a move years before the article is not its effect
    assert links([ban("b", "CN"), mig("m", None, "KZ", "2018")]) == set()


def test_other_cause_blocks_the_link():
    assert links([ban("b", "CN", "2017"), mig("m", "CN", "KZ", "2018", other_cause=True)]) == set()


def test_cue_in_the_same_sentence_links_a_containing_place():
    out = link_record({"article": {}, "events": [ban("b", "CN-SC", start=10), mig("m", None, "KZ", start=10, cues=["بعد أن"])]})
    assert [(l["from"], l["to"], l["confidence"]) for l in out] == [("b", "m", 0.9)]
    assert "بعد أن" in out[0]["reason"]


def test_far_away_ban_without_cue_is_not_linked():
    assert links([ban("b", "CN", si=0), mig("m", "CN", "US", si=20)]) == set()


def test_lag_in_days():
    [l] = link_record({"article": {}, "events": [ban("b", "CN-SC", "2021-06-18"), mig("m", "CN-SC", "US-TX", "2021-07-12")]})
    assert l["lag_days"] == 24


def test_across_articles():
    bans = [{"id": "B", "jurisdiction": "CN-SC", "date": "2021-06-18", "status": "enacted", "target": "mining", "article_id": "a1"}]
    migs = [{"id": "M1", "origin": "CN-SC", "destination": "US-TX", "date": "2021-07-12", "article_id": "a2"},
            {"id": "M2", "origin": "CN-SC", "destination": "KZ", "date": "2021-05-01", "article_id": "a2"},
            {"id": "M3", "origin": "CN-SC", "destination": "KZ", "date": "2023-05-01", "article_id": "a2"},
            {"id": "M4", "origin": "CN-SC", "destination": "KZ", "date": "2021-07-01", "article_id": "a1"}]
    out = link_events(bans, migs)
    assert [(l["from"], l["to"], l["scope"]) for l in out] == [("B", "M1", "corpus")]
    assert out[0]["lag_days"] == 24 and out[0]["confidence"] < 0.5


def test_a_dated_sequence_links_even_far_apart():
    # no cue and many sentences apart, but the dates tell the order: ban in 2021-06, move in 2021-09
    assert links([ban("b", "CN", "2021-06", si=0), mig("m", "CN", "KZ", "2021-09", si=12)]) == {("b", "m")}
    assert links([ban("b", "CN", "2021-06", si=0), mig("m", "CN", "KZ", "2023-09", si=12)]) == set()


def test_moves_with_no_origin_leave_the_only_banned_province():
    out = links([ban("b", "US-NY", "2022-11-22", si=0), mig("m", None, "US-PA", si=2)], published="2022-11-23")
    assert out == {("b", "m")}
