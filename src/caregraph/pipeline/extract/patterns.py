"""What a regular expression's matches must hold, read from its parsed form, and the cheap tests built on it (speed
only: every test here lets a pattern be skipped or give up early, never changes what it matches).

:func:`at_word_starts` and :func:`with_first_letters` compile a pattern led by a look-ahead on the letters its matches
start with (and :func:`by_first_letter` groups a long alternation's alternatives by that letter); :func:`needed_words`
lists the words one of which every match holds, and :func:`may_hold` skips a pattern on a span that holds none of them
(:func:`holds_any` is that test on a span's lower case, which tells only when :func:`folds_simply` says the span has
none of the characters case-insensitive matching folds otherwise; these two live in :mod:`caregraph.pipeline.casefold`,
which the date finder uses too); :func:`found_at_words` and :func:`finditer_at_words` try a pattern only where the
words its matches start with do.
"""

from __future__ import annotations

import re
from functools import cache
from re import _constants as re_constants  # type: ignore[attr-defined]
from re import _parser as re_parser  # type: ignore[attr-defined]
from typing import Any

from caregraph.pipeline.casefold import (  # noqa: F401 (folds_simply: re-exported; the finders import both from here)
    folds_simply,
    holds_any,
)


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (split at ``|`` outside groups and character classes)."""
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


#: An alternative that can only start where a word starts: ``\b`` then a letter (through opening groups).
_WORD_START = re.compile(r"\\b(?:\((?:\?:|\?P<\w+>)?)*(?:[A-Za-z]|\\d|\\w)")
#: … or ``^`` then a letter: a text's (or a line's) start is no word character's end either.
_WORD_OR_TEXT_START = re.compile(r"(?:\\b|\^)(?:\((?:\?:|\?P<\w+>)?)*(?:[A-Za-z]|\\d|\\w)")


def at_word_starts(pattern: str, by_letter: bool = False) -> re.Pattern[str]:
    """``pattern`` compiled case-insensitively; when every alternative starts at a word boundary, with a lookaround
    that lets the whole pattern give up at once inside words (speed only: the matches are the same). With
    ``by_letter``, an alternative may also start with ``^``, and the alternatives (or those of a pattern
    ``\\b(?:…)\\b``) are grouped by the letter they start with (:func:`by_first_letter`), so that at a word's start
    only those of its letter are tried (speed only too)."""
    branches = _branches(pattern)
    if all((_WORD_OR_TEXT_START if by_letter else _WORD_START).match(b) for b in branches):
        firsts = first_letters(pattern)
        ahead = f"(?=[{firsts}])" if firsts else ""  # the letters a match can start with: fails faster still
        body = None
        if by_letter:
            body = by_first_letter(pattern) if len(branches) > 1 else _by_letter_in_word_group(pattern)
        return re.compile(f"{ahead}(?<!\\w)(?=\\w)(?:{body or pattern})", re.I)
    return re.compile(pattern, re.I)


def _by_letter_in_word_group(pattern: str) -> str | None:
    """``pattern`` of the form ``\\b(?:alternatives)\\b`` with its alternatives grouped by :func:`by_first_letter`;
    None for any other form."""
    head, tail = "\\b(?:", ")\\b"
    inner = pattern[len(head) : -len(tail)]
    if not (pattern.startswith(head) and pattern.endswith(tail) and _balanced(inner)):
        return None
    grouped = by_first_letter(inner)
    return f"{head}{grouped}{tail}" if grouped is not None else None


#: A capturing group's opening, named or not (an escaped bracket, a bracket in a class or another "(?" group is none).
_CAPTURING = re.compile(r"\\.|\[(?:\\.|[^\]])*\]|(\((?!\?)|\(\?P<)")


def by_first_letter(alternation: str) -> str | None:
    """An alternation that matches as ``alternation`` does case-insensitively, its alternatives grouped by the
    (case-folded) letter they start with, each group led by a look-ahead on its letter, each alternative in the group
    of every letter it may start with, in its own order: at any position only the group of the letter there can
    match, and in it the alternatives that can match there come in their own order, so the same one wins (speed only:
    the regex engine tries the alternatives one by one, and most fail at their first letter). None when an
    alternative's first letters are not certain (:func:`first_letters`) or it holds a capturing group (which the
    grouping would repeat)."""
    groups: dict[str, list[str]] = {}
    for branch in _branches(alternation):
        firsts = first_letters(branch)
        if firsts is None or any(m.group(1) for m in _CAPTURING.finditer(branch)):
            return None
        for letter in sorted(set(firsts.lower())):
            groups.setdefault(letter, []).append(branch)
    return "|".join(f"(?=[{letter}])(?:{'|'.join(group)})" for letter, group in sorted(groups.items()))


def _balanced(pattern: str) -> bool:
    """Whether ``pattern`` is a regular expression of its own: its brackets close in order and all close."""
    try:
        re_parser.parse(pattern)
    except re.error:
        return False
    return True


def with_first_letters(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, led by a look-ahead on the letters every match starts with when they are
    certain (speed only: a search gives up at once at every other position; the matches are the same)."""
    firsts = first_letters(pattern, flags)
    if firsts:
        try:
            return re.compile(f"(?=[{firsts}])(?:{pattern})", flags)
        except re.error:  # a global flag at the pattern's start, say
            pass
    return re.compile(pattern, flags)


