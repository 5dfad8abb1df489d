"""caregraph.pipeline.reconcile: the links between the inspections council papers mention and Ofsted's record.

Made-up council papers in the style of real ones (a cabinet report, a news release) about Barnsley, whose official
record is in the fixture sheets of tests/fixtures/ofsted: a short ILACS inspection from 11 September 2023 (published
27 October 2023) and a focused visit on 5 November 2024 (published 5 December 2024). The papers date them as papers
do: "in October 2023", and by the publication of the visit's report.
"""

from __future__ import annotations

import calendar
import shutil
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from caregraph.cli import app
from caregraph.explore.stats import store_stats
from caregraph.interop.ofsted import OFSTED_GRAPH, import_outcomes, read_outcomes, to_triples
from caregraph.pipeline.build import build
from caregraph.pipeline.identity import remove_documents
from caregraph.pipeline.reconcile import LINKS_GRAPH, Mention, Official, link_iri, link_triples, match, refresh_links
from caregraph.query import run_query
from caregraph.store import open_store
from tests.test_ofsted import CSVS

CG = "https://w3id.org/caregraph/ontology#"
ID = "https://w3id.org/caregraph/id/council/"
BARNSLEY = ID + "barnsley"
BARNSLEY_ILACS = BARNSLEY + "/inspection/ilacs/2023-09"  # Ofsted's key: the start month
BARNSLEY_FV = BARNSLEY + "/inspection/focused-visit/2024-11"

CABINET_REPORT = """Barnsley Metropolitan Borough Council

Cabinet - Wednesday 6 December 2023

Item 7: Ofsted inspection of local authority children's services

Report of the Executive Director, Children's Services

1. Purpose of the report
1.1 To inform Cabinet of the outcome of the short inspection of Barnsley's children's services under the ILACS framework, which Ofsted carried out in October 2023.

2. Outcome
2.1 Inspectors judged the overall effectiveness of children's services to be good.

3. Recommendation
3.1 That Cabinet notes the outcome of the inspection.
"""

NEWS_RELEASE = """Barnsley Metropolitan Borough Council - News

Ofsted praises help for children in care

Ofsted's report on its focused visit to Barnsley's children's services was published on 5 December 2024. Inspectors looked at the experiences of children in care and found that leaders know their services well.
"""


def _day(y: int, m: int, d: int) -> tuple[date, date]:
    return date(y, m, d), date(y, m, d)


def _month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


# ------------------------------------------------------------------------------------------------ matching rules

DURHAM = ID + "durham"
DURHAM_OFFICIAL = Official(
    DURHAM + "/inspection/ilacs/2019-09", DURHAM, "ilacs", _day(2019, 9, 9), None, _day(2019, 10, 21)
)


def test_a_month_within_the_official_dates_links():
    """Durham's paper says October 2019; Ofsted's record starts on 9 September and was published on 21 October."""
    paper = Mention(DURHAM + "/inspection/ilacs/2019-10", DURHAM, "ilacs", _month(2019, 10))
    links, ambiguous, unmatched = match([paper], [DURHAM_OFFICIAL])
    assert [(x.paper, x.official, x.method, x.confidence) for x in links] == [
        (paper.iri, DURHAM_OFFICIAL.iri, "date-within", 0.85)
    ]
    assert ambiguous == [] and unmatched == 0


def test_the_same_key_wins_and_is_certain():
    paper = Mention(DURHAM_OFFICIAL.iri, DURHAM, "ilacs", _day(2019, 9, 10))
    (link,) = match([paper], [DURHAM_OFFICIAL])[0]
    assert (link.official, link.method, link.confidence) == (DURHAM_OFFICIAL.iri, "same-key", 1.0)


def test_precision_sets_the_confidence():
    day = Mention(DURHAM + "/inspection/ilacs/2019-10-a", DURHAM, "ilacs", _day(2019, 10, 2))
    year = Mention(DURHAM + "/inspection/ilacs/2019", DURHAM, "ilacs", (date(2019, 1, 1), date(2019, 12, 31)))
    spring = Mention(DURHAM + "/inspection/ilacs/2019-s", DURHAM, "ilacs", (date(2019, 3, 1), date(2019, 5, 31)))
    links = {x.paper: x.confidence for x in match([day, year, spring], [DURHAM_OFFICIAL])[0]}
    assert links == {day.iri: 0.95, year.iri: 0.6}  # spring 2019 is before the inspection: no link


