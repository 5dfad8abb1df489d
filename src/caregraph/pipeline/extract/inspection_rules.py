"""The rules of the inspections finder, compiled once, and the draft an inspection mention becomes.

:func:`rules` reads ``rules/inspections.toml`` (but the judgement tables, which :mod:`.judgements` reads): the kinds
table (kind, cues, family, graded, framework, anaphor, inspectorate, the kinds a generic mention takes by date), the
inspectorates, and the cues that place a mention in time. A :class:`Draft` is an inspection as one mention states
it; matching (:mod:`.inspections`) makes drafts, merging (:mod:`.inspection_merge`) makes records of them.
:func:`is_publication` tells a report's publication date (the follow-ups finder asks it too). For speed only, the
finders of this family share :class:`WordIndex` (which of many words a sentence holds, in one pass).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from caregraph.pipeline.dates import DateMention, sort_key
from caregraph.pipeline.extract.doc import load_rules
from caregraph.pipeline.extract.patterns import at_word_starts, needed_words
from caregraph.records import Evidence, PartialDate

ILACS = "ilacs"  # the kind of an ILACS inspection of no finer kind
SIF = "sif"  # the kind of a single inspection framework inspection
GENERIC = "generic"  # the kind of a generic mention ("Ofsted inspection"), and of "the inspection" before any kind
MONITORING = "monitoring-visit"  # the kind of an Ofsted monitoring visit
LSCB_REVIEW = "lscb-review"  # the kind a grade for the LSCB makes an entry of
OTHER = "other"  # the kind of another service's inspection (a children's home's, a youth justice service's), and of
# an inspectorate's visit of no stated kind
#: A report known only by its publication date is of an event up to this many months before it (Ofsted publishes
#: within weeks; letters and reports that follow a review within months).
PUBLISHED_WITHIN_MONTHS = 8


@dataclass(frozen=True)
class Kind:
    """One row of the kinds table (see ``rules/inspections.toml``)."""

    key: str
    cues: re.Pattern[str] | None
    family: str
    graded: str  # "always", "in-sentence" or "never"
    framework: str
    anaphor: str | None  # "inspection" or "visit"
    inspectorate: str | None
    by_date: tuple[tuple[PartialDate, str], ...] = ()  # newest first
    by_publication: tuple[tuple[PartialDate, str], ...] = ()
    needs: tuple[str, ...] = ()  # one of these (lower case) is in every match of its cues


#: A run of the characters a word of a :class:`WordIndex` may be made of (in lower-case text).
_RUN = re.compile(r"[a-z0-9-]+")


class WordIndex:
    """Which of a fixed list of lower-case words a lower-case text holds, as a bit mask (speed only): the same as
    testing ``word in low`` for each word, in one pass over the text. A word of letters, digits and hyphens lies
    within one run of such characters of the text, so it is looked for in the text's runs, each run's words found
    once and remembered; any other word ("local area") is tested on the whole text."""

    def __init__(self, words: tuple[str, ...] | list[str]) -> None:
        self.words = tuple(dict.fromkeys(words))
        self._bit = {w: 1 << i for i, w in enumerate(self.words)}
        self._in_runs = tuple((w, self._bit[w]) for w in self.words if _RUN.fullmatch(w))
        self._others = tuple((w, self._bit[w]) for w in self.words if not _RUN.fullmatch(w))
        self._of_run: dict[str, int] = {}  # a run of a text: the bits of the words it holds

    def mask(self, words: tuple[str, ...] | list[str]) -> int:
        """The bits of ``words`` (each one of this index's words)."""
        out = 0
        for w in words:
            out |= self._bit[w]
        return out

    def held(self, low: str) -> int:
        """The bits of the words the lower-case text ``low`` holds."""
        out = 0
        for w, bit in self._others:
            if w in low:
                out |= bit
        of_run = self._of_run
        for run in set(_RUN.findall(low)):
            bits = of_run.get(run)
            if bits is None:
                if len(of_run) > 100_000:  # (a bound on what is remembered)
                    of_run.clear()
                bits = 0
                for w, bit in self._in_runs:
                    if w in run:
                        bits |= bit
                of_run[run] = bits
            out |= bits
        return out


@dataclass(frozen=True)
class EventLength:
    """How the length of an Ofsted event of no stated kind tells its kind (``[event_length]``)."""

    focused_since: PartialDate  # focused visits began then
    short_days: int  # a visit of at most this many days is a focused visit
    long_days: int  # an event of at least this many days is an inspection
    short: re.Pattern[str]  # "for two days"
    long: re.Pattern[str]  # "over two weeks"


@dataclass(frozen=True)
class InspectionRules:
    kinds: dict[str, Kind]  # in table order
    cue_kinds: tuple[tuple[Kind, re.Pattern[str]], ...]  # the kinds with cues and their cues, in table order
    cue_words: tuple[tuple[str, ...], ...]  # for each of cue_kinds, words one of which its every cue holds
    cue_index: WordIndex  # the words of the kinds' needs and of cue_words, for one pass over a sentence (speed only)
    cue_masks: tuple[tuple[int, int], ...]  # for each of cue_kinds, the masks of its needs and of its cue_words
    graded: frozenset[str]  # kinds that carry an overall judgement
    graded_in_sentence: frozenset[str]  # kinds that take one stated in their sentence
    not_an_event: re.Pattern[str]
    not_an_event_before: re.Pattern[str]
    other_service_before: re.Pattern[str]
    other_service_after: re.Pattern[str]
    other_service_within: re.Pattern[str]  # "the Adoption Inspection": a mention naming another service's
    other_service_subject: re.Pattern[str]  # a sentence whose subject is another service, rated or inspected
    other_inspectorate: re.Pattern[str]  # an inspectorate of other services (probation, police) named in a cue
    many_councils_before: re.Pattern[str]  # "60 per cent of councils were rated": national figures, no event
    many_councils_after: re.Pattern[str]  # "Ofsted inspected 40 local authorities": national figures, no event
    aimed_grade: re.Pattern[str]  # "our ambition is to be rated outstanding": a grade hoped for
    aimed_opening: re.Pattern[str]  # "Achieving a good judgement … is a priority": the gerund opening the sentence
    aspiration: re.Pattern[str]  # "… is a corporate priority": the aim
    replaced_before: re.Pattern[str]  # words before a framework's name that put it out of force ("replaced the")
    sif_areas: re.Pattern[str]  # judgement areas only the single inspection framework has
    send_title: re.Pattern[str]  # a page's title naming the SEND services: its inspections are area SEND ones
    publication: re.Pattern[str]
    publication_after: re.Pattern[str]
    report_year: re.Pattern[str]  # "a 2015 Ofsted report": the year of its publication
    meeting_date_before: re.Pattern[str]
    other_event_date: re.Pattern[str]
    counted_from: re.Pattern[str]  # "the second visit since": the date a series is counted from
    deadline_before: re.Pattern[str]  # "submit … to Ofsted by": the date is a deadline's
    report_anaphor: re.Pattern[str]  # "their report published today": the report of the event last named
    report_subject: re.Pattern[str]  # "Ofsted criticised … in a report published in 2012"
    meeting_date_after: re.Pattern[str]
    ended: re.Pattern[str]
    inspectorates: tuple[tuple[str, re.Pattern[str]], ...]
    planned: re.Pattern[str]
    focus: re.Pattern[str]
    sequence: re.Pattern[str]
    anaphor: re.Pattern[str]  # "the inspection", "Ofsted's visit": the kind last named (the noun)
    anaphor_before: re.Pattern[str]  # the determiner and words before the noun
    visit_verb: re.Pattern[str]  # "inspectors, who visited on …"
    dated_finding: re.Pattern[str]  # "In 2019, inspectors said …": an Ofsted visit of no stated kind then
    ordinal_ellipsis: re.Pattern[str]  # "… and the second in July": the next of a series
    monitored_by_other: re.Pattern[str]  # "monitoring by DfE/NHS England": that body's monitoring visits
    same_grade: re.Pattern[str]  # "reached the same conclusion": the grade last stated
    predecessor_council: re.Pattern[str]  # "the former … Council": the council the page's took over from
    graded_visit: re.Pattern[str]  # "after the visit from the inspectorate": a visit a grade follows
    context_kinds: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]  # (kind, patterns all found in the sentence)
    length: EventLength


