"""Each named query answers its question on data/ with the rows expected from the five seed documents.

Where the seeds cannot show a case (no seed records an inadequate judgement; none answers a follow-up), a small
fixture graph is added to a copy of the store: Ofsted-style judgements for Surrey, and a later document that
mentions one decision. Assertions name facts the seeds state; rows the extraction may add later do not break them.
"""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from caregraph import index
from caregraph.query import named_queries, run_query
from caregraph.store import open_store

CGD = "https://w3id.org/caregraph/id/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SURREY = CGD + "council/surrey"
DURHAM = CGD + "council/durham"
TODAY = {"today": "2025-06-30"}


@pytest.fixture(scope="module")
def store(built_store):
    with open_store(built_store, read_only=True) as st:
        yield st


def rows(store, query_name: str, /, **params) -> list[dict[str, str | None]]:
    return run_query(store, query_name, params).values()


def file_of(row_value: str | None) -> str:
    return (row_value or "").rsplit("/", 1)[-1]


def test_every_named_query_runs_and_its_examples_parse(store):
    import shlex

    from caregraph.cli.query import parse_params

    for name, nq in named_queries().items():
        for example in nq.examples:
            args = shlex.split(example)
            assert args[:3] == ["caregraph", "query", name], example
            params = parse_params([args[i + 1] for i, a in enumerate(args) if a in ("--param", "-p")])
            result = run_query(store, name, params)
            assert result.kind == "select", name


# ------------------------------------------------------------------------------------------------ the contract queries


def test_contract_queries_on_data(store):
    documents = rows(store, "documents")
    assert len(documents) == 5 and {r["councilName"] for r in documents} == {"Surrey", "Durham"}
    inspections = rows(store, "inspections", council="Surrey", since="2021-01-01")
    assert {(r["kind"].rsplit("/", 1)[1], r["start"]) for r in inspections} >= {
        ("focused-visit", "2021-03"),
        ("monitoring-visit", "2021-09"),
        ("focused-visit", "2024-04-16"),
    }
    assert all(r["councilName"] == "Surrey" and (r["start"] or r["published"]) >= "2021" for r in inspections)
    meetings = rows(store, "meetings", council="Surrey")
    assert ("Cabinet", "2019-07-16", "126") in {(r["bodyName"], r["date"], r["item"]) for r in meetings}
    people = rows(store, "people", council="Durham")
    assert ("C Ring", "Strategic Manager, Safeguarding and Professional Practice") in {
        (r["name"], r["postLabel"]) for r in people
    }
    assert "Dave Hill" not in {r["name"] for r in people}
    posts = rows(store, "posts", council="Surrey")
    assert ("Cabinet Member for Children", "Clare Curran") in {(r["postLabel"], r["holderName"]) for r in posts}
    decisions = rows(store, "decisions", council="Surrey")
    assert {("2019-07-16", "Noted"), ("2019-07-16", "Agreed")} <= {(r["date"], r["outcomeLabel"]) for r in decisions}
    follow_ups = rows(store, "follow-ups")
    assert {"2018-11", "2019-12", "2022"} <= {r["due"] for r in follow_ups}


def test_documents_of_one_council(store):
    """The council parameter keeps only that council's documents (it used to return every document, each labelled
    with the council asked for)."""
    everything = rows(store, "documents")
    for council, name in ((SURREY, "Surrey"), (DURHAM, "Durham")):
        theirs = rows(store, "documents", council=name)
        assert theirs == [r for r in everything if r["council"] == council]
        assert theirs and {r["councilName"] for r in theirs} == {name}
    assert len(rows(store, "documents", council="Surrey")) + len(rows(store, "documents", council="Durham")) == len(
        everything
    )
    assert rows(store, "documents", council="Kent") == []


# ------------------------------------------------------------------------------------------------ the analysts' queries


