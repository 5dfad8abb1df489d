"""The publishing council of a page whose host names none: from its title and text (made-up pages, real councils)."""

from __future__ import annotations

from datetime import date

import pytest

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.extract.councils import find_councils
from caregraph.pipeline.segment import segment
from caregraph.records import PartialDate, SourceDocument

from .conftest import extract_text


def _councils(text: str, people: tuple[str, ...] = (), url: str | None = None, when: PartialDate | None = None):
    doc = segment(SourceDocument("x.txt", text, "0", "txt", len(text), url=url))
    found = find_councils(doc, people, when)
    publisher = next((c.slug for c in found if c.publisher), None)
    return publisher, {c.slug for c in found if not c.publisher}


# ---------------------------------------------------------------- a title that names several councils


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        (  # a news site's regional section line above the headline
            "Devon & Cornwall\n\nFostering in Cornwall praised\n\nInspectors said Cornwall Council had made "
            "steady progress. Cornwall's fostering service was judged good. A Devon County Council team helped.\n",
            "cornwall",
        ),
        (  # a headline sentence naming a lending council first and the council it is about second
            "Kent County Council's deputy director has been seconded to Medway Council after a poor report.\n\n"
            "Medway was told to improve quickly. Medway Council said it welcomed the help, and Medway's leader agreed.\n",
            "medway",
        ),
        (  # a joint panel's title, most of the text about one of the two
            "Leeds and Bradford joint scrutiny of adoption\n\nBradford Council reported a backlog. Bradford's "
            "adoption panel met twice. Bradford officers presented the figures.\n",
            "bradford",
        ),
    ],
)
def test_of_several_councils_in_the_title_the_publisher_is_the_one_the_text_names_most(text, publisher):
    assert _councils(text)[0] == publisher


def test_a_title_naming_one_council_still_wins_over_the_text():
    text = "Suffolk County Council news\n\nNorfolk, Norfolk and Norfolk again were named by the visitors.\n"
    assert _councils(text)[0] == "suffolk"


# ---------------------------------------------------------------- a guest's council in brackets


@pytest.mark.parametrize(
    ("text", "people", "publisher"),
    [
        (  # the only council named is a visiting officer's
            "Children's Scrutiny Panel\n\nPresent: Cllrs Ann Host, Ben Local\n\nOfficers: Cath Clerk\n\n"
            "Also present: Dan Visitor (Essex County Council)\n\nThe panel noted the improvement plan.\n",
            ("Ann Host", "Ben Local", "Cath Clerk", "Dan Visitor"),
            None,
        ),
        (  # two guests from the same council outnumber the one plain mention of the host
            "Minutes\n\nIn attendance: Eve Guest (the Hertfordshire County Council) and Finn Helper "
            "(Hertfordshire County Council)\n\nLuton Council's improvement board met on 3 May.\n",
            ("Eve Guest", "Finn Helper"),
            "luton",
        ),
        (  # a guest listed with a plain 'Council' name, the host named in the text
            "Corporate Parenting Board\n\nGina Partner (Walsall Council) and Hal Partner (Walsall Council) gave "
            "an update. Members asked how Dudley compared; Dudley Council officers answered.\n",
            ("Gina Partner", "Hal Partner"),
            "dudley",
        ),
    ],
)
def test_a_council_in_brackets_after_a_persons_name_is_a_guests_not_the_publisher(text, people, publisher):
    found, others = _councils(text, people)
    assert found == publisher
    assert others  # the guest's council is still a council the page names


def test_a_council_in_brackets_after_words_that_are_no_person_still_counts():
    text = "Report\n\nThe Children's Services Department (Essex County Council) set out its plan.\n"
    assert _councils(text, ("Dan Visitor",))[0] == "essex"


