"""Typed query parameters: ``--param name=value`` pairs turned into RDF terms and bound in a ``VALUES`` block.

Parameter types: ``council`` (a name, alias, slug, GSS / DfE / register code, IRI or ``cgd:`` name, bound as the
council's IRI), ``kind`` and ``judgement`` (a concept of caregraph's vocabularies by notation or label, bound as its
IRI), ``iri``, ``date`` (``YYYY[-MM[-DD]]``, bound as ``xsd:date``; ``today`` is the current date), ``string``,
``integer`` and ``boolean``.

Values are bound as RDF terms in a ``VALUES`` block put at the start of the query's outermost WHERE group, each term
serialised by pyoxigraph (so quotes and brackets in a value are escaped): a value never becomes query syntax. A
parameter given several times (``--param council=Durham --param council=Surrey``) binds each value: the block has
one row per value (per combination, when several parameters are repeated), so the query answers for any of them.
The block is repeated inside each sub-``SELECT`` that projects the variable as it is (same rows, far less work).
(pyoxigraph's own ``substitutions`` were tried and rejected: in 0.5 a substituted variable still reads as unbound in
``FILTER(!BOUND(?x) || …)``, which every optional parameter here relies on.) The block goes on the line of the ``{``
so line numbers in error messages stay those of the file.

>>> from caregraph.namespaces import CGD
>>> to_term("council", "council", "E10000030") == ox.NamedNode(CGD + "council/surrey")
True
>>> to_term("since", "date", "2019-10")
<Literal value=2019-10-01 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#date>>
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

import pyoxigraph as ox

from caregraph.errors import ParameterError, QueryError
from caregraph.namespaces import CGV, SKOS, XSD
from caregraph.query.names import expand
from caregraph.query.safety import code_only
from caregraph.resources import ontology_file

if TYPE_CHECKING:
    from caregraph.query.named import NamedQuery

PARAM_TYPES = ("council", "kind", "judgement", "iri", "date", "string", "integer", "boolean")
Term = ox.NamedNode | ox.Literal
Binding = Term | tuple[Term, ...]  # one value, or several (a parameter given more than once)


def bind_parameters(query: NamedQuery | None, values: Mapping[str, str | Sequence[str]]) -> dict[str, Binding]:
    """RDF terms for ``--param name=value`` pairs, typed by the named query's declarations (defaults filled in).

    A value may be a list (the parameter given several times): it binds a tuple of terms, one ``VALUES`` row each.
    For inline queries and files, which declare nothing, the type is guessed: ``<iri>``, ``http…``, a prefixed name
    of a predeclared prefix → IRI; ``YYYY[-MM[-DD]]`` → ``xsd:date``; an integer → ``xsd:integer``; else a string.
    """
    declared = {p.name: p for p in query.parameters} if query else {}
    bound: dict[str, Binding] = {}
    for name, given in values.items():
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise ParameterError(f"--param {name!r}: a parameter name is a SPARQL variable name (letters, digits, _)")
        if query is not None and name not in declared:
            choices = ", ".join(declared) or "none"
            raise ParameterError(f"query {query.name!r} has no parameter {name!r} (its parameters: {choices})")
        raws = [given] if isinstance(given, str) else list(dict.fromkeys(given))
        if not raws:
            continue
        terms = tuple(
            dict.fromkeys(to_term(name, declared[name].type if name in declared else _guess_type(r), r) for r in raws)
        )
        bound[name] = terms[0] if len(terms) == 1 else terms
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
    from caregraph.iris import council_iri as mint  # plain strings: the query path does not import rdflib

    return mint(slug)


@cache
def _concepts(scheme: str) -> dict[str, str]:
    """Concept IRI by lower-cased notation, key, preferred and alternative label, for one of the SKOS schemes."""
    ns = f"{CGV}{scheme}/"
    keys: dict[str, str] = {}
    for q in ox.parse(path=str(ontology_file("vocabularies.ttl")), format=ox.RdfFormat.TURTLE):
        s = q.subject.value
        if not s.startswith(ns) or q.predicate.value not in {SKOS + "notation", SKOS + "prefLabel", SKOS + "altLabel"}:
            continue
        keys.setdefault(s[len(ns) :].lower(), s)
        keys.setdefault(q.object.value.strip().lower(), s)
    return keys


def concept_iri(scheme: str, raw: str) -> str | None:
    """The IRI of a concept of the ``kind`` or ``judgement`` scheme from its notation, key or a label; None if none."""
    raw = raw.strip()
    iri = expand(raw)
    if iri is not None:
        return iri
    return _concepts(scheme).get(raw.lower()) or _concepts(scheme).get(re.sub(r"[\s_]+", "-", raw.lower()))


# ------------------------------------------------------------------------------------------------ one term per type


def _iri_term(name: str, raw: str) -> Term:
    iri = expand(raw)
    if iri is None:
        raise ValueError("not an IRI (give <https://…>, https://… or a prefixed name such as cgd:council/surrey)")
    return ox.NamedNode(iri)


def _council_term(name: str, raw: str) -> Term:
    iri = council_iri(raw)
    if iri is not None:
        return ox.NamedNode(iri)
    from caregraph.gazetteer import gazetteer

    close = gazetteer().suggest(raw)
    hint = f"; did you mean {', '.join(close)}?" if close else " (give a name, slug, GSS or DfE code, or an IRI)"
    raise ParameterError(f"--param {name}: no council called {raw!r}{hint}")


def _concept_term(scheme: str) -> Callable[[str, str], Term]:
    def term(name: str, raw: str) -> Term:
        iri = concept_iri(scheme, raw)
        if iri is None:
            choices = sorted({k for k, v in _concepts(scheme).items() if k == v.rsplit("/", 1)[1]})
            raise ParameterError(f"--param {name}: no {scheme} called {raw!r}; choose one of {', '.join(choices)}")
        return ox.NamedNode(iri)

    return term


def _date_term(name: str, raw: str) -> Term:
    if raw.lower() == "today":
        raw = datetime.date.today().isoformat()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", raw)
    if not m:
        raise ValueError("expected YYYY-MM-DD, YYYY-MM, YYYY or today")
    y, mo, d = m.groups()
    datetime.date(int(y), int(mo or 1), int(d or 1))  # a real day, or ValueError
    # Dates compare as xsd:date; a year or month means its first day.
    return ox.Literal(f"{y}-{mo or '01'}-{d or '01'}", datatype=ox.NamedNode(XSD + "date"))


def _integer_term(name: str, raw: str) -> Term:
    return ox.Literal(str(int(raw)), datatype=ox.NamedNode(XSD + "integer"))


def _boolean_term(name: str, raw: str) -> Term:
    if raw.lower() not in {"true", "false"}:
        raise ValueError("expected true or false")
    return ox.Literal(raw.lower(), datatype=ox.NamedNode(XSD + "boolean"))


_TERMS: dict[str, Callable[[str, str], Term]] = {
    "council": _council_term,
    "kind": _concept_term("kind"),
    "judgement": _concept_term("judgement"),
    "iri": _iri_term,
    "date": _date_term,
    "string": lambda name, raw: ox.Literal(raw),
    "integer": _integer_term,
    "boolean": _boolean_term,
}
assert set(_TERMS) == set(PARAM_TYPES)


def to_term(name: str, kind: str, raw: str) -> Term:
    """``raw`` as an RDF term of parameter type ``kind``; a :class:`ParameterError` naming the parameter if it is not."""
    raw = raw.strip()
    try:
        return _TERMS.get(kind, _TERMS["string"])(name, raw)
    except ValueError as exc:
        raise ParameterError(f"--param {name}={raw!r}: {exc} (type {kind})") from None


# ------------------------------------------------------------------------------------------------ binding


def values_block(bindings: Mapping[str, Binding]) -> str:
    """A SPARQL ``VALUES`` block binding each variable to its term, the terms serialised by pyoxigraph; a variable
    with several terms gives one row per term (per combination, when several variables have more than one).

    >>> values_block({"council": ox.Literal('Surrey" } ; DROP ALL ; #')})
    'VALUES (?council) { ("Surrey\\\\" } ; DROP ALL ; #") }'
    >>> values_block({"c": (ox.Literal("a"), ox.Literal("b")), "n": ox.Literal("1")})
    'VALUES (?c ?n) { ("a" "1") ("b" "1") }'
    """
    if not bindings:
        return ""
    names = list(bindings)
    columns = [b if isinstance(b, tuple) else (b,) for b in bindings.values()]
    rows = " ".join("(" + " ".join(str(t) for t in row) + ")" for row in itertools.product(*columns))
    return "VALUES (" + " ".join(f"?{n}" for n in names) + ") { " + rows + " }"


def insertion_point(text: str) -> int:
    """Where the VALUES block goes: just after the ``{`` of the query's outermost WHERE group."""
    code = code_only(text)
    m = re.search(r"(?i)\bWHERE\s*\{", code) or re.search(r"\{", code)
    if not m:
        raise QueryError("cannot bind parameters: the query has no WHERE clause")
    return m.end()


def with_values(text: str, bindings: Mapping[str, Binding]) -> str:
    """The query with a VALUES block just after the ``{`` of its outermost WHERE group, on the same line; and, in
    each sub-``SELECT`` that projects a bound variable as it is (not ``AS`` it), a VALUES block of those variables
    after the ``{`` of its WHERE. The rows are the same (a sub-``SELECT``'s rows join the outer binding on that
    variable anyway); the speed is not: Oxigraph evaluates a sub-``SELECT`` whole before the join, so a grouped
    subquery over every council ran for one council's question (docs/performance.md).

    >>> with_values("SELECT * WHERE {\\n ?s ?p ?o }", {"s": ox.NamedNode("http://x/a")})
    'SELECT * WHERE { VALUES (?s) { (<http://x/a>) } \\n ?s ?p ?o }'
    >>> with_values("SELECT ?s WHERE { { SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s } }",
    ...             {"s": ox.NamedNode("http://x/a")})  # doctest: +NORMALIZE_WHITESPACE
    'SELECT ?s WHERE { VALUES (?s) { (<http://x/a>) } { SELECT ?s (COUNT(*) AS ?n) WHERE { VALUES (?s) { (<http://x/a>) } ?s ?p ?o } GROUP BY ?s } }'
    """
    if not bindings:
        return text
    inserts = [(insertion_point(text), values_block(bindings))]
    for at, names in _subselects(text):
        chosen = {name: bindings[name] for name in bindings if name in names}
        if chosen:
            inserts.append((at, values_block(chosen)))
    for at, block in sorted(inserts, reverse=True):
        text = text[:at] + " " + block + " " + text[at:]
    return text


_SELECT = re.compile(r"(?i)\bSELECT\b")
_WHERE_BRACE = re.compile(r"(?i)\bWHERE\s*\{|\{")


def _subselects(text: str) -> list[tuple[int, set[str]]]:
    """For each sub-``SELECT`` (every SELECT but the first): the offset just after the ``{`` of its WHERE, and the
    variables it projects as they are (``SELECT ?a ?b (… AS ?c)`` → ``{a, b}``; ``SELECT *`` → none)."""
    code = code_only(text)
    found = []
    for m in list(_SELECT.finditer(code))[1:]:
        brace = _WHERE_BRACE.search(code, m.end())
        if brace is None:
            continue
        projection = code[m.end() : brace.start()]
        names = set(re.findall(r"[?$](\w+)", _outside_brackets(projection)))
        body = code[brace.end() : _closing(code, brace.end())]
        # A variable its WHERE computes ("BIND(… AS ?x)") cannot also be bound before: left out.
        found.append((brace.end(), {n for n in names if not re.search(rf"(?i)\bAS\s*[?$]{n}\b", body)}))
    return found


def _closing(code: str, start: int) -> int:
    """The offset of the ``}`` that closes the group opened just before ``start``."""
    depth = 1
    for at in range(start, len(code)):
        depth += (code[at] == "{") - (code[at] == "}")
        if depth == 0:
            return at
    return len(code)


def _outside_brackets(text: str) -> str:
    """``text`` with every bracketed part blanked (``?a (MAX(?b) AS ?c) ?d`` → ``?a`` … ``?d``)."""
    depth, kept = 0, []
    for char in text:
        depth += char == "("
        kept.append(char if depth == 0 else " ")
        depth -= char == ")" and depth > 0
    return "".join(kept)
