"""Overall grades bound to the right inspection, in documents written for these tests in the styles councils publish
(scrutiny minutes, news items, cabinet reports). Expected values follow ANNOTATION.md: the overall judgement of each
event when the text states it, no overall grade from a grade for one area, and a grade the text leaves behind kept
off the report that replaced it."""

from __future__ import annotations

from caregraph.pipeline.extract.judgements import find_judgements, subject_council

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


# ------------------------------------------------------------------------------ round 2: news and press-release prose


def test_needing_improvement_in_a_judging_frame_is_requires_improvement():
    for sentence in (
        "She explained that the last inspection in 2013 had rated the service as needing improvement.",
        "Inspectors judged the council's children's services to be needing improvement.",
        "In 2016 Ofsted assessed fostering and adoption together as needing improvement overall.",
    ):
        assert [g for g, _, _ in _grades(sentence)] == ["requires-improvement"], sentence
    # no judging frame: areas that need improvement are no grade
    assert _grades("There were still some areas that needed improvement, the director said.") == []


def test_branded_labelled_declared_and_identified_as_are_judging_verbs():
    for sentence, grade in (
        ("In 2012 inspectors branded the service 'inadequate'.", "inadequate"),
        ("The council's children's services were labelled inadequate by Ofsted.", "inadequate"),
        ("Ofsted identified the county's children's services as 'requires improvement'.", "requires-improvement"),
        ("Last year the authority was declared outstanding by the regulator.", "outstanding"),
    ):
        assert [g for g, _, _ in _grades(sentence)] == [grade], sentence
    # "identified" with no judged service as its object is no judging frame
    assert _grades("Inspectors identified areas as requiring improvement in the front door.") == []


def test_a_long_named_service_between_the_verb_and_the_grade():
    for sentence, grade in (
        ("Ofsted has rated Anyshire County Council's Children's Social Care Services 'good'.", "good"),
        ("Inspectors rated the London Borough of Anytown's children's services 'outstanding' overall.", "outstanding"),
        (
            "The regulator judged Westvale Metropolitan Borough Council's children's services as inadequate.",
            "inadequate",
        ),
    ):
        assert [(g, a) for g, a, _ in _grades(sentence)] == [(grade, ())], sentence


def test_a_quoted_area_after_the_grade_and_overall_effectiveness_among_its_areas():
    (only_area,) = _grades(
        "Ofsted rated Anyshire's children's services 'inadequate' for the 'experiences and progress of children in "
        "care'."
    )
    assert only_area[:2] == ("inadequate", ("children-in-care",))
    (with_overall,) = _grades(
        "Ofsted has rated Anyshire Council's Children's Services 'inadequate' for the 'experiences and progress of "
        "care leavers' and, also, for 'overall effectiveness.'"
    )
    assert with_overall[:2] == ("inadequate", ())


def test_a_grade_passed_by_is_no_judgement():
    for sentence, skipped in (
        (
            "The service has moved from an inadequate rating to leapfrog the 'RI' judgement altogether.",
            "requires-improvement",
        ),
        ("The council skipped the 'requires improvement' grade on its way up to good.", "requires-improvement"),
        ("Anytown narrowly avoided an inadequate rating, the report shows.", "inadequate"),
        ("The council jumped straight past the 'requires improvement' grade.", "requires-improvement"),
    ):
        assert skipped not in [g for g, _, _ in _grades(sentence)], sentence
    # the grade the skipped one is measured against is still read
    assert [g for g, _, _ in _grades("It leapfrogged the RI grade and was rated 'Good' overall.")] == ["good"]


def test_a_second_grade_dated_in_its_own_elliptical_clause():
    x = run(
        "Westshire's long road to good\n| 4 July 2024\n"
        "The service has come a long way since 2010, when Ofsted identified the service as 'inadequate' and then in "
        "2016 as 'requires improvement'.\n"
    )
    assert {("2010", "inadequate"), ("2016", "requires-improvement")} <= _graded(x)
    y = run(
        "Northvale children's services\n| 2 May 2023\n"
        "Services were rated good in 2012, and in March 2017 as outstanding.\n"
    )
    assert {("2012", "good"), ("2017-03", "outstanding")} <= _graded(y)
    z = run("Eastmoor update\n| 9 June 2021\nInspectors rated the council in 2018 as 'requires improvement'.\n")
    assert ("2018", "requires-improvement") in _graded(z)


