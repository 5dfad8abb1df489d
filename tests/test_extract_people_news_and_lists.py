"""People and posts in the wordings of news prose and flattened attendance tables, each rule checked on made-up
text in several wordings: a title in apposition before a name set off by commas, a speaker after a body's
possessive, a title before a name with a quotation after it, "speaking as" a post, "appointed X as commissioner",
attendance lines written without commas or colons, a plural post labelling a list, a byline over the story's date,
and where a post ends ("… or Kit Sample", "… recently wrote", "Children’s")."""

from __future__ import annotations

import pytest

from caregraph.pipeline.extract.people import find_people
from caregraph.pipeline.segment import segment
from caregraph.records import SourceDocument


def people(text: str) -> dict[str, str | None]:
    found, _ = find_people(segment(SourceDocument("x.txt", text, "0", "txt", len(text))))
    return {p.name: p.post for p in found}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "But the leader of the Labour opposition, Omar Sample, said that the result was poor.",
            "Omar Sample",
            "leader of the Labour opposition",
        ),
        (
            "Since May the service has been overseen by a government-appointed commissioner, Ruth Example, who "
            "recommended change.",
            "Ruth Example",
            "government-appointed commissioner",
        ),
        (
            "In July 2023, a DfE appointed Adviser, Kim Sample, undertook a review of the service.",
            "Kim Sample",
            "DfE appointed Adviser",
        ),
        (
            "The report by His Majesty’s Inspector, Sam Tester, who led the team, praises leaders.",
            "Sam Tester",
            "His Majesty’s Inspector",
        ),
        (
            "The chair of the safeguarding partnership, Lee Person, told the panel it was fine.",
            "Lee Person",
            "chair of the safeguarding partnership",
        ),
    ],
)
def test_title_in_apposition_before_the_name(text: str, name: str, post: str) -> None:
    assert people(text) == {name: post}


@pytest.mark.parametrize(
    "text",
    [
        "A member of the public, Jo Person, said it was poor.",
        "The head of a family, Jo Person, said the visit helped.",
        "The mother of the child, Jo Person, said she was grateful.",
    ],
)
def test_a_lay_description_before_a_name_is_no_post(text: str) -> None:
    assert people(text) == {"Jo Person": None}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('In a letter to the council, Ofsted\'s Kim Tester said: "Well done."', "Kim Tester"),
        ("The Trust’s Ann Person told the panel that waiting times had fallen.", "Ann Person"),
        ("Anyshire Police's Dev Example said the partnership was strong.", "Dev Example"),
    ],
)
def test_a_speaker_after_a_bodys_possessive(text: str, name: str) -> None:
    assert people(text) == {name: None}


def test_a_name_after_a_possessive_needs_a_verb_of_speech() -> None:
    assert people("The Trust’s Ann Person Centre opened in May.") == {}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "In January, His Majesty’s Inspector Pat Tester said staff remained resolute.",
            "Pat Tester",
            "His Majesty’s Inspector",
        ),
        (
            'The move came after Education Secretary Jo Sample "reviewed the report" and agreed.',
            "Jo Sample",
            "Education Secretary",
        ),
        (
            "Her Majesty’s Chief Inspector Ana Example visited the service.",
            "Ana Example",
            "Her Majesty’s Chief Inspector",
        ),
    ],
)
def test_a_title_before_a_name(text: str, name: str, post: str) -> None:
    assert people(text) == {name: post}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Councillor Ann Sample, speaking as Chairman of the Scrutiny Committee, explained the view.",
            "Ann Sample",
            "Chairman of the Scrutiny Committee",
        ),
        (
            "Councillor Bob Tester, in his capacity as Vice-Chair of the Corporate Parenting Panel, asked a question.",
            "Bob Tester",
            "Vice-Chair of the Corporate Parenting Panel",
        ),
        (
            "Councillor Cy Person, attending as Cabinet Member for Education, answered questions.",
            "Cy Person",
            "Cabinet Member for Education",
        ),
    ],
)
def test_speaking_as_a_post(text: str, name: str, post: str) -> None:
    assert people(text) == {name: post}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "The DfE has appointed Ann Tester as commissioner to review the council's services.",
            "Ann Tester",
            "commissioner",
        ),
        ("The Panel appointed Councillor Bo Sample as chairman for the year.", "Bo Sample", "chairman"),
    ],
)
def test_appointed_as_an_office_of_one_word(text: str, name: str, post: str) -> None:
    assert people(text) == {name: post}


def test_appointed_as_a_member_is_no_post() -> None:
    assert people("The Committee appointed Councillor Bo Sample as a member of the Panel.") == {"Bo Sample": None}


