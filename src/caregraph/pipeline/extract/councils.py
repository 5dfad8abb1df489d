"""Councils: the document's publisher and the other councils it names.

:func:`match_councils` finds every council's name in the scanned text with the gazetteer (:mod:`caregraph.gazetteer`,
the one reader of ``ontology/councils.csv``), leaving out a council's name that ends a person's name found on the
page ("Mark Wiltshire" is not Wiltshire Council). :func:`merge_councils` makes one mention of each council, with the
sentence that first names it, and picks the publisher: the council the document's metadata names (the manifest's,
else the URL's host: its domain, its domain's own label, or a label holding the council's name), else the council
the title names, else the council the text names most ("… County Council" counts twice), as things stood on the
document's date (a page of 2018 on the domain of a council created in 2023 is its predecessor's). When none says,
there is no publisher mention, and :attr:`~caregraph.records.Extraction.publisher` is None: the publisher is
unknown, and mapping keeps the facts under an explicit unidentified publisher. No rules file: the gazetteer is the
data.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from caregraph.gazetteer import Gazetteer, gazetteer, normalise_name
from caregraph.pipeline.extract.doc import Doc
from caregraph.records import CouncilMention, Evidence, PartialDate, Segmented

_GENERIC_SUFFIXES = re.compile(
    r"(?i)\s+(?:county\s+council|city\s+council|borough\s+council|metropolitan\s+borough\s+council|council)$"
)


class CouncilCandidate(NamedTuple):
    slug: str  # gazetteer key
    written: str  # the name as the text writes it
    start: int
    end: int
    weight: int  # 2 for a name with "Council" in it, else 1


def find_councils(
    doc: Doc | Segmented, people: Iterable[str] = (), when: PartialDate | None = None
) -> tuple[CouncilMention, ...]:
    """The publisher (the manifest's council, else the URL's domain, else the council the text names most; with
    ``when``, the document's date, the council as things stood then) and every other council the text names. A
    council's name that ends a person's name in ``people`` ("Mark Wiltshire") is not a mention of the council."""
    doc = Doc.of(doc)
    return merge_councils(doc, match_councils(doc, people), when)


def match_councils(doc: Doc, people: Iterable[str] = ()) -> list[CouncilCandidate]:
    """Every council's name in the scanned text, except the end of a person's name in ``people``."""
    text = doc.text
    person_names = [n.lower() for n in people if " " in n]
    out = []
    for ms, me, slug in gazetteer().find(text, 0, doc.limit):
        written = text[ms:me]
        if any(
            n.endswith(" " + written.lower())
            and text[max(0, ms - len(n) + len(written)) : ms].lower() == n[: len(n) - len(written)]
            for n in person_names
        ):
            continue  # "Mark Wiltshire": a surname, not the council
        out.append(CouncilCandidate(slug, written, ms, me, 2 if _GENERIC_SUFFIXES.search(written) else 1))
    return out


def title_council(doc: Doc) -> str | None:
    """The council the document's title names ("Anyshire County Council – Cabinet – 4 May 2023"): its own title,
    else its first title line."""
    title = doc.source.title
    if not title:
        title = next((doc.text[s.start : s.end] for s in doc.segments if s.kind == "title"), None)
    if not title:
        return None
    return next((slug for _, _, slug in gazetteer().find(title[:300])), None)


def merge_councils(
    doc: Doc, candidates: list[CouncilCandidate], when: PartialDate | None = None
) -> tuple[CouncilMention, ...]:
    """One mention per council (its first name as written, the sentence that first names it); the publisher first,
    as things stood on ``when`` (the single council it replaced, when the whole of ``when`` is before its start),
    unless the text calls the publisher by its own official name."""
    gaz = gazetteer()
    counts: Counter[str] = Counter()
    first: dict[str, Evidence] = {}
    names: dict[str, str] = {}
    for c in candidates:
        counts[c.slug] += c.weight
        if c.slug not in first:
            first[c.slug] = doc.evidence(*doc.sentence_around(c.start, c.end))
            names[c.slug] = c.written
    publisher = doc.declared_council or title_council(doc)
    if publisher is None and counts:
        publisher = counts.most_common(1)[0][0]
    if publisher is not None and when is not None and not _names_itself(gaz, publisher, candidates):
        publisher = gaz.as_on(publisher, when.bounds()[1])
    out = []
    if publisher is not None:
        name = names.get(publisher, gaz.councils[publisher].name if publisher in gaz.councils else publisher)
        out.append(CouncilMention(publisher, name, True, first.get(publisher)))
    for slug in sorted(counts, key=lambda s: first[s].start):
        if slug != publisher:
            out.append(CouncilMention(slug, names[slug], False, first[slug]))
    return tuple(out)


def _names_itself(gaz: Gazetteer, slug: str, candidates: list[CouncilCandidate]) -> bool:
    """Whether the text writes the council ``slug`` by its official name ("North Yorkshire Council", not the
    "North Yorkshire" its predecessor was called too)."""
    council = gaz.councils.get(slug)
    if council is None:
        return False
    official = normalise_name(council.official_name)
    return any(c.slug == slug and normalise_name(c.written) == official for c in candidates)
