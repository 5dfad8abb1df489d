"""Meetings, and the document's own date.

:func:`find_meetings` finds the page's own meeting (its header: ModernGov "Meeting: …", "Decided at meeting: …",
"Body - Weekday, date time" on one line or the body's name above a line of its weekday and date, "Meeting of …" and
"… meeting held on …" lines; a decision page's dated title or "Date of decision" under a decision maker that is a
body), other dated meetings of named bodies in the text ("presented to the Improvement Board … on 3rd October 2018",
"the minutes of the Corporate Parenting Board meeting held on 18 April 2024", "The Education Scrutiny Panel reviewed
the plan on 4 March 2020", "Corporate Parenting Board - 18 April 2024") and earlier meetings of the page's own body
that the text leaves unnamed ("the minutes of the meeting held on 2 April 2019", "the meeting of the Board held on
…"). Only day-precision dates make a meeting. Matching (:func:`match_meetings`) gives candidates; merging
(:func:`merge_meetings`) makes one meeting of a body's mentions on one date, keeping the fuller name unless the
shorter is the page's own meeting.

:func:`document_date` gives the document's own date: its meeting (from the page header), the manifest's date, a
decision page's date or a dateline near the top; :func:`fallback_anchor` the latest full date the text states, for a
document with no date of its own. Rules: ``rules/meetings.toml`` (the head words of bodies' names, what a body does at
a meeting) and the line patterns of ``rules/segment.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.dates import sort_key
from caregraph.pipeline.extract.doc import WIDE_SCAN_LIMIT, Doc, clean, evidence, load_rules, slugish
from caregraph.pipeline.segment import MEETING_LINES
from caregraph.pipeline.segment import rules as segment_rules
from caregraph.records import MeetingRecord, PartialDate, Segment, Segmented


@dataclass(frozen=True)
class MeetingRules:
    body_heads: str  # the head word of a body's name ("Board", "Committee", …), a pattern
    single_word_bodies: frozenset[str]  # bodies named by their head word alone ("Cabinet")
    not_body_words: frozenset[str]  # words that cannot start a body's name ("the", "Ofsted's"), lower case
    not_body_tokens: frozenset[str]  # words that show the text names no body ("meeting", "minutes"), lower case
    meeting_verbs: str  # what a body does at a meeting, right after its name ("considered"), a pattern
    title_tails: str  # words after a body's name in a dated title ("Update"), a pattern
    head: re.Pattern[str]  # a head word anywhere in a line


@cache
def rules() -> MeetingRules:
    """The rules of ``rules/meetings.toml``, compiled once."""
    d = load_rules("meetings")["meetings"]
    return MeetingRules(
        d["body_heads"],
        frozenset(d["single_word_bodies"]),
        frozenset(w.lower() for w in d["not_body_words"]),
        frozenset(w.lower() for w in d["not_body_tokens"]),
        d["meeting_verbs"],
        d["title_tails"],
        re.compile(rf"\b{d['body_heads']}(?![\w-])", re.I),
    )


# ------------------------------------------------------------------------------------------------ finder


def find_meetings(doc: Doc | Segmented) -> list[MeetingRecord]:
    """The page's own meeting and other dated meetings of named bodies (day-precision dates only)."""
    return merge_meetings(match_meetings(Doc.of(doc)))


def match_meetings(doc: Doc) -> list[MeetingRecord]:
    """The meetings of the page's header lines, then those the text names with a date (an unnamed one is the page's
    own body's, when the header names it)."""
    found = _header_meetings(doc)
    own = next((m.body for m in found if is_header_meeting(m)), None)
    found.extend(_meetings_in_text(doc, own))
    return found


