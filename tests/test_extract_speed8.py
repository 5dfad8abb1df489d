"""The pre-checks of the round-8 speed pass (speed only: each may let a pattern be skipped, never change a match).

Hypothesis writes texts each guarded pattern matches; the pre-check in front of it must let every one through, or a
match would silently be lost.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_every_day_written_otherwise_holds_a_month_name():
    """``_MONTH_NAME`` gates ``_DAY_WRITTEN_OTHERWISE``: a span without a month's name as written holds no match."""
    from caregraph.pipeline.extract.inspection_dates import _DAY_WRITTEN_OTHERWISE, _MONTH_NAME

    @_SETTINGS
    @given(st.from_regex(_DAY_WRITTEN_OTHERWISE, fullmatch=True))
    def holds_a_month(text: str) -> None:
        assert _MONTH_NAME.search(text) is not None, text

    holds_a_month()


def test_every_lettered_run_ends_in_a_nominal_before_the_comma():
    """``_nominal_before_comma`` gates the runs :func:`_lettered_posts` reads: a run whose last word is a
    post-nominal (the only runs it reads) holds a match of the gate."""
    from caregraph.pipeline.extract.names import rules
    from caregraph.pipeline.extract.people_in_apposition import _CAPITAL_RUN, _nominal_before_comma

    nominals = sorted(rules().post_nominals)
    run = st.lists(st.from_regex(r"[A-Z][A-Za-z]{1,7}", fullmatch=True), max_size=3)

    @_SETTINGS
    @given(run, st.sampled_from(nominals), st.from_regex(r"[ \t]*,[ \t]*(?:the[ \t]+)?[A-Z]", fullmatch=True))
    def gated(words: list[str], nominal: str, after: str) -> None:
        text = " ".join([*words, nominal]) + after
        m = _CAPITAL_RUN.search(text)
        if m is not None and m.group(0).split()[-1] in nominals:
            assert _nominal_before_comma().search(text) is not None, text

    gated()


@pytest.mark.parametrize("kind", ["held", "subject", "next_to"])
def test_a_quick_test_matched_at_head_words_finds_what_its_search_finds(kind):
    """A window's quick test is matched only where :func:`_head_at` finds a head word; on every text the search of
    the test matches, that finds a match too (and none where the search finds none)."""
    from caregraph.pipeline.extract.meetings_in_text import _head_at, _quick_tests

    test = _quick_tests()[kind]

    def at_heads(text: str) -> bool:
        return any(test.match(text, m.start()) for m in _head_at().finditer(text))

    @_SETTINGS
    @given(st.text(alphabet="ab ,.", max_size=8), st.from_regex(test, fullmatch=True), st.text(max_size=8))
    def same(before: str, matched: str, after: str) -> None:
        text = before + matched + after
        assert at_heads(text) == (test.search(text) is not None), text

    same()
    for text in ("the Board met", "Sub-Committee on 5 March 2024", "no body here 5 March 2024"):
        assert at_heads(text) == (test.search(text) is not None)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (r"\n|[.!?;:](?=[\s\"”’'])", "caregraph.pipeline.extract.doc:_BREAK_CANDIDATE"),
        (r"(?=o)(?<=\s)on", "on(?<=\\son)"),
    ],
)
def test_a_reordered_pattern_matches_where_it_did(old, new):
    """Patterns reordered for speed (a class or literal first, the look-around after it) match where they did."""
    import importlib

    if ":" in new:
        module, name = new.split(":")
        new_re = getattr(importlib.import_module(module), name)
    else:
        new_re = re.compile(new)
    old_re = re.compile(old)

    @_SETTINGS
    @given(st.text(alphabet=" \t\n.!?;:o n\"”’'x", max_size=30))
    def same(text: str) -> None:
        assert [m.span() for m in old_re.finditer(text)] == [m.span() for m in new_re.finditer(text)], text

    same()
