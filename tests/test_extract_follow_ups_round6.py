"""Round 6: dated phrases that are no commitment of the council (the precision classes of the fifth real set), each
class in three made-up wordings and with a counter-example the rule must keep. Expected values follow
../shared/ANNOTATION.md: a follow-up is a dated commitment of the council, its bodies or officers; not what an
inspection team or a commissioner will do, not a procedural deadline for the public, not a hope, not a plan that
was put off, and not the date of an inspection."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate as D

from .conftest import extract_text

PAGE_DATE = D(2024, 3, 12)


def run(*lines: str, published: D | None = PAGE_DATE):
    text = "Anyshire Council\nChildren's Scrutiny Panel minutes\n\n" + "\n\n".join(lines) + "\n\nEnd.\n"
    return extract_text(text, published=published)


def dues(x) -> set[str]:
    return {f.due.iso() for f in x.follow_ups}


# ------------------------------------------------------------------------------ an inspection team's plan


@pytest.mark.parametrize(
    "sentence",
    [
        "The inspection team will arrive at the Civic Centre on 18 March 2024 to begin their fieldwork.",
        "Members heard that the inspecting team would meet front-line managers on 20 March 2024.",
        "An inspection team will be on site from 25 March 2024 and will sample cases.",
    ],
)
def test_an_inspection_teams_plan_is_not_a_commitment(sentence):
    assert dues(run(sentence)) == set()


def test_a_council_team_with_a_plan_is_still_a_commitment():
    assert dues(run("The improvement team will report back to the Panel in June 2024.")) == {"2024-06"}


# ------------------------------------------------------------------------------ an inspection's date, with its place


@pytest.mark.parametrize(
    "sentence",
    [
        "To receive a report presenting the action plan following the inspection in Anyshire from 4 to 15 March 2024.",
        "Members will consider the findings of the focused visit in Anyshire on 20 March 2024.",
        "The Panel will scrutinise the response to the inspection at the Family Hub during April 2024.",
    ],
)
def test_the_date_of_an_inspection_of_a_place_is_not_a_due_date(sentence):
    assert dues(run(sentence)) == set()


def test_a_report_back_after_an_inspection_of_a_place_keeps_its_own_date():
    found = dues(run("Following the inspection in Anyshire, officers will report back to the Panel in July 2024."))
    assert found == {"2024-07"}


# ------------------------------------------------------------------------------ a deadline for a meeting


@pytest.mark.parametrize(
    "sentence",
    [
        "The deadline for this meeting is 10.00am on 20 March 2024.",
        "Please note the deadline for the next Council meeting is 5 April 2024.",
        "Any representations must be sent in; the deadline is 12 noon on 22 March 2024.",
    ],
)
def test_a_deadline_for_a_meeting_or_at_a_clock_time_is_procedural(sentence):
    assert dues(run(sentence)) == set()


def test_a_deadline_for_the_councils_own_plan_is_a_commitment():
    assert dues(run("The deadline for submitting the improvement plan to the DfE is 30 April 2024.")) == {"2024-04-30"}


# ------------------------------------------------------------------------------ a hope


@pytest.mark.parametrize(
    "sentence",
    [
        "We hope to begin sending the newsletter again in May 2024.",
        "The service hopes to reopen the centre in June 2024.",
        "It is hoped that the new residential home will open in September 2024.",
        "The Leader said she hoped the plan would be approved in June 2024.",
    ],
)
def test_a_hope_is_not_a_commitment(sentence):
    assert dues(run(sentence)) == set()


def test_a_plan_to_open_is_still_a_commitment():
    assert dues(run("The service plans to reopen the centre in June 2024.")) == {"2024-06"}


# ------------------------------------------------------------------------------ a plan that was put off


@pytest.mark.parametrize(
    "sentence",
    [
        "The report, due to be published in April 2024, was delayed until after the local elections.",
        "The review, expected in May 2024, has been postponed indefinitely.",
        "The launch planned for June 2024 had been cancelled because of the budget position.",
    ],
)
def test_a_plan_that_was_put_off_is_not_a_commitment(sentence):
    assert dues(run(sentence)) == set()


def test_an_item_put_off_to_a_dated_meeting_is_a_commitment():
    assert dues(run("The item was postponed until the June 2024 meeting of the Panel.")) == {"2024-06"}


# ------------------------------------------------------------------------------ a reviewer reporting to the Minister


@pytest.mark.parametrize(
    "sentence",
    [
        "The direction says that Jo Example will carry out a review in May 2024, reporting back to the Minister.",
        "An adviser will assess progress in June 2024 and report to the Secretary of State.",
        "A final review will take place in July 2024 and will be reported to the Secretary of State.",
    ],
)
def test_a_review_reported_to_the_minister_is_an_outside_bodys(sentence):
    assert dues(run(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "The Director will review progress in May 2024 and report back to Cabinet.",
        "The council will report to the DfE on progress with the plan by May 2024.",
    ],
)
def test_a_review_reported_to_cabinet_or_the_dfe_is_a_commitment(sentence):
    assert dues(run(sentence)) == {"2024-05"}


# ------------------------------------------------------------------------------ an outside actor's possessive


@pytest.mark.parametrize(
    "sentences",
    [
        (
            "Ofsted inspectors visited the service in February.",
            "Their findings will be reported to Cabinet in May 2024.",
        ),
        ("The commissioner has met the Leader twice.", "Her recommendations will be brought to the Panel in May 2024."),
        ("The DfE adviser attended the Board.", "His advice will be considered by Cabinet in May 2024."),
    ],
)
def test_an_outside_actors_work_taken_to_a_council_body_is_a_commitment(sentences):
    """A possessive names whose the thing is, not who acts: the council takes the findings to its body."""
    assert dues(run(" ".join(sentences))) == {"2024-05"}


# ------------------------------------------------------------------------------ a named body's next meeting


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("The report noted that the next Improvement Board would be on 18 April 2024.", "2024-04-18"),
        ("The next Corporate Parenting Board meeting will be held on 2 May 2024.", "2024-05-02"),
        ("Members were told the next Safeguarding Partnership Executive is to be on 9 July 2024.", "2024-07-09"),
    ],
)
def test_a_named_bodys_next_meeting_is_a_planned_event(sentence, due):
    assert dues(run(sentence)) == {due}


def test_the_next_meeting_alone_is_no_commitment():
    assert dues(run("The next meeting will be held on 2 May 2024.")) == set()


# ------------------------------------------------------------------------------ the publisher, of equal counts


def _publisher(text: str) -> str | None:
    from caregraph.pipeline.extract.councils import find_councils
    from caregraph.pipeline.segment import segment
    from caregraph.records import SourceDocument

    doc = segment(SourceDocument("x.txt", text, "0", "txt", len(text)))
    return next((c.slug for c in find_councils(doc) if c.publisher), None)


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        (
            "Subscribe to updates\n\nSubscribe for news about Derby Council.\n\nScrutiny Committee, 3 May 2024\n\nMembers discussed the "
            "inspection of Derbyshire's services for disabled children and Derbyshire's written statement of action.\n",
            "derbyshire",
        ),
        (
            "Scrutiny Panel minutes, 3 May 2024\n\nMembers were told that a guest from Kent County Council observed. Medway's Panel reviewed Medway's progress "
            "since the focused visit.\n",
            "medway",
        ),
        (
            "Scrutiny Panel minutes, 3 May 2024\n\nMembers heard that a Swindon Council officer had joined "
            "Wiltshire's corporate parenting board, and Wiltshire's leader welcomed her.\n",
            "wiltshire",
        ),
    ],
)
def test_of_equal_weights_the_council_named_more_often_publishes(text, publisher):
    assert _publisher(text) == publisher


def test_a_council_named_by_its_full_name_still_outweighs_one_named_more_often_bare():
    text = "Scrutiny Panel minutes, 3 May 2024\n\nMembers heard that Surrey County Council's cabinet met. Surrey County Council agreed. Kent, Kent and Kent were named.\n"
    assert _publisher(text) == "surrey"


# ------------------------------------------------------------------------------ a page of several meetings


def _issue_page(first: tuple[str, str], second: tuple[str, str]) -> str:
    """A made-up issue history page: two meetings' minutes, each under its "Meeting:" heading."""
    return (
        "Issue - meetings\n\nFostering Service Improvement\n\n"
        f"Meeting: {first[0]}\n\n7  Fostering Service Improvement  PDF 300 KB\n\n{first[1]}\n\n"
        f"Meeting: {second[0]}\n\n4  Fostering Service Improvement  PDF 300 KB\n\n{second[1]}\n"
    )


