"""Stop 30 (made-up council papers): a full council's meeting written "council meeting" in lower case or titled
"Minutes of the Council Meeting held on …"; a meeting "to be held on", "due to be held on" or "scheduled for" a day;
a report's "Cabinet is recommended to:" list is what it puts to the meeting, not a decision."""

from __future__ import annotations

import pytest

from .conftest import extract_text

URL = "https://democracy.anyshire.gov.uk/ieListDocuments.aspx?MId=1"


def _meetings(text: str, url: str | None = URL) -> set[tuple[str, str | None]]:
    return {(m.body.lower(), m.date.iso() if m.date else None) for m in extract_text(text, url=url).meetings}


@pytest.mark.parametrize(
    "line, body",
    [
        (
            "Cabinet note any comments from the extraordinary council meeting to be held on 30 September 2022.",
            "council",
        ),
        ("Members asked that the council meeting held on 30 September 2022 hear the findings.", "council"),
        ("Comments from the Cabinet meeting due to be held on 30 September 2022 will be noted.", "cabinet"),
        ("The Cabinet meeting scheduled for 30 September 2022 will consider the plan.", "cabinet"),
        ("The Corporate Parenting Panel meeting is scheduled for 30 September 2022.", "corporate parenting panel"),
        ("The Schools Forum meeting to be held on 30 September 2022 will receive it.", "schools forum"),
    ],
)
def test_a_meeting_in_prose_on_a_day_set_for_it(line, body):
    assert (body, "2022-09-30") in _meetings(f"Report\n\n{line}\n")


@pytest.mark.parametrize(
    "item",
    [
        "Minutes of the Council Meeting held on 16 October 2018 pdf icon PDF 301 KB",
        "Minutes of the Council meeting held on 16 October 2018",
        "Agenda of the Council Meeting held on 16 October 2018",
    ],
)
def test_a_papers_noun_before_the_body_is_no_part_of_its_name(item):
    text = f"Agenda\n\nFull Council - Tuesday, 13th November, 2018 2.00 pm\n\n2.\n\n{item}\n\n3.\n\nApologies\n"
    meetings = _meetings(text)
    assert ("council", "2018-10-16") in meetings
    assert ("full council", "2018-11-13") in meetings


@pytest.mark.parametrize(
    "line",
    [
        "The council agreed on 30 September 2022 to fund the plan.",
        "Members of the council met officers on 30 September 2022.",
        "The Panel meeting for children was praised on 30 September 2022.",
    ],
)
def test_no_meeting_where_no_meeting_is_said(line):
    assert not _meetings(f"Report\n\n{line}\n")


REPORT = (
    "Report to:\n\n\nDate of meeting:\n\n05 March 2024\n\n\nDirector of Children’s Services\n\n\n"
    "Inspection of Anyshire local authority children’s services\n\n\n"
    "This report sets out the outcome of the Council’s Inspection of Local Authority Children’s Services in December"
    " 2023\n\n\n\n{lead}\n\n1)    Welcome the findings of the inspection of the work of the council for children and"
    " young people which was published on 6 February 2024; and\n\n2)    To note the action plan which is being"
    " developed to address the areas for improvement.\n\n{after}1          Background\n\n"
    "1.1       The council was inspected in December 2023.\n"
)


def _decisions(text: str) -> list[str]:
    return [d.text for d in extract_text(text).decisions]


@pytest.mark.parametrize("lead", ["Cabinet is recommended to:", "The Cabinet is asked to:", "Members are invited to:"])
def test_a_reports_recommendations_to_the_meeting_are_no_decisions(lead):
    assert _decisions(REPORT.format(lead=lead, after="")) == []


def test_a_reports_recommendations_the_page_says_were_agreed_are_decisions():
    text = REPORT.format(lead="Cabinet is recommended to:", after="The recommendations were agreed.\n\n")
    assert len(_decisions(text)) == 2


