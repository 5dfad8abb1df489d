"""The draft of one event, and what it is made from.

A sentence is read as a :class:`Sentence` (its text, dates, whether it speaks of a plan, the kind it gives a generic
mention, whether it grades the council's services), with what the sentences before it left (:class:`Reading`: the
kinds last named, a visit's number stated before its date, the grades already taken). :func:`make_draft` makes the
draft of an event named in it: its dates, focus ("a focused visit looking at the front door"), sequence number ("the
fourth monitoring visit") and inspectorate (:func:`inspectorate`: the kind's own, else the one the sentence names
nearest). :func:`kind_by_length` tells an Ofsted event of no stated kind by its length in days
(:func:`length_days`): a few days' visit since focused visits began is a focused visit, a week or more an inspection.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from typing import NamedTuple

from caregraph.pipeline.dates import DateMention
from caregraph.pipeline.extract.doc import clean, evidence
from caregraph.pipeline.extract.inspection_rules import GENERIC, OTHER, Draft, kind_by_date, rules
from caregraph.records import PartialDate


@dataclass
class Reading:
    """What reading a sentence leaves for the next ones."""

    last_kind: dict[str, str | None] = field(default_factory=lambda: {"inspection": None, "visit": None})
    pending_sequence: tuple[str, int | None, int] | None = None  # a visit's number stated before its date
    consumed: set[int] = field(default_factory=set)  # grades a dated draft took in its own sentence
    last_grade: str | None = None  # the overall grade last stated, for "reached the same conclusion"
    other_before: bool = False  # the sentence before named another service's inspection
    main_council: str | None = None  # the council the page is about (its publisher, else the one it names most)
    monitored_by_other: bool = False  # the sentence before gave monitoring to another body than Ofsted (the DfE)
    introduced_grade: str | None = None  # the overall grade the sentence before gave an event it introduced
    # undated ("rated 'outstanding' following a recent inspection."): "The report, published yesterday, …" is its report's
    undated_findings: str | None = None  # the kind of an event whose findings or report the sentence before named,
    # undated ("Ofsted notified the council of the findings of its monitoring visit."): "This was released on …"
    service_page: bool = False  # the page's title names another service's inspection (a fostering agency's, a
    # children's home's): an inspection the page names with no framework or council services is that service's
    page_kind: str | None = None  # the joint inspection the page's title names ("Update on the SEND Inspection
    # Revisit", "JTAI letter"): the kind a mention of no stated kind takes in a sentence that names no other


def of_the_service(reading: Reading, sentence: str) -> bool:
    """Whether an inspection ``sentence`` names with no framework is that of the service the page is about (a
    fostering agency, a children's home: :attr:`Reading.service_page`), the sentence naming no council's children's
    services, local authority or ILACS."""
    return reading.service_page and _COUNCIL_SERVICES.search(sentence) is None


def page_kind(reading: Reading, sentence: str) -> str | None:
    """The kind a mention of no stated kind in ``sentence`` takes from the page's title (:attr:`Reading.page_kind`),
    the sentence naming no council's children's services, local authority or ILACS."""
    return reading.page_kind if reading.page_kind and _COUNCIL_SERVICES.search(sentence) is None else None


#: The council's children's services or the local authority, named as what was inspected.
_COUNCIL_SERVICES = re.compile(
    r"(?i)\bchildren['’]?s\s+(?:social\s+care\s+)?services\b|\blocal\s+authority\b|\bIL[AC]{2}S\b"
)


class Sentence(NamedTuple):
    """A sentence as the finder reads it: where it is, its dates, and what it says of the events it names."""

    text: str  # the document's
    sentence: str  # text[start:end]
    start: int
    end: int
    dates: Sequence[DateMention]
    planned: bool  # the sentence speaks of a plan
    context: str | None = None  # the kind a mention of no stated kind takes here (see context_kind)
    graded: bool = False  # the sentence grades the council's services (overall or in one area)
    news: bool = False  # the page is news copy (what it reports in the present tense is new on its date)


_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}


def make_draft(
    s: Sentence,
    kind: str,
    date: DateMention | None,
    published: DateMention | None,
    ended: bool,
    planned: bool,
    cs: int,
    ce: int,
) -> Draft:
    """The draft of an event of ``kind`` named at ``cs``–``ce``, with its own date and its report's publication
    date (either may be None, not both)."""
    r = rules()
    text = s.text
    focus = None
    fm = r.focus.search(text, cs, s.end)
    if fm and fm.start() - ce < 60:
        focus = clean(fm.group("focus")).strip(" '‘’\"“”")
    sequence = None
    sm = r.sequence.search(text, max(s.start, cs - 30), min(s.end, ce + 10))
    if sm:
        sequence = sequence_number(sm)
    start = end = None
    if date is not None:
        start, end = date.date, date.until
        if ended:
            start, end = PartialDate(date.date.year, date.date.month), date.date
    shown = date if date is not None else published
    assert shown is not None
    return Draft(
        kind=kind,
        start=start,
        end=end,
        evidence=evidence(text, s.start, s.end),
        planned=planned,
        focus=focus,
        sequence=sequence,
        published=published.date if published is not None else None,
        inspectorate=inspectorate(s, kind, cs, ce),
        date_text=text[shown.start : shown.end],
        pos=cs,
        date_pos=(shown.start, shown.end),
        published_pos=(published.start, published.end) if published is not None else (0, 0),
        sentence=(s.start, s.end),
    )


def inspectorate(s: Sentence, kind: str, cs: int, ce: int) -> str | None:
    """The inspectorate of the event named at ``cs``–``ce``: a kind's own when it has one (an Ofsted framework's
    event is Ofsted's even in a sentence about HMI Probation; a joint inspection's lead; the DfE's commissioner
    even in a sentence about Ofsted); else (another service's inspection, a visit of no stated kind) the one the
    sentence names nearest to the cue."""
    k = rules().kinds[kind]
    if k.inspectorate is not None:
        return k.inspectorate
    best, best_distance = None, 10**9
    for name, pattern in rules().inspectorates:
        for m in pattern.finditer(s.text, s.start, s.end):
            distance = m.start() - ce if m.start() >= ce else max(0, cs - m.end())
            if m.start() < ce and m.end() > cs:
                distance = 0
            if distance < best_distance:
                best, best_distance = name, distance
    return best


def sequence_number(sm: re.Match[str]) -> int | None:
    """The number of the visit the rules' ``sequence`` match ``sm`` names: "monitoring visit 03" (3), "the fourth
    monitoring visit" (4), "2nd visit" (2)."""
    n = sm.group("n1") or sm.group("ord")
    return int(re.sub(r"\D", "", n)) if n and n[0].isdigit() else _ORDINALS.get((n or "").lower())


def length_days(s: Sentence, date: DateMention) -> int | None:
    """The length in days of the event dated ``date``: the days of its date range, else "for two days" / "over two
    weeks" in its sentence (2 and 7); None when the text does not tell it."""
    length = rules().length
    a, b = date.date, date.until
    if b is not None and a.day is not None and b.day is not None and a.month and b.month:
        return (_date(b.year, b.month, b.day) - _date(a.year, a.month, a.day)).days + 1
    if length.short.search(s.sentence):
        return 2
    if length.long.search(s.sentence):
        return 7
    return None


def kind_by_length(kind: str, date: DateMention, days: int | None, graded: bool = False) -> str:
    """The kind of an Ofsted event of no stated kind (``kind``: the framework its date gives, or "other") told by its
    length in ``days`` (:func:`length_days`). A visit of a few days since focused visits began is a focused visit
    (not an inspection its sentence grades: ``graded``); an event of a week or more is an inspection."""
    length = rules().length
    if days is None:
        return kind
    if days <= length.short_days and not graded and kind in ("ilacs", OTHER) and date.date >= length.focused_since:
        return "focused-visit"
    if days >= length.long_days and kind == OTHER:
        return kind_by_date(rules().kinds[GENERIC], date.date) or kind
    return kind
