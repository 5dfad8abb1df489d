"""Counts over a store: documents, quads, entities per class, councils covered, and Ofsted's imported record."""

from __future__ import annotations

from caregraph.namespaces import CG, GRAPHS
from caregraph.pipeline.reconcile import LINKS_GRAPH, OFFICIAL_GRAPH

CLASSES = (
    "Council",
    "Committee",
    "Meeting",
    "AgendaItem",
    "Person",
    "Post",
    "Inspection",
    "Decision",
    "FollowUp",
    "Organisation",
    "PracticeModel",
)


_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  GRAPH ?g { ?g a cg:Document . ?s a ?class }
} GROUP BY ?class
"""

_COUNCILS = f"""
SELECT DISTINCT ?name WHERE {{
  GRAPH ?g {{ ?g a cg:Document ; dcterms:publisher ?council }}
  OPTIONAL {{ GRAPH <{GRAPHS}councils> {{ ?council skos:prefLabel ?label }} }}
  BIND(COALESCE(?label, STR(?council)) AS ?name)
}} ORDER BY ?name
"""

# Ofsted's record as imported (caregraph import-ofsted): its inspections and councils, when and from what.
_OFFICIAL = f"""
SELECT (COUNT(DISTINCT ?i) AS ?inspections) (COUNT(DISTINCT ?council) AS ?councils)
       (SAMPLE(?at) AS ?imported) (SAMPLE(?t) AS ?title) (SAMPLE(?day) AS ?issued) WHERE {{
  GRAPH <{OFFICIAL_GRAPH}> {{
    ?i a cg:Inspection ; cg:council ?council .
    OPTIONAL {{ <{OFFICIAL_GRAPH}> prov:generatedAtTime ?at }}
    OPTIONAL {{ <{OFFICIAL_GRAPH}> dcterms:title ?t }}
    OPTIONAL {{ <{OFFICIAL_GRAPH}> dcterms:issued ?day }}
  }}
}}
"""

_LINKS = f"""
SELECT ?method (COUNT(DISTINCT ?link) AS ?n) WHERE {{
  GRAPH <{LINKS_GRAPH}> {{ ?link a cg:ReconciliationLink ; cg:matchMethod ?method }}
}} GROUP BY ?method ORDER BY ?method
"""


def entity_counts(store) -> dict[str, int]:
    """Distinct entities per caregraph class in the document graphs."""
    from caregraph.query import prefixes

    counts = {c: 0 for c in CLASSES}
    for sol in store.query(_COUNTS, prefixes=prefixes()):
        cls = sol["class"].value
        if cls.startswith(CG) and cls[len(CG) :] in counts:
            counts[cls[len(CG) :]] = int(sol["n"].value)
    return counts


def official_stats(store) -> dict | None:
    """What the store holds of Ofsted's official record: its inspections and councils, when it was imported (the
    graph's ``prov:generatedAtTime``), its title and issue date, and the papers' inspections linked to it by method
    (graph ``…/graph/links``); None before ``caregraph import-ofsted``."""
    from caregraph.query import prefixes

    if not store.has_graph(OFFICIAL_GRAPH):
        return None
    sol = next(iter(store.query(_OFFICIAL, prefixes=prefixes())))

    def value(name: str) -> str | None:
        term = sol[name]
        return None if term is None else term.value

    links = {s["method"].value: int(s["n"].value) for s in store.query(_LINKS, prefixes=prefixes())}
    return {
        "inspections": int(sol["inspections"].value),
        "councils": int(sol["councils"].value),
        "imported": value("imported"),
        "title": value("title"),
        "issued": value("issued"),
        "links": links,
    }


def store_stats(store) -> dict:
    from caregraph.query import prefixes

    councils = [sol["name"].value for sol in store.query(_COUNCILS, prefixes=prefixes())]
    return {
        "documents": len(store.documents()),
        "quads": len(store),
        "entities": entity_counts(store),
        "councils": councils,
        "official": official_stats(store),
    }


def official_rows(official: dict | None) -> list[tuple[str, str]]:
    """``caregraph stats``'s table rows for Ofsted's record: one saying it is not imported, or its inspections,
    when it was imported and what it was, and the papers' inspections linked to it."""
    if official is None:
        return [("Ofsted's record", "not imported (caregraph import-ofsted)")]
    links = official["links"]
    linked = sum(links.values())
    rows = [
        ("Ofsted's record", f"{official['inspections']:,} inspections of {official['councils']} councils"),
        ("  imported", (official["imported"] or "unknown").replace("T", " ").replace("Z", " UTC")),
    ]
    if official["title"]:
        rows.append(("  from", official["title"] + (f" (issued {official['issued']})" if official["issued"] else "")))
    rows.append(
        (
            "  linked to papers",
            f"{linked} inspections"
            + (" (" + ", ".join(f"{n} {m}" for m, n in sorted(links.items())) + ")" if links else ""),
        )
    )
    return rows
