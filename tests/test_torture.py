"""Robustness of the store and the ingest: kill -9 mid-run, locked, read-only and odd paths."""
from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import ingest.pipeline
import kg.linking
from kg.errors import StoreError
from kg.ingest import ingest_articles, ingest_paths
from kg.stores import open_store
from kg.stores.ladybug import LadybugStore

N_ARTICLES = 400
N_ENTITIES = 25

# The child ingests synthetic articles with a fixed number of mentions each,
# so that a half-written article would show as a wrong count.
CHILD = textwrap.dedent("""
    import sys
    import ingest.pipeline
    import kg.linking
    from kg.ingest import ingest_articles
    from kg.stores.ladybug import LadybugStore

    N_ENTITIES = {n_entities}

    def extract(article):
        a = article.to_dict()
        n = int(a["id"].split("-")[1])
        ents = [{{"id": f"e{{j}}", "type": "COMPANY", "text": f"Firm {{n}}-{{j}}",
                  "start": j, "end": j + 1, "canonical": f"Firm {{n % 40}}-{{j}}"}}
                for j in range(N_ENTITIES)]
        evs = [{{"id": "v1", "type": "BAN", "start": 0, "end": 1, "jurisdiction": "CN-XJ",
                 "date": "2021-06", "target": f"mining {{n}}"}},
               {{"id": "v2", "type": "MIGRATION", "start": 2, "end": 3, "actor": "e1",
                 "origin": "CN-XJ", "destination": "KZ", "date": "2021-07",
                 "status": "completed", "quantity": {{"amount": n, "unit": "machines"}}}}]
        return {{"article": a, "entities": ents, "events": evs,
                 "links": [{{"type": "TRIGGERED", "from": "v1", "to": "v2", "confidence": 1.0}}]}}

    ingest.pipeline.extract = extract
    kg.linking.link_record = lambda rec: rec.setdefault("links", [])

    def articles():
        for n in range({n_articles}):
            yield {{"id": f"a-{{n}}", "title": "t", "text": f"text {{n}}", "source": f"s{{n}}",
                   "content_hash": f"h{{n}}"}}

    store = LadybugStore(sys.argv[1])
    _upsert = store.upsert

    def upsert(batch):  # tell the parent each committed group
        out = _upsert(batch)
        print("wrote", flush=True)
        return out

    store.upsert = upsert
    print("go", flush=True)
    ingest_articles(articles(), store, progress=False, group=4, link=False)
    store.close()
    print("done", flush=True)
""")


def _assert_whole(store: LadybugStore) -> int:
    """Every stored article has all its mentions and events; returns how many are stored."""
    rows = store.query(
        "MATCH (a:Article) "
        "RETURN a.id AS id, COUNT { MATCH (a)-[:MENTIONS]->(:Entity) } AS m, "
        "COUNT { MATCH (a)-[:REPORTS]->(:Ban) } AS b, "
        "COUNT { MATCH (a)-[:REPORTS]->(:Migration) } AS g")
    for r in rows:
        assert (r["m"], r["b"], r["g"]) == (N_ENTITIES, 1, 1), r
    dup = store.query("MATCH (a:Article) RETURN count(a) AS n, count(DISTINCT a.id) AS d")[0]
    assert dup["n"] == dup["d"]
    # the counts kept on entities (kg.model.KEPT) match their relationships
    drift = store.query(
        "MATCH (e:Entity) OPTIONAL MATCH (a:Article)-[r:MENTIONS]->(e) "
        "WITH e, count(r) AS m, count(DISTINCT a) AS n "
        "WHERE coalesce(e.mentions, 0) <> m OR coalesce(e.articles, 0) <> n "
        "RETURN e.id AS id, m, n, e.mentions AS kept_m, e.articles AS kept_n LIMIT 5")
    assert drift == []
    return len(rows)