def first_letters(pattern: str, flags: int = re.I) -> str | None:
    """The ASCII letters every match of ``pattern`` starts with (as the body of a character class), when the parsed
    pattern shows them for certain: None when a match may start with anything else or be empty, or when a part of
    the pattern turns on case-insensitive matching the class would not have."""
    try:
        tree = re_parser.parse(pattern, flags)
    except re.error:
        return None
    if tree.state.flags & re.I and not flags & re.I:
        return None
    found = _firsts(list(tree), bool(flags & re.I))
    if found is None or found[1] or not found[0]:
        return None
    chars = {chr(c) for c in found[0]}
    if not all(c.isascii() and c.isalpha() for c in chars):
        return None
    return "".join(sorted(chars))


def _firsts(items: list[tuple[Any, Any]], ignore_case: bool) -> tuple[set[int], bool] | None:
    """The code points a match of the parsed sequence ``items`` can start with, and whether it can be empty; None
    when that is not certain from the parts understood here (literals, classes of literals and ranges, groups,
    alternations, repeats; zero-width assertions take no character)."""
    out: set[int] = set()
    for op, av in items:
        if op in (re_constants.AT, re_constants.ASSERT, re_constants.ASSERT_NOT):
            continue
        if op is re_constants.LITERAL:
            return out | {av}, False
        part: tuple[set[int], bool] | None
        if op is re_constants.IN:
            part = _class_firsts(av)
        elif op is re_constants.SUBPATTERN:
            if av[1] & re.I and not ignore_case:
                return None  # "(?i:…)" in a pattern that heeds case
            part = _firsts(list(av[-1]), ignore_case)
        elif op is re_constants.BRANCH:
            parts = [_firsts(list(b), ignore_case) for b in av[1]]
            if any(p is None for p in parts):
                return None
            part = (set().union(*(p[0] for p in parts if p)), any(p[1] for p in parts if p))
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT):
            inner = _firsts(list(av[2]), ignore_case)
            part = None if inner is None else (inner[0], inner[1] or av[0] == 0)
        else:
            return None
        if part is None:
            return None
        out |= part[0]
        if not part[1]:
            return out, False
    return out, True


