"""caregraph.query as a library: sources, parameters, safety, syntax errors, timeouts and the W3C serialisers."""

from __future__ import annotations

import csv
import doctest
import io
import json
import time

import pyoxigraph as ox
import pytest

from caregraph import query as q
from caregraph.errors import ParameterError, QueryError, QueryRefused, QuerySyntaxError, QueryTimeout, UnknownQuery
from caregraph.store import memory_store, open_store

XSD = "http://www.w3.org/2001/XMLSchema#"
SURREY = "https://w3id.org/caregraph/id/council/surrey"
HOSTILE = 'Surrey" } ; DROP ALL ; #'


@pytest.fixture()
def store(built_store):
    with open_store(built_store, read_only=True) as st:
        yield st


@pytest.mark.parametrize(
    "module", ["formats", "named", "names", "params", "run", "safety", "display", "terms", "things"]
)
def test_doctests_in_the_modules_run(module):
    import importlib

    result = doctest.testmod(importlib.import_module(f"caregraph.query.{module}"))
    assert result.attempted >= 1 and result.failed == 0


# ------------------------------------------------------------------------------------------------ sources


def test_resolve_named_file_and_inline(tmp_path):
    text, named, label = q.resolve("inspections")
    assert named is not None and named.name == "inspections" and label == "inspections.rq" and "cg:Inspection" in text
    f = tmp_path / "mine.rq"
    f.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    assert q.resolve(str(f)) == ("SELECT * WHERE { ?s ?p ?o }", None, str(f))
    # With inline=True the text is the query whatever it looks like, even a named query's name.
    assert q.resolve("inspections", inline=True, label="<stdin>") == ("inspections", None, "<stdin>")
    assert q.resolve("ASK { ?s ?p ?o }")[2] == "<query>"


def test_unknown_query_lists_close_matches():
    with pytest.raises(UnknownQuery, match=r"did you mean inspections"):
        q.resolve("inspectoins")
    with pytest.raises(UnknownQuery, match=r"no query file missing\.rq"):
        q.resolve("missing.rq")
    with pytest.raises(UnknownQuery, match=r"named queries: "):
        q.named_query("zzzzzzzz")


def test_every_named_query_has_a_complete_header():
    queries = q.named_queries()
    assert len(queries) >= 12
    for name, nq in queries.items():
        assert nq.summary != name and nq.description and nq.examples, name
        assert any(f"caregraph query {name}" in e for e in nq.examples), name
        for p in nq.parameters:
            assert p.type in q.PARAM_TYPES and p.description, (name, p)
            assert f"?{p.name}" in nq.text, (name, p.name)


def test_bad_param_header_names_the_file_and_line(tmp_path):
    path = tmp_path / "x.rq"
    with pytest.raises(QueryError, match=r"x\.rq:2: bad '#\+ param:' line"):
        q.parse_header("x", path, "#+ summary: s\n#+ param: a | colour | optional | d\nSELECT * {}")


# ------------------------------------------------------------------------------------------------ parameters


@pytest.mark.parametrize(
    "raw",
    [
        "Surrey",
        "Surrey County Council",
        "surrey",
        "E10000030",
        "936",
        "SRY",
        SURREY,
        f"<{SURREY}>",
        "cgd:council/surrey",
    ],
)
def test_council_parameter_accepts_names_codes_slugs_and_iris(raw):
    assert q.to_term("council", "council", raw) == ox.NamedNode(SURREY)


def test_council_names_resolve_as_the_extraction_gazetteer_resolves_them():
    from caregraph.gazetteer import gazetteer

    g = gazetteer()
    names = {n for c in g.councils.values() for n in (*c.names, c.slug, c.name.upper(), f"  {c.name}  ")}
    assert len(names) > 300
    assert {n: q.council_slug(n) for n in names} == {n: g.resolve(n) for n in names}


def test_unknown_council_suggests_close_names():
    with pytest.raises(ParameterError, match=r"--param council: no council called 'Surey'; did you mean Surrey"):
        q.to_term("council", "council", "Surey")


