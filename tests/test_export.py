"""caregraph.interop.export: every format round-trips (rdflib, Oxigraph, Raptor's rapper), exports are byte-identical for
the same store, graphs are chosen as documented, and the dataset description counts what the store holds."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import sys
from datetime import UTC

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import graph_diff, isomorphic
from typer.testing import CliRunner

from caregraph import iris
from caregraph.cli import app
from caregraph.interop.export import (
    DATASET_GRAPH,
    FORMATS,
    ExportError,
    describe_dataset,
    export,
    export_prefixes,
    export_to_path,
    select_graphs,
)
from caregraph.interop.ofsted import OFSTED_GRAPH, import_outcomes
from caregraph.interop.provenance import ProvenanceView
from caregraph.store import memory_store, open_store
from tests.test_ofsted import CSVS

RAPPER = shutil.which("rapper")
ONTOLOGY, VOCABULARIES, COUNCILS = (str(iris.graph(n)) for n in ("ontology", "vocabularies", "councils"))
VOID = "http://rdfs.org/ns/void#"


@pytest.fixture(scope="module")
def store_path(built_store, tmp_path_factory):
    """data/ built, plus the Ofsted fixture imported (so every kind of graph is there)."""
    path = tmp_path_factory.mktemp("export") / "store"
    shutil.copytree(built_store, path)
    with open_store(path) as st_:
        import_outcomes(st_, CSVS)
    return path


@pytest.fixture(scope="module")
def store(store_path):
    with open_store(store_path, read_only=True) as st_:
        yield st_


@pytest.fixture(scope="module")
def exports(store, tmp_path_factory) -> dict[str, tuple]:
    folder = tmp_path_factory.mktemp("exports")
    out = {}
    for name, f in FORMATS.items():
        path = folder / f"caregraph.{f.extension}"
        out[name] = (path, export_to_path(store, path, name))
    return out


def _graph_of(store, g: ox.NamedNode) -> rdflib.Graph:
    """The reference: one store graph, through N-Triples, its provenance in the RDF 1.1 form exports default to."""
    return rdflib.Graph().parse(data=ProvenanceView(store, "rdf11").dump_ntriples(g), format="nt")


def _assert_isomorphic(expected: rdflib.Graph, got: rdflib.Graph, what: str) -> None:
    if not isomorphic(expected, got):
        _, only_expected, only_got = graph_diff(expected, got)
        pytest.fail(
            f"{what}: not isomorphic\nonly in the store:\n{only_expected.serialize(format='nt')[:2000]}\nonly in the export:\n{only_got.serialize(format='nt')[:2000]}"
        )


# ------------------------------------------------------------------------------------------------ round trips


def test_default_selection(store):
    names = [g.value for g in select_graphs(store)]
    assert names == sorted(names)
    assert ONTOLOGY not in names and VOCABULARIES not in names
    assert {COUNCILS, OFSTED_GRAPH, DATASET_GRAPH} <= set(names)
    assert sum("/doc/" in n for n in names) == 5
    everything = [g.value for g in select_graphs(store, with_ontology=True)]
    assert set(everything) == set(names) | {ONTOLOGY, VOCABULARIES}
    assert [g.value for g in select_graphs(store, [COUNCILS])] == [COUNCILS]


@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld"])
def test_dataset_formats_keep_every_named_graph(store, exports, fmt):
    path, summary = exports[fmt]
    dataset = rdflib.Dataset()
    dataset.parse(path, format=FORMATS[fmt].rdflib)
    chosen = select_graphs(store)
    got = {str(c.identifier): c for c in dataset.contexts() if len(c)}
    assert set(got) == {g.value for g in chosen}
    for g in chosen:
        _assert_isomorphic(_graph_of(store, g), got[g.value], f"{fmt} graph <{g.value}>")
    assert (
        summary.statements
        == sum(len(c) for c in got.values())
        == sum(len(ProvenanceView(store, "rdf11").dump_ntriples(g).splitlines()) for g in chosen)
    )


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "xml"])
def test_triple_formats_merge_the_graphs_each_triple_once(store, exports, fmt):
    path, summary = exports[fmt]
    got = rdflib.Graph().parse(path, format=FORMATS[fmt].rdflib)
    merged = rdflib.Graph()
    for g in select_graphs(store):
        merged += _graph_of(store, g)
    _assert_isomorphic(merged, got, fmt)
    assert summary.statements == len(merged)  # no triple written twice
    assert summary.statements < sum(
        1 for g in select_graphs(store) for _ in ProvenanceView(store, "rdf11").quads(graph=g)
    )


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_oxigraph_reads_every_export(exports, fmt):
    path, summary = exports[fmt]
    parsed = list(ox.parse(path=str(path), format=FORMATS[fmt].ox_format))
    assert len(parsed) == summary.statements
    if FORMATS[fmt].datasets:
        assert {q.graph_name.value for q in parsed} >= {COUNCILS, OFSTED_GRAPH, DATASET_GRAPH}


@pytest.mark.skipif(
    RAPPER is None, reason="Raptor's rapper is not installed (Debian raptor2-utils; .ci/system-deps installs it)"
)
@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "xml", "nquads", "trig"])
def test_rapper_accepts(exports, fmt):
    path, summary = exports[fmt]
    done = subprocess.run(
        [RAPPER, "-c", "-i", FORMATS[fmt].rapper, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert f"returned {summary.statements} triples" in done.stderr


def test_provenance_survives_a_triple_format(exports):
    got = rdflib.Graph().parse(exports["turtle"][0], format="turtle")
    fv = rdflib.URIRef("https://w3id.org/caregraph/id/council/surrey/inspection/focused-visit/2024-04")
    sources = set(
        got.query(
            "SELECT ?src WHERE { ?st rdf:subject ?fv ; rdf:predicate <https://w3id.org/caregraph/ontology#startDate> ; prov:wasDerivedFrom ?src }",
            initBindings={"fv": fv},
            initNs={"rdf": rdflib.RDF, "prov": rdflib.PROV},
        )
    )
    assert {str(r[0]) for r in sources} >= {OFSTED_GRAPH} and len(sources) == 2


def test_prefixes_come_from_the_ontology(exports):
    head = exports["turtle"][0].read_text(encoding="utf-8")[:3000]
    for prefix in ("cg", "cgv", "kind", "judgement", "skos", "prov", "dcterms", "void", "dcat"):
        assert f"@prefix {prefix}: <{export_prefixes()[prefix]}> ." in head
    assert "@prefix cgd:" not in head  # instance IRIs are written in full (no escaped slashes)
    assert "kind:focused-visit" in exports["turtle"][0].read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------------ determinism


def test_two_exports_of_one_store_are_identical(store, exports):
    for name in FORMATS:
        again = io.BytesIO()
        export(store, again, name)
        assert again.getvalue() == exports[name][0].read_bytes(), name


def test_the_cli_in_another_process_writes_the_same_bytes(store_path, exports, tmp_path):
    for name in ("turtle", "nquads"):
        out = tmp_path / f"x.{FORMATS[name].extension}"
        done = subprocess.run(
            [sys.executable, "-m", "caregraph.cli", "export", "--store", str(store_path), "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert out.read_bytes() == exports[name][0].read_bytes(), name


def test_the_same_quads_written_in_another_order_give_the_same_bytes(store, exports, tmp_path):
    quads = list(store.ox)
    random.Random(7).shuffle(quads)
    with open_store(tmp_path / "other") as other:
        for q in quads:
            other.ox.add(q)
        for name in ("turtle", "nquads", "xml"):
            buffer = io.BytesIO()
            export(other, buffer, name)
            assert buffer.getvalue() == exports[name][0].read_bytes(), name


def test_blank_nodes_get_stable_labels():
    st_ = memory_store()
    g1, g2 = ox.NamedNode("http://example.org/g1"), ox.NamedNode("http://example.org/g2")
    b = ox.BlankNode("some-random-id-3f2a")
    p = ox.NamedNode("http://example.org/p")
    st_.ox.extend([ox.Quad(b, p, ox.Literal("x"), g1), ox.Quad(ox.NamedNode("http://example.org/s"), p, b, g2)])
    out = io.BytesIO()
    export(st_, out, "nquads")
    text = out.getvalue().decode()
    assert "some-random-id" not in text and text.count("_:b0") == 2
    parsed = list(ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS))
    assert parsed[0].subject == parsed[1].object  # still one node


def _merged_in_the_documented_order(st_, graphs) -> list[ox.Triple]:
    """The reference for the triple formats, one store look-up per quad (the slow way): graph by graph in IRI order,
    each graph in index order, a triple written in the graph that owns its subject (the longest graph IRI the
    subject's IRI equals or extends at a / or #) when that graph holds it, else in the first graph that holds it."""
    keys = [g.value if isinstance(g, ox.NamedNode) else "" for g in graphs]
    names = [k for k in keys if k]
    out = []
    for g, here in zip(graphs, keys, strict=False):
        for q in st_.ox.quads_for_pattern(None, None, None, g):
            holders = {
                x.graph_name.value if isinstance(x.graph_name, ox.NamedNode) else ""
                for x in st_.ox.quads_for_pattern(q.subject, q.predicate, q.object, None)
            } & set(keys)
            s = q.subject.value if isinstance(q.subject, ox.NamedNode) else None
            owners = [n for n in names if s is not None and (s == n or s.startswith(n + "/") or s.startswith(n + "#"))]
            owner = max(owners, key=len) if owners else None
            if (owner if owner in holders else min(holders)) == here:
                out.append(ox.Triple(q.subject, q.predicate, q.object))
    return out


def _random_store(seed: int):
    """Document graphs (for odd seeds one nested in another), a reference graph and the default graph sharing
    triples at random: subjects owned by the graph they are in, owned by another graph, or by none."""
    rng = random.Random(seed)
    base = "http://example.org/"
    documents = [f"{base}doc/a", f"{base}doc/b", f"{base}doc/b/part" if seed % 2 else f"{base}doc/bb", f"{base}doc/c"]
    graphs = [*documents, f"{base}graph/councils"]
    subjects = [
        *(f"{g}{tail}" for g in documents for tail in ("", "/statement/1", "/statement/2", "#x")),
        f"{base}doc/b/part/1",
        f"{base}council/surrey",
        f"{base}council/durham",
        f"{base}person/1",
    ]
    predicates = [f"{base}p{i}" for i in range(3)]
    objects = [
        ox.Literal("x"),
        ox.Literal("y", language="en"),
        ox.NamedNode(f"{base}council/surrey"),
        ox.NamedNode(f"{base}doc/a/statement/1"),
    ]
    st_ = memory_store()
    for _ in range(rng.randint(20, 120)):
        triple = (ox.NamedNode(rng.choice(subjects)), ox.NamedNode(rng.choice(predicates)), rng.choice(objects))
        for g in rng.sample([*graphs, None], rng.randint(1, 3)):
            st_.ox.add(ox.Quad(*triple, ox.NamedNode(g) if g else ox.DefaultGraph()))
    return st_


@pytest.mark.parametrize("seed", range(25))
def test_triple_formats_write_the_union_once_in_the_documented_order(seed):
    """The streaming merge (no look-up for a subject under its own graph, a digest for shared ones) writes exactly
    the union of the graphs, each triple once, in the order the one-probe-per-quad reference gives, to the byte."""
    from caregraph.interop.export import iter_triples

    st_ = _random_store(seed)
    graphs = select_graphs(st_)
    got = list(iter_triples(st_, graphs))
    union = {(q.subject, q.predicate, q.object) for g in graphs for q in st_.ox.quads_for_pattern(None, None, None, g)}
    assert len(got) == len(set(got)) == len(union)  # each triple once
    assert set(got) == {ox.Triple(*t) for t in union}
    expected = _merged_in_the_documented_order(st_, graphs)
    assert got == expected
    for name in ("ntriples", "turtle", "xml"):
        out = io.BytesIO()
        summary = export(st_, out, name)
        assert out.getvalue() == ox.serialize(expected, format=FORMATS[name].ox_format, prefixes=export_prefixes()), (
            name
        )
        assert summary.statements == len(union)
    one = select_graphs(st_, ["http://example.org/doc/b"])
    assert list(iter_triples(st_, one)) == [q.triple for q in st_.ox.quads_for_pattern(None, None, None, one[0])]


def test_the_merge_of_the_built_store_is_the_union_of_its_graphs(store):
    from caregraph.interop.export import iter_triples

    graphs = select_graphs(store)
    got = list(iter_triples(store, graphs))
    union = {q.triple for g in graphs for q in store.ox.quads_for_pattern(None, None, None, g)}
    assert len(got) == len(set(got)) == len(union) and set(got) == union
    assert got == _merged_in_the_documented_order(store, graphs)


def test_blank_nodes_get_stable_labels_when_graphs_merge():
    st_ = memory_store()
    g1, g2 = ox.NamedNode("http://example.org/doc/1"), ox.NamedNode("http://example.org/doc/2")
    b, c = ox.BlankNode("random-b"), ox.BlankNode("random-c")
    p = ox.NamedNode("http://example.org/p")
    own = ox.NamedNode("http://example.org/doc/1/statement/1")
    st_.ox.extend(
        [
            ox.Quad(own, p, b, g1),
            ox.Quad(b, p, ox.Literal("x"), g1),
            ox.Quad(b, p, ox.Literal("x"), g2),
            ox.Quad(ox.NamedNode("http://example.org/doc/2/s"), p, c, g2),
            ox.Quad(own, p, b, g2),
        ]
    )
    out = io.BytesIO()
    summary = export(st_, out, "ntriples")
    text = out.getvalue().decode()
    assert "random" not in text and summary.statements == 3 and len(text.splitlines()) == 3
    assert text.count("_:b0") == 2 and text.count("_:b1") == 1


# ------------------------------------------------------------------------------------------------ property: any literal round-trips

_TEXT = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\ufffe\uffff",
    ),
    max_size=40,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(st.tuples(_TEXT, st.sampled_from([None, "en", "en-gb"])), min_size=1, max_size=6))
