"""Merging inspection drafts: one record per event, each with the grades that belong to it.

:func:`merge_inspections` makes one inspection of the drafts of one event (the same kind family and start month; a
year joins a month in it; a mention known only by its report's publication date joins the event that report can be
of, else stands alone, flagged by its publication date), then gives each remaining grade to its inspection: one in
the same sentence, else the latest graded inspection that has taken place; a grade stated as the overall one replaces
an inferred one; a grade for the LSCB in a sentence that names no review of it is the inspection's LSCB
sub-judgement. One event takes one overall grade from a sentence (a second, other grade there is another event's);
the events one plural mention lists share its grade; a grade given "again" is the latest event's too; a grade whose
frame points at "that inspection" is the one named before its sentence. Before merging, a draft whose framework
only its date told takes that of the page's council's official event of the date (:func:`_official_kind`).
"""

from __future__ import annotations

from caregraph.pipeline.dates import sort_key
from caregraph.pipeline.extract.inspection_rules import (
    GENERIC,
    ILACS,
    LSCB_REVIEW,
    OTHER,
    Draft,
    kind_by_date,
    may_report_on,
    rules,
)
from caregraph.pipeline.extract.judgements import PARTIAL, JudgementMention, Located
from caregraph.pipeline.extract.ofsted_history import official_kinds, published_on
from caregraph.records import InspectionRecord, PartialDate, SubJudgement

ADEQUATE = "adequate"  # the grade of the frameworks before the SIF
EARLIER = "earlier-framework"  # the kind of an inspection under them


def merge_inspections(
    drafts: list[Draft], judgements: list[Located], doc_date: PartialDate | None = None, council: str | None = None
) -> list[InspectionRecord]:
    """One record per inspection, each with the grades that belong to it; one known by neither its own date nor its
    report's publication date is dropped. ``doc_date`` (the page's date) tells the events that have taken place;
    ``council`` (the page's council, a slug) the official events whose framework an inspection of no stated
    framework takes (:func:`_official_kind`)."""
    r = rules()
    for d in drafts:
        _official_kind(d, council)
    merged = _named_elsewhere(_merge(drafts))
    _attach_judgements(merged, judgements, doc_date)
    for d in merged:
        if d.unnamed and d.kind == OTHER and (d.judgement or d.subs):  # "Inspectors visited in June … rated
            # outstanding", "In February 2024 inspectors judged the experiences and progress of care leavers to be
            # good" (a graded area): an inspection of its framework
            d.kind = kind_by_date(r.kinds[GENERIC], d.start or d.published) or d.kind
            d.by_era = d.kind != OTHER
            _official_kind(d, council)
        if (
            d.untold
            and d.kind == ILACS
            and not d.judgement
            and not d.planned
            and not d.official  # the council's official ILACS inspection of that date
            and not _followed(d, merged)
        ):
            d.kind = OTHER  # "the inspection in July 2022", ungraded: a focused visit, a JTAI or an ILACS alike
        if d.judgement == ADEQUATE and r.kinds[d.kind].framework in ("sif", "ilacs", "by-date"):
            d.kind = EARLIER  # "judged adequate in 2014": a grade only the frameworks before the SIF gave
    return [
        InspectionRecord(
            kind=d.kind,
            evidence=d.evidence,
            start=d.start,
            end=d.end,
            published=d.published,
            judgement=d.judgement if (d.kind in r.graded or d.kind in r.graded_in_sentence) else None,
            sub_judgements=tuple(SubJudgement(a, g) for a, g in sorted((d.subs or {}).items())),
            focus=d.focus,
            sequence=d.sequence,
            planned=d.planned,
            inspectorate=d.inspectorate,
            date_text=d.date_text,
        )
        for d in merged
        if d.start is not None or d.published is not None
    ]


#: The kind of the extractor each framework of the official record takes (its family: ANNOTATION.md's kind).
_OF_FRAMEWORK = {"ilacs": ILACS, "sif": "sif", "sif-reinspection": "sif-reinspection", "other": EARLIER}
#: The annotation kind of each framework of the kinds table that a date gives.
_FAMILY_OF_FRAMEWORK = {"ilacs": "ilacs", "sif": "sif", "earlier": "other"}


