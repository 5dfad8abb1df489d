"""Stage 3 — extract: the facts a careful reader finds in a segmented document, each with its evidence span.

Rules, patterns and gazetteers are data (``rules/extract.toml``, ``ontology/councils.csv``); this module matches
them against the segments and builds frozen records. Every :class:`~caregraph.records.Evidence` satisfies
``document.text[start:end] == quote``.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlparse

from caregraph.dates import DateMention, document_date_from_url, find_dates
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
    Segment,
    Segmented,
    SubJudgement,
)
from caregraph.resources import ontology_file
from caregraph.segment import lines_with_offsets, rules as segment_rules

# ------------------------------------------------------------------------------------------------------ rules


@dataclass(frozen=True)
class Rules:
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    graded_kinds: frozenset[str]
    generic_by_date: tuple[tuple[PartialDate, str], ...]
    generic_by_publication: tuple[tuple[PartialDate, str], ...]
    not_an_event: re.Pattern[str]
    inspectorates: tuple[tuple[str, re.Pattern[str]], ...]
    planned: re.Pattern[str]
    focus: re.Pattern[str]
    sequence: re.Pattern[str]
    grade_words: tuple[tuple[str, re.Pattern[str]], ...]
    frames: tuple[re.Pattern[str], ...]
    areas: tuple[tuple[str, re.Pattern[str]], ...]
    honorifics: tuple[str, ...]
    post_head: re.Pattern[str]
    not_name: frozenset[str]
    outcomes: tuple[tuple[str, re.Pattern[str]], ...]
    decision_start: re.Pattern[str]
    unanimous: re.Pattern[str]
    followup_cue: re.Pattern[str]
    organisations: tuple[dict, ...]
    practice_models: tuple[dict, ...]


@cache
def rules() -> Rules:
    with resources.files("caregraph").joinpath("rules/extract.toml").open("rb") as fh:
        d = tomllib.load(fh)
    grade_alternation = "|".join(f"(?:{p})" for p in d["judgement_words"].values())

    def compile_named(items: list[dict]) -> tuple[dict, ...]:
        out = []
        for item in items:
            flags = 0 if item.get("case_sensitive") else re.I
            out.append({**item, "regex": re.compile(item["pattern"], flags)})
        return tuple(out)

    return Rules(
        kinds=tuple((k["kind"], re.compile(k["pattern"], re.I)) for k in d["inspection_kinds"]),
        graded_kinds=frozenset(d["inspection"]["graded_kinds"]),
        generic_by_date=tuple(sorted(((PartialDate.parse(v), k) for k, v in d["generic_kind_by_date"].items()), reverse=True)),
        generic_by_publication=tuple(sorted(((PartialDate.parse(v), k) for k, v in d["generic_kind_by_publication"].items()), reverse=True)),
        not_an_event=re.compile(d["inspection_cues"]["not_an_event"], re.I),
        inspectorates=tuple((k, re.compile(p, re.I)) for k, p in d["inspectorates"].items()),
        planned=re.compile(d["inspection_cues"]["planned"], re.I),
        focus=re.compile(d["inspection_cues"]["focus"], re.I),
        sequence=re.compile(d["inspection_cues"]["sequence"], re.I),
        grade_words=tuple((k, re.compile(rf"^(?:{p})$", re.I)) for k, p in d["judgement_words"].items()),
        frames=tuple(re.compile(f.replace("{grade}", grade_alternation), re.I) for f in d["judgement"]["judgement_frames"]),
        areas=tuple((k, re.compile(p, re.I)) for k, p in d["judgement_areas"].items()),
        honorifics=tuple(sorted(d["people"]["honorifics"], key=len, reverse=True)),
        post_head=re.compile(d["people"]["post_heads"]),
        not_name=frozenset(d["people"]["not_name_words"]),
        outcomes=tuple((k, re.compile(p, re.I)) for k, p in d["decision_outcomes"].items()),
        decision_start=re.compile(d["decisions"]["decision_start"], re.I),
        unanimous=re.compile(d["decisions"]["unanimous"], re.I),
        followup_cue=re.compile(d["follow_ups"]["cue"], re.I),
        organisations=compile_named(d["organisations"]),
        practice_models=compile_named(d["practice_models"]),
    )


# ------------------------------------------------------------------------------------------------- gazetteer


@dataclass(frozen=True)
class Council:
    slug: str
    name: str  # nice name
    official_name: str
    names: tuple[str, ...]
    domains: tuple[str, ...]
    current: bool


@dataclass(frozen=True)
class Gazetteer:
    councils: dict[str, Council]
    by_name: dict[str, str]  # lower-cased name -> slug
    pattern: re.Pattern[str]
    domains: tuple[tuple[str, str], ...]  # (domain, slug), longest first

    def resolve(self, name: str) -> str | None:
        """A council slug for a name, alias or slug, or None."""
        key = _norm_name(name)
        if key in self.councils:
            return key
        return self.by_name.get(key)

    def from_url(self, url: str | None) -> str | None:
        if not url:
            return None
        host = (urlparse(url).hostname or "").lower()
        for domain, slug in self.domains:
            if host == domain or host.endswith("." + domain):
                return slug
        return None


def _norm_name(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'").replace("&", "and")).strip().lower()


_GENERIC_SUFFIXES = re.compile(r"(?i)\s+(?:county\s+council|city\s+council|borough\s+council|metropolitan\s+borough\s+council|council)$")


@cache
def gazetteer() -> Gazetteer:
    councils: dict[str, Council] = {}
    by_name: dict[str, str] = {}
    with ontology_file("councils.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names = {row["nice_name"], row["official_name"], *filter(None, row["alt_names"].split("|"))}
            council = Council(
                slug=row["slug"],
                name=row["nice_name"],
                official_name=row["official_name"],
                names=tuple(sorted(n for n in names if n)),
                domains=tuple(filter(None, row["domains"].split("|"))),
                current=row.get("current", "true").lower() == "true",
            )
            councils[council.slug] = council
    # Current councils win name clashes with their predecessors ("Dorset" is Dorset Council today).
    for council in sorted(councils.values(), key=lambda c: (c.current, c.slug)):
        for name in council.names:
            by_name[_norm_name(name)] = council.slug
    names = sorted({n for c in councils.values() for n in c.names if len(n) > 3}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?![\w-])", re.I)
    domains = tuple(sorted(((d.lower(), c.slug) for c in councils.values() for d in c.domains), key=lambda x: -len(x[0])))
    return Gazetteer(councils, by_name, pattern, domains)


# ------------------------------------------------------------------------------------------------- helpers


def _ev(text: str, start: int, end: int) -> Evidence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(start, end, text[start:end])


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(\[]?[A-Z0-9•·Ø])|(?<=[;:])\s*\n|\n\s*\n|\n(?=\s*(?:[•·Ø\-–]|\d{1,2}[.)]|\(?[a-z]\)|[ivx]+\))\s)")
_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|No|Nos|St|e\.g|i\.e|etc|approx|Prof|Rev|Co|Ltd|Inc|vs|cf|para|ref)\.|\b[A-Z]\.)$")


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``: split at full stops before a capital, at blank lines and at list items."""
    end = len(text) if end is None else end
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATIONS.search(text, max(pos, m.start() - 8), m.start()):
            continue
        if text[pos:m.start()].strip():
            yield _trim(text, pos, m.start())
        pos = m.end()
    if text[pos:end].strip():
        yield _trim(text, pos, end)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _slugish(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'")).strip()


# -------------------------------------------------------------------------------------------- document date

_DATELINE = re.compile(r"^(?:(?:published|posted|date|updated|issued)\s*(?:on)?\s*:?\s*)?(?:\w+day\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Z][a-z]+)\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_CURRENT_DATE = re.compile(r"\b(?:current\s+date|today['’]s\s+date|date\s+of\s+(?:the\s+)?meeting)\s*\(?\s*", re.I)
_MEETING_HELD = re.compile(r"^(?P<body>[A-Z][^\n]{2,90}?)\s*[-–—]\s*(?:\w+day,?\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4})", re.M)


def document_date(seg: Segmented, meetings: list[MeetingRecord]) -> PartialDate | None:
    doc = seg.document
    text = doc.text
    if meetings:
        return max(m.date for m in meetings)
    if doc.published is not None:
        return doc.published
    for s in seg.segments:
        if s.kind == "decision_date":
            dates = find_dates(text, None, s.start, s.end)
            if dates:
                return dates[0].date
    head = text[:400]
    for start, end, line in lines_with_offsets(head):
        m = _DATELINE.match(line)
        if m:
            found = find_dates(text, None, start, end)
            if found:
                return found[0].date
    m = _CURRENT_DATE.search(text)
    if m:
        found = find_dates(text, None, m.end(), min(len(text), m.end() + 30))
        if found and found[0].start - m.end() < 3:
            return found[0].date
    return document_date_from_url(doc.url)


# ----------------------------------------------------------------------------------------------- councils


def find_councils(seg: Segmented) -> tuple[CouncilMention, ...]:
    gaz = gazetteer()
    doc = seg.document
    text = doc.text
    counts: Counter[str] = Counter()
    first: dict[str, Evidence] = {}
    names: dict[str, str] = {}
    for m in gaz.pattern.finditer(text):
        if not m.group(0)[0].isupper():
            continue
        slug = gaz.resolve(m.group(0))
        if slug is None:
            continue
        weight = 2 if _GENERIC_SUFFIXES.search(m.group(0)) else 1
        counts[slug] += weight
        if slug not in first:
            first[slug] = _ev(text, *_sentence_around(text, m.start(), m.end()))
            names[slug] = m.group(0)
    publisher = None
    if doc.council:
        publisher = gaz.resolve(doc.council)
    if publisher is None:
        publisher = gaz.from_url(doc.url)
    if publisher is None and counts:
        publisher = counts.most_common(1)[0][0]
    out = []
    if publisher is not None:
        out.append(CouncilMention(publisher, names.get(publisher, gaz.councils[publisher].name if publisher in gaz.councils else publisher), True, first.get(publisher)))
    for slug in sorted(counts, key=lambda s: text.find(names[s])):
        if slug != publisher:
            out.append(CouncilMention(slug, names[slug], False, first[slug]))
    return tuple(out)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    for s, e in sentences(text, max(0, start - 600), min(len(text), end + 600)):
        if s <= start and end <= e:
            return s, e
    return start, end


# ----------------------------------------------------------------------------------------------- meetings

_CALL_IN = re.compile(r"called[\s-]*in\s+by\s+(?:the\s+)?(?P<body>[A-Z][^\]\)\n]*?)\s*[\])]?\.?\s*$", re.I)
_DECISION_MAKER = re.compile(r"^decision\s+maker\s*:?\s*(?P<body>.*)$", re.I)


def find_meetings(seg: Segmented) -> list[MeetingRecord]:
    text = seg.document.text
    r = segment_rules()["lines"]
    out: list[MeetingRecord] = []
    call_in = None
    for s in seg.segments:
        if s.kind == "call_in":
            m = _CALL_IN.search(text[s.start:s.end].split("\n")[0])
            if m:
                call_in = re.sub(r"\s+", " ", m.group("body")).strip()
                break
    segments = list(seg.segments)
    decision_maker = None
    for i, s in enumerate(segments):
        if s.kind == "decision_maker":
            line = text[s.start:s.end].split("\n")
            m = _DECISION_MAKER.match(line[0].strip())
            body = (m.group("body").strip() if m else "") or (line[1].strip() if len(line) > 1 else "")
            decision_maker = body or None
    for i, s in enumerate(segments):
        if s.kind != "meeting":
            continue
        line = text[s.start:s.end]
        m = r["meeting"].match(line)
        item_title = report_title = report_size = item_number = None
        if m:
            body, item_number = m.group("body").strip(), m.group("item")
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
                im = r["item_header"].match(text[nxt.start:nxt.end])
                if im:
                    item_number = item_number or im.group("number").rstrip(".")
                    item_title = im.group("title").strip()
                    report_title = item_title
                    report_size = f"{im.group('format').upper()} {im.group('size').upper().replace(' ', ' ')}"
                break
        out.append(MeetingRecord(body, dates[0].date, _ev(text, s.start, s.end), item_number, item_title, report_title, report_size, call_in))
    if not out and seg.genre is Genre.MINUTES:
        m = _MEETING_HELD.search(text[:1500])
        if m:
            dates = find_dates(text, None, m.start("date"), m.end("date"))
            if dates and dates[0].date.precision == "day":
                out.append(MeetingRecord(m.group("body").strip(), dates[0].date, _ev(text, m.start(), m.end())))
    return out


# ----------------------------------------------------------------------------------------------- people

_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.?|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+)"
_NAME = re.compile(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}")
_POST_CONNECTORS = {"and", "of", "for", "the", "&", "with", "in", "to", "on"}
_SPEECH = re.compile(r"\b(?:said|says|added|commented|explained|stated|highlighted|reported|introduced|attended|confirmed|noted|presented|asked|responded|told|welcomed|thanked|gave|outlined|advised|informed|replied|who)\b")


def _is_name(candidate: str, rules_: Rules) -> bool:
    tokens = candidate.replace("’", "'").split()
    if len(tokens) < 2 or len(tokens) > 4:
        return False
    if any(t.rstrip(".,") in rules_.not_name or t.rstrip("'s") in rules_.not_name for t in tokens):
        return False
    if all(len(t.rstrip(".")) == 1 for t in tokens):
        return False
    return len(tokens[-1].rstrip(".")) > 1


def _post_extent(text: str, start: int, limit: int) -> int:
    """Where a post title that begins at ``start`` ends: at a lower-case word that is not a connector, at a
    bracket, at a semicolon, at a full stop, or at a comma that is followed by a person's name."""
    pos = start
    end = start
    for m in re.finditer(r"[\w’'&\-–]+|[,.;:()\[\]\n]|\S", text[start:limit]):
        token = m.group(0)
        abs_start = start + m.start()
        if token in {".", ";", ":", "(", ")", "[", "]", "\n"}:
            break
        if token == ",":
            rest = text[abs_start + 1 : limit].lstrip()
            nm = _NAME.match(rest)
            if (nm and _is_name(nm.group(0), rules())) or re.match(r"(?:Councillor|Cllr\.?)\s+", rest) or not rest[:1].isupper():
                break
            continue
        if token in {"-", "–"}:
            continue
        if token[0].islower() and token.lower() not in _POST_CONNECTORS:
            break
        if token.lower() in {"and", "&"}:
            rest = text[abs_start + len(token) : limit].lstrip()
            if _NAME.match(rest) and _is_name(_NAME.match(rest).group(0), rules()) or re.match(r"(?:Councillor|Cllr)", rest):
                break
        end = abs_start + len(token)
        pos = end
    # drop trailing connectors
    tail = re.search(r"(?:\s+(?:and|of|for|the|&|with|in|to|on))+\s*$", text[start:end])
    if tail:
        end = start + tail.start()
    return end if pos >= start else start


def find_people(seg: Segmented) -> tuple[list[PersonRecord], list[PostRecord]]:
    rules_ = rules()
    text = seg.document.text
    people: dict[str, PersonRecord] = {}
    post_spans: list[tuple[int, int]] = []
    hon = "|".join(re.escape(h) for h in rules_.honorifics)
    honorific_name = re.compile(rf"\b(?P<hon>{hon})\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})")

    def add(name: str, post: str | None, start: int, end: int, honorific: str | None = None, role: str | None = None) -> None:
        name = re.sub(r"\s+", " ", name).strip(" ,")
        key = _slugish(name)
        if not key:
            return
        # "Councillor Jewell" and "Councillor Sarah Jewell" in one document are one person: keep the fuller.
        for other_key, other in list(people.items()):
            if other_key != key and (other_key.endswith(" " + key) or key.endswith(" " + other_key)):
                if len(other_key) >= len(key):
                    if post and not other.post:
                        people[other_key] = PersonRecord(other.name, post, other.evidence, other.honorific or honorific, None, other.role or role)
                    return
                del people[other_key]
                post = post or other.post
        existing = people.get(key)
        if existing is not None and (existing.post or not post):
            return
        people[key] = PersonRecord(name, post, _ev(text, *_sentence_around(text, start, end)) if role != "witness" else _ev(text, start, end), honorific, None, role)

    # Witness lists: one "Name, Post" a line.
    for s in seg.segments:
        if s.kind != "witnesses":
            continue
        for ls, le, line in lines_with_offsets(text, s.start, s.end):
            if ":" in line and line.lower().rstrip(":").strip() in {"witnesses", "in attendance", "also present", "present"}:
                continue
            m = re.match(rf"^(?:(?P<hon>{hon})\s+)?(?P<name>[^,]+?)\s*,\s*(?P<post>.+?)\s*$", line)
            if m and (_is_name(m.group("name"), rules_) or m.group("hon")):
                add(m.group("name"), m.group("post").rstrip("."), ls, le, m.group("hon"), "witness")
                post_spans.append((ls + m.start("post"), ls + m.end("post")))

    # "Name, Post" anywhere in prose.
    for m in re.finditer(rf"(?:\b(?P<hon>{hon})\s+)?(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}})\s*,\s*(?:the\s+)?(?=(?P<head>{rules_.post_head.pattern}))", text):
        name = m.group("name")
        if not (_is_name(name, rules_) or (m.group("hon") and re.fullmatch(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})*", name))):
            continue
        post_start = m.start("head")
        post_end = _post_extent(text, post_start, min(len(text), post_start + 160))
        post = text[post_start:post_end].strip()
        if len(post.split()) < 1 or not rules_.post_head.match(post):
            continue
        add(name, post, m.start(), post_end, m.group("hon"))
        post_spans.append((post_start, post_end))

    # "Councillor Surname" (no post stated next to it).
    for m in honorific_name.finditer(text):
        tokens = m.group("name").split()
        while tokens and tokens[-1].rstrip("'’s") in rules_.not_name:
            tokens.pop()
        if not tokens:
            continue
        name = " ".join(tokens)
        if name in rules_.not_name:
            continue
        if m.group("hon").lower() in {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."} and len(tokens) < 1:
            continue
        add(name, None, m.start(), m.end(), m.group("hon"))

    # Posts named without a person.
    posts: dict[str, PostRecord] = {}
    post_re = re.compile(rf"\b(?:the\s+)?(?P<post>{rules_.post_head.pattern}(?:\s+(?:with\s+[Rr]esponsibility\s+(?:\([A-Z]+\)\s+)?for|for|of)\s+|\s*[-–]\s*)(?=[A-Z\(]))")
    for m in post_re.finditer(text):
        start = m.start("post")
        if any(s <= start < e for s, e in post_spans):
            continue
        end = _post_extent(text, start, min(len(text), start + 160))
        title = re.sub(r"\s+", " ", text[start:end]).strip(" ,-–")
        if len(title.split()) < 3:
            continue
        if _SPEECH.search(title):
            continue
        key = _slugish(title)
        if key not in posts:
            posts[key] = PostRecord(title, _ev(text, *_sentence_around(text, start, end)))
    person_posts = {_slugish(p.post) for p in people.values() if p.post}
    return list(people.values()), [p for k, p in posts.items() if k not in person_posts]


# ----------------------------------------------------------------------------------------------- inspections

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}


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


def find_judgements(text: str, start: int, end: int) -> list[_JudgementMention]:
    rules_ = rules()
    found: list[tuple[int, int, str]] = []
    for frame in rules_.frames:
        for m in frame.finditer(text, start, end):
            gs, ge = m.span("grade")
            if any(gs < fe and fs < ge for fs, fe, _ in found):
                continue
            grade = _grade_key(m.group("grade"))
            if grade is None:
                continue
            # "to receive a good judgement overall", "could be good" — hypothetical frames are not judgements
            before = text[max(start, m.start() - 25) : m.start()].lower()
            if re.search(r"\b(?:to|could|would|might|aim\w*|aspir\w*|becom\w*|achieve|towards|ambition|want|hope\w*)\s*(?:be\s*)?(?:an?\s*)?$", before):
                continue
            found.append((gs, ge, grade))
    found.sort()
    out = []
    for i, (gs, ge, grade) in enumerate(found):
        lo = found[i - 1][1] if i else start
        hi = found[i + 1][0] if i + 1 < len(found) else end
        after = text[ge:hi]
        areas = _areas_in(after) if re.match(r"\s*['’”\"]?\s*(?:in|for)\s+(?:the\s+)?(?:domains?|areas?|judgements?)\s+(?:of|for)\b", after, re.I) else ()
        if not areas:
            clause_start = max(lo, text.rfind("\n", lo, gs) + 1)
            areas = _areas_in(text[clause_start:gs])
        out.append(_JudgementMention(gs, ge, grade, areas))
    return out


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


def _generic_kind(date: PartialDate | None, publication: bool = False) -> str | None:
    if date is None:
        return None
    for since, kind in rules().generic_by_publication if publication else rules().generic_by_date:
        if date >= since:
            return kind
    return None


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


def find_inspections(seg: Segmented, doc_date: PartialDate | None) -> list[InspectionRecord]:
    rules_ = rules()
    text = seg.document.text
    drafts: list[_Draft] = []
    judgements: list[tuple[_JudgementMention, tuple[int, int]]] = []
    for s_start, s_end in sentences(text):
        sentence = text[s_start:s_end]
        cues: list[tuple[int, int, str]] = []
        for kind, pattern in rules_.kinds:
            for m in pattern.finditer(text, s_start, s_end):
                if any(m.start() < ce and cs < m.end() for cs, ce, _ in cues):
                    continue
                cues.append((m.start(), m.end(), kind))
        cues.sort()
        judgements.extend((j, (s_start, s_end)) for j in find_judgements(text, s_start, s_end))
        if not cues:
            continue
        planned_sentence = bool(rules_.planned.search(sentence))
        dates = find_dates(text, doc_date, s_start, s_end, future=planned_sentence)
        dates = [d for d in dates if not _is_publication(text, d, s_start)] + [d for d in dates if _is_publication(text, d, s_start)]
        used: set[int] = set()
        for ci, (cs, ce, kind) in enumerate(cues):
            date = _nearest_date(dates, cs, ce, cues, ci, used)
            if date is None:
                continue
            used.add(id(date))
            publication = _is_publication(text, date, s_start)
            k = kind
            start = date.date
            if k == "generic":
                k = _generic_kind(start, publication) or "generic"
                if k == "generic":
                    continue
            if rules_.not_an_event.search(text[ce : min(s_end, ce + 40)]) or rules_.not_an_event.search(text[s_start:cs]):
                continue
            planned = _is_planned(text, cs, ce, date, doc_date, planned_sentence)
            inspectorate = next((name for name, p in rules_.inspectorates if p.search(sentence)), None)
            if inspectorate is None and k not in {"commissioner-review"}:
                inspectorate = "ofsted"
            focus = None
            fm = rules_.focus.search(text, cs, s_end)
            if fm and fm.start() - ce < 60:
                focus = re.sub(r"\s+", " ", fm.group("focus")).strip(" '‘’\"“”")
            sequence = None
            sm = rules_.sequence.search(text, max(s_start, cs - 30), min(s_end, ce + 10))
            if sm:
                n = sm.group("n1") or sm.group("ord")
                sequence = int(re.sub(r"\D", "", n)) if n and n[0].isdigit() else _ORDINALS.get((n or "").lower())
            drafts.append(
                _Draft(
                    kind=k,
                    start=None if publication else start,
                    end=None if publication else date.until,
                    evidence=_ev(text, s_start, s_end),
                    planned=planned,
                    focus=focus,
                    sequence=sequence,
                    published=start if publication else None,
                    inspectorate=inspectorate,
                    date_text=text[date.start : date.end],
                )
            )
    merged = _merge(drafts)
    _attach_judgements(merged, judgements, text)
    return [
        InspectionRecord(
            kind=d.kind,
            evidence=d.evidence,
            start=d.start,
            end=d.end,
            published=d.published,
            judgement=d.judgement,
            sub_judgements=tuple(SubJudgement(a, g) for a, g in sorted((d.subs or {}).items())),
            focus=d.focus,
            sequence=d.sequence,
            planned=d.planned,
            inspectorate=d.inspectorate,
            date_text=d.date_text,
        )
        for d in merged
    ]


_PUBLISHED = re.compile(r"\b(?:published|publication|report\s+(?:out|released|issued))\b[^.]{0,25}$", re.I)


def _is_publication(text: str, date: DateMention, s_start: int) -> bool:
    return bool(_PUBLISHED.search(text[max(s_start, date.start - 40) : date.start]))


def _nearest_date(dates: list[DateMention], cs: int, ce: int, cues: list[tuple[int, int, str]], ci: int, used: set[int]) -> DateMention | None:
    """The date that belongs to cue ``ci``: the closest one not nearer to another cue."""
    best = None
    best_distance = 10**9
    for d in dates:
        if id(d) in used:
            continue
        distance = d.start - ce if d.start >= ce else cs - d.end
        if distance > 160:
            continue
        # a date that sits closer to another cue belongs to that cue
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


def _is_planned(text: str, cs: int, ce: int, date: DateMention, doc_date: PartialDate | None, planned_sentence: bool) -> bool:
    if doc_date is not None:
        precision = min(len(date.date.iso()), len(doc_date.iso()))
        if date.date.iso()[:precision] > doc_date.iso()[:precision]:
            return True
        if date.date.iso()[:precision] < doc_date.iso()[:precision]:
            return False
    window = text[max(0, cs - 60) : min(len(text), date.end + 40)]
    return bool(rules().planned.search(window)) and planned_sentence


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One record per inspection: the same kind family and start month (or publication) is the same event."""
    out: dict[tuple[str, str], _Draft] = {}
    for d in drafts:
        family = "ilacs" if d.kind.startswith("ilacs") else d.kind
        when = d.start.month_key() if d.start else "p" + (d.published.month_key() if d.published else "")
        key = (family, when)
        if key not in out:
            # a later mention may repeat an earlier one at a coarser or finer precision
            for (f, w), other in out.items():
                if f == family and other.start and d.start and (other.start.iso().startswith(d.start.iso()) or d.start.iso().startswith(other.start.iso())):
                    key = (f, w)
                    break
        if key in out:
            o = out[key]
            if d.start and (o.start is None or len(d.start.iso()) > len(o.start.iso())):
                o.start, o.end = d.start, d.end or o.end
            o.focus = o.focus or d.focus
            o.sequence = o.sequence or d.sequence
            o.published = o.published or d.published
            o.planned = o.planned and d.planned
            if o.kind in {"ilacs"} and d.kind in {"ilacs-standard", "ilacs-short"}:
                o.kind = d.kind
        else:
            out[key] = d
    return list(out.values())


def _attach_judgements(drafts: list[_Draft], judgements: list[tuple[_JudgementMention, tuple[int, int]]], text: str) -> None:
    graded = [d for d in drafts if d.kind in rules().graded_kinds and not d.planned]
    if not graded:
        return
    for j, (s_start, s_end) in judgements:
        # the inspection whose evidence sentence holds the judgement; else the most recent graded inspection
        target = next((d for d in graded if d.evidence.start <= j.start < d.evidence.end), None)
        if target is None:
            target = max(graded, key=lambda d: (d.start or d.published or PartialDate(1)))
        if not j.areas or j.areas == ("overall-effectiveness",):
            if target.judgement is None:
                target.judgement = j.grade
        else:
            target.subs = target.subs or {}
            for area in j.areas:
                target.subs.setdefault(area, j.grade)


# ----------------------------------------------------------------------------------------------- decisions

_DECISION_SECTIONS = {"resolved", "decision", "recommendations"}
_NUMBER = re.compile(r"^\(?(?P<n>\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+")


def find_decisions(seg: Segmented) -> list[DecisionRecord]:
    rules_ = rules()
    text = seg.document.text
    unanimous = True if rules_.unanimous.search(text) else None
    out: dict[str, DecisionRecord] = {}
    for s in seg.segments:
        in_section = s.kind in _DECISION_SECTIONS
        if not in_section and not (s.kind in {"documents", "body", "minutes"} and seg.genre in (Genre.ISSUE_MEETINGS, Genre.DECISION)):
            continue
        kind = "recommendation" if s.kind == "recommendations" else "resolution"
        items: list[tuple[str | None, int, int]] = []
        for ls, le, line in lines_with_offsets(text, s.start, s.end):
            body_start = ls
            if line.lower().rstrip(":").strip() in {"resolved", "decision", "decisions", "recommendations", "recommendation", "agreed"}:
                continue
            head = re.match(r"^(?:it\s+was\s+)?(?:resolved|decision|recommendations?|agreed)\s*[:\-–—]?\s*", line, re.I)
            if head and in_section and head.end() < len(line):
                body_start = ls + head.end()
            line_text = text[body_start:le]
            nm = _NUMBER.match(line_text)
            number = nm.group("n") if nm else None
            content_start = body_start + (nm.end() if nm else 0)
            content = text[content_start:le]
            starts = rules_.decision_start.match(text[body_start:le])
            if in_section:
                if number or starts or not items:
                    items.append((number, content_start, le))
                else:  # continuation of the previous decision
                    n, cs, _ = items[-1]
                    items[-1] = (n, cs, le)
            elif number and re.search(r"\b(?:was|were|be)\s+(?:noted|agreed|approved|endorsed|received)\b|^that\b", content, re.I):
                items.append((number, content_start, le))
        # flattened lists number every item "1."; renumber when the numbers do not count up
        numbers = [n for n, _, _ in items]
        if len(items) > 1 and (None in numbers or len(set(numbers)) < len(numbers)):
            numbers = [str(i) for i in range(1, len(items) + 1)]
        for (n, cs, ce), number in zip(items, numbers):
            decision_text = re.sub(r"\s+", " ", text[cs:ce]).strip()
            if len(decision_text) < 8:
                continue
            outcome = _outcome(decision_text, kind)
            key = _slugish(decision_text)[:120]
            if key in out:
                continue
            if len(items) == 1 and n is None:
                number = None
            out[key] = DecisionRecord(decision_text, _ev(text, cs, ce), number, outcome, kind, unanimous)
    return list(out.values())


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


def find_follow_ups(seg: Segmented, decisions: list[DecisionRecord], doc_date: PartialDate | None) -> list[FollowUpRecord]:
    rules_ = rules()
    text = seg.document.text
    out: dict[str, FollowUpRecord] = {}

    def consider(start: int, end: int, decision_number: str | None) -> None:
        fragment = text[start:end]
        if not rules_.followup_cue.search(fragment):
            return
        dates = [d for d in find_dates(text, doc_date, start, end, future=True) if not _is_publication(text, d, start)]
        if doc_date is not None:
            dates = [d for d in dates if d.date.iso()[: len(doc_date.iso())] >= doc_date.iso()[: len(d.date.iso())] and d.date != doc_date]
        if not dates:
            return
        cue = rules_.followup_cue.search(fragment)
        after_cue = [d for d in dates if cue and d.start >= start + cue.start()]
        due = (after_cue or dates)[-1 if not after_cue else 0].date
        key = due.iso()
        if key in out:
            return
        description = re.sub(r"\s+", " ", fragment).strip()
        out[key] = FollowUpRecord(description, due, _ev(text, start, end), None, decision_number)

    for d in decisions:
        consider(d.evidence.start, d.evidence.end, d.number)
    for s in seg.segments:
        if s.kind in {"body", "minutes", "reasons", "key_points", "recommendations", "resolved", "decision"}:
            for ss, se in sentences(text, s.start, s.end):
                consider(ss, se, None)
    return list(out.values())


# ----------------------------------------------------------------------------------------------- mentions


def find_mentions(text: str, items: tuple[dict, ...], category: str | None = None) -> list[NamedMention]:
    out: dict[str, NamedMention] = {}
    for item in items:
        for m in item["regex"].finditer(text):
            name = re.sub(r"\s+", " ", m.group(0)).strip() if item.get("named") else item["name"]
            key = item["key"] if not item.get("named") else f"{item['key']}/{_slugish(name).replace(' ', '-')}"
            if item.get("named") and item["key"] == "safeguarding-partnership" and name.upper() in {"LSCB", "LSCP"}:
                key, name = item["key"], item["name"]
            if key not in out:
                out[key] = NamedMention(key, name, category or item.get("category", "organisation"), _ev(text, *_sentence_around(text, m.start(), m.end())))
    return list(out.values())


# ----------------------------------------------------------------------------------------------- entry point


def extract(seg: Segmented) -> Extraction:
    """Every fact the rules find in ``seg``."""
    rules_ = rules()
    doc = seg.document
    text = doc.text
    meetings = find_meetings(seg)
    doc_date = document_date(seg, meetings)
    councils = find_councils(seg)
    people, posts = find_people(seg)
    inspections = find_inspections(seg, doc_date)
    decisions = find_decisions(seg)
    follow_ups = find_follow_ups(seg, decisions, doc_date)
    organisations = find_mentions(text, rules_.organisations)
    models = find_mentions(text, rules_.practice_models, "practice-model")
    title = doc.title
    for s in seg.segments:
        if s.kind == "title":
            title = title or text[s.start:s.end].strip()
            break
        if s.kind == "item":
            m = segment_rules()["lines"]["item_header"].match(text[s.start:s.end])
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