def test_any_literal_round_trips_in_every_format(values):
    st_ = memory_store()
    g = ox.NamedNode("http://example.org/doc/1")
    quads = [
        ox.Quad(
            ox.NamedNode(f"http://example.org/s{i}"),
            ox.NamedNode("https://w3id.org/caregraph/ontology#text"),
            ox.Literal(v, language=lang) if lang else ox.Literal(v),
            g,
        )
        for i, (v, lang) in enumerate(values)
    ]
    st_.ox.extend(quads)
    expected = {(q.subject, q.predicate, q.object) for q in quads}
    for name, f in FORMATS.items():
        out = io.BytesIO()
        export(st_, out, name)
        got = {(q.subject, q.predicate, q.object) for q in ox.parse(out.getvalue(), format=f.ox_format)}
        assert got == expected, name


def test_rdf_xml_refuses_what_xml_cannot_carry():
    st_ = memory_store()
    st_.ox.add(
        ox.Quad(
            ox.NamedNode("http://example.org/s"),
            ox.NamedNode("http://example.org/p"),
            ox.Literal("page\x0cbreak"),
            ox.NamedNode("http://example.org/g"),
        )
    )
    with pytest.raises(ExportError, match="U\\+000C"):
        export(st_, io.BytesIO(), "xml")
    out = io.BytesIO()
    export(st_, out, "turtle")
    assert next(iter(ox.parse(out.getvalue(), format=ox.RdfFormat.TURTLE))).object.value == "page\x0cbreak"


