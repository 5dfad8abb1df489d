"""Readers and a writer share a store folder (caregraph.snapshots): a reader never opens the store while a writer
changes it. It waits for a short writer, reads the snapshot a long writer (build) published, follows the newer
snapshots, keeps reading one the writer has replaced, and ignores what a killed writer left behind. The writer is a
real process here, driven a step at a time; tests/test_concurrency.py runs real builds beside readers."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from caregraph import snapshots
from caregraph.errors import StoreError, StoreLocked
from caregraph.store import LOCK_NAME, check_store_folder, open_store

G = "urn:x:g"


def count(store) -> int:
    return len(list(store.ox.quads_for_pattern(None, None, None, None)))


def insert(store, i: int) -> None:
    store.update(f"INSERT DATA {{ GRAPH <{G}> {{ <urn:s> <urn:p> {i} }} }}")


def snapshot_folders(path) -> list[str]:
    folder = path / snapshots.FOLDER
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.exists() else []


WRITER = textwrap.dedent(
    """
    import sys
    from caregraph import snapshots
    from caregraph.store import open_store
    with open_store(sys.argv[1]) as st:
        print("open", flush=True)
        for line in sys.stdin:
            word, *rest = line.split()
            if word == "share":
                st.share_snapshot()
            elif word == "seconds":
                snapshots.SNAPSHOT_SECONDS = float(rest[0])
            elif word == "insert":
                st.update("INSERT DATA { GRAPH <urn:x:g> { <urn:s> <urn:p> " + rest[0] + " } }")
            else:
                break
            print("done", flush=True)
    print("closed", flush=True)
    """
)


class Writer:
    """A writing process: ``do("insert 3")`` returns once it has done it."""

    def __init__(self, path):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self._answer() == "open"

    def _answer(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def do(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        assert self._answer() == "done", command

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("close\n")
        self.proc.stdin.flush()
        assert self._answer() == "closed"
        assert self.proc.wait(timeout=60) == 0


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "store"
    with open_store(path) as st:
        insert(st, 0)
    return path


def test_a_reader_waits_for_a_writer_that_shares_nothing(store_path):
    writer = Writer(store_path)
    writer.do("insert 1")
    said: list[str] = []
    with (
        pytest.raises(StoreLocked, match="is locked by another caregraph process"),
        open_store(store_path, read_only=True, lock_timeout=0.2, on_wait=said.append),
    ):
        pass
    assert said == [f"another caregraph process is writing {store_path}; waiting for it to finish…"]
    writer.close()
    with open_store(store_path, read_only=True, lock_timeout=0) as reader:
        assert count(reader) == 2


def test_readers_read_the_published_snapshot_and_follow_newer_ones(store_path):
    writer = Writer(store_path)
    writer.do("share")
    writer.do("insert 1")  # after the snapshot, and no newer one is due yet
    with open_store(store_path, read_only=True, lock_timeout=0) as first:
        assert count(first) == 1
        writer.do("seconds 0")
        writer.do("insert 2")  # a newer snapshot now
        with open_store(store_path, read_only=True, lock_timeout=0) as second:
            assert count(second) == 3
        # the first reader's snapshot is kept while it reads
        assert count(first) == 1
        assert len(snapshot_folders(store_path)) == 2
    writer.do("insert 3")  # the next snapshot deletes the ones nobody reads
    assert len(snapshot_folders(store_path)) == 1
    with open_store(store_path, read_only=True, lock_timeout=0) as third:
        assert count(third) == 4
    writer.close()
    # the writer has gone: no snapshot is left, and readers read the store
    assert snapshot_folders(store_path) == []
    assert not (store_path / snapshots.FOLDER / snapshots.CURRENT).exists()
    with open_store(store_path, read_only=True, lock_timeout=0) as reader:
        assert count(reader) == 4
    check_store_folder(store_path)  # the snapshots folder belongs in a store folder


def test_a_snapshot_in_use_when_the_writer_closes_is_deleted_by_the_next_writer(store_path):
    writer = Writer(store_path)
    writer.do("share")
    with open_store(store_path, read_only=True, lock_timeout=0) as held:
        writer.close()
        assert len(snapshot_folders(store_path)) == 1  # still read
        assert count(held) == 1
    with open_store(store_path):
        assert snapshot_folders(store_path) == []


def test_a_reader_in_the_writing_process_reads_its_snapshot_or_is_told_why_not(store_path):
    """Advisory locks would make a process wait for itself: no ten-minute wait for a lock it holds."""
    with open_store(store_path) as writer:
        insert(writer, 1)
        with (
            pytest.raises(StoreError, match=r"this process is writing the store at .*; read it through the Store"),
            open_store(store_path, read_only=True),
        ):
            pass
        writer.share_snapshot()
        insert(writer, 2)
        with open_store(store_path, read_only=True) as reader:
            assert count(reader) == 2  # the snapshot, without the later insert
    with open_store(store_path, read_only=True) as reader:
        assert count(reader) == 3


KILLED_WRITER = textwrap.dedent(
    """
    import os, sys
    from caregraph.store import open_store
    opened = open_store(sys.argv[1])
    st = opened.__enter__()
    st.share_snapshot()
    st.update('INSERT DATA { GRAPH <urn:x:g> { <urn:s> <urn:p> 7 } }')
    os._exit(0)  # no clean-up, as after a kill
    """
)


def test_what_a_killed_writer_left_is_ignored_and_cleaned(store_path):
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(store_path)], check=True, timeout=120)
    assert (store_path / snapshots.FOLDER / snapshots.CURRENT).exists()
    assert len(snapshot_folders(store_path)) == 1
    assert not snapshots.writer_is_active(store_path, LOCK_NAME)
    with open_store(store_path, read_only=True, lock_timeout=0) as reader:
        assert count(reader) == 2  # the store itself, with the killed writer's last commit; not its snapshot
    with open_store(store_path):
        assert not (store_path / snapshots.FOLDER / snapshots.CURRENT).exists()
        assert snapshot_folders(store_path) == []


def test_a_writer_lock_held_without_a_snapshot_lets_readers_read_the_store(store_path):
    """Another process holding only caregraph's lock (as `caregraph serve` does) does not keep readers out."""
    from filelock import FileLock

    with FileLock(str(store_path / LOCK_NAME)):
        assert snapshots.writer_is_active(store_path, LOCK_NAME)
        with open_store(store_path, read_only=True, lock_timeout=0) as reader:
            assert count(reader) == 1
