"""Build benchmark: caregraph's build of a corpus against the engine's limit and the naive way.

Measures, on a corpus written by ``bench/generate.py``:

- **cold build** — ``caregraph build CORPUS --store S -q --jobs N`` into an empty store: wall and CPU time, peak RSS
  of the whole process tree (main process + workers), documents/s, MB/s, quads/s;
- **unchanged rebuild** — the same command again (every document is skipped by its hash);
- **1 % changed** — every 100th document gets a sentence appended, then the same command (those graphs are
  replaced), then the files are restored;
- **stages** — where a document's time goes, in one process: load, segment, extract, map (rdflib graph), N-Triples;
- **baseline (a), the engine's limit** — the store's exact quads dumped to N-Quads and bulk-loaded by pyoxigraph
  (``Store.bulk_load``) into an empty on-disk store, in a fresh process; and the same quads through the
  transactional ``Store.load`` in 8 MB batches (what caregraph uses, for per-document atomicity);
- **baseline (b), the naive way** — the same extraction in one process writing into an rdflib ``Dataset`` in memory
  (``--naive-limit`` documents at most; rdflib needs about 1 kB of memory per triple).

The real-page corpus, replicated (``--replicate SRC --copies N``): CORPUS is first filled with N copies of the
pages of SRC (``../shared/corpus``, its manifest giving each page's URL), each copy under its own file name and URL
and with bytes of its own (a trailing line break per copy number: the build would skip same-byte copies), the pages
of the blind split of ``bench/split.toml`` left out (they are never read outside scoring).

Usage::

    python bench/build_bench.py CORPUS --work /tmp/bench-10k [--jobs 2] [--naive-limit 10000] [--name build-10k]
    python bench/build_bench.py /tmp/real54 --replicate ../shared/corpus --copies 54 --work /tmp/wreal --naive-limit 0

Results go to ``bench/results/NAME.json`` (or ``--out``).
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import time
from datetime import UTC
from pathlib import Path

from common import caregraph_cmd, du, run_measured, save

REFERENCE_PREFIX = "https://w3id.org/caregraph/graph/"


def replicate(source: Path, target: Path, copies: int) -> int:
    """Fill ``target`` with ``copies`` copies of the pages of ``source`` (blind split left out); return the pages."""
    import tomllib

    split = tomllib.loads((Path(__file__).parent / "split.toml").read_text(encoding="utf-8"))
    blind = {f"{int(n):03d}" for numbers in split.get("blind", {}).values() for n in numbers}
    with (source / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if Path(r["file"]).stem not in blind]
    shutil.rmtree(target, ignore_errors=True)
    (target / "docs").mkdir(parents=True)
    out = []
    for k in range(copies):
        for row in rows:
            name = f"docs/{k:03d}-{Path(row['file']).name}"
            data = (source / row["file"]).read_bytes() + b"\n" * (k + 1)
            (target / name).write_bytes(data)
            url = row.get("url") or ""
            out.append((name, f"{url}{'&' if '?' in url else '?'}copy={k}" if url else ""))
    with (target / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "url"])
        writer.writerows(out)
    return len(out)


def manifest_files(corpus: Path) -> list[str]:
    with (corpus / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        return [row["file"] for row in csv.DictReader(fh)]


def store_counts(store: Path) -> dict:
    import pyoxigraph as ox

    s = ox.Store.read_only(str(store))
    per_graph = {
        sol["g"].value: int(sol["n"].value)
        for sol in s.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    }
    reference = sum(n for g, n in per_graph.items() if g.startswith(REFERENCE_PREFIX))
    total = sum(per_graph.values())
    return {
        "quads": total,
        "document_quads": total - reference,
        "reference_quads": reference,
        "document_graphs": sum(1 for g in per_graph if not g.startswith(REFERENCE_PREFIX)),
    }


def build_cmd(corpus: Path, store: Path, jobs: int | None, bulk: bool = False) -> list[str]:
    return [
        *caregraph_cmd(),
        "build",
        str(corpus),
        "--store",
        str(store),
        "-q",
        *(["--jobs", str(jobs)] if jobs else []),
        *(["--bulk"] if bulk else []),
    ]


def rates(run: dict, docs: int, mb: float, quads: int) -> dict:
    w = run["wall_s"]
    return {**run, "docs_per_s": docs / w, "mb_per_s": mb / w, "quads_per_s": quads / w}


# ---------------------------------------------------------------------------------------------- stages


def stages(corpus: Path, sample: int = 200) -> dict:
    """Per-document time of each stage, in this process, over the first ``sample`` documents."""
    from datetime import datetime

    from caregraph.pipeline.extract import extract
    from caregraph.pipeline.load import iter_sources, load
    from caregraph.pipeline.mapping import to_ntriples
    from caregraph.pipeline.segment import segment

    now = datetime.now(UTC)
    totals = dict.fromkeys(("load", "segment", "extract", "map"), 0.0)  # map: straight to N-Triples, as the build
    done = triples = 0
    for source in iter_sources([corpus]):
        if done >= sample:
            break
        try:
            t0 = time.perf_counter()
            doc = load(source)
            t1 = time.perf_counter()
            seg = segment(doc)
            t2 = time.perf_counter()
            x = extract(seg)
            t3 = time.perf_counter()
            nt = to_ntriples(x, now)
            t4 = time.perf_counter()
        except Exception:  # the benchmark measures; the build reports failures
            continue
        for key, dt in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            totals[key] += dt
        triples += nt.count(b"\n")
        done += 1
    per_doc = {f"{k}_ms": v / done * 1000 for k, v in totals.items()}
    return {"documents": done, "triples_per_doc": triples / done, **per_doc, "total_ms": sum(per_doc.values())}


# ---------------------------------------------------------------------------------------------- baselines

_ENGINE = r"""
import json, sys, time, pyoxigraph as ox
mode, nq, target = sys.argv[1:4]
store = ox.Store(target)
t = time.perf_counter()
if mode == "bulk_load":
    store.bulk_load(path=nq, format=ox.RdfFormat.N_QUADS)
