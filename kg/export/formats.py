"""File formats for the graph: GraphML, GEXF and node-link JSON.

Named after networkx's readers and writers (``write_graphml`` /
``read_graphml`` …), so that a file written here is read back with
networkx, Gephi, Cytoscape or yEd.

GraphML and GEXF hold only scalars: list and dict properties are written as
JSON strings and None values are left out (:func:`flatten_graph`). GEXF
gives ``label``, ``type``, ``start`` and ``end`` their own meanings (node
label, edge direction, time spells), so there our ``label`` is written as
``kind``, an edge's ``type`` as ``rel_type`` and character offsets as
``char_start`` / ``char_end``; the GEXF label of a node is its name.
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.errors import KGError

__all__ = ["ExportError", "flatten_graph", "write_graphml", "write_gexf", "write_json", "graph_to_json",
           "write_picture"]


class ExportError(KGError):
    """An unknown export format, or an output path a format cannot write."""


def _flat(v):
    if isinstance(v, (list, tuple, dict, set)):
        return json.dumps(sorted(v) if isinstance(v, set) else v, ensure_ascii=False,
                          sort_keys=True, default=str)
    return v


def _flat_attrs(d: dict) -> dict:
    return {k: _flat(v) for k, v in d.items() if v is not None}


def flatten_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all scalars (lists/dicts as JSON, no None).

    >>> G = nx.MultiDiGraph(filters={"country": None, "types": ["BAN"]})
    >>> G.add_node("a", tags=["x"], note=None)
    >>> H = flatten_graph(G)
    >>> H.nodes["a"], H.graph
    ({'tags': '["x"]'}, {'filters': '{"country": null, "types": ["BAN"]}'})
    """
    H = nx.MultiDiGraph()
    H.graph.update(_flat_attrs(G.graph))
    for n, d in G.nodes(data=True):
        H.add_node(n, **_flat_attrs(d))
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **_flat_attrs(d))
    return H


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GraphML (``networkx.read_graphml`` reads it back)."""
    path = Path(path)
    nx.write_graphml(flatten_graph(G), path, encoding="utf-8")
    return path


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GEXF 1.2 for Gephi (see the module docstring for renamed keys)."""
    path = Path(path)
    H = nx.MultiDiGraph()
    H.graph.update(_flat_attrs(G.graph))
    for n, d in G.nodes(data=True):
        d = _flat_attrs(d)
        d = _gexf_offsets(d)
        d["kind"] = d.pop("label", "")
        d["label"] = str(d.get("name", n))
        H.add_node(n, **d)
    for u, v, k, d in G.edges(keys=True, data=True):
        d = _gexf_offsets(_flat_attrs(d))
        if "type" in d:
            d["rel_type"] = d.pop("type")
        d.pop("label", None)
        H.add_edge(u, v, key=k, **d)
    nx.write_gexf(H, path, encoding="utf-8")
    return path


def _gexf_offsets(d: dict) -> dict:
    for k in ("start", "end"):
        if k in d:
            d[f"char_{k}"] = d.pop(k)
    return d


def graph_to_json(G: nx.MultiDiGraph) -> dict:
    """``networkx.node_link_data`` of ``G`` (edges under ``"links"``)."""
    return nx.node_link_data(G, edges="links")


def write_json(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write node-link JSON (``networkx.node_link_graph(data, edges="links")`` reads it)."""
    path = Path(path)
    path.write_text(json.dumps(graph_to_json(G), ensure_ascii=False, indent=1, default=str),
                    encoding="utf-8")
    return path


def write_picture(path: str | Path, what: str, render_html, plot) -> Path:
    """Write a picture by the file's extension: ``.html`` from ``render_html()``
    (a string), ``.png`` / ``.svg`` through ``plot(path)`` (matplotlib)."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext in (".html", ".htm"):
        path.write_text(render_html(), encoding="utf-8")
    elif ext in (".png", ".svg"):
        plot(path)
    else:
        raise ExportError(f"{what}: cannot write {path.name!r}; use a .html, .png or .svg file name")
    return path
