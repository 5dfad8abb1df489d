"""The ``caregraph`` command: a thin layer over the library. Each command parses its options, calls one or two
library functions and prints. Data goes to stdout, messages to stderr.

Exit codes: 0 success; 1 ran and found a problem (a build with failed documents, ASK false, a graph that does not
conform); 2 could not run (bad arguments, unreadable store, query syntax error); 3 a query timed out.
"""

# No "from __future__ import annotations" here: Typer reads every command's annotations on every run, and string
# annotations cost it an eval each (~10 ms of every command).
import os
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from caregraph import __version__

app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

# ---------------------------------------------------------------------------------------------- shared options

StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store", "-s", help="The store folder. Default: $CAREGRAPH_STORE, else ./caregraph-store.", show_default=False
    ),
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="table, csv, tsv, json, xml (SELECT/ASK); turtle, ntriples, nquads, trig, jsonld, xml (CONSTRUCT/DESCRIBE). Default: table on a terminal, csv when piped; turtle for graphs.",
        show_default=False,
    ),
]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Text with control characters and bidi overrides removed, for the terminal."""
    return _CONTROL.sub("", text)


def _err_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    from rich.markup import escape

    _err_console().print(
        f"[bold red]Error:[/] {escape(safe(message))}", markup=True, highlight=False
    )  # the message is text, not markup
    return typer.Exit(code)


def note(message: str) -> None:
    _err_console().print(safe(message), markup=False)


def _run(fn):
    """Call ``fn``; turn caregraph errors into ``Error: …`` and their exit code. No traceback reaches the user."""
    from caregraph.errors import CaregraphError, QueryTimeout

    try:
        return fn()
    except typer.Exit:
        raise
    except QueryTimeout as exc:
        raise fail(str(exc), 3) from None
    except CaregraphError as exc:
        raise fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        raise fail("interrupted", 130) from None
    except OSError as exc:
        raise fail(f"{exc.filename or ''}{': ' if exc.filename else ''}{exc.strerror or exc}") from None
    except Exception as exc:  # a bug: say so in one line, never a traceback
        raise fail(f"internal error ({type(exc).__name__}: {exc}); please report it") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"caregraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """caregraph: council papers about Ofsted inspections of children's services, as a knowledge graph.

    Build a graph from documents, ask it questions in SPARQL, draw it, export it.

    [b]Example[/b]: caregraph build data/ && caregraph query inspections
    """


# ---------------------------------------------------------------------------------------------- build


@app.command()
def build(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files and folders to read (folders recursively). .txt, .html/.htm and .pdf.", show_default=False
        ),
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option("--manifest", "-m", help="A CSV with columns file,url[,council,published]; paths relative to it."),
    ] = None,
    store: StoreOption = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start from an empty store.")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse documents larger than this many bytes.")] = 50
    * 1024
    * 1024,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary table.")] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes extracting documents in parallel. Default: one per CPU.",
            show_default=False,
        ),
    ] = None,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="Write new documents with the bulk loader: faster first builds of big corpora, but a killed build may leave documents part-written until the next build replaces them.",
        ),
    ] = False,
) -> None:
    """Build documents into the store: one named graph per document.

    Unchanged documents are skipped; changed ones replace their graph. A folder that holds a manifest.csv takes
    URLs from it. A document that cannot be read is reported and the build goes on (exit code 1).

    [b]Example[/b]: caregraph build data/ --store my-store
    """
    from caregraph.pipeline.build import build as run_build
    from caregraph.pipeline.load import iter_sources
    from caregraph.store import open_store

    if not paths and manifest is None:
        raise typer.BadParameter("give at least one file or folder, or --manifest FILE.csv", param_hint="PATHS")

    def work():
        sources = list(iter_sources(paths or [], manifest))
        with open_store(store, on_wait=note) as st:
            with _progress(len(sources), quiet) as progress:
                summary = run_build(
                    st,
                    paths or [],
                    manifest=manifest,
                    rebuild=rebuild,
                    max_bytes=max_bytes,
                    progress=progress,
                    sources=sources,
                    jobs=jobs,
                    bulk=bulk,
                )
            counts = _class_counts(st) if not quiet else {}
        return summary, counts

    summary, counts = _run(work)
    for failure in summary.failures:
        note(f"Error: {failure}")
    if not quiet:
        _print_build_summary(summary, counts)
    if summary.failures:
        raise typer.Exit(1)


class _progress:
    """A progress bar on stderr while building more than a handful of files on a terminal."""

    def __init__(self, total: int, quiet: bool):
        self.total = total
        self.enabled = not quiet and total > 5 and sys.stderr.isatty()
        self.bar = None

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[name]}", markup=False),
            console=_err_console(),
            transient=True,
        )
        self.bar.start()
        task = self.bar.add_task("build", total=self.total, name="")

        def advance(item, status: str) -> None:
            name = getattr(item, "name", getattr(item, "path", ""))
            self.bar.update(task, advance=1, name=safe(str(name))[-50:])  # type: ignore[union-attr]

        return advance

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _class_counts(st) -> dict[str, int]:
    from caregraph.explore.stats import entity_counts

    return entity_counts(st)


def _print_build_summary(summary, counts: dict[str, int]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="caregraph build", show_header=False, box=None, padding=(0, 2))
    table.add_row("documents read", str(summary.read))
    table.add_row("unchanged", str(summary.unchanged))
    table.add_row("failed", str(summary.failed))
    table.add_row("quads in store", f"{summary.quads:,}")
    for cls, n in counts.items():
        table.add_row(f"  {cls}", str(n))
    table.add_row("seconds", f"{summary.seconds:.2f}")
    Console(highlight=False).print(table)


# ---------------------------------------------------------------------------------------------- query


@app.command()
def query(
    name: Annotated[
        str | None,
        typer.Argument(
            help="A named query (see 'caregraph queries'), a .rq file, or '-' for stdin.", show_default=False
        ),
    ] = None,
    text: Annotated[str | None, typer.Option("--query", "-e", help="The SPARQL text itself.")] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE, bound as an RDF term; repeatable.")
    ] = None,
    store: StoreOption = None,
    fmt: FormatOption = None,
    graph: Annotated[
        str | None,
        typer.Option("--graph", "-g", help="Query this named graph only (default: the union of all graphs)."),
    ] = None,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Stop the query after this many seconds.")] = None,
    update: Annotated[
        bool, typer.Option("--update", help="Allow SPARQL Update (INSERT, DELETE, DROP, …), which changes the store.")
    ] = False,
    allow_service: Annotated[
        bool, typer.Option("--allow-service", help="Allow SERVICE clauses, which reach other servers.")
    ] = False,
    endpoint: Annotated[
        str | None,
        typer.Option("--endpoint", help="Send the query to this SPARQL 1.1 endpoint instead of the store."),
    ] = None,
    auth_env: Annotated[
        str, typer.Option("--auth-env", help="Environment variable holding USER:PASSWORD for --endpoint.")
    ] = "CAREGRAPH_AUTH",
) -> None:
    """Run SPARQL over the store: a named query, a file, inline text (-e) or stdin (-).

    The prefixes of the ontology and standard vocabularies are predeclared ('caregraph prefixes').
    The default graph is the union of every graph. Read-only unless --update; SERVICE needs --allow-service.
    Parameters are bound as RDF terms, never pasted into the query. Exit codes: 0 ok, 1 ASK false, 2 error, 3 timeout.

    [b]Examples[/b]:
      caregraph query inspections --param council="Surrey County Council" --param since=2019-01-01
      caregraph query -e 'SELECT ?i WHERE { ?i a cg:Inspection }' --format json
      caregraph query - --timeout 10 < my-query.rq
      caregraph query inspection-timeline --endpoint http://localhost:7878/query
    """
    from caregraph import query as q

    if text is None and name is None:
        raise typer.BadParameter("give a query name, a file, '-' for stdin, or --query TEXT", param_hint="NAME")
    if text is not None and name is not None:
        raise typer.BadParameter("give either a query name/file or --query TEXT, not both", param_hint="--query")
    inline = text is not None or name == "-"
    label = "<query>" if text is not None else "<stdin>" if name == "-" else None
    source = text if text is not None else (_run(sys.stdin.read) if name == "-" else name)
    params = _parse_params(param or [])
    if timeout is not None and timeout <= 0:
        raise typer.BadParameter("must be a number of seconds above 0", param_hint="--timeout")
    options = dict(
        inline=inline, label=label, graph=graph, timeout=timeout, allow_update=update, allow_service=allow_service
    )

    def work():
        if endpoint:
            from caregraph.query.remote import query_endpoint

            return query_endpoint(endpoint, source, params, auth_env=auth_env, **options)
        from caregraph.store import open_store

        writable = update and q.is_update(q.resolve(source, inline=inline)[0])
        with open_store(store, read_only=not writable, on_wait=note) as st:
            return q.run_query(st, source, params, **options)

    result = _run(work)
    _run(lambda: _print_result(result, fmt))
    if result.kind == "ask" and not result.boolean:
        raise typer.Exit(1)


def _parse_params(items: list[str]) -> dict[str, str]:
    params = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        params[key.strip()] = value
    return params


def _print_result(result, fmt: str | None) -> None:
    from caregraph import query as q

    if result.kind == "update":
        note("update applied")
        return
    if result.kind == "graph":
        fmt = fmt or "turtle"
        if fmt not in q.GRAPH_FORMATS:
            raise fail(f"--format {fmt} is not an RDF format; choose one of {', '.join(q.GRAPH_FORMATS)}")
        sys.stdout.buffer.write(_run(lambda: q.serialize_triples(result, fmt)))
        return
    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    if fmt not in q.ROW_FORMATS:
        raise fail(f"--format {fmt} is not a results format; choose one of {', '.join(q.ROW_FORMATS)}")
    if fmt == "table":
        if result.kind == "ask":
            typer.echo("true" if result.boolean else "false")
            return
        _print_table(result)
        return
    sys.stdout.write(q.serialize_rows(result, fmt))


def _print_table(result) -> None:
    import shutil

    from caregraph.query import format_table, shorten

    width = shutil.get_terminal_size((120, 24)).columns
    variables = list(result.variables)
    hidden = [v for v in variables if f"{v}Label" in variables or f"{v}Name" in variables]
    if hidden and sum(len(v) + 2 for v in variables) > width * 0.8:
        variables = [v for v in variables if v not in hidden]
    rows = []
    for row in result.rows:
        cells = []
        for v in variables:
            term = row.get(v)
            value = (
                "" if term is None else shorten(term.value) if term.__class__.__name__ == "NamedNode" else term.value
            )
            cells.append(safe(value).replace("\n", " ").replace("\t", " "))
        rows.append(cells)
    sys.stdout.write(format_table(variables, rows, width))
    sys.stdout.flush()  # the row count goes to stderr: keep it after the table
    dropped = [v for v in result.variables if v not in variables]
    note(
        f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}"
        + (f" (IRI columns {', '.join(dropped)} hidden to fit; --format csv shows all)" if dropped else "")
    )


@app.command()
def queries(
    name: Annotated[
        str | None,
        typer.Argument(
            help="Show this named query in full: description, parameters, examples and its SPARQL.", show_default=False
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """List the named queries with their summaries and parameters, or show one in full.

    [b]Example[/b]: caregraph queries inspection-timeline
    """
    from caregraph.query import named_queries, named_query

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"{fmt!r} is not one of table, json", param_hint="--format")
    chosen = [_run(lambda: named_query(name))] if name else list(_run(named_queries).values())
    if fmt == "json":
        import json
        from dataclasses import asdict

        items = [{**{k: v for k, v in asdict(q).items() if k not in ("path",)}, "path": str(q.path)} for q in chosen]
        typer.echo(json.dumps(items if not name else items[0], indent=1, ensure_ascii=False))
        return

    def describe(p) -> str:
        extra = ", required" if p.required else f", default {p.default}" if p.default else ""
        return f"{p.name} ({p.type}{extra})"

    if name:
        q = chosen[0]
        lines = [f"{q.name}: {q.summary}", ""]
        if q.description:
            import textwrap

            lines += [*textwrap.wrap(q.description, 100), ""]
        if q.parameters:
            lines.append("Parameters (--param NAME=VALUE):")
            lines += [f"  {describe(p)}: {p.description}" for p in q.parameters] + [""]
        lines += [f"Example: {e}" for e in q.examples]
        lines += ["", f"# {q.path}", q.text.rstrip()]
        typer.echo(safe("\n".join(lines)))
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table("name", "summary", "parameters", box=None, padding=(0, 2, 0, 0), header_style="bold")
    for q in chosen:
        table.add_row(
            Text(q.name, style="bold"), Text(safe(q.summary)), Text(", ".join(describe(p) for p in q.parameters) or "—")
        )
    console = Console(highlight=False)
    with console.capture() as captured:
        console.print(table)
    typer.echo("\n".join(line.rstrip() for line in captured.get().splitlines()), color=console.is_terminal)
    note("'caregraph queries NAME' shows one in full")


@app.command()
def prefixes() -> None:
    """List the prefixes predeclared in every query.

    [b]Example[/b]: caregraph prefixes
    """
    from caregraph.query import prefixes as get

    for prefix, ns in get().items():
        typer.echo(f"PREFIX {prefix}: <{ns}>")


# ---------------------------------------------------------------------------------------------- stats


@app.command()
def stats(
    store: StoreOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    central: Annotated[
        bool,
        typer.Option(
            "--central", help="List the most central entities instead (betweenness, then degree, on the entity graph)."
        ),
    ] = False,
    top: Annotated[int, typer.Option("--top", "-n", help="How many central entities to list.", min=1)] = 10,
) -> None:
    """Documents, triples, entities per class and councils covered; or, with --central, the most central entities.

    [b]Example[/b]: caregraph stats --store my-store; caregraph stats --central --top 5
    """
    from caregraph.explore.stats import store_stats
    from caregraph.store import open_store

    if central:
        return _print_central(store, fmt, top)

    def work():
        with open_store(store, read_only=True) as st:
            return store_stats(st)

    s = _run(work)
    if fmt == "json":
        import json

        typer.echo(json.dumps(s, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_row("documents", str(s["documents"]))
    table.add_row("quads", f"{s['quads']:,}")
    table.add_row("councils covered", str(len(s["councils"])))
    for cls, n in s["entities"].items():
        table.add_row(f"  {cls}", str(n))
    Console(highlight=False).print(table)
    if s["councils"]:
        typer.echo("councils: " + ", ".join(safe(c) for c in s["councils"]))


# ---------------------------------------------------------------------------------------------- validate


@app.command()
def validate(
    store: StoreOption = None,
    graph: Annotated[
        list[str] | None,
        typer.Option(
            "--graph",
            "-g",
            metavar="IRI",
            help="Validate this named graph only (repeatable). Default: every document graph.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="text|turtle",
            help="text (a readable report) or turtle (the SHACL validation reports).",
        ),
    ] = "text",
) -> None:
    """Check the store's document graphs against caregraph's SHACL shapes (ontology/shapes.ttl).

    Each document graph is validated on its own, with the SKOS vocabularies. Exit code 0 when every graph conforms,
    1 when one does not (the report names the document, focus node, path and problem), 2 when validation cannot run.

    [b]Example[/b]: caregraph validate --store my-store
    """
    if fmt not in ("text", "turtle"):
        raise typer.BadParameter(f"{fmt!r} is not a report format; choose text or turtle", param_hint="--format")

    def work():
        from caregraph.store import open_store
        from caregraph.validate import validate_store

        with open_store(store, read_only=True) as st:
            return validate_store(st, graph or None)

    report = _run(work)
    from caregraph.validate import format_text, format_turtle

    sys.stdout.write(safe(format_text(report)) if fmt == "text" else format_turtle(report))
    if not report.conforms:
        raise typer.Exit(1)


# ---------------------------------------------------------------------------------------------- viz, path, export-graph

CouncilSelect = Annotated[
    str | None,
    typer.Option(
        "--council", "-c", help="Only entities of this council's documents (a name, code or slug).", show_default=False
    ),
]
TypeSelect = Annotated[
    list[str] | None,
    typer.Option(
        "--type",
        "-t",
        help="Only entities of this class (repeatable): Council, Committee, Meeting, AgendaItem, Person, Post, Inspection, Decision, FollowUp, Organisation, PracticeModel, Document.",
        show_default=False,
    ),
]
ExcludeSelect = Annotated[
    list[str] | None,
    typer.Option("--exclude-type", "-x", help="Leave out entities of this class (repeatable).", show_default=False),
]
SinceSelect = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Leave out dated entities (inspections, meetings, decisions, follow-ups) before this date: YYYY-MM-DD, YYYY-MM or YYYY.",
        show_default=False,
    ),
]
UntilSelect = Annotated[
    str | None, typer.Option("--until", help="Leave out dated entities after this date.", show_default=False)
]
DocumentsSelect = Annotated[
    bool, typer.Option("--documents", help="Include the source documents, linked to the entities they mention.")
]


def _entity_graph(store, selection):
    from caregraph.explore.network import entity_graph
    from caregraph.store import open_store

    with open_store(store, read_only=True) as st:
        return entity_graph(st, selection)


def _print_central(store, fmt: str, top: int) -> None:
    from caregraph.explore.network import centrality

    def work():
        return centrality(_entity_graph(store, None), top)

    rows, sampled = _run(work)
    if fmt == "json":
        import json

        typer.echo(
            json.dumps(
                {
                    "sampled": sampled,
                    "entities": [
                        {
                            "iri": r.iri,
                            "name": r.name,
                            "class": r.cls,
                            "links": r.degree,
                            "degree_centrality": round(r.degree_centrality, 6),
                            "betweenness": round(r.betweenness, 6),
                        }
                        for r in rows
                    ],
                },
                indent=1,
                ensure_ascii=False,
            )
        )
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(
        "#", "entity", "class", "links", "betweenness", box=None, padding=(0, 2), title="most central entities"
    )
    for i, r in enumerate(rows, 1):
        table.add_row(
            str(i), Text(safe(r.name)), r.cls, str(r.degree), f"{r.betweenness:.3f}"
        )  # Text: a name is not markup
    Console(highlight=False).print(table)
    note(
        "betweenness centrality on the undirected entity graph"
        + (" (estimated from 500 sampled sources)" if sampled else "")
        + "; links = degree"
    )


@app.command()
def viz(
    council: CouncilSelect = None,
    focus: Annotated[
        str | None,
        typer.Option(
            "--focus", help="Draw the entities around this one: a name, an IRI or a cgd: name.", show_default=False
        ),
    ] = None,
    depth: Annotated[int, typer.Option("--depth", "-d", help="With --focus: how many links away to go.", min=0)] = 1,
    types: TypeSelect = None,
    exclude_types: ExcludeSelect = None,
    since: SinceSelect = None,
    until: UntilSelect = None,
    query_file: Annotated[
        str | None,
        typer.Option(
            "--query",
            "-q",
            help="Draw the result of this SPARQL file ('-' for stdin): a CONSTRUCT, or a SELECT of ?s ?p ?o.",
            show_default=False,
        ),
    ] = None,
    max_nodes: Annotated[
        int,
        typer.Option(
            "--max-nodes",
            "-n",
            help="Draw at most this many entities, leaving out the least connected first (0: no limit).",
            min=0,
        ),
    ] = 2000,
    documents: DocumentsSelect = False,
    timeline: Annotated[
        bool,
        typer.Option(
            "--timeline",
            help="Instead of a network, a page of the council's inspections, visits, meetings and decisions in date order (needs --council).",
        ),
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="The page to write. Default: caregraph-graph.html (caregraph-timeline.html with --timeline).",
            show_default=False,
        ),
    ] = None,
    open_page: Annotated[bool, typer.Option("--open", help="Open the page in the default browser.")] = False,
    store: StoreOption = None,
) -> None:
    """Draw the graph, or the part you select, as an interactive HTML page that works offline.

    Entities are nodes (coloured and shaped by class, inspections by Ofsted grade, sized by links); relations are
    labelled edges; hover for dates, judgements and the evidence quote with its document. The page is one file that
    makes no network request: share it by e-mail or put it on an intranet. Prints the page's path.

    [b]Examples[/b]:
      caregraph viz --council Surrey --out surrey.html --open
      caregraph viz --focus "Clare Curran" --depth 2
      caregraph viz --timeline --council Surrey
    """
    from caregraph.explore.network import Selection

    if timeline and not council:
        raise typer.BadParameter("--timeline needs --council", param_hint="--timeline")
    if timeline and (focus or query_file):
        raise typer.BadParameter(
            "--timeline draws a council's dates; it does not take --focus or --query", param_hint="--timeline"
        )
    query_text = sys.stdin.read() if query_file == "-" else query_file
    if query_file and query_file != "-" and not Path(query_file).is_file():
        raise fail(f"{query_file}: no such query file")
    selection = Selection(
        council=council,
        focus=focus,
        depth=depth,
        types=tuple(types or ()),
        exclude_types=tuple(exclude_types or ()),
        since=since,
        until=until,
        query=query_text,
        documents=documents,
        max_nodes=None if timeline else (max_nodes or None),
    )
    target = out or Path("caregraph-timeline.html" if timeline else "caregraph-graph.html")

    def work():
        from caregraph.explore import viz as v

        g = _entity_graph(store, selection)
        if timeline:
            html = v.timeline_page(g)
            if not v.timeline_entries(g)[0] and not v.timeline_entries(g)[1]:
                return g, None
        else:
            if g.number_of_nodes() == 0:
                return g, None
            html = v.network_page(g)
        return g, v.write_page(html, target)

    g, path = _run(work)
    for message in g.graph.get("notes", ()):
        note(message)
    if path is None:
        raise fail(f"nothing to draw: no entity matches the selection ({g.graph.get('title')})", 1)
    if not timeline:
        note(f"{g.number_of_nodes():,} entities, {g.number_of_edges():,} relations: {g.graph.get('title')}")
    typer.echo(str(path))
    if open_page:
        from caregraph.explore.viz import open_in_browser

        if not open_in_browser(path):
            note("could not start a browser; open the file above yourself")


@app.command("path")
def path_cmd(
    source: Annotated[str, typer.Argument(help="An entity: a name, an IRI or a cgd: name.", show_default=False)],
    target: Annotated[str, typer.Argument(help="Another entity.", show_default=False)],
    documents: DocumentsSelect = False,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Also draw the path as an HTML page.", show_default=False)
    ] = None,
    open_page: Annotated[
        bool, typer.Option("--open", help="With --out: open the page in the default browser.")
    ] = False,
    store: StoreOption = None,
) -> None:
    """How two entities are connected: a shortest path through the entity graph, relations read either way.

    Exit code 1 when they are not connected. With --documents the path may run through a document that mentions
    both.

    [b]Example[/b]: caregraph path "Clare Curran" "Ofsted" --out path.html
    """
    from caregraph.explore.network import Selection, path_graph, resolve_entity, shortest_path

    def work():
        g = _entity_graph(store, Selection(documents=documents))
        a, b = resolve_entity(g, source), resolve_entity(g, target)
        hops = shortest_path(g, a, b)
        page = None
        if out is not None:
            from caregraph.explore import viz as v

            sub = path_graph(g, hops) if hops else g.subgraph([a]).copy()
            sub.graph.update(title=f"how {g.nodes[a]['name']} and {g.nodes[b]['name']} are connected", notes=[])
            page = v.write_page(v.network_page(sub), out)
        return g, a, hops, page

    g, a, hops, page = _run(work)

    def name(n: str) -> str:
        return safe(f"{g.nodes[n]['name']} ({g.nodes[n]['cls']})")

    typer.echo(name(a))
    for hop in hops:
        arrow = f"  —{hop.label}→ " if hop.forward else f"  ←{hop.label}— "
        typer.echo(arrow + name(hop.target))
    note(f"{len(hops)} link{'s' if len(hops) != 1 else ''}")
    if page is not None:
        typer.echo(str(page))
        if open_page:
            from caregraph.explore.viz import open_in_browser

            open_in_browser(page)


@app.command("export-graph")
def export_graph_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="graphml or gexf (both open in Gephi).")] = "graphml",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="The file to write. Default: stdout.", show_default=False)
    ] = None,
    council: CouncilSelect = None,
    types: TypeSelect = None,
    exclude_types: ExcludeSelect = None,
    since: SinceSelect = None,
    until: UntilSelect = None,
    documents: DocumentsSelect = False,
    store: StoreOption = None,
) -> None:
    """Export the entity graph (or a selection of it) for Gephi, as GraphML or GEXF.

    Nodes are entities keyed by IRI; edges are relations keyed by property. Every attribute (name, class, grade,
    date, facts, evidence quotes) is written as a string.

    [b]Example[/b]: caregraph export-graph --format gexf --out caregraph.gexf
    """
    from caregraph.explore.network import EXPORT_FORMATS, Selection, export_graph

    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not an export format; choose {' or '.join(EXPORT_FORMATS)}", param_hint="--format"
        )
    selection = Selection(
        council=council,
        types=tuple(types or ()),
        exclude_types=tuple(exclude_types or ()),
        since=since,
        until=until,
        documents=documents,
    )

    def work():
        g = _entity_graph(store, selection)
        if out is None:
            import io

            buffer = io.BytesIO()
            export_graph(g, fmt, buffer)
            sys.stdout.buffer.write(buffer.getvalue())
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            with out.open("wb") as fh:
                export_graph(g, fmt, fh)
        return g

    g = _run(work)
    for message in g.graph.get("notes", ()):
        note(message)
    note(f"{g.number_of_nodes():,} entities, {g.number_of_edges():,} relations" + (f" written to {out}" if out else ""))


# ---------------------------------------------------------------------------------------------- explain


@app.command()
def explain(
    thing: Annotated[
        str,
        typer.Argument(
            help='An IRI, a prefixed name (cgd:council/surrey) or a label ("Dave Hill").', show_default=False
        ),
    ],
    store: StoreOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="text (default), or csv, tsv, json, xml: one row per fact and quote.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Every fact about a thing, each with the quote and the document it came from.

    THING is an IRI, a prefixed name or a label (names, titles, preferred and alternative labels; any case). Facts
    are grouped by property and value; under each, every document that states it, with the exact quote and its
    character offsets. Facts from reference data (councils, vocabularies) name their graph instead.

    [b]Example[/b]: caregraph explain "Dave Hill"
    """
    from caregraph.explore.explain import as_result, render_text
    from caregraph.explore.explain import explain as explain_thing
    from caregraph.query import serialize_rows
    from caregraph.store import open_store

    if fmt not in (None, "text", "csv", "tsv", "json", "xml"):
        raise typer.BadParameter(f"{fmt!r} is not one of text, csv, tsv, json, xml", param_hint="--format")

    def work():
        with open_store(store, read_only=True) as st:
            return explain_thing(st, thing)

    found = _run(work)
    if fmt in (None, "text"):
        import shutil

        sys.stdout.write(safe(render_text(found, shutil.get_terminal_size((100, 24)).columns)))
    else:
        sys.stdout.write(serialize_rows(as_result(found), fmt))


