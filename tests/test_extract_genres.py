"""Meetings, decisions, follow-ups, inspection dates and judgements across the genres councils publish.

The documents are written for these tests (not copied from any council's pages) and vary the phrasing the way
different democracy sites do: ModernGov issue and decision pages, CMIS and Modern.gov minutes headers, resolutions
numbered, lettered, roman or run into one line, outcome words, relative due dates, news releases and flattened
tables. Each test asserts exactly what is found, and that nothing is invented (no date without support, no
decision from prose that is not a resolution)."""

from __future__ import annotations

import pytest

from caregraph.pipeline.dates import find_dates
from caregraph.records import PartialDate as D

from .conftest import extract_text as run
from .conftest import inspection_rows as inspections


def meetings(x) -> set[tuple[str, str]]:
    return {(m.body, m.date.iso()) for m in x.meetings}


def decisions(x) -> list[tuple[str | None, str]]:
    return [(d.number, d.text) for d in x.decisions]


def follow_ups(x) -> list[tuple[str, str]]:
    return [(f.due.iso(), f.description) for f in x.follow_ups]


# ------------------------------------------------------------------------------------------------ meetings


def test_moderngov_issue_page_with_a_resolution_run_into_one_line():
    x = run(
        "Issue - meetings\nFostering Recruitment Update\nMeeting: 04/02/2025 - Executive (Item 57)\n"
        "57 Fostering Recruitment Update PDF 310 KB\nDecision:\nRESOLVED – (1) That the progress on the fostering "
        "recruitment campaign be noted. (2) That the Executive approves the revised allowances scheme from April 2025.\n"
        "Minutes:\nThe Portfolio Holder introduced the report.\n"
    )
    assert meetings(x) == {("Executive", "2025-02-04")}
    assert [m.item_number for m in x.meetings] == ["57"]
    assert decisions(x) == [
        ("1", "That the progress on the fostering recruitment campaign be noted."),
        ("2", "That the Executive approves the revised allowances scheme from April 2025."),
    ]
    assert [d.outcome for d in x.decisions] == ["noted", "approved"]
    assert x.follow_ups == ()  # "from April 2025" is when a scheme starts, not a commitment to report


def test_cmis_meeting_held_on_header_is_the_pages_meeting_and_date():
    x = run(
        "Meeting of Children and Young People Scrutiny Panel held on Tuesday, 5th March, 2024 at 6.30 pm\n"
        "Ofsted Inspection Outcome\nThe Director introduced the report.\n"
    )
    assert meetings(x) == {("Children and Young People Scrutiny Panel", "2024-03-05")}
    assert x.date == D(2024, 3, 5)


@pytest.mark.parametrize(
    ("header", "body", "date"),
    [
        (
            "Minutes of the meeting of the Corporate Parenting Board held on 3 July 2023",
            "Corporate Parenting Board",
            "2023-07-03",
        ),
        (
            "Minutes of a meeting of the Children's Services Scrutiny Committee held at County Hall on Thursday 9 November 2023 at 10.00 am",
            "Children's Services Scrutiny Committee",
            "2023-11-09",
        ),
        ("Minutes of the Cabinet meeting held on 12 March 2024", "Cabinet", "2024-03-12"),
        (
            "MINUTES OF THE MEETING OF THE FAMILIES SCRUTINY PANEL HELD REMOTELY ON 14/01/2021",
            "FAMILIES SCRUTINY PANEL",
            "2021-01-14",
        ),
    ],
)
def test_minutes_headers_held_on(header, body, date):
    x = run(f"{header}\nPresent: Councillors Example and Sample\nThe Chair welcomed everyone.\n")
    assert meetings(x) == {(body, date)}
    assert x.date.iso() == date


def test_moderngov_meeting_page_title_with_a_one_word_body():
    x = run(
        "Agenda and minutes\nCabinet - Tuesday, 12th March, 2024 6.00 pm\nVenue: Council Chamber\nItems\nRESOLVED: That the report be noted.\n"
    )
    assert meetings(x) == {("Cabinet", "2024-03-12")}
    assert decisions(x) == [(None, "That the report be noted.")]


