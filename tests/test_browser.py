"""The HTML pages in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Skipped when Chromium or Playwright is missing, unless KG_REQUIRE_BROWSER=1
(then missing pieces fail the run). Install them with scripts/install-browser.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.export import export_graph
from kg.export.flows import flow_map
from kg.graph import to_networkx

from test_export import XSS_IMG_SET, XSS_TITLE, build_store

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _missing() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"{CHROMIUM} not found (run scripts/install-browser)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (run scripts/install-browser)"
    return None


@pytest.fixture(scope="module")
def browser():
    why = _missing()
    if why:
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"KG_REQUIRE_BROWSER=1 but {why}")
        pytest.skip(why)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    store = build_store(tmp / "kg.lbug")
    G = to_networkx(store)
    pages = {fmt: export_graph(G, fmt, tmp / f"{fmt}.html") for fmt in ("html", "flows", "timeline")}
    yield store, G, pages
    store.close()


class Visit:
    """One page load with everything that happened recorded."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()
        self.page.on("dialog", on_dialog)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_selector("body[data-ready='1']", timeout=15000)

    def check_clean(self):
        self.page.wait_for_timeout(150)
        assert self.errors == []
        assert self.requests == [self.url]
        assert self.dialogs == []
        assert self.page.evaluate("typeof window.__xss") == "undefined"
        self.page.close()


def _event_counts(G):
    return sum(d["label"] in ("Ban", "Migration") for _, d in G.nodes(data=True))


def test_explorer(browser, built):
    store, G, pages = built
    v = Visit(browser, pages["html"])
    pg = v.page
    assert pg.locator("g.node").count() == G.number_of_nodes()
    assert pg.locator("line.edge").count() == G.number_of_edges()
    assert pg.locator("line.edge.TRIGGERED").count() == 4
    assert pg.locator("g.node[data-type=BAN] rect.shape").count() == 4
    assert pg.locator("g.node[data-type=MIGRATION] polygon.shape").count() == 6

    # a click shows the evidence sentence and its source article
    mig = next(n for n, d in G.nodes(data=True) if d["label"] == "Migration" and d.get("destination") == "US-TX")
    pg.locator(f'g.node[data-id="{mig}"]').dispatch_event("click")
    details = pg.locator("#details")
    assert G.nodes[mig]["sentence"] in details.inner_text()
    assert "Miners look abroad after Inner Mongolia shutdown" in details.inner_text()
    assert pg.locator('#details a[href="https://example.org/news/inner-mongolia-miners"]').count() >= 1

    # Arabic names are right-to-left beside the English one
    pg.locator('g.node[data-id="CN-SC"]').dispatch_event("click")
    assert pg.locator('#details h2 bdi[dir=rtl]').inner_text() == "سيشوان"
    assert "Sichuan" in pg.locator("#details h2").inner_text()

    # the injection article is shown as text, its javascript: url is no link
    pg.locator('g.node[data-id="demo-xss"]').dispatch_event("click")
    assert XSS_TITLE in details.inner_text()
    assert pg.locator("#details a").count() == 0
    pg.locator(f'g.node[data-id="company:{XSS_TITLE}"]').dispatch_event("click")
    assert XSS_IMG_SET in details.inner_text()
    assert pg.locator("img").count() == 0

    # filters: country, dates, type; search
    pg.select_option("#country", "KZ")
    visible_events = pg.locator("g.node[data-type=BAN]:not(.hidden), g.node[data-type=MIGRATION]:not(.hidden)")
    assert visible_events.count() == _event_counts(to_networkx(store, country="KZ"))
    pg.select_option("#country", "")
    pg.fill("#since", "2021-06-01")
    pg.fill("#until", "2021-06-30")
    assert visible_events.count() == _event_counts(to_networkx(store, since="2021-06-01", until="2021-06-30"))
    pg.click("#reset")
    assert pg.locator("g.node.hidden").count() == 0
    pg.locator('#legend input[data-type="BAN"]').uncheck()
    assert pg.locator("g.node[data-type=BAN]:not(.hidden)").count() == 0
    assert pg.locator("line.edge.TRIGGERED:not(.hidden)").count() == 0
    pg.click("#reset")
    pg.fill("#q", "تكساس")
    assert pg.locator("g.node.hit").count() == 1
    assert pg.locator("g.node.hit").get_attribute("data-id") == "US-TX"
    assert pg.locator("g.node.dim").count() == G.number_of_nodes() - 1
    v.check_clean()


def test_flows(browser, built):
    _, G, pages = built
    v = Visit(browser, pages["flows"])
    pg = v.page
    fm = flow_map(G)
    assert pg.locator("g.flow").count() == len(fm.drawn) == 5
    assert pg.locator("#unplaced li").count() == len(fm.unplaced) == 1
    assert pg.locator("path.country").count() > 20
    tx = next(f for f in fm.drawn if f.destination == "US-TX")
    # a curve's box centre is rarely on its stroke: send the event to the arrow itself
    pg.locator(f'g.flow[data-id="{tx.id}"]').dispatch_event("mousemove", {"clientX": 200, "clientY": 200})
    tip = pg.locator("#tip")
    assert tip.is_visible() and "3,200 machines" in tip.inner_text() and "Texas" in tip.inner_text()
    v.check_clean()


def test_timeline(browser, built):
    _, G, pages = built
    v = Visit(browser, pages["timeline"])
    pg = v.page
    assert pg.locator("g.mark").count() == _event_counts(G)
    assert pg.locator("g.link").count() == sum(d["type"] == "TRIGGERED" for *_, d in G.edges(data=True))
    assert sorted(pg.locator("#lags text").all_text_contents()) == ["2 d", "37 d", "9 d", "?"]
    pg.locator("g.mark[data-kind=BAN]").first.hover()
    assert pg.locator("#tip").is_visible()
    v.check_clean()
