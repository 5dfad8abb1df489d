"""Stage 3 — extract: the facts a careful reader finds in a segmented document, each with its evidence span.

Rules, patterns and gazetteers are data (``rules/extract.toml``, ``ontology/councils.csv``); this module matches
them against the segments and builds frozen records. Every :class:`~caregraph.records.Evidence` satisfies
``document.text[start:end] == quote``.

The extractors, in the order :func:`extract` runs them:

- :func:`find_meetings` — the page's own meeting (ModernGov "Meeting: …" and "Meeting of …" lines, a decision
  page's decision maker) and other dated meetings of named bodies ("presented to the Improvement Board … on 3rd
  October 2018", the previous meeting whose minutes are approved);
- :func:`document_date` — the document's own date (its meeting, the manifest, a dateline, "the current date
  (…)"), the anchor that relative dates ("in November", "last month", "by 16 August") are resolved against;
- :func:`find_councils` — the publisher (manifest, URL domain, text) and other councils named;
- :func:`find_people` — people with their posts ("Name, Post", "Name (Post)", "Councillor X", witness and
  attendance lists, contact lines, named speakers) and posts named without a person;
- :func:`find_inspections` — inspections and visits placed in time, with kind, dates, judgements;
- :func:`find_decisions` — resolutions and recommendations; :func:`find_follow_ups` — dated commitments.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.dates import DateMention, find_dates, sort_key
from caregraph.pipeline.segment import lines_with_offsets
from caregraph.pipeline.segment import rules as segment_rules
from caregraph.records import (
    CouncilMention,
    DecisionRecord,
    Evidence,
    Extraction,
    FollowUpRecord,
    Genre,
    InspectionRecord,
    MeetingRecord,
    NamedMention,
    PartialDate,
    PersonRecord,
    PostRecord,
    Segmented,
    SubJudgement,
)

# ------------------------------------------------------------------------------------------------------ rules


@dataclass(frozen=True)
class Rules:
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    graded_kinds: frozenset[str]
    graded_in_sentence: frozenset[str]
    generic_by_date: tuple[tuple[PartialDate, str], ...]
    generic_re_by_date: tuple[tuple[PartialDate, str], ...]
    generic_by_publication: tuple[tuple[PartialDate, str], ...]
    not_an_event: re.Pattern[str]
    not_an_event_before: re.Pattern[str]
    other_service_before: re.Pattern[str]
    other_service_after: re.Pattern[str]
    publication: re.Pattern[str]
    ended: re.Pattern[str]
    inspectorates: tuple[tuple[str, re.Pattern[str]], ...]
    planned: re.Pattern[str]
    focus: re.Pattern[str]
    sequence: re.Pattern[str]
    grade_words: tuple[tuple[str, re.Pattern[str]], ...]
    frames: tuple[re.Pattern[str], ...]
    areas: tuple[tuple[str, re.Pattern[str]], ...]
    honorifics: tuple[str, ...]
    plural_honorifics: tuple[str, ...]
    post_head: str
    post_head_re: re.Pattern[str]
    post_head_ci: re.Pattern[str]
    person_verbs: str
    name_labels: str
    not_name: frozenset[str]
    not_name_base: frozenset[str]  # not_name_words without the post subject words
    surname_words: frozenset[str]
    post_subjects: frozenset[str]
    one_word_posts: frozenset[str]
    not_posts: re.Pattern[str]
    post_fold: dict[str, str]
    body_heads: str
    single_word_bodies: frozenset[str]
    not_body_words: frozenset[str]
    outcomes: tuple[tuple[str, re.Pattern[str]], ...]
    decision_start: re.Pattern[str]
    unanimous: re.Pattern[str]
    followup_cue: re.Pattern[str]
    followup_not: re.Pattern[str]
    followup_lead: re.Pattern[str]
    organisations: tuple[dict, ...]
    practice_models: tuple[dict, ...]


def _by_date(table: dict[str, str]) -> tuple[tuple[PartialDate, str], ...]:
    return tuple(
        sorted(((PartialDate.parse(v), k) for k, v in table.items()), key=lambda x: sort_key(x[0]), reverse=True)
    )


@cache
def rules() -> Rules:
    """The extraction rules of ``rules/extract.toml``, compiled once."""
    with resources.files("caregraph").joinpath("rules/extract.toml").open("rb") as fh:
        d = tomllib.load(fh)
    grade_alternation = "|".join(f"(?:{p})" for p in d["judgement_words"].values())

    def compile_named(items: list[dict]) -> tuple[dict, ...]:
        out = []
        for item in items:
            flags = 0 if item.get("case_sensitive") else re.I
            needs = re.compile(item["needs"]) if item.get("needs") else None
            out.append({**item, "regex": re.compile(item["pattern"], flags), "needs_regex": needs})
        return tuple(out)

    people = d["people"]
    cues = d["inspection_cues"]
    return Rules(
        kinds=tuple((k["kind"], re.compile(k["pattern"], re.I)) for k in d["inspection_kinds"]),
        graded_kinds=frozenset(d["inspection"]["graded_kinds"]),
        graded_in_sentence=frozenset(d["inspection"].get("graded_in_sentence", [])),
        generic_by_date=_by_date(d["generic_kind_by_date"]),
        generic_re_by_date=_by_date(d["generic_re_kind_by_date"]),
        generic_by_publication=_by_date(d["generic_kind_by_publication"]),
        not_an_event=re.compile(cues["not_an_event"], re.I),
        not_an_event_before=re.compile(cues["not_an_event_before"], re.I),
        other_service_before=re.compile(cues["other_service_before"], re.I),
        other_service_after=re.compile(cues["other_service_after"], re.I),
        publication=re.compile(cues["publication"], re.I),
        ended=re.compile(cues["ended"], re.I),
        inspectorates=tuple((k, re.compile(p, re.I)) for k, p in d["inspectorates"].items()),
        planned=re.compile(cues["planned"], re.I),
        focus=re.compile(cues["focus"], re.I),
        sequence=re.compile(cues["sequence"], re.I),
        grade_words=tuple((k, re.compile(rf"^(?:{p})$", re.I)) for k, p in d["judgement_words"].items()),
        frames=tuple(
            re.compile(f.replace("{grade}", grade_alternation), re.I) for f in d["judgement"]["judgement_frames"]
        ),
        areas=tuple((k, re.compile(p, re.I)) for k, p in d["judgement_areas"].items()),
        honorifics=tuple(sorted(people["honorifics"], key=len, reverse=True)),
        plural_honorifics=tuple(people["plural_honorifics"]),
        post_head=people["post_heads"],
        post_head_re=re.compile(people["post_heads"]),
        post_head_ci=re.compile(people["post_heads"], re.I),
        person_verbs=people["person_verbs"],
        name_labels=people["name_labels"],
        not_name=frozenset(people["not_name_words"])
        | frozenset(w[:1].upper() + w[1:] for w in people["post_subject_words"]),
        not_name_base=frozenset(people["not_name_words"]),
        surname_words=frozenset(people["surname_words"]),
        post_subjects=frozenset(w.lower() for w in people["post_subject_words"]),
        one_word_posts=frozenset(w.lower() for w in d["posts"]["one_word"]),
        not_posts=re.compile(d["posts"]["not_posts"], re.I),
        post_fold=dict(d["posts"]["fold"]),
        body_heads=d["meetings"]["body_heads"],
        single_word_bodies=frozenset(d["meetings"]["single_word_bodies"]),
        not_body_words=frozenset(d["meetings"]["not_body_words"]),
        outcomes=tuple((k, re.compile(p, re.I)) for k, p in d["decision_outcomes"].items()),
        decision_start=re.compile(d["decisions"]["decision_start"], re.I),
        unanimous=re.compile(d["decisions"]["unanimous"], re.I),
        followup_cue=re.compile(d["follow_ups"]["cue"], re.I),
        followup_not=re.compile(d["follow_ups"]["not_cue"], re.I),
        followup_lead=re.compile(d["follow_ups"]["description_lead"], re.I),
        organisations=compile_named(d["organisations"]),
        practice_models=compile_named(d["practice_models"]),
    )


_GENERIC_SUFFIXES = re.compile(
    r"(?i)\s+(?:county\s+council|city\s+council|borough\s+council|metropolitan\s+borough\s+council|council)$"
)


# ------------------------------------------------------------------------------------------------- helpers


def _ev(text: str, start: int, end: int) -> Evidence:
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(start, end, text[start:end])


_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(\[]?[A-Z0-9•·Ø])|(?<=[;:])\s*\n|\n\s*\n|\n(?=\s*(?:[•·Ø\-–]|\d{1,2}[.)]|\(?[a-z]\)|[ivx]+\))\s)|\n(?=\s*[A-Z][^\n]{0,80}\n)|(?<=[a-z0-9)])\n(?=\s*[A-Z])"
)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|No|Nos|St|e\.g|i\.e|etc|approx|Prof|Rev|Co|Ltd|Inc|vs|cf|para|ref)\.|\b[A-Z]\.)$"
)
_MAX_SENTENCE = 3000
#: Extraction reads at most this many characters of a document (a council page is a few thousand; a 1 MB file
#: would otherwise take seconds). Segmentation still covers the whole text.
_SCAN_LIMIT = 100_000


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``: split at full stops before a capital, at blank lines, at list items and
    at line breaks before a new capitalised line. A run without a break is cut every few thousand characters, so no
    span is unboundedly long."""
    end = len(text) if end is None else end
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATIONS.search(text, max(pos, m.start() - 8), m.start()):
            continue
        yield from _bounded(text, pos, m.start())
        pos = m.end()
    yield from _bounded(text, pos, end)


