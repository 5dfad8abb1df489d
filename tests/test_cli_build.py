"""caregraph build / query / stats end to end through the CLI, over data/."""

from __future__ import annotations

import json

import pyoxigraph as ox
from typer.testing import CliRunner

from caregraph.cli import app

from .conftest import DATA

runner = CliRunner()
GENERATED_AT = "http://www.w3.org/ns/prov#generatedAtTime"
DATASET_GRAPH = "https://w3id.org/caregraph/graph/dataset"


def quads_without_build_time(store_path) -> set:
    """Every quad but the build times and the dataset description (which records when the store was built)."""
    store = ox.Store.read_only(str(store_path))
    try:
        return {q for q in store if q.predicate.value != GENERATED_AT and q.graph_name.value != DATASET_GRAPH}
    finally:
        del store


def test_build_then_query_inspections(tmp_path):
    store = tmp_path / "s"
    result = runner.invoke(app, ["build", str(DATA), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "documents read" in result.output
    result = runner.invoke(app, ["query", "inspections", "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["results"]["bindings"]
    assert len(rows) >= 8
    starts = {(r["kind"]["value"].rsplit("/", 1)[1], r["start"]["value"]) for r in rows if "start" in r}
    assert ("focused-visit", "2024-04-16") in starts
    assert ("monitoring-visit", "2021-09") in starts
    assert ("ilacs", "2019-10") in starts
    councils = {r["councilName"]["value"] for r in rows}
    assert councils == {"Surrey", "Durham"}


def test_store_holds_councils_meetings_and_inspections(built_store):
    result = runner.invoke(app, ["query", "meetings", "--store", str(built_store), "--format", "json"])
    rows = json.loads(result.output)["results"]["bindings"]
    meetings = {(r["bodyName"]["value"], r["date"]["value"], r.get("item", {}).get("value")) for r in rows}
    assert ("Cabinet", "2019-07-16", "126") in meetings
    assert ("Children and Education Select Committee", "2018-09-07", None) in meetings
    assert all(r["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date" for r in rows)
    result = runner.invoke(app, ["stats", "--store", str(built_store), "--format", "json"])
    stats = json.loads(result.output)
    assert stats["documents"] == 5
    assert stats["councils"] == ["Durham", "Surrey"]
    assert stats["entities"]["Inspection"] >= 8


def test_unchanged_rebuild_keeps_quad_count_and_rebuild_gives_same_graph(tmp_path):
    store = tmp_path / "s"
    assert runner.invoke(app, ["build", str(DATA), "--store", str(store), "-q"]).exit_code == 0
    first = quads_without_build_time(store)
    result = runner.invoke(app, ["build", str(DATA), "--store", str(store)])
    assert result.exit_code == 0
    assert "unchanged          5" in result.output or "unchanged" in result.output
    second = quads_without_build_time(store)
    assert len(second) == len(first) and second == first
    assert runner.invoke(app, ["build", str(DATA), "--store", str(store), "--rebuild", "-q"]).exit_code == 0
    assert quads_without_build_time(store) == first


def test_changed_document_replaces_its_graph(tmp_path, data_copy):
    store = tmp_path / "s"
    assert runner.invoke(app, ["build", str(data_copy), "--store", str(store), "-q"]).exit_code == 0
    news = data_copy / "003_0938c2f4e45d6980.txt"
    news.write_text(
        news.read_text(encoding="utf-8").replace("16 and 17 April 2024", "14 and 15 May 2024"), encoding="utf-8"
    )
    result = runner.invoke(app, ["build", str(data_copy), "--store", str(store)])
    assert result.exit_code == 0
    out = runner.invoke(app, ["query", "inspections", "--store", str(store), "--format", "csv"]).output
    assert "2024-05-14" in out and "2024-04-16" not in out


def test_store_env_variable_is_the_fallback(tmp_path, monkeypatch):
    store = tmp_path / "env-store"
    monkeypatch.setenv("CAREGRAPH_STORE", str(store))
    assert runner.invoke(app, ["build", str(DATA / "003_0938c2f4e45d6980.txt"), "-q"]).exit_code == 0
    assert (store / "CURRENT").exists()


def test_query_errors_are_one_line_with_exit_2(built_store):
    result = runner.invoke(app, ["query", "inspectoins", "--store", str(built_store)])
    assert result.exit_code == 2
    assert "did you mean inspections" in result.output
    result = runner.invoke(app, ["query", "-e", "SELECT ?i WHERE { ?i a cg:Inspection", "--store", str(built_store)])
    assert result.exit_code == 2
    assert "<query>:1:" in result.output and "^" in result.output
    assert "Traceback" not in result.output


def test_missing_store_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["query", "inspections", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert "no caregraph store at" in result.output


def test_every_command_has_help_with_an_example():
    import re

    result = runner.invoke(app, ["--help"])
    commands = re.findall(r"│ (\w[\w-]*)\s{2,}", result.output)
    assert {"build", "query", "stats", "queries", "prefixes"} <= set(commands)
    for command in commands:
        help_text = runner.invoke(app, [command, "--help"]).output
        assert "Example" in help_text, command
