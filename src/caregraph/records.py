"""Plain records passed between the pipeline stages. All frozen; closed sets are ``str`` enums."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field
from enum import StrEnum


class Genre(StrEnum):
    """What kind of council page a document is; decides how it is segmented."""

    ISSUE_MEETINGS = "issue-meetings"  # ModernGov "Issue - meetings" page
    AGENDA_ITEM = "agenda-item"  # minutes of one agenda item (mgAi pages)
    DECISION = "decision"  # "Issue - decisions" / decision details
    MINUTES = "minutes"  # whole-meeting minutes, several items
    NEWS = "news"  # news release or service page
    OTHER = "other"


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class PartialDate:
    """A date at the precision the text gives: a year, a year and month, or a full day.

    Ordering: by ``(year, month or 0, day or 0)``, so a coarser date sorts before every finer date inside it
    (``PartialDate(2019) < PartialDate(2019, 1) < PartialDate(2019, 1, 1)``) and dates of mixed precision sort
    together. Equality stays field by field (a year is not its first month), and agrees with the ordering.

    >>> sorted([PartialDate(2019, 5), PartialDate(2019), PartialDate(2018, 12, 31)])
    [PartialDate(year=2018, month=12, day=31), PartialDate(year=2019, month=None, day=None), PartialDate(year=2019, month=5, day=None)]
    >>> PartialDate.parse("2019-05")
    PartialDate(year=2019, month=5, day=None)
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """The date ``text`` writes as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (surrounding space ignored); raises
        ``ValueError`` for anything else, or for a month or day the calendar does not have (2019-13, 2019-02-30).
        The one parser of partial dates: the manifest, ``--since``/``--until``, the rules' date tables use it."""
        m = _ISO.fullmatch(text.strip())
        if not m:
            raise ValueError(f"{text!r} is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY")
        try:
            return cls.of(*(int(g) if g else None for g in m.groups()))  # type: ignore[arg-type]
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a date: {exc}") from None

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> PartialDate:
        """A date from its parts, checked against the calendar: ``ValueError`` for a month outside 1-12, a day the
        month does not have, or a day without a month."""
        if day is not None and month is None:
            raise ValueError("a day needs a month")
        if month is not None:
            datetime.date(year, month, day or 1)  # a real day, or ValueError
        return cls(year, month, day)

    def sort_key(self) -> tuple[int, int, int]:
        """``(year, month or 0, day or 0)``: what dates are ordered by."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() >= other.sort_key()

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def precision(self) -> str:
        return "year" if self.month is None else "month" if self.day is None else "day"

    def month_key(self) -> str:
        """The key used in inspection IRIs: ``YYYY-MM``, or ``YYYY`` when the month is unknown."""
        return self.iso()[:7]

    def bounds(self) -> tuple[datetime.date, datetime.date]:
        """The first and last day this date at its precision allows: 2024-04 → 1 and 30 April 2024; 2016 → the year.

        >>> [d.isoformat() for d in PartialDate(2024, 2).bounds()]
        ['2024-02-01', '2024-02-29']
        """
        if self.day is not None:
            day = datetime.date(self.year, self.month or 1, self.day)
            return day, day
        if self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            return datetime.date(self.year, self.month, 1), datetime.date(self.year, self.month, last)
        return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class SourceDocument:
    """A document read from disk, its text decoded, with what the manifest says of it."""

    path: str  # as given to build, or as written in the manifest (relative to it)
    text: str
    sha256: str  # of the raw bytes
    format: str  # txt | html | pdf
    size: int
    url: str | None = None
    council: str | None = None  # manifest hint: a council name or slug
    published: PartialDate | None = None  # manifest hint
    title: str | None = None  # HTML <title>, PDF metadata


@dataclass(frozen=True)
class Evidence:
    """Where in the document's text a fact is stated: ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Segment:
    """A part of a document: a heading, a minutes block, a list of resolutions, a paragraph…"""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Segmented:
    document: SourceDocument  # as loaded: every quote is a slice of its text
    genre: Genre
    segments: tuple[Segment, ...]
    #: The text as the finders read it when segmenting changed its layout (:func:`~caregraph.pipeline.segment.unwrap`,
    #: :func:`~caregraph.pipeline.segment.reline`): the same length, only spaces and line breaks swapped, so every
    #: offset into it is one into ``document.text``. None when it is ``document.text`` itself.
    reading_text: str | None = None

    @property
    def text(self) -> str:
        """The text the finders read: :attr:`reading_text`, else the document's."""
        return self.document.text if self.reading_text is None else self.reading_text


