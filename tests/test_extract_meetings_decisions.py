"""Meetings and decisions on pages from councils the rules were never tuned to (issue 14, review classes M1–M3 and
D1–D5).

Every text is made up in the style of council pages (ModernGov and CMIS headers, minutes, agenda items, decision
pages, news titles); the names ("Anyshire", "Jane Example") are invented. Each test states what a careful reader
records under ANNOTATION.md's conventions, and that nothing else is found."""

from __future__ import annotations

from caregraph.records import PartialDate as D

from .conftest import extract_text as run


def meetings(x) -> set[tuple[str, str]]:
    return {(m.body, m.date.iso()) for m in x.meetings}


def texts(x) -> list[str]:
    return [d.text for d in x.decisions]


# ------------------------------------------------------------------------------ M1: the page's own meeting


def test_header_with_any_body_head_word_is_the_pages_meeting():
    for body in (
        "Corporate Parenting Sub-group",
        "Ofsted Improvement Steering Group",
        "Anyshire Children's Partnership",
        "Early Help Network",
    ):
        x = run(f"Agenda and minutes\n{body} - Wednesday, 5th June, 2019 2.00 pm\nVenue: Room 1, County Hall\n")
        assert meetings(x) == {(body, "2019-06-05")}, body
        assert x.date == D(2019, 6, 5)


def test_header_of_a_cabinet_members_decision_session():
    x = run("Agenda and minutes\nCabinet Member for Children and Families - Thursday, 20th July, 2023 5.00 pm\n")
    assert meetings(x) == {("Cabinet Member for Children and Families", "2023-07-20")}


def test_header_with_the_body_and_its_date_on_two_lines():
    x = run(
        "Agenda and minutes\nChildren and Young People Scrutiny Committee\nThursday, 26th January, 2023 10.00 am\n"
        "Venue: Committee Room 2, Civic Centre\nContact: Jane Example\n"
    )
    assert meetings(x) == {("Children and Young People Scrutiny Committee", "2023-01-26")}
    assert x.date == D(2023, 1, 26)


def test_minutes_held_on_under_the_bodys_name():
    x = run(
        "ANYSHIRE COUNTY COUNCIL\nCHILDREN'S SERVICES SCRUTINY COMMITTEE\n"
        "Minutes of the meeting held on Tuesday 5 March 2024 at County Hall, Anytown\n"
        "Present: Councillor Jane Example (Chair)\nAGREED: that the minutes of the meeting held on 6 February 2024 "
        "be confirmed.\n"
    )
    assert meetings(x) == {
        ("CHILDREN'S SERVICES SCRUTINY COMMITTEE", "2024-03-05"),
        ("CHILDREN'S SERVICES SCRUTINY COMMITTEE", "2024-02-06"),
    }
    assert x.date == D(2024, 3, 5)
    assert [(d.text, d.kind, d.date) for d in x.decisions] == [
        ("that the minutes of the meeting held on 6 February 2024 be confirmed.", "procedural", D(2024, 3, 5))
    ]


def test_a_date_line_under_a_line_that_names_no_body_is_no_meeting():
    x = run("Agenda and minutes\nThursday, 26th January, 2023 10.00 am\nVenue: Committee Room 2\n")
    assert x.meetings == ()
    x = run(
        "Anyshire Council praised by inspectors\nMonday, 5th June, 2023\nInspectors found services much improved.\n"
    )
    assert x.meetings == ()
    x = run("Anyshire Council praised by inspectors - Monday, 5th June, 2023\nInspectors found services improved.\n")
    assert x.meetings == ()


def test_a_dated_link_to_other_minutes_is_a_meeting_but_not_the_pages_own():
    x = run(
        "Minutes\nCorporate Parenting Panel - 20 June 2023 pdf icon PDF 4 MB\nTo receive the annual report.\n",
        published=D(2023, 9, 1),
    )
    assert meetings(x) == {("Corporate Parenting Panel", "2023-06-20")}
    assert x.date == D(2023, 9, 1)


def test_decided_at_meeting_on_a_decision_page():
    x = run(
        "Decision details\nOfsted Improvement Plan\nDecision Maker: Cabinet\nDecided at meeting: 16/04/2019 - Cabinet\n"
        "Decision:\nThat the Improvement Plan be approved.\n"
    )
    assert meetings(x) == {("Cabinet", "2019-04-16")}
    assert [(d.text, d.date) for d in x.decisions] == [("That the Improvement Plan be approved.", D(2019, 4, 16))]


