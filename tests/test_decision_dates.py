"""Every decision is dated (issue 15, §2): by its meeting, by the page's "Date of decision", else by its document's
date (the page's own or the manifest's ``published``), and the mapping says which in ``cg:dateBasis``; a decision
nothing dates is listed as undated with the reason by the ``decisions`` and ``decisions-after-judgement`` queries.

The pages are made up in the style of ModernGov minutes and decision pages."""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from caregraph.pipeline.build import build
from caregraph.pipeline.mapping import to_triples
from caregraph.query import run_query
from caregraph.records import PartialDate as D
from caregraph.store import open_store
from caregraph.vocab import CG

from .conftest import extract_text as run

RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SURREY = "https://w3id.org/caregraph/id/council/surrey"

MINUTES = (
    "Agenda and minutes\nCabinet - Tuesday, 16th July, 2019 2.00 pm\nVenue: Council Chamber, County Hall\n\n"
    "126. OFSTED INSPECTION OUTCOME\nRESOLVED:\n1. That the Cabinet notes the outcome of the Ofsted inspection.\n"
    "2. That the improvement plan be endorsed.\n"
)
DECISION_PAGE = (
    "Decision details\nPlacement Sufficiency Strategy 2024-2027\n"
    "Decision Maker: Cabinet Member for Children's Services\nDate of decision: 12 March 2024\nDecision:\n"
    "The Cabinet Member approved the Placement Sufficiency Strategy 2024-2027 and its action plan.\n"
    "Reasons for the decision:\nThe council must secure sufficient accommodation for children in care.\n"
)
UNDATED_PAGE = (
    "Surrey County Council\nChildren's services improvement\nRESOLVED:\n"
    "1. That the Children's Improvement Plan be approved.\n2. That progress is reported to the Select Committee.\n"
)


def decision_dates(x) -> dict[str, tuple[str | None, str | None, str | None, str | None]]:
    """Each decision's text → (cg:date, cg:dateBasis, earliest, latest) in the document's graph."""
    triples = to_triples(x)
    decisions = {s for s, p, o in triples if p == RDF_TYPE and o == CG.Decision}

    def one(s, p) -> str | None:
        values = [str(o) for s2, p2, o in triples if s2 == s and p2 == p]
        assert len(values) <= 1, (s, p, values)
        return values[0] if values else None

    return {
        one(d, CG.text): (one(d, CG.date), one(d, CG.dateBasis), one(d, CG.dateEarliest), one(d, CG.dateLatest))
        for d in decisions
    }


# ------------------------------------------------------------------------------------------------ the mapping


def test_a_minutes_decision_is_dated_by_its_meeting():
    dates = decision_dates(run(MINUTES))
    assert dates == {
        "That the Cabinet notes the outcome of the Ofsted inspection.": (
            "2019-07-16",
            "meeting",
            "2019-07-16",
            "2019-07-16",
        ),
        "That the improvement plan be endorsed.": ("2019-07-16", "meeting", "2019-07-16", "2019-07-16"),
    }


def test_a_decision_page_is_dated_by_its_date_of_decision():
    dates = decision_dates(run(DECISION_PAGE))
    assert list(dates.values()) == [("2024-03-12", "decision", "2024-03-12", "2024-03-12")]


def test_a_page_dated_only_by_the_manifest_dates_its_decisions_at_that_precision():
    dates = decision_dates(run(UNDATED_PAGE, published=D(2021, 3)))
    assert set(dates.values()) == {("2021-03", "document", "2021-03-01", "2021-03-31")}
    assert len(dates) == 2


def test_the_source_documents_published_date_stands_in_when_the_page_has_none():
    x = run(UNDATED_PAGE, published=D(2021, 3, 4))
    x = dataclasses.replace(x, date=None)  # only the SourceDocument knows the date
    assert set(decision_dates(x).values()) == {("2021-03-04", "document", "2021-03-04", "2021-03-04")}


def test_a_decision_nothing_dates_says_so():
    dates = decision_dates(run(UNDATED_PAGE))
    assert set(dates.values()) == {(None, "none", None, None)}