@dataclass(frozen=True)
class CouncilMention:
    slug: str  # gazetteer key
    name: str  # as written
    publisher: bool
    evidence: Evidence | None


@dataclass(frozen=True)
class MeetingRecord:
    body: str
    date: PartialDate
    evidence: Evidence
    item_number: str | None = None
    item_title: str | None = None
    report_title: str | None = None
    report_size: str | None = None
    call_in_body: str | None = None


@dataclass(frozen=True)
class PersonRecord:
    name: str  # without honorific
    post: str | None
    evidence: Evidence
    honorific: str | None = None  # "Councillor", "Cllr", "Dr"…
    organisation: str | None = None  # organisation name when the post is not at the council
    role: str | None = None  # witness | attendee | speaker | quoted


@dataclass(frozen=True)
class PostRecord:
    title: str
    evidence: Evidence
    organisation: str | None = None


@dataclass(frozen=True)
class SubJudgement:
    area: str  # concept key in cgv:area
    judgement: str  # concept key in cgv:judgement


@dataclass(frozen=True)
class InspectionRecord:
    kind: str  # concept key in cgv:kind
    evidence: Evidence
    start: PartialDate | None = None
    end: PartialDate | None = None
    published: PartialDate | None = None
    judgement: str | None = None
    sub_judgements: tuple[SubJudgement, ...] = ()
    focus: str | None = None
    sequence: int | None = None
    planned: bool = False
    inspectorate: str | None = None  # organisation name
    council: str | None = None  # slug, when not the publisher
    date_text: str | None = None  # the words that gave the date


@dataclass(frozen=True)
class DecisionRecord:
    text: str
    evidence: Evidence
    number: str | None = None
    outcome: str | None = None  # concept key in cgv:outcome
    kind: str = "resolution"  # resolution | recommendation | procedural (minutes confirmed, a chair appointed, …)
    unanimous: bool | None = None
    date: PartialDate | None = None  # the day it was made: its meeting's, or the page's date of decision


@dataclass(frozen=True)
class FollowUpRecord:
    description: str
    due: PartialDate
    evidence: Evidence
    responsible: str | None = None
    decision_number: str | None = None


@dataclass(frozen=True)
class NamedMention:
    """An organisation or a practice model named in the text."""

    key: str  # gazetteer key
    name: str  # preferred name
    category: str  # organisation category or "practice-model"
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: SourceDocument
    genre: Genre
    date: PartialDate | None  # the document's own date (meeting date, dateline, manifest)
    title: str | None
    councils: tuple[CouncilMention, ...] = ()
    meetings: tuple[MeetingRecord, ...] = ()
    people: tuple[PersonRecord, ...] = ()
    posts: tuple[PostRecord, ...] = ()
    inspections: tuple[InspectionRecord, ...] = ()
    decisions: tuple[DecisionRecord, ...] = ()
    follow_ups: tuple[FollowUpRecord, ...] = ()
    organisations: tuple[NamedMention, ...] = ()
    practice_models: tuple[NamedMention, ...] = ()
    segments: tuple[Segment, ...] = field(default=())

    @property
    def publisher(self) -> str | None:
        for council in self.councils:
            if council.publisher:
                return council.slug
        return None
