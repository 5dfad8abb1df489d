"""Stop 29: meetings (made-up committee pages): an agenda item's numbered title "3.1 MINUTES OF THE <BODY> <day>",
and a numbered minutes item titled by the earlier meeting's day ("2 Minutes, 26th September 2023")."""

from __future__ import annotations

import pytest

from .conftest import extract_text

URL = "https://democracy.anyshire.gov.uk/mgAi.aspx?ID=1"


def _meetings(text: str) -> set[tuple[str, str | None]]:
    return {(m.body.lower(), m.date.iso() if m.date else None) for m in extract_text(text, url=URL).meetings}


@pytest.mark.parametrize(
    "title",
    [
        "3.1 MINUTES OF THE CHILDREN'S SERVICES REVIEW GROUP 23rd March 2017 at 6.00 p.m.",
        "3. Minutes of the Children's Services Review Group, 23 March 2017",
        "12) Agenda for the Children's Services Review Group on 23 March 2017",
    ],
)
def test_an_agenda_items_numbered_title_names_its_meeting(title):
    text = (
        f"Agenda item\n\n{title}\n\nPRESENT: Councillors A Example (Chair), Sample and Tester\n\n"
        "Resolved: That the minutes of the meeting held on 25th January 2017 be agreed as a true record.\n"
    )
    meetings = _meetings(text)
    assert ("children's services review group", "2017-03-23") in meetings
    assert ("children's services review group", "2017-01-25") in meetings


def test_a_numbered_line_that_is_no_title_names_no_meeting():
    text = "Agenda item\n\n3.1 The group met on 23 March 2017 and heard from officers.\n"
    assert ("children's services review group", "2017-03-23") not in _meetings(text)


@pytest.mark.parametrize("item", ["2 Minutes, 26th September 2023", "2. Minutes - 26 September 2023"])
def test_a_numbered_minutes_item_titled_by_a_day_is_the_bodys_earlier_meeting(item):
    text = (
        "Children's Committee - Thursday 16 November 2023, 7:30pm - Anyshire Council Webcasting\n"
        "Children's Committee\n\nAgenda\n\n1 Apologies for absence\n\n"
        f"{item}\n\n3 Ofsted inspection of children's services\n"
    )
    assert _meetings(text) >= {("children's committee", "2023-11-16"), ("children's committee", "2023-09-26")}


@pytest.mark.parametrize(
    "header",
    [
        "12 March 2024 - Children's Scrutiny Committee",
        "Tuesday 12 March 2024 – Children's Scrutiny Committee",
        "12/03/2024 - Children's Scrutiny Committee",
        "Agenda - Children's Scrutiny Committee - 12 March 2024",
        "Minutes - Children's Scrutiny Committee - 12 March 2024",
    ],
)
def test_a_header_with_the_day_first_or_the_kind_of_paper_before_the_body(header):
    text = (
        f"{header}\n\nAgenda item\n\nOfsted inspection of children's services\n\nThe Committee received the report.\n"
    )
    assert _meetings(text) == {("children's scrutiny committee", "2024-03-12")}


def test_a_day_first_line_naming_a_council_is_no_meeting():
    text = "12 March 2024 - Anyshire County Council\n\nNews\n\nThe council welcomed the Ofsted report.\n"
    assert _meetings(text) == set()
