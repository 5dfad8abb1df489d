"""Meetings: the page's own meeting and the other dated meetings of named bodies.

:func:`find_meetings` matches, then merges. Matching (:func:`match_meetings`) reads the page's header lines for its
own meeting (:mod:`.header_meetings`: ModernGov "Meeting: …", a body's name with its day, a decision page's date of
decision), settles the page's own body, then reads the text for the meetings it names with a day
(:mod:`.meetings_in_text`; an unnamed one is the page's own body's) and, under a work programme's "Meeting date |
Item | …" header, the rows of its table. Merging (:func:`merge_meetings`) makes one meeting of a body's mentions on
one date, keeping the fuller name unless the shorter is the page's own meeting. The names of bodies are read by
:mod:`.meeting_bodies`, the rules compiled by :mod:`.meeting_rules` (``rules/meetings.toml``); the document's own
date, which its meeting gives first, is :mod:`.page_date`'s.
"""

from __future__ import annotations

from caregraph.pipeline.extract.doc import Doc, slugish
from caregraph.pipeline.extract.header_meetings import header_meetings, is_header_meeting, own_body
from caregraph.pipeline.extract.meetings_in_text import meetings_in_text, programme_rows
from caregraph.records import MeetingRecord, Segmented


def find_meetings(doc: Doc | Segmented) -> list[MeetingRecord]:
    """The page's own meeting and other dated meetings of named bodies (day-precision dates only)."""
    doc = Doc.of(doc)
    return merge_meetings(match_meetings(doc), doc)


def match_meetings(doc: Doc) -> list[MeetingRecord]:
    """The meetings of the page's header lines, then those the text names with a date (an unnamed one is the page's
    own body's, when the header names it)."""
    found = header_meetings(doc)
    own = own_body(doc, found)
    found.extend(meetings_in_text(doc, own))
    if own is not None:
        found.extend(programme_rows(doc, own))
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
