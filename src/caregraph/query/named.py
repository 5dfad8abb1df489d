"""Named queries: the ``.rq`` files of ``queries/``, described by their header comments in the spirit of grlc's
decorators, and how a query source (a name, a file or inline text) becomes query text::

    #+ summary: Inspections and visits, one row per inspection per source document
    #+ description: Longer text…
    #+ param: council | council | optional | The council: a name, a code, a slug or an IRI
    #+ param: since | date | optional | Only inspections starting on or after this date
    #+ param: today | date | optional=today | Compare due dates with this day (default: the current date)
    #+ example: caregraph query inspections --param council="Surrey County Council"

>>> named_query("inspection-timeline").parameters[0].type
'council'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from caregraph.errors import QueryError, UnknownQuery
from caregraph.query.params import PARAM_TYPES
from caregraph.resources import queries_dir


@dataclass(frozen=True)
class Parameter:
    """A declared parameter of a named query: its name, type (one of ``PARAM_TYPES``) and default."""

    name: str
    type: str
    required: bool
    description: str
    default: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``queries/``, with what its header says about it."""

    name: str
    path: Path
    text: str
    summary: str
    description: str = ""
    parameters: tuple[Parameter, ...] = ()
    examples: tuple[str, ...] = ()


_HEADER = re.compile(r"^#\+\s*(?P<key>[\w-]+)\s*:\s*(?P<value>.*)$")


def _parameter(value: str, path: Path, number: int) -> Parameter:
    parts = [p.strip() for p in value.split("|")]
    if len(parts) < 3 or parts[1] not in PARAM_TYPES or not re.fullmatch(r"[A-Za-z_]\w*", parts[0]):
        raise QueryError(
            f"{path}:{number}: bad '#+ param:' line {value!r}; expected 'name | type | required|optional[=default] | description' "
            f"with type one of {', '.join(PARAM_TYPES)}"
        )
    req, _, default = parts[2].partition("=")
    description = parts[3] if len(parts) > 3 else ""
    return Parameter(parts[0], parts[1], req.strip() == "required", description, default.strip() or None)


def parse_header(name: str, path: Path, text: str) -> NamedQuery:
    """A named query from its ``#+ key: value`` header lines (summary, description, param, example)."""
    summary, description, params, examples = "", [], [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line.strip())
        if not m:
            continue
        key, value = m.group("key").lower(), m.group("value").strip()
        if key == "summary":
            summary = value
        elif key == "description":
            description.append(value)
        elif key == "example":
            examples.append(value)
        elif key == "param":
            params.append(_parameter(value, path, number))
    return NamedQuery(name, path, text, summary or name, " ".join(description), tuple(params), tuple(examples))


def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped in ``queries/``, by name."""
    folder = queries_dir()
    return {
        p.stem: parse_header(p.stem, p, p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("*.rq"), key=lambda p: p.stem)
    }


def named_query(name: str) -> NamedQuery:
    """One named query; an :class:`UnknownQuery` listing the close matches when there is none by that name."""
    queries = named_queries()
    if name in queries:
        return queries[name]
    import difflib

    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; named queries: {', '.join(queries)}"
    raise UnknownQuery(f"unknown query {name!r}{hint} (run 'caregraph queries' to list them)")


def resolve(source: str, *, inline: bool = False, label: str | None = None) -> tuple[str, NamedQuery | None, str]:
    """Query text for a named query, a file, or inline text; returns (text, named query or None, label).

    With ``inline=True`` the source is the SPARQL text itself (``-e`` or stdin), whatever it looks like.
    """
    if inline:
        return source, None, label or "<query>"
    queries = named_queries()
    if source in queries:
        q = queries[source]
        return q.text, q, q.path.name
    path = Path(source)
    if source.endswith((".rq", ".sparql", ".ru")) or (len(source) < 300 and "\n" not in source and path.is_file()):
        if not path.is_file():
            raise UnknownQuery(f"no query file {source}")
        try:
            return path.read_text(encoding="utf-8"), None, label or str(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{source}: cannot read the query file ({exc})") from None
    if "{" in source or re.search(r"(?i)\b(drop|clear|create|load)\b", source):
        return source, None, label or "<query>"
    named_query(source)  # raises UnknownQuery with the close matches
    raise AssertionError("unreachable")
