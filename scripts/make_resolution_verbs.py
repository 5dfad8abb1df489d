#!/usr/bin/env python3
"""Build the table of verbs a resolution is made with (src/caregraph/rules/resolution_verbs.txt).

A resolution with no "RESOLVED" before it is known by its form: the mandative subjunctive ("the report be noted",
"the Director be authorised to …", "the public be excluded") and the infinitive ("To approve the plan", "to seek a
further report"). Which verbs councils put in those forms is knowledge that holds in any council's minutes; the table
reads it from the development material only:

- every decision of the development gold (``bench/gold-dev``, ``bench/gold-real{2..7}-dev``: ``decisions[].text``);
- the lines of the development pages' texts that a resolution word opens ("RESOLVED that …", "That …" after
  "RESOLVED:"), a verb kept when at least ``--min-pages`` pages use it so.

Each line of the table is ``be <participle>`` (what follows "be" in the subjunctive) or ``to <verb>`` (an infinitive
that opens a decision). The blind split is never read: only the pages the dev gold files name. The output depends on
nothing but the input files (sorted, one entry a line).

Example::

    $ python scripts/make_resolution_verbs.py --out src/caregraph/rules/resolution_verbs.txt
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from dev_material import REPO_ROOT, dev_pages

HEADER = """\
# Verbs a resolution is made with: "be <participle>" (the subjunctive: "the report be noted") and "to <verb>" (an
# infinitive that opens a decision: "To approve the plan"), read from the development gold's decisions and the
# resolutions of the development pages' texts (at least {min_pages} pages each). Built by
# scripts/make_resolution_verbs.py from dev material only; do not edit by hand. Read by
# caregraph.pipeline.extract.decision_rules.
"""
#: "be" and a participle: regular ("noted"), or irregular ("given", "brought", "sent", "held").
_BE = re.compile(r"(?i)\bbe\s+(?:(?:duly|formally|hereby|also|further|now)\s+)?([a-z]+(?:ed|en|wn|ght|nt|ld))\b")
#: An infinitive that opens a decision, after a list marker or "RESOLVED".
_TO = re.compile(r"(?i)^(?:\W*\w{0,4}[.)]\s*)?(?:resolved\s*[:,–—-]?\s*)?to\s+([a-z]+)\b")
#: A text's line that a resolution word opens: "RESOLVED that …", "(1) That …" (the verbs of resolutions only).
_RESOLUTION_LINE = re.compile(r"(?i)^\s*(?:\(?\w{1,4}[.)]\s*)?(?:(?-i:RESOLVED)\s*[:,–—-]?\s*)?that\s")
#: Participles that are no verb of deciding in the subjunctive ("be seen", "be born"): left out.
_NOT_DECIDING = {"been", "seen", "born", "often", "even", "open", "sent", "want", "went", "meant", "spent"}
#: Infinitives that open a purpose, an agenda item's description, as often as a decision ("To receive the report").
_PURPOSES = {"be", "receive", "consider", "discuss", "hear", "provide", "update", "inform", "give", "present", "report"}


def collect(min_pages: int) -> list[str]:
    from_gold: set[str] = set()
    pages: dict[str, set[str]] = defaultdict(set)
    for key, page, text in dev_pages("make_resolution_verbs"):
        for decision in page.get("decisions", []):
            from_gold.update(entries(decision["text"]))
        for line in (text or "").splitlines():
            if _RESOLUTION_LINE.match(line):
                for entry in entries(line):
                    pages[entry].add(key)
    kept = from_gold | {e for e, seen in pages.items() if len(seen) >= min_pages}
    return sorted(e for e in kept if e.split()[1] not in _NOT_DECIDING and e.split()[1] not in _PURPOSES)


def entries(text: str) -> set[str]:
    out = {f"be {m.group(1).lower()}" for m in _BE.finditer(text)}
    m = _TO.match(text)
    if m:
        out.add(f"to {m.group(1).lower()}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "src" / "caregraph" / "rules" / "resolution_verbs.txt")
    parser.add_argument("--min-pages", type=int, default=2, help="pages a verb of the texts must be used on")
    args = parser.parse_args(argv)
    table = collect(args.min_pages)
    args.out.write_text(HEADER.format(min_pages=args.min_pages) + "".join(f"{e}\n" for e in table), encoding="utf-8")
    print(f"{len(table)} entries -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
