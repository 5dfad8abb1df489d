"""Stage 4 — map: an :class:`~caregraph.records.Extraction` becomes the RDF graph of its document.

Every IRI comes from :mod:`caregraph.iris`. Every fact triple has its provenance in RDF 1.2: the span of text it came
from (``oa:start``, ``oa:end``, ``oa:exact``) reifies it, ``{span} rdf:reifies <<( s p o )>>``, so "where does it
say that?" has an answer for any triple (docs/ontology.md, "Provenance"); :func:`to_graph` gives the RDF 1.1 form.
Concept keys of the records become ``cgv:`` concepts; judgement areas are translated to the inspection's framework
(:func:`area_key`). ``tests/golden/*.ttl`` hold the expected graphs of three hand-built extractions.

The graph is written once, as N-Triples (:func:`to_ntriples`, what the build stores); :func:`to_triples` reads it back
into rdflib terms and :func:`to_graph` into an rdflib ``Graph`` (RDF 1.1), for validation, tests and library users.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from datetime import UTC, datetime

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib import namespace as rdflib_ns

from caregraph import __version__, iris, vocab
from caregraph.namespaces import PREFIXES as NAMESPACE_PREFIXES
from caregraph.namespaces import RDF as RDF_NS
from caregraph.namespaces import XSD as XSD_NS
from caregraph.ntriples import TripleTerm, iri_nt, literal_nt, rdflib_triples
from caregraph.records import DecisionRecord, Evidence, Extraction, MeetingRecord, PartialDate, SourceDocument

PREFIXES = NAMESPACE_PREFIXES  # re-exported; the table lives in caregraph.namespaces


class _Terms:
    """A namespace whose terms are each made once: rdflib's namespaces make a new ``URIRef`` on every ``CG.x`` (0.5
    to 1 µs, some ninety a document). A term a checked namespace lacks is still an ``AttributeError``."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:  # the first use of a term; it is an attribute from then on
        if name.startswith("_"):
            raise AttributeError(name)
        term = self._namespace[name]
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


CG, OA, ORG = _Terms(vocab.CG), _Terms(vocab.OA), _Terms(vocab.ORG)
RDF, RDFS, SKOS = _Terms(rdflib_ns.RDF), _Terms(rdflib_ns.RDFS), _Terms(rdflib_ns.SKOS)
DCTERMS, FOAF, PROV = _Terms(rdflib_ns.DCTERMS), _Terms(rdflib_ns.FOAF), _Terms(rdflib_ns.PROV)

REIFIES = URIRef(RDF_NS + "reifies")  # RDF 1.2; rdflib 7's closed RDF namespace lacks it
_DATE_TYPES = {"year": XSD_NS + "gYear", "month": XSD_NS + "gYearMonth", "day": XSD_NS + "date"}
_XSD_DATE = XSD_NS + "date"
_MEDIA_TYPES = {"txt": "text/plain", "html": "text/html", "pdf": "application/pdf"}

# Judgement-area keys as extraction gives them → concept keys of cgv:area. Extraction names the ILACS areas; an
# inspection under the single inspection framework graded the SIF areas, whose concepts differ
# (vocabularies.ttl: "choose by the inspection's framework").
AREA_ALIASES = {"lscb": "lscb-effectiveness"}
SIF_AREAS = {
    "impact-of-leaders": "sif-leadership",
    "help-and-protection": "sif-help-and-protection",
    "children-in-care": "sif-looked-after",
    "care-leavers": "sif-care-leavers",
}
SIF_KINDS = frozenset({"sif", "sif-reinspection"})


