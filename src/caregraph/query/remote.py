"""The same queries against any SPARQL 1.1 Protocol endpoint (``caregraph query --endpoint URL``).

A named query, a file or inline text is resolved, checked (syntax, updates, ``SERVICE``) and given its parameters
exactly as for the embedded store (:mod:`caregraph.query`), then sent with the predeclared prefixes written out as
``PREFIX`` lines: ``POST`` with ``Content-Type: application/sparql-query`` (``application/sparql-update`` for an
allowed update), ``Accept`` SPARQL results JSON for SELECT/ASK and N-Triples/Turtle for CONSTRUCT/DESCRIBE. The
answer is parsed into a :class:`caregraph.query.QueryResult`, so every output format works the same.

Credentials: HTTP basic auth from an environment variable (``CAREGRAPH_AUTH=user:password`` by default), never from
the command line, where other users could read them in the process list. Redirects are not followed (a redirect
would carry the credentials, or drop the POST body); only ``http`` and ``https`` URLs are accepted. The HTTP side
is caregraph's one small client, :mod:`caregraph.interop.http`, shared with ``caregraph push``.
"""

from __future__ import annotations

import os
import urllib.parse
import urllib.request
from collections.abc import Mapping

import pyoxigraph as ox

from caregraph.errors import QueryError, QueryTimeout
from caregraph.index import without_index
from caregraph.interop import http
from caregraph.query.run import (
    LABEL_GRAPHS,
    QueryResult,
    bind_parameters,
    call_with_timeout,
    check_safety,
    expand,
    prefixes,
    query_form,
    resolve,
    syntax_error,
    with_prefixes,
    with_values,
)

AUTH_ENV = http.AUTH_ENV
PROTOCOL = "SPARQL 1.1 Protocol"
# Seconds an endpoint has to answer when no timeout is given, and the largest answer read (docs/reliability.md).
DEFAULT_ENDPOINT_TIMEOUT = 300.0
MAX_RESPONSE = http.DEFAULT_MAX_RESPONSE
RESULTS_JSON = "application/sparql-results+json"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"

_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}


def credentials(auth_env: str | None = AUTH_ENV) -> str | None:
    """The ``Authorization`` header value from ``$auth_env`` (``user:password``), or None when it is unset."""
    try:
        return http.credentials(auth_env)
    except http.CredentialsError:
        raise QueryError(f"${auth_env} must be USER:PASSWORD (it has no ':')") from None


def build_request(
    url: str, text: str, *, form: str, graph: str | None = None, auth: str | None = None
) -> urllib.request.Request:
    """The HTTP request for ``text`` (already with its PREFIX lines and parameters) of query form ``form``."""
    problem = http.url_problem(url)
    parts = http.http_url(url) if problem is None else None
    if parts is None:
        raise QueryError(f"--endpoint {http.redact(url)!r} {problem or 'is not an http(s) URL'}")
    if graph:
        named = [("named-graph-uri", g) for g in dict.fromkeys([graph, *LABEL_GRAPHS])]
        query = [*urllib.parse.parse_qsl(parts.query, keep_blank_values=True), ("default-graph-uri", graph), *named]
        url = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))
    update = form == "update"
    headers = {
        "Content-Type": ("application/sparql-update" if update else "application/sparql-query") + "; charset=utf-8",
        "Accept": RESULTS_JSON if form in {"select", "ask"} else GRAPH_ACCEPT if not update else "*/*",
    }
    return http.request("POST", url, text.encode("utf-8"), headers=headers, auth=auth, protocol=PROTOCOL)


def parse_response(body: bytes, content_type: str, form: str, url: str) -> QueryResult:
    """A :class:`QueryResult` from an endpoint's answer, by its media type (JSON, XML, TSV results; RDF)."""
    media = content_type.split(";")[0].strip().lower()
    if form == "update":
        return QueryResult("update")
    try:
        if form in {"select", "ask"}:
            return QueryResult.from_ox(
                ox.parse_query_results(body, format=_RESULT_FORMATS.get(media) or ox.QueryResultsFormat.JSON)
            )
        return QueryResult.from_ox(ox.parse(body, format=_GRAPH_FORMATS.get(media) or ox.RdfFormat.N_TRIPLES))
    except Exception as exc:  # pyoxigraph raises SyntaxError, ValueError, OSError, TypeError… on a malformed answer
        text = str(exc).strip()
        first = (text.splitlines()[0] if text else type(exc).__name__)[:200]
    # Raised outside the handler, so that no traceback keeps pyoxigraph's parser (which must be dropped in the thread
    # that made it) alive into another thread.
    raise QueryError(f"{url} answered with something that is not valid {media or 'results'} ({first})")


