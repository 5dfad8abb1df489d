"""Which of a sentence's dates an inspection may take, and what they tell of it.

:func:`dates_of` reads a day or month without a year as past or to come by the words before it (in a sentence that
speaks of a plan, "will take place in" against "had been inspected between"); :func:`others_date` tells a meeting's
date ("the September 2020 meeting"), another thing's ("launched in May 2023"), a point counted from ("since December
2023") and a deadline ("by 15 August 2016"), which no inspection takes; :func:`is_planned` tells whether a dated event
is still to come on the page's date. To the date finder's dates it adds those that modify an event's or a judgement's
name ("2015's Ofsted inspection report", "July's inspection", "its 2019 'good' rating"), a year a title dates an
event's name by ("Ofsted Inspection 2020", "Ofsted Report 2016") and days written month first
or run into their month ("on Monday November 8", "23May 2016"); on a page with no date of its own that states one
month with its year, the days of that month written without one take that year.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from caregraph.pipeline.dates import DateMention
from caregraph.pipeline.extract.doc import Doc, per_doc
from caregraph.pipeline.extract.inspection_cues import Cue
from caregraph.pipeline.extract.inspection_rules import rules
from caregraph.pipeline.extract.patterns import may_hold
from caregraph.records import PartialDate


def dates_of(doc: Doc, s_start: int, s_end: int, doc_date: PartialDate | None, planned: bool) -> Sequence[DateMention]:
    """The dates of a sentence, a day or month without a year read as past or to come by the words before it: in a
    sentence that speaks of a plan, a date is read as to come unless a past event's words are nearer before it
    ("had been inspected by Ofsted between 27 February and 10 March and the report was due on 21 April": both
    past)."""
    label = _YEAR_LABEL.match(doc.text, s_start, s_end) if doc.text[s_start : s_start + 1] in _LABEL_STARTS else None
    if label is not None:  # "• 2015: Overall, the County was rated ‘good’": a timeline's line, labelled by its year
        ys, ye = label.span("year")
        found = doc.dates_in(s_start, s_end, doc_date, seasons=True)
        if not any(d.start <= ys < d.end for d in found):
            return [DateMention(ys, ye, PartialDate(int(label["year"]))), *found]
    found = _with_named_years(doc, s_start, s_end, _dates_read(doc, s_start, s_end, doc_date, planned))
    if doc_date is None:
        found = _with_stated_years(doc, s_start, s_end, planned, found)
    return _with_possessives(
        doc, s_start, s_end, doc_date, _with_days_written_otherwise(doc, s_start, s_end, doc_date, planned, found)
    )


def _dates_read(
    doc: Doc, s_start: int, s_end: int, doc_date: PartialDate | None, planned: bool
) -> Sequence[DateMention]:
    """The date finder's dates of a sentence, read as past or to come (see :func:`dates_of`)."""
    if not planned:
        return doc.dates_in(s_start, s_end, doc_date, seasons=True)
    ahead = doc.dates_in(s_start, s_end, doc_date, future=True, seasons=True)
    if all(a.relative is False for a in ahead):
        return ahead  # no date that a plan reads otherwise
    was = {(d.start, d.end): d for d in doc.dates_in(s_start, s_end, doc_date, seasons=True)}
    return [
        was[(d.start, d.end)] if (d.start, d.end) in was and _past_before(doc.text, s_start, d.start) else d
        for d in ahead
    ]


def _with_named_years(doc: Doc, s_start: int, s_end: int, found: Sequence[DateMention]) -> Sequence[DateMention]:
    """``found`` and the years the date finder leaves out that follow an event's or its report's name as a title
    dates it, with no preposition: "Ofsted Inspection 2020", "Ofsted Report 2016", "Ofsted inspection and review of
    the Local Safeguarding Children Board 2015" (not a year that starts a span of years, "report 2016/17", nor one
    after another report's or review's name, "the Annual Report 2016", "the Budget Review 2019"). A sentence that dates something in that
    year more finely ("the Ofsted Inspection 2020 which took place in February and March") gives it no year of its
    own: the finer date is the event's."""
    text = doc.text
    years = {d.date.year for d in found}
    extra = [
        DateMention(m.start(), m.end(), PartialDate(int(m.group())))
        for m in _YEAR_WORD.finditer(text, s_start, s_end)
        if (
            _NAME_BEFORE_YEAR.search(text, max(s_start, m.start() - 40), m.start())
            # "a 2015 Ofsted report", "since the 2018 report": the year as the report's modifier dates it (its
            # publication: see the rules' ``report_year``)
            or any(
                y.span("year") == m.span()
                for y in _report_years(text, max(s_start, m.start() - 8), min(s_end, m.end() + 20))
            )
        )
        and not _SPAN_AFTER_YEAR.match(text, m.end(), s_end)
        and int(m.group()) not in years
    ]
    return sorted([*found, *extra], key=lambda d: d.start) if extra else found


