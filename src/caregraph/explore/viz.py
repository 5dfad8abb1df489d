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

import math
import os
import secrets
from collections import defaultdict
from functools import cache
from pathlib import Path

import networkx as nx

from caregraph.errors import CaregraphError
from caregraph.explore.classes import CLASS_BY_NAME, ENTITY_CLASSES, GRADE_BY_KEY, GRADES, MAX_QUOTES

PHYSICS_LIMIT = 1000  # above this many nodes the layout is computed here and physics is off
DIM = "rgba(190,190,190,0.25)"
EDGE_COLOUR = "#9a9a9a"


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

    env = Environment(
        loader=DictLoader({"network.html": _NETWORK_TEMPLATE, "timeline.html": _TIMELINE_TEMPLATE}),
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
        return GRADE_BY_KEY[data.get("grade") or "ungraded"].colour
    return CLASS_BY_NAME.get(data.get("cls", "Other"), CLASS_BY_NAME["Other"]).colour


# ---------------------------------------------------------------------------------------------- layout


def radial_layout(g: nx.Graph, spacing: float = 140.0, gap: float = 46.0) -> dict:
    """A cheap deterministic layout: each connected component as rings around its best-connected node (breadth-first,
    children next to their parent), components packed in rows, largest first. O(n log n)."""
    from caregraph.explore.network import undirected

    und = undirected(g) if g.is_directed() or g.is_multigraph() else g
    components = sorted((sorted(c) for c in nx.connected_components(und)), key=lambda c: (-len(c), c[0]))
    boxes = []
    for comp in components:
        root = min(comp, key=lambda n: (-und.degree(n), n))
        angle = {root: 0.0}
        pos = {root: (0.0, 0.0)}
        ring, radius, seen = [root], 0.0, {root}
        while ring:
            nxt = []
            for parent in ring:
                for child in sorted(und.neighbors(parent)):
                    if child not in seen:
                        seen.add(child)
                        nxt.append((angle[parent], child))
            if not nxt:
                break
            nxt.sort(key=lambda t: t[0])
            radius = max(radius + spacing, len(nxt) * gap / (2 * math.pi))
            for i, (_, child) in enumerate(nxt):
                a = 2 * math.pi * i / len(nxt)
                angle[child] = a
                pos[child] = (radius * math.cos(a), radius * math.sin(a))
            ring = [c for _, c in nxt]
        boxes.append((pos, radius + gap))
    # Shelf packing: rows about as wide as the whole is tall.
    total = sum((2 * r) ** 2 for _, r in boxes)
    width = max(math.sqrt(total) * 1.1, max((2 * r for _, r in boxes), default=0))
    out: dict = {}
    x = y = row_height = 0.0
    for pos, r in boxes:
        size = 2 * r
        if x > 0 and x + size > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(x + r + px), round(y + r + py))
        x += size
        row_height = max(row_height, size)
    return out


# ---------------------------------------------------------------------------------------------- the network page


