"""Counts over a store: documents, quads, entities per class, councils covered."""

from __future__ import annotations

from caregraph.namespaces import CG, GRAPHS

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


def entity_counts(store) -> dict[str, int]:
    """Distinct entities per caregraph class in the document graphs."""
    from caregraph.query import prefixes

    counts = {c: 0 for c in CLASSES}
    for sol in store.query(_COUNTS, prefixes=prefixes()):
        cls = sol["class"].value
        if cls.startswith(CG) and cls[len(CG) :] in counts:
            counts[cls[len(CG) :]] = int(sol["n"].value)
    return counts


def store_stats(store) -> dict:
    from caregraph.query import prefixes

    councils = [sol["name"].value for sol in store.query(_COUNCILS, prefixes=prefixes())]
    return {
        "documents": len(store.documents()),
        "quads": len(store),
        "entities": entity_counts(store),
        "councils": councils,
    }
