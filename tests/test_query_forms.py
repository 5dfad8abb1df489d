"""The forms the named queries take for speed give the rows of the plain forms: sorting by a string made from a value
(``CONCAT(" ", STR(?x))``) orders rows as sorting by the value does, and a label joined from a sub-SELECT gives the
rows of a plain OPTIONAL; and the CSV that ``caregraph query`` writes itself is the CSV pyoxigraph writes."""

from __future__ import annotations

import io
import random

import pyoxigraph as ox
import pytest

from caregraph.query.formats import serialize_rows, write_rows
from caregraph.query.run import QueryResult

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def made_up_store() -> ox.Store:
    """Documents and decisions with IRIs sharing long prefixes, names with spaces, case and accents, and gaps."""
    store = ox.Store()
    names = ["Cllr Ann Smith", "cllr ann smith", "Ann Smith", "Ánn Smith", "Ann  Smith", "Zoë Brown", "ann", "B"]
    for i in range(40):
        doc = ox.NamedNode(f"{EX}doc/{(i * 7919) % 97:04x}{'a' if i % 3 else ''}")
        person = ox.NamedNode(f"{EX}person/{i % 11}")
        store.add(ox.Quad(person, ox.NamedNode(RDF_TYPE), ox.NamedNode(EX + "Person"), doc))
        if i % 5:
            store.add(ox.Quad(person, ox.NamedNode(EX + "name"), ox.Literal(names[i % len(names)]), doc))
        if i % 4 == 0:
            store.add(ox.Quad(person, ox.NamedNode(EX + "post"), ox.NamedNode(f"{EX}post/{i % 3}"), doc))
    for i in range(3):
        store.add(
            ox.Quad(
                ox.NamedNode(f"{EX}post/{i}"),
                ox.NamedNode(EX + "label"),
                ox.Literal(f"Director {i}", language="en"),
                ox.NamedNode(EX + "labels"),
            )
        )
    return store


def solutions(store: ox.Store, text: str) -> list[tuple]:
    return [tuple(None if t is None else str(t) for t in s) for s in store.query(text)]


PLAIN = f"""SELECT ?person ?name ?doc WHERE {{
  GRAPH ?doc {{ ?person a <{EX}Person> }}
  OPTIONAL {{ GRAPH ?doc {{ ?person <{EX}name> ?name }} }}
}} ORDER BY ?name ?doc"""

KEYED = f"""SELECT ?person ?name ?doc WHERE {{
  GRAPH ?doc {{ ?person a <{EX}Person> }}
  OPTIONAL {{ GRAPH ?doc {{ ?person <{EX}name> ?name }} }}
  BIND(CONCAT(" ", STR(?name)) AS ?nameOrder)
  BIND(CONCAT(" ", STR(?doc)) AS ?docOrder)
}} ORDER BY ?nameOrder ?docOrder"""


def test_sorting_by_a_made_string_is_sorting_by_the_value():
    store = made_up_store()
    plain, keyed = solutions(store, PLAIN), solutions(store, KEYED)
    assert len(plain) == 40
    assert keyed == plain
    # The order is not the order the rows come in: the test would not see a key that sorted nothing.
    assert solutions(store, PLAIN.rsplit("ORDER BY", 1)[0]) != plain


def test_a_key_of_a_language_tagged_label_sorts_as_the_label():
    store = made_up_store()
    plain = solutions(
        store,
        f"SELECT ?p ?l WHERE {{ GRAPH <{EX}labels> {{ ?p <{EX}label> ?l }} }} ORDER BY DESC(?l)",
    )
    keyed = solutions(
        store,
        f'SELECT ?p ?l WHERE {{ GRAPH <{EX}labels> {{ ?p <{EX}label> ?l }} BIND(CONCAT(" ", STR(?l)) AS ?k) }} ORDER BY DESC(?k)',
    )
    assert keyed == plain and [row[0].rsplit("/", 1)[1][:-1] for row in plain] == ["2", "1", "0"]


def test_a_label_from_a_sub_select_gives_the_rows_of_an_optional():
    store = made_up_store()
    plain = f"""SELECT ?person ?doc ?label WHERE {{
      GRAPH ?doc {{ ?person a <{EX}Person> }}
      OPTIONAL {{ GRAPH ?doc {{ ?person <{EX}post> ?post }} }}
      BIND(COALESCE(?post, <urn:caregraph:no-post>) AS ?postKey)
      OPTIONAL {{ GRAPH <{EX}labels> {{ ?postKey <{EX}label> ?label }} }}
    }}"""
    hashed = plain.replace(
        f"OPTIONAL {{ GRAPH <{EX}labels> {{ ?postKey <{EX}label> ?label }} }}",
        f"OPTIONAL {{ SELECT ?postKey ?label WHERE {{ GRAPH <{EX}labels> {{ ?postKey <{EX}label> ?label }} }} }}",
    )
    assert hashed != plain
    rows = solutions(store, plain)
    assert sum(row[2] is not None for row in rows) == 10
    assert sorted(solutions(store, hashed), key=repr) == sorted(rows, key=repr)


AWKWARD = ['"', ",", "\n", "\r", "\t", " ", "a", "é", "\x01", "\\", ";", "'", "\u2028", "\U0001f600"]


def random_term(rng: random.Random):
    text = "".join(rng.choice(AWKWARD) for _ in range(rng.randrange(0, 6)))
    kind = rng.randrange(6)
    if kind == 0:
        return ox.NamedNode(EX + "a,b" * rng.randrange(2))
    if kind == 1:
        return ox.BlankNode(f"b{rng.randrange(9)}")
    if kind == 2:
        return ox.Literal(text, language="en")
    if kind == 3:
        return ox.Literal(str(rng.randrange(-5, 5)), datatype=ox.NamedNode(XSD + "integer"))
    if kind == 4:
        return ox.Triple(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal(text))
    return ox.Literal(text)


@pytest.mark.parametrize("seed", range(5))
def test_the_csv_written_here_is_the_csv_pyoxigraph_writes(seed):
    rng = random.Random(seed)
    variables = ["a", "b", "c"]
    rows = [{v: random_term(rng) for v in variables if rng.random() < 0.8} for _ in range(300)]
    out = io.StringIO()
    assert write_rows(out, "csv", variables, iter(rows), chunk=64) == (300, False)
    assert out.getvalue() == serialize_rows(QueryResult("select", variables, rows), "csv")