# ---------------------------------------------------------------------------------------------- interop: export, push, import-ofsted


@app.command("export")
def export_cmd(
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="turtle, ntriples, nquads, trig, jsonld or xml. nquads, trig and jsonld keep the named graphs; the others merge them. Default: from the --out extension, else nquads.",
            show_default=False,
        ),
    ] = None,
    graph: Annotated[
        list[str] | None,
        typer.Option("--graph", "-g", help="Export only this named graph (IRI); repeatable.", show_default=False),
    ] = None,
    out: Annotated[str, typer.Option("--out", "--output", "-o", help="The file to write, or '-' for stdout.")] = "-",
    with_ontology: Annotated[
        bool,
        typer.Option(
            "--with-ontology",
            help="Add the ontology and the SKOS vocabularies (by default: documents, councils, Ofsted's outcomes, dataset description).",
        ),
    ] = False,
    store: StoreOption = None,
) -> None:
    """Export the store as RDF: the same store always gives the same bytes.

    Provenance (reified statements with their evidence) survives every format; named graphs (one per document)
    survive in nquads, trig and jsonld. Prefixes come from the ontology.

    [b]Example[/b]: caregraph export --format trig --out caregraph.trig --with-ontology
    """
    from caregraph.interop.export import FORMATS, export, export_to_path
    from caregraph.store import open_store

    if fmt is None:
        suffix = Path(out).suffix.lstrip(".").lower() if out != "-" else ""
        fmt = next(
            (
                f.name
                for f in FORMATS.values()
                if suffix in {f.extension, f.name}
                or (suffix == "owl" and f.name == "xml")
                or (suffix == "json" and f.name == "jsonld")
            ),
            "nquads",
        )
    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not an export format; choose one of {', '.join(FORMATS)}", param_hint="--format"
        )

    def work():
        with open_store(store, read_only=True) as st:
            if out == "-":
                try:
                    summary = export(st, sys.stdout.buffer, fmt, graphs=graph, with_ontology=with_ontology)
                    sys.stdout.buffer.flush()
                except BrokenPipeError:  # the reader stopped early (| head): not an error
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                    raise typer.Exit(0) from None
                return summary
            return export_to_path(st, out, fmt, graphs=graph, with_ontology=with_ontology)

    summary = _run(work)
    what = "quads" if FORMATS[fmt].datasets else "triples"
    note(
        f"{summary.statements:,} {what} from {summary.graphs} graph{'s' if summary.graphs != 1 else ''} ({fmt})"
        + (f" written to {out}" if out != "-" else "")
    )


