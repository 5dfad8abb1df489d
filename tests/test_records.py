"""caregraph.records.PartialDate: one total ordering over dates of mixed precision, and the one parser of
"YYYY", "YYYY-MM" and "YYYY-MM-DD" that the manifest, the viz date window and the rules' date tables share."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caregraph.explore.network import SelectionError, normalise_date
from caregraph.pipeline.dates import sort_key
from caregraph.pipeline.load import read_manifest
from caregraph.records import PartialDate as D


@st.composite
def partial_dates(draw) -> D:
    day = draw(st.dates(min_value=datetime.date(1, 1, 1)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return D(day.year)
    if precision == "month":
        return D(day.year, day.month)
    return D(day.year, day.month, day.day)


def test_a_coarser_date_sorts_before_the_finer_dates_inside_it():
    assert D(2019) < D(2019, 1) < D(2019, 1, 1) < D(2019, 5) < D(2019, 5, 31) < D(2020)
    assert D(2019, 5) > D(2019) and D(2019) <= D(2019) and D(2019, 12, 31) >= D(2019, 12)
    assert sorted([D(2019, 5), D(2019), D(2018, 12, 31), D(2019, 4, 30)]) == [
        D(2018, 12, 31),
        D(2019),
        D(2019, 4, 30),
        D(2019, 5),
    ]
    assert max([D(2019), D(2019, 2), D(2019, 1, 31)]) == D(2019, 2)


def test_a_date_does_not_compare_with_other_things():
    with pytest.raises(TypeError):
        D(2019) < "2020"  # noqa: B015
    assert D(2019) != "2019" and D(2019) != D(2019, 1)


@given(partial_dates(), partial_dates())
def test_the_order_is_total_and_agrees_with_equality_and_the_sort_key(a, b):
    assert (a < b) + (a == b) + (a > b) == 1
    assert (a < b) == (sort_key(a) < sort_key(b)) == (a.sort_key() < b.sort_key())
    assert (a == b) == (a.sort_key() == b.sort_key())
    assert (a <= b) == (not a > b)


@given(partial_dates())
def test_parse_reads_back_what_iso_writes(date):
    assert D.parse(date.iso()) == date
    assert D.parse(f"  {date.iso()}\n") == date


@pytest.mark.parametrize(
    "text",
    ["", "19", "2019-5", "2019-05-5", "2019/05", "May 2019", "2019-13", "2019-00", "2019-02-30", "2019-04-31", "x"],
)
def test_parse_refuses_what_is_not_a_partial_date(text):
    with pytest.raises(ValueError, match="is not a date"):
        D.parse(text)


def test_of_checks_the_calendar():
    assert D.of(2024, 2, 29) == D(2024, 2, 29) and D.of(2019) == D(2019)
    for parts in ((2023, 2, 29), (2019, 13), (2019, None, 5), (2019, 0)):
        with pytest.raises(ValueError):
            D.of(*parts)


def test_the_manifest_and_the_viz_window_use_the_same_parser(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Surrey County Council\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,url,published\na.txt,https://example.org/a,2019-02\nb.txt,https://example.org/b,2019-02-30\n",
        encoding="utf-8",
    )
    good, bad = read_manifest(tmp_path / "manifest.csv")
    assert good.published == D(2019, 2)
    assert "bad published date '2019-02-30'" in str(bad)
    assert normalise_date(" 2019-02 ", "since") == "2019-02"
    with pytest.raises(SelectionError, match="since '2019-02-30' is not a date"):
        normalise_date("2019-02-30", "since")
