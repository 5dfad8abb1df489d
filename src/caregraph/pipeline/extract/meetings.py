"""Meetings, and the document's own date.

:func:`find_meetings` finds the page's own meeting from its header, in whatever layout its first lines use (ModernGov
"Meeting: …" and "Decided at meeting: …", "Body - Weekday, date time", "Agenda for Body on …", "Minutes of the Body
meeting held on …", the body's name on one line and its day, bare or labelled ("Date: …", "Date of meeting: …"), on a
line near it, a labelled day above "Decision maker: Cabinet"; a decision page's dated title or "Date of decision"
under a decision maker that is a body); other dated meetings of named bodies in the text, in any word order ("presented
to the Improvement Board … on 3rd October 2018", "the Corporate Parenting Board meeting held on …", "The Education
Scrutiny Panel reviewed the plan on …", "On 4 March 2020 the Cabinet agreed …", "Full Council on 12 July 2023
adopted …", "Corporate Parenting Board - 18 April 2024", "the Children's Scrutiny Committee of 12 July 2023"); a
meeting the sentence dates without naming it ("… will consider progress at its meeting on 30 January 2024", "when it
next meets, on …"), which is the body the sentence names, else the page's own; a head word alone ("the Board") as the
page's body or the nearest full name with that head; earlier and later meetings of the page's own body that the text
leaves unnamed ("the minutes of the meeting held on 2 April 2019", "Date of next meeting: …"); the rows of a work
programme under "Meeting date | Item | …". The page's own body is its header's, else the body its first lines name (also as a title's opening: "Children's
Scrutiny Board – Safeguarding Review").
Only day-precision dates make a meeting; a list of days ("on 3 and 10 May 2023") is a meeting on each. A day
belongs to the event nearest to it: past a participle or an event's noun ("… received a report on the annual
conversation held with Ofsted on 5 December 2023", "the monitoring visit on 19 March") it is not the body's meeting. Matching (:func:`match_meetings`) gives candidates; merging
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
from caregraph.pipeline.dates import find_dates, sort_key
from caregraph.pipeline.extract.doc import WIDE_SCAN_LIMIT, Doc, clean, evidence, load_rules, slugish
from caregraph.pipeline.segment import body_line_above, body_line_below
from caregraph.pipeline.segment import rules as segment_rules
from caregraph.records import Genre, MeetingRecord, PartialDate, Segment, Segmented


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
    doc = Doc.of(doc)
    return merge_meetings(match_meetings(doc), doc)


def match_meetings(doc: Doc) -> list[MeetingRecord]:
    """The meetings of the page's header lines, then those the text names with a date (an unnamed one is the page's
    own body's, when the header names it)."""
    found = _header_meetings(doc)
    own = next((m.body for m in found if is_header_meeting(m, doc)), None) or _top_body(doc) or _anaphoric_body(doc)
    found.extend(_meetings_in_text(doc, own))
    if own is not None:
        found.extend(_programme_rows(doc, own))
    return found


def merge_meetings(candidates: list[MeetingRecord], doc: Doc) -> list[MeetingRecord]:
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
        elif len(body) > len(slugish(unique[twin].body)) and not is_header_meeting(unique[twin], doc):
            unique[twin] = m
    return unique


def is_header_meeting(meeting: MeetingRecord, doc: Doc) -> bool:
    """Whether ``meeting`` is the page's own: an agenda item's, or read from one of the page's header lines (a
    "meeting" segment: ModernGov "Meeting: …", a body's name with its day, a day under a body's name in the page's
    first lines) or a decision page's "Date of decision"."""
    if meeting.item_number:
        return True
    start, end = meeting.evidence.start, meeting.evidence.end
    return any(s.kind in _HEADER_SEGMENTS and s.start < end and start < s.end for s in doc.segments)


_HEADER_SEGMENTS = frozenset({"meeting", "decision_date"})


# ------------------------------------------------------------------------------------------ header lines

_CALL_IN = re.compile(r"called[\s-]*in\s+by\s+(?:the\s+)?(?P<body>[A-Z][^\]\)\n]*?)\s*[\])]?\.?\s*$", re.I)
_DECISION_MAKER = re.compile(
    r"^" + r"(?:decision[\s-]*(?:maker|taker)|decision\s+(?:taken|made)\s+by)" + r"\s*:?\s*(?P<body>.*)$", re.I
)
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


HeaderLine = tuple[str, str | None, str | None, PartialDate, int]  # (body, item number, item title, date, start)


def _header_line(doc: Doc, s: Segment, decision_maker: str | None) -> HeaderLine | None:
    """``(body, item number, item title, date, evidence start)`` of a meeting line: the first of its readings that
    gives a body and a day, or None."""
    line = doc.text[s.start : s.end]
    for key in _HEADER_FORMS:
        m = segment_rules()["lines"][key].match(line)
        if m is None:
            continue
        found = _read_header(doc, s, key, m, decision_maker)
        if found is not None:
            return found
    return None


