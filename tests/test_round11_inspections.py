"""Round 11: kinds named in other words, grades whose object, date or event stands elsewhere in the clause, and a
date counted from that a "when" clause grades (made-up council-paper and news text).

1. A kind named with its framework in full and its acronym in brackets ("the Single Inspection Framework (SIF)
   Re-inspection"); a monitoring inspection (a monitoring visit); an area SEND inspection with words between "SEND"
   and "inspection" ("SEND partnership inspection"); a commissioner named between the title and the verb; a focused
   assurance visit.
2. Grades: the department as the object of "rated"; a report fronted by a date with adjectives before it ("In 2019, a
   damning Ofsted report …"); a grade after "upgrade … to" that an event "led" to; "from a position of" and the move
   as a noun ("the upgrade from", "the jump from", "rose from"); an elliptical "and as 'X'" before its event; a long
   judged object before "as".
3. Dates: a grade in a "when" clause after a date a series is counted from ("the first full inspection since 2019,
   when …"); "as recently as 2016"; a grade "given during" an inspection; a relative date after the event the grade
   followed ("following an inspection of its services last month"); a report "published today (date)" that Ofsted
   inspectors speak in.
"""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text, inspection_rows

PAGE_DATE = PartialDate(2025, 6, 10)


def _events(text: str, published: PartialDate | None = PAGE_DATE) -> set[tuple[str, str, str | None, str | None]]:
    x = extract_text(text, url="https://www.anyshire.gov.uk/news/1", published=published)
    return inspection_rows(x)


# ------------------------------------------------------------------------------------------------ 1. kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "Members noted the Single Inspection Framework (SIF) Re-inspection conducted during January and February 2018.",
        "Members noted the Single Inspection Framework Re-inspection conducted during January and February 2018.",
    ],
)
def test_a_sif_reinspection_named_in_full_with_its_acronym(sentence):
    # (a re-inspection of no named framework in 2018 would be taken for an ILACS one)
    assert _events(sentence) == {("sif-reinspection", "2018-01", "2018-02", None)}


@pytest.mark.parametrize(
    "sentence",
    [
        "A monitoring inspection took place in March 2025.",
        "Ofsted's third monitoring inspection was held in March 2025.",
    ],
)
def test_a_monitoring_inspection_is_a_monitoring_visit(sentence):
    assert _events(sentence) == {("monitoring-visit", "2025-03", None, None)}


def test_monitoring_as_a_verb_before_inspection_is_no_visit():
    assert _events("The panel is monitoring inspection outcomes in March 2025 closely.") == set()


@pytest.mark.parametrize("words", ["SEND partnership inspection", "SEND services inspection"])
def test_words_between_send_and_inspection_name_the_area_inspection(words):
    sentence = f"Anyshire's local area {words} in 2023 found widespread failings."
    assert _events(sentence) == {("send-area", "2023", None, None)}


def test_a_commissioner_named_before_the_verb_reviewed_the_service():
    sentence = "Government-appointed commissioner Ann Sample reviewed the service between May and July 2019."
    assert _events(sentence) == {("commissioner-review", "2019-05", "2019-07", None)}


def test_a_commissioner_in_lower_case_words_after_the_title_is_no_name():
    # "commissioner" followed by ordinary words, no verb of review: no review
    assert _events("The children's commissioner for the region spoke in May 2019 about schools.") == set()


def test_a_focused_assurance_visit_is_a_focused_visit():
    sentence = "The Ofsted focused assurance visit, held on 12th and 13th May 2021, found strengths."
    assert _events(sentence) == {("focused-visit", "2021-05-12", "2021-05-13", None)}


def test_an_area_inspected_as_a_partnership_is_the_area_send_inspection():
    sentence = "Anyshire had been inspected as an area partnership in 2019 in relation to special needs."
    assert _events(sentence) == {("send-area", "2019", None, None)}


# ------------------------------------------------------------------------------------------------ 2. grades


@pytest.mark.parametrize("obj", ["the department", "its children's directorate"])
def test_the_department_as_the_object_of_rated(obj):
    sentence = f"The education regulator rated {obj} inadequate in 2020."
    assert _events(sentence) == {("ilacs", "2020", None, "inadequate")}


def test_a_report_named_after_a_fronted_date_and_adjectives_is_that_years_report():
    x = extract_text(
        "In 2019, a damning Ofsted report saw the services rated 'inadequate'.",
        url="https://www.anyshire.gov.uk/news/1",
        published=PAGE_DATE,
    )
    assert [(i.kind, i.published.iso() if i.published else None, i.judgement) for i in x.inspections] == [
        ("ilacs", "2019", "inadequate")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        'Improvements were made, leading the watchdog to upgrade the service to "requires improvement" in 2017.',
        "Ofsted went on to upgrade the council's services to requires improvement in 2017.",
    ],
)
def test_a_grade_an_event_upgraded_the_service_to(sentence):
    assert _events(sentence) == {("sif", "2017", None, "requires-improvement")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The council hopes inspectors will upgrade it to good in 2026.",
        "The council wants to upgrade the service to good in 2026.",
    ],
)
def test_an_upgrade_wished_for_is_no_grade(sentence):
    assert all(j is None for *_, j in _events(sentence))


