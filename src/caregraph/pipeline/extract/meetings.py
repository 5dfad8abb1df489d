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
from caregraph.pipeline.extract.meeting_bodies import CONNECTORS, body_name, is_council
from caregraph.pipeline.extract.meeting_rules import rules
from caregraph.pipeline.extract.meetings_in_text import meetings_in_text, programme_rows
from caregraph.pipeline.extract.page_date import dateline
from caregraph.records import Genre, MeetingRecord, Segmented


def find_meetings(doc: Doc | Segmented) -> list[MeetingRecord]:
    """The page's own meeting and other dated meetings of named bodies (day-precision dates only)."""
    doc = Doc.of(doc)
    return merge_meetings(match_meetings(doc), doc)


def match_meetings(doc: Doc) -> list[MeetingRecord]:
    """The meetings of the page's header lines, then those the text names with a date (an unnamed one is the page's
    own body's, when the header names it)."""
    found = header_meetings(doc)
    if not found:
        found.extend(_cover_meeting(doc))
    own = own_body(doc, found)
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


#: A report's cover fields at its top: who it goes to, then the day ("COMMITTEE: AUDIT DATE: 29 JULY 2020", "Report
#: to: Cabinet | Date of meeting: 4 March 2024", "Meeting: Corporate Parenting Panel" over "Date: 12 May 2023").
_COVER = re.compile(
    r"(?im)^[ \t]*(?P<label>committee|meeting|report\s+to|board|panel|forum)[ \t]*:[ \t]*(?P<body>[^:\n|]{2,100}?)"
    r"[ \t|]*(?:\n[ \t]*)?(?:date(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:meeting|committee|decision))?|meeting[ \t]+date)[ \t]*:[ \t]*"
)
#: How far into the page a report's cover fields may start.
_COVER_REACH = 400


def _cover_meeting(doc: Doc) -> list[MeetingRecord]:
    """The meeting a report was written for, from its cover fields at the top of the page ("COMMITTEE: AUDIT DATE: 29
    JULY 2020" → Audit Committee on 29 July 2020): a name in capitals is written in title case, and a name with no
    head word takes the label's ("AUDIT" under "Committee:")."""
    m = _COVER.search(doc.text, 0, min(len(doc.text), _COVER_REACH + 200))
    if m is None or m.start() > _COVER_REACH:
        return []
    dates = doc.dates_in(m.end(), min(len(doc.text), m.end() + 40))
    if not dates or dates[0].start != m.end() or dates[0].date.precision != "day":
        return []
    raw = m.group("body").strip(" \t.,;-–—")
    if raw.isupper():
        raw = " ".join(
            w.lower() if w.lower() in CONNECTORS and i else w.capitalize() for i, w in enumerate(raw.split())
        )
    label = m.group("label").lower()
    if not rules().head.search(raw) and label in ("committee", "board", "panel", "forum"):
        raw = f"{raw} {label.capitalize()}"
    body = body_name(raw)
    if body is None or is_council(body):
        return []
    return [MeetingRecord(body, dates[0].date, doc.evidence(m.start(), dates[0].end))]


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
    held on 7 July") is the same body's, in the singular."""
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
            and not is_header_meeting(unique[twin], doc)
        ):
            unique[twin] = m
    return unique


def _plural_pair(a: str, b: str) -> bool:
    """Whether one of the slugs is the other with its head in the plural."""
    return _plural_of(a, b) or _plural_of(b, a)


def _plural_of(a: str, b: str) -> bool:
    """Whether the slug ``a`` is ``b`` with its head in the plural ("… committees", "… committee")."""
    return a == b + "s"
