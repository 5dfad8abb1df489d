#!/usr/bin/env python3
"""Build the table of the words post titles are made of (src/caregraph/rules/post_words.txt) from dev gold.

Every ``people[].post`` of the development gold (``bench/gold-dev`` and ``bench/gold-real2-dev`` …
``bench/gold-real7-dev``; never a blind split) is read as a title: its HEAD is the word before the first connector
("of", "for", "with", "to", "at", "in", a comma or a dash) or, with none, its last word ("Director" of "Director of
Children's Services", "executive" of "chief executive", "councillor" of "children's services councillor"); its
MODIFIERS are the words before the head ("cabinet", "interim", "council"); its SUBJECTS the words after the connector
that are no connector ("children's", "services", "wellbeing"); its TAIL its last word. A word keeps a role when the
titles of at least ``--min-councils`` councils give it that role (so no one council's wording, and no place's name,
becomes knowledge). Words are lower case, "’" written "'"; words with a digit, one-letter words and the names of
councils and places (the gazetteer's) are left out. The output depends on nothing but the gold files.

Example::

    $ python scripts/make_post_words.py --out src/caregraph/rules/post_words.txt
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLD_DIRS = ("gold-dev", *(f"gold-real{n}-dev" for n in range(2, 8)))
# function words: no role of their own (a possessive determiner opens "His Majesty's Inspector" as "the" would)
CONNECTORS = frozenset(
    {"of", "for", "with", "to", "at", "in", "on", "and", "&", "the", "a", "an", "his", "her", "their", "its", "our"}
)
_OPENS_COMPLEMENT = frozenset({"of", "for", "with", "to", "at", "in"})
ROLES = ("head", "modifier", "subject", "tail")
_TOKEN = re.compile(r"[a-z][a-z'&-]*|&|[,–—()]|\s-\s")
HEADER = """\
# The words post titles are made of, by role: head (the title's noun: "director", "member"), modifier (before the
# head: "cabinet", "interim"), subject (what the post is of or for: "children's", "wellbeing"), tail (a title's last
# word). Derived by scripts/make_post_words.py from the people[].post entries of the development gold only
# (bench/gold-dev, bench/gold-real2-dev … bench/gold-real7-dev); a word keeps a role given it by the titles of at
# least {min_councils} councils (a head only when fewer councils write it as a subject). Do not edit by hand. Read by caregraph.pipeline.extract.posts.post_words.
# role<TAB>word<TAB>councils
"""


def title_roles(post: str) -> dict[str, set[str]]:
    """The words of one gold title by role (see the module's docstring)."""
    tokens = _TOKEN.findall(post.lower().replace("’", "'"))
    words = [t.strip() for t in tokens]
    roles: dict[str, set[str]] = {role: set() for role in ROLES}
    cut = next(
        (i for i, w in enumerate(words) if i > 0 and (w in _OPENS_COMPLEMENT or w in {",", "–", "—", "-", "("})),
        len(words),
    )
    head_part = [w for w in words[:cut] if w[:1].isalpha() and w not in CONNECTORS]
    if not head_part:
        return roles
    roles["head"].add(head_part[-1])
    roles["modifier"].update(head_part[:-1])
    roles["subject"].update(w for w in words[cut:] if w[:1].isalpha() and w not in CONNECTORS)
    last = [w for w in words if w[:1].isalpha()]
    if last and last[-1] not in CONNECTORS:
        roles["tail"].add(last[-1])
    return roles


def place_words() -> frozenset[str]:
    """The words of the gazetteer's council names (lower case): a place is no title word."""
    sys.path.insert(0, str(REPO_ROOT / "src"))
    from caregraph.gazetteer import gazetteer

    words: set[str] = set()
    for council in gazetteer().councils.values():
        words.update(w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", council.official_name))
    generic = {"council", "county", "city", "borough", "district", "metropolitan", "of", "and", "the", "upon", "on"}
    return frozenset(words - generic)


def derive(bench: Path, min_councils: int) -> dict[str, dict[str, int]]:
    """Each role's words and the number of councils whose gold titles give the word that role."""
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for folder in GOLD_DIRS:
        path = bench / folder
        if not path.is_dir():
            sys.exit(f"make_post_words: {path}: missing (a dev gold folder)")
        for file in sorted(path.glob("*.json")):
            try:
                doc = json.loads(file.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                sys.exit(f"make_post_words: {file}: not JSON ({exc.msg})")
            council = str(doc.get("council") or file.stem)
            for person in doc.get("people") or []:
                post = person.get("post")
                if isinstance(post, str) and post.strip():
                    for role, words in title_roles(post).items():
                        for word in words:
                            seen[role, word].add(council)
    places = place_words()
    table: dict[str, dict[str, int]] = {role: {} for role in ROLES}
    for (role, word), councils in seen.items():
        if len(councils) >= min_councils and len(word) > 1 and word not in places and not re.search(r"\d", word):
            table[role][word] = len(councils)
    # a head that more councils write as a subject is one read wrongly from a title with no connector ("Director
    # Children's Services": "services"); it stays a subject only
    for word in [w for w, n in table["head"].items() if table["subject"].get(w, 0) >= n]:
        del table["head"][word]
    return table


def render(table: dict[str, dict[str, int]], min_councils: int) -> str:
    lines = [HEADER.format(min_councils=min_councils)]
    for role in ROLES:
        for word in sorted(table[role]):
            lines.append(f"{role}\t{word}\t{table[role][word]}\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=REPO_ROOT / "bench", help="the folder holding the gold folders")
    parser.add_argument("--min-councils", type=int, default=2, help="councils that must give a word its role")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "src" / "caregraph" / "rules" / "post_words.txt")
    args = parser.parse_args(argv)
    table = derive(args.bench, args.min_councils)
    args.out.write_text(render(table, args.min_councils), encoding="utf-8")
    print(f"make_post_words: {args.out}: " + ", ".join(f"{len(table[r])} {r}s" for r in ROLES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
