"""Round 12: inspections and judgements (made-up council-paper and news text).

1. Events known by their report: a year as the report's modifier ("a 2016 Ofsted report"); a sentence opening on
   "The report, published …" after one that named or graded the event (its grade and the date of its carrying out
   with it); a date a council body read the report on is no event's ("In March 2017, the Committee considered …").
2. Grades quoted loosely or framed otherwise: "requirements improvement", "ranked … as", "the last Good inspection",
   "The upgrade, from 'good' in 2020".
3. Kinds and dates: a page whose title names the SEND services; a date a series of visits is counted from after
   the visit's object ("the second visit to the new trust since it began operating in April").
"""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text, inspection_rows, published_events

PAGE_DATE = PartialDate(2025, 6, 10)


def _x(text: str, published: PartialDate | None = PAGE_DATE):
    return extract_text(text, url="https://www.anyshire.gov.uk/news/1", published=published)


def _events(text: str, published: PartialDate | None = PAGE_DATE) -> set[tuple[str, str, str | None, str | None]]:
    return inspection_rows(_x(text, published))


def _published(text: str, published: PartialDate | None = PAGE_DATE):
    return published_events(_x(text, published))


# ------------------------------------------------------------------------------------------------ 1. reports


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan follows a 2016 Ofsted report which concluded that the county's children's services "
        "‘required improvement’.",
        "The 2016 Ofsted report rated the county's children's services as requiring improvement.",
    ],
)
def test_a_year_before_the_report_is_its_publication(sentence):
    assert _published(sentence) == {("sif", None, "2016", "requires-improvement")}


def test_a_year_before_another_report_names_no_event():
    assert _published("The council published the 2018 report on its budget, which the panel noted.") == set()


def test_the_report_published_after_a_graded_recent_inspection():
    text = (
        "Anyshire children's services rated outstanding\n\n"
        "Anyshire Council's children's services have been awarded the highest rating of ‘outstanding’ by Ofsted "
        "following a recent inspection.\n\n"
        "The report, published yesterday, Tuesday, 9 June, is a landmark for the council.\n"
    )
    assert ("ilacs", None, "2025-06-09", "outstanding") in _published(text)


def test_the_report_published_and_undertaken_after_a_grade():
    text = (
        "Westshire children's services rated good\n\n"
        "Westshire Council's children's social care services have been rated “Good” by Ofsted.\n\n"
        "The report, published on Wednesday and undertaken in early March, praised the council's social workers.\n"
    )
    assert _events(text, PartialDate(2025, 4, 17)) == {("ilacs", "2025-03", None, "good")}


def test_the_report_published_names_no_event_when_none_was_named():
    text = "The council discussed its budget.\n\nThe report, published on 12 May, sets out the savings planned.\n"
    assert _published(text) == set()


def test_the_report_of_an_event_already_known_by_that_day_is_no_second_event():
    text = (
        "Anyshire Council praises staff after a ‘Good’ rating from Ofsted in their latest inspection, published "
        "today.\n\n"
        "In March 2024, Ofsted inspectors came to Anyshire to look at how services were improving.\n\n"
        "The report, published today by Ofsted, confirms the services are of good quality.\n"
    )
    found = _published(text)
    assert [e for e in found if e[2] == "2025-06-10"] == [("ilacs", None, "2025-06-10", "good")]


def test_a_committee_reading_the_report_dates_no_event():
    text = (
        "In March 2017, the Committee considered the key findings from Ofsted's report, dated February 2017, on "
        "the re-inspection of Anytown's services for children in need of help and protection, children looked "
        "after and care leavers."
    )
    found = _published(text, PartialDate(2017, 6, 1))
    assert found == {("sif", None, "2017-02", None)}


def test_the_council_as_subject_keeps_its_date():
    assert _events("In January 2019, the council was rated inadequate by Ofsted.", PartialDate(2019, 6, 1)) == {
        ("ilacs", "2019-01", None, "inadequate")
    }


# ------------------------------------------------------------------------------------------------ 2. grades


def test_requirements_improvement_is_requires_improvement():
    text = "Ofsted rated Anyshire County Council's children's services as ‘requirements improvement’ in 2022."
    assert _events(text) == {("ilacs", "2022", None, "requires-improvement")}


