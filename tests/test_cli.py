"""The command line as a whole: help text (plain metavars, format choices, an example per command, paragraphs),
the format enums against the library's lists, shell completion of formats, and the query-results table."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from caregraph.cli import app
from caregraph.cli import options as o
from caregraph.cli.app import COMMANDS, app_for, paragraphs
from caregraph.cli.output import format_table

runner = CliRunner()
PYTHON_TYPES = re.compile(r"<(str|bool|int|float|path|list)\b[^>]*>|<list")


def help_of(*args: str) -> str:
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    return result.output


# ------------------------------------------------------------------------------------------------ help


@pytest.mark.parametrize("command", [(), ("query",)] + [(name,) for name, _ in COMMANDS])
def test_help_shows_plain_metavars_never_python_types(command):
    text = help_of(*command)
    assert not PYTHON_TYPES.search(text), PYTHON_TYPES.search(text)


def test_top_and_query_help_show_the_metavars_and_list_every_format():
    top = help_of()
    assert "--version" in top and "<bool>" not in top and "<str>" not in top and "<list" not in top
    query = help_of("query")
    for metavar in ("NAME", "TEXT", "NAME=VALUE", "PATH", "FORMAT", "IRI", "SECONDS", "URL"):
        assert re.search(rf"[\s\[]{re.escape(metavar)}[\s\]]", query), metavar
    assert "<str>" not in query and "<bool>" not in query and "<list" not in query and "<float>" not in query
    help_words = set(re.findall(r"[a-z]+", query))
    assert {f.value for f in o.QueryFormat} <= help_words
    assert "env var: CAREGRAPH_STORE" in query


@pytest.mark.parametrize(
    ("command", "kind"),
    [
        ("explain", o.ExplainFormat),
        ("queries", o.ListFormat),
        ("stats", o.ListFormat),
        ("validate", o.ReportFormat),
        ("export", o.RdfFormat),
        ("export-graph", o.GraphFormat),
    ],
)
def test_every_format_option_lists_its_choices(command, kind):
    words = set(re.findall(r"[a-z]+", help_of(command)))
    assert {f.value for f in kind} <= words, command


@pytest.mark.parametrize(("name", "function"), COMMANDS)
def test_every_command_help_ends_with_an_example_and_has_no_broken_lines(name, function):
    help_text = paragraphs(function.__doc__)
    last = help_text.split("\n\n")[-1]
    assert last.startswith("[b]Example"), name
    assert all(line.strip().startswith("caregraph") or "CAREGRAPH_" in line for line in last.splitlines()[1:]), name
    for paragraph in help_text.split("\n\n")[:-1]:
        assert "\n" not in paragraph, (name, paragraph)  # prose: one line, wrapped by the terminal
    assert "Example" in help_of(name)


def test_paragraphs_join_prose_and_keep_example_lines():
    doc = """Summary line.

    A paragraph wrapped
    in the source.

    [b]Examples[/b]:
      caregraph one
      caregraph two
    """
    assert paragraphs(doc) == (
        "Summary line.\n\nA paragraph wrapped in the source.\n\n[b]Examples[/b]:\n  caregraph one\n  caregraph two"
    )


def test_a_narrow_terminal_wraps_paragraphs_instead_of_breaking_them():
    result = runner.invoke(app, ["query", "--help"], env={"COLUMNS": "70"})
    lines = [line.strip() for line in result.output.splitlines()]
    # The second paragraph is one run of text wrapped at the width: no short line in its middle.
    start = next(i for i, line in enumerate(lines) if line.startswith("The prefixes of the ontology"))
    end = lines.index("", start)
    assert all(len(line) > 45 for line in lines[start : end - 1]), lines[start:end]


# ------------------------------------------------------------------------------------------------ formats


def test_format_enums_match_the_library():
    from caregraph.explore.network import EXPORT_FORMATS
    from caregraph.interop.export import FORMATS
    from caregraph.query import GRAPH_FORMATS, ROW_FORMATS
    from caregraph.store import STORE_ENV

    assert [f.value for f in o.QueryFormat] == list(dict.fromkeys([*ROW_FORMATS, *GRAPH_FORMATS]))
    assert [f.value for f in o.RdfFormat] == list(FORMATS)
    assert [f.value for f in o.GraphFormat] == list(EXPORT_FORMATS)
    from caregraph.interop.provenance import MODES

    assert [f.value for f in o.Provenance] == list(MODES)
    assert o.STORE_ENV == STORE_ENV
    from caregraph.cli.query import GRAPHS, ROWS

    assert (ROW_FORMATS, tuple(GRAPH_FORMATS)) == (ROWS, GRAPHS)


def test_a_format_outside_the_enum_is_a_usage_error_naming_the_choices():
    result = runner.invoke(app, ["query", "-e", "ASK {}", "--format", "yaml"])
    assert result.exit_code == 2
    assert (
        "'yaml' is not a query output format; choose one of table, csv, tsv, json, xml, markdown, jsonl, turtle"
        in " ".join(re.sub(r"[│╭╮╰╯─]", " ", result.output).split())
    )


def test_tab_completion_lists_the_formats():
    env = {
        **os.environ,
        "_CAREGRAPH_COMPLETE": "complete_bash",
        "COMP_WORDS": "caregraph export --format n",
        "COMP_CWORD": "3",
    }
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv[0] = 'caregraph'; from caregraph.cli import main; main()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.stdout.split() == ["ntriples", "nquads"], proc.stderr


def run_main(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv[0] = 'caregraph'; from caregraph.cli import main; main()", *args],
        env={**os.environ, "COLUMNS": "160"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_run_that_names_a_command_builds_that_command_alone():
    assert [c.name for c in app_for(["query", "inspections"]).registered_commands] == ["query"]
    for argv in ([], ["--help"], ["--version"], ["qurey"], ["--", "query"]):
        assert len(app_for(argv).registered_commands) == len(COMMANDS), argv


@pytest.mark.parametrize(
    "args",
    [
        ("query", "--help"),
        ("export", "--help"),
        ("query", "--format", "yaml", "inspections"),  # a bad option: the same message and exit code
        ("stats", "--no-such-option"),
    ],
)
def test_the_one_command_app_answers_as_the_whole_app_does(args):
    """main() runs a command from an app holding it alone; help, errors and exit codes are the whole app's."""
    whole = runner.invoke(app, list(args), env={"COLUMNS": "160"}, prog_name="caregraph")
    alone = run_main(*args)
    assert alone.returncode == whole.exit_code
    assert " ".join((alone.stdout + alone.stderr).split()) == " ".join(whole.output.split())


