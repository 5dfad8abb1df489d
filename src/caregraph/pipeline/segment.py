"""Stage 2 — segment: tell the genre of a document and cut it into its parts.

A :class:`~caregraph.records.Segment` is a span of the text with a kind: ``title``, ``meeting`` (a page's own
meeting line: ModernGov "Meeting: …", "Body - Weekday, date time", a weekday's date under the body's name, "Minutes of
the meeting of … held on …"; in the page's first lines also a body's name with its day in any layout, or a day, bare
or labelled, by a line that names a body), ``item`` (an agenda-item heading), or a section that a heading opens (``minutes``,
``resolved``, ``recommendations``, ``witnesses``, …; see ``rules/segment.toml``), or ``body`` for the rest. A list of
people (``witnesses``, ``apologies``, ``declarations``) ends at a numbered agenda item's title ("5. Notes of the last
meeting"); a line that only names the kind of document ("Meeting Details", "MINUTES AND DECISION RECORD") may stand
between a body's name and its day.
Segments never overlap and always lie inside the text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib import resources
from itertools import pairwise

from caregraph.records import Genre, Segment, Segmented, SourceDocument


@cache
def rules() -> dict:
    with resources.files("caregraph").joinpath("rules/segment.toml").open("rb") as fh:
        data = tomllib.load(fh)
    with resources.files("caregraph").joinpath("rules/meetings.toml").open("rb") as fh:
        heads = tomllib.load(fh)["meetings"]["body_heads"]
    # a body's name: capitalised words and connectors ending in a head word ("CHILDREN AND YOUNG PEOPLE SCRUTINY
    # COMMITTEE", "You Matter to Us - Corporate Parenting Board"), or a head word alone ("Cabinet")
    body = (
        r"(?:(?-i:[A-Z])[\w’'&()-]*(?:[ \t]+(?:(?-i:[A-Z0-9])[\w’'&()-]*|and|of|for|the|in|on|to|&|[-–—]))*?[ \t]+)?"
        rf"{heads}(?![\w-])"
    )
    # a time of day, or a span of them: ", 2.00 pm", " at 10am", ", 10:00–12:00", " - 10:00"
    hour = r"\d{1,2}(?:[.:]\d\d\s*(?:am|pm|a\.m\.|p\.m\.|noon)?|\s*(?:am|pm|a\.m\.|p\.m\.|noon))"
    time = rf"(?:\s*[,\-–—]?\s*(?:at|from|commencing\s+at)?\s*{hour}(?:\s*(?:[-–—]|to|until)\s*{hour})?)?"
    # a day in figures, one separator throughout: "16/07/2019", "16.07.2019", "16/07/19", "16.07.19" (with dots and a
    # two-figure year, two figures each, as the date finder reads it: "3.1.12" is a paragraph's number)
    numeric_day = r"(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)|\d{1,2}\.\d{1,2}\.\d{4}|\d\d\.\d\d\.\d\d)(?!\d)"
    headings = {kind: re.compile(pattern, re.I) for kind, pattern in data["headings"].items()}
    # every heading in one pattern, tried in the file's order (the first that matches a line names its kind)
    any_heading = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in data["headings"].items()), re.I)
    lines = {
        key: re.compile(
            pattern.replace("{body}", body).replace("{time}", time).replace("{numeric_day}", numeric_day), re.I
        )
        for key, pattern in data["lines"].items()
    }
    genres = [
        (Genre(name), re.compile(pattern.replace("{numeric_day}", numeric_day)))
        for name, pattern in data["genres"].items()
    ]
    # a body's head word just before a place in a line ("Cabinet Decision: …" is one label, not "Decision:": reline)
    qualified = re.compile(rf"(?<![\w-]){heads}[ \t]+$")
    return {"headings": headings, "any_heading": any_heading, "lines": lines, "genres": genres, "qualified": qualified}


#: News copy (in the first 3000 characters): "published today", "said:", "has been rated", "congratulations" … Every
#: cue starts a word with one of the letters of the look-ahead: a search gives up at once at every other position
#: (speed only: the matches of "\b(?:…)").
_NEWS_CUES = re.compile(
    r"(?i)(?=[acnoprsh])(?<!\w)(?=\w)(?:published today|out today|said:|added:|press release|news|has been rated|have been rated|ofsted (?:has )?published|positive feedback|congratulations|rated (?:as )?['‘’\"“]?(?:good|outstanding|inadequate|requires))"
)

#: Minutes-like prose (in the first 3000 characters): a line that opens "Resolved:", "Minutes:" or "RESOLVED", "the
#: Committee considered", "Members noted", a report "is attached", "(key decision", "introduced the report". The cues
#: are kept in four patterns that a search skips along the text with (speed only: one "(?im)^…|^…|\b…|\(key…" tries
#: every position): a line's cues at the text's start and after a line break, the word cues at a word that starts with
#: one of their first letters, "(key decision" at a bracket.
_LINE_CUES = r"\s*(?:resolved|minutes|recommendations?)\s*:|\s*(?:it\s+was\s+)?(?-i:RESOLVED|AGREED)\b"
_MINUTES_FIRST_LINE = re.compile(_LINE_CUES, re.I)
_MINUTES_LINE = re.compile(rf"\n(?:{_LINE_CUES})", re.I)
_MINUTES_WORDS = re.compile(
    r"(?=[imrt])(?<!\w)(?=\w)(?:(?:(?:the|members\s+of\s+the)\s+(?:committee|board|panel|cabinet|commission|sub-committee|forum|group|partnership)|members)\s+(?:considered|received|noted|was\s+informed|were\s+informed|agreed|asked|queried)\b|report\s+(?:of|from|by)\s+the\s+[A-Z][^.\n]{0,60}?\bis\s+attached\b|introduced\s+the\s+report\b)",
    re.I,
)
_KEY_DECISION = re.compile(r"\(key\s+decision\b", re.I)


def _minutes_like(head: str) -> bool:
    """Whether ``head`` holds a cue of minutes-like prose (see :data:`_LINE_CUES`)."""
    return bool(
        _MINUTES_FIRST_LINE.match(head)
        or _MINUTES_LINE.search(head)
        or _MINUTES_WORDS.search(head)
        or _KEY_DECISION.search(head)
    )


def detect_genre(text: str) -> Genre:
    """The genre of a page: a ModernGov page type when its header says so, else minutes-like prose, else a
    news release, else other."""
    head = text[:600]
    for genre, pattern in rules()["genres"]:
        if pattern.search(head):
            return genre
    if _minutes_like(text[:3000]):
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


_last_lines: tuple[str, tuple[tuple[int, int, str], ...]] = ("", ())


def text_lines(text: str) -> tuple[tuple[int, int, str], ...]:
    """``tuple(lines_with_offsets(text))``: worked out once for the last text (segmentation and extraction read the
    same lines; speed only)."""
    global _last_lines
    if _last_lines[0] is not text:
        _last_lines = (text, tuple(lines_with_offsets(text)))
    return _last_lines[1]


#: A hard-wrapped text (a PDF's, a narrow page's): its longest line is at most this long, and at least this many of its
#: line breaks are wraps (:func:`unwrap`).
_WRAP_WIDTH = 110
_MIN_WRAPS = 4
#: A line that cannot end a wrapped sentence: it ends a sentence or a label (".", "!", "?", ":", ";"); the next line
#: that does not continue one: a list item ("•", "-", "1.", "(a)") or an empty line.
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"”’')\]]*\s*$")
_STARTS_ITEM = re.compile(r"\s*(?:[•·Ø▪◦*\-–—]|\(?\d{1,3}(?:\.\d{1,3})*[.)]|\(?[a-z]\)|\(?[ivx]+\))(?:\s|$)|\s*$")


def unwrap(text: str) -> str:
    """``text`` with the line breaks of a hard wrap made spaces (the same length, so every offset holds).

    A text is hard-wrapped when its longest line is at most :data:`_WRAP_WIDTH` characters and at least
    :data:`_MIN_WRAPS` of its line breaks are wraps; a line break is a wrap when the next line's first word would not
    have fitted on the line before it (what a wrapping program does), the line before does not end a sentence or a
    label, and the next line is neither empty nor a list item. A page whose paragraphs are each one line is unchanged."""
    lines = text.split("\n")
    width = max((len(line.rstrip()) for line in lines), default=0)
    if width > _WRAP_WIDTH or width < 40 or len(lines) < _MIN_WRAPS:
        return text
    wraps = []
    offset = 0
    for line, nxt in pairwise(lines):
        offset += len(line) + 1
        body = line.rstrip()
        if not body or _ENDS_SENTENCE.search(body) or _STARTS_ITEM.match(nxt):
            continue
        first = nxt.split(maxsplit=1)[0]
        if len(body) + 1 + len(first) > width:
            wraps.append(offset - 1)
    if len(wraps) < _MIN_WRAPS:
        return text
    chars = list(text)
    for at in wraps:
        chars[at] = " "
    return "".join(chars)


#: A line at least this long may be several lines run together (a page scraped without its block breaks, a table
#: flattened to one line): :func:`reline` looks in it for the fields and headings that start lines.
_RELINE_MIN = 600
#: Where a field's label may start inside a line: after a space, a capitalised label of at most six words that ends
#: in a colon or a spaced dash ("Decision:", "Date of decision:", "RESOLVED –", "Is Key decision?:").
_LABEL_AT = re.compile(
    r"(?<=[ \t])(?=(?-i:[A-Z])[\w’'()&/-]*(?:[ \t]+[\w’'()&/-]+){0,5}?[ \t]*(?P<end>\??:|[ \t][-–—](?=[ \t])))"
)
#: Where a meeting's header may start inside a line: after a sentence's end, or at a list item's dash or bullet.
_HEADER_AT = re.compile(r"(?<=[.!?|][ \t])[ \t]*(?=(?-i:[A-Z]))|(?<=[ \t])(?=[-•·][ \t]+(?-i:[A-Z]))")
#: An item's marker in a list of resolutions run into one line ("1.", "2)", "(b)", "c)"): its first character's
#: offset from the match start is the marker's.
_MARKER = re.compile(r"(?:(?<=[ \t])|^)\(?(?P<m>\d{1,2}|[a-z]|[ivx]{1,4})[.)](?=[ \t]+\S)")
#: The section kinds whose numbered or lettered items are each a line of their own.
_LISTED = frozenset({"resolved", "decision", "recommendations"})
#: A sentence's end (or a label's) just before a place in a line: search it up to that place.
_SENTENCE_END = re.compile(r"[.!?:;][\"”’')\]]*[ \t]+$")
#: A label of any field after a sentence: at most three words, the last capitalised ("Content:", "Key Issues:"; not
#: "Kevin Lavery said:").
_FIELD_LABEL = re.compile(r"(?:[\w’'()&/-]+[ \t]+){0,2}(?-i:[A-Z])[\w’'()&/-]*[ \t]*\??:$")
#: … a full sentence's end only.
_FULL_STOP = re.compile(r"[.!?][\"”’')\]]*[ \t]+$")


#: A ModernGov meeting line's "(Item 6)": the line ends there.
_ITEM_END = re.compile(r"\(\s*item\s+[\w.]+?\.?\s*\)", re.I)


def reline(text: str) -> str:
    """``text`` with the line breaks of its long lines recovered where the page's layout put them (the same length:
    a space becomes a line break, so every offset holds).

    In a line of at least :data:`_RELINE_MIN` characters a line starts: at a field's label or a heading that the rules
    of ``rules/segment.toml`` know ("Decision:", "Minutes:", "RESOLVED –", "Decision maker:", "Meeting: 16/07/2019 -
    Cabinet (Item 6)"), and a field's value ends where the rules read the field whole ("Decision maker: Cabinet" before
    "Decision status: …", "… (Item 6)"); at a meeting's header that follows a sentence's end or a list's dash ("-
    Meeting of the Cabinet, Monday 3 March 2025 (Item 4.)", "Cabinet - Tuesday, 12th March, 2024 6.00 pm"), which
    ends after its day and time; and, in a section of resolutions or recommendations, at each item of a run of
    numbered or lettered items ("1. … 2. …", "a) … b) …"). A text whose lines are all short is unchanged."""
    if not any(len(line) >= _RELINE_MIN for line in text.split("\n")):
        return text
    breaks: set[int] = set()
    for start, end, line in lines_with_offsets(text):
        if end - start >= _RELINE_MIN:
            breaks.update(start + at for at in _line_breaks(line))
    if not breaks:
        return text
    chars = list(text)
    for at in breaks:
        if at > 0 and chars[at - 1] in " \t":
            chars[at - 1] = "\n"
    return "".join(chars)


def _line_breaks(line: str) -> list[int]:
    """Where lines start inside the long ``line`` (offsets of their first characters; see :func:`reline`)."""
    r = rules()
    heading, lines = r["any_heading"], r["lines"]
    fields = ("meeting", "body_top", "meeting_date_top")
    labels = [(m.start(), m.end("end")) for m in _LABEL_AT.finditer(line)]
    out: list[int] = []
    sections: list[tuple[int, str]] = []
    for k, (at, colon) in enumerate(labels):
        rest = line[at : at + 300]
        h = heading.match(rest)
        if h is not None and h.end() >= colon - at and not r["qualified"].search(line, max(0, at - 40), at):
            out.append(at)  # (the heading reads the label to its colon or dash: not "the signed Minutes – which")
            sections.append((at + h.end(), h.lastgroup or ""))
        elif (
            line[colon - 1] == ":"
            and _FIELD_LABEL.match(line, at, colon)
            and _FULL_STOP.search(line, max(0, at - 12), at)
        ):
            out.append(at)  # "… to Ofsted. Content: That …": a field after a sentence
            continue
        # a labelled field whose value the rules read whole before one of the next labels
        for stop in [a for a, _ in labels[k + 1 : k + 5]] + [len(line)]:
            piece = line[at:stop].rstrip()
            if any((m := lines[key].match(piece)) and (key == "meeting" or m.group("label")) for key in fields):
                out.append(at)
                if stop < len(line):
                    out.append(stop)
                break
    # a ModernGov meeting line ends at its "(Item 6)"; a meeting's header, after its day and time (of two starts
    # that end at one place, the later: the header, not the sentence before it)
    headers: dict[int, int] = {}
    for at in [*out, *(m.end() for m in _HEADER_AT.finditer(line))]:
        rest = line[at : at + 300]
        if (item := _ITEM_END.search(rest)) is not None and lines["meeting"].match(rest[: item.end()]):
            headers[at + item.end() + 1] = max(at, headers.get(at + item.end() + 1, at))
            continue
        for key in ("meeting_header", "meeting_of", "meeting_day", "meeting_held"):
            if (end := _header_end(lines[key], rest)) is not None:
                headers[at + end + 1] = max(at, headers.get(at + end + 1, at))
                break
    for end, at in headers.items():
        out += [at, end]
    out += _item_breaks(line, sections)
    return sorted({at for at in out if 0 < at < len(line)})


def _header_end(pattern: re.Pattern[str], rest: str) -> int | None:
    """The end of the longest head of ``rest`` (up to a space) that ``pattern`` reads as a whole line, when that head
    ends in a time of day or an item's number (where a header stops for sure); else None."""
    for m in reversed(list(_CLOCK_OR_ITEM.finditer(rest, 0, 220))):
        if pattern.match(rest[: m.end()]):
            return m.end()
    return None


