"""Inspections, visits and reviews placed in time, with their kind, dates, judgement and sub-judgements.

Matching (:func:`match_inspections`) reads the scanned text sentence by sentence. In each sentence it finds the
kind cues of the kinds table (the first cue that matches a span claims it; a cue that names a framework or a
condition is none; another service's inspection, a children's home's or a youth justice service's, is of kind
"other") and the anaphors "the inspection", "Ofsted's visit", "inspectors, who visited …", which take the kind last
named (the title's too): :mod:`.inspection_cues`. Of the sentence's dates (:mod:`.inspection_dates`), a meeting's
date or another thing's ("launched in May 2023") goes to no cue. Each cue with a date becomes a draft
(:mod:`.cued_inspections`; dates go to cues nearest first, one each) with its start and end, the publication date of
its report, focus, sequence number, inspectorate, and whether it is planned (:mod:`.inspection_drafts`); a cue with
only its report's publication date ("Ofsted will publish its report tomorrow on the inspection …", "the
Commissioner's report, issued in March 2021") is an event known by that date alone. A generic mention ("Ofsted
inspection") takes the kind its sentence gives (a framework it names, "Ofsted and the CQC" with "SEND": the context
table), else the kind of the framework in force at its date (at its publication date: the kind whose reports were
published then); it and an Ofsted visit of no stated kind are told by their length too (a two-day visit since 2018
is a focused visit). A date in another cell of a table row, a grade left behind ("up from 'Requires Improvement' in
2019") and a meeting's date are no cue's. Judgements (:mod:`.judgements`) stated with their own date ("rated 'good'
in 2018", "published today, Ofsted rated …") are read with the inspection of that date, making one when the sentence
names none (:mod:`.dated_grades`); grades in flattened tables are read after the sentences.

On a page whose title names another service's inspection (a fostering agency's, a children's home's), an inspection
a sentence names with no framework and no council's children's services is that service's ("other"); on a page whose
title names a joint inspection (a SEND area inspection, a JTAI), such a mention is of that kind.

Merging (:func:`~caregraph.pipeline.extract.inspection_merge.merge_inspections`) makes one record of the drafts of
one event and gives each grade to its inspection. An event whose framework nothing but its date told takes the
framework of the page's council's official event of that date, from Ofsted's record (:mod:`.ofsted_history`). The
rules (``rules/inspections.toml``) are compiled by :mod:`.inspection_rules`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.dates import sort_key
from caregraph.pipeline.extract.cued_inspections import drafts_of_cues
from caregraph.pipeline.extract.dated_grades import drafts_of_judgements
from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.inspection_cues import (
    LETTER_KINDS,
    context_kind,
    of_many_councils,
    other_service,
    sentence_cues,
)
from caregraph.pipeline.extract.inspection_dates import dates_of, is_counted_from, others_date
from caregraph.pipeline.extract.inspection_drafts import Reading, Sentence, make_draft, of_the_service, page_kind
from caregraph.pipeline.extract.inspection_merge import merge_inspections
from caregraph.pipeline.extract.inspection_rules import (
    GENERIC,
    ILACS,
    MONITORING,
    OTHER,
    SIF,
    Draft,
    is_publication,
    rules,
)
from caregraph.pipeline.extract.judgements import (
    PARTIAL,
    JudgementMention,
    Located,
    find_judgements,
    judgement_date,
    judgement_dates,
    subject_council,
    table_judgements,
)
from caregraph.pipeline.extract.judgements import rules as judgement_rules
from caregraph.pipeline.extract.patterns import folds_simply, found_at_words, holds_any, may_hold
from caregraph.records import InspectionRecord, PartialDate, Segmented

__all__ = ["find_inspections", "is_publication", "match_inspections", "merge_inspections", "rules"]


# ------------------------------------------------------------------------------------------------ finder


def find_inspections(
    doc: Doc | Segmented, doc_date: PartialDate | None, council: str | None = None
) -> list[InspectionRecord]:
    """Every inspection, visit or review the text places in time, with its kind, dates at the precision the text
    gives, judgement and sub-judgements, focus, sequence, and whether it is planned. ``doc_date`` anchors relative
    dates and tells planned inspections from past ones; ``council`` (the page's publisher, a gazetteer slug, as
    :func:`.councils.find_councils` finds it) whose official record tells a framework the text does not."""
    drafts, judgements = match_inspections(Doc.of(doc), doc_date)
    return merge_inspections(drafts, judgements, doc_date, council)


#: What every judging frame holds: a grade word (speed only; the first letters' lookahead lets it give up at once).
_MAY_GRADE = re.compile(
    r"(?i)(?=[goirahltw])(?:good|outstanding|inadequate|improv(?:ement|ing)|adequate|\bRI\b|(?:lowest|worst|highest|top)\s+(?:possible\s+)?(?:overall\s+)?(?:ofsted\s+)?(?:judge?ment|rating|grad))"
)


#: Words that are whole matches of :data:`_MAY_GRADE` on their own (lower case): a sentence whose lower case holds one
#: holds a match, so the pattern need not be tried (speed only).
_SURE_GRADE = ("good", "outstanding", "adequate", "improvement", "improving")
#: The words the other matches of :data:`_MAY_GRADE` start with (speed only).
_OTHER_GRADE = ("ri", "lowest", "worst", "highest", "top")
#: A word every match of :data:`_MAY_GRADE` holds (lower case; "ri" of "RI").
_GRADE_WORDS = (*_SURE_GRADE, *_OTHER_GRADE)

#: What every kind cue, anaphor and visit verb holds (its rules' ``needs``, "inspection", "visit", "Ofsted",
#: "inspectors", "HMI"): a sentence with none of them holds no mention of an event, only perhaps a grade (speed only).
_MAY_CUE = re.compile(
    r"(?i)(?=[ivrojsclpdwfamh])(?:inspect|visit|review|of(?:s|ts|st)(?:t?ed|ead)|jtai|joint\s+targeted|il[ac]{2}s|ilaas"
    r"|local\s+authority\s+children|\bsif\b|single\s+inspection|commissioner|peer|dfe|department\s+for\s+education"
    r"|weeks?\b|fortnight|annual|monitoring\s+(?:letter|report)|stocktake|hmi|watchdog|regulator|\bapa\b)"
)
#: The words the matches of :data:`_MAY_CUE` start with (lower case): a sentence whose lower case holds none has no
#: match, and one that holds some is tried only where they start (speed only; see :attr:`Doc.folds_simply` for when
#: lower case tells).
_CUE_WORDS = (
    "inspect", "visit", "review", "ofs", "oft", "jtai", "joint", "ila", "ilc", "local", "sif", "single",
    "commissioner", "peer", "dfe", "department", "week", "fortnight", "annual", "monitoring", "stocktake", "hmi",
    "watchdog", "regulator", "apa",
)  # fmt: skip


#: Words that are whole matches of :data:`_MAY_CUE` on their own (lower case): a sentence whose lower case holds one
#: holds a match, so the pattern need not be tried (speed only).
_SURE_CUE = (
    "inspect", "visit", "review", "jtai", "commissioner", "peer", "dfe", "fortnight", "annual", "stocktake", "hmi",
    "watchdog", "regulator",
)  # fmt: skip


def match_inspections(doc: Doc, doc_date: PartialDate | None) -> tuple[list[Draft], list[Located]]:
    """The drafts every sentence gives, and the grades not yet taken by a draft (each with its sentence)."""
    text = doc.text
    reading = Reading(service_page=_about_a_service(doc), page_kind=_title_kind(doc))
    drafts: list[Draft] = []
    judgements: list[Located] = []
    headers = [(s.start, s.end) for s in doc.segments if s.kind == "meeting"]
    simple = doc.folds_simply
    for s_start, s_end in doc.sentences:
        if headers and any(hs <= s_start < he for hs, he in headers):
            continue  # "12/06/2015 - … response to the OFSTED inspection": the date is the decision's
        low = text[s_start:s_end].lower() if simple else None
        cue_words = low is None or holds_any(low, _CUE_WORDS)
        may_cue = cue_words and _may_cue(text, s_start, s_end, low)
        if not may_cue and (reading.last_kind["inspection"] or reading.last_kind["visit"] or reading.last_grade):
            # "… following a recent inspection. The report, published yesterday, …": the report of the event named
            # (or graded: "… have been rated 'Outstanding' by Ofsted. The report, published on Wednesday, …")
            may_cue = cue_words = _REPORT_OPENING.match(text, s_start, s_end) is not None
            if may_cue and not (reading.last_kind["inspection"] or reading.last_kind["visit"]):
                reading.last_kind["inspection"] = GENERIC
        if not may_cue and reading.last_kind["visit"] in LETTER_KINDS and (low is None or "letter" in low):
            # "An Ofsted monitoring visit letter … In our most recent letter in July 2022, …": the next visit's letter
            may_cue = cue_words = True
        if may_cue or reading.undated_findings or _may_grade(text, s_start, s_end, low):
            _read_sentence(doc, doc_date, s_start, s_end, reading, drafts, judgements, may_cue, cue_words)
    judgements.extend(table_judgements(text, doc.limit, {j.start for j, _ in judgements}))
    _sif_by_its_areas(text, doc.limit, drafts)
    return drafts, [(j, span) for j, span in judgements if j.start not in reading.consumed]


#: A sentence opening on a report as its subject, published: "The report, published on 12 August, …" (see the rules'
#: ``report_anaphor``).
_REPORT_OPENING = re.compile(
    r"[\s\"'“‘(\[]*The\s+report\s*,?\s*(?:(?:was|has\s+been|had\s+been)\s+)?(?:published|issued|released)\b"
)


def _may_cue(text: str, start: int, end: int, low: str | None) -> bool:
    """Whether ``text[start:end]`` holds a match of :data:`_MAY_CUE` (``low``: its lower case, when it folds
    simply). Speed only: a word of :data:`_SURE_CUE` is a match; every match starts with a word of :data:`_CUE_WORDS`,
    tried only there."""
    if low is None:
        return _MAY_CUE.search(text, start, end) is not None
    return holds_any(low, _SURE_CUE) or found_at_words(_MAY_CUE, text, start, end, low, _CUE_WORDS)


def _may_grade(text: str, start: int, end: int, low: str | None) -> bool:
    """Whether ``text[start:end]`` holds a match of :data:`_MAY_GRADE` (``low``: its lower case, when it folds
    simply). Speed only: with none of :data:`_SURE_GRADE`, a match starts with a word of :data:`_OTHER_GRADE`."""
    if low is None:
        return _MAY_GRADE.search(text, start, end) is not None
    return holds_any(low, _SURE_GRADE) or found_at_words(_MAY_GRADE, text, start, end, low, _OTHER_GRADE)


def _about_a_service(doc: Doc) -> bool:
    """Whether the page's title (its first title or item heading) names the inspection or report of another service
    than the council's children's services: "Ofsted Inspection Report of the Fostering Service", "Oak Lodge
    Children's Home – Ofsted inspection"."""
    title = next((s for s in doc.segments if s.kind in ("title", "item")), None)
    if title is None or title.end - title.start > 200:
        return False
    heading = doc.text[title.start : title.end]
    return bool(_INSPECTION_WORD.search(heading) and _SERVICE_TITLE.search(heading))