def _bounded(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while e - s > _MAX_SENTENCE:
        cut = text.rfind(" ", s + _MAX_SENTENCE // 2, s + _MAX_SENTENCE)
        cut = cut if cut > s else s + _MAX_SENTENCE
        if text[s:cut].strip():
            yield _trim(text, s, cut)
        s = cut
    if text[s:e].strip():
        yield _trim(text, s, e)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _slugish(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'").replace("'", "")).strip()


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    for s, e in sentences(text, max(0, start - 600), min(len(text), end + 600)):
        if s <= start and end <= e:
            return s, e
    return start, end


# -------------------------------------------------------------------------------------------- document date

_DATELINE_LINE = re.compile(
    r"^(?:(?:date|published|posted|updated|issued|last\s+updated)\s*(?:on)?\s*:?\s*)?(?:[A-Z][\w ,&'’-]{0,60}?,\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d)\b",
    re.I,
)
_CURRENT_DATE = re.compile(r"\b(?:current\s+date|today['’]s\s+date|date\s+of\s+(?:the\s+)?meeting)\s*[:(]?\s*", re.I)


def document_date(seg: Segmented, meetings: list[MeetingRecord]) -> PartialDate | None:
    """The document's own date: its meeting (from the page header), the manifest's date, a decision page's date,
    a dateline near the top, or "the current date (…)". None when the text gives none (a year in the URL is not
    used: the URL is not the text)."""
    doc = seg.document
    text = doc.text
    own = [m for m in meetings if _is_header_meeting(text, m)]
    if own:
        return max(own, key=lambda m: sort_key(m.date)).date
    if doc.published is not None:
        return doc.published
    r = segment_rules()["lines"]
    for s in seg.segments:
        if s.kind == "decision_date":
            dates = find_dates(text, None, s.start, s.end)
            if dates:
                return dates[0].date
        if s.kind == "meeting" and r["dated_title"].match(text[s.start : s.end]):
            dates = find_dates(text, None, s.start, s.end)
            if dates and dates[0].date.precision == "day":
                return dates[0].date
    for n, (start, _end, line) in enumerate(lines_with_offsets(text, 0, min(len(text), 800))):
        if n >= 8:
            break
        if len(line) > 80:
            continue
        m = _DATELINE_LINE.match(line)
        if m:
            found = find_dates(text, None, start + m.start("date"), start + m.end("date"))
            if found and found[0].date.precision == "day":
                return found[0].date
    m = _CURRENT_DATE.search(text)
    if m:
        found = find_dates(text, None, m.end(), min(len(text), m.end() + 30))
        if found and found[0].start - m.end() < 3 and found[0].date.precision == "day":
            return found[0].date
    return None


def _fallback_anchor(text: str) -> PartialDate | None:
    """When a document has no date of its own, the latest full date it states fixes the year of a day or month
    it gives without one (a July visit whose letter "was published on 23 August 2021")."""
    best = None
    for d in find_dates(text[:200_000]):
        if d.date.precision == "day" and (best is None or sort_key(d.date) > sort_key(best)):
            best = d.date
    return best


def _is_header_meeting(text: str, meeting: MeetingRecord) -> bool:
    line = meeting.evidence.quote
    r = segment_rules()["lines"]
    return bool(
        r["meeting"].match(line) or r["meeting_held"].match(line) or r["meeting_of"].match(line) or meeting.item_number
    ) or line.lower().startswith("current date")


# ----------------------------------------------------------------------------------------------- councils


def find_councils(seg: Segmented, people: Iterable[str] = ()) -> tuple[CouncilMention, ...]:
    """The publisher (the manifest's council, else the URL's domain, else the council the text names most) and
    every other council the text names. A council's name that ends a person's name in ``people`` ("Mark
    Wiltshire") is not a mention of the council."""
    gaz = gazetteer()
    doc = seg.document
    text = doc.text
    counts: Counter[str] = Counter()
    first: dict[str, Evidence] = {}
    names: dict[str, str] = {}
    person_names = [n.lower() for n in people if " " in n]
    for ms, me, slug in gaz.find(text, 0, min(len(text), _SCAN_LIMIT)):
        written = text[ms:me]
        if any(
            n.endswith(" " + written.lower())
            and text[max(0, ms - len(n) + len(written)) : ms].lower() == n[: len(n) - len(written)]
            for n in person_names
        ):
            continue  # "Mark Wiltshire": a surname, not the council
        weight = 2 if _GENERIC_SUFFIXES.search(written) else 1
        counts[slug] += weight
        if slug not in first:
            first[slug] = _ev(text, *_sentence_around(text, ms, me))
            names[slug] = written
    publisher = None
    if doc.council:
        publisher = gaz.resolve(doc.council)
    if publisher is None:
        publisher = gaz.from_url(doc.url)
    if publisher is None and counts:
        publisher = counts.most_common(1)[0][0]
    out = []
    if publisher is not None:
        name = names.get(publisher, gaz.councils[publisher].name if publisher in gaz.councils else publisher)
        out.append(CouncilMention(publisher, name, True, first.get(publisher)))
    for slug in sorted(counts, key=lambda s: first[s].start):
        if slug != publisher:
            out.append(CouncilMention(slug, names[slug], False, first[slug]))
    return tuple(out)


# ----------------------------------------------------------------------------------------------- meetings

_CALL_IN = re.compile(r"called[\s-]*in\s+by\s+(?:the\s+)?(?P<body>[A-Z][^\]\)\n]*?)\s*[\])]?\.?\s*$", re.I)
_DECISION_MAKER = re.compile(r"^decision\s+maker\s*:?\s*(?P<body>.*)$", re.I)
_BODY_WORD = r"(?:[A-Z][\w’'&-]*|&|and|of|for|the|in|on|to)"


@cache
def _body_patterns() -> dict[str, re.Pattern[str]]:
    r = rules()
    body = rf"(?P<body>(?:[A-Z][\w’'&-]*\s+(?:(?:and|&|of|for|the|in|on|to)\s+)*){{0,9}}{r.body_heads})(?![\w-])"
    day = (
        r"(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+\.?,?\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d)"
    )
    return {
        # "You Matter to Us - Corporate Parenting Board - 18 April 2024" (a previous meeting's minutes)
        "dash": re.compile(
            rf"^(?:minutes\s*(?:of\s+the\s+)?[-–—:]\s*)?(?P<body>(?:[A-Z][^\n]{{1,90}}?[ \t]+)?{r.body_heads})\s*[-–—,]\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{day}",
            re.M,
        ),
        # "the minutes of the Corporate Parenting Board meeting held on 18 April 2024"
        "held": re.compile(
            rf"\b(?:minutes\s+of\s+)?(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?{body}(?:\s+meeting|,?\s+at\s+its\s+(?:meeting|session))?\s+(?:held\s+(?:(?:at|in|remotely|virtually|via)\s+[^\n.;]{{0,80}}?\s+)?)?(?:on|(?<=meeting\s)of)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{day}"
        ),
        # "presented to the Improvement Board by the Independent Chair … on 3rd October 2018"
        "to_on": re.compile(
            rf"\b(?:to|at|in|before|by)\s+(?:the\s+)?{body}(?P<gap>(?:\s+(?!(?:that|which|who|when|where|because|but|and\s+(?:was|were|had|has))\b)[^\s.;:]+){{1,14}}?)\s+on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{day}"
        ),
    }


def _body_name(raw: str) -> str | None:
    """A body's name as written, or None when it is not a name ("the Panel", "Ofsted's Board")."""
    r = rules()
    tokens = _clean(raw).split()
    while tokens and (
        tokens[0] in r.not_body_words or tokens[0].lower() in {"the", "and", "of", "for", "in", "on", "to", "&"}
    ):
        tokens = tokens[1:]
    if not tokens:
        return None
    name = " ".join(tokens)
    if len(tokens) == 1 and name not in r.single_word_bodies:
        return None
    if any(t in {"Meeting", "Minutes", "Ofsted", "Ofsted's", "Ofsted’s"} for t in tokens):
        return None
    if (
        gazetteer().resolve(name) is not None
        and len(tokens) > 1
        and not re.search(r"(?i)board|committee|panel|cabinet|commission|forum", name)
    ):
        return None  # "Surrey County Council" as a council, not a meeting body
    return name


def find_meetings(seg: Segmented) -> list[MeetingRecord]:
    """The page's own meeting and other dated meetings of named bodies (day-precision dates only)."""
    text = seg.document.text
    r = segment_rules()["lines"]
    out: list[MeetingRecord] = []
    call_in = None
    for s in seg.segments:
        if s.kind == "call_in":
            m = _CALL_IN.search(text[s.start : s.end].split("\n")[0])
            if m:
                call_in = _clean(m.group("body"))
                break
    segments = list(seg.segments)
    decision_maker = None
    for s in segments:
        if s.kind == "decision_maker":
            line = text[s.start : s.end].split("\n")
            m = _DECISION_MAKER.match(line[0].strip())
            body = (m.group("body").strip() if m else "") or (line[1].strip() if len(line) > 1 else "")
            decision_maker = body or None
    for i, s in enumerate(segments):
        if s.kind != "meeting":
            continue
        line = text[s.start : s.end]
        item_title = report_title = report_size = item_number = None
        m = r["meeting"].match(line) or r["meeting_held"].match(line) or r["meeting_of"].match(line)
        if m:
            body, item_number = _clean(m.group("body")), m.groupdict().get("item")
            if m.re is r["meeting_held"]:
                body = _body_name(re.sub(r"(?i)\s+meeting$", "", body)) or ""
                if not body:
                    continue
            dates = find_dates(text, None, s.start + m.start("date"), s.start + m.end("date"))
        else:
            m = r["dated_title"].match(line)
            if not m or not decision_maker:
                continue
            body, item_title = decision_maker, m.group("title").strip()
            dates = find_dates(text, None, s.start, s.end)
        if not dates or dates[0].date.precision != "day":
            continue
        for nxt in segments[i + 1 : i + 3]:
            if nxt.kind == "item":
                im = r["item_header"].match(text[nxt.start : nxt.end])
                if im:
                    item_number = item_number or im.group("number").rstrip(".")
                    item_title = im.group("title").strip()
                    report_title = item_title
                    report_size = f"{im.group('format').upper()} {im.group('size').upper()}"
                break
        if item_title is None:
            title = next((text[t.start : t.end].strip() for t in segments[:i] if t.kind == "title"), None)
            item_title = title
        out.append(
            MeetingRecord(
                body,
                dates[0].date,
                _ev(text, s.start, s.end),
                item_number,
                item_title,
                report_title,
                report_size,
                call_in,
            )
        )
    out.extend(_meetings_in_text(seg, out))
    if not any(_is_header_meeting(text, m) for m in out):
        current = _current_date_meeting(seg)
        if current is not None:
            out.append(current)
    unique: list[MeetingRecord] = []
    for m in out:
        body = _slugish(m.body)
        twin = next(
            (
                i
                for i, u in enumerate(unique)
                if u.date == m.date and (_slugish(u.body).endswith(body) or body.endswith(_slugish(u.body)))
            ),
            None,
        )
        if twin is None:
            unique.append(m)
        elif len(body) > len(_slugish(unique[twin].body)) and not _is_header_meeting(text, unique[twin]):
            unique[twin] = m
    return unique


def _meetings_in_text(seg: Segmented, found: list[MeetingRecord]) -> list[MeetingRecord]:
    text = seg.document.text
    limit = min(len(text), 200_000)
    out = []
    for _kind, pattern in _body_patterns().items():
        for m in pattern.finditer(text, 0, limit):
            body = _body_name(m.group("body"))
            if body is None:
                continue
            dates = find_dates(text, None, m.start("date"), m.end("date"))
            if not dates or dates[0].date.precision != "day":
                continue
            out.append(MeetingRecord(body, dates[0].date, _ev(text, *_sentence_around(text, m.start(), m.end()))))
    return out


_NAMED_COMMITTEE = re.compile(
    r"\b(?:the\s+)(?P<body>(?:[A-Z][\w’'&-]*\s+(?:(?:and|&|of|for)\s+)?){1,8}(?:Select\s+Committee|Scrutiny\s+Committee|Scrutiny\s+Board|Scrutiny\s+Panel|Committee|Panel|Board|Commission))(?![\w-])"
)


def _current_date_meeting(seg: Segmented) -> MeetingRecord | None:
    """An agenda-item page that gives "the current date (7 September 2018)" and names its committee in the text:
    that committee met on that date."""
    text = seg.document.text
    m = _CURRENT_DATE.search(text, 0, min(len(text), 200_000))
    if not m:
        return None
    found = find_dates(text, None, m.end(), min(len(text), m.end() + 30))
    if not found or found[0].start - m.end() >= 3 or found[0].date.precision != "day":
        return None
    counts: Counter[str] = Counter()
    for b in _NAMED_COMMITTEE.finditer(text, 0, min(len(text), 200_000)):
        name = _body_name(b.group("body"))
        if name and not re.search(r"(?i)safeguarding|partnership|improvement\s+board|trust", name):
            counts[name] += 1
    if not counts:
        return None
    body = counts.most_common(1)[0][0]
    return MeetingRecord(body, found[0].date, _ev(text, m.start(), found[0].end))


# ----------------------------------------------------------------------------------------------- people

_NAME_TOKEN = r"(?:(?:Mc|Mac|O['’]|De|Le|Van|Von)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*|[A-Z]\.?)"
_NAME_RUN = rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,3}}"
# One name in a list after "Councillors": "Smith", "Dawn Dale", "J Smith (Chair)".
_PLURAL_ITEM = rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,2}}(?:[ \t]*\([^()\n]{{1,40}}\))?"
_POST_CONNECTORS = {"and", "of", "for", "the", "&", "with", "in", "to", "on"}
_POST_TOKEN = re.compile(r"[\w’'&\-–]+|\([^()\n]{0,80}\)|[,.;:()\[\]\n]|\S")
_POSSESSED = {"services", "service", "social", "care", "trust", "board", "partnership", "commissioner"}
_HEAD_END = "(?![\\w-])"
_MONTH_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
_LOWER_POST_STOP = {
    "at",
    "who",
    "which",
    "is",
    "was",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "from",
    "that",
    "but",
    "also",
    "said",
    "says",
    "added",
    "told",
    "commented",
    "explained",
    "welcomed",
    "as",
    "since",
    "when",
    "after",
    "before",
    "by",
}
_CONTACT_WORDS = {"extension", "ext", "tel", "telephone", "phone", "mobile", "direct", "dd", "t"}
_NAME_SEPARATOR = re.compile(r"[ \t]*,[ \t]*|[ \t]+")
_LOWER_MODIFIER_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?P<mod>(?:interim|acting)[ \t]+)$")
_LOWER_POST = re.compile(
    r"\b(?i:the|our|its|their|(?:council|county|borough|city|authority)['’]s)[ \t]+(?P<post>(?i:(?:(?:interim|acting|deputy|assistant|"
    r"executive|corporate|strategic|lead|chief|independent|principal)[ \t]+)*(?:director|chief[ \t]+executive|cabinet[ \t]+member|lead[ \t]+member|"
    r"executive[ \t]+member|portfolio[ \t]+holder|inspector|leader|head|chair(?:man|woman|person)?)))(?![\w-])"
)
_ACRONYM_PAREN = re.compile(r"\s*\((?:[A-Z]{2,8}|[A-Z][A-Za-z]{0,3}[A-Z])\)")


