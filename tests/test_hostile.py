"""Hostile text: HTML/JavaScript, SPARQL syntax, rich-console markup, backslash escapes, control characters, bidi
marks and very long lines in documents are stored as exact literals (and survive a replace), are shown inert in the
terminal (control and bidi characters stripped, markup printed as written) and escaped in HTML pages."""

from __future__ import annotations

import base64
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner

from caregraph.cli import app
from caregraph.pipeline.load import Source, load

from .conftest import DATA

runner = CliRunner()

X_SCRIPT = '<script>alert("cg-xss-1")</script>'
X_IMG = "<img src=x onerror=alert('cg-xss-2')>"
X_SPARQL = '" } ; DROP ALL ; INSERT DATA { <a:b> <a:c> "cg-sparql-3" } #'
X_BIDI = "\u202eevil\u202c \u200fmark \u2066iso\u2069 cg-bidi-4"
X_RICH = "[bold red]cg-rich-5[/bold red] [link=https://example.org]x[/link]"
X_BACKSLASH = "C:\\new\\u0022 \\n cg-backslash-6"
X_CONTROL = "\x1b[31mred\x1b[0m \x1b]0;title\x07 \x9b2J \x7f cg-control-7"  # a NUL would make the file binary
X_TITLE = "<script>alert('cg-xss-8')</script> \u202ecg-title " + "long " * 30_000 + "end"  # a 150 KB line
TERMINAL_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
HOSTILE_LINE = f"This report {X_IMG} {X_SPARQL} {X_BIDI} {X_RICH} {X_BACKSLASH} {X_CONTROL} provides Cabinet"