def date_literal(date: PartialDate) -> Literal:
    """A typed literal at the date's own precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    return Literal(date.iso(), datatype=URIRef(_DATE_TYPES[date.precision]))


# The derived bounds of each dated property: the earliest and the latest day its value allows (docs/ontology.md,
# "Dates"), so that a typed range filter sees a month or a year too.
DATE_BOUNDS = {
    CG.startDate: (CG.startEarliest, CG.startLatest),
    CG.endDate: (CG.endEarliest, CG.endLatest),
    CG.publicationDate: (CG.publishedEarliest, CG.publishedLatest),
    CG.due: (CG.dueEarliest, CG.dueLatest),
    CG.date: (CG.dateEarliest, CG.dateLatest),
}
EDTF = URIRef("http://id.loc.gov/datatypes/edtf/EDTF")
# EDTF season codes and months (northern-hemisphere meteorological seasons). Winter straddles the year: "winter 2022"
# may be its January or its December, so its bounds run from 1 January to the end of the next February.
SEASONS = {"spring": ("21", 3, 5), "summer": ("22", 6, 8), "autumn": ("23", 9, 11), "fall": ("23", 9, 11)}
SEASONS["winter"] = ("24", 1, 14)
_SEASON_WORDS = re.compile(r"(?i)\b(spring|summer|autumn|fall|winter)\b")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def _month_end(year: int, month: int) -> dt.date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def date_bounds(date: PartialDate) -> tuple[dt.date, dt.date]:
    """The first and last day a date at its precision allows (:meth:`PartialDate.bounds`)."""
    return date.bounds()


def season(date: PartialDate, words: str | None) -> tuple[str, dt.date, dt.date] | None:
    """EDTF and bounds when a year-precision date was written as seasons of that year: "Spring 2022" →
    ("2022-21", 1 March, 31 May 2022); "between Spring and Summer 2022" → ("2022-21/2022-22", 1 March, 31 August)."""
    if date.precision != "year" or not words:
        return None
    named = [w.lower() for w in _SEASON_WORDS.findall(words)]
    if not named or any(int(y) != date.year for y in _YEARS.findall(words)):
        return None
    (first, start, _), (last, _, end) = SEASONS[named[0]], SEASONS[named[-1]]
    codes = f"{date.year}-{first}" if first == last else f"{date.year}-{first}/{date.year}-{last}"
    return codes, dt.date(date.year, start, 1), _month_end(date.year, end)


def bounds(p: URIRef, date: PartialDate, words: str | None = None) -> list[tuple[URIRef, str, str]]:
    """The derived bounds of ``? p date`` (:data:`DATE_BOUNDS`) as (predicate, lexical form, datatype): the earliest
    and latest day as ``xsd:date``, and for a start written as seasons its EDTF (``cg:startEdtf "2022-21"``)."""
    earliest, latest = DATE_BOUNDS[p]
    lo, hi = date_bounds(date)
    out: list[tuple[URIRef, str, str]] = []
    found = season(date, words) if p == CG.startDate else None
    if found is not None:
        code, lo, hi = found
        out.append((CG.startEdtf, code, str(EDTF)))
    out.append((earliest, lo.isoformat(), _XSD_DATE))
    out.append((latest, hi.isoformat(), _XSD_DATE))
    return out


def bound_triples(s: URIRef, p: URIRef, date: PartialDate, words: str | None = None) -> list[Triple]:
    """The derived bounds of ``s p date`` (:func:`bounds`) as rdflib triples. Derived, not stated: they carry no
    reifier of their own."""
    return [(s, q, Literal(lexical, datatype=URIRef(datatype))) for q, lexical, datatype in bounds(p, date, words)]


def area_key(area: str, kind: str) -> str:
    """The cgv:area concept key for a sub-judgement area of an inspection of ``kind``."""
    area = AREA_ALIASES.get(area, area)
    return SIF_AREAS.get(area, area) if kind in SIF_KINDS else area


def inspection_label(council_slug: str, kind: str, start: PartialDate | None, published: PartialDate | None) -> str:
    """A label made of the inspection's key alone, so every document gives the shared node the same label:
    "focused visit, surrey, 2024-04"; "sif, surrey, published 2018-05"."""
    when = (
        start.month_key()
        if start is not None
        else f"published {published.month_key()}"
        if published is not None
        else "undated"
    )
    return f"{iris.kind_family(kind).replace('-', ' ')}, {council_slug}, {when}"


def short_label(text: str, limit: int = 80) -> str:
    """Text cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def document_iri(document: SourceDocument) -> URIRef:
    """The document's IRI, from its :func:`caregraph.iris.document_key` (URL, else normalised path)."""
    return iris.document(iris.document_key(document.url, document.path))


Triple = tuple  # (subject, predicate, object) of rdflib terms

_XSD_BOOLEAN = XSD_NS + "boolean"
_XSD_INTEGER = XSD_NS + "integer"


class _Literal(str):
    """A literal in N-Triples syntax (:func:`_literal`, :func:`_typed`), as the writer takes an object that is not an
    IRI."""

    __slots__ = ()