def test_inspection_timeline(store):
    surrey = rows(store, "inspection-timeline", council="Surrey")
    by_iri = {r["inspection"]: r for r in surrey}
    visit = by_iri[SURREY + "/inspection/focused-visit/2024-04"]
    assert (visit["start"], visit["end"], visit["kindLabel"], visit["status"], visit["documents"]) == (
        "2024-04-16",
        "2024-04-17",
        "Focused visit",
        "",
        "1",
    )
    assert by_iri[SURREY + "/inspection/monitoring-visit/2019-10"]["status"] == "planned"
    assert {r["councilName"] for r in surrey} == {"Surrey"}
    assert len(by_iri) == len(surrey)  # one row per inspection
    dates = [r["start"] or r["published"] for r in surrey]
    assert dates == sorted(dates)
    durham = rows(store, "inspection-timeline", council="Durham")
    assert {(r["kindLabel"], r["start"], r["judgement"]) for r in durham} >= {
        ("ILACS inspection", "2019-10", "Requires improvement to be good")
    }


def test_latest_judgements(store):
    latest = rows(store, "latest-judgements")
    durham = [r for r in latest if r["council"] == DURHAM]
    assert [(r["judgementLabel"], r["grade"], r["date"]) for r in durham] == [
        ("Requires improvement to be good", "3", "2019-10")
    ]
    assert rows(store, "latest-judgements", judgement="RI", council="Durham") == durham
    assert rows(store, "latest-judgements", judgement="outstanding") == []


def test_inspections_by_kind_in_a_date_range(store):
    ilacs = rows(store, "inspections-by-kind", kind="ilacs", since="2019-06", until="2022-01-15")
    assert {(r["councilName"], r["when"]) for r in ilacs} >= {("Durham", "2019-10"), ("Surrey", "2022-01")}
    assert all("2019-06" <= r["when"] <= "2022-01-15" and r["kindLabel"].startswith("ILACS") for r in ilacs)
    # Surrey's ILACS inspection planned "between Spring and Summer 2022" is a gYear 2022 whose bounds are the
    # seasons' (1 March to 31 August 2022): outside a range ending in January, inside one that reaches March.
    assert ("Surrey", "2022") not in {(r["councilName"], r["when"]) for r in ilacs}
    spring = rows(store, "inspections-by-kind", kind="ilacs", since="2022-03-15", until="2022-03-20")
    assert {(r["councilName"], r["when"]) for r in spring} == {("Surrey", "2022")}
    visits = rows(store, "inspections-by-kind", kind="Focused visit")
    assert [r["when"] for r in visits] == sorted(r["when"] for r in visits)
    assert {"2021-03", "2024-04-16"} <= {r["when"] for r in visits}
    everything = rows(store, "inspections-by-kind", since="2019-01-01", until="2019-12-31")
    labels = [r["kindLabel"] for r in everything]
    assert labels == sorted(labels) and {"Monitoring visit", "ILACS inspection"} <= set(labels)
    assert all(r["when"].startswith("2019") for r in everything)


def test_range_filters_keep_month_and_year_precision_dates(store):
    """A typed filter on the typed dates drops the month- and year-precision ones; the named queries filter on the
    derived day bounds, so every inspection that may fall in the range is there."""
    since, until = "2018-01-01", "2024-12-31"
    typed = run_query(
        store,
        f"""SELECT DISTINCT ?i WHERE {{ GRAPH ?g {{ ?i a cg:Inspection ; cg:council ?c ; cg:startDate ?d }}
            GRAPH <https://w3id.org/caregraph/graph/councils> {{ ?c skos:prefLabel "Surrey"@en }}
            FILTER(?d >= "{since}"^^xsd:date && ?d <= "{until}"^^xsd:date) }}""",
        inline=True,
    )
    named = {r["inspection"] for r in rows(store, "inspections", council="Surrey", since=since, until=until)}
    precise = {r["i"] for r in typed.values()}
    assert precise < named  # the typed filter silently dropped some
    assert any(i.endswith(("/2018", "/2022", "-01", "-03", "-09", "-10")) for i in named - precise)


