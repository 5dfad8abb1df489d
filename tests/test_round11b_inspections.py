"""Round 11b: second and further events a page names in other words (made-up council-paper and news text).

1. A year right after an event's or its report's name, as a title dates it, with no preposition ("Children's
   Services Ofsted inspection 2015", "Ofsted Report 2016", "Ofsted inspection and review of the Local Safeguarding
   Children Board 2015"); not a year that starts a span ("2016/17"), one after an annual report's name, nor one that a
   finer date of the same year in the sentence stands for.
2. A list of years after any cue: "had been inspected in 2017 and 2019" is two events (a plural cue's list was read
   already); not a year qualified as early or late ("in late 2016 and early 2017": one event across the year's end),
   nor a list of months.
3. Plural visits with a list of dates after them refer back to the visit kind last named ("seven monitoring visits …
   their most recent visits in February 2019, July 2019 and February 2020"); not home visits, nor visits with no
   visit named before.
4. A review named with a determiner and no one's name after a commissioner's review is the next of the commissioner's
   ("an interim review in May 2019 and a final review in November 2019"); not a review "of" something, nor a review
   on a page that names no commissioner's review, nor after a visit of another kind was named since.
5. A finding the inspectorate stated at a time the sentence opens on, in a sentence that names no event ("In 2019,
   inspectors said …", "In November 2016, the watchdog found …"): an Ofsted visit of no stated kind then; not a time
   without its year, another body's words, nor a sentence that names its event.
"""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text

PAGE_DATE = PartialDate(2025, 6, 10)


def _events(
    text: str, published: PartialDate | None = PAGE_DATE
) -> set[tuple[str, str | None, str | None, str | None]]:
    """(kind, start or publication date, end, judgement) of each inspection the text gives."""
    x = extract_text(text, url="https://www.anyshire.gov.uk/news/1", published=published)
    return {
        (
            i.kind,
            (i.start or i.published).iso() if (i.start or i.published) else None,
            i.end.iso() if i.end else None,
            i.judgement,
        )
        for i in x.inspections
    }


# ------------------------------------------------------------------------------------------------ 1. title years


@pytest.mark.parametrize(
    "text",
    [
        "Children's Services Ofsted inspection 2015",
        "Agenda item - Children's Services Ofsted inspection and review of LSCB 2015\n\nThe report was noted.",
        "Ofsted inspection and review of Local Safeguarding Children Board 2015\n\nMembers noted the action plan.",
    ],
)
def test_a_year_after_an_events_name_in_a_title_dates_it(text):
    assert _events(text) == {("sif", "2015", None, None)}


def test_a_year_after_a_reports_name_in_a_title_dates_its_report():
    assert _events("Ofsted Report 2016\n\nThe committee noted the report.") == {("sif", "2016", None, None)}


@pytest.mark.parametrize(
    "text",
    [
        "The Ofsted inspection was discussed alongside the Annual Report 2016.",
        "Members discussed the Ofsted inspection and the Budget Review 2019.",
        "The Ofsted report 2016/17 was noted.",
        "The Ofsted report 2016-2018 summary was noted.",
    ],
)
def test_no_year_of_an_annual_report_or_a_span(text):
    assert _events(text) == set()


def test_a_finer_date_of_the_same_year_stands_for_the_title_year():
    text = "Members received a report on the Ofsted Inspection 2016 which took place in March 2016."
    assert _events(text) == {("sif", "2016-03", None, None)}


# ------------------------------------------------------------------------------------------------ 2. lists of years


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Anyshire had been inspected as an area partnership in 2017 and 2019 in relation to SEND.", "send-area"),
        ("The council's children's services were inspected in 2014 and 2016.", "sif"),
    ],
)
def test_a_list_of_years_after_a_cue_is_one_event_a_year(text, kind):
    first, second = ("2014", "2016") if kind == "sif" else ("2017", "2019")
    assert _events(text) == {(kind, first, None, None), (kind, second, None, None)}


