"""Decisions: resolutions and recommendations, with their number, outcome, type, date and whether they were unanimous.

:func:`match_decisions` reads, segment by segment,

- the items of "RESOLVED", "Decision:", "Recommendations", "Recommended –", "The Board is asked to:" sections
  (:mod:`.headed_decisions`); what follows the end of their list in the section is read as text with no heading;
- resolutions with no heading, in minutes items, agenda-item and decision pages (:mod:`.headless_decisions`); only a
  strong opener ("That …", "RESOLVED to …") in a summary of the discussion, a report's purpose, or on a page that is
  not a meeting's; an infinitive ("To appoint …") is a resolution under "Minutes:" and on a decision page, and the
  item's proposal above a meeting's minutes;
  a numbered "1) That …" resolution that opens the page (no title);
- a recommendation quoted and then agreed ('The recommendation "That …" The Committee agreed').

How the lines divide into items (list markers, paragraphs, agenda items' titles, where an item ends) is
:mod:`.decision_lines`'; what opens a resolution, :mod:`.decision_rules`'. A report's recommendations above the item's
minutes were proposed, not decided, unless the page says they were agreed ("RESOLVED: as recommended." is no decision
of its own but says so).

Procedural resolutions (minutes confirmed, a chair appointed, apologies, the public excluded) are kept and typed
``procedural``; the others are ``resolution`` or, in a recommendations section, ``recommendation``. Each one's outcome
is the first outcome word it uses ("noted", "agreed", …; a recommendation without one is "recommended"); it is
unanimous when a cue says so in its section, or anywhere on the page outside every decision section; its date is
the day of the page's own meeting, else the page's date of decision. :func:`merge_decisions` makes one decision of a
decision printed twice (the same first twelve words). Rules: ``rules/decisions.toml``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from caregraph.pipeline.dates import sort_key
from caregraph.pipeline.extract.decision_lines import marker
from caregraph.pipeline.extract.decision_rules import (
    DECISION_SECTIONS,
    QUOTE_MARKS,
    RECOMMENDATIONS_AGREED,
    resolution_opening,
    rules,
)
from caregraph.pipeline.extract.doc import Doc, clean, slugish
from caregraph.pipeline.extract.headed_decisions import section_items
from caregraph.pipeline.extract.header_meetings import is_header_meeting
from caregraph.pipeline.extract.headless_decisions import headless_items, reported_decisions
from caregraph.pipeline.extract.meeting_rules import rules as meeting_rules
from caregraph.records import DecisionRecord, Evidence, Genre, MeetingRecord, PartialDate, Segment, Segmented


class DecisionCandidate(NamedTuple):
    text: str  # space folded
    evidence: Evidence
    number: str | None
    outcome: str | None
    kind: str  # "resolution", "recommendation" or "procedural"
    unanimous: bool | None


def find_decisions(doc: Doc | Segmented, meetings: list[MeetingRecord] | None = None) -> list[DecisionRecord]:
    """Resolutions and recommendations: the items of decision sections, resolutions with no heading, and a
    recommendation quoted and then agreed, each dated by the page's own meeting (in ``meetings``) or its date of
    decision. A decision printed twice is one."""
    doc = Doc.of(doc)
    # a page headed by its meeting ("Overview and Scrutiny Board - Monday 23rd April 2018") records that meeting,
    # whatever its genre says
    headed = any(is_header_meeting(m, doc) for m in meetings or [])
    return merge_decisions(match_decisions(doc, meeting_page=headed), decision_date(doc, meetings or []))


def decision_date(doc: Doc, meetings: list[MeetingRecord]) -> PartialDate | None:
    """The day the page's decisions were made: its own meeting's (the latest), else its "Date of decision"."""
    own = [m.date for m in meetings if is_header_meeting(m, doc)]
    if own:
        return max(own, key=sort_key)
    for s in doc.segments:
        if s.kind == "decision_date":
            dates = doc.dates_in(s.start, s.end)
            if dates and dates[0].date.precision == "day":
                return dates[0].date
    return None


def merge_decisions(candidates: list[DecisionCandidate], date: PartialDate | None = None) -> list[DecisionRecord]:
    """One decision per text (the first twelve words, case and punctuation folded, a leading "resolved" dropped),
    the first found."""
    out: dict[str, DecisionRecord] = {}
    for c in candidates:
        words = slugish(c.text).split()
        if words[:1] == ["resolved"]:
            words = words[1:]
        key = " ".join(words[:12])
        if key not in out:
            out[key] = DecisionRecord(c.text, c.evidence, c.number, c.outcome, c.kind, c.unanimous, date)
    return list(out.values())


_MEETING_GENRES = {Genre.MINUTES, Genre.AGENDA_ITEM, Genre.ISSUE_MEETINGS, Genre.DECISION}
#: Sections whose lines are no resolutions (attendees, reasons, …).
_NOT_DECISIONS = {
    "witnesses",
    "reasons",
    "aside",
    "call_in",
    "title",
    "meeting",
    "item",
    "page",
}


_MINUTES_LABEL = re.compile(r"Minutes[ \t]*(?::|\n|$)")
#: A motion put to a meeting: "Notice of Motion …", "Motion … to be seconded by Councillor …", "Motion proposed by …".
_MOTION = re.compile(
    r"(?i)\bnotices?\s+of\s+motion\b|\bmotion\b[^.\n]{0,160}?\b(?:moved|proposed|seconded|submitted|given)\s+by\b"
)
#: How the vote on a motion went: "The motion was carried.", "On being put to the vote, …", "RESOLVED".
_VOTED = re.compile(
    r"(?i)\b(?:motion|amendment)\b[^.\n]{0,80}?\b(?:was|were|is|being)\s+(?:duly\s+|unanimously\s+|then\s+)?"
    r"(?:carried|agreed|passed|approved|adopted|lost|defeated|rejected|withdrawn)\b|\bput\s+to\s+the\s+vote\b|(?-i:RESOLVED)|\bresolved\s*(?:[:–—-]|that\b)"
)


def match_decisions(doc: Doc, *, meeting_page: bool = False) -> list[DecisionCandidate]:
    """Every decision item of the page's decision sections, the resolutions with no heading, then the quoted
    recommendations, in that order. With ``meeting_page`` (a page headed by its own meeting) a strong opener is read
    with no heading even where the page's genre is news."""
    text = doc.text
    lowered = text[: doc.limit].lower()  # quick tests before the full patterns
    cues = [m.start() for m in rules().unanimous.finditer(text, 0, doc.limit)] if "unanim" in lowered else []
    doc_unanimous = True if cues else None
    # "It was RESOLVED unanimously that …" in one section says nothing of the others; a cue outside every
    # decision section ("The decision was unanimous.") is the page's.
    sections = [(s.start, s.end) for s in doc.segments if s.kind in DECISION_SECTIONS]
    if cues and all(any(a <= c < b for a, b in sections) for c in cues):
        doc_unanimous = None
    # an agenda-item page with the item's minutes: the recommendations above them were proposed, not decided
    minutes_start = next((s.start for s in doc.segments if s.kind == "minutes"), -1)
    # … unless the page says they were agreed ("The recommendations were agreed.")
    answered = minutes_start >= 0 and RECOMMENDATIONS_AGREED.search(text, 0, doc.limit) is not None
    # the record of what the meeting did: a section under a "Minutes:" label (not a title "Minutes of the last meeting")
    minuted_at = {s.start for s in doc.segments if s.kind == "minutes" and _MINUTES_LABEL.match(text, s.start)}
    # a motion put to the council ("Notice of Motion … to be seconded by …"): its "That this Council …" is proposed,
    # not resolved, unless the page says how the vote went or records the meeting ("Minutes:")
    motion = "motion" in lowered and minutes_start < 0 and _MOTION.search(text, 0, doc.limit) is not None
    proposed = motion and _VOTED.search(text, 0, doc.limit) is None
    # a report to a meeting (no meeting's record, no decision page) that never says its recommendations were agreed
    report = doc.genre is Genre.OTHER and RECOMMENDATIONS_AGREED.search(text, 0, doc.limit) is None
    out: list[DecisionCandidate] = []
    for s in doc.segments:
        if s.start >= doc.limit:
            break
        unanimous = True if doc_unanimous or any(s.start <= c < s.end for c in cues) else None
        if s.kind == "recommendations" and s.start < minutes_start and not answered:
            continue  # what the report proposed: the minutes below say what was decided
        if s.kind == "recommendations" and report and rules().put_to_heading.match(text, s.start):
            continue  # a report's "Cabinet is recommended to:": what it puts to the meeting, not what was decided
        if s.kind in DECISION_SECTIONS:
            kind = "recommendation" if s.kind == "recommendations" else "resolution"
            items, stop = section_items(doc, s)
            if stop < s.end:  # the resolutions are over: what follows is read as text with no heading
                rest = Segment("body", stop, s.end)
                items += headless_items(doc, rest, strong_only=doc.genre not in _MEETING_GENRES)
        elif (
            (s.kind not in _NOT_DECISIONS or _resolution_title(text, s))
            and (doc.genre is not Genre.NEWS or meeting_page)
            and not proposed
        ):
            # only a strong opener is a resolution in a summary of the discussion (points made) and on a page that is
            # not a meeting's (an agenda item, minutes, an issue or decision page)
            # a report's purpose (a decision page's resolutions may follow it with no heading) likewise
            # (a page headed by its own meeting records that meeting, whatever its genre says)
            strong_only = s.kind in ("key_points", "purpose") or (doc.genre not in _MEETING_GENRES and not meeting_page)
            # "To appoint …" is a resolution under "Minutes:", the item's proposal above it
            # … and on a decision page, which records what was decided ("To approve the designation of …" above
            # "Reasons for the decision:")
            minuted = s.start in minuted_at or doc.genre is Genre.DECISION
            kind, items = "resolution", headless_items(doc, s, strong_only=strong_only, minuted=minuted)
        else:
            continue
        if s.kind == "recommendations" and report:
            # "1. Members are asked to note the report.": each item put to the meeting, as its heading would put it
            items = [i for i in items if not rules().proposal.match(text[i[1] : i[2]])]
        numbers = [n for n, _, _ in items]
        if len(items) > 1 and len(set(numbers)) == 1:
            numbers = [None] * len(items)  # the rendering numbers every item "1."
        for (_n, cs, ce), number in zip(items, numbers, strict=False):
            found = _decision(doc, cs, ce, number, kind, unanimous)
            if found is not None:
                out.append(found)
    quoted = _quoted_recommendation().finditer(text, 0, doc.limit) if "recommendation" in lowered else ()
    for m in quoted:
        found = _decision(doc, m.start("text"), m.end("text"), None, "recommendation", doc_unanimous)
        if found is not None:
            out.append(found)
    if not out:  # no resolution in any form a minute writes: the decisions a story reports in its sentences
        for _n, cs, ce in reported_decisions(doc):
            unanimous = True if "unanim" in text[cs:ce].lower() or doc_unanimous else None
            found = _decision(doc, cs, ce, None, "resolution", unanimous)
            if found is not None:
                out.append(found)
    return out


