"""Plain records passed between the pipeline stages. All frozen; closed sets are ``str`` enums."""

from __future__ import annotations

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


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date at the precision the text gives: a year, a year and month, or a full day."""

    year: int
    month: int | None = None
    day: int | None = None

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

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        parts = [int(p) for p in text.split("-")]
        return cls(*parts)  # type: ignore[arg-type]

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
    document: SourceDocument
    genre: Genre
    segments: tuple[Segment, ...]


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
    kind: str = "resolution"  # resolution | recommendation
    unanimous: bool | None = None


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
