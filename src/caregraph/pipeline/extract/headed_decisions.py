"""The items of a decision section: the list under "RESOLVED", "Decision:", "Recommendations", "Recommended –", "The
Board is asked to:"; the record's fields among them ("98/2019", "Is Key Decision?: Yes") are passed over.

:func:`section_items` reads the items numbered, lettered, roman or bulleted, one a line or run into one line ("(1)
That … (2) That …"), or started by a decision verb, with their continuation lines; a lead-in line ("Resolved that the
Panel:", "That Cabinet:") is passed over, and a resolution keeps an adverbial phrase it opens with ("In view of the
Chair's absence, to elect …"). A resolution that ends in a colon ("That the following steps be approved:") takes the
parts listed below it; "to note …; and that …" is two. The list ends at the next agenda item's title ("2. Monitoring
Visit"), at prose, or at a section such as "Alternative options considered"; where it ended is returned, so that the
rest of the section is read as text with no heading (:mod:`.headless_decisions`).
"""

from __future__ import annotations

import re
from functools import cache

from caregraph.pipeline.extract.decision_lines import NUMBER, Item, is_title, marker, marker_kind, unpiped
from caregraph.pipeline.extract.decision_rules import (
    DECISION_VERB,
    QUOTE_MARKS,
    RECOMMENDATIONS_AGREED,
    after_adverbial,
    rules,
)
from caregraph.pipeline.extract.doc import Doc, Line, trim
from caregraph.pipeline.extract.meeting_rules import rules as meeting_rules
from caregraph.pipeline.segment import PARAGRAPH_NUMBER
from caregraph.records import Segment

_SECTION_HEAD = re.compile(
    r"^(?P<subject>(?:the\s+)?[^.:;]{0,80}?,?\s+(?:it\s+was\s+)?|it\s+was\s+)?(?:unanimously\s+)?(?P<kw>resolved|(?:decisions?|recommendations?)(?:\s*\(s\))?(?:\s+(?:made|taken|agreed|approved|accepted|endorsed))?|resolutions?(?:\s*\(s\))?|outcome(?=\s*:)|recommended|agreed|(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to)\s*(?:,?\s*\(?(?:unanimously|by\s+a\s+majority)\)?\s*,?\s*)?(?P<punct>[:;,|\-–—]\s*)?",
    re.I,
)
# What is left of a heading line that only introduces the list: "Resolved that the Panel:", "That Cabinet:",
# "RESOLVED that Cabinet -".
_LEAD_IN = re.compile(
    r"^[“\"]?(?:that\s+)?(?:the\s+)?(?:[\w’'&-]+\s+){0,5}?[\w’'&-]+\s*(?:[:\-–—]|,?\s+(?:be|is|are)\s+(?:asked|recommended|requested|invited)\s+to\s*:?)\s*$",
    re.I,
)


