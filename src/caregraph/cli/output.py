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

    return textwrap.wrap(text, max(width, 1), break_on_hyphens=False) or [""]


def _header_parts(name: str) -> list[str]:
    """A column name's word parts: ``judgementLabel`` → ``judgement``, ``Label``."""
    return re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])|[^A-Za-z0-9]+", name) or [name]


def _header(name: str, width: int) -> list[str]:
    """A column name in ``width`` columns: whole, else broken where its words join (``judgement``/``Label``), each
    part cut with "…" if it is still too long."""
    if len(name) <= width:
        return [name]
    lines: list[str] = []
    for part in _header_parts(name):
        if lines and len(lines[-1]) + len(part) <= width:
            lines[-1] += part
        else:
            lines.append(part)
    return [_fit(line, width).rstrip() for line in lines]


def _comfortable(name: str, cells: list[str], identifier: bool) -> int:
    """The narrowest a column may be and stay readable: an identifier 24 characters (it is cut in the middle), text
    its longest word (at least 12, at most 20, wider words are broken), a header its longest word part."""
    natural = max([len(c) for c in cells] or [0])
    head = max(len(p) for p in _header_parts(name)) if name else 0
    if identifier:
        return max(min(natural, IDENTIFIER_FLOOR), min(head, 12))
    longest = max((len(w) for c in cells for w in c.split()), default=0)
    return max(min(natural, max(min(longest, 20), 12)), min(head, 12))


def _widths(variables: list[str], rows: list[list[str]], identifier: list[bool], width: int) -> list[int] | None:
    """Column widths that fit ``width`` with every column at least at its comfortable width (identifiers give up
    width first, then the column with the most width above that); None when no such widths exist."""
    comfortable = [_comfortable(v, [r[i] for r in rows], identifier[i]) for i, v in enumerate(variables)]
    budget = width - 2 * (len(variables) - 1)
    if sum(comfortable) > budget:
        return None
    widths = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(variables)]
    while sum(widths) > budget:
        candidates = [k for k in range(len(widths)) if identifier[k] and widths[k] > comfortable[k]]
        i = max(candidates or range(len(widths)), key=lambda k: (widths[k] - comfortable[k], widths[k]))
        widths[i] -= 1
    return widths


def _records(variables: list[str], rows: list[list[str]], width: int) -> str:
    """Rows one after another, a value per line under its column name (empty values left out): the layout for a
    result too wide for the terminal, as ``psql`` does in expanded mode."""
    pad = min(max(len(v) for v in variables), 20)
    room = max(width - pad - 2, 20)
    out = []
    for n, row in enumerate(rows, 1):
        out.append(f"── {n} " + "─" * max(width - len(str(n)) - 4, 3))
        for v, value in zip(variables, row, strict=True):
            if not value:
                continue
            lines = _wrap(value, room)
            out.append(f"{_fit(v, pad)}  {lines[0]}".rstrip())
            out.extend((" " * (pad + 2) + line).rstrip() for line in lines[1:])
    return "\n".join(out) + "\n" if out else ""


def format_table(variables: list[str], rows: list[list[str]], width: int = 120) -> str:
    """An aligned plain-text table that fits in ``width`` columns (query results on a terminal).

    Long text is wrapped onto more lines, never cut; rows are then separated by a blank line. Columns of identifiers
    (IRIs, prefixed names, file paths) give up width first, down to 24 characters, and are cut in the middle so their
    distinctive end stays (``cgd:…/focused-visit/2024-04``); then the column with the most room shrinks, never below
    its longest word (up to 20). A long header is broken where its words join (``judgement``/``Label``). When even
    that does not fit, each row is printed as a record: one ``column  value`` line per value. Cells are printed as
    given: escape them first (:func:`safe`).

    >>> print(format_table(["n", "text"], [["1", "a rather long value, wrapped"]], width=20), end="")
    n  text
    ─  ─────────────────
    1  a rather long
       value, wrapped
    >>> print(format_table(["name", "text", "when"], [["x", "some words that go on", "2019-10-01"]], width=24), end="")
    ── 1 ───────────────────
    name  x
    text  some words that go
          on
    when  2019-10-01
    """
    if not variables:
        return ""
    identifier = [
        any(r[i] for r in rows) and all(not r[i] or _IRI_CELL.match(r[i]) for r in rows) for i in range(len(variables))
    ]
    widths = _widths(variables, rows, identifier, width)
    if widths is None:
        return _records(variables, rows, width)

    def block(cells: list[list[str]]) -> list[str]:
        height = max(len(c) for c in cells)
        return [
            "  ".join((c[k] if k < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
            for k in range(height)
        ]

    lines = block([_header(v, w) for v, w in zip(variables, widths, strict=True)])
    lines.append("  ".join("─" * w for w in widths))
    blocks = [block([[_fit(r[i], w)] if identifier[i] else _wrap(r[i], w) for i, w in enumerate(widths)]) for r in rows]
    spaced = any(len(b) > 1 for b in blocks)
    for n, rows_of_block in enumerate(blocks):
        if spaced and n:
            lines.append("")
        lines.extend(rows_of_block)
    return "\n".join(lines) + "\n"
