"""What must not become the page council's inspection or grade (issue 14, round 17).

Found by probing (bench/probes/inspections_negative.md: made-up sentences, each with what an annotator records under
ANNOTATION.md), not by reading corpus pages. The general gaps mended:

1. national figures: a count or proportion of councils as the subject of a grade or an inspection ("Nationally, 60 per
   cent of councils were rated good", "Ofsted inspected 40 local authorities") is no event and no grade;
2. a date is no place of the services: in "the response to the inspection of children's services in 2020 was good"
   the services are no subject of "was good";
3. the Virtual School is the council's own team, no school Ofsted inspects one by one;
4. a partner agency (a police force, its PEEL inspection, a fire and rescue service, a GP practice) is another
   service, its grade its own;
5. another council as the subject of a grade or the possessor or subject of an inspection, in the ways a page names
   it: a neighbour by its place alone ("Neighbouring Hampshire was rated"), a relative "whose" or "where" clause, two
   councils joined by "and", "Lancashire County Council's ILACS inspection", "Lancashire County Council was
   inspected";
6. a grade hoped for, not given ("Achieving a good judgement at the 2025 inspection is a corporate priority").

Every text is made up in the style of council news and minutes; the facts about named councils are invented. The
page is a real council's (Surrey's) because another council is told from the publisher by the shipped gazetteer."""

from __future__ import annotations

import pytest

from caregraph.evaluate import kind_family

from .conftest import extract_text

URL = "https://www.surreycc.gov.uk/news/1"


def events(text: str) -> set[tuple[str | None, str | None, str | None]]:
    x = extract_text("Surrey County Council\n\n" + text + "\n", url=URL)
    return {
        (kind_family(i.kind), (i.start or i.published).iso() if (i.start or i.published) else None, i.judgement)
        for i in x.inspections
    }


# 1. national figures


@pytest.mark.parametrize(
    "text",
    [
        "Nationally, 60 per cent of councils were rated good or better at their most recent inspection in 2023.",
        "In 2022, Ofsted inspected 40 local authorities, of which 12 were judged inadequate.",
        "The national picture shows that in 2021 one in five councils was rated inadequate.",
        "Across England, more than 30 local authorities were judged outstanding in 2024.",
    ],
)
def test_national_figures_are_no_event(text: str) -> None:
    assert events(text) == set()


def test_the_page_council_beside_national_figures_keeps_its_grade() -> None:
    assert events(
        "In 2023, 45 councils were inspected by Ofsted, and Surrey's children's services were rated good in March 2023."
    ) == {("ilacs", "2023-03", "good")}


def test_a_council_counted_among_many_is_not_national_figures() -> None:
    # "one of only three councils" is said of the page's council: its own event stays
    assert any(
        when == "2024-01"
        for _, when, _ in events(
            "Surrey is one of only three councils to be rated outstanding, following its inspection in January 2024."
        )
    )


# 2. a date is no place of the services


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Members noted that the response to the Ofsted inspection of children's services in 2020 was good.", "2020"),
        (
            "The improvement board said progress since the Ofsted inspection of children's services in 2019 had been "
            "good.",
            "2019",
        ),
    ],
)
def test_a_dated_inspection_of_the_services_is_no_subject_of_the_grade(text: str, year: str) -> None:
    assert events(text) == {("ilacs", year, None)}


def test_the_services_in_a_place_still_take_their_grade() -> None:
    assert events("Children's services in Surrey are good, Ofsted has said after an inspection in September 2022.") == {
        ("ilacs", "2022-09", "good")
    }


# 3. the Virtual School


def test_the_virtual_school_is_no_school_inspected_on_its_own() -> None:
    assert events(
        "The Virtual School was praised at the Ofsted inspection in February 2023, when children's services were "
        "rated outstanding."
    ) == {("ilacs", "2023-02", "outstanding")}


def test_a_school_is_still_another_service() -> None:
    assert events("St Mary's Primary School was rated good by Ofsted in a report published in June 2022.") == {
        ("other", "2022-06", "good")
    }


# 4. partner agencies


def test_a_gp_practice_rated_by_the_cqc_is_another_service() -> None:
    assert events("The GP practice was rated good by the CQC in January 2024.") == {("other", "2024-01", "good")}


def test_a_police_force_s_peel_inspection_is_another_service() -> None:
    found = events("Surrey Police was judged good at keeping people safe in its PEEL inspection in 2022.")
    assert {kind for kind, _, _ in found} == {"other"}


# 5. another council


@pytest.mark.parametrize(
    ("text", "when", "grade"),
    [
        (
            "Neighbouring Hampshire was rated outstanding by Ofsted in 2022, and Surrey is learning from its approach.",
            "2022",
            "outstanding",
        ),
        ("Our statistical neighbour Hertfordshire received an inadequate judgement in 2019.", "2019", "inadequate"),
        (
            "The council has been paired with Essex County Council, whose children's services were rated outstanding "
            "in 2021.",
            "2021",
            "outstanding",
        ),
        (
            "Mr Smith joins from Kent County Council, where children's services were rated outstanding in 2022.",
            "2022",
            "outstanding",
        ),
        ("Across the region, Hampshire and Kent councils were both judged good by Ofsted in 2022.", "2022", "good"),
        (
            "Lancashire County Council was inspected in June 2023 and rated requires improvement to be good.",
            "2023-06",
            "requires-improvement",
        ),
        (
            "The interim director, who oversaw Lancashire County Council's ILACS inspection in 2023, starts in January.",
            "2023",
            None,
        ),
    ],
)
def test_another_council_s_inspection_is_not_the_page_council_s(text: str, when: str, grade: str | None) -> None:
    assert events(text) == {("other", when, grade)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Surrey County Council was inspected in June 2023 and rated good.", {("ilacs", "2023-06", "good")}),
        ("Surrey County Council's ILACS inspection in March 2023 rated services good.", {("ilacs", "2023-03", "good")}),
        (
            "Surrey's children's services were rated good in March 2023; by comparison, Lancashire County Council was "
            "rated inadequate in 2022.",
            {("ilacs", "2023-03", "good"), ("other", "2022", "inadequate")},
        ),
    ],
)
def test_the_page_council_s_own_inspection_stays_its_own(text: str, expected: set) -> None:
    assert events(text) == expected


# 6. a grade hoped for


def test_a_grade_aimed_at_is_no_grade_of_the_planned_inspection() -> None:
    assert events("Achieving a good judgement at the 2025 inspection is a corporate priority.") == {
        ("ilacs", "2025", None)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our priority is improving outcomes; children's services were judged to be good in March 2023.",
            {("ilacs", "2023-03", "good")},
        ),
        (
            "The council's target, after it was found to be inadequate in 2019, was a rapid recovery.",
            {("ilacs", "2019", "inadequate")},
        ),
        (
            "The council aims to build on the inspection in March 2023, which found services to be good.",
            {("ilacs", "2023-03", "good")},
        ),
        (
            "By achieving 'outstanding' once again in 2025, the service has shown its strength.",
            {("ilacs", "2025", "outstanding")},
        ),
    ],
)
def test_a_grade_given_beside_an_aim_stays(text: str, expected: set) -> None:
    assert events(text) == expected
