"""Follow-ups: dated commitments ("That Cabinet review progress in December 2019", "an improvement plan would be
submitted by 21st November").

:func:`match_follow_ups` reads each decision, then each sentence of the page's prose sections; in each it takes the
first commitment cue ("report back", "be presented", "by the end of", …) whose clause states a due date: a date at
the text's precision, relative dates resolved against the document's date, not a report's publication date nor the
date of something that happened ("the visit carried out 1-2 November"), not before the document's own date (on a
page of several meetings, the date of the meeting whose minutes hold it; on a page with no date in its text, not
before its URL's date); a sentence a hard line break cut off is read with its next line; a publication date only when
what is published is the council's own ("the refreshed plan is due to be published in July"), not an inspection's
report or letter, and a report to come dated right after ("asked for a further report in June") is no publication.
Conditions ("subject to …"), hopes, plans put off, other bodies' plans in any tense ("Ofsted will …", "Ofsted
planned to …", "the inspection team will …"), a he, she or they standing for an outside actor ("A team of
inspectors arrived … They will …"), questions ("asked whether …"), denied cues ("it was not possible to review …"),
targets and forecasts ahead of the cue ("caseloads are expected to fall to 18 by March"), funding lines ("£1m will be
provided until March") and procedural deadlines for the public or members (questions, petitions, call-in, "the
deadline for this meeting is 10.00am on …") are no commitments; a planned inspection's date
is the inspection's; a date of something past ("back in February", "since September", "who in December
recommended") or that a figure is taken at ("as at June") is due for nothing; a span of time ("in three months")
counts only from the page's own date (its text's or URL's). A date hangs on the tense its clause gives it: the last
tense marker before it ("was", "had", "have already" against "would", "to", "that", "due", "for its meeting")
tells something done ("A briefing was circulated to members on 26 October") from something to come ("was being
deferred until the November meeting"); a subject headed by an outside body, the public or every council ("The
Department for Education has decided to …", "schools would keep their own lists", "All local authorities will …")
makes no commitment of the council unless its cue passes the act on ("Ofsted required a plan to be submitted by …");
a date in figures after a dash or bar is a listing's stamp ("… - 23/12/2019"); what is due after a dated meeting
("following the meeting of the Board on 16 September") is due in that month. A
resolution with a date to come is a commitment itself (unless it notes, welcomes or approves), and the rows of a
flattened work programme or action log (:func:`table_follow_ups`) are each one. A closed bracket is an aside a clause
runs across ("be endorsed for submission (as the regulations require) by 9 March"); its dates are its own. The
description is the clause from after a reporting verb ("Officers confirmed that …"), less its due date and long
asides, with what a relative clause stands for ("the Scrutiny Committee, which will …") and the agenda item "this
item" is minuted under. :func:`merge_follow_ups` keeps one follow-up per
due date, the first found. Rules: ``rules/follow_ups.toml``; a publication date is told by the inspections finder's
rule (:func:`caregraph.pipeline.extract.inspections.is_publication`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from caregraph.pipeline.dates import MONTH_NAMES, SEASON, DateMention, document_date_from_url, finer_within, sort_key
from caregraph.pipeline.extract.doc import SCAN_LIMIT, Doc, clean, load_rules, trim
from caregraph.pipeline.extract.inspections import is_publication
from caregraph.pipeline.extract.meeting_rules import rules as meeting_rules
from caregraph.pipeline.extract.patterns import at_word_starts, with_first_letters
from caregraph.pipeline.extract.posts import post_words
from caregraph.records import DecisionRecord, FollowUpRecord, InspectionRecord, PartialDate, Segmented


@dataclass(frozen=True)
class FollowUpRules:
    cue: re.Pattern[str]  # a commitment
    not_cue: re.Pattern[str]  # a clause that is a condition, another body's plan or a procedural deadline
    not_due_before: re.Pattern[str]  # words before a date that make it a planned inspection's
    description_lead: re.Pattern[str]  # what comes before the description ("Officers confirmed that")
    clutter: re.Pattern[str]  # page clutter left in the text ("pdf icon PDF 433 KB")
    outside_actor: re.Pattern[str]  # an actor outside the council ("inspectors", "the commissioner")
    public_actor: re.Pattern[str]  # the public or outside bodies heading a subject ("parents", "schools")
    negated: re.Pattern[str]  # words before a cue that deny it ("it was not possible to")
    particle_verb: re.Pattern[str]  # a verb whose "back" is a particle ("report back in March")
    past_verb_after: re.Pattern[str]  # a past verb just after a date ("who in December recommended")
    snapshot_before: re.Pattern[str]  # words before the date a figure is taken at ("as at June 2024")
    money: re.Pattern[str]  # money in a clause ("£500,000", "funding")
    money_cue: re.Pattern[str]  # a cue that gives or spends money ("be provided", "will receive")
    money_until: re.Pattern[str]  # words before a date that bound a sum ("until", "up to")
    target: re.Pattern[str]  # a target or forecast ("aims to have 90% of …", "expected to fall to 18 by …")
    past_form: re.Pattern[str]  # a verb in the past ("agreed", "took", "drawn")
    pronoun_subject: re.Pattern[str]  # a pronoun before a verb ("it", "they", "who")
    fronted: re.Pattern[str]  # a sentence's opening phrase before a date ("In", "Last")
    recurring_before: re.Pattern[str]  # words before a date that make it recur ("annually in")
    recurring_after: re.Pattern[str]  # words after a date that make it recur ("each year")
    span_until: re.Pattern[str]  # words before a date that end a span ("until")
    put_off_until: re.Pattern[str]  # words of a clause that put something off to a date ("deferred")
    condition_before: re.Pattern[str]  # a condition opening the clause before a date ("Should the budget be …")
    own_agent: re.Pattern[str]  # the council or its people in a subject ("the service", "officers", "we")
    own_thing: re.Pattern[str]  # a thing the council produces or holds ("a report", "the action plan", "a meeting")


@cache
def rules() -> FollowUpRules:
    """The rules of ``rules/follow_ups.toml``, compiled once."""
    d = load_rules("follow_ups")["follow_ups"]
    return FollowUpRules(
        cue=at_word_starts(d["cue"], by_letter=True),  # (its alternatives grouped by first letter: speed only)
        not_cue=at_word_starts(d["not_cue"], by_letter=True),  # (at word starts, grouped by first letter: speed only)
        not_due_before=re.compile(d["not_due_before"], re.I),
        description_lead=re.compile(d["description_lead"], re.I),
        clutter=re.compile(d["clutter"], re.I),
        outside_actor=re.compile(d["outside_actor"], re.I),
        public_actor=re.compile(d["public_actor"], re.I),
        negated=re.compile(d["negated"], re.I),
        particle_verb=re.compile(d["particle_verb"], re.I),
        past_verb_after=re.compile(d["past_verb_after"], re.I),
        snapshot_before=re.compile(d["snapshot_before"], re.I),
        money=re.compile(d["money"], re.I),
        money_cue=re.compile(d["money_cue"], re.I),
        money_until=re.compile(d["money_until"], re.I),
        target=with_first_letters(d["target"], re.I),
        past_form=re.compile(d["past_form"], re.I),
        pronoun_subject=re.compile(d["pronoun_subject"], re.I),
        fronted=re.compile(d["fronted"], re.I),
        recurring_before=re.compile(d["recurring_before"], re.I),
        recurring_after=re.compile(d["recurring_after"], re.I),
        span_until=re.compile(d["span_until"], re.I),
        put_off_until=re.compile(d["put_off_until"], re.I),
        condition_before=re.compile(d["condition_before"], re.I),
        own_agent=re.compile(d["own_agent"], re.I),
        own_thing=re.compile(d["own_thing"], re.I),
    )


@cache
def _own_words() -> re.Pattern[str]:
    """The council's own in a subject or clause: the meetings finder's body heads ("Cabinet", "the committee"), the
    posts finder's post heads that name no outside actor or the public ("director", "chair"; not "commissioner",
    "inspector", "minister"), and ``own_agent``."""
    r = rules()
    heads = sorted(
        h for h in post_words().heads if not r.outside_actor.fullmatch(h) and not r.public_actor.fullmatch(h)
    )
    return re.compile(
        rf"(?:{meeting_rules().body_heads}|scrutiny)(?![\w-])|\b(?:{'|'.join(map(re.escape, heads))})s?\b"
        rf"|{r.own_agent.pattern}",
        re.I,
    )


#: The segments whose sentences may hold a commitment (an apologies or declarations section runs on to the next
#: heading, so the prose of the items after it is read too).
_PROSE = {
    "apologies",
    "declarations",
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
    inspections: Iterable[InspectionRecord] = (),
) -> list[FollowUpRecord]:
    """Dated commitments: "That Cabinet review progress in December 2019", "an improvement plan would be submitted
    by 21st November". The due date is at the text's precision, relative dates resolved against the document's
    date; undated commitments, conditions and other bodies' plans are left out, and so is a date the page gives one
    of its ``inspections`` (one date, one event: "To present the report of the inspection … in July 2022")."""
    d = Doc.of(doc)
    events = events_of(inspections)
    found = merge_follow_ups(
        match_follow_ups(d, decisions, doc_date, anchor, events) + decision_due(d, doc_date, anchor)
    )
    seen = {(f.due, f.description) for f in found}
    return found + [f for f in table_follow_ups(d, doc_date, anchor) if (f.due, f.description) not in seen]


#: A forward plan's field of when a decision is due ("Decision due: Not before 15th May 2020 by Leader of the
#: Council", "Decision due date: 12 Jun 2024"), or a decision report's of when it takes effect ("IMPLEMENTATION DATE :
#: 9 AUGUST 2004", "Date of implementation: 3 May 2024"), at the start of its line.
_DECISION_DUE = re.compile(
    r"(?i)[ \t]*(?:decision\s+due(?:\s+date)?|(?:decision\s+)?implementation\s+date|date\s+of\s+implementation)\s*:"
)
#: A report's "Title:" field, the entry's title when the page has one ("Title: LEA OFSTED ACTION PLAN").
_TITLE_FIELD = re.compile(r"(?i)\s*(?:report\s+)?title\s*:\s*(?P<title>\S[^\n]*)")


#: A label of a page's kind above its title ("Issue details", "Forward plan entry", "Decision information").
_PAGE_LABEL = re.compile(r"(?i)(?:[\w-]+\s+){0,3}(?:details|entry|history|meetings|information)$")


def decision_due(doc: Doc, doc_date: PartialDate | None, anchor: PartialDate | None = None) -> list[FollowUpRecord]:
    """The decision a forward plan's entry (a ModernGov "Issue details" page) says is due: its "Decision due:" line's
    date (or a decision report's "Implementation date:"), not before the page's date, with the entry's title and who takes it as the description ("'Children at
    the Heart' Improvement Plan - Key Decision by Leader of the Council")."""
    text = doc.text
    head = text[: doc.limit]
    if not any(w in head for w in ("ecision due", "ECISION DUE", "mplementation", "MPLEMENTATION")):
        return []
    out: list[FollowUpRecord] = []
    for start, end, _ in doc.lines:
        if start >= doc.limit:
            break
        field = _DECISION_DUE.match(text, start, end)
        if field is None:
            continue
        dates = doc.dates_in(field.end(), end, anchor or doc_date, future=True)
        if not dates or (doc_date is not None and not _not_before(dates[0].date, doc_date)):
            continue
        # the entry's title: its "Title:" field, else the page's first line of three words or more that is no label of
        # the page's kind
        fields = (_TITLE_FIELD.match(line) for _, _, line in doc.lines_in(0, start))
        title = next((f.group("title") for f in fields if f is not None), None) or next(
            (line for _, _, line in doc.lines_in(0, start) if len(line.split()) >= 3 and not _PAGE_LABEL.match(line)),
            None,
        )
        by = clean(text[dates[0].end : end]).strip(" .,;")
        what = clean(title).strip(" .:") if title else "decision"
        description = f"{what} {by}" if by.lower().startswith("by ") else what
        out.append(FollowUpRecord(description, dates[0].date, doc.evidence(*trim(text, start, end))))
    return out


#: The events the inspections finder read on a page: each one's evidence span and its dates.
Events = tuple[tuple[int, int, frozenset[PartialDate]], ...]


def events_of(inspections: Iterable[InspectionRecord]) -> Events:
    """The evidence span and dates (start, end, publication) of each of ``inspections``."""
    return tuple(
        (i.evidence.start, i.evidence.end, frozenset(d for d in (i.start, i.end, i.published) if d is not None))
        for i in inspections
    )


def _an_events_date(d: DateMention, events: Events) -> bool:
    """Whether the date mention ``d`` is one of the page's inspections' own: inside its evidence, the same date."""
    return any(s <= d.start < e and d.date in dates for s, e, dates in events)


def match_follow_ups(
    doc: Doc,
    decisions: list[DecisionRecord],
    doc_date: PartialDate | None,
    anchor: PartialDate | None = None,
    events: Events = (),
) -> list[FollowUpRecord]:
    """The commitment of each decision, then of each sentence of the prose sections (one at most of each); a date
    of one of the page's ``events`` is due for nothing."""
    anchor = anchor or doc_date
    counted = _counts_from(doc, doc_date, anchor)
    held = _meetings_held(doc, doc_date)
    # a page with no date in its text is still no earlier than its URL's: a commitment due before it is past
    doc_date = doc_date or document_date_from_url(doc.source.url)
    out: list[FollowUpRecord | None] = []
    for d in decisions:
        when = _as_of(held, d.evidence.start, doc_date)
        found = next(iter(_in_span(doc, d.evidence.start, d.evidence.end, d.number, when, counted, events)), None)
        if (
            found is None
            and _RESOLUTION.match(doc.text, d.evidence.start, d.evidence.end)
            and not _LOOKS_BACK.search(doc.text, d.evidence.start, d.evidence.end)
        ):
            # a resolution is a commitment itself: "That the Committee visits the hub before the July 2023 meeting"
            found = next(
                iter(_in_span(doc, d.evidence.start, d.evidence.end, d.number, when, counted, events, resolution=True)),
                None,
            )
        out.append(found)
    for s in doc.segments:
        if s.kind in _PROSE:
            when = _as_of(held, s.start, doc_date)
            for ss, se in _unwrapped(doc.text, doc.sentences_in(s.start, min(s.end, SCAN_LIMIT))):
                out.extend(_in_span(doc, ss, se, None, when, counted, events, every=True))
    return [c for c in out if c is not None]


#: Where a sentence ends: its last character (past closing quotes and brackets).
_SENTENCE_END = ".!?;:"
#: How long the last line of a sentence cut off by a line break is at least: a line wrapped at a page's width, not a
#: heading ("Purpose of report").
_WRAPPED_LINE = 40
#: A list item's start ("1. …", "(b) …", "• …"): a line that starts one goes on with no sentence above it.
_LIST_ITEM = re.compile(r"[-•·*–]\s|\(?[0-9a-zA-Z]{1,3}[.)]\s")


def _unwrapped(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The sentences of ``spans`` with a sentence that a hard line break cut off (no full stop at the end of its line,
    the next line going on with it: "There would be an update on the Fostering" / "Service on the agenda for the
    March meeting.") joined to the one after it, when that line is as long as a wrapped line; a blank line between
    them parts them, and so does a list item's marker ("1. …") at the start of the next."""
    held: tuple[int, int] | None = None
    for ss, se in spans:
        if held is not None:
            gap = text[held[1] : ss]
            line = text.rfind("\n", 0, held[1]) + 1
            if (
                gap.count("\n") == 1
                and not gap.strip()
                and held[1] - max(line, held[0]) >= _WRAPPED_LINE
                and not _LIST_ITEM.match(text, ss)
            ):
                held = (held[0], se)
            else:
                yield held
                held = (ss, se)
        else:
            held = (ss, se)
        if text[held[0] : held[1]].rstrip(" \t\"”’')")[-1:] in _SENTENCE_END:
            yield held
            held = None
    if held is not None:
        yield held


def _meetings_held(doc: Doc, doc_date: PartialDate | None) -> list[tuple[int, PartialDate]]:
    """The start and day of each meeting heading of a page that records several meetings ("Meeting: 23/01/2024 -
    Cabinet (Item 9)" then "Meeting: 15/01/2024 - Scrutiny Commission (Item 6)"), the page's own date for a heading
    not before it or with no day; empty on a page of one meeting."""
    if doc_date is None:
        return []
    headings = [s for s in doc.segments if s.kind == "meeting" and s.start < doc.limit]
    if len(headings) < 2:
        return []
    out = []
    for s in headings:
        dates = doc.dates_in(s.start, s.end, doc_date)
        earlier = dates and dates[0].date.day is not None and sort_key(dates[0].date) < sort_key(doc_date)
        out.append((s.start, dates[0].date if earlier else doc_date))
    return out


def _as_of(held: list[tuple[int, PartialDate]], pos: int, doc_date: PartialDate | None) -> PartialDate | None:
    """The date a commitment at ``pos`` is still to come from: the day of the meeting whose minutes hold it (a
    scrutiny meeting's "be forwarded to Cabinet on 23 January" on a page whose latest meeting is that Cabinet's), else
    the page's own date."""
    when = doc_date
    for start, day in held:
        if start > pos:
            break
        when = day
    return when


@dataclass(frozen=True)
class _Anchor:
    """What a page's relative dates are read against: ``date`` (its own date, else the latest full date it states)
    and whether that is the page's own date (its text's or its URL's), the only date a span of time ("in three
    months", "next week") may be counted from."""

    date: PartialDate | None
    own: bool


def _counts_from(doc: Doc, doc_date: PartialDate | None, anchor: PartialDate | None) -> _Anchor:
    """The anchor of ``doc``'s relative dates: a page with no date of its own in its text or URL gives no date a
    span of time runs from (ANNOTATION.md: relative dates count only when the text gives the date they run from)."""
    return _Anchor(anchor, doc_date is not None or document_date_from_url(doc.source.url) is not None)


#: The header cells of a table of things to come (a work programme, a forward plan, an action log): a date column
#: ("Meeting date", "Date of meeting", "Due", "By", "Deadline") and an item column ("Item", "Action", "Report", "Topic").
_DATE_HEADER = re.compile(
    r"(?i)(?:(?:meeting|due|target|completion|review|report)\s+)?(?:date|deadline|due|by(?:\s+when)?|when)$"
    r"|(?i:date\s+of\s+(?:the\s+)?(?:meeting|committee|panel|board|cabinet|report|decision))$"
)
_ITEM_HEADER = re.compile(
    r"(?i)(?:agenda\s+)?(?:item|action|topic|report|subject|business|title|issue)s?(?:\s+title)?$"
)
_CELL = re.compile(r"[^|\t]+")


def table_follow_ups(doc: Doc, doc_date: PartialDate | None, anchor: PartialDate | None = None) -> list[FollowUpRecord]:
    """The rows of a flattened table of things to come, each with an item and a date still to come: "16 July 2024 |
    Ofsted ILACS – action plan progress | Head of Quality Assurance" under "Meeting date | Item | Lead officer", "1 |
    Circulate the dashboard to Board members | DO | 26 September 2023" under "No. | Action | Owner | By"."""
    anchor = anchor or doc_date
    out: list[FollowUpRecord] = []
    columns: tuple[int, int, int] | None = None
    for start, end, line in doc.lines:
        if start >= doc.limit:
            break
        if "|" not in line and "\t" not in line:
            columns = None
            continue
        cells = [m.span() for m in _CELL.finditer(doc.text, start, end)]
        cells = [trim(doc.text, a, b) for a, b in cells if doc.text[a:b].strip()]
        names = [doc.text[a:b] for a, b in cells]
        when = next((i for i, c in enumerate(names) if _DATE_HEADER.match(c)), None)
        item = next((i for i, c in enumerate(names) if _ITEM_HEADER.match(c)), None)
        if when is not None and item is not None and when != item:
            columns = (when, item, len(cells))  # a header row: a new table
            continue
        if columns is None:
            continue
        when, item, width = columns
        if len(cells) != width:
            continue
        dates = doc.dates_in(*cells[when], anchor, future=True)
        if not dates or (doc_date is not None and not _not_before(dates[0].date, doc_date)):
            continue
        description = _description(doc.text, *cells[item], -1, -1)
        out.append(FollowUpRecord(description, dates[0].date, doc.evidence(start, end)))
    return out


def _not_before(due: PartialDate, doc_date: PartialDate) -> bool:
    """Whether ``due`` is not before ``doc_date`` (at the coarser of their precisions) and is not that very day."""
    return (
        sort_key(due)[: len(doc_date.iso().split("-"))] >= sort_key(doc_date)[: len(due.iso().split("-"))]
        and due != doc_date
    )


def merge_follow_ups(candidates: list[FollowUpRecord]) -> list[FollowUpRecord]:
    """One follow-up per commitment, the first found: a candidate is another's when it is due on the same date and
    its evidence overlaps (a resolution read as a decision and as prose) or it says the same thing; two resolutions
    due at one meeting ("(i) That the dataset be presented at the December meeting; (ii) That the plan be
    considered at the December meeting") are two."""
    out: list[FollowUpRecord] = []
    for c in candidates:
        if not any(o.due == c.due and (_overlap(o, c) or _same_words(o, c)) for o in out):
            out.append(c)
    return out


def _overlap(a: FollowUpRecord, b: FollowUpRecord) -> bool:
    return a.evidence.start < b.evidence.end and b.evidence.start < a.evidence.end


_CONTENT_WORD = re.compile(r"[a-z][a-z’'-]{3,}")


def _same_words(a: FollowUpRecord, b: FollowUpRecord) -> bool:
    """Whether two descriptions say the same thing: half the content words of the shorter are the other's (a
    resolution a page states twice, in its recommendations and its decisions)."""
    x, y = set(_CONTENT_WORD.findall(a.description.lower())), set(_CONTENT_WORD.findall(b.description.lower()))
    return bool(x and y) and len(x & y) >= min(len(x), len(y)) / 2


def _in_span(
    doc: Doc,
    start: int,
    end: int,
    decision_number: str | None,
    doc_date: PartialDate | None,
    counted: _Anchor,
    events: Events = (),
    resolution: bool = False,
    every: bool = False,
) -> list[FollowUpRecord]:
    """The commitment of ``text[start:end]``: its first cue whose clause states a due date (with ``resolution``, a
    resolution's own words are the cue); with ``every``, also each later commitment with its own cue and a due date
    after the one before ("… will receive the plan on 19 July, and the council will publish an update in the
    winter")."""
    r = rules()
    text = doc.text
    found: list[FollowUpRecord] = []
    if not _DIGIT.search(text, start, end) and not _may_name_a_date(text, start, end):
        return found  # no due date to be had
    if text.count("|", start, end) >= 3:
        return found  # rows of a flattened table: read row by row (table_follow_ups)
    cues = [_RESOLUTION.match(text, start, end)] if resolution else r.cue.finditer(text, start, end)
    taken_to = start  # the end of the last commitment's due date
    for cue in cues:
        if cue is None or cue.start() < taken_to:
            continue
        c_start, c_end = _clause(text, start, end, cue.start())
        clause = text[c_start:c_end]
        # a relative clause's subject is before it: "the commissioner's review, which began …, will conclude by …"
        scope = text[start:c_end] if _RELATIVE.match(clause) else clause
        if r.not_cue.search(scope) or r.negated.search(text, max(c_start, cue.start() - 50), cue.start()):
            continue
        if _outside_subject(doc, start, c_start, c_end, cue.start()):
            continue
        if _OCCURS.match(text, cue.start()) and _INSPECTION_SUBJECT.search(
            text, max(c_start, cue.start() - 80), cue.start()
        ):
            continue  # "A full ILACS inspection is due in Bristol within six months": an inspection, not a follow-up
        target = r.target.search(text, c_start, c_end)
        if target is not None and target.start() < cue.end():
            continue  # a target or forecast ahead of the cue: "caseloads are expected to fall to 18 by March"
        dates = _due_dates(doc, start, c_start, c_end, scope, counted, cue.start())
        if dates and r.money.search(text, c_start, c_end):
            # a funding line: money given or spent, or bounded by the date ("£1m will be provided until March")
            if r.money_cue.search(text, cue.start(), cue.end()):
                continue
            dates = [d for d in dates if not r.money_until.search(text, max(c_start, d.start - 40), d.start)]
        if doc_date is not None:
            dates = [d for d in dates if _not_before(d.date, doc_date)]
        dates = [d for d in dates if d.start >= taken_to and not (events and _an_events_date(d, events))]
        if not dates:
            continue
        after_cue = [d for d in dates if d.start >= cue.start()]
        due = _finer(text, after_cue[0] if after_cue else dates[-1], dates)
        if not resolution and not _councils_own(doc, start, c_start, c_end, cue.start(), cue.end()):
            continue  # no sign that the commitment is the council's: another's plan, or an event of no one's
        lead = r.description_lead.match(clause)
        d_start = c_start + (lead.end() if lead else 0)
        # "… go wider than proposed by Ofsted and would be scrutinised at next month's Cabinet", "that the plan be
        # amended … and signed off for submission to Ofsted by …": the commitment of the due date is the coordinated
        # clause, with the subject the clauses share ("a review group would be set up, …, and would report …")
        subject = _SUBJECT.match(text, d_start, due.start)
        after_subject = subject.end() if subject else d_start
        joins = [m.end() for m in _COORDINATION.finditer(text, after_subject, due.start)]
        if subject and subject.group("verb").lower() == "be":
            joins += [m.end() for m in _PASSIVE_CONJUNCT.finditer(text, after_subject, due.start)]
        # "…, and the council will publish an update in the winter": a coordinated clause with its own subject
        own = [m.end() for m in _NEW_CLAUSE.finditer(text, after_subject, due.start)]
        # "The report was based on April's data and the next Board would be on 18 October": no comma, but a finished
        # clause before the "and"
        own += [
            m.end()
            for m in _NEW_CLAUSE_BARE.finditer(text, d_start, due.start)
            if _FINITE.search(text, d_start, m.start())
        ]
        if own and (not joins or max(own) > max(joins)):
            joins, subject = own, None
        if not joins and not _RELATIVE.match(clause):
            # "The report set out the framework for the Improvement Plan which the Council will submit by 31 March":
            # what is due is the noun the relative clause of the cue is about
            head = _last(_RELATIVE_HEAD.finditer(text, d_start, cue.end()))
            if head is not None and head.end() <= cue.start() + 1:
                d_start = head.start()
        description = _description(text, max(joins) if joins else d_start, c_end, due.start, due.end)
        if joins:
            d_start = max(joins)
            if subject:
                description = f"{text[subject.start('s') : subject.end('s')]} {description}"
        elif _RELATIVE.match(clause):
            # "… by the Scrutiny Committee, which will next consider the plan in January": what "which" stands for
            antecedent = _ANTECEDENT.search(text, max(start, c_start - 100), c_start)
            if antecedent:
                description = f"{antecedent.group('np')} {description}"
        this_item = _THIS_ITEM.search(description)
        if this_item:
            # "The Chair confirmed this item was deferred until …": the agenda item the minutes are under
            title = _item_title(doc, start)
            if title:
                description = f"{description[: this_item.start()]}the {title} item{description[this_item.end() :]}"
        when = due.date
        if when.day is not None and _AFTER_EVENT.search(text, max(c_start, due.start - 100), due.start):
            # "circulated to members following the meeting of the Board on 16 September": due after that day, in its
            # month
            when = PartialDate(when.year, when.month)
        found.append(FollowUpRecord(description, when, doc.evidence(d_start, c_end), None, decision_number))
        if not every:
            break
        taken_to = due.end
    return found


#: A day that what is due comes after: "following the meeting of the Partnership Board on", "after the Cabinet
#: meeting on".
_AFTER_EVENT = re.compile(r"(?i)\b(?:following|after)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,8}?(?:on|of)\s+(?:the\s+)?$")


#: A cue saying that something is to happen at a time ("is due", "is expected", "will take place").
_OCCURS = re.compile(
    r"(?i)(?:is|are)\s+(?:now\s+|also\s+)?(?:due|expected|scheduled|planned|likely|set)\b"
    r"|(?:will|would)\s+(?:take\s+place|happen|occur)\b|takes\s+place\b"
)
#: A subject that ends in an inspection or visit: what is to happen is an inspection (ANNOTATION.md: planned
#: inspections go under inspections).
_INSPECTION_SUBJECT = re.compile(
    r"(?i)\b(?:inspections?|re-?inspections?|visits?|re-?visits?|JTAI|ILACS|conversation)['’\"”]?\s*$"
)


def _due_dates(
    doc: Doc, s_start: int, c_start: int, c_end: int, scope: str, counted: _Anchor, cue_start: int | None = None
) -> list[DateMention]:
    """The dates of the clause ``text[c_start:c_end]`` that may be a commitment's due date: not an aside's own date,
    not an inspection's report's publication, not the date of something past or of an inspection ("two more visits
    were planned, the first of which would be in March 2022, followed by one in June 2022": "one" is another visit),
    not the date a figure is taken at, and not a span of time on a page with no date to count it from."""
    r = rules()
    text = doc.text
    asides = _asides(text, c_start, c_end) if "(" in text[c_start:c_end] else []
    out: list[DateMention] = []
    inspection = False  # the last date ruled out was an inspection's
    for d in doc.dates_in(c_start, c_end, counted.date, future=True, durations=True, seasons=True):
        if r.not_due_before.search(text, max(c_start, d.start - 100), d.start) or (
            inspection and _ANOTHER_ONE.search(text, max(c_start, d.start - 50), d.start)
        ):
            inspection = True
            continue
        bracket = next(((a, b) for a, b in asides if a <= d.start < b), None)
        if bracket is not None and not _only_date(text, *bracket, d):
            continue  # an aside's own date
        # "within 70 days of the publication of the report (which is 12 August)": the date the span ends on
        span_end = bracket is not None and _SPAN_OF.search(text, max(c_start, bracket[0] - 160), bracket[0])
        if (
            not (
                is_publication(text, d, c_start)
                and not _report_to_come(text, c_start, c_end, d)
                and not span_end
                and not _own_publication(text, d, c_start, scope, s_start)
            )
            and not _PAST_PASSIVE.search(text, max(c_start, d.start - 60), d.start)
            and not _PAST_EVENT_DATE.search(text, max(c_start, d.start - 70), d.start)
            and not _PAST_SPAN.search(text, max(c_start, d.start - 50), d.start)
            and not r.snapshot_before.search(text, max(c_start, d.start - 40), d.start)
            and not (d.start - c_start < 200 and r.condition_before.match(text[c_start : d.start]))
            and not _EVENT_AFTER.match(text, d.end, c_end)
            and not r.past_verb_after.match(text, d.end, c_end)
            and not _back_then(text, c_start, d.start)
            and not _told_as_past(text, c_start, c_end, d)
            and not (cue_start is not None and _past_aside(text, s_start, c_end, d, cue_start))
            and not _fronted_past(text, s_start, c_end, d)
            and not _recurs(text, c_start, c_end, d)
            and not _span_end(text, c_start, c_end, d)
            and not _stamp(text, d)
            and not _pushed_past_earlier_act(text, s_start, d, counted.date)
            and (counted.own or not d.relative or _NAMED_WHEN.search(text, d.start, d.end) is not None)
        ):
            out.append(d)
    return out


#: A verb in the pluperfect ("had asked", "had been told", "had agreed"): what the sentence tells was done before the
#: time the page tells of.
_PLUPERFECT = re.compile(
    r"(?i)\bhad\s+(?:(?:already|previously|earlier|originally|also|first)\s+)?(?:been\s+)?(?:[a-z]{2,}ed|[a-z]+en|made|sent"
    r"|set|put|brought|told|said|agreed|asked|sought)\b"
)
#: A sentence's opening phrase that dates it to a month before the cue ("In January, …", "Last March, …").
_FRONTED_MONTH = re.compile(
    rf"(?i)\W*(?:(?:in|during|last|earlier\s+(?:this\s+year\s*,?\s*)?(?:in\s+)?)\s*)(?:{MONTH_NAMES})\s*,"
)
_YEAR_WRITTEN = re.compile(r"\d{4}")


#: What may stand between a due date and a finer one in apposition to it: "in the new year, in January 2025", "in the
#: spring, at the March 2025 meeting", "in 2025 (probably February)".
_APPOSED = re.compile(
    r"\s*[,(–—-]?\s*(?:(?:probably|likely|possibly|perhaps|provisionally|currently|expected|most\s+likely)\s+)?"
    r"(?:(?:in|at|on|by|during|from)\s+)?(?:the\s+)?",
    re.I,
)
_NOUN_AFTER = re.compile(r"[ \t]+(?-i:[a-z])")


def _finer(text: str, due: DateMention, dates: list[DateMention]) -> DateMention:
    """``due``, or the date right after it that tells the same time more finely: a month in its year, a day in its
    month ("an update in the new year, in January 2025" is due in January), spanning both."""
    later = [d for d in dates if d.start >= due.end]
    if not later:
        return due
    d = min(later, key=lambda x: x.start)
    if (
        finer_within(d, due)
        and _APPOSED.fullmatch(text, due.end, d.start)
        and not _NOUN_AFTER.match(text, d.end)  # (not a date as a noun's adjective: "at the March 2025 meeting")
    ):
        return DateMention(due.start, d.end, d.date, d.until, d.relative)  # (both out of the description)
    return due


def _pushed_past_earlier_act(text: str, s_start: int, d: DateMention, anchor: PartialDate | None) -> bool:
    """Whether ``d`` is a month named without its year that the date finder pushed into the year after the
    anchor's (its month already past), in a sentence that tells of an act done before the page's time: a verb in the
    pluperfect before it ("The Panel had asked for the report to come to its April meeting") or an opening phrase
    naming an earlier month ("In January, officers committed to bringing a report to the April meeting"). The
    month is of the year the act was in, past: no due date."""
    if anchor is None or d.date.month is None or d.date.year != anchor.year + 1:
        return False
    if anchor.month is None or d.date.month >= anchor.month or _YEAR_WRITTEN.search(text, d.start, d.end):
        return False
    return bool(_PLUPERFECT.search(text, s_start, d.start) or _FRONTED_MONTH.match(text, s_start, d.start))


#: A span counted from an event: "within 70 days of the publication of the report", "no later than six weeks after".
_SPAN_OF = re.compile(
    r"(?i)\b(?:within|no\s+later\s+than|not\s+later\s+than)\s+(?:\d+|[a-z]+)\s+(?:working\s+)?(?:days|weeks|months)"
    r"\s+(?:of|after|from)\b[^()]*$"
)
#: A report or update to come, just before its date ("asked for a further report in June", "a progress update in the
#: autumn"): a report to the council, not a publication, when nothing in its clause makes it an inspection's.
_REPORT_IN = re.compile(
    r"(?i)\b(?:an?|further|progress|update|written|follow-?up|annual|final|full)\s+(?:[\w-]+\s+)?(?:report|update)"
    r"\s+(?:back\s+)?in\s+(?:the\s+)?$"
)
#: … or one to come to a body or meeting ("a further report to come to the September 2020 meeting", "an update report
#: to Cabinet in June").
_REPORT_TO = re.compile(
    r"(?i)\b(?:an?|further|progress|update|written|follow-?up|annual|final|full)\s+(?:[\w-]+\s+)?(?:report|update)"
    r"\s+(?:back\s+)?to\s+(?:come\s+(?:back\s+)?to\s+)?(?:the\s+|its\s+|a\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:(?:in|at|on)\s+(?:the\s+)?)?$"
)


#: … or one a body of the council is to receive ("the Panel would receive its report in July", "Cabinet will
#: receive the annual report on 12 June", "the Board will receive the annual report of the virtual school in
#: November"): a report to the council.
_RECEIVES_REPORT = re.compile(
    r"(?i)\breceiv\w*\s+(?:[\w’'-]+\s+){0,4}?(?:report|update|findings)s?(?:\s+(?:of|on|from|about|into)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)?"
    r"\s+(?:back\s+)?(?:in|on|at|by)\s+(?:the\s+)?$"
)


def _report_to_come(text: str, c_start: int, c_end: int, d: DateMention) -> bool:
    """Whether ``d`` dates a report or update to come to the council ("The Panel asked for a further report in June
    2024", "a further report to come to the September 2020 meeting"), which the inspections finder reads as a
    report's publication ("report in June", "report to …"): not when the clause names an inspection, its letter or
    findings ("a further Ofsted report in June", "a full report in May would follow the monitoring visit"); one to
    come to a body or meeting is the council's unless the words before its date name them (after it, they are what
    the report is about: "… to include the next steps for the re-inspection by Ofsted")."""
    before = max(c_start, d.start - 60)
    if _REPORT_TO.search(text, before, d.start) is not None or _RECEIVES_REPORT.search(text, before, d.start):
        return _REPORT_OF_INSPECTION.search(text, c_start, d.start) is None
    return (
        _REPORT_IN.search(text, before, d.start) is not None
        and _REPORT_OF_INSPECTION.search(text, c_start, c_end) is None
    )


#: "one" or "another" standing for the noun of a date before it ("…, followed by one in June", "and another in May").
_ANOTHER_ONE = re.compile(
    r"(?i)(?:followed\s+by|then|and|with)\s+(?:one|another|a\s+(?:second|third|fourth|further|final)(?:\s+one)?)\s+"
    r"(?:(?:expected|planned|due|scheduled)\s+)?(?:in|on|during|at|by)\s+(?:the\s+)?$"
)


#: The tense of the verb a date hangs on, told by the last marker before it in its clause: a past one ("was", "were",
#: "had", "has been", "have already allocated") dates something done ("A briefing was circulated to members on 26
#: October", "the appeal deadline was 16 May", "It was recommended to the adviser in June"); one that looks ahead (a
#: modal, an infinitive's "to", a "that" clause, "due", "planned", "deferred", "next", "for its meeting") leaves the
#: date to come ("was
#: being deferred until the November meeting", "had been required to submit a plan by 11 June", "it was agreed that
#: officers report back in June"). General grammar, no wording: any council's minutes tell past from future so.
_TENSE_MARK = re.compile(
    r"(?i)(?P<past>\b(?:was|were|had)\b(?!\s+(?:to|due|going|expected|scheduled|planned|set|being)\b)"
    r"|(?<!\bwill\s)(?<!\bwould\s)(?<!\bshall\s)(?<!\bshould\s)(?<!\bmust\s)"  # not a future perfect: "will have reviewed"
    r"\b(?:has|have)\s+(?:(?:already|recently|now|also|just|since|previously)\s+)?"
    r"(?:been|[a-z]+ed|[a-z]+en|made|sent|held|met|set|put|brought|taken|given|told|done|paid|spent)\b)"
    r"|(?P<ahead>\b(?:will|would|shall|should|must|can|could|(?-i:may)|might|that|due|planned|scheduled|expected"
    r"|intends?|intended|deferred|postponed|adjourned|going|proposed|next|arranged|booked|earmarked|timetabled|programmed"
    r"|for\s+(?:its|the|their|a)\s+(?:next\s+)?(?:[\w’'-]+\s+){0,2}?meeting"
    r"|to\s+(?!(?:the|a|an|this|that|these|those|its|their|them|his|her|our|my|your|all|each|every|any|some"
    r"|members?|officers?|councillors?|date|day|which|whom)\b)(?-i:[a-z]+))\b)"
)


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last of ``matches``, or None."""
    found = None
    for found in matches:  # noqa: B007 (the loop only runs to the last)
        pass
    return found


def _told_as_past(text: str, c_start: int, c_end: int, d: DateMention) -> bool:
    """Whether the date ``d`` of the clause ``text[c_start:c_end]`` hangs on a past verb: the last tense marker
    before it is past (:data:`_TENSE_MARK`), or a pronoun's past verb after it ("will build on the progress it made
    in 2023"), or, with none before it, the first after it ("In June the panel was told …")."""
    last = _last(_TENSE_MARK.finditer(text, c_start, d.start))
    if last is None:
        last = _TENSE_MARK.search(text, d.end, c_end)
        return last is not None and last.group("past") is not None
    if last.group("past") is not None:
        return True
    r = rules()
    verb = _last(r.past_form.finditer(text, last.end(), d.start))
    return (
        verb is not None
        and r.pronoun_subject.search(text, max(last.end(), verb.start() - 30), verb.start()) is not None
    )


def _past_in(text: str, start: int, end: int) -> int | None:
    """Where the first verb of ``text[start:end]`` that tells its tense is, when it is past: a past tense marker
    (:data:`_TENSE_MARK`) or a past form (``past_form``) before any marker that looks ahead; else None."""
    ahead = next((m for m in _TENSE_MARK.finditer(text, start, end) if m.group("ahead") is not None), None)
    stop = ahead.start() if ahead else end
    past = _TENSE_MARK.search(text, start, stop)
    verb = rules().past_form.search(text, start, stop)
    found = [m.start() for m in (past, verb) if m is not None]
    return min(found) if found else None


def _past_aside(text: str, s_start: int, c_end: int, d: DateMention, cue_start: int) -> bool:
    """Whether the date ``d`` stands in an aside of its own, after a comma, whose verb is past, and the cue at
    ``cue_start`` outside it: "The plan, first drawn up in 2021, will now be updated", "Jo Example, who took office
    in May 2023, will chair the board", "The review will be conducted …, after the county took over their running in
    2013" (what the aside tells was done then; the cue's own date is elsewhere)."""
    comma = text.rfind(",", max(s_start, d.start - 120), d.start)
    if comma < 0 or comma <= cue_start < d.end:
        return False
    return _past_in(text, comma + 1, d.start) is not None


def _fronted_past(text: str, s_start: int, c_end: int, d: DateMention) -> bool:
    """Whether the date ``d`` stands in a sentence's opening phrase ("In March 2021, …") and the main clause after
    its comma opens on a past verb: "In March 2021, the council agreed to set up a trust" (the date is the
    agreement's, not the set-up's)."""
    r = rules()
    if not r.fronted.match(text[s_start : d.start]):
        return False
    comma = _OPENING_END.match(text, d.end, c_end)
    return comma is not None and _past_in(text, comma.end(), c_end) is not None


def _recurs(text: str, c_start: int, c_end: int, d: DateMention) -> bool:
    """Whether the date ``d`` recurs ("takes place in October each year", "is reviewed annually in April"): a
    schedule, no dated commitment."""
    r = rules()
    return bool(
        r.recurring_before.search(text, max(c_start, d.start - 30), d.start)
        or r.recurring_after.match(text, d.end, c_end)
    )


def _span_end(text: str, c_start: int, c_end: int, d: DateMention) -> bool:
    """Whether the date ``d`` ends a span something lasts for ("will provide a mentor until March 2024"), in a clause
    that puts nothing off to it ("deferred until the November meeting", "has until 4 July to respond")."""
    r = rules()
    return bool(
        r.span_until.search(text, max(c_start, d.start - 30), d.start)
        and not r.put_off_until.search(text, c_start, c_end)
    )


#: The rest of a sentence's opening phrase after its date, up to its comma (", …", " and May 2021, …").
_OPENING_END = re.compile(r"[^,;:.()]{0,30},")


#: A date set off by a dash or bar after a headline or title, a listing's stamp ("… more children - 23/12/2019",
#: "Air quality - 12/12/2019 Officials will …"): when an article was posted, due for nothing. Only a date in figures:
#: a date in words after a dash may be an action's ("Report back to Cabinet – 12 June 2024").
_STAMP_BEFORE = re.compile(r"\s[-–—|]\s*$")
_IN_FIGURES = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$")


def _stamp(text: str, d: DateMention) -> bool:
    """Whether ``d`` is written in figures ("23/12/2019") and stands after a spaced dash or bar, as a listing's date
    stamp."""
    return bool(
        _IN_FIGURES.match(text[d.start : d.end].strip()) and _STAMP_BEFORE.search(text, max(0, d.start - 4), d.start)
    )


#: "back in/on" just before a date ("a full council meeting back in February").
_BACK_IN = re.compile(r"(?i)\bback\s+(?:in|on|at|during)\s+(?:the\s+)?$")


def _back_then(text: str, c_start: int, d_start: int) -> bool:
    """Whether the date at ``d_start`` is dated "back in …", something past: "back" after no verb whose particle it
    is ("at a full council meeting back in February", not "report back in March", "bring the plan back in June")."""
    back = _BACK_IN.search(text, max(c_start, d_start - 30), d_start)
    return back is not None and not rules().particle_verb.search(text, max(c_start, back.start() - 60), back.start())


#: A month, season or year written out: a relative date that names one takes only its year from the anchor ("the
#: July committee"); one that names none is a span counted from the anchor ("in three months", "next week").
_NAMED_WHEN = re.compile(
    r"(?i)\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:spring|summer|autumn|winter)\b"
)
#: A personal pronoun at the start of a subject ("She will report to the Minister by …", "They will also …"); with
#: "we", the council speaking (:data:`_PERSON`).
_PRONOUN_AT_START = r"(?i)\s*[\"“‘']?\s*(?:he|she|they{})\b"
_PRONOUN = re.compile(_PRONOUN_AT_START.format(""))
#: A subject that is only a conjunction ("…, and will report to the DfE by …"): the sentence's subject is the clause's.
_NO_SUBJECT = re.compile(r"(?i)\s*(?:(?:and|but|then|also)\b\s*)*$")
#: A sentence's subject: the words before its first finite verb, after an opening phrase ending in a comma ("In
#: response, the Department for Education has appointed …" → "the Department for Education").
_SENTENCE_SUBJECT = re.compile(
    r"(?i)\s*[\"“‘']?\s*(?:(?:in|on|at|after|following|since|during|as|under|last|this|earlier)\b[^,.;]{0,40},\s+)?"
    r"(?P<s>[^.;:]{1,120}?)\s+(?:will|would|has|have|had|is|are|was|were|said|says|can|could|\w+ed)\b"
)
#: A personal name with an honorific at the start of a subject ("Mr Poe", "Dr Jane Roe"): its surname is the last word.
_HONORIFIC_NAME = re.compile(
    r"\s*(?:Mr|Mrs|Ms|Miss|Dr|Professor|Sir|Dame)\.?\s+(?:[A-Z][\w’'-]+\s+){0,2}?(?P<surname>[A-Z][\w’'-]+)\s*$"
)
#: What follows a person's name when the text says what they are: "John Example, the …", "John Example has been
#: appointed (as) …", "Jo Example was named …".
_INTRODUCED_AS = re.compile(
    r"(?i)(?:\s*,|\s+(?:has|have|had)\s+been\s+(?:appointed|named|made)|\s+(?:was|is)\s+(?:appointed|named|made)?)"
)


def _outside_subject(doc: Doc, s_start: int, c_start: int, c_end: int, cue_start: int) -> bool:
    """Whether the commitment cued at ``cue_start`` is an outside actor's, told by who it is: a he, she or they
    standing for one (the subjects of the sentences before, read back past other pronouns: "A team of inspectors
    arrived … They will …"), or a person the page introduces as one ("The government has appointed Jo Example as
    commissioner … Ms Example will …"). The actor is the clause's subject after any reporting verb ("Officers said
    that the Panel would …": the Panel), else the sentence's ("She will consider …, and will report …")."""
    text = doc.text
    r = rules()
    actor = _actor(text, s_start, c_start, c_end, cue_start)
    if not _PRONOUN.match(actor):
        return _names_outsider(text, actor, cue_start) or _introduced_as_outsider(doc, actor, s_start)
    at = s_start
    for _ in range(4):
        before = list(doc.sentences_in(max(0, at - 600), at))
        if not before:
            return False
        at, pe = before[-1]
        subject = _SENTENCE_SUBJECT.match(text, at, pe)
        if subject is None:
            return False
        actor = subject.group("s")
        if not _PRONOUN.match(actor):
            return r.outside_actor.search(actor) is not None or _introduced_as_outsider(doc, actor, at)
    return False


def _actor(text: str, s_start: int, c_start: int, c_end: int, cue_start: int) -> str:
    """The subject of the commitment cued at ``cue_start``: the clause's words before the cue, after any reporting
    verb ("Officers said that the Panel would …": the Panel), else the sentence's subject ("She will consider …, and
    will report …"); a pronoun after a reporting verb is the reporter ("Officers said they would …": Officers)."""
    lead = rules().description_lead.match(text[c_start:c_end])  # its "^" holds at the start of a string only
    lead_end = c_start + lead.end() if lead and c_start + lead.end() <= cue_start else None
    actor = text[lead_end or c_start : cue_start]
    if _NO_SUBJECT.match(actor):
        subject = _SENTENCE_SUBJECT.match(text, s_start, cue_start)
        actor = subject.group("s") if subject else ""
    if lead_end is not None and _PRONOUN.match(actor):
        reporter = _SENTENCE_SUBJECT.match(text, c_start, lead_end)
        actor = reporter.group("s") if reporter else actor
    return actor


#: A subject that is a person or the council speaking: "he", "she", "they", "we" (an outside actor's he, she or they
#: is ruled out before: :func:`_outside_subject`).
_PERSON = re.compile(_PRONOUN_AT_START.format("|we"))


#: A condition's "then": the subject of what is due comes after it.
_THEN = re.compile(r"(?is).*\bthen\s+")
#: An officer named by initials, as action logs do ("JE to send …").
_INITIALS = re.compile(r"\W*(?-i:[A-Z]{2,4})(?:\s*(?:/|and|&)\s*(?-i:[A-Z]{2,4}))*\s*")
#: A subject that names no actor: nothing, a resolution's "That", "there", a pronoun or demonstrative for a thing ("it",
#: "this", "which"), the article of a cue that is a noun ("The deadline for submitting the plan …"), a list mark or
#: number.
_NO_ACTOR = re.compile(
    r"(?i)[\W\d]*(?:(?:that|to|resolved|and|but|then|also|further(?:more)?|in\s+addition|there|it|this|these|which|the|an?"
    r"|[a-z]|[ivx]+)\b[\W\d]*)*"
)
#: The head word of a subject: its last word before a preposition, a comma or its end ("Building work on the new
#: home" → "work", "Recruitment to the new posts" → "Recruitment").
_SUBJECT_HEAD = re.compile(
    r"(?i)\s*[\"“‘']?\s*(?:[\w’'-]+\s+){0,4}?(?P<head>[\w’'-]+)"
    r"(?:\s*(?:$|,|\s(?:of|on|to|for|in|at|with|from|across|within)\b)"
    r"|(?:\s+(?:is|are|was|were|will|would|shall|has|have|had|now|also|currently|then|be|been|being))+\s*$)"
)
#: A noun that names an action (a verb's noun: "delivery", "recruitment", "implementation", "building", "work"): a
#: subject headed by one names work to be done, not an actor; whose it is, the page's council's unless another's is
#: named (see ``not_cue``, :func:`_outside_subject`); not a noun of that form that names a body or a place ("the
#: housing association", "the foundation", "the station").
_ACTION_NOUN = re.compile(
    r"(?i)(?!\w*(?:associat|organi[sz]at|foundat|federat|corporat|institut|coalit|nat|stat)ions?$)"
    r"[\w’'-]*(?:tion|sion|ment|ance|ence|ery|ing)s?|(?:[\w’'-]*-)?works?"
)


#: A cue that is a verb group (a modal, an infinitive, a passive, a verb of planning or asking): its words are no noun
#: of the council's.
_VERB_CUE = re.compile(
    r"(?i)(?:will|would|shall|should|must|can|to|be|is|are|plans?|intends?|aims?|agreed|undertook|committed|resolved"
    r"|promised|pledged|planned|asked|requested|invited|instructed|tasked|required|has|have)\b"
)


@cache
def _destination() -> re.Pattern[str]:
    """A council body or meeting that what is to come goes to, is taken at or is held for ("to the Trust Board", "for
    the Sub-group's meeting", "at its next meeting"): the meetings finder's body heads, or "meeting"."""
    return re.compile(
        r"(?i)\b(?:to|before|for|at|by|after|following)\s+(?:the\s+|its\s+|their\s+|this\s+|a\s+|next\s+)?(?:[\w’'-]+\s+){0,5}?"
        rf"(?:{meeting_rules().body_heads}|meeting)(?![\w-])"
    )


def _councils_own(doc: Doc, s_start: int, c_start: int, c_end: int, cue_start: int, cue_end: int) -> bool:
    """Whether there is positive evidence that the commitment cued at ``cue_start`` in the clause
    ``text[c_start:c_end]`` is the council's (ANNOTATION.md: "only of the council, its bodies or its officers"): its
    subject (with the cue's own words) names the council, one of its bodies, an officer, a post or a councillor, is a
    person ("she will report back …") or an officer's initials ("JE to send …"), is headed by a noun of an action
    (the council's work: "Delivery will begin by June") or names a thing the council produces or holds ("an update
    will be brought …", "the action plan is due …"); or the cue asks the council to act ("The DfE has asked the council
    to submit …"); or the clause has no actor of its own ("There will be …", "This will be reported …") and names such
    a thing or one of the council's bodies. An actor of its own that is none of these (a housing association, a club,
    a developer) makes no commitment of the council."""
    text = doc.text
    r = rules()
    own = _own_words()
    actor = _actor(text, s_start, c_start, c_end, cue_start)
    then = _THEN.match(actor)
    actor = actor[then.end() :] if then else actor  # "Should the budget be approved …, then implementation will …"
    if _PERSON.match(actor) or _INITIALS.fullmatch(actor):
        return True
    # with the cue's own words when they are a noun phrase ("next … meeting", "a further update"), not a verb's ("will
    # review", "plans to visit")
    cue_words = "" if _VERB_CUE.match(text, cue_start) else text[cue_start:cue_end]
    named = actor + " " + cue_words
    if own.search(named) or (
        _PASSES_ON.match(text, cue_start)
        and (own.search(text, cue_start, c_end) or r.own_thing.search(text, cue_start, c_end))
    ):
        return True  # the council acting, or asked to act: "The DfE has asked the council to submit …"
    lead = r.description_lead.match(text[c_start:c_end])
    if lead is not None and c_start + lead.end() <= cue_start and own.search(text, c_start, c_start + lead.end()):
        return True  # told by or to the council's people: "The Panel was advised that the new structure would …"
    head = _SUBJECT_HEAD.match(actor)
    if head is not None and _ACTION_NOUN.fullmatch(head.group("head")):
        return True  # the council's work to be done: "Delivery will begin by June", "Building work … is due to …"
    if r.own_thing.search(named):
        return True  # "The report will be presented at the meeting on …", "a further update … in March"
    if _RELATIVE.match(actor.strip()):
        # a relative clause's subject is in the clause before: "The council will invest £3m in two new homes, which
        # are due to open in 2026"
        return own.search(text, s_start, c_end) is not None or r.own_thing.search(text, s_start, c_end) is not None
    if _destination().search(text, cue_start, c_end):
        return True  # what is to come goes to a council body or meeting: "the Trust would set out its next steps to the Trust Board in September"
    if not _NO_ACTOR.fullmatch(actor):
        return False  # an actor of its own that is not the council's: "The housing association will …"
    # no actor (a resolution's "That …", "There will be …", "This will be reported …"): what the clause names
    return own.search(text, c_start, c_end) is not None or r.own_thing.search(text, c_start, c_end) is not None


#: A cue whose subject asks, requires or tells another to act: the commitment is the other's ("Ofsted required an
#: action plan to be submitted by …", "the DfE asked the council to report by …").
_PASSES_ON = re.compile(r"(?i)(?:requir|ask|request|invit|instruct|direct|task|expect|recommend)\w*\b")
#: The subject of a statement of what every council will do ("All local authorities will receive …"): national
#: policy, no commitment of this council.
_EVERY_COUNCIL = re.compile(r"(?i)\b(?:all|every|each)\s+(?:local\s+authorit|councils?\b|LAs?\b)")
#: The last "that" of a subject: what follows it is a reported clause's own subject ("Ofsted found that the council
#: will …").
_LAST_THAT = re.compile(r"(?i)^.*\bthat\s+", re.S)


def _names_outsider(text: str, actor: str, cue_start: int) -> bool:
    """Whether the subject ``actor`` of the cue at ``cue_start`` names an outside body ("The Department for Education
    has decided to send advisers in January", "Ofsted will publish …"), the public ("schools would maintain their own
    lists from 8 June") or every council at once, unless the cue passes the act on to another ("Ofsted required an
    action plan to be submitted by …")."""
    that = _LAST_THAT.match(actor)
    own = actor[that.end() :] if that else actor
    if _EVERY_COUNCIL.search(own):
        return True
    r = rules()
    outsider = any(
        not _OWN_DEPARTMENT.match(own, m.start(), m.end() + 6) and _HEADS_SUBJECT.fullmatch(own, m.end())
        for m in (*r.outside_actor.finditer(own), *r.public_actor.finditer(own))
    )
    return outsider and not _PASSES_ON.match(text, cue_start)


#: What may stand between an outside actor and its verb when the actor heads the subject ("The Department for
#: Education has decided to …", "Ofsted, in its letter, will …"): auxiliaries, adverbs, an aside in commas, a verb
#: the cue's infinitive hangs on ("decided", "plans"); not a
#: noun that the actor only qualifies ("the Ofsted report … would be considered").
_HEADS_SUBJECT = re.compile(
    r"(?i)(?:\s*,[^,]{1,60},)?(?:\s+(?:has|have|had|is|are|was|were|today|also|now|then|itself|themselves|jointly"
    r"|formally|recently|already|subsequently))*(?:\s+(?-i:[a-z]+)(?:ed|s))?\s*"
)


#: An outside actor's word that is the council's own: a department of its ("the Children's Services Department"),
#: "local government".
_OWN_DEPARTMENT = re.compile(r"(?i)(?-i:Department)(?!\s+(?:for|of)\b)|government\b(?<=local\sgovernment)")


def _introduced_as_outsider(doc: Doc, actor: str, before: int) -> bool:
    """Whether ``actor`` is a person ("Mr Poe") whom the text, before ``before``, first names as an outside actor:
    the actor's words just before the name ("the Secretary of State has appointed Jane Roe") or after it ("Sam Poe has
    been named as the government's adviser", "John Example, the commissioner, …")."""
    name = _HONORIFIC_NAME.match(actor)
    if name is None:
        return False
    text = doc.text
    first = re.search(rf"\b{re.escape(name.group('surname'))}\b", text[:before])
    if first is None:
        return False
    fs, fe = doc.sentence_around(first.start(), first.end())
    outside = rules().outside_actor
    if outside.search(text, max(fs, first.start() - 60), first.start()):
        return True
    introduced = _INTRODUCED_AS.match(text, first.end(), fe)
    return introduced is not None and outside.search(text, introduced.end(), min(fe, introduced.end() + 60)) is not None


#: An agenda item the text refers to as such ("this item was deferred", "the item would return").
_THIS_ITEM = re.compile(r"(?i)\b(?:this|the)\s+item\b(?!\s+(?:on|of|about)\b)")


def _item_title(doc: Doc, pos: int) -> str | None:
    """The title of the agenda item ``pos`` is under: the rest of the item's line ("11. Cabinet Priorities"), else the
    first line after its number ("11." then "Cabinet Priorities DOTX 142 KB"), less page clutter; None when ``pos``
    is under no item."""
    title = None
    segments = doc.segments
    for i, s in enumerate(segments):
        if s.start > pos:
            break
        if s.kind != "item":
            continue
        line = _ITEM_NUMBER.sub("", doc.text[s.start : s.end].split("\n", 1)[0])
        if not line.strip() and i + 1 < len(segments) and segments[i + 1].start <= pos:
            nxt = segments[i + 1]
            line = doc.text[nxt.start : nxt.end].split("\n", 1)[0]
        title = clean(rules().clutter.sub(" ", line)).strip(" .:") or None
    return title


#: An agenda item's number at the start of its line ("11.", "4a").
_ITEM_NUMBER = re.compile(r"^\s*\d{1,4}[a-z]?\.?\s*")


def _own_publication(text: str, d: DateMention, c_start: int, scope: str, s_start: int) -> bool:
    """Whether the publication dated ``d`` is one to come of the council's own: "the refreshed plan is due to be
    published in July", "would build on the letter and publish a new strategy in the spring" (what an active "publish"
    governs is what is published), not an inspection's report or letter ("the letter will be published on …"), nor
    "the report" or "their findings" after a sentence about an inspection ("The inspection took place in March. The
    report will be published on 5 April")."""
    pub = _FUTURE_PUBLICATION.search(text, max(c_start, d.start - 120), d.start)
    if pub is None:
        return False
    what = text[pub.end() : d.start] if pub.group().lower().endswith("publish") else scope
    if _REPORT_OF_INSPECTION.search(what):
        return False
    return not (_BARE_REPORT.search(what) and _REPORT_OF_INSPECTION.search(text, max(0, s_start - 300), s_start))


#: A report named by its kind alone, whose owner the sentence before tells: "the report", "their findings".
_BARE_REPORT = re.compile(r"(?i)\b(?:the|their|its)\s+(?:final\s+|full\s+)?(?:report|letter|findings|outcome)s?\b")


#: The words that lead to a due date in a description: "at its meeting on", "to the November", "by the end of".
_DUE_LEAD = re.compile(
    r"(?i)(?:\s+(?:at|for)\s+(?:its|their|the|a)\s+meetings?(?:\s+(?:on|in|of|held\s+on))?"
    r"|\s+(?:in|on|by|before|from|during|until|no\s+later\s+than|ahead\s+of|by\s+the\s+end\s+of"
    r"|at\s+the\s+end\s+of|for|when\s+it\s+next\s+meets,?\s+on))?,?\s+(?:the\s+(?=\S+$))?"
    r"(?:(?:early|late|mid)[\s-]+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$"
)


#: The words that lead to a due date opening with a season ("in the autumn of 2024", "by the spring").
_SEASON_LEAD = re.compile(r"(?i)\s+(?:in|during|by|for|before|until)\s+the\s+$")


#: A relative date that a bracket then names ("next Wednesday (1 November)", "on Monday (4 March)", "later this
#: month (by 28 June)"): the due date's words, left out of a description with it.
_NAMED_AGAIN = re.compile(
    r"(?i)\s+(?:(?:on|by|at|in|before|from|for|during)\s+)?(?:(?:next|this|the\s+coming|the\s+following|later\s+this"
    r"|early\s+next|later\s+next)\s+)?(?:week|month|year|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|today)"
    r"\s*\(\W*(?:(?:on|by|before|until|no\s+later\s+than)\s+)?(?:the\s+)?$"
)


#: What starts an aside after a due date: a bracket, a comma before a participle or relative clause (", setting
#: out …", ", which …"), or a "which" (after the date, it is about the noun before it: "submit a plan by 28 November
#: which identifies …"); not a comma that closes an inserted phrase ("A review, to be carried out in March, will be …").
_ASIDE = re.compile(r"(?i),\s+(?=(?:[a-z]+ing|which|who|where|whose|with|following)\b)|\s\(|\s+(?=which\b)")
#: A relative clause's opening: its subject is in the clause before.
_RELATIVE = re.compile(r"(?i)(?:which|who)\b")
#: What a relative clause stands for: the noun phrase that ends just before its comma, from its last determiner ("the
#: joint action plan, which …", "the Children and Young People Scrutiny Committee, which …").
_ANTECEDENT = re.compile(
    r"(?i)\b(?P<np>(?:the|an?|its|their|our|this)\s+(?:(?!(?:the|an?|its|their|our|this)\s)[\w’'-]+\s+){0,7}?[\w’'-]+),\s*$"
)
#: A bracket with nothing bracketed inside it (the innermost of nested brackets).
_INNER_BRACKET = re.compile(r"\s*\(([^()]*)\)")


def _drop_long_asides(raw: str) -> str:
    """``raw`` less its bracketed asides of more than three words ("(as stated in the Regulations 2007)"; a short
    gloss such as "(AAP)" stays), innermost first, so an aside with a bracket inside goes whole."""
    if "(" not in raw:
        return raw
    while True:
        dropped = _INNER_BRACKET.sub(
            lambda m: " " if len(m.group(1).split()) > 3 else m.group().replace("(", "\0").replace(")", "\1"), raw
        )
        if dropped == raw:
            return raw.replace("\0", "(").replace("\1", ")")
        raw = dropped


#: A present verb group saying that something is due, before the infinitive of what is: "is due to", "are expected
#: to" (a past one is kept: "was expected to" may be what did not happen).
_DUE_TO = re.compile(
    r"(?i)\s+(?:is|are)\s+(?:also\s+|now\s+)?(?:due|expected|scheduled|set|planned|going)\s+to\s+(?=\w)"
)
_SPACE_BEFORE_STOP = re.compile(r"\s+([,;:.)])")


def _description(text: str, start: int, end: int, due_start: int, due_end: int) -> str:
    """What is due, ``text[start:end]`` less its due date and the words that lead to it ("report back on agency
    staffing to the Committee's March meeting" → "report back on agency staffing to the Committee's meeting"; a span
    whose end a bracket restates goes with it: "submit a plan within 70 days of the report (which is 12 August)" →
    "submit a plan"), page clutter and a leading "that" or list mark."""
    if start <= due_start and due_end <= end:
        lead = _DUE_LEAD.search(text, start, due_start)
        again = None if lead else _NAMED_AGAIN.search(text, start, due_start)
        if again is not None:  # "next Wednesday (1 November)": the bracket goes with its date
            lead = again
            close = text.find(")", due_end, end)
            due_end = close + 1 if close >= 0 and not text[due_end:close].strip() else due_end
        cut = lead.start() if lead else due_start
        season = _SEASON_LEAD.search(text, start, due_start) if SEASON.match(text, due_start) else None
        if season is not None:  # "expected in the autumn of 2024": "in the" goes with its season
            cut = min(cut, season.start())
        bracket = text.rfind("(", start, due_start)
        span = _SPAN_OF.search(text, max(start, bracket - 160), bracket) if bracket >= 0 else None
        if span is not None:  # "within 70 days of the publication of the report (which is 12 August)": the span too
            cut, close = span.start(), text.find(")", due_end, end)
            due_end = close + 1 if close >= 0 else due_end
        aside = _ASIDE.search(text, due_end, end)  # "by 17 July 2023, setting out how …": an aside, left out
        raw = text[start:cut] + " " + text[due_end : aside.start() if aside else end]
    else:
        raw = text[start:end]
    raw = _EMPTY_BRACKET.sub(" ", _drop_long_asides(raw))  # "next Wednesday (1 November)" less its date
    raw = _DUE_TO.sub(" to ", raw)  # "is due to be approved" → "to be approved": what is due, not that it is
    description = _SPACE_BEFORE_STOP.sub(r"\1", clean(rules().clutter.sub(" ", raw))).strip(" .,;")
    description = _STRANDED.sub("", description)  # "… will be" / "an update at", less the date that followed
    return re.sub(r"^(?:[·•*–—-]+\s*)?(?:(?:that|and|but|which|who|with)\s+)?", "", description, flags=re.I)


#: The words a due date leaves stranded at a description's end once it is taken out ("The first update will be in
#: March 2023" → "The first update"; "committed to providing an update at the end of the year" → "committed to
#: providing an update").
_STRANDED = re.compile(r"(?i)(?:\s+(?:(?:will|would|shall|is\s+to|are\s+to)\s+be|at|in|on|by|during|before|until))+$")


#: What every due date holds: a digit, or a month, season or relative word (a cheap test that skips the rest; the
#: digit is tested on its own first, then the words).
_DIGIT = re.compile(r"\d")


def _may_name_a_date(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a match of :data:`_DATE_WORD` (searched at once: a pre-check of its words in
    the span's lower case cost more than it saved)."""
    return _DATE_WORD.search(text, start, end) is not None


#: (led by a word boundary, then the first letters: inside a word it gives up at the first test; speed only)
_DATE_WORD = re.compile(
    r"\b(?=[jfmasondwtyJFMASONDWTY])(?:(?-i:May)|(?i:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|spring|summer|autumn|winter|fall|today"
    r"|tomorrow|month|year|week|(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|the\s+end\s+of))"
)
#: Words before a date that make it the date of something that happened ("the visit carried out 1-2 November
#: 2022", "took place over three weeks in the summer", "inspectors arrived at County Hall this week to begin …"), not
#: the date a commitment is due ("to be carried out in March" is still due then).
_PAST_EVENT_DATE = re.compile(
    r"(?i)(?<!\bbe\s)\b(?:carried\s+out|took\s+place|taken\s+place|held|undertaken|conducted|visited|inspected|dated"
    r"|arrived|began|met|started|commenced|opened|launched|joined)"
    r"\s+(?:(?:over|for|across|at|to|with)\s+(?:[\w’'-]+\s+){1,3}?)?(?:on\s+|in\s+|between\s+|from\s+|during\s+|over\s+)?(?:the\s+)?$"
    # a decision's participle with its maker: "The decision made by Cabinet on 17 June will be reported to Council"
    r"|(?<!\bbe\s)(?<!\band\s)\b(?:made|taken|agreed|approved)\s+by\s+(?:the\s+)?(?:[\w’'-]+\s+){1,4}?(?:on|in|at)\s+(?:the\s+)?$"
)
#: A span just past, the date in a bracket after it restating it: "in the last 6 months (1st October 2019 to 31st
#: March 2020)", "over the past year (from April 2023)".
_PAST_SPAN = re.compile(
    r"(?i)\b(?:last|past|previous|preceding)\s+(?:[\w-]+\s+)?(?:days|weeks|months|years|quarters?|year|month)\s*"
    r"\(\s*(?:from\s+|between\s+|since\s+)?(?:the\s+)?$"
)
#: What makes a publication date another body's, not a commitment's due date: the report or letter of an inspection
#: ("the letter will be published on 5 September"); a plan of the council's own "to be published in July" is due then.
_REPORT_OF_INSPECTION = re.compile(
    r"(?i)\b(?:ofsted|inspect\w*|visit|letter|findings|judgement|judgment|outcome|commissioner|dfe|cqc|hmi\w*)\b"
)
#: Words after a date that make it an event's, not a due date: "the 2024 inspection", "the June 2023 visit".
_EVENT_AFTER = re.compile(
    r"(?i)['’]?s?\s+(?:(?:ofsted|ilacs|full|joint|standard|short|focused|monitoring)\s+)*(?:inspection|re-?inspection|visit)s?\b"
)
#: A publication to come ("is due to be published in July", "would build on the report and publish … in the
#: spring"): only then is a publication date a due date.
_FUTURE_PUBLICATION = re.compile(
    r"(?i)\b(?:to\s+be|will\s+be|would\s+be|shall\s+be|will|would|to)\s+(?:[^.;]{0,60}?\band\s+)?"
    r"(?:published|publish|issued|released|made\s+public)\b"
)
#: A past passive before a date: "the report was received by the Council on 2 January", "had been agreed in March";
#: not a passive to come told in the past ("the report was expected to be presented to Cabinet in July", "a report
#: was to be presented in June").
_PAST_PASSIVE = re.compile(
    r"(?i)\b(?:was|were|had\s+been|has\s+been|have\s+been)"
    r"(?!\s+(?:(?:expected|due|scheduled|planned|going|set)\s+)?to\s+be\b)\s+(?:[\w’'-]+\s+){1,6}?(?:on|in|at|during)\s+(?:the\s+)?$"
)
#: A resolution's opening: "That …", "To …", after its number.
_RESOLUTION = re.compile(r"(?i)\s*(?:\(?[0-9a-z]{1,4}[.)]\s*)?(?:resolved\s*[:,–-]?\s*)?(?:that|to)\b")
#: A resolution that looks back or decides now, not forward: noting, welcoming, receiving, approving, agreeing.
_LOOKS_BACK = re.compile(
    r"(?i)\b(?:not(?:e|ed|es|ing)|welcom\w*|thank\w*|congratulat\w*|receiv\w*|endors\w*|approv\w*|agree\w*|adopt\w*)\b"
)
#: The subject of a commitment, before its modal or passive verb: "a review group would …", "that the plan be …".
_SUBJECT = re.compile(
    r"(?i)(?:that\s+)?(?P<s>[^,;:()]{1,80}?)\s+(?:(?:would|will|shall|should|must|is\s+to|are\s+to)\s+)?(?P<verb>be|would|will|shall)\s"
)
#: A coordinated clause with a subject of its own and a modal: ", and the council will …".
_NEW_CLAUSE = re.compile(r"(?i),\s+and\s+(?=(?:[\w’'-]+\s+){1,6}?(?:will|would|shall|is\s+to|are\s+to)\s)")
#: A coordinated past participle after a passive: "be amended as set out at Appendix 2 and signed off for …".
#: … or one with no comma before its "and", after a finished clause (:data:`_FINITE`): "The report was based on data
#: from April and the next Board would be on 18 October".
_NEW_CLAUSE_BARE = re.compile(
    r"(?i)\s+and\s+(?=(?:the|an?|its|their|this|our)\s+(?:[\w’'-]+\s+){0,5}?(?:will|would|shall|is\s+to|are\s+to)\s)"
)
_FINITE = re.compile(r"(?i)\b(?:was|were|is|are|has|have|had)\b")
#: A noun phrase and the relative clause a cue is in: "the Improvement Plan which the Council will submit", "the
#: revised Strategy that would be reviewed" ("which was …" tells what it was, not what is due).
_RELATIVE_HEAD = re.compile(
    r"(?i)\b(?:the|an?|its|their|our|this|these)\s+(?:(?!(?:the|an?|its|their|our|this|these|which|that)\s)[\w’'-]+\s+){0,6}?"
    r"[\w’'-]+\s+(?:which\s+(?!(?:was|were|had|has|have|is|are)\b)|that\s+(?=(?:would|will|shall|is\s+to|are\s+to)\s))"
)
_PASSIVE_CONJUNCT = re.compile(r"(?i),?\s+and\s+(?:be\s+|then\s+)?(?=(?:[a-z]+ed|[a-z]+en|sent|brought|put|set)\b)")
_COORDINATION = re.compile(r"\s(?=and\s+(?:would|will|shall|is\s+to|are\s+to)\s)", re.I)
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?=(?:but|however|with|which|while|whilst|although|and\s+(?:a|an|the)\s+(?:future|interim))\b)|\(|\)|\.\s"
    r"|\s(?=and\s+(?:would|will|shall|is\s+to|are\s+to)\s)"  # "… proposed by Ofsted and would be scrutinised at …"
    r"|,\s+(?=and\s+that\b)"  # "… come back in November 2023, and that a SEND revisit was likely …"
)


def _clause(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of ``text[start:end]`` that holds ``pos``: between clause breaks (semicolons, brackets, ", but", ", with"…).
    A closed bracket that does not hold ``pos`` is an aside the clause runs across ("be endorsed for submission
    (as set out in the regulations) by 9 March", "submit an Improvement Plan (IP) by the deadline"); inside one, the
    clause is the bracket's."""
    c_start, c_end = start, end
    skip_to = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.start() < skip_to:
            continue  # inside an aside the clause runs across
        if m.group() == "(":
            close = _aside_end(text, m.start(), end)
            if close is not None and not m.start() < pos < close:
                skip_to = close
                continue
        if m.end() <= pos:
            c_start = m.end()
        elif m.start() >= pos:
            if m.group() == " ":
                continue  # "will next meet on 20 February and will look at …": a coordinated commitment goes on
            c_end = m.start()
            break
    return trim(text, c_start, c_end)


#: The longest bracketed aside a clause runs across.
_ASIDE_LIMIT = 300


def _aside_end(text: str, open_at: int, end: int) -> int | None:
    """The end of the bracket opened at ``open_at`` (after its ``)``, brackets nested within counted), when it closes
    before ``end`` within :data:`_ASIDE_LIMIT` characters; else None."""
    depth = 0
    for i in range(open_at, min(end, open_at + _ASIDE_LIMIT)):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _only_date(text: str, a: int, b: int, d: DateMention) -> bool:
    """Whether the bracket ``text[a:b]`` holds the date ``d`` and nothing else ("next Wednesday (1 November)"), or
    restates with it the date of what it follows ("within 70 days of the report (which is 12 August 2022)", "within
    20 days (i.e. by 30 May)")."""
    return not _WORDY.search(text[d.end : b - 1]) and _RESTATING.fullmatch(text, a + 1, d.start) is not None


_WORDY = re.compile(r"\w")
#: Words a bracket may hold before the date it restates: "(which is …", "(i.e. by …", "(that is, no later than …".
_RESTATING = re.compile(
    r"(?i)\W*(?:(?:which|this|that)\s+(?:is|will\s+be|would\s+be|falls\s+on)|that\s+is|i\.?\s?e\.?|namely|being)?"
    r"[\s,:]*(?:(?:by|on|before|until|no\s+later\s+than)\s+)?(?:the\s+)?"
)
#: A bracket its date has left empty, or holding only the words that led to it ("within 70 days (by 12 August)").
_EMPTY_BRACKET = re.compile(r"(?i)\s*\(\W*(?:(?:by|on|in|before|until|i\.?e\.?|no\s+later\s+than)\W*)?\)")


def _asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The closed brackets of ``text[start:end]`` (outermost only), as spans."""
    out: list[tuple[int, int]] = []
    pos = text.find("(", start, end)
    while pos >= 0:
        close = _aside_end(text, pos, end)
        if close is None:
            break
        out.append((pos, close))
        pos = text.find("(", close, end)
    return out
