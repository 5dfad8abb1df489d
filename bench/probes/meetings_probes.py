"""Run the made-up meeting probes of bench/probes/meetings.md through the extractor (round 17, issue 14).

Each table row: | id | text | page | expected |. ``text`` is the made-up text (``\\n`` for a line break), put after
"Anyshire County Council" and a blank line; ``page`` is the page's date (``YYYY-MM-DD``) or ``-``, then optionally a
genre word that picks the page's address: ``news`` (the default), ``service``, ``report``, ``mg`` (a ModernGov
mgIssueHistoryHome page), ``ld`` (a ModernGov ieListDocuments page). ``expected`` is what a careful annotator records
under ANNOTATION.md ("meetings"): ``;``-separated ``BODY|YYYY-MM-DD`` entries (the bar written ``\\|`` in the
table), or ``none``. Bodies are compared as caregraph.evaluate compares them (:func:`caregraph.gold.normalise_label`:
case, punctuation, "&"/"and", a leading "the"), here also less a leading "Anyshire County Council". A probe passes
when every expected meeting is found and nothing else is.

    PYTHONPATH=src python bench/probes/meetings_probes.py bench/probes/meetings.md [-v]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from caregraph.gold import normalise_label
from caregraph.pipeline.extract import extract
from caregraph.pipeline.segment import segment
from caregraph.records import PartialDate, SourceDocument

URLS = {
    "news": "https://www.anyshire.gov.uk/news/1",
    "service": "https://www.anyshire.gov.uk/children-and-families/ofsted-inspection-of-childrens-services",
    "report": "https://democracy.anyshire.gov.uk/documents/s12345/Report.pdf",
    "mg": "https://democracy.anyshire.gov.uk/mgIssueHistoryHome.aspx?IId=1234",
    "ld": "https://democracy.anyshire.gov.uk/ieListDocuments.aspx?CId=12&MId=345",
}
_COUNCIL = "anyshire county council "


def rows(path: Path) -> list[tuple[str, str, str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) == 4 and re.fullmatch(r"[A-Z]\d+", cells[0]):
            cells = [c.replace("\\|", "|") for c in cells]
            out.append((cells[0], cells[1].replace("\\n", "\n"), cells[2], cells[3]))
    return out


def label(body: str) -> str:
    name = normalise_label(body)
    return name[len(_COUNCIL) :] if name.startswith(_COUNCIL) else name


def found(text: str, page: str) -> list[tuple[str, str]]:
    day, _, genre = page.partition(" ")
    published = None
    if day != "-":
        y, m, d = (int(p) for p in day.split("-"))
        published = PartialDate(y, m, d)
    body = "Anyshire County Council\n\n" + text + "\n"
    url = URLS[genre or "news"]
    x = extract(segment(SourceDocument("x.txt", body, "0", "txt", len(body), url=url, published=published)))
    return [(m.body, m.date.iso()) for m in x.meetings]


def check(expected: str, got: list[tuple[str, str]]) -> bool:
    wants = [] if expected == "none" else [tuple(e.strip().split("|")) for e in expected.split(";")]
    left = [(label(b), d) for b, d in got]
    for body, day in wants:
        want = (label(body), day)
        if want not in left:
            return False
        left.remove(want)
    return not left


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    failed = 0
    table = rows(Path(next(a for a in argv if not a.startswith("-"))))
    for ident, text, page, expected in table:
        got = found(text, page)
        ok = check(expected, got)
        failed += not ok
        if not ok or verbose:
            print(f"{'ok  ' if ok else 'FAIL'} {ident}: {text[:150]!r}\n      want {expected}\n      got  {got}")
    print(f"{len(table)} probes, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
