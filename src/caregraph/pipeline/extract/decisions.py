"""Decisions: resolutions and recommendations, with their number, outcome, type, date and whether they were unanimous.

:func:`match_decisions` reads

- the items of "RESOLVED", "Decision:", "Recommendations", "Recommended –", "The Board is asked to:" sections
  (numbered, lettered, roman or bulleted, one a line or run into one line; a lead-in line is passed over, the next
  agenda item's title, prose, or a section such as "Alternative options considered" ends the list; a table's cell
  marks are ignored);
- resolutions with no heading, in minutes items, agenda-item and decision pages: a paragraph or list item that opens
  like a resolution ("That …", "RESOLVED to …", "It was agreed that …", "The Panel resolved to …", "The minutes of
  the meeting held on … were approved …") wherever it stands; one that opens more weakly ("The Committee noted that
  …", "Members endorsed the report.", "The report was noted.") when it closes its item or sits in a list whose every
  item opens like a resolution; list openers ("1. Notes the progress …") only in such a list;
- a recommendation quoted and then agreed;
- the items under a line that says they were agreed ("3. The following points were also agreed:" above "i. For a
  breakdown … to be circulated");
- the items under a line that names who decided ("The Committee:", "RESOLVED: That the Schools Forum:-"), each going
  on with that sentence ("• noted the outcome …;", "(b) agrees the actions …"); a sub-list under one of them ("2.
  Approved the next steps:" / "a. To agree …") is part of that item, as are the parts listed under a resolution that
  ends in a colon ("That the following steps be approved:" / "· That a plan is prepared.");
- a recommendation put to the meeting with no heading ("Cabinet is RECOMMENDED to approve …") when a line below it
  says it was agreed ("Recommendation agreed."); a resolution right under a decision field's label that the page
  gives no heading ("Decision number:"); a numbered "1) That …" resolution that opens the page (no title).

The items of a list under "… noted the following:" are points noted, not resolutions; a weak opener after "In
response to questions," answers them.

A numbered agenda item's title ("4. Minutes of the meeting held on …") is neither a decision nor run into the
sentence below it, and ends the list above it. An infinitive ("To appoint …") is a resolution under "Minutes:" and
the item's proposal above it; "RESOLVED: as recommended." is no decision of its own but says the recommendations were
agreed; "to note …; and that …" is two.

A decision section's list ends at the next item's title, at prose, or at a section such as "Alternative options
considered" or "Financial implications"; what follows it in the section is read as text with no heading. Under a
heading a resolution keeps an adverbial phrase it opens with ("In view of the Chair's absence, to elect …"); with no
heading it starts at its opener. A report's recommendations above the item's minutes were proposed, not decided,
unless the page says they were agreed.

Procedural resolutions (minutes confirmed, a chair appointed, apologies, the public excluded) are kept and typed
``procedural``; the others are ``resolution`` or, in a recommendations section, ``recommendation``. Each one's outcome
is the first outcome word it uses ("noted", "agreed", …; a recommendation without one is "recommended"); it is
unanimous when a cue says so in its section, or anywhere on the page outside every decision section; its date is
the day of the page's own meeting, else the page's date of decision. :func:`merge_decisions` makes one decision of a
decision printed twice (the same first twelve words). Rules: ``rules/decisions.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from caregraph.pipeline.dates import sort_key
from caregraph.pipeline.extract.doc import Doc, Line, clean, load_rules, slugish, trim
from caregraph.pipeline.extract.meetings import is_header_meeting
from caregraph.pipeline.extract.meetings import rules as meeting_rules
from caregraph.pipeline.segment import MEETING_LINES
from caregraph.pipeline.segment import rules as segment_rules
from caregraph.records import DecisionRecord, Evidence, Genre, MeetingRecord, PartialDate, Segment, Segmented


@dataclass(frozen=True)
class DecisionRules:
    outcomes: tuple[tuple[str, re.Pattern[str]], ...]  # (outcome key, pattern)
    unanimous: re.Pattern[str]
    procedural: re.Pattern[str]
    clutter: re.Pattern[str]  # page clutter at the end of a decision's text
    strong: re.Pattern[str]  # opens a resolution wherever it stands
    weak: re.Pattern[str]  # opens a resolution that closes its item or sits in a list of them
    listed: re.Pattern[str]  # opens a resolution only in a list of them
    reported: re.Pattern[str]  # a phrase that makes a weak opener an answer ("In response to questions, …")
    proposal: re.Pattern[str]  # a recommendation put to the meeting: a resolution when a line below says it was agreed
    adverbial: re.Pattern[str]  # a phrase before the opener
    back_reference: re.Pattern[str]  # a resolution that only points back ("as recommended")
    predicate: re.Pattern[str]  # an item that goes on with the sentence of who decided ("noted the outcome")


@cache
def rules() -> DecisionRules:
    """The rules of ``rules/decisions.toml``, compiled once (``{body}`` filled with a body's name)."""
    d = load_rules("decisions")
    r = d["decisions"]
    heads = meeting_rules().body_heads
    # a body's name, or a head word alone in lower case after "the" ("The committee noted the report.")
    body = rf"(?-i:(?:[A-Z][\w’'&-]*\s+(?:(?:and|&|for|in|on)\s+)*){{0,8}}{heads}(?![\w-])|Members|Councillors)"
    body = rf"(?:{body}|(?<=the\s){heads}(?![\w-]))"

    def compile_(key: str) -> re.Pattern[str]:
        return re.compile(r[key].replace("{body}", body), re.I)

    return DecisionRules(
        outcomes=tuple((k, re.compile(p, re.I)) for k, p in d["decision_outcomes"].items()),
        unanimous=compile_("unanimous"),
        procedural=compile_("procedural"),
        clutter=compile_("clutter"),
        strong=compile_("strong_openers"),
        weak=compile_("weak_openers"),
        listed=compile_("list_openers"),
        reported=compile_("reported"),
        proposal=compile_("proposal_openers"),
        adverbial=compile_("adverbial"),
        back_reference=compile_("back_reference"),
        predicate=compile_("predicate"),
    )


class DecisionCandidate(NamedTuple):
    text: str  # space folded
    evidence: Evidence
    number: str | None
    outcome: str | None
    kind: str  # "resolution", "recommendation" or "procedural"
    unanimous: bool | None


def find_decisions(doc: Doc | Segmented, meetings: list[MeetingRecord] | None = None) -> list[DecisionRecord]:
    """Resolutions and recommendations: the items of decision sections, resolutions with no heading, and a
    recommendation quoted and then agreed, each dated by the page's own meeting (in ``meetings``) or its date of
    decision. A decision printed twice is one."""
    doc = Doc.of(doc)
    return merge_decisions(match_decisions(doc), decision_date(doc, meetings or []))


def decision_date(doc: Doc, meetings: list[MeetingRecord]) -> PartialDate | None:
    """The day the page's decisions were made: its own meeting's (the latest), else its "Date of decision"."""
    own = [m.date for m in meetings if is_header_meeting(m, doc)]
    if own:
        return max(own, key=sort_key)
    for s in doc.segments:
        if s.kind == "decision_date":
            dates = doc.dates_in(s.start, s.end)
            if dates and dates[0].date.precision == "day":
                return dates[0].date
    return None


def merge_decisions(candidates: list[DecisionCandidate], date: PartialDate | None = None) -> list[DecisionRecord]:
    """One decision per text (the first twelve words, case and punctuation folded, a leading "resolved" dropped),
    the first found."""
    out: dict[str, DecisionRecord] = {}
    for c in candidates:
        words = slugish(c.text).split()
        if words[:1] == ["resolved"]:
            words = words[1:]
        key = " ".join(words[:12])
        if key not in out:
            out[key] = DecisionRecord(c.text, c.evidence, c.number, c.outcome, c.kind, c.unanimous, date)
    return list(out.values())


_DECISION_SECTIONS = {"resolved", "decision", "recommendations"}
_MEETING_GENRES = {Genre.MINUTES, Genre.AGENDA_ITEM, Genre.ISSUE_MEETINGS, Genre.DECISION}
#: Sections whose lines are no resolutions (attendees, reasons, …).
_NOT_DECISIONS = {
    "witnesses",
    "reasons",
    "aside",
    "call_in",
    "title",
    "meeting",
    "item",
    "page",
}


_MINUTES_LABEL = re.compile(r"Minutes[ \t]*(?::|\n|$)")
_RECOMMENDATIONS_AGREED = re.compile(
    r"\brecommendations?\b[^.\n]{0,60}?\b(?:were|was|be|are|is)\s+(?:duly\s+|unanimously\s+)?(?:agreed|approved|accepted|adopted|endorsed|carried)\b"
    r"|\b(?:agreed|approved|accepted|adopted|endorsed)\s+the\s+recommendations?\b"
    # "RESOLVED: as recommended.", "DECISION – as set out in the report": the recommendations were what was decided
    r"|\b(?:resolved|decisions?|agreed)\s*[:\-–—]?\s*(?:that\s+)?as\s+(?:recommended|set\s+out\s+(?:above|in\s+the\s+report))",
    re.I,
)


def match_decisions(doc: Doc) -> list[DecisionCandidate]:
    """Every decision item of the page's decision sections, the resolutions with no heading, then the quoted
    recommendations, in that order."""
    text = doc.text
    lowered = text[: doc.limit].lower()  # quick tests before the full patterns
    cues = [m.start() for m in rules().unanimous.finditer(text, 0, doc.limit)] if "unanim" in lowered else []
    doc_unanimous = True if cues else None
    # "It was RESOLVED unanimously that …" in one section says nothing of the others; a cue outside every
    # decision section ("The decision was unanimous.") is the page's.
    sections = [(s.start, s.end) for s in doc.segments if s.kind in _DECISION_SECTIONS]
    if cues and all(any(a <= c < b for a, b in sections) for c in cues):
        doc_unanimous = None
    # an agenda-item page with the item's minutes: the recommendations above them were proposed, not decided
    minutes_start = next((s.start for s in doc.segments if s.kind == "minutes"), -1)
    # … unless the page says they were agreed ("The recommendations were agreed.")
    answered = minutes_start >= 0 and _RECOMMENDATIONS_AGREED.search(text, 0, doc.limit) is not None
    # the record of what the meeting did: a section under a "Minutes:" label (not a title "Minutes of the last meeting")
    minuted_at = {s.start for s in doc.segments if s.kind == "minutes" and _MINUTES_LABEL.match(text, s.start)}
    out: list[DecisionCandidate] = []
    for s in doc.segments:
        if s.start >= doc.limit:
            break
        unanimous = True if doc_unanimous or any(s.start <= c < s.end for c in cues) else None
        if s.kind == "recommendations" and s.start < minutes_start and not answered:
            continue  # what the report proposed: the minutes below say what was decided
        if s.kind in _DECISION_SECTIONS:
            kind = "recommendation" if s.kind == "recommendations" else "resolution"
            items, stop = _section_items(doc, s)
            if stop < s.end:  # the resolutions are over: what follows is read as text with no heading
                rest = Segment("body", stop, s.end)
                items += _headless_items(doc, rest, strong_only=doc.genre not in _MEETING_GENRES)
        elif (s.kind not in _NOT_DECISIONS or _resolution_title(text, s)) and doc.genre is not Genre.NEWS:
            # only a strong opener is a resolution in a summary of the discussion (points made) and on a page that is
            # not a meeting's (an agenda item, minutes, an issue or decision page)
            # a report's purpose (a decision page's resolutions may follow it with no heading) likewise
            strong_only = s.kind in ("key_points", "purpose") or doc.genre not in _MEETING_GENRES
            # "To appoint …" is a resolution under "Minutes:", the item's proposal above it
            minuted = s.start in minuted_at
            kind, items = "resolution", _headless_items(doc, s, strong_only=strong_only, minuted=minuted)
        else:
            continue
        numbers = [n for n, _, _ in items]
        if len(items) > 1 and len(set(numbers)) == 1:
            numbers = [None] * len(items)  # the rendering numbers every item "1."
        for (_n, cs, ce), number in zip(items, numbers, strict=False):
            found = _decision(doc, cs, ce, number, kind, unanimous)
            if found is not None:
                out.append(found)
    quoted = _quoted_recommendation().finditer(text, 0, doc.limit) if "recommendation" in lowered else ()
    for m in quoted:
        found = _decision(doc, m.start("text"), m.end("text"), None, "recommendation", doc_unanimous)
        if found is not None:
            out.append(found)
    return out


def _resolution_title(text: str, s: Segment) -> bool:
    """Whether a page's "title" is a numbered resolution ("1) That the plan be endorsed …"): no title opens with a list
    marker and "That"."""
    if s.kind != "title":
        return False
    number, cs, marked = _marker(text, s.start, s.end)
    return marked and number is not None and re.match(r"(?i)that\s", text[cs : cs + 5]) is not None


# ------------------------------------------------------------------------------------------ list markers

# "1.", "2.1", "(3)", "1 That", "a)", "(iv)", "b." — a letter or a roman numeral only with "." or ")" after it (so the
# article in "a briefing note" is no marker); a bullet.
_NUMBER = re.compile(
    r"^(?:\(?(?P<n>\d{1,2}(?:\.\d{1,2})*)(?:[.)]\s*|\s+(?=[A-Za-z“\"']))|\(?(?P<l>[a-zA-Z]|[ivx]{1,4}|[IVX]{1,4})[.)]\s*|[•·▪◦Ø\-–]\s+)(?=\S)"
)
_QUOTE_MARKS = "“”\"‘’'"

Item = tuple[str | None, int, int]  # (number, start, end)


def _marker(text: str, start: int, end: int) -> tuple[str | None, int, bool]:
    """``(number, where the content starts, whether a list marker was there)`` of the line ``text[start:end]``."""
    m = _NUMBER.match(text[start:end])
    if not m:
        return None, start, False
    return m.group("n") or m.group("l"), start + m.end(), True


def _unpiped(text: str, start: int, end: int) -> tuple[int, int]:
    """The line ``start``–``end`` without the cell marks of a flattened table at its ends ("Decision: |")."""
    while start < end and text[start] in "| \t":
        start += 1
    while end > start and text[end - 1] in "| \t":
        end -= 1
    return start, end


# ------------------------------------------------------------------------------------------ decision sections

_SECTION_HEAD = re.compile(
    r"^(?P<subject>(?:the\s+)?[^.:;]{0,80}?,?\s+(?:it\s+was\s+)?|it\s+was\s+)?(?:unanimously\s+)?(?P<kw>resolved|(?:decisions?|recommendations?)(?:\s+(?:made|taken|agreed|approved|accepted|endorsed))?|resolutions?|outcome(?=\s*:)|recommended|agreed|(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to)\s*(?:,?\s*\(?(?:unanimously|by\s+a\s+majority)\)?\s*,?\s*)?(?P<punct>[:;,|\-–—]\s*)?",
    re.I,
)
# What is left of a heading line that only introduces the list: "Resolved that the Panel:", "That Cabinet:",
# "RESOLVED that Cabinet -".
_LEAD_IN = re.compile(
    r"^[“\"]?(?:that\s+)?(?:the\s+)?(?:[\w’'&-]+\s+){0,5}?[\w’'&-]+\s*(?:[:\-–—]|,?\s+(?:be|is|are)\s+(?:asked|recommended|requested|invited)\s+to\s*:?)\s*$",
    re.I,
)
# A numbered line that is the title of the next agenda item, not a decision: "2. Monitoring Visit".
_TITLE_LINE = re.compile(
    r"^(?:[A-Z0-9][\w’'&/-]*|and|of|for|the|in|on|to|&|[-–—:,])(?:\s+(?:[A-Z0-9][\w’'&/()-]*|and|of|for|the|in|on|to|&|[-–—:,]))*$"
)
_DECISION_VERB = re.compile(
    r"^(?:(?:the\s+)?(?:[\w’'-]+\s+){1,5}?(?:notes?|noted|agrees?|agreed|approves?|approved|endorses?|endorsed|accepts?|accepted|supports?|supported|resolved|decided|adopts?|adopted|confirms?|confirmed|authori[sz](?:es?|ed)|delegates?|delegated|instructs?|instructed|requests?|requested)\s+(?:to\s+|that\s+)?(?:the|a|an|its|their|to|that|this|these|all|\w+ing)\b|that\b|to\s+(?:note|agree|approve|endorse|receive|consider|support|accept|request|ask|delegate|recommend|adopt|confirm|review|thank|appoint|elect|exclude|defer|refer|establish|invite|write|agree)\b|(?:note|notes|noted|agree|agrees|agreed|approve|approves|approved|endorse|endorses|endorsed|consider|considers|receive|receives|support|supports|accept|accepts|request|requests|ask|asks|delegate|recommend|adopt|confirm|review)\b|(?:the\s+)?(?:[\w’'-]+\s+){0,5}?(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\s+\w|the\s+[^.]{0,200}?\b(?:was|were|be|is|are)\s+(?:noted|agreed|approved|endorsed|received|accepted|supported|confirmed|taken\s+as\s+read)\b)",
    re.I,
)


@cache
def _quoted_recommendation() -> re.Pattern[str]:
    """A recommendation quoted and then agreed: 'The recommendation "That …" The Committee agreed'."""
    heads = meeting_rules().body_heads
    return re.compile(
        r"\brecommendation\b[^“\"\n]{0,60}?[“\"](?P<text>(?:That|To)\b[^”\"\n]{10,600}?)[”\"]\s*\.?\s*"
        rf"(?:The\s+(?:[A-Z][\w’'-]*\s+){{0,6}}?(?-i:{heads})\s+(?:agreed|accepted|approved|supported)|This\s+was\s+(?:agreed|accepted)|Agreed)",
        re.I,
    )


def _section_items(doc: Doc, s: Segment) -> tuple[list[Item], int]:
    """The decision items of a decision section (the numbered items or those a decision verb starts, with their
    continuation lines) until the list ends, and where it ended (the section's end when it ran to it)."""
    text = doc.text
    lines = list(doc.lines_in(s.start, s.end))
    items: list[Item] = []
    parts_of: str | None = None  # the marker kind of a resolution whose parts are listed below it
    for k, (raw_start, raw_end, _) in enumerate(lines):
        ls, le = _unpiped(text, raw_start, raw_end)
        if ls >= le:
            continue
        headed = _after_head(text, ls, le, first=k == 0)
        if headed is None:
            continue  # a heading alone on its line
        body_start, by_head = headed
        line_text = text[body_start:le]
        number, content_start, marked = _marker(text, body_start, le)
        if parts_of is not None:
            if marked and _marker_kind(number) != parts_of:
                continue  # "· That a detailed action plan is prepared." under "That the following steps be approved:"
            parts_of = None
        if items and _RESOLUTION_WITH_PARTS.match(text, content_start, le):
            # a resolution of the list whose parts follow it, marked otherwise: one decision ("2. Approved the next
            # steps:" / "a. To agree …"); a lead-in above the first resolution introduces the list instead
            items.append((number, content_start, le))
            parts_of = _marker_kind(number) if marked else "none"
            continue
        if len(line_text) < 90 and (
            _LEAD_IN.match(line_text) or (not items and _leads_a_list(text, line_text, lines, k))
        ):
            continue  # "Resolved that the Panel:", "That Cabinet:" introduce the list that follows
        # an adverbial phrase ("In view of the Chair's absence, to elect …") stays in the text, the verb after it
        # says whether the line is a decision
        content = text[_after_adverbial(text, content_start, le) : le].lstrip(_QUOTE_MARKS)
        if not marked and items and content[:1].islower() and text[items[-1][2] - 1] not in ".;:":
            n, cs, _ = items[-1]  # "… be" / "approved as an accurate record.": the decision goes on
            items[-1] = (n, cs, le)
            continue
        if (
            items
            and not marked
            and len(content) < 80
            and re.match(r"(?i)(?:the|these|all)\s+", content)
            and _RECOMMENDATIONS_AGREED.match(content, content.find(" ") + 1)
        ):
            continue  # "The recommendations were agreed.": the list above is what was decided
        starts = by_head or _DECISION_VERB.match(content) or rules().strong.match(content)
        if marked and not starts and _is_title(content):
            return items, raw_start  # "2. Monitoring Visit", "45. Work programme": the next item's title
        if marked or starts:
            inline = _inline_items(text, body_start, le) or _inline_items(text, content_start, le)
            items.extend(inline or _coordinated(text, number, content_start, le))
        elif items and content[:1].islower():  # continuation of the previous decision
            n, cs, _ = items[-1]
            items[-1] = (n, cs, le)
        else:
            return items, raw_start  # prose after the resolutions: the section is over
    return items, s.end


# A resolution that ends in a colon, its parts listed below it: "That the following next steps be approved:".
_RESOLUTION_WITH_PARTS = re.compile(
    r"(?i)that\s[^:.;]{0,100}?\b(?:be|is|are)\s+(?:approved|agreed|noted|endorsed|adopted|accepted|supported)\b[^:.;]{0,40}:\s*$"
)


# Two resolutions run into one sentence: "… to note the findings; and that the plan be shared with members."
_AND_THAT = re.compile(r"(?i);\s+(?:and\s+)?(?=(?:that|to)\s+\w)")


def _coordinated(text: str, number: str | None, start: int, end: int) -> list[Item]:
    """The resolutions of one line: each clause after "; and that …" / "; and to …" is one of its own when the
    line opens with "that" or "to" ("to note …; and that …" → two)."""
    head = text[start : start + 5].lower()
    if not (head.startswith("that ") or head.startswith("to ")):
        return [(number, start, end)]
    out: list[Item] = []
    for m in _AND_THAT.finditer(text, start, end):
        out.append((number, start, m.start() + 1))
        start = m.end()
    out.append((number, start, end))
    return out


def _is_title(content: str) -> bool:
    """Whether a numbered line is an agenda item's title, not a decision: short, capitalised, without a stop
    ("2. Monitoring Visit", "45. Work programme")."""
    content = content.rstrip()
    return len(content) < 90 and (
        bool(_TITLE_LINE.match(content.rstrip(" ."))) or (content[:1].isupper() and content[-1:] not in ".;:,")
    )


def _after_head(text: str, ls: int, le: int, *, first: bool) -> tuple[int, bool] | None:
    """``(where a line's decision starts, whether a heading gave it)``: after a bare heading word ("RESOLVED –",
    "Decision:", "AGREED:", keeping "that"/"to"); at the line's start when the heading has a subject or is a verb
    ("The Board RESOLVED to note …", "It was AGREED that …", "Agreed that …", kept as written). None for a heading
    alone on its line."""
    line = text[ls:le]
    head = _SECTION_HEAD.match(line)
    if head is None:
        return ls, False
    rest = line[head.end() :].strip()
    if not rest or re.fullmatch(r"(?i)(?:(?:that|to)\b)?\s*[:;,\-–—]?", rest):
        return None if first or head.group("punct") or rest else (ls, False)
    bare = not head.group("subject") and (
        head.group("punct")
        or re.match(r"(?i)resolved|resolutions?\b|outcome\b|decisions?\b|recommendations?\b", head.group("kw"))
    )
    if bare and (first or head.group("punct") or re.match(r"(?i)(?:that|to)\b", rest)):
        return ls + head.end(), True
    return ls, bool(first or head.group("subject") or head.group("punct"))


def _after_adverbial(text: str, start: int, end: int) -> int:
    """``start``, or where the resolution starts after an adverbial phrase ("Following the Chair's apology, to
    appoint …")."""
    r = rules()
    m = r.adverbial.match(text[start:end])
    if m is None:
        return start
    rest = text[start + m.end() : end]
    if _DECISION_VERB.match(rest) or r.strong.match(rest) or r.weak.match(rest):
        return start + m.end()
    return start


def _leads_a_list(text: str, line: str, lines: list[Line], k: int) -> bool:
    """Whether a short line that ends without a full stop introduces the numbered list on the next line ("That
    Members of the Board" above "1) note …")."""
    if k + 1 >= len(lines) or line.rstrip()[-1:] in ".;" or len(line.split()) > 8 or _NUMBER.match(line):
        return False
    return _marker(text, *_unpiped(text, lines[k + 1][0], lines[k + 1][1]))[2]


# Inline list markers "(1) … (2) …", "(i) … (ii) …", "a) … b) …" after the start or a space, before a word.
_INLINE_MARK = re.compile(r"(?:^|(?<=\s))\(?(?P<n>\d{1,2}|[a-hA-H]|[ivx]{1,4}|[IVX]{1,4})\)\s+(?=[A-Za-z])")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def _inline_items(text: str, start: int, end: int) -> list[Item]:
    """The items of a list run into one line ("(1) That … (2) That …", "That the Panel (i) notes …; (ii) endorses
    …"): markers that count up from 1, a or i. A lead-in before the first marker ("That the Panel") is dropped, as
    under a heading. Empty when the line holds no such list."""
    seq: list[re.Match[str]] = []
    for m in _INLINE_MARK.finditer(text, start, end):
        n = m.group("n")
        if not seq:
            if n in {"1", "a", "i", "A", "I"}:
                seq.append(m)
            continue
        if _next_marker(seq[-1].group("n"), n):
            seq.append(m)
    if len(seq) < 2:
        return []
    lead = text[start : seq[0].start()].strip()
    if len(lead) > 120 or (lead and not re.match(r"(?i)^(?:that\b|to\b|the\b|[\w’'-]+\s*$)", lead)):
        return []
    out: list[Item] = []
    for k, m in enumerate(seq):
        stop = seq[k + 1].start() if k + 1 < len(seq) else end
        out.append((m.group("n"), m.end(), trim(text, m.end(), stop)[1]))
    return out


def _next_marker(prev: str, n: str) -> bool:
    if prev.isalpha() and n.isalpha() and prev.isupper() == n.isupper():
        prev, n = prev.lower(), n.lower()
    if prev.isdigit():
        return n.isdigit() and int(n) == int(prev) + 1
    if prev in _ROMAN and n in _ROMAN and _ROMAN.index(n) == _ROMAN.index(prev) + 1:
        return True
    return len(prev) == 1 and len(n) == 1 and prev.isalpha() and ord(n) == ord(prev) + 1


# ------------------------------------------------------------------------------------------ no heading

Unit = tuple[str | None, int, int, bool]  # (number, content start, end, marked)


def _headless_items(doc: Doc, s: Segment, *, strong_only: bool = False, minuted: bool = False) -> list[Item]:
    """The resolutions of a segment with no decision heading: its paragraphs and list items that open like a
    resolution (strongly anywhere; weakly when closing the item or in a list of resolutions; list openers only in
    such a list)."""
    text = doc.text
    units = _units(doc, s)
    if not units:
        return []
    openings = [_opening(text, cs, e, infinitive=minuted) for _, cs, e, _ in units]
    for k, (_, cs, e, _) in enumerate(units):
        # "Cabinet is RECOMMENDED to approve …" right above "Recommendation agreed.": what was proposed was decided
        if openings[k] is None and rules().proposal.match(text[cs:e]) and _proposal_agreed(text, units[k + 1 : k + 4]):
            openings[k] = ("strong", cs)
    # a run: consecutive list items, (first, last) unit; a list of resolutions when every item opens like one
    runs: list[tuple[int, int]] = []
    for k, unit in enumerate(units):
        # the next item's title ("46. Work programme" under "45.2 The Committee noted …") is no part of the list
        title = unit[3] and openings[k] is None and _is_title(text[unit[1] : unit[2]])
        if k and unit[3] and units[k - 1][3] and not title:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    run_of = [run for run in runs for _ in range(run[0], run[1] + 1)]
    agreed = _agreed_sublists(text, units) if not strong_only else set()
    leads, predicates, parts = _predicate_lists(text, units)  # a frame as sure as a strong opener
    noted = _noted_sublists(text, units)
    items: list[Item] = []
    for k, ((number, cs, end, marked), opening) in enumerate(zip(units, openings, strict=True)):
        if k in leads or k in parts:
            continue  # "The Committee:" names who decided what the list below says; a sub-list is part of its item
        if (
            k + 1 < len(units)
            and not units[k + 1][3]
            and _titles(text, units[k], units[k + 1][1])
            and (opening is None or opening[0] != "strong")
        ):
            continue  # "2. Notes of the previous meeting" above its minutes: the item's title
        if k in noted:
            continue  # "The panel noted the following:" / "• That the overall judgement was …": a point noted
        if k in agreed or k in predicates:
            items.append((number, cs, end))
            continue
        if opening is None:
            continue
        strength, start = opening
        if strong_only and strength != "strong":
            continue
        first, last = run_of[k]
        listed = marked and all(openings[j] is not None for j in range(first, last + 1))
        # the last item of the item's closing list, or its closing paragraph, or one of the paragraphs that all open
        # like resolutions and close it ("The Board noted the letter." / "The Board approved the plan." / "5. AOB")
        closing = k == last and (_closes_item(doc, end) or _closing_run(openings, units, k, doc))
        # right under a label that the segmenter took for no heading ("Decision number:", "Decision reference:")
        labelled = k > 0 and _DECISION_LABEL.match(text, units[k - 1][1], units[k - 1][2]) is not None
        if strength == "strong" or listed or labelled or (closing and (strength == "weak" or marked)):
            items.append((number, start, end))
    return items


# A label line of a decision's field, its value on the next line: "Decision:", "Decision number:", "Outcome:".
_DECISION_LABEL = re.compile(
    r"(?i)(?:decisions?|resolutions?|resolved|outcome)(?:\s+(?:number|no\.?|ref(?:erence)?\.?|taken|made|details))?"
    r"\s*:[ \t|]*$"
)
# A line that says the recommendation above it was agreed: "Recommendation agreed.", "Recommendations were approved."
_PROPOSAL_AGREED = re.compile(
    r"(?i)(?:the\s+)?recommendations?\s+(?:(?:was|were|is|are)\s+)?(?:duly\s+|unanimously\s+)?"
    r"(?:agreed|approved|accepted|adopted|endorsed|carried)\b[^.]{0,40}\.?$"
)


def _proposal_agreed(text: str, below: list[Unit]) -> bool:
    """Whether one of the lines ``below`` a recommendation says it was agreed, before another recommendation."""
    for _, cs, end, _ in below:
        if rules().proposal.match(text[cs:end]):
            return False
        if _PROPOSAL_AGREED.match(text[cs:end].strip()):
            return True
    return False


# A line that says what follows was agreed: "3. The following points were also agreed:", "It was agreed that:".
_AGREED_LEAD_IN = re.compile(
    r"(?i)\b(?:agreed|resolved|decided|approved|endorsed)\b[^.]{0,60}:\s*$|^(?:the\s+)?following\s+(?:actions|points)\s+(?:were\s+)?(?:agreed|decided)"
)


# A line that says what follows was noted: "The panel noted the following:", "Members noted the following points:".
_NOTED_LEAD_IN = re.compile(r"(?i)\bnoted\s+the\s+following\b[^.:]{0,30}:\s*$")


def _noted_sublists(text: str, units: list[Unit]) -> set[int]:
    """The list items under a line that says they were noted ("The panel noted the following:" above "• That the
    overall judgement was …", "• There were no areas …"): points of the discussion that were noted, no resolutions."""
    out: set[int] = set()
    for k, (_number, cs, end, _marked) in enumerate(units):
        if end - cs > 140 or not _NOTED_LEAD_IN.search(text, cs, end):
            continue
        for j in range(k + 1, len(units)):
            if not units[j][3]:
                break
            out.add(j)
    return out


@cache
def _subject_lead_in() -> re.Pattern[str]:
    """A line that names who decided, the list below it saying what ("The Committee:", "The Cabinet Member:",
    "RESOLVED: That the Children and Families Policy Committee:-"): a body's name or a deciding post (capitalised
    words, connectors, commas, ending in a head word: "Committee", "Member", "Leader", …, a post's "for …" after it)
    or "Members", after an optional resolution word and "That", ending in a colon or a dash ("Actions:" is none)."""
    heads = meeting_rules().body_heads
    post = r"Member|Leader|Mayor|Director|Chair|Chairman|Chairwoman|Officer|Commissioner"
    return re.compile(
        r"(?:(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed|decided)(?:\s*,?\s*(?:unanimously|by\s+a\s+majority))?\s*[:;,\-–—]?\s*)?"
        r"(?:that\s+)?(?:the\s+)?(?:members|councillors|(?:(?-i:[A-Z])[\w’'&-]*,?[ \t]+(?:(?:and|of|for|the|in|on|to|&|[-–—])[ \t]+)*){0,10}"
        rf"(?-i:{heads}|(?:{post})(?:\s+(?:for|of)\s+(?-i:[A-Z])[\w’'&-]*(?:,?\s+(?:(?-i:[A-Z])[\w’'&-]*|and|&|the|of|for))*)?))\s*(?::\s*[-–—]?|[-–—])\s*$",
        re.I,
    )


def _predicate_lists(text: str, units: list[Unit]) -> tuple[set[int], set[int], set[int]]:
    """``(lead-ins, items, parts)``: the lines that name who decided ("The Committee:"), the list items under each
    that go on with its sentence, in lower case or with a verb of deciding ("• noted the outcome …;", "(b) agrees the
    actions …", "2. Approved the plan."), and the items of a sub-list under one of them, marked otherwise ("a. To
    agree …" under "2. Approved the next steps:"), which are part of it. The frame is the sentence's: subject above,
    one predicate an item."""
    leads: set[int] = set()
    items: set[int] = set()
    parts: set[int] = set()
    for k, (_number, cs, end, _marked) in enumerate(units):
        if end - cs > 140 or text[end - 1] not in ":-–—" or not _subject_lead_in().match(text, cs, end):
            continue
        run: list[int] = []
        nested: list[int] = []
        for j in range(k + 1, len(units)):
            n, jcs, jend, marked = units[j]
            if run and marked and _marker_kind(n) != _marker_kind(units[run[0]][0]):
                nested.append(j)  # "a. To agree …" under "2. Approved the next steps:": a sub-list, part of its item
                continue
            if not marked or not rules().predicate.match(text[jcs:jend]):
                break
            run.append(j)
        if run:
            leads.add(k)
            items.update(run)
            parts.update(nested)
    return leads, items, parts


def _marker_kind(number: str | None) -> str:
    """The kind of a list marker: "digit" ("2.", "2.1"), "roman" ("iv)"), "letter" ("b.") or "bullet"."""
    if number is None:
        return "bullet"
    if number[0].isdigit():
        return "digit"
    return "roman" if len(number) > 1 or number.lower() in ("i", "v") else "letter"


# A table row's first cell that labels the next as what was decided: "| Decision | That …".
_ROW_LABEL = re.compile(r"(?i)(?:decisions?|resolved|resolutions?|outcome)\s*\|\s*(?=\S)")


def _agreed_sublists(text: str, units: list[Unit]) -> set[int]:
    """The units of a list that a line saying they were agreed introduces ("3. The following points were also
    agreed:" above "i. For a breakdown … to be circulated", "ii. Councillor Example to meet …"): its list items up
    to the first that is not one, or that is marked like the lead-in (the next item of the outer list)."""
    out: set[int] = set()
    for k, (number, cs, end, _marked) in enumerate(units):
        if not _AGREED_LEAD_IN.search(text, cs, end):
            continue
        outer = number.isdigit() if number else None
        for j in range(k + 1, len(units)):
            n, _, _, marked = units[j]
            if not marked or (outer is not None and n is not None and n.isdigit() == outer):
                break
            out.add(j)
    return out


# A label inside a line, after an item's title, that opens what the meeting said or decided (a table's cells run into
# one line): "You Matter to Us - Performance Minutes: The Director …".
_INLINE_LABEL = re.compile(r"(?<=\S\s)(?-i:Minutes|Resolved|RESOLVED|Decision|Decisions|DECISION)\s*:\s+(?=\S)")


def _units(doc: Doc, s: Segment) -> list[Unit]:
    """The paragraphs and list items of a segment: each line, a line that starts lower case continuing the one
    before; the heading word of the segment's first line ("Minutes:") left out."""
    text = doc.text
    units: list[Unit] = []
    prev_start = s.start
    heading = segment_rules()["headings"].get(s.kind)
    for k, (raw_start, raw_end, _) in enumerate(doc.lines_in(s.start, min(s.end, doc.limit))):
        ls, le = _unpiped(text, raw_start, raw_end)
        if ls >= le:
            continue
        if k == 0 and heading is not None and (h := heading.match(text[ls:le])) and h.end():
            ls += h.end()
            while ls < le and text[ls] in " \t:;-–—":
                ls += 1
            if ls >= le:
                continue
        row = _ROW_LABEL.match(text, ls, le)
        if row is not None:  # a table row "| Decision | That the report be noted. |"
            ls = row.end()
        label = _INLINE_LABEL.search(text, ls, le)
        if label is not None and "." not in text[ls : label.start()]:
            ls = label.end()  # a flattened table's row: "Minutes of the last meeting Minutes: The minutes of …"
            units.append((None, ls, le, False))
            prev_start = ls
            continue
        number, cs, marked = _marker(text, ls, le)
        if (
            not marked
            and units
            and (
                text[ls].islower()
                or (_wrapped(text, prev_start, units[-1][2], ls) and not _titles(text, units[-1], ls))
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


def _titles(text: str, unit: Unit, nxt: int) -> bool:
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


_ASSENT = re.compile(r"(?i)^\S+(?:\s+\S+){0,3}?\s+(?:to\s+)?(?:this|that|it|these|those|so)\s*[.!]?\s*$")


def _opening(text: str, start: int, end: int, *, infinitive: bool = False) -> tuple[str, int] | None:
    """``(strength, where the resolution starts)`` when ``text[start:end]`` opens like a resolution: "strong",
    "weak" or "list" (see ``rules/decisions.toml``)."""
    r = rules()
    while start < end and text[start] in _QUOTE_MARKS:
        start += 1
    phrase_start = start
    start = _after_adverbial(text, start, end)
    content = text[start:end]
    if len(content) < 100 and content.rstrip()[-1:] in ":-–—":
        return None  # "That the Council:", "Members RESOLVED as follows:", "The Board agreed the following:" lead in
    if r.strong.match(content):
        if content[:4].lower() == "that" and len(content.split()) < 5:
            return None
        return "strong", start
    if r.weak.match(content):
        if _ASSENT.search(content) or r.reported.match(text[phrase_start:end]):
            return None  # "The panel agreed to this.": assent to what came before, no resolution of its own
        if content[:3].lower() == "to ":
            # an infinitive records a resolution in the minutes; above them it is what the item proposes
            return (
                ("weak", phrase_start) if infinitive else None
            )  # "Following the Chair's apology, to appoint …": the phrase is the resolution's
        return "weak", start
    if r.listed.match(content):
        return "list", start
    return None


#: A label of one to three words on its own line, opening the next part of the item ("Actions:", "Next steps:").
_LABEL_LINE = re.compile(r"^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2}\s*:$")
#: A document's size in a link ("Download: Minutes 12.12.23 (PDF 312Kb)").
_FILE_SIZE = re.compile(r"(?i)\b(?:PDF|DOCX?)\s*[\d.,]+\s*[KM]B\b")


def _closing_run(openings: list[tuple[str, int] | None], units: list[Unit], k: int, doc: Doc) -> bool:
    """Whether the paragraphs after unit ``k`` (unmarked, in its segment) all open like resolutions, the last of them
    closing the item."""
    j = k + 1
    while j < len(units) and not units[j][3] and openings[j] is not None:
        j += 1
    return j > k + 1 and _closes_item(doc, units[j - 1][2])


def _closes_item(doc: Doc, end: int) -> bool:
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
            _, cs, _ = _marker(text, ls, le)
            return _opening(text, cs, le) is None
        r = segment_rules()
        if r["lines"]["item_number"].match(line) or r["lines"]["item_header"].match(line):
            return True
        if any(r["lines"][key].match(line) for key in MEETING_LINES):
            return True
        heading = r["any_heading"].match(line)
        if heading is not None:  # the next section; the item's resolutions may still follow under their heading
            return heading.lastgroup not in _DECISION_SECTIONS
        if _LABEL_LINE.match(line):
            label = True  # "Actions:" opens the next part of the item
            continue
        if _FILE_SIZE.search(line):
            return True  # "Download: Minutes (PDF 312Kb)" is the page's furniture
        return len(line) < 100 and line[-1] not in '.;:,!?”"’)' and not line[0].islower()
    return True


# ------------------------------------------------------------------------------------------ one decision


def _decision(
    doc: Doc, cs: int, ce: int, number: str | None, kind: str, unanimous: bool | None
) -> DecisionCandidate | None:
    """The decision ``text[cs:ce]`` (trimmed of page clutter and quote marks), unless it is too short; procedural
    business is typed so."""
    r = rules()
    text = doc.text
    m = r.clutter.search(text, cs, ce)
    while m is not None and m.start() > cs:
        ce = m.start()
        m = r.clutter.search(text, cs, ce)
    while cs < ce and text[cs] in _QUOTE_MARKS + " \t":
        cs += 1
    while ce > cs and text[ce - 1] in '”"’ \t':
        ce -= 1
    decision_text = clean(text[cs:ce])
    if len(decision_text) < 8 or r.back_reference.match(decision_text):
        return None
    if r.procedural.search(decision_text[:300]):
        kind = "procedural"
    return DecisionCandidate(
        decision_text, doc.evidence(cs, ce), number, _outcome(decision_text, kind), kind, unanimous
    )


def _outcome(text: str, kind: str) -> str | None:
    best = None
    for key, pattern in rules().outcomes:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), key)
    if best is None:
        return "recommended" if kind == "recommendation" else None
    return best[1]
