"""The HTML explorer: one self-contained page to browse the graph.

The page holds everything it needs: styles, a small force layout and SVG
drawing script written for this project, and the graph as JSON in a
``<script type="application/json">`` block. It loads nothing from anywhere
(its Content-Security-Policy forbids it: ``default-src 'none'`` and a hash
for the one script), and every piece of article text reaches the page
through ``textContent``, never as markup.

What a user sees: nodes coloured and shaped by type (bans are red squares,
migrations blue diamonds, articles grey tiles, entities coloured circles)
with a legend whose boxes filter by type; dashed orange arrows for
TRIGGERED; a country menu, a date range and a search box; Arabic names
right-to-left beside the English ones; and, on a click, a side panel with
the evidence sentences and the article each comes from.

The helpers :func:`script_json` and :func:`html_page` are shared with the
flow map and the timeline.
"""
from __future__ import annotations

import base64
import hashlib
import html as _html
import json
from pathlib import Path
from typing import Any

import networkx as nx

from kg.graph import event_places, place_country

__all__ = ["TYPE_COLORS", "script_json", "html_page", "explorer_data", "render_html", "write_html"]

#: fill colour of every node type (shared by all pictures)
TYPE_COLORS: dict[str, str] = {
    "BAN": "#c0392b", "MIGRATION": "#2471a3", "ARTICLE": "#7f8c8d",
    "COUNTRY": "#1e8449", "PROVINCE": "#52be80", "CITY": "#82e0aa", "REGION": "#117a65",
    "COMPANY": "#8e44ad", "ORGANIZATION": "#bb8fce", "REGULATOR": "#e67e22",
    "PERSON": "#d4ac0d", "DATE": "#aab7b8", "CAPACITY": "#5d6d7e", "ENTITY": "#34495e",
}

_MAX_EVIDENCE = 40


def script_json(obj: Any) -> str:
    """JSON safe to put inside ``<script type="application/json">``.

    ``<``, ``>``, ``&`` and U+2028/U+2029 are written as ``\\uXXXX`` escapes,
    so no string in the data can close the script element or start markup.

    >>> script_json({"t": "</script><b>&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    s = json.dumps(obj, ensure_ascii=False, default=str, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_BASE_CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,"DejaVu Sans","Noto Sans","Noto Sans Arabic",sans-serif;color:#222;background:#fafafa}
header{padding:8px 12px;background:#fff;border-bottom:1px solid #ddd;display:flex;flex-wrap:wrap;gap:10px;align-items:center}
header h1{font-size:16px;margin:0 12px 0 0}
header label{font-size:12px;color:#555}
input,select,button{font:inherit;font-size:13px;padding:2px 6px}
.tooltip{position:fixed;pointer-events:none;background:#fff;border:1px solid #999;border-radius:4px;padding:4px 8px;
 font-size:12px;max-width:360px;box-shadow:0 2px 6px rgba(0,0,0,.2);display:none;z-index:10}
.legend{font-size:12px}
.legend span.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle;border:1px solid #555}
bdi[dir=rtl]{font-family:"Noto Naskh Arabic","Noto Sans Arabic","DejaVu Sans",sans-serif}
"""


def html_page(title: str, body: str, script: str, data: Any, *, css: str = "") -> str:
    """A complete self-contained page: CSP, inline CSS, the data block and one script.

    ``body`` is trusted markup written by this package (no data in it);
    ``script`` reads the data from ``#kg-data``. The CSP allows exactly
    that script (by hash) and no request of any kind.
    """
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
           "img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{_html.escape(title)}</title>\n<style>{_BASE_CSS}{css}</style>\n</head>\n<body>\n"
        f"{body}\n<script type=\"application/json\" id=\"kg-data\">{script_json(data)}</script>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def _asset(name: str) -> str:
    return (Path(__file__).parent / "assets" / name).read_text(encoding="utf-8")


