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
    shape: str  # a vis-network shape with the label underneath, or a glyph of :data:`GLYPHS` drawn as an image
    tier: int  # importance when a page must leave entities out: lower stays longer (see caregraph.explore.layout)
    font: int  # label size in the drawing (px at zoom 1)


# Drawing order of the legend; also the priority when an entity has two classes. Every class has its own shape, and
# no class is grey: on a page, grey means one thing only, an inspection whose grade no source states (see GRADES).
ENTITY_CLASSES: tuple[EntityClass, ...] = (
    EntityClass("Council", "Council", "#1f4e79", "star", 2, 30),
    EntityClass("Committee", "Committee", "#2c7fb8", "square", 6, 14),
    EntityClass("Meeting", "Meeting", "#41b6c4", "triangle", 3, 14),
    EntityClass("AgendaItem", "Agenda item", "#7fcdbb", "triangleDown", 7, 13),
    EntityClass("Inspection", "Inspection or visit", "#ffffff", "hexagon", 0, 16),
    EntityClass("Decision", "Decision", "#6a51a3", "diamond", 1, 14),
    EntityClass("FollowUp", "Follow-up", "#9e9ac8", "flag", 3, 13),
    EntityClass("Person", "Person", "#e377c2", "dot", 1, 14),
    EntityClass("Post", "Post", "#bcbd22", "badge", 5, 13),
    EntityClass("Organisation", "Organisation", "#8c564b", "pentagon", 8, 14),
    EntityClass("PracticeModel", "Practice model", "#17becf", "cross", 8, 13),
    EntityClass("Document", "Document", "#d8a24a", "page", 9, 13),
    EntityClass("Other", "Other", "#f4a582", "ring", 9, 13),
)
CLASS_BY_NAME = {c.name: c for c in ENTITY_CLASSES}
DRAWN_CLASSES = tuple(c.name for c in ENTITY_CLASSES if c.name not in ("Document", "Other"))
# Typed resources that are described inside a node's tooltip, never drawn.
AUX_CLASSES = ("SubJudgement", "Report")
# vis-network's own shapes (label underneath); the others are glyphs drawn as SVG images (caregraph.explore.glyphs).
VIS_SHAPES = frozenset({"star", "square", "triangle", "triangleDown", "hexagon", "diamond", "dot"})

# A drawing edge, not a relation of the store: a decision or follow-up no relation anchors, drawn beside what its own
# paper reports (caregraph.explore.network, paper_links).
PAPER_LINK = "urn:caregraph:drawing:same-paper"

# What keeps an entity in place when a page must leave things out, and what it is drawn beside: the relation to its
# anchor (a decision's meeting, a follow-up's decision, an inspection's council…). Kept with it, if there is room.
ANCHORS: dict[str, tuple[str, ...]] = {
    "Decision": (CG + "madeAt", PAPER_LINK),
    "FollowUp": (CG + "followUpOf", PAPER_LINK),
    "Meeting": (CG + "body", CG + "council"),
    "AgendaItem": (),  # its meeting links to it (cg:agendaItem): see INCOMING_ANCHORS
    "Committee": (CG + "council", ORG + "unitOf"),
    "Inspection": (CG + "council",),
    "Person": (ORG + "holds",),
    "Post": (ORG + "postIn",),
}
INCOMING_ANCHORS: dict[str, tuple[str, ...]] = {"AgendaItem": (CG + "agendaItem",)}


@dataclass(frozen=True)
class Grade:
    key: str
    label: str
    colour: str
    border: str = ""  # a darker outline where the fill alone is too pale to see


# Ofsted's four grades; visits, which Ofsted does not grade; and inspections whose grade no source states, the one
# grey of a page.
GRADES: tuple[Grade, ...] = (
    Grade("outstanding", "Outstanding", "#1a9850"),
    Grade("good", "Good", "#91cf60"),
    Grade("requires-improvement", "Requires improvement (or adequate)", "#fdae61"),
    Grade("inadequate", "Inadequate", "#d73027"),
    Grade("not-graded", "Not graded (a visit: Ofsted gives no grade)", "#ffffff", "#404040"),
    Grade("unknown", "Grey: grade not stated by any source", "#bdbdbd", "#8c8c8c"),
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