def test_a_part_of_two_councils_names_suggests_both():
    """ "Kingston" is no council's name but starts a word of two: both are offered, not names spelt alike."""
    with pytest.raises(ParameterError, match=r"did you mean Kingston upon Hull, Kingston upon Thames\?"):
        q.to_term("council", "council", "Kingston")


def test_typed_parameters():
    assert q.to_term("d", "date", "2019") == ox.Literal("2019-01-01", datatype=ox.NamedNode(XSD + "date"))
    assert q.to_term("d", "date", "2019-10") == ox.Literal("2019-10-01", datatype=ox.NamedNode(XSD + "date"))
    assert q.to_term("n", "integer", " 42 ") == ox.Literal("42", datatype=ox.NamedNode(XSD + "integer"))
    assert q.to_term("b", "boolean", "TRUE") == ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))
    assert q.to_term("s", "string", HOSTILE) == ox.Literal(HOSTILE)
    assert q.to_term("i", "iri", "cgd:doc/abc") == ox.NamedNode("https://w3id.org/caregraph/id/doc/abc")
    assert q.to_term("k", "kind", "Focused visit") == ox.NamedNode(
        "https://w3id.org/caregraph/vocab/kind/focused-visit"
    )
    assert q.to_term("k", "kind", "FV") == ox.NamedNode("https://w3id.org/caregraph/vocab/kind/focused-visit")
    assert q.to_term("j", "judgement", "RI") == ox.NamedNode(
        "https://w3id.org/caregraph/vocab/judgement/requires-improvement"
    )
    assert q.to_term("j", "judgement", "4") == ox.NamedNode("https://w3id.org/caregraph/vocab/judgement/inadequate")


@pytest.mark.parametrize(
    ("kind", "raw", "message"),
    [
        ("date", "2019-13-01", r"--param x='2019-13-01': month must be in 1\.\.12 \(type date\)"),
        ("date", "last week", r"expected YYYY-MM-DD, YYYY-MM, YYYY or today"),
        ("integer", "4.5", r"--param x='4\.5'"),
        ("boolean", "yes", r"expected true or false"),
        ("iri", "not an iri", r"not an IRI"),
        ("iri", "<http://x/a b>", r"not an IRI"),
        ("judgement", "excellent", r"no judgement called 'excellent'; choose one of adequate, good, inadequate"),
    ],
)
def test_bad_parameter_values_are_named(kind, raw, message):
    with pytest.raises(ParameterError, match=message):
        q.to_term("x", kind, raw)


def test_today_default_is_computed_in_python():
    import datetime

    named = q.named_query("overdue-follow-ups")
    bound = q.bind_parameters(named, {})
    assert bound["today"] == ox.Literal(datetime.date.today().isoformat(), datatype=ox.NamedNode(XSD + "date"))
    assert "NOW()" not in named.text.upper()


def test_declared_parameters_only_and_required_ones_enforced(tmp_path):
    named = q.named_query("inspections")
    with pytest.raises(
        ParameterError, match=r"query 'inspections' has no parameter 'colour' \(its parameters: council, since, until\)"
    ):
        q.bind_parameters(named, {"colour": "red"})
    path = tmp_path / "needs.rq"
    text = "#+ summary: s\n#+ param: council | council | required | The council\nSELECT ?council WHERE { }"
    with pytest.raises(ParameterError, match=r"needs --param council="):
        q.bind_parameters(q.parse_header("needs", path, text), {})
    with pytest.raises(ParameterError, match=r"a parameter name is a SPARQL variable name"):
        q.bind_parameters(None, {"x } DROP ALL": "1"})


def test_guessed_types_for_inline_queries():
    bound = q.bind_parameters(None, {"a": "cgd:council/surrey", "b": "2020-01", "c": "7", "d": HOSTILE})
    assert bound["a"] == ox.NamedNode(SURREY)
    assert bound["b"].datatype.value == XSD + "date"
    assert bound["c"].datatype.value == XSD + "integer"
    assert bound["d"] == ox.Literal(HOSTILE)