def _literal(value: str | int | bool) -> _Literal:
    """A literal of ``value`` typed as rdflib's ``Literal(value)`` types it: a string plain, a ``bool`` as
    ``xsd:boolean``, an ``int`` as ``xsd:integer``."""
    if isinstance(value, str):
        return _Literal(literal_nt(value))
    if isinstance(value, bool):
        return _Literal(literal_nt("true" if value else "false", _XSD_BOOLEAN))
    if isinstance(value, int):
        return _Literal(literal_nt(str(value), _XSD_INTEGER))
    raise TypeError(f"no literal for {value!r}")


def _typed(lexical: str, datatype: str) -> _Literal:
    return _Literal(literal_nt(lexical, datatype))


def _date(date: PartialDate) -> _Literal:
    """:func:`date_literal` in N-Triples syntax."""
    return _typed(date.iso(), _DATE_TYPES[date.precision])


_REIFIES_NT, _OA_START, _OA_END, _OA_EXACT = (iri_nt(t) for t in (REIFIES, OA.start, OA.end, OA.exact))


class _Writer:
    """Writes a document's graph as N-Triples lines: fact triples with their provenance, and document metadata
    without. Terms go straight to their N-Triples text (:func:`caregraph.ntriples.iri_nt`, :func:`_literal`): an
    rdflib term per value and a set of rdflib triples to serialise cost the build more than the rest of the mapping
    (docs/performance.md). The lines are a dict, so a triple stated twice is written once, in a stable order.

    Provenance is RDF 1.2 (docs/ontology.md, "Provenance"): the span of text that states a fact is the fact's
    reifier, ``{doc}/evidence/{start}-{end} rdf:reifies <<( s p o )>>``, and carries ``oa:start``, ``oa:end`` and
    ``oa:exact`` once however many facts it states; a fact with no span (a publisher known from the URL) is
    reified by the document itself. Two quads a fact, three a span."""

    def __init__(self, doc: URIRef):
        self.doc = doc
        self.lines: dict[str, None] = {}
        self._iris: dict[str, str] = {}  # IRI → its N-Triples text, each IRI checked once
        self._spans: dict[tuple[int, int], str] = {}  # (start, end) → the span's IRI in N-Triples
        self._doc = self.term(doc)

    def term(self, t: str) -> str:
        """An object, subject or predicate in N-Triples: a literal as it is, an IRI checked (``ValueError``)."""
        if type(t) is _Literal:
            return t
        text = self._iris.get(t)
        if text is None:
            if isinstance(t, Literal):  # a str too: written as an IRI, "10:30" would pass for one
                raise TypeError(f"an rdflib Literal where an IRI or N-Triples literal text belongs: {t!r}")
            text = self._iris[t] = iri_nt(t)
        return text

    def ntriples(self) -> bytes:
        return "".join(self.lines).encode("utf-8")

    def meta(self, s: URIRef, p: URIRef, o: str) -> None:
        self.lines[f"{self.term(s)} {self.term(p)} {self.term(o)} .\n"] = None

    def span(self, evidence: Evidence) -> str:
        """The span's IRI in N-Triples; its offsets and quote are added the first time."""
        key = (evidence.start, evidence.end)
        ev = self._spans.get(key)
        if ev is None:
            ev = self._spans[key] = self.term(iris.evidence(self.doc, evidence.start, evidence.end))
            lines = self.lines
            lines[f"{ev} {_OA_START} {_literal(evidence.start)} .\n"] = None
            lines[f"{ev} {_OA_END} {_literal(evidence.end)} .\n"] = None
            lines[f"{ev} {_OA_EXACT} {_literal(evidence.quote)} .\n"] = None
        return ev

    def fact(self, s: URIRef, p: URIRef, o: str | None, evidence: Evidence | None) -> None:
        if o is None:
            return
        triple = f"{self.term(s)} {self.term(p)} {self.term(o)}"
        self.lines[triple + " .\n"] = None
        reifier = self.span(evidence) if evidence is not None else self._doc
        self.lines[f"{reifier} {_REIFIES_NT} <<( {triple} )>> .\n"] = None

    def bounds(self, s: URIRef, p: URIRef, date: PartialDate, words: str | None = None) -> None:
        """The derived bounds of a dated fact (:func:`bounds`), with no reifier of their own."""
        for q, lexical, datatype in bounds(p, date, words):
            self.meta(s, q, _typed(lexical, datatype))

    def date(
        self, s: URIRef, p: URIRef, date: PartialDate, evidence: Evidence | None, words: str | None = None
    ) -> None:
        """A dated fact (typed at its precision, with its provenance) and its derived bounds."""
        self.fact(s, p, _date(date), evidence)
        self.bounds(s, p, date, words)

    def entity(
        self, s: URIRef, cls: URIRef, label: str, evidence: Evidence | None, label_property: URIRef = RDFS.label
    ) -> URIRef:
        self.fact(s, RDF.type, cls, evidence)
        self.fact(s, label_property, _literal(label), evidence)
        self.meta(self.doc, CG.mentions, s)
        return s


