"""Round 12b: inspections and judgements (made-up council-paper and news text).

1. A visit of no stated kind that the sentence grades overall ("upgraded to 'good' after the visit from the
   inspectorate in May", "The 'inadequate' verdict followed visits in May and June 2023") is an inspection of the
   framework in force then: focused and monitoring visits give no overall grade.
2. A date a sentence opens on with "On" dates the judging verb after it ("On 12 May 2015, Ofsted judged …").
3. A grade's date in a relative clause after it ("from 'good', which was awarded in 2017").
4. A council called "former" is the predecessor whose inspections the page counts as its own ("the former Anyshire
   County Council was judged 'inadequate' in 2015").
"""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text, inspection_rows

PAGE_DATE = PartialDate(2018, 6, 13)


def _events(text: str, published: PartialDate | None = PAGE_DATE) -> set[tuple[str, str, str | None, str | None]]:
    x = extract_text(text, url="https://www.anyshire.gov.uk/news/1", published=published)
    return inspection_rows(x)


# ------------------------------------------------------------------------------------------------ 1. graded visits


def test_a_visit_from_the_inspectorate_graded_overall_is_an_inspection():
    text = (
        "Anyshire Council's children's services have been upgraded to \"good\" overall after the visit from the "
        "inspectorate which took place in April and May this year.\n"
    )
    assert _events(text) == {("ilacs", "2018-04", "2018-05", "good")}


def test_visits_a_grade_followed_are_an_inspection():
    text = (
        "The council's children's services were rated 'inadequate' following visits in November 2022 and "
        "January 2023, with inspectors finding serious weaknesses.\n"
    )
    assert _events(text, PartialDate(2023, 3, 10)) == {("ilacs", "2022-11", "2023-01", "inadequate")}


def test_an_ungraded_visit_is_no_inspection():
    text = "Councillors thanked staff after the visit from the inspectorate which took place in April this year.\n"
    assert _events(text) == set()


def test_a_visit_to_a_school_graded_is_no_inspection_of_the_council():
    text = "Oakfield Primary School was rated 'good' following a visit in March 2018.\n"
    assert ("ilacs", "2018-03", None, "good") not in _events(text)


# ------------------------------------------------------------------------------------------------ 2. "On <date>,"


@pytest.mark.parametrize(
    "sentence",
    [
        "On 12 May 2015, Ofsted judged the council 'inadequate' for the second time.",
        "On 12 May 2015 inspectors rated the council's children's services inadequate.",
    ],
)
def test_a_day_the_sentence_opens_on_dates_the_judging_verb(sentence):
    assert _events(sentence) == {("sif", "2015-05-12", None, "inadequate")}


def test_on_a_day_a_body_met_no_grade_is_dated():
    text = "On 12 May 2015, the panel noted that the service had been rated inadequate.\n"
    assert ("sif", "2015-05-12", None, "inadequate") not in _events(text)


# ------------------------------------------------------------------------------------------------ 3. relative clause


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors have raised the council's rating from 'good', which was awarded in 2014.",
        'The service moved up from "requires improvement", which it was given in 2014.',
    ],
)
def test_a_grade_dated_in_a_relative_clause_after_it(sentence):
    rows = _events(sentence)
    assert any(r[1] == "2014" and r[3] in ("good", "requires-improvement") for r in rows), rows


def test_a_relative_clause_dating_something_else_dates_no_grade():
    text = "Services were rated 'good', which was a relief to the board that met in 2014.\n"
    assert not any(r[1] == "2014" for r in _events(text))


# ------------------------------------------------------------------------------------------------ 4. former council


def test_the_former_council_is_the_predecessor():
    text = (
        "West Northamptonshire Council's children's services rated good\n\n"
        "West Northamptonshire Council's children's services were rated good by Ofsted.\n\n"
        "Children's services at the former Northamptonshire County Council were judged as 'inadequate' in 2015.\n"
    )
    x = extract_text(text, url="https://www.westnorthants.gov.uk/news/1", published=PAGE_DATE)
    assert ("sif", "2015", None, "inadequate") in inspection_rows(x)


def test_a_neighbouring_council_stays_another_council():
    text = (
        "West Northamptonshire Council's children's services rated good\n\n"
        "West Northamptonshire Council's children's services were rated good by Ofsted.\n\n"
        "Children's services at neighbouring Leicestershire County Council were judged as 'inadequate' in 2015.\n"
    )
    x = extract_text(text, url="https://www.westnorthants.gov.uk/news/1", published=PAGE_DATE)
    assert ("sif", "2015", None, "inadequate") not in inspection_rows(x)


def test_graded_visits_before_an_earlier_inspection_named_after_them():
    text = (
        "The ‘inadequate’ verdict was delivered by Ofsted following visits in November 2022 and January 2023, with "
        "inspectors finding a decline since its last full inspection in 2017, when it was rated ‘good’.\n"
    )
    rows = _events(text, PartialDate(2023, 3, 10))
    assert ("ilacs", "2022-11", "2023-01", "inadequate") in rows
    assert ("sif", "2017", None, "good") in rows


def test_a_visit_before_a_grade_dated_otherwise_is_not_graded():
    text = (
        "Following a visit in May inspectors found that leaders had strengthened services since Ofsted inspectors "
        'graded them as "inadequate" overall in December 2015.\n'
    )
    assert ("ilacs", "2018-05", None, "inadequate") not in _events(text)