def test_an_export_cut_short_closes_the_stores_iterator_in_its_own_thread(monkeypatch):
    """pyoxigraph's iterators may not be dropped in another thread: an export that stops part-way (here at a literal
    RDF/XML cannot carry) closes the stream it drew from before it returns, instead of leaving it to the garbage
    collector of whatever thread runs next (a server's)."""
    import caregraph.interop.export as export_module

    st_ = memory_store()
    for n in range(3):
        st_.ox.add(
            ox.Quad(
                ox.NamedNode(f"http://example.org/s{n}"),
                ox.NamedNode("http://example.org/p"),
                ox.Literal("page\x0cbreak" if n == 1 else "fine"),
                ox.NamedNode("http://example.org/g"),
            )
        )
    streams = []
    real = export_module.iter_triples

    def recorded(*args, **kwargs):
        streams.append(real(*args, **kwargs))
        return streams[-1]

    monkeypatch.setattr(export_module, "iter_triples", recorded)
    with pytest.raises(ExportError):
        export(st_, io.BytesIO(), "xml")
    assert len(streams) == 1 and streams[0].gi_frame is None  # closed: its frame, and the store's iterator, are gone


# ------------------------------------------------------------------------------------------------ dataset description


def _description(st_) -> dict[str, set[str]]:
    ds = ox.NamedNode(iris.base() + "dataset")
    out: dict[str, set[str]] = {}
    for q in st_.ox.quads_for_pattern(ds, None, None, ox.NamedNode(DATASET_GRAPH)):
        out.setdefault(q.predicate.value, set()).add(q.object.value)
    return out