def _title_kind(doc: Doc) -> str | None:
    """The joint inspection (a SEND area inspection, a JTAI) the page's title (its first title or item heading)
    names: "Update on the Special Educational Needs and Disability (SEND) Inspection
    Revisit"."""
    title = next((s for s in doc.segments if s.kind in ("title", "item")), None)
    if title is None or title.end - title.start > 200:
        return None
    r = rules()
    heading = doc.text[title.start : title.end]
    # the first kind of the table whose cue the title holds (as in a sentence, where the first cue claims its span:
    # "Joint Targeted Area Inspection" is a JTAI, not an area inspection)
    named = next(
        (
            key
            for key, kind in r.kinds.items()
            if kind.framework == "joint" and kind.cues is not None and kind.cues.search(heading)
        ),
        None,
    )
    # "… with the council's services for special needs children", "Ofsted/CQC visit of …": the SEND services' page
    return named if named is not None or not r.send_title.search(heading) else _SEND_AREA


_SEND_AREA = "send-area"


#: A word of an inspection or its report in a title.
_INSPECTION_WORD = re.compile(r"(?i)\b(?:inspect|ofsted|report)")
#: Another service than the council's children's services, named in a title (not a council's "children's homes"
#: in general: one home, agency or service, in the singular).
_SERVICE_TITLE = re.compile(
    r"(?i)\b(?:(?:fostering|adoption)\s+(?:service|agency)|children['’]s\s+home|residential\s+(?:home|unit)|secure\s+unit"
    r"|youth\s+(?:offending|justice)\s+(?:service|team)|(?:primary|secondary|special|nursery)\s+school|academy)\b"
)


