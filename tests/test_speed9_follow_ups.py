"""Speed pass 9 on follow-ups and dates: the gates it added change no match.

- :func:`caregraph.pipeline.extract.patterns.by_first_letter` (through ``at_word_starts(…, by_letter=True)``) groups a
  pattern's alternatives by their first letter: the follow-up cue and not-cue find the same matches as before.
- ``find_dates`` skips a pattern when the span lacks a character or word the pattern spells out (``_NEEDS``: a year,
  "/", "-", "q", "and", "year", an inspection's word): every match of such a pattern holds what it needs, and the dates
  found are the same as with every pattern tried.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caregraph.pipeline import dates
from caregraph.pipeline.extract import follow_ups
from caregraph.pipeline.extract.doc import load_rules
from caregraph.pipeline.extract.patterns import at_word_starts, by_first_letter, folds_simply, holds_any
from caregraph.records import PartialDate

# -- grouping alternatives by their first letter -----------------------------------------------------------------------


def test_by_first_letter_groups_alternatives_in_their_order() -> None:
    grouped = by_first_letter(r"\bfoo|\bbar|(?:fa|ba)z")
    assert grouped == r"(?=[b])(?:\bbar|(?:fa|ba)z)|(?=[f])(?:\bfoo|(?:fa|ba)z)"


@pytest.mark.parametrize(
    "alternation",
    [
        r"a(b)|c",  # a capturing group would be repeated
        r"a(?P<x>b)|c",
        r"\d+|abc",  # a first character that is no letter
        r".x|abc",
    ],
)
def test_by_first_letter_declines_what_it_cannot_group(alternation: str) -> None:
    assert by_first_letter(alternation) is None


def test_at_word_starts_by_letter_keeps_a_pattern_it_cannot_group() -> None:
    assert at_word_starts(r"\bfoo(x)|\bbar", by_letter=True).pattern == at_word_starts(r"\bfoo(x)|\bbar").pattern


#: Words and pieces of the follow-up cues and not-cues (and a few that fold otherwise), for texts that match them often.
_PIECES = (
    "report", "back", "will", "would", "be", "brought", "to", "the", "next", "meeting", "Cabinet", "Committee", "by",
    "end", "of", "deadline", "due", "for", "sign", "off", "signed", "was", "agreed", "asked", "whether", "Ofsted",
    "inspectors", "subject", "further", "update", "in", "March", "plans", "planned", "intends", "there", "an", "a",
    "receive", "its", "go", "goes", "before", "meets", "on", "again", "aims", "come", "comes", "item", "has", "until",
    "deferred", "referred", "is", "are", "expected", "submission", "no", "later", "than", "that", "hope", "retire",
    "DfE", "government", "questions", "call-in", "Next", "Meeting", "ſign", "İtem", "noted", "place", "takes",
    "return", "bring", "them", "set", "provide", "updated", "Ask", "WILL", "BE", "circulated", "x", "1", "2024",
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", "  ", "\n", ", ", ". ", "; ", "-", "’", "(", ")", ""])
_TEXTS = st.lists(st.tuples(st.sampled_from(_PIECES), _SEPARATORS), max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def _spans(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, pos, endpos)]


@pytest.mark.parametrize("name", ["cue", "not_cue"])
def test_follow_up_patterns_grouped_by_letter_match_as_written(name: str) -> None:
    """The compiled cue and not-cue (grouped by first letter, led by look-arounds) find what the rules' patterns,
    compiled as written, find: at every window of generated texts."""
    written = re.compile(load_rules("follow_ups")["follow_ups"][name], re.I)
    compiled = getattr(follow_ups.rules(), name)
    assert "(?=[a])" in compiled.pattern  # (grouped)

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_TEXTS, st.integers(0, 20), st.integers(0, 20))
    def same(text: str, cut_start: int, cut_end: int) -> None:
        pos, endpos = min(cut_start, len(text)), max(0, len(text) - cut_end)
        assert _spans(compiled, text, pos, endpos) == _spans(written, text, pos, endpos)
        assert [m and m.span() for m in [compiled.search(text)]] == [m and m.span() for m in [written.search(text)]]

    same()


# -- the date finder's needs ---------------------------------------------------------------------------------------------

#: The needs of _NEEDS that are a character or word the pattern spells out, as a test on a matched text.
_SPELLED = {
    "slash": lambda t: "/" in t,
    "slash or dot": lambda t: "/" in t or "." in t,
    "hyphen": lambda t: "-" in t,
    "q": lambda t: "q" in t.lower(),
    "and": lambda t: "and" in t.lower(),
    "year word": lambda t: "year" in t.lower(),
    "event": lambda t: holds_any(t.lower(), dates._EVENT_WORDS),
    "year": lambda t: dates._YEAR.search(t) is not None,
}
_KIND_NEEDS = [
    (kind, need) for kind, needs in dates._NEEDS.items() for need in needs if need in _SPELLED
]  # fmt: skip


def _widened(pattern: str) -> str:
    """``pattern`` with its look-behinds, negative look-aheads, one-character look-aheads and look-aheads before its
    first character (what it starts with) dropped, and its other look-aheads made part of the match (what a look-ahead
    sees lies in the span searched: its needs are the span's)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if pattern[i] == "[":
            close = pattern.index("]", i + 2 if pattern[i + 1] in "^]" else i + 1)
            out.append(pattern[i : close + 1])
            i = close + 1
            continue
        head = next((h for h in ("(?<=", "(?<!", "(?=", "(?!") if pattern.startswith(h, i)), None)
        if head is None:
            out.append(pattern[i])
            i += 1
            continue
        depth, j = 0, i
        while True:  # the look-around's closing bracket
            c = pattern[j]
            if c == "\\":
                j += 2
                continue
            if c == "[":
                j = pattern.index("]", j + 2 if pattern[j + 1] in "^]" else j + 1) + 1
                continue
            depth += {"(": 1, ")": -1}.get(c, 0)
            j += 1
            if depth == 0:
                break
        inner = pattern[i + len(head) : j - 1]
        if head == "(?=" and "".join(out) and not re.fullmatch(r"\[[^\]]*\]|\\d", inner):
            out.append(f"(?:{_widened(inner)})")
        i = j
    return "".join(out)


@pytest.mark.parametrize(("kind", "need"), _KIND_NEEDS)
def test_every_match_of_a_date_pattern_holds_what_it_needs(kind: str, need: str) -> None:
    """Hypothesis writes texts each pattern matches (its look-arounds dropped, which only widens it); every one that
    folds simply holds what ``_NEEDS`` says the pattern needs."""
    pattern = dict(dates._PATTERNS)[kind]
    compiled = re.compile(_widened(pattern.pattern).replace(r"\b", ""), pattern.flags)
    test = _SPELLED[need]

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.from_regex(compiled, fullmatch=True))
    def holds(text: str) -> None:
        if folds_simply(text):
            assert test(text), text

    holds()


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (dates._SEASON_WORD, dates._SEASON_WORDS),
        (dates._RELATIVE_WORD, dates._RELATIVE_WORDS),
        (dates._DATE_WORD, dates._DATE_WORDS),
        (dates._YEAR, ("1", "2")),
    ],
)
def test_every_match_of_a_word_prefiltered_date_pattern_holds_a_word_of_its_list(
    pattern: re.Pattern[str], words: tuple[str, ...]
) -> None:
    """The word lists that gate the date finder's cheap tests (speed only) hold a word of every match."""
    compiled = re.compile(_widened(pattern.pattern).replace(r"\b", ""), pattern.flags)

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.from_regex(compiled, fullmatch=True))
    def holds(text: str) -> None:
        if folds_simply(text):
            assert holds_any(text.lower(), words), text

    holds()


