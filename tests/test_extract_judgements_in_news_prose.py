"""Grades and inspections as news copy and council reports tell them in words the development pages do not use:
the scale's end for the grade ("the lowest possible rating"), a re-assessment ("reassessed by Ofsted to be …"), a
grade "awarded by Ofsted in 2022", "its inadequate grading", a headline's grade, inspectors as the subject that
assessed the services, an in-depth inspection, a report news copy reports in the present tense (published on the
page's date), a grade left behind ("following a judgement of inadequate"), a sub-judgement's subject split by a
relative clause, and an inspection named only as an earlier one than the page's. Every text is made up."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate as D

from .conftest import extract_text as run


def rows(x) -> set[tuple[str, str | None, str | None, str | None]]:
    return {
        (i.kind, i.start.iso() if i.start else None, i.end.iso() if i.end else None, i.judgement) for i in x.inspections
    }


# ------------------------------------------------------------ the scale's end named instead of the grade


@pytest.mark.parametrize(
    "sentence, year, grade",
    [
        (
            "Inspectors handed the department the lowest possible rating in 2021 after finding children at risk.",
            "2021",
            "inadequate",
        ),
        ("Ofsted gave Anytown's children's services its highest rating in 2023.", "2023", "outstanding"),
        ("The council received the worst Ofsted grade in 2019.", "2019", "inadequate"),
    ],
)
def test_the_lowest_or_highest_rating_is_a_grade(sentence, year, grade):
    assert rows(run("News\n" + sentence + "\n")) == {("ilacs", year, None, grade)}


def test_the_lowest_rate_of_something_is_no_grade():
    x = run("Report\nAnyshire had the lowest rate of re-referrals in the region in 2022, inspectors noted.\n")
    assert not any(i.judgement for i in x.inspections)


# ------------------------------------------------------------ a grade told with words of a re-assessment or award


@pytest.mark.parametrize(
    "sentence, start, grade",
    [
        (
            "After several monitoring visits, the service was reassessed by Ofsted to be 'Requires Improvement' in March 2022.",
            "2022-03",
            "requires-improvement",
        ),
        ("The department was re-rated as good in October 2021.", "2021-10", "good"),
        ("Children's services were re-graded to be outstanding in May 2024.", "2024-05", "outstanding"),
    ],
)
def test_a_re_assessment_grades_an_inspection(sentence, start, grade):
    assert ("ilacs", start, None, grade) in rows(run("Report\n" + sentence + "\n"))


@pytest.mark.parametrize(
    "sentence, year, grade",
    [
        ("This keeps the Good rating that Anytown was previously awarded by Ofsted in 2019.", "2019", "good"),
        ("It follows the inadequate grade the council was given by inspectors in 2022.", "2022", "inadequate"),
        (
            "Members recalled the outstanding rating that the service was handed by the regulator in 2018.",
            "2018",
            "outstanding",
        ),
    ],
)
def test_a_grade_awarded_by_ofsted_in_a_year(sentence, year, grade):
    assert ("ilacs", year, None, grade) in rows(run("News\n" + sentence + "\n"))


def test_a_grading_received_in_a_month():
    x = run("Report\nThis was a significant factor in the Council receiving its inadequate grading in March 2020.\n")
    assert rows(x) == {("ilacs", "2020-03", None, "inadequate")}


@pytest.mark.parametrize(
    "headline",
    [
        "Council's children's services 'inadequate', Ofsted warn",
        "Borough's children's services 'good', says Ofsted",
        "County children's services 'outstanding' - inspectors",
    ],
)
def test_a_headlines_grade_goes_to_the_report_news_copy_reports(headline):
    x = run(
        "News\nSam Writer 12 March 2019\n\n"
        + headline
        + "\n\nAn inspection of the council's children's services finds "
        "that leaders have acted too slowly.\n"
    )
    assert [(i.published.iso() if i.published else None, i.judgement) for i in x.inspections] == [
        (
            "2019-03-12",
            {"'inadequate'": "inadequate", "'good'": "good"}.get(headline.split()[3].rstrip(","), "outstanding"),
        )
    ]


# ------------------------------------------------------------ inspections told by their subject or their depth


@pytest.mark.parametrize(
    "sentence, start",
    [
        ("Ofsted's inspectors assessed Anytown Council's children's services over two weeks in May 2023.", "2023-05"),
        ("Inspectors assessed the county's services for three weeks in November 2022.", "2022-11"),
        ("A three-week in-depth inspection was carried out in February 2024.", "2024-02"),
    ],
)
def test_an_inspection_told_by_its_subject_or_its_depth(sentence, start):
    x = run("News\n" + sentence + " They judged the services to be good.\n")
    assert rows(x) == {("ilacs", start, None, "good")}


def test_inspectors_assessing_something_else_is_no_inspection():
    x = run("Report\nInspectors assessed the quality of 40 case files in May 2023.\n")
    assert not x.inspections


# ------------------------------------------------------------ news copy's present tense: the report of the page's date


@pytest.mark.parametrize(
    "sentence",
    [
        "An inspection of Anytown council's children's social care services acknowledges that leaders have acted.",
        "Services for children need to improve quickly, says an Ofsted report.",
        "The Ofsted report finds that too many children wait too long for help.",
    ],
)
def test_a_report_news_copy_tells_in_the_present_tense_is_published_on_its_date(sentence):
    x = run("News\nJo Reporter 14 June 2016\n\nCouncil criticised\n\n" + sentence + "\n")
    assert [(i.kind, i.start, i.published.iso() if i.published else None) for i in x.inspections] == [
        ("sif", None, "2016-06-14")
    ]


def test_a_council_report_quoting_an_old_report_in_the_present_tense_is_not_news():
    x = run(
        "Report to Cabinet\nDate: 14 June 2016\nThe Ofsted report finds that too many children wait too long.\n",
        published=D(2016, 6, 14),
    )
    assert not x.inspections


@pytest.mark.parametrize(
    "dateline",
    [
        "Published today (Monday 23 May), the report follows an inspection in February and March.",
        "The council said today (Monday, 23 May) that the inspection in February and March had been fair.",
        "Released today (Monday 23rd May), the report follows an inspection in February and March.",
    ],
)
def test_today_by_weekday_takes_the_one_stated_year_it_falls_in(dateline):
    x = run("Inspection report 2016\n\nNews from 2016 and 2015\n\n" + dateline + "\n")
    assert x.date == D(2016, 5, 23)


def test_today_by_weekday_with_no_stated_year_that_fits_gives_no_date():
    x = run("Inspection report 2017\n\nPublished today (Monday 23 May), the report.\n")
    assert x.date is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Jane Smith 06 April 2016", D(2016, 4, 6)),
        ("News Release PR1234 - published on 24 February 2026", D(2026, 2, 24)),
        ("Press release 77 | published 3 March 2020", D(2020, 3, 3)),
    ],
)
def test_a_dateline_after_a_byline_or_a_release_number(line, expected):
    x = run("Accessibility\n\n" + line + "\n\nSome news about children's services.\n")
    assert x.date == expected


# ------------------------------------------------------------ grades that are not the event's own


@pytest.mark.parametrize(
    "sentence",
    [
        "This is a re-inspection of services in Anytown, following a judgement of inadequate for overall effectiveness.",
        "The visit came after a rating of inadequate for overall effectiveness.",
        "The council was re-inspected following an overall judgement of inadequate.",
    ],
)
def test_a_judgement_an_event_follows_is_no_grade_of_a_later_one(sentence):
    x = run(
        "Report\nOfsted inspected the council's children's services between 2 and 13 October 2017. "
        + sentence
        + " Services now require improvement to be good.\n"
    )
    assert ("sif", "2017-10-02", "2017-10-13", "requires-improvement") in rows(x)


def test_welcomed_following_a_rating_keeps_the_rating():
    x = run(
        "News\nOfsted inspected the service between 6 and 17 March 2023. Councillors welcomed the report following an "
        "'outstanding' rating from the watchdog.\n"
    )
    assert rows(x) == {("ilacs", "2023-03-06", "2023-03-17", "outstanding")}


@pytest.mark.parametrize(
    "subject",
    [
        "the majority of areas that were",
        "most of the judgements, which were",
        "several of the key areas that had been",
    ],
)
def test_some_areas_split_from_their_verb_by_a_relative_clause_are_no_overall_grade(subject):
    x = run(
        "Report\nSince the previous inspection in 2012, " + subject + " found to require improvement have improved.\n"
    )
    assert not any(i.judgement for i in x.inspections)


@pytest.mark.parametrize(
    "earlier",
    [
        "Services had improved markedly since the previous inspection in 2014.",
        "Services had deteriorated since previous inspections in 2012 and 2013.",
        "The prior inspection in 2015 had raised concerns.",
    ],
)
def test_an_undated_grade_is_not_of_an_inspection_named_as_an_earlier_one(earlier):
    x = run("News\nOfsted has rated Anyshire's children's services outstanding. " + earlier + "\n")
    assert not any(i.judgement for i in x.inspections)


def test_an_undated_grade_still_goes_to_the_last_inspection():
    x = run("News\nThe last inspection was in 2019. Ofsted has rated the services good.\n")
    assert rows(x) == {("ilacs", "2019", None, "good")}


@pytest.mark.parametrize(
    "sentence, later",
    [
        (
            "Services were rated inadequate in 2014, but were upgraded to 'requires improvement' following Ofsted's "
            "most recent full inspection in 2016.",
            ("sif", "2016", None, "requires-improvement"),
        ),
        (
            "The council was judged good in 2015 and was then downgraded to inadequate after the regulator's "
            "inspection in 2019.",
            ("ilacs", "2019", None, "inadequate"),
        ),
        (
            "Rated requires improvement in 2016, the service was raised to good following inspectors' visit in 2021.",
            ("ilacs", "2021", None, "good"),
        ),
    ],
)
def test_the_grade_an_inspection_moved_the_services_to(sentence, later):
    assert later in rows(run("News\n" + sentence + "\n"))
