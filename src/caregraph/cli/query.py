"""``caregraph query``, ``queries`` and ``prefixes``: SPARQL over the store (:func:`caregraph.query.run_query`) or an
endpoint (:func:`caregraph.query.remote.query_endpoint`), and the named queries. Tables for people come from
:mod:`caregraph.query.display`."""

# No "from __future__ import annotations": Typer reads these annotations at run time.
import functools
import sys
from typing import Annotated

import typer

from caregraph.cli.options import LimitOption, ListFormat, NoPager, QueryFormat, StoreOption, format_option
from caregraph.cli.output import call, fail, format_table, note, page, plural, print_table, safe, terminal_size

# caregraph.query.ROW_FORMATS, without importing pyoxigraph for --help
ROWS = ("table", "csv", "tsv", "json", "xml", "markdown", "jsonl")
GRAPHS = ("turtle", "ntriples", "nquads", "trig", "jsonld", "xml")  # caregraph.query.GRAPH_FORMATS


# The options of `caregraph query`.
QueryName = Annotated[
    str | None,
    typer.Argument(
        metavar="NAME",
        help="A named query (see 'caregraph queries'), a .rq file, or '-' for stdin.",
        show_default=False,
    ),
]
QueryText = Annotated[
    str | None,
    typer.Option("--query", "-e", metavar="TEXT", help="The SPARQL text itself (-e: expression).", show_default=False),
]
Params = Annotated[
    list[str] | None,
    typer.Option(
        "--param",
        "-p",
        metavar="NAME=VALUE",
        help="A parameter, bound as an RDF term. Repeatable; the same name twice binds both values (any of them).",
        show_default=False,
    ),
]
Columns = Annotated[
    str | None,
    typer.Option(
        "--columns",
        metavar="A,B,…",
        help="Only these columns, in this order (every format; in a table they are shown even when they are IRIs).",
        show_default=False,
    ),
]
QueryFormatOption = Annotated[
    QueryFormat | None,
    format_option(
        QueryFormat,
        "a query output format",
        f"{', '.join(ROWS)} (SELECT/ASK); {', '.join(GRAPHS)} (CONSTRUCT/DESCRIBE). "
        "table and markdown are for people, jsonl (one JSON object per row) for programs. "
        "Default: table on a terminal, csv when piped; turtle for graphs.",
        show_default=False,
    ),
]
OneGraph = Annotated[
    str | None,
    typer.Option(
        "--graph",
        "-g",
        metavar="IRI",
        help="Query this named graph only (default: the union of all graphs).",
        show_default=False,
    ),
]
Timeout = Annotated[
    float | None,
    typer.Option("--timeout", metavar="SECONDS", help="Stop the query after this many seconds.", show_default=False),
]
AllowUpdate = Annotated[
    bool, typer.Option("--update", help="Allow SPARQL Update (INSERT, DELETE, DROP, …), which changes the store.")
]
AllowService = Annotated[
    bool, typer.Option("--allow-service", help="Allow SERVICE clauses, which reach other servers.")
]
Endpoint = Annotated[
    str | None,
    typer.Option(
        "--endpoint",
        metavar="URL",
        help="Send the query to this SPARQL 1.1 endpoint instead of the store.",
        show_default=False,
    ),
]
AuthEnv = Annotated[
    str, typer.Option("--auth-env", metavar="VAR", help="Environment variable holding USER:PASSWORD for --endpoint.")
]


