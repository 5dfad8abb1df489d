"""SPARQL over the store: named queries with declared parameters, safe by default.

A named query is a ``.rq`` file in ``queries/`` whose header comments describe it, in the spirit of grlc's
decorators::

    #+ summary: Inspections and visits, one row per inspection per source document
    #+ description: Longer text…
    #+ param: council | council | optional | The council: a name, a code, a slug or an IRI
    #+ param: since | date | optional | Only inspections starting on or after this date
    #+ param: today | date | optional=today | Compare due dates with this day (default: the current date)
    #+ example: caregraph query inspections --param council="Surrey County Council"

Parameter types: ``council`` (a name, alias, slug, GSS / DfE / register code, IRI or ``cgd:`` name, bound as the
council's IRI), ``kind`` and ``judgement`` (a concept of caregraph's vocabularies by notation or label, bound as its
IRI), ``iri``, ``date`` (``YYYY[-MM[-DD]]``, bound as ``xsd:date``; the default ``today`` is the current date),
``string``, ``integer`` and ``boolean``.

Parameter values are bound as RDF terms in a ``VALUES`` block put at the start of the query's outermost WHERE group,
each term serialised by pyoxigraph (so quotes and brackets in a value are escaped): a value never becomes query
syntax. (pyoxigraph's own ``substitutions`` were tried and rejected: in 0.5 a substituted variable still reads as
unbound in ``FILTER(!BOUND(?x) || …)``, which every optional parameter here relies on.) The block goes on the line
of the ``{`` so line numbers in error messages stay those of the file. Updates and ``SERVICE`` are refused unless
allowed.

>>> from caregraph.store import memory_store
>>> store = memory_store()
>>> run_query(store, "ASK { ?s ?p ?o }", inline=True).boolean
False
>>> to_term("council", "council", "E10000030")
<NamedNode value=https://w3id.org/caregraph/id/council/surrey>
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from caregraph.errors import ParameterError, QueryError, QueryRefused, QuerySyntaxError, QueryTimeout, UnknownQuery
from caregraph.resources import ontology_file, queries_dir

PARAM_TYPES = ("council", "kind", "judgement", "iri", "date", "string", "integer", "boolean")
XSD = "http://www.w3.org/2001/XMLSchema#"
VOCAB = "https://w3id.org/caregraph/vocab/"
# With --graph, GRAPH patterns still see these reference graphs, which hold the labels queries join to.
LABEL_GRAPHS = tuple(f"https://w3id.org/caregraph/graph/{name}" for name in ("ontology", "vocabularies", "councils"))


@cache
def prefixes() -> dict[str, str]:
    """The prefixes every query may use without declaring them (``caregraph prefixes`` lists them)."""
    from caregraph.namespaces import PREFIXES

    return dict(PREFIXES)


def expand(name: str) -> str | None:
    """The IRI of ``<iri>``, an absolute ``http(s)``/``urn`` IRI or a prefixed name such as ``cgd:council/surrey``
    (the local part may hold ``/``); ``None`` when ``name`` is none of these.

    >>> expand("cgd:council/surrey")
    'https://w3id.org/caregraph/id/council/surrey'
    >>> expand("Dave Hill") is None
    True
    """
    name = name.strip()
    if name.startswith("<") and name.endswith(">"):
        name = name[1:-1]
    else:
        prefix, sep, local = name.partition(":")
        if sep and prefix in prefixes() and not local.startswith("//"):
            name = prefixes()[prefix] + local
        elif not re.match(r"(?i)^(https?://|urn:)", name):
            return None
    if not re.fullmatch(r"[a-zA-Z][\w+.-]*:[^\s<>\"{}|^`\\]*", name):
        return None
    return name


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    required: bool
    description: str
    default: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    summary: str
    description: str = ""
    parameters: tuple[Parameter, ...] = ()
    examples: tuple[str, ...] = ()


_HEADER = re.compile(r"^#\+\s*(?P<key>[\w-]+)\s*:\s*(?P<value>.*)$")


def parse_header(name: str, path: Path, text: str) -> NamedQuery:
    """A named query from its ``#+ key: value`` header lines (summary, description, param, example)."""
    summary, description, params, examples = "", [], [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line.strip())
        if not m:
            continue
        key, value = m.group("key").lower(), m.group("value").strip()
        if key == "summary":
            summary = value
        elif key == "description":
            description.append(value)
        elif key == "example":
            examples.append(value)
        elif key == "param":
            parts = [p.strip() for p in value.split("|")]
            if len(parts) < 3 or parts[1] not in PARAM_TYPES or not re.fullmatch(r"[A-Za-z_]\w*", parts[0]):
                raise QueryError(
                    f"{path}:{number}: bad '#+ param:' line {value!r}; expected 'name | type | required|optional[=default] | description' "
                    f"with type one of {', '.join(PARAM_TYPES)}"
                )
            req, _, default = parts[2].partition("=")
            params.append(
                Parameter(
                    parts[0],
                    parts[1],
                    req.strip() == "required",
                    parts[3] if len(parts) > 3 else "",
                    default.strip() or None,
                )
            )
    return NamedQuery(name, path, text, summary or name, " ".join(description), tuple(params), tuple(examples))


