"""Smoke runs of the benchmark scripts on a tiny corpus, so they cannot rot. Benchmarks are not tests: nothing here
asserts a timing, only that each script runs and reports what it measured."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate.generate(out, 20, seed=3)
    return out


def test_generate_is_reproducible_and_streams_a_manifest(corpus, tmp_path):
    again = tmp_path / "again"
    generate.generate(again, 20, seed=3)
    rows = list(csv.DictReader((corpus / "manifest.csv").open(encoding="utf-8")))
    assert len(rows) == 20
    assert [r["file"] for r in rows] == [
        r["file"] for r in csv.DictReader((again / "manifest.csv").open(encoding="utf-8"))
    ]
    for row in rows:
        assert (corpus / row["file"]).read_bytes() == (again / row["file"]).read_bytes()
        assert row["url"].startswith("https://") and row["council"]
    assert len({r["url"] for r in rows}) == 20  # every document has its own URL
    # Document i does not depend on the corpus size.
    small = tmp_path / "small"
    generate.generate(small, 5, seed=3)
    assert (small / rows[4]["file"]).read_bytes() == (corpus / rows[4]["file"]).read_bytes()


def test_generated_documents_are_understood(corpus):
    """The synthetic genres carry the facts the extractor looks for: meetings, people, inspections, decisions."""
    from caregraph.explore.stats import entity_counts
    from caregraph.pipeline.build import build
    from caregraph.store import memory_store

    store = memory_store()
    summary = build(store, [corpus], jobs=1)
    assert summary.read >= 18
    counts = entity_counts(store)
    for cls in ("Meeting", "Person", "Inspection", "Decision", "FollowUp"):
        assert counts.get(cls, 0) > 0, (cls, counts)


def test_build_bench(corpus, tmp_path):
    import build_bench

    out = tmp_path / "build.json"
    build_bench.main(
        [
            str(corpus),
            "--work",
            str(tmp_path / "work"),
            "--jobs",
            "2",
            "--naive-limit",
            "5",
            "--stage-sample",
            "5",
            "--keep",
            "--out",
            str(out),
        ]
    )
    r = json.loads(out.read_text())
    assert r["documents"] == 20
    assert r["store"]["document_graphs"] >= 18
    assert r["engine"]["bulk_load"]["wall_s"] > 0 and r["naive_rdflib"]["documents"] > 0
    assert r["changed_1pct_rebuild"]["changed_documents"] == 1
    assert {"ratio_to_bulk_load", "ratio_to_naive", "stages"} <= set(r)
    assert (tmp_path / "work" / "store").is_dir()


def test_query_and_export_bench(corpus, tmp_path):
    import export_bench
    import query_bench
    from caregraph.pipeline.build import build
    from caregraph.store import open_store

    store = tmp_path / "store"
    with open_store(store) as st:
        build(st, [corpus], jobs=1)
    out = tmp_path / "q.json"
    query_bench.main([str(store), "--runs", "1", "--cli-runs", "1", "--only", "inspections", "--out", str(out)])
    q = json.loads(out.read_text())
    assert [e["query"] for e in q["queries"]] == ["inspections", "inspections"]
    assert all(e["in_process_s"] is not None and "cli" in e for e in q["queries"])
    out = tmp_path / "e.json"
    export_bench.main([str(store), "--formats", "nquads", "--no-push", "--out", str(out)])
    e = json.loads(out.read_text())
    assert e["export"]["nquads"]["mb"] > 0


def test_timed_build_and_profile(corpus, tmp_path):
    import profile_build
    import timed_build

    out = tmp_path / "t.json"
    timed_build.main(
        [str(corpus), "--store", str(tmp_path / "st"), "--seconds", "600", "--out", str(out), "--", "--jobs", "1"]
    )
    t = json.loads(out.read_text())
    assert t["finished"] and t["documents_built"] >= 18
    import engine_bench

    out = tmp_path / "eng.json"
    engine_bench.main([str(tmp_path / "st"), "--transactional", "--out", str(out)])
    e = json.loads(out.read_text())
    assert e["bulk_load"]["wall_s"] > 0 and e["load"]["wall_s"] > 0 and e["nquads_mb"] > 0
    out = tmp_path / "p.json"
    profile_build.main([str(corpus), "--documents", "5", "--top", "5", "--out", str(out)])
    p = json.loads(out.read_text())
    assert p["documents"] == 5 and p["self_time_by_area_pct"] and len(p["top_functions"]) == 5


def test_compare_builds(corpus, tmp_path):
    import compare_builds

    out = tmp_path / "c.json"
    compare_builds.main([str(corpus), "serial=-+--jobs+1", "out=-+--bulk", "--out", str(out)])
    c = json.loads(out.read_text())
    assert set(c["runs"]) == {"serial", "out"} and all(r["exit"] == 0 for r in c["runs"].values())


def test_startup_bench(tmp_path):
    import startup_bench

    out = tmp_path / "s.json"
    startup_bench.main(["--runs", "1", "--out", str(out)])
    s = json.loads(out.read_text())
    assert s["help"]["median_s"] > 0 and s["slowest_imports_us"]
