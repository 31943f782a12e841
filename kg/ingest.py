"""Ingest: articles in, graph out.

One article travels this way (read the modules in this order):

1. :func:`ingest.readers.read_paths` reads files, folders, JSON Lines, feeds
   or stdin and yields :class:`ingest.readers.Article` objects (or an
   :class:`kg.errors.InputError` for what it could not read);
2. an article whose id is stored with the same ``content_hash`` is
   *unchanged* and skipped; the same id with another text is refused (the
   ids are looked up :data:`LOOKUP` articles at a time);
3. :func:`ingest.pipeline.extract` finds entities and events (an extraction
   record), :func:`kg.linking.link_record` links bans to migrations within
   the article, and :func:`kg.model.record_to_batch` turns the record into
   nodes and relationships;
4. :func:`kg.resolve.resolve_events` gives a ban or migration that an earlier
   article reported already the stored node's id, and ``store.upsert(batch)``
   writes a group of articles (the store's ``group_size``, else
   :data:`GROUP`) in one transaction: an article is stored whole or not at all;
5. after the last article, :func:`kg.linking.link_events` links bans and
   migrations across articles (``scope: "corpus"``).

Extraction may run in worker processes (``workers > 1``); the store is only
used by the calling process, from one helper thread that writes a group
while the next one is extracted (and looks up stored ids between writes).
At most two groups of articles are in memory (one being written, one being
extracted), so our memory stays flat on large inputs.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import sys
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterable, Iterator

from kg.errors import InputError, KGError, StoreError
from kg.model import GraphBatch, record_to_batch
from kg.resolve import resolve_events
from kg.stores.base import stored_hashes

__all__ = ["IngestSummary", "ingest_articles", "ingest_paths", "link_corpus", "stored_hashes"]

#: articles written per store transaction at most, for a store without its
#: own ``group_size`` (each group is all-or-nothing; a failing group is split
#: in halves until the article that fails is alone, so one bad article costs
#: only itself)
GROUP = 64

#: nodes and relationships per transaction at most (long articles make
#: smaller groups, so a transaction's memory stays bounded)
GROUP_ROWS = 150_000

#: corpus links written per transaction (each link stands alone)
LINK_CHUNK = 5000

#: migrations the corpus linker holds at a time (the bans are all held:
#: each migration may link to any of them)
MIGRATION_PAGE = 20_000

#: inputs read ahead to look up in one query which of their ids are stored
LOOKUP = 256


@dataclass
class IngestSummary:
    """What one ingest did.

    Attributes
    ----------
    read : int
        Articles read (not counting inputs that could not be read).
    stored : int
        Articles written to the store in this run.
    skipped : list of (source, reason)
        Inputs that were not stored, and why.
    unchanged : int
        Articles already stored with the same text.
    new_nodes, new_relationships : int
        What the store did not have before.
    bans, migrations : int
        Events extracted from the stored articles.
    links : int
        New TRIGGERED relationships (within articles and across them).
    seconds : float
        Wall time.
    """

    read: int = 0
    stored: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0
    new_nodes: int = 0
    new_relationships: int = 0
    bans: int = 0
    migrations: int = 0
    links: int = 0
    seconds: float = 0.0

    def add(self, other: "IngestSummary") -> None:
        """Add the counts and skipped inputs of ``other`` (a part of this run) to these."""
        for f in fields(self):
            if f.type == "int":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        self.skipped.extend(other.skipped)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``skipped`` as ``[{"source", "reason"}]``)."""
        d = asdict(self)
        d["skipped"] = [{"source": s, "reason": r} for s, r in self.skipped]
        d["seconds"] = round(self.seconds, 3)
        return d


# ---------------------------------------------------------------------------
# extraction (runs in the parent or in worker processes)
# ---------------------------------------------------------------------------

_PLACES: dict | None = None


def _places() -> dict:
    global _PLACES
    if _PLACES is None:
        from ingest.gazetteer import places
        _PLACES = places()
    return _PLACES


#: how much lower than the writing process the extraction workers run: the
#: single writer is the pipeline's narrowest stage, and with more busy
#: processes than cores an equal share of the CPU starved it
WORKER_NICENESS = 5


def _worker_init() -> None:
    """Lower the worker's priority, import the pipeline module and load the
    gazetteer, once per worker process.

    The spaCy pipeline of each language is built on its first article and
    cached by :func:`ingest.pipeline.get_pipeline` for the worker's lifetime.
    """
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)
    import ingest.pipeline  # noqa: F401  (import cost paid once, before the first task)

    _places()


