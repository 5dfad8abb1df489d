"""The entity graph: a selection of the store as a networkx graph, for drawing (:mod:`caregraph.explore.viz`), centrality,
paths and Gephi export.

Nodes are the entities typed in document graphs (councils, committees, meetings, agenda items, people, posts,
inspections, decisions, follow-ups, organisations, practice models; documents when asked), keyed by IRI. Edges are
the object properties between two drawn entities, keyed by the property's IRI and labelled with its ``rdfs:label``
from the ontology graph. Literal values (dates, judgements, quotes) and links to things that are not drawn (a
judgement concept, a report, an entity left out of the selection) become *facts* of the node, shown in tooltips.
The provenance resources (the spans that reify the facts, ``?span rdf:reifies <<( s p o )>>``, and any RDF 1.1
``rdf:Statement`` or ``cg:Evidence``) are never nodes: a span's ``oa:exact`` quote and its document (the named
graph) become the node's or edge's *evidence*.

>>> from caregraph.store import memory_store
>>> g = entity_graph(memory_store())
>>> g.number_of_nodes()
0

Selection, in this order: the council's documents (``council``), dated entities outside ``since``/``until``, the
ego network around ``focus`` (``depth`` hops, edges in either direction), the classes kept (``types``,
``exclude_types``; the focus always stays), then ``max_nodes`` (lowest degree left out first). Every rule that
leaves something out adds a line to ``graph.graph["notes"]``.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from caregraph.errors import CaregraphError
from caregraph.namespaces import CG, DCTERMS, FOAF, GRAPHS, OA, ORG, PROV, RDF, RDFS, SKOS
from caregraph.namespaces import CGV as VOCAB
from caregraph.records import PartialDate


class SelectionError(CaregraphError):
    """A selection option is malformed: an unknown class, a bad date, a query that does not give triples."""


class UnknownEntity(SelectionError):
    """No entity matches the name or IRI given; lists close matches."""


class AmbiguousEntity(SelectionError):
    """Several entities match the name given; lists them with their IRIs."""


class NoPath(CaregraphError):
    """Two entities are not connected in the graph (ran and found nothing: exit code 1)."""

    exit_code = 1


# ---------------------------------------------------------------------------------------------- classes as data


@dataclass(frozen=True)
class EntityClass:
    name: str  # local name in cg:
    label: str  # legend text
    colour: str
    shape: str  # a vis-network shape with the label underneath


# Drawing order of the legend; also the priority when an entity has two classes.
ENTITY_CLASSES: tuple[EntityClass, ...] = (
    EntityClass("Council", "Council", "#1f4e79", "star"),
    EntityClass("Committee", "Committee", "#2c7fb8", "square"),
    EntityClass("Meeting", "Meeting", "#41b6c4", "triangle"),
    EntityClass("AgendaItem", "Agenda item", "#7fcdbb", "triangleDown"),
    EntityClass("Inspection", "Inspection or visit", "#bababa", "hexagon"),
    EntityClass("Decision", "Decision", "#6a51a3", "square"),
    EntityClass("FollowUp", "Follow-up", "#9e9ac8", "triangleDown"),
    EntityClass("Person", "Person", "#e377c2", "dot"),
    EntityClass("Post", "Post", "#bcbd22", "diamond"),
    EntityClass("Organisation", "Organisation", "#8c564b", "dot"),
    EntityClass("PracticeModel", "Practice model", "#17becf", "diamond"),
    EntityClass("Document", "Document", "#737373", "square"),
    EntityClass("Other", "Other", "#999999", "dot"),
)
CLASS_BY_NAME = {c.name: c for c in ENTITY_CLASSES}
DRAWN_CLASSES = tuple(c.name for c in ENTITY_CLASSES if c.name not in ("Document", "Other"))
# Typed resources that are described inside a node's tooltip, never drawn.
AUX_CLASSES = ("SubJudgement", "Report")


@dataclass(frozen=True)
class Grade:
    key: str
    label: str
    colour: str


# Ofsted's four grades, plus "ungraded" (visits, reviews, unknown). The judgement concepts map onto them.
GRADES: tuple[Grade, ...] = (
    Grade("outstanding", "Outstanding", "#1a9850"),
    Grade("good", "Good", "#91cf60"),
    Grade("requires-improvement", "Requires improvement (or adequate)", "#fdae61"),
    Grade("inadequate", "Inadequate", "#d73027"),
    Grade("ungraded", "Ungraded or not known", "#bababa"),
)
GRADE_BY_KEY = {g.key: g for g in GRADES}
_JUDGEMENT_GRADE = {
    "outstanding": "outstanding",
    "good": "good",
    "requires-improvement": "requires-improvement",
    "adequate": "requires-improvement",
    "inadequate": "inadequate",
}

# Labels for properties of other vocabularies (the ontology graph labels the cg: ones).
_PROPERTY_LABELS = {
    ORG + "holds": "holds",
    ORG + "postIn": "post in",
    ORG + "subOrganizationOf": "part of",
    ORG + "unitOf": "unit of",
    ORG + "hasUnit": "has unit",
    ORG + "hasPost": "has post",
    ORG + "memberOf": "member of",
    DCTERMS + "publisher": "publisher",
    DCTERMS + "references": "references",
    DCTERMS + "description": "description",
    DCTERMS + "title": "title",
    DCTERMS + "format": "format",
    DCTERMS + "extent": "size",
    PROV + "wasDerivedFrom": "derived from",
    SKOS + "altLabel": "also called",
}
_NAME_PREDICATES = (FOAF + "name", SKOS + "prefLabel", DCTERMS + "title", RDFS + "label")
# Bookkeeping facts of a document graph that say nothing to a reader.
_HIDDEN_FACTS = {CG + "sha256", CG + "caregraphVersion", PROV + "generatedAtTime", CG + "keyFamily"}
_DATE_PREDICATES = {
    "Inspection": (CG + "startDate", CG + "publicationDate"),
    "Meeting": (CG + "date",),
    "FollowUp": (CG + "due",),
    "Document": (CG + "date",),
}
MAX_QUOTES = 3
MAX_QUOTE_CHARS = 300


def class_of(name: str) -> str:
    """The class name for a user's spelling ("inspections", "follow-up", "agenda item"), or :class:`SelectionError`."""
    key = re.sub(r"[^a-z]", "", name.lower())
    for cls in ENTITY_CLASSES:
        local = cls.name.lower()
        if key in (local, local + "s", re.sub(r"[^a-z]", "", cls.label.lower())):
            return cls.name
    choices = ", ".join(c.name for c in ENTITY_CLASSES if c.name != "Other")
    raise SelectionError(f"unknown class {name!r}; choose from {choices}")