def test_the_publication_month():
    official = Official(BARNSLEY_FV, BARNSLEY, "focused-visit", _day(2024, 11, 5), None, _day(2024, 12, 5))
    # the paper's own publication date in the month the report came out
    published = Mention(
        BARNSLEY + "/inspection/focused-visit/p2024-12", BARNSLEY, "focused-visit", None, _month(2024, 12)
    )
    # a paper that dates the visit by its report: a day after the publication, in its month
    dated_by_report = Mention(
        BARNSLEY + "/inspection/focused-visit/2024-12", BARNSLEY, "focused-visit", _day(2024, 12, 18)
    )
    # a month later is another matter
    later = Mention(BARNSLEY + "/inspection/focused-visit/2025-01", BARNSLEY, "focused-visit", _month(2025, 1))
    links, _, unmatched = match([published, dated_by_report, later], [official])
    assert {(x.paper, x.method, x.confidence) for x in links} == {
        (published.iri, "publication-month", 0.8),
        (dated_by_report.iri, "publication-month", 0.7),
    }
    assert unmatched == 1


def test_only_the_same_council_and_kind_family():
    other_council = Mention(ID + "durham-x/inspection/ilacs/2019-10", ID + "durham-x", "ilacs", _month(2019, 10))
    other_family = Mention(DURHAM + "/inspection/focused-visit/2019-10", DURHAM, "focused-visit", _month(2019, 10))
    assert match([other_council, other_family], [DURHAM_OFFICIAL])[0] == []


def test_several_candidates_leave_a_mention_unlinked():
    """Bradford's monitoring visits come every few months: "a monitoring visit in 2021" is any of them."""
    bradford = ID + "bradford"
    visits = [
        Official(f"{bradford}/inspection/monitoring-visit/2021-{m:02d}", bradford, "monitoring-visit", _day(2021, m, 9))
        for m in (3, 7, 11)
    ]
    vague = Mention(
        f"{bradford}/inspection/monitoring-visit/2021",
        bradford,
        "monitoring-visit",
        (date(2021, 1, 1), date(2021, 12, 31)),
    )
    precise = Mention(
        f"{bradford}/inspection/monitoring-visit/2021-07-x", bradford, "monitoring-visit", _day(2021, 7, 9)
    )
    links, ambiguous, _ = match([vague, precise], visits)
    assert ambiguous == [vague.iri]
    assert [(x.paper, x.official) for x in links] == [(precise.iri, visits[1].iri)]


def test_link_triples_are_nodes_with_their_shortcut():
    (link,) = match(
        [Mention(DURHAM + "/inspection/ilacs/2019-10", DURHAM, "ilacs", _month(2019, 10))], [DURHAM_OFFICIAL]
    )[0]
    triples = {(t.subject.value, t.predicate.value, t.object.value) for t in link_triples([link])}
    node = link_iri(link.paper)
    assert node.startswith(LINKS_GRAPH + "/link/")
    assert {
        (node, CG + "paperInspection", link.paper),
        (node, CG + "officialInspection", DURHAM_OFFICIAL.iri),
        (node, CG + "matchMethod", "date-within"),
        (node, CG + "confidence", "0.85"),
        (link.paper, CG + "officialRecord", DURHAM_OFFICIAL.iri),
    } <= triples


def test_the_link_shapes(tmp_path):
    from caregraph.validate import validate_triples

    (link,) = match(
        [Mention(DURHAM + "/inspection/ilacs/2019-10", DURHAM, "ilacs", _month(2019, 10))], [DURHAM_OFFICIAL]
    )[0]
    good = link_triples([link])
    problems, _ = validate_triples(good, LINKS_GRAPH, provenance="none")
    assert problems == []
    node = ox.NamedNode(link_iri(link.paper))
    method = ox.NamedNode(CG + "matchMethod")
    bad = [t for t in good if t.predicate != method] + [ox.Triple(node, method, ox.Literal("same-key"))]
    problems, _ = validate_triples(bad, LINKS_GRAPH, provenance="none")
    assert any("method does not fit its ends" in p.message for p in problems)
    wrong = [t for t in good if t.predicate.value != CG + "officialRecord"]
    problems, _ = validate_triples(wrong, LINKS_GRAPH, provenance="none")
    assert any("cg:officialRecord" in p.message for p in problems)


# ------------------------------------------------------------------------------------------------ in a store


@pytest.fixture()
def papers(tmp_path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "barnsley-cabinet-2023-12-06.txt").write_text(CABINET_REPORT, encoding="utf-8")
    (folder / "barnsley-news-focused-visit.txt").write_text(NEWS_RELEASE, encoding="utf-8")
    return folder


@pytest.fixture()
def store(tmp_path, papers):
    path = tmp_path / "store"
    with open_store(path) as st:
        build(st, [papers], jobs=1)
        summary = import_outcomes(st, CSVS)
    return path, summary


