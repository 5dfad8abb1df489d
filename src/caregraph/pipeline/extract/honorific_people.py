"""People named after an honorific: "Councillor Surname", "DCI Alex Example", "Councillor Mrs X", with a post just
before it ("Vice Chair Councillor …", "The Chair, Councillor …") (:func:`honorific_people`), and "councillor" in lower
case before a name as news copy writes it ("Labour councillor Tom Sample", no post) (:func:`lower_councillor`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caregraph.pipeline.extract.candidates import PersonCandidate, candidate
from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.names import name_run, patterns, person_name, scan
from caregraph.pipeline.extract.posts import post_before


def honorific_people(doc: Doc) -> Iterator[PersonCandidate]:
    """ "Councillor Surname", "DCI Alex Example" (no post stated right after it); a post just before it is theirs."""
    text = doc.text
    for m in scan(patterns().honorific, doc, prefixes=patterns().honorific_starts):
        name = person_name(m.group("name"), m.group("hon"))
        if name is None:
            continue
        post = post_before(text, m.start())
        end = m.start("name") + len(name)
        if post is None:
            yield candidate(doc, name, None, m.start(), end, m.group("hon"))
        else:
            yield candidate(doc, name, post[0], m.start(), end, m.group("hon"), None, post[1])


#: (the word first and what may not stand before it after it: a search skips to the word; speed only)
_LOWER_COUNCILLOR = re.compile(rf"councillor(?<![\w’'-]councillor)[ \t]+(?P<name>{name_run(0, 2)})")


def lower_councillor(doc: Doc) -> Iterator[PersonCandidate]:
    """ "Labour councillor Tom Sample said", "opposition councillor Smith": "councillor" in lower case before a
    name, as news copy writes it, is an honorific; it is no post."""
    text = doc.text
    for m in _LOWER_COUNCILLOR.finditer(text, 0, doc.limit):
        raw = m.group("name")
        name = person_name(raw, "Councillor")
        if name is not None and name == raw:
            yield candidate(doc, name, None, m.start("name"), m.end("name"), "Councillor")
