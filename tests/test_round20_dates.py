"""Round 20 (helper ``dates``): dates told from the page's own date and from the date a sentence has just named.

Made-up text in the style of council news and local papers. Positive cases fail on the base code (9b09eb2);
guards are near misses that must give nothing.
"""

from __future__ import annotations

import pytest

from caregraph.pipeline.dates import find_dates
from caregraph.records import PartialDate as D

from .conftest import extract_text, inspection_rows


def told(text: str, anchor: D | None = None) -> list[tuple[str, str]]:
    return [(text[d.start : d.end], d.date.iso()) for d in find_dates(text, anchor)]


@pytest.mark.parametrize(
    "text, words, expected",
    [
        (
            "An inspection in November 2022 found a decline since the review three years earlier.",
            "three years earlier",
            "2019",
        ),
        (
            "The services were rated inadequate in March 2016 and a visit two months later found progress.",
            "two months later",
            "2016-05",
        ),
        ("Rated good in 2014, the services were rated outstanding four years on.", "four years on", "2018"),
        (
            "Ofsted inspected the services in June 2018 and the following year a focused visit followed.",
            "the following year",
            "2019",
        ),
        (
            "Judged inadequate in 2011, and a follow-up report later that autumn found progress.",
            "later that autumn",
            "2011",
        ),
        ("Inspected in May 2017, the service was visited again later that month.", "later that month", "2017-05"),
    ],
)
def test_a_date_told_from_the_date_the_sentence_just_named(text, words, expected):
    assert (words, expected) in told(text)


@pytest.mark.parametrize(
    "text",
    [
        "An inspection took place in November 2022. A review three years earlier had found the same.",  # another sentence
        "The budget was agreed in 2019, three years earlier than planned.",  # a comparison
        "A review three years earlier had found the same.",  # no date named
        "Rated good in 2014, it improved over the following years to come.",  # no span told
    ],
)
def test_no_date_is_told_from_another_sentence_or_a_comparison(text):
    assert all(d.relative is False for d in find_dates(text))


def test_last_weekday_on_that_weekday_is_the_week_before():
    assert told("The report was published last Thursday.", D(2017, 10, 19)) == [("last Thursday", "2017-10-12")]


@pytest.mark.parametrize(
    "top, url, expected",
    [
        # the weekday fixes the year: the latest year the page states, or the one after it
        ("This morning (Wednesday 24 March) Ofsted published its letter. It rated the services inadequate in 2019 "
         "and the council has reported since November 2020.", None, D(2021, 3, 24)),
        ("In a letter published today (Friday, March 10), Ofsted praised the council. It was rated good in 2022.",
         None, D(2023, 3, 10)),
        ("The report, published today (Wednesday, April 15th), follows an inspection. Rated good in 2015.",
         None, D(2015, 4, 15)),
        # the URL's year, with no weekday to check it by
        ("In a letter published today (12 January), Ofsted praised the council.", "https://www.anyshire.gov.uk/news/2024/letter", D(2024, 1, 12)),
    ],
)  # fmt: skip
def test_the_page_date_from_today_glossed_by_a_day_without_its_year(top, url, expected):
    x = extract_text("Council news\n\n" + top + "\n", url=url or "https://www.anyshire.gov.uk/news/1")
    assert x.date == expected


@pytest.mark.parametrize(
    "top, url",
    [
        # no year anywhere
        ("This morning (Wednesday 24 March) Ofsted published its letter.", None),
        # no weekday and no year in the URL
        ("In a letter published today (12 January), Ofsted praised the council. It was rated good in 2022.", None),
        # the URL's year has that day on another weekday
        ("This morning (Wednesday 24 March) Ofsted published its letter.", "https://www.anyshire.gov.uk/news/2022/x"),
        # the stated years and the one after them have that day on another weekday
        ("Published today (Monday 23 May), the report on the 2017 inspection.", None),
    ],
)
def test_no_page_date_is_invented_from_a_day_without_its_year(top, url):
    x = extract_text("Council news\n\n" + top + "\n", url=url or "https://www.anyshire.gov.uk/news/1")
    assert x.date is None


def test_a_visit_dated_by_the_page_date_of_a_glossed_today():
    x = extract_text(
        "Council news\n\nThis morning (Wednesday 24 March) Ofsted published a letter about its monitoring visit in "
        "February.\nThe council's services were rated inadequate in 2019 and it has worked hard since November 2020.\n",
        url="https://www.anyshire.gov.uk/news/1",
    )
    assert ("monitoring-visit", "2021-02", None, None) in inspection_rows(x)


def test_a_previous_inspection_dated_from_the_one_just_named():
    x = extract_text(
        "Council news\n\nAn Ofsted inspection of children's services in November 2022 found serious failings and a "
        "decline since the previous inspection three years earlier.\n",
        url="https://www.anyshire.gov.uk/news/1",
        published=D(2023, 1, 20),
    )
    assert {row[1] for row in inspection_rows(x)} == {"2022-11", "2019"}


def test_no_relative_date_on_an_undated_page():
    x = extract_text(
        "Council news\n\nA monitoring visit last month found the council is making progress.\n",
        url="https://www.anyshire.gov.uk/news/1",
    )
    assert not [i for i in x.inspections if i.start is not None]