@pytest.mark.parametrize(
    ("page", "due"),
    [
        (  # the later meeting first, as issue history pages list them
            _issue_page(
                ("23/01/2024 - Cabinet (Item 7)", "Decision:\nThat Cabinet notes the report."),
                (
                    "15/01/2024 - Children's Scrutiny Commission (Item 4)",
                    "RESOLVED:\nThat the commission's comments be forwarded to Cabinet on 23 January 2024.",
                ),
            ),
            "2024-01-23",
        ),
        (  # the earlier meeting first
            _issue_page(
                (
                    "04/03/2024 - Corporate Parenting Panel (Item 7)",
                    "RESOLVED:\nThat the Panel's views be reported to the Executive on 12 March 2024.",
                ),
                ("12/03/2024 - Executive (Item 4)", "Decision:\nThat the Executive notes the report."),
            ),
            "2024-03-12",
        ),
        (  # minutes in prose
            _issue_page(
                ("21/05/2024 - Cabinet (Item 7)", "Decision:\nThat Cabinet approves the plan."),
                (
                    "09/05/2024 - Education Scrutiny Committee (Item 4)",
                    "Minutes:\nThe Director said the plan would go to Cabinet on 21 May 2024 for approval.",
                ),
            ),
            "2024-05-21",
        ),
    ],
)
def test_a_commitment_is_to_come_from_the_meeting_that_made_it(page, due):
    assert due in dues(extract_text(page))


