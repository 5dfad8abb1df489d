"""Meetings: the page's own meeting and the other dated meetings of named bodies.

:func:`find_meetings` matches, then merges. Matching (:func:`match_meetings`) reads the page's header lines for its
own meeting (:mod:`.header_meetings`: ModernGov "Meeting: …", a body's name with its day, a decision page's date of
decision; else a report's cover fields, "COMMITTEE: AUDIT DATE: 29 JULY 2020"), settles the page's own body, then reads the text for the meetings it names with a day
(:mod:`.meetings_in_text`; an unnamed one is the page's own body's) and, under a work programme's "Meeting date |
Item | …" header, the rows of its table. Merging (:func:`merge_meetings`) makes one meeting of a body's mentions on
one date, keeping the fuller name unless the shorter is the page's own meeting. The names of bodies are read by
:mod:`.meeting_bodies`, the rules compiled by :mod:`.meeting_rules` (``rules/meetings.toml``); the document's own
date, which its meeting gives first, is :mod:`.page_date`'s.
"""

from __future__ import annotations

import re
from functools import cache

from caregraph.pipeline.extract.doc import Doc, slugish
from caregraph.pipeline.extract.header_meetings import header_meetings, is_header_meeting, own_body
from caregraph.pipeline.extract.meeting_bodies import CONNECTORS, body_name, is_council, names_a_body
from caregraph.pipeline.extract.meeting_rules import DAY, WEEKDAY, rules
from caregraph.pipeline.extract.meetings_in_text import meetings_in_text, programme_rows
from caregraph.pipeline.extract.page_date import dateline
from caregraph.records import Evidence, Genre, MeetingRecord, PartialDate, Segmented


def find_meetings(doc: Doc | Segmented) -> list[MeetingRecord]:
    """The page's own meeting and other dated meetings of named bodies (day-precision dates only)."""
    doc = Doc.of(doc)
    return merge_meetings(match_meetings(doc), doc)


def match_meetings(doc: Doc) -> list[MeetingRecord]:
    """The meetings of the page's header lines, then those the text names with a date (an unnamed one is the page's
    own body's, when the header names it)."""
    found = header_meetings(doc)
    if not found:
        found.extend(_cover_meeting(doc) or _titled_meeting(doc))
    # the body a report's cover or title names is the page's own when its header lines give none
    own = own_body(doc, found) or next((m.body for m in found), None)
    if not found and doc.genre is not Genre.NEWS:
        found.extend(_addressed_meeting(doc))
    own_day = next((m.date for m in found if is_header_meeting(m, doc)), None)
    found.extend(meetings_in_text(doc, own, own_day))
    if own is not None:
        found.extend(programme_rows(doc, own))
    return found


@cache
def _asked() -> re.Pattern[str]:
    """A report's lead-in to what it asks of a body: "The Executive is asked to", "3. The Cabinet is recommended to
    …", "Members of the Corporate Parenting Panel are asked to note …"."""
    heads = rules().body_heads
    return re.compile(
        r"^[ \t]*(?:\(?\w{1,3}[.)][ \t]*)?(?:(?i:members\s+of\s+)?(?i:the)[ \t]+)?"
        rf"(?P<body>(?:[A-Z][\w’'&-]*[ \t]+(?:(?:and|&|of|for|the|in|on|to)[ \t]+)*){{0,9}}{heads})"
        r"[ \t]+(?:is|are)[ \t]+(?:asked|recommended|requested|invited)[ \t]+to\b",
        re.M,
    )


