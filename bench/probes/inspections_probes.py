"""Run the made-up probe sentences of a table in bench/probes/*.md through the extractor (round 16, issue 14).

Each table row: | id | text | page | expected |. ``text`` is the made-up sentence (``\\n`` for a line break),
published under Anyshire County Council's news address; ``page`` is the page's date (``YYYY-MM-DD``) or ``-``;
``expected`` is what a careful annotator records under ANNOTATION.md: ``;``-separated events ``FAMILY START
JUDGEMENT`` (``-`` for no judgement; ``START`` at the text's precision), or ``none``. A probe passes when every
expected event is found (same kind family, a start that agrees at the expected precision, the same judgement) and
nothing else is. A line ``Publisher: NAME <URL>`` in the table's file runs its probes as that council's page instead
(a real council, when the probes name other councils: they are told from the publisher by the gazetteer).

    PYTHONPATH=src python bench/probes/inspections_probes.py bench/probes/inspections.md [-v]
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

from probe_table import PUBLISHER, URL, extracted, one_to_one, run

from caregraph.evaluate import kind_family

_PUBLISHER_LINE = re.compile(r"(?m)^Publisher:\s*(?P<name>[^<\n]+?)\s*<(?P<url>[^>\s]+)>\s*$")

Event = tuple[str, str, str]  # (kind family, start or publication date, judgement or "-")


@cache
def publisher(path: Path) -> tuple[str, str]:
    """The publisher's name and page address a table names (``Publisher: NAME <URL>``), else Anyshire's."""
    m = _PUBLISHER_LINE.search(path.read_text(encoding="utf-8"))
    return (m.group("name"), m.group("url")) if m else (PUBLISHER, URL)


def found(table: Path, text: str, page: str) -> list[Event]:
    name, url = publisher(table)
    events = []
    for i in extracted(text, page, url=url, publisher=name).inspections:
        when = i.start or i.published
        events.append((kind_family(i.kind) or "?", when.iso() if when else "-", i.judgement or "-"))
    return events


def matches(want: Event, got: Event) -> bool:
    return want[0] == got[0] and want[2] == got[2] and (got[1] + "-").startswith(want[1] + "-")


def check(expected: str, events: object) -> bool:
    wants = [] if expected == "none" else [tuple(e.split()) for e in expected.split(";")]
    return one_to_one(wants, events, matches)  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], found, check))
