"""The speed rewrites of stop 27 in the posts and organisations finders match what the patterns they replace matched:
Hypothesis writes texts of the words the patterns read (with the characters case-insensitive matching folds
otherwise, hyphens and apostrophes around them) and the old and new forms must find the same spans."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caregraph.pipeline.extract.names import patterns
from caregraph.pipeline.extract.organisations import organisations
from caregraph.pipeline.extract.posts import LOWER_POST

# LOWER_POST as written before it opened with the class of its first letters
_OLD_LOWER_POST = re.compile(
    r"\b(?=[tToOiIaAcCbB])(?i:the|our|its|their|as|an?|(?:council|county|borough|city|authority)['’]s)[ \t]+(?i:(?:new|incoming|permanent)[ \t]+)?(?P<post>(?i:(?:(?:interim|acting|deputy|assistant|"
    r"executive|corporate|strategic|lead|chief|independent|principal)[ \t]+)*(?:director|chief[ \t]+executive|cabinet[ \t]+member|lead[ \t]+member|"
    r"executive[ \t]+member|portfolio[ \t]+holder|inspector|leader|head|chair(?:man|woman|person)?)))(?![\w-])"
)

# the organisations' patterns as written before (all but Ofsted case-insensitive)
_OLD_ORGANISATIONS = {
    "ofsted": re.compile(r"\bOfs?ted\b|\bOFSTED\b|\bOftsed\b|\bOffice\s+for\s+Standards\s+in\s+Education\b"),
    "dfe": re.compile(r"\bDepartment\s+for\s+Education\b|\bDfE\b", re.I),
    "cqc": re.compile(r"\bCare\s+Quality\s+Commission\b|\bCQC\b", re.I),
}

_DETERMINERS = [
    "the",
    "our",
    "its",
    "their",
    "as",
    "a",
    "an",
    "council's",
    "county’s",
    "borough's",
    "city's",
    "authority's",
]
_MODIFIERS = [
    "new",
    "incoming",
    "permanent",
    "interim",
    "acting",
    "deputy",
    "assistant",
    "executive",
    "corporate",
    "strategic",
    "lead",
    "chief",
]
_HEADS = [
    *["director", "inspector", "leader", "head", "chair", "chairman", "chairperson"],
    *["chief executive", "cabinet member", "lead member", "executive member", "portfolio holder"],
]
_OTHERS = [
    *[
        "Ofsted",
        "OFSTED",
        "Oftsed",
        "Ofted",
        "Ofsteds",
        "Office",
        "for",
        "Standards",
        "in",
        "Education",
        "Department",
        "DfE",
        "DFE",
        "Care",
        "Quality",
    ],
    *["Commission", "CQC", "xthe", "bas", "tits", "has", "it", "th", "e", "director's"],
    *["\u0130ts", "\u0131ts", "\u017fee", "Ca\u017fe", "Chie\u212a", "I\u017f"],
]
_BODIES = [
    *["Care Quality Commission", "Care  Quality\nCommission", "Office for Standards in Education", "Oftsed"],
    *["Department for Education", "Department\tfor Educations", "Ca\u017fe Quality Commission", "OFSTED", "Ofted"],
]
_CASED = st.sampled_from([str, str.lower, str.upper, str.title, str.capitalize, lambda w: w[:1] + w[1:].upper()])
_WORD = st.sampled_from([*_DETERMINERS, *_MODIFIERS, *_HEADS, *_OTHERS])
_GLUE = st.sampled_from([" ", " ", " ", "  ", "\t", "\n", "-", "'", "’", "", ", ", ".", "x", "_"])
# a determiner, modifiers and a head (the shape LOWER_POST reads), each word cased its own way
_PHRASE = st.lists(st.tuples(_CASED, st.sampled_from(_MODIFIERS)), max_size=2).flatmap(
    lambda mods: st.tuples(_CASED, st.sampled_from(_DETERMINERS), _CASED, st.sampled_from(_HEADS)).map(
        lambda p: " ".join([p[0](p[1]), *(c(m) for c, m in mods), p[2](p[3])])
    )
)
_TEXTS = st.lists(
    st.tuples(st.one_of(_PHRASE, st.tuples(_CASED, _WORD).map(lambda p: p[0](p[1])), st.sampled_from(_BODIES)), _GLUE),
    max_size=12,
).map(lambda parts: "".join(w + g for w, g in parts))


def _spans(pattern: re.Pattern[str], text: str, start: int = 0) -> list[tuple[tuple[int, int], ...]]:
    return [(m.span(), *(m.span(g) for g in pattern.groupindex)) for m in pattern.finditer(text, start)]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.integers(0, 6))
def test_lower_post_finds_what_it_found_before(text: str, start: int) -> None:
    assert _spans(LOWER_POST, text, start) == _spans(_OLD_LOWER_POST, text, start)


@pytest.mark.parametrize("key", sorted(_OLD_ORGANISATIONS))
def test_an_organisation_pattern_that_opens_with_its_letter_finds_what_it_found_before(key: str) -> None:
    new = next(e.regex for e in organisations() if e.key == key)
    old = _OLD_ORGANISATIONS[key]

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_TEXTS)
    def same(text: str) -> None:
        assert _spans(new, text) == _spans(old, text), text

    same()


def test_the_letters_the_rewrites_open_with_fold_to_no_other_character() -> None:
    """The Department for Education's and the Care Quality Commission's patterns open with their letter's two cases
    where a case-insensitive pattern read the letter: exact only because case-insensitive matching folds no other
    character to "d" or "c" (it does to "i", "k" and "s")."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for letter in "dc":
        assert set(re.findall(f"(?i){letter}", every)) == {letter, letter.upper()}
    assert set(re.findall("(?i)s", every)) == {"s", "S", "\u017f"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_match_of_lower_post_holds_leader(data: st.DataObject) -> None:
    """match_posts skips ``lower_post`` on a page without "leader" (speed only)."""
    pattern = patterns().lower_post
    widened = re.compile(re.sub(r"\(\?=\[[^\]]*\]\)", "", pattern.pattern), pattern.flags)
    text = data.draw(st.from_regex(widened, fullmatch=True))
    assert "leader" in text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_match_of_appoint_starts_with_a_word_of_its_list(data: st.DataObject) -> None:
    """predicate_posts tries ``appoint`` only where a word of ``_APPOINT_WORDS`` stands (speed only): Hypothesis writes
    the verbs the pattern opens with (the group before the name; the whole pattern is too narrow to generate)."""
    from caregraph.pipeline.extract.predicate_posts import _APPOINT_WORDS

    opening, found, _ = patterns().appoint.pattern.partition("[ \\t]+(?:(?P<hon>")
    assert found and opening.startswith("(?:")
    text = data.draw(st.from_regex(re.compile(opening), fullmatch=True))
    assert text.startswith(_APPOINT_WORDS), text


_APPOINTING = st.lists(
    st.sampled_from(
        [
            *["appoint", "appointed", "reappointed", "appointment of", "election of", "nomination of", "elect"],
            *["confirmed", "nominated", "Councillor", "Jo", "Example", "Kit Sample", "as", "the", "Chair"],
            *["Vice-Chair", "Director of Children's Services", "interim", "of", ",", ".", "selected", "re-elected"],
        ]
    ),
    max_size=14,
).map(" ".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_APPOINTING, st.integers(0, 200))
def test_appoint_tried_at_its_words_finds_what_a_search_finds(text: str, limit: int) -> None:
    from caregraph.pipeline.extract.patterns import finditer_at_words
    from caregraph.pipeline.extract.predicate_posts import _APPOINT_WORDS

    pattern = patterns().appoint
    tried = [m.span() for m in finditer_at_words(pattern, text, 0, limit, text[:limit], _APPOINT_WORDS)]
    assert tried == [m.span() for m in pattern.finditer(text, 0, limit)]
