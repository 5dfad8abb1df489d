"""What reaches the terminal: short flags with one meaning each, a closed pipe is not an error, the pager, and data
that cannot forge lines, move the cursor, set the terminal's title or turn into emoji.

The hostile store is a real build: sample documents copied under hostile file names, plus a person whose stored name
holds a newline and terminal escape sequences (added with `query --update`, as a document could state it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caregraph.cli import app
from caregraph.cli.app import COMMANDS

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CAREGRAPH = [sys.executable, "-m", "caregraph.cli"]

FORGED_FILE = "report\nError: forged line\x1b]0;pwned-title\x07.txt"
EMOJI_FILE = ":skull:.txt"
FORGED_NAME = "Dave\x1b[2J Hill\nError: forged\x1b]0;pwned\x07"
PERSON = "https://w3id.org/caregraph/id/council/surrey/person/forged"
POST = "https://w3id.org/caregraph/id/council/surrey/post/cabinet-member-for-children"
RAW = ("\x1b", "\x07", "\u202e")


# ------------------------------------------------------------------------------------------------ short flags


def test_every_short_flag_means_one_thing_in_every_command():
    """-e is SPARQL text, -q quiet, -n "at most N", -c a council… in every command that has them."""
    import typer.main

    group = typer.main.get_command(app)
    meanings: dict[str, set[str]] = {}
    for command in group.commands.values():
        for param in command.params:
            if param.param_type_name != "option":
                continue
            longs = [o for o in param.opts if o.startswith("--")]
            for short in (o for o in param.opts + param.secondary_opts if len(o) == 2 and o[0] == "-"):
                meanings.setdefault(short, set()).add(longs[0])
    assert meanings["-e"] == {"--query"} and meanings["-q"] == {"--quiet"} and meanings["-c"] == {"--council"}
    assert meanings["-n"] == {"--limit", "--top", "--max-nodes"}  # one meaning: how many at most
    assert all(len(longs) == 1 for short, longs in meanings.items() if short != "-n"), meanings
    assert {name for name, _ in COMMANDS} >= {"serve", "query", "explain", "push"}


# ------------------------------------------------------------------------------------------------ a closed pipe


def closed_pipe_run(*args: str, store: Path) -> subprocess.CompletedProcess:
    """Run caregraph with stdout a pipe nobody reads (its read end closed before anything is written)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [*CAREGRAPH, *args],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env={**os.environ, "CAREGRAPH_STORE": str(store), "PYTHONIOENCODING": "utf-8"},
        )
    finally:
        os.close(write)


PRINTING = [
    ("stats",),
    ("stats", "--format", "json"),
    ("stats", "--central"),
    ("query", "inspections"),
    ("query", "inspections", "--format", "table"),
    ("query", "inspections", "--format", "json"),
    ("query", "inspections", "--format", "markdown"),
    ("query", "inspections", "--format", "jsonl"),
    ("queries",),
    ("queries", "inspections"),
    ("prefixes",),
    ("explain", "Surrey"),
    ("explain", "Surrey", "--format", "csv"),
    ("path", "Clare Curran", "Ofsted"),
    ("export",),
    ("export-graph",),
    ("--help",),
    ("query", "--help"),
    ("--version",),
]


@pytest.mark.parametrize("args", PRINTING, ids=" ".join)
def test_a_reader_that_stops_early_is_not_an_error(built_store, args):
    """`caregraph stats | head -1`: exit code 0 and nothing on stderr (no traceback, no "Error: Broken pipe")."""
    proc = closed_pipe_run(*args, store=built_store)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "Error" not in proc.stderr and "Broken pipe" not in proc.stderr


def test_stats_refuses_an_unknown_format_like_every_command(built_store):
    result = runner.invoke(app, ["stats", "--format", "xyz", "--store", str(built_store)])
    assert result.exit_code == 2
    assert "'xyz' is not a stats format; choose table or json" in " ".join(result.output.replace("│", " ").split())


# ------------------------------------------------------------------------------------------------ hostile text


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    corpus = folder / "corpus"
    corpus.mkdir()
    shutil.copy(DATA / "003_0938c2f4e45d6980.txt", corpus / FORGED_FILE)
    shutil.copy(DATA / "002_bf683e13625adc74.txt", corpus / EMOJI_FILE)
    store = folder / "store"
    built = runner.invoke(app, ["build", str(corpus), "--store", str(store), "-q"])  # in this process: only set-up
    assert built.exit_code == 0, built.output
    import pyoxigraph as ox

    insert = f"""INSERT DATA {{ GRAPH <https://w3id.org/caregraph/id/doc/forged> {{
        <https://w3id.org/caregraph/id/doc/forged> a cg:Document ; cg:file "forged.txt" .
        <{PERSON}> a cg:Person ; foaf:name {ox.Literal(FORGED_NAME)} ; org:holds <{POST}> .
        <{POST}> a cg:Post ; skos:prefLabel "Cabinet Member for Children" ;
          org:postIn <https://w3id.org/caregraph/id/council/surrey> }} }}"""
    updated = runner.invoke(app, ["query", "-e", insert, "--update", "--store", str(store)])
    assert updated.exit_code == 0, updated.output
    return store


def no_raw_control(text: str) -> None:
    assert not any(c in text for c in RAW), repr(text)
    assert "\nError: forged" not in text, repr(text)


