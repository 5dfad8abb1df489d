"""Where a page puts things, and what it leaves out: pruning by importance to the question, clusters by council, and
the layouts (rings per cluster, a left-to-right chain for a path). Pure networkx and arithmetic, no drawing.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> _ = g.add_edge("insp", "surrey", key="https://w3id.org/caregraph/ontology#council")
>>> prune(g, 2, {"insp": "Inspection", "surrey": "Council"})
['insp', 'surrey']
>>> prune(g, 1, {"insp": "Inspection", "surrey": "Council"})  # no room for the inspection's council: not the inspection
['surrey']
>>> chain_layout(["a", "b", "c"], {"a": "A", "b": "B", "c": "C"})["c"][1]
0
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

import networkx as nx

from caregraph.explore.classes import ANCHORS, CLASS_BY_NAME, INCOMING_ANCHORS

CHAR_PX = 7.2  # the width of an average character of a 14 px label, for spacing labels apart


def label_px(text: str, font: int = 14) -> float:
    """About how wide a label is drawn, in pixels at zoom 1 (the longest line)."""
    longest = max((len(line) for line in str(text).split("\n")), default=0)
    return longest * CHAR_PX * font / 14


# ---------------------------------------------------------------------------------------------- importance


def anchor_chain(g: nx.MultiDiGraph, n: str, classes: Mapping[str, str], limit: int = 6) -> list[str]:
    """What holds ``n`` in place, nearest first: a decision's meeting, that meeting's committee, its council…
    (:data:`caregraph.explore.classes.ANCHORS`), following the first anchor drawn at each step."""
    chain: list[str] = []
    seen = {n}
    current = n
    while len(chain) < limit:
        cls = classes.get(current, "Other")
        nxt = None
        for pred in ANCHORS.get(cls, ()):
            targets = sorted(o for o in g.successors(current) if o not in seen and g.has_edge(current, o, key=pred))
            if targets:
                nxt = targets[0]
                break
        if nxt is None:
            for pred in INCOMING_ANCHORS.get(cls, ()):
                sources = sorted(
                    s for s in g.predecessors(current) if s not in seen and g.has_edge(s, current, key=pred)
                )
                if sources:
                    nxt = sources[0]
                    break
        if nxt is None:
            break
        chain.append(nxt)
        seen.add(nxt)
        current = nxt
    return chain


def importance(g: nx.MultiDiGraph, classes: Mapping[str, str], focus: str | None = None) -> list[str]:
    """The nodes, most important to the question first: the focus, then by distance from it, then by class
    (inspections, decisions and people first; documents, organisations and agenda items last: the classes' ``tier``),
    then those of the councils with most inspections, decisions and people (fuller clusters rather than many thin
    ones), graded before not, more links before fewer, recent before old, and by name."""
    distance: dict[str, int] = {}
    if focus is not None and focus in g:
        distance = nx.single_source_shortest_path_length(undirected(g), focus)
    far = len(g) + 1
    weight: dict[str, int] = defaultdict(int)
    for n, data in g.nodes(data=True):
        if CLASS_BY_NAME.get(classes.get(n, "Other"), CLASS_BY_NAME["Other"]).tier <= 1 and data.get("council"):
            weight[data["council"]] += 1

    def key(n: str):
        data = g.nodes[n]
        cls = CLASS_BY_NAME.get(classes.get(n, "Other"), CLASS_BY_NAME["Other"])
        graded = 0 if data.get("grade") not in (None, "unknown", "not-graded") else 1
        when = str(data.get("date") or "")
        recency = -int((when[:4] or "0") + (when[5:7] or "00")) if when[:4].isdigit() else 0
        return (n != focus, distance.get(n, far) if distance else 0, cls.tier, -weight.get(data.get("council"), 0),
                graded, -g.degree(n), recency, str(data.get("name") or n), n)  # fmt: skip

    return sorted(g, key=key)


def prune(g: nx.MultiDiGraph, limit: int, classes: Mapping[str, str], *, focus: str | None = None) -> list[str]:
    """The ``limit`` nodes to keep, in order of :func:`importance`; each comes with its anchors
    (:func:`anchor_chain`) or not at all, so a decision kept keeps its meeting and an inspection its council (only
    the focus is kept even when its anchors do not fit)."""
    kept: dict[str, None] = {}
    for n in importance(g, classes, focus):
        if len(kept) >= limit:
            break
        if n in kept:
            continue
        chain = [n, *(a for a in anchor_chain(g, n, classes) if a not in kept)]
        room = limit - len(kept)
        if len(chain) > room and n != focus:
            continue  # a smaller entity further down may still fit
        for m in chain[:room]:
            kept[m] = None
    return list(kept)


# ---------------------------------------------------------------------------------------------- layouts


def undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected graph of ``g``, built in a fixed order (networkx's undirected *view* of a directed graph
    walks neighbours in set order, which changes from run to run)."""
    und = nx.Graph()
    und.add_nodes_from(g)
    und.add_edges_from(sorted({(u, v) if u <= v else (v, u) for u, v in g.edges()}))
    return und


def _undirected(g: nx.Graph) -> nx.Graph:
    return undirected(g) if g.is_directed() or g.is_multigraph() else g


def _rings(und: nx.Graph, nodes: list[str], root: str, spacing: float, gap: float) -> tuple[dict, float]:
    """One connected set as rings around ``root`` (breadth-first, children next to their parent): positions around
    (0, 0) and the radius."""
    angle = {root: 0.0}
    pos = {root: (0.0, 0.0)}
    ring, radius, seen = [root], 0.0, {root}
    members = set(nodes)
    while ring:
        nxt = []
        for parent in ring:
            for child in sorted(und.neighbors(parent)):
                if child not in seen and child in members:
                    seen.add(child)
                    nxt.append((angle[parent], child))
        if not nxt:
            break
        nxt.sort(key=lambda t: t[0])
        radius = max(radius + spacing, len(nxt) * gap / (2 * math.pi))
        for i, (_, child) in enumerate(nxt):
            a = 2 * math.pi * i / len(nxt) + (math.pi / len(nxt) if len(nxt) % 2 == 0 else 0)
            angle[child] = a
            pos[child] = (radius * math.cos(a), radius * math.sin(a))
        ring = [c for _, c in nxt]
    return pos, radius


def _pack(boxes: list[tuple[dict, float, float]], aspect: float, margin: float) -> dict:
    """Shelf packing in the order given: rows about ``aspect`` times as wide as the whole is tall. Each box is
    (positions around its centre, half width, half height)."""
    area = sum((2 * w + margin) * (2 * h + margin) for _, w, h in boxes)
    width = max(math.sqrt(area * aspect), max((2 * w + margin for _, w, _h in boxes), default=0))
    out: dict = {}
    x = y = row_height = 0.0
    for pos, w, h in boxes:
        bw, bh = 2 * w + margin, 2 * h + margin
        if x > 0 and x + bw > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(x + bw / 2 + px), round(y + bh / 2 + py))
        x += bw
        row_height = max(row_height, bh)
    return out


