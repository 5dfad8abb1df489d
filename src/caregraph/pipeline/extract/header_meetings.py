"""The page's own meeting, read from its header lines, and the page's own body.

:func:`header_meetings` reads the page's "meeting" segments in whatever layout its first lines use: ModernGov
"Meeting: …" and "Decided at meeting: …", "Body - Weekday, date time", "Agenda for Body on …", "Minutes of the Body
meeting held on …", the body's name on one line and its day, bare or labelled ("Date: …", "Date of meeting: …"), on a
line near it, a labelled day above "Decision maker: Cabinet", a decision page's dated title under its decision maker;
each with the agenda item that follows it. A decision page with no such line whose decision maker is a body met on its
"Date of decision". :func:`is_header_meeting` tells such a meeting from one the text names; :func:`own_body` is the
page's own body: its header meeting's, else the body its first lines name (also as a title's opening: "Children's
Scrutiny Board – Safeguarding Review"), else the one it speaks of by its head word alone. The line patterns are those
of ``rules/segment.toml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from caregraph.pipeline.extract.doc import Doc, clean, evidence
from caregraph.pipeline.extract.meeting_bodies import (
    after_comma,
    bare_head,
    body_name,
    is_council,
    joint_names,
    named_body,
    names_a_body,
)
from caregraph.pipeline.extract.meeting_rules import body_words, rules
from caregraph.pipeline.segment import body_line_above, body_line_below
from caregraph.pipeline.segment import rules as segment_rules
from caregraph.records import Genre, MeetingRecord, PartialDate, Segment


def is_header_meeting(meeting: MeetingRecord, doc: Doc) -> bool:
    """Whether ``meeting`` is the page's own: an agenda item's, or read from one of the page's header lines (a
    "meeting" segment: ModernGov "Meeting: …", a body's name with its day, a day under a body's name in the page's
    first lines) or a decision page's "Date of decision"."""
    if meeting.item_number:
        return True
    start, end = meeting.evidence.start, meeting.evidence.end
    return any(s.kind in _HEADER_SEGMENTS and s.start < end and start < s.end for s in doc.segments)


_HEADER_SEGMENTS = frozenset({"meeting", "decision_date"})


_CALL_IN = re.compile(r"called[\s-]*in\s+by\s+(?:the\s+)?(?P<body>[A-Z][^\]\)\n]*?)\s*[\])]?\.?\s*$", re.I)
_DECISION_MAKER = re.compile(
    r"^" + r"(?:decision[\s-]*(?:maker|taker)|decision\s+(?:taken|made)\s+by)" + r"\s*:?\s*(?P<body>.*)$", re.I
)


