"""The mapping: hand-built Extraction records → the triples of tests/golden/*.ttl, IRIs that join across documents,
provenance for every fact, dates typed at the text's precision.

Regenerate the golden files after a deliberate change of the mapping with ``UPDATE_GOLDEN=1 pytest
tests/test_mapping.py`` and read the diff before keeping it.
"""

from __future__ import annotations

import os
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from caregraph import __version__, iris
from caregraph.interop.provenance import convert
from caregraph.namespaces import PREFIXES
from caregraph.ntriples import graph_ntriples
from caregraph.pipeline.mapping import (
    DATE_BOUNDS,
    area_key,
    date_bounds,
    date_literal,
    document_iri,
    inspection_label,
    season,
    short_label,
    to_graph,
    to_triples,
)
from caregraph.records import (
    CouncilMention,
    DecisionRecord,
    Evidence,
    Extraction,
    FollowUpRecord,
    Genre,
    InspectionRecord,
    MeetingRecord,
    NamedMention,
    PersonRecord,
    PostRecord,
    SourceDocument,
    SubJudgement,
)
from caregraph.records import PartialDate as D
from caregraph.vocab import CG, OA

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain namespace: rdflib's XSD warns when pytest probes it
BUILT_AT = datetime(2024, 6, 1, 9, 30, tzinfo=UTC)
VOCABULARIES = Graph().parse(ROOT / "ontology" / "vocabularies.ttl")


# ---------------------------------------------------------------------------------------------- record builders


def document(text: str, path: str, url: str | None = None) -> SourceDocument:
    return SourceDocument(path=path, text=text, sha256="0" * 64, format="txt", size=len(text.encode("utf-8")), url=url)