#: The line patterns of ``rules/segment.toml`` a meeting line is read with, in this order.
_HEADER_FORMS = (
    "meeting",
    "meeting_held",
    "meeting_of",
    "meeting_header",
    "meeting_day",
    "meeting_top",
    "dated_title",
    "meeting_date_top",
)


def _read_header(doc: Doc, s: Segment, key: str, m: re.Match[str], decision_maker: str | None) -> HeaderLine | None:
    """The meeting of a header line that ``m`` (of the line pattern ``key``) matched, or None when it gives no body
    or no day."""
    item_title = None
    item_number = m.groupdict().get("item")
    ev_start = s.start
    if key in ("meeting", "meeting_of"):
        body = clean(m.group("body"))
    elif key == "meeting_held":  # "Minutes of the meeting of the Cabinet held on …" ("… of the meeting held": no body)
        body = _body_name(re.sub(r"(?i)\s+meeting$", "", clean(m.group("body")))) or ""
    elif key in ("meeting_header", "meeting_top"):
        body = clean(m.group("body"))
        if key == "meeting_top" and _is_council(body):
            return None
    elif key == "meeting_day":
        # the body's name is the line above; under a first line "Minutes of the meeting held on …", the line below
        body = ""
        above = _line_before(doc, s.start)
        if above is not None:
            ev_start, body = above[0], _unlabelled(above[2])
        first_lines = sum(1 for line in doc.lines[:3] if line[0] < s.start) < 3
        if not _names_a_body(body) and m.group(0)[:1] in "Mm" and first_lines:
            below = next((line for line in doc.lines if line[0] > s.end), None)
            if below is not None:
                ev_start, body = s.start, _unlabelled(below[2])
    elif key == "dated_title":  # a decision page's "12/06/2015 - Title" under its decision maker
        if not decision_maker:
            return None
        body, item_title = decision_maker, m.group("title").strip()
    else:  # a day under a line of a body's name, or a labelled day above a labelled body's name
        named = _body_near(doc, s, labelled=m.group("label") is not None)
        if named is None:
            return None
        ev_start, body = named
    if not body or (key not in ("meeting", "meeting_of", "meeting_held", "dated_title") and not _names_a_body(body)):
        return None
    dates = doc.dates_in(s.start + m.start("date"), s.start + m.end("date"))
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


def _top_body(doc: Doc) -> str | None:
    """The body a page without a dated header is about: the first of its first lines that names one ("Children and
    Young People Scrutiny Sub-Committee" above "Work Programme 2024/25", "Children's Scrutiny Board – Safeguarding
    Review"), not a council."""
    r = segment_rules()["lines"]["body_top"]
    for _start, _end, line in doc.lines[:_TOP]:
        if len(line) > 160:
            break
        m = r.match(line)
        if m is not None:
            body = clean(m.group("body"))
        else:  # a title that names the body, then its subject: "Children's Scrutiny Board – Safeguarding Review"
            m = _named_body().match(line)
            if m is None or not _TOPIC_AFTER.match(line, m.end()):
                continue
            body = clean(_after_comma(m.group(0)))
            if body in ("Council", "Councils"):
                continue
        if _names_a_body(body) and not _is_council(body) and _body_name(body) is not None:
            return body
    return None


#: What follows a body's name at the start of a title that gives its subject: " – Safeguarding Review", ": Update".
_TOPIC_AFTER = re.compile(r"\s*[-–—:]\s+\S")


_TOP = 6


def _anaphoric_body(doc: Doc) -> str | None:
    """The body a page without a header speaks of by its head word alone ("the Board informed …", "the Board's next
    meeting"): the head word it so uses most, at least twice, as the full name the page gives it once ("the Scrutiny
    Board"); None when it gives none."""
    counts: dict[str, int] = {}
    for m in _bare_heads().finditer(doc.text, 0, doc.limit):
        head = m.group("head")
        if head.lower() != "council":
            counts[head] = counts.get(head, 0) + 1
    if not counts:
        return None
    head, n = max(counts.items(), key=lambda kv: kv[1])
    return _bare_head(doc, head, None, doc.limit) if n >= 2 else None


@cache
def _bare_heads() -> re.Pattern[str]:
    return re.compile(rf"\b[Tt]he\s+(?P<head>{rules().body_heads})(?![\w-])(?!\s+(?:of|for)\b)")


_PROGRAMME_HEAD = re.compile(r"(?i)^(?:meeting\s+date|date(?:\s+of\s+(?:the\s+)?meeting)?|meeting)\s*\|")


@cache
def _row_day() -> re.Pattern[str]:
    return re.compile(rf"{_WEEKDAY}{_DAY}\s*\|")


def _programme_rows(doc: Doc, own: str) -> list[MeetingRecord]:
    """The meetings of a work programme's table, one a row under a "Meeting date | Item | …" header ("16 July 2024 |
    Ofsted ILACS – action plan progress | …"): the page's own body's."""
    out: list[MeetingRecord] = []
    rows = False
    if "|" not in doc.text[: doc.limit]:
        return out
    for start, end, line in doc.lines_in(0, doc.limit):
        if _PROGRAMME_HEAD.match(line):
            rows = True
            continue
        if not rows:
            continue
        m = _row_day().match(doc.text, start, end)
        if m is None:
            rows = False
            continue
        out.extend(_dated(doc, m, own))
    return out


