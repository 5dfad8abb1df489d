"""Query results written out: SELECT and ASK results in the W3C SPARQL 1.1 results formats (CSV, TSV, JSON, XML),
written by pyoxigraph's own serialisers, or as JSON Lines (one object per row, for ``jq`` and friends); CONSTRUCT and
DESCRIBE results in an RDF format, written by pyoxigraph. (``table`` and ``markdown`` are views for people:
:mod:`caregraph.query.display`.)

>>> result = QueryResult("select", ["a"], [{"a": ox.Literal("x, y")}])
>>> serialize_rows(result, "csv")
'a\\r\\n"x, y"\\r\\n'
>>> serialize_rows(QueryResult("ask", boolean=True), "json")
'{"head":{},"boolean":true}\\n'
>>> serialize_rows(QueryResult("select", ["a", "n"], [{"a": ox.NamedNode("http://x/a"), "n": ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))}, {}]), "jsonl")
'{"a": "http://x/a", "n": 7}\\n{"a": null, "n": null}\\n'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import IO

import pyoxigraph as ox

from caregraph.errors import QueryError
from caregraph.query.names import prefixes
from caregraph.query.run import QueryResult

# table and markdown are views for people (caregraph.query.display); jsonl is JSON Lines; the others are the W3C
# SPARQL 1.1 results formats.
ROW_FORMATS = ("table", "csv", "tsv", "json", "xml", "markdown", "jsonl")
RESULTS_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
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


def _xml_safe(term):
    """The term with characters XML 1.0 cannot carry replaced by U+FFFD (pyoxigraph writes them as they are, which
    makes the document unreadable to XML parsers)."""
    if isinstance(term, ox.Literal) and _not_xml().search(term.value):
        value = _not_xml().sub("\ufffd", term.value)
        if term.language:
            return ox.Literal(value, language=term.language)
        return ox.Literal(value, datatype=term.datatype)
    if isinstance(term, ox.Triple):
        return ox.Triple(term.subject, term.predicate, _xml_safe(term.object))
    return term


def _tsv_term(term) -> str:
    """A term in SPARQL TSV: pyoxigraph's own N-Triples form, a triple term in ``<<( … )>>``."""
    return f"<<( {term} )>>" if isinstance(term, ox.Triple) else str(term)


