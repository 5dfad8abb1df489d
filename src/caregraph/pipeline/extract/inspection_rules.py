"""The rules of the inspections finder, compiled once, and the draft an inspection mention becomes.

:func:`rules` reads ``rules/inspections.toml`` (but the judgement tables, which :mod:`.judgements` reads): the kinds
table (kind, cues, family, graded, framework, anaphor, inspectorate, the kinds a generic mention takes by date), the
inspectorates, and the cues that place a mention in time. A :class:`Draft` is an inspection as one mention states
it; matching (:mod:`.inspections`) makes drafts, merging (:mod:`.inspection_merge`) makes records of them.
:func:`is_publication` tells a report's publication date (the follow-ups finder asks it too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from caregraph.pipeline.dates import DateMention, sort_key
from caregraph.pipeline.extract.doc import load_rules
from caregraph.records import Evidence, PartialDate

GENERIC = "generic"  # the kind of a generic mention ("Ofsted inspection"), and of "the inspection" before any kind
LSCB_REVIEW = "lscb-review"  # the kind a grade for the LSCB makes an entry of
OTHER = "other"  # the kind of another service's inspection (a children's home's, a youth justice service's), and of
# an inspectorate's visit of no stated kind
#: A report known only by its publication date is of an event up to this many months before it (Ofsted publishes
#: within weeks; letters and reports that follow a review within months).
PUBLISHED_WITHIN_MONTHS = 8


@dataclass(frozen=True)
class Kind:
    """One row of the kinds table (see ``rules/inspections.toml``)."""

    key: str
    cues: re.Pattern[str] | None
    family: str
    graded: str  # "always", "in-sentence" or "never"
    framework: str
    anaphor: str | None  # "inspection" or "visit"
    inspectorate: str | None
    by_date: tuple[tuple[PartialDate, str], ...] = ()  # newest first
    by_publication: tuple[tuple[PartialDate, str], ...] = ()
    needs: tuple[str, ...] = ()  # one of these (lower case) is in every match of its cues


@dataclass(frozen=True)
class InspectionRules:
    kinds: dict[str, Kind]  # in table order
    cue_kinds: tuple[tuple[Kind, re.Pattern[str]], ...]  # the kinds with cues and their cues, in table order
    graded: frozenset[str]  # kinds that carry an overall judgement
    graded_in_sentence: frozenset[str]  # kinds that take one stated in their sentence
    not_an_event: re.Pattern[str]
    not_an_event_before: re.Pattern[str]
    other_service_before: re.Pattern[str]
    other_service_after: re.Pattern[str]
    publication: re.Pattern[str]
    publication_after: re.Pattern[str]
    meeting_date_before: re.Pattern[str]
    other_event_date: re.Pattern[str]
    meeting_date_after: re.Pattern[str]
    ended: re.Pattern[str]
    inspectorates: tuple[tuple[str, re.Pattern[str]], ...]
    planned: re.Pattern[str]
    focus: re.Pattern[str]
    sequence: re.Pattern[str]
    anaphor: re.Pattern[str]  # "the inspection", "Ofsted's visit": the kind last named (the noun)
    anaphor_before: re.Pattern[str]  # the determiner and words before the noun
    visit_verb: re.Pattern[str]  # "inspectors, who visited on …"
    ordinal_ellipsis: re.Pattern[str]  # "… and the second in July": the next of a series
    same_grade: re.Pattern[str]  # "reached the same conclusion": the grade last stated


def _by_date(table: dict[str, str]) -> tuple[tuple[PartialDate, str], ...]:
    return tuple(
        sorted(((PartialDate.parse(v), k) for k, v in table.items()), key=lambda x: sort_key(x[0]), reverse=True)
    )


#: The values a kind's ``graded`` and ``anaphor`` may take.
_CHOICES = {"graded": ("always", "in-sentence", "never"), "anaphor": ("inspection", "visit", None)}


def _kind(row: dict) -> Kind:
    for name, choices in _CHOICES.items():
        if row.get(name) not in choices:
            raise ValueError(
                f"rules/inspections.toml: kind {row.get('key')!r} has {name} = {row.get(name)!r}; expected one of "
                + ", ".join(repr(c) for c in choices if c is not None)
                + (" or none" if None in choices else "")
            )
    return Kind(
        key=row["key"],
        cues=re.compile(row["cues"], re.I) if row.get("cues") else None,
        family=row["family"],
        graded=row["graded"],
        framework=row["framework"],
        anaphor=row.get("anaphor"),
        inspectorate=row.get("inspectorate"),
        by_date=_by_date(row.get("by_date", {})),
        by_publication=_by_date(row.get("by_publication", {})),
        needs=tuple(row.get("needs", ())),
    )


@cache
def rules() -> InspectionRules:
    """The rules of ``rules/inspections.toml`` (but the judgement tables), compiled once."""
    d = load_rules("inspections")
    kinds = {row["key"]: _kind(row) for row in d["kinds"]}
    for k in kinds.values():
        for _, target in k.by_date + k.by_publication:
            if target not in kinds:
                raise ValueError(f"rules/inspections.toml: kind {k.key!r} dates to {target!r}, which is no kind")
    cues = d["inspection_cues"]

    def cue(name: str) -> re.Pattern[str]:
        return re.compile(cues[name], re.I)

    return InspectionRules(
        kinds=kinds,
        cue_kinds=tuple((k, k.cues) for k in kinds.values() if k.cues is not None),
        graded=frozenset(k.key for k in kinds.values() if k.graded == "always"),
        graded_in_sentence=frozenset(k.key for k in kinds.values() if k.graded == "in-sentence"),
        not_an_event=cue("not_an_event"),
        not_an_event_before=cue("not_an_event_before"),
        other_service_before=cue("other_service_before"),
        other_service_after=cue("other_service_after"),
        publication=cue("publication"),
        publication_after=cue("publication_after"),
        meeting_date_before=cue("meeting_date_before"),
        other_event_date=cue("other_event_date"),
        meeting_date_after=cue("meeting_date_after"),
        ended=cue("ended"),
        inspectorates=tuple((k, re.compile(p, re.I)) for k, p in d["inspectorates"].items()),
        planned=cue("planned"),
        focus=cue("focus"),
        sequence=cue("sequence"),
        anaphor=cue("anaphor"),
        anaphor_before=cue("anaphor_before"),
        visit_verb=cue("visit_verb"),
        ordinal_ellipsis=cue("ordinal_ellipsis"),
        same_grade=cue("same_grade"),
    )


def kind_by_date(kind: Kind, date: PartialDate | None, publication: bool = False) -> str | None:
    """The kind a generic mention of ``kind`` dated ``date`` is: the framework in force then (at its publication
    date with ``publication``)."""
    if date is None:
        return None
    table = kind.by_publication if publication else kind.by_date
    when = (date.year, date.month or 1, date.day or 1)  # "2018" is in the framework that began in January 2018
    for since, key in table:
        if when >= (since.year, since.month or 1, since.day or 1):
            return key
    return None


@dataclass
class Draft:
    """An inspection as one mention states it, before the mentions of one event are merged."""

    kind: str
    start: PartialDate | None
    end: PartialDate | None
    evidence: Evidence
    planned: bool
    focus: str | None = None
    sequence: int | None = None
    judgement: str | None = None
    subs: dict[str, str] | None = None
    published: PartialDate | None = None
    inspectorate: str | None = None
    date_text: str | None = None
    pos: int = 0  # where the cue is
    date_pos: tuple[int, int] = (0, 0)  # where its own date is (else its publication date)
    published_pos: tuple[int, int] = (0, 0)  # where its publication date is
    owns_judgement: bool = False  # its grade was stated with its own date
    explicit_judgement: bool = False  # its grade was stated as the overall one
    sentence: tuple[int, int] = (0, 0)  # the sentence it was read in
    generic: bool = False  # a generic mention ("the Ofsted report"), its kind told by its date


def is_publication(text: str, date: DateMention, s_start: int) -> bool:
    """Whether the words before ``date`` (back to ``s_start``) make it a report's publication date ("published
    on …", "letter (dated …)"), or the words right after it ("today's Ofsted report")."""
    r = rules()
    return bool(
        r.publication.search(text[max(s_start, date.start - 45) : date.start])
        or r.publication_after.match(text, date.end, min(len(text), date.end + 30))
    )


def months_spanned(date: PartialDate) -> tuple[int, int]:
    """The first and last month ``date`` may stand for, counted from year 0."""
    base = date.year * 12
    return (base + date.month - 1, base + date.month - 1) if date.month else (base, base + 11)


def may_report_on(start: PartialDate, published: PartialDate) -> bool:
    """Whether a report published at ``published`` can be of an event that started at ``start``."""
    s_lo, s_hi = months_spanned(start)
    p_lo, p_hi = months_spanned(published)
    return p_hi >= s_lo and p_lo - s_hi <= PUBLISHED_WITHIN_MONTHS