def test_decision_maker_that_is_a_body_met_on_the_date_of_decision():
    x = run(
        "Decision details\nSufficiency Strategy\nDecision Maker: Cabinet\nDate of decision: 14/05/2023\n"
        "Decision:\nThat the strategy be adopted.\n"
    )
    assert meetings(x) == {("Cabinet", "2023-05-14")}
    assert [d.date for d in x.decisions] == [D(2023, 5, 14)]


# ------------------------------------------------------------------------------ M2: meetings named in the text


def test_a_body_as_the_subject_of_a_dated_meeting():
    x = run(
        "Agenda item\nAction plan\nMinutes:\nThe Education Scrutiny Panel reviewed the draft action plan on 4 March 2020.\n",
        published=D(2020, 5, 1),
    )
    assert meetings(x) == {("Education Scrutiny Panel", "2020-03-04")}


def test_a_body_name_does_not_run_across_lines():
    x = run("Latest News\nThe Cabinet met on 5 May 2021 and approved the early help strategy.\n")
    assert meetings(x) == {("Cabinet", "2021-05-05")}


def test_a_body_that_is_founded_on_a_day_did_not_meet():
    x = run(
        "News\nThe Anyshire Improvement Board was set up on 4 March 2020 to oversee the plan.\n"
        "Jane Example, who was leaving the Council on 4 May 2018, was thanked.\n"
        "Anyshire County Council received the inspection letter on 12 June 2019.\n"
    )
    assert x.meetings == ()


def test_a_news_title_with_a_word_after_the_body():
    x = run("Children's Partnership Board Update – 12 May 2021\nThe board heard about the new early help offer.\n")
    assert meetings(x) == {("Children's Partnership Board", "2021-05-12")}


def test_a_joint_meeting_of_plural_bodies():
    x = run(
        "Agenda item\nMinutes:\nThe report was considered at the joint meeting of the Health and Education Scrutiny "
        "Committees held on 2 April 2019.\n",
        published=D(2019, 6, 1),
    )
    assert meetings(x) == {("Health and Education Scrutiny Committees", "2019-04-02")}


def test_an_unnamed_earlier_meeting_is_the_pages_own_bodys():
    x = run(
        "Agenda and minutes\nCorporate Parenting Panel - Monday, 4th July, 2022 5.00 pm\n"
        "Minutes\nTo approve as a correct record the minutes of the meeting held on 2 April 2022.\n"
        "Responses\nThe Panel is asked to note the responses to recommendations made at the 3 March 2022 meeting.\n"
        "Report of the Board\nThe minutes of the meeting of the Panel held on 1 February 2022 were received.\n"
    )
    assert meetings(x) == {
        ("Corporate Parenting Panel", "2022-07-04"),
        ("Corporate Parenting Panel", "2022-04-02"),
        ("Corporate Parenting Panel", "2022-03-03"),
        ("Corporate Parenting Panel", "2022-02-01"),
    }


def test_an_unnamed_earlier_meeting_on_a_page_that_names_no_body_is_no_meeting():
    x = run("Minutes\nTo approve as a correct record the minutes of the meeting held on 2 April 2022.\n")
    assert x.meetings == ()


# ------------------------------------------------------------------------------ M3: "the last meeting"


def test_the_last_meeting_is_not_a_body_and_does_not_date_the_page():
    x = run("Agenda\nMinutes of the last meeting, held on 5 March 2019, to be confirmed.\nNext item\n")
    assert x.meetings == ()
    assert x.date is None


# ------------------------------------------------------------------------------ D1: resolutions with no heading


def test_a_numbered_list_of_resolutions_under_an_agenda_item():
    x = run(
        "Agenda item\nOfsted monitoring visit\nMinutes:\nThe Director introduced the report.\n"
        "1.  That the outcome of the monitoring visit on 8 and 9 May 2023 be noted.\n"
        "2.  That a further update be brought to the September panel meeting.\n"
        "3.  The following points were raised:\n"
        "i.  The update was noted.\n"
        "ii.  Members will be sent the revised action plan.\n"
        "iii.  For a breakdown of placement costs to be circulated to Members.\n",
        published=D(2023, 6, 1),
    )
    # the points raised are a summary of the discussion, not resolutions
    assert [(d.number, d.text) for d in x.decisions] == [
        ("1", "That the outcome of the monitoring visit on 8 and 9 May 2023 be noted."),
        ("2", "That a further update be brought to the September panel meeting."),
    ]