@pytest.mark.parametrize(
    "line",
    [
        "Mr R Tester Mr J Sample Mrs D Example Dr M Person",
        "Cllr R Tester Cllr J Sample Councillor D Example Cllr M Person",
        "Ms R Tester Miss J Sample Mr D Example Mr M Person",
    ],
)
def test_honorific_names_without_commas(line: str) -> None:
    found = people(f"Present:\n\n{line}\n\n1. Apologies\n")
    assert set(found) == {"R Tester", "J Sample", "D Example", "M Person"}


def test_attendance_lines_without_colons() -> None:
    text = (
        "Present Cllrs Ann Tester (Chairman), Bob Sample, Cat Example\n\n"
        "Cabinet Members Cllrs Dan Example, Eve Person\n\n"
        "Officers Present Gil Person, Hal Sample, Fay Tester.\n\n"
        "Apologies Ian Person (Parent Governor Representative); Jo Tester (Diocesan Representative)\n\n"
        "Parent Governor Representatives : Dr K Sample\n"
    )
    assert people(text) == {
        "Ann Tester": "Chairman",
        "Bob Sample": None,
        "Cat Example": None,
        "Dan Example": "Cabinet Member",
        "Eve Person": "Cabinet Member",
        "Gil Person": None,
        "Hal Sample": None,
        "Fay Tester": None,
        "Ian Person": "Parent Governor Representative",
        "Jo Tester": "Diocesan Representative",
        "K Sample": "Parent Governor Representative",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Cabinet Members Agreed the plan.\n",
        "Senior Managers Present Options for the budget\n",
        "Apologies Were Received From Several Members\n",
    ],
)
def test_a_label_before_words_that_are_no_names(text: str) -> None:
    assert people(text) == {}


def test_a_label_before_a_name_in_a_list_with_brackets() -> None:
    text = "Co-opted Members David Tester (Diocesan Representative) (voting) Tony Sample (Parent Governor Representative)\n"
    assert people(text) == {"David Tester": "Diocesan Representative", "Tony Sample": "Parent Governor Representative"}


def test_no_name_in_a_post_after_a_label_word() -> None:
    assert people("17.2 Each Registered Home Manager gave a brief update.\n") == {}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Kim Sample 06 April 2016\n\nServices ‘inadequate’, Ofsted warns\n\nA council is failing, says Ofsted.",
            "Kim Sample",
            None,
        ),
        (
            "Government intervenes at council\n\nLee Tester\nTuesday, November 13, 2018\n\nThe DfE has announced plans.",
            "Lee Tester",
            None,
        ),
        (
            "Ofsted brands services 'inadequate'\n\nEducation Editor,Ann Example\nSaturday 24 October 2009 00:00 BST\n",
            "Ann Example",
            "Education Editor",
        ),
    ],
)
def test_a_byline_over_the_date(text: str, name: str, post: str | None) -> None:
    assert people(text) == {name: post}


