"""The one small HTTP client caregraph has: pushing graphs (SPARQL 1.1 Graph Store Protocol,
:mod:`caregraph.interop.push`) and querying an endpoint (SPARQL 1.1 Protocol, :mod:`caregraph.query.remote`).

What both need, once: only ``http`` and ``https`` URLs without a ``user:password@`` in them (:func:`url_problem`);
the URL as messages show it, without its query, fragment or user info, so an error message never carries a secret
(:func:`shown`), and :func:`redact` for any other text that might (an error body echoing the request's
``Authorization`` header, ``?api_key=`` tokens); HTTP basic credentials from an environment variable holding
``USER:PASSWORD``, never from the command line where other users could read them in the process list
(:func:`credentials`); one request shape with caregraph's User-Agent (:func:`request`); and :func:`send`, which
follows no redirect (a redirect would carry the credentials elsewhere, or drop the body), bounds the whole exchange
by one deadline (not each read: a server trickling a byte at a time cannot hold it) and the answer's size, and turns
every failure into one of four exceptions that carry what a one-line message needs (:class:`Refused`,
:class:`Unreachable`, :class:`TimedOut`, :class:`TooLarge`). The callers word the messages, in the terms of their
own command. Standard library only (urllib).
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from caregraph import __version__

AUTH_ENV = "CAREGRAPH_AUTH"
# The largest answer read (bytes): a SPARQL result or graph bigger than this is refused, not held in memory.
DEFAULT_MAX_RESPONSE = 256 << 20


# ---------------------------------------------------------------------------------------------- failures


class HttpProblem(Exception):
    """A request did not get a successful answer."""


class Refused(HttpProblem):
    """The server answered with an error status (or a redirect, which is not followed)."""

    def __init__(self, code: int, reason: str, detail: str = "", location: str | None = None):
        self.code, self.reason, self.detail, self.location = code, reason, detail, location
        super().__init__(f"HTTP {code} {reason}" + (f": {detail}" if detail else ""))

    @property
    def status(self) -> str:
        """``HTTP 404 Not Found`` and the first line the server gave, when it gave one."""
        return str(self)

    @property
    def redirect(self) -> bool:
        return 300 <= self.code < 400

    @property
    def unauthorised(self) -> bool:
        return self.code in {401, 403}


class Unreachable(HttpProblem):
    """No answer: the host is unknown, refuses connections, or the connection broke."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


class TimedOut(HttpProblem):
    """No complete answer within the deadline."""


class TooLarge(HttpProblem):
    """The answer is larger than the size limit."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"the answer is larger than {limit:,} bytes")


class CredentialsError(ValueError):
    """The credentials variable holds something that is not ``USER:PASSWORD``."""


# ---------------------------------------------------------------------------------------------- requests


def http_url(url: str) -> urllib.parse.SplitResult | None:
    """The parts of ``url`` when it is an ``http`` or ``https`` URL with a host, else None."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return parts


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a server's URL, worded to follow ``--endpoint 'URL'`` (not http(s), no host, a user
    name or password in it, spaces), or None."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f"cannot be parsed ({redact(str(exc))})"
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return "is not an http(s) URL; give an http:// or https:// URL"
    if "@" in parts.netloc:
        return f"holds a user name or password; put USER:PASSWORD in ${AUTH_ENV} (or the variable --auth-env names) instead, where other users cannot read it"
    if re.search(r"[\x00-\x20\x7f]", url):
        return "holds a space or a control character"
    return None


def shown(url: str) -> str:
    """The URL as messages show it: without its query, fragment or ``user:password@``."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return redact(url)
    netloc = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=netloc, query="", fragment="").geturl()


_HEADER_SECRET = re.compile(
    r"(?i)\b((?:proxy-)?authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token)(\s*[:=]\s*)[^\r\n]*"
)
_SCHEME_SECRET = re.compile(r"(?i)\b(basic|bearer|digest|token)(\s+)[A-Za-z0-9+/=._~-]{6,}")
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@?#]*@")
_PARAM_SECRET = re.compile(
    r"(?i)([?&;](?:api[_-]?key|apikey|key|token|access[_-]?token|auth|password|passwd|pwd|pass|secret|client[_-]?secret|signature|sig|session)=)[^&#\s]*"
)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with anything that looks like a credential replaced by ``[redacted]``: the given ``secrets``
    (an ``Authorization`` value, its base64 part and the ``user:password`` in it), header lines such as
    ``Authorization: …`` or ``Cookie: …``, ``Basic …``/``Bearer …`` tokens, ``user:password@`` in URLs and query
    parameters named like ``api_key``, ``token``, ``password`` or ``signature``."""
    for secret in sorted({s for s in secrets if s and len(s) >= 3}, key=len, reverse=True):
        text = text.replace(secret, "[redacted]")
    text = _HEADER_SECRET.sub(r"\1\2[redacted]", text)
    text = _SCHEME_SECRET.sub(r"\1\2[redacted]", text)
    text = _USERINFO.sub(r"\1[redacted]@", text)
    return _PARAM_SECRET.sub(r"\1[redacted]", text)


def redact_url(url: str) -> str:
    """The URL with its ``user:password@`` and secret-looking query parameters redacted, the rest kept (for success
    lines, where the query may matter)."""
    return redact(url)


def _secrets_of(req: urllib.request.Request) -> list[str]:
    """The credentials a request carries, in every form an echo could show them."""
    auth = req.get_header("Authorization") or ""
    out = [auth]
    scheme, _, token = auth.partition(" ")
    if token:
        out.append(token)
        if scheme.lower() == "basic":
            try:
                pair = base64.b64decode(token, validate=True).decode("utf-8")
            except ValueError:
                pair = ""
            out += [pair, pair.partition(":")[2]]
    return out


