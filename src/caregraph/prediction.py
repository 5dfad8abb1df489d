"""A store's facts in the form gold annotations are scored in: one predicted document per built file.

The contract queries of ``queries/`` (:data:`CONTRACT_QUERIES`) are run on the store and their rows turned into the
internal gold form of :mod:`caregraph.gold`, keyed by the gold ``file`` value: the document's path relative to the
corpus folder, with ``/`` (``docs/204.txt`` for a corpus, ``000_….txt`` for the seeds in ``data/``).
:func:`caregraph.evaluate.score` compares them with the gold. ``bench/quality.py`` and ``tests/test_quality_seeds.py``
both go through here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caregraph.query import run_query

if TYPE_CHECKING:
    from caregraph.store import Store

#: The named queries whose rows make a prediction.
CONTRACT_QUERIES = ("documents", "inspections", "meetings", "people", "posts", "decisions", "follow-ups")

#: The passages each follow-up was read from (the provenance of its facts): the scorer asks whether a predicted
#: commitment stands in the passage the gold quotes (:mod:`caregraph.evaluate`, ``follow_ups``).
FOLLOW_UP_EVIDENCE = """
SELECT DISTINCT ?source ?followUp ?quote
WHERE {
  GRAPH ?source {
    ?followUp a cg:FollowUp ; ?p ?o .
    ?evidence rdf:reifies <<( ?followUp ?p ?o )>> ; oa:exact ?quote .
  }
}
"""


def contract_rows(store: Store) -> dict[str, list[dict[str, Any]]]:
    """The rows of each contract query on ``store``, by query name (and the follow-ups' evidence)."""
    rows = {name: run_query(store, name).values() for name in CONTRACT_QUERIES}
    rows["follow-up-evidence"] = run_query(store, FOLLOW_UP_EVIDENCE, inline=True, label="follow-up evidence").values()
    return rows


def store_to_gold(store: Store, root: str | os.PathLike[str]) -> dict[str, dict]:
    """The predicted documents of ``store``, built from the corpus folder ``root``, keyed by gold ``file``."""
    return rows_to_gold(contract_rows(store), Path(root))


def _last(iri: str | None) -> str | None:
    return iri.rstrip("/").rsplit("/", 1)[-1] if iri else None


def gold_file_key(file: str, root: Path) -> str:
    """The gold ``file`` value of a built document: its path relative to the corpus folder, with ``/``."""
    path = Path(file)
    if not path.is_absolute():
        path = Path.cwd() / path
    try:
        rel = os.path.relpath(path.resolve(), root.resolve())
    except ValueError:
        rel = path.name
    return rel.replace(os.sep, "/")


def rows_to_gold(rows: Mapping[str, Sequence[Mapping[str, Any]]], root: Path) -> dict[str, dict]:
    """Turn the contract queries' rows into the internal gold form, keyed by the gold ``file`` value.

    An inspection known only by its publication date (no ``start``, a ``published`` date) gets that date as its
    start and ``published: true``, as the annotation schema writes such an event."""
    by_iri: dict[str, dict] = {}
    for row in rows["documents"]:
        doc = row["document"]
        if doc in by_iri:
            continue
        by_iri[doc] = {
            "file": gold_file_key(row["file"], root),
            "url": row.get("url"),
            "genre": _last(row.get("genre")),
            "council": [_last(row["council"])] if row.get("council") else [],
            **{key: [] for key in ("inspections", "meetings", "people", "posts", "decisions", "follow_ups")},
        }
    seen: set[tuple] = set()

    def rows_of(query: str, kind: str, node: str) -> Iterator[tuple[dict, Mapping[str, Any]]]:
        for row in rows[query]:
            doc = by_iri.get(row["source"])
            if doc is not None and (kind, row["source"], row[node]) not in seen:
                seen.add((kind, row["source"], row[node]))
                yield doc, row

    for doc, row in rows_of("inspections", "i", "inspection"):
        start, published = row.get("start"), row.get("published")
        doc["inspections"].append(
            {
                "kind": _last(row["kind"]),
                "start": start or published,
                "end": row.get("end"),
                "judgement": _last(row.get("judgement")),
                "published": start is None and published is not None,
                "council": _last(row["council"]),
                "quote": "",
            }
        )
    for doc, row in rows_of("meetings", "m", "meeting"):
        meeting = {"body": row.get("bodyName") or "", "date": row["date"], "item": row.get("item")}
        doc["meetings"].append({**meeting, "title": row.get("title")})
    for doc, row in rows_of("people", "p", "person"):
        doc["people"].append({"name": row["name"], "post": row.get("postLabel")})
    for doc, row in rows_of("posts", "o", "post"):
        if not row.get("holder"):
            doc["posts"].append(row["postLabel"])
    for doc, row in rows_of("decisions", "d", "decision"):
        doc["decisions"].append({"number": row.get("number"), "text": row["text"]})
    quotes: dict[tuple[str, str], list[str]] = {}
    for row in rows.get("follow-up-evidence", ()):
        quotes.setdefault((row["source"], row["followUp"]), []).append(row["quote"])
    for doc, row in rows_of("follow-ups", "f", "followUp"):
        evidence = sorted(quotes.get((row["source"], row["followUp"]), ()))
        doc["follow_ups"].append({"due": row["due"], "description": row["description"], "evidence": evidence})
    return {doc["file"]: doc for doc in by_iri.values()}
