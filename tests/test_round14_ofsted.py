"""Round 14: Ofsted's official record of each council's children's-services inspections tells the framework of an
inspection a page names without naming its framework (made-up page text; the councils and dates are official
events of the shipped table ``rules/ofsted_history.csv``, which is the knowledge).

1. The table: it parses, credits its source and licence, and holds an ILACS inspection of each of the 153 current
   authorities (or of the council it replaced).
2. Kinds: a generic "inspection" dated to an official event takes that event's framework (a 2018 SIF
   re-inspection, a SIF inspection of late 2013, an ILACS inspection of July 2019); an Ofsted visit of no stated
   kind in the month of an official ILACS inspection was that inspection; a unitary council's page takes the county
   council's record it replaced.
3. A date that is an official report's publication day (and no day of its inspection) is that publication date.
4. Never: a framework the text names is kept; a date with no official event, a council the gazetteer does not know,
   keep the kind the date's era gives; dates and grades stay the text's.
"""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.extract.ofsted_history import (
    OfficialEvent,
    matching_events,
    official_events,
    official_kinds,
    published_on,
)
from caregraph.records import PartialDate

from .conftest import extract_text

PAGE_DATE = PartialDate(2020, 1, 10)


def _events(
    council_site: str, council_name: str, text: str, page_date: PartialDate = PAGE_DATE
) -> set[tuple[str, str | None, str | None, str | None]]:
    """(kind, start, published, judgement) of each inspection of a made-up news page of the council."""
    x = extract_text(f"{council_name} news\n\n{text}", url=f"https://www.{council_site}/news/1", published=page_date)
    return {
        (i.kind, i.start.iso() if i.start else None, i.published.iso() if i.published else None, i.judgement)
        for i in x.inspections
    }


def _surrey(text: str):
    return _events("surreycc.gov.uk", "Surrey County Council", text)


def _sheffield(text: str):
    return _events("sheffield.gov.uk", "Sheffield City Council", text)


# ------------------------------------------------------------------------------------------------ 1. the table


def test_the_table_credits_ofsted_under_the_open_government_licence():
    text = resources.files("caregraph").joinpath("rules/ofsted_history.csv").read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "Ofsted" in header
    assert "Crown copyright" in header
    assert "Open Government Licence v3.0" in header
    assert "scripts/make_ofsted_history.py" in header and "do not edit by hand" in header


def test_the_table_parses_into_known_councils_and_kinds():
    events = official_events()
    g = gazetteer()
    assert events
    for council, rows in events.items():
        assert council in g.councils, council
        for e in rows:
            assert e.kind in ("ilacs", "sif", "other")
            assert e.published is not None or e.start is not None
            if e.kind == "ilacs":
                assert e.start is not None and e.start >= date(2018, 1, 1)
            if e.start is not None and e.published is not None:
                assert e.start < e.published
            assert e.judgement in (None, "outstanding", "good", "requires-improvement", "inadequate", "adequate")


def test_every_current_authority_has_an_official_ilacs_inspection():
    g = gazetteer()
    events = official_events()
    current = [c.slug for c in g.councils.values() if c.current]
    assert len(current) == 153
    missing = [
        slug for slug in current if not any(e.kind == "ilacs" for kin in g.kin(slug) for e in events.get(kin, ()))
    ]
    assert missing == []


def test_a_year_that_holds_two_frameworks_tells_none(monkeypatch):
    # Surrey: SIF re-inspection published 16 May 2018; no ILACS until 2022
    assert {e.kind for e in official_kinds("surrey", PartialDate(2018))} == {"sif"}
    # (no council's official year holds two frameworks; a made-up record that does tells no kind)
    from caregraph.pipeline.extract import ofsted_history

    made_up = {
        "surrey": (
            OfficialEvent("surrey", "sif", "sif-reinspection", None, date(2018, 2, 1), None),
            OfficialEvent("surrey", "ilacs", "ilacs-standard", date(2018, 10, 1), date(2018, 11, 20), None),
        )
    }
    monkeypatch.setattr(ofsted_history, "official_events", lambda: made_up)
    assert len(matching_events("surrey", PartialDate(2018))) == 2
    assert official_kinds("surrey", PartialDate(2018)) == []
    assert [e.kind for e in official_kinds("surrey", PartialDate(2018, 10))] == ["ilacs"]


