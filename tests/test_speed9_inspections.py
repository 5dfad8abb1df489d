"""The pre-checks of the round-9 speed pass on the inspections and judgements finders (speed only: each lets a pattern
be skipped or tried at fewer places, never changes what is found).

Hypothesis writes texts from fragments of the words the patterns look for (so that matches are frequent), and every
gated or anchored form must find what the plain search finds.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caregraph.pipeline.extract.patterns import folds_simply, holds_any

_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _window(text: str, cut_start: int, cut_end: int) -> tuple[int, int, str | None]:
    """A window of ``text`` less ``cut_start`` characters at its start and ``cut_end`` at its end, and the window's lower
    case when it folds simply (else None), as the finders pass them."""
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    span = text[start:end]
    return start, end, span.lower() if folds_simply(span) else None


def _texts(fragments: list[str]) -> st.SearchStrategy[str]:
    """Texts of ``fragments`` in any case, each followed by a space, punctuation or nothing, with odd letters among
    them (the two "İ" and "K" fold otherwise)."""
    pieces = st.sampled_from([*fragments, "x", "ab", "İ", "K"])
    cased = st.tuples(pieces, st.sampled_from([str, str.upper, str.title])).map(lambda p: p[1](p[0]))
    after = st.sampled_from([" ", " ", " ", "  ", "\n", "-", ",", ".", "'", "(", ")", ""])
    return st.lists(st.tuples(cased, after).map("".join), max_size=12).map("".join)


_CUE_FRAGMENTS = [
    "inspect", "visit", "review", "of", "ofs", "ofsted", "oft", "oftsed", "ofstead", "ed", "t", "ead", "jtai", "joint",
    "targeted", "ila", "ilacs", "ilcas", "ilaas", "ilccs", "local", "authority", "children", "sif", "single",
    "inspection", "commissioner", "peer", "dfe", "department", "for", "education", "week", "weeks", "weekly",
    "fortnight", "annual", "monitoring", "letter", "stocktake", "hmi", "watchdog", "regulator", "apa", "capacity",
    "available", "classified",
]  # fmt: skip
_GRADE_FRAGMENTS = [
    "good", "outstanding", "inadequate", "adequate", "improv", "improvement", "improving", "requir", "requires", "need",
    "needs", "needed", "ri", "RI", "children", "lowest", "worst", "highest", "top", "possible", "overall", "ofsted",
    "judgement", "judgment", "rating", "grade",
]  # fmt: skip
#: Grade fragments without the words that are matches on their own: the matches left start elsewhere.
_RARE_GRADE_FRAGMENTS = [
    "ri", "RI", "Ri", "children", "need", "needs", "needed", "needing", "improv", "top", "lowest", "worst", "highest",
    "possible", "overall", "ofsted", "judgement", "rating", "grad", "tops", "needs improv", "needed improving",
    "top rating", "RI ",
]  # fmt: skip
#: Cue fragments without the words that are matches on their own.
_RARE_CUE_FRAGMENTS = [
    "of", "ofs", "oft", "ofsted", "Ofsted", "oftsed", "ofstead", "ed", "ted", "ead", "joint", "joint targeted", "targeted",
    "ila", "ilc", "ilacs", "ilaas", "ilccs", "local", "local authority children", "authority", "children", "sif",
    "single", "single inspection", "department", "department for education", "for", "education", "week", "weeks",
    "weekly", "monitoring", "monitoring letter", "letter", "apa", "capacity", "available", "classified",
]  # fmt: skip


def test_the_sure_words_of_a_gate_are_matches_wherever_they_stand():
    """A text that holds a "sure" word holds a match of the gate it stands for, whatever is around it."""
    from caregraph.pipeline.extract import inspection_cues, inspections, judgements

    cases = [
        (inspections._MAY_CUE, inspections._SURE_CUE),
        (inspections._MAY_GRADE, inspections._SURE_GRADE),
        (judgements._GRADE_WORD, judgements._SURE_GRADE_WORDS),
        (inspection_cues._VISIT_WORD, inspection_cues._SURE_VISIT),
    ]
    around = st.text(alphabet="abcxyz -,.'\n", max_size=6)

    @_SETTINGS
    @given(st.sampled_from(range(len(cases))), around, around, st.sampled_from([str, str.upper, str.title]))
    def sure(case: int, before: str, after: str, cased) -> None:  # type: ignore[no-untyped-def]
        pattern, words = cases[case]
        for word in words:
            assert pattern.search(before + cased(word) + after) is not None, (pattern.pattern, word)

    sure()


@pytest.mark.parametrize(
    "module, gate, pattern, fragments",
    [
        ("inspections", "_may_cue", "_MAY_CUE", _CUE_FRAGMENTS),
        ("inspections", "_may_cue", "_MAY_CUE", _RARE_CUE_FRAGMENTS),
        ("inspections", "_may_grade", "_MAY_GRADE", _GRADE_FRAGMENTS),
        ("inspections", "_may_grade", "_MAY_GRADE", _RARE_GRADE_FRAGMENTS),
        ("judgements", "_may_grade", "_GRADE_WORD", _GRADE_FRAGMENTS),
        ("judgements", "_may_grade", "_GRADE_WORD", _RARE_GRADE_FRAGMENTS),
    ],
)
def test_a_gate_tried_at_its_words_finds_what_its_search_finds(module, gate, pattern, fragments):
    """``_may_cue`` and the two ``_may_grade`` try their patterns only where a word starts; on every text, and every
    window of it, they say what the search says."""
    import importlib

    mod = importlib.import_module(f"caregraph.pipeline.extract.{module}")
    tried, compiled = getattr(mod, gate), getattr(mod, pattern)

    @_SETTINGS
    @given(_texts(fragments), st.integers(0, 6), st.integers(0, 6))
    def same(text: str, cut_start: int, cut_end: int) -> None:
        start, end, low = _window(text, cut_start, cut_end)
        assert tried(text, start, end, low) == (compiled.search(text, start, end) is not None), text

    same()


def test_a_word_index_tells_the_words_a_text_holds():
    """:meth:`WordIndex.held` has the bit of each word ``word in low`` finds, and only those."""
    from caregraph.pipeline.extract.inspection_rules import WordIndex, rules

    index = rules().cue_index
    words = list(index.words)
    assert any(" " in w for w in words)  # words of several runs are among them

    @_SETTINGS
    @given(_texts([*_CUE_FRAGMENTS, "area", "special", "educational", "re-inspect", "reinspect", "send", "focus"]))
    def held(text: str) -> None:
        low = text.lower()
        assert index.held(low) == index.mask([w for w in words if w in low]), text

    held()
    small = WordIndex(["abc", "b c", "c-d"])
    assert small.held("xabcx b c") == small.mask(["abc", "b c"])
    assert small.held("c-d") == small.mask(["c-d"])


def test_grade_lines_are_the_matches_of_the_grade_line_pattern():
    """:func:`_grade_lines` tries :data:`_GRADE_LINE` only where a grade starts after a line's start or a bar; it
    gives the matches ``finditer`` gives."""
    from caregraph.pipeline.extract.judgements import _GRADE_LINE, _grade_lines

    fragments = [
        "good", "Good", "outstanding", "inadequate", "requires", "require", "improvement", "to be good", "Leadership",
        "|", " | ", "\t", ":", " : ", "\n", "\n\n", "  ", "x", "overall", "Requires Improvement",
    ]  # fmt: skip

    @_SETTINGS
    @given(st.lists(st.sampled_from(fragments), max_size=16).map("".join), st.integers(0, 5))
    def same(text: str, cut: int) -> None:
        limit = max(0, len(text) - cut)
        low = text[:limit].lower() if folds_simply(text) else None
        found = [(m.span(), m.group("bar")) for m in _grade_lines(text, limit, low)]
        assert found == [(m.span(), m.group("bar")) for m in _GRADE_LINE.finditer(text, 0, limit)], text

    same()


def test_every_report_subject_match_names_a_report_or_letter():
    """``report_subject`` is not searched in a sentence without "report" or "letter" (speed only): each of its matches
    holds one, in its words or its look-ahead."""
    from caregraph.pipeline.extract.inspection_cues import _REPORT_SUBJECT_WORDS
    from caregraph.pipeline.extract.inspection_rules import rules

    pattern = rules().report_subject
    fragments = [
        "Ofsted", "inspectors", " criticised the council ", "in a report published", "in its letter, issued", "in",
        "a", "its", "their", "report", "letter", "published", "issued", "released", ", Ofsted said", ", inspectors found",
        "new", "reported", "reports", "letters",
    ]  # fmt: skip

    @_SETTINGS
    @given(_texts(fragments))
    def holds(text: str) -> None:
        m = pattern.search(text)
        if m is not None and folds_simply(text):
            assert holds_any(text.lower(), _REPORT_SUBJECT_WORDS), text

    holds()
    assert pattern.search("Ofsted criticised the service in a report published in 2012.")


def test_every_same_grade_match_holds_a_word_of_its_list():
    """``same_grade`` is searched only in a sentence holding a word of ``_SAME_WORDS`` (speed only): Hypothesis writes
    texts the rules' pattern matches, and each that folds simply holds one."""
    from caregraph.pipeline.extract.doc import load_rules
    from caregraph.pipeline.extract.inspections import _SAME_WORDS

    pattern = re.compile(load_rules("inspections")["inspection_cues"]["same_grade"], re.I)

    @_SETTINGS
    @given(st.from_regex(pattern, fullmatch=True))
    def holds(text: str) -> None:
        if folds_simply(text):
            assert holds_any(text.lower(), _SAME_WORDS), text

    holds()


