"""caregraph.pipeline.load: discovery, manifests, decoding, HTML and PDF text — and every way a file can be bad.

The PDFs are written by hand (``caregraph.testing.pdf.minimal_pdf``) or with pypdf's writer, so no test needs the network.
"""

from __future__ import annotations

import io
import os
import random
import time
from pathlib import Path

import pytest

from caregraph.errors import LoadError, ManifestError
from caregraph.pipeline.load import (
    Source,
    clean_text,
    decode,
    decode_html,
    html_to_text,
    iter_sources,
    load,
    pdf_to_text,
    read_manifest,
)
from caregraph.testing.pdf import minimal_pdf

from .conftest import DATA

TEXT = "Surrey’s Children’s Services were rated “Good” by Ofsted; the café — £5."


# ---------------------------------------------------------------------------------------------- PDF makers


def encrypted_pdf(user_password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(minimal_pdf(["Surrey County Council", "A secret report."]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def load_file(path: Path, **kw):
    return load(Source(path, path.name), **kw)


def problem(path: Path, **kw) -> str:
    with pytest.raises(LoadError) as info:
        load_file(path, **kw)
    assert info.value.path == path.name
    return info.value.problem


# ---------------------------------------------------------------------------------------------- decoding


def test_decode_utf8_cp1252_boms_and_utf16_without_bom():
    assert decode(TEXT.encode("utf-8"), "x") == TEXT
    assert decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "x") == TEXT
    assert decode(TEXT.encode("cp1252"), "x") == TEXT
    for encoding in ("utf-16", "utf-32", "utf-16-le", "utf-16-be"):  # with a BOM, then without
        assert decode(TEXT.encode(encoding), "x") == TEXT, encoding


def test_decode_mixed_utf8_and_cp1252_in_one_line_has_no_mojibake():
    raw = "Surrey’s ".encode() + "Children’s café".encode("cp1252") + " naïve “quote”".encode()
    text = decode(raw, "x")
    assert text == "Surrey’s Children’s café naïve “quote”"
    assert "â€" not in text and "Ã" not in text


def test_decode_cp1252_undefined_bytes_do_not_fail():
    assert clean_text(decode(b"a\x81b\x9dc caf\xe9", "x")) == "abc café"


@pytest.mark.parametrize(
    "raw",
    [
        bytes(range(256)) * 8,  # has NUL bytes
        # Random bytes without NUL, seeded: every pytest-xdist worker must collect the same parameters.
        bytes(b for b in random.Random(4000).randbytes(4000) if b),
        b"\x89PNG\r\n\x1a\n" + b"x" * 100,
        b"PK\x03\x04" + b"x" * 100,
        bytes(range(1, 32)) * 20,
    ],
    ids=["with-nul", "random-without-nul", "png", "zip", "control-characters"],
)
def test_decode_refuses_binary(raw):
    with pytest.raises(LoadError, match="binary data, not text"):
        decode(raw, "x")


def test_decode_keeps_text_with_a_few_control_characters():
    text = "Report\x0c page two\x07 and some text that goes on for a while longer. " * 20
    assert decode(text.encode(), "x") == text


def test_decode_html_uses_meta_charset_when_not_utf8():
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Children’s</title></head><body><p>café ’ Ã©</p></body></html>'
    assert decode_html(page.encode("cp1252"), "x") == page  # latin-1 means Windows-1252 (WHATWG); "Ã©" stays as written
    russian = '<meta charset="koi8-r"><p>Привет</p>'
    assert decode_html(russian.encode("koi8-r"), "x") == russian
    assert decode_html(page.encode("utf-8"), "x") == page  # valid UTF-8 wins over a wrong label
    assert (
        decode_html('<meta charset="bogus-charset"><p>café</p>'.encode("cp1252"), "x")
        == '<meta charset="bogus-charset"><p>café</p>'
    )


def test_clean_text_drops_control_characters_but_keeps_layout_and_bidi_marks():
    assert clean_text("a\r\nb\rc\u2028d\x00e\x1b[31mf\x9bg\ufeff\th\u202e") == "a\nb\nc\nde[31mfg\th\u202e"


# ---------------------------------------------------------------------------------------------- HTML


def test_html_drops_scripts_styles_decodes_entities_keeps_blocks():
    page = (
        "<html><head><title>Cabinet &amp; Scrutiny</title><style>p { color: red }</style>"
        "<script>document.write('<p>injected</p>')</script></head><body>"
        "<h1>Children&rsquo;s Services</h1><p>Ofsted rated it &ldquo;Good&rdquo; &#8211; caf&eacute; &#x2019;<div>Second block"
        "<ul><li>one<li>two</ul><table><tr><td>a<td>b</table><noscript>enable JS</noscript><p>Last"
    )
    text, title = html_to_text(page)
    assert title == "Cabinet & Scrutiny"
    assert "injected" not in text and "color" not in text and "enable JS" not in text and "document.write" not in text
    lines = text.splitlines()
    assert "Children’s Services" in lines
    assert "Ofsted rated it “Good” – café ’" in lines
    assert "Second block" in lines and "• one" in lines and "• two" in lines and "Last" in lines
    assert "| a | b" in text


def test_html_broken_markup_is_read_as_a_browser_would():
    assert html_to_text("<p>text<![foo[ x ]]> more")[0] == "text more"  # Python's parser asserts on this
    assert html_to_text("<p>kept</p><a href='x")[0] == "kept"  # a tag open at the end of the file is dropped
    assert html_to_text("<p>kept<!-- never closed")[0] == "kept"
    assert html_to_text("<head><title>T</title><body>no </head> here")[0] == "no here"
    assert html_to_text("<p>1 < 2 & 3 > 2</p>")[0] == "1 < 2 & 3 > 2"


@pytest.mark.parametrize("unit", ['<a b="', "<a", "</a", "<!", "<?", "<![CDATA[", "<![foo[", "<!-"])
def test_html_hostile_markup_takes_linear_time(unit):
    # Python's HTMLParser (before 3.12.11/3.13.4) is quadratic on these at the end of the input: 200 KB took 60 s.
    page = "<p>start</p>" + unit * (400_000 // len(unit))
    started = time.perf_counter()
    text, _ = html_to_text(page)
    assert time.perf_counter() - started < 5
    assert text.startswith("start")


# ---------------------------------------------------------------------------------------------- PDF


def test_pdf_text_layer_and_title():
    text, title = pdf_to_text(
        minimal_pdf(["Surrey County Council Cabinet", "Ofsted rated services Good."], title="Cabinet report"), "r.pdf"
    )
    assert text.splitlines() == ["Surrey County Council Cabinet", "Ofsted rated services Good."]
    assert title == "Cabinet report"


def test_pdf_with_empty_user_password_is_read():
    text, _ = pdf_to_text(encrypted_pdf(user_password=""), "r.pdf")
    assert "A secret report." in text


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: encrypted_pdf(), "encrypted PDF; decrypt it first"),
        (lambda: minimal_pdf(image=True), "no text layer; OCR it first"),
        (lambda: minimal_pdf(["x"])[:150], "corrupt PDF"),
        (lambda: b"%PDF-1.4\n" + os.urandom(2000), "corrupt PDF"),
        (lambda: b"<html><body>not a pdf</body></html>", "not a PDF"),
    ],
)
def test_bad_pdfs(tmp_path, make, message):
    path = tmp_path / "report.pdf"
    path.write_bytes(make())
    assert message in problem(path)