def _node_countries(G: nx.MultiDiGraph, n: str, d: dict) -> list[str]:
    """Countries and subdivisions a node belongs to, for the page's country menu."""
    places: list[str] = []
    if d.get("label") in ("Ban", "Migration"):
        places = event_places(d)
    elif d.get("label") == "Entity":
        places = [n] if (d.get("type") in ("COUNTRY", "PROVINCE", "CITY", "REGION")) else []
        if d.get("country"):
            places.append(d["country"])
    out: set[str] = set()
    for p in places:
        c = place_country(p)
        if c:
            out.add(c)
            if p != c:
                out.add(p)
    return sorted(out)


_SCALARS = (str, int, float, bool)
_HIDDEN = {"label", "type", "name", "name_ar", "name_en", "sentence", "article_title",
           "article_source", "article_url", "article_published"}


def explorer_data(G: nx.MultiDiGraph) -> dict:
    """The JSON the explorer page draws: nodes, edges, evidence and articles."""
    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    articles: dict[str, dict] = {}
    for n, d in G.nodes(data=True):
        if d.get("label") == "Article":
            articles[d.get("id", n)] = {k: d.get(k) for k in ("title", "source", "url", "published", "lang")}
    for n, d in G.nodes(data=True):
        aid = d.get("article_id")
        if aid and aid not in articles and d.get("label") in ("Ban", "Migration"):
            articles[aid] = {"title": d.get("article_title"), "source": d.get("article_source"),
                             "url": d.get("article_url"), "published": d.get("article_published")}

    evidence: dict[str, list[dict]] = {n: [] for n in nodes}
    seen: dict[str, dict] = {n: {} for n in nodes}

    def add(n, item):
        """One box per (sentence, article); the roles it supports are listed together."""
        key = (item.get("sentence"), item.get("article"))
        old = seen[n].get(key)
        if old is not None:
            if item.get("via") and item["via"] not in old.get("via", "").split("; "):
                old["via"] = "; ".join(filter(None, [old.get("via"), item["via"]]))
            for k, v in item.items():
                if v is not None and k not in old:
                    old[k] = v
            return
        if len(evidence[n]) >= _MAX_EVIDENCE:
            return
        row = {k: v for k, v in item.items() if v is not None}
        seen[n][key] = row
        evidence[n].append(row)

    for n, d in G.nodes(data=True):
        if d.get("sentence"):
            add(n, {"sentence": d["sentence"], "article": d.get("article_id"), "via": d.get("type")})
    for u, v, d in G.edges(data=True):
        if not d.get("sentence"):
            continue
        base = {"sentence": d["sentence"], "article": d.get("article_id"), "reason": d.get("reason"),
                "confidence": d.get("confidence"), "lag_days": d.get("lag_days")}
        # names isolated (U+2068..U+2069) so an Arabic name does not reorder its neighbours
        add(u, {**base, "via": f"{d['type']} \u2192 \u2068{G.nodes[v].get('name', v)}\u2069"})
        add(v, {**base, "via": f"\u2068{G.nodes[u].get('name', u)}\u2069 \u2192 {d['type']}"})

    out_nodes = []
    for n, d in G.nodes(data=True):
        attrs = {k: v for k, v in d.items() if k not in _HIDDEN and isinstance(v, _SCALARS)}
        out_nodes.append({
            "id": str(n), "label": d.get("label"), "type": d.get("type", "ENTITY"),
            "name": str(d.get("name", n)), "name_ar": d.get("name_ar"), "name_en": d.get("name_en"),
            "date": d.get("date") if d.get("label") in ("Ban", "Migration", "Article") else None,
            "countries": _node_countries(G, n, d), "attrs": attrs, "evidence": evidence[n],
        })
    out_edges = []
    for u, v, d in G.edges(data=True):
        out_edges.append({"s": index[u], "t": index[v], "type": d.get("type"),
                          "attrs": {k: val for k, val in d.items()
                                    if k in ("confidence", "reason", "lag_days", "cue", "scope")}})
    types = sorted({nd["type"] for nd in out_nodes},
                   key=lambda t: (list(TYPE_COLORS).index(t) if t in TYPE_COLORS else 99, t))
    countries = sorted({c for nd in out_nodes for c in nd["countries"]})
    return {"nodes": out_nodes, "edges": out_edges, "articles": articles, "types": types,
            "countries": countries, "colors": TYPE_COLORS,
            "filters": G.graph.get("filters") or {}}


