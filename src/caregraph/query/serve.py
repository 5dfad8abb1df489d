"""``caregraph serve``: the store as a local, read-only SPARQL 1.1 endpoint with a query page.

The SPARQL engine is Oxigraph's own server (``oxigraph serve-read-only``, from the ``oxigraph`` package on PyPI:
``pip install 'caregraph[serve]'``), run on the store's folder (a caregraph store *is* an Oxigraph store) on a
private loopback port, with the union of all graphs as the default graph, as ``caregraph query`` has it. In front of
it, on the address the user asked for, a small standard-library HTTP server:

* ``/query`` and ``/sparql`` (GET and POST, the SPARQL 1.1 Protocol) and ``GET /store`` (Graph Store Protocol reads)
  are passed to Oxigraph; ``/update`` answers 403 and any write to ``/store`` 405: nothing can change the store;
* ``/`` is caregraph's query page: Oxigraph's own YASGUI editor and result views (``/yasgui.min.js``,
  ``/yasgui.min.css``, served by Oxigraph), configured so that the page never fetches anything from another server
  (Oxigraph's own page loads its prefix list from prefix.cc, and YASGUI completes class and property names from
  LOV): the prefixes it completes are caregraph's (``/prefixes.json``), and a Content-Security-Policy lets the page
  reach its own server only;
* requests whose ``Host`` is not the address served are refused (a web page elsewhere cannot reach the endpoint by
  DNS rebinding), and no CORS header is sent.

While it runs, the server holds the store's writer lock: a build, an import or ``query --update`` waits until it
stops, so Oxigraph never reads a store another process is writing (which it documents as undefined behaviour). The
store is never opened for writing. Queries stop after ``timeout`` seconds (Oxigraph's ``--timeout-s``).
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from caregraph.errors import CaregraphError, StoreLocked

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 60.0
MAX_REQUEST_BYTES = 1 << 20  # a query (or a form holding one) larger than 1 MiB is refused (413)
ASSETS = ("/yasgui.min.js", "/yasgui.min.css", "/logo.svg")
QUERY_PATHS = ("/query", "/sparql")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class ServeError(CaregraphError):
    """The server cannot start (no oxigraph server installed, the port is taken, Oxigraph refused the store)."""


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program of the installed ``oxigraph`` package (else one on ``PATH``)."""
    from importlib import metadata

    try:
        files = metadata.distribution("oxigraph").files or []
    except metadata.PackageNotFoundError:
        files = []
    for f in files:
        if f.name in ("oxigraph", "oxigraph.exe") and f.parent.name in ("bin", "Scripts"):
            found = Path(str(f.locate())).resolve()
            if found.is_file() and os.access(found, os.X_OK):
                return str(found)
    on_path = shutil.which("oxigraph")
    if on_path:
        return on_path
    raise ServeError(
        "caregraph serve needs the Oxigraph server: pip install 'caregraph[serve]' (the oxigraph package on PyPI)"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, proc: subprocess.Popen, log: Path, seconds: float = 30.0) -> None:
    """Until the backend on ``port`` answers; a :class:`ServeError` with its log if it stops or never answers."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace").strip().splitlines()[-3:]
            raise ServeError(f"the Oxigraph server stopped: {' / '.join(tail) or f'exit code {proc.returncode}'}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.05)
    raise ServeError(f"the Oxigraph server did not answer within {seconds:.0f} s")


@contextlib.contextmanager
def _writer_lock(path: Path, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    """Hold the store's writer lock (:data:`caregraph.store.LOCK_NAME`) for the ``with`` block, so nothing writes the
    store while Oxigraph reads it; waits for a running build as another writer would."""
    from filelock import FileLock, Timeout

    from caregraph.store import LOCK_NAME, _lock_timeout

    lock = FileLock(str(path / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        limit = _lock_timeout(None)
        if on_wait is not None:
            on_wait(f"another caregraph process is writing {path}; waiting for it to finish (up to {limit:.0f} s)…")
        try:
            lock.acquire(timeout=limit)
        except Timeout:
            raise StoreLocked(
                f"the store {path} is locked by another caregraph process; try again when it has finished"
            ) from None
    except OSError as exc:  # a store this user may only read: no writer can run as this user either
        if on_wait is not None:
            on_wait(f"cannot lock {path} ({exc.strerror or exc}): serving it without holding off writers")
        yield
        return
    try:
        yield
    finally:
        lock.release()


def page_html(title: str) -> bytes:
    """The query page: YASGUI (Oxigraph's copy) on this server's endpoint, caregraph's prefixes, nothing remote."""
    from html import escape

    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<link href="./yasgui.min.css" rel="stylesheet" type="text/css">
<link rel="icon" type="image/svg+xml" href="./logo.svg">
<style>
body {{ margin: 0; font-family: system-ui, sans-serif; }}
header {{ padding: 0.5rem 1rem; background: #f3f4f6; border-bottom: 1px solid #d1d5db; font-size: 0.9rem; }}
header code {{ background: #fff; padding: 0 0.25rem; }}
</style>
</head>
<body>
<header><strong>caregraph</strong> — {escape(title)}: read-only SPARQL 1.1 endpoint <code id="endpoint">/query</code>
(the default graph is the union of all graphs)</header>
<div id="yasgui"></div>
<script src="./yasgui.min.js"></script>
<script src="./caregraph.js"></script>
</body>
</html>
""".encode()


def page_script() -> bytes:
    """The page's own script (a file, so the Content-Security-Policy needs no inline script): YASGUI on ``/query``,
    completing caregraph's prefixes from ``/prefixes.json``, never a remote service."""
    from caregraph.query.names import prefixes

    head = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in prefixes().items() if p in _PAGE_PREFIXES)
    query = (
        head
        + "\n\n# Inspections and visits, with what the papers call them\n"
        + "SELECT DISTINCT ?inspection ?label ?start WHERE {\n"
        + "  ?inspection a cg:Inspection ; rdfs:label ?label .\n"
        + "  OPTIONAL { ?inspection cg:startDate ?start }\n"
        + "} ORDER BY ?start LIMIT 100\n"
    )
    return f"""(function () {{
  "use strict";
  var endpoint = window.location.origin + "/query";
  document.getElementById("endpoint").textContent = endpoint;
  var Yasqe = Yasgui.Yasqe;
  Yasqe.defaults.value = {json.dumps(query)};
  Yasqe.defaults.prefixCcApi = window.location.origin + "/prefixes.json";
  // prefix.cc and LOV are remote services: complete prefixes from this server and variables only.
  Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasqe.defaults.persistenceId = "caregraph-query";
  new Yasgui(document.getElementById("yasgui"), {{
    requestConfig: {{ endpoint: endpoint, method: "POST" }},
    copyEndpointOnNewTab: true,
    persistenceId: "caregraph",
    endpointCatalogueOptions: {{ getData: function () {{ return [{{ endpoint: endpoint }}]; }}, keys: [] }},
    yasqe: {{ value: Yasqe.defaults.value, prefixCcApi: Yasqe.defaults.prefixCcApi }},
  }});
}})();
""".encode()


_PAGE_PREFIXES = ("cg", "cgv", "cgd", "rdf", "rdfs", "skos", "dcterms", "foaf", "org", "prov", "oa", "xsd")


@dataclass
class Server:
    """A running ``caregraph serve``: ``url`` is the query page, ``endpoint`` the SPARQL endpoint."""

    url: str
    endpoint: str
    httpd: http.server.ThreadingHTTPServer

    def serve_forever(self) -> None:
        self.httpd.serve_forever(poll_interval=0.2)

    def shutdown(self) -> None:
        self.httpd.shutdown()


class _Handler(http.server.BaseHTTPRequestHandler):
    """The front server's answers (see the module's description); :func:`_handler` gives it its settings."""

    backend: int = 0  # the Oxigraph server's loopback port
    query_timeout: float = DEFAULT_TIMEOUT
    timeout = 300  # seconds a client connection may stay silent (socketserver's): no client holds a thread forever
    allowed_hosts: ClassVar[set[str] | None] = None  # Host headers answered (None: any)
    own: ClassVar[dict[str, tuple[str, bytes]]] = {}  # path -> (media type, body) of what this server writes itself
    assets: ClassVar[dict[str, tuple[str, bytes]]] = {}  # YASGUI's files, fetched from Oxigraph once
    assets_lock = threading.Lock()
    server_version = "caregraph"
    protocol_version = "HTTP/1.0"  # one request per connection; bodies streamed until the connection closes

    def log_message(self, format: str, *args) -> None:
        pass

    # ---------------------------------------------------------------------------------------------- answers
    def _send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _refuse(self, status: int, message: str, **headers: str) -> None:
        self._send(status, (message + "\n").encode(), **headers)

    def _host_ok(self) -> bool:
        if self.allowed_hosts is None:
            return True
        host = (self.headers.get("Host") or "").lower()
        if host in self.allowed_hosts:
            return True
        self._refuse(403, "caregraph serve answers requests addressed to its own address only")
        return False

    # ---------------------------------------------------------------------------------------------- proxy
    def _forward(self, method: str, path: str, body: bytes | None = None) -> None:
        headers = {k: v for k in ("Content-Type", "Accept") if (v := self.headers.get(k))}
        conn = http.client.HTTPConnection("127.0.0.1", self.backend, timeout=self.query_timeout + 10)
        try:
            conn.request(method, path, body=body, headers=headers)
            answer = conn.getresponse()
            self.send_response(answer.status)
            for name in ("Content-Type", "Content-Length", "Content-Disposition"):
                value = answer.getheader(name)
                if value:
                    self.send_header(name, value)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            while method != "HEAD" and (chunk := answer.read(1 << 16)):
                self.wfile.write(chunk)
        except (ConnectionError, TimeoutError, http.client.HTTPException, OSError) as exc:
            with contextlib.suppress(OSError):
                self._refuse(502, f"the SPARQL engine did not answer ({type(exc).__name__})")
        finally:
            conn.close()

    def _asset(self, path: str) -> None:
        with self.assets_lock:
            if path not in self.assets:
                conn = http.client.HTTPConnection("127.0.0.1", self.backend, timeout=30)
                try:
                    conn.request("GET", path)
                    answer = conn.getresponse()
                    data = answer.read()
                    if answer.status != 200:
                        raise OSError(f"status {answer.status}")
                    self.assets[path] = (answer.getheader("Content-Type") or "application/octet-stream", data)
                except (OSError, http.client.HTTPException):
                    self._refuse(502, "the SPARQL engine did not answer")
                    return
                finally:
                    conn.close()
        ctype, data = self.assets[path]
        self._send(200, data, ctype, Cache_Control="max-age=3600")

    # ---------------------------------------------------------------------------------------------- methods
    def do_GET(self) -> None:
        if not self._host_ok():
            return
        path = urlsplit(self.path).path
        if path in self.own:
            ctype, data = self.own[path]
            csp = {"Content_Security_Policy": CSP} if ctype.startswith("text/html") else {}
            self._send(200, data, ctype, Cache_Control="no-store", **csp)
        elif path in ASSETS:
            self._asset(path)
        elif path in QUERY_PATHS:
            self._forward(self.command, "/query" + (f"?{urlsplit(self.path).query}" if "?" in self.path else ""))
        elif path == "/store":
            self._forward(self.command, self.path)
        elif path == "/update":
            self._refuse(403, "caregraph serve is read-only: updates are refused")
        else:
            self._refuse(404, "not found: the query page is /, the SPARQL endpoint /query")

    do_HEAD = do_GET

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        path = urlsplit(self.path).path
        if path == "/update":
            self._refuse(403, "caregraph serve is read-only: updates are refused")
            return
        if path == "/store":
            self._refuse(405, "caregraph serve is read-only: the store cannot be written", Allow="GET, HEAD")
            return
        if path not in QUERY_PATHS:
            self._refuse(404, "not found: the SPARQL endpoint is /query")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_REQUEST_BYTES:
            self._refuse(413, f"a query request may hold at most {MAX_REQUEST_BYTES:,} bytes")
            return
        body = self.rfile.read(length)
        self._forward("POST", "/query" + (f"?{urlsplit(self.path).query}" if "?" in self.path else ""), body)

    def _read_only(self) -> None:
        if self._host_ok():
            self._refuse(405, "caregraph serve is read-only", Allow="GET, HEAD, POST")

    do_PUT = do_DELETE = do_PATCH = _read_only

    def handle(self) -> None:
        with contextlib.suppress(ConnectionError, TimeoutError):  # a client that went away: not news
            super().handle()


def _handler(backend: int, title: str, allowed_hosts: set[str] | None, timeout: float) -> type:
    """A :class:`_Handler` for one server: its backend port, the hosts it answers, its own page."""
    from caregraph.query.names import prefixes

    own = {
        "/": ("text/html; charset=utf-8", page_html(title)),
        "/index.html": ("text/html; charset=utf-8", page_html(title)),
        "/caregraph.js": ("text/javascript; charset=utf-8", page_script()),
        "/prefixes.json": ("application/json", json.dumps(prefixes(), indent=1).encode()),
    }
    settings = {"backend": backend, "query_timeout": timeout, "allowed_hosts": allowed_hosts, "own": own}
    return type("Handler", (_Handler,), {**settings, "assets": {}, "assets_lock": threading.Lock()})


@contextlib.contextmanager
def serving(
    store: str | os.PathLike[str] | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    timeout: float = DEFAULT_TIMEOUT,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[Server]:
    """Serve the store read-only for the ``with`` block (see the module's description); ``port`` 0 picks a free one.
    Call :meth:`Server.serve_forever` to answer requests."""
    from caregraph.store import open_store, resolve_path

    path = resolve_path(store)
    binary = oxigraph_binary()
    with open_store(path, read_only=True):  # a finished caregraph store, or the usual error
        pass
    with _writer_lock(path, on_wait), tempfile.TemporaryDirectory(prefix="caregraph-serve-") as work:
        backend = _free_port()
        log = Path(work) / "oxigraph.log"
        command = [binary, "serve-read-only", "--location", str(path), "--bind", f"127.0.0.1:{backend}"]
        command += ["--union-default-graph", "--timeout-s", str(max(1, round(timeout)))]
        with log.open("wb") as sink:
            proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT)
        try:
            _wait_for(backend, proc, log)
            loopback = host in ("127.0.0.1", "localhost", "::1")
            try:
                httpd = http.server.ThreadingHTTPServer((host, port), _Placeholder)
            except OSError as exc:
                raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
            actual = httpd.server_address[1]
            shown = f"[{host}]" if ":" in host else host
            names = {f"{h}:{actual}" for h in ("127.0.0.1", "localhost", "[::1]", shown)}
            httpd.RequestHandlerClass = _handler(backend, f"the store {path}", names if loopback else None, timeout)
            httpd.daemon_threads = True
            try:
                yield Server(f"http://{shown}:{actual}/", f"http://{shown}:{actual}/query", httpd)
            finally:
                httpd.server_close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


class _Placeholder(http.server.BaseHTTPRequestHandler):
    """Stands in until the port is known (the real handler checks the Host header against it)."""
