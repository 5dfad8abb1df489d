"""People named by a known given name, with no other evidence around them: "attended by Gary Exampleson HMI, from
Ofsted, and Elizabeth Samplewood, from the CQC", "Andrew Testerby and Clare Exampleford said", "replaced on an interim
basis by Ian Samplecroft" (:func:`people_by_given_name`).

The evidence is the first word: a given name of the census table (``rules/given_names.txt``, built by
``scripts/make_given_names.py``) or of the table of other languages and countries (``rules/given_names_world.txt``,
built by ``scripts/make_world_given_names.py``), as written or without its accents ("Seán"), title-cased, followed by one or two words that may be a surname
(:func:`~.names.is_name`, strict: no word of posts, services or places). The run must be the whole proper noun:

- no capitalised word right before it ("the Exampleshire Grace Sample award", "HMI Gary Exampleson", which other
  passes read), unless that word opens the sentence ("But Tim Sample MP said");
- none after it ("Rose Hill School", "Victoria Park Children's Centre"), only letters after a name ("Edward Sample
  PSC");
- no place preposition before it ("in Victoria Park", "at Stanley Park"): a person is not "in" a name;
- three words only with a given name or an initial in the middle ("Ashton Market Hall" is a place);
- never a line to itself or on a line with a postcode (an address: "Abbey Sampleway" over "Exampletown", "County
  Hall, Abbey Sampleway, EX1 2AB"), nor a first word that names a council ("Kent Fire and Rescue").

This pass runs last, so the post another pass reads for the same person stays.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.extract.candidates import PersonCandidate, candidate
from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.names import (
    LOWER_REST,
    UPPER,
    capital_starts,
    is_initial,
    is_name,
    is_post_word_start,
    name_run,
    scan,
    sentence_start,
    trim_name,
)


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a given name of the table, as written or with its accents left out ("Seán", "Chloé",
    "Zoë": the census writes "Sean", "Chloe", "Zoe")."""
    names = given_names()
    return word in names or (not word.isascii() and _unaccented(word) in names)


@lru_cache(maxsize=4096)
def _unaccented(word: str) -> str:
    """``word`` with its combining accents dropped ("Seán" → "Sean")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


#: The tables of given names: the census's (``scripts/make_given_names.py``) and those of other languages and
#: countries (``scripts/make_world_given_names.py``).
GIVEN_NAME_TABLES = ("rules/given_names.txt", "rules/given_names_world.txt")


@cache
def given_names() -> frozenset[str]:
    """The given names of the tables, title-cased ("Gary", "Siobhan", "Zbigniew", "Ngozi")."""
    names: set[str] = set()
    for table in GIVEN_NAME_TABLES:
        text = resources.files("caregraph").joinpath(table).read_text(encoding="utf-8")
        names.update(line for line in text.splitlines() if line and not line.startswith("#"))
    return frozenset(names)


_RUN = re.compile(rf"(?P<name>{name_run(1, 2)})")
#: A word in title case of any script ("Gary", "Seán", "Chloé", "Łucja"), before a space or a hyphen.
_FIRST_WORD = re.compile(rf"{UPPER}[{LOWER_REST}]+(?=[-\s])")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \t]+$")
_PLACE_BEFORE = re.compile(r"(?<![\w'’-])(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]n|[Ii]nto|[Vv]ia)[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


def _given_starts(doc: Doc) -> list[int]:
    """The capital starts of the scanned text where a given name's word stands (tested in one comprehension rather
    than a call a start: speed only)."""
    text, names, word = doc.text, given_names(), _FIRST_WORD.match
    return [
        pos
        for pos in capital_starts(doc)
        if (m := word(text, pos)) is not None
        and (m.group() in names or (not m.group().isascii() and is_given_name(m.group())))
    ]


def people_by_given_name(doc: Doc) -> Iterator[PersonCandidate]:
    """People whose name starts with a known given name and stands alone as a proper noun."""
    text, limit = doc.text, doc.limit
    for m in scan(_RUN, doc, starts=_given_starts(doc)):
        raw = m.group("name")
        name = trim_name(raw)
        if any(not word.isupper() for word in raw[len(name) :].split()):
            continue  # "Rose Hill School": the run is a longer proper noun (letters after a name may follow)
        start, end = m.start(), m.start() + len(name)
        before = text[max(0, start - 40) : start]
        capitalised = _CAPITALISED_BEFORE.search(before)
        if capitalised and not sentence_start(text, start - len(before) + capitalised.start()):
            continue  # "the Exampleshire Grace Sample award"; a sentence's first word may be any ("But Tim Sample MP")
        if _PLACE_BEFORE.search(before):
            continue
        if _CAPITALISED_AFTER.match(text, m.end(), limit):
            continue  # a fourth capitalised word: a name of a thing ("Grace Mary Jones Memorial Fund")
        words = name.split()
        if len(words) > 2 and not (is_given_name(words[1]) or is_initial(words[1])):
            continue  # "Ashton Market Hall": three words, the middle one no given name or initial
        if _whole_line(text, start, end) or _in_address(text, start, end) or gazetteer().resolve(words[0]):
            continue  # "Abbey Sampleway" over "Exampletown" or before a postcode (an address); "Kent Fire and Rescue"
        if is_name(name, strict=True) and not is_post_word_start(name):
            yield candidate(doc, name, None, start, end)


#: (its first capital before the look-behind on it: a search skips along to a capital in C; speed only)
_POSTCODE = re.compile(r"[A-Z](?<![A-Za-z0-9][A-Z])[A-Z]?[0-9][A-Z0-9]?[ \t]?[0-9][A-Z]{2}(?![A-Za-z0-9])")


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line that holds ``text[start:end]`` starts and ends (its line break not included)."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether the name's line holds a postcode: a venue or an address ("County Hall, Abbey Sampleway, EX1 2AB")."""
    return _POSTCODE.search(text, *_line(text, start, end)) is not None


def _whole_line(text: str, start: int, end: int) -> bool:
    """Whether the name is all its line holds (an address, a caption: list passes read the people of lists)."""
    line_start, line_end = _line(text, start, end)
    return not text[line_start:start].strip() and not text[end:line_end].strip()
