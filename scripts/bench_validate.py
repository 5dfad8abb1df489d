"""Time SHACL validation of a store's document graphs, with pySHACL over in-memory Oxigraph stores (what
``caregraph validate`` does) and over rdflib graphs (pySHACL's default), to justify the choice.

    caregraph build data/ --store /tmp/seeds && python scripts/bench_validate.py /tmp/seeds
"""

from __future__ import annotations

import sys
import time

import pyoxigraph as ox
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef

from caregraph.store import Store
from caregraph.validate import _vocabulary_quads, document_graphs, load_shapes, validate_store

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return (
        Literal(term.value)
        if term.datatype.value == XSD_STRING
        else Literal(term.value, datatype=URIRef(term.datatype.value))
    )


def main(path: str) -> None:
    shapes = load_shapes()
    with Store(path, read_only=True) as store:
        names = list(document_graphs(store))
        started = time.perf_counter()
        report = validate_store(store)
        oxigraph_seconds = time.perf_counter() - started
        graphs = []
        for name in names:
            g = Graph()
            for q in _vocabulary_quads():
                g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
            for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(name)):
                g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
            graphs.append(g)
    started = time.perf_counter()
    conforming = sum(validate(g, shacl_graph=shapes, inference="none", inplace=True)[0] for g in graphs)
    rdflib_seconds = time.perf_counter() - started
    print(f"{len(names)} document graphs, {report.triples:,} triples")
    print(f"pySHACL over Oxigraph stores (caregraph validate): {oxigraph_seconds:.2f} s, conforms={report.conforms}")
    print(
        f"pySHACL over rdflib graphs:                        {rdflib_seconds:.2f} s, {conforming} of {len(graphs)} conform"
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
