"""caregraph fetch against a small ModernGov-shaped site served on loopback (tests/fixtures/moderngov/).

The site answers for several host names, all connected to one loopback server by a patched
``socket.create_connection`` that refuses every other address, so nothing here can reach the network:
``democracy.durham.gov.uk`` (and ``127.0.0.1``) is the ModernGov site, ``www.durham.gov.uk`` a council site without
the web service, ``waf.durham.gov.uk`` a host behind a firewall that refuses scripts, ``localhost`` another host a
document redirects to.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import socket
import threading
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from caregraph.fetch import PROJECT_URL, fetch
from caregraph.fetch.client import Cache, Client
from caregraph.fetch.harvest import _upgrade
from caregraph.fetch.manifest import COLUMNS
from caregraph.fetch.moderngov import (
    ServiceError,
    keyword_matcher,
    parse_date,
    parse_meeting,
    parse_xml,
    site_root,
)
from caregraph.testing.pdf import minimal_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "moderngov"
DEMOCRACY = "democracy.durham.gov.uk"
HOSTS = {DEMOCRACY, "www.durham.gov.uk", "waf.durham.gov.uk", "localhost", "127.0.0.1"}
RECENT = date.today() - timedelta(days=3)
FAST = {"delay": 0, "timeout": 0.4, "retries": 1, "backoff": 0.01, "max_bytes": 100_000}

PDFS = {
    "/documents/s5002/ILACS response.pdf": [
        "Durham County Council",
        "Children and Young People's Overview and Scrutiny Committee, 14 November 2019",
        "Report of the Corporate Director of Children and Young People's Services",
        "Ofsted inspected children's services in October 2019 under the ILACS framework.",
        "The overall effectiveness of children's services was judged requires improvement to be good.",
    ],
    "/documents/s7002/Presentation.pdf": ["Durham County Council", "ILACS inspection October 2019: the next steps."],
    "/documents/g1001/Printed minutes 14th-Nov-2019.pdf": [
        "Durham County Council",
        "Minutes of the meeting of the Children and Young People's Overview and Scrutiny Committee held on 14 November 2019",
        "Members noted the report on the ILACS inspection.",
    ],
    "/documents/g1001/Agenda frontsheet.pdf": ["Agenda"],
    "/documents/s5003/Highways.pdf": ["Potholes"],
    "/documents/s5031/Focused visit.pdf": [
        "Durham County Council",
        "Ofsted carried out a focused visit to children's services on 10 and 11 January 2023, looking at children in care.",
    ],
    "/documents/s5051/Corporate parenting.pdf": [
        "Durham County Council",
        "Corporate Parenting Panel annual report 2021/22.",
    ],
    "/documents/s6001/Focused visit January 2019.pdf": [
        "Durham County Council",
        "Ofsted carried out a focused visit to children's services on 15 and 16 January 2019, looking at the front door.",
    ],
    "/documents/s6021/SEND plan.pdf": ["Durham County Council", "SEND improvement plan."],
    "/documents/s6031/Letter.pdf": ["Durham County Council", "Letter from Ofsted."],
    "/documents/flaky.pdf": ["Durham County Council", "A report that came at the second try."],
    "/documents/slow.pdf": ["A slow report."],
    "/documents/news/Ofsted letter January 2023.pdf": ["Durham County Council", "The Ofsted letter."],
    "/private/s5012/Exempt.pdf": ["Not for robots."],
    "/documents/restricted.pdf": ["Restricted."],
}


class Site:
    """The test site's state: its files, what it was asked, and knobs a test may turn."""

    def __init__(self) -> None:
        self.port = 0
        self.pdfs = {path: minimal_pdf(lines, title=Path(path).stem) for path, lines in PDFS.items()}
        self.pdfs["/documents/big.pdf"] = minimal_pdf(["big"]) + b"%" * 300_000
        self.log: list[dict] = []
        self.flaky_failures = 1
        self.slow_seconds = 1.5
        self.inflight = 0
        self.max_inflight = 0
        self.lock = threading.Lock()

    def url(self, host: str = DEMOCRACY, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    @property
    def root(self) -> str:
        return self.url()

    def requests(self, since: int = 0, host: str | None = None) -> list[dict]:
        return [r for r in self.log[since:] if host is None or r["host"] == host]


def _fixture(name: str, base: str) -> bytes:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    democracy = base.replace(base.split("//")[1].split(":")[0], DEMOCRACY)
    return (
        text.replace("{base}", base)
        .replace("{democracy}", democracy)
        .replace("{recent}", RECENT.strftime("%d/%m/%Y"))
        .encode("utf-8")
    )


class Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        site = self.site
        with site.lock:
            site.inflight += 1
            site.max_inflight = max(site.max_inflight, site.inflight)
        host = self.headers.get("Host", "").rsplit(":", 1)[0]
        record = {"time": time.monotonic(), "host": host, "path": unquote(self.path), "headers": dict(self.headers)}
        record["status"] = None  # until answered (send() sets it before the client can read the answer)
        self.record = record
        site.log.append(record)
        try:
            self.route(host, f"http://{self.headers.get('Host')}")
        except (BrokenPipeError, ConnectionResetError):
            record["status"] = -1
        finally:
            with site.lock:
                site.inflight -= 1

    def send(self, status: int, body: bytes = b"", kind: str = "text/html", etag: bool = True, **headers) -> int:
        tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if etag and status == 200 and self.headers.get("If-None-Match") == tag:
            status, body = 304, b""
        self.record["status"] = status
        self.send_response(status)
        if body or status not in (304,):
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
        if etag and status in (200, 304):
            self.send_header("ETag", tag)
            self.send_header("Last-Modified", "Wed, 01 Jan 2020 00:00:00 GMT")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if body:
            self.wfile.write(body)
        return status

    def route(self, host: str, base: str) -> int:
        parts = urlsplit(self.path)
        path, query = unquote(parts.path), parse_qs(parts.query)
        if host == "waf.durham.gov.uk":
            return self.send(403, b"<html><body>Request blocked</body></html>", etag=False)
        if path == "/robots.txt":
            return self.send(200, _fixture("robots.txt", base), "text/plain")
        if host == "www.durham.gov.uk":
            if path == "/news/ofsted-praises-childrens-services.html":
                return self.send(200, _fixture("news.html", base), "text/html; charset=utf-8", etag=False)
            if path in self.site.pdfs:
                return self.send(200, self.site.pdfs[path], "application/pdf")
            return self.send(404, b"<html>Page not found</html>", etag=False)
        if host == "localhost":
            return self.send(200, minimal_pdf(["elsewhere"]), "application/pdf")
        return self.democracy(path, query, base)

    def democracy(self, path: str, query: dict, base: str) -> int:
        ident = (query.get("lMeetingId") or query.get("lCommitteeId") or query.get("ID") or [""])[0]
        service = {
            "/mgWebService.asmx/GetCommittees": "committees.xml",
            "/mgWebService.asmx/GetMeetings": f"meetings-{ident}.xml",
            "/mgWebService.asmx/GetMeeting": f"meeting-{ident}.xml",
        }
        if path in service and (FIXTURES / service[path]).is_file():
            return self.send(200, _fixture(service[path], base), "text/xml; charset=utf-8")
        if path == "/mgAi.aspx" and (FIXTURES / f"ai-{ident}.html").is_file():  # no validators, like ASP.NET pages
            return self.send(200, _fixture(f"ai-{ident}.html", base), "text/html; charset=utf-8", etag=False)
        if path == "/mgConvert2PDF.aspx" and ident == "7002":
            return self.send(302, b"", etag=False, Location="/documents/s7002/Presentation.pdf")
        if path == "/documents/away.pdf":
            return self.send(302, b"", etag=False, Location=f"http://localhost:{self.site.port}/documents/away.pdf")
        if path == "/documents/denied.pdf":
            return self.send(403, b"<html>Access denied</html>", etag=False)
        if path == "/documents/notes.docx":
            kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            return self.send(200, b"PK\x03\x04 not really", kind)
        if path == "/documents/flaky.pdf" and self.site.flaky_failures > 0:
            self.site.flaky_failures -= 1
            return self.send(503, b"busy", etag=False, Retry_After="0")
        if path == "/documents/slow.pdf":
            time.sleep(self.site.slow_seconds)
        if path in self.site.pdfs:
            return self.send(200, self.site.pdfs[path], "application/pdf")
        return self.send(404, b"<html>Not found</html>", etag=False)


@pytest.fixture()
def site(monkeypatch):
    state = Site()
    handler = type("BoundHandler", (Handler,), {"site": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    real = socket.create_connection

    def connect(address, *args, **kwargs):
        host, port = address[0], address[1]
        if host in HOSTS and port == state.port:
            return real(("127.0.0.1", state.port), *args, **kwargs)
        raise OSError(f"the network is off in tests (asked for {host}:{port})")

    monkeypatch.setattr(socket, "create_connection", connect)
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    yield state
    server.shutdown()
    server.server_close()


def run(site: Site, out: Path, urls: list[str] | None = None, **options):
    return fetch(urls or [site.root], out, **{**FAST, **options})


def manifest(out: Path) -> list[dict[str, str]]:
    with (out / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def saved_paths(site: Site, since: int = 0) -> list[str]:
    return [r["path"] for r in site.requests(since) if r["status"] == 200]


# ---------------------------------------------------------------------------------------------- the web service


def test_enumeration_keyword_and_date_filters_and_manifest(site, tmp_path):
    out = tmp_path / "papers"
    summary = run(site, out, keywords=["Ofsted"], since=date(2019, 1, 1))
    assert summary.problems == []
    assert summary.sites == 1
    rows = manifest(out)
    assert list(rows[0]) == list(COLUMNS) == ["file", "url", "council", "published", "committee", "meeting"]
    by_url = {r["url"].replace(f":{site.port}", ""): r for r in rows}
    base = f"http://{DEMOCRACY}"
    expected = {
        f"{base}/mgAi.aspx?ID=5002",
        f"{base}/documents/s5002/ILACS%20response.pdf",
        f"{base}/mgConvert2PDF.aspx?ID=7002",  # followed its same-host redirect
        f"{base}/documents/g1001/Printed%20minutes%2014th-Nov-2019.pdf",  # the meeting's minutes
        f"{base}/mgAi.aspx?ID=5031",  # "OFSTED" in capitals: a mixed-case keyword ignores case
        f"{base}/documents/s5031/Focused%20visit.pdf",
        f"{base}/mgAi.aspx?ID=6001",
        f"{base}/documents/s6001/Focused%20visit%20January%202019.pdf",
        f"{base}/mgAi.aspx?ID=6031",
        f"{base}/documents/s6031/Letter.pdf",
    }
    assert set(by_url) == expected
    assert summary.items == 4 and summary.saved == 10 and summary.meetings == 6
    assert summary.downloaded == 10 + 1 + 2 + 6  # the files and the answers of the web service
    item = by_url[f"{base}/mgAi.aspx?ID=5002"]
    assert item["council"] == "durham"
    assert item["published"] == "2019-11-14"
    assert item["committee"] == "Children and Young People's Overview and Scrutiny Committee"  # &amp;#39; undone
    assert item["meeting"] == f"http://{DEMOCRACY}:{site.port}/ieListDocuments.aspx?CId=101&MId=1001"
    assert (
        item["file"]
        == "democracy-durham-gov-uk/2019-11-14-children-and-young-peoples-overview-and-scrutiny-committee/item-5002.html"
    )
    for row in rows:
        path = out / row["file"]
        assert path.is_file()
        assert path.suffix in {".html", ".pdf"}
        if path.suffix == ".pdf":
            assert path.read_bytes().startswith(b"%PDF-")
    asked = {r["path"] for r in site.log}
    # Meetings before --since were never asked for; items without a keyword had nothing fetched.
    assert not any("lMeetingId=1002" in p or "lMeetingId=1004" in p or "ID=5003" in p for p in asked)
    assert "/documents/s5003/Highways.pdf" not in asked and "/documents/g1001/Agenda frontsheet.pdf" not in asked
    assert not any("lCommitteeId=103" in p for p in asked)  # a deleted committee
    assert "/mgWebService.asmx/GetMeetings?lCommitteeId=101&sFromDate=01/01/2019&sToDate=31/12/2099" in asked


def test_committee_until_and_default_keywords(site, tmp_path):
    out = tmp_path / "papers"
    summary = run(site, out, committees=["cabinet"], until=date(2024, 12, 31), documents=False)
    assert summary.problems == []
    files = {r["url"].rsplit("/", 1)[1] for r in manifest(out)}
    # Default keywords: "Ofsted" (2019) and "SEND"/"improvement" (2024), not "Sending council tax bills";
    # the recent meeting is after --until; --no-documents saves the agenda-item pages only.
    assert files == {"mgAi.aspx?ID=6001", "mgAi.aspx?ID=6021"}
    assert not any("lCommitteeId=101" in r["path"] for r in site.log)


def test_max_items_then_resume(site, tmp_path):
    out = tmp_path / "papers"
    first = run(site, out, keywords=["Ofsted"], since=date(2019, 1, 1), max_items=1)
    assert first.items == 1
    assert {r["url"].split("/")[-1] for r in manifest(out)} >= {"mgAi.aspx?ID=5002"}
    mark = len(site.log)
    second = run(site, out, keywords=["Ofsted"], since=date(2019, 1, 1))
    assert second.items == 4 and len(manifest(out)) == 10
    again = [r["path"] for r in site.requests(mark)]
    assert "/mgAi.aspx?ID=5002" not in again and "/documents/s5002/ILACS response.pdf" not in again


def test_second_run_downloads_nothing(site, tmp_path):
    out = tmp_path / "papers"
    first = run(site, out, keywords=["Ofsted"], since=date(2019, 1, 1))
    assert first.downloaded == 10 + 1 + 2 + 6  # files, GetCommittees, two GetMeetings, six GetMeeting
    mark = len(site.log)
    second = run(site, out, keywords=["Ofsted"], since=date(2019, 1, 1))
    assert second.problems == [] and second.downloaded == 0 and second.saved == 10
    requests = site.requests(mark)
    # Settled meetings (weeks old) are not asked again; what may still change is asked conditionally.
    assert not any(p in r["path"] for r in requests for p in ("lMeetingId=1001", "lMeetingId=2001", "ID=5002"))
    conditional = [r for r in requests if r["path"].startswith(("/mgWebService", "/documents", "/robots"))]
    assert conditional and all(r["status"] == 304 for r in conditional), [(r["path"], r["status"]) for r in conditional]
    assert all("If-None-Match" in r["headers"] and "If-Modified-Since" in r["headers"] for r in conditional)
    # Only the page of the recent meeting, which sends no validators, came again, and its bytes were the same.
    assert saved_paths(site, mark) == ["/mgAi.aspx?ID=6031"]
    assert len(manifest(out)) == 10
    # A changed document is downloaded again.
    site.pdfs["/documents/s6031/Letter.pdf"] = minimal_pdf(["Durham County Council", "A corrected letter."])
    third = run(site, out, keywords=["Ofsted"], since=date(2019, 1, 1))
    assert third.downloaded == 1
    letter = next(r for r in manifest(out) if r["url"].endswith("Letter.pdf"))
    assert b"corrected" in (out / letter["file"]).read_bytes()


def test_robots_txt_politeness_and_user_agent(site, tmp_path):
    out = tmp_path / "papers"
    summary = run(site, out, committees=["Cabinet"], since=date(2019, 1, 1), until=date(2019, 12, 31), delay=0.15)
    assert summary.problems == []
    requests = site.requests(host=DEMOCRACY)
    assert [r["path"] for r in requests][:2] == ["/robots.txt", "/mgWebService.asmx/GetCommittees?lDummy=0"]
    assert len(requests) == 6  # robots, committees, meetings, meeting, page, report
    gaps = [b["time"] - a["time"] for a, b in itertools.pairwise(requests)]
    assert min(gaps) >= 0.14, gaps
    assert site.max_inflight == 1
    for r in requests:
        assert PROJECT_URL in r["headers"]["User-Agent"] and r["headers"]["User-Agent"].startswith("caregraph/")


def test_every_bad_case_is_one_line_and_the_run_goes_on(site, tmp_path):
    out = tmp_path / "papers"
    urls = [
        site.url("waf.durham.gov.uk"),  # a firewall that refuses scripts
        site.url("www.durham.gov.uk"),  # a host without the web service
        "ftp://democracy.durham.gov.uk/papers.pdf",
        site.root,
    ]
    started = time.monotonic()
    summary = run(site, out, urls, committees=["Children"], until=date(2018, 12, 31))
    assert time.monotonic() - started < 5
    lines = [str(p) for p in summary.problems]

    def line(fragment: str) -> str:
        found = [text for text in lines if fragment in text]
        assert len(found) == 1, (fragment, lines)
        return found[0]

    assert "firewall" in line("waf.durham.gov.uk") and "browser" in line("waf.durham.gov.uk")
    assert "not a ModernGov site" in line("www.durham.gov.uk")
    assert "only http and https" in line("ftp://")
    assert "robots.txt" in line("/private/s5012/Exempt.pdf")
    assert "403" in line("denied.pdf") and "firewall" in line("denied.pdf")
    assert "404" in line("missing.pdf")
    assert "timed out" in line("slow.pdf")
    assert "--max-bytes" in line("big.pdf")
    assert "another host (localhost)" in line("away.pdf")
    assert "not downloaded" in line("notes.docx")
    assert "malformed XML" in line("lMeetingId=1004")
    assert len(lines) == 11
    assert all("\n" not in text for text in lines)
    asked = [r["path"] for r in site.log]
    assert "/private/s5012/Exempt.pdf" not in asked  # robots.txt honoured
    assert "/documents/restricted.pdf" not in asked  # a restricted paper is left alone
    assert not site.requests(host="localhost")  # the redirect to another host was not followed
    assert asked.count("/documents/slow.pdf") == 2  # tried again once after the timeout
    assert asked.count("/documents/flaky.pdf") == 2  # a 503, then the report
    files = {r["url"].rsplit("/", 1)[1] for r in manifest(out)}
    assert {"flaky.pdf", "mgAi.aspx?ID=5012"} <= files
    assert not any(f.endswith(("big.pdf", "away.pdf", "denied.pdf", "notes.docx")) for f in files)


def test_html_in_agenda_text_is_tolerated(site, tmp_path):
    out = tmp_path / "papers"
    summary = run(
        site,
        out,
        keywords=["corporate parenting", "children's services"],
        since=date(2022, 1, 1),
        until=date(2022, 12, 31),
    )
    assert summary.problems == []
    assert {r["url"].rsplit("=", 1)[-1] for r in manifest(out) if "mgAi" in r["url"]} == {"5051", "5052"}


def test_a_host_that_refuses_everything_is_given_up(site, tmp_path):
    cache = Cache(tmp_path)
    client = Client(cache, delay=0, timeout=1, retries=0)
    kinds = []
    for n in range(5):
        try:
            client.get(site.url("waf.durham.gov.uk", f"/page{n}.html"))
        except Exception as exc:
            kinds.append(exc.kind)
    assert kinds == ["blocked"] * 3 + ["host-blocked"] * 2
    assert len(site.requests(host="waf.durham.gov.uk")) == 1 + 3  # robots.txt, then three refusals


# ---------------------------------------------------------------------------------------------- pages and build


def test_a_page_and_the_documents_it_links(site, tmp_path):
    out = tmp_path / "papers"
    news = site.url("www.durham.gov.uk", "/news/ofsted-praises-childrens-services.html")
    summary = run(site, out, [news])
    assert summary.problems == [] and summary.pages == 1
    rows = {r["url"].replace(f":{site.port}", ""): r for r in manifest(out)}
    assert set(rows) == {
        "http://www.durham.gov.uk/news/ofsted-praises-childrens-services.html",
        "http://www.durham.gov.uk/documents/news/Ofsted%20letter%20January%202023.pdf",
        # another host of the same council is followed; Ofsted's own site is not
        "http://democracy.durham.gov.uk/documents/s5031/Focused%20visit.pdf",
    }
    assert {r["council"] for r in rows.values()} == {"durham"}
    assert all(r["published"] == "" for r in rows.values())


def test_council_for_an_unknown_host(site, tmp_path):
    out = tmp_path / "papers"
    url = site.url("127.0.0.1", "/mgAi.aspx?ID=5002")
    unnamed = run(site, out, [url], documents=False)
    assert unnamed.problems == [] and len(unnamed.notes) == 1 and "--council" in str(unnamed.notes[0])
    assert manifest(out)[0]["council"] == ""
    named = run(site, out, [url], documents=False, council="Durham County Council")
    assert named.notes == [] and manifest(out)[0]["council"] == "durham"


def test_build_the_fetched_folder(site, tmp_path):
    from caregraph.pipeline.build import build
    from caregraph.query import run_query
    from caregraph.store import open_store

    out = tmp_path / "papers"
    run(site, out, keywords=["Ofsted"], since=date(2019, 1, 1))
    with open_store(tmp_path / "store") as store:
        summary = build(store, [out], jobs=1)
        assert summary.failures == [] and summary.read == 10
        documents = run_query(store, "documents").values()
        inspections = run_query(store, "inspections").values()
        meetings = run_query(store, "meetings").values()
    urls = {r["url"] for r in documents}
    assert f"http://{DEMOCRACY}:{site.port}/mgAi.aspx?ID=5002" in urls and len(urls) == 10
    assert {r["councilName"] for r in documents} == {"Durham"}
    found = {(r["kind"].rsplit("/", 1)[-1], r["start"]) for r in inspections}
    assert ("ilacs", "2019-10") in found
    assert ("focused-visit", "2019-01-15") in found
    assert ("focused-visit", "2023-01-10") in found
    dates = {r["date"] for r in meetings}
    assert {"2019-11-14", "2019-07-16"} <= dates


# ---------------------------------------------------------------------------------------------- the command


def test_the_command(site, tmp_path):
    import typer
    from typer.testing import CliRunner

    from caregraph.cli.fetch import fetch_command

    app = typer.Typer()
    app.command("fetch")(fetch_command)
    app.command("other")(lambda: None)  # two commands, so "fetch" is a subcommand as in caregraph
    runner = CliRunner()
    out = tmp_path / "papers"
    args = ["fetch", site.root, "--out", str(out), "--keyword", "Ofsted", "--since", "2019-01-01", "--delay", "0"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "caregraph fetch" in result.output and "downloaded" in result.output
    assert len(manifest(out)) == 10
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert [line.split()[-1] for line in again.output.splitlines() if line.strip().startswith("downloaded")] == ["0"]
    bad = runner.invoke(app, ["fetch", site.url("www.durham.gov.uk"), "--out", str(out), "--delay", "0", "-q"])
    assert bad.exit_code == 1
    assert "Error:" in bad.output and "not a ModernGov site" in bad.output
    wrong = runner.invoke(app, ["fetch", site.root, "--out", str(out), "--since", "2019-13-01"])
    assert wrong.exit_code == 2 and "YYYY-MM-DD" in wrong.output
    unknown = runner.invoke(app, ["fetch", site.root, "--out", str(out), "--council", "Atlantis"])
    assert unknown.exit_code == 2 and "unknown council" in unknown.output


# ---------------------------------------------------------------------------------------------- the parts


def test_dates_keywords_and_site_roots():
    assert parse_date("14/11/2019") == date(2019, 11, 14)
    assert parse_date("1/2/2020 10:00:00") == date(2020, 2, 1)
    assert parse_date("31/02/2020") is None and parse_date("") is None and parse_date("2020-05-06") == date(2020, 5, 6)
    match = keyword_matcher(["SEND", "children's services", "inspection"])
    assert match("SEND Improvement Plan") == "SEND"
    assert match("Sending council tax bills") is None and match("Send a letter") is None
    assert match("Childrens Services budget") == match("Children’s  services") == "children's services"
    assert match("Inspections of care homes") == "inspection"
    assert match("Reinspection") is None
    assert site_root("https://democracy.anyshire.gov.uk") == "https://democracy.anyshire.gov.uk/"
    assert site_root("https://x.gov.uk/moderngov/mgWebService.asmx") == "https://x.gov.uk/moderngov/"
    assert site_root("https://democracy.anyshire.gov.uk/mgAi.aspx?ID=1") is None
    # The service lists documents as http:// even on https sites; they are fetched over https.
    assert _upgrade("https://d.x.gov.uk/", "http://d.x.gov.uk/documents/a.pdf") == "https://d.x.gov.uk/documents/a.pdf"
    assert _upgrade("https://d.x.gov.uk/", "http://other.uk/a.pdf") == "http://other.uk/a.pdf"


def test_the_parser_refuses_declarations_and_reads_namespaced_answers():
    with pytest.raises(ServiceError, match="DOCTYPE"):
        parse_xml(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><meeting>&a;</meeting>', "x")
    with pytest.raises(ServiceError, match="HTML page"):
        parse_xml(b"<!doctype html><html><body><p>Sorry<br></body></html>", "x")
    detail = parse_meeting(
        b'<meeting xmlns="https://example.invalid/ns"><meetingid>7</meetingid><meetingdate>01/02/2021</meetingdate>'
        b"<agendaitems><agendaitem><agendaitemid>9</agendaitemid><agendaitemtitle>Fees &amp;amp; Charges</agendaitemtitle>"
        b"<linkeddocuments><linkeddoc><title>R</title><url>http://h/r.pdf</url><isrestricted>True</isrestricted>"
        b"</linkeddoc></linkeddocuments></agendaitem></agendaitems></meeting>"
    )
    assert detail.id == 7 and detail.date == date(2021, 2, 1)
    assert detail.items[0].title == "Fees & Charges" and detail.items[0].documents[0].restricted


def test_the_cache_survives_a_torn_line(tmp_path):
    cache = Cache(tmp_path)
    (tmp_path / "a.pdf").write_bytes(b"x")
    cache.folder.mkdir(parents=True)
    good = {"url": "http://h/a.pdf", "path": "a.pdf", "size": 1, "sha256": "0", "fetched": "2024-01-01T00:00:00+00:00"}
    cache.log.write_text(json.dumps(good) + '\n{"url": "http://h/b', encoding="utf-8")
    again = Cache(tmp_path)
    assert again.get("http://h/a.pdf") is not None and again.get("http://h/b") is None
    (tmp_path / "a.pdf").write_bytes(b"xy")  # changed on disk: not trusted any more
    assert again.get("http://h/a.pdf") is None
