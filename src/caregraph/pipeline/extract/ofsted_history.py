"""Ofsted's official record of every English council's children's-services inspections, as outside knowledge of
an inspection's framework.

``rules/ofsted_history.csv`` (built by ``scripts/make_ofsted_history.py`` from Ofsted's official statistics, Crown
copyright, Open Government Licence v3.0) lists each council's official events: ILACS inspections since 2018 with
their first day and publication date, and the earlier frameworks' (the single inspection framework's first
inspections and re-inspections; SLAC, CPI and TLAC inspections, "other") with their publication date alone.

:func:`official_kinds` answers what a page cannot: of a council's inspection of no stated framework, dated at the
text's precision, which frameworks its official events of that date were. A text date matches an event when it may
fall within the event's inspection or be its publication date:

- an ILACS inspection ran from its first day for up to :data:`ON_SITE_DAYS` days (a standard inspection is two
  weeks on site, a short one one week; pages give the first day, the last, or the month of either);
- an event known by its publication date alone was inspected up to :data:`REPORTED_WITHIN_DAYS` days before it
  (the earlier frameworks' reports followed their visits by six to ten weeks; four months leaves room for a
  four-week SIF inspection and a late report, and no more: a council's official events lie years apart);
- its publication date itself, a day within :data:`PUBLISHED_SLACK_DAYS` (a news item of the next working day).

A date at month or year precision matches when any day it stands for does. The table is read once, lazily.
"""

from __future__ import annotations

import calendar
import csv
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from caregraph.gazetteer import gazetteer
from caregraph.records import PartialDate

__all__ = ["OfficialEvent", "matching_events", "official_events", "official_kinds", "published_on"]

#: Days an ILACS inspection may run from its first day (a standard one's two weeks on site, with the weekend after).
ON_SITE_DAYS = 18
#: Days before its publication an event known by that date alone may have been inspected.
REPORTED_WITHIN_DAYS = 120
#: Days a publication date given by a page may lie after the official one.
PUBLISHED_SLACK_DAYS = 3


@dataclass(frozen=True)
class OfficialEvent:
    """One official event of ``rules/ofsted_history.csv``."""

    council: str
    kind: str  # ANNOTATION.md's: ilacs, sif or other
    framework: str  # the finer framework: ilacs-standard, ilacs-short, sif, sif-reinspection, slac, cpi, tlac, …
    start: date | None
    published: date | None
    judgement: str | None

    def inspected(self) -> tuple[date, date] | None:
        """The first and last day the inspection may have taken place."""
        if self.start is not None:
            return self.start, self.start + timedelta(days=ON_SITE_DAYS)
        if self.published is not None:
            return self.published - timedelta(days=REPORTED_WITHIN_DAYS), self.published
        return None


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@cache
def official_events() -> dict[str, tuple[OfficialEvent, ...]]:
    """Every council's official events (by slug), read once from the shipped table."""
    text = resources.files("caregraph").joinpath("rules/ofsted_history.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    out: dict[str, list[OfficialEvent]] = {}
    for row in rows:
        event = OfficialEvent(
            council=row["council"],
            kind=row["kind"],
            framework=row["framework"],
            start=_day(row["start"]),
            published=_day(row["published"]),
            judgement=row["judgement"] or None,
        )
        out.setdefault(event.council, []).append(event)
    return {council: tuple(events) for council, events in out.items()}


def _span(when: PartialDate) -> tuple[date, date]:
    """The first and last day ``when`` stands for."""
    if when.month is None:
        return date(when.year, 1, 1), date(when.year, 12, 31)
    if when.day is None:
        return date(when.year, when.month, 1), date(
            when.year, when.month, calendar.monthrange(when.year, when.month)[1]
        )
    day = date(when.year, when.month, when.day)
    return day, day


def _overlaps(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _of(council: str) -> tuple[OfficialEvent, ...]:
    """The official events of ``council``'s area under all its names (the councils it replaced and that replaced
    it: a unitary council's page on the county council's inspection)."""
    events = official_events()
    if council not in gazetteer().councils:
        return ()
    return tuple(e for slug in sorted(gazetteer().kin(council)) for e in events.get(slug, ()))


def matching_events(council: str | None, when: PartialDate | None, by: str = "any") -> list[OfficialEvent]:
    """The official events of ``council`` the text date ``when`` may be of: a day of the inspection or its
    publication date; ``by`` "publication" (``when`` is the report's publication date) or "inspection" (a visit's
    date) for only that."""
    if council is None or when is None:
        return []
    span = _span(when)
    found = []
    for e in _of(council):
        released = (e.published, e.published + timedelta(days=PUBLISHED_SLACK_DAYS)) if e.published else None
        inspected = e.inspected()
        if (by != "inspection" and released is not None and _overlaps(span, released)) or (
            by != "publication" and inspected is not None and _overlaps(span, inspected)
        ):
            found.append(e)
    return found


def official_kinds(council: str | None, when: PartialDate | None, by: str = "any") -> list[OfficialEvent]:
    """The official events of ``council`` at ``when`` (see :func:`matching_events`) when they are all of one kind
    (ilacs, sif or other; else none: the date does not tell between them)."""
    found = matching_events(council, when, by)
    return found if len({e.kind for e in found}) == 1 else []


def published_on(council: str | None, when: PartialDate | None) -> OfficialEvent | None:
    """The one official event of ``council`` whose report was published on the day ``when`` (at day precision), and
    not inspected on it: the text's date is that report's publication date."""
    if council is None or when is None or when.day is None:
        return None
    day = date(when.year, when.month or 1, when.day)
    found = [
        e
        for e in _of(council)
        if e.published is not None
        and e.published <= day <= e.published + timedelta(days=PUBLISHED_SLACK_DAYS)
        and not (e.start is not None and e.start <= day <= e.start + timedelta(days=ON_SITE_DAYS))
    ]
    return found[0] if len(found) == 1 else None
