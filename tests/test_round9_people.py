"""Stop 28: councillors written with any common abbreviation, and co-chairs (made-up news and minutes text).

The ways of writing "Councillor" live in one list (``councillor`` and ``councillors`` in rules/people.toml); every
pattern that looks for a councillor reads it.
"""

from __future__ import annotations

import re

import pytest

from caregraph.pipeline.extract.names import rules
from caregraph.records import PartialDate

from .conftest import extract_text

URL = "https://www.anyshire.gov.uk/news/1"
WHEN = PartialDate(2022, 9, 1)


def _people(text: str) -> set[tuple[str, str | None]]:
    x = extract_text("Anyshire Council news\n\n" + text, url=URL, published=WHEN)
    return {(p.name, p.post) for p in x.people}


@pytest.mark.parametrize("form", ["Councillor", "Cllr", "Cllr.", "Clr", "Clr.", "Coun", "Coun.", "County Councillor"])
def test_every_way_of_writing_councillor_is_an_honorific_not_part_of_the_name(form):
    said = f"{form} Erin Example, Cabinet Member for Children, said: “We welcome the report.”"
    assert _people(said) == {("Erin Example", "Cabinet Member for Children")}


@pytest.mark.parametrize("form", ["Councillors", "Cllrs", "Clrs", "Clrs."])
def test_every_way_of_writing_councillors_before_surnames(form):
    assert _people(f"{form} Example and Sample attended the meeting.") == {("Example", None), ("Sample", None)}


def test_the_councillor_patterns_read_the_one_list():
    single, plural = re.compile(f"(?:{rules().councillor})"), re.compile(f"(?:{rules().councillors})")
    assert all(single.fullmatch(w) for w in ("Clr", "Clr.", "Coun.", "County  Councillor"))
    assert all(plural.fullmatch(w) for w in ("Clrs", "Cllrs.", "County Councillors"))
    assert not single.fullmatch("Clerk") and not plural.fullmatch("Clerks")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Councillor Dawn Example, Anyshire Co-chair of the Education Policy Committee, said: “Good.”",
            {("Dawn Example", "Anyshire Co-chair of the Education Policy Committee")},
        ),
        (
            "Co-chair of the Anyshire Education Policy Committee, Councillor Mick Sample said: “Good.”",
            {("Mick Sample", "Co-chair of the Anyshire Education Policy Committee")},
        ),
        (
            "Councillor Dawn Example, Vice-chair of the Scrutiny Board, said: “Good.”",
            {("Dawn Example", "Vice-chair of the Scrutiny Board")},
        ),
        (
            "Councillor Dawn Example, Co-Chairman of the Corporate Parenting Panel, said: “Good.”",
            {("Dawn Example", "Co-Chairman of the Corporate Parenting Panel")},
        ),
    ],
)
def test_a_co_chair_or_vice_chair_with_a_small_c_is_a_post(text, expected):
    assert _people(text) == expected


def test_a_word_starting_co_is_no_chair():
    assert _people("Councillor Dawn Example, Cochrane Street resident, said: “Good.”") == {("Dawn Example", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a surname that names a country, with a post and a verb of speech beside it
            "Kersten England, Chief Executive of Anyshire Council, said: “There is work to do.”",
            {("Kersten England", "Chief Executive of Anyshire Council")},
        ),
        (  # the country in a post's title stays the title's
            "The Children's Commissioner for England Rachel Example said the report was clear.",
            {("Rachel Example", "Children's Commissioner for England")},
        ),
        ("Ofsted England said the report was clear.", set()),
    ],
)
def test_england_is_a_surname_only_where_the_evidence_says_so(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In response to questions from Councillors: das Neves, Hakata, Gordon and Cawley Harrison, it was noted:",
            {("das Neves", None), ("Hakata", None), ("Gordon", None), ("Cawley Harrison", None)},
        ),
        ("Councillors de Souza and van der Berg asked about the plan.", {("de Souza", None), ("van der Berg", None)}),
        ("Cllrs Example, le Sample and Tester attended.", {("Example", None), ("le Sample", None), ("Tester", None)}),
    ],
)
def test_a_surname_opening_with_its_particles_in_a_list_of_councillors(text, expected):
    assert _people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sarah Example was appointed as the director for the department last April.",
        "Sarah Example was appointed as the director for the department last year.",
        "Sarah Example was appointed as the director for the department this Spring.",
        "Sarah Example was appointed as the director for the department next January.",
    ],
)
def test_a_date_relative_to_the_page_is_no_part_of_a_predicates_post(text):
    assert _people(text) == {("Sarah Example", "director for the department")}


