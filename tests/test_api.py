"""`import caregraph` does what the CLI does: build a store and query it, with no CLI involved."""

from __future__ import annotations

import caregraph

from .conftest import DATA


def test_build_and_query_through_the_library(tmp_path):
    with caregraph.open_store(tmp_path / "s") as store:
        summary = caregraph.build(store, [DATA])
        assert (summary.read, summary.failed) == (5, 0)
        rows = caregraph.run_query(store, "inspections", {"council": "Surrey"}).values()
    assert rows and {r["councilName"] for r in rows} == {"Surrey"}
    assert any(r["start"] == "2024-04-16" and r["end"] == "2024-04-17" for r in rows)


def test_caregraph_build_stays_callable_once_its_module_is_imported(tmp_path):
    import caregraph.pipeline.build as build_module  # Python now sets caregraph.pipeline.build to the module

    assert caregraph.pipeline.build is build_module
    with caregraph.open_store(tmp_path / "s") as store:
        assert caregraph.build(store, [DATA / "003_0938c2f4e45d6980.txt"]).read == 1


def test_lazy_exports_do_not_hide_typos():
    import pytest

    with pytest.raises(AttributeError):
        caregraph.no_such_thing  # noqa: B018
