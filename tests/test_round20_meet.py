"""Round 20 (issue 14): the page's own meeting and its decisions in the layouts of councils the development pages do not
show, found with made-up pages (bench/probes/meetings.md, batch S). Made-up text of "Anyshire County Council"; each
positive case failed before.

Meetings: a report's cover table flattened one cell a line ("Report to" over "Cabinet", "Date of meeting" over "12
March 2024") or with a cell border after the label ("Report to: | Cabinet"); a ModernGov "Meeting:" line whose day is in
words with its time; "NOTES OF MEETING – <day>" under a body's name; "Record of the meeting of the <body>" over a
labelled day; "Decisions of the Cabinet – <day>" (the paper's noun no part of the name); a minute's or an agenda item's
reference before the name and an item's after the day; a bracketed qualifier after a body's name; a joint or special
meeting's header (a meeting of each body); a day that a participle after the object dates ("the plan submitted to
Ofsted on …") is no meeting. Decisions: a report's numbered section headings ("2. Background"), so that a past decision
told in its background is no resolution; "Upon being put to the vote it was RESOLVED that …" with no comma; any
infinitive under a "Decision:" heading; a table of decisions under it ("Minute | Decision"); "Decision(s) made:"; who
decided with the day over a list of predicates ("The Cabinet on 12 March 2024:").
"""

from __future__ import annotations

import pytest

from caregraph.gold import normalise_label

from .conftest import extract_text

REPORT = "https://www.anyshire.gov.uk/media/1234/report.pdf"
ITEM = "https://www.anyshire.gov.uk/meetings/item/1"
MGAI = "https://democracy.anyshire.gov.uk/mgAi.aspx?ID=1234"


def _x(text: str, url: str = REPORT):
    return extract_text(text.strip("\n") + "\n", url=url)


def _meetings(text: str, url: str = REPORT) -> set[tuple[str, str]]:
    return {(normalise_label(m.body), m.date.iso()) for m in _x(text, url).meetings}


def _decisions(text: str, url: str = REPORT) -> list[str]:
    return [d.text for d in _x(text, url).decisions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cover table flattened one cell a line
        (
            "Report to\nCabinet\nDate of meeting\n12 March 2024\nReport of\nDirector of Children's Services\n"
            "Title\nOfsted inspection of children's services\n",
            ("cabinet", "2024-03-12"),
        ),
        (
            "Name of meeting\nCorporate Parenting Panel\nDate\n12 March 2024\nReport title\nOfsted action plan\n",
            ("corporate parenting panel", "2024-03-12"),
        ),
        (
            "Committee\nChildren's Scrutiny Committee\n\nDate of meeting\nTuesday 12 March 2024\n\n"
            "Title of report\nOfsted action plan\n",
            ("childrens scrutiny committee", "2024-03-12"),
        ),
        # the day's cell first
        (
            "Date of meeting:\n4 June 2024\nReport to:\nSchools Forum\nSubject:\nHigh needs block\n",
            ("schools forum", "2024-06-04"),
        ),
        # a cell border after the label
        (
            "Report to: | Cabinet\nDate of meeting: | 12 March 2024\nReport of: | Director of Children's Services\n",
            ("cabinet", "2024-03-12"),
        ),
        # a body's name with a qualifier in brackets, over a labelled day
        (
            "Anyshire Council\nChildren's Services Scrutiny Board (Children and Families)\nDate: 12 March 2024\n"
            "Subject: Ofsted inspection\n",
            ("childrens services scrutiny board children and families", "2024-03-12"),
        ),
    ],
)
def test_cover_fields(text: str, expected: tuple[str, str]) -> None:
    assert expected in _meetings(text)


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        # a ModernGov "Meeting:" line with the day in words and its time
        (
            "Agenda item\n\nOfsted Focused Visit\n\nMeeting: Tuesday, 12th March, 2024 7.00 pm - Children and Young "
            "People Scrutiny Committee\n\nMinutes:\nThe Committee noted the outcome.\n",
            MGAI,
            ("children and young people scrutiny committee", "2024-03-12"),
        ),
        # "NOTES OF MEETING – <day>" under the body's name
        (
            "CHILDREN'S SERVICES IMPROVEMENT BOARD\nNOTES OF MEETING – 12TH MARCH 2024\nAttendees: Jane Smith (Chair)\n"
            "1. The Board considered the Ofsted report.\n",
            ITEM,
            ("childrens services improvement board", "2024-03-12"),
        ),
        # "Record of the meeting of the <body>" over a labelled day and time
        (
            "Record of the meeting of the Improvement Board\nDate and time: 12 March 2024, 2pm to 4pm\n"
            "Location: Microsoft Teams\nThe Board considered the Ofsted report.\n",
            ITEM,
            ("improvement board", "2024-03-12"),
        ),
        # the paper's noun before the name: no part of it
        (
            "Decisions of the Cabinet – 12 March 2024\nOfsted inspection\nThat the report be noted.\n",
            ITEM,
            ("cabinet", "2024-03-12"),
        ),
        # a minute's reference before the name
        (
            "Minute No. 45 - Cabinet - 12.03.2024\nOfsted inspection\nThe Cabinet received the report.\n"
            "RESOLVED: That the report be noted.\n",
            ITEM,
            ("cabinet", "2024-03-12"),
        ),
        # … and after the day
        (
            "Cabinet 12/03/2024, item 5\nOfsted inspection\nMinutes:\nRESOLVED: That the report be noted.\n",
            ITEM,
            ("cabinet", "2024-03-12"),
        ),
    ],
)
def test_header_forms(text: str, url: str, expected: tuple[str, str]) -> None:
    assert _meetings(text, url) == {expected}


