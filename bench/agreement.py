"""How far two careful annotators agree: a second annotation of dev-side pages scored against the committed gold.

    python bench/agreement.py                          # bench/gold-second against the dev, dev2 and dev3 gold
    python bench/agreement.py --second bench/gold-second13   # the thirteenth set's dev pages (stop 31)
    python bench/agreement.py --second DIR --no-extractor

The second annotation (``bench/gold-second``) was written under ``../shared/ANNOTATION.md`` by annotators who saw
neither the committed gold, the extractor nor its output (docs/quality.md, *How far annotators agree*). Scored with
the evaluator the extractor is scored with (``caregraph.evaluate``: the same matching, each annotation in turn as the
reference; F1 is the same either way round), the agreement is the ceiling a figure against one annotator's gold can
be read against. Beside it, on the same pages, the extractor against each annotation: the pages are dev pages the
rules were tuned to, so the extractor-versus-gold column is a tuned figure; the extractor-versus-second column shows
how much of it is agreement with the first annotator's readings.

Blind pages are refused: the study is of dev-side pages only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from caregraph.errors import CaregraphError  # noqa: E402
from caregraph.evaluate import format_columns, load_gold, score  # noqa: E402
from quality import BLIND_REFUSAL, DEFAULT_CORPUS, REAL_CORPORA, REAL_SETS, SPLITS, blind_files, predict  # noqa: E402

SECOND = ROOT / "bench" / "gold-second"
CORPORA = {"dev": DEFAULT_CORPUS, **{f"dev{n}": REAL_CORPORA[n] for n in REAL_SETS}}  # every dev split's pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--second", default=str(SECOND), help=f"the second annotation (default {SECOND})")
    parser.add_argument("--no-extractor", action="store_true", help="score the annotators only (no build)")
    args = parser.parse_args(argv)
    try:
        second = load_gold(args.second)
        first = {name: load_gold(SPLITS[name]) for name in CORPORA}
    except CaregraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    if set(second) & blind_files():
        print(f"Error: {BLIND_REFUSAL}: {args.second} holds blind pages", file=sys.stderr)
        return 2
    unknown = sorted(set(second) - {file for gold in first.values() for file in gold})
    if unknown:
        print(f"Error: {args.second}: no dev-side gold for {', '.join(unknown[:5])}", file=sys.stderr)
        return 2
    columns = {}
    by_set = {name: {f: g for f, g in gold.items() if f in second} for name, gold in first.items()}
    by_set = {name: pages for name, pages in by_set.items() if pages}
    for name, pages in by_set.items():
        columns[f"{name} ({len(pages)})"] = score(pages, {f: second[f] for f in pages})
    every = {f: g for pages in by_set.values() for f, g in pages.items()}
    columns[f"all ({len(every)})"] = score(every, second)
    print("Second annotation against the committed gold (inter-annotator agreement), by set:")
    print(format_columns(columns, gaps=False))
    if args.no_extractor:
        return 0
    predicted: dict[str, dict] = {}
    for name in by_set:
        if not CORPORA[name].is_dir():
            print(f"note: {CORPORA[name]} is missing; the extractor is not scored on {name}", file=sys.stderr)
            continue
        predicted |= predict(CORPORA[name])
    scored = {f: g for f, g in every.items() if f in predicted}
    print()
    print(f"On the same {len(scored)} pages (dev pages: the rules were tuned to the first annotation):")
    print(
        format_columns(
            {
                "second vs gold": score(scored, second),
                "extractor vs gold": score(scored, predicted),
                "extractor vs second": score({f: second[f] for f in scored}, predicted),
            },
            gaps=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
