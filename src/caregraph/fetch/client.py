"""A polite HTTP client for council web sites, on the standard library (urllib).

Polite: one request at a time (the client is sequential), at least ``delay`` seconds between two requests to the
same host (more when the site's robots.txt asks for a ``Crawl-delay``), an identifying User-Agent with the project's
URL, robots.txt honoured (RFC 9309: a robots.txt that is missing or refused allows everything; one that cannot be
read because the server fails disallows everything), retries with exponential backoff on 5xx answers, 429 and
timeouts (``Retry-After`` honoured up to a minute), and no more requests to a host that has refused the last few.

Safe: only ``http`` and ``https`` URLs; redirects are followed only within the same host (a redirect to another host
is refused, never followed); a body larger than ``max_bytes`` is refused (by its ``Content-Length`` before reading,
else as soon as the bytes read pass the limit); nothing received is executed or interpreted here.

Resumable: an on-disk :class:`Cache` (``DIR/.caregraph-fetch/``) remembers, for each URL, the file its body was
saved to, its size, its ``ETag`` and ``Last-Modified`` and when it was fetched. The next request for the URL is
conditional (``If-None-Match`` / ``If-Modified-Since``): a ``304 Not Modified`` keeps the saved file, no body is
downloaded. A resource that no longer changes (``final_after`` has passed when it was fetched: the papers of a
meeting held weeks before) is reused without asking at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from caregraph import __version__
from caregraph.errors import CaregraphError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "PROJECT_URL",
    "USER_AGENT",
    "Cache",
    "CacheEntry",
    "Client",
    "FetchProblem",
    "Response",
]

PROJECT_URL = "https://w3id.org/caregraph"
ROBOTS_AGENT = "caregraph"  # the product token robots.txt rules are matched against
USER_AGENT = f"caregraph/{__version__} (+{PROJECT_URL}; council papers for research, one request at a time)"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is capped
MAX_CRAWL_DELAY = 60.0
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
REFUSALS_BEFORE_GIVING_UP = 3  # consecutive 403 answers from one host
_CHUNK = 64 * 1024
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


class FetchProblem(CaregraphError):
    """One URL could not be fetched. ``kind`` says why: ``scheme``, ``robots``, ``blocked`` (403), ``host-blocked``
    (a host that refused too often is not asked again), ``not-found``, ``http``, ``redirect``, ``too-large``,
    ``type``, ``timeout``, ``server``, ``network``."""

    exit_code = 1

    def __init__(self, url: str, kind: str, message: str):
        self.url = url
        self.kind = kind
        self.message = message
        super().__init__(f"{url}: {message}")


@dataclass
class CacheEntry:
    url: str
    path: str  # the saved body, relative to the cache's root folder
    size: int
    sha256: str
    fetched: str  # ISO UTC time of the last request that confirmed the body
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @property
    def fetched_date(self) -> date:
        return datetime.fromisoformat(self.fetched).date()


class Cache:
    """URL → saved body and validators, kept as an append-only JSON-lines log under ``root/.caregraph-fetch/`` (a run
    killed midway loses at most the line being written; the last line for a URL wins)."""

    FOLDER = ".caregraph-fetch"

    def __init__(self, root: Path):
        self.root = Path(root)
        self.folder = self.root / self.FOLDER
        self.log = self.folder / "cache.jsonl"
        self.entries: dict[str, CacheEntry] = {}
        self._lines = 0
        if self.log.is_file():
            with self.log.open(encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    self._lines += 1
                    try:
                        entry = CacheEntry(**json.loads(line))
                    except (ValueError, TypeError):
                        continue  # a torn last line, or an older format
                    self.entries[entry.url] = entry

    def body_path(self, url: str, suffix: str = ".body") -> Path:
        """Where a body that is not a saved document (web service XML, robots.txt) is kept."""
        return self.folder / "bodies" / (hashlib.sha1(url.encode("utf-8")).hexdigest()[:20] + suffix)

    def get(self, url: str) -> CacheEntry | None:
        """The entry for ``url`` if its saved file is still there, unchanged in size."""
        entry = self.entries.get(url)
        if entry is None or not _inside(entry.path):
            return None
        try:
            if (self.root / entry.path).stat().st_size != entry.size:
                return None
        except OSError:
            return None
        return entry

    def put(self, entry: CacheEntry) -> None:
        self.entries[entry.url] = entry
        self.folder.mkdir(parents=True, exist_ok=True)
        with self.log.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        self._lines += 1

    def compact(self) -> None:
        """Rewrite the log with one line per URL (when it has grown to twice that)."""
        if self._lines <= 2 * len(self.entries) or not self.entries:
            return
        tmp = self.log.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for entry in self.entries.values():
                fh.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        os.replace(tmp, self.log)
        self._lines = len(self.entries)


@dataclass
class Response:
    """A fetched URL. ``status`` is 200 (a body came) or 304 (the cached copy stands: the server said so, or, when
    ``requested`` is False, the resource no longer changes and was not asked for)."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes | None
    cached: CacheEntry | None
    requested: bool = True

    @property
    def content_type(self) -> str:
        value = self.headers.get("content-type") or (self.cached.content_type if self.cached else None) or ""
        return value.split(";")[0].strip().lower()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises HTTPError with the 3xx code; redirects are followed by hand


