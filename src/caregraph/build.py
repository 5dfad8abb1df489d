"""The build: load → segment → extract → map → store, for every document under the given paths.

One bad document never stops the others: its problem is recorded in the summary and the store keeps what it had.
An unchanged document (same SHA-256 under the same IRI) is skipped without being read again; a changed one replaces
its graph; ``rebuild=True`` starts from an empty store.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from caregraph import iris
from caregraph.errors import LoadError
from caregraph.extract import extract
from caregraph.load import DEFAULT_MAX_BYTES, Source, iter_sources, load
from caregraph.mapping import document_iri, to_graph
from caregraph.records import Extraction
from caregraph.segment import segment
from caregraph.store import Store


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
    return extract(segment(load(source, max_bytes)))


def build(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    manifest: str | os.PathLike[str] | None = None,
    rebuild: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    sources: list[Source | LoadError] | None = None,
) -> BuildSummary:
    """Build every document under ``paths`` (and in ``manifest``) into ``store``; return what happened."""
    started = datetime.now(timezone.utc)
    summary = BuildSummary()
    if rebuild:
        store.clear()
    store.ensure_reference_graphs()
    known = store.documents()
    built_at = started.replace(microsecond=0)
    items = sources if sources is not None else iter_sources(paths, manifest)
    seen_iris: set[str] = set()
    for item in items:
        if isinstance(item, LoadError):
            summary.failures.append(Failure(item.path, item.problem))
            if progress:
                progress(item, "failed")
            continue
        name = str(iris.document(source_key(item)))
        if name in seen_iris:
            summary.failures.append(Failure(item.name, "the same document (URL or path) is listed twice; built once"))
            if progress:
                progress(item, "failed")
            continue
        seen_iris.add(name)
        digest = fingerprint(item, max_bytes)
        if digest is not None and known.get(name) == digest:
            summary.unchanged += 1
            if progress:
                progress(item, "unchanged")
            continue
        try:
            extraction = process(item, max_bytes)
            graph = to_graph(extraction, built_at)
        except LoadError as exc:
            summary.failures.append(Failure(exc.path, exc.problem))
            if progress:
                progress(item, "failed")
            continue
        except Exception as exc:  # a bug must not stop the other documents
            summary.failures.append(Failure(item.name, f"internal error while extracting ({type(exc).__name__}: {exc}); please report it"))
            if progress:
                progress(item, "failed")
            continue
        assert str(document_iri(extraction.document)) == name
        if name in known:
            store.replace_graph(name, graph)
            summary.replaced += 1
        else:
            store.add_graphs([(name, graph)])
            summary.added += 1
        summary.read += 1
        if progress:
            progress(item, "built")
    summary.quads = len(store)
    summary.seconds = (datetime.now(timezone.utc) - started).total_seconds()
    return summary