#: The label of a report's cover field that names who it goes to: "Committee:", "Report to:", "To:", "Report for:".
_TO_LABEL = r"(?P<label>committee|meeting|(?:report|submitted)[ \t]+(?:to|for)|to|board|panel|forum|(?:name|title)[ \t]+of[ \t]+meeting)"
#: … and of the field that gives the day: "Date:", "Date of meeting:", "Meeting date:", "On:".
_DAY_LABEL = r"(?:date(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:meeting|committee|decision))?|meeting[ \t]+date|on)"
#: A report's cover fields at its top: who it goes to, then the day ("COMMITTEE: AUDIT DATE: 29 JULY 2020", "Report
#: to: Cabinet | Date of meeting: 4 March 2024", "Meeting: Corporate Parenting Panel" over "Date: 12 May 2023", "To:
#: Corporate Parenting Panel" over "On: 5 March 2024").
#: What ends a cover field's label: a colon, a table's cell border, or both ("Report to: | Cabinet").
_SEP = r"[ \t]*(?::[ \t|]*|\|[ \t]*)"
_COVER = re.compile(
    rf"(?im)^[ \t]*{_TO_LABEL}{_SEP}(?P<body>[^:\n|]{{2,100}}?)"
    rf"[ \t|]*(?:\n[ \t]*)?{_DAY_LABEL}{_SEP}"
)
#: … or the day first: "Date: 14 March 2024" over "To: Children's Scrutiny Committee" (group ``day``).
_COVER_DAY_FIRST = re.compile(
    rf"(?im)^[ \t]*{_DAY_LABEL}{_SEP}(?P<day>[^\n|]{{6,40}}?)[ \t|]*\n[ \t]*{_TO_LABEL}{_SEP}"
    r"(?P<body>[^:\n|]{2,100}?)[ \t|]*$"
)
#: A cover field's label on a line of its own, its value on the next (a cover-sheet table flattened one cell a line:
#: "Report to" over "Cabinet", "Date of meeting" over "12 March 2024"): who the report goes to, or its day.
_TO_CELL = re.compile(rf"(?i)^{_TO_LABEL}[ \t]*[:|]?$")
_DAY_CELL = re.compile(rf"(?i)^{_DAY_LABEL}[ \t]*[:|]?$")
#: How many of the page's first lines a cover table flattened one cell a line may take.
_CELL_LINES = 16
#: How far into the page a report's cover fields may start.
_COVER_REACH = 400


def _cover_meeting(doc: Doc) -> list[MeetingRecord]:
    """The meeting a report was written for, from its cover fields at the top of the page ("COMMITTEE: AUDIT DATE: 29
    JULY 2020" → Audit Committee on 29 July 2020), or from its cover table flattened one cell a line
    (:func:`_cover_cells`): a name in capitals is written in title case, and a name with no head word takes the
    label's ("AUDIT" under "Committee:")."""
    reach = min(len(doc.text), _COVER_REACH + 200)
    m = _COVER.search(doc.text, 0, reach)
    if m is not None and m.start() <= _COVER_REACH:
        dates = doc.dates_in(m.end(), min(len(doc.text), m.end() + 40))
        day_at = m.end()
    else:
        m = _COVER_DAY_FIRST.search(doc.text, 0, reach)
        if m is None or m.start() > _COVER_REACH:
            return _cover_cells(doc)
        dates = doc.dates_in(m.start("day"), m.end("day"))
        day_at = m.start("day")
    if not dates or dates[0].start != day_at or dates[0].date.precision != "day":
        return []
    found = _cover_body(
        m.group("body"), m.group("label"), dates[0].date, doc.evidence(m.start(), max(m.end(), dates[0].end))
    )
    return [found] if found is not None else []


def _cover_cells(doc: Doc) -> list[MeetingRecord]:
    """The meeting of a report's cover table flattened one cell a line: a label on a line of its own, its value on the
    next ("Report to" over "Cabinet", then "Date of meeting" over "12 March 2024"), either field first, among the
    page's first lines; the day is the whole of its cell."""
    lines = doc.lines[:_CELL_LINES]
    to = day = None
    for k in range(len(lines) - 1):
        label, value = lines[k][2], lines[k + 1]
        if to is None and (m := _TO_CELL.match(label)) is not None:
            to = (m.group("label"), value, lines[k][0])
        elif day is None and _DAY_CELL.match(label):
            day = value
    if to is None or day is None:
        return []
    dates = doc.dates_in(day[0], day[1])
    if not dates or dates[0].start != day[0] or dates[0].date.precision != "day":
        return []
    if doc.text[dates[0].end : day[1]].strip(" \t,.") and not _CLOCK.match(doc.text, dates[0].end, day[1]):
        return []  # (the cell holds more than a day: no cover field's value)
    label, (_, body_end, raw), start = to
    found = _cover_body(raw, label, dates[0].date, doc.evidence(min(start, day[0]), max(body_end, day[1])))
    return [found] if found is not None else []


