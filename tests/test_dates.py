"""Date expressions at the precision the text gives, relative dates against the document's date, nothing invented."""

from __future__ import annotations

import pytest

from caregraph.pipeline.dates import document_date_from_url, find_dates, page_anchor, sort_key
from caregraph.records import PartialDate as D


def only(text: str, anchor: D | None = None, future: bool = False):
    found = find_dates(text, anchor, future=future)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start : d.end]  # the span is inside the text
    return d.date.iso(), d.until.iso() if d.until else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 16 May 2018", ("2018-05-16", None)),
        ("Tuesday 16th May 2018", ("2018-05-16", None)),
        ("Meeting: 16/07/2019 - Cabinet", ("2019-07-16", None)),
        ("in September 2021", ("2021-09", None)),
        ("late-November 2019", ("2019-11", None)),
        ("in 2010 under a very different regime", ("2010", None)),
        ("upgraded from inadequate (in 2016)", ("2016", None)),
    ],
)
def test_single_dates_keep_their_precision(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16 and 17 April 2024", ("2024-04-16", "2024-04-17")),
        ("2 March to 13 March 2020", ("2020-03-02", "2020-03-13")),
        ("the JTAI took place 18 - 22 November 2019", ("2019-11-18", "2019-11-22")),
        ("6th to 30th March 2017", ("2017-03-06", "2017-03-30")),
        ("between 20 June and 13 July, 2017", ("2017-06-20", "2017-07-13")),
        ("between 21st February to 4th March 2022", ("2022-02-21", "2022-03-04")),
        ("October-November 2019", ("2019-10", "2019-11")),
        ("September and October 2019", ("2019-09", "2019-10")),
        ("28 November 2016 to 2 December 2016", ("2016-11-28", "2016-12-02")),
    ],
)
def test_ranges(text, expected):
    assert only(text) == expected


def test_seasons_give_only_their_year():
    assert only("a further update in Spring 2022") == ("2022", None)
    assert only("between Spring and Summer 2022") == ("2022", None)


def test_relative_dates_resolve_against_the_anchor():
    january_2023 = D(2023, 1, 13)
    assert only("a two-week inspection in November", january_2023) == ("2022-11", None)  # past: last November
    assert only("next month's Cabinet", D(2015, 6, 12), future=True) == ("2015-07", None)
    assert only("submitted by 21st November", D(2025, 10, 13), future=True) == ("2025-11-21", None)
    assert only("on 27 February - 14 March and", D(2023, 6, 15)) == ("2023-02-27", "2023-03-14")
    assert only("remotely on 13 and 14 July", D(2021, 8, 23)) == ("2021-07-13", "2021-07-14")
    assert only("the report, published today", D(2019, 1, 7)) == ("2019-01-07", None)
    assert only("in June this year", D(2023, 9, 1)) == ("2023-06", None)


def test_no_anchor_no_invented_year_or_month():
    for text in (
        "in November",
        "on 13 and 14 July",
        "by 16 August",
        "last month",
        "published today",
        "in June this year",
    ):
        assert find_dates(text) == [], text
    assert find_dates("2014/15 budget") == []
    # no such day: the month and year stand, the day is not made up
    assert [d.date.iso() for d in find_dates("31 February 2020")] == ["2020-02"]


def test_spans_lie_inside_the_text_and_are_ordered():
    text = "Visits on 1 and 2 November 2022, in March 2021 and in 2018; Meeting 03/11/2022."
    found = find_dates(text)
    assert [d.date.iso() for d in found] == ["2022-11-01", "2021-03", "2018", "2022-11-03"]
    assert all(0 <= d.start < d.end <= len(text) for d in found)
    assert [d.start for d in found] == sorted(d.start for d in found)


def test_sort_key_orders_mixed_precision():
    assert sorted([D(2019, 10), D(2019), D(2019, 10, 7)], key=sort_key) == [D(2019), D(2019, 10), D(2019, 10, 7)]


def test_end_of_the_year_bare_may_a_named_months_meeting_and_a_year_before_an_event():
    anchor = D(2024, 3, 5)
    assert only("to report back by the end of the year", anchor) == ("2024", None)
    assert find_dates("by the end of the year") == []  # no anchor, no year
    assert only("the visit in May looked at care leavers", anchor) == ("2023-05", None)
    assert find_dates("a monitoring visit may follow; May we add", anchor) == []  # the verb, and "May" after no "in"
    assert only("to come back to the July meeting", anchor, future=True) == ("2024-07", None)
    assert only("In its 2019 inspection, Ofsted rated the council good") == ("2019", None)
    assert find_dates("the 2023/2024 inspection plan") == []
    assert only("the plan would be submitted by the end of March", D(2024, 9, 10), future=True) == ("2025-03", None)