def query(
    name: QueryName = None,
    text: QueryText = None,
    param: Params = None,
    store: StoreOption = None,
    fmt: QueryFormatOption = None,
    graph: OneGraph = None,
    timeout: Timeout = None,
    update: AllowUpdate = False,
    allow_service: AllowService = False,
    endpoint: Endpoint = None,
    auth_env: AuthEnv = "CAREGRAPH_AUTH",
    columns: Columns = None,
    limit: LimitOption = None,
    no_pager: NoPager = False,
) -> None:
    """Run SPARQL over the store: a named query, a file, inline text (-e) or stdin (-).

    The prefixes of the ontology and standard vocabularies are predeclared ('caregraph prefixes'). The default graph
    is the union of every graph. Read-only unless --update; SERVICE and LOAD need --allow-service. Parameters are
    bound as RDF terms, never pasted into the query; an IRI parameter also takes a name as caregraph prints it. On a
    terminal the table shows names rather than IRIs, wraps long text and opens a pager when it is longer than the
    screen. Exit codes: 0 ok, 1 ASK false, 2 error, 3 timeout.

    [b]Examples[/b]:
      caregraph query inspections --param council="Surrey County Council" --param since=2019-01-01
      caregraph query inspections --param council=Durham --param council=Surrey --limit 5
      caregraph query -e 'SELECT ?i WHERE { ?i a cg:Inspection }' --format json
      caregraph query - --timeout 10 < my-query.rq
      caregraph query inspection-timeline --endpoint http://localhost:7878/query
    """
    from caregraph import query as q

    if text is None and name is None:
        raise typer.BadParameter("give a query name, a file, '-' for stdin, or --query TEXT", param_hint="NAME")
    if text is not None and name is not None:
        raise typer.BadParameter("give either a query name/file or --query TEXT, not both", param_hint="--query")
    if timeout is not None and timeout <= 0:
        raise typer.BadParameter("must be a number of seconds above 0", param_hint="--timeout")
    inline = text is not None or name == "-"
    label = "<query>" if text is not None else "<stdin>" if name == "-" else None
    source = text if text is not None else (call(sys.stdin.read) if name == "-" else name)
    assert source is not None
    params = parse_params(param or [])
    chosen = [c.strip() for c in (columns or "").split(",") if c.strip()]
    shown_fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    people = shown_fmt in ("table", "markdown")

    def ask(run, **more):
        return run(
            source,
            params,
            inline=inline,
            label=label,
            graph=graph,
            timeout=timeout,
            allow_update=update,
            allow_service=allow_service,
            **more,
        )

    def work():
        sparql, named, _ = q.resolve(source, inline=inline)
        warning = q.term_warning(sparql) if named is None else None
        if warning:
            note(warning)
        if endpoint:
            from caregraph.query.remote import query_endpoint

            result = ask(functools.partial(query_endpoint, endpoint, auth_env=auth_env))
            if limit and len(result.rows) > limit:
                result.rows, result.more = result.rows[:limit], True
            return result, {}
        from caregraph.cli.explore import shown_names
        from caregraph.query.display import document_names
        from caregraph.query.formats import row_writer
        from caregraph.store import open_store

        writable = update and q.is_update(sparql)
        # SELECT rows in a results format are written as they come, never held (memory stays flat).
        write = None if people or shown_fmt not in ROWS else row_writer(sys.stdout, shown_fmt, chosen)
        with open_store(store, read_only=not writable, on_wait=note) as st:
            result = ask(functools.partial(q.run_query, st), limit=limit, names=shown_names(st), write=write)
            return result, (document_names(st, result) if people and result.kind == "select" else {})

    result, names = call(work)
    call(lambda: print_result(result, fmt, columns=chosen, names=names, pager=not no_pager))
    if result.kind == "ask" and not result.boolean:
        raise typer.Exit(1)


def parse_params(items: list[str]) -> dict[str, str | list[str]]:
    """``--param NAME=VALUE`` options as a dict (the value may hold ``=``); a name given several times maps to the
    list of its values."""
    params: dict[str, str | list[str]] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise typer.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        before = params.get(key)
        params[key] = value if before is None else [*([before] if isinstance(before, str) else before), value]
    return params


