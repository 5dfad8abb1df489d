"""Follow-ups need positive evidence that the commitment is the council's (issue 14, round 18, "fupos").

ANNOTATION.md: a follow-up is a dated commitment or planned future event, report or review "only of the council, its
bodies or its officers". The finder used to accept a date and any commitment cue, then strike out what a list of
exceptions named (Ofsted, the courts, the public, …); an actor the list did not name (a housing association, a club,
a bus operator, a developer) slipped through. Now a clause is a follow-up only when its subject names the council, one
of its bodies, an officer, a post or a councillor, or a person ("she"), or is headed by a noun of an action (the
council's work: "Delivery of …", "Building work on …"), or what is to come goes to a council body or meeting ("… to
the Trust Board in September"), or the clause has no actor of its own and names a thing the council produces or holds (a
report, update, plan, review, item, meeting …) or one of its bodies ("considered by Cabinet").

Every text is made up in the style of council papers and council news."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text

URL = "https://www.anyshire.gov.uk/news/1"
PAGE = PartialDate(2024, 5, 10)


def dues(text: str) -> list[str]:
    found = extract_text("Anyshire County Council\n\n" + text, url=URL, published=PAGE)
    return [f.due.iso() for f in found.follow_ups]


@pytest.mark.parametrize(
    "text",
    [
        "The housing association will hand over the new flats to tenants in September 2024.",
        "Anytown Rugby Club will host a family fun day on 14 June 2024.",
        "The bus operator will withdraw the number 12 route from 1 September 2024.",
        "A new supermarket is expected to open on the retail park in November 2024.",
        "The developer will submit a planning application in the summer of 2024.",
        "The Anytown Foundation will announce its grant recipients in October 2024.",
        "The festival will return to the park on 20 July 2024.",
    ],
)
def test_no_sign_of_the_council_no_follow_up(text: str) -> None:
    assert dues(text) == []


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Officers will report back to the Committee in September 2024.", "2024-09"),
        ("The action plan is due to be submitted by 30 June 2024.", "2024-06-30"),
        ("She will bring a further report to the July meeting.", "2024-07"),
        ("The proposals will be considered by Cabinet on 18 July 2024.", "2024-07-18"),
        ("We will publish the refreshed sufficiency strategy in the autumn.", "2024"),
        ("The Leader said a decision on the future of the centre would be made in July.", "2024-07"),
        ("Delivery of the new short breaks offer will begin by June 2024.", "2024-06"),
        ("Building work on the new children's home is due to be completed by December 2024.", "2024-12"),
        ("The trust would set out its next steps to the Trust Board in September.", "2024-09"),
        ("The DfE has asked the council to submit an updated improvement plan by 31 July 2024.", "2024-07-31"),
    ],
)
def test_the_councils_own_commitment_stays(text: str, due: str) -> None:
    assert dues(text) == [due]


@pytest.mark.parametrize(
    "text",
    [
        "The new duties will come into force in April 2025.",
        "The Bill is expected to receive Royal Assent in the autumn.",
        "The legislation becomes law in October 2024.",
        "The report will be published by Ofsted on 4 June 2024.",
        "Families will be eligible for the extra support from September 2024.",
        "Campaigners will hold a protest outside County Hall on 12 June 2024.",
        "A vigil will be held in the town centre on 1 June 2024.",
    ],
)
def test_exceptions_the_gate_replaced_stay_out(text: str) -> None:
    """Guards: not_cue no longer names these (laws taking effect, Ofsted's publication, entitlements, protests); the
    gate of positive evidence keeps them out."""
    assert dues(text) == []