def test_people_their_posts_documents_and_meetings(store):
    dave = rows(store, "people-appearances", name="dave")
    assert [(r["personName"], r["posts"], file_of(r["file"])) for r in dave] == [
        ("Dave Hill", "Executive Director of Children, Families and Learning", "004_5de58e62faaac796.txt")
    ]
    durham = rows(store, "people-appearances", council="Durham")
    assert {"C Ring"} <= {r["personName"] for r in durham} and all(r["council"] == DURHAM for r in durham)


def test_decisions_of_a_meeting(store):
    decisions = rows(store, "meeting-decisions", council="Surrey", date="2019-07-16")
    assert sorted((r["bodyName"], r["outcomeLabel"]) for r in decisions) == [
        ("Cabinet", "Agreed"),
        ("Cabinet", "Noted"),
    ]
    assert any("Children’s Improvement Plan" in r["text"] for r in decisions)
    meeting = decisions[0]["meeting"]
    assert meeting.endswith("/body/cabinet/meeting/2019-07-16")
    assert rows(store, "meeting-decisions", meeting=meeting) == decisions
    assert rows(store, "meeting-decisions", council="Durham", date="2019-07-16") == []


def test_overdue_follow_ups_compare_with_today(store):
    def dues(today: str) -> list[str]:
        return [r["due"] for r in rows(store, "overdue-follow-ups", today=today)]

    assert dues("2018-11-30") == []  # due November 2018: not passed until December
    assert dues("2019-01-01") == ["2018-11"]
    assert {"2018-11", "2019-12", "2022"} <= set(dues("2025-06-30"))
    assert set(dues("2022-12-31")) == set(dues("2025-06-30")) - {"2022"}
    assert {"2018-11", "2019-12", "2022"} <= {r["due"] for r in rows(store, "overdue-follow-ups")}  # default today


def test_what_was_said_about_an_inspection(store):
    said = rows(store, "said-about-inspection", inspection="cgd:council/surrey/inspection/focused-visit/2024-04")
    assert len(said) == 1
    row = said[0]
    assert file_of(row["file"]) == "003_0938c2f4e45d6980.txt"
    assert "16 and 17 April 2024" in row["quote"]
    assert "startDate = 2024-04-16" in row["says"] and "kind = Focused visit" in row["says"]
    from .conftest import DATA

    text = (DATA / "003_0938c2f4e45d6980.txt").read_text(encoding="utf-8")
    assert text[int(row["at"]) : int(row["at"]) + len(row["quote"])] == row["quote"]
    visits = rows(store, "said-about-inspection", council="Surrey", kind="monitoring-visit")
    assert {r["inspection"].rsplit("/", 1)[1] for r in visits} >= {"2019-10", "2021-09"}
    assert all("/monitoring-visit/" in r["inspection"] for r in visits)


