"""Extraction quality against gold: build a corpus, run the contract queries, score per category.

    python bench/quality.py --seeds                      # data/ against tests/gold
    python bench/quality.py --corpus ../shared/corpus    # a corpus folder (with manifest.csv) against bench/gold
    python bench/quality.py --corpus ../shared/corpus --errors   # also every false positive / negative
    python bench/quality.py --corpus ../shared/corpus --dump docs/015.txt   # what was predicted for one page

The corpus is built into a temporary store through the library API (``open_store`` + ``build``); the named
queries of ``queries/`` (``documents``, ``inspections``, ``meetings``, ``people``, ``posts``, ``decisions``,
``follow-ups``) are run with ``run_query`` and their rows turned into the gold schema of ``bench/gold/README.md``,
one predicted document per ``?file`` (made relative to the corpus folder, so ``docs/010.txt`` for the corpus and
``000_….txt`` for the seeds). Scores come from :mod:`caregraph.evaluate`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _last(iri: str | None) -> str | None:
    return iri.rstrip("/").rsplit("/", 1)[-1] if iri else None


def _key(file: str, root: Path) -> str:
    """The gold ``file`` value of a built document: its path relative to the corpus folder, with ``/``."""
    path = Path(file)
    if not path.is_absolute():
        path = Path.cwd() / path
    try:
        rel = os.path.relpath(path.resolve(), root.resolve())
    except ValueError:
        rel = path.name
    return rel.replace(os.sep, "/")


def predict(corpus: str | os.PathLike[str], *, timings: dict[str, float] | None = None) -> dict[str, dict]:
    """Build ``corpus`` into a temporary store and return one predicted gold-schema dict per document."""
    from caregraph.pipeline.build import build
    from caregraph.query import run_query
    from caregraph.store import open_store

    root = Path(corpus)
    manifest = root / "manifest.csv"
    with tempfile.TemporaryDirectory(prefix="caregraph-quality-") as tmp, open_store(Path(tmp) / "store") as store:
        started = time.perf_counter()
        summary = build(store, [root], manifest=manifest if manifest.exists() else None)
        if timings is not None:
            timings["build"] = time.perf_counter() - started
        for failure in summary.failures:
            print(f"build: {failure}", file=sys.stderr)
        started = time.perf_counter()
        rows = {
            name: run_query(store, name).values()
            for name in ("documents", "inspections", "meetings", "people", "posts", "decisions", "follow-ups")
        }
        if timings is not None:
            timings["queries"] = time.perf_counter() - started
    return rows_to_gold(rows, root)


def rows_to_gold(rows: Mapping[str, Sequence[Mapping[str, Any]]], root: Path) -> dict[str, dict]:
    """Turn the contract queries' rows into the gold schema, keyed by the gold ``file`` value."""
    by_iri: dict[str, dict] = {}
    for row in rows["documents"]:
        doc = row["document"]
        if doc in by_iri:
            continue
        by_iri[doc] = {
            "file": _key(row["file"], root),
            "url": row.get("url"),
            "council": [_last(row["council"])] if row.get("council") else [],
            "inspections": [],
            "meetings": [],
            "people": [],
            "posts": [],
            "decisions": [],
            "follow_ups": [],
        }
    seen: set[tuple] = set()

    def once(*key: Any) -> bool:
        if key in seen:
            return False
        seen.add(key)
        return True

    for row in rows["inspections"]:
        doc = by_iri.get(row["source"])
        if doc is not None and once("i", row["source"], row["inspection"]):
            doc["inspections"].append(
                {
                    "kind": _last(row["kind"]),
                    "start": row.get("start"),
                    "end": row.get("end"),
                    "judgement": _last(row.get("judgement")),
                    "council": _last(row["council"]),
                    "quote": "",
                }
            )
    for row in rows["meetings"]:
        doc = by_iri.get(row["source"])
        if doc is not None and once("m", row["source"], row["meeting"]):
            doc["meetings"].append(
                {
                    "body": row.get("bodyName") or "",
                    "date": row["date"],
                    "item": row.get("item"),
                    "title": row.get("title"),
                }
            )
    for row in rows["people"]:
        doc = by_iri.get(row["source"])
        if doc is not None and once("p", row["source"], row["person"]):
            doc["people"].append({"name": row["name"], "post": row.get("postLabel")})
    for row in rows["posts"]:
        doc = by_iri.get(row["source"])
        if doc is not None and not row.get("holder") and once("o", row["source"], row["post"]):
            doc["posts"].append(row["postLabel"])
    for row in rows["decisions"]:
        doc = by_iri.get(row["source"])
        if doc is not None and once("d", row["source"], row["decision"]):
            doc["decisions"].append({"number": row.get("number"), "text": row["text"]})
    for row in rows["follow-ups"]:
        doc = by_iri.get(row["source"])
        if doc is not None and once("f", row["source"], row["followUp"]):
            doc["follow_ups"].append({"due": row["due"], "description": row["description"]})
    return {doc["file"]: doc for doc in by_iri.values()}


