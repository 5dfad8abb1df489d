"""What the loader deals in: the formats it reads, a :class:`Source` to read and a :class:`Skipped` file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from caregraph.records import PartialDate

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
