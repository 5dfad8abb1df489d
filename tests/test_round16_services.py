"""Another service's own inspection is not the council's (issue 14, class I3 in general form; stop 34).

Ofsted inspects many services one by one, each under its own inspection: children's homes, secure units, children's
and family centres, short breaks units, schools and colleges, early years settings, fostering and adoption agencies.
A page about one of them names an Ofsted inspection that is no inspection of the council's children's services, so
its kind is ``other``, never the framework the year would give (ILACS, SIF). One list of these services
(``other_service_provisions`` in ``rules/inspections.toml``) is read by every rule that tells another service's
inspection. Every text is made up in the style of council news and papers."""

from __future__ import annotations

import pytest

from .conftest import extract_text

URL = "https://www.anyshire.gov.uk/news/1"


def kinds(text: str) -> list[tuple[str, str | None]]:
    x = extract_text("Anyshire County Council\n\n" + text + "\n", url=URL)
    return [(i.kind, i.start.iso() if i.start else None) for i in x.inspections]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Ofsted inspection of Anytown Children's Centres carried out in July 2014 found them to be good.",
        "The Ofsted inspection of Brook House secure children's home in March 2019 rated it outstanding.",
        "An Ofsted inspection of the Meadows short breaks unit in March 2019 found it to be good.",
        "The Ofsted inspection of the residential family centre in March 2019 rated it good.",
        "The Ofsted inspection of Anytown Family Centres in July 2014 judged them good.",
        "Anytown early years settings were judged good at their Ofsted inspection in March 2019.",
    ],
)
def test_an_inspection_of_another_service_is_of_kind_other(sentence):
    found = kinds(sentence)
    assert found, sentence
    assert all(kind == "other" for kind, _ in found), found


@pytest.mark.parametrize("service", ["fostering", "adoption"])
def test_a_fostering_or_adoption_inspection_named_by_its_service_is_other(service):
    # the service's name right before the inspection's, with no "service" or "agency" after it
    found = kinds(
        f"Councillors discussed the 'inadequate' Ofsted {service} inspection report published on 3 March 2023."
    )
    assert found and all(kind == "other" for kind, _ in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        # the council's own services, with a service word elsewhere in the sentence
        "The council's fostering recruitment campaign was praised after the Ofsted inspection of children's services "
        "in May 2019.",
        "The ILACS inspection in May 2019 rated the council good; inspectors also met staff from schools and children's "
        "centres.",
        "The inspection of local authority children's services (ILACS) in May 2019 found that family centres support "
        "families well.",
        "Ofsted's inspection of local authority children's services in May 2019 rated the council good.",
    ],
)
def test_the_councils_own_inspection_keeps_its_framework(sentence):
    assert ("ilacs", "2019-05") in kinds(sentence), kinds(sentence)
