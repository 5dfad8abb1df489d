"""People's posts in the forms council minutes, agenda papers and local news give them (issue 14, round 20; probes in
bench/probes/posts.md, rows R1-R40).

The classes: a post's own abbreviation in brackets after it is no part of the post ("director of children's services
(DCS) Jo Example"; one inside the post, or the letters of a body the post ends in, stay); a post said in a relative
clause on the name yields to the post written beside it ("Chief executive Jo Example, who is also chair of …"), and a
relative clause is no part of a lower-case body ("leader of the council, who also chairs the … board"); a field label
after a post on its line ends it ("…   Date: 4 March 2024"); a name and its post as a line of a list with no comma
between ("Kit Sample Democratic Services Officer"); a post given with "his" or "her" ("welcomed Jo Example to her first
meeting as …", "since her appointment as …") and a verb of joining a body ("joined the council as …"); a post written
with an initialism for its title beside a name in a list or a bracket ("Kit Sample – AD Safeguarding", "(HoS
Safeguarding)"); a plural post in a bracket after a pair of names, one each in the singular ("Jo Example and Kit
Sample (non-voting Co-opted Members)"); a post's head followed by its subject without "of" as a signature's line
("Assistant Director Children's Services, Education"); a post label whose name a dash and a note follow. Every text is
made up."""

from __future__ import annotations

import pytest

from .conftest import extract_text, news_people

MINUTES_HEAD = (
    "Anyshire County Council\nChildren and Young People Scrutiny Committee\nMinutes of the meeting held on "
    "12 March 2024\n\n"
)
MINUTES_URL = "https://democracy.anyshire.gov.uk/mgIssueHistoryHome.aspx?IId=1"
REPORT_HEAD = (
    "Anyshire County Council\nCabinet, 12 March 2024\nAgenda item 6: Ofsted inspection of children's services\n\n"
)
REPORT_URL = "https://democracy.anyshire.gov.uk/documents/s1/report.pdf"


def minutes_people(text: str) -> dict[str, str | None]:
    x = extract_text(MINUTES_HEAD + text + "\n\nEnds\n", url=MINUTES_URL)
    return {p.name: p.post for p in x.people}


def report_people(text: str) -> dict[str, str | None]:
    x = extract_text(REPORT_HEAD + text + "\n\nEnds\n", url=REPORT_URL)
    return {p.name: p.post for p in x.people}


# ---------------------------------------------------------------------------------- a post's own abbreviation


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "The director of children's services (DCS) Hana Roswell said the findings were fair.",
            "Hana Roswell",
            "director of children's services",
        ),
        (
            "Hana Roswell, Director of Children's Services (DCS), said the findings were fair.",
            "Hana Roswell",
            "Director of Children's Services",
        ),
        (
            "The council appointed a permanent Director of Children's Services (DCS), Hana Roswell, in January.",
            "Hana Roswell",
            "Director of Children's Services",
        ),
        (
            "Teo Barrowby, Chief Executive Officer (CEO), said the trust was ready.",
            "Teo Barrowby",
            "Chief Executive Officer",
        ),
        (
            "Mira Coldwell, Interim Principal Social Worker (PSW), said caseloads had fallen.",
            "Mira Coldwell",
            "Interim Principal Social Worker",
        ),
        (
            "Teo Barrowby, Executive Director of People (DCS), said the plan was funded.",
            "Teo Barrowby",
            "Executive Director of People",
        ),
    ],
)
def test_a_posts_own_abbreviation_is_no_part_of_it(text: str, name: str, post: str) -> None:
    assert news_people(text)[name] == post


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (  # an initialism inside the post is its words as written
            "Cllr Teo Barrowby, Cabinet Member with Responsibility (CMR) for Children, said the plan was funded.",
            "Teo Barrowby",
            "Cabinet Member with Responsibility (CMR) for Children",
        ),
        (  # the letters of the board the post ends in, not of the post
            "The Chair welcomed Mira Coldwell, Chair, Local Safeguarding Children Board (LSCB), to the meeting.",
            "Mira Coldwell",
            "Chair, Local Safeguarding Children Board (LSCB)",
        ),
        (  # a bracketed word is no abbreviation
            "Hana Roswell, Strategic Director (People), said the findings were fair.",
            "Hana Roswell",
            "Strategic Director (People)",
        ),
    ],
)
def test_other_brackets_stay_in_the_post(text: str, name: str, post: str) -> None:
    assert news_people(text)[name] == post


