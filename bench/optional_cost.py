"""What one more OPTIONAL property costs a whole-store question in Oxigraph, and what reading a thing's properties in
one pattern (a pivot: ``?thing ?p ?o`` grouped by the thing) costs instead: the measure behind the whole-store query
figures of docs/performance.md (stop 39).

Over the decisions of every document graph: the core pattern (type and text), the core with one OPTIONAL property,
the core sorted as the named query sorts, the core with the seven OPTIONAL properties of ``queries/decisions.rq``,
and the same seven properties read by the pivot. Each in one process, best and median of ``--runs`` after one
warm-up run; rows are read and their values taken, as a client does.

    python bench/optional_cost.py STORE [--runs 3] [--name optional-cost]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from common import save

ROOT = Path(__file__).resolve().parent.parent
INDEX = "<https://w3id.org/caregraph/graph/index>"
CORE = "GRAPH ?source { ?decision a cg:Decision ; cg:text ?text }"
PROPERTIES = ("number", "decisionType", "unanimous", "madeAt", "date", "dateBasis", "outcome")

QUERIES = {
    "core": f"SELECT ?decision ?text ?source WHERE {{ {CORE} }}",
    "core + 1 OPTIONAL": f"SELECT * WHERE {{ {CORE} OPTIONAL {{ GRAPH ?source {{ ?decision cg:number ?number }} }} }}",
    "core, sorted": f"SELECT ?decision ?text ?source WHERE {{ {CORE} BIND(CONCAT(' ', STR(?source)) AS ?o) }} ORDER BY ?o",
    "core + 7 OPTIONAL": "SELECT * WHERE { "
    + CORE
    + "".join(f" OPTIONAL {{ GRAPH ?source {{ ?decision cg:{p} ?{p} }} }}" for p in PROPERTIES)
    + " }",
    "7 properties by pivot": "SELECT ?decision ?source (SAMPLE(?t) AS ?text) "
    + " ".join(f"(SAMPLE(?{p}Value) AS ?{p})" for p in PROPERTIES)
    + f" WHERE {{ GRAPH {INDEX} {{ ?source cg:publisher ?council }} GRAPH ?source {{ ?decision a cg:Decision ; ?p ?o }}"
    + " BIND(IF(?p = cg:text, ?o, ?none) AS ?t)"
    + "".join(f" BIND(IF(?p = cg:{p}, ?o, ?none) AS ?{p}Value)" for p in PROPERTIES)
    + " } GROUP BY ?decision ?source",
}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--name", default="optional-cost")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    import pyoxigraph as ox

    from caregraph.query.names import prefixes

    store = ox.Store.read_only(str(args.store))
    results = {}
    for label, query in QUERIES.items():
        times, rows = [], 0
        for run in range(args.runs + 1):
            started = time.perf_counter()
            answer = store.query(query, prefixes=prefixes(), use_default_graph_as_union=True)
            assert isinstance(answer, ox.QuerySolutions)
            values = [[term.value if term is not None else None for term in row] for row in answer]
            if run:  # the first run warms the store's caches
                times.append(time.perf_counter() - started)
            rows = len(values)
        results[label] = {"rows": rows, "best_s": round(min(times), 3), "median_s": round(statistics.median(times), 3)}
        print(f"{label:24} {rows:>7} rows  best {min(times):.3f} s  median {statistics.median(times):.3f} s")
    result = {"command": " ".join(["python", "bench/optional_cost.py", *(argv or sys.argv[1:])]), "queries": results}
    save(args.name, result, args.out)
    return result


if __name__ == "__main__":
    main()
