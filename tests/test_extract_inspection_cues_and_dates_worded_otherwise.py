"""Kind cues and the dates an event takes, in words the development pages do not use: a SEND area inspection named
with its title spelt out or of "the local areas"; a meeting's date ("the panel met on …"), a delay's date and a
framework's publication, which no event takes; a date that ends the clause before a cue; the next of a series named
by "one" ("followed by one in June"); readiness for an inspection, which is no event. Every text is made up."""

from __future__ import annotations

import pytest

from .conftest import extract_text as run


def rows(x) -> set[tuple[str, str | None, str | None]]:
    return {(i.kind, i.start.iso() if i.start else None, i.end.iso() if i.end else None) for i in x.inspections}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "The report gave the outcome of the joint local area Special Educational Needs and Disabilities (SEND) "
            "inspection carried out by Ofsted and the CQC from 2 to 6 March 2020.",
            ("send-area", "2020-03-02", "2020-03-06"),
        ),
        (
            "Progress against the written statement from the May 2022 CQC Ofsted inspection of the local areas SEND "
            "arrangements was noted.",
            ("send-area", "2022-05", None),
        ),
        (
            "A local area special educational needs inspection took place in November 2018.",
            ("send-area", "2018-11", None),
        ),
    ],
)
def test_a_send_area_inspection_with_its_title_spelt_out(sentence, expected):
    assert rows(run("Report\n" + sentence + "\n")) == {expected}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Scrutiny Panel met on 12 June 2024 to discuss the recent Ofsted inspection of children's services.",
        "The committee convened on 3 March 2022 to consider the recent inspection of children's services.",
        "Cabinet will meet on 9 May 2023 to receive the latest Ofsted inspection report.",
    ],
)
def test_the_date_a_body_met_is_no_inspections(sentence):
    assert not any(i.start for i in run("Minutes\n" + sentence + "\n").inspections)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Cabinet Member presented the Ofsted Single Inspection Framework published in November 2013.",
        "Members noted the single inspection framework, which was introduced in November 2013.",
        "The single inspection framework came into force in November 2013 and replaced earlier arrangements.",
    ],
)
def test_a_frameworks_publication_is_no_event(sentence):
    assert not run("Minutes\n" + sentence + "\n").inspections


@pytest.mark.parametrize(
    "sentence",
    [
        "The first monitoring visit, which had been postponed earlier in the year, was rescheduled for 2 and 3 July 2020.",
        "The monitoring visit, delayed in March 2020, took place on 2 and 3 July 2020.",
        "Ofsted's monitoring visit was deferred in March 2020 and eventually held on 2 and 3 July 2020.",
    ],
)
def test_the_date_an_event_was_delayed_is_not_its_own(sentence):
    assert rows(run("Minutes\n" + sentence + "\n")) == {("monitoring-visit", "2020-07-02", "2020-07-03")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The inspection took place between 3 and 14 October 2016, the previous inspection took place in 2011.",
        "The inspection ran from 3 to 14 October 2016; the previous inspection was in 2011.",
        "Our inspection happened between 3 and 14 October 2016, whereas the previous inspection was held in 2011.",
    ],
)
def test_a_date_that_ends_the_clause_before_a_cue_is_that_clauses(sentence):
    x = run("Report\n" + sentence + "\n")
    assert ("sif", "2016-10-03", "2016-10-14") in rows(x)
    assert any(s == "2011" for _, s, _ in rows(x))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Two more monitoring visits are planned, the first of which will be in March 2022, followed by one in June 2022.",
            {"2022-03", "2022-06"},
        ),
        ("A monitoring visit took place in May 2021, followed by another in October 2021.", {"2021-05", "2021-10"}),
        ("The first monitoring visit is due in January 2024, followed by one in April 2024.", {"2024-01", "2024-04"}),
    ],
)
def test_the_next_of_a_series_named_by_one(sentence, expected):
    x = run("Minutes\n" + sentence + "\n")
    assert {i.start.iso() for i in x.inspections if i.kind == "monitoring-visit"} == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "In the autumn Ofsted will consult the council on its readiness for a full inspection.",
        "In March 2022 officers assessed the service's readiness for an inspection.",
        "In May 2023 the team reviewed its preparedness for the inspection.",
    ],
)
def test_readiness_for_an_inspection_is_no_event(sentence):
    assert not run("Minutes\n" + sentence + "\n").inspections


@pytest.mark.parametrize(
    "text, start",
    [
        (
            "News\nA report into a recent Ofsted inspection of children's services has been published. The visit took "
            "place on 14 June 2022 and was focused on the arrangements for children in care.\n",
            "2022-06-14",
        ),
        (
            "News\nInspectors made a visit on 3 October 2023, focusing on care leavers.\n",
            "2023-10-03",
        ),
        (
            "News\nOfsted inspectors visited the council on 9 March 2021, focussing on the front door.\n",
            "2021-03-09",
        ),
    ],
)
def test_an_ofsted_visit_told_by_its_focus_is_a_focused_visit(text, start):
    assert rows(run(text)) == {("focused-visit", start, None)}


def test_a_visit_that_looked_at_one_part_is_not_told_by_it():
    x = run("News\nA recent Ofsted inspection was reported. The visit on 4 May 2022 looked at the front door.\n")
    assert {k for k, _, _ in rows(x)} == {"other"}


def test_a_visit_of_no_focus_before_focused_visits_began_is_not_one():
    x = run("News\nA report into a recent Ofsted inspection was published. The visit took place on 4 May 2015.\n")
    assert {k for k, _, _ in rows(x)} == {"other"}
