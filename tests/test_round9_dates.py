"""Round 9: dates of one event that a page gives twice or without a year, in made-up council-paper text.

1. A relative year after a range of months is the whole range's year ("between November and December last year").
2. Of two dates one mention of an event gives side by side, the finer one that lies within the coarser wins ("its
   inspection, which took place earlier this year from 14 to 25 March").
3. On a page with no date of its own that states one month with its year and no other, a day of that month written
   without a year takes that year ("carried out in March 2023. … took place from 6-17 March").
"""

from __future__ import annotations

import pytest

from caregraph.pipeline.dates import DateMention, find_dates, finer_within
from caregraph.records import PartialDate as D

from .conftest import extract_text
from .conftest import inspection_rows as rows

ANCHOR = D(2023, 3, 2)


def spans(text: str, anchor: D | None = ANCHOR) -> list[tuple[str, str, str | None]]:
    """(the words, start, end) of each date ``find_dates`` reads in ``text``."""
    return [(text[m.start : m.end], m.date.iso(), m.until.iso() if m.until else None) for m in find_dates(text, anchor)]


# ------------------------------------------------------------------------------------------------ 1. range + year


@pytest.mark.parametrize(
    ("text", "words", "start", "end"),
    [
        (
            "Inspectors visited between November and December last year.",
            "November and December last year",
            "2022-11",
            "2022-12",
        ),
        (
            "The visit is due in November and December this year.",
            "November and December this year",
            "2023-11",
            "2023-12",
        ),
        ("They came in January and February this year.", "January and February this year", "2023-01", "2023-02"),
        ("It ran in late June or early July last year.", "late June or early July last year", "2022-06", "2022-07"),
        ("A re-inspection in September-October next year.", "September-October next year", "2024-09", "2024-10"),
        ("Held from 4 to 22 July last year.", "4 to 22 July last year", "2022-07-04", "2022-07-22"),
        ("Held 28 February to 4 March last year.", "28 February to 4 March last year", "2022-02-28", "2022-03-04"),
        ("Held between 4 and 22 July this year.", "4 and 22 July this year", "2023-07-04", "2023-07-22"),
    ],
)
def test_a_relative_year_after_a_range_is_the_whole_range_s_year(text, words, start, end):
    assert spans(text) == [(words, start, end)]


def test_a_range_of_months_with_a_relative_year_needs_the_anchor():
    assert spans("Inspectors visited between November and December last year.", None) == []


def test_each_month_keeps_its_own_relative_year():
    text = "Inspectors visited between November last year and March this year."
    assert spans(text) == [("November last year", "2022-11", None), ("March this year", "2023-03", None)]


def test_a_range_of_months_with_its_year_stated_is_unchanged():
    assert spans("Inspectors visited in November and December 2021.") == [
        ("November and December 2021", "2021-11", "2021-12")
    ]


def test_an_inspection_dated_by_a_range_of_months_last_year():
    x = extract_text(
        "Westshire Council's children's services were rated good after an Ofsted inspection in November and "
        "December last year.",
        published=ANCHOR,
    )
    assert rows(x) == {("ilacs", "2022-11", "2022-12", "good")}


# ------------------------------------------------------------------------------------------------ 2. finer within


def mention(date: D, until: D | None = None) -> DateMention:
    return DateMention(0, 1, date, until)


@pytest.mark.parametrize(
    ("fine", "coarse", "within"),
    [
        (mention(D(2022, 3, 14), D(2022, 3, 25)), mention(D(2022)), True),
        (mention(D(2022, 7, 4), D(2022, 7, 22)), mention(D(2022, 7)), True),
        (mention(D(2022, 11, 14)), mention(D(2022)), True),
        (mention(D(2022, 11)), mention(D(2022, 10), D(2022, 12)), False),  # a month of a range: one of several
        (mention(D(2023, 3, 14), D(2023, 3, 25)), mention(D(2022)), False),  # another year
        (mention(D(2022, 12, 28), D(2023, 1, 4)), mention(D(2022)), False),  # runs out of it
        (mention(D(2022)), mention(D(2022, 3, 14)), False),  # coarser, not finer
        (mention(D(2022, 3)), mention(D(2022, 3)), False),  # as fine
    ],
)
def test_finer_within(fine, coarse, within):
    assert finer_within(fine, coarse) is within