def _links(st) -> dict[str, tuple[str, str, str]]:
    q = f"""SELECT ?paper ?official ?method ?confidence WHERE {{ GRAPH <{LINKS_GRAPH}> {{
        ?l a cg:ReconciliationLink ; cg:paperInspection ?paper ; cg:officialInspection ?official ;
           cg:matchMethod ?method ; cg:confidence ?confidence . ?paper cg:officialRecord ?official }} }}"""
    return {
        r["paper"].value: (r["official"].value, r["method"].value, r["confidence"].value) for r in run_query(st, q).rows
    }


def test_import_links_what_the_papers_date_differently(store):
    path, summary = store
    assert summary.links.links == 2 and summary.links.by_method == {"date-within": 1, "publication-month": 1}
    with open_store(path, read_only=True) as st:
        assert _links(st) == {
            BARNSLEY + "/inspection/ilacs/2023-10": (BARNSLEY_ILACS, "date-within", "0.85"),
            BARNSLEY + "/inspection/focused-visit/p2024-12": (BARNSLEY_FV, "publication-month", "0.8"),
        }


def test_one_event_in_the_timeline_and_by_kind(store):
    path, _ = store
    with open_store(path, read_only=True) as st:
        timeline = run_query(st, "inspection-timeline", {"council": "Barnsley"}).values()
        by_kind = run_query(st, "inspections-by-kind", {"council": "Barnsley"}).values()
    rows = {r["inspection"]: r for r in timeline}
    assert len(rows) == len(timeline)
    # Ofsted's record of Barnsley: ILACS 2018-10 and 2023-09, the November 2024 focused visit; nothing else.
    assert set(rows) == {BARNSLEY + "/inspection/ilacs/2018-10", BARNSLEY_ILACS, BARNSLEY_FV}
    ilacs = rows[BARNSLEY_ILACS]
    assert (ilacs["start"], ilacs["kindLabel"], ilacs["judgement"], ilacs["published"], ilacs["documents"]) == (
        "2023-09-11",
        "ILACS short inspection",
        "Good",
        "2023-10-27",
        "2",  # the cabinet report and Ofsted's table
    )
    assert ilacs["matched"] == "date-within"
    visit = rows[BARNSLEY_FV]
    assert (visit["start"], visit["published"], visit["documents"], visit["matched"]) == (
        "2024-11-05",
        "2024-12-05",
        "2",
        "publication-month",
    )
    assert sorted(r["inspection"] for r in by_kind) == sorted(rows)
    assert {r["inspection"]: r["documents"] for r in by_kind}[BARNSLEY_ILACS] == "2"
    assert {r["inspection"]: r["when"] for r in by_kind}[BARNSLEY_ILACS] == "2023-09-11"


def test_the_other_inspection_queries_follow_the_links(store):
    path, _ = store
    with open_store(path, read_only=True) as st:
        latest = run_query(st, "latest-judgements", {"council": "Barnsley"}).values()
        journey = run_query(st, "improvement-journey", {"council": "Barnsley"}).values()
        compared = run_query(st, "papers-vs-ofsted", {"council": "Barnsley"}).values()
    assert [(r["inspection"], r["date"], r["judgementLabel"]) for r in latest] == [
        (BARNSLEY_ILACS, "2023-09-11", "Good")
    ]
    inspections = [r for r in journey if "/inspection/" in r["item"]]
    assert sorted(r["item"] for r in inspections) == sorted(
        {BARNSLEY + "/inspection/ilacs/2018-10", BARNSLEY_ILACS, BARNSLEY_FV}
    )
    by_paper = {r["inspection"]: r for r in compared}
    assert set(by_paper) == {BARNSLEY + "/inspection/ilacs/2023-10", BARNSLEY + "/inspection/focused-visit/p2024-12"}
    ilacs = by_paper[BARNSLEY + "/inspection/ilacs/2023-10"]
    assert (ilacs["official"], ilacs["method"], ilacs["status"], ilacs["disagreement"]) == (
        BARNSLEY_ILACS,
        "date-within",
        "disagrees",
        "start: paper 2023-10, Ofsted 2023-09-11",
    )
    visit = by_paper[BARNSLEY + "/inspection/focused-visit/p2024-12"]
    assert (visit["official"], visit["method"], visit["status"]) == (BARNSLEY_FV, "publication-month", "agrees")


def test_links_follow_the_documents(store, papers):
    """A build that adds, changes or removes a document recomputes the links; so does a removal."""
    path, _ = store
    with open_store(path) as st:
        news = next(
            iri for iri, (_, file) in st.document_files().items() if file and file.endswith("news-focused-visit.txt")
        )
        removed, _ = remove_documents(st, [news])
        assert removed == [news]
        assert set(_links(st)) == {BARNSLEY + "/inspection/ilacs/2023-10"}
        # The cabinet report corrected: the inspection "began on 11 September 2023" — now the same key.
        (papers / "barnsley-news-focused-visit.txt").unlink()
        report = papers / "barnsley-cabinet-2023-12-06.txt"
        report.write_text(
            CABINET_REPORT.replace("which Ofsted carried out in October 2023", "which began on 11 September 2023"),
            encoding="utf-8",
        )
        build(st, [papers], jobs=1)
        assert _links(st) == {BARNSLEY_ILACS: (BARNSLEY_ILACS, "same-key", "1")}
        # Every document gone: nothing left to link, and the graph goes.
        remove_documents(st, list(st.document_files()))
        assert not st.has_graph(LINKS_GRAPH)
        assert st.has_graph(OFSTED_GRAPH)