#: Where a header's line may end: after a time of day ("6.00 pm", "7:30pm", "10am") or a ModernGov item's number.
_CLOCK_OR_ITEM = re.compile(
    r"(?i)\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?=[ \t])|\(\s*item\s+[\w.]+?\.?\s*\)(?=[ \t])"
)


def _item_breaks(line: str, sections: list[tuple[int, str]]) -> list[int]:
    """Line starts at the items of a run of numbered or lettered items ("1." … "2." …, "a)" … "b)" …) in a section
    of resolutions or recommendations that a heading inside ``line`` opens (up to the next heading); where no
    heading does, at a run whose later items each follow a sentence's end ("1) That … 2017. 2) That …")."""
    out: list[int] = []
    if not sections:
        found = [(m.start(), m.group("m")) for m in _MARKER.finditer(line)]
        for k, (at, mark) in enumerate(found):
            if mark in ("1", "a", "i") and (at == 0 or _after_sentence(line, at)):
                chain, want = [at], _next_mark(mark, mark)
                for later, other in found[k + 1 :]:
                    if other == want and _after_sentence(line, later):
                        chain.append(later)
                        want = _next_mark(want, mark)
                if len(chain) >= 2:
                    out += chain
        return out
    for n, (start, kind) in enumerate(sections):
        if kind not in _LISTED:
            continue
        stop = sections[n + 1][0] if n + 1 < len(sections) else len(line)
        run: list[int] = []
        expect: str | None = None
        first = ""
        for m in _MARKER.finditer(line, start, stop):
            mark = m.group("m")
            if expect is None or mark != expect:
                if mark in ("1", "a", "i") and not run:
                    run, expect, first = [m.start()], _next_mark(mark, mark), mark
                continue
            run.append(m.start())
            expect = _next_mark(mark, first)
        if len(run) >= 2:
            out += run
    return out


