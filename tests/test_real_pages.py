"""bench/real_pages.py: the real sets' texts written from saved search results, recorded by hash, and checked."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
URL = "https://democracy.anyshire.gov.uk/mgAi.aspx?ID=1"


@pytest.fixture
def real_pages(tmp_path, monkeypatch):
    """The module, pointed at one made-up set "2" with one dev gold page (r001) and a record in ``tmp_path``."""
    spec = importlib.util.spec_from_file_location("caregraph_bench_real_pages", ROOT / "bench" / "real_pages.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    gold = tmp_path / "gold-real2-dev"
    gold.mkdir()
    (gold / "r001.json").write_text(json.dumps({"file": "docs/r001.txt", "url": URL}), encoding="utf-8")
    (tmp_path / "gold-real2-blind").mkdir()
    monkeypatch.setattr(module, "REAL_SETS", ("2",))
    monkeypatch.setattr(module, "SPLITS", {"dev2": gold, "blind2": tmp_path / "gold-real2-blind"})
    monkeypatch.setattr(module, "REAL_CORPORA", {"2": tmp_path / "realpages"})
    monkeypatch.setattr(module, "RECORD", tmp_path / "real-pages.csv")
    return module


def _saved(folder: Path, excerpt: str, url: str = URL) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "2-r001.txt.json"
    path.write_text(json.dumps({"set": "2", "file": "r001.txt", "url": url, "query": "q", "excerpt": excerpt}))
    return path


def test_restore_writes_the_text_its_manifest_and_its_hash(real_pages, tmp_path):
    excerpt = " date 2024-03-22 Agenda item\n\nThe Panel noted the report.\u00a0"
    assert real_pages.restore(_saved(tmp_path / "got", excerpt).parent) == 0
    text = tmp_path / "realpages" / "docs" / "r001.txt"
    assert text.read_bytes() == excerpt.encode("utf-8")  # as returned: no trimming, no newline added
    rows = list(csv.DictReader((tmp_path / "real-pages.csv").open(encoding="utf-8")))
    assert rows == [
        {
            "set": "2",
            "split": "dev",
            "file": "r001.txt",
            "url": URL,
            "sha256": hashlib.sha256(excerpt.encode("utf-8")).hexdigest(),
            "query": "q",
        }
    ]
    manifest = (tmp_path / "realpages" / "manifest.csv").read_text(encoding="utf-8")
    assert manifest == f"file,url\ndocs/r001.txt,{URL}\n"
    assert real_pages.check() == 0


def test_restore_refuses_another_address_and_another_text(real_pages, tmp_path, capsys):
    assert real_pages.restore(_saved(tmp_path / "wrong", "text", url=URL + "0").parent) == 1
    assert not (tmp_path / "realpages" / "docs" / "r001.txt").exists()
    assert real_pages.restore(_saved(tmp_path / "first", "the first text").parent) == 0
    assert real_pages.restore(_saved(tmp_path / "second", "another text").parent) == 1  # the record is not overwritten
    assert (tmp_path / "realpages" / "docs" / "r001.txt").read_text(encoding="utf-8") == "the first text"
    assert "differs from the recorded text" in capsys.readouterr().err


def test_check_reports_a_text_that_is_not_the_recorded_one(real_pages, tmp_path):
    assert real_pages.restore(_saved(tmp_path / "got", "the recorded text").parent) == 0
    (tmp_path / "realpages" / "docs" / "r001.txt").write_text("edited by hand", encoding="utf-8")
    assert real_pages.check() == 1


def test_restore_puts_back_no_break_spaces_the_search_tool_shows_as_spaces(real_pages, tmp_path):
    """A recorded text with no-break spaces (a ModernGov page's empty paragraphs) is written from an excerpt the
    search tool returned with plain spaces, when putting them back gives the recorded hash."""
    stored = "Minutes\n\n\u00a0\n\nThe Panel noted the report.\u00a0 It thanked officers."
    real_pages.restore(_saved(tmp_path / "first", stored).parent)  # records the stored text's hash
    (tmp_path / "realpages" / "docs" / "r001.txt").unlink()
    shown = stored.replace("\u00a0", " ")
    assert real_pages.restore(_saved(tmp_path / "again", shown).parent) == 0
    assert (tmp_path / "realpages" / "docs" / "r001.txt").read_text(encoding="utf-8") == stored
    assert real_pages.check() == 0
    assert real_pages.restore(_saved(tmp_path / "other", shown + " More.").parent) == 1  # another text still differs


def test_work_lists_deal_every_recorded_page_once_blind_first(real_pages, tmp_path):
    blind = tmp_path / "gold-real2-blind"
    for name in ("r002", "r003"):
        (blind / f"{name}.json").write_text(json.dumps({"file": f"docs/{name}.txt", "url": f"{URL}{name}"}))
    saved = tmp_path / "saved"
    saved.mkdir()
    for name, query in (("r001", "dev query"), ("r002", "blind query"), ("r003", "blind query")):
        url = URL if name == "r001" else f"{URL}{name}"
        (saved / f"{name}.json").write_text(
            json.dumps({"set": "2", "file": f"{name}.txt", "url": url, "query": query, "excerpt": f"text {name}"})
        )
    assert real_pages.restore(saved) == 0
    assert real_pages.work_lists(2, tmp_path / "lists") == 0
    first = json.loads((tmp_path / "lists" / "list1.json").read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "lists" / "list2.json").read_text(encoding="utf-8"))
    assert [e["query"] for e in first] == ["blind query"]  # one entry a query, blind pages first
    assert [p["file"] for p in first[0]["pages"]] == ["r002.txt", "r003.txt"]
    assert [(e["query"], [p["split"] for p in e["pages"]]) for e in second] == [("dev query", ["dev"])]