def _unlabelled(line: str) -> str:
    """A line that names a body, without its label ("Meeting of the Cabinet", "Committee: Cabinet" → "Cabinet")."""
    m = segment_rules()["lines"]["body_top"].match(line)
    return clean(m.group("body")) if m else clean(line)


def _is_council(name: str) -> bool:
    """Whether ``name`` names a council (the organisation, not its full meeting): "Anyshire County Council"."""
    return name.split()[-1].lower() == "council" and name not in rules().single_word_bodies


def _body_near(doc: Doc, s: Segment, *, labelled: bool) -> tuple[int, str] | None:
    """``(evidence start, name)`` of the body whose day the line ``s`` gives: the line above it (or above its
    labelled fields) that names a body, bare or labelled ("Cabinet", "Meeting: Corporate Parenting Board", "Meeting
    of the Cabinet"); for a labelled day, else a labelled body's name below it ("Decision maker: Cabinet"). Not a
    council."""
    above = [line for line in doc.lines if line[0] < s.start][-3:]
    k = body_line_above([line for _, _, line in above])
    if k is not None:
        start, body = above[k][0], _unlabelled(above[k][2])
    elif labelled:
        below = [line for line in doc.lines if line[0] > s.end][:3]
        k = body_line_below([line for _, _, line in below])
        if k is None:
            return None
        start, body = s.start, _unlabelled(below[k][2])
    else:
        return None
    return (start, body) if _names_a_body(body) and not _is_council(body) else None


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
    """A decision page's "Decision maker" (the last one given); on a decision page that gives none, the body its
    resolutions name as deciding ("3. That Cabinet would review progress …")."""
    decision_maker = None
    for s in doc.segments:
        if s.kind == "decision_maker":
            line = doc.text[s.start : s.end].split("\n")
            m = _DECISION_MAKER.match(line[0].strip())
            body = (m.group("body").strip() if m else "") or (line[1].strip() if len(line) > 1 else "")
            decision_maker = body or None
    if decision_maker is None and doc.genre is Genre.DECISION:
        for m in _resolving_body().finditer(doc.text, 0, doc.limit):
            body = _body_name(m.group("body"))
            if body is not None and not _is_council(body):
                return body
    return decision_maker


@cache
def _resolving_body() -> re.Pattern[str]:
    """A resolution that opens with the body that makes it: "1. That Cabinet notes …", "That the Executive agrees …"
    (not "That the Board be asked to …": that body is asked, not deciding)."""
    heads = rules().body_heads
    return re.compile(
        rf"^[ \t]*(?:\(?\w{{1,4}}[.)][ \t]*)?(?i:that)[ \t]+(?:the[ \t]+)?(?P<body>(?:[A-Z][\w’'&-]*[ \t]+(?:(?:and|&|of|for|the)[ \t]+)*){{0,6}}{heads})(?![\w-])(?![ \t]+(?:be|is|are|was|were|have|has)\b)",
        re.M,
    )


# ------------------------------------------------------------------------------------------ in the text

_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[A-Za-z]*"
#: More days of one month before it: "on 3 and 10 May 2023", "on 3, 10 and 17 May 2023" (a meeting on each).
_MORE_DAYS = r"(?:(?:\s*,\s*|\s+(?:and|&)\s+)\d{1,2}(?i:st|nd|rd|th)?)*"
#: A full day in words ("6 December 2021", "the 10th of January 2022").
_FULL_DAY = rf"(?i:the\s+)?\d{{1,2}}(?i:st|nd|rd|th)?\s+(?i:of\s+)?{_MONTH}\.?,?\s+(?:19|20)\d\d"
#: More full days after one: "held on 6 December 2021 and 10 January 2022" (a meeting on each, not a span).
_MORE_FULL_DAYS = rf"(?:(?:\s*,\s*|\s+(?:and|&)\s+){_FULL_DAY})*"
_DAY = (
    rf"(?P<date>(?i:the\s+)?\d{{1,2}}(?i:st|nd|rd|th)?{_MORE_DAYS}\s+(?i:of\s+)?{_MONTH}\.?,?\s+(?:19|20)\d\d{_MORE_FULL_DAYS}"
    rf"|{_MONTH}\s+\d{{1,2}}(?i:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|\d{1,2}(?P<dsep>[/.])\d{1,2}(?P=dsep)(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)"
)
_VENUE = r"(?:held\s+(?:(?:at|in|remotely|virtually|online|via)\b[^\n.;]{0,80}?\s+)?)?"
# the words between a body and "on <day>": not into a clause, nor past a participle that dates another event ("… received a
# report on the annual conversation held with Ofsted on 5 December 2023": the day is the conversation's)
# … nor "on <day>" right after another event's noun ("… noted the letter following the monitoring visit on 19 and 20
# March 2024": the days are the visit's)
_NOT_AN_EVENT = "".join(
    rf"(?<!\b{w})"
    for w in ("visit", "visits", "inspection", "inspections", "conversation", "review", "reviews", "letter")
)
_GAP = r"(?P<gap>(?:\s+(?!(?:that|which|who|when|where|because|but|and\s+(?:was|were|had|has)|held|carried|undertaken|conducted|completed|published|issued|took|taking|made|visited|inspected)\b)[^\s.;:]+){0,14}?)"


