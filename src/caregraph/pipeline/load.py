"""Stage 1 — load: find the documents, read them, decode their text.

``iter_sources`` walks the paths and manifests given to ``build`` and yields a :class:`Source` per document (or a
:class:`~caregraph.errors.LoadError` for anything that cannot be one: a bad manifest row, a broken link, a named
pipe); ``load`` turns a source into a :class:`~caregraph.records.SourceDocument`. Text is UTF-8 (with or without a
BOM), UTF-16/32 with a BOM, UTF-16 without one, or Windows-1252 — byte run by byte run for files that mix UTF-8 and
Windows-1252; HTML is reduced to its visible text with block structure kept as line breaks (in the charset its
``<meta>`` names when it is not UTF-8); PDF gives its text layer.

Every problem is a :class:`~caregraph.errors.LoadError` naming the file; nothing here blocks, reads more than
``max_bytes``, or reaches the network (docs/reliability.md).
"""

from __future__ import annotations

import codecs
import csv
import errno
import hashlib
import io
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

from caregraph.errors import LoadError, ManifestError
from caregraph.records import PartialDate, SourceDocument

FORMATS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}
MANIFEST_NAME = "manifest.csv"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """A document to read: where it is on disk, the name it goes by, and what a manifest says of it."""

    path: Path
    name: str
    url: str | None = None
    council: str | None = None
    published: PartialDate | None = None


