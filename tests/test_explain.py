"""`caregraph explain THING`: every fact about a thing, each with the quote and the document it came from."""

from __future__ import annotations

import doctest
import json

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from caregraph.cli import app
from caregraph.errors import QueryError
from caregraph.explore import explain as ex
from caregraph.store import open_store

from .conftest import DATA

runner = CliRunner()
DAVE = "https://w3id.org/caregraph/id/council/surrey/person/dave-hill"
SURREY = "https://w3id.org/caregraph/id/council/surrey"
FOCUSED = SURREY + "/inspection/focused-visit/2024-04"


@pytest.fixture(scope="module")
def store(built_store):
    with open_store(built_store, read_only=True) as st:
        yield st


def test_doctests_in_the_module_run():
    result = doctest.testmod(ex)
    assert result.attempted >= 2 and result.failed == 0


@pytest.mark.parametrize(
    "thing", ["Dave Hill", "dave hill", "  DAVE HILL ", "cgd:council/surrey/person/dave-hill", f"<{DAVE}>", DAVE]
)
def test_a_label_a_prefixed_name_and_an_iri_name_the_same_thing(store, thing):
    assert ex.find(store, thing) == [DAVE]


def test_every_fact_about_a_person_has_its_quote_and_document(store):
    [e] = ex.explain(store, "Dave Hill")
    assert e.iri == DAVE and e.labels[0] == "Dave Hill" and e.types == ("https://w3id.org/caregraph/ontology#Person",)
    facts = {(f.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1], f.object.value) for f in e.facts}
    assert ("name", "Dave Hill") in facts
    assert ("holds", SURREY + "/post/executive-director-of-children-families-and-learning") in facts
    for f in e.facts:
        assert f.document and f.file.endswith("004_5de58e62faaac796.txt")
        assert f.quote and "Dave Hill, Executive Director of Children, Families and Learning" in f.quote
    assert (
        e.label_of(SURREY + "/post/executive-director-of-children-families-and-learning")
        == "Executive Director of Children, Families and Learning"
    )


def test_quotes_are_the_documents_own_text_at_their_offsets(store):
    checked = 0
    for thing in ("Dave Hill", "cgd:council/surrey", FOCUSED):
        for e in ex.explain(store, thing):
            for f in e.facts:
                if f.quote is None:
                    continue
                text = (DATA / f.file.rsplit("/", 1)[-1]).read_text(encoding="utf-8")
                assert text[f.start : f.end] == f.quote, (thing, f)
                checked += 1
    assert checked >= 20


def test_a_council_has_document_facts_reference_facts_and_incoming_facts(store):
    [e] = ex.explain(store, "Surrey")
    assert e.iri == SURREY and e.labels[0] == "Surrey"
    reference = [f for f in e.facts if f.document is None]
    assert any(f.predicate.value.endswith("gssCode") and f.object.value == "E10000030" for f in reference)
    assert all(f.quote is None and f.graph == "https://w3id.org/caregraph/graph/councils" for f in reference)
    incoming = [f for f in e.facts if f.direction == "in"]
    assert any(f.subject.value == FOCUSED and f.predicate.value.endswith("#council") and f.quote for f in incoming)
    # Provenance plumbing is not listed as facts.
    hidden = {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#object",
        "https://w3id.org/caregraph/ontology#mentions",
    }
    assert not any(f.predicate.value in hidden for f in incoming)


def test_unknown_things_are_explained(store):
    with pytest.raises(QueryError, match=r"nothing in the store is called 'dave'; did you mean 'Dave Hill'\?"):
        ex.explain(store, "dave")
    with pytest.raises(QueryError, match=r"nothing in the store is called 'Zebedee' \(give an IRI"):
        ex.explain(store, "Zebedee")
    with pytest.raises(QueryError, match=r"the store holds no facts about <https://w3id.org/caregraph/id/nothing>"):
        ex.explain(store, "cgd:nothing")


def test_hostile_label_is_a_term_not_syntax(store):
    with pytest.raises(QueryError, match="nothing in the store is called"):
        ex.explain(store, '" } } ; DROP ALL ; SELECT * { ?s ?p "')


def test_rows_for_the_results_formats(store):
    result = ex.as_result(ex.explain(store, FOCUSED))
    assert result.variables == ex.COLUMNS
    starts = [r for r in result.values() if r["predicate"].endswith("#startDate")]
    assert [(r["object"], r["file"].rsplit("/", 1)[-1]) for r in starts] == [("2024-04-16", "003_0938c2f4e45d6980.txt")]
    assert "16 and 17 April 2024" in starts[0]["quote"]


def test_cli_text_and_formats(built_store):
    result = runner.invoke(app, ["explain", "Dave Hill", "--store", str(built_store)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "cgd:council/surrey/person/dave-hill — Dave Hill (cg:Person)"
    assert lines[1].startswith("  ") and "004_5de58e62faaac796.txt @" in lines[1]
    assert "“Dave Hill, Executive Director of Children, Families and Learning”" in result.stdout
    assert any(line.split(None, 1) == ["foaf:name", '"Dave Hill"'] for line in lines)
    assert lines[-1].endswith("; 1 document")
    data = json.loads(
        runner.invoke(
            app, ["explain", "cgd:council/surrey/person/dave-hill", "--format", "json", "--store", str(built_store)]
        ).stdout
    )
    assert data["head"]["vars"] == ex.COLUMNS and len(data["results"]["bindings"]) >= 5
    xml = runner.invoke(app, ["explain", "Dave Hill", "--format", "xml", "--store", str(built_store)])
    assert len(list(ox.parse_query_results(xml.stdout, format=ox.QueryResultsFormat.XML))) == len(
        data["results"]["bindings"]
    )
    bad = runner.invoke(app, ["explain", "dave", "--store", str(built_store)])
    assert (
        bad.exit_code == 2 and "Error: nothing in the store is called 'dave'; did you mean 'Dave Hill'?" in bad.output
    )
    assert runner.invoke(app, ["explain", "Dave Hill", "--format", "yaml", "--store", str(built_store)]).exit_code == 2