def test_the_closing_list_of_an_item_whose_items_open_like_resolutions():
    x = run(
        "Agenda item\nPlacements\nMinutes:\nThe Head of Service introduced the report.\n"
        "i.  The update was noted.\nii.  For a breakdown of placement costs to be circulated to Members.\n"
        "Fostering Annual Report\n",
        published=D(2023, 6, 1),
    )
    assert [(d.number, d.text) for d in x.decisions] == [
        ("i", "The update was noted."),
        ("ii", "For a breakdown of placement costs to be circulated to Members."),
    ]


def test_numbered_resolutions_after_the_decision_status_of_a_decision_page():
    x = run(
        "Decision details\nImprovement Plan\nDecision Maker: Cabinet\nDecision status: Recommendations Approved\n"
        "1) That the Improvement Plan be approved.\n"
        "2) That the Cabinet Member for Children be asked to report progress to Cabinet in six months.\n"
        "Reasons for the decision:\nTo respond to the inspection.\n"
    )
    assert texts(x) == [
        "That the Improvement Plan be approved.",
        "That the Cabinet Member for Children be asked to report progress to Cabinet in six months.",
    ]


def test_a_lone_closing_resolution_of_an_agenda_item():
    x = run(
        "Agenda item\nFocused visit letter\nMinutes:\nThe Head of Service presented the letter and answered questions.\n"
        "That the update be noted.\n",
        published=D(2023, 6, 1),
    )
    assert texts(x) == ["That the update be noted."]
    assert [d.outcome for d in x.decisions] == ["noted"]


def test_numbered_minutes_paragraphs_that_do_not_open_like_resolutions_are_not_decisions():
    x = run(
        "Minutes\n12.1 Apologies were received from Councillor Example.\n"
        "14.2 The Director explained the findings of the inspection.\n"
        "14.3 The Panel asked how many children were placed out of county.\n"
        "14.4 The Panel resolved to exclude the public and press for the next item.\n",
        published=D(2023, 6, 1),
    )
    assert [(d.number, d.text, d.kind) for d in x.decisions] == [
        ("14.4", "The Panel resolved to exclude the public and press for the next item.", "procedural")
    ]


def test_a_body_noting_something_closes_its_item_or_is_discussion():
    x = run(
        "Agenda and minutes\nChildren's Scrutiny Committee - Thursday, 3rd November, 2022 10.00 am\n"
        "15.\nCommittee Membership Change\nMinutes:\n"
        "The Committee noted that Councillor Jane Example had been appointed as a member of the Committee.\n"
        "16.\nImprovement Update\nMinutes:\n"
        "The Committee noted that caseloads had fallen. Members welcomed the new recruitment campaign.\n"
        "The Director explained that agency staffing would be reviewed.\n"
        "17.\nFostering\nMinutes:\nMembers endorsed the annual fostering report.\n"
    )
    assert [(d.text, d.kind) for d in x.decisions] == [
        (
            "The Committee noted that Councillor Jane Example had been appointed as a member of the Committee.",
            "procedural",
        ),
        ("Members endorsed the annual fostering report.", "resolution"),
    ]
    assert {d.date for d in x.decisions} == {D(2022, 11, 3)}


def test_a_quoted_motion_whose_items_open_with_verbs():
    x = run(
        "Agenda item\nChildren's Services are Good\nMinutes:\nMOTION: Proposed by Councillor Example:\n"
        "“That the Council:\n1.    Notes the progress made since the inspection in 2015.\n"
        "2.    Endorses the service’s action plan.\n3.    Thanks staff for their work.”\n"
        "The motion was carried.\n",
        published=D(2017, 7, 20),
    )
    assert texts(x) == [
        "Notes the progress made since the inspection in 2015.",
        "Endorses the service’s action plan.",
        "Thanks staff for their work.",
    ]


def test_that_in_reported_speech_is_no_resolution():
    x = run(
        "Agenda item\nOfsted report\nNOTED\n1. That the Cabinet had noted at their previous meeting the positive outcome.\n",
        published=D(2017, 7, 20),
    )
    assert x.decisions == ()


def test_it_was_agreed_after_an_adverbial_phrase():
    x = run(
        "Minutes\nApologies\nMinutes:\nApologies were received from Councillor Example.\n"
        "In order to accommodate other commitments, it was agreed to consider agenda item 7 first.\n"
        "13.\nDeclarations of Interest\n",
        published=D(2023, 7, 20),
    )
    assert [(d.text, d.kind) for d in x.decisions] == [("it was agreed to consider agenda item 7 first.", "procedural")]


# ------------------------------------------------------------------------------ D2: headings in other forms


