"""People in the layouts and wordings round 6 generalised, each on made-up council-paper text in several wordings:
a lower-case title after an article or "His Majesty's", with an acronym or a subject list before the name; sign-off
labels, bylines with a date slot and picture credits; a name that "who" takes up; an agent after "by" or "from"; a verb in the past tense after a name; the second of a pair after a verb that takes people;
a plural title of any post before a pair; a body in brackets that opens with its head word; letters after a name
in a list; lower-case modifiers of a post in apposition; a clause's subject after "and"; words after "the"."""

from __future__ import annotations

import pytest

from .conftest import extract_text as run


def people(text: str) -> dict[str, str | None]:
    return {p.name: p.post for p in run(text).people}


# (id, text, people expected among those found, names that must not be found)
CASES = [
    # a lower-case title after "the": the name follows at once
    (
        "title_after_the_secretary",
        "News\nThe secretary of state for education Ann Example has appointed a new board.\n",
        {"Ann Example": "secretary of state for education"},
        [],
    ),
    (
        "title_after_the_director",
        "News\nLast week the director of public health Kit Sample told the panel that rates fell.\n",
        {"Kit Sample": "director of public health"},
        [],
    ),
    (
        "title_after_the_lay_words_stay_apart",
        "News\nA member of the public, Jo Person, said it was poor.\n",
        {"Jo Person": None},
        [],
    ),
    # "His/Her Majesty's" is part of the title, not a pronoun
    (
        "majestys_inspector_found",
        "News\nHis Majesty's inspector Sam Tester found that progress was slow.\n",
        {"Sam Tester": "His Majesty's inspector"},
        [],
    ),
    (
        "majestys_inspector_mid_sentence",
        "News\nThe letter says Her Majesty’s inspector Lou Example met care leavers.\n",
        {"Lou Example": "Her Majesty’s inspector"},
        [],
    ),
    # an acronym in brackets after the title; "new" says when, not what
    (
        "acronym_after_title",
        "News\nThe arrival of new director of children’s services (DCS) Ria Sample in 2021 helped.\n",
        {"Ria Sample": "director of children’s services"},  # round 20: the post's own abbreviation is no part of it
        [],
    ),
    (
        "acronym_after_title_said",
        "News\nInterim head of service (HOS) Ted Example said the figures were encouraging.\n",
        {"Ted Example": "Interim head of service"},  # round 20: the post's own abbreviation is no part of it
        [],
    ),
    # a list of subjects closed by "and", the name after it with no comma
    (
        "subject_list_then_name",
        "News\nThe county's cabinet member for children, families and education Bea Person said it was good.\n",
        {"Bea Person": "cabinet member for children, families and education"},
        [],
    ),
    (
        "subject_list_then_name_housing",
        "News\nCabinet member for housing, planning and transport Cal Tester opened the depot.\n",
        {"Cal Tester": "Cabinet member for housing, planning and transport"},
        [],
    ),
    # sign-off labels: a post labelling the name after the label
    (
        "authorised_by_post_then_name",
        "Report title: Improvement plan\nReport authorised by: Corporate Director of People: Dee Example\n",
        {"Dee Example": "Corporate Director of People"},
        [],
    ),
    (
        "approved_by_name",
        "Report title: Budget\nApproved by: Eli Sample, Head of Finance\n",
        {"Eli Sample": "Head of Finance"},
        [],
    ),
    (
        "contact_for_enquiries",
        "Contact for further information: Fay Tester, Quality Assurance Team, 01234 567890\n",
        {"Fay Tester": None},
        [],
    ),
    (
        "contact_names_then_post_stay",
        "Contact: Gil Example/Hal Sample, Democratic Support Officer  Tel: 01234 567890\n",
        {"Gil Example": "Democratic Support Officer", "Hal Sample": "Democratic Support Officer"},
        [],
    ),
    # bylines with an empty or filled date slot; picture credits; agencies are no one
    (
        "posted_on_by_empty",
        "Good news for care leavers\nPosted on by Ivy Person\nThe service was praised.\n",
        {"Ivy Person": None},
        [],
    ),
    (
        "posted_on_date_by",
        "Rating confirmed\nPublished on 4 May 2023 by Jay Tester\nInspectors praised the front door.\n",
        {"Jay Tester": None},
        [],
    ),
    (
        "picture_credits",
        "The leader said it was good.\nImage source, Kay Example\nImage caption,\nPhoto: Getty Images\n"
        "Picture: PA Media\nPhoto credit: Anyshire Council\n",
        {"Kay Example": None},
        ["Getty Images", "PA Media"],
    ),
    # "who" takes up a person
    (
        "who_after_name",
        "News\nThe review followed the death of Leo Sample, who was two years old.\n",
        {"Leo Sample": None},
        [],
    ),
    (
        "who_clause_then_said_after_comma",
        "News\nIn her letter, Mia Tester, who led the visit, said leaders knew their services well.\n",
        {"Mia Tester": None},
        [],
    ),
    (
        "who_after_a_body_is_no_one",
        "News\nThanks went to the Youth Offending Service, who hosted it, and to Anyshire Council, who paid.\n",
        {},
        ["Youth Offending Service", "Anyshire Council"],
    ),
    # an agent after "by" or "from", a preposition after the name
    (
        "written_by_into",
        "Minutes\nMembers discussed the review written by Ned Example into safeguarding boards.\n",
        {"Ned Example": None},
        [],
    ),
    (
        "led_by_in_year",
        "Minutes\nThe audit was led by Ola Sample in 2022 and found gaps.\n",
        {"Ola Sample": None},
        [],
    ),
    (
        "article_from_name",
        "Letters\nYou carried a detailed article from Pam Tester, recording the improvement journey.\n",
        {"Pam Tester": None},
        [],
    ),
    (
        "contact_name_via",
        "If you want to discuss the visit please contact Quin Example via the project manager.\n",
        {"Quin Example": None},
        [],
    ),
    (
        "contact_a_body_is_no_one",
        "Please contact Anyshire Family Hub by email or contact Democratic Services on 01234 567890.\n",
        {},
        ["Anyshire Family Hub", "Democratic Services"],
    ),
    # a plural title of any post before a pair
    (
        "appointed_members_pair",
        "Minutes\nThe apologies of Appointed Members Ray Sample and Sue Tester were noted.\n",
        {"Ray Sample": "Appointed Member", "Sue Tester": "Appointed Member"},
        [],
    ),
    (
        "parent_governors_pair",
        "Minutes\nParent governors Tim Example and Una Sample attended the panel.\n",
        {"Tim Example": "Parent governor", "Una Sample": "Parent governor"},
        [],
    ),
    (
        "plural_title_before_bodies_is_no_pair",
        "Minutes\nOther members Anyshire Youth and Children Board agreed.\n",
        {},
        ["Anyshire Youth"],
    ),
    # a body in brackets that opens with its head word before "of"
    (
        "bracket_diocese_of",
        "Minutes\nApologies were received from Vic Example (Diocese of Anyshire).\n",
        {"Vic Example": None},
        [],
    ),
    (
        "bracket_department_for",
        "Minutes\nThe visit was attended by Wyn Sample (Department for Education) and others.\n",
        {"Wyn Sample": None},
        [],
    ),
    (
        "bracket_place_is_no_one",
        "Minutes\nThe depot at Anyshire Road (Borough of Exampleton) was closed.\n",
        {},
        ["Anyshire Road"],
    ),
    # letters after a name in a list are no post of the name before
    (
        "mp_in_a_list",
        "News\nIn a letter to Mayor Xan Example, Yve Sample MP. Minister for Children, said it was good.\n",
        {"Xan Example": "Mayor", "Yve Sample": "MP"},
        [],
    ),
    (
        "mep_in_apposition",
        "News\nCouncillor Zac Tester, Abe Example MEP, wrote to the minister.\n",
        {"Zac Tester": None, "Abe Example": "MEP"},
        [],
    ),
    # lower-case modifiers of a post in apposition
    (
        "registered_manager_apposition",
        "News\nBev Sample, Anyshire Council's registered manager, received the rating.\n",
        {"Bev Sample": "registered manager"},
        [],
    ),
    (
        "team_manager_apposition",
        "News\nCy Example, team manager, received the award.\n",
        {"Cy Example": "team manager"},
        [],
    ),
    (
        "service_manager_apposition",
        "News\nDot Tester, the council's service manager for fostering, said it was good.\n",
        {"Dot Tester": "service manager for fostering"},
        [],
    ),
    # the subject of a clause after "and"
    (
        "and_name_has_joined",
        "News\nAl Sample has been appointed interim director and Ed Example has joined as head of service.\n",
        {"Ed Example": "head of service"},  # round 8: "has joined as" gives the post (ANNOTATION; dev gold r1303)
        [],
    ),
    (
        "and_name_has_retired",
        "News\nThe team grew and Flo Tester has retired from the service.\n",
        {"Flo Tester": None},
        [],
    ),
    (
        "and_bodies_are_no_one",
        "News\nHealth and Social Care has joined the hub and Early Help has been moved to it.\n",
        {},
        ["Early Help", "Social Care"],
    ),
    # a name opening a sentence or clause before a verb in the past tense
    (
        "past_tense_stepped_down",
        "News\nGus Sample stepped down in March after six years.\n",
        {"Gus Sample": None},
        [],
    ),
    (
        "past_tense_after_a_clause",
        "News\nIn 2020, Hana Tester retired and the team became smaller.\n",
        {"Hana Tester": None},
        [],
    ),
    (
        "past_tense_was_praised",
        "News\nIda Example was praised by inspectors in June.\n",
        {"Ida Example": None},
        [],
    ),
    (
        "past_tense_bodies_are_no_one",
        "News\nAnyshire Council agreed the plan. North Yorkshire improved. Early Help expanded. Family Hubs opened.\n",
        {},
        ["Anyshire Council", "North Yorkshire", "Early Help", "Family Hubs"],
    ),
    (
        "present_tense_in_a_sentence",
        "News\nIn the essay collection Shining Light, Nia Sample offers advice on moving on.\n",
        {"Nia Sample": None},
        [],
    ),
    (
        "present_tense_heading_is_no_one",
        "News\nAnyshire Market Hall events for summer\nThe hall reopens in June.\n",
        {},
        ["Anyshire Market Hall", "Market Hall"],
    ),
    (
        "present_tense_plural_noun_is_no_one",
        "News\nCare Leavers and Smart Cities partners were invited. Bright Homes residents are happy.\n",
        {},
        ["Smart Cities", "Bright Homes"],
    ),
    # the agent of any verb in "-ed" after "by"; "according to", "thanks to", "replacing"
    (
        "answered_by",
        "Minutes\nQuestions were asked by Councillor Smith and answered by Jan Sample.\n",
        {"Jan Sample": None, "Smith": None},
        [],
    ),
    (
        "according_to",
        "News\nAccording to Kim Tester, the service has improved.\n",
        {"Kim Tester": None},
        [],
    ),
    (
        "thanks_to_and_replacing",
        "News\nThanks to Lyn Example for the work. The council is replacing Max Sample with an interim.\n",
        {"Lyn Example": None, "Max Sample": None},
        [],
    ),
    (
        "agent_bodies_are_no_one",
        "News\nIt was funded by Anyshire Community Foundation, backed by North Yorkshire and inspected by HM "
        "Inspectorate of Probation.\n",
        {},
        ["Anyshire Community Foundation", "North Yorkshire", "HM Inspectorate"],
    ),
    # the second of a pair after a verb that takes people
    (
        "thanked_a_pair",
        "Minutes\nMembers thanked Ann Example and Bo Sample for the report.\n",
        {"Ann Example": None, "Bo Sample": None},
        [],
    ),
    (
        "presented_by_a_pair",
        "Minutes\nThe report was presented by Cal Tester and Di Example.\n",
        {"Cal Tester": None, "Di Example": None},
        [],
    ),
    (
        "pair_with_a_body_is_one",
        "Minutes\nMembers thanked Eve Sample and Children's Services, and the report was presented by Fin Tester "
        "and North Yorkshire Council.\n",
        {"Eve Sample": None, "Fin Tester": None},
        ["North Yorkshire Council", "North Yorkshire"],
    ),
    # capitalised words after "the" name a thing
    (
        "the_period_is_no_one",
        "Minutes\nIt could not be published during the Pre-Election Period, the Cabinet Member said.\n",
        {},
        ["Pre-Election Period"],
    ),
    (
        "the_programme_is_no_one",
        "Minutes\nWork under the Bright Start Scheme, the Director said, went well.\n",
        {},
        ["Bright Start Scheme", "Bright Start"],
    ),
]


@pytest.mark.parametrize(("text", "expected", "absent"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_people_round6(text: str, expected: dict[str, str | None], absent: list[str]) -> None:
    found = people(text)
    for name, post in expected.items():
        assert name in found, f"{name} not found in {found}"
        assert found[name] == post
    for name in absent:
        assert name not in found
