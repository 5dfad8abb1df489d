"""The ``caregraph`` command: a thin layer over the library. Each command parses its options, calls the library and
prints: data to stdout, messages to stderr. The commands live in one module per group (:mod:`~caregraph.cli.build`,
:mod:`~caregraph.cli.query`, :mod:`~caregraph.cli.explore`, :mod:`~caregraph.cli.interop`,
:mod:`~caregraph.cli.fetch`), their shared options in :mod:`~caregraph.cli.options` and what they print in
:mod:`~caregraph.cli.output`; this module makes the app and registers them.

Exit codes: 0 success; 1 ran and found a problem (a build with failed documents, ASK false, a graph that does not
conform); 2 could not run (bad arguments, unreadable store, query syntax error); 3 a query timed out.
"""

# No "from __future__ import annotations" here: Typer reads every command's annotations on every run, and string
# annotations cost it an eval each (~10 ms of every command).
import inspect
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from caregraph import __version__
from caregraph.cli import build, explore, fetch, interop, query, serve
from caregraph.cli.coercion import install
from caregraph.cli.output import stdout_closed

# ---------------------------------------------------------------------------------------------- help text

_TYPE_NAMES = {"str": "TEXT", "path": "PATH", "file": "PATH", "int": "INTEGER", "float": "NUMBER"}


def plain_type(param: Any, typed: Callable[..., str | None], ctx: Any = None) -> str | None:
    """What the help shows in a parameter's type column: its metavar (PATH, TEXT, FORMAT…), nothing for a flag.

    Typer 0.2x shows the Python type there (``<str>``, ``<bool>``, ``<list[str]>``) where click and older Typer show
    a metavar; ``typed`` is Typer's own answer, used only for the name of the type when there is no metavar.
    """
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    if param.param_type_name == "option" and param.metavar:
        return param.metavar  # a repeatable option is repeated, as its help says
    many = param.param_type_name == "argument" and param.nargs != 1
    name = (typed(ctx=ctx) or "").removesuffix("...").removeprefix("<").removesuffix(">")
    if name.startswith("list[") and name.endswith("]"):
        name = name[5:-1]
    name = name.removesuffix(" range")  # the range itself follows ([x>=1])
    return _TYPE_NAMES.get(name.lower(), name.upper()) + ("..." if many else "")


def _plain_params(params: list) -> list:
    for param in params:
        typed = getattr(param, "display_type_rich", None)
        if typed is not None and not getattr(param, "_caregraph_plain", False):
            param.display_type_rich = lambda ctx=None, p=param, t=typed: plain_type(p, t, ctx)
            param._caregraph_plain = True
    return params


class Command(TyperCommand):
    """A command whose help shows metavars, not Python types (:func:`plain_type`), and whose options are converted
    without pydantic when Typer's conversion would give the same (:mod:`caregraph.cli.coercion`)."""

    def get_params(self, ctx: Any) -> list:
        return install(_plain_params(super().get_params(ctx)))


class Group(TyperGroup):
    """The app's group, with the same help as :class:`Command`. A reader that stops reading stdout early
    (``caregraph stats | head -1``) ends the command quietly with exit code 0, whatever was printing (help, a table,
    a page of results): click would exit with 1."""

    def get_params(self, ctx: Any) -> list:
        return install(_plain_params(super().get_params(ctx)))

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # --help and --version print here
        except BrokenPipeError:
            raise stdout_closed() from None
        except SystemExit as exc:
            raise _pipe_exit(exc) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise stdout_closed() from None
        except SystemExit as exc:
            raise _pipe_exit(exc) from None


def _pipe_exit(exc: SystemExit) -> BaseException:
    """Rich ends a write to a closed stdout (help text) with ``SystemExit(1)``, raised while handling the
    BrokenPipeError: that one becomes exit code 0; any other SystemExit stays as it is."""
    return stdout_closed() if isinstance(exc.__context__, BrokenPipeError) else exc


def paragraphs(doc: str | None) -> str:
    """A docstring as help text: each paragraph of prose on one line, for the terminal to wrap (Typer's rich mode
    keeps single line breaks); a paragraph with indented lines (examples) keeps its lines."""
    out = []
    for paragraph in inspect.cleandoc(doc or "").split("\n\n"):
        lines = paragraph.splitlines()
        indented = any(line[:1].isspace() for line in lines[1:])
        out.append(paragraph if indented else " ".join(line.strip() for line in lines))
    return "\n\n".join(out)


# ---------------------------------------------------------------------------------------------- the app


def _version(value: bool) -> None:
    if value:
        typer.echo(f"caregraph {__version__}")
        raise typer.Exit()


def main_callback(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """caregraph: council papers about Ofsted inspections of children's services, as a knowledge graph.

    Build a graph from documents, ask it questions in SPARQL, draw it, export it.

    [b]Example[/b]: caregraph build data/ && caregraph query inspections
    """


COMMANDS: list[tuple[str, Callable[..., Any]]] = [
    ("fetch", fetch.fetch_command),
    ("build", build.build),
    ("remove", build.remove),
    ("query", query.query),
    ("queries", query.queries),
    ("prefixes", query.prefixes),
    ("stats", explore.stats),
    ("validate", interop.validate),
    ("viz", explore.viz),
    ("path", explore.path),
    ("export-graph", explore.export_graph),
    ("explain", explore.explain),
    ("export", interop.export),
    ("push", interop.push),
    ("import-ofsted", interop.import_ofsted),
    ("serve", serve.serve),
]


def make_app(commands: list[tuple[str, Callable[..., Any]]]) -> typer.Typer:
    """The ``caregraph`` app holding these commands."""
    made = typer.Typer(
        cls=Group,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=True,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    made.callback(help=paragraphs(main_callback.__doc__))(main_callback)
    for name, function in commands:
        made.command(name, cls=Command, help=paragraphs(function.__doc__))(function)
    return made


app = make_app(COMMANDS)


def app_for(argv: list[str]) -> typer.Typer:
    """The app to run these arguments: when they open with a command's name, an app holding that command alone.

    Typer turns every registered command into a click command, reading its signature and building its parameters,
    before it runs any: about 30 ms of every run for sixteen commands, against the 0.3 s a one-council query may
    take from the shell (docs/performance.md). The command runs, parses and fails the same way in either app; the
    whole app answers everything else (no arguments, ``--help``, ``--version``, completion, a mistyped command).
    """
    chosen = [(name, function) for name, function in COMMANDS if argv and name == argv[0]]
    return make_app(chosen) if chosen else app


def main() -> None:
    try:
        app_for(sys.argv[1:])()
    except Exception as exc:  # pragma: no cover - the last line of defence
        print(f"Error: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
