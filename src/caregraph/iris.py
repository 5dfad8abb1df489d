"""The one place that mints IRIs for instance data, from natural keys (docs/ontology.md, "IRIs: one natural key
per thing", lists each key and what it means for joins).

The same council, committee, person, post, meeting or inspection gets the same IRI from every document and every
run, so facts from many documents join. The base is ``https://w3id.org/caregraph/id/`` unless ``CAREGRAPH_BASE``
says otherwise. The string-only part (base, slugs, people's keys, councils', documents' and graphs' IRIs as
``str``) is :mod:`caregraph.keys`, which the query path uses without importing rdflib.

>>> str(inspection("surrey", "focused-visit", PartialDate(2024, 4, 16)))
'https://w3id.org/caregraph/id/council/surrey/inspection/focused-visit/2024-04'
>>> inspection("surrey", "focused-visit", PartialDate(2024, 4)) == inspection("surrey", "focused-visit", PartialDate(2024, 4, 17))
True
"""

from __future__ import annotations

import hashlib
import re

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from caregraph.keys import (  # noqa: F401 (re-exported: iris.base, iris.slug, … as before)
    DEFAULT_BASE,
    GRAPH_BASE,
    HONORIFICS,
    VOCAB,
    base,
    council_iri,
    document_iri,
    graph_iri,
    kind_family,
    person_key,
    slug,
)
from caregraph.records import PartialDate

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def council(council_slug: str) -> URIRef:
    return URIRef(council_iri(council_slug))


def body(council_slug: str, name: str) -> URIRef:
    return URIRef(f"{council(council_slug)}/body/{slug(name)}")


def meeting(council_slug: str, body_name: str, date: PartialDate) -> URIRef:
    return URIRef(f"{body(council_slug, body_name)}/meeting/{date.iso()}")


def agenda_item(meeting_iri: URIRef, number: str | None, title: str | None) -> URIRef:
    return URIRef(f"{meeting_iri}/item/{slug(number or title or 'item')}")


def report(item_iri: URIRef) -> URIRef:
    return URIRef(f"{item_iri}/report")


def person(council_slug: str | None, name: str) -> URIRef:
    scope = council(council_slug) if council_slug else URIRef(f"{base()}unplaced")
    return URIRef(f"{scope}/person/{person_key(name)}")


def post(organisation_iri: URIRef, title: str) -> URIRef:
    title = re.sub(r"^the\s+", "", title.strip(), flags=re.I)
    return URIRef(f"{organisation_iri}/post/{slug(title)}")


def inspection(council_slug: str, kind: str, start: PartialDate | None, published: PartialDate | None = None) -> URIRef:
    """``{council}/inspection/{family}/{YYYY-MM}`` from the start month (``YYYY`` when only the year is known);
    an inspection known only by its publication date keys as ``p{YYYY-MM}``."""
    when = start.month_key() if start is not None else "p" + (published.month_key() if published else "undated")
    return URIRef(f"{council(council_slug)}/inspection/{kind_family(kind)}/{when}")


def sub_judgement(inspection_iri: URIRef, area: str) -> URIRef:
    return URIRef(f"{inspection_iri}/judgement/{area}")


def text_key(text: str, length: int = 12) -> str:
    """A short digest of text with case, punctuation and spacing folded, so trivial differences key alike."""
    return hashlib.sha1(re.sub(r"\W+", " ", text.lower()).strip().encode("utf-8")).hexdigest()[:length]


def decision(parent: URIRef, number: str | None, text: str) -> URIRef:
    """``{parent}/decision/{number}``, or ``{parent}/decision/t-{digest of the text}`` when there is no number (or
    the number is not unique in the document). The parent is the agenda item, else the meeting, else the document."""
    key = number if number else "t-" + text_key(text)
    return URIRef(f"{parent}/decision/{slug(key)}")


def follow_up(parent: URIRef, due: PartialDate, description: str | None = None) -> URIRef:
    """``{parent}/follow-up/{due}``; with ``description`` (when two follow-ups of one parent share a due date)
    ``{parent}/follow-up/{due}-{digest of the description}``."""
    suffix = f"-{text_key(description, 8)}" if description else ""
    return URIRef(f"{parent}/follow-up/{due.iso()}{suffix}")


def organisation(key: str) -> URIRef:
    return URIRef(f"{base()}org/{'/'.join(slug(part) for part in key.split('/'))}")


def practice_model(key: str) -> URIRef:
    return URIRef(f"{base()}practice-model/{slug(key)}")


def document(key: str) -> URIRef:
    """A document's IRI from its source URL, or its normalised path when no URL is known."""
    return URIRef(document_iri(key))


def evidence(document_iri: URIRef, start: int, end: int) -> URIRef:
    return URIRef(f"{document_iri}/evidence/{start}-{end}")


def term_key(term: Identifier) -> str:
    """A term written as in N-Triples, independent of rdflib's own formatting: ``<iri>``, ``"lex"^^<datatype>``,
    ``"lex"@lang``. Plain literals are xsd:string, as in RDF 1.1."""
    if isinstance(term, Literal):
        lexical = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if term.language:
            return f'"{lexical}"@{term.language.lower()}'
        return f'"{lexical}"^^<{term.datatype or XSD_STRING}>'
    if isinstance(term, URIRef):
        return f"<{term}>"
    raise TypeError(f"statements are minted for IRIs and literals only, not {term!r}")


def statement(document_iri: URIRef, s: Identifier, p: Identifier, o: Identifier) -> URIRef:
    """``{document}/statement/{sha1 of the triple in N-Triples}[:16]``: one IRI per fact and document."""
    triple = f"{term_key(s)} {term_key(p)} {term_key(o)} ."
    return URIRef(f"{document_iri}/statement/{hashlib.sha1(triple.encode('utf-8')).hexdigest()[:16]}")


def concept(scheme: str, key: str) -> URIRef:
    return URIRef(f"{VOCAB}{scheme}/{key}")


def graph(name: str) -> URIRef:
    """Reference graphs: ontology, vocabularies, councils, ofsted, dataset."""
    return URIRef(graph_iri(name))