def _by_date(table: dict[str, str]) -> tuple[tuple[PartialDate, str], ...]:
    return tuple(
        sorted(((PartialDate.parse(v), k) for k, v in table.items()), key=lambda x: sort_key(x[0]), reverse=True)
    )


#: The values a kind's ``graded`` and ``anaphor`` may take.
_CHOICES = {"graded": ("always", "in-sentence", "never"), "anaphor": ("inspection", "visit", None)}


def _kind(row: dict) -> Kind:
    for name, choices in _CHOICES.items():
        if row.get(name) not in choices:
            raise ValueError(
                f"rules/inspections.toml: kind {row.get('key')!r} has {name} = {row.get(name)!r}; expected one of "
                + ", ".join(repr(c) for c in choices if c is not None)
                + (" or none" if None in choices else "")
            )
    return Kind(
        key=row["key"],
        cues=at_word_starts(row["cues"]) if row.get("cues") else None,
        family=row["family"],
        graded=row["graded"],
        framework=row["framework"],
        anaphor=row.get("anaphor"),
        inspectorate=row.get("inspectorate"),
        by_date=_by_date(row.get("by_date", {})),
        by_publication=_by_date(row.get("by_publication", {})),
        needs=tuple(row.get("needs", ())),
    )


@cache
def rules() -> InspectionRules:
    """The rules of ``rules/inspections.toml`` (but the judgement tables), compiled once."""
    d = load_rules("inspections")
    kinds = {row["key"]: _kind(row) for row in d["kinds"]}
    for k in kinds.values():
        for _, target in k.by_date + k.by_publication:
            if target not in kinds:
                raise ValueError(f"rules/inspections.toml: kind {k.key!r} dates to {target!r}, which is no kind")
    cues = d["inspection_cues"]
    cue_kinds = tuple((k, k.cues) for k in kinds.values() if k.cues is not None)
    cue_words = tuple(needed_words(k.cues) for k in kinds.values() if k.cues is not None)
    cue_index = WordIndex([w for (k, _), words in zip(cue_kinds, cue_words, strict=True) for w in (*k.needs, *words)])

    # Lists several cues share, read into them by name ("{provisions}" …).
    shared = {"provisions": "other_service_provisions", "councils": "many_councils", "aims": "aim_words"}

    def cue(name: str) -> re.Pattern[str]:
        pattern = cues[name]
        for placeholder, key in shared.items():
            pattern = pattern.replace("{" + placeholder + "}", cues[key])
        return at_word_starts(pattern)

    return InspectionRules(
        kinds=kinds,
        cue_kinds=cue_kinds,
        cue_words=cue_words,
        cue_index=cue_index,
        cue_masks=tuple(
            (cue_index.mask(k.needs), cue_index.mask(words)) for (k, _), words in zip(cue_kinds, cue_words, strict=True)
        ),
        graded=frozenset(k.key for k in kinds.values() if k.graded == "always"),
        graded_in_sentence=frozenset(k.key for k in kinds.values() if k.graded == "in-sentence"),
        not_an_event=cue("not_an_event"),
        not_an_event_before=cue("not_an_event_before"),
        other_service_before=cue("other_service_before"),
        other_service_after=cue("other_service_after"),
        other_service_within=cue("other_service_within"),
        other_service_subject=cue("other_service_subject"),
        other_inspectorate=cue("other_inspectorate"),
        many_councils_before=cue("many_councils_before"),
        many_councils_after=cue("many_councils_after"),
        aimed_grade=cue("aimed_grade"),
        aimed_opening=cue("aimed_opening"),
        aspiration=cue("aspiration"),
        replaced_before=cue("replaced_before"),
        sif_areas=cue("sif_areas"),
        send_title=cue("send_title"),
        publication=cue("publication"),
        publication_after=cue("publication_after"),
        report_year=cue("report_year"),
        meeting_date_before=cue("meeting_date_before"),
        other_event_date=cue("other_event_date"),
        counted_from=cue("counted_from"),
        deadline_before=cue("deadline_before"),
        report_anaphor=cue("report_anaphor"),
        report_subject=cue("report_subject"),
        meeting_date_after=cue("meeting_date_after"),
        ended=cue("ended"),
        inspectorates=tuple((k, re.compile(p, re.I)) for k, p in d["inspectorates"].items()),
        planned=cue("planned"),
        focus=cue("focus"),
        sequence=cue("sequence"),
        anaphor=cue("anaphor"),
        anaphor_before=cue("anaphor_before"),
        visit_verb=cue("visit_verb"),
        dated_finding=cue("dated_finding"),
        ordinal_ellipsis=cue("ordinal_ellipsis"),
        monitored_by_other=cue("monitored_by_other"),
        same_grade=cue("same_grade"),
        predecessor_council=cue("predecessor_council"),
        graded_visit=cue("graded_visit"),
        context_kinds=tuple(_context_kind(row, kinds) for row in d.get("context_kinds", ())),
        length=EventLength(
            focused_since=PartialDate.parse(d["event_length"]["focused_since"]),
            short_days=int(d["event_length"]["short_days"]),
            long_days=int(d["event_length"]["long_days"]),
            short=re.compile(d["event_length"]["short"], re.I),
            long=re.compile(d["event_length"]["long"], re.I),
        ),
    )


