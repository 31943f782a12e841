"""The ``kg`` command line, driven with click's CliRunner in ``tmp_path``."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.queries import load_queries
from test_queries import AR_RECORD, RECORDS, fill

COMMANDS = ["ingest", "extract", "query", "export", "push", "eval"]


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


@pytest.fixture
def store_path(tmp_path):
    """A LadybugDB file holding the two hand-made records of test_queries (closed again)."""
    from kg.stores.ladybug import LadybugStore

    path = tmp_path / "cli.lbug"
    s = LadybugStore(path)
    fill(s)
    s.close()
    return path


# --------------------------------------------------------------------------- help

def test_root_help_lists_every_command():
    r = run("--help")
    assert r.exit_code == 0
    for c in COMMANDS:
        assert c in r.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    r = run(command, "--help")
    assert r.exit_code == 0, r.output
    cmd = cli.commands[command]
    assert cmd.help and len(cmd.help.split()) > 8, f"{command} is not documented"
    assert "Python:" in r.output  # each command names its library call
    for p in cmd.params:
        if isinstance(p, __import__("click").Option):
            assert p.help, f"{command} {p.opts} has no help text"


# --------------------------------------------------------------------------- query list

def test_query_list_shows_every_query_with_title_and_parameters():
    r = run("query", "list")
    assert r.exit_code == 0, r.output
    rows = {row["name"]: row for row in json.loads(r.stdout)}
    queries = load_queries()
    assert set(rows) == set(queries)
    for name, q in queries.items():
        assert rows[name]["title"] == q.title and q.title
        assert rows[name]["description"] == q.description and q.description
        for p in q.params:
            assert p in rows[name]["params"]
    assert rows["evidence"]["params"] == "id limit=1000"
    assert "country=null" in rows["bans"]["params"]
    table = run("query", "list", "-t").output
    for name, q in queries.items():
        assert name in table and q.title in table


# --------------------------------------------------------------------------- output formats

def test_query_json_default(store_path):
    r = run("query", "bans", "--store", store_path)
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert [row["jurisdiction"] for row in rows] == ["CN-NM", "CN-SC"]
    assert "سيشوان" in r.stdout  # Arabic kept readable, not \u-escaped


def test_query_nl(store_path):
    r = run("query", "timeline", "--store", store_path, "--nl")
    lines = r.stdout.splitlines()
    assert len(lines) == 5
    assert [json.loads(line)["kind"] for line in lines] == ["BAN", "MIGRATION", "MIGRATION", "BAN", "MIGRATION"]


def test_query_csv(store_path):
    r = run("query", "flows", "--store", store_path, "--csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(row["origin"], row["destination"], row["amount"]) for row in rows] == [
        ("", "KZ", ""), ("CN", "KZ", "320"), ("CN-NM", "US-TX", "5000")]
    assert r.stdout.splitlines()[0].startswith("origin,origin_name,destination")


def test_query_table(store_path):
    r = run("query", "triggered", "--store", store_path, "-t")
    lines = r.stdout.splitlines()
    assert lines[0].split()[:4] == ["ban_id", "authority", "jurisdiction", "ban_date"]
    assert set(lines[1]) <= {"-", " "}
    assert len(lines) == 4 and "BIT Mining" in lines[3]


def test_query_parameters_are_typed(store_path):
    r = run("query", "--store", store_path, "--cypher", "RETURN $n AS n, $f AS f, $b AS b, $s AS s, $l AS l",
            "-p", "n", "3", "-p", "f", "0.5", "-p", "b", "true", "-p", "s", "CN", "-p", "l", '["CN", "KZ"]')
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == [{"n": 3, "f": 0.5, "b": True, "s": "CN", "l": ["CN", "KZ"]}]


def test_stored_query_with_parameter(store_path):
    r = run("query", "evidence", "-p", "id", "CN-SC", "--store", store_path)
    rows = json.loads(r.stdout)
    assert [(row["article_id"], row["text"]) for row in rows] == [("ar-test-1", "سيشوان")]
    r = run("query", "triggered", "-p", "min_confidence", "0.85", "--store", store_path, "--nl")
    assert [json.loads(x)["actor"] for x in r.stdout.splitlines()] == ["BIT Mining"]


def test_cypher_from_stdin(store_path):
    r = run("query", "--cypher", "-", "--store", store_path, input="MATCH (a:Article) RETURN count(a) AS n")
    assert json.loads(r.stdout) == [{"n": 2}]


# --------------------------------------------------------------------------- read-only guard

WRITES = [
    "CREATE (:Entity {id: 'x', type: 'CITY'})",
    "MERGE (e:Entity {id: 'x'})",
    "MATCH (a:Article) SET a.title = 'x'",
    "MATCH (a:Article) DELETE a",
    "MATCH (a:Article) DETACH DELETE a",
    "MATCH (a:Article) REMOVE a.title",
    "DROP TABLE Article",
    "LOAD CSV FROM 'file:///x.csv' AS row RETURN row",
    "COPY Article FROM 'x.csv'",
    "ALTER TABLE Article ADD extra STRING",
    "CALL apoc.create.node(['X'], {}) YIELD node RETURN node",
    "CALL db.createLabel('X')",
    "CALL dbms.killQuery('q')",
    "match (a:Article) /* harmless? */ detach delete a",
    "MATCH (a:Article) FOREACH (x IN [1] | SET a.title = 'y')",
]


@pytest.mark.parametrize("cypher", WRITES)
def test_cypher_is_read_only_by_default(store_path, cypher):
    r = run("query", "--store", store_path, "--cypher", cypher)
    assert r.exit_code == 1
    assert "--write" in r.output and "Traceback" not in r.output
    assert json.loads(run("query", "articles", "--store", store_path).stdout)[0]["title"] == \
        "Inner Mongolia bans mining"  # nothing changed


@pytest.mark.parametrize("cypher", [
    "MATCH (a:Article) WHERE a.title <> 'CREATE (x) SET y DELETE z' RETURN count(a) AS n",
    'MATCH (a:Article) WHERE a.title <> "MERGE" RETURN count(a) AS n  // DROP TABLE Article',
    "MATCH (a:Article) /* DETACH DELETE a */ RETURN count(a) AS n",
    "MATCH (a:Article) RETURN count(a) AS n, 'LOAD CSV' AS `set`",
])
def test_strings_and_comments_with_write_words_are_fine(store_path, cypher):
    r = run("query", "--store", store_path, "--cypher", cypher)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)[0]["n"] == 2


def test_read_only_procedures_are_allowed(store_path):
    r = run("query", "--store", store_path, "--cypher", "CALL show_tables() RETURN name ORDER BY name", "--nl")
    assert r.exit_code == 0, r.output
    assert {"Article", "Ban", "Entity"} <= {json.loads(x)["name"] for x in r.stdout.splitlines()}


def test_write_flag_allows_writes(store_path):
    r = run("query", "--store", store_path, "--write", "--cypher",
            "MATCH (a:Article {id: $id}) SET a.title = $t", "-p", "id", "en-test-1", "-p", "t", "CREATE")
    assert r.exit_code == 0, r.output
    r = run("query", "--store", store_path, "--cypher", "MATCH (a:Article {id: 'en-test-1'}) RETURN a.title AS t")
    assert json.loads(r.stdout) == [{"t": "CREATE"}]


# --------------------------------------------------------------------------- errors

def test_errors_are_clean_messages(store_path, tmp_path):
    r = run("query", "nope", "--store", store_path)
    assert r.exit_code == 1 and "no stored query named 'nope'" in r.output
    r = run("query", "evidence", "--store", store_path)
    assert r.exit_code == 1 and "-p id" in r.output
    r = run("query", "bans", "-p", "colour", "red", "--store", store_path)
    assert r.exit_code == 1 and "no parameter colour" in r.output
    r = run("query", "--store", store_path, "--cypher", "MATCH (n:Nope) RETURN n.id AS id")
    assert r.exit_code == 1 and r.output.startswith("Error:")
    r = run("query", "bans", "--store", tmp_path)  # a folder is not a store
    assert r.exit_code == 1 and r.output.startswith("Error:")
    for res in (r,):
        assert "Traceback" not in res.output
        assert res.exception is None or isinstance(res.exception, SystemExit)


def test_usage_errors():
    assert run("query").exit_code == 2
    assert run("query", "bans", "--cypher", "RETURN 1 AS x").exit_code == 2


# --------------------------------------------------------------------------- extract / ingest

ARTICLE = ("Sichuan halts bitcoin mining\n"
           "Authorities in Sichuan ordered bitcoin miners to halt on Friday. "
           "BIT Mining moved 320 machines from China to Kazakhstan after the order.\n")


def test_extract_prints_records_without_text(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "b.bin"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    r = run("extract", bad, art, "--published", "2021-06-21")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["article"]["published"] == "2021-06-21" and rec["article"]["title"] == "Sichuan halts bitcoin mining"
    assert "text" not in rec["article"]
    assert {"entities", "events", "links"} <= set(rec)
    assert "b.bin" in r.stderr
    r = run("extract", art, "--with-text", "--format", "json")
    recs = json.loads(r.stdout)
    assert len(recs) == 1 and recs[0]["article"]["text"] == ARTICLE


def test_extract_reads_stdin_and_fails_when_nothing_is_read(tmp_path):
    r = run("extract", "-", input=ARTICLE)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout.splitlines()[0])["article"]["title"] == "Sichuan halts bitcoin mining"
    r = run("extract", tmp_path / "missing.txt")
    assert r.exit_code == 1 and "missing.txt" in r.stderr


def test_ingest_then_query(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "s.lbug"
    r = run("ingest", art, tmp_path / "missing.txt", "--store", store, "--no-progress",
            "--published", "2021-06-21")
    assert r.exit_code == 0, r.output
    assert "read 1 articles" in r.stderr and "missing.txt" in r.stderr
    arts = json.loads(run("query", "articles", "--store", store).stdout)
    assert [a["title"] for a in arts] == ["Sichuan halts bitcoin mining"]
    r = run("ingest", art, "--store", store, "--no-progress")
    assert r.exit_code == 0 and "1 unchanged" in r.stderr
    r = run("ingest", tmp_path / "missing.txt", "--store", store, "--no-progress")
    assert r.exit_code == 1


# --------------------------------------------------------------------------- export / push

def test_export_json(store_path, tmp_path):
    pytest.importorskip("kg.export", reason="kg.export is not written yet")
    from kg import export
    if not hasattr(export, "export_store"):
        pytest.skip("kg.export.export_store does not exist yet")
    out = tmp_path / "g.json"
    r = run("export", "json", out, "--store", store_path)
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert any(n.get("id") == "CN-SC" for n in data["nodes"])
    r = run("export", "json", tmp_path / "cn.json", "--store", store_path, "--country", "US")
    assert r.exit_code == 0, r.output
    assert run("export", "pdf", out).exit_code == 2


def test_push_to_another_file_store(store_path, tmp_path):
    pytest.importorskip("kg.push", reason="kg.push is not written yet")
    dst = tmp_path / "copy.lbug"
    r = run("push", "--to", dst, "--store", store_path)
    assert r.exit_code == 0, r.output
    for name in ("bans", "migrations", "triggered", "entities"):
        assert run("query", name, "--store", dst).stdout == run("query", name, "--store", store_path).stdout


def test_records_used_here_are_consistent():
    # the Arabic record's offsets point at its own text (guards the fixtures themselves)
    text = AR_RECORD["article"]["text"]
    for e in AR_RECORD["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]
    assert len(RECORDS) == 2
