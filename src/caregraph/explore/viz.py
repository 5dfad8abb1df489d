"""Interactive pages of the entity graph (:mod:`caregraph.explore.network`): a network drawn with pyvis and vis-network, and
a council's timeline. Every page is one self-contained UTF-8 HTML file that makes no network request: vis-network's
script and stylesheet (from the pyvis package) are inlined, and a Content-Security-Policy forbids every fetch and
every script but the page's own. Text from documents reaches the page only as JSON data or escaped HTML and is put
on screen with ``textContent``, so a name like ``<img src=x onerror=alert(1)>`` shows as those characters.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(title="two councils", notes=[])
>>> g.add_node("a", name="Surrey", label="Surrey", cls="Council", facts=[], evidence=[], documents=[])
>>> g.add_node("b", name="Durham", label="Durham", cls="Council", facts=[], evidence=[], documents=[])
>>> page = network_page(g)
>>> "<script src=" in page, "vis.Network" in page
(False, True)
"""

from __future__ import annotations

import itertools
import os
import secrets
from collections import defaultdict
from functools import cache
from pathlib import Path

import networkx as nx

from caregraph.errors import CaregraphError
from caregraph.explore.classes import (
    CLASS_BY_NAME,
    ENTITY_CLASSES,
    GRADE_BY_KEY,
    GRADES,
    MAX_QUOTES,
    VIS_SHAPES,
)
from caregraph.explore.glyphs import data_uri
from caregraph.explore.layout import (
    TITLE_LINE,
    TITLE_STAR,
    chain_layout,
    clustered_layout,
    clusters,
    radial_layout,
    title_lines,
)

PHYSICS_LIMIT = 1000  # above this many nodes the layout is computed here and physics is off
EDGE_COLOUR = "#6b8fc7"  # links are blue: on a page, grey means one thing only (an inspection of unknown grade)
DIM = "rgba(107,143,199,0.12)"  # a link not next to the entity clicked
FADED = 0.15  # the opacity of an entity not next to the entity clicked
LABEL_THRESHOLD = 10  # labels smaller than this on screen (px) are not drawn (faded just above): zoom in to read them
LABEL_MAX = 26  # nor larger than this
__all__ = ["radial_layout"]  # re-exported: the layouts live in caregraph.explore.layout


class VizError(CaregraphError):
    """A page cannot be made or written."""


# ---------------------------------------------------------------------------------------------- assets


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's minified script and stylesheet as pyvis ships them."""
    import pyvis

    root = Path(pyvis.__file__).parent
    for folder in (root / "templates" / "lib" / "vis-9.1.2", root / "lib" / "vis-9.1.2"):
        js, css = folder / "vis-network.min.js", folder / "vis-network.css"
        if js.is_file() and css.is_file():
            script, style = js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")
            if "</script" in script.lower() or "</style" in style.lower():
                raise VizError(f"{folder}: vis-network's files cannot be inlined (they close their own tag)")
            return script, style
    raise VizError(
        f"vis-network 9.1.2 is missing from the pyvis package at {root}; reinstall pyvis (pip install --force-reinstall pyvis)"
    )


def _environment():
    from jinja2 import DictLoader, Environment, select_autoescape

    from caregraph.explore import templates

    env = Environment(
        loader=DictLoader({"network.html": templates.NETWORK, "timeline.html": templates.TIMELINE}),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    env.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}
    return env


# ---------------------------------------------------------------------------------------------- text


def node_title(data: dict) -> str:
    """A node's tooltip as plain text: name, class, grade, date, facts, evidence quotes with their documents, IRI."""
    cls = CLASS_BY_NAME.get(data.get("cls", "Other"), CLASS_BY_NAME["Other"])
    lines = [
        data.get("name") or data.get("iri", ""),
        cls.label + (f" · {data['judgement']}" if data.get("judgement") else ""),
    ]
    if data.get("date"):
        lines.append(f"date: {data['date']}")
    for prop, value in data.get("facts", ()):
        lines.append(f"{prop}: {_clip(value, 240)}")
    lines += _evidence_lines(data.get("evidence", ()), data.get("documents", ()))
    lines += ["", data.get("iri", "")]
    return "\n".join(lines)


def edge_title(source: dict, target: dict, relations: list[dict]) -> str:
    lines = []
    for rel in relations:
        lines.append(f"{source.get('name', '')} → {rel.get('label', '')} → {target.get('name', '')}")
        lines += _evidence_lines(rel.get("evidence", ()), ())
    return "\n".join(lines)


