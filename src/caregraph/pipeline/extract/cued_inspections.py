"""The drafts of a sentence's cues: each cue given its own date and its report's publication date, and its kind.

:func:`drafts_of_cues` gives dates to cues nearest first, one each (a date inside the cue's words before one after
it, that before one before it; a date in another cell of a table row is the row's; of two dates side by side, the
finer that lies within the coarser: "earlier this year from 28 February to 4 March"); a report's, letter's or
findings' date is its publication date, which loses to the event's own date. An ungraded kind never takes a grade's
date, no kind the date of a grade left behind; a review held "alongside" an inspection shares its date; a plural cue
takes each date listed after it ("inspections in 2016 and 2019"), any cue each year of a list of years ("inspected
in 2017 and 2019"); an event a dated news page calls new was
published on the page's date, and so is the "latest inspection" whose grade it reports; a report named in the clause
a sentence's opening date governs was published then ("In 2014 the service was hit with a dire Ofsted report"). A
date before a cue across a conjunction ("… on 26 and 27 May and a visit from the Commissioner") is the clause
before's. A generic mention takes the kind in force at its date (else at its publication), or the kind its sentence
gives; a mention referring back to a framework that had ended or not begun at its own year takes the one in force
then; a generic mention or an Ofsted visit of no stated kind is told by its length too.
"""

from __future__ import annotations

import re

from caregraph.pipeline.dates import DateMention, finer_within
from caregraph.pipeline.extract.inspection_cues import Cue, other_service
from caregraph.pipeline.extract.inspection_dates import is_planned
from caregraph.pipeline.extract.inspection_drafts import (
    Reading,
    Sentence,
    inspectorate,
    kind_by_length,
    length_days,
    make_draft,
    sequence_number,
)
from caregraph.pipeline.extract.inspection_rules import (
    GENERIC,
    ILACS,
    OTHER,
    Draft,
    is_publication,
    kind_by_date,
    may_report_on,
    rules,
)
from caregraph.records import PartialDate


def drafts_of_cues(
    s: Sentence,
    cues: list[Cue],
    anaphors: set[int],
    used: set[int],
    judged: set[int],
    earlier: set[int],
    doc_date: PartialDate | None,
    reading: Reading,
    drafts: list[Draft],
) -> None:
    """A draft for each cue that has a date of its own (an ungraded kind never takes a grade's date, no kind the date
    of a grade left behind: "rated 'Good' in its latest inspection, up from 'Requires Improvement' in 2019"), and the
    publication date of its report. Dates go to cues nearest first, one each (:func:`_assign`). A publication date
    loses to the event's own date and does not use up the cue ("published on 2 May 2023 after the visit on 4 and 5
    April 2023"); with no date of its own, the event is known by its report's publication date alone."""
    if not cues:
        return  # (nothing to give a date to: speed only)
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
            # "is publishing its action plan today (20 April) to address the findings of the SEND inspection": the
            # page's own day, glossed, is the day of what the page reports, not the inspection's
            own[ci] = [
                d
                for d in s.dates
                if id(d) not in taken
                and not (framed and d.start >= ce)
                and not _TODAY_GLOSS.search(text, max(s.start, d.start - 24), d.start)
            ]
        elif not _REPORT.search(text, cs, ce) and not _REPORT_FIRST.match(text, cs, ce):
            # "the February 2023 Ofsted inspection report": the event's name, dated as its modifier, before its
            # report's
            own[ci] = [
                d
                for d in s.dates
                if id(d) not in used | publications
                and (
                    (
                        _MODIFIER_DATE.fullmatch(text, d.end, cs)
                        and _DETERMINER.search(text, max(s.start, d.start - 8), d.start)
                    )
                    # "following 2015's Ofsted inspection report": a year in the possessive is its own determiner
                    or _POSSESSIVE_DATE.fullmatch(text, d.end, cs)
                    or cs < d.start < d.end < ce  # the cue itself holds it: "the February 2023 inspection report"
                )
            ]
        else:
            # "The report, published on Wednesday and undertaken in early March": the clause after the report's
            # name dates the inspection it reports with a verb of carrying it out
            carried = [
                d
                for d in s.dates
                if id(d) not in used | publications
                and ce <= d.start
                and _CARRIED_OUT.search(text, max(ce, d.start - 40), d.start) is not None
            ]
            if carried:
                own[ci] = carried
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
                    (
                        d.start >= ce
                        and (id(d) in publications or _BESIDE_REPORT.fullmatch(text, _report_end(text, ce), d.start))
                    )
                    or r.publication_after.match(text, d.end, cs)
                    # "on 13 June 2017 when its inspection report was released": the clause runs past the report's name
                    or (id(d) in publications and d.end <= cs and cs - d.end < 30)
                    # "Last July, a DfE-commissioned report found …": the time the sentence opens on is the report's;
                    # so it is when the report is named later in the same clause ("In 2014 the service was hit with a
                    # dire Ofsted report")
                    # ("…, which, in November 2016, received a damning inspection report": so it is when the date
                    # opens a relative clause, the comma after it closing only the date)
                    or (
                        (
                            _OPENING.fullmatch(text, s.start, d.start)
                            or _RELATIVE_OPENING.search(text, max(s.start, d.start - 24), d.start)
                        )
                        and (
                            _FRONTED.fullmatch(text, d.end, cs)
                            or (cs - d.end < 80 and not _CLAUSE_BREAK.search(text, _past_comma(text, d.end, cs), cs))
                        )
                    )
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
            if published is None and s.news:  # "An inspection of Anytown's children's services finds …"
                published = _reported_now(text, s.start, s.end, cs, ce, doc_date)
            if published is None and s.news and s.graded and _LATEST.search(text, max(s.start, cs - 20), ce):
                # "Ofsted's judgement, in its latest inspection, … grading it as 'good'": the inspection a dated
                # news page reports with its grade, undated, is the one whose report is the news
                published = DateMention(cs, ce, doc_date, relative=True)
        if date is None and published is None:
            if r.kinds[kind].anaphor == "visit" and cs not in anaphors:
                sm = r.sequence.search(text, max(s.start, cs - 30), min(s.end, ce + 10))
                if sm:
                    reading.pending_sequence = (kind, sequence_number(sm), s.end)
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
            draft.previous = _PREVIOUS.search(text, max(s.start, cs - 30), ce) is not None
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


