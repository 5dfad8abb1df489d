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


# ------------------------------------------------------------------------------ issue 14, dev2 round: more forms


def test_lettered_items_with_a_body_and_a_plain_verb_under_a_that_lead_in():
    x = run(
        "Decision details\nFostering review\nDecision Maker: Cabinet\nDecision:\nThat:\n"
        "a)    Cabinet note the findings of the focused visit – Appendix B\n\n"
        "b)    Cabinet authorises the Director of Children's Services to publish the fostering action plan.\n"
        "Alternative options considered:\nTo take no action.\n"
    )
    assert texts(x) == [
        "Cabinet note the findings of the focused visit – Appendix B",
        "Cabinet authorises the Director of Children's Services to publish the fostering action plan.",
    ]


def test_a_sub_list_under_one_item_does_not_end_the_list_of_what_the_body_did():
    x = run(
        "Issue - meetings\nFocused visit\nMeeting: 12/03/2024 - Cabinet (Item 7.)\nThat Cabinet:\n"
        "1. Noted the letter from the focused visit in January 2024.\n"
        "2. Approved the priorities set out in the report:\n"
        "a. To recruit more foster carers;\nb. To open a second family hub.\n"
        "3. Delegated authority to the Director to agree the final plan.\n"
    )
    assert texts(x) == [
        "Noted the letter from the focused visit in January 2024.",
        "Approved the priorities set out in the report:",
        "Delegated authority to the Director to agree the final plan.",
    ]


def test_thanks_closing_a_list_of_resolutions_is_one():
    x = run(
        f"{ITEM}1.  That the inspection outcome be noted.\n\n"
        "2.  The panel extended its thanks to the fostering team for their work.\n"
    )
    assert texts(x) == [
        "That the inspection outcome be noted.",
        "The panel extended its thanks to the fostering team for their work.",
    ]


def test_a_recommendation_put_to_the_body_is_decided_when_a_line_says_it_was_agreed():
    page = (
        "Issue - meetings\nAdoption inspection\nMeeting: 04/06/2019 - Cabinet (Item 12)\n"
        "Report by the Director of Children's Services.\n"
        "Cabinet is RECOMMENDED to note the adoption inspection report and approve the action plan.\n"
    )
    assert texts(run(page + "Recommendation agreed.\n")) == [
        "Cabinet is RECOMMENDED to note the adoption inspection report and approve the action plan."
    ]
    assert run(page + "Members asked about timescales.\n").decisions == ()


def test_a_numbered_resolution_on_the_first_line_of_a_page_is_no_title():
    x = run(
        "1) That the improvement plan be endorsed for submission to the Department for Education.\n"
        "2) That the Director be asked to report progress to the Committee in the autumn.\n"
    )
    assert texts(x) == [
        "That the improvement plan be endorsed for submission to the Department for Education.",
        "That the Director be asked to report progress to the Committee in the autumn.",
    ]


def test_a_resolution_under_a_decision_field_label_that_is_no_heading():
    x = run(
        "Issue - meetings\nMonitoring visit\nMeeting: 09/10/2018 - Cabinet (Item 5)\n"
        "The report set out the findings of the visit.\nDecision number:\n"
        "The Cabinet noted the findings of the monitoring visit and endorsed the next steps.\n"
        "To keep the Cabinet informed of progress in children's services and of the improvement plan.\n"
    )
    assert texts(x) == ["The Cabinet noted the findings of the monitoring visit and endorsed the next steps."]


def test_points_listed_as_noted_are_not_resolutions():
    x = run(
        f"{ITEM}The committee noted the following:\n"
        "  • That the inspection found the service to be good in two areas.\n"
        "  • There were no areas judged inadequate.\n\nRESOLVED that the update be noted.\n"
    )
    assert texts(x) == ["that the update be noted."]


def test_an_answer_to_questions_closing_the_item_is_no_resolution():
    x = run(
        f"{ITEM}In response to further questions, Members noted that the manager had written to the health trust "
        "about record keeping.\n"
    )
    assert x.decisions == ()


def test_a_resolution_whose_parts_are_listed_below_it_is_one():
    x = run(
        "Decision details\nSEND inspection\nDecision Maker: Cabinet\nDecision:\n"
        "That the written statement of action be noted.\n\nThat the following actions be approved:\n"
        "·  That an action plan is prepared by the service.\n"
        "·  That the plan be presented to the scrutiny panel.\nDate of decision: 03/03/2022\n"
    )
    assert texts(x) == ["That the written statement of action be noted.", "That the following actions be approved:"]


def test_a_line_saying_the_recommendation_was_agreed_is_no_decision_of_its_own():
    x = run(
        "Issue - meetings\nOfsted letter\nMeeting: 04/06/2019 - Cabinet (Item 12)\n"
        "The Panel is recommended to endorse the sufficiency plan.\nThe recommendation was agreed.\n"
    )
    assert texts(x) == ["The Panel is recommended to endorse the sufficiency plan."]


