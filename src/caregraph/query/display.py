"""Query results for people to read: the columns worth showing, each value as a person would write it.

The table on a terminal and ``--format markdown`` show a result's :func:`view`:

* an IRI column with a label twin (``council`` beside ``councilName``, ``kind`` beside ``kindLabel``) is left out;
* a document is shown by its title, else its file (:func:`document_names`), not by its hash IRI; a document column
  is left out when each row already shows that document's title or file in another column;
* other IRIs are written with the predeclared prefixes (``cgd:council/surrey``);
* runs of white space, line breaks included, become one space (decision texts keep their words, not their layout).

``columns`` chooses the columns (and their order) instead. The machine formats (CSV, TSV, JSON, XML, JSON Lines) are
not viewed: they keep every column and full IRIs.

>>> import pyoxigraph as ox
>>> r = QueryResult("select", ["council", "councilName"], [{"council": ox.NamedNode("https://w3id.org/caregraph/id/council/surrey"), "councilName": ox.Literal("Surrey", language="en")}])
>>> v = view(r)
>>> v.columns, v.rows, v.hidden
(['councilName'], [['Surrey']], ['council'])
>>> print(to_markdown(view(r, columns=["council", "councilName"])), end="")
| council | councilName |
|---|---|
| cgd:council/surrey | Surrey |
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import pyoxigraph as ox

from caregraph.errors import QueryError
from caregraph.query.names import prefixes, shorten
from caregraph.query.run import QueryResult

TWIN_SUFFIXES = ("Label", "Name", "Title")


@dataclass(frozen=True)
class View:
    """What a person sees of a SELECT result: the columns shown, the rows as text, the columns left out."""

    columns: list[str]
    rows: list[list[str]]
    hidden: list[str]


def select_columns(result: QueryResult, columns: Sequence[str]) -> QueryResult:
    """The result with only ``columns``, in that order (``--columns``); a :class:`QueryError` naming the columns there
    are when one is not a column of the result."""
    missing = [c for c in columns if c not in result.variables]
    if missing:
        raise QueryError(
            f"--columns: no column {', '.join(repr(c) for c in missing)}; the columns are {', '.join(result.variables)}"
        )
    return replace(result, variables=list(dict.fromkeys(columns)))


def document_names(store, result: QueryResult) -> dict[str, list[str]]:
    """The texts that name each document IRI in ``result``, read from the store: its title (if it has one), then its
    file."""
    iris = {
        term.value
        for row in result.rows
        for term in row.values()
        if isinstance(term, ox.NamedNode) and "/doc/" in term.value
    }
    if not iris:
        return {}
    values = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
    text = f"""SELECT ?d (SAMPLE(?t) AS ?title) (SAMPLE(?f) AS ?file) WHERE {{
      VALUES ?d {{ {values} }}
      GRAPH ?d {{ ?d a cg:Document . OPTIONAL {{ ?d dcterms:title ?t }} OPTIONAL {{ ?d cg:file ?f }} }}
    }} GROUP BY ?d"""
    names: dict[str, list[str]] = {}
    for sol in store.query(text, prefixes=prefixes()):
        title, file = sol["title"], sol["file"]
        found = [" ".join(title.value.split())] if title is not None and title.value.strip() else []
        found += [file.value] if file is not None else []
        if found:
            names[sol["d"].value] = found
    return names


def cell(term, names: Mapping[str, Sequence[str]] | None = None) -> str:
    """One value as text: a named IRI by its (first) name, another IRI with a prefix, a literal's words on one
    line."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        known = (names or {}).get(term.value)
        return known[0] if known else shorten(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    return " ".join(str(term).split())


def _all_iris(result: QueryResult, column: str) -> bool:
    values = [row[column] for row in result.rows if column in row]
    return bool(values) and all(isinstance(v, ox.NamedNode) for v in values)


def _shown_elsewhere(result: QueryResult, column: str, names: Mapping[str, Sequence[str]], others: list[str]) -> bool:
    """Whether each row already names the thing of ``column`` (by any of its names) in another column."""
    for row in result.rows:
        term = row.get(column)
        if term is None:
            continue
        texts = {cell(row.get(o)) for o in others}
        if not texts.intersection(names.get(term.value, ())):
            return False
    return True


def view(
    result: QueryResult,
    *,
    columns: Sequence[str] | None = None,
    names: Mapping[str, Sequence[str]] | None = None,
) -> View:
    """The columns and text a person sees of a SELECT result (see the module's description). ``names`` gives the
    name to show for an IRI (:func:`document_names`); ``columns``, when given, are shown as they are."""
    names = names or {}
    if columns:
        shown = select_columns(result, columns).variables
    else:
        variables = list(result.variables)
        twins = {v for v in variables if _all_iris(result, v) and any(f"{v}{s}" in variables for s in TWIN_SUFFIXES)}
        shown = [v for v in variables if v not in twins]
        documents = {
            v for v in shown if _all_iris(result, v) and all(r[v].value in names for r in result.rows if v in r)
        }
        for v in sorted(documents):
            others = [o for o in shown if o != v]
            if others and _shown_elsewhere(result, v, names, others):
                shown.remove(v)
    rows = [[cell(row.get(v), names) for v in shown] for row in result.rows]
    return View(list(shown), rows, [v for v in result.variables if v not in shown])


def to_markdown(v: View) -> str:
    """A view as a GitHub-flavoured Markdown table (``|`` and ``\\`` escaped, ``<`` as ``&lt;``)."""

    def md(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")

    lines = ["| " + " | ".join(md(c) for c in v.columns) + " |", "|" + "---|" * len(v.columns)]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in v.rows]
    return "\n".join(lines) + "\n"