def test_said_about_inspection_names_the_inspectorate_from_the_reference_graphs(built_store, tmp_path):
    """The labels come from the reference graphs alone, the inspectorates' too (ontology/vocabularies.ttl): the rows
    stay the same when the documents' own labels of the inspectorates are gone. On a store whose vocabularies graph
    is from before the inspectorates were in it, the labels are read from every graph (the same rows), until a build
    reloads it."""
    copy = tmp_path / "store"
    shutil.copytree(built_store, copy)
    vocabularies = ox.NamedNode("https://w3id.org/caregraph/graph/vocabularies")
    labels = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX cg: <https://w3id.org/caregraph/ontology#>"
    with open_store(copy) as st:
        expected = rows(st, "said-about-inspection")
        assert any("inspectorate = Ofsted" in r["says"] for r in expected)
        assert any("inspectorate = Department for Education" in r["says"] for r in expected)
        # A store built before: no inspectorates in its vocabularies (and the digest of the file it was loaded from).
        st.update(
            f"{labels} DELETE {{ GRAPH <{vocabularies.value}> {{ ?org ?p ?o }} }} "
            f"WHERE {{ GRAPH <{vocabularies.value}> {{ ?org a cg:Organisation ; ?p ?o }} }} ;"
            f"DELETE WHERE {{ GRAPH <{vocabularies.value}> {{ <{vocabularies.value}> cg:sha256 ?digest }} }}"
        )
        assert rows(st, "said-about-inspection") == expected
        st.ensure_reference_graphs()  # what the next build does
        ofsted = ox.NamedNode(CGD + "org/ofsted")
        assert ox.Quad(ofsted, ox.NamedNode(SKOS + "prefLabel"), ox.Literal("Ofsted"), vocabularies) in st
        # The documents' labels of the inspectorates are not read.
        st.update(
            f"{labels} DELETE {{ GRAPH ?g {{ ?org skos:prefLabel ?l }} }} "
            "WHERE { GRAPH ?g { ?i cg:inspectorate ?org . ?org skos:prefLabel ?l } }"
        )
        assert not st.ox.query(f"{labels} ASK {{ GRAPH ?g {{ ?i cg:inspectorate ?org . ?org skos:prefLabel ?l }} }}")
        assert rows(st, "said-about-inspection") == expected


def test_practice_models_by_council(store):
    models = rows(store, "practice-models", council="Surrey")
    names = {r["modelName"] for r in models}
    assert {"Family Safeguarding", "Mockingbird", "No Wrong Door"} <= names
    assert len({file_of(r["file"]) for r in models if r["modelName"] == "Family Safeguarding"}) == 2
    for r in models:
        assert r["quote"] and r["councilName"] == "Surrey"
    assert rows(store, "practice-models", council="Durham") == [] or all(
        r["council"] == DURHAM for r in rows(store, "practice-models", council="Durham")
    )


def test_improvement_journey(store):
    journey = rows(store, "improvement-journey", council="Surrey")
    assert {r["councilName"] for r in journey} == {"Surrey"}
    dates = [r["date"] for r in journey]
    assert dates == sorted(dates)
    events = {(r["date"], r["event"]) for r in journey}
    assert {
        ("2024-04-16", "Focused visit"),
        ("2019-07-16", "Decision"),
        ("2019-12", "Follow-up due"),
        ("2021-09", "Monitoring visit"),
    } <= events
    planned = [r for r in journey if r["item"] == SURREY + "/inspection/monitoring-visit/2019-10"]
    assert [r["what"] for r in planned] == ["planned"]
    durham = rows(store, "improvement-journey", council="Durham")
    assert ("2019-10", "ILACS inspection", "Requires improvement to be good") in {
        (r["date"], r["event"], r["what"]) for r in durham
    }


def test_no_seed_records_an_inadequate_judgement(store):
    assert rows(store, "decisions-after-judgement") == []


# ------------------------------------------------------------------------------------------------ with a fixture graph

OFSTED = "https://w3id.org/caregraph/graph/ofsted"
LATER = CGD + "doc/test-later-document"
LATER2 = CGD + "doc/test-document-of-june-2022"


