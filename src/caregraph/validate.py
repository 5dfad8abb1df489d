"""Check a store's document graphs against the SHACL shapes in ``ontology/shapes.ttl`` with pySHACL.

Each document graph is checked on its own (the shapes' cardinalities are per document: two documents may give an
inspection two start dates, one document may not), together with the SKOS vocabularies, so that "a concept of the
kind scheme" can be checked through ``skos:inScheme``. pySHACL's own ``ont_graph`` would copy only class and
property definitions, so the vocabularies are added to the data graph here. The graph is handed to pySHACL as an
in-memory Oxigraph store, so the shapes' SPARQL constraints run in Oxigraph (about 15 times faster than rdflib's
SPARQL engine on these graphs).

pySHACL (through rdflib) cannot read RDF 1.2 triple terms, so a stored graph's provenance is first rewritten to its
RDF 1.1 form (:func:`caregraph.interop.provenance.convert`, as ``export --provenance rdf11`` writes it): the shapes
describe that form, and so check both what the store holds and what RDF 1.1 stores receive.

>>> from caregraph.store import memory_store
>>> with memory_store() as store:
...     validate_store(store)
Traceback (most recent call last):
    ...
caregraph.validate.ValidationError: the store has no document graphs to validate; build some first (caregraph build PATH)
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SH

from caregraph.errors import CaregraphError
from caregraph.iris import graph_iri
from caregraph.namespaces import CG, PREFIXES, SHAPES, SKOS
from caregraph.resources import ontology_file
from caregraph.store import Store, to_ox

SHAPES_FILE = "shapes.ttl"
VOCABULARIES_FILE = "vocabularies.ttl"
SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


class ValidationError(CaregraphError):
    """Validation could not run: no such graph, no documents, unreadable shapes."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One SHACL validation result, with the document it was found in."""

    graph: str  # the named graph checked
    document: str | None  # the document's file, as built
    focus: str  # the focus node, N-Triples style
    path: str | None  # the property path, as a CURIE when it has a known prefix
    value: str | None  # the offending value, N-Triples style
    message: str
    severity: str  # Violation | Warning | Info
    shape: str | None

    def sort_key(self) -> tuple:
        return (
            self.graph,
            SEVERITY_ORDER.get(self.severity, 3),
            self.focus,
            self.path or "",
            self.value or "",
            self.message,
        )


@dataclass(frozen=True)
class ValidationReport:
    """What ``validate_store`` found: one entry per problem, and pySHACL's report graph for each checked graph."""

    graphs: tuple[str, ...]
    problems: tuple[Problem, ...]
    triples: int
    seconds: float
    documents: dict[str, str | None] = field(default_factory=dict)  # graph → file
    report: Graph = field(default_factory=Graph, repr=False)

    @property
    def conforms(self) -> bool:
        return not any(p.severity == "Violation" for p in self.problems)

    @property
    def failing_graphs(self) -> tuple[str, ...]:
        return tuple(sorted({p.graph for p in self.problems if p.severity == "Violation"}))


# ---------------------------------------------------------------------------------------------- reference files


def _parse(path: Path) -> Graph:
    if not path.exists():
        raise ValidationError(f"{path}: file not found; caregraph's ontology folder is incomplete")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many kinds for bad Turtle
        raise ValidationError(
            f"{path}: cannot parse ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})"
        ) from None


@cache
def _shapes(path: str) -> Graph:
    return _parse(Path(path))


def load_shapes(path: str | Path | None = None) -> Graph:
    """The shapes graph (``ontology/shapes.ttl`` unless ``path`` says otherwise)."""
    return _shapes(str(path or ontology_file(SHAPES_FILE)))


# What the shapes read of the vocabularies: scheme membership, a kind's or an area's framework, whether a kind is
# graded, and notations. Only these are added to each graph: the concepts' @en labels would otherwise be read as
# labels of the document's own nodes (a practice model is a concept of its scheme and a node of the document, whose
# label is the document's plain string), and every added triple costs pySHACL time on every graph.
_VOCABULARY_PREDICATES = frozenset({SKOS + "inScheme", SKOS + "notation", CG + "framework", CG + "graded"})


@cache
def _vocabulary_quads() -> tuple[ox.Quad, ...]:
    path = ontology_file(VOCABULARIES_FILE)
    if not path.exists():
        raise ValidationError(f"{path}: file not found; caregraph's ontology folder is incomplete")
    try:
        return tuple(
            ox.Quad(t.subject, t.predicate, t.object)
            for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
            if t.predicate.value in _VOCABULARY_PREDICATES
        )
    except SyntaxError as exc:
        raise ValidationError(f"{path}: cannot parse ({exc})") from None


