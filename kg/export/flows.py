"""The flow map: migrations drawn as arrows from origin to destination.

Arrow width grows with the square root of the quantity moved (compared
within one unit: machines with machines, MW with MW); an arrow's colour is
the ban that triggered it (grey when no ban did). Places are put at:

1. the point given in ``assets/coords.json`` (provinces, cities, regions),
2. else, for a country, the centroid of its largest polygon in the bundled
   Natural Earth 1:110m shapes (``assets/countries-110m.json``),
3. else the point of the country the place belongs to (id prefix
   ``CN-``, the node's ``country`` property, or a ``LOCATED_IN`` parent).

Migrations whose origin or destination cannot be placed are listed under
the map instead of drawn. Nothing is fetched: the shapes ship with the
package.

:func:`write_flows` writes HTML (inline SVG with tooltips), PNG or SVG
(matplotlib) by the extension of the path.
"""
from __future__ import annotations

import html as _html
import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import networkx as nx

from kg.export.formats import write_picture
from kg.export.html import html_page
from kg.graph import place_country

__all__ = ["FlowMap", "Flow", "flow_map", "place_point", "world_shapes", "render_flows_html",
           "write_flows", "BAN_PALETTE"]

_ASSETS = Path(__file__).parent / "assets"

#: colours given to triggering bans, in order of first appearance
BAN_PALETTE = ["#d62728", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf",
               "#2ca02c", "#1f77b4", "#7b4173"]
NO_BAN = "#7f8c8d"


# ---------------------------------------------------------------- geometry
@lru_cache(maxsize=1)
def world_shapes() -> dict[str, list[list[tuple[float, float]]]]:
    """Country rings (lon, lat) keyed by ISO 3166-1 alpha-2, decoded from the bundled TopoJSON."""
    import pycountry

    topo = json.loads((_ASSETS / "countries-110m.json").read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(idx: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in idx:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)
        # unwrap longitudes so that a ring touching the antimeridian draws no line across the map
        shift, prev = 0.0, None
        for k, (lon, lat) in enumerate(out):
            if prev is not None and abs(lon + shift - prev) > 180:
                shift += 360.0 if prev > lon + shift else -360.0
            out[k] = (lon + shift, lat)
            prev = lon + shift
        return out

    shapes: dict[str, list] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        num = geom.get("id")
        country = pycountry.countries.get(numeric=num) if num else None
        key = country.alpha_2 if country else "~" + geom.get("properties", {}).get("name", "?")
        if key == "AQ":  # Antarctica: no mining flows, and it spans every longitude
            continue
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]] if geom["type"] == "Polygon" else []
        shapes.setdefault(key, []).extend(ring(poly[0]) for poly in polys)  # outer rings only
    return shapes


def _centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        xs, ys = zip(*ring)
        return sum(xs) / len(xs), sum(ys) / len(ys), 0.0
    return cx / (3 * a), cy / (3 * a), abs(a) / 2


@lru_cache(maxsize=1)
def _coords() -> dict[str, dict]:
    return json.loads((_ASSETS / "coords.json").read_text(encoding="utf-8"))["places"]


@lru_cache(maxsize=512)
def _country_point(code: str) -> tuple[float, float] | None:
    rings = world_shapes().get(code)
    if not rings:
        return None
    lon, lat, _ = max((_centroid(r) for r in rings), key=lambda c: c[2])
    return lat, lon


def place_point(G: nx.MultiDiGraph | None, place_id: str | None) -> tuple[float, float] | None:
    """(lat, lon) of a place id, or None when it cannot be placed (see module docstring)."""
    if not place_id:
        return None
    coords = _coords()
    d = G.nodes[place_id] if G is not None and place_id in G else {}
    tail = place_id.split(":", 1)[1] if ":" in place_id else None
    for key in (place_id, tail, d.get("name_en"), d.get("name")):
        if key and key in coords:
            return coords[key]["lat"], coords[key]["lon"]
        if key and key.title() in coords:
            return coords[key.title()]["lat"], coords[key.title()]["lon"]
    if len(place_id) == 2 and place_id.isupper():
        pt = _country_point(place_id)
        if pt:
            return pt
    parents = [place_country(place_id), d.get("country")]
    if G is not None and place_id in G:
        parents += [v for _, v, e in G.out_edges(place_id, data=True) if e.get("type") == "LOCATED_IN"]
    for p in parents:
        if p and p != place_id:
            pt = place_point(G, p)
            if pt:
                return pt
    return None


