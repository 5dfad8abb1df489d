"""Date expressions in council prose, at the precision the text gives.

``find_dates`` returns every date expression in a span of text with its character offsets: days
("16 May 2018", "16/07/2019"), ranges ("16 and 17 April 2024", "2 March to 13 March 2020",
"October-November 2019"), months ("September 2021", "late-November 2019"), seasons ("Spring 2022" → 2022), years
("in 2010"), and relative expressions ("last month", "in June", "this year", "between November and December last
year", "published today") resolved against the document's own date when one is known. Nothing is invented: a month without a year and no anchor is dropped,
and a season gives only its year.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as _date
from datetime import timedelta

from caregraph.pipeline.casefold import fold, folds_simply, holds_any
from caregraph.records import PartialDate

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
#: The months' names in full, as a regular expression's alternatives ("january|february|…"; compile with re.I).
MONTH_NAMES = "|".join(max((k for k, n in MONTHS.items() if n == month), key=len) for month in range(1, 13))
_M = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:19[89]\d|20[0-4]\d)"
_SEASON = r"(?:spring|summer|autumn|winter|fall)"
#: A news page's link label left in its text after a linked year: "rated inadequate in 2016, external and 2018".
_EXTERNAL = r"(?:,\s*external)?"
# Cheap first tests, so that a pattern gives up at once where no month or year can start (speed only).
_AT_MONTH = r"(?=[adfjmnos])"
_AT_YEAR = r"(?=[12]\d\d\d)"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
#: A weekday's name, as the group ``wd`` ("Wednesday").
_WD = r"(?P<wd>(?-i:[MTWFS])(?:onday|uesday|ednesday|hursday|riday|aturday|unday))"
_QUAL = r"(?:(?:early|mid|late|end\s+of|beginning\s+of|the\s+end\s+of)[\s-]+)?"
#: A season as the date finder reads one, with its qualifier ("autumn", "late spring", "the end of summer"): what
#: other finders test a date's words against.
SEASON = re.compile(rf"(?i){_QUAL}{_SEASON}\b")
# A range's separator, and a weekday before its second day ("Monday 2nd and Friday 13th December 2024").
# "between the 23rd January and the 16th February 2017", "from the 3rd to the 7th of March", "until Friday the 13th":
# "the" before a day.
_RANGE = r"\s*(?:-|–|—|/|&|to|and|until|till|through)\s*(?:the\s+)?" + _WEEKDAY + r"(?:the\s+)?"
# Months also range with "or" ("late June or early July 2022": the visit fell in one of them).
_MONTH_RANGE = r"\s*(?:-|–|—|/|&|to|and|or|until|till|through)\s*"
#: A split year, financial or academic: "2024/25", "2024-25", "2024/2025" (its second year the first's next).
_SPLIT_YEAR = rf"(?P<y1>{_Y})\s*[/–-]\s*(?P<y2>\d\d(?:\d\d)?)\b(?![/–-]\d)(?:\s+(?:financial|fiscal)\s+year\b)?"
#: "financial year", "fiscal year", "year" before a split year ("the financial year 2024/25").
_FY_WORDS = r"(?:(?:(?:financial|fiscal)\s+)?year\s+)"
#: Lookbehinds for a month a thing is moved to: "deferred to September", "postponed until May", "put back to June"
#: (as alternatives).
_MOVED_TO = "|".join(
    rf"(?<=\b{verb}\s{to}\s)"
    for to in ("to", "until", "till")
    for verb in (
        "deferred", "postponed", "moved", "delayed", "rescheduled", "adjourned", r"put\sback", r"pushed\sback",
        r"moved\sback", r"brought\sforward",
    )
)  # fmt: skip
_NUMERIC_DAY = rf"(?P<{{d}}>[0-3]?\d)[/.](?P<{{m}}>[01]?\d)[/.](?P<{{y}}>{_Y})"


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the text given to find_dates
    end: int
    date: PartialDate
    until: PartialDate | None = None  # end of a range
    relative: bool = False

    @property
    def text_span(self) -> tuple[int, int]:
        return self.start, self.end


def finer_within(fine: DateMention, coarse: DateMention) -> bool:
    """Whether ``fine`` is given more finely than ``coarse`` and lies within it ("28 February to 4 March 2022"
    within "2022", "4-22 July 2022" within "July 2022")."""
    lo, hi = coarse.date.iso(), (coarse.until or coarse.date).iso()
    start, end = fine.date.iso(), (fine.until or fine.date).iso()
    if len(start) <= len(lo) or len(end) < len(hi) or (fine.until is None and coarse.until is not None):
        return False
    return start[: len(lo)] >= lo and end[: len(hi)] <= hi


def _pd(year: str | int, month: str | int | None = None, day: str | int | None = None) -> PartialDate | None:
    y = int(year)
    m = (
        MONTHS[fold(month).rstrip(".")]
        if isinstance(month, str) and not month.isdigit()
        else (int(month) if month is not None else None)
    )
    d = int(re.sub(r"\D", "", day)) if isinstance(day, str) else day
    try:
        return PartialDate.of(y, m, d)  # checked against the calendar
    except ValueError:
        return None


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # between January and 1 February 2022 ; from March to 4 April 2023 (a month to a day of a later month)
    (
        "m_to_d_m_y",
        re.compile(
            rf"{_AT_MONTH}(?:(?<=\bbetween\s)|(?<=\bfrom\s))(?P<m1>{_M})\s+(?:and|to|until|till)\s+(?:the\s+)?"
            rf"(?P<d>{_D})\s+(?:of\s+)?(?P<m2>{_M})\s*,?\s*(?P<y>{_Y})\b",
            re.I,
        ),
    ),
    # 16 and 17 April 2024 ; 8-12 July 2019 ; between 8 and 12 July 2019
    ("d_d_m_y", re.compile(rf"\b(?P<d1>{_D}){_RANGE}(?P<d2>{_D})\s+(?:of\s+)?(?P<m>{_M})\s*,?\s*(?P<y>{_Y})\b", re.I)),
    # 2 March to 13 March 2020 ; 28 February - 4 March 2020 ; 20 June and 13 July, 2017
    (
        "d_m_d_m_y",
        re.compile(
            rf"\b(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_M}){_RANGE}(?P<d2>{_D})\s+(?:of\s+)?(?P<m2>{_M})\s*,?\s*(?P<y>{_Y})\b",
            re.I,
        ),
    ),
    # 28 November 2016 to 2 December 2016
    (
        "d_m_y_d_m_y",
        re.compile(
            rf"\b(?P<d1>{_D})\s+(?P<m1>{_M})\s*,?\s*(?P<y1>{_Y}){_RANGE}(?P<d2>{_D})\s+(?P<m2>{_M})\s*,?\s*(?P<y2>{_Y})\b",
            re.I,
        ),
    ),
    # 16 May 2018 ; Tuesday 16th May 2018
    ("d_m_y", re.compile(rf"\b{_WEEKDAY}(?P<d>{_D})\s+(?:of\s+)?(?P<m>{_M})\s*,?\s*(?P<y>{_Y})\b", re.I)),
    # September 16-27, 2019 ; March 4 and 5 2024
    ("m_d_d_y", re.compile(rf"\b{_AT_MONTH}(?P<m>{_M})\s+(?P<d1>{_D}){_RANGE}(?P<d2>{_D}),?\s+(?P<y>{_Y})\b", re.I)),
    # February 26 and March 8, 2024 ; June 3 to June 14 2024 (month-first days across a range)
    (
        "m_d_m_d_y",
        re.compile(
            rf"\b{_AT_MONTH}(?P<m1>{_M})\s+(?P<d1>{_D}){_RANGE}(?P<m2>{_M})\s+(?P<d2>{_D}),?\s+(?P<y>{_Y})\b", re.I
        ),
    ),
    # May 16, 2018
    ("m_d_y", re.compile(rf"\b{_AT_MONTH}(?P<m>{_M})\s+(?P<d>{_D}),?\s+(?P<y>{_Y})\b", re.I)),
    # 30/09/2024 - 11/10/2024 ; 30/09/2024 to 11/10/2024
    (
        "numeric_range",
        re.compile(
            rf"\b{_NUMERIC_DAY.format(d='d1', m='m1', y='y1')}\s*(?:-|–|—|to|until|and)\s*{_NUMERIC_DAY.format(d='d2', m='m2', y='y2')}\b",
            re.I,
        ),
    ),
    # 16/07/2019 ; 16.07.2019
    ("numeric", re.compile(rf"\b(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>{_Y})\b")),
    # 28/10/19 ; 28.10.19 (a two-digit year is this century's; with dots only two figures each, "3.1.12" being a
    # paragraph's number)
    (
        "numeric_yy",
        re.compile(
            r"(?<![\d/.])\b(?=\d{1,2}/\d{1,2}/|\d\d\.\d\d\.)(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>\d\d)\b(?![/.]?\d)"
        ),
    ),
    # 2019-07-16
    ("iso", re.compile(rf"\b(?P<y>{_Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # October-November 2019 ; between October and November 2019 ; October/November 2019
    # April and May of 2022 ; late June or early July 2022
    (
        "m_m_y",
        re.compile(rf"\b{_QUAL}(?P<m1>{_M}){_MONTH_RANGE}{_QUAL}(?P<m2>{_M})\s*,?\s*(?:of\s+)?(?P<y>{_Y})\b", re.I),
    ),
    # September 2021 ; late-November 2019 ; May of 2022
    ("m_y", re.compile(rf"\b{_QUAL}(?P<m>{_M})\s*,?\s*(?:of\s+)?(?P<y>{_Y})\b", re.I)),
    # April ’25 ; (Sept '24) ; late Nov ’98: a month and its year's last two digits after an apostrophe (1980–2049)
    ("m_yy", re.compile(rf"\b{_QUAL}(?P<m>{_M})\s*['’‘](?P<y>[0-48-9]\d)\b(?![’'‘/.:]?\d)", re.I)),
    # between Spring and Summer 2022 ; Spring 2022
    (
        "s_s_y",
        re.compile(
            rf"\b(?:between\s+)?{_QUAL}(?P<s1>{_SEASON}){_RANGE}{_QUAL}(?P<s2>{_SEASON})\s+(?:of\s+)?(?P<y>{_Y})\b",
            re.I,
        ),
    ),
    ("s_y", re.compile(rf"\b{_QUAL}(?P<s>{_SEASON})\s+(?:term\s+)?(?:of\s+)?(?P<y>{_Y})\b", re.I)),
    # in June this year (2023) ; 11 and 13 June this year (2024) (the year restated: no anchor needed)
    (
        "m_rel_y",
        re.compile(
            rf"\b(?:(?P<d1>{_D}){_RANGE})?(?:(?P<d>{_D})\s+(?:of\s+)?)?(?P<m>{_M})\s+(?:this|last|next)\s+year\s*\(\s*(?P<y>{_Y})\s*\)",
            re.I,
        ),
    ),
    # the end of the financial year 2024/25 ; the end of 2024-25 ; the start of the 2025/2026 financial year (a
    # split year is a financial one, April to March, unless the text calls it an academic or school year: its end is
    # March of its second year, its start April of its first)
    (
        "fy_edge",
        re.compile(
            rf"\b(?:the\s+)?(?P<edge>end|close|start|beginning)\s+of\s+(?:the\s+)?{_FY_WORDS}?{_SPLIT_YEAR}"
            rf"(?!\s+(?:academic|school)\s+year)",
            re.I,
        ),
    ),
    # quarter 4 of 2024/25 ; Q1 2025-26 ; Q2 of the financial year 2024/2025 (a financial year's quarter: Q1 to Q3 fall
    # in its first calendar year, Q4 in its second; the year, a quarter being no month)
    (
        "fy_q",
        re.compile(
            rf"\b(?:Q|quarter\s+)(?P<q>[1-4])\s*(?:of\s+|in\s+)?(?:the\s+)?{_FY_WORDS}?{_SPLIT_YEAR}"
            rf"(?!\s+(?:academic|school)\s+year)",
            re.I,
        ),
    ),
    # Q3 2024 ; the end of Q3 2024 ; quarter 2 of 2023 (the year: a quarter is no month; "Q3 2024/25" is a financial
    # year's)
    ("q_y", re.compile(rf"\b(?:Q|quarter\s+)(?P<q>[1-4])\s*(?:of\s+)?(?P<y>{_Y})\b(?!\s*[/–-]\s*\d)", re.I)),
    # inspections in 2016 and 2019 ; in 2014, 2016 and 2019 ; in both 2008 and 2011 (one mention a year)
    (
        "y_list",
        re.compile(
            rf"{_AT_YEAR}(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bof\s)|(?<=\bboth\s)|(?<=\())(?P<y>{_Y})(?:{_EXTERNAL}\s*,\s*{_Y})*{_EXTERNAL}\s*,?\s*and\s+{_Y}\b(?![/-]\d)",
            re.I,
        ),
    ),
    # in 2010 ; (2018) ; since 2017 ; as recently as 2016 ; during 2019/20 is not a year
    (
        "y",
        re.compile(
            rf"{_AT_YEAR}(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bsince\s)|(?<=\bof\s)|(?<=\bfrom\s)|(?<=\bby\s)|(?<=\bin\searly\s)|(?<=\bin\slate\s)|(?<=\bin\smid-)|(?<=\()|(?<=\brecently\sas\s)|(?<=\bago\sas\s)|(?<=\bearly\sas\s)|(?<=\blate\sas\s))(?P<y>{_Y})\b(?![/-]\d)(?!\s*(?:-|–|to)\s*\d)",
            re.I,
        ),
    ),
    # the 2019 inspection ; its 2022 ILACS inspection ; our 2023 focused visit ; the 2021 judgement of inadequate ;
    # the 2011 joint 'Announced Inspection …'
    (
        "y_event",
        re.compile(
            rf"\b(?P<y>{_Y})(?=\s+(?:ofsted\s+|ilacs\s+|sif\s+|full\s+|joint\s+targeted\s+area\s+|joint\s+['‘’\"“]?(?:(?:un)?announced\s+)?|(?:un)?announced\s+)?(?:inspection|re-?inspection|monitoring\s+visit|focused\s+visit|jtai|judgement|judgment|rating|grade|verdict)\b)(?<![/-]\d{{4}})",
            re.I,
        ),
    ),
    # relative expressions, resolved against the anchor
    # between June 28 and July 9 this year ; 28 June to 9 July last year (a range of days across months, its year
    # the words give)
    (
        "d_m_d_m_rel",
        re.compile(
            rf"\b(?:(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_M})|{_AT_MONTH}(?P<m1b>{_M})\s+(?P<d1b>{_D})){_RANGE}"
            rf"(?:(?P<d2>{_D})\s+(?:of\s+)?(?P<m2>{_M})|(?P<m2b>{_M})\s+(?P<d2b>{_D})),?\s+(?P<rel>this|last|next)\s+year\b",
            re.I,
        ),
    ),
    # between November and December last year ; in late June or early July this year (a range of months: the year
    # the words after it give is the whole range's, its end's month before its start's running into the next)
    (
        "m_m_rel",
        re.compile(
            rf"\b{_QUAL}(?P<m1>{_M}){_MONTH_RANGE}{_QUAL}(?P<m2>{_M})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b",
            re.I,
        ),
    ),
    # in June this year ; 11 and 13 June this year ; 4 March last year (the year the words give, not the anchor's)
    (
        "month_this_year",
        re.compile(
            rf"\b(?:(?P<d1>{_D}){_RANGE})?(?:(?P<d>{_D})\s+(?:of\s+)?)?(?:in\s+)?(?P<m>{_M})\s+(?P<rel>this|last|next)\s+year\b",
            re.I,
        ),
    ),
    # 13 and 14 July ; 27 February - 14 March ; 21st November ; (no year: needs the anchor)
    ("d_m_d_m", re.compile(rf"\b(?P<d1>{_D})\s+(?P<m1>{_M}){_RANGE}(?P<d2>{_D})\s+(?P<m2>{_M})\b(?!\s*,?\s*\d)", re.I)),
    ("d_d_m", re.compile(rf"\b(?P<d1>{_D}){_RANGE}(?P<d2>{_D})\s+(?:of\s+)?(?P<m>{_M})\b(?!\s*,?\s*\d)", re.I)),
    (
        "m_d_d",
        re.compile(
            rf"\b{_AT_MONTH}(?P<m>{_M})\s+(?P<d1>{_D})\s*(?:-|–|—|&|to|and)\s*(?P<d2>{_D})\b(?!\s*,?\s*\d)", re.I
        ),
    ),
    # Wednesday, June 12 ; on Tuesday 9 July ; Friday the 5th of July (a day with its weekday and no year: the year
    # near the anchor in which that day is that weekday)
    (
        "wd_m_d",
        re.compile(rf"\b{_WD}\s*,?\s+{_AT_MONTH}(?P<m>{_M})\s+(?P<d>{_D})\b(?!\s*,?\s*\d)(?![/.:]\d)", re.I),
    ),
    (
        "wd_d_m",
        re.compile(rf"\b{_WD}\s*,?\s+(?:the\s+)?(?P<d>{_D})\s+(?:of\s+)?(?P<m>{_M})\b(?!\s*,?\s*\d)(?![/.]\d)", re.I),
    ),
    # on November 1 ; on March 4th (a month-first day after "on")
    ("m_d", re.compile(rf"{_AT_MONTH}(?<=\bon\s)(?P<m>{_M})\s+(?P<d>{_D})\b(?!\s*,?\s*\d)(?![/.:]\d)", re.I)),
    ("d_m", re.compile(rf"(?<![\d/.])\b(?P<d>{_D})\s+(?:of\s+)?(?P<m>{_M})\b(?!\s*,?\s*\d)(?![/.]\d)", re.I)),
    ("rel_month", re.compile(r"\b(?P<rel>last|this|next|previous)\s+month(?:['’]s)?\b", re.I)),
    # last July ; next March (the month of that name nearest before the anchor, or after it)
    (
        "rel_named_month",
        re.compile(
            rf"\b(?P<rel>last|next)\s+(?P<m>January|February|March|April|May|June|July|August|September|October|November"
            rf"|December)\b(?!\s*,?\s*(?:of\s+)?(?:{_Y}|\d))",
            re.I,
        ),
    ),
    # (not a span: "within the next year", "over the last year")
    (
        "rel_year",
        re.compile(
            r"\b(?<!within\sthe\s)(?<!over\sthe\s)(?<!for\sthe\s)(?<!during\sthe\s)(?<!across\sthe\s)"
            r"(?:earlier\s+|later\s+)?(?P<rel>last|this|next|previous)\s+year(?:['’]s)?\b",
            re.I,
        ),
    ),
    # published this week ; last week's visit (the month the week falls in: its day is not stated)
    ("rel_week", re.compile(r"\b(?:earlier\s+|later\s+)?(?P<rel>last|this|next|previous)\s+week(?:['’]s)?\b", re.I)),
    # published today ; today's report ; this morning (the span is the word "today": what comes before it says what
    # happened)
    ("today", re.compile(r"\btoday\b|\bthis\s+(?:morning|afternoon|evening)\b", re.I)),
    ("tomorrow", re.compile(r"\b(?P<rel>tomorrow|yesterday)\b", re.I)),
    # published on Friday ; last Tuesday ; on Monday 5 June is a day already (the weekday nearest the anchor: before
    # it for a past event, after it for a plan); so is on Monday November 8, which is no weekday's day either
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<last>last|next|this)\s+|(?<=\bon\s))(?P<wd>(?-i:[MTWFS])(?:onday|uesday|ednesday|hursday|riday|aturday|unday))\b(?!\s*,?\s*\d)(?!\s+(?:the\s+)?\d)"
            rf"(?!\s*,?\s*{_M}\s)",
            re.I,
        ),
    ),
    # last autumn ; this spring ; next summer (the year the season falls in)
    ("rel_season", re.compile(r"\b(?P<rel>last|this|next)\s+(?P<s>spring|summer|autumn|winter)\b", re.I)),
    # expected in late June or early July (no year: the anchor's)
    (
        "m_m",
        re.compile(
            rf"(?=[adfjmnostelb])(?<=\s)(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bbetween\s)|(?<=\bfrom\s))(?:the\s+)?{_QUAL}(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December){_MONTH_RANGE}{_QUAL}(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*,?\s*(?:of\s+)?(?:{_Y}|\d))",
            re.I,
        ),
    ),
    (
        "bare_month",
        re.compile(
            # in June, by September, on 5 …, planned for early September ; deferred to September, postponed to May (to
            # come, whatever the words around: a thing is put off to a month after the putting off) ; the September
            # panel meeting, the July committee (a month as an adjective)
            rf"{_AT_MONTH}(?:(?:{_MOVED_TO})(?P<mv>January|February|March|April|(?-i:May)|June|July|August|September|October|November|December)|(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bsince\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bin\searly\s)|(?<=\bin\slate\s)|(?<=\bin\smid-)|(?<=\bfor\s)|(?<=\bfor\searly\s)|(?<=\bfor\slate\s)|(?<=\bfor\smid-)|(?<=\bon\s)|(?<=\bend\sof\s))(?P<m>January|February|March|April|June|July|August|September|October|November|December)|(?<=\bin\s)(?P<may>(?-i:May))|(?:(?<=\bthe\s)|(?<=\bits\s)|(?<=\btheir\s)|(?<=\bour\s)|(?<=\bnext\s)|(?<=['’]s\s))(?P<mt>January|February|March|April|May|June|July|August|September|October|November|December)(?=\s+(?:[\w’'-]+\s+){{0,3}}?(?:meeting|committee|panel|board|cabinet)s?\b))\b(?!\s*(?:{_Y}|\d))",
            re.I,
        ),
    ),
    # we expect our next inspection in the spring ; by the end of the summer ; in early autumn ; in the late spring ;
    # in mid-summer (a plan only: the anchor's year, or the next once that season is past)
    (
        "bare_season",
        re.compile(
            r"(?:(?<=\bin\s)|(?<=\bend\sof\s))(?:the\s+(?:(?:early|mid|late)[\s-]+)?|(?:early|mid|late)[\s-]+)?"
            rf"(?P<s>spring|summer|autumn|winter)\b(?!\s+(?:term\s+)?(?:of\s+)?(?:{_Y}|\d))",
            re.I,
        ),
    ),
    # by the end of the month ; later this month ; later in the month (a plan only: the anchor's month)
    (
        "end_of_month",
        re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the|this)\s+month\b|\blater\s+(?:in\s+the|this)\s+month\b", re.I),
    ),
    # within the next couple of months ; in the coming weeks (a plan only: the anchor's year, when the span ends in it)
    (
        "coming",
        re.compile(
            r"\b(?:within|in|over|during)\s+the\s+(?:next|coming)\s+(?:(?P<n>few|couple\s+of|two|three|four|six|\d{1,2})\s+)?(?P<unit>weeks|months)\b",
            re.I,
        ),
    ),
    # report back in the new year (a plan only: the year after the anchor's, or its own in January and February)
    ("new_year", re.compile(r"\b(?<=\s)the\s+new\s+year\b", re.I)),
    # by the end of the year ; an update later in the year (the anchor's year; a financial or academic year is not the
    # calendar's)
    (
        "end_of_year",
        re.compile(
            r"\b(?:the\s+)?end\s+of\s+(?:the|this)\s+(?:calendar\s+)?year\b|\b(?:later|earlier)\s+in\s+the\s+year\b",
            re.I,
        ),
    ),
]

#: The characters each pattern's match can start with: a lookahead on them lets a pattern give up at once at every
#: other position of the text (speed only; every match starts with one of them).
_FIRST = {
    "d_d_m_y": r"\d",
    "d_m_d_m_y": r"\d",
    "d_m_y_d_m_y": r"\d",
    "d_m_y": r"[\dmtwfs]",
    "m_d_d_y": "[adfjmnos]",
    "m_d_y": "[adfjmnos]",
    "m_to_d_m_y": "[adfjmnos]",
    "m_d_m_d_y": "[adfjmnos]",
    "m_d": "[adfjmnos]",
    "wd_m_d": "[mtwfs]",
    "wd_d_m": "[mtwfs]",
    "month_this_year": r"[\dadfjmnosi]",
    "d_m_d_m_rel": r"[\dadfjmnos]",
    "m_m_rel": "[adfjmnoselbt]",
    "numeric_range": r"\d",
    "numeric": r"\d",
    "numeric_yy": r"\d",
    "iso": "[12]",
    "m_m_y": "[adfjmnoselbt]",
    "m_y": "[adfjmnoselbt]",
    "m_yy": "[adfjmnoselbt]",
    "s_s_y": "[bemltsawf]",
    "s_y": "[bemltsawf]",
    "q_y": "q",
    "fy_q": "q",
    "fy_edge": "[tecsb]",
    "m_rel_y": r"[\dadfjmnos]",
    "y_event": "[12]",
    "d_m_d_m": r"\d",
    "d_d_m": r"\d",
    "m_d_d": "[adfjmnos]",
    "d_m": r"\d",
    "rel_month": "[ltnp]",
    "rel_named_month": "[ln]",
    "rel_year": "[eltnp]",
    "rel_week": "[eltnp]",
    "today": "t",
    "weekday": "[lntmwfs]",
    "rel_season": "[ltn]",
    "tomorrow": "[ty]",
    "bare_month": r"(?=[adfjmnos])(?<=[\s-])(?:January|February|March|April|May|June|July|August|September|October|November|December)",
    "bare_season": "[temlsaw]",
    "end_of_month": "[tel]",
    "end_of_year": "[tel]",
    "coming": "[iowd]",
    "new_year": "t",
}
_PATTERNS = [
    (kind, re.compile(f"(?={_FIRST[kind]})" + pattern.pattern, pattern.flags) if kind in _FIRST else pattern)
    for kind, pattern in _PATTERNS
]

#: Where every match of a pattern starts: at a digit, at a month's name (at a match of :data:`_MONTH_WORD`: its first
#: three letters after a word boundary), at either, or at a month's name or the qualifier before it (:data:`_QUAL`). A
#: search for the pattern starts at the span's first such place, as none starts before it (speed only).
_STARTS_AT = {
    kind: where
    for where, kinds in {
        "digit": (
            "d_d_m_y", "d_m_d_m_y", "d_m_y_d_m_y", "numeric_range", "numeric", "numeric_yy", "iso", "y_list", "y",
            "y_event", "d_m_d_m", "d_d_m", "d_m",
        ),
        "month": ("m_d_d_y", "m_d_m_d_y", "m_to_d_m_y", "m_d_y", "m_d_d", "m_d", "bare_month"),
        "digit or month": ("m_rel_y", "d_m_d_m_rel"),
        "qualifier or month": ("m_m_y", "m_y", "m_yy", "m_m_rel"),
    }.items()
    for kind in kinds
}  # fmt: skip
#: Where a qualifier of :data:`_QUAL` can start ("early", "mid", "late", "end of", "beginning of", "the end of").
_QUALIFIER_WORD = re.compile(r"(?i)\b(?:early|mid|late|end|beginning|the\s+end)")

#: Spans of time from the anchor ("in six months", "in six months' time", "in a year's time", "within two weeks", "in a
#: fortnight"), read only when the caller asks (a commitment's due date): the month the span ends in (ANNOTATION.md:
#: "due = that computed month"), or its year when the anchor gives no month; weeks need the anchor's day.
_NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
}
_DURATION = re.compile(
    r"\b(?:in|within)\s+(?:(?:about|around|approximately)\s+)?(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)\s+(?P<unit>months?|years?|weeks?|fortnights?)(?:['’]s?)?(?:\s+time)?\b"
    r"(?!\s+(?:of|from|after|following)\b)",  # "within six months of the inspection" runs from something else
    re.I,
)
#: A span counted from the page's own meeting or decision: "six months after the date of this decision", "twelve
#: months from this meeting" (as a due date, like :data:`_DURATION`).
_SPAN_AFTER_THIS = re.compile(
    r"\b(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)\s+"
    r"(?P<unit>months?|years?)\s+(?:after|from|following)\s+(?:the\s+date\s+of\s+)?(?:this|today['’]s)\s+"
    r"(?:decision|meeting|committee|report)\b",
    re.I,
)

#: A span from the anchor with its length stated ("within the next four weeks", "in the next 6 months"): as a due date
#: (``durations``) the month it ends in, not only the anchor's year that the ``coming`` pattern gives a plan.
_NEXT_SPAN = re.compile(
    r"\b(?:within|in|over|during)\s+the\s+(?:next|coming)\s+(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|eighteen)\s+(?P<unit>weeks|months)\b",
    re.I,
)

#: Patterns whose year comes from the anchor.
_ANCHORED = {
    "bare_season",
    "m_d_d",
    "m_m",
    "tomorrow",
    "d_m_d_m",
    "d_d_m",
    "d_m",
    "m_d",
    "wd_m_d",
    "wd_d_m",
    "month_this_year",
    "d_m_d_m_rel",
    "m_m_rel",
    "rel_month",
    "rel_named_month",
    "rel_year",
    "rel_week",
    "weekday",
    "rel_season",
    "today",
    "bare_month",
    "end_of_year",
    "end_of_month",
    "coming",
    "new_year",
}


def find_dates(
    text: str,
    anchor: PartialDate | None = None,
    start: int = 0,
    end: int | None = None,
    future: bool = False,
    durations: bool = False,
    seasons: bool = False,
) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, left to right, offsets into ``text``.

    ``anchor`` is the document's own date; relative expressions need it and are dropped without it. ``future``
    says the surrounding words speak of a plan, which decides whether a bare month is this year or the next.
    ``durations`` also reads spans of time from the anchor ("in six months' time" → the anchor's month plus six;
    "in a year" → the anchor's month a year on; "within two weeks" → the month the fortnight ends in), for due dates;
    a span in months needs an anchor with a month, one in weeks its day. ``seasons`` also reads a planned event's
    season without a year ("our next inspection in the spring", "in early autumn") and a plan's "by the end of the
    month", for inspections and commitments.
    """
    end = len(text) if end is None else end
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    found: list[DateMention] = []
    first_digit = _DIGIT.search(text, start, end)
    digit = first_digit is not None
    span = text[start:end]
    low = span.lower() if folds_simply(span) else None  # (for the word pre-checks: speed only)
    if not digit and not ((low is None or holds_any(low, _DATE_WORDS)) and _DATE_WORD.search(text, start, end)):
        return found
    taken = bytearray(end - start)  # 1 where an earlier (more specific) pattern already matched
    first_month = _MONTH_WORD.search(text, start, end)
    has = {
        "digit": digit,
        "month": first_month is not None,
        "season": (low is None or holds_any(low, _SEASON_WORDS)) and _SEASON_WORD.search(text, start, end) is not None,
        "relative": (low is None or holds_any(low, _RELATIVE_WORDS))
        and _RELATIVE_WORD.search(text, start, end) is not None,
        "weekday": (low is None or "day" in low) and _WEEKDAY_WORD.search(text, start, end) is not None,
    }
    has["year"] = digit and _YEAR.search(text, first_digit.start() if first_digit else end, end) is not None
    if digit:  # the characters and words of _NEEDS the span has (a lower-case test tells only when ``low`` does)
        has["slash"] = "/" in span
        has["slash or dot"] = has["slash"] or "." in span
        has["hyphen"] = "-" in span
        has["q"] = low is None or "q" in low
        has["and"] = low is None or "and" in low
        has["event"] = low is None or holds_any(low, _EVENT_WORDS)
    has["year word"] = low is None or "year" in low
    has["month_or_year_word"] = durations and _DURATION_WORD.search(text, start, end) is not None
    missing = frozenset(need for need, found_it in has.items() if not found_it)
    # where the first match of a pattern of _STARTS_AT can start
    digit_at = first_digit.start() if first_digit else end
    month_at = first_month.start() if first_month else end
    first_qualifier = _QUALIFIER_WORD.search(text, start, month_at) if first_month else None
    qualifier_at = first_qualifier.start() if first_qualifier else month_at
    from_ = {
        None: start,
        "digit": digit_at,
        "month": month_at,
        "digit or month": min(digit_at, month_at),
        "qualifier or month": qualifier_at,
    }
    for kind, pattern in _patterns_to_try(missing, anchor is not None, seasons and future):
        for m in pattern.finditer(text, from_[_STARTS_AT.get(kind)], end):
            s, e = m.span()
            if 1 in taken[s - start : e - start]:
                continue
            if kind == "y_list":
                found.extend(
                    DateMention(y.start(), y.end(), PartialDate(int(y.group()))) for y in _YEAR.finditer(text, s, e)
                )
                taken[s - start : e - start] = b"\x01" * (e - s)
                continue
            mention = _mention(kind, m, anchor, future)
            if mention is not None and kind == "end_of_month":
                mention = _in_named_month(text, found, mention)
            if mention is not None:
                found.append(mention)
                taken[s - start : e - start] = b"\x01" * (e - s)
    if durations and anchor is not None and has["month_or_year_word"]:
        spans = [*_DURATION.finditer(text, start, end), *_SPAN_AFTER_THIS.finditer(text, start, end)]
        for m in spans:
            s, e = m.span()
            if 1 in taken[s - start : e - start]:
                continue
            date = _after_span(anchor, m.group("n"), m.group("unit"))
            if date is not None:
                found.append(DateMention(s, e, date, None, True))
    if durations and anchor is not None:
        for m in _NEXT_SPAN.finditer(text, start, end):
            ended = _after_span(anchor, m.group("n"), m.group("unit"))
            if ended is not None:
                found = [d for d in found if d.start != m.start()] + [DateMention(*m.span(), ended, None, True)]
    found.sort(key=lambda d: d.start)
    if has["year word"] or has["month"] or has["season"]:
        found = _counted_from_named(text, found, start, end)
    return _joined_ranges(text, _without_restated(text, found))


