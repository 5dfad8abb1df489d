"""Stage 4 — map: an :class:`~caregraph.records.Extraction` becomes the RDF graph of its document.

Every IRI comes from :mod:`caregraph.iris`. Every fact triple has its provenance in RDF 1.2: the span of text it came
from (``oa:start``, ``oa:end``, ``oa:exact``) reifies it, ``{span} rdf:reifies <<( s p o )>>``, so "where does it
say that?" has an answer for any triple (docs/ontology.md, "Provenance"); :func:`to_graph` gives the RDF 1.1 form.
Concept keys of the records become ``cgv:`` concepts; judgement areas are translated to the inspection's framework
(:func:`area_key`). ``tests/golden/*.ttl`` hold the expected graphs of three hand-built extractions.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV

from caregraph import __version__, iris
from caregraph.namespaces import PREFIXES as NAMESPACE_PREFIXES
from caregraph.namespaces import RDF as RDF_NS
from caregraph.ntriples import TripleTerm
from caregraph.records import Evidence, Extraction, PartialDate, SourceDocument
from caregraph.vocab import CG, OA, ORG

PREFIXES = NAMESPACE_PREFIXES  # re-exported; the table lives in caregraph.namespaces

REIFIES = URIRef(RDF_NS + "reifies")  # RDF 1.2; rdflib 7's closed RDF namespace lacks it
_DATE_TYPES = {"year": XSD.gYear, "month": XSD.gYearMonth, "day": XSD.date}
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
    return Literal(date.iso(), datatype=_DATE_TYPES[date.precision])


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


class _Writer:
    """Adds fact triples with their provenance, and document metadata without, to a plain set of triples (an rdflib
    ``Graph`` costs 3.5x more per triple and the build only needs the triples: docs/performance.md).

    Provenance is RDF 1.2 (docs/ontology.md, "Provenance"): the span of text that states a fact is the fact's
    reifier, ``{doc}/evidence/{start}-{end} rdf:reifies <<( s p o )>>``, and carries ``oa:start``, ``oa:end`` and
    ``oa:exact`` once however many facts it states; a fact with no span (a publisher known from the URL) is
    reified by the document itself. Two quads a fact, three a span."""

    def __init__(self, doc: URIRef):
        self.graph: set[Triple] = set()
        self.doc = doc
        self.spans: set[URIRef] = set()

    def meta(self, s: URIRef, p: URIRef, o) -> None:
        self.graph.add((s, p, o))

    def span(self, evidence: Evidence) -> URIRef:
        """The span's IRI; its offsets and quote are added the first time."""
        ev = iris.evidence(self.doc, evidence.start, evidence.end)
        if ev not in self.spans:
            self.spans.add(ev)
            g = self.graph
            g.add((ev, OA.start, Literal(evidence.start)))
            g.add((ev, OA.end, Literal(evidence.end)))
            g.add((ev, OA.exact, Literal(evidence.quote)))
        return ev

    def fact(self, s: URIRef, p: URIRef, o, evidence: Evidence | None) -> None:
        if o is None:
            return
        self.graph.add((s, p, o))
        reifier = self.span(evidence) if evidence is not None else self.doc
        self.graph.add((reifier, REIFIES, TripleTerm(s, p, o)))

    def entity(
        self, s: URIRef, cls: URIRef, label: str, evidence: Evidence | None, label_property: URIRef = RDFS.label
    ) -> URIRef:
        self.fact(s, RDF.type, cls, evidence)
        self.fact(s, label_property, Literal(label), evidence)
        self.meta(self.doc, CG.mentions, s)
        return s


def to_graph(x: Extraction, built_at: datetime | None = None) -> Graph:
    """The RDF graph of one document as an rdflib ``Graph``, with caregraph's prefixes bound. rdflib 7 has no triple
    terms, so the provenance is in its RDF 1.1 form (:func:`rdf11_triples`), as ``export --provenance rdf11`` writes
    it; :func:`to_triples` is what the build stores."""
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


