"""The dated meetings the text names, in prose and in a work programme's table.

:func:`meetings_in_text` finds meetings of named bodies in any word order ("presented to the Improvement Board … on 3rd
October 2018", "the Corporate Parenting Board meeting held on …", "The Education Scrutiny Panel reviewed the plan on …",
"On 4 March 2020 the Cabinet agreed …", "Full Council on 12 July 2023 adopted …", "Corporate Parenting Board - 18 April
2024", "the Children's Scrutiny Committee of 12 July 2023", "the next Improvement Board would be on 18th October 2017");
a meeting a dated story names by its own day ("at today's Full Council meeting", "yesterday's Cabinet"); a meeting the
sentence dates without naming it ("… will consider progress at its meeting on 30 January 2024", "when it next meets, on
…"), which is the body the sentence names, else the page's own; a head word alone ("the Board") as the page's body or
the nearest full name with that head; earlier and later meetings of the page's own body that the text leaves unnamed
("the minutes of the meeting held on 2 April 2019", "Date of next meeting: …"); a day given without its year, in the
year nearest the page's own date (in the frames a full day is read in: "At its meeting on 5 June, Cabinet agreed …",
"The Panel met on 28 February"). Bodies named together with as many days are met one day each ("by Cabinet and Full
Council on 3 and 17 May 2023"). :func:`programme_rows` reads the rows of a work programme under "Meeting date | Item |
…" as the page's own body's meetings (a row's body, when its next cell names one: "19 March 2024 | Cabinet").

Only day-precision dates make a meeting; a list of days ("on 3 and 10 May 2023") is a meeting on each. A day belongs
to the event nearest to it: past a participle or an event's noun ("… received a report on the annual conversation
held with Ofsted on 5 December 2023", "the monitoring visit on 19 March") it is not the body's meeting. The patterns
are run only on the stretches of text around a stated day. Rules: ``rules/meetings.toml``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from caregraph.pipeline.dates import MONTHS
from caregraph.pipeline.extract.doc import WIDE_SCAN_LIMIT, Doc
from caregraph.pipeline.extract.meeting_bodies import (
    BARE_LOWER,
    CONNECTORS,
    after_comma,
    bare_head,
    body_name,
    is_council,
    joint_names,
    named_body,
    names_a_body,
)
from caregraph.pipeline.extract.meeting_rules import (
    DAY,
    FULL_DAY,
    MONTH,
    MONTH_OR_WEEKDAY_NAME,
    WEEKDAY,
    lower_name,
    rules,
)
from caregraph.pipeline.extract.page_date import dateline, segment_date
from caregraph.pipeline.extract.patterns import first_letters, may_hold
from caregraph.records import MeetingRecord, PartialDate


def meetings_in_text(doc: Doc, own: str | None, own_day: PartialDate | None = None) -> list[MeetingRecord]:
    """The dated meetings the text names; a body named by its head word alone ("the meeting of the Board held on
    …") and an unnamed earlier meeting are the page's own body's (``own``), when its header names it. A day the text
    gives without its year is put in the year nearest the page's own date, else its own meeting's day
    (``own_day``)."""
    text = doc.text
    limit = min(len(text), WIDE_SCAN_LIMIT)
    windows = _windows(text, limit)
    if not windows:
        # a story's "today's meeting" and its "Cabinet next week (9 November)" need no stated year
        return _yearless_meetings(doc, own, own_day) + _todays_meetings(doc)
    out = []
    lowered = [text[ws:we].lower() for ws, we in windows]
    # every body pattern names a body: a window without a head word is passed over
    head = rules().head
    named = [head.search(text, ws, we) is not None for ws, we in windows]
    quick = _quick_tests()
    head_starts: list[list[int] | None] = [None] * len(windows)  # where a head word starts, per window (found once)
    for kind, pattern in _body_patterns().items():
        words = _NEEDS.get(kind, ())
        test = quick.get(kind)
        for i, ((ws, we), low, has_head) in enumerate(zip(windows, lowered, named, strict=True)):
            if not has_head or (words and not any(w in low for w in words)):
                continue  # the pattern needs a head word and one of these words
            if test is not None:
                starts = head_starts[i]
                if starts is None:
                    starts = head_starts[i] = [m.start() for m in _head_at().finditer(text, ws, we)]
                if not any(test.match(text, at, we) for at in starts):
                    continue  # no head word with what must follow it (a search of the window for the test)
            for m in pattern.finditer(text, ws, we):
                out.extend(_paired(doc, m, _bodies_of(doc, kind, m, own, ws)))
    # the rest all speak of a meeting ("at its meeting on", "when it next meets", "the minutes of the meeting held on")
    meets = [(ws, we) for (ws, we), low in zip(windows, lowered, strict=True) if "meet" in low]
    named_days: set[int] = set()  # the days a sentence gave to the body it names
    for ws, we in meets:
        for m in _its_meeting().finditer(text, ws, we):
            body = _body_in_sentence(doc, m.start(), own)
            if body is not None:
                out.extend(_dated(doc, m, body))
                named_days.add(m.start("date"))
    if own is not None:
        for pattern in _own_patterns():
            for ws, we in meets:
                for m in pattern.finditer(text, ws, we):
                    if m.start("date") not in named_days:  # "the Board would consider it at its next meeting on …"
                        out.extend(_dated(doc, m, own))
        for ws, we in ((w, e) for (w, e), low in zip(windows, lowered, strict=True) if "minutes" in low):
            for m in _minutes_item().finditer(text, ws, we):
                out.extend(_dated(doc, m, own))
    out.extend(_yearless_meetings(doc, own, own_day))
    out.extend(_todays_meetings(doc))
    return out


def _bodies_of(doc: Doc, kind: str, m: re.Match[str], own: str | None, ws: int) -> list[str]:
    """The bodies a match of :func:`_body_patterns`' ``kind`` names (one, or each of a joint meeting's), none when the
    match names no meeting (a paper sent to a body, a council that acts, another body nearer the day)."""
    text = doc.text
    if _SENT_TO.search(text, max(ws, m.start("body") - 40), m.start("body")):
        return []  # a paper sent to the body's members: no meeting
    if (gap := m.groupdict().get("gap")) and rules().head.search(gap):
        return []  # another body named between the name and the day: the day is the nearer one's
    raw = m.group("body")
    if kind == "dash":  # "Update from the Children's Improvement Board – 17 October 2018"
        raw = _name_at_end(raw)
        if raw is None or is_council(raw):
            return []
    bodies = []
    for part in joint_names(after_comma(raw)):
        body = body_name(part)
        if kind in _NOT_COUNCIL and body is not None and body.split()[-1] == "Council" and body != "Full Council":
            continue  # "The Council received the letter on …": the council acts, no meeting is said
        if body is None and part == "council":
            body = "Council"  # "the council meeting held on …": a meeting of the full council
        if body is None:
            body = bare_head(doc, part, own, m.start())
            if body is None and part in _LONE_LOWER:
                body = part  # "the council's cabinet": the body, as written
            if body is None:
                continue
        bodies.append(body)
    return bodies


def _paired(doc: Doc, m: re.Match[str], bodies: list[str]) -> list[MeetingRecord]:
    """The meetings of ``bodies`` on the days of ``m``'s date group: as many bodies as days are met one on each, in
    order ("approved by Cabinet and Full Council on 3 and 17 May 2023"), else each body on each day (a joint meeting,
    "the Health and Education Scrutiny Committees held on 2 April 2019")."""
    dated = [_dated(doc, m, body) for body in bodies]
    if len(bodies) > 1 and all(len(d) == len(bodies) for d in dated):
        return [d[i] for i, d in enumerate(dated)]
    return [x for d in dated for x in d]


#: Words one of which a kind of :func:`_body_patterns` needs (a quick test before the pattern).
_NEEDS = {
    "meeting_of": ("meeting",),
    "held": ("meeting", "held", "session"),
    "date_meeting": ("meeting",),
    "next": ("next",),
    "cell": ("|",),
    "by_after": (" by ",),
    "paper_again": ("last", "latest", "recent", "previous", "next"),
}
#: Kinds of :func:`_body_patterns` that say no more than that a name stands by a date: a council there is the
#: council, not its meeting ("leaving the Council on 4 May 2018", "Anyshire County Council received the letter on …").
_NOT_COUNCIL = frozenset({"subject", "next_to", "apposed", "by_after", "date_first", "timeline", "cell", "paper_again"})


_VENUE = (
    r"(?:(?:(?:to|due\s+to)\s+be\s+|being\s+)?held\s+(?:(?:at|in|remotely|virtually|online|via)\b[^\n.;]{0,80}?\s+)?)?"
)
#: A meeting's day set in advance, after the meeting's noun: "the Cabinet meeting scheduled for 30 September 2022"
_SET_FOR = r"(?:(?:(?:is|was|(?:due\s+)?to\s+be)\s+)?(?:scheduled|arranged|planned)\s+(?:for\s+)?)"
# the words between a body and "on <day>": not into a clause, nor past a participle that dates another event ("… received a
# report on the annual conversation held with Ofsted on 5 December 2023": the day is the conversation's)
# … nor "on <day>" right after another event's noun ("… noted the letter following the monitoring visit on 19 and 20
# March 2024": the days are the visit's)
_NOT_AN_EVENT = "".join(
    rf"(?<!\b{w})"
    for w in ("visit", "visits", "inspection", "inspections", "conversation", "review", "reviews", "letter")
)
# … nor past another date or another body's turn ("… to the Board in March 2024 and to Cabinet on 5 March 2024": the
# day is Cabinet's)
# … but "it" or "they" before "made" or "took" is the body again, what it did its own ("… submitted to the Cabinet
# before it made any decisions on the matters on 10 April 2018")
# … nor past a participle after a noun, with its complement ("Cabinet approved the plan submitted to Ofsted on 30 April
# 2024", "the Panel noted the letter sent by the Minister on …": the day is the plan's or the letter's)
_GAP = r"(?P<gap>(?:\s+(?!(?:that|which|who|when|where|because|but|and\s+(?:was|were|had|has|to|at|by|then)|held|carried|undertaken|conducted|completed|published|issued|(?<!\bit\s)(?<!\bthey\s)(?:took|made)|taking|visited|inspected|(?:19|20)\d\d|(?<=[a-z]\s)(?:[a-z]+ed|sent|written|given)\s+(?:to|by|from|for)(?=\s+(?:the\s+)?[A-Z]))\b)[^\s.;:]+){0,14}?)"


#: A paper sent to a body or its members, right before the body's name: the day is the paper's, no meeting ("A
#: briefing was circulated to Members of the Health and Wellbeing Board on 26 October 2021"); so a letter written to
#: a body ("Ofsted wrote to the Council on 3 May 2024", "in a letter to the Cabinet on …").
_SENT_TO = re.compile(
    r"(?i)\b(?:circulated|sent|e-?mailed|distributed|forwarded|copied|issued|wr(?:ote|itten|ites?)|letters?)"
    r"\s+(?:out\s+)?to\s+(?:all\s+)?(?:the\s+)?"
    r"(?:members\s+of\s+(?:the\s+)?)?$"
)
#: The head words news may write in lower case for a council's body ("the council's cabinet", "the committee").
_LOWER_HEADS = r"(?:cabinet|executive|committee|sub-committee|board|panel|forum|commission)"
#: Those that name a body alone: "the cabinet", "the council's executive".
_LONE_LOWER = frozenset({"cabinet", "executive"})
_NOT_A_ROOM = r"(?![ \t]+(?i:chamber|rooms?|suite|offices|member)\b)"


def _body_patterns() -> dict[str, re.Pattern[str]]:
    """The ways a text ties a named body to a day it met, each ending at or holding the date (group ``date``)."""
    return _patterns_for(DAY)


@cache
def _patterns_for(DAY: str) -> dict[str, re.Pattern[str]]:
    """:func:`_body_patterns` reading a day as ``DAY`` reads it (:data:`.meeting_rules.DAY`, or
    :data:`_DAY_NO_YEAR`)."""
    r = rules()
    name = (
        rf"(?:(?:[A-Z][\w’'&-]*(?:,(?=[ \t]+[A-Z]))?[ \t]+(?:(?:and|&|of|for|the|in|on|to)[ \t]+)*){{0,9}}{r.body_heads}"
        # … or, as news writes it, a head word in lower case after "the" or a council's ("the report will go before the
        # council's cabinet on 10 December 2024", "a meeting of the cabinet on …")
        # … or a name in lower case of words that name a body's subject ("the county council's children's services
        # scrutiny committee on 5 March 2024", "the corporate parenting panel on …")
        rf"|(?<=[Cc]ouncil['’]s[ \t])(?:{lower_name()}|(?-i:{_LOWER_HEADS}))|(?<=\bthe[ \t])(?:{lower_name()}|(?-i:{_LOWER_HEADS}))"
        # … or, as news writes the two bodies every council has, in lower case with no article ("the plan goes before
        # cabinet on 7 March 2024", "the leader told full council on 28 February")
        rf"|{BARE_LOWER}"
        # … or "council" in lower case before "meeting": the full council's ("the extraordinary council meeting", "a
        # full council meeting"); so "cabinet" and "executive" ("approved at a cabinet meeting on …")
        rf"|(?-i:(?:full[ \t]+)?council|cabinet|executive)(?=[ \t]+meetings?\b))"
    )
    # … not a room named after a body ("held in the Council Chamber on …", "Committee Room 5"), nor a post ("the
    # Cabinet Member for Children")
    body = rf"(?P<body>{name})(?![\w-]){_NOT_A_ROOM}"
    # a name with a qualifier of one or two words after a dash ("Improvement and Scrutiny Committee – People")
    qualifier = r"[ \t]+[-–—][ \t]+[A-Z][\w’'&-]*(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w’'&-]*)?"
    qualified = rf"(?P<body>{name}(?:{qualifier})?)(?![\w-]){_NOT_A_ROOM}"
    councils = r"(?:(?:[Cc]ounty\s+|[Cc]ity\s+|[Bb]orough\s+)?[Cc]ouncil['’]s\s+(?=[a-z]))?"  # "the council's cabinet"
    tails = _tails(DAY)
    takes_place = r"(?:took|takes|will\s+take|is\s+to\s+take|is\s+due\s+to\s+take)\s+place\s+"
    will_be = r"(?:(?:will|would|is\s+to|is\s+due\s+to|was\s+to)\s+be\s+|(?:was|were|is)\s+)?"
    adverb = r"(?:(?:last|also|then|first|subsequently|recently|previously|formally|duly|unanimously|both|jointly)\s+)?"
    return {
        # "You Matter to Us - Corporate Parenting Board - 18 April 2024", "Children's Partnership Board Update – 12
        # May 2021" (a previous meeting's minutes, a news title), an item of a list ("- Cabinet: 19 March 2024")
        "dash": re.compile(
            rf"^(?:[-–•*·▪][ \t]+)?(?i:minutes\s*(?:of\s+the\s+)?[-–—:]\s*)?(?P<body>(?:[A-Z][^\n]{{1,90}}?[ \t]+)?{r.body_heads})(?:[ \t]+{r.title_tails}){{0,2}}\s*[-–—,:]\s*{WEEKDAY}{DAY}",
            re.M,
        ),
        # "the minutes of the meeting of the Corporate Parenting Board held on 18 April 2024", "Minute 306 of the
        # meeting of this Committee, held on 4 September 2013" (the page's own body), "the joint meeting of
        # the Health and Education Scrutiny Committees held on 2 April 2019", "the next meeting of the Panel will be
        # held on 4 September 2019", "a special meeting of the Schools Forum took place on 12 July 2023"
        # … and a name with a qualifier after a dash: "the meeting of the Scrutiny Committee – People held on …"
        "meeting_of": re.compile(
            rf"\bmeetings?\s+of\s+(?:(?:the|this)\s+)?{councils}{qualified},?\s+(?:{will_be}{_VENUE}|{takes_place})(?:on|dated)\s+{WEEKDAY}{DAY}"
        ),
        # "the Corporate Parenting Board meeting held on 18 April 2024", "the Cabinet, at its meeting on …", "the
        # minutes of the Corporate Parenting Board held on …", "the Board's next meeting on 7 September 2022", "the
        # Committee, at their meeting of 6 July 2023"
        "held": re.compile(rf"\b{body}{tails['held']}"),
        # "presented to the Improvement Board by the Independent Chair … on 3rd October 2018"
        "to_on": re.compile(
            rf"\b(?:to|at|in|before|by)\s+(?:the\s+)?{councils}{body}{_GAP}{_NOT_AN_EVENT}\s+on\s+{WEEKDAY}{DAY}"
        ),
        # "The Education Scrutiny Panel reviewed the draft action plan on 4 March 2020", "The Schools Forum, which
        # met on 6 July 2023, …", "The Improvement Board last met on 12 July 2023"
        "subject": re.compile(rf"{body}{tails['subject']}"),
        # the date right after the name: "Full Council on 12 July 2023 adopted …", "the Children's Scrutiny
        # Committee of 12 July 2023", "reported to the Improvement Board (12 July 2023)", "approved by Cabinet, 3 May
        # 2023"
        "next_to": re.compile(rf"\b{body}{tails['next_to']}"),
        "apposed": re.compile(rf"\b{body}{tails['apposed']}"),
        # the day before the body that acted: "The plan was agreed on 8 November 2023 by Cabinet"
        "by_after": re.compile(
            rf"\b{r.meeting_verbs}\s+on\s+{WEEKDAY}{DAY},?\s+by\s+(?:the\s+)?{councils}{body}(?!\s+(?i:member)\b)"
        ),
        # the date first: "At its meeting on 12 July 2023, the Cabinet agreed …", "On 12 July 2023 the Corporate
        # Parenting Panel considered …", "On 12 July 2023 councillors on the Corporate Parenting Panel heard …", "the
        # 12 July 2023 meeting of the Cabinet", "the 12 July 2023 Cabinet meeting"
        "date_first": re.compile(
            rf"\b(?i:on|at\s+(?:its|their)\s+meeting\s+(?:held\s+)?(?:on|of))\s+{WEEKDAY}{DAY},?\s+(?:(?i:members|councillors)\s+(?:of|on|from)\s+)?(?:the\s+)?{body}(?:,|\s+{adverb}{r.meeting_verbs})"
        ),
        # a timeline's line: "12 March 2024: Cabinet approved the improvement plan", "- 5 June – the Panel met …"
        "timeline": re.compile(
            rf"^[ \t]*(?:[-–•*·▪][ \t]+)?{WEEKDAY}{DAY}[ \t]*[:–—-][ \t]*(?:the[ \t]+)?{councils}{body}\s+{adverb}{r.meeting_verbs}",
            re.M,
        ),
        # the body's name standing for its next meeting: "the next Improvement Board would be on 18th October 2017",
        # "The next Corporate Parenting Panel is scheduled for 4 March 2024", "the next Cabinet takes place on …"
        "next": re.compile(
            rf"\b(?i:next)\s+{body}(?:\s+(?i:meeting))?,?\s+(?:{will_be}|(?:will\s+)?takes?\s+place\s+|(?:is|was)\s+"
            rf"(?:due|scheduled|planned|set|expected)\s+|(?:will\s+|is\s+to\s+)?(?:meet|sit)\s+)?(?:held\s+)?(?:on|for)\s+{WEEKDAY}{DAY}"
        ),
        # the last or next of the papers a body receives, in a clause after its name: "Progress is reported to the
        # Improvement Board every quarter; the last report was on 16 January 2024"
        "paper_again": re.compile(
            rf"\b(?:to|before)\s+(?:the\s+)?{councils}{body}[^.;:\n]{{0,80}}?[;,]\s+(?:and\s+)?(?:the|its)\s+"
            rf"(?:last|latest|most\s+recent|previous|next)\s+{r.paper_nouns}\s+(?:was|is|will\s+be)\s+"
            rf"(?:(?:made|given|presented|taken|due|scheduled)\s+)?(?:on|for)\s+{WEEKDAY}{DAY}"
        ),
        # a table's row: the body in one cell, its day in the next ("| Cabinet | 5 March 2024 | Approved |")
        "cell": re.compile(rf"(?:^|\|)[ \t]*{body}[ \t]*\|[ \t]*{WEEKDAY}{DAY}[ \t]*(?:\||$)", re.M),
        "date_meeting": re.compile(
            rf"\b(?i:the)\s+{WEEKDAY}{DAY}\s+(?:(?i:meeting\s+of)\s+(?:the\s+)?{body}|(?-i:[A-Z])[\w’'&\s-]{{0,80}}?{r.body_heads}\s+meeting\b)"
        ),
    }


@cache
def _tails(DAY: str = DAY) -> dict[str, str]:
    """What follows the body's name in the kinds of :func:`_body_patterns` that open with it (the day read as ``DAY``
    reads it)."""
    r = rules()
    acronym = r"(?:[ \t]*\([A-Z][A-Za-z&]{1,9}\))?"  # "the Corporate Parenting Board (CPB)"
    held = r"held\s+(?:(?:at|in|remotely|virtually|online|via)\b[^\n.;]{0,80}?\s+)?"
    will_be = r"(?:(?:will|would|is\s+to|is\s+due\s+to|was\s+to)\s+be\s+|(?:was|were|is)\s+)?"
    adverb = r"(?:(?:last|also|then|first|subsequently|recently|previously|formally|duly|unanimously|both|jointly)\s+)?"
    return {
        # … or the day before the meeting's noun: "the Corporate Parenting Board at its 5 March 2024 meeting", "the
        # Children's Scrutiny Panel's 6 March 2024 meeting"
        "held": rf"{acronym}(?:(?:['’]s\s+(?:(?:next|last|previous|first|recent)\s+)?meeting\s+{will_be}{_VENUE}|\s+[Mm]eeting\s+(?:{_SET_FOR}|{_VENUE})|,?\s+at\s+(?:its|their)\s+(?:(?:next|last|previous|recent)\s+)?(?:meeting|session)\s+{_VENUE}|\s+{held})(?:on\s+|(?<=[Mm]eeting\s)of\s+|(?<=\sfor\s))"
        rf"|(?:,?\s+at\s+(?:its|their|the)\s+|['’]s\s+)(?P<its>)){WEEKDAY}{DAY}(?(its)\s+(?:meeting|session)\b)",
        # an apposition may stand between the name and its verb: "The Improvement Board, chaired by …, met on …"
        # … in brackets or between dashes too: "The Board (which meets every quarter) last met on …"
        "subject": rf"{acronym}(?:,[ \t]+(?!which|that|who)[^,.;:\n]{{1,80}}?,|[ \t]*\([^()\n]{{1,80}}\)|[ \t]+[–—][ \t]+[^–—\n]{{1,80}}?[ \t]+[–—])?,?\s+(?:(?:which|that|who)\s+)?{adverb}{r.meeting_verbs}{_GAP}{_NOT_AN_EVENT}\s+on\s+{WEEKDAY}{DAY}",
        # … "Cabinet (on 12 March 2024)", "Cabinet on Tuesday (12 March 2024)"
        # … "the Cabinet report of 7 February 2024" (a paper dated by its meeting)
        # … the day right after the name, as lists and brackets give it: "(approved by Cabinet 10 April 2018)",
        # "Scrutiny Committee 5 March 2024: update", "the report to Cabinet dated 10 April 2018"
        "next_to": rf"(?:\s*\(\s*(?:on\s+)?|,[ \t]*|[ \t]+|\s+(?:on|of|dated)\s+(?:(?i:{_WEEKDAY_NAME})\s*\(\s*)?"
        rf"|(?:['’]s)?\s+{r.paper_nouns}\s+(?:of|dated|on)\s+){WEEKDAY}{DAY}",
        # the day between the name and its verb, as an apposition, after a clause of its own or not: "The Schools
        # Forum, meeting on 16 January 2024, agreed …", "The Scrutiny Committee, on 9 January 2024, received …", "The
        # Health and Wellbeing Board, which the leader chairs, on 5 March 2024 agreed …"
        "apposed": rf"{acronym}(?:,[ \t]+(?!(?:meeting|sitting|on|held)\b)[^,.;:\n]{{1,80}}?)?,?\s+(?:(?:meeting|sitting)\s+)?on\s+{WEEKDAY}{DAY},?\s+{adverb}{r.meeting_verbs}",
    }


@cache
def _quick_tests() -> dict[str, re.Pattern[str]]:
    """For the kinds of :func:`_body_patterns` that open with the body's name: its head word and what follows it,
    a quick test of a window before the full pattern (whose name may start at any capital)."""
    # (a head word in either case: news writes "the council's children's services scrutiny committee"; each is
    # matched only where :func:`_head_at` finds a head word, speed only)
    return {kind: re.compile(rf"(?i:{rules().body_heads})(?![\w-]){tail}") for kind, tail in _tails().items()}


@cache
def _head_at() -> re.Pattern[str]:
    """Where a match of :func:`_quick_tests` can start: a head word in either case (anywhere, not only at a word's
    start), found once for a window; a quick test is then matched at these places only, not searched for over the
    window once for each kind (speed only). Led by a look-ahead on the letters a head word starts with: a search
    gives up at once at every other position."""
    heads = rules().body_heads
    firsts = first_letters(heads, re.I)
    ahead = f"(?=(?i:[{firsts}]))" if firsts else ""
    return re.compile(rf"{ahead}(?=(?i:{heads})(?![\w-]))")


@cache
def _own_patterns() -> tuple[re.Pattern[str], ...]:
    """An earlier or later meeting the text leaves unnamed: the page's own body's ("the minutes of the meeting held
    on 2 April 2019", "the minutes of the meetings held on 25th May 2014 and 10th June 2014" (one each), "Last
    meeting's minutes (20 September 2023)", "the 29 September 2021 meeting", "Date of next
    meeting: 4 September 2019", "The next meeting is scheduled for 4 March 2024")."""
    return (
        re.compile(
            rf"(?i:\b(?:minutes|record|notes|records|decisions)\s+of\s+the\s+(?:previous\s+|last\s+)?meetings?,?\s+{_VENUE}(?:on\s+|of\s+|dated\s+|\(\s*)?){WEEKDAY}{DAY}"
        ),
        re.compile(
            rf"(?i:\b(?:last|previous)\s+meeting['’]s\s+(?:minutes|notes)\s*(?:of\s+|from\s+|[-–—:(]\s*)?){WEEKDAY}{DAY}"
        ),
        re.compile(rf"(?i:\bthe\s+){DAY}\s+meeting\b(?!\s+of\b)"),
        re.compile(
            rf"(?i:\b(?:date\s+of\s+(?:the\s+)?next\s+meeting|next\s+meeting)\s*[:\-–—]?\s*(?:(?:is|will\s+be|has\s+been)\s+)?"
            rf"(?:(?:held|scheduled|arranged|planned|due|set)\s+(?:on|for)\s+|(?:will\s+)?takes?\s+place\s+on\s+|on\s+)?){WEEKDAY}{DAY}"
        ),
    )


@cache
def _minutes_item() -> re.Pattern[str]:
    """An item of the page's own body's agenda that is the minutes of its earlier meeting, titled by that meeting's
    day alone: "MINUTES FOR SIGNATURE - 24 JUNE 2015", "Draft Minutes - 16 September 2015", "Minutes: 4 March 2024",
    numbered: "2 Minutes, 26th September 2023"."""
    return re.compile(
        rf"(?im:^[ \t]*(?:\d{{1,3}}[.)]?[ \t]+)?(?:(?:draft|confirmed|unconfirmed|previous)\s+)?minutes(?:\s+for\s+"
        rf"(?:signature|approval|confirmation))?[ \t]*[-–—:,][ \t]*){WEEKDAY}{DAY}[ \t]*(?=\n|\Z)"
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
        rf"|when\s+it\s+(?:next\s+)?meets,?\s+on|(?:will|is\s+due\s+to|is\s+to)\s+(?:next\s+)?meet\s+(?:again\s+)?on)\s+){WEEKDAY}{DAY}"
    )


def _body_in_sentence(doc: Doc, pos: int, own: str | None) -> str | None:
    """The body a sentence's "its meeting" at ``pos`` is of: the last body it names before ``pos`` (a head word alone,
    "the Board", as the page's own or the nearest full name with that head; a name cut short, "the Scrutiny
    Committee", as the fuller name the sentence gives before it, "the Performance Scrutiny Committee"), else the
    page's own body."""
    start, _ = doc.sentence_around(pos, pos)
    named = list(named_body().finditer(doc.text, start, pos))
    for i in range(len(named) - 1, -1, -1):
        raw = after_comma(named[i].group(0))
        if raw[:1].islower():
            return raw  # "the council's executive"
        body = body_name(raw)
        if body is not None and not is_council(body) and body != "Council":
            return _fuller(body, [after_comma(n.group(0)) for n in named[:i]])
        if len([w for w in raw.split() if w.lower() not in rules().not_body_words]) == 1:
            return bare_head(
                doc, raw, own, named[i].start()
            )  # "the Panel": the page's own, the nearest full name, or none
    return own


def _fuller(body: str, before: list[str]) -> str:
    """``body``, or the fuller name among ``before`` that it cuts short ("Scrutiny Committee" after "Performance
    Scrutiny Committee")."""
    for raw in reversed(before):
        name = body_name(raw)
        if name is not None and name.endswith(" " + body):
            return name
    return body


#: The characters a match of :data:`.meeting_rules.DAY` can start with: a digit, "the", a month's initial in either case
#: (and "ſ", which a case-insensitive "s" matches).
_DAY_FIRSTS = r"[\dTtJjFfMmAaSs\u017fOoNnDd]"
#: Where a date a meeting pattern ends at can be: the patterns are run only on the text around these (led by a
#: look-ahead on its first characters: a search gives up at once at every other position, speed only).
_ANY_DAY = re.compile(f"(?={_DAY_FIRSTS}){DAY}")
#: A year not in a longer number: "(?<!\d)(?:19|20)\d\d(?!\d)", its first digit first (speed only: a search skips to it);
#: or the separator and two figures of a year that end a day in figures ("12.07.23", "12/7/23"; led by the separator,
#: so that a search still skips along the text: speed only).
_FOUR_DIGITS = re.compile(
    r"(?:1(?<!\d1)9|2(?<!\d2)0)\d\d(?!\d)|[/.](?:(?<=\d[/.]\d\d[/.])|(?<=\d[/.]\d[/.]))\d\d(?![\d/.])"
)
_WINDOW = 400


def _windows(text: str, limit: int) -> list[tuple[int, int]]:
    """The stretches of ``text[:limit]`` a meeting pattern can match in: from a line start well before each stated
    day (no pattern reaches further back) to the end of the line after it, joined where they overlap."""
    out: list[tuple[int, int]] = []
    for y in _FOUR_DIGITS.finditer(text, 0, limit):
        # a day holds a year: "12 July 2023", "12/07/2023", "2023-07-12", "12.07.23"
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


_FIELD_LABEL = re.compile(r"^[A-Z][\w’']*(?:[ \t]+[\w’']+){0,2}[ \t]*:[ \t]+(?=[A-Z])")


def _name_at_end(title: str) -> str | None:
    """The body's name that ends a title: the title when it is one, else what follows its last word that is not
    capitalised nor a connector ("Update from the Children's Improvement Board" → "the Children's Improvement
    Board"); None when that names no body. A field's label before the name is no part of it ("Consultation:
    Children's Scrutiny Panel")."""
    title = _FIELD_LABEL.sub("", title)
    if names_a_body(title):
        return title
    words = title.split()
    k = max(
        (i for i, w in enumerate(words) if w.strip(",;:()'’\"")[:1].islower() and w.lower() not in CONNECTORS),
        default=-1,
    )
    tail = " ".join(words[k + 1 :])
    return tail if tail and names_a_body(tail) else None


#: A meeting dated to a day without its year: "at its meeting on November 1", "the Full Council meeting on 1 November"
#: (not "on 1 November 2023": a full day is read by the patterns above).
_YEARLESS = re.compile(  # (the look-arounds first, on where a match can start, are for speed)
    r"(?=(?i:m))(?<!\w)"
    rf"(?i:\bmeeting\s+(?:(?:to\s+be\s+|being\s+)?held\s+)?on\s+){WEEKDAY}"
    rf"(?P<date>\d{{1,2}}(?i:st|nd|rd|th)?\s+(?i:of\s+)?{MONTH}|{MONTH}\s+\d{{1,2}}(?i:st|nd|rd|th)?)\b"
    r"(?![ \t]*,?[ \t]*(?:\d|(?i:st|nd|rd|th)\b))"
)


_WEEKDAY_NAME = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
#: A news story's day of a meeting: a day word with the date in brackets, no year ("presented an update to the
#: council's cabinet tonight (December 3)", "… discussed the report on Tuesday (5 March)", "is due to be approved by
#: the council's Cabinet next week (9 November)", "last night (Thursday,
#: November 7)", "on Tuesday, December 10"), after the body the sentence names.
_NEWS_DAY = re.compile(
    # (its first letter first, then the rest of the word that letter starts, picked by a look-behind: a search skips
    # along to those letters, speed only; the same matches as "(?<!\w)(?i:tonight|today|…)")
    r"[LlOoTtYyNn](?<!\w.)"
    r"(?:(?P<paren>(?i:(?:(?<=[Tt])(?:onight|oday|omorrow|his\s+(?:evening|morning|afternoon|week))"
    r"|(?<=[Ll])(?:ast\s+night|ater\s+this\s+(?:week|month)|ast\s+(?:week|month))"
    r"|(?<=[Yy])esterday|(?<=[Nn])ext\s+(?:week|month)"
    rf"|(?<=[Oo])n\s+{_WEEKDAY_NAME})\s*\(\s*)){WEEKDAY}"
    # … or the weekday and its day with no brackets: "on Tuesday, December 10", "on Wednesday 4 September"
    rf"|(?<=[Oo])(?i:n\s+{_WEEKDAY_NAME},?\s+(?:the\s+)?))"
    rf"(?P<date>\d{{1,2}}(?i:st|nd|rd|th)?\s+{MONTH}|{MONTH}\s+\d{{1,2}}(?i:st|nd|rd|th)?)"
    r"(?(paren)\s*\)|\b(?![ \t]*,?[ \t]*\d))"
)
#: What the words between a body and a news story's day may not hold: the day is then what someone said or published
#: ("The Improvement Board's chair said today (3 December) …").
_NOT_MET = re.compile(
    r"(?i)\b(?:said|says|told|announced|published|released|wrote|added|confirmed|inspect\w*|visit\w*)\b"
)
_NEWS_GAP = 120


def _news_body(doc: Doc, pos: int) -> str | None:
    """The body a news story's day at ``pos`` is of: the last the sentence names before it, not far before it, with
    nothing said or published between."""
    start, _ = doc.sentence_around(pos, pos)
    named = list(named_body().finditer(doc.text, max(start, pos - _NEWS_GAP - 160), pos))
    if not named:
        return None
    last = named[-1]
    if pos - last.end() > _NEWS_GAP or _NOT_MET.search(doc.text, last.end(), pos):
        return None
    return _body_in_sentence(doc, pos, None)


#: A day and month with no year after "on" ("on 29 June", "on June 29th"), the year not given after it.
_BARE_DAY = re.compile(  # (the look-behind after "on": a search skips along to the next "on" in C, for speed)
    r"on(?<=\son)\s+(?:the\s+)?"
    rf"(?P<date>\d{{1,2}}(?i:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|{MONTH}\s+\d{{1,2}}(?i:st|nd|rd|th)?)\b"
    r"(?![ \t]*,?[ \t]*(?:\d|(?i:st|nd|rd|th)\b))"
)


def _named_right_before(doc: Doc, pos: int) -> str | None:
    """The body named right before ``pos`` (its name ending one space before it, "… scrutiny panel on 29 June"):
    a full name, not a council nor a post; else None."""
    if _ends_in_head().search(doc.text, max(0, pos - 30), pos) is None:
        return None  # (a quick test before the names)
    start = max(0, pos - 200)
    last = None
    for m in named_body().finditer(doc.text, start, pos):
        last = m
    if last is None or last.end() != pos - 1:
        return None
    raw = after_comma(last.group(0))
    body = raw if raw[:1].islower() and len(raw.split()) > 1 else body_name(raw)
    if body is None or is_council(body) or len(body.split()) < 2 or _MONTH_OR_DAY.match(body):
        return None  # (not "March and the Board": a date's month, then a body)
    return body


@cache
def _ends_in_head() -> re.Pattern[str]:
    """A head word right before the end of the searched span (one space after it)."""
    return re.compile(rf"(?i:{rules().body_heads})[ \t]$")


_MONTH_OR_DAY = re.compile(rf"{MONTH_OR_WEEKDAY_NAME}\b")


def _yearless_meetings(doc: Doc, own: str | None, own_day: PartialDate | None) -> list[MeetingRecord]:
    """Meetings the text dates to a day without a year ("The council's cabinet will discuss the report at its meeting
    on November 1", a news story's "the council's cabinet tonight (December 3)"): the body the sentence names (else,
    for a meeting, the page's own), in the year that puts the day nearest the page's own date (a dateline, "Date of
    decision", else its own meeting's day); none on a page that gives no date of its own."""
    limit = min(len(doc.text), WIDE_SCAN_LIMIT)
    low = doc.text[:limit].lower() if doc.folds_simply else None  # (for the word pre-checks: speed only)
    found = [(m, False) for m in (_YEARLESS.finditer(doc.text, 0, limit) if may_hold(low, _YEARLESS) else ())]
    found += [(m, True) for m in (_NEWS_DAY.finditer(doc.text, 0, limit) if may_hold(low, _NEWS_DAY) else ())]
    named = [m for m in _BARE_DAY.finditer(doc.text, 0, limit) if _named_right_before(doc, m.start())]
    bare = list(_NO_YEAR.finditer(doc.text, 0, limit))
    if not found and not named and not bare:
        return []
    anchor = doc.source.published or segment_date(doc) or dateline(doc) or own_day
    if anchor is None or anchor.precision != "day":
        return []
    out = _yearless_in_frames(doc, own, anchor, bare)
    for m in named:  # "told the council's children's services scrutiny panel on 29 June that …"
        body = _named_right_before(doc, m.start())
        days = [d for d in _days_around(m.group("date"), anchor) if d.precision == "day"]
        if body is not None and days:
            day = min(days, key=lambda d: abs((d.bounds()[0] - anchor.bounds()[0]).days))
            out.append(MeetingRecord(body, day, doc.evidence(*doc.sentence_around(m.start(), m.end()))))
    for m, news in found:
        body = _news_body(doc, m.start()) if news else _body_in_sentence(doc, m.start(), own)
        if body is None:
            continue
        start, end = m.start("date"), m.end("date")
        if news:  # "(December 3)": the dates reader wants "on" before a month and its day
            days = _days_around(m.group("date"), anchor)
        else:
            days = [d.date for k in (False, True) for d in doc.dates_in(start, end, anchor, future=k)[:1]]
        days = [d for d in days if d.precision == "day"]
        if days:
            day = min(days, key=lambda d: abs((d.bounds()[0] - anchor.bounds()[0]).days))
            out.append(MeetingRecord(body, day, doc.evidence(*doc.sentence_around(m.start(), m.end()))))
    return out


#: A day and month with no year after them, the month's name in full or cut short ("5 June", "June 5th", "28 Feb"):
#: where :func:`_yearless_in_frames` looks.
_MONTH_NAME = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?(?![\w-])"
)
_DAY_NO_YEAR = (
    rf"(?P<date>(?i:the\s+)?(?:\d{{1,2}}(?i:st|nd|rd|th)?\s+(?i:of\s+)?{_MONTH_NAME}|{_MONTH_NAME}\s+\d{{1,2}}(?i:st|nd|rd|th)?\b))"
    r"(?![ \t]*,?[ \t]*(?:\d|(?i:st|nd|rd|th)\b))"
)
#: (Searched over the whole page: at a word's start only, and one whose first letter can open a match, "the", a
#: digit or a month's initial; speed only, the same days on every real page, 4× faster.)
_NO_YEAR = re.compile(r"\b(?=[\dTtJjFfMmAaSsOoNnDd])" + _DAY_NO_YEAR.replace("(?P<date>", "(?:", 1))
#: The kinds of :func:`_body_patterns` read with a day of no year (not a title's or a table's).
_PROSE_KINDS = (
    "meeting_of",
    "held",
    "to_on",
    "subject",
    "next_to",
    "apposed",
    "by_after",
    "date_first",
    "timeline",
    "next",
)


