"""The mentions of inspections in a sentence: kind cues, anaphors, and the kind a sentence gives a mention of none.

:func:`sentence_cues` finds the kind cues of the kinds table in order (the first cue that matches a span claims it;
a cue that names a framework or a condition, "the ILACS framework", "subject to an inspection", is none; a framework
"replaced" is out of force), then the anaphors that take the kind last named ("the inspection", "Ofsted's visit",
"inspectors, who visited …", "their report", after a commissioner's review "an interim review", after a monitoring or
focused visit a later letter of its series "its most recent letter", after an inspection in the sentence "a previous
review"), a report named with no
event ("Ofsted criticised … in a report") and an ordinal's ellipsis ("the first visit …, and the second in July"); in a
sentence naming no event, a finding the inspectorate stated at the time it opens on ("In 2019, inspectors said …": an
Ofsted visit of no stated kind). A cue whose subject is another service (a children's home, a school, a youth justice
service: :func:`other_service`) or another inspectorate's is of kind "other". :func:`context_kind` is the kind a
generic mention takes from its sentence (a framework it names, a row of the context table).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from caregraph.pipeline.extract.inspection_rules import GENERIC, OTHER, rules
from caregraph.pipeline.extract.patterns import finditer_at_words, folds_simply, holds_any, may_hold

Cue = tuple[int, int, str]  # (start, end, kind)


def sentence_cues(
    text: str, s_start: int, s_end: int, last_kind: dict[str, str | None], lower: str | None = None
) -> tuple[list[Cue], set[int], list[str]]:
    """The kind cues of a sentence, in order, where the anaphors among them are, and the kinds whose framework (not
    an event) the sentence names. A cue whose subject is another service (a children's home, a school, a youth
    justice service) is an inspection of kind "other". ``lower``: the sentence in lower case, when the caller has
    it."""
    r = rules()
    cues: list[Cue] = []
    frameworks: list[str] = []
    sentence = text[s_start:s_end]
    low = sentence.lower() if lower is None else lower
    simple = folds_simply(sentence)
    held = r.cue_index.held(low)  # the words of the tests below the sentence holds, as bits (speed only)
    for (kind, pattern), (needs, words) in zip(r.cue_kinds, r.cue_masks, strict=True):
        if needs and not held & needs:
            continue
        if simple and words and not held & words:
            continue  # no word every cue of the kind holds (speed only)
        for m in pattern.finditer(text, s_start, s_end):
            if _overlaps(cues, m.start(), m.end()):
                continue
            if r.replaced_before.search(text, max(s_start, m.start() - 40), m.start()):
                continue  # "the new framework, which replaced the single inspection framework": out of force
            if not _an_event(text, m.start(), m.end(), s_start, s_end):
                frameworks.append(kind.key)  # "the new area SEND framework"
                continue
            if of_many_councils(text, m.start(), m.end(), s_start, s_end):
                continue  # "Ofsted inspected 40 local authorities": national figures, no event of the page's council
            key = kind.key
            if kind.framework != "joint" and other_service(text, m.start(), m.end(), s_start, s_end):
                key = OTHER  # "Oak Lodge children's home was inspected by Ofsted": another service's inspection
            elif kind.framework == "by-date" and r.other_inspectorate.search(
                text, max(s_start, m.start() - 40), m.end()
            ):
                key = OTHER  # "HM Inspectorate of Probation had inspected the service": not an Ofsted framework's
            cues.append((m.start(), m.end(), key))
    named = bool(cues)
    anaphors: set[int] = set()
    for start, end, ref in _anaphors(text, s_start, s_end, last_kind, not named, list(cues), low if simple else None):
        if not _overlaps(cues, start, end) and not of_many_councils(text, start, end, s_start, s_end):
            cues.append((start, end, ref))
            anaphors.add(start)
    told = low if simple else None  # (the lower case, when it tells which words are in the sentence)
    # (every match of report_subject names a report or letter, in its words or its look-ahead: speed only)
    reported = not simple or holds_any(low, _REPORT_SUBJECT_WORDS)
    for m in r.report_subject.finditer(text, s_start, s_end) if not cues and reported else ():
        # "Ofsted criticised … in a report published in 2012" (of another service when its subject is one: "St
        # Mary's Primary School was rated good by Ofsted in a report published in June 2022")
        cues.append((m.start(), m.end(), OTHER if other_service(text, m.start(), m.end(), s_start, s_end) else GENERIC))
    fronted = not cues and _YEAR_NEAR_START.search(text, s_start, min(s_end, s_start + 48)) is not None
    finding = r.dated_finding.match(text, s_start, s_end) if fronted else None
    if finding is not None:  # "In 2019, inspectors said …": the inspectorate's visit of no stated kind then
        cues.append((finding.start("cue"), finding.end("cue"), OTHER))
        anaphors.add(finding.start("cue"))
    for m in r.ordinal_ellipsis.finditer(text, s_start, s_end) if cues and may_hold(told, r.ordinal_ellipsis) else ():
        before = [c for c in cues if c[1] <= m.start()]
        if before and not _overlaps(cues, m.start(), m.end()):
            cues.append((m.start(), m.end(), max(before)[2]))  # "the first visit …, and the second in July"
            anaphors.add(m.start())
    cues.sort()
    return cues, anaphors, frameworks


#: A year among a sentence's first words: what every match of the rules' ``dated_finding`` holds (speed only).
_YEAR_NEAR_START = re.compile(r"\b(?:19|20)\d\d\b")

#: A word every match of the rules' ``report_subject`` holds (lower case), in its words or in its look-ahead (which
#: sees no further than the sentence): tested first (speed only).
_REPORT_SUBJECT_WORDS = ("report", "letter")


def context_kind(sentence: str, cues: list[Cue], frameworks: list[str]) -> str | None:
    """The kind a mention of no stated kind takes from its sentence, when the sentence names no kind itself: the
    one framework it names ("inspected under the new area SEND framework"), else the first row of the context table
    whose patterns are all in it ("inspected by Ofsted and the CQC" with "SEND" or "local area": a SEND area
    inspection)."""
    r = rules()
    if any(r.kinds[k].framework != "by-date" and k != OTHER for _, _, k in cues):
        return None
    if frameworks and len(set(frameworks)) == 1 and r.kinds[frameworks[0]].framework != "by-date":
        return frameworks[0]
    told = sentence.lower() if folds_simply(sentence) else None  # (for the word pre-checks: speed only)
    return next(
        (key for key, patterns in r.context_kinds if all(may_hold(told, p) and p.search(sentence) for p in patterns)),
        None,
    )


def _overlaps(cues: Sequence[Cue], start: int, end: int) -> bool:
    return any(start < ce and cs < end for cs, ce, _ in cues)


def _an_event(text: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    """Whether the mention at ``start``–``end`` is of an event, not a framework or programme ("the ILACS
    framework"), a condition or a generality ("subject to an inspection", "every inspection")."""
    r = rules()
    if _FRAMEWORK_NAME.search(text, start, end) and _ISSUED.match(text, end, s_end):
        return False  # "the Ofsted Single Inspection Framework published in December 2013": the framework itself
    return not (
        r.not_an_event.search(text[end : min(s_end, end + 40)])
        or r.not_an_event_before.search(text[max(s_start, start - 40) : start])
    )


#: A mention that is a framework's name ("the single inspection framework"), and what makes it the framework's document:
#: "published in November 2013", "introduced in 2018", "which came into force in January".
_FRAMEWORK_NAME = re.compile(r"(?i)framework$")
_ISSUED = re.compile(
    r"(?i)\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:first\s+)?"
    r"(?:published|introduced|launched|issued|came\s+into\s+(?:force|effect)|took\s+effect)\b"
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
    for m in (
        finditer_at_words(r.anaphor, text, s_start, s_end, low, _ANAPHOR_STARTS) if may_hold(low, r.anaphor) else ()
    ):
        noun = m.group("word").lower()
        before = r.anaphor_before.search(text, max(s_start, m.start() - 80), m.start())
        if before is None and noun != "inspections":
            continue
        start = before.start() if before else m.start()
        if not _an_event(text, start, m.end(), s_start, s_end):
            continue
        word = "visit" if noun in ("visit", "visits") else "inspection"
        # the kind named last before it, in its own sentence ("a monitoring visit in February and a further visit in
        # June") or an earlier one
        here = [c for c in in_sentence if c[1] <= start and r.kinds[c[2]].anaphor == word]
        ref = max(here)[2] if here else last_kind[word] or (GENERIC if word == "inspection" else None)
        if (
            ref is not None
            and r.kinds[ref].inspectorate == "dfe"
            and _OFSTED_OWN.search(text, max(s_start, start - 40), m.end())
        ):
            # "identified by inspectors during their visit in June": the inspectors' visit, not the DfE
            # commissioner's named before: an Ofsted visit of no stated kind
            ref = OTHER
        if ref is None and (
            _BY_INSPECTORS.match(text, m.end(), s_end)
            or (before and _INSPECTORS_OWN.search(before.group(0)))
            or _INSPECTORS_MADE.search(text, max(s_start, start - 50), start)
            or _INSPECTORS_AFTER.match(text, m.end(), s_end)
            or (last_kind["inspection"] is not None and _DEFINITE.match(text, start))
        ):
            ref = OTHER  # "following a visit by inspectors in 2019", "Ofsted's latest visit", "inspectors made a visit"
        if ref is not None:
            out.append((start, m.end(), OTHER if other_service(text, start, m.end(), s_start, s_end) else ref))
    if last_kind["inspection"] or last_kind["visit"]:
        for m in (
            finditer_at_words(r.report_anaphor, text, s_start, s_end, low, _REPORT_ANAPHOR_STARTS)
            if may_hold(low, r.report_anaphor)
            else ()
        ):
            # "In their report published today (6 August) inspectors praise …": the report of the event last named
            ref = last_kind["inspection"] or last_kind["visit"]
            if text[m.start()] == "T" and not _OPENING.fullmatch(text, s_start, m.start()):
                continue  # "The report, published …" names the event's report only as the sentence's subject
            if ref is not None and not any(m.start() < e and s < m.end() for s, e, _ in out):
                out.append((m.start(), m.end(), ref))
    visit = last_kind["visit"]
    if visit in LETTER_KINDS and (low is None or "letter" in low):
        # "An Ofsted monitoring visit letter to Anyshire in July 2021 … In our most recent letter in July 2022, …": a
        # letter of a series named with no event is the next visit's of the kind last named (known by its date)
        for m in _LETTER_ANAPHOR.finditer(text, s_start, s_end):
            if not _overlaps(out, m.start(), m.end()) and not _overlaps(in_sentence, m.start(), m.end()):
                out.append((m.start(), m.end(), visit))
    inspection = next((c for c in reversed(in_sentence) if r.kinds[c[2]].anaphor == "inspection"), None)
    if inspection is not None and (low is None or "review" in low):
        # "An Ofsted inspection in November 2022 found a decline since a previous review three years earlier": an
        # earlier event the sentence names as a review, after an inspection, is that kind's earlier inspection
        for m in _EARLIER_REVIEW.finditer(text, inspection[1], s_end):
            if not _overlaps(out, m.start(), m.end()) and not _overlaps(in_sentence, m.start(), m.end()):
                out.append((m.start(), m.end(), inspection[2]))
    reviewer = last_kind["visit"]
    if reviewer is not None and r.kinds[reviewer].inspectorate == "dfe" and (low is None or "review" in low):
        # "the report from the Commissioner … He will carry out an interim review in May 2019 and a final review in
        # November 2019": a review the sentence names with no one's, after a commissioner's review, is the next of hers
        for m in _REVIEW_ANAPHOR.finditer(text, s_start, s_end):
            if not _overlaps(out, m.start(), m.end()):
                out.append((m.start(), m.end(), reviewer))
    if (low is not None and holds_any(low, _SURE_VISIT)) or (
        may_hold(low, _VISIT_WORD) and _VISIT_WORD.search(text, s_start, s_end)
    ):
        # a visit of no stated kind takes the kind of the visit last named, else of the inspection last named
        # ("SEND inspection – outcome. Inspectors from Ofsted and the CQC visited …")
        named = last_kind["inspection"] if last_kind["inspection"] != GENERIC else None
        for m in finditer_at_words(r.visit_verb, text, s_start, s_end, low, _VISIT_VERB_STARTS):
            ref = last_kind["visit"] or named or (OTHER if visits_of_no_kind else None)
            if ref is not None:
                # ("Ofsted today, who looked at the services between …": the day the subject spoke is not the visit's)
                out.append((m.end("when") if m.group("when") else m.start(), m.end(), ref))
    return out


#: A review named with a determiner and no one's name, the next of a series: "an interim review", "a final review",
#: "this six-month review", "the review" (not a review "of" something named: "a review of the front door").
_REVIEW_ANAPHOR = re.compile(
    r"(?i)\b(?:an?|the|this|that|his|her|their|its)\s+(?:(?:interim|final|further|follow-up|initial|first|second|third"
    r"|next|progress|latest|(?:six|three|nine|twelve|\d{1,2})[\s-]months?)\s+){0,2}review\b(?!\s+(?:of|into)\b)"
)

#: The kinds of visit whose findings Ofsted sends as a letter, one a visit (monitoring and focused visits).
LETTER_KINDS = ("monitoring-visit", "focused-visit")
#: A letter of a series named with no event: "our most recent letter", "the latest letter", "its previous letter" (not
#: a letter to or from someone named: "the last letter to the Secretary of State").
_LETTER_ANAPHOR = re.compile(
    r"(?i)\b(?:the|its|their|our|this|that)\s+(?:(?:most\s+recent|latest|last|previous|recent|next|further|first|second"
    r"|third|fourth|fifth|sixth)\s+){1,2}letter\b(?!\s+(?:to|from)\b)"
)
#: An earlier event named as a review: "a previous review", "the last review" (not a review of or by something named:
#: "the previous review of the plan", "the last review by the council").
_EARLIER_REVIEW = re.compile(
    r"(?i)\b(?:an?|the|its|their)\s+(?:previous|last|earlier|prior)\s+review\b(?!\s+(?:of|into|by|from|meeting)\b)"
)

#: The words the matches of the rules' ``anaphor``, ``report_anaphor`` and ``visit_verb`` start with (lower case):
#: they are tried only where these start (speed only).
_ANAPHOR_STARTS = ("inspection", "visit", "revisit", "re-visit")
_REPORT_ANAPHOR_STARTS = ("its", "their", "the")
#: What may come before a report named as its sentence's subject: nothing but space, quotes and brackets.
_OPENING = re.compile(r"[\s\"'“‘(\[]*")
_VISIT_VERB_STARTS = ("ofsted", "inspector", "hmi", "inspection", "education", "watchdog")

#: A definite mention: "The visit took place on 23 May" (or "The Ofsted visit …") after "a recent Ofsted inspection"
#: is the inspectors' visit.
_DEFINITE = re.compile(r"(?i)(?:the|this|that)\s+(?:ofsted\s+)?visit\b")

#: The inspectorate as the subject that made a visit of no stated kind: "inspectors made an unannounced visit",
#: "Ofsted carried out a visit".
_INSPECTORS_MADE = re.compile(
    r"(?i)\b(?:ofsted|inspectors|HMI)\s+(?:(?:had|have|has|then|also|recently)\s+)*(?:made|paid|carried\s+out|conducted|undert(?:ook|aken))\s+$"
)

#: Ofsted or its inspectors as the possessor of a visit, or the subject just before it: "Ofsted's visit", "inspectors
#: during their visit".
_OFSTED_OWN = re.compile(
    r"(?i)\b(?:ofsted|inspectors|HMI)\b(?:['’]s?\s+(?:[\w-]+\s+){0,2}(?:visit|inspection)|[^.;]{0,25}\b(?:their|its)\s+(?:[\w-]+\s+){0,2}(?:visit|inspection))"
)

#: After a visit of no stated kind, the inspectorate that made it: "a visit by inspectors", "a visit from Ofsted".
_BY_INSPECTORS = re.compile(r"(?i)\s+(?:by|from)\s+(?:the\s+)?(?:ofsted\b|(?:ofsted\s+)?inspectors\b|HMI\b)")
#: The inspectorate as the subject of the clause a dated visit opens: "Following a visit in May, inspectors found …",
#: "After a visit last month Ofsted said …" (the visit is theirs).
_INSPECTORS_AFTER = re.compile(
    r"(?i)\s+(?:in|on|during|between|last|this|earlier)\s[^.;:,]{0,40}?,?\s+(?:the\s+)?(?:ofsted(?:\s+inspectors)?|inspectors|HMI)\b(?!['’])"
)

#: The inspectorate as a visit's possessor: "Ofsted's latest visit", "the inspectors' visit", "the watchdog's visit".
_INSPECTORS_OWN = re.compile(r"(?i)\b(?:ofsted|inspectors|HMI|watchdog|regulator)['’]s?\s")

_VISIT_WORD = re.compile(
    r"(?i)(?=[vrcsobwl])(?:visited|visiting|returned|came\s+(?:back|to)|spent|on[\s-]?site|(?:been|were|was)\s+(?:in|at)\s"
    r"|look(?:ed|ing)\s+at\s)"
)

#: Words that are whole matches of :data:`_VISIT_WORD` on their own (lower case): a sentence whose lower case holds one
#: holds a match, so the pattern need not be tried (speed only).
_SURE_VISIT = ("visited", "visiting", "returned", "spent")


#: A clause with a subject of its own: "The Youth Offending Service was rated good … and the council's children's
#: services were rated outstanding".
_NEW_CLAUSE = re.compile(
    r"(?i)[;:]|\b(?:and|but|while|whilst|whereas)\s+(?!(?:a|an|the)\s+(?:[\w-]+\s+)?(?:report|letter)\b)"
)


def of_many_councils(text: str, cs: int, ce: int, s_start: int, s_end: int) -> bool:
    """Whether the cue (or judging frame) at ``cs``–``ce`` is about many councils, not the page's: a count or a
    proportion of them is the subject of its clause ("Nationally, 60 per cent of councils were rated good"), or what
    was inspected ("Ofsted inspected 40 local authorities")."""
    r = rules()
    if r.many_councils_before.search(text[max(s_start, cs - 120) : cs]):
        return True
    return ce > cs and r.many_councils_after.search(text[ce : min(s_end, ce + 60)]) is not None


def other_service(text: str, cs: int, ce: int, s_start: int, s_end: int) -> bool:
    """Whether the cue (or judging frame) at ``cs``–``ce`` is about another service's inspection: its subject is a
    school, children's home, youth offending service … ("Oak Lodge children's home was inspected by Ofsted"), the
    subject of its sentence is one, rated or inspected, or it is the inspection "of" one."""
    r = rules()
    if r.other_service_before.search(text, max(s_start, cs - 70), cs):
        return True
    if cs - s_start > 20:
        subject = r.other_service_subject.match(text, s_start, cs)
        if subject and not _NEW_CLAUSE.search(text, subject.end(), cs):
            return True  # "A council-run children's home has been rated …, following an Ofsted inspection in …"
    if ce > cs and any(m.end() > cs for m in r.other_service_within.finditer(text, max(s_start, cs - 40), ce)):
        return True  # "the Adoption Inspection took place between …", "the Ofsted fostering inspection report"
    return ce > cs and r.other_service_after.search(text[ce : min(s_end, ce + 70)]) is not None
