"""Round 15 (issue 14, metamorphic "people"): names of other spellings and cultures read as the same names.

Classes the renaming of dev pages' people showed, fixed in general form:

- the capitalised particles of Irish and Scottish Gaelic surnames ("Ó", "Ní", "Mac Giolla") are particles, not words
  of the name, so a list item or a name of four words holds them ("Councillors D Mac Giolla Bhríde, J van der Berg
  and C Lefèvre");
- a surname may open with a lower-case particle after an honorific ("Councillor ap Dafydd, the Cabinet Member …");
- a hyphenated surname's last part is no surname of its own: "Councillor Smith" is not "Councillor D'Souza-Smith";
- a given name is evidence written with its accents ("Seán", "Chloé") and from outside the English census
  (``rules/given_names_world.txt``, built by ``scripts/make_world_given_names.py``).

All text is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caregraph.pipeline.extract.people_by_given_name import given_names, is_given_name

from .conftest import extract_text as run

ROOT = Path(__file__).resolve().parent.parent


def people(text: str) -> dict[str, str | None]:
    return {p.name: p.post for p in run(text).people}


def minutes(*lines: str) -> dict[str, str | None]:
    return people("Anyshire Council\nMinutes of the Corporate Parenting Panel\n\n" + "\n".join(lines) + "\n")


def news(*lines: str) -> dict[str, str | None]:
    text = "Anyshire Council news\n\n" + "\n".join(lines) + "\n"
    return {p.name: p.post for p in run(text, url="https://www.anyshire.gov.uk/news/1").people}


# ------------------------------------------------------------------------------ particles


def test_a_gaelic_particle_is_no_word_of_a_list_item():
    found = minutes(
        "Councillors D Mac Giolla Bhríde, J van der Berg and C Lefèvre have signed a requisition for a meeting."
    )
    assert set(found) == {"D Mac Giolla Bhríde", "J van der Berg", "C Lefèvre"}


def test_a_long_list_goes_on_after_a_gaelic_surname():
    found = minutes(
        "There voted for the motion: Councillors Example, N Sample, D Mac Giolla Bhríde, O'Tester, ap Dafydd, "
        "van der Berg, Al-Example and Sampleton ........ 8"
    )
    assert set(found) == {
        "Example",
        "N Sample",
        "D Mac Giolla Bhríde",
        "O'Tester",
        "ap Dafydd",
        "van der Berg",
        "Al-Example",
        "Sampleton",
    }


def test_a_four_word_name_with_a_gaelic_particle_is_whole():
    assert news("The council leader Dervla Mac Giolla Bhríde said she was disappointed by the grade.") == {
        "Dervla Mac Giolla Bhríde": "council leader"
    }


def test_a_lower_case_particle_may_open_a_surname_after_an_honorific():
    found = minutes("The Chair invited Councillor ap Dafydd, the Cabinet Member for Children, and Cllr van der Berg.")
    assert found == {"ap Dafydd": "Cabinet Member for Children", "van der Berg": None}


def test_the_names_of_the_issue_stay_right_in_a_list():
    found = minutes(
        "Apologies were received from Siobhán O’Brien, Seán Ó Dálaigh, Anne-Marie D'Souza-Smith and José Núñez-García."
    )
    assert set(found) == {"Siobhán O’Brien", "Seán Ó Dálaigh", "Anne-Marie D'Souza-Smith", "José Núñez-García"}


def test_attendees_with_particles_and_apostrophes():
    found = minutes("Present: Councillors Example, O’Sample, van der Berg and Ní Bhriain")
    assert set(found) == {"Example", "O’Sample", "van der Berg", "Ní Bhriain"}


def test_mac_alone_may_still_be_a_given_name():
    """A capitalised particle is one only after a name's first word: "Mac Example" keeps two words."""
    assert minutes("Councillor Mac Example, Chair of the Panel, welcomed everyone.") == {
        "Mac Example": "Chair of the Panel"
    }


# ------------------------------------------------------------------------------ hyphenated surnames


def test_a_hyphenated_surname_does_not_swallow_its_last_part():
    found = minutes("There voted against the motion: Councillors Abe, Example, Stokes and D’Souza-Example.")
    assert set(found) == {"Abe", "Example", "Stokes", "D’Souza-Example"}


def test_a_hyphenated_given_name_is_not_a_shorter_one():
    found = minutes("Anne-Marie Example, Head of Service, introduced the report. Marie Example, Team Manager, spoke.")
    assert found == {"Anne-Marie Example": "Head of Service", "Marie Example": "Team Manager"}


