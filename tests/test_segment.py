"""Genre detection and segmentation of each page genre (small synthetic pages in the genres' form)."""

from __future__ import annotations

import itertools

from caregraph.pipeline.segment import detect_genre, segment
from caregraph.records import Genre, SourceDocument


def doc(text: str) -> SourceDocument:
    return SourceDocument("x.txt", text, "0", "txt", len(text))


def kinds(text: str) -> list[str]:
    return [s.kind for s in segment(doc(text)).segments]


ISSUE = """Issue - meetings

Fostering Update

Meeting: 02/03/2021 - Cabinet (Item 41)

41 Fostering Update pdf icon PDF 120 KB

Additional documents:

Decision:

RESOLVED:

1. That Cabinet notes the report.

Reasons for Decision:

To keep Cabinet informed.

Minutes:

The Cabinet Member for Children introduced the report.
"""

AGENDA_ITEM = """Agenda item

Ofsted Focused Visit

Minutes:

Witnesses:

Ann Example, Director of Children's Services

Key points raised in the discussion:

1. Members asked about caseloads.

Recommendations:

1. That the Panel receives a further update in March 2022.

Supporting documents:
"""

DECISION = """Issue - decisions

Response to the inspection

05/05/2016 - Response to the inspection

Decision Maker: Cabinet

Date of decision: 05/05/2016
"""

MINUTES = """Agenda and minutes

Items
No. Item

12.

Apologies for Absence

Minutes:

None.

13.

Ofsted Inspection Feedback

Minutes:

The Panel received the feedback.
"""

NEWS = """Children's services rated good by Ofsted

07 Jan 2019

The council's children's services have been rated 'good' by Ofsted.
Councillor Sam Example, Cabinet Member for Children, said: "We are delighted."
"""


def test_genres():
    assert detect_genre(ISSUE) is Genre.ISSUE_MEETINGS
    assert detect_genre(AGENDA_ITEM) is Genre.AGENDA_ITEM
    assert detect_genre(DECISION) is Genre.DECISION
    assert detect_genre(MINUTES) is Genre.MINUTES
    assert detect_genre(NEWS) is Genre.NEWS
    assert detect_genre("Some unrelated text about parks.") is Genre.OTHER


def test_issue_page_sections():
    k = kinds(ISSUE)
    assert k[:4] == ["page", "title", "meeting", "item"]
    for section in ("documents", "decision", "resolved", "reasons", "minutes"):
        assert section in k


def test_agenda_item_sections():
    k = kinds(AGENDA_ITEM)
    assert k[0] == "page" and k[1] == "title"
    assert {"minutes", "witnesses", "key_points", "recommendations", "documents"} <= set(k)


def test_decision_page_dated_title_is_a_meeting_line():
    k = kinds(DECISION)
    assert "meeting" in k and "decision_maker" in k and "decision_date" in k


def test_minutes_items_and_headings():
    k = kinds(MINUTES)
    assert k.count("item") == 2
    assert "apologies" in k


def test_meeting_of_line_and_asked_to_heading():
    text = "Agenda item\nOFSTED Report\n- Meeting of Children and Families Scrutiny Panel, Monday 13th October 2025 9.30 am (Item 47.)\nThe Board is asked to:\n1) note the report.\n"
    seg = segment(doc(text))
    assert seg.genre is Genre.AGENDA_ITEM
    assert [s.kind for s in seg.segments] == ["page", "title", "meeting", "recommendations"]


def test_segments_never_overlap_and_lie_inside_the_text():
    for text in (ISSUE, AGENDA_ITEM, DECISION, MINUTES, NEWS, "", "\n\n  \n"):
        segments = segment(doc(text)).segments
        for s in segments:
            assert 0 <= s.start < s.end <= len(text)
        for a, b in itertools.pairwise(segments):
            assert a.end <= b.start