# ---------------------------------------------------------------------------------------------------- errors


def _unmatched(gold: Sequence[Any], predicted: Sequence[Any], similarity) -> tuple[list[Any], list[Any]]:
    """The same one-to-one greedy matching as :func:`caregraph.evaluate._greedy`, returning what is left over."""
    from caregraph.evaluate import _negate

    pairs = [
        (s, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if (s := similarity(g, p)) is not None
    ]
    pairs.sort(key=lambda pair: (_negate(pair[0]), pair[1], pair[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    return [g for i, g in enumerate(gold) if i not in used_g], [p for i, p in enumerate(predicted) if i not in used_p]


def errors(gold: Mapping[str, Mapping], predicted: Mapping[str, Mapping]) -> str:
    """Per document and category, the gold entries missed (``-``) and the predictions not in gold (``+``)."""
    from caregraph import evaluate as ev

    def items(doc: Mapping | None, category: str) -> list:
        doc = doc or {}
        if category == "council":
            return [str(c).lower() for c in doc.get("council", [])]
        if category == "judgements":
            return [i for i in doc.get("inspections", []) if i.get("judgement")]
        if category == "posts":
            return ev._post_keys(doc)
        if category == "people":
            return [ev._normalise_name(p.get("name")) for p in doc.get("people", [])]
        return list(doc.get(category, []))

    similarity = {
        "council": ev._equal_keys,
        "inspections": ev._inspection_similarity,
        "judgements": ev._judgement_similarity,
        "meetings": ev._meeting_similarity,
        "people": ev._equal_keys,
        "posts": ev._equal_keys,
        "decisions": ev._decision_similarity,
        "follow_ups": ev._follow_up_similarity,
    }

    def show(item: Any) -> str:
        if isinstance(item, Mapping):
            item = {k: v for k, v in item.items() if v not in (None, "") and k not in {"quote", "council"}}
            text = json.dumps(item, ensure_ascii=False)
        else:
            text = json.dumps(item, ensure_ascii=False)
        return text if len(text) <= 220 else text[:217] + "…"

    out: list[str] = []
    for file in sorted(gold):
        lines = []
        for category in ev.CATEGORIES:
            missed, extra = _unmatched(
                items(gold[file], category), items(predicted.get(file), category), similarity[category]
            )
            lines += [f"  {category:<11} - {show(m)}" for m in missed]
            lines += [f"  {category:<11} + {show(p)}" for p in extra]
        if lines:
            out.append(file)
            out.extend(lines)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score caregraph's extraction against gold annotations.",
        epilog="Example: python bench/quality.py --corpus ../shared/corpus --errors",
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--seeds", action="store_true", help="score data/ against tests/gold")
    which.add_argument(
        "--corpus", metavar="FOLDER", help="score a corpus folder (holding manifest.csv) against bench/gold"
    )
    parser.add_argument(
        "--gold", metavar="FOLDER", help="gold folder (default: tests/gold for --seeds, bench/gold for --corpus)"
    )
    parser.add_argument(
        "--errors", action="store_true", help="print each document's false negatives (-) and false positives (+)"
    )
    parser.add_argument(
        "--dump",
        metavar="FILE",
        action="append",
        default=[],
        help="print the prediction for this document ('all' for every one)",
    )
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    from caregraph.errors import CaregraphError
    from caregraph.evaluate import format_table, load_gold, score

    corpus = ROOT / "data" if args.seeds else Path(args.corpus)
    gold_folder = Path(args.gold) if args.gold else ROOT / ("tests/gold" if args.seeds else "bench/gold")
    if not corpus.is_dir():
        print(f"Error: {corpus}: no such folder", file=sys.stderr)
        return 2
    try:
        gold = load_gold(gold_folder)
        timings: dict[str, float] = {}
        predicted = predict(corpus, timings=timings)
    except CaregraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    for file in args.dump:
        for key in sorted(predicted) if file == "all" else [file]:
            print(json.dumps(predicted.get(key), ensure_ascii=False, indent=1))
    missing = sorted(set(gold) - set(predicted))
    if missing:
        print(f"warning: {len(missing)} gold documents were not built: {', '.join(missing[:5])}", file=sys.stderr)
    print(
        f"{len(gold)} gold documents in {gold_folder}; {len(predicted)} documents built from {corpus} "
        f"(build {timings.get('build', 0):.1f} s, queries {timings.get('queries', 0):.1f} s)"
    )
    print(format_table(score(gold, predicted)))
    if args.errors:
        print()
        print(errors(gold, predicted))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