def test_a_sentence_opening_on_that_time_is_marked_as_grading_the_event_named_before():
    for sentence in (
        "At this time York was judged to be 'Good' in all areas.",
        "At that time, the council's services were rated inadequate.",
        "On that occasion inspectors judged the service to be outstanding.",
        "At the time of that inspection the authority was rated 'requires improvement'.",
    ):
        (j,) = find_judgements(sentence, 0, len(sentence))
        assert j.last_named, sentence
    (j,) = find_judgements("In 2019 the council was rated good.", 0, 35)
    assert not j.last_named


def _subjects(sentence: str) -> list[str | None]:
    return [subject_council(sentence, j, 0) for j in find_judgements(sentence, 0, len(sentence))]


def test_the_council_named_as_the_subject_of_a_grade():
    assert _subjects("It hopes to follow a similar path to Westshire Council which was rated 'Good' in August.") == [
        "Westshire Council"
    ]
    assert _subjects("Eastshire County Council is rated as outstanding in all of Ofsted's judgement areas.") == [
        "Eastshire County Council"
    ]
    assert _subjects("The London Borough of Anytown's children's services were judged to be good.") == [
        "London Borough of Anytown"
    ]
    assert _subjects("Newby and Oldtown Borough Council, which Ofsted rated inadequate in 2019, has improved.") == [
        "Newby and Oldtown Borough Council"
    ]
    # no council named as the subject
    assert _subjects("In 2019, Ofsted rated the council good.") == [None]
    assert _subjects("The council's children's services were rated inadequate by Ofsted.") == [None]


def test_the_single_inspection_frameworks_whole_service_as_the_object_is_the_overall_grade():
    for sentence, grade in (
        (
            "This follows Ofsted's last published report in June 2014 which rated the council's services for "
            "children in need of help and protection, children looked after and care leavers as 'inadequate'.",
            "inadequate",
        ),
        (
            "In 2015 inspectors judged Anyshire's services for children in need of help and protection, children "
            "looked after and care leavers to be good.",
            "good",
        ),
        (
            "The 2016 inspection found the services for children who need help and protection, children looked "
            "after and care leavers as requires improvement.",
            "requires-improvement",
        ),
    ):
        assert [(g, a) for g, a, _ in _grades(sentence)] == [(grade, ())], sentence


def test_around_names_the_areas_a_grade_is_for():
    (j,) = _grades("The services 'require improvement to be good' around 'children who need help and protection'.")
    assert j[:2] == ("requires-improvement", ("help-and-protection",))
    (k,) = _grades("Ofsted rated the service good around the experiences and progress of children in care.")
    assert k[:2] == ("good", ("children-in-care",))


def test_a_count_of_some_areas_split_from_its_verb_by_a_relative_clause_is_no_overall_grade():
    for sentence in (
        "Despite the overall rating, three of the five key areas that have been inspected were classified as good.",
        "Two out of the four judgement areas, which inspectors looked at closely, were judged outstanding.",
        "Four of its five areas that Ofsted reviewed were rated good.",
    ):
        assert [a for _, a, _ in _grades(sentence)][-1] == ("partial",), sentence
    # a count that is not the grade's subject leaves the grade overall
    assert _grades("Ofsted, which looked at four areas, rated the council good.") == [("good", (), False)]


# --- a grade bound by its sentence: "At that time …" to the event named before; another council's grade to it


def test_a_grade_in_a_sentence_opening_on_that_time_goes_to_the_event_named_before():
    for text in (
        "Report to Cabinet, 4 July 2022\nOfsted inspected the council between 7 and 18 March 2022.\n"
        "The last full inspection of children's services was in November 2016. At this time Anyshire was judged "
        "to be 'Good' in all areas.\n",
        "Report to Cabinet, 4 July 2022\nOfsted inspected the council between 7 and 18 March 2022.\n"
        "The previous inspection took place in May 2015. At that time, the council's services were rated inadequate.\n",
        "Report to Cabinet, 4 July 2022\nOfsted inspected the council between 7 and 18 March 2022.\n"
        "Ofsted last carried out a full inspection in June 2017. On that occasion inspectors judged the service to "
        "be outstanding.\n",
    ):
        graded = _graded(run(text))
        assert ("2022-03-07", None) in graded, text
        assert any(start.startswith(("2016", "2015", "2017")) and j for start, j in graded), text


def test_another_councils_grade_is_not_the_pages():
    x = run(
        "Rutland County Council children's services rated 'inadequate'\n| 3 December 2025\n"
        "Rutland County Council has been rated 'inadequate' after Ofsted's inspection in November 2024.\n"
        "It hopes to follow a similar path to Cornwall Council, which was rated 'Good' in August.\n"
        "Rutland County Council said its first monitoring visit took place in September.\n"
    )
    graded = _graded(x)
    assert ("2024-11", "inadequate") in graded
    assert all(j != "good" for _, j in graded)
