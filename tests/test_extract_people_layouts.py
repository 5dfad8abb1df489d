"""People and their posts in the layouts and wordings of councils the corpus lacks (issue 14, P1–P7): tables
flattened into cells or one cell per line, signatures, attendance blocks, posts as field labels, bylines, titles
written before a name as news copy does, lower-case posts with lists of subjects, brackets between a name and its
verb or post. Every page is made up ("Anyshire", "Jane Example"); each case states who a careful reader finds, and
with which post, as ANNOTATION.md asks (the post as the text gives it)."""

from __future__ import annotations

import pytest

from caregraph.pipeline.extract.doc import Doc
from caregraph.pipeline.extract.people import find_people
from caregraph.pipeline.segment import segment
from caregraph.records import PersonRecord, SourceDocument


def people_of(text: str) -> list[PersonRecord]:
    """The people finder on ``text`` as a plain-text document (the other finders are not run)."""
    return find_people(Doc(segment(SourceDocument("x.txt", text, "0", "txt", len(text)))))[0]


CASES = [
    # flattened tables: cells apart by tabs or bars, a status column, a header row
    (
        "tab_table",
        "Attendance details\nAttendee\tRole\tAttendance\nCouncillor Jane Example\tChair\tPresent\n"
        "Councillor Tom Sample\tVice-Chair\tApologies\nSarah Person\tDirector of Children's Services\tIn attendance\n",
        {"Jane Example": "Chair", "Tom Sample": "Vice-Chair", "Sarah Person": "Director of Children's Services"},
    ),
    (
        "bar_table",
        "Attendance\nName | Role | Present\nCllr Jane Example | Chair | Yes\nCllr Tom Sample | Member | Apologies\n"
        "Ann Person | Operational Director, Children's Services | Yes\n",
        {"Jane Example": "Chair", "Tom Sample": None, "Ann Person": "Operational Director, Children's Services"},
    ),
    (
        "two_labelled_cells_on_a_line",
        "Committee details\nChairman: Councillor Ann Example   Vice-Chairman: Councillor Bob Sample\n",
        {"Ann Example": "Chairman", "Bob Sample": "Vice-Chairman"},
    ),
    # one cell per line, name first or post first; a signature
    (
        "name_then_post_lines",
        "Cabinet members\nCouncillor Tom Sample\nCabinet Member for Children and Families\n\nCouncillor Ann Person\n"
        "Cabinet Member for Adult Social Care\n",
        {
            "Tom Sample": "Cabinet Member for Children and Families",
            "Ann Person": "Cabinet Member for Adult Social Care",
        },
    ),
    (
        "post_then_name_lines",
        "Who we are\nDirector of Children's Services\nJane Example\nHead of Early Help\nTom Sample\n",
        {"Jane Example": "Director of Children's Services", "Tom Sample": "Head of Early Help"},
    ),
    (
        "signature",
        "Yours sincerely\n\nJane Example\nHer Majesty's Inspector\n",
        {"Jane Example": "Her Majesty's Inspector"},
    ),
    (
        "report_author_block",
        "Report author\nJane Example\nHead of Quality Assurance\nTel: 01234 567890\n",
        {"Jane Example": "Head of Quality Assurance"},
    ),
    # a heading over a list of people, one to a line
    (
        "officers_block",
        "Officers present:\nJane Example, Director of Children's Services\nTom Sample, Head of Early Help\n"
        "Ann Person, Democratic Services\n",
        {"Jane Example": "Director of Children's Services", "Tom Sample": "Head of Early Help", "Ann Person": None},
    ),
    (
        "dash_rows_with_an_organisation",
        "Co-opted members\nMr A Sample – Church Representative (Catholic)\nMrs B Example – Parent Governor "
        "Representative\nMs C Person – Anyshire Youth Voice\n",
        {
            "A Sample": "Church Representative (Catholic)",
            "B Example": "Parent Governor Representative",
            "C Person": "Anyshire Youth Voice",
        },
    ),
    # a post as the label of a line
    (
        "post_labels",
        "Issue details\nChair: Councillor Jane Example\nVice-Chair: Councillor Tom Sample\n"
        "Director of Public Health: Ann Person\nLead officer: Kim Other\n",
        {
            "Jane Example": "Chair",
            "Tom Sample": "Vice-Chair",
            "Ann Person": "Director of Public Health",
            "Kim Other": None,
        },
    ),
    # news bylines
    (
        "bylines",
        "News\nBy Hannah Example, Local Democracy Reporter\n\nThursday 11 January 2024\n",
        {"Hannah Example": "Local Democracy Reporter"},
    ),
    (
        "byline_post_below",
        "News\nBy Deb Sample\nSenior Reporter\n06:00, 21 SEP 2018\n",
        {"Deb Sample": "Senior Reporter"},
    ),
    ("byline_not_a_name", "News\nBy March 2024 the council will publish its plan.\n", {}),
    # titles written before a name
    (
        "news_titles_before_names",
        "News\nShe will replace interim director Gerald Sample, who has led the department.\n"
        "Corporate director Ana Example said the council would act.\n"
        "Council leader Sir Alan Person is expected to speak.\n"
        "Strategic director for children’s services Bea Tester said a plan would follow.\n"
        "The review, led by DfE adviser Dr Nia Other, found progress.\n",
        {
            "Gerald Sample": "interim director",
            "Ana Example": "Corporate director",
            "Alan Person": "Council leader",
            "Bea Tester": "Strategic director for children’s services",
            "Nia Other": "DfE adviser",
        },
    ),
    (
        "body_then_lower_head",
        "News\nChildren and Young People Select Committee chair, Cllr Piotr Example, welcomed the report.\n"
        "City Mayor Ruairí Sample said the council accepted the findings.\n",
        {"Piotr Example": "Children and Young People Select Committee chair", "Ruairí Sample": "City Mayor"},
    ),
    (
        "calendar_word_is_no_title",
        "News\nIn January director Jane Example visited. Jane Example, a social worker, said work went on.\n",
        {"Jane Example": "social worker"},
    ),
    # lower-case posts with a list of subjects, before and after the name
    (
        "lower_case_subject_lists",
        "Minutes:\nThe cabinet member for children, education and refugees, Councillor Yewande Example, introduced "
        "the report.\nCouncillor Bilal Sample, executive member for children, young people and education, said the "
        "staff had worked hard.\n",
        {
            "Yewande Example": "cabinet member for children, education and refugees",
            "Bilal Sample": "executive member for children, young people and education",
        },
    ),
    (
        "lower_case_body_of_a_post",
        "News\nThe chair of the council’s children, young people and skills committee, Councillor Tom Sample, said: "
        "“We must do more.”\n",
        {"Tom Sample": "chair of the council’s children, young people and skills committee"},
    ),
    # brackets between a name and its post or verb; a post before a bracketed holder
    (
        "brackets",
        "Minutes:\nCllr Jane Example (Lab), Cabinet Member for Children, spoke first. Present: Jo Sample (JS) – Head "
        "of Service; Kit Person (KP) – Team Manager. The Director of Public Health (Ann Tester) introduced the "
        "report. The Cabinet Member for Children, Families & Education (Councillor Wendy Tester) replied.\n",
        {
            "Jane Example": "Cabinet Member for Children",
            "Jo Sample": "Head of Service",
            "Kit Person": "Team Manager",
            "Ann Tester": "Director of Public Health",
            "Wendy Tester": "Cabinet Member for Children, Families & Education",
        },
    ),
    (
        "capitalised_subject_list_then_holder",
        "Minutes:\nThe Strategic Director, Social Care and Education, Olu Example, reported on the inspection of the "
        "local area partnership for children with special educational needs, which took place in 2024. The "
        "Assistant Director, Children’s Social Care, Ms Ada Sample, introduced the report.\n",
        {
            "Olu Example": "Strategic Director, Social Care and Education",
            "Ada Sample": "Assistant Director, Children’s Social Care",
        },
    ),
    # role nouns beyond directors and managers; acronyms after a modifier
    (
        "role_nouns",
        "Minutes:\nKim Sample, Principal Educational Psychologist, and Lee Tester, Finance Business Partner, "
        "attended. Dawn Person, Deputy RHM Anytown House, sent apologies. Jo Other, Interim DCS, reported. "
        "Chief Superintendent Ann Example, Area Commander for Anytown, spoke.\n",
        {
            "Kim Sample": "Principal Educational Psychologist",
            "Lee Tester": "Finance Business Partner",
            "Dawn Person": "Deputy RHM Anytown House",
            "Jo Other": "Interim DCS",
            "Ann Example": "Area Commander for Anytown",
        },
    ),
    # predicates
    (
        "predicates",
        "News\nJo Example, who is the council's director of children's services, said work goes on. The council "
        "has appointed Kit Sample as its new Director of Education. Ann Person OBE, who starts as Director of "
        "Children’s Services in January, spoke. Anyshire picked Lou Tester to be its next Chief Executive.\n",
        {
            "Jo Example": "director of children's services",
            "Kit Sample": "Director of Education",
            "Ann Person": "Director of Children’s Services",
            "Lou Tester": "Chief Executive",
        },
    ),
    (
        "chair_for_one_meeting_is_no_post",
        "Minutes:\nRESOLVED – In view of the Chair’s absence, to elect Councillor Sam Example as chair for this "
        "meeting only.\n",
        {"Sam Example": None},
    ),
    # one-word offices before a holder; two honorifics; a clause before a verb of speech
    (
        "offices_and_honorifics",
        "Minutes:\nThe Chair, Councillor Jane Example, welcomed everyone. Our Chief Executive, Dr Kit Sample, "
        "agreed. Present: Councillor Mrs Ann Person (Chairman), Councillor Dr Tom Other. Jo Tester, who leads the "
        "service, said little. Present: Cllr Lee Person MBE (in the Chair).\n",
        {
            "Jane Example": "Chair",
            "Kit Sample": "Chief Executive",
            "Ann Person": "Chairman",
            "Tom Other": None,
            "Jo Tester": None,
            "Lee Person": None,
        },
    ),
    # report front sheets: a name label with the post labelled below it; a list after "Councillors present:"
    (
        "front_sheet_labels",
        "Report front sheet\nName: Jane Example\nJob title: Head of Service, Children in Care\nTel: 01234 567890\n"
        "Officer Contact: Tom Sample\nDesignation: Head of Early Help\n",
        {"Jane Example": "Head of Service, Children in Care", "Tom Sample": "Head of Early Help"},
    ),
    (
        "councillors_present",
        "Minutes\nCouncillors present: Smith (Chair), Jones, Brown and Patel\nIt was noted that Jenny Example was "
        "attending on behalf of Rebecca Sample. Mr T Tester, Co-opted Member (Roman Catholic Diocese), asked a "
        "question.\n",
        {
            "Smith": "Chair",
            "Jones": None,
            "Brown": None,
            "Patel": None,
            "Jenny Example": None,
            "Rebecca Sample": None,
            "T Tester": "Co-opted Member (Roman Catholic Diocese)",
        },
    ),
    # a former post is not the post: "former" stays in the title; "new" does not change it
    (
        "former_posts",
        "News\nThe Chair paid tribute to the former Director of Children’s Services, Alison Example, who retired. "
        "Jo Sample, the former Chief Executive, spoke. Kit Tester, the new Director of Children’s Services, began.\n",
        {
            "Alison Example": "former Director of Children’s Services",
            "Jo Sample": "former Chief Executive",
            "Kit Tester": "Director of Children’s Services",
        },
    ),
    # bare names in minutes' prose: a pair in apposition, after "heard from", "conveyed to"; a one-word post with its
    # holder in brackets
    (
        "names_in_minutes_prose",
        "Minutes\nTwo members of the Children in Care Council, Jane Example and Tom Sample, presented their report. "
        "The Panel heard from Ann Person, a care leaver, about her experiences. The thanks of the Committee be "
        "conveyed to Kit Tester for her work. In response, the Director (Lee Sample) said the plan was on track.\n",
        {"Jane Example": None, "Tom Sample": None, "Ann Person": None, "Kit Tester": None, "Lee Sample": "Director"},
    ),
    # news copy: a title whose subject names a region, a capitalised head with a lower-case subject, a speaker's age
    (
        "news_copy_titles",
        "News\nOfsted’s regional director for the North West, Jane Example, said the council had improved.\n"
        "Head of children’s social care Tom Sample said staff had worked hard.\n"
        'Ann Person, 45, from Anytown, said: "The support was great."\n',
        {
            "Jane Example": "Ofsted’s regional director for the North West",
            "Tom Sample": "Head of children’s social care",
            "Ann Person": None,
        },
    ),
    # months that are first names; a head word inside a hyphenated word is no name's
    (
        "month_first_names",
        "Minutes:\nThe Board, chaired by Jan Example-Sample, met in May. June Tester attended.\n",
        {"Jan Example-Sample": None, "June Tester": None},
    ),
    # a lower-case title right before a name is evidence of the name whatever word follows it; "the appointment of
    # … X as its chief executive" gives X the post the sentence appoints them to
    (
        "lower_title_then_name_then_any_word",
        "News\nThe report was overshadowed by acting chief executive Nia Example resigning a week later. The trust "
        "then confirmed the appointment of former Anyshire director of children's services Tom Sample as its chief "
        "executive.\n",
        {"Nia Example": "acting chief executive", "Tom Sample": "chief executive"},
    ),
    (
        "capitalised_title_then_name_then_any_word",
        "News\nThe service was led by then Director of Children's Services Jo Example until 2019. The council "
        "confirmed the appointment of Kit Sample as the council's new director of children's services. A new "
        "interim director of children's services, Lee Person, will start in May.\n",
        {
            "Jo Example": "Director of Children's Services",
            "Kit Sample": "director of children's services",
            "Lee Person": "interim director of children's services",
        },
    ),
    # "a"/"an" before a lower-case title, its holder after a comma; a name of three words
    (
        "article_title_comma_name",
        "News\nThe director has stood down and is replaced for now by an acting strategic director, Ann Lee Person.\n",
        {"Ann Lee Person": "acting strategic director"},
    ),
    # letters after a name are a post before it ("Conservative MP Sam Sample"); a name after an honorific is no
    # modifier of the next person's post
    (
        "mp_and_coopted_member_after_a_name",
        "Minutes\nConservative MP Sam Sample has written to the minister. Councillor Example and Co-opted Member "
        "Mr Tester submitted their apologies.\n",
        {"Sam Sample": "Conservative MP", "Example": None, "Tester": "Co-opted Member"},
    ),
    # a place's name with "upon" inside a post; a post between a name and its verb without a comma; "ex-"
    (
        "post_shapes_after_and_before_names",
        "News\nInterim Director of Children’s Services for Anyton upon Avon, Jo Sample said: “We are proud.”\n"
        "Pat Example Executive Director Children's Services gave a presentation to the Panel.\n"
        "Members will be asked to approve Lyn Tester, ex-Director of Children’s Services and author of two books on "
        "practice, as chair of the Board.\nKim Person, Director of Children's Services and deputy chief executive, "
        "said so.\n",
        {
            "Jo Sample": "Interim Director of Children’s Services for Anyton upon Avon",
            "Pat Example": "Executive Director Children's Services",
            "Lyn Tester": "ex-Director of Children’s Services",
            "Kim Person": "Director of Children's Services and deputy chief executive",
        },
    ),
    # a surname with an honorific is the person the page names in full once ("Mr Example" after "Edward Example")
    (
        "surname_takes_the_full_name",
        "News\nSchools envoy Edward Example praised the staff. Mr Example said more work was needed.\n",
        {"Edward Example": None},
    ),
    # a chair appointed for the meeting is given the role; "for this meeting only" says no post is held
    (
        "chair_of_this_meeting",
        "Minutes\nIn the absence of Councillor Brown, it was agreed that Councillor Tester be appointed as Chair of "
        "this meeting.\nRESOLVED – to elect Councillor Sample as chair for this meeting only.\n",
        {"Brown": None, "Tester": "Chair", "Sample": None},
    ),
    # the area a post is for after a colon, before a contact field
    (
        "post_area_after_a_colon",
        "Report\nContact: Sam Tester, Strategic Lead: Youth Tel: 01234 567890\n",
        {"Sam Tester": "Strategic Lead: Youth"},
    ),
    # questions and answers minuted one speaker to a line: a bare name among speakers named by post or honorific
    (
        "speaker_rows",
        "Minutes\nThe questions from the Panel were as follows:\n·  Ann Example – Is the plan shared with schools and "
        "health partners?\no  DCS – The plan is shared with all partners through the board.\n·  Cllr B Tester – I "
        "welcome the plan and the focus on recruitment of staff.\n",
        {"Ann Example": None, "B Tester": None},
    ),
    # a speaker after an opening phrase and a comma
    (
        "speaker_after_a_comma",
        "News\nSpeaking after the meeting, Jo Example said the council was pleased.\n",
        {"Jo Example": None},
    ),
]