@pytest.mark.parametrize(
    ("sentence", "published", "start", "end"),
    [
        (
            "Anyshire's children's services have been rated outstanding after their Ofsted inspection, which took "
            "place earlier this year from 14 to 25 March.",
            D(2022, 6, 10),
            "2022-03-14",
            "2022-03-25",
        ),
        (
            "Anyshire's children's services have been rated good after their Ofsted inspection last year, on 9 and "
            "10 May.",
            D(2023, 2, 1),
            "2022-05-09",
            "2022-05-10",
        ),
        (
            "Anyshire's children's services have been rated good after their Ofsted inspection in May 2022, between "
            "9 and 20 May.",
            None,
            "2022-05-09",
            "2022-05-20",
        ),
    ],
)
def test_the_finer_of_two_dates_of_one_mention_wins(sentence, published, start, end):
    x = extract_text(sentence, published=published)
    assert {(r[1], r[2]) for r in rows(x)} == {(start, end)}


def test_two_events_of_one_sentence_keep_their_own_dates():
    x = extract_text(
        "Anyshire's children's services were rated good in an Ofsted inspection in 2019, and a monitoring visit "
        "took place on 4 and 5 June 2019."
    )
    assert rows(x) == {("ilacs", "2019", None, "good"), ("monitoring-visit", "2019-06-04", "2019-06-05", None)}


def test_two_events_of_two_sentences_keep_their_own_dates():
    x = extract_text(
        "Anyshire's children's services were rated good in an Ofsted inspection in 2019. A monitoring visit took "
        "place on 4 and 5 June 2019."
    )
    assert rows(x) == {("ilacs", "2019", None, "good"), ("monitoring-visit", "2019-06-04", "2019-06-05", None)}


# ------------------------------------------------------------------------------------------------ 3. stated year


def test_a_day_range_without_a_year_takes_the_year_of_the_page_s_one_month():
    x = extract_text(
        "An Ofsted inspection of Anyshire Council's children's services was carried out in March 2023. Anyshire's "
        "inspection took place from 6-17 March. Services were rated inadequate."
    )
    assert rows(x) == {("ilacs", "2023-03-06", "2023-03-17", "inadequate")}


def test_a_day_range_without_a_year_or_another_mention_stays_undated():
    x = extract_text("Ofsted inspected Anyshire Council's children's services from 6-17 March.")
    assert x.inspections == ()


def test_a_day_of_another_month_stays_undated():
    x = extract_text(
        "An Ofsted inspection of Anyshire Council's children's services was carried out in March 2023. A focused "
        "visit took place on 6 and 7 June."
    )
    assert rows(x) == {("ilacs", "2023-03", None, None)}


def test_a_page_that_states_two_months_with_their_years_gives_none():
    x = extract_text(
        "An Ofsted inspection of Anyshire Council's children's services was carried out in March 2019. A further "
        "inspection followed in May 2021. Anyshire's inspection took place from 6-17 March."
    )
    assert all(r[2] is None and len(r[1]) == 7 for r in rows(x))


def test_a_bare_month_without_a_year_stays_undated():
    # the same month years later is another event; restated for the same one, it tells nothing finer
    x = extract_text(
        "An inspection carried out in March 2017 found several good aspects of Anyshire's children's services. A "
        "special educational needs (SEND) inspection carried out in March found two significant weaknesses."
    )
    assert all(r[0] != "send-area" for r in rows(x))


def test_a_dated_page_reads_a_day_range_against_its_own_date():
    x = extract_text(
        "An Ofsted inspection of Anyshire Council's children's services was carried out in July 2022. Anyshire's "
        "inspection took place from 4-15 July.",
        published=D(2022, 9, 1),
    )
    assert rows(x) == {("ilacs", "2022-07-04", "2022-07-15", None)}
