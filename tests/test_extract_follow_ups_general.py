"""Follow-ups written in ways the development pages do not show (issue 14, review classes F1 and F2). Every text is
made up in the style of council minutes and decision pages. Expected values follow ../shared/ANNOTATION.md: a dated
commitment of the council, its bodies or officers, due at the text's precision (a season gives its year); not what
Ofsted or another outside body will do, not a deadline for the public, not a planned inspection."""

from __future__ import annotations

from caregraph.records import PartialDate as D

from .conftest import extract_text

PAGE_DATE = D(2022, 5, 10)


def run(*lines: str):
    """Minutes of a meeting on 10 May 2022 holding ``lines``."""
    text = "Anyshire Council\nChildren's Scrutiny Committee minutes\n\n" + "\n".join(lines) + "\n\nThe meeting ended.\n"
    return extract_text(text, published=PAGE_DATE)


def dues(x) -> set[str]:
    return {f.due.iso() for f in x.follow_ups}


def test_a_month_used_as_an_adjective():
    x = run(
        "RESOLVED:",
        "1. That the outcome of the monitoring visit be noted.",
        "2. That a further update be brought to the September panel meeting.",
    )
    assert dues(x) == {"2022-09"}
    assert "further update" in x.follow_ups[0].description


def test_the_next_scheduled_meeting_on_a_date():
    x = run("The Panel will consider the action plan at its next scheduled meeting on 9 July 2022.")
    assert dues(x) == {"2022-07-09"}


def test_a_submission_deadline():
    x = run("RESOLVED that the revised action plan be signed off for submission to Ofsted by 30 June 2022.")
    assert dues(x) == {"2022-06-30"}


def test_report_progress_in_six_months_on_a_decision_page():
    x = run(
        "Decision Maker: Cabinet",
        "Decision status: Recommendations Approved",
        "1) That the Improvement Plan be approved.",
        "2) That the Cabinet Member for Children be asked to report progress to Cabinet in six months.",
    )
    assert dues(x) == {"2022-11"}


def test_a_season_without_a_year_is_the_next_one():
    x = run("Members asked that a progress report come to the Committee in the autumn.")
    assert dues(x) == {"2022"}


def test_what_a_body_agreed_or_an_officer_undertook_to_do():
    x = run("The Committee agreed to hold a further workshop on placement sufficiency in early 2023.")
    assert dues(x) == {"2023"}
    x = run("The Director undertook to circulate the data on agency staff to Members before the end of June.")
    assert dues(x) == {"2022-06"}


def test_agreeing_to_note_is_no_commitment():
    x = run("The Director agreed to note the comments ahead of the meeting in June 2022.")
    assert dues(x) == set()


def test_receiving_a_named_report_at_a_later_meeting():
    x = run(
        "The Chair requested that the Corporate Parenting Panel receive the annual report at its meeting in March 2023."
    )
    assert dues(x) == {"2023-03"}


def test_the_councils_own_plan_to_be_published_is_due_but_an_inspection_report_is_not():
    x = run("The refreshed Improvement Plan is due to be published in July 2022.")
    assert dues(x) == {"2022-07"}
    x = run("It was noted that the inspection report would be published on 22 June 2022.")
    assert dues(x) == set()
    x = run("Ofsted will publish the report on 22 June 2022.")
    assert dues(x) == set()


def test_deadlines_for_the_public_are_no_follow_ups():
    x = run("The deadline for receipt of petitions is 1 June 2022.")
    assert dues(x) == set()
    x = run("Questions must reach Democratic Services by the deadline of 12 noon on 2 June 2021.")
    assert dues(x) == set()


def test_a_planned_inspection_is_an_inspection_not_a_follow_up():
    x = run("The letter will be presented to the Board with the third monitoring visit expected in late June.")
    assert dues(x) == set()
    assert [(i.kind, i.start.iso(), i.planned) for i in x.inspections] == [("monitoring-visit", "2022-06", True)]


