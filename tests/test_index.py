"""caregraph.index: the document index (document -> publisher, and the form each graph was written in) is exact after
every way the store changes (build, replacement, remove, prune, rebuild), written in the document's own transaction,
rebuilt for a store from before it, and the named queries give the same rows with it as without it."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from caregraph import index, iris
from caregraph.namespaces import CG, DCTERMS, ORG, OWL, RDF
from caregraph.pipeline.build import build
from caregraph.pipeline.identity import remove_documents
from caregraph.query import named_queries, run_query
from caregraph.store import memory_store

from .conftest import DATA


def doc_names(store) -> set[str]:
    return set(store.documents())


def assert_exact(store) -> None:
    """The index lists exactly the publishers the document graphs state, every document in the current form, and is
    marked complete."""
    stated = index.stated_publishers(store)
    assert index.publishers(store) == stated
    assert index.posts_in(store) == index.stated_posts_in(store)
    assert {d for d, _ in stated} == doc_names(store)
    assert index.forms(store) == dict.fromkeys(doc_names(store), index.FORM)
    assert index.is_ready(store)


@pytest.fixture()
def corpus(tmp_path):
    target = tmp_path / "papers"
    shutil.copytree(DATA, target)
    (target / "manifest.csv").unlink()  # documents keyed by path, so files can come and go
    return target


def test_index_after_build_replace_remove_prune_and_rebuild(corpus):
    store = memory_store()
    build(store, [corpus], jobs=1)
    assert len(doc_names(store)) == 5
    assert_exact(store)

    # replaced: a changed file's graph and its index entries, in one transaction
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nA later note from Kent County Council.\n", encoding="utf-8")
    summary = build(store, [corpus], jobs=1)
    assert (summary.read, summary.replaced) == (1, 1)
    assert_exact(store)

    # removed by `caregraph remove`
    removed, _ = remove_documents(store, [str(first)])
    assert len(removed) == 1 and removed[0] not in {d for d, _ in index.publishers(store)}
    assert removed[0] not in index.forms(store)
    assert_exact(store)

    # pruned: a file gone from the folder
    second = sorted(corpus.glob("*.txt"))[1]
    gone = iris.document_iri(iris.document_key(None, str(second)))
    second.unlink()
    summary = build(store, [corpus], jobs=1, prune=True)
    assert gone in summary.removed and gone not in index.forms(store)
    assert_exact(store)

    # rebuilt from nothing
    summary = build(store, [corpus], jobs=1, rebuild=True)
    assert summary.read == 4
    assert_exact(store)


def test_every_document_is_listed_even_with_an_unknown_publisher(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "a.txt").write_text("Minutes of the meeting. The committee noted the report.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Surrey County Council Cabinet, 16 July 2019. The report was noted.\n", encoding="utf-8"
    )
    store = memory_store()
    build(store, [folder], jobs=1)
    assert_exact(store)
    publishers = dict(index.publishers(store))
    unknown = [d for d, p in publishers.items() if p == iris.unidentified_publisher(d)]
    assert len(unknown) == 1
    rows = run_query(store, "documents").values()
    assert {r["document"] for r in rows} == doc_names(store)  # the unknown publisher's document too
    assert [(r["council"], r["councilName"]) for r in rows if r["document"] == unknown[0]] == [
        (iris.unidentified_publisher(unknown[0]), None)
    ]
    assert len(run_query(store, "documents", {"council": "Surrey"}).values()) == 1


def test_store_writes_keep_the_index_in_step_and_leave_other_graphs_out():
    store = memory_store()
    doc = iris.document_iri("https://example.org/paper")
    council = iris.council_iri("surrey")
    nt = f"<{doc}> <{RDF}type> <{CG}Document> .\n<{doc}> <{DCTERMS}publisher> <{council}> .\n".encode()
    store.add_ntriples([(doc, nt)])
    assert index.publishers(store) == {(doc, council)} and index.forms(store) == {doc: index.FORM}
    other = iris.council_iri("durham")
    store.replace_ntriples(doc, nt.replace(council.encode(), other.encode()))
    assert index.publishers(store) == {(doc, other)}
    store.replace_ntriples(iris.graph_iri("ofsted"), b"<http://e/s> <http://e/p> <http://e/o> .\n")
    assert index.publishers(store) == {(doc, other)} and set(index.forms(store)) == {doc}
    store.remove_document(doc)
    assert index.publishers(store) == set() and index.forms(store) == {}
    store.add_ntriples([(doc, nt)])
    assert index.publishers(store) == {(doc, council)}


def test_posts_in_lists_the_organisations_of_a_documents_posts_exactly():
    """``D cg:postsIn O`` for each organisation a post of D is in, ``index#unplaced`` for a post in none; replaced and
    removed with the document; nothing for a post-in line whose subject is no post of it."""
    store = memory_store()
    doc = iris.document_iri("https://example.org/posts")
    surrey, durham = iris.council_iri("surrey"), iris.council_iri("durham")
    placed, unplaced, other = "https://example.org/p/dcs", "https://example.org/p/sos", "https://example.org/x"
    head = f"<{doc}> <{RDF}type> <{CG}Document> .\n<{doc}> <{DCTERMS}publisher> <{surrey}> .\n"
    post_in = f"{ORG}postIn"
    nt = (
        head
        + f"<{placed}> <{RDF}type> <{CG}Post> .\n<{placed}> <{post_in}> <{durham}> .\n"
        + f"<{unplaced}> <{RDF}type> <{CG}Post> .\n<{other}> <{post_in}> <{surrey}> .\n"
    ).encode()
    store.add_ntriples([(doc, nt)])
    assert index.posts_in(store) == {(doc, durham), (doc, index.UNPLACED)} == index.stated_posts_in(store)
    store.replace_ntriples(doc, nt.replace(f"<{unplaced}> <{RDF}type> <{CG}Post> .\n".encode(), b""))
    assert index.posts_in(store) == {(doc, durham)} == index.stated_posts_in(store)
    store.replace_ntriples(doc, head.encode())
    assert index.posts_in(store) == set() and index.publishers(store) == {(doc, surrey)}
    store.replace_ntriples(doc, nt)
    store.remove_document(doc)
    assert index.posts_in(store) == set()


def test_a_store_with_the_first_index_gets_the_posts_and_the_same_rows(corpus):
    """A store whose index is of layout 1 (no cg:postsIn) is not ready: the named queries read the documents' graphs,
    and the next build gives it the whole index."""
    store = memory_store()
    build(store, [corpus], jobs=1)
    assert index.posts_in(store), "the corpus names posts"
    cases = [("posts", {}), ("post-holders", {})] + [
        (name, {"council": c}) for name in ("posts", "post-holders") for c in ("Surrey", "Durham")
    ]
    rows = [run_query(store, n, p).values() for n, p in cases]
    surrey = iris.council_iri("surrey")
    surrey_posts, all_posts = rows[cases.index(("posts", {"council": "Surrey"}))], rows[0]
    assert surrey_posts and rows[cases.index(("post-holders", {"council": "Surrey"}))]
    # a council's posts are those in it (org:postIn), whoever published the document naming them
    assert {r["organisation"] for r in surrey_posts} == {surrey}
    assert len(surrey_posts) == len([r for r in all_posts if r["organisation"] == surrey])
    store.update(
        f"DELETE WHERE {{ GRAPH <{index.INDEX_GRAPH}> {{ ?d <{index.POSTS_IN}> ?o }} }} ;\n"
        f'DELETE DATA {{ GRAPH <{index.INDEX_GRAPH}> {{ <{index.INDEX_GRAPH}> <{OWL}versionInfo> "{index.INDEX_VERSION}" }} }} ;\n'
        f'INSERT DATA {{ GRAPH <{index.INDEX_GRAPH}> {{ <{index.INDEX_GRAPH}> <{OWL}versionInfo> "1" }} }}'
    )
    assert not index.is_ready(store)
    assert [run_query(store, n, p).values() for n, p in cases] == rows
    build(store, [corpus], jobs=1)
    assert_exact(store)
    assert [run_query(store, n, p).values() for n, p in cases] == rows


def test_a_store_from_before_the_index_answers_then_is_rebuilt(corpus, monkeypatch):
    store = memory_store()
    build(store, [corpus], jobs=1)
    with_index = {name: run_query(store, name).values() for name in named_queries() if name != "overdue-follow-ups"}
    surrey = run_query(store, "decisions", {"council": "Surrey"}).values()
    store.update(f"DROP GRAPH <{index.INDEX_GRAPH}>")  # what an older caregraph left
    assert not index.is_ready(store)
    # the named queries fall back to the documents' own graphs: the same rows
    for name, rows in with_index.items():
        assert run_query(store, name).values() == rows, name
    assert surrey and run_query(store, "decisions", {"council": "Surrey"}).values() == surrey
    # the next build gives it the index and rebuilds the documents, which no form of this caregraph marks
    summary = build(store, [corpus], jobs=1)
    assert (summary.outdated, summary.read, summary.unchanged) == (5, 5, 0)
    assert_exact(store)
    assert build(store, [corpus], jobs=1).unchanged == 5


def test_a_document_written_by_another_version_is_not_unchanged(corpus, monkeypatch):
    """'Unchanged' is the same bytes written by the same caregraph version in the same form of graph."""
    store = memory_store()
    build(store, [corpus], jobs=1)
    assert build(store, [corpus], jobs=1).unchanged == 5
    monkeypatch.setattr(index, "FORM", index.FORM + "-next")
    summary = build(store, [corpus], jobs=1)
    assert (summary.outdated, summary.read, summary.replaced, summary.unchanged) == (5, 5, 5, 0)
    assert set(index.forms(store).values()) == {index.FORM}
    assert build(store, [corpus], jobs=1).unchanged == 5


def test_without_index_reads_the_publisher_from_the_documents():
    queries = [q for q in named_queries().values() if index.uses_index(q.text)]
    assert len(queries) >= 6
    for q in queries:
        plain = index.without_index(q.text)
        assert not index.uses_index(plain), q.name
        assert f"<{DCTERMS}publisher>" in plain or f"<{ORG}postIn>" in plain, q.name
    store = memory_store()
    doc = iris.document_iri("https://example.org/one")
    store.replace_ntriples(doc, f"<{doc}> <{RDF}type> <{CG}Document> .\n".encode())
    assert (
        ox.Quad(
            ox.NamedNode(doc), ox.NamedNode(index.GRAPH_FORM_P), ox.Literal(index.FORM), ox.NamedNode(index.INDEX_GRAPH)
        )
        in store
    )


def test_one_graph_given_reads_the_documents_graph(corpus):
    store = memory_store()
    build(store, [corpus], jobs=1)
    doc = next(d for d, p in index.publishers(store) if p == iris.council_iri("surrey"))
    rows = run_query(store, "documents", graph=doc).values()
    assert [r["document"] for r in rows] == [doc]


def test_the_doctests_run():
    import doctest

    result = doctest.testmod(index)
    assert result.attempted > 0 and result.failed == 0
