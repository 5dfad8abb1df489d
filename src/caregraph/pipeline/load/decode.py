"""Decoding bytes to text: UTF-8 (with or without a BOM), UTF-16/32 with a BOM, UTF-16 without one, Windows-1252
run by run, and the charset an HTML page declares."""

from __future__ import annotations

import codecs
import re

from caregraph.errors import LoadError

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