def span(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(start, start + len(quote), quote)


SURREY_NEWS = (
    "Positive feedback from Ofsted following recent children's services focused visit\n"
    "Ofsted published the outcome of our latest focused visit on 16 and 17 April 2024, which specifically looked at "
    "arrangements for children in need or children who are the subject of a child protection plan.\n"
    "We have strengthened the quality of support since the last inspection in January 2022.\n"
)


def surrey_news() -> Extraction:
    text = SURREY_NEWS
    visit = span(
        text,
        "Ofsted published the outcome of our latest focused visit on 16 and 17 April 2024, which specifically looked at arrangements for children in need or children who are the subject of a child protection plan.",
    )
    last = span(text, "We have strengthened the quality of support since the last inspection in January 2022.")
    return Extraction(
        document=document(text, "golden/surrey-news.txt", "https://www.surreycc.gov.uk/news/focused-visit-2024"),
        genre=Genre.NEWS,
        date=None,
        title="Positive feedback from Ofsted following recent children's services focused visit",
        councils=(CouncilMention("surrey", "Surrey County Council", True, None),),
        inspections=(
            InspectionRecord(
                kind="focused-visit",
                evidence=visit,
                start=D(2024, 4, 16),
                end=D(2024, 4, 17),
                focus="arrangements for children in need or children who are the subject of a child protection plan",
                inspectorate="ofsted",
                date_text="16 and 17 April 2024",
            ),
            InspectionRecord(
                kind="ilacs", evidence=last, start=D(2022, 1), inspectorate="ofsted", date_text="January 2022"
            ),
        ),
        organisations=(
            NamedMention(
                "ofsted",
                "Ofsted",
                "inspectorate",
                span(text, "Positive feedback from Ofsted following recent children's services focused visit"),
            ),
        ),
    )


CABINET = (
    "Cabinet - Tuesday, 16 July 2019 2.00 pm\n"
    "Item 126. OFSTED INSPECTION OUTCOME\n"
    "Report: Ofsted report letter, PDF 331 KB\n"
    "Call-in: Children, Families, Lifelong Learning and Culture Select Committee\n"
    "Councillor Mary Lewis, Cabinet Member for Children, Young People and Families, introduced the report.\n"
    "The Director of Children's Services attended.\n"
    "RESOLVED:\n"
    "1. That the Cabinet notes the outcome of the Ofsted inspection.\n"
    "2. That an update on the improvement plan is brought to Cabinet by March 2020.\n"
    "The decision was unanimous.\n"
)


def cabinet_decision() -> Extraction:
    text = CABINET
    meeting = span(text, "Cabinet - Tuesday, 16 July 2019 2.00 pm")
    lewis = span(
        text, "Councillor Mary Lewis, Cabinet Member for Children, Young People and Families, introduced the report."
    )
    return Extraction(
        document=document(
            text, "golden/cabinet-decision.txt", "https://mycouncil.surreycc.gov.uk/ieIssueDetails.aspx?IId=1&Opt=3"
        ),
        genre=Genre.DECISION,
        date=D(2019, 7, 16),
        title="Ofsted inspection outcome",
        councils=(CouncilMention("surrey", "Surrey", True, None),),
        meetings=(
            MeetingRecord(
                body="Cabinet",
                date=D(2019, 7, 16),
                evidence=meeting,
                item_number="126",
                item_title="OFSTED INSPECTION OUTCOME",
                report_title="Ofsted report letter",
                report_size="PDF 331 KB",
                call_in_body="Children, Families, Lifelong Learning and Culture Select Committee",
            ),
        ),
        people=(
            PersonRecord(
                "Mary Lewis",
                "Cabinet Member for Children, Young People and Families",
                lewis,
                honorific="Councillor",
                role="speaker",
            ),
        ),
        posts=(
            PostRecord("Director of Children's Services", span(text, "The Director of Children's Services attended.")),
        ),
        decisions=(
            DecisionRecord(
                "That the Cabinet notes the outcome of the Ofsted inspection.",
                span(text, "1. That the Cabinet notes the outcome of the Ofsted inspection."),
                number="1",
                outcome="noted",
                unanimous=True,
            ),
            DecisionRecord(
                "That an update on the improvement plan is brought to Cabinet by March 2020.",
                span(text, "2. That an update on the improvement plan is brought to Cabinet by March 2020."),
                number="2",
                outcome="agreed",
                unanimous=True,
            ),
        ),
        follow_ups=(
            FollowUpRecord(
                "An update on the improvement plan is brought to Cabinet",
                D(2020, 3),
                span(text, "2. That an update on the improvement plan is brought to Cabinet by March 2020."),
                responsible="Cabinet",
                decision_number="2",
            ),
        ),
    )


DURHAM_SIF = (
    "The Ofsted inspection of services for children in need of help and protection, children looked after and care "
    "leavers in 2016 judged services as requires improvement, with the leadership, management and governance judged "
    "good and the local safeguarding children board judged good.\n"
    "The report was published in March 2016.\n"
    "Durham has introduced the Signs of Safety practice model.\n"
)


def durham_sif() -> Extraction:
    text = DURHAM_SIF
    sif = span(text, text.split("\n")[0])
    return Extraction(
        document=document(text, "golden/durham-sif.txt"),
        genre=Genre.AGENDA_ITEM,
        date=D(2016),
        title=None,
        councils=(CouncilMention("durham", "Durham", True, span(text, "Durham")),),
        inspections=(
            InspectionRecord(
                kind="sif",
                evidence=sif,
                start=D(2016),
                judgement="requires-improvement",
                sub_judgements=(SubJudgement("impact-of-leaders", "good"), SubJudgement("lscb", "good")),
                inspectorate="ofsted",
                date_text="2016",
            ),
            InspectionRecord(
                kind="sif",
                evidence=span(text, "The report was published in March 2016."),
                published=D(2016, 3),
                inspectorate="ofsted",
                date_text="March 2016",
            ),
        ),
        practice_models=(
            NamedMention(
                "signs-of-safety",
                "Signs of Safety",
                "practice-model",
                span(text, "Durham has introduced the Signs of Safety practice model."),
            ),
        ),
    )


CASES = {"surrey-news": surrey_news, "cabinet-decision": cabinet_decision, "durham-sif": durham_sif}


REIFIES = ox.NamedNode(str(RDF) + "reifies")
VERSION = ox.NamedNode(str(CG.caregraphVersion))


def stored(x: Extraction) -> set[ox.Triple]:
    """The document's graph as the build stores it (RDF 1.2), as pyoxigraph triples."""
    return {q.triple for q in ox.parse(graph_ntriples(to_triples(x, BUILT_AT)), format=ox.RdfFormat.N_TRIPLES)}


def mapped(x: Extraction) -> set[ox.Triple]:
    """The stored graph without the caregraph version (which would tie the golden files to a release)."""
    triples = stored(x)
    doc = ox.NamedNode(str(document_iri(x.document)))
    assert ox.Triple(doc, VERSION, ox.Literal(__version__)) in triples
    return {t for t in triples if t.predicate != VERSION}


def ox_set(graph) -> set[ox.Triple]:
    return {q.triple for q in ox.parse(graph_ntriples(graph), format=ox.RdfFormat.N_TRIPLES)}


@pytest.mark.parametrize("name", sorted(CASES))
def test_to_graph_is_the_rdf11_form_of_what_the_build_stores(name):
    """The build writes ``to_triples`` (RDF 1.2); ``to_graph`` (rdflib, which has no triple terms) holds the same
    graph with its provenance as RDF 1.1 reification, exactly as ``export --provenance rdf11`` writes it."""
    x = CASES[name]()
    doc = ox.NamedNode(str(document_iri(x.document)))
    triples = stored(x)
    assert triples and all(len(t) == 3 for t in to_triples(x, BUILT_AT))
    rdf11 = {
        q.triple
        for q in convert((ox.Quad(t.subject, t.predicate, t.object, doc) for t in sorted_by_subject(triples)), "rdf11")
    }
    assert ox_set(to_graph(x, BUILT_AT)) == rdf11
    assert not any(isinstance(t.object, ox.Triple) for t in rdf11)


def sorted_by_subject(triples: set[ox.Triple]) -> list[ox.Triple]:
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def golden_turtle(triples: set[ox.Triple]) -> bytes:
    return ox.serialize(sorted_by_subject(triples), format=ox.RdfFormat.TURTLE, prefixes=GOLDEN_PREFIXES)


GOLDEN_PREFIXES = {
    p: ns
    for p, ns in PREFIXES.items()
    if p in ("cg", "rdf", "rdfs", "xsd", "skos", "dcterms", "foaf", "org", "oa", "prov")
}


# ---------------------------------------------------------------------------------------------- golden files


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_mapping(name):
    """tests/golden/{name}.ttl: the stored graph in Turtle 1.2 (triple terms), compared triple by triple."""
    actual = mapped(CASES[name]())
    path = GOLDEN / f"{name}.ttl"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(golden_turtle(actual))
    expected = {q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)}
    if expected != actual:
        lines = [f"the mapping of {name} differs from tests/golden/{name}.ttl"]
        lines += [f"  missing: {t}" for t in sorted_by_subject(expected - actual)]
        lines += [f"  unexpected: {t}" for t in sorted_by_subject(actual - expected)]
        pytest.fail("\n".join(lines), pytrace=False)


