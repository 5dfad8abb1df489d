"""caregraph.interop.push against a real ``oxigraph serve`` on loopback (the PyPI package ``oxigraph``, in the test
extra): the server ends with the store's quads, a second push replaces rather than adds, and the named queries
answer on the server with the rows they give here. A tiny stdlib server stands in for a store that wants
credentials or refuses."""

from __future__ import annotations

import base64
import http.server
import os
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
from caregraph.interop import http as client
from caregraph.interop import push as push_module
from caregraph.interop.ofsted import import_outcomes
from caregraph.interop.push import PushError, push
from caregraph.query import named_queries, run_query
from caregraph.query.remote import query_endpoint
from caregraph.store import open_store
from tests.test_ofsted import CSVS

pytestmark = pytest.mark.server


def _oxigraph() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(tmp_path):
    """``oxigraph serve`` on a free loopback port with the union default graph; always stopped."""
    binary = _oxigraph()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph, in the test extra)")
    port = _free_port()
    proc = subprocess.Popen(
        [
            binary,
            "serve",
            "--location",
            str(tmp_path / "server"),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"oxigraph serve did not start: {proc.stderr.read().decode(errors='replace')[:500] if proc.poll() is not None else 'timeout'}"
                    )
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture(scope="module")
def store_path(built_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("push") / "store"
    shutil.copytree(built_store, path)
    with open_store(path) as st:
        import_outcomes(st, CSVS)
    return path


def _server_quads(base: str) -> int:
    result = query_endpoint(base + "/query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", auth_env=None)
    return int(result.rows[0]["n"].value)


def _rows(result) -> list[tuple]:
    return sorted(tuple(row[v].value if v in row else "" for v in result.variables) for row in result.rows)


def test_push_gives_the_server_the_store_and_a_second_push_replaces(server, store_path):
    calls = []
    with open_store(store_path, read_only=True) as st:
        summary = push(
            st, server + "/store", progress=lambda name, done, total: calls.append((done, total)), provenance="rdf12"
        )
        quads = len(st)
        graphs = sum(1 for _ in st.ox.named_graphs())
    assert summary.graphs == graphs and summary.triples == quads
    assert calls[-1] == (graphs, graphs) and len(calls) == graphs
    assert _server_quads(server) == quads
    with open_store(store_path, read_only=True) as st:
        push(st, server + "/store", provenance="rdf12")
    assert _server_quads(server) == quads  # replaced, not added


def test_named_queries_answer_the_same_on_the_server(server, store_path):
    with open_store(store_path, read_only=True) as st:
        push(st, server + "/store", provenance="rdf12")  # Oxigraph reads RDF 1.2: the provenance as stored
        compared = 0
        for name, nq in named_queries().items():
            if any(p.required for p in nq.parameters):
                continue
            params = {"today": "2025-06-30"} if any(p.name == "today" for p in nq.parameters) else {}
            local = run_query(st, name, params)
            remote = query_endpoint(server + "/query", name, params, auth_env=None)
            assert remote.variables == local.variables, name
            assert _rows(remote) == _rows(local), name
            compared += 1
        assert compared >= 7 and "papers-vs-ofsted" in named_queries()
        assert any(r["status"] == "disagrees" for r in run_query(st, "papers-vs-ofsted").values())


def test_push_one_graph(server, store_path):
    councils = "https://w3id.org/caregraph/graph/councils"
    with open_store(store_path, read_only=True) as st:
        summary = push(st, server + "/store", graphs=[councils])
        expected = sum(1 for _ in st.ox.quads_for_pattern(None, None, None, ox.NamedNode(councils)))
    assert summary.graphs == 1 and _server_quads(server) == expected


def test_cli_push_and_a_refusal(server, store_path):
    runner = CliRunner()
    result = runner.invoke(app, ["push", "--endpoint", server + "/store", "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert "pushed" in result.output and server in result.output
    # The success line never prints a token given in the endpoint's query string (issue 19).
    result = runner.invoke(
        app, ["push", "--endpoint", server + "/store?api_key=S3CRET-TOKEN", "--store", str(store_path)]
    )
    assert result.exit_code == 0, result.output
    assert "pushed" in result.output and "S3CRET-TOKEN" not in result.output
    result = runner.invoke(app, ["push", "--endpoint", server + "/nowhere", "--store", str(store_path)])
    assert result.exit_code == 2
    line = result.output.strip()
    assert "\n" not in line and line.startswith(f"Error: {server}/nowhere refused graph <") and "HTTP 404" in line


def test_cli_push_to_nothing(store_path):
    port = _free_port()  # nothing listens there
    result = CliRunner().invoke(
        app, ["push", "--endpoint", f"http://127.0.0.1:{port}/store", "--store", str(store_path), "--timeout", "5"]
    )
    assert result.exit_code == 2 and result.output.startswith(f"Error: cannot reach http://127.0.0.1:{port}/store")
    result = CliRunner().invoke(app, ["push", "--endpoint", "ftp://example.org/store", "--store", str(store_path)])
    assert result.exit_code == 2 and "is not an http(s) URL" in result.output


# ------------------------------------------------------------------------------------------------ credentials


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Wants basic auth user:secret; records each PUT."""

    seen: ClassVar[list] = []

    def do_PUT(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.seen.append((self.path, self.headers.get("Authorization"), self.headers.get("Content-Type"), len(body)))
        if self.headers.get("Authorization") != "Basic " + base64.b64encode(b"user:secret").decode():
            self.send_response(401, "Unauthorized")
            self.end_headers()
            self.wfile.write(b"credentials required\nsecond line")
            return
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture()
def recorder():
    _Recorder.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/gsp"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_credentials_come_from_the_environment(recorder, store_path, monkeypatch):
    monkeypatch.delenv("CAREGRAPH_AUTH", raising=False)
    with open_store(store_path, read_only=True) as st:
        with pytest.raises(
            PushError,
            match=r"refused graph <.*>: HTTP 401 Unauthorized: credentials required \(set CAREGRAPH_AUTH to USER:PASSWORD\)",
        ):
            push(st, recorder)
        monkeypatch.setenv("PUSH_AUTH", "user:secret")
        summary = push(st, recorder, auth_env="PUSH_AUTH")
        with pytest.raises(PushError, match="NOT_SET is not set"):
            push(st, recorder, auth_env="NOT_SET")
        monkeypatch.setenv("BAD_AUTH", "no-colon")
        with pytest.raises(PushError, match="must hold USER:PASSWORD"):
            push(st, recorder, auth_env="BAD_AUTH")
    ok = [s for s in _Recorder.seen if s[1]]
    assert len(ok) == summary.graphs
    assert all(
        path.startswith(("/gsp?graph=https%3A%2F%2Fw3id.org%2Fcaregraph%2F", "/gsp?graph=urn%3Acaregraph%3Alocal%2F"))
        and ctype == "application/n-triples"
        for path, _, ctype, _ in ok
    )
    assert "secret" not in os.environ.get("CAREGRAPH_AUTH", "")


# ------------------------------------------------------------------------------------------------ the HTTP client


def test_the_client_shows_urls_without_secrets_and_reads_credentials_from_the_environment(monkeypatch):
    assert client.shown("https://user:pw@example.org:8443/store?graph=x#f") == "https://example.org:8443/store"
    assert client.http_url("ftp://example.org/x") is None and client.http_url("http:///x") is None
    assert client.http_url("https://example.org/x?y=1").query == "y=1"
    monkeypatch.setenv("SOME_AUTH", "user:secret")
    assert client.credentials("SOME_AUTH") == "Basic " + base64.b64encode(b"user:secret").decode()
    monkeypatch.setenv("SOME_AUTH", "")
    assert client.credentials("SOME_AUTH") is None and client.credentials(None) is None
    monkeypatch.setenv("SOME_AUTH", "no-colon")
    with pytest.raises(client.CredentialsError) as info:
        client.credentials("SOME_AUTH")
    assert "no-colon" not in str(info.value)


def test_push_and_remote_queries_share_the_client(recorder, monkeypatch):
    import caregraph.interop.export as export
    import caregraph.query.remote as remote

    assert export.push is push and export.PushError is PushError  # still importable from the old place
    agents = {client.user_agent(module.PROTOCOL) for module in (remote, push_module)}
    assert all(a.startswith("caregraph/") for a in agents) and len(agents) == 2
    port = _free_port()  # nothing listens there
    request = client.request("PUT", f"http://127.0.0.1:{port}/x", b"", headers={}, protocol="test")
    with pytest.raises(client.Unreachable):
        client.send(request, 5)
    with pytest.raises(client.Refused) as info:
        client.send(client.request("GET", recorder, None, headers={}, protocol="test"), 5)  # the recorder has no GET
    assert info.value.code == 501 and info.value.status.startswith("HTTP 501")
