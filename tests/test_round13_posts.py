"""Round 13: people's posts (made-up news and minutes text).

A post held "at" a named school, academy or trust is the post with its body (as "at" a council), and "of the
governing body" goes on over its participle; a post ends before "and" that opens the next predicate ("… appointed chair
and set out his expectations"), before "both", "jointly" or "until", and before a comma and a part with a number
("…, Agenda item 4"); "was made" a post names it, after a place's possessive too ("was made Anyshire's director
of …"); "the appointment of the ‘experienced’ X as …" passes over a quoted word.
"""

from __future__ import annotations

import pytest

from .conftest import news_people as _people
from .conftest import panel_minutes


def _minutes_people(*lines: str) -> dict[str, str | None]:
    return {p.name: p.post for p in panel_minutes(*lines).people}


@pytest.mark.parametrize(
    ("line", "name", "post"),
    [
        (
            "Councillor Jo Sample declared a personal interest as the chair of governors at the Anyvale Primary"
            " Academy.",
            "Jo Sample",
            "chair of governors at the Anyvale Primary Academy",
        ),
        (
            "Councillor Pat Example declared a non-pecuniary interest as she is Vice-Chair of the governing body at"
            " Westbrook Infant School.",
            "Pat Example",
            "Vice-Chair of the governing body at Westbrook Infant School",
        ),
        (
            "Councillor Lee Sample declared an interest as he is a trustee of the Anyshire Learning Trust.",
            "Lee Sample",
            None,  # "a trustee": a membership in lower case is no post
        ),
    ],
)
def test_a_post_declared_at_a_named_body_keeps_the_body(line: str, name: str, post: str | None) -> None:
    assert _minutes_people(line).get(name, "missing") == post


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Former chief executive of Otherton Council, Kit Example, has been appointed chair and set out his"
            " expectations of the board in March.",
            "Kit Example",
            "chair",
        ),
        (
            "Cllr Ann Sample (Lab), leader of Anyshire Council (AC), and Cllr Bo Example (Con), leader of Otherton"
            " Council (OC) both raised concerns at the joint meeting.",
            "Bo Example",
            "leader of Otherton Council",
        ),
        (
            "Members read the report by Dee Sample, Policy and Scrutiny Officer, Agenda item 4, page 4.",
            "Dee Sample",
            "Policy and Scrutiny Officer",
        ),
        ("Jo Sample was chief executive until 2019, when she retired.", "Jo Sample", "chief executive"),
        (
            "Ann Example was made Anyshire's director of children's services and a monitoring visit in January found"
            " improvements.",
            "Ann Example",
            "director of children's services",
        ),
    ],
)
def test_a_post_ends_before_the_clause_goes_on(text: str, name: str, post: str) -> None:
    assert _people(text).get(name) == post


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Ann Example was made Anyshire's director of children's services in 2020 and a monitoring visit found"
            " improvements.",
            "Ann Example",
            "director of children's services",
        ),
        (
            "Kit Sample was made chair of the improvement board last year.",
            "Kit Sample",
            "chair of the improvement board",
        ),
        (
            "The inspector notes the appointment of the ‘experienced’ Jo Sample as director of children’s services"
            " in 2024.",
            "Jo Sample",
            "director of children’s services",
        ),
    ],
)
def test_a_post_in_a_predicate(text: str, name: str, post: str) -> None:
    assert _people(text).get(name) == post


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kit Example was made aware of the director's concerns in May.", "Kit Example"),
        ("Jo Sample was made welcome by the chair of the panel.", "Jo Sample"),
    ],
)
def test_made_without_a_post_names_none(text: str, name: str) -> None:
    assert _people(text).get(name, "missing") in {None, "missing"}


def test_a_subject_in_the_possessive_is_the_posts_own() -> None:
    """'Children's' before a head is the post's word, not a place's possessive the predicate passes over."""
    people = _people("He said that Kit Example had been appointed by the DfE as Children's Commissioner in May.")
    assert people["Kit Example"] == "Children's Commissioner"


def test_a_post_of_subjects_joined_by_and_keeps_them() -> None:
    """'and' before a subject word or a lower-case post word goes on ('for children and families')."""
    people = _people("Cllr Jo Sample, cabinet member for children and families, said the report was welcome.")
    assert people["Jo Sample"] == "cabinet member for children and families"