def test_a_guests_council_is_not_counted_end_to_end():
    text = (
        "Scrutiny Panel minutes\n\nPresent: Councillor Ann Host (Chairman), Councillor Ben Local\n\n"
        "Officers present: Cath Clerk, Dan Visitor and Eli Visitor (Essex County Council)\n\n"
        "1. The panel received the Ofsted report.\n"
    )
    assert extract_text(text).publisher is None


# ---------------------------------------------------------------- councils that were replaced


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://www.dorsetforyou.gov.uk/children/ofsted-report", "dorset-county-council"),  # .com's label on .gov.uk
        ("https://buckscc.moderngov.co.uk/ieListDocuments.aspx?CId=1", "buckinghamshire-county-council"),
        ("https://cumbria.moderngov.co.uk/mgAi.aspx?ID=7", "cumbria"),
    ],
)
def test_a_host_label_that_is_a_former_councils_domain_label_is_that_council(url, slug):
    assert gazetteer().from_url(url) == slug


def test_a_current_councils_label_still_wins_over_a_former_ones():
    assert gazetteer().from_url("https://democracy.buckinghamshire.gov.uk/x") == "buckinghamshire"


@pytest.mark.parametrize(
    ("slug", "when", "latest", "expected"),
    [
        ("buckinghamshire-county-council", date(2021, 5, 1), None, "buckinghamshire"),  # after it ended: successor
        ("dorset-county-council", date(2019, 4, 1), date(2019, 12, 31), "dorset"),
        ("dorset-county-council", date(2019, 1, 1), date(2019, 12, 31), "dorset-county-council"),  # 2019: either
        ("cumbria", date(2024, 1, 1), None, "cumbria"),  # two successors: neither is the one
        ("dorset", date(2016, 5, 23), None, "dorset-county-council"),  # before it began: predecessor
    ],
)
def test_as_on_is_the_council_of_the_whole_period(slug, when, latest, expected):
    assert gazetteer().as_on(slug, when, latest) == expected


def test_a_page_on_a_former_councils_host_after_it_ended_is_its_successors():
    text = "Fostering news\n\nCarers were thanked at an event in Aylesbury.\n"
    url = "https://www.buckscc.gov.uk/news/carers"
    assert extract_text(text, url=url, published=PartialDate(2018, 6, 1)).publisher == "buckinghamshire-county-council"
    assert extract_text(text, url=url, published=PartialDate(2021, 6, 1)).publisher == "buckinghamshire"


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            "Ofsted report\n\nInspectors found that services in Dorset require improvement.\n",
            "https://dorsetforyou.gov.uk/a",
        ),
        ("Adoption\n\nBuckinghamshire's adopters met in May.\n", "https://www.buckscc.gov.uk/news/adopters"),
        ("News\n\nAcross Dorset, carers were thanked by the county.\n", "https://www.dorsetforyou.com/news/carers"),
    ],
)
def test_the_area_name_a_former_council_shares_with_its_successor_is_the_publishers_mention(text, url):
    publisher, others = _councils(text, url=url)
    assert gazetteer().councils[publisher].current is False
    assert others == set()  # not its successor, named on a page written before it existed


def test_the_successors_own_official_name_stays_the_successor():
    text = "Reorganisation\n\nFrom April, the new Dorset Council will run children's services in Dorset.\n"
    publisher, others = _councils(text, url="https://www.dorsetforyou.com/news/change")
    assert (publisher, others) == ("dorset-county-council", {"dorset"})


NEWS_SITE = "https://www.anytown-echo.co.uk/news/123"


