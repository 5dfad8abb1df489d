"""Dated phrases that are no commitment of the council, its bodies or officers (round 5: the precision classes of
unseen pages). Every text is made up in the style of council minutes and local news, each class in three wordings
and with a counter-example the rule must keep. Expected values follow ../shared/ANNOTATION.md: a follow-up is a
dated commitment of the council, its bodies or officers; not another body's plan, not a past event, not the date a
figure is taken at, not a question, not a relative date on a page that gives no date to count from."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate as D

from .conftest import extract_text

PAGE_DATE = D(2024, 3, 12)


def run(*lines: str, published: D | None = PAGE_DATE):
    text = "Anyshire Council\nChildren's Scrutiny Panel minutes\n\n" + "\n\n".join(lines) + "\n\nEnd.\n"
    return extract_text(text, published=published)


def news(*paragraphs: str, url: str | None = None):
    """A news page with no date of its own (the URL may give one)."""
    text = "Council children's services news\n\n" + "\n\n".join(paragraphs) + "\n"
    return extract_text(text, url=url)


def dues(x) -> set[str]:
    return {f.due.iso() for f in x.follow_ups}


# ------------------------------------------------------------------------------ another body's plan, in any tense


@pytest.mark.parametrize(
    "sentence",
    [
        "In the summer, Ofsted planned to meet the Council to discuss its readiness for a full inspection.",
        "The Department for Education intended to review the improvement notice in September.",
        "The commissioner was due to report her findings to the Minister in July.",
    ],
)
def test_an_outside_bodys_plan_in_the_past_tense_is_not_a_commitment(sentence):
    assert dues(run(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "The DfE adviser will visit the service again in May.",
        "The government review team will report to ministers in July.",
        "The Department for Education's improvement adviser will meet the Leader in April.",
    ],
)
def test_an_outside_bodys_people_make_no_commitment_of_the_council(sentence):
    assert dues(run(sentence)) == set()


def test_the_councils_own_past_tense_plan_is_still_one():
    assert dues(run("The Council planned to publish its refreshed sufficiency strategy in July.")) == {"2024-07"}


# --------------------------------------------------------------- he, she or they standing for an outside actor


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "The Secretary of State has appointed Jane Roe as children's services commissioner for the council.",
            "She will report her findings to the Minister by 30 June.",
        ),
        (
            "A team of four inspectors arrived at the civic centre this week to begin their work.",
            "They will also select the first cases for audit by 20 March.",
        ),
        (
            "Former director Sam Poe has been named as the government's improvement adviser for the borough.",
            "Mr Poe will meet the leader and the chief executive this month.",
            "He will then report to the Department by 31 May on whether the council can improve on its own.",
        ),
    ],
)
def test_a_pronoun_for_an_outside_actor_makes_no_commitment(paragraphs):
    assert dues(run(*paragraphs)) == set()


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("The Director of Children's Services presented the report.", "She will report back to the Panel in July."),
        ("Officers explained the reasons for the delay.", "They will bring the revised plan back in September."),
        ("Councillor Ann Lee, the Cabinet Member, welcomed the report.", "She will update members in June."),
        ("Inspectors found that practice had improved.", "Officers said that they would report back in June."),
    ],
)
def test_a_pronoun_for_the_councils_own_people_keeps_the_commitment(paragraphs):
    assert dues(run(*paragraphs)) != set()


# ------------------------------------------------------------------------------------- the date of a past event


@pytest.mark.parametrize(
    "sentence",
    [
        "We agreed to make care leavers a protected characteristic at a full council meeting back in January.",
        "The board agreed to set up a task group on exclusions at its meeting back in February.",
        "Members recalled that the Cabinet had committed to review fostering allowances back in November.",
    ],
)
def test_back_in_a_month_is_a_past_date(sentence):
    assert dues(run(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Officers will report back in September on the take-up of the offer.",
        "The Panel asked that the Lead Member bring the refreshed priorities back in June.",
    ],
)
def test_reporting_or_bringing_back_in_a_month_is_still_due_then(sentence):
    assert dues(run(sentence)) != set()


@pytest.mark.parametrize(
    "sentence",
    [
        "The Leader, who in January announced that the youth service would be restructured, attended the meeting.",
        "Officers in December confirmed that the two new children's homes would open.",
        "The Panel on 4 February agreed that officers should bring a report on placements.",
    ],
)
def test_a_date_followed_by_a_past_verb_is_that_verbs_date(sentence):
    assert dues(run(sentence)) == set()


# --------------------------------------------------------------------------- the date a figure is taken at


@pytest.mark.parametrize(
    "sentence",
    [
        "Members were asked to consider the budget position as at June 2024 for the services of the Panel.",
        "The caseload figures as of 31 May 2024 will be shared with members.",
        "Performance for the quarter ending 30 June 2024 will be presented to the Panel.",
    ],
)
def test_a_snapshot_date_is_not_a_due_date(sentence):
    assert dues(run(sentence)) == set()


def test_a_snapshot_date_beside_a_due_date_leaves_the_due_date():
    assert dues(run("Performance as at March will be presented to the Panel in May.")) == {"2024-05"}


# ------------------------------------------------------------------------------------ questions and negations


@pytest.mark.parametrize(
    "sentence",
    [
        "Officers were asked whether an update could be provided at the July meeting.",
        "A member queried if the strategy would be published by December.",
        "Councillor Doe asked whether officers would be able to bring the figures to the June meeting.",
    ],
)
def test_a_question_is_not_a_commitment(sentence):
    assert dues(run(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Because the schools closed on 18 March, it was not possible to review progress against the milestones.",
        "Officers had been unable to bring the report to the June meeting.",
        "It has not been possible to submit the plan by 30 April.",
    ],
)
def test_a_negated_commitment_is_none(sentence):
    assert dues(run(sentence)) == set()


def test_a_question_answered_with_a_commitment_keeps_the_answer():
    x = run("Members asked whether the figures were complete. Officers will report back in July with the rest.")
    assert dues(x) == {"2024-07"}


# ------------------------------------------------------------------------ an inspection's date, told by anaphor


@pytest.mark.parametrize(
    "sentence",
    [
        "At least two more monitoring visits were planned, the first of which would be in May 2024.",
        "Three further visits are expected, the next of which is due in June 2024.",
        "Two monitoring visits were scheduled to take place, the second of which would be in October 2024.",
    ],
)
def test_the_date_of_one_of_the_visits_is_an_inspections(sentence):
    assert dues(run(sentence)) == set()


def test_one_more_visit_after_a_visits_date_is_another_visit():
    x = run(
        "At least two more monitoring visits were planned to take place, the first of which would be in May 2024,"
        " followed by one in September 2024."
    )
    assert dues(x) == set()
    x = run("Officers will bring an update to the Panel in May 2024, followed by another in September 2024.")
    assert dues(x) == {"2024-05"}


# ------------------------------------------------------------- a relative date on a page with no date of its own


@pytest.mark.parametrize(
    "sentence",
    [
        "Officers were requested to provide an update in three months' time on the inspection's recommendations.",
        "The service manager will report back to members next month on the audit.",
        "The improvement board will receive the revised plan in six months.",
    ],
)
def test_a_span_of_time_needs_the_pages_own_date(sentence):
    undated = news("The inspection of the adoption service took place on 15 November 2010.", sentence)
    assert dues(undated) == set()
    dated = run(sentence)
    assert dues(dated) != set()


def test_a_named_month_on_an_undated_page_takes_the_year_of_the_dates_it_states():
    x = news(
        "The committee met on 15 January 2019 to consider the inspection report.",
        "That officers report back to the July committee on progress with the action plan.",
    )
    assert dues(x) == {"2019-07"}


def test_a_news_pages_url_date_is_its_own_date():
    x = news(
        "The council's cabinet considered the inspection report this week.",
        "Officers will report back to the cabinet in six months.",
        url="https://news.example.org/2023/05/council-cabinet-considers-report/",
    )
    assert dues(x) == {"2023-11"}


# ------------------------------------------------------------- a bracket that restates the date a span ends on


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        (
            "The council must submit its plan within 70 working days of the report's publication (which is 14 June 2024).",
            "2024-06-14",
        ),
        ("Officers will respond to the letter within 20 days (i.e. by 30 May 2024).", "2024-05-30"),
        ("The service will complete the audit within six weeks of the visit (that is, by 1 July 2024).", "2024-07-01"),
    ],
)
def test_a_bracket_restating_the_end_of_a_span_gives_the_due_date(sentence, due):
    assert dues(run(sentence)) == {due}


def test_a_bracket_with_its_own_event_is_still_an_aside():
    x = run("The plan (agreed by Cabinet on 4 April 2024) will be reviewed by the Panel in June.")
    assert dues(x) == {"2024-06"}


def test_a_restated_span_leaves_the_span_out_of_the_description():
    x = run(
        "The council is required to submit an action plan to Ofsted within 70 days of the publication of their report (which is 12th June 2024), outlining its response."
    )
    (f,) = x.follow_ups
    assert (f.due.iso(), f.description) == ("2024-06-12", "The council is required to submit an action plan to Ofsted")


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("That a progress report come back to this Committee six months after the date of this decision.", "2024-09"),
        ("Officers will bring a further update to the Panel within six months.", "2024-09"),
        ("The Panel would consider the plan again in twelve months' time.", "2025-03"),
    ],
)
def test_a_span_from_the_pages_own_decision_is_due_when_it_ends(sentence, due):
    assert dues(run(sentence)) == {due}


def test_a_span_from_an_event_gives_no_due_date():
    assert dues(run("The council must submit its plan within six months of the inspection.")) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Since January, the Panel has been asked to monitor the plan.",
        "The service, overseen by an improvement board since November, would be reviewed.",
        "Since 1 February the team has agreed to meet weekly.",
    ],
)
def test_since_a_date_is_when_a_state_began(sentence):
    assert dues(run(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors arrived at the civic centre on Monday to begin the inspection.",
        "The task group met with the DfE adviser in January to review progress.",
        "The new service began in February to provide early help to families.",
    ],
)
def test_the_date_of_an_arrival_meeting_or_start_that_happened_is_no_due_date(sentence):
    assert dues(run(sentence)) == set()


def test_a_meeting_to_come_is_still_due():
    assert dues(run("The task group will meet with the adviser in May to review progress.")) == {"2024-05"}


# ------------------------------------------------------------------------------------------------- funding lines


@pytest.mark.parametrize(
    "sentence",
    [
        "Funding of £500,000 will be provided until 31 March 2025.",
        "The council will receive £2m of capital funding in 2025.",
        "A further £250,000 will be allocated to the edge-of-care service in April.",
        "The project will be supported by the grant up to March 2026.",
    ],
)
def test_a_funding_line_is_no_commitment(sentence):
    assert dues(run(sentence)) == set()


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("The council will invest £3m in two new children's homes, which are due to open in 2026.", "2026"),
        ("Officers will report on the use of the grant to the Panel in July.", "2024-07"),
        ("The budget monitoring report will be brought to the Panel in June.", "2024-06"),
    ],
)
def test_a_commitment_about_money_is_still_one(sentence, due):
    assert dues(run(sentence)) == {due}


# ---------------------------------------------------------------- an inspection's report, told by the sentence before


@pytest.mark.parametrize(
    "paragraph",
    [
        "The inspection took place from 4 to 15 March. The report will be published on 5 April 2024.",
        "Inspectors visited the service in February. Their findings will be published in April.",
        "The focused visit ended on 7 March. The final letter is expected to be published on 9 April.",
    ],
)
def test_the_report_after_an_inspection_is_the_inspections(paragraph):
    assert dues(run(paragraph)) == set()


def test_the_councils_own_report_after_an_inspection_is_a_commitment():
    x = run("The inspection took place in March. The council's refreshed plan will be published in May.")
    assert dues(x) == {"2024-05"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Members noted that the next meeting would be held on 4 June 2024.",
        "It was confirmed that the next meeting will be held on 4 June 2024 at County Hall.",
        "The next meeting is on 4 June 2024.",
    ],
)
def test_the_date_of_the_next_meeting_alone_is_no_commitment(sentence):
    assert dues(run(sentence)) == set()
