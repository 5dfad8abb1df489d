"""The options several commands share, each defined once, and the closed sets of values (formats) they take.

A short flag means one thing in every command: ``-s`` the store, ``-g`` a graph, ``-f`` the format, ``-o`` the
file written, ``-q`` quiet, ``-e`` SPARQL text (an expression), ``-p`` a query parameter, ``-n`` how many at most
(rows, facts, entities), ``-c`` a council, ``-t``/``-x`` a class kept/left out, ``-d`` a depth, ``-m`` a manifest,
``-j`` worker processes, ``-h`` help, ``-V`` the version (``tests/test_cli.py`` checks no flag has two meanings).

A format is a ``str`` enum: Typer lists its values for tab completion, the command receives a member (which is also
the plain string the library expects), and a value outside the set is a usage error naming the choices
("'yaml' is not an export format; choose one of turtle, …"). Every option has a plain metavar (PATH, TEXT, FORMAT,
IRI, N, SECONDS), never a Python type.
"""

# No "from __future__ import annotations": Typer reads these annotations at run time.
import enum
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

STORE_ENV = "CAREGRAPH_STORE"  # caregraph.store.STORE_ENV, without importing the store for --help


class QueryFormat(enum.StrEnum):
    """What ``caregraph query`` writes: a table or a W3C results format for SELECT and ASK, an RDF format for
    CONSTRUCT and DESCRIBE (``xml`` is SPARQL results XML for the first, RDF/XML for the second)."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    xml = "xml"
    markdown = "markdown"
    jsonl = "jsonl"
    turtle = "turtle"
    ntriples = "ntriples"
    nquads = "nquads"
    trig = "trig"
    jsonld = "jsonld"


class ExplainFormat(enum.StrEnum):
    text = "text"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    xml = "xml"


class ListFormat(enum.StrEnum):
    """``caregraph queries`` and ``caregraph stats``: a table for people, JSON for programs."""

    table = "table"
    json = "json"


class ReportFormat(enum.StrEnum):
    text = "text"
    turtle = "turtle"


class RdfFormat(enum.StrEnum):
    """``caregraph export``: the formats of :data:`caregraph.interop.export.FORMATS`."""

    turtle = "turtle"
    ntriples = "ntriples"
    nquads = "nquads"
    trig = "trig"
    jsonld = "jsonld"
    xml = "xml"


class Provenance(enum.StrEnum):
    """``export``/``push --provenance``: the modes of :data:`caregraph.interop.provenance.MODES`."""

    rdf11 = "rdf11"
    rdf12 = "rdf12"
    none = "none"


class GraphFormat(enum.StrEnum):
    """``caregraph export-graph``: the formats of :data:`caregraph.explore.network.EXPORT_FORMATS`."""

    graphml = "graphml"
    gexf = "gexf"


def choices(kind: type[enum.StrEnum]) -> str:
    """The values of ``kind`` for a message: "a or b", or "one of a, b, c"."""
    values = [m.value for m in kind]
    return " or ".join(values) if len(values) == 2 else "one of " + ", ".join(values)


def _parser(kind: type[enum.StrEnum], noun: str) -> Callable[[Any], enum.StrEnum]:
    def parse(value: Any) -> enum.StrEnum:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not {noun}; choose {choices(kind)}") from None

    return parse


def _completer(kind: type[enum.StrEnum]) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        return [m.value for m in kind if m.value.startswith(incomplete)]

    return complete


def format_option(kind: type[enum.StrEnum], noun: str, help: str, *, show_default: bool = True) -> Any:
    """``--format``/``-f`` taking one of ``kind``'s values (completed on Tab); another value is a usage error that
    calls it not ``noun`` and lists the choices."""
    return typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        parser=_parser(kind, noun),
        autocompletion=_completer(kind),
        help=help,
        show_default=show_default,
        show_envvar=False,  # else Typer 0.16-0.2x name a non-existent "env var: 'None'" in the error message
    )


# ---------------------------------------------------------------------------------------------- shared options

StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store",
        "-s",
        envvar=STORE_ENV,
        metavar="PATH",
        help="The store folder. Default: ./caregraph-store.",
        show_default=False,
    ),
]
GraphsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--graph",
        "-g",
        metavar="IRI",
        help="Only this named graph (repeatable); by default, all of them.",
        show_default=False,
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
LimitOption = Annotated[
    int | None,
    typer.Option("--limit", "-n", metavar="N", min=1, help="Show the first N rows only.", show_default=False),
]
NoPager = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help="On a terminal, print everything instead of opening a pager ($CAREGRAPH_PAGER, $PAGER, less).",
    ),
]

ProvenanceOption = Annotated[
    Provenance | None,
    typer.Option(
        "--provenance",
        metavar="FORM",
        parser=_parser(Provenance, "a provenance form"),
        autocompletion=_completer(Provenance),
        help="How each fact's source is written: rdf11 (classic reification, the default: every RDF 1.1 tool reads it), rdf12 (as stored: triple terms, for Oxigraph or Jena 5) or none (the facts only).",
        show_default=False,
        show_envvar=False,
    ),
]

# Selecting part of the entity graph (viz, export-graph).
CouncilSelect = Annotated[
    str | None,
    typer.Option(
        "--council",
        "-c",
        metavar="TEXT",
        help="Only entities of this council's documents (a name, code or slug).",
        show_default=False,
    ),
]
TypeSelect = Annotated[
    list[str] | None,
    typer.Option(
        "--type",
        "-t",
        metavar="CLASS",
        help="Only entities of this class (repeatable): Council, Committee, Meeting, AgendaItem, Person, Post, Inspection, Decision, FollowUp, Organisation, PracticeModel, Document.",
        show_default=False,
    ),
]
ExcludeSelect = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude-type",
        "-x",
        metavar="CLASS",
        help="Leave out entities of this class (repeatable).",
        show_default=False,
    ),
]
SinceSelect = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="Leave out dated entities (inspections, meetings, decisions, follow-ups) before this date: YYYY-MM-DD, YYYY-MM or YYYY.",
        show_default=False,
    ),
]
UntilSelect = Annotated[
    str | None,
    typer.Option("--until", metavar="DATE", help="Leave out dated entities after this date.", show_default=False),
]
DocumentsSelect = Annotated[
    bool, typer.Option("--documents", help="Include the source documents, linked to the entities they mention.")
]
