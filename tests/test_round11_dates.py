"""Round 11: date forms (made-up text).

1. A month and its year's last two digits after an apostrophe: "April ’25", "(Sept '24)", "late Nov ’98".
2. A month to a day of a later month after "between" or "from": "between January and 1 February 2022".
3. A year after "as recently as", "as long ago as", "as early as", "as late as".
"""

from __future__ import annotations

import pytest

from caregraph.pipeline.dates import find_dates
from caregraph.records import PartialDate as D

from .conftest import extract_text, inspection_rows


def spans(text: str, anchor: D | None = None) -> list[tuple[str, str, str | None]]:
    """(the words, start, end) of each date ``find_dates`` reads in ``text``."""
    return [(text[m.start : m.end], m.date.iso(), m.until.iso() if m.until else None) for m in find_dates(text, anchor)]


@pytest.mark.parametrize(
    ("text", "words", "start"),
    [
        ("since the last monitoring visit (April ’25), staffing", "April ’25", "2025-04"),
        ("the visit in Sept '24 found", "Sept '24", "2024-09"),
        ("Inspectors came back in late Nov ‘23.", "late Nov ‘23", "2023-11"),
        ("the review in Jan ’98 found", "Jan ’98", "1998-01"),
    ],
)
def test_a_month_with_an_apostrophe_year(text, words, start):
    assert spans(text) == [(words, start, None)]


@pytest.mark.parametrize(
    "text",
    [
        "the April ’65 archive",  # outside the years a page speaks of
        "it's April's 25th report",  # a possessive, no year
        "in April '25/26 budgets",  # a financial year
    ],
)
def test_no_apostrophe_year_where_none_is_meant(text):
    assert all("’65" not in w and "25" not in s for w, s, _ in spans(text))


def test_an_apostrophe_year_dates_a_visit():
    x = extract_text("The last monitoring visit (April ’25) found progress.", url="https://www.anyshire.gov.uk/news/1")
    assert inspection_rows(x) == {("monitoring-visit", "2025-04", None, None)}


@pytest.mark.parametrize(
    ("text", "words", "start", "end"),
    [
        (
            "carried out between January and 1 February 2022 found",
            "January and 1 February 2022",
            "2022-01",
            "2022-02-01",
        ),
        ("from March to 4 April 2023 the", "March to 4 April 2023", "2023-03", "2023-04-04"),
    ],
)
def test_a_month_to_a_day_of_a_later_month(text, words, start, end):
    assert spans(text) == [(words, start, end)]


def test_a_month_and_a_day_without_between_are_two_dates():
    # "in January and 1 February 2022": a list, not a range (only the full date is read here)
    assert spans("in January and 1 February 2022") == [("1 February 2022", "2022-02-01", None)]


@pytest.mark.parametrize("lead", ["as recently as", "as long ago as", "as early as", "as late as"])
def test_a_year_after_as_recently_as(lead):
    assert spans(f"rated good {lead} 2016.") == [("2016", "2016", None)]


def test_a_bare_year_after_other_words_is_still_no_date():
    assert spans("There were 2016 referrals as a result.") == []
