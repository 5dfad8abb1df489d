"""Round 20 (helper ``cues``): inspection events named in other words, and the dates bound to them.

Made-up text in the style of council news, local papers and scrutiny reports (none copied from a page). Each positive
case fails on the base code (3768735); the guards are near misses that must give no event (or no other event).
"""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate as D

from .conftest import extract_text, published_events


def events(text: str, published: D | None = None) -> set[tuple[str, str | None, str | None, str | None]]:
    """(kind, start, publication date, judgement) of each inspection of ``text`` as Anyshire's news page."""
    x = extract_text(
        "Anyshire County Council news\n\n" + text + "\n", url="https://www.anyshire.gov.uk/news/1", published=published
    )
    return published_events(x)


# ------------------------------------------------------------------------------------------ a commissioner appointed


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (
            "The Department for Education has today appointed a commissioner to identify what the county's children's "
            "services must do to improve.",
            D(2020, 2, 11),
            ("commissioner-review", "2020-02-11", None, None),
        ),
        (
            "In June 2019 the Secretary of State appointed Ann Example as commissioner for children's services in "
            "Anyshire.",
            None,
            ("commissioner-review", "2019-06", None, None),
        ),
        (
            "Ann Example was appointed commissioner for children's social care in the county in October 2018 to carry "
            "out a review.",
            None,
            ("commissioner-review", "2018-10", None, None),
        ),
    ],
)
def test_a_commissioner_appointed_to_the_councils_services_is_the_review_begun_then(text, published, expected):
    assert expected in events(text, published)


@pytest.mark.parametrize(
    "text",
    [
        "The Police and Crime Commissioner appointed a new chief constable in June 2019.",
        "Ann Example was appointed as the Children's Commissioner for England in April 2018.",
        # news of a person's post, its date the announcement's
        "Ann Example has been appointed commissioner at a neighbouring council, it was announced in May 2019.",
    ],
)
def test_no_review_from_another_office_or_news_of_a_post(text):
    assert not any(e[0] == "commissioner-review" for e in events(text))


def test_a_named_commissioners_later_recommendation_is_not_the_appointment():
    text = (
        "Since September 2019 the council has worked with a Whitehall-appointed commissioner, who in December "
        "proposed a trust."
    )
    assert not any(e[0] == "commissioner-review" and e[1] == "2019-12" for e in events(text))


# ------------------------------------------------------------------------------ an evaluation carried out by Ofsted


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Services were judged inadequate following a critical evaluation conducted by Ofsted in October 2022.",
            ("ilacs", "2022-10", None, "inadequate"),
        ),
        (
            "The assessment was carried out by Ofsted in February 2016 and found services inadequate.",
            ("sif", "2016-02", None, "inadequate"),
        ),
    ],
)
def test_an_evaluation_carried_out_by_ofsted_is_an_inspection(text, expected):
    assert expected in events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The survey was conducted by Ofsted in 2021 across many local authorities.",
        "The council's own review, carried out in March 2022, found the service was improving.",
        "The research conducted by the council in 2021 found that families valued early help.",
    ],
)
def test_a_survey_or_the_councils_own_review_is_no_inspection(text):
    assert events(text) == set()


# ----------------------------------------------------------------------------- Ofsted's monitoring reports and letters


def test_a_monitoring_report_of_a_series_is_the_monitoring_visits_report():
    text = "Ofsted's fifth monitoring report into Anyshire's children's services was published on 9 March 2018."
    assert ("monitoring-visit", None, "2018-03-09", None) in events(text)


def test_a_letter_of_the_series_after_a_monitoring_visit_letter_is_the_next_visits():
    text = (
        "An Ofsted monitoring visit letter in April 2021 found that progress had been slow.\n"
        "In its most recent letter in November 2021, inspectors said leaders now understood the service well."
    )
    found = events(text)
    assert ("monitoring-visit", None, "2021-04", None) in found
    assert ("monitoring-visit", None, "2021-11", None) in found


@pytest.mark.parametrize(
    "text",
    [
        "The budget monitoring report to Cabinet in March 2023 showed an overspend.",
        "The second monitoring report for the scrutiny committee in June 2022 set out the position.",
        "The latest performance monitoring report, published in May 2022, showed more children in care.",
    ],
)
def test_a_councils_monitoring_report_is_no_visit(text):
    assert events(text) == set()


def test_a_letter_to_someone_named_is_no_visits_letter():
    text = (
        "A monitoring visit took place in April 2021.\n"
        "The council's latest letter to parents in May 2021 explained the changes."
    )
    assert events(text) == {("monitoring-visit", "2021-04", None, None)}


# ------------------------------------------------------------------------------------ an earlier review, a SEND report


def test_an_earlier_review_after_an_inspection_is_the_inspection_before():
    text = "An Ofsted inspection in March 2023 rated services inadequate, a decline since the previous review in 2019."
    found = events(text)
    assert ("ilacs", "2023-03", None, "inadequate") in found
    assert any(e[0] == "ilacs" and e[1] == "2019" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "The council updated its plan in March 2022, a year after the previous review of the plan.",
        "An Ofsted inspection in May 2019 rated services good; the previous review by the council's auditors in 2016 "
        "found gaps.",
    ],
)
def test_a_review_of_a_plan_or_by_the_council_is_no_inspection(text):
    assert not any(e[1] and e[1].startswith(("2021", "2022", "2016")) for e in events(text))


def test_a_report_criticising_the_areas_send_provision_is_the_area_send_inspections():
    text = "Ofsted published a report criticising the county's SEND provision in October 2021."
    assert {e[0] for e in events(text)} == {"send-area"}


@pytest.mark.parametrize(
    "text",
    [
        "Councillors received a report on SEND provision in March 2023.",
        "The council published a report criticising the lack of school places in March 2023.",
    ],
)
def test_a_report_to_councillors_or_about_something_else_is_no_send_inspection(text):
    assert events(text) == set()


# ------------------------------------------------------------------------------ inspectors who looked at the services


def test_inspectors_who_looked_at_the_services_between_two_dates_visited_then():
    text = "Inspectors, who looked at the council's services between 13 and 24 June 2022, rated them good."
    assert ("ilacs", "2022-06-13", None, "good") in events(text)


def test_the_visits_finer_dates_are_kept_and_the_day_the_inspectorate_spoke_is_not_the_visits():
    text = (
        "Children's services were rated inadequate after an inspection at the end of last year.\n"
        "That is the verdict of Ofsted today, who looked at the services between 7 and 18 November last year."
    )
    found = events(text, D(2023, 1, 20))
    assert ("ilacs", "2022-11-07", None, "inadequate") in found
    assert not any(e[1] == "2023-01-20" for e in found)
    assert len(found) == 1


def test_two_visits_of_one_kind_in_one_year_stay_two():
    text = "Ofsted carried out a monitoring visit in February 2022 and a further monitoring visit in September 2022."
    assert {e[1] for e in events(text)} == {"2022-02", "2022-09"}