def _yearless_in_frames(
    doc: Doc, own: str | None, anchor: PartialDate, bare: list[re.Match[str]]
) -> list[MeetingRecord]:
    """The meetings the sentences around ``bare`` (days with no year) tie to a named body in the ways
    :func:`_body_patterns` reads a full day ("At its meeting on 5 June, Cabinet agreed …", "The Panel met on 28
    February", "Cabinet will be asked to approve the plan on 9 April"), each day in the year that puts it nearest
    ``anchor`` (the page's own date)."""
    out: list[MeetingRecord] = []
    spans: list[tuple[int, int]] = []
    for b in bare:
        s, e = doc.sentence_around(b.start(), b.end())
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
        else:
            spans.append((s, e))
    patterns = _patterns_for(_DAY_NO_YEAR)
    head = rules().head
    for s, e in spans:
        if head.search(doc.text, s, e) is None:
            continue  # every pattern names a body
        for kind in _PROSE_KINDS:
            for m in patterns[kind].finditer(doc.text, s, e):
                days = [d for d in _days_around(m.group("date"), anchor) if d.precision == "day"]
                if not days:
                    continue
                day = min(days, key=lambda d: abs((d.bounds()[0] - anchor.bounds()[0]).days))
                ev = doc.evidence(*doc.sentence_around(m.start(), m.end()))
                out.extend(MeetingRecord(body, day, ev) for body in _bodies_of(doc, kind, m, own, s))
    return out


