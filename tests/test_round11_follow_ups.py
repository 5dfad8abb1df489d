"""Stop 29: what a follow-up's description leaves out (made-up committee pages and news): a reporting verb with the
time it was said before "that", and a relative clause after the due date."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text

WHEN = PartialDate(2023, 9, 1)


def _follow_ups(body: str) -> list[tuple[str, str]]:
    text = "Anyshire Council\nPeople Scrutiny Committee\n\n" + body
    x = extract_text(text, url="https://www.anyshire.gov.uk/news/1", published=WHEN)
    return [(f.due.iso(), f.description) for f in x.follow_ups]


@pytest.mark.parametrize(
    ("body", "due", "description"),
    [
        (
            "Senior councillors agreed on Thursday that the partnership agreement will end on 31 March 2024.",
            "2024-03-31",
            "the partnership agreement will end",
        ),
        (
            "The Cabinet Member confirmed last week that a revised plan would be submitted by 30 November 2023.",
            "2023-11-30",
            "a revised plan would be submitted",
        ),
        (
            "Officers said at the meeting that the strategy would be published in January 2024.",
            "2024-01",
            "the strategy would be published",
        ),
    ],
)
def test_the_description_starts_after_a_reporting_verb_and_when_it_was_said(body, due, description):
    assert _follow_ups(body) == [(due, description)]


def test_a_relative_clause_after_the_due_date_is_left_out():
    body = (
        "The Council is required to submit an Action Plan to Ofsted by 28 November 2023 which identifies the "
        "priority actions for the next twelve months."
    )
    assert _follow_ups(body) == [("2023-11-28", "The Council is required to submit an Action Plan to Ofsted")]


def test_that_after_other_words_is_no_reporting_verb():
    # "agreed the plan that …": "that" opens a relative clause about the plan, not what was said
    body = "The Board agreed the plan that officers will present to Cabinet in October 2023."
    assert _follow_ups(body) == [("2023-10", "the plan that officers will present to Cabinet")]


def test_two_resolutions_due_at_one_meeting_are_two_follow_ups():
    body = (
        "RESOLVED:\n\n(i)  That a dataset to monitor the Improvement Plan be presented to the Panel at the December "
        "2023 meeting;\n\n(ii)  That the practice framework in development be considered at the December 2023 meeting "
        "of the Panel; and\n\n(iii)  That the report be noted.\n"
    )
    found = _follow_ups(body)
    assert [due for due, _ in found] == ["2023-12", "2023-12"]
    assert "dataset" in found[0][1] and "practice framework" in found[1][1]


def test_one_resolution_stated_twice_is_one_follow_up():
    body = (
        "Recommendations:\n\n1.  That a report setting out the full costs be received at the November 2023 Cabinet "
        "meeting.\n\nResolved:\n\n1.  That a report setting out the full costs be received at the November 2023 "
        "Cabinet meeting.\n"
    )
    assert [due for due, _ in _follow_ups(body)] == ["2023-11"]


def test_a_planned_peer_review_is_an_event_not_a_follow_up():
    assert (
        _follow_ups("·  A peer review is scheduled for May 2024 to test the front line of children’s services.") == []
    )


@pytest.mark.parametrize("mark", ["·  ", "• ", "– ", "- "])
def test_a_list_mark_is_no_part_of_a_description(mark):
    found = _follow_ups(f"{mark}A revised improvement plan will be presented to Cabinet in March 2024.")
    assert found == [("2024-03", "A revised improvement plan will be presented to Cabinet")]


@pytest.mark.parametrize(
    ("body", "due", "description"),
    [
        (
            "The action plan must be submitted to Ofsted within 70 working days (by 12 August 2024).",
            "2024-08-12",
            "The action plan must be submitted to Ofsted within 70 working days",
        ),
        (
            "A report on the outcome of the consultation is expected in the autumn of 2024.",
            "2024",
            "A report on the outcome of the consultation is expected",
        ),
        (
            "The report will come back to the November 2024 meeting.",
            "2024-11",
            "The report will come back to the meeting",
        ),
    ],
)
def test_the_words_that_lead_to_a_due_date_go_with_it(body, due, description):
    assert _follow_ups(body) == [(due, description)]


def test_a_date_the_page_gives_an_inspection_is_due_for_nothing():
    # (a page with no date of its own: nothing says July 2023 is past)
    text = (
        "Anyshire Council\nCabinet\n\nTo present the recently published report detailing the findings of the "
        "inspection by Ofsted inspectors of Anyshire Council children’s services in July 2023 and to outline the "
        "action taken since."
    )
    x = extract_text(text, url="https://www.anyshire.gov.uk/news/1")
    assert [(i.kind, i.start.iso() if i.start else None) for i in x.inspections] == [("ilacs", "2023-07")]
    assert x.follow_ups == ()


def test_a_commitment_beside_an_inspection_keeps_its_own_date():
    body = "Following the Ofsted inspection in July 2023, the council will submit an action plan by 12 October 2023."
    assert [due for due, _ in _follow_ups(body)] == ["2023-10-12"]


@pytest.mark.parametrize(
    "body",
    [
        "The consultation will close on 5 May 2024.",
        "The survey closes on 30 April 2024, and the results will follow.",
        "Applications must be received by 12 noon on 4 April 2024.",
        "Nominations must be submitted by 5pm on 4 April 2024.",
    ],
)
def test_a_window_for_the_public_closing_is_no_follow_up(body):
    assert _follow_ups(body) == []


def test_the_councils_own_consultation_report_is_still_one():
    found = _follow_ups("The results of the consultation will be reported to Cabinet in June 2024.")
    assert found == [("2024-06", "The results of the consultation will be reported to Cabinet")]


@pytest.mark.parametrize(
    "body",
    [
        "The police investigation is expected to conclude in March 2024.",
        "The court case will resume on 14 October 2023.",
        "The trial is due to start on 3 February 2024.",
    ],
)
def test_proceedings_of_the_courts_or_the_police_are_no_follow_ups(body):
    assert _follow_ups(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The decision will be published on 14 March 2024 and may be called in until 21 March 2024.",
        "Any call-in must be made by 21 March 2024.",
        "The decision notice is to be published on 14 March 2024.",
    ],
)
def test_the_steps_of_the_decision_process_are_no_follow_ups(body):
    assert _follow_ups(body) == []