class _Retry(Exception):
    """A failure worth another attempt (5xx, 429, timeout, a dropped connection)."""

    def __init__(self, message: str, kind: str, wait: float | None = None):
        super().__init__(message)
        self.kind = kind
        self.wait = wait


@dataclass
class _Raw:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes | None


def host_of(url: str) -> str:
    return (urllib.parse.urlsplit(url).hostname or "").lower()


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched, or None: only absolute http(s) URLs with a host."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f"not a URL ({exc})"
    if parts.scheme.lower() not in {"http", "https"}:
        return f"only http and https URLs are fetched (this one is {parts.scheme + ':' if parts.scheme else 'not absolute'})"
    if not parts.hostname:
        return "the URL has no host"
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return "the URL holds spaces or control characters"
    return None


class Client:
    """Sequential, polite GET requests with an on-disk cache (see the module's description)."""

    def __init__(
        self,
        cache: Cache,
        *,
        delay: float = 1.0,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.cache = cache
        self.delay = max(0.0, delay)
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = max(0.0, backoff)
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}  # host -> clock() when its last request ended
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}  # None: everything disallowed
        self._robots_failure: dict[str, str] = {}
        self._crawl_delay: dict[str, float] = {}
        self._refusals: dict[str, int] = {}
        self._opener = urllib.request.build_opener(_NoRedirect())
        self._direct = urllib.request.build_opener(_NoRedirect(), urllib.request.ProxyHandler({}))
        self.requests = 0
        self.bytes = 0

    # ------------------------------------------------------------------------------------------------ public

    def get(self, url: str, *, types: Sequence[str] | None = None, final_after: date | None = None) -> Response:
        """GET ``url``, conditionally when the cache holds it. ``types``: the content types accepted (others are
        refused before their body is read). ``final_after``: the day after which the resource no longer changes; a
        cached copy fetched after it is returned without a request. Raises :class:`FetchProblem`."""
        problem = url_problem(url)
        if problem:
            raise FetchProblem(url, "scheme", problem)
        entry = self.cache.get(url)
        if entry is not None and final_after is not None and entry.fetched_date > final_after:
            return Response(url, url, 304, {}, None, entry, requested=False)
        headers = {"User-Agent": self.user_agent, "Accept": ", ".join(types) if types else "*/*"}
        if entry is not None and entry.etag:
            headers["If-None-Match"] = entry.etag
        if entry is not None and entry.last_modified:
            headers["If-Modified-Since"] = entry.last_modified
        raw = self._follow(url, headers, types)
        if raw.status == 304:
            if entry is None:  # a 304 to an unconditional request: nothing to keep
                raise FetchProblem(url, "http", "the server answered 304 Not Modified to a plain request")
            entry.fetched = _now()
            self.cache.put(entry)
            return Response(url, raw.url, 304, raw.headers, None, entry)
        return Response(url, raw.url, 200, raw.headers, raw.body, entry)

    def save(self, response: Response, path: Path) -> bool:
        """Write a 200 response's body to ``path`` (atomically) and remember it; a 304 only refreshes the cache.
        True when the file is new or its bytes changed."""
        if response.status != 200 or response.body is None:
            return False
        body = response.body
        digest = hashlib.sha256(body).hexdigest()
        path = Path(path)
        rel = os.path.relpath(path, self.cache.root)
        old = response.cached
        changed = not (old is not None and old.sha256 == digest and old.path == rel and path.is_file())
        if changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".part")
            tmp.write_bytes(body)
            os.replace(tmp, path)
        if old is not None and old.path != rel and _inside(old.path):
            # The URL's file has a new name (a renamed committee or paper): the old copy would be built twice.
            with contextlib.suppress(OSError):
                (self.cache.root / old.path).unlink()
        self.cache.put(
            CacheEntry(
                response.url,
                rel,
                len(body),
                digest,
                _now(),
                response.headers.get("etag"),
                response.headers.get("last-modified"),
                response.headers.get("content-type"),
            )
        )
        return changed

    def read_cached(self, response: Response) -> bytes:
        """The body of a response: the bytes received, else the cached file's."""
        if response.body is not None:
            return response.body
        assert response.cached is not None
        return (self.cache.root / response.cached.path).read_bytes()

    def cached_path(self, response: Response) -> Path | None:
        return self.cache.root / response.cached.path if response.cached is not None else None

    # ------------------------------------------------------------------------------------------------ robots

    def robots_problem(self, url: str) -> str | None:
        """Why the host's robots.txt does not let caregraph fetch ``url``, or None when it does (the robots.txt is
        fetched once per run and host)."""
        parts = urllib.parse.urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}".lower()
        if key not in self._robots:
            self._robots[key] = self._load_robots(key)
        rules = self._robots[key]
        host = host_of(url)
        if rules is None:
            return (
                f"robots.txt of {host} could not be read ({self._robots_failure.get(key, 'server error')}); "
                "nothing is fetched from this host (RFC 9309)"
            )
        if not rules.can_fetch(ROBOTS_AGENT, url):
            return f"robots.txt of {host} does not allow caregraph here; skipped"
        return None

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        url = origin + "/robots.txt"
        rules = urllib.robotparser.RobotFileParser(url)
        entry = self.cache.get(url)
        headers = {"User-Agent": self.user_agent, "Accept": "text/plain, */*;q=0.5"}
        if entry is not None and entry.etag:
            headers["If-None-Match"] = entry.etag
        if entry is not None and entry.last_modified:
            headers["If-Modified-Since"] = entry.last_modified
        try:
            raw = self._follow(url, headers, None, check_robots=False, limit=ROBOTS_MAX_BYTES)
        except FetchProblem as exc:
            self._refusals.pop(host_of(url), None)  # a refused robots.txt is not one of the pages refused
            if exc.kind in {"blocked", "not-found", "http", "redirect", "too-large", "host-blocked"}:
                rules.allow_all = True  # type: ignore[attr-defined]  # unavailable (4xx): RFC 9309 allows everything
                return rules
            self._robots_failure[origin] = exc.message
            return None  # unreachable (5xx, timeouts, no connection): nothing is fetched from the host
        if raw.status == 304 and entry is not None:
            text = (self.cache.root / entry.path).read_bytes()
            entry.fetched = _now()
            self.cache.put(entry)
        else:
            text = raw.body or b""
            self.save(Response(url, raw.url, 200, raw.headers, text, entry), self.cache.body_path(url, ".robots"))
        rules.parse(text.decode("utf-8", "replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            with contextlib.suppress(TypeError, ValueError):
                self._crawl_delay[host_of(url)] = min(float(delay), MAX_CRAWL_DELAY)
        return rules

    # ------------------------------------------------------------------------------------------------ requests

    def _follow(
        self,
        url: str,
        headers: dict[str, str],
        types: Sequence[str] | None,
        *,
        check_robots: bool = True,
        limit: int | None = None,
    ) -> _Raw:
        """GET with same-host redirects followed (at most MAX_REDIRECTS)."""
        start_host = host_of(url)
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            refusal = self.robots_problem(current) if check_robots else None
            if refusal:
                raise FetchProblem(url, "robots", refusal)
            raw = self._attempts(current, headers, types, limit if limit is not None else self.max_bytes)
            if raw.status not in (301, 302, 303, 307, 308):
                return _Raw(current, raw.status, raw.headers, raw.body)
            location = raw.headers.get("location")
            if not location:
                raise FetchProblem(url, "http", f"redirect ({raw.status}) without a Location")
            target = urllib.parse.urljoin(current, location.strip())
            problem = url_problem(target)
            if problem:
                raise FetchProblem(url, "redirect", f"redirects to {target[:200]!r}: {problem}; refused")
            if host_of(target) != start_host:
                raise FetchProblem(
                    url, "redirect", f"redirects to another host ({host_of(target)}); refused, not followed"
                )
            current = target
        raise FetchProblem(url, "redirect", f"more than {MAX_REDIRECTS} redirects; given up")

    def _attempts(self, url: str, headers: dict[str, str], types: Sequence[str] | None, limit: int) -> _Raw:
        host = host_of(url)
        if self._refusals.get(host, 0) >= REFUSALS_BEFORE_GIVING_UP:
            raise FetchProblem(
                url,
                "host-blocked",
                f"{host} refused the last {REFUSALS_BEFORE_GIVING_UP} requests (403); not asking it again in this run",
            )
        last: _Retry | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                wait = last.wait if last is not None and last.wait is not None else self.backoff * 2 ** (attempt - 1)
                self._sleep(wait)
            self._wait_turn(host)
            try:
                raw = self._once(url, headers, types, limit)
            except _Retry as exc:
                last = exc
                continue
            finally:
                self._last[host] = self._clock()
            self._refusals[host] = 0
            return raw
        assert last is not None
        tries = self.retries + 1
        raise FetchProblem(url, last.kind, f"{last} ({tries} attempt{'s' if tries > 1 else ''})")

    def _wait_turn(self, host: str) -> None:
        gap = max(self.delay, self._crawl_delay.get(host, 0.0))
        last = self._last.get(host)
        if last is not None and gap > 0:
            wait = last + gap - self._clock()
            if wait > 0:
                self._sleep(wait)

    def _once(self, url: str, headers: dict[str, str], types: Sequence[str] | None, limit: int) -> _Raw:
        opener = self._direct if host_of(url) in _LOOPBACK else self._opener
        request = urllib.request.Request(url, headers=headers, method="GET")
        self.requests += 1
        try:
            response = opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            with contextlib.closing(exc):
                return self._http_error(url, exc)
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise _Retry(f"timed out after {self.timeout:g} s", "timeout") from None
            if isinstance(reason, ConnectionResetError | ConnectionAbortedError):
                raise _Retry(f"connection dropped ({reason})", "network") from None
            raise FetchProblem(url, "network", f"cannot connect ({reason})") from None
        except TimeoutError:
            raise _Retry(f"timed out after {self.timeout:g} s", "timeout") from None
        except (ConnectionResetError, ConnectionAbortedError, http.client.RemoteDisconnected) as exc:
            raise _Retry(f"connection dropped ({exc})", "network") from None
        except (http.client.HTTPException, OSError, ValueError) as exc:
            raise FetchProblem(url, "network", f"cannot fetch ({type(exc).__name__}: {exc})") from None
        with contextlib.closing(response):
            found = {k.lower(): v for k, v in response.headers.items()}
            status = response.status
            kind = found.get("content-type", "").split(";")[0].strip().lower()
            if types is not None and kind not in set(types):
                raise FetchProblem(
                    url, "type", f"is {kind or 'of no stated type'}, not a type asked for ({types[0]}); not downloaded"
                )
            body = self._read(url, response, found, limit)
        return _Raw(url, status, found, body)

    def _read(self, url: str, response, headers: dict[str, str], limit: int) -> bytes:
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            raise FetchProblem(url, "too-large", f"is {int(length):,} bytes, over --max-bytes ({limit:,}); skipped")
        chunks: list[bytes] = []
        total = 0
        try:
            while True:
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                total += len(chunk)
                self.bytes += len(chunk)
                if total > limit:
                    raise FetchProblem(url, "too-large", f"is over --max-bytes ({limit:,} bytes); skipped")
                chunks.append(chunk)
        except TimeoutError:
            raise _Retry(f"timed out after {self.timeout:g} s while reading", "timeout") from None
        except (ConnectionResetError, http.client.IncompleteRead) as exc:
            raise _Retry(f"connection dropped while reading ({type(exc).__name__})", "network") from None
        return b"".join(chunks)

    def _http_error(self, url: str, exc: urllib.error.HTTPError) -> _Raw:
        code = exc.code
        headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
        if code == 304 or 300 <= code < 400:
            return _Raw(url, code, headers, None)
        reason = f"{code} {exc.reason}" if exc.reason else str(code)
        if code == 403:
            host = host_of(url)
            self._refusals[host] = self._refusals.get(host, 0) + 1
            raise FetchProblem(
                url,
                "blocked",
                f"{reason}: the site refuses scripted clients (often a web application firewall); save the pages "
                "from a browser into a folder and build that folder (see docs/fetch.md)",
            )
        if code in (404, 410):
            raise FetchProblem(url, "not-found", f"{reason}: no such page")
        if code == 429 or code >= 500:
            raise _Retry(f"the server answered {reason}", "server", _retry_after(headers.get("retry-after")))
        raise FetchProblem(url, "http", f"the server answered {reason}")


def _inside(relative: str) -> bool:
    """Whether a cached path stays inside the cache's root (a hand-edited cache may say otherwise)."""
    path = Path(relative)
    return not path.is_absolute() and ".." not in path.parts


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return min(float(value.strip()), MAX_RETRY_AFTER)
    return None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
