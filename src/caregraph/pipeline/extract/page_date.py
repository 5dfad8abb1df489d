"""The document's own date, and the anchor of a document that has none.

:func:`document_date` gives the document's own date: its meeting (from the page header), the manifest's date, a
decision page's "Date of decision" or dated title, a dateline near the top ("Date: …", "Published 9th Oct 2018"), or
the day it calls "today". :func:`fallback_anchor` gives the latest full date the text states, for a document with no
date of its own.
"""

from __future__ import annotations

import re
from datetime import date as _date

from caregraph.pipeline.dates import MONTH_NAMES, document_date_from_url, find_dates, sort_key
from caregraph.pipeline.extract.doc import WIDE_SCAN_LIMIT, Doc
from caregraph.pipeline.extract.header_meetings import is_header_meeting
from caregraph.pipeline.extract.meeting_rules import DAY, WEEKDAY
from caregraph.pipeline.segment import rules as segment_rules
from caregraph.records import MeetingRecord, PartialDate, Segmented

#: A short line near the top that gives the page's day: bare ("04 March 2019", "| 04 March 2019" from a flattened
#: table), after its writer's name ("Jane Smith 06 April 2016"), labelled after the release's number ("News Release
#: 1234 - published on 24 February 2026"), labelled ("Date: …", "Date Released - 25/03/2025", "Published 9th Oct 2018", "Publication Date:10/07/2015") or said of the page ("This
#: story was published 6 August 2018"), a news site's time before it ("21:22, 03 Dec 2025", "10.30am, 5 January
#: 2024"); the next label may follow with no space ("03 Dec 2025Updated …"). The day may be written month first
#: ("Tuesday, January 24, 2017") or as an ISO date ("date 2017-09-15").
_DATELINE_LINE = re.compile(
    r"^[|\s]*(?:(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}\s+(?=\d)|[^\n]{1,40}?\s[-–—|]\s*(?=(?:first\s+)?(?:published|posted|updated|issued|released)\b))?"
    r"(?:(?:(?:this\s+(?:story|article|page|news\s+item|news\s+story|(?:news|press)\s+release)\s+was\s+)?(?:first\s+)?(?:published|posted|updated|issued|released)"
    r"|date(?:\s+of\s+(?:the\s+)?meeting|\s+(?:published|posted|released|issued))?|(?:publication|release|issue)\s+date|last\s+updated)\s*(?:on)?\s*[:\-–—]?\s*)?(?:[A-Z][\w ,&'’-]{0,60}?,\s*)?(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?,?\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+(?:19|20)\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d)(?!\d)",
    re.I,
)


_LABELLED_ISO = re.compile(r"(?i)\s*(?:date|published|posted|updated)\s*[:\-–—]?\s*(?:19|20)\d\d-[01]\d-[0-3]\d\b")


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
    return segment_date(doc) or dateline(doc) or _today(doc)


def segment_date(doc: Doc) -> PartialDate | None:
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


def dateline(doc: Doc) -> PartialDate | None:
    """A day on a short line among the first eight lines (within the first 800 characters)."""
    for n, (start, _end, line) in enumerate(doc.lines_in(0, min(len(doc.text), 800))):
        if n >= 8:
            break
        if len(line) > 80 and not _LABELLED_ISO.match(line):
            continue  # (a long line only when it opens on a labelled ISO day: "date 2017-09-15 Get daily updates …")
        m = _DATELINE_LINE.match(line)
        if m:
            found = doc.dates_in(start + m.start("date"), start + m.end("date"))
            if found and found[0].date.precision == "day":
                return found[0].date
    return None


#: "today" with the day in brackets or after a comma: "The judgement published today (Friday, 19 February 2016)".
_TODAY = re.compile(rf"(?i:\btoday)\s*(?:\(\s*|,\s*){WEEKDAY}{DAY}")


def _today(doc: Doc) -> PartialDate | None:
    """The day a page near its top calls "today" ("… published today (Friday, 19 February 2016)")."""
    m = _TODAY.search(doc.text, 0, min(len(doc.text), _TODAY_LIMIT))
    if m is None:
        return _today_by_weekday(doc)
    found = doc.dates_in(m.start("date"), m.end("date"))
    return found[0].date if found and found[0].date.precision == "day" else None


_TODAY_LIMIT = 2000

#: "today" (or "this morning", "tonight") glossed by a day and month without a year, the weekday before it or not,
#: either way round: "published today (Monday 23 May)", "today (Thursday, August 22)", "This morning (Wednesday 22
#: November)", "published today (Wednesday, April 15th)", "in a letter published today (12 January)".
_TODAY_NO_YEAR = re.compile(
    r"(?i)\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\s*(?:\(\s*|,\s*)"
    r"(?:(?P<weekday>mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_NAMES})"
    rf"|(?P<month2>{MONTH_NAMES})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)\b(?!,?\s*(?:19|20)\d\d)"
)
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip
_STATED_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _today_by_weekday(doc: Doc) -> PartialDate | None:
    """The day a page near its top calls "today" by its day and month without a year ("published today (Monday
    23 May)", "today (Thursday, August 22)"): in the year its URL gives (when the weekday, if given, falls on that
    day then); else, by the weekday, the one year in which that day falls on it of the years the page states near
    its top (its title's "report 2016") or, failing that, of the latest year the page states and the one after it (a
    page tells of the months before its day); None when no year or several fit."""
    text = doc.text
    m = _TODAY_NO_YEAR.search(text, 0, min(len(text), _TODAY_LIMIT))
    if m is None:
        return None
    weekday = _WEEKDAYS.index(m.group("weekday").lower()) if m.group("weekday") else None
    month = _MONTHS.index((m.group("month") or m.group("month2")).lower()) + 1
    day = int(m.group("day") or m.group("day2"))

    def fits(y: int) -> bool:
        try:
            return weekday is None or _date(y, month, day).weekday() == weekday
        except ValueError:
            return False

    url = document_date_from_url(doc.source.url)
    if url is not None:
        return PartialDate(url.year, month, day) if fits(url.year) else None
    if weekday is None:
        return None  # (no year to put the day in)
    near = {int(y) for y in _STATED_YEAR.findall(text, 0, min(len(text), _TODAY_LIMIT))}
    years = {y for y in near if fits(y)}
    if not years:
        stated = [int(y) for y in _STATED_YEAR.findall(text, 0, min(len(text), WIDE_SCAN_LIMIT))]
        latest = max(stated, default=None)
        years = {y for y in (latest, latest + 1) if fits(y)} if latest is not None else set()
    return PartialDate(years.pop(), month, day) if len(years) == 1 else None


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


#: A year ("2023", not in a longer number) or a day written in figures ("04/05/23"); each alternative starts with a
#: digit of its own and looks behind it only then (speed only: the same matches as "(?<!\d)(?:19|20)\d\d(?!\d)|\b\d{1,2}…").
_YEAR = re.compile(r"(?:1(?<!\d1)9|2(?<!\d2)0)\d\d(?!\d)|\d(?<!\w\d)\d?[/.]\d{1,2}[/.]\d\d(?!\d)")
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
