"""caregraph.explore.network (selection → networkx) and caregraph.explore.viz (pages), without a browser; and the viz, path,
export-graph and stats --central commands."""

from __future__ import annotations

import io
import itertools
import json
import re

import networkx as nx
import pytest
from typer.testing import CliRunner

from caregraph.cli import app
from caregraph.explore.classes import ENTITY_CLASSES, GRADE_BY_KEY, GRADES, PAPER_LINK
from caregraph.explore.layout import clustered_layout, clusters
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
from caregraph.explore.official import official_inspections
from caregraph.explore.viz import (
    EDGE_COLOUR,
    OFFICIAL_SOURCE,
    _vis_assets,
    legend,
    network_page,
    node_title,
    radial_layout,
    same_visit,
    timeline_entries,
    timeline_page,
    vis_data,
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

    import caregraph.explore.glyphs
    import caregraph.explore.layout
    import caregraph.explore.network
    import caregraph.explore.official
    import caregraph.explore.viz

    modules = (caregraph.explore.network, caregraph.explore.viz, caregraph.explore.layout)
    for module in (*modules, caregraph.explore.glyphs, caregraph.explore.official):
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
    documents = {s["d"].value for s in seeds.ox.query("SELECT ?d WHERE { GRAPH ?d { ?d a <" + CG + "Document> } }")}
    assert len(documents) == 5 and not documents & set(seeds_graph)
    assert not any("/statement/" in n or "/evidence/" in n for n in seeds_graph)
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


def test_max_nodes_keeps_inspections_first_each_with_its_council_and_says_so(seeds, seeds_graph):
    inspections = {n for n, d in seeds_graph.nodes(data=True) if d["cls"] == "Inspection"}
    councils = {d["council"] for n, d in seeds_graph.nodes(data=True) if n in inspections}
    limit = len(inspections) + len(councils)
    g = entity_graph(seeds, Selection(max_nodes=limit))
    assert g.number_of_nodes() == limit
    # the most connected entities (the councils, Ofsted, committees) no longer crowd out the inspections
    assert set(g) == inspections | councils
    note = g.graph["notes"][-1]
    total = seeds_graph.number_of_nodes()
    assert note.startswith(f"left out {total - limit} of {total} entities to fit the limit of {limit} nodes")
    assert "inspections, decisions and people last" in note and " posts" in note
    # with a smaller limit, the inspections of the council with most to say (inspections, decisions, people) come
    # first, so a page draws full clusters rather than many thin ones; each keeps its council
    small = entity_graph(seeds, Selection(max_nodes=4))
    kept = [n for n, d in small.nodes(data=True) if d["cls"] == "Inspection"]
    weight = {
        c: sum(
            1
            for _, d in seeds_graph.nodes(data=True)
            if d.get("council") == c and d["cls"] in ("Inspection", "Decision", "Person")
        )
        for c in councils
    }
    heaviest = max(weight, key=weight.get)
    assert small.number_of_nodes() == 4 and len(kept) == 3 and heaviest in small
    assert {small.nodes[n]["council"] for n in kept} == {heaviest}
    only_decisions = entity_graph(seeds, Selection(types=("Decision", "Meeting"), max_nodes=2))
    (decision,) = [n for n, d in only_decisions.nodes(data=True) if d["cls"] == "Decision"]
    assert any(only_decisions.has_edge(decision, m, key=CG + "madeAt") for m in only_decisions)


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


def test_page_look(seeds, seeds_graph):
    html = network_page(seeds_graph)
    assert '<h1 id="heading">caregraph: all entities</h1>' in html
    entries = {e["label"]: e for e in legend(seeds_graph)}
    assert entries["Council"]["count"] == 2 and entries["Requires improvement (or adequate)"]["indent"]
    for label in entries:
        assert f"{label} <span" in html.replace("&amp;", "&")
    nodes, edges = page_data(html)
    by_id = {n["id"]: n for n in nodes}
    surrey = by_id["https://w3id.org/caregraph/id/council/surrey"]
    # two councils: each is the title of its cluster, its short name above a star of fixed size
    assert surrey["shape"] == "star" and surrey["label"] == "Surrey" and "value" not in surrey
    assert surrey["font"]["vadjust"] < 0 and surrey["font"]["size"] > 14
    person = next(n for n in nodes if n["cls"] == "Person")
    assert person["value"] == seeds_graph.degree(person["id"])
    graded = [n for n in nodes if n["cls"] == "Inspection" and n["color"]["background"] == "#fdae61"]
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
    assert not options["physics"]["enabled"]  # the clusters keep their places
    one = entity_graph(seeds, Selection(council="Surrey"))
    options = json.loads(re.search(r"var options = (.*?);\n", network_page(one)).group(1))
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
    assert "the least important to the question first" in plain(result.output)
    small = (tmp_path / "small.html").read_text(encoding="utf-8")
    assert "the least important to the question first" in small
    assert "the inspections and what links to them" in small  # the default view, not every entity
    nodes, _ = page_data(small)
    assert len(nodes) == 5 and {n["cls"] for n in nodes} <= {"Inspection", "Council"}
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


# ---------------------------------------------------------------------------------------------- at scale (issue 15 §4)


@pytest.fixture(scope="module")
def corpus300_graph(corpus300):
    with open_store(corpus300, read_only=True) as st:
        return entity_graph(st, Selection(paper_links=True))


def classes_of(g) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, d in g.nodes(data=True):
        counts[d["cls"]] = counts.get(d["cls"], 0) + 1
    return counts


def test_the_default_page_on_300_documents_is_the_inspections_by_council_and_fits(corpus300, corpus300_graph, tmp_path):
    full = classes_of(corpus300_graph)
    assert sum(full.values()) > 3000 and full["Inspection"] >= 250
    out = tmp_path / "default.html"
    result = runner.invoke(app, ["viz", "--store", str(corpus300), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert '<h1 id="heading">caregraph: the inspections and what links to them</h1>' in html
    nodes, _ = page_data(html)
    drawn = {}
    for n in nodes:
        drawn[n["cls"]] = drawn.get(n["cls"], 0) + 1
    assert len(nodes) <= 200  # not a 2,000-node ring
    assert drawn["Inspection"] > len(nodes) / 2 and set(drawn) <= {"Inspection", "Council", "Decision", "Meeting"}
    by_id = {n["id"]: n for n in nodes}
    for n in nodes:  # beside its council's name, an inspection's label drops it ("ILACS inspection, 2019-10")
        if n["cls"] == "Inspection":
            assert n["label"] == n["name"].split(": ", 1)[1][:40] or n["label"].endswith("…"), n
    with open_store(corpus300, read_only=True) as st:
        g = entity_graph(st, Selection(around=("Inspection",), paper_links=True, max_nodes=200))
    assert set(g) == set(by_id)
    for n, d in g.nodes(data=True):  # every inspection sits in its council's cluster, under the council's name
        if d["cls"] == "Inspection":
            assert d["council"] in g and g.has_edge(n, d["council"], key=CG + "council")
    options = json.loads(re.search(r"var options = (.*?);\n", html).group(1))
    assert options["physics"]["enabled"] is False and options["nodes"]["scaling"]["label"]["drawThreshold"] >= 9
    assert "Entities are grouped by council, councils in alphabetical order" in html
    assert "left out" in plain(result.output) and "inspections, decisions and people last" in plain(result.output)


def test_max_nodes_500_on_300_documents_keeps_every_inspection(corpus300, corpus300_graph):
    with open_store(corpus300, read_only=True) as st:
        g = entity_graph(st, Selection(max_nodes=500, paper_links=True))
    kept, full = classes_of(g), classes_of(corpus300_graph)
    assert g.number_of_nodes() == 500
    assert kept["Inspection"] == full["Inspection"]  # was 32 of 354 when the least connected went first
    assert kept.get("Decision", 0) + kept.get("Person", 0) > 0
    assert kept.get("Committee", 0) <= kept.get("Meeting", 0) and "AgendaItem" not in kept
    for n, d in g.nodes(data=True):  # a post is kept only as what anchors a person kept
        if d["cls"] == "Post":
            assert any(g.nodes[p]["cls"] == "Person" for p in g.predecessors(n)), n
    for n, d in g.nodes(data=True):  # nothing kept floats: each decision with a meeting keeps it
        if d["cls"] == "Decision" and any(k == CG + "madeAt" for _, _, k in corpus300_graph.out_edges(n, keys=True)):
            assert any(k == CG + "madeAt" for _, _, k in g.out_edges(n, keys=True)), n


def test_decisions_and_follow_ups_are_linked_to_their_meeting_in_the_drawing(corpus300, corpus300_graph):
    g = corpus300_graph
    for n, d in g.nodes(data=True):
        if d["cls"] not in ("Decision", "FollowUp"):
            continue
        links = {(g.nodes[o]["cls"], k) for _, o, k in g.out_edges(n, keys=True)}
        assert links, f"{n} floats"
        if d["cls"] == "Decision":  # its meeting; else, dashed, what its own paper reports
            placed = {c for c, k in links if k in (CG + "madeAt", PAPER_LINK)}
            assert placed and placed <= {"Meeting", "Inspection"}, (n, links)
    paper = [(s, o) for s, o, k in g.edges(keys=True) if k == PAPER_LINK]
    assert paper and all(g.edges[s, o, PAPER_LINK]["drawing"] for s, o in paper)
    _, edges = vis_data(g.subgraph({n for pair in paper[:5] for n in pair}))
    assert edges and all(e["dashes"] for e in edges) and all(e["label"] == "in the same paper as" for e in edges)
    with open_store(corpus300, read_only=True) as st:  # not a fact of the store: never exported or a path
        plain_graph = entity_graph(st)
    assert not any(k == PAPER_LINK for *_, k in plain_graph.edges(keys=True))
    floating = [n for n, d in plain_graph.nodes(data=True) if d["cls"] == "Decision" and plain_graph.degree(n) == 0]
    assert floating  # what the drawing edges are for


def test_every_class_has_its_own_shape_and_grey_means_one_thing(seeds_graph):
    shapes = [c.shape for c in ENTITY_CLASSES]
    assert len(set(shapes)) == len(shapes)
    assert {"Committee", "Decision", "Document"} <= {c.name for c in ENTITY_CLASSES}

    def grey(colour: str) -> bool:
        r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
        return max(r, g, b) - min(r, g, b) < 24 and 40 < r < 235

    assert [c.name for c in ENTITY_CLASSES if grey(c.colour)] == []
    assert [g.key for g in GRADES if grey(g.colour)] == ["unknown"]
    assert not grey(EDGE_COLOUR)
    html = network_page(seeds_graph)
    assert "<b>Grey means one thing</b>: an inspection whose grade no source states" in html
    nodes, _ = page_data(html)
    assert {n["shape"] for n in nodes if n["cls"] in ("Post", "FollowUp", "Organisation")} == {"image"}
    assert all(n["image"].startswith("data:image/svg+xml,") for n in nodes if n["shape"] == "image")
    greys = {n["cls"] for n in nodes if grey(n["color"]["background"])}
    assert greys <= {"Inspection"}
    visits = [n for n, d in seeds_graph.nodes(data=True) if d["cls"] == "Inspection" and d["grade"] == "not-graded"]
    assert visits and all(
        "visit" in seeds_graph.nodes[n]["name"].lower() or "review" in seeds_graph.nodes[n]["name"].lower()
        for n in visits
    )


def test_clusters_are_laid_out_by_council_in_alphabetical_order(corpus300):
    with open_store(corpus300, read_only=True) as st:
        g = entity_graph(st, Selection(around=("Inspection",), paper_links=True, max_nodes=120))
    groups = clusters(g)
    names = [g.nodes[k]["short"] for k in groups if k]
    assert names == sorted(names, key=str.casefold) and len(names) > 5
    pos, titles = clustered_layout(g)
    assert set(titles) == {k for k in groups if k} and min(titles.values()) >= 14
    boxes = []
    for key, members in groups.items():
        xs, ys = [pos[n][0] for n in members], [pos[n][1] for n in members]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
        if key:  # the council above its members
            assert all(pos[key][1] < pos[n][1] for n in members if n != key)
    for i, a in enumerate(boxes):  # clusters do not overlap
        for b in boxes[i + 1 :]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], (a, b)
    titles_at = [pos[k] for k in groups if k]  # reading order: the next council to the right, or on a lower row
    assert all(b[0] > a[0] or (b[0] <= a[0] and b[1] > a[1] + 100) for a, b in itertools.pairwise(titles_at))
    assert len({x for x, _ in titles_at}) > 1 and len({y for _, y in titles_at}) > 1  # a grid, not one line


def test_path_is_drawn_as_a_left_to_right_chain(seeds_graph):
    hops = shortest_path(
        seeds_graph, resolve_entity(seeds_graph, "Clare Curran"), resolve_entity(seeds_graph, "Ofsted")
    )
    sub = path_graph(seeds_graph, hops)
    order = sub.graph["path"]
    assert order[0].endswith("/clare-curran") and order[-1].endswith("/org/ofsted") and len(order) == len(hops) + 1
    nodes, _ = page_data(network_page(sub))
    by_id = {n["id"]: n for n in nodes}
    xs = [by_id[n]["x"] for n in order]
    assert xs == sorted(xs) and len(set(xs)) == len(xs) and {by_id[n]["y"] for n in order} == {0}
    for a, b in itertools.pairwise(order):  # far enough apart for both labels
        assert by_id[b]["x"] - by_id[a]["x"] >= (len(by_id[a]["label"]) + len(by_id[b]["label"])) * 7.2 / 2
    assert {n["fontSize"] for n in nodes} == {14} and all("value" not in n for n in nodes)
    assert "The path reads left to right." in network_page(sub)


# ---------------------------------------------------------------------------------------------- the official record


@pytest.fixture(scope="module")
def ofsted_store(built_store, tmp_path_factory):
    return vizdata.with_ofsted(built_store, tmp_path_factory.mktemp("ofsted"))


def test_official_inspections_are_read_in_one_place(ofsted_store, built_store):
    with open_store(ofsted_store, read_only=True) as st:
        records = official_inspections(st)
        surrey = official_inspections(st, "https://w3id.org/caregraph/id/council/surrey")
    assert len(records) >= 8 and set(surrey) < set(records)
    visit = surrey["https://w3id.org/caregraph/id/council/surrey/inspection/focused-visit/2024-04"]
    assert (visit.start, visit.published) == ("2024-04-16", "2024-05-17") and visit.judgement is None
    assert visit.link.startswith("https://reports.ofsted.gov.uk/") and visit.focus
    graded = [r for r in surrey.values() if r.judgement]
    assert graded and all(r.sub_judgements for r in graded)
    with open_store(built_store, read_only=True) as st:
        assert official_inspections(st) == {}


def test_the_timeline_shows_the_official_record(ofsted_store, seeds):
    with open_store(ofsted_store, read_only=True) as st:
        g = entity_graph(st, Selection(council="Surrey"))
    dated, undated = timeline_entries(g)
    inspections = [e for e in dated + undated if e["cls"] == "Inspection or visit"]
    official = [e for e in inspections if e["official"]]
    assert {e["date"][:7] for e in official} >= {"2022-01", "2024-04", "2025-03"}
    only_official = [e for e in official if not e["papers"]]
    assert only_official and all(e["documents"] == [OFFICIAL_SOURCE] and not e["evidence"] for e in only_official)
    both = next(e for e in official if e["date"].startswith("2024-04"))
    assert both["papers"] and both["evidence"] and ("report published", "2024-05-17") in both["details"]
    ilacs = [e for e in inspections if e["date"].startswith("2022")]
    assert len(ilacs) == 1 and ilacs[0]["judgement"].startswith("Requires improvement")  # each inspection once
    good = next(e for e in official if e["date"].startswith("2025-03"))
    assert good["judgement"] == "Good" and good["colour"] == GRADE_BY_KEY["good"].colour
    html = timeline_page(g)
    assert html.count('<span class="official">official</span>') == len(official) + 1  # and once in the key
    assert '<a href="https://reports.ofsted.gov.uk/' in html and "<script" not in html
    # without the import, the same council's timeline has no official entry
    plain_entries = timeline_entries(entity_graph(seeds, Selection(council="Surrey")))
    assert not any(e["official"] for e in plain_entries[0] + plain_entries[1])


def test_same_visit_matches_by_iri_link_or_dates():
    rec = {
        "iri": "https://x/council/a/inspection/ilacs/2022-01",
        "start": "2022-01-17",
        "published": "2022-03-09",
        "papers": ["https://x/council/a/inspection/ilacs/2022"],
    }
    assert same_visit(rec["iri"], "", rec)
    assert same_visit("https://x/council/a/inspection/ilacs/2022", "2022", rec)  # linked by the import
    assert same_visit("https://x/council/a/inspection/ilacs/2022-03", "2022-03", rec)  # the month of publication
    assert same_visit("https://x/council/a/inspection/ilacs/2022-02", "2022-02-01", rec)  # inside the dates
    assert not same_visit("https://x/council/a/inspection/ilacs/2022-05", "2022-05", rec)
    assert not same_visit("https://x/council/a/inspection/focused-visit/2022-02", "2022-02", rec)  # another family
    assert not same_visit("https://x/council/b/inspection/ilacs/2022-02", "2022-02", rec)  # another council


def test_a_store_without_the_classes_asked_about_shows_every_entity(hostile):
    everything = entity_graph(hostile)
    g = entity_graph(hostile, Selection(around=("FollowUp",)))  # the hostile document has no follow-up
    assert set(g) == set(everything) and g.graph["notes"] == ["no follow-ups in the selection: showing every entity"]
    g = entity_graph(hostile, Selection(around=("Decision",)))
    assert {d["cls"] for _, d in g.nodes(data=True)} == {"Decision", "Meeting", "Committee", "Council"}
