"""Start-up cost of the query path (issue 8): what `caregraph query` must not import (rdflib, the extractor, the
XML and HTTP modules: ~0.1-0.2 s of every query, docs/performance.md "Start-up")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Runs one CLI command in a fresh interpreter and prints the modules it imported, as JSON on the last line.
PROBE = """
import json, sys
from caregraph.cli import main
sys.argv = ["caregraph", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

HEAVY = ("pydantic", "caregraph.pipeline.extract", "rich", "xml.sax.saxutils", "urllib.request")


def imported(*args: str, code: str = PROBE) -> tuple[int, set[str], str]:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    return report["code"], set(report["modules"]), proc.stdout


def loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(m.startswith(name + ".") for m in modules)


def test_the_query_library_needs_neither_rdflib_nor_the_extractor():
    code = (
        "import json, sys\n"
        "from caregraph import query as q\n"
        "bound = q.bind_parameters(q.named_query('inspections'), {'council': 'Surrey County Council'})\n"
        "assert bound['council'].value == 'https://w3id.org/caregraph/id/council/surrey', bound\n"
        "assert q.to_term('council', 'council', 'E10000030').value.endswith('/council/surrey')\n"
        "r = q.QueryResult('select', ['a'], [{'a': bound['council']}])\n"
        "assert q.serialize_rows(r, 'csv').startswith('a')\n"
        "print(json.dumps({'code': 0, 'modules': sorted(sys.modules)}))\n"
    )
    _, modules, _ = imported(code=code)
    for name in ("rdflib", *HEAVY):
        assert not loaded(modules, name), f"caregraph.query imported {name}"


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_a_named_query_imports_neither_rdflib_nor_the_extractor(built_store: Path, fmt):
    code, modules, out = imported(
        "query", "inspections", "--store", str(built_store), "--param", "council=Surrey", "--format", fmt
    )
    assert code == 0 and "Surrey" in out
    for name in (
        "rdflib",
        "caregraph.pipeline.extract",
        "xml.sax.saxutils",
        "urllib.request",
    ):  # rdflib brings the last two
        assert not loaded(modules, name), f"caregraph query imported {name}"


def test_help_and_queries_import_neither_rdflib_nor_the_store():
    for args in (["--help"], ["queries"], ["query", "--help"]):
        code, modules, _ = imported(*args)
        assert code == 0
        for name in ("rdflib", "caregraph.pipeline.extract", "caregraph.store"):
            assert not loaded(modules, name), f"caregraph {' '.join(args)} imported {name}"


def test_council_iris_from_the_light_table_match_the_minting_module(monkeypatch):
    from caregraph import iris
    from caregraph.query import council_iri

    assert council_iri("Surrey County Council") == str(iris.council("surrey")) == iris.council_iri("surrey")
    assert str(iris.document("x")) == iris.document_iri("x") and str(iris.graph("councils")) == iris.graph_iri(
        "councils"
    )
    monkeypatch.setenv("CAREGRAPH_LOCAL_BASE", "http://example.org/kg")  # moves private documents, never councils
    assert council_iri("Surrey") == str(iris.council("surrey")) == "https://w3id.org/caregraph/id/council/surrey"


def test_an_unchanged_rebuild_loads_neither_the_rules_nor_rdflib(tmp_path: Path):
    from .conftest import DATA

    store = tmp_path / "store"
    code, modules, _ = imported("build", str(DATA), "--store", str(store), "-q")
    assert code == 0 and loaded(modules, "caregraph.pipeline.extract")  # a first build does
    code, modules, _ = imported("build", str(DATA), "--store", str(store), "-q")
    assert code == 0
    for name in ("caregraph.pipeline.extract", "caregraph.pipeline.mapping", "rdflib"):
        assert not loaded(modules, name), f"an unchanged rebuild imported {name}"