def test_a_hyphen_inside_a_given_name_parts_no_post_from_a_name():
    """Guard: "Chairman of Council, Councillor Anne-Marie Example" is not the post "…, Councillor Anne" of "Marie
    Example" (which the merging of "Marie Example" into "Anne-Marie Example" hid before)."""
    found = minutes("Chairman of Council, Councillor Anne-Marie Example, said: “I offer my apologies to the families.”")
    assert found == {"Anne-Marie Example": "Chairman of Council"}


def test_a_surname_alone_still_joins_the_full_name():
    """Negative: the plain case stays one person ("Councillor Example" is Jo Example's surname)."""
    found = minutes(
        "Councillor Jo Example, Cabinet Member for Children, presented the report. Councillor Example said."
    )
    assert found == {"Jo Example": "Cabinet Member for Children"}


# ------------------------------------------------------------------------------ given names


@pytest.mark.parametrize(
    "line",
    [
        "Staff including Seán Exampleton and Chloé Sampleford from the trust visited the centre in May.",
        "Staff including Zbigniew Exampleton and Ngozi Sampleford from the trust visited the centre in May.",
    ],
)
def test_given_names_of_other_spellings_and_countries_are_evidence(line):
    assert set(news(line)) == {line.split()[2] + " Exampleton", line.split()[5] + " Sampleford"}


def test_a_given_name_matches_with_or_without_its_accents():
    assert is_given_name("Seán") and is_given_name("Sean") and is_given_name("Chloé")
    assert {"Zbigniew", "Ngozi", "Joost", "Dervla", "Tomasz"} <= given_names()
    assert not is_given_name("Council") and not is_given_name("Forum")


def test_a_world_given_name_before_a_thing_is_no_person():
    """Negative: the given-name pass still wants a proper noun that stands alone ("the Ngozi Example Centre")."""
    assert news("The Ngozi Example Centre in Exampletown opened its doors to families in May.") == {}


def test_the_world_table_ships_with_its_credit():
    table = ROOT / "src" / "caregraph" / "rules" / "given_names_world.txt"
    header = [line for line in table.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    text = "\n".join(header)
    assert "faker" in text and "MIT" in text and "scripts/make_world_given_names.py" in text
    names = [line for line in table.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(names) > 5000 and all(n.isalpha() and n[0].isupper() and n[1:].islower() for n in names)


# ------------------------------------------------------------------------------ the rewrites of bench/metamorphic.py


@pytest.fixture(scope="module")
def metamorphic():
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("metamorphic_r15", ROOT / "bench" / "metamorphic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["metamorphic_r15"] = module
    spec.loader.exec_module(module)
    return module


def _page(metamorphic, text: str, gold: dict):
    base = {"council": "Anyshire Council", "meetings": [], "people": [], "inspections": [], "decisions": []}
    return metamorphic.Page("dev", "docs/x.txt", text, {}, {**base, "followups": [], **gold})


def test_a_renamed_body_keeps_its_head_word(metamorphic):
    """The text may call the body by its head word alone ("the Board's next meeting"): a board stays a board."""
    import random

    text = "Minutes of the Scrutiny Board held on 8 June 2022.\nThe Board's next meeting is on 7 September 2022.\n"
    gold = {"meetings": [{"body": "Scrutiny Board", "date": "2022-06-08", "item": None}]}
    for seed in range(8):
        new = metamorphic.bodies(_page(metamorphic, text, gold), random.Random(seed))
        body = new.gold["meetings"][0]["body"]
        assert body != "Scrutiny Board" and body.endswith("Board") and body in new.text


def test_a_body_inside_a_longer_name_is_not_renamed(metamorphic):
    import random

    text = "The Improvement Board met on 14 June 2017 and reported to the Children's Services Improvement Board.\n"
    gold = {"meetings": [{"body": "Improvement Board", "date": "2017-06-14", "item": None}]}
    new = metamorphic.bodies(_page(metamorphic, text, gold), random.Random(1))
    assert new.text == text


def test_a_renamed_person_is_renamed_in_every_form(metamorphic):
    """Possessives, a lower-case honorific and a knight's given name are the same person's name."""
    import random

    text = "Sir Stuart Example spoke. Mr Example’s knighthood was praised; councillor Example and Sir Stuart agreed.\n"
    gold = {"people": [{"name": "Stuart Example", "post": None}]}
    new = metamorphic.people(_page(metamorphic, text, gold), random.Random(3))
    assert "Example" not in new.text and "Stuart" not in new.text
    given, surname = new.gold["people"][0]["name"].split(" ", 1)
    assert new.text.count(surname) == 3 and f"Sir {given} agreed" in new.text
