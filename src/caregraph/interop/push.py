"""Push the store into a running RDF store with the SPARQL 1.1 Graph Store Protocol (``caregraph push``).

One HTTP ``PUT`` per named graph (``?graph=IRI``, body N-Triples), so pushing again replaces each graph rather than
adding to it. Credentials come from an environment variable (:mod:`caregraph.interop.http`).
"""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from caregraph.errors import CaregraphError
from caregraph.interop import http
from caregraph.interop.export import GraphName, graph_key, select_graphs
from caregraph.interop.provenance import view as provenance_view

__all__ = ["PushError", "PushProgress", "PushSummary", "basic_auth", "graph_url", "push"]

PROTOCOL = "SPARQL 1.1 Graph Store Protocol"
MAX_ANSWER = 1 << 20  # bytes of a server's answer to one PUT (a status page at most)


class PushError(CaregraphError):
    """The target store refused a graph, or could not be reached."""


@dataclass(frozen=True)
class PushSummary:
    endpoint: str  # as messages may show it: user info and secret-looking query parameters redacted
    graphs: int
    triples: int
    bytes: int


PushProgress = Callable[[str, int, int], None]  # (graph IRI or "default", graphs done, graphs in all)


def basic_auth(env_var: str | None) -> str | None:
    """An ``Authorization`` header value from the environment variable holding ``USER:PASSWORD``, or None.

    The default variable ``CAREGRAPH_AUTH`` may be unset; a variable named on purpose must be set."""
    name = env_var or http.AUTH_ENV
    if env_var and not os.environ.get(name):
        raise PushError(f"the environment variable {name} is not set; set it to USER:PASSWORD or drop --auth-env")
    try:
        return http.credentials(name)
    except http.CredentialsError:
        raise PushError(f"the environment variable {name} must hold USER:PASSWORD (it has no ':')") from None


def graph_url(endpoint: str, graph: GraphName) -> str:
    """The Graph Store Protocol URL of one graph: ``ENDPOINT?graph=IRI``, or ``ENDPOINT?default``."""
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if isinstance(graph, ox.DefaultGraph):
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph.value, safe='')}"


def push(
    store,
    endpoint: str,
    *,
    graphs: Sequence[str] | None = None,
    auth_env: str | None = None,
    timeout: float = 120.0,
    progress: PushProgress | None = None,
    provenance: str | None = None,
) -> PushSummary:
    """PUT every graph of the store (or ``graphs``) to the Graph Store Protocol ``endpoint``, one request per graph,
    body N-Triples; the server replaces each graph. Pushes everything, ontology and vocabularies included, so the
    named queries answer on the server as they do here. ``provenance``: ``rdf11`` (classic reification, the
    default, for any store), ``rdf12`` (as stored: N-Triples 1.2 triple terms, for Oxigraph or Jena 5) or ``none``
    (:mod:`caregraph.interop.provenance`).

    ``timeout`` is the deadline for each graph's whole request (sending it and reading the answer), however the
    server paces its bytes; the server's answer is read up to :data:`MAX_ANSWER` bytes."""
    problem = http.url_problem(endpoint)
    if problem is not None:
        raise PushError(f"--endpoint {http.redact(endpoint)!r} {problem} (e.g. http://localhost:7878/store)")
    auth = basic_auth(auth_env)
    chosen = select_graphs(store, graphs, with_ontology=True)
    source = provenance_view(store, provenance, error=PushError)
    where = http.shown(endpoint)
    sent_bytes = triples = 0
    for done, g in enumerate(chosen):
        body = source.dump_ntriples(g)
        name = graph_key(g) or "default graph"
        request = http.request(
            "PUT",
            graph_url(endpoint, g),
            body,
            headers={"Content-Type": "application/n-triples"},
            auth=auth,
            protocol=PROTOCOL,
        )
        try:
            http.send(request, timeout, max_bytes=MAX_ANSWER)
        except http.TooLarge:
            raise PushError(f"{where} answered graph <{name}> with more than {MAX_ANSWER:,} bytes") from None
        except http.Refused as exc:
            raise PushError(f"{where} refused graph <{name}>: {exc.status}{_hint(exc, auth, auth_env)}") from None
        except http.TimedOut:
            raise PushError(f"{where} did not answer within {timeout:g} s (graph <{name}>); try --timeout") from None
        except http.Unreachable as exc:
            raise PushError(f"cannot reach {where}: {exc.reason}") from None
        sent_bytes += len(body)
        triples += body.count(b"\n")
        if progress:
            progress(name, done + 1, len(chosen))
    return PushSummary(http.redact_url(endpoint), len(chosen), triples, sent_bytes)


def _hint(exc: http.Refused, auth: str | None, auth_env: str | None) -> str:
    if exc.unauthorised:
        variable = auth_env or http.AUTH_ENV
        return f" (set {variable} to USER:PASSWORD)" if auth is None else f" (check the credentials in {variable})"
    if exc.redirect:
        return f" (it redirects to {exc.location}; give that URL to --endpoint)"
    return ""
