"""Inspections, visits and reviews placed in time, with their kind, dates, judgement and sub-judgements.

Matching (:func:`match_inspections`) reads the scanned text sentence by sentence. In each sentence it finds the
kind cues of the kinds table (the first cue that matches a span claims it; a cue that names a framework or a
condition is none; another service's inspection, a children's home's or a youth justice service's, is of kind
"other") and the anaphors "the inspection", "Ofsted's visit", "inspectors, who visited …", which take the kind last
named (the title's too). Dates go to cues nearest first, one each; a meeting's date or another thing's ("launched
in May 2023") goes to none. Each cue with a date becomes a draft with its start and end, the publication date of its
report, focus, sequence number, inspectorate, and whether it is planned; a cue with only its report's publication
date ("Ofsted will publish its report tomorrow on the inspection …", "the Commissioner's report, issued in March
2021") is an event known by that date alone. A generic mention ("Ofsted inspection") takes the kind its sentence
gives (a framework it names, "Ofsted and the CQC" with "SEND": the context table), else the kind of the framework in
force at its date (at its publication date: the kind whose reports were published then); it and an Ofsted visit of
no stated kind are told by their length too (a two-day visit since 2018 is a focused visit). A date in another cell
of a table row, a grade left behind ("up from 'Requires Improvement' in 2019") and a meeting's date are no cue's. Judgements
(:mod:`.judgements`) stated with their own date ("rated 'good' in 2018", "published today, Ofsted rated …") are read
with the inspection of that date, making one when the sentence names none; grades in flattened tables are read after
the sentences.

Merging (:func:`~caregraph.pipeline.extract.inspection_merge.merge_inspections`) makes one record of the drafts of
one event and gives each grade to its inspection. The rules (``rules/inspections.toml``) are compiled by
:mod:`.inspection_rules`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date as _date
from typing import NamedTuple

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.dates import DateMention
from caregraph.pipeline.extract.doc import Doc, clean, evidence, folds_simply
from caregraph.pipeline.extract.inspection_merge import merge_inspections
from caregraph.pipeline.extract.inspection_rules import (
    GENERIC,
    ILACS,
    OTHER,
    SIF,
    Draft,
    is_publication,
    kind_by_date,
    may_hold,
    may_report_on,
    rules,
)
from caregraph.pipeline.extract.judgements import (
    JudgementMention,
    Located,
    find_judgements,
    judgement_date,
    judgement_dates,
    subject_council,
    table_judgements,
)
from caregraph.records import InspectionRecord, PartialDate, Segmented

__all__ = ["find_inspections", "is_publication", "match_inspections", "merge_inspections", "rules"]


# ------------------------------------------------------------------------------------------------ finder


def find_inspections(doc: Doc | Segmented, doc_date: PartialDate | None) -> list[InspectionRecord]:
    """Every inspection, visit or review the text places in time, with its kind, dates at the precision the text
    gives, judgement and sub-judgements, focus, sequence, and whether it is planned. ``doc_date`` anchors relative
    dates and tells planned inspections from past ones."""
    drafts, judgements = match_inspections(Doc.of(doc), doc_date)
    return merge_inspections(drafts, judgements, doc_date)


@dataclass
class _Reading:
    """What reading a sentence leaves for the next ones."""

    last_kind: dict[str, str | None] = field(default_factory=lambda: {"inspection": None, "visit": None})
    pending_sequence: tuple[str, int | None, int] | None = None  # a visit's number stated before its date
    consumed: set[int] = field(default_factory=set)  # grades a dated draft took in its own sentence
    last_grade: str | None = None  # the overall grade last stated, for "reached the same conclusion"
    other_before: bool = False  # the sentence before named another service's inspection
    main_council: str | None = None  # the council the page is about (its publisher, else the one it names most)


#: What every judging frame holds: a grade word (speed only; the first letters' lookahead lets it give up at once).
_MAY_GRADE = re.compile(r"(?i)(?=[goira])(?:good|outstanding|inadequate|improvement|adequate|\bRI\b)")


#: What every kind cue, anaphor and visit verb holds (its rules' ``needs``, "inspection", "visit", "Ofsted",
#: "inspectors", "HMI"): a sentence with none of them holds no mention of an event, only perhaps a grade (speed only).
_MAY_CUE = re.compile(
    r"(?i)(?=[ivrojsclpdwfamh])(?:inspect|visit|review|of(?:s|ts|st)(?:t?ed|ead)|jtai|joint\s+targeted|il[ac]{2}s|ilaas"
    r"|local\s+authority\s+children|\bsif\b|single\s+inspection|commissioner|peer|dfe|department\s+for\s+education"
    r"|weeks?\b|fortnight|annual|monitoring\s+letter|stocktake|hmi|watchdog|regulator)"
)
#: A word every match of :data:`_MAY_CUE` holds (lower case): a sentence whose lower case holds none has no match, so
#: the pattern is not tried (speed only; see :attr:`Doc.folds_simply` for when lower case tells).
_CUE_WORDS = (
    "inspect", "visit", "review", "ofs", "oft", "jtai", "joint", "ila", "ilc", "local", "sif", "single",
    "commissioner", "peer", "dfe", "department", "week", "fortnight", "annual", "monitoring", "stocktake", "hmi",
    "watchdog", "regulator",
)  # fmt: skip


def match_inspections(doc: Doc, doc_date: PartialDate | None) -> tuple[list[Draft], list[Located]]:
    """The drafts every sentence gives, and the grades not yet taken by a draft (each with its sentence)."""
    text = doc.text
    reading = _Reading()
    drafts: list[Draft] = []
    judgements: list[Located] = []
    headers = [(s.start, s.end) for s in doc.segments if s.kind == "meeting"]
    simple = doc.folds_simply
    for s_start, s_end in doc.sentences:
        if headers and any(hs <= s_start < he for hs, he in headers):
            continue  # "12/06/2015 - … response to the OFSTED inspection": the date is the decision's
        cue_words = not simple or _holds_any(text[s_start:s_end].lower(), _CUE_WORDS)
        may_cue = cue_words and _MAY_CUE.search(text, s_start, s_end) is not None
        if may_cue or _MAY_GRADE.search(text, s_start, s_end):
            _read_sentence(doc, doc_date, s_start, s_end, reading, drafts, judgements, may_cue, cue_words)
    judgements.extend(table_judgements(text, doc.limit, {j.start for j, _ in judgements}))
    _sif_by_its_areas(text, doc.limit, drafts)
    return drafts, [(j, span) for j, span in judgements if j.start not in reading.consumed]


def _holds_any(low: str, words: tuple[str, ...]) -> bool:
    return any(map(low.__contains__, words))


def _of_other_council(doc: Doc, j: JudgementMention, s_start: int, reading: _Reading) -> bool:
    """Whether the subject of ``j``'s judging frame names a council other than the page's ("… to follow Sefton
    Council, which was rated 'Good' in August"): a grade of that council's inspection, not of this page's."""
    named = subject_council(doc.text, j, s_start)
    if named is None:
        return False
    slugs = {slug for _, _, slug in gazetteer().find(named)}
    if not slugs:
        return False
    if reading.main_council is None:
        counts = Counter(slug for _, _, slug in gazetteer().find(doc.text, 0, doc.limit))
        reading.main_council = doc.declared_council or (counts.most_common(1)[0][0] if counts else "")
    return bool(reading.main_council) and reading.main_council not in slugs


def _sif_by_its_areas(text: str, limit: int, drafts: list[Draft]) -> None:
    """In the year the single inspection framework gave way to ILACS, a generic inspection of a page that names the
    SIF's own judgement areas ("Leadership, management and governance", "adoption performance") was a SIF one."""
    r = rules()
    first_ilacs = next((d for d, kind in r.kinds[GENERIC].by_date if kind == ILACS), None)
    if first_ilacs is None or not any(
        d.generic and d.kind == ILACS and d.start and d.start.year == first_ilacs.year for d in drafts
    ):
        return
    if r.sif_areas.search(text, 0, limit):
        for d in drafts:
            if d.generic and d.kind == ILACS and d.start and d.start.year == first_ilacs.year:
                d.kind = SIF


def _read_sentence(
    doc: Doc,
    doc_date: PartialDate | None,
    s_start: int,
    s_end: int,
    reading: _Reading,
    drafts: list[Draft],
    judgements: list[Located],
    may_cue: bool = False,
    cue_words: bool = True,
) -> None:
    """Add the drafts and judgements of the sentence ``s_start``–``s_end``; ``may_cue`` says the caller found
    :data:`_MAY_CUE` in it (in the text, which finds no more than the sentence on its own: it is searched again
    only when not, and only when ``cue_words``, which the caller sets false when no word of :data:`_CUE_WORDS` is
    in it)."""
    r = rules()
    text = doc.text
    sentence = text[s_start:s_end]
    cues, anaphors, frameworks = (
        _cues(text, s_start, s_end, reading.last_kind)
        if may_cue or (cue_words and _MAY_CUE.search(sentence))
        else ([], set(), [])
    )
    for _cs, _ce, kind in cues:
        k = r.kinds[kind]
        if k.anaphor == "inspection":
            reading.last_kind["inspection"] = GENERIC if k.framework == "by-date" else kind
        if k.anaphor == "visit":
            reading.last_kind["visit"] = kind
    # "HM Inspectorate of Probation inspected the service in April 2024. The service was rated good.": a sentence
    # that names no inspection and opens on the service just named grades that other service's inspection
    of_other = reading.other_before and not cues and _ANAPHORIC_SUBJECT.match(sentence) is not None
    reading.other_before = any(k == OTHER for _, _, k in cues)
    sentence_judgements = [
        replace(j, other_service=True)
        if of_other
        or _other_service(text, j.frame_start, j.frame_start, s_start, s_end)
        or _of_other_council(doc, j, s_start, reading)
        else j
        for j in find_judgements(text, s_start, s_end)
    ]
    same = r.same_grade.search(text, s_start, s_end) if reading.last_grade or sentence_judgements else None
    if same:  # "The 2013 inspection had reached the same conclusion": the grade last stated, carried forward
        stated = [j.grade for j in sentence_judgements if j.overall and j.end <= same.start() and not j.other_service]
        last = stated[-1] if stated else (reading.last_grade if not sentence_judgements else None)
        if last:  # the inspection it is carried to is named in or before the phrase
            sentence_judgements.append(JudgementMention(same.end(), same.end(), last, (), same.end()))
    overall = [j.grade for j in sentence_judgements if j.overall and not j.other_service]
    if overall and cues:  # "Ofsted rated the services good in a report published today": the grade's report
        cues = [c for c in cues if not (c[2] == GENERIC and r.report_subject.match(text, c[0]))]
    reading.last_grade = overall[-1] if overall else reading.last_grade
    judgements.extend((j, (s_start, s_end)) for j in sentence_judgements)
    planned_sentence = bool(r.planned.search(sentence))
    dates = (
        [d for d in _dates_of(doc, s_start, s_end, doc_date, planned_sentence) if not _others_date(text, d, cues)]
        if (cues or sentence_judgements)
        else []
    )
    context = _context_kind(sentence, cues, frameworks) if cues else None
    if context and any(r.kinds[k].framework == "by-date" for _, _, k in cues):
        reading.last_kind["inspection"] = context  # "The area was last inspected in 2018 … A revisit in March 2021"
    graded = any(not j.other_service for j in sentence_judgements)
    sentence_ = _Sentence(text, sentence, s_start, s_end, dates, planned_sentence, context, graded)
    used: set[int] = set()
    # "the fourth monitoring visit since the local authority was judged inadequate in 2021": the date is the
    # grade's, not the visit's
    judged = {id(d) for j in sentence_judgements if j.overall for d in judgement_dates(text, j, dates)}
    # "rated 'Good' in its latest inspection, up from 'Requires Improvement' in 2019": a grade left behind keeps its
    # date from every cue
    earlier = {id(d) for j in sentence_judgements if j.earlier for d in judgement_dates(text, j, dates)}
    _drafts_of_cues(sentence_, cues, anaphors, used, judged | earlier, earlier, doc_date, reading, drafts)
    _drafts_of_judgements(sentence_, sentence_judgements, used, reading, drafts)
    if (
        overall
        and any(_INDEFINITE.match(text, cs, ce) for cs, ce, _ in cues)
        and not any(d.sentence == (s_start, s_end) for d in drafts)
    ):
        # "An unannounced follow-up inspection in March formed the basis for a report which upgraded the service to
        # 'requires improvement'": the grade is of the event the sentence introduces, which it does not date; it
        # goes to no other inspection
        reading.consumed.update(j.start for j in sentence_judgements if j.overall and not j.other_service)


#: A mention that introduces an event rather than referring back to one: "an unannounced follow-up inspection".
_INDEFINITE = re.compile(r"(?i)(?:an?|another)\s")

#: A sentence opening on the service or inspection just named: "The service was rated good", "It was judged …".
_ANAPHORIC_SUBJECT = re.compile(r"(?i)\W*(?:(?:the|this|that|its)\s+(?:service|team|inspection|report)\b|it\b)")


def _dates_of(doc: Doc, s_start: int, s_end: int, doc_date: PartialDate | None, planned: bool) -> Sequence[DateMention]:
    """The dates of a sentence, a day or month without a year read as past or to come by the words before it: in a
    sentence that speaks of a plan, a date is read as to come unless a past event's words are nearer before it
    ("had been inspected by Ofsted between 27 February and 10 March and the report was due on 21 April": both
    past)."""
    if not planned:
        return doc.dates_in(s_start, s_end, doc_date, seasons=True)
    ahead = doc.dates_in(s_start, s_end, doc_date, future=True, seasons=True)
    if all(a.relative is False for a in ahead):
        return ahead  # no date that a plan reads otherwise
    was = {(d.start, d.end): d for d in doc.dates_in(s_start, s_end, doc_date, seasons=True)}
    return [
        was[(d.start, d.end)] if (d.start, d.end) in was and _past_before(doc.text, s_start, d.start) else d
        for d in ahead
    ]


_PAST_NEAR = re.compile(
    r"\b(?:had|took\s+place|carried\s+out|visited|inspected|undert(?:ook|aken)|completed|held|(?:was|were)(?:\s+(?:due|expected|planned|scheduled|anticipated))?)\b",
    re.I,
)


#: Words that tell an event as done: "had been inspected", "took place", "was rated".
_DONE = re.compile(
    r"(?i)\b(?:(?:had|has|have)\s+(?:been\s+)?(?:inspected|visited|rated|judged|graded|reviewed)|took\s+place"
    r"|(?:was|were)\s+(?:inspected|visited|rated|judged|graded|carried\s+out|undertaken|completed|held))\b"
)


def _past_before(text: str, s_start: int, pos: int) -> bool:
    """Whether the words just before ``pos`` tell a past event ("had been inspected between", "was due on") more
    nearly than a plan ("will take place in")."""
    lo = max(s_start, pos - 60)
    past = [m.end() for m in _PAST_NEAR.finditer(text, lo, pos)]
    if not past:
        return False
    plans = [m.end() for m in rules().planned.finditer(text, lo, pos)]
    return max(past) >= max(plans, default=-1)


class _Sentence(NamedTuple):
    text: str  # the document's
    sentence: str  # text[start:end]
    start: int
    end: int
    dates: Sequence[DateMention]
    planned: bool  # the sentence speaks of a plan
    context: str | None = None  # the kind a mention of no stated kind takes here (see _context_kind)
    graded: bool = False  # the sentence grades the council's services (overall or in one area)


Cue = tuple[int, int, str]  # (start, end, kind)


def _cues(
    text: str, s_start: int, s_end: int, last_kind: dict[str, str | None]
) -> tuple[list[Cue], set[int], list[str]]:
    """The kind cues of a sentence, in order, where the anaphors among them are, and the kinds whose framework (not
    an event) the sentence names. A cue whose subject is another service (a children's home, a school, a youth
    justice service) is an inspection of kind "other"."""
    r = rules()
    cues: list[Cue] = []
    frameworks: list[str] = []
    sentence = text[s_start:s_end]
    low = sentence.lower()
    simple = folds_simply(sentence)
    for (kind, pattern), words in zip(r.cue_kinds, r.cue_words, strict=True):
        if kind.needs and not any(map(low.__contains__, kind.needs)):
            continue
        if simple and words and not any(map(low.__contains__, words)):
            continue  # no word every cue of the kind holds (speed only)
        for m in pattern.finditer(text, s_start, s_end):
            if _overlaps(cues, m.start(), m.end()):
                continue
            if r.replaced_before.search(text, max(s_start, m.start() - 40), m.start()):
                continue  # "the new framework, which replaced the single inspection framework": out of force
            if not _an_event(text, m.start(), m.end(), s_start, s_end):
                frameworks.append(kind.key)  # "the new area SEND framework"
                continue
            key = kind.key
            if kind.framework != "joint" and _other_service(text, m.start(), m.end(), s_start, s_end):
                key = OTHER  # "Oak Lodge children's home was inspected by Ofsted": another service's inspection
            elif kind.framework == "by-date" and r.other_inspectorate.search(
                text, max(s_start, m.start() - 40), m.end()
            ):
                key = OTHER  # "HM Inspectorate of Probation had inspected the service": not an Ofsted framework's
            cues.append((m.start(), m.end(), key))
    named = bool(cues)
    anaphors: set[int] = set()
    for start, end, ref in _anaphors(text, s_start, s_end, last_kind, not named, list(cues), low if simple else None):
        if not _overlaps(cues, start, end):
            cues.append((start, end, ref))
            anaphors.add(start)
    for m in r.report_subject.finditer(text, s_start, s_end) if not cues else ():
        cues.append((m.start(), m.end(), GENERIC))  # "Ofsted criticised … in a report published in 2012"
    for m in r.ordinal_ellipsis.finditer(text, s_start, s_end) if cues else ():
        before = [c for c in cues if c[1] <= m.start()]
        if before and not _overlaps(cues, m.start(), m.end()):
            cues.append((m.start(), m.end(), max(before)[2]))  # "the first visit …, and the second in July"
            anaphors.add(m.start())
    cues.sort()
    return cues, anaphors, frameworks


def _context_kind(sentence: str, cues: list[Cue], frameworks: list[str]) -> str | None:
    """The kind a mention of no stated kind takes from its sentence, when the sentence names no kind itself: the
    one framework it names ("inspected under the new area SEND framework"), else the first row of the context table
    whose patterns are all in it ("inspected by Ofsted and the CQC" with "SEND" or "local area": a SEND area
    inspection)."""
    r = rules()
    if any(r.kinds[k].framework != "by-date" and k != OTHER for _, _, k in cues):
        return None
    if frameworks and len(set(frameworks)) == 1 and r.kinds[frameworks[0]].framework != "by-date":
        return frameworks[0]
    return next((key for key, patterns in r.context_kinds if all(p.search(sentence) for p in patterns)), None)


def _overlaps(cues: list[Cue], start: int, end: int) -> bool:
    return any(start < ce and cs < end for cs, ce, _ in cues)


def _an_event(text: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    """Whether the mention at ``start``–``end`` is of an event, not a framework or programme ("the ILACS
    framework"), a condition or a generality ("subject to an inspection", "every inspection")."""
    r = rules()
    return not (
        r.not_an_event.search(text[end : min(s_end, end + 40)])
        or r.not_an_event_before.search(text[max(s_start, start - 40) : start])
    )


def _anaphors(
    text: str,
    s_start: int,
    s_end: int,
    last_kind: dict[str, str | None],
    visits_of_no_kind: bool,
    in_sentence: Sequence[Cue] = (),
    low: str | None = None,
) -> list[Cue]:
    """The mentions of a sentence that refer back to the kind last named (in the sentence, among ``in_sentence``, or
    before it): "the inspection", "Ofsted's visit", "the 7 & 8 April 2020 visit" (an inspection before any kind is
    named is a generic one), and "inspectors, who visited
    on …" (with ``visits_of_no_kind``, one with no visit named before is an inspectorate's visit of kind "other").
    ``low``: the sentence in lower case, when it tells which words are in it (see :func:`may_hold`)."""
    r = rules()
    out: list[Cue] = []
    for m in r.anaphor.finditer(text, s_start, s_end) if may_hold(low, r.anaphor) else ():
        noun = m.group("word").lower()
        before = r.anaphor_before.search(text, max(s_start, m.start() - 80), m.start())
        if before is None and noun != "inspections":
            continue
        start = before.start() if before else m.start()
        if not _an_event(text, start, m.end(), s_start, s_end):
            continue
        word = "visit" if noun == "visit" else "inspection"
        # the kind named last before it, in its own sentence ("a monitoring visit in February and a further visit in
        # June") or an earlier one
        here = [c for c in in_sentence if c[1] <= start and r.kinds[c[2]].anaphor == word]
        ref = max(here)[2] if here else last_kind[word] or (GENERIC if word == "inspection" else None)
        if ref is None and (
            _BY_INSPECTORS.match(text, m.end(), s_end) or (before and _INSPECTORS_OWN.search(before.group(0)))
        ):
            ref = OTHER  # "following a visit by inspectors in 2019", "Ofsted's latest visit": of no stated kind
        if ref is not None:
            out.append((start, m.end(), OTHER if _other_service(text, start, m.end(), s_start, s_end) else ref))
    if last_kind["inspection"] or last_kind["visit"]:
        for m in r.report_anaphor.finditer(text, s_start, s_end) if may_hold(low, r.report_anaphor) else ():
            # "In their report published today (6 August) inspectors praise …": the report of the event last named
            ref = last_kind["inspection"] or last_kind["visit"]
            if ref is not None and not any(m.start() < e and s < m.end() for s, e, _ in out):
                out.append((m.start(), m.end(), ref))
    if _VISIT_WORD.search(text, s_start, s_end):
        # a visit of no stated kind takes the kind of the visit last named, else of the inspection last named
        # ("SEND inspection – outcome. Inspectors from Ofsted and the CQC visited …")
        named = last_kind["inspection"] if last_kind["inspection"] != GENERIC else None
        for m in r.visit_verb.finditer(text, s_start, s_end):
            ref = last_kind["visit"] or named or (OTHER if visits_of_no_kind else None)
            if ref is not None:
                out.append((m.start(), m.end(), ref))
    return out


#: After a visit of no stated kind, the inspectorate that made it: "a visit by inspectors", "a visit from Ofsted".
_BY_INSPECTORS = re.compile(r"(?i)\s+(?:by|from)\s+(?:the\s+)?(?:ofsted\b|(?:ofsted\s+)?inspectors\b|HMI\b)")

#: The inspectorate as a visit's possessor: "Ofsted's latest visit", "the inspectors' visit", "the watchdog's visit".
_INSPECTORS_OWN = re.compile(r"(?i)\b(?:ofsted|inspectors|HMI|watchdog|regulator)['’]s?\s")

_VISIT_WORD = re.compile(
    r"(?i)(?=[vrcsobw])(?:visited|visiting|returned|came\s+(?:back|to)|spent|on[\s-]?site|(?:been|were|was)\s+(?:in|at)\s)"
)


def _drafts_of_cues(
    s: _Sentence,
    cues: list[Cue],
    anaphors: set[int],
    used: set[int],
    judged: set[int],
    earlier: set[int],
    doc_date: PartialDate | None,
    reading: _Reading,
    drafts: list[Draft],
) -> None:
    """A draft for each cue that has a date of its own (an ungraded kind never takes a grade's date, no kind the date
    of a grade left behind: "rated 'Good' in its latest inspection, up from 'Requires Improvement' in 2019"), and the
    publication date of its report. Dates go to cues nearest first, one each (:func:`_assign`). A publication date
    loses to the event's own date and does not use up the cue ("published on 2 May 2023 after the visit on 4 and 5
    April 2023"); with no date of its own, the event is known by its report's publication date alone."""
    r = rules()
    text = s.text
    publications = {id(d) for d in s.dates if is_publication(text, d, s.start)}
    # a report's, letter's or findings' date is when it was published ("the inspector's findings in late April"): it
    # comes after the report's name, or right before it ("today's Ofsted report")
    reports = {
        ci
        for ci, (cs, ce, _) in enumerate(cues)
        if _REPORT.search(text, cs, ce) or _REPORT_FIRST.match(text, cs, ce) or _REPORT_AFTER.match(text, ce, s.end)
    }
    own: dict[int, list[DateMention]] = {}
    for ci, (cs, ce, kind) in enumerate(cues):
        if ci not in reports:
            ungraded = kind not in r.graded and kind not in r.graded_in_sentence
            taken = used | publications | (judged if ungraded else earlier)
            # "in 2014, under the single inspection framework, and in 2019 …": a framework named after "under" is
            # the framework of the event dated before it
            framed = _UNDER.search(text, max(s.start, cs - 12), cs) is not None
            own[ci] = [d for d in s.dates if id(d) not in taken and not (framed and d.start >= ce)]
    dates = _assign(text, cues, own)
    # "the LSCB had been reviewed by Ofsted alongside the inspection between …": the review shares the event's date
    alongside: set[int] = set()
    for ci, (_cs, ce, _) in enumerate(cues):
        nxt = ci + 1
        if ci not in dates and nxt in dates and _ALONGSIDE.fullmatch(text, ce, cues[nxt][0]):
            dates[ci] = dates[nxt]
            alongside.add(ci)
    used.update(id(d) for d in dates.values())
    theirs: dict[int, list[DateMention]] = {}
    for ci, (cs, ce, _) in enumerate(cues):
        if _SINCE.search(text, max(s.start, cs - 16), cs):
            continue  # "since the last inspection": a point the sentence counts from, not the event its report is of
        if ci in reports:  # "report (February 2024)", "letter published on …", "today's Ofsted report"
            theirs[ci] = [
                d
                for d in s.dates
                if id(d) not in used
                and (
                    (d.start >= ce and (id(d) in publications or _BESIDE_REPORT.fullmatch(text, ce, d.start)))
                    or r.publication_after.match(text, d.end, cs)
                    # "Last July, a DfE-commissioned report found …": the time the sentence opens on is the report's
                    or (_OPENING.fullmatch(text, s.start, d.start) and _FRONTED.fullmatch(text, d.end, cs))
                    or (cs <= d.start and d.end <= ce and id(d) in publications)  # "a report published today by"
                )
            ]
        else:
            theirs[ci] = [d for d in s.dates if id(d) in publications and id(d) not in used]
    published_dates = _assign(text, cues, theirs)
    for ci, (cs, ce, kind) in enumerate(cues):
        date, published = dates.get(ci), published_dates.get(ci)
        if date is not None and published is not None and not may_report_on(date.date, published.date):
            published = None  # "the 2019 inspection … the letter would be published in August 2021": another's
        if date is None and published is None and not s.planned and doc_date is not None and doc_date.month:
            published = _new_report(text, s.start, cs, doc_date)  # "inspectors said in a new SEND inspection"
        if date is None and published is None:
            if r.kinds[kind].anaphor == "visit" and cs not in anaphors:
                sm = r.sequence.search(text, max(s.start, cs - 30), min(s.end, ce + 10))
                if sm:
                    reading.pending_sequence = (kind, _sequence_number(sm), s.end)
            continue
        if published is not None:
            used.add(id(published))
        listed = [date, *_listed_after(s, date, used, cs, ce)] if date is not None else [None]
        for when in listed:
            draft = _cue_draft(s, kind, when, published, cs, ce, doc_date, cs in anaphors)
            if draft is None:
                continue
            if len(listed) > 1:
                draft.untold = False  # "inspections in 2016 and 2019": the council's series of full inspections
            draft.alongside = ci in alongside
            # "… the fourth monitoring visit since … . The visit took place on 11 and 12 July 2023"
            pending = reading.pending_sequence
            if (
                cs in anaphors
                and pending
                and pending[0] == draft.kind
                and draft.sequence is None
                and cs - pending[2] < 300
            ):
                draft.sequence = pending[1]
                reading.pending_sequence = None
            drafts.append(draft)


#: A report or inspection a dated news page calls new, as the source of what it reports: "inspectors said in a new
#: Area SEND inspection", "according to a newly published Ofsted report", "A new Ofsted report rates …" (the "new"
#: words; not "progress for a new full inspection", which is to come).
_NEW = r"(?:an?|the|its|their)\s+(?P<new>new|newly[\s-]published|just[\s-]published)\s+(?:[\w’'-]+\s+){0,2}?"
_NEW_AFTER_PREPOSITION = re.compile(rf"(?i)\b(?:in|according\s+to|from|by)\s+{_NEW}$")
_NEW_OPENING = re.compile(rf"(?i)\W*{_NEW}")


def _new_report(text: str, s_start: int, cs: int, doc_date: PartialDate) -> DateMention | None:
    """The page's date as the publication date of the event named at ``cs`` that its words call new, else None."""
    m = _NEW_AFTER_PREPOSITION.search(text, max(s_start, cs - 60), cs) or _NEW_OPENING.fullmatch(text, s_start, cs)
    return None if m is None else DateMention(m.start("new"), m.end("new"), doc_date, relative=True)


#: A table cell's edge: a flattened row's "|" (or a tab).
_OTHER_CELL = re.compile(r"[|\t]")
_DATE_LABEL = re.compile(r"(?i)\bdates?\b")
#: How far (in characters) a date may lie from the cue it belongs to.
_DATE_REACH = 160


def _assign(text: str, cues: list[Cue], candidates: dict[int, list[DateMention]]) -> dict[int, DateMention]:
    """Give each cue at most one of its candidate dates and each date to at most one cue, nearest pairs first: a
    date inside a cue's words ("the 7 & 8 April 2020 visit") before one after it ("visit in March 2021"), that
    before one before it, and a date the text spells out before a relative one ("last month's visit by HMI on 6 and
    7 February"). A date in another cell of a table row is the row's ("16 July 2024 | Ofsted ILACS – action plan
    progress": a meeting's), not the cue's."""
    pairs = []
    for ci, dates in candidates.items():
        cs, ce, _ = cues[ci]
        for d in dates:
            distance = d.start - ce if d.start >= ce else cs - d.end  # negative: inside the cue
            if distance > _DATE_REACH:
                continue
            if _OTHER_CELL.search(text, min(ce, d.end), max(cs, d.start)) and not _DATE_LABEL.search(text, cs, ce):
                continue  # "| Inspection dates | 14–25 November 2022 |" is a label and its value
            if d.start >= ce:
                distance -= 5  # dates after the cue are the usual order
            if d.relative:
                distance += 40
            pairs.append((distance, d.start, ci, d))
    pairs.sort(key=lambda p: p[:3])
    out: dict[int, DateMention] = {}
    taken: set[int] = set()
    for _, _, ci, d in pairs:
        if ci not in out and id(d) not in taken:
            out[ci] = d
            taken.add(id(d))
    return out


#: A cue that names a report: it ends with the report's name ("Ofsted's letter") or starts with it ("a report
#: published today by Ofsted").
_REPORT = re.compile(r"(?:report|findings|letter)s?$", re.I)
_REPORT_FIRST = re.compile(r"(?:report|findings|letter)s?\b", re.I)
_REPORT_WORD = re.compile(r"\b(?:report|findings|letter)s?\b", re.I)
_REPORT_AFTER = re.compile(r"\s+(?:report|findings|letter)s?\b", re.I)  # "the focused visit letter (dated …)"
#: Between a report's name and its date right after it: "Report (February 2024)", "report, Feb 2024", "letter dated".
_BESIDE_REPORT = re.compile(r"\s*[(,:]?\s*(?:(?:dated|of|from|in|for)\s+)?", re.I)
_UNDER = re.compile(r"\bunder\s+(?:the\s+|its\s+)?$", re.I)
#: Between a review and the event it was held with: "reviewed by Ofsted alongside the inspection", "at the same time
#: as its".
_ALONGSIDE = re.compile(
    r"(?i)(?:\s+by\s+[\w’'-]+)?\s+(?:alongside|at\s+the\s+same\s+time\s+as|as\s+part\s+of|during)\s+"
    r"(?:(?:the|its|their|a)\s+)?(?:[\w’'-]+\s+){0,2}?"
)
#: A sentence's opening time and the report right after it: "Last July, a report …", "In March 2021, the review …".
_OPENING = re.compile(r"(?i)\W*(?:in\s+|on\s+)?")
_FRONTED = re.compile(r"(?i)\s*,\s*(?:an?|the|its|their)\s+")
_SINCE = re.compile(r"\bsince\s+(?:the\s+|its\s+|their\s+|our\s+)?$", re.I)
_PLURAL_CUE = re.compile(r"(?:inspections|visits|reviews)\b", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|&|and|,\s*and)\s*", re.I)


def _listed_after(s: _Sentence, date: DateMention, used: set[int], cs: int, ce: int) -> list[DateMention]:
    """The further dates of a plural cue: "inspections in 2016 and 2019" are two events."""
    if not _PLURAL_CUE.search(s.text, cs, ce):
        return []
    out = []
    last = date
    for d in s.dates:
        if d.start < last.end or id(d) in used:
            continue
        if not _LIST_GAP.fullmatch(s.text, last.end, d.start):
            break
        out.append(d)
        used.add(id(d))
        last = d
    return out


def _cue_draft(
    s: _Sentence,
    kind: str,
    date: DateMention | None,
    published: DateMention | None,
    cs: int,
    ce: int,
    doc_date: PartialDate | None,
    anaphoric: bool = False,
) -> Draft | None:
    """The draft of the cue ``kind`` at ``cs``–``ce`` with its own date and its report's publication date (either
    may be missing, not both); a generic mention takes the kind in force at its date, else at its publication, or
    the kind its sentence gives (:func:`_context_kind`); a generic mention or an Ofsted visit of no stated kind
    (``anaphoric``: "inspectors visited …") takes one by its length (:func:`_kind_by_length`)."""
    r = rules()
    text = s.text
    k = kind
    by_date = r.kinds[kind].framework == "by-date"
    unnamed = anaphoric and kind == OTHER and _unnamed_ofsted_event(s, cs, ce)  # "inspectors were on site from …"
    joint = s.context is not None and r.kinds[s.context].framework == "joint"
    if s.context and (by_date or unnamed or (anaphoric and kind == OTHER and joint)):
        # "Ofsted, the CQC, HMI Constabulary and HMI Probation undertook a joint inspection of the multi-agency
        # response": the inspectorates named are its partners, not another service inspected
        k = s.context
    elif by_date:
        resolved = (
            kind_by_date(r.kinds[kind], date.date)
            if date is not None
            else kind_by_date(r.kinds[kind], published.date if published else None, True)
        )
        if resolved is None:
            return None
        k = resolved
    days = _length_days(s, date) if date is not None else None
    if (by_date or unnamed) and date is not None:
        # "rated 'inadequate' following an inspection … from 11 to 13 July 2023": a graded inspection is no focused
        # visit, however short
        k = _kind_by_length(k, date, days, graded=s.graded and _VISIT_NOUN.search(text, cs, ce) is None)
    ended = date is not None and bool(r.ended.search(text[max(s.start, date.start - 25) : date.start]))
    planned = date is not None and _is_planned(text, cs, ce, date, doc_date, s.planned)
    draft = _make_draft(s, k, date, published, ended, planned, cs, ce)
    draft.generic = k != kind
    draft.unnamed = unnamed and k == OTHER
    # "following the inspection in July 2022": since focused visits and joint inspections began, a generic mention
    # that names no framework, no length, no full inspection and not the whole children's services is an inspection
    # whose framework only a grade tells (merging makes it "other" when it has none)
    draft.untold = (
        date is not None
        and kind == GENERIC
        and k == ILACS
        and not s.context
        and not planned
        and days is None
        and not _framework_told(s, cs, ce)
    )
    return draft


#: Words of a generic cue that tell an ILACS inspection: a full one, one of the whole children's services.
_TOLD_IN_CUE = re.compile(r"(?i)\bfull\b|\bservices\b|\bchildren\s+in\s+need\b")
#: The whole children's services as the object after the cue ("the 2024 inspection of Children's Services") or, the
#: services or the authority, as the subject before "was inspected" ("the council's services for children in need …
#: was inspected", "The council was last inspected in April").
_SERVICES_AFTER = re.compile(
    r"(?i)\s+(?:of|into)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:children['’]?s\s+(?:social\s+care\s+)?services|services\s+for)\b"
)
_SERVICES_BEFORE = re.compile(r"(?i)\b(?:services|council|authority|borough|county)\b[^.;]{0,120}$")
_FULL_BEFORE = re.compile(r"(?i)\bfull\s+(?:[\w-]+\s+)?$")  # "three full inspections of the service"
#: "improvements made from the 2019 inspection", "progress since its inspection": the point progress is measured from
#: is the last full inspection.
_MEASURED_FROM = re.compile(r"(?i)\b(?:since|from)\s+(?:the\s+|its\s+|their\s+|our\s+)?$")
_PASSIVE = re.compile(r"(?i)\b(?:inspected|assessed|reviewed|visited)\b")


def _framework_told(s: _Sentence, cs: int, ce: int) -> bool:
    """Whether the words of the generic mention at ``cs``–``ce`` or its sentence tell its framework: a full
    inspection, one of the whole children's services, the point progress is measured from, or an ILACS the sentence
    names ("after the inspection in February 2024" in a line on the ILACS action plan)."""
    text = s.text
    if (
        _TOLD_IN_CUE.search(text, cs, ce)
        or _SERVICES_AFTER.match(text, ce, s.end)
        or _FULL_BEFORE.search(text, max(s.start, cs - 25), cs)
        or _MEASURED_FROM.search(text, max(s.start, cs - 25), cs)
    ):
        return True
    if _PASSIVE.search(text, cs, ce) and _SERVICES_BEFORE.search(text, max(s.start, cs - 150), cs):
        return True
    kinds = rules().kinds
    return any(k.family == ILACS and k.cues is not None and k.cues.search(text, s.start, s.end) for k in kinds.values())


def _unnamed_ofsted_event(s: _Sentence, cs: int, ce: int) -> bool:
    """Whether the cue of kind "other" at ``cs``–``ce`` is an Ofsted visit of no stated kind (the sentence names
    Ofsted, or no inspectorate: "Inspectors who visited between …"), not another service's inspection nor a review
    by another body."""
    return _inspectorate(s, OTHER, cs, ce) in ("ofsted", None) and not _other_service(s.text, cs, ce, s.start, s.end)


def _length_days(s: _Sentence, date: DateMention) -> int | None:
    """The length in days of the event dated ``date``: the days of its date range, else "for two days" / "over two
    weeks" in its sentence (2 and 7); None when the text does not tell it."""
    length = rules().length
    a, b = date.date, date.until
    if b is not None and a.day is not None and b.day is not None and a.month and b.month:
        return (_date(b.year, b.month, b.day) - _date(a.year, a.month, a.day)).days + 1
    if length.short.search(s.sentence):
        return 2
    if length.long.search(s.sentence):
        return 7
    return None


#: A cue that names a visit ("visited", "Ofsted's visit"), not an inspection.
_VISIT_NOUN = re.compile(r"(?i)\bvisit")


def _kind_by_length(kind: str, date: DateMention, days: int | None, graded: bool = False) -> str:
    """The kind of an Ofsted event of no stated kind (``kind``: the framework its date gives, or "other") told by its
    length in ``days`` (:func:`_length_days`). A visit of a few days since focused visits began is a focused visit
    (not an inspection its sentence grades: ``graded``); an event of a week or more is an inspection."""
    length = rules().length
    if days is None:
        return kind
    if days <= length.short_days and not graded and kind in ("ilacs", OTHER) and date.date >= length.focused_since:
        return "focused-visit"
    if days >= length.long_days and kind == OTHER:
        return kind_by_date(rules().kinds[GENERIC], date.date) or kind
    return kind


def _drafts_of_judgements(
    s: _Sentence, judgements: list[JudgementMention], used: set[int], reading: _Reading, drafts: list[Draft]
) -> None:
    """An overall grade stated with its own date ("rated 'Outstanding' in 2018", "since 2017, when Norfolk was judged
    as …", "inadequate (in 2016)", "In the findings published today, Ofsted rated …") goes to the draft of that
    date, or makes one of the kind in force then (at a publication date: the event that report is of)."""
    r = rules()
    for j in judgements:
        if not j.overall or j.other_service:
            continue
        date = judgement_date(s.text, j, s.dates)
        if (
            date is None
            and not j.earlier
            and _REPORT_WORD.search(s.sentence)
            and not any(d.sentence == (s.start, s.end) for d in drafts)
        ):
            # "In its report, published on 10 January, Ofsted judged that services require improvement": a grade
            # in a sentence that names no event but a report and its publication date is that report's
            date = next((d for d in s.dates if id(d) not in used and is_publication(s.text, d, s.start)), None)
        if date is None:
            continue
        # "inadequate Ofsted ratings in 2011, 2013 and 2015": each date listed after the grade's is an event of its own
        for listed in (date, *judgement_dates(s.text, j, s.dates)[1:]):
            span = (listed.start, listed.end)
            owner = next((d for d in drafts if span in (d.date_pos, d.published_pos)), None)
            if owner is None:
                if id(listed) in used:
                    continue
                publication = is_publication(s.text, listed, s.start)
                k = kind_by_date(r.kinds[GENERIC], listed.date, publication)
                if k is None:
                    continue
                own, published = (None, listed) if publication else (listed, None)
                owner = _make_draft(s, k, own, published, False, False, j.frame_start, j.end)
                owner.generic = True
                drafts.append(owner)
                used.add(id(listed))
            if owner.judgement is None or (j.explicit and not owner.explicit_judgement):
                owner.judgement = j.grade
                owner.owns_judgement = True
                owner.explicit_judgement = j.explicit
                reading.consumed.add(j.start)


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


def _make_draft(
    s: _Sentence,
    kind: str,
    date: DateMention | None,
    published: DateMention | None,
    ended: bool,
    planned: bool,
    cs: int,
    ce: int,
) -> Draft:
    """The draft of an event of ``kind`` named at ``cs``–``ce``, with its own date and its report's publication
    date (either may be None, not both)."""
    r = rules()
    text = s.text
    focus = None
    fm = r.focus.search(text, cs, s.end)
    if fm and fm.start() - ce < 60:
        focus = clean(fm.group("focus")).strip(" '‘’\"“”")
    sequence = None
    sm = r.sequence.search(text, max(s.start, cs - 30), min(s.end, ce + 10))
    if sm:
        sequence = _sequence_number(sm)
    start = end = None
    if date is not None:
        start, end = date.date, date.until
        if ended:
            start, end = PartialDate(date.date.year, date.date.month), date.date
    shown = date if date is not None else published
    assert shown is not None
    return Draft(
        kind=kind,
        start=start,
        end=end,
        evidence=evidence(text, s.start, s.end),
        planned=planned,
        focus=focus,
        sequence=sequence,
        published=published.date if published is not None else None,
        inspectorate=_inspectorate(s, kind, cs, ce),
        date_text=text[shown.start : shown.end],
        pos=cs,
        date_pos=(shown.start, shown.end),
        published_pos=(published.start, published.end) if published is not None else (0, 0),
        sentence=(s.start, s.end),
    )


def _inspectorate(s: _Sentence, kind: str, cs: int, ce: int) -> str | None:
    """The inspectorate of the event named at ``cs``–``ce``: a kind's own when it has one (an Ofsted framework's
    event is Ofsted's even in a sentence about HMI Probation; a joint inspection's lead; the DfE's commissioner
    even in a sentence about Ofsted); else (another service's inspection, a visit of no stated kind) the one the
    sentence names nearest to the cue."""
    k = rules().kinds[kind]
    if k.inspectorate is not None:
        return k.inspectorate
    best, best_distance = None, 10**9
    for name, pattern in rules().inspectorates:
        for m in pattern.finditer(s.text, s.start, s.end):
            distance = m.start() - ce if m.start() >= ce else max(0, cs - m.end())
            if m.start() < ce and m.end() > cs:
                distance = 0
            if distance < best_distance:
                best, best_distance = name, distance
    return best


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


def _others_date(text: str, date: DateMention, cues: list[Cue]) -> bool:
    """Whether ``date`` is a meeting's ("the September 2020 meeting", "the Cabinet meeting on 5 June") or another
    thing's ("the new team, launched in May 2023"), never an inspection's. A meeting that is itself the event ("the
    annual engagement meeting held on 14 April") keeps its date."""
    r = rules()
    lo = max(0, date.start - 40)
    before = r.meeting_date_before.search(text, lo, date.start)
    if before and not any(cs <= before.start() < ce for cs, ce, _ in cues):
        return True
    if r.other_event_date.search(text, lo, date.start):
        return True
    if r.counted_from.search(text, max(0, date.start - 100), date.start):
        return True  # "their second visit since December 2023"
    if r.deadline_before.search(text, max(0, date.start - 90), date.start):
        return True  # "submit a written statement of action to Ofsted by 15 August 2016"
    after = r.meeting_date_after.match(text, date.end, date.end + 40)
    return after is not None and not any(cs <= after.end() <= ce + 1 for cs, ce, _ in cues)


def _is_planned(
    text: str, cs: int, ce: int, date: DateMention, doc_date: PartialDate | None, planned_sentence: bool
) -> bool:
    if doc_date is not None:
        precision = min(len(date.date.iso()), len(doc_date.iso()))
        if date.date.iso()[:precision] > doc_date.iso()[:precision]:
            # after the date the page is read against, unless told as done ("had been inspected … in November
            # 2023" on a page whose date is only the earliest or latest it states)
            return not _DONE.search(text, max(0, min(cs, date.start) - 60), date.start)
        if date.date.iso()[:precision] < doc_date.iso()[:precision]:
            return False
    window = text[max(0, cs - 60) : min(len(text), date.end + 40)]
    return bool(rules().planned.search(window)) and planned_sentence
