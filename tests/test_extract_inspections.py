"""Inspections and judgements in documents written for these tests, in the styles councils publish (cabinet
reports, news releases, scrutiny minutes, flattened tables). Expected values follow bench/gold/README.md: kind as the
text names it, start/end at the text's precision and never the publication date, the overall grade only for graded
kinds, sub-judgements from the four ILACS judgement areas, sequence and focus of visits, and nothing for another
service's inspection."""

from __future__ import annotations

from caregraph.records import PartialDate as D

from .conftest import extract_text as run
from .conftest import inspection_rows as rows


def published_rows(x) -> set[tuple[str, str, str | None]]:
    """(kind, publication date, judgement) of each inspection known only by its report's publication date."""
    return {(i.kind, i.published.iso(), i.judgement) for i in x.inspections if i.start is None and i.published}


def all_rows(x) -> set[tuple[str, str, str | None, str | None, bool]]:
    """(kind, start or publication date, end, judgement, known only by publication) of each inspection."""
    return {
        (
            i.kind,
            (i.start or i.published).iso(),
            i.end.iso() if i.end else None,
            i.judgement,
            i.start is None,
        )
        for i in x.inspections
    }


def test_ilacs_outcome_with_the_four_sub_judgements_as_a_flattened_table():
    x = run(
        "Ofsted inspection of Northshire children's services\nReport to Cabinet, 11 June 2024\n1. Purpose\n"
        "1.1 To inform Cabinet of the outcome of the inspection of local authority children's services (ILACS) "
        "carried out between 8 and 19 January 2024.\n1.2 The inspection report was published on 1 March 2024.\n"
        "2. Outcome\nJudgement\nGrade\n"
        "The impact of leaders on social work practice with children and families\nGood\n"
        "The experiences and progress of children who need help and protection\nRequires improvement to be good\n"
        "The experiences and progress of children in care\nGood\n"
        "The experiences and progress of care leavers\nGood\n"
        "Overall effectiveness\nGood\n"
    )
    assert rows(x) == {("ilacs", "2024-01-08", "2024-01-19", "good")}
    (i,) = x.inspections
    assert {(s.area, s.judgement) for s in i.sub_judgements} == {
        ("impact-of-leaders", "good"),
        ("help-and-protection", "requires-improvement"),
        ("children-in-care", "good"),
        ("care-leavers", "good"),
    }
    assert not i.planned


def test_sub_judgements_in_a_pipe_table():
    x = run(
        "Meeting: 12/03/2024 - Cabinet (Item 8)\nOfsted ILACS inspection\n"
        "The ILACS inspection took place from 22 January to 2 February 2024.\n"
        "| The impact of leaders on social work practice with children and families | Requires improvement to be good |\n"
        "| The experiences and progress of children who need help and protection | Inadequate |\n"
        "| The experiences and progress of children in care | Requires improvement to be good |\n"
        "| The experiences and progress of care leavers | Good |\n"
        "| Overall effectiveness | Requires improvement to be good |\n"
    )
    assert rows(x) == {("ilacs", "2024-01-22", "2024-02-02", "requires-improvement")}
    assert {(s.area, s.judgement) for s in x.inspections[0].sub_judgements} == {
        ("impact-of-leaders", "requires-improvement"),
        ("help-and-protection", "inadequate"),
        ("children-in-care", "requires-improvement"),
        ("care-leavers", "good"),
    }


def test_news_release_overall_effectiveness_and_a_publication_date_that_is_not_the_start():
    x = run(
        "News release\n12 April 2024\nWestvale children's services rated Good by Ofsted\n"
        "Westvale Council's children's services have been judged 'Good' overall following an inspection of local "
        "authority children's services (5–16 February 2024). Overall effectiveness: Good.\n"
        "The report was published on 28 March 2024.\n"
    )
    assert rows(x) == {("ilacs", "2024-02-05", "2024-02-16", "good")}


