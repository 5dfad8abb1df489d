"""Stage 4 — map: an :class:`~caregraph.records.Extraction` becomes the RDF graph of its document.

Every IRI comes from :mod:`caregraph.iris`. Every fact triple is also reified as an ``rdf:Statement`` with
``prov:wasDerivedFrom`` the document and ``cg:evidence`` the span of text it came from (``oa:start``, ``oa:end``,
``oa:exact``), so "where does it say that?" has an answer for any triple (docs/ontology.md, "Provenance").
"""

from __future__ import annotations

from datetime import datetime, timezone

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV

from caregraph import __version__, iris
from caregraph.records import Evidence, Extraction, PartialDate, SourceDocument
from caregraph.vocab import CG, OA, ORG

PREFIXES = {
    "cg": str(CG._NS),
    "cgv": iris.VOCAB,
    "cgd": iris.DEFAULT_BASE,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "org": str(ORG),
    "prov": str(PROV),
    "oa": str(OA),
    "schema": "https://schema.org/",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "sh": "http://www.w3.org/ns/shacl#",
}

_DATE_TYPES = {"year": XSD.gYear, "month": XSD.gYearMonth, "day": XSD.date}
_MEDIA_TYPES = {"txt": "text/plain", "html": "text/html", "pdf": "application/pdf"}


