"""How the lines of a decision section divide: list markers, paragraphs and list items, agenda items' titles, and where
an item's resolutions end.

:func:`marker` reads a line's list marker ("1.", "2.1", "(3)", "a)", "(iv)", a bullet) and :func:`marker_kind` its
kind; :func:`unpiped` drops a flattened table's cell marks; :func:`section_units` gives a segment's paragraphs and
list items (a line that starts lower case, or goes on from a line the page's width cut, continues the one before);
:func:`is_title` and :func:`is_title_above` tell a numbered agenda item's title ("4. Minutes of the meeting held on
…") from a decision; :func:`closes_item` tells whether nothing but headings follows a point before the next item.
"""

from __future__ import annotations

import re

from caregraph.pipeline.extract.decision_rules import DECISION_SECTIONS, resolution_opening
from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.patterns import with_first_letters
from caregraph.pipeline.segment import MEETING_LINES
from caregraph.pipeline.segment import rules as segment_rules
from caregraph.records import Segment

# "1.", "2.1", "(3)", "1 That", "a)", "(iv)", "b." — a letter or a roman numeral only with "." or ")" after it (so the
# article in "a briefing note" is no marker); a bullet.
NUMBER = re.compile(
    r"^(?:\(?(?P<n>\d{1,2}(?:\.\d{1,2})*)(?:[.)]\s*|\s+(?=[A-Za-z“\"']))|\(?(?P<l>[a-zA-Z]|[ivx]{1,4}|[IVX]{1,4})[.)]\s*|[•·▪◦Ø\-–]\s+)(?=\S)"
)

Item = tuple[str | None, int, int]  # (number, start, end)
Unit = tuple[str | None, int, int, bool]  # (number, content start, end, marked)


def marker(text: str, start: int, end: int) -> tuple[str | None, int, bool]:
    """``(number, where the content starts, whether a list marker was there)`` of the line ``text[start:end]``."""
    m = NUMBER.match(text[start:end])
    if not m:
        return None, start, False
    return m.group("n") or m.group("l"), start + m.end(), True


def unpiped(text: str, start: int, end: int) -> tuple[int, int]:
    """The line ``start``–``end`` without the cell marks of a flattened table at its ends ("Decision: |")."""
    while start < end and text[start] in "| \t":
        start += 1
    while end > start and text[end - 1] in "| \t":
        end -= 1
    return start, end


def marker_kind(number: str | None) -> str:
    """The kind of a list marker: "digit" ("2.", "2.1"), "roman" ("iv)"), "letter" ("b.") or "bullet"."""
    if number is None:
        return "bullet"
    if number[0].isdigit():
        return "digit"
    return "roman" if len(number) > 1 or number.lower() in ("i", "v") else "letter"


# A numbered line that is the title of the next agenda item, not a decision: "2. Monitoring Visit".
_TITLE_LINE = re.compile(
    r"^(?:[A-Z0-9][\w’'&/-]*|and|of|for|the|in|on|to|&|[-–—:,])(?:\s+(?:[A-Z0-9][\w’'&/()-]*|and|of|for|the|in|on|to|&|[-–—:,]))*$"
)


def is_title(content: str) -> bool:
    """Whether a numbered line is an agenda item's title, not a decision: short, capitalised, without a stop
    ("2. Monitoring Visit", "45. Work programme")."""
    content = content.rstrip()
    return len(content) < 90 and (
        bool(_TITLE_LINE.match(content.rstrip(" ."))) or (content[:1].isupper() and content[-1:] not in ".;:,")
    )


# A table row's first cell that labels the next as what was decided: "| Decision | That …".
_ROW_LABEL = re.compile(r"(?i)(?:decisions?|resolved|resolutions?|outcome)\s*\|\s*(?=\S)")


# A label inside a line, after an item's title, that opens what the meeting said or decided (a table's cells run into
# one line): "You Matter to Us - Performance Minutes: The Director …".
_INLINE_LABEL = with_first_letters(r"(?<=\S\s)(?-i:Minutes|Resolved|RESOLVED|Decision|Decisions|DECISION)\s*:\s+(?=\S)")


#: What follows a heading word that is the subject of a sentence, no heading: "Minutes of the last meeting were agreed
#: …" (no colon, and the sentence goes on in lower case).
_SENTENCE_GOES_ON = re.compile(r"[ \t]*(?:of|for|from|were|was|are|is)\b")


