"""The texts of the later real sets: where they come from, and whether the ones beside the repository are the ones
the gold was written for.

The pages of ``bench/gold-real2-*`` … ``bench/gold-real11-*`` are stored copies of public pages (the search tool's
``pages`` corpus: each text is one result's excerpt, the page from its beginning, about 2,000 characters). They are
third-party text and are not committed; they live beside the repository (``../realpages``, ``../realpages3`` …, see
``REAL_CORPORA`` in ``bench/quality.py``), and a new machine does not have them. ``bench/real-pages.csv`` records,
for every gold page, its address, the query that found it in the stored pages and the SHA-256 of the saved text, so a
later session can look each page up again and know whether what it saved is the same text.

    python bench/real_pages.py check                 # per set: gold pages, texts present, texts matching the record
    python bench/real_pages.py lists 8 DIR           # the recorded pages as 8 work lists (DIR/list1.json …), by query
    python bench/real_pages.py restore DIR           # write the texts from saved search results (DIR/*.json) and
                                                     # each set's manifest.csv; record new pages' hashes

On a new machine (stops 30 and 38): ``lists`` splits the recorded pages into work lists, one entry a recorded query
with the pages it finds, blind pages first; helpers each take a list, run each query with the search tool (corpus
``pages``), and save every result whose address is a listed page's as a saved search result (below), copying the
excerpt's JSON string literal exactly; ``restore`` then writes them (stop 38: 983 of 984 pages in one pass, eight
helpers, one search a query).

A saved search result is a JSON object ``{"set": "9", "file": "r2918.txt", "url": …, "query": …, "excerpt": …}``,
the excerpt exactly as the search tool returned it. ``restore`` refuses a result whose address is not the gold
page's, and never overwrites a recorded hash with another (it reports the page as differing instead). The search
tool shows no-break spaces as spaces: an excerpt that differs from the record is tried again with them put back
where pages hold them (lines of spaces alone, the first of two spaces, spaces at a line's end or start), and written
when one such reading has the recorded hash.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from quality import REAL_CORPORA, REAL_SETS, SPLITS  # noqa: E402

RECORD = ROOT / "bench" / "real-pages.csv"
COLUMNS = ["set", "split", "file", "url", "sha256", "query"]


def gold_pages() -> dict[tuple[str, str], dict[str, str]]:
    """(set, file name) -> the record row of every gold page of the real sets (hash and query empty)."""
    pages = {}
    for n in REAL_SETS:
        for side in ("dev", "blind"):
            for path in sorted(SPLITS[f"{side}{n}"].glob("*.json")):
                gold = json.loads(path.read_text(encoding="utf-8"))
                name = Path(gold["file"]).name
                pages[(n, name)] = {
                    "set": n,
                    "split": side,
                    "file": name,
                    "url": gold["url"],
                    "sha256": "",
                    "query": "",
                }
    return pages


def read_record() -> dict[tuple[str, str], dict[str, str]]:
    pages = gold_pages()
    if RECORD.exists():
        with RECORD.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                key = (row["set"], row["file"])
                if key in pages:
                    pages[key] |= {"sha256": row["sha256"], "query": row["query"]}
    return pages


def write_record(pages: dict[tuple[str, str], dict[str, str]]) -> None:
    order = {n: i for i, n in enumerate(REAL_SETS)}
    with RECORD.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(pages.values(), key=lambda r: (order[r["set"]], r["file"])))


def text_path(n: str, name: str) -> Path:
    return REAL_CORPORA[n] / "docs" / name


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_manifests(pages: dict[tuple[str, str], dict[str, str]]) -> None:
    """Each set's manifest.csv (file,url) lists the gold pages whose text is present."""
    for n in REAL_SETS:
        rows = [r for (s, name), r in sorted(pages.items()) if s == n and text_path(n, name).exists()]
        if not rows:
            continue
        with (REAL_CORPORA[n] / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["file", "url"])
            writer.writerows([f"docs/{r['file']}", r["url"]] for r in rows)