def test_the_publication_day_of_a_report():
    # Sheffield's ILACS inspection began 15 July 2019; its report was published 27 August 2019
    assert published_on("sheffield", PartialDate(2019, 8, 27)) is not None
    assert published_on("sheffield", PartialDate(2019, 7, 16)) is None  # a day of the inspection
    assert published_on("sheffield", PartialDate(2019, 8)) is None  # a month is no day


def test_a_council_the_gazetteer_does_not_know_has_no_record():
    assert official_kinds("anyshire", PartialDate(2018)) == []
    assert official_kinds(None, PartialDate(2018)) == []


# ------------------------------------------------------------------------------------------------ 2. kinds


@pytest.mark.parametrize(
    "text",
    [
        "The service has delivered the actions set by Ofsted after the inspection in 2018.",
        "Officers reported on the improvement plan written after the 2018 full inspection of children's services.",
    ],
)
def test_a_2018_inspection_that_was_the_sif_reinspection(text):
    # (the era alone says ILACS from January 2018)
    assert {k for k, *_ in _surrey(text)} == {"sif-reinspection"}


def test_an_inspection_of_late_2013_that_was_the_single_inspection():
    # Sheffield's SIF report was published on 21 February 2014: its inspection ran at the end of 2013
    assert _sheffield("The last inspection in 2013 had rated the service as needing improvement.") == {
        ("sif", "2013", None, "requires-improvement")
    }


def test_an_ungraded_inspection_in_the_month_of_an_official_ilacs_inspection():
    # (ungraded, an inspection since 2018 of no told framework is taken for "other": a focused visit or a JTAI alike)
    assert _sheffield("Following the inspection in July 2019, the service drew up a new plan.") == {
        ("ilacs", "2019-07", None, None)
    }


def test_an_ofsted_visit_of_no_kind_in_the_month_of_an_official_ilacs_inspection():
    assert _sheffield("Ofsted inspectors were on site in July 2019.") == {("ilacs", "2019-07", None, None)}


def test_a_unitary_councils_page_on_the_county_councils_inspection():
    # Somerset County Council's ILACS inspection began 18 July 2022; Somerset Council replaced it in April 2023
    text = "Following the inspection in July 2022, the service drew up a new plan."
    assert _events("somerset.gov.uk", "Somerset Council", text, PartialDate(2023, 6, 1)) == {
        ("ilacs", "2022-07", None, None)
    }


# ------------------------------------------------------------------------------------------------ 3. publication


def test_a_date_that_is_the_reports_publication_day():
    assert _sheffield("On 27 August 2019, Ofsted judged the council's children's services to be good.") == {
        ("ilacs", None, "2019-08-27", "good")
    }


# ------------------------------------------------------------------------------------------------ 4. never


def test_a_framework_the_text_names_is_kept():
    assert {k for k, *_ in _surrey("The ILACS inspection in 2018 found the services inadequate.")} == {"ilacs"}
    assert {k for k, *_ in _sheffield("The single inspection framework inspection in 2019 was its last.")} == {"sif"}


def test_a_date_with_no_official_event_keeps_the_kind_of_its_era():
    # Sheffield had no official inspection in 2016: the era's framework (the SIF), as for any council
    assert _sheffield("The last Ofsted inspection in 2016 rated the service good.") == {("sif", "2016", None, "good")}
    assert _events(
        "anyshire.gov.uk", "Anyshire Council", "The last Ofsted inspection in 2016 rated the service good."
    ) == {("sif", "2016", None, "good")}


def test_a_council_the_gazetteer_does_not_know_keeps_the_kind_of_its_era():
    # the same text as Surrey's SIF re-inspection above: with no record, a graded 2018 inspection is taken for ILACS
    assert _events(
        "anyshire.gov.uk", "Anyshire Council", "Ofsted rated the service inadequate after the inspection in 2018."
    ) == {("ilacs", "2018", None, "inadequate")}


def test_the_texts_dates_and_grade_stay():
    # Surrey's official SIF re-inspection was graded inadequate; the page's own grade and month are kept
    assert _surrey("Ofsted rated the service good after the inspection in March 2018.") == {
        ("sif-reinspection", "2018-03", None, "good")
    }