def query_endpoint(
    url: str,
    source: str,
    params: Mapping[str, str] | None = None,
    *,
    inline: bool = False,
    label: str | None = None,
    graph: str | None = None,
    auth_env: str | None = AUTH_ENV,
    timeout: float | None = None,
    allow_update: bool = False,
    allow_service: bool = False,
    max_bytes: int | None = MAX_RESPONSE,
) -> QueryResult:
    """Run a named query, a file or inline SPARQL at a SPARQL 1.1 Protocol endpoint.

    The endpoint's default graph is its own (an Oxigraph server started with ``--union-default-graph`` gives the
    union of its graphs, as the embedded store does); ``graph`` is sent as ``default-graph-uri`` and, with the
    reference graphs that hold labels, as ``named-graph-uri``, as the embedded store restricts it.

    ``timeout`` is a deadline for the whole exchange (default :data:`DEFAULT_ENDPOINT_TIMEOUT`); an answer over
    ``max_bytes`` is refused (:class:`~caregraph.errors.QueryError`) rather than held in memory.
    """
    limit = DEFAULT_ENDPOINT_TIMEOUT if timeout is None else timeout
    text, named, label = resolve(source, inline=inline, label=label)
    if named is not None:
        text = without_index(text)  # the endpoint's store may have no document index: read the documents' graphs
    check_safety(text, allow_update=allow_update, allow_service=allow_service)
    bindings = bind_parameters(named, params or {})
    form = query_form(text)
    if form == "update" and bindings:
        raise QueryError("parameters cannot be bound into a SPARQL Update")
    if form != "update" and "SERVICE" not in text.upper():
        # Catch syntax errors here, with the file's line and column, rather than in the server's words.
        try:
            ox.Store().query(text, prefixes=prefixes())
        except SyntaxError as exc:
            raise syntax_error(exc, text, label) from None
    graph_iri = None
    if graph:
        graph_iri = expand(graph)
        if graph_iri is None:
            raise QueryError(f"--graph {graph!r} is not an IRI (give <https://…>, https://… or a prefixed name)")
    request = build_request(
        url, with_prefixes(with_values(text, bindings)), form=form, graph=graph_iri, auth=credentials(auth_env)
    )
    where = http.shown(url)

    def send() -> QueryResult:
        try:
            response = http.send(request, limit or None, max_bytes=max_bytes)
        except http.TooLarge as exc:
            raise QueryError(
                f"{where} answered with more than {exc.limit:,} bytes; narrow the query (LIMIT, fewer variables)"
            ) from None
        except http.Refused as exc:
            if exc.unauthorised:
                hint = (
                    f"set ${auth_env} to USER:PASSWORD"
                    if auth_env and not os.environ.get(auth_env)
                    else f"check the credentials in ${auth_env}"
                )
                raise QueryError(f"{where} refused access (HTTP {exc.code}); {hint}") from None
            if exc.redirect:
                raise QueryError(
                    f"{where} redirects (HTTP {exc.code}) to {exc.location}; give that URL to --endpoint"
                ) from None
            raise QueryError(f"{where} answered {exc.status}") from None
        except http.TimedOut:
            hint = " (the default for --endpoint; raise it with --timeout)" if timeout is None else ""
            raise QueryTimeout(f"{where} did not answer within {limit:g} s{hint}") from None
        except http.Unreachable as exc:
            raise QueryError(f"cannot reach {where}: {exc.reason}") from None
        return parse_response(response.body, response.content_type, form, where)

    return call_with_timeout(send, limit + 2 if limit else None)  # the request's own deadline comes first
