"""The seed documents in data/ against their gold (tests/gold) through the contract queries, as bench/quality.py does."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from caregraph.evaluate import load_gold, score
from caregraph.query import run_query
from caregraph.store import open_store

ROOT = Path(__file__).resolve().parent.parent


def _quality_module():
    spec = importlib.util.spec_from_file_location("caregraph_bench_quality", ROOT / "bench" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_scores(built_store):
    quality = _quality_module()
    with open_store(built_store, read_only=True) as store:
        rows = {
            name: run_query(store, name).values()
            for name in ("documents", "inspections", "meetings", "people", "posts", "decisions", "follow-ups")
        }
    predicted = quality.rows_to_gold(rows, ROOT / "data")
    gold = load_gold(ROOT / "tests" / "gold")
    assert set(gold) <= set(predicted), sorted(set(gold) - set(predicted))
    return score(gold, predicted)


@pytest.mark.parametrize("category", ["council", "inspections", "meetings", "people", "decisions"])
def test_seed_scores_are_perfect(seed_scores, category):
    counts = seed_scores[category]
    assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), counts


@pytest.mark.parametrize("category", ["judgements", "posts", "follow_ups"])
def test_seed_scores_elsewhere_stay_high(seed_scores, category):
    assert seed_scores[category].f1 >= 0.9, seed_scores[category]


def test_quality_script_prints_the_table(capsys):
    quality = _quality_module()
    assert quality.main(["--seeds"]) == 0
    out = capsys.readouterr().out
    assert "category" in out and "inspections  1.000  1.000  1.000" in out
