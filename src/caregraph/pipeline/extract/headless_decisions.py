"""Resolutions with no heading, in minutes items, agenda-item and decision pages.

:func:`headless_items` reads a segment's paragraphs and list items: one that opens like a resolution ("That …",
"RESOLVED to …", "It was agreed that …", "The Panel resolved to …", "The minutes of the meeting held on … were approved
…") wherever it stands; one that opens more weakly ("The Committee noted that …", "Members endorsed the report.") when
it closes its item or sits in a list whose every item opens like a resolution; list openers ("1. Notes the progress
…") only in such a list. Also the items under a line that says they were agreed ("3. The following points were also
agreed:"), the items under a line that names who decided ("The Committee:", "RESOLVED: That the Schools Forum:-"),
each going on with its sentence ("• noted the outcome …;"), with a sub-list under one of them as part of it; a
recommendation put to the meeting ("Cabinet is RECOMMENDED to approve …") when a line below says it was agreed (past
"Additional documents:" and its links, or as a heading "Recommendations Agreed"); a resolution right under a decision
field's label ("Decision number:"); the closing sentence of a discussion that says what was resolved ("… Following a
discussion, it was agreed that …"). A paragraph that ends in a colon leads in to what follows and closes nothing. The
items under "… noted the following:" or "… spoke in support of the Motion:" are points noted or made, and a weak
opener after "In response to questions," answers them: none is a resolution.
"""

from __future__ import annotations

import re
from functools import cache

from caregraph.pipeline.extract.decision_lines import (
    Item,
    Unit,
    closes_item,
    is_title,
    is_title_above,
    marker_kind,
    section_units,
)
from caregraph.pipeline.extract.decision_rules import resolution_opening, rules
from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.meeting_rules import FULL_DAY, WEEKDAY
from caregraph.pipeline.extract.meeting_rules import rules as meeting_rules
from caregraph.pipeline.extract.patterns import finditer_at_words, found_at_words, may_hold
from caregraph.records import Segment


def headless_items(doc: Doc, s: Segment, *, strong_only: bool = False, minuted: bool = False) -> list[Item]:
    """The resolutions of a segment with no decision heading: its paragraphs and list items that open like a
    resolution (strongly anywhere; weakly when closing the item or in a list of resolutions; list openers only in
    such a list)."""
    text = doc.text
    units = section_units(doc, s)
    if not units:
        return []
    openings = [resolution_opening(text, cs, e, infinitive=minuted) for _, cs, e, _ in units]
    for k, (_, cs, e, _) in enumerate(units):
        # "Cabinet is RECOMMENDED to approve …" right above "Recommendation agreed.": what was proposed was decided
        if openings[k] is None and rules().proposal.match(text[cs:e]) and _proposal_agreed(doc, e):
            openings[k] = ("strong", cs)
    # a run: consecutive list items, (first, last) unit; a list of resolutions when every item opens like one
    runs: list[tuple[int, int]] = []
    for k, unit in enumerate(units):
        # the next item's title ("46. Work programme" under "45.2 The Committee noted …") is no part of the list
        title = unit[3] and openings[k] is None and is_title(text[unit[1] : unit[2]])
        if k and unit[3] and units[k - 1][3] and not title:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    run_of = [run for run in runs for _ in range(run[0], run[1] + 1)]
    if not minuted:
        _infinitives_listed(text, units, openings, runs)
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
            and is_title_above(text, units[k], units[k + 1][1])
            and (opening is None or opening[0] != "strong")
        ):
            continue  # "2. Notes of the previous meeting" above its minutes: the item's title
        if k in noted:
            continue  # "The panel noted the following:" / "• That the overall judgement was …": a point noted
        if k in agreed or k in predicates:
            items.append((number, cs, end))
            continue
        if opening is None:
            # "… Following a discussion, it was agreed that three candidates be shortlisted." closing the item: the
            # discussion's last sentence is its resolution
            last_sentence = None if strong_only else _closing_resolution(doc, cs, end)
            if last_sentence is not None:
                items.append((number, last_sentence, end))
            continue
        strength, start = opening
        if strong_only and strength != "strong":
            continue
        first, last = run_of[k]
        listed = marked and all(openings[j] is not None for j in range(first, last + 1))
        # the last item of the item's closing list, or its closing paragraph, or one of the paragraphs that all open
        # like resolutions and close it ("The Board noted the letter." / "The Board approved the plan." / "5. AOB")
        # (a paragraph that ends in a colon leads in to what follows it: it closes nothing)
        closing = (
            k == last and text[end - 1] != ":" and (closes_item(doc, end) or _closing_run(openings, units, k, doc))
        )
        # right under a label that the segmenter took for no heading ("Decision number:", "Decision reference:")
        labelled = k > 0 and _DECISION_LABEL.match(text, units[k - 1][1], units[k - 1][2]) is not None
        if strength == "strong" or listed or labelled or (closing and (strength == "weak" or marked)):
            items.append((number, start, end))
    return items