def to_graph(x: Extraction, built_at: datetime | None = None) -> Graph:
    """The RDF graph of one document as an rdflib ``Graph``, with caregraph's prefixes bound. rdflib 7 has no triple
    terms, so the provenance is in its RDF 1.1 form (:func:`rdf11_triples`), as ``export --provenance rdf11`` writes
    it; :func:`to_ntriples` is what the build stores."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, Namespace(ns))
    for triple in rdf11_triples(to_triples(x, built_at), document_iri(x.document)):
        graph.add(triple)
    return graph


def rdf11_triples(triples: set[Triple], doc: URIRef) -> set[Triple]:
    """A document graph's triples with each ``r rdf:reifies <<( s p o )>>`` written as RDF 1.1 reification: the
    statement ``{doc}/statement/{hash}`` (``rdf:subject``, ``rdf:predicate``, ``rdf:object``,
    ``prov:wasDerivedFrom`` the document, ``cg:evidence`` the span) and the span typed ``cg:Evidence`` with
    ``oa:hasSource`` the document. The same rewriting as :func:`caregraph.interop.provenance.convert` (tested)."""
    out: set[Triple] = set()
    spans: set[URIRef] = set()
    for s, p, o in triples:
        if p != REIFIES or not isinstance(o, TripleTerm):
            out.add((s, p, o))
            continue
        st = iris.statement(doc, *o)
        out.update(
            (
                (st, RDF.type, RDF.Statement),
                (st, RDF.subject, o[0]),
                (st, RDF.predicate, o[1]),
                (st, RDF.object, o[2]),
                (st, PROV.wasDerivedFrom, doc),
            )
        )
        if s != doc:
            out.add((st, CG.evidence, s))
            spans.add(s)
    for span in spans:
        out.add((span, RDF.type, CG.Evidence))
        out.add((span, OA.hasSource, doc))
    return out


# Organisations that exist once per council (a safeguarding children board, a corporate parenting board, an
# improvement board): keyed under the council the document is about, not once for all of England.
PER_COUNCIL_CATEGORIES = frozenset({"board", "safeguarding-partnership"})
# A post named without its body is the publishing council's when its title is a council member's or officer's;
# any other (a Secretary of State, a lead inspector, a commissioner, an NHS director) has no org:postIn until the
# text names its body.
_COUNCIL_POST = re.compile(
    r"(?i)\b(?:cabinet|portfolio|lead member|executive member|member for|leader|councillor|chair(?:man)?|director"
    r"|head of|chief executive|officer|manager|scrutiny|dcs)\b"
)
_OTHER_BODY_POST = re.compile(
    r"(?i)\b(?:secretary of state|minister|commissioner|inspector|hmi|ofsted|nhs|police|independent|of london)\b"
)


def _council_named(name: str) -> str | None:
    """The council a body's name is ("Anyshire County Council", "Anyshire Council", "Anyshire"), or None."""
    from caregraph.gazetteer import gazetteer

    g = gazetteer()
    return g.resolve(name) or g.resolve(re.sub(r"(?i)^the\s+|\s+council$", "", name.strip()))


def is_council_post(title: str) -> bool:
    """Whether a post named with no body is the publishing council's by its title alone (see above)."""
    return _COUNCIL_POST.search(title) is not None and _OTHER_BODY_POST.search(title) is None


