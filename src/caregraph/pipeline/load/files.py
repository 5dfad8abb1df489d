"""The file system side of loading: resolving paths, what cannot be a document, OS errors as one line, and
reading bytes within a limit."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from caregraph.errors import LoadError

# ---------------------------------------------------------------------------------------------------- reading


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _real_str(path: str) -> str:
    return str(_real(Path(path)))


class Resolver:
    """The resolved paths of one discovery (or one build), as :func:`_real` gives them, at a system call or so a
    file: each folder is resolved once, and a file that is not a symbolic link is that folder and its name (a
    link is resolved in full). It remembers what it resolved while it lives: make one per walk (or per build), so
    that nothing goes stale between builds.

    ``slow`` resolves what the short way does not cover (a link, a path that cannot be looked at, ``..``); it
    defines the answer in those cases (the caller's own fallback when a path cannot be resolved)."""

    def __init__(self, slow: Callable[[str], str] = _real_str):
        self.slow = slow
        self._folders: dict[str, str] = {}
        self._files: dict[str, str] = {}  # a file met twice in one walk (its manifest row, then itself)

    def folder(self, folder: str) -> str:
        """The resolved path of ``folder`` (resolved once)."""
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = self.slow(folder)
        return real

    def real(self, path: str | os.PathLike[str], lst: os.stat_result | None = None) -> str:
        """The resolved path of ``path``; ``lst`` is its ``os.lstat`` when the caller has it."""
        text = os.fspath(path)
        real = self._files.get(text)
        if real is None:
            real = self._files[text] = self._resolve(text, lst)
        return real

    def _resolve(self, text: str, lst: os.stat_result | None) -> str:
        head, tail = os.path.split(text)
        if tail in ("", os.curdir, os.pardir):
            return self.slow(text)
        if lst is None:
            try:
                lst = os.lstat(text)
            except OSError:
                return self.slow(text)
        if stat.S_ISLNK(lst.st_mode):
            return self.slow(text)
        return os.path.join(self.folder(head or os.curdir), tail)


def _inside(real: str | Path, folder: str | Path) -> bool:
    """Whether the resolved path ``real`` is ``folder`` (resolved) or lies under it."""
    real, folder = os.fspath(real), os.fspath(folder)
    n = len(folder)
    if real.startswith(folder) and (len(real) == n or real[n] == os.sep) and folder == os.path.normpath(folder):
        return True  # the common case, decided as the full test below would decide it
    try:
        return os.path.commonpath([real, folder]) == folder
    except ValueError:  # different drives
        return False


def _first_visit(path: str | os.PathLike[str], seen: set[tuple[int, int]], st: os.stat_result | None = None) -> bool:
    if st is None:
        try:
            st = os.stat(path)
        except OSError:
            return True  # let load() report the problem
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _not_a_document(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be read as a document without opening it (None when it is a regular file, or when only
    opening it will tell, e.g. permissions)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return _os_problem(path, exc)
    return _kind_problem(st)


def _kind_problem(st: os.stat_result) -> str | None:
    """Why a file of this ``os.stat`` cannot be a document (None: a regular file)."""
    if stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISDIR(st.st_mode):
        return "is a folder, not a file"
    kind = next((label for test, label in _KINDS if test(st.st_mode)), "not a regular file")
    return f"not a regular file ({kind}); caregraph reads files only"


def _look(path: str | os.PathLike[str]) -> tuple[str | None, os.stat_result | None, os.stat_result | None]:
    """What :func:`_not_a_document` says of ``path``, its ``os.stat`` and its ``os.lstat`` (None when not known):
    one system call for a file that is not a symbolic link."""
    try:
        lst = os.lstat(path)
    except OSError:
        return _not_a_document(path), None, None
    if not stat.S_ISLNK(lst.st_mode):
        return _kind_problem(lst), lst, lst
    try:
        st = os.stat(path)
    except OSError as exc:
        return _os_problem(path, exc), None, lst
    return _kind_problem(st), st, lst


def _os_problem(path: str | os.PathLike[str], exc: OSError) -> str:
    """A short, human description of an OS error met on ``path``."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link points back at itself)"
    if exc.errno == errno.ENOENT and os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"broken symbolic link (points to {target!r}, which does not exist)"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot read ({exc.strerror or exc})"


def _read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` of them; :class:`LoadError` otherwise. Opens without
    blocking, so a named pipe that appeared since the walk is refused rather than waited on."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise LoadError(name, _os_problem(path, exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise LoadError(name, "is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            kind = next((label for test, label in _KINDS if test(st.st_mode)), "not a regular file")
            raise LoadError(name, f"not a regular file ({kind}); caregraph reads files only")
        if st.st_size > max_bytes:
            raise LoadError(
                name, f"file is {st.st_size:,} bytes, over the {max_bytes:,}-byte limit (raise it with --max-bytes)"
            )
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise LoadError(name, _os_problem(path, exc)) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > max_bytes:  # the file grew while we read it
        raise LoadError(name, f"file is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    return raw
