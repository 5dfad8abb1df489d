"""The quick tests and narrowed searches of the round-9 speed pass over meetings, decisions and councils (speed
only: each lets a pattern be skipped or tried at fewer places, never changes a match).

Hypothesis writes texts of the words and marks the patterns read; the narrowed search must give the matches the
whole search gives, and a quick test must let every text with a match through.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Pieces of text the patterns below read: names of bodies, their verbs, days, sentence marks, white space.
_PIECES = [
    "The", "the", "THE", "Board", "board", "Committee", "committee", "Sub-Committee", "Cabinet", "cabinet", "Council",
    "council's", "County", "Scrutiny", "Children's", "children's", "services", "Corporate", "Parenting", "Panel",
    "Member", "member", "and", "of", "for", "to", "on", "Members", "Councillors", "noted", "agreed", "met", "considered",
    "was", "were", "presented", "resolved", "decided", "voted", "approved", "Agreed", "DECIDED", "disagreed", "to note",
    "that", "it", "be", "should", "not", "minutes", "The minutes", "signed as a correct record", "decision",
    "today's", "Today’s", "yesterday's", "this morning's", "last night's", "tonight's", "evening's", "noon's", "'s",
    "meeting", "Full", "Forum", "Group", "Partnership", "the following", "points", "were agreed:", "noted the following",
    "said", "comments were made", "5 March 2024", "(CPB)", ",", ".", ":", ";", "-", "–", "(", ")", "|", "'", "’",
    " ", " ", " ", " ", "  ", "\t", "\n", "\n\n", ". ", ":  ", "\u00a0",
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _spans(matches) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


def test_acting_bodies_tried_before_each_the_find_what_a_search_finds():
    """:func:`_acting_matches` tries the pattern at the few starts before each "The": the matches of a search."""
    from caregraph.pipeline.extract.header_meetings import _acting_bodies, _acting_matches

    @_SETTINGS
    @given(_TEXT)
    def same(text: str) -> None:
        assert _spans(_acting_matches(text, len(text))) == _spans(_acting_bodies().finditer(text, 0, len(text)))

    same()
    text = "Minutes.  The Corporate Parenting Board noted the plan.\n  The Scrutiny Committee considered it."
    assert [m.group("head") for m in _acting_matches(text, len(text))] == ["Board", "Committee"]


def test_named_bodies_line_by_line_are_those_of_the_whole():
    """:func:`_named_bodies` searches only the lines that hold a head word: the matches of a search of the whole."""
    from caregraph.pipeline.extract.meeting_bodies import _named_bodies, named_body

    @_SETTINGS
    @given(_TEXT, st.integers(min_value=0, max_value=400))
    def same(text: str, cut: int) -> None:
        end = min(len(text), cut)
        whole = _spans(named_body().finditer(text, 0, end))
        assert _spans(_named_bodies(text, end, True)) == whole
        assert _spans(_named_bodies(text, end, False)) == whole

    same()


def test_every_days_meeting_passes_the_quick_test():
    """``_may_name_today`` gates ``_TODAYS``: a text (that folds simply) with a match passes it."""
    from caregraph.pipeline.casefold import folds_simply
    from caregraph.pipeline.extract.meetings_in_text import _TODAYS, _may_name_today

    @_SETTINGS
    @given(_TEXT)
    def gated(text: str) -> None:
        if _TODAYS.search(text) is not None:
            assert _may_name_today(text, len(text)), text

    when = st.sampled_from(
        ["today", "tonight", "yesterday", "this morning", "this\tafternoon", "this  evening", "last night"]
    )
    cased = st.tuples(when, st.sampled_from([str.lower, str.upper, str.title, str.capitalize])).map(
        lambda w: w[1](w[0])
    )

    @_SETTINGS
    @given(_TEXT, cased, st.sampled_from(["'s ", "’s\t", "'S  "]), _TEXT)
    def generated(before: str, day: str, mark: str, after: str) -> None:
        text = before + day + mark + after
        if folds_simply(text) and _TODAYS.search(text) is not None:
            assert _may_name_today(text, len(text)), text

    gated()
    generated()


def test_lead_ins_end_in_a_colon():
    """``_ends_in_colon`` gates ``_NOTED_LEAD_IN`` and (off the text's start) ``_AGREED_LEAD_IN``."""
    from caregraph.pipeline.extract.headless_decisions import _AGREED_LEAD_IN, _NOTED_LEAD_IN, _ends_in_colon

    @_SETTINGS
    @given(st.text(alphabet=" \t\n:.x", max_size=6), _TEXT, st.text(alphabet=" \t\n:.", max_size=4))
    def gated(before: str, text: str, after: str) -> None:
        text = text + after
        if _NOTED_LEAD_IN.search(text) is not None:
            assert _ends_in_colon(text, 0, len(text)), text
        whole = before + text
        if before and _AGREED_LEAD_IN.search(whole, len(before), len(whole)) is not None:
            assert _ends_in_colon(whole, len(before), len(whole)), whole

    gated()


def test_reported_cues_tried_where_their_words_start_find_what_a_search_finds():
    """``_REPORTED_CUE`` and ``_REPORTED_ACTIVE`` tried only where one of their first words starts
    (:func:`~caregraph.pipeline.extract.patterns.finditer_at_words`, ``found_at_words``) find what a search finds."""
    from caregraph.pipeline.extract.headless_decisions import (
        _ACTIVE_VERBS,
        _REPORTED_ACTIVE,
        _REPORTED_CUE,
        _REPORTED_WORDS,
    )
    from caregraph.pipeline.extract.patterns import finditer_at_words, found_at_words

    @_SETTINGS
    @given(_TEXT)
    def same(text: str) -> None:
        low = text.lower()
        end = len(text)
        assert _spans(finditer_at_words(_REPORTED_ACTIVE, text, 0, end, low, _ACTIVE_VERBS)) == _spans(
            _REPORTED_ACTIVE.finditer(text)
        )
        assert _spans(finditer_at_words(_REPORTED_CUE, text, 0, end, low, _REPORTED_WORDS)) == _spans(
            _REPORTED_CUE.finditer(text)
        )
        assert found_at_words(_REPORTED_CUE, text, 0, end, low, _REPORTED_WORDS) == (
            _REPORTED_CUE.search(text) is not None
        )

    same()


def test_list_openers_look_ahead_for_be_changes_no_match():
    """The list openers' look-ahead for " be " before the modals' look-behinds (rules/decisions.toml) is for speed:
    without it the pattern matches the same."""
    from caregraph.pipeline.extract.decision_rules import rules

    listed = rules().listed
    plain = re.compile(listed.pattern.replace(r"(?=\s+be\s)", "", 1), listed.flags)
    assert plain.pattern != listed.pattern
    pieces = [*_PIECES, "will", "would", "must", "never", "duly", "hereby", "report", "plan", "these", "for", "further"]

    @_SETTINGS
    @given(st.lists(st.sampled_from(pieces), max_size=30).map("".join))
    def same(text: str) -> None:
        a, b = listed.match(text), plain.match(text)
        assert (a and a.span()) == (b and b.span()), text

    same()
    assert listed.match("the report be noted") and not listed.match("the report should be noted")


def test_gazetteer_finds_the_same_names_twice_and_each_host_once():
    """:meth:`Gazetteer.find` gives the same names each time (it keeps nothing: ``Doc.councils_in`` keeps a
    document's); :meth:`Gazetteer.from_url` each host's answer."""
    from caregraph.gazetteer import gazetteer

    gaz = gazetteer()
    text = "Surrey County Council and Kent. Leeds City Council (LCC) met Hampshire CC."
    first = list(gaz.find(text))
    assert list(gaz.find(text)) == first == list(gaz.find(text, 0, len(text)))
    assert [slug for _, _, slug in first] == ["surrey", "kent", "leeds", "hampshire"]
    assert list(gaz.find(text, 0, 20)) == list(gaz.find(text[:20]))
    url = "https://democracy.leeds.gov.uk/mgAi.aspx?ID=1"
    assert gaz.from_url(url) == gaz.from_url(url.replace("ID=1", "ID=2")) == "leeds"


def test_news_day_led_by_its_first_letters_matches_as_written_before():
    """``_NEWS_DAY`` is led by its first letters, the rest of each word picked by a look-behind: the matches of the
    pattern as it was written before (a look-ahead on those letters, then the words whole)."""
    from caregraph.pipeline.extract.meeting_rules import MONTH, WEEKDAY
    from caregraph.pipeline.extract.meetings_in_text import _NEWS_DAY

    before = re.compile(
        r"(?=(?i:[lotyn]))(?<!\w)"
        rf"(?:(?P<paren>(?i:\b(?:tonight|today|tomorrow|this\s+(?:evening|morning|afternoon|week)|last\s+night|yesterday"
        rf"|(?:next|later\s+this|last)\s+(?:week|month)"
        rf"|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s*\(\s*)){WEEKDAY}"
        rf"|(?i:\bon\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?))"
        rf"(?P<date>\d{{1,2}}(?i:st|nd|rd|th)?\s+{MONTH}|{MONTH}\s+\d{{1,2}}(?i:st|nd|rd|th)?)"
        r"(?(paren)\s*\)|\b(?![ \t]*,?[ \t]*\d))"
    )
    words = ["tonight", "Today", "TOMORROW", "this evening", "This  week", "last night", "Last month", "yesterday",
             "next week", "later this month", "later  this week", "on Tuesday", "On Wednesday", "ON FRIDAY", "on",
             "xon", "atonight", "Saturday", "(", " (", "( ", ")", " )", ",", " ", "\t", "\n", "the ", "3", "10th",
             "December", "dec", "5 March", "March 5", "2024", "Thursday, ", "Monday "]  # fmt: skip

    def found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
        return [(m.span(), m.span("date"), m.group("paren") is not None) for m in pattern.finditer(text)]

    piece = st.sampled_from(words)
    day = st.sampled_from(
        ["tonight", "Today", "last night", "next week", "Later this month", "on Tuesday", "On Sunday"]
    )
    date = st.sampled_from(["3 December", "December 3rd", "Thursday, November 7", "5 march", "the 4 September"])

    @_SETTINGS
    @given(st.lists(piece, max_size=6), day, st.sampled_from([" (", " ( ", ", ", " ", "("]), date, st.lists(piece))
    def same(before_words: list[str], when: str, sep: str, when_date: str, after: list[str]) -> None:
        text = "".join(before_words) + when + sep + when_date + "".join(after)
        assert found(_NEWS_DAY, text) == found(before, text), text

    @_SETTINGS
    @given(st.lists(piece, max_size=14).map("".join))
    def same_anywhere(text: str) -> None:
        assert found(_NEWS_DAY, text) == found(before, text), text

    same()
    same_anywhere()
    assert _NEWS_DAY.search("the cabinet tonight (December 3)") is not None


def test_every_reported_cue_starts_with_a_word_of_its_list():
    """The reported cues are tried only where a word of their lists starts (``finditer_at_words``): every match (of texts Hypothesis writes
    from the pattern, its first-letter look-ahead dropped, which only widens it) that folds simply starts so."""
    from caregraph.pipeline.casefold import folds_simply
    from caregraph.pipeline.extract.headless_decisions import (
        _ACTIVE_VERBS,
        _REPORTED_ACTIVE,
        _REPORTED_CUE,
        _REPORTED_WORDS,
    )

    def check(compiled: re.Pattern[str], words: tuple[str, ...]) -> None:
        widened = re.compile(re.sub(r"\(\?=\[[^\]]*\]\)", "", compiled.pattern), compiled.flags)

        @_SETTINGS
        @given(st.from_regex(widened, fullmatch=True))
        def starts_with_a_word(text: str) -> None:
            if folds_simply(text):
                assert text.lower().startswith(words), text

        starts_with_a_word()

    check(_REPORTED_CUE, _REPORTED_WORDS)
    check(_REPORTED_ACTIVE, _ACTIVE_VERBS)


def test_every_day_starts_with_a_character_of_its_look_ahead():
    """``_ANY_DAY`` is :data:`DAY` led by a look-ahead on ``_DAY_FIRSTS``: every match of ``DAY`` starts with one."""
    from caregraph.pipeline.extract.meeting_rules import DAY
    from caregraph.pipeline.extract.meetings_in_text import _ANY_DAY, _DAY_FIRSTS

    firsts = re.compile(_DAY_FIRSTS)

    @_SETTINGS
    @given(st.from_regex(re.compile(DAY), fullmatch=True))
    def led(text: str) -> None:
        assert firsts.match(text), text
        assert _ANY_DAY.fullmatch(text), text

    led()
    # the first characters that a case-insensitive letter of DAY matches: a one-character pattern finds each in a
    # string of every character once (a search of it, not a match call per character)
    every = "".join(map(chr, range(0x110000)))
    for c in re.findall(r"(?i:[tjfmasond])", every):
        assert firsts.match(c), hex(ord(c))