def test_the_build_writes_a_dataset_description(store):
    d = _description(store)
    assert {VOID + "Dataset", "http://www.w3.org/ns/dcat#Dataset"} <= d[
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    ]
    assert d[VOID + "documents"] == {"5"}
    not_described = sum(1 for _ in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(DATASET_GRAPH)))
    assert d[VOID + "triples"] == {str(len(store) - not_described)}
    assert len(d["http://purl.org/dc/terms/source"]) == 6 and OFSTED_GRAPH in d["http://purl.org/dc/terms/source"]
    assert d["http://purl.org/dc/terms/license"] == {
        "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    }
    assert d["https://w3id.org/caregraph/ontology#caregraphVersion"]
    assert d["http://purl.org/dc/terms/created"] and d["http://purl.org/dc/terms/modified"]
    inspections = {
        r[0]
        for r in store.ox.query(
            "SELECT DISTINCT ?i WHERE { GRAPH ?g { ?i a cg:Inspection } }",
            prefixes={"cg": "https://w3id.org/caregraph/ontology#"},
        )
    }
    part = ox.NamedNode(iris.base() + "dataset/class/cg-Inspection")
    entities = next(
        store.ox.quads_for_pattern(part, ox.NamedNode(VOID + "entities"), None, ox.NamedNode(DATASET_GRAPH))
    ).object.value
    assert int(entities) == len(inspections)


def test_describe_dataset_keeps_an_unchanged_description(store_path, tmp_path):
    from datetime import datetime

    path = tmp_path / "store"
    shutil.copytree(store_path, path)
    with open_store(path) as st_:
        before = _description(st_)
        describe_dataset(st_, now=datetime(2030, 1, 1, tzinfo=UTC))
        assert _description(st_) == before  # nothing changed: not even the timestamps
        st_.remove_document(next(iter(st_.documents())))
        describe_dataset(st_, now=datetime(2030, 1, 1, tzinfo=UTC))
        after = _description(st_)
    assert after[VOID + "documents"] == {"4"}
    assert after["http://purl.org/dc/terms/created"] == before["http://purl.org/dc/terms/created"]
    assert after["http://purl.org/dc/terms/modified"] == {"2030-01-01T00:00:00Z"}


# ------------------------------------------------------------------------------------------------ the CLI


def test_cli_export(store_path, exports, tmp_path):
    runner = CliRunner()
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["export", "--store", str(store_path), "--out", str(out), "--graph", COUNCILS])
    assert result.exit_code == 0, result.output
    assert "from 1 graph (turtle) written to" in result.output  # the format follows the extension
    assert len(rdflib.Graph().parse(out, format="turtle")) == sum(
        1 for _ in ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)
    )
    result = runner.invoke(
        app,
        [
            "export",
            "--store",
            str(store_path),
            "--format",
            "trig",
            "--with-ontology",
            "--out",
            str(tmp_path / "all.trig"),
        ],
    )
    assert result.exit_code == 0, result.output
    graphs = {q.graph_name.value for q in ox.parse(path=str(tmp_path / "all.trig"), format=ox.RdfFormat.TRIG)}
    assert {ONTOLOGY, VOCABULARIES} <= graphs
    result = runner.invoke(app, ["export", "--store", str(store_path), "--format", "ntriples"])
    assert result.exit_code == 0
    assert result.stdout.encode() == exports["ntriples"][0].read_bytes()


def test_cli_export_errors(store_path, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--store", str(store_path), "--format", "yaml"])
    assert result.exit_code == 2 and "'yaml' is not an export format" in result.output
    result = runner.invoke(app, ["export", "--store", str(store_path), "--graph", "https://example.org/nope"])
    assert result.exit_code == 2
    assert result.output.startswith("Error: no graph <https://example.org/nope> in the store")
    result = runner.invoke(app, ["export", "--store", str(tmp_path / "missing")])
    assert result.exit_code == 2 and result.output.startswith("Error: no caregraph store at")
    result = runner.invoke(
        app, ["export", "--store", str(store_path), "--out", str(tmp_path / "no" / "such" / "dir.nq")]
    )
    assert result.exit_code == 2 and result.output.startswith("Error: cannot write")
    assert not list(tmp_path.glob("**/*.part"))