def test_tomorrow_and_yesterday_against_the_anchor():
    assert only("Ofsted will publish its report tomorrow", D(2016, 6, 3)) == ("2016-06-04", None)
    assert only("the letter published yesterday", D(2024, 3, 1)) == ("2024-02-29", None)
    assert only("published tomorrow", D(2016, 6)) == ("2016-06", None)  # a month anchor: within it
    assert find_dates("tomorrow") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last inspected in April and May of 2022", ("2022-04", "2022-05")),
        ("in May of 2022", ("2022-05", None)),
        ("expected in late June or early July 2022", ("2022-06", "2022-07")),
        ("the 7 & 8 April 2020 visit", ("2020-04-07", "2020-04-08")),
        ("visited between September 16-27, 2019", ("2019-09-16", "2019-09-27")),
        ("published (28/10/19)", ("2019-10-28", None)),
    ],
)
def test_more_written_forms(text, expected):
    assert only(text) == expected


def test_months_and_days_without_a_year_take_the_anchors():
    anchor = D(2019, 11, 1)
    assert only("visited between September 16-27 for", anchor) == ("2019-09-16", "2019-09-27")
    assert only("the visit expected in late June or early July", D(2023, 1, 10), future=True) == ("2023-06", "2023-07")
    assert only("a further update to the September panel meeting", D(2022, 5, 10), future=True) == ("2022-09", None)
    assert only("back to the March Corporate Parenting Panel", D(2022, 5, 10), future=True) == ("2023-03", None)
    assert find_dates("the September panel meeting") == []  # no anchor, no year


def test_a_list_of_years_is_one_mention_each():
    found = find_dates("Inspections in 2016, 2018 and 2019 found weaknesses")
    assert [d.date.iso() for d in found] == ["2016", "2018", "2019"]


def test_the_date_a_pages_url_gives():
    assert document_date_from_url("https://www.anyshire.gov.uk/news/2023/01/05/ofsted") == D(2023, 1, 5)
    assert document_date_from_url("https://www.anyshire.gov.uk/news/2024/ofsted-letter") == D(2024)
    assert document_date_from_url("https://news.anyshire.gov.uk/24/08/2022/milestones/") == D(2022, 8, 24)
    assert document_date_from_url("http://www.anyshire.gov.uk/media-releases/november-2017/10-visit/") == D(2017, 11)
    assert document_date_from_url("https://anyshire.moderngov.co.uk/mgAi.aspx?ID=2019") is None  # not the path
    assert document_date_from_url(None) is None


def test_a_page_without_a_date_of_its_own_is_read_against_its_url_then_the_dates_it_states():
    assert page_anchor(D(2024), D(2024, 1, 12)) == D(2024, 1, 12)  # the stated day lies in the URL's year
    assert page_anchor(D(2017, 11), D(2018, 7, 17)) == D(2017, 11)  # a banner's date is not the page's
    assert page_anchor(None, D(2018, 7, 17)) == D(2018, 7, 17)
    assert page_anchor(None, None) is None


FRIDAY = D(2024, 1, 12)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("the report, published on Friday", False, "2024-01-12"),
        ("inspectors arrived on Tuesday", False, "2024-01-09"),
        ("the panel meets on Tuesday", True, "2024-01-16"),
        ("last Tuesday", False, "2024-01-09"),
        ("next Monday", False, "2024-01-15"),
        ("published this morning", False, "2024-01-12"),
        ("published this week", False, "2024-01"),
        ("the visit last week", False, "2024-01"),
        ("the inspection last autumn", False, "2023"),
        ("a review this spring", False, "2024"),
        ("a review next summer", True, "2024"),
    ],
)
def test_weekdays_weeks_and_seasons_against_the_pages_date(text, future, expected):
    assert only(text, FRIDAY, future) == (expected, None)


def test_a_weekday_needs_a_day_to_count_from_and_a_dated_weekday_is_its_date():
    assert find_dates("published on Friday", D(2024, 1)) == []
    assert only("on Monday 5 June 2023", FRIDAY) == ("2023-06-05", None)
    assert find_dates("Friday's meeting", FRIDAY) == []  # a weekday is read only after "on", "last", "next", "this"