def test_agenda_item_reference_is_no_part_of_the_name() -> None:
    x = _x(
        "Agenda item 7 - Children's Scrutiny Committee, 5 March 2024\nOfsted focused visit\nMinutes:\n"
        "RESOLVED: That the report be noted.\n",
        ITEM,
    )
    assert [(m.body, m.date.iso()) for m in x.meetings] == [("Children's Scrutiny Committee", "2024-03-05")]


def test_item_number_after_the_day() -> None:
    x = _x("Cabinet 12/03/2024, item 5\nOfsted inspection\nMinutes:\nRESOLVED: That the report be noted.\n", ITEM)
    assert [m.item_number for m in x.meetings] == ["5"]


@pytest.mark.parametrize(
    "text",
    [
        # a labelled cell whose value is more than a day
        "Report to\nCabinet\nDate of meeting\n12 March 2024 or as soon as possible after\n",
        # a cover table of a decision by one member: no body
        "Decision taker\nCabinet Member for Children and Families\nDecision date\n12 March 2024\n",
        # a title and a publication date, no field that names who the report goes to
        "Corporate Parenting Board\nTerms of Reference\nReviewed: 12 March 2024\n",
        "Children's Services Improvement Plan\nVersion 3.1 – 12 March 2024\nApproved by: Improvement Board\n",
        # a council is no meeting body
        "Report to\nAnyshire County Council\nDate of meeting\n12 March 2024\n",
    ],
)
def test_no_meeting(text: str) -> None:
    assert _meetings(text) == set()


def test_background_of_a_report_holds_no_resolution() -> None:
    # a report's numbered "Background" section tells of past decisions: none is this meeting's resolution
    text = (
        "Report to: Cabinet\nDate of meeting: 12 March 2024\n\n1. Background\n"
        "1.1 The Children's Services Improvement Board was established in April 2023 following the inspection.\n"
        "1.2 The Schools Forum agreed the high needs budget in January 2024.\n2. Options\n2.1 None.\n"
    )
    assert _decisions(text) == []


def test_report_recommendations_after_a_numbered_background() -> None:
    # guard: the numbered "Recommendations" heading ends the background; its items stay what they were
    text = (
        "Report to: Cabinet\nDate of meeting: 12 March 2024\n\n1. Background\n"
        "1.1 In July 2023 Cabinet agreed that a new improvement plan be drawn up.\n2. Recommendations\n"
        "2.1 That Cabinet notes the progress made.\n2.2 That Cabinet approves the revised plan.\n"
    )
    assert _decisions(text) == ["That Cabinet notes the progress made.", "That Cabinet approves the revised plan."]


def test_vote_phrase_before_resolved_with_no_comma() -> None:
    text = (
        "Minutes of the Cabinet held on 12 March 2024\n45. Ofsted inspection\n"
        "It was moved by Councillor Smith, seconded by Councillor Jones, and RESOLVED that the improvement plan be "
        "approved.\n46. Budget\nUpon being put to the vote it was RESOLVED that the budget be agreed.\n"
    )
    assert _decisions(text, ITEM) == [
        "RESOLVED that the improvement plan be approved.",
        "it was RESOLVED that the budget be agreed.",
    ]


