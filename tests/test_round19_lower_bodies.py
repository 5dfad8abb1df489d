"""Round 19 (issue 14), lead: the two bodies every council has, as news writes them.

Local news writes a council's cabinet and its full council in lower case and often with no article ("the plan goes
before cabinet on 7 March", "the leader told full council on 28 February"). A meeting of a named council body dated to
the day is a meeting under ANNOTATION.md; these were read only after "the" or a council's possessive. Made-up text in
the style of local news (never copied from a corpus page); each positive case failed before.
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