def test_values_block_goes_on_the_where_line_and_escapes_the_value():
    text = "# comment with WHERE { in it\nSELECT ?x\nWHERE {\n  ?x ?p ?name\n}\n"
    out = q.with_values(text, {"name": ox.Literal(HOSTILE)})
    assert out.splitlines()[2] == 'WHERE { VALUES (?name) { ("Surrey\\" } ; DROP ALL ; #") } '
    assert out.count("\n") == text.count("\n")  # line numbers unchanged


def test_hostile_string_cannot_change_the_query(store):
    before = len(store)
    text = "SELECT ?name ?person WHERE { ?person foaf:name ?name }"
    result = q.run_query(store, text, {"name": HOSTILE}, inline=True)
    assert result.kind == "select" and result.rows == []
    result = q.run_query(store, text, {"name": "Dave Hill"}, inline=True)
    assert [r["person"] for r in result.values()] == ["https://w3id.org/caregraph/id/council/surrey/person/dave-hill"]
    assert len(store) == before


# ------------------------------------------------------------------------------------------------ safety


@pytest.mark.parametrize(
    "text",
    [
        "DROP ALL",
        "CLEAR DEFAULT",
        "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
        "PREFIX x: <http://x/>\nDELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "# a comment\n  create graph <http://x/g>",
    ],
)
def test_updates_are_refused_without_permission(store, text):
    before = len(store)
    with pytest.raises(QueryRefused, match=r"SPARQL Update .* unless you pass --update"):
        q.run_query(store, text, inline=True)
    assert len(store) == before


@pytest.mark.parametrize(
    "text",
    [
        'SELECT ?s WHERE { ?s rdfs:label "please DROP ALL now" }',
        "SELECT ?s WHERE { ?s <http://x/insert> ?o } # DELETE everything",
        "SELECT ?insert WHERE { ?insert ?p ?o } LIMIT 1",
    ],
)
def test_keywords_in_strings_comments_and_names_are_not_updates(text):
    assert not q.is_update(text)
    assert q.query_form(text) == "select"


def test_update_runs_only_when_allowed_on_a_writable_store():
    st = memory_store()
    result = q.run_query(st, "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }", inline=True, allow_update=True)
    assert result.kind == "update" and len(st) == 1