@dataclass(frozen=True)
class Skipped:
    """A file in a folder being built that caregraph passed over: not a format it reads (``.docx``, ``.xlsx``, …)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


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


# ---------------------------------------------------------------------------------------------------- manifest


def read_manifest(manifest: str | os.PathLike[str], *, within: Path | None = None) -> list[Source | LoadError]:
    """Read a manifest CSV: columns ``file`` (required, relative to the manifest), ``url``, ``council``,
    ``published`` (ISO date); further columns are ignored. Raises :class:`ManifestError` when the file cannot be
    used at all; a bad row becomes a :class:`LoadError` naming ``manifest:line``: among them a file of a format
    caregraph does not read, and (when ``within`` is given) a file that resolves outside the folder ``within``."""
    mpath = Path(manifest)
    problem = _not_a_document(mpath)
    if problem:
        raise ManifestError(f"{mpath}: cannot read manifest ({problem})")
    try:
        raw = _read_bytes(mpath, str(mpath), DEFAULT_MAX_BYTES)
    except LoadError as exc:
        raise ManifestError(f"{mpath}: cannot read manifest ({exc.problem})") from None
    try:
        text = decode(raw, str(mpath))
    except LoadError as exc:
        raise ManifestError(f"{mpath}: {exc.problem}") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        raise ManifestError(f"{mpath}:1: not a CSV file ({exc})") from None
    columns = [(c or "").strip().lower() for c in (header or [])]
    if "file" not in columns:
        raise ManifestError(
            f"{mpath}:1: manifest needs a 'file' column (found: {', '.join(repr(c) for c in columns) or 'no header'}); expected columns file,url[,council,published]"
        )
    reader.fieldnames = columns
    base = mpath.parent
    out: list[Source | LoadError] = []
    first_line: dict[str, int] = {}
    line = 1
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            out.append(
                LoadError(f"{mpath}:{reader.line_num}", f"cannot parse this row ({exc}); the rows after it are ignored")
            )
            break
        line = reader.line_num
        where = f"{mpath}:{line}"
        name = (row.get("file") or "").strip()
        if not name:
            if any((v or "").strip() for k, v in row.items() if k is not None):
                out.append(LoadError(where, "row has no file"))
            continue  # blank lines are allowed
        key = os.path.normpath(name)
        if key in first_line:
            out.append(
                LoadError(where, f"duplicate row for {name!r} (first at line {first_line[key]}); the first is used")
            )
            continue
        first_line[key] = line
        suffix = os.path.splitext(name)[1].lower()
        if suffix not in FORMATS:
            out.append(
                LoadError(
                    where,
                    f"unsupported format {suffix or '(no extension)'!r} for {name!r}; caregraph reads {', '.join(sorted(FORMATS))}",
                )
            )
            continue
        url = (row.get("url") or "").strip() or None
        if url is not None:
            url_problem = _url_problem(url)
            if url_problem:
                out.append(
                    LoadError(where, f"bad URL {url!r} for {name!r}: {url_problem}; expected an http(s) URL or nothing")
                )
                continue
        published = None
        if (row.get("published") or "").strip():
            try:
                published = PartialDate.parse(row["published"])
            except ValueError:
                out.append(
                    LoadError(
                        where,
                        f"bad published date {row['published'].strip()!r} for {name!r}; expected YYYY-MM-DD, YYYY-MM or YYYY",
                    )
                )
                continue
        path = base / name
        if within is not None and not _inside(_real(path), within):
            out.append(
                LoadError(
                    where, f"{name!r} is outside the folder being built ({within}); give --follow-outside to read it"
                )
            )
            continue
        problem = _not_a_document(path)
        if problem == "no such file or folder":
            out.append(LoadError(where, f"file not found: {name}"))
            continue
        if problem:
            out.append(LoadError(where, f"{name}: {problem}"))
            continue
        out.append(
            Source(path, os.path.normpath(str(path)), url, (row.get("council") or "").strip() or None, published)
        )
    return out


_URL_BAD_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f<>\"{}|\\^`\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def url_problem(url: str) -> str | None:
    """What is wrong with a URL caregraph is to store (a manifest's, a web link in Ofsted's table), or None. Only
    absolute http(s) URLs without spaces, quotes, angle brackets or control characters are taken; caregraph never
    fetches them."""
    try:
        parsed = urlparse(url)
        parsed.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f"cannot parse it ({exc})"
    if parsed.scheme.lower() not in {"http", "https"}:
        return f"scheme {parsed.scheme + ':' if parsed.scheme else '(none)'} is not http or https"
    if not parsed.hostname:
        return "it has no host"
    bad = _URL_BAD_CHARS.search(url)
    if bad:
        return f"it holds a character URLs may not hold ({bad.group(0)!r})"
    return None


_url_problem = url_problem


def _good_url(url: str) -> bool:
    return _url_problem(url) is None


# ---------------------------------------------------------------------------------------------------- reading


def load(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read one document; raise :class:`LoadError` naming the file and the problem.

    Never reads more than ``max_bytes`` (memory stays bounded), never blocks on a named pipe or device, and never
    fetches anything: an HTML page's scripts, styles, images and links are dropped, not followed."""
    name = source.name
    raw = _read_bytes(source.path, name, max_bytes)
    if not raw:
        raise LoadError(name, "empty file (0 bytes)")
    if not raw.strip():
        raise LoadError(name, "empty file (only white space)")
    fmt = FORMATS.get(source.path.suffix.lower(), "txt")
    title = None
    if fmt == "pdf":  # the one format whose text can be far larger than its file: capped at max_bytes characters
        text, title = pdf_to_text(raw, name, max_chars=max_bytes)
    elif fmt == "html":
        text, title = html_to_text(decode_html(raw, name))
    else:
        text = decode(raw, name)
    text = clean_text(text)
    title = _SPACES.sub(" ", clean_text(title)).strip() or None if isinstance(title, str) else None
    if not text.strip():
        raise LoadError(
            name, "no text in the document" + (" (only markup, scripts or styles)" if fmt == "html" else "")
        )
    return SourceDocument(
        path=name,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        format=fmt,
        size=len(raw),
        url=source.url,
        council=source.council,
        published=source.published,
        title=title,
    )


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


# ---------------------------------------------------------------------------------------------------- decoding