def test_kill_9_mid_ingest_leaves_whole_articles(tmp_path, monkeypatch):
    path = tmp_path / "g.lbug"
    script = tmp_path / "child.py"
    child_code = CHILD.format(n_entities=N_ENTITIES, n_articles=N_ARTICLES)
    script.write_text(child_code)
    child = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "go", child.stderr.read()
        # killed a moment after its first committed group, whatever the machine's speed
        assert child.stdout.readline().strip() == "wrote", child.stderr.read()
        time.sleep(0.3)
        assert child.poll() is None, "the child finished before it could be killed"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    with LadybugStore(path) as store:  # reopening replays the write-ahead log
        stored = _assert_whole(store)
        assert 0 < stored < N_ARTICLES

        # re-run in this process with the same extractor: it completes, nothing doubles
        ns: dict = {}
        exec(compile(child_code.split("ingest.pipeline.extract = extract")[0], "child", "exec"), ns)
        monkeypatch.setattr(ingest.pipeline, "extract", ns["extract"])
        monkeypatch.setattr(kg.linking, "link_record", lambda rec: rec.setdefault("links", []))
        arts = [{"id": f"a-{n}", "title": "t", "text": f"text {n}", "source": f"s{n}",
                 "content_hash": f"h{n}"} for n in range(N_ARTICLES)]
        s = ingest_articles(arts, store, progress=False, link=False)
        assert s.unchanged == stored and s.stored == N_ARTICLES - stored and not s.skipped
        assert _assert_whole(store) == N_ARTICLES
        counts = store.counts()
        assert counts["Ban"] == N_ARTICLES and counts["TRIGGERED"] == N_ARTICLES
        firms = store.query("MATCH (e:Entity {type: 'COMPANY'}) RETURN count(e) AS n")
        assert firms == [{"n": 40 * N_ENTITIES}]



def test_a_torn_last_log_record_keeps_every_whole_article_before_it(tmp_path, monkeypatch):
    """A kill -9 may land while the write-ahead log is written: its last record is torn.
    The store still opens, with every article whose transaction the log holds whole."""
    path = tmp_path / "g.lbug"
    script = tmp_path / "child.py"
    # the child ingests 40 articles in groups and dies without closing: no checkpoint, all in the log
    code = CHILD.format(n_entities=N_ENTITIES, n_articles=N_ARTICLES)
    code = code.replace("for n in range(400)", "for n in range(40)").replace(
        "store.close()\nprint(\"done\", flush=True)", "os._exit(0)")
    script.write_text("import os\n" + code)
    done = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    wal = path.with_name(path.name + ".wal")
    size = wal.stat().st_size
    assert size > 1000
    with wal.open("r+b") as f:  # tear the last record, as a write cut short would
        f.truncate(size - 200)

    with LadybugStore(path) as store:
        stored = _assert_whole(store)
        assert 0 < stored < 40
        monkeypatch.setattr(ingest.pipeline, "extract", _child_extract(code))
        monkeypatch.setattr(kg.linking, "link_record", lambda rec: rec.setdefault("links", []))
        arts = [{"id": f"a-{n}", "title": "t", "text": f"text {n}", "source": f"s{n}",
                 "content_hash": f"h{n}"} for n in range(40)]
        s = ingest_articles(arts, store, progress=False, link=False)
        assert s.unchanged == stored and s.stored == 40 - stored
        assert _assert_whole(store) == 40


def _child_extract(code: str):
    """The child's extractor, to complete its ingest in this process."""
    ns: dict = {}
    exec(compile(code.split("ingest.pipeline.extract = extract")[0], "child", "exec"), ns)
    return ns["extract"]