def test_approved_minutes_of_an_unnamed_meeting_are_the_bodys_meeting_and_procedural_decisions():
    # ANNOTATION.md: an earlier meeting the page leaves unnamed is a meeting of the page's own body, and procedural
    # resolutions (minutes confirmed, apologies noted) count as decisions; they are typed "procedural".
    x = run(
        "Minutes of the Cabinet meeting held on 12 March 2024\n"
        "RESOLVED: That the minutes of the meeting held on 13 February 2024 be approved as a correct record.\n"
        "RESOLVED: That apologies for absence be noted.\n"
    )
    assert meetings(x) == {("Cabinet", "2024-03-12"), ("Cabinet", "2024-02-13")}
    assert decisions(x) == [
        (None, "That the minutes of the meeting held on 13 February 2024 be approved as a correct record."),
        (None, "That apologies for absence be noted."),
    ]
    assert {d.kind for d in x.decisions} == {"procedural"}
    assert {d.date for d in x.decisions} == {D(2024, 3, 12)}  # made at the page's own meeting


def test_a_minutes_line_that_is_a_sentence_is_not_the_pages_header():
    x = run(
        "Agenda item\nMinutes:\nThe minutes of the meeting of the Corporate Parenting Board held on 3 July 2023 were approved.\n",
        published=D(2023, 9, 4),
    )
    assert x.date == D(2023, 9, 4)
    assert meetings(x) == {("Corporate Parenting Board", "2023-07-03")}


# ----------------------------------------------------------------------------------------------- decisions


def test_resolved_that_the_panel_with_a_lettered_list():
    x = run(
        "Meeting of Children and Young People Scrutiny Panel held on Tuesday, 5th March, 2024 at 6.30 pm\n"
        "Resolved that the Panel:\na) notes the outcome of the inspection;\nb) endorses the post-inspection action plan.\n"
        "The Chair thanked officers for the report.\n"
    )
    assert decisions(x) == [
        ("a", "notes the outcome of the inspection;"),
        ("b", "endorses the post-inspection action plan."),
    ]
    assert [d.outcome for d in x.decisions] == ["noted", "endorsed"]


def test_recommendations_with_roman_numerals_run_into_one_line():
    x = run(
        "Agenda item\nOfsted Focused Visit\nMeeting of Cabinet, Wednesday, 10th January, 2024 7.00 pm (Item 12.)\n"
        "Recommendations: That the Panel (i) notes the findings of the focused visit; (ii) endorses the improvement priorities.\n"
    )
    assert decisions(x) == [
        ("i", "notes the findings of the focused visit;"),
        ("ii", "endorses the improvement priorities."),
    ]
    assert {d.kind for d in x.decisions} == {"recommendation"}


def test_resolved_that_cabinet_and_a_cabinet_members_decision():
    x = run(
        "Agenda item\nChildren's Improvement Plan\nMinutes:\nResolved that Cabinet:\na) notes the progress made;\n"
        "b) approves the updated plan.\nDecision: The Cabinet Member approved the revised fees for foster carers.\n",
        published=D(2024, 5, 14),
    )
    assert decisions(x) == [
        ("a", "notes the progress made;"),
        ("b", "approves the updated plan."),
        (None, "The Cabinet Member approved the revised fees for foster carers."),
    ]


def test_decision_page_where_the_decision_maker_is_a_post():
    x = run(
        "Decision details\nPlacement Sufficiency Strategy 2024-2027\nDecision Maker: Cabinet Member for Children's Services\n"
        "Date of decision: 12 March 2024\nDecision:\nThe Cabinet Member approved the Placement Sufficiency Strategy 2024-2027 "
        "and its action plan.\nReasons for the decision:\nThe council must secure sufficient accommodation for children in care.\n"
    )
    assert decisions(x) == [
        (None, "The Cabinet Member approved the Placement Sufficiency Strategy 2024-2027 and its action plan.")
    ]
    assert [d.outcome for d in x.decisions] == ["approved"]
    assert x.meetings == ()  # the date is the decision's, and a post is not a meeting body
    assert x.date == D(2024, 3, 12)


def test_agreed_in_capitals_and_resolved_unanimously():
    x = run(
        "Minutes of the meeting of the Corporate Parenting Board held on 3 July 2023\n"
        "1. Care Leavers Local Offer\nThe Board considered the refreshed local offer for care leavers.\n"
        "The Committee AGREED to recommend the refreshed offer to Cabinet for approval.\n"
        "2. Monitoring Visit\nThe monitoring visit in May focused on care leavers.\n"
        "It was RESOLVED unanimously that the findings of the monitoring visit be noted.\n"
    )
    # a resolution whose heading has a subject is copied as written, subject and all (as ANNOTATION.md's gold does)
    assert decisions(x) == [
        (None, "The Committee AGREED to recommend the refreshed offer to Cabinet for approval."),
        (None, "It was RESOLVED unanimously that the findings of the monitoring visit be noted."),
    ]
    # unanimity is the second resolution's, not the page's
    assert [d.unanimous for d in x.decisions] == [None, True]
    assert inspections(x) == {("monitoring-visit", "2023-05", None, None)}