def test_service_is_refused_without_permission(store):
    with pytest.raises(QueryRefused, match=r"SERVICE, which reaches other servers .* --allow-service"):
        q.run_query(store, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", inline=True)
    # The word in a string is not a SERVICE clause.
    q.check_safety('SELECT * WHERE { ?s ?p "SERVICE" }', allow_update=False, allow_service=False)


# ------------------------------------------------------------------------------------------------ syntax errors


def test_syntax_error_has_file_line_column_and_the_line(tmp_path, store):
    f = tmp_path / "broken.rq"
    f.write_text("SELECT ?x\nWHERE {\n  ?x nope:thing ?y\n}\n", encoding="utf-8")
    with pytest.raises(QuerySyntaxError) as info:
        q.run_query(store, str(f))
    err = info.value
    assert (err.source, err.line, err.column) == (str(f), 3, 6)
    assert err.text_line == "  ?x nope:thing ?y"
    assert str(err).splitlines() == [
        f"{f}:3:6: unknown prefix 'nope:'; declare it (PREFIX nope: <…>) or use a predeclared one ('caregraph prefixes' lists them)",
        "    ?x nope:thing ?y",
        "       ^",
    ]


def test_syntax_error_positions_are_the_files_even_with_parameters(tmp_path, store):
    f = tmp_path / "p.rq"
    f.write_text("SELECT ?x WHERE { ?x a cg:Inspection ; cg:council ?council . ?x nope:a ?y }\n", encoding="utf-8")
    with pytest.raises(QuerySyntaxError) as plain:
        q.run_query(store, str(f))
    with pytest.raises(QuerySyntaxError) as bound:
        q.run_query(store, str(f), {"council": "cgd:council/surrey"})
    assert (plain.value.line, plain.value.column) == (bound.value.line, bound.value.column) == (1, 65)


def test_truncated_query_points_at_its_end(store):
    with pytest.raises(QuerySyntaxError, match=r"<query>:1:\d+: .*\(at the end of the query\)"):
        q.run_query(store, "SELECT ?x WHERE { ?x a cg:Inspection ", inline=True)


# ------------------------------------------------------------------------------------------------ timeout


def test_timeout_stops_waiting_for_a_runaway_query():
    st = memory_store()
    st.ox.extend(
        [
            ox.Quad(ox.NamedNode(f"http://e/{i}"), ox.NamedNode("http://e/p"), ox.Literal(str(i)), ox.DefaultGraph())
            for i in range(150)
        ]
    )
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 150³ ≈ 3.4 million rows, ~1 s
    started = time.perf_counter()
    with pytest.raises(QueryTimeout, match=r"longer than 0\.1 s"):
        q.run_query(st, cross, inline=True, timeout=0.1)
    stopped_after = time.perf_counter() - started
    # Without a timeout it finishes, in the same worker-thread machinery; the timed-out call gave control back well
    # before (pyoxigraph released the GIL): a ratio of two runs on the same machine, not a speed figure.
    started = time.perf_counter()
    assert q.run_query(st, cross, inline=True).values() == [{"n": str(150**3)}]
    assert stopped_after < (time.perf_counter() - started) / 2


# ------------------------------------------------------------------------------------------------ serialisers


def _sample_result() -> q.QueryResult:
    rows = [
        {
            "a": ox.NamedNode("http://e/x"),
            "b": ox.Literal('quote " comma , tab \t newline \n', language="en"),
            "c": ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")),
        },
        {"a": ox.BlankNode("b0"), "c": ox.Literal("plain")},
        {"b": ox.Literal("control \x01 character")},
    ]
    return q.QueryResult("select", ["a", "b", "c"], rows)


def test_json_xml_tsv_parse_back_to_the_same_rows():
    result = _sample_result()
    for fmt, rf in (
        ("json", ox.QueryResultsFormat.JSON),
        ("xml", ox.QueryResultsFormat.XML),
        ("tsv", ox.QueryResultsFormat.TSV),
    ):
        parsed = q.QueryResult.from_ox(ox.parse_query_results(q.serialize_rows(result, fmt), format=rf))
        assert parsed.variables == ["a", "b", "c"], fmt
        want = [dict(r) for r in result.rows]
        if fmt == "xml":  # XML 1.0 cannot carry U+0001: replaced, never invalid XML
            want[2] = {"b": ox.Literal("control \ufffd character")}
        got = [{k: v for k, v in r.items() if not isinstance(v, ox.BlankNode)} for r in parsed.rows]
        assert got == [{k: v for k, v in r.items() if not isinstance(v, ox.BlankNode)} for r in want], fmt
        assert isinstance(parsed.rows[1]["a"], ox.BlankNode), fmt


def test_csv_is_w3c_csv():
    text = q.serialize_rows(_sample_result(), "csv")
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["a", "b", "c"]
    assert rows[1] == ["http://e/x", 'quote " comma , tab \t newline \n', "3"]
    assert rows[2] == ["_:b0", "", "plain"]


def test_ask_serialisations():
    yes, no = q.QueryResult("ask", boolean=True), q.QueryResult("ask", boolean=False)
    assert json.loads(q.serialize_rows(yes, "json")) == {"head": {}, "boolean": True}
    assert bool(ox.parse_query_results(q.serialize_rows(no, "xml"), format=ox.QueryResultsFormat.XML)) is False
    assert q.serialize_rows(no, "csv") == "false\n"


@pytest.mark.parametrize("fmt", list(q.GRAPH_FORMATS))
def test_graph_formats_parse_back(fmt):
    triples = [
        ox.Triple(
            ox.NamedNode(SURREY),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal('Surrey "CC"', language="en"),
        ),
        ox.Triple(
            ox.NamedNode(SURREY), ox.NamedNode("https://w3id.org/caregraph/ontology#gssCode"), ox.Literal("E10000030")
        ),
    ]
    data = q.serialize_triples(q.QueryResult("graph", triples=triples), fmt)
    back = {
        ox.Triple(x.subject, x.predicate, x.object)
        for x in ox.parse(data, format=getattr(ox.RdfFormat, q.GRAPH_FORMATS[fmt]))
    }
    assert back == set(triples)


def test_shorten_and_expand_are_inverse_for_predeclared_prefixes():
    for iri in (SURREY, "https://w3id.org/caregraph/ontology#Inspection", "http://xmlns.com/foaf/0.1/name"):
        assert q.expand(q.shorten(iri)) == iri
    assert q.shorten("http://nowhere.example/x") == "http://nowhere.example/x"
    assert q.expand("Dave Hill") is None and q.expand("Item 1: Report") is None


# ------------------------------------------------------------------------------------------------ several values, limits


def test_a_parameter_with_several_values_binds_one_values_row_each():
    named = q.named_query("inspections")
    bound = q.bind_parameters(named, {"council": ["Durham", "Surrey County Council", "surrey"], "since": "2019"})
    assert bound["council"] == (ox.NamedNode(SURREY.replace("surrey", "durham")), ox.NamedNode(SURREY))
    block = q.values_block(bound)
    assert block.startswith("VALUES (?council ?since) { (<") and block.count(") (") == 1  # two rows: no duplicate
    text = q.with_values("SELECT * WHERE {\n ?s ?p ?o }", {"s": (ox.NamedNode("http://x/a"), ox.Literal(HOSTILE))})
    assert text.splitlines()[0] == 'SELECT * WHERE { VALUES (?s) { (<http://x/a>) ("Surrey\\" } ; DROP ALL ; #") } '


def test_several_councils_give_the_union_of_their_rows(store):
    def rows(**params):
        return sorted((r["inspection"], r["source"]) for r in q.run_query(store, "inspections", params).values())

    assert rows(council=["Durham", "Surrey"]) == sorted(rows(council="Durham") + rows(council="Surrey"))


def test_limit_reads_no_more_rows_than_asked(store):
    everything = q.run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", inline=True)
    first = q.run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", inline=True, limit=5)
    assert len(first.rows) == 5 and first.more and not everything.more
    exact = q.run_query(store, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5", inline=True, limit=5)
    assert len(exact.rows) == 5 and not exact.more


# ------------------------------------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Surrey", SURREY),  # the council, not the dozen things whose names contain "Surrey"
        ("surrey county council", SURREY),
        ("E10000030", SURREY),
        ("cgd:council/surrey", SURREY),
        ("Clare Curran", SURREY + "/person/clare-curran"),
        ("Clare Curran (Person)", SURREY + "/person/clare-curran"),  # as path prints it
        ("CABINET MEMBER FOR CHILDREN", SURREY + "/post/cabinet-member-for-children"),
        ("Cabinet, 2019-07-16", SURREY + "/body/cabinet/meeting/2019-07-16"),
    ],
)
def test_a_name_finds_its_thing_exact_before_partial(store, text, expected):
    assert q.find_things(store, text) == [expected]