#: The verb of an infinitive that states what is done, after its "to" ("to receive", "to note"; not "to be …").
_VERB_AFTER_TO = r"\s+(?!be\b)[a-z]+\b"
_INFINITIVE = re.compile(rf"[Tt]o{_VERB_AFTER_TO}")


def _infinitives_listed(
    text: str, units: list[Unit], openings: list[tuple[str, int] | None], runs: list[tuple[int, int]]
) -> None:
    """An item of a list opening with an infinitive ("5. To receive update reports quarterly.") is a resolution
    when at least two other items open like one and every item does but for such infinitives ("1. That the report
    be noted."): a list of resolutions mixes the two forms (``openings`` is completed in place)."""
    for first, last in runs:
        others = [j for j in range(first, last + 1) if openings[j] is not None]
        if len(others) < 2 or len(others) == last - first + 1:
            continue
        missing = [j for j in range(first, last + 1) if openings[j] is None]
        if all(_INFINITIVE.match(text, units[j][1], units[j][2]) for j in missing):
            for j in missing:
                openings[j] = ("weak", units[j][1])


#: A sentence that says what the meeting resolved, after the discussion that led to it: "Following a discussion, it
#: was agreed that …", "It was resolved to …", "RESOLVED that …" (not "That …", which a sentence may open otherwise).
_SAID_RESOLVED = re.compile(
    r"(?:[A-Z][^,.;:]{0,80},\s*)?"
    r"(?P<said>it\s+was\s+(?:unanimously\s+|therefore\s+|then\s+)?(?:resolved|agreed|decided)|(?-i:RESOLVED|AGREED))"
    r"\s*(?:that|to)\s",
    re.I,
)


def _closing_resolution(doc: Doc, start: int, end: int) -> int | None:
    """Where the resolution in the last sentence of a paragraph that closes its item starts, when that sentence says
    what was resolved ("… Following a discussion, it was agreed that three candidates be shortlisted." → "it was
    agreed …"); None otherwise."""
    text = doc.text
    para = text[start:end]
    if end - start < 40 or ("it was" not in para.lower() and "RESOLVED" not in para and "AGREED" not in para):
        return None  # (a quick test before the sentences)
    spans = list(doc.sentences_in(start, end))
    if len(spans) < 2:
        return None
    said = _SAID_RESOLVED.match(text, *spans[-1])
    if said is None or not closes_item(doc, end):
        return None
    return said.start("said")  # "it was agreed that …", the phrase of what led to it left out


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


def _proposal_agreed(doc: Doc, pos: int) -> bool:
    """Whether one of the few lines below a recommendation that ends at ``pos`` says it was agreed, before another
    recommendation or the next agenda item; lines between, such as "Additional documents:" and the links under it,
    and a heading that the line itself may be ("Recommendations Agreed") do not part them."""
    text = doc.text
    items = [(s.start, s.end) for s in doc.segments if s.kind in ("item", "meeting") and s.end > pos]
    for n, (start, _end, line) in enumerate(doc.lines_in(pos, min(len(text), doc.limit))):
        if n >= _AGREED_REACH or any(a <= start < b for a, b in items):
            return False
        if rules().proposal.match(line):
            return False
        if _PROPOSAL_AGREED.match(line.strip()):
            return True
    return False