def test_ilacs_short_inspection():
    x = run(
        "Meeting: 14/11/2023 - Children and Young People Scrutiny Committee (Item 6)\nOfsted ILACS short inspection\n"
        "The Director reported that Ofsted carried out a short inspection under the ILACS framework from 2 to 6 "
        "October 2023. Inspectors judged the overall effectiveness of children's services to be outstanding.\n"
    )
    assert rows(x) == {("ilacs-short", "2023-10-02", "2023-10-06", "outstanding")}


def test_monitoring_visits_with_sequence_focus_and_a_planned_visit():
    x = run(
        "Meeting: 20/09/2023 - Cabinet (Item 44)\nOfsted monitoring visit\n"
        "This report sets out the findings of the fourth monitoring visit since the local authority was judged "
        "inadequate in 2021. The visit took place on 11 and 12 July 2023 and looked at children in care.\n"
        "Monitoring Visit 3 (March 2023) looked at the front door.\n"
        "Our next monitoring visit is expected in November 2023.\n"
    )
    # the 2021 date is the inadequate judgement's (a generic inspection of 2021 is ILACS), not the visit's
    assert rows(x) == {
        ("ilacs", "2021", None, "inadequate"),
        ("monitoring-visit", "2023-07-11", "2023-07-12", None),
        ("monitoring-visit", "2023-03", None, None),
        ("monitoring-visit", "2023-11", None, None),
    }
    by_start = {i.start.iso(): i for i in x.inspections}
    assert by_start["2023-07-11"].sequence == 4
    assert by_start["2023-07-11"].focus == "children in care"
    assert by_start["2023-03"].sequence == 3
    assert by_start["2023-11"].planned and not by_start["2023-07-11"].planned


def test_second_and_third_monitoring_visits():
    x = run(
        "Meeting: 02/02/2022 - Cabinet (Item 12)\nThe council received its second monitoring visit on 9 and 10 "
        "November 2021. The third monitoring visit is planned for March 2022.\n"
    )
    assert rows(x) == {
        ("monitoring-visit", "2021-11-09", "2021-11-10", None),
        ("monitoring-visit", "2022-03", None, None),
    }
    assert {(i.sequence, i.planned) for i in x.inspections} == {(2, False), (3, True)}


def test_focused_visit_is_not_graded():
    x = run(
        "Children's Services Improvement Board, 6 February 2023\nOfsted focused visit\n"
        "Ofsted undertook a focused visit on 6 and 7 December 2022, focused on the front door. The letter "
        "identified two areas for priority action.\n"
    )
    assert rows(x) == {("focused-visit", "2022-12-06", "2022-12-07", None)}
    assert x.inspections[0].focus == "the front door"


def test_jtai_with_its_theme_and_a_week_commencing_date():
    x = run(
        "Meeting: 07/03/2024 - Health and Wellbeing Board (Item 9)\nJoint targeted area inspection\n"
        "In fieldwork that took place in w/c 4 March 2024, inspectors completed a joint targeted area inspection "
        "(JTAI) of the multi-agency response to children's mental health.\n"
    )
    assert rows(x) == {("jtai", "2024-03-04", None, None)}
    assert x.inspections[0].focus == "the multi-agency response to children's mental health"


def test_jtai_carried_out_by_several_inspectorates_is_kept():
    x = run(
        "Meeting: 01/12/2023 - Safeguarding Partnership (Item 3)\nOfsted, the CQC, HMICFRS and HMI Probation "
        "carried out a JTAI between 6 and 10 November 2023.\n"
    )
    assert rows(x) == {("jtai", "2023-11-06", "2023-11-10", None)}


def test_send_area_inspection_has_no_ofsted_grade():
    x = run(
        "Meeting: 15/05/2024 - Schools Forum (Item 4)\nLocal area SEND inspection\n"
        "The local area SEND inspection took place between 22 and 26 January 2024. The local area partnership's "
        "arrangements typically lead to positive experiences and outcomes for children and young people with SEND.\n"
    )
    assert rows(x) == {("send-area", "2024-01-22", "2024-01-26", None)}