def _of_other_council(doc: Doc, j: JudgementMention | int, s_start: int, reading: Reading) -> bool:
    """Whether the subject of ``j``'s judging frame names a council other than the page's ("… to follow Sefton
    Council, which was rated 'Good' in August"): a grade of that council's inspection, not of this page's. ``j`` a
    position: whether the inspection named there is another council's ("Lancashire County Council's ILACS
    inspection in 2023", "Lancashire County Council was inspected in June 2023")."""
    named = subject_council(doc.text, j, s_start)
    if named is None:
        return False
    if _SOME_COUNCIL.match(named):
        return True  # "at a council rated outstanding in 2020": one the text does not name, not the page's
    at = doc.text.rfind(named, s_start, j if isinstance(j, int) else j.frame_start)
    if at >= 0 and rules().predecessor_council.search(doc.text, max(s_start, at - 40), at):
        return False  # "Children's services at the former Anyshire County Council were judged …": the page's own
    slugs = {slug for _, _, slug in gazetteer().find(named)}
    if not slugs:
        return False
    if reading.main_council is None:
        counts = Counter(slug for _, _, slug in doc.councils_in(0, doc.limit))
        reading.main_council = doc.declared_council or (counts.most_common(1)[0][0] if counts else "")
    return bool(reading.main_council) and reading.main_council not in slugs


