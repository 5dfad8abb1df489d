"""`caregraph query`, `queries`, `prefixes` through the CLI: sources, formats (the same rows in each), ASK exit codes,
graph formats, --graph, safety (store unchanged), timeouts, syntax errors and unknown queries."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time

import pyoxigraph as ox
from typer.testing import CliRunner

from caregraph.cli import app

from .conftest import at_a_terminal

runner = CliRunner()
PEOPLE = "SELECT ?person ?name WHERE { ?person a cg:Person ; foaf:name ?name } ORDER BY ?name"
HOSTILE = 'Surrey" } ; DROP ALL ; #'


def invoke(store, *args, **kwargs):
    return runner.invoke(app, ["query", *args, "--store", str(store)], **kwargs)


def quad_count(store_path) -> int:
    store = ox.Store.read_only(str(store_path))
    try:
        return len(store)
    finally:
        del store


def json_rows(text: str) -> list[dict[str, str]]:
    data = json.loads(text)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def parsed_rows(text: str, fmt: str) -> list[dict[str, str]]:
    """Rows of a results document, each variable -> lexical value, parsed back with pyoxigraph (or csv)."""
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        return [{k: v for k, v in row.items() if v != ""} for row in reader]
    formats = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML, "tsv": ox.QueryResultsFormat.TSV}
    solutions = ox.parse_query_results(text, format=formats[fmt])
    variables = [v.value for v in solutions.variables]
    return [{v: s[v].value for v in variables if s[v] is not None} for s in solutions]


# ------------------------------------------------------------------------------------------------ sources


def test_named_file_inline_and_stdin_give_the_same_rows(built_store, tmp_path):
    f = tmp_path / "people.rq"
    f.write_text(PEOPLE, encoding="utf-8")
    outputs = [
        invoke(built_store, "-e", PEOPLE, "--format", "json"),
        invoke(built_store, str(f), "--format", "json"),
        invoke(built_store, "-", "--format", "json", input=PEOPLE),
    ]
    for result in outputs:
        assert result.exit_code == 0, result.output
    rows = [json_rows(r.stdout) for r in outputs]
    assert rows[0] == rows[1] == rows[2]
    assert {"person": "https://w3id.org/caregraph/id/council/surrey/person/dave-hill", "name": "Dave Hill"} in rows[0]
    named = invoke(built_store, "people", "--format", "json")
    assert named.exit_code == 0
    assert {r["name"] for r in json_rows(named.stdout)} == {r["name"] for r in rows[0]}


def test_query_needs_exactly_one_source(built_store):
    assert invoke(built_store).exit_code == 2
    result = invoke(built_store, "people", "-e", PEOPLE)
    assert result.exit_code == 2 and "not both" in result.output


def test_stdin_text_is_always_sparql(built_store):
    result = invoke(built_store, "-", input="inspections")  # not taken as the named query
    assert result.exit_code == 2 and "<stdin>:1:" in result.output


# ------------------------------------------------------------------------------------------------ formats


def test_every_results_format_has_the_same_rows(built_store):
    outputs = {
        fmt: invoke(built_store, "inspections", "--format", fmt) for fmt in ("csv", "tsv", "json", "xml", "table")
    }
    for fmt, result in outputs.items():
        assert result.exit_code == 0, (fmt, result.output)
    rows = {fmt: parsed_rows(outputs[fmt].stdout, fmt) for fmt in ("csv", "tsv", "json", "xml")}
    assert len(rows["json"]) >= 8
    assert rows["csv"] == rows["tsv"] == rows["json"] == rows["xml"]
    table = outputs["table"].stdout
    assert f"{len(rows['json'])} rows" in outputs["table"].stderr
    assert all(r["councilName"] in table and r.get("start", "") in table for r in rows["json"])


def test_json_is_w3c_sparql_results_json(built_store):
    data = json.loads(invoke(built_store, "meetings", "--format", "json").stdout)
    assert data["head"]["vars"][:3] == ["meeting", "council", "councilName"]
    row = next(b for b in data["results"]["bindings"] if b["date"]["value"] == "2019-07-16")
    assert row["meeting"]["type"] == "uri"
    assert row["date"] == {
        "type": "literal",
        "value": "2019-07-16",
        "datatype": "http://www.w3.org/2001/XMLSchema#date",
    }
    assert row["councilName"] == {"type": "literal", "value": "Surrey", "xml:lang": "en"}


def test_table_fits_the_terminal_and_keeps_every_word(built_store):
    result = runner.invoke(
        app, ["query", "said-about-inspection", "--format", "table", "--store", str(built_store)], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 3
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    quotes = {r["quote"] for r in json_rows(invoke(built_store, "said-about-inspection", "--format", "json").stdout)}
    shown = " ".join(" ".join(line.split()) for line in lines)
    assert all(word in shown for quote in quotes for word in quote.split())


def test_default_format_is_csv_when_piped(built_store):
    result = invoke(built_store, "documents")
    assert result.stdout.startswith("document,file,url,title")


def test_ask_prints_true_or_false_and_sets_the_exit_code(built_store):
    yes = invoke(built_store, "-e", "ASK { ?i a cg:Inspection }")
    assert (yes.exit_code, yes.stdout) == (0, "true\n")
    no = invoke(built_store, "-e", "ASK { ?i a cg:NoSuchClass }")
    assert (no.exit_code, no.stdout) == (1, "false\n")
    js = invoke(built_store, "-e", "ASK { ?i a cg:NoSuchClass }", "--format", "json")
    assert js.exit_code == 1 and json.loads(js.stdout) == {"head": {}, "boolean": False}
    xml = invoke(built_store, "-e", "ASK { ?i a cg:Inspection }", "--format", "xml")
    assert xml.exit_code == 0 and bool(ox.parse_query_results(xml.stdout, format=ox.QueryResultsFormat.XML)) is True


CONSTRUCT = "CONSTRUCT { ?i a cg:Inspection ; cg:kind ?k ; rdfs:label ?l } WHERE { ?i a cg:Inspection ; cg:kind ?k ; rdfs:label ?l }"
RDF = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}


def test_construct_and_describe_give_every_rdf_format(built_store):
    expected = None
    for fmt, rdf_format in RDF.items():
        result = invoke(built_store, "-e", CONSTRUCT, "--format", fmt)
        assert result.exit_code == 0, (fmt, result.output)
        triples = {
            ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(result.stdout_bytes, format=rdf_format)
        }
        assert len(triples) >= 24, fmt
        expected = expected or triples
        assert triples == expected, fmt
    default = invoke(built_store, "-e", CONSTRUCT)
    assert default.stdout.startswith("@prefix")  # turtle
    described = invoke(
        built_store,
        "-e",
        "DESCRIBE <https://w3id.org/caregraph/id/council/surrey/person/dave-hill>",
        "--format",
        "ntriples",
    )
    assert described.exit_code == 0
    assert '<http://xmlns.com/foaf/0.1/name> "Dave Hill"' in described.stdout


def test_format_must_fit_the_query_form(built_store):
    result = invoke(built_store, "-e", CONSTRUCT, "--format", "table")
    assert result.exit_code == 2 and "is not an RDF format; choose one of turtle" in result.output
    result = invoke(built_store, "people", "--format", "turtle")
    assert result.exit_code == 2 and "is not a results format; choose one of table, csv" in result.output


# ------------------------------------------------------------------------------------------------ prefixes, graphs


def test_prefixes_are_predeclared_and_listed(built_store):
    listed = runner.invoke(app, ["prefixes"])
    assert listed.exit_code == 0
    for line in (
        "PREFIX cg: <https://w3id.org/caregraph/ontology#>",
        "PREFIX cgd: <https://w3id.org/caregraph/id/>",
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
        "PREFIX oa: <http://www.w3.org/ns/oa#>",
    ):
        assert line in listed.stdout.splitlines()
    result = invoke(built_store, "-e", "SELECT ?i WHERE { ?i a cg:Inspection }", "--format", "json")
    assert result.exit_code == 0 and len(json_rows(result.stdout)) >= 8


def document_iri(store_path, file_name: str) -> str:
    """The IRI of a document of data/ (one without a URL is keyed by its path, so it depends on the checkout)."""
    rows = json_rows(invoke(store_path, "documents", "--format", "json").stdout)
    return next(r["document"] for r in rows if r["file"].endswith(file_name))


def test_graph_restricts_to_one_graph(built_store):
    doc = document_iri(built_store, "003_0938c2f4e45d6980.txt")
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    everything = int(json_rows(invoke(built_store, "-e", count, "--format", "json").stdout)[0]["n"])
    one = int(json_rows(invoke(built_store, "-e", count, "--graph", doc, "--format", "json").stdout)[0]["n"])
    store = ox.Store.read_only(str(built_store))
    in_graph = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(doc))))
    del store
    assert everything == quad_count(built_store) and one == in_graph and 0 < one < everything
    # A named query with GRAPH patterns sees only that document (plus the label graphs).
    prefixed = doc.replace("https://w3id.org/caregraph/id/", "cgd:")
    rows = json_rows(invoke(built_store, "inspections", "--graph", prefixed, "--format", "json").stdout)
    assert rows and {r["source"] for r in rows} == {doc}
    assert {r["councilName"] for r in rows} == {"Surrey"}
    assert invoke(built_store, "inspections", "--graph", "not an iri").exit_code == 2


# ------------------------------------------------------------------------------------------------ parameters


def test_hostile_parameter_value_cannot_change_the_query(built_store):
    before = quad_count(built_store)
    result = invoke(built_store, "people-appearances", "--param", f"name={HOSTILE}", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json_rows(result.stdout) == []
    inline = invoke(
        built_store, "-e", "SELECT ?p WHERE { ?p foaf:name ?name }", "--param", f"name={HOSTILE}", "--format", "json"
    )
    assert inline.exit_code == 0 and json_rows(inline.stdout) == []
    assert quad_count(built_store) == before
    assert invoke(built_store, "people-appearances", "--param", "name=dave", "--format", "json").exit_code == 0


def test_parameter_errors(built_store):
    result = invoke(built_store, "inspections", "--param", "council=Atlantis")
    assert result.exit_code == 2 and "Error: --param council: no council called 'Atlantis'" in result.output
    result = invoke(built_store, "inspections", "--param", "colour=red")
    assert (
        result.exit_code == 2 and "has no parameter 'colour' (its parameters: council, since, until)" in result.output
    )
    result = invoke(built_store, "inspections", "--param", "council")
    assert result.exit_code == 2 and "is not NAME=VALUE" in result.output


# ------------------------------------------------------------------------------------------------ safety


def test_updates_are_refused_and_the_store_is_unchanged(built_store):
    before = quad_count(built_store)
    for text in (
        "DROP ALL",
        "CLEAR DEFAULT ; DROP ALL",
        "INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> 1 } }",
    ):
        result = invoke(built_store, "-e", text)
        assert result.exit_code == 2, text
        assert "Error: this is a SPARQL Update" in result.output and "--update" in result.output
    assert quad_count(built_store) == before


def test_update_applies_with_permission(built_store, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(built_store, copy)
    before = quad_count(copy)
    result = invoke(copy, "-e", "INSERT DATA { GRAPH <http://x/g> { <http://x/a> <http://x/b> 1 } }", "--update")
    assert result.exit_code == 0, result.output
    assert "update applied" in result.stderr
    assert quad_count(copy) == before + 1


def test_service_is_refused(built_store):
    result = invoke(built_store, "-e", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert result.exit_code == 2 and "--allow-service" in result.output


def test_timeout_stops_a_runaway_query_with_exit_code_3(built_store):
    """A cross product of the store with itself three times (5,000³ rows) never ends; --timeout 1 must end it."""
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "caregraph.cli", "query", "-e", cross, "--timeout", "1", "--store", str(built_store)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    elapsed = time.perf_counter() - started
    assert proc.returncode == 3, proc.stderr
    assert "Error: the query ran longer than 1 s and was stopped" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert elapsed < 15  # 1 s of query plus interpreter start; the process does not wait for the engine


def test_ctrl_c_stops_a_long_query(built_store):
    """The main thread waits outside the engine, so SIGINT is handled at once: 'Error: interrupted', exit 130."""
    import signal

    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    proc = subprocess.Popen(
        [sys.executable, "-m", "caregraph.cli", "query", "-e", cross, "--store", str(built_store)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=at_a_terminal,
    )
    try:
        time.sleep(3)  # well past start-up, even on a loaded machine: the query is running
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert "Error: interrupted" in err and "Traceback" not in err


def test_bad_timeout_is_a_usage_error(built_store):
    assert invoke(built_store, "people", "--timeout", "0").exit_code == 2


# ------------------------------------------------------------------------------------------------ errors


def test_syntax_error_shows_file_line_column_and_caret(built_store, tmp_path):
    f = tmp_path / "broken.rq"
    f.write_text("# my query\nSELECT ?x\nWHERE { ?x a cg:Inspection . ?x nope:p ?y }\n", encoding="utf-8")
    result = invoke(built_store, str(f))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert (
        lines[0]
        == f"Error: {f}:3:33: unknown prefix 'nope:'; declare it (PREFIX nope: <…>) or use a predeclared one ('caregraph prefixes' lists them)"
    )
    assert lines[1] == "  WHERE { ?x a cg:Inspection . ?x nope:p ?y }"
    assert lines[2] == "  " + " " * 32 + "^"
    assert "Traceback" not in result.output


def test_unknown_named_query_lists_close_matches(built_store):
    result = invoke(built_store, "inspection-timelin")
    assert result.exit_code == 2
    assert "Error: unknown query 'inspection-timelin'; did you mean inspection-timeline" in result.output
    result = invoke(built_store, "nothing-like-it-at-all")
    assert result.exit_code == 2 and "named queries: decisions" in result.output


def test_queries_lists_names_summaries_and_parameters():
    result = runner.invoke(app, ["queries"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for name in (
        "inspections",
        "inspection-timeline",
        "overdue-follow-ups",
        "said-about-inspection",
        "improvement-journey",
    ):
        assert name in result.stdout
    assert "today (date, default today)" in result.stdout
    one = runner.invoke(app, ["queries", "overdue-follow-ups"])
    assert one.exit_code == 0
    assert one.stdout.startswith("overdue-follow-ups: Follow-ups now overdue")
    assert "Example: caregraph query overdue-follow-ups" in one.stdout and "SELECT ?followUp" in one.stdout
    # One line per line: the description's newlines are printed, not escaped as "\\n".
    assert "\\n" not in one.stdout and "\nSELECT ?followUp" in one.stdout
    data = json.loads(runner.invoke(app, ["queries", "--format", "json"]).stdout)
    assert len(data) >= 12 and all(q["summary"] and q["examples"] for q in data)
    bad = runner.invoke(app, ["queries", "overdue"])
    assert bad.exit_code == 2 and "did you mean overdue-follow-ups" in bad.output


# ------------------------------------------------------------------------------------------------ tables for people


def wide(store, *args: str, columns: str = "80"):
    return runner.invoke(app, ["query", *args, "--store", str(store)], env={"COLUMNS": columns})


def test_the_table_shows_names_not_hashes_and_fits_80_columns(built_store):
    result = wide(built_store, "inspections", "--format", "table")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    assert "cgd:doc/" not in result.stdout  # a document is shown by its title
    assert "Children's Improvement Update" in result.stdout
    assert "Requires improvement to be good" in result.stdout  # the label twin, whole
    assert not any(line.startswith(("council ", "kind ", "judgement ")) for line in lines)  # IRIs with a label twin
    assert "council, kind, judgement not shown" in result.stderr


def test_long_text_is_wrapped_not_cut(built_store):
    csv_rows = parsed_rows(invoke(built_store, "decisions", "--format", "csv").stdout, "csv")
    longest = max((r["text"] for r in csv_rows), key=len)
    assert len(longest) > 200
    shown = wide(built_store, "decisions", "--format", "table").stdout
    assert all(len(line) <= 80 for line in shown.splitlines())
    words = " ".join(" ".join(line.split()) for line in shown.splitlines())
    assert " ".join(longest.split()) in words.replace("text ", "", 1) or all(w in words for w in longest.split())
    assert "…" not in "".join(line for line in shown.splitlines() if "That" in line)


def test_columns_limit_markdown_and_jsonl(built_store):
    chosen = wide(
        built_store, "inspections", "--columns", "councilName,start,inspection", "--format", "table", columns="200"
    )
    lines = chosen.stdout.splitlines()
    assert lines[0].split() == ["councilName", "start", "inspection"]  # in that order, the IRI column shown
    limited = invoke(built_store, "inspections", "--limit", "3", "--format", "csv")
    assert limited.exit_code == 0 and len(parsed_rows(limited.stdout, "csv")) == 3
    assert "the first 3 rows (--limit); there are more" in limited.stderr
    csv_cols = invoke(built_store, "inspections", "--columns", "start,councilName", "-n", "2", "--format", "csv")
    assert csv_cols.stdout.splitlines()[0] == "start,councilName" and len(csv_cols.stdout.splitlines()) == 3
    bad = invoke(built_store, "inspections", "--columns", "start,colour")
    assert bad.exit_code == 2 and "no column 'colour'; the columns are inspection, council" in bad.output

    md = invoke(built_store, "inspection-timeline", "--param", "council=Surrey", "--format", "markdown")
    md_lines = md.stdout.splitlines()
    assert md_lines[0].startswith("| councilName | start |") and md_lines[1].startswith("|---|")
    assert len(md_lines) == 2 + len(
        json_rows(invoke(built_store, "inspection-timeline", "-p", "council=Surrey", "-f", "json").stdout)
    )
    assert all(line.startswith("| ") and line.endswith(" |") for line in md_lines[2:])

    jl = invoke(built_store, "inspections", "--format", "jsonl")
    objects = [json.loads(line) for line in jl.stdout.splitlines()]
    expected = json_rows(invoke(built_store, "inspections", "--format", "json").stdout)
    assert [{k: v for k, v in o.items() if v is not None} for o in objects] == [
        {k: (v == "true" if k == "planned" else v) for k, v in row.items()} for row in expected
    ]
    assert all(isinstance(o["planned"], bool) for o in objects)  # xsd:boolean as JSON true/false


# ------------------------------------------------------------------------------------------------ parameters, names


def test_a_repeated_parameter_binds_every_value(built_store):
    def councils(*params: str) -> list[dict[str, str]]:
        args = [a for p in params for a in ("--param", p)]
        result = invoke(built_store, "inspections", *args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json_rows(result.stdout)

    durham, surrey = councils("council=Durham"), councils("council=Surrey")
    both = councils("council=Durham", "council=Surrey")
    assert durham and surrey
    key = lambda r: (r["inspection"], r["source"])  # noqa: E731
    assert sorted(map(key, both)) == sorted(map(key, durham + surrey))
    assert {r["councilName"] for r in both} == {"Durham", "Surrey"}
    narrowed = councils("council=Durham", "council=Surrey", "since=2021-01-01")
    assert narrowed and {r["councilName"] for r in narrowed} == {"Surrey"}


def test_an_iri_parameter_takes_the_name_caregraph_shows(built_store):
    by_iri = invoke(
        built_store,
        "said-about-inspection",
        "--param",
        "inspection=cgd:council/surrey/inspection/focused-visit/2021-03",
        "--format",
        "json",
    )
    assert by_iri.exit_code == 0 and json_rows(by_iri.stdout)
    for name in ("Surrey: Focused visit, 2021-03", "Surrey: Focused visit, 2021-03 (Inspection)"):
        by_name = invoke(built_store, "said-about-inspection", "--param", f"inspection={name}", "--format", "json")
        assert by_name.exit_code == 0, by_name.output
        assert json_rows(by_name.stdout) == json_rows(by_iri.stdout), name
    unknown = invoke(built_store, "said-about-inspection", "--param", "inspection=Atlantis: nothing")
    assert unknown.exit_code == 2
    assert "--param inspection: nothing in the store is called 'Atlantis: nothing'" in unknown.output


# ------------------------------------------------------------------------------------------------ safety, warnings


def test_load_is_refused_like_service_even_with_update(built_store, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(built_store, copy)
    before = quad_count(copy)
    result = invoke(copy, "-e", "LOAD <http://127.0.0.1:9/data.ttl> INTO GRAPH <http://x/g>", "--update")
    assert result.exit_code == 2
    assert (
        "uses LOAD, which fetches a document from another server" in result.output
        and "--allow-service" in result.output
    )
    assert quad_count(copy) == before


def test_a_hand_written_query_with_an_unknown_cg_term_gets_a_one_line_warning(built_store, tmp_path):
    typo = invoke(built_store, "-e", "SELECT ?i WHERE { ?i a cg:Inspections ; cg:startdate ?d }", "--format", "csv")
    assert typo.exit_code == 0
    warning = [line for line in typo.stderr.splitlines() if line.startswith("warning:")]
    assert warning == [
        "warning: cg:Inspections (did you mean cg:Inspection?), cg:startdate (did you mean cg:startDate?) are not "
        "terms of the caregraph ontology, so they match nothing"
    ]
    fine = invoke(built_store, "-e", "SELECT ?i WHERE { ?i a cg:Inspection } # cg:Nothing", "--format", "csv")
    assert "warning" not in fine.stderr
    named = invoke(built_store, "inspections", "--format", "csv")
    assert "warning" not in named.stderr
