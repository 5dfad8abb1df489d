"""``caregraph fetch``: council papers from a ModernGov site into a folder (:func:`caregraph.fetch.fetch`).
``fetch_command`` is registered in the app by :mod:`caregraph.cli.app`; the library is imported only when it runs,
so ``caregraph --help`` stays fast."""

# No "from __future__ import annotations": Typer reads the annotations (see caregraph.cli.app).
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from caregraph.cli.options import QuietOption
from caregraph.cli.output import call, note, print_table, progress

DEFAULT_KEYWORDS_HELP = "Ofsted, inspection, children's services, SEND, corporate parenting, improvement"


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    for layout in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip(), layout).date()
        except ValueError:
            continue
    raise typer.BadParameter(f"{value!r} is not a date; expected YYYY-MM-DD", param_hint=option)


# The options, declared once here so that the command reads as what it does.
UrlsArg = Annotated[
    list[str],
    typer.Argument(
        help="ModernGov site roots (https://democracy.anyshire.gov.uk) or single pages (a ModernGov page, a council news page, a PDF).",
        show_default=False,
        metavar="SITE_OR_PAGE_URL",
    ),
]

OutArg = Annotated[
    Path,
    typer.Option(
        "--out", "-o", metavar="DIR", help="The folder to save into (created if missing).", show_default=False
    ),
]

KeywordArg = Annotated[
    list[str] | None,
    typer.Option(
        "--keyword",
        "-k",
        metavar="WORD",
        help=f"Keep agenda items whose titles hold this word; repeatable. Default: {DEFAULT_KEYWORDS_HELP}. A word in capitals (SEND) matches only in capitals.",
        show_default=False,
    ),
]

CommitteeArg = Annotated[
    list[str] | None,
    typer.Option(
        "--committee",
        metavar="NAME",
        help="Only committees whose titles contain this text (case ignored); repeatable.",
        show_default=False,
    ),
]

SinceArg = Annotated[
    str | None,
    typer.Option(
        "--since", metavar="DATE", help="Only meetings on or after this date (YYYY-MM-DD).", show_default=False
    ),
]

UntilArg = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", help="Only meetings on or before this date (YYYY-MM-DD).", show_default=False
    ),
]

DocumentsArg = Annotated[
    bool,
    typer.Option(
        "--documents/--no-documents",
        help="Also save the reports and minutes (PDF) an agenda item or page links to.",
    ),
]

MaxItemsArg = Annotated[
    int | None,
    typer.Option(
        "--max-items", metavar="N", min=1, help="Stop after this many matching agenda items.", show_default=False
    ),
]

DelayArg = Annotated[
    float,
    typer.Option("--delay", metavar="SECONDS", min=0.0, help="Seconds between two requests to the same host."),
]

MaxBytesArg = Annotated[
    int, typer.Option("--max-bytes", metavar="N", min=1, help="Refuse files larger than this many bytes.")
]

TimeoutArg = Annotated[
    float,
    typer.Option("--timeout", metavar="SECONDS", min=0.1, help="Seconds to wait for a server before trying again."),
]

RetriesArg = Annotated[
    int,
    typer.Option("--retries", metavar="N", min=0, help="Tries again after a 5xx answer or a timeout, with backoff."),
]

CouncilArg = Annotated[
    str | None,
    typer.Option(
        "--council",
        metavar="NAME",
        help="The council, for hosts the gazetteer does not know (a name, slug or code). Default: by host.",
        show_default=False,
    ),
]


def fetch_command(
    urls: UrlsArg,
    out: OutArg,
    keyword: KeywordArg = None,
    committee: CommitteeArg = None,
    since: SinceArg = None,
    until: UntilArg = None,
    documents: DocumentsArg = True,
    max_items: MaxItemsArg = None,
    delay: DelayArg = 1.0,
    max_bytes: MaxBytesArg = 50 * 1024 * 1024,
    timeout: TimeoutArg = 30.0,
    retries: RetriesArg = 3,
    council: CouncilArg = None,
    quiet: QuietOption = False,
) -> None:
    """Fetch council papers from a ModernGov site (or single pages) into a folder that 'caregraph build' reads.

    For a site root, the committees and meetings are listed through the site's web service (mgWebService.asmx), and
    the agenda items whose titles match a keyword are saved: the item's page and, with --documents (the default),
    its reports and the meeting's minutes (PDF). DIR/manifest.csv records each file's URL, council, date, committee
    and meeting. Polite: one request at a time, --delay seconds apart, robots.txt honoured, an identifying
    User-Agent. A second run asks only for what may have changed and downloads nothing that has not. A bad case
    (refused, missing, malformed, too large, redirected away) is one line and the run goes on; the exit code is
    then 1. A site that refuses scripts (403): save its pages from a browser and build the folder (docs/fetch.md).

    [b]Examples[/b]:
      caregraph fetch https://democracy.anyshire.gov.uk --out papers --keyword Ofsted --since 2019-01-01
      caregraph fetch https://democracy.anyshire.gov.uk --out papers --committee Cabinet --no-documents
      caregraph fetch https://democracy.anyshire.gov.uk/mgAi.aspx?ID=1234 --out papers
      caregraph build papers
    """
    first = _day(since, "--since")
    last = _day(until, "--until")
    if first and last and first > last:
        raise typer.BadParameter("--since is after --until", param_hint="--since")
    keywords = [k for k in (keyword or []) if k.strip()]

    def work():
        from caregraph.fetch import DEFAULT_KEYWORDS, fetch

        with progress("fetching", None, quiet=quiet) as step:
            return fetch(
                urls,
                out,
                keywords=keywords or DEFAULT_KEYWORDS,
                committees=committee or (),
                since=first,
                until=last,
                documents=documents,
                max_items=max_items,
                delay=delay,
                max_bytes=max_bytes,
                timeout=timeout,
                retries=retries,
                council=council,
                progress=step,
                report=lambda problem: note(f"{'Note' if problem.note else 'Error'}: {problem}"),
            )

    summary = call(work)
    if not quiet:
        _print_summary(summary, out)
    if summary.problems:
        raise typer.Exit(1)


def _print_summary(summary, out: Path) -> None:
    rows = [
        *(
            [("sites", summary.sites), ("meetings read", summary.meetings), ("agenda items matched", summary.items)]
            if summary.sites
            else []
        ),
        *([("pages", summary.pages)] if summary.pages else []),
        ("files in this run", summary.saved),
        ("downloaded", summary.downloaded),
        ("unchanged", summary.unchanged),
        ("problems", summary.failed),
        ("requests", summary.requests),
        ("bytes", f"{summary.bytes:,}"),
        ("seconds", f"{summary.seconds:.2f}"),
    ]
    print_table(rows, title="caregraph fetch")
    note(f"manifest: {summary.manifest}; next: caregraph build {out}")
