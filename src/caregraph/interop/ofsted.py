"""Ofsted's official record: import the "Local authority inspection outcomes" spreadsheet into its own graph.

Ofsted publishes the outcomes of its inspections of local authority children's services (ILACS) as an ODS workbook
(official statistics, Open Government Licence v3.0). :mod:`caregraph.interop.ofsted_read` reads it (the ODS, an XLSX,
or CSV renderings of single sheets) into :class:`OfficialRecord` rows; :func:`to_triples` maps the rows to RDF with
the same IRIs as the documents (:func:`caregraph.iris.council`, :func:`caregraph.iris.inspection`), so an inspection
a council paper mentions under the same key and the same inspection in Ofsted's table are one node with two sources;
:func:`import_outcomes` replaces the graph :data:`OFSTED_GRAPH` (``…/graph/ofsted``) with them, then recomputes the
links between the papers' inspections and the official ones whose keys differ (:mod:`caregraph.pipeline.reconcile`,
graph ``…/graph/links``) and the dataset description.

Every official fact is asserted in that graph with its provenance in RDF 1.2, as in a document graph: the spreadsheet
row that states it is its reifier, in place of a text span. The row, not the shared inspection node, says that the
fact is official and where it comes from::

    <{graph}/row/{sheet}/{row}> rdf:reifies <<( s p o )>> ; cg:sourceRow "sheet!row" ; cg:official true .

The graph node itself describes the source (title, publisher, issue date, landing page, licence, import time); it is
a ``dcat:Dataset``, not a ``cg:Document``, so counts of documents leave it out. A joint inspection (a JTAI, a SEND
area inspection) has each of its inspectorates (:data:`INSPECTORATES`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV

from caregraph import __version__, iris
from caregraph.dataset import describe_dataset
from caregraph.errors import StoreError
from caregraph.interop.ofsted_read import (
    SHEETS,
    OfficialRecord,
    OfstedError,
    Outcomes,
    read_outcomes,
    resolve_council,
)
from caregraph.namespaces import RDF as RDF_NS
from caregraph.ntriples import TripleTerm
from caregraph.pipeline.mapping import bound_triples, inspection_label
from caregraph.pipeline.reconcile import LINKS_GRAPH, LinkSummary, refresh_links
from caregraph.records import PartialDate
from caregraph.vocab import CG, ORG

__all__ = [
    "INSPECTORATES",
    "LINKS_GRAPH",
    "OFSTED_GRAPH",
    "SHEETS",
    "ImportSummary",
    "OfficialRecord",
    "OfstedError",
    "Outcomes",
    "import_outcomes",
    "read_outcomes",
    "resolve_council",
    "to_triples",
]

OFSTED_GRAPH = iris.graph_iri("ofsted")
REIFIES = URIRef(RDF_NS + "reifies")
OGL_V3 = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."
LANDING_PAGE = "https://www.gov.uk/government/collections/childrens-social-care-statistics"

# The inspectorates of each kind Ofsted's table may list: Ofsted alone, but for the joint inspections it leads (the
# organisation keys and names of rules/organisations.toml, so papers that name them join).
INSPECTORATE_NAMES = {
    "ofsted": "Ofsted",
    "cqc": "Care Quality Commission",
    "hmicfrs": "HM Inspectorate of Constabulary and Fire & Rescue Services",
    "hmi-probation": "HM Inspectorate of Probation",
}
INSPECTORATES: dict[str, tuple[str, ...]] = {
    "jtai": ("ofsted", "cqc", "hmicfrs", "hmi-probation"),
    "send-area": ("ofsted", "cqc"),
}


def inspectorates(kind: str) -> tuple[str, ...]:
    """The organisation keys of the inspectorates of an inspection of ``kind`` (Ofsted leads every one)."""
    return INSPECTORATES.get(kind, ("ofsted",))


# ------------------------------------------------------------------------------------------------ mapping

_ILACS_KINDS = {"ilacs-standard", "ilacs-short"}


def _partial(day: date) -> PartialDate:
    return PartialDate(day.year, day.month, day.day)


def inspection_iri(record: OfficialRecord) -> URIRef:
    return iris.inspection(record.council, record.kind, _partial(record.start))


def to_triples(outcomes: Outcomes, *, imported_at: datetime | None = None) -> set[tuple]:
    """The RDF of the official record as a set of triples: the source's own description, and every inspection and
    its facts, each fact reified by the sheet rows it came from (RDF 1.2: rdflib cannot hold the result as a
    ``Graph``; :func:`caregraph.interop.provenance.convert` gives the RDF 1.1 form)."""
    graph_node = URIRef(OFSTED_GRAPH)
    triples: set[tuple] = set()
    ofsted = iris.organisation("ofsted")
    used: set[str] = set()  # the inspectorates named

    def add(s, p, o) -> None:
        triples.add((s, p, o))

    def fact(s, p, o, record: OfficialRecord) -> None:
        add(s, p, o)
        row = iris.source_row(OFSTED_GRAPH, record.sheet, record.row)
        add(row, REIFIES, TripleTerm(s, p, o))
        add(row, CG.sourceRow, Literal(record.source_row))
        add(row, CG.official, Literal(True))  # the row is Ofsted's statement, not the node the papers share

    # An inspection in several sheets is one node; the latest-judgements sheet gives no type, so a type another
    # sheet gives (Standard, Short) wins over the plain "ILACS inspection".
    specific: dict[URIRef, set[str]] = {}
    for r in outcomes.records:
        specific.setdefault(inspection_iri(r), set()).add(r.kind)

    for r in outcomes.records:
        insp = inspection_iri(r)
        council = iris.council(r.council)
        kinds = specific[insp]
        kind = r.kind if not (r.kind == "ilacs" and kinds & _ILACS_KINDS) else None
        fact(insp, RDF.type, CG.Inspection, r)
        # The documents' label formula, made of the key alone: the shared node has one label after an import.
        fact(insp, RDFS.label, Literal(inspection_label(r.council, r.kind, _partial(r.start), None)), r)
        fact(insp, CG.council, council, r)
        if kind:
            fact(insp, CG.kind, iris.concept("kind", kind), r)
        for key in inspectorates(r.kind):  # a joint inspection has each of its inspectorates
            fact(insp, CG.inspectorate, iris.organisation(key), r)
            used.add(key)
        fact(insp, CG.startDate, Literal(r.start.isoformat(), datatype=XSD.date), r)
        triples.update(bound_triples(insp, CG.startDate, _partial(r.start)))
        if r.published:
            fact(insp, CG.publicationDate, Literal(r.published.isoformat(), datatype=XSD.date), r)
            triples.update(bound_triples(insp, CG.publicationDate, _partial(r.published)))
        if r.judgement:
            fact(insp, CG.judgement, iris.concept("judgement", r.judgement), r)
        for area, grade in r.sub_judgements:
            node = iris.sub_judgement(insp, area)
            fact(node, RDF.type, CG.SubJudgement, r)
            fact(insp, CG.subJudgement, node, r)
            fact(node, CG.area, iris.concept("area", area), r)
            fact(node, CG.judgement, iris.concept("judgement", grade), r)
        if r.theme:
            fact(insp, CG.focus, Literal(r.theme), r)
        fact(insp, CG.planned, Literal(False), r)
        if r.web_link:
            fact(insp, RDFS.seeAlso, URIRef(r.web_link), r)
        add(council, RDF.type, CG.Council)
        add(graph_node, CG.mentions, insp)

    for key in sorted(used | {"ofsted"}):
        org = iris.organisation(key)
        triples.add((org, RDF.type, CG.Organisation))
        triples.add((org, SKOS.prefLabel, Literal(INSPECTORATE_NAMES.get(key, key))))
        triples.add((org, ORG.classification, iris.concept("org-category", "inspectorate")))  # as documents say
    triples.add((graph_node, RDF.type, DCAT.Dataset))
    triples.add((graph_node, RDF.type, PROV.Entity))
    triples.add((graph_node, DCTERMS.title, Literal(outcomes.title, lang="en")))
    triples.add((graph_node, DCTERMS.publisher, ofsted))
    triples.add((graph_node, DCTERMS.license, URIRef(OGL_V3)))
    triples.add((graph_node, DCTERMS.rights, Literal(f"© Crown copyright. {ATTRIBUTION}", lang="en")))
    triples.add((graph_node, DCAT.landingPage, URIRef(LANDING_PAGE)))
    if outcomes.issued:
        triples.add((graph_node, DCTERMS.issued, Literal(outcomes.issued.isoformat(), datatype=XSD.date)))
    if outcomes.coverage:
        triples.add((graph_node, DCTERMS.temporal, Literal(outcomes.coverage, lang="en")))
    for name, digest in zip(outcomes.files, outcomes.sha256, strict=False):
        triples.add((graph_node, DCTERMS.identifier, Literal(f"{name} sha256:{digest}")))
    triples.add((graph_node, CG.official, Literal(True)))
    triples.add((graph_node, CG.caregraphVersion, Literal(__version__)))
    triples.add(
        (
            graph_node,
            PROV.generatedAtTime,
            Literal(
                (imported_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0).isoformat(),
                datatype=XSD.dateTime,
            ),
        )
    )
    return triples


# ------------------------------------------------------------------------------------------------ importing


@dataclass(frozen=True)
class ImportSummary:
    files: tuple[str, ...]
    sheets: tuple[str, ...]
    rows: int
    inspections: int
    councils: int
    quads: int
    kinds: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()  # cells skipped, one line each (Outcomes.warnings)
    links: LinkSummary = field(default_factory=lambda: LinkSummary(0, {}, (), 0))  # papers' inspections linked


def import_outcomes(store, paths: Iterable[str | Path]) -> ImportSummary:
    """Read Ofsted's outcomes from ``paths`` and replace the graph ``…/graph/ofsted`` with them (one transaction);
    then recompute the links between the papers' inspections and the official ones (graph ``…/graph/links``,
    :func:`caregraph.pipeline.reconcile.refresh_links`) and the dataset description. A store with no graph at all was never built: refused, as every command
    but ``build`` refuses a store that does not exist (open it with ``must_exist=True`` to leave no folder behind)."""
    if getattr(store, "path", None) is not None and not store.graph_names():
        raise StoreError(f"no caregraph store at {store.path}; run 'caregraph build PATH --store {store.path}' first")
    outcomes = read_outcomes(list(paths))
    graph = to_triples(outcomes)
    store.ensure_reference_graphs()
    store.replace_graph(OFSTED_GRAPH, graph)
    links = refresh_links(store)
    describe_dataset(store)
    inspections = {inspection_iri(r) for r in outcomes.records}
    kinds: dict[str, int] = {}
    for iri in sorted(inspections):
        family = str(iri).rsplit("/", 2)[-2]
        kinds[family] = kinds.get(family, 0) + 1
    return ImportSummary(
        files=outcomes.files,
        sheets=outcomes.sheets,
        rows=len(outcomes.records),
        inspections=len(inspections),
        councils=len({r.council for r in outcomes.records}),
        quads=len(graph),
        kinds=kinds,
        warnings=outcomes.warnings,
        links=links,
    )
