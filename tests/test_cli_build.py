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
    # (data/004's Select Committee meeting came from a code path for its phrase "the current date (…)", removed in
    # issue 14 as tuned to that one seed: the page states no meeting date of its own.)
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


def test_follow_outside_and_doc_timeout_reach_the_build(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "news.txt").write_bytes((DATA / "003_0938c2f4e45d6980.txt").read_bytes())
    (corpus / "report.txt").write_bytes((DATA / "004_5de58e62faaac796.txt").read_bytes())
    (corpus / "link.txt").symlink_to(outside / "news.txt")
    refused = runner.invoke(app, ["build", str(corpus), "--store", str(tmp_path / "a"), "-q"])
    assert refused.exit_code == 1 and "link.txt" in refused.stderr and "--follow-outside" in refused.stderr
    followed = runner.invoke(app, ["build", str(corpus), "--store", str(tmp_path / "b"), "-q", "--follow-outside"])
    assert followed.exit_code == 0, followed.output
    documents = runner.invoke(app, ["query", "documents", "--store", str(tmp_path / "b"), "--format", "csv"])
    assert len(documents.stdout.strip().splitlines()) == 3
    slow = runner.invoke(app, ["build", str(corpus), "--store", str(tmp_path / "c"), "-q", "--doc-timeout", "0.001"])
    assert slow.exit_code == 1 and "report.txt: gave up after 0.001 s" in slow.stderr and "--doc-timeout" in slow.stderr


def test_the_doc_timeout_default_is_the_librarys():
    from caregraph.cli.build import DEFAULT_DOC_TIMEOUT
    from caregraph.pipeline.build import DEFAULT_DOC_TIMEOUT as LIBRARY

    assert DEFAULT_DOC_TIMEOUT == LIBRARY


def test_export_writes_the_provenance_form_asked_for(built_store):
    reifies, statement = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies>", "22-rdf-syntax-ns#Statement>"
    forms = {}
    for form in ("rdf11", "rdf12", "none"):
        result = runner.invoke(app, ["export", "--format", "nquads", "--provenance", form, "--store", str(built_store)])
        assert result.exit_code == 0, result.output
        forms[form] = result.stdout
    assert statement in forms["rdf11"] and reifies not in forms["rdf11"]
    assert reifies in forms["rdf12"] and statement not in forms["rdf12"]
    assert reifies not in forms["none"] and statement not in forms["none"]
    bad = runner.invoke(app, ["export", "--provenance", "rdf13", "--store", str(built_store)])
    assert bad.exit_code == 2 and "'rdf13' is not a provenance form" in " ".join(bad.output.replace("│", " ").split())
