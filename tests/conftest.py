"""Shared fixtures. Tests never need ../shared: the sample corpus is data/ and the gold is tests/gold/.

The one exception, a check against the full reference data (``refdata`` marker), is deselected where
../shared/refdata is absent; tests/fixtures/gazetteer runs the same script on made-up rows everywhere.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

# The properties in caregraph.testing are plain asserts: let pytest explain their failures as it does a test's.
pytest.register_assert_rewrite("caregraph.testing")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
REFDATA = ROOT.parent / "shared" / "refdata"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect (not skip) the ``refdata`` tests when ../shared/refdata is not there: they have nothing to check.

    In a pytest-xdist worker, the ``slow`` tests (tens of seconds each) come first, each module's in its order: the
    workers, which share out the tests in that order (``--dist worksteal``, pyproject.toml), start on them, and the
    run does not end with one worker on a long test and the other idle. Every test runs either way."""
    if not (REFDATA / "uk_local_authorities_current.csv").is_file():
        deselected = [item for item in items if item.get_closest_marker("refdata")]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = [item for item in items if not item.get_closest_marker("refdata")]
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable: each module's order kept


def _panel_date():
    from caregraph.records import PartialDate

    return PartialDate(2024, 7, 10)


PANEL_DATE = _panel_date()  # the date of the made-up panel minutes of :func:`panel_minutes`


def at_a_terminal() -> None:
    """``preexec_fn`` for a child that a test stops with Ctrl-C (SIGINT): SIGINT at its default, as at a terminal.
    A suite started as a background job of a non-interactive shell (``bash -c '… &'``) inherits SIGINT ignored, and
    Python keeps an inherited "ignore", so such a child would never see the signal."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def extract_text(text: str, url: str | None = None, published=None):
    """The extraction of ``text`` as a plain-text document (``x.txt``), optionally with a URL and a known date."""
    from caregraph.pipeline.extract import extract
    from caregraph.pipeline.segment import segment
    from caregraph.records import SourceDocument

    return extract(segment(SourceDocument("x.txt", text, "0", "txt", len(text), url=url, published=published)))


def news_people(text: str) -> dict[str, str | None]:
    """Name -> post of each person in made-up news text of Anyshire Council (a news page's address)."""
    x = extract_text("Anyshire Council news\n\n" + text, url="https://www.anyshire.gov.uk/news/1")
    return {p.name: p.post for p in x.people}


def panel_minutes(*lines: str, published=PANEL_DATE, url: str | None = None):
    """The extraction of made-up minutes of Anyshire Council's Corporate Parenting Panel holding ``lines``, dated
    ``published`` (None: undated)."""
    text = "Anyshire Council\nCorporate Parenting Panel minutes\n\n" + "\n".join(lines) + "\n\nThe meeting closed.\n"
    return extract_text(text, url=url, published=published)


def published_events(x) -> set[tuple[str, str | None, str | None, str | None]]:
    """(kind, start, publication date, judgement) of each inspection an extraction found."""
    return {
        (i.kind, i.start.iso() if i.start else None, i.published.iso() if i.published else None, i.judgement)
        for i in x.inspections
    }


def dated_grades(x) -> set[tuple[str | None, str | None]]:
    """(start, judgement) of each inspection an extraction found."""
    return {(i.start.iso() if i.start else None, i.judgement) for i in x.inspections}


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


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]) -> Path:
    """What ``make(folder)`` returns (a path inside ``folder``), made once per test run for every pytest-xdist worker
    of it: the first worker to ask makes it in the run's shared temporary folder (under a lock, so another asking
    meanwhile waits for it), the others find it made. For things the tests read and never change."""
    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the run's folder, not the worker's
    folder, done = shared / f"made-once-{name}", shared / f"made-once-{name}.done"
    with FileLock(str(shared / f"made-once-{name}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed making it left
            folder.mkdir()
            done.write_text(str(make(folder).relative_to(folder)), encoding="utf-8")
        return folder / done.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus300(tmp_path_factory) -> Path:
    """A store of 300 synthetic council papers (bench/generate.py): about 3,250 entities, 300 inspections. Made once
    per run (:func:`made_once`: tests/test_viz.py and tests/test_viz_browser.py read it); read it, don't write it."""
    from . import vizdata

    return made_once(tmp_path_factory, "corpus300", lambda folder: vizdata.corpus_store(folder, 300))


@pytest.fixture()
def data_copy(tmp_path) -> Path:
    """A private copy of data/ a test may change."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