_BODY = """<header>
<h1>Regulatory actions graph</h1>
<label>Search <input id="q" type="search" placeholder="name, id, Arabic…" autocomplete="off"></label>
<label>Country <select id="country"><option value="">all</option></select></label>
<label>From <input id="since" size="10" placeholder="YYYY-MM-DD"></label>
<label>To <input id="until" size="10" placeholder="YYYY-MM-DD"></label>
<button id="reset" type="button">Reset</button>
<span id="shown" class="legend"></span>
</header>
<div id="main">
<div id="canvas"><svg id="graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="knowledge graph">
<defs>
<marker id="arr" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#777"/></marker>
<marker id="arr-trig" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#e67e22"/></marker>
</defs>
<g id="viewport"><g id="edges"></g><g id="nodes"></g></g></svg></div>
<aside id="panel"><div id="legend" class="legend"></div><div id="details"><p class="hint">Click a node to see its evidence.</p></div></aside>
</div>"""

_CSS = """
#main{display:flex;height:calc(100vh - 50px)}
#canvas{flex:1;position:relative;overflow:hidden;background:#fff}
#graph{width:100%;height:100%;cursor:grab;user-select:none}
#panel{width:360px;overflow:auto;border-left:1px solid #ddd;padding:8px 12px;background:#fcfcfc}
.node{cursor:pointer}
.node text{font-size:10px;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px}
.node.hit .shape{stroke:#000;stroke-width:3px}
.node.sel .shape{stroke:#f1c40f;stroke-width:4px}
.node.dim{opacity:.15}
.edge{fill:none;stroke:#bbb;stroke-width:1}
.edge.MENTIONS{stroke:#ddd}
.edge.REPORTS{stroke:#aaa}
.edge.LOCATED_IN{stroke:#1e8449;stroke-dasharray:2 3}
.edge.JURISDICTION,.edge.AUTHORITY{stroke:#c0392b;stroke-width:1.3}
.edge.ORIGIN{stroke:#2471a3;stroke-width:1.3;stroke-dasharray:1 3}
.edge.DESTINATION{stroke:#2471a3;stroke-width:1.6}
.edge.ACTOR,.edge.QUANTITY{stroke:#8e44ad}
.edge.TRIGGERED{stroke:#e67e22;stroke-width:2.6;stroke-dasharray:7 4}
.hidden{display:none}
#details h2{font-size:16px;margin:8px 0}
#details table{border-collapse:collapse;font-size:12px;margin-bottom:8px}
#details td{border-top:1px solid #eee;padding:2px 6px;vertical-align:top}
.ev{border-left:3px solid #e67e22;background:#fff;padding:6px 8px;margin:6px 0}
.ev blockquote{margin:0 0 4px 0}
.ev .meta{font-size:11px;color:#666}
.badge{display:inline-block;color:#fff;border-radius:3px;padding:0 6px;font-size:11px}
.legend div{margin:2px 0}
.hint{color:#888}
"""


def render_html(G: nx.MultiDiGraph, *, title: str = "Regulatory actions graph") -> str:
    """The explorer page for ``G`` as a string."""
    return html_page(title, _BODY, _asset("explorer.js"), explorer_data(G), css=_CSS)


def write_html(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the explorer page for ``G`` to ``path`` (one self-contained file)."""
    path = Path(path)
    path.write_text(render_html(G), encoding="utf-8")
    return path