def _resolution_title(text: str, s: Segment) -> bool:
    """Whether a page's "title" is a numbered resolution ("1) That the plan be endorsed …"): no title opens with a list
    marker and "That"."""
    if s.kind != "title":
        return False
    number, cs, marked = marker(text, s.start, s.end)
    return marked and number is not None and re.match(r"(?i)that\s", text[cs : cs + 5]) is not None


@cache
def _quoted_recommendation() -> re.Pattern[str]:
    """A recommendation quoted and then agreed: 'The recommendation "That …" The Committee agreed'."""
    heads = meeting_rules().body_heads
    return re.compile(
        r"\brecommendation\b[^“\"\n]{0,60}?[“\"](?P<text>(?:That|To)\b[^”\"\n]{10,600}?)[”\"]\s*\.?\s*"
        rf"(?:The\s+(?:[A-Z][\w’'-]*\s+){{0,6}}?(?-i:{heads})\s+(?:agreed|accepted|approved|supported)|This\s+was\s+(?:agreed|accepted)|Agreed)",
        re.I,
    )


#: A record's label run into the line after an item's title ("… Minutes:The minutes …", "… Decision: That …").
_RUN_IN_LABEL = re.compile(r"(?<=\S)[ \t]+(?-i:Minutes|Decisions?|Resolved|RESOLVED)[ \t]*:[ \t]*(?=\S)")
#: A decision heading run into the resolution under it, as a flattened page prints it ("DECISION TAKENThat …").
_GLUED_HEADING = re.compile(r"(?i:decisions?\s+(?:taken|made))\s*:?\s*(?=(?-i:That|THAT)\s)")
#: A resolution's verb, or what stands for one: a form of "be", a past participle ("noted", "agreed", "received"),
#: an infinitive ("to note …").
_HAS_VERB = re.compile(r"(?i)\b(?:be|been|being|is|are|was|were|[a-z]+ed|to\s+[a-z]+)\b")
#: The end of a sentence: the text was not cut off in the middle of one.
_ENDED = re.compile(r"[.!?;:)]\s*\Z")


