"""People acting in the text, with no post: "Cal Sample stated" (a sentence's subject, a bracket or a clause
before the verb allowed; a speaker after an opening phrase and a comma: "Speaking after the meeting, Jo Example
said"), "presented by Shay Tester", "said Jo Example", "The Board thanked Jo Example", "that Jo Example was
attending", a pair in apposition (", Jo Example and Kit Sample,"), a bulleted "Andy Person, Unison, gave …"
(:func:`people_acting`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from caregraph.pipeline.extract.candidates import PersonCandidate, candidate
from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.names import (
    capital_starts,
    is_name,
    is_post_word_start,
    name_ending_at,
    name_run,
    opening_starts,
    patterns,
    rules,
    scan,
    sentence_start,
    trim_name,
)

_PAIR_BETWEEN_COMMAS = re.compile(rf",[ \t]+(?P<a>{name_run(1, 2)})[ \t]+and[ \t]+(?P<b>{name_run(1, 2)}),")


_AND_NAME = re.compile(rf"[ \t]+(?:and|&)[ \t]+(?P<b>{name_run(1, 2)})(?![ \t]*[A-Z(]|[\w’'-])")

_THAT_NAME = re.compile(
    rf"(?P<name>{name_run(1, 2)})(?= (?:was|were|had|has|would|will|is|had been|has been) (?:attending|present|leaving|joining|joined|retiring|retired|unable|appointed|stepping|stepped|moving|moved|working|now|also|due|the|a|an)\b)"
)


def people_acting(doc: Doc) -> Iterator[PersonCandidate]:
    """Named people acting in the minutes: "Cal Sample stated", "Ada Example and Hel Sample shared",
    "presented by Shay Tester", "said Jo Example", and a bulleted "Andy Person, Unison, gave …". A name
    before a verb that is not a verb of speech must hold no word of posts and services."""
    rules_, pr, text = rules(), patterns(), doc.text
    for m in scan(pr.verb_after, doc, starts=_subject_starts(doc)):
        speech = bool(pr.speech.fullmatch(m.group("verb")))
        if not speech and not sentence_or_clause_start(text, m.start()):
            continue  # "Ofsted's Kim Example said": after a body's possessive, only a speaker
        if m.group("clause") and not speech:
            continue  # "Jo Example, who leads the service, said": a clause after a name only before speech
        if (
            not speech
            and _present_tense(m.group("verb"))
            and (m.group("name2") or _NOUN_NEXT.match(text, m.end()) or not _full_stop_after(text, m.end()))
        ):
            # "Ashton Market Hall events for summer" (a heading, no sentence), "Smart Cities partners were invited"
            # (a verb follows: the word in "-s" was a noun); "Kit Sample leads the team." is a sentence
            continue
        opens = sentence_start(text, m.start())
        if not opens and m.group("name2"):
            continue  # after a comma, one person ("In her letter, Jo Example, who led the visit, said", "In 2020,
            # Kit Sample retired": a name by its shape alone unless a speaker, as below)
        for group in ("name", "name2"):
            raw = m.group(group)
            if not raw:
                continue
            name = trim_name(raw)
            if name == raw and is_name(name, strict=not (speech and opens)) and not is_post_word_start(name):
                yield candidate(doc, name, None, m.start(group), m.start(group) + len(name))
    for m in pr.by_name.finditer(text, 0, doc.limit):
        raw = m.group("name")
        name = trim_name(raw)
        # after "thanked", "invited" … (a person or a thing), only a name with no word of services and places
        if name == raw and is_name(name, strict=bool(m.group("weak"))) and not is_post_word_start(name):
            yield candidate(doc, name, None, m.start("name"), m.start("name") + len(name))
            # "thanked Ann Example and Bo Sample for …": the second of a pair after the verb, a name by its shape
            second = _AND_NAME.match(text, m.start("name") + len(name), doc.limit)
            if second is not None:
                b = second.group("b")
                if trim_name(b) == b and is_name(b, strict=True) and not is_post_word_start(b):
                    yield candidate(doc, b, None, second.start("b"), second.end("b"))
    for m in _PAIR_BETWEEN_COMMAS.finditer(text, 0, doc.limit):
        # "Two members of the Children in Care Council, Jo Example and Kit Sample, presented": a pair in apposition
        names = [trim_name(m.group(g)) for g in ("a", "b")]
        if all(n == m.group(g) and is_name(n, strict=True) for n, g in zip(names, ("a", "b"), strict=True)):
            for n, g in zip(names, ("a", "b"), strict=True):
                yield candidate(doc, n, None, m.start(g), m.start(g) + len(n))
    for m in _that_names(text, doc.limit):
        # "It was noted that Jenny Example was attending on behalf of …": the subject of a clause after "that"
        raw = m.group("name")
        name = trim_name(raw)
        if name == raw and is_name(name, strict=True) and not is_post_word_start(name):
            yield candidate(doc, name, None, m.start("name"), m.start("name") + len(name))
    yield from _who_names(doc)
    for m in _bullet_matches(text, doc.limit):
        name = m.group("name")
        if is_name(name, strict=True) and not rules_.post_head_re.match(m.group("after")):
            yield candidate(doc, name, None, m.start("name"), m.end("name"))


def _bullet_matches(text: str, limit: int) -> Iterator[re.Match[str]]:
    """The matches of ``patterns().bullet_name`` in ``text[:limit]`` (a line's start, "(?m)^"), their groups as
    its: at the text's start, then after each line break with ``bullet_line``, led by the "\n" (which its match
    opens with; speed only: a search skips along to a line break in C, where the "^" is tried at every character; a
    match ends in a comma, never a line break, so the next is searched from its end as ``finditer`` would)."""
    pr = patterns()
    first = pr.bullet_name.match(text, 0, limit)
    if first is not None:
        yield first
    yield from pr.bullet_line.finditer(text, 0 if first is None else first.end(), limit)


_NOUN_NEXT = re.compile(r"[ \t]+(?:were|are|was|is|have|had|has|will|would|can|could|should|may|must|and|of|for|to)\b")


def _present_tense(verb: str) -> bool:
    """Whether ``verb`` is a word in "-s" no rule lists (a present tense of news copy, or a plural noun)."""
    return verb.endswith("s") and not patterns().verb.fullmatch(verb)


def _full_stop_after(text: str, pos: int) -> bool:
    """Whether the line goes on from ``pos`` to a full stop: a sentence, not a heading."""
    end = text.find("\n", pos)
    return "." in text[pos : end if end >= 0 else len(text)]


_POSSESSIVE_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w&-]*['’]s[ \t]+$")


_COMMA_SPACE = re.compile(", ")


def _subject_starts(doc: Doc) -> list[int]:
    """The capital starts of the scanned text where a name opens a sentence or clause, or follows a body's possessive
    ("Ofsted's Kim Example said"), in order, found with a few searches and set operations rather than a test at
    every start (speed only): a start opens a sentence
    (:func:`~.names.opening_starts`) or follows ", "; one after a body's possessive has an "'s" at most 40
    characters before it (where the possessive's search starts)."""
    text, limit = doc.text, doc.limit
    starts = capital_starts(doc)
    out = opening_starts(doc)
    out.update(set(starts).intersection(m.end() for m in _COMMA_SPACE.finditer(text, 0, limit)))
    for possessive in ("'s", "’s"):
        at = text.find(possessive, 0, limit)
        while at >= 0:
            for pos in starts[bisect.bisect_left(starts, at + 2) : bisect.bisect_right(starts, at + 40)]:
                if pos not in out and _POSSESSIVE_BEFORE.search(text, max(0, pos - 40), pos):
                    out.add(pos)
            at = text.find(possessive, at + 1, limit)
    return sorted(out)


def sentence_or_clause_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence (:func:`sentence_start`) or follows a comma and a space."""
    return sentence_start(text, pos) or (pos > 1 and text[pos - 1] == " " and text[pos - 2] == ",")


def _that_names(text: str, limit: int) -> Iterator[re.Match[str]]:
    """The matches of :data:`_THAT_NAME` right after each "that " or " and " (the subject of a clause: "noted that
    Jo Example was attending", "Sam Sample has been appointed … and Kit Example has joined as …")."""
    for word in ("that ", " and "):
        last, at = 0, text.find(word, 0, limit)
        while at >= 0:
            pos = at + len(word)
            if pos >= last and (word != "that " or at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "’'-")):
                m = _THAT_NAME.match(text, pos, limit)
                if m is not None:
                    yield m
                    last = m.end()
            at = text.find(word, at + 1, limit)


def _who_names(doc: Doc) -> Iterator[PersonCandidate]:
    """A name that "who" takes up after a comma: "the death of Arthur Example, who was killed", "Fiona Sample,
    who led the team, said". "Who" speaks of a person, so the name needs only to be one by its shape (strictly: no
    word of bodies, posts or services in it: "the Youth Service, who" is no one)."""
    text, at = doc.text, doc.text.find(", who ", 0, doc.limit)
    while at >= 0:
        found = name_ending_at(text, at)
        if found is not None and found[1] is None:
            name, _, start, _ = found
            if is_name(name, strict=True) and not is_post_word_start(name):
                yield candidate(doc, name, None, start, start + len(name))
        at = text.find(", who ", at + 6, doc.limit)
