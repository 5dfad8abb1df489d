"""Round 7: meetings, decisions and follow-ups worded in other ways (the classes of the sixth real set, in general
form). Every text is made up in the style of council pages (minutes, report covers, news stories); the councils and
names ("Anyshire", "Jane Example") are invented. Each class is checked on three wordings and, where a rule could reach
too far, on a text it must leave alone. Expected values follow ../shared/ANNOTATION.md."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate as D

from .conftest import extract_text as run


def texts(x) -> list[str]:
    return [d.text for d in x.decisions]


def meetings(x) -> set[tuple[str, str]]:
    return {(m.body, m.date.iso()) for m in x.meetings}


def dues(x) -> set[str]:
    return {f.due.iso() for f in x.follow_ups}


MINUTES = "Anyshire Council\n\nCabinet - Thursday, 14th March 2024\n\nMinutes:\n{body}\n"


# ------------------------------------------------------------------------------ decisions: the subjunctive list


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            "1. the content of the monitoring visit letter be noted\n\n2. the improvement plan be approved for delivery.",
            ["the content of the monitoring visit letter be noted", "the improvement plan be approved for delivery."],
        ),
        (
            "(a) the findings of the focused visit be received;\n(b) the Director be authorised to publish the plan;",
            ["the findings of the focused visit be received;", "the Director be authorised to publish the plan;"],
        ),
        (
            "1. the progress made be noted\n2. all members be invited to the briefing\n3. the wider offer be endorsed",
            ["the progress made be noted", "all members be invited to the briefing", "the wider offer be endorsed"],
        ),
    ],
)
def test_a_list_in_the_subjunctive_is_a_list_of_resolutions(items, expected):
    x = run(MINUTES.format(body=items))
    assert [t for t in texts(x) if t in expected] == expected


def test_a_list_of_forecasts_is_no_resolution():
    body = "1. the plan will be approved by the board in May\n2. the staffing review should be agreed soon"
    assert texts(run(MINUTES.format(body=body))) == []


@pytest.mark.parametrize(
    "label", ["Cabinet Decision Record D100122", "Executive Decision Notice No. ED-2024-07", "Minute Reference C/45a"]
)
def test_a_records_label_and_code_is_no_decision(label):
    body = f"{label}\nRESOLVED that the Ofsted letter be noted.\n{label}2\nRESOLVED that the plan be approved."
    found = texts(run(MINUTES.format(body=body)))
    assert not any("Record" in t or "Notice" in t or "Reference" in t for t in found)
    assert len(found) == 2


@pytest.mark.parametrize("heading", ["Matters arising:", "Updates from officers:", "Actions outstanding:"])
def test_another_heading_below_the_resolutions_ends_them(heading):
    body = (
        "Minutes:\nRESOLVED - that the minutes of the meeting held on 1 February 2024 be agreed as a correct record.\n\n"
        f"{heading}\n\n1. An actions log will be kept;\n\n2. Training for governors had taken place and was well attended;"
    )
    found = texts(run(MINUTES.format(body=body)))
    assert len(found) == 1 and found[0].startswith("RESOLVED")


def test_who_decided_still_leads_the_list_in():
    body = "RESOLVED that the Cabinet:\n1. notes the Ofsted letter;\n2. approves the plan."
    assert len(texts(run(MINUTES.format(body=body)))) == 2


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Later it was decided that this approach was insufficient.", False),
        ("It was agreed that the old arrangements were too slow.", False),
        ("It was then decided that the report had been helpful.", False),
        ("It was agreed that the best way to look at the findings was for the panel to hold a review.", True),
        ("It was agreed that a review should be held by the panel.", True),
    ],
)
def test_a_view_agreed_is_no_decision(sentence, kept):
    x = run(f"Council news\n\nAt its meeting the scrutiny panel discussed the Ofsted letter. {sentence}\n")
    assert bool(texts(x)) is kept


@pytest.mark.parametrize(
    "sentence",
    [
        "That report comes shortly after the ombudsman's annual letter.",
        "That visit found that practice had improved.",
        "That decision was welcomed by the Leader.",
    ],
)
def test_that_pointing_back_is_no_resolution(sentence):
    page = f"Overview and Scrutiny Board - Monday 23rd April 2024 6.00 p.m.\n\nOfsted\n\n{sentence}\n"
    assert texts(run(page)) == []


@pytest.mark.parametrize(
    ("lead", "verb"),
    [
        ("Following discussion, the Committee:", "Concurred with"),
        ("After a full debate, the Panel:", "Recognised"),
        ("Having considered the report, the Board:", "Acknowledged"),
    ],
)
def test_a_list_under_who_decided_after_a_phrase(lead, verb):
    body = (
        f"Ofsted focused visit\n\n{lead}\n\n· {verb} the inspectors' praise of staff and managers.\n\n"
        "· Noted the areas for improvement.\n"
    )
    found = texts(run(MINUTES.format(body=body)))
    assert any(t.startswith(verb) for t in found) and any(t.startswith("Noted the areas") for t in found)


# ------------------------------------------------------------------------------ meetings


@pytest.mark.parametrize(
    ("cover", "expected"),
    [
        ("COMMITTEE: AUDIT DATE: 29 JULY 2020 REVIEW OF INSPECTION REPORTS", ("Audit Committee", "2020-07-29")),
        ("Report to: Cabinet | Date of meeting: 4 March 2024\nTitle: Ofsted action plan", ("Cabinet", "2024-03-04")),
        ("Meeting: Corporate Parenting Panel\nDate: 12 May 2023", ("Corporate Parenting Panel", "2023-05-12")),
        (
            "COMMITTEE: CHILDREN AND YOUNG PEOPLE SCRUTINY DATE: 9 JUNE 2021",
            ("Children and Young People Scrutiny Committee", "2021-06-09"),
        ),
    ],
)
def test_a_report_covers_fields_give_its_meeting(cover, expected):
    x = run(f"{cover}\n\n1. Purpose of report\n\nTo inform members of the findings of the visit.\n")
    assert expected in meetings(x)


def test_a_cover_field_without_a_day_gives_no_meeting():
    x = run("Committee: Audit\nDate: July 2020\n\n1. Purpose of report\n\nTo inform members.\n")
    assert meetings(x) == set()


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("is due to be approved by the council's Cabinet next week (9 November)", "2017-11-09"),
        ("will go before the Corporate Parenting Panel tomorrow (2 November)", "2017-11-02"),
        ("will be considered by the council's Cabinet later this month (21 November)", "2017-11-21"),
    ],
)
def test_a_news_storys_meeting_dated_in_brackets_from_its_day(phrase, day):
    x = run(f"Council news\n\nThe extension of the partnership {phrase}.\n", published=D(2017, 11, 1))
    assert day in {m.date.iso() for m in x.meetings}


# ------------------------------------------------------------------------------ follow-ups

PAGE_DATE = D(2021, 12, 7)


def minutes(*lines: str, url: str | None = None, published: D | None = PAGE_DATE):
    text = "Anyshire Council\nChildren's Scrutiny Panel minutes\n\n" + "\n\n".join(lines) + "\n\nEnd.\n"
    return run(text, url=url, published=published)


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("There would be an update on the Fostering Service on the agenda for the March meeting.", "2022-03"),
        ("There will be a further report on caseloads to the committee in February 2022.", "2022-02"),
        ("Members heard there would also be a presentation on the new model at the June meeting.", "2022-06"),
    ],
)
def test_a_report_there_will_be_is_a_commitment(sentence, due):
    assert dues(minutes(sentence)) == {due}


def test_a_sentence_cut_by_a_hard_line_break_is_read_whole():
    text = (
        "Highlighted the need to recruit more foster carers and information like this\n"
        "encouraged people to come forward. There would be an update on the Fostering\n"
        "Service on the agenda for the March meeting."
    )
    assert dues(minutes(text)) == {"2022-03"}


def test_a_list_item_is_not_joined_to_the_line_above():
    text = "The panel heard that there would be an update on the fostering service\n- The service in March 2022 had 120 carers."
    assert dues(minutes(text)) == set()


def test_a_heading_is_not_joined_to_the_sentence_below():
    assert dues(minutes("Purpose of report\nThe visit was in March 2022.")) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Both directors retired by March 2016, as planned for several months.",
        "The new head of service started in May 2016, as had been planned.",
        "A further report was presented in June 2016 as agreed.",
    ],
)
def test_a_date_before_the_pages_url_date_is_past(sentence):
    url = "https://news.example.gov.uk/2016/11/25/ofsted-results/"
    assert dues(minutes(sentence, url=url, published=None)) == set()


def test_a_date_after_the_pages_url_date_is_kept():
    url = "https://news.example.gov.uk/2016/11/25/ofsted-results/"
    assert dues(minutes("A further report will come to the panel in March 2017.", url=url, published=None)) == {
        "2017-03"
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The academy trust had launched plans to create the new school in June 2022.",
        "The academy trust had unveiled plans to expand the school in September 2022.",
        "A consultation began on 12 January 2022 and would run until 9 February 2022.",
    ],
)
def test_plans_launched_and_a_span_running_are_no_commitments(sentence):
    assert dues(minutes(sentence)) == set()


def test_the_councils_plan_to_act_is_kept():
    assert dues(minutes("The council plans to open two new homes in September 2022.")) == {"2022-09"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Director will give the Panel a verbal update on the focused visit to Children's Services on 26 May 2022.",
        "Officers will brief members on the monitoring visit to the service on 3 and 4 March 2022.",
        "A report on the inspection to the youth offending service in April 2022 will follow.",
    ],
)
def test_the_date_of_a_visit_to_a_service_is_no_due_date(sentence):
    assert dues(minutes(sentence)) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "To provide assurance on the inspections that have taken place in the last 6 months (1st October 2021 to "
        "31st March 2022).",
        "To report the findings of visits made over the past year (from April 2022).",
        "Officers will share the complaints received in the previous quarter (January to March 2022).",
    ],
)
def test_a_span_just_past_is_no_due_date(sentence):
    assert dues(minutes(sentence, published=None)) == set()


@pytest.mark.parametrize(
    ("field", "due"),
    [
        ("IMPLEMENTATION DATE : 9 AUGUST 2022", "2022-08-09"),
        ("Date of implementation: 3 May 2022", "2022-05-03"),
        ("Implementation date: 21 January 2022", "2022-01-21"),
    ],
)
def test_a_decision_reports_implementation_date_is_due(field, due):
    page = f"REPORT TO EXECUTIVE\n\nDate: 7 December 2021\n\nTitle: Ofsted action plan\n\n{field}\n\nPURPOSE\n\nFor decision.\n"
    found = run(page, published=PAGE_DATE).follow_ups
    assert [(f.due.iso(), f.description) for f in found] == [(due, "Ofsted action plan")]


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        (
            "That a further report to come to the September 2022 meeting was agreed, to include the next steps for "
            "the re-inspection by Ofsted.",
            "2022-09",
        ),
        ("The panel asked for an update report to Cabinet in June 2022 on the Ofsted action plan.", "2022-06"),
        ("A progress report to come back to the April 2022 committee was requested.", "2022-04"),
    ],
)
def test_a_report_to_come_to_a_meeting_is_no_publication(sentence, due):
    assert dues(minutes(sentence)) == {due}


def test_an_inspections_report_before_its_date_is_a_publication():
    assert dues(minutes("The Ofsted report to parents in March 2022 was welcomed.")) == set()
