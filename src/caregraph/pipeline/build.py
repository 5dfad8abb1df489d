"""The build: load → segment → extract → map → store, for every document under the given paths.

One bad document never stops the others: its problem is recorded in the summary and the store keeps what it had.
An unchanged document (same SHA-256 under the same IRI) is skipped without being read again; a changed one replaces
its graph; ``rebuild=True`` starts from an empty store.

How it scales (docs/performance.md): the main process walks the sources, skips unchanged documents by their hash,
and hands the rest in chunks to ``jobs`` worker processes, at most a few chunks ahead (so memory stays bounded
however large the corpus). A worker loads, segments, extracts and maps a document and returns its graph as
N-Triples bytes. The main process writes new documents in batches, one transaction per batch (all or nothing, so
every document is either complete or absent), and replaces each changed document in its own transaction.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice

import pyoxigraph as ox

from caregraph import keys
from caregraph.errors import LoadError
from caregraph.interop.export import DATASET_GRAPH, dataset_iri, describe_dataset
from caregraph.pipeline.load import DEFAULT_MAX_BYTES, Source, iter_sources, load
from caregraph.records import Extraction
from caregraph.store import Store, graph_ntriples

# Batching and parallelism. A chunk is the unit of work sent to a worker; a batch is the unit written in one
# transaction. Below SERIAL_BELOW documents to build, starting worker processes costs more than it saves.
CHUNK = 16
BATCH_DOCUMENTS = 512
BATCH_BYTES = 8 << 20
SERIAL_BELOW = 48
# RocksDB keeps recent writes in memory, per column family, until a table fills: 2.3 GB of RSS in the writer at
# 10k documents without this. Flushing after this many bytes of new graphs keeps it to a few hundred MB
# (docs/performance.md, "Memory").
FLUSH_BYTES = 32 << 20


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
    quads: int = 0  # quads in the store after the build
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def seen(self) -> int:
        return self.read + self.unchanged + self.failed


Progress = Callable[[Source | LoadError, str], None]


def source_key(source: Source) -> str:
    """What names a document: its URL when the manifest gives one, else its normalised path."""
    return source.url or source.name


def fingerprint(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """SHA-256 of the file's bytes, or None when it cannot be read (``load`` will say why)."""
    try:
        if source.path.stat().st_size > max_bytes:
            return None
        h = hashlib.sha256()
        with source.path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


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


def build_document(source: Source, name: str, max_bytes: int, built_at: datetime) -> Outcome:
    """Load, segment, extract and map one document; its graph as N-Triples bytes, or why it failed."""
    from caregraph.pipeline.mapping import document_iri, to_triples

    try:
        extraction = process(source, max_bytes)
        triples = to_triples(extraction, built_at)
        if str(document_iri(extraction.document)) != name:
            raise AssertionError(f"document IRI {document_iri(extraction.document)} is not {name}")
        return "ok", graph_ntriples(triples)
    except LoadError as exc:
        return "failed", Failure(exc.path, exc.problem)
    except Exception as exc:  # a bug must not stop the other documents
        return "failed", Failure(
            source.name, f"internal error while extracting ({type(exc).__name__}: {exc}); please report it"
        )


def _build_chunk(tasks: list[tuple[Source, str]], max_bytes: int, built_at: datetime) -> list[Outcome]:
    return [build_document(source, name, max_bytes, built_at) for source, name in tasks]


# ---------------------------------------------------------------------------------------------- the pipeline

Task = tuple[Source, str]  # a source to build and its document IRI


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


