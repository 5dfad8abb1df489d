"""Posts of round 8: the table of post words (rules/post_words.txt, derived from dev gold by
scripts/make_post_words.py) and the classes it and other general knowledge read, each in three wordings no dev page
uses: a lower-case post set off after a name whose words before the head the table holds ("Jo Example, the council
leader, said"), a photograph's note between a name and its post, a title never opening with "and", a serial comma
before the "and" that closes a lower-case list of subjects, a modifier of the table kept before a predicate's post
("the appointment of Jo Example as interim director"), and a post after a name's letters ("Kit Example MP, Minister
for …"). Every page is made up ("Anyshire", "Jo Example")."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.people import find_people
from caregraph.pipeline.extract.posts import post_words
from caregraph.pipeline.segment import segment
from caregraph.records import SourceDocument

ROOT = Path(__file__).resolve().parent.parent


def posts_of(text: str) -> dict[str, str | None]:
    """Each person the people finder reads from ``text`` (a plain-text page), with their post."""
    people = find_people(Doc(segment(SourceDocument("x.txt", text, "0", "txt", len(text)))))[0]
    return {p.name: p.post for p in people}


# ------------------------------------------------------------------------------------------ the table


def test_table_holds_each_role():
    words = post_words()
    assert {"director", "member", "leader", "chair"} <= words.heads
    assert {"cabinet", "interim", "executive"} <= words.modifiers
    assert {"children's", "services", "education"} <= words.subjects
    assert "services" not in words.heads  # a subject read as a head from "Director Children's Services" is dropped
    assert not any(any(c.isdigit() for c in w) for w in words.heads | words.modifiers | words.subjects)


def _script():
    spec = importlib.util.spec_from_file_location("make_post_words", ROOT / "scripts" / "make_post_words.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_script_rebuilds_the_table(tmp_path):
    """The shipped table is what the script makes from the dev gold (reproducible; edited by no hand)."""
    if not (ROOT / "bench" / "gold-real7-dev").is_dir():
        pytest.skip("the dev gold is not in this checkout")
    out = tmp_path / "post_words.txt"
    assert _script().main(["--out", str(out)]) == 0
    shipped = (ROOT / "src" / "caregraph" / "rules" / "post_words.txt").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped


@pytest.mark.parametrize(
    ("post", "head", "modifiers", "subjects"),
    [
        ("Cabinet Member for Children and Families", "member", {"cabinet"}, {"children", "families"}),
        ("children's services councillor", "councillor", {"children's", "services"}, set()),
        ("Strategic Director, People", "director", {"strategic"}, {"people"}),
        ("Interim Head of Service – Early Help", "head", {"interim"}, {"service", "early", "help"}),
    ],
)
def test_title_roles(post, head, modifiers, subjects):
    roles = _script().title_roles(post)
    assert roles["head"] == {head}
    assert roles["modifier"] == modifiers
    assert roles["subject"] == subjects


# ------------------------------------------------------------------------------------------ the classes

CASES = [
    # a lower-case post set off after a name, its words before the head all in the table
    (
        "table_leader",
        "Asked about the report, Mo Example, the council leader, said it was fair.",
        "Mo Example",
        "council leader",
    ),
    (
        "table_deputy",
        "Pat Sample, deputy council leader, told the meeting the plan was sound.",
        "Pat Sample",
        "deputy council leader",
    ),
    (
        "table_services_lead",
        "Ria Tester, the children's services lead, said: “We are pleased.”",
        "Ria Tester",
        "children's services lead",
    ),
    # a photograph's note between the name and the post
    (
        "photo_right",
        "Lou Example, (right) executive director of people at the council said: “Good news.”",
        "Lou Example",
        "executive director of people",
    ),
    (
        "photo_pictured",
        "Cllr Dee Sample, (pictured) the council’s cabinet member for schools, said it was good.",
        "Dee Sample",
        "cabinet member for schools",
    ),
    (
        "photo_left",
        "Kim Tester, (left), assistant director for early help, welcomed the letter.",
        "Kim Tester",
        "assistant director for early help",
    ),
    # a title never opens with "and": the post after it is the next person's
    (
        "and_deputy",
        "The portfolio passed to Councillor Ann Example, and deputy leader Cllr Bo Sample – who kept it.",
        "Ann Example",
        None,
    ),
    ("and_vice_chair", "Thanks went to Jo Tester, and vice chair Coun Vi Example – who spoke.", "Jo Tester", None),
    ("and_director", "Letters came from Sam Sample, and director Cllr Al Tester, in March.", "Sam Sample", None),
    # a serial comma before the "and" that closes a lower-case list of subjects
    (
        "serial_lower_holder",
        "Cllr Bea Example, portfolio holder for schools, family support, and skills, said it was fair.",
        "Bea Example",
        "portfolio holder for schools, family support, and skills",
    ),
    (
        "serial_lower_member",
        "Tom Sample, cabinet member for children, adult care, and health, spoke next.",
        "Tom Sample",
        "cabinet member for children, adult care, and health",
    ),
    (
        "serial_lower_director",
        "Una Tester, director of education, early years, and inclusion, will report.",
        "Una Tester",
        "director of education, early years, and inclusion",
    ),
    # a modifier of the table before a predicate's post, where the pattern passes over it
    (
        "interim_appointment",
        "The panel noted the appointment of Gil Example as interim director of children's services, who starts in May.",
        "Gil Example",
        "interim director of children's services",
    ),
    (
        "interim_appoint",
        "Cabinet agreed to appoint Hal Sample as interim head of safeguarding from June.",
        "Hal Sample",
        "interim head of safeguarding",
    ),
    (
        "participle_not_modifier",
        "Ivy Tester has been appointed interim director for the service this week.",
        "Ivy Tester",
        "interim director for the service",
    ),
    # a lower-case title before a name whose words before the head the table holds (news copy)
    (
        "before_secretary",
        "A statement from housing secretary Ned Example said the council must act.",
        "Ned Example",
        "housing secretary",
    ),
    (
        "before_chief_exec",
        "The letter went to the council chief executive Ola Sample on Monday.",
        "Ola Sample",
        "council chief executive",
    ),
    (
        "before_councillor_comma",
        "The county’s children’s services councillor, Pia Tester, said it was a fair report.",
        "Pia Tester",
        "children’s services councillor",
    ),
    # an apposition's head the rules' lower-case heads lack but the table holds
    (
        "representative",
        "Mr C Example, Diocesan representative, gave apologies.",
        "C Example",
        "Diocesan representative",
    ),
    (
        "representative_parent",
        "Ms D Sample, Parent Governor representative, joined the meeting online.",
        "D Sample",
        "Parent Governor representative",
    ),
    (
        "representative_forum",
        "Mr E Tester, Anyshire Youth Forum representative, spoke on item 4.",
        "E Tester",
        "Anyshire Youth Forum representative",
    ),
    # a page cut off inside a post: a last word no title ends in by the table is cut short, and not read
    ("cut_child", "Councillor Ann Example, Chair of the Child", "Ann Example", None),
    ("cut_young", "Jo Sample, Director of Children and Young", "Jo Sample", None),
    ("cut_special", "Kit Example, Head of Special", "Kit Example", None),
    (
        "cut_whole",
        "Kit Tester, Cabinet Member for Education and Skills",
        "Kit Tester",
        "Cabinet Member for Education and Skills",
    ),
    # an organisation's initials open a post before a name at a paragraph's start too
    (
        "initials_ceo",
        "Areas to improve were listed.\n\nABCT CEO Lyn Example said: “We are delighted.”",
        "Lyn Example",
        "ABCT CEO",
    ),
    (
        "initials_manager",
        "It was agreed.\n\nNCC Project Manager Mo Sample said the plan was on track.",
        "Mo Sample",
        "NCC Project Manager",
    ),
    (
        "initials_director",
        "Work goes on. AYS Director Nat Tester told members the service had improved.",
        "Nat Tester",
        "AYS Director",
    ),
    # a perfect tense of taking up a post, then "as" and the post; "in the" and a unit stays the post's
    (
        "perfect_joined",
        "Mia Example has joined as interim head of improvement in the directorate.",
        "Mia Example",
        "interim head of improvement in the directorate",
    ),
    (
        "perfect_started",
        "Ned Sample had started as Director of Education in 2015.",
        "Ned Sample",
        "Director of Education",
    ),
    (
        "perfect_served",
        "Oli Tester has now served as acting head of service in the department since May.",
        "Oli Tester",
        "acting head of service in the department",
    ),
    # a post in capitals right after a name, set off after it
    ("caps_hmi_comma", "The visit was led by Ann Example HMI, who met staff in May.", "Ann Example", "HMI"),
    ("caps_hmi_stop", "Feedback on the visit came from Jo Tester HMI.", "Jo Tester", "HMI"),
    ("caps_hmi_semicolon", "The lead was Kit Sample HMI; the team met carers.", "Kit Sample", "HMI"),
    # a post after a name's letters
    (
        "letters_mp",
        "However, Kay Example MP, Minister for Schools, has written to the council.",
        "Kay Example",
        "Minister for Schools",
    ),
    (
        "letters_mep",
        "In May, Lou Sample MEP, Chair of the Committee, wrote to the council.",
        "Lou Sample",
        "Chair of the Committee",
    ),
    (
        "letters_mp_secretary",
        "Later, Kay Sample MP, Secretary of State for Education, replied to members.",
        "Kay Sample",
        "Secretary of State for Education",
    ),
]


@pytest.mark.parametrize(("text", "name", "post"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_post_read(text, name, post):
    found = posts_of(text)
    assert name in found, found
    assert found[name] == post


@pytest.mark.parametrize(
    "text",
    [
        "Jo Example, Labour councillor, said the plan was poor.",  # a party's councillor: no post
        "Ann Sample, who chairs the panel, said it was good.",  # no table title after the comma
        "Kit Tester, a parent, said the council leader was wrong.",  # the table title is not set off after a name
        "Later, Labour councillor Ann Example asked a question.",  # a party's councillor before a name: no post
        "Then county councillor Bo Sample asked about schools.",  # a councillor with no subject: no post
    ],
)
def test_no_table_post(text):
    assert not any(posts_of(text).values())