def radial_layout(g: nx.Graph, spacing: float = 140.0, gap: float = 46.0) -> dict:
    """A cheap deterministic layout: each connected component as rings around its best-connected node (breadth-first,
    children next to their parent), components packed in rows, largest first. O(n log n)."""
    und = _undirected(g)
    components = sorted((sorted(c) for c in nx.connected_components(und)), key=lambda c: (-len(c), c[0]))
    boxes = []
    for comp in components:
        root = min(comp, key=lambda n: (-und.degree(n), n))
        pos, radius = _rings(und, comp, root, spacing, gap)
        boxes.append((pos, radius + gap / 2, radius + gap / 2))
    return _pack(boxes, aspect=1.0, margin=0)


def clusters(g: nx.Graph) -> dict[str, list[str]]:
    """The nodes by council (node attribute ``council``; a council is its own), in the order the page lays them
    out: things shared by several councils first (key ``""``), then the councils by name. A node with no council
    of its own joins its neighbours' council when they all have the same one."""
    und = _undirected(g)
    home: dict[str, str] = {}
    for n, data in g.nodes(data=True):
        if data.get("cls") == "Council":
            home[n] = n
        elif data.get("council"):
            home[n] = data["council"]
    for n in g:
        if n not in home:
            around = {home.get(m) for m in und.neighbors(n)} - {None}
            home[n] = around.pop() if len(around) == 1 else ""  # type: ignore[assignment]
    groups: dict[str, list[str]] = defaultdict(list)
    for n in g:
        groups[home[n]].append(n)

    def name(key: str) -> str:
        data = g.nodes[key] if key in g else {}
        return str(data.get("short") or data.get("name") or key.rsplit("/", 1)[-1])

    return {key: sorted(groups[key]) for key in sorted(groups, key=lambda k: (k != "", name(k).casefold(), k))}


def title_lines(name: str, width: int = 14) -> str:
    """A cluster's title (a council's short name) on lines of about ``width`` characters."""
    import textwrap

    return "\n".join(textwrap.wrap(name, width, break_long_words=False)) or name


CANVAS = (800.0, 560.0)  # the drawing area of a page 1,024 px wide (less the legend) and 768 px high (less the header)
ROW = 80.0  # canvas px between rows of a card
TITLE_STAR = 16  # the size of a council's star under its name in a card
TITLE_LINE = 1.3  # the height of a line of a title, in font sizes (vis-network draws lines a little apart)
#: The largest font of a council's title (canvas px): large enough that a grid of 40 or so cards, drawn small to fit the
#: page, still shows each name at 11 px or more; a long name is held to its cell's width below this.
TITLE_MAX = 120


