"""Inspections and judgements, round 2 of issue 14: classes the second batch of made-up pages showed, each written
here in other words (made-up councils, people and sentences in the style of council papers). Expected values follow
../shared/ANNOTATION.md."""

from __future__ import annotations

from caregraph.pipeline.dates import find_dates
from caregraph.records import PartialDate as D

from .conftest import extract_text

PAGE_DATE = D(2024, 7, 10)


def run(*lines: str, published: D | None = PAGE_DATE):
    text = "Anyshire Council\nCorporate Parenting Panel minutes\n\n" + "\n".join(lines) + "\n\nThe meeting closed.\n"
    return extract_text(text, published=published)


def events(x) -> set[tuple[str, str | None, str | None, str | None]]:
    """(kind, start, end, judgement) of each inspection."""
    return {
        (i.kind, i.start.iso() if i.start else None, i.end.iso() if i.end else None, i.judgement) for i in x.inspections
    }


def spans(text: str, anchor: D | None = PAGE_DATE, **kw) -> list[tuple[str, str | None, str]]:
    return [
        (d.date.iso(), d.until.iso() if d.until else None, text[d.start : d.end])
        for d in find_dates(text, anchor, **kw)
    ]


# ------------------------------------------------------------------------------------------------ dates


def test_month_first_days_across_two_months_with_one_year():
    assert spans("on site from October 28 to November 8, 2024, inspectors met") == [
        ("2024-10-28", "2024-11-08", "October 28 to November 8, 2024")
    ]


def test_days_and_a_month_this_year_take_the_year_the_words_give():
    assert spans("Inspectors came back on 2 and 3 May this year for the fourth time.", D(2024, 9, 1)) == [
        ("2024-05-02", "2024-05-03", "2 and 3 May this year")
    ]
    assert spans("a visit on 9 March last year") == [("2023-03-09", None, "9 March last year")]


def test_a_month_this_year_restated_in_brackets_needs_no_anchor():
    assert spans("the annual engagement meeting was held in October this year (2022).", None) == [
        ("2022-10", None, "October this year (2022)")
    ]


def test_a_month_first_day_without_a_year_after_on():
    assert spans("Council will debate the letter on March 4.", D(2024, 2, 1), future=True) == [
        ("2024-03-04", None, "March 4")
    ]


def test_a_span_of_the_next_year_is_no_date():
    assert spans("A full inspection is likely within the next year.") == []
    assert spans("the area was inspected last year") == [("2023", None, "last year")]


def test_a_year_before_a_judgement_noun_is_a_date():
    assert spans("since the 2020 rating of requires improvement", None) == [("2020", None, "2020")]


# ------------------------------------------------------------------------------------------------ kinds


def test_an_inspection_by_the_probation_inspectorate_is_another_services():
    x = run(
        "The Head of Service said HM Inspectorate of Probation had inspected the service in the week of 3 June 2024."
    )
    assert {e[0] for e in events(x)} == {"other"}


def test_the_grade_in_the_next_sentence_about_the_service_goes_to_that_inspection():
    x = run(
        "The Head of Service said HM Inspectorate of Probation had inspected the youth team from 4 to 8 March 2024. "
        "The service was rated good overall."
    )
    assert events(x) == {("other", "2024-03-04", "2024-03-08", "good")}


def test_a_grade_after_the_pages_anchor_but_told_as_done_is_kept():
    # no page date: relative dates are read against the first date the page states (May 2023)
    x = run(
        "On 5 May 2023 Ofsted began a standard inspection.",
        "Members heard that the youth team had been inspected by HMI Probation in October 2023 and rated 'Good'.",
        published=None,
    )
    assert ("other", "2023-10", None, "good") in events(x)


def test_an_adequate_grade_belongs_to_the_frameworks_before_the_sif():
    x = run("The council recalled that its services were judged adequate in 2015, before the current framework.")
    assert events(x) == {("earlier-framework", "2015", None, "adequate")}


def test_a_date_of_something_else_in_a_sentence_about_an_inspection():
    x = run(
        "The Minister appointed a commissioner in April 2016, after the inspection of services for children in need "
        "of help and protection, children looked after and care leavers in 2015 found them inadequate."
    )
    # (round 20: the commissioner appointed is the commissioner's review, begun then: the date is not the SIF's)
    assert events(x) == {("sif", "2015", None, "inadequate"), ("commissioner-review", "2016-04", None, None)}
    x = run(
        "AGREED: to note the outcome of the JTAI; and that the action plan, due for submission by 9 September 2024, be circulated."
    )
    assert x.inspections == ()


def test_a_framework_that_was_replaced_is_no_event():
    x = run(
        "This is the first inspection under the new framework, which replaced the single inspection framework this year."
    )
    assert not any(e[0] == "sif" for e in events(x))


# ------------------------------------------------------------------------------------------------ mentions


