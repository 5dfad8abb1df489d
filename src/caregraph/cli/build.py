"""``caregraph build``: documents into the store, one named graph per document (:func:`caregraph.pipeline.build.build`)."""

# No "from __future__ import annotations": Typer reads these annotations at run time.
from pathlib import Path
from typing import Annotated

import typer

from caregraph.cli.options import QuietOption, StoreOption
from caregraph.cli.output import call, note, print_table, progress

Paths = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH",
        help="Files and folders to read (folders recursively). .txt, .html/.htm and .pdf.",
        show_default=False,
    ),
]
Manifest = Annotated[
    Path | None,
    typer.Option(
        "--manifest",
        "-m",
        metavar="PATH",
        help="A CSV with columns file,url[,council,published]; paths relative to it.",
        show_default=False,
    ),
]
Rebuild = Annotated[
    bool, typer.Option("--rebuild", help="Drop every document graph first (Ofsted's imported outcomes are kept).")
]
Prune = Annotated[
    bool, typer.Option("--prune", help="Drop the graphs of documents whose files are gone from the paths given.")
]
MaxBytes = Annotated[
    int, typer.Option("--max-bytes", metavar="N", help="Refuse documents larger than this many bytes.")
]
Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="N",
        help="Worker processes extracting documents in parallel. Default: one per CPU.",
        show_default=False,
    ),
]
DEFAULT_DOC_TIMEOUT = 120.0  # caregraph.pipeline.build.DEFAULT_DOC_TIMEOUT, without importing the build for --help
DocTimeout = Annotated[
    float,
    typer.Option(
        "--doc-timeout",
        metavar="SECONDS",
        min=0,
        help="Give up on a document that takes longer than this to read and extract (it is reported as failed and the build goes on); 0: no limit.",
    ),
]
FollowOutside = Annotated[
    bool,
    typer.Option(
        "--follow-outside",
        help="Also read symbolic links and manifest rows that lead outside the folders being built (refused by default).",
    ),
]
Bulk = Annotated[
    bool,
    typer.Option(
        "--bulk",
        hidden=True,
        help="No longer needed, kept so scripts that pass it still run: every build now writes new documents with the bulk loader, atomically.",
    ),
]


def build(
    paths: Paths = None,
    manifest: Manifest = None,
    store: StoreOption = None,
    rebuild: Rebuild = False,
    max_bytes: MaxBytes = 50 * 1024 * 1024,
    quiet: QuietOption = False,
    jobs: Jobs = None,
    bulk: Bulk = False,  # accepted and ignored: see the option's help
    doc_timeout: DocTimeout = DEFAULT_DOC_TIMEOUT,
    follow_outside: FollowOutside = False,
    prune: Prune = False,
) -> None:
    """Build documents into the store: one named graph per document.

    Unchanged documents are skipped; changed ones replace their graph. A folder that holds a manifest.csv takes
    URLs from it. A document that cannot be read is reported and the build goes on (exit code 1).

    [b]Example[/b]: caregraph build data/ --store my-store
    """
    from caregraph.explore.stats import entity_counts
    from caregraph.pipeline.build import build as build_store
    from caregraph.pipeline.load import iter_sources
    from caregraph.store import open_store

    if not paths and manifest is None:
        raise typer.BadParameter("give at least one file or folder, or --manifest FILE.csv", param_hint="PATH")

    def work():
        # listed first, so the bar knows the total
        sources = list(iter_sources(paths or [], manifest, follow_outside=follow_outside))
        with open_store(store, on_wait=note) as st:
            with progress("building", len(sources), quiet=quiet, minimum=5) as step:
                summary = build_store(
                    st,
                    paths or [],
                    manifest=manifest,
                    rebuild=rebuild,
                    max_bytes=max_bytes,
                    progress=(lambda item, status: step(getattr(item, "name", getattr(item, "path", ""))))
                    if step
                    else None,
                    sources=sources,
                    jobs=jobs,
                    doc_timeout=doc_timeout or None,
                    follow_outside=follow_outside,
                    prune=prune,
                )
            counts = entity_counts(st) if not quiet else {}
        return summary, counts

    summary, counts = call(work)
    for failure in summary.failures:
        note(f"Error: {failure}")
    if not quiet:
        for copy in summary.copies:
            note(f"Copy: {copy}")
        for skipped in summary.skipped:
            note(f"Skipped: {skipped}")
        rows = [
            ("documents read", summary.read),
            ("unchanged", summary.unchanged),
            *([("copies, not added", len(summary.copies))] if summary.copies else []),
            *([("skipped (unsupported format)", len(summary.skipped))] if summary.skipped else []),
            *([("graphs removed", len(summary.removed))] if summary.removed else []),
            ("failed", summary.failed),
            ("quads in store", f"{summary.quads:,}"),
            *((f"  {cls}", n) for cls, n in counts.items()),
            ("seconds", f"{summary.seconds:.2f}"),
        ]
        print_table(rows, title="caregraph build")
    if summary.failures:
        raise typer.Exit(1)


Targets = Annotated[
    list[str],
    typer.Argument(
        metavar="DOC|FILE",
        help="Documents to drop: a document IRI, or a file as it was built (any path to it, or a file with its bytes).",
        show_default=False,
    ),
]


def remove(targets: Targets, store: StoreOption = None, quiet: QuietOption = False) -> None:
    """Remove documents from the store: their graphs, and their place in the dataset description.

    Exit code 1 when a name matches no document (the others are still removed).

    [b]Example[/b]: caregraph remove data/old-report.txt
    """
    from caregraph.pipeline.identity import remove_documents
    from caregraph.store import open_store

    def work():
        with open_store(store, on_wait=note, must_exist=True) as st:
            return remove_documents(st, targets)

    removed, unmatched = call(work)
    for target in unmatched:
        note(f"Error: {target}: no such document in the store")
    if not quiet:
        note(f"removed {len(removed)} document graph{'s' if len(removed) != 1 else ''}")
    if unmatched:
        raise typer.Exit(1)
