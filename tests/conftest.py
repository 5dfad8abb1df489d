"""Shared fixtures. Tests never need ../shared: the sample corpus is data/ and the gold is tests/gold/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """A store built once from data/ (read it, don't write it)."""
    from caregraph.build import build
    from caregraph.store import open_store

    path = tmp_path_factory.mktemp("store") / "store"
    with open_store(path) as store:
        summary = build(store, [DATA])
    assert not summary.failures, summary.failures
    return path


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    """A private copy of data/ a test may change."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
