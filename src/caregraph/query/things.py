"""Finding the thing a person names: the one resolver behind ``explain``, ``path``, ``viz --focus`` and IRI
parameters (``--param inspection=…``), so a name caregraph printed can be typed back.

A name is tried, in this order, and the first step that finds something wins (exact before partial, everywhere):

1. an IRI (``<https://…>``, ``https://…``) or a prefixed name (``cgd:council/surrey``);
2. a council's name, alias or code, exactly as the gazetteer knows it (``Surrey``, ``Surrey County Council``,
   ``E10000030``): the council, never the dozen things whose names contain "Surrey";
3. a label equal to the name, ignoring case and language tags (``rdfs:label``, ``skos:prefLabel``,
   ``skos:altLabel``, ``foaf:name``, ``dcterms:title``);
4. the caller's ``fallback`` (the CLI passes the names ``viz``, ``path`` and ``stats --central`` show, which the
   entity graph computes, such as ``Surrey: Focused visit, 2021-03``).

A name followed by a class in brackets, as ``path`` prints it (``Clare Curran (Person)``), is looked up without the
brackets, among things of that class.

>>> from caregraph.store import memory_store
>>> find_things(memory_store(), "Surrey County Council")
['https://w3id.org/caregraph/id/council/surrey']
>>> split_class("Clare Curran (Person)")
('Clare Curran', 'https://w3id.org/caregraph/ontology#Person')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import pyoxigraph as ox

from caregraph.errors import ParameterError
from caregraph.namespaces import CG
from caregraph.query.names import expand, prefixes, shorten

LABEL_PROPERTIES = ("rdfs:label", "skos:prefLabel", "skos:altLabel", "foaf:name", "dcterms:title")
MAX_MATCHES = 10
_CLASS_SUFFIX = re.compile(r"^(?P<name>.*\S)\s+\((?P<cls>[A-Z][A-Za-z]+)\)$")

Fallback = Callable[[str, "str | None"], list[str]]


def split_class(text: str) -> tuple[str, str | None]:
    """``("Clare Curran", cg:Person)`` for ``Clare Curran (Person)`` when ``Person`` is a class of the ontology; else
    the text and None."""
    from caregraph.query.terms import ontology_terms

    m = _CLASS_SUFFIX.match(text.strip())
    if m and m.group("cls") in ontology_terms():
        return m.group("name"), CG + m.group("cls")
    return text.strip(), None


def _council(name: str) -> str | None:
    from caregraph.query.params import council_slug

    slug = council_slug(name)
    if slug is None:
        return None
    from caregraph.iris import council_iri

    return council_iri(slug)


def labelled(store, name: str, cls: str | None = None, *, limit: int = MAX_MATCHES + 1) -> list[str]:
    """The IRIs with a label equal to ``name`` (any case, any language tag), of class ``cls`` if given."""
    needle = ox.Literal(name.strip().lower())
    typed = f"FILTER EXISTS {{ GRAPH ?h {{ ?thing a {ox.NamedNode(cls)} }} }}" if cls else ""
    text = f"""SELECT DISTINCT ?thing WHERE {{
      VALUES ?needle {{ {needle} }}
      VALUES ?property {{ {" ".join(LABEL_PROPERTIES)} }}
      GRAPH ?g {{ ?thing ?property ?label }}
      FILTER(isIRI(?thing) && isLiteral(?label) && LCASE(STR(?label)) = ?needle)
      {typed}
    }} ORDER BY ?thing LIMIT {limit}"""
    return [sol["thing"].value for sol in store.query(text, prefixes=prefixes())]


def find_things(store, text: str, *, fallback: Fallback | None = None) -> list[str]:
    """The IRIs ``text`` names, by the first of the steps in the module's description that finds any (at most
    ``MAX_MATCHES + 1``); an empty list when none does. ``fallback(name, class IRI or None)`` is the last step."""
    raw = text.strip()
    if not raw:
        return []
    iri = expand(raw)
    if iri is not None:
        return [iri]
    name, cls = split_class(raw)
    tries = [(raw, None), (name, cls)] if cls else [(raw, None)]
    for candidate, want in tries:
        council = _council(candidate) if want in (None, CG + "Council") else None
        if council is not None:
            return [council]
        found = labelled(store, candidate, want)
        if found:
            return found
    if fallback is not None:
        for candidate, want in tries:
            found = fallback(candidate, want)
            if found:
                return found
    return []


def find_thing(store, text: str, *, fallback: Fallback | None = None, what: str = "") -> str:
    """The one IRI ``text`` names (:func:`find_things`); a :class:`ParameterError` when it names nothing, or several
    things (listing them, so the IRI can be given instead). ``what`` starts the message (``--param inspection``)."""
    found = find_things(store, text, fallback=fallback)
    lead = f"{what}: " if what else ""
    if not found:
        raise ParameterError(
            f"{lead}nothing in the store is called {text.strip()!r} (give an IRI, a cgd: name, or a name as caregraph shows it)"
        )
    if len(found) > 1:
        listed = ", ".join(shorten(i) for i in found[:5]) + (" …" if len(found) > 5 else "")
        raise ParameterError(f"{lead}{text.strip()!r} names {len(found)} things ({listed}); give one of their IRIs")
    return found[0]


def resolve_iri_parameters(
    store,
    declared: Sequence,
    params: Mapping[str, str | Sequence[str]],
    *,
    fallback: Fallback | None = None,
) -> dict[str, str | list[str]]:
    """``params`` with every value of a declared ``iri`` parameter that is not an IRI replaced by the IRI of the
    thing it names (:func:`find_thing`): ``--param inspection="Surrey: Focused visit, 2021-03"``."""
    iri_params = {p.name for p in declared if p.type == "iri"}
    out: dict[str, str | list[str]] = {}
    for name, given in params.items():
        values = [given] if isinstance(given, str) else list(given)
        if name in iri_params:
            values = [
                v if expand(v) is not None else find_thing(store, v, fallback=fallback, what=f"--param {name}")
                for v in values
            ]
        out[name] = values[0] if isinstance(given, str) else values
    return out