_BINARY_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"\xd0\xcf\x11\xe0",
    b"\x7fELF",
    b"Rar!",
    b"7z\xbc\xaf",
    b"BZh",
    b"\xfd7zXZ",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",
)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SAMPLE = 65536
# Windows-1252 for each byte 0x80–0xFF; its five undefined bytes are read as Latin-1 (C1 controls, removed later).
_CP1252 = [
    bytes([b]).decode("cp1252") if b not in {0x81, 0x8D, 0x8F, 0x90, 0x9D} else chr(b) for b in range(0x80, 0x100)
]


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """A codec error handler: bytes that are not UTF-8 are read as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(_CP1252[b - 0x80] if b >= 0x80 else chr(b) for b in bad), exc.end


codecs.register_error("caregraph-cp1252", _cp1252_fallback)


def decode(raw: bytes, name: str) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM, UTF-16 without one (told by
    its zero bytes), else Windows-1252 — byte run by byte run, so a file that mixes UTF-8 and Windows-1252 (even in
    one line) keeps both its ``’`` and its ``é``. Raises :class:`LoadError` for binary data."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            if encoding == "utf-8":
                raw = raw[len(bom) :]
                break
            try:
                return _checked(raw[len(bom) :].decode(encoding), name)
            except UnicodeDecodeError:
                raise LoadError(
                    name,
                    f"invalid {encoding.upper()[:6]} text (the file starts with a {encoding.upper()[:6]} byte-order mark)",
                ) from None
    guess = _utf16_without_bom(raw)
    if guess is not None:
        try:
            return _checked(raw.decode(guess), name)
        except (UnicodeDecodeError, LoadError):
            pass  # not UTF-16 after all: the checks below decide
    if raw.startswith(_BINARY_MAGIC) or b"\x00" in raw[:_SAMPLE]:
        raise LoadError(name, "binary data, not text (is the file extension right?)")
    return _checked(raw.decode("utf-8", errors="caregraph-cp1252"), name)


def _utf16_without_bom(raw: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the zero bytes say so (text mostly in Latin script has a zero byte in
    every other position), else None."""
    sample = raw[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(raw) % 2:
        return None
    half = len(sample) // 2
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    if odd_zero > 0.4 * half and even_zero < 0.05 * half:
        return "utf-16-le"
    if even_zero > 0.4 * half and odd_zero < 0.05 * half:
        return "utf-16-be"
    return None


_BINARY_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _checked(text: str, name: str) -> str:
    """``text``, unless it is mostly control characters — binary data decoded as if it were text."""
    sample = text[:_SAMPLE]
    bad = len(_BINARY_CHARS.findall(sample))
    if bad >= 8 and bad > 0.05 * len(sample):  # random bytes read as Windows-1252 are ~12 % control characters
        raise LoadError(name, "binary data, not text (is the file extension right?)")
    return text


_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:\-]{1,40})""",
    re.I,
)
# WHATWG: these labels mean Windows-1252.
_WINDOWS_1252_LABELS = {
    "latin1",
    "latin-1",
    "iso-8859-1",
    "iso8859-1",
    "iso_8859-1",
    "l1",
    "ascii",
    "us-ascii",
    "windows-1252",
    "cp1252",
    "x-cp1252",
    "cp819",
    "ibm819",
}


def decode_html(raw: bytes, name: str) -> str:
    """Decode an HTML page: a byte-order mark wins; then UTF-8 when the bytes are valid UTF-8 (pages labelled
    otherwise often are); then the charset its ``<meta>`` (or XML declaration) names; then as :func:`decode`."""
    if raw.startswith(tuple(bom for bom, _ in _BOMS)) or _utf16_without_bom(raw):
        return decode(raw, name)
    try:
        return (
            _checked(raw.decode("utf-8"), name)
            if not raw.startswith(_BINARY_MAGIC) and b"\x00" not in raw[:_SAMPLE]
            else decode(raw, name)
        )
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(raw[:4096])
    if m:
        label = (m.group(1) or m.group(2)).decode("ascii").lower()
        encoding = "cp1252" if label in _WINDOWS_1252_LABELS else label
        try:
            codec = codecs.lookup(encoding)
        except LookupError:
            codec = None
        if codec is not None and codec.name not in {
            "utf-8",
            "utf-16",
            "utf-32",
            "utf-16-le",
            "utf-16-be",
            "utf-32-le",
            "utf-32-be",
        }:
            if b"\x00" in raw[:_SAMPLE]:
                raise LoadError(name, "binary data, not text (is the file extension right?)")
            return _checked(_decode_declared(raw, codec, label, name), name)
    return decode(raw, name)


def _decode_declared(raw: bytes, codec: codecs.CodecInfo, label: str, name: str) -> str:
    """``raw`` in the charset a page declares; a :class:`LoadError` when that "charset" is a codec that does not
    decode text (``rot13``, ``zlib``, ``base64``, ``hex``…) or fails on these bytes."""
    problem = f"the page declares charset {label!r}, which is not a text encoding caregraph can decode; fix its <meta charset> or save it as UTF-8"
    if not getattr(codec, "_is_text_encoding", True) or codec.name in _NOT_CHARSETS:
        raise LoadError(name, problem)
    try:
        return raw.decode(codec.name, errors="caregraph-cp1252" if codec.name == "cp1252" else "replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        raise LoadError(name, problem) from None


# Text codecs Python has that no web page is written in: they interpret the bytes rather than decode a charset.
_NOT_CHARSETS = {"unicode-escape", "raw-unicode-escape", "undefined", "punycode", "idna", "utf-7"}


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Normalise line ends (``\\r\\n``, ``\\r``, U+2028/U+2029 become ``\\n``) and drop C0 and C1 control characters
    and stray byte-order marks; tabs and newlines stay. Bidi marks stay in the text (they can be meaningful) — the
    terminal output strips them, HTML output escapes everything."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _CONTROL.sub("", text)


# ---------------------------------------------------------------------------------------------------- HTML

_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}


class _TextExtractor(HTMLParser):
    """Visible text, block by block. Parses only: nothing the page links to (scripts, images, frames, styles) is
    fetched or run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []  # open tags whose content is not shown
        self.in_title = False
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and all(t == "head" for t in self.skip):
            self.in_title = True
        elif tag in _SKIP:
            self.skip.append(tag)
        elif tag in {"td", "th"}:
            self.parts.append(" | ")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in _BLOCK:
            self.parts.append("\n")
        if tag == "body" and self.skip == ["head"]:  # a page that never closes its <head>
            self.skip.clear()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "hr"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP:
            if tag in self.skip:  # close up to the matching open tag (markup is often broken)
                while self.skip and self.skip.pop() != tag:
                    pass
        elif tag in _BLOCK and tag not in {"td", "th"}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(_SPACES.sub(" ", data))

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # Python's parser asserts on an unknown marked section ("<![foo["); treat it as a bogus comment instead.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            j = self.rawdata.find(">", i)
            return -1 if j < 0 else j + 1