def merge_meetings(candidates: list[MeetingRecord]) -> list[MeetingRecord]:
    """One meeting per body and date: a body whose name ends the other's ("Board", "Improvement Board") on the
    same date is the same meeting; the fuller name wins unless the shorter is the page's own meeting."""
    unique: list[MeetingRecord] = []
    for m in candidates:
        body = slugish(m.body)
        twin = next(
            (
                i
                for i, u in enumerate(unique)
                if u.date == m.date and (slugish(u.body).endswith(body) or body.endswith(slugish(u.body)))
            ),
            None,
        )
        if twin is None:
            unique.append(m)
        elif len(body) > len(slugish(unique[twin].body)) and not is_header_meeting(unique[twin]):
            unique[twin] = m
    return unique


def is_header_meeting(meeting: MeetingRecord) -> bool:
    """Whether ``meeting`` is the page's own: read from a header line (its first or, for a body's name above its
    date, its last line), an agenda item's, or a decision page's "Date of decision"."""
    lines = meeting.evidence.quote.split("\n")
    r = segment_rules()
    if meeting.item_number or r["headings"]["decision_date"].match(lines[0]):
        return True
    return any(r["lines"][key].match(line.strip()) for key in MEETING_LINES for line in (lines[0], lines[-1]))


# ------------------------------------------------------------------------------------------ header lines

_CALL_IN = re.compile(r"called[\s-]*in\s+by\s+(?:the\s+)?(?P<body>[A-Z][^\]\)\n]*?)\s*[\])]?\.?\s*$", re.I)
_DECISION_MAKER = re.compile(r"^decision\s+maker\s*:?\s*(?P<body>.*)$", re.I)
_BOILERPLATE = re.compile(
    r"(?i)^(?:agenda|minutes|agenda\s+and\s+(?:draft\s+)?minutes|draft\s+minutes|meeting\s+details|issue\s*[-–—].*|agenda\s+item)$"
)


def _header_meetings(doc: Doc) -> list[MeetingRecord]:
    """The meetings of the page's "meeting" segments, with the agenda item that follows each; else the meeting of a
    decision page's decision maker on its date of decision."""
    text = doc.text
    segments = list(doc.segments)
    call_in, decision_maker = _call_in(doc), _decision_maker(doc)
    out: list[MeetingRecord] = []
    for i, s in enumerate(segments):
        if s.kind != "meeting":
            continue
        found = _header_line(doc, s, decision_maker)
        if found is None:
            continue
        body, item_number, item_title, date, ev_start = found
        report_title = report_size = None
        im = _item_after(doc, segments[i + 1 : i + 3])
        if im is not None:
            item_number = item_number or im.group("number").rstrip(".")
            item_title = im.group("title").strip()
            report_title = item_title
            report_size = f"{im.group('format').upper()} {im.group('size').upper()}"
        if item_title is None:
            item_title = next((text[t.start : t.end].strip() for t in segments[:i] if t.kind == "title"), None)
        out.append(
            MeetingRecord(
                body, date, evidence(text, ev_start, s.end), item_number, item_title, report_title, report_size, call_in
            )
        )
    if not out and decision_maker and _is_body(decision_maker):
        out.extend(_decision_date_meeting(doc, decision_maker, call_in))
    return out


def _header_line(
    doc: Doc, s: Segment, decision_maker: str | None
) -> tuple[str, str | None, str | None, PartialDate, int] | None:
    """``(body, item number, item title, date, evidence start)`` of a meeting line, or None when it gives no body
    or day."""
    text = doc.text
    r = segment_rules()["lines"]
    line = text[s.start : s.end]
    item_title = item_number = None
    ev_start = s.start
    m = r["meeting"].match(line) or r["meeting_held"].match(line) or r["meeting_of"].match(line)
    if m:
        body, item_number = clean(m.group("body")), m.groupdict().get("item")
        if m.re is r["meeting_held"]:
            body = _body_name(re.sub(r"(?i)\s+meeting$", "", body)) or ""
            if not body:
                return None
        dates = doc.dates_in(s.start + m.start("date"), s.start + m.end("date"))
    elif (m := r["meeting_header"].match(line) or r["meeting_day"].match(line)) is not None:
        if m.re is r["meeting_header"]:
            body = clean(m.group("body"))
        else:  # the body's name is the line above its date
            above = _line_before(doc, s.start)
            if above is None:
                return None
            ev_start, body = above[0], clean(above[2])
        if not _names_a_body(body):
            return None
        dates = doc.dates_in(s.start + m.start("date"), s.start + m.end("date"))
    else:
        m = r["dated_title"].match(line)
        if not m or not decision_maker:
            return None
        body, item_title = decision_maker, m.group("title").strip()
        dates = doc.dates_in(s.start, s.end)
    if not dates or dates[0].date.precision != "day":
        return None
    return body, item_number, item_title, dates[0].date, ev_start