# ------------------------------------------------------------------------------ round 2: decisions reported in prose
# (since stop 30 a decision whose verb follows its subject opens with the subject, as most annotators write it: "The
# committee agreed to …"; one whose verb follows others, "…, and agreed to …", opens with the verb)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "At a meeting on Thursday of the council's overview committee, it was unanimously agreed by councillors "
            "that a review should be held.",
            ["it was unanimously agreed by councillors that a review should be held"],
        ),
        (
            "It was also agreed by the committee that officers would report back on the plan.",
            ["It was also agreed by the committee that officers would report back on the plan"],
        ),
        (
            "A recommendation was also unanimously agreed that a member of the opposition be included on the board.",
            ["A recommendation was also unanimously agreed that a member of the opposition be included on the board"],
        ),
        (
            "A motion was passed that the authority write to the minister about funding.",
            ["A motion was passed that the authority write to the minister about funding"],
        ),
        (
            "The committee heard from foster carers, discussed school places, and agreed to re-establish the SEND "
            "sub-group.",
            ["agreed to re-establish the SEND sub-group"],
        ),
        (
            "On Tuesday, the Corporate Parenting Panel voted unanimously to back the new sufficiency strategy.",
            ["the Corporate Parenting Panel voted unanimously to back the new sufficiency strategy"],
        ),
        (
            "Councillors voted by 30 votes to 12 to approve the new children's services budget.",
            ["Councillors voted by 30 votes to 12 to approve the new children's services budget"],
        ),
        (
            "The scrutiny committee agreed that the cabinet be asked to adopt the revised improvement plan.",
            ["The scrutiny committee agreed that the cabinet be asked to adopt the revised improvement plan"],
        ),
        (
            "The council's executive agreed at its meeting on October 21 to note the Ofsted report; to seek a further "
            "report on resources; and to agree the scrutiny arrangements.",
            [
                "to note the Ofsted report",
                "to seek a further report on resources",
                "to agree the scrutiny arrangements",
            ],
        ),
    ],
)
def test_a_decision_a_story_reports_in_a_sentence(sentence, expected):
    x = run(
        f"Anyshire children's services news\nThe council's children's services were rated inadequate.\n{sentence}\n"
    )
    assert texts(x) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Ofsted agreed that the service had improved since the last inspection.",
        "The Cabinet Member agreed to this.",
        "The council agreed to pay the costs of the review.",
        "The Executive Director advised the panel that Council agreed that a report should be presented.",
        "Inspectors decided to return in the spring.",
        "The cabinet member introduced the report and agreed that the plan should be published.",
        "The chair of the panel agreed to write to the minister.",
    ],
)
def test_agreement_of_no_meeting_is_no_decision(sentence):
    x = run(
        f"Anyshire children's services news\nThe council's children's services were rated inadequate.\n{sentence}\n"
    )
    assert texts(x) == []


def test_a_decision_of_an_earlier_meeting_in_passing_is_none_of_this_pages():
    from caregraph.pipeline.extract.doc import Doc
    from caregraph.pipeline.extract.headless_decisions import reported_decisions
    from caregraph.pipeline.segment import segment
    from caregraph.records import SourceDocument

    def reported(text: str) -> list[str]:
        doc = Doc(segment(SourceDocument("x.txt", text, "0", "txt", len(text))))
        return [text[cs:ce] for _, cs, ce in reported_decisions(doc)]

    assert reported("Notes\nThe Sub-Committee agreed at its last meeting to keep the plan as a standing item.\n") == []
    assert reported(
        "Notes\nThe Sub-Committee agreed at its meeting on 2 July to keep the plan as a standing item.\n"
    ) == ["to keep the plan as a standing item"]
    # a view shared is no decision; what shall be done is
    assert reported("Notes\nMembers agreed that the report was helpful.\n") == []
    assert reported("Notes\nCouncillors agreed that a review should be held.\n") == [
        "Councillors agreed that a review should be held"
    ]


NOTICE = (
    "Agenda item\nNotice of Motion - Children's Services\nMoved by Councillor Jane Example, seconded by Councillor "
    "John Sample\nThat this Council:\n(a) notes the Ofsted judgement;\n(b) thanks staff for their work.\n"
)


def test_a_notice_of_motion_is_proposed_not_resolved():
    assert texts(run(NOTICE)) == []
    assert (
        texts(run("Agenda item\nMotion submitted by Councillor Jane Example\nThat this Council welcomes the report.\n"))
        == []
    )


def test_a_motion_put_to_the_vote_and_carried_is_resolved():
    x = run(NOTICE + "On being put to the vote the motion was carried.\n")
    assert texts(x) == ["notes the Ofsted judgement;", "thanks staff for their work."]


def test_a_motion_in_the_minutes_of_the_meeting_is_resolved():
    x = run(
        "Agenda item\nOfsted inspection\nMinutes:\nThe Council considered the report.\nMOTION: Proposed by Councillor "
        "Jane Example and seconded by Councillor John Sample:\n“That the Council:\n1. Notes the progress made.\n"
        "2. Endorses the action plan.”\n"
    )
    assert texts(x) == ["Notes the progress made.", "Endorses the action plan."]
