"""Overall grades bound to the right inspection, in documents written for these tests in the styles councils publish
(scrutiny minutes, news items, cabinet reports). Expected values follow ANNOTATION.md: the overall judgement of each
event when the text states it, no overall grade from a grade for one area, and a grade the text leaves behind kept
off the report that replaced it."""

from __future__ import annotations

from caregraph.pipeline.extract.judgements import find_judgements

from .conftest import extract_text as run
from .conftest import inspection_rows as rows


def _grades(sentence: str) -> list[tuple[str, tuple[str, ...], bool]]:
    """(grade, areas, left behind) of each judgement ``find_judgements`` reads in ``sentence``."""
    return [(j.grade, j.areas, j.earlier) for j in find_judgements(sentence, 0, len(sentence))]


def _graded(x) -> set[tuple[str, str | None]]:
    """(start or publication date, judgement) of each inspection."""
    return {((i.start or i.published).iso(), i.judgement) for i in x.inspections}


# ------------------------------------------------------------------------------ areas named after the grade's noun


def test_a_grade_for_the_area_named_after_its_rating_noun_is_not_the_overall_grade():
    # "an Outstanding rating for <area>": the area follows the frame's noun, not the grade itself
    assert _grades(
        "The panel heard that an Outstanding rating for the experiences and progress of children in care."
    ) == [("outstanding", ("children-in-care",), False)]
    assert _grades("The service kept an Ofsted rating of 'good' for services for young people in care.") == [
        ("good", ("children-in-care",), False)
    ]


def test_a_grade_whose_list_of_areas_names_overall_effectiveness_is_the_overall_grade():
    (grade,) = _grades(
        "Good ratings were received for the impact of leaders, the experiences of children who need help and "
        "protection and overall effectiveness."
    )
    assert grade == ("good", (), False)


def test_overall_effectiveness_in_a_following_clause_is_not_the_areas_grade():
    first, second = _grades(
        "Services received a rating of 'outstanding' for the impact of leaders on practice, with overall "
        "effectiveness rated as 'good'."
    )
    assert first == ("outstanding", ("impact-of-leaders",), False)
    assert second[0] == "good" and second[1] in ((), ("overall-effectiveness",))


def test_families_needing_help_is_the_help_and_protection_area():
    assert _grades("The rating of services for children and families needing help was assessed as 'good'.") == [
        ("good", ("help-and-protection",), False)
    ]


def test_area_grades_give_an_inspection_no_overall_grade_and_a_later_overall_one_wins():
    x = run(
        "Minutes of the Children's Scrutiny Panel, 14 June 2023\n"
        "Officers reported that between 6 and 17 March 2023 a full inspection of children's services was completed "
        "by Ofsted.\n"
        "Good ratings were received for the impact of leaders, help and protection and overall effectiveness; and "
        "an Outstanding rating for the experiences and progress of children in care and care leavers.\n"
    )
    assert rows(x) == {("ilacs", "2023-03-06", "2023-03-17", "good")}
    (i,) = x.inspections
    assert ("children-in-care", "outstanding") in {(s.area, s.judgement) for s in i.sub_judgements}


def test_only_area_grades_leave_the_inspection_ungraded():
    x = run(
        "Minutes of the Corporate Parenting Board, 9 May 2022\n"
        "The Head of Service advised that Ofsted carried out a short inspection of children's services between 7 "
        "and 18 February 2022. Since then the rating of the service for children and families needing help has "
        "been assessed as 'good'. The service has kept an Ofsted rating of 'good' for services for children and "
        "young people in care and care leavers.\n"
    )
    assert {j for _, j in _graded(x)} == {None}


# ------------------------------------------------------------------------------ grades left behind


def test_a_grade_marked_previously_after_it_is_left_behind():
    assert _grades("It tackled the problems which led to the service being judged inadequate [previously].") == [
        ("inadequate", (), True)
    ]
    assert _grades("It is now rated as 'good'; previously it was rated as 'requires improvement'.") == [
        ("good", (), False),
        ("requires-improvement", (), True),
    ]


def test_a_grade_left_behind_is_not_given_to_the_report_published_today():
    x = run(
        "Anytown trust improves its Ofsted rating\n| 2 May 2022\n"
        'The trust was given a "requires improvement" rating following a visit by the inspectorate in '
        "mid-March.\n"
        'The latest report, published today, says: "Leaders have tackled the problems which led to the service '
        'being judged inadequate [previously]."\n'
    )
    assert ("2022-03", "requires-improvement") in _graded(x)
    assert all(j != "inadequate" for _, j in _graded(x))


# ------------------------------------------------------------------------------ the inspection a frame names


def test_a_rating_awarded_following_a_dated_inspection_is_that_inspections_grade():
    x = run(
        "Eastshire children's services rated good\n24 November 2017\n"
        "Ofsted has rated Eastshire Council's children's services as good.\n"
        "The rating follows a four-week inspection in September and October this year.\n"
        "The 'good' rating is an improvement from the 'adequate' rating that was awarded following the last Ofsted "
        "inspection in March 2011.\n"
    )
    graded = _graded(x)
    assert ("2011-03", "adequate") in graded
    assert ("2011-03", "good") not in graded
    assert ("2017-09", "good") in graded


def test_a_quoted_grade_followed_by_grading_is_a_judgement():
    assert _grades("The follow-up inspection did not justify revising the 'inadequate' grading.") == [
        ("inadequate", (), False)
    ]


# ------------------------------------------------------------------------------ lists of dated grades


def test_a_grade_for_a_list_of_years_grades_one_inspection_a_year():
    x = run(
        "Westborough trust makes progress\n| 1 April 2020\n"
        "The trust was set up after inadequate Ofsted ratings in 2012, 2014 and 2016, and a critical review.\n"
    )
    assert {("2012", "inadequate"), ("2014", "inadequate"), ("2016", "inadequate")} <= _graded(x)


def test_a_date_list_ends_at_the_first_date_that_is_not_listed():
    x = run(
        "Southvale children's services\n| 3 March 2021\n"
        "Services were rated good in 2018, and the council expects its next inspection in 2022.\n"
    )
    graded = _graded(x)
    assert ("2018", "good") in graded
    assert ("2022", "good") not in graded
