"""Validation benchmark: wall time of ``caregraph validate`` (SHACL over every document graph of a store, and
Ofsted's record when imported), in process and as a command, medians of several runs.

Usage::

    python bench/validate_bench.py STORE [--runs 5] [--name validate]

The store is opened read-only; it is not changed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from caregraph.store import Store
from caregraph.validate import validate_store
from common import caregraph_cmd, ensure_bytecode, save, wall


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--name", default="validate")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    ensure_bytecode()
    seconds = []
    with Store(args.store, read_only=True) as store:
        for _ in range(args.runs):
            started = time.perf_counter()
            report = validate_store(store)
            seconds.append(time.perf_counter() - started)
    result = {
        "command": " ".join(["python", "bench/validate_bench.py", *(argv if argv is not None else sys.argv[1:])]),
        "graphs": len(report.graphs),
        "triples": report.triples,
        "conforms": report.conforms,
        "in_process": {"median_s": statistics.median(seconds), "runs_s": seconds},
        # exit 1 is a store that does not conform: still a full validation
        "cli": wall([*caregraph_cmd(), "validate", "--store", str(args.store)], args.runs, ok_codes=(0, 1)),
    }
    save(args.name, result, args.out)
    return result


if __name__ == "__main__":
    main()