def restore(folder: Path) -> int:
    pages = read_record()
    written = differing = refused = 0
    for path in sorted(folder.glob("*.json")):
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            key = (str(saved["set"]), Path(saved["file"]).name)
            url, excerpt = saved["url"], saved["excerpt"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(f"{path}: not a saved search result ({exc})", file=sys.stderr)
            refused += 1
            continue
        page = pages.get(key)
        if page is None or page["url"] != url:
            print(f"{path}: {url} is not the gold address of set {key[0]} {key[1]}", file=sys.stderr)
            refused += 1
            continue
        if page["sha256"]:
            excerpt = next((t for t in _readings(excerpt) if _digest(t) == page["sha256"]), excerpt)
        data, digest = excerpt.encode("utf-8"), _digest(excerpt)
        if page["sha256"] and page["sha256"] != digest:
            print(f"{path}: differs from the recorded text of set {key[0]} {key[1]}; not written", file=sys.stderr)
            differing += 1
            continue
        target = text_path(*key)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        page["sha256"] = page["sha256"] or digest
        page["query"] = page["query"] or str(saved.get("query") or "")
        written += 1
    write_record(pages)
    write_manifests(pages)
    print(f"{written} texts written, {differing} differing from the record, {refused} refused; record {RECORD.name}")
    return 1 if differing or refused else 0


_NBSP = "\u00a0"
#: Where stored pages hold no-break spaces that the search tool shows as spaces, each a way to put them back.
_NBSP_PLACES = (
    lambda t: re.sub(r"(?m)^( +)$", lambda m: _NBSP * len(m.group(1)), t),  # lines of spaces alone
    lambda t: re.sub(r"(?m)^ +$", _NBSP, t),
    lambda t: t.replace("  ", _NBSP + " "),  # the first of two spaces
    lambda t: t.replace("  ", " " + _NBSP),
    lambda t: re.sub(r"(?<=\S)  (?=\S)", _NBSP + " ", t),
    lambda t: re.sub(r"(?<=\S)  (?=\S)", " " + _NBSP, t),
    lambda t: re.sub(r"(?m) +$", lambda m: _NBSP * len(m.group(0)), t),  # spaces at a line's end
    lambda t: re.sub(r"(?m)^ ", _NBSP, t),  # a space at a line's start
    lambda t: re.sub(r"(?m) $", _NBSP, t),
)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _readings(excerpt: str) -> Iterator[str]:
    """The excerpt as returned, then with no-break spaces put back by up to three of :data:`_NBSP_PLACES` at once."""
    yield excerpt
    for k in (1, 2, 3):
        for places in itertools.combinations(_NBSP_PLACES, k):
            text = excerpt
            for put_back in places:
                text = put_back(text)
            yield text


def work_lists(n: int, folder: Path) -> int:
    """Write the recorded pages as ``n`` work lists (``folder/list1.json`` …) for restoring their texts: one entry a
    recorded query and the pages it found, the blind pages' queries first, dealt out in turn."""
    by_query: dict[str, list[dict[str, str]]] = {}
    pages = read_record()
    for side in ("blind", "dev"):
        for _, row in sorted(pages.items()):
            if row["split"] == side and row["sha256"] and row["query"]:
                by_query.setdefault(row["query"], []).append(
                    {k: row[k] for k in ("set", "split", "file", "url", "sha256")}
                )
    lists: list[list[dict[str, object]]] = [[] for _ in range(n)]
    for i, (query, found) in enumerate(by_query.items()):
        lists[i % n].append({"query": query, "pages": found})
    folder.mkdir(parents=True, exist_ok=True)
    for i, entries in enumerate(lists, 1):
        (folder / f"list{i}.json").write_text(json.dumps(entries, indent=1, ensure_ascii=False), encoding="utf-8")
    pages_listed = sum(len(found) for found in by_query.values())
    print(f"{pages_listed} pages, {len(by_query)} queries in {n} lists")
    return 0


def check() -> int:
    pages = read_record()
    bad = 0
    print(f"{'set':<10}{'gold':>6}{'present':>9}{'matching':>10}{'recorded':>10}")
    for n in REAL_SETS:
        for side in ("dev", "blind"):
            rows = [r for (s, _), r in pages.items() if s == n and r["split"] == side]
            present = [r for r in rows if text_path(n, r["file"]).exists()]
            matching = [r for r in present if r["sha256"] and sha256(text_path(n, r["file"])) == r["sha256"]]
            recorded = [r for r in rows if r["sha256"]]
            bad += len(present) - len(matching)
            print(f"{side + n:<10}{len(rows):>6}{len(present):>9}{len(matching):>10}{len(recorded):>10}")
    if bad:
        print(f"{bad} present texts do not match the record (or have none)", file=sys.stderr)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog="Example: python bench/real_pages.py check"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="per set: gold pages, texts present, texts matching the record")
    lists_parser = commands.add_parser("lists", help="the recorded pages as N work lists (DIR/listK.json), by query")
    lists_parser.add_argument("n", type=int, metavar="N")
    lists_parser.add_argument("folder", type=Path, metavar="DIR")
    restore_parser = commands.add_parser("restore", help="write texts from saved search results (DIR/*.json)")
    restore_parser.add_argument("folder", type=Path, metavar="DIR")
    args = parser.parse_args(argv)
    if args.command == "lists":
        return work_lists(args.n, args.folder)
    return restore(args.folder) if args.command == "restore" else check()


if __name__ == "__main__":
    raise SystemExit(main())