def test_a_weekday_before_a_month_first_day_is_no_weekday_of_its_own():
    # Not the Monday or Tuesday nearest the page's date: the day stated (month first), in the year the anchor gives
    # it (none of the years either side makes it that weekday: the text's slip; round 20, dates2).
    for text, day in (
        ("the visit on Monday November 8", "2023-11-08"),
        ("inspectors arrived on Tuesday, March 2", "2023-03-02"),
        ("on Friday Dec. 3 the", "2023-12-03"),
    ):
        assert [d.date.iso() for d in find_dates(text, FRIDAY)] == [day], text


def test_a_day_of_the_month_a_page_is_dated_to_is_in_the_pages_year():
    """A page dated only to its month (from its URL, say): any day of that month is in its year, past or planned."""
    for day in ("1", "13", "30"):
        assert only(f"the visit on {day} November", D(2018, 11)) == (f"2018-11-{int(day):02d}", None)
        assert only(f"a meeting on {day} November", D(2018, 11), True) == (f"2018-11-{int(day):02d}", None)
    assert only("the visit on 13 December", D(2018, 11)) == ("2017-12-13", None)  # a later month: the year before
    assert only("a meeting on 13 October", D(2018, 11), True) == ("2019-10-13", None)  # an earlier one: the next


def test_a_relative_date_restated_right_after_is_one_date():
    assert only("Ofsted has today (12 January) published its report", FRIDAY) == ("2024-01-12", None)
    assert only("On Friday, 12 January, the letter was published", FRIDAY) == ("2024-01-12", None)


def test_the_coming_months_of_a_plan_are_the_pages_year_when_they_end_in_it():
    def coming(text, anchor):
        return [d.date.iso() for d in find_dates(text, anchor, future=True, seasons=True)]

    assert coming("a visit within the next couple of months", D(2023, 1, 26)) == ["2023"]
    assert coming("a visit in the coming weeks", D(2023, 1, 26)) == ["2023"]
    assert coming("a visit within the next couple of months", D(2023, 11, 26)) == []
    assert find_dates("a visit within the next couple of months", D(2023, 1, 26), future=True) == []  # plans only


def test_a_range_of_days_across_months_takes_the_year_its_words_give():
    assert only("an inspection between June 28 and July 9 this year", D(2021, 8, 2)) == ("2021-06-28", "2021-07-09")
    assert only("visited from 28 June to 9 July last year", D(2022, 3, 1)) == ("2021-06-28", "2021-07-09")
    assert only("from 30 December to 4 January last year", D(2024, 3, 1)) == ("2023-12-30", "2024-01-04")
    assert find_dates("between June 28 and July 9 this year") == []  # no page date: no year to read


def test_a_year_before_a_named_joint_or_announced_inspection_is_its_date():
    assert only("the outcomes of the 2011 joint 'Announced Inspection of Safeguarding'", None) == ("2011", None)
    assert only("the 2009 unannounced inspection of contact and referral", None) == ("2009", None)


def test_last_or_next_before_a_months_name_is_the_nearest_such_month():
    assert only("Last July, a review found", D(2019, 3, 5)) == ("2018-07", None)
    assert only("special measures since last December", D(2017, 10, 19)) == ("2016-12", None)
    assert only("a visit expected next February", D(2019, 3, 5)) == ("2020-02", None)
    assert only("a visit expected next May", D(2019, 3, 5)) == ("2019-05", None)
    assert find_dates("Last July, a review found") == []  # no page date: no year to read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the" before a range's second day, "of" between day and month (round 2, news prose)
        ("between the 23rd January and the 16th February 2017", ("2017-01-23", "2017-02-16")),
        ("from the 3rd to the 7th of March 2019", ("2019-03-03", "2019-03-07")),
        ("between the 4th of May and the 15th of May 2020", ("2020-05-04", "2020-05-15")),
        ("on Monday the 9th until Friday the 13th September 2024", ("2024-09-09", "2024-09-13")),
    ],
)
def test_a_range_whose_days_take_the_or_of(text, expected):
    assert only(text) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "due"),
    [
        ("That a further report be brought to the Panel in the next 6 months.", D(2023, 5, 9), "2023-11"),
        ("The revised plan will be finished within the next three months.", D(2021, 11, 30), "2022-02"),
        ("Officers would circulate the draft within the next four weeks.", D(2024, 1, 15), "2024-02"),
        ("The audit will be repeated over the next 2 weeks.", D(2019, 6, 3), "2019-06"),
    ],
)
def test_a_stated_span_from_the_pages_date_gives_the_month_it_ends_in_as_a_due_date(text, anchor, due):
    (found,) = find_dates(text, anchor, durations=True)
    assert found.date.iso() == due
    assert text[found.start : found.end].startswith(("in the next", "within the next", "over the next"))


