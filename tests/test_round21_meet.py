"""Round 21 (helper ``meet``): meetings, decisions and follow-ups in forms the rules did not read, found with made-up
text of "Anyshire County Council" in the style of council reports, summaries and local news (none copied from a page).
Each positive case fails on the base code (0cd89c2); the guards are near misses that must not be extracted.

Meetings: a meeting set in the past tense ("Cabinet was due to consider the plan on …"); a body's act as a noun before
its day ("following Cabinet approval on …"); the day right after a name in a bracket or a list ("(approved by Cabinet
10 April 2018)", "the report to Cabinet dated …"); the owner of a body in the possessive, no part of its name ("the
Council's Corporate Parenting Committee"); "it made" / "it took" after a body, the body again; a report's author line
between its body and its day, and "Cabinet Report" over a day; a work programme's column of meeting days anywhere in
its table. Not a meeting: a letter written to a body. Decisions: a body's members as the subject ("Cabinet members
voted …"); "They also agreed to …" after a body's reported decision; a first act before "and agreed to …". Not one: an
item of a report's recommendations that puts itself to the meeting ("Members are asked to note …"). Follow-ups: not a
modal, an adverb and "be" ("who would effectively be the deputy"), nor a date right after a past verb of starting
("started this week").
"""

from __future__ import annotations

import pytest

from caregraph.gold import normalise_label
from caregraph.records import PartialDate as D

from .conftest import extract_text

SERVICE = "https://www.anyshire.gov.uk/children-and-families/ofsted-inspection"
REPORT = "https://democracy.anyshire.gov.uk/documents/s12345/Report.pdf"
NEWS = "https://www.anyshire.gov.uk/news/1"


def _x(text: str, url: str = SERVICE, published: D | None = None):
    return extract_text("Anyshire County Council\n\n" + text.strip("\n") + "\n", url=url, published=published)


def _meetings(text: str, url: str = SERVICE, published: D | None = None) -> set[tuple[str, str]]:
    return {(normalise_label(m.body), m.date.iso()) for m in _x(text, url, published).meetings}


def _decisions(text: str, url: str = NEWS, published: D | None = None) -> list[str]:
    return [d.text for d in _x(text, url, published).decisions]


STORY_DAY = D(2024, 5, 10)


def _follow_ups(text: str, url: str = NEWS, published: D | None = STORY_DAY) -> list[tuple[str, str]]:
    return [(f.due.iso(), f.description) for f in _x(text, url, published).follow_ups]


# ------------------------------------------------------------------------------------------------------------ meetings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cabinet was due to consider the improvement plan on 14 May 2018.", ("cabinet", "2018-05-14")),
        ("The Improvement Board was scheduled to meet on 14 May 2018.", ("improvement board", "2018-05-14")),
        (
            "The plan was sent to the Department for Education following Cabinet approval on 23 April 2024.",
            ("cabinet", "2024-04-23"),
        ),
        (
            "The Ofsted Improvement Plan (approved by Cabinet 10 April 2018) sets out our priorities.",
            ("cabinet", "2018-04-10"),
        ),
        ("A copy of the report to Cabinet dated 10 April 2018 is available.", ("cabinet", "2018-04-10")),
        (
            "The plan was considered by the Council's Corporate Parenting Committee on 10 April 2018.",
            ("corporate parenting committee", "2018-04-10"),
        ),
        ("The letter was considered by Anyshire County Council's Cabinet on 10 April 2018.", ("cabinet", "2018-04-10")),
        (
            "The Committee's comments were submitted to the Cabinet before it made any decisions on the matters on 10 "
            "April 2018.",
            ("cabinet", "2018-04-10"),
        ),
    ],
)
def test_meeting_in_prose(text: str, expected: tuple[str, str]) -> None:
    assert _meetings(text) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Corporate Parenting Panel\nReport of the Director of Children's Services\n10 April 2018\n\n"
            "This report sets out the findings of the inspection.",
            ("corporate parenting panel", "2018-04-10"),
        ),
        (
            "Cabinet Report\n10 April 2018\nOfsted Inspection\n\nThis report sets out the findings.",
            ("cabinet", "2018-04-10"),
        ),
    ],
)
def test_meeting_of_a_report_header(text: str, expected: tuple[str, str]) -> None:
    assert expected in _meetings(text, REPORT)