@cache
def _body_patterns() -> dict[str, re.Pattern[str]]:
    """The ways a text ties a named body to a day it met, each ending at or holding the date (group ``date``)."""
    r = rules()
    name = (
        rf"(?:[A-Z][\w’'&-]*(?:,(?=[ \t]+[A-Z]))?[ \t]+(?:(?:and|&|of|for|the|in|on|to)[ \t]+)*){{0,9}}{r.body_heads}"
    )
    body = rf"(?P<body>{name})(?![\w-])"
    # a name with a qualifier of one or two words after a dash ("Improvement and Scrutiny Committee – People")
    qualifier = r"[ \t]+[-–—][ \t]+[A-Z][\w’'&-]*(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w’'&-]*)?"
    qualified = rf"(?P<body>{name}(?:{qualifier})?)(?![\w-])"
    tails = _tails()
    takes_place = r"(?:took|takes|will\s+take|is\s+to\s+take|is\s+due\s+to\s+take)\s+place\s+"
    will_be = r"(?:(?:will|would|is\s+to|is\s+due\s+to|was\s+to)\s+be\s+|(?:was|were|is)\s+)?"
    adverb = r"(?:(?:last|also|then|first|subsequently|recently|previously|formally|duly|unanimously|both|jointly)\s+)?"
    return {
        # "You Matter to Us - Corporate Parenting Board - 18 April 2024", "Children's Partnership Board Update – 12
        # May 2021" (a previous meeting's minutes, a news title)
        "dash": re.compile(
            rf"^(?i:minutes\s*(?:of\s+the\s+)?[-–—:]\s*)?(?P<body>(?:[A-Z][^\n]{{1,90}}?[ \t]+)?{r.body_heads})(?:[ \t]+{r.title_tails})?\s*[-–—,:]\s*{_WEEKDAY}{_DAY}",
            re.M,
        ),
        # "the minutes of the meeting of the Corporate Parenting Board held on 18 April 2024", "the joint meeting of
        # the Health and Education Scrutiny Committees held on 2 April 2019", "the next meeting of the Panel will be
        # held on 4 September 2019", "a special meeting of the Schools Forum took place on 12 July 2023"
        # … and a name with a qualifier after a dash: "the meeting of the Scrutiny Committee – People held on …"
        "meeting_of": re.compile(
            rf"\bmeetings?\s+of\s+(?:the\s+)?{qualified}\s+(?:{will_be}{_VENUE}|{takes_place})(?:on|dated)\s+{_WEEKDAY}{_DAY}"
        ),
        # "the Corporate Parenting Board meeting held on 18 April 2024", "the Cabinet, at its meeting on …", "the
        # minutes of the Corporate Parenting Board held on …", "the Board's next meeting on 7 September 2022", "the
        # Committee, at their meeting of 6 July 2023"
        "held": re.compile(rf"\b{body}{tails['held']}"),
        # "presented to the Improvement Board by the Independent Chair … on 3rd October 2018"
        "to_on": re.compile(
            rf"\b(?:to|at|in|before|by)\s+(?:the\s+)?{body}{_GAP}{_NOT_AN_EVENT}\s+on\s+{_WEEKDAY}{_DAY}"
        ),
        # "The Education Scrutiny Panel reviewed the draft action plan on 4 March 2020", "The Schools Forum, which
        # met on 6 July 2023, …", "The Improvement Board last met on 12 July 2023"
        "subject": re.compile(rf"{body}{tails['subject']}"),
        # the date right after the name: "Full Council on 12 July 2023 adopted …", "the Children's Scrutiny
        # Committee of 12 July 2023", "reported to the Improvement Board (12 July 2023)", "approved by Cabinet, 3 May
        # 2023"
        "next_to": re.compile(rf"\b{body}{tails['next_to']}"),
        # the date first: "At its meeting on 12 July 2023, the Cabinet agreed …", "On 12 July 2023 the Corporate
        # Parenting Panel considered …", "the 12 July 2023 meeting of the Cabinet", "the 12 July 2023 Cabinet meeting"
        "date_first": re.compile(
            rf"\b(?i:on|at\s+(?:its|their)\s+meeting\s+(?:held\s+)?(?:on|of))\s+{_WEEKDAY}{_DAY},?\s+(?:the\s+)?{body}(?:,|\s+{adverb}{r.meeting_verbs})"
        ),
        "date_meeting": re.compile(
            rf"\b(?i:the)\s+{_WEEKDAY}{_DAY}\s+(?:(?i:meeting\s+of)\s+(?:the\s+)?{body}|(?-i:[A-Z])[\w’'&\s-]{{0,80}}?{r.body_heads}\s+meeting\b)"
        ),
    }


