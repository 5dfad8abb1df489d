"""The rules of the meetings finder, compiled once, and the ways a meeting's day is written.

:func:`rules` reads ``rules/meetings.toml``: the head words of bodies' names ("Board", "Committee", …), the bodies
named by their head word alone, the words that show a text names no body, what a body does at a meeting, the
words after a body's name in a dated title, and what names an outside organisation's body ("NHS …", "… Integrated Care
Board"); :func:`body_words` reads ``rules/body_words.txt``, the words that name what
a body deals with ("children", "scrutiny", "parenting"), derived from the development material by
``scripts/make_body_words.py``. The patterns :data:`WEEKDAY`, :data:`MONTH`, :data:`FULL_DAY` and
:data:`DAY` (a day with its year, in words or figures, or a list of days of one month) are the pieces the header,
text and document-date passes build their patterns from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from caregraph.pipeline.dates import MONTH_NAMES
from caregraph.pipeline.extract.doc import load_rules
from caregraph.pipeline.extract.patterns import with_first_letters


@dataclass(frozen=True)
class MeetingRules:
    body_heads: str  # the head word of a body's name ("Board", "Committee", …), a pattern
    single_word_bodies: frozenset[str]  # bodies named by their head word alone ("Cabinet")
    not_body_words: frozenset[str]  # words that cannot start a body's name ("the", "Ofsted's"), lower case
    not_body_tokens: frozenset[str]  # words that show the text names no body ("meeting", "minutes"), lower case
    meeting_verbs: str  # what a body does at a meeting, right after its name ("considered"), a pattern
    title_tails: str  # words after a body's name in a dated title ("Update"), a pattern
    paper_nouns: str  # a body's papers, dated by its meeting ("report", "decision"), a pattern
    head: re.Pattern[str]  # a head word anywhere in a line
    outside_first_words: frozenset[str]  # words that lead an outside organisation's body's name ("NHS")
    outside_names: re.Pattern[str]  # what an outside organisation's body's name holds ("Integrated Care Board")


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
        d["paper_nouns"],
        with_first_letters(rf"\b{d['body_heads']}(?![\w-])", re.I),  # (led by its first letters: speed only)
        frozenset(d["outside_first_words"]),
        re.compile(d["outside_names"]),
    )


@cache
def body_words() -> frozenset[str]:
    """The words that name what a council body deals with, lower case ("children", "children's", "scrutiny",
    "wellbeing"): ``rules/body_words.txt``, built by ``scripts/make_body_words.py`` from the development gold's body
    names and the development pages' texts."""
    text = resources.files("caregraph").joinpath("rules/body_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cache
def lower_name() -> str:
    """A body's name in lower case, as news writes it after a council's possessive: words of :func:`body_words` and
    connectors, ending in a head word ("children and young people's services policy and scrutiny panel"), a pattern
    (its apostrophes either way)."""
    words = sorted((re.escape(w).replace("'", "['’]") for w in body_words()), key=len, reverse=True)
    word = rf"(?:{'|'.join(words)})"
    heads = rules().body_heads
    return rf"(?-i:(?:{word}[ \t]+(?:(?:and|&|of|for|the|in|on|to)[ \t]+)*){{1,10}}(?i:{heads}))"


# ------------------------------------------------------------------------------------------ days

WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[A-Za-z]*"
#: A month's or a weekday's name in full: a date's word, never the first word of a body's name ("March and the
#: Board", "Tuesday Cabinet").
MONTH_OR_WEEKDAY_NAME = rf"(?i:{MONTH_NAMES}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
#: More days of one month before it: "on 3 and 10 May 2023", "on 3, 10 and 17 May 2023" (a meeting on each).
_MORE_DAYS = r"(?:(?:\s*,\s*|\s+(?:and|&)\s+)\d{1,2}(?i:st|nd|rd|th)?)*"
#: A full day in words ("6 December 2021", "the 10th of January 2022").
FULL_DAY = rf"(?i:the\s+)?\d{{1,2}}(?i:st|nd|rd|th)?\s+(?i:of\s+)?{MONTH}\.?,?\s+(?:19|20)\d\d"
#: More full days after one: "held on 6 December 2021 and 10 January 2022" (a meeting on each, not a span).
_MORE_FULL_DAYS = rf"(?:(?:\s*,\s*|\s+(?:and|&)\s+){FULL_DAY})*"
#: Days of other months before it, the year given once: "held on 1 April and 13 May 2008" (a meeting on each).
_EARLIER_MONTHS_DAYS = rf"(?:\d{{1,2}}(?i:st|nd|rd|th)?\s+{MONTH}(?:\s*,\s*|\s+(?:and|&)\s+)(?=\d))*"
DAY = (
    rf"(?P<date>(?i:the\s+)?{_EARLIER_MONTHS_DAYS}\d{{1,2}}(?i:st|nd|rd|th)?{_MORE_DAYS}\s+(?i:of\s+)?{MONTH}\.?,?\s+(?:19|20)\d\d{_MORE_FULL_DAYS}"
    rf"|{MONTH}\s+\d{{1,2}}(?i:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    # a day in figures: "16/07/2019", "16/7/19", "16.07.2019", "16.07.19" (with dots and a two-figure year, two
    # figures each, as the date finder reads it: "3.1.12" is a paragraph's number)
    r"|\d{1,2}/\d{1,2}/(?:(?:19|20)\d\d|\d\d(?!\d))|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d|\d\d\.\d\d\.\d\d(?!\d)|(?:19|20)\d\d-\d\d-\d\d)"
)
