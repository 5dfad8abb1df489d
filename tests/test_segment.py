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


def test_meeting_header_lines_of_every_form():
    for line in (
        "Corporate Parenting Sub-group - Wednesday, 5th June, 2019 2.00 pm",
        "Cabinet - 12 March 2024 6.00 pm",  # a time, no weekday
        "Decided at meeting: 16/04/2019 - Cabinet",
        "Thursday, 26th January, 2023 10.00 am",  # under the body's name
        "Minutes of the meeting held on Tuesday 5 March 2024 at County Hall, Anytown",
    ):
        assert kinds(f"Agenda and minutes\n{line}\nVenue: County Hall\n")[1] == "meeting", line
    # a dated link to other minutes and a sentence are no header
    for line in (
        "Corporate Parenting Panel - 20 June 2023 pdf icon PDF 4 MB",
        "Minutes of the last meeting, held on 5 March 2019, to be confirmed.",
    ):
        assert "meeting" not in kinds(f"Agenda and minutes\n{line}\n"), line


def test_decision_headings_in_other_forms_and_what_ends_them():
    text = (
        "Agenda item\nReport\nRecommended –\n1. That the plan be noted.\nRECOMMENDATIONS\nThat the plan be agreed.\n"
        "Decision: |\nThat the letter be noted. |\nAlternative options considered:\n1. To defer the report.\n"
        "Financial implications:\nNone.\nIt was agreed:\nThat the minutes be approved.\n"
    )
    assert kinds(text) == [
        "page", "title", "recommendations", "recommendations", "decision", "aside", "aside", "resolved"
    ]  # fmt: skip