def test_file_names_never_reach_the_terminal_raw(hostile_store):
    table = runner.invoke(app, ["query", "documents", "--format", "table", "--store", str(hostile_store)])
    assert table.exit_code == 0, table.output
    no_raw_control(table.stdout)
    files = runner.invoke(
        app, ["query", "documents", "-f", "table", "--columns", "file", "--store", str(hostile_store)]
    )
    no_raw_control(files.stdout)
    shown = " ".join(line.strip() for line in files.stdout.splitlines()[2:])
    # In a table, line breaks in a value are spaces (as in a decision's text); the escape sequences show as text.
    assert "/report Error: forged line\\x1b]0;pwned-title\\x07.txt" in shown
    assert f"/{EMOJI_FILE}" in shown and "💀" not in files.stdout  # no emoji codes: the name as it is
    md = runner.invoke(app, ["query", "documents", "--format", "markdown", "--store", str(hostile_store)])
    no_raw_control(md.stdout)
    assert EMOJI_FILE in md.stdout


def test_stored_labels_never_reach_the_terminal_raw(hostile_store):
    path = runner.invoke(app, ["path", PERSON, "Surrey", "--store", str(hostile_store)])
    assert path.exit_code == 0, path.output
    no_raw_control(path.stdout)
    assert path.stdout.splitlines()[0] == "Dave\\x1b[2J Hill\\nError: forged\\x1b]0;pwned\\x07 (Person)"
    explained = runner.invoke(app, ["explain", PERSON, "--store", str(hostile_store)])
    assert explained.exit_code == 0, explained.output
    no_raw_control(explained.stdout)
    table = runner.invoke(
        app,
        ["query", "-e", "SELECT ?n WHERE { ?p foaf:name ?n }", "--format", "table", "--store", str(hostile_store)],
    )
    no_raw_control(table.stdout)


def test_errors_print_names_escaped_and_without_markup(hostile_store):
    result = runner.invoke(app, ["explain", f"[bold]{FORGED_NAME}[/] :skull:", "--store", str(hostile_store)])
    assert result.exit_code == 2
    no_raw_control(result.stderr)
    first = result.stderr.splitlines()[0]
    assert first.startswith("Error: ") and "[bold]" in first and ":skull:" in first and "💀" not in first
    assert len(result.stderr.strip().splitlines()) == 1  # one line, whatever the name held
    missing = runner.invoke(app, ["query", f"{FORGED_FILE}.rq", "--store", str(hostile_store)])
    assert missing.exit_code == 2 and len(missing.stderr.strip().splitlines()) == 1
    no_raw_control(missing.stderr)


def test_a_syntax_error_keeps_its_caret_lines(built_store, tmp_path):
    f = tmp_path / "bad\nname.rq"
    f.write_text("SELECT ?x\nWHERE { ?x a cg:Inspection . ?x nope:p ?y }\n", encoding="utf-8")
    result = runner.invoke(app, ["query", str(f), "--store", str(built_store)])
    lines = result.stderr.splitlines()
    assert result.exit_code == 2 and len(lines) == 3, lines
    assert lines[0].startswith("Error: ") and "bad\\nname.rq:2:" in lines[0]
    assert lines[1] == "  WHERE { ?x a cg:Inspection . ?x nope:p ?y }" and lines[2].endswith("^")


# ------------------------------------------------------------------------------------------------ the pager


def run_in_a_terminal(args: list[str], env: dict[str, str], timeout: float = 120) -> tuple[int, str]:
    """Run caregraph with its stdout on a pseudo-terminal; its exit code and what the terminal showed."""
    import pty

    main, child = pty.openpty()
    proc = subprocess.Popen([*CAREGRAPH, *args], stdin=child, stdout=child, stderr=child, env=env, close_fds=True)
    os.close(child)
    shown = b""
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not data:
            break
        shown += data
    os.close(main)
    return proc.wait(timeout=timeout), shown.decode("utf-8", errors="replace")


def test_a_long_table_opens_the_pager_on_a_terminal_only(built_store, tmp_path):
    seen = tmp_path / "paged.txt"
    pager = tmp_path / "pager.sh"
    pager.write_text(f"#!/bin/sh\ncat > {seen}\necho PAGER-RAN\n", encoding="utf-8")
    pager.chmod(0o755)
    env = {
        **os.environ,
        "PAGER": str(pager),
        "COLUMNS": "80",
        "LINES": "10",
        "CAREGRAPH_STORE": str(built_store),
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("CAREGRAPH_PAGER", None)
    code, shown = run_in_a_terminal(["query", "inspections"], env)
    assert code == 0 and "PAGER-RAN" in shown, shown
    paged = seen.read_text(encoding="utf-8")
    assert "Surrey" in paged and all(len(line) <= 80 for line in paged.splitlines())
    seen.unlink()
    code, shown = run_in_a_terminal(["query", "inspections", "--no-pager"], env)
    assert code == 0 and "PAGER-RAN" not in shown and "Surrey" in shown and not seen.exists()
    piped = subprocess.run([*CAREGRAPH, "query", "inspections", "--format", "table"], env=env, capture_output=True)
    assert piped.returncode == 0 and not seen.exists() and b"Surrey" in piped.stdout  # a pipe: no pager
