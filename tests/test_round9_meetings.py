"""Stop 28: a ModernGov meeting page's header with the kind of meeting in brackets before the body (made-up pages)."""

from __future__ import annotations

import pytest

from .conftest import extract_text

URL = "https://democracy.anyshire.gov.uk/ieListDocuments.aspx?CId=1&MId=2"


def _meetings(header: str) -> list[tuple[str, str | None]]:
    text = (
        f"Agenda and draft minutes\n\n{header}\n\nVenue: Room 2, County Hall\n\nItems\nNo. Item\n\n23/23\n\nWelcome\n"
    )
    return [(m.body, m.date.iso() if m.date else None) for m in extract_text(text, url=URL).meetings]


@pytest.mark.parametrize(
    ("header", "body"),
    [
        (
            "(Extraordinary meeting), People Overview & Scrutiny Committee - Monday, 2 October 2023 11.30 am",
            "People Overview & Scrutiny Committee",
        ),
        ("(Special meeting), Cabinet - Monday, 2 October 2023 2.00 pm", "Cabinet"),
        (
            "(Reconvened) Children's Services Select Committee - Monday, 2 October 2023 10.00 am",
            "Children's Services Select Committee",
        ),
        ("Corporate Parenting Panel - Monday, 2 October 2023 10.00 am", "Corporate Parenting Panel"),
    ],
)
def test_the_kind_of_meeting_in_brackets_is_no_part_of_the_body(header, body):
    assert _meetings(header) == [(body, "2023-10-02")]


def test_a_bracketed_note_does_not_make_a_dated_link_a_header():
    # no weekday and no time: a link to another meeting, as before
    assert _meetings("(Special meeting), Cabinet - 2 October 2023") == []


@pytest.mark.parametrize(
    ("header", "body"),
    [
        (
            "Informal Meeting, Anyshire Health and Wellbeing Board - SEND Sub-Committee - Tuesday, 30th November, 2021 2.00 pm",
            "Anyshire Health and Wellbeing Board - SEND Sub-Committee",
        ),
        (
            "Virtual Meeting, Children's Scrutiny Panel - Tuesday, 30th November, 2021 10.00 am",
            "Children's Scrutiny Panel",
        ),
        ("Extraordinary Meeting, Cabinet - Tuesday, 30th November, 2021 6.00 pm", "Cabinet"),
    ],
)
def test_the_kind_of_meeting_before_the_body_without_brackets(header, body):
    assert _meetings(header) == [(body, "2021-11-30")]


def test_a_date_under_its_label_alone_on_the_line_above():
    # a header table flattened to lines: each label over its value
    text = (
        "Anyshire Borough Council\n\nChildren & Young People Select Committee Minutes\n\nDate:\n"
        "Wednesday, 14th October, 2015\nTime:\n17.00\nPlace:\nCentral Library\n\nPresent:\nCllr Jo Example (Chair)\n"
    )
    found = [(m.body, m.date.iso()) for m in extract_text(text, url=URL).meetings]
    assert found == [("Children & Young People Select Committee", "2015-10-14")]


@pytest.mark.parametrize(
    "item",
    [
        "MINUTES FOR SIGNATURE - 20 SEPTEMBER 2023\nAGREED that the minutes were signed by the Chairman as a correct record.",
        "Draft Minutes - 20 September 2023\nAGREED that the minutes be approved.",
        "Minutes: Wednesday, 20 September 2023\nThe minutes were approved.",
    ],
)
def test_an_item_of_the_minutes_titled_by_a_day_is_the_bodys_earlier_meeting(item):
    text = (
        "Agenda and minutes\n\nOverview and Scrutiny Board - Wednesday, 18th October, 2023 2.00 pm\n\nVenue: Room 2\n\n"
        f"Items\nNo. Item\n\n1.\n{item}\n"
    )
    found = {(m.body, m.date.iso()) for m in extract_text(text, url=URL).meetings}
    assert found == {("Overview and Scrutiny Board", "2023-10-18"), ("Overview and Scrutiny Board", "2023-09-20")}


def test_a_sentence_about_minutes_and_a_day_is_no_item():
    text = (
        "Agenda and minutes\n\nOverview and Scrutiny Board - Wednesday, 18th October, 2023 2.00 pm\n\nVenue: Room 2\n\n"
        "Items\nNo. Item\n\n1.\nThe minutes - 20 September 2023 were lost.\n"
    )
    assert {m.date.iso() for m in extract_text(text, url=URL).meetings} == {"2023-10-18"}
