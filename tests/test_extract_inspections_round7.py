"""Inspections and judgements, round 7: the error classes of the sixth real set, each written here in other words
(made-up councils, people and sentences in the style of council papers and local news). Expected values follow
../shared/ANNOTATION.md."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate as D

from .conftest import dated_grades as grades
from .conftest import extract_text
from .conftest import panel_minutes as run
from .conftest import published_events as events


def item(title: str, *paragraphs: str, published: D | None = None):
    """A ModernGov agenda-item page: its title, then the minutes."""
    text = "Agenda item\n\n" + title + "\n\nMinutes:\n\n" + "\n\n".join(paragraphs) + "\n"
    return extract_text(text, published=published)


# ------------------------------------------------------------------------------------------------ judging frames


@pytest.mark.parametrize(
    "sentence",
    [
        "Westshire's Inadequate inspection of local authority children's services in late 2022 led to a new plan.",
        "This was the first full inspection since the council's inadequate judgement in 2022.",
        "Members recalled the authority’s inadequate Ofsted rating in 2022 and the work since.",
    ],
)
def test_a_grade_modifying_a_possessed_judgement_or_inspection(sentence):
    assert ("2022", "inadequate") in grades(run(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The inspection in June 2023 resulted in an improved overall judgement, moving from inadequate to requires "
        "improvement to be good.",
        "After the inspection in June 2023 the council went from inadequate to requires improvement to be good.",
        "The inspection in June 2023 saw services progressing from inadequate to requires improvement to be good.",
    ],
)
def test_a_move_from_one_grade_to_another(sentence):
    assert grades(run(sentence)) == {("2023-06", "requires-improvement")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The council has seen its rating upgraded to ‘requires improvement to be good’ in a report published today.",
        "Its rating was raised to 'requires improvement to be good' in the report published today.",
        "In Ofsted's report published today, the rating of the service was upgraded to “requires improvement to be "
        "good”.",
    ],
)
def test_requires_improvement_to_be_good_is_not_good(sentence):
    x = run(sentence)
    assert {g for _, g in grades(x)} == {"requires-improvement"}


@pytest.mark.parametrize(
    "aspiration",
    [
        "We are ambitious to have a rating of ‘good’ overall.",
        "The plan aims to gain a judgement of 'outstanding' at the next inspection.",
        "Leaders hope to secure a 'good' rating next time.",
    ],
)
def test_a_grade_wished_for_after_a_verb_of_having(aspiration):
    x = run("The inspection in March 2023 found the services require improvement. " + aspiration)
    assert grades(x) == {("2023-03", "requires-improvement")}


@pytest.mark.parametrize(
    "sentence, grade",
    [
        ("In March, inspectors carried out a monitoring visit, the second since the council was judged inadequate "
         "last year.", "inadequate"),
        ("The service, rated 'good' last year, will be inspected again in 2026.", "good"),
        ("Westshire was found to require improvement last year, and in May Ofsted made a focused visit.",
         "requires-improvement"),
    ],
)  # fmt: skip
def test_a_grade_dated_by_a_relative_date_right_after_it(sentence, grade):
    assert ("2023", grade) in grades(run(sentence))


# ------------------------------------------------------------------------------------------------ kinds


@pytest.mark.parametrize(
    "sentence, start",
    [
        ("A special educational needs (SEND) inspection carried out in March 2022 found two weaknesses.", "2022-03"),
        ("The special educational needs and disabilities inspection in June 2023 found weaknesses.", "2023-06"),
        ("The SEND (Special Educational Needs and Disabilities) Ofsted and Care Quality Commission (CQC) inspection "
         "which took place in March 2019 found shortcomings.", "2019-03"),
    ],
)  # fmt: skip
def test_a_send_inspection_named_with_its_expansion_or_inspectorates(sentence, start):
    assert ("send-area", start) in {(k, s) for k, s, _, _ in events(run(sentence))}


def test_send_the_verb_is_no_send_inspection():
    assert not any(k == "send-area" for k, *_ in events(run("We will send inspection reports to members in May 2022.")))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The Annual Performance Assessment had been published on 3rd December 2007 and was attached.",
         ("earlier-framework", None, "2007-12-03", None)),
        ("The APA letter was issued in December 2008.", ("earlier-framework", None, "2008-12", None)),
        ("A Joint Area Review of children's services was carried out in 2007.", ("other", "2007", None, None)),
    ],
)  # fmt: skip
def test_the_assessments_before_2009(sentence, expected):
    assert expected in events(run(sentence, published=D(2009, 1, 15)))


def test_an_annual_performance_assessment_and_a_joint_area_review_of_one_year_are_two_events():
    x = run(
        "The APA had been published on 4th December 2008, drawing on the joint area review conducted in 2008.",
        published=D(2009, 1, 15),
    )
    assert {(k, s, p) for k, s, p, _ in events(x)} == {
        ("earlier-framework", None, "2008-12-04"),
        ("other", "2008", None),
    }


# ------------------------------------------------------------------------------------------------ another service's


@pytest.mark.parametrize(
    "title, paragraph, expected",
    [
        ("Ofsted Inspection Report of the Adoption Agency",
         "The inspection had taken place on 3 and 4 March 2021 and had been a virtual visit.",
         ("other", "2021-03-03", None, None)),
        ("Northbrook Independent Fostering Service Ofsted Inspection",
         "Following this, in May 2022 a full inspection had taken place, and the outcome was an overall inspection "
         "judgement of ‘Good’.",
         ("other", "2022-05", None, "good")),
        ("Report on the Ofsted inspection of Willow House children's home",
         "The home, previously judged to be ‘outstanding’ at its last full inspection in June 2021, was visited "
         "again in January 2023.",
         ("other", "2021-06", None, "outstanding")),
    ],
)  # fmt: skip
def test_on_a_page_about_another_services_inspection_unnamed_inspections_are_that_services(title, paragraph, expected):
    assert expected in events(item(title, paragraph))


def test_a_page_about_a_service_still_has_the_councils_own_inspections_when_named():
    x = item(
        "Ofsted Inspection Report of the Fostering Service",
        "The inspection took place in March 2023. The council's children's services were last inspected under ILACS "
        "in May 2022 and judged good.",
    )
    assert ("ilacs", "2022-05", None, "good") in events(x)


def test_a_page_about_the_councils_services_is_read_as_before():
    x = item("Ofsted inspection of children's services", "A full inspection had taken place in May 2022.")
    assert ("ilacs", "2022-05") in {(k, s) for k, s, _, _ in events(x)}


# ------------------------------------------------------------------------------------------------ done, not planned


@pytest.mark.parametrize(
    "sentence",
    [
        "The panel received the report on the inspection carried out in September 2025.",
        "In September 2025 a full inspection had taken place.",
        "The focused visit in September 2025 has now been completed.",
    ],
)
def test_an_event_told_as_done_after_the_page_date_is_past(sentence):
    x = run(sentence, published=D(2024, 7, 10))
    assert [i.planned for i in x.inspections] == [False]


@pytest.mark.parametrize(
    "sentence",
    [
        "The next inspection will be carried out in September 2025.",
        "An inspection is to be carried out in September 2025.",
        "The focused visit being undertaken in September 2025 will look at care leavers.",
    ],
)
def test_an_event_to_be_carried_out_is_still_planned(sentence):
    x = run(sentence, published=D(2024, 7, 10))
    assert [i.planned for i in x.inspections] == [True]


# ------------------------------------------------------------------------------------------------ dates of grades


@pytest.mark.parametrize(
    "lines, expected",
    [
        (("Ofsted's assessments of the county:", "• 2014: Overall, the authority was judged ‘requires improvement’."),
         ("2014", "requires-improvement")),
        (("2017: The council's children's services were rated 'good' by Ofsted.",), ("2017", "good")),
        (("Inspection history", "- 2021: An inspection found the council's services to be outstanding."),
         ("2021", "outstanding")),
    ],
)  # fmt: skip
def test_a_timeline_line_labelled_with_its_year_dates_its_grade(lines, expected):
    assert expected in grades(run(*lines))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In 2012, when the service was still run directly by the county council, Westshire was judged "
         "'inadequate'.", ("2012", "inadequate")),
        ("In 2016, shortly after the new director had been appointed by the cabinet, the services were rated "
         "'good'.", ("2016", "good")),
        ("In 2019, a year after the partnership board had been set up with the health trust, the county was rated "
         "‘outstanding’.", ("2019", "outstanding")),
    ],
)  # fmt: skip
def test_a_fronted_date_and_a_long_aside_before_the_grade(sentence, expected):
    assert expected in grades(run(sentence))


def test_the_nearest_date_before_a_grade_is_its_date():
    x = run(
        "The report follows a two-week inspection in November, the first full inspection of its kind since 2017, when "
        'Westshire was judged as "requires improvement."',
        published=D(2023, 2, 1),
    )
    assert ("2017", "requires-improvement") in grades(x)
    assert ("2022-11", "requires-improvement") not in grades(x)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("An Ofsted monitoring visit letter to Westshire in July 2021 stated that scrutiny was not yet effective.",
         ("monitoring-visit", None, "2021-07", None)),
        ("The focused visit letter to the council in March 2022 praised the front door.",
         ("focused-visit", None, "2022-03", None)),
        ("Ofsted's monitoring letter to Westshire in May 2023 noted progress.",
         ("monitoring-visit", None, "2023-05", None)),
    ],
)  # fmt: skip
def test_the_date_of_a_letter_to_the_council_is_its_publication(sentence, expected):
    assert expected in events(run(sentence))


@pytest.mark.parametrize(
    "sentence, published",
    [
        ("Ofsted's letter to the council in July 2021 praised scrutiny.", True),
        ("A report to come back to Committee in July 2025.", False),
        ("Officers will send a letter in July 2025 to all foster carers.", False),
    ],
)
def test_which_dates_are_a_letters_publication(sentence, published):
    from caregraph.pipeline.dates import find_dates
    from caregraph.pipeline.extract.inspections import is_publication

    (date,) = find_dates(sentence, D(2024, 7, 10))
    assert is_publication(sentence, date, 0) is published


@pytest.mark.parametrize(
    "sentence, start",
    [
        ("HM Inspectorate of Probation undertook a ‘thematic inspection’ in May 2019 which looked at resettlement.",
         "2019-05"),
        ("The HMIP carried out a core case inspection during July 2011.", "2011-07"),
        ("The CQC conducted a 'themed inspection' of the health services in October 2020.", "2020-10"),
    ],
)  # fmt: skip
def test_an_inspection_another_inspectorate_undertook_under_its_own_name(sentence, start):
    assert ("other", start) in {(k, s) for k, s, _, _ in events(run(sentence, published=D(2024, 7, 10)))}


def test_a_joint_inspection_the_inspectorates_undertook_is_still_a_jtai():
    x = run(
        "In early March 2016 Ofsted, the Care Quality Commission, HMI Constabulary and HMI Probation undertook a "
        "joint inspection of the multi-agency response to abuse."
    )
    assert ("jtai", "2016-03") in {(k, s) for k, s, _, _ in events(x)}


@pytest.mark.parametrize(
    "aspiration",
    [
        "We have not yet achieved our objective of being assessed as outstanding.",
        "Our goal of being rated 'outstanding' is within reach.",
        "The service keeps its ambition of being judged outstanding.",
    ],
)
def test_a_grade_that_is_an_objective_is_none(aspiration):
    x = run("The inspection in May 2023 found the services to be good. " + aspiration)
    assert grades(x) == {("2023-05", "good")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Services have not improved enough from the inadequate judgement of 2015.", ("2015", "inadequate")),
        ("The council has moved on from its 'requires improvement' rating of 2018, the new report says.",
         ("2018", "requires-improvement")),
        ("Leaders recalled the outstanding judgement of March 2019 with pride.", ("2019-03", "outstanding")),
    ],
)  # fmt: skip
def test_a_judgement_of_a_date(sentence, expected):
    assert expected in grades(run(sentence))


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The focused visit in May 2021 used the same methodology as for the November/December 2019 inspection.",
         ("ilacs", "2019-11")),
        ("The monitoring visit in July 2022 followed up the March 2021 inspection, when the council was judged "
         "inadequate.", ("ilacs", "2021-03")),
        ("Our focused visit on 3 and 4 May 2022 built on the findings of the June - July 2019 inspection.",
         ("ilacs", "2019-06")),
    ],
)  # fmt: skip
def test_the_month_and_year_inspection_after_a_visit_is_an_inspection_of_its_own(sentence, expected):
    assert expected in {(k, s) for k, s, _, _ in events(run(sentence))}


@pytest.mark.parametrize(
    "sentence, start",
    [
        ("The Chair introduced the February 2023 Ofsted inspection report of children’s services.", "2023-02"),
        ("The Chair introduced the 2019 Ofsted inspection report of children’s services.", "2019"),
        ("Members discussed the June/July 2022 inspection report of children's services in Westshire.", "2022-06"),
    ],
)
def test_a_report_named_by_its_inspections_date(sentence, start):
    assert ("ilacs", start) in {(k, s) for k, s, _, _ in events(run(sentence))}


@pytest.mark.parametrize(
    "lines, expected",
    [
        (("HM Inspectorate of Probation inspected the youth justice service in April 2024.",
          "Overall, the service was rated good."), ("other", "2024-04", None, "good")),
        (("The youth offending team was inspected by HMIP in May 2023.",
          "In summary, the service was judged to require improvement."),
         ("other", "2023-05", None, "requires-improvement")),
        (("HMIP published its inspection report of the youth justice service in June 2022.",
          "As a result, the service was rated outstanding."), ("other", None, "2022-06", "outstanding")),
    ],
)  # fmt: skip
def test_the_grade_of_another_services_inspection_after_an_opening_adverb(lines, expected):
    assert expected in events(run(*lines))


@pytest.mark.parametrize(
    "lines",
    [
        ("The findings, published this month, followed an inspection in November 2023.",
         "The visit focused on children in need of help and protection."),
        ("The Ofsted report, published in January 2024, followed an inspection in November 2023.",
         'Councillor Smith said: "The Ofsted visit focused on just one area of a much wider service."'),
        ("Ofsted inspected the front door in November 2023.", "The visit was focused on contacts and referrals."),
    ],
)  # fmt: skip
def test_a_visit_said_to_focus_on_one_area_makes_the_untold_inspection_a_focused_visit(lines):
    assert ("focused-visit", "2023-11") in {(k, s) for k, s, _, _ in events(run(*lines))}


def test_a_visit_of_a_named_kind_keeps_its_kind_when_the_visit_focuses():
    x = run(
        "A monitoring visit took place in March 2024.",
        "An inspection in May 2024 followed.",
        "The visit focused on care leavers.",
    )
    assert not any(k == "focused-visit" for k, *_ in events(x))


def test_a_grade_retained_goes_to_the_inspection_before_a_focused_visit():
    x = run(
        "The Ofsted report, published in January 2024, followed an inspection in November 2023.",
        "The council retains its overall 'good' rating from Ofsted.",
        'Councillor Smith said: "The Ofsted visit focused on just one area, and overall we remain good as stated '
        'following our inspection in 2022."',
    )
    assert ("2022", "good") in grades(x)
    assert ("2023-11", "good") not in grades(x)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("In response to the SEND local area inspection by Ofsted/CQC, the Written Statement of Action had been "
         "submitted on 28th June 2019.", set()),
        ("Following the focused visit, the action plan was sent to Ofsted in May 2022.", set()),
        ("The SEND local area inspection took place in March 2019 and the statement of action was submitted in June "
         "2019.", {("send-area", "2019-03")}),
    ],
)  # fmt: skip
def test_a_date_something_was_submitted_or_sent_on_is_no_inspections(sentence, expected):
    assert {(k, s) for k, s, _, _ in events(run(sentence))} == expected
