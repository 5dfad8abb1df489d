"""The development material the word-table scripts read (``make_body_words.py``, ``make_resolution_verbs.py``):
each page of the development gold with its text. The blind split is never read: only the pages the dev gold files
name, in ``bench/gold-dev`` (texts in ``../shared/corpus``) and ``bench/gold-real{2..7}-dev`` (texts in the real sets
beside the repository, ``../realpages``, ``../realpages3`` …)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
WORK = REPO_ROOT.parent
#: (dev gold folder, the folder its "file" paths are relative to)
DEV_SETS = (
    (REPO_ROOT / "bench" / "gold-dev", WORK / "shared" / "corpus"),
    (REPO_ROOT / "bench" / "gold-real2-dev", WORK / "realpages"),
    *((REPO_ROOT / "bench" / f"gold-real{n}-dev", WORK / f"realpages{n}") for n in range(3, 8)),
)


def dev_pages(tool: str) -> Iterator[tuple[str, dict, str | None]]:
    """Each dev gold page: its key (``gold-real3-dev/r405``), its gold and its text (None when the text is not on
    this machine). A gold folder missing ends ``tool`` with a one-line error."""
    for gold, corpus in DEV_SETS:
        if not gold.is_dir():
            sys.exit(f"{tool}: {gold}: no such folder")
        for path in sorted(gold.glob("*.json")):
            page = json.loads(path.read_text(encoding="utf-8"))
            text_path = corpus / page["file"]
            text = text_path.read_text(encoding="utf-8", errors="replace") if text_path.is_file() else None
            yield f"{gold.name}/{path.stem}", page, text