def test_a_grade_moved_from_a_position_of_and_to_now():
    sentence = (
        "The SIF re-inspection in March 2017 concluded that services had improved considerably from a position of "
        "inadequate in 2014 to now requiring improvement to be good."
    )
    assert _events(sentence) == {
        ("sif", "2014", None, "inadequate"),
        ("sif-reinspection", "2017-03", None, "requires-improvement"),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('The upgrade from "good" in 2020 to "outstanding" is a great achievement.', {("ilacs", "2020", None, "good")}),
        (
            "In July 2017, Anyshire became the first council to make the jump from 'inadequate' to 'good' in a "
            "single inspection.",
            {("sif", "2017-07", None, "good")},
        ),
        (
            "The Ofsted rating for Anyshire's children's services rose from 'inadequate' in 2015 to 'good'.",
            {("sif", "2015", None, "inadequate")},
        ),
    ],
)
def test_a_move_between_grades_as_a_noun_or_a_rise(sentence, expected):
    assert _events(sentence) == expected


def test_a_leap_from_an_inadequate_rating_leaves_that_grade_behind():
    sentence = (
        "At the last inspection in 2021, Anyshire's children's services made the leap from an 'inadequate' Ofsted "
        "rating to 'outstanding'."
    )
    assert _events(sentence) == {("ilacs", "2021", None, "outstanding")}


def test_an_elliptical_second_grade_before_its_event():
    sentence = (
        'The service was judged to be "inadequate" during a full inspection in 2014, and as "requiring improvement" '
        "in a 2017 inspection."
    )
    assert _events(sentence) == {("sif", "2014", None, "inadequate"), ("sif", "2017", None, "requires-improvement")}


def test_a_long_judged_object_before_as():
    sentence = (
        "In 2014 Ofsted judged the overall effectiveness of services for children needing help & protection and "
        "children looked after as 'requiring improvement'."
    )
    assert _events(sentence) == {("sif", "2014", None, "requires-improvement")}


# ------------------------------------------------------------------------------------------------ 3. dates


def test_a_when_clause_grades_the_date_a_series_is_counted_from():
    sentence = (
        "The inspection took place over three weeks in May 2024 and was the first full inspection since 2019, when "
        "Children's Services had been judged as 'Requires Improvement'."
    )
    assert _events(sentence) == {("ilacs", "2019", None, "requires-improvement"), ("ilacs", "2024-05", None, None)}


def test_a_date_counted_from_without_a_graded_when_clause_is_still_no_event():
    assert _events("It was the second monitoring visit since March 2023, when the new director started.") == set()


def test_as_recently_as_dates_a_grade():
    sentence = "Services were rated as requires improvement as recently as 2016."
    assert _events(sentence) == {("sif", "2016", None, "requires-improvement")}


def test_a_grade_given_during_an_inspection_of_a_year_is_left_behind_with_that_year():
    sentence = 'The service improved from the "inadequate" rating which was given during the last inspection in 2012.'
    assert _events(sentence) == {("earlier-framework", "2012", None, "inadequate")}


def test_a_relative_date_after_the_event_a_grade_followed():
    sentence = (
        "Ofsted inspectors have given Anyshire Council a 'Good' rating following an intensive review of its "
        "children's social care services last month."
    )
    assert _events(sentence) == {("ilacs", "2025-05", None, "good")}


def test_a_report_published_today_with_its_day_that_inspectors_speak_in():
    x = extract_text(
        "Anyshire's overall judgement is 'requires improvement'. In the report published today (12 May 2015), Ofsted "
        'inspectors said: "Children are safe."'
    )
    assert [(i.kind, i.published.iso() if i.published else None, i.judgement) for i in x.inspections] == [
        ("sif", "2015-05-12", "requires-improvement")
    ]


# ------------------------------------------------------------------------------------------------ 4. more kinds


@pytest.mark.parametrize("agent", ["Ofsted inspectors", "Ofsted", "inspectors"])
def test_the_inspection_by_its_inspectorate_of_the_childrens_services(agent):
    sentence = (
        f"The report details the findings of the inspection by {agent} of Anyshire Council children's services in "
        "July 2022."
    )
    assert _events(sentence) == {("ilacs", "2022-07", None, None)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials from the Department for Education (DfE) had visited the council in February 2023 and found progress.",
        "DfE advisers visited the council in February 2023.",
    ],
)
def test_a_visit_by_the_departments_officials_is_another_bodys_event(sentence):
    assert _events(sentence) == {("other", "2023-02", None, None)}


def test_a_visit_by_an_official_of_another_body_is_no_dfe_visit():
    assert _events("Officials from the regional health board visited the council in February 2023.") == set()
