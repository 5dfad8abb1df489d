"""Run the made-up follow-up probes of bench/probes/follow_ups.md through the extractor (round 17, issue 14).

Each table row: | id | text | page | expected |. ``text`` is the made-up sentence (``\\n`` for a line break),
published under Anyshire County Council's news address; ``page`` is the page's date (``YYYY-MM-DD``) or ``-``;
``expected`` is what a careful annotator records under ANNOTATION.md ("followups"): ``;``-separated ``DUE SEASON``
pairs (``DUE`` at the text's precision, ``SEASON`` a season or ``-``), or ``none``. A probe passes when every
expected follow-up is found with that due date (a finer date inside the expected one agrees, as the scorer's
"equal at the gold's precision"; with a season, the due must be that year, since a season is written as its year)
and nothing else is.

    PYTHONPATH=src python bench/probes/follow_ups_probes.py bench/probes/follow_ups.md [-v]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from caregraph.pipeline.extract import extract
from caregraph.pipeline.segment import segment
from caregraph.records import PartialDate, SourceDocument

URL = "https://www.anyshire.gov.uk/news/1"


def rows(path: Path) -> list[tuple[str, str, str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"[A-Z]\d+", cells[0]):
            out.append((cells[0], cells[1].replace("\\n", "\n"), cells[2], cells[3]))
    return out


def found(text: str, page: str) -> list[str]:
    """The due date (ISO, at its precision) of each follow-up found in ``text`` on a page dated ``page``."""
    published = None
    if page != "-":
        y, m, d = (int(p) for p in page.split("-"))
        published = PartialDate(y, m, d)
    body = "Anyshire County Council\n\n" + text + "\n"
    x = extract(segment(SourceDocument("x.txt", body, "0", "txt", len(body), url=URL, published=published)))
    return [f.due.iso() for f in x.follow_ups]


def matches(want: tuple[str, str], got: str) -> bool:
    due, season = want
    if season != "-":
        return got == due
    return (got + "-").startswith(due + "-")


def check(expected: str, dues: list[str]) -> bool:
    wants = [] if expected == "none" else [tuple(e.split()) for e in expected.split(";")]
    left = list(dues)
    for want in wants:
        hit = next((g for g in left if matches(want, g)), None)  # type: ignore[arg-type]
        if hit is None:
            return False
        left.remove(hit)
    return not left


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    failed = 0
    table = rows(Path(next(a for a in argv if not a.startswith("-"))))
    for ident, text, page, expected in table:
        dues = found(text, page)
        ok = check(expected, dues)
        failed += not ok
        if not ok or verbose:
            print(
                f"{'ok  ' if ok else 'FAIL'} {ident}: {text[:150]!r} [{page}]\n      want {expected}\n      got  {dues}"
            )
    print(f"{len(table)} probes, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