# Statutory roles (Children Act 2004 ss18-19) by a post's local title; see statutory_role.
_DIRECTOR = re.compile(
    r"^(?:the\s+)?(?:(?:interim|acting)\s+)?(?:(?:executive|corporate|strategic)\s+)?director\b(.*)$"
)
_MEMBER = re.compile(r"^(?:the\s+)?(?:(?:cabinet|lead|executive)\s+member|(?:cabinet\s+)?portfolio\s+holder)\b(.*)$")
_CHILDREN = re.compile(r"\b(?:child(?:ren)?|young\s+people)\b")
_NOT_THE_HOLDER = re.compile(r"\b(?:assistant|deputy|associate|shadow|vice|head\s+of)\b")
_CHILDRENS_SERVICES = re.compile(r"\b(?:children|young\s+people)(?:'s|s')?\s+services\b")
# A DCS's remit, besides children: words that name it whole (BROAD) or narrow it to one service (NARROW); a director
# whose remit has any other word (commissioning, quality, …) is not taken for the DCS.
_REMIT_NEUTRAL = frozenset(
    {"of", "for", "and", "the", "children", "child", "young", "people", "services", "service", "s"}
)
_REMIT_BROAD = frozenset(
    {"families", "family", "learning", "skills", "schools", "adults", "adult", "wellbeing", "communities", "lifelong"}
)
_REMIT_NARROW = frozenset(
    {"social", "care", "work", "safeguarding", "early", "help", "familyhelp", "education", "protection"}
)


def statutory_role(title: str) -> str | None:
    """The statutory role a post is by its title, whatever the council calls it: ``"dcs"`` for the Director of
    Children's Services (Children Act 2004 s18), ``"lead-member"`` for the Lead Member for Children's Services (s19),
    else None. Conservative: a director — also Executive/Corporate/Strategic, Interim/Acting — whose remit names
    children or young people and is not one service alone (social care, safeguarding, education, early help); a
    Cabinet/Lead/Executive Member or Portfolio Holder whose title names children or young people. Never an
    assistant, deputy, associate, shadow or vice post, nor a "Head of".

    >>> statutory_role("Executive Director of Children, Families and Learning")
    'dcs'
    >>> statutory_role("Corporate Director of Children and Young People’s Services")
    'dcs'
    >>> statutory_role("Director of Education and Children's Services")
    'dcs'
    >>> statutory_role("Director of Children's Social Care") is None
    True
    >>> statutory_role("Assistant Director of Children's Services") is None
    True
    >>> statutory_role("Strategic Director for People") is None
    True
    >>> statutory_role("Cabinet Member for Children")
    'lead-member'
    >>> statutory_role("Portfolio Holder for Children and Young People")
    'lead-member'
    >>> statutory_role("Deputy Cabinet Member for Children") is None
    True
    """
    text = " ".join(title.casefold().replace("\u2019", "'").split())
    if text == "dcs":
        return "dcs"
    if _NOT_THE_HOLDER.search(text) or not _CHILDREN.search(text):
        return None
    if _MEMBER.match(text):
        return "lead-member"
    director = _DIRECTOR.match(text)
    if director is None:
        return None
    remit = director.group(1).replace("family help", "familyhelp")
    words = set(re.findall(r"[a-z]+", remit)) - _REMIT_NEUTRAL
    if words - _REMIT_BROAD - _REMIT_NARROW:
        return None
    if words & _REMIT_NARROW and not (words & _REMIT_BROAD or _CHILDRENS_SERVICES.search(remit)):
        return None
    return "dcs"


class _Context:
    """What the parts of one document's mapping share: the writer, the document, and its publisher — the council
    the extraction identified, else an explicit unidentified publisher ``{doc}/publisher`` (a node of this document
    only, so unidentified councils' cabinets never merge), minted the first time something is keyed under it."""

    def __init__(self, x: Extraction, w: _Writer):
        self.x, self.w, self.doc = x, w, w.doc
        self.publisher = x.publisher
        self._unknown: str | None = None

    def scope(self) -> str:
        """The publisher's key for IRIs: its gazetteer slug, or the unidentified publisher's IRI."""
        if self.publisher is not None:
            return self.publisher
        if self._unknown is None:
            self._unknown = iris.unidentified_publisher(self.doc)
            node = URIRef(self._unknown)
            self.w.fact(node, RDF.type, CG.Council, None)
            self.w.fact(node, RDFS.label, _literal("unidentified publisher"), None)
            self.w.fact(self.doc, DCTERMS.publisher, node, None)
        return self._unknown

    def organisation(self, key: str, category: str | None) -> URIRef:
        return iris.organisation(key, self.scope() if category in PER_COUNCIL_CATEGORIES else None)


