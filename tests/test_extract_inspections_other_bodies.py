"""Events of bodies other than Ofsted's children's services frameworks, told in words the development pages do not
use: another service's inspection named by its own words ("the Adoption Inspection"), a review by an adviser the DfE
appoints (not a commissioner), a SEND written statement's monitoring by the DfE and NHS England, and the inspectors'
own visit after a commissioner was named. Every text is made up; expected values follow ../shared/ANNOTATION.md
(kind "other" for anything that is not one of the named kinds)."""

from __future__ import annotations

import pytest

from .conftest import extract_text as run


def rows(x) -> set[tuple[str, str | None, str | None, str | None]]:
    return {
        (i.kind, i.start.iso() if i.start else None, i.end.iso() if i.end else None, i.judgement) for i in x.inspections
    }


# ------------------------------------------------------------ another service's inspection, named in the mention


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Minutes\nMembers heard that the Adoption Inspection took place between 3 and 7 March 2011 with two "
            "inspectors. Overall the Adoption Service was judged to be good.\n",
            ("other", "2011-03-03", "2011-03-07", "good"),
        ),
        (
            "Report\nThe fostering inspection was carried out from 12 to 16 May 2014. Overall the fostering service "
            "was rated outstanding.\n",
            ("other", "2014-05-12", "2014-05-16", "outstanding"),
        ),
        (
            "Report\nIn June 2009 inspectors made an unannounced visit to the adoption agency. The inspection found the "
            "agency's work to be good overall.\n",
            ("other", "2009-06", None, None),
        ),
    ],
)
def test_an_inspection_of_the_adoption_or_fostering_service_is_another_services(text, expected):
    x = run(text)
    kinds = {r[0] for r in rows(x)}
    assert "other" in kinds and not kinds & {"ilacs", "sif", "earlier-framework"}
    assert any(r[:3] == expected[:3] for r in rows(x))
    if expected[3]:
        assert expected in rows(x)


def test_the_inspection_after_another_services_inspection_is_that_one():
    x = run(
        "Report\nOn 4th April 2008 inspectors came back for an unannounced inspection of the Fostering Service. The "
        "inspection was carried out in April 2008 and made an overall judgement of 'Good'.\n"
    )
    assert [(i.kind, i.start.iso(), i.judgement) for i in x.inspections] in (
        [("other", "2008-04-04", "good")],
        [("earlier-framework", "2008-04-04", "good")],  # an Ofsted visit of no stated kind, graded: scored as other
    )


# ------------------------------------------------------------ a review by an adviser the DfE appoints


@pytest.mark.parametrize(
    "sentence, start",
    [
        (
            "Then in July 2023, a DfE appointed Adviser, Jane Porter, undertook a review of the Children's Services.",
            "2023-07",
        ),
        (
            "In March 2021 the Department for Education's improvement adviser carried out a review of our practice.",
            "2021-03",
        ),
        ("An adviser appointed by the DfE conducted a review of the service in October 2019.", "2019-10"),
    ],
)
def test_a_review_by_a_dfe_adviser_is_another_bodys_not_a_commissioners(sentence, start):
    x = run("Report\n" + sentence + "\n")
    assert rows(x) == {("other", start, None, None)}


# ------------------------------------------------------------ monitoring by the DfE and NHS England


@pytest.mark.parametrize(
    "text, start",
    [
        (
            "Minutes\nThe written statement of action is subject to quarterly monitoring by DfE/NHS England, and the "
            "first monitoring visit took place in March 2023.\n",
            "2023-03",
        ),
        (
            "Minutes\nProgress on the WSoA will now be monitored every six months by the Department for Education and "
            "NHS England. The first monitoring visit was due to take place on 9 June 2020.\n",
            "2020-06-09",
        ),
        (
            "Minutes\nDelivery of the statement is monitored by the DfE. A monitoring visit was held in November 2021.\n",
            "2021-11",
        ),
    ],
)
def test_a_monitoring_visit_of_the_dfe_and_nhs_england_is_not_ofsteds(text, start):
    assert rows(run(text)) == {("other", start, None, None)}


def test_an_ofsted_monitoring_visit_stays_one():
    x = run("Minutes\nOfsted carried out its third monitoring visit on 4 and 5 May 2022.\n")
    assert rows(x) == {("monitoring-visit", "2022-05-04", "2022-05-05", None)}


# ------------------------------------------------------------ the inspectors' visit after a commissioner is named


@pytest.mark.parametrize(
    "visit",
    [
        "Several cases were identified by inspectors during their visit in March and April 2017.",
        "Ofsted's visit in March and April 2017 found widespread failings.",
        "Inspectors said that during their inspection in March and April 2017 they found too many children at risk.",
    ],
)
def test_the_inspectors_visit_is_not_the_commissioners_named_before(visit):
    x = run(
        "News\nThe children's commissioner visited the council in January 2017 to review its services. "
        + visit
        + " Ofsted judged the services inadequate.\n"
    )
    kinds = {(i.kind, i.start.iso()) for i in x.inspections}
    assert ("commissioner-review", "2017-01") in kinds
    assert not any(k == "commissioner-review" and s.startswith("2017-03") for k, s in kinds)
    march = [i for i in x.inspections if i.start.iso().startswith("2017-03")]
    assert len(march) == 1 and march[0].judgement == "inadequate"
