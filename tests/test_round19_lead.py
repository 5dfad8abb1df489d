"""Round 19 (issue 14), lead: general gaps found by probing in the style of local news.

1. Meetings: local news writes a council's cabinet and its full council in lower case and often with no article ("the
   plan goes before cabinet on 7 March", "the leader told full council on 28 February"). A meeting of a named council
   body dated to the day is a meeting under ANNOTATION.md; these were read only after "the" or a council's possessive.
2. Follow-ups: an event of a council body "there will be", the body named before the event's noun ("There will be a
   full council debate on … in November").
3. Follow-ups: a due date told twice, the second more finely ("an update in the new year, in January 2025"): the finer
   one is the due date.

Made-up text in the style of local news (never copied from a corpus page); each positive case failed before.
"""

from __future__ import annotations

import pytest

from caregraph.gold import normalise_label
from caregraph.records import PartialDate

from .conftest import extract_text

NEWS = "https://www.anyshire.gov.uk/news/1"
PAGE = PartialDate(2024, 3, 1)


def _meetings(text: str) -> set[tuple[str, str]]:
    x = extract_text("Anyshire County Council\n\n" + text + "\n", url=NEWS, published=PAGE)
    return {(normalise_label(m.body), m.date.iso()) for m in x.meetings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The improvement plan is due to be signed off by cabinet on 7 March 2024.", ("cabinet", "2024-03-07")),
        ("The report goes before cabinet on Thursday 7 March.", ("cabinet", "2024-03-07")),
        ("The leader told full council on 28 February that the service had improved.", ("full council", "2024-02-28")),
        ("Full council approved the plan on 22 February 2024.", ("full council", "2024-02-22")),
        (
            "The full council debated the judgement at its meeting on 22 February 2024.",
            ("full council", "2024-02-22"),
        ),
        ("Opposition members raised the rating at full council on 22 February.", ("full council", "2024-02-22")),
    ],
)
def test_a_council_body_in_lower_case_with_no_article_is_met(text: str, expected: tuple[str, str]) -> None:
    assert _meetings(text) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "The government's cabinet met on 5 March 2024 to discuss school funding.",
        "Labour's shadow cabinet met on 5 March 2024.",
        "Cabinet members visited the children's home on 5 March 2024.",
        "The case files were found in a filing cabinet on 5 March 2024.",
        "The prime minister reshuffled his cabinet on 5 March 2024.",
    ],
)
def test_no_council_body_in_lower_case_is_no_meeting(text: str) -> None:
    assert _meetings(text) == set()


def test_a_body_written_with_its_article_or_capital_is_read_as_before() -> None:
    assert _meetings("The Cabinet considered the report at its meeting on 5 March 2024.") == {("cabinet", "2024-03-05")}
    assert _meetings("The council's cabinet met on 20 February to agree the plan.") == {("cabinet", "2024-02-20")}
    assert _meetings("It was approved at a cabinet meeting on 13 February 2024.") == {("cabinet", "2024-02-13")}


# A follow-up: an event of a council body there will be, however the body is written before its noun


def _follow_ups(text: str) -> set[tuple[str, str]]:
    x = extract_text("Anyshire County Council\n\n" + text + "\n", url=NEWS, published=PartialDate(2023, 10, 5))
    return {(f.due.iso(), f.description) for f in x.follow_ups}


@pytest.mark.parametrize(
    "text",
    [
        "There will be a full council debate on the improvement plan in November 2023.",
        "There would be a cabinet discussion of the plan in March 2024.",
        "There will be a special council meeting on the findings in December 2023.",
    ],
)
def test_an_event_there_will_be_of_a_council_body_is_a_follow_up(text: str) -> None:
    assert len(_follow_ups(text)) == 1


def test_there_will_be_no_event_of_an_outside_body_is_no_follow_up() -> None:
    assert _follow_ups("There will be a parliamentary debate on children's social care in November 2023.") == set()


# A due date told twice, the second finer


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Councillors will receive an update on the improvement plan in the new year, in January 2024.", "2024-01"),
        ("Councillors will receive an update on the improvement plan in 2024, probably in January.", "2024-01"),
        ("The revised plan will go to cabinet in March, on 12 March 2024.", "2024-03-12"),
    ],
)
def test_a_finer_date_in_apposition_is_the_due_date(text: str, due: str) -> None:
    assert {d for d, _ in _follow_ups(text)} == {due}
    assert all("2024" not in what and "January" not in what for _, what in _follow_ups(text))


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # another time, not the same one told finely
        ("Councillors will receive an update in 2024, and a final report in January 2025.", "2024"),
        # a date as a meeting's adjective stays in the description
        ("Councillors will receive an update in the spring, at the March 2024 meeting.", "2024"),
    ],
)
def test_a_date_that_is_no_finer_telling_leaves_the_due_date(text: str, due: str) -> None:
    assert due in {d for d, _ in _follow_ups(text)}
