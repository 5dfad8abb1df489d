"""Inspections and grades as council news, press releases and scrutiny minutes phrase them (issue 14, round 16).

Found by probing (bench/probes/inspections.md: made-up sentences, each with what an annotator records under
ANNOTATION.md), not by reading corpus pages. The general gaps mended:

1. the services (or social care) and their grade joined by "is", a place or a clause between ("Children's services
   in Anyshire are good, Ofsted has said after …");
2. the present tense of a headline's moving verbs ("Children's services improve to 'good'");
3. a list of dated grades with commas ("inadequate in 2016, requires improvement in 2019 and good in 2023") and a
   move between two dated grades ("from inadequate in 2018 to good in 2023"); "have remained good since" an
   inspection;
4. another service's grade (a fostering service's, a short breaks unit's, a youth offending team's) dated in its own
   clause is that service's inspection ("other") with its grade: its name is no judgement area of the council's, and
   its report ("rated good by Ofsted in a report published in …") is its own; adult learning and apprenticeship
   providers are services Ofsted inspects one by one; a home's name in apposition;
5. the area SEND inspection of "services for children with special educational needs" (words between) and of the
   "local area partnership";
6. a relative date after the inspectorate that graded ("rated inadequate by Ofsted last year"), a commissioner
   "who reviewed", "the overall effectiveness of services good".

Every text is made up in the style of council news."""

from __future__ import annotations

import pytest

from caregraph.evaluate import kind_family
from caregraph.records import PartialDate

from .conftest import extract_text

URL = "https://www.anyshire.gov.uk/news/1"


def events(text: str, published: PartialDate | None = None) -> set[tuple[str | None, str | None, str | None]]:
    x = extract_text("Anyshire County Council\n\n" + text + "\n", url=URL, published=published)
    out = set()
    for i in x.inspections:
        when = i.start or i.published
        out.add((kind_family(i.kind), when.iso() if when else None, i.judgement))
    return out


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # 1. the services and their grade joined by "is"
        (
            "Children's services in Anyshire are good, Ofsted has said after an inspection in September 2022.",
            ("ilacs", "2022-09", "good"),
        ),
        (
            "The council's children's social care is now 'outstanding', according to Ofsted inspectors who visited in "
            "February 2024.",
            ("ilacs", "2024-02", "outstanding"),
        ),
        (
            "The council has been told its children's services are inadequate after an Ofsted inspection in April 2019.",
            ("ilacs", "2019-04", "inadequate"),
        ),
        # 2. a headline's present tense
        (
            "Children's services in Anyshire improve to 'good'\nOfsted inspected the service in June 2024.",
            ("ilacs", "2024-06", "good"),
        ),
        # 3. lists and moves of dated grades
        (
            "Children's services in Anyshire were found to be inadequate by Ofsted in 2016, requires improvement in 2019 "
            "and good in 2023.",
            ("ilacs", "2019", "requires-improvement"),
        ),
        (
            "The council's children's services have climbed two Ofsted grades, from inadequate in 2018 to good in 2023.",
            ("ilacs", "2018", "inadequate"),
        ),
        ("Children's services have remained good since the last inspection in 2019.", ("ilacs", "2019", "good")),
        # 4. another service's own inspection and grade
        (
            "Anyshire's fostering service was judged good by Ofsted in an inspection in November 2019.",
            ("other", "2019-11", "good"),
        ),
        (
            "The council-run short breaks unit was judged requires improvement by inspectors in August 2023.",
            ("other", "2023-08", "requires-improvement"),
        ),
        (
            "Anyshire's youth offending team was judged 'requires improvement' by HM Inspectorate of Probation in 2021.",
            ("other", "2021", "requires-improvement"),
        ),
        (
            "St Mary's Primary School was rated good by Ofsted in a report published in June 2022.",
            ("other", "2022-06", "good"),
        ),
        (
            "Inspectors rated Anyshire Adult Learning good in a report published in December 2022.",
            ("other", "2022-12", "good"),
        ),
        (
            "Ofsted's inspection of the council's apprenticeship provision in June 2022 found it to be good.",
            ("other", "2022-06", "good"),
        ),
        (
            "The council's children's home, Maple House, was judged good at its interim inspection in July 2023.",
            ("other", "2023-07", "good"),
        ),
        # 5. the area SEND inspection in other words
        (
            "The joint inspection of services for children with special educational needs in Anyshire, carried out in "
            "July 2019, found significant weaknesses.",
            ("send-area", "2019-07", None),
        ),
        (
            "The local area SEND partnership received the most positive of the three possible outcomes following its "
            "inspection in June 2024.",
            ("send-area", "2024-06", None),
        ),
        # 6. a relative date after the inspectorate; a commissioner "who reviewed"; the effectiveness "of services"
        (
            "The DfE appointed a children's services commissioner, who reviewed the council's services in April 2019.",
            ("commissioner-review", "2019-04", None),
        ),
        (
            "Ofsted judged leadership to be outstanding and the overall effectiveness of services good at the "
            "inspection in May 2023.",
            ("ilacs", "2023-05", "good"),
        ),
    ],
)
def test_an_event_as_news_and_minutes_phrase_it(text, event):
    assert event in events(text), events(text)


def test_a_relative_date_after_the_inspectorate():
    found = events(
        "The council's children's services were rated inadequate by Ofsted last year.", PartialDate(2020, 2, 14)
    )
    assert ("ilacs", "2019", "inadequate") in found


def test_the_councils_grade_and_a_homes_grade_in_one_sentence():
    found = events(
        "Anyshire's children's services were rated good by Ofsted in May 2022, and its secure children's home was "
        "rated outstanding in September 2022."
    )
    assert found == {("ilacs", "2022-05", "good"), ("other", "2022-09", "outstanding")}


@pytest.mark.parametrize(
    "text",
    [
        # no inspectorate, no inspection: services called good are no grade of an event
        "In 2023, residents said leisure services were good.",
        "The council said its waste services were good, after a review in 2022.",
        # a count of homes or schools, not one service's inspection
        "Four of the council's five children's homes were rated good by Ofsted in 2023.",
        "In 2023, 92 per cent of schools in Anyshire were rated good or outstanding by Ofsted.",
        # an undated grade and a plan
        "Children's services are rated good by Ofsted.",
        "The council is preparing for its next Ofsted inspection, which is expected within the next 18 months.",
    ],
)
def test_no_event(text):
    assert events(text) == set()


def test_a_service_good_in_some_areas_keeps_no_overall_grade():
    assert all(
        grade is None
        for _, _, grade in events("The fostering service was judged good in most areas by Ofsted in 2019.")
    )


def test_a_grade_of_the_services_before_a_partial_one_is_not_the_homes():
    # the council's grade stays the council's; a home named after it does not take it
    found = events(
        "Ofsted rated Anyshire's children's services good in March 2022, and its children's homes remain outstanding."
    )
    assert ("ilacs", "2022-03", "good") in found
    assert not any(kind == "other" for kind, _, _ in found)
