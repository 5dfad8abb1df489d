"""The texts of the later real sets: where they come from, and whether the ones beside the repository are the ones
the gold was written for.

The pages of ``bench/gold-real2-*`` … ``bench/gold-real11-*`` are stored copies of public pages (the search tool's
``pages`` corpus: each text is one result's excerpt, the page from its beginning, about 2,000 characters). They are
third-party text and are not committed; they live beside the repository (``../realpages``, ``../realpages3`` …, see
``REAL_CORPORA`` in ``bench/quality.py``), and a new machine does not have them. ``bench/real-pages.csv`` records,
for every gold page, its address, the query that found it in the stored pages and the SHA-256 of the saved text, so a
later session can look each page up again and know whether what it saved is the same text.

    python bench/real_pages.py check                 # per set: gold pages, texts present, texts matching the record
    python bench/real_pages.py restore DIR           # write the texts from saved search results (DIR/*.json) and
                                                     # each set's manifest.csv; record new pages' hashes

A saved search result is a JSON object ``{"set": "9", "file": "r2918.txt", "url": …, "query": …, "excerpt": …}``,
the excerpt exactly as the search tool returned it. ``restore`` refuses a result whose address is not the gold
page's, and never overwrites a recorded hash with another (it reports the page as differing instead).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
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
        data = excerpt.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
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
    restore_parser = commands.add_parser("restore", help="write texts from saved search results (DIR/*.json)")
    restore_parser.add_argument("folder", type=Path, metavar="DIR")
    args = parser.parse_args(argv)
    return restore(args.folder) if args.command == "restore" else check()


if __name__ == "__main__":
    raise SystemExit(main())
