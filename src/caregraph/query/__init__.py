"""Asking the store questions: SPARQL text, named queries with typed parameters, safety checks, result formats,
and remote SPARQL endpoints.

One module per concern: :mod:`~caregraph.query.run` (running a query: prefixes, timeouts, syntax errors),
:mod:`~caregraph.query.named` (the named queries and their headers), :mod:`~caregraph.query.params` (typed
parameters bound as RDF terms), :mod:`~caregraph.query.safety` (updates and ``SERVICE`` refused unless allowed),
:mod:`~caregraph.query.formats` (results written by pyoxigraph's serialisers, and JSON Lines),
:mod:`~caregraph.query.display` (results as people read them: tables and Markdown), :mod:`~caregraph.query.names`
(prefixed names and IRIs), :mod:`~caregraph.query.things` (the thing a name, label or IRI a person types stands
for), :mod:`~caregraph.query.terms` (``cg:`` terms the ontology does not define), :mod:`~caregraph.query.remote`
(the same queries against a SPARQL endpoint) and :mod:`~caregraph.query.serve` (the store as a local read-only
SPARQL endpoint with a query page).

>>> from caregraph.query import run_query  # doctest: +SKIP
>>> run_query(store, "inspection-timeline", params={"council": "Surrey"}).rows  # doctest: +SKIP
"""

from caregraph.query.formats import GRAPH_FORMATS, ROW_FORMATS, serialize_rows, serialize_triples
from caregraph.query.named import NamedQuery, Parameter, named_queries, named_query, parse_header, resolve
from caregraph.query.names import expand, prefixes, shorten
from caregraph.query.params import (
    PARAM_TYPES,
    bind_parameters,
    concept_iri,
    council_iri,
    council_slug,
    to_term,
    values_block,
    with_values,
)
from caregraph.query.run import QueryResult, run_query, with_prefixes
from caregraph.query.safety import check_safety, is_update, query_form
from caregraph.query.terms import term_warning, undefined_terms
from caregraph.query.things import find_thing, find_things

__all__ = [
    "GRAPH_FORMATS",
    "PARAM_TYPES",
    "ROW_FORMATS",
    "NamedQuery",
    "Parameter",
    "QueryResult",
    "bind_parameters",
    "check_safety",
    "concept_iri",
    "council_iri",
    "council_slug",
    "expand",
    "find_thing",
    "find_things",
    "is_update",
    "named_queries",
    "named_query",
    "parse_header",
    "prefixes",
    "query_form",
    "resolve",
    "run_query",
    "serialize_rows",
    "serialize_triples",
    "shorten",
    "term_warning",
    "to_term",
    "undefined_terms",
    "values_block",
    "with_prefixes",
    "with_values",
]
