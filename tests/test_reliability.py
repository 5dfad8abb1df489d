"""Bad input through `caregraph build`: every bad file is one line `Error: FILE: problem`, the build goes on with the
others, the exit code is 1 (partial failure), the summary counts the failures, and nothing already in the store is
lost. Also: exit codes of a build that cannot run, and the query-safety guarantees (docs/reliability.md)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from caregraph.cli import app

from .conftest import DATA
from .test_load import _as_nobody, encrypted_pdf, minimal_pdf

runner = CliRunner()
CG = "https://w3id.org/caregraph/ontology#"
GOOD_TEXT = (DATA / "003_0938c2f4e45d6980.txt").read_text(encoding="utf-8")


def build(*args: str):
    return runner.invoke(app, ["build", *map(str, args)])


def document_quads(store_path: Path) -> dict[str, set]:
    """Document graph IRI -> its quads, read through a read-only store."""
    store = ox.Store.read_only(str(store_path))
    try:
        docs = {s["d"].value for s in store.query(f"SELECT ?d WHERE {{ GRAPH ?d {{ ?d a <{CG}Document> }} }}")}
        return {d: set(store.quads_for_pattern(None, None, None, ox.NamedNode(d))) for d in docs}
    finally:
        del store


def error_lines(stderr: str) -> dict[str, str]:
    """``Error: FILE: problem`` lines as {file name: problem}; asserts every line of stderr is one of them."""
    out = {}
    for line in stderr.splitlines():
        m = re.fullmatch(r"Error: (.+?): (.+)", line)
        assert m, f"not a one-line error: {line!r}"
        out[Path(m.group(1).split(":")[0]).name] = m.group(2)
    return out


def make_bad_batch(folder: Path) -> None:
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 10)
    (folder / "huge.txt").write_bytes(b"Ofsted inspection " * 70_000)  # 1.26 MB, over --max-bytes 1000000
    (folder / "corrupt.pdf").write_bytes(minimal_pdf(["Surrey County Council"])[:200])
    (folder / "encrypted.pdf").write_bytes(encrypted_pdf())
    (folder / "scanned.pdf").write_bytes(minimal_pdf(image=True))
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    (folder / "self-loop.txt").symlink_to("self-loop.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop").mkdir()
    (folder / "loop" / "again").symlink_to("..")  # a folder loop: walked once, no error
    # good documents among the bad: spaces and non-ASCII in paths, mixed encodings, broken HTML, a good PDF
    nice = folder / "Cabinet papers — é"
    nice.mkdir()
    # (not the bytes of a document in data/: a copy would be reported, not built; tests/test_identity.py)
    (nice / "Children’s report 1.txt").write_text(GOOD_TEXT + "\nA later note.\n", encoding="utf-8")
    (nice / "mixed.txt").write_bytes(
        "Surrey County Council. Surrey’s ".encode()
        + "Children’s café".encode("cp1252")
        + b" services were rated Good by Ofsted.\n"
    )
    (nice / "broken.html").write_bytes(
        b"<html><head><meta charset='windows-1252'><title>Children\x92s caf\xe9</title><script>alert('x')</script></head>"
        b"<body><p>Surrey County Council &amp; Ofsted<div>Children\x92s caf\xe9 services<p>unclosed <b>bold"
    )
    (nice / "report.pdf").write_bytes(
        minimal_pdf(["Surrey County Council Cabinet", "Ofsted rated children's services Good."])
    )


EXPECTED_ERRORS = {
    "empty.txt": "empty file (0 bytes)",
    "binary.txt": "binary data, not text (is the file extension right?)",
    "huge.txt": "file is 1,260,000 bytes, over the 1,000,000-byte limit (raise it with --max-bytes)",
    "corrupt.pdf": "corrupt PDF",
    "encrypted.pdf": "encrypted PDF; decrypt it first",
    "scanned.pdf": "no text layer; OCR it first",
    "dangling.txt": "broken symbolic link (points to 'nowhere.txt', which does not exist)",
    "self-loop.txt": "symbolic link loop (the link points back at itself)",
    "pipe.txt": "not a regular file (a named pipe); caregraph reads files only",
}


def test_bad_batch_fails_file_by_file_and_loses_nothing(tmp_path, data_copy):
    store = tmp_path / "store"
    assert build(data_copy, "--store", store, "-q").exit_code == 0
    before = document_quads(store)
    assert len(before) == 5

    make_bad_batch(tmp_path / "bad")
    result = build(tmp_path / "bad", "--store", store, "--max-bytes", "1000000")
    assert result.exit_code == 1, result.output
    errors = error_lines(result.stderr)
    assert set(errors) == set(EXPECTED_ERRORS)
    for name, message in EXPECTED_ERRORS.items():
        assert errors[name].startswith(message), (name, errors[name])
    summary = dict(re.findall(r"^\s+(documents read|failed|unchanged)\s+(\d+)", result.stdout, re.M))
    assert summary == {"documents read": "4", "failed": str(len(EXPECTED_ERRORS)), "unchanged": "0"}

    after = document_quads(store)
    for graph, quads in before.items():
        assert quads <= after[graph], f"quads of {graph} were lost"
    assert len(after) == 9  # the 4 good documents of the bad batch were added

    # what the good ones of the batch hold: no mojibake, no script, the <meta> charset honoured
    st = ox.Store.read_only(str(store))
    try:
        texts = {
            s["f"].value: s["t"].value
            for s in st.query(
                f"SELECT ?f ?t WHERE {{ GRAPH ?d {{ ?d <{CG}file> ?f OPTIONAL {{ ?d <http://purl.org/dc/terms/title> ?t }} }} }}"
            )
        }
        exact = " ".join(
            q.object.value for q in st.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/ns/oa#exact"), None)
        )
    finally:
        del st
    names = {Path(f).name for f in texts}
    assert {"Children’s report 1.txt", "mixed.txt", "broken.html", "report.pdf"} <= names
    assert texts[next(f for f in texts if f.endswith("broken.html"))] == "Children’s café"
    assert "alert" not in exact and "â€" not in exact and "Ã" not in exact


def test_a_document_that_turns_bad_keeps_its_graph(tmp_path, data_copy):
    store = tmp_path / "store"
    assert build(data_copy, "--store", store, "-q").exit_code == 0
    before = document_quads(store)
    victim = data_copy / "003_0938c2f4e45d6980.txt"
    victim.chmod(0o644)
    victim.write_bytes(b"\x00\x01\x02" * 1000)  # the file is corrupted on disk
    result = build(data_copy, "--store", store, "-q")
    assert result.exit_code == 1
    assert error_lines(result.stderr) == {
        "003_0938c2f4e45d6980.txt": "binary data, not text (is the file extension right?)"
    }
    assert document_quads(store) == before


def test_thousands_of_files(tmp_path):
    corpus = tmp_path / "many"
    for i in range(2000):
        folder = corpus / f"batch {i // 200:02d} é"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"minutes {i:04d}.txt").write_text(
            f"Cabinet minutes {i}. Surrey County Council noted the Ofsted report.\n", encoding="utf-8"
        )
    (corpus / "batch 04 é" / "minutes 0999.txt").write_bytes(b"")
    (corpus / "batch 07 é" / "minutes 1444.txt").write_bytes(b"\x00" * 100)
    store = tmp_path / "store"
    result = build(corpus, "--store", store)
    assert result.exit_code == 1
    assert error_lines(result.stderr) == {
        "minutes 0999.txt": "empty file (0 bytes)",
        "minutes 1444.txt": "binary data, not text (is the file extension right?)",
    }
    assert re.search(r"documents read\s+1998\b", result.stdout)
    assert len(document_quads(store)) == 1998
    again = build(corpus, "--store", store)  # nothing changed: all skipped, the same two failures
    assert again.exit_code == 1 and re.search(r"unchanged\s+1998\b", again.stdout)


def test_a_17_mb_line_is_stored_and_stops_nothing(tmp_path):
    """Oxigraph's N-Quads loader refuses a line over 16 MiB (here: a title of 17 MB); the build used to stop there
    with exit 2, losing its whole batch. Now the batch is written document by document and the title is stored."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "huge title.txt").write_text(
        "y" * 17_000_000 + "\nSurrey County Council Cabinet noted the Ofsted report.\n", encoding="utf-8"
    )
    (corpus / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    store = tmp_path / "store"
    result = build(corpus, "--store", store, "-q")
    assert result.exit_code == 0, result.output
    st = ox.Store.read_only(str(store))
    try:
        lengths = {
            Path(s["f"].value).name: int(s["n"].value)
            for s in st.query(
                f"SELECT ?f (STRLEN(?t) AS ?n) WHERE {{ GRAPH ?d {{ ?d <{CG}file> ?f ; <http://purl.org/dc/terms/title> ?t }} }}"
            )
        }
    finally:
        del st
    assert lengths["huge title.txt"] == 17_000_000 and "good.txt" in lengths


def test_manifest_problems_through_the_cli(tmp_path, data_copy):
    manifest = tmp_path / "manifest.csv"
    shutil.copy(data_copy / "003_0938c2f4e45d6980.txt", tmp_path / "news release.txt")
    manifest.write_text(
        "file,url\n"
        "news release.txt,https://www.example.gov.uk/news/1\n"
        "gone.txt,https://www.example.gov.uk/news/2\n"
        "news release.txt,https://www.example.gov.uk/news/3\n"
        "002.txt,ftp://example.org/x\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    result = build("--manifest", manifest, "--store", store, "-q")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines == [
        f"Error: {manifest}:3: file not found: gone.txt",
        f"Error: {manifest}:4: duplicate row for 'news release.txt' (first at line 2); the first is used",
        f"Error: {manifest}:5: bad URL 'ftp://example.org/x' for '002.txt': scheme ftp: is not http or https; expected an http(s) URL or nothing",
    ]
    assert len(document_quads(store)) == 1

    wrong = tmp_path / "wrong.csv"
    wrong.write_text("path,link\nnews release.txt,https://www.example.gov.uk/news/1\n", encoding="utf-8")
    result = build(data_copy, "--manifest", wrong, "--store", tmp_path / "s2", "-q")
    assert result.exit_code == 1  # the manifest fails; the folder given beside it is still built
    assert result.stderr.splitlines() == [
        f"Error: {wrong}:1: manifest needs a 'file' column (found: 'path', 'link'); expected columns file,url[,council,published]"
    ]
    assert len(document_quads(tmp_path / "s2")) == 5


def test_unreadable_file_through_the_cli(data_copy, monkeypatch):
    """chmod 000: as root, the build runs with the effective uid of ``nobody`` (in this process, after a first build
    has imported every module), in a world-writable folder outside pytest's private tmp folders. The package's own
    data files (the ontology the store loads) are read from a world-readable copy there, so the test passes wherever
    the checkout lives, a private (0700) home folder included (issue 15, §6)."""
    import caregraph.resources

    folder = Path(tempfile.mkdtemp(prefix="caregraph-perm-"))
    try:
        folder.chmod(0o777)
        shipped = {name: folder / name for name in ("ontology", "queries")}
        for name, copy in shipped.items():
            shutil.copytree(caregraph.resources._folder(name), copy)
            for path in [copy, *copy.rglob("*")]:
                path.chmod(0o755 if path.is_dir() else 0o644)
        monkeypatch.setattr(caregraph.resources, "_folder", shipped.__getitem__)
        shutil.copy(DATA / "003_0938c2f4e45d6980.txt", folder / "readable.txt")
        shutil.copy(DATA / "002_bf683e13625adc74.txt", folder / "secret.txt")
        (folder / "secret.txt").chmod(0o000)
        (folder / "readable.txt").chmod(0o644)
        # imports what the build needs, summary table included (Python's own library may be private too)
        assert build(data_copy, "--store", folder / "warm-up").exit_code == 0
        with _as_nobody():
            result = build(folder / "readable.txt", folder / "secret.txt", "--store", folder / "store")
        assert result.exit_code == 1, result.output
        assert error_lines(result.stderr) == {"secret.txt": "permission denied"}, (result.output, result.exception)
        assert re.search(r"documents read\s+1\b", result.stdout)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_exit_codes(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    assert build(good, "--store", tmp_path / "s", "-q").exit_code == 0  # all built
    partial = build(good, tmp_path / "missing.txt", "--store", tmp_path / "s", "-q")
    assert partial.exit_code == 1 and partial.stderr == f"Error: {tmp_path / 'missing.txt'}: no such file or folder\n"
    not_a_store = tmp_path / "file-not-folder"
    not_a_store.write_text("x")
    cannot_run = build(good, "--store", not_a_store, "-q")  # the store cannot be opened: nothing runs
    assert cannot_run.exit_code == 2
    assert (
        cannot_run.stderr == f"Error: {not_a_store} is a file, not a store folder; give --store a new or empty folder\n"
    )
    assert build("--store", tmp_path / "s").exit_code == 2  # no paths: a usage error


def test_cli_in_a_real_process_reports_one_line_per_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    cmd = [sys.executable, "-m", "caregraph.cli", "build", str(tmp_path), "--store", str(tmp_path / "store"), "-q"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert sorted(proc.stderr.splitlines()) == [
        f"Error: {tmp_path / 'empty.txt'}: empty file (0 bytes)",
        f"Error: {tmp_path / 'pipe.txt'}: not a regular file (a named pipe); caregraph reads files only",
    ]
    assert "Traceback" not in proc.stderr


# ---------------------------------------------------------------------------------------------- query safety
# The SPARQL engineer's tests/test_query.py and tests/test_query_cli.py hold the full set; these pin the guarantees
# docs/reliability.md makes, through the CLI, on a store built here.


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rel") / "store"
    assert build(DATA, "--store", path, "-q").exit_code == 0
    return path


def query(store: Path, *args: str):
    return runner.invoke(app, ["query", *args, "--store", str(store)])


def test_updates_refused_without_update(small_store):
    before = len(ox.Store.read_only(str(small_store)))
    result = query(small_store, "-e", "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert result.exit_code == 2 and "--update" in result.stderr
    result = query(small_store, "-e", "DROP ALL")
    assert result.exit_code == 2 and "--update" in result.stderr
    assert len(ox.Store.read_only(str(small_store))) == before


def test_service_refused_without_allow_service(small_store):
    result = query(small_store, "-e", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert result.exit_code == 2 and "--allow-service" in result.stderr


def test_parameters_are_bound_not_pasted(small_store):
    hostile = 'Surrey" } } ; DROP ALL ; SELECT * { { ?x ?y "'
    result = query(
        small_store, "-e", "SELECT ?n WHERE { BIND(?v AS ?n) }", "--param", f"v={hostile}", "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    import csv
    import io

    assert list(csv.reader(io.StringIO(result.stdout))) == [["n"], [hostile]]


def test_timeout_is_honoured(small_store):
    import time

    started = time.perf_counter()
    result = query(
        small_store, "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--timeout", "1"
    )
    assert result.exit_code == 3, result.output
    assert time.perf_counter() - started < 30


# ---------------------------------------------------------------------------------------------- no network


def test_build_query_and_viz_never_touch_the_network(tmp_path, data_copy, monkeypatch):
    """Manifest URLs are stored, never fetched; an HTML page's scripts, images, styles and frames are dropped, never
    fetched. Any attempt to open a connection or resolve a name fails this test."""
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError(f"caregraph tried to reach the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    (data_copy / "page.html").write_text(
        "<html><head><title>Cabinet</title><link rel=stylesheet href='http://127.0.0.1:9/a.css'>"
        "<script src='http://127.0.0.1:9/a.js'></script></head><body><img src='http://127.0.0.1:9/a.png'>"
        "<iframe src='http://127.0.0.1:9/'></iframe><p>Surrey County Council's Cabinet noted the Ofsted report.</p></body></html>",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    result = build(data_copy, "--store", store, "-q")
    assert result.exit_code == 0, result.output
    assert query(store, "inspections", "--format", "csv").exit_code == 0
    assert query(store, "-e", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }").exit_code == 2
    page = tmp_path / "page.html"
    assert runner.invoke(app, ["viz", "--store", str(store), "--out", str(page)]).exit_code == 0


# ---------------------------------------------------------------------------------------------- store folders


def test_a_folder_that_is_neither_empty_nor_a_store_is_refused(tmp_path):
    """Oxigraph would write its files among the user's own (renaming their LOG); /proc used to say "another caregraph
    process is writing"."""
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    mine = tmp_path / "my-folder"
    mine.mkdir()
    (mine / "LOG").write_text("my own notes\n")
    (mine / "report.txt").write_text("keep me\n")
    result = build(good, "--store", mine, "-q")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {mine} is neither empty nor a caregraph store (it holds 'LOG', 'report.txt'); give --store a new or "
        "empty folder, or an existing store\n"
    )
    assert (
        sorted(p.name for p in mine.iterdir()) == ["LOG", "report.txt"]
        and (mine / "LOG").read_text() == "my own notes\n"
    )
    result = build(good, "--store", "/proc", "-q")
    assert result.exit_code == 2 and result.stderr.startswith("Error: /proc is neither empty nor a caregraph store")
    assert "another caregraph process" not in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build(good, "--store", empty, "-q").exit_code == 0  # an empty folder becomes a store
    assert build(good, "--store", empty, "-q").exit_code == 0  # and is one after
    leftovers = tmp_path / "cut-short"  # what a store's creation killed early leaves: the next build completes it
    leftovers.mkdir()
    for name in ("LOCK", "IDENTITY", "LOG", "000001.log"):
        (leftovers / name).write_bytes(b"")
    from caregraph.store import check_store_folder

    check_store_folder(leftovers)


# ---------------------------------------------------------------------------------------------- outside the folder


def outside_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A folder to build holding a symbolic link to a file outside it, a link to an outside folder, and a manifest
    naming an outside file, an absolute path and a file of no format caregraph reads."""
    secret = tmp_path / "private"
    secret.mkdir()
    (secret / "credentials.txt").write_text("SECRET-TOKEN-123 Surrey County Council\n", encoding="utf-8")
    (secret / ".git-credentials").write_text("https://user:SECRET-TOKEN-456@example.org\n", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "report.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "link.txt").symlink_to(secret / "credentials.txt")
    (folder / "inside-link.txt").symlink_to("report.txt")  # a link inside the folder is fine
    (folder / "private").symlink_to(secret, target_is_directory=True)
    (folder / "manifest.csv").write_text(
        "file,url\n"
        "report.txt,https://example.org/report\n"
        "../private/credentials.txt,https://example.org/c\n"
        f"{secret / 'credentials.txt'},https://example.org/abs\n"
        "../private/.git-credentials,https://example.org/g\n",
        encoding="utf-8",
    )
    return folder, secret


def test_links_and_manifest_rows_leading_outside_are_refused(tmp_path):
    folder, secret = outside_corpus(tmp_path)
    store = tmp_path / "store"
    result = build(folder, "--store", store, "-q")
    assert result.exit_code == 1
    lines = sorted(result.stderr.splitlines())
    manifest = folder / "manifest.csv"
    real = os.path.realpath(folder)
    assert lines == sorted(
        [
            f"Error: {folder / 'link.txt'}: symbolic link to a file outside the folder being built ({secret / 'credentials.txt'}); give --follow-outside to read it",
            f"Error: {folder / 'private'}: symbolic link to a folder outside the folder being built ({secret}); give --follow-outside to read it",
            f"Error: {manifest}:3: '../private/credentials.txt' is outside the folder being built ({real}); give --follow-outside to read it",
            f"Error: {manifest}:4: {str(secret / 'credentials.txt')!r} is outside the folder being built ({real}); give --follow-outside to read it",
            f"Error: {manifest}:5: unsupported format '(no extension)' for '../private/.git-credentials'; caregraph reads .htm, .html, .pdf, .text, .txt, .xhtml",
        ]
    )
    dump = ox.serialize(ox.Store.read_only(str(store)), format=ox.RdfFormat.N_QUADS).decode()
    assert "SECRET-TOKEN" not in dump and "credentials" not in dump
    assert len(document_quads(store)) == 1  # report.txt (inside-link.txt is the same file: built once)


def test_follow_outside_reads_them(tmp_path):
    from caregraph.pipeline.build import build as build_library
    from caregraph.pipeline.load import iter_sources
    from caregraph.store import memory_store

    folder, _ = outside_corpus(tmp_path)
    items = list(iter_sources([folder], follow_outside=True))
    problems = [i.problem for i in items if not hasattr(i, "url")]
    assert problems == [
        "unsupported format '(no extension)' for '../private/.git-credentials'; caregraph reads .htm, .html, .pdf, .text, .txt, .xhtml"
    ]
    summary = build_library(memory_store(), [folder], follow_outside=True, jobs=1)
    assert summary.read == 2 and summary.failed == 1  # report.txt and the outside file (reached three ways)
    explicit = tmp_path / "list.csv"
    explicit.write_text("file\nprivate/credentials.txt\ncorpus/../../etc/passwd.txt\n", encoding="utf-8")
    refused = [i.problem for i in iter_sources([], explicit) if not hasattr(i, "url")]
    assert refused == [
        f"'corpus/../../etc/passwd.txt' is outside the folder being built ({tmp_path.resolve()}); give --follow-outside to read it"
    ]


# ---------------------------------------------------------------------------------------------- output files


def _writers():
    """Every --out writer, as (name, write(path))."""
    from caregraph.explore.network import export_graph_to_path
    from caregraph.explore.viz import write_page
    from caregraph.interop.export import export_to_path
    from caregraph.store import memory_store

    store = memory_store()
    store.ensure_reference_graphs()
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("a", name="A")
    return [
        ("export", lambda path: export_to_path(store, path, "ntriples")),
        ("export-graph", lambda path: export_graph_to_path(g, "graphml", path)),
        ("viz", lambda path: write_page("<html>page</html>", path)),
    ]


WRITERS = ["export", "export-graph", "viz"]


def writer(name: str):
    return dict(_writers())[name]


@pytest.mark.parametrize("name", WRITERS)
def test_out_files_get_the_usual_mode_and_keep_an_existing_one(tmp_path, name):
    write = writer(name)
    old = os.umask(0o027)
    try:
        write(tmp_path / "new.html")
    finally:
        os.umask(old)
    assert (tmp_path / "new.html").stat().st_mode & 0o777 == 0o640  # 0666 less the umask, not 0600
    existing = tmp_path / "existing.html"
    existing.write_text("old")
    existing.chmod(0o664)
    write(existing)
    assert existing.stat().st_mode & 0o777 == 0o664 and existing.read_text() != "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.html", "new.html"]  # no temporary file left


@pytest.mark.parametrize("name", WRITERS)
def test_out_files_follow_links_and_refuse_read_only_files_and_folders(tmp_path, name):
    from caregraph.errors import CaregraphError

    write = writer(name)
    target = tmp_path / "target.html"
    target.write_text("old")
    link = tmp_path / "link.html"
    link.symlink_to(target.name)
    write(link)
    assert link.is_symlink() and target.read_text() != "old"  # the link stays a link; what it points to is written
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to("created.html")
    write(dangling)
    assert dangling.is_symlink() and (tmp_path / "created.html").is_file()
    readonly = tmp_path / "readonly.html"
    readonly.write_text("keep")
    readonly.chmod(0o444)
    with pytest.raises(CaregraphError, match=r"readonly\.html: the file is read-only"):
        write(readonly)  # even as root
    assert readonly.read_text() == "keep" and readonly.stat().st_mode & 0o777 == 0o444
    folder = tmp_path / "folder.html"
    folder.mkdir()
    with pytest.raises(CaregraphError, match=r"folder\.html: it is a folder; give a file name"):
        write(folder)


@pytest.mark.parametrize("name", WRITERS)
def test_out_devices_and_pipes_are_written_in_place(tmp_path, name):
    import stat
    import threading

    from caregraph.errors import CaregraphError

    write = writer(name)
    write("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    with pytest.raises(CaregraphError, match=r"/dev/full: No space left on device"):
        write("/dev/full")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    pipe = tmp_path / "pipe.html"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()))
    reader.start()
    write(pipe)
    reader.join(10)
    assert got and got[0] and stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_out_dev_stdout_writes_to_the_open_descriptor(tmp_path, capfd):
    from caregraph.outfile import write_output

    write_output(b"to stdout\n", "/dev/stdout")
    write_output(b"to fd 2\n", "/dev/fd/2")
    captured = capfd.readouterr()
    assert captured.out == "to stdout\n" and captured.err == "to fd 2\n"
    assert os.path.islink("/dev/stdout") or not os.path.isfile("/dev/stdout")


def test_a_failed_write_leaves_the_old_file(tmp_path):
    from caregraph.outfile import output_file

    path = tmp_path / "out.nq"
    path.write_text("old")
    with pytest.raises(RuntimeError), output_file(path) as fh:
        fh.write(b"partial")
        raise RuntimeError("stopped")
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["out.nq"]


def test_cli_export_to_a_device_or_a_read_only_file(tmp_path, small_store):
    import stat

    result = runner.invoke(app, ["export", "--store", str(small_store), "--out", "/dev/full"])
    assert result.exit_code == 2 and result.stderr.startswith("Error: cannot write /dev/full: No space left on device")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    result = runner.invoke(app, ["export", "--store", str(small_store), "--out", "/dev/null"])
    assert result.exit_code == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    readonly = tmp_path / "ro.nq"
    readonly.write_text("keep")
    readonly.chmod(0o444)
    result = runner.invoke(app, ["export", "--store", str(small_store), "--out", str(readonly)])
    assert result.exit_code == 2 and "the file is read-only" in result.stderr and readonly.read_text() == "keep"
