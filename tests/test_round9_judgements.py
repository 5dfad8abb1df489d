"""Stop 28: a dated grade given as a rating's modifier, and places on Ofsted's four-point scale named instead of a
grade (made-up news text)."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text, inspection_rows


def _events(sentence: str) -> set[tuple[str, str, str | None, str | None]]:
    x = extract_text(sentence, url="https://www.anyshire.gov.uk/news/1", published=PartialDate(2023, 9, 1))
    return inspection_rows(x)


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("In July 2023, Anyshire Council’s children’s services were given an inadequate Ofsted rating.", "inadequate"),
        ("In July 2023, Anyshire Council’s children’s services received an inadequate Ofsted rating.", "inadequate"),
        ("In July 2023, Anyshire Council’s children’s services were awarded the top Ofsted rating.", "outstanding"),
        ("In July 2023, Anyshire’s children’s services were handed a good Ofsted rating.", "good"),
    ],
)
def test_a_dated_rating_the_services_were_given_is_an_event(sentence, grade):
    assert _events(sentence) == {("ilacs", "2023-07", None, grade)}


@pytest.mark.parametrize(
    ("place", "grade"),
    [
        ("the second worst", "requires-improvement"),
        ("the second lowest", "requires-improvement"),
        ("the second-highest", "good"),
        ("the second best", "good"),
        ("the lowest", "inadequate"),
        ("the best possible", "outstanding"),
    ],
)
def test_a_place_on_the_four_point_scale_is_its_grade(place, grade):
    sentence = f"In July 2023, Anyshire Council’s children’s services were given {place} Ofsted rating."
    assert _events(sentence) == {("ilacs", "2023-07", None, grade)}


def test_a_councils_name_with_and_in_it_is_one_subject():
    sentence = (
        "In July 2023, Barking and Dagenham Council’s children’s services were given the second worst Ofsted rating."
    )
    assert _events(sentence) == {("ilacs", "2023-07", None, "requires-improvement")}


@pytest.mark.parametrize(
    "sentence",
    [
        "It is in the best interests of children that the plan goes ahead in July 2023.",
        "In July 2023, children were given the best support the council could offer.",
    ],
)
def test_best_that_names_no_place_on_the_scale_is_no_grade(sentence):
    assert all(judgement is None for *_, judgement in _events(sentence))


def test_a_place_on_the_scale_after_a_possessive():
    sentence = "Anyshire Council, which was given Ofsted's lowest rating in 2015, has improved."
    assert _events(sentence) == {("sif", "2015", None, "inadequate")}


@pytest.mark.parametrize(
    "text",
    [
        "Anyshire Council, which had been given Ofsted's lowest judgment in 2015, is now rated as "
        "“requires improvement” overall by inspectors.",
        "Anyshire Council was rated inadequate in 2015. The council is now rated good.",
    ],
)
def test_an_undated_grade_leaves_the_grade_an_event_took_with_its_own_date(text):
    assert _events(text) == {("sif", "2015", None, "inadequate")}


def test_an_undated_grade_still_goes_to_the_latest_event_that_has_none():
    text = "Ofsted inspected Anyshire’s children’s services in March 2023. Services were rated good."
    assert _events(text) == {("ilacs", "2023-03", None, "good")}


@pytest.mark.parametrize(
    "text",
    [
        "In 2012, safeguarding and looked after children's services at Anyshire were rated 'outstanding'.",
        "During 2012, the children’s social care services of Anyshire County Council were judged outstanding.",
    ],
)
def test_a_date_fronted_in_its_sentence_dates_the_grade_however_long_the_subject(text):
    assert {(start, judgement) for _, start, _, judgement in _events(text)} == {("2012", "outstanding")}


def test_a_fronted_date_does_not_reach_into_a_second_clause():
    text = "In 2012, the council opened a new centre, and its services were rated good by parents."
    assert _events(text) == set()
