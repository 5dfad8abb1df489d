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
    assert vizdata.remote(page.requests) == []


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
    # no element made from the text (the legend's symbols are the page's own SVG)
    assert (
        page.evaluate(
            "Array.from(document.querySelectorAll('img, svg')).filter(function (e) { return !e.closest('#legend'); }).length"
        )
        == 0
    )
    assert page.errors == []
    assert vizdata.remote(page.requests) == []


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
    assert page.errors == [] and vizdata.remote(page.requests) == []


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
    assert page.errors == [] and vizdata.remote(page.requests) == []


# ---------------------------------------------------------------------------------------------- at scale (issue 15 §4)

LABELS = """(function () {
  var net = window.caregraph.network, scale = net.getScale(), out = [];
  net.body.nodeIndices.forEach(function (id) {
    var label = net.body.nodes[id].labelModule;
    if (!label.elementOptions.label || !label.visible()) { return; }
    var size = Math.min(label.fontOptions.size * scale, label.elementOptions.scaling.label.maxVisible);
    var box = label.size, a = net.canvasToDOM({x: box.left, y: box.top}), b = net.canvasToDOM({x: box.left + box.width, y: box.top + box.height});
    out.push({id: id, px: size, cls: window.caregraph.nodes.get(id).cls, box: [a.x, a.y, b.x, b.y]});
  });
  return out;
})()"""


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    """Pairs of drawn labels whose boxes overlap by more than a pixel or two."""
    pairs = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            w = min(a["box"][2], b["box"][2]) - max(a["box"][0], b["box"][0])
            h = min(a["box"][3], b["box"][3]) - max(a["box"][1], b["box"][1])
            if w > 2 and h > 2:
                pairs.append((a["id"], b["id"]))
    return pairs


def test_the_default_page_on_300_documents_reads_at_1024_px(corpus300, tmp_path):
    from typer.testing import CliRunner

    from caregraph.cli import app

    out = tmp_path / "default.html"
    result = CliRunner().invoke(app, ["viz", "--store", str(corpus300), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with Browser(width=1024, height=768) as small:
        page = small.open(out.as_uri(), wait_for=READY)
        small.pump(0.3)
        n = page.evaluate("caregraph.nodes.length")
        councils = page.evaluate("caregraph.nodes.get({filter: function (n) { return n.cls === 'Council'; }}).length")
        assert 100 <= n <= 200 and councils >= 20
        labels = page.evaluate(LABELS)
        # every council's name is drawn, large enough to read, and no drawn label covers another
        titles = [lab for lab in labels if lab["cls"] == "Council"]
        assert len(titles) == councils and min(lab["px"] for lab in titles) >= 11, sorted(lab["px"] for lab in titles)[
            :3
        ]
        assert all(lab["px"] >= 9 for lab in labels)
        assert overlapping(labels) == []
        inside = page.evaluate(
            "(function () { var r = document.getElementById('network').getBoundingClientRect(); return [r.width, r.height]; })()"
        )
        assert all(lab["box"][0] >= 0 and lab["box"][2] <= inside[0] + 2 for lab in titles)  # the whole fits
        # zoomed in on a council, the labels of its inspections appear, readable and apart
        first = page.evaluate("caregraph.nodes.get({filter: function (n) { return n.cls === 'Council'; }})[0].id")
        page.evaluate(f"caregraph.network.focus({vizdata_json(first)}, {{scale: 1.0}})")
        small.pump(0.3)
        near = page.evaluate(LABELS)
        assert any(lab["cls"] == "Inspection" for lab in near) and all(lab["px"] >= 9 for lab in near)
        assert overlapping([lab for lab in near if lab["cls"] != "Council"]) == []
        assert page.errors == [] and vizdata.remote(page.requests) == []


def vizdata_json(value: str) -> str:
    import json

    return json.dumps(value)


def test_path_page_is_a_left_to_right_chain(browser, built_store, tmp_path):
    from caregraph.explore.network import path_graph, resolve_entity, shortest_path

    with open_store(built_store, read_only=True) as st:
        g = entity_graph(st)
    hops = shortest_path(g, resolve_entity(g, "Clare Curran"), resolve_entity(g, "Ofsted"))
    sub = path_graph(g, hops)
    path = write_page(network_page(sub), tmp_path / "path.html")
    page = browser.open(path.as_uri(), wait_for=READY)
    browser.pump(0.2)
    points = [node_point(page, n) for n in sub.graph["path"]]
    xs = [x for x, _ in points]
    assert xs == sorted(xs) and len({round(y) for _, y in points}) == 1
    labels = page.evaluate(LABELS)
    assert len(labels) == len(points) and overlapping(labels) == []
    assert page.errors == [] and vizdata.remote(page.requests) == []


def test_timeline_page_shows_the_official_record(browser, built_store, tmp_path):
    store = vizdata.with_ofsted(built_store, tmp_path)
    with open_store(store, read_only=True) as st:
        g = entity_graph(st, Selection(council="Surrey"))
    path = write_page(timeline_page(g), tmp_path / "official.html")
    page = browser.open(path.as_uri())
    marked = page.evaluate(
        "Array.from(document.querySelectorAll('#timeline > li.is-official .date')).map(function (e) { return e.textContent; })"
    )
    assert {d[:7] for d in marked} >= {"2022-01", "2024-04", "2025-03"}
    only = page.evaluate(
        "Array.from(document.querySelectorAll('#timeline > li.is-official')).filter(function (li) { return !li.querySelector('.papers'); }).length"
    )
    assert only >= 1
    assert "Ofsted's official record" in page.evaluate("document.body.textContent")
    assert page.errors == [] and vizdata.remote(page.requests) == []