def test_any_infinitive_under_a_decision_heading() -> None:
    text = (
        "OFFICER DECISION RECORD\nTitle: Commissioning of additional social work capacity\nDecision:\n"
        "To award a contract for agency social workers to support the improvement plan.\nReason for decision:\n"
        "Ofsted found caseloads were too high.\nDecision made by: Director of Children's Services\nDate: 12 March 2024\n"
    )
    assert _decisions(text) == ["To award a contract for agency social workers to support the improvement plan."]


@pytest.mark.parametrize("value", ["To be confirmed.", "To follow."])
def test_placeholder_under_a_decision_heading(value: str) -> None:
    text = f"DECISION RECORD\nTitle: Fostering fees\nDecision:\n{value}\nDecision made by: Director of Children's Services\n"
    assert _decisions(text) == []


def test_next_numbered_section_ends_a_numbered_aside() -> None:
    # guard: "3. Next steps" is no part of "2. Alternative options considered": its report back is still a follow-up
    text = (
        "Report to: Cabinet\nDate of meeting: 12 March 2024\n\n1. Recommendations\n1.1 That Cabinet notes the report.\n"
        "2. Alternative options considered\n2.1 To do nothing. This was rejected.\n3. Next steps\n"
        "3.1 A progress report will be presented to Cabinet in September 2024.\n"
    )
    assert [f.due.iso() for f in _x(text).follow_ups] == ["2024-09"]


def test_day_of_a_participle_after_the_object_is_no_meeting() -> None:
    # the day is the plan's submission, not Cabinet's meeting
    text = "Ofsted improvement update\n\nCabinet approved the plan submitted to Ofsted on 30 April 2024.\n"
    assert _meetings(text) == set()


def test_day_after_the_object_with_no_participle_is_the_meeting() -> None:
    # guard
    text = "Ofsted improvement update\n\nCabinet approved the plan for Ofsted on 30 April 2024.\n"
    assert _meetings(text) == {("cabinet", "2024-04-30")}


def test_table_of_decisions_under_a_decision_heading() -> None:
    text = (
        "Agenda item\nOfsted\nMeeting: 12/03/2024 - Cabinet (Item 5)\nDecision:\nMinute | Decision\n"
        "45 | That the improvement plan be approved.\n46 | That the sufficiency strategy be adopted.\n"
    )
    assert _decisions(text, MGAI) == [
        "That the improvement plan be approved.",
        "That the sufficiency strategy be adopted.",
    ]


def test_joint_meeting_header_is_a_meeting_of_each_body() -> None:
    text = (
        "Minutes of the Joint Meeting of the Children's Scrutiny Committee and the Adults' Scrutiny Committee held on "
        "Thursday 7 March 2024\nThe meeting considered the Ofsted report.\nRESOLVED: That the report be noted.\n"
    )
    assert _meetings(text, ITEM) == {
        ("childrens scrutiny committee", "2024-03-07"),
        ("adults scrutiny committee", "2024-03-07"),
    }


def test_special_meeting_header() -> None:
    text = "Minutes of the Special Meeting of the Cabinet held on 12 March 2024\nRESOLVED: That the plan be approved.\n"
    assert _meetings(text, ITEM) == {("cabinet", "2024-03-12")}


def test_plural_mark_in_a_decision_heading() -> None:
    text = (
        "RECORD OF DECISION\nDecision taker: Cabinet\nDecision date: 12 March 2024\nDecision(s) made:\n"
        "(a) Approved the Ofsted improvement plan.\n(b) Agreed that progress be reported to Cabinet every six months.\n"
    )
    assert _decisions(text) == [
        "Approved the Ofsted improvement plan.",
        "Agreed that progress be reported to Cabinet every six months.",
    ]


def test_who_decided_with_the_day_over_a_list() -> None:
    text = (
        "Decision Notice\nTitle: Children's Services Improvement Plan\nThe Cabinet on 12 March 2024:\n"
        "1. noted the Ofsted report;\n2. approved the improvement plan.\n"
    )
    assert _decisions(text) == ["noted the Ofsted report;", "approved the improvement plan."]


def test_who_was_told_with_a_day_is_no_lead_in() -> None:
    # guard: a line that ends in a colon after a dated sentence, its list points made, not decided
    text = (
        "Ofsted update\nThe Cabinet on 12 March 2024 heard the following points:\n"
        "1. caseloads had fallen;\n2. agency staffing remained high.\n"
    )
    assert _decisions(text) == []