#: A time of day after a cover field's day ("12 March 2024 at 10.00 am", "…, 2pm").
_CLOCK = re.compile(r"[ \t]*[,\-–—]?[ \t]*(?i:at[ \t]+)?\d{1,2}(?:[.:]\d\d)?[ \t]*(?i:am|pm|a\.m\.|p\.m\.)?[ \t]*$")


def _cover_body(raw: str, label: str, day: PartialDate, ev: Evidence) -> MeetingRecord | None:
    """The meeting of a cover field's body on ``day``: a name in capitals written in title case, a name with no head
    word given the label's ("AUDIT" under "Committee:"); None for no body's name, or a council's."""
    raw = raw.strip(" \t.,;-–—")
    if raw.isupper():
        raw = " ".join(
            w.lower() if w.lower() in CONNECTORS and i else w.capitalize() for i, w in enumerate(raw.split())
        )
    label = label.lower()
    if not rules().head.search(raw) and label in ("committee", "board", "panel", "forum"):
        raw = f"{raw} {label.capitalize()}"
    body = body_name(raw)
    if body is None or is_council(body):
        return None
    return MeetingRecord(body, day, ev)


#: :data:`.meeting_rules.DAY` without its group ``date`` (a pattern may hold it once).
_DAY_UNNAMED = DAY.replace("(?P<date>", "(?:", 1)
#: A title line of the meeting a page was written for: a body's name (labelled or not) and its day ("COMMISSION FOR
#: CHILDREN AND SCHOOL RESULTS - 1 FEBRUARY 2006", "Report for: Cabinet – 5 March 2024"), or the name alone over a
#: line of the day (group ``day`` absent).
_TITLED = re.compile(
    r"^(?:(?i:(?:report|submitted)\s+(?:to|for)|meeting|committee|to)\s*:\s*)?(?P<body>[A-Z][^\n:|]{2,140}?)"
    rf"(?:\s*[-–—,|]\s*(?i:meeting\s+)?(?i:held\s+)?(?i:on\s+)?{WEEKDAY}(?P<day>{_DAY_UNNAMED})"
    r"(?:\s*[-–—,]?\s*(?i:at\s+)?\d{1,2}(?:[.:]\d\d)?\s*(?i:am|pm|a\.m\.|p\.m\.)?)?)?\s*$"
)
_DAY_LINE = re.compile(
    rf"^{WEEKDAY}{DAY}(?:\s*[-–—,]?\s*(?i:at\s+)?\d{{1,2}}(?:[.:]\d\d)?\s*(?i:am|pm|a\.m\.|p\.m\.)?)?\s*$"
)
#: What may follow a title's last head word: nothing, or its complement ("… Commission for Children and School
#: Results", "Select Committee on Children's Services", "Scrutiny Panel (Children and Young People)").
_COMPLEMENT = re.compile(r"\s*$|\s+(?i:for|of|on)\s+\S|\s*\([^()]{3,80}\)\s*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: How many of the page's first lines a title line may be.
_TITLE_LINES = 8


def _titled_meeting(doc: Doc) -> list[MeetingRecord]:
    """The meeting a page with no header of a known layout was written for, from a title line among its first lines:
    a body's name with its day, or over a line of its day. The name holds a head word anywhere, so a head word's
    complement is kept ("Commission for Children and School Results", "Policy and Accountability Committee for
    Children and Education")."""
    lines = doc.lines[:_TITLE_LINES]
    head = rules().head
    for k, (start, end, line) in enumerate(lines):
        if len(line) > 200 or head.search(line) is None:
            continue  # (a quick test before the full pattern)
        if _YEAR.search(line) is None and (k + 1 >= len(lines) or _YEAR.search(lines[k + 1][2]) is None):
            continue  # no day on the line nor on the next
        m = _TITLED.match(line)
        if m is None:
            continue
        raw = m.group("body").strip(" \t.,;-–—")
        heads = list(rules().head.finditer(raw))
        if not heads or not names_a_body(raw) or not _COMPLEMENT.match(raw, heads[-1].end()):
            continue  # (not "Children's Partnership Board Update": a title about the body, which the text reads)
        if m.group("day") is not None:
            day_start, day_end = start + m.start("day"), start + m.end("day")
        elif k + 1 < len(lines) and (d := _DAY_LINE.match(lines[k + 1][2])) is not None:
            day_start, day_end = lines[k + 1][0] + d.start("date"), lines[k + 1][0] + d.end("date")
        else:
            continue
        dates = doc.dates_in(day_start, day_end)
        body = body_name(raw)
        if not dates or dates[0].date.precision != "day" or body is None or is_council(body):
            continue
        return [MeetingRecord(body, dates[0].date, doc.evidence(start, max(end, day_end)))]
    return []


def _addressed_meeting(doc: Doc) -> list[MeetingRecord]:
    """A committee report with no meeting header: the body it asks to decide ("The Executive is asked to") met on the
    day at its top ("28 July 2022" above "Report of the Director …"), the meeting it was written for."""
    day = dateline(doc)
    if day is None or day.precision != "day":
        return []
    for m in _asked().finditer(doc.text, 0, doc.limit):
        body = body_name(m.group("body"))
        if body is not None and not is_council(body):
            return [MeetingRecord(body, day, doc.evidence(m.start("body"), m.end()))]
    return []


def merge_meetings(candidates: list[MeetingRecord], doc: Doc) -> list[MeetingRecord]:
    """One meeting per body and date: a body whose name ends the other's ("Board", "Improvement Board") on the
    same date is the same meeting; the fuller name wins unless the shorter is the page's own meeting. A name that
    differs from the other only by a plural head ("… Scrutiny Committees held on 7 July" above "… Scrutiny Committee
    held on 7 July") is the same body's, in the singular; so is one that differs only by "Sub-" before its head word
    (the first name kept)."""
    unique: list[MeetingRecord] = []
    for m in candidates:
        body = slugish(m.body)
        twin = next(
            (
                i
                for i, u in enumerate(unique)
                if u.date == m.date
                and (
                    slugish(u.body).endswith(body)
                    or body.endswith(slugish(u.body))
                    or _plural_pair(body, slugish(u.body))
                    or _unsub(body) == _unsub(slugish(u.body))
                )
            ),
            None,
        )
        if twin is None:
            unique.append(m)
        elif _plural_of(slugish(unique[twin].body), body):
            unique[twin] = m  # the singular name
        elif (
            len(body) > len(slugish(unique[twin].body))
            and not _plural_of(body, slugish(unique[twin].body))
            and _unsub(body) != _unsub(slugish(unique[twin].body))
            and not is_header_meeting(unique[twin], doc)
        ):
            unique[twin] = m
    return unique


def _unsub(slug: str) -> str:
    """A body's slug without "sub" before its head word: a page that names one meeting as the "Health Scrutiny
    Committee" and as the "Health Scrutiny Sub-Committee" on the same date names one meeting (the first name kept)."""
    return _SUB.sub(" ", f" {slug} ").strip()


_SUB = re.compile(r" sub ?(?=committee|board|group|panel)")


def _plural_pair(a: str, b: str) -> bool:
    """Whether one of the slugs is the other with its head in the plural."""
    return _plural_of(a, b) or _plural_of(b, a)


def _plural_of(a: str, b: str) -> bool:
    """Whether the slug ``a`` is ``b`` with its head in the plural ("… committees", "… committee")."""
    return a == b + "s"
