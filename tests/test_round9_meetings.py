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