def test_a_build_after_the_import_links_new_documents(tmp_path, papers, built_store):
    path = tmp_path / "store"
    shutil.copytree(built_store, path)
    with open_store(path) as st:
        import_outcomes(st, CSVS)
        before = _links(st)
        assert BARNSLEY + "/inspection/ilacs/2023-10" not in before
        build(st, [papers], jobs=1)
        after = _links(st)
    assert after[BARNSLEY + "/inspection/ilacs/2023-10"] == (BARNSLEY_ILACS, "date-within", "0.85")
    assert set(before) < set(after)


def test_refresh_without_an_official_record_drops_the_links(tmp_path, papers):
    with open_store(tmp_path / "store") as st:
        build(st, [papers], jobs=1)
        assert refresh_links(st).links == 0
        assert not st.has_graph(LINKS_GRAPH)


# ------------------------------------------------------------------------------------------------ the official graph


def test_one_label_per_inspection_after_an_import(store):
    path, _ = store
    with open_store(path, read_only=True) as st:
        q = """SELECT ?i (COUNT(DISTINCT ?label) AS ?n) WHERE { ?i a cg:Inspection ; rdfs:label ?label } GROUP BY ?i"""
        counts = {r["i"].value: int(r["n"].value) for r in run_query(st, q).rows}
        label = next(
            q.object.value
            for q in st.ox.quads_for_pattern(
                ox.NamedNode(BARNSLEY_ILACS), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None, None
            )
        )
    assert counts and set(counts.values()) == {1}
    assert label == "ilacs, barnsley, 2023-09"  # the key's formula, the documents' own


def test_a_joint_inspection_has_each_inspectorate(tmp_path):
    lines = CSVS[1].read_text(encoding="utf-8").splitlines()
    jtai = tmp_path / "jtai.csv"
    jtai.write_text(
        "\n".join([lines[0], lines[2].replace("LA Monitoring visit", "Joint targeted area inspection")]) + "\n",
        encoding="utf-8",
    )
    outcomes = read_outcomes([jtai])
    assert [r.kind for r in outcomes.records] == ["jtai"]
    triples = to_triples(outcomes)
    insp = next(s for s, p, o in triples if str(p) == CG + "inspectorate")
    inspectorates = {str(o).rsplit("/", 1)[1] for s, p, o in triples if s == insp and str(p) == CG + "inspectorate"}
    assert inspectorates == {"ofsted", "cqc", "hmicfrs", "hmi-probation"}
    names = {str(o) for s, p, o in triples if str(p).endswith("prefLabel")}
    assert {"Ofsted", "Care Quality Commission", "HM Inspectorate of Probation"} <= names
    # each classified as the documents classify an inspectorate (org:classification, a concept of cgv:org-category)
    classified = {str(s).rsplit("/", 1)[1] for s, p, o in triples if str(o).endswith("/org-category/inspectorate")}
    assert classified == inspectorates


def test_stats_count_the_official_record(store):
    path, _ = store
    with open_store(path, read_only=True) as st:
        official = store_stats(st)["official"]
    assert (official["inspections"], official["councils"]) == (11, 5)
    assert official["imported"][:4].isdigit() and "T" in official["imported"]
    assert official["links"] == {"date-within": 1, "publication-month": 1}
    result = CliRunner().invoke(app, ["stats", "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert "Ofsted's record" in result.output and "11 inspections of 5 councils" in result.output
    assert "imported" in result.output and "2 inspections (1 date-within, 1 publication-month)" in result.output


def test_stats_before_an_import(tmp_path, papers):
    path = tmp_path / "store"
    with open_store(path) as st:
        build(st, [papers], jobs=1)
        assert store_stats(st)["official"] is None
    result = CliRunner().invoke(app, ["stats", "--store", str(path)])
    assert result.exit_code == 0 and "not imported" in result.output


def test_cli_import_reports_the_links(tmp_path, papers):
    path = tmp_path / "store"
    with open_store(path) as st:
        build(st, [papers], jobs=1)
    result = CliRunner().invoke(app, ["import-ofsted", *map(str, CSVS), "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert (
        "2 inspections the papers mention linked to the official record (1 date-within, 1 publication-month)"
        in result.output
    )
    assert LINKS_GRAPH in result.output
