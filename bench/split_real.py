"""Split a later real set by council, once: ``python bench/split_real.py ../realpages 2`` prints the [dev2] and
[blind2] sections for bench/split.toml (``../realpages3 3``: [dev3] and [blind3]).

Councils are read from a CSV of the set's pages (``councils.csv``, columns ``file,url,council``: the slug the harvester checked against the
gazetteer; the set's ``manifest.csv`` has only ``file,url``, as a build reads it), the slug the harvester checked against the
gazetteer), ordered by the sha256 of their slug, and taken into the blind split until it holds a third of the pages;
every other council's pages are the development split. The rule is the first split's (bench/split.toml), so neither
depends on what the pages say.

A set harvested from every council, after each council was in some split (the fourth: ``python bench/split_real.py
../realpages4 4 --by-earlier-splits``), is split by the earlier splits instead: a page of a council that is blind
in some earlier split is blind, every other page is dev, so no rule is ever tuned to a blind council's pages.
"""

from __future__ import annotations

import csv
import hashlib
import sys
import tomllib
from collections import defaultdict
from pathlib import Path


def split(rows: list[dict[str, str]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(dev, blind): council slug -> page ids, from manifest rows with ``file`` and ``council``."""
    pages: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        pages[row["council"].strip()].append(Path(row["file"]).stem)
    order = sorted(pages, key=lambda slug: hashlib.sha256(slug.encode()).hexdigest())
    target = round(sum(len(p) for p in pages.values()) / 3)
    blind: dict[str, list[str]] = {}
    for slug in order:
        if sum(len(p) for p in blind.values()) >= target:
            break
        blind[slug] = sorted(pages[slug])
    dev = {slug: sorted(pages[slug]) for slug in sorted(pages) if slug not in blind}
    return dev, dict(sorted(blind.items()))


def split_by_earlier(
    rows: list[dict[str, str]], blind_councils: set[str]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(dev, blind): the pages of ``blind_councils`` blind, the others dev."""
    pages: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        pages[row["council"].strip()].append(Path(row["file"]).stem)
    dev = {slug: sorted(ids) for slug, ids in sorted(pages.items()) if slug not in blind_councils}
    blind = {slug: sorted(ids) for slug, ids in sorted(pages.items()) if slug in blind_councils}
    return dev, blind


def blind_councils(split_file: Path) -> set[str]:
    """The councils of every blind split of ``split_file`` (sections named ``blind…``)."""
    split = tomllib.loads(split_file.read_text(encoding="utf-8"))
    return {slug for name, section in split.items() if name.startswith("blind") for slug in section}


def main(argv: list[str]) -> int:
    earlier = "--by-earlier-splits" in argv
    argv = [a for a in argv if a != "--by-earlier-splits"]
    if len(argv) != 2:
        print(
            "usage: python bench/split_real.py FOLDER NUMBER [--by-earlier-splits]   (e.g. ../realpages3 3)",
            file=sys.stderr,
        )
        return 2
    folder, number = Path(argv[0]), argv[1]
    with (folder / "councils.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if earlier:
        dev, blind = split_by_earlier(rows, blind_councils(Path(__file__).resolve().parent / "split.toml"))
    else:
        dev, blind = split(rows)
    for name, section in ((f"dev{number}", dev), (f"blind{number}", blind)):
        print(f"\n[{name}]")
        for slug, ids in section.items():
            quoted = ", ".join(f'"{page}"' for page in ids)
            print(f'"{slug}" = [{quoted}]')
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