def _after_sentence(line: str, at: int) -> bool:
    """Whether a sentence (or a label) ends just before ``at`` in ``line``."""
    return _SENTENCE_END.search(line, max(0, at - 12), at) is not None


_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _next_mark(mark: str, first: str) -> str:
    """The marker after ``mark`` in a list that opened with ``first``: "2" after "1", "ii" after "i" and "vi" after
    "v" in a list of roman numerals (opened with "i"), "j" after "i" in a list of letters (opened with "a")."""
    if mark.isdigit():
        return str(int(mark) + 1)
    if first == "i" and mark in _ROMAN[:-1]:
        return _ROMAN[_ROMAN.index(mark) + 1]
    return chr(ord(mark) + 1)


def segment(document: SourceDocument) -> Segmented:
    """Cut ``document`` into segments according to its genre (a hard-wrapped text's lines joined first:
    :func:`unwrap`; the line breaks of lines run together recovered: :func:`reline`)."""
    text = reline(unwrap(document.text))
    genre = detect_genre(text)
    rules()
    segments: list[Segment] = []
    current_kind: str | None = None
    current_start = current_end = 0
    title_pending = True
    numbered_section = False  # the current section was opened by a report's numbered heading ("3. Background")

    def close() -> None:
        if current_kind is not None and current_end > current_start:
            segments.append(Segment(current_kind, current_start, current_end))

    # the page's first lines, before any prose: where a dated body's name is the page's own meeting
    top: list[str] | None = []
    all_lines = text_lines(text)
    for n, (start, end, line) in enumerate(all_lines):
        if top is not None and (len(top) >= _TOP_LINES or len(line) > _TOP_LINE_LENGTH):
            top = None
        if title_pending and _is_boilerplate_title(line):
            kind: str | None = "page"
        elif top is not None and _top_meeting(line, top, [x for _, _, x in all_lines[n + 1 : n + 4]]):
            kind = "meeting"
        else:
            kind = _line_kind(line, genre)
        if top is not None:
            top.append(line)
        if kind != "page":
            if title_pending and kind is None:
                kind = "title"
            if kind is not None:
                title_pending = False
        if kind is None and current_kind in _PEOPLE_LISTS and rules()["lines"]["item_title"].match(line):
            kind = "body"  # "2.\tNotes of the previous meeting" after "Present: …": the next agenda item begins
        if kind is None and numbered_section and _SECTION_TITLE.match(line):
            kind = "body"  # "4. Next steps" after "3. Alternative options considered": the report's next section
        if kind is not None:
            numbered_section = genre is Genre.OTHER and _SECTION_NUMBER.match(line) is not None
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
    return Segmented(document, genre, tuple(segments), None if text == document.text else text)