def test_other_services_inspections_are_kind_other_with_their_own_grades():
    # ANNOTATION.md counts every inspection event the text dates; another service's (a children's home's, a school's,
    # a youth offending service's) is kind "other", and its grade is its own, never the council's.
    x = run(
        "Meeting: 18/06/2024 - Children and Families Scrutiny Committee (Item 7)\nUpdates\n"
        "Oak Lodge children's home was inspected by Ofsted on 3 April 2024 and was rated good.\n"
        "Hillside Primary School had an Ofsted inspection in March 2024 and was judged outstanding.\n"
        "HMI Probation carried out an inspection of the youth offending service in February 2024.\n"
        "The CQC inspection of the community health trust in January 2024 rated the trust as requires improvement.\n"
        "Ofsted's annual report, published on 5 December 2023, found that many councils struggle.\n"
        "The new ILACS inspection framework from January 2023 places more emphasis on care leavers.\n"
    )
    assert rows(x) == {
        ("other", "2024-04-03", None, "good"),
        ("other", "2024-03", None, "outstanding"),
        ("other", "2024-02", None, None),
        ("other", "2024-01", None, "requires-improvement"),
    }
    assert {i.start.iso(): i.inspectorate for i in x.inspections}["2024-02"] == "hmi-probation"


def test_a_childrens_homes_grade_is_not_given_to_the_councils_inspection():
    x = run(
        "Meeting: 18/06/2024 - Corporate Parenting Panel (Item 5)\n"
        "The ILACS inspection took place between 4 and 15 March 2024.\n"
        "Separately, Oak Lodge children's home was rated outstanding.\n"
    )
    assert rows(x) == {("ilacs", "2024-03-04", "2024-03-15", None)}


def test_an_event_known_only_by_its_publication_date_is_kept_and_flagged():
    # ANNOTATION.md keeps such an event: its start is the publication date, flagged published (the record keeps
    # start None and the publication date; the prediction reads it as start = published, published: true)
    x = run(
        "Ofsted's report on our children's services was published on 1 May 2024. It rated the council inadequate.\n",
        published=D(2024, 5, 2),
    )
    assert published_rows(x) == {("ilacs", "2024-05-01", "inadequate")}


def test_planned_inspection_and_an_earlier_graded_one():
    x = run(
        "Meeting: 10/01/2025 - Corporate Parenting Panel (Item 5)\nInspection readiness\n"
        "The last full inspection, in June 2021, rated the service as requires improvement to be good.\n"
    )
    assert rows(x) == {("ilacs", "2021-06", None, "requires-improvement")}


def test_planned_inspection_in_a_season_without_a_year_takes_the_documents_year():
    x = run(
        "Meeting: 10/01/2025 - Corporate Parenting Panel (Item 5)\nInspection readiness\n"
        "We expect our next ILACS inspection in the spring. The last full inspection, in June 2021, rated the "
        "service as requires improvement to be good.\n"
    )
    assert rows(x) == {("ilacs", "2025", None, None), ("ilacs", "2021-06", None, "requires-improvement")}
    assert {i.start.iso(): i.planned for i in x.inspections} == {"2025": True, "2021-06": False}


def test_a_past_season_without_a_year_places_nothing():
    x = run("Meeting: 10/01/2025 - Cabinet (Item 5)\nOfsted carried out a focused visit in the autumn.\n")
    assert x.inspections == ()


def test_sub_judgements_after_a_colon():
    x = run(
        "Meeting: 12/03/2024 - Cabinet (Item 8)\nThe ILACS inspection took place from 22 January to 2 February 2024.\n"
        "Overall effectiveness: Good\nThe experiences and progress of care leavers: Outstanding\n"
        "Leadership: Good\n"
    )
    assert rows(x) == {("ilacs", "2024-01-22", "2024-02-02", "good")}
    assert {(s.area, s.judgement) for s in x.inspections[0].sub_judgements} == {
        ("care-leavers", "outstanding"),
        ("impact-of-leaders", "good"),
    }


# ------------------------------------------------------------------- events known by their publication date (I2)


