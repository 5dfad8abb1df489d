#!/usr/bin/env python3
"""Build the table of given names the people finder takes as evidence of a name (src/caregraph/rules/given_names.txt).

The names are the first names of the U.S. Census Bureau's 1990 name files (``dist.male.first``, ``dist.female.first``:
every first name held by at least about one person in 100,000 of a 1990 sample), a work of the U.S. Government and
in the public domain. The PyPI package ``names`` (MIT licence) ships these files unchanged, so the script reads them
from an installed ``names`` (``pip install names``) unless ``--census`` names a folder holding them. Only the names
are kept (no frequencies), title-cased, sorted, one a line; the output depends on nothing but the input files.

Example::

    $ pip install names && python scripts/make_given_names.py --out src/caregraph/rules/given_names.txt
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
FILES = ("dist.male.first", "dist.female.first")
HEADER = """\
# Given names: the first names of the U.S. Census Bureau's 1990 name files (dist.male.first, dist.female.first), a
# work of the U.S. Government in the public domain, as the PyPI package `names` (MIT) ships them. Built by
# scripts/make_given_names.py; do not edit by hand. Read by caregraph.pipeline.extract.people_by_given_name.
"""


def census_folder(given: Path | None) -> Path:
    if given is not None:
        return given
    spec = importlib.util.find_spec("names")
    if spec is None or spec.origin is None:
        sys.exit("make_given_names: no --census folder and no installed 'names' package (pip install names)")
    return Path(spec.origin).parent


def given_names(folder: Path) -> list[str]:
    names: set[str] = set()
    for file in FILES:
        path = folder / file
        if not path.is_file():
            sys.exit(f"make_given_names: {path}: missing (the census file of first names)")
        for number, line in enumerate(path.read_text(encoding="ascii").splitlines(), 1):
            fields = line.split()
            if not fields:
                continue
            if len(fields) != 4 or not fields[0].isalpha():
                sys.exit(f"make_given_names: {path}:{number}: not a census row (NAME FREQUENCY CUMULATIVE RANK)")
            if len(fields[0]) > 1:
                names.add(fields[0].capitalize())
    return sorted(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--census", type=Path, default=None, help="folder with dist.male.first and dist.female.first")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "src" / "caregraph" / "rules" / "given_names.txt")
    args = parser.parse_args(argv)
    names = given_names(census_folder(args.census))
    args.out.write_text(HEADER + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} given names written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
