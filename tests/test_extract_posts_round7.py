"""Posts of round 7, each class in its general form and in three wordings no dev page uses: a serial comma before
the "and" that closes a capitalised list of subjects; a lower-case list of subjects that a verb ends; the employing
council set off by a comma after a post; a post's head labelling the next field; a plural post labelling a list of
councillors; a body "at" which a post before a name is held; two posts joined by "and" before a name; an acronym in
brackets inside a post; a relative clause between a name and its predicate; "took up her post as"; an
organisation's initials before a post. Every page is made up ("Anyshire", "Jo Example")."""

from __future__ import annotations

import pytest

from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.people import find_people
from caregraph.pipeline.segment import segment
from caregraph.records import PersonRecord, SourceDocument


def people_of(text: str) -> dict[str, PersonRecord]:
    """Each person the people finder reads from ``text`` (a plain-text page)."""
    people = find_people(Doc(segment(SourceDocument("x.txt", text, "0", "txt", len(text)))))[0]
    return {p.name: p for p in people}


def posts_of(text: str) -> dict[str, str | None]:
    return {name: p.post for name, p in people_of(text).items()}


CASES = [
    # a serial ("Oxford") comma before the "and" that closes a capitalised list of subjects
    (
        "serial_comma_cabinet",
        "The panel invited Cllr Ann Example, Cabinet Member for Schools, Skills, and Early Years, to attend.",
        "Ann Example",
        "Cabinet Member for Schools, Skills, and Early Years",
    ),
    (
        "serial_comma_director",
        "Kit Sample, Director of Children, Families, and Education, presented the report.",
        "Kit Sample",
        "Director of Children, Families, and Education",
    ),
    (
        "serial_comma_lead",
        "Councillor Bo Tester, Lead Member for Health, Housing, & Adult Social Care, said the plan was sound.",
        "Bo Tester",
        "Lead Member for Health, Housing, & Adult Social Care",
    ),
    # a lower-case list of subjects closed by "and" that a verb, not a comma, ends
    (
        "lower_list_will",
        "Jo Example, the council's director for adults, housing and communities will brief members on Monday.",
        "Jo Example",
        "director for adults, housing and communities",
    ),
    (
        "lower_list_has",
        "Ann Sample, cabinet member for schools, skills and learning has written to parents.",
        "Ann Sample",
        "cabinet member for schools, skills and learning",
    ),
    (
        "lower_list_said",
        "Lee Person, the county's head of safeguarding, quality and practice said the findings were fair.",
        "Lee Person",
        "head of safeguarding, quality and practice",
    ),
    # the employing council after a comma is the post's body, not its words
    (
        "employer_and_next",
        "Kit Example, Head of Early Help, Anyshire County Council and Jo Sample attended the meeting.",
        "Kit Example",
        "Head of Early Help",
    ),
    (
        "employer_line_end",
        "Present:\nAnn Tester, Service Manager for Fostering, Exampleton Borough Council\nLee Sample",
        "Ann Tester",
        "Service Manager for Fostering",
    ),
    (
        "employer_initials",
        "Bo Person, Head of Children in Care, ABMBC, gave a presentation.",
        "Bo Person",
        "Head of Children in Care",
    ),
    # a post's head that a colon follows labels the next field: the post before it ends there
    (
        "label_cabinet_members",
        "Report of Jo Example, Director of Children's Services Cabinet Member: Councillor Ann Sample",
        "Jo Example",
        "Director of Children's Services",
    ),
    (
        "label_lead_officer",
        "Report author: Kit Tester, Head of Quality Assurance Lead Officer: Lee Person",
        "Kit Tester",
        "Head of Quality Assurance",
    ),
    (
        "label_portfolio_holders",
        "Jo Sample, Corporate Director for People Portfolio Holders: Councillors Bo Example and Ann Tester",
        "Jo Sample",
        "Corporate Director for People",
    ),
    # a post in the plural labelling a list of councillors: each holds it
    (
        "plural_label_cabinet",
        "Cabinet Members: Councillors Ann Example and Kit Sample\n",
        "Kit Sample",
        "Cabinet Member",
    ),
    (
        "plural_label_portfolio",
        "Portfolio Holders: Councillors Jo Tester, Bo Person and Lee Example\n",
        "Bo Person",
        "Portfolio Holder",
    ),
    (
        "plural_label_lead",
        "Lead Members: Councillors Ann Sample and Jo Example\n",
        "Ann Sample",
        "Lead Member",
    ),
    # a body "at" which a post before the holder's name is held
    (
        "at_body_before_name",
        "Director of Children's Services at Anyshire County Council, Jo Example, said the report was fair.",
        "Jo Example",
        "Director of Children's Services at Anyshire County Council",
    ),
    (
        "at_body_dash",
        "The Head of Early Help at Exampleton Council – Kit Sample – welcomed the news.",
        "Kit Sample",
        "Head of Early Help at Exampleton Council",
    ),
    (
        "at_body_trust",
        "Chief Executive at the Anyshire Children's Trust, Ann Person, thanked staff.",
        "Ann Person",
        "Chief Executive at the Anyshire Children's Trust",
    ),
    # two posts joined by "and" before a name are both the holder's
    (
        "joined_before_name",
        "In a letter to Director of Children's Services and Chief Executive Jo Tester, the inspector praised staff.",
        "Jo Tester",
        "Director of Children's Services and Chief Executive",
    ),
    (
        "joined_leader",
        "The meeting noted that the Leader and Cabinet Member for Finance Kit Example had resigned.",
        "Kit Example",
        "Leader and Cabinet Member for Finance",
    ),
    (
        "joined_deputy",
        "Statutory Scrutiny Officer and Head of Democratic Services Ann Example introduced the item.",
        "Ann Example",
        "Statutory Scrutiny Officer and Head of Democratic Services",
    ),
    # an acronym in brackets inside a post is part of it as written; one that ends the post is dropped
    (
        "acronym_inside",
        "Jo Example, Cabinet Member with Responsibility (CMR) for Education, opened the meeting.",
        "Jo Example",
        "Cabinet Member with Responsibility (CMR) for Education",
    ),
    (
        "acronym_inside_body",
        "Kit Sample, Chief Executive, Anyshire Children Trust (ACT) and Director of Children’s Services, spoke.",
        "Kit Sample",
        "Chief Executive, Anyshire Children Trust (ACT) and Director of Children’s Services",
    ),
    (
        "acronym_end",
        "Ann Tester, Independent Chair of the Safeguarding Partnership (ASP), gave the annual report.",
        "Ann Tester",
        "Independent Chair of the Safeguarding Partnership (ASP)",  # round 12: a person's post keeps its acronym
    ),
    # a relative clause between a name and its predicate; a pronoun inside the relative clause
    (
        "relative_took_up",
        "Jo Example, who has worked in social care for 20 years, took up her post as director of children's "
        "services on Monday.",
        "Jo Example",
        "director of children's services",
    ),
    (
        "relative_became",
        "Kit Sample, who joined the council from Exampleton, became Interim Director of Education last month.",
        "Kit Sample",
        "Interim Director of Education",
    ),
    (
        "pronoun_in_relative",
        "Lee Person, who has been with the authority since 2015 when he joined as head of fostering, will lead "
        "the review.",
        "Lee Person",
        "head of fostering",
    ),
    # "took up (her) post as" with the name right before it
    (
        "took_up_post",
        "Ann Sample took up her post as Strategic Director for People in May.",
        "Ann Sample",
        "Strategic Director for People",
    ),
    (
        "takes_up_role",
        "Bo Tester takes up the role as Assistant Director of Safeguarding next week.",
        "Bo Tester",
        "Assistant Director of Safeguarding",
    ),
    (
        "took_up_position",
        "Jo Person took up his position as Head of Inclusion after the summer.",
        "Jo Person",
        "Head of Inclusion",
    ),
    # an organisation's initials before a post open it
    (
        "initials_before_post",
        "The report was presented by ACC Project Manager Lisa Sample.",
        "Lisa Sample",
        "ACC Project Manager",
    ),
    (
        "mixed_initials_before_post",
        "In a letter to AfC Director of Education Jo Example, the inspector set out the findings.",
        "Jo Example",
        "AfC Director of Education",
    ),
    (
        "initials_one_word_head",
        "The item was introduced by the ABC Service Manager, Kit Tester.",
        "Kit Tester",
        "ABC Service Manager",
    ),
]


