"""The harvest behind ``caregraph fetch``: site roots through the ModernGov web service, single pages as they are.

For a site root: ``GetCommittees`` → for each committee (``--committee`` filters by title) ``GetMeetings`` → the
meetings in the ``since``/``until`` range (filtered here: the service ignores its date parameters) →
``GetMeeting`` → the agenda items whose titles match a keyword → for each, its ModernGov page
(``mgAi.aspx?ID=…``, HTML) and, with ``documents``, its linked reports (PDF, restricted ones left out) and the
meeting's printed minutes. Files go to ``DIR/HOST/DATE-COMMITTEE/``; ``DIR/manifest.csv`` records each file's URL,
council (the gazetteer's, by host), date, committee and meeting.

For a page URL (a ModernGov page, a council news page, a PDF): the page, and with ``documents`` the PDFs it links to
on the same host (or another host of the same council), into ``DIR/HOST/pages/``.

Every bad case (refused, missing, malformed, too large, redirected away, disallowed by robots.txt, timed out) is
one :class:`Problem` and the harvest goes on. See docs/fetch.md.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from caregraph.errors import CaregraphError
from caregraph.fetch import moderngov as mg
from caregraph.fetch.client import DEFAULT_MAX_BYTES, Cache, Client, FetchProblem, Response, host_of, url_problem
from caregraph.fetch.manifest import ManifestRow, read_manifest_rows, write_manifest
from caregraph.iris import slug

__all__ = ["SETTLE_DAYS", "FetchSummary", "Problem", "fetch"]

#: A meeting's papers stop changing this many days after it (minutes are published within weeks): a copy fetched
#: later is reused without asking the site again.
SETTLE_DAYS = 28
PAGE_TYPES = ("text/html", "application/xhtml+xml")
DOCUMENT_TYPES = ("application/pdf", "application/x-pdf", "application/octet-stream", "binary/octet-stream")
_EXTENSIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "application/x-pdf": ".pdf",
}


@dataclass(frozen=True)
class Problem:
    """One bad case: the URL and what went wrong, in one line. A ``note`` is worth saying but is not a failure."""

    url: str
    message: str
    note: bool = False

    def __str__(self) -> str:
        return f"{self.url}: {self.message}"


@dataclass
class FetchSummary:
    sites: int = 0  # ModernGov sites enumerated
    pages: int = 0  # page URLs given
    meetings: int = 0  # meetings whose agenda was read
    items: int = 0  # agenda items whose titles matched
    saved: int = 0  # files this run wrote or kept (its manifest rows)
    downloaded: int = 0  # bodies that were new or changed
    unchanged: int = 0  # not modified (304), reused without asking, or the same bytes again
    requests: int = 0
    bytes: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # this run's files, relative to the folder
    manifest: Path | None = None
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.problems)


Progress = Callable[[str], None]
Report = Callable[[Problem], None]


def fetch(
    urls: Iterable[str],
    out: str | Path,
    *,
    keywords: Sequence[str] = mg.DEFAULT_KEYWORDS,
    committees: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
    documents: bool = True,
    max_items: int | None = None,
    delay: float = 1.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 1.0,
    council: str | None = None,
    progress: Progress | None = None,
    report: Report | None = None,
) -> FetchSummary:
    """Harvest ``urls`` (ModernGov site roots or single pages) into the folder ``out`` and write its
    ``manifest.csv``. ``council`` (a name, slug or code) stands for hosts the gazetteer does not know. Bad cases are
    collected in the summary (and passed to ``report`` as they happen); the harvest goes on."""
    from caregraph.gazetteer import gazetteer

    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    slug_given = None
    if council:
        slug_given = gazetteer().lookup(council)
        if slug_given is None:
            raise CaregraphError(f"unknown council {council!r}: give a council's name, slug or GSS/DfE code")
    client = Client(Cache(out), delay=delay, timeout=timeout, retries=retries, backoff=backoff, max_bytes=max_bytes)
    harvest = _Harvest(
        client, out, mg.keyword_matcher(keywords), committees, since, until, documents, max_items, slug_given
    )
    harvest.progress = progress or (lambda message: None)
    harvest.report = report or (lambda problem: None)
    try:
        for url in urls:
            if harvest.full():
                break
            harvest.one(url.strip())
    finally:
        summary = harvest.summary
        summary.manifest = write_manifest(out, [*read_manifest_rows(out), *harvest.rows])
        client.cache.compact()
        summary.requests, summary.bytes = client.requests, client.bytes
        summary.seconds = time.perf_counter() - started
    return summary


class _Harvest:
    def __init__(
        self,
        client: Client,
        out: Path,
        match: Callable[[str], str | None],
        committees: Sequence[str],
        since: date | None,
        until: date | None,
        documents: bool,
        max_items: int | None,
        council: str | None,
    ):
        self.client = client
        self.out = out
        self.match = match
        self.committees = [c.casefold().strip() for c in committees if c.strip()]
        self.since = since
        self.until = until
        self.documents = documents
        self.max_items = max_items
        self.council = council
        self.summary = FetchSummary()
        self.rows: list[ManifestRow] = []
        self.done: dict[str, Path | None] = {}  # URL -> the file it was saved to this run
        self.final_urls: dict[str, str] = {}  # URL -> where it was found after redirects
        self.silenced: set[str] = set()  # hosts whose refusals were already reported
        self.unknown_councils: set[str] = set()
        self.progress: Progress = lambda message: None
        self.report: Report = lambda problem: None

    # ------------------------------------------------------------------------------------------------ reporting

    def problem(self, url: str, message: str) -> None:
        problem = Problem(url, message)
        self.summary.problems.append(problem)
        self.report(problem)

    def note(self, url: str, message: str) -> None:
        problem = Problem(url, message, note=True)
        self.summary.notes.append(problem)
        self.report(problem)

    def failed(self, exc: FetchProblem) -> None:
        host = host_of(exc.url)
        if exc.kind == "host-blocked":
            if host in self.silenced:
                self.summary.problems.append(Problem(exc.url, exc.message))  # counted, not repeated
                return
            self.silenced.add(host)
        self.problem(exc.url, exc.message)

    def full(self) -> bool:
        return self.max_items is not None and self.summary.items >= self.max_items

    def council_of(self, url: str) -> str:
        from caregraph.gazetteer import gazetteer

        found = self.council or gazetteer().from_url(url)
        host = host_of(url)
        if found is None and host not in self.unknown_councils:
            self.unknown_councils.add(host)
            self.note(
                url,
                f"the gazetteer knows no council at {host}; the manifest leaves the council blank (the build then "
                "finds it in the text); give --council NAME to set it",
            )
        return found or ""

    # ------------------------------------------------------------------------------------------------ dispatch

    def one(self, url: str) -> None:
        problem = url_problem(url)
        if problem:
            self.problem(url, problem)
            return
        root = mg.site_root(url)
        if root is not None:
            path = urlsplit(url).path
            tentative = path not in ("", "/") and not path.lower().endswith(mg.SERVICE.lower())
            if self.site(root, tentative):
                return
        self.page(url)

    # ------------------------------------------------------------------------------------------------ sites

    def site(self, root: str, tentative: bool) -> bool:
        """Harvest a ModernGov site; False when ``root`` is tentative and has no web service (it is then a page)."""
        url = mg.service_url(root, "GetCommittees", lDummy=0)  # some sites' service wants the dummy parameter
        self.progress(f"committees of {host_of(root)}")
        try:
            response = self.client.get(url)
            committees = mg.parse_committees(self.client.read_cached(response), url)
        except FetchProblem as exc:
            if exc.kind in {"not-found", "type"}:
                if tentative:
                    return False
                self.problem(
                    root,
                    f"not a ModernGov site: its web service ({url}) is missing; to save one page, give the page's full URL",
                )
            else:
                self.failed(exc)
            return True
        except mg.ServiceError as exc:
            if tentative:
                return False
            self.problem(root, f"not a ModernGov site, or its web service is broken: {exc}")
            return True
        self.keep_service(response)
        self.summary.sites += 1
        council = self.council_of(root)
        for committee in committees:
            if committee.deleted or not self.wanted(committee):
                continue
            for meeting in self.meetings(root, committee):
                if self.full():
                    return True
                self.meeting(root, committee, meeting, council)
        return True

    def wanted(self, committee: mg.Committee) -> bool:
        title = committee.title.casefold()
        return not self.committees or any(c in title for c in self.committees)

    def in_range(self, day: date | None) -> bool:
        if self.since is None and self.until is None:
            return True
        if day is None:
            return False
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)

    def meetings(self, root: str, committee: mg.Committee) -> list[mg.Meeting]:
        # The service wants both dates but ignores them (the whole history comes back): filtered below.
        first, last = self.since or date(1900, 1, 1), self.until or date(2099, 12, 31)
        url = mg.service_url(
            root, "GetMeetings", lCommitteeId=committee.id, sFromDate=mg.dmy(first), sToDate=mg.dmy(last)
        )
        self.progress(f"meetings of {committee.title}")
        try:
            response = self.client.get(url)
            meetings = mg.parse_meetings(self.client.read_cached(response), committee, url)
        except FetchProblem as exc:
            self.failed(exc)
            return []
        except mg.ServiceError as exc:
            self.problem(url, str(exc).removeprefix(url + ": "))
            return []
        self.keep_service(response)
        kept = [m for m in meetings if self.in_range(m.date)]
        return sorted(kept, key=lambda m: (m.date or date.min, m.id))

    def meeting(self, root: str, committee: mg.Committee, meeting: mg.Meeting, council: str) -> None:
        url = mg.service_url(root, "GetMeeting", lMeetingId=meeting.id)
        final = meeting.date + timedelta(days=SETTLE_DAYS) if meeting.date else None
        self.progress(f"{committee.title}, {meeting.date or 'undated'}")
        try:
            response = self.client.get(url, final_after=final)
            detail = mg.parse_meeting(self.client.read_cached(response), url)
        except FetchProblem as exc:
            self.failed(exc)
            return
        except mg.ServiceError as exc:
            self.problem(url, str(exc).removeprefix(url + ": ") + "; this meeting is skipped")
            return
        self.keep_service(response)
        self.summary.meetings += 1
        when = meeting.date or detail.date
        folder = (
            self.out / _host_folder(root) / f"{when.isoformat() if when else 'undated'}-{slug(committee.title)[:60]}"
        )
        meta = {
            "council": council,
            "published": when.isoformat() if when else "",
            "committee": committee.title,
            "meeting": mg.meeting_url(root, committee.id, meeting.id),
        }
        matched = [item for item in detail.items if item.title and self.match(item.title)]
        for item in matched:
            if self.full():
                return
            self.summary.items += 1
            if item.id is not None:
                self.save(mg.agenda_item_url(root, item.id), folder / f"item-{item.id}", PAGE_TYPES, meta, final)
            if self.documents:
                for doc in item.documents:
                    self.document(root, doc, folder, meta, final)
        if matched and self.documents:
            for doc in detail.documents:
                if "minute" in doc.title.lower():
                    self.document(root, doc, folder, meta, final)

    def document(self, root: str, doc: mg.LinkedDoc, folder: Path, meta: dict[str, str], final: date | None) -> None:
        if doc.restricted:
            return
        url = _upgrade(root, urljoin(root, doc.url))
        stem = folder / f"{slug(doc.title)[:60]}-{_short(url)}"
        self.save(url, stem, DOCUMENT_TYPES, meta, final)

    def keep_service(self, response: Response) -> None:
        """Keep a web service answer in the cache (not in the folder: it is not a document)."""
        if response.status == 200:
            changed = self.client.save(response, self.client.cache.body_path(response.url, ".xml"))
            if changed:
                self.summary.downloaded += 1
            else:
                self.summary.unchanged += 1
        else:
            self.summary.unchanged += 1

    # ------------------------------------------------------------------------------------------------ pages

    def page(self, url: str) -> None:
        self.summary.pages += 1
        council = self.council_of(url)
        meta = {"council": council}
        parts = urlsplit(url)
        name = (parts.path.rstrip("/").rsplit("/", 1)[-1] + ("-" + parts.query if parts.query else "")) or "index"
        folder = self.out / _host_folder(url) / "pages"
        path = self.save(
            url, folder / f"{slug(name)[:60]}-{_short(url)}", (*PAGE_TYPES, "text/plain", *DOCUMENT_TYPES), meta, None
        )
        if path is None or not self.documents or path.suffix != ".html":
            return
        base = self.final_urls.get(url, url)
        for link in _document_links(path.read_bytes(), base):
            if host_of(link) != host_of(url) and not _same_council(link, url):
                continue
            link = _upgrade(url, link)
            stem = folder / f"{slug(link.rsplit('/', 1)[-1].split('?')[0] or 'document')[:60]}-{_short(link)}"
            self.save(link, stem, DOCUMENT_TYPES, meta, None)

    # ------------------------------------------------------------------------------------------------ saving

    def save(self, url: str, stem: Path, types: Sequence[str], meta: dict[str, str], final: date | None) -> Path | None:
        """Fetch ``url`` into ``stem`` + the extension its content type calls for; a manifest row. The file, or
        None when it could not be fetched (the problem is reported)."""
        if url in self.done:
            return self.done[url]
        self.done[url] = None
        self.progress(url)
        try:
            response = self.client.get(url, types=types, final_after=final)
        except FetchProblem as exc:
            self.failed(exc)
            return None
        if response.status == 304:
            path = self.client.cached_path(response)
            self.summary.unchanged += 1
        else:
            self.final_urls[url] = response.final_url
            extension = _extension(response)
            if extension is None:
                self.problem(url, f"is {response.content_type or 'of no stated type'} and not a PDF; not saved")
                return None
            path = stem.with_name(stem.name + extension)
            if self.client.save(response, path):
                self.summary.downloaded += 1
            else:
                self.summary.unchanged += 1
        assert path is not None
        self.done[url] = path
        rel = path.relative_to(self.out).as_posix()
        self.rows.append(ManifestRow(rel, url, **meta))
        self.summary.files.append(rel)
        self.summary.saved += 1
        return path


def _extension(response: Response) -> str | None:
    kind = response.content_type
    if kind in _EXTENSIONS:
        return _EXTENSIONS[kind]
    body = response.body or b""
    return ".pdf" if b"%PDF-" in body[:1024] else None  # a PDF served as application/octet-stream


def _short(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:6]


def _host_folder(url: str) -> str:
    return slug(host_of(url).replace(".", "-")) if host_of(url) else "unknown-host"


def _upgrade(root: str, url: str) -> str:
    """An ``http://`` URL on the host of an ``https://`` site, as ``https://`` (ModernGov lists documents as http)."""
    base, parts = urlsplit(root), urlsplit(url)
    if base.scheme == "https" and parts.scheme == "http" and host_of(url) == host_of(root):
        return urlunsplit(("https", base.netloc, parts.path, parts.query, ""))
    return url


def _same_council(a: str, b: str) -> bool:
    from caregraph.gazetteer import gazetteer

    council = gazetteer().from_url(a)
    return council is not None and council == gazetteer().from_url(b)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href.strip())


def _document_links(html: bytes, base: str) -> list[str]:
    """The PDFs a page links to (``.pdf`` paths and ModernGov's ``mgConvert2PDF.aspx``), absolute, each once."""
    parser = _Links()
    try:
        parser.feed(html.decode("utf-8", "replace"))
        parser.close()
    except Exception:  # html.parser is lenient; a hostile page must still not stop the harvest
        pass
    out: list[str] = []
    for href in parser.hrefs:
        url = urljoin(base, href).split("#")[0]
        path = urlsplit(url).path.lower()
        is_document = path.endswith(".pdf") or path.endswith("mgconvert2pdf.aspx")
        if is_document and url not in out and url_problem(url) is None:
            out.append(url)
    return out