def test_a_heading_over_a_date_is_no_byline() -> None:
    assert people("Children's Services Update\n12 March 2024\n\nGrange Park\n1 May 2020\n") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Contact: Ann Sample, Scrutiny Manager or Bob Tester, Policy & Strategy Service Manager  Tel: 0161 000 0000\n",
            {"Ann Sample": "Scrutiny Manager", "Bob Tester": "Policy & Strategy Service Manager"},
        ),
        (
            "Report author: Kit Sample, Service Manager or Dr Lee Person, Consultant\n",
            {"Kit Sample": "Service Manager", "Lee Person": "Consultant"},
        ),
        (
            "Jo Example, Head of Fostering or Adoption, said it was good.\n",
            {"Jo Example": "Head of Fostering or Adoption"},
        ),
    ],
)
def test_a_post_ends_before_or_and_a_name(text: str, expected: dict[str, str]) -> None:
    assert people(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Jo Sample OBE MP, the Minister for Children, Families and Wellbeing recently wrote to the Council.",
            "Jo Sample",
            "Minister for Children, Families and Wellbeing",
        ),
        (
            "The Panel met Alison Sample, Assistant Director Children’s, to receive a report.",
            "Alison Sample",
            "Assistant Director Children’s",
        ),
        (
            "Councillor Bev Sample, the City of York Council's Cabinet Member for Children and Young People, said: "
            '"Good."',
            "Bev Sample",
            "Cabinet Member for Children and Young People",
        ),
    ],
)
def test_where_a_post_after_a_name_ends(text: str, name: str, post: str) -> None:
    assert people(text) == {name: post}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Councillor Sample declared a personal interest in Minute OSC.916 below, Safeguarding Diagnostic and "
            "Ofsted Update as the Deputy Cabinet Member for Children and Families and took no part.\n",
            "Sample",
            "Deputy Cabinet Member for Children and Families",
        ),
        (
            "Councillor Ann Example declared an interest in item 5.2, Fostering Allowances, as she is a Trustee of "
            "the Anyshire Foster Carers Association.\n",
            "Ann Example",
            "Trustee of the Anyshire Foster Carers Association",
        ),
        (
            "Councillor Rob Tester declared an interest in Minute No. 12 as he is Chair of Governors at Anytown "
            "Primary School.\n",
            "Rob Tester",
            "Chair of Governors at Anytown Primary School",  # the school it is held at is the post's (as the gold)
        ),
    ],
)
def test_a_declaration_over_a_minute_number_with_dots(text: str, name: str, post: str) -> None:
    assert people(text) == {name: post}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It was moved by Councillor Tester, seconded by Councillor Blake.\n\nL TESTER\n", "L Tester"),
        ("Apologies: Mr K SAMPLE\n\nMr Sample asked about waiting times.\n", "K Sample"),
        ("Councillor Person presented the motion.\n\nSigned: J PERSON\n", "J Person"),
    ],
)
def test_a_surname_takes_its_initial_from_the_name_in_capitals(text: str, name: str) -> None:
    found = people(text)
    assert [n.casefold() for n in found if n.casefold().endswith(name.split()[-1].casefold())] == [name.casefold()]


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Ministers are minded to appoint Bob Example as a children's services commissioner in order to help.",
            "Bob Example",
            "children's services commissioner",
        ),
        ("The DfE appointed Cat Person as an education commissioner.", "Cat Person", "education commissioner"),
        (
            "The Secretary of State has appointed Dr Gil Sample as a safeguarding adviser to the council.",
            "Gil Sample",
            "safeguarding adviser",
        ),
    ],
)
def test_appointed_as_a_title_in_lower_case(text: str, name: str, post: str) -> None:
    assert people(text) == {name: post}


def test_appointed_as_a_lone_head_after_a_is_no_post() -> None:
    assert people("The council will appoint Fay Sample as a Director next year.").get("Fay Sample") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers\n\nJohn Example and Steve Sample (Anyshire County Council)\n", {"John Example", "Steve Sample"}),
        ("Ann Person, Bo Tester and Cy Sample (Anyshire Youth Service)\n", {"Ann Person", "Bo Tester", "Cy Sample"}),
        ("• Dee Example & Eli Person (Anytown Parent Carer Forum)\n", {"Dee Example", "Eli Person"}),
    ],
)
def test_names_sharing_a_bodys_bracket(text: str, expected: set[str]) -> None:
    assert set(people(text)) == expected


def test_a_bracket_is_shared_only_by_a_list_that_opens_its_line() -> None:
    """The bracket is Steve Sample's evidence; Kit Person's is the given name (round 7). Neither has a post."""
    assert people("We met Kit Person and Steve Sample (Anyshire County Council) yesterday\n") == {
        "Steve Sample": None,
        "Kit Person": None,
    }


@pytest.mark.parametrize(
    ("text", "name", "post", "organisation"),
    [
        (
            "Councillor Jo Sample, Cabinet Member for Children’s Services for Torbay Council said, “Good.”",
            "Jo Sample",
            "Cabinet Member for Children’s Services",
            "Torbay Council",
        ),
        (
            "Kit Example, Director of Children’s Services for Peterborough City Council, said: “Good.”",
            "Kit Example",
            "Director of Children’s Services",
            "Peterborough City Council",
        ),
        (
            "Councillor Lee Person, Lead Member for Education for Hartlepool Borough Council, said it was good.",
            "Lee Person",
            "Lead Member for Education",
            "Hartlepool Borough Council",
        ),
    ],
)
def test_a_second_for_and_a_council_is_the_employer(text: str, name: str, post: str, organisation: str) -> None:
    found, _ = find_people(segment(SourceDocument("x.txt", text, "0", "txt", len(text))))
    assert [(p.name, p.post, p.organisation) for p in found] == [(name, post, organisation)]


@pytest.mark.parametrize(
    ("text", "post"),
    [
        (
            "Councillor Ann Tester, Cabinet Member for Children at Cornwall Council, said: “Good.”",
            "Cabinet Member for Children at Cornwall Council",
        ),
        ("Councillor Ann Tester, Leader of Torbay Council, said: “Good.”", "Leader of Torbay Council"),
        (
            "Ann Tester, Interim Director of Children’s Services for Richmond upon Thames, said: “Good.”",
            "Interim Director of Children’s Services for Richmond upon Thames",
        ),
    ],
)
def test_a_council_joined_otherwise_stays_in_the_post(text: str, post: str) -> None:
    assert people(text) == {"Ann Tester": post}
