"""Exports and pictures of the graph.

Everything starts from :func:`kg.graph.to_networkx`, so every format takes
the same filters (``country``, ``since``, ``until``, ``types``).

========== ==================================================== =====================
format     what                                                 function
========== ==================================================== =====================
html       the explorer: one self-contained interactive page    :func:`write_html`
graphml    GraphML (yEd, Cytoscape, networkx)                   :func:`write_graphml`
gexf       GEXF 1.2 (Gephi)                                     :func:`write_gexf`
json       networkx node-link JSON                              :func:`write_json`
flows      map of migrations (.html, .png or .svg)              :func:`write_flows`
timeline   bans and migrations in time (.html, .png or .svg)    :func:`write_timeline`
========== ==================================================== =====================

Examples
--------
>>> from kg.stores.ladybug import LadybugStore          # doctest: +SKIP
>>> export_store(LadybugStore("kg.lbug"), "flows", "flows.html", country="CN")  # doctest: +SKIP
PosixPath('flows.html')
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from kg.export.flows import write_flows
from kg.export.formats import ExportError, flatten_graph, graph_to_json, write_gexf, write_graphml, write_json
from kg.export.html import write_html
from kg.export.timeline import write_timeline
from kg.graph import to_networkx

__all__ = [
    "FORMATS", "ExportError", "export_graph", "export_store", "flatten_graph", "graph_to_json",
    "write_gexf", "write_graphml", "write_json", "write_html", "write_flows", "write_timeline",
]


#: format name -> writer(G, path)
FORMATS = {
    "html": write_html, "graphml": write_graphml, "gexf": write_gexf, "json": write_json,
    "flows": write_flows, "timeline": write_timeline,
}


def export_graph(G: nx.MultiDiGraph, fmt: str, out: str | Path) -> Path:
    """Write an already built graph in ``fmt`` to ``out``."""
    writer = FORMATS.get((fmt or "").lower())
    if writer is None:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    return writer(G, out)


def export_store(store, fmt: str, out: str | Path, *, country: str | None = None,
                 since: str | None = None, until: str | None = None,
                 types: Iterable[str] | None = None) -> Path:
    """Read ``store`` through the filters and write it in ``fmt`` to ``out``.

    Parameters
    ----------
    store : kg.stores.base.Store
    fmt : {"html", "graphml", "gexf", "json", "flows", "timeline"}
    out : path
        ``flows`` and ``timeline`` pick HTML, PNG or SVG by its extension.
    country, since, until, types
        See :func:`kg.graph.to_networkx`.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    if (fmt or "").lower() not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    G = to_networkx(store, country=country, since=since, until=until, types=types)
    return export_graph(G, fmt, out)
