"""The shapes of a page as SVG: the legend's symbols, and the nodes whose shape vis-network does not draw itself (a
follow-up's flag, a post's badge, an organisation's pentagon, a practice model's cross, a document's page, a ring for
anything else), which the page draws as ``data:`` images (its Content-Security-Policy allows ``img-src data:``).

>>> svg("hexagon", "#d73027").startswith("<svg")
True
>>> data_uri("page", "#d8a24a").startswith("data:image/svg+xml,")
True
"""

from __future__ import annotations

import math
from functools import cache
from urllib.parse import quote

SIZE = 40  # the viewBox is SIZE × SIZE; the shape fills it, less the outline


def _polygon(points: list[tuple[float, float]]) -> str:
    return "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in points) + " Z"


def _regular(n: int, r: float, start: float = -90.0, c: float = SIZE / 2) -> list[tuple[float, float]]:
    return [
        (c + r * math.cos(math.radians(start + 360 * i / n)), c + r * math.sin(math.radians(start + 360 * i / n)))
        for i in range(n)
    ]


def _star(r_out: float, r_in: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(-90 + 36 * i)
        points.append((SIZE / 2 + r * math.cos(a), SIZE / 2 + r * math.sin(a)))
    return points


_PATHS = {
    "star": _polygon(_star(19, 8)),
    "square": "M4,4 H36 V36 H4 Z",
    "triangle": _polygon([(20, 3), (37, 35), (3, 35)]),
    "triangleDown": _polygon([(3, 5), (37, 5), (20, 37)]),
    "hexagon": _polygon(_regular(6, 18, start=0)),
    "diamond": _polygon([(20, 2), (38, 20), (20, 38), (2, 20)]),
    "dot": "M20,3 A17,17 0 1,1 19.99,3 Z",
    "flag": "M7,3 V37 M7,4 H34 L27,13 L34,22 H7",  # a pennant on a pole: something due
    "badge": "M6,8 Q6,4 10,4 H30 Q34,4 34,8 V32 Q34,36 30,36 H10 Q6,36 6,32 Z M12,14 H28 M12,22 H28",
    "pentagon": _polygon(_regular(5, 18)),
    "cross": "M14,3 H26 V14 H37 V26 H26 V37 H14 V26 H3 V14 H14 Z",
    "page": "M7,3 H25 L33,11 V37 H7 Z M25,3 V11 H33",
    "ring": "M20,5 A15,15 0 1,1 19.99,5 Z M20,12 A8,8 0 1,0 20.01,12 Z",
}
SHAPES = tuple(_PATHS)


def _darker(colour: str, factor: float = 0.6) -> str:
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return "#{:02x}{:02x}{:02x}".format(*(round(c * factor) for c in (r, g, b)))


@cache
def svg(shape: str, fill: str, border: str | None = None) -> str:
    """The shape as a small SVG image, filled with ``fill`` and outlined (by default a darker ``fill``)."""
    path = _PATHS.get(shape)
    if path is None:
        raise ValueError(f"unknown shape {shape!r}; choose from {', '.join(SHAPES)}")
    stroke = border or _darker(fill)
    rule = ' fill-rule="evenodd"' if shape == "ring" else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}">'
        f'<path d="{path}" fill="{fill}" stroke="{stroke}" stroke-width="2.2" stroke-linejoin="round"{rule}/></svg>'
    )


def data_uri(shape: str, fill: str, border: str | None = None) -> str:
    """:func:`svg` as a ``data:`` URI (an ``<img src>`` or a vis-network image node)."""
    return "data:image/svg+xml," + quote(svg(shape, fill, border), safe="")
