"""One document, one graph (issue 15, §1; docs/reliability.md, "One document, one graph"): the same bytes built by
any path are one document, a copy under another name is reported and not added, a corrected manifest row replaces
its document's graph; ``remove``, ``--prune`` and ``--rebuild`` drop what they should and nothing else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from caregraph import iris
from caregraph.cli import app
from caregraph.errors import ManifestError, StoreError
from caregraph.pipeline.build import build
from caregraph.pipeline.identity import remove_documents
from caregraph.store import Store, memory_store, open_store

from .conftest import DATA

FILES = sorted(p.name for p in DATA.glob("*.txt"))


@pytest.fixture
def plain(tmp_path) -> Path:
    """data/'s documents without their manifest: named by path."""
    folder = tmp_path / "papers"
    folder.mkdir()
    for name in FILES:
        shutil.copy(DATA / name, folder / name)
    return folder


def doc_count(store: Store) -> int:
    return len(store.documents())


def test_the_same_folder_by_any_path_is_one_set_of_documents(plain, tmp_path, monkeypatch):
    store = memory_store()
    monkeypatch.chdir(plain.parent)
    first = build(store, ["papers"], jobs=1)
    assert first.added == len(FILES) and doc_count(store) == len(FILES)
    again = build(store, [plain.resolve()], jobs=1)  # $PWD/papers
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    third = build(store, ["../papers"], jobs=1)  # from another folder
    for summary in (again, third):
        assert (summary.read, summary.unchanged, summary.copies) == (0, len(FILES), [])
    assert doc_count(store) == len(FILES)


def test_with_and_without_the_manifest_is_one_set_of_documents(data_copy):
    store = memory_store()
    with_urls = build(store, [data_copy], jobs=1)
    assert with_urls.added == len(FILES)
    named = set(store.documents())
    (data_copy / "manifest.csv").unlink()
    without = build(store, [data_copy], jobs=1)
    assert (without.read, without.unchanged) == (0, len(FILES))
    assert set(store.documents()) == named  # still known by their URLs


def test_a_copy_under_another_name_is_reported_not_added(plain):
    store = memory_store()
    build(store, [plain], jobs=1)
    copy = plain / "sub" / "copy of the cabinet paper.txt"
    copy.parent.mkdir()
    shutil.copy(plain / FILES[0], copy)
    summary = build(store, [plain], jobs=1)
    assert summary.read == 0 and doc_count(store) == len(FILES)
    assert [c.path for c in summary.copies] == [str(copy)]
    assert FILES[0] in summary.copies[0].problem and "not added" in summary.copies[0].problem

    fresh = memory_store()  # within one build: the first is built, the copy reported
    both = build(fresh, [plain], jobs=1)
    assert both.added == len(FILES) and len(both.copies) == 1 and doc_count(fresh) == len(FILES)


def test_a_changed_manifest_url_replaces_the_documents_graph(data_copy):
    store = memory_store()
    build(store, [data_copy], jobs=1)
    manifest = data_copy / "manifest.csv"
    rows = manifest.read_text(encoding="utf-8").splitlines()
    name, old_url = rows[1].split(",", 1)
    new_url = "https://www.example.gov.uk/corrected/1"
    manifest.write_text("\n".join([rows[0], f"{name},{new_url}", *rows[2:]]) + "\n", encoding="utf-8")
    summary = build(store, [data_copy], jobs=1)
    assert summary.read == 1 and summary.removed == [iris.document_iri(old_url)]
    docs = store.documents()
    assert len(docs) == len(FILES)
    assert iris.document_iri(new_url) in docs and iris.document_iri(old_url) not in docs
    assert not store.has_graph(iris.document_iri(old_url))