def credentials(env_var: str | None) -> str | None:
    """The ``Authorization`` header value for the ``USER:PASSWORD`` in ``$env_var``; None when no variable is named
    or it is unset or empty. Raises :class:`CredentialsError` when the value has no ``:``."""
    value = os.environ.get(env_var) if env_var else None
    if not value:
        return None
    if ":" not in value:
        raise CredentialsError(f"${env_var} has no ':'")
    return "Basic " + base64.b64encode(value.encode("utf-8")).decode("ascii")


def user_agent(protocol: str) -> str:
    """``caregraph/VERSION (PROTOCOL client)``."""
    return f"caregraph/{__version__} ({protocol} client)"


def request(
    method: str,
    url: str,
    body: bytes | None,
    *,
    headers: Mapping[str, str],
    auth: str | None = None,
    protocol: str,
) -> urllib.request.Request:
    """A request with ``headers``, caregraph's User-Agent and, when given, the ``Authorization`` header."""
    request = urllib.request.Request(url, data=body, method=method)
    for name, value in headers.items():
        request.add_header(name, value)
    request.add_header("User-Agent", user_agent(protocol))
    if auth:
        request.add_header("Authorization", auth)
    return request


# ---------------------------------------------------------------------------------------------- sending


@dataclass(frozen=True)
class Response:
    body: bytes
    content_type: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect would carry the credentials elsewhere, or drop the body: urllib then raises the 3xx as an
    ``HTTPError``, which :func:`send` turns into :class:`Refused`."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class _Deadline:
    """One deadline for a whole exchange: when it passes, the connection's socket is shut down, which ends any read
    or write blocked on it, however the server paces its bytes (a socket timeout alone applies to each read)."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def __enter__(self) -> _Deadline:
        if self.seconds:
            self._timer = threading.Timer(self.seconds, self._expire)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def connection(self, base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
        guard = self

        class Connection(base):  # type: ignore[valid-type,misc]
            def connect(self) -> None:
                super().connect()
                guard.watch(self.sock)

        return Connection


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _GuardedHTTP(urllib.request.HTTPHandler):
    def __init__(self, guard: _Deadline):
        super().__init__()
        self.guard = guard

    def http_open(self, req):
        return self.do_open(self.guard.connection(http.client.HTTPConnection), req)


class _GuardedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, guard: _Deadline):
        super().__init__()
        self.guard = guard

    def https_open(self, req):
        return self.do_open(self.guard.connection(http.client.HTTPSConnection), req, context=self._context)  # type: ignore[attr-defined]


def send(
    req: urllib.request.Request, timeout: float | None, *, max_bytes: int | None = DEFAULT_MAX_RESPONSE
) -> Response:
    """Send ``req`` and read the answer, at most ``max_bytes`` of it (None: no limit); ``timeout`` is the deadline
    for the whole exchange — connecting, sending, the answer's headers and body — and None waits (Ctrl-C still
    works). Raises :class:`Refused`, :class:`Unreachable`, :class:`TimedOut` (only when a timeout was given) or
    :class:`TooLarge`; no message carries the request's credentials (:func:`redact`)."""
    guard = _Deadline(timeout)
    secrets = _secrets_of(req)
    opener = urllib.request.build_opener(_NoRedirect, _GuardedHTTP(guard), _GuardedHTTPS(guard))
    with guard:
        try:
            with opener.open(req, timeout=timeout) as response:
                body = _read_capped(response, max_bytes)
                if guard.expired:  # the socket was shut down mid-answer: what was read is cut short
                    raise TimedOut()
                declared = response.headers.get("Content-Length", "").strip()
                if declared.isdigit() and len(body) < int(declared):
                    raise Unreachable(f"the answer was cut short ({len(body):,} of {int(declared):,} bytes)")
                return Response(body, response.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as exc:
            detail = "" if guard.expired else _detail(exc, secrets)
            location = redact(exc.headers.get("Location", "?"), secrets)
            raise Refused(exc.code, redact(str(exc.reason), secrets), detail, location) from None
        except (TooLarge, TimedOut, Unreachable):
            raise
        except TimeoutError:
            raise TimedOut() from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if guard.expired or (isinstance(reason, TimeoutError) and timeout):
                raise TimedOut() from None
            raise Unreachable(redact(str(getattr(reason, "strerror", None) or reason), secrets)) from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if guard.expired:
                raise TimedOut() from None
            what = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise Unreachable(redact(f"the connection broke ({what})", secrets)) from None


def _read_capped(response, max_bytes: int | None) -> bytes:
    """The body of ``response``, refused with :class:`TooLarge` as soon as it is over ``max_bytes`` (by its declared
    length before reading anything, else while reading)."""
    if max_bytes is None:
        return response.read()
    declared = response.headers.get("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise TooLarge(max_bytes)
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise TooLarge(max_bytes)


def _detail(exc: urllib.error.HTTPError, secrets: Iterable[str] = ()) -> str:
    """The first line of text in an error answer (markup and runs of space dropped, credentials redacted), at most
    200 characters."""
    try:
        body = exc.read(4096).decode("utf-8", "replace")
    except Exception:  # the body could not be read; the status says enough
        body = ""
    lines = (re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", line)).strip() for line in body.splitlines())
    return redact(next((line for line in lines if line), ""), secrets)[:200]