@dataclass(frozen=True)
class _PeopleRules:
    honorific: re.Pattern[str]  # "Councillor Jane Smith", "Cllr Smith"
    plural: re.Pattern[str]  # "Councillors Smith, Jones and Brown"
    apposition: re.Pattern[str]  # "Jane Smith, Director of …" / "Jane Smith (Director …)" / "Jane Smith Director …"
    verb_after: re.Pattern[str]  # "Carol Cammiss stated"
    by_name: re.Pattern[str]  # "presented by Sheila Murphy"
    label: re.Pattern[str]  # "Contact: Chris Lunn"
    bullet_name: re.Pattern[str]  # "·  Andrew Tullis, Unison, gave …"
    post_start: re.Pattern[str]  # a capitalised post title
    lower_post: re.Pattern[str]  # "leader of the council"
    org_prefix: re.Pattern[str]  # "Essex County Council's " before a post
    lower_apposition: re.Pattern[str]  # "Steve Crocker, director of children’s services"
    verb: re.Pattern[str]  # one of the person verbs, whole
    verb_next: re.Pattern[str]  # a person verb right after a post
    verb_in: re.Pattern[str]  # a person verb anywhere in a title
    name_in: re.Pattern[str]  # a full name in a line
    plural_post: re.Pattern[str]  # "Overview & Scrutiny Officers"
    post_label: re.Pattern[str]  # "Cabinet Member: Councillor Jasmine Ali"


@cache
def _people_rules() -> _PeopleRules:
    r = rules()
    hon = "|".join(re.escape(h) for h in r.honorifics)
    plural = "|".join(re.escape(h) for h in r.plural_honorifics)
    head = r.post_head
    org = r"(?:(?:[A-Z][\w’'&-]+\s+){1,4}(?:County\s+|City\s+|Borough\s+|District\s+)?Council(?:['’]s)?\s+|(?:the\s+)?(?:Royal\s+Borough\s+of\s+)?(?:[A-Z][\w’'-]+\s+(?:and\s+|upon\s+|of\s+)?){1,6}(?:['’]s\s+)?)"
    lower_heads = r"(?:interim\s+|acting\s+|deputy\s+|assistant\s+|executive\s+|corporate\s+|strategic\s+)*(?:director|head|cabinet\s+member|executive\s+member|lead\s+member|portfolio\s+holder|leader|chief\s+executive|manager|chair)\b"
    head_base = head.removesuffix(_HEAD_END)
    return _PeopleRules(
        honorific=re.compile(rf"\b(?P<hon>{hon})\s+(?P<name>{_NAME_RUN})"),
        plural=re.compile(
            rf"\b(?:{plural})(?:[ \t]*:)?\s+(?P<names>{_PLURAL_ITEM}(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*){_PLURAL_ITEM}){{1,30}})"
        ),
        apposition=re.compile(
            rf"(?<![\w’'-])(?:(?P<hon>{hon})\s+)?(?P<name>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{0,3}}?)(?:\s*,\s*(?:the\s+|our\s+)?(?:(?:council|county|borough|city|authority)['’]s\s+)?(?P<org>{org})??|\s*\(\s*(?:the\s+)?|[ \t]*[–—][ \t]*|[ \t]+-[ \t]+|[ \t]+(?=[A-Z]))(?=(?P<head>(?i:{head})))"
        ),
        verb_after=re.compile(
            rf"(?:^|(?<=\n)|(?<=[.;!?]\s)|(?<=[.;!?]\s\s)|(?<=[•·Ø]\s)|(?<=:\s))[ \t•·Ø-]*(?P<name>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{1,3}})(?:\s+and\s+(?P<name2>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{1,3}}))?\s+(?:(?:also|then|further|briefly|formally|subsequently|again)\s+)?{r.person_verbs}\b"
        ),
        by_name=re.compile(
            rf"\b(?:(?:presented|introduced|chaired|submitted|led|given|delivered|made|provided)\s+by|(?:message|update|letter|statement|foreword|blog|note|briefing)\s+from)\s+(?P<name>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{1,3}})(?=\s*[.,;:(]|\s+(?:and|who|for|on|at|to)\b)"
        ),
        label=re.compile(rf"(?im)(?:^|\b)(?:{r.name_labels})\s*:\s*(?P<rest>[^\n]{{2,200}})"),
        bullet_name=re.compile(
            rf"(?m)^[ \t]*(?:[•·Ø\-–*]|\(?[a-z0-9]{{1,2}}[.)])?[ \t]*(?P<name>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{1,3}})\s*,\s*(?P<after>[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){{0,3}})\s*,"
        ),
        post_start=re.compile(rf"(?<![\w’'-])(?P<post>{head})"),
        lower_post=re.compile(r"\b(?:the\s+)?(?P<post>leader\s+of\s+the\s+(?:county\s+|city\s+|borough\s+)?council)\b"),
        org_prefix=re.compile(org),
        lower_apposition=re.compile(
            rf"(?<![\w’'-])(?:(?P<hon>{hon})\s+)?(?P<name>{_NAME_RUN})\s*,\s*(?:the\s+)?(?P<org>(?:[A-Z][\w’'&-]+\s+){{1,4}}(?:County\s+|City\s+|Borough\s+)?Council(?:['’]s)?\s+)?(?=(?P<head>{lower_heads}))"
        ),
        verb=re.compile(rf"{r.person_verbs}"),
        verb_next=re.compile(rf"\s+(?:{r.person_verbs})\b"),
        verb_in=re.compile(rf"\b(?:{r.person_verbs})\b"),
        name_in=re.compile(rf"(?<![\w’'-])({_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{1,3}})"),
        plural_post=re.compile(rf"(?P<post>(?:[A-Z][\w’'-]*\s+(?:&\s+)?){{0,3}}{head_base})s\b"),
        post_label=re.compile(
            rf"(?m)^[ \t]*(?P<post>{head})[ \t]*:[ \t]*(?:(?P<hon>{hon})[ \t]+)?(?P<name>{_NAME_RUN})"
        ),
    )


def _is_name(candidate: str, rules_: Rules, allow_single: bool = False) -> bool:
    tokens = candidate.replace("’", "'").split()
    if not tokens or len(tokens) > 4 or (len(tokens) < 2 and not allow_single):
        return False
    for i, t in enumerate(tokens):
        bare = t.rstrip(".,")
        if bare in rules_.surname_words and _surname_word(tokens, i, rules_):
            continue  # "Tom Green", "Councillor Young"
        if bare in rules_.not_name or bare.rstrip("'s") in rules_.not_name or (len(bare) > 1 and bare.isupper()):
            return False
    if all(len(t.rstrip(".")) == 1 for t in tokens):
        return False
    if len(tokens[-1].rstrip(".")) <= 1:
        return False
    if len(tokens) > 1 and gazetteer().resolve(candidate) is not None:
        return False
    return True


def _surname_word(tokens: list[str], i: int, rules_: Rules) -> bool:
    """Whether ``tokens[i]`` is a word that is also a surname ("Green", "Young") standing as one: the last word
    after a first name that is no other kind of word, or the only word (after an honorific)."""
    if tokens[i].rstrip(".,") not in rules_.surname_words or i != len(tokens) - 1:
        return False
    if i == 0:
        return True
    before = tokens[i - 1].rstrip(".,").replace("’", "'")
    return (
        len(before) > 1
        and before not in rules_.not_name
        and before.rstrip("'s") not in rules_.not_name
        and not before.isupper()
    )


def _trim_name(name: str, rules_: Rules) -> str:
    """Drop words from the end of a name run that are not part of a name ("Hardman Cabinet" → "Hardman")."""
    tokens = name.split()
    while (
        tokens
        and (tokens[-1].rstrip(".,") in rules_.not_name or tokens[-1].rstrip("'’s") in rules_.not_name)
        and not _surname_word(tokens, len(tokens) - 1, rules_)
    ):
        tokens.pop()
    return " ".join(tokens)


def _post_extent(text: str, start: int, limit: int, person: bool) -> tuple[int, str] | None:
    """Where a post title that begins at ``start`` ends, and the title as written (acronyms in brackets dropped).

    A post runs over capitalised words and connectors ("Director of Children, Families and Learning"), a
    bracketed part ("(Policy)"), a dash and capitalised words ("Strategic Director – People"), and, after a
    person's name, lower-case words too ("director of children’s services"). It stops at a comma followed by a
    name or by a further post, at a full stop, semicolon, colon or line break, at a verb. None when the text is
    cut off inside the post.
    """
    rules_ = rules()
    lower = text[start : start + 1].islower()
    pos = start
    end = start
    token_re = _POST_TOKEN
    parts_end = start
    head = rules_.post_head_ci.match(text, start)
    head_end = head.end() if head else start
    seen_after_head = False
    in_complement = False
    for m in token_re.finditer(text, start, limit):
        token = m.group(0)
        abs_start = m.start()
        first_after_head = not person and abs_start >= head_end and not seen_after_head
        if abs_start >= head_end:
            seen_after_head = True
        if token == "\n":
            nxt = text[m.end() : m.end() + 40]
            prev = text[max(start, abs_start - 5) : abs_start].split()
            if (prev and prev[-1].lower() in _POST_CONNECTORS) or re.match(r"[ \t]*(?:of|for|and|&)\b", nxt):
                continue  # a hard line break inside the post ("Head of\nService")
            break
        if token in {".", ";", ":", "(", ")", "[", "]"}:
            break
        if token.startswith("("):
            inner = token[1:-1].strip()
            if (
                re.fullmatch(r"[A-Z][\w’'&,\- ]*", inner)
                and not re.match(r"(?i)(?:no\.?|for|see|item|report|key|non|ref)\b", inner)
                and not re.search(r"\d", inner)
            ):
                end = m.end()
                in_complement = True
                continue
            break
        if token == ",":
            rest = text[abs_start + 1 : limit].lstrip()
            nm = re.match(_NAME_RUN, rest)
            if not rest[:1].isupper() or re.match(r"(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Dr)\b", rest):
                break
            if nm and _is_name(_trim_name(nm.group(0), rules_), rules_):
                break
            segment_end = re.search(r"[,.;:()\n]|$", rest)
            if rules_.post_head_re.search(rest[: segment_end.start() if segment_end else 80]) and not person:
                break
            if person and rules_.post_head_re.match(rest):
                break
            if not in_complement and not person:
                clause = re.match(r"[^.;:()\n]{1,80}(?=\.(?:\s|$)|\n|$)", rest)
                words = clause.group(0).replace(",", " ").split() if clause else []
                if (
                    words
                    and words[0][:1].isupper()
                    and all(
                        w.lower() in _POST_CONNECTORS
                        or (w[:1].isupper() and w.lower().replace("’", "'") in rules_.post_subjects)
                        for w in words
                    )
                ):
                    in_complement = True  # "the Strategic Director, Children, Adults and Families."
                    continue
                break
            continue
        if token in {"-", "–", "—"}:
            rest = text[m.end() : limit].lstrip()
            if not rest[:1].isupper():
                break
            in_complement = True
            continue
        word = token.lower()
        if word in _CONTACT_WORDS and re.match(r"[ \t]*[:.]?[ \t]*\(?\+?\d", text[m.end() : m.end() + 6]):
            break  # "Service Director - Early Help Extension: 2011": a contact field ends the post
        if token[0].isdigit() or word in _MONTH_WORDS or token in {"RESOLVED", "AGREED", "NOTED", "RECOMMENDED"}:
            break
        if first_after_head and token[0].isupper() and word not in _POST_CONNECTORS:
            break
        inside_head = abs_start < head_end
        if (
            not person
            and not inside_head
            and token[0].isupper()
            and word not in _POST_CONNECTORS
            and _bare_name_at(text, abs_start, full_stop=True) is not None
        ):
            break  # "Director of Children's Services Jane Smith said": the post ends before the name
        if word in {"of", "for", "with", "to"}:
            in_complement = True
        if inside_head:
            pass  # "the lead inspector": a lower-case head is the post's own words
        elif (
            token[0].islower()
            and word not in _POST_CONNECTORS
            and word in _POSSESSED
            and re.search(r"['’]s\s+$", text[max(start, abs_start - 4) : abs_start])
        ):
            pass  # "Director of Children’s services": the noun after a possessive belongs to the post
        elif token[0].islower() and word not in _POST_CONNECTORS:
            if not person and lower and in_complement and word.replace("’", "'") in rules_.post_subjects:
                pass  # "the director of children's services": a lower-case post runs over the words of its subject
            elif not (
                person
                and word not in _LOWER_POST_STOP
                and not _people_rules().verb.fullmatch(word)
                and (lower or pos > start)
            ):
                break
        if word in {"and", "&"}:
            rest = text[m.end() : limit].lstrip()
            nm = re.match(_NAME_RUN, rest)
            if (
                nm and _is_name(_trim_name(nm.group(0), rules_), rules_) and re.match(r"\s*[,(]", rest[nm.end() :])
            ) or re.match(r"(?:Councillor|Cllr)\b", rest):
                break
            if re.match(r"the\s+", rest, re.I) and rules_.post_head_re.match(rest[4:].lstrip()):
                break
            nxt = rules_.post_head_re.match(rest)
            if nxt and not person:
                # "Deputy Leader and Cabinet Member for …" is one post; "Manager and Interim Assistant Director" two
                if in_complement or not re.match(r"\s+(?:of|for|with)\b", rest[nxt.end() : nxt.end() + 12]):
                    break
            elif not person and not in_complement and not nxt:
                break
        if re.fullmatch(r"(?:Councillor|Cllr)", token):
            break
        end = abs_start + len(token)
        pos = end
        parts_end = end
    else:
        if limit >= len(text) and end >= len(text.rstrip()):
            return None  # the page is cut off inside the post
    if parts_end >= len(text.rstrip()) and not text[parts_end:].strip():
        return None
    tail = re.search(r"(?:\s+(?:and|of|for|the|&|with|in|to|on|at))+\s*$", text[start:end])
    if tail:
        end = start + tail.start()
    if end <= start:
        return None
    title = _clean(_ACRONYM_PAREN.sub("", text[start:end])).strip(" ,-–")
    title = re.sub(r"['’]s$", "", title)
    return end, title


