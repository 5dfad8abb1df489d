"""Stop 29: people's posts (made-up news and minutes text).

A one-word office in lower case before an honorific; "with responsibility for" in a post; a post set off after a
bracketed aside; a role taken on; a party's words in a post; a post cut short by a contact line or run on into
"in attendance", a participle or another person's line; a doubled comma; "a" before an apposed post; nouns of a
calling's field before its head; a department of state a post is held at; "who replaced … as"; dotted initials.
"""

from __future__ import annotations

import pytest

from .conftest import extract_text

URL = "https://www.anyshire.gov.uk/news/1"


def _people(text: str) -> set[tuple[str, str | None]]:
    x = extract_text("Anyshire Council news\n\n" + text, url=URL)
    return {(p.name, p.post) for p in x.people}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Giving an update to the scrutiny board, leader Councillor Kit Example detailed the inspection.",
            ("Kit Example", "leader"),
        ),
        (
            "The failings prompted the government to appoint commissioner Sir Alan Sample.",
            ("Alan Sample", "commissioner"),
        ),
        ("In March the government appointed commissioner Dr Ann Tester to lead it.", ("Ann Tester", "commissioner")),
        ("The newly appointed commissioner Dr Ann Tester will lead it.", ("Ann Tester", "commissioner")),
    ],
)
def test_a_one_word_office_before_an_honorific_is_the_post(text, person):
    assert person in _people(text)


def test_a_lone_head_that_is_no_office_before_an_honorific_is_no_post():
    people = _people("The report was written by officer Cllr Jo Example last week.")
    assert ("Jo Example", "officer") not in people


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "As Cabinet member with responsibility for Children, Cllr Rich Example, stated at the panel that there "
            "was no other plan.",
            ("Rich Example", "Cabinet member with responsibility for Children"),
        ),
        (
            "The Cabinet Member with special responsibility for Schools, Cllr Rich Example, said it was good.",
            ("Rich Example", "Cabinet Member with special responsibility for Schools"),
        ),
    ],
)
def test_with_responsibility_for_is_part_of_a_post(text, person):
    assert person in _people(text)


def test_with_and_a_name_after_a_post_is_no_remit():
    assert ("Jo Example", None) in _people("The Director with Jo Example visited the home.")


@pytest.mark.parametrize("aside", ["(top right)", "(pictured)", "(left)"])
def test_a_post_set_off_after_a_bracketed_aside(aside):
    text = f"Councillor Mia Example {aside}, the Council’s Cabinet Member for Children and Young People said: “Good.”"
    assert ("Mia Example", "Cabinet Member for Children and Young People") in _people(text)


def test_a_post_after_the_name_of_an_object_is_the_next_subject():
    people = _people("There was a question from Councillor Tester, the Strategic Manager confirmed it would be done.")
    assert ("Tester", None) in people


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Niki Example OBE is to take on the role of Director of Children’s Services from May.",
            ("Niki Example", "Director of Children’s Services"),
        ),
        (
            "Jo Sample has taken on the role of chair of the partnership board.",
            ("Jo Sample", "chair of the partnership board"),
        ),
    ],
)
def test_a_role_taken_on_is_the_post(text, person):
    assert person in _people(text)


def test_a_body_taking_on_a_role_is_no_person():
    assert not _people("The council will take on the role of lead agency for the area.")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Leader of the Labour opposition Cllr Sam Example called the report disappointing.",
            ("Sam Example", "Leader of the Labour opposition"),
        ),
        (
            "Councillor Pru Example (Leader of the Lib Dem Councillor Group and councillor for Anyward ward) said "
            "it was a wake-up call.",
            ("Pru Example", "Leader of the Lib Dem Councillor Group"),
        ),
        (
            "Cllr Jo Example, Labour spokesman for education and children’s services, said: “It was a mistake.”",
            ("Jo Example", "Labour spokesman for education and children’s services"),
        ),
    ],
)
def test_a_partys_words_inside_a_post(text, person):
    assert person in _people(text)


def test_a_partys_member_for_a_place_and_a_councillor_after_a_party_are_no_post():
    assert ("Jo Example", "Labour member") not in _people(
        "Cllr Jo Example, Labour member for Anyward, said it was bad."
    )
    people = _people("The Leader of the Labour Councillor Kit Sample spoke.")
    assert not any(post and "Councillor" in post for _, post in people)


def test_a_later_post_said_in_full_replaces_the_short_one():
    text = (
        "Contact: Vicky Example, Service Director\n\nThe Panel considered the report presented by Vicky Example, "
        "Service Director for Family Support and Child Protection, who advised that the visit had gone well."
    )
    assert ("Vicky Example", "Service Director for Family Support and Child Protection") in _people(text)


def test_a_later_different_post_does_not_replace_the_first():
    text = "Contact: Vicky Example, Service Director\n\nVicky Example, Chair of the Board, said it was good."
    assert ("Vicky Example", "Service Director") in _people(text)


def test_in_attendance_is_no_part_of_a_post():
    text = "Councillor Kit Example, Cabinet Member in attendance as substitute; Rob Sample, Executive Director."
    assert ("Kit Example", "Cabinet Member") in _people(text)


