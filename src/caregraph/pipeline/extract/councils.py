"""Councils: the document's publisher and the other councils it names.

:func:`match_councils` finds every council's name in the scanned text with the gazetteer (:mod:`caregraph.gazetteer`,
the one reader of ``ontology/councils.csv``), leaving out a council's name that ends a person's name found on the
page ("Mark Wiltshire" is not Wiltshire Council), and not counting a council named as a guest's affiliation ("Jo
Guest (Othershire Council)"). :func:`merge_councils` makes one mention of each council, with the sentence that first
names it, and picks the publisher: the council the document's metadata names (the manifest's, else the URL's host:
its domain, its domain's own label, or a label holding the council's name, the last unless the text names only other
councils: :attr:`~caregraph.pipeline.extract.doc.Doc.declared_council`), else the council the title names (of
several, the one the text names most), else the council the text names most ("… County Council" counts twice; of
equal counts, the one it names more often), as things stood on the document's date (a page of 2018 on the domain of
a council created in 2023 is its predecessor's; a page of 2020 on a council's that ended in 2019, its successor's;
a council the text alone names did not publish a page dated before it began, whatever the text calls it). A page
whose metadata names no council and whose title names the area a council shares with its predecessor or successor
("Children's services in Somerset …") is the page of the one of them the text names by its official name ("Somerset
County Council"), if that one held the area on the page's date or no date is known.
A name the publisher shares with its predecessor or successor ("Dorset") is a mention of the publisher. When none says,
there is no publisher mention, and :attr:`~caregraph.records.Extraction.publisher` is None: the publisher is
unknown, and mapping keeps the facts under an explicit unidentified publisher. No rules file: the gazetteer is the
data.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from caregraph.gazetteer import Gazetteer, gazetteer, normalise_name
from caregraph.pipeline.dates import document_date_from_url
from caregraph.pipeline.extract.doc import Doc
from caregraph.records import CouncilMention, Evidence, PartialDate, Segmented

_GENERIC_SUFFIXES = re.compile(
    r"(?i)\s+(?:county\s+council|city\s+council|borough\s+council|metropolitan\s+borough\s+council|council|cc)$"
)


class CouncilCandidate(NamedTuple):
    slug: str  # gazetteer key
    written: str  # the name as the text writes it
    start: int
    end: int
    weight: int  # 2 for a name with "Council" (or "CC") in it, else 1; 0 for a guest's council


def find_councils(
    doc: Doc | Segmented, people: Iterable[str] = (), when: PartialDate | None = None
) -> tuple[CouncilMention, ...]:
    """The publisher (the manifest's council, else the URL's domain, else the council the text names most; as
    things stood on ``when``, the document's date, else its URL's) and every other council the text names. A
    council's name that ends a person's name in ``people`` ("Mark Wiltshire") is not a mention of the council."""
    doc = Doc.of(doc)
    return merge_councils(doc, match_councils(doc, people), when or document_date_from_url(doc.source.url))


def match_councils(doc: Doc, people: Iterable[str] = ()) -> list[CouncilCandidate]:
    """Every council's name in the scanned text, except the end of a person's name in ``people``, and every use
    of a short form the page defines for one ("Kent County Council (KCC)")."""
    text = doc.text
    person_names = [n.lower() for n in people if " " in n]
    out = []
    for ms, me, slug in doc.councils_in(0, doc.limit):
        written = text[ms:me]
        if any(
            n.endswith(" " + written.lower())
            and text[max(0, ms - len(n) + len(written)) : ms].lower() == n[: len(n) - len(written)]
            for n in person_names
        ):
            continue  # "Mark Wiltshire": a surname, not the council
        weight = 2 if _GENERIC_SUFFIXES.search(written) else 1
        if _is_affiliation(text, ms, me, person_names):
            weight = 0  # "Jo Guest (Othershire Council)": a visitor's council, named, but not the page's
        out.append(CouncilCandidate(slug, written, ms, me, weight))
    return out + _abbreviated(text, doc.limit, out)


#: "Kent County Council (KCC)", "(‘KCC’)": a council's name with the short form the page goes on to use.
_DEFINED_ABBREVIATION = re.compile(r"""\s*\(\s*["'‘“]?(?P<abbr>[A-Z][A-Za-z]?[A-Z]{1,5})["'’”]?\s*\)""")


def _abbreviated(text: str, limit: int, named: list[CouncilCandidate]) -> list[CouncilCandidate]:
    """Every use of a short form the page defines for a council right after its name ("Kent County Council (KCC)"
    … "KCC said"), at the weight of the name it stands for: a page that abbreviates its council names it by the
    short form from then on. A short form must start with the name's first letter, and stand for one council."""
    defined: dict[str, tuple[CouncilCandidate, int]] = {}  # short form -> the name it follows, its bracket's end
    clashes: set[str] = set()
    for c in named:
        m = _DEFINED_ABBREVIATION.match(text, c.end)
        if m is None or m.group("abbr")[0] != c.written[0].upper() or c.weight == 0:
            continue
        abbr = m.group("abbr")
        if abbr in defined and defined[abbr][0].slug != c.slug:
            clashes.add(abbr)
        defined.setdefault(abbr, (c, m.end()))
    out = []
    for abbr, (c, after) in defined.items():
        if abbr not in clashes:
            for m in re.compile(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])").finditer(text, after, limit):
                out.append(CouncilCandidate(c.slug, abbr, m.start(), m.end(), c.weight))
    return out


_AFFILIATION_BEFORE = re.compile(r"\(\s*(?:the\s+)?$", re.I)
_AFFILIATION_AFTER = re.compile(r"\s*\)")


def _is_affiliation(text: str, start: int, end: int, person_names: list[str]) -> bool:
    """Whether the council's name at ``text[start:end]`` is a bracket of its own right after a person's name
    ("Jo Guest (Othershire Council)"): how a list of those present marks a guest from another body; the
    page's own council never needs saying so."""
    before = _AFFILIATION_BEFORE.search(text, max(0, start - 8), start)
    if before is None or not _AFFILIATION_AFTER.match(text, end):
        return False
    head = text[max(0, before.start() - 80) : before.start()].rstrip().lower()
    return any(head.endswith(n) and (len(head) == len(n) or not head[-len(n) - 1].isalnum()) for n in person_names)


def title_councils(doc: Doc) -> list[str]:
    """The councils the document's title names ("Anyshire County Council – Cabinet – 4 May 2023"), in order: its
    own title, else its first title line."""
    title = doc.source.title
    if not title:
        title = next((doc.text[s.start : s.end] for s in doc.segments if s.kind == "title"), None)
    if not title:
        return []
    return list(dict.fromkeys(slug for _, _, slug in gazetteer().find(title[:300])))


def title_council(doc: Doc, counts: Counter[str] | None = None) -> str | None:
    """The council the document's title names; of several ("Hampshire & Isle of Wight", a headline naming two
    councils), the one the text names most (``counts``), the first on a tie."""
    named = title_councils(doc)
    if len(named) > 1 and counts:
        return max(named, key=lambda slug: counts[slug])  # max keeps the first of equals
    return named[0] if named else None


def merge_councils(
    doc: Doc, candidates: list[CouncilCandidate], when: PartialDate | None = None
) -> tuple[CouncilMention, ...]:
    """One mention per council (its first name as written, the sentence that first names it); the publisher first,
    as things stood on ``when`` (the single council it replaced, when the whole of ``when`` is before its start; the
    single council that replaced it, when the whole of ``when`` is after its end), unless the text calls the
    publisher by its own official name; a name the publisher shares with its predecessor or successor is its own."""
    gaz = gazetteer()
    counts: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for c in candidates:
        counts[c.slug] += c.weight
        mentions[c.slug] += c.weight > 0
    publisher = doc.declared_council or title_council(doc, counts)
    if publisher is None and counts:
        # of equal weights, the council named more often ("Derbyshire’s …" twice outweighs one "Derby Council")
        slug = max(counts, key=lambda s: (counts[s], mentions[s]))  # max keeps the first of equals
        publisher = slug if counts[slug] > 0 else None
    if publisher is not None and doc.declared_council is None:
        publisher = _officially_named_kin(gaz, publisher, candidates, when) or publisher
    if publisher is not None and when is not None:
        earliest, latest = when.bounds()
        if not _names_itself(gaz, publisher, candidates) or (
            doc.declared_council is None and _not_yet(gaz, publisher, latest)
        ):
            # a council's own official name keeps it the publisher (a successor's site carries the minutes of the
            # months before it began under its own name), unless only the text names it and it did not exist yet:
            # "North Yorkshire Council gets 'good' grade" on a news page of 2014 is North Yorkshire County Council's
            publisher = gaz.as_on(publisher, earliest, latest)
    first: dict[str, Evidence] = {}
    names: dict[str, str] = {}
    for c in candidates:
        slug = publisher if publisher and _same_area(gaz, publisher, c) else c.slug
        if slug not in first:
            first[slug] = doc.evidence(*doc.sentence_around(c.start, c.end))
            names[slug] = c.written
    out = []
    if publisher is not None:
        name = names.get(publisher, gaz.councils[publisher].name if publisher in gaz.councils else publisher)
        out.append(CouncilMention(publisher, name, True, first.get(publisher)))
    for slug in sorted(first, key=lambda s: first[s].start):
        if slug != publisher:
            out.append(CouncilMention(slug, names[slug], False, first[slug]))
    return tuple(out)


def _same_area(gaz: Gazetteer, publisher: str, c: CouncilCandidate) -> bool:
    """Whether the mention ``c`` names the publisher's own area by a name its predecessor or successor holds too
    ("Dorset" on a page of Dorset County Council, whose successor Dorset Council the gazetteer files the name
    under): only where one council succeeded the other alone ("Cumberland" on a page of Cumbria, split in two, is
    another council); a council called by its own official name ("the new Dorset Council") is that council."""
    if c.slug == publisher or publisher not in gaz.councils or c.slug not in gaz.councils:
        return c.slug == publisher
    other = gaz.councils[c.slug]
    kin = other.replaced_by == (publisher,) or gaz.councils[publisher].replaced_by == (c.slug,)
    return kin and normalise_name(c.written) != normalise_name(other.official_name)


def _officially_named_kin(
    gaz: Gazetteer, slug: str, candidates: list[CouncilCandidate], when: PartialDate | None
) -> str | None:
    """The council that alone replaced ``slug`` or that ``slug`` alone replaced, when the text names it by its
    official name and ``slug`` only by the area's name they share, and it held the area at ``when`` (or no date is
    known): "Children's services in Somerset …" over a text that says "Somerset County Council" is that council's
    page, not its successor's (a page whose metadata names its publisher is not read this way)."""
    if slug not in gaz.councils or _names_itself(gaz, slug, candidates):
        return None
    named = {
        c.slug
        for c in candidates
        if c.slug != slug
        and c.slug in gaz.councils
        and c.weight > 0
        and (gaz.councils[c.slug].replaced_by == (slug,) or gaz.councils[slug].replaced_by == (c.slug,))
        and _names_itself(gaz, c.slug, [c])
    }
    if len(named) != 1:
        return None
    kin = named.pop()
    return kin if when is None or gaz.as_on(kin, *when.bounds()) == kin else None


def _not_yet(gaz: Gazetteer, slug: str, latest: date) -> bool:
    """Whether the council ``slug`` was created after ``latest``, the last day of the document's date."""
    council = gaz.councils.get(slug)
    return council is not None and council.start is not None and latest < council.start


def _names_itself(gaz: Gazetteer, slug: str, candidates: list[CouncilCandidate]) -> bool:
    """Whether the text writes the council ``slug`` by its official name ("North Yorkshire Council", not the
    "North Yorkshire" its predecessor was called too)."""
    council = gaz.councils.get(slug)
    if council is None:
        return False
    official = normalise_name(council.official_name)
    return any(c.slug == slug and normalise_name(c.written) == official for c in candidates)
