"""Round 20 (helper ``dates2``): dates a plan gives from the page's own date, and days given with their weekday.

Made-up text in the style of council minutes and news. The positive cases fail on the base code (f295666); the
guards are near misses that must give nothing (or keep what the base code gave).
"""

from __future__ import annotations

import pytest

from caregraph.pipeline.dates import find_dates
from caregraph.records import PartialDate as D

from .conftest import extract_text

PAGE = D(2024, 5, 10)  # a Friday


def planned(text: str, anchor: D | None = PAGE) -> list[tuple[str, str]]:
    """The dates of ``text`` read as a commitment's (a plan, spans of time, seasons)."""
    return [
        (text[d.start : d.end], d.date.iso())
        for d in find_dates(text, anchor, future=True, durations=True, seasons=True)
    ]


def told(text: str, anchor: D | None = PAGE, future: bool = False) -> list[tuple[str, str]]:
    return [(text[d.start : d.end], d.date.iso()) for d in find_dates(text, anchor, future=future)]


def due_dates(text: str, published: D | None = PAGE) -> list[str]:
    x = extract_text(
        "Anyshire County Council\n\n" + text + "\n", url="https://www.anyshire.gov.uk/news/1", published=published
    )
    return [f.due.iso() for f in x.follow_ups]


# -- the end of the month ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words, expected",
    [
        ("Officers will circulate the revised dashboard by the end of the month.", "the end of the month", "2024-05"),
        ("The draft strategy is to be shared with members later in the month.", "later in the month", "2024-05"),
        # the month the sentence has just named, not the page's
        (
            "At its meeting on 12 March 2024 the panel asked for the data by the end of the month.",
            "the end of the month",
            "2024-03",
        ),
    ],
)
def test_the_end_of_the_month_is_the_month_of_the_page_or_of_the_sentence(text, words, expected):
    assert (words, expected) in planned(text)


def test_the_end_of_the_month_needs_a_month_to_be_read_against():
    text = "Officers will circulate the revised dashboard by the end of the month."
    assert planned(text, D(2024)) == []
    assert planned(text, None) == []


def test_the_end_of_the_month_is_read_only_for_a_plan():
    # a past narrative's "at the end of the month" is no date of the page's month
    assert told("The old structure was wound down at the end of the month.") == []


def test_a_commitment_due_by_the_end_of_the_month():
    assert due_dates("The Head of Service will send members the updated caseload figures by the end of the month.") == [
        "2024-05"
    ]


# -- spans of time from the page's date ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words, expected",
    [
        ("The panel will look again at progress in a year's time.", "in a year's time", "2025-05"),
        ("The board will review the arrangements within two years.", "within two years", "2026-05"),
        ("A written reply will be sent to the councillor within two weeks.", "within two weeks", "2024-05"),
        ("An update will follow in three weeks' time.", "in three weeks' time", "2024-05"),
        ("The service will report back within six weeks.", "within six weeks", "2024-06"),
        ("A note will be circulated in a fortnight.", "in a fortnight", "2024-05"),
    ],
)
def test_a_span_from_the_page_is_due_in_the_month_it_ends(text, words, expected):
    assert (words, expected) in planned(text)


def test_a_span_of_years_from_a_page_dated_only_to_its_year_is_a_year():
    assert planned("The panel will look again at progress in a year's time.", D(2024)) == [("in a year's time", "2025")]


@pytest.mark.parametrize(
    "text",
    [
        "The council will publish its action plan within two weeks of the inspection.",  # runs from the inspection
        "An action plan is due within six weeks after the report is published.",
        "A reply will be sent within two weeks.",  # (no anchor: below)
    ],
)
def test_a_span_counted_from_something_else_or_from_no_date_gives_nothing(text):
    anchor = None if text.startswith("A reply") else PAGE
    assert planned(text, anchor) == []


def test_a_span_of_weeks_needs_the_page_s_day():
    assert planned("A written reply will be sent within two weeks.", D(2024, 5)) == []


def test_a_commitment_due_in_a_span_of_weeks():
    assert due_dates("The Director will provide members with a written answer within two weeks.") == ["2024-05"]


def test_a_commitment_due_in_a_year_s_time_is_due_in_that_month():
    assert due_dates("The scrutiny panel will look again at the service's progress in a year's time.") == ["2025-05"]


