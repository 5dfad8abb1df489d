"""Do two versions of the named queries give the same rows? Each query file of OLD (say, ``queries/`` of the main
checkout) and of NEW (default: this checkout's ``queries/``) is run over a store, as ``caregraph query NAME`` runs
it (the parameters' defaults bound, the index read or, on a store without one, the documents' graphs), and the rows
are compared: the same columns, the same rows in the same order (``identical``), else whether they are the same
multiset of rows (``same_rows``) and, for an ordered query, whether only rows the ORDER BY ties were reordered.
With ``--runs N`` each text is also timed in process (the engine's evaluation and reading every row; the minimum of
N runs after the comparison's, old and new alternated; wall and CPU time).

Usage::

    python bench/query_equivalence.py STORE --old /work/main/queries [--new queries] [--only a,b]
                                      [--param council=surrey] [--graph IRI] [--runs 3] [--out FILE]

Exit status 1 when any query's rows differ (the differing rows are printed, a few of each).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_text(store, text: str, name: str, params: dict[str, str], graph: str | None) -> str:
    """The text ``caregraph query NAME`` would run: parameters bound (declared by this checkout's query of that name),
    the index patterns rewritten when the store has no index or one graph is asked for, and the reference graphs'
    labels read from every graph on a store whose vocabularies have no inspectorates."""
    from caregraph import index
    from caregraph.query import named_queries
    from caregraph.query.params import bind_parameters, with_values
    from caregraph.query.run import labels_of_every_graph

    if index.uses_index(text) and (graph or not index.is_ready(store)):
        text = index.without_index(text)
    text = labels_of_every_graph(text, store)
    return with_values(text, bind_parameters(named_queries()[name], params))


def rows_of(store, text: str, graph: str | None) -> tuple[list[str], list[tuple]]:
    """The columns and the rows (each term in its N-Triples form, None when unbound) of a SELECT."""
    import pyoxigraph as ox

    from caregraph.query.names import prefixes
    from caregraph.query.run import LABEL_GRAPHS

    options: dict = {"prefixes": prefixes()}
    if graph:
        options["default_graph"] = ox.NamedNode(graph)
        options["named_graphs"] = [ox.NamedNode(g) for g in dict.fromkeys([graph, *LABEL_GRAPHS])]
    else:
        options["use_default_graph_as_union"] = True
    solutions = store.ox.query(text, **options)
    columns = [v.value for v in solutions.variables]
    return columns, [tuple(None if t is None else str(t) for t in solution) for solution in solutions]


def compare(old: tuple[list[str], list[tuple]], new: tuple[list[str], list[tuple]]) -> dict:
    (old_columns, old_rows), (new_columns, new_rows) = old, new
    verdict: dict = {"rows": len(new_rows), "old_rows": len(old_rows), "same_columns": old_columns == new_columns}
    verdict["identical"] = verdict["same_columns"] and old_rows == new_rows
    if not verdict["identical"]:
        old_count, new_count = Counter(old_rows), Counter(new_rows)
        verdict["same_rows"] = verdict["same_columns"] and old_count == new_count
        verdict["only_old"] = [list(r) for r in list((old_count - new_count).elements())[:5]]
        verdict["only_new"] = [list(r) for r in list((new_count - old_count).elements())[:5]]
    return verdict


def order_keys(text: str) -> list[str] | None:
    """The variables of a query's final ORDER BY, when it orders by plain variables only (else None)."""
    import re

    from caregraph.query.safety import code_only

    code = code_only(text)
    m = list(re.finditer(r"(?i)\bORDER\s+BY\b(.*)$", code, re.S))
    if not m:
        return None
    keys = m[-1].group(1).split()
    if not all(re.fullmatch(r"\?\w+", k) for k in keys):
        return None
    return [k[1:] for k in keys]


def ties_only(old: tuple[list[str], list[tuple]], new: tuple[list[str], list[tuple]], keys: list[str]) -> bool:
    """Whether the new rows are the old ones reordered only among rows with the same ORDER BY keys."""
    columns = old[0]
    if not all(k in columns for k in keys):
        return False
    at = [columns.index(k) for k in keys]

    def groups(rows: list[tuple]) -> list[tuple]:
        out: list[tuple] = []
        for row in rows:
            key = tuple(row[i] for i in at)
            if out and out[-1][0] == key:
                out[-1][1][row] += 1
            else:
                out.append((key, Counter([row])))
        return out

    return groups(old[1]) == groups(new[1])


def timed(store, text: str, graph: str | None) -> tuple[float, float]:
    """Wall and CPU seconds of running the query and reading its rows (the engine runs in this thread: its CPU time
    depends much less than the wall time on what else the machine runs)."""
    started, cpu = time.perf_counter(), time.process_time()
    rows_of(store, text, graph)
    return time.perf_counter() - started, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--old", type=Path, required=True, help="the folder of the old .rq files")
    parser.add_argument("--new", type=Path, default=ROOT / "queries", help="the folder of the new .rq files")
    parser.add_argument("--only", default=None, help="comma-separated query names (default: every one in both)")
    parser.add_argument("--param", action="append", default=[], help="name=value, bound in both (repeatable)")
    parser.add_argument("--graph", default=None, help="one named graph as the default graph (as --graph does)")
    parser.add_argument("--runs", type=int, default=0, help="also time each text in process: the min of N runs")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))

    from caregraph.query import named_queries
    from caregraph.store import open_store

    params = dict(p.split("=", 1) for p in args.param)
    declared = named_queries()
    names = sorted(p.stem for p in args.new.glob("*.rq") if (args.old / p.name).is_file() and p.stem in declared)
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    report: dict = {"store": str(args.store), "params": params, "graph": args.graph, "queries": {}}
    failed = False
    with open_store(args.store, read_only=True) as store:
        for name in names:
            given = {k: v for k, v in params.items() if any(p.name == k for p in declared[name].parameters)}
            texts = {
                side: run_text(store, (folder / f"{name}.rq").read_text(encoding="utf-8"), name, given, args.graph)
                for side, folder in (("old", args.old), ("new", args.new))
            }
            old, new = rows_of(store, texts["old"], args.graph), rows_of(store, texts["new"], args.graph)
            verdict = compare(old, new)
            if not verdict["identical"] and verdict.get("same_rows"):
                keys = order_keys(texts["old"])
                verdict["ties_only"] = keys is not None and ties_only(old, new, keys)
            if args.runs:
                times: dict[str, list[tuple[float, float]]] = {"old": [], "new": []}
                for _ in range(args.runs):
                    for side in ("old", "new"):
                        times[side].append(timed(store, texts[side], args.graph))
                for side in ("old", "new"):
                    verdict[f"{side}_s"] = round(min(t[0] for t in times[side]), 3)
                    verdict[f"{side}_cpu_s"] = round(min(t[1] for t in times[side]), 3)
            report["queries"][name] = verdict
            ok = verdict["identical"]
            failed |= not ok
            timing = (
                f"; old {verdict['old_s']} s (CPU {verdict['old_cpu_s']}), new {verdict['new_s']} s (CPU {verdict['new_cpu_s']})"
                if args.runs
                else ""
            )
            state = (
                "identical"
                if ok
                else f"DIFFERENT (same multiset: {verdict.get('same_rows')}, ties only: {verdict.get('ties_only')})"
            )
            print(f"{name}: {verdict['rows']} rows, {state}{timing}", flush=True)
            if not ok:
                for side in ("only_old", "only_new"):
                    for row in verdict.get(side, []):
                        print(f"  {side}: {row}")
    if args.out:
        args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
