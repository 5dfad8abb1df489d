"""People acting in the text, with no post: "Cal Sample stated" (a sentence's subject, a bracket or a clause
before the verb allowed; a speaker after an opening phrase and a comma: "Speaking after the meeting, Jo Example
said"), "presented by Shay Tester", "said Jo Example", "The Board thanked Jo Example", "that Jo Example was
attending", a pair in apposition (", Jo Example and Kit Sample,"), a bulleted "Andy Person, Unison, gave …"
(:func:`people_acting`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caregraph.pipeline.extract.candidates import PersonCandidate, candidate
from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.names import (
    is_name,
    is_post_word_start,
    name_run,
    patterns,
    rules,
    scan,
    sentence_start,
    trim_name,
)

_PAIR_BETWEEN_COMMAS = re.compile(rf",[ \t]+(?P<a>{name_run(1, 2)})[ \t]+and[ \t]+(?P<b>{name_run(1, 2)}),")


_THAT_NAME = re.compile(
    rf"\b(?<=that )(?P<name>{name_run(1, 2)})(?= (?:was|were|had|has|would|will|is|had been|has been) (?:attending|present|leaving|joining|retiring|unable|appointed|stepping|moving|working|now|also|due|the|a|an)\b)"
)


def people_acting(doc: Doc) -> Iterator[PersonCandidate]:
    """Named people acting in the minutes: "Cal Sample stated", "Ada Example and Hel Sample shared",
    "presented by Shay Tester", "said Jo Example", and a bulleted "Andy Person, Unison, gave …". A name
    before a verb that is not a verb of speech must hold no word of posts and services."""
    rules_, pr, text = rules(), patterns(), doc.text
    for m in scan(pr.verb_after, text, doc.limit, _opens_or_possessed):
        speech = bool(pr.speech.fullmatch(m.group("verb")))
        if not speech and not sentence_or_clause_start(text, m.start()):
            continue  # "Ofsted's Kim Example said": after a body's possessive, only a speaker
        if m.group("clause") and not speech:
            continue  # "Jo Example, who leads the service, said": a clause after a name only before speech
        opens = sentence_start(text, m.start())
        if not opens and not (speech and not m.group("clause") and not m.group("name2")):
            continue  # after a comma ("Speaking after the meeting, Jo Example said"), only a speaker
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
    for m in pr.bullet_name.finditer(text, 0, doc.limit):
        name = m.group("name")
        if is_name(name, strict=True) and not rules_.post_head_re.match(m.group("after")):
            yield candidate(doc, name, None, m.start("name"), m.end("name"))


_POSSESSIVE_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w&-]*['’]s[ \t]+$")


def _opens_or_possessed(text: str, pos: int) -> bool:
    """Whether a name at ``pos`` opens a sentence or clause, or follows a body's possessive ("Ofsted's Kim
    Example said")."""
    if sentence_or_clause_start(text, pos):
        return True
    lo = max(0, pos - 40)  # a possessive's "'s" is looked for first (speed only: every match holds it)
    return (text.find("'s", lo, pos) >= 0 or text.find("’s", lo, pos) >= 0) and bool(
        _POSSESSIVE_BEFORE.search(text, lo, pos)
    )


def sentence_or_clause_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence (:func:`sentence_start`) or follows a comma and a space."""
    return sentence_start(text, pos) or (pos > 1 and text[pos - 1] == " " and text[pos - 2] == ",")


def _that_names(text: str, limit: int) -> Iterator[re.Match[str]]:
    """``_THAT_NAME.finditer(text, 0, limit)``, tried only right after each "that " (where every match starts)."""
    last = 0
    at = text.find("that ", 0, limit)
    while at >= 0:
        pos = at + 5
        if pos >= last:
            m = _THAT_NAME.match(text, pos, limit)
            if m is not None:
                yield m
                last = m.end()
        at = text.find("that ", at + 1, limit)