def test_a_line_that_opens_with_an_honorific_is_no_post_of_the_line_before():
    text = (
        "Apologies were received from the following members of the panel:\n\nCllr Jo Tester\n\nCllr Paula Example"
        "\n\n\nCllr John Sample Cabinet Member for Children and Young People\n\nDeclarations of interest"
    )
    people = _people(text)
    assert ("Paula Example", None) in people
    assert ("John Sample", "Cabinet Member for Children and Young People") in people


def test_a_doubled_comma_after_a_name():
    assert ("Qa Example", "Chair") in _people("Cllr Qa Example,, Chair, welcomed everyone to the meeting.")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Apologies for absence were received on behalf of Alex Example, a Parent Governor representative.",
            ("Alex Example", "Parent Governor representative"),
        ),
        (
            "Councillor Rich Example, Isle of Anywhere Council cabinet member for children’s services, said: “Good.”",
            ("Rich Example", "cabinet member for children’s services"),
        ),
        ("But commission chair Ian Example asked for more information.", ("Ian Example", "commission chair")),
    ],
)
def test_an_apposed_post_after_a_or_a_council_with_of_and_a_body_chair(text, person):
    assert person in _people(text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "While unable to share details, transformation officer Vince Example did not expect surprises.",
            ("Vince Example", "transformation officer"),
        ),
        (
            "Journalists can contact Anyshire County Council senior media relations officer Jo Sample at the office.",
            ("Jo Sample", "Anyshire County Council senior media relations officer"),
        ),
    ],
)
def test_nouns_of_a_callings_field_before_its_head(text, person):
    assert person in _people(text)


@pytest.mark.parametrize(
    "text",
    ["The report said officer Jo Example was late.", "The panel will not thank manager Jo Example for it."],
)
def test_a_verb_or_grammar_word_before_a_lone_head_is_no_title(text):
    assert ("Jo Example", None) in _people(text)


def test_a_post_held_at_a_department_of_state_before_the_name():
    text = (
        "Following the report, the Minister of State for Children and Families at the Department for Education, "
        "Edward Example has made his decision."
    )
    people = _people(text)
    assert ("Edward Example", "Minister of State for Children and Families at the Department for Education") in people


def test_who_replaced_another_as_a_post():
    text = (
        "Cllr Andrew Example, who replaced Cllr Ian Sample as executive member for children, young people and "
        "education following the Ofsted report, said: “Good.”"
    )
    people = _people(text)
    assert ("Andrew Example", "executive member for children, young people and education") in people
    assert ("Ian Sample", None) in people


def test_dotted_initials_without_the_last_dot():
    text = (
        "Apologies were received from Councillors L.C.R Example (Chairman) and Councillor C. J Sample. In the "
        "absence of the Chairman, Councillor S.A Tester (Vice Chairman), chaired the meeting."
    )
    people = _people(text)
    assert ("L.C.R Example", "Chairman") in people
    assert ("S.A Tester", "Vice Chairman") in people
    assert not _people("The U.K Government said it.")


def test_a_gerund_after_for_is_what_a_post_is_for():
    people = _people("Cllr Joe Example, cabinet member for developing young people, said it was good.")
    assert ("Joe Example", "cabinet member for developing young people") in people
    people = _people("Jo Example, Head of Children's Social Care giving an update, said it was good.")
    assert ("Jo Example", "Head of Children's Social Care") in people


def test_a_bylines_by_is_no_part_of_the_post():
    text = "By Local Democracy Reporter\nSteve Example\n\nA report has revealed that things are bad."
    assert ("Steve Example", "Local Democracy Reporter") in _people(text)


def test_leader_opening_a_clause_before_a_bare_name():
    assert ("Teresa Example", "leader") in _people("At the meeting, leader Teresa Example spoke about the plan.")
    assert ("Jo Example", "leader") not in _people("The party's leader Jo Example spoke.")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            'Mark Example, councillor and leader of Anyshire Council, said: "This is a proud moment."',
            ("Mark Example", "leader of Anyshire Council"),
        ),
        (
            "Speaking at the meeting, Cllr Lora Example, council leader and cabinet member for education, thanked "
            "the staff.",
            ("Lora Example", "council leader and cabinet member for education"),
        ),
    ],
)
def test_councillor_and_a_post_or_a_council_post_after_a_name(text, person):
    assert person in _people(text)


def test_a_councillor_for_a_ward_holds_no_post():
    assert ("Jo Example", None) in _people("Jo Example, councillor for Anyward, said it was good.")


def test_a_head_in_the_possessive_names_a_body_not_a_post():
    text = (
        "Whole of meeting: D. Example (Chief Executive’s Office).\n"
        "By Invitation: Mrs C. Sample (Anyshire Governor’s Association)."
    )
    people = _people(text)
    assert ("D. Example", None) in people
    assert ("C. Sample", None) in people


def test_a_council_named_right_after_a_post_is_its_employer():
    people = _people("Anne-Marie Example, Chief Executive Torbay Council said, “I congratulate everyone.”")
    assert ("Anne-Marie Example", "Chief Executive") in people
    assert ("Jo Sample", "Leader of Torbay Council") in _people("Jo Sample, Leader of Torbay Council, said it.")


def test_a_speaker_who_gave_their_name_and_then_their_post():
    text = (
        "Good evening and welcome to this meeting of the children's committee, my name is Councillor Sheila "
        "Example and I am chair of this children's committee."
    )
    assert ("Sheila Example", "chair of this children's committee") in _people(text)
    text = "Councillor Sheila Example said that she agreed and I am chair of the group."
    assert ("Sheila Example", None) in _people(text)