@cache
def _bare_name_re(full_stop: bool = False) -> re.Pattern[str]:
    verbs = rules().person_verbs
    stop = r"|\.(?=\s|$)" if full_stop else ""
    return re.compile(
        rf"(?P<name>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN}){{1,2}})"
        rf"(?=['’]s\b|[ \t]*(?:[,:()]|[-–—][ \t]{stop})|[ \t]+(?:{verbs}|has|had|have|is|was|will|would|who|did|does|can|could|should|must|may)\b)"
    )


def _bare_name_at(text: str, pos: int, full_stop: bool = False) -> tuple[str, int] | None:
    """A person's name without an honorific that starts at ``pos`` and is followed by what follows a person's
    name in a sentence (a verb, "has", "who", a comma, a colon, a bracket, a dash, "'s"; with ``full_stop``, also
    a full stop): ``(name, end)``."""
    m = _bare_name_re(full_stop).match(text, pos)
    if not m:
        return None
    rules_ = rules()
    raw = m.group("name")
    if _trim_name(raw, rules_) != raw or not _is_name(raw, rules_) or rules_.post_head_re.match(raw):
        return None
    return raw, m.end("name")


def _fold_post(title: str) -> list[str]:
    fold = rules().post_fold
    words = _slugish(re.sub(r"^the\s+", "", title, flags=re.I)).split()
    return [fold.get(w, w) for w in words]


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def find_people(seg: Segmented) -> tuple[list[PersonRecord], list[PostRecord]]:
    """People with the post the page gives them, and posts named without a person."""
    rules_ = rules()
    pr = _people_rules()
    text = seg.document.text
    limit = min(len(text), _SCAN_LIMIT)
    people: dict[str, PersonRecord] = {}
    order: list[str] = []
    post_spans: list[tuple[int, int]] = []

    def add(
        name: str, post: str | None, start: int, end: int, honorific: str | None = None, role: str | None = None
    ) -> None:
        name = _clean(name).strip(" ,.")
        key = _slugish(name)
        if not key:
            return
        if post is not None:
            post = _strip_org(post)
        # "Councillor Jewell" and "Councillor Sarah Jewell" in one document are one person: keep the fuller.
        for other_key in list(people):
            other = people[other_key]
            if other_key != key and (other_key.endswith(" " + key) or key.endswith(" " + other_key)):
                if len(other_key) >= len(key):
                    if post and not other.post:
                        people[other_key] = PersonRecord(
                            other.name, post, other.evidence, other.honorific or honorific, None, other.role or role
                        )
                    return
                post = post or other.post
                honorific = honorific or other.honorific
                del people[other_key]
                order.remove(other_key)
        existing = people.get(key)
        if existing is not None and (existing.post or not post):
            return
        evidence = _ev(text, start, end)
        if existing is None:
            order.append(key)
        people[key] = PersonRecord(
            name,
            post,
            evidence,
            honorific or (existing.honorific if existing else None),
            None,
            role or (existing.role if existing else None),
        )

    # "Name, Post", "Name (Post)", "Councillor Name Post" — witness and attendance lists, apposition in prose.
    for m in pr.apposition.finditer(text, 0, limit):
        raw = m.group("name")
        name = _trim_name(raw, rules_)
        if name != raw:
            continue  # the run went on into the post ("Hardman Cabinet …"): the honorific pass takes it
        hon = m.group("hon")
        if not (_is_name(name, rules_) or (hon and _is_name(name, rules_, allow_single=True))):
            continue
        post_start = m.start("head")
        if m.group("org"):
            council_end = _council_prefix_end(text, m.start("org"))
            if council_end is not None and council_end <= m.end("org") and rules_.post_head_ci.match(text, council_end):
                post_start = (
                    council_end  # "Kensington and Chelsea Lead Member for …": the council's name is never split
                )
            elif not _is_org(m.group("org")):
                continue
        joiner = text[m.end("name") : m.start("head")]
        if (
            "," not in joiner
            and "(" not in joiner
            and not re.search("[-–—]", joiner)
            and not hon
            and not m.group("org")
        ):
            # "Jeanette Richards Executive Director for …": no comma, so the post must say what it is of
            head_match = re.match(
                f"(?i:{rules_.post_head})", text[m.start("head") : m.start("head") + 300]
            )  # (?i) as in the apposition pattern
            head_end = m.start("head") + (len(head_match.group(0)) if head_match else 0)
            if not re.match(r"\s+(?:of|for|to|with)\b|\s*[-–]\s*[A-Z]", text[head_end : head_end + 8]):
                continue
        extent = _post_extent(text, post_start, min(len(text), post_start + 200), person=True)
        if extent is None:
            add(name, None, m.start(), m.end(), hon, "witness" if _in_kind(seg, m.start(), "witnesses") else None)
            continue
        post_end, post = extent
        if not rules_.post_head_ci.match(post):
            continue
        if re.search(r"\bthe\s*$", joiner) and pr.verb_next.match(text, post_end, post_end + 30):
            # "a question from Councillor Kennedy, the Strategic Manager confirmed": the post is the next subject
            add(name, None, m.start(), m.end("name"), hon)
            continue
        add(name, post, m.start(), post_end, hon, "witness" if _in_kind(seg, m.start(), "witnesses") else None)
        post_spans.append((m.start("org") if m.group("org") else post_start, post_end))

    # Lower-case posts after a quoted speaker's name: "Steve Crocker, director of children’s services, said".
    for m in pr.lower_apposition.finditer(text, 0, limit):
        name = m.group("name")
        hon = m.group("hon")
        if not (_is_name(name, rules_) or (hon and _is_name(name, rules_, allow_single=True))):
            continue
        extent = _post_extent(text, m.start("head"), min(len(text), m.start("head") + 200), person=True)
        if extent is None:
            add(name, None, m.start(), m.end(), hon)
            continue
        post_end, post = extent
        post = re.sub(r"\s+at\s+.*$", "", post)
        add(name, post, m.start(), post_end, hon, "quoted")
        post_spans.append((m.start("head"), post_end))

    # "Councillor Surname" (no post stated right after it); a post just before it is theirs.
    for m in pr.honorific.finditer(text, 0, limit):
        name = _trim_name(m.group("name"), rules_)
        if not name or not _is_name(name, rules_, allow_single=True):
            continue
        post = _post_before(text, m.start())
        if post is not None:
            post_spans.append(post[1])
        add(name, post[0] if post else None, m.start(), m.start("name") + len(name), m.group("hon"))

    # "Councillors Smith, Jones and Brown"
    for m in pr.plural.finditer(text, 0, limit):
        for part in re.split(r"[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*", m.group("names")):
            role = re.search(r"[ \t]*\(([^()]*)\)$", part)  # "Dawn Dale (Chair)"
            post = None
            if role:
                part = part[: role.start()]
                label = _clean(role.group(1))
                post = label if rules_.post_head_ci.fullmatch(label) else None
            part = _trim_name(part, rules_)
            if part and _is_name(part, rules_, allow_single=True):
                add(part, post, m.start(), m.end(), "Councillor", "attendee")

    # Field labels: "Contact: Chris Lunn", "Officer: Robert Henderson", "A message from Patrick Leeson:".
    for m in pr.label.finditer(text, 0, limit):
        rest_start = m.start("rest")
        rest = m.group("rest")
        names = []
        for nm in pr.name_in.finditer(rest):
            candidate = _trim_name(nm.group(1), rules_)
            if candidate and _is_name(candidate, rules_) and not rules_.post_head_re.match(nm.group(1)):
                names.append((candidate, rest_start + nm.start(1), rest_start + nm.start(1) + len(candidate)))
        plural_post = pr.plural_post.search(rest)
        post = _clean(plural_post.group("post")) if plural_post and len(names) > 1 else None
        for name, s, e in names:
            add(name, post, s, e, None, "contact")

    # A post as a field label before a name: "Cabinet Member: Councillor Jasmine Ali" (not "Lead Officer: …",
    # "Contact Officer: …", which label the field, not the post).
    for m in pr.post_label.finditer(text, 0, limit):
        post = _clean(m.group("post"))
        if len(post.split()) < 2 or re.search(r"(?i)officer$", post):
            continue
        name = _trim_name(m.group("name"), rules_)
        if name and (_is_name(name, rules_) or (m.group("hon") and _is_name(name, rules_, allow_single=True))):
            add(name, post, m.start("post"), m.start("name") + len(name), m.group("hon"))
            post_spans.append((m.start("post"), m.end("post")))

    # Named people acting in the minutes: "Carol Cammiss stated", "Adam Davis and Helen Watson shared",
    # "presented by Sheila Murphy", and a bulleted "Andrew Tullis, Unison, gave …".
    for pattern in (pr.verb_after, pr.by_name):
        for m in pattern.finditer(text, 0, limit):
            for group in ("name", "name2"):
                raw = m.groupdict().get(group)
                if not raw:
                    continue
                name = _trim_name(raw, rules_)
                if name == raw and _is_name(name, rules_) and not _is_post_word_start(name):
                    add(name, None, m.start(group), m.start(group) + len(name))
    for m in pr.bullet_name.finditer(text, 0, limit):
        name = m.group("name")
        if _is_name(name, rules_) and not rules_.post_head_re.match(m.group("after")):
            add(name, None, m.start("name"), m.end("name"))

    # A post before a bare name: "interim Chief Executive Theresa Grant has …", "Director of Children's Services
    # Jane Smith said", "the Corporate Director for Children, Jo Bloggs, …", "The lead inspector, Ann Example,".
    candidates = _post_candidates(text, limit)
    for start, head, end, title in candidates:
        if any(s <= head < e for s, e in post_spans):
            continue
        sep = _NAME_SEPARATOR.match(text, end)
        if not sep:
            continue
        found = _bare_name_at(
            text, sep.end(), full_stop="," in sep.group(0)
        )  # "the Corporate Director, Stuart Carlton."
        if found is None:
            continue
        name, name_end = found
        lead = _LOWER_MODIFIER_BEFORE.search(text, max(0, start - 20), start)
        if lead:
            start = lead.start("mod")
            title = f"{_clean(lead.group('mod'))} {title}"
        post = _strip_org(title)
        if len(post.split()) < 2 and post.lower() not in {"leader", "mayor"}:
            continue
        add(name, post, start, name_end, None, "witness" if _in_kind(seg, start, "witnesses") else None)
        post_spans.append((start, end))

    posts = _find_posts(seg, [people[k] for k in order], post_spans, candidates)
    return [people[k] for k in order], posts


