"""Follow-ups, round 2 of issue 14: classes the second batch of made-up pages showed, each written here in other
words (made-up councils, people and sentences in the style of council papers). Expected values follow
../shared/ANNOTATION.md: a dated commitment of the council, its bodies or officers; a season or month without a
year takes it from the page's date; not what an outside body will do, not a planned inspection's date."""

from __future__ import annotations

from caregraph.records import PartialDate as D

from .conftest import extract_text

PAGE_DATE = D(2024, 3, 12)


def run(*lines: str, published: D | None = PAGE_DATE):
    text = "Anyshire Council\nChildren's Overview and Scrutiny Panel minutes\n\n" + "\n".join(lines) + "\n\nEnd.\n"
    return extract_text(text, published=published)


def found(x) -> set[tuple[str, str]]:
    return {(f.due.iso(), f.description) for f in x.follow_ups}


def dues(x) -> set[str]:
    return {f.due.iso() for f in x.follow_ups}


# ------------------------------------------------------------------------------------------------ cues and dates


def test_a_month_after_its_or_their_is_the_meeting_of_that_month():
    assert dues(run("Officers will report on the sufficiency strategy to the Panel at its October meeting.")) == {
        "2024-10"
    }


def test_bringing_something_back_and_coming_before_a_body():
    x = run(
        "The Panel asked that the Lead Member bring the refreshed priorities back to members at the June 2024 meeting."
    )
    assert dues(x) == {"2024-06"}
    x = run("The Chair asked that the annual report of the partnership come to the Panel in the summer.")
    assert dues(x) == {"2024"}


def test_a_request_that_something_happen():
    x = run("3. Requested that the placement data is shared with the Corporate Parenting Board at its May meeting.")
    assert dues(x) == {"2024-05"}


def test_receiving_something_at_a_dated_meeting():
    x = run("(c) that the Board receive the refreshed self-assessment at its September 2024 meeting;")
    assert dues(x) == {"2024-09"}


def test_an_item_added_to_the_work_programme_is_no_condition():
    x = run(
        "The Panel agreed its forward plan subject to the addition of an item on home to school transport in the autumn."
    )
    assert dues(x) == {"2024"}


def test_the_new_year_is_the_next_one_late_in_the_year():
    x = run("The Director will report on progress to the Improvement Board in the new year.", published=D(2023, 10, 4))
    assert dues(x) == {"2024"}


def test_a_month_first_day_without_a_year():
    x = run("The council's cabinet will consider the inspection letter at its meeting on April 18.")
    assert dues(x) == {"2024-04-18"}


def test_two_commitments_in_one_sentence_each_with_its_own_date():
    x = run(
        "The Partnership Board will consider the draft plan at its meeting on 9 May 2024, and officers will publish "
        "a summary for families in the autumn."
    )
    assert dues(x) == {"2024-05-09", "2024"}


def test_a_publication_of_the_councils_own_after_another_verb():
    x = run(
        "The Director added that the service would reflect on the letter and publish a new workforce plan in the summer."
    )
    assert dues(x) == {"2024"}


def test_a_work_programme_under_a_date_of_meeting_header():
    x = run(
        "Date of meeting\tItem\tLead officer",
        "18 June 2024\tFostering recruitment update\tHead of Fostering",
        "17 September 2024\tAnnual report of the virtual school\tVirtual School Head",
    )
    assert found(x) == {
        ("2024-06-18", "Fostering recruitment update"),
        ("2024-09-17", "Annual report of the virtual school"),
    }


# ------------------------------------------------------------------------------------------------ no commitment


def test_a_commissioners_review_that_will_end_is_not_the_councils():
    x = run("She said the commissioner’s review, which started on 5 February 2024, will end by the end of May 2024.")
    assert dues(x) == set()


def test_what_the_department_will_do_is_not_the_councils():
    x = run("The Department will consult on new guidance for kinship carers in the summer.")
    assert dues(x) == set()


def test_a_planned_inspection_after_a_comma_is_no_follow_up():
    x = run("4) That an update on the re-inspection, expected in late 2024, be brought to a future meeting.")
    assert dues(x) == set()


def test_what_took_place_over_weeks_in_a_season_is_past():
    x = run(
        "The findings of the inspection, which took place over two weeks in the winter, will be made public tomorrow.",
        published=D(2024, 3, 12),
    )
    assert dues(x) == set()


# ------------------------------------------------------------------------------------------------ descriptions


def test_the_description_starts_at_the_reported_clause_without_that():
    x = run(
        "Jo Example, Director of Children's Services, said the council would present its response to Cabinet on 16 April 2024."
    )
    assert found(x) == {("2024-04-16", "the council would present its response to Cabinet")}


def test_the_description_leaves_out_an_aside_after_the_due_date():
    x = run(
        "The partnership will send its written statement of action to Ofsted by 2 May 2024, setting out next steps."
    )
    assert found(x) == {("2024-05-02", "The partnership will send its written statement of action to Ofsted")}


def test_a_coordinated_passive_keeps_its_subject():
    x = run("(b) that the sufficiency plan be revised as set out in the report and sent to the DfE by 31 May 2024;")
    assert found(x) == {("2024-05-31", "the sufficiency plan sent to the DfE")}


def test_a_guest_invited_to_attend_the_next_meeting_is_no_commitment():
    x = run("As Dr Example could not attend, he had been invited to attend the Panel's next meeting on 9 April 2024.")
    assert dues(x) == set()


def test_an_update_due_in_the_new_year_after_a_comma():
    x = run("The Board would keep the plan under review, with an update in the new year.", published=D(2024, 5, 20))
    assert found(x) == {("2025", "an update")}