def solutions(result: QueryResult, *, xml: bool = False) -> ox.QuerySolutions | ox.QueryBoolean:
    """The rows (or boolean) of a SELECT or ASK result as pyoxigraph's own results object, whose ``serialize`` writes
    every W3C results format.

    A :class:`QueryResult` holds plain rows (a query's answer can be read only once, and ``caregraph explain`` builds
    its rows itself), and pyoxigraph has no constructor for its results objects: the rows are handed to it as SPARQL
    TSV, each term written by pyoxigraph (``str(term)``) and parsed back by it, so no value is escaped here. With
    ``xml``, characters XML 1.0 cannot carry are replaced first.
    """
    if result.kind == "ask":
        return ox.parse_query_results("true" if result.boolean else "false", format=ox.QueryResultsFormat.TSV)
    if result.kind != "select":
        raise QueryError(f"a {result.kind} result has no rows to write as query results")
    clean = _xml_safe if xml else (lambda term: term)
    lines = ["\t".join("?" + v for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join(_tsv_term(clean(row[v])) if v in row else "" for v in result.variables))
    return ox.parse_query_results("\n".join(lines) + "\n", format=ox.QueryResultsFormat.TSV)


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger")}
_DECIMALS = {_XSD + t for t in ("decimal", "double", "float")}


def json_value(term) -> str | int | float | bool | None:
    """A term as a plain JSON value: an IRI or a literal's lexical form; integers, decimals and booleans as JSON
    numbers and booleans (when their lexical form is valid); a blank node as ``_:id``; nothing as ``null``."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _NUMBERS:
                return int(term.value)
            if datatype in _DECIMALS:
                number = float(term.value)
                return number if number == number and abs(number) != float("inf") else term.value
        except ValueError:
            return term.value
        if datatype == _XSD + "boolean" and term.value in {"true", "false", "1", "0"}:
            return term.value in {"true", "1"}
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def json_lines(result: QueryResult) -> str:
    """A SELECT result as JSON Lines: one object per row, every variable a key (``null`` when unbound)."""
    import json

    return "".join(
        json.dumps({v: json_value(row.get(v)) for v in result.variables}, ensure_ascii=False) + "\n"
        for row in result.rows
    )


def serialize_rows(result: QueryResult, fmt: str) -> str:
    """SELECT or ASK results as W3C SPARQL 1.1 CSV, TSV, JSON or XML, written by pyoxigraph and ending with a line
    break, or as JSON Lines (``jsonl``). An ASK result in any other format (such as ``table``) is ``true`` or
    ``false``."""
    if fmt == "jsonl" and result.kind == "select":
        return json_lines(result)
    if fmt not in RESULTS_FORMATS:
        if result.kind == "ask":
            return ("true" if result.boolean else "false") + "\n"
        raise QueryError(f"unknown results format {fmt!r}; choose one of {', '.join(RESULTS_FORMATS)}")
    data = solutions(result, xml=fmt == "xml").serialize(format=RESULTS_FORMATS[fmt])
    assert data is not None  # no output given: pyoxigraph returns the bytes
    text = data.decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


STREAM_CHUNK = 1000  # rows serialised at a time when streaming: memory stays flat whatever the number of rows

# A CSV value is quoted when it holds one of these (as pyoxigraph's CSV writer does).
_CSV_QUOTED = re.compile('[",\n\r]')


def _csv_value(term) -> str:
    """A term as a value of SPARQL CSV, as pyoxigraph writes it: an IRI as it is, a blank node as ``_:id``, a
    literal's lexical form (quoted when it holds a quote, comma or line break), a triple term as its three parts."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        value = term.value
        return '"' + value.replace('"', '""') + '"' if _CSV_QUOTED.search(value) else value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return f"{_csv_value(term.subject)} {_csv_value(term.predicate)} {_csv_value(term.object)}"


def _csv_rows(variables: list[str], rows: list[dict]) -> str:
    """Rows as the lines of SPARQL CSV, the text pyoxigraph writes for them (:func:`serialize_rows`), written here:
    handing them to pyoxigraph as TSV and back took twice as long (0.11 s against 0.05 s of CPU for the 13,232 rows
    of twelve columns of ``decisions`` at 10^6 quads)."""
    return "".join(",".join(_csv_value(row[v]) if v in row else "" for v in variables) + "\r\n" for row in rows)


def _frame(fmt: str, variables: list[str]) -> tuple[str, str]:
    """What comes before and after the rows in a results document with no rows: the header line (CSV, TSV), or the
    head and the opening and closing of the bindings (JSON) or results (XML)."""
    empty = serialize_rows(QueryResult("select", variables), fmt)
    if fmt in {"csv", "tsv"}:
        return empty, ""
    at = empty.rindex("[" if fmt == "json" else "<results>") + (1 if fmt == "json" else len("<results>"))
    return empty[:at], empty[at:]


def write_rows(
    out: IO[str],
    fmt: str,
    variables: list[str],
    rows: Iterable[dict],
    *,
    limit: int | None = None,
    chunk: int = STREAM_CHUNK,
) -> tuple[int, bool]:
    """Write SELECT rows to ``out`` as they come, in a results format or JSON Lines, holding at most ``chunk`` rows
    at a time (so a query yielding millions of rows runs in flat memory); the text is what :func:`serialize_rows`
    gives for the same rows. Each chunk is written by pyoxigraph (as one results document whose head and foot are
    dropped). With ``limit``, the first ``limit`` rows only: one more is read to tell whether there were any.

    Returns the number of rows written and whether rows were left out (``limit``).

    >>> import io
    >>> out = io.StringIO()
    >>> write_rows(out, "json", ["a"], ({"a": ox.Literal(str(i))} for i in range(5)), limit=3, chunk=2)
    (3, True)
    >>> out.getvalue() == serialize_rows(QueryResult("select", ["a"], [{"a": ox.Literal(str(i))} for i in range(3)]), "json")
    True
    """
    if fmt != "jsonl" and fmt not in RESULTS_FORMATS:
        raise QueryError(f"unknown results format {fmt!r}; choose one of {', '.join(RESULTS_FORMATS)}, jsonl")
    source: Iterator[dict] = iter(rows)
    head, foot = ("", "") if fmt == "jsonl" else _frame(fmt, variables)
    out.write(head)
    written, more = 0, False
    while True:
        room = chunk if limit is None else min(chunk, limit - written)
        batch = list(itertools.islice(source, room)) if room > 0 else []
        if not batch:
            more = limit is not None and written >= limit and next(source, None) is not None
            break
        if fmt == "csv":
            out.write(_csv_rows(variables, batch))
            written += len(batch)
            continue
        text = serialize_rows(QueryResult("select", variables, batch), fmt)
        if fmt != "jsonl":
            text = text[len(head) : len(text) - len(foot)] if foot else text[len(head) :]
            if fmt == "json" and written:
                text = "," + text
        out.write(text)
        written += len(batch)
    out.write(foot)
    return written, more


def row_writer(out: IO[str], fmt: str, columns: Sequence[str] = ()) -> Callable[..., tuple[int, bool]]:
    """A writer for :func:`caregraph.query.run_query`'s ``write``: SELECT rows streamed to ``out`` in ``fmt`` (a
    results format or ``jsonl``) by :func:`write_rows`, with only ``columns`` (in that order) when given."""

    def write(variables: list[str], rows: Iterable[dict], *, limit: int | None = None) -> tuple[int, bool]:
        missing = [c for c in columns if c not in variables]
        if missing:
            raise QueryError(
                f"--columns: no column {', '.join(repr(c) for c in missing)}; the columns are {', '.join(variables)}"
            )
        return write_rows(out, fmt, list(dict.fromkeys(columns)) or variables, rows, limit=limit)

    return write


def serialize_triples(result: QueryResult, fmt: str) -> bytes:
    """CONSTRUCT / DESCRIBE results in an RDF format (turtle, ntriples, nquads, trig, jsonld, xml)."""
    if fmt not in GRAPH_FORMATS:
        raise QueryError(f"unknown RDF format {fmt!r}; choose one of {', '.join(GRAPH_FORMATS)}")
    rdf_format = getattr(ox.RdfFormat, GRAPH_FORMATS[fmt])
    items: list = result.triples
    if fmt in {"nquads", "trig"}:
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in result.triples]
    with_prefixes = prefixes() if fmt in {"turtle", "trig", "xml", "jsonld"} else None
    data = ox.serialize(items, format=rdf_format, prefixes=with_prefixes)
    assert data is not None  # no output given: pyoxigraph returns the bytes
    return data