def section_items(doc: Doc, s: Segment) -> tuple[list[Item], int]:
    """The decision items of a decision section (the numbered items or those a decision verb starts, with their
    continuation lines) until the list ends, and where it ended (the section's end when it ran to it)."""
    text = doc.text
    lines = list(doc.lines_in(s.start, s.end))
    items: list[Item] = []
    parts_of: str | None = None  # the marker kind of a resolution whose parts are listed below it
    numbered_head = False  # the heading has a paragraph number of the minutes ("47.2  It was RESOLVED to:")
    for k, (raw_start, raw_end, _) in enumerate(lines):
        ls, le = unpiped(text, raw_start, raw_end)
        if ls >= le or _TABLE_HEAD.match(text, ls, le):
            continue  # (a table's header row: "Minute | Decision")
        if (cell := _NUMBER_CELL.match(text, ls, le)) is not None:
            ls = cell.end()  # "45 | That the plan be approved.": the row's minute number is no word of its decision
        if (paragraph := PARAGRAPH_NUMBER.match(text, ls, le)) is not None:
            if numbered_head and items:
                return items, raw_start  # "47.3  The Council's services were judged good …": the next paragraph
            numbered_head = not items and _SECTION_HEAD.match(text[paragraph.end() : le]) is not None
        if _REFERENCE_LINE.match(text, ls, le) or _FIELD_LINE.match(text, ls, le):
            continue  # "98/2019", "Decision No. CAB/45/2020", "Is Key Decision?: Yes": the record's fields, no decision
        headed = _after_head(text, ls, le, first=k == 0)
        if headed is None:
            continue  # a heading alone on its line
        body_start, by_head = headed
        line_text = text[body_start:le]
        number, content_start, marked = marker(text, body_start, le)
        if parts_of is not None:
            if marked and marker_kind(number) != parts_of:
                continue  # "· That a detailed action plan is prepared." under "That the following steps be approved:"
            parts_of = None
        if (items and _RESOLUTION_WITH_PARTS.match(text, content_start, le)) or _RESOLUTION_WITH_CONDITIONS.match(
            text, content_start, le
        ):
            # a resolution of the list whose parts follow it, marked otherwise: one decision ("2. Approved the next
            # steps:" / "a. To agree …"); a lead-in above the first resolution introduces the list instead
            items.append((number, content_start, le))
            parts_of = marker_kind(number) if marked else "none"
            continue
        if len(line_text) < 90 and (
            _LEAD_IN.match(line_text) or (not items and _leads_a_list(text, line_text, lines, k))
        ):
            if items and not marked and not _decider_lead_in().search(line_text):
                return items, raw_start  # "Matters arising:" below the resolutions: another heading, not who decided
            continue  # "Resolved that the Panel:", "That Cabinet:" introduce the list that follows
        # an adverbial phrase ("In view of the Chair's absence, to elect …") stays in the text, the verb after it
        # says whether the line is a decision
        content = text[after_adverbial(text, content_start, le) : le].lstrip(QUOTE_MARKS)
        if not marked and items and content[:1].islower() and text[items[-1][2] - 1] not in ".;:":
            n, cs, _ = items[-1]  # "… be" / "approved as an accurate record.": the decision goes on
            items[-1] = (n, cs, le)
            continue
        if (
            items
            and not marked
            and len(content) < 80
            and re.match(r"(?i)(?:the|these|all)\s+", content)
            and RECOMMENDATIONS_AGREED.match(content, content.find(" ") + 1)
        ):
            continue  # "The recommendations were agreed.": the list above is what was decided
        starts = (
            by_head
            or DECISION_VERB.match(content)
            or rules().strong.match(content)
            or (s.kind in _DECIDED and _INFINITIVE.match(content))
        )
        if marked and not starts and is_title(content):
            return items, raw_start  # "2. Monitoring Visit", "45. Work programme": the next item's title
        if items and not marked and _next_item_title(text, items[-1][2], raw_start, le):
            return items, raw_start  # "To confirm that the items marked Part II …" well below: the next item's title
        if marked or starts:
            inline = _inline_items(text, body_start, le) or _inline_items(text, content_start, le)
            items.extend(inline or _coordinated(text, number, content_start, le))
        elif items and content[:1].islower():  # continuation of the previous decision
            n, cs, _ = items[-1]
            items[-1] = (n, cs, le)
        else:
            return items, raw_start  # prose after the resolutions: the section is over
    return items, s.end


#: The sections that record what was decided ("Decision:", "RESOLVED"): under them an infinitive of any verb opens a
#: decision ("To award a contract for …", "To commission an independent review …"), not only the verbs a resolution
#: commonly takes; not "To be confirmed", "To follow".
_DECIDED = frozenset({"decision", "resolved"})
_INFINITIVE = re.compile(r"(?i:to)[ \t]+(?!(?i:be|follow|come)\b)(?-i:[a-z]{3,})[ \t]+(?:\w|[“\"‘'])")


#: A line that holds only a decision's reference: "98/2019", "CAB 45/2020", "Decision No. 12/21", "Ref: EX/2023/07",
#: or a record's label and its code ("Cabinet Decision Record D100122", "Executive Decision Notice No. ED-2024-07").
_REFERENCE_LINE = re.compile(
    r"(?i)(?:(?:decision|resolution|minute|ref(?:erence)?)\.?(?:[ \t]+(?:no\.?|number|ref\.?))?[ \t]*[:.]?[ \t]*)?"
    r"(?:[A-Z]{1,6}[ \t/-]?)?\d{1,4}(?:[ \t]*/[ \t]*\d{1,4}){1,2}[ \t]*$"
    r"|(?i:(?:[\w’'&-]+[ \t]+){0,4}(?:decision|resolution|minute)s?[ \t]+(?:record|notice|reference|ref\.?|no\.?|number)"
    r"(?:[ \t]+(?:no\.?|number|ref\.?))?[ \t]*[:.]?[ \t]*)[A-Z]{0,6}[ \t/-]?\d[\w/.-]*[ \t]*$"
)
#: A table's header row of short labels, one of them the decision's: "Minute | Decision", "No. | Resolution | Reason".
_TABLE_HEAD = re.compile(
    r"(?i)(?:[\w.’']+(?:[ \t]+[\w.’']+){0,2}[ \t]*\|[ \t]*){1,3}(?:decisions?|resolutions?|recommendations?|outcomes?)"
    r"(?:[ \t]*\|[ \t]*[\w.’']+(?:[ \t]+[\w.’']+){0,2}){0,2}[ \t]*$"
    r"|(?:decisions?|resolutions?|recommendations?)(?:[ \t]*\|[ \t]*[\w.’']+(?:[ \t]+[\w.’']+){0,2}){1,3}[ \t]*$"
)
#: A table row's first cell that holds only the minute's or the decision's number: "45 |", "CAB 12/24 |" (not a year).
_NUMBER_CELL = re.compile(
    r"(?!(?:19|20)\d\d[ \t]*\|)(?:[A-Z]{1,6}[ \t/-]?)?\d{1,4}(?:[./]\d{1,4}){0,2}[a-z]?\.?[ \t]*\|[ \t]*(?=\S)"
)
#: A form's field with a question or a yes-or-no value: "Is Key Decision?: Yes", "Is Callable In?: No", "Exempt: No".
_FIELD_LINE = re.compile(r"[A-Z][^:.\n]{0,60}\?[ \t]*:|[A-Z][\w’' -]{0,60}:[ \t]*(?i:yes|no|none|n/?a|nil)[ \t.]*$")