#: Words that name an inspection as one before the page's own: "the previous inspection", "earlier inspections",
#: "since the last inspection" (the point the page's news is measured from).
_PREVIOUS = re.compile(
    r"(?i)\b(?:previous|prior|earlier|former)\s+(?:[\w-]+\s+){0,2}?(?:inspection|visit)|\bprevious(?:ly)?\b(?=[^.;]{0,30}$)"
    r"|\bsince\s+(?:the|its|their|our)\s+last\s+(?:[\w-]+\s+){0,2}?(?:inspection|visit)"
)

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


#: A relative day glossed by the date after it: "today (", "tonight (".
_TODAY_GLOSS = re.compile(r"(?i)\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\s*\(\s*$")
#: A mention of the newest event: "its latest inspection", "the most recent Ofsted inspection".
_LATEST = re.compile(r"(?i)\b(?:latest|most\s+recent|newest)\b")

#: A report or inspection news copy reports in the present tense, as its subject ("An inspection of Anytown's
#: children's services acknowledges …", "The Ofsted report (published today) finds …") or after the reporting verb
#: (", says an Ofsted report", "according to the Ofsted report"): the report the page reports, published on its date.
_NOW_AFTER = re.compile(
    r"(?i)\s*(?:\([^)]{0,40}\)\s*)?,?\s*(?:(?:also|now|today|still)\s+)?(?:says|finds|acknowledges|warns|concludes|reveals|rates|judges"
    r"|highlights|shows|recognises|argues|criticises|praises|describes|states|notes|confirms)\b"
)
_NOW_BEFORE = re.compile(
    r"(?i)\b(?:says|finds|warns|concludes|according\s+to)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}$"
)


def _reported_now(text: str, s_start: int, s_end: int, cs: int, ce: int, doc_date: PartialDate) -> DateMention | None:
    """The page's date as the publication date of the report news copy reports in the present tense at
    ``cs``–``ce``, else None."""
    if _NOW_AFTER.match(text, ce, s_end) or _NOW_BEFORE.search(text, max(s_start, cs - 40), cs):
        return DateMention(cs, ce, doc_date, relative=True)
    return None


#: A table cell's edge: a flattened row's "|" (or a tab).
_OTHER_CELL = re.compile(r"[|\t]")
_DATE_LABEL = re.compile(r"(?i)\bdates?\b")
#: A clause break between a date and a cue after it: punctuation, or a conjunction that starts the next event's phrase
#: ("a focused visit on 26 and 27 May 2021 and a visit from the Commissioner in July").
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:and|but|while|whilst|whereas)\s+(?!\d)", re.I)
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
            elif _CLAUSE_BREAK.search(text, d.end, cs) and not _UNDER.search(text, max(0, cs - 12), cs):
                # "… between 24 April and 11 May 2017, the previous inspection took place in 2012": a date that ends
                # the clause before a cue is that clause's (not "in 2014, under the single inspection framework")
                distance += 40
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
    # "its inspection, which took place earlier this year from 28 February to 4 March": of two dates the mention
    # gives side by side, the finer one that lies within the coarser is the event's
    for _, _, ci, d in pairs:
        chosen = out.get(ci)
        if (
            chosen is not None
            and id(d) not in taken
            and (d.start >= chosen.end or d.end <= chosen.start)
            and finer_within(d, chosen)
            and _SIDE_BY_SIDE.fullmatch(text, *_gap(chosen, d))
        ):
            taken.discard(id(chosen))
            out[ci] = d
            taken.add(id(d))
    return out


