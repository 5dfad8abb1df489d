"""Stop 29: decisions (made-up ModernGov pages): an item's title a download link ends is no part of its resolution;
an infinitive in a numbered list of resolutions is one too; what a chair asks is no resolution of the meeting."""

from __future__ import annotations

from .conftest import extract_text

URL = "https://democracy.anyshire.gov.uk/ieListDocuments.aspx?CId=1&MId=2"


def _decisions(text: str) -> list[str]:
    return [d.text for d in extract_text(text, url=URL).decisions]


def test_an_items_title_ended_by_a_download_link_is_no_part_of_its_resolution():
    text = (
        "Agenda and minutes\n\nVenue: Committee Room 1, Civic Centre, Anytown\n\nNo. Item\n\n\n"
        "Minutes of the previous meeting pdf icon PDF 75 KB\n\n\n\n\n"
        "that the minutes of the previous meeting held on 16 February 2016 be approved as an accurate record.\n\n\n"
        "Matters arising\n\nNone.\n"
    )
    assert _decisions(text) == [
        "that the minutes of the previous meeting held on 16 February 2016 be approved as an accurate record."
    ]


LIST = (
    "Agenda item\n\nSpecial Educational Needs Update\n\n\n"
    "1.  That the progress made to date be noted.\n\n\n"
    "2.  That the draft Improvement Plan at Appendix 1 be noted.\n\n\n"
    "3.  {third}\n\n\n"
    "The Lead Member introduced a report that updated the Cabinet on the progress of improvements.\n"
)


def test_an_infinitive_in_a_numbered_list_of_resolutions_is_one():
    decisions = _decisions(LIST.format(third="To receive update reports on a quarterly basis."))
    assert decisions[-1] == "To receive update reports on a quarterly basis."
    assert len(decisions) == 3


def test_an_infinitive_alone_on_an_agenda_item_page_stays_a_proposal():
    text = "Agenda item\n\nSpecial Educational Needs Update\n\n\nTo receive update reports on a quarterly basis.\n\n\nThe Lead Member introduced a report.\n"
    assert _decisions(text) == []


def test_a_list_item_that_opens_like_no_resolution_keeps_the_infinitive_out():
    decisions = _decisions(
        LIST.format(third="The Board heard from officers.\n\n\n4.  To receive update reports quarterly.")
    )
    assert "To receive update reports quarterly." not in decisions


def test_what_the_chair_asks_is_no_resolution_of_the_meeting():
    text = (
        "Children's Scrutiny Panel - Thursday, 17th June, 2021\n\nTo elect the Vice Chair for the Municipal Year.\n\n\n"
        "RESOLVED that Councillor Example be Vice-Chair for the Municipal Year 2021/22.\n\n\n"
        "The Chair requested that all attendees noted the meeting protocol that had been applied to the meeting.\n\n\n"
        "The Chair shared a message from the Cabinet Member.\n"
    )
    assert _decisions(text) == ["that Councillor Example be Vice-Chair for the Municipal Year 2021/22."]


def test_a_download_link_inside_a_resolution_is_left_out_of_its_words():
    text = "Meeting: 10/05/2022 - Cabinet (Item 5)\nMinutes:\nThat the action plan pdf icon PDF 433 KB be approved.\n"
    assert _decisions(text) == ["That the action plan be approved."]


def test_revised_or_amended_minutes_confirmed_are_a_decision():
    text = (
        "Agenda and minutes\n\nNo. Item\n\n\nMinutes - Scrutiny Board - 20 September 2023 pdf icon PDF 279 KB\n\n\n"
        "The minutes of the Scrutiny Board meeting held on 20 September 2023 were submitted and approved as a correct "
        "record.\n\n\nRevised Minutes - Scrutiny Board - 26 July 2023 pdf icon PDF 160 KB\n\n\n"
        "The revised minutes of the Scrutiny Board meeting held on 26 July 2023 were submitted and approved as a "
        "correct record.\n\n\nExecutive Member Update\n\n\nThe Chair welcomed the Executive Member.\n"
    )
    assert _decisions(text)[-1] == (
        "The revised minutes of the Scrutiny Board meeting held on 26 July 2023 were submitted and approved as a "
        "correct record."
    )


def test_the_amendments_a_resolution_is_subject_to_are_no_decisions_of_their_own():
    text = (
        "Minutes of the previous meeting pdf icon PDF 402 KB\n\nMinutes:\n\n"
        "RESOLVED: That the minutes of the previous meeting be agreed subject to:\n\n"
        "     i.        an amendment to the second sentence of minute 12 to read “A Member acknowledged the budget”;\n\n"
        "     ii.       an amendment to the list of attendees so that the co-opted member is listed correctly.\n"
    )
    assert _decisions(text) == ["That the minutes of the previous meeting be agreed subject to:"]


def test_the_recommendations_a_resolution_approves_are_decisions():
    text = (
        "Minutes:\n\nRESOLVED: That the following recommendations be approved:\n\n"
        "     i.        That the improvement plan be endorsed.\n\n     ii.       That a further report be received in June.\n"
    )
    decisions = _decisions(text)
    assert "That the improvement plan be endorsed." in decisions


def test_a_numbered_list_run_into_one_line_after_resolved():
    text = (
        "Cabinet - Tuesday, 12th March, 2024 2.00 pm\n\nMinutes:\n\n"
        "Resolved:- 1. That the report be noted. 2. That a further report be brought in June 2024.\n\nNext item\n"
    )
    assert _decisions(text) == ["That the report be noted.", "That a further report be brought in June 2024."]


def test_a_number_and_full_stop_inside_a_resolution_opens_no_item():
    text = (
        "Cabinet - Tuesday, 12th March, 2024 2.00 pm\n\nMinutes:\n\n"
        "Resolved: That the grant of 1. 5 million be noted and that 2. 5 per cent be held back.\n\nNext item\n"
    )
    assert len(_decisions(text)) == 1