def test_ranked_as_a_grade():
    text = "Ofsted ranked the borough's child protection services as “inadequate” in 2019, and the DfE intervened."
    assert _events(text) == {("ilacs", "2019", None, "inadequate")}


def test_ranked_without_a_grade_is_none():
    assert _events("The council ranked third in the region in 2019 for its recycling.") == set()


@pytest.mark.parametrize("words", ["the last Good inspection in 2016", "its previous ‘good’ inspection in 2016"])
def test_a_grade_between_last_and_inspection(words):
    text = f"The new grade is an improvement on {words} and puts the council among the best."
    assert _events(text) == {("sif", "2016", None, "good")}


def test_the_move_as_a_noun_with_a_comma():
    text = "The upgrade, from ‘requires improvement’ in 2019, places the council among the top authorities."
    assert _events(text) == {("ilacs", "2019", None, "requires-improvement")}


# ------------------------------------------------------------------------------------------------ 3. kinds, dates


def test_a_page_about_the_send_services_names_the_area_inspection():
    text = (
        "Progress made with services for special needs children in Anyshire\n\n"
        "A letter from Ofsted says progress has been made in five of the six weaknesses identified in a 2019 "
        "inspection, which ruled a plan was required.\n"
    )
    assert ("send-area", "2019", None, None) in _events(text, PartialDate(2022, 3, 1))


def test_a_send_title_leaves_the_childrens_services_inspection_alone():
    text = (
        "Special needs transport contract renewed\n\n"
        "Ofsted inspected the council's children's services in May 2023 and rated them good.\n"
    )
    assert _events(text) == {("ilacs", "2023-05", None, "good")}


def test_a_visit_counted_from_a_date_after_its_object():
    text = (
        "Ofsted's second monitoring visit to the new trust since it began operating in April this year took place "
        "in October."
    )
    assert _events(text, PartialDate(2024, 11, 20)) == {("monitoring-visit", "2024-10", None, None)}


def test_a_quoted_grade_of_an_outcome():
    text = (
        "Following the publication of the Ofsted report on the inspection of children's services resulting in an "
        "‘inadequate’ outcome in May 2015, the minister made his decision."
    )
    assert {e[3] for e in _events(text, PartialDate(2015, 9, 1))} == {"inadequate"}


def test_an_unquoted_good_outcome_is_no_grade():
    text = "The Ofsted inspection in May 2015 found a good outcome for the child in each case sampled."
    assert {e[3] for e in _events(text, PartialDate(2015, 9, 1))} == {None}


@pytest.mark.parametrize("comma", [",", ""])
def test_a_date_opening_a_relative_clause_dates_the_report_named_in_it(comma):
    text = (
        f"The findings are a milestone for the council, which{comma} in November 2016{comma} received a damning "
        "inspection report."
    )
    assert _published(text, PartialDate(2019, 1, 10)) == {("sif", None, "2016-11", None)}


def test_a_date_before_another_clause_does_not_date_the_report():
    text = "In 2014, the council restructured its teams and an Ofsted report found problems."
    assert _published(text, PartialDate(2019, 1, 10)) == set()


def test_the_ofsted_judgement_dated_is_an_event():
    text = (
        "After the Ofsted judgement in 2017, the service has made many changes and has been subject to seven "
        "further monitoring visits."
    )
    assert _events(text, PartialDate(2020, 3, 10)) == {("sif", "2017", None, None)}


def test_the_ofsted_rating_scale_is_no_event():
    assert _events("The Ofsted rating scale changed in 2024 for schools.") == set()


def test_a_visit_counted_from_an_inspection_keeps_that_inspections_date():
    text = "It was the sixth visit since the 2016 inspection, which judged services inadequate."
    assert ("sif", "2016", None, "inadequate") in _events(text, PartialDate(2018, 12, 12))


def test_a_headings_date_above_members_noting_stays_the_events():
    text = "Minutes\n14. Ofsted Re-inspection October 2022\nMembers noted the outcome of the inspection.\n"
    assert {(e[0], e[1]) for e in _events(text, PartialDate(2022, 12, 1))} == {("ilacs", "2022-10")}
