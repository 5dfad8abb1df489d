"""People and posts in the forms real minutes take when extracted from HTML and PDF (issue 14, round 3): surnames in
capitals ("Councillors J EXAMPLE (Chair), K O'SAMPLE"), dotted and run-together initials, registers written surname
first ("Example, J. (Chair); Sample, K."), particles inside a name and before a post ("Dr Ana van der Sample,
Strategic Director …", "al-Sample"), a partner body closing a bracketed post ("(Chief Officer, Anyshire
Healthwatch)"), a post used as a field label of a person's line, and posts one line, names the next. Every page is
made up; each case states who a careful reader finds, with which post."""

from __future__ import annotations

import pytest

from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.people import find_people
from caregraph.pipeline.segment import segment
from caregraph.records import SourceDocument


def _found(text: str) -> tuple[dict[str, str | None], list[str]]:
    people, posts = find_people(Doc(segment(SourceDocument("x.txt", text, "0", "txt", len(text)))))
    return {p.name: p.post for p in people}, [p.title for p in posts]


CASES = [
    (
        "plural_honorific_with_capitals",
        "ATTENDING: Councillors R EXAMPLE (Vice-Chairman), T O'SAMPLE, W TESTWOOD and P LONG-PERSON\n",
        {"R EXAMPLE": "Vice-Chairman", "T O'SAMPLE": None, "W TESTWOOD": None, "P LONG-PERSON": None},
    ),
    (
        "apologies_list_in_capitals_ending_a_sentence",
        "The clerk reported apologies from Councillors D EXAMPLE and F SAMPLE.\n",
        {"D EXAMPLE": None, "F SAMPLE": None},
    ),
    (
        "capitals_after_an_honorific_one_to_a_line",
        "Board members\nCouncillor A WELLSAMPLE (Chairwoman)\nCouncillor G H TESTER\n",
        {"A WELLSAMPLE": "Chairwoman", "G H TESTER": None},
    ),
    (
        "lone_surname_in_capitals_with_a_post",
        "Cllr FERNSAMPLE, Executive Member for Learning, moved the motion.",
        {"FERNSAMPLE": "Executive Member for Learning"},
    ),
    (
        "first_name_and_capitals_in_table_cells",
        "Name\tPosition\nMia EXAMPLEFORD\tHead of Fostering\nOwen SAMPLESON\tDesignated Nurse\n",
        {"Mia EXAMPLEFORD": "Head of Fostering", "Owen SAMPLESON": "Designated Nurse"},
    ),
    (
        "dotted_initials_in_a_list",
        "Also attending: P.Q. Example, R.S. Sample and T Tester\n",
        {"P.Q. Example": None, "R.S. Sample": None, "T Tester": None},
    ),
    (
        "surname_first_register",
        "In attendance: Exampleby, M. (Chair); Sampleton, N.; Testford, O. (Service Manager)\n",
        {"M Exampleby": "Chair", "N Sampleton": None, "O Testford": "Service Manager"},
    ),
    (
        "surname_first_register_one_to_a_line",
        "Apologies\nHARTSAMPLE, E\nWELLTEST, B C (Vice-Chair)\n",
        {"E HARTSAMPLE": None, "BC WELLTEST": "Vice-Chair"},
    ),
    (
        "particles_before_a_post",
        "The panel heard from Dr Eva van der Example, Strategic Director of People, and Councillor Rami bin Sample.",
        {"Eva van der Example": "Strategic Director of People", "Rami bin Sample": None},
    ),
    (
        "hyphenated_lower_case_particle",
        "Dr Samira al-Example, Named GP for Safeguarding, gave an update.",
        {"Samira al-Example": "Named GP for Safeguarding"},
    ),
    (
        "partner_body_closes_a_bracketed_post",
        "Guests: Ms V Example (Chief Officer, Westshire Healthwatch)\n",
        {"V Example": "Chief Officer, Westshire Healthwatch"},
    ),
]


@pytest.mark.parametrize(("text", "people"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_real_forms_of_names_and_posts(text, people):
    assert _found(text)[0] == people


def test_a_post_labelling_a_persons_line_is_not_a_post_without_a_holder():
    people, posts = _found("Responsible Officer: Nia Example, Assistant Director (Inclusion)\n")
    assert people == {"Nia Example": "Assistant Director (Inclusion)"}
    assert posts == []


def test_a_post_and_the_name_on_the_next_line_make_no_post_across_the_break():
    people, posts = _found(
        "Officers present:\nRay Example\nHead of Virtual School\nLiv Sample\nYouth Justice Manager\n"
    )
    assert people == {"Ray Example": "Head of Virtual School", "Liv Sample": "Youth Justice Manager"}
    assert posts == []


def test_a_labelled_name_takes_the_post_on_the_next_line():
    assert _found("Author: Nell Example\nService Manager, Residential Care\n")[0] == {
        "Nell Example": "Service Manager, Residential Care"
    }
    assert _found("Contact: Nell Example\nTel: 01632 960000\n")[0] == {"Nell Example": None}


def test_a_post_label_alone_on_its_line_names_the_person_on_the_next():
    assert _found("Lead Member:\nCouncillor Omar Example\nDeputy Leader:\nCouncillor Ivy Sample\n")[0] == {
        "Omar Example": "Lead Member",
        "Ivy Sample": "Deputy Leader",
    }
    assert _found("Apologies:\nCouncillor Omar Example\n")[0] == {"Omar Example": None}


def test_after_a_post_field_a_body_is_not_a_name():
    found = _found("Report author: Lyn Example, Chief Officer, Westshire Youth Justice Service\n")[0]
    assert found == {"Lyn Example": "Chief Officer, Westshire Youth Justice Service"}


def test_a_partner_body_after_a_dash_is_the_posts_not_a_person():
    found = _found("Pat Example, Chief Officer – Eastshire Healthwatch, set out the survey results.")[0]
    assert found == {"Pat Example": "Chief Officer – Eastshire Healthwatch"}


def test_in_the_chair_as_a_label_is_no_post():
    assert _found("In the Chair: Councillor QUINSAMPLE\n")[0] == {"QUINSAMPLE": None}


@pytest.mark.parametrize(
    "text",
    [
        "MINUTES OF THE CORPORATE PARENTING PANEL\nHELD ON 3 JUNE 2024\n",
        "A FRESH START FOR EARLY HELP\nThe report set out the changes.",
        "Westshire SEND Lead: progress against the written statement of action\n",
        "The Anyshire MASH Manager said referrals had risen.",
        "Ofsted judged Westshire COUNCIL to be good.",
        "Email: RAY.EXAMPLE@WESTSHIRE.GOV.UK\n",
        "Head of Safeguarding, Westshire MBC, replied to members.",
        "Reference list: see sections 4, B; and 6, C (2019) of the plan.",
    ],
)
def test_capitals_abbreviations_and_headings_name_no_one(text):
    assert _found(text)[0] == {}
