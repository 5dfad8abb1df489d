"""Smoke runs of the benchmark scripts on a tiny corpus, so they cannot rot. Benchmarks are not tests: nothing here
asserts a timing, only that each script runs and reports what it measured.

The scripts are run as commands (``python bench/NAME.py …``), the way people run them, never imported: tests/ and
bench/ do not import each other. What both need lives in the library (``caregraph.prediction``,
``caregraph.testing``).
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from caregraph.explore.network import CLASS_BY_NAME, entity_graph
from caregraph.store import open_store

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parent.parent / "bench"


def bench(script: str, *args: str | Path, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``bench/SCRIPT.py ARGS`` with this interpreter; it must succeed."""
    result = subprocess.run(
        [sys.executable, str(BENCH / f"{script}.py"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"{script} exited {result.returncode}:\n{result.stderr[-3000:]}"
    return result


def generate(out: Path, size: int, seed: int) -> Path:
    bench("generate", out, "--size", size, "--seed", seed)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("corpus"), 20, seed=3)


def test_generate_is_reproducible_and_streams_a_manifest(corpus, tmp_path):
    again = generate(tmp_path / "again", 20, seed=3)
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
    small = generate(tmp_path / "small", 5, seed=3)
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
    out = tmp_path / "build.json"
    work = tmp_path / "work"
    bench(
        "build_bench",
        corpus,
        *("--work", work, "--jobs", "2", "--naive-limit", "5", "--stage-sample", "5", "--keep", "--out", out),
    )
    r = json.loads(out.read_text())
    assert r["documents"] == 20
    assert r["store"]["document_graphs"] >= 18
    assert r["engine"]["bulk_load"]["wall_s"] > 0 and r["naive_rdflib"]["documents"] > 0
    assert r["changed_1pct_rebuild"]["changed_documents"] == 1
    assert {"ratio_to_bulk_load", "ratio_to_naive", "stages"} <= set(r)
    assert (work / "store").is_dir()


def test_query_and_export_bench(corpus, tmp_path):
    from caregraph.pipeline.build import build

    store = tmp_path / "store"
    with open_store(store) as st:
        build(st, [corpus], jobs=1)
    out = tmp_path / "q.json"
    bench("query_bench", store, "--runs", "1", "--cli-runs", "1", "--only", "inspections", "--out", out)
    q = json.loads(out.read_text())
    assert [e["query"] for e in q["queries"]] == ["inspections", "inspections"]
    assert all(e["in_process_s"] is not None and "cli" in e for e in q["queries"])
    src = str(Path(__file__).resolve().parent.parent / "src")
    out = tmp_path / "c.json"
    bench("compare_query_cli", store, f"tree={src}", "installed=-", "--rounds", "1", "--only", "people", "--out", out)
    c = json.loads(out.read_text())
    assert set(c["median_s"]) == {"tree", "installed"} and all(m["people"] > 0 for m in c["median_s"].values())
    out = tmp_path / "e.json"
    bench("export_bench", store, "--formats", "nquads", "--no-push", "--out", out)
    e = json.loads(out.read_text())
    assert e["export"]["nquads"]["mb"] > 0


def test_timed_build_engine_and_profile(corpus, tmp_path):
    out = tmp_path / "t.json"
    bench("timed_build", corpus, "--store", tmp_path / "st", "--seconds", "600", "--out", out, "--", "--jobs", "1")
    t = json.loads(out.read_text())
    assert t["finished"] and t["documents_built"] >= 18
    out = tmp_path / "eng.json"
    bench("engine_bench", tmp_path / "st", "--transactional", "--out", out)
    e = json.loads(out.read_text())
    assert e["bulk_load"]["wall_s"] > 0 and e["load"]["wall_s"] > 0 and e["nquads_mb"] > 0
    out = tmp_path / "v.json"
    bench("validate_bench", tmp_path / "st", "--runs", "1", "--out", out)
    v = json.loads(out.read_text())
    assert v["graphs"] == t["documents_built"] and v["conforms"] and v["cli"]["median_s"] > 0
    out = tmp_path / "p.json"
    bench("profile_build", corpus, "--documents", "5", "--top", "5", "--out", out)
    p = json.loads(out.read_text())
    assert p["documents"] == 5 and p["self_time_by_area_pct"] and len(p["top_functions"]) == 5


def test_compare_builds(corpus, tmp_path):
    out = tmp_path / "c.json"
    bench("compare_builds", corpus, "serial=-+--jobs+1", "out=-+--bulk", "--out", out)
    c = json.loads(out.read_text())
    assert set(c["runs"]) == {"serial", "out"} and all(r["exit"] == 0 for r in c["runs"].values())


def test_startup_bench(tmp_path):
    out = tmp_path / "s.json"
    bench("startup_bench", "--runs", "1", "--out", out)
    s = json.loads(out.read_text())
    assert s["help"]["median_s"] > 0 and s["slowest_imports_us"]


def test_quality_script_scores_the_seeds_perfectly():
    out = bench("quality", "--seeds").stdout
    assert "category" in out and "inspections  1.000  1.000  1.000" in out


def test_agreement_scores_the_second_annotation_and_refuses_blind_pages(tmp_path):
    """bench/agreement.py: the committed second annotation against the committed gold (no page text needed); a
    second annotation holding a blind page is refused before anything is scored."""
    out = bench("agreement", "--no-extractor").stdout
    lines = {line.split()[0]: line.split() for line in out.splitlines()[3:] if line.strip()}
    assert "all" in out and float(lines["macro"][-1]) > 0.5  # every category scored over the 63 pages
    blind_page = {"file": "docs/105.txt", "url": None, "council": "Surrey County Council"}  # a page of [blind]
    blind_page |= {key: [] for key in ("meetings", "inspections", "people", "decisions", "followups")}
    (tmp_path / "105.json").write_text(json.dumps(blind_page), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(BENCH / "agreement.py"), "--second", str(tmp_path), "--no-extractor"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "blind" in result.stderr and "macro" not in result.stdout


def test_viz_bench_synthetic_store_has_the_size_asked(tmp_path):
    """The stores the viz benchmark draws: about the entities asked, every class, evidence on every entity."""
    bench("viz_bench", "--sizes", "150", "--stores-only", tmp_path)
    with open_store(tmp_path / "store-150", read_only=True) as st:
        g = entity_graph(st)
    assert 120 <= g.number_of_nodes() <= 180
    assert {d["cls"] for _, d in g.nodes(data=True)} == set(CLASS_BY_NAME) - {"Document", "Other"}
    assert all(d["evidence"] for _, d in g.nodes(data=True))
    assert {d["grade"] for _, d in g.nodes(data=True) if d["cls"] == "Inspection"} >= {"not-graded", "unknown"}


def test_fuzz_campaign_runs_the_properties(tmp_path):
    """A few cases of every kind through caregraph.testing.invariants; a failing case would make the script exit 1."""
    (tmp_path / "no-corpus").mkdir()
    out = tmp_path / "fuzz.json"
    bench(
        "fuzz_campaign",
        *("--cases", "60", "--workers", "1", "--corpus", tmp_path / "no-corpus", "--failures", tmp_path / "f"),
        *("--out", out),
    )
    summary = json.loads(out.read_text())
    assert summary["cases"] == 60 and summary["failures"] == []
    assert {"decode", "html", "load", "manifest", "pdf", "text"} <= set(summary["by_target"])


@pytest.mark.parametrize(
    ("runner", "table"),
    [
        ("inspections_probes", "inspections"),
        ("inspections_probes", "inspections_negative"),
        ("meetings_probes", "meetings"),
        ("follow_ups_probes", "follow_ups"),
    ],
)
def test_probe_runners_read_every_probe_of_their_table(runner, table):
    """bench/probes: each runner reads its whole table (every row an id, a text, a page and what is expected) and
    runs every probe through the extractor; the count it reports is the table's (which probes fail is a finding
    recorded in the table's notes, not asserted here)."""
    path = BENCH / "probes" / f"{table}.md"
    rows = re.findall(r"(?m)^\|\s*[A-Z]\d+\s*\|", path.read_text(encoding="utf-8"))
    out = bench(f"probes/{runner}", path).stdout.splitlines()[-1]
    m = re.fullmatch(r"(\d+) probes, (\d+) failed", out)
    assert m is not None, out
    assert int(m.group(1)) == len(rows) >= 100 and int(m.group(2)) < int(m.group(1))
