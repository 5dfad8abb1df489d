"""Finding the documents: walking folders (symbolic-link loops followed once, links outside the folder refused unless
asked), applying a manifest, and naming what cannot be a document."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from caregraph.errors import LoadError, ManifestError
from caregraph.pipeline.load.files import Resolver, _first_visit, _inside, _look, _not_a_document, _os_problem
from caregraph.pipeline.load.manifest import read_manifest
from caregraph.pipeline.load.sources import FORMATS, MANIFEST_NAME, Skipped, Source

# ---------------------------------------------------------------------------------------------------- discovery


def iter_sources(
    paths: Iterable[str | os.PathLike[str]],
    manifest: str | os.PathLike[str] | None = None,
    *,
    follow_outside: bool = False,
) -> Iterator[Source | LoadError | Skipped]:
    """Yield every document under ``paths`` (files and folders, recursively) and every row of ``manifest``.

    ``manifest`` must exist: a missing one raises :class:`ManifestError` before anything is yielded (a build must not
    go on without the URLs that name its documents). Files of formats caregraph does not read, met in folders, are
    yielded as :class:`Skipped` (hidden files and ``manifest.csv`` are not mentioned).

    A folder holding a ``manifest.csv`` takes URLs and other metadata from it. Symbolic links are followed, but a
    folder is never entered twice, so a link loop ends. Files of unknown formats inside folders are passed over;
    named explicitly, they are an error. A file is yielded once, whichever way it was reached. Anything that cannot
    be a document — a broken or looping symbolic link, a named pipe or device, a manifest that cannot be used — is
    yielded as a :class:`LoadError` and the walk goes on; nothing here blocks or reads a file's content.

    Nothing outside what was named is read unless ``follow_outside``: a symbolic link inside a folder being built
    that leads out of it, and a manifest row naming a file outside the folder being built (for ``manifest``, outside
    the manifest's own folder), are refused with a :class:`LoadError` each (docs/reliability.md).
    """
    seen_files: set[tuple[int, int]] = set()
    resolver = Resolver()  # this walk's: every folder resolved once
    rows: dict[str, Source] = {}  # manifest rows by their file's resolved path
    done: set[str] = set()  # the rows yielded on the way
    if manifest is not None:
        problem = _not_a_document(Path(manifest))
        if problem:
            raise ManifestError(f"{manifest}: cannot read manifest ({problem}); nothing was built")
        within = None if follow_outside else resolver.folder(os.fspath(Path(manifest).parent))
        for item in _manifest_items(manifest, within, resolver):
            if isinstance(item, LoadError):
                yield item
            else:
                rows[resolver.real(item.path)] = item
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, rows, seen_files, follow_outside, resolver, done)
        elif path.exists():
            if path.suffix.lower() not in FORMATS:
                yield LoadError(
                    str(given),
                    f"unsupported format {path.suffix or '(no extension)'!r}; caregraph reads {', '.join(sorted(FORMATS))}",
                )
                continue
            problem = _not_a_document(path)
            if problem:
                yield LoadError(os.path.normpath(str(given)), problem)
            elif _first_visit(path, seen_files):
                yield _row(rows, resolver.real(path), done) or Source(path, os.path.normpath(str(given)))
        else:
            yield LoadError(str(given), _not_a_document(path) or "no such file or folder")
    for key, source in rows.items():  # manifest rows not reached through the paths
        if key in done:
            continue  # yielded already (so seen: it would not be yielded again)
        problem, st, _ = _look(source.path)
        if problem:
            yield LoadError(source.name, problem)
        elif _first_visit(source.path, seen_files, st):
            yield source


def _suffix(name: str) -> str:
    """``Path(name).suffix``, without making a path."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _row(rows: dict[str, Source], real: str, done: set[str]) -> Source | None:
    """The manifest row of the file resolved at ``real``, noted as yielded; None without one."""
    meta = rows.get(real)
    if meta is not None:
        done.add(real)
    return meta


def _manifest_items(
    manifest: str | os.PathLike[str], within: str | None, resolver: Resolver | None = None
) -> list[Source | LoadError]:
    """The rows of a manifest; a manifest that cannot be used at all is one :class:`LoadError`, not the end."""
    try:
        return read_manifest(manifest, within=within, resolver=resolver)
    except ManifestError as exc:
        where, _, problem = str(exc).partition(": ")
        return [LoadError(where, problem or str(exc))]


_OUTSIDE = "symbolic link to {what} outside the folder being built ({target}); give --follow-outside to read it"


def _walk(
    root: Path,
    rows: dict[str, Source],
    seen_files: set[tuple[int, int]],
    follow_outside: bool = False,
    resolver: Resolver | None = None,
    done: set[str] | None = None,
) -> Iterator[Source | LoadError | Skipped]:
    resolver = resolver or Resolver()
    done = set() if done is None else done
    seen_dirs: set[tuple[int, int]] = set()
    problems: list[LoadError] = []
    boundary = None if follow_outside else resolver.folder(os.fspath(root))

    def onerror(exc: OSError) -> None:  # a folder that cannot be listed
        where = exc.filename or str(root)
        problems.append(
            LoadError(os.path.normpath(str(where)), f"cannot list folder ({_os_problem(Path(where), exc)})")
        )

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        yield from problems
        problems.clear()
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:  # a symlink loop, or the same folder reached twice
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames.sort()
        folder = Path(dirpath)
        if boundary is not None:
            for name in list(dirnames):
                target = resolver.real(os.path.join(dirpath, name))
                if not _inside(target, boundary):
                    dirnames.remove(name)
                    yield LoadError(
                        os.path.normpath(str(folder / name)), _OUTSIDE.format(what="a folder", target=target)
                    )
        if MANIFEST_NAME in filenames:
            for item in _manifest_items(folder / MANIFEST_NAME, boundary, resolver):
                if isinstance(item, LoadError):
                    yield item
                else:
                    rows.setdefault(resolver.real(item.path), item)
        for name in sorted(filenames):
            suffix = _suffix(name)
            if suffix.lower() not in FORMATS:
                if name != MANIFEST_NAME and not name.startswith("."):
                    shown = os.path.normpath(os.path.join(dirpath, name))
                    yield Skipped(shown, f"unsupported format {suffix or '(no extension)'!r}; not read")
                continue
            text = os.path.join(dirpath, name)
            problem, fst, lst = _look(text)
            if problem:
                yield LoadError(os.path.normpath(text), problem)
                continue
            real = None
            if boundary is not None and not _inside(real := resolver.real(text, lst), boundary):
                yield LoadError(os.path.normpath(text), _OUTSIDE.format(what="a file", target=real))
                continue
            if not _first_visit(text, seen_files, fst):
                continue
            meta = _row(rows, real or resolver.real(text, lst), done) if rows else None
            yield meta if meta is not None else Source(folder / name, os.path.normpath(text))
    yield from problems
