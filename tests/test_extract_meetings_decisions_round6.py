"""Meetings and decisions worded in other ways (round 6, dev5 classes in general form).

Every text is made up in the style of council pages (ModernGov decision pages, minutes, news stories); the councils
and names ("Anyshire", "Jane Example") are invented. Each class is checked on three wordings and, where a rule could
reach too far, on a text it must leave alone."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate as D

from .conftest import extract_text as run


def texts(x) -> list[str]:
    return [d.text for d in x.decisions]


def meetings(x) -> set[tuple[str, str]]:
    return {(m.body, m.date.iso()) for m in x.meetings}


# ------------------------------------------------------------------------------ a decision page's fields

DECISION_PAGE = (
    "Decision\nOfsted inspection of children's services - action plan\nDecision Maker: Cabinet\n"
    "Outcome: Recommendations Approved\n{fields}\nDate of Decision: March 4, 2024\n"
    "Purpose: To update Cabinet on the action plan after the inspection.\n{content}\nSupporting Documents\n"
)


@pytest.mark.parametrize(
    ("fields", "content", "decision"),
    [
        (
            "Is Key Decision?: Yes\nIs Callable In?: Yes",
            "Content: That the action plan be approved. Reason for the decision The council must respond to Ofsted.",
            "That the action plan be approved.",
        ),
        (
            "Key decision?: No\nExempt: No",
            "Decision details: RESOLVED that the improvement plan be endorsed.",
            "RESOLVED that the improvement plan be endorsed.",
        ),
        (
            "Subject to call-in?: Yes",
            "Decision: That the report be noted and progress reviewed in six months.",
            "That the report be noted and progress reviewed in six months.",
        ),
    ],
)
def test_a_decision_pages_fields_are_no_decisions_and_its_labelled_value_is_one(fields, content, decision):
    x = run(DECISION_PAGE.format(fields=fields, content=content))
    assert texts(x) == [decision]


@pytest.mark.parametrize(
    "text",
    [
        "Report to Cabinet\n\nOfsted action plan\n\nSummary of the report.\n\nRecommendation 1: That Cabinet approves the "
        "action plan.\n\nBackground\n\nThe inspection took place in May.\n",
        "Agenda item\n\nOfsted action plan\n\nReport by the Director.\n\nProposal: That the plan be approved.\n\n"
        "Minutes:\n\nMembers discussed the plan.\n",
    ],
)
def test_a_labelled_proposal_is_no_decision(text):
    assert texts(run(text)) == []


def test_a_purpose_with_a_that_clause_is_no_decision():
    x = run(
        DECISION_PAGE.format(fields="Is Key Decision?: No", content="Background: That the plan was late is regretted.")
    )
    assert texts(x) == []


@pytest.mark.parametrize("reference", ["98/2019", "CAB 45/2020", "Decision No. 12/21"])
def test_a_decision_reference_above_the_decision_does_not_end_it(reference):
    x = run(
        "Agenda and minutes\n\nCabinet - Tuesday, 3 September 2019 3.00pm\n\n4.\n\nStaffing of the social work teams\n\n"
        "Minutes:\n\nThe report set out the vacancies.\n\nDecision:\n\n"
        f"{reference}\n\nThe Cabinet agreed to fill the following posts, as set out in the appendix:\n\n"
        "a)     Team manager\n\nb)     Senior social worker\n\nReasons:\n\nThe posts support the improvement plan.\n"
    )
    assert texts(x)[:1] == ["The Cabinet agreed to fill the following posts, as set out in the appendix:"]


# ------------------------------------------------------------------------------ who came is no resolution

MINUTES = (
    "Minutes of the Children's Scrutiny Panel held on 12 March 2024\n\n1.\n\nApologies for absence\n\nMinutes:\n\n{line}\n\n"
    "2.\n\nMinutes\n\nRESOLVED that the minutes of the meeting held on 6 February 2024 be approved as a correct record.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "The apologies of Councillor Jane Example and of co-opted member Sam Sample were noted.",
        "The Panel noted the apologies of Councillor A Example.",
        "Declarations of interest were noted from Councillor B Example as a school governor.",
    ],
)
def test_apologies_and_declarations_noted_are_no_resolutions(line):
    x = run(MINUTES.format(line=line))
    assert [t.removeprefix("RESOLVED ")[:35] for t in texts(x)] == ["that the minutes of the meeting hel"]


def test_a_chair_appointed_after_an_apology_is_still_a_resolution():
    x = run(
        MINUTES.format(line="Following the Chair's apology, to appoint Councillor Jo Example to chair the meeting.")
    )
    assert texts(x)[0] == "Following the Chair's apology, to appoint Councillor Jo Example to chair the meeting."


# ------------------------------------------------------------------------------ a paragraph that leads in to a list


@pytest.mark.parametrize(
    "lead",
    [
        "In relation to the post, the Committee noted the current holder's decision to retire in March 2025. The role "
        "holds responsibility for these services of the Council:",
        "The Panel noted that the service had been restructured during the year after the inspection and now worked "
        "in the following teams:",
        "Members noted the letter from the inspectors, which had been published in the spring and listed these areas "
        "for improvement:",
    ],
)
def test_a_paragraph_that_leads_in_to_a_list_does_not_close_the_item(lead):
    x = run(
        "Minutes of the Appointments Committee held on 12 March 2024\n\n59.\n\nAppointment of a Director\n\nMinutes:\n\n"
        f"The Committee considered the report of the Chief Executive.\n\n{lead}\n\n"
        "Ø  Social care\n\nØ  Education\n\nØ  Early help\n"
    )
    assert texts(x) == []


# ------------------------------------------------------------------------------ decisions a summary reports


@pytest.mark.parametrize(
    ("sentence", "decision"),
    [
        (
            "Decisions were made to give feedback on the draft strategy and to seek an update on adoption services.",
            "Decisions were made to give feedback on the draft strategy and to seek an update on adoption services",
        ),
        (
            "The decision was taken to refer the plan to the Cabinet.",
            "The decision was taken to refer the plan to the Cabinet",
        ),
        (
            "A decision was made that the task group be re-established.",
            "A decision was made that the task group be re-established",
        ),
    ],
)
def test_a_decision_said_to_be_made_is_one_decision(sentence, decision):
    x = run(
        "Children's Scrutiny Committee - Wednesday, 26th June, 2024 6.00 pm\n\nSummary\n"
        f"The committee discussed the Ofsted inspection and the new strategy. {sentence}\n"
    )
    assert texts(x) == [decision]


def test_infinitives_listed_with_semicolons_are_one_decision_each():
    x = run(
        "Council news\n\nThe council's executive agreed at its meeting on October 21 to note the Ofsted report; "
        "to seek a further report on resources and to agree the scrutiny arrangements.\n"
    )
    assert texts(x) == [
        "to note the Ofsted report",
        "to seek a further report on resources",
        "to agree the scrutiny arrangements",
    ]


# ------------------------------------------------------------------------------ a resolution closing a discussion


@pytest.mark.parametrize(
    ("closing", "decision"),
    [
        (
            "Following a discussion, it was agreed that three of the candidates should be shortlisted.",
            "it was agreed that three of the candidates should be shortlisted.",
        ),
        (
            "It was resolved to invite the Director to the next meeting.",
            "It was resolved to invite the Director to the next meeting.",
        ),
        (
            "After questions from members, it was unanimously agreed to endorse the plan.",
            "it was unanimously agreed to endorse the plan.",
        ),
    ],
)
def test_the_last_sentence_of_a_discussion_can_be_its_resolution(closing, decision):
    x = run(
        "Minutes of the Appointments Committee held on 12 March 2024\n\n3.\n\nRecruitment of a Director\n\n"
        f"The Head of HR summarised each application and members asked about the process. {closing}\n\n"
        "4.\n\nDate of next meeting\n"
    )
    assert texts(x) == [decision]


def test_an_earlier_agreement_that_does_not_close_the_discussion_is_no_resolution():
    x = run(
        "Minutes of the Appointments Committee held on 12 March 2024\n\n3.\n\nRecruitment of a Director\n\n"
        "In 2019 it was agreed that the post would be shared. The Head of HR summarised each application.\n\n"
        "RESOLVED that the shortlist be approved.\n\n4.\n\nDate of next meeting\n"
    )
    assert [t.removeprefix("RESOLVED ") for t in texts(x)] == ["that the shortlist be approved."]


# ------------------------------------------------------------------------------ meetings named by a body alone


@pytest.mark.parametrize(
    ("sentence", "body", "day"),
    [
        ("The next Improvement Board would be on 18th October, 2017.", "Improvement Board", "2017-10-18"),
        (
            "The next Corporate Parenting Panel is scheduled for 4 March 2024.",
            "Corporate Parenting Panel",
            "2024-03-04",
        ),
        ("The next Schools Forum will take place on 9 July 2024.", "Schools Forum", "2024-07-09"),
    ],
)
def test_the_next_named_body_on_a_day_is_its_meeting(sentence, body, day):
    x = run(f"Scrutiny Board 2\n\nThe Board considered a briefing note on the improvement plan. {sentence}\n")
    assert (body, day) in meetings(x)


@pytest.mark.parametrize(
    ("sentence", "body", "day"),
    [
        ("Staff were commended at today's Full Council meeting.", "Full Council", "2022-02-24"),
        ("The plan was endorsed at tonight's meeting of the Cabinet.", "Cabinet", "2022-02-24"),
        (
            "Members of yesterday’s Corporate Parenting Board heard from care leavers.",
            "Corporate Parenting Board",
            "2022-02-23",
        ),
    ],
)
def test_a_meeting_dated_by_the_day_of_the_story(sentence, body, day):
    x = run(
        f"Children's home rated outstanding\n\nA council children's home has been rated outstanding. {sentence}\n",
        published=D(2022, 2, 24),
    )
    assert (body, day) in meetings(x)


def test_todays_meeting_on_an_undated_page_is_no_meeting():
    x = run("Children's home rated outstanding\n\nStaff were commended at today's Full Council meeting.\n")
    assert meetings(x) == set()
