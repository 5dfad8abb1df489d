"""Round 8: meetings and decisions from general knowledge of how council pages name their bodies and record what
they resolved, not from one page's wording. Every text is made up in the style of council pages (report covers,
minutes, news stories, pages flattened to one line); the councils and names ("Anyshire", "Jane Example") are
invented. Each class is checked on three wordings and, where a rule could reach too far, on a text it must leave
alone. Expected values follow ../shared/ANNOTATION.md."""

from __future__ import annotations

import pytest

from caregraph.pipeline.extract.meeting_rules import body_words
from caregraph.records import PartialDate as D

from .conftest import extract_text as run


def meetings(x) -> set[tuple[str, str]]:
    return {(m.body.lower(), m.date.iso()) for m in x.meetings}


def texts(x) -> list[str]:
    return [d.text for d in x.decisions]


# ------------------------------------------------------------------------------ the table of body words


def test_the_table_of_body_words_holds_subjects_not_places_posts_or_connectors():
    words = body_words()
    assert {"children", "scrutiny", "parenting", "wellbeing", "education"} <= words
    assert not words & {"and", "of", "the", "director", "leader", "surrey", "council"}


# ------------------------------------------------------------------------------ a name wrapped over header lines


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("CHILDREN, EDUCATION AND SKILLS\nSCRUTINY COMMITTEE", "children, education and skills scrutiny committee"),
        ("REPORT TO CHILDREN AND\nFAMILIES OVERVIEW\nPANEL", "children and families overview panel"),
        ("Health and Wellbeing\nBoard", "health and wellbeing board"),
    ],
)
def test_a_body_name_wrapped_over_header_lines_is_read_whole(top, expected):
    x = run(f"Anyshire Council\n\n{top}\n5 MARCH 2024\n\nReport of the Director of Children's Services\n")
    assert (expected, "2024-03-05") in meetings(x)


def test_a_department_line_above_a_full_name_is_no_part_of_it():
    x = run("Anyshire Council\n\nChildren's Services\nCorporate Parenting Board\n5 March 2024\n\nOfsted letter\n")
    assert meetings(x) == {("corporate parenting board", "2024-03-05")}


# ------------------------------------------------------------------------------ a report's cover fields


@pytest.mark.parametrize(
    ("cover", "expected"),
    [
        ("To: Corporate Parenting Panel\nOn: 5 March 2024", ("corporate parenting panel", "2024-03-05")),
        (
            "Date: 14 March 2024\nTo: Children's Scrutiny Committee\nFrom: Director",
            ("children's scrutiny committee", "2024-03-14"),
        ),
        ("Report for: Schools Forum – 9 July 2024", ("schools forum", "2024-07-09")),
    ],
)
def test_a_cover_field_for_who_the_report_goes_to_and_its_day_give_the_meeting(cover, expected):
    x = run(f"Anyshire Council\n\n{cover}\n\nTitle: Ofsted focused visit\n\n1. Purpose\nTo update members.\n")
    assert expected in meetings(x)


def test_a_cover_that_goes_to_a_council_names_no_meeting_body():
    x = run("Anyshire Council\n\nTo: Anyshire County Council\nOn: 5 March 2024\n\nTitle: Ofsted\n")
    assert meetings(x) == set()


# ------------------------------------------------------------------------------ a title line whose name goes on past its head word


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "COMMISSION FOR CHILDREN AND SCHOOL RESULTS - 1 FEBRUARY 2006",
            ("commission for children and school results", "2006-02-01"),
        ),
        (
            "Policy and Accountability Committee for Children and Education\n5 March 2024",
            ("policy and accountability committee for children and education", "2024-03-05"),
        ),
        (
            "Select Committee on Children's Services, 12 June 2019",
            ("select committee on children's services", "2019-06-12"),
        ),
    ],
)
def test_a_title_line_keeps_a_head_words_complement(title, expected):
    x = run(f"{title}\n\nJOINT AREA REVIEW – PROGRESS REPORT\n\n1. This report describes the steps taken.\n")
    assert expected in meetings(x)


def test_a_title_naming_a_report_is_no_meeting():
    x = run("Corporate Parenting Board Annual Report - 5 March 2024\n\n1. This report describes the year.\n")
    assert meetings(x) == set()


def test_the_body_a_title_names_is_the_pages_own_for_a_bare_head_word():
    text = (
        "COMMISSION FOR CHILDREN AND SCHOOL RESULTS - 1 FEBRUARY 2006\n\nBACKGROUND\n\n"
        "2. At its programme-setting meeting on 4th January 2006, the Commission agreed that it would monitor "
        "progress.\n"
    )
    assert ("commission for children and school results", "2006-01-04") in meetings(run(text))