_DATE_PIECES = (
    "16", "2019", "2024", "3", "21st", "05", "12/06/2015", "16.07.2019", "28/10/19", "2019-07-16", "Q3", "quarter", "2",
    "May", "may", "June", "Sept.", "December", "dec", "Spring", "summer", "in", "on", "by", "of", "and", "to", "or",
    "between", "from", "this", "last", "next", "year", "month", "week", "(2023)", "inspection", "visit", "judgement",
    "rating", "grade", "verdict", "JTAI", "Judgment", "the", "early", "late", "mid-", "Monday", "today", "tomorrow", "within", "coming", "months", "six", "end",
    "new", "ILACS", "ſpring", "İn", "/", "-", ".", "(", ")", "’s",
)  # fmt: skip
_DATE_TEXTS = st.lists(st.tuples(st.sampled_from(_DATE_PIECES), _SEPARATORS), max_size=25).map(
    lambda parts: "".join(w + s for w, s in parts)
)
_ANCHORS = st.sampled_from([None, PartialDate(2023, 6, 14), PartialDate(2024, 1), PartialDate(2022)])


def test_dates_found_with_the_needs_are_those_found_trying_every_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """The dates ``find_dates`` finds skipping the patterns whose needs a span lacks are those it finds trying every
    pattern, in windows of generated texts, with and without an anchor and each option."""
    gated = dates._patterns_to_try

    def every_pattern(missing: frozenset[str], anchored: bool, planned_season: bool) -> tuple:
        return gated(frozenset(), anchored, planned_season)

    @settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_DATE_TEXTS, _ANCHORS, st.booleans(), st.booleans(), st.booleans(), st.integers(0, 6))
    def same(text: str, anchor: PartialDate | None, future: bool, durations: bool, seasons: bool, cut: int) -> None:
        start = min(cut, len(text))
        with_needs = dates.find_dates(text, anchor, start, None, future, durations, seasons)
        with monkeypatch.context() as m:
            m.setattr(dates, "_patterns_to_try", every_pattern)
            without = dates.find_dates(text, anchor, start, None, future, durations, seasons)
        assert with_needs == without, text

    same()