def test_a_report_published_tomorrow_dates_the_event_by_the_page():
    x = run(
        "News release\n3 June 2016\nOfsted will publish its report tomorrow on the inspection of services for "
        "children in need of help and protection, children looked after and care leavers.\n"
    )
    assert published_rows(x) == {("sif", "2016-06-04", None)}


def test_findings_published_today_after_inspecting_the_councils_services():
    x = run(
        "News\n4 May 2022\nChildren in Anyshire receive good support, Ofsted says, having spent time inspecting the "
        "council's services. Inspectors' findings, published today, rate the service as 'Good'.\n"
    )
    assert published_rows(x) == {("ilacs", "2022-05-04", "good")}


def test_a_commissioners_report_known_by_its_issue_date_is_the_dfes():
    x = run("Agenda item\nUpdate\nMinutes:\nThe Commissioner's report, issued in March 2021, recommended a trust.\n")
    assert published_rows(x) == {("commissioner-review", "2021-03", None)}
    assert x.inspections[0].inspectorate == "dfe"


def test_a_later_report_is_not_the_publication_of_an_earlier_inspection():
    x = run(
        "News\n5 May 2022\nAnyshire was judged inadequate at its ILACS inspection in March 2018. The latest Ofsted "
        "report, published in April 2022, found that services had improved.\n"
    )
    assert all_rows(x) == {("ilacs", "2018-03", None, "inadequate", False), ("ilacs", "2022-04", None, None, True)}
    assert next(i for i in x.inspections if i.start).published is None


def test_a_report_published_weeks_after_the_visit_is_that_visits():
    x = run(
        "Agenda item\nFocused visit\nMinutes:\nOfsted's focused visit took place on 13 and 14 July 2021. The Ofsted "
        "letter was published on 23 August 2021.\n"
    )
    (i,) = x.inspections
    assert (i.kind, i.start.iso(), i.published.iso()) == ("focused-visit", "2021-07-13", "2021-08-23")


def test_relative_dates_of_a_news_page_are_read_against_its_urls_date():
    x = run(
        "Anyshire children's services rated outstanding\nOfsted has rated our children's social care services as "
        "'Outstanding' again in every area assessed. The report, published today, follows their inspection in June "
        "this year.\n",
        url="https://www.anyshire.gov.uk/news/2023/08/anyshire-rated-outstanding",
    )
    assert all_rows(x) == {("ilacs", "2023-06", None, "outstanding", False)}
    assert x.inspections[0].published == D(2023, 8)


# --------------------------------------------------------------------------- kinds told in other words (I3)


def test_a_send_local_area_inspection_described_in_words_and_by_a_later_possessive():
    x = run(
        "Agenda item\nSEND local area inspection\nMinutes:\nOfsted and the CQC carried out a joint inspection of "
        "the local area from 4 to 8 March 2019. Anyshire's joint inspection found strengths.\n"
        "Members discussed Anyshire's joint inspection in April 2021 of its youth services.\n"
    )
    assert ("send-area", "2019-03-04", "2019-03-08", None) in rows(x)


def test_a_commissioner_reviewing_and_a_dfe_progress_review():
    x = run(
        "Agenda item\nImprovement\nMinutes:\nThe DfE-appointed Commissioner began reviewing the service in May 2021, "
        "after the Ofsted inspection in 2020. DfE officials carried out a progress review in June 2015 under the "
        "improvement notice.\n"
    )
    assert rows(x) == {
        ("commissioner-review", "2021-05", None, None),
        ("ilacs", "2020", None, None),
        ("other", "2015-06", None, None),
    }
    by_kind = {i.kind: i.inspectorate for i in x.inspections}
    assert by_kind == {"commissioner-review": "dfe", "ilacs": "ofsted", "other": "dfe"}


def test_a_possessive_or_indefinite_visit_takes_its_kind_from_the_title():
    x = run("Anyshire Ofsted monitoring letter\nThe letter follows Ofsted's visit in early February 2024.\n")
    assert rows(x) == {("monitoring-visit", "2024-02", None, None)}
    x = run("Anyshire Ofsted monitoring letter\nLast month's visit by HMI on 6 and 7 February 2024 found progress.\n")
    assert rows(x) == {("monitoring-visit", "2024-02-06", "2024-02-07", None)}