def test_the_fallback_is_asked_last_and_brackets_name_a_class(store):
    asked = []

    def fallback(name, cls):
        asked.append((name, cls))
        return ["https://example.org/found"]

    assert q.find_things(store, "Surrey", fallback=fallback) == [SURREY] and not asked
    assert q.find_things(store, "Nobody Atall (Person)", fallback=fallback) == ["https://example.org/found"]
    assert asked[0] == ("Nobody Atall (Person)", None)  # the text as written first, then without the brackets
    assert q.find_things(store, "Nobody Atall") == []
    with pytest.raises(ParameterError, match=r"--param x: nothing in the store is called 'Nobody'"):
        q.find_thing(store, "Nobody", what="--param x")


def test_undefined_cg_terms_are_named_with_the_closest_term():
    assert q.undefined_terms("SELECT * WHERE { ?i a cg:Inspection ; cg:council ?c }") == []
    assert q.undefined_terms("SELECT * WHERE { ?i a <https://w3id.org/caregraph/ontology#Inspektion> }") == [
        "<https://w3id.org/caregraph/ontology#Inspektion>"
    ]
    assert q.undefined_terms('SELECT * WHERE { ?i rdfs:label "cg:Nothing" } # cg:Nothing') == []
    assert q.undefined_terms("PREFIX cg: <http://other/> SELECT * WHERE { ?i a cg:Nothing }") == []
    for nq in q.named_queries().values():
        assert q.undefined_terms(nq.text) == [], nq.name


