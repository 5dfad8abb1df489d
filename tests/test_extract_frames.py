"""Meetings and decisions by the shape of the page and the sentence (issue 14, round 2): who decided on one line and
what on the list below it, lists of people that a numbered agenda item ends, an item's title above its minutes,
labels between a body's name and its day, days listed in one date, a day bound to the event nearest to it.

Every text is made up in the style of council papers; the councils, bodies' wordings and people ("Anyshire", "Pat
Example") are invented, and none copies a development or challenge page."""

from __future__ import annotations

import pytest

from caregraph.pipeline.segment import segment
from caregraph.records import PartialDate as D
from caregraph.records import SourceDocument

from .conftest import extract_text as run


def texts(x) -> list[str]:
    return [d.text for d in x.decisions]


def meetings(x) -> list[tuple[str, D]]:
    return [(m.body, m.date) for m in x.meetings]


def kinds(text: str) -> list[str]:
    return [s.kind for s in segment(SourceDocument("x.txt", text, "0", "txt", len(text))).segments]


MINUTES = "Agenda item\nVirtual School annual report\nMinutes:\nThe Virtual School Head introduced the report.\n"


# ------------------------------------------------------------------------------ who decided, then what


@pytest.mark.parametrize("subject", ["The Panel:", "The Lead Member for Education:", "Members:", "The Schools Forum -"])
def test_a_line_naming_who_decided_above_a_list_of_what(subject):
    x = run(
        f"{MINUTES}{subject}\n- welcomed the annual report;\n- endorsed the revised attendance targets; and\n"
        "- invited the Virtual School Head to return with the exclusions data.\n\n7.\tAny other business\n"
    )
    assert texts(x) == [
        "welcomed the annual report;",
        "endorsed the revised attendance targets; and",
        "invited the Virtual School Head to return with the exclusions data.",
    ]


def test_a_numbered_resolution_line_that_names_the_deciding_body_is_no_decision_itself():
    x = run(
        "Agenda and minutes\nAnyshire Schools Forum - Thursday, 9th March, 2023 2.00 pm\n"
        "6.\tHigh needs block\n6.1\tThe Finance Lead set out the pressures on the block.\n"
        "6.2\tAGREED: That the Anyshire Schools Forum:-\n(i)\taccepts the recovery plan;\n"
        "(ii)\tasks officers to model the transfer options.\n"
    )
    assert texts(x) == ["accepts the recovery plan;", "asks officers to model the transfer options."]


def test_a_list_of_topics_under_a_lead_in_is_no_list_of_decisions():
    x = run(f"{MINUTES}The following matters were discussed:\n- attendance of children in care;\n- exclusions.\n")
    assert texts(x) == []


# ------------------------------------------------------------------------------ lists of people and item titles


def test_a_numbered_agenda_item_ends_the_list_of_those_present():
    text = (
        "Anyshire Fostering Panel\nMinutes\nPresent:\nCouncillor Pat Example (Chair)\nLee Sample, Panel Adviser\n\n"
        "5.\tNotes of the last meeting\nThe notes of the meeting held on 2 May 2023 were confirmed.\n"
    )
    assert "body" in kinds(text)[kinds(text).index("witnesses") :]
    assert [(d.text, d.kind) for d in run(text).decisions] == [
        ("The notes of the meeting held on 2 May 2023 were confirmed.", "procedural")
    ]


def test_a_sentence_about_apologies_is_no_heading():
    assert "apologies" not in kinds("Agenda item\nUpdate\nApologies were sent by Councillor Example.\n")
    assert "apologies" in kinds("Agenda item\nUpdate\nApologies for absence\nCouncillor Example.\n")


def test_an_item_title_is_not_run_into_the_minutes_under_it():
    x = run(
        "Minutes of the meeting\nItems\n3.\tRecord of the meeting held on 14 February 2023 and matters arising\n"
        "The record of the meeting held on 14 February 2023 was approved.\n\n4.\tForward plan\n"
    )
    assert texts(x) == ["The record of the meeting held on 14 February 2023 was approved."]


def test_a_wrapped_resolution_still_joins_its_month():
    x = run(
        "Minutes of the meeting\nItems\n3.\tThat the record of the meeting of the Panel held on the 14\n"
        "February 2023 be approved.\n"
    )
    assert texts(x) == ["That the record of the meeting of the Panel held on the 14 February 2023 be approved."]


# ------------------------------------------------------------------------------ how a resolution opens and ends


def test_two_verbs_for_one_resolution():
    assert texts(run(f"{MINUTES}The Panel reviewed and noted the attendance dashboard.\n")) == [
        "The Panel reviewed and noted the attendance dashboard."
    ]


