"""Follow-ups: dated commitments ("That Cabinet review progress in December 2019", "an improvement plan would be
submitted by 21st November").

:func:`match_follow_ups` reads each decision, then each sentence of the page's prose sections; in each it takes the
first commitment cue ("report back", "be presented", "by the end of", …) whose clause states a due date: a date at
the text's precision, relative dates resolved against the document's date, not a report's publication date nor the
date of something that happened ("the visit carried out 1-2 November"), not before the document's own date.
Conditions ("subject to …"), other bodies' plans ("Ofsted will …") and procedural deadlines for the public or
members (questions, petitions, call-in) are no commitments, and a planned inspection's date is the inspection's. The description is the
clause from after a reporting verb ("Officers confirmed that …"). :func:`merge_follow_ups` keeps one follow-up per
due date, the first found. Rules: ``rules/follow_ups.toml``; a publication date is told by the inspections finder's
rule (:func:`caregraph.pipeline.extract.inspections.is_publication`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from caregraph.pipeline.dates import sort_key
from caregraph.pipeline.extract.doc import SCAN_LIMIT, Doc, clean, load_rules, trim
from caregraph.pipeline.extract.inspections import is_publication
from caregraph.records import DecisionRecord, FollowUpRecord, PartialDate, Segmented


@dataclass(frozen=True)
class FollowUpRules:
    cue: re.Pattern[str]  # a commitment
    not_cue: re.Pattern[str]  # a clause that is a condition, another body's plan or a procedural deadline
    not_due_before: re.Pattern[str]  # words before a date that make it a planned inspection's
    description_lead: re.Pattern[str]  # what comes before the description ("Officers confirmed that")
    clutter: re.Pattern[str]  # page clutter left in the text ("pdf icon PDF 433 KB")


@cache
def rules() -> FollowUpRules:
    """The rules of ``rules/follow_ups.toml``, compiled once."""
    d = load_rules("follow_ups")["follow_ups"]
    return FollowUpRules(
        cue=re.compile(d["cue"], re.I),
        not_cue=re.compile(d["not_cue"], re.I),
        not_due_before=re.compile(d["not_due_before"], re.I),
        description_lead=re.compile(d["description_lead"], re.I),
        clutter=re.compile(d["clutter"], re.I),
    )


#: The segments whose sentences may hold a commitment.
_PROSE = {
    "body",
    "minutes",
    "reasons",
    "key_points",
    "recommendations",
    "resolved",
    "decision",
    "witnesses",
    "documents",
    "purpose",
    "decision_maker",
}


def find_follow_ups(
    doc: Doc | Segmented,
    decisions: list[DecisionRecord],
    doc_date: PartialDate | None,
    anchor: PartialDate | None = None,
) -> list[FollowUpRecord]:
    """Dated commitments: "That Cabinet review progress in December 2019", "an improvement plan would be submitted
    by 21st November". The due date is at the text's precision, relative dates resolved against the document's
    date; undated commitments, conditions and other bodies' plans are left out."""
    return merge_follow_ups(match_follow_ups(Doc.of(doc), decisions, doc_date, anchor))


def match_follow_ups(
    doc: Doc, decisions: list[DecisionRecord], doc_date: PartialDate | None, anchor: PartialDate | None = None
) -> list[FollowUpRecord]:
    """The commitment of each decision, then of each sentence of the prose sections (one at most of each)."""
    anchor = anchor or doc_date
    out: list[FollowUpRecord | None] = []
    for d in decisions:
        out.append(_in_span(doc, d.evidence.start, d.evidence.end, d.number, doc_date, anchor))
    for s in doc.segments:
        if s.kind in _PROSE:
            for ss, se in doc.sentences_in(s.start, min(s.end, SCAN_LIMIT)):
                out.append(_in_span(doc, ss, se, None, doc_date, anchor))
    return [c for c in out if c is not None]


def merge_follow_ups(candidates: list[FollowUpRecord]) -> list[FollowUpRecord]:
    """One follow-up per due date, the first found."""
    out: dict[str, FollowUpRecord] = {}
    for c in candidates:
        out.setdefault(c.due.iso(), c)
    return list(out.values())


def _in_span(
    doc: Doc,
    start: int,
    end: int,
    decision_number: str | None,
    doc_date: PartialDate | None,
    anchor: PartialDate | None,
) -> FollowUpRecord | None:
    """The commitment of ``text[start:end]``: its first cue whose clause states a due date."""
    r = rules()
    text = doc.text
    if not _DATE_WORD.search(text, start, end):
        return None  # no due date to be had
    for cue in r.cue.finditer(text, start, end):
        c_start, c_end = _clause(text, start, end, cue.start())
        clause = text[c_start:c_end]
        if r.not_cue.search(clause):
            continue
        dates = [
            d
            for d in doc.dates_in(c_start, c_end, anchor, future=True, durations=True)
            if not is_publication(text, d, c_start)
            and not _PAST_EVENT_DATE.search(text, max(c_start, d.start - 40), d.start)
            and not r.not_due_before.search(text, max(c_start, d.start - 60), d.start)
        ]
        if doc_date is not None:
            dates = [
                d
                for d in dates
                if sort_key(d.date)[: len(doc_date.iso().split("-"))]
                >= sort_key(doc_date)[: len(d.date.iso().split("-"))]
                and d.date != doc_date
            ]
        if not dates:
            continue
        after_cue = [d for d in dates if d.start >= cue.start()]
        due = (after_cue[0] if after_cue else dates[-1]).date
        lead = r.description_lead.match(clause)
        d_start = c_start + (lead.end() if lead else 0)
        description = clean(r.clutter.sub(" ", text[d_start:c_end])).rstrip(" .,;")
        description = re.sub(r"^(?:that|and|but)\s+", "", description, flags=re.I)
        return FollowUpRecord(description, due, doc.evidence(d_start, c_end), None, decision_number)
    return None


#: What every due date holds: a digit, or a month, season or relative word (a cheap test that skips the rest).
_DATE_WORD = re.compile(
    r"(?i)\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|winter|fall|today|tomorrow|month|year"
)
#: Words before a date that make it the date of something that happened ("the visit carried out 1-2 November
#: 2022"), not the date a commitment is due ("to be carried out in March" is still due then).
_PAST_EVENT_DATE = re.compile(
    r"(?i)(?<!\bbe\s)\b(?:carried\s+out|took\s+place|held|undertaken|conducted|visited|inspected|dated)\s+(?:on\s+|in\s+|between\s+|from\s+|during\s+|over\s+)?(?:the\s+)?$"
)
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?=(?:but|however|with|which|while|whilst|although|and\s+(?:a|an|the)\s+(?:future|interim))\b)|\(|\)|\.\s"
)


def _clause(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of ``text[start:end]`` that holds ``pos``: between clause breaks (semicolons, brackets, ", but", ", with"…)."""
    c_start, c_end = start, end
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.end() <= pos:
            c_start = m.end()
        elif m.start() >= pos:
            c_end = m.start()
            break
    return trim(text, c_start, c_end)
