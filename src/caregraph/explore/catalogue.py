"""What the store holds, read once for drawing: entities, facts, labels, evidence quotes; and the names things get."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from caregraph.explore.classes import (
    _NAME_PREDICATES,
    _PROPERTY_LABELS,
    AUX_CLASSES,
    DRAWN_CLASSES,
    ENTITY_CLASSES,
)
from caregraph.explore.official import OfficialInspection, official_inspections
from caregraph.namespaces import CG, DCTERMS, GRAPHS, RDF, SKOS
from caregraph.namespaces import CGV as VOCAB

# ---------------------------------------------------------------------------------------------- the store's content


@dataclass
class _Catalogue:
    """Everything the graph is built from, fetched with a few SPARQL queries over the store."""

    classes: dict[str, str] = field(default_factory=dict)  # entity IRI -> class name
    entity_docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    facts: dict[str, list[tuple[str, ox.NamedNode | ox.Literal | ox.BlankNode]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    aux: dict[str, list[tuple[str, object]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # sub-judgements, reports
    docs: dict[str, dict[str, str]] = field(default_factory=dict)  # doc IRI -> title, url, file, date, publisher, genre
    pref: dict[str, str] = field(default_factory=dict)  # reference graphs' skos:prefLabel
    rdfs: dict[str, str] = field(default_factory=dict)  # reference graphs' rdfs:label
    evidence: dict[tuple[str, str, str], list[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )  # (s, p, o) -> [(quote, doc)]
    subject_evidence: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    official: dict[str, OfficialInspection] = field(default_factory=dict)  # Ofsted's record (explore.official)
    ungraded_kinds: set[str] = field(default_factory=set)  # kind concepts Ofsted does not grade (cg:graded false)


# The derived day bounds beside each typed date (docs/ontology.md, "Dates"): the typed date is the fact shown.
_DERIVED = frozenset(
    CG + f"{stem}{edge}" for stem in ("start", "end", "published", "due", "date") for edge in ("Earliest", "Latest")
) | {CG + "startEdtf"}


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ " + " ".join(f"<{i}>" for i in iris) + " }"


def _query(store, text: str):
    from caregraph.query import prefixes

    return store.query(text, prefixes=prefixes())


def _term_key(term) -> str:
    """A hashable, printable key for an RDF term (IRIs bare, literals and blank nodes as N-Triples)."""
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def load_catalogue(store, *, documents: bool = False) -> _Catalogue:
    cat = _Catalogue()
    classes = [*DRAWN_CLASSES, *AUX_CLASSES] + (["Document"] if documents else [])
    class_values = _values("class", (CG + c for c in classes))
    for sol in _query(
        store,
        """
        SELECT ?d ?title ?url ?file ?date ?publisher ?genre WHERE { GRAPH ?d { ?d a cg:Document .
          OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d cg:sourceUrl ?url } OPTIONAL { ?d cg:file ?file }
          OPTIONAL { ?d cg:date ?date } OPTIONAL { ?d dcterms:publisher ?publisher } OPTIONAL { ?d cg:genre ?genre } } }""",
    ):
        cat.docs.setdefault(
            sol["d"].value,
            {k: sol[k].value for k in ("title", "url", "file", "date", "publisher", "genre") if sol[k] is not None},
        )
    priority = {c.name: i for i, c in enumerate(ENTITY_CLASSES)}
    for sol in _query(
        store, f"SELECT DISTINCT ?s ?class ?g WHERE {{ {class_values} GRAPH ?g {{ ?g a cg:Document . ?s a ?class }} }}"
    ):
        if not isinstance(sol["s"], ox.NamedNode):
            continue
        s, cls = sol["s"].value, sol["class"].value[len(CG) :]
        if cls in AUX_CLASSES:
            cat.aux.setdefault(s, [])
            continue
        old = cat.classes.get(s)
        if old is None or priority[cls] < priority[old]:
            cat.classes[s] = cls
        cat.entity_docs[s].add(sol["g"].value)
    for sol in _query(
        store,
        f"SELECT DISTINCT ?s ?p ?o WHERE {{ {class_values} GRAPH ?g {{ ?g a cg:Document . ?s a ?class ; ?p ?o }} }}",
    ):
        s, p = sol["s"].value, sol["p"].value
        if p in (RDF + "type", RDF + "reifies") or p in _DERIVED:  # provenance, and dates' derived day bounds
            continue
        if s in cat.classes:
            cat.facts[s].append((p, sol["o"]))
        elif s in cat.aux:
            cat.aux[s].append((p, sol["o"]))
    reference = _values("rg", (GRAPHS + g for g in ("ontology", "vocabularies", "councils")))
    for sol in _query(
        store,
        f"SELECT ?x ?p ?l WHERE {{ {reference} VALUES ?p {{ skos:prefLabel rdfs:label }} GRAPH ?rg {{ ?x ?p ?l }} }}",
    ):
        label = sol["l"]
        if isinstance(label, ox.Literal) and label.language not in (None, "", "en", "en-gb", "en-GB"):
            continue
        target = cat.pref if sol["p"].value == SKOS + "prefLabel" else cat.rdfs
        target.setdefault(sol["x"].value, label.value)
    # Evidence: the quotes first, then the facts each span reifies (two simple queries run faster than one join).
    quotes: dict[str, tuple[str, str]] = {}
    for sol in _query(store, "SELECT ?e ?quote ?g WHERE { GRAPH ?g { ?e oa:exact ?quote } }"):
        quotes[sol["e"].value] = (sol["quote"].value, sol["g"].value)
    for sol in _query(store, "SELECT ?e ?t WHERE { GRAPH ?g { ?e rdf:reifies ?t } }"):
        item = quotes.get(sol["e"].value)
        t = sol["t"]
        if item is None or not isinstance(t, ox.Triple):
            continue
        s = str(getattr(t.subject, "value", t.subject))
        cat.evidence[(s, t.predicate.value, _term_key(t.object))].append(item)
        cat.subject_evidence[s].append(item)
    cat.official = official_inspections(store)
    for sol in _query(store, f"SELECT ?k WHERE {{ GRAPH <{GRAPHS}vocabularies> {{ ?k cg:graded false }} }}"):
        cat.ungraded_kinds.add(sol["k"].value)
    return cat


# ---------------------------------------------------------------------------------------------- naming


def short_iri(iri: str) -> str:
    from caregraph.iris import base

    for prefix, ns in (("cgd:", base()), ("cgv:", VOCAB), ("cg:", CG)):
        if iri.startswith(ns):
            return prefix + iri[len(ns) :]
    return iri


def _tail(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1].replace("-", " ") or iri


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


class _Namer:
    def __init__(self, cat: _Catalogue):
        self.cat = cat
        self._cache: dict[str, str] = {}
        self._docs: dict[str, str] = {}

    def prop(self, iri: str) -> str:
        return self.cat.rdfs.get(iri) or _PROPERTY_LABELS.get(iri) or _tail(iri)

    def thing(self, iri: str) -> str:
        """A name for any IRI: an entity, a concept, a council, a sub-judgement, a report, a document."""
        if iri in self._cache:
            return self._cache[iri]
        cat = self.cat
        name = None
        if iri in cat.classes:
            name = self._entity(iri)
        elif iri in cat.aux:
            facts = dict((p, o) for p, o in cat.aux[iri])
            if CG + "area" in facts or CG + "judgement" in facts:
                area, grade = facts.get(CG + "area"), facts.get(CG + "judgement")
                area_name = self.thing(str(getattr(area, "value", area))) if area is not None else "area"
                grade_name = self.thing(str(getattr(grade, "value", grade))) if grade is not None else "not known"
                name = f"{area_name}: {grade_name}"
            else:
                name = next(
                    (str(getattr(o, "value", o)) for p in _NAME_PREDICATES for q, o in cat.aux[iri] if q == p), None
                )
        elif iri in cat.docs:
            name = cat.docs[iri].get("title") or cat.docs[iri].get("file")
        if not name:
            name = cat.rdfs.get(iri) if "/council/" in iri and iri in cat.rdfs else None
        name = name or cat.pref.get(iri) or cat.rdfs.get(iri) or short_iri(iri)
        self._cache[iri] = name
        return name

    def _entity(self, iri: str) -> str | None:
        cat = self.cat
        cls = cat.classes[iri]
        facts = cat.facts.get(iri, ())
        if cls == "Council":
            return (
                cat.rdfs.get(iri)
                or cat.pref.get(iri)
                or next((o.value for p in _NAME_PREDICATES for q, o in facts if q == p), None)
            )
        if cls == "Inspection":
            values = {p: o for p, o in facts}
            kind = values.get(CG + "kind")
            council = values.get(CG + "council")
            when = values.get(CG + "startDate") or values.get(CG + "publicationDate")
            planned = values.get(CG + "planned")
            council_name = cat.pref.get(council.value) if council is not None else None
            parts = [f"{council_name}: " if council_name else ""]
            parts.append(self.thing(kind.value) if kind is not None else "Inspection")
            if when is not None:
                parts.append(f", {when.value}")
            if planned is not None and planned.value == "true":
                parts.append(" (planned)")
            return "".join(parts)
        if cls == "Document":
            return cat.docs.get(iri, {}).get("title") or cat.docs.get(iri, {}).get("file")
        if cls in ("Decision", "FollowUp"):  # their labels are cut at 80 characters; the words themselves are not
            texts = sorted(
                o.value for q, o in facts if q in (CG + "text", DCTERMS + "description") and isinstance(o, ox.Literal)
            )
            if texts:
                return _clip(texts[0], 160)
        for p in _NAME_PREDICATES:
            names = sorted(o.value for q, o in facts if q == p and isinstance(o, ox.Literal))
            if names:
                return names[0]
        return None

    def doc(self, iri: str) -> str:
        """A document as a reader would cite it: its title and where it is."""
        cached = self._docs.get(iri)
        if cached is None:
            info = self.cat.docs.get(iri, {})
            title = info.get("title") or info.get("file") or short_iri(iri)
            where = info.get("url") or info.get("file")
            cached = self._docs[iri] = f"{title} ({where})" if where and where != title else title
        return cached