def _context_kind(row: dict, kinds: dict[str, Kind]) -> tuple[str, tuple[re.Pattern[str], ...]]:
    if row.get("key") not in kinds or not row.get("all"):
        raise ValueError(f"rules/inspections.toml: context kind {row.get('key')!r} is no kind or has no patterns")
    return row["key"], tuple(re.compile(p, re.I) for p in row["all"])


def kind_by_date(kind: Kind, date: PartialDate | None, publication: bool = False) -> str | None:
    """The kind a generic mention of ``kind`` dated ``date`` is: the framework in force then (at its publication
    date with ``publication``)."""
    if date is None:
        return None
    table = kind.by_publication if publication else kind.by_date
    # "2018" is in the framework that began in January 2018; a report published in "2018" is read at the middle of
    # the year, the kind most of that year's reports were of (a new framework's reports appear some months after it
    # begins: "its last Ofsted report in 2018" is of an ILACS inspection)
    when = (date.year, date.month or (7 if publication else 1), date.day or 1)
    for since, key in table:
        if when >= (since.year, since.month or 1, since.day or 1):
            return key
    return None


@dataclass
class Draft:
    """An inspection as one mention states it, before the mentions of one event are merged."""

    kind: str
    start: PartialDate | None
    end: PartialDate | None
    evidence: Evidence
    planned: bool
    focus: str | None = None
    sequence: int | None = None
    judgement: str | None = None
    subs: dict[str, str] | None = None
    published: PartialDate | None = None
    inspectorate: str | None = None
    date_text: str | None = None
    pos: int = 0  # where the cue is
    date_pos: tuple[int, int] = (0, 0)  # where its own date is (else its publication date)
    published_pos: tuple[int, int] = (0, 0)  # where its publication date is
    owns_judgement: bool = False  # its grade was stated with its own date
    explicit_judgement: bool = False  # its grade was stated as the overall one
    sentence: tuple[int, int] = (0, 0)  # the sentence it was read in
    generic: bool = False  # a generic mention ("the Ofsted report"), its kind told by its date
    unnamed: bool = False  # an Ofsted visit of no stated kind ("inspectors visited in June"): graded, an inspection
    alongside: bool = False  # held alongside another event, dated by it ("the LSCB was reviewed alongside the
    # inspection in March 2016"): the subject of its sentence, so the sentence's grade is its own
    untold: bool = False  # a generic mention since ILACS began whose framework nothing but a grade could tell
    # (no framework, length, "full" or whole children's services named): ungraded, its kind is "other"
    previous: bool = False  # named as an earlier inspection than the page reports ("since the previous inspection in
    # 2014", "previous inspections in 2012 and 2013"): a grade stated without a date is not its grade
    by_era: bool = False  # its kind is the framework in force at its date, told by nothing else (the official record
    # of the council's inspections may tell it: :mod:`.ofsted_history`)
    official: bool = False  # its kind is that of the council's official event of its date
    also: list[int] = field(default_factory=list)  # where the cues of the mentions merged into it are