# ---------------------------------------------------------------------------------------------- load(): bad files


def test_load_empty_and_whitespace_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n")
    (tmp_path / "markup.html").write_bytes(b"<html><script>x()</script></html>")
    assert problem(tmp_path / "empty.txt") == "empty file (0 bytes)"
    assert problem(tmp_path / "blank.txt") == "empty file (only white space)"
    assert problem(tmp_path / "markup.html") == "no text in the document (only markup, scripts or styles)"


def test_load_binary_named_txt(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(3000))
    assert problem(path) == "binary data, not text (is the file extension right?)"


def test_load_max_bytes_refuses_without_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 10_001)
    assert (
        problem(path, max_bytes=10_000)
        == "file is 10,001 bytes, over the 10,000-byte limit (raise it with --max-bytes)"
    )
    assert load_file(path, max_bytes=10_001).size == 10_001


def test_load_fifo_does_not_block(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.perf_counter()
    assert problem(fifo) == "not a regular file (a named pipe); caregraph reads files only"
    assert time.perf_counter() - started < 2


def test_load_links_and_folders(tmp_path):
    (tmp_path / "dangling.txt").symlink_to("nowhere.txt")
    (tmp_path / "self.txt").symlink_to("self.txt")
    (tmp_path / "folder.txt").mkdir()
    assert problem(tmp_path / "dangling.txt") == "broken symbolic link (points to 'nowhere.txt', which does not exist)"
    assert problem(tmp_path / "self.txt") == "symbolic link loop (the link points back at itself)"
    assert problem(tmp_path / "folder.txt") == "is a folder, not a file"


def test_load_unreadable_file(tmp_path):
    """chmod 000. As root permissions do not bite, so the read happens with the effective user id of ``nobody``."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="caregraph-perm-"))  # tmp_path's parents are 0700: nobody cannot reach it
    try:
        folder.chmod(0o755)
        path = folder / "secret.txt"
        path.write_text(TEXT, encoding="utf-8")
        path.chmod(0o000)
        with _as_nobody(), pytest.raises(LoadError) as info:
            load_file(path)
        assert info.value.problem == "permission denied"
    finally:
        (folder / "secret.txt").unlink(missing_ok=True)
        folder.rmdir()


class _as_nobody:
    """Run the block with effective uid/gid ``nobody`` when root (else as is: chmod 000 already bites)."""

    def __enter__(self):
        self.root = os.geteuid() == 0
        if self.root:
            os.setegid(65534)
            os.seteuid(65534)

    def __exit__(self, *exc):
        if self.root:
            os.seteuid(0)
            os.setegid(0)


def test_load_paths_with_spaces_and_non_ascii(tmp_path):
    folder = tmp_path / "Cabinet papers — Surrey é"
    folder.mkdir()
    path = folder / "Children’s report 2019 ✓.txt"
    path.write_text(TEXT, encoding="utf-8")
    [source] = list(iter_sources([tmp_path]))
    assert source.path == path
    assert load(source).text == TEXT


def test_load_huge_single_line_is_bounded(tmp_path):
    path = tmp_path / "oneline.html"
    path.write_bytes(b"<p>" + b"Ofsted inspection of Surrey " * 200_000 + b"</p>")  # 5.6 MB, one line
    started = time.perf_counter()
    doc = load_file(path)
    assert time.perf_counter() - started < 10
    assert doc.text.count("\n") == 0 and len(doc.text) > 5_000_000


# ---------------------------------------------------------------------------------------------- discovery


def test_iter_sources_reports_what_cannot_be_a_document(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to("nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "up").symlink_to("..")  # a folder link loop
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")  # unknown format inside a folder: passed over
    items = list(iter_sources([tmp_path]))
    sources = [i for i in items if isinstance(i, Source)]
    errors = {Path(e.path).name: e.problem for e in items if isinstance(e, LoadError)}
    assert [s.path.name for s in sources] == ["a.txt"]  # once, although the loop reaches it again
    assert errors == {
        "dangling.txt": "broken symbolic link (points to 'nowhere.txt', which does not exist)",
        "pipe.txt": "not a regular file (a named pipe); caregraph reads files only",
    }


def test_iter_sources_explicit_paths(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "dangling.txt").symlink_to("nowhere.txt")
    items = list(iter_sources([tmp_path / "notes.docx", tmp_path / "missing.txt", tmp_path / "dangling.txt"]))
    assert [(Path(e.path).name, e.problem.split(";")[0]) for e in items] == [
        ("notes.docx", "unsupported format '.docx'"),
        ("missing.txt", "no such file or folder"),
        ("dangling.txt", "broken symbolic link (points to 'nowhere.txt', which does not exist)"),
    ]


def test_iter_sources_finds_thousands_of_files(tmp_path):
    for i in range(2000):
        (tmp_path / f"d{i // 100}").mkdir(exist_ok=True)
        (tmp_path / f"d{i // 100}" / f"doc {i}.txt").write_text(f"Document {i}", encoding="utf-8")
    sources = list(iter_sources([tmp_path]))
    assert len(sources) == 2000 and all(isinstance(s, Source) for s in sources)
    assert len({s.path for s in sources}) == 2000


def test_the_resolver_agrees_with_resolving_each_path_in_full(tmp_path, monkeypatch):
    """Discovery resolves a folder once and a file that is no link by its folder (issue 16): the same answers as
    ``Path.resolve`` for links, link loops, ``..``, missing files and relative paths."""
    from caregraph.pipeline.load.files import Resolver, _real

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "secret.txt").write_text(TEXT, encoding="utf-8")
    docs = tmp_path / "in" / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text(TEXT, encoding="utf-8")
    (docs / "sub" / "b.txt").write_text(TEXT, encoding="utf-8")
    (docs / "link.txt").symlink_to("a.txt")
    (docs / "away.txt").symlink_to("../../out/secret.txt")
    (docs / "outdir").symlink_to(tmp_path / "out")
    (docs / "sub" / "up").symlink_to("..")
    (docs / "self.txt").symlink_to("self.txt")
    (docs / "dangling.txt").symlink_to("nowhere.txt")
    monkeypatch.chdir(tmp_path / "in")
    paths = [os.path.join(d, n) for d, dirs, files in os.walk(".") for n in dirs + files]
    paths += ["docs/sub/up/a.txt", "docs/sub/up/sub/up/link.txt", "docs/outdir/secret.txt", "docs/../docs/a.txt"]
    paths += ["./docs//a.txt", "docs/missing.txt", "missing/x.txt", "docs/self.txt/x.txt", "docs/a.txt/", "."]
    paths += ["..", "docs/sub/..", "../out/secret.txt", str(docs / "link.txt"), str(docs / "sub" / "b.txt")]
    resolver = Resolver()
    for path in paths * 2:  # the second time from what it remembers
        assert resolver.real(path) == str(_real(Path(path))), path


def test_discovery_resolves_each_folder_once_not_each_file(tmp_path, monkeypatch):
    """A folder of 300 documents listed in its manifest: paths are resolved a few times in all, not a few times a
    file (issue 16: 5 times a file made an unchanged rebuild of 7,000 documents take 3 s), with the same result."""
    folder = tmp_path / "corpus"
    (folder / "docs").mkdir(parents=True)
    rows = ["file,url"]
    for i in range(300):
        (folder / "docs" / f"{i:03}.txt").write_text(f"Document {i}", encoding="utf-8")
        rows.append(f"docs/{i:03}.txt,https://example.org/{i}")
    (tmp_path / "secret.txt").write_text(TEXT, encoding="utf-8")
    (folder / "docs" / "away.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "docs" / "again.txt").symlink_to("000.txt")  # a file reached two ways: built once
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    calls: list[str] = []
    realpath = os.path.realpath
    monkeypatch.setattr(os.path, "realpath", lambda path, **kw: calls.append(os.fspath(path)) or realpath(path, **kw))
    items = list(iter_sources([folder]))
    sources = [i for i in items if isinstance(i, Source)]
    assert [s.url for s in sources] == [f"https://example.org/{i}" for i in range(300)]
    assert [(Path(e.path).name, e.problem.split(" (")[0]) for e in items if isinstance(e, LoadError)] == [
        ("away.txt", "symbolic link to a file outside the folder being built")
    ]
    assert 0 < len(calls) <= 6, calls  # the folders, and each link in full


def test_fingerprint_hashes_every_byte_and_refuses_what_load_refuses(tmp_path):
    """The hash an unchanged rebuild compares: SHA-256 of the whole file, however its size falls against the read
    size; None for what cannot be read (``load`` says why), without blocking on a named pipe."""
    import hashlib

    from caregraph.pipeline.build import fingerprint

    for size in (0, 1, 1 << 20, (1 << 20) + 1, 3 << 20):
        data = random.Random(size).randbytes(size)
        (tmp_path / f"{size}.txt").write_bytes(data)
        assert fingerprint(Source(tmp_path / f"{size}.txt", "x")) == hashlib.sha256(data).hexdigest(), size
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.txt").mkdir()
    for name in ("pipe.txt", "folder.txt", "missing.txt"):
        assert fingerprint(Source(tmp_path / name, name)) is None
    (tmp_path / "2.txt").write_bytes(b"ab")
    assert fingerprint(Source(tmp_path / "2.txt", "2.txt"), max_bytes=1) is None  # over the limit: not read
    assert fingerprint(Source(tmp_path / "2.txt", "2.txt"), max_bytes=2) == hashlib.sha256(b"ab").hexdigest()


# ---------------------------------------------------------------------------------------------- manifests


def test_manifest_rows_good_and_bad(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "File , URL,council,published,extra\n"
        "a.txt,https://example.org/a,Surrey,2019-07-16,x\n"
        "missing.txt,https://example.org/m,,,\n"
        "b.txt,javascript:alert(1),,,\n"
        "c.txt,https://example.org/c<script>,,,\n"
        "./a.txt,https://example.org/a2,,,\n"
        "d.txt,https://example.org/d,,2019-13-01,\n"
        "\n"
        ",https://example.org/nofile,,,\n"
        "e.txt\n",
        encoding="utf-8",
    )
    items = read_manifest(tmp_path / "manifest.csv")
    good = [i for i in items if isinstance(i, Source)]
    bad = {e.path.rsplit(":", 1)[1]: e.problem for e in items if isinstance(e, LoadError)}
    assert [(s.path.name, s.url, s.council, str(s.published)) for s in good] == [
        ("a.txt", "https://example.org/a", "Surrey", "2019-07-16"),
        ("e.txt", None, None, "None"),
    ]
    assert bad == {
        "3": "file not found: missing.txt",
        "4": "bad URL 'javascript:alert(1)' for 'b.txt': scheme javascript: is not http or https; expected an http(s) URL or nothing",
        "5": "bad URL 'https://example.org/c<script>' for 'c.txt': it holds a character URLs may not hold ('<'); expected an http(s) URL or nothing",
        "6": "duplicate row for './a.txt' (first at line 2); the first is used",
        "7": "bad published date '2019-13-01' for 'd.txt'; expected YYYY-MM-DD, YYYY-MM or YYYY",
        "9": "row has no file",
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"path,url\na.txt,https://example.org/a\n", "manifest needs a 'file' column (found: 'path', 'url')"),
        (b"", "manifest needs a 'file' column (found: no header)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary data, not text"),
    ],
)
def test_manifest_that_cannot_be_used(tmp_path, content, message):
    (tmp_path / "manifest.csv").write_bytes(content)
    with pytest.raises(ManifestError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_manifest(tmp_path / "manifest.csv")
    # through iter_sources it is one error and the other documents still come
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    items = list(iter_sources([tmp_path]))
    assert [type(i).__name__ for i in items] == ["LoadError", "Source"]
    assert message in items[0].problem
    assert items[0].path in (str(tmp_path / "manifest.csv"), f"{tmp_path / 'manifest.csv'}:1")


def test_manifest_csv_error_is_a_row_error(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "m.csv").write_text(
        'file,url\na.txt,https://example.org/a\n"b.txt' + "x" * 200_000 + "\n", encoding="utf-8"
    )
    import csv

    limit = csv.field_size_limit(1000)
    try:
        items = read_manifest(tmp_path / "m.csv")
    finally:
        csv.field_size_limit(limit)
    assert isinstance(items[0], Source)
    assert isinstance(items[1], LoadError) and "cannot parse this row" in items[1].problem


def test_seed_data_manifest_reads_cleanly():
    items = read_manifest(DATA / "manifest.csv")
    assert len(items) == 5 and all(isinstance(i, Source) for i in items)