#: A meeting the story dates by the day it was written: "at today's Full Council meeting", "tonight's meeting of the
#: Cabinet", "yesterday's Corporate Parenting Board" (group ``when``; the body in ``body`` or ``of``).
_TODAYS = re.compile(  # (the look-ahead, on what a match can start with, is for speed)
    r"(?=[TtYyLl])\b(?P<when>(?i:today|tonight|yesterday|this\s+(?:morning|afternoon|evening)|last\s+night))['’]s[ \t]+"
)


#: What a match of :data:`_TODAYS` ends with: a possessive's "'s" …
_POSSESSIVE = re.compile(r"['’]s[ \t]")
#: … after a word that ends so ("today", "yesterday", "tonight", "night", "morning", "evening", "afternoon").
_DAY_WORD_ENDS = ("day", "night", "ing", "noon")


def _may_name_today(text: str, limit: int) -> bool:
    """Whether ``text[:limit]`` may hold a match of :data:`_TODAYS`: False when no "'s" in it follows a word that a
    day word ends with (lower case), a quick test before the pattern (speed only; exact when the text folds simply,
    :attr:`Doc.folds_simply`)."""
    return any(
        text[max(0, m.start() - 5) : m.start()].lower().endswith(_DAY_WORD_ENDS)
        for m in _POSSESSIVE.finditer(text, 0, limit)
    )