def golden(name: str) -> Graph:
    """A golden file's facts as an rdflib graph (the reifier triples, which rdflib cannot hold, left out)."""
    triples = [q.triple for q in ox.parse(path=str(GOLDEN / f"{name}.ttl"), format=ox.RdfFormat.TURTLE)]
    return Graph().parse(
        data=ox.serialize([t for t in triples if t.predicate != REIFIES], format=ox.RdfFormat.N_TRIPLES), format="nt"
    )


def test_golden_files_hold_what_the_records_say():
    """The golden files are reviewed output, not just snapshots: spot-check the facts they must contain."""
    g = golden("surrey-news")
    fv = URIRef(iris.base() + "council/surrey/inspection/focused-visit/2024-04")
    assert (fv, CG.startDate, Literal("2024-04-16", datatype=XSD.date)) in g
    assert (fv, CG.endDate, Literal("2024-04-17", datatype=XSD.date)) in g
    assert (fv, CG.kind, iris.concept("kind", "focused-visit")) in g
    earlier = URIRef(iris.base() + "council/surrey/inspection/ilacs/2022-01")
    assert (earlier, CG.startDate, Literal("2022-01", datatype=XSD.gYearMonth)) in g

    g = golden("cabinet-decision")
    item = URIRef(iris.base() + "council/surrey/body/cabinet/meeting/2019-07-16/item/126")
    decision = URIRef(f"{item}/decision/2")
    assert (decision, CG.madeAt, URIRef(iris.base() + "council/surrey/body/cabinet/meeting/2019-07-16")) in g
    assert (URIRef(f"{decision}/follow-up/2020-03"), CG.due, Literal("2020-03", datatype=XSD.gYearMonth)) in g
    assert (
        URIRef(iris.base() + "council/surrey/person/mary-lewis"),
        URIRef("http://www.w3.org/ns/org#holds"),
        URIRef(iris.base() + "council/surrey/post/cabinet-member-for-children-young-people-and-families"),
    ) in g

    g = golden("durham-sif")
    sif = URIRef(iris.base() + "council/durham/inspection/sif/2016")
    assert (sif, CG.startDate, Literal("2016", datatype=XSD.gYear)) in g
    assert (URIRef(f"{sif}/judgement/lscb-effectiveness"), CG.area, iris.concept("area", "lscb-effectiveness")) in g
    assert (URIRef(f"{sif}/judgement/sif-leadership"), CG.judgement, iris.concept("judgement", "good")) in g
    assert (
        URIRef(iris.base() + "council/durham/inspection/sif/p2016-03"),
        CG.publicationDate,
        Literal("2016-03", datatype=XSD.gYearMonth),
    ) in g


# ---------------------------------------------------------------------------------------------- provenance

