"""Posts read from the structure they stand in, not only from a list of head words (issue 14, round 19; probes in
bench/probes/posts.md, rows P1-P60).

The general gaps the probes found: a title whose noun no word list holds, told by a word of rank before a noun of
agency ("Independent Reviewer", "senior coroner", "chief whip"); a participle before a post's head ("chief operating
officer"); "councillor" after a word of rank ("executive councillor for …"); a phrase of two words naming what a post
is for ("looked after children"); a title word opening a sentence before a post ("Virtual School Head Jo Example
said"); a noun tied to a named body or a service by "of"/"for" ("principal of Anytown College"); and, in a list
parted by semicolons, what follows a comma inside an item describes the person before it ("Cllr Jo Example,
Northfield Ward; …"), it is no second person; a councillor's bracket of party, ward and post ("(Labour, Northfield,
shadow portfolio for children's services)"); "is" between a definite post and its holder ("The council's new
Director of Children's Services is Jo Example", "the chair of the panel is Jo Example"); lower-case words of posts
before a predicate's head ("is the council's designated safeguarding lead"); the party that runs a council before its
possessive ("the Lib Dem-run council's cabinet member for …"). Every text is made up."""

from __future__ import annotations

import pytest

from .conftest import extract_text, news_people

MINUTES_HEAD = (
    "Anyshire County Council\nChildren and Young People Scrutiny Committee\nMinutes of the meeting held on "
    "12 March 2024\n\n"
)
MINUTES_URL = "https://democracy.anyshire.gov.uk/mgIssueHistoryHome.aspx?IId=1"


def minutes_people(text: str) -> dict[str, str | None]:
    x = extract_text(MINUTES_HEAD + text + "\n\nEnds\n", url=MINUTES_URL)
    return {p.name: p.post for p in x.people}


@pytest.mark.parametrize(
    ("sentence", "name", "post"),
    [
        # a word of rank before a noun of agency no list holds
        (
            "Marcus Tennant, independent reviewer of the local child safeguarding practice review, said lessons were clear.",
            "Marcus Tennant",
            "independent reviewer of the local child safeguarding practice review",
        ),
        (
            "Cllr Dilys Probert, chief whip of the Labour group, said the vote would be close.",
            "Dilys Probert",
            "chief whip of the Labour group",
        ),
        (
            "Hugo Fairbrass, senior coroner for Anyshire, opened the inquest on Tuesday.",
            "Hugo Fairbrass",
            "senior coroner for Anyshire",
        ),
        ("Wendy Allcock, the county's high sheriff, presented the awards.", "Wendy Allcock", "high sheriff"),
        # a participle before a known head
        (
            "Omar Lindqvist, the trust's chief operating officer, said the budget was balanced.",
            "Omar Lindqvist",
            "chief operating officer",
        ),
        # councillor after a word of rank, with its portfolio
        (
            "Cllr Bethan Rowlands, executive councillor for children's services, said the council would act.",
            "Bethan Rowlands",
            "executive councillor for children's services",
        ),
        # a bound phrase of what the post is for
        (
            "Cllr Gemma Tolley, champion for looked after children, said the pledge would be renewed.",
            "Gemma Tolley",
            "champion for looked after children",
        ),
        # a noun tied to a named body
        (
            "Dr Rosalind Achebe, principal of Anytown College, said the new course would help care leavers.",
            "Rosalind Achebe",
            "principal of Anytown College",
        ),
    ],
)
def test_post_without_a_listed_head_word(sentence: str, name: str, post: str) -> None:
    assert news_people(sentence).get(name) == post


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Marcus Tennant (Independent Reviewer) presented the findings of the review.",
            "Marcus Tennant",
            "Independent Reviewer",
        ),
        (
            "Also present: Wendy Allcock – Senior Coroner; Omar Lindqvist – Chief Whip",
            "Wendy Allcock",
            "Senior Coroner",
        ),
        ("Also present: Wendy Allcock – Senior Coroner; Omar Lindqvist – Chief Whip", "Omar Lindqvist", "Chief Whip"),
    ],
)
def test_capitalised_title_told_by_its_rank(text: str, name: str, post: str) -> None:
    assert minutes_people(text).get(name) == post