#: A date told from the date the text has just named ("in November 2022 … a previous review three years earlier",
#: "rated inadequate in 2011 and a follow-up report later that autumn", "in March 2019 and again two years on", "the
#: following year"): a span of years or months before or after it, or the same year, season or month. ("three years
#: after the inspection" counts from something else; "the next year" is a span: "over the next year".)
_FROM_NAMED = re.compile(
    r"(?i)\b(?:(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)\s+"
    r"(?P<unit>years?|months?)\s+(?P<dir>earlier|later|on|previously)\b(?!\s+(?:than|to|as)\b)"
    r"|(?:(?P<rel>later|earlier)\s+(?:in\s+)?|(?<=\bin\s))(?:that|the\s+same)\s+"
    r"(?P<same>year|month|spring|summer|autumn|winter)\b(?!\s+(?:as|to|of)\b)"
    r"|the\s+(?P<next>following|preceding)\s+(?P<unit2>year|month)\b(?!['’]s|\s+(?:to|of|as)\b))"
)
#: A sentence's end between the named date and the words told from it: the date is another sentence's.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]|\n\s*\n")


def _counted_from_named(text: str, found: list[DateMention], start: int, end: int) -> list[DateMention]:
    """``found`` and each date told from the one the same sentence names just before it (:data:`_FROM_NAMED`):
    "three years earlier" after "November 2022" is 2019, "later that autumn" after 2011 is 2011, "two months later"
    after "March 2019" is May 2019 (a span of months and "that month" need the named date's month). At the precision
    the words give: a year, or a month for a span of months or "that month"."""
    extra: list[DateMention] = []
    for m in _FROM_NAMED.finditer(text, start, end):
        if any(d.start < m.end() and m.start() < d.end for d in found):
            continue
        base = next((d for d in reversed(found) if d.end <= m.start()), None)
        if base is None or m.start() - base.end > 200 or _SENTENCE_END.search(text, base.end, m.start()):
            continue
        extra.extend(
            DateMention(m.start(), m.end(), date, None, True)
            for date in (_told_from(m, base.date),)
            if date is not None
        )
    return sorted([*found, *extra], key=lambda d: d.start) if extra else found


