"""caregraph.store.Store: the one way into the store (no other module reaches past it into pyoxigraph), and
caregraph.ntriples, the one N-Triples writer it loads documents with."""

from __future__ import annotations

import ast
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from caregraph import iris
from caregraph.namespaces import CG
from caregraph.ntriples import graph_ntriples, ntriples_to_nquads, ox_ntriples, term_key, term_nt
from caregraph.store import memory_store, to_ox

SRC = Path(__file__).resolve().parent.parent / "src" / "caregraph"
DOC = iris.document_iri("https://example.org/a")
S, P = ox.NamedNode(DOC + "/thing"), ox.NamedNode(CG + "text")


def test_reading_and_replacing_go_through_the_store():
    store = memory_store()
    assert store.graph_names() == [] and not store.has_default_graph() and not store.has_graph(DOC)
    store.replace_triples(DOC, [ox.Triple(S, P, ox.Literal("one")), ox.Triple(S, P, ox.Literal("two"))])
    assert store.has_graph(DOC) and store.has_graph(ox.NamedNode(DOC)) and store.graph_names() == [DOC]
    assert store.document_graphs() == {DOC}
    assert sorted(q.object.value for q in store.quads(graph=DOC)) == ["one", "two"]
    assert [q.object.value for q in store.quads(S, P, ox.Literal("two"), ox.NamedNode(DOC))] == ["two"]
    assert ox.Quad(S, P, ox.Literal("one"), ox.NamedNode(DOC)) in store
    store.replace_triples(DOC, [ox.Triple(S, P, ox.Literal("three"))])  # replaced, not added to
    assert store.dump_ntriples(ox.NamedNode(DOC)) == f'<{S.value}> <{P.value}> "three" .\n'.encode()
    assert bool(store.query(f"ASK {{ GRAPH <{DOC}> {{ ?s ?p 'three' }} }}"))
    store.update(f"INSERT DATA {{ <{S.value}> <{P.value}> 'default' }}")
    assert store.has_default_graph() and len(store) == 2
    store.flush()


def test_no_module_reaches_past_the_store_into_pyoxigraph():
    """Transactions, loads and quads_for_pattern belong to Store; only caregraph.query's evaluation uses
    ``store.ox`` (with its own timeouts). (A scratch in-memory ``pyoxigraph.Store`` of parsed terms, as validation
    hands pySHACL, is not the store.)"""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative == "store.py" or relative.startswith("query/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "ox":
                offenders.append(f"{relative}:{node.lineno}: .ox")
            if isinstance(node, ast.Attribute) and node.attr in {"quads_for_pattern", "named_graphs", "bulk_load"}:
                offenders.append(f"{relative}:{node.lineno}: .{node.attr}")
    assert offenders == []


IRIS = st.sampled_from(["http://e/a", "https://w3id.org/caregraph/id/x", "urn:x:1", "http://e/é"]).map(URIRef)
LITERALS = st.one_of(
    st.text().map(Literal),
    st.text().map(lambda t: Literal(t, lang="en-GB")),
    st.integers().map(Literal),
    st.booleans().map(Literal),
)


@given(IRIS, IRIS, st.one_of(IRIS, LITERALS))
def test_the_writer_gives_what_oxigraph_gives(s, p, o):
    ntriples = graph_ntriples([(s, p, o)])
    parsed = list(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
    assert len(parsed) == 1 and parsed[0].triple == ox.Triple(to_ox(s), to_ox(p), to_ox(o))
    # Byte for byte, but Oxigraph writes control characters as \uXXXX and language tags in lower case.
    language = getattr(o, "language", None)
    if not any(c < " " or c == "\x7f" for c in str(o)) and language in (None, (language or "").lower()):
        assert ox_ntriples(parsed) == ntriples
    assert ntriples.decode() == f"{term_nt(s)} {term_nt(p)} {term_nt(o)} .\n"
    quads = ntriples_to_nquads("http://e/g", ntriples)
    assert [q.graph_name for q in ox.parse(quads, format=ox.RdfFormat.N_QUADS)] == [ox.NamedNode("http://e/g")]


def test_statement_keys_keep_their_own_form():
    """The form a statement IRI digests: every datatype written, language tags lower-cased (unlike N-Triples)."""
    assert term_key(Literal("x")) == '"x"^^<http://www.w3.org/2001/XMLSchema#string>' and term_nt(Literal("x")) == '"x"'
    assert term_key(Literal("x", lang="en-GB")) == '"x"@en-gb' and term_nt(Literal("x", lang="en-GB")) == '"x"@en-GB'
    with pytest.raises(TypeError):
        term_key(object())
