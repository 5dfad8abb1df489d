"""Round 12b: people and their posts (made-up news and minutes text).

A post held "at" a council or borough before its holder's name; a lower-case title written before the next name in a
list is that person's, not the one before it; "and" a known given name with a surname that is also a word ends a
post; a picture credit after its caption on one line, a picture library before the photographer; a modal verb that
is also a given name opening a question names no one; "CIlr" for "Cllr".
"""

from __future__ import annotations

import pytest

from .conftest import news_people as _people


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Director of children’s services at Anyshire and Otherton Council Mira Sample thanked staff for their work.",
            "Mira Sample",
            "Director of children’s services at Anyshire and Otherton Council",
        ),
        (
            "Executive Director of Children's Services and Education at the Royal Borough of Anyshire and Otherton,"
            " Kit Example, said the plan was on track.",
            "Kit Example",
            "Executive Director of Children's Services and Education at the Royal Borough of Anyshire and Otherton",
        ),
    ],
)
def test_a_post_held_at_a_council_before_its_holders_name(text, name, post):
    assert _people(text).get(name) == post


def test_a_post_held_at_a_council_needs_a_name_after_it():
    assert _people("The director of children’s services at Anyshire Council said the plan was on track.") == {}


def test_a_lower_case_title_before_the_next_name_is_that_persons():
    people = _people(
        "The panel is attended by council leader Kit Example, cabinet member for education Mira Sample, and chief"
        " executive of the council Jo Tester."
    )
    assert people["Kit Example"] == "council leader"
    assert people["Mira Sample"] == "cabinet member for education"
    assert people["Jo Tester"] == "chief executive of the council"


def test_a_lower_case_post_after_a_name_keeps_its_capitalised_subjects():
    people = _people("Kit Example, cabinet member for children and Young People, said the report was welcome.")
    assert people["Kit Example"] == "cabinet member for children and Young People"


def test_and_a_given_name_with_a_word_for_surname_ends_a_post():
    people = _people(
        "To receive a presentation from Kit Example, Designated Nurse, Children and Adult Safeguarding and Chris"
        " West, Director of Nursing and Quality, on the review."
    )
    assert people["Kit Example"] == "Designated Nurse, Children and Adult Safeguarding"
    assert people["Chris West"] == "Director of Nursing and Quality"


def test_a_post_goes_on_over_and_a_subject():
    people = _people("Kit Example, Head of Safeguarding and Quality, presented the report.")
    assert people["Kit Example"] == "Head of Safeguarding and Quality"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anyshire has had its rating raised from 'inadequate'. Picture: Adobe Stock/Altaf Shah", "Altaf Shah"),
        ("The council was praised by inspectors. Photo: Altaf Shah", "Altaf Shah"),
    ],
)
def test_a_picture_credit_after_its_caption(text, name):
    assert name in _people(text)


def test_a_picture_library_is_no_person():
    people = _people("Picture: Adobe Stock/Kit Example")
    assert "Adobe Stock" not in people
    assert "Kit Example" in people


def test_a_credit_to_a_council_is_no_person():
    assert _people("The council was praised by inspectors. Picture: Anyshire Council") == {}


@pytest.mark.parametrize(
    "text",
    [
        "“Will Anyshire's safeguarding budget face scrutiny?”",
        "The review asked one question. May Otherton's schools expect more help?",
    ],
)
def test_a_modal_verb_opening_a_question_names_no_one(text):
    people = _people(text)
    assert not any(n.startswith(("Will ", "May ")) for n in people)


def test_a_person_called_will_is_still_a_person():
    assert "Will Example" in _people("Will Example said the report was welcome.")
    assert "Will Example" in _people("Will Example asked whether the budget would be enough?")


def test_cilr_for_cllr():
    people = _people("Cabinet Member for Children’s Services, CIlr Kit Example said:\n“We are pleased.”")
    assert people == {"Kit Example": "Cabinet Member for Children’s Services"}
