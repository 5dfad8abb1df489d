"""Round 12: people's posts (made-up news and minutes text).

A bracketed acronym that ends a person's post is part of it when it is a body's (round 20: the post's own
abbreviation is not); a post set off with "the" after one name and before a
second is the second's; two titles joined by "and", each before its holder's name; a caption run into its copy
("…ServicesJo Example, …"); a lone "director" before a name opening a clause or after a modifier opening the
sentence.
"""

from __future__ import annotations

import pytest

from .conftest import extract_text
from .conftest import news_people as _people


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "The Chair welcomed Kit Example, Chair, Anyshire Safeguarding Children Partnership (ASCP), to present"
            " the annual report.",
            "Kit Example",
            "Chair, Anyshire Safeguarding Children Partnership (ASCP)",
        ),
    ],
)
def test_a_bracketed_acronym_ending_a_persons_post_is_kept(text, name, post):
    assert _people(text).get(name) == post


def test_the_posts_own_abbreviation_ending_it_is_not_kept():
    # round 20: letters that abbreviate the post itself are no part of its title (ANNOTATION.md: "the role or job
    # title the text gives them"; the dev gold writes this very sentence both ways, on two pages)
    text = (
        "The council appointed a permanent Director of Children’s Services (DCS), Mira Sample OBE, who started in May."
    )
    assert _people(text).get("Mira Sample") == "Director of Children’s Services"


def test_a_post_set_off_between_two_names_is_the_second_ones():
    people = _people(
        "Council leader Jo Example welcomed the letter.\n\nIn a letter to council leader Jo Example, the Minister"
        " for Children and Families, Sam Tester MP, described the judgement as a credit to staff."
    )
    assert (people.get("Jo Example") or "").lower() == "council leader"
    assert people.get("Sam Tester") == "Minister for Children and Families"


def test_a_post_set_off_with_the_after_a_name_stays_that_names():
    people = _people("Councillor Jo Example, the Cabinet Member for Children, said the report was welcome.")
    assert people.get("Jo Example") == "Cabinet Member for Children"


def test_two_titles_joined_by_and_are_each_their_holders():
    people = _people(
        "The last inspection ended with Chief Executive Sandra Example and Council leader Peter Sample resigning."
    )
    assert people.get("Peter Sample") == "Council leader"
    assert people.get("Sandra Example") == "Chief Executive"


def test_a_joined_title_with_no_name_between_stays_whole():
    people = _people("The report was presented by Deputy Leader and Cabinet Member for Children Peter Sample today.")
    assert people.get("Peter Sample", "").endswith("Cabinet Member for Children")
    assert "Peter" not in (people.get("Peter Sample") or "")[:-5]


def test_a_caption_run_into_its_copy_ends_the_post_before_the_name():
    people = _people(
        "Picture: Jo Example, cabinet member for children's servicesJo Example, cabinet member for children's"
        " services\n\nJo Example said the council would act on the findings."
    )
    assert people.get("Jo Example") == "cabinet member for children's services"


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        (
            "Ofsted named three areas to improve but director Carol Example said the service was in a far better"
            " place.",
            "Carol Example",
            "director",
        ),
        (
            "The company was set up in 2016. Previous director Stephen Sample resigned two months after it launched.",
            "Stephen Sample",
            "Previous director",
        ),
    ],
)
def test_a_lone_director_before_a_name_opening_a_clause(text, name, post):
    assert _people(text).get(name) == post


@pytest.mark.parametrize(
    "text",
    [
        "The report of the director Carol Example was noted.",
        "She met the director and Carol Example afterwards.",
    ],
)
def test_a_lone_director_inside_a_clause_is_no_post(text):
    assert _people(text).get("Carol Example") is None


def test_a_councils_acronym_after_a_post_is_the_councils():
    text = (
        "Council news\n\nJo Example, Leader of North Anyshire Council (NAC), said the report was welcome.\n"
        "Sam Sample, Chair, Local Safeguarding Children Board (LSCB), said more was needed.\n"
    )
    posts = {p.name: p.post for p in extract_text(text).people}
    assert posts["Jo Example"] is not None and "(NAC)" not in posts["Jo Example"]
    assert posts["Sam Sample"] is not None and posts["Sam Sample"].endswith("(LSCB)")