def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped in ``queries/``, by name."""
    folder = queries_dir()
    return {
        p.stem: parse_header(p.stem, p, p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("*.rq"), key=lambda p: p.stem)
    }


def named_query(name: str) -> NamedQuery:
    """One named query; an :class:`UnknownQuery` listing the close matches when there is none by that name."""
    queries = named_queries()
    if name in queries:
        return queries[name]
    import difflib

    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; named queries: {', '.join(queries)}"
    raise UnknownQuery(f"unknown query {name!r}{hint} (run 'caregraph queries' to list them)")


def resolve(source: str, *, inline: bool = False, label: str | None = None) -> tuple[str, NamedQuery | None, str]:
    """Query text for a named query, a file, or inline text; returns (text, named query or None, label).

    With ``inline=True`` the source is the SPARQL text itself (``-e`` or stdin), whatever it looks like.
    """
    if inline:
        return source, None, label or "<query>"
    queries = named_queries()
    if source in queries:
        q = queries[source]
        return q.text, q, q.path.name
    path = Path(source)
    if source.endswith((".rq", ".sparql", ".ru")) or (len(source) < 300 and "\n" not in source and path.is_file()):
        if not path.is_file():
            raise UnknownQuery(f"no query file {source}")
        try:
            return path.read_text(encoding="utf-8"), None, label or str(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{source}: cannot read the query file ({exc})") from None
    if "{" in source or re.search(r"(?i)\b(drop|clear|create|load)\b", source):
        return source, None, label or "<query>"
    named_query(source)  # raises UnknownQuery with the close matches
    raise AssertionError("unreachable")


# ------------------------------------------------------------------------------------------------ safety

_STRIP = re.compile(
    r"""#[^\n]*|'''.*?'''|\"\"\".*?\"\"\"|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>""", re.S
)
_UPDATE = re.compile(r"(?i)(?:^|[;}\s])(INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|ADD|MOVE|COPY|WITH)\b")
_SERVICE = re.compile(r"(?i)\bSERVICE\b")
_FORM = re.compile(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b")


def _code_only(text: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length), so keyword checks see only syntax."""
    return _STRIP.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def query_form(text: str) -> str:
    """``select``, ``ask``, ``construct``, ``describe`` or ``update``."""
    if is_update(text):
        return "update"
    form = _FORM.search(_code_only(text))
    return form.group(1).lower() if form else "select"


def is_update(text: str) -> bool:
    code = _code_only(text)
    form = _FORM.search(code)
    update = _UPDATE.search(code)
    return update is not None and (form is None or update.start() < form.start())


def check_safety(text: str, *, allow_update: bool, allow_service: bool) -> None:
    """Refuse SPARQL Update unless ``allow_update`` and ``SERVICE`` unless ``allow_service``."""
    code = _code_only(text)
    if is_update(text) and not allow_update:
        raise QueryRefused(
            "this is a SPARQL Update (it would change the store); caregraph queries are read-only unless you pass --update"
        )
    if _SERVICE.search(code) and not allow_service:
        raise QueryRefused(
            "the query uses SERVICE, which reaches other servers over the network; pass --allow-service to allow it"
        )


# ------------------------------------------------------------------------------------------------ parameters


def bind_parameters(query: NamedQuery | None, values: Mapping[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """RDF terms for ``--param name=value`` pairs, typed by the named query's declarations (defaults filled in).

    For inline queries and files, which declare nothing, the type is guessed: ``<iri>``, ``http…``, a prefixed name
    of a predeclared prefix → IRI; ``YYYY[-MM[-DD]]`` → ``xsd:date``; an integer → ``xsd:integer``; else a string.
    """
    declared = {p.name: p for p in query.parameters} if query else {}
    bound: dict[str, ox.NamedNode | ox.Literal] = {}
    for name, raw in values.items():
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise ParameterError(f"--param {name!r}: a parameter name is a SPARQL variable name (letters, digits, _)")
        if query is not None and name not in declared:
            choices = ", ".join(declared) or "none"
            raise ParameterError(f"query {query.name!r} has no parameter {name!r} (its parameters: {choices})")
        kind = declared[name].type if name in declared else _guess_type(raw)
        bound[name] = to_term(name, kind, raw)
    for p in declared.values():
        if p.name in bound:
            continue
        if p.default is not None:
            bound[p.name] = to_term(p.name, p.type, p.default)
        elif p.required:
            raise ParameterError(f"query {query.name!r} needs --param {p.name}=… ({p.type}: {p.description})")  # type: ignore[union-attr]
    return bound


def _guess_type(raw: str) -> str:
    if expand(raw) is not None:
        return "iri"
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", raw.strip()):
        return "date"
    if re.fullmatch(r"[+-]?\d+", raw.strip()):
        return "integer"
    return "string"


def council_slug(raw: str) -> str | None:
    """The gazetteer slug of a council name, alias, slug or code; None if unknown.

    >>> council_slug("Surrey County Council"), council_slug("936"), council_slug("E10000030")
    ('surrey', 'surrey', 'surrey')
    """
    from caregraph.gazetteer import gazetteer

    return gazetteer().lookup(raw)


def council_iri(raw: str) -> str | None:
    """A council's IRI from a name, alias, slug, GSS / DfE / register code, IRI or ``cgd:`` name; None if unknown."""
    raw = raw.strip()
    iri = expand(raw)
    if iri is not None:
        return iri
    slug = council_slug(raw)
    if slug is None:
        return None
    from caregraph.keys import council_iri as mint  # plain strings: the query path does not import rdflib

    return mint(slug)


@cache
def _concepts(scheme: str) -> dict[str, str]:
    """Concept IRI by lower-cased notation, key, preferred and alternative label, for one of the SKOS schemes."""
    ns = f"{VOCAB}{scheme}/"
    skos = "http://www.w3.org/2004/02/skos/core#"
    keys: dict[str, str] = {}
    quads = ox.parse(path=str(ontology_file("vocabularies.ttl")), format=ox.RdfFormat.TURTLE)
    for q in quads:
        s = q.subject.value
        if not s.startswith(ns) or q.predicate.value not in {skos + "notation", skos + "prefLabel", skos + "altLabel"}:
            continue
        keys.setdefault(s[len(ns) :].lower(), s)
        keys.setdefault(q.object.value.strip().lower(), s)
    return keys


def concept_iri(scheme: str, raw: str) -> str | None:
    raw = raw.strip()
    iri = expand(raw)
    if iri is not None:
        return iri
    return _concepts(scheme).get(raw.lower()) or _concepts(scheme).get(re.sub(r"[\s_]+", "-", raw.lower()))


def to_term(name: str, kind: str, raw: str) -> ox.NamedNode | ox.Literal:
    """``raw`` as an RDF term of parameter type ``kind``; a :class:`ParameterError` naming the parameter if it is not."""
    raw = raw.strip()
    try:
        if kind == "iri":
            iri = expand(raw)
            if iri is None:
                raise ValueError(
                    "not an IRI (give <https://…>, https://… or a prefixed name such as cgd:council/surrey)"
                )
            return ox.NamedNode(iri)
        if kind == "council":
            iri = council_iri(raw)
            if iri is None:
                import difflib

                from caregraph.gazetteer import gazetteer

                names = [c.name for c in gazetteer().councils.values()]

                close = difflib.get_close_matches(raw, names, n=3, cutoff=0.6)
                raise ParameterError(
                    f"--param {name}: no council called {raw!r}"
                    + (
                        f"; did you mean {', '.join(close)}?"
                        if close
                        else " (give a name, slug, GSS or DfE code, or an IRI)"
                    )
                )
            return ox.NamedNode(iri)
        if kind in {"kind", "judgement"}:
            iri = concept_iri(kind, raw)
            if iri is None:
                choices = sorted({k for k, v in _concepts(kind).items() if k == v.rsplit("/", 1)[1]})
                raise ParameterError(f"--param {name}: no {kind} called {raw!r}; choose one of {', '.join(choices)}")
            return ox.NamedNode(iri)
        if kind == "date":
            import datetime

            if raw.lower() == "today":
                raw = datetime.date.today().isoformat()
            m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", raw)
            if not m:
                raise ValueError("expected YYYY-MM-DD, YYYY-MM, YYYY or today")
            y, mo, d = m.groups()
            datetime.date(int(y), int(mo or 1), int(d or 1))  # a real day, or ValueError
            # Dates compare as xsd:date; a year or month means its first day.
            return ox.Literal(f"{y}-{mo or '01'}-{d or '01'}", datatype=ox.NamedNode(XSD + "date"))
        if kind == "integer":
            return ox.Literal(str(int(raw)), datatype=ox.NamedNode(XSD + "integer"))
        if kind == "boolean":
            if raw.lower() not in {"true", "false"}:
                raise ValueError("expected true or false")
            return ox.Literal(raw.lower(), datatype=ox.NamedNode(XSD + "boolean"))
        return ox.Literal(raw)
    except ParameterError:
        raise
    except ValueError as exc:
        raise ParameterError(f"--param {name}={raw!r}: {exc} (type {kind})") from None


def values_block(bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """A SPARQL ``VALUES`` block binding each variable to its term, the terms serialised by pyoxigraph.

    >>> values_block({"council": ox.Literal('Surrey" } ; DROP ALL ; #')})
    'VALUES (?council) { ("Surrey\\\\" } ; DROP ALL ; #") }'
    """
    if not bindings:
        return ""
    names = list(bindings)
    return "VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" + " ".join(str(bindings[n]) for n in names) + ") }"


def _insertion_point(text: str) -> int:
    code = _code_only(text)
    m = re.search(r"(?i)\bWHERE\s*\{", code) or re.search(r"\{", code)
    if not m:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    return m.end()


def with_values(text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with a VALUES block just after the ``{`` of its outermost WHERE group, on the same line."""
    if not bindings:
        return text
    at = _insertion_point(text)
    return text[:at] + " " + values_block(bindings) + " " + text[at:]


def with_prefixes(text: str) -> str:
    """The query with PREFIX declarations for the predeclared prefixes it does not declare itself (for endpoints)."""
    declared = {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([\w.-]*):", _code_only(text))}
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in prefixes().items() if p not in declared]
    return "\n".join(lines) + ("\n" if lines else "") + text


# ------------------------------------------------------------------------------------------------ running


@dataclass
class QueryResult:
    """What a query gave: rows (SELECT), a boolean (ASK), triples (CONSTRUCT / DESCRIBE) or nothing (update)."""

    kind: str  # select | ask | graph | update
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, object]] = field(default_factory=list)  # variable -> pyoxigraph term (unbound omitted)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def values(self) -> list[dict[str, str | None]]:
        """Rows as plain strings (IRIs and literal lexical forms)."""
        return [{v: (row[v].value if v in row else None) for v in self.variables} for row in self.rows]  # type: ignore[union-attr]

    @classmethod
    def from_ox(cls, result) -> QueryResult:
        """From what pyoxigraph returns for a query, or parses from a results document."""
        if isinstance(result, (bool, ox.QueryBoolean)):
            return cls("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = [{v: sol[v] for v in variables if sol[v] is not None} for sol in result]
            return cls("select", variables, rows)
        return cls(
            "graph",
            triples=[t if isinstance(t, ox.Triple) else ox.Triple(t.subject, t.predicate, t.object) for t in result],
        )


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
    params: Mapping[str, str] | None = None,
    *,
    inline: bool = False,
    label: str | None = None,
    graph: str | None = None,
    timeout: float | None = None,
    allow_update: bool = False,
    allow_service: bool = False,
) -> QueryResult:
    """Run a named query, a query file or inline SPARQL over ``store`` (a :class:`caregraph.store.Store`).

    The default graph is the union of every graph in the store; ``graph`` (an IRI or prefixed name) restricts the
    query to one named graph: it becomes the default graph, and ``GRAPH`` patterns see only it and the reference
    graphs that hold labels (ontology, vocabularies, councils). ``timeout`` seconds stops waiting for the query (:class:`QueryTimeout`); see docs/queries.md for
    what that means for the engine.
    """
    text, named, label = resolve(source, inline=inline, label=label)
    check_safety(text, allow_update=allow_update, allow_service=allow_service)
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
        at = _insertion_point(text)
        run_text = with_values(text, bindings)
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        shift = (line, column, len(run_text) - len(text))

    def run() -> QueryResult:
        try:
            return QueryResult.from_ox(store.ox.query(run_text, **kwargs))
        except SyntaxError as exc:
            raise syntax_error(exc, text, label, shift) from None
        except OSError as exc:
            raise QueryError(f"{label}: {exc}") from None
        except RuntimeError as exc:  # evaluation errors pyoxigraph raises as RuntimeError
            raise QueryError(f"{label}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None

    return call_with_timeout(run, timeout)


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


def call_with_timeout(fn: Callable[[], QueryResult], timeout: float | None) -> QueryResult:
    """Run ``fn`` in a worker thread and wait for it at most ``timeout`` seconds.

    pyoxigraph releases the GIL while it evaluates (measured: docs/queries.md), so the waiting thread wakes on time
    and Ctrl-C is honoured even without a timeout. A query that times out cannot be cancelled inside the engine: its
    thread (a daemon) runs on until it finishes or the process exits, which the CLI does at once (exit code 3).
    """
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed back to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, daemon=True, name="caregraph-query")
    worker.start()
    deadline = None if not timeout else time.monotonic() + timeout
    while worker.is_alive():
        wait = 0.25 if deadline is None else min(0.25, deadline - time.monotonic())
        if wait <= 0:
            raise QueryTimeout(
                f"the query ran longer than {timeout:g} s and was stopped (raise --timeout, or narrow the query)"
            )
        worker.join(wait)
    if "error" in box:
        raise box["error"]
    return box["value"]


# ------------------------------------------------------------------------------------------------ formats

ROW_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = {
    "turtle": "TURTLE",
    "ntriples": "N_TRIPLES",
    "nquads": "N_QUADS",
    "trig": "TRIG",
    "jsonld": "JSON_LD",
    "xml": "RDF_XML",
}


@cache
def _not_xml() -> re.Pattern[str]:
    """Characters XML 1.0 cannot carry (compiled on first use: the class takes ~10 ms to compile)."""
    return re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _term_json(term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _term_json(term.subject),
                "predicate": _term_json(term.predicate),
                "object": _term_json(term.object),
            },
        }  # type: ignore[dict-item]
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def _csv_value(term) -> str:
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def serialize_rows(result: QueryResult, fmt: str) -> str:
    """SELECT results as W3C SPARQL 1.1 CSV, TSV, JSON or XML; ASK results in JSON or XML, else ``true``/``false``."""
    # Each format imports what it needs: xml.sax.saxutils pulls in urllib.request, http.client and email (~0.03 s),
    # which a CSV of the cheap named queries should not pay for.
    if result.kind == "ask":
        if fmt == "json":
            import json

            return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
        if fmt == "xml":
            return (
                '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n  <head/>\n'
                f"  <boolean>{'true' if result.boolean else 'false'}</boolean>\n</sparql>\n"
            )
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_csv_value(row[v]) if v in row else "" for v in result.variables])
        return buf.getvalue()
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in result.variables)]
        for row in result.rows:
            lines.append("\t".join(str(row[v]) if v in row else "" for v in result.variables))
        return "\n".join(lines) + "\n"
    if fmt == "json":
        import json

        bindings = [{v: _term_json(row[v]) for v in result.variables if v in row} for row in result.rows]
        return (
            json.dumps(
                {"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1
            )
            + "\n"
        )
    if fmt == "xml":
        from xml.sax.saxutils import escape, quoteattr

        def xml_text(value: str) -> str:
            # Line breaks and tabs as character references, which every XML parser keeps (raw ones may be normalised).
            return escape(_not_xml().sub("\ufffd", value), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})

        out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "  <head>"]
        out += [f"    <variable name={quoteattr(v)}/>" for v in result.variables]
        out += ["  </head>", "  <results>"]
        for row in result.rows:
            out.append("    <result>")
            for v in result.variables:
                if v not in row:
                    continue
                t = row[v]
                if isinstance(t, ox.NamedNode):
                    inner = f"<uri>{xml_text(t.value)}</uri>"
                elif isinstance(t, ox.BlankNode):
                    inner = f"<bnode>{xml_text(t.value)}</bnode>"
                elif not isinstance(t, ox.Literal):
                    inner = f"<literal>{xml_text(str(t))}</literal>"
                elif t.language:
                    inner = f"<literal xml:lang={quoteattr(t.language)}>{xml_text(t.value)}</literal>"
                elif t.datatype.value != XSD + "string":
                    inner = f"<literal datatype={quoteattr(t.datatype.value)}>{xml_text(t.value)}</literal>"
                else:
                    inner = f"<literal>{xml_text(t.value)}</literal>"
                out.append(f"      <binding name={quoteattr(v)}>{inner}</binding>")
            out.append("    </result>")
        out += ["  </results>", "</sparql>"]
        return "\n".join(out) + "\n"
    raise QueryError(f"unknown results format {fmt!r}; choose one of {', '.join(ROW_FORMATS)}")


def serialize_triples(result: QueryResult, fmt: str) -> bytes:
    """CONSTRUCT / DESCRIBE results in an RDF format (turtle, ntriples, nquads, trig, jsonld, xml)."""
    if fmt not in GRAPH_FORMATS:
        raise QueryError(f"unknown RDF format {fmt!r}; choose one of {', '.join(GRAPH_FORMATS)}")
    rdf_format = getattr(ox.RdfFormat, GRAPH_FORMATS[fmt])
    items: list = result.triples
    if fmt in {"nquads", "trig"}:
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in result.triples]
    kwargs = {"prefixes": prefixes()} if fmt in {"turtle", "trig", "xml", "jsonld"} else {}
    return ox.serialize(items, format=rdf_format, **kwargs)


def shorten(value: str) -> str:
    """An IRI written with a predeclared prefix where one fits (for tables).

    >>> shorten("https://w3id.org/caregraph/id/council/surrey")
    'cgd:council/surrey'
    """
    best, name = "", ""
    for prefix, ns in prefixes().items():
        if value.startswith(ns) and len(ns) > len(best):
            best, name = ns, prefix
    return f"{name}:{value[len(best) :]}" if best else value


# An identifier: no spaces and a "/" (an IRI, a prefixed name, a file path); group 1 is the head kept when it is cut.
_IRI_CELL = re.compile(r"^(?=\S*/)((?:[A-Za-z][\w.-]*:(?://[^/\s]+/)?)|/|[^/\s:]{1,8}/)?\S*$")
IDENTIFIER_FLOOR = 24  # identifier columns (IRIs, paths) give up width first, down to this


def format_table(variables: list[str], rows: list[list[str]], width: int = 120) -> str:
    """An aligned plain-text table that fits in ``width`` columns.

    Every column keeps at least its header's width (up to 12). Columns of identifiers (IRIs, prefixed names, file
    paths) give up width first, down to 24 characters, because they are cut in the middle and keep their
    distinctive end (``cgd:…/focused-visit/2024-04``); then the widest column shrinks first. Other long values are
    cut at the end with "…".

    >>> print(format_table(["a", "b"], [["1", "a rather long value"]], width=14), end="")
    a  b
    ─  ────────────
    1  a rather lo…
    """
    if not variables:
        return ""
    natural = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(variables)]
    floor = [min(max(len(v), 10), natural[i], 12) for i, v in enumerate(variables)]
    identifier = [
        any(r[i] for r in rows) and all(not r[i] or _IRI_CELL.match(r[i]) for r in rows) for i in range(len(variables))
    ]
    widths = list(natural)
    budget = max(width - 2 * (len(variables) - 1), sum(max(f, 3) for f in floor))
    soft = [max(floor[i], IDENTIFIER_FLOOR) if identifier[i] else natural[i] for i in range(len(variables))]
    while sum(widths) > budget:
        # identifiers above their soft floor first, then whichever column is widest above its floor
        candidates = [k for k in range(len(widths)) if identifier[k] and widths[k] > soft[k]]
        i = max(candidates or range(len(widths)), key=lambda k: widths[k] - floor[k])
        if widths[i] <= max(floor[i], 3):
            break
        widths[i] -= 1

    def cell(text: str, w: int) -> str:
        if len(text) <= w:
            return text.ljust(w)
        iri = _IRI_CELL.match(text)
        if iri and w >= 6:
            # An identifier's distinctive part is its end: keep its head (scheme, prefix, first folder) if there is
            # room, and the tail; cut the middle.
            head = iri.group(1) or ""
            head = next(h for h in (head, head.partition(":")[0] + ":" if ":" in head else "", "") if w >= len(h) + 6)
            return head + "…" + text[len(text) - (w - len(head) - 1) :]
        return text[: max(w - 1, 0)] + "…"

    lines = ["  ".join(cell(v, widths[i]) for i, v in enumerate(variables)).rstrip()]
    lines.append("  ".join("─" * w for w in widths))
    for r in rows:
        lines.append("  ".join(cell(r[i], widths[i]) for i in range(len(variables))).rstrip())
    return "\n".join(lines) + "\n"
