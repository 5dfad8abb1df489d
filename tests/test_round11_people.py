"""Stop 29: people and posts (made-up news and minutes text).

A venue, company or blog named after a person is no person; a post written in the plural for several people is held
by each in the singular.
"""

from __future__ import annotations

import pytest

from caregraph.pipeline.extract.names import singular
from caregraph.records import PartialDate

from .conftest import extract_text

URL = "https://www.anyshire.gov.uk/news/1"
WHEN = PartialDate(2022, 9, 1)


def _people(text: str) -> set[tuple[str, str | None]]:
    x = extract_text("Anyshire Council news\n\n" + text, url=URL, published=WHEN)
    return {(p.name, p.post) for p in x.people}


@pytest.mark.parametrize(
    "text",
    [
        "Venue: Kit Example Conference Suite, Central Library, Anytown AB1 2CD",
        "She is a Director of the Anyshire Homes Sample Company Limited (with regard to Agenda Item 5).",
        "Cllr Example Blog",
        "The event is at the Jo Sample Building on the Anytown Campus.",
    ],
)
def test_a_venue_company_or_blog_named_after_a_person_is_no_person(text):
    assert not {name for name, _ in _people(text)} & {
        "Kit Example Conference Suite",
        "Anyshire Homes Sample Company Limited",
        "Sample Company Limited",
        "Example Blog",
        "Jo Sample Building",
    }


def test_a_person_named_beside_a_venue_is_still_one():
    people = _people("Councillor Kit Example opened the Conference Suite at the Central Library on Monday.")
    assert ("Kit Example", None) in people


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("Ofsted inspectors", "Ofsted inspector"),
        ("Her Majesty’s Inspectors", "Her Majesty’s Inspector"),
        ("Appointed Members", "Appointed Member"),
        ("Senior Social Workers", "Senior Social Worker"),
        ("Parent governors", "Parent governor"),
        ("Business Witnesses", "Business Witness"),
        ("Heads of Service", "Heads of Service"),  # not plural at its end: left as written
    ],
)
def test_singular_of_a_post_written_in_the_plural(plural, one):
    assert singular(plural) == one


def test_a_plural_title_before_two_names_is_each_ones_in_the_singular():
    people = _people("Ofsted inspectors Ann Tester and Kit Sample visited Anyshire children’s services last month.")
    assert people == {("Ann Tester", "Ofsted inspector"), ("Kit Sample", "Ofsted inspector")}