def vis_data(g: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """vis-network node and edge records. Relations between the same two entities in the same direction are one
    edge whose label lists them."""
    nodes: list[dict] = []
    edges: list[dict] = []
    for n, data in g.nodes(data=True):
        colour = colour_of(data)
        cls = CLASS_BY_NAME.get(data.get("cls", "Other"), CLASS_BY_NAME["Other"])
        nodes.append(
            {
                "id": n,
                "label": data.get("label") or data.get("name") or n,
                "name": data.get("name") or n,
                "cls": cls.name,
                "clsLabel": cls.label,
                "shape": cls.shape,
                "color": colour,
                "baseColor": colour,
                "value": g.degree(n),
                "title": node_title(data),
            }
        )
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for s, o, _key, data in g.edges(keys=True, data=True):
        grouped[(s, o)].append(data)
    for (s, o), rels in grouped.items():
        rels = sorted(rels, key=lambda d: d.get("label", ""))
        edges.append(
            {
                "id": f"e{len(edges)}",
                "from": s,
                "to": o,
                "label": " / ".join(dict.fromkeys(d.get("label", "") for d in rels)),
                "title": edge_title(g.nodes[s], g.nodes[o], rels),
            }
        )
    return nodes, edges


def vis_options(n_nodes: int, *, physics: bool) -> dict:
    large = n_nodes > 300
    return {
        "nodes": {
            "font": {
                "size": 14,
                "face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                "color": "#222",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "borderWidth": 1,
            "scaling": {"min": 10, "max": 42, "label": {"enabled": False}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": EDGE_COLOUR, "highlight": "#333333", "hover": "#555555"},
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
    """The legend entries for the classes (and inspection grades) present, with counts."""
    counts: dict[str, int] = defaultdict(int)
    grades: dict[str, int] = defaultdict(int)
    for _, data in g.nodes(data=True):
        counts[data.get("cls", "Other")] += 1
        if data.get("cls") == "Inspection":
            grades[data.get("grade") or "ungraded"] += 1
    symbols = {
        "star": "★",
        "square": "■",
        "triangle": "▲",
        "triangleDown": "▼",
        "hexagon": "⬢",
        "dot": "●",
        "diamond": "◆",
    }
    entries = []
    for cls in ENTITY_CLASSES:
        if counts.get(cls.name):
            entries.append(
                {
                    "symbol": symbols.get(cls.shape, "●"),
                    "colour": cls.colour,
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
                                "symbol": symbols["hexagon"],
                                "colour": grade.colour,
                                "label": grade.label,
                                "count": grades[grade.key],
                                "indent": True,
                            }
                        )
    return entries


def network_page(g: nx.MultiDiGraph, *, heading: str | None = None, physics_limit: int = PHYSICS_LIMIT) -> str:
    """The graph as one self-contained HTML page (pyvis renders it into caregraph's template)."""
    from pyvis.network import Network

    script, style = _vis_assets()
    n = g.number_of_nodes()
    physics = n <= physics_limit
    nodes, edges = vis_data(g)
    positions = radial_layout(g)
    for node in nodes:
        node["x"], node["y"] = positions.get(node["id"], (0, 0))
    heading = heading or f"caregraph: {g.graph.get('title', 'entities')}"

    net = Network(height="100%", width="100%", directed=True, heading=heading, cdn_resources="in_line")
    # pyvis's add_node/add_edge look nodes up in lists (quadratic in the node count); the records are complete,
    # so they go straight into the network's lists.
    net.nodes, net.edges = nodes, edges
    net.node_ids = [node["id"] for node in nodes]
    net.node_map = {node["id"]: node for node in nodes}
    net.options = vis_options(n, physics=physics)
    env = _environment()
    env.globals.update(
        vis_js=script,
        vis_css=style,
        dim=DIM,
        nonce=secrets.token_urlsafe(18),
        legend=legend(g),
        notes=list(g.graph.get("notes", ())),
        counts={"nodes": n, "edges": len(edges), "relations": g.number_of_edges()},
        physics_note=None
        if physics
        else f"{n:,} entities: more than {physics_limit:,}, so the layout was computed in advance and physics is off.",
    )
    net.templateEnv = env
    net.path = "network.html"
    return net.generate_html(name="caregraph.html")


# ---------------------------------------------------------------------------------------------- the timeline page

TIMELINE_CLASSES = ("Inspection", "Meeting", "Decision", "FollowUp")


def timeline_entries(g: nx.Graph) -> tuple[list[dict], list[dict]]:
    """Dated inspections, visits, meetings, decisions and follow-ups in date order, and the undated ones."""
    dated: list[dict] = []
    undated: list[dict] = []
    for n, data in g.nodes(data=True):
        if data.get("cls") not in TIMELINE_CLASSES:
            continue
        cls = CLASS_BY_NAME[data["cls"]]
        facts = dict(data.get("facts", ()))
        entry = {
            "iri": n,
            "date": data.get("date") or "",
            "cls": cls.label if data["cls"] != "FollowUp" else "Follow-up due",
            "name": data.get("name") or n,
            "colour": colour_of(data),
            "judgement": data.get("judgement"),
            "planned": facts.get("planned") == "true",
            "details": [
                (k, _clip(v, 300))
                for k, v in data.get("facts", ())
                if k not in ("planned", "start date", "date", "due", "text", "description")
            ],
            "evidence": list(data.get("evidence", ()))[:MAX_QUOTES],
            "documents": list(data.get("documents", ()))[:MAX_QUOTES],
        }
        (dated if entry["date"] else undated).append(entry)
    order = {c: i for i, c in enumerate(TIMELINE_CLASSES)}
    dated.sort(key=lambda e: (e["date"], order.get(e["cls"], 9), e["name"]))
    undated.sort(key=lambda e: (e["cls"], e["name"]))
    return dated, undated


def timeline_page(g: nx.Graph, *, heading: str | None = None) -> str:
    dated, undated = timeline_entries(g)
    env = _environment()
    return env.get_template("timeline.html").render(
        heading=heading or f"caregraph timeline: {g.graph.get('title', '')}",
        dated=dated,
        undated=undated,
        notes=list(g.graph.get("notes", ())),
        grades=[g_ for g_ in GRADES],
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


# ---------------------------------------------------------------------------------------------- templates

_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-{{ nonce }}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="caregraph">
<title>{{ heading }}</title>
"""

_NETWORK_TEMPLATE = (
    _HEAD
    + """<style>{{ vis_css|safe }}</style>
<style>
  html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; background: #fafafa; }
  body { display: flex; flex-direction: column; }
  header { padding: 8px 14px 6px; border-bottom: 1px solid #ddd; background: #fff; }
  h1 { font-size: 18px; margin: 0 0 2px; font-weight: 600; }
  .sub { color: #555; font-size: 13px; }
  .notes { margin: 4px 0 0; padding-left: 18px; color: #8a4b00; font-size: 13px; }
  .toolbar { display: flex; gap: 8px; align-items: center; margin-top: 6px; flex-wrap: wrap; }
  .toolbar input { width: 320px; max-width: 60vw; padding: 4px 8px; font: inherit; border: 1px solid #bbb; border-radius: 4px; }
  .toolbar button { padding: 4px 10px; font: inherit; border: 1px solid #bbb; border-radius: 4px; background: #f3f3f3; cursor: pointer; }
  #status { color: #555; font-size: 13px; }
  main { flex: 1; display: flex; min-height: 0; }
  #network { flex: 1; min-width: 0; background: #fff; }
  aside { width: 300px; overflow: auto; border-left: 1px solid #ddd; padding: 8px 12px; background: #fff; font-size: 13px; }
  aside h2 { font-size: 14px; margin: 6px 0; }
  .legend { list-style: none; padding: 0; margin: 0; }
  .legend li { margin: 1px 0; white-space: nowrap; }
  .legend li.indent { padding-left: 18px; }
  .legend .sym { display: inline-block; width: 18px; text-align: center; font-size: 15px; }
  .legend .n { color: #777; }
  #details { white-space: pre-wrap; word-break: break-word; font: inherit; margin: 0; color: #333; }
  div.vis-tooltip { max-width: 460px; white-space: normal; font: 13px/1.35 system-ui, sans-serif; padding: 6px 8px; background: #fffef5; border: 1px solid #b8b39a; border-radius: 4px; box-shadow: 2px 2px 8px rgba(0,0,0,.15); }
  .cg-tip { white-space: pre-wrap; word-break: break-word; }
</style>
<script nonce="{{ nonce }}">{{ vis_js|safe }}</script>
</head>
<body>
<header>
  <h1 id="heading">{{ heading }}</h1>
  <div class="sub">{{ "{:,}".format(counts.nodes) }} entities, {{ "{:,}".format(counts.edges) }} links ({{ "{:,}".format(counts.relations) }} relations). Hover for details and evidence; click an entity to highlight its neighbours; click the background to clear.</div>
  {% if notes or physics_note %}<ul class="notes" id="notes">{% for note in notes %}<li>{{ note }}</li>{% endfor %}{% if physics_note %}<li>{{ physics_note }}</li>{% endif %}</ul>{% endif %}
  <div class="toolbar">
    <label for="search">Find</label>
    <input id="search" type="search" list="entity-names" placeholder="type a name, then Enter" autocomplete="off">
    <datalist id="entity-names"></datalist>
    <button id="reset" type="button">Clear highlight</button>
    {% if not physics_note %}<button id="physics" type="button">Re-run layout</button>{% endif %}
    <span id="status">Laying out…</span>
  </div>
</header>
<main>
  <div id="network"></div>
  <aside>
    <h2>Legend</h2>
    <ul class="legend" id="legend">
    {% for e in legend %}<li{% if e.indent %} class="indent"{% endif %}><span class="sym" style="color: {{ e.colour }}">{{ e.symbol }}</span> {{ e.label }} <span class="n">({{ e.count }})</span></li>
    {% endfor %}
    </ul>
    <p class="sub">Size: number of links. Inspections are coloured by Ofsted's overall judgement.</p>
    <h2>Selected</h2>
    <pre id="details">Click an entity.</pre>
  </aside>
</main>
<script nonce="{{ nonce }}">
(function () {
  "use strict";
  var t0 = performance.now();
  var nodeData = {{ nodes|tojson }};
  var edgeData = {{ edges|tojson }};
  var options = {{ options|safe }};
  var DIM = {{ dim|tojson }};
  function tip(text) {
    var el = document.createElement("div");
    el.className = "cg-tip";
    el.textContent = text;
    return el;
  }
  nodeData.forEach(function (n) { n.text = n.title; n.title = tip(n.title); });
  edgeData.forEach(function (e) { e.text = e.title; e.title = tip(e.title); });
  var nodes = new vis.DataSet(nodeData);
  var edges = new vis.DataSet(edgeData);
  var container = document.getElementById("network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  var status = document.getElementById("status");
  var state = {network: network, nodes: nodes, edges: edges, ready: false, readyMs: null, buildMs: performance.now() - t0, highlighted: null};
  window.caregraph = state;

  function settle() {
    if (state.ready) { return; }
    network.setOptions({physics: {enabled: false}});
    state.ready = true;
    state.readyMs = performance.now();
    document.body.setAttribute("data-ready", "true");
    status.textContent = "Layout settled; drag entities to move them.";
  }
  if (options.physics.enabled) {
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", settle);
    network.once("stabilized", settle);
  } else {
    network.once("afterDrawing", settle);
  }

  var details = document.getElementById("details");
  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    var linked = {};
    network.getConnectedEdges(id).forEach(function (e) { linked[e] = true; });
    nodes.update(nodes.map(function (n) {
      var on = keep[n.id] === true;
      return {id: n.id, color: on ? n.baseColor : DIM, font: {color: on ? "#222" : "rgba(0,0,0,0)"}};
    }));
    edges.update(edges.map(function (e) {
      var on = linked[e.id] === true;
      return {id: e.id, color: {color: on ? "#555555" : DIM}, font: {color: on ? "#444" : "rgba(0,0,0,0)"}};
    }));
    state.highlighted = id;
    details.textContent = nodes.get(id).text;
  }
  function clear() {
    if (state.highlighted === null) { return; }
    nodes.update(nodes.map(function (n) { return {id: n.id, color: n.baseColor, font: {color: "#222"}}; }));
    edges.update(edges.map(function (e) { return {id: e.id, color: {color: options.edges.color.color}, font: {color: "#444"}}; }));
    state.highlighted = null;
    details.textContent = "Click an entity.";
  }
  state.highlight = highlight;
  state.clear = clear;
  network.on("click", function (p) {
    if (p.nodes.length) { highlight(p.nodes[0]); }
    else if (p.edges.length) { details.textContent = edges.get(p.edges[0]).text; }
    else { clear(); }
  });

  var list = document.getElementById("entity-names");
  var byChoice = {};
  nodeData.forEach(function (n) {
    var choice = n.name + " (" + n.clsLabel + ")";
    if (byChoice[choice] !== undefined) { choice = n.name + " (" + n.clsLabel + ", " + n.id + ")"; }
    byChoice[choice] = n.id;
    var option = document.createElement("option");
    option.value = choice;
    list.appendChild(option);
  });
  var search = document.getElementById("search");
  function find() {
    var text = search.value.trim();
    if (!text) { return; }
    var id = byChoice[text];
    if (id === undefined) {
      var lower = text.toLowerCase();
      var hit = nodeData.filter(function (n) { return n.name.toLowerCase().indexOf(lower) !== -1; })[0];
      id = hit ? hit.id : undefined;
    }
    if (id === undefined) { status.textContent = "Nothing called \u201c" + text + "\u201d."; return; }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: {duration: 300}});
    highlight(id);
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { find(); } });
  document.getElementById("reset").addEventListener("click", function () { network.unselectAll(); clear(); });
  var rerun = document.getElementById("physics");
  if (rerun) {
    rerun.addEventListener("click", function () {
      state.ready = false;
      status.textContent = "Laying out…";
      network.setOptions({physics: {enabled: true}});
      network.once("stabilized", settle);
      network.stabilize(options.physics.stabilization.iterations);
    });
  }
})();
</script>
</body>
</html>
"""
)

_TIMELINE_TEMPLATE = (
    _HEAD.replace("script-src 'nonce-{{ nonce }}'", "script-src 'none'")
    + """<style>
  body { margin: 0 auto; max-width: 60rem; padding: 12px 18px 40px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; }
  h1 { font-size: 22px; margin: 8px 0 4px; }
  .sub { color: #555; font-size: 13px; }
  ol.timeline { list-style: none; margin: 18px 0; padding: 0 0 0 24px; border-left: 3px solid #ccc; }
  ol.timeline > li { position: relative; margin: 0 0 16px; padding-left: 10px; }
  ol.timeline > li::before { content: ""; position: absolute; left: -33px; top: 5px; width: 14px; height: 14px; border-radius: 50%; background: var(--c); border: 2px solid #fff; box-shadow: 0 0 0 1px #999; }
  .date { font-weight: 600; font-variant-numeric: tabular-nums; }
  .cls { color: #555; }
  .badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; background: var(--c); color: #000; }
  .planned { font-size: 12px; color: #8a4b00; border: 1px solid #d9a066; border-radius: 8px; padding: 0 6px; }
  .name { margin: 2px 0; }
  .details { margin: 2px 0; color: #444; font-size: 13px; }
  blockquote { margin: 4px 0 0 0; padding: 2px 8px; border-left: 3px solid #ddd; color: #444; font-size: 13px; }
  cite { display: block; color: #666; font-style: normal; font-size: 12px; }
  .legend span { margin-right: 10px; font-size: 13px; }
  .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: var(--c); margin-right: 3px; }
</style>
</head>
<body>
<h1>{{ heading }}</h1>
<p class="sub">{{ dated|length }} dated entr{{ "y" if dated|length == 1 else "ies" }}{% if undated %}, {{ undated|length }} undated{% endif %}: inspections and visits, meetings, decisions and follow-ups, oldest first. A year or month stands for the whole period.</p>
<p class="legend">{% for grade in grades %}<span><i style="--c: {{ grade.colour }}"></i>{{ grade.label }}</span>{% endfor %}</p>
{% if notes %}<ul class="sub">{% for note in notes %}<li>{{ note }}</li>{% endfor %}</ul>{% endif %}
{% macro item(e) %}<li style="--c: {{ e.colour }}">
  <div><span class="date">{{ e.date or "undated" }}</span> · <span class="cls">{{ e.cls }}</span>{% if e.judgement %} <span class="badge" style="--c: {{ e.colour }}">{{ e.judgement }}</span>{% endif %}{% if e.planned %} <span class="planned">planned</span>{% endif %}</div>
  <div class="name">{{ e.name }}</div>
  {% if e.details %}<div class="details">{% for k, v in e.details %}{{ k }}: {{ v }}{% if not loop.last %} · {% endif %}{% endfor %}</div>{% endif %}
  {% for quote, doc in e.evidence %}<blockquote>“{{ quote }}”<cite>— {{ doc }}</cite></blockquote>{% endfor %}
  {% if not e.evidence and e.documents %}<cite>In: {{ e.documents|join("; ") }}</cite>{% endif %}
</li>{% endmacro %}
<ol class="timeline" id="timeline">
{% for e in dated %}{{ item(e) }}
{% endfor %}
</ol>
{% if undated %}<h2>Undated</h2>
<ol class="timeline" id="undated">
{% for e in undated %}{{ item(e) }}
{% endfor %}
</ol>{% endif %}
</body>
</html>
"""
)