#: Between two dates of one mention side by side: "earlier this year from 28 February to 4 March", "in 2022
#: (14-18 March)", "last year, between 4 and 22 July" (no clause of its own between them).
_SIDE_BY_SIDE = re.compile(r"(?i)[\s,(]*(?:(?:from|on|between|in|during|over|at|the)\s+){0,2}")


def _gap(a: DateMention, b: DateMention) -> tuple[int, int]:
    """The text between two dates that do not overlap, in text order."""
    return (a.end, b.start) if a.end <= b.start else (b.end, a.start)


#: Between a date that modifies an event's name and the name: "the February 2023 Ofsted inspection report"; and
#: the determiner before such a date.
_MODIFIER_DATE = re.compile(r"\s+")
_DETERMINER = re.compile(r"(?i)\b(?:the|its|their|our)\s+$")
#: Between a date in the possessive and the event's name after it: "2015's Ofsted inspection report".
_POSSESSIVE_DATE = re.compile(r"['’]s\s+")
#: A cue that names a report: it ends with the report's name ("Ofsted's letter") or starts with it ("a report
#: published today by Ofsted").
_REPORT = re.compile(r"(?:report|findings|letter)s?$", re.I)
_REPORT_FIRST = re.compile(r"(?:report|findings|letter)s?\b", re.I)
_REPORT_AFTER = re.compile(r"\s+(?:report|findings|letter)s?\b", re.I)  # "the focused visit letter (dated …)"


def _report_end(text: str, ce: int) -> int:
    """Where the name of a cue's report ends: after the report's name that follows the cue ("the monitoring visit
    letter in March 2021": its date is beside the letter), else at the cue's end."""
    after = _REPORT_AFTER.match(text, ce)
    return after.end() if after else ce


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
_OPENING = re.compile(r"(?i)\W*(?:in\s+|on\s+|during\s+)?")
#: ("In November last year an Ofsted report slammed …": the comma may be left out; an adjective or two may come
#: between the determiner and the report: "In 2019, a damning Ofsted report …")
_FRONTED = re.compile(r"(?i)\s*,?\s+(?:an?|the|its|their)\s+(?:(?!(?:and|or|but)\b)[a-z-]+\s+){0,2}?")
#: The verb of carrying out an inspection right before its date, after the name of its report: "… and undertaken in
#: early March", "…, carried out in January".
_CARRIED_OUT = re.compile(
    r"(?i)\b(?:undertaken|carried\s+out|conducted)\s+(?:(?:in|on|during|between|over)\s+)?(?:(?:early|late|mid)[\s-]+)?$"
)
#: A relative clause opening right before a date: "…, which, in ", "… who in ", "…, when ".
_RELATIVE_OPENING = re.compile(r"(?i)\b(?:which|who|when|where)\s*,?\s*(?:(?:in|on|during)\s+)?$")
#: The comma (and space) right after a fronted date.
_COMMA = re.compile(r"\s*,?")


def _past_comma(text: str, pos: int, end: int) -> int:
    """Where the text goes on after the space and comma at ``pos`` (not past ``end``)."""
    m = _COMMA.match(text, pos, end)
    return m.end() if m else pos


_SINCE = re.compile(r"\bsince\s+(?:the\s+|its\s+|their\s+|our\s+)?$", re.I)
_PLURAL_CUE = re.compile(r"(?:inspections|visits|reviews)\b", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|&|and|,\s*and)\s*", re.I)
_YEAR_ALONE = re.compile(r"(?:19|20)\d\d")  # a date written as a year alone (not "late 2024", "2016/17")


def _listed_after(s: Sentence, date: DateMention, used: set[int], cs: int, ce: int) -> list[DateMention]:
    """The further dates of a plural cue: "inspections in 2016 and 2019" are two events; so are the further years
    of a list of years after any cue, "had been inspected in 2017 and 2019" (an inspection lies within one year: a
    list of months, "visits in December and February", may be one event's)."""
    years_only = not _PLURAL_CUE.search(s.text, cs, ce)
    if years_only and not _YEAR_ALONE.fullmatch(s.text, date.start, date.end):
        return []
    out = []
    last = date
    for d in s.dates:
        if d.start < last.end or id(d) in used:
            continue
        if not _LIST_GAP.fullmatch(s.text, last.end, d.start):
            break
        if years_only and (not _YEAR_ALONE.fullmatch(s.text, d.start, d.end) or d.date == last.date):
            break  # ("in late 2024 and early 2025": one event across the year's end)
        out.append(d)
        used.add(id(d))
        last = d
    return out