def test_the_date_of_a_named_inspection_is_never_a_due_date():
    x = run(
        "The report noted that the Board would provide advice on the action plan to address issues identified in "
        "the 2024 inspection of Children's Services."
    )
    assert dues(x) == set()


def test_the_description_is_the_coordinated_clause_with_its_subject_less_the_due_date():
    x = run(
        "The Director said the plan would go wider than the actions proposed by Ofsted and would be scrutinised at "
        "the July Cabinet meeting in detail."
    )
    assert [(f.due.iso(), f.description) for f in x.follow_ups] == [
        ("2022-07", "the plan would be scrutinised at the Cabinet meeting in detail")
    ]


def test_a_modal_or_a_passive_to_come_with_a_date():
    x = run("The council would set out the next steps at Cabinet on 19 June 2022.")
    assert dues(x) == {"2022-06-19"}
    x = run("An update on the improvement plan will be taken to the Scrutiny Committee on 6 September 2022.")
    assert dues(x) == {"2022-09-06"}
    x = run("The Executive Director reports back by the end of Q3 2022 on leadership capacity.")
    assert dues(x) == {"2022"}
    x = run("The council will publish a progress update for residents in the winter.")
    assert dues(x) == {"2022"}


def test_another_bodys_plan_with_an_apposition_is_no_follow_up():
    x = run("The Children's Minister, Sam Example MP, will visit a sample of councils in the autumn.")
    assert dues(x) == set()


def test_the_date_of_the_next_meeting_alone_is_no_follow_up():
    assert dues(run("Date of next meeting: 14 November 2022 at 10.00 am.")) == set()
    assert dues(run("RESOLVED that the next meeting be held on Wednesday 15 June 2022 at 2.00 pm.")) == set()


def test_a_past_passive_date_is_no_due_date():
    x = run(
        "The report was received by the Council on 12 May and the Council was required to prepare a written statement."
    )
    assert dues(x) == set()


def test_rows_of_a_work_programme_and_an_action_log():
    x = run(
        "Meeting date | Item | Lead officer | Purpose",
        "16 July 2022 | Ofsted ILACS – action plan progress | Head of Quality Assurance | To monitor delivery",
        "16 July 2022 | Children in care sufficiency strategy | Divisional Director | Pre-decision scrutiny",
        "12 April 2022 | Corporate parenting annual report | Head of Service | Annual review",
        "",
        "No. | Action | Owner | By",
        "1 | Circulate revised performance dashboard to Board members | DO | 26 September 2022",
        "2 | Share the terms of reference | MZ | done",
    )
    assert sorted((f.due.iso(), f.description) for f in x.follow_ups) == [
        ("2022-07-16", "Children in care sufficiency strategy"),
        ("2022-07-16", "Ofsted ILACS – action plan progress"),
        ("2022-09-26", "Circulate revised performance dashboard to Board members"),
    ]  # the April row is past
    assert x.inspections == ()  # a row's date is the meeting's, not the inspection's


def test_a_written_statement_of_action_is_no_public_statement():
    x = run("The council and its partners will submit a written statement of action to Ofsted by 17 July 2022.")
    assert dues(x) == {"2022-07-17"}


def test_must_send_by_a_date_and_an_item_at_a_months_meeting():
    x = run(
        "RESOLVED:",
        "1. That Cabinet approves the joint action plan, which the partnership must send to the "
        "inspectorates by 15 August 2022.",
    )
    assert dues(x) == {"2022-08-15"}
    x = run(
        "RESOLVED:",
        "1. That the work programme be agreed, with an item on the Youth Justice Service at the October 2022 meeting.",
    )
    assert dues(x) == {"2022-10"}


def test_a_coordinated_commitment_after_the_date_belongs_to_it():
    x = run("The Board will next meet on 20 June 2022 and will look at the audit of child protection plans.")
    assert [(f.due.iso(), f.description) for f in x.follow_ups] == [
        ("2022-06-20", "The Board will next meet and will look at the audit of child protection plans")
    ]