def _official_kind(d: Draft, council: str | None) -> None:
    """A draft whose kind nothing but its date told (:attr:`Draft.by_era`) takes the kind of ``council``'s official
    events of that date (:func:`.ofsted_history.official_kinds`), when they are all of one kind; its dates and grade
    stay the text's, and a framework the text names is never changed (such a draft is not ``by_era``). A date that is
    the publication day of one official event and no day of its inspection is that report's publication date (the
    draft then joins the event that report is of). An Ofsted visit of no stated kind dated to the month of an
    official ILACS inspection was that inspection (focused and monitoring visits fall in other months)."""
    if council is None or d.planned:
        return
    r = rules()
    if d.unnamed and d.kind == OTHER and d.start is not None and d.start.month is not None:
        found = official_kinds(council, d.start, "inspection")
        if found and found[0].kind == ILACS:
            d.kind, d.unnamed, d.official = ILACS, False, True
        return
    if not d.by_era:
        return
    if d.start is not None and d.end is None and d.published is None:
        event = published_on(council, d.start)
        if event is not None:
            d.start, d.published = None, d.start
    when, by = (d.start, "any") if d.start is not None else (d.published, "publication")
    found = official_kinds(council, when, by)
    if not found:
        return
    d.official = True
    if _FAMILY_OF_FRAMEWORK.get(r.kinds[d.kind].framework) == found[0].kind:
        return
    framework = found[0].framework if found[0].framework in _OF_FRAMEWORK else found[0].kind
    d.kind = _OF_FRAMEWORK[framework]


