"""The provenance of every fact, in the form a target store can read (``export``/``push --provenance``).

caregraph stores each fact's provenance in RDF 1.2 (docs/ontology.md, "Provenance"): the part of the source that
states a fact is the fact's *reifier* — a span of a document's text, ``{doc}/evidence/{start}-{end}
rdf:reifies <<( s p o )>>`` with ``oa:start``, ``oa:end`` and ``oa:exact``, or a row of Ofsted's table with
``cg:sourceRow`` — and a fact with no such part is reified by the graph's own node (the document). The named graph
says which document; a span says where in it.

Stores and parsers without RDF 1.2 (rdflib 7, Raptor 2, Virtuoso, QLever, older Jena and GraphDB) cannot read triple
terms, so this module rewrites a stream of quads, graph by graph, into one of three forms (:data:`MODES`):

``rdf12``
    as stored (the quads pass through untouched);
``rdf11``
    RDF 1.1 classic reification, the form caregraph wrote before: for each reified triple of graph ``g`` one
    ``rdf:Statement`` ``{g}/statement/{sha1(triple)[:16]}`` (:func:`caregraph.iris.statement`) with
    ``rdf:subject``, ``rdf:predicate``, ``rdf:object``, ``prov:wasDerivedFrom g`` and ``cg:evidence`` each reifier
    that is not ``g``; each such reifier also gets ``rdf:type cg:Evidence`` and ``oa:hasSource g``;
``none``
    the facts and the documents' metadata only: the ``rdf:reifies`` quads and the reifiers' own quads are dropped.

The rewriting streams: it holds one subject's quads at a time, and the set of statement IRIs written in the current
graph (so a fact two spans state gets one statement with two ``cg:evidence``). It needs the quads of a graph grouped
by subject, as a store's index gives them (``Store.quads(graph=…)``). The output is deterministic: the same input
gives the same quads in the same order, so exports stay byte-identical.

>>> import pyoxigraph as ox
>>> g, s, p = ox.NamedNode("http://e/doc"), ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p")
>>> span = ox.NamedNode("http://e/doc/evidence/0-5")
>>> stored = [ox.Quad(s, p, ox.Literal("x"), g), ox.Quad(span, REIFIES, ox.Triple(s, p, ox.Literal("x")), g)]
>>> len(list(convert(stored, "rdf11")))   # the fact, the statement's 6 quads, the span's type and source
9
>>> [str(q.predicate) for q in convert(stored, "none")]
['<http://e/p>']
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Literal as TypingLiteral

import pyoxigraph as ox

from caregraph.errors import CaregraphError
from caregraph.namespaces import CG, OA, PROV, RDF, XSD

__all__ = ["MODES", "REIFIES", "ProvenanceView", "convert", "default_mode", "statement_iri", "view"]

Mode = TypingLiteral["rdf11", "rdf12", "none"]
MODES: tuple[str, ...] = ("rdf11", "rdf12", "none")

REIFIES = ox.NamedNode(RDF + "reifies")
_TYPE = ox.NamedNode(RDF + "type")
_STATEMENT = ox.NamedNode(RDF + "Statement")
_SUBJECT = ox.NamedNode(RDF + "subject")
_PREDICATE = ox.NamedNode(RDF + "predicate")
_OBJECT = ox.NamedNode(RDF + "object")
_DERIVED = ox.NamedNode(PROV + "wasDerivedFrom")
_EVIDENCE = ox.NamedNode(CG + "evidence")
_EVIDENCE_CLASS = ox.NamedNode(CG + "Evidence")
_SOURCE = ox.NamedNode(OA + "hasSource")
_XSD_STRING = XSD + "string"

# Export formats whose RDF 1.1 readers (rdflib, Raptor) cannot read triple terms: all six as the project's readers
# know them. N-Triples, N-Quads, Turtle, TriG and RDF/XML have RDF 1.2 versions Oxigraph writes (--provenance
# rdf12); JSON-LD has none.
NO_TRIPLE_TERMS = frozenset({"jsonld"})


class ProvenanceError(CaregraphError):
    """An unknown provenance mode, or one the target format cannot carry."""


def check_mode(mode: str, fmt: str | None = None) -> Mode:
    """``mode`` if it is one of :data:`MODES` (and ``fmt``, an export format name, can carry it)."""
    if mode not in MODES:
        raise ProvenanceError(f"unknown provenance form {mode!r}; choose one of {', '.join(MODES)}")
    if mode == "rdf12" and fmt in NO_TRIPLE_TERMS:
        raise ProvenanceError(
            f"{fmt} cannot carry RDF 1.2 triple terms; export it with --provenance rdf11 (or none), or choose nquads or trig"
        )
    return mode  # type: ignore[return-value]


def default_mode(fmt: str | None = None) -> Mode:
    """The provenance form an export or push writes unless told: ``rdf11`` (classic reification), which every RDF
    1.1 reader loads; a store that reads RDF 1.2 (Oxigraph, Jena 5) can be given ``rdf12``."""
    return "rdf11"


# ---------------------------------------------------------------------------------------------- statement IRIs


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _key(term) -> str:
    """A term as :func:`caregraph.ntriples.term_key` writes it (the text a statement IRI digests)."""
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f'"{_escape(term.value)}"@{term.language.lower()}'
        return f'"{_escape(term.value)}"^^<{term.datatype.value if term.datatype else _XSD_STRING}>'
    raise ProvenanceError(f"statements are minted for IRIs and literals only, not {term}")


def statement_iri(graph: str, triple: ox.Triple) -> ox.NamedNode:
    """``{graph}/statement/{sha1 of the triple}[:16]``: the IRI :func:`caregraph.iris.statement` gives the same
    triple in the same graph (so the RDF 1.1 form keeps the statement IRIs caregraph always wrote)."""
    line = f"{_key(triple.subject)} {_key(triple.predicate)} {_key(triple.object)} ."
    return ox.NamedNode(f"{graph}/statement/{hashlib.sha1(line.encode('utf-8')).hexdigest()[:16]}")


# ---------------------------------------------------------------------------------------------- converting


def _graph_and_subject(q: ox.Quad) -> tuple:
    return q.graph_name, q.subject


def convert(quads: Iterable[ox.Quad], mode: str) -> Iterator[ox.Quad]:
    """The quads with their provenance in form ``mode`` (``rdf11``, ``rdf12`` or ``none``; see the module)."""
    mode = check_mode(mode)
    if mode == "rdf12":
        yield from quads
        return
    current = None
    statements: set[str] = set()
    for (g, s), run in groupby(quads, _graph_and_subject):
        if g != current:
            current, statements = g, set()
        group = list(run)
        reified = [q for q in group if q.predicate == REIFIES and isinstance(q.object, ox.Triple)]
        if not reified:
            yield from group
            continue
        is_graph_node = isinstance(g, ox.NamedNode) and s == g
        if mode == "none":
            if is_graph_node:
                yield from (q for q in group if not (q.predicate == REIFIES and isinstance(q.object, ox.Triple)))
            continue
        for q in group:
            if not (q.predicate == REIFIES and isinstance(q.object, ox.Triple)):
                yield q
        if not isinstance(g, ox.NamedNode):  # reification in the default graph: no document to derive from
            yield from reified
            continue
        if not is_graph_node:
            yield ox.Quad(s, _TYPE, _EVIDENCE_CLASS, g)
            yield ox.Quad(s, _SOURCE, g, g)
        for q in reified:
            t = q.object
            assert isinstance(t, ox.Triple)  # (the list holds triple terms only)
            st = statement_iri(g.value, t)
            if st.value not in statements:
                statements.add(st.value)
                yield ox.Quad(st, _TYPE, _STATEMENT, g)
                yield ox.Quad(st, _SUBJECT, t.subject, g)
                yield ox.Quad(st, _PREDICATE, t.predicate, g)
                yield ox.Quad(st, _OBJECT, t.object, g)
                yield ox.Quad(st, _DERIVED, g, g)
            if not is_graph_node:
                yield ox.Quad(st, _EVIDENCE, s, g)


class ProvenanceView:
    """A store seen with its provenance in another form: what ``export`` and ``push`` read. ``quads(graph=…)`` and
    ``dump_ntriples`` give converted quads; everything else (graph names, queries, membership) is the store's."""

    def __init__(self, store, mode: str):
        self.store = store
        self.mode = check_mode(mode)

    def quads(self, s=None, p=None, o=None, graph=None) -> Iterator[ox.Quad]:
        if s is not None or p is not None or o is not None:
            raise ProvenanceError("a provenance view streams whole graphs only")
        return convert(self.store.quads(graph=graph), self.mode)

    def dump_ntriples(self, graph: ox.NamedNode | ox.DefaultGraph) -> bytes:
        """One graph as N-Triples bytes, its provenance converted."""
        return ox.serialize((q.triple for q in self.quads(graph=graph)), format=ox.RdfFormat.N_TRIPLES) or b""

    def __contains__(self, quad: ox.Quad) -> bool:
        return quad in self.store

    def __getattr__(self, name: str):
        return getattr(self.store, name)


def view(store, mode: str | None, fmt: str | None = None, *, error: type[Exception] = ProvenanceError):
    """``store`` as ``export``/``push`` should read it for provenance form ``mode`` (``None``: :func:`default_mode`
    for ``fmt``): the store itself for ``rdf12``, else a :class:`ProvenanceView`. A mode that is unknown, or that
    ``fmt`` cannot carry, raises ``error`` (the caller's own error class)."""
    try:
        checked = check_mode(mode or default_mode(fmt), fmt)
    except ProvenanceError as exc:
        raise error(str(exc)) from None
    return store if checked == "rdf12" else ProvenanceView(store, checked)