def to_triples(x: Extraction, built_at: datetime | None = None) -> set[Triple]:
    """The triples of one document's graph (:func:`to_ntriples`) as rdflib terms, each ``rdf:reifies`` object a
    :class:`~caregraph.ntriples.TripleTerm`."""
    return rdflib_triples(to_ntriples(x, built_at))


def to_ntriples(x: Extraction, built_at: datetime | None = None) -> bytes:
    """One document's graph as N-Triples bytes, one triple a line, as the build stores it: its metadata and every
    fact extracted from it, with their provenance. Raises ``ValueError`` for an IRI that is not valid."""
    w = _Writer(document_iri(x.document))
    _metadata(x, w, built_at)
    c = _Context(x, w)
    for mention in x.councils:
        council = iris.council(mention.slug)
        w.fact(council, RDF.type, CG.Council, mention.evidence)
        w.meta(w.doc, CG.mentions, council)
        if mention.publisher:
            w.fact(w.doc, DCTERMS.publisher, council, mention.evidence)
    meetings, items = _meetings(c)
    _people_and_posts(c)
    for pm in x.practice_models:
        model = w.entity(iris.practice_model(pm.key), CG.PracticeModel, pm.name, pm.evidence, SKOS.prefLabel)
        w.fact(iris.council(c.scope()), CG.practiceModel, model, pm.evidence)
    _inspections(c)
    _decisions(c, meetings, items)
    return w.ntriples()


def _metadata(x: Extraction, w: _Writer, built_at: datetime | None) -> None:
    doc, d = w.doc, x.document
    w.meta(doc, RDF.type, CG.Document)
    w.meta(doc, CG.file, _literal(d.path))
    if d.url:
        w.meta(doc, CG.sourceUrl, _typed(d.url, XSD_NS + "anyURI"))
    w.meta(doc, CG.sha256, _literal(d.sha256))
    w.meta(doc, CG.byteSize, _literal(d.size))
    w.meta(doc, DCTERMS["format"], _literal(_MEDIA_TYPES[d.format]))
    w.meta(doc, CG.genre, _literal(x.genre.value))
    if x.title:
        w.meta(doc, DCTERMS.title, _literal(x.title))
    if x.date:
        w.meta(doc, CG.date, _date(x.date))
        w.bounds(doc, CG.date, x.date)
    w.meta(doc, CG.caregraphVersion, _literal(__version__))
    w.meta(
        doc,
        PROV.generatedAtTime,
        _typed((built_at or datetime.now(UTC)).replace(microsecond=0).isoformat(), XSD_NS + "dateTime"),
    )


def _meetings(c: _Context) -> tuple[list[URIRef], list[URIRef]]:
    """Committees, meetings, agenda items and reports; the meetings' and items' IRIs."""
    w = c.w
    meeting_iris: list[URIRef] = []
    item_iris: list[URIRef] = []
    for m in c.x.meetings:
        scope = c.scope()
        council = iris.council(scope)
        body = w.entity(iris.body(scope, m.body), CG.Committee, m.body, m.evidence, SKOS.prefLabel)
        w.fact(body, ORG.unitOf, council, m.evidence)
        w.fact(body, CG.council, council, m.evidence)
        meeting = w.entity(iris.meeting(scope, m.body, m.date), CG.Meeting, f"{m.body}, {m.date.iso()}", m.evidence)
        meeting_iris.append(meeting)
        w.fact(meeting, CG.body, body, m.evidence)
        w.fact(meeting, CG.council, council, m.evidence)
        w.date(meeting, CG.date, m.date, m.evidence)
        if not (m.item_number or m.item_title):
            continue
        item = w.entity(
            iris.agenda_item(meeting, m.item_number, m.item_title),
            CG.AgendaItem,
            m.item_title or f"Item {m.item_number}",
            m.evidence,
        )
        item_iris.append(item)
        w.fact(meeting, CG.agendaItem, item, m.evidence)
        if m.item_number:
            w.fact(item, CG.itemNumber, _literal(m.item_number), m.evidence)
        if m.item_title:
            w.fact(item, DCTERMS.title, _literal(m.item_title), m.evidence)
        if m.report_title:
            rep = w.entity(iris.report(item), CG.Report, m.report_title, m.evidence)
            w.fact(item, CG.report, rep, m.evidence)
            w.fact(rep, DCTERMS.title, _literal(m.report_title), m.evidence)
            if m.report_size:
                fmt, _, size = m.report_size.partition(" ")
                w.fact(rep, DCTERMS["format"], _literal(fmt), m.evidence)
                w.fact(rep, DCTERMS.extent, _literal(size), m.evidence)
        if m.call_in_body:
            callin = w.entity(
                iris.body(scope, m.call_in_body), CG.Committee, m.call_in_body, m.evidence, SKOS.prefLabel
            )
            w.fact(callin, ORG.unitOf, council, m.evidence)
            w.fact(callin, CG.council, council, m.evidence)
            w.fact(item, CG.callInBody, callin, m.evidence)
    return meeting_iris, item_iris


