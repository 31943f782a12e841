"""The timeline: bans and migrations on a time axis, TRIGGERED links between them.

Bans sit on the upper lane, migrations on the middle one, and events whose
date is unknown on an "undated" lane at the bottom. A date given to the
month or the year is put in the middle of that month or year. Every
TRIGGERED link is an arrow from the ban to the migration, labelled with its
lag in days (the link's ``lag_days`` when the linker recorded it, else the
difference of the two dates, else ``?``).

:func:`write_timeline` writes HTML (inline SVG with tooltips), PNG or SVG
(matplotlib) by the extension of the path.
"""
from __future__ import annotations

import datetime as dt
import html as _html
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.export.formats import write_picture
from kg.export.html import TYPE_COLORS, html_page

__all__ = ["Mark", "Link", "Timeline", "parse_date", "timeline_model", "render_timeline_html",
           "write_timeline"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
LANES = ("BAN", "MIGRATION", "UNDATED")
LANE_TITLES = {"BAN": "Bans", "MIGRATION": "Migrations", "UNDATED": "Undated"}


def parse_date(s: str | None) -> dt.date | None:
    """The day an ISO date of any precision stands for (middle of a month or year).

    >>> parse_date("2021-06-21"), parse_date("2021-06"), parse_date("2021"), parse_date("soon")
    (datetime.date(2021, 6, 21), datetime.date(2021, 6, 15), datetime.date(2021, 7, 1), None)
    """
    m = _DATE.match(str(s or ""))
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            return dt.date(y, int(mo), int(d))
        if mo:
            return dt.date(y, int(mo), 15)
        return dt.date(y, 7, 1)
    except ValueError:
        return None


@dataclass
class Mark:
    """One event on the timeline; ``x`` is a fraction of the axis width."""
    id: str
    kind: str  # BAN | MIGRATION
    lane: str  # BAN | MIGRATION | UNDATED
    name: str
    date: str | None
    day: dt.date | None
    x: float = 0.0
    level: int = 0
    info: dict = field(default_factory=dict)


@dataclass
class Link:
    """A TRIGGERED arrow between two marks (indexes into :attr:`Timeline.marks`)."""
    src: int
    dst: int
    lag: str
    confidence: float | None = None


@dataclass
class Timeline:
    marks: list[Mark]
    links: list[Link]
    ticks: list[tuple[float, str]]
    start: dt.date | None
    end: dt.date | None
    levels: dict[str, int]


def _short(G: nx.MultiDiGraph, d: dict) -> str:
    def nm(pid):
        if not pid:
            return "?"
        nd = G.nodes[pid] if pid in G else {}
        return str(nd.get("name_en") or nd.get("name") or pid)
    if d.get("label") == "Ban":
        return f"{nm(d.get('jurisdiction'))} ban"
    return f"{nm(d.get('origin'))} \u2192 {nm(d.get('destination'))}"


def timeline_model(G: nx.MultiDiGraph) -> Timeline:
    """Place every ban and migration of ``G`` and every TRIGGERED link between them."""
    marks: list[Mark] = []
    for n, d in G.nodes(data=True):
        if d.get("label") not in ("Ban", "Migration"):
            continue
        kind = "BAN" if d["label"] == "Ban" else "MIGRATION"
        day = parse_date(d.get("date"))
        marks.append(Mark(id=str(n), kind=kind, lane=kind if day else "UNDATED", name=_short(G, d),
                          date=d.get("date"), day=day,
                          info={"name": str(d.get("name", n)), "sentence": d.get("sentence"),
                                "article": d.get("article_title") or d.get("article_source"),
                                "status": d.get("status")}))
    marks.sort(key=lambda m: (LANES.index(m.lane), m.day or dt.date.max, m.kind, m.id))
    days = [m.day for m in marks if m.day]
    start = end = None
    ticks: list[tuple[float, str]] = []
    if days:
        lo, hi = min(days), max(days)
        pad = max(10, (hi - lo).days // 12)
        start, end = lo - dt.timedelta(days=pad), hi + dt.timedelta(days=pad)
        span = (end - start).days or 1
        for m in marks:
            if m.day:
                m.x = (m.day - start).days / span
        monthly = span <= 3 * 366
        cur = dt.date(start.year, start.month, 1) if monthly else dt.date(start.year, 1, 1)
        step = 1 if span <= 400 else 3 if monthly else 12
        while cur <= end:
            if cur >= start:
                label = cur.strftime("%b %Y") if monthly else str(cur.year)
                ticks.append(((cur - start).days / span, label))
            mo = cur.month - 1 + step
            cur = dt.date(cur.year + mo // 12, mo % 12 + 1, 1)
    undated = [m for m in marks if m.lane == "UNDATED"]
    for i, m in enumerate(undated):
        m.x = (i + 0.5) / len(undated)
    # stack marks that would overlap in a lane
    levels: dict[str, int] = {lane: 1 for lane in LANES}
    for lane in LANES:
        last: list[float] = []
        for m in sorted((m for m in marks if m.lane == lane), key=lambda m: m.x):
            lvl = next((k for k, x in enumerate(last) if m.x - x > 0.07), None)
            if lvl is None:
                lvl = len(last)
                last.append(m.x)
            else:
                last[lvl] = m.x
            m.level = lvl
        levels[lane] = max(1, len(last))
    index = {m.id: i for i, m in enumerate(marks)}
    links: list[Link] = []
    for u, v, e in G.edges(data=True):
        if e.get("type") != "TRIGGERED" or str(u) not in index or str(v) not in index:
            continue
        a, b = marks[index[str(u)]], marks[index[str(v)]]
        if e.get("lag_days") is not None:
            lag = f"{int(e['lag_days'])} d"
        elif a.day and b.day:
            lag = f"{(b.day - a.day).days} d"
        else:
            lag = "?"
        links.append(Link(index[str(u)], index[str(v)], lag, e.get("confidence")))
    return Timeline(marks, links, ticks, start, end, levels)


# ---------------------------------------------------------------- HTML / SVG
_W, _LEFT, _RIGHT, _TOP, _LEVEL, _LANE_PAD = 1200, 110, 190, 40, 30, 34


def _lane_geometry(tl: Timeline) -> dict[str, tuple[float, float]]:
    """lane -> (top y, height)."""
    out, y = {}, _TOP
    for lane in LANES:
        h = tl.levels[lane] * _LEVEL + _LANE_PAD
        out[lane] = (y, h)
        y += h
    return out


def _mark_xy(tl: Timeline, m: Mark, lanes) -> tuple[float, float]:
    top, _ = lanes[m.lane]
    return _LEFT + m.x * (_W - _LEFT - _RIGHT), top + _LANE_PAD / 2 + 8 + m.level * _LEVEL


def _link_geometry(tl: Timeline, ln: Link, lanes) -> dict:
    """Start, control, arrow tip, arrow base corners and label point of a link (SVG units)."""
    (x0, y0), (x1, y1) = _mark_xy(tl, tl.marks[ln.src], lanes), _mark_xy(tl, tl.marks[ln.dst], lanes)
    cx, cy = (x0 + x1) / 2 + (y1 - y0) * 0.25, (y0 + y1) / 2 - abs(x1 - x0) * 0.12
    tx, ty = x1 - cx, y1 - cy
    n = math.hypot(tx, ty) or 1
    ex, ey = x1 - tx / n * 11, y1 - ty / n * 11  # stop at the mark's edge
    bx, by = ex - tx / n * 9, ey - ty / n * 9
    px, py = -ty / n * 4.5, tx / n * 4.5
    return {"p0": (x0, y0), "c": (cx, cy), "tip": (ex, ey), "b1": (bx + px, by + py), "b2": (bx - px, by - py),
            "label": (0.25 * x0 + 0.5 * cx + 0.25 * ex, 0.25 * y0 + 0.5 * cy + 0.25 * ey)}


def _e(s) -> str:
    return _html.escape(str(s), quote=True)


_TL_CSS = """
main{padding:12px}
svg{width:100%;height:auto;background:#fff;border:1px solid #ddd}
.lane{fill:#f7f7f7}.lane.alt{fill:#eef2f5}
.lane-title{font-size:13px;font-weight:bold;fill:#444}
.tick line{stroke:#ccc}.tick text{font-size:10px;fill:#666}
.mark text{font-size:10px;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px}
.mark{cursor:default}
.link path{fill:none;stroke:#e67e22;stroke-width:2;stroke-dasharray:6 4}
.link polygon{fill:#e67e22}
.lag{font-size:11px;font-weight:bold;fill:#b9560b;paint-order:stroke;stroke:#fff;stroke-width:3px}
"""

_TL_JS = """(function(){"use strict";
var data=JSON.parse(document.getElementById("kg-data").textContent);
var tip=document.getElementById("tip");
function line(t){var d=document.createElement("div");d.textContent=t;d.setAttribute("dir","auto");return d;}
document.querySelectorAll("g.mark").forEach(function(g){
 var m=data.marks[+g.getAttribute("data-i")];
 g.addEventListener("mousemove",function(ev){
  tip.textContent="";
  var b=document.createElement("strong");b.textContent=m.name;tip.appendChild(b);
  tip.appendChild(line("date: "+(m.date||"unknown")+(m.status?" \\u00b7 "+m.status:"")));
  if(m.sentence)tip.appendChild(line("\\u201c"+m.sentence+"\\u201d"));
  if(m.article)tip.appendChild(line("source: "+m.article));
  tip.style.display="block";tip.style.left=(ev.clientX+14)+"px";tip.style.top=(ev.clientY+10)+"px";});
 g.addEventListener("mouseleave",function(){tip.style.display="none";});
});
document.body.setAttribute("data-ready","1");})();"""


def render_timeline_html(G: nx.MultiDiGraph, *, title: str = "Bans and migrations in time") -> str:
    """The timeline page (inline SVG + tooltip script) as a string."""
    tl = timeline_model(G)
    lanes = _lane_geometry(tl)
    height = sum(h for _, h in lanes.values()) + _TOP + 20
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {height}" role="img" '
           f'aria-label="timeline">']
    for i, lane in enumerate(LANES):
        top, h = lanes[lane]
        out.append(f'<rect class="lane{" alt" if i % 2 else ""}" x="0" y="{top}" width="{_W}" height="{h}"/>'
                   f'<text class="lane-title" x="10" y="{top + h / 2 + 4:.0f}">{LANE_TITLES[lane]}</text>')
    axis_bottom = lanes["MIGRATION"][0] + lanes["MIGRATION"][1]
    for frac, label in tl.ticks:
        x = _LEFT + frac * (_W - _LEFT - _RIGHT)
        out.append(f'<g class="tick"><line x1="{x:.1f}" y1="{_TOP}" x2="{x:.1f}" y2="{axis_bottom}"/>'
                   f'<text x="{x + 3:.1f}" y="{_TOP - 6}">{_e(label)}</text></g>')
    lag_labels: list[str] = []
    for ln in tl.links:
        a, b = tl.marks[ln.src], tl.marks[ln.dst]
        g = _link_geometry(tl, ln, lanes)
        (x0, y0), (cx, cy), (ex, ey), (mx, my) = g["p0"], g["c"], g["tip"], g["label"]
        (b1x, b1y), (b2x, b2y) = g["b1"], g["b2"]
        conf = f" (confidence {ln.confidence})" if ln.confidence is not None else ""
        out.append(f'<g class="link" data-lag="{_e(ln.lag)}"><title>{_e(a.name)} \u2192 {_e(b.name)}: '
                   f'{_e(ln.lag)}{_e(conf)}</title>'
                   f'<path d="M{x0:.1f},{y0:.1f}Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"/>'
                   f'<polygon points="{ex:.1f},{ey:.1f} {b1x:.1f},{b1y:.1f} {b2x:.1f},{b2y:.1f}"/>'
                   '</g>')
        lag_labels.append(f'<text class="lag" x="{mx + 4:.1f}" y="{my:.1f}">{_e(ln.lag)}</text>')
    for i, m in enumerate(tl.marks):
        x, y = _mark_xy(tl, m, lanes)
        col = TYPE_COLORS[m.kind]
        shape = (f'<rect x="{x - 7:.1f}" y="{y - 7:.1f}" width="14" height="14" fill="{col}"/>' if m.kind == "BAN"
                 else f'<polygon points="{x:.1f},{y - 9:.1f} {x + 9:.1f},{y:.1f} {x:.1f},{y + 9:.1f} '
                      f'{x - 9:.1f},{y:.1f}" fill="{col}"/>')
        label = m.name + (f" \u00b7 {m.date}" if m.date else "")
        out.append(f'<g class="mark" data-i="{i}" data-id="{_e(m.id)}" data-kind="{m.kind}">{shape}'
                   f'<text x="{x + 11:.1f}" y="{y + 4:.1f}">{_e(label)}</text></g>')
    out.append('<g id="lags">' + "".join(lag_labels) + "</g></svg>")
    counts = (f'<p id="counts">{sum(m.kind == "BAN" for m in tl.marks)} bans, '
              f'{sum(m.kind == "MIGRATION" for m in tl.marks)} migrations '
              f'({sum(m.lane == "UNDATED" for m in tl.marks)} events undated), {len(tl.links)} TRIGGERED links. '
              'Red squares: bans; blue diamonds: migrations; dashed orange arrows: TRIGGERED, labelled '
              'with the lag in days.</p>')
    body = (f'<header><h1>{_e(title)}</h1></header><main>{"".join(out)}{counts}</main>'
            '<div id="tip" class="tooltip"></div>')
    data = {"marks": [{"id": m.id, "kind": m.kind, "name": m.info["name"], "date": m.date,
                       "status": m.info["status"], "sentence": m.info["sentence"],
                       "article": m.info["article"]} for m in tl.marks],
            "links": [{"src": ln.src, "dst": ln.dst, "lag": ln.lag} for ln in tl.links]}
    return html_page(title, body, _TL_JS, data, css=_TL_CSS)


# ---------------------------------------------------------------- PNG / SVG (matplotlib)
def _plot_timeline(G: nx.MultiDiGraph, path: Path, title: str) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path as MplPath

    tl = timeline_model(G)
    lanes = _lane_geometry(tl)
    height = sum(h for _, h in lanes.values()) + _TOP + 20
    fig, ax = plt.subplots(figsize=(12, max(3.5, height / 70)))
    ax.set_xlim(0, _W)
    ax.set_ylim(height, 0)
    ax.axis("off")
    for i, lane in enumerate(LANES):
        top, h = lanes[lane]
        ax.axhspan(top, top + h, color="#eef2f5" if i % 2 else "#f7f7f7", zorder=0)
        ax.text(10, top + h / 2, LANE_TITLES[lane], va="center", fontsize=10, fontweight="bold", color="#444")
    axis_bottom = lanes["MIGRATION"][0] + lanes["MIGRATION"][1]
    for frac, label in tl.ticks:
        x = _LEFT + frac * (_W - _LEFT - _RIGHT)
        ax.plot([x, x], [_TOP, axis_bottom], color="#ccc", lw=0.8, zorder=1)
        ax.text(x + 3, _TOP - 6, label, fontsize=7, color="#666")
    for ln in tl.links:
        g = _link_geometry(tl, ln, lanes)
        curve = MplPath([g["p0"], g["c"], g["tip"]], [MplPath.MOVETO, MplPath.CURVE3, MplPath.CURVE3])
        ax.add_patch(FancyArrowPatch(path=curve, arrowstyle="-|>", mutation_scale=12, lw=1.8, color="#e67e22",
                                     linestyle="--", zorder=2))
        ax.text(g["label"][0] + 4, g["label"][1], ln.lag, fontsize=8, fontweight="bold", color="#b9560b",
                zorder=5, bbox={"fc": "white", "ec": "none", "pad": 0.5, "alpha": 0.8})
    for m in tl.marks:
        x, y = _mark_xy(tl, m, lanes)
        ax.plot(x, y, "s" if m.kind == "BAN" else "D", color=TYPE_COLORS[m.kind], ms=8 if m.kind == "BAN" else 7,
                zorder=4)
        label = m.name + (f" \u00b7 {m.date}" if m.date else "")
        if any("\u0600" <= ch <= "\u06ff" for ch in label):
            label = m.id[:12]
        ax.text(x + 9, y + 3, label, fontsize=7, zorder=5)
    ax.set_title(f"{title}: {len(tl.marks)} events, {len(tl.links)} TRIGGERED links", fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=150, bbox_inches="tight", pad_inches=0.2)
    plt.close(fig)


def write_timeline(G: nx.MultiDiGraph, path: str | Path, *, title: str = "Bans and migrations in time") -> Path:
    """Write the timeline to ``path``: ``.html`` (interactive), ``.png`` or ``.svg`` (matplotlib)."""
    return write_picture(path, "timeline", lambda: render_timeline_html(G, title=title),
                         lambda p: _plot_timeline(G, p, title))
