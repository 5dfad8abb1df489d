"""Concurrency: two caregraph processes writing one store never corrupt it — the second waits for the lock (saying
so on stderr) or, past its lock timeout, fails clearly with exit code 2 — and readers (`caregraph query`, read-only)
during a build see a consistent snapshot: every document graph present is complete, with its cg:sha256."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock
from typer.testing import CliRunner

from caregraph.cli import app

from .test_crash import make_corpus, snapshot

pytestmark = pytest.mark.slow

runner = CliRunner()

# Per graph: its size and its cg:sha256, in one query (one read-only open: one snapshot).
GRAPHS = """
SELECT ?g ?n ?h WHERE {
  { SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g }
  OPTIONAL { GRAPH ?g { ?g cg:sha256 ?h } }
}
"""


def build_cmd(corpus: Path, store: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "caregraph.cli", "build", str(corpus), "--store", str(store), "-q", *extra]


def build_in_process(*corpora: Path, store: Path) -> None:
    """A build of ``corpora`` into ``store`` by the CLI in this process (serially: the same store as a parallel build,
    tests/test_build_scale.py). For the stores a test only sets up or compares with: the builds under test, which
    race or wait for a lock, stay real processes (this process's compiled rules save each one's start-up)."""
    result = runner.invoke(app, ["build", *map(str, corpora), "--store", str(store), "-q", "--jobs", "1"])
    assert result.exit_code == 0, result.output


def lock_held(store: Path) -> bool:
    lock = FileLock(str(store / "caregraph.lock"))
    try:
        lock.acquire(timeout=0)
    except Exception:
        return True
    lock.release()
    return False


def wait_for_lock(store: Path, proc: subprocess.Popen, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while not (store / "caregraph.lock").exists() or not lock_held(store):
        assert proc.poll() is None, "the first build ended before it could be caught holding the lock"
        assert time.monotonic() < deadline
        time.sleep(0.02)


def graph_sizes(store: Path) -> dict[str, tuple[int, str | None]]:
    result = runner.invoke(app, ["query", "-e", GRAPHS, "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["results"]["bindings"]
    return {r["g"]["value"]: (int(r["n"]["value"]), r.get("h", {}).get("value")) for r in rows}


def test_second_writer_waits_for_the_first(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    make_corpus(first, 40)
    make_corpus(second, 50)
    for p in sorted(second.iterdir())[:40]:
        p.unlink()  # the second corpus: 10 other documents
    for i, p in enumerate(sorted(second.iterdir())):
        p.rename(second / f"other {i}.txt")
    store, ref = tmp_path / "store", tmp_path / "reference"
    build_in_process(first, second, store=ref)

    a = subprocess.Popen(build_cmd(first, store, "--jobs", "1"), stderr=subprocess.PIPE, text=True)
    wait_for_lock(store, a)
    # the second writer is this process (no start-up time, so it surely finds the lock held)
    b = runner.invoke(app, ["build", str(second), "--store", str(store), "-q"])
    a_err = a.communicate(timeout=300)[1]
    assert a.returncode == 0, a_err
    assert b.exit_code == 0, b.output
    assert b.stderr.startswith(f"another caregraph process is writing {store}; waiting for it to finish")
    assert snapshot(store) == snapshot(ref)  # both builds' documents, nothing lost or mixed


def test_writer_fails_clearly_past_its_lock_timeout(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 3)
    store = tmp_path / "store"
    assert runner.invoke(app, ["build", str(corpus), "--store", str(store), "-q"]).exit_code == 0
    before = snapshot(store)
    holder = FileLock(str(store / "caregraph.lock"))  # another caregraph process holds the store
    holder.acquire()
    try:
        env = {**os.environ, "CAREGRAPH_LOCK_TIMEOUT": "0.5"}
        started = time.perf_counter()
        proc = subprocess.run(
            build_cmd(corpus, store, "--rebuild"), capture_output=True, text=True, env=env, timeout=120
        )
        assert time.perf_counter() - started < 60
        assert proc.returncode == 2
        assert proc.stderr.splitlines() == [
            f"another caregraph process is writing {store}; waiting for it to finish (up to 0 s)…",
            f"Error: the store {store} is locked by another caregraph process; try again when it has finished",
        ]
        update = subprocess.run(
            [sys.executable, "-m", "caregraph.cli", "query", "--update", "-e", "DROP ALL", "--store", str(store)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert update.returncode == 2 and "is locked by another caregraph process" in update.stderr
        # a reader is never blocked by the writer's lock
        assert graph_sizes(store)
    finally:
        holder.release()
    assert snapshot(store) == before  # --rebuild and DROP ALL never ran


def test_bad_lock_timeout_setting_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CAREGRAPH_LOCK_TIMEOUT", "soon")
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 1)
    result = runner.invoke(app, ["build", str(corpus), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 2
    assert result.stderr == "Error: $CAREGRAPH_LOCK_TIMEOUT is 'soon'; it must be a number of seconds, 0 or more\n"


def test_readers_during_a_build_see_consistent_snapshots(tmp_path):
    corpus = tmp_path / "corpus"
    n, new = 60, 20
    make_corpus(corpus, n)
    ref2, store = tmp_path / "ref2", tmp_path / "store"
    build_in_process(corpus, store=store)
    v1 = graph_sizes(store)
    # version 2: a third of the documents change, 20 are new; the build runs while readers query
    make_corpus(corpus, n + new, version=2, changed=range(0, n, 3))
    build_in_process(corpus, store=ref2)
    v2 = graph_sizes(ref2)
    complete = {g: {v1[g][0] if g in v1 else None, v2[g][0]} for g in v2}  # a document's size, old or new version

    proc = subprocess.Popen(build_cmd(corpus, store, "--jobs", "1"), stderr=subprocess.PIPE, text=True)
    answers, during, docs_seen = 0, 0, set()
    try:
        while proc.poll() is None or answers < 3:
            for graph, (count, sha) in graph_sizes(store).items():
                if "/doc/" not in graph:
                    continue
                assert sha is not None, f"{graph} has no cg:sha256"
                assert count in complete[graph], (
                    f"{graph} has {count} quads: not a complete version ({complete[graph]})"
                )
                docs_seen.add(graph)
            answers += 1
            during += proc.poll() is None  # this answer came while the build was still running
    finally:
        err = proc.communicate(timeout=300)[1]
    assert proc.returncode == 0, err
    assert during >= 1 and answers >= 3 and len(docs_seen) == n + new
    final = graph_sizes(store)
    assert sum(1 for g in final if "/doc/" in g) == n + new
    # a reader in its own process too
    out = subprocess.run(
        [sys.executable, "-m", "caregraph.cli", "query", "-e", GRAPHS, "--store", str(store), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0 and len(json.loads(out.stdout)["results"]["bindings"]) == len(final)


def test_two_builds_of_the_same_documents_at_once(tmp_path):
    """Started together on a store that does not exist yet: one creates it and builds, the other waits, then finds
    every document unchanged."""
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 30)
    store, ref = tmp_path / "store", tmp_path / "ref"
    build_in_process(corpus, store=ref)
    procs = [subprocess.Popen(build_cmd(corpus, store), stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errs = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    assert sum("waiting for it to finish" in e for e in errs) <= 1
    assert snapshot(store) == snapshot(ref)


def test_a_writer_waits_for_a_store_another_process_is_creating(tmp_path):
    """The second of two builds started together on a new folder finds it as RocksDB is creating the store (its
    LOG written, nothing else yet) and must wait for the lock, not refuse the folder as someone else's (seen once in
    test_two_builds_of_the_same_documents_at_once)."""
    import threading

    import pyoxigraph as ox

    from caregraph.store import LOCK_NAME, open_store

    store = tmp_path / "store"
    store.mkdir()
    creator = FileLock(str(store / LOCK_NAME), thread_local=False)
    creator.acquire()
    (store / "LOG").write_text("", encoding="utf-8")

    def finish_creating() -> None:
        time.sleep(0.3)
        created = ox.Store(str(store))
        del created
        creator.release()

    thread = threading.Thread(target=finish_creating)
    thread.start()
    try:
        with open_store(store, lock_timeout=60) as st:
            st.update("INSERT DATA { GRAPH <urn:x:g> { <urn:s> <urn:p> 1 } }")
    finally:
        thread.join()
    with open_store(store, read_only=True) as reader:
        assert reader.has_graph("urn:x:g")


_HAND_OVER = """
import sys
from caregraph.store import open_store
for i in range(int(sys.argv[2])):
    with open_store(sys.argv[1], lock_timeout=60) as st:
        st.update('INSERT DATA { GRAPH <urn:x:' + sys.argv[3] + '> { <urn:s> <urn:p> ' + str(i) + ' } }')
