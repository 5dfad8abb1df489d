"""A grade given to a place by its name: "Ofsted rated Anyshire good" (issue 14, class J2 in general form; stop 34).

The judging frames read "rated it good", "rated the council good" and "rated Anyshire as good"; a place named right
before the grade, with no "as", was read by none of them, so the event lost its grade (or, with no other cue, was not
found at all). Every text is made up in the style of council news."""

from __future__ import annotations

import pytest

from .conftest import extract_text

URL = "https://www.anyshire.gov.uk/news/1"


def events(text: str) -> list[tuple[str, str | None, str | None]]:
    x = extract_text("Anyshire County Council\n\n" + text + "\n", url=URL)
    return [(i.kind, i.start.iso() if i.start else None, i.judgement) for i in x.inspections]


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ("Ofsted rated Anyshire good in January 2022.", "good"),
        ("Inspectors rated Anyshire outstanding in January 2022.", "outstanding"),
        ("The inspection in January 2022 rated Anyshire County Council good.", "good"),
        ("In January 2022 Ofsted’s inspection of children’s social care rated Anyshire good.", "good"),
        ("The inspection in January 2022 judged Anyshire inadequate overall.", "inadequate"),
        ("The January 2022 inspection rated Anyshire requires improvement to be good.", "requires-improvement"),
    ],
)
def test_a_place_named_before_its_grade(sentence, grade):
    assert ("ilacs", "2022-01", grade) in events(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a judgement area named in capitals is no place: its grade is the area's, not the inspection's
        "In January 2022 inspectors rated Leadership good and Help and Protection requires improvement.",
        "The inspection in January 2022 rated Experiences and Progress of Children in Care good.",
    ],
)
def test_an_area_in_capitals_is_no_place(sentence):
    assert all(grade is None for _, _, grade in events(sentence)), events(sentence)