def test_on_a_page_of_one_meeting_its_own_day_is_no_due_date():
    page = (
        "Issue - meetings\n\nFostering Service Improvement\n\nMeeting: 23/01/2024 - Cabinet (Item 7)\n\n"
        "RESOLVED:\nThat the comments be forwarded to Cabinet on 23 January 2024.\n"
    )
    assert "2024-01-23" not in dues(extract_text(page))


# ------------------------------------------------------------------------------ a target or a forecast


@pytest.mark.parametrize(
    "sentence",
    [
        "The service aims to have 90% of assessments completed within 45 days by the end of 2024.",
        "Caseloads are expected to fall to 18 per worker by September 2024.",
        "Our target for 2024/25 is that 95 per cent of visits are on time by the end of the year.",
        "The number of children looked after is forecast to rise to 650 by March 2025.",
    ],
)
def test_a_target_or_forecast_is_not_a_commitment(sentence):
    assert dues(run(sentence)) == set()


def test_a_report_on_a_figure_is_still_a_commitment():
    found = dues(run("The Panel asked for a report in June 2024 on the 12% rise in referrals."))
    assert found == {"2024-06"}


# ------------------------------------------------------------------------------ a partner body's plan


@pytest.mark.parametrize(
    "sentence",
    [
        "The Integrated Care Board will publish its strategy in June 2024.",
        "Health partners will deliver the new pathway by September 2024.",
        "The Children's Commissioner for England will publish her report in May 2024.",
    ],
)
def test_a_partner_bodys_plan_is_not_a_commitment(sentence):
    assert dues(run(sentence)) == set()


def test_the_councils_plan_with_its_partners_is_a_commitment():
    found = dues(run("The Council will publish the joint strategy with health partners in June 2024."))
    assert found == {"2024-06"}


# ------------------------------------------------------------------------------ a report to come, dated right after


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("The Panel asked for a further report in June 2024.", "2024-06"),
        ("Members requested a progress update in September 2024 on the recruitment campaign.", "2024-09"),
        ("Officers said that an annual report in January 2025 would set out the outcomes.", "2025-01"),
    ],
)
def test_a_report_to_come_dated_right_after_is_a_commitment(sentence, due):
    assert dues(run(sentence)) == {due}


@pytest.mark.parametrize(
    "sentence",
    [
        "Ofsted will publish a further report in June 2024.",
        "The Panel noted that a full report in May 2024 would follow the monitoring visit.",
        "Members heard that the inspectors' final report in April 2024 would set out their findings.",
    ],
)
def test_an_inspections_report_dated_right_after_is_not_a_commitment(sentence):
    assert dues(run(sentence)) == set()


def test_a_target_after_the_cue_is_what_a_report_is_about():
    found = dues(
        run("Officers will report back in June 2024 on whether the service met its aim of 80% of plans reviewed.")
    )
    assert found == {"2024-06"}


# ------------------------------------------------------------------------------ a forward plan's decision due


@pytest.mark.parametrize(
    ("page", "due", "words"),
    [
        (
            "Issue details\n\nFostering Sufficiency Strategy 2024-27\n\nDecision type: Key\n\n"
            "Decision due: 18 Jun 2024 by Cabinet\n\nLead member: Cabinet Member for Children\n",
            "2024-06-18",
            "Fostering Sufficiency Strategy",
        ),
        (
            "Issue details\n\nResponse to the Ofsted ILACS inspection - Key Decision\n\n"
            "Decision due: Not before 2nd July 2024 by Leader of the Council\n",
            "2024-07-02",
            "Response to the Ofsted ILACS inspection",
        ),
        (
            "Forward plan entry\n\nCommissioning of residential children's homes\n\n"
            "Decision due date: September 2024\n\nDecision maker: Executive\n",
            "2024-09",
            "residential children's homes",
        ),
    ],
)
def test_a_forward_plans_decision_due_is_a_follow_up(page, due, words):
    found = extract_text(page, published=PAGE_DATE).follow_ups
    assert [f.due.iso() for f in found] == [due]
    assert words in found[0].description


def test_a_decision_due_that_is_past_is_no_follow_up():
    page = "Issue details\n\nFostering Sufficiency Strategy 2024-27\n\nDecision due: 18 Jan 2024 by Cabinet\n"
    assert dues(extract_text(page, published=PAGE_DATE)) == set()
