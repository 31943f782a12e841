"""Benchmarks: extraction speed, ingest speed, memory and query latency.

Runs on synthetic corpora from :mod:`bench.corpus` and prints one JSON object
with ``--json`` (a short table otherwise):

- ``extract_vs_tokenizer``: for ``ar`` and ``en`` separately, the words per
  second of :func:`ingest.pipeline.extract` divided by the words per second
  of ``spacy.blank(lang)``'s tokenizer on the same texts (1.0 would mean the
  whole pipeline is as fast as tokenising);
- ``ingest_articles_per_s``: ``kg.ingest.ingest_paths`` with one worker, on
  the first size, into a fresh embedded store (corpora up to 2,000 articles
  are ingested three times and the median run is kept);
- ``workers_speedup``: the same ingest with two workers, time(1) / time(2),
  on the first size, the runs of one and of two workers taken in turns;
  ``workers_speedup_by_size`` has it for every size;
- ``peak_rss_mb``: peak resident memory of an ingest process per corpus
  size (each run in its own subprocess); ``peak_rss_mb_without_store``
  the same for reading and extracting alone (no store), and ``store_mb``
  the size of each store on disk;
- ``query_ms``: median latency of every named query (``queries/*.cypher``)
  on the graph of the largest size.

Usage::

    python bench/run.py --json                   # sizes 1000,10000
    python bench/run.py --quick --json           # sizes 100,500, fewer repeats
    python bench/run.py --sizes 1000,5000 --keep /tmp/bench
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["bench_extraction", "bench_ingest", "bench_queries", "main"]

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

# values for required query parameters, by parameter name
SAMPLE_PARAMS = {
    "id": "CN-XJ", "place": "CN-XJ", "country": "CN", "jurisdiction": "CN-XJ",
    "origin": "CN-XJ", "destination": "KZ", "actor": "BIT Mining", "company": "BIT Mining",
    "article_id": "bench-en-000001", "from": "2021-01-01", "to": "2022-12-31",
    "since": "2021-01-01", "until": "2022-12-31", "date": "2021-06", "lang": "ar",
    "type": "PROVINCE", "limit": 20, "min_confidence": 0.0, "q": "mining", "text": "mining",
}


def _write_corpus(path: Path, n: int, *, langs=("ar", "en"), seed: int = 0) -> Path:
    from bench.corpus import generate

    with path.open("w", encoding="utf-8") as f:
        for art in generate(n, seed=seed, langs=langs):
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    return path


def _rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024  # bytes vs KiB
    return round(max(own, kids) * scale, 1)


# ---------------------------------------------------------------------------
# extraction vs tokenizer
# ---------------------------------------------------------------------------

def bench_extraction(n: int, *, tmp: Path, repeats: int = 3) -> dict:
    """Words/s of extraction and of the blank tokenizer, per language."""
    import spacy

    from ingest.pipeline import extract
    from ingest.readers import read_paths

    out: dict = {"extract_words_per_s": {}, "tokenizer_words_per_s": {},
                 "extract_vs_tokenizer": {}}
    for lang in ("ar", "en"):
        path = _write_corpus(tmp / f"extract-{lang}.jsonl", n + 1, langs=(lang,), seed=11)
        arts = [a for a in read_paths([str(path)]) if not isinstance(a, Exception)]
        extract(arts[0])  # load the pipeline outside the timing
        arts = arts[1:]
        words = sum(len(a.text.split()) for a in arts)
        nlp = spacy.blank(lang)
        for a in arts:  # warm both: the tokenizer's word cache, the pipeline's lexemes
            nlp.make_doc(a.text)
            extract(a)
        best, t_extract = float("inf"), float("inf")
        for _ in range(repeats):  # best of N for both, interleaved (the machine is shared)
            t0 = time.perf_counter()
            for a in arts:
                nlp.make_doc(a.text)
            best = min(best, time.perf_counter() - t0)
            t0 = time.perf_counter()
            for a in arts:
                extract(a)
            t_extract = min(t_extract, time.perf_counter() - t0)
        ewps, twps = words / t_extract, words / best
        out["extract_words_per_s"][lang] = round(ewps)
        out["tokenizer_words_per_s"][lang] = round(twps)
        out["extract_vs_tokenizer"][lang] = round(ewps / twps, 4)
    return out


# ---------------------------------------------------------------------------
# ingest (each run in a subprocess, for a true peak RSS)
# ---------------------------------------------------------------------------

def _child_ingest(corpus: str, store_path: str, workers: int) -> dict:
    from kg.ingest import ingest_paths, link_corpus
    from kg.stores.ladybug import LadybugStore

    t0 = time.perf_counter()
    with LadybugStore(store_path) as store:
        s = ingest_paths([corpus], store, workers=workers, progress=False, link=False)
        t1 = time.perf_counter()
        s.links += link_corpus(store)  # what ingest_paths(link=True) does, timed apart
        t2 = time.perf_counter()
        counts = store.counts()
    return {"articles": s.stored, "skipped": len(s.skipped), "seconds": round(t2 - t0, 3),
            "articles_per_s": round(s.stored / max(t2 - t0, 1e-9), 2),
            "extract_store_seconds": round(t1 - t0, 3), "link_seconds": round(t2 - t1, 3),
            "nodes": sum(counts[k] for k in ("Article", "Entity", "Ban", "Migration")),
            "relationships": sum(v for k, v in counts.items()
                                 if k not in ("Article", "Entity", "Ban", "Migration")),
            "bans": s.bans, "migrations": s.migrations, "links": s.links,
            "peak_rss_mb": _rss_mb()}


def _child_extract(corpus: str) -> dict:
    """Everything an ingest does but the store: read, extract, link within
    the article, build the graph batch; each result is dropped."""
    from ingest.readers import read_paths
    from kg.ingest import _extract

    t0 = time.perf_counter()
    n = 0
    for a in read_paths([corpus]):
        if not isinstance(a, Exception):
            _extract(a)
            n += 1
    secs = time.perf_counter() - t0
    return {"articles": n, "seconds": round(secs, 3), "peak_rss_mb": _rss_mb()}


def _store_mb(store_path: Path) -> float:
    files = (store_path, Path(f"{store_path}.wal"))
    return round(sum(f.stat().st_size for f in files if f.exists()) / 2**20, 1)


def _in_child(*args: str) -> dict:
    """Run this script with ``args`` in a fresh process; the JSON it prints last."""
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=str(HERE.parent))
    if res.returncode != 0:
        raise RuntimeError(f"bench subprocess {args[0]} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def bench_extract_only(corpus: Path) -> dict:
    """The ingest without a store, in a subprocess: its peak RSS."""
    return _in_child("--child-extract", str(corpus))


#: ingest runs of corpora up to this size are repeated (median kept): a
#: 1k-article ingest takes about 10 s, and on shared cores one run moved by 30%
REPEAT_UP_TO = 2000


def bench_ingest(corpus: Path, store_path: Path, workers: int = 1, repeats: int = 1) -> dict:
    """Ingest ``corpus`` into a fresh store in a subprocess; its summary and peak RSS.

    With ``repeats`` > 1 the run of median time is returned (see :func:`_median_run`).
    """
    return _median_run([_ingest_once(corpus, store_path, workers) for _ in range(repeats)])


def bench_workers(corpus: Path, store_path: Path, workers: int, repeats: int) -> tuple[dict, dict]:
    """One worker (into ``store_path``) and ``workers`` workers (into a store
    beside it) on the same corpus, their runs taken in turns (1, N, 1, N …):
    the machine's speed drifts by tens of percent within minutes, and a ratio
    of runs far apart measured the drift."""
    other = store_path.with_name(f"{store_path.stem}-w{workers}{store_path.suffix}")
    one, many = [], []
    for _ in range(repeats):
        one.append(_ingest_once(corpus, store_path, 1))
        many.append(_ingest_once(corpus, other, workers))
    return _median_run(one), _median_run(many)


def _ingest_once(corpus: Path, store_path: Path, workers: int) -> dict:
    for p in (store_path, Path(f"{store_path}.wal")):
        if p.exists():
            p.unlink()
    return _in_child("--child-ingest", str(corpus), str(store_path), "--workers", str(workers))


def _median_run(runs: list[dict]) -> dict:
    """The run of median time, with every run's seconds in ``runs_seconds`` and
    the highest peak RSS of them all (a single run as it is)."""
    if len(runs) == 1:
        return runs[0]
    out = dict(sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2])
    out["runs_seconds"] = [r["seconds"] for r in runs]
    out["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    return out


def _check_neo4j(uri: str) -> None:
    """Open and close the Neo4j store once: wrong credentials or a server that is
    down stop the bench at once, with the store's message."""
    from kg.errors import KGError
    from kg.stores import open_store

    try:
        open_store(uri).close()
    except KGError as exc:
        raise SystemExit(f"bench: {exc}") from None


