"""What the commands print, and where: data to stdout, messages to stderr.

One way to report an error (``Error: …`` and an exit code, :func:`call` turning the library's exceptions into it), one
progress bar, one table for query results (:func:`format_table`, fitted to the terminal, long text wrapped), one for
the small summaries commands print (:func:`print_table`), and one pager (:func:`page`). Everything that reaches a
terminal passes through :func:`safe`: control characters (newlines in a file name, terminal escape sequences, bidi
overrides) are printed escaped, never raw, and no text is read as Rich markup or emoji codes (``:skull:.txt`` prints
as it is).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

T = TypeVar("T")

# C0 and C1 controls, DEL, bidi marks and overrides, and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group(0)
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def safe(text: str, *, lines: bool = False) -> str:
    """``text`` for the terminal: every control character (newline, tab, ESC, …) and bidi override written as a
    visible escape (``\\n``, ``\\x1b``, ``\\u202e``), so no value can start a line, move the cursor or set the
    terminal's title. With ``lines``, newlines are kept (a block of lines caregraph composed); the rest is escaped.

    >>> safe("evil\\nError: forged\\x1b]0;title\\x07")
    'evil\\\\nError: forged\\\\x1b]0;title\\\\x07'
    """
    return (_CONTROL_BUT_NEWLINE if lines else _CONTROL).sub(_escape, text)


def console(*, stderr: bool = False) -> Console:
    """A console on stdout (data) or stderr (messages); made per use, as the streams may be swapped (tests). Neither
    markup nor emoji codes are read in what it prints unless a caller asks for markup."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=stderr, emoji=False, markup=False)


def note(message: str) -> None:
    """A message for the person at the terminal, on stderr (one line: newlines in it are escaped)."""
    console(stderr=True).print(safe(message), markup=False, emoji=False)


def fail(message: str, code: int = 2, *, more: Sequence[str] = ()) -> typer.Exit:
    """Print ``Error: message`` on stderr (and the lines ``more``, such as a query line and its caret); return the
    :class:`typer.Exit` to raise with ``code``. The message is one line: newlines in it are escaped."""
    from rich.text import Text

    err = console(stderr=True)
    err.print(Text.assemble(("Error:", "bold red"), " ", safe(message)))
    for line in more:
        err.print(Text(safe(line)))
    return typer.Exit(code)


def stdout_closed() -> typer.Exit:
    """The reader of stdout went away (``caregraph stats | head -1``): not an error. Point stdout at /dev/null, so the
    last flush at exit writes nowhere instead of raising, and return the :class:`typer.Exit` (code 0) to raise."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor (tests capture stdout in memory)
        pass
    return typer.Exit(0)


def stdout_is_broken() -> bool:
    """Whether stdout is a pipe nobody reads any more (rather than some other connection that broke)."""
    try:
        import select

        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
    except (OSError, ValueError, AttributeError):
        return True


def call(fn: Callable[[], T]) -> T:
    """Call ``fn``; turn caregraph errors into ``Error: …`` and their exit code. No traceback reaches the user."""
    from caregraph.errors import CaregraphError, QuerySyntaxError, QueryTimeout

    try:
        return fn()
    except typer.Exit:
        raise
    except QueryTimeout as exc:
        raise fail(str(exc), 3) from None
    except QuerySyntaxError as exc:
        # "file:line:column: message", then the offending line and a caret under the column.
        shown = 2 if exc.text_line is not None and exc.column is not None else 0
        head, *more = str(exc).rsplit("\n", shown) if shown else [str(exc)]
        raise fail(head, exc.exit_code, more=more) from None
    except CaregraphError as exc:
        raise fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        raise fail("interrupted", 130) from None
    except BrokenPipeError:
        if stdout_is_broken():
            raise stdout_closed() from None
        raise fail("the connection was closed (broken pipe)") from None
    except OSError as exc:
        raise fail(f"{exc.filename or ''}{': ' if exc.filename else ''}{exc.strerror or exc}") from None
    except Exception as exc:  # a bug: say so in one line, never a traceback
        raise fail(f"internal error ({type(exc).__name__}: {exc}); please report it") from None


def plural(n: int, word: str) -> str:
    """``1 row``, ``2 rows``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def terminal_size() -> tuple[int, int]:
    """Columns and lines of the terminal on stdout (``$COLUMNS``/``$LINES`` win; 80 × 24 when there is none)."""
    import shutil

    size = shutil.get_terminal_size((80, 24))
    return max(size.columns, 20), max(size.lines, 5)


def page(text: str, *, pager: bool = True) -> None:
    """Write ``text`` to stdout; on a terminal, through a pager when it is longer than the screen (``$CAREGRAPH_PAGER``,
    else ``$PAGER``, else ``less -FRX``; an empty value, ``--no-pager`` or a pipe writes directly)."""
    command = os.environ.get("CAREGRAPH_PAGER", os.environ.get("PAGER", "less"))
    if not pager or not command.strip() or not sys.stdout.isatty() or text.count("\n") < terminal_size()[1] - 1:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    import shlex
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit when it fits, keep the screen, pass nothing else through
    env.setdefault("LV", "-c")
    try:
        proc = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):  # no such pager: the text itself
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
        proc.stdin.close()
    except BrokenPipeError:  # the pager was quit before reading everything
        pass
    while True:
        try:
            proc.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager
            continue


# ---------------------------------------------------------------------------------------------- progress