# ------------------------------------------------------------------------------ the day inside "at its … meeting"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Ofsted letter was shared with the Corporate Parenting Board at its 5 March 2024 meeting.",
        "The plan was endorsed by the Corporate Parenting Board, at their 5 March 2024 session.",
        "The findings went to the Corporate Parenting Board at the Tuesday 5 March 2024 meeting.",
    ],
)
def test_a_meeting_named_with_its_day_inside_the_phrase(sentence):
    assert ("corporate parenting board", "2024-03-05") in meetings(run(f"Anyshire Council\n\n{sentence}\n"))


@pytest.mark.parametrize(
    "sentence",
    [
        "It was reported to the Corporate Parenting Board in March 2024 and to Cabinet on 5 March 2024.",
        "The plan went to the Corporate Parenting Board in 2023 and then to the Cabinet on 5 March 2024.",
        "The letter was presented to the Corporate Parenting Board and to the Cabinet on 5 March 2024.",
    ],
)
def test_a_day_past_another_bodys_turn_is_that_bodys(sentence):
    found = meetings(run(f"Anyshire Council\n\n{sentence}\n"))
    assert ("cabinet", "2024-03-05") in found
    assert ("corporate parenting board", "2024-03-05") not in found


# ------------------------------------------------------------------------------ news: a body in lower case, a day with no year


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Jane Example told North Anyshire Council's children and young people's services policy and scrutiny "
            "panel on 29 June that the grade had been expected.",
            ("children and young people's services policy and scrutiny panel", "2023-06-29"),
        ),
        (
            "The report was presented to Anyshire County Council's children's services scrutiny committee on 5 "
            "March 2023.",
            ("children's services scrutiny committee", "2023-03-05"),
        ),
        (
            "Councillors on the corporate parenting panel on June 20 welcomed the findings.",
            ("corporate parenting panel", "2023-06-20"),
        ),
    ],
)
def test_news_names_a_body_in_lower_case_and_its_day_without_a_year(sentence, expected):
    x = run(f"Anyshire Council\n\n{sentence}\n", published=D(2023, 7, 2))
    assert expected in meetings(x)


def test_a_month_before_a_body_is_no_part_of_its_name():
    x = run("Anyshire Council\n\nOfsted visited on 12 March and the Board on 5 April heard.\n", published=D(2023, 7, 2))
    assert meetings(x) == set()


# ------------------------------------------------------------------------------ decisions: the minutes confirmed


@pytest.mark.parametrize(
    "page",
    [
        "CORPORATE PARENTING PANEL 5 MARCH 2024 MINUTES 1. APOLOGIES None. 2. MINUTES 2.1 The minutes of the meeting "
        "held on 6 February 2024 were confirmed as a correct record. 3. OFSTED The Director presented the report.",
        "Anyshire Council PARENTING PANEL 5 MARCH 2024 1. APOLOGIES None. 2. MINUTES The minutes of the meeting held on "
        "6 February 2024 were agreed as a correct record. 3. OFSTED The Director presented the report.",
        "Minutes of the Schools Forum, 5 March 2024. Item 2 Minutes The minutes of the previous meeting were signed as "
        "an accurate record. Item 3 Ofsted. The report was presented.",
    ],
)
def test_the_minutes_confirmed_after_a_heading_run_into_a_flattened_page(page):
    found = texts(run(page))
    assert any(t.startswith("The minutes of the") for t in found)


def test_the_minutes_confirmed_inside_a_sentence_are_no_resolution_of_their_own():
    x = run(
        "Anyshire Council\n\nThe chair said that the minutes of the meeting held on 6 February 2024 were agreed "
        "as a correct record by email.\n"
    )
    assert texts(x) == []


MINUTES = "Anyshire Council\n\nCorporate Parenting Panel - Tuesday, 5th March 2024 10.00 am\n\n2. Minutes\n\n{line}\n\n3. Ofsted\n\nThe Director presented the report.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Minutes of the meeting held on 6 February 2024 – agreed.",
        "The Chair signed the minutes of the meeting held on 6 February 2024 as a correct record.",
        "The minutes of the meeting held on 6 February 2024 were correctly recorded.",
    ],
)
def test_the_minutes_confirmed_however_the_line_puts_it(line):
    assert texts(run(MINUTES.format(line=line))) == [line]


def test_minutes_still_to_be_confirmed_are_no_resolution():
    line = "Minutes of the last meeting, held on 6 February 2024, to be confirmed."
    assert texts(run(MINUTES.format(line=line))) == []