# -- a day with its weekday and no year ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words, expected",
    [
        ("The plans will go to Cabinet on Wednesday, June 12.", "Wednesday, June 12", "2024-06-12"),
        ("The board meets again on Tuesday July 9.", "Tuesday July 9", "2024-07-09"),
        # the weekday tells the year: 4 March 2024 was a Monday (a plan's bare month would be 2025's)
        ("The forum, held on Monday, March 4, agreed the plan.", "Monday, March 4", "2024-03-04"),
        # 28 February 2025 is a Friday (2024's a Wednesday): the year the weekday gives
        ("The panel will next meet on Friday 28 February.", "Friday 28 February", "2025-02-28"),
    ],
)
def test_a_day_with_its_weekday_is_in_the_year_the_weekday_gives(text, words, expected):
    assert (words, expected) in told(text, future=True)


def test_a_past_event_s_weekday_and_day_read_backwards():
    # 17 April 2024 was a Wednesday
    assert ("Wednesday, April 17", "2024-04-17") in told("The panel last met on Wednesday, April 17.")


def test_a_weekday_and_day_need_an_anchor():
    assert told("The plans will go to Cabinet on Wednesday, June 12.", None) == []


def test_a_weekday_that_fits_no_near_year_keeps_the_anchored_year():
    # 12 June is a Sunday in none of 2023-2025: "Sunday" is the text's slip, the plan's year stands
    assert ("Sunday 12 June", "2024-06-12") in told("Cabinet will meet on Sunday 12 June.", future=True)


def test_today_restated_with_its_weekday_is_one_date():
    text = "The council has today (Thursday 9 May) welcomed the report."
    assert told(text) == [("Thursday 9 May", "2024-05-09")]


def test_a_commitment_on_a_weekday_and_month_first_day():
    assert due_dates("The plans will be considered by the council's cabinet on Wednesday, June 12.") == ["2024-06-12"]


# -- a month a thing is put off to -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words, expected",
    [
        ("The report has been deferred to September.", "September", "2024-09"),
        ("The item was postponed to May.", "May", "2024-05"),
        ("The decision has been put back to July.", "July", "2024-07"),
        # put off to a month already past this year: the next one, whatever the caller's reading
        ("The review was postponed until March.", "March", "2025-03"),
    ],
)
def test_a_month_a_thing_is_put_off_to_is_still_to_come(text, words, expected):
    assert (words, expected) in told(text)
    assert (words, expected) in told(text, future=True)


@pytest.mark.parametrize(
    "text",
    [
        "The figures cover April to September.",  # a range's end, not a month put off to
        "Attendance returned to September levels.",
        "The report was referred to Cabinet.",
        "The item was deferred to the next meeting.",
    ],
)
def test_to_before_a_month_alone_is_no_date(text):
    assert told(text, future=True) == []


def test_a_meeting_deferred_to_a_month():
    assert due_dates("The report was due to come to this meeting but has been deferred to September.") == ["2024-09"]


def test_an_inspection_postponed_to_a_month_is_planned_for_the_next_one():
    x = extract_text(
        "Anyshire County Council\n\nThe inspection was postponed to September.\n",
        url="https://www.anyshire.gov.uk/news/1",
        published=PAGE,
    )
    assert [(i.start.iso() if i.start else None, i.planned) for i in x.inspections] == [("2024-09", True)]


# -- a season with its qualifier ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words",
    [
        ("A report will be brought to the committee in early autumn.", "early autumn"),
        ("The review will conclude in the late spring.", "the late spring"),
        ("The new hub is expected to open in mid-summer.", "mid-summer"),
        ("A further update will come to the board in autumn.", "autumn"),
    ],
)
def test_a_planned_season_with_or_without_its_qualifier(text, words):
    assert (words, "2024") in planned(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ofsted visited in early autumn and found improvements.",  # not a plan: read only as one
        "Children will be ready for school by summer.",  # "by" a season: no date of its own here
    ],
)
def test_a_season_without_a_year_outside_a_plan_or_after_by_gives_nothing(text):
    assert told(text) == []
    if "by summer" in text:
        assert planned(text) == []


def test_a_commitment_in_early_autumn():
    x = extract_text(
        "Anyshire County Council\n\nA report will be brought to the committee in early autumn.\n",
        url="https://www.anyshire.gov.uk/news/1",
        published=PAGE,
    )
    assert [f.due.iso() for f in x.follow_ups] == ["2024"]
    assert "early autumn" in x.follow_ups[0].evidence.quote