def test_title_word_opening_a_sentence_before_a_post() -> None:
    assert news_people("Virtual School Head Lucy Marchetti said attainment had risen.") == {
        "Lucy Marchetti": "Virtual School Head"
    }


def test_ward_after_a_comma_in_a_semicolon_list_is_no_person() -> None:
    found = minutes_people("Present: Cllr Gemma Tolley, Northfield Ward; Cllr Dilys Probert, Anytown Central Ward")
    assert found == {"Gemma Tolley": None, "Dilys Probert": None}


@pytest.mark.parametrize(
    ("sentence", "name", "post"),
    [
        (
            "Cllr Jane Exley (Labour, Northfield, shadow portfolio for children's services) said the report was fair.",
            "Jane Exley",
            "shadow portfolio for children's services",
        ),
        (
            "Cllr Jane Exley (Con, Cabinet Member for Children, Young People and Education) said the report was fair.",
            "Jane Exley",
            "Cabinet Member for Children, Young People and Education",
        ),
        (
            "The council's new Director of Children's Services is Marcus Tennant, who joins from a neighbouring authority.",
            "Marcus Tennant",
            "Director of Children's Services",
        ),
        ("The chair of the panel is Marcus Tennant, who was appointed in May.", "Marcus Tennant", "chair of the panel"),
        (
            "Marcus Tennant is the council's designated safeguarding lead for schools.",
            "Marcus Tennant",
            "designated safeguarding lead for schools",
        ),
        (
            "Cllr Gemma Tolley, the Lib Dem-run council's cabinet member for children, said the findings were fair.",
            "Gemma Tolley",
            "cabinet member for children",
        ),
        (
            "Wendy Allcock, head of service for children looked after, said more foster carers were needed.",
            "Wendy Allcock",
            "head of service for children looked after",
        ),
    ],
)
def test_post_read_from_its_structure(sentence: str, name: str, post: str) -> None:
    assert news_people(sentence).get(name) == post


# ---------------------------------------------------------------------------------------------- negatives


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Julie Dixon, a former pupil of Anytown College, said the course changed her life.", "Julie Dixon"),
        ("Peter Holt, of Barnardo's, said the charity was pleased.", "Peter Holt"),
        ("Julie Dixon, from Anytown, said the scheme had changed her life.", "Julie Dixon"),
        ("Cllr Alison Reed, councillor for Northfield ward, said the closure was wrong.", "Alison Reed"),
        ("Cllr Alison Reed, Labour councillor, said the closure was wrong.", "Alison Reed"),
        ("Arthur Penhale, senior citizen, said the bus service mattered.", "Arthur Penhale"),
        ("Cllr Tom Bradley (Independent) said the closure was wrong.", "Tom Bradley"),
        ("Cllr Jane Exley (Lib Dem, Northfield) said the report was fair.", "Jane Exley"),
        ("Cllr Dilys Probert (Ind, Anytown East) asked for a recorded vote.", "Dilys Probert"),
        ("Marcus Tennant is a care leaver who now mentors others.", "Marcus Tennant"),
        # a rank before a noun of no office ("-ent": resident, student, parent) is a description
        ("Julie Dixon, a senior resident of the estate, said she was worried.", "Julie Dixon"),
        ("Peter Holt, a senior student at Anytown College, said the course helped.", "Peter Holt"),
    ],
)
def test_no_post(sentence: str, name: str) -> None:
    assert news_people(sentence) == {name: None}


def test_a_rank_before_a_thing_is_no_post() -> None:
    x = extract_text(
        "Anyshire County Council news\n\nThe plan had support from Senior Management across the council.\n",
        url="https://www.anyshire.gov.uk/news/1",
    )
    assert not x.people
    assert "Senior Management" not in {p.title for p in x.posts}


def test_is_after_a_title_before_no_name() -> None:
    assert news_people("The director of children's services is Anyshire's biggest critic of the plan.") == {}


def test_people_after_commas_in_a_semicolon_list_stay_people() -> None:
    found = minutes_people("Present: Cllr Gemma Tolley, Cllr Dilys Probert; Officers: Kit Sample, Ann Exley")
    assert {"Gemma Tolley", "Dilys Probert", "Kit Sample", "Ann Exley"} <= set(found)
