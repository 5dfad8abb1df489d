"""How readers share a store folder with a writer, never opening what the writer is changing.

Oxigraph calls opening a store read-only while another process writes it undefined behaviour, and so it is: a reader
may find a table gone that it had just listed, or (seen once in CI, 6 December 2026) a quad whose strings it cannot
find (``Not able to find the string with id StrHash … in the string store``). So readers and writers keep out of
each other's way with two locks and a snapshot, all in the store's ``caregraph-snapshots`` folder:

* **The gate** (``readers.lock``). A writer holds it exclusively from before it opens the store; a reader holds it
  shared only while it opens one. A reader therefore waits while a short writer (``remove``, ``query --update``,
  ``import-ofsted``) runs, and never opens the store in the middle of a write.
* **Snapshots.** A long writer (``build``) does not keep readers waiting. It makes a snapshot with RocksDB's
  checkpoint (hard links to the store's immutable tables: about 10 ms, 100 ms when it must first flush what it holds
  in memory), names it in ``current`` and opens the gate. Readers then open that snapshot, which nobody writes. After
  a write, once :data:`SNAPSHOT_SECONDS` have passed, the writer makes a newer one, so readers follow its progress a
  committed state at a time.
* **In use.** A reader holds its snapshot's ``in-use.lock`` shared for as long as it reads; the writer deletes an
  older snapshot only when nobody holds it (else the next writer does).

In the process that writes, a reader reads the writer's snapshot, or is told to read through the writer's store
when it has published none: advisory locks would make the process wait for itself.

When the writer has closed the store it takes the gate back, deletes ``current`` and the snapshots not in use, and
only then releases the store's lock. A writer that was killed leaves ``current`` behind: readers ignore it when no
process holds the store's lock (``caregraph.lock``), and the next writer deletes it. docs/reliability.md, "Readers
during a build", tells the story and names the tests.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from caregraph.errors import StoreError, StoreLocked

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks here, readers open the store as before
    fcntl = None  # type: ignore[assignment]

FOLDER = "caregraph-snapshots"
GATE = "readers.lock"
CURRENT = "current"
IN_USE = "in-use.lock"

# Seconds between a writer's snapshots (a newer one is made after the first write past this).
SNAPSHOT_SECONDS = 10.0

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

# The store folders this process is writing (advisory locks do not keep a process from itself, they make it wait on
# itself): a reader here reads the writer's snapshot, or is told to read through the writer.
_WRITING: dict[Path, WriterGate] = {}


def _wait_for_lock(fd: int, how: int, deadline: float, waiting: Callable[[], None] | None = None) -> bool:
    """Take an advisory lock (``fcntl.LOCK_SH`` or ``LOCK_EX``) on ``fd``, polling until ``deadline``; True when
    taken. ``waiting`` is called once, when the lock is not free at the first try."""
    delay = 0.002
    while True:
        try:
            fcntl.flock(fd, how | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            pass
        if waiting is not None:
            waiting()
            waiting = None
        if time.monotonic() >= deadline:
            return False
        time.sleep(delay)
        delay = min(delay * 2, 0.05)


def _unlock_and_close(fd: int) -> None:
    # Unlock explicitly: a forked build worker holds a copy of the descriptor, and closing ours alone would leave
    # the lock held until the worker ends.
    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def writer_is_active(path: Path, lock_name: str) -> bool:
    """Whether some process holds the store's writer lock (``caregraph.lock``) now."""
    try:
        fd = os.open(path / lock_name, os.O_RDONLY | _CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return True
    _unlock_and_close(fd)
    return False


class WriterGate:
    """The writer's side: made once the writer holds the store's lock, before it opens the store."""

    def __init__(self, path: Path, deadline: float):
        self.folder = path / FOLDER
        self.folder.mkdir(exist_ok=True)
        # Any ``current`` now is a killed writer's (a writer deletes its own before releasing the store's lock):
        # delete it at once, before waiting for the gate, so no reader takes it for this writer's.
        (self.folder / CURRENT).unlink(missing_ok=True)
        self._fd: int | None = os.open(self.folder / GATE, os.O_RDWR | os.O_CREAT | _CLOEXEC, 0o644)
        self._shut = False
        try:
            self._shut_gate(deadline)
        except BaseException:
            os.close(self._fd)
            raise
        self.current: str | None = None
        self._made_at = 0.0
        self._forget(keep=None)  # what a killed writer left
        _WRITING[path.resolve()] = self

    def _shut_gate(self, deadline: float = float("inf")) -> None:
        assert self._fd is not None
        if not self._shut:
            # Readers hold the gate only while they open the store (tens of milliseconds).
            if not _wait_for_lock(self._fd, fcntl.LOCK_EX, deadline):
                raise StoreLocked(f"readers kept the store at {self.folder.parent} open past the lock timeout")
            self._shut = True

    def _forget(self, keep: str | None) -> None:
        """Delete ``current`` (unless it names ``keep``) and every snapshot but ``keep`` that no reader holds. Only
        with the gate shut: a reader between reading ``current`` and locking its snapshot holds the gate."""
        if keep is None:
            (self.folder / CURRENT).unlink(missing_ok=True)
        for entry in self.folder.iterdir():
            if not entry.is_dir() or entry.name == keep:
                continue
            try:
                fd = os.open(entry / IN_USE, os.O_RDONLY | _CLOEXEC)
            except FileNotFoundError:  # cut short while it was being made
                shutil.rmtree(entry, ignore_errors=True)
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)  # a reader still reads it
                continue
            shutil.rmtree(entry, ignore_errors=True)
            _unlock_and_close(fd)

    def publish(self, store: ox.Store) -> None:
        """Make a snapshot of ``store`` as committed now, point readers at it and open the gate; older snapshots
        no reader holds are deleted."""
        numbers = [int(p.name) for p in self.folder.iterdir() if p.name.isdigit()]
        name = str(max(numbers, default=0) + 1)
        store.backup(str(self.folder / name))
        os.close(os.open(self.folder / name / IN_USE, os.O_RDWR | os.O_CREAT | _CLOEXEC, 0o644))
        pointer = self.folder / f"{CURRENT}.new"
        pointer.write_text(name, encoding="utf-8")
        os.replace(pointer, self.folder / CURRENT)
        self._shut_gate()
        self._forget(keep=name)
        self.current, self._made_at = name, time.monotonic()
        assert self._fd is not None
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._shut = False

    def due(self) -> bool:
        """Whether a newer snapshot is due (one has been published, and :data:`SNAPSHOT_SECONDS` have passed)."""
        return self.current is not None and time.monotonic() - self._made_at >= SNAPSHOT_SECONDS

    def close(self) -> None:
        """Once the writer has closed the store: readers go back to the store itself."""
        if self._fd is None:
            return
        if _WRITING.get(self.folder.parent.resolve()) is self:
            del _WRITING[self.folder.parent.resolve()]
        try:
            self._shut_gate()
            self._forget(keep=None)
        finally:
            _unlock_and_close(self._fd)
            self._fd = None


