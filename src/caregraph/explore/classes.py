"""The entity classes drawn, Ofsted's grades and the property labels, as data; dates of a selection window."""

from __future__ import annotations

import re
from dataclasses import dataclass

from caregraph.errors import SelectionError
from caregraph.namespaces import CG, DCTERMS, FOAF, ORG, PROV, RDFS, SKOS
from caregraph.records import PartialDate

# ---------------------------------------------------------------------------------------------- classes as data


@dataclass(frozen=True)
class EntityClass:
    name: str  # local name in cg:
    label: str  # legend text
    colour: str
    shape: str  # a vis-network shape with the label underneath


# Drawing order of the legend; also the priority when an entity has two classes.
ENTITY_CLASSES: tuple[EntityClass, ...] = (
    EntityClass("Council", "Council", "#1f4e79", "star"),
    EntityClass("Committee", "Committee", "#2c7fb8", "square"),
    EntityClass("Meeting", "Meeting", "#41b6c4", "triangle"),
    EntityClass("AgendaItem", "Agenda item", "#7fcdbb", "triangleDown"),
    EntityClass("Inspection", "Inspection or visit", "#bababa", "hexagon"),
    EntityClass("Decision", "Decision", "#6a51a3", "square"),
    EntityClass("FollowUp", "Follow-up", "#9e9ac8", "triangleDown"),
    EntityClass("Person", "Person", "#e377c2", "dot"),
    EntityClass("Post", "Post", "#bcbd22", "diamond"),
    EntityClass("Organisation", "Organisation", "#8c564b", "dot"),
    EntityClass("PracticeModel", "Practice model", "#17becf", "diamond"),
    EntityClass("Document", "Document", "#737373", "square"),
    EntityClass("Other", "Other", "#999999", "dot"),
)
CLASS_BY_NAME = {c.name: c for c in ENTITY_CLASSES}
DRAWN_CLASSES = tuple(c.name for c in ENTITY_CLASSES if c.name not in ("Document", "Other"))
# Typed resources that are described inside a node's tooltip, never drawn.
AUX_CLASSES = ("SubJudgement", "Report")


@dataclass(frozen=True)
class Grade:
    key: str
    label: str
    colour: str


# Ofsted's four grades, plus "ungraded" (visits, reviews, unknown). The judgement concepts map onto them.
GRADES: tuple[Grade, ...] = (
    Grade("outstanding", "Outstanding", "#1a9850"),
    Grade("good", "Good", "#91cf60"),
    Grade("requires-improvement", "Requires improvement (or adequate)", "#fdae61"),
    Grade("inadequate", "Inadequate", "#d73027"),
    Grade("ungraded", "Ungraded or not known", "#bababa"),
)
GRADE_BY_KEY = {g.key: g for g in GRADES}
_JUDGEMENT_GRADE = {
    "outstanding": "outstanding",
    "good": "good",
    "requires-improvement": "requires-improvement",
    "adequate": "requires-improvement",
    "inadequate": "inadequate",
}

# Labels for properties of other vocabularies (the ontology graph labels the cg: ones).
_PROPERTY_LABELS = {
    ORG + "holds": "holds",
    ORG + "postIn": "post in",
    ORG + "subOrganizationOf": "part of",
    ORG + "unitOf": "unit of",
    ORG + "hasUnit": "has unit",
    ORG + "hasPost": "has post",
    ORG + "memberOf": "member of",
    DCTERMS + "publisher": "publisher",
    DCTERMS + "references": "references",
    DCTERMS + "description": "description",
    DCTERMS + "title": "title",
    DCTERMS + "format": "format",
    DCTERMS + "extent": "size",
    PROV + "wasDerivedFrom": "derived from",
    SKOS + "altLabel": "also called",
}
_NAME_PREDICATES = (FOAF + "name", SKOS + "prefLabel", DCTERMS + "title", RDFS + "label")
# Bookkeeping facts of a document graph that say nothing to a reader.
_HIDDEN_FACTS = {CG + "sha256", CG + "caregraphVersion", PROV + "generatedAtTime", CG + "keyFamily"}
_DATE_PREDICATES = {
    "Inspection": (CG + "startDate", CG + "publicationDate"),
    "Meeting": (CG + "date",),
    "FollowUp": (CG + "due",),
    "Document": (CG + "date",),
}
MAX_QUOTES = 3
MAX_QUOTE_CHARS = 300


def class_of(name: str) -> str:
    """The class name for a user's spelling ("inspections", "follow-up", "agenda item"), or :class:`SelectionError`."""
    key = re.sub(r"[^a-z]", "", name.lower())
    for cls in ENTITY_CLASSES:
        local = cls.name.lower()
        if key in (local, local + "s", re.sub(r"[^a-z]", "", cls.label.lower())):
            return cls.name
    choices = ", ".join(c.name for c in ENTITY_CLASSES if c.name != "Other")
    raise SelectionError(f"unknown class {name!r}; choose from {choices}")


def normalise_date(value: str | None, what: str) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (checked), or :class:`SelectionError`."""
    if value is None:
        return None
    value = value.strip()
    try:
        PartialDate.parse(value)
    except ValueError:
        raise SelectionError(f"{what} {value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY") from None
    return value


def in_window(when: str, since: str | None, until: str | None) -> bool:
    """Does a date at any precision fall in the window? A year or month overlaps (compare at the shorter precision)."""
    n = len(when)
    if since and when < since[:n]:
        return False
    if until and when > until[:n]:
        return False
    return True