def _extract(article) -> tuple[str, Any]:
    """One article -> ("ok", (GraphBatch, n_bans, n_migrations)) or ("error", reason)."""
    from ingest.pipeline import extract
    from kg.linking import link_record

    try:
        record = extract(article)
        link_record(record)
        art = record.setdefault("article", {})
        if not art.get("text"):
            art["text"] = getattr(article, "text", None)
        batch = record_to_batch(record, places=_places())
    except KGError as exc:
        return "error", str(exc)
    except Exception as exc:  # a pipeline bug must not stop a 10k-article run: report it
        return "error", f"extraction failed ({type(exc).__name__}: {exc}); please report this article"
    events = record.get("events", [])
    return "ok", (batch, sum(e.get("type") == "BAN" for e in events),
                  sum(e.get("type") == "MIGRATION" for e in events))


def _extract_stream(articles: Iterable, workers: int,
                    ahead: int = 0) -> Iterator[tuple[Any, tuple[str, Any]]]:
    """Yield (article, result) in input order, extracting in ``workers`` processes.

    Up to ``ahead`` articles (at least ``8 * workers``) are in flight, so the
    workers keep extracting while the caller writes a group to the store.

    The workers are a :class:`concurrent.futures.ProcessPoolExecutor`, not a
    ``multiprocessing.Pool``: the Pool's worker-handler thread wakes up on
    every result it does not read and spins until another thread reads it
    (2.2 s of the writing process's CPU, and its lock, on a 3k-article
    ingest), and a Pool waits forever for the task of a worker that died.
    """
    if workers <= 1:
        for a in articles:
            yield a, _extract(a)
        return
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    window = max(workers * 8, ahead)
    pool = ProcessPoolExecutor(workers, mp_context=mp.get_context(method), initializer=_worker_init)
    pending: deque = deque()
    art = None
    broken = False
    try:
        for a in articles:
            pending.append((a, pool.submit(_extract, a)))
            if len(pending) >= window:
                art, res = pending.popleft()
                yield art, res.result()
        while pending:
            art, res = pending.popleft()
            yield art, res.result()
    except BrokenProcessPool as exc:
        broken = True
        _drain_calls(pool)
        where = f" near {_source(art)}" if art is not None else ""
        raise KGError(f"an extraction worker died{where} ({exc}); every group written "
                      f"before is stored whole. Run the same command again to go on (stored "
                      f"articles are skipped); if a worker dies there again, run it with "
                      f"--workers 1 to see which article stops the extraction") from exc
    finally:
        for _, res in pending:
            res.cancel()
        # a broken pool is not waited for: its internal thread may still be flushing
        # articles to workers that are gone (see _drain_calls)
        pool.shutdown(wait=not broken, cancel_futures=True)


def _drain_calls(pool) -> None:
    """Read and drop what a broken pool still sends to its dead workers.

    When a worker dies, the executor's manager thread terminates the other
    workers and then waits for the thread that writes queued articles into
    the workers' pipe; with no reader left, a pipe that is full blocks that
    writer, the manager thread and, at exit, the interpreter. A daemon thread
    reads the pipe until the writer closes it. (CPython 3.11 internals:
    ``_call_queue._reader``; without them nothing is drained.)
    """
    reader = getattr(getattr(pool, "_call_queue", None), "_reader", None)
    if reader is None:
        return

    def drain() -> None:
        try:
            while True:
                reader.recv_bytes()
        except BaseException:  # noqa: BLE001 - the pipe closed, or the interpreter is exiting
            pass  # (a daemon thread at exit may meet anything; it must print nothing)

    threading.Thread(target=drain, name="kg-drain", daemon=True).start()


# ---------------------------------------------------------------------------
# orchestration
# ---------------------------------------------------------------------------