def _people_and_posts(c: _Context) -> None:
    """Organisations, people, posts, and each holding as an org:Membership (docs/ontology.md, "People and posts")."""
    w, x = c.w, c.x
    by_name: dict[str, URIRef] = {}
    for o in x.organisations:
        org = w.entity(c.organisation(o.key, o.category), CG.Organisation, o.name, o.evidence, SKOS.prefLabel)
        w.fact(org, ORG.classification, iris.concept("org-category", o.category), o.evidence)  # issue 18: SKOS
        by_name.setdefault(o.name.casefold(), org)

    def post(title: str, organisation: str | None, evidence: Evidence) -> URIRef:
        """The post, in the body the text ties it to: an organisation of the page, or a council by name ("Anyshire
        County Council's Director of Children's Services" is Anyshire's); with no body named, the publisher's for a
        council post's title, else none (a Secretary of State's post is not the council's)."""
        at = by_name.get(organisation.casefold()) if organisation else None
        if at is None and organisation:
            council = _council_named(organisation)
            at = iris.council(council) if council is not None else None
        if at is None and not organisation and is_council_post(title):
            at = iris.council(c.scope())
        node = w.entity(
            iris.post(at, title) if at is not None else iris.unplaced_post(title),
            CG.Post,
            title,
            evidence,
            SKOS.prefLabel,
        )
        if at is not None:
            w.fact(node, ORG.postIn, at, evidence)
        role = statutory_role(title)
        if role is not None:  # the DCS or lead member (Children Act 2004 ss18-19), whatever the local title
            w.fact(node, CG.statutoryRole, iris.concept("statutory-role", role), evidence)
        return node

    for p in x.people:
        if "-" in iris.person_key(p.name):  # a full name: keyed under the council (unplaced when unknown)
            person_iri = iris.person(c.publisher, p.name)
        else:  # a surname alone ("Councillor Kennedy"): a mention of this document until resolved
            person_iri = iris.person_mention(w.doc, p.name)
        person = w.entity(person_iri, CG.Person, p.name, p.evidence)
        w.fact(person, FOAF.name, _literal(p.name), p.evidence)
        if p.honorific:
            w.fact(person, CG.honorific, _literal(p.honorific), p.evidence)
        if p.role:
            w.fact(person, CG.role, _literal(p.role), p.evidence)
        if p.post:
            held = post(p.post, p.organisation, p.evidence)
            w.fact(person, ORG.holds, held, p.evidence)
            membership = iris.membership(person, p.post)
            w.fact(membership, RDF.type, CG.Membership, p.evidence)
            w.fact(membership, ORG.member, person, p.evidence)
            w.fact(membership, CG.post, held, p.evidence)
    for named in x.posts:
        post(named.title, named.organisation, named.evidence)


def _inspections(c: _Context) -> None:
    w = c.w
    for i in c.x.inspections:
        if i.start is None and i.published is None:
            continue
        council_key = i.council or c.scope()
        insp = iris.inspection(council_key, i.kind, i.start, i.published)
        label_key = council_key if i.council or c.publisher else "unidentified publisher"
        w.entity(insp, CG.Inspection, inspection_label(label_key, i.kind, i.start, i.published), i.evidence)
        ev = i.evidence
        w.fact(insp, CG.council, iris.council(council_key), ev)
        w.fact(insp, CG.kind, iris.concept("kind", i.kind), ev)
        if i.inspectorate:
            w.fact(insp, CG.inspectorate, iris.organisation(i.inspectorate), ev)
        if i.start:
            w.date(insp, CG.startDate, i.start, ev, i.date_text)
        if i.end:
            w.date(insp, CG.endDate, i.end, ev)
        if i.published:
            w.date(insp, CG.publicationDate, i.published, ev)
        if i.date_text:
            w.fact(insp, CG.dateText, _literal(i.date_text), ev)
        if i.judgement:
            w.fact(insp, CG.judgement, iris.concept("judgement", i.judgement), ev)
        for sj in i.sub_judgements:
            area = area_key(sj.area, i.kind)
            node = iris.sub_judgement(insp, area)
            w.fact(node, RDF.type, CG.SubJudgement, ev)
            w.fact(insp, CG.subJudgement, node, ev)
            w.fact(node, CG.area, iris.concept("area", area), ev)
            w.fact(node, CG.judgement, iris.concept("judgement", sj.judgement), ev)
        if i.focus:
            w.fact(insp, CG.focus, _literal(i.focus), ev)
        if i.sequence is not None:
            w.fact(insp, CG.sequence, _literal(i.sequence), ev)
        w.fact(insp, CG.planned, _literal(i.planned), ev)


