"""Markdown tables from ``bench/results/*.json``, for docs/performance.md.

Usage::

    python bench/report.py [RESULTS_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def load(folder: Path, prefix: str) -> list[tuple[str, dict]]:
    return [(p.stem, json.loads(p.read_text())) for p in sorted(folder.glob(f"{prefix}*.json"))]


def f(x, digits=2) -> str:
    if x is None:
        return "—"
    if isinstance(x, (int,)) or (isinstance(x, float) and x >= 1000):
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def builds(folder: Path) -> str:
    rows = [
        "| run | documents | MB | quads | load avg | cold wall s | cold CPU s | docs/s | MB/s | quads/s | peak RSS MB (all / main) | unchanged wall s (CPU) | × cold | 1 % changed wall s (CPU) | × cold |",
        "|" + "---|" * 15,
    ]
    base = [
        "| run | dump → bulk_load wall s (CPU) | transactional load wall s (CPU) | naive rdflib wall s (CPU) | cold ÷ bulk_load wall (CPU) | cold ÷ load wall (CPU) | cold ÷ naive wall (CPU) |",
        "|" + "---|" * 7,
    ]
    stages = [
        "| run | load | segment | extract | map (rdflib) | N-Triples | total ms/doc | triples/doc |",
        "|" + "---|" * 8,
    ]
    for name, r in load(folder, "build-"):
        if "cold_build" not in r:  # a bench/timed_build.py result: its figures are quoted from the JSON itself
            continue
        c, u, ch = r["cold_build"], r["unchanged_rebuild"], r["changed_1pct_rebuild"]
        rows.append(
            f"| {name} | {r['documents']:,} | {r['corpus_mb']:.1f} | {r['store']['quads']:,} | {r['machine'].get('loadavg_at_start', 0):.1f} | {f(c['wall_s'], 1)} | {f(c['cpu_s'], 1)} | {f(c['docs_per_s'], 1)} | {f(c['mb_per_s'], 3)} | {f(c['quads_per_s'])} | {c['peak_rss_mb']:.0f} / {c['peak_rss_main_mb']:.0f} | {f(u['wall_s'])} ({f(u['cpu_s'])}) | {u['speedup_vs_cold']:.0f} | {f(ch['wall_s'])} ({f(ch['cpu_s'])}) | {ch['speedup_vs_cold']:.0f} |"
        )
        e, n = r.get("engine"), r.get("naive_rdflib")
        if e or n:
            naive = "—"
            if n:
                naive = (
                    f"{f(n['wall_s_for_whole_corpus'], 1)} ({f(n['cpu_s'] * r['documents'] / max(1, n['documents'] + n['failed']), 1) if 'cpu_s' in n else '—'})"
                    + (" extrapolated from " + f"{n['documents'] + n['failed']:,}" if n.get("extrapolated") else "")
                )
            base.append(
                f"| {name} | {f(e['bulk_load']['wall_s'], 1)} ({f(e['bulk_load']['cpu_s'], 1)}) | {f(e['load']['wall_s'], 1)} ({f(e['load']['cpu_s'], 1)}) | {naive} | {f(r.get('ratio_to_bulk_load'))} ({f(r.get('cpu_ratio_to_bulk_load', c['cpu_s'] / e['bulk_load']['cpu_s']))}) | {f(r.get('ratio_to_transactional_load'))} ({f(r.get('cpu_ratio_to_transactional_load', c['cpu_s'] / e['load']['cpu_s']))}) | {f(r.get('ratio_to_naive'))} ({f(r.get('cpu_ratio_to_naive'))}) |"
                if e
                else f"| {name} | — | — | {naive} | — | — | {f(r.get('ratio_to_naive'))} |"
            )
        s = r.get("stages")
        if s:
            stages.append(
                f"| {name} | {f(s['load_ms'])} | {f(s['segment_ms'])} | {f(s['extract_ms'])} | {f(s['map_ms'])} | {f(s.get('ntriples_ms'))} | {f(s['total_ms'])} | {s['triples_per_doc']:.0f} |"
            )
    return "\n".join(rows) + "\n\n" + "\n".join(base) + "\n\n" + "\n".join(stages)


def queries(folder: Path) -> str:
    runs = load(folder, "queries-")
    if not runs:
        return "(no query results)"
    names = sorted({(e["query"], e["params"].split("=")[0]) for _, r in runs for e in r["queries"]})
    head = (
        "| query | params | "
        + " | ".join(f"{name} ({r['quads']:,} quads): in process s / CLI wall s (CPU s)" for name, r in runs)
        + " |"
    )
    out = [head, "|" + "---|" * (2 + len(runs))]
    for q, p in names:
        cells = []
        for _, r in runs:
            e = next((e for e in r["queries"] if e["query"] == q and e["params"].split("=")[0] == p), None)
            if e is None:
                cells.append("—")
            elif e.get("timeout"):
                cells.append("timeout")
            else:
                cli = e.get("cli") or {}
                cells.append(
                    f"{f(e['in_process_s'])} / {f(cli.get('median_s'))}"
                    + (f" ({f(cli['cpu_median_s'])})" if "cpu_median_s" in cli else "")
                )
        out.append(f"| {q} | {'council' if p == 'council' else 'none'} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS
    print("## Builds\n")
    print(builds(folder))
    print("\n## Queries\n")
    print(queries(folder))
    for name, r in load(folder, "startup"):
        print(f"\n## {name}\n")
        for k in ("python_bare", "help", "version", "build_help"):
            v = r[k]
            print(
                f"- {k}: median {v['median_s']:.3f} s, min {v['min_s']:.3f} s"
                + (f", CPU {v['cpu_median_s']:.3f} s" if "cpu_median_s" in v else "")
            )
    for name, r in load(folder, "export"):
        print(f"\n## {name} ({r['quads']:,} quads, export via {r['export_via']})\n")
        for fmt, v in r["export"].items():
            print(f"- {fmt}: {v['wall_s']:.2f} s, {v['mb']:.1f} MB, {v['quads_per_s']:,.0f} quads/s")
        if isinstance(r.get("push"), dict):
            print(f"- push ({r.get('push_via')}): {r['push']['wall_s']:.2f} s, {r['push']['quads_per_s']:,.0f} quads/s")


if __name__ == "__main__":
    main()