def test_an_edited_file_reached_by_another_path_replaces_its_graph(plain, monkeypatch):
    store = memory_store()
    monkeypatch.chdir(plain.parent)
    build(store, ["papers"], jobs=1)
    target = plain / FILES[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nA later note.\n", encoding="utf-8")
    summary = build(store, [plain.resolve()], jobs=1)
    assert summary.read == 1 and summary.removed == [iris.document_iri(f"papers/{FILES[0]}")]
    assert doc_count(store) == len(FILES)


def test_remove_by_file_by_iri_and_by_bytes(plain, tmp_path, monkeypatch):
    store = memory_store()
    monkeypatch.chdir(plain.parent)
    build(store, ["papers"], jobs=1)
    by_iri = iris.document_iri(f"papers/{FILES[1]}")
    outside = tmp_path / "outside.txt"
    shutil.copy(plain / FILES[2], outside)
    removed, unmatched = remove_documents(store, [str(plain / FILES[0]), by_iri, str(outside), "nothing.txt"])
    assert removed == [iris.document_iri(f"papers/{name}") for name in FILES[:3]]
    assert unmatched == ["nothing.txt"]
    assert doc_count(store) == len(FILES) - 3


def test_prune_drops_the_graphs_of_files_gone_from_the_paths_given(plain, tmp_path):
    store = memory_store()
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Durham County Council Cabinet met on 1 May 2020.\n", encoding="utf-8")
    build(store, [plain, other], jobs=1)
    (plain / FILES[0]).unlink()
    (other / "x.txt").unlink()
    assert doc_count(store) == len(FILES) + 1
    kept = build(store, [plain], jobs=1)  # without --prune: nothing dropped
    assert kept.removed == [] and doc_count(store) == len(FILES) + 1
    pruned = build(store, [plain], jobs=1, prune=True)  # only under the paths given
    assert pruned.removed == [iris.document_iri(str(plain / FILES[0]))]
    assert doc_count(store) == len(FILES)


def test_rebuild_keeps_the_imported_ofsted_graph(plain):
    store = memory_store()
    build(store, [plain], jobs=1)
    ofsted = iris.graph_iri("ofsted")
    store.update(f"INSERT DATA {{ GRAPH <{ofsted}> {{ <urn:x:inspection> <urn:x:p> 1 }} }}")
    summary = build(store, [plain], jobs=1, rebuild=True)
    assert summary.added == len(FILES)
    assert list(store.quads(graph=ox.NamedNode(ofsted)))


def test_a_folder_build_names_the_files_it_skipped(plain):
    (plain / "minutes.docx").write_bytes(b"PK\x03\x04")
    (plain / "budget.xlsx").write_bytes(b"PK\x03\x04")
    (plain / ".DS_Store").write_bytes(b"\0")
    summary = build(memory_store(), [plain], jobs=1)
    assert sorted(s.path for s in summary.skipped) == [str(plain / "budget.xlsx"), str(plain / "minutes.docx")]
    assert all("unsupported format" in s.reason for s in summary.skipped)
    assert summary.failed == 0


def test_a_missing_manifest_is_fatal_and_nothing_is_written(plain, tmp_path):
    store = tmp_path / "store"
    with pytest.raises(ManifestError):
        build(memory_store(), [plain], manifest=tmp_path / "typo.csv", jobs=1)
    result = CliRunner().invoke(
        app, ["build", str(plain), "--manifest", str(tmp_path / "typo.csv"), "--store", str(store)]
    )
    assert result.exit_code == 2, result.output
    assert "typo.csv" in result.stderr and "cannot read manifest" in result.stderr
    assert not store.exists()


def test_import_ofsted_refuses_a_store_that_does_not_exist(tmp_path):
    from caregraph.interop.ofsted import import_outcomes

    with pytest.raises(StoreError, match="no caregraph store"), open_store(tmp_path / "never-built", must_exist=True):
        pass
    assert not (tmp_path / "never-built").exists()
    with open_store(tmp_path / "empty") as st, pytest.raises(StoreError, match="no caregraph store"):
        import_outcomes(st, [tmp_path / "outcomes.ods"])


def test_the_cli_reports_copies_skipped_files_and_removes_documents(plain, tmp_path):
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(plain), "--store", store, "-q"]).exit_code == 0
    shutil.copy(plain / FILES[0], plain / "copy.txt")
    (plain / "minutes.docx").write_bytes(b"PK\x03\x04")
    (plain / FILES[1]).unlink()
    result = runner.invoke(app, ["build", str(plain), "--store", store, "--prune"])
    assert result.exit_code == 0, result.output
    assert f"Copy: {plain / 'copy.txt'}: the same bytes as" in result.stderr
    assert f"Skipped: {plain / 'minutes.docx'}: unsupported format '.docx'" in result.stderr
    for label in ("copies, not added", "skipped (unsupported format)", "graphs removed"):
        assert label in result.stdout
    gone = runner.invoke(app, ["remove", str(plain / FILES[2]), str(tmp_path / "nothing.txt"), "--store", store])
    assert gone.exit_code == 1
    assert f"Error: {tmp_path / 'nothing.txt'}: no such document in the store" in gone.stderr
    with open_store(store, read_only=True) as st:
        assert doc_count(st) == len(FILES) - 2
    refused = runner.invoke(app, ["remove", "x.txt", "--store", str(tmp_path / "no-store")])
    assert refused.exit_code == 2 and not (tmp_path / "no-store").exists()