def _is_org(prefix: str) -> bool:
    """An organisation's name before a post: a council ("Essex County Council's") or a place in the gazetteer."""
    words = re.sub(r"(?i)^the\s+|['’]s\s*$", "", prefix.strip()).strip()
    return (
        "Council" in words
        or gazetteer().resolve(words) is not None
        or gazetteer().resolve(re.sub(r"^Royal\s+Borough\s+of\s+", "", words)) is not None
    )


_AFTER_COUNCIL_NAME = re.compile(
    r"(?:[ \t]+(?:Metropolitan[ \t]+)?(?:(?:County|City|Borough|District)[ \t]+)?Council)?(?:['’]s)?[ \t]+"
)


def _council_prefix_end(text: str, pos: int) -> int | None:
    """Where a council's name that starts at ``pos`` ends, with "Council" and a possessive after it ("Kensington and
    Chelsea ", "Bath and North East Somerset Council's "): the gazetteer's names are matched whole, so a name with
    "and" inside it is never split. None when no council's name starts there."""
    for ms, me, _ in gazetteer().find(text, pos, min(len(text), pos + 120)):
        if ms != pos:
            return None
        after = _AFTER_COUNCIL_NAME.match(text, me)
        return after.end() if after else None
    return None


def _is_post_word_start(name: str) -> bool:
    return bool(rules().post_head_re.match(name))


def _in_kind(seg: Segmented, pos: int, kind: str) -> bool:
    return any(s.kind == kind and s.start <= pos < s.end for s in seg.segments)


def _strip_org(post: str) -> str:
    """Drop an organisation's name from the front of a post ("Essex County Council Leader" → "Leader")."""
    m = _people_rules().org_prefix.match(post)
    if m and rules().post_head_ci.match(post[m.end() :]) and _is_org(m.group(0)):
        return post[m.end() :].strip()
    return post


def _post_before(text: str, pos: int) -> tuple[str, tuple[int, int]] | None:
    """The post that ends right before ``pos`` ("Cabinet Member for Children and Young People, Councillor …")."""
    window_start = max(0, pos - 160)
    window = text[window_start:pos]
    if not re.search(r"[A-Za-z)]\s*,?\s*$", window):
        return None
    best = None
    starts = sorted(
        {m.start() for m in _people_rules().post_start.finditer(text, window_start, pos)}
        | {m.start("post") for m in _LOWER_POST.finditer(text, window_start, pos)}
    )
    for start in starts:
        extent = _post_extent(text, start, pos, person=False)
        if extent is None:
            continue
        end, title = extent
        between = text[end:pos]
        # on the same line, or after a comma ("…, Cabinet Member for Children,\nCouncillor …"); a post that ends a
        # line of a list is the previous person's
        if (
            re.fullmatch(r"[ \t]*(?:,\s*)?", between)
            and len(title.split()) >= 2
            and re.search(r"\b(?:of|for|with)\b", title)
        ):
            # take modifiers before the head ("Deputy …" is in the head pattern; "Lead Member" too)
            best = (title, (start, end))
            break
    return best


def _post_candidates(text: str, limit: int) -> list[tuple[int, int, int, str]]:
    """Every post title the text names, as ``(start, head start, end, title)``: capitalised ones ("Service
    Development Manager", capitalised modifiers before the head included) and lower-case ones after "the"
    ("the lead inspector", "the Cabinet member", "the director of children's services")."""
    pr = _people_rules()
    out: list[tuple[int, int, int, str]] = []
    heads: set[int] = set()
    for m in pr.post_start.finditer(text, 0, limit):
        head = m.start("post")
        heads.add(head)
        # capitalised modifiers before the head belong to the post ("Service Development Manager")
        start = _extend_left(text, head)
        if start < head:
            for ms, me, _ in gazetteer().find(text, max(0, start - 80), head):
                if ms <= start < me or start <= ms < head:
                    after = _AFTER_COUNCIL_NAME.match(text, me)
                    start = max(
                        start, after.end() if after else me
                    )  # "Kensington and Chelsea Lead Member": not "Chelsea Lead Member"
        extent = _post_extent(text, head, min(len(text), head + 200), person=False)
        if extent is None:
            continue
        end, title = extent
        prefix = _clean(text[start:head])
        if prefix:
            title = f"{prefix} {title}"
        out.append((start, head, end, title))
    for m in _LOWER_POST.finditer(text, 0, limit):
        head = m.start("post")
        if head in heads or head - 1 in heads:
            continue
        extent = _post_extent(text, head, min(len(text), head + 200), person=False)
        if extent is not None:
            out.append((head, head, extent[0], extent[1]))
    out.sort()
    return out


def _find_posts(
    seg: Segmented,
    people: list[PersonRecord],
    post_spans: list[tuple[int, int]],
    post_candidates: list[tuple[int, int, int, str]],
) -> list[PostRecord]:
    """Posts named without a person: "the Cabinet Member for Children and Families", "Executive Director"."""
    rules_ = rules()
    pr = _people_rules()
    text = seg.document.text
    limit = min(len(text), _SCAN_LIMIT)
    found: dict[str, PostRecord] = {}
    folded: dict[str, list[str]] = {}
    taken = sorted(post_spans)

    def inside(pos: int) -> bool:
        return any(s <= pos < e for s, e in taken)

    candidates: list[tuple[int, int, str]] = []
    for start, head, end, title in post_candidates:
        if not inside(head):
            candidates.append((start, end, title))
    for m in pr.lower_post.finditer(text, 0, limit):
        if not inside(m.start("post")):
            candidates.append((m.start("post"), m.end("post"), m.group("post")))
    for start, end, title in sorted(candidates):
        title = _strip_org(title)
        words = title.split()
        if len(words) < 2 and title.lower() not in {"leader"}:
            continue
        if title.lower() in rules_.one_word_posts or rules_.not_posts.match(title):
            continue
        if pr.verb_in.search(title) and not re.search(r"\b(?:of|for)\b", title):
            continue
        key = " ".join(_fold_post(title))
        if key in found:
            continue
        found[key] = PostRecord(title, _ev(text, *_sentence_around(text, start, end)))
        folded[key] = key.split()
    # Drop repeats and shortened forms of a post given to a person or named more fully elsewhere.
    person_posts = [_fold_post(p.post) for p in people if p.post]
    out = []
    for key, record in found.items():
        words = folded[key]
        if any(_is_subsequence(words, other) for other in person_posts):
            continue
        if any(
            other != key and len(folded[other]) > len(words) and _is_subsequence(words, folded[other])
            for other in found
        ):
            continue
        out.append(record)
    return out


_LEFT_MODIFIER = re.compile(r"(?:(?<=\s)|^)(?P<word>[A-Z][a-z]+(?:['’]s)?|&)\s+$")


def _extend_left(text: str, start: int) -> int:
    """Move a post's start left over capitalised modifiers ("Service Development Manager", "Overview &
    Scrutiny Officer", "Children’s Commissioner"); not over articles, place or organisation names."""
    rules_ = rules()
    pos = start
    for _ in range(3):
        m = _LEFT_MODIFIER.search(text, max(0, pos - 30), pos)
        if not m:
            break
        word = m.group("word")
        if word in {
            "The",
            "A",
            "An",
            "This",
            "That",
            "Our",
            "Their",
            "Its",
            "Ofsted",
            "Ofsted's",
            "Ofsted’s",
            "Council",
            "County",
            "City",
            "Borough",
            "Council's",
            "Council’s",
            "And",
            "Of",
            "For",
            "Members",
            "Officers",
            "Inspectors",
            "New",
            "Former",
            "Previous",
            "Current",
            "Then",
            "Acting",
        } or (word.endswith(("'s", "’s")) and word[:-2] not in {"Children", "People"}):
            break
        if word != "&" and (
            word in rules_.not_name_base
            and word
            not in {
                "Service",
                "Development",
                "Agency",
                "Children's",
                "Children’s",
                "Independent",
                "Overview",
                "Scrutiny",
                "Democratic",
                "Services",
                "Safeguarding",
                "Partnership",
                "Quality",
                "Assurance",
                "Practice",
                "Policy",
                "Performance",
                "Improvement",
                "Programme",
                "Principal",
                "Social",
                "Care",
                "Early",
                "Help",
                "Youth",
                "Education",
                "Health",
                "Public",
            }
        ):
            break
        if gazetteer().resolve(word) is not None:
            break
        before = text[max(0, m.start() - 2) : m.start()]
        if (
            re.search(r"[.!?:]\s*$|^\s*$", before)
            and m.start() > 0
            and word not in {"Service", "Agency", "Independent", "Overview"}
        ):
            # a sentence-initial capital is not a modifier unless it is a modifier word
            break
        pos = m.start()
    return pos


# ----------------------------------------------------------------------------------------------- inspections

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_HYPOTHETICAL = re.compile(
    r"\b(?:to|could|would|might|aim\w*|aspir\w*|becom\w*|achieve|towards|ambition|want|hope\w*|receive|get|move\s+to)\s*(?:be\s*)?(?:an?\s*)?$",
    re.I,
)


def _grade_key(word: str) -> str | None:
    for key, pattern in rules().grade_words:
        if pattern.match(word.strip()):
            return key
    return None


@dataclass(frozen=True)
class _JudgementMention:
    start: int
    end: int
    grade: str
    areas: tuple[str, ...]  # empty or ("overall-effectiveness",) for overall
    frame_start: int = 0

    @property
    def overall(self) -> bool:
        return not self.areas or self.areas == ("overall-effectiveness",)


