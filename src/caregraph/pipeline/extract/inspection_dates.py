"""Which of a sentence's dates an inspection may take, and what they tell of it.

:func:`dates_of` reads a day or month without a year as past or to come by the words before it (in a sentence that
speaks of a plan, "will take place in" against "had been inspected between"); :func:`others_date` tells a meeting's
date ("the September 2020 meeting"), another thing's ("launched in May 2023"), a point counted from ("since December
2023") and a deadline ("by 15 August 2016"), which no inspection takes; :func:`is_planned` tells whether a dated event
is still to come on the page's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from caregraph.pipeline.dates import DateMention
from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.inspection_cues import Cue
from caregraph.pipeline.extract.inspection_rules import rules
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
    if r.counted_from.search(text, max(0, date.start - 100), date.start):
        return True  # "their second visit since December 2023"
    if r.deadline_before.search(text, max(0, date.start - 90), date.start):
        return True  # "submit a written statement of action to Ofsted by 15 August 2016"
    after = r.meeting_date_after.match(text, date.end, date.end + 40)
    return after is not None and not any(cs <= after.end() <= ce + 1 for cs, ce, _ in cues)


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