def is_publication(text: str, date: DateMention, s_start: int) -> bool:
    """Whether the words before ``date`` (back to ``s_start``) make it a report's publication date ("published
    on …", "letter (dated …)"), or the words right after it ("today's Ofsted report")."""
    r = rules()
    if r.publication.search(text[max(s_start, date.start - 45) : date.start]):
        return True
    if date.start - s_start >= 2 and text[date.start - 1].isspace():
        # "a 2015 Ofsted report": the year as the report's modifier
        m = r.report_year.search(text, max(s_start, date.start - 8), min(len(text), date.end + 20))
        if m is not None and m.span("year") == (date.start, date.end):
            return True
    after = r.publication_after.match(text, date.end, min(len(text), date.end + 60))
    # "the visit (14–15 March 2023), published on 12 April 2023": the publishing verb has a date of its own
    return after is not None and not _OWN_DATE.match(text, after.end())


#: A date right after a publishing verb: "published on 12 April 2023", "issued 3 May".
_OWN_DATE = re.compile(
    r"(?i)\s*[:\-–]?\s*(?:on\s+|in\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d|(?:January|February|March|April"
    r"|May|June|July|August|September|October|November|December)\b)"
)


def months_spanned(date: PartialDate) -> tuple[int, int]:
    """The first and last month ``date`` may stand for, counted from year 0."""
    base = date.year * 12
    return (base + date.month - 1, base + date.month - 1) if date.month else (base, base + 11)


def may_report_on(start: PartialDate, published: PartialDate) -> bool:
    """Whether a report published at ``published`` can be of an event that started at ``start``."""
    s_lo, s_hi = months_spanned(start)
    p_lo, p_hi = months_spanned(published)
    return p_hi >= s_lo and p_lo - s_hi <= PUBLISHED_WITHIN_MONTHS