def test_a_label_above_actions_ends_the_item_but_not_above_its_resolutions():
    actions = run(f"{MINUTES}The Panel noted the report.\nNext steps:\n- Data to be shared with head teachers.\n")
    assert texts(actions) == ["The Panel noted the report."]
    outcome = run(f"{MINUTES}The Panel noted the report.\nConcluded:\n(1)\tthat the targets be endorsed.\n")
    assert texts(outcome) == ["that the targets be endorsed."]


def test_an_infinitive_resolution_under_minutes_keeps_the_phrase_before_it():
    x = run(
        "Agenda item\nElection of Chair\nMinutes:\n"
        "In the absence of the Vice-Chair, to elect Councillor Pat Example as Chair for this meeting.\n"
    )
    assert [(d.text, d.kind) for d in x.decisions] == [
        ("In the absence of the Vice-Chair, to elect Councillor Pat Example as Chair for this meeting.", "procedural")
    ]


def test_an_infinitive_above_the_minutes_is_what_the_item_proposes():
    x = run("Agenda item\nAnnual report\nTo note the annual report.\nMinutes:\nThe Panel noted the report.\n")
    assert texts(x) == ["The Panel noted the report."]


def test_a_resolution_that_only_points_back_at_the_recommendations():
    x = run(
        "Agenda item\nSufficiency strategy\nRecommendations:\n1.\tTo adopt the sufficiency strategy.\n"
        "Minutes:\nThe Lead Member introduced the strategy.\nDECISION: as set out in the report.\n"
    )
    assert texts(x) == ["To adopt the sufficiency strategy."]


def test_two_resolutions_run_into_one_line():
    x = run(f"{MINUTES}RESOLVED – to receive the dashboard; and that a summary be sent to all schools.\n")
    assert texts(x) == ["to receive the dashboard;", "that a summary be sent to all schools."]


# ------------------------------------------------------------------------------ meetings


@pytest.mark.parametrize(
    ("top", "body", "day"),
    [
        ("ANYSHIRE SCHOOLS FORUM\nAGENDA AND MINUTES\n14 March 2023\n", "ANYSHIRE SCHOOLS FORUM", D(2023, 3, 14)),
        (
            "Meetings - Corporate Parenting Panel\nMeeting details\nWednesday, 5 July 2023, 14:00\n",
            "Corporate Parenting Panel",
            D(2023, 7, 5),
        ),
    ],
)
def test_a_label_line_between_a_body_and_its_day(top, body, day):
    assert meetings(run(f"Anyshire Council\n{top}Venue: Shire Hall\n\nThe Panel noted the report.\n")) == [(body, day)]


def test_a_meeting_on_each_day_of_a_list():
    x = run("Agenda item\nUpdate\nThe Fostering Panel met on 4, 11 and 18 October 2022 to hear the cases.\n")
    assert meetings(x) == [
        ("Fostering Panel", D(2022, 10, 4)),
        ("Fostering Panel", D(2022, 10, 11)),
        ("Fostering Panel", D(2022, 10, 18)),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Schools Forum received a briefing on the focused visit carried out on 7 June 2022.",
        "The Schools Forum discussed the findings of the visit on 7 June 2022.",
    ],
)
def test_a_day_belongs_to_the_event_nearest_to_it(sentence):
    assert meetings(run(f"Agenda item\nUpdate\n{sentence}\n")) == []


def test_a_title_that_opens_with_the_body_gives_the_pages_body():
    x = run(
        "Agenda item\nAnyshire Youth Justice Board – Partnership Update\nMinutes:\n"
        "The Local Safeguarding Children Board had asked for the update.\n"
        "RESOLVED that the Board receive the next update at its meeting on 6 June 2024.\n"
    )
    assert meetings(x) == [("Anyshire Youth Justice Board", D(2024, 6, 6))]


def test_items_under_who_decided_may_open_with_a_capitalised_verb():
    x = run(f"{MINUTES}The Corporate Parenting Board:\n1.\tNoted the report.\n2.\tAsked for a briefing on stability.\n")
    assert texts(x) == ["Noted the report.", "Asked for a briefing on stability."]


def test_items_under_who_decided_that_are_no_predicates_are_left():
    x = run(f"{MINUTES}The Corporate Parenting Board:\n1.\tPlacement stability\n2.\tCare leavers\n")
    assert texts(x) == []


