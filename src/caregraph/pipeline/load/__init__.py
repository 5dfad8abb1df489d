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

from caregraph.pipeline.load.decode import clean_text, decode, decode_html
from caregraph.pipeline.load.discover import iter_sources
from caregraph.pipeline.load.html import html_to_text
from caregraph.pipeline.load.manifest import read_manifest, url_problem
from caregraph.pipeline.load.pdf import pdf_to_text
from caregraph.pipeline.load.read import load
from caregraph.pipeline.load.sources import DEFAULT_MAX_BYTES, FORMATS, MANIFEST_NAME, Skipped, Source

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "MANIFEST_NAME",
    "Skipped",
    "Source",
    "clean_text",
    "decode",
    "decode_html",
    "html_to_text",
    "iter_sources",
    "load",
    "pdf_to_text",
    "read_manifest",
    "url_problem",
]
