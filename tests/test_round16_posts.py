"""Posts as councils' news, minutes and agenda front sheets write them (issue 14, round 16; probes in
bench/probes/posts.md).

Five gaps the probes found, each general: a lower-case post after a name whose subject words the table of post words
lacks ("virtual school headteacher"), how long a post was held read as part of it ("… for six years") and "worked as" before a post, a post label in
sentence case ("Portfolio holder:"), a signature's label before a name with the post on the next line ("Signed:"),
and "Team" before a post's head ("Team Manager"). Every text is made up."""

from __future__ import annotations

import pytest

from .conftest import extract_text, news_people

FRONT_SHEET = (
    "Anyshire County Council\nCabinet, 12 March 2024\nAgenda item 6: Ofsted inspection of children's services\n\n"
)
REPORT_URL = "https://democracy.anyshire.gov.uk/documents/s1/report.pdf"


def report_people(text: str) -> dict[str, str | None]:
    x = extract_text(FRONT_SHEET + text + "\n\nBackground papers: none\n", url=REPORT_URL)
    return {p.name: p.post for p in x.people}


@pytest.mark.parametrize(
    ("sentence", "name", "post"),
    [
        (
            "Lucy Fowler, virtual school headteacher, said attendance had improved.",
            "Lucy Fowler",
            "virtual school headteacher",
        ),
        (
            "Joanne Pike, youth justice service manager, said reoffending had dropped.",
            "Joanne Pike",
            "youth justice service manager",
        ),
        (
            "Julie Dixon, the council's SEND and inclusion manager, said plans were on time.",
            "Julie Dixon",
            "SEND and inclusion manager",
        ),
        (
            "Neil Foster, kinship care support worker, said grandparents needed help.",
            "Neil Foster",
            "kinship care support worker",
        ),
    ],
)
def test_lower_case_post_with_subjects_the_table_lacks(sentence: str, name: str, post: str) -> None:
    assert news_people(sentence)[name] == post


@pytest.mark.parametrize(
    ("sentence", "name", "post"),
    [
        (
            "Helen Carter, who served as director of children's services for six years, retired last month.",
            "Helen Carter",
            "director of children's services",
        ),
        (
            "Imran Akhtar, who has been head of fostering for more than a decade, said the service had grown.",
            "Imran Akhtar",
            "head of fostering",
        ),
        (
            "Amanda Hughes, who worked as a service manager for the past three years, said it.",
            "Amanda Hughes",
            "service manager",
        ),
    ],
)
def test_how_long_a_post_was_held_is_no_part_of_it(sentence: str, name: str, post: str) -> None:
    assert news_people(sentence)[name] == post


def test_a_subject_after_for_stays_in_the_post() -> None:
    found = news_people("Cllr Gareth Evans, cabinet member for early years and childcare, said it.")
    assert found["Gareth Evans"] == "cabinet member for early years and childcare"


@pytest.mark.parametrize(
    ("line", "post"),
    [
        ("Portfolio holder: Cllr Nadia Hussain\nWards affected: all", "Portfolio holder"),
        ("Cabinet member: Councillor Nadia Hussain\nWards affected: all", "Cabinet member"),
    ],
)
def test_post_label_in_sentence_case(line: str, post: str) -> None:
    assert report_people(line)["Nadia Hussain"] == post


@pytest.mark.parametrize(
    "line",
    [
        "Decision maker: Cllr Nadia Hussain\nWards affected: all",
        "Report author: Nadia Hussain\nWards affected: all",
        "Lead officer: Nadia Hussain\nWards affected: all",
    ],
)
def test_a_label_that_is_no_post_gives_none(line: str) -> None:
    assert report_people(line)["Nadia Hussain"] is None


def test_signed_label_then_the_post_on_the_next_line() -> None:
    found = report_people("Signed: Emma Walsh\nDirector of Children's Services\nDate: 4 March 2024")
    assert found["Emma Walsh"] == "Director of Children's Services"


def test_team_before_a_post_head() -> None:
    found = news_people("The Head of Service (Rachel Owen) and the Team Manager (Peter Holt) answered questions.")
    assert found == {"Rachel Owen": "Head of Service", "Peter Holt": "Team Manager"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Karen Phillips, whose son has a social worker, said the support had changed their lives.", "Karen Phillips"),
        ("Cllr Alison Reed, mother of two and a former teacher, said parents were worried.", "Alison Reed"),
        ("Sarah Mitchell, 42, from Anytown, has fostered 30 children.", "Sarah Mitchell"),
        ("Tom Bradley, the Conservative councillor for Northfield, said the plan was flawed.", "Tom Bradley"),
    ],
)
def test_an_apposition_that_is_no_post(sentence: str, name: str) -> None:
    assert news_people(sentence)[name] is None


def test_a_second_apposition_after_and_is_the_next_persons() -> None:
    found = news_people(
        "He said: “The council leader, Cllr Example, and the cabinet member for education and children, "
        "Cllr Sample, should accept responsibility.”"
    )
    assert found.get("Example") != "and the cabinet member for education and children"
    assert found["Sample"] == "cabinet member for education and children"
