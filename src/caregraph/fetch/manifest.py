"""``DIR/manifest.csv``: what ``caregraph fetch`` saved, so that ``caregraph build DIR`` knows each file's source URL,
council and date with no further step.

Columns ``file,url,council,published,committee,meeting``: ``file`` relative to ``DIR``; ``council`` a gazetteer slug;
``published`` the meeting's date (ISO ``YYYY-MM-DD``; the papers of a meeting are published a few days before it);
``committee`` the committee's title; ``meeting`` the meeting's ModernGov page (``ieListDocuments.aspx?CId=…&MId=…``).
``caregraph build`` reads the first four and ignores the others.

A later fetch into the same folder keeps the rows of earlier runs whose files are still there, so a folder can be
filled by several runs (other keywords, other sites). The file is replaced atomically.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import astuple, dataclass, fields
from pathlib import Path

__all__ = ["COLUMNS", "MANIFEST_NAME", "ManifestRow", "read_manifest_rows", "write_manifest"]

MANIFEST_NAME = "manifest.csv"


@dataclass(frozen=True)
class ManifestRow:
    file: str
    url: str
    council: str = ""
    published: str = ""
    committee: str = ""
    meeting: str = ""


COLUMNS = tuple(f.name for f in fields(ManifestRow))


def read_manifest_rows(folder: Path) -> list[ManifestRow]:
    """The rows of ``folder/manifest.csv`` whose files still exist (none when there is no readable manifest)."""
    path = Path(folder) / MANIFEST_NAME
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError):
        return []
    rows = []
    try:
        for raw in csv.DictReader(io.StringIO(text, newline="")):
            name = (raw.get("file") or "").strip()
            if not name or not (Path(folder) / name).is_file():
                continue
            rows.append(ManifestRow(**{c: (raw.get(c) or "").strip() for c in COLUMNS}))
    except csv.Error:
        return rows
    return rows


def write_manifest(folder: Path, rows: Iterable[ManifestRow]) -> Path:
    """Write ``folder/manifest.csv`` (one row per file, the last given wins, sorted by file) and return its path."""
    by_file: dict[str, ManifestRow] = {}
    for row in rows:
        by_file[row.file] = row
    path = Path(folder) / MANIFEST_NAME
    tmp = path.with_name(MANIFEST_NAME + ".part")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        for name in sorted(by_file):
            writer.writerow(astuple(by_file[name]))
    os.replace(tmp, path)
    return path