def bench_neo4j(corpus: Path, uri: str) -> dict:
    """Ingest ``corpus`` into an emptied Neo4j database: relationships per second."""
    from kg.ingest import ingest_paths
    from kg.stores import open_store

    store = open_store(uri)
    try:
        store.query("MATCH (n) DETACH DELETE n", {})
        t0 = time.perf_counter()
        s = ingest_paths([str(corpus)], store, workers=1, progress=False)
        secs = time.perf_counter() - t0
    finally:
        store.close()
    return {"articles": s.stored, "seconds": round(secs, 3), "relationships": s.new_relationships,
            "relationships_per_s": round(s.new_relationships / max(secs, 1e-9), 1),
            "articles_per_s": round(s.stored / max(secs, 1e-9), 2)}


# ---------------------------------------------------------------------------
# queries
# ---------------------------------------------------------------------------

def _load_queries() -> dict[str, tuple[str, list[str], dict]]:
    """name -> (text, required params, defaults), through kg.queries when present."""
    try:
        from kg.queries import load_queries
    except ImportError:
        load_queries = None
    if load_queries is not None:
        return {name: (q.text, list(q.required), dict(q.defaults))
                for name, q in load_queries().items()}
    from kg.stores.ladybug import query_parameters
    out = {}
    for path in sorted((HERE.parent / "queries").glob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = (text, query_parameters(text), {})
    return out


def bench_queries(store_path: Path, repeats: int = 5) -> dict:
    """Median milliseconds of every named query on a store (read-only)."""
    from kg.errors import KGError
    from kg.stores.ladybug import LadybugStore

    timings, errors, rows = {}, {}, {}
    with LadybugStore(store_path, read_only=True) as store:
        for name, (text, required, defaults) in sorted(_load_queries().items()):
            params = dict(defaults)
            for p in required:
                params[p] = SAMPLE_PARAMS.get(p, "CN-XJ")
            try:
                store.query(text, params)  # warm-up
                ms = []
                for _ in range(repeats):
                    t0 = time.perf_counter()
                    res = store.query(text, params)
                    ms.append((time.perf_counter() - t0) * 1000)
                timings[name] = round(statistics.median(ms), 2)
                rows[name] = len(res)
            except KGError as exc:
                errors[name] = str(exc)
    return {"query_ms": timings, "query_rows": rows, "query_errors": errors}


# ---------------------------------------------------------------------------

def run(sizes: list[int], *, quick: bool, workers: int, keep: str | None,
        neo4j: str | None = None) -> dict:
    tmpctx = None
    if keep:
        tmp = Path(keep)
        tmp.mkdir(parents=True, exist_ok=True)
    else:
        tmpctx = tempfile.TemporaryDirectory(prefix="kg-bench-")
        tmp = Path(tmpctx.name)
    try:
        import ladybug
        result: dict = {"sizes": sizes, "quick": quick, "machine": {
            "cpus": os.cpu_count(), "python": platform.python_version(),
            "ladybug": getattr(ladybug, "__version__", "?")}}
        result.update(bench_extraction(50 if quick else 200, tmp=tmp))
        ingest, extract_only, par_runs, speedups = {}, {}, {}, {}
        for i, n in enumerate(sizes):
            corpus = _write_corpus(tmp / f"corpus-{n}.jsonl", n)
            store = tmp / f"store-{n}.lbug"
            repeats = 3 if n <= REPEAT_UP_TO and not quick else 1
            # every size: the workers' start-up (importing spaCy, building the
            # pipelines) weighs on a small corpus, not on a large one
            if workers > 1 and (i == 0 or not quick):
                ingest[str(n)], par_runs[str(n)] = bench_workers(corpus, store, workers, repeats)
                speedups[str(n)] = round(ingest[str(n)]["seconds"] / par_runs[str(n)]["seconds"], 2)
            else:
                ingest[str(n)] = bench_ingest(corpus, store, workers=1, repeats=repeats)
            ingest[str(n)]["store_mb"] = _store_mb(store)
            extract_only[str(n)] = bench_extract_only(corpus)
        result["ingest"] = ingest
        first = str(sizes[0])
        result["ingest_articles_per_s"] = ingest[first]["articles_per_s"]
        result["peak_rss_mb"] = {k: v["peak_rss_mb"] for k, v in ingest.items()}
        # the same runs without a store: what the pipeline holds, apart from
        # the database's page cache (which grows with the store on disk)
        result["peak_rss_mb_without_store"] = {k: v["peak_rss_mb"] for k, v in extract_only.items()}
        result["store_mb"] = {k: v["store_mb"] for k, v in ingest.items()}
        if par_runs:
            result[f"ingest_{workers}_workers"] = par_runs[first]
            result["workers_speedup"] = speedups[first]
            result["workers_speedup_by_size"] = speedups
            if len(par_runs) > 1:
                result[f"ingest_{workers}_workers_by_size"] = par_runs
        first_run = ingest[first]
        result["embedded_relationships_per_s"] = round(
            first_run["relationships"] / max(first_run["seconds"], 1e-9), 1)
        if neo4j:
            result["neo4j"] = bench_neo4j(tmp / f"corpus-{first}.jsonl", neo4j)
            result["neo4j_vs_embedded_relationships_per_s"] = round(
                result["neo4j"]["relationships_per_s"] / max(result["embedded_relationships_per_s"], 1e-9), 3)
        result.update(bench_queries(tmp / f"store-{sizes[-1]}.lbug", repeats=3 if quick else 7))
        return result
    finally:
        if tmpctx is not None:
            tmpctx.cleanup()


def _table(r: dict) -> str:
    lines = [f"sizes: {r['sizes']}  machine: {r['machine']}"]
    for lang in ("ar", "en"):
        lines.append(f"extract/tokenizer {lang}: {r['extract_vs_tokenizer'][lang]:.4f} "
                     f"({r['extract_words_per_s'][lang]} vs {r['tokenizer_words_per_s'][lang]} words/s)")
    lines.append(f"ingest, 1 worker: {r['ingest_articles_per_s']} articles/s")
    if "neo4j" in r:
        lines.append(f"relationships/s: embedded {r['embedded_relationships_per_s']}, "
                     f"neo4j {r['neo4j']['relationships_per_s']} "
                     f"(ratio {r['neo4j_vs_embedded_relationships_per_s']})")
    if "workers_speedup" in r:
        by_size = ", ".join(f"{v}x at {n}" for n, v in r.get("workers_speedup_by_size", {}).items())
        lines.append(f"workers speed-up: {r['workers_speedup']}x" + (f" ({by_size})" if by_size else ""))
    for n, mb in r["peak_rss_mb"].items():
        lines.append(f"peak RSS at {n} articles: {mb} MB (without the store: "
                     f"{r['peak_rss_mb_without_store'][n]} MB; store on disk: {r['store_mb'][n]} MB)")
    for name, ms in r["query_ms"].items():
        lines.append(f"query {name:<12} {ms:>9.2f} ms  ({r['query_rows'][name]} rows)")
    for name, err in r["query_errors"].items():
        lines.append(f"query {name:<12} ERROR {err}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="kg benchmarks")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--sizes", help="corpus sizes, comma-separated (default 1000,10000)")
    ap.add_argument("--quick", action="store_true", help="small sizes (100,500) and few repeats")
    ap.add_argument("--workers", type=int, default=2, help="workers compared with 1 (default 2)")
    ap.add_argument("--keep", metavar="DIR", help="keep corpora and stores in DIR")
    ap.add_argument("--neo4j", metavar="URI", default=os.environ.get("NEO4J_TEST_URI"),
                    help="also ingest the first corpus into this Neo4j server (emptied first!); "
                         "default $NEO4J_TEST_URI; credentials from NEO4J_USER / NEO4J_PASSWORD")
    ap.add_argument("--child-ingest", nargs=2, metavar=("CORPUS", "STORE"), help=argparse.SUPPRESS)
    ap.add_argument("--child-extract", metavar="CORPUS", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child_extract:
        print(json.dumps(_child_extract(args.child_extract)))
        return 0
    if args.child_ingest:
        print(json.dumps(_child_ingest(*args.child_ingest, workers=args.workers)))
        return 0
    sizes = ([int(x) for x in args.sizes.split(",") if x.strip()] if args.sizes
             else [100, 500] if args.quick else [1000, 10000])
    if args.neo4j:
        _check_neo4j(args.neo4j)  # before minutes of measuring, not after
    result = run(sizes, quick=args.quick, workers=args.workers, keep=args.keep, neo4j=args.neo4j)
    print(json.dumps(result, ensure_ascii=False, indent=None if args.json else 2)
          if args.json else _table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