def _in_named_month(text: str, found: list[DateMention], mention: DateMention) -> DateMention:
    """``mention`` ("by the end of the month"), in the month the same sentence has just named, if it names one ("at its
    meeting on 12 March 2024 the panel asked for the figures by the end of the month": March 2024), else as read
    against the anchor."""
    named = next((d for d in reversed(found) if d.end <= mention.start and not d.relative), None)
    if (
        named is None
        or named.date.month is None
        or mention.start - named.end > 200
        or _SENTENCE_END.search(text, named.end, mention.start)
    ):
        return mention
    month = named.until if named.until is not None and named.until.month is not None else named.date
    return DateMention(mention.start, mention.end, PartialDate(month.year, month.month), None, True)


def _told_from(m: re.Match[str], when: PartialDate) -> PartialDate | None:
    """The date a match of :data:`_FROM_NAMED` tells, counted from ``when``; None when it needs a month ``when``
    does not give."""
    if m["n"]:
        word = fold(m["n"])
        n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        shift = -n if fold(m["dir"]) in {"earlier", "previously"} else n
        unit = fold(m["unit"]).rstrip("s")
    elif m["same"]:
        shift, unit = 0, "month" if fold(m["same"]) == "month" else "year"
    else:
        shift, unit = (1 if fold(m["next"]) == "following" else -1), fold(m["unit2"])
    if unit == "year":
        return PartialDate(when.year + shift)
    return _months_after(when, shift) if when.month is not None else None