def test_a_recommendations_heading_of_a_decision_record_still_counts():
    text = (
        "Anyshire Council\n\nRecord of decision\n\nDecision maker:\n\nCabinet\n\nDate of decision: 05 March 2024\n\n"
        "Decision:\n\n1)    That the findings of the inspection be welcomed; and\n\n"
        "2)    That the action plan be noted.\n"
    )
    assert len(_decisions(text)) == 2


@pytest.mark.parametrize(
    "sentence, start",
    [
        (
            "The committee agreed to support the new Domestic Abuse Strategy, which will go to the cabinet in January.",
            "The committee agreed",
        ),
        ("On Tuesday, councillors agreed to endorse recommendations on extra staffing.", "councillors agreed"),
        ("The Board heard from officers and agreed to re-establish the Priority Action Sub-Group.", "agreed to"),
    ],
)
def test_a_reported_decision_opens_with_its_subject_when_the_verb_follows_it(sentence, start):
    decisions = [d.text for d in extract_text(f"Committee round-up\n\n{sentence}\n").decisions]
    assert len(decisions) == 1 and decisions[0].startswith(start)


@pytest.mark.parametrize(
    "line",
    [
        "Minutes of the previous meeting PDF 46 KB Minutes:The minutes of the previous meeting were approved as a"
        " correct record.",
        "Minutes of the previous meeting Minutes: The minutes of the previous meeting were approved as a correct record.",
    ],
)
def test_an_items_title_run_into_its_minutes_label_is_no_part_of_the_resolution(line):
    text = f"Apologies for absence Minutes:Apologies were received from Councillor Kit Example.\n{line}\n"
    decisions = [d.text for d in extract_text(text, url=URL).decisions]
    assert decisions == ["The minutes of the previous meeting were approved as a correct record."]


POOLE_STYLE = (
    "ANYSHIRE COUNCIL\n\nCABINET\n\n3 JUNE 2008\n\nThe Meeting commenced at 7.00pm\n\nPresent:\n\n"
    "Councillor Example (Chairman)\n\n1.\n\nMINUTES\n\n"
    "DECISION TAKENThat the decisions of the last Meetings held on 1 April and 13 May 2008 be confirmed as a correct"
    " record and signed by the Chairman.\n"
)


def test_a_decision_heading_run_into_its_resolution_is_no_part_of_it():
    decisions = [d.text for d in extract_text(POOLE_STYLE).decisions]
    assert any(t.startswith("That the decisions of the last Meetings held on") for t in decisions)
    assert not any("TAKEN" in t for t in decisions)


def test_the_decisions_of_the_last_meetings_on_days_of_two_months_are_two_meetings():
    meetings = _meetings(POOLE_STYLE, url="https://www.anyshire.gov.uk/cabinet/3-june-2008")
    assert {("cabinet", "2008-04-01"), ("cabinet", "2008-05-13"), ("cabinet", "2008-06-03")} <= meetings


@pytest.mark.parametrize(
    "line, days",
    [
        ("The Corporate Parenting Panel met on 30 April, 3 May and 10 June 2023.", {"2023-04-30", "2023-05-03", "2023-06-10"}),
        ("The Corporate Parenting Panel met on 3 and 10 May 2023.", {"2023-05-03", "2023-05-10"}),
    ],
)  # fmt: skip
def test_a_list_of_days_gives_a_meeting_on_each(line, days):
    assert {d for b, d in _meetings(f"Report\n\n{line}\n") if b == "corporate parenting panel"} == days


@pytest.mark.parametrize(
    "line, meeting",
    [
        ("Staff were commended in a meeting of the full council today.", ("full council", "2018-03-28")),
        ("Staff were commended at today's full council meeting.", ("full council", "2018-03-28")),
        ("The leader spoke at a meeting of the Cabinet yesterday.", ("cabinet", "2018-03-27")),
    ],
)
def test_a_story_dates_a_meeting_by_its_own_day_after_the_bodys_name(line, meeting):
    assert meeting in _meetings(f"Published: 2018-03-28\n\n{line}\n", url="https://news.example.co.uk/story")


def test_no_meeting_today_on_a_page_with_no_day_of_its_own():
    assert not _meetings("News\n\nStaff were commended in a meeting of the full council today.\n", url=None)
