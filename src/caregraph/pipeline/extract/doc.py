"""The document every finder reads, built once per document, and the span helpers the finders share.

A :class:`Doc` wraps a :class:`~caregraph.records.Segmented` document and holds what several finders need of it,
each worked out at most once: the text and the part of it extraction scans (:data:`SCAN_LIMIT`), the lines with
their offsets, the sentences of the scanned part, the dates the text states without an anchor (``find_dates`` run
once), the segments, and the council the document's metadata names (its publisher, when the manifest or URL
says). Windowed look-ups (the dates of one sentence against the document's date, the lines of one segment) go
through the ``Doc`` too and are worked out once per window. The lines of a window are cut from the lines found
once; its sentences and dates are not cut from the whole text's, because a split or a date can differ at a window's
edges (a sentence of a segment starts where the segment starts), so they are worked out on their own.

A finder's own work on the document that several passes repeat (where the capitalised words start, the council names
of a span, the bodies' names of the page) is memoised on the ``Doc`` too, with :meth:`Doc.memo` or the
:func:`per_doc` decorator, never in a module's globals: an answer then belongs to one document, whatever other
documents are read at the same time or in between, and goes with it.

Every :class:`~caregraph.records.Evidence` a finder makes comes from :func:`evidence` (or :meth:`Doc.evidence`),
so ``document.text[start:end] == quote`` always holds. :func:`load_rules` reads one finder's rules file from
``caregraph/rules``; each finder module compiles its own file once.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Callable, Iterator, Sequence
from functools import cache, cached_property, wraps
from importlib import resources
from typing import Any, TypeVar, TypeVarTuple, cast

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.dates import DateMention, find_dates
from caregraph.pipeline.extract.patterns import folds_simply, with_first_letters
from caregraph.pipeline.segment import text_lines
from caregraph.records import Evidence, Genre, PartialDate, Segment, Segmented, SourceDocument

#: Extraction reads at most this many characters of a document (a council page is a few thousand; a 1 MB file
#: would otherwise take seconds). Segmentation still covers the whole text.
SCAN_LIMIT = 100_000
#: Dates, meetings of named bodies and the committee of a "current date" page are looked for this far.
WIDE_SCAN_LIMIT = 200_000

Line = tuple[int, int, str]  # (start, end, stripped line), offsets of the stripped text
Council = tuple[int, int, str]  # (start, end, slug) of a council's name in the text (``Gazetteer.find``)

T = TypeVar("T")
Ts = TypeVarTuple("Ts")
_MISSING = object()


@cache
def load_rules(name: str) -> dict:
    """The rules file ``caregraph/rules/{name}.toml``, parsed once (finders compile their own patterns from it)."""
    with resources.files("caregraph").joinpath(f"rules/{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


class Doc:
    """One document as the finders see it. Build it with ``Doc(segmented)`` (or :meth:`of`).

    What may be memoised here: work that depends on the document alone (and on arguments given with it), that
    several finders or passes would otherwise repeat on one document. What the ``Doc`` itself knows is a
    ``cached_property`` (lines, sentences, dates, the declared council); a finder's own work is memoised with
    :meth:`memo` (or :func:`per_doc`), keyed by the function that computes it, so each finder keeps its logic in its
    own module and the answer lives exactly as long as the document. Answers are shared, not copied: read them,
    don't change them."""

    def __init__(self, seg: Segmented) -> None:
        self.seg = seg
        self.source: SourceDocument = seg.document
        self.text: str = seg.text  # as read: quotes are taken from the source's text at the end (extract)
        self.genre: Genre = seg.genre
        self.segments: tuple[Segment, ...] = seg.segments
        self.limit = min(len(self.text), SCAN_LIMIT)  # finders scan text[:limit]
        self._memos: dict[tuple[Any, ...], Any] = {}

    @classmethod
    def of(cls, x: Doc | Segmented) -> Doc:
        """``x`` itself when it is a ``Doc``, else a new ``Doc`` of the segmented document ``x``."""
        return x if isinstance(x, Doc) else cls(x)

    def memo(self, compute: Callable[[Doc, *Ts], T], *args: *Ts) -> T:
        """``compute(self, *args)``, worked out once per document and ``args``: a later call with the same function
        and arguments gives the first answer (the same object: read it, don't change it). ``compute`` is the key
        (with ``args``, which must be hashable), so it must be a module-level function, not a lambda made anew at
        each call, and its answer must depend on nothing but the document and ``args``."""
        key = (compute, *args)
        memos = self._memos
        found = memos.get(key, _MISSING)
        if found is _MISSING:
            found = memos[key] = compute(self, *args)
        return cast(T, found)

    @cached_property
    def folds_simply(self) -> bool:
        """Whether the text has none of the four characters a case-insensitive pattern matches to an ASCII letter
        that ``str.lower`` does not lower to it ("İ", "ı", "ſ", the Kelvin sign): then a word of lower-case ASCII
        letters that ``pattern`` (with ``re.I``) needs is in a span's match only if it is in the span's lower case,
        which a finder may test first (speed only)."""
        return folds_simply(self.text)

    # -- lines, sentences, segments -----------------------------------------------------------------------

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        """Every non-blank line of the text as ``(start, end, stripped line)``."""
        return text_lines(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [s for s, _, _ in self.lines]

    def lines_in(self, start: int, end: int) -> Iterator[Line]:
        """The non-blank lines of ``text[start:end]``, cut at its ends: what ``lines_with_offsets(text, start,
        end)`` gives, from the lines found once."""
        text, lines = self.text, self.lines
        for i in range(max(0, bisect.bisect_right(self._line_starts, start) - 1), len(lines)):
            s, e, line = lines[i]
            if s >= end:
                break
            if e <= start:
                continue
            if s < start or e > end:
                s, e = max(s, start), min(e, end)
                raw = text[s:e]
                line = raw.strip()
                if not line:
                    continue
                s += len(raw) - len(raw.lstrip())
                e = s + len(line)
            yield s, e, line

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """The sentence spans of the scanned text (see :func:`sentences`)."""
        return tuple(sentences(self.text, 0, self.limit))

    def sentences_in(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The sentence spans of ``text[start:end]``, split on their own (a window's first sentence starts at
        ``start`` even inside a sentence of the whole text)."""
        return sentences(self.text, start, end)

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence that holds ``text[start:end]`` (within 600 characters either side), else the span itself."""
        return sentence_around(self.text, start, end)

    def in_segment(self, pos: int, kind: str) -> bool:
        """Whether ``pos`` lies in a segment of ``kind``."""
        return any(s.kind == kind and s.start <= pos < s.end for s in self.segments)

    # -- dates --------------------------------------------------------------------------------------------

    @cached_property
    def dates(self) -> tuple[DateMention, ...]:
        """Every date the text states without needing an anchor (the first :data:`WIDE_SCAN_LIMIT` characters)."""
        return tuple(find_dates(self.text[:WIDE_SCAN_LIMIT]))

    def dates_in(
        self,
        start: int,
        end: int,
        anchor: PartialDate | None = None,
        *,
        future: bool = False,
        durations: bool = False,
        seasons: bool = False,
    ) -> Sequence[DateMention]:
        """``find_dates(text, anchor, start, end, …)``, worked out once per window and options (read it, don't
        change it)."""
        return self.memo(_dates_in, start, end, anchor, future, durations, seasons)

    # -- councils -----------------------------------------------------------------------------------------

    def councils_in(self, start: int, end: int) -> list[Council]:
        """``gazetteer().find(text, start, end)``: every council name in ``text[start:end]``, worked out once per
        span (several passes scan the whole scanned text; read it, don't change it)."""
        return self.memo(_councils_in, start, end)

    # -- metadata ----------------------------------------------------------------------------------------

    @cached_property
    def declared_council(self) -> str | None:
        """The council the document's metadata names (a slug of the gazetteer): the manifest's council, else the
        URL's domain or a label of its host that is the council's name or its domain's label; else a council whose
        name a label of the host merely contains or whose domain's label opens it ("thetownnews.example",
        "newcastlefamilies.example"), unless the text names another council than that one, the council it replaced
        or that replaced it: then the text says better (a newspaper named after one council writing about its
        neighbour, a partner's site named after the county its page is not about, a council's name inside a longer
        word of the host). None when nothing says."""
        gaz = gazetteer()
        publisher = gaz.resolve(self.source.council) if self.source.council else None
        if publisher is None:
            publisher = gaz.from_url(self.source.url, contained=False)
        if publisher is None:
            held = gaz.from_url(self.source.url)
            if held is not None:
                named = {slug for _, _, slug in self.councils_in(0, self.limit)}
                if not named or named <= gaz.kin(held):
                    publisher = held
        return publisher

    def evidence(self, start: int, end: int) -> Evidence:
        return evidence(self.text, start, end)


def _dates_in(
    doc: Doc, start: int, end: int, anchor: PartialDate | None, future: bool, durations: bool, seasons: bool
) -> list[DateMention]:
    return find_dates(doc.text, anchor, start, end, future, durations, seasons)


def _councils_in(doc: Doc, start: int, end: int) -> list[Council]:
    return list(gazetteer().find(doc.text, start, end))


def per_doc(compute: Callable[[Doc, *Ts], T]) -> Callable[[Doc, *Ts], T]:
    """``compute`` of a document (and further arguments) worked out once per document: :meth:`Doc.memo` as a
    decorator, for a finder's work that several passes ask for (``@per_doc`` over ``def starts(doc: Doc) -> …``).
    The answer is shared between the callers: read it, don't change it."""

    @wraps(compute)
    def memoised(doc: Doc, *args: *Ts) -> T:
        return doc.memo(compute, *args)

    return memoised


# ------------------------------------------------------------------------------------------------- helpers


def evidence(text: str, start: int, end: int) -> Evidence:
    """The evidence ``text[start:end]``, clamped to the text and trimmed of surrounding space."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    span = text[start:end]
    quote = span.strip()
    start += len(span) - len(span.lstrip()) if quote else len(span)
    return Evidence(start, start + len(quote), quote)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")


def slugish(text: str) -> str:
    """Lower case, apostrophes dropped, every other run of non-alphanumerics one space: for comparing names."""
    return _NOT_SLUG.sub(" ", text.lower().replace("’", "'").replace("'", "")).strip()


def clean(text: str) -> str:
    """Runs of white space as one space, trimmed."""
    return _SPACES.sub(" ", text).strip()


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """The span ``s``–``e`` without white space at its ends."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


#: Where a sentence ends: after a full stop before a capital, at ";" or ":" before a line break, at a blank line, before
#: a list item, before a new capitalised line.
_BREAK = r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(\[]?[A-Z0-9•·Ø])|(?<=[;:])\s*\n|\n\s*\n|\n(?=\s*(?:[•·Ø\-–]|\d{1,2}[.)]|\(?[a-z]\)|[ivx]+\))\s)|\n(?=\s*[A-Z][^\n]{0,80}\n)|(?<=[a-z0-9)])\n(?=\s*[A-Z])"
#: Every break starts at a line break, or at a space or closing quote right after ".!?;:": tested first, it lets the
#: pattern give up at once at every other position of the text (speed only: it matches where ``_BREAK`` does).
_AT_BREAK = r"(?:(?=\n)|(?<=[.!?;:])(?=[\s\"”’']))"
_SENTENCE_END = re.compile(f"{_AT_BREAK}(?:{_BREAK})")
#: Where :data:`_AT_BREAK` holds: a line break, or a ".!?;:" before a space or a closing quote (the break starts
#: after it). A search for this skips along the text in C, where a search for ``_SENTENCE_END`` tries every position.
_BREAK_CANDIDATE = re.compile(r"[\n.!?;:](?:(?<=\n)|(?=[\s\"”’']))")  # (a class first: the search skips in C)
_ABBREVIATIONS = with_first_letters(  # (led by its first letters: speed only)
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Cllrs|Clr|Clrs|Coun|No|Nos|St|e\.g|i\.e|etc|approx|Prof|Rev|Co|Ltd|Inc|vs|cf|para|ref)\.|\b[A-Z]\.)$"
)
#: The words a line cannot end a sentence with (prepositions, articles, conjunctions, possessives): a single line
#: break after one is a hard wrap inside the sentence, whatever the next line starts with.
_WRAPPED = re.compile(
    r"(?<![\w’'-])(?:in|on|of|the|an|and|or|by|to|from|since|for|at|with|between|during|until|than|its|their|our)$"
)
_MAX_SENTENCE = 3000


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``: split at full stops before a capital, at blank lines, at list items and
    at line breaks before a new capitalised line. A run without a break is cut every few thousand characters, so no
    span is unboundedly long."""
    end = len(text) if end is None else end
    pos = start
    # the breaks: ``_SENTENCE_END.finditer(text, start, end)``, tried only where a break can start
    # (:data:`_BREAK_CANDIDATE`): the same matches, as every match is at such a place and none is empty (speed only;
    # in one loop here, not a generator of its own, and each break's one-character test without its group's string)
    last = start
    match = _SENTENCE_END.match
    for c in _BREAK_CANDIDATE.finditer(text, max(0, start - 1), end):
        at = c.start()
        newline = text[at] == "\n"
        if not newline:
            at += 1
        if at < last:
            continue
        m = match(text, at, end)
        if m is None:
            continue
        last = m.end()
        stop = m.start()
        # an abbreviation ends in "." at the break (or before a line break there): only then is it looked for
        if (text[stop - 1 : stop] == "." or text[stop - 2 : stop] == ".\n") and _ABBREVIATIONS.search(
            text, max(pos, stop - 8), stop
        ):
            continue
        if last - stop == 1 and text[stop] == "\n" and _WRAPPED.search(text, max(pos, stop - 8), stop):
            continue  # a line hard-wrapped after a word no sentence ends with: "… its grading in\nJanuary 2020 …"
        if stop - pos > _MAX_SENTENCE:
            yield from _bounded(text, pos, stop)
        else:  # the usual case, as _bounded would do it
            part = text[pos:stop]
            kept = part.strip()
            if kept:
                lead = pos + len(part) - len(part.lstrip())
                yield lead, lead + len(kept)
        pos = last
    yield from _bounded(text, pos, end)


def _bounded(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while e - s > _MAX_SENTENCE:
        cut = text.rfind(" ", s + _MAX_SENTENCE // 2, s + _MAX_SENTENCE)
        cut = cut if cut > s else s + _MAX_SENTENCE
        if text[s:cut].strip():
            yield trim(text, s, cut)
        s = cut
    if text[s:e].strip():
        yield trim(text, s, e)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` that holds ``start``–``end``, split within 600 characters either side; else the
    span itself."""
    for s, e in sentences(text, max(0, start - 600), min(len(text), end + 600)):
        if s > start:
            break  # (the sentences come in order: none after this one holds the span)
        if end <= e:
            return s, e
    return start, end