# ---------------------------------------------------------------- the model of the picture
@dataclass
class Flow:
    """One migration arrow (or a migration that could not be placed)."""
    id: str
    origin: str | None
    destination: str | None
    src: tuple[float, float] | None
    dst: tuple[float, float] | None
    amount: float | None
    unit: str | None
    bans: list[str]
    color: str
    width: float = 2.5
    bend: float = 0.2
    inferred: bool = False  # origin not told: the pipeline's guess or the triggering ban's place
    info: dict = field(default_factory=dict)

    @property
    def placed(self) -> bool:
        return self.src is not None and self.dst is not None


@dataclass
class FlowMap:
    """Everything the three renderings draw: arrows, places, ban colours, view box."""
    flows: list[Flow]
    places: dict[str, tuple[float, float]]
    place_names: dict[str, str]
    ban_colors: dict[str, str]
    ban_names: dict[str, str]
    bbox: tuple[float, float, float, float]  # lon0, lat0, lon1, lat1

    @property
    def drawn(self) -> list[Flow]:
        return [f for f in self.flows if f.placed]

    @property
    def unplaced(self) -> list[Flow]:
        return [f for f in self.flows if not f.placed]


def _latin_name(G: nx.MultiDiGraph, pid: str) -> str:
    d = G.nodes[pid] if pid in G else {}
    for k in ("name_en", "name"):
        v = d.get(k)
        if v and not any("\u0600" <= ch <= "\u06ff" for ch in str(v)):
            return str(v)
    coords = _coords()
    if pid in coords:
        return coords[pid]["name"]
    return pid


def _endpoint(G: nx.MultiDiGraph, n: str, d: dict, role: str) -> str | None:
    if d.get(role):
        return d[role]
    for _, v, e in G.out_edges(n, data=True):
        if e.get("type") == role.upper():
            return v
    return None


