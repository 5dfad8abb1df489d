"""Inspections and judgements in documents written for these tests, in the styles councils publish (cabinet
reports, news releases, scrutiny minutes, flattened tables). Expected values follow bench/gold/README.md: kind as the
text names it, start/end at the text's precision and never the publication date, the overall grade only for graded
kinds, sub-judgements from the four ILACS judgement areas, sequence and focus of visits, and nothing for another
service's inspection."""

from __future__ import annotations

from caregraph.records import PartialDate as D

from .conftest import extract_text as run
from .conftest import inspection_rows as rows


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


def test_other_services_inspections_are_not_the_councils():
    x = run(
        "Meeting: 18/06/2024 - Children and Families Scrutiny Committee (Item 7)\nUpdates\n"
        "Oak Lodge children's home was inspected by Ofsted on 3 April 2024 and was rated good.\n"
        "Hillside Primary School had an Ofsted inspection in March 2024 and was judged outstanding.\n"
        "HMI Probation carried out an inspection of the youth offending service in February 2024.\n"
        "The CQC inspection of the community health trust in January 2024 rated the trust as requires improvement.\n"
        "Ofsted's annual report, published on 5 December 2023, found that many councils struggle.\n"
        "The new ILACS inspection framework from January 2023 places more emphasis on care leavers.\n"
    )
    assert x.inspections == ()


def test_a_childrens_homes_grade_is_not_given_to_the_councils_inspection():
    x = run(
        "Meeting: 18/06/2024 - Corporate Parenting Panel (Item 5)\n"
        "The ILACS inspection took place between 4 and 15 March 2024.\n"
        "Separately, Oak Lodge children's home was rated outstanding.\n"
    )
    assert rows(x) == {("ilacs", "2024-03-04", "2024-03-15", None)}


def test_publication_date_alone_places_no_inspection():
    x = run(
        "Ofsted's report on our children's services was published on 1 May 2024. It rated the council inadequate.\n",
        published=D(2024, 5, 2),
    )
    assert x.inspections == ()


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