def _after_span(anchor: PartialDate, n: str, unit: str) -> PartialDate | None:
    """When a span of ``n`` (digits or a number word) weeks, fortnights, months or years from ``anchor`` ends: the
    month it ends in ("in a year's time" from 10 May 2024 is May 2025), the year for years from an anchor without a
    month; None when the anchor is too coarse to tell (months need its month, weeks its day)."""
    count = int(n) if n.isdigit() else _NUMBER_WORDS[fold(n)]
    unit = fold(unit)
    if unit.startswith("year"):
        return PartialDate(anchor.year + count) if anchor.month is None else _months_after(anchor, 12 * count)
    if anchor.month is None:
        return None
    if unit.startswith("month"):
        return _months_after(anchor, count)
    if anchor.day is None:
        return None
    weeks = 2 * count if unit.startswith("fortnight") else count
    ended = _date(anchor.year, anchor.month, anchor.day) + timedelta(weeks=weeks)
    return PartialDate(ended.year, ended.month)


def _months_after(anchor: PartialDate, months: int) -> PartialDate:
    """The month ``months`` after (before, when negative) the month of ``anchor``, which must have one."""
    assert anchor.month is not None
    y, mo = divmod(anchor.year * 12 + anchor.month - 1 + months, 12)
    return PartialDate(y, mo + 1)