#: The page's first lines (at most this many, none longer than this) may hold its own meeting's header.
_TOP_LINES = 12
_TOP_LINE_LENGTH = 160


def _top_meeting(line: str, top: list[str], below: list[str]) -> bool:
    """Whether ``line``, among the page's first lines (``top`` before it, ``below`` after it), is its own meeting's
    header: a body's name with its day ("Agenda for Cabinet on Tuesday, 12th March, 2024", "CABINET - 18 OCTOBER
    2023", "12 March 2024 - Cabinet"), or a day on a line of its own under a line of a body's name ("Corporate Parenting Panel" … "Date: 14
    March 2023") or, labelled, above a labelled body ("Date of meeting: 3 July 2023" / "Decision maker: Cabinet")."""
    r = rules()["lines"]
    if r["meeting_top"].match(line) or r["meeting_top_day_first"].match(line):
        return True
    m = r["meeting_date_top"].match(line)
    if m is None:
        return False
    return body_line_above(top) is not None or (m.group("label") is not None and body_line_below(below) is not None)


#: A labelled field of a header ("Venue: …", "Time: …"), or its label alone, its value on the next line (a table
#: flattened to lines: "Date:" over "Wednesday, 14th October, 2015").
_FIELD = re.compile(r"^[A-Z][\w ’']{0,30}:\s*(?:\S|$)")


