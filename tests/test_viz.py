"""caregraph.explore.network (selection → networkx) and caregraph.explore.viz (pages), without a browser; and the viz, path,
export-graph and stats --central commands."""

from __future__ import annotations

import io
import json
import re

import networkx as nx
import pytest
from typer.testing import CliRunner

from caregraph.cli import app
from caregraph.explore.network import (
    CLASS_BY_NAME,
    AmbiguousEntity,
    NoPath,
    Selection,
    SelectionError,
    UnknownEntity,
    centrality,
    class_of,
    entity_graph,
    export_graph,
    in_window,
    path_graph,
    resolve_entity,
    shortest_path,
)
from caregraph.explore.viz import (
    _vis_assets,
    legend,
    network_page,
    node_title,
    radial_layout,
    timeline_entries,
    timeline_page,
)
from caregraph.store import open_store

from . import vizdata

runner = CliRunner()


def plain(output: str) -> str:
    """CLI output with rich's box drawing and line wrapping undone."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", output).split())


CG = "https://w3id.org/caregraph/ontology#"


@pytest.fixture(scope="module")
def seeds(built_store):
    with open_store(built_store, read_only=True) as st:
        yield st


@pytest.fixture(scope="module")
def seeds_graph(seeds):
    return entity_graph(seeds)


@pytest.fixture(scope="module")
def hostile():
    store = vizdata.hostile_store()
    yield store
    store.close()


def page_data(html: str) -> tuple[list[dict], list[dict]]:
    """The node and edge records a page hands to vis-network."""
    nodes = json.loads(re.search(r"var nodeData = (.*?);\n", html).group(1))
    edges = json.loads(re.search(r"var edgeData = (.*?);\n", html).group(1))
    return nodes, edges


def test_doctests_in_the_modules_run():
    import doctest

    import caregraph.explore.network
    import caregraph.explore.viz

    for module in (caregraph.explore.network, caregraph.explore.viz):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module


# ---------------------------------------------------------------------------------------------- selection


def test_nodes_are_the_typed_entities_of_document_graphs(seeds, seeds_graph):
    classes = "cg:" + " cg:".join(c for c in CLASS_BY_NAME if c not in ("Document", "Other"))
    expected = {
        s["s"].value
        for s in seeds.ox.query(
            f"SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?g a cg:Document . ?s a ?c }} VALUES ?c {{ {classes} }} }}",
            prefixes={"cg": CG},
        )
    }
    assert set(seeds_graph) == expected
    assert seeds_graph.number_of_nodes() > 40
    assert not any("/statement/" in n or "/evidence/" in n or "/doc/" in n.split("/id/")[1][:4] for n in seeds_graph)
    assert {d["cls"] for _, d in seeds_graph.nodes(data=True)} <= set(CLASS_BY_NAME)


def test_edges_are_object_properties_labelled_from_the_ontology(seeds_graph):
    labels = {d["label"] for *_, d in seeds_graph.edges(data=True)}
    assert {"council", "post in", "inspectorate", "holds"} <= labels
    for s, o, key, d in seeds_graph.edges(keys=True, data=True):
        assert s in seeds_graph and o in seeds_graph and s != o
        assert d["predicate"] == key and key.startswith("http")
    # Literal values are facts of the node, never nodes: a date or a judgement appears in a tooltip.
    insp = next(n for n, d in seeds_graph.nodes(data=True) if d["cls"] == "Inspection" and d.get("judgement"))
    data = seeds_graph.nodes[insp]
    assert data["judgement"].startswith("Requires improvement")
    assert data["grade"] == "requires-improvement"
    assert any(k == "kind" for k, _ in data["facts"])
    assert data["date"] == "2019-10"


def test_tooltips_carry_the_evidence_quote_and_document(seeds_graph):
    visit = "https://w3id.org/caregraph/id/council/surrey/inspection/focused-visit/2024-04"
    data = seeds_graph.nodes[visit]
    assert data["evidence"], data
    quote, doc = data["evidence"][0]
    assert quote and "Positive feedback from Ofsted" in doc
    title = node_title(data)
    assert "Evidence:" in title and quote[:40] in title and visit in title
    assert "focus: arrangements for children in need" in title


def test_council_selection(seeds):
    g = entity_graph(seeds, Selection(council="Durham"))
    assert g.graph["title"] == "Durham County Council"
    assert "https://w3id.org/caregraph/id/council/durham" in g
    assert not any("/council/surrey" in n for n in g)
    assert any(d["cls"] == "Inspection" for _, d in g.nodes(data=True))
    with pytest.raises(SelectionError, match="no council called 'Narnia'"):
        entity_graph(seeds, Selection(council="Narnia"))


def test_focus_and_depth_give_the_ego_network(seeds, seeds_graph):
    g1 = entity_graph(seeds, Selection(focus="Clare Curran", depth=1))
    curran = "https://w3id.org/caregraph/id/council/surrey/person/clare-curran"
    assert set(g1) == {curran, *seeds_graph.successors(curran), *seeds_graph.predecessors(curran)}
    g2 = entity_graph(seeds, Selection(focus="cgd:council/surrey/person/clare-curran", depth=2))
    assert set(g1) < set(g2)
    assert all(nx.shortest_path_length(g2.to_undirected(), curran, n) <= 2 for n in g2)
    assert "within 2 links of Clare Curran" in g2.graph["title"]
    assert g2.graph["notes"] and "within 2 links" in g2.graph["notes"][0]


def test_types_and_exclusions(seeds):
    g = entity_graph(seeds, Selection(types=("inspections", "Council")))
    assert {d["cls"] for _, d in g.nodes(data=True)} == {"Inspection", "Council"}
    assert g.number_of_edges() >= 10  # each inspection's council
    g = entity_graph(seeds, Selection(exclude_types=("person", "post")))
    assert not {"Person", "Post"} & {d["cls"] for _, d in g.nodes(data=True)}
    assert class_of("follow-up") == "FollowUp" and class_of("Agenda item") == "AgendaItem"
    with pytest.raises(SelectionError, match="unknown class 'Inspektion'; choose from Council"):
        class_of("Inspektion")


def test_since_until_leave_out_dated_entities_outside_the_window(seeds, seeds_graph):
    g = entity_graph(seeds, Selection(since="2021-01-01", until="2022-12"))
    dates = {d["date"] for _, d in g.nodes(data=True) if d["cls"] == "Inspection"}
    assert dates and all("2021" <= d[:4] <= "2022" for d in dates)
    assert any(d["date"] == "2019-10" for _, d in seeds_graph.nodes(data=True))
    assert "2021-01-01 to 2022-12" in g.graph["title"]
    assert g.graph["notes"][0].startswith("left out ")
    assert in_window("2022", "2022-06-01", None) and not in_window("2021-12", "2022-01-01", None)
    with pytest.raises(SelectionError, match="since '2019-13' is not a date"):
        entity_graph(seeds, Selection(since="2019-13"))


def test_max_nodes_drops_lowest_degree_first_and_says_so(seeds, seeds_graph):
    g = entity_graph(seeds, Selection(max_nodes=10))
    assert g.number_of_nodes() == 10
    full = dict(seeds_graph.degree())
    kept_min = min(full[n] for n in g)
    dropped_max = max(full[n] for n in seeds_graph if n not in g)
    assert kept_min >= dropped_max
    note = g.graph["notes"][-1]
    assert note.startswith(f"left out {seeds_graph.number_of_nodes() - 10} of {seeds_graph.number_of_nodes()} entities")
    assert "lowest degree" in note
    assert "https://w3id.org/caregraph/id/council/surrey" in g


def test_documents_on_request(seeds, seeds_graph):
    g = entity_graph(seeds, Selection(documents=True))
    docs = [n for n, d in g.nodes(data=True) if d["cls"] == "Document"]
    assert len(docs) == 5
    assert g.number_of_nodes() == seeds_graph.number_of_nodes() + 5
    assert all(g.out_degree(d) > 0 for d in docs)
    assert {d["label"] for *_, d in g.edges(data=True)} >= {"mentions", "publisher"}


def test_query_construct_and_select(seeds, tmp_path):
    rq = tmp_path / "holders.rq"
    rq.write_text(
        "CONSTRUCT { ?p org:holds ?post . ?post org:postIn ?c } WHERE { ?p org:holds ?post . ?post org:postIn ?c }",
        encoding="utf-8",
    )
    g = entity_graph(seeds, Selection(query=str(rq)))
    assert {d["cls"] for _, d in g.nodes(data=True)} == {"Person", "Post", "Council"}
    assert {d["label"] for *_, d in g.edges(data=True)} == {"holds", "post in"}
    assert "holders.rq" in g.graph["title"]
    # an inspection known only by its report's publication date is dated by it (issue 14: such events are kept)
    select = (
        "SELECT ?s ?p ?o WHERE { ?s a cg:Inspection ; ?p ?o . "
        "FILTER(?p IN (cg:council, cg:startDate, cg:publicationDate)) }"
    )
    g = entity_graph(seeds, Selection(query=select))
    inspections = [n for n, d in g.nodes(data=True) if d["cls"] == "Inspection"]
    assert len(inspections) == len(
        list(
            seeds.ox.query(
                "SELECT DISTINCT ?i WHERE { ?i a cg:Inspection ; cg:council ?c }",
                prefixes={"cg": CG},
                use_default_graph_as_union=True,
            )
        )
    )
    assert all(g.out_degree(n) == 1 for n in inspections)
    assert all(
        d["date"] is None or {("start date", d["date"]), ("publication date", d["date"])} & set(d["facts"])
        for n, d in g.nodes(data=True)
        if n in inspections
    )
    with pytest.raises(SelectionError, match=r"a SELECT of \?s \?p \?o; it gives \?x"):
        entity_graph(seeds, Selection(query="SELECT ?x WHERE { ?x a cg:Council }"))


def test_resolve_entity(seeds_graph):
    assert resolve_entity(seeds_graph, "ofsted") == "https://w3id.org/caregraph/id/org/ofsted"
    assert resolve_entity(seeds_graph, "<https://w3id.org/caregraph/id/council/surrey>").endswith("/surrey")
    with pytest.raises(AmbiguousEntity, match="entities match 'Cabinet Member'"):
        resolve_entity(seeds_graph, "Cabinet Member")
    with pytest.raises(UnknownEntity, match=r"no entity called 'Clare Curan'.*did you mean Clare Curran"):
        resolve_entity(seeds_graph, "Clare Curan")


# ---------------------------------------------------------------------------------------------- networkx uses


def test_centrality_path_and_export(seeds_graph, tmp_path):
    rows, sampled = centrality(seeds_graph, 3)
    assert not sampled and len(rows) == 3
    assert rows[0].name == "Surrey County Council" and rows[0].betweenness >= rows[1].betweenness
    hops = shortest_path(
        seeds_graph, resolve_entity(seeds_graph, "Clare Curran"), resolve_entity(seeds_graph, "Ofsted")
    )
    assert [h.label for h in hops][:2] == ["holds", "post in"] and hops[-1].target.endswith("/org/ofsted")
    assert any(not h.forward for h in hops)
    sub = path_graph(seeds_graph, hops)
    assert sub.number_of_nodes() == len(hops) + 1 and sub.number_of_edges() >= len(hops)
    lonely = next(n for n in seeds_graph if seeds_graph.degree(n) == 0)
    with pytest.raises(NoPath, match=f"{re.escape(seeds_graph.nodes[lonely]['name'])} and Ofsted are not connected"):
        shortest_path(seeds_graph, lonely, resolve_entity(seeds_graph, "Ofsted"))
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        buffer = io.BytesIO()
        export_graph(seeds_graph, fmt, buffer)
        back = read(io.BytesIO(buffer.getvalue()))
        assert back.number_of_nodes() == seeds_graph.number_of_nodes()
        assert back.number_of_edges() == seeds_graph.number_of_edges()
        node = back.nodes["https://w3id.org/caregraph/id/org/ofsted"]
        assert node["cls"] == "Organisation" and isinstance(
            node["degree"], int
        )  # numbers stay numbers for Gephi (issue 15 §5)


# ---------------------------------------------------------------------------------------------- pages


def test_page_is_self_contained(seeds_graph):
    html = network_page(seeds_graph)
    assert html.startswith("<!DOCTYPE html>") and "vis.Network" in html
    # No external script, stylesheet, image, font or frame: nothing with a src/href to anywhere.
    assert not re.search(r"<(script|img|iframe|link|source|embed|object)\b[^>]*\b(src|href|data)\s*=", html, re.I)
    assert not re.search(r"""url\(\s*(?!['"]?data:)""", html)
    assert not re.search(r"@import|@font-face", html)
    for host in ("cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com", "fonts.googleapis.com"):
        assert host not in html
    assert "bootstrap" not in html.lower() and "tom-select" not in html.lower()
    assert "default-src 'none'" in html
    nodes, edges = page_data(html)
    assert len(nodes) == seeds_graph.number_of_nodes()
    assert len(edges) == len({(s, o) for s, o in seeds_graph.edges()})
    assert all(isinstance(n["x"], int) and isinstance(n["title"], str) for n in nodes)


def test_page_look(seeds_graph):
    html = network_page(seeds_graph)
    assert '<h1 id="heading">caregraph: all entities</h1>' in html
    entries = {e["label"]: e for e in legend(seeds_graph)}
    assert entries["Council"]["count"] == 2 and entries["Requires improvement (or adequate)"]["indent"]
    for label in entries:
        assert f"{label} <span" in html.replace("&amp;", "&")
    nodes, edges = page_data(html)
    by_id = {n["id"]: n for n in nodes}
    surrey = by_id["https://w3id.org/caregraph/id/council/surrey"]
    assert surrey["shape"] == "star" and surrey["value"] == seeds_graph.degree(surrey["id"])
    graded = [n for n in nodes if n["cls"] == "Inspection" and n["color"] == "#fdae61"]
    assert len(graded) == 1
    pairs = {
        (s, o): sorted(d["label"] for d in seeds_graph.get_edge_data(s, o).values()) for s, o in seeds_graph.edges()
    }
    assert len(edges) == len(pairs)
    for e in edges:
        assert e["label"] == " / ".join(pairs[(e["from"], e["to"])])
    assert any(
        " / " in e["label"] for e in edges
    )  # a committee is the council's and a unit of it: one edge, two labels
    options = json.loads(re.search(r"var options = (.*?);\n", html).group(1))
    assert options["physics"]["enabled"] and options["physics"]["stabilization"]["enabled"]


def test_large_graphs_get_a_precomputed_layout_and_no_physics():
    g = nx.MultiDiGraph(title="big", notes=[])
    for i in range(1200):
        g.add_node(f"n{i}", name=f"n{i}", cls="Person", facts=[], evidence=[], documents=[])
        if i:
            g.add_edge(f"n{i}", f"n{(i - 1) // 3}", key="p", label="p", evidence=[])
    html = network_page(g)
    options = json.loads(re.search(r"var options = (.*?);\n", html).group(1))
    assert options["physics"]["enabled"] is False
    assert "layout was computed in advance and physics is off" in html
    pos = radial_layout(g)
    assert len(pos) == 1200 and len(set(pos.values())) == 1200
    assert pos == radial_layout(g)


def test_hostile_text_is_data_never_markup(hostile):
    g = entity_graph(hostile)
    person = g.nodes[str(vizdata.PERSON)]
    assert person["name"] == vizdata.HOSTILE_NAME
    assert person["evidence"][0][0].startswith("Said <b onmouseover")
    assert vizdata.HOSTILE_TITLE in person["evidence"][0][1]
    html = network_page(g)
    for payload in (vizdata.HOSTILE_NAME, vizdata.HOSTILE_POST, "<b onmouseover", "<svg onload"):
        assert payload not in html, payload
    assert "</script><script>window.__pwned" not in html
    nodes, _ = page_data(html)
    assert {n["name"] for n in nodes} >= {vizdata.HOSTILE_NAME, vizdata.HOSTILE_POST}
    nonce = re.search(r"script-src 'nonce-([^']+)'", html).group(1)
    own = html.replace(_vis_assets()[0], "")  # vis-network's code writes "<script>" in a string of its own
    assert own.count("<script") == own.count(f'<script nonce="{nonce}">') == 2  # vis-network and the page's own
    page = network_page(g, heading=f"Hello {vizdata.HOSTILE_NAME}")
    assert "Hello &lt;img src=x onerror=window.__pwned=1&gt;" in page


def test_timeline(seeds, hostile):
    g = entity_graph(seeds, Selection(council="Surrey"))
    dated, _undated = timeline_entries(g)
    dates = [e["date"] for e in dated]
    assert dates == sorted(dates) and len(dated) >= 10
    assert {e["cls"] for e in dated} >= {"Inspection or visit", "Decision", "Meeting"}
    html = timeline_page(g)
    assert html.index(f'class="date">{dates[0]}<') < html.index(f'class="date">{dates[-1]}<')
    assert "<script" not in html and "script-src 'none'" in html
    hg = entity_graph(hostile, Selection(council="Surrey"))
    html = timeline_page(hg)
    assert 'class="badge" style="--c: #d73027">Inadequate</span>' in html
    assert "&lt;b onmouseover=&#34;window.__pwned=3&#34;&gt;" in html
    assert "<b onmouseover" not in html


# ---------------------------------------------------------------------------------------------- the commands


def test_cli_viz_writes_the_page_and_prints_its_path(built_store, tmp_path):
    out = tmp_path / "pages" / "surrey.html"
    result = runner.invoke(app, ["viz", "--store", str(built_store), "--council", "Surrey", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out.resolve())
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = runner.invoke(
        app, ["viz", "--store", str(built_store), "--max-nodes", "5", "--out", str(tmp_path / "small.html")]
    )
    assert result.exit_code == 0, result.output
    assert "lowest degree (number of links) first" in result.output
    assert "lowest degree (number of links) first" in (tmp_path / "small.html").read_text(encoding="utf-8")
    result = runner.invoke(
        app,
        ["viz", "--store", str(built_store), "--timeline", "--council", "Durham", "--out", str(tmp_path / "t.html")],
    )
    assert result.exit_code == 0, result.output
    assert "ILACS inspection" in (tmp_path / "t.html").read_text(encoding="utf-8")


def test_cli_viz_open_uses_the_default_browser(built_store, tmp_path, monkeypatch):
    import webbrowser

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    out = tmp_path / "open me.html"
    result = runner.invoke(app, ["viz", "--store", str(built_store), "--type", "Council", "--out", str(out), "--open"])
    assert result.exit_code == 0, result.output
    assert opened == [out.resolve().as_uri()] and "open%20me.html" in opened[0]
    assert result.stdout.strip() == str(out.resolve())


def test_cli_viz_query_from_stdin(built_store, tmp_path):
    out = tmp_path / "q.html"
    query = "CONSTRUCT { ?i cg:council ?c } WHERE { ?i a cg:Inspection ; cg:council ?c }"
    result = runner.invoke(app, ["viz", "--store", str(built_store), "--query", "-", "--out", str(out)], input=query)
    assert result.exit_code == 0, result.output
    nodes, edges = page_data(out.read_text(encoding="utf-8"))
    assert {n["cls"] for n in nodes} == {"Inspection", "Council"} and {e["label"] for e in edges} == {"council"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--timeline"], "--timeline needs --council"),
        (["--type", "Widget"], "Error: unknown class 'Widget'"),
        (["--focus", "Nobody At All"], "Error: no entity called 'Nobody At All'"),
        (["--since", "last week"], "Error: since 'last week' is not a date"),
        (["--query", "missing.rq"], "Error: missing.rq: no such query file"),
        (["--type", "Inspection", "--since", "2030"], "Error: nothing to draw"),
        (["--out", "page.txt"], "page.txt: the page must be an .html file"),
    ],
)
def test_cli_viz_errors(built_store, args, message):
    result = runner.invoke(app, ["viz", "--store", str(built_store), *args])
    assert result.exit_code in (1, 2), result.output
    assert message in plain(result.output)
    assert "Traceback" not in result.output


def test_cli_path_stats_central_export(built_store, tmp_path):
    result = runner.invoke(
        app, ["path", "Clare Curran", "Ofsted", "--store", str(built_store), "--out", str(tmp_path / "p.html")]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Clare Curran (Person)" and lines[1].startswith("  —holds→ ")
    assert lines[-1].endswith("p.html")
    hostile = tmp_path / "hostile"
    vizdata.hostile_store(hostile).close()
    result = runner.invoke(app, ["path", "Family Safeguarding", "Ofsted", "--store", str(hostile)])
    assert result.exit_code == 1 and "Error: Family Safeguarding and Ofsted are not connected" in result.output
    result = runner.invoke(app, ["path", "img src", "Ofsted", "--store", str(hostile)])
    assert result.exit_code == 0 and result.stdout.startswith(f"{vizdata.HOSTILE_NAME} (Person)\n")
    result = runner.invoke(app, ["stats", "--central", "--top", "3", "--format", "json", "--store", str(built_store)])
    assert result.exit_code == 0, result.output
    top = json.loads(result.stdout)["entities"]
    assert len(top) == 3 and top[0]["name"] == "Surrey County Council"
    out = tmp_path / "g.graphml"
    result = runner.invoke(app, ["export-graph", "--format", "graphml", "--out", str(out), "--store", str(built_store)])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_nodes() > 40
    result = runner.invoke(
        app, ["export-graph", "--format", "gexf", "--council", "Durham", "--store", str(built_store)]
    )
    assert result.exit_code == 0 and result.stdout.startswith("<?xml") and "Durham County Council" in result.stdout
    result = runner.invoke(app, ["export-graph", "--format", "dot", "--store", str(built_store)])
    assert result.exit_code == 2 and "'dot' is not an export format; choose graphml or gexf" in plain(result.output)