@functools.cache
def _patterns_to_try(
    missing: frozenset[str], anchored: bool, planned_season: bool
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The patterns of :data:`_PATTERNS` worth trying, in order, on a span without the ``missing`` needs (see
    :data:`_NEEDS`), with or without an anchor, and whether a planned event's bare season may be read."""
    return tuple(
        (kind, pattern)
        for kind, pattern in _PATTERNS
        if (anchored or kind not in _ANCHORED)
        and (planned_season or kind not in ("bare_season", "coming", "new_year", "end_of_month"))
        and (not missing or missing.isdisjoint(_NEEDS.get(kind, ())))
    )


#: Between a relative date and the date the text restates it as: "today (12 January)", "on Friday, 5 June".
#: What joins the two ends of a range the text opens with "between" or "from": "between January 2022 and 1 February
#: 2022", "from May 2019 to March 2020".
_RANGE_OPENS = re.compile(r"(?i)(?<![\w’'-])(?:between|from)\s+(?:the\s+)?$")
_RANGE_JOINS = {
    "between": re.compile(r"(?i)\s+and\s+(?:the\s+)?"),
    "from": re.compile(r"(?i)\s*(?:to|until|till|[-–—])\s*(?:the\s+)?"),
}


def _joined_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """``found`` with each pair of dates a "between … and …" or "from … to …" joins made one range, when neither is
    one already and the second is not before the first (dates whose own pattern reads the whole range, "3 and 7 March
    2020", are one mention already)."""

    def join(d: DateMention, after: DateMention) -> tuple[list[DateMention], bool] | None:
        if d.until is not None or after.until is not None or d.relative or after.relative:
            return None
        opens = _RANGE_OPENS.search(text, max(0, d.start - 14), d.start)
        joins = opens and _RANGE_JOINS[fold(opens.group().split()[0])].fullmatch(text, d.end, after.start)
        return ([DateMention(d.start, after.end, d.date, after.date)], True) if joins and d.date <= after.date else None

    return _with_neighbours(found, join)


def _with_neighbours(
    found: list[DateMention], merge: Callable[[DateMention, DateMention], tuple[list[DateMention], bool] | None]
) -> list[DateMention]:
    """``found`` with each mention and the one after it given to ``merge``: None keeps the mention; else its
    replacement (none, one or more mentions) and whether the one after it is taken in too."""
    if len(found) < 2:
        return found
    out: list[DateMention] = []
    skip = False
    for d, after in zip(found, [*found[1:], None], strict=True):
        if skip:
            skip = False
            continue
        merged = merge(d, after) if after is not None else None
        if merged is None:
            out.append(d)
        else:
            replacement, skip = merged
            out.extend(replacement)
    return out


_RESTATED = re.compile(r"\s*(?:\(|,)\s*")


def _without_restated(text: str, found: list[DateMention]) -> list[DateMention]:
    """``found`` less each relative date the text restates right after it ("today (12 January)"): one date, the
    restatement (which says what it is); and a month or year the text makes finer in brackets right after it ("in
    July 2022 (11–22 July)"): one date, the finer, in the coarser's year."""

    def restated(d: DateMention, after: DateMention) -> tuple[list[DateMention], bool] | None:
        if not _RESTATED.fullmatch(text, d.end, after.start):
            return None
        if d.relative:
            return [], False
        finer = _finer_in(d, after) if text[d.end : after.start].strip() == "(" else None
        return None if finer is None else ([finer], True)

    return _with_neighbours(found, restated)


def _finer_in(coarse: DateMention, finer: DateMention) -> DateMention | None:
    """``finer`` (read against the anchor) in the year of ``coarse`` when it falls in ``coarse``'s month or year."""
    c, f = coarse.date, finer.date
    if not finer.relative or c.day is not None or f.month is None or (c.month is not None and c.month != f.month):
        return None
    moved = _pd(c.year, f.month, f.day)
    until = finer.until
    if until is not None and until.month is not None:
        until = _pd(c.year + (until.year - f.year), until.month, until.day)
    return DateMention(finer.start, finer.end, moved, until, False) if moved is not None else None


_DIGIT = re.compile(r"\d")
_YEAR = re.compile(_Y)
_MONTH_WORD = re.compile(r"(?i)(?=[jfmasond])\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_SEASON_MONTH = {"spring": 5, "summer": 8, "autumn": 11, "winter": 12}  # a season is past once its last month is
# (a winter to come is dated by the year it starts in)
_SEASON_WORD = re.compile(r"(?i)(?=[swaf])(?:spring|summer|autumn|winter|fall)")
_RELATIVE_WORD = re.compile(
    r"(?i)(?=[mywt])\b(?:month|year|week|today|tomorrow|yesterday|this\s+(?:morning|afternoon|evening))"
)
_COMING = {"few": 3, "couple": 2, "two": 2, "three": 3, "four": 4, "six": 6}
_WEEKDAY_WORD = re.compile(r"(?i)day\b")
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_DURATION_WORD = re.compile(r"(?i)(?=[mywf])\b(?:months?|years?|weeks?|fortnights?)\b")
#: Words one of which every match of :data:`_DATE_WORD`, :data:`_SEASON_WORD` and :data:`_RELATIVE_WORD` holds (lower
#: case; every match of :data:`_WEEKDAY_WORD` holds "day"): a span whose lower case holds none has no match, when it
#: has none of the characters a case-insensitive pattern matches to an ASCII letter that ``str.lower`` does not lower
#: to it (:func:`caregraph.pipeline.casefold.folds_simply`; speed only).
_SEASON_WORDS = ("spring", "summer", "autumn", "winter", "fall")
_RELATIVE_WORDS = ("month", "year", "week", "today", "tomorrow", "yesterday", "morning", "afternoon", "evening")
_DATE_WORDS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", *_SEASON_WORDS, *_RELATIVE_WORDS,
    "day", "fortnight",
)  # fmt: skip
#: The words one of which every match of the ``y_event`` pattern holds ("the 2019 inspection", "our 2023 focused
#: visit", "the 2021 judgement"), lower case.
_EVENT_WORDS = ("inspection", "visit", "jtai", "judgement", "judgment", "rating", "grade", "verdict")


#: What a span must hold for a pattern to be worth trying ("year": a match of :data:`_YEAR`, which every pattern
#: with a year of :data:`_Y` in it needs, and which a digit does not tell: "21st November", "2.5", "Q3"; "slash",
#: "slash or dot", "hyphen": the separator of a date in figures; "q", "and", "year word", "event": a letter or word
#: the pattern spells out, in lower case, or one of :data:`_EVENT_WORDS`). Speed only: see :func:`find_dates`.
_NEEDS = {
    "bare_season": ("season",),
    "d_d_m_y": ("year", "month"),
    "d_m_d_m_y": ("year", "month"),
    "d_m_y_d_m_y": ("year", "month"),
    "d_m_y": ("year", "month"),
    "m_d_y": ("year", "month"),
    "m_to_d_m_y": ("year", "month"),
    "m_d_m_d_y": ("year", "month"),
    "m_d": ("digit", "month"),
    "wd_m_d": ("digit", "month", "weekday"),
    "wd_d_m": ("digit", "month", "weekday"),
    "m_d_d_y": ("year", "month"),
    "m_d_d": ("digit", "month"),
    "m_m": ("month",),
    "numeric_yy": ("digit", "slash or dot"),
    "y_list": ("year", "and"),
    "tomorrow": ("relative",),
    "numeric_range": ("year", "slash or dot"),
    "numeric": ("year", "slash or dot"),
    "iso": ("year", "hyphen"),
    "m_m_y": ("year", "month"),
    "m_y": ("year", "month"),
    "m_yy": ("digit", "month"),
    "s_s_y": ("year", "season"),
    "s_y": ("year", "season"),
    "q_y": ("year", "q"),
    "fy_q": ("year", "q"),
    "fy_edge": ("year",),
    "m_rel_y": ("year", "month", "year word"),
    "y": ("year",),
    "y_event": ("year", "event"),
    "d_m_d_m": ("digit", "month"),
    "d_d_m": ("digit", "month"),
    "d_m": ("digit", "month"),
    "month_this_year": ("month", "relative", "year word"),
    "d_m_d_m_rel": ("digit", "month", "relative", "year word"),
    "m_m_rel": ("month", "relative", "year word"),
    "rel_month": ("relative",),
    "rel_named_month": ("month",),
    "rel_year": ("relative",),
    "rel_week": ("relative",),
    "weekday": ("weekday",),
    "rel_season": ("season",),
    "today": ("relative",),
    "bare_month": ("month",),
    "end_of_year": ("relative",),
    "end_of_month": ("relative",),
    "coming": ("relative",),
    "new_year": ("relative",),
}

# Every date expression holds a digit or a month, season or relative word: a cheap test that skips the rest (the
# digit tested on its own first; the first letters' look-ahead lets the word test give up at once elsewhere).
_DATE_WORD = re.compile(
    r"(?i:(?=[jfmasondwtye])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|winter|fall|today|tomorrow|yesterday|month|year|week|fortnight|day\b|morning|afternoon|evening))"
)


def _season_year(y: str) -> PartialDate:
    return PartialDate(int(y))


def _anchored_year(anchor: PartialDate, month: int, day: int | None, future: bool) -> int:
    """The year of a day or month given without one: the anchor's year, moved back a year when a past event's
    month (and day) falls after the anchor, forward a year when a planned event's falls before it."""
    year = anchor.year
    if anchor.month is None or (anchor.day is None and month == anchor.month):
        return year  # against a page dated to the month, a day of that month is in its year, whichever day it is
    here = (month, day or 0)
    there = (anchor.month, anchor.day or 0) if day is not None else (anchor.month, 0)
    if future and here < there:
        year += 1
    elif not future and here > there and (day is not None or month > anchor.month):
        year -= 1
    return year


def _weekday_year(anchor: PartialDate, month: int, day: int, weekday: str, future: bool) -> int:
    """The year of a day given with its weekday and no year ("Wednesday, June 12"): of the year :func:`_anchored_year`
    gives and the years either side of it, one in which that day is that weekday, the first on or after the anchor
    for a plan, the last on or before it for a past event; else one on the other side of the anchor within half a
    year of it (a plan's day that its weekday shows was past, a past day that was still to come); else the year
    :func:`_anchored_year` gives (the weekday is the text's slip)."""
    year = _anchored_year(anchor, month, day, future)
    wanted = _WEEKDAYS[fold(weekday)]
    fits = [y for y in (year - 1, year, year + 1) if _weekday_of(y, month, day) == wanted]
    at = _date(anchor.year, anchor.month or 7, anchor.day or 1)
    ahead = [y for y in fits if _date(y, month, day) >= at]
    behind = [y for y in fits if _date(y, month, day) <= at]
    if future and ahead:
        return min(ahead)
    if not future and behind:
        return max(behind)
    near = [y for y in fits if abs((_date(y, month, day) - at).days) <= 183]
    return near[0] if near else year


def _weekday_of(year: int, month: int, day: int) -> int | None:
    """The weekday (Monday 0) of a day, None when there is no such day."""
    try:
        return _date(year, month, day).weekday()
    except ValueError:
        return None


def _mention(kind: str, m: re.Match[str], anchor: PartialDate | None, future: bool) -> DateMention | None:
    g = m.groupdict()
    s, e = m.span()
    date: PartialDate | None
    until: PartialDate | None = None
    relative = False
    if kind == "d_d_m_y":
        date, until = _pd(g["y"], g["m"], g["d1"]), _pd(g["y"], g["m"], g["d2"])
    elif kind == "d_m_d_m_y":
        date, until = _pd(g["y"], g["m1"], g["d1"]), _pd(g["y"], g["m2"], g["d2"])
    elif kind == "d_m_y_d_m_y" or kind == "numeric_range":
        date, until = _pd(g["y1"], g["m1"], g["d1"]), _pd(g["y2"], g["m2"], g["d2"])
    elif kind in {"d_m_y", "m_d_y", "numeric", "iso"}:
        date = _pd(g["y"], g["m"], g["d"])
    elif kind == "numeric_yy":
        date = _pd(2000 + int(g["y"]), g["m"], g["d"])
    elif kind == "m_to_d_m_y":
        date, until = _pd(g["y"], g["m1"]), _pd(g["y"], g["m2"], g["d"])
    elif kind == "m_d_m_d_y":
        date, until = _pd(g["y"], g["m1"], g["d1"]), _pd(g["y"], g["m2"], g["d2"])
    elif kind == "m_d_d_y":
        date, until = _pd(g["y"], g["m"], g["d1"]), _pd(g["y"], g["m"], g["d2"])
    elif kind == "m_m_y":
        date, until = _pd(g["y"], g["m1"]), _pd(g["y"], g["m2"])
    elif kind == "m_rel_y":
        date = _pd(g["y"], g["m"], g["d1"] or g["d"])
        until = _pd(g["y"], g["m"], g["d"]) if g["d1"] and g["d"] else None
    elif kind == "m_y":
        date = _pd(g["y"], g["m"])
    elif kind == "m_yy":
        date = _pd(int(g["y"]) + (2000 if int(g["y"]) < 50 else 1900), g["m"])
    elif kind in {"fy_edge", "fy_q"}:
        first = int(g["y1"])
        if int(g["y2"]) not in {first + 1, (first + 1) % 100}:
            return None  # "2019-22" is a span of years, not one split year
        if kind == "fy_q":
            date = PartialDate(first + (1 if g["q"] == "4" else 0))
        else:
            date = PartialDate(first + 1, 3) if fold(g["edge"]) in {"end", "close"} else PartialDate(first, 4)
    elif kind in {"s_s_y", "s_y", "q_y"}:
        date = _season_year(g["y"])
    elif kind in {"y", "y_event"}:
        date = _pd(g["y"])
    else:
        if anchor is None:
            return None
        relative = True
        found = _anchored(kind, g, anchor, future)
        if found is None:
            return None
        date, until = found
    if date is None or (
        kind in {"d_d_m_y", "d_m_d_m_y", "d_m_y_d_m_y", "m_m_y", "m_d_d_y", "m_d_m_d_y", "m_to_d_m_y", "numeric_range"}
        and until is None
    ):
        return None
    if until is not None and until < date:
        until = None
    if until == date:
        until = None
    return DateMention(s, e, date, until, relative)


def _anchored(
    kind: str, g: dict[str, str], anchor: PartialDate, future: bool
) -> tuple[PartialDate | None, PartialDate | None] | None:
    """The date (and the end of a range) of a relative expression of ``kind`` read against ``anchor``; None when
    the anchor is too coarse or the range ends badly."""
    until: PartialDate | None = None
    if kind in {"d_m_d_m", "d_d_m", "m_d_d", "d_m", "m_d"}:
        if kind == "d_m_d_m":
            m1, d1, m2, d2 = MONTHS[fold(g["m1"]).rstrip(".")], g["d1"], MONTHS[fold(g["m2"]).rstrip(".")], g["d2"]
        elif kind in {"d_d_m", "m_d_d"}:
            m1 = m2 = MONTHS[fold(g["m"]).rstrip(".")]
            d1, d2 = g["d1"], g["d2"]
        else:
            m1 = m2 = MONTHS[fold(g["m"]).rstrip(".")]
            d1 = d2 = g["d"]
        year = _anchored_year(anchor, m1, int(re.sub(r"\D", "", d1)), future)
        if kind not in {"d_m", "m_d"}:
            until = _pd(year + (1 if m2 < m1 else 0), m2, d2)
            if until is None:
                return None
        return _pd(year, m1, d1), until
    if kind in {"wd_m_d", "wd_d_m"}:
        month = MONTHS[fold(g["m"]).rstrip(".")]
        return _pd(_weekday_year(anchor, month, int(re.sub(r"\D", "", g["d"])), g["wd"], future), month, g["d"]), None
    if kind == "d_m_d_m_rel":
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[fold(g["rel"])]
        m1 = MONTHS[fold(g["m1"] or g["m1b"]).rstrip(".")]
        m2 = MONTHS[fold(g["m2"] or g["m2b"]).rstrip(".")]
        until = _pd(year + (1 if m2 < m1 else 0), m2, g["d2"] or g["d2b"])
        return (_pd(year, m1, g["d1"] or g["d1b"]), until) if until is not None else None
    if kind == "m_m_rel":
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[fold(g["rel"])]
        m1, m2 = MONTHS[fold(g["m1"]).rstrip(".")], MONTHS[fold(g["m2"]).rstrip(".")]
        return PartialDate(year, m1), PartialDate(year + (1 if m2 < m1 else 0), m2)
    if kind == "rel_named_month":
        month = MONTHS[fold(g["m"])]
        if anchor.month is None:
            return None
        ahead = fold(g["rel"]) == "next"
        year = anchor.year + (
            1 if ahead and month <= anchor.month else -1 if not ahead and month >= anchor.month else 0
        )
        return PartialDate(year, month), None
    if kind == "month_this_year":
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[fold(g["rel"])]
        if g.get("d1") and g.get("d"):
            return _pd(year, g["m"], g["d1"]), _pd(year, g["m"], g["d"])
        return _pd(year, g["m"], g.get("d")), None
    offset = {"this": 0, "last": -1, "previous": -1, "next": 1}.get(fold(g.get("rel") or ""), 0)
    if kind == "rel_month":
        if anchor.month is None:
            return None
        return _months_after(anchor, offset), None
    if kind == "rel_year":
        return PartialDate(anchor.year + offset), None
    if kind == "weekday":
        if anchor.day is None or anchor.month is None:
            return None
        wanted = _WEEKDAYS[fold(g["wd"])]
        day = _date(anchor.year, anchor.month, anchor.day)
        ahead = future if not g.get("last") else fold(g["last"]) == "next"
        shift = (wanted - day.weekday()) % 7 if ahead else -((day.weekday() - wanted) % 7)
        if shift == 0 and fold(g.get("last") or "") in {"last", "next"}:
            shift = 7 if ahead else -7  # "last Thursday" on a Thursday: the week before
        on = day + timedelta(days=shift)
        return PartialDate(on.year, on.month, on.day), None
    if kind == "rel_season":
        month = _SEASON_MONTH.get(fold(g["s"]), 2)  # winter: the year it ends in
        rel = fold(g["rel"])
        if rel == "this" or anchor.month is None:
            return PartialDate(anchor.year + {"this": 0, "last": -1, "next": 1}[rel]), None
        past = anchor.month > month  # this year's season is over
        year = anchor.year - (0 if past else 1) if rel == "last" else anchor.year + (0 if not past else 1)
        return PartialDate(year), None
    if kind == "rel_week":
        if anchor.month is None:
            return None
        if anchor.day is None:
            return (anchor if offset == 0 else None), None
        moved = _next_day(anchor, 7 * offset)
        return PartialDate(moved.year, moved.month), None
    if kind == "today":
        return anchor, None
    if kind == "tomorrow":
        return _next_day(anchor, 1 if fold(g["rel"]) == "tomorrow" else -1), None
    if kind == "m_m":
        m1, m2 = MONTHS[fold(g["m1"])], MONTHS[fold(g["m2"])]
        year = _anchored_year(anchor, m1, None, future)
        return PartialDate(year, m1), PartialDate(year + (1 if m2 < m1 else 0), m2)
    if kind == "end_of_year":
        return PartialDate(anchor.year), None
    if kind == "end_of_month":
        return (PartialDate(anchor.year, anchor.month) if anchor.month is not None else None), None
    if kind == "coming":
        if anchor.month is None:
            return None
        n = g["n"]
        months = 0 if fold(g["unit"]) == "weeks" else _COMING.get(fold(n or "few").split()[0])
        months = int(n) if months is None and n and n.isdigit() else months
        if months is None or anchor.month + months > 12:
            return None  # the span runs into the next year: which one is not said
        return PartialDate(anchor.year), None
    if kind == "new_year":
        return PartialDate(anchor.year + (0 if anchor.month is not None and anchor.month <= 2 else 1)), None
    if kind == "bare_season":
        if not future or anchor.month is None:
            return None
        return PartialDate(_anchored_year(anchor, _SEASON_MONTH[fold(g["s"])], None, True)), None
    if kind == "bare_month":
        month = MONTHS[fold(g["m"] or g["may"] or g["mt"] or g["mv"])]
        return PartialDate(_anchored_year(anchor, month, None, future or g["mv"] is not None), month), None
    return None  # pragma: no cover - every pattern is handled above


def _next_day(anchor: PartialDate, days: int) -> PartialDate:
    """The day ``days`` after ``anchor`` (a month or year anchor stands for itself: "tomorrow" is in it)."""
    if anchor.day is None or anchor.month is None:
        return anchor
    moved = _date(anchor.year, anchor.month, anchor.day) + timedelta(days=days)
    return PartialDate(moved.year, moved.month, moved.day)


def sort_key(date: PartialDate) -> tuple[int, int, int]:
    """A key that orders dates of mixed precision (a missing month or day sorts first): :meth:`PartialDate.sort_key`,
    by which partial dates also compare (``PartialDate(2019) < PartialDate(2019, 5)``)."""
    return date.sort_key()


#: Dates in a URL's path: /2023/01/05/, /2023/01/, /2023/ ; /24/08/2022/ ; /november-2017/ ; 2023-01-05 in a slug.
_URL_DATES = (
    ("dmy", re.compile(r"/(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])/((?:19|20)\d\d)/")),
    ("ymd", re.compile(r"/((?:19|20)\d\d)/(?:(0?[1-9]|1[0-2])/(?:(0?[1-9]|[12]\d|3[01])/)?)?")),
    ("iso", re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")),
    ("my", re.compile(rf"/(?:(\d{{1,2}})-)?({_M})-((?:19|20)\d\d)(?=[/-])", re.I)),
)


def document_date_from_url(url: str | None) -> PartialDate | None:
    """The date a page's URL gives it, at the URL's precision: news sites put it in the path (``/news/2023/01/…`` →
    2023-01; ``/2023/…`` → 2023; ``/24/08/2022/…`` → 2022-08-24; ``/media-releases/november-2017/…`` → 2017-11).
    The query string is not read."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    for kind, pattern in _URL_DATES:
        m = pattern.search(path)
        if not m:
            continue
        if kind == "ymd":
            y, mo, d = m.groups()
        elif kind == "dmy":
            d, mo, y = m.groups()
        elif kind == "iso":
            y, mo, d = m.groups()
        else:
            d, mo, y = m.group(1), m.group(2), m.group(3)
            if fold(mo).rstrip(".") not in MONTHS:
                continue
        date = _pd(y, mo if mo is None or not mo.isdigit() else int(mo), int(d) if d else None)
        if date is not None:
            return date
    return None


def page_anchor(url_date: PartialDate | None, latest_stated: PartialDate | None) -> PartialDate | None:
    """The date relative dates of a page without a date of its own are read against: its URL's date, else the
    latest full date the page states; the stated day wins when it lies within the URL's month or year (a URL
    that gives only 2024, a page that states 12 January 2024)."""
    if url_date is None:
        return latest_stated
    if latest_stated is not None and url_date.day is None and latest_stated.iso().startswith(url_date.iso()):
        return latest_stated
    return url_date
