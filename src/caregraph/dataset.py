"""The dataset description: VoID/DCAT about the store, in its own graph :data:`DATASET_GRAPH` (``…/graph/dataset``).

:func:`describe_dataset` writes it (triples, classes with their instance counts, documents, sources, licence,
creation time, caregraph version); :func:`caregraph.pipeline.build.build` calls it after every build and
:func:`caregraph.interop.ofsted.import_outcomes` after every import. It describes the store, so it sits beside it,
below the pipeline and interop layers that call it.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from functools import cache

import pyoxigraph as ox

from caregraph import __version__, iris
from caregraph.namespaces import CG, DCAT, DCTERMS, FOAF, GRAPHS, OA, ORG, PREFIXES, PROV, RDF, SKOS, VOID, XSD
from caregraph.resources import ontology_file

__all__ = ["DATASET_GRAPH", "DATA_LICENCE", "DATA_RIGHTS", "dataset_iri", "describe_dataset"]

DATASET_GRAPH = iris.graph_iri("dataset")
# The ontology graphs: their classes are not the data's (exports leave them out unless asked).
ONTOLOGY_GRAPHS = (f"{GRAPHS}ontology", f"{GRAPHS}vocabularies")

#: What the dataset's facts may be reused under: English councils and Ofsted publish under the OGL v3.
DATA_LICENCE = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
DATA_RIGHTS = (
    "Facts taken from documents published by English councils and from Ofsted's official statistics, each traceable "
    "to its source. Contains public sector information licensed under the Open Government Licence v3.0. "
    "caregraph's ontology and vocabularies are MIT-licensed."
)
_DESCRIPTION = (
    "English councils' papers about Ofsted inspections of children's services, as linked data: councils, committees, "
    "meetings, people and posts, inspections and judgements, decisions and follow-ups, each fact traceable to the "
    "sentence it came from; with Ofsted's official inspection outcomes when imported."
)
_VOCABULARIES = (CG, iris.VOCAB, ORG, FOAF, PROV, DCTERMS, SKOS, OA)
_KEYWORDS = ("Ofsted", "children's services", "local government")


def _n(term_iri: str) -> ox.NamedNode:
    return ox.NamedNode(term_iri)


def _lit(value, datatype: str | None = None) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_n(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_n(XSD + "integer"))
    return ox.Literal(str(value), datatype=_n(datatype)) if datatype else ox.Literal(str(value))


_IN_GRAPH = "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
_CLASSES = f"""SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  GRAPH ?g {{ ?s a ?class }}
  FILTER(?g NOT IN (<{ONTOLOGY_GRAPHS[0]}>, <{ONTOLOGY_GRAPHS[1]}>, <{DATASET_GRAPH}>))
}} GROUP BY ?class"""
_DOCUMENTS = f"SELECT ?d WHERE {{ GRAPH ?d {{ ?d a <{CG}Document> }} }}"


def _count(store, graph: str) -> int:
    return int(next(iter(store.query(_IN_GRAPH.format(graph=graph))))["n"].value)


def dataset_iri() -> str:
    return f"{iris.base()}dataset"


def describe_dataset(store, *, now: datetime | None = None) -> int:
    """Write the VoID/DCAT description of the store into its own graph (replacing the last one); return its size.

    The description counts everything but itself: triples per graph, entities per class, the documents, the
    sources (every document and Ofsted's official outcomes), with the licence, creation time and caregraph version.
    """
    documents = sorted(sol["d"].value for sol in store.query(_DOCUMENTS))
    # Counting every graph would scan the store; count the few reference graphs, and the documents by difference.
    doc_set = set(documents)
    reference = sorted(name for name in store.graph_names() if name not in doc_set)
    per_graph = {g: _count(store, g) for g in reference}
    total = len(store) - per_graph.pop(DATASET_GRAPH, 0)
    classes = sorted(
        (sol["class"].value, int(sol["n"].value))
        for sol in store.query(_CLASSES)
        if isinstance(sol["class"], ox.NamedNode)
    )
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    t = _description(documents, per_graph, total, classes, stamp)
    # Unchanged content keeps its description (and so its timestamps); changed content keeps the first creation time.
    ds = _n(dataset_iri())
    created, modified = _n(DCTERMS + "created"), _n(DCTERMS + "modified")
    old = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph=DATASET_GRAPH)]
    if old and {x for x in old if x.predicate not in (created, modified)} == {
        x for x in t if x.predicate not in (created, modified)
    }:
        return len(old)
    first = next((x.object for x in old if x.subject == ds and x.predicate == created), None)
    if first is not None:
        t = [ox.Triple(ds, created, first) if x.subject == ds and x.predicate == created else x for x in t]
    store.replace_triples(DATASET_GRAPH, t)
    return len(t)


def _description(
    documents: list[str], per_graph: dict[str, int], total: int, classes: list[tuple[str, int]], stamp: str
) -> list[ox.Triple]:
    """The description's triples, in the order they are written."""
    ds = _n(dataset_iri())
    rdf_type = _n(RDF + "type")
    t: list[ox.Triple] = []

    def add(s: ox.NamedNode, p: str, o) -> None:
        t.append(ox.Triple(s, _n(p), o))

    t.append(ox.Triple(ds, rdf_type, _n(VOID + "Dataset")))
    t.append(ox.Triple(ds, rdf_type, _n(DCAT + "Dataset")))
    add(ds, DCTERMS + "title", ox.Literal("caregraph knowledge graph", language="en"))
    add(ds, DCTERMS + "description", ox.Literal(_DESCRIPTION, language="en"))
    add(ds, DCTERMS + "license", _n(DATA_LICENCE))
    add(ds, DCTERMS + "rights", ox.Literal(DATA_RIGHTS, language="en"))
    add(ds, DCTERMS + "created", _lit(stamp, XSD + "dateTime"))
    add(ds, DCTERMS + "modified", _lit(stamp, XSD + "dateTime"))
    add(ds, CG + "caregraphVersion", _lit(__version__))
    add(ds, VOID + "uriSpace", _lit(iris.base()))
    add(ds, VOID + "triples", _lit(total))
    add(ds, VOID + "documents", _lit(len(documents)))
    add(ds, VOID + "classes", _lit(len(classes)))
    for vocab in _VOCABULARIES:
        add(ds, VOID + "vocabulary", _n(vocab))
    for keyword in _KEYWORDS:
        add(ds, DCAT + "keyword", ox.Literal(keyword, language="en"))
    for cls, n in classes:
        part = _n(f"{ds.value}/class/{_class_key(cls)}")
        add(ds, VOID + "classPartition", part)
        add(part, VOID + "class", _n(cls))
        add(part, VOID + "entities", _lit(n))
    for name in sorted(per_graph):
        g = _n(name)
        add(ds, VOID + "subset", g)
        t.append(ox.Triple(g, rdf_type, _n(VOID + "Dataset")))
        add(g, VOID + "triples", _lit(per_graph[name]))
    if documents:
        docs = _n(f"{ds.value}/documents")
        add(ds, VOID + "subset", docs)
        t.append(ox.Triple(docs, rdf_type, _n(VOID + "Dataset")))
        add(docs, DCTERMS + "title", ox.Literal("Document graphs", language="en"))
        add(docs, VOID + "triples", _lit(total - sum(per_graph.values())))
        add(docs, VOID + "documents", _lit(len(documents)))
    sources = [*documents, *(g for g in per_graph if g == iris.graph_iri("ofsted"))]
    for src in sorted(sources):
        add(ds, DCTERMS + "source", _n(src))
        add(ds, PROV + "wasDerivedFrom", _n(src))
    return t


_PREFIX_LINE = re.compile(r"^\s*@prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]+)>\s*\.", re.M)


@cache
def export_prefixes() -> dict[str, str]:
    """The prefixes exports declare: those the ontology and vocabulary files declare, plus caregraph's query
    prefixes (void:, dcat:, sh:). ``cgd:`` (instance data) is left out on purpose: its local names hold slashes,
    which Turtle would have to escape (``cgd:council\\/surrey``); full IRIs read better."""
    found: dict[str, str] = {}
    for name in ("caregraph.ttl", "vocabularies.ttl"):
        path = ontology_file(name)
        if path.exists():
            for prefix, ns in _PREFIX_LINE.findall(path.read_text(encoding="utf-8")):
                if prefix:
                    found.setdefault(prefix, ns)
    for prefix, ns in PREFIXES.items():
        found.setdefault(prefix, ns)
    found.pop("cgd", None)
    return dict(sorted(found.items()))


def _class_key(cls: str) -> str:
    """A readable, IRI-safe key for a class partition: ``cg-Inspection``, ``rdf-Statement``."""
    for prefix, ns in sorted(export_prefixes().items(), key=lambda kv: -len(kv[1])):
        if cls.startswith(ns) and re.fullmatch(r"[A-Za-z][\w-]*", cls[len(ns) :]):
            return f"{prefix}-{cls[len(ns) :]}"
    return "h-" + hashlib.sha1(cls.encode("utf-8")).hexdigest()[:12]