def _decision_date(c: _Context, node: URIRef, dec: DecisionRecord, made_at: MeetingRecord | None) -> None:
    """A decision's ``cg:date`` (with its bounds) and ``cg:dateBasis``: its own date (its meeting's, else the page's
    date of decision), else its meeting's, else the document's (its own date, else the manifest's publication date);
    ``dateBasis "none"`` and no date when nothing dates it."""
    w, x = c.w, c.x
    evidence: Evidence | None = None
    if dec.date is not None:
        date: PartialDate | None = dec.date
        basis = "meeting" if made_at is not None and made_at.date == dec.date else "decision"
        evidence = made_at.evidence if basis == "meeting" and made_at is not None else None
    elif made_at is not None:
        date, basis, evidence = made_at.date, "meeting", made_at.evidence
    else:
        date = x.date or x.document.published
        basis = "document" if date is not None else "none"
    if date is not None:
        w.date(node, CG.date, date, evidence)
    w.fact(node, CG.dateBasis, _literal(basis), evidence)


def _decisions(c: _Context, meeting_iris: list[URIRef], item_iris: list[URIRef]) -> None:
    w, x, doc = c.w, c.x, c.doc
    # Decisions hang off the one agenda item (or meeting) the document is about, else the document: two agenda-item
    # pages of one meeting both have a resolution 1. A number given twice in a document keys by text instead.
    meeting = meeting_iris[0] if len(set(meeting_iris)) == 1 else None
    parent = item_iris[0] if meeting is not None and len(set(item_iris)) == 1 else meeting or doc
    made_at = x.meetings[meeting_iris.index(meeting)] if meeting is not None else None
    numbers = Counter(dec.number for dec in x.decisions if dec.number)
    decision_by_number: dict[str, URIRef] = {}
    for dec in x.decisions:
        unique = dec.number if dec.number and numbers[dec.number] == 1 else None
        node = w.entity(iris.decision(parent, unique, dec.text), CG.Decision, short_label(dec.text), dec.evidence)
        if unique:
            decision_by_number[unique] = node
        w.fact(node, CG.text, _literal(dec.text), dec.evidence)
        if dec.number:
            w.fact(node, CG.number, _literal(dec.number), dec.evidence)
        if dec.outcome:
            w.fact(node, CG.outcome, iris.concept("outcome", dec.outcome), dec.evidence)
        w.fact(node, CG.decisionType, _literal(dec.kind), dec.evidence)
        if dec.unanimous is not None:
            w.fact(node, CG.unanimous, _literal(dec.unanimous), dec.evidence)
        if meeting is not None:
            w.fact(node, CG.madeAt, meeting, dec.evidence)
        _decision_date(c, node, dec, made_at)

    # A follow-up hangs off its decision, else the document; two due the same day or month there key by description.
    owners = [decision_by_number.get(f.decision_number, doc) if f.decision_number else doc for f in x.follow_ups]
    shared = Counter(zip(owners, (f.due for f in x.follow_ups), strict=False))
    for owner, f in zip(owners, x.follow_ups, strict=False):
        decision = owner if owner != doc else None
        key = iris.follow_up(owner, f.due, f.description if shared[(owner, f.due)] > 1 else None)
        node = w.entity(key, CG.FollowUp, short_label(f.description), f.evidence)
        w.date(node, CG.due, f.due, f.evidence)
        w.fact(node, DCTERMS.description, _literal(f.description), f.evidence)
        if f.responsible:
            w.fact(node, CG.responsibleText, _literal(f.responsible), f.evidence)
        if decision is not None:
            w.fact(node, CG.followUpOf, decision, f.evidence)