def body_line_below(lines: list[str]) -> int | None:
    """Where (an index of ``lines``) a labelled body's name stands among the lines after a labelled day, past other
    labelled fields ("Time: …"), up to three lines down; None when there is none."""
    r = rules()["lines"]["body_top"]
    for k, line in enumerate(lines[:3]):
        m = r.match(line)
        if m is not None and m.group("label") and ":" in m.group("label"):
            return k
        if not _FIELD.match(line):
            return None
    return None


def body_line_above(lines: list[str]) -> int | None:
    """Where (an index of ``lines``) the body's name stands that a day on the line after ``lines`` belongs to: the
    last line, or one above it past labelled fields ("Venue: …", "Time: …"), up to three lines up; None when there
    is none."""
    r = rules()["lines"]["body_top"]
    for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
        if r.match(lines[k]):
            return k
        if not _FIELD.match(lines[k]) and not is_document_label(lines[k]) and not _AUTHOR_LINE.match(lines[k]):
            return None
    return None


#: A report's author on a line of its own, unlabelled ("Report of the Director of Children's Services", "Joint report
#: by the Executive Director and the Lead Member"): a line that may stand between a body's name and its day.
_AUTHOR_LINE = re.compile(
    r"(?i)^[ \t]*(?:joint[ \t]+)?reports?[ \t]+(?:of|by|from)[ \t]+(?:the[ \t]+)?[a-z][^\n.;]{0,120}$"
)