#: How many lines below a recommendation the line that says it was agreed may stand.
_AGREED_REACH = 6


# A line that says what follows was agreed: "3. The following points were also agreed:", "It was agreed that:".
_AGREED_LEAD_IN = re.compile(
    r"(?i)\b(?:agreed|resolved|decided|approved|endorsed)\b[^.]{0,60}:\s*$|^(?:the\s+)?following\s+(?:actions|points)\s+(?:were\s+)?(?:agreed|decided)"
)


# A line that says what follows was noted or said: "The panel noted the following:", "Members noted the following
# points:", "The mover and seconder spoke in support of the Motion:", "Members commented as follows:", "The following
# comments were made:" (not a line that says they were agreed).
_NOTED_LEAD_IN = re.compile(
    r"(?i)^(?![^\n]*\b(?:resolved|agreed|decided|approved)\b)[^\n]*(?:\bnoted\s+the\s+following\b"
    r"|\b(?:spoke|speaking)\s+(?:in\s+(?:support|favour)\s+of|against|on|to)\b"
    r"|\b(?:said|commented|stated|remarked|argued|observed|raised|highlighted|asked|queried)\b"
    r"|\b(?:comments|points|questions|observations|issues)\s+(?:were|was)\s+(?:made|raised)\b)[^.:]{0,60}:\s*$"
)


