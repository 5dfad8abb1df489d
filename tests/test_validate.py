"""SHACL validation: what data/ builds conforms; hand-broken graphs fail with a readable report; exit codes 0/1/2."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from typer.testing import CliRunner

from caregraph import iris
from caregraph.cli import app
from caregraph.pipeline.mapping import document_iri, to_graph
from caregraph.store import Store, memory_store
from caregraph.validate import ValidationError, format_text, format_turtle, validate_graph, validate_store
from caregraph.vocab import CG, OA, ORG

from .test_mapping import BUILT_AT, CASES, cabinet_decision, durham_sif, surrey_news

runner = CliRunner()
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SH = Namespace("http://www.w3.org/ns/shacl#")
FV = URIRef(iris.base() + "council/surrey/inspection/focused-visit/2024-04")
MEETING = URIRef(iris.base() + "council/surrey/body/cabinet/meeting/2019-07-16")


def problems_of(graph: Graph):
    problems, _ = validate_graph(graph, "urn:test")
    return [p for p in problems if p.severity == "Violation"]


def only(problems, path: str | None = None, focus: URIRef | None = None):
    """The problems at ``path`` (a CURIE) and ``focus``; the test fails when there are none."""
    found = [p for p in problems if (path is None or p.path == path) and (focus is None or p.focus == f"<{focus}>")]
    assert found, f"no problem at {path} {focus}; got {problems}"
    return found


# ---------------------------------------------------------------------------------------------- conformance


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_graphs_conform(name):
    assert problems_of(to_graph(CASES[name](), BUILT_AT)) == []


def test_the_store_built_from_data_conforms(built_store):
    with Store(built_store, read_only=True) as store:
        report = validate_store(store)
    assert report.conforms, format_text(report)
    assert len(report.graphs) == 5 and report.triples > 500
    assert format_text(report).startswith("conforms: 5 graphs checked")


def test_cli_validate_exits_0_on_data(built_store):
    result = runner.invoke(app, ["validate", "--store", str(built_store)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("conforms: 5 graphs checked against the caregraph shapes")
    assert result.stdout.endswith(")\n") and "\\n" not in result.stdout  # one line, not an escaped newline


def test_cli_turtle_report_is_one_shacl_report_per_graph(built_store):
    result = runner.invoke(app, ["validate", "--store", str(built_store), "--format", "turtle"])
    assert result.exit_code == 0, result.output
    g = Graph().parse(data=result.stdout, format="turtle")
    reports = set(g.subjects(RDF.type, SH.ValidationReport))
    assert len(reports) == 5
    assert all(g.value(r, SH.conforms) == Literal(True) for r in reports)
    assert {str(g.value(r, URIRef("http://purl.org/dc/terms/subject"))) for r in reports} == set(
        _document_graphs(built_store)
    )


def _document_graphs(path) -> list[str]:
    store = ox.Store.read_only(str(path))
    return [
        s["g"].value
        for s in store.query("SELECT ?g WHERE { GRAPH ?g { ?g a <https://w3id.org/caregraph/ontology#Document> } }")
    ]


def test_one_graph_can_be_chosen(built_store):
    graph = _document_graphs(built_store)[0]
    result = runner.invoke(app, ["validate", "--store", str(built_store), "--graph", graph])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("conforms: 1 graph checked")
    short = graph.replace(iris.DEFAULT_BASE, "cgd:")
    result = runner.invoke(
        app, ["validate", "--store", str(built_store), "-g", short, "-g", "<https://w3id.org/caregraph/graph/councils>"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("conforms: 2 graphs checked")
    result = runner.invoke(app, ["validate", "--store", str(built_store), "-g", "not an iri"])
    assert result.exit_code == 2 and "is not an IRI" in result.stderr


# ---------------------------------------------------------------------------------------------- broken graphs


def test_a_meeting_needs_exactly_one_day():
    g = to_graph(cabinet_decision(), BUILT_AT)
    g.remove((MEETING, CG.date, None))
    assert "cg:date" in {p.path for p in problems_of(g)}
    g = to_graph(cabinet_decision(), BUILT_AT)
    g.set((MEETING, CG.date, Literal("2019-07", datatype=XSD.gYearMonth)))
    assert only(problems_of(g), "cg:date", MEETING)[0].message == "a meeting has exactly one cg:date, an xsd:date"


def test_inspection_kind_and_judgement_come_from_their_schemes():
    g = to_graph(surrey_news(), BUILT_AT)
    g.set((FV, CG.kind, iris.concept("kind", "lscb")))
    g.add((FV, CG.judgement, iris.concept("kind", "jtai")))
    problems = problems_of(g)
    assert only(problems, "cg:kind", FV)[0].message == "not a concept of the inspection-kind scheme (cgv:kind)"
    assert only(problems, "cg:judgement", FV)[0].message == "not a concept of the judgement scheme (cgv:judgement)"


def test_sub_judgement_areas_come_from_the_area_scheme():
    g = to_graph(durham_sif(), BUILT_AT)
    node = URIRef(iris.base() + "council/durham/inspection/sif/2016/judgement/lscb-effectiveness")
    g.set((node, CG.area, iris.concept("area", "lscb")))
    assert only(problems_of(g), "cg:area", node)[0].message == "not a concept of the judgement-area scheme (cgv:area)"


def test_inspection_dates_are_typed_and_in_order():
    g = to_graph(surrey_news(), BUILT_AT)
    g.set((FV, CG.startDate, Literal("16 April 2024")))
    assert only(problems_of(g), "cg:startDate", FV)[0].message == "not an xsd:date, xsd:gYearMonth or xsd:gYear literal"
    g = to_graph(surrey_news(), BUILT_AT)
    g.set((FV, CG.startDate, Literal("2024-13", datatype=XSD.gYearMonth)))  # ill-formed lexical form
    assert only(problems_of(g), "cg:startDate", FV)
    g = to_graph(surrey_news(), BUILT_AT)
    g.set((FV, CG.endDate, Literal("2024-03", datatype=XSD.gYearMonth)))
    assert "ends (2024-03) before it starts (2024-04-16)" in only(problems_of(g), focus=FV)[-1].message
    g = to_graph(surrey_news(), BUILT_AT)
    g.set((FV, CG.endDate, Literal("2024-04", datatype=XSD.gYearMonth)))  # same month, coarser: not before
    assert [
        p for p in problems_of(g) if p.shape == "cgsh:Inspection"
    ] == []  # (only the provenance of the edit is missing)


def test_every_typed_date_has_its_day_bounds_in_order():
    g = to_graph(surrey_news(), BUILT_AT)
    g.remove((FV, CG.startEarliest, None))
    assert "has no derived bounds" in only(problems_of(g), focus=FV)[0].message
    g = to_graph(surrey_news(), BUILT_AT)
    g.set((FV, CG.startEarliest, Literal("2024-05-01", datatype=XSD.date)))  # after the latest day
    assert any("startLatest" in p.message for p in only(problems_of(g), focus=FV))


def test_grades_only_on_graded_kinds_and_areas_of_the_framework():
    g = to_graph(surrey_news(), BUILT_AT)  # the April 2024 focused visit: a letter, no grade
    g.add((FV, CG.judgement, iris.concept("judgement", "good")))
    assert "a focused-visit gives no judgement" in only(problems_of(g), focus=FV)[0].message
    g = to_graph(durham_sif(), BUILT_AT)  # a SIF inspection graded with an ILACS area
    node = URIRef(iris.base() + "council/durham/inspection/sif/2016/judgement/sif-leadership")
    g.set((node, CG.area, iris.concept("area", "impact-of-leaders")))
    message = only(problems_of(g), focus=node)[0].message
    assert "of the ilacs framework, the inspection of the sif" in message


def test_publication_not_before_the_start_and_several_inspectorates():
    g = to_graph(surrey_news(), BUILT_AT)
    g.add((FV, CG.publicationDate, Literal("2024-03", datatype=XSD.gYearMonth)))
    assert "published (2024-03) before it starts (2024-04-16)" in only(problems_of(g), focus=FV)[-1].message
    g = to_graph(surrey_news(), BUILT_AT)
    g.add((FV, CG.inspectorate, iris.organisation("cqc")))  # a joint inspection: allowed
    assert [p for p in problems_of(g) if p.path == "cg:inspectorate"] == []


def test_a_committee_is_a_unit_of_its_council():
    g = to_graph(cabinet_decision(), BUILT_AT)
    cabinet = URIRef(iris.base() + "council/surrey/body/cabinet")
    g.remove((cabinet, ORG.unitOf, None))
    assert (
        only(problems_of(g), "org:unitOf", cabinet)[0].message
        == "a committee is a unit of exactly one council (org:unitOf)"
    )


def test_an_inspection_needs_a_council_and_a_date():
    g = to_graph(surrey_news(), BUILT_AT)
    g.remove((FV, CG.startDate, None))
    g.remove((FV, CG.council, None))
    problems = only(problems_of(g), focus=FV)
    assert {p.path for p in problems} >= {"cg:council", None}


def test_people_posts_decisions_and_follow_ups():
    g = to_graph(cabinet_decision(), BUILT_AT)
    person = iris.person("surrey", "Mary Lewis")
    post = iris.post(iris.council("surrey"), "Director of Children's Services")
    decision = URIRef(f"{MEETING}/item/126/decision/1")
    follow_up = URIRef(f"{MEETING}/item/126/decision/2/follow-up/2020-03")
    g.remove((person, FOAF.name, None))
    g.add((post, ORG.postIn, iris.organisation("ofsted")))  # a post is in at most one body
    g.remove((decision, CG.text, None))
    g.add((follow_up, CG.due, Literal("2020-04", datatype=XSD.gYearMonth)))
    problems = problems_of(g)
    only(problems, "foaf:name", person)
    only(problems, "org:postIn", post)
    only(problems, "cg:text", decision)
    assert (
        only(problems, "cg:due", follow_up)[0].message
        == "a follow-up has exactly one cg:due, typed at the precision the text gives"
    )


def test_every_fact_needs_its_statement_and_every_statement_its_fact():
    g = to_graph(surrey_news(), BUILT_AT)
    g.add((FV, CG.focus, Literal("an unsourced claim")))
    messages = [p.message for p in problems_of(g)]
    assert any("has no rdf:Statement giving its provenance" in m and "an unsourced claim" in m for m in messages), (
        messages
    )
    g = to_graph(surrey_news(), BUILT_AT)
    g.remove((FV, CG.endDate, None))
    messages = [p.message for p in problems_of(g)]
    assert any("is not asserted in the graph" in m and "cg#endDate" not in m for m in messages), messages


def test_the_stored_rdf12_form_is_validated_through_its_rdf11_form():
    """validate reads the store's RDF 1.2 provenance (a span reifies each fact) as RDF 1.1 reification: an
    unreified fact and a reifier of a triple the graph does not assert are both found."""
    from caregraph.validate import validate_triples

    from .test_mapping import stored

    x = surrey_news()
    name = str(document_iri(x.document))
    triples = stored(x)
    fv, focus = ox.NamedNode(str(FV)), ox.NamedNode(str(CG.focus))
    assert [p for p in validate_triples(sorted_triples(triples), name)[0] if p.severity == "Violation"] == []
    extra = ox.Triple(fv, focus, ox.Literal("an unsourced claim"))
    end = next(t for t in triples if t.subject == fv and t.predicate.value == str(CG.endDate))
    broken = (triples | {extra}) - {end}
    messages = [p.message for p in validate_triples(sorted_triples(broken), name)[0]]
    assert any("has no rdf:Statement giving its provenance" in m and "an unsourced claim" in m for m in messages)
    assert any("is not asserted in the graph" in m for m in messages), messages


def sorted_triples(triples):
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def test_evidence_spans_must_match_their_quotes():
    x = surrey_news()
    g = to_graph(x, BUILT_AT)
    ev = max(g.subjects(RDF.type, CG.Evidence), key=lambda e: int(g.value(e, OA.start)))
    assert int(g.value(ev, OA.start)) > 0
    g.set((ev, OA.exact, Literal(str(g.value(ev, OA.exact)) + "!")))
    assert "the quote is" in only(problems_of(g), focus=ev)[0].message
    g = to_graph(x, BUILT_AT)
    g.set((ev, OA.end, Literal(0)))
    assert only(problems_of(g), "oa:start", ev)


# ---------------------------------------------------------------------------------------------- the CLI on a broken store


@pytest.fixture()
def broken_store(tmp_path):
    """A store with one good document and one whose meeting lost its date."""
    path = tmp_path / "store"
    good, bad = to_graph(surrey_news(), BUILT_AT), to_graph(cabinet_decision(), BUILT_AT)
    bad.remove((MEETING, CG.date, None))
    with Store(path) as store:
        store.ensure_reference_graphs()
        store.add_graphs(
            [(document_iri(surrey_news().document), good), (document_iri(cabinet_decision().document), bad)]
        )
    return path


def test_cli_reports_the_document_focus_path_and_message_and_exits_1(broken_store):
    result = runner.invoke(app, ["validate", "--store", str(broken_store)])
    assert result.exit_code == 1, result.output
    out = result.stdout
    # the missing date, and the statement that still reifies it
    assert out.startswith("does not conform: 2 violations in 1 of 2 graphs")
    assert "is not asserted in the graph" in out
    assert "golden/cabinet-decision.txt" in out  # which document
    assert f"Violation: <{MEETING}>  cg:date" in out  # focus node and path
    assert "a meeting has exactly one cg:date, an xsd:date" in out  # the message
    assert "golden/surrey-news.txt" not in out


def test_library_report_lists_the_failing_graph(broken_store):
    with Store(broken_store, read_only=True) as store:
        report = validate_store(store)
    assert not report.conforms
    assert report.failing_graphs == (str(document_iri(cabinet_decision().document)),)
    assert "sh:ValidationReport" in format_turtle(report)


def test_cannot_run_gives_exit_2(tmp_path, built_store):
    result = runner.invoke(app, ["validate", "--store", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert "Error: no caregraph store at" in result.stderr
    result = runner.invoke(app, ["validate", "--store", str(built_store), "--graph", "https://example.org/nothing"])
    assert result.exit_code == 2
    assert "Error: no graph <https://example.org/nothing> in the store" in result.stderr
    result = runner.invoke(app, ["validate", "--store", str(built_store), "--format", "xml"])
    assert result.exit_code == 2
    empty = tmp_path / "empty"
    with Store(empty) as store:
        store.ensure_reference_graphs()
    result = runner.invoke(app, ["validate", "--store", str(empty)])
    assert result.exit_code == 2
    assert "Error: the store has no document graphs to validate" in result.stderr


def test_an_empty_memory_store_cannot_be_validated():
    with memory_store() as store, pytest.raises(ValidationError, match="no document graphs"):
        validate_store(store)


def test_doctests_in_the_module_run():
    import doctest

    import caregraph.validate

    result = doctest.testmod(caregraph.validate)
    assert result.attempted >= 1 and result.failed == 0


# ---------------------------------------------------------------------------------------------- Ofsted's record


def test_the_official_graph_is_validated_too(built_store, tmp_path):
    """Ofsted's record (the test extract of the real workbook's sheets) is checked inspection by inspection, with its
    provenance in three queries; a fact no row reifies, and a grade on a focused visit, are found."""
    import shutil

    from caregraph.interop.ofsted import OFSTED_GRAPH, import_outcomes
    from caregraph.store import open_store

    from .test_ofsted import CSVS

    path = tmp_path / "store"
    shutil.copytree(built_store, path)
    with open_store(path) as st:
        import_outcomes(st, CSVS)
    with Store(path, read_only=True) as store:
        report = validate_store(store)
    assert report.conforms, format_text(report)
    assert OFSTED_GRAPH in report.graphs and len(report.graphs) == 6
    fv = ox.NamedNode(iris.base() + "council/surrey/inspection/focused-visit/2024-04")
    with open_store(path) as st:
        st.ox.add(ox.Quad(fv, ox.NamedNode(str(CG.focus)), ox.Literal("no row says so"), ox.NamedNode(OFSTED_GRAPH)))
        st.ox.add(
            ox.Quad(
                fv,
                ox.NamedNode(str(CG.judgement)),
                ox.NamedNode(str(iris.concept("judgement", "good"))),
                ox.NamedNode(OFSTED_GRAPH),
            )
        )
    with Store(path, read_only=True) as store:
        messages = [p.message for p in validate_store(store, [OFSTED_GRAPH]).problems]
    assert any("has no row reifying it" in m and "no row says so" in m for m in messages), messages
    assert any("a focused-visit gives no judgement" in m for m in messages), messages


def test_categories_and_practice_models_must_be_concepts_of_their_schemes():
    """An organisation's org:classification is a concept of the category scheme, a practice model one of the
    practice-model scheme; a made-up key, or a concept of another scheme, is reported."""
    g = to_graph(surrey_news(), BUILT_AT)  # names Ofsted, an inspectorate
    ofsted = iris.organisation("ofsted")
    assert (ofsted, ORG.classification, iris.concept("org-category", "inspectorate")) in g
    g.set((ofsted, ORG.classification, iris.concept("org-category", "inspectorates")))
    assert "organisation-category scheme" in only(problems_of(g), focus=ofsted)[0].message
    g.set((ofsted, ORG.classification, iris.concept("kind", "sif")))
    assert only(problems_of(g), focus=ofsted)
    g = to_graph(durham_sif(), BUILT_AT)  # Durham uses Signs of Safety
    model = iris.practice_model("signs-of-safety")
    assert problems_of(g) == [] and (model, RDF.type, CG.PracticeModel) in g
    made_up = iris.practice_model("signs-of-danger")
    for p, o in list(g.predicate_objects(model)):
        g.add((made_up, p, o))
    messages = [p.message for p in problems_of(g) if "signs-of-danger" in p.focus]
    assert "not a concept of the practice-model scheme (cgv:practice-model)" in messages, messages