# ------------------------------------------------------------------------------------------------ views for people


def test_the_view_hides_iri_twins_and_names_documents(store):
    from caregraph.query.display import document_names, view

    result = q.run_query(store, "inspections", {"council": "Surrey"})
    names = document_names(store, result)
    shown = view(result, names=names)
    assert {"council", "kind"} <= set(shown.hidden) and "councilName" in shown.columns
    assert "source" in shown.columns  # no other column names the document: shown by its title
    docs = {r["source"] for r in result.values()}
    assert docs and docs <= names.keys()
    text = "\n".join(" ".join(row) for row in shown.rows)
    assert "cgd:doc/" not in text and "Children's Improvement Update" in text
    assert all("\n" not in c and "\t" not in c for row in shown.rows for c in row)
    documents = q.run_query(store, "documents", {})
    listed = view(documents, names=document_names(store, documents))
    assert "document" in listed.hidden  # each row shows the document's title and file already


def test_json_lines_types_numbers_and_booleans():
    from caregraph.query.formats import json_value

    xsd = lambda t: ox.NamedNode(XSD + t)  # noqa: E731
    assert json_value(ox.Literal("42", datatype=xsd("integer"))) == 42
    assert json_value(ox.Literal("2.5", datatype=xsd("decimal"))) == 2.5
    assert json_value(ox.Literal("true", datatype=xsd("boolean"))) is True
    assert json_value(ox.Literal("NaN", datatype=xsd("double"))) == "NaN"
    assert json_value(ox.Literal("x7", datatype=xsd("integer"))) == "x7"  # invalid: the text as it is
    assert json_value(ox.Literal("2019-10", datatype=xsd("gYearMonth"))) == "2019-10"
    assert json_value(ox.NamedNode(SURREY)) == SURREY and json_value(None) is None


def test_parameters_are_bound_inside_subselects_that_project_them():
    """A bound parameter also goes inside each sub-SELECT that projects it as it is (a speed matter: Oxigraph runs a
    sub-SELECT whole before the join), never into one that computes it or only aliases it."""
    import pyoxigraph as ox

    from caregraph.query.params import with_values

    council = {"council": ox.NamedNode("http://x/c")}
    block = "VALUES (?council) { (<http://x/c>) }"
    grouped = (
        "SELECT ?council WHERE { { SELECT ?council (COUNT(*) AS ?n) WHERE { ?i <p> ?council } GROUP BY ?council } }"
    )
    assert with_values(grouped, council).count(block) == 2
    computed = "SELECT ?council WHERE { { SELECT ?council WHERE { ?i <p> ?x BIND(?x AS ?council) } } }"
    assert with_values(computed, council).count(block) == 1
    aliased = "SELECT ?council WHERE { { SELECT (MAX(?c) AS ?council) WHERE { ?i <p> ?c } } }"
    assert with_values(aliased, council).count(block) == 1
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://x/i"), ox.NamedNode("http://x/p"), ox.NamedNode("http://x/c")))
    store.add(ox.Quad(ox.NamedNode("http://x/j"), ox.NamedNode("http://x/p"), ox.NamedNode("http://x/d")))
    text = grouped.replace("<p>", "<http://x/p>")
    rows = list(store.query(with_values(text, council), use_default_graph_as_union=True))
    assert [r["council"] for r in rows] == [ox.NamedNode("http://x/c")]