def _evidence_lines(evidence, documents) -> list[str]:
    lines: list[str] = []
    if evidence:
        lines += ["", "Evidence:"]
        for quote, doc in list(evidence)[:MAX_QUOTES]:
            lines += [f"“{quote}”", f"    — {doc}"]
        if len(evidence) > MAX_QUOTES:
            lines.append(f"… and {len(evidence) - MAX_QUOTES} more")
    elif documents:
        lines += [
            "",
            "In: "
            + "; ".join(list(documents)[:MAX_QUOTES])
            + (f" and {len(documents) - MAX_QUOTES} more" if len(documents) > MAX_QUOTES else ""),
        ]
    return lines


def _clip(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def colour_of(data: dict) -> str:
    if data.get("cls") == "Inspection":
        return GRADE_BY_KEY[data.get("grade") or "unknown"].colour
    return CLASS_BY_NAME.get(data.get("cls", "Other"), CLASS_BY_NAME["Other"]).colour


def border_of(data: dict) -> str:
    from caregraph.explore.glyphs import _darker

    if data.get("cls") == "Inspection":
        grade = GRADE_BY_KEY[data.get("grade") or "unknown"]
        return grade.border or _darker(grade.colour)
    return _darker(colour_of(data))


def draw_label(g: nx.Graph, n: str, data: dict) -> str:
    """The label drawn under a node: the short label, less the council's name where the council's cluster already
    says it ("Surrey: ILACS inspection, 2019-10" reads "ILACS inspection, 2019-10" beside Surrey's star)."""
    label = str(data.get("label") or data.get("name") or n)
    name = str(data.get("name") or label)
    if data.get("cls") == "Inspection" and data.get("council") in g and ": " in name:
        label = _clip(name.split(": ", 1)[1], 40)
    return label


# ---------------------------------------------------------------------------------------------- the network page


def vis_data(
    g: nx.MultiDiGraph,
    labels: dict[str, str] | None = None,
    fonts: dict[str, int] | None = None,
    titles: frozenset[str] = frozenset(),
) -> tuple[list[dict], list[dict]]:
    """vis-network node and edge records (``labels`` and ``fonts``: what :func:`layout_of` chose to draw). Relations
    between the same two entities in the same direction are one edge whose label lists them; a drawing edge
    (``drawing``: placed beside its paper's meeting) is dashed."""
    labels = labels or {}
    fonts = fonts or {}
    nodes: list[dict] = []
    edges: list[dict] = []
    for n, data in g.nodes(data=True):
        colour, border = colour_of(data), border_of(data)
        cls = CLASS_BY_NAME.get(data.get("cls", "Other"), CLASS_BY_NAME["Other"])
        record = {
            "id": n,
            "label": labels.get(n) or draw_label(g, n, data),
            "name": data.get("name") or n,
            "cls": cls.name,
            "clsLabel": cls.label,
            "color": {"background": colour, "border": border},
            "baseColor": colour,
            "fontSize": fonts.get(n, cls.font),
            "font": {"size": fonts.get(n, cls.font)},
            "value": g.degree(n),
            "title": node_title(data),
        }
        if cls.shape in VIS_SHAPES:
            record["shape"] = cls.shape
        else:  # drawn as an image of its glyph
            record["shape"] = "image"
            record["image"] = data_uri(cls.shape, colour, border)
        if data.get("official"):
            record["official"] = True
        if n in titles:  # a cluster's title: a council's name above a star of fixed size
            del record["value"]
            record["size"] = TITLE_STAR
            lines = record["label"].count("\n") + 1
            record["font"]["vadjust"] = -round(lines * record["fontSize"] * TITLE_LINE + 2 * TITLE_STAR + 12)
            record["font"]["color"] = cls.colour
        nodes.append(record)
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for s, o, _key, data in g.edges(keys=True, data=True):
        grouped[(s, o)].append(data)
    for (s, o), rels in grouped.items():
        rels = sorted(rels, key=lambda d: d.get("label", ""))
        edge: dict[str, object] = {
            "id": f"e{len(edges)}",
            "from": s,
            "to": o,
            "label": " / ".join(dict.fromkeys(d.get("label", "") for d in rels)),
            "title": edge_title(g.nodes[s], g.nodes[o], rels),
        }
        if all(d.get("drawing") for d in rels):
            edge["dashes"] = True
        edges.append(edge)
    return nodes, edges


def vis_options(n_nodes: int, *, physics: bool, chain: bool = False) -> dict:
    large = n_nodes > 300 or chain
    return {
        "nodes": {
            "font": {
                "size": 14,
                "face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                "color": "#222",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "borderWidth": 1.5,
            "scaling": {
                "min": 10,
                "max": 42,
                "label": {"enabled": False, "drawThreshold": LABEL_THRESHOLD, "maxVisible": LABEL_MAX},
            },
            "shapeProperties": {"interpolation": False},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": EDGE_COLOUR, "highlight": "#2b4f8a", "hover": "#2b4f8a"},
            "font": {"size": 11, "color": "#444", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "horizontal"},
            "smooth": {"enabled": not large, "type": "curvedCW", "roundness": 0.12},
            "width": 1,
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": n_nodes > PHYSICS_LIMIT,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -220,
                "centralGravity": 0.02,
                "springLength": 170,
                "springConstant": 0.04,
                "damping": 0.5,
                "avoidOverlap": 1.0,
            },
            "maxVelocity": 60,
            "minVelocity": 1.0,
            "timestep": 0.45,
            # The radial start is already untangled: a few hundred iterations settle a small graph, 100 a large one.
            "stabilization": {
                "enabled": physics,
                "iterations": max(100, min(600, 60000 // max(n_nodes, 1))),
                "updateInterval": 20,
                "fit": True,
            },
        },
    }


def legend(g: nx.Graph) -> list[dict]:
    """The legend entries for the classes (and inspection grades) present, with counts; each with its symbol, the
    shape the page draws, as inline SVG (made here from constants, never from data)."""
    from caregraph.explore.glyphs import _darker, svg

    counts: dict[str, int] = defaultdict(int)
    grades: dict[str, int] = defaultdict(int)
    for _, data in g.nodes(data=True):
        counts[data.get("cls", "Other")] += 1
        if data.get("cls") == "Inspection":
            grades[data.get("grade") or "unknown"] += 1
    entries = []
    for cls in ENTITY_CLASSES:
        if counts.get(cls.name):
            fill = cls.colour
            entries.append(
                {
                    "svg": svg(cls.shape, fill, "#404040" if cls.name == "Inspection" else _darker(fill)),
                    "label": cls.label,
                    "count": counts[cls.name],
                    "indent": False,
                }
            )
            if cls.name == "Inspection":
                for grade in GRADES:
                    if grades.get(grade.key):
                        entries.append(
                            {
                                "svg": svg(cls.shape, grade.colour, grade.border or _darker(grade.colour)),
                                "label": grade.label,
                                "count": grades[grade.key],
                                "indent": True,
                            }
                        )
    return entries


def layout_of(g: nx.MultiDiGraph) -> tuple[str, dict, dict[str, str], dict[str, int]]:
    """The layout a page starts from: its kind, the positions, and the labels and font sizes drawn. A path
    (``graph["path"]``, its nodes in order) is a left-to-right chain; entities of several councils are clustered
    by council, each cluster under its council's name drawn as large as its cell allows; otherwise rings."""
    labels = {n: draw_label(g, n, data) for n, data in g.nodes(data=True)}
    fonts = {
        n: CLASS_BY_NAME.get(data.get("cls", "Other"), CLASS_BY_NAME["Other"]).font for n, data in g.nodes(data=True)
    }
    path = g.graph.get("path")
    if path:
        between = []
        for u, v in itertools.pairwise(path):
            data = g.get_edge_data(u, v) or g.get_edge_data(v, u) or {}
            between.append(" / ".join(sorted(d.get("label", "") for d in data.values())))
        fonts = dict.fromkeys(g, 14)  # one size along a chain: every label reads the same
        return "chain", chain_layout(path, labels, between), labels, fonts
    groups = clusters(g)
    if len([k for k in groups if k]) > 1:
        for n, data in g.nodes(data=True):
            if data.get("cls") == "Council":
                labels[n] = title_lines(str(data.get("short") or data.get("name") or n))
        positions, titles = clustered_layout(g, labels, fonts)
        fonts.update(titles)
        return "clusters", positions, labels, fonts
    return "rings", radial_layout(g), labels, fonts


def network_page(g: nx.MultiDiGraph, *, heading: str | None = None, physics_limit: int = PHYSICS_LIMIT) -> str:
    """The graph as one self-contained HTML page (pyvis renders it into caregraph's template). The layout is
    :func:`layout_of`'s; physics settles it further only for rings of up to ``physics_limit`` entities (clusters and
    chains keep their places)."""
    from pyvis.network import Network

    script, style = _vis_assets()
    n = g.number_of_nodes()
    kind, positions, labels, fonts = layout_of(g)
    physics = n <= physics_limit and kind == "rings"
    titles = frozenset(n for n in g if kind == "clusters" and g.nodes[n].get("cls") == "Council")
    nodes, edges = vis_data(g, labels, fonts, titles)
    if kind == "chain":  # one size along a chain, so the labels stay apart
        for node in nodes:
            node.pop("value", None)
            node["size"] = 16
    for node in nodes:
        node["x"], node["y"] = positions.get(node["id"], (0, 0))
    heading = heading or f"caregraph: {g.graph.get('title', 'entities')}"

    net = Network(height="100%", width="100%", directed=True, heading=heading, cdn_resources="in_line")
    # pyvis's add_node/add_edge look nodes up in lists (quadratic in the node count); the records are complete,
    # so they go straight into the network's lists.
    net.nodes, net.edges = nodes, edges
    net.node_ids = [node["id"] for node in nodes]
    net.node_map = {node["id"]: node for node in nodes}
    net.options = vis_options(n, physics=physics, chain=kind == "chain")
    layout_note = None
    if kind == "clusters":
        layout_note = "Entities are grouped by council, councils in alphabetical order; shared ones (Ofsted, practice models) first."
    elif kind == "chain":
        layout_note = "The path reads left to right."
    elif not physics:
        layout_note = (
            f"{n:,} entities: more than {physics_limit:,}, so the layout was computed in advance and physics is off."
        )
    env = _environment()
    env.globals.update(
        vis_js=script,
        vis_css=style,
        dim=DIM,
        faded=FADED,
        edge_colour=EDGE_COLOUR,
        label_threshold=LABEL_THRESHOLD,
        nonce=secrets.token_urlsafe(18),
        legend=legend(g),
        paper_links=any(e.get("dashes") for e in edges),
        notes=list(g.graph.get("notes", ())),
        counts={"nodes": n, "edges": len(edges), "relations": g.number_of_edges()},
        physics_note=layout_note,
        physics=physics,
        layout=kind,
    )
    net.templateEnv = env
    net.path = "network.html"
    return net.generate_html(name="caregraph.html")


# ---------------------------------------------------------------------------------------------- the timeline page

TIMELINE_CLASSES = ("Inspection", "Meeting", "Decision", "FollowUp")
OFFICIAL_SOURCE = "Ofsted's official record (caregraph import-ofsted)"


def same_visit(paper_iri: str, paper_date: str, official: dict) -> bool:
    """Is a paper's inspection the official one? The same IRI, or linked to it by the import (``papers``); or the
    same council and kind family with the paper's date inside the official dates (start to publication) or in the
    month of publication."""
    if paper_iri == official["iri"] or paper_iri in official.get("papers", ()):
        return True
    head, _, _ = paper_iri.rstrip("/").rpartition("/")
    if head != official["iri"].rstrip("/").rpartition("/")[0] or not paper_date:
        return False
    month, start, published = paper_date[:7], official["start"][:7], official["published"][:7]
    if len(month) < 7:  # a year only: not enough to say
        return False
    return bool(start and start <= month <= (published or start)) or bool(published and month == published)


def _official_details(rec: dict) -> list[tuple[str, str]]:
    details = [("official start", rec["start"])] if rec["start"] else []
    if rec["published"]:
        details.append(("report published", rec["published"]))
    if rec["focus"]:
        details.append(("theme", _clip(rec["focus"], 300)))
    details += [(area, grade) for area, grade in rec["sub_judgements"]]
    return details


def timeline_entries(g: nx.Graph) -> tuple[list[dict], list[dict]]:
    """Dated inspections, visits, meetings, decisions and follow-ups in date order, and the undated ones. With
    Ofsted's official record imported (``graph["official"]``, see :func:`caregraph.explore.network.entity_graph`),
    each official inspection is one entry marked official: merged into the papers' entry for the same visit
    (:func:`same_visit`), else an entry of its own."""
    dated: list[dict] = []
    undated: list[dict] = []
    official = list(g.graph.get("official", ()))
    claimed: set[str] = set()
    for n, data in g.nodes(data=True):
        if data.get("cls") not in TIMELINE_CLASSES:
            continue
        cls = CLASS_BY_NAME[data["cls"]]
        facts = dict(data.get("facts", ()))
        entry = {
            "iri": n,
            "date": data.get("date") or "",
            "order": TIMELINE_CLASSES.index(data["cls"]),
            "cls": cls.label if data["cls"] != "FollowUp" else "Follow-up due",
            "name": data.get("name") or n,
            "colour": colour_of(data),
            "judgement": data.get("judgement"),
            "planned": facts.get("planned") == "true",
            "official": False,
            "papers": True,
            "link": None,
            "details": [
                (k, _clip(v, 300))
                for k, v in data.get("facts", ())
                if k not in ("planned", "start date", "date", "due", "text", "description")
            ],
            "evidence": list(data.get("evidence", ()))[:MAX_QUOTES],
            "documents": list(data.get("documents", ()))[:MAX_QUOTES],
        }
        (dated if entry["date"] else undated).append(entry)
    # Each official inspection once: merged into the papers' entry for it (the same IRI first, then one the import
    # linked, then one of the same kind family and dates), the papers' other entries for it folded into that one.
    folded: set[str] = set()
    for rec in official:
        papers = [
            e for e in dated + undated if e["cls"] == CLASS_BY_NAME["Inspection"].label and e["iri"] not in folded
        ]
        same = [e for e in papers if same_visit(e["iri"], e["date"], rec)]
        if not same:
            continue
        same.sort(key=lambda e: (e["iri"] != rec["iri"], e["iri"] not in rec.get("papers", ()), e["date"], e["iri"]))
        entry, others = same[0], same[1:]
        claimed.add(rec["iri"])
        folded.update(e["iri"] for e in others)
        entry["official"], entry["link"] = True, rec["link"]
        entry["judgement"] = rec["judgement"] or entry["judgement"]
        entry["colour"] = GRADE_BY_KEY[rec["grade"]].colour
        entry["date"] = rec["start"] or entry["date"]
        entry["details"] = _official_details(rec) + [d for d in entry["details"] if d[0] != "judgement"]
        if others:
            entry["details"].append(("papers also call it", "; ".join(e["name"] for e in others)))
            entry["evidence"] = (entry["evidence"] + [q for e in others for q in e["evidence"]])[:MAX_QUOTES]
            entry["documents"] = sorted({*entry["documents"], *(d for e in others for d in e["documents"])})[
                :MAX_QUOTES
            ]
    dated = [e for e in dated if e["iri"] not in folded]
    undated = [e for e in undated if e["iri"] not in folded]
    for rec in official:
        if rec["iri"] in claimed:
            continue
        entry = {
            "iri": rec["iri"],
            "date": rec["start"],
            "order": 0,
            "cls": CLASS_BY_NAME["Inspection"].label,
            "name": rec["name"],
            "colour": GRADE_BY_KEY[rec["grade"]].colour,
            "judgement": rec["judgement"],
            "planned": False,
            "official": True,
            "papers": False,
            "link": rec["link"],
            "details": _official_details(rec),
            "evidence": [],
            "documents": [OFFICIAL_SOURCE],
        }
        (dated if entry["date"] else undated).append(entry)
    dated.sort(key=lambda e: (e["date"], e["order"], e["name"]))
    undated.sort(key=lambda e: (e["order"], e["name"]))
    return dated, undated


def timeline_page(g: nx.Graph, *, heading: str | None = None) -> str:
    dated, undated = timeline_entries(g)
    env = _environment()
    return env.get_template("timeline.html").render(
        heading=heading or f"caregraph timeline: {g.graph.get('title', '')}",
        dated=dated,
        undated=undated,
        notes=list(g.graph.get("notes", ())),
        grades=list(GRADES),
        official=sum(1 for e in dated + undated if e["official"]),
    )


# ---------------------------------------------------------------------------------------------- writing


def write_page(html: str, out: str | os.PathLike[str]) -> Path:
    """Write the page as UTF-8 (through :func:`caregraph.outfile.output_file`: atomically, usual mode, read-only
    files refused, links followed, devices written in place) and return its absolute path."""
    from caregraph.outfile import OutputError, is_special, write_output

    path = Path(out)
    if path.suffix.lower() not in (".html", ".htm") and not is_special(path):
        raise VizError(f"{path}: the page must be an .html file")
    try:
        return write_output(html.encode("utf-8"), path, make_parents=True)
    except OutputError as exc:
        raise VizError(str(exc)) from None


def open_in_browser(path: Path) -> bool:
    import webbrowser

    return webbrowser.open(path.resolve().as_uri())
