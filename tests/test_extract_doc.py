"""The shared document of the extractors (:class:`caregraph.pipeline.extract.doc.Doc`): what it works out once is
what the finders would have worked out themselves."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from caregraph.pipeline.dates import find_dates
from caregraph.pipeline.extract.doc import (
    _ABBREVIATIONS,
    _BREAK,
    _MAX_SENTENCE,
    _WRAPPED,
    Doc,
    sentence_around,
    sentences,
    trim,
)
from caregraph.pipeline.extract.inspections import rules as inspection_rules
from caregraph.pipeline.segment import lines_with_offsets, segment
from caregraph.records import PartialDate, SourceDocument

TEXT = st.text(alphabet=st.sampled_from(list("ab C.\n\t 1/2019 March:;-")), max_size=300)


def doc_of(text: str) -> Doc:
    return Doc(segment(SourceDocument("x.txt", text, "0", "txt", len(text))))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.integers(0, 320), st.integers(0, 320))
def test_lines_of_a_window_are_the_lines_found_in_it(text, a, b):
    start, end = min(a, b), max(a, b)
    assert list(doc_of(text).lines_in(start, end)) == list(lines_with_offsets(text, start, end))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.integers(0, 320), st.integers(0, 320), st.booleans())
def test_dates_and_sentences_of_a_window_are_found_once(text, a, b, future):
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    doc = doc_of(text)
    anchor = PartialDate(2020, 6)
    first = doc.dates_in(start, end, anchor, future=future)
    assert list(first) == find_dates(text, anchor, start, end, future)
    assert doc.dates_in(start, end, anchor, future=future) is first
    assert list(doc.sentences_in(start, end)) == list(sentences(text, start, end))
    assert list(doc.dates) == find_dates(text)


def test_doc_of_a_doc_is_itself():
    doc = doc_of("Cabinet\nRESOLVED: That the report be noted.\n")
    assert Doc.of(doc) is doc and Doc.of(doc.seg) is not doc


def test_the_kinds_table_is_whole():
    """Every kind a generic mention's date gives is a row of the table, and every row says how it is graded."""
    rules = inspection_rules()  # raises ValueError for a kind missing from the table or a value out of its choices
    for kind in rules.kinds.values():
        assert kind.graded in {"always", "in-sentence", "never"}
        for _, target in kind.by_date + kind.by_publication:
            assert target in rules.kinds, (kind.key, target)
    assert {"generic", "generic-re"} <= {k.key for k, _ in rules.cue_kinds}


# Pieces of text where sentence breaks, abbreviations and list items meet (a break's quick first test must not lose one).
PIECES = st.sampled_from(["a", "A", "1", " ", "\n", "\t", ".", "?", ";", ":", '"', "’", "(", "•", "i)", "Mr.", "X."])
SENTENCE_TEXT = st.lists(PIECES, max_size=80).map("".join)


def plain_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """:func:`sentences` as first written: the break pattern alone, every break checked for an abbreviation."""
    pos = start
    for m in re.compile(_BREAK).finditer(text, start, end):
        if _ABBREVIATIONS.search(text, max(pos, m.start() - 8), m.start()):
            continue
        if m.group() == "\n" and _WRAPPED.search(text, max(pos, m.start() - 8), m.start()):
            continue
        assert m.start() - pos <= _MAX_SENTENCE  # the texts here are short
        s, e = trim(text, pos, m.start())
        if s < e:
            yield s, e
        pos = m.end()
    s, e = trim(text, pos, end)
    if s < e:
        yield s, e


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SENTENCE_TEXT, st.integers(0, 200), st.integers(0, 200))
@example("a: \nb ; \nc. ’ D", 0, 0)
def test_sentences_split_where_the_plain_pattern_does(text, a, b):
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert list(sentences(text)) == list(plain_sentences(text, 0, len(text)))
    assert list(sentences(text, start, end)) == list(plain_sentences(text, start, end))
    around = next((s for s in plain_sentences(text, max(0, start - 600), len(text)) if s[0] <= start <= s[1]), None)
    assert sentence_around(text, start, start) == (around or (start, start))


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("The service kept its grading in\nJanuary 2020 after a short inspection.", True),
        ("Inspectors visited between\nMarch and April 2019, the report says.", True),
        ("A report of the\nDirector of Children's Services was received.", True),
        ("The plan was agreed by\nCabinet on 4 May.", True),
        ("The plan was agreed\nCabinet then moved on.", False),  # a line ending in a verb may end a sentence
        ("Services improved.\nJanuary saw a new plan.", False),
    ],
)
def test_a_line_hard_wrapped_after_a_function_word_is_one_sentence(text, joined):
    """A single line break after a preposition, an article, a conjunction or a possessive is a hard wrap: no
    sentence ends with one of those words, whatever the next line starts with."""
    assert (len(list(sentences(text))) == 1) is joined


def test_sentences_keep_abbreviations_and_split_lists():
    text = "Mr. Smith met Dr. Jones.\nThe report\n• first item\n• second item\nNo. 5 was agreed; then:\nA new line"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Mr. Smith met Dr. Jones.",
        "The report",
        "• first item",
        "• second item",
        "No. 5 was agreed; then:",
        "A new line",
    ]
