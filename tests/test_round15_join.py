"""Round 15 (bench/metamorphic.py's ``layout-join``): a page whose lines were run together reads like the page.

A scraper that drops block breaks, or a table flattened to one line, hands a page over with its fields, headings and
numbered resolutions inside long lines. :func:`caregraph.pipeline.segment.reline` puts the line breaks back where the
rules of ``rules/segment.toml`` see a line start (a known field's label or heading, a meeting's header after a
sentence's end, a run of numbered or lettered resolutions), keeping every offset, so that the segmenter and the
meeting and decision finders read the same structure.

All text is made up.
"""

from __future__ import annotations

import pytest

from caregraph.pipeline.segment import reline
from caregraph.testing.invariants import evidence_in

from .conftest import extract_text as run

URL = "https://anyshire.moderngov.co.uk/ieListDocuments.aspx?CId=1&MId=2"

#: Prose that a joined page runs on with (a line of a page run together is long: reline reads lines of 600 characters
#: and more).
LEAD = (
    "The Assistant Director introduced the report and explained the steps taken since the last visit, including the "
    "recruitment of permanent social workers, the new training offer for team managers and the work with schools on "
    "attendance. Members welcomed the progress and asked about the caseloads of newly qualified staff, the use of "
    "agency workers and the support offered to care leavers who live outside the county. "
)


def meetings(x) -> set[tuple[str, str]]:
    return {(m.body, m.date.iso()) for m in x.meetings}


def decisions(x) -> list[str]:
    return [d.text for d in x.decisions]


ISSUE = (
    "Issue - meetings Annual Fostering Report Meeting: 03/05/2021 - Corporate Parenting Panel (Item 7) "
    "7 Annual Fostering Report PDF 210 KB The report sets out the work of the fostering service over the year and the "
    "steps taken after the last inspection of the service. Additional documents: Decision: That the annual fostering "
    "report be noted. Minutes: The Head of Service presented the report and answered questions from members."
)

DECISION_PAGE = (
    "Decision details Fostering Sufficiency Strategy Decision Maker: Cabinet Decision status: Recommendations Approved "
    "Purpose: To agree the strategy for the years ahead. Decision: That: a) Cabinet approves the Fostering Sufficiency "
    "Strategy set out in Appendix 1 b) Cabinet delegates authority to the Director of Children's Services to publish "
    "the strategy. Alternative options considered: To keep the present arrangements, which would not meet demand."
)

MINUTES = (
    LEAD
    + "The Service Manager gave an update on the youth justice plan and the work of the service since the inspection. "
    "Members asked about the waiting times for assessments. RESOLVED – That the update on the youth justice plan be "
    "noted. Supporting documents:"
)

SUMMARY = (
    "Subscribe to updates about Anyshire Council every week. Please let us know if you have any requests. "
    "Children and Families Scrutiny Committee - Tuesday, 4 March 2025 6.30 pm March 4, 2025 View on council website "
    "Summary The committee met to discuss the fostering service and the recent inspection of children's homes."
)

NUMBERED = (
    "1) That the improvement plan, as attached at Appendix 1 of the report, be endorsed for submission to the "
    "Department for Education by 9 March 2024. 2) That authority be delegated to the Director of Children's Services, "
    "in consultation with the Cabinet Member, to finalise the improvement plan."
)

# each a page run together: long lines
ISSUE += " " + LEAD
DECISION_PAGE += " " + LEAD
SUMMARY += " " + LEAD
NUMBERED = LEAD + NUMBERED


@pytest.mark.parametrize("text", [ISSUE, DECISION_PAGE, MINUTES, SUMMARY, NUMBERED])
def test_reline_keeps_every_offset(text):
    out = reline(text)
    assert len(out) == len(text)
    assert all(a == b or (a == " " and b == "\n") for a, b in zip(text, out, strict=True))
    assert out != text