@cache
def _tails() -> dict[str, str]:
    """What follows the body's name in the kinds of :func:`_body_patterns` that open with it."""
    r = rules()
    acronym = r"(?:[ \t]*\([A-Z][A-Za-z&]{1,9}\))?"  # "the Corporate Parenting Board (CPB)"
    held = r"held\s+(?:(?:at|in|remotely|virtually|online|via)\b[^\n.;]{0,80}?\s+)?"
    will_be = r"(?:(?:will|would|is\s+to|is\s+due\s+to|was\s+to)\s+be\s+|(?:was|were|is)\s+)?"
    adverb = r"(?:(?:last|also|then|first|subsequently|recently|previously|formally|duly|unanimously|both|jointly)\s+)?"
    return {
        "held": rf"{acronym}(?:['’]s\s+(?:(?:next|last|previous|first|recent)\s+)?meeting\s+{will_be}{_VENUE}|\s+meeting\s+{_VENUE}|,?\s+at\s+(?:its|their)\s+(?:(?:next|last|previous|recent)\s+)?(?:meeting|session)\s+{_VENUE}|\s+{held})(?:on|(?<=meeting\s)of)\s+{_WEEKDAY}{_DAY}",
        # an apposition may stand between the name and its verb: "The Improvement Board, chaired by …, met on …"
        "subject": rf"{acronym}(?:,[ \t]+(?!which|that|who)[^,.;:\n]{{1,80}}?,)?,?\s+(?:(?:which|that|who)\s+)?{adverb}{r.meeting_verbs}{_GAP}{_NOT_AN_EVENT}\s+on\s+{_WEEKDAY}{_DAY}",
        "next_to": rf"(?:\s*\(\s*|,[ \t]*|\s+(?:on|of)\s+){_WEEKDAY}{_DAY}",
    }


@cache
def _quick_tests() -> dict[str, re.Pattern[str]]:
    """For the kinds of :func:`_body_patterns` that open with the body's name: its head word and what follows it,
    a quick test of a window before the full pattern (whose name may start at any capital)."""
    return {kind: re.compile(rf"{rules().body_heads}(?![\w-]){tail}") for kind, tail in _tails().items()}


@cache
def _own_patterns() -> tuple[re.Pattern[str], ...]:
    """An earlier or later meeting the text leaves unnamed: the page's own body's ("the minutes of the meeting held
    on 2 April 2019", "Last meeting's minutes (20 September 2023)", "the 29 September 2021 meeting", "Date of next
    meeting: 4 September 2019", "The next meeting is scheduled for 4 March 2024")."""
    return (
        re.compile(
            rf"(?i:\b(?:minutes|record|notes)\s+of\s+the\s+(?:previous\s+|last\s+)?meeting,?\s+{_VENUE}(?:on\s+|of\s+|dated\s+|\(\s*)?){_WEEKDAY}{_DAY}"
        ),
        re.compile(
            rf"(?i:\b(?:last|previous)\s+meeting['’]s\s+(?:minutes|notes)\s*(?:of\s+|from\s+|[-–—:(]\s*)?){_WEEKDAY}{_DAY}"
        ),
        re.compile(rf"(?i:\bthe\s+){_DAY}\s+meeting\b(?!\s+of\b)"),
        re.compile(
            rf"(?i:\b(?:date\s+of\s+(?:the\s+)?next\s+meeting|next\s+meeting)\s*[:\-–—]?\s*(?:(?:is|will\s+be|has\s+been)\s+)?"
            rf"(?:(?:held|scheduled|arranged|planned|due|set)\s+(?:on|for)\s+|(?:will\s+)?takes?\s+place\s+on\s+|on\s+)?){_WEEKDAY}{_DAY}"
        ),
    )


@cache
def _its_meeting() -> re.Pattern[str]:
    """A meeting the text dates without naming its body: that of the body the sentence names before it ("The
    Children and Young People Scrutiny Panel will consider progress at its meeting on 30 January 2024", "… is due to
    discuss the report when it next meets, on 26 September 2023"), else the page's own ("That the Commission receive
    the plan at the meeting on 16 April 2024", "That the next meeting be held on 15 March 2017")."""
    adjective = r"(?:(?:next|following|forthcoming|special|extraordinary|reconvened|first|last|previous)\s+)?"
    return re.compile(
        rf"(?i:\b(?:(?:at|to|for|before|until|by|in)\s+(?:the|its|their|this)\s+{adjective}(?:[a-z]+\s+)?meeting\s+"
        rf"(?:(?:to\s+be\s+|being\s+)?held\s+)?(?:(?:at|in|remotely|virtually|online|via)\b[^\n.;]{{0,80}}?\s+)?on"
        rf"|(?:the|its|their|our)\s+next\s+meeting\s+(?:(?:will|shall|is\s+to|is\s+due\s+to|be)\s+)?(?:be\s+|take\s+place\s+)?(?:held\s+)?(?:(?:at|in|remotely|virtually|online|via)\b[^\n.;]{{0,80}}?\s+)?on"
        rf"|when\s+it\s+(?:next\s+)?meets,?\s+on|(?:will|is\s+due\s+to|is\s+to)\s+(?:next\s+)?meet\s+(?:again\s+)?on)\s+){_WEEKDAY}{_DAY}"
    )