@pytest.fixture(scope="module")
def augmented(built_store, tmp_path_factory):
    """A copy of the store plus Ofsted-style judgements for Surrey (inadequate, published 16 May 2018; requires
    improvement, published 4 March 2022); a later document, of 14 January 2020, that mentions the 2019-12
    follow-up and records a decision; and a document of 1 June 2022 with a decision."""
    path = tmp_path_factory.mktemp("augmented") / "store"
    shutil.copytree(built_store, path)
    with open_store(path) as st:
        follow_up = next(r["followUp"] for r in run_query(st, "follow-ups").values() if r["due"] == "2019-12")
        ttl = f"""
        @prefix cg: <https://w3id.org/caregraph/ontology#> .
        @prefix cgv: <https://w3id.org/caregraph/vocab/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        <{OFSTED}> {{
          <{SURREY}/inspection/sif/2018-03> a cg:Inspection ; cg:council <{SURREY}> ; cg:kind <https://w3id.org/caregraph/vocab/kind/sif> ;
              cg:startDate "2018-03"^^xsd:gYearMonth ; cg:publicationDate "2018-05-16"^^xsd:date ;
              cg:judgement <https://w3id.org/caregraph/vocab/judgement/inadequate> .
          <{SURREY}/inspection/ilacs/2022-01> a cg:Inspection ; cg:council <{SURREY}> ; cg:kind <https://w3id.org/caregraph/vocab/kind/ilacs> ;
              cg:startDate "2022-01"^^xsd:gYearMonth ; cg:publicationDate "2022-03-04"^^xsd:date ;
              cg:judgement <https://w3id.org/caregraph/vocab/judgement/requires-improvement> .
        }}
        <{LATER}> {{
          <{LATER}> a cg:Document ; cg:file "later.txt" ; cg:date "2020-01-14"^^xsd:date ;
              cg:dateEarliest "2020-01-14"^^xsd:date ; cg:dateLatest "2020-01-14"^^xsd:date ; dcterms:publisher <{SURREY}> ;
              cg:mentions <{follow_up}>, <{LATER}/decision/1> .
          <{LATER}/decision/1> a cg:Decision ; cg:text "That the Cabinet notes the progress since the inadequate judgement." .
        }}
        <{LATER2}> {{
          <{LATER2}> a cg:Document ; cg:file "later2.txt" ; cg:date "2022-06-01"^^xsd:date ;
              cg:dateEarliest "2022-06-01"^^xsd:date ; cg:dateLatest "2022-06-01"^^xsd:date ; dcterms:publisher <{SURREY}> .
          <{LATER2}/decision/1> a cg:Decision ; cg:text "That the Cabinet notes the 2022 inspection report." .
        }}
        """
        st.ox.extend(list(ox.parse(ttl, format=ox.RdfFormat.TRIG)))
        # documents written behind the Store's back: give them their document-index entries, as Store writes do
        for doc in (LATER, LATER2):
            st.update(index.insert(index.entries(doc, st.dump_ntriples(ox.NamedNode(doc)))))
    with open_store(path, read_only=True) as st:
        yield st, follow_up


def test_decisions_after_an_inadequate_judgement(augmented):
    st, _ = augmented
    found = rows(st, "decisions-after-judgement")
    assert found, "the fixture's inadequate judgement must be found"
    assert {r["judgedOn"] for r in found} == {"2018-05-16"}
    assert {r["councilName"] for r in found} == {"Surrey"}
    decided = [r["decidedOn"] for r in found if r["decidedOn"]]
    assert decided == sorted(decided)
    assert all(r["undated"] and r["dateBasis"] == "none" for r in found if not r["decidedOn"])  # listed, not dropped
    assert "2019-07-16" in set(decided)  # (data/004 states no meeting date of its own since issue 14)
    assert all("2018-05-16" <= d < "2022-03-04" for d in decided)  # while the judgement stood
    assert LATER + "/decision/1" in {r["decision"] for r in found}  # 14 January 2020
    assert rows(st, "decisions-after-judgement", council="Durham") == []
    # The same question for the later judgement: only decisions from March 2022 on.
    assert LATER2 + "/decision/1" not in {r["decision"] for r in found}  # after the 2022 judgement replaced it
    later = rows(st, "decisions-after-judgement", judgement="requires-improvement", council="Surrey")
    assert [r["decision"] for r in later if r["decidedOn"]] == [LATER2 + "/decision/1"]