SPAN_PROPERTIES = {ox.NamedNode(str(OA) + n) for n in ("start", "end", "exact")}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_fact_is_reified_by_its_span_in_at_most_three_quads(name):
    x = CASES[name]()
    triples = stored(x)
    doc = ox.NamedNode(str(document_iri(x.document)))
    reifications = [t for t in triples if t.predicate == REIFIES]
    reifiers = {t.subject for t in reifications}
    spans = reifiers - {doc}
    reified = {t.object for t in reifications}
    derived = {ox.NamedNode(str(b)) for pair in DATE_BOUNDS.values() for b in pair} | {ox.NamedNode(str(CG.startEdtf))}
    facts = {t for t in triples if t.subject not in reifiers and t.subject != doc and t.predicate not in derived}
    assert not {t.object.predicate for t in reifications} & derived  # bounds are derived, not stated
    facts |= {t for t in triples if t.subject == doc and t.predicate == ox.NamedNode(str(DCTERMS.publisher))}
    assert facts, "no facts mapped"
    assert all(isinstance(t.object, ox.Triple) for t in reifications)
    assert facts <= reified, sorted_by_subject(facts - reified)[:5]
    assert reified <= triples, "a reifier reifies a triple the graph does not assert"
    # the document's own metadata is not reified, except its publisher, which is a claim about it
    assert {t.predicate for t in reified if t.subject == doc} <= {ox.NamedNode(str(DCTERMS.publisher))}
    # every span quotes the document's text exactly, with three quads and nothing else
    for ev in spans:
        own = {t.predicate: t.object for t in triples if t.subject == ev and t.predicate != REIFIES}
        assert set(own) == SPAN_PROPERTIES, ev
        start, end = int(own[ox.NamedNode(str(OA.start))].value), int(own[ox.NamedNode(str(OA.end))].value)
        assert x.document.text[start:end] == own[ox.NamedNode(str(OA.exact))].value
    # at most three quads a fact: the fact, its reifier triple, and its share of the span's three
    provenance = len(reifications) + 3 * len(spans)
    assert len(facts) + provenance <= 3 * len(facts)
    assert len(reifications) == len({(t.subject, t.object) for t in reifications})


def test_where_does_it_say_that_query_finds_the_quote():
    store = ox.Store()
    x = surrey_news()
    doc = ox.NamedNode(str(document_iri(x.document)))
    store.extend(ox.Quad(t.subject, t.predicate, t.object, doc) for t in stored(x))
    rows = list(
        store.query(
            """
            PREFIX cg: <https://w3id.org/caregraph/ontology#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            SELECT ?start ?end ?quote WHERE { GRAPH ?g {
                ?span rdf:reifies <<( ?s cg:endDate ?o )>> ; oa:start ?start ; oa:end ?end ; oa:exact ?quote .
            } }"""
        )
    )
    assert len(rows) == 1
    assert "16 and 17 April 2024" in rows[0]["quote"].value


# ---------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("date", "lexical", "datatype"),
    [
        (D(2024), "2024", XSD.gYear),
        (D(2024, 4), "2024-04", XSD.gYearMonth),
        (D(2024, 4, 16), "2024-04-16", XSD.date),
        (D(987, 1, 2), "0987-01-02", XSD.date),
    ],
    ids=["year", "month", "day", "four-digit-year"],
)
def test_dates_are_typed_at_the_precision_the_text_gives(date, lexical, datatype):
    literal = date_literal(date)
    assert (str(literal), literal.datatype) == (lexical, datatype)
    assert literal.ill_typed is not True  # rdflib checks xsd:date; it has no parser for the g* types


@pytest.mark.parametrize(
    ("date", "earliest", "latest"),
    [
        (D(2024, 4, 16), "2024-04-16", "2024-04-16"),
        (D(2024, 4), "2024-04-01", "2024-04-30"),
        (D(2024, 2), "2024-02-01", "2024-02-29"),
        (D(2023, 12), "2023-12-01", "2023-12-31"),
        (D(2016), "2016-01-01", "2016-12-31"),
    ],
    ids=["day", "month", "leap-february", "december", "year"],
)
def test_every_precision_has_day_bounds(date, earliest, latest):
    assert tuple(d.isoformat() for d in date_bounds(date)) == (earliest, latest)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Spring 2022", ("2022-21", "2022-03-01", "2022-05-31")),
        ("between Spring and Summer 2022", ("2022-21/2022-22", "2022-03-01", "2022-08-31")),
        ("in the autumn", ("2022-23", "2022-09-01", "2022-11-30")),
        ("winter 2022", ("2022-24", "2022-01-01", "2023-02-28")),
        ("2022", None),
        ("spring 2021 or 2022", None),
    ],
    ids=["season", "two-seasons", "bare-season", "winter", "no-season", "another-year"],
)
def test_seasons_keep_their_edtf_and_narrow_the_bounds(words, expected):
    found = season(D(2022), words)
    assert (found if found is None else (found[0], found[1].isoformat(), found[2].isoformat())) == expected
    assert season(D(2022, 3), words) is None  # a month is more precise than a season