def test_inspectors_who_visited_are_the_visit_last_named():
    x = run(
        "News\n1 November 2019\nOfsted has concluded after their third monitoring visit that Anyshire is making "
        "progress. Inspectors, who visited on 9 and 10 October, also highlighted areas to improve.\n"
    )
    assert rows(x) == {("monitoring-visit", "2019-10-09", "2019-10-10", None)}


def test_plural_inspections_are_one_event_a_date():
    x = run("Agenda item\nHistory\nMinutes:\nInspections in 2016 and 2019 both found weaknesses in planning.\n")
    assert rows(x) == {("sif", "2016", None, None), ("ilacs", "2019", None, None)}


def test_a_peer_challenge_is_an_event_of_kind_other():
    x = run("Agenda item\nImprovement\nMinutes:\nThe LGA peer challenge in October 2024 made six recommendations.\n")
    assert rows(x) == {("other", "2024-10", None, None)}


# ---------------------------------------------------------------------------- dates bound to their event (I4)


def test_a_publication_date_loses_to_the_visits_own_date():
    x = run(
        "Agenda item\nMonitoring visit\nMinutes:\nThe letter was published on 2 May 2023 after the monitoring visit "
        "to the service on 4 and 5 April 2023.\n"
    )
    assert all_rows(x) == {("monitoring-visit", "2023-04-04", "2023-04-05", None, False)}
    assert x.inspections[0].published == D(2023, 5, 2)


def test_months_of_a_year_and_a_letters_date_in_brackets():
    x = run("Meeting: 10/01/2023 - Cabinet (Item 3)\nThe council was last inspected in April and May of 2022.\n")
    assert rows(x) == {("ilacs", "2022-04", "2022-05", None)}
    x = run(
        "Agenda item\nFocused visit\nMinutes:\nThe Panel considered the focused visit letter (dated 12 June 2021) "
        "and its findings.\n"
    )
    assert published_rows(x) == {("focused-visit", "2021-06-12", None)}


def test_another_things_date_and_a_meetings_date_are_not_the_visits():
    x = run(
        "Meeting: 10/09/2023 - Cabinet (Item 3)\nOfsted carried out a monitoring visit on 7 and 8 March 2023. Their "
        "visit also covered the new edge-of-care team, launched in May 2023.\nA further report on the "
        "re-inspection will come to the November 2023 meeting.\n"
    )
    assert rows(x) == {("monitoring-visit", "2023-03-07", "2023-03-08", None)}


def test_late_one_month_or_early_the_next_is_a_range():
    x = run(
        "Meeting: 10/01/2023 - Cabinet (Item 3)\nThe third monitoring visit is expected in late June or early July.\n"
    )
    assert rows(x) == {("monitoring-visit", "2023-06", "2023-07", None)}
    assert x.inspections[0].planned


# -------------------------------------------------------------------------- events known by a dated grade (I5)


def test_grades_with_their_own_dates_make_their_events():
    x = run(
        "Agenda item\nHistory\nMinutes:\nThe authority, rated inadequate for overall effectiveness in June 2018, has "
        "since improved. The trust was set up because of the inadequate rating the service held since 2016.\n"
        "Anyshire has improved since January 2013, when Ofsted assessed the service as inadequate.\n"
    )
    assert rows(x) == {
        ("ilacs", "2018-06", None, "inadequate"),
        ("sif", "2016", None, "inadequate"),
        ("earlier-framework", "2013-01", None, "inadequate"),
    }


# ------------------------------------------------------------------------------ partial and overall grades (J1)


def test_grades_for_some_areas_are_not_the_overall_grade():
    for wording in ("good in most areas", "good in two of three areas", "good in three out of four judgements"):
        x = run(f"Agenda item\nHistory\nMinutes:\nAt the 2019 inspection, inspectors rated the service {wording}.\n")
        assert rows(x) == {("ilacs", "2019", None, None)}, wording
    x = run(
        "Agenda item\nHistory\nMinutes:\nHelp for families who need support was graded 'good' at the inspection in "
        "March 2022.\n"
    )
    assert rows(x) == {("ilacs", "2022-03", None, None)}