def _ends_in_colon(text: str, start: int, end: int) -> bool:
    """Whether the last character of ``text[start:end]`` that is not white space is a colon: what a match of
    :data:`_NOTED_LEAD_IN` or of the first branch of :data:`_AGREED_LEAD_IN` (":", white space, the end) needs, a
    quick test before them (speed only)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] == ":"


def _noted_sublists(text: str, units: list[Unit]) -> set[int]:
    """The list items under a line that says they were noted ("The panel noted the following:" above "• That the
    overall judgement was …", "• There were no areas …"): points of the discussion that were noted, no resolutions."""
    out: set[int] = set()
    for k, (_number, cs, end, _marked) in enumerate(units):
        if end - cs > 140 or not _ends_in_colon(text, cs, end) or not _NOTED_LEAD_IN.search(text[cs:end]):
            continue
        for j in range(k + 1, len(units)):
            if not units[j][3]:
                break
            out.add(j)
    return out


#: A day in figures: "12/03/2024", "12.03.2024".
_FIGURES_DAY = r"\d{1,2}[./]\d{1,2}[./](?:19|20)?\d\d"


@cache
def _subject_lead_in() -> re.Pattern[str]:
    """A line that names who decided, the list below it saying what ("The Committee:", "The Cabinet Member:",
    "RESOLVED: That the Children and Families Policy Committee:-"): a body's name or a deciding post (capitalised
    words, connectors, commas, ending in a head word: "Committee", "Member", "Leader", …, a post's "for …" after it)
    or "Members", after an optional resolution word and "That" or a phrase of what led to it ("Following discussion,
    the Committee:"), with the day it decided or not ("The Cabinet on 12 March 2024:"), ending in a colon or a dash
    ("Actions:" is none)."""
    heads = meeting_rules().body_heads
    post = r"Member|Leader|Mayor|Director|Chair|Chairman|Chairwoman|Officer|Commissioner"
    return re.compile(
        r"(?:(?:following|after|in\s+light\s+of|having\s+\w+)\b[^,.;:]{1,60},\s*)?"  # "Following discussion, the Committee:"
        r"(?:(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed|decided)(?:\s*,?\s*(?:unanimously|by\s+a\s+majority))?\s*[:;,\-–—]?\s*)?"
        r"(?:that\s+)?(?:the\s+)?(?:members|councillors|(?:(?-i:[A-Z])[\w’'&-]*,?[ \t]+(?:(?:and|of|for|the|in|on|to|&|[-–—])[ \t]+)*){0,10}"
        rf"(?-i:{heads}|(?:{post})(?:\s+(?:for|of)\s+(?-i:[A-Z])[\w’'&-]*(?:,?\s+(?:(?-i:[A-Z])[\w’'&-]*|and|&|the|of|for))*)?))"
        # … with the day it decided: "The Cabinet on 12 March 2024:", "The Panel, at its meeting on 4 June 2024:"
        rf"(?:,?\s+(?:at\s+(?:its|their)\s+meeting\s+)?(?:on|of|held\s+on)\s+{WEEKDAY}(?:{FULL_DAY}|{_FIGURES_DAY}),?)?"
        r"\s*(?::\s*[-–—]?|[-–—])\s*$",
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
            if run and marked and marker_kind(n) != marker_kind(units[run[0]][0]):
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


def _agreed_sublists(text: str, units: list[Unit]) -> set[int]:
    """The units of a list that a line saying they were agreed introduces ("3. The following points were also
    agreed:" above "i. For a breakdown … to be circulated", "ii. Councillor Example to meet …"): its list items up
    to the first that is not one, or that is marked like the lead-in (the next item of the outer list)."""
    out: set[int] = set()
    for k, (number, cs, end, _marked) in enumerate(units):
        if not (cs == 0 or _ends_in_colon(text, cs, end)) or not _AGREED_LEAD_IN.search(text, cs, end):
            continue  # (the test first, speed only: its "^" holds only at the text's start, else it ends in a colon)
        outer = number.isdigit() if number else None
        for j in range(k + 1, len(units)):
            n, _, _, marked = units[j]
            if not marked or (outer is not None and n is not None and n.isdigit() == outer):
                break
            out.add(j)
    return out


def _closing_run(openings: list[tuple[str, int] | None], units: list[Unit], k: int, doc: Doc) -> bool:
    """Whether the paragraphs after unit ``k`` (unmarked, in its segment) all open like resolutions, the last of them
    closing the item."""
    j = k + 1
    while j < len(units) and not units[j][3] and openings[j] is not None:
        j += 1
    return j > k + 1 and closes_item(doc, units[j - 1][2])


# ------------------------------------------------------------------------------ decisions reported in prose

#: A decision a news story or a summary reports in a sentence, not a list: the passive "it was (unanimously) agreed
#: (by councillors) that …" and "A recommendation was (also) agreed that …" (the decision starts at the subject), or
#: a body that "agreed / voted / resolved / decided to …" (see :func:`_reporting_subject`).
_REPORTED_CUE = re.compile(  # (the look-ahead, on what a match can start with, is for speed)
    r"(?i)(?=[ardvpcb])\b(?:agreed|resolved|decided|voted|approved|passed|carried|backed|accepted|decisions?\s+(?:was|were))\b"
)
#: The words of :data:`_REPORTED_CUE` (lower case); every match of :data:`_MINUTES_CONFIRMED` holds "minutes".
_REPORTED_WORDS = (
    "agreed", "resolved", "decided", "voted", "approved", "passed", "carried", "backed", "accepted", "decision"
)  # fmt: skip
_ADVERBS = r"(?:\s+(?:also|further|then|unanimously|formally|subsequently|jointly|overwhelmingly))*"
_REPORTED_PASSIVE = re.compile(
    rf"(?i)\b(?P<start>it|(?-i:A|An|The)\s+(?:further\s+)?(?:recommendation|motion|proposal|amendment))\s+was{_ADVERBS}"
    r"\s+(?:agreed|resolved|decided|approved|passed|carried|backed|accepted)(?:\s+by\s+[^,.;:]{1,40}?)?\s+(?:that|to)\s+(?=\w)"
    # … and the decision named as made: "Decisions were made to provide feedback …", "The decision was taken to …"
    rf"|\b(?P<made>(?-i:(?:A|The|Two|Three|Several)\s+(?:[a-z]+\s+)?decisions?|Decisions?))\s+(?:was|were){_ADVERBS}"
    r"\s+(?:made|taken|reached)(?:\s+by\s+[^,.;:]{1,40}?)?\s+(?:that|to)\s+(?=\w)"
)
#: "… agreed to A; to B; and to C": the verb, then (past an adverbial phrase of when or where: "agreed at its meeting
#: on October 21 to note …") the first infinitive or "that".
_REPORTED_ACTIVE = re.compile(
    rf"(?i)\b(?P<verb>agreed|voted|resolved|decided){_ADVERBS}"
    r"(?:\s+(?:by\s+)?\d{1,3}(?:\s+votes?)?\s*(?:to|-|–)\s*\d{1,3}(?:,\s*with\s+\d{1,3}\s+abstentions?,?)?)?"  # "voted 30 to 12"
    r"(?P<gap>\s+(?:at|on|in|during|following|after|last|this|by)\b(?:[^.;:!?]|(?<=\d)\.(?=\d)){1,60}?)?"
    r"\s+(?P<comp>to\s+(?!(?:be|this|that|these|those|it|them|the|a|an|its|their|all|any|some|each|both|which|what)\b)(?-i:[a-z])+|that)\b"
)
#: A sentence that says the minutes were confirmed ("The minutes were signed as an accurate record.", "The minutes of
#: the last meeting were agreed as a correct record and signed by the Chair.", "The minutes of the Executive meeting,
#: held on 9 February, were submitted and approved."), at a sentence's start or after a
#: heading or a paragraph's number run into the line ("2. MINUTES 2.1 The minutes of … were confirmed as a correct
#: record.", "Item 2 Minutes The minutes of …"), not inside a sentence ("… noted that the minutes …"): the
#: meeting's procedural decision. A full stop inside figures ("held on 24.06.2021") ends no sentence.
_MINUTES_CONFIRMED = re.compile(
    r"(?<![\w,;])(?:(?-i:The)|(?<!(?-i:[a-z,;]) )(?-i:the))\s+(?:(?:revised|amended|draft|public|confidential)\s+)?minutes\b(?:[^.;:]|(?<=\d)\.(?=\d)){0,160}?\b(?:were|was)\s+(?:(?:duly|unanimously|then|also|formally)\s+)?"
    r"(?:(?:submitted|received|presented|considered)\s+(?:and|&)\s+)?"
    r"(?:(?:agreed|approved|confirmed|signed|accepted)(?:\s+(?:and|&)\s+(?:agreed|approved|confirmed|signed))?"
    # "… as a correct record", or nothing more: "… were submitted and approved.", "… were approved and signed by …"
    r"(?:\s+as\s+an?\s+(?:correct|accurate|true|full)\b|(?=\s*(?:[.;]|$)|\s+(?:and\s+signed|by\s+the)\b))"
    r"|(?:correctly|accurately|properly)\s+recorded\b)",
    re.I,
)
#: A "that" clause of a short subject and a verb of being, not of what shall be done ("… decided that this approach was
#: insufficient"), nor of a course chosen ("… agreed that the best way forward was for the panel to review …").
_VIEW = re.compile(
    r"(?i)(?:\s+(?!(?:should|would|will|shall|must|be|could|might|may)\b)[^\s.;:]+){1,4}?\s+(?:was|were|is|are|had|has|have)\s+(?!for\b|to\b)"
)
_EARLIER_MEETING = re.compile(r"(?i)\b(?:last|previous|earlier|an\s+earlier|a\s+previous)\s+meeting\b")
#: A "that" clause that states what is so ("… agreed that the report was helpful"), not what shall be done ("… that a
#: review should be held", "… that the group be re-established"): a verb of being before any modal.
_OPINION = re.compile(
    r"(?i)(?:\s+(?!(?:should|would|will|shall|must|be|could|might|may)\b)[^\s.;:]+){0,10}?\s+(?:was|were|is|are|had|has|have)\b"
)
#: Where a further infinitive of the same decision list starts: "…; to seek …", "…; and to agree …"; a list's items
#: are parted by semicolons, its last by "and" too ("to note A; to seek B and to agree C"), but "to provide A and to
#: seek B" with no semicolon is one decision in one sentence.
_NEXT_INFINITIVE = re.compile(rf"\s*;\s*(?:and\s+)?(?=to{_VERB_AFTER_TO})")
_LAST_INFINITIVE = re.compile(rf",?\s+and\s+(?=to{_VERB_AFTER_TO})")


#: Lower-case words that do not name a body before its head word: "the chair of the panel" is a post, "the report to
#: the committee" a report.
_NOT_MODIFIERS = r"(?:of|to|the|for|and|in|on|at|by|with|from|chair|chairman|vice-chair|member|report|letter|plan)"


@cache
def _reporting_subject() -> re.Pattern[str]:
    """The subject at a sentence's start that makes its "agreed to …" a meeting's decision: a body ("The Children's
    Scrutiny Panel", "The committee", "The council's executive", "Cabinet"), councillors or members; an adverbial
    phrase may come first ("On Tuesday, …"); a body's members ("Cabinet members voted …", "Scrutiny committee
    councillors agreed …"). Not a council, which acts as the organisation, nor a name that goes on ("The Executive
    Director", "The cabinet member")."""
    heads = meeting_rules().body_heads
    # capitalised words before the head, or a few in lower case as news writes them ("the scrutiny committee")
    body = rf"(?-i:(?:[A-Z][\w’'&-]*\s+(?:(?:and|&|of|for|in|on|the)\s+)*){{0,8}}|(?:(?!{_NOT_MODIFIERS}\b)[a-z][\w’'-]*\s+){{1,4}}){heads}"
    return re.compile(
        rf"(?i)(?:[^,.;:]{{0,80}},\s+)?(?P<subject>(?:the\s+)?(?:(?P<body>(?:county\s+|city\s+|borough\s+)?council['’]s\s+{heads}|{body})(?:\s+(?:members|councillors)(?![\w'’-]))?|councillors|members))(?![\w'’-])(?!\s+(?-i:[A-Z])|\s+member\b)"
    )


def reported_decisions(doc: Doc) -> list[Item]:
    """The decisions a page reports in sentences ("it was unanimously agreed by councillors that …", "A
    recommendation was also agreed that …", "The committee … and agreed to re-establish the group", "The council's
    executive agreed at its meeting on October 21 to note the report; to seek a further report …; and to agree …",
    "The minutes were signed as an accurate record."), one a decision, a list of infinitives one each; not one of an
    earlier meeting ("At a previous meeting, Cabinet agreed …"). Read on a page whose text has no resolution of
    another form."""
    text = doc.text
    low = text[: doc.limit].lower() if doc.folds_simply else None  # (for the word pre-checks: speed only)
    if low is None:
        reported = _REPORTED_CUE.search(text, 0, doc.limit) is not None
    else:  # (tried only where one of its words starts: speed only)
        reported = found_at_words(_REPORTED_CUE, text, 0, len(low), low, _REPORTED_WORDS)
    if not reported and (
        (low is not None and "minutes" not in low) or _MINUTES_CONFIRMED.search(text, 0, doc.limit) is None
    ):
        return []
    items: list[Item] = []
    passive = _REPORTED_PASSIVE.finditer(text, 0, doc.limit) if may_hold(low, _REPORTED_PASSIVE) else ()
    for m in passive:
        _, end = doc.sentence_around(m.start(), m.end())
        if text[m.end() - 5 : m.end()].lower().startswith("that") and _VIEW.match(text, m.end() - 1, end):
            continue  # "it was subsequently decided that this approach was insufficient": a view, not a decision
        items.extend(_infinitives(text, m.start("start") if m.group("start") else m.start("made"), m.end(), end))
    for m in _MINUTES_CONFIRMED.finditer(text, 0, doc.limit) if may_hold(low, _MINUTES_CONFIRMED) else ():
        _, end = doc.sentence_around(m.start(), m.end())
        while end > m.start() and text[end - 1] in " \t\n":
            end -= 1
        items.append((None, m.start(), end))
    # (tried only where one of its verbs starts: speed only)
    for m in finditer_at_words(_REPORTED_ACTIVE, text, 0, doc.limit, low, _ACTIVE_VERBS):
        if any(a <= m.start() < b for _, a, b in items):
            continue
        start, end = doc.sentence_around(m.start(), m.end())
        subject = _reporting_subject().match(text, start, m.start())
        earlier = _EARLIER_MEETING.search(m.group("gap") or "") or _EARLIER_MEETING.search(text, start, m.start())
        if subject is None and not m.group("gap") and _goes_on(text, start, m.start(), items):
            # "The committee agreed that … . They also agreed to include …": the body of the decision just before
            items.extend(_infinitives(text, start, m.start("comp"), end))
            continue
        if subject is None or _is_council_subject(subject) or earlier:
            continue  # not a body's decision; one of an earlier meeting ("agreed at its last meeting to …", "At a
            # previous meeting, Cabinet agreed …")
        if m.group("comp").lower() == "that" and _OPINION.match(text, m.end("comp"), end):
            continue  # "Members agreed that the report was helpful": a view shared, not a decision
        # "agreed to re-establish …" as written; past a phrase of when ("agreed at its meeting on … to note …") the
        # decisions are the infinitives
        first = m.start("comp") if m.group("gap") else m.start("verb")
        joined = _FIRST_ACT.match(text, subject.end(), m.start())
        if joined is not None and not m.group("gap"):
            # "The committee requested a report on … and agreed to add …": the first act is a decision of its own
            items.append((None, subject.start("subject"), joined.end("act")))
        elif not m.group("gap") and not text[subject.end() : m.start()].strip():
            first = subject.start("subject")  # "The committee agreed to support …": the sentence as written
            lead = text.rfind(" the ", first, m.start())
            if lead > first and not text.startswith(("The ", "the "), first):
                first = lead + 1  # "On Tuesday the Cabinet agreed …": the subject is "the Cabinet"
        items.extend(_infinitives(text, first, m.start("comp"), end))
    # a sentence cut off after its verb ("… the Commission agreed that" over a page break) says no decision
    items = [i for i in items if not _DANGLING.search(text, i[1], i[2])]
    return sorted(items, key=lambda i: i[1])


#: A body's first act, before "and" and the verb of a reported decision: "The committee requested a report on … and
#: agreed to …", "Members noted the update and voted to …" (what was asked for, noted or endorsed).
_FIRST_ACT = re.compile(
    r"(?i)\s+(?P<act>(?:requested|noted|endorsed|welcomed|recommended|supported|approved|received|commissioned)\s"
    r"[^.;:!?]{3,200}?)\s*,?\s+and\s+$"
)
#: A pronoun that stands for the body of the sentence before: "They also agreed to …", "It further resolved that …".
_SAME_BODY = re.compile(r"(?i)(?:they|it)(?:\s+(?:also|further|then|additionally))?\s+$")


def _goes_on(text: str, start: int, verb: int, items: list[Item]) -> bool:
    """Whether the sentence at ``start`` goes on with the decisions of the one before it: its subject a pronoun
    right before its verb at ``verb``, and a reported decision ending right before it."""
    return _SAME_BODY.fullmatch(text, start, verb) is not None and any(
        b <= start and not text[b:start].strip(" \t\n.") for _, _, b in items
    )


#: The words a match of :data:`_REPORTED_ACTIVE` starts with (lower case).
_ACTIVE_VERBS = ("agreed", "voted", "resolved", "decided")


#: A reported decision that ends at its complement, its content cut off: "agreed that", "decided to".
_DANGLING = re.compile(r"(?i)\b(?:that|to)[\s,:;.–—-]*\Z")


def _is_council_subject(subject: re.Match[str]) -> bool:
    body = subject.group("body")
    return body is not None and body.lower().split()[-1] == "council" and body.lower() != "full council"


def _infinitives(text: str, start: int, comp: int, end: int) -> list[Item]:
    """The decision from ``start`` to the sentence's ``end``; one per infinitive of a list ("to A; to B; and to C")
    after the complement at ``comp``."""
    while end > start and text[end - 1] in " \t\n.":
        end -= 1
    cuts = [(m.start(), m.end()) for m in _NEXT_INFINITIVE.finditer(text, comp + 3, end)]
    if cuts:  # "…; to seek B and to agree C": the list's last item
        cuts += [(m.start(), m.end()) for m in _LAST_INFINITIVE.finditer(text, cuts[-1][1], end)][:1]
    out: list[Item] = []
    for a, b in cuts:
        out.append((None, start, a))
        start = b
    out.append((None, start, end))
    return out