def test_the_basis_has_its_provenance():
    triples = to_triples(run(MINUTES))
    basis = [(s, p, o) for s, p, o in triples if p == CG.dateBasis]
    assert basis and all(o == Literal("meeting") for _, _, o in basis)
    reified = {str(o) for _, p, o in triples if str(p).endswith("#reifies")}
    assert all(any(str(s) in r and "dateBasis" in r for r in reified) for s, _, _ in basis)


# ------------------------------------------------------------------------------------------------ the queries


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Surrey's minutes (2019), a decision page (2024), a page dated by the manifest only (2021-03-04) and one page
    nothing dates; and an inadequate judgement published on 16 May 2018."""
    folder = tmp_path_factory.mktemp("pages")
    pages = {"minutes.txt": MINUTES, "decision.txt": DECISION_PAGE, "dated.txt": UNDATED_PAGE}
    pages["undated.txt"] = (
        "Surrey County Council\nFostering review\nRESOLVED:\n1. That the fostering review be noted.\n"
    )
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    base = "https://mycouncil.surreycc.gov.uk/ieDecisionDetails.aspx?ID="
    (folder / "manifest.csv").write_text(
        "file,url,council,published\n"
        f"minutes.txt,{base}1,Surrey,\ndecision.txt,{base}2,Surrey,\n"
        f"dated.txt,{base}3,Surrey,2021-03-04\nundated.txt,{base}4,Surrey,\n",
        encoding="utf-8",
    )
    path = tmp_path_factory.mktemp("store") / "store"
    with open_store(path) as st:
        summary = build(st, [folder], manifest=folder / "manifest.csv")
        assert not summary.failures, summary.failures
        judgement = f"""
        @prefix cg: <https://w3id.org/caregraph/ontology#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://w3id.org/caregraph/graph/ofsted> {{
          <{SURREY}/inspection/sif/2018-03> a cg:Inspection ; cg:council <{SURREY}> ;
              cg:kind <https://w3id.org/caregraph/vocab/kind/sif> ;
              cg:startDate "2018-03"^^xsd:gYearMonth ; cg:publicationDate "2018-05-16"^^xsd:date ;
              cg:judgement <https://w3id.org/caregraph/vocab/judgement/inadequate> .
        }}
        """
        st.ox.extend(list(ox.parse(judgement, format=ox.RdfFormat.TRIG)))
    with open_store(path, read_only=True) as st:
        yield st


def by_text(rows: list[dict[str, str | None]]) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {r["text"] or "": (r.get("date") or r.get("decidedOn"), r["dateBasis"], r["undated"]) for r in rows}


def test_decisions_lists_every_decision_with_its_date_and_basis(store):
    found = by_text(run_query(store, "decisions", {"council": "Surrey"}).values())
    reason = "no meeting, date of decision or document date"
    assert found == {
        "That the Cabinet notes the outcome of the Ofsted inspection.": ("2019-07-16", "meeting", None),
        "That the improvement plan be endorsed.": ("2019-07-16", "meeting", None),
        "The Cabinet Member approved the Placement Sufficiency Strategy 2024-2027 and its action plan.": (
            "2024-03-12",
            "decision",
            None,
        ),
        "That the Children's Improvement Plan be approved.": ("2021-03-04", "document", None),
        "That progress is reported to the Select Committee.": ("2021-03-04", "document", None),
        "That the fostering review be noted.": (None, "none", reason),
    }


def test_decisions_after_judgement_uses_every_date_and_lists_the_undated(store):
    rows = run_query(store, "decisions-after-judgement", {"council": "Surrey"}).values()
    dated = [(r["decidedOn"], r["dateBasis"]) for r in rows if r["decidedOn"]]
    assert dated == [
        ("2019-07-16", "meeting"),
        ("2019-07-16", "meeting"),
        ("2021-03-04", "document"),
        ("2021-03-04", "document"),
        ("2024-03-12", "decision"),
    ]
    undated = [r for r in rows if not r["decidedOn"]]
    assert [r["text"] for r in undated] == ["That the fostering review be noted."]
    assert all(r["dateBasis"] == "none" and r["undated"] for r in undated)
    assert {r["judgedOn"] for r in rows} == {"2018-05-16"}
