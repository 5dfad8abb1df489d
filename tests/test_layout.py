"""The file tree shows the architecture: imports point one way (docs/design.md, "Which way imports point").

cli -> explore / interop / query / fetch / validate / evaluate -> store / pipeline -> the base modules.
Every import of a caregraph module, at module level or inside a function, is checked by parsing the source.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "caregraph"

BASE = {"errors", "records", "namespaces", "vocab", "iris", "ntriples", "gazetteer", "resources", "outfile"}
LOWER = {"store", "snapshots", "index", "dataset", "pipeline"}
UPPER = {"query", "interop", "explore", "fetch", "validate", "evaluate", "gold", "prediction", "serve", "testing"}
TOP = {"cli"}
RANK = {**dict.fromkeys(BASE, 0), **dict.fromkeys(LOWER, 1), **dict.fromkeys(UPPER, 2), **dict.fromkeys(TOP, 3)}


def _unit(module: str) -> str:
    """The first component under caregraph ("pipeline" for caregraph.pipeline.extract.people)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC.parent).with_suffix("")
        name = ".".join(p for p in rel.parts if p != "__init__")
        out.append((name, path))
    return out


def _imports(path: Path, name: str) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("caregraph"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target == "caregraph":  # from caregraph import iris, keys
                found.update(f"caregraph.{a.name}" for a in node.names if a.name != "__version__")
            elif target.startswith("caregraph."):
                found.add(target)
    return found


def test_every_module_is_placed_in_a_layer():
    units = {_unit(name) for name, _ in _modules()} - {""}
    assert units <= set(RANK), f"modules outside the layers of docs/design.md: {sorted(units - set(RANK))}"


@pytest.mark.parametrize(("name", "path"), _modules(), ids=[n for n, _ in _modules()])
def test_imports_point_one_way(name, path):
    unit = _unit(name)
    if not unit:  # caregraph/__init__.py is the library API: it may re-export from anywhere
        return
    wrong = sorted(
        target
        for target in _imports(path, name)
        if _unit(target) and _unit(target) != unit and RANK.get(_unit(target), 0) > RANK[unit]
    )
    assert not wrong, f"{name} (layer {RANK[unit]}) imports upwards: {wrong}"


def test_pipeline_does_not_reach_into_query_interop_or_explore():
    for name, path in _modules():
        if _unit(name) == "pipeline":
            bad = [t for t in _imports(path, name) if _unit(t) in {"query", "interop", "explore", "cli", "fetch"}]
            assert not bad, f"{name} imports {bad}"
