"""Which graph a document is: one document, one graph, however its file is reached (docs/reliability.md, "One
document, one graph").

A document's IRI comes from its source URL when a manifest gives one, else from its path as given
(:func:`caregraph.iris.document_key`). The build settles the other cases against what the store holds:

- the same bytes as a stored document, in a file of the same name: the same document reached by another path
  (``data/`` and ``$PWD/data``, another working folder, without the manifest that gave its URL): unchanged;
- the same bytes in a file of another name: a copy, reported and not added;
- the same file name and bytes but a new URL (a corrected manifest row), or a changed file the store knows by
  another path: the new graph replaces the old one.

:func:`remove_documents`, :func:`prune_missing` and :func:`clear_documents` drop graphs on request.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from caregraph import iris
from caregraph.pipeline.load import Source
from caregraph.pipeline.load.files import Resolver
from caregraph.store import Store

# Graphs a rebuild keeps: Ofsted's official outcomes are imported, not built from the documents.
KEPT_BY_REBUILD = ("ofsted",)


def _real(path: str | os.PathLike[str]) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


class Identities:
    """The store's documents by content and by file, and what this build decided about each source. What it
    knows of the stored files is read and indexed when first needed: a document unchanged by its hash needs none
    of it."""

    def __init__(
        self, known: dict[str, str], files: Callable[[], dict[str, tuple[str, str | None]]] | None = None
    ) -> None:
        """``known``: the stored documents' hashes by IRI (``""`` for one that must be built again whatever its
        bytes); ``files``: a function giving each stored document's file (``Store.document_files``), called once,
        when first needed."""
        self.known = known
        self._files = files
        self._stored: dict[str, tuple[str, str | None]] | None = None
        self._by_sha: dict[str, list[tuple[str, str | None]]] | None = None
        self._by_real: dict[str, str] | None = None
        self._resolver = Resolver(_real)  # this build's: each folder resolved once
        self.this_build: dict[str, tuple[str, str]] = {}  # sha256 → (IRI, file) of the sources of this build
        self.replaces: dict[str, str] = {}  # new IRI → the old IRI it replaces once built
        self.built: set[str] = set()

    @property
    def stored(self) -> dict[str, tuple[str, str | None]]:
        """IRI → (hash as in ``known``, file) of every stored document."""
        if self._stored is None:
            files = self._files() if self._files is not None else {}
            self._stored = {name: (sha, (files.get(name) or ("", None))[1]) for name, sha in self.known.items()}
        return self._stored

    @property
    def by_sha(self) -> dict[str, list[tuple[str, str | None]]]:
        """The stored documents by hash: (IRI, file) of each."""
        if self._by_sha is None:
            self._by_sha = {}
            for name, (sha, file) in self.stored.items():
                self._by_sha.setdefault(sha, []).append((name, file))
        return self._by_sha

    @property
    def by_real(self) -> dict[str, str]:
        """The stored documents by their file's resolved path (the first of each)."""
        if self._by_real is None:
            self._by_real = {}
            for name, (_, file) in self.stored.items():
                if file:
                    self._by_real.setdefault(self._resolver.real(file), name)
        return self._by_real

    def claim(self, name: str, digest: str | None, source: Source) -> None:
        if digest is not None:
            self.this_build.setdefault(digest, (name, source.name))

    def settle(self, name: str, digest: str | None, source: Source):
        """``"unchanged"``, a :class:`~caregraph.pipeline.build.Failure` naming the document it copies, or None
        (build it; the graph it replaces, if any, is noted)."""
        from caregraph.pipeline.build import Failure

        if digest is not None:
            if digest in self.this_build and self.this_build[digest][0] != name:
                first = self.this_build[digest][1]
                return Failure(source.name, f"the same bytes as {first}, built in this run; not added")
            for old, file in self.by_sha.get(digest, []):
                if old == name:
                    continue
                if file is None or Path(file).name == source.path.name:
                    if source.url is None or old == iris.document_iri(source.url):
                        self.claim(old, digest, source)
                        return "unchanged"  # the same document, known by its URL or reached by another path
                    self.replaces[name] = old  # its manifest row gives a new URL
                    break
                return Failure(source.name, f"the same bytes as {file}, already in the store; not added")
        same_file = self.by_real.get(self._resolver.real(source.path))
        if same_file is not None and same_file != name:
            self.replaces.setdefault(name, same_file)
        self.claim(name, digest, source)
        return None

    def superseded(self) -> list[str]:
        """The old graphs whose documents were built under their new IRI in this build."""
        return sorted({old for new, old in self.replaces.items() if new in self.built and old not in self.built})


def clear_documents(store: Store) -> list[str]:
    """Drop every graph but the reference graphs and those of :data:`KEPT_BY_REBUILD` (``build --rebuild``); return
    the graphs dropped."""
    kept = {iris.graph_iri(name) for name in KEPT_BY_REBUILD}
    dropped = [name for name in store.graph_names() if name not in kept]
    for name in dropped:
        store.remove_document(name)
    if store.has_default_graph():
        store.update("DROP SILENT DEFAULT")
    return dropped


def _under(real: str, folders: list[str]) -> bool:
    return any(real == f or real.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def prune_missing(store: Store, paths: Iterable[str | os.PathLike[str]], exclude: Iterable[str] = ()) -> list[str]:
    """Drop the graphs of documents whose file lies under one of ``paths`` and no longer exists (``build --prune``);
    return their IRIs. A stored file name is resolved from the working folder, as it was given to the build."""
    folders = [_real(p) for p in paths]
    skip = set(exclude)
    gone = []
    for name, (_, file) in sorted(store.document_files().items()):
        if name in skip or not file:
            continue
        real = _real(file)
        if _under(real, folders) and not os.path.lexists(real):
            store.remove_document(name)
            gone.append(name)
    return gone


def remove_documents(store: Store, targets: Iterable[str]) -> tuple[list[str], list[str]]:
    """Drop documents named by IRI, by file (as given to the build, or any path to the same file), or by an existing
    file's bytes (``caregraph remove DOC|FILE…``); return (IRIs removed, targets that matched no document). The
    dataset description is rewritten when anything was removed."""
    import hashlib

    from caregraph.dataset import describe_dataset

    stored = store.document_files()
    removed: list[str] = []
    unmatched: list[str] = []
    for target in targets:
        matches = [target] if target in stored else []
        if not matches:
            real = _real(target)
            matches = [name for name, (_, file) in stored.items() if file and _real(file) == real]
        if not matches and os.path.isfile(target):
            with open(target, "rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
            matches = [name for name, (sha, _) in stored.items() if sha == digest]
        if not matches:
            unmatched.append(target)
            continue
        for name in matches:
            if name not in removed:
                store.remove_document(name)
                removed.append(name)
    if removed:
        from caregraph.pipeline.reconcile import refresh_links

        refresh_links(store)  # the links to Ofsted's record follow the documents
        describe_dataset(store)
    return removed, unmatched
