"""Prefixed names and IRIs: the prefixes every query may use without declaring them, and the two directions between
a name a person types (``cgd:council/surrey``) and the IRI it stands for.

>>> from caregraph.namespaces import CGD
>>> expand("cgd:council/surrey") == CGD + "council/surrey"
True
>>> shorten(CGD + "council/surrey")
'cgd:council/surrey'
"""

from __future__ import annotations

import re
from functools import cache

_IRI = re.compile(r"[a-zA-Z][\w+.-]*:[^\s<>\"{}|^`\\]*")


@cache
def prefixes() -> dict[str, str]:
    """The prefixes every query may use without declaring them (``caregraph prefixes`` lists them)."""
    from caregraph.namespaces import PREFIXES

    return dict(PREFIXES)


def expand(name: str) -> str | None:
    """The IRI of ``<iri>``, an absolute ``http(s)``/``urn`` IRI or a prefixed name such as ``cgd:council/surrey``
    (the local part may hold ``/``); ``None`` when ``name`` is none of these.

    >>> expand("<http://example.org/a>")
    'http://example.org/a'
    >>> expand("Dave Hill") is None
    True
    """
    name = name.strip()
    if name.startswith("<") and name.endswith(">"):
        name = name[1:-1]
    else:
        prefix, sep, local = name.partition(":")
        if sep and prefix in prefixes() and not local.startswith("//"):
            name = prefixes()[prefix] + local
        elif not re.match(r"(?i)^(https?://|urn:)", name):
            return None
    if not _IRI.fullmatch(name):
        return None
    return name


def shorten(value: str) -> str:
    """An IRI written with the longest predeclared prefix that fits, else unchanged (the inverse of :func:`expand`).

    >>> shorten("http://xmlns.com/foaf/0.1/name")
    'foaf:name'
    """
    best, name = "", ""
    for prefix, ns in prefixes().items():
        if value.startswith(ns) and len(ns) > len(best):
            best, name = ns, prefix
    return f"{name}:{value[len(best) :]}" if best else value