def normalise_date(value: str | None, what: str) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (checked), or :class:`SelectionError`."""
    if value is None:
        return None
    value = value.strip()
    try:
        PartialDate.parse(value)
    except ValueError:
        raise SelectionError(f"{what} {value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY") from None
    return value


def in_window(when: str, since: str | None, until: str | None) -> bool:
    """Does a date at any precision fall in the window? A year or month overlaps (compare at the shorter precision)."""
    n = len(when)
    if since and when < since[:n]:
        return False
    if until and when > until[:n]:
        return False
    return True


# ---------------------------------------------------------------------------------------------- selection


@dataclass(frozen=True)
class Selection:
    """What to draw. Every field is optional; the default is every entity of every document."""

    council: str | None = None
    focus: str | None = None
    depth: int = 1
    types: tuple[str, ...] = ()
    exclude_types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    query: str | None = None  # a .rq file, or the query text itself: a CONSTRUCT, or a SELECT of ?s ?p ?o
    documents: bool = False
    max_nodes: int | None = None


# ---------------------------------------------------------------------------------------------- the store's content


@dataclass
class _Catalogue:
    """Everything the graph is built from, fetched with a few SPARQL queries over the store."""

    classes: dict[str, str] = field(default_factory=dict)  # entity IRI -> class name
    entity_docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    facts: dict[str, list[tuple[str, ox.NamedNode | ox.Literal | ox.BlankNode]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    aux: dict[str, list[tuple[str, object]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # sub-judgements, reports
    docs: dict[str, dict[str, str]] = field(default_factory=dict)  # doc IRI -> title, url, file, date, publisher, genre
    pref: dict[str, str] = field(default_factory=dict)  # reference graphs' skos:prefLabel
    rdfs: dict[str, str] = field(default_factory=dict)  # reference graphs' rdfs:label
    evidence: dict[tuple[str, str, str], list[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # (s, p, o) -> [(quote, doc)]
    subject_evidence: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    official: dict[str, str] = field(default_factory=dict)  # inspection IRI -> judgement concept, from the Ofsted graph


# The derived day bounds beside each typed date (docs/ontology.md, "Dates"): the typed date is the fact shown.
_DERIVED = frozenset(
    CG + f"{stem}{edge}" for stem in ("start", "end", "published", "due", "date") for edge in ("Earliest", "Latest")
) | {CG + "startEdtf"}


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ " + " ".join(f"<{i}>" for i in iris) + " }"


def _query(store, text: str):
    from caregraph.query import prefixes

    return store.query(text, prefixes=prefixes())


def _term_key(term) -> str:
    """A hashable, printable key for an RDF term (IRIs bare, literals and blank nodes as N-Triples)."""
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def load_catalogue(store, *, documents: bool = False) -> _Catalogue:
    cat = _Catalogue()
    classes = [*DRAWN_CLASSES, *AUX_CLASSES] + (["Document"] if documents else [])
    class_values = _values("class", (CG + c for c in classes))
    for sol in _query(
        store,
        """
        SELECT ?d ?title ?url ?file ?date ?publisher ?genre WHERE { GRAPH ?d { ?d a cg:Document .
          OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d cg:sourceUrl ?url } OPTIONAL { ?d cg:file ?file }
          OPTIONAL { ?d cg:date ?date } OPTIONAL { ?d dcterms:publisher ?publisher } OPTIONAL { ?d cg:genre ?genre } } }""",
    ):
        cat.docs.setdefault(
            sol["d"].value,
            {k: sol[k].value for k in ("title", "url", "file", "date", "publisher", "genre") if sol[k] is not None},
        )
    priority = {c.name: i for i, c in enumerate(ENTITY_CLASSES)}
    for sol in _query(
        store, f"SELECT DISTINCT ?s ?class ?g WHERE {{ {class_values} GRAPH ?g {{ ?g a cg:Document . ?s a ?class }} }}"
    ):
        if not isinstance(sol["s"], ox.NamedNode):
            continue
        s, cls = sol["s"].value, sol["class"].value[len(CG) :]
        if cls in AUX_CLASSES:
            cat.aux.setdefault(s, [])
            continue
        old = cat.classes.get(s)
        if old is None or priority[cls] < priority[old]:
            cat.classes[s] = cls
        cat.entity_docs[s].add(sol["g"].value)
    for sol in _query(
        store,
        f"SELECT DISTINCT ?s ?p ?o WHERE {{ {class_values} GRAPH ?g {{ ?g a cg:Document . ?s a ?class ; ?p ?o }} }}",
    ):
        s, p = sol["s"].value, sol["p"].value
        if p in (RDF + "type", RDF + "reifies") or p in _DERIVED:  # provenance, and dates' derived day bounds
            continue
        if s in cat.classes:
            cat.facts[s].append((p, sol["o"]))
        elif s in cat.aux:
            cat.aux[s].append((p, sol["o"]))
    reference = _values("rg", (GRAPHS + g for g in ("ontology", "vocabularies", "councils")))
    for sol in _query(
        store,
        f"SELECT ?x ?p ?l WHERE {{ {reference} VALUES ?p {{ skos:prefLabel rdfs:label }} GRAPH ?rg {{ ?x ?p ?l }} }}",
    ):
        label = sol["l"]
        if isinstance(label, ox.Literal) and label.language not in (None, "", "en", "en-gb", "en-GB"):
            continue
        target = cat.pref if sol["p"].value == SKOS + "prefLabel" else cat.rdfs
        target.setdefault(sol["x"].value, label.value)
    # Evidence: the quotes first, then the facts each span reifies (two simple queries run faster than one join).
    quotes: dict[str, tuple[str, str]] = {}
    for sol in _query(store, "SELECT ?e ?quote ?g WHERE { GRAPH ?g { ?e oa:exact ?quote } }"):
        quotes[sol["e"].value] = (sol["quote"].value, sol["g"].value)
    for sol in _query(store, "SELECT ?e ?t WHERE { GRAPH ?g { ?e rdf:reifies ?t } }"):
        item = quotes.get(sol["e"].value)
        t = sol["t"]
        if item is None or not isinstance(t, ox.Triple):
            continue
        s = str(getattr(t.subject, "value", t.subject))
        cat.evidence[(s, t.predicate.value, _term_key(t.object))].append(item)
        cat.subject_evidence[s].append(item)
    for sol in _query(store, f"SELECT ?i ?j WHERE {{ GRAPH <{GRAPHS}ofsted> {{ ?i cg:judgement ?j }} }}"):
        cat.official.setdefault(sol["i"].value, sol["j"].value)
    return cat


# ---------------------------------------------------------------------------------------------- naming


def short_iri(iri: str) -> str:
    from caregraph.iris import base

    for prefix, ns in (("cgd:", base()), ("cgv:", VOCAB), ("cg:", CG)):
        if iri.startswith(ns):
            return prefix + iri[len(ns) :]
    return iri


def _tail(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1].replace("-", " ") or iri


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


class _Namer:
    def __init__(self, cat: _Catalogue):
        self.cat = cat
        self._cache: dict[str, str] = {}
        self._docs: dict[str, str] = {}

    def prop(self, iri: str) -> str:
        return self.cat.rdfs.get(iri) or _PROPERTY_LABELS.get(iri) or _tail(iri)

    def thing(self, iri: str) -> str:
        """A name for any IRI: an entity, a concept, a council, a sub-judgement, a report, a document."""
        if iri in self._cache:
            return self._cache[iri]
        cat = self.cat
        name = None
        if iri in cat.classes:
            name = self._entity(iri)
        elif iri in cat.aux:
            facts = dict((p, o) for p, o in cat.aux[iri])
            if CG + "area" in facts or CG + "judgement" in facts:
                area, grade = facts.get(CG + "area"), facts.get(CG + "judgement")
                area_name = self.thing(str(getattr(area, "value", area))) if area is not None else "area"
                grade_name = self.thing(str(getattr(grade, "value", grade))) if grade is not None else "not known"
                name = f"{area_name}: {grade_name}"
            else:
                name = next(
                    (str(getattr(o, "value", o)) for p in _NAME_PREDICATES for q, o in cat.aux[iri] if q == p), None
                )
        elif iri in cat.docs:
            name = cat.docs[iri].get("title") or cat.docs[iri].get("file")
        if not name:
            name = cat.rdfs.get(iri) if "/council/" in iri and iri in cat.rdfs else None
        name = name or cat.pref.get(iri) or cat.rdfs.get(iri) or short_iri(iri)
        self._cache[iri] = name
        return name

    def _entity(self, iri: str) -> str | None:
        cat = self.cat
        cls = cat.classes[iri]
        facts = cat.facts.get(iri, ())
        if cls == "Council":
            return (
                cat.rdfs.get(iri)
                or cat.pref.get(iri)
                or next((o.value for p in _NAME_PREDICATES for q, o in facts if q == p), None)
            )
        if cls == "Inspection":
            values = {p: o for p, o in facts}
            kind = values.get(CG + "kind")
            council = values.get(CG + "council")
            when = values.get(CG + "startDate") or values.get(CG + "publicationDate")
            planned = values.get(CG + "planned")
            council_name = cat.pref.get(council.value) if council is not None else None
            parts = [f"{council_name}: " if council_name else ""]
            parts.append(self.thing(kind.value) if kind is not None else "Inspection")
            if when is not None:
                parts.append(f", {when.value}")
            if planned is not None and planned.value == "true":
                parts.append(" (planned)")
            return "".join(parts)
        if cls == "Document":
            return cat.docs.get(iri, {}).get("title") or cat.docs.get(iri, {}).get("file")
        if cls in ("Decision", "FollowUp"):  # their labels are cut at 80 characters; the words themselves are not
            texts = sorted(
                o.value for q, o in facts if q in (CG + "text", DCTERMS + "description") and isinstance(o, ox.Literal)
            )
            if texts:
                return _clip(texts[0], 160)
        for p in _NAME_PREDICATES:
            names = sorted(o.value for q, o in facts if q == p and isinstance(o, ox.Literal))
            if names:
                return names[0]
        return None

    def doc(self, iri: str) -> str:
        """A document as a reader would cite it: its title and where it is."""
        cached = self._docs.get(iri)
        if cached is None:
            info = self.cat.docs.get(iri, {})
            title = info.get("title") or info.get("file") or short_iri(iri)
            where = info.get("url") or info.get("file")
            cached = self._docs[iri] = f"{title} ({where})" if where and where != title else title
        return cached


# ---------------------------------------------------------------------------------------------- building


def _judgement(cat: _Catalogue, iri: str) -> str | None:
    if iri in cat.official:
        return cat.official[iri]
    for p, o in cat.facts.get(iri, ()):
        if p == CG + "judgement":
            return o.value
    return None


def _dates(cat: _Catalogue) -> dict[str, str]:
    """The date that places each dated entity in time (see :func:`in_window`)."""
    dates: dict[str, str] = {}
    for iri, cls in cat.classes.items():
        preds = _DATE_PREDICATES.get(cls)
        if preds:
            values = {p: o.value for p, o in cat.facts.get(iri, ()) if p in preds}
            when = next((values[p] for p in preds if p in values), None)
            if when:
                dates[iri] = when
    for iri, cls in cat.classes.items():
        if cls == "Decision":
            meeting = next((o.value for p, o in cat.facts.get(iri, ()) if p == CG + "madeAt"), None)
            when = dates.get(meeting) if meeting else None
            if when is None:
                when = min(
                    (
                        cat.docs[d]["date"]
                        for d in cat.entity_docs.get(iri, ())
                        if d in cat.docs and "date" in cat.docs[d]
                    ),
                    default=None,
                )
            if when:
                dates[iri] = when
    return dates


def _resolve_council(name: str) -> str:
    from caregraph import iris
    from caregraph.gazetteer import gazetteer

    raw = name.strip()
    if raw.startswith(("http://", "https://", "<")):
        return raw.strip("<>")
    slug = gazetteer().resolve(raw)
    if slug is None:
        names = [c.name for c in gazetteer().councils.values()]
        close = difflib.get_close_matches(raw, names, n=3, cutoff=0.6)
        raise SelectionError(
            f"no council called {raw!r}"
            + (
                f"; did you mean {', '.join(close)}?"
                if close
                else "; give a name, code or slug from the councils gazetteer"
            )
        )
    return iris.council_iri(slug)


def _query_triples(store, source: str) -> list[tuple[str, str, object]]:
    """The triples a --query gives: a CONSTRUCT/DESCRIBE's triples, or a SELECT's ?s ?p ?o rows."""
    from caregraph.query import run_query

    result = run_query(store, source)
    if result.kind == "graph":
        return [
            (t.subject.value, t.predicate.value, t.object)
            for t in result.triples
            if isinstance(t.subject, ox.NamedNode)
        ]
    if result.kind == "select":
        missing = [v for v in ("s", "p", "o") if v not in result.variables]
        if missing:
            raise SelectionError(
                f"the query must be a CONSTRUCT, or a SELECT of ?s ?p ?o; it gives ?{' ?'.join(result.variables)} (no ?{' ?'.join(missing)})"
            )
        return [
            (row["s"].value, row["p"].value, row["o"])
            for row in result.rows
            if all(v in row for v in ("s", "p", "o")) and isinstance(row["s"], ox.NamedNode)
        ]
    raise SelectionError("the query must be a CONSTRUCT, or a SELECT of ?s ?p ?o, not an ASK")


def entity_graph(store, selection: Selection | None = None, *, catalogue: _Catalogue | None = None) -> nx.MultiDiGraph:
    """The selected entities and their relations as a :class:`networkx.MultiDiGraph` (see the module's doc).

    Node attributes: ``label`` (short, for drawing), ``name`` (full), ``cls``, ``iri``, ``grade`` (inspections),
    ``date``, ``facts`` (list of (property label, value)), ``evidence`` (list of (quote, document)), ``documents``.
    Edge attributes (key = property IRI): ``predicate``, ``label``, ``evidence``. ``graph.graph`` holds ``title``
    (what was selected) and ``notes`` (what was left out, and why).
    """
    sel = selection or Selection()
    since, until = normalise_date(sel.since, "since"), normalise_date(sel.until, "until")
    types = tuple(class_of(t) for t in sel.types)
    exclude = tuple(class_of(t) for t in sel.exclude_types)
    if sel.depth < 0:
        raise SelectionError(f"depth must be 0 or more, not {sel.depth}")
    with_docs = sel.documents or "Document" in types
    cat = catalogue or load_catalogue(store, documents=with_docs)
    namer = _Namer(cat)
    notes: list[str] = []
    title_parts: list[str] = []

    # 1. The candidate entities, and the edges between them.
    if sel.query:
        triples = _query_triples(store, sel.query)
        known_aux = {RDF + "Statement", CG + "Evidence"}
        provenance = {RDF + "reifies", OA + "exact"}  # a span that reifies facts is provenance, not an entity
        typed_aux = {s for s, p, o in triples if (p == RDF + "type" and _term_key(o) in known_aux) or p in provenance}
        nodes: set[str] = set()
        edges: set[tuple[str, str, str]] = set()
        extra: dict[str, list[tuple[str, object]]] = defaultdict(list)
        for s, p, o in triples:
            if s in typed_aux or s in cat.aux:
                continue
            nodes.add(s)
            if p == RDF + "type":
                if (
                    isinstance(o, ox.NamedNode)
                    and o.value.startswith(CG)
                    and o.value[len(CG) :] in CLASS_BY_NAME
                    and s not in cat.classes
                ):
                    cat.classes[s] = o.value[len(CG) :]
                continue
            if (
                isinstance(o, ox.NamedNode)
                and o.value not in typed_aux
                and o.value not in cat.aux
                and not o.value.startswith(VOCAB)
            ):
                nodes.add(o.value)
                edges.add((s, p, o.value))
            else:
                extra[s].append((p, o))
        for n in nodes:
            cat.classes.setdefault(n, "Other")
        is_file = len(sel.query) < 1000 and "\n" not in sel.query and Path(sel.query).is_file()
        title_parts.append(f"the result of {Path(sel.query).name if is_file else 'a query'}")
    else:
        nodes = {s for s, cls in cat.classes.items() if with_docs or cls != "Document"}
        if with_docs:
            nodes |= set(cat.docs)
            for d in cat.docs:
                cat.classes.setdefault(d, "Document")
        extra = {}
        edges = set()
        for s in nodes:
            for p, o in cat.facts.get(s, ()):
                if isinstance(o, ox.NamedNode) and o.value in nodes and o.value != s:
                    edges.add((s, p, o.value))
        if with_docs:
            for d, info in cat.docs.items():
                if info.get("publisher") in nodes:
                    edges.add((d, DCTERMS + "publisher", info["publisher"]))
            for s in nodes:
                for d in cat.entity_docs.get(s, ()):
                    if d != s and d in nodes:
                        edges.add((d, CG + "mentions", s))
    if sel.council:
        council = _resolve_council(sel.council)
        own_docs = {d for d, info in cat.docs.items() if info.get("publisher") == council}
        nodes = {
            n
            for n in nodes
            if n == council or n.startswith(council + "/") or n in own_docs or cat.entity_docs.get(n, set()) & own_docs
        }
        title_parts.insert(0, namer.thing(council))

    g = nx.MultiDiGraph()
    dates = _dates(cat)
    for n in sorted(nodes):  # sorted: the same store always gives the same graph, layout and paths
        g.add_node(n)
    for s, p, o in sorted(edges):
        if s in nodes and o in nodes:
            g.add_edge(s, o, key=p)

    # 2. The time window.
    if since or until:
        out = [n for n in g if n in dates and not in_window(dates[n], since, until)]
        had_edges = {n for n in g if g.degree(n)}
        g.remove_nodes_from(out)
        stranded = [n for n in had_edges if n in g and g.degree(n) == 0]
        g.remove_nodes_from(stranded)
        window = f"{since or '…'} to {until or '…'}"
        title_parts.append(window)
        if out:
            notes.append(
                f"left out {len(out):,} dated entit{'y' if len(out) == 1 else 'ies'} outside {window}"
                + (f" and {len(stranded):,} left with no link" if stranded else "")
            )

    # 3. The ego network.
    focus = None
    if sel.focus:
        focus = resolve_entity(g, sel.focus, namer=namer, catalogue=cat)
        before = g.number_of_nodes()
        near = nx.single_source_shortest_path_length(undirected(g), focus, cutoff=sel.depth)
        g.remove_nodes_from([n for n in g if n not in near])  # in place, so the order of what stays is kept
        title_parts.append(f"within {sel.depth} link{'s' if sel.depth != 1 else ''} of {namer.thing(focus)}")
        if before > g.number_of_nodes():
            notes.append(
                f"showing {g.number_of_nodes():,} of {before:,} entities: those within {sel.depth} link{'s' if sel.depth != 1 else ''} of {namer.thing(focus)}"
            )

    # 4. Classes.
    if types or exclude:
        out = [
            n
            for n in g
            if n != focus
            and ((types and cat.classes.get(n, "Other") not in types) or cat.classes.get(n, "Other") in exclude)
        ]
        g.remove_nodes_from(out)
        if types:
            title_parts.append(", ".join(CLASS_BY_NAME[t].label.lower() for t in types) + " only")
        if exclude:
            title_parts.append("without " + ", ".join(CLASS_BY_NAME[t].label.lower() for t in exclude))
        if out:
            notes.append(f"left out {len(out):,} entit{'y' if len(out) == 1 else 'ies'} of other classes")

    # 5. Size.
    if sel.max_nodes is not None and sel.max_nodes > 0 and g.number_of_nodes() > sel.max_nodes:
        degree = dict(g.degree())
        ranked = sorted(g, key=lambda n: (n != focus, -degree[n], namer.thing(n), n))
        dropped = ranked[sel.max_nodes :]
        g.remove_nodes_from(dropped)
        floor = min((degree[n] for n in g if n != focus), default=0)
        notes.append(
            f"left out {len(dropped):,} of {len(ranked):,} entities to fit the limit of {sel.max_nodes:,} nodes: lowest degree (number of links) first; those drawn have {floor} or more links"
        )

    # 6. Attributes.
    for n in g:
        _describe_node(g, n, cat, namer, dates, extra.get(n, ()))
    for s, o, p, data in g.edges(keys=True, data=True):
        data["predicate"] = p
        data["label"] = namer.prop(p)
        data["evidence"] = _evidence(cat.evidence.get((s, p, o), ()), namer)
    g.graph["title"] = "; ".join(title_parts) if title_parts else "all entities"
    g.graph["notes"] = notes
    g.graph["focus"] = focus
    return g


def _evidence(items: Iterable[tuple[str, str]], namer: _Namer) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for quote, doc in items:
        quote = _clip(quote, MAX_QUOTE_CHARS)
        seen.setdefault(quote, doc)
    return [(q, namer.doc(d)) for q, d in sorted(seen.items(), key=lambda kv: (kv[1], kv[0]))]


def _describe_node(g: nx.MultiDiGraph, n: str, cat: _Catalogue, namer: _Namer, dates: dict[str, str], extra) -> None:
    cls = cat.classes.get(n, "Other")
    drawn = set(g.successors(n))
    name = namer.thing(n)
    facts: list[tuple[str, str]] = []
    for p, o in [*cat.facts.get(n, ()), *extra]:
        if p in _NAME_PREDICATES or p in _HIDDEN_FACTS or p == RDF + "type":
            continue
        if isinstance(o, ox.NamedNode):
            if o.value in drawn and g.has_edge(n, o.value, key=p):
                continue
            value = namer.thing(o.value)
        else:
            value = o.value
        facts.append((namer.prop(p), value))
    if cls == "Document":
        info = cat.docs.get(n, {})
        facts += [(k, info[k]) for k in ("url", "file", "date", "genre") if k in info]
    facts = sorted(set(facts), key=lambda kv: (kv[0], kv[1]))
    judgement = _judgement(cat, n) if cls == "Inspection" else None
    grade = _JUDGEMENT_GRADE.get(judgement.rsplit("/", 1)[-1], "ungraded") if judgement else "ungraded"
    data = g.nodes[n]
    data.update(
        iri=n,
        name=name,
        label=_clip(name, 40),
        cls=cls,
        date=dates.get(n),
        grade=grade if cls == "Inspection" else None,
        judgement=namer.thing(judgement) if judgement else None,
        facts=facts,
        evidence=_evidence(cat.subject_evidence.get(n, ()), namer),
        documents=sorted(namer.doc(d) for d in cat.entity_docs.get(n, ())),
    )


# ---------------------------------------------------------------------------------------------- finding things


def resolve_entity(g: nx.Graph, thing: str, *, namer: _Namer | None = None, catalogue: _Catalogue | None = None) -> str:
    """The node for an IRI (``<…>`` or bare), a prefixed name (``cgd:council/surrey``) or a name ("Clare Curran")."""
    from caregraph.iris import base

    raw = thing.strip()
    iri = raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw
    for prefix, ns in (("cgd:", base()), ("cg:", CG)):
        if iri.startswith(prefix):
            iri = ns + iri[len(prefix) :]
    if iri in g:
        return iri

    def name_of(n: str) -> str:
        data = g.nodes[n]
        return data.get("name") or (namer.thing(n) if namer else n)

    key = raw.casefold()
    exact = sorted(n for n in g if name_of(n).casefold() == key)
    if len(exact) == 1:
        return exact[0]
    partial = exact or sorted(n for n in g if key in name_of(n).casefold())
    if len(partial) == 1:
        return partial[0]
    if partial:
        listed = "; ".join(f"{name_of(n)} <{n}>" for n in partial[:6])
        raise AmbiguousEntity(
            f"{len(partial)} entities match {raw!r}: {listed}{' …' if len(partial) > 6 else ''}; give the IRI"
        )
    names = {name_of(n): n for n in g}
    close = difflib.get_close_matches(raw, list(names), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UnknownEntity(f"no entity called {raw!r} in the selection{hint} (give a name, an IRI, or a cgd: name)")


# ---------------------------------------------------------------------------------------------- networkx uses


@dataclass(frozen=True)
class Central:
    iri: str
    name: str
    cls: str
    degree: int
    degree_centrality: float
    betweenness: float


def centrality(
    g: nx.MultiDiGraph, top: int = 10, *, sample_above: int = 2000, seed: int = 0
) -> tuple[list[Central], bool]:
    """The ``top`` entities by betweenness (then degree) on the undirected simple graph. Betweenness is estimated from
    a sample of 500 sources above ``sample_above`` nodes; the second value says whether it was."""
    simple = undirected(g)
    if simple.number_of_nodes() == 0:
        return [], False
    sampled = simple.number_of_nodes() > sample_above
    between = nx.betweenness_centrality(simple, k=500 if sampled else None, seed=seed if sampled else None)
    degree = nx.degree_centrality(simple)
    ranked = sorted(simple, key=lambda n: (-between[n], -simple.degree(n), g.nodes[n].get("name", n)))
    return [
        Central(n, g.nodes[n].get("name", n), g.nodes[n].get("cls", "Other"), simple.degree(n), degree[n], between[n])
        for n in ranked[:top]
    ], sampled


@dataclass(frozen=True)
class Hop:
    source: str
    target: str
    label: str
    forward: bool  # True when the relation reads source -> target


def undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected graph of ``g``, built in a fixed order (networkx's undirected *view* of a directed graph
    walks neighbours in set order, which changes from run to run)."""
    und = nx.Graph()
    und.add_nodes_from(g)
    und.add_edges_from(sorted({(u, v) if u <= v else (v, u) for u, v in g.edges()}))
    return und


def shortest_path(g: nx.MultiDiGraph, a: str, b: str) -> list[Hop]:
    """How two nodes are connected: the hops of a shortest path, relations read in either direction."""
    try:
        nodes = nx.shortest_path(undirected(g), a, b)
    except nx.NetworkXNoPath:
        raise NoPath(f"{g.nodes[a].get('name', a)} and {g.nodes[b].get('name', b)} are not connected") from None
    hops = []
    for u, v in itertools.pairwise(nodes):
        if g.has_edge(u, v):
            hops.append(Hop(u, v, " / ".join(sorted(d["label"] for d in g.get_edge_data(u, v).values())), True))
        else:
            hops.append(Hop(u, v, " / ".join(sorted(d["label"] for d in g.get_edge_data(v, u).values())), False))
    return hops


def path_graph(g: nx.MultiDiGraph, hops: list[Hop]) -> nx.MultiDiGraph:
    """The subgraph of ``g`` a path runs through (nodes and the edges between consecutive ones)."""
    nodes = [hops[0].source, *(h.target for h in hops)] if hops else []
    sub = nx.MultiDiGraph()
    sub.graph.update(g.graph)
    for n in nodes:
        sub.add_node(n, **g.nodes[n])
    for h in hops:
        u, v = (h.source, h.target) if h.forward else (h.target, h.source)
        for key, data in g.get_edge_data(u, v).items():
            sub.add_edge(u, v, key=key, **data)
    return sub


EXPORT_FORMATS = ("graphml", "gexf")


def export_graph(g: nx.MultiDiGraph, fmt: str, out) -> None:
    """Write ``g`` for Gephi as GraphML or GEXF: numbers (``degree``, the number of links) as numbers, so Gephi can
    size and rank by them; every other attribute a string (lists joined with ``" | "``)."""
    if fmt not in EXPORT_FORMATS:
        raise SelectionError(f"unknown export format {fmt!r}; choose {' or '.join(EXPORT_FORMATS)}")
    plain = nx.MultiDiGraph()
    plain.graph.update({"title": g.graph.get("title", ""), "notes": " | ".join(g.graph.get("notes", []))})

    def text(value) -> str:
        if value is None:
            return ""
        if isinstance(value, (list, tuple)):
            return " | ".join(text(v) if not isinstance(v, tuple) else ": ".join(map(str, v)) for v in value)
        return str(value)

    def value(v):
        return v if isinstance(v, (int, float)) and not isinstance(v, bool) else text(v)

    for n, data in g.nodes(data=True):
        attrs = {k: value(v) for k, v in data.items()}
        attrs["degree"] = g.degree(n)
        plain.add_node(n, **attrs)
    for s, o, key, data in g.edges(keys=True, data=True):
        plain.add_edge(s, o, key=key, **{k: value(v) for k, v in data.items()})
    if fmt == "graphml":
        nx.write_graphml(plain, out, encoding="utf-8")
    else:
        for n, data in plain.nodes(data=True):
            data["label"] = data.get("name", n)
        nx.write_gexf(plain, out, encoding="utf-8")


def export_graph_to_path(g: nx.MultiDiGraph, fmt: str, out: str | Path) -> Path:
    """:func:`export_graph` to the file ``out`` (``export-graph --out``), written by
    :func:`caregraph.outfile.output_file`: atomically, with the usual mode, read-only files refused, links followed,
    devices and pipes written in place; missing parent folders are created. Returns the path written."""
    from caregraph.outfile import OutputError, output_file

    if fmt not in EXPORT_FORMATS:
        raise SelectionError(f"unknown export format {fmt!r}; choose {' or '.join(EXPORT_FORMATS)}")
    try:
        with output_file(out, make_parents=True) as fh:
            export_graph(g, fmt, fh)
    except OutputError as exc:
        raise SelectionError(str(exc)) from None
    return Path(out)