def test_the_cabinet_resolved_to_with_a_lettered_list_and_a_decision_heading_in_capitals():
    x = run(
        "Agenda and minutes\nCorporate Parenting Panel - Monday, 4th November, 2024 5.00 pm\nItems\n"
        "The Cabinet RESOLVED to: (a) note the findings of the focused visit; (b) agree the action plan.\n"
        "DECISION\nThat the Cabinet Member:\n1. Approves the revised Local Offer for Care Leavers;\n2. Notes the consultation responses.\n"
    )
    assert decisions(x) == [
        ("a", "note the findings of the focused visit;"),
        ("b", "agree the action plan."),
        ("1", "Approves the revised Local Offer for Care Leavers;"),
        ("2", "Notes the consultation responses."),
    ]


def test_recommended_that():
    x = run(
        "Agenda item\nSEND Inspection\nMinutes:\nRECOMMENDED that the Executive approves the SEND written statement of action.\n"
    )
    # "Recommended" is the resolution's verb, not a heading word: the text is copied as written
    assert decisions(x) == [(None, "RECOMMENDED that the Executive approves the SEND written statement of action.")]


def test_prose_that_is_not_a_resolution_gives_no_decision():
    x = run(
        "Agenda item\nUpdate\nMinutes:\nThe Committee noted that the service had improved. Members agreed that the report was helpful.\n"
        "The report sought approval for the action plan.\nThe Chair resolved to write to the Minister.\n"
        "Members noted the report and thanked officers.\nThe panel agreed to this.\n",
        published=D(2024, 6, 1),
    )
    assert x.decisions == ()


def test_a_numbered_agenda_title_after_the_resolutions_is_not_a_decision():
    x = run(
        "Agenda item\nMinutes:\nRESOLVED:\n1. That the report be noted.\n2. Fostering Annual Report\nThe Panel received the report.\n",
        published=D(2024, 6, 1),
    )
    assert decisions(x) == [("1", "That the report be noted.")]


def test_parenthesised_letters_inside_a_sentence_are_not_a_list():
    x = run(
        "Agenda item\nMinutes:\nRESOLVED: That the duty under section 17 (a) of the Act be noted.\n",
        published=D(2024, 6, 1),
    )
    assert decisions(x) == [(None, "That the duty under section 17 (a) of the Act be noted.")]


# ---------------------------------------------------------------------------------------------- follow-ups


def test_follow_up_in_a_stated_month_and_an_undated_one():
    x = run(
        "Minutes of the meeting of the Corporate Parenting Board held on 3 July 2023\n"
        "A further update will be brought to the Board in March 2024.\n"
        "An update on the action plan to come to the next meeting.\n"
    )
    assert follow_ups(x) == [("2024-03", "A further update will be brought to the Board")]


def test_follow_up_reviewed_in_six_months_is_the_meetings_month_plus_six():
    x = run(
        "Meeting of Children and Young People Scrutiny Panel held on Tuesday, 5th March, 2024 at 6.30 pm\n"
        "The Panel asked that progress on the action plan be reviewed in six months.\n"
    )
    assert follow_ups(x) == [("2024-09", "progress on the action plan be reviewed")]  # the due date is left out
    # without a date of its own the page fixes nothing
    assert (
        run("Agenda item\nUpdate\nMinutes:\nThe Panel asked that progress be reviewed in six months.\n").follow_ups
        == ()
    )


def test_follow_up_by_the_end_of_the_year_has_year_precision():
    x = run(
        "Agenda item\nOfsted Focused Visit\nMeeting of Cabinet, Wednesday, 10th January, 2024 7.00 pm (Item 12.)\n"
        "Minutes:\nOfficers would report back to the Panel by the end of the year.\n"
    )
    assert follow_ups(x) == [("2024", "Officers would report back to the Panel")]