def test_a_capitalised_word_of_a_title_that_is_last_stays():
    text = "Sarah Example was appointed as Head of the Last Mile Service in May."
    assert _people(text) == {("Sarah Example", "Head of the Last Mile Service")}


@pytest.mark.parametrize(
    ("text", "post"),
    [
        (
            "“We are pleased,” said Coun Margaret Example, spokeswoman for children, young people and families.",
            "spokeswoman for children, young people and families",
        ),
        (
            "Cllr Margaret Example, spokesperson for children's services, said it was good.",
            "spokesperson for children's services",
        ),
        ("Cllr Margaret Example, spokesman for education, said it was good.", "spokesman for education"),
    ],
)
def test_a_spokesperson_in_lower_case_after_a_name_is_a_post(text, post):
    assert _people(text) == {("Margaret Example", post)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Before the meeting Michael Example stepped down as chairman of the children and young people’s select "
            "committee, announcing the news on his website.",
            ("Michael Example", "chairman of the children and young people’s select committee"),
        ),
        (
            "Kit Sample has resigned as Director of Children's Services.",
            ("Kit Sample", "Director of Children's Services"),
        ),
        ("Ann Example will retire as chief executive in May.", ("Ann Example", "chief executive")),
        ("Jo Example stood down as Leader of the Council last year.", ("Jo Example", "Leader of the Council")),
    ],
)
def test_the_post_a_person_leaves_is_their_post(text, expected):
    assert _people(text) == {expected}


def test_leaving_as_a_member_is_no_post():
    assert _people("Jo Example stepped down as a member of the panel.") == {("Jo Example", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The government appointed Sir Alan Example to oversee the recovery. Sir Alan noted a sense of denial.",
            {"Alan Example"},
        ),
        ("Dame Jo Example chairs the board. Dame Jo said it was good.", {"Jo Example"}),
        ("Sir Alan said it was good.", {"Alan"}),  # no fuller name on the page: as written
        (  # two people of that first name: which one is not told
            "Sir Alan Example and Alan Sample met. Sir Alan said it was good.",
            {"Alan Example", "Alan", "Alan Sample"},
        ),
    ],
)
def test_a_knight_or_dame_called_by_the_first_name_is_the_person_named_in_full(text, expected):
    assert {name for name, _ in _people(text)} == expected


def _minutes_people(text: str) -> set[tuple[str, str | None]]:
    x = extract_text(
        "Anyshire Council\nPeople Scrutiny Committee\n\n" + text, url="https://democracy.anyshire.gov.uk/x"
    )
    return {(p.name, p.post) for p in x.people}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Apologies for absence were received from K Example (Anyshire Association of Voluntary Services) "
            "(Co-opted Member) and O Sample (Anyshire Youth Council) (Observer).",
            {("K Example", "Co-opted Member"), ("O Sample", "Observer")},
        ),
        (
            "Present: Jo Example (Anyshire Parent Carer Forum) (Vice-Chair), Kit Sample (Anyshire Diocese).",
            {("Jo Example", "Vice-Chair"), ("Kit Sample", None)},
        ),
    ],
)
def test_a_post_in_a_second_bracket_after_the_body(text, expected):
    assert _minutes_people(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "(a) Councillors L Example, I Sample, A Tester and C Person (Cabinet Members) - Interest in the items.",
            {(n, "Cabinet Member") for n in ("L Example", "I Sample", "A Tester", "C Person")},
        ),
        (  # a singular post in the last bracket is that person's only
            "Councillors L Example and C Person (Cabinet Member) attended.",
            {("L Example", None), ("C Person", "Cabinet Member")},
        ),
        ("Councillors L Example and C Person (Lab) attended.", {("L Example", None), ("C Person", None)}),
    ],
)
def test_a_plural_post_bracketed_after_a_list_of_councillors_is_each_ones(text, expected):
    assert _minutes_people(text) == expected
