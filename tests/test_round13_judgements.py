"""Round 13: inspections and judgements (made-up council-paper and news text).

1. A report's conclusion as a clause: "the report concluded (that) the services … were inadequate", "judged that
   … are outstanding", the grade holding "in virtually every area".
2. A rating moved with other verbs: "elevated", "boosted", "lifted" from one grade to another.
3. A dated visit whose clause names the inspectorate as its subject: "Following a visit in May, inspectors found …"
   (graded elsewhere on the page: an inspection of the framework in force); an Ofsted visit of no stated kind in the
   month of an event the page names is that event.
"""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text, inspection_rows, published_events

PAGE_DATE = PartialDate(2025, 6, 10)


def _x(text: str):
    return extract_text(
        "Anyshire Council news\n\n" + text, url="https://www.anyshire.gov.uk/news/1", published=PAGE_DATE
    )


def _grades(text: str) -> set[str | None]:
    return {i.judgement for i in _x(text).inspections}


# ------------------------------------------------------------------------------------------------ 1. conclusions


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan follows an Ofsted report in 2016, which concluded services for vulnerable children were inadequate "
        "in virtually every area.",
        "An Ofsted inspection in 2016 concluded that the county's services for children were inadequate.",
    ],
)
def test_a_report_that_concluded_the_services_were_a_grade(sentence):
    assert "inadequate" in _grades(sentence)


def test_a_conclusion_about_something_else_is_no_grade():
    assert _grades("An Ofsted inspection in 2016 concluded that the council's approach to recruitment was good.") == {
        None
    }


def test_a_grade_in_some_areas_is_not_the_overall_one():
    assert "good" not in _grades(
        "An Ofsted inspection in 2016 concluded that the council's services were good in some areas."
    )


# ------------------------------------------------------------------------------------------------ 2. moves


@pytest.mark.parametrize("verb", ["elevated", "boosted", "lifted"])
def test_a_rating_moved_by_another_verb(verb):
    text = (
        f"Children's services in Anyshire have been {verb} from 'inadequate' to 'requires improvement' after an "
        "Ofsted inspection in March 2025."
    )
    assert inspection_rows(_x(text)) == {("ilacs", "2025-03", None, "requires-improvement")}


def test_elevated_said_of_no_grade_is_nothing():
    assert _grades("The item was elevated from the agenda of the panel to the Cabinet in March 2025.") == set()


# ------------------------------------------------------------------------------------------------ 3. visits


def test_a_visit_whose_clause_names_the_inspectors_is_their_inspection():
    text = (
        "Anyshire's children's services have been rated 'good' by Ofsted.\n\n"
        "Following a visit in March, inspectors found that leaders had worked hard to improve practice."
    )
    assert inspection_rows(_x(text)) == {("ilacs", "2025-03", None, "good")}


def test_an_ungraded_visit_by_the_inspectors_is_an_event():
    text = "Following a visit in March, Ofsted inspectors said that leaders had worked hard to improve practice."
    assert {(k, s) for k, s, _, _ in inspection_rows(_x(text))} == {("other", "2025-03")}


@pytest.mark.parametrize(
    "text",
    [
        "Following a visit in March, councillors agreed to fund a new youth centre.",
        "Following a visit in March by the Minister, the council said that it would bid for funding.",
    ],
)
def test_a_visit_by_others_is_no_inspection(text):
    assert not _x(text).inspections


def test_a_visit_in_the_month_of_a_named_event_is_that_event():
    text = (
        "Anyshire's children's services had a focused visit in March. After a visit in March, inspectors said that "
        "practice was improving."
    )
    assert published_events(_x(text)) == {("focused-visit", "2025-03", None, None)}
