"""The one N-Triples / N-Quads writer.

The build's workers hand each document's graph to the writer as N-Triples bytes, which Oxigraph's parser loads far
faster than Python can make pyoxigraph terms one by one (docs/performance.md). :func:`iri_nt` and :func:`literal_nt`
write one term from plain strings (the mapping writes a document's graph with them, no rdflib term made);
:func:`graph_ntriples` writes rdflib triples, term by term with :func:`term_nt`, which is built on those two (the
same text ``pyoxigraph.serialize`` gives), and :func:`rdflib_triples` reads N-Triples back into rdflib terms;
:func:`ntriples_to_nquads` puts N-Triples into a named graph. :func:`ox_ntriples` writes pyoxigraph triples
(Oxigraph's own serializer). :func:`term_key` is the form a statement IRI digests (:func:`caregraph.iris.statement`).

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
    "iri_nt",
    "literal_nt",
    "ntriples_to_nquads",
    "ox_ntriples",
    "rdflib_terms",
    "rdflib_triples",
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


def iri_nt(value: str) -> str:
    """An IRI in N-Triples syntax, ``<value>``. Raises ``ValueError`` for one that is not valid (no scheme, or a
    space or a character N-Triples forbids in it)."""
    if _BAD_IRI.search(value) or ":" not in value:
        raise ValueError(f"not a valid IRI: {value!r}")
    return f"<{value}>"


def literal_nt(lexical: str, datatype: str | None = None, language: str | None = None) -> str:
    """A literal in N-Triples syntax: ``"lexical"``, ``"lexical"@language`` or ``"lexical"^^<datatype>`` (a plain
    literal for ``xsd:string``), its text escaped by :func:`_escape`."""
    text = '"' + _escape(lexical) + '"'
    if language:
        return f"{text}@{language}"
    if datatype is not None and datatype != XSD_STRING:
        return f"{text}^^{_datatype_nt(datatype)}"
    return text


@cache
def _datatype_nt(datatype: str) -> str:
    return iri_nt(datatype)


def term_nt(term) -> str:
    """An rdflib term in N-Triples syntax (:func:`iri_nt`, :func:`literal_nt`): the text ``pyoxigraph.serialize``
    gives for the same term (plain literals without ``^^xsd:string``), except that control characters other than
    line breaks are written raw and language tags as given, where Oxigraph writes ``\\uXXXX`` and lower case (both
    valid N-Triples, parsed to the same terms). Raises ``ValueError`` for an IRI that is not valid."""
    URIRef, Literal, BNode = rdflib_terms()
    if isinstance(term, URIRef):
        return iri_nt(str(term))
    if isinstance(term, Literal):
        datatype = term.datatype
        return literal_nt(str(term), None if datatype is None else str(datatype), term.language)
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


def rdflib_triples(ntriples: bytes) -> set[tuple]:
    """N-Triples (RDF 1.2, with triple terms) read back into rdflib terms, by Oxigraph's parser: a triple term as a
    :class:`TripleTerm`, an ``xsd:string`` literal as a plain ``Literal``, so that :func:`graph_ntriples` writes
    the same triples again. Raises ``SyntaxError`` for text that is not N-Triples."""
    URIRef, Literal, BNode = rdflib_terms()
    made: dict = {}

    def term(t):
        found = made.get(t)
        if found is not None:
            return found
        if isinstance(t, ox.NamedNode):
            found = URIRef(t.value)
        elif isinstance(t, ox.Literal):
            datatype = t.datatype.value
            found = (
                Literal(t.value, lang=t.language)
                if t.language
                else Literal(t.value)
                if datatype == XSD_STRING
                else Literal(t.value, datatype=URIRef(datatype))
            )
        elif isinstance(t, ox.BlankNode):
            found = BNode(t.value)
        else:  # an ox.Triple: a triple term
            found = TripleTerm(term(t.subject), term(t.predicate), term(t.object))
        made[t] = found
        return found

    return {
        (term(q.subject), term(q.predicate), term(q.object)) for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
    }


def ntriples_to_nquads(name: str, ntriples: bytes) -> bytes:
    """Put N-Triples (one triple a line, as :func:`graph_ntriples` writes them) into the named graph ``name``.

    Safe because N-Triples escapes every line break inside literals: " .\\n" only ends a line."""
    return ntriples.replace(b" .\n", f" <{name}> .\n".encode())


def ox_ntriples(triples: Iterable[ox.Triple]) -> bytes:
    """pyoxigraph triples as N-Triples bytes, by Oxigraph's serializer."""
    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES) or b""