@cache
def _named_body() -> re.Pattern[str]:
    """A body's name in running text: capitalised words ending in a head word, or a council's body in lower case
    ("the council's executive")."""
    heads = rules().body_heads
    return re.compile(
        rf"(?:[A-Z][\w’'&-]*(?:,(?=[ \t]+[A-Z]))?[ \t]+(?:(?:and|&|of|for|the|in|on|to)[ \t]+)*){{0,9}}{heads}(?![\w-])"
        rf"|(?<=[Cc]ouncil['’]s )(?i:{heads})(?![\w-])"
    )


def _body_in_sentence(doc: Doc, pos: int, own: str | None) -> str | None:
    """The body a sentence's "its meeting" at ``pos`` is of: the last body it names before ``pos`` (a head word alone,
    "the Board", as the page's own or the nearest full name with that head), else the page's own body."""
    start, _ = doc.sentence_around(pos, pos)
    named = list(_named_body().finditer(doc.text, start, pos))
    for m in reversed(named):
        raw = _after_comma(m.group(0))
        if raw[:1].islower():
            return raw  # "the council's executive"
        body = _body_name(raw)
        if body is not None and not _is_council(body) and body != "Council":
            return body
        if len([w for w in raw.split() if w.lower() not in rules().not_body_words]) == 1:
            return _bare_head(doc, raw, own, m.start())  # "the Panel": the page's own, the nearest full name, or none
    return own


def _own_head(own: str) -> str:
    """The head word of the page's own body, lower case: its last word, or the last head word before a qualifier
    ("Improvement and Scrutiny Committee - People" → "committee")."""
    heads = list(rules().head.finditer(own))
    return heads[-1].group(0).lower() if heads else own.split()[-1].lower()


def _bare_head(doc: Doc, raw: str, own: str | None, pos: int) -> str | None:
    """The body a head word alone stands for ("the Board"): the page's own with that head, else the nearest full name
    with that head before ``pos`` (after it when there is none before)."""
    words = clean(raw).split()
    if not words:
        return None
    head = words[-1].lower()
    if head in ("council", "councils"):
        return None
    if own is not None and _own_head(own) == head:
        return own
    best = None
    for m in _named_body().finditer(doc.text, 0, min(len(doc.text), WIDE_SCAN_LIMIT)):
        name = _body_name(_after_comma(m.group(0)))
        if name is None or len(name.split()) < 2 or name.split()[-1].lower() != head:
            continue
        if m.start() < pos or best is None:
            best = name
        if m.start() >= pos:
            break
    return best


#: Where a date a meeting pattern ends at can be: the patterns are run only on the text around these.
_ANY_DAY = re.compile(_DAY)
_FOUR_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WINDOW = 400


def _windows(text: str, limit: int) -> list[tuple[int, int]]:
    """The stretches of ``text[:limit]`` a meeting pattern can match in: from a line start well before each stated
    day (no pattern reaches further back) to the end of the line after it, joined where they overlap."""
    out: list[tuple[int, int]] = []
    for y in _FOUR_DIGITS.finditer(text, 0, limit):
        # a day holds a year: "12 July 2023", "12/07/2023", "2023-07-12"
        m = next(
            (d for d in _ANY_DAY.finditer(text, max(0, y.start() - 40), min(limit, y.end() + 6)) if d.end() >= y.end()),
            None,
        )
        if m is None:
            continue
        start = text.rfind("\n", 0, max(0, m.start() - _WINDOW)) + 1
        nl = text.find("\n", m.end(), limit)
        end = limit if nl < 0 else nl
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


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
    if _is_council(name) and gazetteer().resolve(name) is not None:
        return None  # "Surrey County Council" as a council, not a meeting body
    return name


#: Words one of which a kind of :func:`_body_patterns` needs (a quick test before the pattern).
_NEEDS = {"meeting_of": ("meeting",), "held": ("meeting", "held", "session"), "date_meeting": ("meeting",)}
#: Kinds of :func:`_body_patterns` that say no more than that a name stands by a date: a council there is the
#: council, not its meeting ("leaving the Council on 4 May 2018", "Anyshire County Council received the letter on …").
_NOT_COUNCIL = frozenset({"subject", "next_to", "date_first"})


def _name_at_end(title: str) -> str | None:
    """The body's name that ends a title: the title when it is one, else what follows its last word that is not
    capitalised nor a connector ("Update from the Children's Improvement Board" → "the Children's Improvement
    Board"); None when that names no body."""
    if _names_a_body(title):
        return title
    words = title.split()
    k = max(
        (i for i, w in enumerate(words) if w.strip(",;:()'’\"")[:1].islower() and w.lower() not in _CONNECTORS),
        default=-1,
    )
    tail = " ".join(words[k + 1 :])
    return tail if tail and _names_a_body(tail) else None


def _after_comma(raw: str) -> str:
    """A name with commas as written when they list its subjects ("Children, Schools and Families Committee"),
    else what follows the last comma ("On Tuesday, Cabinet" → "Cabinet")."""
    _, comma, tail = raw.rpartition(",")
    return raw if not comma or re.search(r"\s(?:and|&)\s", tail) else tail.strip()