def test_a_span_of_weeks_needs_the_pages_day_and_a_vague_span_no_month():
    assert find_dates("Officers would reply within the next four weeks.", D(2024, 1), durations=True) == []
    vague = find_dates("We will act within the next few months.", D(2024, 1, 15), durations=True, future=True)
    assert all(d.date.month is None for d in vague)  # "few" states no length: at most the year, never a month


@pytest.mark.parametrize(
    ("text", "anchor", "due"),
    [
        (
            "That a progress report come back to this Committee six months after the date of this decision.",
            D(2024, 3, 13),
            "2024-09",
        ),
        ("Officers will bring a further update within six months.", D(2024, 3, 13), "2024-09"),
        ("The Panel will review the arrangements twelve months from this meeting.", D(2023, 10, 2), "2024-10"),
    ],
)
def test_a_span_counted_from_the_page_itself_gives_a_due_date(text, anchor, due):
    (found,) = find_dates(text, anchor, durations=True)
    assert found.date.iso() == due


@pytest.mark.parametrize(
    "text",
    [
        "The council must submit its plan within six months of the inspection.",
        "A review will follow within 12 months after the visit.",
        "The service was rated good within two years following the intervention.",
    ],
)
def test_a_span_counted_from_something_else_gives_no_date(text):
    assert find_dates(text, D(2024, 3, 13), durations=True) == []


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("With the Strategy launch planned for early September.", "2022-09"),
        ("Interviews are scheduled for September.", "2022-09"),
        ("The new homes are pencilled in for late November.", "2022-11"),
    ],
)
def test_a_month_after_for_is_a_planned_month(text, due):
    (found,) = find_dates(text, D(2022, 3, 9), future=True)
    assert found.date.iso() == due


@pytest.mark.parametrize(
    "text", ["an update later in the year", "to report again later in the year", "as noted earlier in the year"]
)
def test_later_or_earlier_in_the_year_is_the_anchors_year(text):
    (found,) = find_dates(text, D(2022, 3, 9), future=True)
    assert found.date.iso() == "2022"


@pytest.mark.parametrize(
    ("text", "first", "until"),
    [
        ("inspected between January 2022 and 1 February 2022", D(2022, 1), D(2022, 2, 1)),
        ("the review ran from May 2019 to March 2020", D(2019, 5), D(2020, 3)),
        ("between 28 February 2023 and the 3 March 2023", D(2023, 2, 28), D(2023, 3, 3)),
        ("from 5 June 2018 – July 2018", D(2018, 6, 5), D(2018, 7)),
    ],
)
def test_between_and_from_join_two_dates_of_any_form_into_one_range(text, first, until):
    (mention,) = find_dates(text)
    assert (mention.date, mention.until) == (first, until)


@pytest.mark.parametrize(
    "text",
    [
        "visited in January 2022 and 1 February 2022",  # no "between": two dates
        "from March 2021 and May 2021",  # "from" is closed by "to", not "and"
        "between June 2020 and May 2020",  # the second before the first: not a range
    ],
)
def test_two_dates_not_opened_as_a_range_stay_two(text):
    assert [m.until for m in find_dates(text)] == [None, None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 3 ſeptember 2024", "2024-09-03"),  # the long s: IGNORECASE matches it as "s", str.lower keeps it
        ("We will report in ſeptember.", "2024-09"),
        ("a further update in ſpring", "2024"),
        ("In March 2019 it was rated good, and ſix years later outstanding.", "2025"),
        ("on Frıday 7 June 2024", "2024-06-07"),  # the dotless i
    ],
)
def test_words_ignorecase_matches_as_ascii_are_read_as_those_words(text, expected):
    """A month, season, weekday or number a case-insensitive pattern matched through a letter ``str.lower`` leaves
    apart (the long s, the dotless i) is read as the word it matched as (``casefold.fold``), not a failed lookup."""
    found = find_dates(text, anchor=D(2024, 5, 10), future=True, seasons=True)
    assert expected in [d.date.iso() for d in found]
