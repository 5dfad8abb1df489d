"""What the probe runners of bench/probes share: reading a table of probes, extracting a made-up page, matching what
was found to what a careful annotator records one to one, and the run itself.

A table row is ``| id | text | page | expected |``: ``text`` the made-up text (``\\n`` a line break, ``\\|`` a bar),
``page`` the page's date (``YYYY-MM-DD``) or ``-`` (a runner may read more from it), ``expected`` what ANNOTATION.md
records, in the runner's own notation. Each runner says how it reads ``page`` and ``expected`` and what it compares.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from caregraph.pipeline.extract import extract
from caregraph.pipeline.segment import segment
from caregraph.records import Extraction, PartialDate, SourceDocument

W = TypeVar("W")
G = TypeVar("G")

PUBLISHER = "Anyshire County Council"
URL = "https://www.anyshire.gov.uk/news/1"


def rows(path: Path) -> list[tuple[str, str, str, str]]:
    """The probes of the table at ``path``: (id, text, page, expected)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) == 4 and re.fullmatch(r"[A-Z]\d+", cells[0]):
            out.append((cells[0], cells[1].replace("\\n", "\n"), cells[2], cells[3]))
    return out


def extracted(text: str, day: str, *, url: str = URL, publisher: str = PUBLISHER) -> Extraction:
    """What the extractor finds in ``text`` put after the publisher's name, on a page at ``url`` dated ``day``
    (``YYYY-MM-DD``, or ``-`` for none)."""
    published = None
    if day != "-":
        y, m, d = (int(p) for p in day.split("-"))
        published = PartialDate(y, m, d)
    body = publisher + "\n\n" + text + "\n"
    return extract(segment(SourceDocument("x.txt", body, "0", "txt", len(body), url=url, published=published)))


def one_to_one(wants: Sequence[W], got: Sequence[G], matches: Callable[[W, G], bool]) -> bool:
    """Whether every wanted fact matches one found fact of its own and nothing found is left over."""
    left = list(got)
    for want in wants:
        hit = next((g for g in left if matches(want, g)), None)
        if hit is None:
            return False
        left.remove(hit)
    return not left


def run(
    argv: list[str],
    found: Callable[[Path, str, str], object],
    check: Callable[[str, object], bool],
) -> int:
    """Run every probe of the table named in ``argv`` (``-v`` prints the ones that pass too): ``found(table, text,
    page)`` what the extractor finds, ``check(expected, found)`` whether it is what the annotator records."""
    verbose = "-v" in argv
    tables = [a for a in argv if not a.startswith("-")]
    if len(tables) != 1:
        print("usage: RUNNER TABLE.md [-v]   (a table of bench/probes, e.g. bench/probes/meetings.md)", file=sys.stderr)
        return 2
    path = Path(tables[0])
    if not path.is_file():
        print(f"{path}: no such table", file=sys.stderr)
        return 2
    table = rows(path)
    failed = 0
    for ident, text, page, expected in table:
        got = found(path, text, page)
        ok = check(expected, got)
        failed += not ok
        if not ok or verbose:
            print(
                f"{'ok  ' if ok else 'FAIL'} {ident}: {text[:150]!r} [{page}]\n      want {expected}\n      got  {got}"
            )
    print(f"{len(table)} probes, {failed} failed")
    return 0
