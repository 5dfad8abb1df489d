"""``caregraph explain THING``: every fact about one thing, each with the quote and the document it came from.

THING is an IRI (``<https://…>`` or ``https://…``), a prefixed name (``cgd:council/surrey``) or a label ("Dave Hill",
"Surrey", "Cabinet"; matched case-insensitively against ``rdfs:label``, ``skos:prefLabel``, ``skos:altLabel``,
``foaf:name``, ``dcterms:title``). Facts are the triples with the thing as subject (and, marked ``in``, as object) in
every graph; for a fact a document states, its reifier (the span of text, ``?span rdf:reifies <<( s p o )>>`` with
``oa:exact``, ``oa:start``, ``oa:end``) gives the exact quote and its character offsets. Facts from the reference
graphs (councils gazetteer, vocabularies, Ofsted's record) have a graph but no quote. The document index
(``caregraph.index``, the store's own bookkeeping of who published each document) is not listed.

>>> from caregraph.store import memory_store
>>> store = memory_store()
>>> explain(store, "Nobody")
Traceback (most recent call last):
...
caregraph.errors.QueryError: nothing in the store is called 'Nobody' (give an IRI, a prefixed name such as cgd:council/surrey, or a label)
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pyoxigraph as ox

from caregraph.errors import QueryError
from caregraph.index import INDEX_GRAPH
from caregraph.namespaces import GRAPHS, XSD
from caregraph.query import QueryResult, expand, prefixes, shorten

LABEL_PROPERTIES = ("rdfs:label", "skos:prefLabel", "skos:altLabel", "foaf:name", "dcterms:title")
# Provenance plumbing: listed as facts it would only repeat what every quote already says.
_HIDDEN_INCOMING = ("rdf:subject", "rdf:object", "cg:mentions", "oa:hasSource", "prov:wasDerivedFrom")
_HIDDEN_OUTGOING = ("rdf:reifies",)
MAX_MATCHES = 10


@dataclass(frozen=True)
class Fact:
    """One triple about the thing, with where it is stated."""

    direction: str  # "out": the thing is the subject; "in": the thing is the object
    subject: object  # pyoxigraph terms
    predicate: ox.NamedNode
    object: object
    graph: str
    document: str | None = None  # the graph, when it is a document's
    file: str | None = None
    url: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Explanation:
    """Everything the store says about one IRI."""

    iri: str
    labels: tuple[str, ...]
    types: tuple[str, ...]
    facts: tuple[Fact, ...]
    object_labels: tuple[tuple[str, str], ...] = ()  # (IRI, label) of the IRIs the facts point to

    def label_of(self, iri: str) -> str | None:
        return dict(self.object_labels).get(iri)


def _query(store, text: str):
    return store.query(text, prefixes=prefixes(), use_default_graph_as_union=True)


def find(store, thing: str) -> list[str]:
    """The IRIs ``thing`` names: itself when it is an IRI or prefixed name, else the things labelled so."""
    iri = expand(thing)
    if iri is not None:
        return [iri]
    needle = ox.Literal(thing.strip().lower())
    q = f"""SELECT DISTINCT ?thing WHERE {{
      VALUES ?needle {{ {needle} }}
      VALUES ?property {{ {" ".join(LABEL_PROPERTIES)} }}
      GRAPH ?g {{ ?thing ?property ?label }}
      FILTER(isLiteral(?label) && LCASE(STR(?label)) = ?needle)
    }} ORDER BY ?thing LIMIT {MAX_MATCHES + 1}"""
    found = [sol["thing"].value for sol in _query(store, q) if isinstance(sol["thing"], ox.NamedNode)]
    if found:
        return found
    q = f"""SELECT DISTINCT ?label WHERE {{
      VALUES ?needle {{ {needle} }}
      VALUES ?property {{ {" ".join(LABEL_PROPERTIES)} }}
      GRAPH ?g {{ ?thing ?property ?label }}
      FILTER(isLiteral(?label) && CONTAINS(LCASE(STR(?label)), ?needle))
    }} ORDER BY STRLEN(STR(?label)) ?label LIMIT 5"""
    close = [sol["label"].value for sol in _query(store, q)]
    hint = (
        f"; did you mean {', '.join(repr(c) for c in close)}?"
        if close
        else " (give an IRI, a prefixed name such as cgd:council/surrey, or a label)"
    )
    raise QueryError(f"nothing in the store is called {thing.strip()!r}{hint}")


def _int(term) -> int | None:
    try:
        return int(term.value) if term is not None else None
    except ValueError:
        return None


def explain_iri(store, iri: str) -> Explanation:
    """Every fact about ``iri`` in the store, each with its quote and document where a document states it."""
    node = ox.NamedNode(iri)
    hidden = ", ".join(_HIDDEN_INCOMING)
    hidden_out = ", ".join(_HIDDEN_OUTGOING)
    q = f"""SELECT ?direction ?s ?p ?o ?g ?quote ?start ?end ?file ?url ?isDocument WHERE {{
      VALUES ?thing {{ {node} }}
      {{ GRAPH ?g {{ ?thing ?p ?o }} BIND(?thing AS ?s) BIND("out" AS ?direction) FILTER(?p NOT IN ({hidden_out})) }}
      UNION
      {{ GRAPH ?g {{ ?s ?p ?thing }} BIND(?thing AS ?o) BIND("in" AS ?direction) FILTER(?p NOT IN ({hidden})) }}
      OPTIONAL {{
        GRAPH ?g {{
          ?evidence rdf:reifies <<( ?s ?p ?o )>> ; oa:exact ?quote .
          OPTIONAL {{ ?evidence oa:start ?start }}
          OPTIONAL {{ ?evidence oa:end ?end }}
        }}
      }}
      OPTIONAL {{ GRAPH ?g {{ ?g a cg:Document . BIND(true AS ?isDocument) OPTIONAL {{ ?g cg:file ?file }} OPTIONAL {{ ?g cg:sourceUrl ?url }} }} }}
      FILTER(?g != {ox.NamedNode(INDEX_GRAPH)})
    }}"""
    facts = []
    for sol in _query(store, q):
        is_doc = sol["isDocument"] is not None
        facts.append(
            Fact(
                direction=sol["direction"].value,
                subject=sol["s"],
                predicate=sol["p"],
                object=sol["o"],
                graph=sol["g"].value,
                document=sol["g"].value if is_doc else None,
                file=sol["file"].value if sol["file"] is not None else None,
                url=sol["url"].value if sol["url"] is not None else None,
                quote=sol["quote"].value if sol["quote"] is not None else None,
                start=_int(sol["start"]),
                end=_int(sol["end"]),
            )
        )
    rdf_type = prefixes()["rdf"] + "type"
    label_iris = {prefixes()[p.split(":")[0]] + p.split(":")[1] for p in LABEL_PROPERTIES}
    facts.sort(
        key=lambda f: (
            f.direction != "out",
            f.predicate.value != rdf_type,
            f.predicate.value not in label_iris,
            shorten(f.predicate.value),
            str(f.object) if f.direction == "out" else str(f.subject),
            f.document is None,
            f.file or f.graph,
            f.start if f.start is not None else -1,
        )
    )
    order = [
        prefixes()[p.split(":")[0]] + p.split(":")[1]
        for p in ("skos:prefLabel", "foaf:name", "rdfs:label", "dcterms:title", "skos:altLabel")
    ]
    named = [
        f
        for f in facts
        if f.direction == "out" and f.predicate.value in label_iris and isinstance(f.object, ox.Literal)
    ]
    named.sort(key=lambda f: (order.index(f.predicate.value), _value(f.object)))
    labels = tuple(dict.fromkeys(_value(f.object) for f in named))
    types = tuple(sorted({_value(f.object) for f in facts if f.direction == "out" and f.predicate.value == rdf_type}))
    others = sorted(
        {
            t.value
            for f in facts
            for t in (f.subject, f.object, f.predicate)
            if isinstance(t, ox.NamedNode) and t.value != iri
        }
    )
    return Explanation(iri, labels, types, tuple(facts), _labels(store, others))


def _labels(store, iris: list[str]) -> tuple[tuple[str, str], ...]:
    if not iris:
        return ()
    values = " ".join(str(ox.NamedNode(i)) for i in iris)
    q = f"""SELECT ?x (MIN(?l) AS ?label) WHERE {{
      VALUES ?x {{ {values} }}
      ?x skos:prefLabel|foaf:name|rdfs:label ?l .
      FILTER(isLiteral(?l))
    }} GROUP BY ?x"""
    return tuple(sorted((sol["x"].value, sol["label"].value) for sol in _query(store, q) if sol["label"] is not None))


def explain(store, thing: str) -> list[Explanation]:
    """Explanations of everything ``thing`` names (an IRI, a prefixed name or a label; up to 10 matches)."""
    iris = find(store, thing)
    if len(iris) > MAX_MATCHES:
        raise QueryError(f"{thing!r} names more than {MAX_MATCHES} things; give an IRI (e.g. {shorten(iris[0])})")
    out = [explain_iri(store, iri) for iri in iris]
    if len(out) == 1 and not out[0].facts:
        raise QueryError(f"the store holds no facts about <{out[0].iri}>")
    return out


# ------------------------------------------------------------------------------------------------ output

COLUMNS = ["thing", "direction", "subject", "predicate", "object", "graph", "document", "file", "quote", "start", "end"]


def as_result(explanations: list[Explanation]) -> QueryResult:
    """The facts as a SELECT-style result, so every results format (csv, tsv, json, xml) works."""
    rows = []
    for e in explanations:
        for f in e.facts:
            row: dict[str, object] = {
                "thing": ox.NamedNode(e.iri),
                "direction": ox.Literal(f.direction),
                "subject": f.subject,
                "predicate": f.predicate,
                "object": f.object,
                "graph": ox.NamedNode(f.graph),
            }
            if f.document:
                row["document"] = ox.NamedNode(f.document)
            if f.file:
                row["file"] = ox.Literal(f.file)
            if f.quote is not None:
                row["quote"] = ox.Literal(f.quote)
            if f.start is not None:
                row["start"] = ox.Literal(str(f.start), datatype=ox.NamedNode(XSD + "integer"))
            if f.end is not None:
                row["end"] = ox.Literal(str(f.end), datatype=ox.NamedNode(XSD + "integer"))
            rows.append(row)
    return QueryResult("select", list(COLUMNS), rows)


def _term(term, e: Explanation) -> str:
    if isinstance(term, ox.NamedNode):
        label = e.label_of(term.value)
        return shorten(term.value) + (f"  ({label})" if label else "")
    if isinstance(term, ox.Literal):
        text = term.value.replace("\n", " ")
        if term.language:
            return f'"{text}"@{term.language}'
        dt = term.datatype.value
        return f'"{text}"' if dt.endswith("#string") else f'"{text}"^^{shorten(dt)}'
    return str(term)


def _where(f: Fact) -> str:
    if f.document:
        return f.file or f.url or shorten(f.document)
    if f.graph.startswith(GRAPHS):
        return f"the {f.graph[len(GRAPHS) :]} reference graph"
    return f"graph <{f.graph}>"


def render_text(explanations: list[Explanation], width: int = 100, quote_chars: int = 400) -> str:
    """Facts grouped by where they are stated: each document passage (the quote, then what it says), then the
    reference graphs. Incoming facts (the thing as object) are marked ←."""
    out: list[str] = []
    for e in explanations:
        if out:
            out.append("")
        head = shorten(e.iri)
        if e.labels:
            head += f" — {e.labels[0]}"
        if e.types:
            head += f" ({', '.join(shorten(t) for t in e.types)})"
        out.append(head)
        groups: dict[tuple, list[Fact]] = {}
        for f in sorted(
            e.facts, key=lambda f: (f.document is None, _where(f), f.start if f.start is not None else 1 << 60)
        ):
            groups.setdefault((_where(f), f.quote, f.start, f.end), []).append(f)
        for (where, quote, start, end), facts in groups.items():
            at = f" @{start}-{end}" if start is not None else ""
            out.append(f"  {where}{at}" + ("" if quote is not None or facts[0].document is None else " (no quote)"))
            if quote is not None:
                text = " ".join(quote.split())
                if len(text) > quote_chars:
                    text = text[: quote_chars - 1] + "…"
                # Break only at spaces: a quote's words (and markers such as "cg-bidi-4") stay whole.
                out.extend(
                    textwrap.wrap(
                        f"“{text}”",
                        width=max(width - 4, 40),
                        initial_indent="    ",
                        subsequent_indent="     ",
                        break_on_hyphens=False,
                        break_long_words=False,
                    )
                )
            lines = []
            for f in facts:
                if f.direction == "out":
                    lines.append((shorten(f.predicate.value), _term(f.object, e)))
                else:
                    lines.append(("← " + shorten(f.predicate.value) + " of", _term(f.subject, e)))
            pad = max(len(a) for a, _ in lines)
            seen = set()
            for a, b in lines:
                if (a, b) not in seen:
                    seen.add((a, b))
                    out.append(f"      {a.ljust(pad)}  {b}")
        documents = {f.document for f in e.facts if f.document}
        out.append(
            f"  {len(e.facts)} fact{'s' if len(e.facts) != 1 else ''} with their sources; {len(documents)} document{'s' if len(documents) != 1 else ''}"
        )
    return "\n".join(out) + "\n"


def _value(term: object) -> str:
    """The lexical value of an IRI or literal (a triple term has none: its N-Triples form)."""
    return str(getattr(term, "value", term))
