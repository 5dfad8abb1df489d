"""Natural keys and IRIs as plain strings: the part of :mod:`caregraph.iris` that needs no rdflib.

:mod:`caregraph.iris` mints rdflib ``URIRef`` terms for the build; this module holds what that rests on (the base,
slugs, people's keys) and string versions of the IRIs that the query path needs (a council's IRI for a ``council``
parameter, the reference graphs), so ``caregraph query`` does not import rdflib (about 0.1 s).

>>> council_iri("surrey")
'https://w3id.org/caregraph/id/council/surrey'
>>> graph_iri("councils")
'https://w3id.org/caregraph/graph/councils'
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata

DEFAULT_BASE = "https://w3id.org/caregraph/id/"
VOCAB = "https://w3id.org/caregraph/vocab/"
GRAPH_BASE = "https://w3id.org/caregraph/graph/"

HONORIFICS = re.compile(
    r"^(?:(?:county\s+)?councillor|cllr\.?|mr\.?|mrs\.?|ms\.?|miss|dr\.?|professor|prof\.?|sir|dame|lord|baroness|rev(?:d|\.)?)\s+",
    re.I,
)


def base() -> str:
    value = os.environ.get("CAREGRAPH_BASE", DEFAULT_BASE)
    return value if value.endswith(("/", "#")) else value + "/"


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Children's Services & Learning" → "childrens-services-and-learning"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.replace("&", " and ").replace("'", "").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unnamed"


def person_key(name: str) -> str:
    """A person's key: the name without honorifics, slugged ("Councillor Clare Curran" → "clare-curran")."""
    previous = None
    while previous != name:
        previous, name = name, HONORIFICS.sub("", name.strip())
    return slug(name)


def kind_family(kind: str) -> str:
    """Every ILACS kind keys as "ilacs" so a paper's "ILACS inspection" joins Ofsted's "Standard" inspection."""
    return "ilacs" if kind.startswith("ilacs") else kind


def council_iri(council_slug: str) -> str:
    """The council's IRI as a string (:func:`caregraph.iris.council` is the same IRI as a ``URIRef``)."""
    return f"{base()}council/{council_slug}"


def document_iri(key: str) -> str:
    """A document's IRI as a string, from its source URL or normalised path (:func:`caregraph.iris.document`)."""
    return f"{base()}doc/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


def graph_iri(name: str) -> str:
    """A reference graph's IRI as a string: ontology, vocabularies, councils, ofsted, dataset (:func:`caregraph.iris.graph`)."""
    return f"{GRAPH_BASE}{name}"
