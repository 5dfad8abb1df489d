"""Stage 3 — extract: the facts a careful reader finds in a segmented document, each with its evidence span.

:func:`extract` builds one :class:`~caregraph.pipeline.extract.doc.Doc` of the document (text, lines, sentences,
dates, segments, publisher: worked out once) and runs the finders on it, in this order:

- :mod:`.meetings` — the page's own meeting and other dated meetings of named bodies; then (:mod:`.page_date`) the
  document's own date (its meeting, the manifest, a dateline, "the current date (…)"), the anchor that relative
  dates ("in November", "last month", "by 16 August", "published today") are resolved against; a page without one
  is read against its URL's date (``/news/2023/…``), else the latest day it states;
- :mod:`.people` — people with their posts ("Name, Post", "Councillor X", witness and attendance lists, contact
  lines, named speakers), and (:mod:`.posts`) posts named without a person;
- :mod:`.councils` — the publisher (manifest, URL domain, text) and other councils named;
- :mod:`.inspections` — inspections and visits placed in time, with kind, dates and (:mod:`.judgements`) grades;
- :mod:`.decisions` — resolutions and recommendations; :mod:`.follow_ups` — dated commitments;
- :mod:`.organisations` — organisations and practice models named.

Each finder matches candidates with their spans (``match_*``) and then merges them (``merge_*``: the overlap
policy, duplicates, what belongs to what). Rules, patterns and word lists are data: one file per finder in
``caregraph/rules/`` (``meetings.toml``, ``people.toml``, ``inspections.toml``, ``decisions.toml``,
``follow_ups.toml``, ``organisations.toml``); the councils are the gazetteer's (:mod:`caregraph.gazetteer`). Every
:class:`~caregraph.records.Evidence` satisfies ``document.text[start:end] == quote``.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import TypeVar, cast

from caregraph.pipeline.dates import document_date_from_url, page_anchor
from caregraph.pipeline.extract.councils import find_councils
from caregraph.pipeline.extract.decisions import find_decisions
from caregraph.pipeline.extract.doc import Doc, sentences
from caregraph.pipeline.extract.follow_ups import find_follow_ups
from caregraph.pipeline.extract.inspections import find_inspections
from caregraph.pipeline.extract.judgements import find_judgements
from caregraph.pipeline.extract.meetings import find_meetings
from caregraph.pipeline.extract.organisations import find_organisations, find_practice_models
from caregraph.pipeline.extract.page_date import document_date, fallback_anchor
from caregraph.pipeline.extract.people import find_people
from caregraph.pipeline.segment import rules as segment_rules
from caregraph.records import Evidence, Extraction, Segmented

T = TypeVar("T")

__all__ = [
    "Doc",
    "document_date",
    "extract",
    "fallback_anchor",
    "find_councils",
    "find_decisions",
    "find_follow_ups",
    "find_inspections",
    "find_judgements",
    "find_meetings",
    "find_organisations",
    "find_people",
    "find_practice_models",
    "sentences",
]


def extract(seg: Segmented) -> Extraction:
    """Every fact the rules find in ``seg``."""
    doc = Doc(seg)
    meetings = find_meetings(doc)
    doc_date = document_date(doc, meetings)
    anchor = doc_date or page_anchor(document_date_from_url(doc.source.url), fallback_anchor(doc))
    people, posts = find_people(doc)
    decisions = find_decisions(doc, meetings)
    councils = find_councils(doc, [p.name for p in people], doc_date)
    publisher = next((c.slug for c in councils if c.publisher), None)
    inspections = find_inspections(doc, anchor, publisher)
    extraction = Extraction(
        document=doc.source,
        genre=doc.genre,
        date=doc_date,
        title=_title(doc),
        councils=councils,
        meetings=tuple(meetings),
        people=tuple(people),
        posts=tuple(posts),
        inspections=tuple(inspections),
        decisions=tuple(decisions),
        follow_ups=tuple(find_follow_ups(doc, decisions, doc_date, anchor, inspections)),
        organisations=tuple(find_organisations(doc)),
        practice_models=tuple(find_practice_models(doc)),
        segments=doc.segments,
    )
    if seg.reading_text is None:
        return extraction
    return _quoted_from(seg.document.text, extraction)


def _quoted_from(source: str, value: T) -> T:
    """``value`` with every evidence's quote the slice of ``source`` at its offsets: the finders read the text with
    its layout mended (spaces and line breaks swapped, :attr:`Segmented.reading_text`), the quotes are the page's."""
    if isinstance(value, Evidence):
        return cast(T, replace(value, quote=source[value.start : value.end]))
    if isinstance(value, tuple):
        items = tuple(_quoted_from(source, item) for item in value)
        return value if all(new is old for new, old in zip(items, value, strict=True)) else cast(T, items)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: new
            for f in fields(value)
            if (new := _quoted_from(source, old := getattr(value, f.name))) is not old
        }
        return cast(T, replace(value, **changes)) if changes else value
    return value


def _title(doc: Doc) -> str | None:
    """The document's title: its own (HTML, PDF), else its first title line, else the title of its agenda item."""
    title = doc.source.title
    for s in doc.segments:
        if s.kind == "title":
            return title or doc.text[s.start : s.end].strip()
        if s.kind == "item":
            m = segment_rules()["lines"]["item_header"].match(doc.text[s.start : s.end])
            return title or (m.group("title").strip() if m else None)
    return title
