"""Judgements: grades stated in a judging frame, the areas they grade, and the date a frame places its grade at.

A grade word ("good", "requires improvement", …) is a judgement only inside a judging frame ("rated 'good'", "an
overall judgement of 'Requires Improvement'", "overall effectiveness: inadequate"); :func:`find_judgements` reads
the frames of one sentence, each with the judgement areas its clause names (none for an overall grade; "partial"
for some areas, "good in most areas", or an area of its own, "early help was judged adequate"), whether the text
calls it the overall grade, and whether it is one left behind ("previously judged inadequate"); a denied grade ("no
longer judged to be inadequate") or a wished-for one ("to become good") is none. :func:`table_judgements` reads the grades of flattened report tables ("Overall effectiveness" and the grade on the
next line; an area's label and its grade). :func:`judgement_date` finds the date a frame gives its grade ("rated
'good' in January 2014", "2013 when it was rated inadequate"), :func:`judgement_dates` that date and the dates listed
after it ("inadequate Ofsted ratings in 2011, 2013 and 2015"); failing the worded frames, a date that modifies the
judgement's noun ("the 2022 judgement of inadequate") or the first date of the grade's own clause ("rated inadequate
for a second time in March 2018"). A frame that points at the event named before ("the judgement from that
inspection") or gives a grade again ("again judged outstanding") says so for the merge. Attaching judgements to inspections is the
inspections finder's merge (:mod:`caregraph.pipeline.extract.inspection_merge`). Rules: the ``[judgement_words]``,
``[judgement]`` and ``[judgement_areas]`` tables of ``rules/inspections.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from caregraph.pipeline.dates import DateMention
from caregraph.pipeline.extract.doc import load_rules
from caregraph.pipeline.extract.inspection_rules import WordIndex
from caregraph.pipeline.extract.patterns import (
    at_word_starts,
    folds_simply,
    found_at_words,
    holds_any,
    may_hold,
    needed_words,
)

#: The area key of a grade for some areas, or for an area that is none of the judgement areas: it is not the overall
#: grade and gives no sub-judgement.
PARTIAL = "partial"


@dataclass(frozen=True)
class JudgementRules:
    grade_words: tuple[tuple[str, re.Pattern[str]], ...]  # (judgement key, whole-word pattern)
    scale_ends: tuple[tuple[str, re.Pattern[str]], ...]  # (judgement key, "lowest possible" …): the frame's own
    nouns: tuple[tuple[str, re.Pattern[str]], ...]  # (judgement key, "inadequacy"): the frames' that name them
    frames: tuple[re.Pattern[str], ...]  # judging frames, each with a (?P<grade>…) group
    frame_words: tuple[tuple[str, ...], ...]  # for each frame, words one of which its every match holds
    frame_index: WordIndex  # the words of frame_words, for one pass over a sentence (speed only)
    frame_masks: tuple[int, ...]  # for each frame, the mask of its frame_words
    areas: tuple[tuple[str, re.Pattern[str]], ...]  # (area key, pattern), PARTIAL among them
    partial_after: re.Pattern[str]  # "… good in most areas": the grade's own qualifier


@cache
def rules() -> JudgementRules:
    """The judgement tables of ``rules/inspections.toml``, compiled once."""
    d = load_rules("inspections")
    grade_alternation = "|".join(f"(?:{p})" for p in d["judgement_words"].values())
    frames = tuple(at_word_starts(f.replace("{grade}", grade_alternation)) for f in d["judgement"]["judgement_frames"])
    frame_words = tuple(needed_words(f) for f in frames)
    frame_index = WordIndex([w for words in frame_words for w in words])
    return JudgementRules(
        grade_words=tuple((k, re.compile(rf"^(?:{p})$", re.I)) for k, p in d["judgement_words"].items()),
        scale_ends=tuple((k, re.compile(rf"^(?:{p})$", re.I)) for k, p in d["judgement_scale_ends"].items()),
        nouns=tuple((k, re.compile(rf"^(?:{p})$", re.I)) for k, p in d["judgement_nouns"].items()),
        frames=frames,
        frame_words=frame_words,
        frame_index=frame_index,
        frame_masks=tuple(frame_index.mask(words) for words in frame_words),
        areas=tuple((k, re.compile(p, re.I)) for k, p in d["judgement_areas"].items()),
        partial_after=re.compile(r"\s*['’”\"]?\s*(?:overall\s+)?(?:" + d["judgement_areas"][PARTIAL] + ")", re.I),
    )


@dataclass(frozen=True)
class JudgementMention:
    start: int  # the grade's span
    end: int
    grade: str  # a judgement key
    areas: tuple[str, ...]  # empty or ("overall-effectiveness",) for overall; (PARTIAL,) for some areas
    frame_start: int = 0
    explicit: bool = False  # the text calls it the overall grade ("judged 'Good' overall", "overall judgement")
    earlier: bool = False  # a grade the text says was left behind ("previously judged", "upgraded from"): it
    # belongs only to the inspection its own date names
    other_service: bool = False  # the grade of another service (a children's home, a school); set by the finder
    frame_end: int = 0  # where the judging frame ends (past the grade when the frame names the inspection after it)
    last_named: bool = False  # its sentence opens on the time of the event named before it ("At that time the
    # council was judged 'Good'", "On that occasion, services were rated inadequate"): that event's grade
    again: bool = False  # the grade repeats one given before ("again judged outstanding", "for a second
    # consecutive time"): the grade of the latest event as well as of the earlier one its sentence names

    @property
    def overall(self) -> bool:
        return not self.areas or self.areas == ("overall-effectiveness",)


Located = tuple[JudgementMention, tuple[int, int]]  # a judgement and the span it was read in (its sentence)


def grade_key(word: str) -> str | None:
    """The judgement key of a grade word as written ("Requires Improvement" → "requires-improvement"; "the lowest
    possible rating" → "inadequate"; "inadequacy" → "inadequate")."""
    for key, pattern in (*rules().grade_words, *rules().scale_ends, *rules().nouns):
        if pattern.match(word.strip()):
            return key
    return None


_HYPOTHETICAL = re.compile(
    r"\b(?:(?<!\bable\s)to|could|would|might|will|shall|aim\w*|aspir\w*|becom\w*|achieve|towards|ambition|want|hope\w*|receive|get|move\s+to"
    r"|(?:objective|goal|target|aim|ambition|aspiration|hope|intention)s?\s+of\s+being)"
    r"\s*(?:be\s*|(?:have|get|gain|reach|secure|attain|obtain|earn)\s+)?(?:an?\s*)?(?:(?:rating|grade|judge?ment)\s+of\s+)?$",
    re.I,
)
#: Words before a judging frame that made the grade happen, its "to" no wish: "leading the watchdog to upgrade the
#: service to …", "which led inspectors to rate the council …", "Ofsted went on to upgrade …", "she led Anyshire
#: County Council's children's services to a good rating" (an object of up to six words).
_CAUSED = re.compile(
    r"\b(?:(?:led|lead(?:s|ing)?|prompt(?:s|ed|ing)|caus(?:e|es|ed|ing))\s+(?:[\w’'-]+\s+){1,6}?"
    r"|(?:went|gone|goes|going)\s+on\s+)to\s+$",
    re.I,
)
#: Words before a judging frame that deny the grade ("no longer judged to be inadequate").
_NEGATED = re.compile(r"\b(?:no\s+longer|not|never|n['’]t)\s+(?:(?:been|be|yet|currently)\s+)*$", re.I)
#: Words before a judging frame that pass the grade by ("leapfrog the 'requires improvement' judgement", "skipped
#: the RI grade", "narrowly avoided an inadequate rating"): no event's grade.
_SKIPPED = re.compile(
    r"\b(?:leap-?frog(?:s|ged|ging)?|skip(?:s|ped|ping)?|bypass(?:es|ed|ing)?|avoid(?:s|ed|ing)?|escap(?:e|es|ed|ing)"
    r"|jump(?:s|ed|ing)?\s+(?:straight\s+)?(?:over|past))\s+(?:(?:straight|right|entirely|altogether)\s+)?"
    r"(?:(?:over|past)\s+)?(?:the\s+|an?\s+|its\s+|their\s+)?$",
    re.I,
)
#: Words before a judging frame, or between the frame's start and its grade, that make the grade one left behind
#: ("previously rated", "since being judged", "since it was rated", "for the first time since rating them").
_EARLIER = re.compile(
    r"\b(?:previously|formerly|once|out\s+of\s+(?:its|their|the|an?)|from|since)\s+(?:(?:it|they|this|that|we|the\s+council|the\s+authority)\s+)?(?:(?:been|being|had|has|have|was|were)\s+)*['‘’\"“]?$"
    # "from an 'inadequate' rating", "from a position of inadequate": the grade moved from
    r"|\bfrom\s+(?:an?|the|its|their)\s+(?:(?:position|rating|judge?ment|grade)\s+of\s+)?['‘’\"“]?$",
    re.I,
)
#: A judgement named as what an event follows: "a re-inspection …, following a judgement of inadequate", "after a
#: rating of inadequate in 2014" (not "welcomed … following an 'outstanding' rating", the grade the event gave).
_FOLLOWING = re.compile(r"\b(?:following|after)\s+(?:an?|the|its|their)\s+(?:(?:overall|previous|earlier)\s+)?$", re.I)
_NOUN_FRAME = re.compile(r"(?:judgement|judgment|rating|grade|grading)s?\s+of\b", re.I)
#: Right after a grade, a word that makes it one left behind: "judged inadequate [previously]", "rated
#: 'requires improvement' previously".
_EARLIER_AFTER = re.compile(r"['’”\"]?\s*[\[(]?\s*(?:previously|formerly|before\s+that)\b", re.I)
#: A sentence's opening that places it at the time of the event named before it: "At that time", "At the time of
#: that inspection", "On that occasion", "At this point".
_LAST_NAMED_OPENING = re.compile(
    r"[\s\W]*(?:at\s+(?:this|that|the)\s+(?:time|point|stage)(?:\s+of\s+(?:this|that|the)\s+(?:inspection|visit))?|"
    r"on\s+(?:this|that|the)\s+occasion|at\s+(?:this|that)\s+(?:inspection|visit))\b",
    re.I,
)
#: Words that make a grade one given again: "again judged outstanding", "good for the third consecutive time".
_AGAIN = re.compile(r"\b(?:again|once\s+more|consecutive(?:ly)?|in\s+a\s+row)\b", re.I)
#: The event named before, pointed at by a demonstrative: "that inspection", "this visit", "the same inspection".
_THAT_EVENT = re.compile(r"\b(?:that|this|the\s+same)\s+(?:inspection|re-?inspection|visit)\b", re.I)
#: What every judging frame holds: a grade word (the first letters' look-ahead lets it give up at once: speed only).
_GRADE_WORD = re.compile(
    r"(?i)(?=[goiranlhtwb])(?:good|inadequate|outstanding|requir|adequate|need(?:s|ed|ing)\s+improv|\bRI\b|lowest|worst|highest|best|top\s)"
)
#: Words that are whole matches of :data:`_GRADE_WORD` on their own (lower case): a span whose lower case holds one
#: holds a match, so the pattern need not be tried (speed only).
_SURE_GRADE_WORDS = ("good", "adequate", "outstanding", "requir", "lowest", "worst", "highest", "best")
#: The words the other matches of :data:`_GRADE_WORD` start with ("ri" of "RI"): tried only where they start (speed
#: only).
_OTHER_GRADE_WORDS = ("need", "ri", "top")
#: A word every match of :data:`_GRADE_WORD` holds (lower case; "ri" of "RI").
_GRADE_WORDS = (*_SURE_GRADE_WORDS, *_OTHER_GRADE_WORDS)
_OVERALL_WORD = re.compile(r"\boverall\b", re.I)
#: What follows a grade that is a good thing, not a grade ("good practice", "outstanding work").
_NOT_A_GRADE_AFTER = re.compile(
    r"\s+(?:practice|work|progress|quality|support|examples?|outcomes?|relationships?|levels?|standards?|news|care|team|people"
    r"|evidence|leadership|engagement|understanding|use|partnerships?|communication|morale|oversight|management)\b",
    re.I,
)
_SUBJECT_BREAK = re.compile(
    r"[.;,:]\s|\b(?:why|that|which|because|while|whilst|but|(?<!looked\s)after|since|when)\s", re.I
)


def find_judgements(text: str, start: int, end: int) -> list[JudgementMention]:
    """Grades stated in a judging frame ("rated 'good'", "an overall judgement of 'Requires Improvement'"), each
    with the judgement areas its clause names (none for an overall grade)."""
    found = _graded_frames(text, start, end)
    opens_on_it = bool(found) and _LAST_NAMED_OPENING.match(text, start, end) is not None
    out = []
    for i, (gs, ge, grade, fs, fe) in enumerate(found):
        lo = found[i - 1][1] if i else start
        hi = found[i + 1][0] if i + 1 < len(found) else end
        # "The resultant judgement from that inspection was 'Requires Improvement'": the frame names the event named
        # before its sentence
        last_named = opens_on_it or _THAT_EVENT.search(text, max(lo, fs - 40), gs) is not None
        explicit = bool(_OVERALL_WORD.search(text, max(lo, fs - 15), min(hi, ge + 12)))
        earlier = bool(
            _EARLIER.search(text, max(lo, fs - 30), fs)
            or (_NOUN_FRAME.match(text, fs) and _FOLLOWING.search(text, max(lo, fs - 30), fs))
            or (gs > fs and _EARLIER.search(text, max(fs, gs - 30), gs))
            or _EARLIER_AFTER.match(text, ge, min(hi, ge + 16))
        )
        areas = _frame_areas(text, lo, hi, gs, ge, fs)
        again = _AGAIN.search(text, max(lo, fs - 40), min(hi, ge + 30)) is not None
        out.append(
            JudgementMention(
                gs,
                ge,
                grade,
                areas,
                fs,
                explicit and not areas,
                earlier,
                frame_end=fe,
                last_named=last_named,
                again=again,
            )
        )
    return out


def _graded_frames(text: str, start: int, end: int) -> list[tuple[int, int, str, int, int]]:
    """``(grade start, grade end, grade, frame start, frame end)`` of every judging frame in ``text[start:end]``, in
    order; a grade wished for ("to become good") or a good thing that is no grade ("good practice") is none."""
    found: list[tuple[int, int, str, int, int]] = []
    span = text[start:end]
    low = span.lower() if folds_simply(span) else None  # (for the word pre-checks: speed only)
    if not _may_grade(text, start, end, low):
        return found  # every frame holds a grade word
    r = rules()
    held = r.frame_index.held(low) if low is not None else None  # (as bits: speed only)
    for frame, words in zip(r.frames, r.frame_masks, strict=True):
        if held is not None and words and not held & words:
            continue  # no word the frame needs: no match
        for m in frame.finditer(text, start, end):
            gs, ge = m.span("grade")
            if any(gs < fe and fs < ge for fs, fe, _, _, _ in found):
                continue
            grade = grade_key(m.group("grade"))
            if grade is None:
                continue
            before = text[max(start, m.start() - 25) : m.start()]
            if (
                (_HYPOTHETICAL.search(before) and not _CAUSED.search(text, max(start, m.start() - 90), m.start()))
                or _NEGATED.search(before)
                or _SKIPPED.search(before)
            ):
                continue
            if not text[ge : m.end()].strip("'’”\"") and _NOT_A_GRADE_AFTER.match(
                text, m.end(), min(end, m.end() + 16)
            ):
                continue  # ("found 'good' examples": the frame's closing quote mark before the noun)
            found.append((gs, ge, grade, m.start(), m.end()))
    found.sort()
    return found


def _may_grade(text: str, start: int, end: int, low: str | None) -> bool:
    """Whether ``text[start:end]`` holds a match of :data:`_GRADE_WORD` (``low``: its lower case, when it folds
    simply). Speed only: with none of :data:`_SURE_GRADE_WORDS`, a match starts with a word of
    :data:`_OTHER_GRADE_WORDS`, tried only there."""
    if low is None:
        return _GRADE_WORD.search(text, start, end) is not None
    return holds_any(low, _SURE_GRADE_WORDS) or found_at_words(_GRADE_WORD, text, start, end, low, _OTHER_GRADE_WORDS)


def _frame_areas(text: str, lo: int, hi: int, gs: int, ge: int, fs: int) -> tuple[str, ...]:
    """The areas a grade at ``gs``–``ge`` grades: named after it ("in the domains of …"), else in the subject of
    its judging verb, else after "for"/"in" right after it. ``lo``–``hi``: between the neighbouring grades."""
    after = text[ge:hi]
    if rules().partial_after.match(after):
        return (PARTIAL,)
    dm = re.match(
        r"\s*['’”\"]?\s*(?:in|for|across)\s+(?:the\s+|all\s+)?(?:domains?|areas?|judgements?)\s+(?:of|for)\b(?P<rest>[^.;]*)",
        after,
        re.I,
    )
    if dm:
        return areas_in(dm.group("rest"))
    if re.match(r"\s*['’”\"]?\s*(?:in|across)\s+(?:all|every)\s+(?:areas|domains|aspects)", after, re.I):
        return ()
    clause_start = max(lo, text.rfind("\n", lo, gs) + 1, fs - 90)
    clause = text[clause_start : max(clause_start, min(gs, fs if fs > clause_start else gs))]
    # only the subject of the judging verb: after the last clause break before it
    cut = max((m.end() for m in _SUBJECT_BREAK.finditer(clause)), default=0)
    areas = areas_in(clause[cut:] + text[fs:gs])
    if not areas and cut:
        # a subject "N of the M areas" that a relative clause splits from its verb ("three of the five key areas that
        # were inspected were classified as good"): some areas' grade
        hard = max((m.end() for m in _HARD_BREAK.finditer(clause)), default=0)
        if _PARTITIVE.search(clause, hard, cut) or _SOME_AREAS.search(clause, hard, cut):
            return (PARTIAL,)
    if areas and (
        _WHOLE_SERVICE.issubset(areas_in(clause + text[fs:gs])) or _WHOLE_SERVICE_TITLE.search(clause + text[fs:gs])
    ):
        # "the inspection of services for children in need of help and protection, children looked after and care
        # leavers … found them inadequate": every area named is the whole service, the grade the overall one
        return ()
    if not areas:
        tail = _AREA_TAIL.match(after)
        if tail:
            rest = tail.group("rest")
            rest = rest[: m.start()] if (m := _CLAUSE_STOP.search(rest)) else rest
            # "Good ratings were received for the impact of leaders, … and overall effectiveness": the overall grade
            areas = () if _OVERALL_AREA.search(rest) else areas_in(rest)
    return areas


#: A count of some of the judgement areas: "three of the five key areas", "two out of four judgements".
_PARTITIVE = re.compile(
    r"\b(?:one|two|three|four|five|six|\d)\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:two|three|four|five|six|"
    r"seven|\d)\s+(?:[\w-]+\s+){0,2}?(?:areas|judgements|judgments|domains|aspects|categories)\b",
    re.I,
)
_HARD_BREAK = re.compile(r"[.;:]\s")


#: Some of the judgement areas, counted by a word: "the majority of areas", "most of the key judgements".
_SOME_AREAS = re.compile(
    r"\b(?:majority|most|some|many|several|half)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?"
    r"(?:areas|judgements|judgments|domains|aspects|categories)\b",
    re.I,
)


#: A grade's own "for"/"in" phrase right after it, past the frame's noun and its verb ("'good' for children in care",
#: "an Outstanding rating for the experiences and progress of …", "a rating of 'good' for services for children and
#: young people in care", "Good ratings were received for …"): the areas it grades.
_AREA_TAIL = re.compile(
    r"\s*['’”\"]?\s*(?:(?:judgements?|judgments?|ratings?|grades?|gradings?)\s+(?:(?:was|were)\s+(?:received|awarded|"
    r"given|achieved)\s+)?)?(?:for|in|around)\s+(?:the\s+)?(?:(?:services?|those)\s+for\s+)?"
    r"(?P<rest>['‘’\"“]?(?:impact|experiences|help|children|young|care|leadership|families)\b[^.;\n]{0,160})",
    re.I,
)
#: Where the phrase of a grade's areas ends: another clause ("…, with the overall effectiveness rated as good").
_CLAUSE_STOP = re.compile(
    r",\s*(?:with|where|which)\b|\b(?:while|whilst|but|whereas|rated|judged|graded|assessed)\b", re.I
)
_OVERALL_AREA = re.compile(r"\boverall\s+effectiveness\b", re.I)


#: The areas that, named together, are the whole service (the single inspection framework's title names them).
_WHOLE_SERVICE = frozenset({"help-and-protection", "children-in-care"})


#: The title of the whole service under the frameworks before the SIF ("inspection of safeguarding and looked after
#: children services"): it names no one area.
_WHOLE_SERVICE_TITLE = re.compile(r"(?i)\bsafeguarding\s+and\s+looked\s+after\s+children\b")


def areas_in(fragment: str) -> tuple[str, ...]:
    """The judgement areas ``fragment`` names (care leavers within "children in care and care leavers" once; the
    overall area only when it is the only one)."""
    found = []
    for key, pattern in rules().areas:
        if pattern.search(fragment) and key not in found:
            if key == "care-leavers" and "children-in-care" in found:
                continue
            found.append(key)
    for vague in ("overall-effectiveness", PARTIAL):
        if vague in found and len(found) > 1:
            found.remove(vague)
    return tuple(found)


#: A council named as the subject of the judging verb right after it: "Sefton Council which was rated 'Good'",
#: "Essex County Council is rated as outstanding", "the London Borough of Anytown's children's services were judged",
#: "neighbouring Westshire Council, which Ofsted rated", "Essex County Council, whose children's services were rated",
#: "Kent County Council, where services were judged", "Hampshire and Kent councils were both judged". The name ends
#: at "Council" (or "councils" after two names joined by "and") or is "(London|Royal) Borough of X"; a neighbour is
#: named by its place alone too ("Neighbouring Hampshire was rated", "our statistical neighbour Hertfordshire received").
#: Its services may be what someone led to a grade: "she led Lancashire County Council's children's services to a good
#: rating".
#: (Not "a council" as the sentence's subject: a news story's lede names its own council so, "A council where
#: children's services were rated 'inadequate' last year is making progress"; but a council the text names by "a" after
#: a preposition or a verb of working is another one: "she was Assistant Director at a council rated outstanding in
#: 2020", group ``some``.)
#: A council's name as written: "… Council" (up to five capitalised words before it) or "(London|Royal) Borough of X".
_COUNCIL_NAME = (
    r"(?:[A-Z][\w’'-]+\s+(?:(?:and|upon|on|of)\s+)?){1,5}?(?:(?:County|City|Borough|District|Metropolitan\s+Borough)\s+)?Council"
    r"|(?:London|Royal)\s+Borough\s+of\s+[A-Z][\w-]+(?:\s+(?:and|upon)\s+[A-Z][\w-]+)?"
)
_SUBJECT_COUNCIL = re.compile(
    rf"(?P<name>(?-i:{_COUNCIL_NAME}"
    r"|[A-Z][\w’'-]+(?:,\s+[A-Z][\w’'-]+)*\s+and\s+[A-Z][\w’'-]+\s+(?:(?:county|city|borough|district)\s+)?councils)"
    r"|(?:neighbouring|nearby|statistical\s+neighbours?)\s+(?P<place>(?-i:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}))"
    r"|(?<![\w-])(?:at|of|for|from|with|in|to|joined|left|led|leading|ran|running)\s+(?P<some>(?:an?|another|one)\s+"
    r"(?:other\s+|different\s+|previous\s+|former\s+|neighbouring\s+)?(?:[\w-]+\s+)?(?:council|local\s+authority)))"
    r"(?:\s*,?\s*(?:whose|where)\s+(?:(?:the|its|their)\s+)?(?:[\w’'-]+\s+){0,3}?services?)?"
    r"(?:(?:['’]s?)?\s+(?:[\w’'-]+\s+){0,4}?services?(?:\s+to)?)?\s*,?\s*(?:(?:which|who|that)\s+)?(?:(?:ofsted|inspectors)\s+)?"
    r"(?:(?:has|have|had|was|were|is|are)\s+)?(?:(?:been|also|now|recently|previously|since|both)\s+)*$",
    re.I,
)


def subject_council(text: str, j: JudgementMention | int, s_start: int) -> str | None:
    """The council named as the subject of ``j``'s judging frame (or of the inspection named at ``j``, a position),
    as written ("Sefton Council which was rated 'Good' in August" → "Sefton Council"; "Neighbouring Hampshire was
    rated" → "Hampshire"; "Lancashire County Council's ILACS inspection", "Lancashire County Council was inspected"
    → "Lancashire County Council"), or None: the grade or the inspection is that council's."""
    at = j if isinstance(j, int) else j.frame_start
    m = _SUBJECT_COUNCIL.search(text, max(s_start, at - 90), at)
    if m is None and isinstance(j, int):
        m = _POSSESSOR_COUNCIL.search(text, max(s_start, at - 90), at)
    if m is None:
        return None
    return m.groupdict().get("place") or m.groupdict().get("some") or m.group("name")


#: A council named as the possessor of the inspection named right after it: "Lancashire County Council's ILACS
#: inspection", "Essex County Council's last inspection" (the name as in :data:`_SUBJECT_COUNCIL`).
_POSSESSOR_COUNCIL = re.compile(rf"(?P<name>(?-i:{_COUNCIL_NAME}))['’]s\s+$")


# ------------------------------------------------------------------------------------------------ tables

_OVERALL_TABLE = re.compile(
    r"(?i)\boverall\s+effectiveness\s*[:|\-–]?\s*\n[\s|]*(?P<grade>outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?|adequate)\b"
)
_GRADE_LINE = re.compile(  # (the look-ahead, on what a match can start with, is for speed)
    r"(?im)(?=[ \t|:ogir])(?:^|(?P<bar>[ \t]*[|\t:][ \t]*))(?P<grade>outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?)[ \t|]*$"
)
_AREA_LABEL = re.compile(
    r"(?i)^[ \t|]*(?:the\s+)?(?:impact\s+of\s+leaders|experiences\s+and\s+progress\s+of|leadership|children\s+(?:who\s+need|in\s+care|looked\s+after)|care\s+leavers|help\s+and\s+protection)\b[^|\t\n:]*$"
)


#: The words the grade of every match of :data:`_GRADE_LINE` starts with (lower case).
_GRADE_LINE_WORDS = ("outstanding", "good", "inadequate", "require")
#: What may stand between a line's start or a table cell's bar and the grade, in a match of :data:`_GRADE_LINE`.
_BAR_CHARACTERS = frozenset(" \t|:")


def _grade_lines(text: str, limit: int, low: str | None) -> Iterator[re.Match[str]]:
    """The matches of :data:`_GRADE_LINE` in ``text[:limit]``, as its ``finditer`` gives them (``low``:
    ``text[:limit]`` in lower case, when it folds simply). Speed only: a match's grade starts where a word of
    :data:`_GRADE_LINE_WORDS` does, right after the line's start or the bar before it (spaces, tabs, bars and colons),
    so the pattern is tried only there, not at every space of the text."""
    if low is None:
        yield from _GRADE_LINE.finditer(text, 0, limit)
        return
    starts = sorted({q for word in _GRADE_LINE_WORDS for q in _occurrences(low, word)})
    last = 0
    for g in starts:
        if g < last:
            continue
        p = g
        while p > last and text[p - 1] in _BAR_CHARACTERS:
            p -= 1
        for c in range(p, g + 1):
            m = _GRADE_LINE.match(text, c, limit)
            if m is not None:
                yield m
                last = m.end()
                break


def _occurrences(low: str, word: str) -> Iterator[int]:
    """Where ``word`` starts in ``low``, in order."""
    q = low.find(word)
    while q >= 0:
        yield q
        q = low.find(word, q + 1)


def table_judgements(text: str, limit: int, known: set[int]) -> list[Located]:
    """Grades in flattened report tables in ``text[:limit]`` that are not among the grades starting at ``known``:
    "Overall effectiveness" and the grade on separate lines, and a judgement area's label on one line with its
    grade on the next (or after a bar)."""
    out: list[Located] = []
    known = set(known)
    low = text[:limit].lower() if folds_simply(text) else None  # (for the word pre-checks: speed only)
    for m in _OVERALL_TABLE.finditer(text, 0, limit) if may_hold(low, _OVERALL_TABLE) else ():
        grade = grade_key(m.group("grade"))
        if grade and m.start("grade") not in known:
            out.append((JudgementMention(m.start("grade"), m.end("grade"), grade, (), m.start()), (m.start(), m.end())))
    known |= {j.start for j, _ in out}
    for m in _grade_lines(text, limit, low) if may_hold(low, _GRADE_LINE) else ():
        area_end = m.start() if m.group("bar") else m.start() - 1
        area_start = text.rfind("\n", 0, max(0, area_end)) + 1
        label = text[area_start : max(area_start, area_end)]
        if not 8 <= len(label) <= 140 or not _AREA_LABEL.match(label) or m.start("grade") in known:
            continue
        areas = areas_in(label)
        grade = grade_key(m.group("grade"))
        if grade and len(areas) == 1 and areas != ("overall-effectiveness",) and areas != ("lscb",):
            out.append(
                (JudgementMention(m.start("grade"), m.end("grade"), grade, areas, area_start), (area_start, m.end()))
            )
    return out


# ------------------------------------------------------------------------------------------------ dates


#: Between a grade and its date after it: "rated 'good' in January 2014", "inadequate for overall effectiveness in
#: June 2018", "judged inadequate since 2016", "the inadequate rating the service has held since 2017", "the Good rating
#: that Anyshire was awarded by Ofsted in 2022", "rated good by Ofsted in a report published this week", "rated
#: inadequate as recently as 2016", "from 'good', which was awarded in 2017".
_DATE_AFTER = re.compile(
    r"['’”\"]?\s*(?:(?:services?|overall|(?:once\s+)?again|for\s+overall\s+effectiveness|in\s+every\s+area\s+assessed|by\s+(?:ofsted|inspectors|the\s+inspectorate))\s+){0,3}"
    r"(?:(?:ofsted\s+)?(?:judgement|judgment|rating|grade|grading)s?,?\s+(?:[\w’'-]+\s+){0,5}?"
    r"(?:(?:by|from)\s+(?:ofsted|inspectors|the\s+(?:inspectorate|regulator|watchdog))\s+)?)?"
    r",?\s*(?:(?:in|following|after)\s+(?:an?|its|the|their)\s+(?:[\w’'-]+\s+){0,2}?(?:report|letter|findings)\s+)?"
    r"(?:(?:(?:that|which)\s+(?:was|were)\s+)?(?:awarded|given|received|handed\s+down)?\s*(?:at|in|during|following|after)\s+"
    r"(?:an?|its|the|their|(?:ofsted|inspectors|the\s+(?:watchdog|regulator))['’]s?)\s+(?:[\w’'-]+\s+){0,3}?(?:inspection|re-?inspection|visit)"
    r"(?:\s+by\s+(?:the\s+)?(?:inspectorate|ofsted|inspectors|regulator))?\s+)?"
    # the grade's own relative clause: "from 'good', which was awarded in 2017", "'requires improvement', which it was
    # given in 2014"
    r"(?:,?\s*(?:which|that)\s+(?:(?:it|they|the\s+(?:council|authority|service|department))\s+)?(?:was|were|had\s+been|has\s+been)\s+"
    r"(?:awarded|given|received|achieved|gained|handed)\s+(?:by\s+(?:ofsted|inspectors|the\s+(?:inspectorate|regulator|watchdog))\s+)?)?"
    r"(?:\(\s*)?(?:in|during|since|of|as\s+(?:recently|late|early|long\s+ago)\s+as|(?:published|issued|released)(?:\s+(?:on|in))?)\s+"
    r"(?:both\s+)?(?:(?:early|mid|late)[\s-]+)?",
    re.I,
)
#: Between a date and the judging frame after it: "2013 when it was rated inadequate", "since January 2019, when
#: Ofsted assessed the service as", "In August 2022, children's services were rated", "in July 2022 the local
#: authority was deemed inadequate", "In 2016, under the single inspection framework, the council was judged".
#: "in 2022 the service was able to retain its 'outstanding' grading" (a grade kept or won, its frame the quoted grade).
_DATE_BEFORE_WHEN = re.compile(
    r"\)?\s*,?\s*when\s+(?:[\w’'-]+\s+){1,5}?(?:(?:was|were|had|has|have|is|are)\s+(?:been\s+)?)?", re.I
)
_DATE_BEFORE = re.compile(
    # the subject's words; "and" only between two capitalised words of one name ("Barking and Dagenham Council's")
    r"(?:\s*,\s*[^,.;]{1,90}?,)?,?\s+(?:(?:(?-i:[A-Z])[\w’'-]*\s+(?:and|&)\s+(?=(?-i:[A-Z])))?"
    r"(?!(?:and|but|while|whilst|whereas)\b)[\w’'-]+\s+){1,5}?"
    r"(?:(?:was|were|is|are|has|have|had)\s+(?:(?:been|again|now|also|able\s+to)\s+)*"
    r"(?:(?:retain|maintain|keep|kept|achiev|receiv|regain)\w*\s+(?:its|their|the|an?)\s+)?"
    # a grade given as the noun's modifier: "were given an inadequate rating", "received the lowest rating"
    r"(?:(?:given|awarded|handed|assigned|receiv\w*|achiev\w*|gain\w*|earn\w*)\s+)?"
    r"|(?:received|achieved|gained|earned|got|retained|kept|regained)\s+)",
    re.I,
)
#: Between a date and an active judging verb whose subject is the inspectorate: "In June 2022 inspectors rated …",
#: "In March 2019, Ofsted judged …", "in 2018, Ofsted inspectors said the service needed improving".
_DATE_BEFORE_ACTIVE = re.compile(
    r"\s*,?\s+(?:ofsted\s+|the\s+|its\s+)?(?:inspectors|ofsted|inspectorate|HMIs?)\s+(?:(?:again|also|then|had|have)\s+)*"
    r"(?:(?:said|found|concluded|reported)\s+(?:that\s+)?(?:the\s+|its\s+|their\s+)?)?",
    re.I,
)
#: The pieces of the told-that patterns below: the inspectorate's reporting verb, the council it told, and a "that"
#: clause up to its subject and verb (the judging frame's start).
_REPORTING_VERB = r"(?:said|found|concluded|reported|told|informed|warned|stated|judged|decided|confirmed)"
_TOLD_COUNCIL = r"(?:\s+(?:the|its)\s+(?:council|authority|local\s+authority))?"
_THAT_TO_VERB = (
    r"\s+that\s+(?:(?:the|its|their|our)\s+)?(?:[\w’'-]+\s+){0,5}?"
    r"(?:(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+)?"
)
#: Between a date and a judging frame inside a "that" clause the inspectorate's report or telling gives, the teller
#: after the date: "In November 2016 Ofsted told the council that its children's services required improvement", "In
#: 2019, inspectors concluded that the council's services were good", "In November 2016 the council was told that
#: …" (the told council as the subject); up to the clause's subject and its verb, the frame's start.
_DATE_BEFORE_TOLD = re.compile(
    r"\s*,?\s+(?:(?:ofsted(?:\s+inspectors)?|inspectors|the\s+(?:inspectorate|watchdog|regulator)|HMIs?)\s+"
    rf"(?:(?:had|has|have|also|then)\s+)*{_REPORTING_VERB}{_TOLD_COUNCIL}"
    r"|(?:the\s+)?(?:council|authority|local\s+authority|(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+){0,3})\s+"
    rf"(?:was|were|had\s+been|has\s+been)\s+(?:told|informed|notified|advised)){_THAT_TO_VERB}",
    re.I,
)
#: ... and the date between the inspectorate's reporting verb and its "that" clause: "Ofsted inspectors found in 2016
#: that children's services in Anyshire were inadequate" (``_REPORTED_IN`` before the date, ``_THAT_CLAUSE`` after it
#: up to the frame's start).
_REPORTED_IN = re.compile(
    rf"\b(?:ofsted|inspectors|inspectorate|watchdog|regulator|HMIs?)\b[^.;]{{0,30}}?\b{_REPORTING_VERB}{_TOLD_COUNCIL}"
    r"\s+(?:(?:in|during|on)\s+)?$",
    re.I,
)
_THAT_CLAUSE = re.compile(rf"\s*,?{_THAT_TO_VERB}", re.I)
#: Around a date inside a judging frame, before its grade: "rated in 2016 as 'good'", "and then in 2015 as".
_DATE_IN_FRAME_BEFORE = re.compile(r"\b(?:in|during)\s+(?:(?:early|mid|late)[\s-]+)?$", re.I)
_DATE_IN_FRAME_AFTER = re.compile(r"\s*,?\s+(?:as\s+(?:being\s+)?(?:an?\s+)?|to\s+be\s+)['‘’\"“]?", re.I)
#: Before a date that dates the judging frame after it: the sentence's start, a clause's punctuation or a preposition
#: ("In March 2019, Ofsted judged …", "On 27 March 2015, Ofsted judged …").
_LEADING_IN = re.compile(r"(?:^|[.(,;:]\s*|\b(?:in|on|since|during|from|published|issued|released)\s+)$", re.I | re.M)


def judgement_date(text: str, j: JudgementMention, dates: Sequence[DateMention]) -> DateMention | None:
    """The date a judging frame places its grade at: "rated 'good' in January 2014", "(in 2016)", "2013 when it
    was rated inadequate", "since 2017, when Norfolk was judged as …", "In August 2022, services were rated …", "In
    June 2022 inspectors rated …"."""
    for d in dates:
        if d.start >= j.end and d.start - j.end < 100 and _DATE_AFTER.fullmatch(text, j.end, d.start):
            return d
        if (
            j.end <= d.start <= j.end + 40
            and _RELATIVE_DATE.match(text, d.start, d.end)
            and _BY_WHOM.fullmatch(text, j.end, d.start)
        ):
            # "found 'inadequate' last summer", "rated good last year", "rated inadequate by Ofsted last year": a
            # relative date right after it, or after the inspectorate that graded
            return d
        if (
            d.relative
            and j.end < d.start < j.end + 120
            and _RELATIVE_DATE.match(text, d.start, d.end)
            and _EVENT_BEFORE_RELATIVE.fullmatch(text, j.end, d.start)
        ):
            return d  # "a 'Good' rating following an intensive review of its children's services last month"
    for d in dates:  # "… and then in 2015 as 'requires improvement'", "rated in 2016 as good": the frame's own date
        if (
            j.frame_start < d.start
            and d.end <= j.start
            and _DATE_IN_FRAME_BEFORE.search(text, max(j.frame_start, d.start - 20), d.start)
            and _DATE_IN_FRAME_AFTER.fullmatch(text, d.end, j.start)
        ):
            return d
    for d in sorted(dates, key=lambda d: -d.start):  # the nearest before the frame first
        if d.end <= j.frame_start and j.frame_start - d.end < 120:
            if j.frame_start - d.end < 60 and _DATE_BEFORE_WHEN.fullmatch(text, d.end, j.frame_start):
                return d
            if (
                _DATE_BEFORE.fullmatch(text, d.end, j.frame_start)
                or (j.frame_start - d.end < 60 and _DATE_BEFORE_ACTIVE.fullmatch(text, d.end, j.frame_start))
            ) and _LEADING_IN.search(text, max(0, d.start - 12), d.start):
                return d
            if (
                _DATE_BEFORE_TOLD.fullmatch(text, d.end, j.frame_start)
                and _LEADING_IN.search(text, max(0, d.start - 12), d.start)
            ) or (
                _THAT_CLAUSE.fullmatch(text, d.end, j.frame_start)
                and _REPORTED_IN.search(text, max(0, d.start - 70), d.start)
            ):
                return d  # "In November 2016 Ofsted told the council that its services …", "found in 2016 that …"
    for d in dates:  # "In 2012, safeguarding and looked after children's services at Lambeth were rated …": a date
        # fronted in its sentence dates the clause after it, however long its subject
        if (
            d.end <= j.frame_start
            and j.frame_start - d.end < 160
            and _FRONTED.search(text, max(0, d.start - 12), d.start)
            and _FRONTED_SUBJECT.fullmatch(text, d.end, j.frame_start)
            and not any(d.end <= o.start and o.end <= j.frame_start for o in dates)
        ):
            return d
    for d in dates:
        if (
            d.end <= j.frame_start
            and _LABEL_COLON.match(text, d.end)
            and _LINE_OPENING.fullmatch(text, text.rfind("\n", 0, d.start) + 1, d.start)
        ):
            return d  # "• 2015: Overall, the County was rated ‘good’": a timeline's line, labelled with its date
    return _modifier_date(text, j, dates) or _same_clause_date(text, j, dates)


def _modifier_date(text: str, j: JudgementMention, dates: Sequence[DateMention]) -> DateMention | None:
    """A date that modifies the judgement's noun, as a determiner's adjective: "the 2022 judgement of inadequate",
    "its 2019 'good' rating", "Ofsted's 2016 verdict of inadequate"."""
    for d in dates:
        if not _MODIFIER_DETERMINER.search(text, max(0, d.start - 30), d.start):
            continue
        if (  # "the 2022 judgement of inadequate"
            d.end <= j.frame_start
            and j.frame_start - d.end < 12
            and _MODIFIER_GAP.fullmatch(text, d.end, j.frame_start)
            and _JUDGEMENT_NOUN.match(text, j.frame_start)
        ):
            return d
        if (  # "its 2019 'good' rating"
            d.end <= j.start
            and j.start - d.end < 12
            and _MODIFIER_GAP_QUOTED.fullmatch(text, d.end, j.start)
            and _NOUN_AFTER_GRADE.match(text, j.end)
        ):
            return d
    return None


#: A determiner right before a date that modifies a noun: "the 2022 …", "its …", "Ofsted's …".
_MODIFIER_DETERMINER = re.compile(r"\b(?:an?|the|its|their|our|this|that|[\w’']+['’]s)\s+$", re.I)
#: Between such a date and the judgement's noun, or its grade: "the 2022 Ofsted judgement", "the 2018 'inadequate'".
_MODIFIER_GAP = re.compile(r"\s+(?:ofsted\s+)?", re.I)
_MODIFIER_GAP_QUOTED = re.compile(r"\s+(?:ofsted\s+)?(?:overall\s+)?['‘’\"“]?", re.I)
#: After a grade, the judgement's noun it modifies: "'good' rating", "inadequate Ofsted judgement".
_NOUN_AFTER_GRADE = re.compile(
    r"['’\"”]?\s+(?:ofsted\s+)?(?:overall\s+)?(?:judge?ment|rating|grade|grading|verdict|outcome)s?\b", re.I
)
#: A judging frame that opens on the judgement's noun: "judgement of inadequate", "rating was good".
_JUDGEMENT_NOUN = re.compile(r"(?:overall\s+)?(?:judge?ment|rating|grade|grading|verdict|outcome)s?\b", re.I)


def _same_clause_date(text: str, j: JudgementMention, dates: Sequence[DateMention]) -> DateMention | None:
    """The first date after the grade in the grade's own clause, set off by "in" or "during" ("rated inadequate for a
    second time in March 2018", "judged good overall by its inspectors in May 2019"): no punctuation, conjunction,
    figure or other date between them, and at most eight words. The structural rule behind the worded ones above."""
    for d in dates:
        if d.start < j.end:
            continue
        if d.start - j.end > _GRADE_CLAUSE_REACH:
            return None
        gap = text[j.end : d.start]
        lead = _GRADE_DATE_LEAD.search(gap)
        if lead is None:
            return None
        between = gap[: lead.start()]
        if _GRADE_CLAUSE_ENDS.search(between) or len(between.split()) > 8:
            return None
        return d
    return None


#: How far after a grade its clause's date may start (characters).
_GRADE_CLAUSE_REACH = 70
#: The preposition that sets off the date, right before it: "… in March 2018", "… during 2019".
_GRADE_DATE_LEAD = re.compile(r"(?:^|\s)(?:in|during)\s+(?:(?:early|mid|late)[\s-]+)?$", re.I)
#: What ends a grade's clause before a date: punctuation, a figure (another date or a count), a conjunction or a
#: clause opener ("… inadequate and a monitoring visit in 2019", "… good, compared with 2016", "good since 2016").
_GRADE_CLAUSE_ENDS = re.compile(
    r"[,;:.()\[\]–—!?\d]|\b(?:and|but|or|nor|while|whilst|whereas|although|though|which|who|whom|whose|that|when|"
    r"where|since|until|till|before|after|following|because|as|than|compared|from|to|up|down|previously|earlier|"
    r"then|now|also|was|were|is|are|has|have|had|will|would|being)\b",
    re.I,
)


#: Before a date fronted in its sentence: the sentence's start, then "In" or "During".
_FRONTED = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:in|during)\s+(?:(?:early|mid|late)[\s-]+)?$", re.I)
#: After a fronted date, its comma and the clause's subject up to a passive judging frame: "…, safeguarding and looked
#: after children's services at Lambeth were " (no second clause: no "but", "which", "who", no other punctuation).
_FRONTED_SUBJECT = re.compile(
    r"\s*,\s+(?:(?!(?:but|while|whilst|whereas|which|who|that|when|although|though)\b)[\w’'-]+\s+){1,12}?"
    r"(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:(?:again|also|then)\s+)?",
    re.I,
)
#: After a date that labels a line: its colon.
_LABEL_COLON = re.compile(r"\s*:\s")
#: Before a date that labels a line: nothing but a bullet or spacing.
_LINE_OPENING = re.compile(r"[\s•·*–-]*")