def test_a_joined_moderngov_meeting_line_and_its_decision():
    x = run(ISSUE, url=URL)
    assert ("Corporate Parenting Panel", "2021-05-03") in meetings(x)
    assert any(d.startswith("That the annual fostering report be noted") for d in decisions(x))


def test_a_joined_decision_page_reads_its_lettered_resolutions():
    found = decisions(run(DECISION_PAGE, url=URL))
    assert any(d.startswith("Cabinet approves the Fostering Sufficiency Strategy") for d in found)
    assert any(d.startswith("Cabinet delegates authority to the Director") for d in found)


def test_a_joined_decision_page_keeps_the_decision_maker_apart():
    out = reline(DECISION_PAGE)
    assert "Decision Maker: Cabinet\n" in out


def test_a_resolution_heading_inside_a_paragraph():
    assert any(d.startswith("That the update on the youth justice plan be noted") for d in decisions(run(MINUTES)))


def test_a_meeting_header_that_shares_its_line_with_what_follows():
    out = reline(SUMMARY)
    assert "\nChildren and Families Scrutiny Committee - Tuesday, 4 March 2025 6.30 pm\n" in out


def test_numbered_resolutions_run_together():
    out = reline(NUMBERED)
    assert "\n2) That authority be delegated" in out


# ------------------------------------------------------------------------------ negatives


def test_short_lines_are_left_alone():
    text = "Decision Maker: Cabinet\nDecision: That the report be noted.\nMinutes: The report was noted."
    assert reline(text) is text


@pytest.mark.parametrize(
    "text",
    [
        # a label that a body's name qualifies is one label ("Cabinet Decision:"), not a heading after a title
        "View Cabinet Decision Record Cabinet Decision: 15th February 2024 Title of Item/Report Children's Services "
        "Performance Update Record of the Decision Consideration was given to a report on performance.",
        # prose with a colon after a lower-case word and numbers that are no run of items
        "The panel heard that the service had two aims this year: to recruit more foster carers and to reduce the use "
        "of agency staff, with 3 new carers approved in 2024 and 2. 5 per cent fewer agency workers than before.",
    ],
)
def test_prose_and_qualified_labels_stay_one_line(text):
    assert reline(text) == text


# ------------------------------------------------------------------------------ quotes are the page's own


@pytest.mark.parametrize(
    "text",
    [
        ISSUE + " " + LEAD,  # a line run together: reline breaks it
        # a hard-wrapped page: unwrap joins its lines
        "Anyshire Council\n\nThe Cabinet Member for Children said that the council had received the\n"
        "report of the inspection of its services for children and that it was rated\n"
        "good in every area, which the whole service had worked very hard for over\n"
        "the last three years since the previous inspection had found it required\n"
        "improvement, and that a further report would come to Cabinet in March 2026\n"
        "with the action plan that the council would send to Ofsted by 1 March 2026.\n",
    ],
)
def test_quotes_are_slices_of_the_page_as_loaded_when_its_layout_was_mended(text):
    # the finders read the text with its layout mended (spaces and line breaks swapped); every quote, and the
    # document the extraction carries, must still be the page's own characters
    from caregraph.pipeline.segment import segment
    from caregraph.records import SourceDocument

    seg = segment(SourceDocument("x.txt", text, "0", "txt", len(text), url=URL))
    assert seg.reading_text is not None and seg.reading_text != text  # the layout was mended
    assert seg.document.text == text
    x = run(text, url=URL)
    found = evidence_in(x, [])
    assert found
    assert x.document.text == text
    for e in found:
        assert text[e.start : e.end] == e.quote


def test_runs_of_roman_numerals_and_of_letters_each_keep_their_own_order():
    from caregraph.pipeline.segment import _next_mark

    assert [_next_mark(m, "i") for m in ("i", "iv", "v", "ix")] == ["ii", "v", "vi", "x"]
    assert [_next_mark(m, "a") for m in ("a", "h", "i", "u", "v")] == ["b", "i", "j", "v", "w"]
    assert _next_mark("9", "1") == "10"