def to_triples(x: Extraction, built_at: datetime | None = None) -> set[Triple]:
    """The triples of one document's graph: its metadata and every fact extracted from it, with their provenance."""
    doc = document_iri(x.document)
    w = _Writer(doc)
    d = x.document
    w.meta(doc, RDF.type, CG.Document)
    w.meta(doc, CG.file, Literal(d.path))
    if d.url:
        w.meta(doc, CG.sourceUrl, Literal(d.url, datatype=XSD.anyURI))
    w.meta(doc, CG.sha256, Literal(d.sha256))
    w.meta(doc, CG.byteSize, Literal(d.size))
    w.meta(doc, DCTERMS["format"], Literal(_MEDIA_TYPES[d.format]))
    w.meta(doc, CG.genre, Literal(x.genre.value))
    if x.title:
        w.meta(doc, DCTERMS.title, Literal(x.title))
    if x.date:
        w.meta(doc, CG.date, date_literal(x.date))
    w.meta(doc, CG.caregraphVersion, Literal(__version__))
    w.meta(
        doc,
        PROV.generatedAtTime,
        Literal((built_at or datetime.now(UTC)).replace(microsecond=0).isoformat(), datatype=XSD.dateTime),
    )

    publisher = x.publisher
    for c in x.councils:
        council = iris.council(c.slug)
        w.fact(council, RDF.type, CG.Council, c.evidence)
        w.meta(doc, CG.mentions, council)
        if c.publisher:
            w.fact(doc, DCTERMS.publisher, council, c.evidence)

    meeting_iris = []
    item_iris = []
    for m in x.meetings if publisher else ():
        council = iris.council(publisher)
        body = w.entity(iris.body(publisher, m.body), CG.Committee, m.body, m.evidence, SKOS.prefLabel)
        w.fact(body, ORG.unitOf, council, m.evidence)
        w.fact(body, CG.council, council, m.evidence)
        meeting = w.entity(iris.meeting(publisher, m.body, m.date), CG.Meeting, f"{m.body}, {m.date.iso()}", m.evidence)
        meeting_iris.append(meeting)
        w.fact(meeting, CG.body, body, m.evidence)
        w.fact(meeting, CG.council, council, m.evidence)
        w.fact(meeting, CG.date, date_literal(m.date), m.evidence)
        if m.item_number or m.item_title:
            item = w.entity(
                iris.agenda_item(meeting, m.item_number, m.item_title),
                CG.AgendaItem,
                m.item_title or f"Item {m.item_number}",
                m.evidence,
            )
            item_iris.append(item)
            w.fact(meeting, CG.agendaItem, item, m.evidence)
            if m.item_number:
                w.fact(item, CG.itemNumber, Literal(m.item_number), m.evidence)
            if m.item_title:
                w.fact(item, DCTERMS.title, Literal(m.item_title), m.evidence)
            if m.report_title:
                rep = w.entity(iris.report(item), CG.Report, m.report_title, m.evidence)
                w.fact(item, CG.report, rep, m.evidence)
                w.fact(rep, DCTERMS.title, Literal(m.report_title), m.evidence)
                if m.report_size:
                    fmt, _, size = m.report_size.partition(" ")
                    w.fact(rep, DCTERMS["format"], Literal(fmt), m.evidence)
                    w.fact(rep, DCTERMS.extent, Literal(size), m.evidence)
            if m.call_in_body:
                callin = w.entity(
                    iris.body(publisher, m.call_in_body), CG.Committee, m.call_in_body, m.evidence, SKOS.prefLabel
                )
                w.fact(callin, CG.council, council, m.evidence)
                w.fact(item, CG.callInBody, callin, m.evidence)

    organisation_of_posts = iris.council(publisher) if publisher else None
    organisations_by_name = {o.name.casefold(): iris.organisation(o.key) for o in x.organisations}

    def post_organisation(name: str | None) -> URIRef | None:
        """The organisation a post is at: the named organisation when extraction found it, else the publisher."""
        if name and name.casefold() in organisations_by_name:
            return organisations_by_name[name.casefold()]
        return organisation_of_posts

    for p in x.people:
        person = w.entity(iris.person(publisher, p.name), CG.Person, p.name, p.evidence)
        w.fact(person, FOAF.name, Literal(p.name), p.evidence)
        if p.honorific:
            w.fact(person, CG.honorific, Literal(p.honorific), p.evidence)
        if p.role:
            w.fact(person, CG.role, Literal(p.role), p.evidence)
        at = post_organisation(p.organisation)
        if p.post and at is not None:
            post = w.entity(iris.post(at, p.post), CG.Post, p.post, p.evidence, SKOS.prefLabel)
            w.fact(post, ORG.postIn, at, p.evidence)
            w.fact(person, ORG.holds, post, p.evidence)
    for p in x.posts:
        at = post_organisation(p.organisation)
        if at is None:
            continue
        post = w.entity(iris.post(at, p.title), CG.Post, p.title, p.evidence, SKOS.prefLabel)
        w.fact(post, ORG.postIn, at, p.evidence)

    for o in x.organisations:
        org = w.entity(iris.organisation(o.key), CG.Organisation, o.name, o.evidence, SKOS.prefLabel)
        w.fact(org, CG.category, Literal(o.category), o.evidence)
    for pm in x.practice_models:
        model = w.entity(iris.practice_model(pm.key), CG.PracticeModel, pm.name, pm.evidence, SKOS.prefLabel)
        if publisher:
            w.fact(iris.council(publisher), CG.practiceModel, model, pm.evidence)

    for i in x.inspections:
        council_slug = i.council or publisher
        if council_slug is None or (i.start is None and i.published is None):
            continue
        insp = iris.inspection(council_slug, i.kind, i.start, i.published)
        w.entity(insp, CG.Inspection, inspection_label(council_slug, i.kind, i.start, i.published), i.evidence)
        ev = i.evidence
        w.fact(insp, CG.council, iris.council(council_slug), ev)
        w.fact(insp, CG.kind, iris.concept("kind", i.kind), ev)
        if i.inspectorate:
            org = iris.organisation(i.inspectorate)
            w.fact(insp, CG.inspectorate, org, ev)
        if i.start:
            w.fact(insp, CG.startDate, date_literal(i.start), ev)
        if i.end:
            w.fact(insp, CG.endDate, date_literal(i.end), ev)
        if i.published:
            w.fact(insp, CG.publicationDate, date_literal(i.published), ev)
        if i.date_text:
            w.fact(insp, CG.dateText, Literal(i.date_text), ev)
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
            w.fact(insp, CG.focus, Literal(i.focus), ev)
        if i.sequence is not None:
            w.fact(insp, CG.sequence, Literal(i.sequence), ev)
        w.fact(insp, CG.planned, Literal(i.planned), ev)

    # Decisions hang off the one agenda item (or meeting) the document is about, else the document: two agenda-item
    # pages of one meeting both have a resolution 1. A number given twice in a document keys by text instead.
    meeting = meeting_iris[0] if len(set(meeting_iris)) == 1 else None
    parent = item_iris[0] if meeting is not None and len(set(item_iris)) == 1 else meeting or doc
    numbers = Counter(dec.number for dec in x.decisions if dec.number)
    decision_by_number: dict[str, URIRef] = {}
    for dec in x.decisions:
        unique = dec.number if dec.number and numbers[dec.number] == 1 else None
        node = w.entity(iris.decision(parent, unique, dec.text), CG.Decision, short_label(dec.text), dec.evidence)
        if unique:
            decision_by_number[unique] = node
        w.fact(node, CG.text, Literal(dec.text), dec.evidence)
        if dec.number:
            w.fact(node, CG.number, Literal(dec.number), dec.evidence)
        if dec.outcome:
            w.fact(node, CG.outcome, iris.concept("outcome", dec.outcome), dec.evidence)
        w.fact(node, CG.decisionType, Literal(dec.kind), dec.evidence)
        if dec.unanimous is not None:
            w.fact(node, CG.unanimous, Literal(dec.unanimous), dec.evidence)
        if meeting is not None:
            w.fact(node, CG.madeAt, meeting, dec.evidence)

    # A follow-up hangs off its decision, else the document; two due the same day or month there key by description.
    owners = [decision_by_number.get(f.decision_number, doc) if f.decision_number else doc for f in x.follow_ups]
    shared = Counter(zip(owners, (f.due for f in x.follow_ups), strict=False))
    for owner, f in zip(owners, x.follow_ups, strict=False):
        decision = owner if owner != doc else None
        key = iris.follow_up(owner, f.due, f.description if shared[(owner, f.due)] > 1 else None)
        node = w.entity(key, CG.FollowUp, short_label(f.description), f.evidence)
        w.fact(node, CG.due, date_literal(f.due), f.evidence)
        w.fact(node, DCTERMS.description, Literal(f.description), f.evidence)
        if f.responsible:
            w.fact(node, CG.responsibleText, Literal(f.responsible), f.evidence)
        if decision is not None:
            w.fact(node, CG.followUpOf, decision, f.evidence)
    return w.graph