def test_follow_up_by_the_end_of_a_month_without_a_year_is_the_next_such_month():
    x = run(
        "Agenda item\nImprovement Plan\nMeeting of Cabinet, Tuesday, 10th September, 2024 (Item 7.)\nMinutes:\n"
        "The Director confirmed that the updated plan would be submitted by the end of March.\n"
        "It was noted that the service would be re-inspected in three years.\n"
    )
    assert follow_ups(x) == [("2025-03", "the updated plan would be submitted")]
    assert x.inspections == ()  # "in three years" places no inspection


def test_officers_to_provide_a_response_by_a_day():
    x = run(
        "Agenda and minutes\nCorporate Parenting Panel - Monday, 4th November, 2024 5.00 pm\nItems\n"
        "Officers to provide a written response to the Panel by 31 January 2025.\n"
    )
    assert follow_ups(x) == [("2025-01-31", "Officers to provide a written response to the Panel")]


def test_undated_commitments_are_not_follow_ups():
    x = run(
        "Agenda item\nUpdate\nMinutes:\nAn update on the action plan to come to the next meeting. A further report will be brought in "
        "due course. Progress will be reviewed every three months. Officers will report back within 70 working days.\n",
        published=D(2024, 6, 1),
    )
    assert x.follow_ups == ()


def test_the_date_of_a_past_event_in_a_commitment_is_not_its_due_date():
    x = run(
        "Agenda item\nUpdate\nThe Director will provide the Panel with an update on the Ofsted monitoring visit carried out "
        "1-2 November 2022.\nA review, to be carried out in March 2025, will be presented to the Board.\n",
    )
    assert follow_ups(x) == [("2025-03", "A review, to be carried out, will be presented to the Board")]


def test_follow_ups_due_at_a_months_meeting_a_scheduled_meeting_and_a_submission_deadline():
    x = run(
        "Meeting: 10/05/2022 - Corporate Parenting Panel (Item 5)\nMinutes:\nRESOLVED:\n"
        "1. That the outcome of the monitoring visit on 8 and 9 March 2022 be noted.\n"
        "2. That a further update be brought to the September panel meeting.\n"
        "3. That the revised action plan be signed off for submission to Ofsted by 30 June 2022.\n"
        "The Panel will consider the action plan at its next scheduled meeting on 9 July 2022.\n"
    )
    assert sorted(f[0] for f in follow_ups(x)) == ["2022-06-30", "2022-07-09", "2022-09"]


def test_a_planned_visit_an_outside_bodys_plan_and_deadlines_for_the_public_are_no_follow_ups():
    x = run(
        "Meeting: 10/05/2021 - Cabinet (Item 5)\nMinutes:\n"
        "The letter will be presented to the Board with the third monitoring visit expected in late June.\n"
        "Ofsted will publish its letter on 20 June 2021.\n"
        "Questions must reach Democratic Services by the deadline of 12 noon on 2 June 2021.\n"
        "The call-in deadline is 29 May 2021.\n"
    )
    assert x.follow_ups == ()
    assert inspections(x) == {("monitoring-visit", "2021-06", None, None)}  # the visit is an inspection


def test_a_follow_ups_description_leaves_page_clutter_out():
    x = run(
        "Meeting: 10/05/2022 - Cabinet (Item 5)\nMinutes:\n"
        "That the action plan pdf icon PDF 433 KB be presented to the Panel in September 2022.\n"
    )
    assert follow_ups(x) == [("2022-09", "the action plan be presented to the Panel")]


def test_durations_are_read_only_when_asked():
    text = "progress to be reviewed in six months' time and again in a year"
    assert find_dates(text, D(2024, 3, 5)) == []
    # a year from a page dated to its day ends in that month (ANNOTATION.md: "due = that computed month"; round 20)
    assert [d.date.iso() for d in find_dates(text, D(2024, 3, 5), durations=True)] == ["2024-09", "2025-03"]
    assert find_dates(text, D(2024), durations=True)[0].date.iso() == "2025"  # a month span needs a month
    assert len(find_dates(text, D(2024), durations=True)) == 1
    assert find_dates(text, None, durations=True) == []


# ------------------------------------------------------------------------------------ inspections, judgements


def test_ilacs_between_two_days_judged_good_overall():
    x = run(
        "Agenda item\nOfsted\nMinutes:\nOfsted inspected Children's Services (ILACS) between 10 and 21 June 2024 and judged them Good overall.\n",
        published=D(2024, 9, 2),
    )
    assert inspections(x) == {("ilacs", "2024-06-10", "2024-06-21", "good")}


