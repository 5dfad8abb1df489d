"""`caregraph serve`: the store as a local read-only SPARQL 1.1 endpoint with a query page, run as a user runs it
(a real process on a free loopback port) and asked with a real HTTP client (urllib)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from caregraph.errors import StoreLocked
from caregraph.query import run_query
from caregraph.store import open_store
from caregraph.testing.browser import Browser, find_chromium

from .conftest import at_a_terminal

COUNT = "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a <https://w3id.org/caregraph/ontology#Inspection> }"


@pytest.fixture()
def served(built_store, tmp_path):
    """`caregraph serve --port 0` on a copy of the sample store; (page URL, store path, process). Always stopped."""
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    proc = subprocess.Popen(
        [sys.executable, "-m", "caregraph.cli", "serve", "--port", "0", "--store", str(store)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        preexec_fn=at_a_terminal,
    )
    try:
        url = proc.stdout.readline().strip()  # the first line, once it answers
        assert url.startswith("http://127.0.0.1:"), (url, proc.stderr.read() if proc.poll() is not None else "")
        yield url, store, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def http(method: str, url: str, body: bytes | None = None, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_queries_get_the_stores_answers_and_updates_are_refused(served):
    url, store, _ = served
    with open_store(store, read_only=True) as st:
        expected = run_query(st, COUNT, inline=True).values()[0]["n"]
        quads = len(st)
    endpoint = url + "query"
    # POST application/sparql-query, GET ?query=, POST a form: the SPARQL 1.1 Protocol's three ways.
    status, headers, body = http(
        "POST",
        endpoint,
        COUNT.encode(),
        **{"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == expected
    status, _, body = http("GET", endpoint + "?" + urllib.parse.urlencode({"query": COUNT}), Accept="text/csv")
    assert status == 200 and body.decode().split() == ["n", expected]
    form = urllib.parse.urlencode({"query": COUNT}).encode()
    status, _, body = http(
        "POST", url + "sparql", form, **{"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"}
    )
    assert status == 200 and body.decode().split() == ["n", expected]
    # The union of all graphs is the default graph, as in `caregraph query`: a named query gives the same rows.
    with open_store(store, read_only=True) as st:
        local = run_query(st, "inspection-timeline", {"council": "Surrey"})
    status, _, body = http(
        "GET",
        endpoint + "?" + urllib.parse.urlencode({"query": _with_prefixes(local)}),
        Accept="application/sparql-results+json",
    )
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == len(local.rows)

    drop = b"DROP ALL"
    assert http("POST", url + "update", drop, **{"Content-Type": "application/sparql-update"})[0] == 403
    assert (
        http(
            "POST",
            endpoint,
            urllib.parse.urlencode({"update": "DROP ALL"}).encode(),
            **{"Content-Type": "application/x-www-form-urlencoded"},
        )[0]
        == 400
    )
    assert (
        http(
            "PUT",
            url + "store?default",
            b"<http://x/a> <http://x/b> <http://x/c> .",
            **{"Content-Type": "application/n-triples"},
        )[0]
        == 405
    )
    assert (
        http(
            "POST",
            url + "store?default",
            b"<http://x/a> <http://x/b> <http://x/c> .",
            **{"Content-Type": "application/n-triples"},
        )[0]
        == 405
    )
    assert http("DELETE", url + "store?default")[0] == 405
    status, _, body = http(
        "GET",
        url + "store?graph=" + urllib.parse.quote("https://w3id.org/caregraph/graph/councils"),
        Accept="application/n-triples",
    )
    assert status == 200 and b"/council/surrey>" in body  # reading a graph is allowed
    # A request for another host name (DNS rebinding) is refused.
    assert http("GET", url, **{"Host": "attacker.example:80"})[0] == 403
    with open_store(store, read_only=True) as st:
        assert len(st) == quads


def _with_prefixes(result) -> str:
    from caregraph.query import named_query, with_prefixes, with_values

    text = named_query("inspection-timeline").text
    return with_prefixes(with_values(text, {"council": ox.NamedNode("https://w3id.org/caregraph/id/council/surrey")}))


def test_the_page_fetches_nothing_from_other_servers(served):
    url, _, _ = served
    status, headers, html = http("GET", url)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    csp = headers["Content-Security-Policy"]
    assert "connect-src 'self'" in csp and "default-src 'none'" in csp and "script-src 'self'" in csp
    page = html.decode()
    scripts = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert scripts and all(s.startswith("./") for s in scripts), scripts  # everything from this server
    assert not re.search(r"https?://", page)
    status, _, script = http("GET", url + "caregraph.js")
    code = re.sub(rb'Yasqe\.defaults\.value = ".*?";\n', b"", script)  # the first query's PREFIX lines name IRIs
    assert status == 200 and b"PREFIX cg:" in script and not re.search(rb"https?://", code)
    assert b'autocompleters = ["prefixes", "variables"]' in script  # no LOV (classes, properties) or prefix.cc
    status, _, prefixes = http("GET", url + "prefixes.json")
    assert json.loads(prefixes)["cg"] == "https://w3id.org/caregraph/ontology#"
    for asset in ("yasgui.min.js", "yasgui.min.css"):
        assert http("GET", url + asset)[0] == 200


def test_while_serving_no_one_writes_the_store_and_ctrl_c_stops_it(served):
    url, store, proc = served
    with pytest.raises(StoreLocked), open_store(store, lock_timeout=0.5):
        pass
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=20) == 0
    assert "stopped" in proc.stderr.read()
    with open_store(store, lock_timeout=5) as st:  # the lock is free again at once
        assert len(st) > 0
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=5)


def test_serve_refuses_what_is_not_a_store(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "caregraph.cli", "serve", "--port", "0", "--store", str(tmp_path / "nothing")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and proc.stderr.startswith("Error: no caregraph store at")


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(
    find_chromium() is None, reason="Chromium is not installed (apt-get install chromium, as .ci/system-deps does)"
)
def test_the_page_runs_a_query_in_chromium_without_a_remote_request(served):
    url, _, _ = served
    with Browser() as browser:
        page = browser.open(url, wait_for="document.querySelector('.CodeMirror') !== null")
        page.evaluate("document.querySelector('.yasqe_queryButton').click()")
        page.wait_for("document.querySelectorAll('.yasr table tbody tr').length > 0", timeout=30)
        assert page.evaluate("document.querySelectorAll('.yasr table tbody tr').length") >= 8
        # Typing a prefix asks the completion list: it comes from this server.
        page.evaluate(
            "var cm = document.querySelector('.CodeMirror').CodeMirror; cm.setValue('PREFIX f'); cm.focus(); cm.setCursor({line: 0, ch: 8})"
        )
        page.type_text("o")
        browser.pump(1.0)
        time.sleep(0.2)
        assert page.requests and all(r.startswith(url) for r in page.requests), page.requests
        assert page.errors == []
