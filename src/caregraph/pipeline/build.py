"""The build: load → segment → extract → map → store, for every document under the given paths.

One bad document never stops the others: its problem is recorded in the summary and the store keeps what it had.
An unchanged document (same SHA-256 under the same IRI, written by this version of caregraph in this form of graph:
:data:`caregraph.index.FORM`) is skipped without being read again; a changed one, or one an older caregraph wrote,
replaces its graph; ``rebuild=True`` starts from an empty store.

How it scales (docs/performance.md): the main process walks the sources, skips unchanged documents by their hash,
and hands the rest in chunks to ``jobs`` worker processes, at most a few chunks ahead (so memory stays bounded
however large the corpus). A worker loads, segments, extracts and maps a document and returns its graph as
N-Triples bytes. The main process writes new documents in batches, each batch in one atomic bulk load (all or
nothing, so every document is either complete or absent: :meth:`caregraph.store.Store.add_ntriples`), and replaces
each changed document in its own transaction.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from itertools import islice
from typing import TypeVar

import pyoxigraph as ox

from caregraph import index, iris
from caregraph.dataset import DATASET_GRAPH, dataset_iri, describe_dataset
from caregraph.errors import LoadError
from caregraph.namespaces import DCTERMS, PROV, VOID, XSD
from caregraph.pipeline.identity import Identities, clear_documents, prune_missing
from caregraph.pipeline.load import DEFAULT_MAX_BYTES, Skipped, Source, iter_sources, load
from caregraph.pipeline.reconcile import refresh_links
from caregraph.records import Extraction
from caregraph.store import Store

# Batching and parallelism. A chunk is the unit of work sent to a worker; a batch is the unit written in one
# atomic bulk load. Below SERIAL_BELOW documents to build, starting worker processes costs more than it saves.
CHUNK = 16
BATCH_DOCUMENTS = 512
BATCH_BYTES = 8 << 20
SERIAL_BELOW = 48
# RocksDB keeps recent writes in memory, per column family, until a table fills: 2.3 GB of RSS in the writer at
# 10k documents without this. Flushing after this many bytes of new graphs keeps it to a few hundred MB
# (docs/performance.md, "Memory").
FLUSH_BYTES = 32 << 20
# Each batch written is a set of new tables in the store that reads consult until RocksDB merges them; a build that
# wrote this many batches or more compacts the store at its end (2.8 s of CPU for 6,858 real pages, 0.9 million
# quads; queries then cost about 15 % less: docs/performance.md, "A cheaper atomic writer"). Smaller builds leave it
# to RocksDB, since the compaction costs in proportion to the whole store.
COMPACT_AFTER_BATCHES = 4
# How long one document may take to load, segment, extract and map (``doc_timeout``, ``build --doc-timeout``). A real
# council report takes seconds; a damaged or hostile PDF can keep pypdf busy for hours (docs/reliability.md).
DEFAULT_DOC_TIMEOUT = 120.0


@dataclass(frozen=True)
class Failure:
    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


@dataclass
class BuildSummary:
    read: int = 0  # documents read and (re)built
    unchanged: int = 0
    added: int = 0
    replaced: int = 0
    failures: list[Failure] = field(default_factory=list)
    copies: list[Failure] = field(default_factory=list)  # the same bytes as a document already built: not added
    skipped: list[Skipped] = field(default_factory=list)  # files of formats caregraph does not read
    removed: list[str] = field(default_factory=list)  # document graphs dropped: superseded, or pruned
    outdated: int = 0  # documents in the store written by another caregraph version or graph form (so not unchanged)
    quads: int = 0  # quads in the store after the build
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def seen(self) -> int:
        return self.read + self.unchanged + self.failed


Item = Source | LoadError | Skipped
Progress = Callable[[Item, str], None]


def source_key(source: Source) -> str:
    """What names a document (:func:`caregraph.iris.document_key`): its URL when the manifest gives one, else its
    normalised path."""
    return iris.document_key(source.url, source.name)


def fingerprint(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """SHA-256 of the file's bytes, or None when it cannot be read (``load`` will say why)."""
    import stat

    try:  # opened without blocking and checked on the open file: a named pipe put in its place is not waited on
        fd = os.open(source.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
            return None
        h = hashlib.sha256()
        size = min(st.st_size + 1, 1 << 20)  # a small file in one read, without a 1 MiB buffer each time
        while chunk := os.read(fd, size):
            h.update(chunk)
            size = 1 << 20
        return h.hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


def process(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Load, segment and extract one document; raises :class:`LoadError` for bad input."""
    from caregraph.pipeline.extract import extract  # imported on first use: an unchanged rebuild never needs the rules
    from caregraph.pipeline.segment import segment

    return extract(segment(load(source, max_bytes)))


def default_jobs() -> int:
    """Worker processes for a build: one per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------------------------- one document

# What a worker returns for one document: ("ok", N-Triples bytes) or ("failed", Failure).
Outcome = tuple[str, "bytes | Failure"]


class DocumentTimeout(BaseException):
    """A document ran past its deadline. A BaseException, like KeyboardInterrupt, so that no ``except Exception`` in
    a library (pypdf has many) swallows it."""


def _timeout_problem(seconds: float) -> str:
    return f"gave up after {seconds:g} s, the time limit for one document (raise it with --doc-timeout); the build went on without it"


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the ``with`` block once it has run ``seconds`` (and each second after,
    should something catch it). Uses SIGALRM, so it works in the main thread of a process on POSIX systems and does
    nothing elsewhere; pure Python code (pypdf, the extraction's regular expressions) is interrupted on time. Code
    stuck inside a C call is the worker pool's business: the build kills that worker (:func:`_outcomes`). A block
    that ends normally after the alarm went off raises it all the same: the alarm's exception can be swallowed on
    its way out (a finalizer or a weakref callback running at that moment reports and drops it, as does a library's
    ``except BaseException``), and a document past its deadline has failed whatever became of it."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    fired = False

    def alarm(signum, frame) -> None:
        nonlocal fired
        fired = True
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
        if fired:
            raise DocumentTimeout()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def build_document(source: Source, name: str, max_bytes: int, built_at: datetime) -> Outcome:
    """Load, segment, extract and map one document; its graph as N-Triples bytes, or why it failed."""
    from caregraph.pipeline.mapping import document_iri, to_ntriples

    try:
        extraction = process(source, max_bytes)
        ntriples = to_ntriples(extraction, built_at)
        if str(document_iri(extraction.document)) != name:
            raise AssertionError(f"document IRI {document_iri(extraction.document)} is not {name}")
        return "ok", ntriples
    except LoadError as exc:
        return "failed", Failure(exc.path, exc.problem)
    except Exception as exc:  # a bug must not stop the other documents
        return "failed", Failure(
            source.name, f"internal error while extracting ({type(exc).__name__}: {exc}); please report it"
        )


def build_within(source: Source, name: str, max_bytes: int, built_at: datetime, doc_timeout: float | None) -> Outcome:
    """:func:`build_document` within ``doc_timeout`` seconds (None: no limit)."""
    try:
        with deadline(doc_timeout):
            return build_document(source, name, max_bytes, built_at)
    except DocumentTimeout:
        return "failed", Failure(source.name, _timeout_problem(doc_timeout or 0))


class _Watch:
    """What each worker is doing, in memory shared by the build and its workers: for each worker's slot, the number
    of the task it is on (-1: none), since when (``time.monotonic``, one clock for every process), and its pid. The
    build reads it to kill a worker stuck past the deadline, and to tell which document a dead worker held."""

    def __init__(self, ctx, jobs: int):
        self.jobs = jobs
        self.task = ctx.RawArray("q", [-1] * jobs)
        self.since = ctx.RawArray("d", jobs)
        self.pid = ctx.RawArray("q", jobs)
        self.claimed = ctx.Value("i", 0)

    def reset(self) -> None:
        self.task[:] = [-1] * self.jobs
        self.claimed.value = 0  # no worker is running: the old pool's are all joined

    def claim(self) -> int | None:
        """A slot for the calling worker (None once every slot is taken)."""
        with self.claimed.get_lock():
            slot = self.claimed.value
            self.claimed.value += 1
        if slot >= self.jobs:
            return None
        self.pid[slot] = os.getpid()
        return slot

    def busy(self) -> Iterator[tuple[int, int, float]]:
        """(pid, task number, seconds on it) of every worker on a task."""
        now = time.monotonic()
        for slot in range(self.jobs):
            number = self.task[slot]
            if number >= 0:
                yield self.pid[slot], number, now - self.since[slot]


_WORKER: tuple[_Watch, int] | None = None  # in a worker: the watch and this worker's slot


def _started(number: int) -> None:
    if _WORKER is not None:
        watch, slot = _WORKER
        watch.since[slot] = time.monotonic()
        watch.task[slot] = number


def _build_chunk(
    tasks: list[tuple[int, Source, str]], max_bytes: int, built_at: datetime, doc_timeout: float | None = None
) -> list[Outcome]:
    out = []
    for number, source, name in tasks:
        _started(number)
        out.append(build_within(source, name, max_bytes, built_at, doc_timeout))
    _started(-1)
    return out


# ---------------------------------------------------------------------------------------------- the pipeline

Task = tuple[Source, str]  # a source to build and its document IRI
_T = TypeVar("_T")


def _chunks(items: Iterator[_T], size: int) -> Iterator[list[_T]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _mp_context():
    # fork starts workers in milliseconds with the rules already compiled; spawn elsewhere (and on macOS, where
    # fork is unsafe).
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _init_worker(parent: int, watch: _Watch | None = None) -> None:
    """Worker initializer: on Linux, have the kernel kill this worker when the build process dies (even by
    SIGKILL), so a killed build leaves no idle workers behind (docs/reliability.md); take a slot in the watch."""
    global _WORKER
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)
    slot = watch.claim() if watch is not None else None
    _WORKER = (watch, slot) if watch is not None and slot is not None else None


#: Made-up pages for :func:`_warm_up`: a line of news, and minutes with the lists, people, resolutions, fields and news
#: copy whose patterns the finders compile on first use.
_WARM_UP_PAGES = (
    "Surrey County Council Cabinet, 16 July 2019. Ofsted rated children's services Good.\n",
    """Agenda item

Ofsted inspection of children's services - update

Minutes:

Present: Councillor Jane Example (Chair), Councillors Smith, Jones and Brown.
Apologies were received from Councillor Kit Sample and Ann Tester.
Officers: P. Example, L. Sample, S. Tester (R)
Contact: Chris Sample, Democratic Services Officer. Email: chris@example.gov.uk

The Director of Children's Services, Sam Example, presented the report. Gary Exampleson HMI said the visit in March
2024 found services requires improvement to be good.
The Cabinet Member for Children, Councillor Jo Sample, said: "We are pleased."
RESOLVED:
1. That the report be noted.
2. That a further report be brought to the Committee in September 2024.
Decision maker: Cabinet
Decision due: 12 June 2025
Date of decision: 4 June 2024
The Children and Young People Scrutiny Committee will review progress at its next meeting on 1 October 2024.
News: Anyshire County Council's children's services were rated outstanding by Ofsted in a report published today,
following an inspection in June this year. The council's leader, Alex Example, said the judgement was good news.
""",
)


@cache
def _warm_up() -> None:
    """Run the pipeline once on made-up pages (:data:`_WARM_UP_PAGES`), so that what it builds on first use (the
    compiled rules, the gazetteer: about 1.5 s, and the patterns finders compile when a page first needs them: about
    0.35 s more) is ready before any document's deadline starts, and, built before the workers are forked, shared."""
    from caregraph.pipeline.extract import extract
    from caregraph.pipeline.extract.names import compile_all
    from caregraph.pipeline.mapping import to_ntriples
    from caregraph.pipeline.segment import segment
    from caregraph.records import SourceDocument

    for number, text in enumerate(_WARM_UP_PAGES):
        source = SourceDocument(f"warm-up-{number}.txt", text, "0", "txt", len(text))
        to_ntriples(extract(segment(source)), datetime.now(UTC))
    compile_all()  # the name patterns' variants no made-up page asks for


def _pool(jobs: int, watch: _Watch | None = None) -> ProcessPoolExecutor:
    _warm_up()
    if watch is not None:
        watch.reset()
    return ProcessPoolExecutor(jobs, mp_context=_mp_context(), initializer=_init_worker, initargs=(os.getpid(), watch))


Numbered = list[tuple[int, "Task"]]  # a chunk: tasks with their number in the build


def _outcomes(
    tasks: Iterator[Task], jobs: int, max_bytes: int, built_at: datetime, doc_timeout: float | None = None
) -> Iterator[tuple[Task, Outcome]]:
    """Build every task, in ``jobs`` processes when worth it; yield (task, outcome) in task order.

    At most ``2 × jobs + 2`` chunks are in flight, so neither the tasks nor the results pile up in memory. Each
    document gets ``doc_timeout`` seconds (:func:`deadline`); a worker still on one document a grace period later
    is stuck in C code and is killed. A worker that dies (killed so, or by the out-of-memory killer) fails the
    document it held, named; the build goes on in a new pool with the others."""
    head = list(islice(tasks, SERIAL_BELOW))
    in_main = threading.current_thread() is threading.main_thread()
    if (jobs <= 1 or len(head) < SERIAL_BELOW) and (in_main or not doc_timeout):
        if head and doc_timeout:
            _warm_up()
        for task in _chain(head, tasks):
            yield task, build_within(*task, max_bytes, built_at, doc_timeout)
        return
    chunks = _chunks(enumerate(_chain(head, tasks)), CHUNK)
    watch = _Watch(_mp_context(), jobs) if doc_timeout else None
    verdicts: dict[int, Outcome] = {}  # documents the build itself failed (past the deadline, their worker died)
    window: deque[tuple[Numbered, Future | None]] = deque()
    pool = _pool(jobs, watch)

    def submit(chunk: Numbered) -> Future | None:
        todo = [(number, *task) for number, task in chunk if number not in verdicts]
        return pool.submit(_build_chunk, todo, max_bytes, built_at, doc_timeout) if todo else None

    try:
        while True:
            while len(window) < 2 * jobs + 2:
                more = next(chunks, None)
                if more is None:
                    break
                window.append((more, submit(more)))
            if not window:
                return
            chunk, future = window[0]
            try:
                results = _wait(future, watch, doc_timeout, verdicts, window)
            except BrokenProcessPool as exc:
                _blame(pool, watch, verdicts, window, exc)
                pool = _pool(jobs, watch)
                pending = [c for c, _ in window]
                window.clear()
                window.extend((c, submit(c)) for c in pending)
                continue
            window.popleft()
            done = iter(results)
            for number, task in chunk:
                yield task, verdicts.pop(number) if number in verdicts else next(done)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _wait(
    future: Future | None,
    watch: _Watch | None,
    doc_timeout: float | None,
    verdicts: dict[int, Outcome],
    window: deque[tuple[Numbered, Future | None]],
) -> list[Outcome]:
    """The results of ``future``; meanwhile, kill any worker stuck on one document past the deadline and a grace
    period (its document is failed in ``verdicts``; the pool then breaks, which the caller handles)."""
    if future is None:
        return []
    if watch is None or not doc_timeout:
        return future.result()
    limit = doc_timeout + min(max(doc_timeout, 2.0), 30.0)
    while True:
        try:
            return future.result(timeout=min(1.0, doc_timeout))
        except TimeoutError:
            pass
        for pid, number, seconds in watch.busy():
            if seconds > limit and number not in verdicts:
                source = _task_of(number, window)[0]
                verdicts[number] = ("failed", Failure(source.name, _timeout_problem(doc_timeout)))
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass


def _task_of(number: int, window: deque[tuple[Numbered, Future | None]]) -> Task:
    return next(task for chunk, _ in window for n, task in chunk if n == number)


def _blame(
    pool: ProcessPoolExecutor,
    watch: _Watch | None,
    verdicts: dict[int, Outcome],
    window: deque[tuple[Numbered, Future | None]],
    exc: BaseException,
) -> None:
    """After the pool broke: fail the documents whose workers died by themselves (by a signal other than the
    SIGTERM the pool sends the survivors: the out-of-memory killer, a crash, a kill). Without the watch, or when it
    cannot tell, the documents the workers held (or, without the watch, those of the chunk at the head) fail, one
    line each."""
    processes = dict(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=True, cancel_futures=True)  # joins the workers: their exit codes are known after this
    held = {number: pid for pid, number, _ in watch.busy()} if watch is not None else {}
    if any(number in verdicts for number in held):
        return  # the build killed a worker past the deadline: that document has its verdict already
    blamed = False
    for number, pid in held.items():
        code = getattr(processes.get(pid), "exitcode", None)
        if code is not None and code != -signal.SIGTERM:
            how = f"killed by signal {-code}" if code < 0 else f"exit code {code}"
            if code == -signal.SIGKILL:
                how += ": out of memory?"
            source = _task_of(number, window)[0]
            problem = f"the extraction worker stopped while reading it ({how}); the build went on without it"
            verdicts[number] = ("failed", Failure(source.name, problem))
            blamed = True
    if not blamed:
        problem = f"the extraction worker stopped ({exc or 'killed'}) while building this document or one near it; rebuild with --jobs 1 to find which"
        for number in held or [number for number, _ in window[0][0]]:
            verdicts.setdefault(number, ("failed", Failure(_task_of(number, window)[0].name, problem)))


def _chain(head: list[Task], rest: Iterator[Task]) -> Iterator[Task]:
    yield from head
    yield from rest


# ---------------------------------------------------------------------------------------------- build


def build(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    manifest: str | os.PathLike[str] | None = None,
    rebuild: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    sources: list[Item] | None = None,
    jobs: int | None = None,
    doc_timeout: float | None = DEFAULT_DOC_TIMEOUT,
    follow_outside: bool = False,
    prune: bool = False,
) -> BuildSummary:
    """Build every document under ``paths`` (and in ``manifest``) into ``store``; return what happened.

    ``jobs`` worker processes extract documents in parallel (default: one per CPU; 1 builds in this process).
    ``progress`` is called once per item with its source (or load error, or skipped file) and ``built``,
    ``unchanged``, ``copy``, ``skipped`` or ``failed``; documents that are built are reported when they are written, not necessarily in source order.

    New documents are written a batch at a time, each batch in one atomic bulk load; a changed document is replaced
    in one transaction. A build killed at any moment leaves every document complete or absent.

    ``doc_timeout`` bounds the seconds one document may take (None: no limit); a document past it fails with the
    reason and the build goes on. ``follow_outside=True`` reads symbolic links and manifest rows that lead outside the
    folders being built (refused by default; :func:`caregraph.pipeline.load.iter_sources`).

    One document is one graph however it is reached (docs/reliability.md, "One document, one graph"): bytes already
    in the store under another path are the same document (unchanged) when the file has the same name, a copy
    (``summary.copies``, not added) when not; a document whose manifest URL changed, or whose file the store knows
    by another path, replaces its old graph. ``prune=True`` drops the graphs of documents whose files, under
    ``paths``, are gone. ``rebuild=True`` drops every document graph (Ofsted's imported outcomes are kept)."""
    started = datetime.now(UTC)
    summary = BuildSummary()
    store.share_snapshot()  # readers read what was committed, never wait for this build
    if rebuild:
        clear_documents(store)
    references_loaded = store.ensure_reference_graphs()  # (a new caregraph's ontology or vocabularies)
    index.ensure(store)  # a store written before the index gets one (and its documents are then outdated)
    hashes = store.documents()
    # A document some other caregraph version (or graph form) wrote is never unchanged: it is built again, its graph
    # replaced (its hash is forgotten here, so only its file can claim it).
    forms = store.document_forms()
    outdated = {name for name in hashes if forms.get(name) != index.FORM}
    summary.outdated = len(outdated)
    known = {name: "" if name in outdated else sha for name, sha in hashes.items()}
    # The stored files are read only if a document is not unchanged by its hash (never in an unchanged rebuild),
    # and then before anything is written: every document this build writes is settled by ``ids`` first.
    ids = Identities(known, store.document_files)
    # Graphs of documents without their hash (cut short by a killed --bulk build of an earlier caregraph, whose
    # loader was not atomic, or written by hand) are replaced, never added to.
    present = known.keys() | store.document_graphs()
    built_at = started.replace(microsecond=0)
    items = sources if sources is not None else iter_sources(paths, manifest, follow_outside=follow_outside)
    jobs = default_jobs() if jobs is None else max(1, jobs)

    def report(item: Item, status: str) -> None:
        if status == "built" and isinstance(item, Source):
            ids.built.add(iris.document_iri(source_key(item)))
        if progress:
            progress(item, status)

    def fail(item: Source | LoadError, failure: Failure) -> None:
        summary.failures.append(failure)
        report(item, "failed")

    def tasks() -> Iterator[Task]:
        """The documents to build; load errors, duplicates and unchanged documents are settled on the way."""
        seen_iris: set[str] = set()
        for item in items:
            if isinstance(item, Skipped):
                summary.skipped.append(item)
                report(item, "skipped")
                continue
            if isinstance(item, LoadError):
                fail(item, Failure(item.path, item.problem))
                continue
            name = iris.document_iri(source_key(item))
            if name in seen_iris:
                fail(item, Failure(item.name, "the same document (URL or path) is listed twice; built once"))
                continue
            seen_iris.add(name)
            digest = fingerprint(item, max_bytes)
            if digest is not None and known.get(name) == digest:
                ids.claim(name, digest, item)
                summary.unchanged += 1
                report(item, "unchanged")
                continue
            verdict = ids.settle(name, digest, item)
            if verdict == "unchanged":
                summary.unchanged += 1
                report(item, "unchanged")
                continue
            if isinstance(verdict, Failure):
                summary.copies.append(verdict)
                report(item, "copy")
                continue
            yield item, name

    batch: list[tuple[Source, str, bytes]] = []
    batch_bytes = 0
    unflushed = 0
    batches = 0

    def flush() -> None:
        nonlocal batch_bytes, unflushed, batches
        if batch:
            _write_new(store, batch, summary, report, fail)
            batches += 1
        unflushed += batch_bytes
        if unflushed >= FLUSH_BYTES:
            store.flush()
            unflushed = 0
        batch.clear()
        batch_bytes = 0

    for (source, name), (status, payload) in _outcomes(tasks(), jobs, max_bytes, built_at, doc_timeout):
        if status != "ok":
            fail(source, payload)  # type: ignore[arg-type]
            continue
        if name in present:
            try:
                store.replace_ntriples(name, payload)  # type: ignore[arg-type]
            except _STORE_REFUSED as exc:
                fail(source, Failure(source.name, _store_problem(exc)))
                continue
            summary.replaced += 1
            summary.read += 1
            unflushed += len(payload)  # type: ignore[arg-type]
            report(source, "built")
            continue
        batch.append((source, name, payload))  # type: ignore[arg-type]
        batch_bytes += len(payload)  # type: ignore[arg-type]
        if len(batch) >= BATCH_DOCUMENTS or batch_bytes >= BATCH_BYTES:
            flush()
    flush()
    if batches >= COMPACT_AFTER_BATCHES:
        store.optimize()
    for old in ids.superseded():
        store.remove_document(old)
        summary.removed.append(old)
    if prune:
        summary.removed.extend(prune_missing(store, paths, exclude=ids.built))
    changed = bool(
        summary.read
        or summary.removed
        or rebuild
        or references_loaded  # the description counts the reference graphs too
        or not store.has_graph(DATASET_GRAPH)
        or _description_stale(store)
    )
    if changed:
        # The links between the papers' inspections and Ofsted's record (graph …/graph/links) follow the documents.
        refresh_links(store)
        # The VoID/DCAT description in graph …/graph/dataset (caregraph.dataset). It counts the whole store, so an
        # unchanged rebuild keeps the last one rather than pay for a full scan.
        describe_dataset(store)
    # The description has just counted every graph (or counted them last time, when nothing changed): reuse its
    # count rather than len(), which scans every quad (~1 s per 10⁶).
    described = _described_size(store)
    summary.quads = described if described is not None else len(store)
    summary.seconds = (datetime.now(UTC) - started).total_seconds()
    return summary


# What the store raises for one document it cannot take; the build fails that document and goes on. MemoryError:
# Oxigraph's parser refuses a line over 16 MiB (a title or quote that long; docs/reliability.md).
_STORE_REFUSED = (SyntaxError, ValueError, MemoryError)


def _store_problem(exc: Exception) -> str:
    if isinstance(exc, MemoryError):
        return f"too large to store: a title or quote in it is longer than the store takes ({exc}); split the document"
    return f"internal error while storing ({type(exc).__name__}: {exc}); please report it"


def _write_new(store: Store, batch: list[tuple[Source, str, bytes]], summary: BuildSummary, report, fail) -> None:
    """Add a batch of new documents in one atomic bulk load; if the store refuses it, write them one by one, each
    replacing whatever part of it got in, so a bad document fails alone."""
    try:
        store.add_ntriples([(name, nt) for _, name, nt in batch])
        done = batch
    except _STORE_REFUSED:
        done = []
        for source, name, nt in batch:
            try:
                store.replace_ntriples(name, nt)
                done.append((source, name, nt))
            except _STORE_REFUSED as exc:
                fail(source, Failure(source.name, _store_problem(exc)))
    for source, _, _ in done:
        summary.added += 1
        summary.read += 1
        report(source, "built")


_VOID_TRIPLES = ox.NamedNode(VOID + "triples")
_MODIFIED = ox.NamedNode(DCTERMS + "modified")


def _description_stale(store: Store) -> bool:
    """True when a document graph was written at or after the dataset description's time: a build was killed
    between writing documents and rewriting the description, so the next build must rewrite it (docs/reliability.md)."""
    stamps = list(store.quads(ox.NamedNode(dataset_iri()), _MODIFIED, None, DATASET_GRAPH))
    if len(stamps) != 1 or not isinstance(stamps[0].object, ox.Literal):
        return True
    stamp = stamps[0].object.value
    if not stamp or any(c not in "0123456789-:T+Z." for c in stamp):
        return True
    query = f'ASK {{ GRAPH ?d {{ ?d <{PROV}generatedAtTime> ?t }} FILTER(?t >= "{stamp}"^^<{XSD}dateTime>) }}'
    return bool(store.query(query))


def _described_size(store: Store) -> int | None:
    """The store's quad count from its dataset description (which counts every named graph but itself) plus the
    description's own size, when the default graph is empty; None when there is no such count."""
    if store.has_default_graph():
        return None
    counted = [q.object for q in store.quads(ox.NamedNode(dataset_iri()), _VOID_TRIPLES, None, DATASET_GRAPH)]
    if len(counted) != 1:
        return None
    try:
        return int(str(getattr(counted[0], "value", counted[0]))) + _graph_size(store, DATASET_GRAPH)
    except ValueError:
        return None


def _graph_size(store: Store, graph: str) -> int:
    """The number of triples in the named graph ``graph``, counted by the store (20× faster than iterating them)."""
    solutions = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(next(iter(solutions))["n"].value)
