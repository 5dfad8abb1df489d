"""Round 20 (helper judg): grades written as quoted nouns, grades in a reported "that" clause with the date or the
teller between, SEND area inspections told by Ofsted and the CQC as joint subject, and dates of other events in a
"since" clause. Made-up text in the style of council news and papers; guards are near misses that must not be read."""

from __future__ import annotations

import pytest

from .conftest import extract_text

URL = "https://www.anyshire.gov.uk/news/1"


def events(text: str) -> set[tuple[str, str, str | None]]:
    """(kind, start, judgement) of each inspection found in made-up news of Anyshire County Council."""
    x = extract_text("Anyshire County Council\n\n" + text + "\n", url=URL)
    return {(i.kind, i.start.iso() if i.start else "-", i.judgement) for i in x.inspections}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The council's children's services received a ‘good’ in January 2022.", {("ilacs", "2022-01", "good")}),
        ("Anyshire's children's services were given a ‘good’ by Ofsted in 2019.", {("ilacs", "2019", "good")}),
        (
            "Anyshire achieved a ‘requires improvement’ in 2017 and a ‘good’ in 2021.",
            {("sif", "2017", "requires-improvement"), ("ilacs", "2021", "good")},
        ),
        (
            "Children's services in Anyshire have moved from inadequacy in 2012, to a fragile ‘requires improvement’ "
            "in 2014 and onto ‘outstanding’ in 2018.",
            {
                ("earlier-framework", "2012", "inadequate"),
                ("sif", "2014", "requires-improvement"),
                ("ilacs", "2018", "outstanding"),
            },
        ),
    ],
)
def test_a_quoted_grade_as_a_noun_is_a_dated_grade(text: str, want: set) -> None:
    assert events(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "The 2019 report found ‘good’ examples of direct work with children.",
        "Inspectors highlighted ‘good’ practice in the front door team in 2019.",
        "Inspectors said the service had shown some ‘good’ practice in 2021.",
    ],
)
def test_a_quoted_grade_before_a_noun_is_no_grade(text: str) -> None:
    assert not any(j for _, _, j in events(text))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "In November 2016 Ofsted told the council that its children’s services required improvement.",
            {("sif", "2016-11", "requires-improvement")},
        ),
        (
            "In November 2016 the council was told that its children's services required improvement.",
            {("sif", "2016-11", "requires-improvement")},
        ),
        (
            "Ofsted inspectors found in 2016 that children's services in Anyshire were inadequate.",
            {("sif", "2016", "inadequate")},
        ),
        (
            "Inspectors reported in June 2021 that the authority's children's services were inadequate.",
            {("ilacs", "2021-06", "inadequate")},
        ),
    ],
)
def test_a_grade_in_a_reported_that_clause_takes_the_date_before_it(text: str, want: set) -> None:
    assert events(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "In 2019, Ofsted and the Care Quality Commission (CQC) jointly inspected Anyshire’s local area SEND "
            "provision.",
            {("send-area", "2019", None)},
        ),
        ("In December 2022, Ofsted and the CQC revisited Anyshire.", {("send-area", "2022-12", None)}),
        (
            "In December 2022, Ofsted and the CQC revisited Anyshire. Ofsted and the CQC found that seven of the nine "
            "weaknesses named in the 2019 inspection had improved.",
            {("send-area", "2022-12", None), ("send-area", "2019", None)},
        ),
    ],
)
def test_ofsted_and_the_cqc_together_inspect_the_send_area(text: str, want: set) -> None:
    assert events(text) == want


def test_the_cqc_alone_is_still_another_service() -> None:
    got = events("The CQC inspected the county's adult social care services in March 2024.")
    assert {k for k, _, _ in got} <= {"other"}


def test_a_date_in_a_since_clause_about_another_event_is_not_the_inspection_s() -> None:
    assert not events(
        "This is the first inspection of children’s services at the new council since local government "
        "reorganisation took place in April 2023."
    )
    # guard: the inspection's own date in the same sentence is still read
    got = events(
        "It was the first inspection of the council's children's services since the two councils merged in April "
        "2021, and took place in March 2024."
    )
    assert {s for _, s, _ in got} == {"2024-03"}
