"""Round 21 (helper insp): inspections and judgements as councils and local news write them on pages the rules were
not written from. An inspection a body "was subject to" (past, not a condition); "inspectors reviewed services";
findings of "watchdogs" (plural) at a fronted year; a safeguarding partnership inspected (a JTAI); a report "published
on …, in relation to" a children's home (that home's); a grade stated beside "a decline since its last inspection"
(the news's grade, not the earlier event's); "progress on 2014 when it was rated …"; "the previous inspection in 2016
and subsequent revisit in 2018"; the LSCB's own dated grade (its review's entry); the date of a committee meeting
("scheduled to meet on …") and of a figure ("up from 190 in March 2017"), neither an inspection's; and a service
another verb has as object after the inspection ("the 2019 inspection praised the adoption service"). Made-up text in
the style of council news and papers; guards are near misses that must not be read."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text

URL = "https://www.anyshire.gov.uk/news/1"


def events(text: str, page: PartialDate | None = None) -> set[tuple[str, str, str | None]]:
    """(kind, start or "published:" date, judgement) of each inspection found in made-up news of Anyshire County
    Council dated ``page``."""
    x = extract_text("Anyshire County Council\n\n" + text + "\n", url=URL, published=page)
    out = set()
    for i in x.inspections:
        when = i.start.iso() if i.start else "published:" + i.published.iso() if i.published else "-"
        out.add((i.kind, when, i.judgement))
    return out


PAGE = PartialDate(2024, 6, 3)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Anyshire's children's services were subject to an Ofsted inspection from 4 to 15 March 2024.",
            {("ilacs", "2024-03-04", None)},
        ),
        (
            "The Anyshire Safeguarding Children Partnership was subject to an inspection from 22 January to 2 February "
            "2024.",
            {("jtai", "2024-01-22", None)},
        ),
        ("The Anyshire Safeguarding Partnership was inspected in March 2024.", {("jtai", "2024-03", None)}),
    ],
)
def test_was_subject_to_an_inspection_is_an_event(text: str, want: set) -> None:
    assert events(text, PAGE) == want


@pytest.mark.parametrize(
    "text",
    [
        "Any council that is subject to an inspection in 2025 must publish an action plan.",
        "The service would be subject to an inspection in 2025 if progress stalls.",
    ],
)
def test_subject_to_as_a_condition_is_no_event(text: str) -> None:
    assert events(text, PAGE) == set()


def test_inspectors_reviewed_services() -> None:
    text = "Last year Ofsted inspectors reviewed services for vulnerable children in Anyshire and judged them good."
    assert events(text, PartialDate(2019, 6, 3)) == {("ilacs", "2018", "good")}


def test_inspectors_reviewing_a_plan_is_no_inspection() -> None:
    assert events("Ofsted inspectors reviewed the improvement plan in March 2024.", PAGE) == set()


def test_plural_watchdogs_at_a_fronted_year() -> None:
    text = "In 2021, watchdogs said the front door had been transformed."
    assert events(text, PAGE) == {("other", "2021", None)}


def test_a_report_in_relation_to_a_childrens_home_is_the_homes() -> None:
    text = "Members noted the Ofsted inspection report published on 27 March 2024, in relation to a children's home."
    assert events(text, PAGE) == {("other", "published:2024-03-27", None)}


def test_a_report_in_relation_to_childrens_services_stays_the_councils() -> None:
    text = "Members noted the Ofsted inspection report published on 27 March 2024, in relation to children's services."
    assert events(text, PAGE) == {("ilacs", "published:2024-03-27", None)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Children's services have been rated inadequate by Ofsted, with inspectors reporting a decline in the "
            "quality of services since its last full inspection in 2017.",
            {("sif", "2017", None)},
        ),
        (
            "Children's services are now rated inadequate, a fall since the previous inspection in 2016.",
            {("sif", "2016", None)},
        ),
    ],
)
def test_a_grade_beside_since_the_last_inspection_is_not_that_inspections(text: str, want: set) -> None:
    assert events(text, PartialDate(2019, 6, 3)) == want


@pytest.mark.parametrize(
    "text",
    [
        "Services have improved since the last inspection in 2016, when they were rated inadequate.",
        "Children's services have remained inadequate since the last inspection in 2016.",
    ],
)
def test_a_grade_of_the_last_inspection_stays_its_own(text: str) -> None:
    assert events(text, PartialDate(2019, 6, 3)) == {("sif", "2016", "inadequate")}


@pytest.mark.parametrize(
    "text",
    [
        "Services were rated good, marking progress on 2014 when they were rated inadequate.",
        "Services were rated good, an improvement on 2014, when they were rated inadequate.",
    ],
)
def test_a_year_a_when_clause_grades(text: str) -> None:
    assert events(text, PartialDate(2019, 6, 3)) == {("sif", "2014", "inadequate")}


def test_a_later_visit_sharing_the_first_determiner() -> None:
    text = "It marks progress since the previous SEND inspection in 2016 and subsequent revisit in 2018."
    assert events(text, PAGE) == {("send-area", "2016", None), ("send-area", "2018", None)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Ofsted rated the area’s Local Safeguarding Children Board ‘inadequate’ in 2016 but it has since acted "
            "on its recommendations.",
            {("lscb-review", "2016", "inadequate")},
        ),
        ("The Local Safeguarding Children Board was judged good in 2015.", {("lscb-review", "2015", "good")}),
    ],
)
def test_the_lscbs_dated_grade_is_its_reviews(text: str, want: set) -> None:
    assert events(text, PAGE) == want


def test_the_lscbs_grade_beside_the_inspection_makes_no_second_entry() -> None:
    text = (
        "Children's services were judged inadequate in 2015 and the Local Safeguarding Children Board was judged good."
    )
    assert events(text, PAGE) == {("sif", "2015", "inadequate")}


@pytest.mark.parametrize(
    "text",
    [
        "The Children's Scrutiny Committee is scheduled to meet on Tuesday, 14 May 2024, to discuss the Ofsted "
        "inspection of children's services.",
        "The panel will meet again on 14 May 2024 to discuss the Ofsted inspection of children's services.",
    ],
)
def test_a_meetings_date_is_no_inspections(text: str) -> None:
    assert events(text, PartialDate(2024, 5, 1)) == set()


def test_a_figures_date_is_no_inspections() -> None:
    text = "When it was inspected, Anyshire was looking after 420 children, up from 380 in March 2017."
    assert events(text, PAGE) == set()


def test_a_figures_date_guard_a_day_range_after_a_line() -> None:
    text = "Published: 20 July 2022\n\nOn 15 and 16 June, Ofsted carried out a focused visit of children's services."
    assert events(text, PartialDate(2022, 7, 20)) == {("focused-visit", "2022-06-15", None)}


@pytest.mark.parametrize(
    "text",
    [
        "Children's services were rated good by Ofsted. Areas praised in the March 2019 inspection included adoption "
        "services.",
        "Children's services were rated good by Ofsted. The March 2019 inspection highlighted the fostering service.",
    ],
)
def test_a_service_another_verb_has_as_object_is_not_the_inspections(text: str) -> None:
    assert events(text, PartialDate(2019, 6, 3)) == {("ilacs", "2019-03", "good")}


def test_the_inspection_of_a_home_stays_the_homes() -> None:
    text = "The Ofsted inspection of Oak Lodge children's home in March 2019 rated it good."
    assert events(text, PartialDate(2019, 6, 3)) == {("other", "2019-03", "good")}