def test_latest_judgement_is_the_latest(augmented):
    st, _ = augmented
    surrey = rows(st, "latest-judgements", council="Surrey")
    assert [(r["judgementLabel"], r["date"]) for r in surrey] == [("Requires improvement to be good", "2022-01")]
    assert (
        rows(st, "latest-judgements", judgement="inadequate") == []
    )  # Surrey's inadequate judgement is not its latest
    timeline = {r["inspection"]: r for r in rows(st, "inspection-timeline", council="Surrey")}
    assert timeline[SURREY + "/inspection/sif/2018-03"]["judgement"] == "Inadequate"
    assert timeline[SURREY + "/inspection/ilacs/2022-01"]["documents"] == "2"  # the news release and the Ofsted graph


def test_a_later_document_answers_a_follow_up(augmented, store):
    st, follow_up = augmented
    before = {r["followUp"] for r in rows(store, "overdue-follow-ups", **TODAY)}
    after = {r["followUp"] for r in rows(st, "overdue-follow-ups", **TODAY)}
    assert follow_up in before and follow_up not in after
    assert after == before - {follow_up}


def test_no_named_query_repeats_a_row(augmented):
    """Oxigraph's union default graph keeps a triple once per graph holding it; the queries must not multiply rows
    (the fixture puts Surrey's January 2022 inspection in two graphs)."""
    st, _ = augmented
    for name in named_queries():
        result = run_query(st, name, TODAY if name == "overdue-follow-ups" else {})
        distinct = {tuple(sorted((k, str(v)) for k, v in row.items())) for row in result.rows}
        assert len(distinct) == len(result.rows), name


def test_every_named_query_is_documented():
    from .conftest import ROOT

    docs = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
    missing = [name for name in named_queries() if f"| `{name}` |" not in docs]
    assert not missing, f"add these to the table in docs/queries.md: {missing}"


def test_post_holders_are_dated_by_the_documents_that_attest_them():
    """Two Surrey papers (a July 2019 agenda-item page dated by its meeting, a 2021 report dated by its year) and a
    Durham paper name holders of posts: who held which post, first and last attested, in a range."""
    from caregraph.pipeline.mapping import document_iri, to_triples
    from caregraph.records import CouncilMention, Extraction, Genre, MeetingRecord, PersonRecord
    from caregraph.records import PartialDate as D
    from caregraph.store import memory_store

    from .test_mapping import BUILT_AT, document, span

    post = "Cabinet Member for Children, Young People and Families"
    papers = [
        ("a.txt", "surrey", None, D(2019, 7, 16), "Mary Lewis"),
        ("b.txt", "surrey", D(2021), None, "Mary Lewis"),
        ("c.txt", "durham", D(2019, 3), None, "Olwyn Gunn"),
    ]
    store = memory_store()
    store.ensure_reference_graphs()
    for path, council, date, meeting_day, name in papers:
        text = f"Cabinet. {name}, {post}, introduced the report."
        meetings = (MeetingRecord("Cabinet", meeting_day, span(text, "Cabinet.")),) if meeting_day else ()
        x = Extraction(
            document(text, path),
            Genre.AGENDA_ITEM,
            date,
            None,
            councils=(CouncilMention(council, council, True, None),),
            meetings=meetings,
            people=(PersonRecord(name, post, span(text, f"{name}, {post}")),),
        )
        store.add_graphs([(str(document_iri(x.document)), to_triples(x, BUILT_AT))])
    surrey = rows(store, "post-holders", council="Surrey")
    assert [(r["name"], r["firstAttested"], r["lastAttested"], r["documents"]) for r in surrey] == [
        ("Mary Lewis", "2019-07-16", "2021-12-31", "2")
    ]
    assert all(r["organisation"] == SURREY for r in surrey)
    in_2019 = rows(store, "post-holders", title="cabinet member", since="2019-01-01", until="2019-12-31")
    assert {(r["name"], r["organisation"]) for r in in_2019} == {("Mary Lewis", SURREY), ("Olwyn Gunn", DURHAM)}
    in_2020 = rows(store, "post-holders", since="2020-01-01", until="2020-12-31")
    assert in_2020 == []  # nothing attests a holder in 2020