def test_the_whole_app_still_answers_a_mistyped_command():
    proc = run_main("qurey")
    assert proc.returncode == 2 and "No such command" in proc.stderr and "query" in proc.stderr


# ------------------------------------------------------------------------------------------------ the results table


def test_table_fits_the_width_and_wraps_long_text_instead_of_cutting_it():
    decision = (
        "That Cabinet notes the progress made delivering the children's services 'Getting to Good' plan and the "
        "improvement priorities resulting from the Ofsted Focused Visit in March 2021"
    )
    rows = [["cgd:council/surrey/inspection/focused-visit/2021-03", "Surrey", decision]]
    out = format_table(["inspection", "councilName", "text"], rows, width=80)
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines), out
    assert lines[0].split() == ["inspection", "councilName", "text"]
    assert lines[2].split()[0] == "cgd:…cused-visit/2021-03"  # an identifier is cut in the middle, keeping its end
    text_start = lines[0].index("text")
    assert " ".join(line[text_start:].strip() for line in lines[2:]) == decision  # every word, in order
    assert format_table([], []) == ""


def test_identifier_columns_give_way_and_keep_their_ends():
    rows = [
        [
            "/tmp/some/deep/folder/data/004_5de58e62faaac796.txt",
            "Children's Improvement Update <script>alert('cg-xss-1')</script> and more text",
        ],
        [
            "data/003_0938c2f4e45d6980.txt",
            "Positive feedback from Ofsted following recent children's services focused visit",
        ],
    ]
    lines = format_table(["file", "title"], rows, width=80).splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[2].startswith("/…") and lines[2].split()[0].endswith("faaac796.txt")
    assert "cg-xss-1" in lines[3] and lines[3].startswith(" " * 26)  # the title wraps under itself
    second = next(i for i, line in enumerate(lines) if line.startswith("data/"))
    assert lines[second].split()[0] == "data/…38c2f4e45d6980.txt"  # the folder kept, then the distinctive end
    assert (
        format_table(
            ["i"], [["https://w3id.org/caregraph/id/council/surrey/inspection/focused-visit/2024-04"]], width=30
        ).splitlines()[2]
        == "https://w3id.org/…isit/2024-04"
    )


def test_a_table_too_wide_for_the_terminal_becomes_records():
    names = ["inspection", "councilName", "kindLabel", "start", "end", "judgementLabel", "planned", "source"]
    row = [
        "cgd:council/surrey/inspection/commissioner-review/2019-10",
        "Surrey",
        "Children's services commissioner review",
        "2019-10",
        "",
        "",
        "true",
        "Children's Improvement Update",
    ]
    wide = format_table(names, [row, row], width=200).splitlines()
    assert len(wide) == 4 and wide[0].split() == names  # one line per row when there is room
    narrow = format_table(names, [row, row], width=60).splitlines()
    assert all(len(line) <= 60 for line in narrow)
    assert narrow[0].startswith("── 1 ") and "── 2 " in "\n".join(narrow)
    assert "kindLabel       Children's services commissioner review" in narrow
    assert not any(line.startswith(("end ", "judgementLabel")) for line in narrow)  # empty values left out


def test_a_long_header_breaks_where_its_words_join():
    out = format_table(["judgementLabel", "n"], [["Good", "1"]], width=14).splitlines()
    assert out[0].split() == ["judgement", "n"] and out[1] == "Label" and out[3].split() == ["Good", "1"]
