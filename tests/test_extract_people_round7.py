"""People named by a known given name and nothing else (round 7): a given name of the census table before a surname,
standing alone as a proper noun, in several wordings of council papers and news; and the places, bodies and
addresses that begin with a given name and are no one. Lists of three or more people written initials first.
Made-up surnames throughout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from caregraph.pipeline.extract.people import person_key
from caregraph.pipeline.extract.people_by_given_name import given_names

from .conftest import ROOT
from .conftest import extract_text as run


def names(text: str) -> set[str]:
    """The people found, as comparable keys ("J.K. Example" and "J K Example" are one)."""
    return {person_key(p.name) for p in run(text).people}


# (id, text, names that must be found, names that must not be)
CASES = [
    (
        "visitors_with_bodies_and_letters_after",
        "Notes of the pre-inspection meeting\nThe meeting was attended by Gary Exampleson HMI, from Ofsted, who "
        "will lead the inspection, and Elizabeth Samplewood, from the Care Quality Commission.\n",
        {"Gary Exampleson", "Elizabeth Samplewood"},
        set(),
    ),
    (
        "a_pair_as_subject",
        "News\nIn a first update since the commissioner left, Andrew Testerby and Clare Exampleford said "
        "unallocated cases had been at zero for six weeks.\n",
        {"Andrew Testerby", "Clare Exampleford"},
        set(),
    ),
    (
        "after_replaced_by",
        "News\nHe was replaced on an interim basis by Ian Samplecroft, prior to the appointment of the current "
        "director in 2016.\n",
        {"Ian Samplecroft"},
        set(),
    ),
    (
        "a_byline_after_a_date",
        "Blog\nPosted on 21/03/2023 by Megan Examplewell.\nThe scrutiny committee met on Tuesday.\n",
        {"Megan Examplewell"},
        set(),
    ),
    (
        "after_a_word_that_opens_the_sentence",
        "News\nBut Tim Exampleton MP, Minister for Children, has written to the leader.\n",
        {"Tim Exampleton"},
        set(),
    ),
    (
        "a_school_and_its_head",
        "Headteachers present\nOakfield Primary School - James Testington\n",
        {"James Testington"},
        set(),
    ),
    (
        "places_and_things_that_start_with_a_given_name",
        "News\nThe family lived near Victoria Park and the children attended Rose Hill School. Crews of Kent Fire "
        "and Rescue Service helped. Ashton Market Hall events for summer were cancelled.\n",
        set(),
        {"Victoria Park", "Rose Hill", "Kent Fire", "Ashton Market Hall", "Ashton Market"},
    ),
    (
        "an_address_block_and_a_venue",
        "Postal Address\nExampleshire Council\nCounty Hall\nAbbey Sampleway\nExampletown\nEX1 2AB\n\nVenue: Council "
        "Chamber, County Hall, Abbey Sampleway, Exampletown, EX1 2AB.\n",
        set(),
        {"Abbey Sampleway"},
    ),
    (
        "a_proper_noun_begun_before_the_given_name",
        "News\nThe Great Mead estate and the Exampleshire Grace Samplefield award were named in the report.\n",
        set(),
        {"Grace Samplefield", "Great Mead"},
    ),
]


# lists written initials first: the repeated shape is the evidence (round 7)
CASES += [
    (
        "officers_initials_first_with_group_codes",
        "Attendance Details\nCllr Jo Sample (Chair)\nN Exampler (CEO); P. Sampleby, L. Tester, S. Exampleton (R); "
        "D. Samplewick and N. Testman (LD)\n",
        {"P Sampleby", "L Tester", "S Exampleton", "D Samplewick", "N Testman"},
        set(),
    ),
    (
        "several_initials_and_a_line_of_its_own",
        "Minutes\nJ.K. Exampleford, A Sampleton, R. T. Testwood (Director of Finance)\n",
        {"J.K. Exampleford", "A Sampleton", "R. T. Testwood"},
        set(),
    ),
    (
        "two_are_not_yet_a_list",
        "Item 4\nA Review and B Notes were tabled with the papers.\n",
        set(),
        {"A Review", "B Notes"},
    ),
]


@pytest.mark.parametrize(("text", "found", "absent"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_people_by_a_known_given_name(text, found, absent):
    got = names(text)
    found, absent = {person_key(n) for n in found}, {person_key(n) for n in absent}
    assert found <= got, f"missing {found - got}"
    assert not (absent & got), f"found {absent & got}"


def test_another_pass_keeps_the_post_it_read():
    """The pass runs last: a post read by another pass for the same person stays."""
    people = {p.name: p.post for p in run("News\nGary Exampleson, Director of Children's Services, said.\n").people}
    assert people == {"Gary Exampleson": "Director of Children's Services"}


def test_the_table_of_given_names_is_the_census_one():
    table = given_names()
    assert len(table) > 5000
    assert {"Gary", "Elizabeth", "Siobhan", "Megan"} <= table
    assert all(name[0].isupper() and name[1:].islower() and len(name) > 1 for name in table)


def test_the_table_is_rebuilt_by_its_script(tmp_path: Path):
    census = tmp_path / "census"
    census.mkdir()
    (census / "dist.male.first").write_text("JAMES 3.318 3.318 1\nJOHN 3.271 6.589 2\nX 0.001 6.590 3\n")
    (census / "dist.female.first").write_text("MARY 2.629 2.629 1\n\nANN 0.5 3.0 2\n")
    out = tmp_path / "given.txt"
    script = ROOT / "scripts" / "make_given_names.py"
    done = subprocess.run(
        [sys.executable, str(script), "--census", str(census), "--out", str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert [line for line in out.read_text().splitlines() if not line.startswith("#")] == [
        "Ann",
        "James",
        "John",
        "Mary",
    ]
    (census / "dist.female.first").write_text("MARY 2.629\n")
    bad = subprocess.run(
        [sys.executable, str(script), "--census", str(census), "--out", str(out)], capture_output=True, text=True
    )
    assert bad.returncode != 0 and "dist.female.first:1: not a census row" in bad.stderr