def _named_elsewhere(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` less each generic mention of no told framework, and each Ofsted visit of no stated kind, whose month
    is that of an event the page names by its kind ("a focussed visit by Ofsted in March … Following the inspection in
    March, …", "an unannounced inspection in July … after its visit in July, Ofsted …"): the same event."""
    out = []
    for d in drafts:
        vague = d.untold or (d.unnamed and d.kind == OTHER)
        month = d.start.iso()[:7] if vague and not d.judgement and d.start is not None and d.start.month else None
        same = (
            next(
                (
                    o
                    for o in drafts
                    if o is not d
                    and not o.untold
                    and not o.unnamed
                    and (not o.generic or not d.untold)
                    and o.start
                    and o.start.iso()[:7] == month
                ),
                None,
            )
            if month
            else None
        )
        if same is None:
            out.append(d)
        else:
            same.also.extend([d.pos, *d.also])
    return out


def _followed(d: Draft, drafts: list[Draft]) -> bool:
    """Whether another event of the page took place after ``d`` (at the precision both dates share): an earlier
    inspection a later visit or inspection is measured against ("improvements made since the 2019 inspection") is
    the last full one."""
    mine = _when(d).iso()
    for o in drafts:
        if o is d or o.planned or (o.start is None and o.published is None):
            continue
        theirs = _when(o).iso()
        n = min(len(mine), len(theirs))
        if theirs[:n] > mine[:n]:
            return True
    return False


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One draft per inspection: the same kind family and start month is the same event; a mention at year
    precision joins one of that family in the same year. A mention known only by its report's publication date
    joins the event of its family that report can be of (one that started up to :data:`PUBLISHED_WITHIN_MONTHS`
    before it; a generic mention, of any family), else another such mention of the same month, else stands
    alone."""
    kinds = rules().kinds
    out: list[Draft] = []
    for d in sorted((d for d in drafts if d.start is not None), key=lambda d: -len(d.start.iso())):  # type: ignore[union-attr]
        family = kinds[d.kind].family
        target = None
        for o in out:
            if kinds[o.kind].family != family:
                continue
            a, b = o.start.iso(), d.start.iso()  # type: ignore[union-attr]
            if a[:7] == b[:7] or (len(b) == 4 and a.startswith(b)) or (len(a) == 4 and b.startswith(a)):
                target = o
                break
        if target is None:
            out.append(d)
        else:
            _join(target, d, family)
    dated = list(out)
    for d in (d for d in drafts if d.start is None and d.published is not None):
        family = kinds[d.kind].family
        reports_on = [
            o
            for o in dated
            if kinds[o.kind].family == family and may_report_on(o.start, d.published)  # type: ignore[arg-type]
        ]
        if not reports_on and d.generic:  # "the Ofsted letter published on 23 August" after a July focused visit
            reports_on = [o for o in dated if may_report_on(o.start, d.published)]  # type: ignore[arg-type]
        if reports_on:
            target = max(reports_on, key=lambda o: sort_key(o.start))  # type: ignore[arg-type]
            target.published = target.published or d.published
            if d.judgement and (target.judgement is None or (d.explicit_judgement and not target.explicit_judgement)):
                target.judgement, target.explicit_judgement = d.judgement, d.explicit_judgement
                target.owns_judgement = d.owns_judgement
            continue
        same = next(
            (
                o
                for o in out
                if o.start is None
                and kinds[o.kind].family == family
                and o.published is not None
                and o.published.iso()[:7] == d.published.iso()[:7]  # type: ignore[union-attr]
            ),
            None,
        )
        if same is None:
            out.append(d)
        else:
            if len(d.published.iso()) > len(same.published.iso()):  # type: ignore[union-attr]
                same.published = d.published
            if d.judgement and same.judgement is None:
                same.judgement, same.explicit_judgement = d.judgement, d.explicit_judgement
    out.sort(key=lambda d: d.evidence.start)
    return out


def _join(o: Draft, d: Draft, family: str) -> None:
    """Merge draft ``d`` into ``o``, a draft of the same event: the finer dates, the first of each detail; an
    overall grade the text states as such wins over one that was inferred."""
    if len(d.start.iso()) > len(o.start.iso()):  # type: ignore[union-attr]
        o.start, o.end = d.start, d.end or o.end
    elif d.end is not None and (o.end is None or len(d.end.iso()) > len(o.end.iso())) and d.end != o.start:
        o.end = d.end
    o.focus = o.focus or d.focus
    o.sequence = o.sequence or d.sequence
    o.published = o.published or d.published
    o.planned = o.planned and d.planned
    o.untold = o.untold and d.untold
    o.by_era = o.by_era and d.by_era
    o.previous = o.previous and d.previous
    if d.judgement and (not o.judgement or (d.explicit_judgement and not o.explicit_judgement)):
        o.judgement, o.owns_judgement, o.explicit_judgement = d.judgement, d.owns_judgement, d.explicit_judgement
    if o.kind == family != d.kind:
        o.kind = d.kind  # "ILACS inspection" and "standard inspection" of one event: the finer kind
    o.evidence = o.evidence if o.evidence.start <= d.evidence.start else d.evidence
    o.also.extend([d.pos, *d.also])


def _when(d: Draft) -> PartialDate:
    return d.start or d.published  # type: ignore[return-value]


def _attach_judgements(drafts: list[Draft], judgements: list[Located], doc_date: PartialDate | None) -> None:
    """Give each stated grade to its inspection: one in the same sentence (the last named before the grade, else the
    nearest after it), else the latest graded inspection that has taken place; grades read in a sentence go first.
    A grade stated as the overall one replaces one that was not; a grade left behind ("previously judged", "moved
    from inadequate") goes to no inspection here (only to the one its own date names, when matching read it), and
    another service's grade to that service's inspection, in its sentence or else the nearest one named. A grade for
    the LSCB goes to the LSCB review of its sentence, else is the inspection's LSCB sub-judgement."""
    r = rules()
    past = [
        d
        for d in drafts
        if not d.planned
        and (doc_date is None or sort_key(_when(d))[: len(doc_date.iso().split("-"))] <= sort_key(doc_date))
    ]
    # an Ofsted visit of no stated kind is an inspection an undated grade may be of ("inspectors during their visit in
    # June and July … judged them inadequate"); one named only as an earlier inspection than the page's is not
    graded = [d for d in past if (d.kind in r.graded or (d.unnamed and d.kind == OTHER)) and not d.previous]
    # in its own sentence a grade goes to the event named there unless it is planned: the date the page is read
    # against may be only the latest it states ("rated good at the inspection in November 2023" on a page whose last
    # stated day is in July 2023)
    sentence_graded = [d for d in drafts if not d.planned and (d.kind in r.graded or d.kind in r.graded_in_sentence)]
    later: list[Located] = []
    # the overall grade each inspection took from a sentence: one event has one overall grade, so a second, other
    # grade in that sentence is another event's ("since the last inspection in 2016, when services were rated good,
    # … with the council now graded inadequate overall")
    graded_by: dict[int, tuple[int, str]] = {}
    for j, (s_start, s_end) in judgements:
        if j.earlier:
            continue  # "moved from inadequate to …": a grade left behind goes only to the event its own date names
        at = {  # each inspection of the sentence, where it is named there (a merged one may be named in several)
            id(d): p
            for d in sentence_graded
            if (p := _named_in(d, s_start, s_end)) is not None
            and not (d.owns_judgement and d.judgement)
            and (d.kind == OTHER or not j.other_service)
            and not (j.overall and (g := graded_by.get(id(d))) is not None and g[0] == s_start and g[1] != j.grade)
        }
        in_sentence = [d for d in sentence_graded if id(d) in at]
        if j.last_named and not any(at[id(d)] < j.frame_start for d in in_sentence):
            in_sentence = []  # "The judgement from that inspection was …, which followed the inspection in 2014"
        if not in_sentence:
            later.append((j, (s_start, s_end)))
            continue
        reviews = [d for d in in_sentence if d.kind == LSCB_REVIEW]
        if (j.areas == ("lscb",) or any(d.alongside for d in reviews)) and reviews:
            # "the Board was judged inadequate in the review of the LSCB"; "the LSCB was reviewed alongside the
            # inspection in 2016 and judged good": the review is what the sentence grades
            in_sentence = reviews
        # the inspection the frame itself names ("… and again good at the ILACS inspection in June 2022"), else the
        # last named before the grade, else the nearest after it
        framed = [d for d in in_sentence if j.end <= at[id(d)] < j.frame_end]
        before = [d for d in in_sentence if at[id(d)] < j.frame_start]
        target = (
            framed[0]
            if framed
            else max(before, key=lambda d: at[id(d)])
            if before
            else min(in_sentence, key=lambda d: min(abs(j.start - at[id(d)]), abs(j.start - d.date_pos[0])))
        )
        # "Two previous inspections in April 2012 and May 2013 also concluded services were inadequate": the events
        # one plural mention lists share its grade
        for d in [target, *(d for d in in_sentence if d is not target and d.pos == target.pos and j.overall)]:
            _give(d, j, drafts, graded)
            if j.overall and not j.other_service and d.judgement == j.grade:
                graded_by.setdefault(id(d), (s_start, j.grade))
        latest = max(graded, key=lambda d: sort_key(_when(d)), default=None)
        if (
            j.again
            and j.overall
            and not j.other_service
            and latest is not None
            and latest.judgement is None
            and sort_key(_when(latest)) > sort_key(_when(target))
        ):
            # "The council was again judged outstanding, as it had been when last inspected in 2018": the earlier
            # event's grade, given again at the latest
            _give(latest, j, drafts, graded)
    for j, (s_start, _) in later:
        named_before = {id(d): max(ps) for d in sentence_graded if (ps := [p for p in (d.pos, *d.also) if p < s_start])}
        if j.last_named and not j.other_service and named_before:
            # "The last full inspection was in November 2016. At this time the council was judged 'Good'.": the
            # grade of the event named last before its sentence
            _give(
                max((d for d in sentence_graded if id(d) in named_before), key=lambda d: named_before[id(d)]),
                j,
                drafts,
                graded,
            )
        elif j.other_service:  # "the Youth Offending Team was rated 'Outstanding'": the other service's inspection
            others = [d for d in past if d.kind == OTHER and d.judgement is None and j.overall]  # nearest to it
            if others:
                target = min(others, key=lambda d: abs(d.pos - j.start))
                target.unnamed = False  # the other service's: no inspection of the council's
                _give(target, j, drafts, graded)
        elif graded:
            latest = max(graded, key=lambda d: sort_key(_when(d)))
            if latest.owns_judgement and latest.judgement not in (None, j.grade):
                # "Anyshire, which was given Ofsted's lowest judgement in 2015, is now rated as requires improvement":
                # the latest event holds the grade stated with its own date; an undated other grade is of an event
                # the page does not date
                continue
            _give(latest, j, drafts, graded)


def _named_in(d: Draft, s_start: int, s_end: int) -> int | None:
    """Where the sentence ``s_start``–``s_end`` names the inspection ``d`` (or one of the mentions merged into it)."""
    return next((p for p in (d.pos, *d.also) if s_start <= p < s_end), None)


def _give(target: Draft, j: JudgementMention, drafts: list[Draft], graded: list[Draft]) -> None:
    """Give the grade ``j`` to ``target``: its overall grade, its LSCB review's, or a sub-judgement."""
    r = rules()
    if j.overall:
        if target.judgement is None or (j.explicit and not target.explicit_judgement):
            target.judgement, target.explicit_judgement = j.grade, j.explicit
    elif j.areas == ("lscb",) and target.kind == LSCB_REVIEW:
        target.judgement = target.judgement or j.grade
    elif j.areas == ("lscb",):
        # "the Safeguarding Children Board was also judged good": the grade of the board's review that the SIF
        # inspection's report gives, one event with it (annotators record no second entry for it)
        if r.kinds[target.kind].framework == "sif":
            target.subs = target.subs or {}
            target.subs.setdefault("lscb", j.grade)
    elif not j.other_service:
        target.untold = False  # graded in areas ("good in most areas"): a graded framework's inspection
        target.subs = target.subs or {}
        for area in j.areas:
            if area != PARTIAL:
                target.subs.setdefault(area, j.grade)