def test_a_resolution_with_a_date_to_come_is_a_commitment_but_a_noting_one_is_not():
    x = run("RESOLVED:", "1. That the Committee visits the Multi-Agency Safeguarding Hub before the July 2022 meeting.")
    assert dues(x) == {"2022-07"}
    x = run(
        "RESOLVED:", "1. To note the feedback from Ofsted following the monitoring visit to early help in May 2022."
    )
    assert dues(x) == set()


def test_a_bracketed_aside_between_the_commitment_and_its_date():
    x = run(
        "RESOLVED:",
        "1) That the Sufficiency Plan be endorsed for submission to the Department for Education (as required by the"
        " Children Act 1989 (Placements) Guidance 2010) by 17 June 2022.",
    )
    assert dues(x) == {"2022-06-17"}
    description = x.follow_ups[0].description
    assert "Sufficiency Plan" in description and "Guidance" not in description


def test_an_acronym_in_brackets_does_not_cut_the_commitment_from_its_date():
    x = run("RESOLVED:", "a. To finalise and submit a Practice Improvement Plan (PIP) by the 8th July deadline.")
    assert dues(x) == {"2022-07-08"}
    assert "Practice Improvement Plan" in x.follow_ups[0].description


def test_a_date_in_an_aside_is_not_the_due_date_but_a_bracketed_date_alone_is():
    x = run("Officers will circulate the audit findings (first reported in March 2021) by the end of June 2022.")
    assert dues(x) == {"2022-06"}
    x = run("The draft strategy will go before the Executive at its meeting next month (15 June 2022).")
    assert dues(x) == {"2022-06-15"}


def test_an_item_deferred_to_a_later_meeting():
    x = run("The Chair explained that the item on foster carer recruitment was deferred until the July meeting.")
    assert dues(x) == {"2022-07"}


def test_something_planned_for_a_date():
    x = run("The new family hub in the east of the county is planned for October 2022.")
    assert dues(x) == {"2022-10"}


def test_the_next_meeting_as_a_point_of_reference_is_no_commitment():
    x = run(
        "The extra meeting was arranged so that members could read the letter in advance of the next ordinary"
        " meeting on 21 June 2022."
    )
    assert dues(x) == set()


def test_a_sign_off_that_is_past_is_no_commitment():
    x = run("In June 2022 the recommendations of the last review were signed off as met by the Board.")
    assert dues(x) == set()


def test_the_date_of_an_inspection_of_services_is_not_a_due_date():
    x = run(
        "Members considered the final action plan for submission to Ofsted following the Inspection of"
        " Children's Services in May 2022."
    )
    assert dues(x) == set()


def test_a_relative_clause_keeps_what_it_stands_for():
    x = run("The plan goes to the Corporate Parenting Board, which will next review it at its meeting in July 2022.")
    assert dues(x) == {"2022-07"}
    assert x.follow_ups[0].description.startswith("the Corporate Parenting Board")


def test_bringing_a_plan_to_a_named_months_committee():
    x = run("RESOLVED:", "2 the Head of Service bring a revised placement strategy to the September committee;")
    assert dues(x) == {"2022-09"}


def test_this_item_is_the_agenda_item_it_is_minuted_under():
    text = (
        "Agenda and minutes\n\nSchools Forum\nTuesday 10th May 2022 2.00 pm\n\nItems\nNo. Item\n\n6.\n\nApologies\n\n"
        "Minutes:\n\nNone were received.\n\n7.\n\nHome to School Transport Review PDF 210 KB\n\n"
        "Minutes:\n\nThe Chair confirmed this item was being deferred until the September meeting.\n"
    )
    x = extract_text(text, published=PAGE_DATE)
    assert dues(x) == {"2022-09"}
    assert "Home to School Transport Review item" in x.follow_ups[0].description


def test_what_the_council_was_required_to_do_by_a_date():
    x = run("The inspection required the council and its partners to publish a joint action plan by 1 August 2022.")
    assert dues(x) == {"2022-08-01"}
