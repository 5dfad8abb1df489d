"""The file system side of loading: resolving paths, what cannot be a document, OS errors as one line, and
reading bytes within a limit."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from caregraph.errors import LoadError

# ---------------------------------------------------------------------------------------------------- reading


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _inside(real: Path, folder: Path) -> bool:
    """Whether the resolved path ``real`` is ``folder`` (resolved) or lies under it."""
    try:
        return os.path.commonpath([real, folder]) == str(folder)
    except ValueError:  # different drives
        return False


def _first_visit(path: Path, seen: set[tuple[int, int]]) -> bool:
    try:
        st = path.stat()
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


def _not_a_document(path: Path) -> str | None:
    """Why ``path`` cannot be read as a document without opening it (None when it is a regular file, or when only
    opening it will tell, e.g. permissions)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return _os_problem(path, exc)
    if stat.S_ISDIR(st.st_mode):
        return "is a folder, not a file"
    if not stat.S_ISREG(st.st_mode):
        kind = next((label for test, label in _KINDS if test(st.st_mode)), "not a regular file")
        return f"not a regular file ({kind}); caregraph reads files only"
    return None


def _os_problem(path: Path, exc: OSError) -> str:
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
