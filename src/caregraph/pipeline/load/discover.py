"""Finding the documents: walking folders (symbolic-link loops followed once, links outside the folder refused unless
asked), applying a manifest, and naming what cannot be a document."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from caregraph.errors import LoadError, ManifestError
from caregraph.pipeline.load.files import _first_visit, _inside, _not_a_document, _os_problem, _real
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
    rows: dict[Path, Source] = {}
    if manifest is not None:
        problem = _not_a_document(Path(manifest))
        if problem:
            raise ManifestError(f"{manifest}: cannot read manifest ({problem}); nothing was built")
        for item in _manifest_items(manifest, None if follow_outside else _real(Path(manifest).parent)):
            if isinstance(item, LoadError):
                yield item
            else:
                rows[_real(item.path)] = item
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, rows, seen_files, follow_outside)
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
                meta = rows.get(_real(path))
                yield meta if meta is not None else Source(path, os.path.normpath(str(given)))
        else:
            yield LoadError(str(given), _not_a_document(path) or "no such file or folder")
    for _path, source in rows.items():  # manifest rows not reached through the paths
        problem = _not_a_document(source.path)
        if problem:
            yield LoadError(source.name, problem)
        elif _first_visit(source.path, seen_files):
            yield source


def _manifest_items(manifest: str | os.PathLike[str], within: Path | None) -> list[Source | LoadError]:
    """The rows of a manifest; a manifest that cannot be used at all is one :class:`LoadError`, not the end."""
    try:
        return read_manifest(manifest, within=within)
    except ManifestError as exc:
        where, _, problem = str(exc).partition(": ")
        return [LoadError(where, problem or str(exc))]


_OUTSIDE = "symbolic link to {what} outside the folder being built ({target}); give --follow-outside to read it"


def _walk(
    root: Path, rows: dict[Path, Source], seen_files: set[tuple[int, int]], follow_outside: bool = False
) -> Iterator[Source | LoadError | Skipped]:
    seen_dirs: set[tuple[int, int]] = set()
    problems: list[LoadError] = []
    boundary = None if follow_outside else _real(root)

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
                real = _real(folder / name)
                if not _inside(real, boundary):
                    dirnames.remove(name)
                    yield LoadError(os.path.normpath(str(folder / name)), _OUTSIDE.format(what="a folder", target=real))
        if MANIFEST_NAME in filenames:
            for item in _manifest_items(folder / MANIFEST_NAME, boundary):
                if isinstance(item, LoadError):
                    yield item
                else:
                    rows.setdefault(_real(item.path), item)
        for name in sorted(filenames):
            path = folder / name
            if path.suffix.lower() not in FORMATS:
                if name != MANIFEST_NAME and not name.startswith("."):
                    shown = os.path.normpath(str(path))
                    yield Skipped(shown, f"unsupported format {path.suffix or '(no extension)'!r}; not read")
                continue
            problem = _not_a_document(path)
            if problem:
                yield LoadError(os.path.normpath(str(path)), problem)
                continue
            if boundary is not None and not _inside(real := _real(path), boundary):
                yield LoadError(os.path.normpath(str(path)), _OUTSIDE.format(what="a file", target=real))
                continue
            if not _first_visit(path, seen_files):
                continue
            meta = rows.get(_real(path))
            yield meta if meta is not None else Source(path, os.path.normpath(str(path)))
    yield from problems