def test_programme_column_anywhere() -> None:
    text = (
        "Children's Scrutiny Committee\nWork Programme 2024/25\n\nItem | Lead officer | Committee date\n"
        "Ofsted action plan | Director | 16 July 2024\nAnnual report | Head of Service | 17 September 2024\n"
    )
    assert _meetings(text, REPORT, D(2024, 6, 1)) >= {
        ("childrens scrutiny committee", "2024-07-16"),
        ("childrens scrutiny committee", "2024-09-17"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Ofsted wrote to the Council on 23 April 2024 to confirm the dates of the visit.",
        "In a letter to the Cabinet on 23 April 2024, the Minister set out her concerns.",
        "Cabinet approved the plan made by officers on 5 March 2018.",  # the plan's day
        "The Children's Scrutiny Committee will look at the plan in May 2024.",  # no day
    ],
)
def test_no_meeting(text: str) -> None:
    assert _meetings(text) == set()


def test_work_programme_action_log_is_no_programme() -> None:
    # "Date" in a later column of an action log is when an action is due, not a meeting's day
    text = "Children's Scrutiny Committee\n\nAction | Owner | Date\nCirculate the dashboard | Officer | 16 July 2024\n"
    assert ("childrens scrutiny committee", "2024-07-16") not in _meetings(text, REPORT, D(2024, 6, 1))


# ----------------------------------------------------------------------------------------------------------- decisions


def test_body_members_as_subject() -> None:
    assert _decisions("Cabinet members voted unanimously to endorse the improvement plan.") == [
        "Cabinet members voted unanimously to endorse the improvement plan"
    ]


def test_they_also_agreed_goes_on() -> None:
    text = (
        "SEND plan scrutinised\n\nThe Children's Scrutiny Committee met to discuss the SEND plan and the work "
        "programme. The committee agreed that a progress update should be given at the March meeting. They also "
        "agreed to include the waiting times for assessments in the work programme."
    )
    assert _decisions(text, published=D(2025, 1, 10)) == [
        "The committee agreed that a progress update should be given at the March meeting",
        "They also agreed to include the waiting times for assessments in the work programme",
    ]


def test_first_act_before_and_agreed() -> None:
    text = (
        "The Panel met on 4 March 2025. The committee requested a report on improvements to SEND provision and "
        "agreed to add items on exploitation to their forward plan."
    )
    found = _decisions(text, published=D(2025, 3, 10))
    assert found[0] == "The committee requested a report on improvements to SEND provision"
    assert found[1].startswith("agreed to add items")


@pytest.mark.parametrize(
    "text",
    [
        # no body before "They": the inspectors, not a meeting
        "The inspectors found the service had improved. They agreed to return in the spring.",
        "They agreed to include the topic in the work programme.",
        # a person, not a body
        "The Cabinet member agreed to look into the matter.",
    ],
)
def test_no_reported_decision(text: str) -> None:
    assert _decisions(text) == []


def test_recommendations_put_to_the_meeting() -> None:
    text = (
        "Ofsted Inspection of Children's Services\n\nRecommendations\n1. Members are asked to note the report.\n"
        "2. Members are asked to endorse the improvement plan.\n\nBackground\nOfsted inspected the service in 2018.\n"
    )
    assert _decisions(text, REPORT) == []


def test_recommendations_that_stay() -> None:
    # a guard: the same section's "That …" items are left as they were read
    text = (
        "Cabinet\n10 April 2018\nOfsted Inspection\n\nRecommendations\n2.1 That Cabinet notes the outcome of the "
        "inspection.\n2.2 That Cabinet approves the improvement plan.\n\nBackground\nOfsted inspected the service.\n"
    )
    assert len(_decisions(text, REPORT)) == 2


# ---------------------------------------------------------------------------------------------------------- follow-ups


@pytest.mark.parametrize(
    "text",
    [
        "The new Head of Service started this week, who would effectively be the deputy to the Director.",
        "The service opened in April 2024 and is run by the council.",
    ],
)
def test_no_follow_up(text: str) -> None:
    assert _follow_ups(text) == []


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("The plan will initially be reviewed in September 2024.", "2024-09"),
        ("The new hub will be launched in September 2024.", "2024-09"),
        ("The hub opened on 1 May 2024 and staff will report back to Cabinet in July 2024.", "2024-07"),
    ],
)
def test_follow_up_stays(text: str, due: str) -> None:
    assert [d for d, _ in _follow_ups(text)] == [due]
