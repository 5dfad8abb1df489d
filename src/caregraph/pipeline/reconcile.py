"""Which inspection a council paper mentions is which in Ofsted's official record: links, with method and confidence.

Papers and Ofsted's table name one inspection by the same IRI when their keys agree (council, kind family, start
month: :func:`caregraph.iris.inspection`). They often do not: Durham's paper says its ILACS inspection was in October
2019, Ofsted's record has it starting on 9 September (published 21 October); a 2021 paper expects Surrey's next ILACS
"between Spring and Summer 2022", and it began on 17 January 2022. :func:`refresh_links` writes, into the graph
:data:`LINKS_GRAPH` (``…/graph/links``), one link node per inspection a paper mentions that matches one official
record of the same council and kind family::

    <{links}/link/{sha1(paper inspection)[:16]}> a cg:ReconciliationLink ;
        cg:paperInspection <…/durham/inspection/ilacs/2019-10> ;
        cg:officialInspection <…/durham/inspection/ilacs/2019-09> ;
        cg:matchMethod "date-within" ; cg:confidence 0.85 .
    <…/durham/inspection/ilacs/2019-10> cg:officialRecord <…/durham/inspection/ilacs/2019-09> .

The last triple is the shortcut the named queries join on (an inspection is its own official record when the keys
agree). The methods, tried in this order (the first that finds candidates decides; :data:`METHODS`):

``same-key``
    the paper's inspection is the official one (the same IRI): confidence 1.
``date-within``
    some day the paper's start date allows (its derived ``cg:startEarliest`` / ``cg:startLatest`` bounds) lies
    within the official inspection's dates: its start to its end, or, as Ofsted's table gives no end, to the
    publication of its report. Confidence by the paper's precision: a day 0.95, a month 0.85, a year or seasons 0.6.
``publication-month``
    the paper's date, at month or day precision, falls in the month the official report was published (papers date
    an inspection by its report): 0.8 when the paper's own publication date does, 0.7 when its start does.

A paper's inspection with more than one candidate under the deciding method is left unlinked (counted in
:attr:`LinkSummary.ambiguous`); one official record may have several papers' inspections linked to it.

The links are derived data: recomputed from the store after every ``import-ofsted`` and every build or removal that
changes the document graphs (:func:`caregraph.pipeline.build.build`,
:func:`caregraph.pipeline.identity.remove_documents`), never edited by hand. With no official record the graph is
dropped. This module sits in the pipeline so that the build can call it (``pipeline`` may not import ``interop``);
:mod:`caregraph.interop.ofsted` calls it after an import.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox

from caregraph import iris
from caregraph.namespaces import CG, DCTERMS, PROV, RDF, XSD
from caregraph.records import PartialDate

__all__ = [
    "LINKS_GRAPH",
    "METHODS",
    "Link",
    "LinkSummary",
    "Mention",
    "Official",
    "link_iri",
    "link_triples",
    "match",
    "refresh_links",
]

LINKS_GRAPH = iris.graph_iri("links")
OFFICIAL_GRAPH = iris.graph_iri("ofsted")
VOCABULARIES_GRAPH = iris.graph_iri("vocabularies")

METHODS: tuple[str, ...] = ("same-key", "date-within", "publication-month")

Bounds = tuple[date, date]


@dataclass(frozen=True)
class Official:
    """An inspection in Ofsted's record: its council, kind family and dates (days, as the table gives them)."""

    iri: str
    council: str
    family: str
    start: Bounds
    end: Bounds | None = None
    published: Bounds | None = None

    @property
    def window(self) -> Bounds:
        """From its first day to its last: the end when known, else the publication of its report."""
        last = self.end or self.published or self.start
        return self.start[0], max(last[1], self.start[1])


@dataclass(frozen=True)
class Mention:
    """An inspection as the papers name it: its IRI, council, kind family and the bounds of its dates."""

    iri: str
    council: str
    family: str
    start: Bounds | None = None
    published: Bounds | None = None


@dataclass(frozen=True)
class Link:
    paper: str
    official: str
    method: str
    confidence: float


@dataclass(frozen=True)
class LinkSummary:
    links: int  # papers' inspections linked to an official record
    by_method: dict[str, int]
    ambiguous: tuple[str, ...]  # papers' inspections with several candidates (left unlinked)
    unmatched: int  # papers' inspections of a family the official record holds, with no candidate


# ------------------------------------------------------------------------------------------------ matching


