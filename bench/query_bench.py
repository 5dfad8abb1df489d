"""Query benchmark: every named query's latency on a built store, in process and as CLI wall time.

Each named query runs twice over: over the whole store (no parameters: the worst case, every row) and for one
council (``--param council=C``, the usual question; C is the council with the most documents). In process: the
store opened read-only once, ``caregraph.run_query`` plus reading every row, median of ``--runs`` after one warm-up.
CLI: ``caregraph query NAME --store S --format csv > /dev/null``, median of ``--cli-runs`` (a fresh process each time,
so it includes start-up and opening the store).

Usage::

    python bench/query_bench.py STORE [--runs 3] [--cli-runs 3] [--timeout 60] [--name queries-1e6]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from common import caregraph_cmd, save, wall


def busiest_council(st) -> str | None:
    q = """SELECT ?c (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d <http://purl.org/dc/terms/publisher> ?c } }
           GROUP BY ?c ORDER BY DESC(?n) LIMIT 1"""
    for sol in st.ox.query(q):
        return sol["c"].value.rsplit("/", 1)[-1]
    return None


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cli-runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--only", default=None, help="comma-separated query names (default: all)")
    parser.add_argument("--name", default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)

    from caregraph.errors import QueryTimeout
    from caregraph.query import named_queries, run_query
    from caregraph.store import open_store

    names = sorted(named_queries())
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    rows: list[dict] = []
    with open_store(args.store, read_only=True) as st:
        quads = len(st)
        council = busiest_council(st)
        for name in names:
            for label, params in (("all", {}), (f"council={council}", {"council": council} if council else None)):
                if params is None:
                    continue
                entry = {"query": name, "params": label}
                times = []
                n_rows = None
                try:
                    for i in range(args.runs + 1):
                        started = time.perf_counter()
                        result = run_query(st, name, params, timeout=args.timeout)
                        n_rows = len(list(result.rows)) if result.rows is not None else None
                        if i:
                            times.append(time.perf_counter() - started)
                    entry.update(in_process_s=statistics.median(times), rows=n_rows)
                except QueryTimeout:
                    entry.update(in_process_s=None, timeout=True)
                rows.append(entry)
                print(f"{name} [{label}]: {entry.get('in_process_s')} s, {n_rows} rows", file=sys.stderr)
    for entry in rows:
        if entry.get("timeout"):
            continue
        params = [] if entry["params"] == "all" else ["--param", entry["params"]]
        cmd = [
            *caregraph_cmd(),
            "query",
            entry["query"],
            *params,
            "--store",
            str(args.store),
            "--format",
            "csv",
            "--timeout",
            str(args.timeout),
        ]
        try:
            entry["cli"] = wall(cmd, args.cli_runs, ok_codes=(0, 1))
        except RuntimeError as exc:
            entry["cli_error"] = str(exc)[-300:]
    result = {
        "command": " ".join(["python", "bench/query_bench.py", *(argv if argv is not None else sys.argv[1:])]),
        "store": str(args.store),
        "quads": quads,
        "council": council,
        "queries": rows,
    }
    save(args.name or f"queries-{quads}", result, args.out)
    return result


if __name__ == "__main__":
    main()
