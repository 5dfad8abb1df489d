"""explain, path, viz --focus and stats --central through the CLI on data/: the names one command prints are accepted
by the others, an exact council name wins over partial matches, explain --limit, and export-graph's format."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from caregraph.cli import app

runner = CliRunner()
SURREY = "https://w3id.org/caregraph/id/council/surrey"


def run(store, *args: str):
    return runner.invoke(app, [*args, "--store", str(store)], env={"COLUMNS": "200"})


def explained_iri(store, thing: str) -> str:
    result = run(store, "explain", thing, "--format", "json")
    assert result.exit_code == 0, (thing, result.output)
    return {b["thing"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]}.pop()


def central(store) -> list[dict]:
    result = run(store, "stats", "--central", "--top", "12", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["entities"]


def test_the_names_stats_central_shows_are_accepted_by_explain_path_and_viz(built_store, tmp_path):
    entities = central(built_store)
    assert any(e["class"] == "Inspection" for e in entities)
    for e in entities:
        assert explained_iri(built_store, e["name"]) == e["iri"], e
        shown = f"{e['name']} ({e['class']})"  # as path prints it
        assert explained_iri(built_store, shown) == e["iri"], shown
        path = run(built_store, "path", e["name"], "Ofsted")
        assert path.exit_code in (0, 1), path.output  # found (connected or not), never "no such entity"
        assert path.stdout.startswith(e["name"]), path.stdout
    inspection = next(e for e in entities if e["class"] == "Inspection")
    page = tmp_path / "focus.html"
    viz = run(built_store, "viz", "--focus", inspection["name"], "--out", str(page))
    assert viz.exit_code == 0 and page.is_file(), viz.output


def test_path_prints_names_that_path_accepts(built_store):
    first = run(built_store, "path", "Clare Curran", "Ofsted")
    assert first.exit_code == 0, first.output
    lines = first.stdout.splitlines()
    last = re.sub(r"^\s*(—.*?→|←.*?—)\s*", "", lines[-1])  # "  —inspectorate→ Ofsted (Organisation)"
    middle = re.sub(r"^\s*(—.*?→|←.*?—)\s*", "", lines[2])
    again = run(built_store, "path", middle, last)
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[0] == middle


def test_an_exact_council_name_wins_over_partial_matches(built_store):
    # A dozen entities have "Surrey" in their names (inspections, meetings, posts): the council is meant.
    path = run(built_store, "path", "Surrey", "Ofsted")
    assert path.exit_code == 0, path.output
    assert path.stdout.startswith("Surrey County Council (Council)")
    assert explained_iri(built_store, "Surrey") == SURREY
    assert explained_iri(built_store, "surrey county council") == SURREY


def test_explain_limit_shows_the_first_facts_and_says_so(built_store):
    everything = run(built_store, "explain", "Clare Curran", "--format", "csv")
    total = len(everything.stdout.strip().splitlines()) - 1
    assert total > 2
    limited = run(built_store, "explain", "Clare Curran", "--limit", "2", "--format", "csv")
    assert limited.exit_code == 0
    assert len(limited.stdout.strip().splitlines()) - 1 == 2
    assert f"the first 2 of {total} facts about Clare Curran (--limit)" in limited.stderr
    text = run(built_store, "explain", "Clare Curran", "-n", "2")
    assert text.exit_code == 0 and "2 facts with their sources" in text.stdout


@pytest.mark.parametrize(
    ("name", "root"), [("graph.gexf", "gexf"), ("graph.graphml", "graphml"), ("graph.xml", "graphml")]
)
def test_export_graph_takes_its_format_from_the_file_name(built_store, tmp_path, name, root):
    out = tmp_path / name
    result = run(built_store, "export-graph", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert re.search(rf"<{root}\b", out.read_text(encoding="utf-8")), out.read_text(encoding="utf-8")[:300]
    assert f"({root}) written to" in result.stderr
    forced = run(built_store, "export-graph", "--out", str(out), "--format", "graphml")
    assert forced.exit_code == 0 and "<graphml" in out.read_text(encoding="utf-8")