@pytest.mark.parametrize(
    ("text", "when", "publisher"),
    [
        # a council that did not exist yet published nothing, however a headline names it
        (
            "Dorset Council gets 'good' grade\n\nOfsted praised children's services in the county.\n",
            (2016, 5, 3),
            "dorset-county-council",
        ),
        (
            "North Yorkshire Council praised\n\nInspectors rated children's services good.\n",
            (2014, 6, 30),
            "north-yorkshire-county-council",
        ),
        # the area's name in the headline is the council the text names by its official name
        (
            "Children's services in Somerset improve\n\nSomerset County Council's leader welcomed the report.\n",
            None,
            "somerset-county-council",
        ),
        (
            "Dorset praised by Ofsted\n\nDorset County Council was told its services are good.\n",
            (2016, 5, 3),
            "dorset-county-council",
        ),
        # ... unless that council did not hold the area on the page's date (history told on a later page)
        (
            "Children's services in Somerset improve\n\nSomerset County Council was rated inadequate in 2015.\n",
            (2024, 2, 1),
            "somerset",
        ),
        (
            "Dorset Council gets 'good' grade\n\nOfsted praised children's services in the county.\n",
            (2024, 2, 1),
            "dorset",
        ),
    ],
)
def test_a_news_page_is_the_council_that_held_the_area_on_its_date(text, when, publisher):
    assert _councils(text, url=NEWS_SITE, when=PartialDate(*when) if when else None)[0] == publisher


def test_a_successors_site_keeps_its_name_on_the_months_before_it_began():
    """A successor's democracy site carries its predecessor's last meetings under its own name: its metadata and its
    official name say the page is its own."""
    text = "North Yorkshire Council\n\nChildren and Young People’s Overview and Scrutiny Committee\nFriday, 20th January, 2023\n"
    url = "https://edemocracy.northyorks.gov.uk/ieListDocuments.aspx?CId=1351&MId=4410"
    assert extract_text(text, url=url).publisher == "north-yorkshire"


@pytest.mark.parametrize(
    ("url", "publisher"),
    [
        ("https://www.buckscc.gov.uk/news/2021/05/adopters-week", "buckinghamshire"),
        ("https://www.buckscc.gov.uk/news/2017/adopters-week", "buckinghamshire-county-council"),
        ("https://www.dorsetcouncil.gov.uk/news/14/03/2016/adopters-week", "dorset-county-council"),
    ],
)
def test_a_page_with_no_date_of_its_own_is_read_as_of_its_urls_date(url, publisher):
    assert _councils("Adopters week\n\nFamilies met carers across the county.\n", url=url)[0] == publisher


# ---------------------------------------------------------------- the trade press's "CC"


@pytest.mark.parametrize(
    ("text", "publisher", "other"),
    [
        (
            "Director moves\n\nEssex CC has hired the head of fostering from Suffolk, where Suffolk staff and "
            "Suffolk carers will miss her. Essex CC said so.\n",
            "essex",
            "suffolk",
        ),
        (
            "Commissioner named\n\nLeeds CC has lent its chief to Bradford; Bradford and Bradford's board agreed. "
            "Leeds CC staff will follow.\n",
            "leeds",
            "bradford",
        ),
        (
            "Round-up\n\nDorset CC was praised in 2017; Dorset CC's leader thanked staff in Dorchester.\n",
            "dorset-county-council",
            None,
        ),
    ],
)
def test_a_county_or_city_council_written_cc_is_that_council_and_counts_as_its_full_name(text, publisher, other):
    found, others = _councils(text)
    assert found == publisher
    assert others == ({other} if other else set())


def test_cc_is_only_a_short_form_of_a_county_or_city_council():
    g = gazetteer()
    assert g.resolve("Hampshire CC") == "hampshire"
    assert g.resolve("Somerset CC") == "somerset-county-council"  # the county council, not its successor
    assert g.resolve("Walsall CC") is None  # Walsall Council is neither


# ---------------------------------------------------------------- a short form the page defines


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        (  # the defined short form outnumbers a neighbour named in full twice
            "Briefing\n\nSurrey County Council (SCC) met Hampshire. Hampshire officers and Hampshire staff came. SCC "
            "agreed the plan, SCC published it and SCC will report in May.\n",
            "surrey",
        ),
        (  # quoted short form, a city council
            "Update\n\nInspectors visited Leeds City Council (‘LCC’) and Bradford. Bradford and Wakefield were "
            "compared; Bradford scored well. LCC accepted the findings; LCC and LCC's partners will act.\n",
            "leeds",
        ),
        (  # a borough written out in full once, then by its initials
            "Note\n\nThe Royal Borough of Greenwich (RBG) and Bexley met. Bexley hosted; Bexley led. RBG "
            "presented, RBG answered, RBG closed.\n",
            "greenwich",
        ),
    ],
)
def test_a_short_form_defined_after_a_councils_name_counts_as_that_council(text, publisher):
    assert _councils(text)[0] == publisher