else:
    with open(nq, "rb") as fh:
        rest = b""
        while block := fh.read(8 << 20):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            store.load(block[:cut], format=ox.RdfFormat.N_QUADS)
            rest = block[cut:]
        if rest:
            store.load(rest, format=ox.RdfFormat.N_QUADS)
store.flush()
print(json.dumps({"seconds_inside": time.perf_counter() - t, "quads": len(store)}))
"""


def engine_baseline(store: Path, work: Path) -> dict:
    """Dump the store's quads, then load exactly those quads into empty stores: bulk and transactional."""
    import pyoxigraph as ox

    nq = work / "dump.nq"
    started = time.perf_counter()
    ox.Store.read_only(str(store)).dump(str(nq), format=ox.RdfFormat.N_QUADS)
    out = {"dump_s": time.perf_counter() - started, "nquads_mb": nq.stat().st_size / 1e6}
    for mode in ("bulk_load", "load"):
        target = work / f"engine-{mode}"
        shutil.rmtree(target, ignore_errors=True)
        out[mode] = run_measured([sys.executable, "-c", _ENGINE, mode, str(nq), str(target)])
        out[mode]["store_mb"] = du(target) / 1e6
        shutil.rmtree(target, ignore_errors=True)
    nq.unlink()
    return out


def naive(corpus: Path, limit: int) -> dict:
    """The same extraction, one process, every document's graph added to an rdflib Dataset in memory."""
    proc = subprocess.run(
        [sys.executable, __file__, "--naive-worker", str(corpus), "--naive-limit", str(limit)],
        capture_output=True,
        text=True,
    )
    if proc.returncode:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _naive_worker(corpus: Path, limit: int) -> None:
    import resource
    from datetime import datetime

    from rdflib import Dataset, URIRef

    from caregraph import iris
    from caregraph.pipeline.build import process, source_key
    from caregraph.pipeline.load import iter_sources
    from caregraph.pipeline.mapping import to_graph

    started = time.perf_counter()
    ds = Dataset()
    docs = failed = 0
    now = datetime.now(UTC)
    for source in iter_sources([corpus]):
        if docs + failed >= limit:
            break
        try:
            g = to_graph(process(source), now)
        except Exception:
            failed += 1
            continue
        ctx = ds.graph(URIRef(str(iris.document(source_key(source)))))
        for triple in g:
            ctx.add(triple)
        docs += 1
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "documents": docs,
                "failed": failed,
                "triples": len(ds),
                "wall_s": seconds,
                "cpu_s": usage.ru_utime + usage.ru_stime,
                "peak_rss_mb": usage.ru_maxrss / 1e3,
            }
        )
    )