def _decision(
    doc: Doc, cs: int, ce: int, number: str | None, kind: str, unanimous: bool | None
) -> DecisionCandidate | None:
    """The decision ``text[cs:ce]`` (trimmed of page clutter and quote marks, and of an item's title a download link
    ends), unless it is too short; procedural business is typed so."""
    r = rules()
    text = doc.text
    m = r.clutter.search(text, cs, ce)
    while m is not None and m.start() > cs:
        ce = m.start()
        m = r.clutter.search(text, cs, ce)
    link = r.title_link.search(text, cs, ce)
    if link is not None and resolution_opening(text, link.end(), ce, infinitive=True) is not None:
        # "Minutes of the previous meeting pdf icon PDF 75 KB that the minutes …": the item's title goes (not a link
        # inside the resolution: "That the action plan pdf icon PDF 433 KB be presented …")
        cs = link.end()
    heading = _GLUED_HEADING.match(text, cs, ce)
    if heading is not None:
        cs = heading.end()  # "DECISION TAKENThat the minutes …": the section's heading run into its first line
    label = _RUN_IN_LABEL.search(text, cs, min(ce, cs + 200))
    if label is not None and resolution_opening(text, label.end(), ce, infinitive=True) is not None:
        # "Minutes of the previous meeting PDF 46 KB Minutes:The minutes … were approved": a flattened page runs the
        # item's title and its "Minutes:" label into the resolution's line; the resolution starts after the label
        cs = label.end()
    while cs < ce and text[cs] in QUOTE_MARKS + " \t":
        cs += 1
    while ce > cs and text[ce - 1] in '”"’ \t':
        ce -= 1
    decision_text = clean(r.title_link.sub("", text[cs:ce]))  # a link inside the resolution is no word of it
    if len(decision_text) < 8 or r.back_reference.match(decision_text):
        return None
    if not text[ce:].strip() and not _ENDED.search(decision_text) and not _HAS_VERB.search(decision_text):
        return None  # "RESOLVED – That the press": cut off by the end of the page before its verb, it says nothing
    if r.procedural.search(decision_text[:300]):
        kind = "procedural"
    return DecisionCandidate(
        decision_text, doc.evidence(cs, ce), number, _outcome(decision_text, kind), kind, unanimous
    )


def _outcome(text: str, kind: str) -> str | None:
    best = None
    for key, pattern in rules().outcomes:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), key)
    if best is None:
        return "recommended" if kind == "recommendation" else None
    return best[1]
