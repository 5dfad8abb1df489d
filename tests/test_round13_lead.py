"""Round 13 (lead): minutes whose paragraphs are numbered ("28.2  It was RESOLVED to –"). Made-up text in the style
of council minutes."""

from __future__ import annotations

import pytest

from .conftest import extract_text

URL = "https://democracy.anyshire.gov.uk/ieListDocuments.aspx?CId=1&MId=2"


def _minutes(heading: str, after: str = "Reason\n\n12.3     The inspection found services to be good.\n") -> list[str]:
    text = (
        "Agenda and minutes\n\nCabinet - Tuesday, 14th May, 2019 10.00 am\n\nMinutes:\n\n"
        "12.1     The Cabinet considered a report by the Director of Children's Services.\n\n"
        f"12.2     {heading}\n\n"
        "            1) note the outcome of the inspection published on 2 May 2019;\n\n"
        "            2) thank all staff involved; and\n\n"
        "            3) agree that the action plan be reported to the Scrutiny Committee\n\n" + after
    )
    return [d.text for d in extract_text(text, url=URL).decisions]


@pytest.mark.parametrize("heading", ["It was RESOLVED to –", "RESOLVED –", "RESOLVED -", "It was RESOLVED to:-"])
def test_a_numbered_paragraph_heads_the_resolutions_under_it(heading):
    assert _minutes(heading) == [
        "note the outcome of the inspection published on 2 May 2019;",
        "thank all staff involved; and",
        "agree that the action plan be reported to the Scrutiny Committee",
    ]


def test_the_next_numbered_paragraph_ends_the_resolutions():
    """The reasons run on as the minutes' next paragraphs, with no heading between."""
    decisions = _minutes(
        "It was RESOLVED to:",
        after="12.3     The Council's children's services have been judged good overall. This is a good outcome.\n\n"
        "12.4     The service has kept its focus on keeping children safe.\n",
    )
    assert len(decisions) == 3
    assert not any("judged good" in d or "kept its focus" in d for d in decisions)


def test_decisions_numbered_as_paragraphs_are_each_kept():
    """Resolutions that are themselves numbered paragraphs under a heading with no number."""
    text = (
        "Minutes:\n\nRESOLVED:\n\n1.1     That the report be noted.\n\n"
        "1.2     That a further report be brought to the Panel in March 2020.\n"
    )
    assert [d.text for d in extract_text(text, url=URL).decisions] == [
        "That the report be noted.",
        "That a further report be brought to the Panel in March 2020.",
    ]


# ------------------------------------------------------------------------------------------------ follow-ups


def _follow_ups(sentence: str) -> list[tuple[str, str]]:
    from caregraph.records import PartialDate

    x = extract_text(
        "Anyshire Council\nChildren's Scrutiny Committee\n\n" + sentence + "\n",
        url="https://democracy.anyshire.gov.uk/mgAi.aspx?ID=1",
        published=PartialDate(2023, 1, 10),
    )
    return [(str(f.due), f.description) for f in x.follow_ups]


@pytest.mark.parametrize(
    "sentence, due, description",
    [
        ("The first update on the progress of the plan will be in March 2023.", "2023-03", "update on the progress"),
        ("The next review of the action plan will be in the autumn of 2023.", "2023", "next review of the action plan"),
        ("A briefing for all members would be on 14 March 2023.", "2023-03-14", "briefing for all members"),
    ],
)
def test_a_report_or_update_that_will_be_at_a_time_is_due_then(sentence, due, description):
    [(found_due, found)] = _follow_ups(sentence)
    assert found_due == due
    assert description in found
    assert not found.endswith((" be", " in", " on"))  # the words the date leaves behind go with it


@pytest.mark.parametrize(
    "sentence",
    [
        "The next Ofsted inspection will be in March 2023.",  # an inspection's date, not a commitment's
        "The last update was in March 2022.",
    ],
)
def test_no_follow_up_from_other_things_that_will_be_or_were(sentence):
    assert _follow_ups(sentence) == []


def test_a_date_inside_a_condition_is_not_due():
    """ "Should the budget be approved in February then …": February is the condition's; April is due."""
    found = _follow_ups(
        "Should the budget for the training be approved in February then implementation will begin in April 2023."
    )
    assert [due for due, _ in found] == ["2023-04"]
    found = _follow_ups("If the plan is agreed in February 2023, the service will report back in May 2023.")
    assert [due for due, _ in found] == ["2023-05"]