def flow_map(G: nx.MultiDiGraph) -> FlowMap:
    """Compute the arrows, places, colours and view of the flow map of ``G``."""
    flows: list[Flow] = []
    ban_colors: dict[str, str] = {}
    ban_names: dict[str, str] = {}
    migs = sorted((n for n, d in G.nodes(data=True) if d.get("label") == "Migration"),
                  key=lambda n: (str(G.nodes[n].get("date") or "~"), str(n)))
    for n in migs:
        d = G.nodes[n]
        o, t = _endpoint(G, n, d, "origin"), _endpoint(G, n, d, "destination")
        trig = sorted(((e.get("confidence") or 0, u) for u, _, e in G.in_edges(n, data=True)
                       if e.get("type") == "TRIGGERED"), reverse=True)
        bans = [u for _, u in trig]
        inferred = bool(o and d.get("origin_inferred"))  # the pipeline's guess, not the text's
        if not o and bans and G.nodes[bans[0]].get("jurisdiction"):
            # the text did not say where from: the triggering ban's jurisdiction is the origin
            o, inferred = G.nodes[bans[0]]["jurisdiction"], True
        for b in bans:
            if b not in ban_colors:
                ban_colors[b] = BAN_PALETTE[len(ban_colors) % len(BAN_PALETTE)]
                ban_names[b] = str(G.nodes[b].get("name", b))
        amt = d.get("amount_max") if d.get("amount_max") is not None else d.get("amount")
        flows.append(Flow(
            id=str(n), origin=o, destination=t, src=place_point(G, o), dst=place_point(G, t),
            amount=float(amt) if amt is not None else None, unit=d.get("unit"), bans=bans,
            color=ban_colors[bans[0]] if bans else NO_BAN,
            inferred=inferred,
            info={"name": d.get("name", n), "date": d.get("date"), "status": d.get("status"),
                  "actor": d.get("actor"), "sentence": d.get("sentence"),
                  "article": d.get("article_title") or d.get("article_source"),
                  "origin": _latin_name(G, o) if o else None,
                  "destination": _latin_name(G, t) if t else None,
                  "bans": [ban_names[b] for b in bans]}))
    # widths: sqrt of the amount relative to the largest of the same unit
    top: dict[str, float] = {}
    for f in flows:
        if f.amount is not None and f.amount > 0:
            top[f.unit or ""] = max(top.get(f.unit or "", 0.0), f.amount)
    for f in flows:
        if f.amount is not None and f.amount > 0:
            f.width = 2.5 + 6.5 * math.sqrt(f.amount / top[f.unit or ""])
    # bends: parallel arrows between the same two places fan out
    pair_count: dict[tuple, int] = {}
    for f in flows:
        if not f.placed:
            continue
        key = tuple(sorted((f.origin or "", f.destination or "")))
        k = pair_count.get(key, 0)
        pair_count[key] = k + 1
        f.bend = (0.18 + 0.14 * (k // 2)) * (1 if k % 2 == 0 else -1)
    places: dict[str, tuple[float, float]] = {}
    names: dict[str, str] = {}
    for f in flows:
        if not f.placed:
            continue
        for pid, pt in ((f.origin, f.src), (f.destination, f.dst)):
            if pid and pt:
                places[pid] = pt
                names[pid] = _latin_name(G, pid)
    if places:
        lats = [p[0] for p in places.values()]
        lons = [p[1] for p in places.values()]
        lon0, lon1, lat0, lat1 = min(lons) - 12, max(lons) + 12, min(lats) - 10, max(lats) + 10
        if lon1 - lon0 < 60:
            c = (lon0 + lon1) / 2
            lon0, lon1 = c - 30, c + 30
        want = max(35.0, (lon1 - lon0) / 2.2)
        if lat1 - lat0 < want:
            c = (lat0 + lat1) / 2
            lat0, lat1 = c - want / 2, c + want / 2
            if lat1 > 84:
                lat0, lat1 = lat0 - (lat1 - 84), 84
            if lat0 < -60:
                lat0, lat1 = -60, lat1 + (-60 - lat0)
        bbox = (max(lon0, -180), max(lat0, -85), min(lon1, 180), min(lat1, 85))
    else:
        bbox = (-180.0, -60.0, 180.0, 85.0)
    return FlowMap(flows, places, names, ban_colors, ban_names, bbox)


# ---------------------------------------------------------------- HTML / SVG (hand-written)
_S = 6.0  # SVG units per degree


def _xy(lat: float, lon: float) -> tuple[float, float]:
    return (lon + 180) * _S, (90 - lat) * _S


def _curve(f: Flow) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    (x0, y0), (x1, y1) = _xy(*f.src), _xy(*f.dst)
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = x1 - x0, y1 - y0
    return (x0, y0), (mx - dy * f.bend, my + dx * f.bend), (x1, y1)


def _head(c: tuple[float, float], p1: tuple[float, float], width: float) -> str:
    tx, ty = p1[0] - c[0], p1[1] - c[1]
    n = math.hypot(tx, ty) or 1.0
    tx, ty = tx / n, ty / n
    size = 10 + width * 2.0
    bx, by = p1[0] - tx * size, p1[1] - ty * size
    px, py = -ty * size * 0.5, tx * size * 0.5
    return f"{p1[0]:.1f},{p1[1]:.1f} {bx + px:.1f},{by + py:.1f} {bx - px:.1f},{by - py:.1f}"


def _country_paths(bbox: tuple[float, float, float, float]) -> list[tuple[str, str]]:
    lon0, lat0, lon1, lat1 = bbox
    out = []
    for code, rings in sorted(world_shapes().items()):
        parts = []
        for r in rings:
            xs = [p[0] for p in r]
            ys = [p[1] for p in r]
            if max(xs) < lon0 - 5 or min(xs) > lon1 + 5 or max(ys) < lat0 - 5 or min(ys) > lat1 + 5:
                continue
            pts = [_xy(lat, lon) for lon, lat in r]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
        if parts:
            out.append((code, "".join(parts)))
    return out


_FLOW_CSS = """
main{display:flex;gap:12px;padding:12px;align-items:flex-start}
#map{flex:1;min-width:0;background:#dfeef7;border:1px solid #ccc}
#map svg{width:100%;height:auto;display:block}
.country{fill:#f4f1ea;stroke:#b9b2a3;stroke-width:.6}
.country.on{fill:#ece3cf}
.flow path.line{fill:none;stroke-linecap:round;opacity:.85}
.flow:hover path.line{opacity:1}
.place circle{fill:#222;stroke:#fff;stroke-width:1.2}
.place text{font-size:11px;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}
aside{width:300px;font-size:13px}
aside small{color:#666}
aside .sw{display:inline-block;width:22px;height:6px;margin-right:6px;vertical-align:middle}
#unplaced li{margin:4px 0}
"""

_FLOW_JS = """(function(){"use strict";
var data=JSON.parse(document.getElementById("kg-data").textContent);
var tip=document.getElementById("tip");
function line(t){var d=document.createElement("div");d.textContent=t;d.setAttribute("dir","auto");return d;}
document.querySelectorAll("g.flow").forEach(function(g){
 var f=data.flows[+g.getAttribute("data-i")];
 g.addEventListener("mousemove",function(ev){
  tip.textContent="";
  var b=document.createElement("strong");b.textContent=f.name;tip.appendChild(b);
  tip.appendChild(line((f.origin||"?")+" \\u2192 "+(f.destination||"?")));
  if(f.origin_inferred)tip.appendChild(line("origin inferred, not told in the text"));
  if(f.quantity)tip.appendChild(line("quantity: "+f.quantity));
  if(f.date)tip.appendChild(line("date: "+f.date+(f.status?" ("+f.status+")":"")));
  if(f.bans.length)tip.appendChild(line("triggered by: "+f.bans.join("; ")));
  if(f.sentence)tip.appendChild(line("\\u201c"+f.sentence+"\\u201d"));
  if(f.article)tip.appendChild(line("source: "+f.article));
  tip.style.display="block";tip.style.left=(ev.clientX+14)+"px";tip.style.top=(ev.clientY+10)+"px";});
 g.addEventListener("mouseleave",function(){tip.style.display="none";});
});
document.body.setAttribute("data-ready","1");})();"""


def _qty(f: Flow) -> str | None:
    if f.amount is None:
        return None
    a = int(f.amount) if float(f.amount).is_integer() else f.amount
    return f"{a:,} {f.unit or ''}".strip()


def _esc(s: str) -> str:
    return _html.escape(str(s), quote=True)


def render_flows_html(G: nx.MultiDiGraph, *, title: str = "Migrations of mining operations") -> str:
    """The flow map page (inline SVG + tooltip script) as a string."""
    fm = flow_map(G)
    lon0, lat0, lon1, lat1 = fm.bbox
    (vx0, vy0), (vx1, vy1) = _xy(lat1, lon0), _xy(lat0, lon1)
    used = {place_country(p) or p for p in fm.places}
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{vx0:.0f} {vy0:.0f} {vx1 - vx0:.0f} '
           f'{vy1 - vy0:.0f}" role="img" aria-label="flow map"><g id="countries">']
    for code, d in _country_paths(fm.bbox):
        cls = "country on" if code in used else "country"
        svg.append(f'<path class="{cls}" data-code="{_esc(code)}" d="{d}"/>')
    svg.append('</g><g id="flows">')
    for i, f in enumerate(fm.flows):
        if not f.placed:
            continue
        p0, c, p1 = _curve(f)
        dash = "" if f.amount is not None else ' stroke-dasharray="6 4"'
        svg.append(
            f'<g class="flow" data-i="{i}" data-id="{_esc(f.id)}">'
            f'<path class="line" d="M{p0[0]:.1f},{p0[1]:.1f}Q{c[0]:.1f},{c[1]:.1f} {p1[0]:.1f},{p1[1]:.1f}" '
            f'stroke="{f.color}" stroke-width="{f.width:.2f}"{dash}/>'
            f'<polygon class="head" points="{_head(c, p1, f.width)}" fill="{f.color}"/></g>')
    svg.append('</g><g id="places">')
    for pid, (lat, lon) in sorted(fm.places.items()):
        x, y = _xy(lat, lon)
        svg.append(f'<g class="place" data-id="{_esc(pid)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="3.5"/>'
                   f'<text x="{x + 6:.1f}" y="{y - 5:.1f}">{_esc(fm.place_names[pid])}</text></g>')
    svg.append("</g></svg>")

    legend = ['<aside><h2>Legend</h2><p>Arrow: origin \u2192 destination; width grows with the quantity '
              'moved (square root, within one unit); dashed when no quantity is known. When the text names '
              'no origin, the arrow starts at the triggering ban\u2019s jurisdiction.</p><ul>']
    for b, col in fm.ban_colors.items():
        snippet = str(G.nodes[b].get("sentence") or "") if b in G else ""
        snippet = snippet if len(snippet) <= 80 else snippet[:79] + "\u2026"
        legend.append(f'<li><span class="sw" style="background:{col}"></span>triggered by '
                      f'<bdi>{_esc(fm.ban_names[b])}</bdi>'
                      + (f'<br><small dir="auto">{_esc(snippet)}</small>' if snippet else "") + '</li>')
    legend.append(f'<li><span class="sw" style="background:{NO_BAN}"></span>no triggering ban recorded</li></ul>')
    legend.append(f'<p id="counts">{len(fm.drawn)} migrations drawn, {len(fm.unplaced)} not placed.</p>')
    if fm.unplaced:
        legend.append('<h3>Not placed</h3><ul id="unplaced">')
        for f in fm.unplaced:
            legend.append(f'<li dir="auto">{_esc(f.info["name"])}</li>')
        legend.append("</ul>")
    legend.append('<p style="font-size:11px;color:#777">Map shapes: Natural Earth 1:110m (public domain).</p></aside>')
    body = (f'<header><h1>{_esc(title)}</h1></header><main><div id="map">{"".join(svg)}</div>'
            f'{"".join(legend)}</main><div id="tip" class="tooltip"></div>')
    data = {"flows": [{"id": f.id, "name": str(f.info["name"]), "origin": f.info["origin"],
                       "destination": f.info["destination"], "quantity": _qty(f),
                       "date": f.info["date"], "status": f.info["status"], "bans": f.info["bans"],
                       "sentence": f.info["sentence"], "article": f.info["article"], "placed": f.placed,
                       "origin_inferred": f.inferred}
                      for f in fm.flows]}
    return html_page(title, body, _FLOW_JS, data, css=_FLOW_CSS)


# ---------------------------------------------------------------- PNG / SVG (matplotlib)
def _plot_flows(G: nx.MultiDiGraph, path: Path, title: str) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import PolyCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path as MplPath

    fm = flow_map(G)
    lon0, lat0, lon1, lat1 = fm.bbox
    fig, ax = plt.subplots(figsize=(11, 11 * (lat1 - lat0) / (lon1 - lon0) + 0.8))
    ax.set_facecolor("#dfeef7")
    polys = [r for rings in world_shapes().values() for r in rings]
    ax.add_collection(PolyCollection(polys, facecolors="#f4f1ea", edgecolors="#b9b2a3", linewidths=0.5))
    for f in fm.drawn:
        pts = [(x / _S - 180, 90 - y / _S) for x, y in _curve(f)]  # the HTML curve, in lon/lat
        curve = MplPath(pts, [MplPath.MOVETO, MplPath.CURVE3, MplPath.CURVE3])
        ax.add_patch(FancyArrowPatch(path=curve, arrowstyle="-|>", mutation_scale=10 + f.width * 2,
                                     lw=f.width, color=f.color, alpha=0.85,
                                     linestyle="-" if f.amount is not None else "--", zorder=3))
    for pid, (lat, lon) in fm.places.items():
        ax.plot(lon, lat, "o", color="#222", ms=4, zorder=4)
        ax.annotate(fm.place_names[pid], (lon, lat), xytext=(5, 4), textcoords="offset points", fontsize=8,
                    zorder=5)
    handles = [Line2D([], [], color=c, lw=3, label=f"triggered by {fm.ban_names[b]}")
               for b, c in fm.ban_colors.items()]
    handles.append(Line2D([], [], color=NO_BAN, lw=3, label="no triggering ban recorded"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, fontsize=8,
              frameon=False)
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    note = f"{len(fm.drawn)} migrations drawn" + (f", {len(fm.unplaced)} not placed" if fm.unplaced else "")
    ax.set_title(f"{title}\n{note}", fontsize=11)
    fig.text(0.99, 0.005, "Map: Natural Earth 1:110m (public domain)", ha="right", fontsize=6, color="#777")
    fig.tight_layout()
    fig.savefig(path, dpi=150, bbox_inches="tight", pad_inches=0.2)
    plt.close(fig)


def write_flows(G: nx.MultiDiGraph, path: str | Path, *, title: str = "Migrations of mining operations") -> Path:
    """Write the flow map to ``path``: ``.html`` (interactive), ``.png`` or ``.svg`` (matplotlib)."""
    return write_picture(path, "flows", lambda: render_flows_html(G, title=title),
                         lambda p: _plot_flows(G, p, title))
