"""People, posts and councils on short documents written in the style of councils the corpus lacks: attendance
and officer lists, report authors and contact lines, quotes in news releases, posts named without a person,
programme names that look like names, and the publisher from the URL or the text."""

from __future__ import annotations

import pytest

from .conftest import extract_text as run

# (id, url, text, publisher, other councils, people {name: post}, posts without a person)
CASES = [
    (
        "sheffield_policy_committee_minutes",
        "https://democracy.sheffield.gov.uk/ieListDocuments.aspx?CId=123&MId=9001",
        "Meeting: 14/03/2024 - Education, Children and Families Policy Committee (Item 45.)\nMinutes:\nPresent: Councillors Dawn Dale (Chair), Peter Price, Sophie Wilson and Ann Whitaker\nAlso present: Councillor Tom Hunt\nApologies for absence were received from Councillor Mike Levery.\nOfficers: Meredith Dixon-Teasdale – Strategic Director of Children's Services; Andrew Jones – Director of Education and Skills\nThe Committee received a report on the Signs of Safety practice model. Meredith Dixon-Teasdale explained that Early Help referrals had risen.\nRESOLVED: That the Committee notes the update.\n",
        "sheffield",
        [],
        {
            "Meredith Dixon-Teasdale": "Strategic Director of Children's Services",
            "Andrew Jones": "Director of Education and Skills",
            "Tom Hunt": None,
            "Mike Levery": None,
            "Dawn Dale": "Chair",
            "Peter Price": None,
            "Sophie Wilson": None,
            "Ann Whitaker": None,
        },
        [],
    ),
    (
        "hertfordshire_fostering_news",
        "https://www.hertfordshire.gov.uk/media-library/news/2024/fostering.aspx",
        'News\nPublished: 12 February 2024\nHertfordshire County Council has launched a new fostering campaign.\nCllr Fiona Hill, cabinet member for children\'s services, said: "Every child deserves a loving home."\nThe Director of Children\'s Services will report progress to Cabinet in the summer. "We are proud of our foster carers," said Councillor Hill.\nCare Leavers and Smart Cities partners were invited to the launch.\n',
        "hertfordshire",
        [],
        {"Fiona Hill": "cabinet member for children's services"},
        ["Director of Children's Services"],
    ),
    (
        "derby_record_of_decision_no_url",
        None,
        "Derby City Council\nRecord of Decision\nDecision maker: Cabinet Member for Children, Young People and Skills\nDecision: To approve the Children's Placement Sufficiency Strategy.\nReport author: Priya Sharma, Head of Commissioning, tel 01332 640000\nContact officer: Gareth Evans, Service Director for Early Help and Children's Social Care\nDerby City Council will publish the strategy in May.\n",
        "derby",
        [],
        {
            "Priya Sharma": "Head of Commissioning",
            "Gareth Evans": "Service Director for Early Help and Children's Social Care",
        },
        ["Cabinet Member for Children, Young People and Skills"],
    ),
    (
        "telford_news_quotes",
        "https://newsroom.telford.gov.uk/News/Details/22222",
        'Telford & Wrekin Council\'s Ofsted rating confirmed\nMonday 3 June 2024\nCouncillor Shaun Davies, Leader of Telford & Wrekin Council, welcomed the report.\n"This is a huge achievement for our social workers," said Councillor Shaun Davies.\nJo Britton, Executive Director for Children\'s Services, added: "We will keep improving."\nThe Chief Executive thanked staff.\n',
        "telford-and-wrekin",
        [],
        {
            "Shaun Davies": "Leader of Telford & Wrekin Council",
            "Jo Britton": "Executive Director for Children's Services",
        },
        ["Chief Executive"],
    ),
    (
        "kirklees_scrutiny_minutes",
        "https://democracy.kirklees.gov.uk/ieListDocuments.aspx?CId=200&MId=7000",
        "Children's Scrutiny Panel\nMinutes of the meeting held on 5 September 2023\nPresent: Councillor Bill Armer (Chair), Councillor Jo Lawson, Councillor Itrat Ali\nIn attendance: Tom Brailsford, Service Director for Resources, Improvement and Partnerships; Elaine McShane – Service Director, Family Support and Child Protection\nApologies: Councillor Cahal Burke\n1. Early Help Update\nTom Brailsford presented the report and highlighted progress on Care Leavers accommodation.\nThe Panel asked the Head of Early Support to circulate the data.\n",
        "kirklees",
        [],
        {
            "Bill Armer": "Chair",
            "Tom Brailsford": "Service Director for Resources, Improvement and Partnerships",
            "Elaine McShane": "Service Director, Family Support and Child Protection",
            "Jo Lawson": None,
            "Itrat Ali": None,
            "Cahal Burke": None,
        },
        ["Head of Early Support"],
    ),
    (
        "gateshead_moderngov_issue",
        "https://gateshead.moderngov.co.uk/mgIssueHistoryHome.aspx?IId=5555",
        "Issue - meetings\nMeeting: 21/11/2023 - Cabinet (Item 88)\nChildren's Social Care Improvement Plan\nDecision:\nRESOLVED: That Cabinet approves the improvement plan.\nReport of the Strategic Director, Children, Adults and Families.\nContact: Karen Robinson, Service Director - Early Help and Social Care Extension: 2011\n",
        "gateshead",
        [],
        {"Karen Robinson": "Service Director - Early Help and Social Care"},
        ["Strategic Director, Children, Adults and Families"],
    ),
    (
        "hounslow_family_hubs_news",
        "https://www.hounslow.gov.uk/news/article/1234/new_family_hubs",
        'New Family Hubs open across the borough\nThe London Borough of Hounslow has opened three Family Hubs.\nCouncillor Lily Bath, Cabinet Member for Education, Children and Youth, said: "Families told us what they needed."\nThe hubs were developed with Smart Start and the Brentford Community Trust. Thanks were extended to local partners.\nFamilies can contact the Head of Family Hubs for more information.\n',
        "hounslow",
        [],
        {"Lily Bath": "Cabinet Member for Education, Children and Youth"},
        ["Head of Family Hubs"],
    ),
    # Known limit: "Cllrs … Brown" (a councillor) is folded into the officer Jackie Brown, as surnames are merged.
    (
        "medway_scrutiny_cllrs_list",
        "https://democracy.medway.gov.uk/mgAi.aspx?ID=60001",
        "Children and Young People Overview and Scrutiny Committee\nThursday, 7 March 2024\nPresent: Cllrs Adeoye, Brown, Curry and Spring\nSubstitutes: Councillor Sarah Hamilton for Councillor Kemp\nIn attendance: Lee-Anne Farach, Director of People - Children and Adults Services; Jackie Brown, Assistant Director, Children's Social Care\nThe Director of People introduced the report on Signs of Safety. Councillor Adeoye asked about the Youth Justice Board.\n",
        "medway",
        [],
        {
            "Lee-Anne Farach": "Director of People - Children and Adults Services",
            "Jackie Brown": "Assistant Director, Children's Social Care",
            "Sarah Hamilton": None,
            "Kemp": None,
            "Adeoye": None,
            "Curry": None,
            "Spring": None,
        },
        [],
    ),
    (
        "suffolk_send_news",
        "https://www.suffolk.gov.uk/council-and-democracy/news/2023/send",
        'Suffolk County Council responds to SEND review\nPosted on 20 October 2023\nAndrew Reid, Cabinet Member for Education, SEND and Skills at Suffolk County Council, said: "We accept the findings."\n"We have a lot to do," said Allan Cadzow, Corporate Director for Children and Young People.\nThe Secretary of State for Education has been informed. Suffolk County Council\'s Chief Executive, Nicola Beach, wrote to parents.\n',
        "suffolk",
        [],
        {
            # a body named after the post stays in it, as written (ANNOTATION.md: the title the text gives)
            "Andrew Reid": "Cabinet Member for Education, SEND and Skills at Suffolk County Council",
            "Allan Cadzow": "Corporate Director for Children and Young People",
            "Nicola Beach": "Chief Executive",
        },
        ["Secretary of State for Education"],
    ),
    (
        "southwark_cabinet_report_front_sheet",
        "https://moderngov.southwark.gov.uk/documents/s11111/Report.pdf",
        "Item No. 9\nClassification: Open\nDate: 16 January 2024\nMeeting Name: Cabinet\nReport title: Youth Justice Plan 2024-25\nCabinet Member: Councillor Jasmine Ali, Children, Education and Refugees\nFrom: Strategic Director of Children and Adults' Services\nReport author: David Quirke-Thornton\nThe Assistant Chief Executive will oversee governance. Signs of Safety training continues.\n",
        "southwark",
        [],
        {"Jasmine Ali": "Cabinet Member", "David Quirke-Thornton": None},
        ["Assistant Chief Executive", "Strategic Director of Children and Adults' Services"],
    ),
    (
        "wigan_minutes_initials_no_url",
        None,
        "Wigan Council\nChildren and Families Scrutiny Committee - 9 January 2024\nPresent: Councillors J Smith (Chair), P Jones, K Patel and M O'Brien\nApologies for absence were received from Councillors D Wood and L Grundy.\nOfficers present: Mr R Thompson (Assistant Director, Safeguarding), Ms H Clarke (Principal Social Worker)\nMr Thompson advised the committee that Early Help demand was stable.\n",
        "wigan",
        [],
        {
            "R Thompson": "Assistant Director, Safeguarding",
            "H Clarke": "Principal Social Worker",
            "J Smith": "Chair",
            "P Jones": None,
            "K Patel": None,
            "M O'Brien": None,
            "D Wood": None,
            "L Grundy": None,
        },
        [],
    ),
    (
        "rotherham_news_lower_case_post",
        "https://news.rotherham.gov.uk/news/article/999",
        "Rotherham praised by inspectors\nRotherham Metropolitan Borough Council has been praised by Ofsted.\nNicola Curley, strategic director of children and young people's services, said the service had come a long way.\n\"I'm delighted for every member of staff,\" said Councillor Victoria Cusworth, Cabinet Member for Children and Young People's Services.\nThe Lead Member for Safeguarding will brief Members. Neighbouring Barnsley Metropolitan Borough Council also took part in a peer review.\n",
        "rotherham",
        ["barnsley"],
        {
            "Nicola Curley": "strategic director of children and young people's services",
            "Victoria Cusworth": "Cabinet Member for Children and Young People's Services",
        },
        ["Lead Member for Safeguarding"],
    ),
    (
        "north_yorkshire_issue_page",
        "https://edemocracy.northyorks.gov.uk/ieIssueDetails.aspx?IId=4242",
        "Issue - meetings\nMeeting: 18/06/2024 - Executive (Item 7)\nReport of the Corporate Director - Children and Young People's Service\nMinutes:\nConsidered - The report of the Corporate Director, Stuart Carlton. County Councillor Janet Sanderson, Executive Member for Children and Families, introduced the report and noted the work with City of York Council.\nResolved - That the Executive approves the Partners in Practice programme.\n",
        "north-yorkshire",
        ["york"],
        {"Janet Sanderson": "Executive Member for Children and Families", "Stuart Carlton": "Corporate Director"},
        ["Corporate Director - Children and Young People's Service"],
    ),
    # Programme names are no one: the organisations finder knows them (Staying Close, Family Hubs, Family Valued),
    # or they hold words of services (Care Leavers, Early Help Services). The stop-list of programme words
    # ("Smart", "Cities", "Healthy", "Start") is gone: a two-word name of a programme that no rule knows, alone
    # before a verb of speech ("Smart Cities said"), has the shape and the evidence of a person's name.
    (
        "stoke_news_programme_names",
        "https://www.stoke.gov.uk/news/article/3030/family_hubs",
        "Stoke-on-Trent City Council news\nPublished 4 April 2024\nThe new data platform would help social workers. Family Hubs reported a rise in visits.\nStaying Close attended the launch, and Signs of Safety training was praised. Care Leavers said they felt listened to.\nEarly Help Services confirmed that waiting times fell. Family Valued explained the offer to parents.\nCouncillor Dave Evans, Cabinet Member for Children and Young People, said: \"This is good news.\" The council's Director of Children's Services, Mark Wiltshire, added that recruitment was improving.\nKinship Care has grown, said Cllr Evans.\n",
        "stoke-on-trent",
        [],
        {
            "Dave Evans": "Cabinet Member for Children and Young People",
            "Mark Wiltshire": "Director of Children's Services",
        },
        [],
    ),
    (
        "barnet_committee_minutes_no_url",
        None,
        "Children, Education and Safeguarding Committee\nLondon Borough of Barnet\nMinutes of the meeting held on 10 July 2023\nPresent: Councillor Pauline Coakley Webb (Chairman)\nCouncillors: Rishikesh Chakraborty, Elliot Simberg, Tony Vourou\nOfficers in attendance: Chris Munday, Executive Director, Children and Family Services\nReport author: Brigitte Jordaan, Director of Children's Social Care, tel 020 8359 0000\nCouncillor Simberg asked the Executive Director about Smart Start. The Head of Virtual School will report back.\n",
        "barnet",
        [],
        {
            "Pauline Coakley Webb": "Chairman",
            "Chris Munday": "Executive Director, Children and Family Services",
            "Brigitte Jordaan": "Director of Children's Social Care",
            "Rishikesh Chakraborty": None,
            "Elliot Simberg": None,
            "Tony Vourou": None,
        },
        ["Head of Virtual School"],
    ),
]


