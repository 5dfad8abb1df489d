"""Stop 28: an instruction to the reader is no commitment of the council (made-up committee pages and news)."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text

WHEN = PartialDate(2023, 9, 1)


def _follow_ups(body: str) -> list[tuple[str, str]]:
    text = "Anyshire Council\nPeople Scrutiny Committee\n\n" + body
    x = extract_text(text, url="https://www.anyshire.gov.uk/news/1", published=WHEN)
    return [(f.due.iso(), f.description) for f in x.follow_ups]


@pytest.mark.parametrize(
    "body",
    [
        "If you wish to speak, you should contact scrutiny@anyshire.gov.uk no later than 09.00 on 26 September 2023.",
        "You must register to speak by 26 September 2023.",
        "Anyone who would like to attend will need to book; you are asked to reply by 30 September 2023.",
        "If you would like a copy of the report, it will be sent to you by 30 September 2023.",
    ],
)
def test_a_deadline_set_for_the_reader_is_no_follow_up(body):
    assert _follow_ups(body) == []


@pytest.mark.parametrize(
    ("body", "due"),
    [
        ("The Committee will receive a further update in March 2024.", "2024-03"),
        ("We will write to you with the outcome by 30 June 2024.", "2024-06-30"),  # the council acts; "you" is told
        ("Officers will report back to you, the Committee, in January 2024.", "2024-01"),
    ],
)
def test_a_commitment_of_the_council_told_to_the_reader_stays(body, due):
    assert [d for d, _ in _follow_ups(body)] == [due]
