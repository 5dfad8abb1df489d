"""Posts of round 6, each class in its general form and in three wordings no dev page uses: a predicate's post that
"and" a second person's clause ends; a capitalised post whose subjects are a lower-case list; "Cabinet Lead Member";
a possessive name's "role as" a post; a verb after a capitalised post; a post line that ends the page whole; a
subject before "and" and modifiers ("Quality and Performance Manager"); "the" and a one-word post set off before the
holder's name. Every page is made up ("Anyshire", "Jo Example")."""

from __future__ import annotations

import pytest

from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.people import find_people
from caregraph.pipeline.segment import segment
from caregraph.records import SourceDocument


def posts_of(text: str) -> dict[str, str | None]:
    """Each person the people finder reads from ``text`` (a plain-text page), with their post."""
    people = find_people(Doc(segment(SourceDocument("x.txt", text, "0", "txt", len(text)))))[0]
    return {p.name: p.post for p in people}


CASES = [
    # "and" then a name and a finite verb opens the next person's clause: the post ends before it
    (
        "and_name_has",
        "Kit Sample has been appointed interim director for the service and Lee Person has joined as deputy.",
        "Kit Sample",
        "interim director for the service",
    ),
    (
        "and_name_will",
        "Ann Example was named acting head of service for the county and Jo Tester will lead the review.",
        "Ann Example",
        "acting head of service for the county",
    ),
    (
        "and_name_was",
        "Priya Sample has been appointed Interim Director of Children's Services and Mark Person was confirmed.",
        "Priya Sample",
        "Interim Director of Children's Services",
    ),
    # a capitalised post whose subjects are written as a lower-case list closed by "and"
    (
        "lower_list_portfolio",
        "Councillor Bo Example, Portfolio Holder for children, families, schools and early help, said: “Good.”",
        "Bo Example",
        "Portfolio Holder for children, families, schools and early help",
    ),
    (
        "lower_list_lead_member",
        "Jo Example, the Lead Member for children, young people and skills, welcomed the report.",
        "Jo Example",
        "Lead Member for children, young people and skills",
    ),
    (
        "lower_list_cabinet_member",
        "Cllr Ann Sample, Cabinet Member for adults, health and housing, thanked officers for the report.",
        "Ann Sample",
        "Cabinet Member for adults, health and housing",
    ),
    # "Cabinet Lead Member" is one head
    (
        "cabinet_lead_member_first",
        "Cabinet Lead Member for Education and Skills, Councillor Mo Example said the work was underway.",
        "Mo Example",
        "Cabinet Lead Member for Education and Skills",
    ),
    (
        "cabinet_lead_member_the",
        "The Cabinet Lead Member for Adult Care, Councillor Jo Tester, thanked officers.",
        "Jo Tester",
        "Cabinet Lead Member for Adult Care",
    ),
    (
        "cabinet_lead_member_after_name",
        "Councillor Sam Person, Cabinet Lead Member for Children, introduced the item.",
        "Sam Person",
        "Cabinet Lead Member for Children",
    ),
    # a possessive name's role, post or job "as" a post; a verb after the capitalised post ends it
    (
        "role_as_at_body",
        "Cllr Dee Sample’s role as Executive Member for Children and Families at Anyshire Council means he leads.",
        "Dee Sample",
        "Executive Member for Children and Families at Anyshire Council",
    ),
    (
        "new_role_as_verb",
        "Jo Example's new role as Interim Director of Children's Services begins in May.",
        "Jo Example",
        "Interim Director of Children's Services",
    ),
    (
        "unit_noun_goes_on",
        "Lee Tester, Head of the Children's Services department, presented the report.",
        "Lee Tester",
        "Head of the Children's Services department",
    ),
    (
        "post_as_the",
        "Councillor Kit Sample's post as the Lead Member for Education ended last year.",
        "Kit Sample",
        "Lead Member for Education",
    ),
    # a post line that ends the page, with no line break after it, is whole when its last word is a post's word
    (
        "page_ends_in_service",
        "Ofsted praised the service.\nCllr Ria Example, Lead Member for Education and Children’s Service",
        "Ria Example",
        "Lead Member for Education and Children’s Service",
    ),
    (
        "page_ends_in_services",
        "The report was welcomed.\nJo Example, Director of Children's Services",
        "Jo Example",
        "Director of Children's Services",
    ),
    (
        "page_ends_in_care",
        "The report was welcomed.\nCouncillor Kit Sample, Cabinet Member for Adult Social Care",
        "Kit Sample",
        "Cabinet Member for Adult Social Care",
    ),
    (
        "page_cut_inside_a_word",
        "The report was welcomed.\nCllr Jon Fisher, Cabinet Memb",
        "Jon Fisher",
        None,
    ),
    # a subject before "and" and further modifiers is a modifier too; before "and" and the head it ends a title
    (
        "subject_and_modifiers_quality",
        "The Quality and Performance Manager, Jo Example, said the figures had improved.",
        "Jo Example",
        "Quality and Performance Manager",
    ),
    (
        "subject_and_modifiers_fostering",
        "Please contact the Fostering and Adoption Service Manager Kit Sample on 0100.",
        "Kit Sample",
        "Fostering and Adoption Service Manager",
    ),
    (
        "subject_and_modifiers_inspection",
        "The Inspection and Development Project Manager Lee Person can help.",
        "Lee Person",
        "Inspection and Development Project Manager",
    ),
    (
        "subject_and_head_ends_the_title",
        "The Department for Education and Secretary of State Gavin Example agreed.",
        "Gavin Example",
        "Secretary of State",
    ),
    # "the" and a one-word post set off by commas before the holder's name
    (
        "the_commissioner_comma",
        "The Commissioner, Lee Sample CBE, clearly stated that progress was good.",
        "Lee Sample",
        "Commissioner",
    ),
    (
        "the_inspector_comma",
        "The Inspector, Jo Example, found that practice had improved.",
        "Jo Example",
        "Inspector",
    ),
    (
        "the_director_comma",
        "At the meeting the Director, Kit Sample, presented the report.",
        "Kit Sample",
        "Director",
    ),
]


@pytest.mark.parametrize(("text", "name", "post"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_post_of_person(text: str, name: str, post: str | None) -> None:
    found = posts_of(text)
    assert name in found, f"{name} not found in {found}"
    assert found[name] == post


def test_second_person_after_and_is_not_in_the_post() -> None:
    found = posts_of("Ann Example was appointed interim head of service and Jo Tester has joined as manager.")
    assert "Jo Tester" not in (found.get("Ann Example") or "")


def test_bare_one_word_post_before_a_name_is_still_no_post() -> None:
    # without "the" and a comma, "Director Ann Tester" is not read as the post of a person
    assert posts_of("Director Ann Tester said it was good.").get("Ann Tester") is None
