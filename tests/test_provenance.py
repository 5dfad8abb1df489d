"""caregraph.interop.provenance: the stored RDF 1.2 provenance (a span reifies each fact) rewritten for other stores.

The RDF 1.1 form is exactly the classic reification caregraph wrote before (statement IRIs included); rdflib and
Raptor parse every RDF 1.1 export; repeated exports are byte-identical in every form; the RDF 1.2 form reads back
into Oxigraph as the store holds it; ``none`` keeps the facts only; a push to a real ``oxigraph serve`` gives the
server as many quads as were sent, in every form."""

from __future__ import annotations

import io
import shutil
import subprocess

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Literal, URIRef

from caregraph import iris
from caregraph.interop.export import FORMATS, ExportError, export, select_graphs
from caregraph.interop.ofsted import import_outcomes
from caregraph.interop.provenance import REIFIES, ProvenanceView, convert, statement_iri
from caregraph.interop.push import push
from caregraph.namespaces import CG, OA, RDF
from caregraph.store import open_store
from tests.test_mapping import CASES, sorted_by_subject, stored
from tests.test_ofsted import CSVS
from tests.test_push import _server_quads, server  # noqa: F401 (the oxigraph serve fixture)

RAPPER = shutil.which("rapper")
STATEMENT = ox.NamedNode(RDF + "Statement")


@pytest.fixture(scope="module")
def store_path(built_store, tmp_path_factory):
    """data/ built, plus the Ofsted fixture imported (documents' spans and the official graph's rows)."""
    path = tmp_path_factory.mktemp("provenance") / "store"
    shutil.copytree(built_store, path)
    with open_store(path) as st:
        import_outcomes(st, CSVS)
    return path


@pytest.fixture(scope="module")
def store(store_path):
    with open_store(store_path, read_only=True) as st:
        yield st


def graph_quads(x) -> list[ox.Quad]:
    doc = ox.NamedNode(str(iris.document(iris.document_key(x.document.url, x.document.path))))
    return [ox.Quad(t.subject, t.predicate, t.object, doc) for t in sorted_by_subject(stored(x))]


# ---------------------------------------------------------------------------------------------- the rewriting


@pytest.mark.parametrize(
    "term",
    [
        Literal("plain"),
        Literal('quote " and \\ and\nnewline\r'),
        Literal("Surrey", lang="en-GB"),
        Literal("2024-04", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth")),
        Literal(3),
        Literal(True),
        URIRef("https://w3id.org/caregraph/id/council/surrey"),
    ],
    ids=["plain", "escapes", "language", "gYearMonth", "integer", "boolean", "iri"],
)
def test_statement_iris_are_the_ones_the_mapping_always_minted(term):
    from caregraph.store import to_ox

    doc, s, p = "https://w3id.org/caregraph/id/doc/0123456789abcdef", URIRef("http://e/s"), URIRef("http://e/p")
    expected = iris.statement(doc, s, p, term)
    assert statement_iri(doc, ox.Triple(to_ox(s), to_ox(p), to_ox(term))).value == str(expected)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_three_forms_of_one_document(name):
    quads = graph_quads(CASES[name]())
    assert list(convert(quads, "rdf12")) == quads
    rdf11 = list(convert(quads, "rdf11"))
    assert len(rdf11) == len(set(rdf11)), "a quad written twice"
    assert not any(isinstance(q.object, ox.Triple) for q in rdf11)
    statements = {q.subject for q in rdf11 if q.object == STATEMENT}
    reified = {q.object for q in quads if q.predicate == REIFIES}
    assert len(statements) == len(reified)  # one statement per fact, however many spans state it
    none = list(convert(quads, "none"))
    reifiers = {q.subject for q in quads if q.predicate == REIFIES}
    doc = quads[0].graph_name
    assert {q for q in quads if q.subject not in reifiers or (q.subject == doc and q.predicate != REIFIES)} == set(none)
    assert not any(q.predicate.value.startswith(OA) for q in none)


def test_a_fact_two_spans_state_is_one_statement_with_two_evidence():
    g, s, p, o = (ox.NamedNode(f"http://e/{n}") for n in ("doc", "s", "p", "o"))
    spans = [ox.NamedNode(f"http://e/doc/evidence/{n}") for n in ("0-5", "9-20")]
    quads = [ox.Quad(s, p, o, g)] + [ox.Quad(span, REIFIES, ox.Triple(s, p, o), g) for span in spans]
    out = list(convert(quads, "rdf11"))
    st = statement_iri(g.value, ox.Triple(s, p, o))
    assert sorted(q.object.value for q in out if q.subject == st and q.predicate.value == CG + "evidence") == [
        span.value for span in spans
    ]
    assert sum(1 for q in out if q.object == STATEMENT) == 1
    assert {(q.subject, q.predicate.value) for q in out if q.subject in spans} == {
        (span, p) for span in spans for p in (RDF + "type", OA + "hasSource")
    }


def test_the_rdf11_form_of_the_store_is_classic_reification_of_every_fact(store):
    view = ProvenanceView(store, "rdf11")
    for g in select_graphs(store):
        quads = list(view.quads(graph=g))
        asserted = {(q.subject, q.predicate, q.object) for q in quads}
        subjects = {q.subject: q for q in quads if q.predicate.value == RDF + "subject"}
        for st in subjects:
            spo = tuple(
                next(q.object for q in quads if q.subject == st and q.predicate.value == RDF + x)
                for x in ("subject", "predicate", "object")
            )
            assert spo in asserted, (g, st)
            assert ox.Quad(st, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), g, g) in quads