_CONNECTORS = frozenset({"and", "of", "for", "the", "in", "on", "to", "&", "with", "at", "-", "–", "—"})


def _names_a_body(line: str) -> bool:
    """Whether a header line's ``line`` is a body's name: capitalised words (and connectors) that hold a head word
    ("Cabinet Member for Children, Families and Education"), not a sentence or a page's boilerplate."""
    if len(line) > 150 or _BOILERPLATE.match(line) or not rules().head.search(line):
        return False
    words = [w.strip(",;:()'’\"") for w in line.split()]
    return all(not w or w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS for w in words)


def _line_before(doc: Doc, pos: int) -> tuple[int, int, str] | None:
    """The non-blank line before the one that starts at ``pos``."""
    before = None
    for line in doc.lines:
        if line[0] >= pos:
            break
        before = line
    return before


def _decision_date_meeting(doc: Doc, body: str, call_in: str | None) -> list[MeetingRecord]:
    """A decision page whose decision maker is a body met on its "Date of decision"."""
    for s in doc.segments:
        if s.kind == "decision_date":
            dates = doc.dates_in(s.start, s.end)
            if dates and dates[0].date.precision == "day":
                end = doc.text.find("\n", s.start, s.end)
                return [
                    MeetingRecord(
                        body,
                        dates[0].date,
                        doc.evidence(s.start, s.end if end < 0 else end),
                        None,
                        None,
                        None,
                        None,
                        call_in,
                    )
                ]
    return []


def _is_body(name: str) -> bool:
    """Whether ``name`` names a body that meets (its last word a head word, or a body named by its head alone), not
    a post ("Cabinet Member for Children's Services")."""
    r = rules()
    return name in r.single_word_bodies or bool(re.search(rf"{r.body_heads}$", name))


def _item_after(doc: Doc, following: list[Segment]) -> re.Match[str] | None:
    """The agenda-item header among the two segments after a meeting line (the first "item" segment only)."""
    for nxt in following:
        if nxt.kind == "item":
            return segment_rules()["lines"]["item_header"].match(doc.text[nxt.start : nxt.end])
    return None


def _call_in(doc: Doc) -> str | None:
    """The body that called the decision in ("called in by the Scrutiny Committee")."""
    for s in doc.segments:
        if s.kind == "call_in":
            m = _CALL_IN.search(doc.text[s.start : s.end].split("\n")[0])
            if m:
                return clean(m.group("body"))
    return None


def _decision_maker(doc: Doc) -> str | None:
    """A decision page's "Decision maker" (the last one given)."""
    decision_maker = None
    for s in doc.segments:
        if s.kind == "decision_maker":
            line = doc.text[s.start : s.end].split("\n")
            m = _DECISION_MAKER.match(line[0].strip())
            body = (m.group("body").strip() if m else "") or (line[1].strip() if len(line) > 1 else "")
            decision_maker = body or None
    return decision_maker


# ------------------------------------------------------------------------------------------ in the text

_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DAY = (
    r"(?P<date>(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+\.?,?\s+(?:19|20)\d\d"
    r"|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d)"
)
_VENUE = r"(?:held\s+(?:(?:at|in|remotely|virtually|online|via)\b[^\n.;]{0,80}?\s+)?)?"
_GAP = r"(?P<gap>(?:\s+(?!(?:that|which|who|when|where|because|but|and\s+(?:was|were|had|has))\b)[^\s.;:]+){0,14}?)"


