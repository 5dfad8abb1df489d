"""The ``caregraph`` command: a thin layer over the library. Each command parses its options, calls one or two
library functions and prints. Data goes to stdout, messages to stderr.

Exit codes: 0 success; 1 ran and found a problem (a build with failed documents, ASK false, a graph that does not
conform); 2 could not run (bad arguments, unreadable store, query syntax error); 3 a query timed out.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Annotated, Optional

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
    Optional[Path],
    typer.Option("--store", "-s", help="The store folder. Default: $CAREGRAPH_STORE, else ./caregraph-store.", show_default=False),
]
FormatOption = Annotated[
    Optional[str],
    typer.Option("--format", "-f", help="table, csv, tsv, json, xml (SELECT/ASK); turtle, ntriples, nquads, trig, jsonld, xml (CONSTRUCT/DESCRIBE). Default: table on a terminal, csv when piped; turtle for graphs.", show_default=False),
]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Text with control characters and bidi overrides removed, for the terminal."""
    return _CONTROL.sub("", text)


def _err_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    _err_console().print(f"[bold red]Error:[/] {safe(message)}", markup=True, highlight=False)
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
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """caregraph: council papers about Ofsted inspections of children's services, as a knowledge graph.

    Build a graph from documents, ask it questions in SPARQL, draw it, export it.

    [b]Example[/b]: caregraph build data/ && caregraph query inspections
    """


# ---------------------------------------------------------------------------------------------- build


@app.command()
def build(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files and folders to read (folders recursively). .txt, .html/.htm and .pdf.", show_default=False)] = None,
    manifest: Annotated[Optional[Path], typer.Option("--manifest", "-m", help="A CSV with columns file,url[,council,published]; paths relative to it.")] = None,
    store: StoreOption = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start from an empty store.")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse documents larger than this many bytes.")] = 50 * 1024 * 1024,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary table.")] = False,
) -> None:
    """Build documents into the store: one named graph per document.

    Unchanged documents are skipped; changed ones replace their graph. A folder that holds a manifest.csv takes
    URLs from it. A document that cannot be read is reported and the build goes on (exit code 1).

    [b]Example[/b]: caregraph build data/ --store my-store
    """
    from caregraph.build import build as run_build
    from caregraph.load import iter_sources
    from caregraph.store import open_store

    if not paths and manifest is None:
        raise typer.BadParameter("give at least one file or folder, or --manifest FILE.csv", param_hint="PATHS")

    def work():
        sources = list(iter_sources(paths or [], manifest))
        with open_store(store, on_wait=note) as st:
            with _progress(len(sources), quiet) as progress:
                summary = run_build(st, paths or [], manifest=manifest, rebuild=rebuild, max_bytes=max_bytes, progress=progress, sources=sources)
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

        self.bar = Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), TextColumn("{task.fields[name]}"), console=_err_console(), transient=True)
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
    from caregraph.stats import entity_counts

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
    name: Annotated[Optional[str], typer.Argument(help="A named query (see 'caregraph queries'), a .rq file, or '-' for stdin.", show_default=False)] = None,
    text: Annotated[Optional[str], typer.Option("--query", "-e", help="The SPARQL text itself.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="NAME=VALUE, bound as an RDF term; repeatable.")] = None,
    store: StoreOption = None,
    fmt: FormatOption = None,
    graph: Annotated[Optional[str], typer.Option("--graph", "-g", help="Query this named graph only (default: the union of all graphs).")] = None,
    timeout: Annotated[Optional[float], typer.Option("--timeout", help="Stop the query after this many seconds.")] = None,
    update: Annotated[bool, typer.Option("--update", help="Allow SPARQL Update (INSERT, DELETE, DROP, …), which changes the store.")] = False,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Allow SERVICE clauses, which reach other servers.")] = False,
    endpoint: Annotated[Optional[str], typer.Option("--endpoint", help="Send the query to this SPARQL 1.1 endpoint instead of the store.")] = None,
    auth_env: Annotated[str, typer.Option("--auth-env", help="Environment variable holding USER:PASSWORD for --endpoint.")] = "CAREGRAPH_AUTH",
) -> None:
    """Run SPARQL over the store: a named query, a file, inline text (-e) or stdin (-).

    Standard prefixes (cg:, cgv:, rdf:, rdfs:, skos:, org:, foaf:, prov:, dcterms:, …) are predeclared. The default
    graph is the union of every graph. Read-only unless --update.

    [b]Examples[/b]:
      caregraph query inspections --param council="Surrey County Council"
      caregraph query -e 'SELECT ?i WHERE { ?i a cg:Inspection }' --format json
    """
    from caregraph import query as q

    if text is None and name is None:
        raise typer.BadParameter("give a query name, a file, '-' for stdin, or --query TEXT", param_hint="NAME")
    if text is not None and name is not None:
        raise typer.BadParameter("give either a query name/file or --query TEXT, not both", param_hint="--query")
    source = text if text is not None else (sys.stdin.read() if name == "-" else name)
    params = _parse_params(param or [])

    def work():
        if endpoint:
            from caregraph.remote import query_endpoint

            return query_endpoint(endpoint, source, params, auth_env=auth_env, timeout=timeout, allow_update=update, allow_service=allow_service)
        from caregraph.store import open_store

        writable = update and q.is_update(q.resolve(source)[0])
        with open_store(store, read_only=not writable, on_wait=note) as st:
            return q.run_query(st, source, params, graph=graph, timeout=timeout, allow_update=update, allow_service=allow_service)

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
            value = "" if term is None else shorten(term.value) if term.__class__.__name__ == "NamedNode" else term.value
            cells.append(safe(value).replace("\n", " ").replace("\t", " "))
        rows.append(cells)
    sys.stdout.write(format_table(variables, rows, width))
    dropped = [v for v in result.variables if v not in variables]
    note(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}" + (f" (IRI columns {', '.join(dropped)} hidden to fit; --format csv shows all)" if dropped else ""))


@app.command()
def queries() -> None:
    """List the named queries with their summaries and parameters.

    [b]Example[/b]: caregraph queries
    """
    from rich.console import Console
    from rich.table import Table

    from caregraph.query import named_queries

    table = Table("name", "summary", "parameters", show_lines=True)
    for name, nq in _run(named_queries).items():
        params = "\n".join(f"{p.name} ({p.type}{', required' if p.required else ''}{f', default {p.default}' if p.default else ''}): {p.description}" for p in nq.parameters)
        table.add_row(name, nq.summary + (f"\n[dim]{nq.description}[/]" if nq.description else ""), params or "—")
    Console().print(table)


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
) -> None:
    """Documents, triples, entities per class and councils covered.

    [b]Example[/b]: caregraph stats --store my-store
    """
    from caregraph.stats import store_stats
    from caregraph.store import open_store

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


def main() -> None:
    try:
        app()
    except Exception as exc:  # pragma: no cover - the last line of defence
        print(f"Error: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
