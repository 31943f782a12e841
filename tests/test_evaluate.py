"""Scoring: the project's own scorer against hand-made cases and against the
reference ``score.py`` of the shared evaluation (same numbers required)."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.evaluate import SCORES, fold, load_gold, predict, score, sentence_at, texts_match
from kg.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
needs_shared = pytest.mark.skipif(not (SHARED_EVAL / "score.py").exists() or not (SHARED_EVAL / "dev").is_dir(),
                                  reason=f"the shared evaluation is not at {SHARED_EVAL}")

# A small gold set of our own (text written for this test).
TEXT = ("Sichuan orders miners to stop\n"
        "The authorities of Sichuan ordered all bitcoin mines to halt on Friday. "
        "After the order, BitRiver moved 300 machines from China to Kazakhstan. "
        "Ali Wong had moved his rigs to Kazakhstan in 2018, long before any ban.\n")
GOLD = {
    "id": "t-001", "lang": "en", "published": "2021-06-20",
    "entities": [
        {"type": "PROVINCE", "canonical": "CN-SC", "aliases": ["Sichuan"]},
        {"type": "REGULATOR", "canonical": "authorities:CN-SC", "aliases": ["The authorities of Sichuan"]},
        {"type": "COMPANY", "canonical": "BitRiver", "aliases": ["BitRiver"]},
        {"type": "COUNTRY", "canonical": "CN", "aliases": ["China"]},
        {"type": "COUNTRY", "canonical": "KZ", "aliases": ["Kazakhstan"]},
        {"type": "PERSON", "canonical": "Ali Wong", "aliases": ["Ali Wong"]},
        {"type": "DATE", "value": "2021-06-18", "aliases": ["Friday"]},
        {"type": "DATE", "value": "2018", "aliases": ["2018"], "optional": True},
        {"type": "CAPACITY", "value": {"amount": 300, "unit": "machines"}, "aliases": ["300 machines"]},
    ],
    "bans": [{"jurisdiction": "CN-SC", "authority": ["The authorities of Sichuan"], "date": "2021-06-18"}],
    "migrations": [
        {"actor": ["BitRiver"], "origin": "CN", "destination": "KZ", "status": "completed"},
        {"actor": ["Ali Wong"], "origin": None, "destination": "KZ", "status": "completed",
         "date": "2018", "optional": True},
    ],
    "links": [{"ban": "CN-SC", "origin": "CN", "destination": "KZ", "actor": ["BitRiver"]}],
    "not_links": [{"actor": ["Ali Wong"], "destination": "KZ", "why": "moved in 2018"}],
}


def _ent(eid, etype, surface, **kw):
    start = TEXT.index(surface)
    return {"id": eid, "type": etype, "text": surface, "start": start, "end": start + len(surface), **kw}


def good_record():
    return {
        "article": {"id": "t-001"},
        "entities": [
            _ent("e1", "PROVINCE", "Sichuan", canonical="CN-SC"),
            _ent("e2", "REGULATOR", "authorities of Sichuan", canonical="authorities:CN-SC"),
            _ent("e3", "COMPANY", "BitRiver", canonical="BitRiver"),
            _ent("e4", "COUNTRY", "China", canonical="CN"),
            _ent("e5", "COUNTRY", "Kazakhstan", canonical="KZ"),
            _ent("e6", "PERSON", "Ali Wong"),
            _ent("e7", "DATE", "Friday", value="2021-06-18"),
            _ent("e8", "CAPACITY", "300 machines", value={"amount": 300, "unit": "machines"}),
        ],
        "events": [
            {"id": "v1", "type": "BAN", "jurisdiction": "CN-SC", "date": "2021-06-18"},
            {"id": "v2", "type": "MIGRATION", "actor": "e3", "origin": "CN", "destination": "KZ"},
        ],
        "links": [{"type": "TRIGGERED", "from": "v1", "to": "v2"}],
    }


@pytest.fixture
def gold_dir(tmp_path):
    d = tmp_path / "gold"
    d.mkdir()
    (d / "t-001.txt").write_text(TEXT, encoding="utf-8")
    (d / "t-001.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return d


def test_fold_and_texts_match():
    assert fold("وبكين") == "بكين"
    assert fold("الصّين") == fold("الصين")
    assert fold("إدارة") == fold("ادارة")
    assert fold("٣٢٠ آلة") == "320 اله"
    assert texts_match("authorities of Sichuan", "The authorities of Sichuan")
    assert not texts_match("Sich", "Sichuan")  # whole words only
    assert not texts_match("ab", "ab cd")  # too short to be contained
    assert texts_match("ab", "AB")


def test_sentence_at():
    s = sentence_at(TEXT, TEXT.index("BitRiver"), TEXT.index("BitRiver") + 8)
    assert s == "After the order, BitRiver moved 300 machines from China to Kazakhstan."
    assert sentence_at(TEXT, None) is None and sentence_at("", 0) is None


def test_perfect_record(gold_dir):
    res = score(load_gold(gold_dir), [good_record()])
    for name in SCORES:
        if name != "not_link_violations":
            assert res.summary[name]["f1"] == 1.0, name
    assert res.summary["entity"]["tp"] == 8 and res.summary["not_link_violations"]["tp"] == 0
    assert res.errors == {}


def test_errors_are_counted_and_explained(gold_dir):
    rec = good_record()
    rec["entities"] = [e for e in rec["entities"] if e["id"] != "e3"]          # miss the company
    rec["entities"].append(_ent("e9", "CITY", "bitcoin"))                    # a false entity
    rec["entities"].append(_ent("e10", "DATE", "2018", value="2018"))         # optional: neutral
    rec["events"][0]["jurisdiction"] = "CN-XJ"                               # wrong ban place
    rec["events"].append({"id": "v3", "type": "MIGRATION", "actor": "e6", "origin": None,
                          "destination": "KZ", "date": "2018"})
    rec["links"].append({"type": "TRIGGERED", "from": "v1", "to": "v3"})     # a not_link
    res = score(load_gold(gold_dir), [rec])
    s = res.summary
    assert (s["entity"]["tp"], s["entity"]["fp"], s["entity"]["fn"]) == (7, 1, 1)
    assert res.by_type["COMPANY"]["fn"] == 1 and res.by_type["CITY"]["fp"] == 1
    assert (s["ban_jurisdiction"]["tp"], s["ban_jurisdiction"]["fp"], s["ban_jurisdiction"]["fn"]) == (0, 1, 1)
    # v2's actor e3 is gone, so its id "e3" stands for the actor: a false pair; Ali Wong is optional
    assert (s["migration_actor"]["tp"], s["migration_actor"]["fp"], s["migration_actor"]["fn"]) == (0, 1, 1)
    assert s["not_link_violations"]["tp"] == 1
    assert (s["link"]["tp"], s["link"]["fp"], s["link"]["fn"]) == (0, 2, 1)  # both links name CN-XJ
    errs = res.errors["t-001"]
    missed = {(e["kind"], e["what"]): e["sentence"] for e in errs["misses"]}
    assert missed[("entity", "COMPANY BitRiver")] == \
        "After the order, BitRiver moved 300 machines from China to Kazakhstan."
    assert missed[("ban", "ban in CN-SC")].startswith("The authorities of Sichuan ordered")
    alarms = {(e["kind"], e["what"]): e["sentence"] for e in errs["false_alarms"]}
    assert alarms[("entity", "CITY bitcoin")].startswith("The authorities of Sichuan ordered all bitcoin")
    assert any(k == "not_link" for k, _ in alarms)


def test_missing_prediction_counts_as_empty(gold_dir):
    res = score(load_gold(gold_dir), [])
    assert res.missing == ["t-001"]
    assert res.summary["entity"]["fn"] == 8 and res.summary["entity"]["tp"] == 0


def test_load_gold_errors(tmp_path):
    with pytest.raises(InputError, match="no \\*.gold.json"):
        load_gold(tmp_path)
    (tmp_path / "x.gold.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="x.txt is missing"):
        load_gold(tmp_path)


def test_cli_eval_text_and_json(gold_dir, tmp_path):
    rec = good_record()
    rec["entities"].pop(2)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["eval", str(gold_dir), str(pred)])
    assert r.exit_code == 0, r.output
    assert "COMPANY" in r.output and "migration_flow" in r.output
    assert "[t-001] missed entity: COMPANY BitRiver" in r.output
    assert "After the order, BitRiver moved 300 machines" in r.output
    r = CliRunner().invoke(cli, ["eval", str(gold_dir), str(pred), "--format", "json"])
    data = json.loads(r.output)
    assert set(data["summary"]) == set(SCORES)
    assert data["by_type"]["COMPANY"]["fn"] == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["eval", str(gold_dir), str(bad)])
    assert r.exit_code == 1 and "bad.jsonl:1" in r.output and "Traceback" not in r.output


def test_predict_runs_the_pipeline_with_gold_dates(gold_dir):
    gold = load_gold(gold_dir)
    records = predict(gold)
    assert [r["article"]["id"] for r in records] == ["t-001"]
    assert records[0]["article"]["published"] == "2021-06-20"
    r = CliRunner().invoke(cli, ["eval", str(gold_dir), "--format", "json", "--no-errors"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["articles"] == 1


# --------------------------------------------------------------------------- same numbers as score.py

def _record_from_gold(g, rng=None, drop=0.0, noise=0.0):
    """A prediction built from a gold annotation, perturbed at random when ``rng`` is given."""
    text, ents, events, links = g["_text"], [], [], []
    hit = lambda p: rng is not None and rng.random() < p  # noqa: E731
    for i, e in enumerate(g["entities"]):
        if hit(drop):
            continue
        alias = (e.get("aliases") or [""])[0]
        start = text.find(alias)
        ent = {"id": f"e{i}", "type": e["type"], "text": alias, "start": start, "end": start + len(alias)}
        if e.get("canonical") and not hit(noise):
            ent["canonical"] = e["canonical"]
        if "value" in e:
            ent["value"] = e["value"]
        if hit(noise):
            ent["type"] = rng.choice(["COMPANY", "ORGANIZATION", "REGULATOR", "PERSON", "CITY", "DATE"])
        if hit(noise / 2):
            ent["text"] = alias[: max(1, len(alias) // 2)]
        ents.append(ent)
    for i, b in enumerate(g.get("bans", [])):
        if not hit(drop):
            events.append({"id": f"b{i}", "type": "BAN", "date": b.get("date"),
                           "jurisdiction": "CN-XJ" if hit(noise) else b["jurisdiction"]})
    for i, m in enumerate(g.get("migrations", [])):
        if hit(drop):
            continue
        actor = None
        if m.get("actor"):
            actor = f"a{i}"
            ents.append({"id": actor, "type": "COMPANY", "text": m["actor"][0], "start": 0, "end": 1})
        origin = m.get("origin")
        if origin and len(origin) == 2 and hit(noise):
            origin = origin + "-XJ"
        events.append({"id": f"m{i}", "type": "MIGRATION", "actor": actor, "origin": origin,
                       "destination": "US" if hit(noise) else m.get("destination"), "date": m.get("date")})
    for link in g.get("links", []):
        b = next((v for v in events if v["type"] == "BAN" and v["jurisdiction"] == link["ban"]), None)
        m = next((v for v in events if v["type"] == "MIGRATION" and v["destination"] == link.get("destination")),
                 None)
        if b and m:
            links.append({"type": "TRIGGERED", "from": b["id"], "to": m["id"]})
    for j, nl in enumerate(g.get("not_links", [])):
        mid = f"n{j}"
        ents.append({"id": "x" + mid, "type": "PERSON", "text": nl["actor"][0], "start": 0, "end": 1})
        events.append({"id": mid, "type": "MIGRATION", "actor": "x" + mid, "origin": None,
                       "destination": nl.get("destination"), "date": nl.get("date")})
        ban = next((v for v in events if v["type"] == "BAN"), None)
        if ban and (rng is None or rng.random() < 0.7):
            links.append({"from": ban["id"], "to": mid})
    return {"article": {"id": g["id"]}, "entities": ents, "events": events, "links": links}


@needs_shared
@pytest.mark.parametrize("seed, drop, noise", [(0, 0.0, 0.0), (1, 0.2, 0.2), (2, 0.5, 0.3), (3, 0.1, 0.7)])
def test_same_numbers_as_reference_scorer(tmp_path, seed, drop, noise):
    dev = SHARED_EVAL / "dev"
    gold = load_gold(dev)
    rng = random.Random(seed) if seed else None
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as f:
        for g in gold.values():
            if rng is not None and rng.random() < 0.1:
                continue  # a missing prediction
            f.write(json.dumps(_record_from_gold(g, rng, drop, noise), ensure_ascii=False) + "\n")
    ref = subprocess.run([sys.executable, str(SHARED_EVAL / "score.py"), str(dev), str(pred), "--json"],
                         capture_output=True, text=True, check=True, timeout=120)
    expected = json.loads(ref.stdout)
    r = CliRunner().invoke(cli, ["eval", str(dev), str(pred), "--format", "json"])
    assert r.exit_code == 0, r.output
    got = json.loads(r.output)
    assert got["summary"] == expected["summary"]
    assert got["missing"] == expected["missing"] and got["articles"] == expected["articles"]
    assert got["by_type"] == {k.split(":", 1)[1]: v for k, v in expected["by_type"].items()
                              if k.startswith("entity:")}


@needs_shared
def test_hand_made_case_matches_reference_scorer(gold_dir, tmp_path):
    rec = good_record()
    rec["entities"][2]["type"] = "ORGANIZATION"
    rec["events"][1]["origin"] = "CN-SC"
    rec["links"].append({"from": "v1", "to": "v1"})
    pred = tmp_path / "p.jsonl"
    pred.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    ref = subprocess.run([sys.executable, str(SHARED_EVAL / "score.py"), str(gold_dir), str(pred), "--json"],
                         capture_output=True, text=True, check=True, timeout=60)
    expected = json.loads(ref.stdout)["summary"]
    got = score(load_gold(gold_dir), [rec]).summary
    assert {k: got[k] for k in expected} == expected


@needs_shared
def test_pipeline_predictions_score_like_reference(tmp_path):
    """The real pipeline's records on the dev set: same numbers both ways."""
    dev = SHARED_EVAL / "dev"
    gold = load_gold(dev)
    records = predict(gold)
    pred = tmp_path / "pipeline.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    ref = subprocess.run([sys.executable, str(SHARED_EVAL / "score.py"), str(dev), str(pred), "--json"],
                         capture_output=True, text=True, check=True, timeout=120)
    expected = json.loads(ref.stdout)["summary"]
    got = score(gold, records).summary
    assert {k: got[k] for k in expected} == expected
