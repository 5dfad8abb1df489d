"""Readers during a build: one process opens the store read-only and counts its graphs, again and again, while a
`caregraph build --jobs 1` adds documents and changes others; prints how many opens there were, how many failed, and
which graph counts the readers saw (docs/reliability.md, "Readers during a build").

    python bench/readers_during_build.py PAGES... [--first 300] [--then 400]

PAGES are folders of .txt pages (e.g. ../shared/corpus/docs and the real sets beside the repository): the first
``--first`` pages are built, then ``--then`` more are added and every third first page is changed while readers read.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from caregraph.store import open_store

GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def build(corpus: Path, store: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "caregraph.cli", "build", str(corpus), "--store", str(store), "-q", *extra]
    return subprocess.Popen(command)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="+", type=Path)
    parser.add_argument("--first", type=int, default=300)
    parser.add_argument("--then", type=int, default=400)
    args = parser.parse_args()
    files = sorted(p for folder in args.pages for p in folder.glob("*.txt"))
    if len(files) < args.first + args.then:
        parser.error(f"{len(files)} pages found; --first and --then need {args.first + args.then}")
    with tempfile.TemporaryDirectory() as work:
        corpus, store = Path(work) / "corpus", Path(work) / "store"
        corpus.mkdir()
        for i, page in enumerate(files[: args.first]):
            shutil.copy(page, corpus / f"a{i}.txt")
        if build(corpus, store).wait() != 0:
            sys.exit("the first build failed")
        for i, page in enumerate(files[args.first : args.first + args.then]):
            shutil.copy(page, corpus / f"b{i}.txt")
        for i in range(0, args.first, 3):
            changed = corpus / f"a{i}.txt"
            changed.write_text(changed.read_text(encoding="utf-8") + "\nChanged.", encoding="utf-8")
        writer = build(corpus, store, "--jobs", "1")
        opens = failures = 0
        seen: set[int] = set()
        while writer.poll() is None:
            try:
                with open_store(store, read_only=True) as st:
                    seen.add(sum(1 for _ in st.query(GRAPHS)))
                opens += 1
            except Exception as exc:  # counted and shown: what this benchmark is for
                failures += 1
                print(f"failed: {exc}", file=sys.stderr)
        print(f"build exit {writer.returncode}; {opens} opens, {failures} failed; graph counts seen {sorted(seen)}")


if __name__ == "__main__":
    main()