def test_typed_dates_have_bounds_beside_them_and_a_season_its_edtf():
    text = "Ofsted's ILACS inspection is expected between Spring and Summer 2022. The focused visit was in April 2024."
    x = Extraction(
        document(text, "plan.txt"),
        Genre.OTHER,
        None,
        None,
        councils=(CouncilMention("surrey", "Surrey", True, None),),
        inspections=(
            InspectionRecord(
                "ilacs",
                span(text, "Ofsted's ILACS inspection is expected between Spring and Summer 2022."),
                start=D(2022),
                planned=True,
                date_text="between Spring and Summer 2022",
            ),
            fv_mention(text, "The focused visit was in April 2024.", D(2024, 4)),
        ),
    )
    g = to_graph(x, BUILT_AT)
    planned = iris.inspection("surrey", "ilacs", D(2022))
    assert g.value(planned, CG.startDate) == Literal("2022", datatype=XSD.gYear)  # the typed value stays honest
    assert str(g.value(planned, CG.startEdtf)) == "2022-21/2022-22"
    assert (str(g.value(planned, CG.startEarliest)), str(g.value(planned, CG.startLatest))) == (
        "2022-03-01",
        "2022-08-31",
    )
    visit = iris.inspection("surrey", "focused-visit", D(2024, 4))
    assert g.value(visit, CG.startEarliest) == Literal("2024-04-01", datatype=XSD.date)
    assert g.value(visit, CG.startLatest) == Literal("2024-04-30", datatype=XSD.date)
    assert g.value(visit, CG.startEdtf) is None
    # every typed date in every golden case has both bounds, and they enclose it
    for make in CASES.values():
        g = to_graph(make(), BUILT_AT)
        for p, (earliest, latest) in DATE_BOUNDS.items():
            for s, value in g.subject_objects(p):
                lo, hi = str(g.value(s, earliest)), str(g.value(s, latest))
                assert lo[: len(str(value))] <= str(value) <= hi[: len(str(value))] and lo <= hi, (s, p, value)


def test_a_month_is_never_given_a_day_in_the_graph():
    g = to_graph(surrey_news(), BUILT_AT)
    earlier = iris.inspection("surrey", "ilacs", D(2022, 1))
    assert list(g.objects(earlier, CG.startDate)) == [Literal("2022-01", datatype=XSD.gYearMonth)]


# ---------------------------------------------------------------------------------------------- IRIs that join


def fv_mention(text: str, quote: str, start: D, end: D | None = None, kind: str = "focused-visit") -> InspectionRecord:
    return InspectionRecord(kind=kind, evidence=span(text, quote), start=start, end=end, inspectorate="ofsted")


def minimal(text: str, path: str, council: str, *inspections: InspectionRecord) -> Extraction:
    return Extraction(
        document(text, path),
        Genre.OTHER,
        None,
        None,
        councils=(CouncilMention(council, council, True, None),),
        inspections=inspections,
    )