#: A year on its own (the years a title may date its event by).
_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")
#: An event's or its report's name right before a year: "Inspection ", "Ofsted Report ", "Ofsted visit ", "review of
#: LSCB ", "Safeguarding Children Board " (a report or visit named as Ofsted's or an inspection's, not "the Annual Report
#: 2016" nor "the Budget Review 2019").
_NAME_BEFORE_YEAR = re.compile(
    r"(?i)\b(?:(?:re-?)?inspections?|(?:ofsted|inspection)\s+(?:reports?|visits?)|LSCB"
    r"|safeguarding\s+children\s+board)\s+$"
)


def _report_years(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The rules' ``report_year`` matches in ``text[start:end]`` ("a 2015 Ofsted report")."""
    return list(rules().report_year.finditer(text, start, end))


#: What makes a year the first of a span: "2016/17", "2016-2018", "2016 to 2018".
_SPAN_AFTER_YEAR = re.compile(r"(?i)\s*(?:[/–—-]|to\s+(?:19|20)\d\d)")


def _with_stated_years(
    doc: Doc, s_start: int, s_end: int, planned: bool, found: Sequence[DateMention]
) -> Sequence[DateMention]:
    """``found`` and, on a page with no date to read them against that states one month with its year and no
    other, the days of that month written without a year ("carried out in July 2022. … The inspection took place
    from 4-22 July": 4-22 July 2022, finer dates of that month's event). A page that states two months with their
    years gives none; nor does a day of another month ("from 5 November"), the bare month ("in March 2017 … an
    inspection carried out in March" may be five years on, and told nothing finer if not) or a relative expression
    ("last year", "this month"), which needs the page's own date."""
    text = doc.text
    if not _DAY_BY_MONTH.search(text, s_start, s_end):
        return found  # (no day written by a month's name: speed only)
    stated = _stated_month(doc)
    if stated is None:
        return found
    year, month = stated
    extra = [
        d
        for d in doc.dates_in(s_start, s_end, PartialDate(year, month), future=planned, seasons=True)
        if d.relative
        and d.date.month == month
        and d.date.day is not None
        and not _RELATIVE_WORDS.search(text, d.start, d.end)
        and not any(f.start < d.end and d.start < f.end for f in found)
    ]
    return sorted([*found, *extra], key=lambda d: d.start) if extra else found


@per_doc
def _stated_month(doc: Doc) -> tuple[int, int] | None:
    """``(year, month)`` of the one month the page states with its year, when it states exactly one (worked out once
    per document, not once per sentence)."""
    stated = {
        (when.year, when.month)
        for d in doc.dates
        for when in (d.date, d.until)
        if when is not None and when.month is not None
    }
    return next(iter(stated)) if len(stated) == 1 else None


#: A day's number by a month's name, either side ("6-17 March", "March 6"): what every day of a month written without
#: a year holds (speed only).
_DAY_BY_MONTH = re.compile(
    r"(?i)\b\d{1,2}(?:st|nd|rd|th)?\b[^\d.;]{0,30}?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b(?!\d)"
)
#: Words of a relative date, which only the page's own date resolves ("July last year", "this month").
_RELATIVE_WORDS = re.compile(
    r"(?i)\b(?:this|last|next|previous|today|tonight|tomorrow|yesterday|week|month|year|earlier|later)\b"
)


def _with_possessives(
    doc: Doc, s_start: int, s_end: int, doc_date: PartialDate | None, found: Sequence[DateMention]
) -> Sequence[DateMention]:
    """``found`` and the dates that modify an event's or a judgement's name that the date finder leaves out, in text
    order: in the possessive, a year ("following 2015's Ofsted inspection report"), a month and year ("March 2019's
    visit") or a month alone, the last such month on or before the page's date ("the official response to July's
    inspection"); a year before a graded judgement's noun ("its 2019 'good' rating")."""
    text = doc.text
    span = text[s_start:s_end]
    possessive = "'s" in span or "’s" in span  # (speed only)
    low = span.lower() if doc.folds_simply else None
    graded = may_hold(low, _GRADED_YEAR) and _GRADED_YEAR.search(text, s_start, s_end) is not None
    if not possessive and not graded:
        return found
    extra = [
        DateMention(m.start("year"), m.end("year"), PartialDate(int(m["year"])))
        for m in (_GRADED_YEAR.finditer(text, s_start, s_end) if graded else ())
        if not any(d.start <= m.start("year") < d.end for d in found)
    ]
    for m in _POSSESSIVE_DATE.finditer(text, s_start, s_end) if possessive else ():
        if any(d.start <= m.start() < d.end or m.start() <= d.start < m.end("date") for d in found):
            continue
        year = m["year"] or m["myear"]
        month = _MONTHS[m["month"][:3].lower()] if m["month"] else None
        if year:
            date = PartialDate(int(year), month)
        elif month and doc_date is not None and doc_date.month:
            date = PartialDate(doc_date.year if month <= doc_date.month else doc_date.year - 1, month)
        else:
            continue
        extra.append(DateMention(m.start("date"), m.end("date"), date))  # (the month is spelled out)
    return sorted([*found, *extra], key=lambda d: d.start) if extra else found


def _with_days_written_otherwise(
    doc: Doc, s_start: int, s_end: int, doc_date: PartialDate | None, planned: bool, found: Sequence[DateMention]
) -> Sequence[DateMention]:
    """``found`` and the days the date finder leaves out, in text order: the month first ("on Monday November 8",
    "across February 28 and March 1", "October 3-5, 2022") or the day run into its month ("between 23May 2016 to
    16June 2016"). A day without a year is the last such day on or before the page's date, or when words of a plan
    are just before it, the first on or after it. A weekday just before such a day is no date of its own."""
    text = doc.text
    if not _MONTH_NAME.search(text, s_start, s_end) or not _DAY_WRITTEN_OTHERWISE.search(text, s_start, s_end):
        return found  # (speed only)
    extra: list[DateMention] = []
    for m in _DAY_WRITTEN_OTHERWISE.finditer(text, s_start, s_end):
        if _GLOSS_BEFORE.search(text, max(s_start, m.start() - 24), m.start()):
            continue  # "presented to cabinet tonight (December 3)": the page's own day, glossed
        if any(d.start < m.end() and m.start() < d.end and not _WEEKDAY.fullmatch(text, d.start, d.end) for d in found):
            continue  # the date finder read it
        m1 = _MONTHS[(m["m1"] or m["r1"])[:3].lower()]
        d1 = int(m["d1"] or m["rd1"])
        year = m["y2"] or m["y1"] or m["ry1"]
        m2 = _MONTHS[(m["m2"] or m["r2"])[:3].lower()] if (m["m2"] or m["r2"]) else m1
        d2 = m["d2"] or m["rd2"]
        # (to come only when words of a plan are just before it: "will take place on May 5")
        ahead = planned and rules().planned.search(text, max(s_start, m.start() - 60), m.start()) is not None
        first = _day(int(year) if year else None, m1, d1, doc_date, ahead)
        if first is None:
            continue
        until = None
        if d2:
            until = _day(first.year + (1 if m2 < m1 else 0), m2, int(d2), None, ahead)
        extra.append(DateMention(m.start(), m.end(), first, until))
    if not extra:
        return found
    kept = [
        d
        for d in found
        if not any(_WEEKDAY.fullmatch(text, d.start, d.end) and 0 <= e.start - d.end <= 2 for e in extra)
    ]
    return sorted([*kept, *extra], key=lambda d: d.start)


def _day(year: int | None, month: int, day: int, doc_date: PartialDate | None, planned: bool) -> PartialDate | None:
    """The day ``day`` of ``month`` in ``year``, else in the year that puts it last on or before ``doc_date`` (first
    on or after it when ``planned``); None when neither tells the year or it is no day of the calendar."""
    if year is None:
        if doc_date is None or doc_date.month is None:
            return None
        if planned:
            year = doc_date.year + ((month, day) < (doc_date.month, doc_date.day or 1))
        else:
            year = doc_date.year - ((month, day) > (doc_date.month, doc_date.day or 31))
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


_MONTH_WORD = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
#: A day written with its month first ("November 8", "February 28 and March 1", "October 3-5, 2022"), or run into its
#: month ("23May 2016", "23May 2016 to 16June 2016").
_DAY_WRITTEN_OTHERWISE = re.compile(
    rf"\b(?P<m1>{_MONTH_WORD})\s+(?P<d1>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?!\s*[:.]?\d)"
    rf"(?:\s*,?\s*(?P<y1>(?:19|20)\d\d)\b)?"
    rf"(?:(?:\s+(?:and|to|until)\s+|\s*[-–]\s*)(?:(?P<m2>{_MONTH_WORD})\s+)?(?P<d2>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?!\s*[:.]?\d)"
    rf"(?:\s*,?\s*(?P<y2>(?:19|20)\d\d)\b)?)?"
    rf"|\b(?P<rd1>[1-9]|[12]\d|3[01])(?P<r1>{_MONTH_WORD})\s+(?P<ry1>(?:19|20)\d\d)\b"
    rf"(?:\s*(?:to|and|until|-|–)\s*(?P<rd2>[1-9]|[12]\d|3[01])\s*(?P<r2>{_MONTH_WORD})\s+(?:19|20)\d\d\b)?",
    re.I,
)
#: A month's name as written: every match of :data:`_DAY_WRITTEN_OTHERWISE` holds one, and a search for it skips
#: along the text to the letters the names start with (speed only).
_MONTH_NAME = re.compile(_MONTH_WORD)
#: A relative day glossed by the day after it: "tonight (", "today (".
_GLOSS_BEFORE = re.compile(r"(?i)\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\s*\(\s*$")
_WEEKDAY = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day")


#: A year between a determiner and a grade that modifies a judgement's noun: "its 2019 'good' rating", "the 2018
#: inadequate judgement".
_GRADED_YEAR = re.compile(
    r"(?i)\b(?:the|its|their|our|[\w’']+['’]s)\s+(?P<year>(?:19|20)\d\d)\s+(?:ofsted\s+)?['‘’\"“]?"
    r"(?:inadequate|good|outstanding|requires?\s+improvement|adequate)['’\"”]?\s+(?:ofsted\s+)?"
    r"(?:judge?ments?|ratings?|grades?|verdicts?|outcomes?)\b"
)
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
#: A date in the possessive before the name of an event or its report: "2015's Ofsted inspection report", "July's
#: inspection", "last March's focused visit".
_POSSESSIVE_DATE = re.compile(
    r"\b(?P<date>(?P<month>(?-i:January|February|March|April|May|June|July|August|September|October|November|December))"
    r"(?:\s+(?P<myear>(?:19|20)\d\d))?|(?P<year>(?:19|20)\d\d))['’]s\s+(?=(?:[\w-]+\s+){0,2}?"
    r"(?:inspection|re-?inspection|visit|review|report|letter|judgement|judgment|rating|verdict|findings)s?\b)",
    re.I,
)


#: A sentence that opens on a year and a colon, after a bullet at most: a timeline's line ("• 2015: Overall …").
_YEAR_LABEL = re.compile(r"[\s•·*–-]*(?P<year>(?:19|20)\d\d)\s*:\s")
_LABEL_STARTS = frozenset(" \t\n•·*–-12")  # what such a sentence starts with (speed only)


_PAST_NEAR = re.compile(
    r"\b(?:had|took\s+place|carried\s+out|visited|inspected|undert(?:ook|aken)|completed|held|(?:was|were)(?:\s+(?:due|expected|planned|scheduled|anticipated))?)\b",
    re.I,
)


def _past_before(text: str, s_start: int, pos: int) -> bool:
    """Whether the words just before ``pos`` tell a past event ("had been inspected between", "was due on") more
    nearly than a plan ("will take place in")."""
    lo = max(s_start, pos - 60)
    past = [m.end() for m in _PAST_NEAR.finditer(text, lo, pos)]
    if not past:
        return False
    plans = [m.end() for m in rules().planned.finditer(text, lo, pos)]
    return max(past) >= max(plans, default=-1)


def others_date(text: str, date: DateMention, cues: list[Cue]) -> bool:
    """Whether ``date`` is a meeting's ("the September 2020 meeting", "the Cabinet meeting on 5 June") or another
    thing's ("the new team, launched in May 2023"), never an inspection's. A meeting that is itself the event ("the
    annual engagement meeting held on 14 April") keeps its date."""
    r = rules()
    lo = max(0, date.start - 40)
    before = r.meeting_date_before.search(text, lo, date.start)
    if before and not any(cs <= before.start() < ce for cs, ce, _ in cues):
        return True
    other = r.other_event_date.search(text, lo, date.start)
    if other and not any(cs <= other.start() < ce for cs, ce, _ in cues):
        return True  # (not the words of the event's own mention: "began working with a government-appointed
        # commissioner in September 2022")
    if is_counted_from(text, date) and not _WHEN_GRADED.match(text, date.end):
        return True  # "their second visit since December 2023" (but see :func:`is_counted_from`)
    if r.deadline_before.search(text, max(0, date.start - 90), date.start):
        return True  # "submit a written statement of action to Ofsted by 15 August 2016"
    if _BEFORE_WHO.match(text, date.end):
        return True  # "that's from Ofsted today, who looked at the services in …": the day the body spoke
    after = r.meeting_date_after.match(text, date.end, date.end + 40)
    return after is not None and not any(cs <= after.end() <= ce + 1 for cs, ce, _ in cues)


#: A relative clause of a person or body right after a date: the date is of what they did before it (said, wrote),
#: not of what the clause tells ("Ofsted today, who looked at the services between …").
_BEFORE_WHO = re.compile(r"\s*,\s*who\b", re.I)


def is_counted_from(text: str, date: DateMention) -> bool:
    """Whether ``date`` is a point a series is counted from ("their second visit since December 2023", "the first
    full inspection since 2019"). It is no event's own date, but when a clause right after it grades the services
    then ("the first full inspection since 2019, when the services had been judged as 'requires improvement'") it
    is that earlier inspection's: :func:`others_date` keeps it for the grade, and no cue of the sentence takes it."""
    # ("in April this year": a preposition the date finder took into the date is read as before it)
    lead = _LEADING_PREPOSITION.match(text, date.start, date.end)
    end = lead.end() if lead else date.start
    return rules().counted_from.search(text, max(0, date.start - 160), end) is not None


#: A preposition a date mention starts with: "in ", "on ", "during ".
_LEADING_PREPOSITION = re.compile(r"(?i)(?:in|on|during)\s+")


#: A "when" clause right after a date that grades the services then: ", when Children's Services had been judged as".
_WHEN_GRADED = re.compile(
    r"(?i)\s*,?\s*when\s+(?:[\w’'-]+\s+){1,6}?(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:(?:again|also|first|last)\s+)?(?:rated|judged|graded|found|deemed|assessed)\b"
)


#: Words that tell an event as done: "had been inspected", "took place", "was rated".
_DONE = re.compile(
    r"(?i)\b(?:(?:had|has|have)\s+(?:been\s+)?(?:inspected|visited|rated|judged|graded|reviewed)|took\s+place"
    r"|(?:was|were)\s+(?:inspected|visited|rated|judged|graded|carried\s+out|undertaken|completed|held))\b"
    # "the Inspection carried out in September 2021" (not "to be carried out in …")
    r"|(?<!\bbe\s)(?<!\bbeing\s)(?<!\bto\s)\b(?:carried\s+out|undertaken|conducted|completed)\s+(?:in|on|during|between|over|from)\s"
)
#: After the event's mention (or its date, when that comes later), words that tell it as done: "in September 2021 a
#: full inspection had taken place", "the visit in May 2024 has now been completed".
_DONE_AFTER = re.compile(
    r"(?i)[\s,]*(?:[\w’'-]+\s+){0,2}?(?:had|has|have)\s+(?:now\s+|already\s+)?(?:been\s+)?"
    r"(?:taken\s+place|carried\s+out|completed|undertaken|conducted|concluded|finished)\b"
)


def is_planned(
    text: str, cs: int, ce: int, date: DateMention, doc_date: PartialDate | None, planned_sentence: bool
) -> bool:
    """Whether the event named at ``cs``–``ce`` and dated ``date`` is still to come: dated after ``doc_date`` (unless
    told as done); dated the same as far as both tell, or with no page date, when words of a plan are near it in a
    sentence that speaks of one (``planned_sentence``)."""
    if doc_date is not None:
        precision = min(len(date.date.iso()), len(doc_date.iso()))
        if date.date.iso()[:precision] > doc_date.iso()[:precision]:
            # after the date the page is read against, unless told as done ("had been inspected … in November
            # 2023" on a page whose date is only the earliest or latest it states)
            return not (
                _DONE.search(text, max(0, min(cs, date.start) - 60), date.start)
                or _DONE_AFTER.match(text, max(ce, date.end), min(len(text), max(ce, date.end) + 60))
            )
        if date.date.iso()[:precision] < doc_date.iso()[:precision]:
            return False
    window = text[max(0, cs - 60) : min(len(text), date.end + 40)]
    return bool(rules().planned.search(window)) and planned_sentence
