#!/usr/bin/env python3
"""Build the table of words that name what a council body deals with (src/caregraph/rules/body_words.txt).

A council's committees, boards and panels are named by a few words before their head word ("Children and Young
People Scrutiny Committee", "Corporate Parenting Panel", "Health and Wellbeing Board"), and every council draws them
from the same stock: subjects (children, education, health, housing), kinds of work (scrutiny, overview, policy,
improvement) and who is served (families, adults, carers). The table is that stock, read from the development
material only:

- every body name of the development gold (``bench/gold-dev``, ``bench/gold-real{2..7}-dev``: ``meetings[].body``);
- the names the development pages' texts write with a head word (capitalised words ending in a head word of
  ``rules/meetings.toml``, "… Committee", "… Board"), a word kept when at least ``--min-pages`` pages use it so.

Words that name a place or a person (a council's name in the gazetteer, a given name of ``rules/given_names.txt``)
and the connectors are left out. The blind split is never read: only the pages the dev gold files name. The output
depends on nothing but the input files (sorted, one lower-case word a line).

Example::

    $ python scripts/make_body_words.py --out src/caregraph/rules/body_words.txt
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

from dev_material import REPO_ROOT, dev_pages

HEADER = """\
# Words that name what a council body deals with ("children", "scrutiny", "parenting", "wellbeing"): the words before
# the head word of the body names in the development gold and in the development pages' texts (at least {min_pages}
# pages each), without places, given names and connectors. Built by scripts/make_body_words.py from dev material only;
# do not edit by hand. Read by caregraph.pipeline.extract.meeting_bodies (a body's name in lower case, a name wrapped
# over header lines, a head word's "for …" complement).
"""
CONNECTORS = {"and", "of", "for", "the", "in", "on", "to", "with", "at", "a", "an", "&"}
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")


def body_heads() -> str:
    with (REPO_ROOT / "src" / "caregraph" / "rules" / "meetings.toml").open("rb") as fh:
        heads: str = tomllib.load(fh)["meetings"]["body_heads"]
    return heads


def excluded_words() -> tuple[set[str], set[str]]:
    """Words that name a place (the gazetteer's council names) and words that are given names."""
    sys.path.insert(0, str(REPO_ROOT / "src"))
    from caregraph.gazetteer import gazetteer

    places: set[str] = set()
    for council in gazetteer().councils.values():
        places.update(w.lower() for w in _WORD.findall(council.official_name))
    places -= {"royal"}  # (a council's words "county", "city", "borough" name a place's council, no body's subject)
    places |= {"county", "city", "borough", "district", "metropolitan", "council's"}
    given = REPO_ROOT / "src" / "caregraph" / "rules" / "given_names.txt"
    names = {line.strip().lower() for line in given.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"}
    return places, names


def words(name: str) -> list[str]:
    return [w.lower().replace("’", "'").strip("'-") for w in _WORD.findall(name)]


def collect(min_pages: int) -> list[str]:
    heads = body_heads()
    named = re.compile(rf"(?:[A-Z][\w’'&-]*[ \t]+(?:(?:and|&|of|for|the|in|on|to)[ \t]+)*){{1,8}}(?={heads}\b)")
    head_words = {w.lower() for w in re.findall(r"[A-Za-z]+", heads)}
    from_gold: set[str] = set()
    pages: dict[str, set[str]] = defaultdict(set)
    for key, page, text in dev_pages("make_body_words"):
        for meeting in page.get("meetings", []):
            from_gold.update(words(meeting["body"]))
        for m in named.finditer(text or ""):
            # "Chair of the Scrutiny Committee", "Report to the Corporate Parenting Board": the name is what
            # follows the last "of", "to", "the", "on" or "in"
            name = re.split(r"[ \t](?:of|to|the|on|in)[ \t]", m.group(0))[-1]
            for w in words(name):
                pages[w].add(key)
    # a given name is no subject in a text's name ("Jane Committee"), but the gold's names are names of bodies
    # ("Children and Young People": "Young" is a given name too)
    places, given = excluded_words()
    kept = from_gold | ({w for w, seen in pages.items() if len(seen) >= min_pages} - given)
    with (REPO_ROOT / "src" / "caregraph" / "rules" / "meetings.toml").open("rb") as fh:
        rules = tomllib.load(fh)["meetings"]
    not_names = {w.lower() for w in rules["not_body_words"] + rules["not_body_tokens"]}
    with (REPO_ROOT / "src" / "caregraph" / "rules" / "people.toml").open("rb") as fh:
        post_head = re.compile(tomllib.load(fh)["people"]["post_heads"], re.I)
    kept -= CONNECTORS | not_names | places | {"s"}
    # a post's head word ("director", "leader", "officer") or its qualifier alone ("chief", "deputy", "interim"): a
    # person's title, no body's subject
    kept = {w for w in kept if not post_head.fullmatch(w)} - {"chief", "deputy", "interim", "acting", "assistant"}
    kept -= head_words
    return sorted(w for w in kept if len(w) > 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "src" / "caregraph" / "rules" / "body_words.txt")
    parser.add_argument("--min-pages", type=int, default=3, help="pages a word of the texts must be used on")
    args = parser.parse_args(argv)
    table = collect(args.min_pages)
    args.out.write_text(HEADER.format(min_pages=args.min_pages) + "".join(f"{w}\n" for w in table), encoding="utf-8")
    print(f"{len(table)} words -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