def _overlaps(a: Bounds, b: Bounds) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _precision_confidence(bounds: Bounds) -> float:
    lo, hi = bounds
    if lo == hi:
        return 0.95
    if (lo.year, lo.month) == (hi.year, hi.month):
        return 0.85
    return 0.6


def _month(day: date) -> Bounds:
    return PartialDate(day.year, day.month).bounds()


def _within_a_month(bounds: Bounds) -> bool:
    lo, hi = bounds
    return (lo.year, lo.month) == (hi.year, hi.month)


def _candidates(mention: Mention, officials: Sequence[Official], method: str) -> list[tuple[Official, float]]:
    found: list[tuple[Official, float]] = []
    for o in officials:
        if method == "date-within":
            if mention.start is not None and _overlaps(mention.start, o.window):
                found.append((o, _precision_confidence(mention.start)))
        elif method == "publication-month" and o.published is not None:
            month = _month(o.published[0])
            if mention.published is not None and _within_a_month(mention.published):
                if _overlaps(mention.published, month):
                    found.append((o, 0.8))
            elif mention.start is not None and _within_a_month(mention.start) and _overlaps(mention.start, month):
                found.append((o, 0.7))
    return found


def match(mentions: Iterable[Mention], officials: Iterable[Official]) -> tuple[list[Link], list[str], int]:
    """Link each paper's inspection to at most one official record (the module's methods, in order); return the
    links, the inspections left unlinked because several records matched, and how many matched none."""
    by_key: dict[tuple[str, str], list[Official]] = defaultdict(list)
    official_iris: set[str] = set()
    for o in officials:
        by_key[(o.council, o.family)].append(o)
        official_iris.add(o.iri)
    links: list[Link] = []
    ambiguous: list[str] = []
    unmatched = 0
    for m in sorted(mentions, key=lambda m: m.iri):
        if m.iri in official_iris:
            links.append(Link(m.iri, m.iri, "same-key", 1.0))
            continue
        pool = by_key.get((m.council, m.family), [])
        for method in METHODS[1:]:
            found = _candidates(m, pool, method)
            if len(found) == 1:
                o, confidence = found[0]
                links.append(Link(m.iri, o.iri, method, confidence))
                break
            if len(found) > 1:
                ambiguous.append(m.iri)
                break
        else:
            if pool:
                unmatched += 1
    return links, ambiguous, unmatched


# ------------------------------------------------------------------------------------------------ the store


def _bounds(text: str) -> Bounds | None:
    """The first and last day a typed date's lexical form allows (``2019-10`` → 1 and 31 October 2019)."""
    try:
        return PartialDate.parse(text[:10]).bounds()
    except ValueError:
        return None


def _merge(found: list[Bounds]) -> Bounds | None:
    """One interval for a node's dates: what they all allow when they agree (``2024-04`` and ``2024-04-16`` → the
    16th), else the span of them all (two documents that disagree)."""
    if not found:
        return None
    lo, hi = max(b[0] for b in found), min(b[1] for b in found)
    if lo <= hi:
        return lo, hi
    return min(b[0] for b in found), max(b[1] for b in found)


_OFFICIALS = f"""
SELECT ?i ?council ?family ?start ?end ?published WHERE {{
  GRAPH <{OFFICIAL_GRAPH}> {{
    ?i a <{CG}Inspection> ; <{CG}council> ?council ; <{CG}kind> ?kind ; <{CG}startDate> ?start .
    OPTIONAL {{ ?i <{CG}endDate> ?end }}
    OPTIONAL {{ ?i <{CG}publicationDate> ?published }}
  }}
  GRAPH <{VOCABULARIES_GRAPH}> {{ ?kind <{CG}keyFamily> ?family }}
}}"""

# Papers' inspections of the kind families the official record holds, with the derived day bounds of their dates.
_MENTIONS = f"""
SELECT ?i ?council ?family ?startEarliest ?startLatest ?publishedEarliest ?publishedLatest WHERE {{
  {{ SELECT DISTINCT ?family WHERE {{
      GRAPH <{OFFICIAL_GRAPH}> {{ ?o <{CG}kind> ?k }} GRAPH <{VOCABULARIES_GRAPH}> {{ ?k <{CG}keyFamily> ?family }} }} }}
  GRAPH <{VOCABULARIES_GRAPH}> {{ ?kind <{CG}keyFamily> ?family }}
  GRAPH ?g {{
    ?g a <{CG}Document> .
    ?i a <{CG}Inspection> ; <{CG}kind> ?kind ; <{CG}council> ?council .
    OPTIONAL {{ ?i <{CG}startEarliest> ?startEarliest ; <{CG}startLatest> ?startLatest }}
    OPTIONAL {{ ?i <{CG}publishedEarliest> ?publishedEarliest ; <{CG}publishedLatest> ?publishedLatest }}
  }}
}}"""