_SPACES = re.compile(r"\s+")
_RUNS = re.compile(r" {2,}")
_EOF_IN_MARKUP = re.compile(r"<[A-Za-z/!?]")


def html_to_text(html: str) -> tuple[str, str | None]:
    """The visible text of an HTML page, one block per line; and its ``<title>``.

    Scripts, styles and other non-visible elements are dropped, character references decoded, block elements become
    line breaks. Broken markup is read as a browser would: a tag, comment or declaration left open at the end of the
    file is dropped (HTML5), which also keeps the time linear on hostile input (Python's parser, before 3.12.11 /
    3.13.4, is quadratic on an unterminated tag at the end of its input)."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        tail = parser.rawdata
        if tail and _EOF_IN_MARKUP.match(tail):
            parser.rawdata = ""  # EOF inside a tag, comment or declaration
        parser.close()
    except Exception:  # the parser's own asserts on hostile input: fall back to dropping anything tag-like
        return _crude_text(html)
    lines = (_RUNS.sub(" ", line).strip(" ") for line in "".join(parser.parts).split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = _SPACES.sub(" ", "".join(parser.title)).strip() or None
    return text, title


def _crude_text(html: str) -> tuple[str, str | None]:
    import html as html_module

    text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]{0,10000}>", " ", html)
    return html_module.unescape(text).strip(), None


# ---------------------------------------------------------------------------------------------------- PDF


def pdf_to_text(raw: bytes, name: str, *, max_chars: int | None = None) -> tuple[str, str | None]:
    """The text layer of a PDF and its title; a :class:`LoadError` for corrupt, encrypted or image-only PDFs, and
    for one whose text runs over ``max_chars`` characters (checked page by page; pypdf bounds each page's content
    stream, and a build bounds the time, ``doc_timeout``)."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if b"%PDF-" not in raw[:1024]:
        raise LoadError(name, "not a PDF (no %PDF- header at the start; is the file extension right?)")
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise LoadError(name, "encrypted PDF; decrypt it first")
            except LoadError:
                raise
            except Exception:
                raise LoadError(name, "encrypted PDF; decrypt it first") from None
        pages: list[str] = []
        total = 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            total += len(pages[-1])
            if max_chars is not None and total > max_chars:
                raise LoadError(
                    name,
                    f"the PDF's text is over {max_chars:,} characters, the limit for a document (raise it with --max-bytes)",
                )
        title = None
        try:
            meta = reader.metadata
            title = (meta.title or None) if meta else None
        except Exception:
            title = None
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise LoadError(
            name, f"corrupt PDF ({str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__})"
        ) from None
    except Exception as exc:  # pypdf raises many kinds on hostile files
        raise LoadError(name, f"corrupt PDF ({type(exc).__name__})") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise LoadError(name, "no text layer; OCR it first")
    return text, title
