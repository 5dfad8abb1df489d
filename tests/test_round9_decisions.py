"""Stop 28: minutes submitted and approved, with or without "as a correct record" (made-up ModernGov minutes)."""

from __future__ import annotations

import pytest

from .conftest import extract_text

URL = "https://democracy.anyshire.gov.uk/ieListDocuments.aspx?CId=1&MId=2"


def _decisions(sentence: str) -> list[str]:
    text = (
        "Agenda and minutes\n\nExecutive - Tuesday 16th March, 2021 1.00 pm\n\nVenue: Virtual Meeting\n\nItems\n"
        f"No. Item\n\n20/119\n\nMinutes - Executive - 9 February 2021 pdf icon PDF 201 KB\n\nMinutes:\n\n{sentence}\n\n"
        "20/120\n\nChildren's Services Improvement Programme\n\nMinutes:\n\nThe Director presented the report.\n"
    )
    return [d.text for d in extract_text(text, url=URL).decisions]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minutes of the Executive meeting, held on 9 February 2021, were submitted and approved as a correct record.",
        "The minutes of the Executive meeting, held on 9 February 2021, were submitted and approved.",
        "The minutes of the Executive meeting, held on 9 February 2021, were received and confirmed as a true record.",
        "The minutes of the Executive meeting, held on 9 February 2021, were approved and signed by the Chair.",
    ],
)
def test_minutes_submitted_and_approved_are_the_meetings_decision(sentence):
    assert _decisions(sentence) == [sentence]


def test_minutes_approved_at_some_other_time_are_no_decision_here():
    sentence = "The Director said that the minutes were approved at the time but had since been found wanting."
    assert _decisions(sentence) == []


def test_revised_minutes_approved_are_the_meetings_decision():
    sentence = "The revised minutes of the Executive meeting held on 26 July 2023 were submitted and approved as a correct record."
    assert _decisions(sentence) == [sentence]


@pytest.mark.parametrize("cut", ["RESOLVED – That the press", "2. That Councillor Example’s de"])
def test_a_resolution_cut_off_by_the_end_of_the_page_before_its_verb_says_nothing(cut):
    text = (
        "Agenda and minutes\n\nExecutive - Tuesday 16th March, 2021 1.00 pm\n\nVenue: Virtual Meeting\n\nItems\n"
        "No. Item\n\n20/119\n\nMembership\n\nResolved –\n\n1. That the list of memberships be noted.\n\n" + cut
    )
    assert [d.text for d in extract_text(text, url=URL).decisions] == ["That the list of memberships be noted."]


def test_a_resolution_that_ends_the_page_with_its_verb_stays():
    text = (
        "Agenda and minutes\n\nExecutive - Tuesday 16th March, 2021 1.00 pm\n\nVenue: Virtual Meeting\n\nItems\n"
        "No. Item\n\n20/119\n\nMembership\n\nResolved –\n\n1. That the list of memberships be noted.\n\n2. That the report be agreed"
    )
    assert [d.text for d in extract_text(text, url=URL).decisions] == [
        "That the list of memberships be noted.",
        "That the report be agreed",
    ]