def _joint(raw: str) -> list[str]:
    """The bodies of a joint meeting, each ending in a head word ("the Health Scrutiny Committee and the Children's
    Scrutiny Committee"), or the one name."""
    m = _joint_pattern().fullmatch(clean(raw))
    return [m.group("a"), m.group("b")] if m else [raw]


@cache
def _joint_pattern() -> re.Pattern[str]:
    heads = rules().body_heads
    return re.compile(rf"(?P<a>.+?\b{heads})\s+(?:and|&)\s+(?:the\s+)?(?P<b>[A-Z].*?\b{heads})")


def _meetings_in_text(doc: Doc, own: str | None) -> list[MeetingRecord]:
    """The dated meetings the text names; a body named by its head word alone ("the meeting of the Board held on
    …") and an unnamed earlier meeting are the page's own body's (``own``), when its header names it."""
    text = doc.text
    limit = min(len(text), WIDE_SCAN_LIMIT)
    windows = _windows(text, limit)
    if not windows:
        return []
    out = []
    lowered = [text[ws:we].lower() for ws, we in windows]
    # every body pattern names a body: a window without a head word is passed over
    head = rules().head
    named = [head.search(text, ws, we) is not None for ws, we in windows]
    quick = _quick_tests()
    for kind, pattern in _body_patterns().items():
        words = _NEEDS.get(kind, ())
        test = quick.get(kind)
        for (ws, we), low, has_head in zip(windows, lowered, named, strict=True):
            if not has_head or (words and not any(w in low for w in words)):
                continue  # the pattern needs a head word and one of these words
            if test is not None and test.search(text, ws, we) is None:
                continue  # no head word with what must follow it
            for m in pattern.finditer(text, ws, we):
                raw = m.group("body")
                if kind == "dash":  # "Update from the Children's Improvement Board – 17 October 2018"
                    raw = _name_at_end(raw)
                    if raw is None or _is_council(raw):
                        continue
                for part in _joint(_after_comma(raw)):
                    body = _body_name(part)
                    if (
                        kind in _NOT_COUNCIL
                        and body is not None
                        and body.split()[-1] == "Council"
                        and body != "Full Council"
                    ):
                        continue  # "The Council received the letter on …": the council acts, no meeting is said
                    if body is None:
                        body = _bare_head(doc, part, own, m.start())
                        if body is None:
                            continue
                    out.extend(_dated(doc, m, body))
    # the rest all speak of a meeting ("at its meeting on", "when it next meets", "the minutes of the meeting held on")
    meets = [(ws, we) for (ws, we), low in zip(windows, lowered, strict=True) if "meet" in low]
    for ws, we in meets:
        for m in _its_meeting().finditer(text, ws, we):
            body = _body_in_sentence(doc, m.start(), own)
            if body is not None:
                out.extend(_dated(doc, m, body))
    if own is not None:
        for pattern in _own_patterns():
            for ws, we in meets:
                for m in pattern.finditer(text, ws, we):
                    out.extend(_dated(doc, m, own))
    out.extend(_yearless_meetings(doc, own))
    return out


#: A meeting dated to a day without its year: "at its meeting on November 1", "the Full Council meeting on 1 November"
#: (not "on 1 November 2023": a full day is read by the patterns above).
_YEARLESS = re.compile(
    rf"(?i:\bmeeting\s+(?:(?:to\s+be\s+|being\s+)?held\s+)?on\s+){_WEEKDAY}"
    rf"(?P<date>\d{{1,2}}(?i:st|nd|rd|th)?\s+(?i:of\s+)?{_MONTH}|{_MONTH}\s+\d{{1,2}}(?i:st|nd|rd|th)?)\b"
    r"(?![ \t]*,?[ \t]*(?:\d|(?i:st|nd|rd|th)\b))"
)


def _yearless_meetings(doc: Doc, own: str | None) -> list[MeetingRecord]:
    """Meetings the text dates to a day without a year ("The council's cabinet will discuss the report at its meeting
    on November 1"): the body the sentence names (else the page's own), in the year that puts the day nearest the
    page's own date (a dateline, "Date of decision"); none on a page that gives no date of its own."""
    found = list(_YEARLESS.finditer(doc.text, 0, min(len(doc.text), WIDE_SCAN_LIMIT)))
    if not found:
        return []
    anchor = doc.source.published or _segment_date(doc) or _dateline(doc)
    if anchor is None or anchor.precision != "day":
        return []
    out = []
    for m in found:
        body = _body_in_sentence(doc, m.start(), own)
        if body is None:
            continue
        start, end = m.start("date"), m.end("date")
        days = [d.date for k in (False, True) for d in doc.dates_in(start, end, anchor, future=k)[:1]]
        days = [d for d in days if d.precision == "day"]
        if days:
            day = min(days, key=lambda d: abs((d.bounds()[0] - anchor.bounds()[0]).days))
            out.append(MeetingRecord(body, day, doc.evidence(*doc.sentence_around(m.start(), m.end()))))
    return out