def hostile_corpus(folder: Path) -> None:
    """A ModernGov page with hostile text in its title and sentences and a 200 KB line, and an HTML page whose
    150 KB title decodes to markup."""
    folder.mkdir()
    base = (DATA / "001_49b89ce8f009883a.txt").read_text(encoding="utf-8")
    text = base.replace(
        "Children's Improvement Update", f"Children's Improvement Update {X_SCRIPT} {X_RICH}", 1
    )  # the title
    text = text.replace("This report provides Cabinet", HOSTILE_LINE, 1)
    text += "\n\n" + "word " * 40_000 + "\n"  # a 200 KB line
    (folder / "hostile.txt").write_text(text, encoding="utf-8")
    escaped = X_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = "".join(f"<p>{line.replace('&', '&amp;').replace('<', '&lt;')}</p>" for line in base.splitlines())
    (folder / "hostile.html").write_text(
        f"<html><head><title>{escaped}</title></head><body>{body}</body></html>", encoding="utf-8"
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    corpus, store = root / "corpus", root / "store"
    hostile_corpus(corpus)
    result = runner.invoke(app, ["build", str(corpus), "--store", str(store), "-q"])
    assert result.exit_code == 0, result.output
    return corpus, store


def rows(store: Path, sparql: str) -> list[dict[str, str]]:
    result = runner.invoke(app, ["query", "-e", sparql, "--store", str(store), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(result.stdout)["results"]["bindings"]]


TITLES = "SELECT ?file ?title WHERE { GRAPH ?d { ?d cg:file ?file ; dcterms:title ?title } } ORDER BY ?file"
QUOTES = "SELECT ?file ?start ?end ?exact WHERE { GRAPH ?d { ?d cg:file ?file . ?e oa:start ?start ; oa:end ?end ; oa:exact ?exact } }"


def check_exact_literals(corpus: Path, store: Path) -> list[dict[str, str]]:
    titles = {Path(r["file"]).name: r["title"] for r in rows(store, TITLES)}
    assert titles["hostile.html"] == X_TITLE
    assert titles["hostile.txt"] == f"Children's Improvement Update {X_SCRIPT} {X_RICH}"
    quotes = rows(store, QUOTES)
    texts = {p.name: load(Source(p, p.name)).text for p in corpus.iterdir()}
    for q in quotes:  # every quote is exactly its span of the document's text
        assert texts[Path(q["file"]).name][int(q["start"]) : int(q["end"])] == q["exact"]
    joined = "\n".join(q["exact"] for q in quotes)
    for marker in (X_IMG, X_SPARQL, X_BIDI, X_RICH, X_BACKSLASH):
        assert marker in joined, marker
    assert "cg-control-7" in joined and "\x1b" not in joined and "\x9b" not in joined  # controls are dropped on load
    return quotes


def test_hostile_text_is_stored_as_exact_literals(hostile):
    corpus, store = hostile
    check_exact_literals(corpus, store)
    # the SPARQL in the text did nothing
    assert not rows(store, 'SELECT * WHERE { ?s ?p "cg-sparql-3" }')


def test_a_replaced_hostile_document_keeps_exact_literals(tmp_path):
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    hostile_corpus(corpus)
    assert runner.invoke(app, ["build", str(corpus), "--store", str(store), "-q"]).exit_code == 0
    for name in ("hostile.txt", "hostile.html"):  # changed: each graph is replaced through a SPARQL update
        path = corpus / name
        path.write_text(path.read_text(encoding="utf-8").replace("Cabinet", "the Cabinet", 1), encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "--store", str(store)])
    assert result.exit_code == 0 and re.search(r"documents read\s+2\b", result.stdout)
    check_exact_literals(corpus, store)


def test_terminal_table_is_inert(hostile):
    _, store = hostile
    for sparql in (TITLES, QUOTES):
        result = runner.invoke(app, ["query", "-e", sparql, "--store", str(store), "--format", "table"])
        assert result.exit_code == 0, result.output
        assert not TERMINAL_UNSAFE.search(result.stdout)
    result = runner.invoke(app, ["query", "-e", TITLES, "--store", str(store), "--format", "table"])
    assert "cg-xss-1" in result.stdout and "<script>" in result.stdout  # shown as written, not interpreted
    assert max(len(line) for line in result.stdout.splitlines()) < 400  # the 150 KB title is cut to fit


def test_control_characters_in_the_store_never_reach_the_terminal(tmp_path, hostile):
    """Literals that did not come through the loader (an update, an import) may hold anything."""
    import shutil

    store = tmp_path / "store"
    shutil.copytree(hostile[1], store)
    literal = "\\u001B]0;pwned\\u0007\\u001B[31mred\\u009B2J\\u202Eevil\\u0000 cg-ctl"
    update = f'INSERT DATA {{ GRAPH <https://example.org/g> {{ <https://example.org/s> <http://www.w3.org/2000/01/rdf-schema#label> "{literal}" }} }}'
    assert runner.invoke(app, ["query", "--update", "-e", update, "--store", str(store)]).exit_code == 0
    sparql = 'SELECT ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(?l, "cg-ctl")) }'
    table = runner.invoke(app, ["query", "-e", sparql, "--store", str(store), "--format", "table"])
    assert table.exit_code == 0 and "cg-ctl" in table.stdout
    assert not TERMINAL_UNSAFE.search(table.stdout)
    data = runner.invoke(app, ["query", "-e", sparql, "--store", str(store), "--format", "json"])
    assert json.loads(data.stdout)["results"]["bindings"][0]["l"]["value"].startswith(
        "\x1b]0;pwned\x07"
    )  # data formats stay exact


def test_explain_and_rankings_are_inert(hostile, tmp_path):
    import shutil

    _, store = hostile
    result = runner.invoke(app, ["explain", "Surrey", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "cg-bidi-4" in result.stdout and not TERMINAL_UNSAFE.search(result.stdout)
    # a name that is rich-console markup (a [link=…] would be a clickable terminal hyperlink) is printed as written
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    evil = "https://w3id.org/caregraph/id/council/surrey/person/evil"
    insert = (
        f"INSERT DATA {{ GRAPH <https://w3id.org/caregraph/id/doc/evil> {{ <https://w3id.org/caregraph/id/doc/evil> a cg:Document ; "
        f'cg:mentions <{evil}> . <{evil}> a cg:Person ; foaf:name "{X_RICH}" ; rdfs:label "{X_RICH}" ; '
        f"org:memberOf <https://w3id.org/caregraph/id/council/surrey> }} }}"
    )
    assert runner.invoke(app, ["query", "--update", "-e", insert, "--store", str(copy)]).exit_code == 0
    central = runner.invoke(app, ["stats", "--central", "--top", "100", "--store", str(copy)])
    assert central.exit_code == 0, central.output
    assert "[bold red]cg-rich-5[/bold red]" in central.stdout
    assert not TERMINAL_UNSAFE.search(central.stdout)


def test_error_messages_print_markup_as_written(hostile):
    _, store = hostile
    result = runner.invoke(
        app,
        ["query", "-e", 'SELECT * WHERE { ?s ?p "[/bold] [link=https://example.org]x[/link]" .', "--store", str(store)],
    )
    assert result.exit_code == 2
    assert "internal error" not in result.stderr  # an unmatched [/bold] used to crash the error printer
    assert '"[/bold] [link=https://example.org]x[/link]"' in result.stderr


def test_hostile_file_names_in_error_lines_are_inert(tmp_path):
    bad = tmp_path / "evil\x1b[31m\u202e name.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["build", str(bad), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("name.txt: empty file (0 bytes)\n")
    assert not TERMINAL_UNSAFE.search(result.stderr)


class _Tags(HTMLParser):
    """Every start tag a browser would see (script and style contents are data, as in a browser)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def check_page_inert(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    nonces = {a.get("nonce") for t, a in parser.tags if t == "script"}
    assert len(nonces) <= 1 and None not in nonces, f"a script without the page's nonce: {nonces}"
    for tag, attrs in parser.tags:
        assert tag != "img", "an <img> tag reached the page"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"an event handler reached the page: <{tag} {name}={value!r}>"
            assert "cg-" not in (value or ""), f"document text in an attribute: <{tag} {name}={value!r}>"
    for raw in (X_SCRIPT, X_IMG, "<script>alert('cg-xss-8')"):
        assert raw not in page


def test_viz_pages_escape_hostile_text(hostile, tmp_path):
    _, store = hostile
    network = tmp_path / "network.html"
    result = runner.invoke(app, ["viz", "--store", str(store), "--out", str(network)])
    assert result.exit_code == 0, result.output
    page = network.read_text(encoding="utf-8")
    assert "cg-xss-1" in page and "cg-xss-2" in page and "cg-sparql-3" in page  # the text is there, as data
    check_page_inert(page)
    timeline = tmp_path / "timeline.html"
    result = runner.invoke(
        app, ["viz", "--timeline", "--council", "Surrey", "--store", str(store), "--out", str(timeline)]
    )
    assert result.exit_code == 0, result.output
    check_page_inert(timeline.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------- any literal


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=300), st.text(min_size=1, max_size=50))
def test_any_text_round_trips_through_the_store(text, other):
    """Any Unicode string (controls, quotes, backslashes, "\\u" sequences, line breaks, bidi marks) added as a literal,
    then replaced, reads back exactly: the writer's N-Triples escaping and the SPARQL-update path are lossless."""
    from caregraph.store import memory_store

    store = memory_store()
    name = "https://w3id.org/caregraph/id/doc/test"
    g = Graph()
    s = URIRef("https://example.org/s")
    g.add((s, URIRef("https://example.org/p"), Literal(text)))
    g.add((s, URIRef("https://example.org/q"), Literal(other, lang="en")))
    store.add_graphs([(name, g)])
    assert {q.object.value for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(name))} == {text, other}
    g2 = Graph()
    g2.add((s, URIRef("https://example.org/p"), Literal(other + text)))
    store.replace_graph(name, g2)
    assert [q.object.value for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(name))] == [other + text]


# ---------------------------------------------------------------------------------------------- credentials


def test_redact_removes_every_form_of_credential():
    from caregraph.interop.http import redact

    token = base64.b64encode(b"alice:pa55word").decode()
    text = (
        f"POST /sparql HTTP/1.1\nAuthorization: Basic {token}\nCookie: session=abc123\n"
        "see https://bob:hunter22@example.org/x?api_key=K3Y-999&graph=g&token=T0K&sig=S1G and Bearer eyJabc.def.ghi"
    )
    out = redact(text, [f"Basic {token}", token, "alice:pa55word", "pa55word"])
    for secret in (token, "pa55word", "abc123", "hunter22", "K3Y-999", "T0K", "S1G", "eyJabc"):
        assert secret not in out, (secret, out)
    assert "graph=g" in out and "https://[redacted]@example.org/x?api_key=[redacted]&graph=g" in out


def _echo(status: str):
    """A server answering every request with ``status`` and the request itself as the body (as some proxies and
    debug endpoints do)."""

    def handle(conn, request: bytes) -> None:
        conn.sendall(
            f"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {len(request)}\r\nConnection: close\r\n\r\n".encode()
            + request
        )

    return handle


def test_an_error_body_echoing_the_request_never_shows_the_credentials(monkeypatch, tmp_path):
    from caregraph.errors import QueryError
    from caregraph.interop.push import PushError, push
    from caregraph.query.remote import query_endpoint
    from caregraph.store import memory_store

    from .test_bounds import raw_server

    monkeypatch.setenv("CAREGRAPH_AUTH", "alice:pa55word")
    token = base64.b64encode(b"alice:pa55word").decode()
    store = memory_store()
    store.ensure_reference_graphs()
    with raw_server(_echo("400 Bad Request")) as url:
        with pytest.raises(QueryError) as query_error:
            query_endpoint(url, "ASK {}", inline=True, timeout=10)
        with pytest.raises(PushError) as push_error:
            push(store, url, timeout=10)
        result = runner.invoke(app, ["query", "-e", "ASK {}", "--endpoint", url, "--timeout", "10"])
    for message in (str(query_error.value), str(push_error.value), result.output):
        assert "HTTP 400" in message and token not in message and "pa55word" not in message, message


def test_credentials_in_the_url_are_refused_without_being_shown(tmp_path):
    from caregraph.errors import QueryError
    from caregraph.interop.push import PushError, push
    from caregraph.query.remote import query_endpoint
    from caregraph.store import memory_store

    url = "http://alice:pa55word@127.0.0.1:9/sparql"
    with pytest.raises(QueryError) as query_error:
        query_endpoint(url, "ASK {}", inline=True, timeout=1)
    with pytest.raises(PushError) as push_error:
        push(memory_store(), url, timeout=1)
    result = runner.invoke(app, ["query", "-e", "ASK {}", "--endpoint", url])
    assert result.exit_code == 2
    for message in (str(query_error.value), str(push_error.value), result.output):
        assert (
            "pa55word" not in message
            and "holds a user name or password; put USER:PASSWORD in $CAREGRAPH_AUTH" in message
        )


def test_push_summary_redacts_tokens_in_the_endpoint():
    from caregraph.interop.push import push
    from caregraph.store import memory_store

    from .test_bounds import raw_server

    store = memory_store()
    store.ensure_reference_graphs()
    ok = lambda conn, _: conn.sendall(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")  # noqa: E731
    with raw_server(ok) as url:
        summary = push(store, f"{url}?api_key=SECRET-KEY-1&x=1", timeout=10)
    assert summary.graphs >= 1 and "SECRET-KEY-1" not in summary.endpoint
    assert summary.endpoint.endswith("?api_key=[redacted]&x=1")