def _mp_context():
    # fork starts workers in milliseconds with the rules already compiled; spawn elsewhere (and on macOS, where
    # fork is unsafe).
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _die_with_parent(parent: int) -> None:
    """Worker initializer: on Linux, have the kernel kill this worker when the build process dies (even by
    SIGKILL), so a killed build leaves no idle workers behind (docs/reliability.md)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)


def _pool(jobs: int) -> ProcessPoolExecutor:
    import caregraph.pipeline.extract
    import caregraph.pipeline.mapping  # noqa: F401

    return ProcessPoolExecutor(jobs, mp_context=_mp_context(), initializer=_die_with_parent, initargs=(os.getpid(),))


def _outcomes(tasks: Iterator[Task], jobs: int, max_bytes: int, built_at: datetime) -> Iterator[tuple[Task, Outcome]]:
    """Build every task, in ``jobs`` processes when worth it; yield (task, outcome) in task order.

    At most ``2 × jobs + 2`` chunks are in flight, so neither the tasks nor the results pile up in memory. A worker
    that dies (killed, out of memory) fails the documents of the chunk it held; the build goes on in a new pool."""
    head = list(islice(tasks, SERIAL_BELOW))
    if jobs <= 1 or len(head) < SERIAL_BELOW:
        for task in head:
            yield task, build_document(*task, max_bytes, built_at)
        for task in tasks:
            yield task, build_document(*task, max_bytes, built_at)
        return
    chunks = _chunks(_chain(head, tasks), CHUNK)
    window: deque[tuple[list[Task], Future]] = deque()
    pool = _pool(jobs)
    try:
        while True:
            while len(window) < 2 * jobs + 2:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                window.append((chunk, pool.submit(_build_chunk, chunk, max_bytes, built_at)))
            if not window:
                return
            chunk, future = window.popleft()
            try:
                results = future.result()
            except BrokenProcessPool as exc:
                problem = f"the extraction worker stopped ({exc or 'killed'}) while building this document or one near it; rebuild with --jobs 1 to find which"
                results = [("failed", Failure(source.name, problem)) for source, _ in chunk]
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(jobs)
                pending = [c for c, _ in window]
                window.clear()
                for c in pending:
                    window.append((c, pool.submit(_build_chunk, c, max_bytes, built_at)))
            yield from zip(chunk, results, strict=False)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


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
    sources: list[Source | LoadError] | None = None,
    jobs: int | None = None,
    bulk: bool = False,
) -> BuildSummary:
    """Build every document under ``paths`` (and in ``manifest``) into ``store``; return what happened.

    ``jobs`` worker processes extract documents in parallel (default: one per CPU; 1 builds in this process).
    ``progress`` is called once per document with its source (or load error) and ``built``, ``unchanged`` or
    ``failed``; documents that are built are reported when they are written, not necessarily in source order.

    ``bulk=True`` writes new documents with Oxigraph's bulk loader (about 3× less work, for first builds of large
    corpora) instead of one transaction per batch: a build killed midway may then leave documents part-written,
    without their hash, and the next build replaces them whole. Changed documents are always replaced in one
    transaction."""
    started = datetime.now(UTC)
    summary = BuildSummary()
    if rebuild:
        store.clear()
    store.ensure_reference_graphs()
    known = store.documents()
    # Graphs of documents without their hash (cut short by a killed --bulk build) are replaced, never added to.
    present = known.keys() | store.document_graphs()
    built_at = started.replace(microsecond=0)
    items = sources if sources is not None else iter_sources(paths, manifest)
    jobs = default_jobs() if jobs is None else max(1, jobs)

    def report(item: Source | LoadError, status: str) -> None:
        if progress:
            progress(item, status)

    def fail(item: Source | LoadError, failure: Failure) -> None:
        summary.failures.append(failure)
        report(item, "failed")

    def tasks() -> Iterator[Task]:
        """The documents to build; load errors, duplicates and unchanged documents are settled on the way."""
        seen_iris: set[str] = set()
        for item in items:
            if isinstance(item, LoadError):
                fail(item, Failure(item.path, item.problem))
                continue
            name = keys.document_iri(source_key(item))
            if name in seen_iris:
                fail(item, Failure(item.name, "the same document (URL or path) is listed twice; built once"))
                continue
            seen_iris.add(name)
            digest = fingerprint(item, max_bytes)
            if digest is not None and known.get(name) == digest:
                summary.unchanged += 1
                report(item, "unchanged")
                continue
            yield item, name

    batch: list[tuple[Source, str, bytes]] = []
    batch_bytes = 0
    unflushed = 0

    def flush() -> None:
        nonlocal batch_bytes, unflushed
        if batch:
            _write_new(store, batch, summary, report, fail, bulk)
        unflushed += batch_bytes
        if unflushed >= FLUSH_BYTES:
            store.ox.flush()
            unflushed = 0
        batch.clear()
        batch_bytes = 0

    for (source, name), (status, payload) in _outcomes(tasks(), jobs, max_bytes, built_at):
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
    changed = bool(
        summary.read
        or rebuild
        or not store.ox.contains_named_graph(ox.NamedNode(DATASET_GRAPH))
        or _description_stale(store)
    )
    if changed:
        # The VoID/DCAT description in graph …/graph/dataset (caregraph.interop.export). It counts the whole store, so an
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


def _write_new(
    store: Store, batch: list[tuple[Source, str, bytes]], summary: BuildSummary, report, fail, bulk: bool = False
) -> None:
    """Add a batch of new documents in one transaction (or with the bulk loader); if the store refuses it, write
    them one by one, each replacing whatever part of it got in, so a bad document fails alone."""
    try:
        (store.bulk_add_ntriples if bulk else store.add_ntriples)([(name, nt) for _, name, nt in batch])
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


_VOID_TRIPLES = ox.NamedNode("http://rdfs.org/ns/void#triples")
_MODIFIED = ox.NamedNode("http://purl.org/dc/terms/modified")


def _description_stale(store: Store) -> bool:
    """True when a document graph was written at or after the dataset description's time: a build was killed
    between writing documents and rewriting the description, so the next build must rewrite it (docs/reliability.md)."""
    stamps = list(store.ox.quads_for_pattern(ox.NamedNode(dataset_iri()), _MODIFIED, None, ox.NamedNode(DATASET_GRAPH)))
    if len(stamps) != 1 or not isinstance(stamps[0].object, ox.Literal):
        return True
    stamp = stamps[0].object.value
    if not stamp or any(c not in "0123456789-:T+Z." for c in stamp):
        return True
    query = f'ASK {{ GRAPH ?d {{ ?d <http://www.w3.org/ns/prov#generatedAtTime> ?t }} FILTER(?t >= "{stamp}"^^<http://www.w3.org/2001/XMLSchema#dateTime>) }}'
    return bool(store.ox.query(query))


def _described_size(store: Store) -> int | None:
    """The store's quad count from its dataset description (which counts every named graph but itself) plus the
    description's own size, when the default graph is empty; None when there is no such count."""
    if next(iter(store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        return None
    graph = ox.NamedNode(DATASET_GRAPH)
    counted = [q.object for q in store.ox.quads_for_pattern(ox.NamedNode(dataset_iri()), _VOID_TRIPLES, None, graph)]
    if len(counted) != 1:
        return None
    try:
        return int(counted[0].value) + sum(1 for _ in store.ox.quads_for_pattern(None, None, None, graph))
    except ValueError:
        return None
