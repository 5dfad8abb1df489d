"""Writing a file the user named (``--out``): the one helper every writer uses (export, export-graph, viz pages).

It does what a shell's ``> PATH`` does, and is atomic where it can be:

* a **regular file**, new or existing, is written to a temporary file beside it and renamed over it once complete,
  so a failed or interrupted write leaves the old file (or nothing). A new file gets the usual mode (``0666`` less
  the umask); an existing one keeps its mode (and its owner and group, where this process may set them);
* a **read-only file** (one this process may not write, or with no write bit at all, which root would otherwise
  ignore) is refused, never replaced behind the user's back;
* a **symbolic link** is followed: the file it points to is written and the link stays a link (a dangling link
  creates its target, as ``>`` does);
* anything that is **not a regular file** — ``/dev/null``, ``/dev/full``, a terminal, a named pipe — is written in
  place, never replaced by a regular file; ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` write to that open
  file descriptor (so ``-o /dev/stdout >> log`` appends); a folder is refused.

Every problem is an :class:`OutputError` naming the path (docs/reliability.md, "Output files").
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from caregraph.errors import CaregraphError

__all__ = ["OutputError", "is_special", "output_file", "write_output"]


class OutputError(CaregraphError):
    """An output file cannot be written (names the path and the reason)."""


# /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the process's own open file descriptors.
_OWN_FD = re.compile(r"^/(?:dev/(?:fd/(\d+)|(stdout)|(stderr))|proc/self/fd/(\d+))$")


def _own_fd(path: Path) -> int | None:
    m = _OWN_FD.match(os.path.normpath(str(path)))
    if m is None:
        return None
    if m.group(2):
        return 1
    if m.group(3):
        return 2
    return int(m.group(1) or m.group(4))


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "read-only file system"
    return exc.strerror or str(exc)


@contextmanager
def output_file(path: str | os.PathLike[str], *, make_parents: bool = False) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through, committed when the ``with`` block ends without an exception
    (see the module's description). ``make_parents`` creates missing parent folders. Raises :class:`OutputError`."""
    target = Path(path)
    own = _own_fd(target)
    if own is not None:
        try:
            stream: BinaryIO = os.fdopen(os.dup(own), "wb")
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {_reason(exc)}") from None
        with _converted(target), stream:
            yield stream
        return
    try:
        st: os.stat_result | None = os.stat(target)  # follows symbolic links
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {_reason(exc)}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {target}: it is a folder; give a file name")
    if st is not None and not stat.S_ISREG(st.st_mode):
        with _converted(target), _in_place(target, truncate=False) as device:
            yield device
        return
    real = Path(os.path.realpath(target))
    if st is not None and (not os.access(real, os.W_OK) or not st.st_mode & 0o222):
        raise OutputError(f"cannot write {target}: the file is read-only (make it writable, or choose another file)")
    if make_parents:
        try:
            real.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the folder {real.parent}: {_reason(exc)}") from None
    try:
        tmp, fd = _temporary(real, st)
    except OSError as exc:
        if st is None or exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise OutputError(f"cannot write {target}: {_reason(exc)}") from None
        # A writable file in a folder we may not add to: write it in place, as a shell would (not atomic).
        with _converted(target), _in_place(real, truncate=True) as same:
            yield same
        return
    try:
        with _converted(target), os.fdopen(fd, "wb") as fh:
            yield fh
        with _converted(target):
            os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _temporary(real: Path, st: os.stat_result | None) -> tuple[Path, int]:
    """A new temporary file beside ``real``: the usual mode for a new file (the kernel applies the umask), the
    existing file's mode, owner and group for a replacement."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = real.parent / f".{real.name}.{secrets.token_hex(4)}.part"
        try:
            fd = os.open(tmp, flags, 0o666 if st is None else 0o600)
        except FileExistsError:
            continue
        if st is not None:
            try:
                if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                    os.fchown(fd, st.st_uid, st.st_gid)
            except (OSError, AttributeError):
                pass  # not ours to give away: the new file belongs to this user, like any file it writes
            os.fchmod(fd, stat.S_IMODE(st.st_mode))
        return tmp, fd
    raise OSError(errno.EEXIST, "cannot make a temporary file name")


@contextmanager
def _in_place(path: Path, *, truncate: bool) -> Iterator[BinaryIO]:
    flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | (os.O_TRUNC if truncate else 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from None
    with os.fdopen(fd, "wb") as fh:
        yield fh


@contextmanager
def _converted(target: Path) -> Iterator[None]:
    """OS errors while writing ``target`` as :class:`OutputError` (other exceptions pass unchanged)."""
    try:
        yield
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {_reason(exc)}") from None


def is_special(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names something written in place: a device, a named pipe, a terminal, ``/dev/stdout``."""
    if _own_fd(Path(path)) is not None:
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_output(data: bytes, path: str | os.PathLike[str], *, make_parents: bool = False) -> Path:
    """Write ``data`` to ``path`` as :func:`output_file` does; return the path written (absolute, links resolved;
    as given for a device or descriptor)."""
    with output_file(path, make_parents=make_parents) as fh:
        fh.write(data)
    target = Path(path)
    if _own_fd(target) is not None:
        return target
    try:
        return target.resolve()
    except OSError:
        return target.absolute()
