"""The mapping writes N-Triples straight from strings (no rdflib term per value) and the document index reads its
entries by fixed-string search: both must give exactly the bytes the rdflib path and the line regexes gave.

The old path was ``graph_ntriples(set of rdflib triples)`` — every literal ``term_nt(Literal(value))`` — and the index
entries came from regular expressions anchored at each line; both are kept here as the reference they are held to.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS

from caregraph import index, iris, vocab
from caregraph.namespaces import CG, ORG, RDF, XSD
from caregraph.ntriples import graph_ntriples, iri_nt, literal_nt, term_nt
from caregraph.pipeline import mapping
from caregraph.pipeline.mapping import document_iri, to_ntriples, to_triples
from caregraph.records import (
    CouncilMention,
    DecisionRecord,
    Evidence,
    Extraction,
    Genre,
    PersonRecord,
    PostRecord,
    SourceDocument,
)
from caregraph.records import PartialDate as D

from .conftest import extract_text
from .test_mapping import BUILT_AT, CASES

# Texts that exercise every escape N-Triples has and the characters it writes raw.
AWKWARD = [
    "",
    "plain",
    'a "quoted" word',
    "back\\slash and \\n written out",
    "two\nlines\r\nand a return\r",
    "tab\there, bell\x07, nul\x00, escape\x1b, delete\x7f",
    "line separator\u2028paragraph\u2029",
    "accents: Siobhán Ó Dálaigh, Zoë",
    "astral: \U0001f600 \U00010348",
    "combining e\u0301 and a zero-width\u200bspace",
    "ends with a backslash \\",
    '"> <http://x/p> <http://x/o> .',
]


# ---------------------------------------------------------------------------------------------- literals


@pytest.mark.parametrize("text", AWKWARD)
def test_a_string_literal_is_written_as_rdflib_s(text):
    assert mapping._literal(text) == term_nt(Literal(text))


@pytest.mark.parametrize("value", [0, 1, -7, 12345, 10**20, True, False])
def test_numbers_and_booleans_are_typed_as_rdflib_types_them(value):
    assert mapping._literal(value) == term_nt(Literal(value))


def test_a_value_with_no_literal_form_is_refused():
    with pytest.raises(TypeError):
        mapping._literal(1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lexical", "datatype"),
    [
        ("2024", XSD + "gYear"),
        ("2024-04", XSD + "gYearMonth"),
        ("2024-04-16", XSD + "date"),
        ("2024-02-30", XSD + "date"),  # not a date: written as given, as rdflib writes it
        ("2024-06-01T09:30:00+00:00", XSD + "dateTime"),
        ('https://example.org/a b?x=1&y="2"', XSD + "anyURI"),
        ("2022-21/2022-22", "http://id.loc.gov/datatypes/edtf/EDTF"),
        ("plain", XSD + "string"),
    ],
)
def test_typed_literals_are_written_as_rdflib_s(lexical, datatype):
    assert mapping._typed(lexical, datatype) == term_nt(Literal(lexical, datatype=URIRef(datatype)))


@pytest.mark.parametrize("date", [D(2024), D(2024, 4), D(2024, 4, 16)])
def test_dates_are_written_as_date_literal_s(date):
    assert mapping._date(date) == term_nt(mapping.date_literal(date))


def test_literal_nt_escapes_and_iri_nt_refuses_what_n_triples_forbids():
    assert literal_nt('a"b\\c\nd\re') == '"a\\"b\\\\c\\nd\\re"'
    assert literal_nt("x", language="en-GB") == '"x"@en-GB'
    for bad in ("no-scheme", "http://a b", "http://a<b", 'http://a"b', "http://a\\b", "http://a{b}"):
        with pytest.raises(ValueError, match="not a valid IRI"):
            iri_nt(bad)


# ---------------------------------------------------------------------------------------------- whole graphs


def awkward_extraction() -> Extraction:
    """Names, titles, quotes and decisions holding every awkward text, each with its own span."""
    text = "\n".join(AWKWARD) + "\n"
    evidence = [Evidence(i, i + 1, t) for i, t in enumerate(AWKWARD)]
    people = tuple(
        PersonRecord(f"Ann {t} Smith", f"Director of {t}", ev, honorific=t or None, role=t or None)
        for t, ev in zip(AWKWARD, evidence, strict=True)
    )
    return Extraction(
        document=SourceDocument('awkward "path"\n.txt', text, "1" * 64, "txt", len(text), url=None),
        genre=Genre.NEWS,
        date=D(2024, 5),
        title='A "title"\\ with\nbreaks \U0001f600',
        councils=(CouncilMention("surrey", "Surrey County Council", True, evidence[1]),),
        people=people,
        # spans that start where the people's do and end further on: one node each, not one per start
        posts=tuple(PostRecord(f"Head of {t}", Evidence(i, i + 2, t + "!")) for i, t in enumerate(AWKWARD)),
        decisions=tuple(
            DecisionRecord(text=f"Resolved: {t}", number=None, kind="resolution", evidence=ev, unanimous=i % 2 == 0)
            for i, (t, ev) in enumerate(zip(AWKWARD, evidence, strict=True))
        ),
    )


EXTRACTIONS = {
    **{name: make for name, make in CASES.items()},
    "awkward": awkward_extraction,
    "extracted": lambda: extract_text(
        "Surrey County Council Cabinet, 16 July 2019.\nCouncillor Clare Curran, Cabinet Member for Children, said "
        '"we are \\ pleased".\nOfsted rated children\'s services Good in its ILACS inspection of 2 to 13 May 2022.\n',
        url="https://www.surreycc.gov.uk/news/x",
    ),
}


def lines(ntriples: bytes) -> list[bytes]:
    assert ntriples.endswith(b"\n")
    return ntriples.split(b"\n")[:-1]


@pytest.mark.parametrize("name", sorted(EXTRACTIONS))
def test_the_graph_is_written_as_graph_ntriples_writes_its_rdflib_terms(name):
    """Line for line, the bytes of to_ntriples are what term_nt writes for the same triples as rdflib terms."""
    x = EXTRACTIONS[name]()
    written = to_ntriples(x, BUILT_AT)
    assert len(set(lines(written))) == len(lines(written))  # a triple stated twice is written once
    assert sorted(lines(written)) == sorted(lines(graph_ntriples(to_triples(x, BUILT_AT))))
    assert to_ntriples(x, BUILT_AT) == written  # the same bytes, in the same order, every time


def test_awkward_texts_survive_as_the_values_the_records_hold():
    x = awkward_extraction()
    triples = [q.triple for q in ox.parse(to_ntriples(x, BUILT_AT), format=ox.RdfFormat.N_TRIPLES)]
    names = {t.object.value for t in triples if t.predicate.value == "http://xmlns.com/foaf/0.1/name"}
    assert names == {p.name for p in x.people}
    spans: dict[str, dict[str, str]] = {}
    for t in triples:
        if t.predicate.value.startswith("http://www.w3.org/ns/oa#"):
            assert t.predicate.value not in spans.setdefault(t.subject.value, {})  # one start, end and quote a span
            spans[t.subject.value][t.predicate.value] = t.object.value
    expected = {(i, i + 1, t) for i, t in enumerate(AWKWARD)} | {(i, i + 2, t + "!") for i, t in enumerate(AWKWARD)}
    oa = "http://www.w3.org/ns/oa#"
    assert {(int(v[oa + "start"]), int(v[oa + "end"]), v[oa + "exact"]) for v in spans.values()} == expected
    flags = {t.object for t in triples if t.predicate.value == CG + "unanimous"}
    assert flags == {
        ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
        ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean")),
    }
    assert ox.Literal(x.document.path) in {t.object for t in triples if t.predicate.value == CG + "file"}


def test_an_invalid_iri_fails_the_document_as_before():
    x = awkward_extraction()
    bad = Extraction(
        document=x.document,
        genre=x.genre,
        date=None,
        title=None,
        councils=(CouncilMention("not a slug", "X", True, None),),
    )
    with pytest.raises(ValueError, match="not a valid IRI"):
        to_ntriples(bad, BUILT_AT)


def test_generated_at_is_the_build_time_to_the_second():
    x = awkward_extraction()
    at = datetime(2026, 1, 2, 3, 4, 5, 678, tzinfo=UTC)
    doc = iri_nt(str(document_iri(x.document)))
    line = f'{doc} <http://www.w3.org/ns/prov#generatedAtTime> "2026-01-02T03:04:05+00:00"^^<{XSD}dateTime> .'
    assert line.encode() in lines(to_ntriples(x, at))


def test_terms_are_the_vocabulary_s_and_a_misspelt_one_is_an_error():
    assert mapping.CG.Council == vocab.CG.Council
    assert mapping.CG.Council is mapping.CG.Council  # made once
    assert mapping.DCTERMS["format"] == DCTERMS["format"]
    assert mapping.OA.exact == URIRef("http://www.w3.org/ns/oa#exact")
    with pytest.raises(AttributeError):
        mapping.CG.Councill  # noqa: B018
    with pytest.raises(AttributeError):
        mapping.RDF.typ  # noqa: B018


def test_slugs_are_remembered_and_the_same():
    iris.slug.cache_clear()
    assert iris.slug("Children's Services & Learning") == "childrens-services-and-learning"
    assert iris.slug("Children's Services & Learning") == "childrens-services-and-learning"
    info = iris.slug.cache_info()
    assert (info.hits, info.misses) == (1, 1)
    assert info.maxsize is not None  # bounded: a long build does not grow it without end


# ---------------------------------------------------------------------------------------------- index entries

# The regular expressions the entries were read with before the fixed-string search: the reference.
_TYPE_LINE = re.compile(rb"^<([^>]*)> <" + re.escape(f"{RDF}type> <{CG}Document".encode()) + rb"> \.$", re.M)
_PUBLISHER_LINE = re.compile(rb"^<([^>]*)> <" + re.escape(f"{DCTERMS}publisher".encode()) + rb"> <([^>]*)> \.$", re.M)
_POST_LINE = re.compile(rb"^<([^>]*)> <" + re.escape(f"{RDF}type> <{CG}Post".encode()) + rb"> \.$", re.M)
_POST_IN_LINE = re.compile(rb"^<([^>]*)> <" + re.escape(f"{ORG}postIn".encode()) + rb"> <([^>]*)> \.$", re.M)


def reference_entries(name: str, ntriples: bytes) -> bytes:
    own = name.encode()
    if not any(m.group(1) == own for m in _TYPE_LINE.finditer(ntriples)):
        return b""
    subject, graph = b"<" + own + b">", f"<{index.INDEX_GRAPH}>".encode()
    out = [b"%s <%s> %s %s .\n" % (subject, index.GRAPH_FORM_P.encode(), str(ox.Literal(index.FORM)).encode(), graph)]
    publishers = [m.group(2) for m in _PUBLISHER_LINE.finditer(ntriples) if m.group(1) == own]
    for publisher in publishers or [iris.unidentified_publisher(name).encode()]:
        out.append(b"%s <%s> <%s> %s .\n" % (subject, index.PUBLISHER.encode(), publisher, graph))
    posts = {m.group(1) for m in _POST_LINE.finditer(ntriples)}
    placed, orgs = set(), set()
    for m in _POST_IN_LINE.finditer(ntriples):
        if m.group(1) in posts:
            placed.add(m.group(1))
            orgs.add(m.group(2))
    if posts - placed:
        orgs.add(index.UNPLACED.encode())
    for organisation in sorted(orgs):
        out.append(b"%s <%s> <%s> %s .\n" % (subject, index.POSTS_IN.encode(), organisation, graph))
    return b"".join(out)


@pytest.mark.parametrize("name", sorted(EXTRACTIONS))
def test_index_entries_of_mapped_documents_are_the_regexes(name):
    x = EXTRACTIONS[name]()
    doc = str(document_iri(x.document))
    nt = to_ntriples(x, BUILT_AT)
    assert index.entries(doc, nt) == reference_entries(doc, nt)
    assert index.entries(doc, nt)  # every mapped document is listed


DOC = "https://w3id.org/caregraph/id/doc/0123"
SUBJECTS = [DOC, "https://e.org/other", DOC + "/post/dcs", "https://e.org/post/hmi", "https://e.org/org/x"]
PREDICATES = [RDF + "type", DCTERMS + "publisher", ORG + "postIn", CG + "mentions"]
OBJECTS = [f"<{CG}Document>", f"<{CG}Post>", "<https://e.org/council/a>", f"<{DOC}/publisher>", "<https://e.org/org/x>"]
TRAPS = [
    # the searched-for text inside a literal, a blank node subject, a line split by a return
    f'<{DOC}> <{CG}text> "> <{RDF}type> <{CG}Document> ." .',
    f'<{DOC}> <{CG}text> "x> <{DCTERMS}publisher> <https://e.org/fake> ." .',
    f"_:b1 <{RDF}type> <{CG}Post> .",
    f"_:b1 <{ORG}postIn> <https://e.org/org/blank> .",
    f"<{DOC}> <{RDF}type> <{CG}Document> .\r",
    f"<https://e.org/post/hmi> <{ORG}postIn> <https://e.org/org/y> . ",
    # not N-Triples, but what the regexes read: a line of four terms ends like a line of three
    f"<{DOC}> <{CG}x> <https://e.org/post/a> <{RDF}type> <{CG}Post> .",
    f"<https://e.org/other> <{CG}x> <{DOC}> <{DCTERMS}publisher> <https://e.org/council/b> .",
    f"<https://e.org/other> <{CG}x> <{DOC}> <{RDF}type> <{CG}Document> .",
]


@st.composite
def ntriples_documents(draw) -> bytes:
    line = st.one_of(
        st.tuples(st.sampled_from(SUBJECTS), st.sampled_from(PREDICATES), st.sampled_from(OBJECTS)).map(
            lambda t: f"<{t[0]}> <{t[1]}> {t[2]} ."
        ),
        st.sampled_from(TRAPS),
    )
    text = "\n".join(draw(st.lists(line, max_size=12)))
    return (text + ("\n" if text and draw(st.booleans()) else "")).encode()


@settings(max_examples=400, deadline=None)
@given(ntriples_documents())
def test_index_entries_are_what_the_line_regexes_read(nt):
    assert index.entries(DOC, nt) == reference_entries(DOC, nt)


def test_the_writer_refuses_an_rdflib_literal_where_its_own_literal_text_belongs():
    """An rdflib ``Literal`` is a ``str``: taken for an IRI, "10:30" would be written ``<10:30>``."""
    from rdflib import Literal, URIRef

    from caregraph.pipeline.mapping import _Writer

    w = _Writer(URIRef("https://example.org/doc"))
    with pytest.raises(TypeError, match="rdflib Literal"):
        w.meta(URIRef("https://example.org/doc"), URIRef("https://example.org/p"), Literal("10:30"))