"""


def test_writer_lock_hand_over_many_times(tmp_path):
    """Two processes take turns writing one store, many times: each waits for caregraph's lock and then for
    RocksDB's, never failing with "While lock file: …/LOCK: Resource temporarily unavailable" (issue 15, §6)."""
    store, rounds = tmp_path / "store", 20
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _HAND_OVER, str(store), str(rounds), name], stderr=subprocess.PIPE, text=True
        )
        for name in ("a", "b", "c")
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    from caregraph.store import open_store

    with open_store(store, read_only=True) as st:
        for name in ("a", "b", "c"):
            assert sum(1 for _ in st.quads(graph=f"urn:x:{name}")) == rounds


def test_writer_waits_for_rocksdb_lock_after_caregraph_lock(tmp_path):
    """The race itself, made certain: another process holds RocksDB's LOCK (as a writer does for a moment after
    releasing caregraph's lock); the writer retries until it is free instead of failing."""
    store = tmp_path / "store"
    from caregraph.store import open_store

    with open_store(store):
        pass
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import time, pyoxigraph as ox\ns = ox.Store({str(store)!r})\nprint('held', flush=True)\ntime.sleep(1.0)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    with open_store(store, lock_timeout=30) as st:
        assert st.ox is not None
    assert time.monotonic() - started >= 0.3  # it did wait for the holder
    assert holder.wait(timeout=30) == 0
