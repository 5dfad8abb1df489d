"""Follow-ups (dated commitments): the classes mended in round 20 (issue 14, helper ``fup``).

Found by probing (bench/probes/follow_ups.md, round 20 batch: made-up sentences an annotator of unseen council pages
would meet), not by reading corpus pages. The general classes:

1. a date that is something done, not due: a date hanging on a finite past verb ahead of the cue ("Cabinet approved
   the plan on 16 April and it will now be implemented"), or right after one ("Councillors agreed on Tuesday to …":
   a weekday the date finder reads as the next one is the last one);
2. a date that qualifies a noun ("the Q4 2023/24 performance report", "This week's assessment") or is the period a
   report covers ("the performance report for quarter 1 of 2024/25"), not a due date; a meeting's is ("the 12 June
   meeting", "next month's Cabinet");
3. a relative clause between commas is an aside the clause runs across, its dates and words its own ("The Board will
   review the plan, which runs until March 2026, at its September meeting"; "The consultation, which closes on 30
   June, will inform a report to Cabinet in September");
4. a person's own move ("a new Head of Fostering would start in July"); a target level aimed at ("we aim to reduce
   the number … to 500 by 2026"); money saved ("would save £500,000 a year from 2025");
5. an outside body's thing heading the subject ("The DfE's decision … is expected in the autumn", "Elections to the
   council will take place on …") is no commitment, unless the clause takes it to a council body ("Ofsted's
   findings will be discussed by the scrutiny committee on 9 July");
6. cues: a thing "due in" a month ("with the next update due in September"), "with Cabinet due to agree it in
   February", "a final decision in July", an action log's "Clerk to add … for January".

Every text is made up in the style of council papers and local news."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text

URL = "https://www.anyshire.gov.uk/news/1"
PAGE = PartialDate(2025, 3, 7)  # a Friday


def dues(text: str, published: PartialDate | None = PAGE) -> list[str]:
    x = extract_text("Anyshire County Council\n\n" + text + "\n", url=URL, published=published)
    return [f.due.iso() for f in x.follow_ups]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # 6. cues
        ("Members will be kept up to date, with the next update due in June.", ["2025-06"]),
        (
            "The council's draft offer for care leavers will go out for comment in April, with Cabinet due to adopt it "
            "in July.",
            ["2025-04", "2025-07"],
        ),
        ("The plan will be shared with partners, with a final decision in May.", ["2025-05"]),
        ("ACTION: Clerk to add the kinship care review to the work programme for June.", ["2025-06"]),
        # 3. a relative aside between commas
        ("The Panel will look at the strategy, which runs until 2027, at its July meeting.", ["2025-07"]),
        ("The survey, which closes on 31 March, will feed into a report to Cabinet in June.", ["2025-06"]),
        # 2. a date qualifying a noun is not the due date; the meeting's is
        ("The committee will receive the Q1 2025/26 performance report at its meeting on 8 April.", ["2025-04-08"]),
        # 5. another body's thing that goes to the council
        ("Ofsted's letter will be considered by the scrutiny committee on 22 April.", ["2025-04-22"]),
        ("The inspectors' findings will be presented to Cabinet in May.", ["2025-05"]),
    ],
)
def test_found(text: str, due: list[str]) -> None:
    assert dues(text) == due


@pytest.mark.parametrize(
    "text",
    [
        # 1. a past act's date
        "The Leader signed off the plan on 3 February and it will now be put into effect.",
        "The new Head of Fostering started this week, and would lead the recruitment drive.",
        "Councillors agreed on Wednesday to set up a new improvement board.",
        "The Executive approved on Tuesday a new model for the front door.",
        # 2. a date qualifying a noun, or the period covered
        "The Board will receive the performance report for quarter 2 of 2025/26.",
        "Last month's positive monitoring visit, which followed the 2023 inspection, will lift morale.",
        # 4. a person's move, a target level, money saved
        "Members heard that a new Head of Safeguarding would start in May.",
        "The interim director is due to leave at the end of April.",
        "We aim to cut the number of children placed out of county to 40 by 2026.",
        "The new rota would save £250,000 a year from April.",
        # 5. an outside body's thing
        "The DfE's decision on the improvement notice is expected in the summer.",
        "Elections to the county council will take place on 1 May.",
        # a window the commitment waits for is no deadline for the public, but the waiting is not the commitment
        "The consultation closes on 30 April.",
    ],
)
def test_not_found(text: str) -> None:
    assert dues(text) == []


def test_the_window_waited_for_keeps_the_commitment() -> None:
    # "once the consultation has closed": the report's date stands, the closing is no public deadline of its own
    assert dues("A report will come back to members in the summer, once the consultation has closed.") == ["2025"]


def test_a_plan_told_in_the_past_is_not_pushed_into_next_year() -> None:
    # "was due to … in January" on a March page: last January's plan, not next January's; the delay's month is due
    text = "The strategy was due to go to Cabinet in January but has been delayed until June."
    assert dues(text) == ["2025-06"]


def test_a_meeting_named_in_the_possessive_is_when() -> None:
    assert dues("The revised plan will be taken to next month's Cabinet.") == ["2025-04"]
