"""The build at scale: parallel workers, N-Triples hand-over, batched and bulk writes (caregraph.pipeline.build,
caregraph.store). The corpus comes from bench/generate.py, so nothing here needs ../shared."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from caregraph.store import graph_ntriples, graph_quads, memory_store, ntriples_to_nquads, open_store

pytestmark = pytest.mark.slow

DOCS = 60  # more than caregraph.pipeline.build.SERIAL_BELOW: enough to start the worker pool
GENERATED_AT = "http://www.w3.org/ns/prov#generatedAtTime"
GENERATE = Path(__file__).resolve().parent.parent / "bench" / "generate.py"  # run, not imported
DATASET = "https://w3id.org/caregraph/graph/dataset"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scale")
    subprocess.run([sys.executable, str(GENERATE), str(out), "--size", str(DOCS), "--seed", "11"], check=True)
    return out


def build(*args, **kwargs):
    # Imported here, not at the top: importing the submodule caregraph.pipeline.build at collection time would shadow the
    # lazy caregraph.build() function of caregraph/__init__.py for tests/test_api.py.
    from caregraph.pipeline.build import build as run

    return run(*args, **kwargs)


def test_the_corpus_is_big_enough_for_the_pool():
    from caregraph.pipeline.build import SERIAL_BELOW

    assert DOCS > SERIAL_BELOW


def _content(store) -> set:
    """Every quad but the build time stamps and the dataset description (which carries a time too)."""
    return {
        q
        for q in store.ox
        if q.predicate.value != GENERATED_AT
        and not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == DATASET)
    }


def test_ntriples_match_pyoxigraph_for_awkward_terms():
    g = Graph()
    s = URIRef("https://w3id.org/caregraph/id/x")
    p = URIRef("https://w3id.org/caregraph/ontology#p")
    for o in (
        Literal('quote " backslash \\ newline \n return \r tab \t end'),
        Literal("Ofsted’s ‘good’ – £3.5m · é"),
        Literal("bonjour", lang="fr"),
        Literal(5),
        Literal(True),
        Literal("2019-10", datatype=XSD.gYearMonth),
        Literal("plain string", datatype=XSD.string),
        URIRef("https://example.org/a?b=c&d=%20"),
        BNode("b1"),
    ):
        g.add((s, p, o))
    nt = graph_ntriples(g)
    parsed = {(t.subject, t.predicate, t.object) for t in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)}
    expected = {(q.subject, q.predicate, q.object) for q in graph_quads(g, "https://g")}
    assert parsed == expected
    assert nt.count(b"\n") == len(g)
    quads = list(ox.parse(ntriples_to_nquads("https://w3id.org/caregraph/id/doc/1", nt), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(g) and {q.graph_name.value for q in quads} == {"https://w3id.org/caregraph/id/doc/1"}


def test_ntriples_refuse_an_invalid_iri():
    g = Graph()
    g.add((URIRef("https://x/a b"), URIRef("https://x/p"), Literal("o")))
    with pytest.raises(ValueError, match="not a valid IRI"):
        graph_ntriples(g)


def test_parallel_build_equals_serial_build(corpus):
    serial, parallel = memory_store(), memory_store()
    seen: list[str] = []
    a = build(serial, [corpus], jobs=1)
    b = build(parallel, [corpus], jobs=2, progress=lambda item, status: seen.append(status))
    assert a.read == b.read >= DOCS - 2 and a.failed == b.failed
    assert len(seen) == DOCS  # progress: once per document
    assert _content(serial) == _content(parallel)
    assert a.quads == len(serial) and b.quads == len(parallel)


def test_a_document_graph_without_its_hash_is_replaced_whole(corpus, tmp_path):
    """A document graph holding part of its quads and no ``cg:sha256`` (written by hand, or by a killed ``--bulk``
    build of an earlier caregraph, whose loader was not atomic) is not a document the store knows: the next build
    replaces it whole."""
    with open_store(tmp_path / "ref") as ref, open_store(tmp_path / "cut") as cut:
        build(ref, [corpus], jobs=2)
        build(cut, [corpus], jobs=2)
        assert _content(ref) == _content(cut)
        name = sorted(cut.document_graphs())[0]
        g = ox.NamedNode(name)
        quads = list(cut.ox.quads_for_pattern(None, None, None, g))
        for q in quads[: len(quads) // 2] + list(
            cut.ox.quads_for_pattern(g, ox.NamedNode("https://w3id.org/caregraph/ontology#sha256"), None, g)
        ):
            cut.ox.remove(q)
        assert _content(ref) != _content(cut)
        again = build(cut, [corpus], jobs=1)
        assert again.replaced == 1 and again.read == 1
        assert _content(ref) == _content(cut)


def test_a_build_of_many_batches_compacts_the_store_at_its_end_and_a_small_one_does_not(corpus, tmp_path, monkeypatch):
    import caregraph.pipeline.build as build_module
    from caregraph.store import Store

    compactions: list[int] = []
    monkeypatch.setattr(Store, "optimize", lambda self: compactions.append(len(self)))
    monkeypatch.setattr(build_module, "BATCH_DOCUMENTS", 10)  # 60 documents: 6 batches
    with open_store(tmp_path / "many") as st:
        build(st, [corpus], jobs=1)
        assert len(compactions) == 1 and compactions[0] > 0  # once, after the documents were written
        build(st, [corpus], jobs=1)  # unchanged: nothing written, nothing to compact
        assert len(compactions) == 1
    monkeypatch.setattr(build_module, "BATCH_DOCUMENTS", 30)  # 2 batches: left to RocksDB
    with open_store(tmp_path / "few") as st:
        build(st, [corpus], jobs=1)
    assert len(compactions) == 1


def test_unchanged_rebuild_skips_every_document_and_counts_quads_without_a_scan(corpus, tmp_path):
    with open_store(tmp_path / "s") as st:
        first = build(st, [corpus])
        second = build(st, [corpus])
        assert second.read == 0 and second.unchanged == first.read
        assert second.quads == len(st) == first.quads


def test_a_rebuild_that_only_reloads_a_reference_graph_counts_it(corpus, tmp_path):
    """A new caregraph's vocabularies (say) reload on the next build with every document unchanged: the dataset
    description, which counts the reference graphs too, is written again, so the build's count is the store's."""
    from caregraph.dataset import describe_dataset
    from caregraph.iris import graph_iri
    from caregraph.namespaces import SKOS

    with open_store(tmp_path / "s") as st:
        build(st, [corpus])
        vocabularies = graph_iri("vocabularies")
        # as if built by an older caregraph whose vocabularies held one concept, and described then
        old = ox.Triple(
            ox.NamedNode("https://example.org/concept"), ox.NamedNode(f"{SKOS}prefLabel"), ox.Literal("Old")
        )
        st.replace_triples(vocabularies, [old])
        describe_dataset(st)
        after = build(st, [corpus])
        assert after.read == 0
        assert len(list(st.ox.quads_for_pattern(None, None, None, ox.NamedNode(vocabularies)))) > 1  # reloaded
        assert after.quads == len(st)


def test_a_worker_that_dies_fails_its_chunk_only(corpus, monkeypatch):
    import caregraph.pipeline.build as build_module

    real = build_module.build_document
    victim = "000005"

    def dying(source, name, max_bytes, built_at):
        if victim in source.name:
            os._exit(3)  # as if killed by the OOM killer
        return real(source, name, max_bytes, built_at)

    monkeypatch.setattr(build_module, "build_document", dying)
    store = memory_store()
    summary = build(store, [corpus], jobs=2)
    dead = [f for f in summary.failures if "worker stopped" in f.problem]
    assert any(victim in f.path for f in dead)
    assert 1 <= len(dead) <= build_module.CHUNK
    assert summary.read >= DOCS - build_module.CHUNK - 2


def test_built_at_is_one_time_for_the_whole_build(corpus):
    store = memory_store()
    build(store, [corpus], jobs=2)
    stamps = {
        q.object.value
        for q in store.ox.quads_for_pattern(None, ox.NamedNode(GENERATED_AT), None)
        if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value != DATASET
    }
    assert len(stamps) == 1
    datetime.fromisoformat(stamps.pop()).astimezone(UTC)