@pytest.mark.parametrize(("text", "people"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_people_and_posts_in_varied_layouts(text, people):
    assert {p.name: p.post for p in people_of(text)} == people


def test_a_body_named_with_the_post_stays_in_it_as_written():
    """The post is the title the text gives: a council named before the head or after "at" stays in it (the body
    is recorded too); a possessive council before the post is the body, not the title."""
    found = people_of(
        "News\nCouncillor Kevin Example, Essex County Council Leader, added his thanks. Cllr Barbara Sample, cabinet "
        "member for children and families at Cornwall Council, said: “We are pleased.” Jo Person, Cornwall "
        "Council’s Director of Children’s Services, agreed.\n"
    )
    assert {p.name: (p.post, p.organisation) for p in found} == {
        "Kevin Example": ("Essex County Council Leader", "Essex County Council"),
        "Barbara Sample": ("cabinet member for children and families at Cornwall Council", "Cornwall Council"),
        "Jo Person": ("Director of Children’s Services", "Cornwall Council"),
    }


def test_the_possessive_of_another_body_after_the_is_its_body():
    """ "the Integrated Care Board’s Director of Nursing": the post is "Director of Nursing" of that body; a
    possessive without "the" ("Ofsted’s National Director …") is part of the title as written."""
    found = people_of(
        "News\nDr Emeka Example, the Integrated Care Board’s Director of Nursing, said colleagues would help. Yvette "
        "Sample, Ofsted’s National Director for Social Care, said: “Good.”\n"
    )
    assert {p.name: (p.post, p.organisation) for p in found} == {
        "Emeka Example": ("Director of Nursing", "Integrated Care Board"),
        "Yvette Sample": ("Ofsted’s National Director for Social Care", "Ofsted"),
    }


def test_people_named_as_objects_of_verbs_of_thanks_and_invitation():
    """ "The Board thanked Jane Example", "invited Ann Person to present": people; a place written like a name
    ("thanked Hazel Lodge", a children's home) is not, nor is a party or committee membership a post."""
    found = people_of(
        "Minutes:\nThe Board thanked Jane Example for her work. Members congratulated Tom Sample and the team. The "
        "Chair invited Ann Person to present. Residents thanked Hazel Lodge for the help. Labour member Kit Tester "
        "asked about costs. Panel member Jo Sampleton agreed.\n"
    )
    assert {p.name: p.post for p in found} == {
        "Jane Example": None,
        "Tom Sample": None,
        "Ann Person": None,
        "Kit Tester": None,
        "Jo Sampleton": None,
    }


def test_national_offices_are_not_the_publishers_posts():
    """A minister's, an inspectorate's or a national commissioner's post is read whole, and its body is the one
    its title names (not the publishing council); subject words before a head belong to the title."""
    found = people_of(
        "News\nIsabelle Person, the Chief Social Worker for England, spoke. Schools Minister Nick Tester wrote. "
        "Children's Minister Will Sample visited the centre. Amanda Example, His Majesty's Chief Inspector, said so. "
        "Dame Rachel Sample, the Children's Commissioner for England, agreed.\n"
    )
    assert {p.name: (p.post, p.organisation) for p in found} == {
        "Isabelle Person": ("Chief Social Worker for England", None),
        "Nick Tester": ("Schools Minister", None),
        "Will Sample": ("Children's Minister", None),
        "Amanda Example": ("His Majesty's Chief Inspector", "Ofsted"),
        "Rachel Sample": ("Children's Commissioner for England", "Children's Commissioner for England"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Agenda item\nOfsted Inspection Outcome\nReport of the Director of Children's Services\nPurpose of Report\n",
        "Minutes\nStaying Close\nProject Lead\nFamily Hubs\nProgramme Manager\n",
        "Minutes\nChildren's Services Improvement Board\nIndependent Chair\nTerms of Reference\n",
        "Decision details\nDecision Maker: Cabinet\nLead officer: Director of Children's Services\n",
        "News\nBy March 2024 the council will have recruited 20 social workers.\n",
        "Agenda\nItem | Title | Page\n1 | Apologies | 1\n3 | Ofsted Focused Visit | 7\n",
        "Minutes\nCabinet Member for Children\nCouncillor\nDirector of Children's Services\nOfficer\n",
        "Minutes\nNorth Yorkshire\nSafeguarding Partnership\nWest Sussex County Council\nCabinet Member\n",
        "News\nFollowing the visit, Early Help said the plan was on track. In Anyshire, Children's Services said no.\n",
        "Minutes\nEarly Help – The service has grown over the year and more families are seen.\nYouth Justice – The "
        "service was inspected in the spring of this year.\nDCS – The plan is shared with all partners through it.\n",
    ],
)
def test_headings_tables_and_posts_alone_name_no_one(text):
    assert people_of(text) == []
