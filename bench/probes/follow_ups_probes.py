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

import sys
from pathlib import Path

from probe_table import extracted, one_to_one, run


def found(table: Path, text: str, page: str) -> list[str]:
    """The due date (ISO, at its precision) of each follow-up found in ``text`` on a page dated ``page``."""
    return [f.due.iso() for f in extracted(text, page).follow_ups]


def matches(want: tuple[str, str], got: str) -> bool:
    due, season = want
    if season != "-":
        return got == due
    return (got + "-").startswith(due + "-")


def check(expected: str, dues: object) -> bool:
    wants = [] if expected == "none" else [tuple(e.split()) for e in expected.split(";")]
    return one_to_one(wants, dues, matches)  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], found, check))
