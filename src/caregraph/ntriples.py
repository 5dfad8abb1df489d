"""The one N-Triples / N-Quads writer.

The build's workers hand each document's graph to the writer as N-Triples bytes, which Oxigraph's parser loads far
faster than Python can make pyoxigraph terms one by one (docs/performance.md): :func:`graph_ntriples` writes rdflib
triples so, term by term with :func:`term_nt` (the same text ``pyoxigraph.serialize`` gives), and
:func:`ntriples_to_nquads` puts them into a named graph. :func:`ox_ntriples` writes pyoxigraph triples (Oxigraph's
own serializer). :func:`term_key` is the form a statement IRI digests (:func:`caregraph.iris.statement`).

rdflib is imported on first use only: reading a store (``caregraph query``) never needs it (~0.1 s).

>>> from rdflib import Literal, URIRef
>>> graph_ntriples([(URIRef("http://e/s"), URIRef("http://e/p"), Literal('a "b"'))])
b'<http://e/s> <http://e/p> "a \\\\"b\\\\"" .\\n'
>>> ntriples_to_nquads("http://e/g", b'<http://e/s> <http://e/p> "x" .\\n')
b'<http://e/s> <http://e/p> "x" <http://e/g> .\\n'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

import pyoxigraph as ox

from caregraph.namespaces import XSD

__all__ = [
    "TripleTerm",
    "graph_ntriples",
    "ntriples_to_nquads",
    "ox_ntriples",
    "rdflib_terms",
    "term_key",
    "term_nt",
]

if TYPE_CHECKING:
    from rdflib import BNode, Literal, URIRef

XSD_STRING = XSD + "string"
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _escape(text: str) -> str:
    """A literal's text with ``\\``, ``"``, line feed and carriage return escaped, as N-Triples needs. Chained
    ``replace`` (backslashes first): four times faster than ``str.translate`` on the short texts of a graph."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


class TripleTerm(tuple):
    """An RDF 1.2 triple term ``<<( s p o )>>`` of rdflib terms: the object of an ``rdf:reifies`` triple (rdflib 7
    has no such term; :func:`term_nt` writes it)."""

    __slots__ = ()

    def __new__(cls, s, p, o) -> TripleTerm:
        return tuple.__new__(cls, (s, p, o))

    def __getnewargs__(self) -> tuple:  # pickled by worker processes
        return tuple(self)


@cache
def rdflib_terms() -> tuple[type[URIRef], type[Literal], type[BNode]]:
    """rdflib's ``URIRef``, ``Literal`` and ``BNode``, imported on first use."""
    from rdflib import BNode, Literal, URIRef

    return URIRef, Literal, BNode


def _iri_nt(value: str) -> str:
    if _BAD_IRI.search(value) or ":" not in value:
        raise ValueError(f"not a valid IRI: {value!r}")
    return f"<{value}>"


def term_nt(term) -> str:
    """An rdflib term in N-Triples syntax: the text ``pyoxigraph.serialize`` gives for the same term (plain literals
    without ``^^xsd:string``), except that control characters other than line breaks are written raw and language
    tags as given, where Oxigraph writes ``\\uXXXX`` and lower case (both valid N-Triples, parsed to the same
    terms). Raises ``ValueError`` for an IRI that is not valid."""
    URIRef, Literal, BNode = rdflib_terms()
    if isinstance(term, URIRef):
        return _iri_nt(str(term))
    if isinstance(term, Literal):
        lexical = '"' + _escape(str(term)) + '"'
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return f"{lexical}^^{_iri_nt(str(term.datatype))}"
        return lexical
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, TripleTerm):
        return "<<( " + " ".join(term_nt(t) for t in term) + " )>>"
    raise TypeError(f"not an RDF term: {term!r}")


def term_key(term) -> str:
    """A term as a statement IRI digests it (:func:`caregraph.iris.statement`), independent of rdflib's own
    formatting: ``<iri>``, ``"lex"^^<datatype>``, ``"lex"@lang``. Unlike :func:`term_nt` it writes every datatype
    (plain literals are xsd:string, as in RDF 1.1) and lower-cases language tags, and checks no IRI: changing any
    of that would change every statement IRI, so it stays as it was."""
    URIRef, Literal, _ = rdflib_terms()
    if isinstance(term, Literal):
        lexical = _escape(str(term))
        if term.language:
            return f'"{lexical}"@{term.language.lower()}'
        return f'"{lexical}"^^<{term.datatype or XSD_STRING}>'
    if isinstance(term, URIRef):
        return f"<{term}>"
    raise TypeError(f"statements are minted for IRIs and literals only, not {term!r}")


def graph_ntriples(graph: Iterable[tuple]) -> bytes:
    """A graph (an rdflib ``Graph`` or any iterable of rdflib triples) as N-Triples bytes, one triple a line.
    Raises ``ValueError`` for a term that is not valid RDF."""
    seen: dict = {}
    lines = []
    for triple in graph:
        parts = []
        for term in triple:
            text = seen.get(term)
            if text is None:
                text = seen[term] = term_nt(term)
            parts.append(text)
        lines.append(f"{parts[0]} {parts[1]} {parts[2]} .\n")
    return "".join(lines).encode("utf-8")


def ntriples_to_nquads(name: str, ntriples: bytes) -> bytes:
    """Put N-Triples (one triple a line, as :func:`graph_ntriples` writes them) into the named graph ``name``.

    Safe because N-Triples escapes every line break inside literals: " .\\n" only ends a line."""
    return ntriples.replace(b" .\n", f" <{name}> .\n".encode())


def ox_ntriples(triples: Iterable[ox.Triple]) -> bytes:
    """pyoxigraph triples as N-Triples bytes, by Oxigraph's serializer."""
    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES) or b""