def _card(und: nx.Graph, members: list[str], root: str | None, labels: Mapping[str, str], fonts: Mapping[str, int]):
    """A cluster as a card: its council on top, then what links to the council row by row in breadth-first order
    (an inspection, a meeting; then a meeting's decisions; then their follow-ups), wrapped at a few per row, each
    column wide enough for the labels. Returns the members' order by row, the column width and the columns."""
    sub = und.subgraph(members)
    others = [m for m in members if m != root]
    if not others:
        return [], 0.0, 1
    depth: dict[str, int] = {}
    order: list[str] = []
    if root is not None:
        depth[root] = 0
        frontier = [root]
        while frontier:
            nxt = []
            for parent in frontier:
                for child in sorted(sub.neighbors(parent)):
                    if child not in depth:
                        depth[child] = depth[parent] + 1
                        nxt.append(child)
            order += nxt
            frontier = nxt
    rest = sorted(m for m in others if m not in depth)
    for m in rest:
        depth[m] = max(depth.values(), default=0) + 1
    order += rest
    col = min(420.0, max(120.0, max(label_px(labels.get(m, ""), fonts.get(m, 14)) for m in others) + 28))
    cols = max(3, math.ceil(math.sqrt(len(others) * 1.5)))
    rows: list[list[str]] = []
    for level in sorted({depth[m] for m in order}):
        same = [m for m in order if depth[m] == level]
        rows += [same[i : i + cols] for i in range(0, len(same), cols)]
    return rows, col, cols


def clustered_layout(g: nx.Graph, labels: Mapping[str, str] | None = None, fonts: Mapping[str, int] | None = None):
    """Each council's entities as a card (:func:`_card`) under the council's name, the cards in a grid in
    alphabetical order of council, things shared by several councils (Ofsted, practice models) first. The grid's
    columns are chosen so that the whole is as large as it can be on a 1,024 × 768 page (:data:`CANVAS`), and each
    council's name is drawn as large as its cell allows (``labels``, ``fonts``: what the page draws).

    Returns the positions, and for each council its title's font size (canvas px)."""
    und = _undirected(g)
    labels = labels or {n: str(d.get("label") or d.get("name") or n) for n, d in g.nodes(data=True)}
    fonts = fonts or {}
    cards = []
    for key, members in clusters(g).items():
        root = key if key in g else None
        rows, col, cols = _card(und, members, root, labels, fonts)
        cards.append((root, rows, col, cols))
    cell = max((col * min(cols, max((len(r) for r in rows), default=1)) for _, rows, col, cols in cards), default=200.0)
    cell = max(cell, 260.0) + 60
    titles: dict[str, int] = {}
    boxes = []
    for root, rows, col, _cols in cards:
        pos: dict = {}
        y = 0.0
        if root is not None:  # the council's name above its star (the page lifts the label), members below
            lines = labels.get(root, "").split("\n")
            longest = max((len(line) for line in lines), default=1)
            font = int(max(14, min(TITLE_MAX, (cell - 40) / (0.58 * max(longest, 1)))))
            titles[root] = font
            y = len(lines) * font * TITLE_LINE + 2 * TITLE_STAR + 16
            pos[root] = (0.0, y)
            y += 60
        for row in rows:
            for i, m in enumerate(row):
                pos[m] = ((i - (len(row) - 1) / 2) * col, y)
            y += ROW
        boxes.append((pos, y + 20))
    # the number of columns that draws the grid largest on the canvas
    best = (0.0, 1)
    for cols in range(1, len(boxes) + 1):
        height = sum(max(h for _, h in boxes[i : i + cols]) for i in range(0, len(boxes), cols))
        scale = min(CANVAS[0] / (cols * cell), CANVAS[1] / max(height, 1.0))
        if scale > best[0]:
            best = (scale, cols)
    cols = best[1]
    out: dict = {}
    top = 0.0
    for i in range(0, len(boxes), cols):
        row = boxes[i : i + cols]
        for j, (pos, _h) in enumerate(row):
            for n, (px, py) in pos.items():
                out[n] = (round(j * cell + cell / 2 + px), round(top + 30 + py))
        top += max(h for _, h in row) + 30
    return out, titles


def chain_layout(nodes: Iterable[str], labels: Mapping[str, str], edge_labels: Iterable[str] = ()) -> dict:
    """A path drawn left to right on one line: each node far enough from the next for both labels and the
    relation's label between them."""
    order = list(nodes)
    between = list(edge_labels)
    pos: dict = {}
    x = 0.0
    for i, n in enumerate(order):
        if i:
            prev = order[i - 1]
            rel = label_px(between[i - 1], 11) if i - 1 < len(between) else 0
            x += max(170.0, (label_px(labels.get(prev, "")) + label_px(labels.get(n, ""))) / 2 + 40, rel + 70)
        pos[n] = (round(x), 0)
    return pos
