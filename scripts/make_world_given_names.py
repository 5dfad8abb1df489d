#!/usr/bin/env python3
"""Build the table of given names of other languages and countries (src/caregraph/rules/given_names_world.txt).

The census table (``scripts/make_given_names.py``) holds the first names of the 1990 U.S. census: names of English
spelling. Councils' papers name people of every origin ("Zbigniew", "Ngozi", "Joost", "Dervla", "Małgorzata"). This
script reads the first names of the person providers of the PyPI package ``faker`` (MIT licence), one list per
locale, from an installed ``faker`` (``pip install faker``), and keeps:

- the names of every locale but the generic English ones (``en``, ``en_US``, ``en_NZ``: a list of the U.S. Social
  Security names, which holds common words such as "Early", "Young", "Council"), in the Latin script, title-cased,
  of three letters or more, one word of letters alone (a hyphenated name is read by its first word);
- not a word of English in lower case (an English dictionary, by default Debian's ``wbritish``:
  ``/usr/share/dict/british-english``, from SCOWL by Kevin Atkinson; "Peer", "Bach", "Jade" are given names somewhere
  and words here; used only to leave names out, none of its words is kept), nor one of faker's own list of common
  English words (``faker.providers.lorem.en_US``), nor a word of the people finder's vocabulary (``rules/people.toml``: grammar words, head words, words of posts and the calendar), nor a name
  the census table already holds.

Only the names are kept, sorted, one a line; the output depends on nothing but the installed ``faker``.

Example::

    $ pip install faker && apt-get install wbritish && python scripts/make_world_given_names.py
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import tomllib
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
RULES = REPO_ROOT / "src" / "caregraph" / "rules"
LEFT_OUT = frozenset({"en", "en_US", "en_NZ"})
ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
HEADER = """\
# Given names of other languages and countries: the first names of the person providers of the PyPI package `faker`
# ({version}), every locale but the generic English ones (en, en_US, en_NZ), Latin script, three letters or more,
# less the words of English in lower case (SCOWL's british-english word list, Copyright 2000-2011 by Kevin Atkinson,
# used only to leave words out), faker's list of common English words, the people finder's vocabulary and the names
# of given_names.txt. Built by scripts/make_world_given_names.py; do not edit by hand. Read by
# caregraph.pipeline.extract.people_by_given_name.
#
# faker is under the MIT licence:
# Copyright (c) 2012 Daniele Faraglia
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
# documentation files (the "Software"), to deal in the Software without restriction, including without limitation
# the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
# permit persons to whom the Software is furnished to do so, subject to the following conditions: The above copyright
# notice and this permission notice shall be included in all copies or substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
# WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def _first_names(provider: type) -> set[str]:
    """The first names a person provider declares (a list, a tuple or a dict of weights), its own or inherited."""
    out: set[str] = set()
    for attribute in ATTRIBUTES:
        for klass in provider.__mro__:
            value = klass.__dict__.get(attribute)
            if value is not None and not isinstance(value, property):
                out.update(value.keys() if isinstance(value, dict) else value)
                break
    return out


def _latin(name: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") or ch in "-'’" for ch in name)


def _vocabulary() -> frozenset[str]:
    """The words of the people finder's vocabulary (``rules/people.toml``), lower case."""
    with (RULES / "people.toml").open("rb") as handle:
        people = tomllib.load(handle)["people"]
    keys = ("function_words", "head_words", "title_words", "post_subject_words", "calendar_words")
    return frozenset(w.lower() for key in keys for w in people.get(key, []))


def _english(path: Path) -> frozenset[str]:
    """The words of an English word list that it writes in lower case (its proper names are capitalised)."""
    if not path.is_file():
        sys.exit(f"make_world_given_names: {path}: no English word list (apt-get install wbritish, or --dictionary)")
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return frozenset(w for w in (line.strip() for line in lines) if w and w.islower() and "'" not in w)


def world_names(census: frozenset[str], english: frozenset[str] = frozenset()) -> list[str]:
    try:
        person = importlib.import_module("faker.providers.person")
        lorem = importlib.import_module("faker.providers.lorem.en_US")
    except ImportError:
        sys.exit("make_world_given_names: no installed 'faker' package (pip install faker)")
    common = {w.lower() for w in lorem.Provider.word_list} | _vocabulary() | english
    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        if module.name in LEFT_OUT:
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for raw in _first_names(provider):
            name = raw.strip()
            if not name.isalpha() or len(name) < 3 or not _latin(name) or not name[0].isupper():
                continue  # (a hyphenated name is read word by word: "Anne-Marie" by "Anne")
            name = name[0] + name[1:].lower()
            if name.lower() in common or name in census:
                continue
            names.add(name)
    return sorted(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=RULES / "given_names_world.txt")
    parser.add_argument("--dictionary", type=Path, default=Path("/usr/share/dict/british-english"))
    args = parser.parse_args(argv)
    census_text = (RULES / "given_names.txt").read_text(encoding="utf-8")
    census = frozenset(line for line in census_text.splitlines() if line and not line.startswith("#"))
    names = world_names(census, _english(args.dictionary))
    version = importlib.import_module("faker").VERSION
    args.out.write_text(HEADER.format(version=version) + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
