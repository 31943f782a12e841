"""The ``kg`` command line: a thin layer over the library.

Each command parses its options, calls one library function and prints the
result; the work happens in :mod:`kg.ingest`, :mod:`kg.queries`,
:mod:`kg.export`, :mod:`kg.push` and :mod:`kg.evaluate`. Every
:class:`kg.errors.KGError` becomes a one-line message and exit status 1,
never a traceback.

=================================  ===================================================
command                            library call
=================================  ===================================================
``kg ingest PATH...``              :func:`kg.ingest.ingest_paths`
``kg extract PATH...``             :func:`ingest.pipeline.extract` + :func:`kg.linking.link_record`
``kg query NAME -p KEY VALUE``     :func:`kg.queries.run_query`
``kg query --cypher TEXT``         :func:`kg.queries.run_cypher`
``kg export FORMAT OUT``           :func:`kg.export.export_store`
``kg push --to URI``               :func:`kg.push.push`
``kg eval GOLD_DIR [PRED]``        :func:`kg.evaluate.score`
=================================  ===================================================

Heavy modules (spaCy, the stores, networkx) are imported inside the
commands, so ``kg --help`` and ``kg extract`` start fast.
"""
from __future__ import annotations

import sys
from typing import Any, Callable

import click

from kg.errors import KGError
from kg.output import emit, output_options, to_json

__all__ = ["cli", "main"]


