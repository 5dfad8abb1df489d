"""Resolutions worded in other ways than "RESOLVED – That …", and lines that only look like them (round 5, dev4
classes in general form).

Every text is made up in the style of council pages (ModernGov issue and decision pages, minutes); the names
("Anyshire", "Jane Example") are invented. Under ANNOTATION.md each resolution the meeting made is a decision, with or
without a heading; points made in debate and the reasons for a decision are not."""

from __future__ import annotations

import pytest

from .conftest import extract_text as run


def texts(x) -> list[str]:
    return [d.text for d in x.decisions]


ISSUE = "Issue - meetings\n\nOfsted letter\n\nMeeting: 21/01/2020 - Cabinet (Item 8)\n\n8 Ofsted letter pdf icon PDF 213 KB\n\n"


@pytest.mark.parametrize(
    "between",
    [
        "Additional documents:\n\n\nRecommendations Agreed.",
        "Additional documents:\n\nAppendix 1 - Action plan, item 8 PDF 120 KB\n\nRecommendation agreed",
        "Recommendations were approved.",
    ],
)
def test_a_recommendation_put_to_the_meeting_is_decided_when_a_line_below_it_says_so(between):
    x = run(
        f"{ISSUE}Report by the Director.\n\nCabinet is RECOMMENDED to note the outcome of the visit.\n\n{between}"
        "\n\nThe Cabinet had before it the report of the Director.\n"
    )
    assert texts(x) == ["Cabinet is RECOMMENDED to note the outcome of the visit."]


def test_a_recommendation_with_no_line_that_says_it_was_agreed_is_no_decision():
    x = run(
        f"{ISSUE}Report by the Director.\n\nCabinet is RECOMMENDED to note the outcome of the visit.\n\n"
        "Additional documents:\n\nAppendix 1 PDF 120 KB\n"
    )
    assert texts(x) == []


DECISION = "Decision details\n\nOfsted focused visit\n\nDecision Maker: Cabinet\n\nDecision status: Recommendations Approved\n\nIs Key decision?: No\n\n"


@pytest.mark.parametrize(
    "resolution",
    [
        "a) Cabinet receive and note the letter from Ofsted, at appendix A.",
        "The Cabinet approves the improvement plan set out in the report.",
        "To endorse the refreshed improvement plan for children's services.",
    ],
)
def test_a_decision_pages_resolution_in_the_present_subjunctive_or_infinitive_is_a_decision(resolution):
    x = run(
        f"{DECISION}To share the letter from Ofsted following the visit in May 2024.\n\n{resolution}\n\n"
        "Alternative options considered:\n\nNone.\n"
    )
    assert texts(x) == [resolution.removeprefix("a) ")]


@pytest.mark.parametrize(
    "resolution",
    [
        "The Committee agrees to exclude the public during consideration of the following item.",
        "The Panel notes the annual report of the Independent Reviewing Officers.",
        "ORDERED that the press and public be excluded from the meeting for the following item.",
    ],
)
def test_a_minutes_resolution_worded_otherwise_closes_its_item(resolution):
    x = run(
        f"Agenda and minutes\n\nPersonnel Committee - Tuesday, 28th May, 2024 4.00 pm\n\nVenue: Town Hall\n\n{resolution}\n\n\n"
        "Appointment of Director of Children's Services\n"
    )
    assert texts(x) == [resolution]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minutes were signed as an accurate record.",
        "The minutes of the last meeting were agreed as a correct record.",
        "The minutes were then confirmed and signed as a true record.",
    ],
)
def test_a_sentence_that_says_the_minutes_were_confirmed_is_a_decision(sentence):
    x = run(
        "Corporate Parenting Panel Minutes\n\n2. Minutes\n\n2.1 The minutes of the meeting held on 3 May 2023 were "
        f"received. A query was raised about a figure. {sentence}\n\n3. Declarations\n\nNone.\n"
    )
    assert texts(x) == [sentence]


@pytest.mark.parametrize(
    "lead_in",
    [
        "The mover and seconder spoke in support of the Motion:",
        "Members commented as follows:",
        "The following points were raised in the debate:",
    ],
)
def test_points_made_in_debate_are_no_decisions(lead_in):
    x = run(
        "Minutes\n\n5. Notice of Motion\n\nThe motion was moved by Councillor Jane Example.\n\n"
        f"{lead_in}\n\n· that every member was a corporate parent and the service was not good enough\n\n"
        "· that scrutiny was weak\n"
    )
    assert not any("corporate parent" in t or "scrutiny was weak" in t for t in texts(x))


@pytest.mark.parametrize(
    "reason",
    [
        "REASON – The recommendation is supported as the plan is a statutory requirement.",
        "Reason: That the plan be monitored is a statutory requirement.",
        "Reasons\n\nThat the Council must respond within 70 days is a statutory duty.",
    ],
)
def test_a_reason_under_its_label_is_no_decision(reason):
    x = run(
        f"Minutes\n\n6. SEND written statement\n\nRESOLVED – That the written statement of action be noted.\n\n"
        f"{reason}\n"
    )
    assert texts(x) == ["That the written statement of action be noted."]


@pytest.mark.parametrize(
    "sentence",
    [
        "At a previous meeting, Cabinet members agreed on extra investment to strengthen children's services.",
        "At an earlier meeting the Cabinet agreed to fund twenty more social workers.",
        "Following its last meeting, the Children's Scrutiny Committee decided to review caseloads.",
    ],
)
def test_a_story_that_recalls_an_earlier_meetings_decision_reports_no_decision(sentence):
    x = run(
        "Anyshire children's services rated good\n\nPublished today\n\nOfsted has published its report on "
        f"Anyshire County Council's children's services. {sentence} Councillor Jane Example said: \"We are proud.\"\n"
    )
    assert texts(x) == []


def test_a_story_that_reports_a_decision_of_the_meeting_keeps_it():
    x = run(
        "Anyshire children's services rated good\n\nPublished today\n\nOfsted has published its report. On "
        "Tuesday the Cabinet agreed to fund twenty more social workers.\n"
    )
    assert texts(x) == ["the Cabinet agreed to fund twenty more social workers"]
