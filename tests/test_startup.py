"""Start-up cost of the query path (issues 8 and 16): what `caregraph query` must not import (rdflib, the extractor,
the XML and HTTP modules, pydantic, the pipeline's records: ~0.1-0.2 s of every query, docs/performance.md
"Start-up"), and that the pydantic-free option conversion (caregraph.cli.coercion) and the one-command app give what
Typer's own conversion and the whole app give."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest
import typer

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
        "urllib.request",  # rdflib brings these two
        "pydantic",  # Typer's option conversion (caregraph.cli.coercion)
        "importlib.metadata",  # pydantic's plugin loader
        "caregraph.records",  # the pipeline's records (caregraph.iris needs them only to mint)
    ):
        assert not loaded(modules, name), f"caregraph query imported {name}"


def test_a_bare_ask_imports_neither_pydantic_nor_the_pipeline(built_store: Path):
    code, modules, out = imported(
        "query", "-e", "ASK {}", "--store", str(built_store), "--limit", "3", "--timeout", "9"
    )
    assert code == 0 and out.startswith("true")
    for name in ("rdflib", "pydantic", "importlib.metadata", "caregraph.records", "caregraph.pipeline"):
        assert not loaded(modules, name), f"caregraph query -e 'ASK {{}}' imported {name}"


def test_a_bad_option_value_still_gets_typers_own_message():
    pytest.importorskip("typer._coercion")  # Typer 0.2x's pydantic conversion (before it: click's, no pydantic)
    code, modules, _ = imported("query", "-e", "ASK {}", "--limit", "lots")
    assert code == 2 and loaded(modules, "pydantic")  # the value is not plain: Typer converts it, and says why


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


# ---------------------------------------------------------------------------------------------- caregraph.cli.coercion

# Raw values of each type, plain and not (Typer's own conversion takes those), with their edge cases.
SAMPLES: dict[object, list[object]] = {
    str: ["x", "", "é", "\udcff", "a=b", 5],
    bool: [True, False, "true", "no", ""],
    int: ["5", "0", "-3", "007", "+5", "1_0", "abc", "2.0", "", " 5", "9" * 25, "٣", 7, True, 2.0],
    float: ["1.5", "10", "-0", "0.0", "1e3", "inf", "nan", ".5", "x", "", "٣", 2.5, 3],
}


def _outcome(runtime, value, param, ctx):
    """What ``runtime`` (one parameter's conversion) makes of ``value``: the value, or the error it raises."""
    try:
        result = runtime.coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # the error itself is compared
        return ("error", type(exc).__name__, str(exc))
    items = result if isinstance(result, list) else [result]
    return ("value", type(result).__name__, [(type(r), repr(r)) for r in items])  # repr: nan is not nan


def _samples(annotation, tmp_path: Path) -> list[object]:
    import enum
    import typing

    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        items = _samples(item, tmp_path)
        return [tuple(items[:2]), tuple(items[-2:]), [items[0]], (), items[0]]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        members = list(annotation)
        return [m.value for m in members] + [members[0], members[0].value.upper(), "bogus", "", 3]
    if annotation is Path:
        (tmp_path / "file").write_text("x")
        return ["", "a/b", str(tmp_path), str(tmp_path / "file"), "/nonexistent/x", "-", Path("p"), 3]
    return SAMPLES[annotation]


def test_the_plain_conversion_gives_what_typers_gives_for_every_option_of_every_command(tmp_path: Path):
    pytest.importorskip("typer._coercion")  # the Typer the conversion stands in for
    import typer.main
    from typer._click import Context
    from typer._coercion import build_runtime_param

    from caregraph.cli.app import app
    from caregraph.cli.coercion import _Plain

    group = typer.main.get_command(app)
    plain = compared = 0
    for command in [group, *group.commands.values()]:
        ctx = Context(command, info_name=command.name)
        for param in command.get_params(ctx):
            runtime = getattr(param, "_runtime_param", None)
            if not isinstance(runtime, _Plain):
                continue
            plain += 1
            typers = build_runtime_param(param.type_descriptor)
            for value in _samples(param.type_descriptor.annotation, tmp_path):
                ours, theirs = (_outcome(r, value, param, ctx) for r in (runtime, typers))
                assert ours == theirs, (command.name, param.name, value)
                compared += 1
    assert plain >= 100 and compared >= 800, (plain, compared)  # every option of the 16 commands, not a few


def test_a_type_the_plain_conversion_does_not_know_is_left_to_typer():
    pytest.importorskip("typer._coercion")
    import typer.main
    from typer._click import Context

    from caregraph.cli.app import Command
    from caregraph.cli.coercion import _Plain

    small = typer.Typer()

    @small.command(cls=Command)
    def when(
        day: Annotated[datetime.datetime, typer.Option()],
        pair: Annotated[tuple[int, int], typer.Option()],
        name: Annotated[str, typer.Option()] = "x",
    ):
        """A command with a date, a pair and a name."""

    @small.command(cls=Command)
    def other() -> None:
        """Another, so that the app is a group."""

    group = typer.main.get_command(small)
    command = group.commands["when"]
    params = {p.name: p for p in command.get_params(Context(command))}
    assert params["day"]._runtime_param is None and params["pair"]._runtime_param is None
    assert isinstance(params["name"]._runtime_param, _Plain)