def find_judgements(text: str, start: int, end: int) -> list[_JudgementMention]:
    """Grades stated in a judging frame ("rated 'good'", "an overall judgement of 'Requires Improvement'"), each
    with the judgement areas its clause names (none for an overall grade)."""
    rules_ = rules()
    found: list[tuple[int, int, str, int]] = []
    for frame in rules_.frames:
        for m in frame.finditer(text, start, end):
            gs, ge = m.span("grade")
            if any(gs < fe and fs < ge for fs, fe, _, _ in found):
                continue
            grade = _grade_key(m.group("grade"))
            if grade is None:
                continue
            before = text[max(start, m.start() - 25) : m.start()]
            if _HYPOTHETICAL.search(before):
                continue
            if grade == "good" and re.match(
                r"\s+(?:practice|work|progress|quality|support|examples?|outcomes?|relationships?|levels?|standard)",
                text[ge : ge + 14],
                re.I,
            ):
                continue
            found.append((gs, ge, grade, m.start()))
    found.sort()
    out = []
    for i, (gs, ge, grade, fs) in enumerate(found):
        lo = found[i - 1][1] if i else start
        hi = found[i + 1][0] if i + 1 < len(found) else end
        after = text[ge:hi]
        areas: tuple[str, ...] = ()
        dm = re.match(
            r"\s*['’”\"]?\s*(?:in|for|across)\s+(?:the\s+|all\s+)?(?:domains?|areas?|judgements?)\s+(?:of|for)\b(?P<rest>[^.;]*)",
            after,
            re.I,
        )
        if dm:
            areas = _areas_in(dm.group("rest"))
        elif re.match(r"\s*['’”\"]?\s*(?:in|across)\s+(?:all|every)\s+(?:areas|domains|aspects)", after, re.I):
            areas = ()
        else:
            clause_start = max(lo, text.rfind("\n", lo, gs) + 1, fs - 90)
            clause = text[clause_start : max(clause_start, min(gs, fs if fs > clause_start else gs))]
            # only the subject of the judging verb: after the last clause break before it
            cut = max((m.end() for m in _SUBJECT_BREAK.finditer(clause)), default=0)
            areas = _areas_in(clause[cut:] + text[fs:gs])
            if not areas:
                tail = re.match(r"[^.;\n]{0,12}?\b(?:for|in)\s+(?:the\s+)?(?P<rest>[^.;\n]{0,80})", after)
                if tail and re.match(
                    r"\s*['’”\"]?\s*(?:for|in)\s+(?:the\s+)?(?:impact|experiences|help|children|care|leadership)",
                    after,
                    re.I,
                ):
                    areas = _areas_in(tail.group("rest"))
        out.append(_JudgementMention(gs, ge, grade, areas, fs))
    return out


_SUBJECT_BREAK = re.compile(r"[.;,:]\s|\b(?:why|that|which|because|while|whilst|but|after|since|when)\s", re.I)


def _areas_in(fragment: str) -> tuple[str, ...]:
    found = []
    for key, pattern in rules().areas:
        if pattern.search(fragment) and key not in found:
            if key == "care-leavers" and "children-in-care" in found:
                continue
            found.append(key)
    if "overall-effectiveness" in found and len(found) > 1:
        found.remove("overall-effectiveness")
    return tuple(found)


def _generic_kind(date: PartialDate | None, publication: bool = False, reinspection: bool = False) -> str | None:
    if date is None:
        return None
    r = rules()
    table = r.generic_by_publication if publication else r.generic_re_by_date if reinspection else r.generic_by_date
    when = (date.year, date.month or 1, date.day or 1)  # "2018" is in the framework that began in January 2018
    for since, kind in table:
        if when >= (since.year, since.month or 1, since.day or 1):
            return kind
    return None


def _family(kind: str) -> str:
    return "ilacs" if kind.startswith("ilacs") else kind


@dataclass
class _Draft:
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
    date_pos: tuple[int, int] = (0, 0)
    owns_judgement: bool = False


_ANAPHOR = re.compile(
    r"\b(?:the|its|their|our|this|that)\s+(?:(?:most\s+)?recent\s+|last\s+|latest\s+|full\s+|first\s+|second\s+|third\s+|previous\s+|actual\s+)*(?P<word>inspection|visit)\b(?!\s+(?:report|letter|team|findings|outcome|framework|process|judgement|judgment|was\s+published|of\s+(?!children|services)))",
    re.I,
)
_OVERALL_TABLE = re.compile(
    r"(?i)\boverall\s+effectiveness\s*[:|\-–]?\s*\n[\s|]*(?P<grade>outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?|adequate)\b"
)
_GRADE_LINE = re.compile(
    r"(?im)(?:^|(?P<bar>[ \t]*[|\t:][ \t]*))(?P<grade>outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?)[ \t|]*$"
)
_AREA_LABEL = re.compile(
    r"(?i)^[ \t|]*(?:the\s+)?(?:impact\s+of\s+leaders|experiences\s+and\s+progress\s+of|leadership|children\s+(?:who\s+need|in\s+care|looked\s+after)|care\s+leavers|help\s+and\s+protection)\b[^|\t\n:]*$"
)
_VISIT_KINDS = ("focused-visit", "monitoring-visit", "other", "commissioner-review")
_JOINT_KINDS = ("jtai", "send-area")  # joint inspections name the CQC, HMI Probation … among the inspectorates


def find_inspections(seg: Segmented, doc_date: PartialDate | None) -> list[InspectionRecord]:
    """Every inspection, visit or review the text places in time, with its kind, dates at the precision the text
    gives, judgement and sub-judgements, focus, sequence, and whether it is planned."""
    rules_ = rules()
    text = seg.document.text
    limit = min(len(text), _SCAN_LIMIT)
    drafts: list[_Draft] = []
    judgements: list[tuple[_JudgementMention, tuple[int, int]]] = []
    last_kind = {"inspection": None, "visit": None}
    headers = [(s.start, s.end) for s in seg.segments if s.kind == "meeting"]
    consumed: set[int] = set()
    pending_sequence: tuple[str, int | None, int] | None = None
    for s_start, s_end in sentences(text, 0, limit):
        sentence = text[s_start:s_end]
        if any(hs <= s_start < he for hs, he in headers):
            continue  # "12/06/2015 - … response to the OFSTED inspection": the date is the decision's
        if not re.search(
            r"(?i)inspect|visit|review|ofsted|jtai|ilacs|\bsif\b|rated|judged|graded|judgement|judgment|rating|grade|overall|good|inadequate|outstanding|improvement|pilot",
            sentence,
        ):
            continue
        cues: list[tuple[int, int, str]] = []
        for kind, pattern in rules_.kinds:
            for m in pattern.finditer(text, s_start, s_end):
                if any(m.start() < ce and cs < m.end() for cs, ce, _ in cues):
                    continue
                if rules_.not_an_event.search(
                    text[m.end() : min(s_end, m.end() + 40)]
                ) or rules_.not_an_event_before.search(text[max(s_start, m.start() - 40) : m.start()]):
                    continue
                if kind not in _JOINT_KINDS and _other_service(text, m.start(), m.end(), s_start, s_end):
                    continue  # "Oak Lodge children's home was inspected by Ofsted": another service's inspection
                cues.append((m.start(), m.end(), kind))
        anaphors: set[int] = set()
        for m in _ANAPHOR.finditer(text, s_start, s_end):
            if any(m.start() < ce and cs < m.end() for cs, ce, _ in cues):
                continue
            word = m.group("word").lower()
            if rules_.not_an_event.search(text[m.end() : min(s_end, m.end() + 40)]):
                continue
            kind = last_kind[word] or ("generic" if word == "inspection" else None)
            if kind is not None:
                cues.append((m.start(), m.end(), kind))
                anaphors.add(m.start())
        cues.sort()
        for _cs, _ce, kind in cues:
            if kind in {"generic", "generic-re"} or kind.startswith(("ilacs", "sif", "jtai", "send", "earlier")):
                last_kind["inspection"] = kind if kind != "generic-re" else "generic"
            if kind in _VISIT_KINDS:
                last_kind["visit"] = kind
        sentence_judgements = [
            j
            for j in find_judgements(text, s_start, s_end)
            if not _other_service(text, j.frame_start, j.frame_start, s_start, s_end)
        ]
        judgements.extend((j, (s_start, s_end)) for j in sentence_judgements)
        planned_sentence = bool(rules_.planned.search(sentence))
        dates = (
            find_dates(text, doc_date, s_start, s_end, future=planned_sentence, seasons=True)
            if (cues or sentence_judgements)
            else []
        )
        used: set[int] = set()
        # "the fourth monitoring visit since the local authority was judged inadequate in 2021": the date is the
        # grade's, not the visit's
        judged = {
            id(d)
            for d in (_judgement_date(text, j, dates, s_start, s_end) for j in sentence_judgements if j.overall)
            if d is not None
        }
        for ci, (cs, ce, kind) in enumerate(cues):
            ungraded = kind not in rules_.graded_kinds and kind not in rules_.graded_in_sentence
            date = _nearest_date(dates, cs, ce, cues, ci, used | judged if ungraded else used)
            if date is None:
                if kind in _VISIT_KINDS and cs not in anaphors:
                    sm = rules_.sequence.search(text, max(s_start, cs - 30), min(s_end, ce + 10))
                    if sm:
                        pending_sequence = (kind, _sequence_number(sm), s_end)
                continue
            used.add(id(date))
            publication = _is_publication(text, date, s_start)
            ended = bool(rules_.ended.search(text[max(s_start, date.start - 25) : date.start]))
            k = kind
            start = date.date
            if k in {"generic", "generic-re"}:
                k = _generic_kind(start, publication, reinspection=k == "generic-re") or "generic"
                if k == "generic":
                    continue
            planned = _is_planned(text, cs, ce, date, doc_date, planned_sentence)
            draft = _make_draft(text, k, date, publication, ended, planned, sentence, s_start, s_end, cs, ce)
            # "… the fourth monitoring visit since … . The visit took place on 11 and 12 July 2023"
            if (
                cs in anaphors
                and pending_sequence
                and pending_sequence[0] == k
                and draft.sequence is None
                and cs - pending_sequence[2] < 300
            ):
                draft.sequence = pending_sequence[1]
                pending_sequence = None
            drafts.append(draft)
        # "rated 'Outstanding' in 2018", "since 2017, when Norfolk was judged as …", "inadequate (in 2016)"
        for j in sentence_judgements:
            if not j.overall:
                continue
            date = _judgement_date(text, j, dates, s_start, s_end)
            if date is None or _is_publication(text, date, s_start):
                continue
            owner = next((d for d in drafts if d.date_pos == (date.start, date.end)), None)
            if owner is None:
                if id(date) in used:
                    continue
                k = _generic_kind(date.date)
                if k is None:
                    continue
                owner = _make_draft(text, k, date, False, False, False, sentence, s_start, s_end, j.frame_start, j.end)
                drafts.append(owner)
                used.add(id(date))
            if owner.judgement is None:
                owner.judgement = j.grade
                owner.owns_judgement = True
                consumed.add(j.start)
    # a grade in a flattened table: "Overall effectiveness" and the grade on separate lines
    known = {j.start for j, _ in judgements}
    for m in _OVERALL_TABLE.finditer(text, 0, limit):
        grade = _grade_key(m.group("grade"))
        if grade and m.start("grade") not in known:
            judgements.append(
                (_JudgementMention(m.start("grade"), m.end("grade"), grade, (), m.start()), (m.start(), m.end()))
            )
    # a judgement area's grade in a flattened table: the area on one line, its grade on the next (or after a bar)
    known = {j.start for j, _ in judgements}
    for m in _GRADE_LINE.finditer(text, 0, limit):
        area_end = m.start() if m.group("bar") else m.start() - 1
        area_start = text.rfind("\n", 0, max(0, area_end)) + 1
        label = text[area_start : max(area_start, area_end)]
        if not 8 <= len(label) <= 140 or not _AREA_LABEL.match(label) or m.start("grade") in known:
            continue
        areas = _areas_in(label)
        grade = _grade_key(m.group("grade"))
        if grade and len(areas) == 1 and areas != ("overall-effectiveness",) and areas != ("lscb",):
            judgements.append(
                (_JudgementMention(m.start("grade"), m.end("grade"), grade, areas, area_start), (area_start, m.end()))
            )
    judgements = [(j, span) for j, span in judgements if j.start not in consumed]
    merged = _merge(drafts)
    _attach_judgements(merged, judgements)
    merged = [d for d in merged if d.start is not None]
    return [
        InspectionRecord(
            kind=d.kind,
            evidence=d.evidence,
            start=d.start,
            end=d.end,
            published=d.published,
            judgement=d.judgement if (d.kind in rules_.graded_kinds or d.kind in rules_.graded_in_sentence) else None,
            sub_judgements=tuple(SubJudgement(a, g) for a, g in sorted((d.subs or {}).items())),
            focus=d.focus,
            sequence=d.sequence,
            planned=d.planned,
            inspectorate=d.inspectorate,
            date_text=d.date_text,
        )
        for d in merged
    ]