@pytest.mark.parametrize(
    "line",
    [
        "Minutes of the last meeting were agreed as an accurate record.",
        "Minutes of the previous meeting were approved and signed by the Chair.",
        "Minutes from the meeting on 6 February 2024 were accepted as a true record.",
    ],
)
def test_a_line_that_opens_with_the_word_minutes_is_a_sentence_not_a_heading(line):
    page = f"Anyshire Council\n\nCorporate Parenting Panel - Tuesday, 5th March 2024 10.00 am\n\n{line}\n\n3. Ofsted\n\nThe report was presented.\n"
    assert texts(run(page)) == [line]


# ------------------------------------------------------------------------------ decisions: a list marker after a table's label


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "Minutes of the meeting held on 8 March 2023 Additional documents: Minutes: 1) RESOLVED that the minutes "
            "were correctly recorded and that they be signed by the Chairman. |",
            "RESOLVED that the minutes were correctly recorded and that they be signed by the Chairman.",
        ),
        (
            "Ofsted focused visit Additional documents: Minutes: (a) RESOLVED that the letter be noted. |",
            "RESOLVED that the letter be noted.",
        ),
        (
            "Work programme Decision: 2. That the work programme be agreed. |",
            "That the work programme be agreed.",
        ),
    ],
)
def test_a_list_marker_after_a_flattened_tables_label_is_the_resolutions_number(row, expected):
    page = f"Anyshire Council\n\nCabinet - Thursday, 14th March 2024\n\n{row}\nNext item Additional documents: Minutes: The report was presented. |\n"
    assert expected in texts(run(page))


# ------------------------------------------------------------------------------ decisions: a page headed by its own meeting


@pytest.mark.parametrize(
    "closing",
    [
        "The Panel noted the letter and endorsed the plan.",
        "Members welcomed the outcome of the inspection.",
        "The findings of the focused visit were noted.",
    ],
)
def test_a_closing_resolution_counts_on_a_page_headed_by_its_meeting_whatever_its_genre(closing):
    page = (
        "Anyshire Council\n\nCorporate Parenting Panel - Tuesday, 5th March 2024 10.00 am\n\n"
        f"5. Ofsted focused visit\n\nThe Director presented the letter and answered questions.\n\n{closing}\n\n"
        "6. Any other business\n"
    )
    assert closing in texts(run(page))


# ------------------------------------------------------------------------------ what a header says the page is, before the name


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Notes of the Corporate Parenting Board meeting, 5 March 2024", ("corporate parenting board", "2024-03-05")),
        (
            "Report to the Children and Young People Scrutiny Panel on 5 March 2024",
            ("children and young people scrutiny panel", "2024-03-05"),
        ),
        ("Record of decisions of the Schools Forum - 5 March 2024", ("schools forum", "2024-03-05")),
    ],
)
def test_a_headers_words_for_the_kind_of_record_are_no_part_of_the_name(header, expected):
    assert expected in meetings(run(f"{header}\n\nAttendees: Jane Example\n\n1. Ofsted\n"))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Scrutiny Panel (Children and Young People) - 5 March 2024",
            ("scrutiny panel (children and young people)", "2024-03-05"),
        ),
        ("Children's Select Committee – Meeting held 5 March 2024", ("children's select committee", "2024-03-05")),
        (
            "Improvement Board for Children's Services, Tuesday 5 March 2024",
            ("improvement board for children's services", "2024-03-05"),
        ),
    ],
)
def test_a_title_line_with_a_qualifier_or_a_meeting_word_before_its_day(title, expected):
    assert expected in meetings(run(f"{title}\n\nItem 6: Ofsted\n"))


def test_a_title_about_a_body_is_left_to_the_text():
    x = run("Children's Partnership Board Update – 12 May 2021\nThe board heard about the new early help offer.\n")
    assert meetings(x) == {("children's partnership board", "2021-05-12")}


# ------------------------------------------------------------------------------ a paper sent to a body's members


@pytest.mark.parametrize(
    "sentence",
    [
        "A briefing was circulated to Members of the Health and Wellbeing Board on 26 October 2021.",
        "The letter was sent to the Corporate Parenting Board on 26 October 2021 for information.",
        "The draft plan was emailed to all members of the Children's Scrutiny Committee on 26 October 2021.",
    ],
)
def test_a_paper_sent_to_a_body_on_a_day_is_no_meeting(sentence):
    assert meetings(run(f"Anyshire Council\n\n{sentence}\n")) == set()