#: The words of a line that only says what kind of document this is ("Meeting Details", "MINUTES AND DECISION
#: RECORD", "Agenda and draft minutes"), lower case.
_DOCUMENT_WORDS = frozenset(
    [
        "agenda",
        "agendas",
        "minutes",
        "notes",
        "decision",
        "decisions",
        "record",
        "records",
        "meeting",
        "meetings",
        "details",
        "draft",
        "summary",
        "action",
        "actions",
        "public",
        "reports",
        "pack",
        "papers",
        "and",
        "&",
        "of",
        "the",
    ]
)


def is_document_label(line: str) -> bool:
    """Whether ``line`` only names the kind of document ("Meeting Details", "Minutes and decision record"): a line
    that may stand between a body's name and its meeting's day."""
    words = line.lower().rstrip(":").split()
    return 0 < len(words) <= 6 and all(w in _DOCUMENT_WORDS for w in words)


_ONE_LINE = {"title", "meeting", "item", "page"}
#: Sections that list people (attendees, apologies, interests declared): a numbered agenda item's title ends them.
_PEOPLE_LISTS = frozenset({"witnesses", "apologies", "declarations"})
#: The line patterns of ``rules/segment.toml`` that make a "meeting" line (a page's own meeting: "Meeting: 16/07/2019 -
#: Cabinet (Item 126)", "Cabinet - Tuesday, 12th March, 2024 6.00 pm", a weekday's date under the body's name, …).
MEETING_LINES = ("meeting", "meeting_held", "meeting_of", "meeting_header", "meeting_day")


