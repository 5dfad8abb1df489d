"""Earlier meetings of the page's own body, when the page names that body in other ways than a dated header
(round 5, dev4 classes in general form).

Every text is made up in the style of council minutes; the names ("Anyshire", "Jane Example") are invented. Under
ANNOTATION.md a meeting of a named council body that the text dates to the day is recorded, and the page's own body is
the one whose earlier meetings "the minutes of the meeting held on …" speaks of."""

from __future__ import annotations

import pytest

from .conftest import extract_text as run


def meetings(x) -> set[tuple[str, str]]:
    return {(m.body, m.date.iso()) for m in x.meetings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Agenda and minutes\n\nVenue: Room 2, Civic Centre\n\n4.\n\nMinutes\n\nMinutes:\n\nThe minutes of the "
            "meeting held on 3rd May, 2022 were approved.\n\n5.\n\nFostering Update\n\nMinutes:\n\nThe Corporate "
            "Parenting Panel considered a report of the Director. The Panel noted the increase in carers.\n",
            {("Corporate Parenting Panel", "2022-05-03")},
        ),
        (
            "Items\n\n2. Minutes of the last meeting\n\nThe minutes of the meeting held on 14 June 2021 were agreed as "
            "a correct record.\n\n3. Ofsted focused visit\n\nThe Children's Scrutiny Committee received a "
            "presentation on the visit. The Committee asked about caseloads.\n",
            {("Children's Scrutiny Committee", "2021-06-14")},
        ),
        (
            "Minutes:\n\nThe Schools Improvement Board reviewed the action plan.\n\nThe Board agreed the "
            "minutes of the meeting held on 9 February 2023.\n\nThe Schools Improvement Board noted the letter.\n",
            {("Schools Improvement Board", "2023-02-09")},
        ),
    ],
)
def test_a_body_that_acts_twice_in_minutes_without_a_header_is_the_pages_own(text, expected):
    assert meetings(run(text)) == expected


def test_a_body_named_once_as_acting_is_not_taken_for_the_pages_own():
    x = run(
        "Report\n\nThe Corporate Parenting Panel considered the plan.\n\nThe minutes of the meeting held on 3 May "
        "2022 are attached.\n"
    )
    assert meetings(x) == set()


@pytest.mark.parametrize(
    "title",
    [
        "Corporate Parenting Panel Minutes of the Meeting Held on a Tuesday",
        "Corporate Parenting Panel Agenda",
        "Corporate Parenting Panel Notes of the meeting",
    ],
)
def test_a_title_that_opens_with_the_body_and_the_kind_of_record_names_the_pages_own_body(title):
    x = run(
        f"{title}\n\nPresent: Councillor Jane Example (Chair)\n\n2. Minutes\n\n2.1 The minutes of the meeting "
        "held on 12 March 2024 were received and signed.\n"
    )
    assert ("Corporate Parenting Panel", "2024-03-12") in meetings(x)


@pytest.mark.parametrize(
    "sentence",
    [
        "Further to Minute 12 of the meeting of this Committee, held on 4 September 2023, the Director reported.",
        "As agreed at the meeting of this Committee held on 4 September 2023, officers returned with data.",
        "The action arising from the meeting of the Committee, held on 4 September 2023, was complete.",
    ],
)
def test_the_meeting_of_this_committee_is_the_pages_own_bodys(sentence):
    x = run(f"Schools Scrutiny Committee - Tuesday, 12th March, 2024 7.00 pm\n\nVenue: Town Hall\n\n{sentence}\n")
    assert meetings(x) == {("Schools Scrutiny Committee", "2024-03-12"), ("Schools Scrutiny Committee", "2023-09-04")}


@pytest.mark.parametrize(
    ("sentence", "body", "day"),
    [
        (
            "Councillor Jane Example, Chair of the Education Scrutiny Committee, said the Scrutiny Committee had "
            "considered the report at its meeting on 9 January.",
            "Education Scrutiny Committee",
            "2020-01-09",
        ),
        (
            "On behalf of the Children's Improvement Board, Jo Sample said the Improvement Board had discussed the "
            "letter at its meeting on 2 December.",
            "Children's Improvement Board",
            "2019-12-02",
        ),
        (
            "The Chairman of the Corporate Parenting Panel reported that the Parenting Panel had welcomed the plan "
            "at its meeting held on 14 January.",
            "Corporate Parenting Panel",
            "2020-01-14",
        ),
    ],
)
def test_a_yearless_meeting_takes_its_year_from_the_pages_meeting_and_its_body_the_fuller_name(sentence, body, day):
    x = run(f"Issue - meetings\n\nOfsted letter\n\nMeeting: 21/01/2020 - Cabinet (Item 8)\n\n{sentence}\n")
    assert meetings(x) == {("Cabinet", "2020-01-21"), (body, day)}