def test_a_report_taken_to_a_body_on_a_day_is_its_meeting():
    x = run("Anyshire Council\n\nThe letter was presented to the Corporate Parenting Board on 26 October 2021.\n")
    assert meetings(x) == {("corporate parenting board", "2021-10-26")}


# ------------------------------------------------------------------------------ decisions: the mover and seconder, a field of what was concluded

ITEM = (
    "Anyshire Council\n\nCorporate Parenting Panel - Tuesday, 5th March 2024 10.00 am\n\n5. Ofsted inspection\n\n"
    "The Director presented the report. Members asked about caseloads.\n\n{line}\n\n6. Any other business\n\nNone.\n"
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("It was moved, seconded and RESOLVED that the plan be approved.", "RESOLVED that the plan be approved."),
        (
            "It was proposed by Councillor Example, seconded by Councillor Sample and RESOLVED that the letter be noted.",
            "RESOLVED that the letter be noted.",
        ),
        ("It was duly moved and seconded, and resolved to endorse the plan.", "resolved to endorse the plan."),
    ],
)
def test_the_mover_and_seconder_before_the_resolution_are_no_part_of_it(line, expected):
    assert texts(run(ITEM.format(line=line))) == [expected]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Conclusion: The Panel welcomed the judgement and asked for a report in six months.",
            "The Panel welcomed the judgement and asked for a report in six months.",
        ),
        ("Outcome – Members noted the letter.", "Members noted the letter."),
        ("Decision made: The Panel endorsed the improvement plan.", "The Panel endorsed the improvement plan."),
    ],
)
def test_a_field_of_what_the_meeting_concluded_holds_its_resolution(line, expected):
    assert expected in texts(run(ITEM.format(line=line)))


def test_a_field_of_the_discussion_holds_no_resolution():
    assert texts(run(ITEM.format(line="Discussion: The Panel welcomed the judgement and asked about caseloads."))) == []


# ------------------------------------------------------------------------------ a body and its day in a table's cells, a label before a name


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("| Cabinet | 5 March 2024 | Approved |", ("cabinet", "2024-03-05")),
        (
            "| Decision history |\n| Corporate Parenting Panel | 12 March 2024 | Noted |",
            ("corporate parenting panel", "2024-03-12"),
        ),
        ("Schools Forum | Tuesday 9 July 2024 | Endorsed", ("schools forum", "2024-07-09")),
    ],
)
def test_a_body_in_one_cell_and_its_day_in_the_next(rows, expected):
    assert expected in meetings(run(f"Anyshire Council\n\nOfsted improvement plan\n\n{rows}\n"))


def test_a_council_in_a_cell_is_the_council_not_its_meeting():
    assert meetings(run("Ofsted improvement plan\n\n| Anyshire County Council | 5 March 2024 | Published |\n")) == set()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Consultation: Children's Scrutiny Panel – 5 March 2024.", ("children's scrutiny panel", "2024-03-05")),
        (
            "Previously considered by: Corporate Parenting Board - 12 March 2024",
            ("corporate parenting board", "2024-03-12"),
        ),
        ("Scrutiny: Education Select Committee, 9 July 2024", ("education select committee", "2024-07-09")),
    ],
)
def test_a_fields_label_before_a_dated_name_is_no_part_of_it(line, expected):
    assert expected in meetings(run(f"Anyshire Council\n\nOfsted improvement plan\n\n{line}\n"))


# ------------------------------------------------------------------------------ decisions: the verbs of the table of resolution verbs

MINUTED = "Anyshire Council\n\nCabinet - Thursday, 14th March 2024\n\nMinutes:\n{body}\n"


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            "1. the letter be noted\n2. a briefing note be circulated to all members",
            ["the letter be noted", "a briefing note be circulated to all members"],
        ),
        (
            "(a) the plan be brought back in June;\n(b) the findings be presented to the Schools Forum.",
            ["the plan be brought back in June;", "the findings be presented to the Schools Forum."],
        ),
        (
            "1. To note the letter.\n2. To seek a further report in June.",
            ["To note the letter.", "To seek a further report in June."],
        ),
    ],
)
def test_the_verbs_councils_resolve_with_make_a_list_of_resolutions(items, expected):
    assert texts(run(MINUTED.format(body=items))) == expected


def test_a_list_of_what_will_be_done_is_no_resolution():
    body = "1. the plan will be brought back in June\n2. a note could be circulated to members"
    assert texts(run(MINUTED.format(body=body))) == []