# ---------------------------------------------------------------------------------- one post per person


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Chief executive Teo Barrowby, who is also chair of the Children's Trust, said the report was fair.",
            "Teo Barrowby",
            "Chief executive",
        ),
        (
            "The chief executive, Teo Barrowby, who is also chair of the Children's Trust, said the report was fair.",
            "Teo Barrowby",
            "chief executive",
        ),
        (
            "Cllr Teo Barrowby, leader of the council, who also chairs the health and wellbeing board, said it was fair.",
            "Teo Barrowby",
            "leader of the council",
        ),
    ],
)
def test_the_post_beside_the_name_is_the_persons(text: str, name: str, post: str) -> None:
    assert news_people(text)[name] == post


def test_a_relative_clause_still_gives_a_post_where_none_stands_beside_the_name() -> None:
    people = news_people("Mira Coldwell, who is the council's head of fostering, said more carers were needed.")
    assert people["Mira Coldwell"] == "head of fostering"


def test_an_appointment_is_not_held_back_as_a_relative_clause() -> None:
    people = news_people(
        "Northshire's chief executive Teo Barrowby has been appointed children's commissioner at Anyshire."
    )
    assert people["Teo Barrowby"] == "children's commissioner"


def test_a_lower_body_is_not_read_over_a_relative_clause() -> None:
    people = news_people(
        "Cllr Teo Barrowby, chair of the council's children, young people and skills committee, said it was fair."
    )
    assert people["Teo Barrowby"] == "chair of the council's children, young people and skills committee"


# ---------------------------------------------------------------------------------- minutes and agenda layouts


def test_a_field_label_after_a_post_ends_it() -> None:
    people = report_people("Signed: Hana Roswell, Director of Children's Services   Date: 4 March 2024")
    assert people["Hana Roswell"] == "Director of Children's Services"


def test_a_colon_inside_a_post_before_its_subject_stays() -> None:
    people = report_people("Contact: Hana Roswell, Strategic Lead: Youth  Tel: 01234 567890")
    assert people["Hana Roswell"] == "Strategic Lead: Youth"


def test_names_and_posts_one_to_a_line_without_a_comma() -> None:
    people = minutes_people(
        "Officers Present:\nHana Roswell Director of Children's Services\nTeo Barrowby Assistant Director Early Help\n"
        "Mira Coldwell Democratic Services Officer"
    )
    assert people == {
        "Hana Roswell": "Director of Children's Services",
        "Teo Barrowby": "Assistant Director Early Help",
        "Mira Coldwell": "Democratic Services Officer",
    }


def test_a_name_and_title_words_in_a_sentence_are_not_a_listed_line() -> None:
    # a sentence goes on after the words: no line of a list
    people = minutes_people("The meeting noted that Teo Barrowby Assistant Director posts were vacant in May.")
    assert people.get("Teo Barrowby") is None


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "The Chair welcomed Hana Roswell to her first meeting as Director of Children's Services.",
            "Hana Roswell",
            "Director of Children's Services",
        ),
        (
            "The Chair welcomed Hana Roswell, who was attending her first meeting as Director of Children's Services.",
            "Hana Roswell",
            "Director of Children's Services",
        ),
        (
            "The Committee thanked Teo Barrowby for his work as interim Director of Children's Services.",
            "Teo Barrowby",
            "interim Director of Children's Services",
        ),
        (
            "The Committee welcomed Hana Roswell who had recently joined the Council as Director of Children's Services.",
            "Hana Roswell",
            "Director of Children's Services",
        ),
        (
            "Mira Coldwell has joined the authority as interim head of safeguarding.",
            "Mira Coldwell",
            "interim head of safeguarding",
        ),
        (
            "Mira Coldwell was praised for leading a stable team since her appointment as director of the service in 2013.",
            "Mira Coldwell",
            "director of the service",
        ),
        (
            "The meeting took place a day after Cllr Teo Barrowby was stripped of his post as the council's cabinet "
            "member for children and young people.",
            "Teo Barrowby",
            "cabinet member for children and young people",
        ),
    ],
)
def test_a_post_given_with_his_or_her_or_a_body_joined(text: str, name: str, post: str) -> None:
    assert minutes_people(text)[name] == post


@pytest.mark.parametrize(
    "text",
    [
        "Councillor Teo Barrowby joined the meeting as an observer.",
        "Councillor Teo Barrowby joined the panel as a member.",
        "Teo Barrowby joined the team in 2019 and as a result the service improved.",
    ],
)
def test_joining_as_no_post(text: str) -> None:
    assert minutes_people(text)["Teo Barrowby"] is None


