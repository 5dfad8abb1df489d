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
ego network around ``focus`` (``depth`` hops, edges in either direction), the entities of the classes ``around``
and what links to them (the default page of ``caregraph viz``: the inspections and what links to them), the classes
kept (``types``, ``exclude_types``; the focus always stays), then ``max_nodes``: the least important to the question
left out first (:func:`caregraph.explore.layout.prune`: inspections, decisions and people last, each kept with its
anchor). Every rule that leaves something out adds a line to ``graph.graph["notes"]``.

With ``paper_links`` (pages), a decision or follow-up the graph does not link to a meeting or decision is drawn
beside what its own paper reports: the paper's one meeting, else the inspections it is about (a dashed edge,
"in the same paper as"; never exported, never a path).
"""

from __future__ import annotations

import difflib
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from caregraph.errors import AmbiguousEntity, NoPath, SelectionError, UnknownEntity
from caregraph.explore.catalogue import (
    _Catalogue,
    _clip,
    _Namer,
    _term_key,
    load_catalogue,
)
from caregraph.explore.classes import (
    _DATE_PREDICATES,
    _HIDDEN_FACTS,
    _JUDGEMENT_GRADE,
    _NAME_PREDICATES,
    CLASS_BY_NAME,
    MAX_QUOTE_CHARS,
    PAPER_LINK,
    class_of,
    in_window,
    normalise_date,
)
from caregraph.explore.layout import anchor_chain, prune, undirected
from caregraph.namespaces import CG, DCTERMS, OA, RDF
from caregraph.namespaces import CGV as VOCAB

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
    around: tuple[str, ...] = ()  # classes whose entities, and what links to them, are drawn ("Inspection")
    paper_links: bool = False  # draw unanchored decisions and follow-ups beside their paper's meeting or inspection


# ---------------------------------------------------------------------------------------------- building


def _judgement(cat: _Catalogue, iri: str) -> str | None:
    record = cat.official.get(iri)
    if record is not None and record.judgement:
        return record.judgement
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
        close = gazetteer().suggest(raw)
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
    council = None
    if sel.council:
        council = _resolve_council(sel.council)
        own_docs = {d for d, info in cat.docs.items() if info.get("publisher") == council}
        nodes = {
            n
            for n in nodes
            if n == council or n.startswith(council + "/") or n in own_docs or cat.entity_docs.get(n, set()) & own_docs
        }
        title_parts.insert(0, namer.thing(council))

    if sel.paper_links and not sel.query:
        edges |= _paper_links(cat, nodes, edges)

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

    # 4. The classes asked about, and what links to them.
    centre = {class_of(t) for t in sel.around}
    core = [n for n in g if cat.classes.get(n) in centre]
    if sel.around and not core and g.number_of_nodes():
        what = " and ".join(CLASS_BY_NAME[c].label.lower().split(" or ")[0] + "s" for c in sorted(centre))
        notes.append(f"no {what} in the selection: showing every entity")
    elif sel.around:
        before = g.number_of_nodes()
        near = set(core)
        for n in core:
            near.update(g.successors(n))
            near.update(g.predecessors(n))
        # what hangs from those (a follow-up of a decision about an inspection), and the anchors of all of them (a
        # decision's meeting, a meeting's committee), so nothing floats
        for n in g:
            if (
                n not in near
                and cat.classes.get(n) in ("Decision", "FollowUp")
                and near.intersection(anchor_chain(g, n, cat.classes))
            ):
                near.add(n)
        for n in list(near):
            near.update(anchor_chain(g, n, cat.classes))
        g.remove_nodes_from([n for n in g if n not in near and n != focus])
        what = " and ".join(CLASS_BY_NAME[c].label.lower().split(" or ")[0] + "s" for c in sorted(centre))
        title_parts.append(f"the {what} and what links to them")
        if before > g.number_of_nodes():
            notes.append(
                f"showing {g.number_of_nodes():,} of {before:,} entities: the {what} and what links to them "
                "(--council, --focus or --type draw other parts)"
            )

    # 5. Classes.
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

    # 6. Size.
    if sel.max_nodes is not None and sel.max_nodes > 0 and g.number_of_nodes() > sel.max_nodes:
        total = g.number_of_nodes()
        for n in g:
            cls = cat.classes.get(n, "Other")
            g.nodes[n].update(
                cls=cls,
                date=dates.get(n),
                name=namer.thing(n),
                grade=_grade(cat, n)[1] if cls == "Inspection" else None,
                council=_council_of(cat, n),
            )
        kept = prune(g, sel.max_nodes, cat.classes, focus=focus)
        dropped = [n for n in g if n not in kept]
        left = Counter(cat.classes.get(n, "Other") for n in dropped)
        g.remove_nodes_from(dropped)
        by_class = ", ".join(
            f"{left[c.name]:,} {c.label.lower().split(' or ')[0]}{'' if left[c.name] == 1 else 's'}"
            for c in sorted(CLASS_BY_NAME.values(), key=lambda c: -c.tier)
            if left.get(c.name)
        )
        notes.append(
            f"left out {len(dropped):,} of {total:,} entities to fit the limit of {sel.max_nodes:,} nodes, the least "
            f"important to the question first (inspections, decisions and people last, each kept with what anchors "
            f"it): {by_class}"
        )

    # 7. Attributes.
    for n in g:
        _describe_node(g, n, cat, namer, dates, extra.get(n, ()))
    for s, o, p, data in g.edges(keys=True, data=True):
        data["predicate"] = p
        data["label"] = "in the same paper as" if p == PAPER_LINK else namer.prop(p)
        data["evidence"] = _evidence(cat.evidence.get((s, p, o), ()), namer)
        if p == PAPER_LINK:
            data["drawing"] = True  # drawn to place the node, not a fact of the store
    g.graph["official"] = _official(cat, namer, council) if council else []
    g.graph["title"] = "; ".join(title_parts) if title_parts else "all entities"
    g.graph["notes"] = notes
    g.graph["focus"] = focus
    return g


def _official(cat: _Catalogue, namer: _Namer, council: str) -> list[dict]:
    """The council's inspections in Ofsted's official record (:mod:`caregraph.explore.official`), named for a page:
    IRI, kind family, dates, kind, judgement and grade, visit theme, sub-judgements, link to the report."""
    out = []
    for rec in cat.official.values():
        if rec.council != council:
            continue
        judgement = namer.thing(rec.judgement) if rec.judgement else None
        grade = _grade(cat, rec.iri)[1]
        kind = namer.thing(rec.kind) if rec.kind else "ILACS inspection"
        out.append(
            {
                "iri": rec.iri,
                "family": rec.iri.rstrip("/").rsplit("/", 2)[-2],
                "start": rec.start or "",
                "published": rec.published or "",
                "name": f"{cat.pref.get(council) or namer.thing(council)}: {kind}, {rec.start or rec.published or '?'}",
                "kind": kind,
                "judgement": judgement,
                "grade": grade,
                "focus": rec.focus,
                "link": rec.link,
                "sub_judgements": [(namer.thing(a), namer.thing(j)) for a, j in rec.sub_judgements],
                "papers": list(rec.papers),
            }
        )
    return sorted(out, key=lambda r: (r["start"], r["iri"]))


def _paper_of(cat: _Catalogue, iri: str) -> set[str]:
    return {d for d in cat.entity_docs.get(iri, ()) if d in cat.docs}


def _paper_links(cat: _Catalogue, nodes: set[str], edges: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """Drawing edges (:data:`PAPER_LINK`) from each decision or follow-up that no relation anchors (no meeting, no
    decision) to what its own paper reports: the paper's one meeting, else the inspections it is about (up to 3)."""
    anchored = {s for s, p, _o in edges if p in (CG + "madeAt", CG + "followUpOf")}
    by_doc: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        if cat.classes.get(n) in ("Meeting", "Inspection"):
            for d in _paper_of(cat, n):
                by_doc[d].append(n)
    links: set[tuple[str, str, str]] = set()
    for n in nodes:
        if cat.classes.get(n) not in ("Decision", "FollowUp") or n in anchored:
            continue
        for d in sorted(_paper_of(cat, n)):
            meetings = sorted(m for m in by_doc.get(d, ()) if cat.classes[m] == "Meeting")
            inspections = sorted(i for i in by_doc.get(d, ()) if cat.classes[i] == "Inspection")
            targets = meetings if len(meetings) == 1 else inspections if 0 < len(inspections) <= 3 else []
            links.update((n, PAPER_LINK, t) for t in targets if t != n)
    return links


