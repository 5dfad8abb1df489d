"""The same queries against any SPARQL 1.1 Protocol endpoint (``caregraph query --endpoint URL``).

A named query, a file or inline text is resolved, checked (syntax, updates, ``SERVICE``) and given its parameters
exactly as for the embedded store (:mod:`caregraph.query`), then sent with the predeclared prefixes written out as
``PREFIX`` lines: ``POST`` with ``Content-Type: application/sparql-query`` (``application/sparql-update`` for an
allowed update), ``Accept`` SPARQL results JSON for SELECT/ASK and N-Triples/Turtle for CONSTRUCT/DESCRIBE. The
answer is parsed into a :class:`caregraph.query.QueryResult`, so every output format works the same.

Credentials: HTTP basic auth from an environment variable (``CAREGRAPH_AUTH=user:password`` by default), never from
the command line, where other users could read them in the process list. Redirects are not followed (a redirect
would carry the credentials, or drop the POST body); only ``http`` and ``https`` URLs are accepted. Standard library
only (urllib).
"""

from __future__ import annotations

import base64
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

import pyoxigraph as ox

from caregraph.errors import QueryError, QueryTimeout
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

AUTH_ENV = "CAREGRAPH_AUTH"
USER_AGENT = "caregraph (SPARQL 1.1 Protocol client)"
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


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises HTTPError with the 3xx code


def credentials(auth_env: str | None = AUTH_ENV) -> str | None:
    """The ``Authorization`` header value from ``$auth_env`` (``user:password``), or None when it is unset."""
    if not auth_env:
        return None
    value = os.environ.get(auth_env)
    if not value:
        return None
    if ":" not in value:
        raise QueryError(f"${auth_env} must be USER:PASSWORD (it has no ':')")
    return "Basic " + base64.b64encode(value.encode("utf-8")).decode("ascii")


def build_request(
    url: str, text: str, *, form: str, graph: str | None = None, auth: str | None = None
) -> urllib.request.Request:
    """The HTTP request for ``text`` (already with its PREFIX lines and parameters) of query form ``form``."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise QueryError(f"--endpoint {url!r}: give an http:// or https:// URL")
    if graph:
        named = [("named-graph-uri", g) for g in dict.fromkeys([graph, *LABEL_GRAPHS])]
        query = [*urllib.parse.parse_qsl(parts.query, keep_blank_values=True), ("default-graph-uri", graph), *named]
        url = urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))
    update = form == "update"
    headers = {
        "Content-Type": ("application/sparql-update" if update else "application/sparql-query") + "; charset=utf-8",
        "Accept": RESULTS_JSON if form in {"select", "ask"} else GRAPH_ACCEPT if not update else "*/*",
        "User-Agent": USER_AGENT,
    }
    if auth:
        headers["Authorization"] = auth
    return urllib.request.Request(url, data=text.encode("utf-8"), headers=headers, method="POST")


def parse_response(body: bytes, content_type: str, form: str, url: str) -> QueryResult:
    """A :class:`QueryResult` from an endpoint's answer, by its media type (JSON, XML, TSV results; RDF)."""
    media = content_type.split(";")[0].strip().lower()
    if form == "update":
        return QueryResult("update")
    try:
        if form in {"select", "ask"}:
            fmt = _RESULT_FORMATS.get(media) or ox.QueryResultsFormat.JSON
            return QueryResult.from_ox(ox.parse_query_results(body, format=fmt))
        fmt = _GRAPH_FORMATS.get(media) or ox.RdfFormat.N_TRIPLES
        return QueryResult.from_ox(ox.parse(body, format=fmt))
    except (SyntaxError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise QueryError(f"{url} answered with something that is not valid {media or 'results'} ({first})") from None


def _error_detail(exc: urllib.error.HTTPError) -> str:
    try:
        body = exc.read(2000).decode("utf-8", "replace")
    except OSError:
        body = ""
    body = re.sub(r"<[^>]+>", " ", body)
    body = re.sub(r"\s+", " ", body).strip()
    return body[:300]


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
) -> QueryResult:
    """Run a named query, a file or inline SPARQL at a SPARQL 1.1 Protocol endpoint.

    The endpoint's default graph is its own (an Oxigraph server started with ``--union-default-graph`` gives the
    union of its graphs, as the embedded store does); ``graph`` is sent as ``default-graph-uri`` and, with the
    reference graphs that hold labels, as ``named-graph-uri``, as the embedded store restricts it.
    """
    text, named, label = resolve(source, inline=inline, label=label)
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
    opener = urllib.request.build_opener(_NoRedirect)
    shown = urllib.parse.urlsplit(url)._replace(query="", fragment="").geturl()

    def send() -> QueryResult:
        try:
            with opener.open(request, timeout=timeout) as response:  # None: wait (Ctrl-C still works)
                body = response.read()
                content_type = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            detail = _error_detail(exc)
            if exc.code in {401, 403}:
                hint = (
                    f"set ${auth_env} to USER:PASSWORD"
                    if auth_env and not os.environ.get(auth_env)
                    else f"check the credentials in ${auth_env}"
                )
                raise QueryError(f"{shown} refused access (HTTP {exc.code}); {hint}") from None
            if 300 <= exc.code < 400:
                raise QueryError(
                    f"{shown} redirects (HTTP {exc.code}) to {exc.headers.get('Location', '?')}; give that URL to --endpoint"
                ) from None
            raise QueryError(
                f"{shown} answered HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
            ) from None
        except TimeoutError:
            raise QueryTimeout(f"{shown} did not answer within {timeout or 0:g} s") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError) and timeout:
                raise QueryTimeout(f"{shown} did not answer within {timeout:g} s") from None
            raise QueryError(f"cannot reach {shown}: {getattr(reason, 'strerror', None) or reason}") from None
        except OSError as exc:
            raise QueryError(f"cannot reach {shown}: {exc.strerror or exc}") from None
        return parse_response(body, content_type, form, shown)

    return call_with_timeout(send, timeout)
