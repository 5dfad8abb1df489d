"""Shared fixtures. Tests never need ../shared: the sample corpus is data/ and the gold is tests/gold/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def extract_text(text: str, url: str | None = None, published=None):
    """The extraction of ``text`` as a plain-text document (``x.txt``), optionally with a URL and a known date."""
    from caregraph.pipeline.extract import extract
    from caregraph.pipeline.segment import segment
    from caregraph.records import SourceDocument

    return extract(segment(SourceDocument("x.txt", text, "0", "txt", len(text), url=url, published=published)))


def inspection_rows(x) -> set[tuple[str, str, str | None, str | None]]:
    """(kind, start, end, judgement) of each inspection an extraction found."""
    return {(i.kind, i.start.iso(), i.end.iso() if i.end else None, i.judgement) for i in x.inspections}


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """A store built once from data/ (read it, don't write it)."""
    from caregraph.pipeline.build import build
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
