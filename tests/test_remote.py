"""`caregraph query --endpoint URL`: the same queries over the SPARQL 1.1 Protocol, against a real Oxigraph server
on loopback (the `oxigraph` PyPI package of the test extra) and, for credentials and HTTP errors, a tiny stub."""

from __future__ import annotations

import base64
import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from caregraph.cli import app
from caregraph.errors import QueryError, QueryRefused, QuerySyntaxError, QueryTimeout
from caregraph.query import named_queries, run_query
from caregraph.query.remote import build_request, query_endpoint
from caregraph.store import open_store

runner = CliRunner()
TODAY = {"today": "2025-06-30"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    assert Path(found).exists(), "the oxigraph server is missing: pip install '.[test]' (PyPI package oxigraph)"
    return found


@pytest.fixture(scope="module")
def server(built_store, tmp_path_factory):
    """`oxigraph serve` on a free loopback port holding the same quads as the embedded store; always stopped."""
    binary = oxigraph_binary()
    work = tmp_path_factory.mktemp("oxigraph-server")
    dump = work / "dump.nq"
    store = ox.Store.read_only(str(built_store))
    dump.write_bytes(ox.serialize(store, format=ox.RdfFormat.N_QUADS))
    del store
    subprocess.run(
        [binary, "load", "--location", str(work / "db"), "--file", str(dump)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    port = free_port()
    log = (work / "server.log").open("wb")
    proc = subprocess.Popen(
        [binary, "serve", "--location", str(work / "db"), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=log,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"oxigraph serve did not start: {(work / 'server.log').read_text(errors='replace')[-500:]}"
                    ) from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def local(built_store):
    with open_store(built_store, read_only=True) as st:
        yield st


def canonical(result) -> list[tuple]:
    return sorted(tuple(sorted((k, str(v)) for k, v in row.items())) for row in result.rows)


# ------------------------------------------------------------------------------------------------ a real server


@pytest.mark.server
@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_queries_give_the_embedded_stores_rows(server, local, name):
    params = TODAY if name == "overdue-follow-ups" else {}
    here = run_query(local, name, params)
    there = query_endpoint(server, name, params)
    assert there.variables == here.variables
    assert canonical(there) == canonical(here)


@pytest.mark.server
@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("inspections", {"council": "Surrey County Council", "since": "2021-01-01"}),
        ("inspections-by-kind", {"kind": "ilacs", "since": "2019-06"}),
        ("people-appearances", {"name": 'Surrey" } ; DROP ALL ; #'}),
        ("said-about-inspection", {"inspection": "cgd:council/surrey/inspection/focused-visit/2024-04"}),
    ],
)
def test_parameters_are_bound_the_same_way(server, local, name, params):
    here, there = run_query(local, name, params), query_endpoint(server, name, params)
    assert canonical(there) == canonical(here)


@pytest.mark.server
def test_ask_construct_graph_and_cli_formats(server, local, built_store):
    assert query_endpoint(server, "ASK { ?i a cg:Inspection }", inline=True).boolean is True
    construct = "CONSTRUCT { ?p foaf:name ?n } WHERE { ?p a cg:Person ; foaf:name ?n }"
    there = query_endpoint(server, construct, inline=True)
    assert there.kind == "graph" and set(there.triples) == set(run_query(local, construct, inline=True).triples)
    # --graph restricts both the same way.
    doc = next(
        r["document"] for r in run_query(local, "documents").values() if r["file"].endswith("003_0938c2f4e45d6980.txt")
    )
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert (
        query_endpoint(server, count, inline=True, graph=doc).values()
        == run_query(local, count, inline=True, graph=doc).values()
    )
    assert canonical(query_endpoint(server, "inspections", graph=doc)) == canonical(
        run_query(local, "inspections", graph=doc)
    )
    # Through the CLI, every format works on the endpoint's answer.
    for fmt in ("csv", "json", "xml", "tsv"):
        remote = runner.invoke(app, ["query", "meetings", "--endpoint", server, "--format", fmt])
        embedded = runner.invoke(app, ["query", "meetings", "--store", str(built_store), "--format", fmt])
        assert remote.exit_code == 0, remote.output
        assert remote.stdout == embedded.stdout, fmt
    ask = runner.invoke(app, ["query", "-e", "ASK { ?x a cg:NoSuchThing }", "--endpoint", server])
    assert (ask.exit_code, ask.stdout) == (1, "false\n")
    ttl = runner.invoke(app, ["query", "-e", construct, "--endpoint", server, "--format", "turtle"])
    assert ttl.exit_code == 0 and len(list(ox.parse(ttl.stdout_bytes, format=ox.RdfFormat.TURTLE))) == len(
        there.triples
    )


@pytest.mark.server
def test_checks_happen_before_anything_is_sent(server, local):
    before = query_endpoint(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", inline=True).values()
    with pytest.raises(QueryRefused, match="--update"):
        query_endpoint(server, "DROP ALL", inline=True)
    with pytest.raises(QueryRefused, match="--allow-service"):
        query_endpoint(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }", inline=True)
    with pytest.raises(QuerySyntaxError, match=r"<query>:1:\d+: unknown prefix 'nope:'"):
        query_endpoint(server, "SELECT * WHERE { ?s nope:p ?o }", inline=True)
    assert (
        query_endpoint(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", inline=True).values()
        == before
    )


@pytest.mark.server
def test_server_errors_are_one_line(server):
    with pytest.raises(QueryError, match=r"answered HTTP 404"):
        query_endpoint(server.replace("/query", "/nowhere"), "ASK {}", inline=True)
    port = free_port()
    with pytest.raises(QueryError, match=rf"cannot reach http://127\.0\.0\.1:{port}/query"):
        query_endpoint(f"http://127.0.0.1:{port}/query", "ASK {}", inline=True, timeout=5)
    with pytest.raises(QueryError, match=r"give an http:// or https:// URL"):
        query_endpoint("file:///etc/passwd", "ASK {}", inline=True)


# ------------------------------------------------------------------------------------------------ a stub server


class Stub(http.server.BaseHTTPRequestHandler):
    """Answers every POST with one SELECT row when the credentials are user:s3cret; records each request."""

    requests: ClassVar[list[dict]] = []
    mode = "ok"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
        Stub.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
        if Stub.mode == "slow":
            time.sleep(3)
        if Stub.mode == "redirect":
            self.send_response(302)
            self.send_header("Location", "http://elsewhere.example/sparql")
            self.end_headers()
            return
        if self.headers.get("Authorization") != "Basic " + base64.b64encode(b"user:s3cret").decode():
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
            self.end_headers()
            return
        if Stub.mode == "garbage":
            payload, media = b"<html>not results</html>", "application/sparql-results+json"
        else:
            payload = json.dumps(
                {"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "ok"}}]}}
            ).encode()
            media = "application/sparql-results+json"
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):  # quiet
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a client that gave up (the timeout test): not news
        pass


@pytest.fixture()
def stub():
    Stub.requests, Stub.mode = [], "ok"
    httpd = QuietServer(("127.0.0.1", 0), Stub)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/sparql"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_credentials_come_from_the_environment(stub, monkeypatch):
    monkeypatch.setenv("CAREGRAPH_AUTH", "user:s3cret")
    result = query_endpoint(stub, "inspections", {"council": "Surrey"})
    assert result.values() == [{"x": "ok"}]
    sent = Stub.requests[-1]
    assert sent["headers"]["Content-Type"].startswith("application/sparql-query")
    assert sent["headers"]["Accept"] == "application/sparql-results+json"
    assert sent["body"].startswith("PREFIX cg: <https://w3id.org/caregraph/ontology#>")
    assert "VALUES (?council) { (<https://w3id.org/caregraph/id/council/surrey>) }" in sent["body"]
    monkeypatch.setenv("OTHER_AUTH", "user:s3cret")
    monkeypatch.delenv("CAREGRAPH_AUTH")
    assert query_endpoint(stub, "ASK {}", inline=True, auth_env="OTHER_AUTH").kind == "select"  # the stub's answer


def test_missing_or_wrong_credentials_are_explained_without_echoing_them(stub, monkeypatch):
    monkeypatch.delenv("CAREGRAPH_AUTH", raising=False)
    with pytest.raises(QueryError, match=r"refused access \(HTTP 401\); set \$CAREGRAPH_AUTH to USER:PASSWORD"):
        query_endpoint(stub, "ASK {}", inline=True)
    assert "Authorization" not in Stub.requests[-1]["headers"]
    monkeypatch.setenv("CAREGRAPH_AUTH", "user:wrong-password")
    with pytest.raises(QueryError) as info:
        query_endpoint(stub, "ASK {}", inline=True)
    assert "check the credentials in $CAREGRAPH_AUTH" in str(info.value) and "wrong-password" not in str(info.value)
    monkeypatch.setenv("CAREGRAPH_AUTH", "no-colon")
    with pytest.raises(QueryError, match=r"\$CAREGRAPH_AUTH must be USER:PASSWORD"):
        query_endpoint(stub, "ASK {}", inline=True)
    result = runner.invoke(app, ["query", "-e", "ASK {}", "--endpoint", stub, "--auth-env", "NOT_SET_ANYWHERE"])
    assert result.exit_code == 2 and "set $NOT_SET_ANYWHERE to USER:PASSWORD" in result.output


def test_redirects_are_not_followed(stub, monkeypatch):
    monkeypatch.setenv("CAREGRAPH_AUTH", "user:s3cret")
    Stub.mode = "redirect"
    with pytest.raises(QueryError, match=r"redirects \(HTTP 302\) to http://elsewhere\.example/sparql; give that URL"):
        query_endpoint(stub, "ASK {}", inline=True)
    assert len(Stub.requests) == 1


def test_an_answer_that_is_not_results_is_an_error(stub, monkeypatch):
    monkeypatch.setenv("CAREGRAPH_AUTH", "user:s3cret")
    Stub.mode = "garbage"
    with pytest.raises(QueryError, match=r"answered with something that is not valid application/sparql-results\+json"):
        query_endpoint(stub, "SELECT * WHERE { ?s ?p ?o }", inline=True)


def test_request_shape_for_graphs_updates_and_named_graphs():
    construct = build_request(
        "https://example.org/sparql?x=1", "CONSTRUCT WHERE { ?s ?p ?o }", form="construct", graph="http://g/1"
    )
    assert construct.get_method() == "POST"
    assert construct.headers["Accept"].startswith("application/n-triples")
    assert construct.full_url.startswith(
        "https://example.org/sparql?x=1&default-graph-uri=http%3A%2F%2Fg%2F1&named-graph-uri=http%3A%2F%2Fg%2F1"
    )
    update = build_request("http://example.org/update", "DROP ALL", form="update")
    assert update.headers["Content-type"].startswith("application/sparql-update")


@pytest.mark.server
def test_update_goes_to_the_update_endpoint_only_when_allowed(server):
    update_url = server.replace("/query", "/update")
    graph = "http://example.org/caregraph-test-graph"
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryRefused):
        query_endpoint(update_url, f"INSERT DATA {{ GRAPH <{graph}> {{ <http://x/a> <http://x/b> 1 }} }}", inline=True)
    assert query_endpoint(server, count, inline=True).values() == [{"n": "0"}]
    try:
        result = query_endpoint(
            update_url,
            f"INSERT DATA {{ GRAPH <{graph}> {{ <http://x/a> <http://x/b> 1 }} }}",
            inline=True,
            allow_update=True,
        )
        assert result.kind == "update"
        assert query_endpoint(server, count, inline=True).values() == [{"n": "1"}]
    finally:
        query_endpoint(update_url, f"DROP SILENT GRAPH <{graph}>", inline=True, allow_update=True)
    assert query_endpoint(server, count, inline=True).values() == [{"n": "0"}]


def test_timeout_bounds_the_request(stub, monkeypatch):
    monkeypatch.setenv("CAREGRAPH_AUTH", "user:s3cret")
    Stub.mode = "slow"
    started = time.perf_counter()
    with pytest.raises(QueryTimeout):
        query_endpoint(stub, "ASK {}", inline=True, timeout=0.5)
    assert time.perf_counter() - started < 2