@cache
def _decider_lead_in() -> re.Pattern[str]:
    """What makes a lead-in line introduce resolutions: a word of deciding or proposing ("Resolved that the Panel:",
    "That:", "Cabinet is asked to:") or who decides (a body's head word, "Members", a post), not a heading of other
    business ("Matters arising:", "Actions:", "Updates:")."""
    heads = meeting_rules().body_heads
    return re.compile(
        r"(?i)\b(?:that|resolved|resolves|agreed|agrees|decided|decides|recommend\w*|asked|invited|requested|members|"
        rf"councillors|member|leader|mayor|director|(?-i:{heads}))\b"
    )


def _next_item_title(text: str, prev_end: int, start: int, end: int) -> bool:
    """Whether an unmarked line well below the last resolution (two blank lines or more between them, as a flattened
    agenda-and-minutes page sets its items apart) that ends without a full stop is the next agenda item's title
    ("To confirm that the items marked as Part II will be considered in private"), not a resolution."""
    if text.count("\n", prev_end, start) < 3:
        return False
    return text[start:end].rstrip()[-1:] not in '.;:,”"’)'


# A resolution that ends in a colon, its parts listed below it: "That the following next steps be approved:".
_RESOLUTION_WITH_PARTS = re.compile(
    r"(?i)that\s[^:.;]{0,100}?\b(?:be|is|are)\s+(?:approved|agreed|noted|endorsed|adopted|accepted|supported)\b[^:.;]{0,40}:\s*$"
)


#: A resolution whose conditions are listed below it, even as the first line: "That the minutes be agreed subject to:"
#: over "i. an amendment to …" (the amendments are no decisions of their own).
_RESOLUTION_WITH_CONDITIONS = re.compile(
    r"(?i)that\s[^:.;]{0,100}?\b(?:be|is|are)\s+(?:approved|agreed|confirmed|signed|accepted)\b[^:.;]{0,40}?"
    r"(?:\bsubject\s+to|\bwith\s+the\s+following\s+(?:amendments?|changes?|corrections?)|\bas\s+follows)\s*:\s*$"
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


def _after_head(text: str, ls: int, le: int, *, first: bool) -> tuple[int, bool] | None:
    """``(where a line's decision starts, whether a heading gave it)``: after a bare heading word ("RESOLVED –",
    "Decision:", "AGREED:", keeping "that"/"to"); at the line's start when the heading has a subject or is a verb
    ("The Board RESOLVED to note …", "It was AGREED that …", "Agreed that …", kept as written). None for a heading
    alone on its line."""
    line = text[ls:le]
    head = _SECTION_HEAD.match(line)
    if head is None and (numbered := PARAGRAPH_NUMBER.match(line)):  # "28.2  It was RESOLVED to –"
        head = _SECTION_HEAD.match(line[numbered.end() :])
        if head is not None:
            ls, line = ls + numbered.end(), line[numbered.end() :]
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


def _leads_a_list(text: str, line: str, lines: list[Line], k: int) -> bool:
    """Whether a short line that ends without a full stop introduces the numbered list on the next line ("That
    Members of the Board" above "1) note …")."""
    if k + 1 >= len(lines) or line.rstrip()[-1:] in ".;" or len(line.split()) > 8 or NUMBER.match(line):
        return False
    return marker(text, *unpiped(text, lines[k + 1][0], lines[k + 1][1]))[2]


# Inline list markers "(1) … (2) …", "(i) … (ii) …", "a) … b) …" after the start or a space, before a word.
#: A marker of a list run into one line: "(1)", "a)", "(iv)", or a number and a full stop before "That" or "To"
#: ("Resolved:- 1. That … 2. That …").
_INLINE_MARK = re.compile(
    r"(?:^|(?<=\s))\(?(?P<n>\d{1,2}|[a-hA-H]|[ivx]{1,4}|[IVX]{1,4})(?:\)|(?<=\d)\.(?=\s+(?:That|To)\b))\s+(?=[A-Za-z])"
)
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
