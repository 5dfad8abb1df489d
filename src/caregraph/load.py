"""Stage 1 — load: find the documents, read them, decode their text.

``iter_sources`` walks the paths and manifests given to ``build`` and yields a :class:`Source` per document (or a
:class:`~caregraph.errors.LoadError` for a manifest row that cannot be used); ``load`` turns a source into a
:class:`~caregraph.records.SourceDocument`. Text is UTF-8, UTF-8 with a BOM, UTF-16 with a BOM or Windows-1252,
line by line for files that mix them; HTML is reduced to its visible text with block structure kept as line breaks;
PDF gives its text layer.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
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


# ---------------------------------------------------------------------------------------------------- discovery


def iter_sources(paths: Iterable[str | os.PathLike[str]], manifest: str | os.PathLike[str] | None = None) -> Iterator[Source | LoadError]:
    """Yield every document under ``paths`` (files and folders, recursively) and every row of ``manifest``.

    A folder holding a ``manifest.csv`` takes URLs and other metadata from it. Symbolic links are followed, but a
    folder is never entered twice, so a link loop ends. Files of unknown formats inside folders are passed over;
    named explicitly, they are an error. A file is yielded once, whichever way it was reached.
    """
    seen_files: set[tuple[int, int]] = set()
    rows: dict[Path, Source] = {}
    if manifest is not None:
        for item in read_manifest(manifest):
            if isinstance(item, LoadError):
                yield item
            else:
                rows[_real(item.path)] = item
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, rows, seen_files)
        elif path.exists():
            if path.suffix.lower() not in FORMATS:
                yield LoadError(str(given), f"unsupported format {path.suffix or '(no extension)'!r}; caregraph reads {', '.join(sorted(FORMATS))}")
                continue
            if _first_visit(path, seen_files):
                meta = rows.get(_real(path))
                yield meta if meta is not None else Source(path, os.path.normpath(str(given)))
        else:
            yield LoadError(str(given), "no such file or folder")
    for real, source in rows.items():  # manifest rows not reached through the paths
        if _first_visit(source.path, seen_files):
            yield source


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


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


def _walk(root: Path, rows: dict[Path, Source], seen_files: set[tuple[int, int]]) -> Iterator[Source | LoadError]:
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
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
        if MANIFEST_NAME in filenames:
            for item in read_manifest(folder / MANIFEST_NAME):
                if isinstance(item, LoadError):
                    yield item
                else:
                    rows.setdefault(_real(item.path), item)
        for name in sorted(filenames):
            path = folder / name
            if path.suffix.lower() not in FORMATS:
                continue
            if not _first_visit(path, seen_files):
                continue
            meta = rows.get(_real(path))
            yield meta if meta is not None else Source(path, os.path.normpath(str(path)))


# ---------------------------------------------------------------------------------------------------- manifest


def read_manifest(manifest: str | os.PathLike[str]) -> list[Source | LoadError]:
    """Read a manifest CSV: columns ``file`` (required, relative to the manifest), ``url``, ``council``,
    ``published`` (ISO date); further columns are ignored. Raises :class:`ManifestError` when the file cannot be
    used at all; a bad row becomes a :class:`LoadError` naming ``manifest:line``."""
    mpath = Path(manifest)
    try:
        raw = mpath.read_bytes()
    except OSError as exc:
        raise ManifestError(f"{mpath}: cannot read manifest ({exc.strerror or exc})") from None
    try:
        text = decode(raw, str(mpath))
    except LoadError as exc:
        raise ManifestError(f"{mpath}: {exc.problem}") from None
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    if "file" not in columns:
        raise ManifestError(f"{mpath}:1: manifest needs a 'file' column (found: {', '.join(columns) or 'no header'}); expected columns file,url[,council,published]")
    reader.fieldnames = columns
    base = mpath.parent
    out: list[Source | LoadError] = []
    first_line: dict[str, int] = {}
    for line, row in enumerate(reader, start=2):
        where = f"{mpath}:{line}"
        name = (row.get("file") or "").strip()
        if not name:
            out.append(LoadError(where, "row has no file"))
            continue
        if name in first_line:
            out.append(LoadError(where, f"duplicate row for {name!r} (first at line {first_line[name]})"))
            continue
        first_line[name] = line
        url = (row.get("url") or "").strip() or None
        if url is not None and not _good_url(url):
            out.append(LoadError(where, f"bad URL {url!r} for {name!r}; expected an http(s) URL or nothing"))
            continue
        published = None
        if (row.get("published") or "").strip():
            try:
                published = _parse_iso(row["published"].strip())
            except ValueError:
                out.append(LoadError(where, f"bad published date {row['published'].strip()!r} for {name!r}; expected YYYY-MM-DD, YYYY-MM or YYYY"))
                continue
        path = base / name
        if not path.exists():
            out.append(LoadError(where, f"file not found: {name}"))
            continue
        out.append(Source(path, os.path.normpath(str(path)), url, (row.get("council") or "").strip() or None, published))
    return out


def _good_url(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in {"http", "https"} and bool(parsed.netloc) and not any(c.isspace() for c in url)


def _parse_iso(text: str) -> PartialDate:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        raise ValueError(text)
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        raise ValueError(text)
    return PartialDate(year, month, day)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------------- reading


def load(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read one document; raise :class:`LoadError` naming the file and the problem."""
    name = source.name
    try:
        size = source.path.stat().st_size
        if size > max_bytes:
            raise LoadError(name, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
        raw = source.path.read_bytes()
    except PermissionError:
        raise LoadError(name, "permission denied") from None
    except IsADirectoryError:
        raise LoadError(name, "is a folder, not a file") from None
    except OSError as exc:
        raise LoadError(name, f"cannot read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise LoadError(name, "empty file")
    fmt = FORMATS.get(source.path.suffix.lower(), "txt")
    title = None
    if fmt == "pdf":
        text, title = pdf_to_text(raw, name)
    elif fmt == "html":
        text, title = html_to_text(decode(raw, name))
    else:
        text = decode(raw, name)
    text = clean_text(text)
    if not text.strip():
        raise LoadError(name, "no text in the document")
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


_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"\xd0\xcf\x11\xe0", b"\x7fELF")


def decode(raw: bytes, name: str) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252, line by line when a file
    mixes UTF-8 and Windows-1252. Raises :class:`LoadError` for binary data."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise LoadError(name, "invalid UTF-16 text") from None
    if raw.startswith(_BINARY_MAGIC) or b"\x00" in raw[:65536]:
        raise LoadError(name, "binary data, not text (is the file extension right?)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return "".join(_decode_line(line) for line in raw.splitlines(keepends=True))


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        # Windows-1252 leaves five bytes undefined; read those as Latin-1 rather than fail.
        return "".join(bytes([b]).decode("cp1252", errors="strict") if b not in _CP1252_HOLES else chr(b) for b in line)


_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters (tabs and newlines stay)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


# ---------------------------------------------------------------------------------------------------- HTML

_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP:
            self.skip_depth += 1
        elif tag in {"td", "th"}:
            self.parts.append(" | ")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "hr"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK and tag not in {"td", "th"}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip_depth:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> tuple[str, str | None]:
    """The visible text of an HTML page, one block per line; and its ``<title>``."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (line.strip(" ") for line in "".join(parser.parts).split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = re.sub(r"\s+", " ", "".join(parser.title)).strip() or None
    return text, title


# ---------------------------------------------------------------------------------------------------- PDF


def pdf_to_text(raw: bytes, name: str) -> tuple[str, str | None]:
    """The text layer of a PDF and its title; a :class:`LoadError` for corrupt, encrypted or image-only PDFs."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
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
        pages = [page.extract_text() or "" for page in reader.pages]
        title = None
        try:
            meta = reader.metadata
            title = (meta.title or None) if meta else None
        except Exception:
            title = None
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as exc:
        raise LoadError(name, f"corrupt PDF ({str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__})") from None
    except Exception as exc:  # pypdf raises many kinds on hostile files
        raise LoadError(name, f"corrupt PDF ({type(exc).__name__})") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise LoadError(name, "no text layer; OCR it first")
    return text, title