def test_the_same_inspection_from_several_documents_is_one_node():
    a = "Surrey's focused visit took place on 16 and 17 April 2024."
    b = "Ofsted carried out a focused visit to Surrey on 16-17 April 2024, looking at children in need."
    c = "The focused visit in April 2024 found progress."
    graphs = [
        to_graph(minimal(a, "a.txt", "surrey", fv_mention(a, a, D(2024, 4, 16), D(2024, 4, 17))), BUILT_AT),
        to_graph(minimal(b, "b.txt", "surrey", fv_mention(b, b, D(2024, 4, 16), D(2024, 4, 17))), BUILT_AT),
        to_graph(minimal(c, "c.txt", "surrey", fv_mention(c, c, D(2024, 4))), BUILT_AT),
    ]
    nodes = [set(g.subjects(RDF.type, CG.Inspection)) for g in graphs]
    assert nodes[0] == nodes[1] == nodes[2] == {URIRef(iris.base() + "council/surrey/inspection/focused-visit/2024-04")}
    # every document labels the shared node alike, so the union has one label
    labels = {
        lab
        for g in graphs
        for lab in g.objects(next(iter(nodes[0])), URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    }
    assert labels == {Literal("focused visit, surrey, 2024-04")}
    # … and the union keeps each document's own start date, at its own precision, with its own provenance
    union = Graph()
    for g in graphs:
        union += g
    starts = set(union.objects(next(iter(nodes[0])), CG.startDate))
    assert starts == {Literal("2024-04-16", datatype=XSD.date), Literal("2024-04", datatype=XSD.gYearMonth)}
    sources = {union.value(st, PROV.wasDerivedFrom) for st in union.subjects(RDF.predicate, CG.startDate)}
    assert len(sources) == 3  # in the RDF 1.1 form of to_graph: one statement per document


def test_seed_news_release_and_other_documents_share_the_surrey_visit(tmp_path):
    """Through the whole pipeline: the seed news release and two papers of our own about the same visit."""
    from caregraph.pipeline.build import process
    from caregraph.pipeline.load import Source

    (tmp_path / "minutes.txt").write_text(
        "Minutes of the Children, Families, Lifelong Learning and Culture Select Committee, Surrey County Council\n"
        "Members noted that Ofsted's focused visit of 16 and 17 April 2024 looked at children in need and children "
        "subject to a child protection plan.\n",
        encoding="utf-8",
    )
    (tmp_path / "update.txt").write_text(
        "Surrey County Council children's services update\nThe focused visit by Ofsted in April 2024 recognised the "
        "council's improvement programme.\n",
        encoding="utf-8",
    )
    seed = ROOT / "data" / "003_0938c2f4e45d6980.txt"
    expected = URIRef(iris.base() + "council/surrey/inspection/focused-visit/2024-04")
    for path in (seed, tmp_path / "minutes.txt", tmp_path / "update.txt"):
        x = process(Source(path, path.name, council="surrey"))
        visits = set(to_graph(x, BUILT_AT).subjects(CG.kind, iris.concept("kind", "focused-visit")))
        assert visits == {expected}, (path.name, visits)


def test_inspection_keys_use_the_kind_family_and_start_month():
    assert iris.inspection("surrey", "ilacs-short", D(2019, 10, 7)) == iris.inspection("surrey", "ilacs", D(2019, 10))
    assert (
        inspection_label("surrey", "ilacs-short", D(2019, 10, 7), None)
        == inspection_label("surrey", "ilacs", D(2019, 10), None)
        == "ilacs, surrey, 2019-10"
    )
    assert inspection_label("surrey", "sif", None, D(2018, 5, 16)) == "sif, surrey, published 2018-05"


def test_decisions_of_two_agenda_items_of_one_meeting_do_not_merge():
    def item(number: str) -> Extraction:
        text = f"Cabinet 16 July 2019 item {number}\n1. That the report be noted (item {number})."
        decision = DecisionRecord(
            f"That the report be noted (item {number}).",
            span(text, f"1. That the report be noted (item {number})."),
            number="1",
            outcome="noted",
        )
        meeting = MeetingRecord(
            "Cabinet",
            D(2019, 7, 16),
            span(text, f"Cabinet 16 July 2019 item {number}"),
            item_number=number,
            item_title=f"Item {number}",
        )
        return Extraction(
            document(text, f"item{number}.txt"),
            Genre.AGENDA_ITEM,
            None,
            None,
            councils=(CouncilMention("surrey", "Surrey", True, None),),
            meetings=(meeting,),
            decisions=(decision,),
        )

    first, second = (set(to_graph(item(n), BUILT_AT).subjects(RDF.type, CG.Decision)) for n in ("5", "6"))
    assert first and second and first.isdisjoint(second)


def test_a_number_given_twice_in_one_document_keys_decisions_by_text():
    text = "1. That the report be noted.\n1. That the plan be approved.\n"
    decisions = (
        DecisionRecord("That the report be noted.", span(text, "1. That the report be noted."), number="1"),
        DecisionRecord("That the plan be approved.", span(text, "1. That the plan be approved."), number="1"),
    )
    x = Extraction(document(text, "minutes.txt"), Genre.MINUTES, None, None, decisions=decisions)
    g = to_graph(x, BUILT_AT)
    nodes = set(g.subjects(RDF.type, CG.Decision))
    assert len(nodes) == 2
    assert all("/decision/t-" in n for n in nodes)
    assert all(len(list(g.objects(n, CG.text))) == 1 for n in nodes)


def test_follow_ups_due_the_same_month_stay_apart():
    text = "A report will come back by March 2025. A training plan is due by March 2025."
    follow_ups = (
        FollowUpRecord("A report will come back", D(2025, 3), span(text, "A report will come back by March 2025.")),
        FollowUpRecord("A training plan is due", D(2025, 3), span(text, "A training plan is due by March 2025.")),
    )
    g = to_graph(Extraction(document(text, "f.txt"), Genre.OTHER, None, None, follow_ups=follow_ups), BUILT_AT)
    nodes = set(g.subjects(RDF.type, CG.FollowUp))
    assert len(nodes) == 2
    assert all(len(list(g.objects(n, CG.due))) == 1 for n in nodes)


# ---------------------------------------------------------------------------------------------- concept keys


def concept_exists(scheme: str, key: str) -> bool:
    return (
        iris.concept(scheme, key),
        URIRef("http://www.w3.org/2004/02/skos/core#inScheme"),
        URIRef(f"{iris.VOCAB}{scheme}"),
    ) in VOCABULARIES


def test_area_keys_follow_the_inspection_framework():
    assert area_key("lscb", "sif") == "lscb-effectiveness"
    assert area_key("impact-of-leaders", "ilacs") == "impact-of-leaders"
    assert area_key("impact-of-leaders", "sif-reinspection") == "sif-leadership"
    assert area_key("children-in-care", "sif") == "sif-looked-after"
    assert area_key("overall-effectiveness", "sif") == "overall-effectiveness"


def test_every_concept_key_extraction_can_give_is_in_the_vocabularies():
    """Kinds, judgements, areas and outcomes named in the extraction rules all resolve to SKOS concepts."""
    folder = ROOT / "src" / "caregraph" / "rules"
    rules = tomllib.loads((folder / "inspections.toml").read_text(encoding="utf-8"))
    outcomes = tomllib.loads((folder / "decisions.toml").read_text(encoding="utf-8"))["decision_outcomes"]

    def placeholder(k):
        return k["framework"] == "by-date"  # resolved to a framework's kind by date (its by_* tables)

    kinds = {k["key"] for k in rules["kinds"] if not placeholder(k)}
    for k in rules["kinds"]:
        kinds |= set(k.get("by_date", {})) | set(k.get("by_publication", {}))
    missing = sorted(f"kind/{k}" for k in kinds if not concept_exists("kind", k))
    missing += sorted(f"judgement/{k}" for k in rules["judgement_words"] if not concept_exists("judgement", k))
    missing += sorted(f"outcome/{k}" for k in outcomes if not concept_exists("outcome", k))
    for kind in sorted(kinds):
        missing += sorted(
            {
                f"area/{area_key(a, kind)} (for {kind})"
                for a in rules["judgement_areas"]
                if a != "partial"  # the extraction's marker for "some areas", never a sub-judgement
                and not concept_exists("area", area_key(a, kind))
            }
        )
    assert not missing, missing


def test_short_labels_cut_at_a_word():
    assert short_label("That the Cabinet notes the outcome.") == "That the Cabinet notes the outcome."
    label = short_label("word " * 40)
    assert len(label) <= 80 and label.endswith("word…")


# ---------------------------------------------------------------------------------------------- people, posts, bodies

ORG_NS = Namespace("http://www.w3.org/ns/org#")
SURREY_IRI = iris.council("surrey")


def _org_paper(text: str, path: str, council: str, *, people=(), posts=(), organisations=(), date=None) -> Extraction:
    return Extraction(
        document(text, path),
        Genre.MINUTES,
        date,
        None,
        councils=(CouncilMention(council, council, True, None),),
        people=tuple(people),
        posts=tuple(posts),
        organisations=tuple(organisations),
    )


def test_a_post_is_in_a_body_only_when_the_text_ties_it_to_one():
    """Corpus-shaped: the Secretary of State, the Children's Commissioner and a lead inspector named in a council's
    paper are not the council's posts; a cabinet member and a director are; a post of a named body is that body's."""
    text = (
        "The Secretary of State for Education issued a statutory direction. The Children's Commissioner reported. "
        "Councillor Mary Lewis, Cabinet Member for Children, presented the report with the Director of Children's "
        "Services. Ofsted's lead inspector, Jane Smith HMI, summarised the findings."
    )
    x = _org_paper(
        text,
        "posts.txt",
        "surrey",
        people=(
            PersonRecord(
                "Mary Lewis",
                "Cabinet Member for Children",
                span(text, "Councillor Mary Lewis, Cabinet Member for Children"),
                "Councillor",
            ),
            PersonRecord(
                "Jane Smith",
                "lead inspector",
                span(text, "Ofsted's lead inspector, Jane Smith HMI"),
                organisation="Ofsted",
            ),
        ),
        posts=(
            PostRecord("Secretary of State for Education", span(text, "The Secretary of State for Education")),
            PostRecord("Children's Commissioner", span(text, "The Children's Commissioner")),
            PostRecord("Director of Children's Services", span(text, "the Director of Children's Services")),
        ),
        organisations=(NamedMention("ofsted", "Ofsted", "inspectorate", span(text, "Ofsted")),),
    )
    g = to_graph(x, BUILT_AT)
    post_in = {str(g.value(p, SKOS_PREF)): g.value(p, ORG_NS.postIn) for p in g.subjects(RDF.type, CG.Post)}
    assert post_in == {
        "Secretary of State for Education": None,
        "Children's Commissioner": None,
        "Cabinet Member for Children": SURREY_IRI,
        "Director of Children's Services": SURREY_IRI,
        "lead inspector": iris.organisation("ofsted"),
    }
    # a post in no body is one node for every document that names it
    assert iris.unplaced_post("the Secretary of State for Education") in set(g.subjects(RDF.type, CG.Post))


SKOS_PREF = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")


def test_holdings_are_memberships_each_document_attests_with_its_date(tmp_path):
    """Who held Surrey's post of Cabinet Member in 2019? Two papers attest Mary Lewis's membership, one in July 2019
    and one in 2021; the membership is one node and each document's graph dates its attestation."""
    from caregraph.store import Store

    store = Store(None)
    post_title = "Cabinet Member for Children, Young People and Families"
    for path, when in (("a.txt", D(2019, 7, 16)), ("b.txt", D(2021))):
        text = f"Mary Lewis, {post_title}, introduced the report."
        person = PersonRecord("Mary Lewis", post_title, span(text, f"Mary Lewis, {post_title}"))
        x = _org_paper(text, path, "surrey", people=(person,), date=when)
        store.add_graphs([(str(document_iri(x.document)), to_triples(x, BUILT_AT))])
    membership = iris.membership(iris.person("surrey", "Mary Lewis"), post_title)
    q = f"""SELECT DISTINCT ?name ?doc WHERE {{
        GRAPH ?doc {{ ?m a cg:Membership ; cg:post ?post ; org:member/foaf:name ?name .
                      ?doc cg:dateEarliest ?from ; cg:dateLatest ?to }}
        ?post skos:prefLabel "{post_title}" ; org:postIn <{SURREY_IRI}> .
        FILTER(?to >= "2019-01-01"^^xsd:date && ?from <= "2019-12-31"^^xsd:date) }}"""
    from caregraph.query import run_query

    rows = run_query(store, q, inline=True).values()
    assert [r["name"] for r in rows] == ["Mary Lewis"] and len(rows) == 1
    holders = {q.subject.value for q in store.quads(p=ox.NamedNode(str(ORG_NS.member)))}
    assert holders == {str(membership)}


def test_bodies_of_every_council_are_keyed_under_it_and_surnames_stay_mentions():
    """Corpus-shaped: Surrey's and Durham's corporate parenting boards are two bodies; "Councillor Kennedy" in two
    councils' papers is two mentions, while a full name joins the papers of one council."""
    graphs = []
    for council, path in (("surrey", "s.txt"), ("durham", "d.txt"), ("surrey", "s2.txt")):
        text = "The Corporate Parenting Board met. Councillor Kennedy asked a question. Clare Curran answered."
        x = _org_paper(
            text,
            path,
            council,
            people=(
                PersonRecord("Kennedy", None, span(text, "Councillor Kennedy"), "Councillor"),
                PersonRecord("Clare Curran", None, span(text, "Clare Curran")),
            ),
            organisations=(
                NamedMention(
                    "corporate-parenting-board",
                    "Corporate Parenting Board",
                    "board",
                    span(text, "The Corporate Parenting Board"),
                ),
                NamedMention("ofsted", "Ofsted", "inspectorate", span(text, "The")),
            ),
        )
        graphs.append(to_graph(x, BUILT_AT))
    boards = [set(g.subjects(ORG_NS.classification, iris.concept("org-category", "board"))) for g in graphs]
    assert boards[0] == boards[2] != boards[1]
    assert boards[0] == {URIRef(f"{SURREY_IRI}/org/corporate-parenting-board")}
    assert all(iris.organisation("ofsted") in set(g.subjects(RDF.type, CG.Organisation)) for g in graphs)  # national
    people = [{str(g.value(p, FOAF_NAME)): p for p in g.subjects(RDF.type, CG.Person)} for g in graphs]
    assert len({p["Kennedy"] for p in people}) == 3  # a mention of each document
    assert people[0]["Clare Curran"] == people[2]["Clare Curran"] == iris.person("surrey", "Clare Curran")


FOAF_NAME = URIRef("http://xmlns.com/foaf/0.1/name")


def test_meetings_and_inspections_of_an_unidentified_publisher_are_kept():
    text = "Cabinet 16 July 2019. Ofsted's focused visit took place on 16 and 17 April 2024."
    x = Extraction(
        document(text, "unknown.txt"),
        Genre.MINUTES,
        None,
        None,
        meetings=(MeetingRecord("Cabinet", D(2019, 7, 16), span(text, "Cabinet 16 July 2019.")),),
        inspections=(fv_mention(text, "Ofsted's focused visit took place on 16 and 17 April 2024.", D(2024, 4, 16)),),
    )
    g = to_graph(x, BUILT_AT)
    doc = document_iri(x.document)
    publisher = URIRef(f"{doc}/publisher")
    assert g.value(doc, DCTERMS.publisher) == publisher
    assert (publisher, RDF.type, CG.Council) in g
    meeting = next(g.subjects(RDF.type, CG.Meeting))
    visit = next(g.subjects(RDF.type, CG.Inspection))
    assert str(meeting).startswith(f"{publisher}/body/cabinet/meeting/2019-07-16")
    assert g.value(visit, CG.council) == publisher and str(visit).startswith(str(publisher))
    assert str(g.value(visit, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == (
        "focused visit, unidentified publisher, 2024-04"
    )