def test_three_years_listed():
    text = "The council's children's services were inspected in 2011, 2014 and 2016."
    assert {start for _, start, _, _ in _events(text)} == {"2011", "2014", "2016"}


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # one event across the year's end
        ("The council's children's services were inspected in late 2016 and early 2017.", {"2016"}),
        # months: one event's
        ("Inspectors visited in March and April 2019.", {"2019-03"}),
    ],
)
def test_qualified_years_and_months_are_no_list_of_events(text, starts):
    assert {start for _, start, _, _ in _events(text)} == starts


# ------------------------------------------------------------------------------------------------ 3. plural visits


def test_plural_visits_with_a_list_of_dates_are_the_visits_last_named():
    text = (
        "Since the inspection the service has had six monitoring visits. Inspectors saw improving practice during "
        "their most recent visits in March 2019, August 2019 and January 2020."
    )
    assert {(kind, start) for kind, start, _, _ in _events(text)} == {
        ("monitoring-visit", "2019-03"),
        ("monitoring-visit", "2019-08"),
        ("monitoring-visit", "2020-01"),
    }


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        (
            "The monitoring visit took place in January 2023. Social workers made home visits in March 2023 and "
            "April 2023.",
            {"2023-01"},
        ),
        ("Our social workers increased their visits in March 2023 and April 2023.", set()),
    ],
)
def test_no_plural_visits_of_social_work_or_of_no_kind_named(text, starts):
    assert {start for _, start, _, _ in _events(text)} == starts


# ------------------------------------------------------------------------------------------------ 4. commissioners' reviews


def test_reviews_after_a_commissioners_review_are_the_commissioners():
    text = (
        "The minister agreed with the findings of the report from the Commissioner, Jane Sample. The Statutory "
        "Direction says that Jane Sample will carry out an interim review in May 2026 and a final review in "
        "November 2026."
    )
    assert _events(text) == {
        ("commissioner-review", "2026-05", None, None),
        ("commissioner-review", "2026-11", None, None),
    }


@pytest.mark.parametrize(
    ("text", "events"),
    [
        (
            "The minister agreed with the report from the Commissioner. A review of the front door took place in "
            "May 2024.",
            set(),
        ),
        ("The council will carry out an interim review in May 2026.", set()),
        (
            "The minister agreed with the report from the Commissioner. Ofsted's monitoring visit took place in "
            "March 2024. The council held a final review in May 2024.",
            {("monitoring-visit", "2024-03", None, None)},
        ),
    ],
)
def test_no_commissioners_review_of_something_nor_without_one_named_last(text, events):
    assert _events(text) == events


# ------------------------------------------------------------------------------------------------ 5. dated findings


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("And in 2019, inspectors said front door services for children had been transformed.", "2019"),
        ("In November 2016, the watchdog found the service had deteriorated.", "2016-11"),
        ("In 2010, when Ofsted said some children were being left at risk, the director resigned.", "2010"),
        ("During 2012, Ofsted inspectors warned that caseloads were too high.", "2012"),
    ],
)
def test_a_finding_the_inspectorate_stated_at_a_fronted_time_is_a_visit_then(text, start):
    assert _events(text) == {("other", start, None, None)}


def test_a_dated_finding_with_a_grade_is_one_inspection_of_its_framework():
    # (the grade made this event before; the finding's visit is the same event, not a second one)
    text = "In 2016, Ofsted found the service required improvement in every area."
    assert _events(text) == {("sif", "2016", None, "requires-improvement")}


@pytest.mark.parametrize(
    "text",
    [
        "In April, Ofsted found children were at risk.",  # no year: read from the page's date, left alone
        "Inspectors said the plan agreed in March 2023 was working.",  # the date is not the sentence's opening
        "In 2019, the council said the plan was working.",  # not the inspectorate's words
        "In 2019, the director said inspectors had found nothing new.",  # the inspectorate is not the subject
    ],
)
def test_no_finding_event_without_a_fronted_year_and_the_inspectorate_as_subject(text):
    assert _events(text) == set()


def test_a_sentence_that_names_its_event_gives_one_event():
    text = "In November 2016, an Ofsted inspection found the service had deteriorated."
    assert _events(text) == {("sif", "2016-11", None, None)}
