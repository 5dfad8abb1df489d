"""`caregraph query` writes SELECT rows as the engine yields them (csv, tsv, json, xml, jsonl): the text is the same
as when the rows are held, and memory stays flat however many rows a query gives (a cartesian product runs in
constant memory until --timeout or LIMIT stops it)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from caregraph.query.formats import RESULTS_FORMATS, row_writer, serialize_rows, write_rows
from caregraph.query.run import QueryResult, run_query
from caregraph.store import open_store

PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
STREAMED = (*RESULTS_FORMATS, "jsonl")
XSD_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def sample_rows(n: int) -> list[dict]:
    """Rows with IRIs, typed, language-tagged and awkward literals, a blank node, and unbound values."""
    rows: list[dict] = []
    for i in range(n):
        row = {"s": ox.NamedNode(f"http://example.org/s{i}"), "n": ox.Literal(str(i), datatype=XSD_INT)}
        if i % 3:
            row["t"] = ox.Literal(f'a, "quoted"\tvalue\n{i}\x01', language="en" if i % 2 else None)
        if i % 5 == 0:
            row["b"] = ox.BlankNode(f"b{i}")
        rows.append(row)
    return rows


@pytest.mark.parametrize("fmt", STREAMED)
@pytest.mark.parametrize(("n", "chunk"), [(0, 3), (1, 3), (7, 3), (9, 3), (9, 1000)])
def test_streamed_text_is_the_text_of_the_held_rows(fmt, n, chunk):
    rows, variables = sample_rows(n), ["s", "t", "n", "b"]
    out = io.StringIO()
    assert write_rows(out, fmt, variables, iter(rows), chunk=chunk) == (n, False)
    assert out.getvalue() == serialize_rows(QueryResult("select", variables, rows), fmt)


@pytest.mark.parametrize("fmt", STREAMED)
def test_a_result_with_no_variables_streams_like_it_is_held(fmt):
    out = io.StringIO()
    assert write_rows(out, fmt, [], iter([{}, {}]), chunk=1) == (2, False)
    assert out.getvalue() == serialize_rows(QueryResult("select", [], [{}, {}]), fmt)


@pytest.mark.parametrize("fmt", STREAMED)
@pytest.mark.parametrize(("n", "limit", "more"), [(5, 5, False), (6, 5, True), (4, 5, False), (3, 0, True)])
def test_limit_writes_the_first_rows_and_says_whether_there_were_more(fmt, n, limit, more):
    rows = sample_rows(n)
    read = []
    out = io.StringIO()
    written = write_rows(out, fmt, ["s", "n"], (read.append(r) or r for r in rows), limit=limit, chunk=2)
    assert written == (min(n, limit), more)
    assert out.getvalue() == serialize_rows(QueryResult("select", ["s", "n"], rows[:limit]), fmt)
    assert len(read) == min(n, limit + 1)  # one row past the limit, no more


def test_the_writer_keeps_the_chosen_columns_in_order_and_names_a_missing_one():
    out = io.StringIO()
    write = row_writer(out, "jsonl", ["n", "s"])
    assert write(["s", "t", "n"], iter(sample_rows(2))) == (2, False)
    assert [list(json.loads(line)) for line in out.getvalue().splitlines()] == [["n", "s"], ["n", "s"]]
    with pytest.raises(Exception, match=r"--columns: no column 'x'; the columns are s, t"):
        row_writer(io.StringIO(), "csv", ["x"])(["s", "t"], iter([]))


# ------------------------------------------------------------------------------------------ through the store


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    """300 triples: their cartesian product with themselves is 90,000 rows of 6 columns; with a third copy, 27
    million."""
    path = tmp_path_factory.mktemp("stream") / "store"
    graph = ox.NamedNode("http://example.org/g")
    with open_store(path) as store:
        store.ox.extend(
            ox.Quad(
                ox.NamedNode(f"http://example.org/s{i}"),
                ox.NamedNode("http://example.org/p"),
                ox.Literal(f"v{i}"),
                graph,
            )
            for i in range(300)
        )
    return path


def test_run_query_hands_rows_to_the_writer_and_holds_none(small_store):
    out = io.StringIO()
    with open_store(small_store, read_only=True) as store:
        result = run_query(store, PRODUCT, inline=True, write=row_writer(out, "csv"), limit=1000)
        held = run_query(store, PRODUCT, inline=True, limit=1000)
    assert (result.kind, result.rows, result.written, result.more) == ("select", [], 1000, True)
    assert out.getvalue() == serialize_rows(held, "csv")


def run_measured(store: Path, *args: str, timeout: float = 60) -> tuple[subprocess.CompletedProcess, int]:
    """`caregraph query … --store store` in a fresh process, stdout to /dev/null; its result and peak memory (KiB)."""
    script = (
        "import atexit, resource, sys\n"
        "atexit.register(lambda: print('maxrss', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr))\n"
        "from caregraph.cli.app import main\n"
        f"sys.argv = ['caregraph', 'query', *{list(args)!r}, '--store', {str(store)!r}]\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=timeout
    )
    peak = [int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("maxrss ")]
    assert peak, proc.stderr
    return proc, peak[-1]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_cartesian_product_streams_in_flat_memory_until_the_timeout(small_store, fmt):
    """The issue's case: a product with no LIMIT, stopped by --timeout (exit 3) after writing rows as they came;
    memory grows by no more than a few MB over a query of 10 rows (held rows grew ~50 MB/s)."""
    small, base = run_measured(small_store, "-e", PRODUCT + " LIMIT 10", "--format", fmt)
    assert small.returncode == 0, small.stderr
    big, peak = run_measured(
        small_store, "-e", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--format", fmt, "--timeout", "2.5"
    )
    assert big.returncode == 3, big.stderr
    assert "ran longer than 2.5 s" in big.stderr and "unsendable" not in big.stderr
    assert peak - base < 20_000, (base, peak)


def test_a_large_limit_streams_every_row_in_flat_memory(small_store, tmp_path):
    """90,000 rows written to a file; held, they took ~60 MB more than 10 rows did."""
    _, base = run_measured(small_store, "-e", PRODUCT + " LIMIT 10", "--format", "tsv")
    out = tmp_path / "rows.tsv"
    script = (
        "import resource, sys\n"
        "from caregraph.query.formats import row_writer\n"
        "from caregraph.query.run import run_query\n"
        "from caregraph.store import open_store\n"
        f"with open_store({str(small_store)!r}, read_only=True) as store, open({str(out)!r}, 'w') as out:\n"
        f"    result = run_query(store, {PRODUCT!r}, inline=True, write=row_writer(out, 'tsv'))\n"
        "print(result.written, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    written, peak = map(int, proc.stdout.split())
    assert written == 90_000
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "?a\t?b\t?c\t?d\t?e\t?f" and len(lines) == 90_001
    assert peak - base < 20_000, (base, peak)
