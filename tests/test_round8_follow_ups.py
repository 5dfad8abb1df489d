"""Round 8: follow-ups told by grammar and roles that hold in any council's prose, not by one page's wording. Each
class in three made-up wordings, with counter-examples the rule must keep. Expected values follow
../shared/ANNOTATION.md: a follow-up is a dated commitment or planned event of the council, its bodies or officers;
not something done already, not what an outside body, the public or every council will do, not a planned
inspection, and not a listing's date stamp."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate as D

from .conftest import extract_text

PAGE_DATE = D(2024, 3, 12)


def run(*lines: str, published: D | None = PAGE_DATE):
    text = "Anyshire Council\nChildren's Scrutiny Panel minutes\n\n" + "\n\n".join(lines) + "\n\nEnd.\n"
    return extract_text(text, published=published)


def dues(x) -> set[str]:
    return {f.due.iso() for f in x.follow_ups}


def only(x):
    assert len(x.follow_ups) == 1, [(f.due.iso(), f.description) for f in x.follow_ups]
    return x.follow_ups[0]


# ------------------------------------------------------------------------------ a date that hangs on a past verb


@pytest.mark.parametrize(
    "sentence",
    [
        "A summary was circulated to members of the Board on 26 March 2024 and the letter is included in the pack.",
        "Carers were given until Friday 5 April 2024 to reply to the survey, and the closing date was 19 April 2024.",
        "The key events to report were a peer review on 2 and 3 April 2024 and a visit from the minister in the"
        " week commencing 15 April 2024.",
        "We have already committed an extra £2 million to early help in the year to June 2024.",
    ],
)
def test_a_date_told_in_the_past_tense_is_no_commitment(sentence):
    assert dues(run(sentence)) == set()


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("The Chair confirmed the item was being deferred until the June meeting.", "2024-06"),
        ("The council had been required to prepare and submit a plan by 11 June 2024.", "2024-06-11"),
        ("It was agreed that officers would bring the dashboard back in September 2024.", "2024-09"),
        ("The revised strategy, which was drafted in February, would be reviewed in July 2024.", "2024-07"),
        ("An all-member briefing on the findings has been arranged for 9 April 2024.", "2024-04-09"),
    ],
)
def test_a_past_verb_before_a_verb_to_come_keeps_the_date(sentence, due):
    assert dues(run(sentence)) == {due}


# ------------------------------------------------------------------------------ an outside body heading the subject


@pytest.mark.parametrize(
    "sentence",
    [
        "The Department for Education has decided to send an adviser to the council in May 2024.",
        "All local authorities will receive the new guidance by November 2024.",
        "From Monday 10 June 2024, schools would keep their own waiting lists.",
        "Ofsted, in its covering letter, will publish the outcome on 2 May 2024.",
    ],
)
def test_an_outside_body_or_the_public_as_subject_is_no_commitment(sentence):
    assert dues(run(sentence)) == set()


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Ofsted required an action plan to be drawn up and sent to them by 16 August 2024.", "2024-08-16"),
        ("The Chair noted that the Ofsted report, published last week, would be considered at the Panel's meeting"
         " on 9 May 2024.", "2024-05-09"),
        ("The Children's Services Department will report back to the Panel in July 2024.", "2024-07"),
    ],
)  # fmt: skip
def test_an_outside_body_that_passes_the_act_on_or_only_qualifies_it_is_kept(sentence, due):
    assert dues(run(sentence)) == {due}


# ------------------------------------------------------------------------------ a listing's date stamp


@pytest.mark.parametrize(
    "lines",
    [
        ("Latest news", "Town centre plans unveiled - 23/04/2024", "Youth club reopens - 30/04/2024"),
        ("Park café wins award - 12/04/2024 Officials should agree a new parking scheme soon.",),
        ("Stories", "Library hours will change | 15/05/2024"),
    ],
)
def test_a_dated_listing_is_no_commitment(lines):
    assert dues(run(*lines)) == set()


@pytest.mark.parametrize(
    ("line", "due"),
    [
        ("The plan has one deadline – it will be submitted by 30 April 2024.", "2024-04-30"),
        ("Officers to report back to Cabinet – 12 June 2024", "2024-06-12"),
        ("Next steps: the sufficiency plan – to be submitted by 30 May 2024.", "2024-05-30"),
    ],
)
def test_a_date_after_a_dash_in_words_is_still_due(line, due):
    assert dues(run(line)) == ({due} if due else set())


# ------------------------------------------------------------------------------ cues of time given, due or arranged


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Draft findings were shared and the council will have until 4 April 2024 to correct any factual errors.",
         "2024-04-04"),
        ("The refreshed sufficiency strategy is due for sign-off in May 2024.", "2024-05"),
        ("An update on agency staffing is expected at the October meeting.", "2024-10"),
        ("The council has six weeks to respond, with its action plan due by 30 April 2024.", "2024-04-30"),
        ("The service aims to have the new fostering hub running by September 2024.", "2024-09"),
        ("The improvement board meets again on 3 May 2024.", "2024-05-03"),
    ],
)  # fmt: skip
def test_time_given_due_or_arranged_is_a_commitment(sentence, due):
    assert dues(run(sentence)) == {due}


@pytest.mark.parametrize(
    "sentence",
    [
        "A full ILACS inspection is due in the borough within the next six months, by September 2024.",
        "The next monitoring visit is expected in June 2024.",
        "The service aims to have 90% of assessments completed by September 2024.",
    ],
)
def test_an_inspection_or_a_target_due_is_no_follow_up(sentence):
    assert dues(run(sentence)) == set()


# ------------------------------------------------------------------------------ no commitment of the council


@pytest.mark.parametrize(
    "sentence",
    [
        "The new inspection framework will come into force in January 2025.",
        "Councillor Jones, who will stand down in May 2024, thanked officers for their work.",
        "Social workers will receive a pay rise of 3% from April 2024.",
    ],
)
def test_laws_in_force_career_moves_and_pay_are_no_commitments(sentence):
    assert dues(run(sentence)) == set()


# ------------------------------------------------------------------------------ due after a day: its month


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("The full audit would be circulated to members following the meeting of the Board on 16 May 2024.",
         "2024-05"),
        ("A summary will be published after the Cabinet meeting on 18 June 2024.", "2024-06"),
        ("Officers will write to carers following the meeting of the forum on 2 July 2024.", "2024-07"),
    ],
)  # fmt: skip
def test_due_after_a_dated_meeting_is_due_in_its_month(sentence, due):
    assert dues(run(sentence)) == {due}


def test_a_commitment_on_the_day_and_one_after_it_are_two():
    x = run(
        "The Partnership Board would consider the audit at its next meeting on 16 May 2024, and the full audit"
        " would be circulated to members following the meeting of the Partnership Board on 16 May 2024."
    )
    assert dues(x) == {"2024-05-16", "2024-05"}


# ------------------------------------------------------------------------------ what is due, less its date's words


@pytest.mark.parametrize(
    ("sentence", "due", "description"),
    [
        ("The plan will go before the full Council next Wednesday (20 March).", "2024-03-20",
         "The plan will go before the full Council"),
        ("A renewal of the partnership is due to be approved by Cabinet next week (21 March).", "2024-03-21",
         "A renewal of the partnership to be approved by Cabinet"),
        ("Members are asked to note that Cabinet are due to consider the strategy on 17 June 2024.", "2024-06-17",
         "Cabinet to consider the strategy"),
    ],
)  # fmt: skip
def test_a_description_leaves_out_its_dates_words_and_lead(sentence, due, description):
    f = only(run(sentence))
    assert (f.due.iso(), f.description) == (due, description)


def test_a_past_expectation_keeps_its_verb():
    f = only(run("The report was expected to be presented to Cabinet in July 2024."))
    assert (f.due.iso(), f.description) == ("2024-07", "The report was expected to be presented to Cabinet")


# ------------------------------------------------------------------------------ the present tense of news


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("The report goes to Cabinet on 16 April 2024.", "2024-04-16"),
        ("Councillors meet on 18 April 2024 to discuss the findings.", "2024-04-18"),
        ("The draft sufficiency plan is discussed by the scrutiny committee on 25 April 2024.", "2024-04-25"),
        ("The first meeting of the new Improvement Board takes place on 8 April 2024.", "2024-04-08"),
        ("The matter was referred to the Corporate Parenting Board for its meeting on 4 June 2024.", "2024-06-04"),
    ],
)
def test_the_present_tense_of_what_is_to_come_is_a_commitment(sentence, due):
    assert dues(run(sentence)) == {due}


@pytest.mark.parametrize(
    "sentence",
    [
        "The focused visit takes place on 8 April 2024.",
        "The report was discussed by the scrutiny committee on 25 April 2024.",
        "The annual conversation with Ofsted takes place on 8 May 2024.",
    ],
)
def test_the_present_tense_of_an_inspection_or_a_past_meeting_is_none(sentence):
    assert dues(run(sentence)) == set()


# ------------------------------------------------------------------------------ what is due, not the frame around it


@pytest.mark.parametrize(
    ("sentence", "description"),
    [
        ("The paper set out the scope of the Sufficiency Plan which the Council will submit to the Department by"
         " 30 April 2024.", "the Sufficiency Plan which the Council will submit to the Department"),
        ("Officers were working with schools on a new attendance protocol that would be agreed by June 2024.",
         "a new attendance protocol that would be agreed"),
        ("The figures were taken from the April return and the next Improvement Board would be on 18 April 2024.",
         "the next Improvement Board"),  # the words its date leaves behind go with it
    ],
)  # fmt: skip
def test_a_description_starts_at_what_is_due(sentence, description):
    assert only(run(sentence)).description == description


def test_a_subject_of_two_nouns_is_kept_whole():
    assert only(run("The plan and the strategy will be presented to Cabinet in June 2024.")).description == (
        "The plan and the strategy will be presented to Cabinet"
    )


# ------------------------------------------------------------------------------ news of others' plans


@pytest.mark.parametrize(
    "sentence",
    [
        "The former childminder will be sentenced at the Crown Court on 3 May 2024.",
        "An inquest into the baby's death will resume on 12 June 2024.",
        "The defendant will appear before magistrates on 9 April 2024.",
        "The school will close for the Easter holidays on 28 March 2024.",
        "The charity will hold a sponsored walk for young carers on 18 May 2024.",
        "The local MP said she would raise the matter in Parliament in April 2024.",
    ],
)
def test_courts_and_outside_bodies_in_the_news_make_no_commitment(sentence):
    assert dues(run(sentence)) == set()


def test_a_council_plan_shared_with_schools_is_kept():
    assert dues(run("The council will share the new attendance guidance with schools by 30 April 2024.")) == {
        "2024-04-30"
    }


# ------------------------------------------------------------------------------ told in the past, still to come


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Members were informed that a report was to be presented to Cabinet in June 2024.", "2024-06"),
        ("The Panel was advised that the new structure would be in place by September 2024.", "2024-09"),
        ("The Director said the new duty team would be up and running by 1 July 2024.", "2024-07-01"),
    ],
)
def test_a_plan_told_in_reported_speech_is_a_commitment(sentence, due):
    assert dues(run(sentence)) == {due}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Department for Education has announced that new funding will be available from April 2025.",
        "Grant funding of £300,000 would be available to the service until March 2025.",
        "A further £1m of investment will be available in the autumn of 2024.",
    ],
)
def test_money_made_available_is_no_commitment(sentence):
    assert dues(run(sentence)) == set()


# ------------------------------------------------------------------------------ a decision's date, not a due date


@pytest.mark.parametrize(
    "sentence",
    [
        "The decision made by Cabinet on 17 April 2024 will be reported to Council.",
        "The recommendations agreed by the Panel on 2 April 2024 will be shared with partners.",
        "The plan approved by the Leader in April 2024 will be published on the website.",
    ],
)
def test_the_date_a_decision_was_made_is_no_due_date(sentence):
    assert dues(run(sentence)) == set()


def test_a_coordinated_approval_to_come_is_kept():
    assert dues(run("The plan will be drafted and approved by Cabinet on 16 April 2024.")) == {"2024-04-16"}
