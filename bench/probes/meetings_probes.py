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

import sys
from pathlib import Path

from probe_table import extracted, one_to_one, run

from caregraph.gold import normalise_label

URLS = {
    "news": "https://www.anyshire.gov.uk/news/1",
    "service": "https://www.anyshire.gov.uk/children-and-families/ofsted-inspection-of-childrens-services",
    "report": "https://democracy.anyshire.gov.uk/documents/s12345/Report.pdf",
    "mg": "https://democracy.anyshire.gov.uk/mgIssueHistoryHome.aspx?IId=1234",
    "ld": "https://democracy.anyshire.gov.uk/ieListDocuments.aspx?CId=12&MId=345",
}
_COUNCIL = "anyshire county council "


def label(body: str) -> str:
    name = normalise_label(body)
    return name[len(_COUNCIL) :] if name.startswith(_COUNCIL) else name


def found(table: Path, text: str, page: str) -> list[tuple[str, str]]:
    day, _, genre = page.partition(" ")
    return [(m.body, m.date.iso()) for m in extracted(text, day, url=URLS[genre or "news"]).meetings]


def check(expected: str, got: object) -> bool:
    wants = [] if expected == "none" else [tuple(e.strip().split("|")) for e in expected.split(";")]
    found_labelled = [(label(b), d) for b, d in got]  # type: ignore[attr-defined]
    return one_to_one(wants, found_labelled, lambda w, g: (label(w[0]), w[1]) == g)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:], found, check))