def header_meetings(doc: Doc) -> list[MeetingRecord]:
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
        ev = evidence(text, ev_start, s.end)
        # a joint meeting's header ("Minutes of the Joint Meeting of the Children's Scrutiny Committee and the Adults'
        # Scrutiny Committee held on …"): a meeting of each body
        out.extend(
            MeetingRecord(part, date, ev, item_number, item_title, report_title, report_size, call_in)
            for part in joint_names(body)
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
    "meeting_top_day_first",
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
        body = body_name(_TRAILING_AUX.sub("", re.sub(r"(?i)\s+meeting$", "", clean(m.group("body"))))) or ""
    elif key in ("meeting_header", "meeting_top", "meeting_top_day_first"):
        body = clean(m.group("body"))
        if key != "meeting_header" and is_council(body):
            return None
        if m.start("body") == 0:  # "SCRUTINY COMMITTEE – 5 MARCH 2024" under "CHILDREN, EDUCATION AND SKILLS"
            ev_start, body = _wrapped_name(doc, s.start, body, unlabel=False)
    elif key == "meeting_day":
        # the body's name is the line above; under a first line "Minutes of the meeting held on …", the line below
        body = ""
        above = _line_before(doc, s.start)
        if above is not None:
            ev_start, body = _wrapped_name(doc, above[0], above[2])
        first_lines = sum(1 for line in doc.lines[:3] if line[0] < s.start) < 3
        if not names_a_body(body) and m.group(0)[:1] in "Mm" and first_lines:
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
    body = _RECORD_OF.sub("", body)  # "Notes of the Corporate Parenting Board" → "Corporate Parenting Board"
    if not body or (key not in ("meeting", "meeting_of", "meeting_held", "dated_title") and not names_a_body(body)):
        return None
    dates = doc.dates_in(s.start + m.start("date"), s.start + m.end("date"))
    if not dates or dates[0].date.precision != "day":
        return None
    return body, item_number, item_title, dates[0].date, ev_start


#: What a header line says the page is before the body's name: "Notes of the", "Report to the", "Record of decisions
#: of the", "Decisions of the", "Agenda for the meeting of the" (no part of the name).
_RECORD_OF = re.compile(
    r"^(?i:(?:draft\s+|confirmed\s+|unconfirmed\s+)?(?:minutes|notes|action\s+notes|record|records|report|agenda|summary|decisions?)"
    r"(?:\s+of\s+(?:the\s+)?(?:decisions?|proceedings))?\s+(?:of|to|for|from|at)\s+(?:the\s+|a\s+)?"
    r"(?:(?:meeting|session)\s+of\s+(?:the\s+)?)?)(?=[A-Z])"
)


#: The verb before "held" in a notice of a meeting ("A meeting of the Borough Council will be held at … on …"): no
#: part of the body's name.
_TRAILING_AUX = re.compile(
    r"(?i)\s+(?:(?:will|shall|is\s+to|are\s+to|is\s+due\s+to|was\s+to)\s+be|to\s+be|being|was|were|is)$"
)


def own_body(doc: Doc, header: list[MeetingRecord]) -> str | None:
    """The page's own body: that of its own meeting among ``header`` (the meetings of its header lines), else the body
    its first lines name, else the one it speaks of by its head word alone; None when it names none."""
    return next((m.body for m in header if is_header_meeting(m, doc)), None) or _top_body(doc) or _anaphoric_body(doc)


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
            m = named_body().match(line)
            if m is None or not _TOPIC_AFTER.match(line, m.end()):
                continue
            body = clean(after_comma(m.group(0)))
            if body in ("Council", "Councils"):
                continue
        if names_a_body(body) and not is_council(body) and body_name(body) is not None:
            return body
    return None


#: What follows a body's name at the start of a title that gives its subject or the kind of record: " – Safeguarding
#: Review", ": Update", " Minutes of the Meeting Held on …", " Agenda".
_TOPIC_AFTER = re.compile(r"\s*[-–—:]\s+\S|\s+(?i:minutes|agenda|notes|record)\b")


_TOP = 6


def _anaphoric_body(doc: Doc) -> str | None:
    """The body a page without a header speaks of by its head word alone ("the Board informed …", "the Board's next
    meeting") or as the subject of what a meeting does ("The Scrutiny Board considered …", "the Board noted …"): the
    head word it so uses most, at least twice, as the full name the page gives it once ("the Scrutiny Board"); None
    when it gives none."""
    counts: dict[str, int] = {}
    for m in _bare_heads().finditer(doc.text, 0, doc.limit):
        head = m.group("head")
        if head.lower() != "council":
            counts[head] = counts.get(head, 0) + 1
    for m in _acting_matches(doc.text, doc.limit):
        name = body_name(m.group("body"))
        head = m.group("head")
        if name is not None and head.lower() != "council" and len(name.split()) > 1:
            counts[head] = counts.get(head, 0) + 1
    if not counts:
        return None
    head, n = max(counts.items(), key=lambda kv: kv[1])
    return bare_head(doc, head, None, doc.limit) if n >= 2 else None


@cache
def _bare_heads() -> re.Pattern[str]:
    # "[Tt]" first, then a look-behind for the start of a word: the same matches as "\b[Tt]he", which a search
    # skips along the text to a "T" or "t" for (speed only)
    return re.compile(rf"[Tt](?<!\w.)he\s+(?P<head>{rules().body_heads})(?![\w-])(?!\s+(?:of|for)\b)")


#: Where a match of :func:`_acting_bodies` can have its "The": a "[Tt]he" and a capital (speed only).
_THE_CAPITAL = re.compile(r"[Tt]he[ \t]+[A-Z]")


def _acting_matches(text: str, limit: int) -> Iterator[re.Match[str]]:
    """The matches of :func:`_acting_bodies` in ``text[:limit]``, as its ``finditer`` gives them, the pattern tried
    only where it can start (speed only: a search would try its sentence-start test at every position). A match
    starts in the run of spaces and tabs before its "The" (at most two characters into it: its start follows a
    line's start or "." or ":" and one or two spaces); matches cannot overlap (no "The" that may start one lies in
    another), so trying the few starts before each "The" in turn finds the same matches."""
    pattern = _acting_bodies()
    last = 0
    for t in _THE_CAPITAL.finditer(text, 0, limit):
        the = t.start()
        if the < last:
            continue
        k = the
        while k > last and text[k - 1] in " \t":
            k -= 1
        for at in range(k, min(k + 2, the) + 1):
            m = pattern.match(text, at, limit)
            if m is not None:
                last = m.end()
                yield m
                break


@cache
def _acting_bodies() -> re.Pattern[str]:
    """A full name as the subject of what a meeting does, at a sentence's start: "The Scrutiny Board considered …"."""
    r = rules()
    return re.compile(
        rf"(?:^|(?<=[.:]\s)|(?<=[.:]\s\s))[ \t]*(?P<body>[Tt]he[ \t]+(?:[A-Z][\w’'&-]*[ \t]+(?:(?:and|&|of|for|the|in|on|to)[ \t]+)*){{1,8}}"
        rf"(?P<head>{r.body_heads}))(?![\w-])[ \t]+{r.meeting_verbs}",
        re.M,
    )


def _unlabelled(line: str) -> str:
    """A line that names a body, without its label ("Meeting of the Cabinet", "Committee: Cabinet" → "Cabinet")."""
    m = segment_rules()["lines"]["body_top"].match(line)
    return clean(m.group("body")) if m else clean(line)


def _body_near(doc: Doc, s: Segment, *, labelled: bool) -> tuple[int, str] | None:
    """``(evidence start, name)`` of the body whose day the line ``s`` gives: the line above it (or above its
    labelled fields) that names a body, bare or labelled ("Cabinet", "Meeting: Corporate Parenting Board", "Meeting
    of the Cabinet"); for a labelled day, else a labelled body's name below it ("Decision maker: Cabinet"). Not a
    council."""
    above = [line for line in doc.lines if line[0] < s.start][-3:]
    k = body_line_above([line for _, _, line in above])
    if k is not None:
        start, body = _wrapped_name(doc, above[k][0], above[k][2])
    elif labelled:
        below = [line for line in doc.lines if line[0] > s.end][:3]
        k = body_line_below([line for _, _, line in below])
        if k is None:
            return None
        start, body = s.start, _unlabelled(below[k][2])
    else:
        return None
    return (start, body) if names_a_body(body) and not is_council(body) else None


#: The words that leave a line of a header unfinished, its name going on on the next line ("REPORT TO CHILDREN AND" /
#: "YOUNG PEOPLE'S" / "PARTNERSHIP").
_OPEN_ENDS = frozenset({"and", "&", "of", "for", "the", "in", "on", "to", "with", ",", "-", "–", "—"})
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")


def _wrapped_name(doc: Doc, start: int, line: str, *, unlabel: bool = True) -> tuple[int, str]:
    """``(start, name)`` of a body's name whose last line is ``line`` (at ``start``), with the lines above it that it
    was wrapped from: a line that ends unfinished ("… CHILDREN AND"), or, above a name of two words or one ("SCRUTINY
    COMMITTEE", "PARTNERSHIP"), a line right above it in the same case of words that name a body's subject and no
    head word ("CHILDREN, EDUCATION AND SKILLS"; :func:`.meeting_rules.body_words`); a label before the whole
    ("REPORT TO") is dropped."""
    name = line.strip()
    i = bisect.bisect_left(doc.lines, (start,))
    joined = False
    for _ in range(3):
        if i == 0:
            break
        above_start, above_end, above = doc.lines[i - 1]
        if not _continues(doc.text, above, above_end, start, name):
            break
        name, start, i, joined = f"{above.strip()} {name}", above_start, i - 1, True
    if not joined:
        return start, _unlabelled(line) if unlabel else clean(line)
    return start, _unlabelled(name)


def _continues(text: str, above: str, above_end: int, start: int, name: str) -> bool:
    """Whether the line ``above`` (ending at ``above_end``) is the first part of the name ``name`` that starts at
    ``start``."""
    gap = text.count("\n", above_end, start)
    words = above.split()
    if not words or len(above) > 80 or gap > 2 or any(c.isdigit() for c in above) or ":" in above:
        return False
    if not all(w[:1].isupper() or w.lower() in _OPEN_ENDS or not w[:1].isalpha() for w in words):
        return False  # a sentence, not a name's line
    if words[-1].lower() in _OPEN_ENDS or above.endswith((",", "-", "–", "—")):
        return True  # "REPORT TO CHILDREN AND" above "YOUNG PEOPLE'S": unfinished
    own = [w for w in _NAME_WORD.findall(name) if w.lower() not in _OPEN_ENDS]
    if gap > 1 or len(own) > 2 or rules().head.search(above) is not None or above.isupper() != name.isupper():
        return False
    subject = body_words()
    return all(w.lower().replace("’", "'") in subject or w.lower() in _OPEN_ENDS for w in _NAME_WORD.findall(above))


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
            body = body_name(m.group("body"))
            if body is not None and not is_council(body):
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