_ANAPHOR_FRAGMENTS = [
    "the", "its", "their", "inspection", "inspections", "visit", "revisit", "re-visit", "visits", "in", "of", "report",
    "letter", "findings", "published", "issued", "ofsted", "Ofsted", "inspector", "inspectors", "HMI", "HMIs",
    "inspection team", "education", "education watchdog", "watchdog", "visited", "visiting", "returned", "came back",
    "came to", "Anytown", "spent", "were on site", "was in", "had been in", "the borough", "who", "from", "last",
]  # fmt: skip


#: Whole phrases the visit verbs and report anaphors match, with the fragments above.
_PHRASES = [
    "Education watchdog visited", "education watchdog spent", "HMI visited", "HMIs returned", "HMI inspectors came back",
    "inspection team were on site", "Inspectors, who visited", "Ofsted inspectors were in", "their report was published",
    "their findings, issued", "its report published", "its final letter has been released", "their full report (",
]  # fmt: skip


@pytest.mark.parametrize(
    "pattern, starts, fragments",
    [
        ("anaphor", "_ANAPHOR_STARTS", _ANAPHOR_FRAGMENTS),
        ("report_anaphor", "_REPORT_ANAPHOR_STARTS", [*_ANAPHOR_FRAGMENTS, *_PHRASES]),
        ("visit_verb", "_VISIT_VERB_STARTS", [*_ANAPHOR_FRAGMENTS, *_PHRASES]),
        ("visit_verb", "_VISIT_VERB_STARTS", _PHRASES),
        ("report_anaphor", "_REPORT_ANAPHOR_STARTS", _PHRASES),
    ],
)
def test_the_anaphor_patterns_tried_at_their_start_words_find_what_finditer_finds(pattern, starts, fragments):
    """``anaphor``, ``report_anaphor`` and ``visit_verb`` are tried only where a word of their start lists starts
    (:func:`finditer_at_words`): on every text, and every window of it, the same matches as ``finditer``."""
    from caregraph.pipeline.extract import inspection_cues
    from caregraph.pipeline.extract.inspection_rules import rules
    from caregraph.pipeline.extract.patterns import finditer_at_words

    compiled, words = getattr(rules(), pattern), getattr(inspection_cues, starts)

    @_SETTINGS
    @given(_texts(fragments), st.integers(0, 6), st.integers(0, 6))
    def same(text: str, cut_start: int, cut_end: int) -> None:
        start, end, low = _window(text, cut_start, cut_end)
        found = [(m.span(), m.groupdict()) for m in finditer_at_words(compiled, text, start, end, low, words)]
        assert found == [(m.span(), m.groupdict()) for m in compiled.finditer(text, start, end)], text

    same()
