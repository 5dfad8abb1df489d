"""Round 17 (issue 14): meetings named in the prose, lists and tables of council news, service pages and reports, found
by probing (bench/probes/meetings.md). Made-up text of "Anyshire County Council"; each positive case failed before.

The gaps: a body whose meeting day stands between its name and its verb ("The Schools Forum, meeting on …, agreed");
a day in brackets after "on" or after a weekday; a day before "by <body>"; a possessive's day before "meeting"; "On
<day> members of the Panel …"; a list's or a timeline's line; a "Date | Meeting" table's body cell; a day given
without its year in those frames (the year from the page's date); joint bodies with as many days as bodies (one day
each) and "Members of X and of Y"; a clause's opening word, a minute's number, "Date of" and "Report to" before a
name; a cabinet or full council meeting in lower case; an apposition in brackets or dashes; "<Body> date:"; and the
bodies of outside organisations (an NHS board, the LGA's, Ofsted's), which are no council body's.
"""

from __future__ import annotations

import pytest

from caregraph.gold import normalise_label
from caregraph.records import PartialDate

from .conftest import extract_text

NEWS = "https://www.anyshire.gov.uk/news/1"
REPORT = "https://democracy.anyshire.gov.uk/documents/s12345/Report.pdf"
PAGE = PartialDate(2023, 10, 20)


def _meetings(text: str, url: str = NEWS, published: PartialDate | None = PAGE) -> set[tuple[str, str]]:
    x = extract_text("Anyshire County Council\n\n" + text + "\n", url=url, published=published)
    return {(normalise_label(m.body), m.date.iso()) for m in x.meetings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day between the name and its verb, as an apposition
        (
            "The Corporate Parenting Board, meeting on 11 October 2023, heard from young people.",
            "corporate parenting board",
        ),
        ("The Families Scrutiny Panel, on 11 October 2023, received the action plan.", "families scrutiny panel"),
        (
            "The Schools Forum, which is chaired by a head teacher, on 11 October 2023 agreed the funding formula.",
            "schools forum",
        ),
        # a day in brackets after "on", or after a weekday
        ("Cabinet on Wednesday (11 October 2023) backed the bid for a new home.", "cabinet"),
        # the day before the body that acted
        ("The sufficiency strategy was endorsed on 11 October 2023 by the Executive.", "executive"),
        # a possessive's day before "meeting"
        (
            "The Corporate Parenting Board's 11 October 2023 meeting heard from care leavers.",
            "corporate parenting board",
        ),
        # the day first, then members of the body
        (
            "On 11 October 2023 members of the Families Scrutiny Panel questioned the director.",
            "families scrutiny panel",
        ),
        (
            "On 11 October 2023 councillors on the Families Scrutiny Panel questioned the director.",
            "families scrutiny panel",
        ),
        # a clause's opening word is no part of the name
        (
            "While the Families Scrutiny Board met on 11 October 2023, officers were at the inspection.",
            "families scrutiny board",
        ),
        # "will be asked to"
        ("The Executive will be asked to endorse the sufficiency strategy on 11 October 2023.", "executive"),
        # an apposition in brackets or between dashes
        ("The Schools Forum (chaired by a head teacher) met on 11 October 2023.", "schools forum"),
        (
            "The Corporate Parenting Board — chaired by the lead member — met on 11 October 2023.",
            "corporate parenting board",
        ),
        # a timeline's line
        ("11 October 2023: Cabinet agreed the improvement plan.", "cabinet"),
        # a minute's number, "Report to" before the name
        ("As minute 12 of Cabinet, 11 October 2023, records, the plan was agreed.", "cabinet"),
        ("Background papers\nReport to Cabinet, 11 October 2023: Ofsted improvement plan", "cabinet"),
        # a cabinet or a full council meeting, in lower case as news writes it
        ("The plan was approved at a cabinet meeting on 11 October 2023.", "cabinet"),
        ("Councillors will debate the plan at a full council meeting on 11 October 2023.", "full council"),
        # a field's label "<Body> date:"
        ("Executive date: 11 October 2023\nWards affected: all", "executive"),
    ],
)
def test_a_body_and_its_day_in_prose_lists_and_labels(text, expected):
    assert _meetings(text, url=REPORT if "papers" in text or "Wards" in text else NEWS) == {(expected, "2023-10-11")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At its meeting on 9 October, the Executive agreed the plan.", {("executive", "2023-10-09")}),
        (
            "The Families Scrutiny Panel met on 2 October to review the findings.",
            {("families scrutiny panel", "2023-10-02")},
        ),
        ("The Executive will be asked to approve the plan on 7 November.", {("executive", "2023-11-07")}),
        ("The report will be debated at Council on 30 September.", {("council", "2023-09-30")}),
        ("The Schools Forum met on 28 Sept to set the budget.", {("schools forum", "2023-09-28")}),
    ],
)
def test_a_day_without_its_year_takes_the_year_of_the_pages_date(text, expected):
    assert _meetings(text) == expected


def test_a_day_without_its_year_on_an_undated_page_makes_no_meeting():
    assert _meetings("At its meeting on 9 October, the Executive agreed the plan.", published=None) == set()


def test_as_many_days_as_bodies_give_one_day_each():
    text = "The policy was adopted by Cabinet and Full Council on 6 and 20 June 2023 respectively."
    assert _meetings(text) == {("cabinet", "2023-06-06"), ("full council", "2023-06-20")}


def test_bodies_in_brackets_each_with_its_day():
    text = "Both the Families Scrutiny Committee (on 5 June 2023) and Cabinet (on 13 June 2023) endorsed the plan."
    assert _meetings(text) == {("families scrutiny committee", "2023-06-05"), ("cabinet", "2023-06-13")}


def test_members_of_two_bodies_briefed_together():
    text = "Members of Cabinet and of the Corporate Parenting Board were briefed on 5 June 2023."
    assert _meetings(text) == {("cabinet", "2023-06-05"), ("corporate parenting board", "2023-06-05")}


def test_a_list_of_key_dates():
    text = "Key dates for decision:\n• Schools Forum: 11 October 2023\n• Cabinet: 18 October 2023"
    assert _meetings(text, url=REPORT) == {("schools forum", "2023-10-11"), ("cabinet", "2023-10-18")}


def test_a_date_and_meeting_tables_rows_are_the_named_bodies():
    text = "Route to decision\nDate | Meeting\n4 October 2023 | Corporate Parenting Panel\n18 October 2023 | Cabinet"
    assert _meetings(text, url=REPORT) == {("corporate parenting panel", "2023-10-04"), ("cabinet", "2023-10-18")}


@pytest.mark.parametrize(
    "text",
    [
        # outside organisations' bodies
        "The NHS Anyshire Integrated Care Board met on 5 June 2023 and agreed its budget.",
        "The Local Government Association's Children and Young People Board met on 5 June 2023.",
        "The Ofsted Board met on 5 June 2023 to agree the new framework.",
        "The budget was agreed on 5 June 2023 by the Anyshire Integrated Care Board.",
        # a month's name before "and the Board" is no part of a name
        "Ofsted visited on 12 March and the Board on 5 April heard.",
        # no meeting said
        "The Schools Forum, which was set up in 2010, on 5 June 2023 published its accounts.",
        "On 5 June 2023 councillors on the Corporate Parenting Board visited a children's home.",
        "The Cabinet Member for Children, on 5 June 2023, approved the new fees.",
        "The plan was approved at a cabinet meeting in June 2023.",
        "The Executive will consider the plan in the spring.",
    ],
)
def test_no_meeting_of_a_council_body(text):
    assert _meetings(text) == set()
