"""Meetings written in the many ways council pages write them (issue 14, review classes M1–M3 in general form).

Every text is made up in the style of council pages (ModernGov, CMIS and report cover sheets, minutes, news); the
names ("Anyshire", "Jane Example") are invented. Each test states what a careful reader records under ANNOTATION.md:
the page's own meeting from its header in whatever layout, other meetings the text dates to the day whatever the
word order, and nothing for a council, a founding date or a month."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate as D

from .conftest import extract_text as run


def meetings(x) -> set[tuple[str, str]]:
    return {(m.body, m.date.iso()) for m in x.meetings}


# ------------------------------------------------------------------------------ M1: the page's own meeting


@pytest.mark.parametrize(
    ("header", "body"),
    [
        (
            "Agenda for Children's Services Scrutiny Committee on Tuesday, 12th March, 2024, 6.00 pm",
            "Children's Services Scrutiny Committee",
        ),
        ("Minutes of the Cabinet meeting held on 12 March 2024", "Cabinet"),
        (
            "Minutes of the Corporate Parenting Panel meeting held on Tuesday 12 March 2024 at 2pm",
            "Corporate Parenting Panel",
        ),
        (
            "MINUTES of a meeting of the CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE held at County Hall, Anytown "
            "on TUESDAY, 12 MARCH 2024 at 10.00 am",
            "CHILDREN AND YOUNG PEOPLE SCRUTINY COMMITTEE",
        ),
        ("Corporate Parenting Board, 12 March 2024, 2pm", "Corporate Parenting Board"),
        ("Children's Scrutiny Panel: 12 March 2024", "Children's Scrutiny Panel"),
        (
            "Children and Families Overview and Scrutiny Sub-Committee - 12 March 2024",
            "Children and Families Overview and Scrutiny Sub-Committee",
        ),
    ],
)
def test_a_body_with_its_day_on_the_pages_first_line_is_its_meeting(header, body):
    x = run(f"{header}\nPresent: Councillor Jane Example (Chair)\nThe Panel received the annual report.\n")
    assert meetings(x) == {(body, "2024-03-12")}
    assert x.date == D(2024, 3, 12)


@pytest.mark.parametrize(
    ("lines", "body"),
    [
        ("Corporate Parenting Panel\n\nDate: Tuesday 14 March 2023\nTime: 2.00 pm", "Corporate Parenting Panel"),
        ("Meeting: Corporate Parenting Board\nDate: 14 March 2023\nReport of: Director", "Corporate Parenting Board"),
        ("Report to: Cabinet\nDate of meeting: 14 March 2023\nSubject: Ofsted focused visit", "Cabinet"),
        (
            "Committee: Children and Young People Scrutiny Committee\nMeeting date: 14/03/2023",
            "Children and Young People Scrutiny Committee",
        ),
        ("Meeting of the Cabinet\nTuesday 14 March 2023 at 10.00 am", "Cabinet"),
        ("ANYSHIRE COUNTY COUNCIL\nCABINET\n14 March 2023\nReport of the Director", "CABINET"),
        ("Anyshire Council\nMeeting of Full Council\nTuesday 14 March 2023", "Full Council"),
        (
            "Minutes of the Anyshire Safeguarding Children Partnership Executive Group\nHeld on 14 March 2023, Online",
            "Anyshire Safeguarding Children Partnership Executive Group",
        ),
        ("Agenda\nSchools Forum\nTuesday 14 March 2023, 9.30am\nVirtual meeting via Microsoft Teams", "Schools Forum"),
        (
            "Minutes of the meeting held on 14 March 2023\nCorporate Parenting Panel\n1. Apologies",
            "Corporate Parenting Panel",
        ),
        ("Children's Improvement Board\nMinutes of meeting held 14 March 2023", "Children's Improvement Board"),
        ("CORPORATE PARENTING PANEL\nMINUTES OF THE MEETING HELD ON 14 MARCH 2023", "CORPORATE PARENTING PANEL"),
        ("Corporate Parenting Panel\nMinutes: 14 March 2023", "Corporate Parenting Panel"),
        ("Corporate Parenting Panel – Minutes – 14 March 2023", "Corporate Parenting Panel"),
        ("Corporate Parenting Panel 14 March 2023\nMinutes", "Corporate Parenting Panel"),
        ("Meeting title: Children's Partnership Board\nMeeting date: 14 March 2023", "Children's Partnership Board"),
        ("Meeting: Cabinet\nVenue: Council Chamber\nDate: 14 March 2023", "Cabinet"),
        ("Issue - meetings\nMeeting: Tuesday 14 March 2023 - Cabinet (Item 12)", "Cabinet"),
    ],
)
def test_a_body_and_its_day_on_separate_header_lines(lines, body):
    x = run(f"{lines}\nThe Panel received the annual report of the Virtual School.\n")
    assert meetings(x) == {(body, "2023-03-14")}
    assert x.date == D(2023, 3, 14)


def test_a_day_under_a_report_title_below_the_body_is_no_meeting():
    # the body's name, then the title of a letter, then its date: the date is the letter's
    x = run("Improvement Board\nOfsted monitoring visit letter\n14 March 2023\nDear Director\n")
    assert x.meetings == ()


def test_a_council_above_a_date_is_no_meeting():
    x = run("Anyshire County Council\n14 March 2023\nOfsted has rated the council's children's services good.\n")
    assert x.meetings == ()


def test_a_date_line_far_below_the_header_is_not_the_pages_meeting():
    prose = "The Panel received the annual report of the Virtual School and asked about attendance. " * 3
    x = run(f"Corporate Parenting Panel\n{prose}\nDate: 14 March 2023\n")
    assert x.meetings == ()


def test_decision_date_written_another_way():
    x = run(
        "Decision details\nOfsted monitoring visit outcome\nDecision Maker: Cabinet\n"
        "Decision status: Recommendations Approved\nDecision date: 14/05/2023\n"
    )
    assert meetings(x) == {("Cabinet", "2023-05-14")}
    assert x.date == D(2023, 5, 14)


# ------------------------------------------------------------------------------ M2: meetings named in the text


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("At its meeting on 12 July 2023, the Cabinet agreed the improvement plan.", "Cabinet"),
        ("On 12 July 2023 the Corporate Parenting Panel considered the annual report.", "Corporate Parenting Panel"),
        ("The Children's Scrutiny Committee of 12 July 2023 recommended approval.", "Children's Scrutiny Committee"),
        ("Members noted that the 12 July 2023 meeting of the Cabinet had approved the plan.", "Cabinet"),
        ("The Cabinet on 12 July 2023 approved the plan.", "Cabinet"),
        ("Members of the Corporate Parenting Panel met on 12 July 2023.", "Corporate Parenting Panel"),
        ("The letter was reported to the Children's Improvement Board (12 July 2023).", "Children's Improvement Board"),
        ("The Schools Forum, which met on 12 July 2023, supported the proposal.", "Schools Forum"),
        (
            "The Children and Young People Overview and Scrutiny Committee, at their meeting of 12 July 2023, "
            "supported the proposal.",
            "Children and Young People Overview and Scrutiny Committee",
        ),
        ("Full Council on 12 July 2023 adopted the strategy.", "Full Council"),
        ("The Improvement Board last met on 12 July 2023.", "Improvement Board"),
        ("The action plan was approved by Cabinet, 12 July 2023.", "Cabinet"),
        (
            "The report was considered by the Children, Young People and Education Committee on 12 July 2023.",
            "Children, Young People and Education Committee",
        ),
        ("On Tuesday, Cabinet met on 12 July 2023 to agree the plan.", "Cabinet"),
        ("The plan went to Cabinet on 12.07.2023 for approval.", "Cabinet"),
        ("The Corporate Parenting Board (CPB) met on 12 July 2023.", "Corporate Parenting Board"),
        # a ModernGov body of one member ("Decision Session" is its head word, as "Committee" is a committee's)
        (
            "The Executive Member Decision Session on 12 July 2023 approved the plan.",
            "Executive Member Decision Session",
        ),
    ],
)
def test_a_dated_meeting_of_a_named_body_in_any_word_order(sentence, body):
    x = run(f"Agenda item\nImprovement update\nMinutes:\n{sentence}\n", published=D(2023, 9, 1))
    assert meetings(x) == {(body, "2023-07-12")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The outcome was reported to the Corporate Parenting Panel in July 2023.",
        "The Council was inspected on 12 July 2023.",
        "On 12 July 2023 the Improvement Board was set up to oversee the plan.",
        "Ofsted inspected the Council on 12 July 2023.",
        "The Leader met the Minister on 12 July 2023.",
    ],
)
def test_no_meeting_without_a_body_that_met_on_a_day(sentence):
    x = run(f"Agenda item\nImprovement update\nMinutes:\n{sentence}\n", published=D(2023, 9, 1))
    assert x.meetings == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Date of next meeting: 4 September 2019",
        "The next meeting of the Panel will be held on 4 September 2019 at 2pm.",
        "The Panel's next meeting on 4 September 2019 will consider the plan.",
        "The next meeting will be held on 4 September 2019.",
    ],
)
def test_the_next_meeting_is_the_pages_own_bodys(sentence):
    x = run(f"Corporate Parenting Panel - Wednesday, 5th June, 2019 2.00 pm\n{sentence}\n")
    assert meetings(x) == {("Corporate Parenting Panel", "2019-06-05"), ("Corporate Parenting Panel", "2019-09-04")}
    assert x.date == D(2019, 6, 5)


@pytest.mark.parametrize(
    "sentence",
    [
        "The minutes of the meeting of 6 March 2019 were agreed.",
        "The minutes of the meeting dated 6 March 2019 were agreed.",
        "Minutes of the last meeting, held on 6 March 2019, were confirmed.",
    ],
)
def test_an_earlier_unnamed_meeting_in_other_wordings(sentence):
    x = run(f"Corporate Parenting Panel - Wednesday, 5th June, 2019 2.00 pm\n{sentence}\n")
    assert meetings(x) == {("Corporate Parenting Panel", "2019-06-05"), ("Corporate Parenting Panel", "2019-03-06")}


def test_the_next_meeting_on_a_page_that_names_no_body_is_no_meeting():
    x = run("Minutes\nThe next meeting will be held on 4 September 2019.\n")
    assert x.meetings == ()


def test_a_joint_meeting_of_two_named_bodies_is_a_meeting_of_each():
    x = run(
        "Agenda item\nMinutes:\nThe Health Scrutiny Committee and the Children's Scrutiny Committee met jointly on "
        "12 July 2023.\n",
        published=D(2023, 9, 1),
    )
    assert meetings(x) == {("Health Scrutiny Committee", "2023-07-12"), ("Children's Scrutiny Committee", "2023-07-12")}


# ------------------------------------------------------------------------------ a meeting the sentence dates by "its"


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "The Anyshire Safeguarding Partnership Board will look at the audit at its meeting on 8 October 2024.",
            "Anyshire Safeguarding Partnership Board",
        ),
        (
            "Members of the Schools Forum are due to discuss the budget when it next meets, on 8 October 2024.",
            "Schools Forum",
        ),
        ("The Corporate Parenting Panel will next meet on 8 October 2024.", "Corporate Parenting Panel"),
        ("A progress report goes to the council's cabinet at its meeting on 8 October 2024.", "cabinet"),
    ],
)
def test_its_meeting_is_the_meeting_of_the_body_the_sentence_names(sentence, body):
    x = run(f"News\n{sentence}\n", published=D(2024, 9, 1))
    assert meetings(x) == {(body, "2024-10-08")}


@pytest.mark.parametrize(
    "sentence",
    [
        "RESOLVED – That the Panel receive the action plan at its meeting on 8 October 2024.",
        "That the next meeting be held on Tuesday 8 October 2024 at 2.00 p.m.",
        "(2) receive an update at the meeting on 8 October 2024; and",
    ],
)
def test_an_unnamed_meeting_in_a_resolution_is_the_pages_own_bodys(sentence):
    x = run(f"Corporate Parenting Panel\nTuesday 2 July 2024\n1. Ofsted letter\n{sentence}\n")
    assert meetings(x) == {("Corporate Parenting Panel", "2024-07-02"), ("Corporate Parenting Panel", "2024-10-08")}


def test_an_unnamed_meeting_on_a_page_of_no_body_is_no_meeting():
    x = run("News\nThe report will be discussed at the meeting on 8 October 2024.\n", published=D(2024, 9, 1))
    assert x.meetings == ()


def test_a_head_word_alone_is_the_nearest_body_named_with_it():
    x = run(
        "News\nThe Anyshire Children's Improvement Board has met six times this year.\n"
        "The Board will next meet on 8 October 2024.\n",
        published=D(2024, 9, 1),
    )
    assert meetings(x) == {("Anyshire Children's Improvement Board", "2024-10-08")}


def test_a_page_about_a_body_without_a_dated_header_is_that_bodys():
    x = run(
        "Youth Justice Partnership Board\nForward plan 2024/25\n"
        "Meeting date | Item | Lead officer\n"
        "8 October 2024 | HMIP inspection action plan | Head of Youth Justice\n"
        "14 January 2025 | Annual youth justice plan | Head of Youth Justice\n"
        "Notes\nThe minutes of the meeting held on 2 July 2024 are published on this page.\n"
    )
    assert meetings(x) == {
        ("Youth Justice Partnership Board", "2024-10-08"),
        ("Youth Justice Partnership Board", "2025-01-14"),
        ("Youth Justice Partnership Board", "2024-07-02"),
    }


def test_a_previous_meeting_dated_in_capitals():
    x = run(
        "CORPORATE PARENTING PANEL\nWednesday 18 January 2017\n"
        "27.  MINUTES OF THE PREVIOUS MEETING HELD ON 16TH NOVEMBER, 2016\nResolved:- That the minutes be approved.\n"
    )
    assert meetings(x) == {("CORPORATE PARENTING PANEL", "2017-01-18"), ("CORPORATE PARENTING PANEL", "2016-11-16")}


@pytest.mark.parametrize(
    ("lines", "body"),
    [
        ("Record of decision\nOfsted letter\nDate of meeting: Monday 3 July 2023\nDecision maker: Cabinet", "Cabinet"),
        (
            "Children's Improvement Board\nNotes of meeting held on Monday 3 July 2023, 10:00–12:00",
            "Children's Improvement Board",
        ),
        (
            "CORPORATE PARENTING COMMITTEE: MINUTES\n\nDate: Monday 3 July 2023\nTime: 10.00 a.m.",
            "CORPORATE PARENTING COMMITTEE",
        ),
    ],
)
def test_more_header_layouts(lines, body):
    x = run(f"{lines}\nThe Committee received the report.\n")
    assert meetings(x) == {(body, "2023-07-03")}
    assert x.date == D(2023, 7, 3)


def test_a_dated_link_whose_title_ends_with_the_bodys_name():
    x = run(
        "Improvement Board updates\nThe Board met on 4 June 2024.\nEarlier updates\n"
        "Update from the Children's Improvement Board – 2 April 2024\n",
        published=D(2024, 6, 10),
    )
    assert ("Children's Improvement Board", "2024-04-02") in meetings(x)


def test_a_news_title_ending_with_a_council_and_a_date_is_no_meeting():
    x = run("Ofsted inspection of Anyshire Council - 12 July 2023\nInspectors visited the council.\n")
    assert x.meetings == ()


def test_a_chair_of_a_body_is_not_part_of_its_name():
    x = run(
        "News\nCouncillor Jane Example, Chair of the Corporate Parenting Board, spoke at the meeting on 3 May 2023.\n",
        published=D(2023, 6, 1),
    )
    assert meetings(x) == {("Corporate Parenting Board", "2023-05-03")}


@pytest.mark.parametrize("label", ["Decision-maker:", "Decision taken by:", "Decision made by:", "Decision Maker:"])
def test_a_decision_maker_labelled_in_other_words(label):
    x = run(
        f"Decision details\nOfsted letter\n{label} Cabinet\nDate decision taken: 14/05/2023\nDecision:\nThat the plan be approved.\n"
    )
    assert meetings(x) == {("Cabinet", "2023-05-14")}
    assert [d.date for d in x.decisions] == [D(2023, 5, 14)]


def test_its_meeting_of_a_head_word_the_page_does_not_name_is_no_other_bodys():
    x = run(
        "News\nThe Director reported to the Health and Wellbeing Board, and the Panel will consider the report at its "
        "meeting on 3 June 2024.\n",
        published=D(2024, 5, 1),
    )
    assert x.meetings == ()


def test_a_decision_page_without_a_decision_maker_is_the_resolving_bodys():
    x = run(
        "Issue - decisions\nImprovement update\n28/01/2020 - Improvement update\n"
        "1. That the progress made be noted.\n2. That Cabinet review progress in May 2020.\n"
    )
    assert meetings(x) == {("Cabinet", "2020-01-28")}
    x = run(
        "Issue - decisions\nImprovement update\n28/01/2020 - Improvement update\n"
        "1. That the Corporate Parenting Board be asked to monitor progress.\n"
    )
    assert x.meetings == ()


def test_a_page_without_a_header_is_of_the_body_it_calls_by_its_head_word():
    x = run(
        "Mr A Example - Church Representative\nOpening remarks\nThe Chair informed the Board that the Director was "
        "leaving. He was invited to the Board's next meeting on 7th September 2022.\nMinutes\nTo approve as a correct "
        "record the minutes of the meeting held on 8th June 2022.\nMs B Sample was thanked as a co-opted member of "
        "the Anyshire Scrutiny Board.\n"
    )
    assert meetings(x) == {("Anyshire Scrutiny Board", "2022-09-07"), ("Anyshire Scrutiny Board", "2022-06-08")}


# ------------------------------------------------------------------------- a name with a qualifier, days listed


def test_a_body_named_with_a_qualifier_after_a_dash_met_on_each_full_day_listed():
    x = run(
        "Overview Committee - Families - Tuesday, 7 March 2023\n\n"
        "To confirm the minutes of the meetings of the Overview Committee – Families held on 14 November 2022 and "
        "9 January 2023.\n\n"
        "RESOLVED that the minutes of the meeting of the Committee held on 9 January 2023 be confirmed.\n"
    )
    assert {(" ".join(b.replace("–", "-").split()), d) for b, d in meetings(x)} == {
        ("Overview Committee - Families", "2023-03-07"),
        ("Overview Committee - Families", "2022-11-14"),
        ("Overview Committee - Families", "2023-01-09"),
    }


def test_two_full_days_after_a_body_are_two_meetings_not_a_span():
    x = run("Minutes\nThe Anyshire Schools Forum met on 4 May 2021 and 6 July 2021 to consider the budget.\n")
    assert meetings(x) == {("Anyshire Schools Forum", "2021-05-04"), ("Anyshire Schools Forum", "2021-07-06")}


def test_a_dash_after_a_body_outside_a_meeting_of_phrase_is_not_part_of_its_name():
    x = run("Update\nThe plan was presented to the Improvement Board – Chair's summary attached – on 3 May 2022.\n")
    assert meetings(x) == {("Improvement Board", "2022-05-03")}


# ------------------------------------------------------------------------------- a day given without its year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "12 September 2024\nThe county council's cabinet will consider the proposals at its meeting on October 3.\n",
            {("cabinet", "2024-10-03")},
        ),
        (
            "12 September 2024\nAt the Full Council meeting on 2 October, members will be asked to agree the plan.\n",
            {("Full Council", "2024-10-02")},
        ),
        # the year that puts the day nearest the page's own date: a January meeting on a December page is next year's
        (
            "15 December 2024\nThe Corporate Parenting Panel will review the figures at its meeting on 8 January.\n",
            {("Corporate Parenting Panel", "2025-01-08")},
        ),
        (
            "3 February 2025\nThe Corporate Parenting Panel discussed the figures at its meeting on 20 December.\n",
            {("Corporate Parenting Panel", "2024-12-20")},
        ),
    ],
)
def test_a_meeting_on_a_day_without_its_year_is_in_the_year_nearest_the_pages_date(text, expected):
    assert meetings(run(text)) == expected


def test_a_day_without_a_year_on_a_page_without_a_date_is_no_meeting():
    x = run("News\nThe county council's cabinet will consider the proposals at its meeting on October 3.\n")
    assert x.meetings == ()


def test_a_day_without_a_year_and_no_body_is_no_meeting():
    x = run("12 September 2024\nResidents can give their views at a public meeting on 3 October.\n")
    assert x.meetings == ()


# ---------------------------------------------------------------------------------------- the page's own date


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Anyshire responds to Ofsted letter\n\nDate Released - 14/02/2025\n\nThe council welcomed the letter.\n",
            D(2025, 2, 14),
        ),
        ("Trust improves its rating\n\nBy Jane Example\n\n| 03 April 2020\n\nThe trust was regraded.\n", D(2020, 4, 3)),
        (
            "Anyshire rated good\n\nThis story was published 2 May 2019\n\nInspectors praised the service.\n",
            D(2019, 5, 2),
        ),
        (
            "Anyshire services rated good\n\nAnyshire County Council's services for children have been rated good. "
            "The report, published today (Monday, 3 June 2019), follows an inspection in April.\n",
            D(2019, 6, 3),
        ),
        (
            "Anyshire services rated good\n\nPublished today, Tuesday 8 August 2023; the letter finds that progress "
            "has been made.\n",
            D(2023, 8, 8),
        ),
        ("Ofsted report on Anyshire\nPublication Date:10/07/2015\nThe council welcomed the report.\n", D(2015, 7, 10)),
        ("Anyshire news\n\nRelease date - 4 March 2021\n\nThe council responded.\n", D(2021, 3, 4)),
        ("Statement\nIssue date: 22nd November 2019\nThe trust was regraded.\n", D(2019, 11, 22)),
    ],
)
def test_the_pages_own_date_from_its_dateline_or_today(text, day):
    assert run(text).date == day


def test_today_without_a_year_gives_no_page_date():
    x = run("Anyshire services rated good\n\nThe report, published today (Monday 3 June), follows an inspection.\n")
    assert x.date is None


# ------------------------------------------------------------------------------ round 2: notices, news, reports


@pytest.mark.parametrize(
    ("header", "body", "day"),
    [
        (
            "A meeting of the Borough Council will be held in the Council Chamber, Civic Centre, Anytown on Tuesday, "
            "15th July 2014 at 7.30pm",
            "Borough Council",
            "2014-07-15",
        ),
        (
            "A meeting of the Corporate Parenting Panel is to be held at County Hall, Anytown on Monday, 3rd June "
            "2024 at 2.00pm",
            "Corporate Parenting Panel",
            "2024-06-03",
        ),
        ("Meeting of the Schools Forum to be held on 12 July 2023", "Schools Forum", "2023-07-12"),
    ],
)
def test_a_notice_of_a_meeting_that_will_be_held_names_the_body_without_its_verb(header, body, day):
    x = run(f"{header}\nAGENDA\n1. Apologies for absence\n")
    assert (body, day) in meetings(x)
    assert all(not b.endswith((" be", " to be", " is")) for b, _ in meetings(x))


@pytest.mark.parametrize(
    ("line", "days"),
    [
        (
            "To approve the minutes of the meetings held on 25th May 2014 and 10th June 2014",
            ["2014-05-25", "2014-06-10"],
        ),
        (
            "Item 3: the minutes of the previous meetings held on 4 and 18 May 2023 were agreed.",
            ["2023-05-04", "2023-05-18"],
        ),
        (
            "To approve the records of the meetings of 5 December 2023 and 12 December 2023.",
            ["2023-12-05", "2023-12-12"],
        ),
    ],
)
def test_the_minutes_of_the_meetings_held_on_two_days_are_the_own_bodys_two_meetings(line, days):
    x = run(
        f"A meeting of the Cabinet will be held in the Council Chamber on Tuesday, 9th January 2024 at 10am\n{line}\n"
    )
    assert meetings(x) == {("Cabinet", "2024-01-09")} | {("Cabinet", d) for d in days}


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        (
            "Children's services update\n21:22, 03 Dec 2025Updated 21:24, 03 Dec 2025\nCllr Jane Example presented an "
            "update to Anyshire Council's cabinet tonight (December 3), responding to the monitoring visit.\n",
            ("cabinet", "2025-12-03"),
        ),
        (
            "Scrutiny news\n6 March 2024\nCouncillors on the Children's Scrutiny Committee discussed the report on "
            "Tuesday (March 5).\n",
            ("Children's Scrutiny Committee", "2024-03-05"),
        ),
        (
            "Anyshire news\n10:15am, 10 June 2024\nThe report will go before the council's executive on Wednesday "
            "(12 June).\n",
            ("executive", "2024-06-12"),
        ),
        (
            "Anyshire news\nPublished: 8 Nov 2024\nMembers of the Cabinet approved the plan last night (Thursday, "
            "November 7).\n",
            ("Cabinet", "2024-11-07"),
        ),
        (
            "Anyshire news\n5 December 2024\nThe report will be considered by the council's cabinet on Tuesday, "
            "December 10.\n",
            ("cabinet", "2024-12-10"),
        ),
        (
            "Anyshire news\n6 September 2024\nMembers of the Children's Scrutiny Panel discussed the letter on "
            "Wednesday 4 September.\n",
            ("Children's Scrutiny Panel", "2024-09-04"),
        ),
    ],
)
def test_a_news_storys_day_in_brackets_dates_the_bodys_meeting(text, meeting):
    assert meeting in meetings(run(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "The Improvement Board chair said today (December 3) that progress was good.",
        "The Safeguarding Partnership welcomed the Ofsted visit on Monday (December 1).",
        "The Safeguarding Partnership said the inspection began on Monday, 1 December.",
    ],
)
def test_a_day_in_brackets_of_what_was_said_or_visited_is_no_meeting(sentence):
    assert meetings(run(f"Anyshire news\n3 December 2025\n{sentence}\n")) == set()


def test_the_dateline_with_a_news_sites_time_is_the_pages_date():
    assert run("Anyshire news\n21:22, 03 Dec 2025Updated 21:24, 03 Dec 2025\nThe council said.\n").date == D(
        2025, 12, 3
    )


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        (
            "28 July 2022\nReport of the Interim Director\nPortfolio of the Executive Member for Children\n"
            "Ofsted inspection and action plan\n3. The Executive is asked to\n1) agree the action plan.\n",
            ("Executive", "2022-07-28"),
        ),
        (
            "12 March 2024\nReport of the Director of Children's Services\nOfsted focused visit\nRecommendations\n"
            "1. The Cabinet is recommended to note the letter.\n",
            ("Cabinet", "2024-03-12"),
        ),
        (
            "Date: 5 June 2023\nReport of the Head of Service\nOfsted monitoring visit letter\n"
            "Members of the Corporate Parenting Panel are asked to note the report.\n",
            ("Corporate Parenting Panel", "2023-06-05"),
        ),
    ],
)
def test_a_report_dated_at_its_top_is_for_the_meeting_of_the_body_it_asks(text, meeting):
    assert meetings(run(text)) == {meeting}


def test_a_news_story_asking_a_council_is_no_meeting():
    assert meetings(run("Anyshire news\n14 October 2021\nThe Anyshire County Council is asked to respond.\n")) == set()


def test_a_room_or_a_post_named_after_a_body_is_no_meeting():
    x = run(
        "Anyshire news\nThe plan was presented in the Cabinet Room on 4 May 2023 at a briefing. The letter was shown "
        "to the Cabinet Member for Children on 5 May 2023.\n"
    )
    assert meetings(x) == set()


def test_the_same_body_named_once_in_the_plural_is_one_meeting_in_the_singular():
    x = run(
        "Agenda item\nMinutes\nThe minutes of the Corporate Parenting Boards held on 3 May 2023 were tabled.\n"
        "RESOLVED that the minutes of the Corporate Parenting Board held on 3 May 2023 be agreed.\n"
    )
    assert meetings(x) == {("Corporate Parenting Board", "2023-05-03")}


@pytest.mark.parametrize(
    ("sentence", "meeting"),
    [
        ("The report will go before the council's cabinet on 10 December 2024.", ("cabinet", "2024-12-10")),
        (
            "The findings will be discussed at a meeting of the county council's executive on 10 December 2024.",
            ("executive", "2024-12-10"),
        ),
        ("The findings will be discussed at a meeting of the cabinet on 10 December 2024.", ("cabinet", "2024-12-10")),
    ],
)
def test_a_body_news_writes_in_lower_case_met_on_its_day(sentence, meeting):
    assert meetings(run(f"Anyshire news\nPublished 1 December 2024\n{sentence}\n")) == {meeting}


def test_a_post_news_writes_in_lower_case_is_no_meeting():
    x = run(
        "Anyshire news\nPublished 1 December 2024\nThe letter was sent to the cabinet member on 10 December 2024.\n"
    )
    assert meetings(x) == set()