class _Group(click.Group):
    """A group that turns library errors into clean messages."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KGError as e:
            raise click.ClickException(str(e)) from None


def _store_options(f: Callable) -> Callable:
    f = click.option("--database", metavar="NAME", default=None,
                     help="Neo4j database name (ignored for a file store).")(f)
    f = click.option("--store", "store_spec", metavar="PATH|URI", envvar="KG_STORE", default=None,
                     help="LadybugDB file or neo4j:// / bolt:// URI "
                          "[default: $KG_STORE, else ./kg-store.lbug].")(f)
    return f


def _open(spec: str | None, database: str | None, *, read_only: bool = False):
    from kg.stores import open_store
    return open_store(spec, database=database, read_only=read_only)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="regkg", prog_name="kg")
def cli() -> None:
    """Turn news about regulatory actions into a knowledge graph.

    Read articles (Arabic or English) with `kg ingest`, ask the graph with
    `kg query`, draw it with `kg export`. `kg extract` shows what the
    pipeline finds without storing anything; `kg eval` scores it.
    """


# --------------------------------------------------------------------------- ingest

@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@_store_options
@click.option("--published", metavar="DATE", default=None,
              help="Publication date for articles that carry none (e.g. 2021-06-22).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extraction processes.")
@click.option("--no-progress", is_flag=True, help="Do not show a progress bar.")
def ingest(paths: tuple[str, ...], store_spec: str | None, database: str | None,
           published: str | None, workers: int, no_progress: bool) -> None:
    """Read articles and add what they say to the store.

    PATH is a file (.txt, .html, .jsonl, .json, RSS/Atom), a folder (read
    recursively) or - for standard input. Articles already stored with the
    same text are skipped, so ingesting twice changes nothing.

    \b
    Python: kg.ingest.ingest_paths(paths, store, published=..., workers=...)
    """
    from kg.ingest import ingest_paths

    store = _open(store_spec, database)
    try:
        summary = ingest_paths(list(paths), store, published=published, workers=workers,
                               progress=not no_progress)
    finally:
        store.close()
    d = summary.as_dict()
    lines = [f"read {d['read']} articles: {d.get('stored', 0)} stored, {d['unchanged']} unchanged, "
             f"{len(d['skipped'])} skipped ({d['seconds']} s)",
             f"new: {d['new_nodes']} nodes, {d['new_relationships']} relationships; "
             f"{d['bans']} bans, {d['migrations']} migrations, {d['links']} links"]
    lines += [f"skipped {s['source']}: {s['reason']}" for s in d["skipped"]]
    click.echo("\n".join(lines), err=True)
    if not d["read"]:
        sys.exit(1)


# --------------------------------------------------------------------------- extract

@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl",
              show_default=True, help="One record a line, or one JSON array.")
@click.option("--published", metavar="DATE", default=None,
              help="Publication date for articles that carry none (resolves relative dates).")
@click.option("--with-text", is_flag=True, help="Keep the article text in each record.")
def extract(paths: tuple[str, ...], fmt: str, published: str | None, with_text: bool) -> None:
    """Print the extraction record of each article; store nothing.

    PATH as for `kg ingest` (- for standard input). Unreadable inputs are
    reported on standard error, naming the file, and skipped.

    \b
    Python: ingest.pipeline.extract(article); kg.linking.link_record(record)
    """
    from ingest.readers import read_paths

    extractor = None
    n_ok = n_bad = 0
    records = []
    for item in read_paths(list(paths), published=published):
        if isinstance(item, Exception):
            n_bad += 1
            click.echo(f"error: {item}", err=True)
            continue
        if extractor is None:  # spaCy loads only once an article is read
            from ingest.pipeline import extract as extractor
            from kg.linking import link_record
        try:
            record = extractor(item)
            link_record(record)
        except KGError as e:
            n_bad += 1
            click.echo(f"error: {item.source}: {e}", err=True)
            continue
        n_ok += 1
        if not with_text:
            record.get("article", {}).pop("text", None)
        if fmt == "jsonl":
            click.echo(to_json(record))
        else:
            records.append(record)
    if fmt == "json":
        click.echo(to_json(records, indent=1))
    if not n_ok and n_bad:
        sys.exit(1)


# --------------------------------------------------------------------------- query

def _query_list_rows() -> list[dict]:
    from kg.queries import load_queries

    rows = []
    for q in load_queries().values():
        params = " ".join(p if p in q.required else f"{p}={to_json(q.defaults[p])}" for p in q.params)
        rows.append({"name": q.name, "title": q.title, "params": params, "description": q.description})
    return rows


@cli.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="KEY VALUE",
              help="A query parameter; values are typed: 3, 0.5, true, null, [\"CN\",\"KZ\"].")
@click.option("--cypher", metavar="TEXT", default=None,
              help="Run this Cypher instead of a stored query (- reads it from stdin).")
@click.option("--write", is_flag=True, help="Allow --cypher to change the store.")
@_store_options
@output_options
def query(name: str | None, params: tuple[tuple[str, str], ...], cypher: str | None, write: bool,
          store_spec: str | None, database: str | None, fmt: str) -> None:
    """Run a stored query (see `kg query list`) or ad-hoc Cypher.

    \b
    Examples:
      kg query list -t
      kg query bans -p country CN --csv
      kg query evidence -p id CN-SC --nl
      kg query --cypher "MATCH (b:Ban) RETURN b.date AS date" -t

    --cypher is read-only unless --write is given: CREATE, MERGE, SET,
    DELETE, REMOVE, DROP, LOAD, COPY, ALTER and procedure calls that may
    write are refused. Parameters are always passed as parameters.

    \b
    Python: kg.queries.run_query(store, name, params)
    """
    from kg.queries import check_read_only, coerce_param, get_query, run_cypher, run_query

    if cypher is not None and name is not None:
        raise click.UsageError("give a query NAME or --cypher, not both")
    if cypher is None and name is None:
        raise click.UsageError("give a query NAME (see `kg query list`) or --cypher TEXT")
    if name == "list":
        emit(_query_list_rows(), fmt)
        return
    values = {k: coerce_param(v) for k, v in params}
    if cypher is not None:
        if cypher == "-":
            cypher = sys.stdin.read()
        if not write:
            check_read_only(cypher)  # before opening the store: a refused query touches nothing
    else:
        get_query(name)  # an unknown name fails before the store is opened
    store = _open(store_spec, database, read_only=not write)
    try:
        if cypher is not None:
            rows = run_cypher(store, cypher, values, write=write)
        else:
            rows = run_query(store, name, values)
    finally:
        store.close()
    emit(rows, fmt)


# --------------------------------------------------------------------------- export

EXPORT_FORMATS = ("html", "graphml", "gexf", "json", "flows", "timeline")


@cli.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS))
@click.argument("out", type=click.Path(dir_okay=False, writable=True))
@_store_options
@click.option("--country", metavar="CODE", default=None,
              help="Only what concerns this place (ISO code, e.g. CN or CN-SC).")
@click.option("--since", metavar="DATE", default=None, help="Only events on or after this date.")
@click.option("--until", metavar="DATE", default=None, help="Only events on or before this date.")
@click.option("--type", "types", metavar="TYPE", multiple=True,
              help="Only these entity or event types (repeat or comma-separate: --type BAN,PROVINCE).")
def export(fmt: str, out: str, store_spec: str | None, database: str | None, country: str | None,
           since: str | None, until: str | None, types: tuple[str, ...]) -> None:
    """Write the graph (or a filtered part of it) to a file.

    \b
    FORMAT: html      one self-contained interactive page
            graphml   GraphML (yEd, Cytoscape, networkx)
            gexf      GEXF (Gephi)
            json      networkx node-link JSON
            flows     map of migrations (.html, .png or .svg)
            timeline  bans and migrations in time (.html, .png or .svg)

    \b
    Python: kg.export.export_store(store, format, out, country=..., since=..., until=..., types=...)
    """
    from kg.export import export_store

    store = _open(store_spec, database, read_only=True)
    try:
        path = export_store(store, fmt, out, country=country, since=since, until=until,
                            types=[t for v in types for t in v.split(",") if t] or None)
    finally:
        store.close()
    click.echo(f"wrote {path}", err=True)


# --------------------------------------------------------------------------- push

@cli.command()
@click.option("--to", "to", metavar="URI", required=True,
              help="Destination store: neo4j:// / bolt:// URI or another LadybugDB file.")
@_store_options
def push(to: str, store_spec: str | None, database: str | None) -> None:
    """Copy every node and relationship of the store to another store.

    Typically from the embedded file to a Neo4j server; ids are kept, so
    pushing again only adds what is new. --database names the destination's
    Neo4j database.

    \b
    Python: kg.push.push(src_store, dst_store)
    """
    from kg.push import push as push_stores
    from kg.stores import open_store

    src = _open(store_spec, None, read_only=True)
    try:
        dst = open_store(to, database=database)
        try:
            result = push_stores(src, dst)
        finally:
            dst.close()
    finally:
        src.close()
    emit([dict(result)], "json")


# --------------------------------------------------------------------------- eval

@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("pred", required=False, metavar="[PRED.jsonl]")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A readable report, or the scores and errors as JSON.")
@click.option("--no-errors", is_flag=True, help="Print the scores only, not misses and false alarms.")
def eval_(gold_dir: str, pred: str | None, fmt: str, no_errors: bool) -> None:
    """Score extraction against gold annotations.

    GOLD_DIR holds ID.txt articles and ID.gold.json annotations. Without
    PRED, the pipeline runs on the articles (with the gold publication
    dates); with PRED (extraction records, JSON Lines, - for stdin) those
    are scored. The report gives precision, recall and F1 per entity type
    and for bans, migration flows, actors and links, then every miss and
    false alarm with its sentence.

    \b
    Python: kg.evaluate.score(kg.evaluate.load_gold(dir), records)
    """
    from kg import evaluate

    gold = evaluate.load_gold(gold_dir)
    records = evaluate.load_predictions(pred) if pred else evaluate.predict(gold)
    result = evaluate.score(gold, records)
    if fmt == "json":
        d = result.as_dict()
        if no_errors:
            d.pop("errors")
        click.echo(to_json(d, indent=1))
    else:
        click.echo(evaluate.format_text(result, errors=not no_errors), nl=False)


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the ``kg`` script."""
    return cli.main(args=argv, prog_name="kg")


if __name__ == "__main__":  # pragma: no cover
    main()