@cache
def _body_patterns() -> dict[str, re.Pattern[str]]:
    r = rules()
    body = rf"(?P<body>(?:[A-Z][\w’'&-]*[ \t]+(?:(?:and|&|of|for|the|in|on|to)[ \t]+)*){{0,9}}{r.body_heads})(?![\w-])"
    return {
        # "You Matter to Us - Corporate Parenting Board - 18 April 2024", "Children's Partnership Board Update – 12
        # May 2021" (a previous meeting's minutes, a news title)
        "dash": re.compile(
            rf"^(?i:minutes\s*(?:of\s+the\s+)?[-–—:]\s*)?(?P<body>(?:[A-Z][^\n]{{1,90}}?[ \t]+)?{r.body_heads})(?:[ \t]+{r.title_tails})?\s*[-–—,:]\s*{_WEEKDAY}{_DAY}",
            re.M,
        ),
        # "the minutes of the meeting of the Corporate Parenting Board held on 18 April 2024", "the joint meeting of
        # the Health and Education Scrutiny Committees held on 2 April 2019"
        "meeting_of": re.compile(rf"\bmeetings?\s+of\s+(?:the\s+)?{body}\s+{_VENUE}on\s+{_WEEKDAY}{_DAY}"),
        # "the Corporate Parenting Board meeting held on 18 April 2024", "the Cabinet, at its meeting on …", "the
        # minutes of the Corporate Parenting Board held on …"
        "held": re.compile(
            rf"\b{body}(?:\s+meeting\s+{_VENUE}|,?\s+at\s+its\s+(?:meeting|session)\s+{_VENUE}|\s+held\s+(?:(?:at|in|remotely|virtually|online|via)\b[^\n.;]{{0,80}}?\s+)?)(?:on|(?<=meeting\s)of)\s+{_WEEKDAY}{_DAY}"
        ),
        # "presented to the Improvement Board by the Independent Chair … on 3rd October 2018"
        "to_on": re.compile(rf"\b(?:to|at|in|before|by)\s+(?:the\s+)?{body}{_GAP}\s+on\s+{_WEEKDAY}{_DAY}"),
        # "The Education Scrutiny Panel reviewed the draft action plan on 4 March 2020"
        "subject": re.compile(rf"{body}\s+{r.meeting_verbs}{_GAP}\s+on\s+{_WEEKDAY}{_DAY}"),
    }


@cache
def _own_patterns() -> tuple[re.Pattern[str], ...]:
    """An earlier meeting the text leaves unnamed: the page's own body's ("the minutes of the meeting held on 2 April
    2019", "the 29 September 2021 meeting")."""
    return (
        re.compile(
            rf"(?i:\b(?:minutes|record)\s+of\s+the\s+(?:previous\s+|last\s+)?meeting\s+{_VENUE}(?:on\s+)?){_WEEKDAY}{_DAY}"
        ),
        re.compile(rf"(?i:\bthe\s+){_DAY}\s+meeting\b"),
    )


def _body_name(raw: str) -> str | None:
    """A body's name as written, or None when it is not a name ("the Panel", "Ofsted's Board", "last meeting")."""
    r = rules()
    tokens = clean(raw).split()
    while tokens and tokens[0].lower() in r.not_body_words:
        tokens = tokens[1:]
    if not tokens:
        return None
    name = " ".join(tokens)
    if len(tokens) == 1 and name not in r.single_word_bodies:
        return None
    if any(t.lower().strip(",;:") in r.not_body_tokens for t in tokens):
        return None
    if (
        gazetteer().resolve(name) is not None
        and len(tokens) > 1
        and not re.search(r"(?i)board|committee|panel|cabinet|commission|forum", name)
    ):
        return None  # "Surrey County Council" as a council, not a meeting body
    return name