def _dated(doc: Doc, m: re.Match[str], body: str) -> list[MeetingRecord]:
    """The meeting of ``body`` on the day of ``m``'s date group, if it gives one; one on each day of a list of days
    ("on 3 and 10 May 2023": two meetings, not a span)."""
    ev = doc.evidence(*doc.sentence_around(m.start(), m.end()))
    full = list(_FULL_DAY_RE.finditer(doc.text, m.start("date"), m.end("date")))
    if len(full) > 1:  # "held on 6 December 2021 and 10 January 2022": a meeting on each day
        out = []
        for f in full:
            one = doc.dates_in(f.start(), f.end())
            if one and one[0].date.precision == "day":
                out.append(MeetingRecord(body, one[0].date, ev))
        return out
    dates = doc.dates_in(m.start("date"), m.end("date"))
    if not dates or dates[0].date.precision != "day":
        return []
    last = dates[-1].until or dates[-1].date
    days = _LISTED_DAY.findall(doc.text, m.start("date"), m.end("date"))
    if len(days) < 2 or last.precision != "day":
        return [MeetingRecord(body, dates[0].date, ev)]
    return [MeetingRecord(body, PartialDate(last.year, last.month, int(d)), ev) for d in days]


_FULL_DAY_RE = re.compile(_FULL_DAY)
#: A day of a list of days ("3", "10th") before its month.
_LISTED_DAY = re.compile(r"(?<![\d/.-])(\d{1,2})(?:st|nd|rd|th)?(?=\s*,|\s+(?:and|&)\s|\s+(?:of\s+)?[A-Za-z])")


# ------------------------------------------------------------------------------------------ document date

#: A short line near the top that gives the page's day: bare ("04 March 2019", "| 04 March 2019" from a flattened
#: table), labelled ("Date: …", "Date Released - 25/03/2025", "Published 9th Oct 2018") or said of the page ("This
#: story was published 6 August 2018").
_DATELINE_LINE = re.compile(
    r"^[|\s]*(?:(?:(?:this\s+(?:story|article|page|news\s+item|news\s+story|(?:news|press)\s+release)\s+was\s+)?(?:first\s+)?(?:published|posted|updated|issued|released)"
    r"|date(?:\s+of\s+(?:the\s+)?meeting|\s+(?:published|posted|released|issued))?|last\s+updated)\s*(?:on)?\s*[:\-–—]?\s*)?(?:[A-Z][\w ,&'’-]{0,60}?,\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d)\b",
    re.I,
)


def document_date(doc: Doc | Segmented, meetings: list[MeetingRecord]) -> PartialDate | None:
    """The document's own date: its meeting (from the page header), the manifest's date, a decision page's date,
    or a dateline near the top. None when the text gives none (a year in the URL is not used: the URL is not the
    text)."""
    doc = Doc.of(doc)
    own = [m for m in meetings if is_header_meeting(m, doc)]
    if own:
        return max(own, key=lambda m: sort_key(m.date)).date
    if doc.source.published is not None:
        return doc.source.published
    return _segment_date(doc) or _dateline(doc) or _today(doc)


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


#: "today" with the day in brackets or after a comma: "The judgement published today (Friday, 19 February 2016)".
_TODAY = re.compile(rf"(?i:\btoday)\s*(?:\(\s*|,\s*){_WEEKDAY}{_DAY}")


def _today(doc: Doc) -> PartialDate | None:
    """The day a page near its top calls "today" ("… published today (Friday, 19 February 2016)")."""
    m = _TODAY.search(doc.text, 0, min(len(doc.text), _TODAY_LIMIT))
    if m is None:
        return None
    found = doc.dates_in(m.start("date"), m.end("date"))
    return found[0].date if found and found[0].date.precision == "day" else None


_TODAY_LIMIT = 2000


def fallback_anchor(doc: Doc | Segmented) -> PartialDate | None:
    """When a document has no date of its own, the latest full date it states fixes the year of a day or month
    it gives without one (a July visit whose letter "was published on 23 August 2021"). Only the text around a
    year can state a full date, so only that is read."""
    doc = Doc.of(doc)
    text = doc.text
    limit = min(len(text), WIDE_SCAN_LIMIT)
    best = None
    for ws, we in _year_windows(text, limit):
        for d in find_dates(text, None, ws, we):
            if d.date.precision == "day" and (best is None or sort_key(d.date) > sort_key(best)):
                best = d.date
    return best


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b\d{1,2}[/.]\d{1,2}[/.]\d\d(?!\d)")
_SPACE = re.compile(r"\s")


def _year_windows(text: str, limit: int) -> list[tuple[int, int]]:
    """The stretches of ``text[:limit]`` around each year (from a few words before it, at a space, to the end of
    its word), joined where they overlap: where every full date the text states lies."""
    out: list[tuple[int, int]] = []
    for m in _YEAR.finditer(text, 0, limit):
        start = text.rfind(" ", 0, max(0, m.start() - 50)) + 1
        space = _SPACE.search(text, m.end(), min(limit, m.end() + 20))  # "2023-05-04"
        end = space.start() if space else min(limit, m.end() + 20)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out
