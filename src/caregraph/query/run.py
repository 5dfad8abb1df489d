"""Running SPARQL over the store, safe by default: the query's source is resolved (:mod:`caregraph.query.named`),
checked (:mod:`caregraph.query.safety`), given its parameters (:mod:`caregraph.query.params`) and run with the
predeclared prefixes (:mod:`caregraph.query.names`), within a timeout; a syntax error names the file, line and
column. Updates and ``SERVICE`` are refused unless allowed.

>>> from caregraph.store import memory_store
>>> store = memory_store()
>>> run_query(store, "ASK { ?s ?p ?o }", inline=True).boolean
False
>>> [line.split()[1] for line in with_prefixes("PREFIX cg: <http://x/> SELECT * WHERE { ?s a cg:C }").splitlines()[:3]]
['cgv:', 'cgd:', 'rdf:']
"""

from __future__ import annotations

import itertools
import re
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from caregraph import index
from caregraph.errors import ParameterError, QueryError, QueryRefused, QuerySyntaxError, QueryTimeout
from caregraph.namespaces import CGD, GRAPHS, SKOS
from caregraph.query.named import resolve
from caregraph.query.names import expand, prefixes
from caregraph.query.params import bind_parameters, insertion_point, with_values
from caregraph.query.safety import check_safety, code_only, is_update, query_form
from caregraph.query.things import Fallback, resolve_iri_parameters

# The names caregraph.query.remote takes from here (it runs the same steps against an endpoint).
__all__ = [
    "LABEL_GRAPHS",
    "QueryResult",
    "RowWriter",
    "bind_parameters",
    "call_with_timeout",
    "check_safety",
    "expand",
    "prefixes",
    "query_form",
    "resolve",
    "run_query",
    "syntax_error",
    "with_prefixes",
    "with_values",
]

# With --graph, GRAPH patterns still see these reference graphs, which hold the labels queries join to.
LABEL_GRAPHS = tuple(f"{GRAPHS}{name}" for name in ("ontology", "vocabularies", "councils"))

# The labels a named query reads from the reference graphs alone (said-about-inspection's: concepts, councils and
# the inspectorates), and what it read before the inspectorates were in the vocabularies: every label of every graph.
REFERENCE_LABELS = (
    f"SELECT ?o ?label WHERE {{ VALUES ?labels {{ <{GRAPHS}vocabularies> <{GRAPHS}councils> }} "
    "GRAPH ?labels { ?o skos:prefLabel ?label } }"
)
EVERY_GRAPH_LABELS = "SELECT DISTINCT ?o ?label WHERE { ?o skos:prefLabel ?label }"
# In the vocabularies graph since the inspectorates were added to ontology/vocabularies.ttl.
_INSPECTORATES_LABELLED = ox.Quad(
    ox.NamedNode(f"{CGD}org/ofsted"),
    ox.NamedNode(f"{SKOS}prefLabel"),
    ox.Literal("Ofsted"),
    ox.NamedNode(f"{GRAPHS}vocabularies"),
)


def labels_of_every_graph(text: str, store: Any) -> str:
    """The query with its reference graphs' labels (:data:`REFERENCE_LABELS`) read from every graph instead when the
    store's vocabularies graph has no inspectorates (built by a caregraph from before them, which the next build
    reloads): on such a store an inspectorate's name is only in the documents' graphs. The same rows either way."""
    if REFERENCE_LABELS not in text or _INSPECTORATES_LABELLED in store:
        return text
    return text.replace(REFERENCE_LABELS, EVERY_GRAPH_LABELS)


def with_prefixes(text: str) -> str:
    """The query with PREFIX declarations for the predeclared prefixes it does not declare itself (for endpoints)."""
    declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([\w.-]*):", code_only(text))}
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in prefixes().items() if p not in declared]
    return "\n".join(lines) + ("\n" if lines else "") + text


