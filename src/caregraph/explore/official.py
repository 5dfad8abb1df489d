"""Ofsted's official record as the pages read it: the one place :mod:`caregraph.explore` reads the imported outcomes.

``caregraph import-ofsted`` writes Ofsted's table into its own graph (``…/graph/ofsted``). :func:`official_inspections`
reads the inspections typed in that graph, or in any graph that marks itself ``cg:official true``, with the facts a
page shows, and the papers' inspections linked to each (``?paper cg:officialRecord ?official``, in whichever graph the
import keeps its links); nothing else in :mod:`caregraph.explore` looks at those graphs.

>>> from caregraph.store import memory_store
>>> official_inspections(memory_store())
{}
"""

from __future__ import annotations

from dataclasses import dataclass, field

from caregraph.namespaces import CG, RDFS
from caregraph.pipeline.reconcile import OFFICIAL_GRAPH


@dataclass(frozen=True)
class OfficialInspection:
    """One inspection or visit as Ofsted's table records it (values as stored: IRIs and ISO dates)."""

    iri: str
    graph: str
    council: str | None = None
    kind: str | None = None  # a cgv:kind/… concept
    start: str | None = None
    published: str | None = None
    judgement: str | None = None  # a cgv:judgement/… concept
    focus: str | None = None
    link: str | None = None  # the report's page on Ofsted's site
    label: str | None = None
    sub_judgements: tuple[tuple[str, str], ...] = field(default=())  # (area concept, judgement concept)
    papers: tuple[str, ...] = field(default=())  # the papers' inspections the import linked to this one


_FIELDS = {
    CG + "council": "council",
    CG + "kind": "kind",
    CG + "startDate": "start",
    CG + "publicationDate": "published",
    CG + "judgement": "judgement",
    CG + "focus": "focus",
    RDFS + "seeAlso": "link",
    RDFS + "label": "label",
}


def official_inspections(store, council: str | None = None) -> dict[str, OfficialInspection]:
    """The inspections of Ofsted's official record (those of ``council``, an IRI, when given), by IRI; empty when
    it was never imported."""
    from caregraph.query import prefixes

    restrict = f"?i cg:council <{council}> ." if council else ""
    official = (
        f"GRAPH ?g {{ ?i a cg:Inspection . {restrict} }} "
        f"FILTER(?g = <{OFFICIAL_GRAPH}> || EXISTS {{ GRAPH ?g {{ ?g cg:official true }} }})"
    )
    values: dict[str, dict[str, object]] = {}
    graphs: dict[str, str] = {}
    for sol in store.query(f"SELECT ?g ?i ?p ?o WHERE {{ {official} GRAPH ?g {{ ?i ?p ?o }} }}", prefixes=prefixes()):
        iri, p, o = sol["i"].value, sol["p"].value, sol["o"]
        graphs.setdefault(iri, sol["g"].value)
        row = values.setdefault(iri, {})
        name = _FIELDS.get(p)
        if name and name not in row:
            row[name] = o.value
    subs: dict[str, list[tuple[str, str]]] = {}
    for sol in store.query(
        f"SELECT ?i ?area ?j WHERE {{ {official} GRAPH ?g {{ ?i cg:subJudgement ?s . ?s cg:area ?area ; cg:judgement ?j }} }}",
        prefixes=prefixes(),
    ):
        subs.setdefault(sol["i"].value, []).append((sol["area"].value, sol["j"].value))
    papers: dict[str, set[str]] = {}
    for sol in store.query(
        f"SELECT ?i ?paper WHERE {{ {official} GRAPH ?l {{ ?paper cg:officialRecord ?i }} }}", prefixes=prefixes()
    ):
        if sol["paper"].value != sol["i"].value:
            papers.setdefault(sol["i"].value, set()).add(sol["paper"].value)
    return {
        iri: OfficialInspection(
            iri=iri,
            graph=graphs[iri],
            sub_judgements=tuple(sorted(set(subs.get(iri, ())))),
            papers=tuple(sorted(papers.get(iri, ()))),
            **{k: str(v) for k, v in row.items()},
        )
        for iri, row in sorted(values.items())
    }