@pytest.mark.parametrize(
    "text",
    [
        # the letters do not start with the name's first letter: not its short form
        "Note\n\nSurrey County Council (CSC) met Hampshire. Hampshire and Hampshire came. CSC, CSC, CSC.\n",
        # one short form after two councils' names: no one's
        "Note\n\nSurrey County Council (SCC) and Suffolk County Council (SCC) met Hampshire, Hampshire, Hampshire "
        "and Hampshire. SCC, SCC, SCC, SCC.\n",
        # a short form before its definition does not count
        "Note\n\nSCC SCC SCC SCC. Hampshire met Hampshire and Hampshire. Surrey County Council (SCC).\n",
    ],
)
def test_letters_that_are_no_councils_own_short_form_do_not_count(text):
    assert _councils(text)[0] == "hampshire"


def test_a_successor_that_took_only_part_of_the_area_stays_another_council():
    text = "Transition\n\nCumbria's fostering service moves to Cumberland and to Westmorland and Furness.\n"
    publisher, others = _councils(text, url="https://www.cumbria.gov.uk/news/transition")
    assert (publisher, others) == ("cumbria", {"cumberland", "westmorland-and-furness"})


# ---------------------------------------------------------------- a host that merely contains a council's name


@pytest.mark.parametrize(
    ("url", "text", "publisher"),
    [
        (  # a council's name inside a longer word of the host; the page is about another council
            "https://www.northwessexradio.example/news/1",
            "Children's services praised\n\nInspectors said Dorset Council had improved. Dorset's leader welcomed it.\n",
            "dorset",
        ),
        (  # a news site named after one council, writing about its neighbour
            "https://www.brentfordtimes.example/story",
            "Hounslow rated good\n\nOfsted rated Hounslow Council's children's services good, Hounslow said.\n",
            "hounslow",
        ),
        (  # the same site writing about the council it is named after
            "https://www.brentfordtimes.example/story",
            "Brent rated good\n\nOfsted rated Brent Council's children's services good, the council said.\n",
            "brent",
        ),
        (  # the text names no council: the host is all there is
            "https://www.brentfordtimes.example/story",
            "Services rated good\n\nOfsted rated the children's services good, the council said.\n",
            "brent",
        ),
        (  # a partner's site whose host opens with a county's domain label ("leics"), about another council
            "https://www.leicsnhs.example/news/1",
            "Rutland rated outstanding\n\nRutland County Council's SEND services were rated outstanding, the"
            " Leicestershire Partnership NHS Trust said.\n",
            "rutland",
        ),
        (  # the host's council named beside another the page is about: the text says which
            "https://www.surreyweb.example/story",
            "Hampshire rated good\n\nOfsted rated Hampshire County Council's children's services good, as it did"
            " Surrey County Council's last year.\n",
            "hampshire",
        ),
        (  # a host that opens with a council's domain label, and a text that names no other council
            "https://www.newcastlefamilies.example/x",
            "Local area inspection\n\nOfsted and the CQC inspected the local area's SEND services.\n",
            "newcastle-upon-tyne",
        ),
        (  # the text names the council the host holds under its predecessor's name: the host's
            "https://www.dorsetchronicle.example/story",
            "Fostering praised\n\nDorset County Council's fostering service was praised by inspectors.\n",
            "dorset",
        ),
    ],
)
def test_a_council_a_host_merely_contains_yields_to_a_text_that_names_others(url, text, publisher):
    assert _councils(text, url=url)[0] == publisher
