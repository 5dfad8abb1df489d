"""Where a build's time goes: cProfile of a one-process build (``--jobs 1``), self time grouped by area, the top
functions, and the mapping stage timed both ways: into an rdflib ``Graph`` (``mapping.to_graph``) and straight into
the N-Triples the build writes (``mapping.to_ntriples``).

Usage::

    python bench/profile_build.py CORPUS [--documents 300] [--top 25] [--name profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from common import save

AREAS = (
    ("caregraph/pipeline/extract/", "extract"),
    ("caregraph/pipeline/dates.py", "extract"),
    ("caregraph/pipeline/casefold.py", "extract"),
    ("caregraph/gazetteer.py", "extract"),
    ("caregraph/pipeline/segment.py", "segment"),
    ("caregraph/pipeline/load/", "load"),
    ("html/parser.py", "load"),
    ("caregraph/pipeline/mapping.py", "map (caregraph.pipeline.mapping)"),
    ("caregraph/pipeline/reconcile.py", "map (caregraph.pipeline.reconcile)"),
    ("caregraph/iris.py", "map (caregraph.iris)"),
    ("rdflib/", "map (rdflib Graph)"),
    ("caregraph/store.py", "N-Triples (caregraph.store)"),
    ("caregraph/pipeline/build.py", "build (caregraph.pipeline.build)"),
    ("caregraph/interop/export.py", "dataset description (caregraph.interop.export)"),
    ("pyoxigraph", "Oxigraph (store writes, queries)"),
    ("re/", "regex (compile, stdlib)"),
)


def area(filename: str, function: str) -> str:
    if filename == "~":
        return (
            "Oxigraph (store writes, queries)"
            if "pyoxigraph" in function
            else f"builtins ({'regex' if 'Pattern' in function or 're.' in function else 'other'})"
        )
    for needle, name in AREAS:
        if needle in filename:
            return name
    return "other"


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--name", default="profile")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)

    from caregraph.pipeline.build import build
    from caregraph.pipeline.load import Source, iter_sources
    from caregraph.store import open_store

    sources = []
    for s in iter_sources([args.corpus]):
        if not isinstance(s, Source):  # a file of a format caregraph does not read (the manifest), or unreadable
            continue
        sources.append(s)
        if len(sources) >= args.documents:
            break
    from caregraph.pipeline.build import process as warm

    warm(sources[0])  # rules and gazetteer compile once per process: not what a document costs
    tmp = Path(tempfile.mkdtemp(prefix="caregraph-profile-"))
    try:
        with open_store(tmp / "store") as st:
            st.ensure_reference_graphs()
            profiler = cProfile.Profile()
            started = time.perf_counter()
            profiler.enable()
            summary = build(st, [], sources=sources, jobs=1)
            profiler.disable()
            seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    stats = pstats.Stats(profiler)
    by_area: dict[str, float] = defaultdict(float)
    functions = []
    for (filename, line, function), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        by_area[area(filename, function)] += tt
        functions.append((tt, ct, nc, f"{filename.split('site-packages/')[-1].split('src/')[-1]}:{line}({function})"))
    total = sum(by_area.values())
    functions.sort(reverse=True)

    # Mapping into an rdflib Graph (to_graph, then serialised) against the N-Triples the build writes (to_ntriples).
    import caregraph.pipeline.mapping as mapping
    from caregraph.ntriples import graph_ntriples
    from caregraph.pipeline.build import process

    extractions = []
    for s in sources[: min(200, len(sources))]:
        try:
            extractions.append(process(s))
        except Exception:
            pass
    timings = {}
    started_map = time.perf_counter()
    graphs = [mapping.to_graph(x) for x in extractions]
    mapped = time.perf_counter() - started_map
    started_nt = time.perf_counter()
    sizes = [len(graph_ntriples(g)) for g in graphs]
    timings["rdflib Graph (to_graph, then graph_ntriples)"] = {
        "map_ms_per_doc": mapped / len(extractions) * 1000,
        "ntriples_ms_per_doc": (time.perf_counter() - started_nt) / len(extractions) * 1000,
        "bytes": sum(sizes),
    }
    started_map = time.perf_counter()
    written = [mapping.to_ntriples(x) for x in extractions]
    timings["N-Triples (to_ntriples, as the build maps)"] = {
        "map_ms_per_doc": (time.perf_counter() - started_map) / len(extractions) * 1000,
        "ntriples_ms_per_doc": 0.0,
        "bytes": sum(len(b) for b in written),
    }
    result = {
        "command": " ".join(["python", "bench/profile_build.py", *(argv if argv is not None else sys.argv[1:])]),
        "documents": summary.read,
        "wall_s_under_profiler": seconds,
        "self_time_by_area_pct": {
            k: round(100 * v / total, 1) for k, v in sorted(by_area.items(), key=lambda kv: -kv[1])
        },
        "top_functions": [
            {"self_s": round(tt, 3), "cumulative_s": round(ct, 3), "calls": nc, "function": name}
            for tt, ct, nc, name in functions[: args.top]
        ],
        "mapping_graph_against_set": timings,
    }
    save(args.name, result, args.out)
    return result


if __name__ == "__main__":
    main()