def _aspired(text: str, j: JudgementMention, s_start: int, s_end: int) -> bool:
    """Whether ``j`` is a grade hoped for, not given: an aim governs it ("Our ambition is to be rated outstanding"),
    or the sentence opens on it as a gerund and names an aim ("Achieving a good judgement at the 2025 inspection is a
    corporate priority")."""
    r = rules()
    if r.aimed_grade.search(text[max(s_start, j.start - 100) : j.start]):
        return True
    return (
        r.aimed_opening.search(text[s_start : j.start]) is not None
        and r.aspiration.search(text, s_start, s_end) is not None
    )


#: What ends a clause: a grade before it is no grade of an inspection after it.
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|whilst|whereas)\b|\b(?:while|whilst|whereas|unlike)\b")
#: A council :func:`subject_council` reads that the text names by an indefinite article ("a council", "another
#: local authority").
_SOME_COUNCIL = re.compile(r"(?i)(?:an?|another|one)\s")
#: A word of every council name :func:`subject_council` reads before an inspection (lower case; speed only).
_COUNCIL_WORDS = ("council", "borough")


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
                d.kind, d.by_era = SIF, False


def _read_sentence(
    doc: Doc,
    doc_date: PartialDate | None,
    s_start: int,
    s_end: int,
    reading: Reading,
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
    lower = sentence.lower()
    low = lower if folds_simply(sentence) else None  # (for the word pre-checks: speed only)
    cues, anaphors, frameworks = (
        sentence_cues(text, s_start, s_end, reading.last_kind, lower)
        if may_cue or (cue_words and _may_cue(sentence, 0, len(sentence), low))
        else ([], set(), [])
    )
    monitored = (
        may_hold(low, r.monitored_by_other) and r.monitored_by_other.search(text, s_start, s_end) is not None
        if cues or cue_words
        else False
    )
    if cues and (monitored or reading.monitored_by_other):
        # "the WSoA would be subject to quarterly monitoring by DfE/NHS England, and the first monitoring visit had
        # taken place in January 2023": that body's visit, not an Ofsted monitoring visit
        cues = [(cs, ce, OTHER if k == MONITORING else k) for cs, ce, k in cues]
    reading.monitored_by_other = monitored
    if cues and of_the_service(reading, sentence):
        # on a page about a fostering agency's inspection, "a full inspection had taken place in September 2021" and
        # "the inspection" are that agency's: of kind "other", told by no length
        cues = [(cs, ce, OTHER if r.kinds[k].framework == "by-date" else k) for cs, ce, k in cues]
        anaphors = {a for a in anaphors if not any(cs == a and k == OTHER for cs, _, k in cues)}
    if cues and (low is None or holds_any(low, _COUNCIL_WORDS)):
        # "Lancashire County Council's ILACS inspection in 2023": another council's inspection is no event of the
        # page's council's, and of none of its kinds
        cues = [
            (cs, ce, OTHER if k != OTHER and _of_other_council(doc, cs, s_start, reading) else k) for cs, ce, k in cues
        ]
    for cs, ce, kind in cues:
        k = r.kinds[kind]
        if k.anaphor == "inspection":
            reading.last_kind["inspection"] = GENERIC if k.framework == "by-date" else kind
        if k.anaphor == "visit":
            reading.last_kind["visit"] = kind
        if kind == OTHER and _INSPECTION_NOUN.search(text, cs, ce):
            # "an inspection of the Adoption Service … The inspection was carried out in March 2008": the other
            # service's inspection is what "the inspection" refers back to
            reading.last_kind["inspection"] = OTHER
    # "HM Inspectorate of Probation inspected the service in April 2024. The service was rated good.": a sentence
    # that names no inspection and opens on the service just named grades that other service's inspection
    of_other = reading.other_before and not cues and _ANAPHORIC_SUBJECT.match(sentence) is not None
    reading.other_before = any(k == OTHER for _, _, k in cues)
    sentence_judgements = [
        _of_other_service(text, j)
        if of_other
        or other_service(text, j.frame_start, j.frame_start, s_start, s_end)
        or _of_other_council(doc, j, s_start, reading)
        else j
        for j in find_judgements(text, s_start, s_end)
        # ("Nationally, 60 per cent of councils were rated good": national figures, no grade of one event)
        if not of_many_councils(text, j.frame_start, j.frame_start, s_start, s_end)
        and not _aspired(text, j, s_start, s_end)
    ]
    if cues and not of_other and any(j.other_service and j.overall for j in sentence_judgements):
        # "Lancashire County Council's children's services were judged inadequate in an inspection in January 2024":
        # an inspection of no framework of its own named after another's grade (the last grade before it, in its
        # clause) is of that other service or council
        theirs: set[int] = set()
        for cs, _, cue_kind in cues:
            nearest = max(
                (j for j in sentence_judgements if j.overall and j.frame_start < cs),
                key=lambda j: j.frame_start,
                default=None,
            )
            if (
                r.kinds[cue_kind].framework == "by-date"
                and nearest is not None
                and nearest.other_service
                and not _CLAUSE_BREAK.search(text, nearest.frame_start, cs)
            ):
                theirs.add(cs)
        cues = [(cs, ce, OTHER if cs in theirs else k) for cs, ce, k in cues]
        anaphors -= theirs  # (not an Ofsted visit of no stated kind: that service's or council's inspection)
    same = (
        r.same_grade.search(text, s_start, s_end)
        if (reading.last_grade or sentence_judgements)
        and may_hold(low, r.same_grade)
        and (low is None or holds_any(low, _SAME_WORDS))
        else None
    )
    if same:  # "The 2013 inspection had reached the same conclusion": the grade last stated, carried forward
        stated = [j.grade for j in sentence_judgements if j.overall and j.end <= same.start() and not j.other_service]
        last = stated[-1] if stated else (reading.last_grade if not sentence_judgements else None)
        if last:  # the inspection it is carried to is named in or before the phrase
            sentence_judgements.append(JudgementMention(same.end(), same.end(), last, (), same.end()))
    visits_graded = False  # the visits of one graded inspection ("following visits in December and February")
    first_cue = min((cs for cs, _, _ in cues), default=s_end)
    if may_hold(low, r.graded_visit) and any(
        j.overall
        and j.end <= first_cue
        and not j.other_service
        and not j.last_named
        and not j.earlier
        # (a grade with a date of its own is of the event of that date: "Following a visit in May inspectors found
        # … since Ofsted graded them as 'inadequate' in December 2015")
        and judgement_date(text, j, doc.dates_in(s_start, s_end)) is None
        for j in sentence_judgements
    ):
        # "upgraded to 'good' overall after the visit from the inspectorate in April and May": a visit of no stated
        # kind an overall grade follows was an inspection (focused and monitoring visits give no overall grade)
        # (in a sentence naming no event before it: "… following visits in December and February, … since its
        # last full inspection in 2017")
        visit = r.graded_visit.search(text, s_start, first_cue)
        if visit is not None:
            cues = [(visit.start("cue"), visit.end("cue"), GENERIC), *cues]
            visits_graded = visit.group("cue").lower().endswith("visits")
    overall = [j.grade for j in sentence_judgements if j.overall and not j.other_service]
    if overall and cues:  # "Ofsted rated the services good in a report published today": the grade's report
        cues = [c for c in cues if not (c[2] == GENERIC and r.report_subject.match(text, c[0]))]
    reading.last_grade = overall[-1] if overall else reading.last_grade
    judgements.extend((j, (s_start, s_end)) for j in sentence_judgements)
    planned_sentence = may_hold(low, r.planned) and bool(r.planned.search(sentence))
    dates = (
        [d for d in dates_of(doc, s_start, s_end, doc_date, planned_sentence) if not others_date(text, d, cues)]
        # (only a cue, an event whose findings the sentence before named, or an overall grade (the council's or
        # another service's) that does not point back takes a date: the dates of other sentences are never read, so
        # not found; speed only)
        if cues or reading.undated_findings or any(j.overall and not j.last_named for j in sentence_judgements)
        else []
    )
    context = context_kind(sentence, cues, frameworks) if cues else None
    if context is None and cues and all(r.kinds[k].framework == "by-date" or k == OTHER for _, _, k in cues):
        # on a page whose title names a SEND area inspection, "the reinspection in September 2019" is that kind's
        context = page_kind(reading, sentence)
    if context and any(r.kinds[k].framework == "by-date" for _, _, k in cues):
        reading.last_kind["inspection"] = context  # "The area was last inspected in 2018 … A revisit in March 2021"
    graded = any(not j.other_service for j in sentence_judgements)
    news = doc.genre == "news"
    sentence_ = Sentence(text, sentence, s_start, s_end, dates, planned_sentence, context, graded, news)
    used: set[int] = set()
    # "the fourth monitoring visit since the local authority was judged inadequate in 2021": the date is the
    # grade's, not the visit's
    judged = {id(d) for j in sentence_judgements if j.overall for d in judgement_dates(text, j, dates)}
    # "rated 'Good' in its latest inspection, up from 'Requires Improvement' in 2019": a grade left behind keeps its
    # date from every cue
    earlier = {id(d) for j in sentence_judgements if j.earlier for d in judgement_dates(text, j, dates)}
    # "the first full inspection since 2019, when the services had been judged …": a date counted from, kept for the
    # grade of its "when" clause, is no cue's
    earlier |= {id(d) for d in dates if id(d) in judged and is_counted_from(text, d)}
    before = len(drafts)
    drafts_of_cues(sentence_, cues, anaphors, used, judged | earlier, earlier, doc_date, reading, drafts)
    visits = [d for d in drafts[before:] if visits_graded and d.pos == cues[0][0]]
    if len(visits) == 2 and all(d.start is not None and d.end is None for d in visits):
        # "The 'inadequate' verdict followed visits in December 2022 and February 2023": the visits of the one
        # inspection the sentence grades, from the first to the last
        opening, closing = visits
        if (
            opening.start is not None
            and closing.start is not None
            and sort_key(opening.start) < sort_key(closing.start)
        ):
            opening.end = closing.start
            drafts[:] = [d for d in drafts if d is not closing]
    introduced, reading.introduced_grade = reading.introduced_grade, None
    if len(drafts) > before and _REPORT_OPENING.match(text, s_start, s_end):
        # "The report, published today, …" after an event already known by that day: that event's report
        known = {d.published for d in drafts[:before] if d.published is not None}
        drafts[before:] = [d for d in drafts[before:] if d.start is not None or d.published not in known]
        if introduced and not overall:
            # "… rated 'outstanding' following a recent inspection. The report, published yesterday, …": the grade
            # of the event the sentence before introduced is its report's
            for d in drafts[before:]:
                if d.published is not None and d.start is None and d.judgement is None:
                    d.judgement = introduced
    drafts_of_judgements(sentence_, sentence_judgements, used, reading, drafts)
    _released_after(sentence_, cues, reading, drafts)
    _named_as_kind(sentence_, cues, drafts)
    _visit_focused(sentence_, cues, anaphors, drafts)
    if (
        overall
        and any(
            _INDEFINITE.match(text, cs, ce) or _INDEFINITE_BEFORE.search(text, max(s_start, cs - 24), cs)
            for cs, ce, _ in cues
        )
        and not any(d.sentence == (s_start, s_end) for d in drafts)
    ):
        # "An unannounced follow-up inspection in March formed the basis for a report which upgraded the service to
        # 'requires improvement'", "A recent Ofsted inspection has found the help … to be good": the grade is of the
        # event the sentence introduces, which it does not date; it goes to no other inspection
        # (a grade "retained" or "maintained" was the earlier inspection's too: it stays free for it)
        of_the_event = [
            j
            for j in sentence_judgements
            if j.overall and not j.other_service and not _KEPT.search(text, max(s_start, j.frame_start - 20), j.start)
        ]
        reading.consumed.update(j.start for j in of_the_event)
        if len({j.grade for j in of_the_event}) == 1:
            reading.introduced_grade = of_the_event[0].grade


def _named_as_kind(s: Sentence, cues: list, drafts: list[Draft]) -> None:
    """A sentence about the event just named that says what kind it was ("Inspectors visited the Trust last month.
    The visit was the second monitoring visit since …"): the kind of the event the sentence before named with no
    kind of its own (an Ofsted visit or inspection of no stated kind)."""
    text = s.text
    if not cues or not _IT_WAS.match(text, s.start, s.end):
        return
    for cs, _ce, kind in cues:
        k = rules().kinds[kind]
        if k.framework == "by-date" or kind == OTHER or any(d.sentence == (s.start, s.end) for d in drafts):
            continue
        if not _COPULA_BEFORE.search(text, max(s.start, cs - 100), cs):
            continue
        before = [d for d in drafts if d.sentence[1] <= s.start and s.start - d.sentence[1] < 300]
        last = max(before, key=lambda d: d.sentence, default=None)
        if last is not None and ((last.kind == OTHER and last.unnamed) or last.untold):
            last.kind, last.unnamed, last.untold, last.generic, last.by_era = kind, False, False, False, False
            last.also.append(cs)
        return


#: A sentence opening on the event just named: "The inspection was …", "This visit was …", "It was …".
_IT_WAS = re.compile(r"(?i)\W*(?:(?:the|this|that)\s+(?:inspection|visit)|it)\s+(?:was|is)\b")
#: The copula and determiner before a kind's name that says what the event was: "… and was the second monitoring
#: visit", "was a focused visit".
_COPULA_BEFORE = re.compile(r"(?i)\b(?:was|is)\s+(?:(?:also|in\s+fact)\s+)?(?:the|an?|its|their)\s+(?:[\w-]+\s+){0,2}$")


def _visit_focused(s: Sentence, cues: list, anaphors: set[int], drafts: list[Draft]) -> None:
    """A sentence that says the visit just named "focused on" one part of the service ("an inspection in November
    … The Ofsted visit focused on just one area of a much wider children's service"): the event named before with
    no kind of its own (a generic inspection whose framework nothing told, an Ofsted visit of no stated kind) was a
    focused visit, when the page names no visit of a kind."""
    text = s.text
    if not any(
        cs in anaphors and _VISIT_END.search(text, cs, ce) and _FOCUSED_NEXT.match(text, ce, s.end)
        for cs, ce, _ in cues
    ):
        return
    r = rules()
    if any(not d.generic and not d.unnamed and r.kinds[d.kind].anaphor == "visit" for d in drafts):
        return  # "the monitoring visit in May … the visit focused on": the visit named
    before = [
        d
        for d in drafts
        if d.sentence[1] <= s.start
        and (d.untold or (d.kind == OTHER and d.unnamed))
        and d.start is not None
        and d.start >= r.length.focused_since
    ]
    last = max(before, key=lambda d: d.pos, default=None)
    if last is not None:
        last.kind, last.untold, last.unnamed, last.generic, last.by_era = "focused-visit", False, False, False, False


#: A mention that ends on the word "visit"; what follows a visit that was a focused one: "… focused on just one area".
_VISIT_END = re.compile(r"(?i)visit$")
_FOCUSED_NEXT = re.compile(r"(?i)\s+(?:(?:was|had\s+been|has\s+been|only|just)\s+)?focus+(?:ed|ing)\s+(?:on|upon)\b")


def _released_after(s: Sentence, cues: list, reading: Reading, drafts: list[Draft]) -> None:
    """A sentence that names no event and says "This was released on 2 December 2016" right after one that named an
    event's findings or report undated ("Ofsted notified the council of the findings of its monitoring visit."):
    that event, known by its report's publication date. Then what this sentence leaves for the next."""
    text = s.text
    kind = reading.undated_findings
    if kind is not None and not cues:
        m = _PRONOUN_RELEASED.match(text, s.start, s.end)
        date = next((d for d in s.dates if m and 0 <= d.start - m.end() < 12), None) if m else None
        if m is not None and date is not None:
            drafts.append(make_draft(s, kind, None, date, False, False, s.start, m.end()))
    reading.undated_findings = None
    if cues and not any(d.sentence == (s.start, s.end) for d in drafts):
        reading.undated_findings = next(
            (k for cs, ce, k in cues if _FINDINGS_OF.search(text, max(s.start, cs - 40), cs)), None
        )


#: "This was released on …", "They were published in …": the report of the event named before, published then.
_PRONOUN_RELEASED = re.compile(
    r"(?i)\W*(?:this|it|they|these)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:published|released|issued)\b"
)
#: A report, letter or findings "of" the event named right after: "the findings of its monitoring visit".
_FINDINGS_OF = re.compile(
    r"(?i)\b(?:findings|report|letter|outcome)\s+(?:of|from|on|into)\s+(?:the|its|their|an?)\s+(?:[\w-]+\s+)?$"
)


def _of_other_service(text: str, j: JudgementMention) -> JudgementMention:
    """``j`` as another service's grade. Its subject naming that service ("overall the Adoption Service was judged
    as good") makes it no partial grade of the council's: with "overall" near it, the service's overall grade."""
    if j.areas and not j.overall and _OVERALL_NEAR.search(text, max(0, j.frame_start - 40), j.end):
        return replace(j, other_service=True, areas=(), explicit=True)
    if (
        j.areas == (PARTIAL,)
        and _SERVICE_AS_AREA.search(text, max(0, j.frame_start - 90), j.frame_start)
        and not judgement_rules().partial_after.match(text[j.end : j.end + 80])  # ("… good in most areas")
    ):
        # "Anyshire's fostering service was judged good": the service's own name read as an area of the council's
        # inspection; the grade is the service's (overall) grade
        return replace(j, other_service=True, areas=())
    return replace(j, other_service=True)


#: A word every match of the rules' ``same_grade`` holds besides those :func:`may_hold` reads from it ("the same",
#: "an identical", "confirmed at"): tested too, for its verb before them is tried at every word (speed only).
_SAME_WORDS = ("same", "identical", "similar", "confirmed", "repeated", "upheld", "reaffirmed")

_OVERALL_NEAR = re.compile(r"(?i)\boverall\b")

#: A fostering or adoption service (or agency) as the subject of a judging verb, no clause or count between:
#: "the council's adoption agency was inspected … and rated outstanding".
_SERVICE_AS_AREA = re.compile(
    r"(?i)\b(?:fostering|adoption)\s+(?:service|agency|team|panel)s?\b(?!.*\b(?:most|some|many|several|two|three|four|"
    r"areas?|aspects?|domains?|of\s+(?:them|which|these))\b)[^.;]*$"
)

#: A mention that names an inspection (not a visit or review).
_INSPECTION_NOUN = re.compile(r"(?i)inspect")

#: A mention that introduces an event rather than referring back to one: "an unannounced follow-up inspection".
_INDEFINITE = re.compile(r"(?i)(?:an?|another)\s")

#: A grade kept from the inspection before: "will retain its 'Requires Improvement' judgement", "maintained good".
_KEPT = re.compile(r"(?i)\b(?:retain|maintain|keep|kept|remain)\w*\s+(?:(?:its|their|the|an?)\s+)?(?:overall\s+)?\W*$")

#: The indefinite article of a mention whose words start after it: "a recent Ofsted inspection", "a four-week
#: inspection".
_INDEFINITE_BEFORE = re.compile(r"(?i)\b(?:an?|another)\s+(?:[\w-]+\s+)?$")

#: A sentence opening on the service or inspection just named: "The service was rated good", "It was judged …",
#: "Overall, the service was rated as Inadequate".
_ANAPHORIC_SUBJECT = re.compile(
    r"(?i)\W*(?:(?:overall|in\s+summary|in\s+conclusion|as\s+a\s+result|again)\s*,?\s+)?"
    r"(?:(?:the|this|that|its)\s+(?:service|team|inspection|report)\b|it\b)"
)