def test_initialism_titles_in_a_list_of_officers() -> None:
    people = minutes_people(
        "Present\nCouncillor Hana Roswell (Chair)\n\nOfficers\nMira Coldwell – DCS\nTeo Barrowby – AD Safeguarding\n"
        "Ola Fenwick – HoS Early Help"
    )
    assert people["Teo Barrowby"] == "AD Safeguarding"
    assert people["Ola Fenwick"] == "HoS Early Help"


def test_initialism_titles_in_brackets() -> None:
    people = minutes_people("The meeting was also attended by Mira Coldwell (DCS) and Ola Fenwick (HoS Safeguarding).")
    assert people == {"Mira Coldwell": "DCS", "Ola Fenwick": "HoS Safeguarding"}


def test_a_bodys_letters_in_brackets_are_no_post() -> None:
    people = minutes_people("Dr Mira Coldwell (NHS Anyshire) and Teo Barrowby (CAMHS Services) attended.")
    assert people == {"Mira Coldwell": None, "Teo Barrowby": None}


@pytest.mark.parametrize(
    ("text", "post"),
    [
        (
            "Apologies for absence were received from Ola Fenwick (Co-opted Member), Teo Barrowby and Mira Coldwell "
            "(non-voting Co-opted Members).",
            "non-voting Co-opted Member",
        ),
        (
            "Apologies for absence were received from Teo Barrowby and Mira Coldwell (Parent Governor Representatives).",
            "Parent Governor Representative",
        ),
        ("Teo Barrowby and Mira Coldwell (Co-opted Members) attended.", "Co-opted Member"),
    ],
)
def test_a_plural_post_in_a_bracket_after_a_pair(text: str, post: str) -> None:
    people = minutes_people(text)
    assert people["Teo Barrowby"] == post
    assert people["Mira Coldwell"] == post


def test_a_body_in_a_bracket_after_a_pair_is_no_post() -> None:
    people = minutes_people("Teo Barrowby and Mira Coldwell (Anyshire Parent Carers) attended.")
    assert people == {"Teo Barrowby": None, "Mira Coldwell": None}


def test_a_signature_with_a_head_before_its_subject() -> None:
    people = report_people(
        "If you want to discuss this please contact Teo Barrowby via Ola Fenwick, 01234 567890.\nTeo Barrowby\n"
        "Assistant Director Children's Services, Education"
    )
    assert people["Teo Barrowby"] == "Assistant Director Children's Services, Education"


def test_a_label_before_a_name_is_no_post() -> None:
    assert report_people("Officer Contact\nTeo Barrowby") in ({}, {"Teo Barrowby": None})


def test_a_post_label_then_a_name_then_a_note_after_a_dash() -> None:
    people = report_people(
        "Lead member: Councillor Teo Barrowby - It is with great sadness that the council announces that Cllr "
        "Barrowby passed away on Thursday 8 September 2016. Our deepest sympathy goes to his family and friends at "
        "this difficult time, and to all who worked with him.\n\nLead director: Mira Coldwell"
    )
    assert people["Teo Barrowby"] == "Lead member"


def test_a_heading_in_capitals_is_no_initialism_title() -> None:
    assert report_people("IN ATTENDANCE: Councillor Teo Barrowby") == {"Teo Barrowby": None}


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Officers present:\nHana Roswell, Director of Children's\nServices\nTeo Barrowby, Head of Service for Early\n"
            "Help",
            "Hana Roswell",
            "Director of Children's Services",
        ),
        (
            "Officers present:\nHana Roswell, Director of Children's\nServices\nTeo Barrowby, Head of Service for Early\n"
            "Help",
            "Teo Barrowby",
            "Head of Service for Early Help",
        ),
        (
            "The Committee received a report from Hana Roswell, Director of Children's\nServices, which set out the "
            "findings.",
            "Hana Roswell",
            "Director of Children's Services",
        ),
    ],
)
def test_a_post_broken_over_a_line_where_no_title_ends(text: str, name: str, post: str) -> None:
    assert minutes_people(text)[name] == post


def test_a_signatures_next_line_after_a_whole_title_is_not_joined() -> None:
    people = report_people(
        "Yours sincerely\n\nHana Roswell\nHead of Service\nChildren's Social Care\nAnyshire County Council"
    )
    assert people["Hana Roswell"] in ("Head of Service", "Head of Service, Children's Social Care")
