"""IRIs from natural keys: stable across documents and runs, configurable base, no accidental collisions."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, Namespace, URIRef

from caregraph import iris
from caregraph.records import PartialDate as D

BASE = "https://w3id.org/caregraph/id/"
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def test_slugs_fold_case_accents_apostrophes_and_ampersands():
    assert iris.slug("Children's Services & Learning") == "childrens-services-and-learning"
    assert iris.slug("  Corporate   Parenting Board ") == "corporate-parenting-board"
    assert iris.slug("Café Committee") == "cafe-committee"
    assert iris.slug("!!!") == "unnamed"


@given(st.text())
def test_any_text_slugs_to_a_safe_path_segment(text):
    assert SLUG.match(iris.slug(text))


def test_people_key_without_honorifics():
    assert iris.person_key("Councillor Clare Curran") == "clare-curran"
    assert iris.person_key("Cllr. Dr Jane Smith") == "jane-smith"
    assert iris.person_key("County Councillor Mark Nuti") == "mark-nuti"
    assert (
        iris.person("surrey", "Cllr Clare Curran")
        == iris.person("surrey", "Clare Curran")
        == URIRef(BASE + "council/surrey/person/clare-curran")
    )
    # the same name at two councils is two people; with no council known, a separate scope
    assert iris.person("durham", "Clare Curran") != iris.person("surrey", "Clare Curran")
    assert iris.person(None, "Clare Curran") == URIRef(BASE + "unplaced/person/clare-curran")


def test_bodies_meetings_items_and_posts():
    assert iris.body("surrey", "Children, Families, Lifelong Learning & Culture Select Committee") == URIRef(
        BASE + "council/surrey/body/children-families-lifelong-learning-and-culture-select-committee"
    )
    meeting = iris.meeting("surrey", "Cabinet", D(2019, 7, 16))
    assert meeting == URIRef(BASE + "council/surrey/body/cabinet/meeting/2019-07-16")
    assert iris.agenda_item(meeting, "126", "Ofsted") == URIRef(f"{meeting}/item/126")
    assert iris.agenda_item(meeting, None, "Ofsted Inspection Outcome") == URIRef(
        f"{meeting}/item/ofsted-inspection-outcome"
    )
    council = iris.council("surrey")
    assert iris.post(council, "The Cabinet Member for Children") == iris.post(council, "Cabinet Member for Children")


def test_inspections_key_by_council_kind_family_and_start_month():
    fv = URIRef(BASE + "council/surrey/inspection/focused-visit/2024-04")
    assert iris.inspection("surrey", "focused-visit", D(2024, 4, 16)) == fv
    assert iris.inspection("surrey", "focused-visit", D(2024, 4)) == fv
    assert iris.inspection("surrey", "focused-visit", D(2024, 4, 16), published=D(2024, 5, 20)) == fv
    assert (
        iris.inspection("surrey", "ilacs-standard", D(2019, 10, 7))
        == iris.inspection("surrey", "ilacs", D(2019, 10))
        == URIRef(BASE + "council/surrey/inspection/ilacs/2019-10")
    )
    assert iris.inspection("surrey", "sif", D(2018)) == URIRef(BASE + "council/surrey/inspection/sif/2018")
    assert iris.inspection("surrey", "sif", None, D(2018, 5, 16)) == URIRef(
        BASE + "council/surrey/inspection/sif/p2018-05"
    )
    # different kinds in the same month are different events
    assert iris.inspection("surrey", "monitoring-visit", D(2024, 4, 2)) != fv
    assert iris.kind_family("ilacs-short") == "ilacs" and iris.kind_family("sif-reinspection") == "sif-reinspection"


def test_the_base_is_configurable(monkeypatch):
    monkeypatch.setenv("CAREGRAPH_BASE", "http://example.org/kg")
    assert iris.council("surrey") == URIRef("http://example.org/kg/council/surrey")
    monkeypatch.setenv("CAREGRAPH_BASE", "http://example.org/kg#")
    assert iris.council("surrey") == URIRef("http://example.org/kg#council/surrey")
    monkeypatch.delenv("CAREGRAPH_BASE")
    assert iris.council("surrey") == URIRef(BASE + "council/surrey")


def test_documents_evidence_and_statements():
    doc = iris.document("https://mycouncil.surreycc.gov.uk/ieIssueDetails.aspx?IId=42340&Opt=3")
    assert doc == URIRef(BASE + "doc/fe338af98cd84356")  # the seed document's IRI: it must never change
    assert iris.evidence(doc, 10, 42) == URIRef(f"{doc}/evidence/10-42")
    s, p = iris.council("surrey"), URIRef("https://w3id.org/caregraph/ontology#gssCode")
    st_iri = iris.statement(doc, s, p, Literal("E10000030"))
    assert st_iri == URIRef(
        f"{doc}/statement/defa016da8a69545"
    )  # pinned: statement IRIs are stable across runs and rdflib versions
    # a plain literal is an xsd:string (RDF 1.1); a typed or tagged one is another term
    assert iris.statement(doc, s, p, Literal("E10000030", datatype=XSD.string)) == st_iri
    assert iris.statement(doc, s, p, Literal("E10000030", lang="en")) != st_iri
    assert iris.statement(doc, s, p, Literal("2024", datatype=XSD.gYear)) != iris.statement(doc, s, p, Literal("2024"))


def test_term_keys_are_n_triples():
    assert iris.term_key(URIRef("http://x/a")) == "<http://x/a>"
    assert iris.term_key(Literal('say "hi"\n')) == '"say \\"hi\\"\\n"^^<http://www.w3.org/2001/XMLSchema#string>'
    assert iris.term_key(Literal("x", lang="EN")) == '"x"@en'
    assert iris.term_key(Literal(True)) == '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'


def test_decisions_and_follow_ups():
    meeting = iris.meeting("surrey", "Cabinet", D(2019, 7, 16))
    assert iris.decision(meeting, "2", "anything") == URIRef(f"{meeting}/decision/2")
    by_text = iris.decision(meeting, None, "That the report be NOTED.")
    assert by_text == iris.decision(meeting, None, "that the report be noted")  # case, punctuation and spacing fold
    assert re.search(r"/decision/t-[0-9a-f]{12}$", by_text)
    decision = URIRef(f"{meeting}/decision/2")
    assert iris.follow_up(decision, D(2020, 3)) == URIRef(f"{decision}/follow-up/2020-03")
    a, b = iris.follow_up(decision, D(2020, 3), "A report"), iris.follow_up(decision, D(2020, 3), "A plan")
    assert a != b and a.startswith(f"{decision}/follow-up/2020-03-")


def test_organisations_practice_models_concepts_and_graphs():
    assert iris.organisation("safeguarding-partnership/Surrey Safeguarding Children Board") == URIRef(
        BASE + "org/safeguarding-partnership/surrey-safeguarding-children-board"
    )
    assert iris.practice_model("Signs of Safety") == URIRef(BASE + "practice-model/signs-of-safety")
    assert iris.concept("kind", "focused-visit") == URIRef("https://w3id.org/caregraph/vocab/kind/focused-visit")
    assert iris.graph("councils") == URIRef("https://w3id.org/caregraph/graph/councils")


def test_doctests_in_the_module_run():
    import doctest

    result = doctest.testmod(iris)
    assert result.attempted >= 2 and result.failed == 0