def _make_draft(
    text: str,
    kind: str,
    date: DateMention,
    publication: bool,
    ended: bool,
    planned: bool,
    sentence: str,
    s_start: int,
    s_end: int,
    cs: int,
    ce: int,
) -> _Draft:
    rules_ = rules()
    inspectorate = next((name for name, p in rules_.inspectorates if p.search(sentence)), None)
    if inspectorate is None and kind not in {"commissioner-review", "other"}:
        inspectorate = "ofsted"
    focus = None
    fm = rules_.focus.search(text, cs, s_end)
    if fm and fm.start() - ce < 60:
        focus = _clean(fm.group("focus")).strip(" '‘’\"“”")
    sequence = None
    sm = rules_.sequence.search(text, max(s_start, cs - 30), min(s_end, ce + 10))
    if sm:
        sequence = _sequence_number(sm)
    start = date.date
    end = date.until
    if ended and not publication:
        start, end = PartialDate(date.date.year, date.date.month), date.date
    return _Draft(
        kind=kind,
        start=None if publication else start,
        end=None if publication else end,
        evidence=_ev(text, s_start, s_end),
        planned=planned,
        focus=focus,
        sequence=sequence,
        published=date.date if publication else None,
        inspectorate=inspectorate,
        date_text=text[date.start : date.end],
        pos=cs,
        date_pos=(date.start, date.end),
    )


def _sequence_number(sm: re.Match[str]) -> int | None:
    n = sm.group("n1") or sm.group("ord")
    return int(re.sub(r"\D", "", n)) if n and n[0].isdigit() else _ORDINALS.get((n or "").lower())


def _other_service(text: str, cs: int, ce: int, s_start: int, s_end: int) -> bool:
    """Whether the cue (or judging frame) at ``cs``–``ce`` is about another service's inspection: its subject is a
    school, children's home, youth offending service … ("Oak Lodge children's home was inspected by Ofsted"), or it
    is the inspection "of" one."""
    r = rules()
    if r.other_service_before.search(text, max(s_start, cs - 70), cs):
        return True
    return ce > cs and r.other_service_after.search(text[ce : min(s_end, ce + 70)]) is not None


def _judgement_date(
    text: str, j: _JudgementMention, dates: list[DateMention], s_start: int, s_end: int
) -> DateMention | None:
    """The date a judging frame places its grade at: "rated 'good' in January 2014", "(in 2016)", "2013 when it
    was rated inadequate", "since 2017, when Norfolk was judged as …"."""
    for d in dates:
        after = text[j.end : d.start] if d.start >= j.end else None
        if (
            after is not None
            and len(after) < 40
            and re.fullmatch(
                r"['’”\"]?\s*(?:overall\s+)?(?:again\s+)?(?:(?:in\s+every\s+area\s+assessed|by\s+(?:ofsted|inspectors)|overall)\s+)?(?:\(\s*)?(?:in|during)\s+",
                after,
                re.I,
            )
        ):
            return d
        before = text[d.end : j.frame_start] if d.end <= j.frame_start else None
        if (
            before is not None
            and len(before) < 60
            and re.fullmatch(
                r"\)?\s*,?\s*when\s+(?:[\w’'-]+\s+){1,4}?(?:was|were|had\s+been|has\s+been)\s+", before, re.I
            )
        ):
            return d
    return None


def _is_publication(text: str, date: DateMention, s_start: int) -> bool:
    return bool(rules().publication.search(text[max(s_start, date.start - 45) : date.start]))


def _nearest_date(
    dates: list[DateMention], cs: int, ce: int, cues: list[tuple[int, int, str]], ci: int, used: set[int]
) -> DateMention | None:
    """The date that belongs to cue ``ci``: the closest one not nearer to another cue."""
    best = None
    best_distance = 10**9
    for d in dates:
        if id(d) in used:
            continue
        distance = d.start - ce if d.start >= ce else cs - d.end
        if distance > 160:
            continue
        closer = False
        for cj, (os_, oe, _) in enumerate(cues):
            if cj == ci:
                continue
            od = d.start - oe if d.start >= oe else os_ - d.end
            if 0 <= od < distance:
                closer = True
                break
        if closer:
            continue
        if d.start >= ce:
            distance -= 5  # dates after the cue ("visit in March 2021") are the usual order
        if distance < best_distance:
            best, best_distance = d, distance
    return best


def _is_planned(
    text: str, cs: int, ce: int, date: DateMention, doc_date: PartialDate | None, planned_sentence: bool
) -> bool:
    if doc_date is not None:
        precision = min(len(date.date.iso()), len(doc_date.iso()))
        if date.date.iso()[:precision] > doc_date.iso()[:precision]:
            return True
        if date.date.iso()[:precision] < doc_date.iso()[:precision]:
            return False
    window = text[max(0, cs - 60) : min(len(text), date.end + 40)]
    return bool(rules().planned.search(window)) and planned_sentence


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One record per inspection: the same kind family and start month is the same event; a mention at year
    precision joins one of that family in the same year; a publication-only mention joins one of its family."""
    dated = [d for d in drafts if d.start is not None]
    undated = [d for d in drafts if d.start is None]
    out: list[_Draft] = []
    for d in sorted(dated, key=lambda d: -len(d.start.iso())):  # type: ignore[union-attr]
        family = _family(d.kind)
        target = None
        for o in out:
            if _family(o.kind) != family:
                continue
            a, b = o.start.iso(), d.start.iso()  # type: ignore[union-attr]
            if a[:7] == b[:7] or (len(b) == 4 and a.startswith(b)) or (len(a) == 4 and b.startswith(a)):
                target = o
                break
        if target is None:
            out.append(d)
            continue
        o = target
        if len(d.start.iso()) > len(o.start.iso()):  # type: ignore[union-attr]
            o.start, o.end = d.start, d.end or o.end
        elif d.end is not None and (o.end is None or len(d.end.iso()) > len(o.end.iso())) and d.end != o.start:
            o.end = d.end
        o.focus = o.focus or d.focus
        o.sequence = o.sequence or d.sequence
        o.published = o.published or d.published
        o.planned = o.planned and d.planned
        if d.judgement and not o.judgement:
            o.judgement, o.owns_judgement = d.judgement, d.owns_judgement
        if o.kind == "ilacs" and d.kind in {"ilacs-standard", "ilacs-short"}:
            o.kind = d.kind
        o.evidence = o.evidence if o.evidence.start <= d.evidence.start else d.evidence
    for d in undated:
        family = _family(d.kind)
        for o in out:
            if _family(o.kind) == family and o.published is None:
                o.published = d.published
                break
    out.sort(key=lambda d: d.evidence.start)
    return out


def _attach_judgements(drafts: list[_Draft], judgements: list[tuple[_JudgementMention, tuple[int, int]]]) -> None:
    """Give each stated grade to its inspection: one in the same sentence (the nearest), else the latest graded
    inspection that has taken place. A grade for the LSCB makes the SIF inspection's LSCB review an entry."""
    r = rules()
    graded = [d for d in drafts if d.kind in r.graded_kinds and not d.planned and d.start is not None]
    sentence_graded = [
        d
        for d in drafts
        if (d.kind in r.graded_kinds or d.kind in r.graded_in_sentence) and not d.planned and d.start is not None
    ]
    for j, (s_start, s_end) in judgements:
        in_sentence = [
            d for d in sentence_graded if s_start <= d.pos < s_end and not (d.owns_judgement and d.judgement)
        ]
        if in_sentence:
            target = min(in_sentence, key=lambda d: min(abs(j.start - d.pos), abs(j.start - d.date_pos[0])))
        elif graded:
            target = max(graded, key=lambda d: sort_key(d.start))  # type: ignore[arg-type]
        else:
            continue
        if j.overall:
            if target.judgement is None:
                target.judgement = j.grade
        elif j.areas == ("lscb",):
            sif = next((d for d in graded if d.kind in {"sif", "sif-reinspection"}), None)
            if sif is not None and not any(d.kind == "lscb-review" for d in drafts):
                drafts.append(
                    _Draft(
                        "lscb-review",
                        sif.start,
                        sif.end,
                        _ev_of(j, sif),
                        False,
                        judgement=j.grade,
                        inspectorate=sif.inspectorate,
                        pos=j.start,
                        date_pos=sif.date_pos,
                    )
                )
        else:
            target.subs = target.subs or {}
            for area in j.areas:
                target.subs.setdefault(area, j.grade)


def _ev_of(j: _JudgementMention, d: _Draft) -> Evidence:
    return d.evidence


# ----------------------------------------------------------------------------------------------- decisions

_DECISION_SECTIONS = {"resolved", "decision", "recommendations"}
_NUMBER = re.compile(r"^\(?(?P<n>\d{1,2}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4})(?:[.)]\s*|\s+(?=[A-Za-z]))(?=\S)")
_SECTION_HEAD = re.compile(
    r"^(?:(?:the\s+)?[^.:;]{0,80}?,?\s+)?(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|decision|decisions|recommendations?|recommended|agreed|(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to)\s*(?:,?\s*\(?(?:unanimously|by\s+a\s+majority)\)?\s*,?\s*)?(?:to\b|that\b)?\s*[:;,\-–—]?\s*",
    re.I,
)
# What is left of a heading line that only introduces the list: "Resolved that the Panel:", "That Cabinet:",
# "RESOLVED that Cabinet -".
_LEAD_IN = re.compile(
    r"^(?:that\s+)?(?:the\s+)?(?:[\w’'&-]+\s+){0,5}?[\w’'&-]+\s*(?:[:\-–—]|,?\s+(?:be|is|are)\s+(?:asked|recommended|requested|invited)\s+to\s*:?)\s*$",
    re.I,
)
# Inline list markers "(1) … (2) …", "(i) … (ii) …", "a) … b) …" after the start or a space, before a word.
_INLINE_MARK = re.compile(r"(?:^|(?<=\s))\(?(?P<n>\d{1,2}|[a-h]|[ivx]{1,4})\)\s+(?=[A-Za-z])")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
# A numbered line that is the title of the next agenda item, not a decision: "2. Monitoring Visit".
_TITLE_LINE = re.compile(
    r"^(?:[A-Z0-9][\w’'&/-]*|and|of|for|the|in|on|to|&|[-–—:,])(?:\s+(?:[A-Z0-9][\w’'&/()-]*|and|of|for|the|in|on|to|&|[-–—:,]))*$"
)
_DECISION_VERB = re.compile(
    r"^(?:(?:the\s+)?(?:[\w’'-]+\s+){1,5}?(?:notes|noted|agrees|agreed|approves|approved|endorses|endorsed|accepts|accepted|supports|supported|resolved|decided|adopts|adopted)\s+(?:to\s+|that\s+)?(?:the|a|an|its|their|to|that|this|these|all|\w+ing)\b|that\b|to\s+(?:note|agree|approve|endorse|receive|consider|support|accept|request|ask|delegate|recommend|adopt|confirm|review|thank)\b|(?:note|notes|noted|agree|agrees|agreed|approve|approves|approved|endorse|endorses|endorsed|consider|considers|receive|receives|support|supports|accept|accepts|request|requests|ask|asks|delegate|recommend|adopt|confirm|review)\b|the\s+[^.]{0,200}?\b(?:was|were|be|is|are)\s+(?:noted|agreed|approved|endorsed|received|accepted|supported)\b)",
    re.I,
)
_QUOTED_RECOMMENDATION = re.compile(
    r"\brecommendation\b[^“\"\n]{0,60}?[“\"](?P<text>(?:That|To)\b[^”\"\n]{10,600}?)[”\"]\s*\.?\s*(?:The\s+(?:Committee|Board|Panel|Cabinet|Council|Commission|Sub-Committee)\s+(?:agreed|accepted|approved|supported)|This\s+was\s+(?:agreed|accepted)|Agreed)",
    re.I,
)