def section_units(doc: Doc, s: Segment) -> list[Unit]:
    """The paragraphs and list items of a segment: each line, a line that starts lower case continuing the one
    before; the heading word of the segment's first line ("Minutes:") left out."""
    text = doc.text
    units: list[Unit] = []
    prev_start = s.start
    heading = segment_rules()["headings"].get(s.kind)
    for k, (raw_start, raw_end, _) in enumerate(doc.lines_in(s.start, min(s.end, doc.limit))):
        ls, le = unpiped(text, raw_start, raw_end)
        if ls >= le:
            continue
        if (
            k == 0
            and heading is not None
            and (h := heading.match(text[ls:le]))
            and h.end()
            and not (":" not in h.group(0) and _SENTENCE_GOES_ON.match(text, ls + h.end(), le))
        ):
            ls += h.end()
            while ls < le and text[ls] in " \t:;-–—":
                ls += 1
            if ls >= le:
                continue
        row = _ROW_LABEL.match(text, ls, le)
        if row is not None:  # a table row "| Decision | That the report be noted. |"
            ls = row.end()
        # (a label holds a colon: the quick test first, speed only)
        label = _INLINE_LABEL.search(text, ls, le) if text.find(":", ls, le) >= 0 else None
        if label is not None and "." not in text[ls : label.start()]:
            # a flattened table's row: "Minutes of the last meeting Minutes: The minutes of …"; a list marker after
            # the label is the resolution's number ("… Minutes: 1) RESOLVED that the minutes …")
            number, ls, marked = marker(text, label.end(), le)
            units.append((number, ls, le, marked))
            prev_start = ls
            continue
        number, cs, marked = marker(text, ls, le)
        if (
            not marked
            and units
            and (
                text[ls].islower()
                or (_wrapped(text, prev_start, units[-1][2], ls) and not is_title_above(text, units[-1], ls))
            )
        ):
            n, ucs, _, m = units[-1]
            units[-1] = (n, ucs, le, m)
            prev_start = ls
            continue
        units.append((number, cs, le, marked))
        prev_start = ls
    return units


_MONTH_START = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")


def is_title_above(text: str, unit: Unit, nxt: int) -> bool:
    """Whether ``unit`` is a numbered agenda item's title ("4. Minutes of the meeting held on 15 July 2024") and the
    line at ``nxt`` the first sentence under it, not the title's wrapped end ("April 2024 were approved …")."""
    if not unit[3]:
        return False
    line_start = text.rfind("\n", 0, unit[1]) + 1
    return (
        segment_rules()["lines"]["item_title"].match(text[line_start : unit[2]].strip()) is not None
        and text[nxt].isupper()
        and not _MONTH_START.match(text, nxt)
    )


def _wrapped(text: str, start: int, end: int, nxt: int) -> bool:
    """Whether the line ``text[start:end]`` was cut by the page's width, the next line (at ``nxt``) going on with
    its sentence: a long line ending without a stop right above it ("… held on 18" / "April 2024 were approved …")."""
    return (
        end - start >= 45
        and text[end - 1] not in ".;:!?)|"
        and not text[end - 1].isupper()
        and text.count("\n", end, nxt) == 1
    )


#: A label of one to three words on its own line, opening the next part of the item ("Actions:", "Next steps:").
_LABEL_LINE = re.compile(r"^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2}\s*:$")
#: A document's size in a link ("Download: Minutes 12.12.23 (PDF 312Kb)").
_FILE_SIZE = re.compile(r"(?i)\b(?:PDF|DOCX?)\s*[\d.,]+\s*[KM]B\b")


def closes_item(doc: Doc, end: int) -> bool:
    """Whether nothing but headings follows ``end`` before the next item: the next line is an agenda item's
    number or title, a heading, or a short line without a full stop; or there is none."""
    text = doc.text
    nl = text.find("\n", end, doc.limit)
    if nl < 0:
        return True
    label = False
    for ls, le, line in doc.lines_in(nl, doc.limit):
        line = line.strip("| \t")
        if not line:
            continue
        if label:  # under "Actions:" the item's resolutions may still follow ("Concluded:" / "(1) that …")
            _, cs, _ = marker(text, ls, le)
            return resolution_opening(text, cs, le) is None
        r = segment_rules()
        if r["lines"]["item_number"].match(line) or r["lines"]["item_header"].match(line):
            return True
        if any(r["lines"][key].match(line) for key in MEETING_LINES):
            return True
        heading = r["any_heading"].match(line)
        if heading is not None:  # the next section; the item's resolutions may still follow under their heading
            return heading.lastgroup not in DECISION_SECTIONS
        if _LABEL_LINE.match(line):
            label = True  # "Actions:" opens the next part of the item
            continue
        if _FILE_SIZE.search(line):
            return True  # "Download: Minutes (PDF 312Kb)" is the page's furniture
        return len(line) < 100 and line[-1] not in '.;:,!?”"’)' and not line[0].islower()
    return True
