"""What a query would do, read from its text before it runs: its form (SELECT, ASK, CONSTRUCT, DESCRIBE or an
update), and whether it may run here (updates only with ``allow_update``; ``SERVICE`` and ``LOAD`` only with
``allow_service``, since a ``SERVICE`` clause queries another server and ``LOAD`` fetches a document from one, or
reads a file).

Keywords are looked for in the query's syntax only: comments, strings and IRIs are blanked out first, so a council
called "Drop Lane" or a comment saying ``# INSERT`` changes nothing.

>>> query_form("PREFIX x: <http://x/> SELECT * WHERE { ?s ?p 'DROP ALL' }")
'select'
>>> is_update("# no SELECT here\\nINSERT DATA { <http://x/a> <http://x/b> 1 }")
True
"""

from __future__ import annotations

import re

from caregraph.errors import QueryRefused

_STRIP = re.compile(
    r"""#[^\n]*|'''.*?'''|\"\"\".*?\"\"\"|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>""", re.S
)
_UPDATE = re.compile(r"(?i)(?:^|[;}\s])(INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|ADD|MOVE|COPY|WITH)\b")
_SERVICE = re.compile(r"(?i)\bSERVICE\b")
_LOAD = re.compile(r"(?i)(?:^|[;}\s])LOAD\b")
_FORM = re.compile(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b")


def code_only(text: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length, same lines), so keyword checks see only
    syntax.

    >>> code_only('SELECT "x" # note') == "SELECT" + " " * 11
    True
    """
    return _STRIP.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def query_form(text: str) -> str:
    """``select``, ``ask``, ``construct``, ``describe`` or ``update``."""
    if is_update(text):
        return "update"
    form = _FORM.search(code_only(text))
    return form.group(1).lower() if form else "select"


def is_update(text: str) -> bool:
    """Whether the text is a SPARQL Update: an update keyword comes before any query form."""
    code = code_only(text)
    form = _FORM.search(code)
    update = _UPDATE.search(code)
    return update is not None and (form is None or update.start() < form.start())


def check_safety(text: str, *, allow_update: bool, allow_service: bool) -> None:
    """Refuse SPARQL Update unless ``allow_update``, and ``SERVICE`` and ``LOAD`` unless ``allow_service``
    (:class:`~caregraph.errors.QueryRefused`).

    >>> check_safety("LOAD <http://example.org/data.ttl>", allow_update=True, allow_service=False)
    Traceback (most recent call last):
    ...
    caregraph.errors.QueryRefused: the update uses LOAD, which fetches a document from another server (or reads a file); pass --allow-service to allow it
    """
    update = is_update(text)
    if update and not allow_update:
        raise QueryRefused(
            "this is a SPARQL Update (it would change the store); caregraph queries are read-only unless you pass --update"
        )
    if update and _LOAD.search(code_only(text)) and not allow_service:
        raise QueryRefused(
            "the update uses LOAD, which fetches a document from another server (or reads a file); pass --allow-service to allow it"
        )
    if _SERVICE.search(code_only(text)) and not allow_service:
        raise QueryRefused(
            "the query uses SERVICE, which reaches other servers over the network; pass --allow-service to allow it"
        )
