"""The short cuts of the round-9 speed pass over the people finders (speed only: each tries a pattern at fewer places
or finds its places another way, never changes a match).

Hypothesis writes texts of the pieces the patterns look for (names, honorifics, posts, punctuation, line breaks);
on each, the short cut must give what the plain form gives.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PIECES = [
    "Jo", "Example", "Kit", "Sample", "Ann", "O'Brien", "Øyvind", "J", "KJ", "EXAMPLE", "McTest", "al-Sample",
    "Cllr", "Councillor", "Mr", "OBE", "MP", "Ofsted's", "Council’s", "Anyshire", "County", "Council", "Director",
    "director", "head", "chair", "the", "a", "of", "and", "&", "two", "both", "Inspectors", "carers", "said",
    "stated", "thanked", "presented", "by", "was", "who", "that", "Lab", "1", "2020", "AB1 2CD", "EX1", "2AB",
    " ", " ", " ", "  ", "\t", "\n", ",", ", ", ".", ". ", ";", ":", "!", "?", "(", ")", "-", " - ", "–", "•", "·",
    "'", "’", "”", '"', "'s", "’s",
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _with(*phrases: str) -> st.SearchStrategy[str]:
    """Texts of the pieces and whole phrases a pattern matches, mixed."""
    return st.lists(st.sampled_from(_PIECES) | st.sampled_from(phrases), max_size=30).map("".join)


_PAIRS = _with(
    "Jo Example and Kit Sample, Senior Inspectors,",
    " Ann Example & Tom Sample, two foster carers.",
    "Jo Example  and Kit Sample, Her Majesty’s Inspectors\n",
)
_BULLETS = _with(
    "\n• Andy Person, Unison, gave", "Jo Example, Anyshire Council, said", "\n(a) Jo Example OBE, Youth Service,"
)
_SURNAMES = _with("Jane Example", "J Example", "Jo EXAMPLE", "Jo Jo Example Example", "Kit  Sample")
_LOWER_POSTS = _with(
    "Jo Example, director of",
    "Cllr Kit Sample, the council's head of",
    "Jo Example OBE, Anyshire County Council director",
)
_SUBJECTS = _with("Ofsted's Kim Example said", ". Jo Example stated", ", Kit Sample", "\n• Jo Example")


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


def _doc(text: str, limit: int | None = None):
    """The :class:`~caregraph.pipeline.extract.doc.Doc` of ``text``, scanned to ``limit`` (set before anything is
    worked out on it) when given."""
    from caregraph.pipeline.extract.doc import Doc
    from caregraph.pipeline.segment import segment
    from caregraph.records import SourceDocument

    doc = Doc(segment(SourceDocument("x.txt", text, "0", "txt", len(text))))
    if limit is not None:
        doc.limit = limit
    return doc


def test_opening_starts_are_the_capital_starts_that_open_a_sentence():
    from caregraph.pipeline.extract import names

    @_SETTINGS
    @given(_SUBJECTS, st.integers(0, 400))
    def same(text: str, limit: int) -> None:
        doc = _doc(text, min(limit, len(text)))
        expected = {p for p in names.capital_starts(doc) if names.sentence_start(text, p)}
        assert names.opening_starts(doc) == expected, text

    same()


def _opens_or_possessed(text: str, pos: int) -> bool:
    """The test ``_subject_starts`` makes at every capital start at once: a name at ``pos`` opens a sentence or
    clause, or follows a body's possessive ("Ofsted's Kim Example said") within 40 characters."""
    from caregraph.pipeline.extract import people_acting

    if people_acting.sentence_or_clause_start(text, pos):
        return True
    return bool(people_acting._POSSESSIVE_BEFORE.search(text, max(0, pos - 40), pos))


def test_subject_starts_are_the_starts_opens_or_possessed_accepts():
    from caregraph.pipeline.extract import people_acting
    from caregraph.pipeline.extract.names import capital_starts

    @_SETTINGS
    @given(_SUBJECTS)
    def same(text: str) -> None:
        doc = _doc(text)
        expected = [p for p in capital_starts(doc) if _opens_or_possessed(text, p)]
        assert people_acting._subject_starts(doc) == expected, text

    same()