def test_who_decided_in_a_page_of_no_known_genre():
    x = run(
        "Minutes\n14. Monitoring visit\nMembers received the letter.\nThe Panel:\na) noted the findings;\n"
        "b) requested a report in June 2024.\n15. Date of next meeting\n"
    )
    assert texts(x) == ["noted the findings;", "requested a report in June 2024."]


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("The Fostering Panel, chaired by Sam Sample, met on 3 May 2023.", [D(2023, 5, 3)]),
        ("The Fostering Panel will receive the annual report on 12 September 2024.", [D(2024, 9, 12)]),
        ("The Fostering Panel is due to consider the annual report on 12 September 2024.", [D(2024, 9, 12)]),
    ],
)
def test_a_body_as_the_subject_of_a_dated_meeting(sentence, days):
    assert meetings(run(f"Agenda item\nUpdate\n{sentence}\n")) == [("Fostering Panel", d) for d in days]


def test_the_last_numbered_paragraph_of_an_item_before_the_next_items_title():
    x = run(
        "Minutes\n45. Focused visit\n45.1 The Director presented the letter.\n45.2 The Committee noted the report.\n"
        "46. Work programme\n"
    )
    assert texts(x) == ["The Committee noted the report."]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Panel thanked the Virtual School Head and noted the report.",
        "The report was noted and the targets endorsed.",
    ],
)
def test_a_resolution_with_two_verbs_closing_its_item(sentence):
    assert texts(run(f"{MINUTES}{sentence}\n")) == [sentence]


@pytest.mark.parametrize(
    "top",
    [
        "Adoption Panel\n14 March 2024 - 10:00\n",
        "Adoption Panel\nDate and time: Thursday 14 March 2024, 10am\n",
    ],
)
def test_a_day_under_the_body_with_a_time_or_a_label_in_other_forms(top):
    assert meetings(run(f"Anyshire Council\n{top}\nThe Panel noted the report.\n")) == [
        ("Adoption Panel", D(2024, 3, 14))
    ]


def test_a_meeting_of_a_body_that_took_place():
    x = run("Agenda item\nUpdate\nAn extraordinary meeting of the Adoption Panel took place on 2 May 2024.\n")
    assert meetings(x) == [("Adoption Panel", D(2024, 5, 2))]


@pytest.mark.parametrize(
    "sentence",
    [
        "The next meeting is scheduled for 4 March 2024.",
        "The next meeting will take place on 4 March 2024.",
        "Next meeting: Monday 4 March 2024 at 6pm",
    ],
)
def test_the_next_meeting_of_the_pages_body_in_other_words(sentence):
    assert meetings(run(f"Adoption Panel\nAgenda item\nUpdate\n{sentence}\n")) == [("Adoption Panel", D(2024, 3, 4))]


def test_two_bodies_that_both_met_on_a_day():
    x = run(
        "Agenda item\nUpdate\nThe Health and Wellbeing Board and the Adoption Panel both considered the plan on "
        "4 March 2024.\n"
    )
    assert sorted(meetings(x)) == [("Adoption Panel", D(2024, 3, 4)), ("Health and Wellbeing Board", D(2024, 3, 4))]


def test_paragraphs_that_all_open_like_resolutions_close_the_item():
    x = run(f"{MINUTES}The Panel noted the report.\nThe Panel approved the targets.\n\n5.\tAny other business\n")
    assert texts(x) == ["The Panel noted the report.", "The Panel approved the targets."]


@pytest.mark.parametrize("lead_in", ["Members RESOLVED as follows:", "The Panel agreed the following:"])
def test_a_line_leading_in_to_resolutions_is_none_itself(lead_in):
    x = run(f"{MINUTES}{lead_in}\n1. That the report be noted.\n2. That the targets be endorsed.\n")
    assert texts(x) == ["That the report be noted.", "That the targets be endorsed."]


def test_a_quoted_recommendation_agreed_by_any_body():
    x = run(
        f"{MINUTES}The Chair moved the recommendation “That the attendance targets for 2024/25 be adopted.” "
        "The Schools Forum agreed.\n"
    )
    assert texts(x) == ["That the attendance targets for 2024/25 be adopted."]


def test_a_label_above_lower_case_actions_names_no_one_who_decided():
    x = run(f"{MINUTES}The Panel noted the report.\nActions:\n- officers to circulate the targets to schools.\n")
    assert texts(x) == ["The Panel noted the report."]


def test_a_speaker_leading_in_to_points_is_no_one_who_decided():
    x = run(
        f"{MINUTES}14.3 The Director of Children's Services highlighted that:\n"
        "- recruitment had improved;\n- caseloads had fallen.\n"
    )
    assert texts(x) == []