def date_literal(date: PartialDate) -> Literal:
    """A typed literal at the date's own precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    return Literal(date.iso(), datatype=_DATE_TYPES[date.precision])


def document_key(document: SourceDocument) -> str:
    return document.url or document.path


def document_iri(document: SourceDocument) -> URIRef:
    return iris.document(document_key(document))


class _Writer:
    """Adds fact triples with their reification, and document metadata without."""

    def __init__(self, doc: URIRef):
        self.graph = Graph()
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, Namespace(ns))
        self.doc = doc

    def meta(self, s: URIRef, p: URIRef, o) -> None:
        self.graph.add((s, p, o))

    def fact(self, s: URIRef, p: URIRef, o, evidence: Evidence | None) -> None:
        g = self.graph
        if o is None:
            return
        g.add((s, p, o))
        st = iris.statement(self.doc, s.n3(), p.n3(), o.n3())
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        g.add((st, PROV.wasDerivedFrom, self.doc))
        if evidence is not None:
            ev = iris.evidence(self.doc, evidence.start, evidence.end)
            g.add((st, CG.evidence, ev))
            if (ev, RDF.type, CG.Evidence) not in g:
                g.add((ev, RDF.type, CG.Evidence))
                g.add((ev, OA.start, Literal(evidence.start)))
                g.add((ev, OA.end, Literal(evidence.end)))
                g.add((ev, OA.exact, Literal(evidence.quote)))
                g.add((ev, OA.hasSource, self.doc))

    def entity(self, s: URIRef, cls: URIRef, label: str, evidence: Evidence | None, label_property: URIRef = RDFS.label) -> URIRef:
        self.fact(s, RDF.type, cls, evidence)
        self.fact(s, label_property, Literal(label), evidence)
        self.meta(self.doc, CG.mentions, s)
        return s


def to_graph(x: Extraction, built_at: datetime | None = None) -> Graph:
    """The RDF graph of one document: its metadata and every fact extracted from it."""
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
    w.meta(doc, PROV.generatedAtTime, Literal((built_at or datetime.now(timezone.utc)).replace(microsecond=0).isoformat(), datatype=XSD.dateTime))

    publisher = x.publisher
    for c in x.councils:
        council = iris.council(c.slug)
        w.fact(council, RDF.type, CG.Council, c.evidence)
        w.meta(doc, CG.mentions, council)
        if c.publisher:
            w.fact(doc, DCTERMS.publisher, council, c.evidence)

    meeting_iris = []
    for m in x.meetings if publisher else ():
        council = iris.council(publisher)
        body = w.entity(iris.body(publisher, m.body), CG.Committee, m.body, m.evidence, SKOS.prefLabel)
        w.fact(body, ORG.subOrganizationOf, council, m.evidence)
        w.fact(body, CG.council, council, m.evidence)
        meeting = w.entity(iris.meeting(publisher, m.body, m.date), CG.Meeting, f"{m.body}, {m.date.iso()}", m.evidence)
        meeting_iris.append(meeting)
        w.fact(meeting, CG.body, body, m.evidence)
        w.fact(meeting, CG.council, council, m.evidence)
        w.fact(meeting, CG.date, date_literal(m.date), m.evidence)
        if m.item_number or m.item_title:
            item = w.entity(iris.agenda_item(meeting, m.item_number, m.item_title), CG.AgendaItem, m.item_title or f"Item {m.item_number}", m.evidence)
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
                callin = w.entity(iris.body(publisher, m.call_in_body), CG.Committee, m.call_in_body, m.evidence, SKOS.prefLabel)
                w.fact(callin, CG.council, council, m.evidence)
                w.fact(item, CG.callInBody, callin, m.evidence)

    organisation_of_posts = iris.council(publisher) if publisher else None
    for p in x.people:
        person = w.entity(iris.person(publisher, p.name), CG.Person, p.name, p.evidence)
        w.fact(person, FOAF.name, Literal(p.name), p.evidence)
        if p.honorific:
            w.fact(person, CG.honorific, Literal(p.honorific), p.evidence)
        if p.role:
            w.fact(person, CG.role, Literal(p.role), p.evidence)
        if p.post and organisation_of_posts is not None:
            post = w.entity(iris.post(organisation_of_posts, p.post), CG.Post, p.post, p.evidence, SKOS.prefLabel)
            w.fact(post, ORG.postIn, organisation_of_posts, p.evidence)
            w.fact(person, ORG.holds, post, p.evidence)
    for p in x.posts if organisation_of_posts is not None else ():
        post = w.entity(iris.post(organisation_of_posts, p.title), CG.Post, p.title, p.evidence, SKOS.prefLabel)
        w.fact(post, ORG.postIn, organisation_of_posts, p.evidence)

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
        when = (i.start or i.published).iso()  # type: ignore[union-attr]
        w.entity(insp, CG.Inspection, f"{i.kind.replace('-', ' ')}, {council_slug}, {when}", i.evidence)
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
            node = iris.sub_judgement(insp, sj.area)
            w.fact(node, RDF.type, CG.SubJudgement, ev)
            w.fact(insp, CG.subJudgement, node, ev)
            w.fact(node, CG.area, iris.concept("area", sj.area), ev)
            w.fact(node, CG.judgement, iris.concept("judgement", sj.judgement), ev)
        if i.focus:
            w.fact(insp, CG.focus, Literal(i.focus), ev)
        if i.sequence is not None:
            w.fact(insp, CG.sequence, Literal(i.sequence), ev)
        w.fact(insp, CG.planned, Literal(i.planned), ev)

    parent = meeting_iris[0] if len(meeting_iris) == 1 else doc
    decision_by_number: dict[str, URIRef] = {}
    for dec in x.decisions:
        node = w.entity(iris.decision(parent, dec.number, dec.text), CG.Decision, dec.text[:80], dec.evidence)
        if dec.number:
            decision_by_number[dec.number] = node
        w.fact(node, CG.text, Literal(dec.text), dec.evidence)
        if dec.number:
            w.fact(node, CG.number, Literal(dec.number), dec.evidence)
        if dec.outcome:
            w.fact(node, CG.outcome, iris.concept("outcome", dec.outcome), dec.evidence)
        w.fact(node, CG.decisionType, Literal(dec.kind), dec.evidence)
        if dec.unanimous is not None:
            w.fact(node, CG.unanimous, Literal(dec.unanimous), dec.evidence)
        if parent != doc:
            w.fact(node, CG.madeAt, parent, dec.evidence)

    for f in x.follow_ups:
        decision = decision_by_number.get(f.decision_number) if f.decision_number else None
        node = w.entity(iris.follow_up(decision or doc, f.due), CG.FollowUp, f.description[:80], f.evidence)
        w.fact(node, CG.due, date_literal(f.due), f.evidence)
        w.fact(node, DCTERMS.description, Literal(f.description), f.evidence)
        if f.responsible:
            w.fact(node, CG.responsibleText, Literal(f.responsible), f.evidence)
        if decision is not None:
            w.fact(node, CG.followUpOf, decision, f.evidence)
    return w.graph