class progress:
    """The progress bar: on stderr, only on a terminal, only for more than ``minimum`` steps, gone when done.

    ``with progress("building", total) as step:`` gives ``step(name)`` (one step done, ``name`` shown) or
    ``step(name, completed=n, total=m)`` (for a library that counts itself); ``step`` is None when there is no bar.
    ``total`` may be None when only the library knows it.
    """

    def __init__(self, label: str, total: int | None, *, quiet: bool = False, minimum: int = 0):
        self.label, self.total = label, total
        self.enabled = not quiet and (total is None or total > minimum) and sys.stderr.isatty()
        self.bar: Progress | None = None

    def __enter__(self) -> Callable[..., None] | None:
        if not self.enabled:
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = self.bar = Progress(
            TextColumn(self.label, markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[name]}", markup=False),
            console=console(stderr=True),
            transient=True,
        )
        bar.start()
        task = bar.add_task(self.label, total=self.total, name="")

        def step(name: object = "", completed: int | None = None, total: int | None = None) -> None:
            shown = safe(str(name))[-60:]
            if completed is None:
                bar.update(task, advance=1, name=shown)
            else:
                bar.update(task, completed=completed, total=total or self.total, name=shown)

        return step

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


# ---------------------------------------------------------------------------------------------- tables


def print_table(
    rows: Sequence[Sequence[Any]],
    columns: Sequence[str] = (),
    *,
    title: str | None = None,
    padding: tuple[int, int] | tuple[int, int, int, int] = (0, 2),
) -> None:
    """A small table on stdout (summaries, lists): no box, a bold header when ``columns`` are given, cells as plain
    text (never markup), lines without trailing blanks. Strings are passed through :func:`safe`; pass a
    ``rich.text.Text`` for a styled cell."""
    from rich.table import Table
    from rich.text import Text

    table = Table(*columns, show_header=bool(columns), header_style="bold", box=None, padding=padding, title=title)
    for row in rows:
        table.add_row(*(cell if isinstance(cell, Text) else Text(safe(str(cell))) for cell in row))
    out = console()
    with out.capture() as captured:
        out.print(table)
    typer.echo("\n".join(line.rstrip() for line in captured.get().splitlines()), color=out.is_terminal)


# An identifier: no spaces and a "/" (an IRI, a prefixed name, a file path); group 1 is the head kept when it is cut.
_IRI_CELL = re.compile(r"^(?=\S*/)((?:[A-Za-z][\w.-]*:(?://[^/\s]+/)?)|/|[^/\s:]{1,8}/)?\S*$")
IDENTIFIER_FLOOR = 24  # identifier columns (IRIs, paths) give up width first, down to this


def _fit(text: str, width: int) -> str:
    """``text`` in ``width`` columns: padded, or cut with "…" (an identifier in the middle, keeping its end)."""
    if len(text) <= width:
        return text.ljust(width)
    iri = _IRI_CELL.match(text)
    if iri and width >= 6:
        # An identifier's distinctive part is its end: keep its head (scheme, prefix, first folder) if there is room,
        # and the tail; cut the middle.
        head = iri.group(1) or ""
        head = next(h for h in (head, head.partition(":")[0] + ":" if ":" in head else "", "") if width >= len(h) + 6)
        return head + "…" + text[len(text) - (width - len(head) - 1) :]
    return text[: max(width - 1, 0)] + "…"


def _wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` columns, at spaces where it can be."""
    import textwrap

    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]


def _widths(variables: list[str], rows: list[list[str]], identifier: list[bool], width: int) -> list[int]:
    """Column widths that fit ``width``: identifiers give up width first (down to 24), then the column with the most
    width above its floor (a header's width up to 12; 8 for long text, which wraps)."""
    natural = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(variables)]
    floor = [min(natural[i], max(min(len(v), 12), 6 if identifier[i] else 8)) for i, v in enumerate(variables)]
    soft = [max(floor[i], min(natural[i], IDENTIFIER_FLOOR)) if identifier[i] else natural[i] for i in range(len(natural))]
    widths = list(natural)
    budget = width - 2 * (len(variables) - 1)
    while sum(widths) > budget:
        candidates = [k for k in range(len(widths)) if identifier[k] and widths[k] > soft[k]]
        i = max(candidates or range(len(widths)), key=lambda k: (widths[k] - floor[k], widths[k]))
        if widths[i] <= floor[i]:
            break  # every column at its floor: the table is wider than the terminal
        widths[i] -= 1
    return widths


def format_table(variables: list[str], rows: list[list[str]], width: int = 120) -> str:
    """An aligned plain-text table that fits in ``width`` columns (query results on a terminal).

    Long text is wrapped onto more lines, never cut; rows are then separated by a blank line. Columns of identifiers
    (IRIs, prefixed names, file paths) give up width first, down to 24 characters, and are cut in the middle so their
    distinctive end stays (``cgd:…/focused-visit/2024-04``); then the column with the most room shrinks. A header
    narrower than its name ends with "…". Cells are printed as given: escape them first (:func:`safe`).

    >>> print(format_table(["a", "b"], [["1", "a rather long value"]], width=14), end="")
    a  b
    ─  ───────────
    1  a rather
       long value
    """
    if not variables:
        return ""
    identifier = [
        any(r[i] for r in rows) and all(not r[i] or _IRI_CELL.match(r[i]) for r in rows) for i in range(len(variables))
    ]
    widths = _widths(variables, rows, identifier, width)
    blocks = []
    for r in rows:
        cells = [[_fit(r[i], w)] if identifier[i] else _wrap(r[i], w) for i, w in enumerate(widths)]
        height = max(len(c) for c in cells)
        blocks.append(
            [
                "  ".join((c[k] if k < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
                for k in range(height)
            ]
        )
    lines = ["  ".join(_fit(v, w) for v, w in zip(variables, widths, strict=True)).rstrip()]
    lines.append("  ".join("─" * w for w in widths))
    spaced = any(len(b) > 1 for b in blocks)
    for n, block in enumerate(blocks):
        if spaced and n:
            lines.append("")
        lines.extend(block)
    return "\n".join(lines) + "\n"