def _todays_meetings(doc: Doc) -> list[MeetingRecord]:
    """The meetings a dated story names by the day it was written ("Staff were commended at today's Full Council
    meeting", "… at yesterday's meeting of the Schools Forum"): the body named, on the page's date (the day before for
    "yesterday's", "last night's"); none on a page that gives no day of its own."""
    limit = min(len(doc.text), WIDE_SCAN_LIMIT)
    # … or after its name: "in a meeting of the full council today" (a quick test first: speed only)
    after = list(_todays_after().finditer(doc.text, 0, limit)) if "meeting of" in doc.text[:limit] else []
    if doc.folds_simply and not after and not _may_name_today(doc.text, limit):
        return []  # (a quick test first: speed only)
    found = list(_TODAYS.finditer(doc.text, 0, limit)) + after
    if not found:
        return []
    anchor = doc.source.published or segment_date(doc) or dateline(doc)
    if anchor is None or anchor.precision != "day":
        return []
    out = []
    for m in found:
        named = m if "body" in m.groupdict() else _todays_body().match(doc.text, m.end(), limit)
        if named is None:
            continue
        body = "Full Council" if named.group("body").lower() == "full council" else body_name(named.group("body"))
        if body is None or (is_council(body) and body != "Full Council"):
            continue
        day = date(anchor.year, anchor.month or 1, anchor.day or 1)
        if m.group("when").lower() in ("yesterday", "last night"):
            day -= timedelta(days=1)
        ev = doc.evidence(*doc.sentence_around(m.start(), named.end()))
        out.append(MeetingRecord(body, PartialDate(day.year, day.month, day.day), ev))
    return out


