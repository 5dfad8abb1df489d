"""Inspections and judgements, round 6: the error classes of the fifth real set, each written here in other words
(made-up councils, people and sentences in the style of council papers and local news). Expected values follow
../shared/ANNOTATION.md."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate as D

from .conftest import dated_grades as grades
from .conftest import extract_text
from .conftest import panel_minutes as run
from .conftest import published_events as events

# ------------------------------------------------------------------------------------------------ judging frames


@pytest.mark.parametrize(
    "sentence",
    [
        "In March 2016 the council was found to be ‘Overall Inadequate’; progress has since been made.",
        "In March 2016 the authority was judged 'overall inadequate' by inspectors.",
        "In March 2016 Westshire’s services were rated “Overall Inadequate”.",
    ],
)
def test_overall_inside_the_quoted_grade(sentence):
    assert ("2016-03", "inadequate") in grades(run(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "In May 2013 an unannounced Ofsted inspection found that the county’s safeguarding arrangements for children "
        "were inadequate.",
        "In May 2013 the Ofsted inspection found that the council's services for children were inadequate.",
        "In May 2013 an inspection found that the authority was inadequate, and a board was set up.",
    ],
)
def test_an_inspection_that_found_that_the_services_were_a_grade(sentence):
    assert ("2013-05", "inadequate") in grades(run(sentence))


def test_found_that_a_thing_was_good_at_something_is_no_grade():
    x = run("In May 2013 an Ofsted inspection found that the council was good at listening to children.")
    assert ("2013-05", "good") not in grades(x)


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2021 the service was able to retain its ‘good’ grading despite the pandemic.",
        "In 2021 the council was able to keep its ‘good’ rating.",
        "By retaining ‘good’ once again in 2021, the council has shown its strength.",
    ],
)
def test_a_grade_kept_with_its_date(sentence):
    assert ("2021", "good") in grades(run(sentence))


def test_a_hoped_for_grade_is_still_none():
    assert grades(run("In 2021 the council aims to retain its ‘good’ rating.")) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Ofsted then graded the service, along with the partnership, as “inadequate” in July 2015.",
        "Inspectors judged the council, for the second time, as 'inadequate' in July 2015.",
        "Ofsted rated Anyshire, like its neighbour, as inadequate in July 2015.",
    ],
)
def test_a_parenthesis_between_the_judged_thing_and_its_grade(sentence):
    assert ("2015-07", "inadequate") in grades(run(sentence))


@pytest.mark.parametrize(
    "sentence, years",
    [
        ("Inspections led to the county being judged as an Outstanding service in both 2007 and 2010.",
         ("2007", "2010")),
        ("The council was rated good in both 2016 and 2019.", ("2016", "2019")),
        ("It said the services were rated inadequate in 2013, external and 2016, external.", ("2013", "2016")),
    ],
)  # fmt: skip
def test_grades_dated_by_a_list_of_years(sentence, years):
    x = run(sentence)
    assert {y for y, g in grades(x) if g} >= set(years)


def test_a_grade_of_an_undated_event_the_sentence_introduces_goes_to_no_other():
    x = run(
        "The last inspection took place in June 2019.",
        "A recent Ofsted inspection has found the help, protection and care that children receive to be good.",
    )
    assert grades(x) == {("2019-06", None)}
    x = run(
        "The last inspection took place in June 2019.",
        "Services were rated good overall by Ofsted following a four-week inspection in the autumn.",
    )
    assert grades(x) == {("2019-06", None)}


def test_a_grade_retained_after_an_undated_event_is_the_earlier_ones_too():
    x = run(
        "The council will retain its ‘Requires Improvement’ judgement following a recent Ofsted inspection.",
        "The full inspection was the first since 2019.",
    )
    assert ("2019", "requires-improvement") in grades(x) or x.inspections == ()


# ------------------------------------------------------------------------------------------------ kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "Members discussed the November 2024 Ofsted inspection of Westshire’s SEND services.",
        "The Ofsted inspection of the borough's SEND provision in November 2024 found weaknesses.",
        "Following the inspection into special educational needs services in November 2024, a plan was written.",
    ],
)
def test_an_inspection_of_the_send_services_is_the_area_send_inspection(sentence):
    assert {e[0] for e in events(run(sentence))} == {"send-area"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chair introduced the February 2023 Ofsted inspection report of children’s services in the borough.",
        "Members noted the June 2022 Ofsted inspection letter of children's services.",
        "The panel welcomed the March 2023 Ofsted inspection report into the council’s children’s services.",
    ],
)
def test_a_dated_inspection_report_of_childrens_services_is_ilacs(sentence):
    x = run(sentence)
    assert {(e[0], e[1], e[2]) for e in events(x)} in (
        {("ilacs", "2023-02", None)},
        {("ilacs", "2022-06", None)},
        {("ilacs", "2023-03", None)},
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "A council-run children’s home has been rated ‘outstanding’ by inspectors, following an Office for Standards "
        "in Education (Ofsted) inspection in January 2022.",
        "The county’s respite home was judged good, after an Ofsted inspection in January 2022.",
        "Anytown’s fostering service has been rated ‘outstanding’ by the regulator, following its inspection in "
        "January 2022.",
    ],
)
def test_a_sentence_whose_subject_is_another_service(sentence):
    assert {(e[0], e[1]) for e in events(run(sentence, published=D(2022, 2, 24)))} == {("other", "2022-01")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The panel noted the deep dive the Commissioner had carried out on 5 and 6 September 2018.",
        "The diagnostic the commissioner conducted in March 2021 found weaknesses.",
        "Members discussed the stocktake that the commissioner completed in May 2020.",
    ],
)
def test_an_exercise_the_commissioner_carried_out(sentence):
    assert {e[0] for e in events(run(sentence))} == {"commissioner-review"}


def test_a_commissioner_doing_something_else_is_no_review():
    assert run("The commissioner carried out interviews with staff in May 2020.").inspections == ()


# ------------------------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    "sentence",
    [
        "The authority was re-inspected in March 2017. The DfE lifted the notice on 13 June 2017 when the Ofsted "
        "inspection was published.",
        "The authority was re-inspected in March 2017. The direction was revoked on 13 June 2017, when the Ofsted "
        "report was published.",
        "The authority was re-inspected in March 2017. Its improvement board stood down on 13 June 2017 when its "
        "inspection report was released.",
    ],
)
def test_a_date_when_the_report_was_published(sentence):
    assert {(e[1], e[2]) for e in events(run(sentence))} == {("2017-03", "2017-06-13")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The inspection was the second monitoring visit since children’s services transferred to the Trust in April.",
        "It was the third monitoring visit since the new director joined the council in March.",
        "At the first inspection since registering in 2020, the home was praised.",
    ],
)
def test_the_date_of_a_clause_a_series_is_counted_from(sentence):
    assert all(e[1] not in ("2024-04", "2024-03", "2020") for e in events(run(sentence)))


def test_a_date_counted_from_still_dates_a_grade():
    x = run("It was the third monitoring visit since the local authority was judged inadequate in July 2022.")
    assert ("2022-07", "inadequate") in grades(x)


@pytest.mark.parametrize(
    "sentence",
    [
        "In November last year an Ofsted report criticised the council's children's services.",
        "In November last year a report from Ofsted criticised the services.",
        "Last November the Ofsted report found serious weaknesses.",
    ],
)
def test_a_report_dated_by_the_time_its_sentence_opens_on(sentence):
    x = run(sentence, published=D(2017, 9, 15))
    assert {(e[1], e[2]) for e in events(x)} == {(None, "2016-11")}


def test_a_year_known_only_from_the_url_dates_the_pages_relative_dates():
    """Issue 14: "published today", "last year" are read against the page's own date, its URL's included (the gold
    of the real sets, following ANNOTATION.md's "only what the text states", leaves such events out: a known
    conflict, docs/quality.md)."""
    text = "Children's services rated good\n\nIn a letter published today, Ofsted praised the council's services.\n"
    x = extract_text(text, url="https://news.example.gov.uk/2016/12/services-rated-good/")
    assert [i.published for i in x.inspections] == [D(2016, 12)]
    text = "Children's services rated good\n\nOfsted visited for two days in November last year.\n"
    x = extract_text(text, url="https://news.example.gov.uk/news/2024/services-progressing/")
    assert events(x) == {("focused-visit", "2023-11", None, None)}


def test_a_year_the_text_states_still_dates_an_event_on_a_page_with_a_dated_url():
    text = "Children's services rated good\n\nOfsted visited for two days in November 2023.\n"
    x = extract_text(text, url="https://news.example.gov.uk/news/2024/services-progressing/")
    assert events(x) == {("focused-visit", "2023-11", None, None)}


# ------------------------------------------------------------------------------------------------ the page's date


@pytest.mark.parametrize(
    "head, day",
    [
        (" date 2017-09-15 Get daily updates directly to your inbox + Subscribe Thank you for subscribing! Could not",
         "2017-09-15"),
        ("Council judged inadequate\nJoe Bloggs\nTuesday, January 24, 2017\n", "2017-01-24"),
        ("Published: 2019-03-04\n", "2019-03-04"),
    ],
)  # fmt: skip
def test_datelines_in_other_forms(head, day):
    x = extract_text(head + "\n\nThe council's children's services were discussed.\n")
    assert x.date is not None and x.date.iso() == day


def test_a_long_line_with_an_iso_date_inside_is_no_dateline():
    head = "The meeting agreed a long list of things to do and noted that the plan dated 2017-09-15 was out of date.\n"
    assert extract_text(head).date is None


# ------------------------------------------------------------------------------------------------ the LSCB


def test_a_grade_for_the_board_makes_no_second_event():
    x = run(
        "Ofsted inspected services for children in need of help and protection, children looked after and care "
        "leavers from 20 January to 11 February 2015.",
        "The inspectors judged the council's services good overall.",
        "In addition the Inspectors judged the Local Safeguarding Children Board as Good.",
    )
    assert [i.kind for i in x.inspections] == ["sif"]
    assert x.inspections[0].judgement == "good"
    assert ("lscb", "good") in {(s.area, s.judgement) for s in x.inspections[0].sub_judgements}


# ------------------------------------------------------------------------------------------------ more wordings


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("Before that in 2018, Ofsted inspectors said the service needed improving, as practice was weak.", "2018"),
        ("In 2017 inspectors found that the council's services needed improvement.", "2017"),
        ("In 2019, Ofsted said the council needs improvement.", "2019"),
    ],
)
def test_needing_improvement_said_of_the_services(sentence, day):
    assert (day, "requires-improvement") in grades(run(sentence))


def test_needing_improvement_in_a_named_respect_is_no_grade():
    x = run("In 2017 the inspection found that the service needs improvement in how it listens to children.")
    assert ("2017", "requires-improvement") not in grades(x)


@pytest.mark.parametrize(
    "sentence, month",
    [
        ("The authority began working with a government-appointed commissioner in September 2022.", "2022-09"),
        ("In March 2021 the council started work with the DfE commissioner.", "2021-03"),
        ("Westshire began working with its new commissioner in May 2020, after the inspection.", "2020-05"),
    ],
)
def test_work_with_a_commissioner_begun(sentence, month):
    assert ("commissioner-review", month, None, None) in events(run(sentence))


def test_a_commissioner_appointed_is_the_review_begun_then():
    # (round 20: was "still no review"; under ANNOTATION.md a commissioner review is an event the text dates, and the
    # annotation gold dates it by the appointment: "The Department for Education has today appointed a Commissioner
    # to identify improvements", "appointed … as commissioner for children's services")
    assert ("commissioner-review", "2016-04", None, None) in events(
        run("The Minister appointed a commissioner in April 2016.")
    )


@pytest.mark.parametrize(
    "lines, kind, day",
    [
        (("Ofsted had notified the council of the findings of its monitoring visit.",
          "This was released on 2nd December 2016, and would be used to assess progress."),
         "monitoring-visit", "2016-12-02"),
        (("The report of the focused visit was discussed.", "It was published on 3 May 2022."), "focused-visit",
         "2022-05-03"),
        (("Ofsted shared the outcome of its focused visit with the council.", "It was released in March 2021."),
         "focused-visit", "2021-03"),
    ],
)  # fmt: skip
def test_an_undated_events_report_released_in_the_next_sentence(lines, kind, day):
    assert events(run(*lines)) == {(kind, None, day, None)}


def test_a_next_sentence_that_releases_nothing():
    x = run("Ofsted shared the outcome of its focused visit with the council.", "It was a good day in March 2021.")
    assert x.inspections == ()
    x = run(
        "Ofsted shared the outcome of its focused visit.", "The plan was agreed.", "It was published on 3 May 2022."
    )
    assert x.inspections == ()


@pytest.mark.parametrize(
    "lines, kind, start",
    [
        (("These are the findings of Ofsted inspectors, who inspected work done by the Trust during a visit last month.",
          "The inspection was focused on child protection, and was the second monitoring visit since the Trust began "
          "in April."), "monitoring-visit", "2024-06"),
        (("Ofsted inspectors were on site in October 2023.", "It was the fourth monitoring visit since the judgement."),
         "monitoring-visit", "2023-10"),
        (("Inspectors visited the council in May 2023.", "The visit was a focused visit looking at care leavers."),
         "focused-visit", "2023-05"),
    ],
)  # fmt: skip
def test_the_next_sentence_says_what_kind_the_visit_was(lines, kind, start):
    assert {(e[0], e[1]) for e in events(run(*lines))} == {(kind, start)}


def test_a_next_sentence_that_names_a_kind_to_come_changes_nothing():
    x = run("Inspectors visited the council in June 2019.", "It was a good day, and a monitoring visit will follow.")
    assert {e[0] for e in events(x)} == {"other"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The second monitoring visit of the Children's Trust took place in May 2023.",
        "The Trust had its third monitoring visit in May 2023.",
        "Ofsted's monitoring visit to the children's services trust took place in May 2023.",
    ],
)
def test_a_childrens_services_trust_is_no_other_service(sentence):
    assert {e[0] for e in events(run(sentence))} == {"monitoring-visit"}


def test_a_health_trust_is_another_service():
    assert {e[0] for e in events(run("The inspection of the NHS trust took place in May 2023."))} == {"other"}