@pytest.mark.parametrize(("case", "text", "name", "post"), CASES, ids=[c[0] for c in CASES])
def test_post(case: str, text: str, name: str, post: str) -> None:
    found = posts_of(text)
    assert name in found, f"{case}: {name} not found in {found}"
    assert found[name] == post, f"{case}: {found[name]!r} != {post!r}"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a paired second post ("Vice", "Deputy") after "and" is a second person's: no joined title
        ("Thanks were given to the Chair and Vice Chair Councillor Jo Example for their work.", "Jo Example"),
        ("The Leader and Deputy Leader Councillor Kit Sample attended.", "Kit Sample"),
    ],
)
def test_paired_posts_not_joined(text: str, name: str) -> None:
    post = posts_of(text).get(name)
    assert post is None or " and " not in post


@pytest.mark.parametrize(
    "text",
    [
        # a serial comma before "and" and the next person or post: the list does not go on
        "Cllr Jo Example, Cabinet Member for Children, and Councillor Kit Sample attended.",
        "Jo Example, Director of Children's Services, and Kit Sample, Head of Service, attended.",
        "Jo Example, Director of Children's Services, and Head of Service Kit Sample attended.",
    ],
)
def test_serial_comma_stops_before_next_person(text: str) -> None:
    assert posts_of(text)["Jo Example"] in {"Cabinet Member for Children", "Director of Children's Services"}


def test_employer_is_the_posts_body() -> None:
    """A council the gazetteer knows, after the post, becomes the person's organisation."""
    person = people_of("Jo Example, Head of Early Help, Worcestershire County Council, presented the report.")[
        "Jo Example"
    ]
    assert person.post == "Head of Early Help"
    assert person.organisation == "Worcestershire County Council"


def test_employer_not_a_council_stays() -> None:
    """A body that is no council after the comma stays in the post (the title as written)."""
    post = posts_of("Jo Example, Registered Manager, Anyshire Fostering Agency, presented the report.")["Jo Example"]
    assert post == "Registered Manager, Anyshire Fostering Agency"