def find_decisions(seg: Segmented) -> list[DecisionRecord]:
    """Resolutions and recommendations: the items of "RESOLVED", "Decision:", "Recommendations:", "The Board is
    asked to:" sections (numbered, lettered or roman, one a line or run into one line), a subject with AGREED or
    RESOLVED in capitals, the numbered "… was noted/agreed" items of ModernGov issue pages, and a recommendation
    quoted and then agreed. A decision printed twice is one; procedural business (minutes, apologies) is none."""
    rules_ = rules()
    text = seg.document.text
    cues = [m.start() for m in rules_.unanimous.finditer(text, 0, min(len(text), _SCAN_LIMIT))]
    doc_unanimous = True if cues else None
    # "It was RESOLVED unanimously that …" in one section says nothing of the others; a cue outside every
    # decision section ("The decision was unanimous.") is the page's.
    sections = [(s.start, s.end) for s in seg.segments if s.kind in _DECISION_SECTIONS]
    if cues and all(any(a <= c < b for a, b in sections) for c in cues):
        doc_unanimous = None
    out: dict[str, DecisionRecord] = {}
    for s in seg.segments:
        in_section = s.kind in _DECISION_SECTIONS
        unanimous = True if doc_unanimous or any(s.start <= c < s.end for c in cues) else None
        if not in_section and not (
            s.kind in {"documents", "body", "minutes"} and seg.genre in (Genre.ISSUE_MEETINGS, Genre.DECISION)
        ):
            continue
        kind = "recommendation" if s.kind == "recommendations" else "resolution"
        items: list[tuple[str | None, int, int]] = []
        for ls, le, line in lines_with_offsets(text, s.start, s.end):
            body_start = ls
            if in_section:
                head = _SECTION_HEAD.match(line)
                if head and ls == s.start:
                    if head.end() >= len(line):
                        continue
                    body_start = ls + head.end()
            line_text = text[body_start:le]
            if in_section and len(line_text) < 90 and _LEAD_IN.match(line_text):
                continue  # "Resolved that the Panel:", "That Cabinet:" introduce the list that follows
            nm = _NUMBER.match(line_text)
            number = nm.group("n") if nm else None
            content_start = body_start + (nm.end() if nm else 0)
            content = text[content_start:le]
            if in_section:
                starts = _DECISION_VERB.match(content)
                if number and not starts and len(content) < 90 and _TITLE_LINE.match(content.rstrip(" .")):
                    break  # "2. Monitoring Visit": the next agenda item's title, the resolutions are over
                if number or starts:
                    inline = _inline_items(text, body_start, le) or _inline_items(text, content_start, le)
                    if inline:
                        items.extend(inline)
                    else:
                        items.append((number, content_start, le))
                elif items and content[:1].islower():  # continuation of the previous decision
                    n, cs, _ = items[-1]
                    items[-1] = (n, cs, le)
                else:
                    break  # prose after the resolutions: the section is over
            elif number and re.search(
                r"\b(?:was|were|be)\s+(?:noted|agreed|approved|endorsed|received)\b|^that\b", content, re.I
            ):
                items.append((number, content_start, le))
        numbers = [n for n, _, _ in items]
        if len(items) > 1 and len(set(numbers)) == 1:
            numbers = [None] * len(items)  # the rendering numbers every item "1."
        for (_n, cs, ce), number in zip(items, numbers, strict=False):
            _add_decision(out, text, cs, ce, number, kind, unanimous)
    for m in _QUOTED_RECOMMENDATION.finditer(text, 0, min(len(text), _SCAN_LIMIT)):
        _add_decision(out, text, m.start("text"), m.end("text"), None, "recommendation", doc_unanimous)
    return list(out.values())


def _inline_items(text: str, start: int, end: int) -> list[tuple[str | None, int, int]]:
    """The items of a list run into one line ("(1) That … (2) That …", "That the Panel (i) notes …; (ii) endorses
    …"): markers that count up from 1, a or i. A lead-in before the first marker ("That the Panel") is dropped, as
    under a heading. Empty when the line holds no such list."""
    marks = [m for m in _INLINE_MARK.finditer(text, start, end)]
    seq: list[re.Match[str]] = []
    for m in marks:
        n = m.group("n")
        if not seq:
            if n in {"1", "a", "i"}:
                seq.append(m)
            continue
        if _next_marker(seq[-1].group("n"), n):
            seq.append(m)
    if len(seq) < 2:
        return []
    lead = text[start : seq[0].start()].strip()
    if len(lead) > 120 or (lead and not re.match(r"(?i)^(?:that\b|to\b|the\b|[\w’'-]+\s*$)", lead)):
        return []
    out = []
    for k, m in enumerate(seq):
        stop = seq[k + 1].start() if k + 1 < len(seq) else end
        out.append((m.group("n"), m.end(), _trim(text, m.end(), stop)[1]))
    return out


def _next_marker(prev: str, n: str) -> bool:
    if prev.isdigit():
        return n.isdigit() and int(n) == int(prev) + 1
    if prev in _ROMAN and n in _ROMAN and _ROMAN.index(n) == _ROMAN.index(prev) + 1:
        return True
    return len(prev) == 1 and len(n) == 1 and prev.isalpha() and ord(n) == ord(prev) + 1


_PROCEDURAL = re.compile(
    r"(?i)\b(?:minutes\s+of\s+the\s+(?:previous\s+|last\s+)?meeting\b[^.;]{0,80}?\b(?:approved|confirmed|agreed|signed)|(?:approved|confirmed|signed|agreed)\s+as\s+an?\s+(?:correct|true|accurate)\s+record|apologies\s+(?:for\s+absence\s+)?(?:be\s+|were\s+|are\s+)?(?:noted|received)|(?:no\s+)?declarations?\s+of\s+(?:pecuniary\s+|personal\s+)?interests?\b)"
)


def _add_decision(
    out: dict[str, DecisionRecord], text: str, cs: int, ce: int, number: str | None, kind: str, unanimous: bool | None
) -> None:
    decision_text = _clean(text[cs:ce])
    if len(decision_text) < 8:
        return
    if _PROCEDURAL.search(decision_text[:200]):
        return  # apologies, declarations, the last meeting's minutes: procedural business, not a decision
    key = " ".join(_slugish(decision_text).split()[:12])
    if key in out:
        return
    out[key] = DecisionRecord(decision_text, _ev(text, cs, ce), number, _outcome(decision_text, kind), kind, unanimous)


def _outcome(text: str, kind: str) -> str | None:
    best = None
    for key, pattern in rules().outcomes:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), key)
    if best is None:
        return "recommended" if kind == "recommendation" else None
    return best[1]


# ----------------------------------------------------------------------------------------------- follow-ups

_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?=(?:but|however|with|which|while|whilst|although|and\s+(?:a|an|the)\s+(?:future|interim))\b)|\(|\)|\.\s"
)


def find_follow_ups(
    seg: Segmented, decisions: list[DecisionRecord], doc_date: PartialDate | None, anchor: PartialDate | None = None
) -> list[FollowUpRecord]:
    """Dated commitments: "That Cabinet review progress in December 2019", "an improvement plan would be submitted
    by 21st November". The due date is at the text's precision, relative dates resolved against the document's
    date; undated commitments, conditions and other bodies' plans are left out."""
    rules_ = rules()
    text = seg.document.text
    out: dict[str, FollowUpRecord] = {}
    anchor = anchor or doc_date

    def consider(start: int, end: int, decision_number: str | None) -> None:
        for cue in rules_.followup_cue.finditer(text, start, end):
            c_start, c_end = _clause(text, start, end, cue.start())
            clause = text[c_start:c_end]
            if rules_.followup_not.search(clause):
                continue
            dates = [
                d
                for d in find_dates(text, anchor, c_start, c_end, future=True, durations=True)
                if not _is_publication(text, d, c_start)
                and not _PAST_EVENT_DATE.search(text, max(c_start, d.start - 40), d.start)
            ]
            if doc_date is not None:
                dates = [
                    d
                    for d in dates
                    if sort_key(d.date)[: len(doc_date.iso().split("-"))]
                    >= sort_key(doc_date)[: len(d.date.iso().split("-"))]
                    and d.date != doc_date
                ]
            if not dates:
                continue
            after_cue = [d for d in dates if d.start >= cue.start()]
            due = (after_cue[0] if after_cue else dates[-1]).date
            key = due.iso()
            if key in out:
                return
            lead = rules_.followup_lead.match(clause)
            d_start = c_start + (lead.end() if lead else 0)
            description = _clean(text[d_start:c_end]).rstrip(" .,;")
            description = re.sub(r"^(?:that|and|but)\s+", "", description, flags=re.I)
            out[key] = FollowUpRecord(description, due, _ev(text, d_start, c_end), None, decision_number)
            return

    for d in decisions:
        consider(d.evidence.start, d.evidence.end, d.number)
    for s in seg.segments:
        if s.kind in {
            "body",
            "minutes",
            "reasons",
            "key_points",
            "recommendations",
            "resolved",
            "decision",
            "witnesses",
            "documents",
            "purpose",
        }:
            for ss, se in sentences(text, s.start, min(s.end, _SCAN_LIMIT)):
                consider(ss, se, None)
    return list(out.values())


#: Words before a date that make it the date of something that happened ("the visit carried out 1-2 November
#: 2022"), not the date a commitment is due ("to be carried out in March" is still due then).
_PAST_EVENT_DATE = re.compile(
    r"(?i)(?<!\bbe\s)\b(?:carried\s+out|took\s+place|held|undertaken|conducted|visited|inspected|dated)\s+(?:on\s+|in\s+|between\s+|from\s+|during\s+|over\s+)?(?:the\s+)?$"
)


def _clause(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of ``text[start:end]`` that holds ``pos``: between clause breaks (semicolons, brackets, ", but", ", with"…)."""
    c_start, c_end = start, end
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.end() <= pos:
            c_start = m.end()
        elif m.start() >= pos:
            c_end = m.start()
            break
    return _trim(text, c_start, c_end)


# ----------------------------------------------------------------------------------------------- mentions


def find_mentions(text: str, items: tuple[dict, ...], category: str | None = None) -> list[NamedMention]:
    """Organisations or practice models the text names, once each, with the sentence that names them."""
    out: dict[str, NamedMention] = {}
    limit = min(len(text), _SCAN_LIMIT)
    for item in items:
        if item.get("needs_regex") is not None and not item["needs_regex"].search(text, 0, limit):
            continue
        for m in item["regex"].finditer(text, 0, limit):
            name = _clean(m.group(0)) if item.get("named") else item["name"]
            key = item["key"] if not item.get("named") else f"{item['key']}/{_slugish(name).replace(' ', '-')}"
            if item.get("named") and item["key"] == "safeguarding-partnership" and name.upper() in {"LSCB", "LSCP"}:
                key, name = item["key"], item["name"]
            if key not in out:
                out[key] = NamedMention(
                    key,
                    name,
                    category or item.get("category", "organisation"),
                    _ev(text, *_sentence_around(text, m.start(), m.end())),
                )
    return list(out.values())


# ----------------------------------------------------------------------------------------------- entry point


def extract(seg: Segmented) -> Extraction:
    """Every fact the rules find in ``seg``."""
    rules_ = rules()
    doc = seg.document
    text = doc.text
    meetings = find_meetings(seg)
    doc_date = document_date(seg, meetings)
    anchor = doc_date or _fallback_anchor(text)
    people, posts = find_people(seg)
    councils = find_councils(seg, [p.name for p in people])
    inspections = find_inspections(seg, anchor)
    decisions = find_decisions(seg)
    follow_ups = find_follow_ups(seg, decisions, doc_date, anchor)
    organisations = find_mentions(text, rules_.organisations)
    models = find_mentions(text, rules_.practice_models, "practice-model")
    title = doc.title
    for s in seg.segments:
        if s.kind == "title":
            title = title or text[s.start : s.end].strip()
            break
        if s.kind == "item":
            m = segment_rules()["lines"]["item_header"].match(text[s.start : s.end])
            title = title or (m.group("title").strip() if m else None)
            break
    return Extraction(
        document=doc,
        genre=seg.genre,
        date=doc_date,
        title=title,
        councils=councils,
        meetings=tuple(meetings),
        people=tuple(people),
        posts=tuple(posts),
        inspections=tuple(inspections),
        decisions=tuple(decisions),
        follow_ups=tuple(follow_ups),
        organisations=tuple(organisations),
        practice_models=tuple(models),
        segments=seg.segments,
    )
