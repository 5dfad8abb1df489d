"""The one place that turns natural keys into IRIs for instance data (docs/ontology.md, "IRIs: one natural key per
thing", lists each key and what it means for joins).

The same council, committee, person, post, meeting or inspection gets the same IRI from every document and every
run, so facts from many documents join. Every IRI is in the public namespace ``https://w3id.org/caregraph/id/``
(one for every build, so that a council, an inspection or a person from one store joins the gazetteer, Ofsted's
record and every other store), except the graphs of **private documents**, the ones with no public (http or https)
source URL: those, with what is keyed under them (spans, mentions, an unidentified publisher), are minted in a
local namespace, ``urn:caregraph:local/`` unless ``CAREGRAPH_LOCAL_BASE`` names another (docs/ontology.md,
"Namespaces"), so a local build never mints a public IRI for something only it knows.

Two kinds of function live here. The keys and a few IRIs as plain ``str`` (:func:`base`, :func:`slug`,
:func:`person_key`, :func:`document_key`, :func:`council_iri`, :func:`document_iri`, :func:`graph_iri`,
:func:`concept_iri`): the query path (a council parameter, the reference graphs, the store's document graphs) uses
these. And the minting functions (:func:`council`, :func:`inspection`, :func:`statement`, …), which return rdflib
``URIRef`` terms, built on the string ones.

Why ``URIRef`` and a lazy import rather than plain strings that :mod:`caregraph.pipeline.mapping` would wrap: the
minted IRIs go straight into rdflib graphs (the build, the Ofsted import, tests, library users), and rdflib treats a
``str`` as a different thing from the ``URIRef`` of the same text (``URIRef("x") != "x"``; ``Graph.add`` refuses a
``str``), so plain strings would move one wrapping call to thirty call sites and turn a forgotten one into a silent
non-match. Instead rdflib is imported on the first call of a minting function (:func:`_uriref`), never at import:
``caregraph query`` imports this module and calls only the string functions, and never loads rdflib (~0.1 s;
tests/test_startup.py checks it).

>>> from caregraph.records import PartialDate
>>> str(inspection("surrey", "focused-visit", PartialDate(2024, 4, 16)))
'https://w3id.org/caregraph/id/council/surrey/inspection/focused-visit/2024-04'
>>> inspection("surrey", "focused-visit", PartialDate(2024, 4)) == inspection("surrey", "focused-visit", PartialDate(2024, 4, 17))
True
>>> council_iri("surrey")
'https://w3id.org/caregraph/id/council/surrey'
>>> graph_iri("councils")
'https://w3id.org/caregraph/graph/councils'
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from caregraph.errors import CaregraphError
from caregraph.namespaces import CGD, CGV, GRAPHS, W3ID
from caregraph.ntriples import term_key

if TYPE_CHECKING:
    from rdflib import URIRef
    from rdflib.term import Identifier

    from caregraph.records import PartialDate  # the minting functions take dates; the query path never loads it

DEFAULT_BASE = CGD
LOCAL_BASE = "urn:caregraph:local/"  # the default namespace of private documents (CAREGRAPH_LOCAL_BASE overrides it)
VOCAB = CGV
GRAPH_BASE = GRAPHS

HONORIFICS = re.compile(
    r"^(?:(?:county\s+)?councillor|cllr\.?|mr\.?|mrs\.?|ms\.?|miss|dr\.?|professor|prof\.?|sir|dame|lord|baroness|rev(?:d|\.)?)\s+",
    re.I,
)

# ---------------------------------------------------------------------------------------------- keys, as strings


def base() -> str:
    """The public base of instance data, ``https://w3id.org/caregraph/id/``: the same in every build, so that what
    two stores (and the councils gazetteer, and Ofsted's record) say about one council joins. Not configurable: a
    deployment that wants its own namespace for what only it knows sets :func:`local_base`."""
    return DEFAULT_BASE


class LocalBaseError(CaregraphError):
    """``CAREGRAPH_LOCAL_BASE`` is not an absolute IRI, or is in the public namespace."""


def local_base() -> str:
    """The namespace of private documents (no public source URL): ``$CAREGRAPH_LOCAL_BASE`` (a ``/`` is added
    unless it ends in one), else ``urn:caregraph:local/``. It may not be in the public namespace."""
    value = os.environ.get("CAREGRAPH_LOCAL_BASE", "").strip() or LOCAL_BASE
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", value) or re.search(r"[<>\"{}|^`\\]", value):
        raise LocalBaseError(
            f"CAREGRAPH_LOCAL_BASE {value!r} is not an absolute IRI (give e.g. https://data.example.org/caregraph/)"
        )
    if value.startswith(W3ID):
        raise LocalBaseError(
            f"CAREGRAPH_LOCAL_BASE {value!r} is in the public namespace {W3ID}; give a namespace of your own"
        )
    return value if value.endswith("/") else value + "/"


def is_public(key: str) -> bool:
    """Whether a :func:`document_key` is a public source URL (http or https): the document's graph is then in the
    public namespace; a path (a private file) or any other scheme keys it in :func:`local_base`."""
    return re.match(r"^https?://[^/\s]", key, re.I) is not None


@lru_cache(maxsize=8192)
def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Children's Services & Learning" → "childrens-services-and-learning".

    Accents are folded ("Siobhán Ó Dálaigh" → "siobhan-o-dalaigh"); a name in a script with no ASCII folding keeps
    its own lower-case letters (IRIs may hold them), so two Greek names never collapse into one key. Remembered: a
    build slugs the same few names (a council's committees, people and posts) again and again, nine times in ten.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = folded.replace("&", " and ").replace("'", "").lower()
    key = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if not key:
        own = unicodedata.normalize("NFC", text).replace("&", " and ").replace("'", "").replace("’", "").lower()
        key = re.sub(r"[\W_]+", "-", own).strip("-")
    return key or "unnamed"


def person_key(name: str) -> str:
    """A person's key: the name without honorifics, slugged ("Councillor Clare Curran" → "clare-curran")."""
    previous = None
    while previous != name:
        previous, name = name, HONORIFICS.sub("", name.strip())
    return slug(name)


def kind_family(kind: str) -> str:
    """Every ILACS kind keys as "ilacs" so a paper's "ILACS inspection" joins Ofsted's "Standard" inspection."""
    return "ilacs" if kind.startswith("ilacs") else kind


def text_key(text: str, length: int = 12) -> str:
    """A short digest of text with case, punctuation and spacing folded, so trivial differences key alike."""
    import hashlib  # here, not at the top: the query path never digests (OpenSSL's ~2 ms of every query)

    return hashlib.sha1(re.sub(r"\W+", " ", text.lower()).strip().encode("utf-8")).hexdigest()[:length]


def document_key(url: str | None, path: str) -> str:
    """What names a document: its source URL when one is known, else its normalised path (a ``Source``'s ``name``,
    a ``SourceDocument``'s ``path``)."""
    return url or path


def council_iri(council_slug: str) -> str:
    """The council's IRI as a string (:func:`council` is the same IRI as a ``URIRef``). An IRI is itself: a
    document's unidentified publisher (:func:`unidentified_publisher`) keys what it holds as a council does."""
    if ":" in council_slug:  # an IRI (a slug has no colon), e.g. urn:caregraph:local/doc/…/publisher
        return council_slug
    return f"{base()}council/{council_slug}"


def unidentified_publisher(document_iri: str) -> str:
    """``{document}/publisher``: the council that published a document when the extraction cannot tell which. A
    node of that document only, so the cabinets and inspections of two unidentified councils never merge."""
    return f"{document_iri}/publisher"


def document_iri(key: str) -> str:
    """A document's IRI as a string, from its :func:`document_key` (:func:`document`): ``{base}doc/{digest}`` for a
    public URL, ``{local base}doc/{digest}`` for a private file (:func:`is_public`)."""
    import hashlib

    scope = base() if is_public(key) else local_base()
    return f"{scope}doc/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


def document_prefix() -> tuple[str, str]:
    """What a document IRI starts with: ``{base}doc/`` (public documents) or ``{local base}doc/`` (private ones);
    a tuple, as ``str.startswith`` takes it."""
    return f"{base()}doc/", f"{local_base()}doc/"


def graph_iri(name: str) -> str:
    """A reference graph's IRI as a string: ontology, vocabularies, councils, ofsted, dataset (:func:`graph`)."""
    return f"{GRAPH_BASE}{name}"


def concept_iri(scheme: str, key: str) -> str:
    """A SKOS concept's IRI as a string: ``cgv:{scheme}/{key}`` (:func:`concept`)."""
    return f"{VOCAB}{scheme}/{key}"


# ---------------------------------------------------------------------------------------------- IRIs, as URIRef


@cache
def _uriref() -> type[URIRef]:
    from rdflib import URIRef

    return URIRef


def _ref(iri: str) -> URIRef:
    return _uriref()(iri)


def council(council_slug: str) -> URIRef:
    return _ref(council_iri(council_slug))


def body(council_slug: str, name: str) -> URIRef:
    return _ref(f"{council_iri(council_slug)}/body/{slug(name)}")


def meeting(council_slug: str, body_name: str, date: PartialDate) -> URIRef:
    return _ref(f"{body(council_slug, body_name)}/meeting/{date.iso()}")


def agenda_item(meeting_iri: str, number: str | None, title: str | None) -> URIRef:
    return _ref(f"{meeting_iri}/item/{slug(number or title or 'item')}")


def report(item_iri: str) -> URIRef:
    return _ref(f"{item_iri}/report")


def person(council_slug: str | None, name: str) -> URIRef:
    """``{council}/person/{full name}`` (``{base}unplaced/person/…`` when no council is known)."""
    scope = council_iri(council_slug) if council_slug else f"{base()}unplaced"
    return _ref(f"{scope}/person/{person_key(name)}")


def person_mention(document_iri: str, name: str) -> URIRef:
    """``{document}/person/{key}``: a person a document names by surname alone ("Councillor Kennedy"), kept as a
    mention of that document (two councils' Councillor Kennedys are not one person) until resolved."""
    return _ref(f"{document_iri}/person/{person_key(name)}")


def _post_key(title: str) -> str:
    return slug(re.sub(r"^the\s+", "", title.strip(), flags=re.I))


def post(organisation_iri: str, title: str) -> URIRef:
    """``{organisation}/post/{title}``: a post in the body the text ties it to."""
    return _ref(f"{organisation_iri}/post/{_post_key(title)}")


def unplaced_post(title: str) -> URIRef:
    """``{base}post/{title}``: a post no text ties to a body (the Secretary of State for Education, a lead
    inspector), one node for every document that names it."""
    return _ref(f"{base()}post/{_post_key(title)}")


def membership(person_iri: str, post_title: str) -> URIRef:
    """``{person}/membership/{title}``: one person's holding of one post (an ``org:Membership``), one node for every
    document that attests it (each document's graph holds its own attestation, dated by the document); a person
    named by surname alone has memberships of that document only."""
    return _ref(f"{person_iri}/membership/{_post_key(post_title)}")


def inspection(council_slug: str, kind: str, start: PartialDate | None, published: PartialDate | None = None) -> URIRef:
    """``{council}/inspection/{family}/{YYYY-MM}`` from the start month (``YYYY`` when only the year is known);
    an inspection known only by its publication date keys as ``p{YYYY-MM}``."""
    when = start.month_key() if start is not None else "p" + (published.month_key() if published else "undated")
    return _ref(f"{council_iri(council_slug)}/inspection/{kind_family(kind)}/{when}")


def sub_judgement(inspection_iri: str, area: str) -> URIRef:
    return _ref(f"{inspection_iri}/judgement/{area}")


def decision(parent: str, number: str | None, text: str) -> URIRef:
    """``{parent}/decision/{number}``, or ``{parent}/decision/t-{digest of the text}`` when there is no number (or
    the number is not unique in the document). The parent is the agenda item, else the meeting, else the document."""
    key = number if number else "t-" + text_key(text)
    return _ref(f"{parent}/decision/{slug(key)}")


def follow_up(parent: str, due: PartialDate, description: str | None = None) -> URIRef:
    """``{parent}/follow-up/{due}``; with ``description`` (when two follow-ups of one parent share a due date)
    ``{parent}/follow-up/{due}-{digest of the description}``."""
    suffix = f"-{text_key(description, 8)}" if description else ""
    return _ref(f"{parent}/follow-up/{due.iso()}{suffix}")


def organisation(key: str, council_slug: str | None = None) -> URIRef:
    """``{base}org/{key}`` (Ofsted, the DfE: one for all of England), or ``{council}/org/{key}`` for a body that
    exists once per council (its safeguarding children board, its corporate parenting board)."""
    scope = f"{council_iri(council_slug)}/" if council_slug else base()
    return _ref(f"{scope}org/{'/'.join(slug(part) for part in key.split('/'))}")


def practice_model(key: str) -> URIRef:
    """``cgv:practice-model/{key}``: a concept of the practice-model scheme (ontology/vocabularies.ttl), one per
    entry of the extraction rules' ``[[practice_models]]``."""
    return _ref(concept_iri("practice-model", slug(key)))


def document(key: str) -> URIRef:
    """A document's IRI from its :func:`document_key`."""
    return _ref(document_iri(key))


def evidence(document_iri: str, start: int, end: int) -> URIRef:
    return _ref(f"{document_iri}/evidence/{start}-{end}")


def source_row(graph_iri: str, sheet: str, row: int) -> URIRef:
    """``{graph}/row/{sheet}/{row}``: one row of a spreadsheet a reference graph was imported from (Ofsted's
    outcomes), the reifier of the facts it states, as a span is in a document graph."""
    return _ref(f"{graph_iri}/row/{slug(sheet)}/{row}")


def statement(document_iri: str, s: Identifier, p: Identifier, o: Identifier) -> URIRef:
    """``{document}/statement/{sha1 of the triple in N-Triples}[:16]``: one IRI per fact and document (the triple
    written by :func:`caregraph.ntriples.term_key`)."""
    import hashlib

    triple = f"{term_key(s)} {term_key(p)} {term_key(o)} ."
    return _ref(f"{document_iri}/statement/{hashlib.sha1(triple.encode('utf-8')).hexdigest()[:16]}")


def concept(scheme: str, key: str) -> URIRef:
    return _ref(concept_iri(scheme, key))


def graph(name: str) -> URIRef:
    """Reference graphs: ontology, vocabularies, councils, ofsted, dataset."""
    return _ref(graph_iri(name))
