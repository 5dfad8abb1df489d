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
from pathlib import Path

from caregraph.evaluate import kind_family
from caregraph.pipeline.extract import extract
from caregraph.pipeline.segment import segment
from caregraph.records import PartialDate, SourceDocument

URL = "https://www.anyshire.gov.uk/news/1"
PUBLISHER = "Anyshire County Council"
_PUBLISHER_LINE = re.compile(r"(?m)^Publisher:\s*(?P<name>[^<\n]+?)\s*<(?P<url>[^>\s]+)>\s*$")


def rows(path: Path) -> list[tuple[str, str, str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.fullmatch(r"[A-Z]\d+", cells[0]):
            out.append((cells[0], cells[1].replace("\\n", "\n"), cells[2], cells[3]))
    return out


def publisher(path: Path) -> tuple[str, str]:
    """The publisher's name and page address a table names (``Publisher: NAME <URL>``), else Anyshire's."""
    m = _PUBLISHER_LINE.search(path.read_text(encoding="utf-8"))
    return (m.group("name"), m.group("url")) if m else (PUBLISHER, URL)


def found(text: str, page: str, name: str = PUBLISHER, url: str = URL) -> list[tuple[str, str, str]]:
    published = None
    if page != "-":
        y, m, d = (int(p) for p in page.split("-"))
        published = PartialDate(y, m, d)
    body = name + "\n\n" + text + "\n"
    x = extract(segment(SourceDocument("x.txt", body, "0", "txt", len(body), url=url, published=published)))
    events = []
    for i in x.inspections:
        when = i.start or i.published
        events.append((kind_family(i.kind) or "?", when.iso() if when else "-", i.judgement or "-"))
    return events


def matches(want: tuple[str, str, str], got: tuple[str, str, str]) -> bool:
    return want[0] == got[0] and want[2] == got[2] and (got[1] + "-").startswith(want[1] + "-")


def check(expected: str, events: list[tuple[str, str, str]]) -> bool:
    wants = [] if expected == "none" else [tuple(e.split()) for e in expected.split(";")]
    left = list(events)
    for want in wants:
        hit = next((g for g in left if matches(want, g)), None)  # type: ignore[arg-type]
        if hit is None:
            return False
        left.remove(hit)
    return not left


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    failed = 0
    path = Path(next(a for a in argv if not a.startswith("-")))
    table = rows(path)
    name, url = publisher(path)
    for ident, text, page, expected in table:
        events = found(text, page, name, url)
        ok = check(expected, events)
        failed += not ok
        if not ok or verbose:
            print(f"{'ok  ' if ok else 'FAIL'} {ident}: {text[:150]!r}\n      want {expected}\n      got  {events}")
    print(f"{len(table)} probes, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