def test_recommended_with_a_dash_and_recommendations_in_capitals():
    x = run(
        "Agenda item\nSEND update\nRecommended –\n1. That the Panel notes the SEND inspection outcome.\n"
        "Background\nThe inspection took place in March.\n",
        published=D(2023, 6, 1),
    )
    assert texts(x) == ["That the Panel notes the SEND inspection outcome."]
    x = run(
        "Agenda item\nSEND update\nRECOMMENDATIONS\nThat the Panel notes the SEND inspection outcome.\n",
        published=D(2023, 6, 1),
    )
    assert texts(x) == ["That the Panel notes the SEND inspection outcome."]
    assert [d.kind for d in x.decisions] == ["recommendation"]


def test_a_flattened_table_leaves_cell_marks():
    x = run(
        "Issue - meetings\nMonitoring visit\nMeeting: 04/02/2025 - Executive (Item 7)\nDecision: |\n"
        "That the findings of the monitoring visit be noted. |\nThat the action plan be endorsed. |\n"
    )
    assert texts(x) == ["That the findings of the monitoring visit be noted.", "That the action plan be endorsed."]


def test_a_one_line_are_asked_to_under_a_recommendations_heading():
    x = run(
        "Agenda item\nOfsted letter\nRecommendations:\n"
        "Members are asked to note the inspection outcome letter and the draft action plan.\n",
        published=D(2023, 6, 1),
    )
    assert texts(x) == ["Members are asked to note the inspection outcome letter and the draft action plan."]


# ------------------------------------------------------------------------------ D3: text cut or mangled


def test_an_article_is_not_a_list_marker():
    x = run(
        "Agenda item\nAgency staff\nMinutes:\nRESOLVED that a briefing note on agency staffing be circulated before "
        "the spring meeting.\n",
        published=D(2023, 6, 1),
    )
    assert [(d.number, d.text) for d in x.decisions] == [
        (None, "that a briefing note on agency staffing be circulated before the spring meeting.")
    ]


def test_a_resolution_after_an_adverbial_phrase_and_page_clutter():
    x = run(
        "Agenda item\nChair\nMinutes:\nRESOLVED:\n"
        "Following the Chair's apology, to appoint Councillor Brown to chair the meeting.\n"
        "That the annual report be noted. pdf icon PDF 433 KB\n",
        published=D(2023, 6, 1),
    )
    # under a heading the resolution is the whole item, its adverbial phrase included
    assert [(d.text, d.kind) for d in x.decisions] == [
        ("Following the Chair's apology, to appoint Councillor Brown to chair the meeting.", "procedural"),
        ("That the annual report be noted.", "resolution"),
    ]


# ------------------------------------------------------------------------------ D4: procedural resolutions


def test_minutes_confirmed_are_kept_and_typed_procedural():
    for line, text in (
        ("The minutes of the meeting held on 3 May 2022 were agreed as a correct record.", None),
        (
            "RESOLVED – That the minutes of the Corporate Parenting Panel held on 3 May 2022 be approved as a correct record.",
            "That the minutes of the Corporate Parenting Panel held on 3 May 2022 be approved as a correct record.",
        ),
        ("The minutes of the meeting held on 3 May 2022 were confirmed and signed by the Chair.", None),
    ):
        x = run(f"Minutes\nMinutes of the previous meeting\n{line}\nFostering report\n", published=D(2022, 6, 1))
        assert [(d.text, d.kind) for d in x.decisions] == [(text or line, "procedural")], line


# ------------------------------------------------------------------------------ D5: where a section ends


def test_alternative_options_end_the_decision_section():
    x = run(
        "Issue - meetings\nOfsted letter\nMeeting: 04/02/2025 - Cabinet (Item 9)\nDecision:\na) Cabinet note the letter.\n"
        "Alternative options considered:\n1. To defer the report; rejected because the letter is already public.\n"
    )
    assert [(d.number, d.text) for d in x.decisions] == [("a", "Cabinet note the letter.")]


def test_background_and_implications_end_the_recommendations():
    x = run(
        "Agenda item\nReport\nRecommendations\n1. Note the outcome of the inspection.\n2. Agree the improvement plan.\n"
        "Background\n1. The council was inspected in March 2023.\n2. The report was published in May.\n"
        "Financial implications:\n1. That the cost be met from reserves.\n",
        published=D(2023, 6, 1),
    )
    assert [(d.number, d.text, d.kind) for d in x.decisions] == [
        ("1", "Note the outcome of the inspection.", "recommendation"),
        ("2", "Agree the improvement plan.", "recommendation"),
    ]