_DIGIT = re.compile(r"\d")


def _line_kind(line: str, genre: Genre) -> str | None:
    r = rules()
    if _DIGIT.search(line):  # a meeting line or an item's header has a date or a number
        if any(r["lines"][key].match(line) for key in MEETING_LINES):
            return "meeting"
        if r["lines"]["item_header"].match(line) or (genre is Genre.MINUTES and r["lines"]["item_number"].match(line)):
            return "item"
        if genre is Genre.DECISION and r["lines"]["dated_title"].match(line):
            return "meeting"
    m = r["any_heading"].match(line)
    if m is None and (numbered := PARAGRAPH_NUMBER.match(line)):  # "28.2 It was RESOLVED to –"
        m = r["any_heading"].match(line[numbered.end() :])
    if m is None and genre is Genre.OTHER and (numbered := _SECTION_NUMBER.match(line)):
        # a report's numbered section heading ("2. Background", "3.0 Financial Implications", "4. Recommendations"):
        # a section of its kind all the same; only on a report, and of a report's kinds (in minutes "5. Risk
        # Management" may be an agenda item's title)
        h = r["any_heading"].match(line[numbered.end() :])
        m = h if h is not None and h.lastgroup in _REPORT_SECTIONS else None
    return m.lastgroup if m else None


#: A minutes paragraph's two-level number before its words ("28.2  It was RESOLVED to –"): a heading after it is a
#: heading all the same.
PARAGRAPH_NUMBER = re.compile(r"\d{1,3}\.\d{1,2}\.?\s+")
#: A report's section number before its heading: "2.", "3.0", "4)", "B." (and the heading after it).
_SECTION_NUMBER = re.compile(r"(?:\d{1,2}(?:\.0)?[.)]?|[A-Z][.)])[ \t]+(?=[A-Z])")
#: A report's numbered section heading of any kind ("4. Next steps", "5.0 Conclusion"): it ends a section that a numbered
#: heading opened.
_SECTION_TITLE = re.compile(r"(?:\d{1,2}(?:\.0)?[.)]?|[A-Z][.)])[ \t]+[A-Z][^.:;!?\n]{0,60}$")
#: The sections of a report that a numbered heading may open: what is not its resolutions (background, options,
#: implications, reasons), its purpose, and its recommendations or decisions (which end the section before them).
_REPORT_SECTIONS = frozenset({"aside", "purpose", "reasons", "recommendations", "decision", "resolved"})


_PAGE_TITLES = re.compile(
    r"(?i)^(?:issue\s*[-–—]\s*(?:meetings|decisions)|agenda\s+item|agendas?,?\s+meetings\s+and\s+minutes.*|agenda\s+and\s+minutes|decision\s+details|minutes)$"
)


def _is_boilerplate_title(line: str) -> bool:
    return bool(_PAGE_TITLES.match(line))