# ---------------------------------------------------------------------------------------------- validation


def validate_triples(
    triples: Iterable[ox.Triple | ox.Quad],
    name: str,
    *,
    document: str | None = None,
    shapes: Graph | None = None,
    provenance: str = "rdf11",
) -> tuple[list[Problem], Graph]:
    """Validate one graph, given as Oxigraph triples or quads (grouped by subject, as a store gives a graph's quads;
    RDF 1.2 provenance is rewritten to RDF 1.1 first); return its problems and pySHACL's report graph."""
    from pyshacl import validate

    from caregraph.interop.provenance import convert

    graph = ox.NamedNode(name) if ":" in name else ox.NamedNode("urn:caregraph:graph")
    data = ox.Store()
    data.extend(_vocabulary_quads())
    quads = (ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
    data.extend(ox.Quad(q.subject, q.predicate, q.object) for q in convert(quads, provenance))
    try:
        _, report, _ = validate(
            cast(Any, data),  # pySHACL reads a pyoxigraph Store through its own adapter; its annotations do not say so
            shacl_graph=shapes if shapes is not None else load_shapes(),
            inference="none",
            inplace=True,
            allow_warnings=True,
            allow_infos=True,
        )
    except Exception as exc:  # pySHACL's own errors: a broken shapes graph, an unsupported feature
        raise ValidationError(
            f"pySHACL could not validate {name}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        ) from None
    return _problems(report, name, document), report


def validate_graph(
    graph: Graph, name: str = "urn:caregraph:graph", *, document: str | None = None, shapes: Graph | None = None
) -> tuple[list[Problem], Graph]:
    """Validate an rdflib graph (e.g. what :func:`caregraph.pipeline.mapping.to_graph` gives)."""
    return validate_triples(
        (ox.Triple(cast(Any, to_ox(s)), cast(ox.NamedNode, to_ox(p)), to_ox(o)) for s, p, o in graph),
        name,
        document=document,
        shapes=shapes,
    )


_RDF_TYPE = ox.NamedNode(str(RDF.type))
_REIFIES = ox.NamedNode(str(RDF) + "reifies")
_INSPECTION = ox.NamedNode(CG + "Inspection")
# Facts of the official graph that are the import's own marks, not a row's: no reifier.
_UNREIFIED = (f"{CG}official", "http://www.w3.org/2000/01/rdf-schema#seeAlso")


def reference_parts(quads: Sequence[ox.Quad]) -> list[list[ox.Quad]]:
    """A reference graph of inspections (Ofsted's official record) cut into one small graph per inspection — the
    inspection, its sub-judgements, the rows that reify their facts, and the types of the councils and
    organisations they point to — and one graph of the rest. Each is validated as a document graph is: pySHACL's
    cost grows much faster than the graph (the whole official graph, 21,000 quads, had not finished after 17 CPU
    minutes; its 331 parts take seconds), and every constraint of the shapes is about one inspection."""
    inspections = {q.subject for q in quads if q.predicate == _RDF_TYPE and q.object == _INSPECTION}
    about: dict = {}
    for q in quads:
        about.setdefault(q.subject, []).append(q)

    def owner(node) -> ox.NamedNode | None:
        if node in inspections:
            return node
        if isinstance(node, ox.NamedNode) and "/judgement/" in node.value:
            parent = ox.NamedNode(node.value.rsplit("/judgement/", 1)[0])
            return parent if parent in inspections else None
        return None

    rows: dict = {}
    for q in quads:
        if q.predicate == _REIFIES and isinstance(q.object, ox.Triple):
            found = owner(q.object.subject)
            if found is not None:
                rows.setdefault(q.subject, set()).add(found)
    parts: dict = {i: [] for i in sorted(inspections, key=str)}
    rest: list[ox.Quad] = []
    for q in quads:
        owners = {owner(q.subject)} - {None} or rows.get(q.subject, set())
        for found in owners:
            parts[found].append(q)
        if not owners:
            rest.append(q)
    for part in parts.values():  # what the inspection points to: its council, its inspectorate
        seen = {q.subject for q in part}
        for q in list(part):
            target = q.object
            if isinstance(target, ox.NamedNode) and target not in seen and target in about and owner(target) is None:
                seen.add(target)
                part.extend(about[target])
    return [*parts.values(), rest]


def _provenance_problems(quads: Sequence[ox.Quad], name: str) -> list[Problem]:
    """The provenance of a reference graph in three queries: facts about an inspection (or sub-judgement) that no
    row reifies, rows that reify a triple the graph does not assert, and rows without their ``cg:sourceRow``."""
    data = ox.Store()
    data.extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    exempt = ", ".join(f"<{iri}>" for iri in _UNREIFIED)
    reifies = f"<{_REIFIES.value}>"
    checks = {
        "fact {s} {p} {o} has no row reifying it": f"""SELECT ?s ?p ?o WHERE {{
            ?s a ?class . FILTER(?class IN (<{CG}Inspection>, <{CG}SubJudgement>))
            ?s ?p ?o . FILTER(?p NOT IN ({exempt}) && !STRENDS(STR(?p), "Earliest") && !STRENDS(STR(?p), "Latest"))
            FILTER NOT EXISTS {{ ?row {reifies} <<( ?s ?p ?o )>> }} }}""",
        "row {s} reifies {o}, which the graph does not assert": f"""SELECT ?s ?p ?o WHERE {{
            ?s {reifies} ?o . BIND({reifies} AS ?p)
            BIND(SUBJECT(?o) AS ?x) BIND(PREDICATE(?o) AS ?y) BIND(OBJECT(?o) AS ?z)
            FILTER NOT EXISTS {{ ?x ?y ?z }} }}""",
        "row {s} has no cg:sourceRow": f"""SELECT DISTINCT ?s ?p ?o WHERE {{
            ?s {reifies} ?o . BIND({reifies} AS ?p) FILTER NOT EXISTS {{ ?s <{CG}sourceRow> ?row }} }}""",
    }
    problems = []
    for message, q in checks.items():
        for sol in data.query(q):  # type: ignore[union-attr]
            s, p, o = (str(sol[v]) for v in ("s", "p", "o"))
            problems.append(Problem(name, None, s, None, o, message.format(s=s, p=p, o=o), "Violation", None))
    return problems


def validate_reference_graph(
    quads: Sequence[ox.Quad], name: str, *, shapes: Graph | None = None
) -> tuple[list[Problem], Graph]:
    """Validate a reference graph of inspections (Ofsted's official record) part by part
    (:func:`reference_parts`), and its provenance in one query."""
    problems = _provenance_problems(quads, name)
    combined = Graph()
    for part in reference_parts(quads):
        if part:
            found, report = validate_triples(part, name, shapes=shapes, provenance="none")
            problems.extend(found)
            combined += report
    return problems, combined


def document_graphs(store: Store) -> dict[str, str | None]:
    """Every document graph of the store (a graph that describes itself as a cg:Document) → the document's file."""
    q = f"SELECT ?g ?file WHERE {{ GRAPH ?g {{ ?g a <{CG}Document> OPTIONAL {{ ?g <{CG}file> ?file }} }} }}"
    out: dict[str, str | None] = {}
    for sol in store.query(q):
        out.setdefault(sol["g"].value, sol["file"].value if sol["file"] is not None else None)
    return dict(sorted(out.items()))


def validate_store(
    store: Store, graphs: Sequence[str] | None = None, *, shapes: Graph | None = None
) -> ValidationReport:
    """Validate the store's document graphs and Ofsted's official record when imported (or only ``graphs``: IRIs
    or prefixed names of any graph of the store; a graph that is not a document's is validated as a reference
    graph, :func:`validate_reference_graph`)."""
    started = time.perf_counter()
    documents = document_graphs(store)
    if graphs:
        from caregraph.query import expand

        names = []
        for given in dict.fromkeys(graphs):
            name = expand(given)
            if name is None:
                raise ValidationError(
                    f"--graph {given!r} is not an IRI (give <https://…>, https://… or a prefixed name such as cgd:doc/…)"
                )
            names.append(name)
        for name in names:
            if not store.has_graph(name):
                hint = "; see them with: caregraph query documents" if documents else ""
                raise ValidationError(f"no graph <{name}> in the store{hint}")
    else:
        names = list(documents)
        if not names:
            raise ValidationError(
                "the store has no document graphs to validate; build some first (caregraph build PATH)"
            )
        official = graph_iri("ofsted")
        if store.has_graph(official):  # Ofsted's record, once imported, is checked too (its fast path)
            names.append(official)
    shapes = shapes if shapes is not None else load_shapes()
    problems: list[Problem] = []
    combined = Graph()
    combined.bind("sh", SH)
    combined.bind("dcterms", DCTERMS)
    triples = 0
    for name in names:
        quads = list(store.quads(graph=name))
        triples += len(quads)
        if name in documents:
            found, report = validate_triples(quads, name, document=documents.get(name), shapes=shapes)
        else:  # a reference graph, such as Ofsted's official record
            found, report = validate_reference_graph(quads, name, shapes=shapes)
        problems.extend(found)
        _merge_report(combined, report, name)
    problems.sort(key=Problem.sort_key)
    return ValidationReport(
        tuple(names),
        tuple(problems),
        triples,
        time.perf_counter() - started,
        {n: documents.get(n) for n in names},
        combined,
    )


# ---------------------------------------------------------------------------------------------- reports

# Report terms with the query prefixes, but instance IRIs in full (their local names hold slashes).
_PREFIXES = {**{p: ns for p, ns in PREFIXES.items() if p != "cgd"}, "cgsh": SHAPES}


def _curie(iri: str) -> str:
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and iri[len(ns) :].replace("-", "_").replace("/", "_").isidentifier():
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


def _term(node) -> str:
    if isinstance(node, URIRef):
        return _curie(str(node))
    if isinstance(node, Literal):
        text = str(node)
        shown = text if len(text) <= 80 else text[:77] + "…"
        shown = '"' + shown.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        if node.language:
            return f"{shown}@{node.language}"
        if node.datatype is not None and str(node.datatype) != _PREFIXES["xsd"] + "string":
            return f"{shown}^^{_curie(str(node.datatype))}"
        return shown
    return "[]" if isinstance(node, BNode) else str(node)


def _path(graph: Graph, node) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        return _curie(str(node))
    inverse = graph.value(node, SH.inversePath)
    if inverse is not None:
        return f"^{_path(graph, inverse)}"
    return "(complex path)"


def _message(graph: Graph, result) -> str:
    messages = sorted(str(m) for m in graph.objects(result, SH.resultMessage))
    text = "; ".join(messages) or "does not conform"
    details = [_message(graph, d) for d in graph.objects(result, SH.detail)]
    if details and text.startswith("Value does not conform to Shape"):
        text = "; ".join(sorted(set(details)))
    return text


def _problems(report: Graph, name: str, document: str | None) -> list[Problem]:
    out = []
    for result in report.objects(None, SH.result):
        severity = report.value(result, SH.resultSeverity)
        shape = report.value(result, SH.sourceShape)
        value = report.value(result, SH.value)
        out.append(
            Problem(
                graph=name,
                document=document,
                focus=_term(report.value(result, SH.focusNode)),
                path=_path(report, report.value(result, SH.resultPath)),
                value=None if value is None else _term(value),
                message=_message(report, result),
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                shape=_term(shape) if isinstance(shape, URIRef) else None,
            )
        )
    return out


def _merge_report(combined: Graph, report: Graph, name: str) -> None:
    """Add one graph's report to the combined one, its sh:ValidationReport saying which graph it checked."""
    mapping: dict[BNode, BNode] = {}

    def fresh(node):
        if isinstance(node, BNode):
            return mapping.setdefault(node, BNode())
        return node

    for s, p, o in report:
        combined.add((fresh(s), p, fresh(o)))
    for node in report.subjects(RDF.type, SH.ValidationReport):
        combined.add((fresh(node), DCTERMS.subject, URIRef(name)))


def format_text(report: ValidationReport) -> str:
    """A readable report: per document, each problem's focus node, path, value and message."""
    n = len(report.graphs)
    graphs = f"{n} graph{'s' if n != 1 else ''}"
    timing = f"{report.triples:,} triples in {report.seconds:.2f} s"
    if not report.problems:
        return f"conforms: {graphs} checked against the caregraph shapes ({timing})\n"
    violations = sum(1 for p in report.problems if p.severity == "Violation")
    lines = []
    current = None
    for p in report.problems:
        if p.graph != current:
            current = p.graph
            lines.append("")
            lines.append(f"{p.document or p.graph}" + (f"  <{p.graph}>" if p.document else ""))
        where = f"  {p.path}" if p.path else ""
        value = f"  = {p.value}" if p.value and p.value != p.focus else ""
        lines.append(f"  {p.severity}: {p.focus}{where}{value}")
        lines.append(f"    {p.message}")
    head = (
        f"does not conform: {violations} violation{'s' if violations != 1 else ''} in {len(report.failing_graphs)} of {graphs} ({timing})"
        if not report.conforms
        else f"conforms with {len(report.problems)} warning{'s' if len(report.problems) != 1 else ''}: {graphs} checked ({timing})"
    )
    return head + "\n" + "\n".join(lines) + "\n"


def format_turtle(report: ValidationReport) -> str:
    """The SHACL validation reports as Turtle: one sh:ValidationReport per graph, dcterms:subject the graph."""
    g = Graph()
    for prefix, ns in _PREFIXES.items():
        g.bind(prefix, Namespace(ns))
    g.bind("sh", SH)
    g += report.report
    return g.serialize(format="turtle")