@dataclass
class QueryResult:
    """What a query gave: rows (SELECT), a boolean (ASK), triples (CONSTRUCT / DESCRIBE) or nothing (update)."""

    kind: str  # select | ask | graph | update
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)  # variable -> pyoxigraph term (unbound omitted)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    more: bool = False  # rows were left out: the query gave more than the ``limit`` asked for
    written: int | None = None  # rows handed to a writer as they came (run_query's ``write``), not held in ``rows``

    def values(self) -> list[dict[str, str | None]]:
        """Rows as plain strings (IRIs and literal lexical forms)."""
        return [{v: (row[v].value if v in row else None) for v in self.variables} for row in self.rows]

    @classmethod
    def from_ox(cls, result, limit: int | None = None) -> QueryResult:
        """From what pyoxigraph returns for a query, or parses from a results document; with ``limit``, the first
        ``limit`` rows only (the rest are never read, and ``more`` says whether there were any)."""
        if isinstance(result, (bool, ox.QueryBoolean)):
            return cls("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            solutions = result if limit is None else itertools.islice(result, limit + 1)
            rows = [{v: sol[v] for v in variables if sol[v] is not None} for sol in solutions]
            more = limit is not None and len(rows) > limit
            return cls("select", variables, rows[:limit] if more else rows, more=more)
        return cls(
            "graph",
            triples=[t if isinstance(t, ox.Triple) else ox.Triple(t.subject, t.predicate, t.object) for t in result],
        )


# Writes SELECT rows as they come: (variables, rows, limit=) -> (rows written, whether rows were left out).
RowWriter = Callable[..., tuple[int, bool]]


def _rows(solutions: ox.QuerySolutions, variables: list[str], stop: threading.Event) -> Iterator[dict[str, Any]]:
    """The solutions as rows, read one at a time; reading stops (QueryTimeout) once ``stop`` is set."""
    for solution in solutions:
        if stop.is_set():
            raise QueryTimeout("the query was stopped")
        yield {v: term for v, term in zip(variables, solution, strict=True) if term is not None}


def _simplify(detail: str, text: str, line: int, column: int) -> tuple[str, int]:
    """Oxigraph's parser message made readable (unknown prefixes named, long 'expected one of' lists cut), and the
    column to point at."""
    detail = re.sub(r"\s+", " ", detail).strip()
    if "Prefix not found" in detail:
        lines = text.splitlines()
        here = lines[line - 1][:column].rstrip() if 0 < line <= len(lines) else ""
        m = re.search(r"([A-Za-z][\w.-]*)?:[^:\s]*$", here)
        if m:
            name = m.group(1) or ""
            return (
                f"unknown prefix '{name}:'; declare it (PREFIX {name}: <…>) or use a predeclared one ('caregraph prefixes' lists them)",
                m.start() + 1,
            )
        return (
            "unknown prefix; declare it with PREFIX or use a predeclared one ('caregraph prefixes' lists them)",
            column,
        )
    m = re.match(r"expected one of (.*)", detail)
    if m:
        items = [i for i in re.findall(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,\s][^,]*', m.group(1)) if i.strip() != "[_]"]
        if not items:
            return "unexpected text", column
        shown = ", ".join(i.strip() for i in items[:8]) + (f", … ({len(items) - 8} more)" if len(items) > 8 else "")
        return f"expected one of {shown}", column
    if detail == "expected [_]":
        return "unexpected end of the query, or unbalanced brackets", column
    return (detail if len(detail) <= 200 else detail[:199] + "…"), column


def syntax_error(
    exc: SyntaxError, text: str, label: str, shift: tuple[int, int, int] | None = None
) -> QuerySyntaxError:
    """A :class:`QuerySyntaxError` with ``label:line:column`` and the offending line of ``text``.

    ``shift`` = (line, column, length) of text inserted for parameters, taken out again so positions are the file's.
    """
    message = str(exc)
    m = re.match(r"error at (\d+):(\d+)(?:-\d+:\d+)?:\s*(.*)", message, re.S)
    if not m:
        return QuerySyntaxError(message.splitlines()[0] if message else "syntax error", label)
    line, column = int(m.group(1)), int(m.group(2))
    if shift and line == shift[0] and column > shift[1]:
        column = max(column - shift[2], shift[1])
    detail, column = _simplify(m.group(3), text, line, column)
    lines = text.splitlines() or [""]
    at_end = line > len(lines) or (line == len(lines) and column > len(lines[-1]))
    if at_end:
        # The parser ran out of text: point after the last line that has any.
        line = max((i for i, t in enumerate(lines, 1) if t.strip()), default=1)
        column = len(lines[line - 1]) + 1
        detail += " (at the end of the query)"
    offending = lines[line - 1] if 0 < line <= len(lines) else None
    return QuerySyntaxError(detail, label, line, max(column, 1), offending)


def run_query(
    store,
    source: str,
    params: Mapping[str, str | Sequence[str]] | None = None,
    *,
    inline: bool = False,
    label: str | None = None,
    graph: str | None = None,
    timeout: float | None = None,
    allow_update: bool = False,
    allow_service: bool = False,
    limit: int | None = None,
    names: Fallback | None = None,
    write: RowWriter | None = None,
) -> QueryResult:
    """Run a named query, a query file or inline SPARQL over ``store`` (a :class:`caregraph.store.Store`).

    The default graph is the union of every graph in the store; ``graph`` (an IRI or prefixed name) restricts the
    query to one named graph: it becomes the default graph, and ``GRAPH`` patterns see only it and the reference
    graphs that hold labels (ontology, vocabularies, councils). ``timeout`` seconds stops waiting for the query
    (:class:`QueryTimeout`); see docs/queries.md for what that means for the engine. ``limit`` keeps the first rows
    only, reading no more (:attr:`QueryResult.more` says whether any were left). A parameter may be given several
    values (a list: one ``VALUES`` row each). A named query's IRI parameter also takes the name of a thing
    (:mod:`caregraph.query.things`; ``names`` is the last place to look it up).

    With ``write`` (such as :func:`caregraph.query.formats.row_writer`), a SELECT's rows are handed to it as the
    engine yields them, within the timeout, and never held: memory stays flat however many rows there are. The
    result then has no ``rows``; :attr:`QueryResult.written` says how many were written. A timeout or Ctrl-C stops
    the reading at the next row, which also stops the engine.
    """
    text, named, label = resolve(source, inline=inline, label=label)
    if named is not None and index.uses_index(text) and (graph or not index.is_ready(store)):
        # One graph given, or a store from before the document index: the same rows, from the documents' graphs.
        text = index.without_index(text)
    if named is not None:
        text = labels_of_every_graph(text, store)
    check_safety(text, allow_update=allow_update, allow_service=allow_service)
    if named is not None and params:
        params = resolve_iri_parameters(store, named.parameters, params, fallback=names)
    bindings = bind_parameters(named, params or {})
    if is_update(text):
        if bindings:
            raise ParameterError("parameters cannot be bound into a SPARQL Update")
        return call_with_timeout(lambda: _run_update(store, text, label), timeout)
    kwargs: dict = {"prefixes": prefixes()}
    if graph:
        iri = expand(graph)
        if iri is None:
            raise QueryError(f"--graph {graph!r} is not an IRI (give <https://…>, https://… or a prefixed name)")
        kwargs["default_graph"] = ox.NamedNode(iri)
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in dict.fromkeys([iri, *LABEL_GRAPHS])]
    else:
        kwargs["use_default_graph_as_union"] = True
    shift = None
    run_text = text
    if bindings:
        at = insertion_point(text)
        run_text = with_values(text, bindings)
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        shift = (line, column, len(run_text) - len(text))

    stop = threading.Event()

    def run() -> QueryResult:
        try:
            answer = store.ox.query(run_text, **kwargs)
            if write is not None and isinstance(answer, ox.QuerySolutions):
                variables = [v.value for v in answer.variables]
                count, more = write(variables, _rows(answer, variables, stop), limit=limit)
                return QueryResult("select", variables, more=more, written=count)
            return QueryResult.from_ox(answer, limit)
        except SyntaxError as exc:
            raise syntax_error(exc, text, label, shift) from None
        except BrokenPipeError:  # the reader of the rows went away: the CLI's to handle
            raise
        except OSError as exc:
            raise QueryError(f"{label}: {exc}") from None
        except RuntimeError as exc:  # evaluation errors pyoxigraph raises as RuntimeError
            raise QueryError(f"{label}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None

    return call_with_timeout(run, timeout, stop=stop)


def _run_update(store, text: str, label: str) -> QueryResult:
    if getattr(store, "read_only", False):
        raise QueryRefused("the store is open read-only; updates need the store opened for writing")
    try:
        store.ox.update(text, prefixes=prefixes())
    except SyntaxError as exc:
        raise syntax_error(exc, text, label) from None
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"{label}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    return QueryResult("update")


def _drop_frames(exc: BaseException | None) -> None:
    """Free what the finished frames of ``exc``'s tracebacks (and those of the exceptions it was raised from) hold,
    here: pyoxigraph's query results must be dropped on the thread that made them, not the one the error goes to
    (else pyoxigraph prints "PyQuerySolutions is unsendable" on stderr)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__


def call_with_timeout(
    fn: Callable[[], QueryResult], timeout: float | None, *, stop: threading.Event | None = None
) -> QueryResult:
    """Run ``fn`` in a worker thread and wait for it at most ``timeout`` seconds.

    pyoxigraph releases the GIL while it evaluates (measured: docs/queries.md), so the waiting thread wakes on time
    and Ctrl-C is honoured even without a timeout. A query that times out cannot be cancelled inside the engine: its
    thread (a daemon) runs on until it finishes or the process exits, which the CLI does at once (exit code 3).
    ``stop`` is set when the caller stops waiting (timeout or Ctrl-C), for ``fn`` to check as it reads rows.
    """
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed back to the caller's thread
            _drop_frames(exc)
            box["error"] = exc

    worker = threading.Thread(target=target, daemon=True, name="caregraph-query")
    worker.start()
    deadline = None if not timeout else time.monotonic() + timeout
    try:
        while worker.is_alive():
            wait = 0.25 if deadline is None else min(0.25, deadline - time.monotonic())
            if wait <= 0:
                raise QueryTimeout(
                    f"the query ran longer than {timeout:g} s and was stopped (raise --timeout, or narrow the query)"
                )
            worker.join(wait)
    except BaseException:
        if stop is not None:
            stop.set()
        raise
    if "error" in box:
        raise box["error"]
    return box["value"]
