"""SPARQL over the store: named queries with declared parameters, safe by default.

A named query is a ``.rq`` file in ``queries/`` whose header comments describe it, in the spirit of grlc's
decorators::

    #+ summary: Inspections and visits, one row per inspection per source document
    #+ description: Longer text…
    #+ param: council | council | optional | The council: a name, a code, a slug or an IRI
    #+ param: since | date | optional | Only inspections starting on or after this date
    #+ example: caregraph query inspections --param council="Surrey County Council"

Parameter values are bound as RDF terms in a ``VALUES`` block at the top of the query's WHERE group, each term
serialised by pyoxigraph (so quotes and brackets in a value are escaped); a value never becomes query syntax. Updates and ``SERVICE`` are refused unless allowed.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from caregraph.errors import ParameterError, QueryError, QueryRefused, QuerySyntaxError, QueryTimeout, UnknownQuery
from caregraph.resources import queries_dir

PARAM_TYPES = ("council", "iri", "date", "string", "integer", "boolean")
XSD = "http://www.w3.org/2001/XMLSchema#"


@cache
def prefixes() -> dict[str, str]:
    """The prefixes every query may use without declaring them."""
    from caregraph.mapping import PREFIXES

    return dict(PREFIXES)


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
    summary, description, params, examples = "", [], [], []
    for line in text.splitlines():
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
            if len(parts) < 3 or parts[1] not in PARAM_TYPES:
                raise QueryError(f"{path}: bad '#+ param:' line {value!r}; expected 'name | type | required|optional[=default] | description' with type one of {', '.join(PARAM_TYPES)}")
            req, _, default = parts[2].partition("=")
            params.append(Parameter(parts[0], parts[1], req.strip() == "required", parts[3] if len(parts) > 3 else "", default.strip() or None))
    return NamedQuery(name, path, text, summary or name, " ".join(description), tuple(params), tuple(examples))


def named_queries() -> dict[str, NamedQuery]:
    folder = queries_dir()
    return {p.stem: parse_header(p.stem, p, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))}


def resolve(source: str) -> tuple[str, NamedQuery | None, str]:
    """Query text for a named query, a file, or inline text; returns (text, named query or None, label)."""
    queries = named_queries()
    if source in queries:
        q = queries[source]
        return q.text, q, q.path.name
    path = Path(source)
    if source.endswith((".rq", ".sparql", ".txt")) or (len(source) < 300 and "\n" not in source and path.is_file()):
        if not path.is_file():
            raise UnknownQuery(f"no query file {source}")
        try:
            return path.read_text(encoding="utf-8"), None, str(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{source}: cannot read the query file ({exc})") from None
    if re.search(r"(?i)\b(select|ask|construct|describe|insert|delete|drop|clear|load|create)\b", source) and ("{" in source or re.search(r"(?i)\b(drop|clear|create)\b", source)):
        return source, None, "<query>"
    close = difflib.get_close_matches(source, list(queries), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; named queries: {', '.join(queries)}"
    raise UnknownQuery(f"unknown query {source!r}{hint} (run 'caregraph queries' to list them)")


# ------------------------------------------------------------------------------------------------ safety

_STRIP = re.compile(r"""#[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>""")
_UPDATE = re.compile(r"(?i)(?:^|[;}\s])(INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|ADD|MOVE|COPY|WITH)\b")
_SERVICE = re.compile(r"(?i)\bSERVICE\b")
_FORM = re.compile(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b")


def _code_only(text: str) -> str:
    """The query with comments, strings and IRIs blanked out, so keyword checks see only the syntax."""
    return _STRIP.sub(lambda m: " " * len(m.group(0)), text)


def is_update(text: str) -> bool:
    code = _code_only(text)
    form = _FORM.search(code)
    update = _UPDATE.search(code)
    return update is not None and (form is None or update.start() < form.start())


def check_safety(text: str, *, allow_update: bool, allow_service: bool) -> None:
    code = _code_only(text)
    if is_update(text) and not allow_update:
        raise QueryRefused("this is a SPARQL Update (it would change the store); caregraph queries are read-only unless you pass --update")
    if _SERVICE.search(code) and not allow_service:
        raise QueryRefused("the query uses SERVICE, which reaches other servers over the network; pass --allow-service to allow it")


# ------------------------------------------------------------------------------------------------ parameters


def bind_parameters(query: NamedQuery | None, values: Mapping[str, str], store=None) -> dict[str, ox.NamedNode | ox.Literal]:
    """RDF terms for ``--param name=value`` pairs, typed by the named query's declarations."""
    declared = {p.name: p for p in query.parameters} if query else {}
    bound: dict[str, ox.NamedNode | ox.Literal] = {}
    for name, raw in values.items():
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
    if raw.startswith("<") and raw.endswith(">") or re.match(r"^https?://\S+$", raw):
        return "iri"
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", raw):
        return "date"
    return "string"


def to_term(name: str, kind: str, raw: str) -> ox.NamedNode | ox.Literal:
    raw = raw.strip()
    try:
        if kind == "iri" or (kind == "council" and (raw.startswith("<") or re.match(r"^https?://", raw))):
            iri = raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw
            if not re.fullmatch(r"[a-zA-Z][\w+.-]*:[^\s<>\"{}|^`\\]*", iri):
                raise ValueError("not an IRI")
            return ox.NamedNode(iri)
        if kind == "council":
            from caregraph import iris
            from caregraph.extract import gazetteer

            slug = gazetteer().resolve(raw)
            if slug is None:
                import difflib as _d

                names = [c.name for c in gazetteer().councils.values()]
                close = _d.get_close_matches(raw, names, n=3, cutoff=0.6)
                raise ParameterError(f"--param {name}: no council called {raw!r}" + (f"; did you mean {', '.join(close)}?" if close else ""))
            return ox.NamedNode(str(iris.council(slug)))
        if kind == "date":
            m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", raw)
            if not m:
                raise ValueError("expected YYYY-MM-DD, YYYY-MM or YYYY")
            y, mo, d = m.groups()
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
    """A SPARQL ``VALUES`` block binding each variable to its term, the terms serialised by pyoxigraph."""
    if not bindings:
        return ""
    names = list(bindings)
    return "VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" + " ".join(str(bindings[n]) for n in names) + ") }"


def with_values(text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with a VALUES block at the start of its outermost WHERE group (for remote endpoints)."""
    if not bindings:
        return text
    code = _code_only(text)
    m = re.search(r"(?i)\bWHERE\s*\{", code) or re.search(r"\{", code)
    if not m:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    return text[: m.end()] + "\n  " + values_block(bindings) + "\n" + text[m.end() :]


# ------------------------------------------------------------------------------------------------ running


@dataclass
class QueryResult:
    kind: str  # select | ask | graph | update
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, object]] = field(default_factory=list)  # variable -> pyoxigraph term (unbound omitted)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def values(self) -> list[dict[str, str | None]]:
        """Rows as plain strings (IRIs and literal lexical forms)."""
        return [{v: (row[v].value if v in row else None) for v in self.variables} for row in self.rows]  # type: ignore[union-attr]


def _syntax_error(exc: SyntaxError, text: str, label: str) -> QuerySyntaxError:
    message = str(exc)
    m = re.match(r"error at (\d+):(\d+)(?:-\d+:\d+)?:\s*(.*)", message, re.S)
    if not m:
        return QuerySyntaxError(message.splitlines()[0] if message else "syntax error", label)
    line, column = int(m.group(1)), int(m.group(2))
    lines = text.splitlines() or [""]
    offending = lines[line - 1] if 0 < line <= len(lines) else None
    detail = re.sub(r"\s+", " ", m.group(3)).strip()
    if len(detail) > 160:
        detail = detail[:157] + "…"
    return QuerySyntaxError(detail, label, line, column + 1 if column == 0 else column, offending)


def run_query(
    store,
    source: str,
    params: Mapping[str, str] | None = None,
    *,
    graph: str | None = None,
    timeout: float | None = None,
    allow_update: bool = False,
    allow_service: bool = False,
) -> QueryResult:
    """Run a named query, a query file or inline SPARQL over ``store`` (a :class:`caregraph.store.Store`).

    The default graph is the union of every graph in the store; ``graph`` restricts it to one named graph.
    """
    text, named, label = resolve(source)
    check_safety(text, allow_update=allow_update, allow_service=allow_service)
    bindings = bind_parameters(named, params or {}, store)
    if is_update(text):
        return _run_update(store, text, label)
    kwargs: dict = {"prefixes": prefixes()}
    if graph:
        kwargs["default_graph"] = ox.NamedNode(graph)
    else:
        kwargs["use_default_graph_as_union"] = True
    if bindings:
        text = with_values(text, bindings)

    def run() -> QueryResult:
        try:
            result = store.ox.query(text, **kwargs)
        except SyntaxError as exc:
            raise _syntax_error(exc, text, label) from None
        except OSError as exc:
            raise QueryError(f"{label}: {exc}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = []
            for sol in result:
                rows.append({v: sol[v] for v in variables if sol[v] is not None})
            return QueryResult("select", variables, rows)
        return QueryResult("graph", triples=list(result))

    return _with_timeout(run, timeout)


def _run_update(store, text: str, label: str) -> QueryResult:
    if getattr(store, "read_only", False):
        raise QueryRefused("the store is open read-only; updates need the store opened for writing")
    try:
        store.ox.update(text, prefixes=prefixes())
    except SyntaxError as exc:
        raise _syntax_error(exc, text, label) from None
    return QueryResult("update")


def _with_timeout(fn, timeout: float | None):
    if not timeout:
        return fn()
    box: dict = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed back to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, daemon=True, name="caregraph-query")
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped (raise --timeout, or narrow the query)")
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


def _term_json(term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def serialize_rows(result: QueryResult, fmt: str) -> str:
    """SELECT results as W3C SPARQL 1.1 CSV, TSV, JSON or XML; ASK results in JSON or XML, else ``true``/``false``."""
    import csv
    import io
    import json
    from xml.sax.saxutils import escape, quoteattr

    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
        if fmt == "xml":
            return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n  <head/>\n'
                    f"  <boolean>{'true' if result.boolean else 'false'}</boolean>\n</sparql>\n")
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([row[v].value if v in row else "" for v in result.variables])  # type: ignore[union-attr]
        return buf.getvalue()
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in result.variables)]
        for row in result.rows:
            lines.append("\t".join(str(row[v]) if v in row else "" for v in result.variables))
        return "\n".join(lines) + "\n"
    if fmt == "json":
        bindings = [{v: _term_json(row[v]) for v in result.variables if v in row} for row in result.rows]
        return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1) + "\n"
    if fmt == "xml":
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
                    inner = f"<uri>{escape(t.value)}</uri>"
                elif isinstance(t, ox.BlankNode):
                    inner = f"<bnode>{escape(t.value)}</bnode>"
                elif t.language:
                    inner = f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
                elif t.datatype.value != XSD + "string":
                    inner = f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
                else:
                    inner = f"<literal>{escape(t.value)}</literal>"
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
    """An IRI written with a predeclared prefix where one fits (for tables)."""
    best = ""
    for prefix, ns in prefixes().items():
        if value.startswith(ns) and len(ns) > len(best):
            best = ns
            name = prefix
    return f"{name}:{value[len(best):]}" if best else value


def format_table(variables: list[str], rows: list[list[str]], width: int = 120) -> str:
    """An aligned plain-text table that fits in ``width`` columns: every column at least as wide as its header
    (up to 12), the widest shrunk first, long values cut with "…"."""
    if not variables:
        return ""
    natural = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(variables)]
    floor = [min(max(len(v), 10), natural[i], 12) for i, v in enumerate(variables)]
    widths = list(natural)
    budget = max(width - 2 * (len(variables) - 1), sum(max(f, 3) for f in floor))
    while sum(widths) > budget:
        i = max(range(len(widths)), key=lambda k: widths[k] - floor[k])
        if widths[i] <= max(floor[i], 3):
            break
        widths[i] -= 1

    def cell(text: str, w: int) -> str:
        return text.ljust(w) if len(text) <= w else text[: max(w - 1, 0)] + "…"

    lines = ["  ".join(cell(v, widths[i]) for i, v in enumerate(variables)).rstrip()]
    lines.append("  ".join("─" * w for w in widths))
    for r in rows:
        lines.append("  ".join(cell(r[i], widths[i]) for i in range(len(variables))).rstrip())
    return "\n".join(lines) + "\n"