def _chunked(items: Iterable, n: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _source(a) -> str:
    return str(getattr(a, "source", None) or getattr(a, "id", None) or "?")


class _DictArticle:
    """An article given as a dict (``Article.to_dict()`` form); picklable for workers."""

    _FIELDS = ("id", "title", "text", "published", "url", "lang", "source", "content_hash")

    def __init__(self, d: dict):
        self._d = dict(d)
        for k in self._FIELDS:
            setattr(self, k, self._d.get(k))

    def to_dict(self) -> dict:
        return {**self._d, **{k: getattr(self, k) for k in self._FIELDS}}


def _as_article(a):
    """Accept reader Articles and plain dicts (``Article.to_dict()`` form)."""
    return _DictArticle(a) if isinstance(a, dict) else a


def ingest_articles(articles_or_errors: Iterable, store, *, workers: int = 1,
                    progress: bool = True, link: bool = True,
                    group: int | None = None) -> IngestSummary:
    """Extract and store articles; inputs that are errors are listed as skipped.

    Parameters
    ----------
    articles_or_errors : iterable
        :class:`ingest.readers.Article` objects (or their ``to_dict()``
        dicts) and :class:`kg.errors.InputError` instances, as
        :func:`ingest.readers.read_paths` yields them.
    store : kg.stores.Store
        An open store (written only by this process).
    workers : int
        Extraction processes; 1 extracts in this process.
    progress : bool
        Show a progress bar on stderr (only when it is a terminal).
    link : bool
        Link bans and migrations across articles at the end.
    group : int, optional
        Articles per store transaction at most; default the store's
        ``group_size``, else :data:`GROUP`.

    Returns
    -------
    IngestSummary
    """
    t0 = time.perf_counter()
    group = group or getattr(store, "group_size", GROUP)
    summary = IngestSummary()
    seen: dict[str, str | None] = {}  # ids of this run -> content_hash
    # The store is used by one thread, this one's helper: it writes a group
    # while this thread extracts the next (the stores' drivers let other
    # threads run while they wait on the database), and looks up stored ids
    # a chunk ahead, between writes.
    desk = ThreadPoolExecutor(1, thread_name_prefix="kg-store")

    def lookup(chunk: list):
        items = [item if isinstance(item, Exception) else _as_article(item) for item in chunk]
        ids = {a.id for a in items if not isinstance(a, Exception) and a.id and a.id not in seen}
        return items, desk.submit(stored_hashes, store, ids)

    def admissible() -> Iterator:
        chunks = _chunked(articles_or_errors, LOOKUP)
        first = next(chunks, None)
        ahead = lookup(first) if first is not None else None
        while ahead is not None:
            items, found = ahead
            following = next(chunks, None)  # its look-up runs while this chunk is extracted
            ahead = lookup(following) if following is not None else None
            # which ids are stored, and with which text; an id seen earlier in
            # this run answers from ``seen`` (the look-up may predate its write)
            stored_now = found.result()
            for a in items:
                if isinstance(a, InputError):
                    summary.skipped.append((f"{a.source}:{a.line}" if a.source and a.line else (a.source or "?"), a.reason))
                    continue
                if isinstance(a, Exception):
                    summary.skipped.append(("?", str(a)))
                    continue
                summary.read += 1
                if not a.id:
                    summary.skipped.append((_source(a), "article has no id"))
                    continue
                h = getattr(a, "content_hash", None)
                stored = seen[a.id] if a.id in seen else stored_now.get(a.id)
                if stored is not None:
                    if stored == (h or ""):
                        summary.unchanged += 1
                    else:
                        summary.skipped.append((_source(a), f"id {a.id} already stored with different "
                                                            f"text; give it another id"))
                    continue
                seen[a.id] = h or ""
                yield a

    writing = None  # the group being written: a future of (IngestSummary, ids not stored)

    def written() -> None:
        nonlocal writing
        if writing is not None:
            part, failed = writing.result()
            writing = None
            summary.add(part)
            for article_id in failed:
                seen.pop(article_id, None)

    bar = _progress_bar(progress)
    buf: list[tuple[Any, tuple[GraphBatch, int, int]]] = []
    rows = 0
    try:
        for art, (status, payload) in _extract_stream(admissible(), workers, ahead=group):
            bar.update(1)
            if status == "error":
                summary.skipped.append((_source(art), payload))
                seen.pop(art.id, None)
                continue
            buf.append((art, payload))
            c = payload[0].counts()
            rows += c["nodes"] + c["relationships"]
            if len(buf) >= group or rows >= GROUP_ROWS:
                written()  # one group in the store's hands at a time
                writing = desk.submit(_write_group, store, buf)
                buf, rows = [], 0
        written()
        if buf:
            writing = desk.submit(_write_group, store, buf)
            written()
    finally:
        # a write in progress ends (committed or rolled back) before the caller
        # gets the store back; a queued one is not started
        desk.shutdown(wait=True, cancel_futures=True)
        bar.close()
    if link and (summary.stored or summary.unchanged):
        # also when every article was stored already: a run killed after its
        # last write but before this step is completed by running it again
        summary.links += link_corpus(store)
    summary.seconds = time.perf_counter() - t0
    return summary


def _write_group(store, buf: list) -> tuple[IngestSummary, list[str]]:
    """Write a group (in the store's thread): what was stored, and the ids of
    the articles that were not."""
    part = IngestSummary()
    failed: list[str] = []
    _write(store, buf, part, failed)
    return part, failed


def _write(store, buf: list, summary: IngestSummary, failed: list) -> None:
    """Upsert a group of articles in one transaction; on failure, each half again."""
    batch = GraphBatch()
    for _, (b, _, _) in buf:
        batch.extend(b)
    try:
        _account(summary, store.upsert(resolve_events(store, batch.dedupe())), buf)
        return
    except StoreError:
        if len(buf) == 1:
            art = buf[0][0]
            summary.skipped.append((_source(art), f"not stored: {sys.exc_info()[1]}"))
            failed.append(art.id)
            return
    half = len(buf) // 2  # isolate the article that failed
    _write(store, buf[:half], summary, failed)
    _write(store, buf[half:], summary, failed)


def _account(summary: IngestSummary, stats: dict, buf: list) -> None:
    summary.stored += len(buf)
    summary.new_nodes += int(stats.get("nodes", 0))
    summary.new_relationships += int(stats.get("relationships", 0))
    summary.bans += sum(x[1][1] for x in buf)
    summary.migrations += sum(x[1][2] for x in buf)
    types = stats.get("types")
    if types is not None:
        summary.links += int(types.get("TRIGGERED", 0))
    else:
        summary.links += sum(len(rows) for (t, _, _), rows in
                             _merged_rels(buf) if t == "TRIGGERED")


def _merged_rels(buf: list):
    for _, (b, _, _) in buf:
        yield from b.rels.items()


# the properties kg.linking.link_events reads (only these are loaded, so the
# corpus linker holds a few short strings per event)
_LINK_PROPS = {"Ban": ("id", "jurisdiction", "date", "status", "target", "article_id"),
               "Migration": ("id", "origin", "destination", "date", "article_id", "start", "end", "industry")}


def link_corpus(store) -> int:
    """Link bans to the migrations of other articles; returns the new TRIGGERED count.

    Only migrations that no ban explains yet are considered (a link found
    inside an article keeps its own evidence), and each gets at most one
    corpus link, so a re-run after new articles only looks at what is still
    unexplained.
    """
    from kg.linking import BanIndex, link_events

    ban_cols = ", ".join(f"b.`{p}` AS `{p}`" for p in _LINK_PROPS["Ban"])
    bans = store.query(f"MATCH (b:Ban) WHERE b.jurisdiction IS NOT NULL AND b.date IS NOT NULL "
                       f"RETURN {ban_cols} ORDER BY b.id", {})
    if not bans:
        return 0
    index = BanIndex(bans)
    # migrations a page at a time, in id order: the links of a page only touch
    # its own migrations, so the pages after it are the same either way
    mig_cols = ", ".join(f"m.`{p}` AS `{p}`" for p in _LINK_PROPS["Migration"])
    page_query = (f"MATCH (m:Migration) WHERE m.origin IS NOT NULL AND m.destination IS NOT NULL "
                  f"AND m.date IS NOT NULL "
                  f"AND m.id > $after AND NOT EXISTS {{ MATCH (:Ban)-[:TRIGGERED]->(m) }} "
                  f"RETURN {mig_cols} ORDER BY m.id LIMIT {int(MIGRATION_PAGE)}")
    new, after = 0, ""
    while True:
        migrations = store.query(page_query, {"after": after})
        if not migrations:
            return new
        after = migrations[-1]["id"]
        batch = GraphBatch()
        for ln in link_events(index, migrations):
            batch.add_rel("TRIGGERED", "Ban", ln["from"], "Migration", ln["to"], {
                "article_id": ln.get("article_id"), "start": ln.get("start"), "end": ln.get("end"),
                "confidence": ln.get("confidence"), "reason": ln.get("reason"),
                "lag_days": ln.get("lag_days"), "cue": ln.get("cue"),
                "scope": ln.get("scope") or "corpus"})
            if batch.counts()["relationships"] >= LINK_CHUNK:  # bounded transactions
                new += int(store.upsert(batch).get("relationships", 0))
                batch = GraphBatch()
        if batch.rels:
            new += int(store.upsert(batch).get("relationships", 0))


def ingest_paths(paths: Iterable[str], store, *, published: str | None = None,
                 workers: int = 1, progress: bool = True, link: bool = True) -> IngestSummary:
    """Read files, folders, JSON Lines or feeds (``-`` for stdin) and ingest them.

    ``published`` (ISO date) is used for articles that do not carry a date.
    Unreadable inputs are listed in ``summary.skipped``; the others are
    stored. See :func:`ingest_articles` for the other parameters.

    Examples
    --------
    >>> from kg.stores import open_store          # doctest: +SKIP
    >>> with open_store("kg-store.lbug") as store:  # doctest: +SKIP
    ...     ingest_paths(["samples/"], store).as_dict()
    """
    from ingest.readers import read_paths

    if isinstance(paths, str):
        paths = [paths]
    return ingest_articles(read_paths(list(paths), published=published), store,
                           workers=workers, progress=progress, link=link)


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(enabled: bool):
    if not enabled or not sys.stderr.isatty():
        return _NoBar()
    from tqdm import tqdm
    return tqdm(unit="article", file=sys.stderr, desc="ingest")
