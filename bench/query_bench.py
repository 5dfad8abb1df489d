"""Query benchmark: every named query's latency on a built store, in process and as CLI wall time.

Each named query runs twice over: over the whole store (no parameters: the worst case, every row) and for one
council (``--param council=C``, the usual question; C is the council with the most documents). In process: the
store opened read-only once, ``caregraph.run_query`` plus reading every row, median of ``--runs`` after one warm-up.
CLI: ``caregraph query NAME --store S --format csv > /dev/null``, median of ``--cli-runs`` (a fresh process each time,
so it includes start-up and opening the store).

``--compare DIR`` also runs, beside each named query, the query file of the same name in DIR (say, a copy of
``queries/`` from before a change) on the same store, right after it and with the same values (its optional
parameters' defaults given explicitly, since a query file declares none): before and after measured in the same
conditions, and their rows compared (``same_rows``: the same multiset of rows).

Usage::

    python bench/query_bench.py STORE [--runs 3] [--cli-runs 3] [--timeout 60] [--name queries-1e6]
                                      [--only a,b] [--compare /tmp/queries-before]
                                      [--council-only | --whole-only]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from common import caregraph_cmd, save, wall


def busiest_council(st) -> str | None:
    q = """SELECT ?c (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d <http://purl.org/dc/terms/publisher> ?c } }
           GROUP BY ?c ORDER BY DESC(?n) LIMIT 1"""
    for sol in st.ox.query(q):
        return sol["c"].value.rsplit("/", 1)[-1]
    return None


def explicit(name: str, params: dict[str, str]) -> dict[str, str]:
    """The values a named query runs with (its defaults filled in), written so that a query file given them
    (which declares no types) binds the same terms: IRIs in full, dates as YYYY-MM-DD."""
    from caregraph.query import named_queries
    from caregraph.query.params import bind_parameters

    bound = bind_parameters(named_queries()[name], params)
    return {k: v.value for k, v in bound.items() if not isinstance(v, tuple)}


def in_process(st, source: str, params: dict[str, str], runs: int, timeout: float) -> dict:
    from caregraph.errors import QueryTimeout
    from caregraph.query import run_query

    times: list[float] = []
    cpu: list[float] = []
    rows: list[tuple] = []
    try:
        for i in range(runs + 1):
            started, cpu0 = time.perf_counter(), time.process_time()
            result = run_query(st, source, params, timeout=timeout)
            rows = [tuple(r.get(v) for v in result.variables) for r in result.values()]
            if i:
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - cpu0)
    except QueryTimeout:
        return {"in_process_s": None, "timeout": True}
    # CPU time (this process: the engine runs in it) depends much less than wall time on the neighbours.
    return {
        "in_process_s": statistics.median(times),
        "in_process_cpu_s": statistics.median(cpu),
        "rows": len(rows),
        "_rows": rows,
    }


def cli(store: Path, source: str, params: dict[str, str], runs: int, timeout: float) -> dict:
    args = [a for k, v in params.items() for a in ("--param", f"{k}={v}")]
    cmd = [
        *caregraph_cmd(),
        "query",
        source,
        *args,
        "--store",
        str(store),
        "--format",
        "csv",
        "--timeout",
        str(timeout),
    ]
    try:
        return {"cli": wall(cmd, runs, ok_codes=(0, 1))}
    except RuntimeError as exc:
        return {"cli_error": str(exc)[-300:]}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cli-runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--only", default=None, help="comma-separated query names (default: all)")
    parser.add_argument("--compare", type=Path, default=None, help="a folder of .rq files to run beside each one")
    parser.add_argument("--council-only", action="store_true", help="only the one-council case (not the whole store)")
    parser.add_argument("--whole-only", action="store_true", help="only the whole-store case (no council)")
    parser.add_argument("--name", default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)

    from caregraph.query import named_queries
    from caregraph.store import open_store

    names = sorted(named_queries())
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    rows: list[dict] = []
    load_before = os.getloadavg()
    with open_store(args.store, read_only=True) as st:
        quads = len(st)
        council = busiest_council(st)
    cases = [] if args.council_only else [("all", {})]
    cases += [(f"council={council}", {"council": council})] if council and not args.whole_only else []
    for name in names:
        old = args.compare / f"{name}.rq" if args.compare else None
        for label, params in cases:
            entry: dict = {"query": name, "params": label}
            with open_store(args.store, read_only=True) as st:
                entry.update(in_process(st, name, params, args.runs, args.timeout))
                if old is not None and old.is_file():
                    before = in_process(st, str(old), explicit(name, params), args.runs, args.timeout)
                    entry["before"] = {k: v for k, v in before.items() if k != "_rows"}
                    if "_rows" in before and "_rows" in entry:
                        entry["same_rows"] = Counter(before["_rows"]) == Counter(entry["_rows"])
            entry.pop("_rows", None)
            if not entry.get("timeout"):
                entry.update(cli(args.store, name, params, args.cli_runs, args.timeout))
            if "before" in entry and not entry["before"].get("timeout"):
                entry["before"].update(cli(args.store, str(old), explicit(name, params), args.cli_runs, args.timeout))
            rows.append(entry)
            print(
                f"{name} [{label}]: {entry.get('in_process_s')} s, {entry.get('rows')} rows"
                + (
                    f"; before {entry['before'].get('in_process_s')} s, same rows: {entry.get('same_rows')}"
                    if "before" in entry
                    else ""
                ),
                file=sys.stderr,
            )
    result = {
        "command": " ".join(["python", "bench/query_bench.py", *(argv if argv is not None else sys.argv[1:])]),
        "store": str(args.store),
        "quads": quads,
        "council": council,
        "load_average": {"start": load_before, "end": os.getloadavg()},
        "queries": rows,
    }
    save(args.name or f"queries-{quads}", result, args.out)
    return result


if __name__ == "__main__":
    main()
