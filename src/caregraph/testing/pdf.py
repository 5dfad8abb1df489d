"""Small valid PDFs written from scratch (no PDF library), for the loader's tests and the fuzz campaign's seeds."""

from __future__ import annotations

import io
import zlib


def minimal_pdf(lines: list[str] | None = None, *, image: bool = False, title: str | None = None) -> bytes:
    """A valid one-page PDF: ``lines`` of text in Helvetica, or (``image=True``) a small grey image and no text."""
    objects: list[bytes] = [b"", b""]  # 1 catalog, 2 pages: filled in below

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    if image:
        pixels = zlib.compress(bytes([128]) * 16)
        img = add(
            b"<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
            % len(pixels)
            + pixels
            + b"\nendstream"
        )
        content = b"q 200 0 0 200 100 500 cm /Im1 Do Q"
        resources = b"<< /XObject << /Im1 %d 0 R >> >>" % img
    else:
        ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
        for line in lines or []:
            ops.append(
                b"("
                + line.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
                + b") Tj T*"
            )
        ops.append(b"ET")
        content = b"\n".join(ops)
        resources = b"<< /Font << /F1 %d 0 R >> >>" % font
    stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    page = add(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources %s >>" % (stream, resources)
    )
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page
    info = add(b"<< /Title (%s) >>" % title.encode("latin-1")) if title else None
    return pdf_bytes(objects, info=info)


def pdf_bytes(objects: list[bytes], *, info: int | None = None) -> bytes:
    """A PDF file of ``objects`` (numbered from 1; object 1 is the catalog) with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"<< /Size %d /Root 1 0 R%s >>" % (len(objects) + 1, b" /Info %d 0 R" % info if info else b"")
    out.write(b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()