def test_ingest_into_a_store_held_by_another_process(tmp_path):
    path = tmp_path / "g.lbug"
    code = textwrap.dedent(f"""
        import sys, time
        from kg.stores.ladybug import LadybugStore
        s = LadybugStore({str(path)!r})
        print("held", flush=True)
        sys.stdin.readline()
        s.close()
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match="another kg process .* holds the store"):
            open_store(str(path))
        # readers may still look at it
        with open_store(str(path), read_only=True) as ro:
            assert ro.counts()["Article"] == 0
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    with open_store(str(path)) as s:  # free again
        assert s.has_article("x") is None


@pytest.mark.parametrize("spec, match", [
    ("{tmp}", "is a folder"),
    ("/proc/kg.lbug", "cannot write"),
    ("{tmp}/no/such/folder/kg.lbug", "does not exist"),
    ("{tmp}/file.txt", "not a kg store"),
])
def test_unusable_store_paths(tmp_path, spec, match):
    (tmp_path / "file.txt").write_text("plain text, not a database\n" * 50)
    with pytest.raises(StoreError, match=match):
        open_store(spec.format(tmp=tmp_path))


def test_read_only_store_file(tmp_path):
    path = tmp_path / "g.lbug"
    with LadybugStore(path):
        pass
    if os.geteuid() == 0:
        pytest.skip("root can write read-only files")
    path.chmod(0o444)
    try:
        with pytest.raises(StoreError, match="read-only"):
            LadybugStore(path)
        with LadybugStore(path, read_only=True) as ro:  # queries still work
            assert ro.counts()["Article"] == 0
    finally:
        path.chmod(0o644)


def test_torture_inputs_reach_the_store_safely(tmp_path):
    """Odd articles: huge, empty, binary, NUL bytes, mixed scripts, duplicate ids."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_text("")
    (d / "binary.txt").write_bytes(os.urandom(4096))
    (d / "nul.txt").write_bytes("Title\n\nText with a \x00 NUL byte in Kazakhstan.".encode())
    (d / "mixed.txt").write_text("عنوان Title\n\nنص عربي with English, 中文 and emoji 🚀 "
                                 "about mining in كازاخستان.\n", encoding="utf-8")
    (d / "quotes.txt").write_text("It's \"quoted\" `back` $param {map} // not a comment\n\n"
                                  "MATCH (n) DETACH DELETE n; RETURN 1\n", encoding="utf-8")
    lines = ['{"id": "dup", "text": "First version of the story."}',
             '{"id": "dup", "text": "Second, different version."}',
             '{"id": "ok-2", "text": "' + "Long text. " * 3000 + '"}',
             'not json at all']
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with LadybugStore(tmp_path / "g.lbug") as store:
        s = ingest_paths([str(d)], store, progress=False)
        reasons = " | ".join(f"{src}: {r}" for src, r in s.skipped)
        assert "empty.txt" in reasons and "binary.txt" in reasons
        assert "already stored with different text" in reasons
        ids = {r["id"] for r in store.query("MATCH (a:Article) RETURN a.id AS id")}
        assert "dup" in ids and "ok-2" in ids
        assert s.stored == len(ids)
        texts = {r["t"] for r in store.query("MATCH (a:Article) RETURN a.text AS t")}
        assert any("DETACH DELETE" in t for t in texts)  # stored as data, never run
        again = ingest_paths([str(d)], store, progress=False)
        assert again.stored == 0 and again.new_nodes == 0 and again.new_relationships == 0


def test_every_kind_of_bad_input_in_one_batch(tmp_path):
    """The robustness list: each bad input is named with the fix, every good one is stored
    whole, nothing is lost, and a second run adds nothing."""
    d = tmp_path / "in"
    d.mkdir()
    good = {}
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    (d / "empty.txt").write_text("")
    big = d / "big.txt"
    with big.open("w", encoding="utf-8") as f:  # 50 MB of text in one article
        line = "Kazakhstan cut power to crypto miners. " * 25 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    (d / "bad-utf8.txt").write_bytes(b"Title\n\n" + b"\xff\xfe\xfa\xfb\xc3\x28\xa0\xa1" * 200)
    (d / "utf16.txt").write_bytes("Iran bans mining\n\nIran banned crypto mining in May 2021.".encode("utf-16"))
    good["utf16.txt"] = 1
    (d / "cp1256.txt").write_bytes("إيران تحظر التعدين\n\nحظرت إيران تعدين العملات المشفرة.".encode("cp1256"))
    good["cp1256.txt"] = 1
    (d / "nul.txt").write_bytes(b"Kosovo\n\nKosovo banned \x00 crypto mining in January 2022.")
    good["nul.txt"] = 1
    (d / "one.txt").write_text("x")
    good["one.txt"] = 1
    lines = [
        json.dumps({"id": "fine-1", "title": "t", "text": "Norway plans a ban on new mining data centres.",
                    "published": "2025-06-20"}),
        '{"id": "broken", "text": "unterminated',                                    # malformed
        json.dumps({"id": "no-text", "title": "only a title"}),                      # missing field
        json.dumps({"id": "y3000", "text": "A ban in the far future.", "published": "3000-01-01"}),
        json.dumps({"id": "feb31", "text": "A ban on a day that does not exist.", "published": "2021-02-31"}),
        json.dumps({"id": "same", "text": "Kuwait shut down mining farms."}),
        json.dumps({"id": "same", "text": "Kuwait shut down twenty mining farms, a different text."}),
        '{"id": "partial", "title": "cut off in the mid',                            # partial last line
    ]
    (d / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    good["feed.jsonl"] = 2  # fine-1 and the first "same"
    missing = str(tmp_path / "does-not-exist.txt")

    with LadybugStore(tmp_path / "g.lbug") as store:
        s = ingest_paths([str(d), missing], store, progress=False)
        text = "\n".join(f"{k}: {v}" for k, v in s.skipped)

        def reason_for(fragment):
            hits = [v for k, v in s.skipped if k.endswith(fragment)]
            assert hits, f"{fragment} should be reported:\n{text}"
            return hits[0]

        assert "not a text file" in reason_for("image.png")
        assert "empty" in reason_for("empty.txt")
        assert "split" in reason_for("big.txt")
        assert "UTF-8" in reason_for("bad-utf8.txt")
        assert "does-not-exist.txt" in text
        assert "JSON" in reason_for("feed.jsonl:2") and "text" in reason_for("feed.jsonl:3")
        assert "cut off" in reason_for("feed.jsonl:8")
        assert "date" in reason_for("feed.jsonl:4") and "date" in reason_for("feed.jsonl:5")
        assert "different text" in reason_for("feed.jsonl:7")
        assert s.stored == sum(good.values())
        # every stored article is whole: one node per id, its text and its mentions
        rows = store.query("MATCH (a:Article) RETURN a.id AS id, a.n_chars AS n, a.text AS t")
        assert len(rows) == len({r["id"] for r in rows}) == s.stored
        assert all(r["t"] and r["n"] == len(r["t"]) for r in rows)
        before = store.counts()
        again = ingest_paths([str(d), missing], store, progress=False)
        assert again.stored == 0 and again.new_nodes == 0 and again.new_relationships == 0
        assert store.counts() == before


def _sample_corpus(path, n: int) -> None:
    """``n`` articles made of the samples' texts, each with its own id and last line."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "samples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*/*.txt"))]
    texts += [json.loads(line)["text"] for p in sorted(root.glob("jsonl/*.jsonl"))
              for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"w-{i}", "text": texts[i % len(texts)] + f"\n\n({i})",
                                "published": "2021-07-01"}, ensure_ascii=False) + "\n")


def test_an_extraction_worker_killed_mid_ingest_stops_the_run_cleanly(tmp_path):
    """kill -9 of one of two extraction workers: the ingest exits with an error
    that says what happened and what to do (a multiprocessing Pool waited
    forever for the lost article), the store keeps whole articles, and the
    same command completes it."""
    psutil = pytest.importorskip("psutil")
    n = 1500
    corpus, path = tmp_path / "in.jsonl", tmp_path / "g.lbug"
    _sample_corpus(corpus, n)
    # -X faulthandler: if the ingest hangs, SIGABRT makes it print where each thread waits
    cmd = [sys.executable, "-X", "faulthandler", "-c", "import kg.cli; kg.cli.main()", "ingest",
           str(corpus), "--workers", "2", "--store", str(path), "--no-progress"]
    run = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        workers: list = []
        while time.monotonic() < deadline and run.poll() is None:
            kids = psutil.Process(run.pid).children(recursive=True)
            workers = [p for p in kids if p.ppid() != run.pid]  # the forkserver's children
            busy = 0.0
            for p in workers:
                with contextlib.suppress(psutil.Error):
                    busy += sum(p.cpu_times()[:2])
            if len(workers) == 2 and busy > 6:  # started, and past the first groups
                break
            time.sleep(0.2)
        assert run.poll() is None, "the ingest ended before a worker could be killed"
        assert len(workers) == 2, "no extraction workers found"
        workers[0].send_signal(signal.SIGKILL)
        try:
            out, err = run.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            run.send_signal(signal.SIGABRT)
            _, err = run.communicate(timeout=30)
            pytest.fail(f"the ingest hung after its worker was killed; its threads:\n{err[-8000:]}")
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    assert run.returncode == 1, (out, err)
    assert "extraction worker died near" in err and "same command again" in err, err
    assert "Traceback" not in err

    with open_store(str(path)) as store:
        rows = store.query("MATCH (a:Article) RETURN a.id AS id, "
                           "COUNT { MATCH (a)-[:MENTIONS]->(:Entity) } AS m")
        assert all(r["m"] > 0 for r in rows)
        stored = len(rows)
        assert stored < n and len({r["id"] for r in rows}) == stored
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    with open_store(str(path), read_only=True) as store:
        assert store.query("MATCH (a:Article) RETURN count(a) AS n, count(DISTINCT a.id) AS d") \
            == [{"n": n, "d": n}]