def test_a_further_visit_in_the_same_sentence_is_of_the_kind_just_named():
    x = run("The Director said Ofsted made a monitoring visit in mid-January 2024 and a second visit in May 2024.")
    assert events(x) == {("monitoring-visit", "2024-01", None, None), ("monitoring-visit", "2024-05", None, None)}


def test_inspectors_who_had_been_in_a_place_between_dates():
    x = run(
        "The Director reported that inspectors had been in Anytown from 11 to 22 March 2024. Services were judged good overall."
    )
    assert events(x) == {("ilacs", "2024-03-11", "2024-03-22", "good")}


# ------------------------------------------------------------------------------------------------ judgements


def test_a_second_grade_coordinated_with_the_first_goes_to_the_inspection_it_names():
    x = run(
        "Members were reminded that the service was judged inadequate at the inspection in June 2016, and again "
        "inadequate at the ILACS inspection from 4 to 15 March 2024."
    )
    assert events(x) == {("sif", "2016-06", None, "inadequate"), ("ilacs", "2024-03-04", "2024-03-15", "inadequate")}


def test_a_grade_without_a_verb_coordinated_after_a_dated_grade():
    x = run(
        "The authority, judged inadequate in March 2016 and requires improvement at the inspection in 2019, has improved."
    )
    assert events(x) == {("sif", "2016-03", None, "inadequate"), ("ilacs", "2019", None, "requires-improvement")}


def test_a_review_held_alongside_an_inspection_shares_its_dates_and_takes_the_sentences_grade():
    x = run(
        "The Chair recalled that the Local Safeguarding Children Board was reviewed by Ofsted alongside the "
        "inspection from 7 to 25 November 2016 and was judged good."
    )
    assert events(x) == {("lscb-review", "2016-11-07", "2016-11-25", "good"), ("sif", "2016-11-07", "2016-11-25", None)}


def test_a_commissioner_who_begins_reviewing():
    x = run("In 2024 the council saw a DfE-appointed Commissioner begin reviewing its services in March 2024.")
    assert {e[:2] for e in events(x)} == {("commissioner-review", "2024-03")}


def test_a_stocktake_letter_of_a_government_department():
    x = run("Officers summarised the Department for Education and NHS England Stocktake Letter (February 2024).")
    # a letter's date in brackets is its publication date: the event is known by it
    assert [(i.kind, i.start, i.published.iso() if i.published else None) for i in x.inspections] == [
        ("other", None, "2024-02")
    ]


def test_a_weeks_long_inspection():
    x = run("During a three-week long inspection in May 2015, inspectors spoke to social workers.")
    assert {e[:2] for e in events(x)} == {("sif", "2015-05")}


def test_an_annual_conversation_named_with_no_other_inspection_word():
    x = run("The annual conversation took place on 14 May 2024.")
    assert {e[:2] for e in events(x)} == {("annual-engagement-meeting", "2024-05-14")}


def test_the_whole_services_title_is_not_an_area():
    x = run(
        "The inspection of services for children in need of help and protection, children looked after and care "
        "leavers in 2016 found them to be good."
    )
    assert events(x) == {("sif", "2016", None, "good")}


def test_require_improvement_as_the_verb_after_whose_services():
    x = run(
        "Inspectors say services for children in Anytown now ‘require improvement to be good’, up from the inadequate "
        "rating given in 2018. The inspection took place from 4 to 15 March 2024."
    )
    assert events(x) == {
        ("ilacs", "2018", None, "inadequate"),
        ("ilacs", "2024-03-04", "2024-03-15", "requires-improvement"),
    }


def test_an_outcome_that_had_been_one_of_a_grade_under_the_earlier_title():
    x = run(
        "He recalled that the result of the last inspection of safeguarding and looked after children services, "
        "in 2009, had been one of 'Good'."
    )
    assert events(x) == {("earlier-framework", "2009", None, "good")}


def test_a_date_before_the_inspectorate_as_subject_of_a_judging_verb():
    x = run("In May 2023 inspectors rated the borough's services for children as good.")
    assert events(x) == {("ilacs", "2023-05", None, "good")}


def test_two_grades_each_with_its_year_in_one_clause():
    x = run("Anyshire's services for children were rated inadequate in 2018 and good in 2022.")
    assert events(x) == {("ilacs", "2018", None, "inadequate"), ("ilacs", "2022", None, "good")}


def test_services_that_remain_a_grade_after_an_inspection():
    x = run("After a short inspection in November 2023, the council's services remain outstanding.")
    assert events(x) == {("ilacs-short", "2023-11", None, "outstanding")}


def test_the_sifs_own_areas_tell_a_sif_inspection_in_the_year_ilacs_began():
    x = run(
        "The inspection took place from 7 to 25 May 2018. Inspectors concluded that the council's services remain "
        "requires improvement.",
        "Leadership, management and governance: Requires improvement",
    )
    assert {e[:2] for e in events(x)} == {("sif", "2018-05-07")}
    x = run("The inspection took place from 7 to 25 May 2018. The impact of leaders was judged good.")
    assert {e[:2] for e in events(x)} == {("ilacs", "2018-05-07")}