def test_bullet_matches_are_the_bullet_patterns_matches():
    from caregraph.pipeline.extract.names import patterns
    from caregraph.pipeline.extract.people_acting import _bullet_matches

    def spans(matches) -> list[tuple]:  # a match after a line break opens with the "\n": its groups are the same
        return [(m.end(), m.span("name"), m.span("after"), m.groups()) for m in matches]

    @_SETTINGS
    @given(_BULLETS)
    def same(text: str) -> None:
        expected = spans(patterns().bullet_name.finditer(text, 0, len(text)))
        assert spans(_bullet_matches(text, len(text))) == expected, text

    same()


def test_pairs_after_and_are_the_patterns_matches():
    from caregraph.pipeline.extract.people_pairs import _PAIR_COUNTED, _PAIR_WITH_POSTS, _after_and

    @_SETTINGS
    @given(_PAIRS, st.sampled_from([_PAIR_WITH_POSTS, _PAIR_COUNTED]))
    def same(text: str, pattern: re.Pattern[str]) -> None:
        assert _spans(_after_and(pattern, text, len(text))) == _spans(pattern.finditer(text, 0, len(text))), text

    same()


def test_lower_apposition_tried_only_before_a_reachable_comma_finds_the_same():
    from caregraph.pipeline.extract.names import patterns, scan
    from caregraph.pipeline.extract.people_in_apposition import _reaches

    @_SETTINGS
    @given(_LOWER_POSTS)
    def same(text: str) -> None:
        pr, limit = patterns(), len(text)
        commas = [m.start() for m in pr.lower_apposed.finditer(text, 0, limit)]
        doc = _doc(text)
        plain = _spans(scan(pr.lower_apposition, doc))
        gated = _spans(scan(pr.lower_apposition, doc, _reaches(commas))) if commas else []
        assert gated == plain, text

    same()


def test_postcode_led_by_its_capital_matches_as_before():
    from caregraph.pipeline.extract.people_by_given_name import _POSTCODE

    before = re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}[0-9][A-Z0-9]?[ \t]?[0-9][A-Z]{2}(?![A-Za-z0-9])")
    postcodes = st.lists(st.sampled_from(["AB1 2CD", "A1 2CD", "AB12 3CD", "X", "1", "a", " ", "Z9Z 9ZZ"]))

    @_SETTINGS
    @given(postcodes.map("".join), st.integers(0, 30))
    def same(text: str, pos: int) -> None:
        assert _spans(_POSTCODE.finditer(text, pos)) == _spans(before.finditer(text, pos)), text

    same()


def test_given_starts_are_the_capital_starts_of_given_names():
    from caregraph.pipeline.extract.names import capital_starts
    from caregraph.pipeline.extract.people_by_given_name import _FIRST_WORD, _given_starts, is_given_name

    @_SETTINGS
    @given(_TEXT)
    def same(text: str) -> None:
        doc = _doc(text)
        expected = [
            p for p in capital_starts(doc) if (m := _FIRST_WORD.match(text, p)) is not None and is_given_name(m.group())
        ]
        assert _given_starts(doc) == expected, text

    same()


def test_two_keys_of_one_person_end_in_one_word():
    """``_merge_one`` compares only keys that end in the other's last word: :func:`same_person` needs that."""
    from caregraph.pipeline.extract.people import same_person

    key = st.lists(st.sampled_from(["jo", "j", "example", "sample", "kit", "k", "o brien"]), min_size=1, max_size=3)

    @_SETTINGS
    @given(key.map(" ".join), key.map(" ".join))
    def needs_last_word(a: str, b: str) -> None:
        if same_person(a, b):
            assert a.endswith(b[b.rfind(" ") + 1 :]), (a, b)

    needs_last_word()


def test_things_on_page_as_before():
    from caregraph.pipeline.extract import people

    @_SETTINGS
    @given(st.lists(st.sampled_from(["Staying Close", "police", "hub", "trust", "Jo", " ", "MASH", "signs"])))
    def same(words: list[str]) -> None:
        text = " ".join(words)
        low = text[: len(text) + 60].lower()
        expected = tuple(e for e in people._thing_entries() if not e.keywords or any(k in low for k in e.keywords))
        assert people._things_on_page(_doc(text)) == expected

    same()
