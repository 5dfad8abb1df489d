"""Decisions written in the many ways council pages write them (issue 14, review classes D1–D5 in general form).

Every text is made up in the style of council pages (minutes, agenda items, ModernGov decision and issue pages,
flattened tables); the names ("Anyshire", "Jane Example") are invented. Each test states what a careful reader records
under ANNOTATION.md: one decision per resolution, with or without a heading, procedural ones typed so, nothing from a
report's proposals that the minutes below answer, nor from what follows the resolutions."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate as D

from .conftest import extract_text as run


def texts(x) -> list[str]:
    return [d.text for d in x.decisions]


ITEM = "Agenda item\nOfsted focused visit\nMinutes:\nThe Head of Service presented the letter.\n"


# ------------------------------------------------------------------------------ D2: headings in other forms


@pytest.mark.parametrize(
    "heading",
    ["Decision made:", "Decisions taken:", "Resolution:", "Resolutions:", "Recommendations agreed:", "Outcome:"],
)
def test_a_list_under_a_heading_in_other_words(heading):
    x = run(f"{ITEM}{heading}\n1. To note the letter.\n2. To approve the action plan.\nReport author: Jane Example\n")
    assert texts(x) == ["To note the letter.", "To approve the action plan."]


def test_an_outcome_line_with_its_resolution():
    x = run(f"{ITEM}Outcome: The report was noted.\n")
    assert texts(x) == ["The report was noted."]


def test_an_outcome_that_is_not_a_resolution_gives_nothing():
    x = run("Inspection summary\nOutcome: Good\nInspectors found that leaders know their services well.\n")
    assert x.decisions == ()


def test_a_committee_in_lower_case_noting_closes_its_item():
    x = run(f"{ITEM}Members asked about caseloads.\nThe committee noted the outcome of the focused visit.\n")
    assert texts(x) == ["The committee noted the outcome of the focused visit."]


def test_assent_to_what_came_before_is_no_resolution():
    x = run(f"{ITEM}The Chair proposed a site visit.\nThe panel agreed to this.\n")
    assert x.decisions == ()


# ------------------------------------------------------------------------------ D1: a report's proposals and the minutes


def test_the_recommendations_above_the_items_minutes_were_proposed_not_decided():
    x = run(
        "Agenda item\nOfsted letter\nThe Board is asked to:\n1) note the findings of the inspection; and\n"
        "2) consider how partners could support the plan.\nMinutes:\nThe Director presented the report.\n"
        "Members asked about caseloads.\n"
    )
    assert x.decisions == ()


def test_recommendations_of_an_agenda_item_without_minutes_are_kept():
    x = run("Agenda item\nOfsted letter\nRecommendations:\nThat the Board notes the findings of the inspection.\n")
    assert texts(x) == ["That the Board notes the findings of the inspection."]
    assert [d.kind for d in x.decisions] == ["recommendation"]


def test_the_minutes_answer_the_recommendations_above_them():
    x = run(
        "Agenda item\nOfsted letter\nRecommendation(s)\nThat the Committee:\na) notes the outcome of the visit;\n"
        "b) comments on the draft action plan.\nMinutes:\nThe Director presented the letter.\n"
        "RESOLVED: That the outcome of the visit be noted.\n"
    )
    assert texts(x) == ["That the outcome of the visit be noted."]


# ------------------------------------------------------------------------------ flattened tables and wrapped lines


def test_a_resolution_after_an_inline_minutes_label_of_a_table_row():
    x = run(
        "No. | Item |\n||||||||||\nMinutes - Corporate Parenting Board - 18 April 2024 Minutes: The\n"
        "minutes of the Corporate Parenting Board meeting held on 18\n"
        "April 2024 were submitted and approved as a correct record. |\n||||||||||\n"
    )
    assert texts(x) == [
        "The minutes of the Corporate Parenting Board meeting held on 18 April 2024 were submitted and approved "
        "as a correct record."
    ]
    assert [d.kind for d in x.decisions] == ["procedural"]


def test_an_agenda_line_above_a_blank_line_does_not_run_into_the_resolution():
    x = run(
        "Agenda item\nMinutes pdf icon PDF 325 KB\n\nTo confirm the minutes of the meeting held on 1 December 2022\n\n"
        "The minutes of the meeting held on 1 December 2022 were confirmed as an accurate record.\n"
    )
    assert texts(x) == ["The minutes of the meeting held on 1 December 2022 were confirmed as an accurate record."]


# ------------------------------------------------------------------------------ D4: procedural resolutions


def test_a_chair_appointed_stated_as_done_is_a_procedural_decision():
    x = run(
        "Minutes of the meeting held on 5 March 2024\nCorporate Parenting Panel\n3. Appointment of Chair\n"
        "Councillor Jane Example was appointed Chair for the meeting.\n4. Ofsted focused visit\n"
        "The Director presented the letter.\n"
    )
    assert [(d.text, d.kind, d.date) for d in x.decisions] == [
        ("Councillor Jane Example was appointed Chair for the meeting.", "procedural", D(2024, 3, 5))
    ]


def test_a_councillor_appointed_to_another_post_in_the_discussion_is_no_decision():
    x = run(f"{ITEM}Councillor Jane Example was appointed Cabinet Member for Children in May, members heard.\n")
    assert x.decisions == ()


# ------------------------------------------------------------------------------ decision pages


def test_a_decision_page_with_a_dated_title_and_its_decision_maker():
    x = run(
        "Issue - decisions\nOfsted letter\n14/05/2023 - Ofsted letter\nDecision Maker: Cabinet\n"
        "Decision status: Recommendations Approved\nRESOLVED:\n1. That the letter be noted.\n"
        "2. That the action plan be approved.\nWards affected: All wards\nLead officer: Jane Example\n"
    )
    assert [(d.text, d.date) for d in x.decisions] == [
        ("That the letter be noted.", D(2023, 5, 14)),
        ("That the action plan be approved.", D(2023, 5, 14)),
    ]
    assert {(m.body, m.date.iso()) for m in x.meetings} == {("Cabinet", "2023-05-14")}


# ------------------------------------------------------------------------------ lists that a line says were agreed


def test_the_items_under_a_line_saying_they_were_agreed():
    x = run(
        f"{ITEM}1. That the letter be noted.\n2. The following actions were agreed:\n"
        "   a. For the audit summary to be shared with Members.\n"
        "   b. Officers to arrange a visit to the front door team.\n"
        "Supporting documents:\nLetter PDF 200 KB\n"
    )
    assert texts(x) == [
        "That the letter be noted.",
        "For the audit summary to be shared with Members.",
        "Officers to arrange a visit to the front door team.",
    ]


def test_points_raised_are_not_agreed_items():
    x = run(f"{ITEM}Members raised the following:\n• the turnover of agency staff;\n• supervision records.\n")
    assert x.decisions == ()


def test_resolutions_under_a_purpose_with_no_decision_heading():
    x = run(
        "Decision details\nSufficiency strategy\nDecision Maker: Cabinet\nPurpose:\nTo adopt the strategy.\n\n"
        "1) That the sufficiency strategy be adopted.\n2) That progress be reported to Cabinet in a year.\n"
        "Reasons for the decision:\nThe council must have a strategy.\nDate of decision: 14/05/2023\n"
    )
    assert texts(x) == ["That the sufficiency strategy be adopted.", "That progress be reported to Cabinet in a year."]


def test_the_minutes_after_a_resolutions_list_are_read_on():
    x = run(
        "Minutes\nCorporate Parenting Panel\nMonday, 4th March, 2024 5.30 pm\n"
        "31.  ELECTION OF CHAIR\nRESOLVED – That Councillor Jane Example chair the meeting.\n"
        "32.  MINUTES OF THE LAST MEETING\n"
        "The minutes of the last meeting, held on 8 January 2024, were agreed as a correct record.\n"
        "33.  FOSTERING UPDATE\nThe Head of Service introduced the report.\nThe Panel noted the update.\n"
        "The meeting closed at 7.05 pm\n"
    )
    assert texts(x) == [
        "That Councillor Jane Example chair the meeting.",
        "The minutes of the last meeting, held on 8 January 2024, were agreed as a correct record.",
        "The Panel noted the update.",
    ]


def test_a_short_numbered_title_ends_the_resolutions():
    x = run(f"{ITEM}RESOLVED – That the report be noted.\n45.  Forward plan\nThe plan was discussed.\n")
    assert texts(x) == ["That the report be noted."]


def test_recommendations_said_to_be_agreed_are_the_decisions():
    x = run(
        "Agenda item\nOfsted letter\nRECOMMENDATIONS\nCabinet is RECOMMENDED to\na) note the findings;\n"
        "b) approve the improvement plan.\n\nThe recommendations were agreed.\n\nMinutes:\n"
        "The Cabinet Member introduced the report.\n"
    )
    assert texts(x) == ["note the findings;", "approve the improvement plan."]


def test_a_remark_just_before_the_resolution_is_not_one():
    x = run(
        f"{ITEM}Members noted that the last inspection, in June 2022, had judged services good.\n\n"
        "RESOLVED – That the report be noted.\n"
    )
    assert texts(x) == ["That the report be noted."]


def test_minutes_agreed_in_three_words():
    x = run(
        "Agenda item\nMinutes of the previous meeting\nTo agree the minutes of the meeting held on 16 January 2024.\n"
        "Minutes:\nAgreed as a correct record.\n"
    )
    assert [(d.text, d.kind) for d in x.decisions] == [("Agreed as a correct record.", "procedural")]


def test_notes_of_a_meeting_agreed_are_procedural():
    x = run(f"{ITEM}The notes of the meeting of 11 July were agreed.\n")
    assert [(d.text, d.kind) for d in x.decisions] == [
        ("The notes of the meeting of 11 July were agreed.", "procedural")
    ]


# ------------------------------------------------------------------------------ list markers and rows


@pytest.mark.parametrize(
    ("first", "second"),
    [("A.", "B."), ("(I)", "(II)"), ("1.1", "1.2"), ("i)", "ii)")],
)
def test_lists_marked_in_capitals_romans_or_sub_numbers(first, second):
    x = run(f"{ITEM}RESOLVED:\n{first} That the letter be noted.\n{second} That the action plan be approved.\n")
    assert texts(x) == ["That the letter be noted.", "That the action plan be approved."]


def test_a_decision_in_a_flattened_table_row():
    x = run(f"{ITEM}| Decision | That the report be noted and the plan approved. |\n")
    assert texts(x) == ["That the report be noted and the plan approved."]


def test_bulleted_things_the_committee_noted_and_requested():
    x = run(f"{ITEM}- The Committee noted the report.\n- The Committee requested an update in March 2024.\n")
    assert texts(x) == ["The Committee noted the report.", "The Committee requested an update in March 2024."]


# ------------------------------------------------------------------------------ D5: what ends the resolutions


@pytest.mark.parametrize(
    "heading",
    [
        "Alternatives considered:",
        "Alternative Options Rejected",
        "Other options",
        "Any other options considered and rejected:",
        "Details of any alternative options considered and rejected by the decision maker:",
        "Financial implications:",
        "Risks",
    ],
)
def test_a_section_after_the_resolutions_ends_them(heading):
    x = run(
        "Decision details\nOfsted letter\nDecision Maker: Cabinet\nDecision:\n1. That the letter be noted.\n"
        f"{heading}\n2. To defer the report until the spring.\n"
    )
    assert texts(x) == ["That the letter be noted."]
