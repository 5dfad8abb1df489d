"""IRIs from natural keys: stable across documents and runs, one public namespace (private documents in a local
one), no accidental collisions."""

from __future__ import annotations

import ast
import hashlib
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, Namespace, URIRef

from caregraph import iris, namespaces
from caregraph.ntriples import term_key
from caregraph.records import PartialDate as D

BASE = "https://w3id.org/caregraph/id/"
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SLUG = re.compile(r"^[^\W_]+(-[^\W_]+)*$")  # word characters of any script, hyphen-joined


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


def test_the_public_namespace_is_not_configurable(monkeypatch):
    """Councils, inspections, people and organisations are in the public namespace in every build: the gazetteer and
    Ofsted's record are, so a build in another base would join nothing (issue 18: 0 council names instead of 13)."""
    for name in ("CAREGRAPH_BASE", "CAREGRAPH_LOCAL_BASE"):
        monkeypatch.setenv(name, "http://example.org/kg")
    assert iris.council("surrey") == URIRef(BASE + "council/surrey")
    assert iris.organisation("ofsted") == URIRef(BASE + "org/ofsted")
    assert iris.inspection("surrey", "sif", D(2018)) == URIRef(BASE + "council/surrey/inspection/sif/2018")
    assert iris.document_iri("https://example.org/a").startswith(BASE + "doc/")


def test_private_documents_are_minted_in_a_local_namespace(monkeypatch):
    monkeypatch.delenv("CAREGRAPH_LOCAL_BASE", raising=False)
    digest = hashlib.sha1(b"papers/minutes.pdf").hexdigest()[:16]
    private = iris.document_iri("papers/minutes.pdf")
    assert private == f"urn:caregraph:local/doc/{digest}"
    assert iris.document_iri("https://democracy.example.gov.uk/mgAi.aspx?ID=1").startswith(BASE + "doc/")
    # only http(s) is public: a file: URL, an intranet path or a Windows path is private
    for key in ("file:///srv/papers/a.pdf", "//server/share/a.pdf", r"C:\papers\a.pdf", "http:/a"):
        assert iris.document_iri(key).startswith("urn:caregraph:local/doc/"), key
    # what is keyed under a private document follows it
    assert str(iris.evidence(private, 1, 5)).startswith("urn:caregraph:local/doc/")
    assert str(iris.person_mention(private, "Councillor Kennedy")).startswith(private)
    assert iris.unidentified_publisher(private).startswith(private)
    assert all(p.endswith("/doc/") for p in iris.document_prefix())
    assert private.startswith(iris.document_prefix()) and not private.startswith(BASE)
    # a deployment may give its own namespace (a "/" is added), never the public one
    monkeypatch.setenv("CAREGRAPH_LOCAL_BASE", "https://data.example.org/caregraph")
    assert iris.document_iri("papers/minutes.pdf") == f"https://data.example.org/caregraph/doc/{digest}"
    for bad in ("not an iri", BASE + "private/", "https://x.org/<a>"):
        monkeypatch.setenv("CAREGRAPH_LOCAL_BASE", bad)
        with pytest.raises(iris.LocalBaseError, match="CAREGRAPH_LOCAL_BASE"):
            iris.document_iri("papers/minutes.pdf")


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
    assert term_key(URIRef("http://x/a")) == "<http://x/a>"
    assert term_key(Literal('say "hi"\n')) == '"say \\"hi\\"\\n"^^<http://www.w3.org/2001/XMLSchema#string>'
    assert term_key(Literal("x", lang="EN")) == '"x"@en'
    assert term_key(Literal(True)) == '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'


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
    assert iris.practice_model("Signs of Safety") == URIRef(
        "https://w3id.org/caregraph/vocab/practice-model/signs-of-safety"
    )
    assert iris.concept("kind", "focused-visit") == URIRef("https://w3id.org/caregraph/vocab/kind/focused-visit")
    assert iris.graph("councils") == URIRef("https://w3id.org/caregraph/graph/councils")


def test_doctests_in_the_module_run():
    import doctest

    result = doctest.testmod(iris)
    assert result.attempted >= 2 and result.failed == 0


def test_one_document_key_names_a_document_in_the_build_and_the_mapping():
    from caregraph.pipeline.build import source_key
    from caregraph.pipeline.load import Source
    from caregraph.pipeline.mapping import document_iri
    from caregraph.records import SourceDocument

    assert iris.document_key("https://example.org/a", "data/a.txt") == "https://example.org/a"
    assert iris.document_key(None, "data/a.txt") == "data/a.txt"
    for url in ("https://example.org/a", None):
        source = Source(Path("data/a.txt"), "data/a.txt", url)
        document = SourceDocument("data/a.txt", "text", "0" * 64, "txt", 4, url=url)
        assert str(document_iri(document)) == iris.document_iri(source_key(source))
        assert iris.document_iri(source_key(source)).startswith(iris.document_prefix())


def test_the_string_iris_are_the_minted_iris():
    assert iris.council_iri("surrey") == str(iris.council("surrey"))
    assert iris.document_iri("x") == str(iris.document("x"))
    assert iris.graph_iri("ofsted") == str(iris.graph("ofsted"))
    assert iris.concept_iri("kind", "sif") == str(iris.concept("kind", "sif"))
    assert isinstance(iris.council("surrey"), URIRef) and type(iris.council_iri("surrey")) is str


def test_importing_iris_and_using_its_strings_loads_no_rdflib():
    code = (
        "import sys; from caregraph import iris; import caregraph.store; "
        "iris.council_iri('surrey'); iris.document_iri('x'); iris.graph_iri('councils'); "
        "print('rdflib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def _string_literals(tree: ast.AST) -> Iterator[ast.Constant]:
    """The string constants of a module that are not docstrings (doctest outputs may show IRIs)."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


def test_caregraph_namespaces_are_written_in_one_place():
    src = Path(iris.__file__).parent
    found = [
        f"{path.relative_to(src)}:{node.lineno}"
        for path in sorted(src.rglob("*.py"))
        if path.name != "namespaces.py"
        for node in _string_literals(ast.parse(path.read_text(encoding="utf-8")))
        if namespaces.W3ID in node.value
    ]
    assert found == []
    assert all(
        ns.startswith(namespaces.W3ID) for ns in (namespaces.CG, namespaces.CGV, namespaces.CGD, namespaces.GRAPHS)
    )


def test_slugs_fold_accents_and_keep_other_scripts_apart():
    assert iris.slug("Siobhán Ó Dálaigh") == "siobhan-o-dalaigh"
    assert iris.slug("José Núñez-García") == "jose-nunez-garcia"
    assert iris.slug("Νίκος Παπαδόπουλος") != iris.slug("Иван Петров")
    assert iris.slug("Иван Петров") == "иван-петров"
    assert iris.slug("...") == "unnamed"


def test_a_bad_local_base_is_one_line_and_exit_2(tmp_path):
    import os

    env = {**os.environ, "CAREGRAPH_LOCAL_BASE": "https://w3id.org/caregraph/id/mine/"}
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "a.txt").write_text("Surrey County Council's Cabinet noted the report.", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from caregraph.cli.app import main; main()",
            "build",
            str(papers),
            "--store",
            str(tmp_path / "store"),
            "-q",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "CAREGRAPH_LOCAL_BASE" in lines[0] and "public namespace" in lines[0]
    assert "internal error" not in lines[0]