# ---------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> dict | None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--work", type=Path, help="scratch folder for stores and dumps (emptied first)")
    parser.add_argument("--jobs", type=int, default=None, help="caregraph build --jobs (default: caregraph's default)")
    parser.add_argument(
        "--naive-limit",
        type=int,
        default=10_000,
        help="at most this many documents for the rdflib baseline (0: skip it)",
    )
    parser.add_argument("--no-engine", action="store_true", help="skip the pyoxigraph baselines")
    parser.add_argument("--stage-sample", type=int, default=200)
    parser.add_argument("--bulk", action="store_true", help="cold build with caregraph build --bulk")
    parser.add_argument("--keep", action="store_true", help="keep the built store in WORK/store (for query_bench.py)")
    parser.add_argument("--name", default=None, help="results name (default build-<documents>)")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--replicate", type=Path, default=None, help="fill CORPUS with copies of this corpus first")
    parser.add_argument("--copies", type=int, default=40, help="with --replicate: how many copies")
    parser.add_argument("--naive-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.naive_worker:
        _naive_worker(args.corpus, args.naive_limit)
        return None
    if args.replicate:
        pages = replicate(args.replicate, args.corpus, args.copies)
        print(f"{pages:,} pages: {args.copies} copies of {args.replicate} in {args.corpus}", file=sys.stderr)

    corpus = args.corpus
    files = manifest_files(corpus)
    docs = len(files)
    mb = sum((corpus / f).stat().st_size for f in files) / 1e6
    work = args.work or Path(f"/tmp/caregraph-bench-{docs}")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    store = work / "store"
    result: dict = {
        "command": " ".join(["python", "bench/build_bench.py", *(argv if argv is not None else sys.argv[1:])]),
        "corpus": str(corpus),
        "documents": docs,
        "corpus_mb": mb,
    }
    print(f"{docs:,} documents, {mb:.1f} MB", file=sys.stderr)

    cold = run_measured(build_cmd(corpus, store, args.jobs, args.bulk), ok_codes=(0, 1))
    counts = store_counts(store)
    result["store"] = {**counts, "store_mb": du(store) / 1e6}
    result["cold_build"] = rates(cold, docs, mb, counts["quads"])
    print(f"cold build {cold['wall_s']:.1f} s", file=sys.stderr)

    unchanged = run_measured(build_cmd(corpus, store, args.jobs), ok_codes=(0, 1))
    result["unchanged_rebuild"] = {**unchanged, "speedup_vs_cold": cold["wall_s"] / unchanged["wall_s"]}
    print(f"unchanged rebuild {unchanged['wall_s']:.2f} s", file=sys.stderr)

    changed_files = files[::100]
    originals = {f: (corpus / f).read_bytes() for f in changed_files}
    try:
        for f in changed_files:
            with (corpus / f).open("ab") as fh:
                fh.write(b"\nMembers noted that a further update would be brought to the Committee in the spring.\n")
        changed = run_measured(build_cmd(corpus, store, args.jobs), ok_codes=(0, 1))
    finally:
        for f, data in originals.items():
            (corpus / f).write_bytes(data)
    result["changed_1pct_rebuild"] = {
        **changed,
        "changed_documents": len(changed_files),
        "speedup_vs_cold": cold["wall_s"] / changed["wall_s"],
    }
    print(f"1 % changed rebuild {changed['wall_s']:.2f} s", file=sys.stderr)

    result["stages"] = stages(corpus, args.stage_sample)

    if not args.no_engine:
        engine = engine_baseline(store, work)
        result["engine"] = engine
        result["ratio_to_bulk_load"] = cold["wall_s"] / engine["bulk_load"]["wall_s"]
        result["ratio_to_transactional_load"] = cold["wall_s"] / engine["load"]["wall_s"]
        # On a shared machine wall time depends on the neighbours; CPU time much less.
        result["cpu_ratio_to_bulk_load"] = cold["cpu_s"] / engine["bulk_load"]["cpu_s"]
        result["cpu_ratio_to_transactional_load"] = cold["cpu_s"] / engine["load"]["cpu_s"]
        print(
            f"engine bulk_load {engine['bulk_load']['wall_s']:.1f} s, load {engine['load']['wall_s']:.1f} s",
            file=sys.stderr,
        )
    if args.naive_limit:
        n = naive(corpus, min(args.naive_limit, docs))
        result["naive_rdflib"] = n
        attempted = n["documents"] + n["failed"]
        estimate = n["wall_s"] * docs / attempted
        result["naive_rdflib"]["wall_s_for_whole_corpus"] = estimate
        result["naive_rdflib"]["extrapolated"] = attempted < docs
        result["ratio_to_naive"] = cold["wall_s"] / estimate
        result["cpu_ratio_to_naive"] = cold["cpu_s"] / (n["cpu_s"] * docs / attempted)
        print(f"naive rdflib {n['wall_s']:.1f} s for {attempted} documents", file=sys.stderr)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    save(args.name or f"build-{docs}", result, args.out)
    return result


if __name__ == "__main__":
    main()