# ------------------------------------------------------------------------------ one meeting named with and without "Sub-"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Health Scrutiny Committee", "Health Scrutiny Sub-Committee"),
        ("Children's Services Scrutiny Board", "Children's Services Scrutiny Sub Board"),
        ("Fostering Panel Group", "Fostering Panel Sub-Group"),
    ],
)
def test_one_meeting_named_with_and_without_sub_is_one_under_its_first_name(first, second):
    text = (
        "Anyshire Council\n\nOverview and Scrutiny Board\nTuesday, 21st January, 2020 6.00 pm\n\n"
        f"4. The minutes of the meeting of the {first} held on 3rd September 2019 are attached.\n\n"
        f"RESOLVED that the minutes of the {second} held on 3rd September 2019 be noted.\n"
    )
    found = {m for m in meetings(run(text)) if m[1] == "2019-09-03"}
    assert found == {(first.lower(), "2019-09-03")}


def test_a_committee_and_another_bodys_sub_committee_on_one_day_are_two_meetings():
    text = (
        "Anyshire Council\n\nOverview and Scrutiny Board\nTuesday, 21st January, 2020 6.00 pm\n\n"
        "4. The minutes of the meeting of the Health Scrutiny Committee held on 3rd September 2019 are attached.\n\n"
        "5. The minutes of the Adults Scrutiny Sub-Committee held on 3rd September 2019 were noted.\n"
    )
    found = {m for m in meetings(run(text)) if m[1] == "2019-09-03"}
    assert found == {("health scrutiny committee", "2019-09-03"), ("adults scrutiny sub-committee", "2019-09-03")}


# ------------------------------------------------------------------------------ decisions: a reported decision cut off after its verb

STORY = "Anyshire Council\n\nNews\n\n{text}\n"


@pytest.mark.parametrize(
    "text",
    [
        "2. At its programme-setting meeting, the Commission agreed that\n\n3. STRATEGIC CONTEXT",
        "The Schools Forum resolved that\n\nReport author: Jane Example",
        "Councillors on the Children's Scrutiny Panel voted that\n\n3. BACKGROUND",
    ],
)
def test_a_reported_decision_cut_off_after_its_verb_is_none(text):
    assert texts(run(STORY.format(text=text))) == []


def test_a_whole_reported_decision_is_kept():
    x = run(STORY.format(text="The Cabinet agreed to write to the minister about the findings."))
    assert any("write to the minister about the findings" in t for t in texts(x))


# ------------------------------------------------------------------------------ a day belongs to the body named nearest it


@pytest.mark.parametrize(
    "sentence",
    [
        "The report was presented to the Corporate Parenting Board and the plan considered by the Schools Forum on "
        "16 September 2019.",
        "The letter was reported to the Corporate Parenting Board with the plan the Improvement Board endorsed on "
        "16 September 2019.",
        "Findings went to the Corporate Parenting Board after the Health Scrutiny Panel reviewed them on 16 "
        "September 2019.",
    ],
)
def test_a_day_past_another_body_named_between_is_not_the_first_bodys(sentence):
    found = meetings(run(f"Anyshire Council\n\n{sentence}\n"))
    assert ("corporate parenting board", "2019-09-16") not in found
    assert any(d == "2019-09-16" for _, d in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Children's Partnership Board would consider the self-assessment at its next meeting on 16 September 2019.",
        "The Schools Forum is due to discuss the report when it next meets, on 16 September 2019.",
        "The Corporate Parenting Panel will review progress at its meeting on 16 September 2019.",
    ],
)
def test_a_day_a_sentence_gives_to_a_named_body_is_not_also_the_pages_own(sentence):
    page = f"Decision details\n\nDecision Maker: Anyshire Health and Wellbeing Board\n\nDecisions:\n\n{sentence}\n"
    found = meetings(run(page))
    assert ("anyshire health and wellbeing board", "2019-09-16") not in found
    assert len([d for _, d in found if d == "2019-09-16"]) == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The report went to the children's services scrutiny committee on 12 March 2024.",
            "children's services scrutiny committee",
        ),
        ("It was approved by the health and wellbeing board on 12 March 2024.", "health and wellbeing board"),
        ("The plan was endorsed by the corporate parenting panel on 12 March 2024.", "corporate parenting panel"),
    ],
)
def test_news_names_a_body_in_lower_case_after_the(sentence, expected):
    assert (expected, "2024-03-12") in meetings(run(f"Anyshire Council\n\n{sentence}\n"))


def test_lower_case_words_that_name_no_body_subject_make_no_name():
    x = run("Anyshire Council\n\nThe report went to the very busy committee on 12 March 2024.\n")
    assert all(body != "very busy committee" for body, _ in meetings(x))