@pytest.mark.parametrize(
    ("url", "text", "publisher", "others", "people", "posts"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_people_posts_and_councils(url, text, publisher, others, people, posts):
    x = run(text, url)
    assert [c.slug for c in x.councils if c.publisher] == [publisher]
    assert sorted(c.slug for c in x.councils if not c.publisher) == others
    assert {p.name: p.post for p in x.people} == people
    assert sorted(p.title for p in x.posts) == posts


# ------------------------------------------------------------------------------------ the review's classes (issue 14)


def _people(text: str, url: str | None = None) -> dict[str, str | None]:
    return {p.name: p.post for p in run(text, url).people}


def test_names_in_any_script_with_prefixes_and_apostrophes():
    """P7: letters of any script, Irish and Norman prefixes, apostrophes and hyphens are all part of a name."""
    assert _people(
        "Agenda item\nMinutes:\nCouncillor Siobhán O’Brien, Cabinet Member for Children, welcomed the report.\n"
        "Mr Seán Ó Dálaigh and Mrs Anne-Marie D'Souza-Smith attended.\n"
        "Mr José Núñez-García, Director of Children's Services, said the work goes on.\n"
        "Councillor Zoë Example, Dr Chloé Sample and Ms Björk Person agreed.\n"
        "Dr Νίκος Παπαδόπουλος and Ms Ольга Иванова spoke. Dame Rachel de Souza attended.\n"
    ) == {
        "Siobhán O’Brien": "Cabinet Member for Children",
        "Seán Ó Dálaigh": None,
        "Anne-Marie D'Souza-Smith": None,
        "José Núñez-García": "Director of Children's Services",
        "Zoë Example": None,
        "Chloé Sample": None,
        "Björk Person": None,
        "Νίκος Παπαδόπουλος": None,
        "Ольга Иванова": None,
        "Rachel de Souza": None,
    }


def test_letters_after_a_name_and_police_ranks_do_not_hide_it():
    """P3: post-nominals (OBE, MP, JP) end a name; police ranks are honorifics; double initials are a name's."""
    x = run(
        "News\nStatement from the Parliamentary Under-Secretary for Children – Sam Example MP\n"
        "Jo Sample OBE, the incoming Director of Children's Services, said she was pleased.\n"
        "DCI Alex Tester attended. The Head of Safeguarding (HoS), Kim Person OBE JP, who chairs the group, agreed.\n"
        "Councillor KJ Exampleton asked a question.\n"
    )
    assert {p.name: p.post for p in x.people} == {
        "Sam Example": "Parliamentary Under-Secretary for Children",
        "Jo Sample": "Director of Children's Services",
        "Alex Tester": None,
        "Kim Person": "Head of Safeguarding",
        "KJ Exampleton": None,
    }
    # a national post is the Department's, not the publishing council's
    assert {p.name: p.organisation for p in x.people}["Sam Example"] == "Department for Education"


def test_any_capitalised_words_before_a_post_and_bodies_in_brackets():
    """P1: "Name (Any Capitalised Words … Head)" and "Name, Post," with any modifiers; "Name (Organisation)" is a
    person without a post."""
    assert _people(
        "Agenda item\nMinutes:\nThe committee welcomed Jane Example (Safeguarding Practice Manager), John Sample "
        "(Family Help Programme Adviser) and Ann Other (Anyshire Parent Carer Forum).\n"
        "Alex Person (Anyshire Youth Service) joined the meeting for this item.\n"
        "Tom Tester, National Schools Adviser, spoke next.\n"
        "Apologies for absence were received from Lee Sample (Parent Governor, Voting Co-opted Member).\n"
    ) == {
        "Jane Example": "Safeguarding Practice Manager",
        "John Sample": "Family Help Programme Adviser",
        "Ann Other": None,
        "Alex Person": None,
        "Tom Tester": "National Schools Adviser",
        "Lee Sample": "Parent Governor, Voting Co-opted Member",
    }
    # a bracket of capitalised words that names no body is no evidence of a person
    assert _people("News\nServices moved to Balliol Wing (Adopt Anyshire) in May.\n") == {}


def test_contact_lines_read_as_fields():
    """P2: the next field's label is not glued to the name; a post among the fields is the contact's; a name with a
    telephone number in brackets is a contact."""
    assert _people("Agenda and minutes\nContact: Lee Example  Email: lee.example@anyshire.gov.uk\n") == {
        "Lee Example": None
    }
    assert _people("Agenda and minutes\nContact: Pat Example  Democratic Services Officer\n") == {
        "Pat Example": "Democratic Services Officer"
    }
    assert _people(
        "Agenda and minutes\nContact: Mo Example Email: mo.example@anyshire.gov.uk  Democratic Services Officer\n"
    ) == {"Mo Example": "Democratic Services Officer"}
    assert _people("Agenda and minutes\nContact: Ann Sample on 0100 000000 or e-mail ann@anyshire.gov.uk\n") == {
        "Ann Sample": None
    }
    assert _people(
        "Agenda and minutes\nContact: Kit Example (0100 000001)/Jo Sample (0100 000002)  Overview & Scrutiny Officers\n"
    ) == {"Kit Example": "Overview & Scrutiny Officer", "Jo Sample": "Overview & Scrutiny Officer"}
    assert _people("Agenda item\nFor further information:\n(Sam Sample – 0100 000000)\n") == {"Sam Sample": None}


def test_posts_in_predicates():
    """P4: a post tied to a name by a verb, or a lower-case post without an article."""
    assert _people(
        "News\nAs lead inspector Kim Example put it, the service knows itself.\n"
        "Ray Sample has been named as the next Director of Children's Services.\n"
        "Dr Tester is the independent chair of the Safeguarding Partnership.\n"
        "Councillor Brown was elected Chair for the municipal year.\n"
    ) == {
        "Kim Example": "lead inspector",
        "Ray Sample": "Director of Children's Services",
        "Tester": "independent chair of the Safeguarding Partnership",
        "Brown": "Chair",
    }
    assert _people(
        "Agenda item\nMinutes:\nThe Board were informed that Lou Example had replaced Andy Sample as Director of "
        "Children's Social Care.\nTo appoint Councillor Sam Person as Vice-Chair of this Committee for this "
        "municipal year. That Councillor Kit Tester be appointed as Chair. Councillor Jo Other had been appointed "
        "as a member of the Committee.\n"
    ) == {
        "Lou Example": "Director of Children's Social Care",
        "Andy Sample": None,
        "Sam Person": "Vice-Chair",
        "Kit Tester": "Chair",
        "Jo Other": None,
    }


def test_post_before_a_name_with_a_dash_or_a_possessive():
    """A post before a person with a dash, a post before an honorific with nothing between, and the body a
    possessive before a post names."""
    x = run(
        "Agenda item\nMinutes:\nThe Cabinet Member for Children's Services - Councillor Bye and the Director of "
        "Children's Services - Nancy Example provided an overview. In the absence of Councillor Ann Sample, Vice "
        "Chair Councillor Maria Tester chaired the meeting. The Scrutiny Lead for Children's Services, Councillor "
        "Law, and the Overview and Scrutiny Co-ordinator, Councillor Long, attended.\n"
        "  • Appointment of Independent Chair for the SEND Improvement Board – Linda Person\n"
    )
    assert {p.name: p.post for p in x.people} == {
        "Bye": "Cabinet Member for Children's Services",
        "Nancy Example": "Director of Children's Services",
        "Ann Sample": None,
        "Maria Tester": "Vice Chair",
        "Law": "Scrutiny Lead for Children's Services",
        "Long": "Overview and Scrutiny Co-ordinator",
        "Linda Person": "Independent Chair for the SEND Improvement Board",
    }


def test_posts_belong_to_the_body_the_text_ties_them_to():
    """A post of another council, a national office and an inspectorate's post are not the publisher's; the
    council's own post says no other body."""
    x = run(
        "News\nThe review was led by Gloucestershire County Council's Director of Children's Services, Pat Example, "
        "who praised staff. The Secretary of State for Education wrote to the council. Yvonne Sample, Ofsted's "
        "National Director for Social Care, said the council had improved. The council's Chief Executive, Jo "
        "Tester, agreed.\n",
        "https://www.worcestershire.gov.uk/news/1",
    )
    assert x.publisher == "worcestershire"
    assert {p.name: (p.post, p.organisation) for p in x.people} == {
        "Pat Example": ("Director of Children's Services", "Gloucestershire County Council"),
        "Yvonne Sample": ("Ofsted's National Director for Social Care", "Ofsted"),
        "Jo Tester": ("Chief Executive", None),
    }
    assert [(p.title, p.organisation) for p in x.posts] == [
        ("Secretary of State for Education", "Department for Education")
    ]


def test_long_lists_and_one_person_written_two_ways():
    """P5 and P6: a vote or attendance list of any length; "Ms C Example" and "Celia Example" in one page are one
    person, as are "Councillor Chris Sample" and "C Sample"; different first names stay two people."""
    surnames = [f"Name{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(45)]
    x = run("Agenda item\nMinutes:\nPresent: Councillors " + ", ".join(surnames[:-1]) + f" and {surnames[-1]}.\n")
    assert sorted(p.name for p in x.people) == sorted(surnames)
    x = run(
        "Agenda item\nMinutes:\nMs C Example – School Staff Representative\nCouncillor Chris Sample asked a question.\n"
        "Apologies were received from Councillor C Sample, Andy Smith and Clare Smith.\n"
        "The Chair announced that Celia Example was retiring.\n"
    )
    assert {p.name: p.post for p in x.people} == {
        "Celia Example": "School Staff Representative",
        "Chris Sample": None,
        "Andy Smith": None,
        "Clare Smith": None,
    }


def test_programme_names_known_to_the_organisations_finder_are_no_one():
    assert (
        _people("News\nStaying Close attended the launch. Services delivered by Brighter Futures for Children grew.\n")
        == {}
    )


def test_publisher_from_the_title_when_the_url_does_not_say():
    x = run(
        "Cabinet – Leeds City Council\nMinutes of the meeting\nBradford and Kirklees were thanked.\n",
        "https://example.org/x",
    )
    assert x.publisher == "leeds"
    # where nothing says, the publisher is unknown (None): mapping keeps the facts under an unidentified publisher
    x = run("Agenda item\nMinutes:\nCouncillor Jo Example welcomed the focused visit of 5 and 6 March 2019.\n")
    assert x.publisher is None
    assert [p.name for p in x.people] == ["Jo Example"]


def test_one_body_written_two_ways_is_one_organisation():
    x = run(
        "News\nThe Anyshire Safeguarding Children Board met. The Anyshire Safeguarding Children’s Board agreed "
        "the plan. The Anyshire Safeguarding Childrens Board will meet again.\n"
    )
    assert [(o.key, o.name) for o in x.organisations if o.category == "safeguarding-partnership"] == [
        ("safeguarding-partnership/anyshire-safeguarding-children-board", "Anyshire Safeguarding Children Board")
    ]