#: Between a grade and a relative date that dates the event it followed: "'Good' rating following an intensive
#: review of its children's services last month", "rated inadequate after an inspection this spring".
_EVENT_BEFORE_RELATIVE = re.compile(
    r"(?i)['’”\"]?\s+(?:(?:ofsted\s+)?(?:judgement|judgment|rating|grade)s?\s+)?(?:following|after)\s+(?:an?|its|the|their)\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?:inspection|re-?inspection|review|visit)\s+"
    r"(?:(?:of|into)\s+(?:the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,4}?services\s+)?"
)
#: A date relative to the page's own, which needs no "in" before it: "last summer", "this year", "earlier this month".
_RELATIVE_DATE = re.compile(r"(?:last|this|earlier\s+this|the\s+previous)\s", re.I)

#: What may stand between a grade and a relative date that dates it: nothing but a quote mark, or the inspectorate
#: after "by" ("rated inadequate by Ofsted last year").
_BY_WHOM = re.compile(
    r"['’”\"]?\s{0,3}|['’”\"]?\s+by\s+(?:the\s+)?(?:ofsted(?:\s+inspectors)?|inspectors|inspectorate|regulator|watchdog)\s+",
    re.I,
)


#: Between dates listed one after another: "2011, 2013 and 2015", "2016 and 2019" (news pages' link labels left in
#: the text, "in 2016, external and 2018, external", are no words between them).
_DATE_LIST_GAP = re.compile(r"(?:,\s*external)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)", re.I)


def judgement_dates(text: str, j: JudgementMention, dates: Sequence[DateMention]) -> list[DateMention]:
    """The date a judging frame places its grade at (:func:`judgement_date`) and, when it is followed by a list of
    dates of the same precision, those too: one inspection each ("inadequate Ofsted ratings in 2011, 2013 and
    2015", "rated good in 2016 and 2019")."""
    first = judgement_date(text, j, dates)
    if first is None:
        return []
    out = [first]
    if first.start < j.end:
        return out  # a date before the frame ("2013 when it was rated inadequate") starts no list
    precision = len(first.date.iso())
    for d in dates:
        if d.start <= out[-1].start:
            continue
        if len(d.date.iso()) != precision or not _DATE_LIST_GAP.fullmatch(text, out[-1].end, d.start):
            break
        out.append(d)
    return out