def needed_words(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case words one of which every match of ``pattern`` holds, read from its parsed form (runs of ASCII
    letters, digits and hyphens of three or more, alternations whose every branch needs some; what lies in a
    look-around is not read); empty when none is certain. A span whose lower case holds none of them holds no match
    when it has none of the characters :func:`folds_simply` looks for (speed only)."""
    try:
        tree = re_parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return ()
    return tuple(sorted(_needed(list(tree)) or ()))


_needed_words = cache(needed_words)


def may_hold(low: str | None, pattern: re.Pattern[str]) -> bool:
    """Whether a span whose lower case is ``low`` may hold a match of ``pattern``: False only when it holds none of
    the words every match holds (:func:`needed_words`, read once per pattern); ``low`` is None when the span's lower
    case does not tell (:func:`folds_simply`). Speed only."""
    if low is None:
        return True
    known = _words_by_id.get(id(pattern))
    if known is None or known[0] is not pattern:  # (by identity: hashing a pattern reads its whole code)
        known = _words_by_id[id(pattern)] = (pattern, _needed_words(pattern))
    words = known[1]
    return not words or holds_any(low, words)


_words_by_id: dict[int, tuple[re.Pattern[str], tuple[str, ...]]] = {}


def _needed(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best set of words one of which every match of the parsed sequence ``items`` holds (the one whose shortest
    word is longest), or None."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 3:
            candidates.append(frozenset({"".join(run)}))
        run.clear()

    for op, av in items:
        if op is re_constants.LITERAL and av < 128 and (chr(av).isalnum() or chr(av) == "-"):
            run.append(chr(av).lower())
            continue
        flush()
        part: frozenset[str] | None = None
        if op is re_constants.SUBPATTERN:
            part = _needed(list(av[-1]))
        elif op is re_constants.BRANCH:
            parts = [_needed(list(b)) for b in av[1]]
            part = None if any(p is None for p in parts) else frozenset().union(*(p for p in parts if p))
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT) and av[0] >= 1:
            part = _needed(list(av[2]))
        if part:
            candidates.append(part)
    flush()
    return max(candidates, key=lambda c: min(map(len, c)), default=None)


def _class_firsts(items: list[tuple[Any, Any]]) -> tuple[set[int], bool] | None:
    """The code points of a parsed character class of literals and short ranges; None for any other class."""
    out: set[int] = set()
    for op, av in items:
        if op is re_constants.LITERAL:
            out.add(av)
        elif op is re_constants.RANGE and av[1] - av[0] < 64:
            out.update(range(av[0], av[1] + 1))
        else:
            return None
    return out, False


def found_at_words(pattern: re.Pattern[str], text: str, start: int, end: int, low: str, words: tuple[str, ...]) -> bool:
    """Whether ``pattern.search(text, start, end)`` finds a match, the pattern tried only where one of ``words``
    starts in ``low`` (``text[start:end]`` as the words are written: in lower case when it folds simply, or as it
    stands for a pattern that heeds case): exact when every match of ``pattern`` starts with one of ``words`` (speed
    only: a few anchored tries instead of a try at every position)."""
    for w in words:
        q = low.find(w)
        while q >= 0:
            if pattern.match(text, start + q, end):
                return True
            q = low.find(w, q + 1)
    return False


def finditer_at_words(
    pattern: re.Pattern[str], text: str, start: int, end: int, low: str | None, words: tuple[str, ...]
) -> list[re.Match[str]]:
    """The matches ``pattern.finditer(text, start, end)`` gives, the pattern tried only where one of ``words`` starts
    in ``low`` (``text[start:end]`` as the words are written, as for :func:`found_at_words`; None: the plain
    search). Exact when every
    match of ``pattern`` starts with one of ``words`` (speed only: a few anchored tries, in text order, each from the
    end of the match before, instead of a try at every position)."""
    if low is None:
        return list(pattern.finditer(text, start, end))
    at: set[int] = set()
    for w in words:
        q = low.find(w)
        while q >= 0:
            at.add(q)
            q = low.find(w, q + 1)
    out: list[re.Match[str]] = []
    last = 0
    for q in sorted(at):
        if q >= last:
            m = pattern.match(text, start + q, end)
            if m is not None:
                out.append(m)
                last = max(m.end() - start, q + 1)
    return out
