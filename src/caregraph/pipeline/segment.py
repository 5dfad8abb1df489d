"""Stage 2 — segment: tell the genre of a document and cut it into its parts.

A :class:`~caregraph.records.Segment` is a span of the text with a kind: ``title``, ``meeting`` (a page's own
meeting line: ModernGov "Meeting: …", "Body - Weekday, date time", a weekday's date under the body's name, "Minutes of
the meeting of … held on …"), ``item`` (an agenda-item heading), or a section that a heading opens (``minutes``,
``resolved``, ``recommendations``, ``witnesses``, …; see ``rules/segment.toml``), or ``body`` for the rest.
Segments never overlap and always lie inside the text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources

from caregraph.records import Genre, Segment, Segmented, SourceDocument


@cache
def rules() -> dict:
    with resources.files("caregraph").joinpath("rules/segment.toml").open("rb") as fh:
        data = tomllib.load(fh)
    headings = {kind: re.compile(pattern, re.I) for kind, pattern in data["headings"].items()}
    lines = {key: re.compile(pattern, re.I) for key, pattern in data["lines"].items()}
    genres = [(Genre(name), re.compile(pattern)) for name, pattern in data["genres"].items()]
    return {"headings": headings, "lines": lines, "genres": genres}


_NEWS_CUES = re.compile(
    r"(?i)\b(?:published today|out today|said:|added:|press release|news|has been rated|have been rated|ofsted (?:has )?published|positive feedback|congratulations|rated (?:as )?['‘’\"“]?(?:good|outstanding|inadequate|requires))"
)


_MINUTES_CUES = re.compile(
    r"(?im)^\s*(?:resolved|minutes|recommendations?)\s*:|\b(?:the|members\s+of\s+the)\s+(?:committee|board|panel|cabinet|commission|sub-committee)\s+(?:considered|received|noted|was\s+informed|were\s+informed|agreed)\b|\breport\s+(?:of|from|by)\s+the\s+[A-Z][^.\n]{0,60}?\bis\s+attached\b|\(key\s+decision\b|\bintroduced\s+the\s+report\b"
)


def detect_genre(text: str) -> Genre:
    """The genre of a page: a ModernGov page type when its header says so, else minutes-like prose, else a
    news release, else other."""
    head = text[:600]
    for genre, pattern in rules()["genres"]:
        if pattern.search(head):
            return genre
    if _MINUTES_CUES.search(text[:3000]):
        return Genre.AGENDA_ITEM
    if _NEWS_CUES.search(text[:3000]):
        return Genre.NEWS
    return Genre.OTHER


def lines_with_offsets(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Each non-blank line of ``text[start:end]`` as ``(start, end, stripped line)`` with offsets of the stripped text."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        line = text[pos:stop]
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            s = pos + lead
            yield s, s + len(stripped), stripped
        pos = stop + 1


def segment(document: SourceDocument) -> Segmented:
    """Cut ``document`` into segments according to its genre."""
    text = document.text
    genre = detect_genre(text)
    rules()
    segments: list[Segment] = []
    current_kind: str | None = None
    current_start = current_end = 0
    title_pending = True

    def close() -> None:
        if current_kind is not None and current_end > current_start:
            segments.append(Segment(current_kind, current_start, current_end))

    for start, end, line in lines_with_offsets(text):
        if title_pending and _is_boilerplate_title(line):
            kind: str | None = "page"
        else:
            kind = _line_kind(line, genre)
            if title_pending and kind is None:
                kind = "title"
            if kind is not None:
                title_pending = False
        if kind is None:
            if current_kind is None:
                current_kind, current_start = "body", start
            current_end = end
            continue
        close()
        if kind in _ONE_LINE:
            segments.append(Segment(kind, start, end))
            current_kind = None
        else:
            current_kind, current_start, current_end = kind, start, end
    close()
    return Segmented(document, genre, tuple(segments))


_ONE_LINE = {"title", "meeting", "item", "page"}
#: The line patterns of ``rules/segment.toml`` that make a "meeting" line (a page's own meeting: "Meeting: 16/07/2019 -
#: Cabinet (Item 126)", "Cabinet - Tuesday, 12th March, 2024 6.00 pm", a weekday's date under the body's name, …).
MEETING_LINES = ("meeting", "meeting_held", "meeting_of", "meeting_header", "meeting_day")


def _line_kind(line: str, genre: Genre) -> str | None:
    r = rules()
    if any(r["lines"][key].match(line) for key in MEETING_LINES):
        return "meeting"
    if r["lines"]["item_header"].match(line) or (genre is Genre.MINUTES and r["lines"]["item_number"].match(line)):
        return "item"
    if genre is Genre.DECISION and r["lines"]["dated_title"].match(line):
        return "meeting"
    for heading, pattern in r["headings"].items():
        if pattern.match(line):
            return heading
    return None


_PAGE_TITLES = re.compile(
    r"(?i)^(?:issue\s*[-–—]\s*(?:meetings|decisions)|agenda\s+item|agendas?,?\s+meetings\s+and\s+minutes.*|agenda\s+and\s+minutes|decision\s+details|minutes)$"
)


def _is_boilerplate_title(line: str) -> bool:
    return bool(_PAGE_TITLES.match(line))
