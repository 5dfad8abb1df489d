"""Organisations and practice models a page names: Ofsted, the DfE, the local safeguarding partnership, the police,
the NHS …; Signs of Safety, Mockingbird, Family Safeguarding ….

Each entry of ``rules/organisations.toml`` has a key, a name, a category and a pattern (case-insensitive unless
``case_sensitive``); ``needs`` is a cheap pattern the page must hold before the entry is tried, and a ``named``
entry keeps the name as written ("Surrey Safeguarding Children Partnership"), one record per name.
:func:`match_mentions` finds every match in the scanned text; :func:`merge_mentions` keeps one per key, the first,
with the sentence that names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from caregraph.pipeline.extract.doc import Doc, clean, load_rules, slugish
from caregraph.pipeline.extract.patterns import holds_any, with_first_letters
from caregraph.records import NamedMention, Segmented


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    category: str
    regex: re.Pattern[str]
    needs: re.Pattern[str] | None = None
    named: bool = False
    keywords: tuple[str, ...] = ()  # lower case; the page must hold one of them


def _entries(items: list[dict[str, Any]]) -> tuple[Entry, ...]:
    return tuple(
        Entry(
            key=item["key"],
            name=item["name"],
            category=item.get("category", "organisation"),
            regex=_compile(item["pattern"], 0 if item.get("case_sensitive") else re.I),
            needs=re.compile(item["needs"]) if item.get("needs") else None,
            named=bool(item.get("named")),
            keywords=tuple(item.get("keywords", ())),
        )
        for item in items
    )


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    """An entry's pattern compiled. One that opens with a letter or a class is compiled as written: a search skips
    to its first character in C (``re`` does that only for a pattern that opens so, case-sensitively); any other is
    led by a look-ahead on its first letters (:func:`with_first_letters`). Speed only: the matches are the same."""
    if pattern[:1] == "[" or pattern[:1].isalpha():
        return re.compile(pattern, flags)
    return with_first_letters(pattern, flags)


@cache
def organisations() -> tuple[Entry, ...]:
    """The ``[[organisations]]`` of ``rules/organisations.toml``, compiled once."""
    return _entries(load_rules("organisations")["organisations"])


@cache
def practice_models() -> tuple[Entry, ...]:
    """The ``[[practice_models]]`` of ``rules/organisations.toml``, compiled once."""
    return _entries(load_rules("organisations")["practice_models"])


class MentionCandidate(NamedTuple):
    key: str
    name: str
    category: str
    start: int
    end: int


def find_organisations(doc: Doc | Segmented) -> list[NamedMention]:
    """The organisations the page names, once each."""
    doc = Doc.of(doc)
    return merge_mentions(doc, match_mentions(doc, organisations()))


def find_practice_models(doc: Doc | Segmented) -> list[NamedMention]:
    """The practice models the page names, once each."""
    doc = Doc.of(doc)
    return merge_mentions(doc, match_mentions(doc, practice_models(), "practice-model"))


def match_mentions(doc: Doc, entries: tuple[Entry, ...], category: str | None = None) -> list[MentionCandidate]:
    """Every match of ``entries`` in the scanned text, entry by entry; ``category`` overrides the entries'."""
    text = doc.text
    low = text[: doc.limit].lower()
    out = []
    for entry in entries:
        if entry.keywords and not holds_any(low, entry.keywords):
            continue
        if entry.needs is not None and not entry.needs.search(text, 0, doc.limit):
            continue
        for m in entry.regex.finditer(text, 0, doc.limit):
            name = clean(m.group(0)) if entry.named else entry.name
            key = entry.key if not entry.named else f"{entry.key}/{name_key(name)}"
            if entry.named and entry.key == "safeguarding-partnership" and name.upper() in {"LSCB", "LSCP"}:
                key, name = entry.key, entry.name
            out.append(MentionCandidate(key, name, category or entry.category, m.start(), m.end()))
    return out


_POSSESSIVE = re.compile(r"['’]s?(?=\s|$)")
_THE = re.compile(r"^the\s+", re.I)


def name_key(name: str) -> str:
    """The key of a body's name as written: case, "the", possessives and "&" folded, so one body written two ways
    is one ("Safeguarding Children Board" / "Safeguarding Children's Board", "Children’s Trust" / "Childrens
    Trust")."""
    folded = _POSSESSIVE.sub("", _THE.sub("", name)).replace("&", " and ")
    words = slugish(folded).split()
    return "-".join(w[:-1] if w == "childrens" else w for w in words)


def merge_mentions(doc: Doc, candidates: list[MentionCandidate]) -> list[NamedMention]:
    """One mention per key, the first found, with the sentence that names it."""
    out: dict[str, NamedMention] = {}
    for c in candidates:
        if c.key not in out:
            out[c.key] = NamedMention(c.key, c.name, c.category, doc.evidence(*doc.sentence_around(c.start, c.end)))
    return list(out.values())