@app.command("push")
def push_cmd(
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint",
            "-e",
            help="The SPARQL 1.1 Graph Store Protocol URL: http://localhost:7878/store (Oxigraph), http://localhost:3030/DATASET/data (Fuseki), …/repositories/REPO/rdf-graphs/service (GraphDB).",
            show_default=False,
        ),
    ],
    graph: Annotated[
        list[str] | None,
        typer.Option("--graph", "-g", help="Push only this named graph (IRI); repeatable.", show_default=False),
    ] = None,
    auth_env: Annotated[
        str | None,
        typer.Option(
            "--auth-env",
            help="Environment variable holding USER:PASSWORD for HTTP basic auth. Default: CAREGRAPH_AUTH when it is set.",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for the server on each graph.")] = 120.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    store: StoreOption = None,
) -> None:
    """Load the store into a running RDF store: one HTTP PUT per named graph, so pushing again replaces.

    Pushes every graph (documents, councils, ontology, vocabularies, Ofsted's outcomes, dataset description), so the
    named queries answer on the server as they do here. Credentials come from an environment variable, never the
    command line.

    [b]Example[/b]: CAREGRAPH_AUTH=admin:secret caregraph push --endpoint http://localhost:3030/caregraph/data
    """
    from caregraph.interop.export import push
    from caregraph.store import open_store

    def work():
        with open_store(store, read_only=True) as st:
            from caregraph.interop.export import select_graphs

            total = len(select_graphs(st, graph, with_ontology=True))
            with _push_progress(total, quiet) as progress:
                return push(st, endpoint, graphs=graph, auth_env=auth_env, timeout=timeout, progress=progress)

    summary = _run(work)
    if not quiet:
        note(
            f"pushed {summary.graphs} graph{'s' if summary.graphs != 1 else ''} ({summary.triples:,} triples, {summary.bytes / 1e6:.1f} MB) to {endpoint}"
        )


class _push_progress:
    """A progress bar on stderr, one step per graph, while pushing on a terminal."""

    def __init__(self, total: int, quiet: bool):
        self.enabled = not quiet and sys.stderr.isatty()
        self.total = total
        self.bar = None

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("pushing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[name]}", markup=False),
            console=_err_console(),
            transient=True,
        )
        self.bar.start()
        task = self.bar.add_task("push", total=self.total, name="")

        def advance(name: str, done: int, total: int) -> None:
            self.bar.update(task, completed=done, name=safe(name)[-60:])  # type: ignore[union-attr]

        return advance

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command("import-ofsted")
def import_ofsted_cmd(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Ofsted's 'Local authority inspection outcomes' workbook (.ods) and/or CSV renderings of its sheets.",
            show_default=False,
        ),
    ],
    store: StoreOption = None,
) -> None:
    """Import Ofsted's official inspection outcomes into their own graph, beside what the papers say.

    Reads the sheets of latest judgements, in-year inspections and visits, and ILACS history (with sub-judgements);
    a CSV is one sheet, told by its header. Inspections get the same IRIs as in the documents, so a visit a paper
    mentions and the same visit in Ofsted's table are one node with two sources. Re-importing replaces the graph.
    Then 'caregraph query papers-vs-ofsted' lists where the papers and the official record disagree.

    [b]Example[/b]: caregraph import-ofsted LA_Inspection_Outcomes_as_at_31_March_2025.ods
    """
    from caregraph.interop.ofsted import OFSTED_GRAPH, import_outcomes
    from caregraph.store import open_store

    def work():
        with open_store(store, on_wait=note) as st:
            return import_outcomes(st, files)

    s = _run(work)
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(s.kinds.items()))
    note(
        f"{s.rows} rows from {', '.join(s.sheets)}: {s.inspections} inspections and visits ({kinds}) of {s.councils} councils, {s.quads:,} triples in <{OFSTED_GRAPH}>"
    )


def main() -> None:
    try:
        app()
    except Exception as exc:  # pragma: no cover - the last line of defence
        print(f"Error: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
