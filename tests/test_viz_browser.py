"""The pages in a real headless Chromium (Debian's, installed by .ci/system-deps): they load with no console error,
make no network request, hold the expected nodes and edges, and never run text from documents as script."""

from __future__ import annotations

import pytest

from caregraph.explore.network import Selection, entity_graph
from caregraph.explore.viz import network_page, timeline_page, vis_data, write_page
from caregraph.store import open_store
from caregraph.testing.browser import Browser, find_chromium

from . import vizdata

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(
        find_chromium() is None,
        reason="Chromium is not installed (apt-get install chromium, as .ci/system-deps does); the page tests need a real browser",
    ),
]

READY = "window.caregraph && window.caregraph.ready"


@pytest.fixture(scope="module")
def browser():
    with Browser(width=1200, height=800) as b:
        yield b


@pytest.fixture(scope="module")
def hostile_graph():
    store = vizdata.hostile_store()
    try:
        return entity_graph(store)
    finally:
        store.close()


def node_point(page, node_id: str) -> tuple[float, float]:
    """Where a node is drawn, in page coordinates."""
    x, y = page.evaluate(
        "(function (id) { var net = window.caregraph.network; var p = net.canvasToDOM(net.getPosition(id));"
        " var r = document.getElementById('network').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; })("
        + _js(node_id)
        + ")"
    )
    return x, y


def _js(value: str) -> str:
    import json

    return json.dumps(value)


def test_seeds_page_loads_offline_with_every_node_and_edge(browser, built_store, tmp_path):
    with open_store(built_store, read_only=True) as st:
        g = entity_graph(st)
    nodes, edges = vis_data(g)
    path = write_page(network_page(g), tmp_path / "seeds.html")
    page = browser.open(path.as_uri(), wait_for=READY)
    counts = page.evaluate(
        "[caregraph.nodes.length, caregraph.edges.length, caregraph.network.body.data.nodes.length, caregraph.network.body.data.edges.length]"
    )
    assert counts == [len(nodes), len(edges), len(nodes), len(edges)] and len(nodes) > 40
    assert page.evaluate("caregraph.network.physics.physicsEnabled") is False  # settled, then stopped
    assert page.evaluate("document.getElementById('legend').children.length") >= 8
    browser.pump(0.3)
    assert page.errors == []
    assert page.requests == []


def test_hostile_text_runs_nothing_on_hover_click_and_search(browser, hostile_graph, tmp_path):
    path = write_page(network_page(hostile_graph), tmp_path / "hostile.html")
    page = browser.open(path.as_uri(), wait_for=READY)
    assert page.evaluate("caregraph.network.body.data.nodes.length") == hostile_graph.number_of_nodes()
    person = str(vizdata.PERSON)
    for node in hostile_graph:
        x, y = node_point(page, node)
        page.hover(x, y)
        browser.pump(0.25)
        page.click(x, y)
        browser.pump(0.05)
        assert page.evaluate("window.caregraph.highlighted") == node
        assert page.evaluate("typeof window.__pwned") == "undefined", node
    # The tooltip of the person shows the markup as characters and holds no element made from it.
    x, y = node_point(page, person)
    page.hover(x + 1, y + 1)
    page.wait_for(
        "(function () { var t = document.querySelector('div.vis-tooltip'); return t && t.style.visibility !== 'hidden'; })()",
        timeout=10,
    )
    browser.pump(0.2)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert (
        page.evaluate(
            "document.querySelectorAll('div.vis-tooltip img, div.vis-tooltip b, div.vis-tooltip svg, div.vis-tooltip script').length"
        )
        == 0
    )
    tip = page.evaluate("document.querySelector('div.vis-tooltip').textContent")
    assert vizdata.HOSTILE_NAME in tip and "Said <b onmouseover=" in tip
    page.click(x, y)
    assert vizdata.HOSTILE_NAME in page.evaluate("document.getElementById('details').textContent")
    # Hover every edge's middle too.
    for mid in page.evaluate(
        "caregraph.edges.map(function (e) { var a = caregraph.network.getPosition(e.from), b = caregraph.network.getPosition(e.to); return caregraph.network.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}); })"
    ):
        page.hover(mid["x"], mid["y"])
        browser.pump(0.2)
    # The search box finds the node by its hostile name.
    page.evaluate("document.getElementById('search').focus()")
    page.type_text("img src=x")
    page.key("Enter", "Enter", 13)
    browser.pump(0.1)
    assert page.evaluate("window.caregraph.highlighted") == person
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, svg').length") == 0
    assert page.errors == []
    assert page.requests == []


def test_large_page_has_physics_off_and_settles(browser, tmp_path):
    import networkx as nx

    g = nx.MultiDiGraph(title="a tree of 1,500", notes=[])
    for i in range(1500):
        g.add_node(f"n{i}", name=f"entity {i}", label=f"entity {i}", cls="Person", facts=[], evidence=[], documents=[])
        if i:
            g.add_edge(f"n{i}", f"n{(i - 1) // 4}", key="p", label="reports to", evidence=[])
    path = write_page(network_page(g), tmp_path / "large.html")
    page = browser.open(path.as_uri(), wait_for=READY)
    assert page.evaluate("[caregraph.nodes.length, caregraph.edges.length]") == [1500, 1499]
    assert page.evaluate("caregraph.network.physics.physicsEnabled") is False
    assert "physics is off" in page.evaluate("document.getElementById('notes').textContent")
    assert page.errors == [] and page.requests == []


def test_timeline_page_shows_hostile_text_as_text(browser, tmp_path):
    store = vizdata.hostile_store()
    try:
        g = entity_graph(store, Selection(council="Surrey"))
    finally:
        store.close()
    path = write_page(timeline_page(g), tmp_path / "timeline.html")
    page = browser.open(path.as_uri())
    items = page.evaluate(
        "Array.from(document.querySelectorAll('#timeline > li .date')).map(function (e) { return e.textContent; })"
    )
    assert items == sorted(items) and items[0] == "2019-10"
    text = page.evaluate("document.body.textContent")
    assert "Said <b onmouseover=" in text and "Inadequate" in text
    assert page.evaluate("document.querySelectorAll('b, img, svg, script').length") == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.errors == [] and page.requests == []