def test_overall_effectiveness_judged_to_be_requires_improvement_with_a_typo_and_a_jtai():
    x = run(
        "News\nCouncil responds to inspection\n14 February 2024\nOftsed inspected children's services in January. The overall "
        "effectiveness was judged to be 'requires improvement to be good'. The JTAI in November 2023 looked at serious youth violence.\n"
    )
    assert inspections(x) == {("ilacs", "2024-01", None, "requires-improvement"), ("jtai", "2023-11", None, None)}


def test_rated_outstanding_in_all_areas_and_ilcas_typo():
    x = run(
        "News\nChildren's services rated Outstanding\n02 August 2023\nOfsted carried out an ILCAS inspection from 12 to 23 June 2023 "
        "and services were rated Outstanding in all areas.\n"
    )
    assert inspections(x) == {("ilacs", "2023-06-12", "2023-06-23", "outstanding")}


def test_flattened_tables_give_the_overall_grade():
    x = run(
        "Agenda item\nInspection outcome\nMinutes:\nThe ILACS inspection took place 4-15 March 2024.\nJudgement\tGrade\n"
        "Overall effectiveness\nGood\nThe impact of leaders\nOutstanding\n",
        published=D(2024, 6, 1),
    )
    assert inspections(x) == {("ilacs", "2024-03-04", "2024-03-15", "good")}
    x = run(
        "News\n5 December 2024\nInspection of Local Authority Children's Services (ILACS) – 4 to 15 November 2024\n"
        "Judgement | Grade\nOverall effectiveness | Outstanding\n"
    )
    assert inspections(x) == {("ilacs", "2024-11-04", "2024-11-15", "outstanding")}


def test_found_services_to_be_good_and_judged_the_overall_effectiveness_as():
    x = run(
        "News\n5 December 2024\nOur last full inspection in 2022 found services to be good. "
        "Ofsted judged the overall effectiveness of children's services as Good in July 2019.\n"
    )
    assert inspections(x) == {("ilacs", "2022", None, "good"), ("ilacs", "2019-07", None, "good")}


def test_relative_month_of_a_monitoring_visit_is_resolved_against_the_meeting():
    x = run(
        "Meeting of Cabinet, Wednesday, 10th January, 2024 7.00 pm (Item 12.)\nMinutes:\n"
        "The Monitoring Visit in November focused on care leavers, and the focused visit in May looked at the front door.\n"
    )
    assert inspections(x) == {("monitoring-visit", "2023-11", None, None), ("focused-visit", "2023-05", None, None)}
    # the modal verb "may" is not a month
    x = run(
        "Meeting of Cabinet, Wednesday, 10th January, 2024 7.00 pm (Item 12.)\nMinutes:\nA monitoring visit may follow.\n"
    )
    assert x.inspections == ()


def test_a_grade_without_a_placed_inspection_invents_nothing():
    x = run(
        "News\nThe council is rated Good by Ofsted and wants to become outstanding. A full ILACS inspection is expected soon.\n"
    )
    assert x.inspections == ()


# ------------------------------------------------------------------------------------------- more variation


def test_meetings_named_in_news_prose():
    x = run(
        "News\n3 April 2024\nCabinet, at its meeting on 12 March 2024, approved the strategy. The plan went to the Corporate "
        "Parenting Panel meeting of 5 March 2024.\n"
    )
    assert meetings(x) == {("Cabinet", "2024-03-12"), ("Corporate Parenting Panel", "2024-03-05")}


def test_resolved_unanimously_in_brackets_keeps_that():
    x = run(
        "Agenda item\nMinutes:\nRESOLVED (unanimously) – That the annual report of the Independent Reviewing Officers be noted.\n",
        published=D(2024, 6, 1),
    )
    assert decisions(x) == [(None, "That the annual report of the Independent Reviewing Officers be noted.")]
    assert [d.unanimous for d in x.decisions] == [True]


def test_body_agreed_with_a_list_of_to_items():
    x = run(
        "Agenda item\nMinutes:\nCabinet AGREED:\n(a) to note the self-evaluation;\n(b) to approve the budget for the Family Hubs programme.\n",
        published=D(2024, 6, 1),
    )
    assert decisions(x) == [
        ("a", "to note the self-evaluation;"),
        ("b", "to approve the budget for the Family Hubs programme."),
    ]
    assert [d.outcome for d in x.decisions] == ["noted", "approved"]


