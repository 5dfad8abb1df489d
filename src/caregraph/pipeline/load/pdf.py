"""PDF to its text layer (pypdf), bounded in characters."""

from __future__ import annotations

import io

from caregraph.errors import LoadError

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
