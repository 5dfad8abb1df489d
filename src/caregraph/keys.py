"""Moved: natural keys and IRIs live in :mod:`caregraph.iris` (one module; it imports no rdflib until an IRI is
minted as a ``URIRef``). These names stay importable from here for older callers."""

from __future__ import annotations

from caregraph.iris import (  # noqa: F401 (re-exported)
    DEFAULT_BASE,
    GRAPH_BASE,
    HONORIFICS,
    VOCAB,
    base,
    council_iri,
    document_iri,
    graph_iri,
    kind_family,
    person_key,
    slug,
)