# ---------------------------------------------------------------------------------------------- exports


def _export(store, fmt: str, mode: str | None) -> bytes:
    out = io.BytesIO()
    export(store, out, fmt, provenance=mode)
    return out.getvalue()


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_rdflib_parses_every_rdf11_export_and_repeats_are_byte_identical(store, fmt):
    data = _export(store, fmt, "rdf11")
    assert data == _export(store, fmt, None) == _export(store, fmt, "rdf11")  # rdf11 is the default
    f = FORMATS[fmt]
    parsed = rdflib.Dataset() if f.datasets else rdflib.Graph()
    parsed.parse(data=data, format=f.rdflib)
    triples = list(parsed.quads()) if f.datasets else list(parsed)
    assert any(p == rdflib.RDF.subject for _, p, *_ in triples)
    assert not any(str(p) == RDF + "reifies" for _, p, *_ in triples)


@pytest.mark.skipif(RAPPER is None, reason="Raptor's rapper is not installed (.ci/system-deps installs it)")
@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "xml", "nquads", "trig"])
@pytest.mark.parametrize("mode", ["rdf11", "none"])
def test_raptor_parses_every_rdf11_export(store, tmp_path, fmt, mode):
    path = tmp_path / f"export.{FORMATS[fmt].extension}"
    path.write_bytes(_export(store, fmt, mode))
    done = subprocess.run(
        [RAPPER, "-q", "-i", FORMATS[fmt].rapper, "-c", str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "ntriples", "xml"])
def test_the_rdf12_export_reads_back_as_stored(store, fmt):
    data = _export(store, fmt, "rdf12")
    assert data == _export(store, fmt, "rdf12")
    parsed = {q for q in ox.parse(data, format=FORMATS[fmt].ox_format)}
    chosen = select_graphs(store)
    if FORMATS[fmt].datasets:
        assert parsed == {q for g in chosen for q in store.quads(graph=g)}
    else:
        assert {q.triple for q in parsed} == {q.triple for g in chosen for q in store.quads(graph=g)}
    assert any(isinstance(q.object, ox.Triple) for q in parsed)


def test_json_ld_cannot_carry_triple_terms(store):
    with pytest.raises(ExportError, match=r"cannot carry RDF 1\.2 triple terms"):
        _export(store, "jsonld", "rdf12")
    with pytest.raises(ExportError, match="unknown provenance form"):
        _export(store, "nquads", "rdf-star")


def test_none_keeps_the_facts_and_drops_their_provenance(store):
    parsed = list(ox.parse(_export(store, "nquads", "none"), format=ox.RdfFormat.N_QUADS))
    predicates = {q.predicate.value for q in parsed}
    assert not predicates & {RDF + "reifies", RDF + "subject", OA + "exact", CG + "sourceRow", CG + "evidence"}
    facts = {q for q in parsed if q.predicate.value == CG + "startDate"}
    assert facts == {q for g in select_graphs(store) for q in store.quads(p=ox.NamedNode(CG + "startDate"), graph=g)}


# ---------------------------------------------------------------------------------------------- push


@pytest.mark.server
@pytest.mark.parametrize("mode", ["rdf11", "none"])
def test_push_to_oxigraph_serve_keeps_equal_counts(server, store_path, mode):  # noqa: F811
    with open_store(store_path, read_only=True) as st:
        summary = push(st, server + "/store", provenance=mode)
        view = ProvenanceView(st, mode)
        expected = sum(1 for g in select_graphs(st, with_ontology=True) for _ in view.quads(graph=g))
    assert summary.triples == expected == _server_quads(server)
    if mode == "rdf11":
        from caregraph.query.remote import query_endpoint

        ask = (
            """ASK { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; cg:evidence/oa:exact ?quote . ?s ?p ?o }"""
        )
        assert query_endpoint(server + "/query", ask, auth_env=None).boolean