def print_result(result, fmt: str | None, *, columns=(), names=None, pager: bool = True) -> None:
    """A query's result on stdout in ``fmt``: RDF for CONSTRUCT/DESCRIBE (default turtle); for SELECT, a table or
    Markdown for people (:func:`caregraph.query.display.view`) or a results format (default: table on a terminal,
    else csv); ASK prints true or false."""
    from caregraph import query as q
    from caregraph.query.display import select_columns, to_markdown, view

    if result.written is not None:  # the rows were streamed to stdout as the query gave them
        if result.more:
            sys.stdout.flush()
            note(f"the first {plural(result.written, 'row')} (--limit); there are more")
        return
    if result.kind == "update":
        note("update applied")
        return
    if result.kind == "graph":
        fmt = fmt or "turtle"
        if fmt not in q.GRAPH_FORMATS:
            raise fail(f"--format {fmt} is not an RDF format; choose one of {', '.join(q.GRAPH_FORMATS)}")
        sys.stdout.buffer.write(q.serialize_triples(result, fmt))
        return
    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    if fmt not in q.ROW_FORMATS:
        raise fail(f"--format {fmt} is not a results format; choose one of {', '.join(q.ROW_FORMATS)}")
    if result.kind != "select" or fmt not in ("table", "markdown"):
        if columns and result.kind == "select":
            result = select_columns(result, columns)
        sys.stdout.write(q.serialize_rows(result, fmt))
        if result.more:
            sys.stdout.flush()
            note(f"the first {plural(len(result.rows), 'row')} (--limit); there are more")
        return
    shown = view(result, columns=columns, names=names)
    if fmt == "markdown":
        sys.stdout.write(safe(to_markdown(shown), lines=True))
    else:
        rows = [[safe(c) for c in row] for row in shown.rows]
        page(format_table([safe(c) for c in shown.columns], rows, terminal_size()[0]), pager=pager)
    _count(result, [] if columns else shown.hidden)


def _count(result, hidden: list[str]) -> None:
    """The row count, and what was left out, on stderr after the rows."""
    sys.stdout.flush()
    more = " (--limit reached: there are more)" if result.more else ""
    left = f"; {', '.join(hidden)} not shown (--columns chooses, --format csv shows all)" if hidden else ""
    note(plural(len(result.rows), "row") + more + left)


def queries(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            help="Show this named query in full: description, parameters, examples and its SPARQL.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[ListFormat, format_option(ListFormat, "a list format", "table or json.")] = ListFormat.table,
) -> None:
    """List the named queries with their summaries and parameters, or show one in full.

    [b]Example[/b]: caregraph queries inspection-timeline
    """
    from caregraph.query import named_queries, named_query

    chosen = [call(lambda: named_query(name))] if name else list(call(named_queries).values())
    if fmt == "json":
        import json
        from dataclasses import asdict

        items = [{**{k: v for k, v in asdict(q).items() if k != "path"}, "path": str(q.path)} for q in chosen]
        typer.echo(json.dumps(items if not name else items[0], indent=1, ensure_ascii=False))
    elif name:
        typer.echo(safe(_describe_query(chosen[0]), lines=True))
    else:
        from rich.text import Text

        rows = [
            (Text(q.name, style="bold"), q.summary, ", ".join(_describe_param(p) for p in q.parameters) or "—")
            for q in chosen
        ]
        print_table(rows, ["name", "summary", "parameters"], padding=(0, 2, 0, 0))
        note("'caregraph queries NAME' shows one in full")


def _describe_param(p) -> str:
    extra = ", required" if p.required else f", default {p.default}" if p.default else ""
    return f"{p.name} ({p.type}{extra})"


def _describe_query(q) -> str:
    lines = [f"{q.name}: {q.summary}", ""]
    if q.description:
        import textwrap

        lines += [*textwrap.wrap(q.description, 100), ""]
    if q.parameters:
        lines.append("Parameters (--param NAME=VALUE):")
        lines += [f"  {_describe_param(p)}: {p.description}" for p in q.parameters] + [""]
    lines += [f"Example: {e}" for e in q.examples]
    lines += ["", f"# {q.path}", q.text.rstrip()]
    return "\n".join(lines)


def prefixes() -> None:
    """List the prefixes predeclared in every query.

    [b]Example[/b]: caregraph prefixes
    """
    from caregraph.query import prefixes as predeclared

    for prefix, ns in predeclared().items():
        typer.echo(f"PREFIX {prefix}: <{ns}>")