def _council_of(cat: _Catalogue, n: str) -> str | None:
    """The council an entity belongs to, for drawing it in its council's cluster: its IRI's council, else the
    publisher of every paper that mentions it (None when they differ, or for things councils share)."""
    from caregraph.iris import base

    root = base() + "council/"
    if n.startswith(root):
        return root + n[len(root) :].split("/", 1)[0]
    if cat.classes.get(n) in ("Organisation", "PracticeModel"):
        return None
    publishers = {cat.docs[d].get("publisher") for d in ({n} if n in cat.docs else _paper_of(cat, n))}
    return publishers.pop() if len(publishers) == 1 else None


def _evidence(items: Iterable[tuple[str, str]], namer: _Namer) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for quote, doc in items:
        quote = _clip(quote, MAX_QUOTE_CHARS)
        seen.setdefault(quote, doc)
    return [(q, namer.doc(d)) for q, d in sorted(seen.items(), key=lambda kv: (kv[1], kv[0]))]


def _grade(cat: _Catalogue, n: str) -> tuple[str | None, str]:
    """An inspection's judgement concept and its grade key (:data:`caregraph.explore.classes.GRADES`): Ofsted's
    grade; "not-graded" for a visit of a kind Ofsted does not grade; "unknown" when no source states the grade."""
    judgement = _judgement(cat, n)
    if judgement:
        return judgement, _JUDGEMENT_GRADE.get(judgement.rsplit("/", 1)[-1], "unknown")
    kinds = {o.value for p, o in cat.facts.get(n, ()) if p == CG + "kind" and isinstance(o, ox.NamedNode)}
    record = cat.official.get(n)
    if record is not None and record.kind:
        kinds.add(record.kind)
    return None, "not-graded" if kinds and kinds <= cat.ungraded_kinds else "unknown"


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
    judgement, grade = _grade(cat, n) if cls == "Inspection" else (None, None)
    data = g.nodes[n]
    data.update(
        iri=n,
        name=name,
        label=_clip(name, 40),
        cls=cls,
        date=dates.get(n),
        grade=grade,
        judgement=namer.thing(judgement) if judgement else None,
        facts=facts,
        evidence=_evidence(cat.subject_evidence.get(n, ()), namer),
        documents=sorted(namer.doc(d) for d in cat.entity_docs.get(n, ())),
        council=_council_of(cat, n),
        short=cat.pref.get(n) if cls == "Council" else None,
        official=n in cat.official,
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
    """The subgraph of ``g`` a path runs through (nodes and the edges between consecutive ones); ``graph["path"]``
    lists the nodes in order."""
    nodes = [hops[0].source, *(h.target for h in hops)] if hops else []
    sub = nx.MultiDiGraph()
    sub.graph.update(g.graph)
    sub.graph["path"] = nodes  # in order: a page draws it as a chain, left to right
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
