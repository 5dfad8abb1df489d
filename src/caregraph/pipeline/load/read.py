"""Reading one source into a :class:`~caregraph.records.SourceDocument`, within ``max_bytes``."""

from __future__ import annotations

import hashlib

from caregraph.errors import LoadError
from caregraph.pipeline.load.decode import clean_text, decode, decode_html
from caregraph.pipeline.load.files import _read_bytes
from caregraph.pipeline.load.html import _SPACES, html_to_text
from caregraph.pipeline.load.pdf import pdf_to_text
from caregraph.pipeline.load.sources import DEFAULT_MAX_BYTES, FORMATS, Source
from caregraph.records import SourceDocument

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
