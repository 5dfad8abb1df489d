"""Overall grades stated with their own date, each given to the inspection of that date.

:func:`drafts_of_judgements` gives a grade dated in its sentence ("rated 'Outstanding' in 2018", "since 2017, when
Norfolk was judged as …", "inadequate (in 2016)") to the draft of that date, or makes one of the kind in force then;
at a publication date ("In the findings published today, Ofsted rated …", "In its report, published on 10 January,
Ofsted judged …"), of the event that report is of. Each date listed after the grade's is an event of its own
("inadequate Ofsted ratings in 2011, 2013 and 2015").
"""

from __future__ import annotations

import re

from caregraph.pipeline.extract.inspection_drafts import Reading, Sentence, make_draft, of_the_service
from caregraph.pipeline.extract.inspection_rules import GENERIC, OTHER, Draft, is_publication, kind_by_date, rules
from caregraph.pipeline.extract.judgements import JudgementMention, judgement_date, judgement_dates

#: A report's name in a sentence that names no event: "In its report, published on 10 January, Ofsted judged …".
_REPORT_WORD = re.compile(r"\b(?:report|findings|letter)s?\b", re.I)

#: A count of services before a grade ("Four of the council's five children's homes were rated good", "92 per cent of
#: schools"): the grade is of many inspections, none of them one event's.
_COUNTED = re.compile(
    r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|all|most|some|many|several|both|each|every)\s+"
    r"(?:(?:of|per\s+cent\s+of|%\s+of)\s+)?(?:the\s+|its\s+|our\s+|their\s+|[\w-]+['’]s\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:homes|schools|centres|units|academies|nurseries|colleges|settings|providers|agencies|services)\b"
)
#: Another service's grade dated in its own clause, right after it: "the fostering service was judged good by Ofsted in
#: an inspection in November 2019", "the short breaks unit was judged requires improvement by inspectors in August
#: 2023" (a preposition and up to three words to a year, in the same clause).
_DATED_IN_ITS_CLAUSE = re.compile(r"(?i)[^.;,]{0,50}?\b(?:in|on|during|since)\s+(?:[\w’'-]+\s+){0,3}?(?:19|20)\d\d\b")


def drafts_of_judgements(
    s: Sentence, judgements: list[JudgementMention], used: set[int], reading: Reading, drafts: list[Draft]
) -> None:
    """An overall grade stated with its own date ("rated 'Outstanding' in 2018", "since 2017, when Norfolk was judged
    as …", "inadequate (in 2016)", "In the findings published today, Ofsted rated …") goes to the draft of that
    date, or makes one of the kind in force then (at a publication date: the event that report is of)."""
    r = rules()
    for j in judgements:
        if not j.overall or j.last_named:
            continue  # ("The judgement from that inspection was …, after the inspection in 2015": the event before's)
        if j.other_service and (
            not _DATED_IN_ITS_CLAUSE.match(s.text, j.end, min(s.end, j.end + 60))
            or _COUNTED.search(s.text, s.start, j.frame_start)
        ):
            # another service's grade makes its event only when dated in its own clause, and of one service, not a
            # count of them ("Four of the council's five children's homes were rated good in 2023")
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
            if owner is not None and j.other_service and owner.kind != OTHER:
                continue  # ("… good in May 2022, and its secure children's home …": not the council's inspection)
            if owner is None:
                if id(listed) in used:
                    continue
                publication = is_publication(s.text, listed, s.start)
                # on a page about a fostering agency's or children's home's inspection, the service's
                k = (
                    OTHER
                    if j.other_service or of_the_service(reading, s.sentence)
                    else kind_by_date(r.kinds[GENERIC], listed.date, publication)
                )
                if k is None:
                    continue
                own, published = (None, listed) if publication else (listed, None)
                owner = make_draft(s, k, own, published, False, False, j.frame_start, j.end)
                owner.generic = True
                owner.by_era = k != OTHER
                drafts.append(owner)
                used.add(id(listed))
            if owner.judgement is None or (j.explicit and not owner.explicit_judgement):
                owner.judgement = j.grade
                owner.owns_judgement = True
                owner.explicit_judgement = j.explicit
                reading.consumed.add(j.start)