def _day(term) -> date | None:
    if term is None:
        return None
    try:
        return date.fromisoformat(term.value[:10])
    except ValueError:
        return None


def read_officials(store) -> list[Official]:
    rows: dict[tuple[str, str, str], dict[str, list[Bounds]]] = defaultdict(lambda: defaultdict(list))
    for sol in store.query(_OFFICIALS):
        key = (sol["i"].value, sol["council"].value, sol["family"].value)
        for name in ("start", "end", "published"):
            term = sol[name]
            b = _bounds(term.value) if term is not None else None
            if b is not None and b not in rows[key][name]:
                rows[key][name].append(b)
    out = []
    for (i, council, family), dates in sorted(rows.items()):
        start = _merge(dates["start"])
        if start is not None:
            out.append(Official(i, council, family, start, _merge(dates["end"]), _merge(dates["published"])))
    return out


def read_mentions(store) -> list[Mention]:
    rows: dict[tuple[str, str, str], dict[str, list[Bounds]]] = defaultdict(lambda: defaultdict(list))
    for sol in store.query(_MENTIONS):
        key = (sol["i"].value, sol["council"].value, sol["family"].value)
        entry = rows[key]
        for name in ("start", "published"):
            lo, hi = _day(sol[name + "Earliest"]), _day(sol[name + "Latest"])
            if lo is not None and hi is not None and (lo, hi) not in entry[name]:
                entry[name].append((lo, hi))
    return [
        Mention(i, council, family, _merge(dates["start"]), _merge(dates["published"]))
        for (i, council, family), dates in sorted(rows.items())
    ]


def link_iri(paper: str) -> str:
    """``{links graph}/link/{sha1(paper inspection IRI)[:16]}``: one link per inspection the papers name."""
    return f"{LINKS_GRAPH}/link/{hashlib.sha1(paper.encode('utf-8')).hexdigest()[:16]}"


def link_triples(links: Iterable[Link]) -> list[ox.Triple]:
    """The links graph: each link node, the ``cg:officialRecord`` shortcut beside it, and the graph's own node."""
    n = ox.NamedNode
    rdf_type = n(RDF + "type")
    out: list[ox.Triple] = []
    for link in links:
        node, paper, official = n(link_iri(link.paper)), n(link.paper), n(link.official)
        out += [
            ox.Triple(node, rdf_type, n(CG + "ReconciliationLink")),
            ox.Triple(node, n(CG + "paperInspection"), paper),
            ox.Triple(node, n(CG + "officialInspection"), official),
            ox.Triple(node, n(CG + "matchMethod"), ox.Literal(link.method)),
            ox.Triple(node, n(CG + "confidence"), ox.Literal(f"{link.confidence:.2f}", datatype=n(XSD + "decimal"))),
            ox.Triple(paper, n(CG + "officialRecord"), official),
        ]
    if out:
        graph = n(LINKS_GRAPH)
        out += [
            ox.Triple(graph, rdf_type, n(PROV + "Entity")),
            ox.Triple(
                graph,
                n(DCTERMS + "title"),
                ox.Literal("Links between the inspections papers mention and Ofsted's official record", language="en"),
            ),
            ox.Triple(graph, n(PROV + "wasDerivedFrom"), n(OFFICIAL_GRAPH)),
        ]
    return out


def refresh_links(store) -> LinkSummary:
    """Recompute the links graph from the store's document graphs and Ofsted's record (one transaction); drop it
    when there is nothing to link. Cheap: two queries over the inspections and one graph replaced."""
    officials = read_officials(store) if store.has_graph(OFFICIAL_GRAPH) else []
    if not officials:
        if store.has_graph(LINKS_GRAPH):
            store.remove_document(LINKS_GRAPH)
        return LinkSummary(0, {}, (), 0)
    links, ambiguous, unmatched = match(read_mentions(store), officials)
    triples = link_triples(links)
    if triples:
        store.replace_triples(LINKS_GRAPH, triples)
    elif store.has_graph(LINKS_GRAPH):
        store.remove_document(LINKS_GRAPH)
    by_method: dict[str, int] = {}
    for link in links:
        by_method[link.method] = by_method.get(link.method, 0) + 1
    return LinkSummary(len(links), by_method, tuple(ambiguous), unmatched)