def _story_body() -> str:
    """A body's name as a story dates it by its own day: capitalised words ending in a head word, or a full council
    in lower case ("the full council")."""
    heads = rules().body_heads
    return rf"(?:[A-Z][\w’'&-]*[ \t]+(?:(?:and|&|of|for|the|in|on|to)[ \t]+)*){{0,9}}{heads}|(?-i:full[ \t]+council)"


@cache
def _todays_body() -> re.Pattern[str]:
    """The body after "today's": "Full Council meeting", "meeting of the Cabinet", "Corporate Parenting Board" (a
    full council in lower case too, as news writes it)."""
    return re.compile(rf"(?:(?i:meeting\s+of)\s+(?:the\s+)?)?(?P<body>{_story_body()})(?![\w-]){_NOT_A_ROOM}")


@cache
def _todays_after() -> re.Pattern[str]:
    """A meeting of a body the story dates by its day after the name: "in a meeting of the full council today",
    "at a meeting of the Cabinet yesterday"."""
    return re.compile(
        rf"\bmeeting\s+of\s+(?:the\s+)?(?P<body>{_story_body()})[ \t]+"
        r"(?P<when>today|tonight|yesterday|this\s+(?:morning|afternoon|evening)|last\s+night)\b"
    )


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _days_around(day_month: str, anchor: PartialDate) -> list[PartialDate]:
    """A day and month without a year ("December 3", "3rd Dec") in the year before, of and after ``anchor``."""
    words = re.findall(r"[A-Za-z]+|\d+", day_month)
    month = next((_MONTHS.index(w[:3].lower()) + 1 for w in words if w[:3].lower() in _MONTHS), None)
    day = next((int(w) for w in words if w.isdigit()), None)
    if month is None or day is None:
        return []
    out = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            date(year, month, day)
        except ValueError:
            continue
        out.append(PartialDate(year, month, day))
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
    pairs = _DAY_OF_MONTH.findall(doc.text, m.start("date"), m.end("date"))
    last_day = dates[-1].until or dates[-1].date
    if len(pairs) > 1 and last_day.precision == "day":  # "1 April and 13 May 2008": a meeting on each, one year
        months = [MONTHS.get(month.lower().rstrip(".")) for _, month in pairs]
        if all(months):
            return [
                MeetingRecord(body, PartialDate(last_day.year, n, int(d)), ev)
                for (d, _), n in zip(pairs, months, strict=True)
            ]
    last = dates[-1].until or dates[-1].date
    days = _LISTED_DAY.findall(doc.text, m.start("date"), m.end("date"))
    if len(days) < 2 or last.precision != "day":
        return [MeetingRecord(body, dates[0].date, ev)]
    return [MeetingRecord(body, PartialDate(last.year, last.month, int(d)), ev) for d in days]