def test_private_documents_are_in_the_local_namespace_until_a_manifest_gives_their_public_url(plain, monkeypatch):
    """A build never mints a public IRI for a document only it knows (docs/ontology.md, "Namespaces"): a file with no
    source URL gets a graph in the local namespace, and everything keyed under it with it; what it says about public
    things (a council, an inspection) stays public, so it joins. Given its URL later, it moves to the public one."""
    monkeypatch.delenv("CAREGRAPH_LOCAL_BASE", raising=False)
    monkeypatch.chdir(plain.parent)
    store = memory_store()
    build(store, ["papers"], jobs=1)
    docs = set(store.documents())
    assert len(docs) == len(FILES) and all(d.startswith("urn:caregraph:local/doc/") for d in docs)
    assert store.document_graphs() == docs
    public = "https://w3id.org/caregraph/id/"
    subjects = {
        q.subject.value
        for d in docs
        for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(d))
        if isinstance(q.subject, ox.NamedNode)
    }
    minted_under_a_document = {s for s in subjects if "/doc/" in s}
    assert minted_under_a_document and not {s for s in minted_under_a_document if s.startswith(public)}
    assert public + "council/surrey" in subjects  # the facts about Surrey use its public IRI
    # the manifest now gives the first file its public URL: its graph moves to the public namespace
    url = "https://mycouncil.surreycc.gov.uk/ieIssueDetails.aspx?IId=42340&Opt=3"
    (plain / "manifest.csv").write_text(f"file,url\n{FILES[0]},{url}\n", encoding="utf-8")
    summary = build(store, ["papers"], jobs=1)
    assert summary.removed == [iris.document_iri(f"papers/{FILES[0]}")]
    assert iris.document_iri(url) in store.documents() and iris.document_iri(url).startswith(public + "doc/")
    assert len(store.documents()) == len(FILES)


def test_a_configured_local_base_names_private_documents(plain, monkeypatch):
    monkeypatch.setenv("CAREGRAPH_LOCAL_BASE", "https://data.example.org/caregraph/")
    monkeypatch.chdir(plain.parent)
    store = memory_store()
    build(store, ["papers"], jobs=1)
    assert all(d.startswith("https://data.example.org/caregraph/doc/") for d in store.documents())
    assert len(store.document_graphs()) == len(FILES)
    # another local base later: the documents in the store keep their IRIs (known by their bytes), none is added
    monkeypatch.setenv("CAREGRAPH_LOCAL_BASE", "urn:example:elsewhere/")
    again = build(store, ["papers"], jobs=1)
    assert (again.read, again.unchanged) == (0, len(FILES))
    assert all(d.startswith("https://data.example.org/caregraph/doc/") for d in store.documents())
    assert len(store.documents()) == len(FILES)


def test_an_unchanged_rebuild_reads_no_stored_files_and_a_change_reads_them_once(plain, monkeypatch):
    """What the store says of its documents' files is needed only for a document not unchanged by its hash: an
    unchanged rebuild does not read it (issue 16); a build that needs it reads it once, before it writes."""
    store = memory_store()
    monkeypatch.chdir(plain.parent)
    build(store, ["papers"], jobs=1)
    calls: list[int] = []
    files = Store.document_files
    monkeypatch.setattr(Store, "document_files", lambda self: calls.append(len(self.documents())) or files(self))
    again = build(store, ["papers"], jobs=1)
    assert (again.read, again.unchanged, calls) == (0, len(FILES), [])
    target = plain / FILES[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nA later note.\n", encoding="utf-8")
    summary = build(store, [plain.resolve()], jobs=1)  # by another path: only its file names the old graph
    assert summary.read == 1 and summary.removed == [iris.document_iri(f"papers/{FILES[0]}")]
    assert calls == [len(FILES)]  # once, and before the new graph was written
    assert doc_count(store) == len(FILES)


def test_document_files_and_hashes_agree_with_sparql(data_copy):
    """``Store.documents``/``document_files`` read by pattern give what the SPARQL they replace gives."""
    from caregraph.namespaces import CG

    store = memory_store()
    build(store, [data_copy], jobs=1)
    store.update(f'INSERT DATA {{ GRAPH <urn:x:g> {{ <urn:x:g> <{CG}sha256> "abc" }} }}')  # a hash, no Document
    store.update(f"INSERT DATA {{ GRAPH <urn:x:h> {{ <urn:x:other> a <{CG}Document> }} }}")  # not its own graph
    query = (
        f"SELECT ?d ?h ?f WHERE {{ GRAPH ?d {{ ?d a <{CG}Document> ; <{CG}sha256> ?h "
        f"OPTIONAL {{ ?d <{CG}file> ?f }} }} }}"
    )
    expected = {s["d"].value: (s["h"].value, s["f"].value if s["f"] is not None else None) for s in store.query(query)}
    assert len(expected) == len(FILES) and all(file for _, file in expected.values())
    assert store.document_files() == expected
    assert store.documents() == {name: sha for name, (sha, _) in expected.items()}
