"""Round 21, posts: layouts and phrasings of news copy that tie a title to a name (made-up text).

- a word before a post that says when its holder took it up is no part of it ("new director", "his new chief
  executive, …"); "interim" and "acting" are;
- "councillor" in lower case between a post and a name is the honorific, not the post's head ("executive member
  for children's services councillor Jo Example");
- a word before "member" that is both a modifier and a head ("executive member") does not cut the title;
- a title set off before a name and a reporting verb ("the leader of the Labour group, Lee Example, called for …");
- a proper name that opens a sentence runs on into the title's capitalised modifiers ("Anyford Valley MP Jo
  Example"), an adverb opening the sentence does not; an initialism after a name ("Jo Example MP") gives way to
  the same said later with what qualifies it ("Anyford Valley MP Jo Example");
- a title set off before a party, a ward and a lower-case "councillor" ("…, Labour Westbury councillor Jo Example,
  was absent");
- a list label whose head a word sets apart ("Non Members:", "Other Members:") gives its people no post.
"""

from __future__ import annotations

import pytest

from .conftest import news_people, panel_minutes


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "The inspector praised the energy shown since the appointment of new director Mel Example last year.",
            "Mel Example",
            "director",
        ),
        (
            "The leader alerted his new chief executive, Kit Sample, almost as soon as he arrived.",
            "Kit Sample",
            "chief executive",
        ),
        (
            "Our executive member for children's services councillor Chris Sample has confirmed the break clause.",
            "Chris Sample",
            "executive member for children's services",
        ),
        (
            "The lead member for education councillor Kit Example said the plan was sound.",
            "Kit Example",
            "lead member for education",
        ),
        (
            "As the report was debated, the leader of the council's Labour group, Lee Example, called for an apology.",
            "Lee Example",
            "leader of the council's Labour group",
        ),
        (
            "Anyford Valley MP Thelma Example has now said that she will hold the council to account.",
            "Thelma Example",
            "Anyford Valley MP",
        ),
        ('Westbury Labour MP Barry Example said: "There is no excuse."', "Barry Example", "Westbury Labour MP"),
        (
            "He was disappointed the executive member for children's health, Labour Westbury councillor Mahmood"
            " Example, was absent from the meeting.",
            "Mahmood Example",
            "executive member for children's health",
        ),
        (
            "Thelma Example MP.\n\nAnyford Valley MP Thelma Example has now said that she will act.",
            "Thelma Example",
            "Anyford Valley MP",
        ),
        (
            "The Ridings' executive member for schools Ann Example said so.",
            "Ann Example",
            "Ridings' executive member for schools",
        ),
    ],
)
def test_post_of_a_name(text: str, name: str, post: str) -> None:
    assert news_people(text).get(name) == post


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # "interim", "acting" say what the post is as held; a Permanent Secretary is one
        ("Interim director Jo Example said the service had improved.", "Jo Example", "Interim director"),
        ("The Permanent Secretary Jo Example wrote to the council.", "Jo Example", "Permanent Secretary"),
        # "councillor" after a party is the honorific and no post
        ("Labour councillor Tom Sample said it was poor.", "Tom Sample", None),
        # an adverb or a day opening the sentence is no part of the title
        ("Meanwhile Labour MP Jo Example said the figures were worrying.", "Jo Example", "Labour MP"),
        ("Yesterday Labour MP Jo Example said the figures were worrying.", "Jo Example", "Labour MP"),
        ("Separately Labour MP Jo Example said the figures were worrying.", "Jo Example", "Labour MP"),
    ],
)
def test_guards(text: str, name: str, post: str | None) -> None:
    assert news_people(text).get(name, "absent") == post


def test_list_label_set_apart_is_no_post() -> None:
    x = panel_minutes(
        "Present: Councillors Holt (Chair), Lowe and Brook.",
        "Non Members: Councillors Grey, Mrs Herdson and Mrs Knight.",
        "Other Members: Councillors Dale and Webb.",
        "Cabinet Members: Councillors Ann Example and Jo Sample.",
    )
    posts = {p.name: p.post for p in x.people}
    assert posts["Grey"] is None and posts["Herdson"] is None and posts["Knight"] is None
    assert posts["Dale"] is None and posts["Webb"] is None
    # guard: a post in the plural still labels its people
    assert posts["Ann Example"] == posts["Jo Sample"] == "Cabinet Member"
    assert posts["Holt"] == "Chair"


def test_guard_member_of_the_public_with_auxiliary() -> None:
    assert news_people("A member of the public, Jo Example, was angry.").get("Jo Example", "absent") is None
