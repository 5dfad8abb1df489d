"""The properties every input keeps through load, segment and extract, stated once.

``tests/test_fuzz.py`` runs them under Hypothesis on small numbers of cases; ``bench/fuzz_campaign.py`` runs them
over many more. Each ``check_*`` function raises :class:`AssertionError` when its property fails (so, like any
test code, run it without ``python -O``): no exception escapes but :class:`LoadError`/:class:`ManifestError` for
bad input; segments and evidence spans stay inside the text (``text[start:end] == quote``).
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from caregraph.errors import LoadError, ManifestError
from caregraph.pipeline.extract import extract
from caregraph.pipeline.load import Source, decode, decode_html, html_to_text, load, pdf_to_text, read_manifest
from caregraph.pipeline.segment import segment
from caregraph.records import Evidence, SourceDocument
from caregraph.testing.pdf import minimal_pdf


def check_decode(raw: bytes) -> None:
    """Any bytes decode to storable text or raise LoadError naming the file."""
    for fn in (decode, decode_html):
        try:
            text = fn(raw, "x")
        except LoadError as exc:
            assert exc.path == "x" and exc.problem
            continue
        assert isinstance(text, str)
        text.encode("utf-8")  # no lone surrogates: every decoded text can be stored


def check_html(html: str) -> None:
    """Any HTML gives text (never three line breaks in a row) and maybe a title, without raising."""
    text, title = html_to_text(html)
    assert isinstance(text, str) and (title is None or isinstance(title, str))
    assert "\n\n\n" not in text


def check_manifest(content: bytes, folder: Path) -> None:
    """Any manifest.csv in ``folder`` reads as sources and per-row LoadErrors, or raises ManifestError naming it."""
    path = folder / "manifest.csv"
    path.write_bytes(content)
    try:
        items = read_manifest(path)
    except ManifestError as exc:
        assert str(exc).startswith(str(path))
        return
    for item in items:
        assert isinstance(item, (Source, LoadError))
        if isinstance(item, LoadError):
            assert item.path.startswith(str(path))


def check_load(raw: bytes, suffix: str, folder: Path) -> None:
    """Any file loads to a document that keeps the pipeline properties, or raises LoadError naming it."""
    path = folder / f"doc{suffix}"
    path.write_bytes(raw)
    try:
        doc = load(Source(path, path.name))
    except LoadError as exc:
        assert exc.path == path.name and exc.problem
        return
    assert doc.text.strip() and doc.sha256 == hashlib.sha256(raw).hexdigest()
    check_pipeline(doc)


def check_pdf(raw: bytes) -> None:
    """Any bytes give a PDF's non-empty text or raise LoadError."""
    try:
        text, _title = pdf_to_text(raw, "x.pdf")
    except LoadError:
        return
    assert text.strip()


def document(text: str) -> SourceDocument:
    """``text`` as a plain-text source document."""
    return SourceDocument(path="fuzz.txt", text=text, sha256="0" * 64, format="txt", size=len(text))


def evidence_in(value: object, out: list[Evidence]) -> list[Evidence]:
    """Every Evidence anywhere inside an extraction's records."""
    if isinstance(value, Evidence):
        out.append(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, SourceDocument):
        for f in dataclasses.fields(value):
            evidence_in(getattr(value, f.name), out)
    elif isinstance(value, (tuple, list)):
        for v in value:
            evidence_in(v, out)
    return out


def check_pipeline(doc: SourceDocument) -> None:
    """Segment and extract: segments in order, inside the text, not overlapping; every evidence span is its quote."""
    text = doc.text
    seg = segment(doc)
    last = 0
    for s in seg.segments:
        assert 0 <= s.start < s.end <= len(text), s
        assert s.start >= last, "segments overlap"
        last = s.end
    x = extract(seg)
    for ev in evidence_in(x, []):
        assert 0 <= ev.start <= ev.end <= len(text), ev
        assert text[ev.start : ev.end] == ev.quote, ev


def check_text(text: str) -> None:
    """:func:`check_pipeline` on ``text`` as a plain-text document."""
    check_pipeline(document(text))


#: Pieces of HTML syntax that random markup is made of (tests/test_fuzz.py, bench/fuzz_campaign.py).
HTML_BITS = [
    "<",
    ">",
    "</",
    "<!--",
    "-->",
    "<![",
    "]]>",
    "<!DOCTYPE html>",
    "<?xml ?>",
    "&",
    "&amp;",
    "&#",
    "&#x",
    "&#0;",
    "&#xD800;",
    ";",
    '"',
    "'",
    "=",
    "<p>",
    "</p>",
    "<div>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<title>",
    "</title>",
    "<td>",
    "<tr>",
    "<li>",
    "<br/>",
    "<br>",
    "<head>",
    "</head>",
    "<body>",
    "<svg>",
    "</svg>",
    "<![CDATA[",
    "<a href='",
    "<meta charset='windows-1252'>",
    "<noscript>",
    "<template>",
    "<textarea>",
    "x",
    " ",
    "\n",
    "\t",
]
#: Pieces of manifest CSV (columns, separators, paths, bad URLs and dates) random manifests are made of.
MANIFEST_BITS = [
    "file",
    "url",
    "council",
    "published",
    ",",
    "\n",
    '"',
    "a.txt",
    "b.html",
    "https://x.org/",
    "http://",
    "javascript:",
    "2019-13-01",
    "2019",
    "\r\n",
    "\x00",
    "",
    " ",
    "../",
    "/etc/passwd",
    "é",
    "\ufeff",
]


#: Text that the rules look for, to make random text reach deep into the extractors.
WORDS = [
    "Ofsted",
    "inspection",
    "ILACS",
    "Surrey County Council",
    "Durham",
    "Cabinet",
    "Councillor",
    "Cllr",
    "Mrs",
    "Dr",
    "Director of Children's Services",
    "Meeting:",
    "16/07/2019",
    "(Item 126)",
    "RESOLVED:",
    "Resolved",
    "That",
    "Good",
    "Inadequate",
    "Requires improvement",
    "Outstanding",
    "monitoring visit",
    "focused visit",
    "in October 2019",
    "2021-03-04",
    "on 16 and 17 April 2024",
    "the Select Committee",
    "Reason for Decision:",
    "1.",
    "(a)",
    "•",
    "\n",
    "\n\n",
    ",",
    ".",
    ";",
    ":",
    "’",
    "“",
    "”",
    "–",
    "—",
    "\t",
    " ",
    "Signs of Safety",
    "Executive Director",
    "Cabinet Member for Children",
    "will report back in March 2022",
    "agreed",
    "noted",
]


#: A valid PDF to mutate.
SEED_PDF = minimal_pdf(
    ["Surrey County Council Cabinet", "Ofsted rated children's services Good in May 2019."], title="t"
)