def _meetings_in_text(doc: Doc, own: str | None) -> list[MeetingRecord]:
    """The dated meetings the text names; a body named by its head word alone ("the meeting of the Board held on
    …") and an unnamed earlier meeting are the page's own body's (``own``), when its header names it."""
    text = doc.text
    limit = min(len(text), WIDE_SCAN_LIMIT)
    own_head = own.split()[-1].lower() if own else None
    out = []
    for kind, pattern in _body_patterns().items():
        for m in pattern.finditer(text, 0, limit):
            body = _body_name(m.group("body"))
            if kind == "subject" and body is not None and body.split()[-1] == "Council":
                continue  # "The Council received the letter on …": the council acts, no meeting is said
            if body is None:
                words = clean(m.group("body")).split()
                if own is None or not words or words[-1].lower() != own_head:
                    continue
                body = own
            found = _dated(doc, m, body)
            if found is not None:
                out.append(found)
    if own is not None:
        for pattern in _own_patterns():
            for m in pattern.finditer(text, 0, limit):
                found = _dated(doc, m, own)
                if found is not None:
                    out.append(found)
    return out


def _dated(doc: Doc, m: re.Match[str], body: str) -> MeetingRecord | None:
    """The meeting of ``body`` on the day of ``m``'s date group, if it gives one."""
    dates = doc.dates_in(m.start("date"), m.end("date"))
    if not dates or dates[0].date.precision != "day":
        return None
    return MeetingRecord(body, dates[0].date, doc.evidence(*doc.sentence_around(m.start(), m.end())))


# ------------------------------------------------------------------------------------------ document date

_DATELINE_LINE = re.compile(
    r"^(?:(?:date(?:\s+of\s+(?:the\s+)?meeting)?|published|posted|updated|issued|last\s+updated)\s*(?:on)?\s*:?\s*)?(?:[A-Z][\w ,&'’-]{0,60}?,\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d)\b",
    re.I,
)


def document_date(doc: Doc | Segmented, meetings: list[MeetingRecord]) -> PartialDate | None:
    """The document's own date: its meeting (from the page header), the manifest's date, a decision page's date,
    or a dateline near the top. None when the text gives none (a year in the URL is not used: the URL is not the
    text)."""
    doc = Doc.of(doc)
    own = [m for m in meetings if is_header_meeting(m)]
    if own:
        return max(own, key=lambda m: sort_key(m.date)).date
    if doc.source.published is not None:
        return doc.source.published
    return _segment_date(doc) or _dateline(doc)


def _segment_date(doc: Doc) -> PartialDate | None:
    """A decision page's "Date of decision", or the day of a dated title line."""
    r = segment_rules()["lines"]
    for s in doc.segments:
        if s.kind == "decision_date":
            dates = doc.dates_in(s.start, s.end)
            if dates:
                return dates[0].date
        if s.kind == "meeting" and r["dated_title"].match(doc.text[s.start : s.end]):
            dates = doc.dates_in(s.start, s.end)
            if dates and dates[0].date.precision == "day":
                return dates[0].date
    return None


def _dateline(doc: Doc) -> PartialDate | None:
    """A day on a short line among the first eight lines (within the first 800 characters)."""
    for n, (start, _end, line) in enumerate(doc.lines_in(0, min(len(doc.text), 800))):
        if n >= 8:
            break
        if len(line) > 80:
            continue
        m = _DATELINE_LINE.match(line)
        if m:
            found = doc.dates_in(start + m.start("date"), start + m.end("date"))
            if found and found[0].date.precision == "day":
                return found[0].date
    return None


def fallback_anchor(doc: Doc | Segmented) -> PartialDate | None:
    """When a document has no date of its own, the latest full date it states fixes the year of a day or month
    it gives without one (a July visit whose letter "was published on 23 August 2021")."""
    best = None
    for d in Doc.of(doc).dates:
        if d.date.precision == "day" and (best is None or sort_key(d.date) > sort_key(best)):
            best = d.date
    return best
