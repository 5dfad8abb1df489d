"""Round 12: follow-ups, precision on unseen pages (made-up news and committee pages). A date that a past verb
governs is due for nothing: in an aside the cue is outside of, after a pronoun, or in a sentence's opening phrase
before a past main verb; a date that recurs or that ends a span something lasts for is no due date; a person's career
move and the plans of central government, the LGA or an ombudsman are no commitments of the council; a description
starts after "Members were informed that", "reminded members that", "highlighted that"."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text

WHEN = PartialDate(2023, 9, 1)


def _follow_ups(body: str, published: PartialDate | None = WHEN) -> list[tuple[str, str]]:
    text = "Anyshire Council\nPeople Scrutiny Committee\n\n" + body + "\n"
    url = "https://www.anyshire-news.co.uk/news/children" if published is None else "https://www.anyshire.gov.uk/news/1"
    x = extract_text(text, url=url, published=published)
    return [(f.due.iso(), f.description) for f in x.follow_ups]


@pytest.mark.parametrize(
    "body",
    [
        # an aside with a past verb, the cue outside it
        "The director, who joined the council in 2019, will lead the improvement work.",
        "Council leader Jo Example, who took office in May 2023, will chair the board.",
        "The plan, first drawn up in 2021, will now be updated.",
        "The changes, introduced in April 2023, will be reviewed by the committee.",
        "The consultation, which ended on 1 March 2023, will shape the new strategy.",
        "The review will be carried out to test the arrangement, after the county took over the service in 2013.",
        # a pronoun's past verb
        "The council will build on the progress it made in 2023.",
        # an opening phrase whose main clause is past
        "In March 2021, the council agreed to set up a children's trust.",
    ],
)
def test_a_date_a_past_verb_governs_is_due_for_nothing_on_an_undated_page(body):
    assert _follow_ups(body, published=None) == []


def test_an_opening_phrases_past_date_leaves_the_later_due_date():
    body = "In 2022, Cabinet approved a plan to open two new homes, which will open in 2025."
    assert [due for due, _ in _follow_ups(body, published=None)] == ["2025"]


@pytest.mark.parametrize(
    ("body", "due"),
    [
        # the aside looks ahead, or the cue is in it: the date is due
        ("A review, to be carried out in October 2023, will be reported to Cabinet.", "2023-10"),
        ("The plan was approved in March, and will be reviewed in November 2023.", "2023-11"),
        ("The action plan, which was agreed by Cabinet, will be submitted to Ofsted by 5 December 2023.", "2023-12-05"),
        ("In November 2023, the council will consider the refreshed plan.", "2023-11"),
        ("Officers agreed that they would report back to the Committee in January 2024.", "2024-01"),
    ],
)
def test_a_date_that_looks_ahead_stays_due(body, due):
    assert [d for d, _ in _follow_ups(body)] == [due]


@pytest.mark.parametrize(
    "body",
    [
        "The celebration event takes place in October each year.",
        "The fostering service will be reviewed annually in April.",
        "The Local Government Association will provide a peer mentor until March 2024.",
        "The interim arrangements will be kept under review until December 2023.",
    ],
)
def test_a_recurring_date_or_the_end_of_a_span_is_no_due_date(body):
    assert _follow_ups(body) == []


@pytest.mark.parametrize(
    ("body", "due"),
    [
        ("The item was deferred until the December 2023 meeting.", "2023-12"),
        ("The council has until 1 December 2023 to respond to matters of fact.", "2023-12-01"),
        ("The committee will not receive the report until its March 2024 meeting.", "2024-03"),
    ],
)
def test_a_date_something_is_put_off_to_stays_due(body, due):
    assert [d for d, _ in _follow_ups(body)] == [due]


@pytest.mark.parametrize(
    "body",
    [
        "Jo Example will join the council as Director of Children's Services in January 2024.",
        "The new Director will take up the post in November 2023.",
        "The Home Office will announce the funding in November 2023.",
        "The Local Government Ombudsman will issue its decision in October 2023.",
        "The new framework will come into effect from January 2024.",
    ],
)
def test_a_career_move_or_another_bodys_plan_is_no_commitment(body):
    assert _follow_ups(body) == []


@pytest.mark.parametrize(
    ("body", "description"),
    [
        (
            "Members were informed that the new case management system would go live in November 2023.",
            "the new case management system would go live",
        ),
        (
            "The Cabinet Member reminded members that the budget would be set in February 2024.",
            "the budget would be set",
        ),
        (
            "The Director introduced the report and highlighted that the action plan would be debated at Council "
            "on 30 November 2023.",
            "the action plan would be debated at Council",
        ),
    ],
)
def test_the_description_starts_after_informed_reminded_or_highlighted(body, description):
    assert [d for _, d in _follow_ups(body)] == [description]