def test_follow_ups_from_a_progress_report_the_work_programme_and_a_named_months_meeting():
    x = run(
        "Meeting of Children's Scrutiny Committee, Thursday, 14th November, 2024 (Item 6.)\nMinutes:\n"
        "The Committee requested a progress report in six months' time.\n"
        "An item on placement sufficiency to be added to the work programme for February 2025.\n"
        "Officers will report back in the spring.\n"
        "The Director would come back to the Committee's January meeting with the figures.\n"
    )
    assert follow_ups(x) == [
        ("2025-05", "The Committee requested a progress report"),  # a description leaves its due date out
        ("2025-02", "An item on placement sufficiency to be added to the work programme"),
        ("2025", "Officers will report back"),  # "in the spring" without a year: the next spring, 2025
        ("2025-01", "The Director would come back to the Committee's meeting with the figures"),
    ]


def test_inspection_forms_in_a_news_release():
    x = run(
        "News\n10 April 2024\nOfsted's inspection of children's social care services, which took place from 22 January to 2 February "
        "2024, judged the service 'good'. The most recent SEND area inspection (Feb 2023) found weaknesses. In its 2019 inspection, "
        "Ofsted rated the council Requires Improvement.\n"
    )
    assert inspections(x) == {
        ("ilacs", "2024-01-22", "2024-02-02", "good"),
        ("send-area", "2023-02", None, None),
        ("ilacs", "2019", None, "requires-improvement"),
    }


def test_inspection_dates_and_grade_in_a_flattened_table():
    x = run(
        "Agenda item\nOfsted ILACS inspection\nMinutes:\nInspection dates: 4 to 15 March 2024\nOverall effectiveness: Good\n",
        published=D(2024, 6, 1),
    )
    assert inspections(x) == {("ilacs", "2024-03-04", "2024-03-15", "good")}


def test_years_of_frameworks_and_plans_are_not_inspections():
    x = run(
        "Agenda item\nBudget\nMinutes:\nThe 2024 inspection framework changes were discussed. The 2023/2024 inspection plan was noted.\n",
        published=D(2024, 6, 1),
    )
    assert x.inspections == ()


def test_outcome_with_a_colon_and_following_an_inspection():
    x = run(
        "Agenda item\nOfsted\nMinutes:\nILACS inspection, 4 to 15 March 2024. Outcome: Good\n", published=D(2024, 6, 1)
    )
    assert inspections(x) == {("ilacs", "2024-03-04", "2024-03-15", "good")}
    x = run(
        "News\n2 May 2024\nOfsted rated children's services in the borough as 'Good' following an inspection in March.\n"
        "The youth justice service was rated good following an inspection by HMI Probation in January.\n"
    )
    # the youth justice service's inspection is an event of kind "other" (ANNOTATION.md), with its own grade
    assert inspections(x) == {("ilacs", "2024-03", None, "good"), ("other", "2024-01", None, "good")}


def test_action_lines_and_spans_in_months():
    x = run(
        "Meeting of Children's Scrutiny Committee, Thursday, 29th February, 2024 (Item 6.)\nMinutes:\n"
        "ACTION: Officers to circulate the data to Members by Friday 8 March.\n"
        "Report to come back to Committee in 12 months.\n"
        "The Corporate Director to update Members at the next meeting on 4 April 2024.\n"
    )
    assert follow_ups(x) == [
        ("2024-03-08", "Officers to circulate the data to Members"),
        ("2025-02", "Report to come back to Committee"),
        ("2024-04-04", "The Corporate Director to update Members at the next meeting"),
    ]


@pytest.mark.parametrize("title", ["Draft minutes", "Confirmed Minutes", "UNCONFIRMED MINUTES"])
def test_a_page_titled_draft_or_confirmed_minutes_is_minutes(title):
    from caregraph.pipeline.segment import detect_genre
    from caregraph.records import Genre

    page = f"{title}\n\nFostering Panel - Wednesday 26th August, 2020 10.00 am\n\nVenue: Civic Centre\n"
    assert detect_genre(page) is Genre.MINUTES


def test_a_bare_minutes_line_is_an_items_title_not_the_pages_genre():
    from caregraph.pipeline.segment import detect_genre
    from caregraph.records import Genre

    assert (
        detect_genre("Apologies were received.\n\nMinutes\n\nTo approve the minutes of the last meeting.\n")
        is not Genre.MINUTES
    )