def test_an_explicit_overall_grade_wins_over_an_inferred_one():
    x = run(
        "Agenda item\nHistory\nMinutes:\nThe inspection took place between 4 and 13 March 2013. Early help was judged "
        "to be adequate. The overall judgement was inadequate.\n"
    )
    assert rows(x) == {("earlier-framework", "2013-03-04", "2013-03-13", "inadequate")}


def test_a_safeguarding_boards_grade_is_not_the_councils():
    x = run(
        "Agenda item\nInspection\nMinutes:\nThe ILACS inspection took place in March 2019. The Local Safeguarding "
        "Children Board was judged good.\n"
    )
    assert rows(x) == {("ilacs", "2019-03", None, None)}


# ---------------------------------------------------------------------------------------- judging frames (J2)


def test_judging_frames_in_other_words():
    cases = {
        "The latest inspection in 2018 rated their services outstanding.": ("ilacs", "2018", "outstanding"),
        "The inspection in 2011 found the council's services and those of its partners to be inadequate.": (
            "earlier-framework",
            "2011",
            "inadequate",
        ),
        "After the inspection in May 2019 inspectors concluded that the service still requires improvement.": (
            "ilacs",
            "2019-05",
            "requires-improvement",
        ),
        "The outcome at the inspection in 2009 was one of 'Good'.": ("earlier-framework", "2009", "good"),
        "The Ofsted inspection in 2016 judged Anyshire's children's services as requiring improvement.": (
            "sif",
            "2016",
            "requires-improvement",
        ),
        "In August 2022, children's services were rated as a 'Good' service by Ofsted.": ("ilacs", "2022-08", "good"),
    }
    for sentence, (kind, start, grade) in cases.items():
        x = run(f"Agenda item\nHistory\nMinutes:\n{sentence}\n")
        assert rows(x) == {(kind, start, None, grade)}, sentence


def test_a_denied_grade_is_no_grade():
    x = run(
        "Agenda item\nHistory\nMinutes:\nServices were re-inspected by Ofsted from 6 to 17 March 2017 and judged "
        "overall as requires improvement to be good. Services were no longer judged to be inadequate.\n"
    )
    assert rows(x) == {("sif-reinspection", "2017-03-06", "2017-03-17", "requires-improvement")}


def test_each_grade_goes_to_the_inspection_named_before_it():
    x = run(
        "Agenda item\nHistory\nMinutes:\nCllr Example referred to the Ofsted inspection in 2011 which judged the "
        "services as outstanding and the Ofsted inspection in 2016 which judged the service as inadequate.\n"
    )
    assert rows(x) == {("earlier-framework", "2011", None, "outstanding"), ("sif", "2016", None, "inadequate")}


# ------------------------------------------------------------------------------ no grade for what is to come (J3)


def test_an_undated_grade_does_not_fall_on_an_inspection_still_to_come():
    x = run(
        "Agenda item\nReadiness\nMinutes:\nThe council must prepare for its full inspection in autumn 2019. The "
        "service was rated inadequate overall.\n"
    )
    assert rows(x) == {("ilacs", "2019", None, None)}


def test_the_next_of_a_series_with_its_noun_left_out():
    x = run(
        "Meeting: 28/09/2023 - Scrutiny Committee (Item 5)\nMonitoring visits were agreed with Ofsted. The first "
        "visit was in February 2023, and the second in July.\n"
    )
    assert rows(x) == {("monitoring-visit", "2023-02", None, None), ("monitoring-visit", "2023-07", None, None)}


def test_a_grade_carried_forward_to_an_earlier_inspection():
    x = run(
        "Agenda item\nHistory\nMinutes:\nThe inspection in June 2017 rated the service inadequate. The 2013 "
        "inspection had reached the same conclusion.\n"
    )
    assert rows(x) == {("sif", "2017-06", None, "inadequate"), ("earlier-framework", "2013", None, "inadequate")}