def open_for_reading(
    path: Path,
    lock_name: str,
    open_read_only: Callable[[Path], ox.Store],
    deadline: float,
    on_wait: Callable[[str], None] | None,
) -> tuple[ox.Store, int | None]:
    """Open the store at ``path`` read-only, or the snapshot its writer published, through the gate; return the
    store and the descriptor holding its snapshot in use (None: the store itself), to pass to :func:`release`."""
    folder = path / FOLDER
    writer = _WRITING.get(path.resolve())
    if writer is not None:
        return _read_own_snapshot(writer, open_read_only)
    try:
        folder.mkdir(exist_ok=True)
        gate = os.open(folder / GATE, os.O_RDWR | os.O_CREAT | _CLOEXEC, 0o644)
    except OSError:
        try:
            gate = os.open(folder / GATE, os.O_RDONLY | _CLOEXEC)
        except OSError:  # a folder nobody may write: no writer can be changing it
            return open_read_only(path), None

    def waiting() -> None:
        if on_wait is not None:
            on_wait(f"another caregraph process is writing {path}; waiting for it to finish…")

    in_use: int | None = None
    try:
        if not _wait_for_lock(gate, fcntl.LOCK_SH, deadline, waiting):
            raise StoreLocked(
                f"the store {path} is locked by another caregraph process; try again when it has finished"
            )
        target = path
        try:
            name = (folder / CURRENT).read_text(encoding="utf-8").strip()
        except OSError:
            name = ""
        if name and writer_is_active(path, lock_name):
            in_use = os.open(folder / name / IN_USE, os.O_RDONLY | _CLOEXEC)
            fcntl.flock(in_use, fcntl.LOCK_SH)  # the writer only ever tries it without waiting
            target = folder / name
        store = open_read_only(target)
    except BaseException:
        if in_use is not None:
            _unlock_and_close(in_use)
        raise
    finally:
        _unlock_and_close(gate)
    return store, in_use


def _read_own_snapshot(writer: WriterGate, open_read_only: Callable[[Path], ox.Store]) -> tuple[ox.Store, int | None]:
    """A reader in the process that is writing the store: the snapshot it published, else a clear error (waiting
    for the gate would wait for ourselves)."""
    if writer.current is None:
        raise StoreError(
            f"this process is writing the store at {writer.folder.parent}; read it through the Store that writes it,"
            " or close that first"
        )
    in_use = os.open(writer.folder / writer.current / IN_USE, os.O_RDONLY | _CLOEXEC)
    try:
        fcntl.flock(in_use, fcntl.LOCK_SH)
        return open_read_only(writer.folder / writer.current), in_use
    except BaseException:
        _unlock_and_close(in_use)
        raise


def release(in_use: int | None) -> None:
    """Let the writer delete the snapshot this reader has finished with."""
    if in_use is not None:
        _unlock_and_close(in_use)


def available() -> bool:
    """Whether this platform has the advisory locks the protocol needs (every POSIX system)."""
    return fcntl is not None