_FULL_DAY_RE = re.compile(FULL_DAY)
#: A day and its month in a list of days ("1 April", "13th May").
_DAY_OF_MONTH = re.compile(rf"(?<![\d/.-])(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})")
#: A day of a list of days ("3", "10th") before its month.
_LISTED_DAY = re.compile(r"(?<![\d/.-])(\d{1,2})(?:st|nd|rd|th)?(?=\s*,|\s+(?:and|&)\s|\s+(?:of\s+)?[A-Za-z])")


#: A work programme's column of meeting days, by its header cell: "Meeting date", "Date of meeting", "Committee date"
#: (in any column), or "Date" and "Meeting" in the first.
_PROGRAMME_DATE = re.compile(
    r"(?i)[ \t]*(?:(?:meeting|committee|cabinet|board|panel|forum)\s+date|date\s+of\s+(?:the\s+)?(?:meeting|committee"
    r"|panel|board|cabinet))[ \t]*$"
)
_PROGRAMME_FIRST = re.compile(r"(?i)[ \t]*(?:date|meeting)[ \t]*$")


@cache
def _cell_day() -> re.Pattern[str]:
    return re.compile(rf"[ \t]*{WEEKDAY}{DAY}[ \t]*$")


def _programme_column(cells: list[str]) -> int | None:
    """The column of meeting days a work programme's header row (``cells``) names, if it is one (two cells or more)."""
    if len(cells) < 2:
        return None
    if _PROGRAMME_FIRST.match(cells[0]):
        return 0
    return next((k for k, c in enumerate(cells) if _PROGRAMME_DATE.match(c)), None)


def programme_rows(doc: Doc, own: str) -> list[MeetingRecord]:
    """The meetings of a work programme's table, one a row under a header that names a column of meeting days
    ("Meeting date | Item | …", "Item | Lead officer | Committee date"): the page's own body's, unless the row's next
    cell is a body's name (a report's route to decision under "Date | Meeting": "19 March 2024 | Cabinet")."""
    out: list[MeetingRecord] = []
    column: int | None = None
    if "|" not in doc.text[: doc.limit]:
        return out
    for start, end, _ in doc.lines_in(0, doc.limit):
        cells = doc.text[start:end].split("|")
        head = _programme_column(cells)
        if head is not None:
            column = head
            continue
        if column is None:
            continue
        at = start + sum(len(c) + 1 for c in cells[:column])
        m = _cell_day().match(doc.text, at, at + len(cells[column])) if column < len(cells) else None
        if m is None:
            column = None
            continue
        cell = cells[column + 1].strip() if column + 1 < len(cells) else ""
        named = body_name(cell) if names_a_body(cell) else None
        out.extend(_dated(doc, m, named if named is not None and not is_council(named) else own))
    return out
