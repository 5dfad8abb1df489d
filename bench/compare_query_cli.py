"""Head-to-head CLI wall time of the named queries under different versions of caregraph, alternated run by run so
every version sees the same machine: ``caregraph query NAME --store S --format csv`` (optionally with ``--param
council=C``), a fresh process each time, start-up and opening the store included.

Each variant is ``LABEL=SRC_DIR``: a source tree's ``src/`` put first on ``sys.path`` (its own ``queries/`` beside it
is the one read), or ``-`` for the installed caregraph. Its bytecode is written first, as an installed package has.

Usage::

    python bench/compare_query_cli.py STORE old=/tmp/base/src new=src [--council kingston-upon-thames]
                                      [--rounds 5] [--only a,b] [--limit 0.3] [--name compare-query-cli]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import save


def command(src: str, name: str, store: Path, council: str | None) -> list[str]:
    if src == "-":
        prefix = "import sys; sys.argv[0] = 'caregraph'"
    else:
        prefix = f"import sys; sys.path.insert(0, {src!r}); sys.argv[0] = 'caregraph'"
    code = f"{prefix}; from caregraph.cli import main; main()"
    params = ["--param", f"council={council}"] if council else []
    return [sys.executable, "-c", code, "query", name, "--store", str(store), "--format", "csv", *params]


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("variants", nargs="+", help="LABEL=SRC_DIR (or LABEL=- for the installed caregraph)")
    parser.add_argument("--council", default=None, help="bind --param council=C (default: the whole store)")
    parser.add_argument("--rounds", type=int, default=5, help="runs of each query and variant, after one warm-up")
    parser.add_argument("--only", default=None, help="comma-separated query names (default: every named query)")
    parser.add_argument("--limit", type=float, default=0.3, help="count the medians within this many seconds")
    parser.add_argument("--name", default="compare-query-cli")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)

    from caregraph.query import named_queries

    names = sorted(named_queries())
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    variants = dict(v.split("=", 1) for v in args.variants)
    for src in variants.values():
        if src != "-":
            compileall.compile_dir(src, quiet=1)
    times: dict[tuple[str, str], list[float]] = {(n, v): [] for n in names for v in variants}
    load_before = os.getloadavg()
    for round_ in range(args.rounds + 1):
        for name in names:
            for label, src in variants.items():
                started = time.perf_counter()
                done = subprocess.run(command(src, name, args.store, args.council), capture_output=True)
                elapsed = time.perf_counter() - started
                if done.returncode not in (0, 1):
                    raise SystemExit(f"{label} {name}: exit {done.returncode}: {done.stderr.decode()[-500:]}")
                if round_:  # the first round warms the page cache and the bytecode
                    times[(name, label)].append(elapsed)
    medians = {label: {n: statistics.median(times[(n, label)]) for n in names} for label in variants}
    for name in names:
        print(f"{name:28s} " + "  ".join(f"{label} {medians[label][name]:.3f}" for label in variants), file=sys.stderr)
    within = {label: sum(m <= args.limit for m in medians[label].values()) for label in variants}
    print(
        f"within {args.limit} s: " + ", ".join(f"{k} {v} of {len(names)}" for k, v in within.items()), file=sys.stderr
    )
    result = {
        "command": " ".join(["python", "bench/compare_query_cli.py", *(argv if argv is not None else sys.argv[1:])]),
        "store": str(args.store),
        "council": args.council,
        "rounds": args.rounds,
        "load_average": {"start": load_before, "end": os.getloadavg()},
        "median_s": medians,
        "within_limit": within,
    }
    save(args.name, result, args.out)
    return result


if __name__ == "__main__":
    main()