#: A cue that names a visit ("visited", "Ofsted's visit"), not an inspection.
_VISIT_NOUN = re.compile(r"(?i)\bvisit")


def _cue_draft(
    s: Sentence,
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
    the kind its sentence gives (:func:`.inspection_cues.context_kind`); a generic mention or an Ofsted visit of no stated kind
    (``anaphoric``: "inspectors visited …") takes one by its length (:func:`kind_by_length`)."""
    r = rules()
    text = s.text
    k = kind
    era: str | None = None  # the kind its date alone gives
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
        k = era = resolved
    if (
        anaphoric
        and not by_date
        and date is not None
        and len(date.date.iso()) == 4
        and r.kinds[k].framework in ("sif", "ilacs")
        and _VISIT_NOUN.search(text, cs, ce) is None
    ):
        # "in 2014, under the single inspection framework, and in 2019 … – and the latest in 2023": a mention that
        # refers back takes the framework in force at its own date when the one it refers to had ended or not begun
        era = kind_by_date(r.kinds[GENERIC], date.date)
        if era is not None and r.kinds[era].family != r.kinds[k].family and r.kinds[era].framework in ("sif", "ilacs"):
            k = era
    days = length_days(s, date) if date is not None else None
    if (by_date or unnamed) and date is not None:
        # "rated 'inadequate' following an inspection … from 11 to 13 July 2023": a graded inspection is no focused
        # visit, however short
        k = kind_by_length(k, date, days, graded=s.graded and _VISIT_NOUN.search(text, cs, ce) is None)
    ended = date is not None and bool(r.ended.search(text[max(s.start, date.start - 25) : date.start]))
    planned = date is not None and is_planned(text, cs, ce, date, doc_date, s.planned)
    draft = make_draft(s, k, date, published, ended, planned, cs, ce)
    if (
        unnamed
        and k == OTHER
        and date is not None
        and date.date >= r.length.focused_since
        and _FOCUSED_ON.search(text, ce, s.end)
    ):
        # "The visit took place on 23 May 2023 and was focused on the arrangements for children in need": an
        # Ofsted visit of no stated kind "focused on" one part of the service is a focused visit (one that "looked at"
        # it may be any)
        draft.kind = k = "focused-visit"
    draft.generic = k != kind
    draft.unnamed = unnamed and k == OTHER
    draft.by_era = era is not None and draft.kind == era
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


#: The word focused visits are named for, as a verb: "was focused on", "focusing on".
_FOCUSED_ON = re.compile(r"(?i)\bfocus+(?:ed|ing)\s+on\b")

#: Words of a generic cue that tell an ILACS inspection: a full one, one of the whole children's services.
_TOLD_IN_CUE = re.compile(r"(?i)\bfull\b|\bservices\b|\bchildren\s+in\s+need\b")
#: The whole children's services as the object after the cue ("the 2024 inspection of Children's Services", "the
#: February 2023 Ofsted inspection report of children's services") or, the
#: services or the authority, as the subject before "was inspected" ("the council's services for children in need …
#: was inspected", "The council was last inspected in April").
_SERVICES_AFTER = re.compile(
    r"(?i)(?:\s+(?:report|letter|findings))?\s+(?:of|into)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:children['’]?s\s+(?:social\s+care\s+)?services|services\s+for)\b"
)
_SERVICES_BEFORE = re.compile(r"(?i)\b(?:services|council|authority|borough|county)\b[^.;]{0,120}$")
_FULL_BEFORE = re.compile(r"(?i)\bfull\s+(?:[\w-]+\s+)?$")  # "three full inspections of the service"
#: "improvements made from the 2019 inspection", "progress since its inspection": the point progress is measured from
#: is the last full inspection.
_MEASURED_FROM = re.compile(r"(?i)\b(?:since|from)\s+(?:the\s+|its\s+|their\s+|our\s+)?$")
_PASSIVE = re.compile(r"(?i)\b(?:inspected|assessed|reviewed|visited)\b")


def _framework_told(s: Sentence, cs: int, ce: int) -> bool:
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


def _unnamed_ofsted_event(s: Sentence, cs: int, ce: int) -> bool:
    """Whether the cue of kind "other" at ``cs``–``ce`` is an Ofsted visit of no stated kind (the sentence names
    Ofsted, or no inspectorate: "Inspectors who visited between …"), not another service's inspection nor a review
    by another body."""
    return inspectorate(s, OTHER, cs, ce) in ("ofsted", None) and not other_service(s.text, cs, ce, s.start, s.end)
