"""Stop 29: a grade the services rose or fell to (made-up news text)."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text


def _events(sentence: str) -> list[tuple[str, str | None, str | None]]:
    x = extract_text(
        "Anyshire Council news\n\n" + sentence,
        url="https://www.anyshire.gov.uk/news/1",
        published=PartialDate(2024, 6, 14),
    )
    return [(i.kind, i.start.iso() if i.start else None, i.judgement) for i in x.inspections]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        (
            "Inspectors who visited in February found that services had improved to 'good'.",
            ("ilacs", "2024-02", "good"),
        ),
        ("The council improved to good in 2022.", ("ilacs", "2022", "good")),
        ("Services had deteriorated to inadequate by the time of the 2017 inspection.", ("sif", "2017", "inadequate")),
    ],
)
def test_a_grade_the_services_rose_or_fell_to(sentence, event):
    assert _events(sentence) == [event]


def test_a_figure_that_improved_is_no_grade():
    assert _events("Attendance improved to 95% in 2023, and the share of good schools improved to 90%.") == []
