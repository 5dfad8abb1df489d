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
Rebuild = Annotated[bool, typer.Option("--rebuild", help="Start from an empty store.")]
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
Bulk = Annotated[
    bool,
    typer.Option(
        "--bulk",
        help="Write new documents with the bulk loader: faster first builds of big corpora, but a killed build may leave documents part-written until the next build replaces them.",
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
    bulk: Bulk = False,
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
        sources = list(iter_sources(paths or [], manifest))  # listed first, so the bar knows the total
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
                    bulk=bulk,
                )
            counts = entity_counts(st) if not quiet else {}
        return summary, counts

    summary, counts = call(work)
    for failure in summary.failures:
        note(f"Error: {failure}")
    if not quiet:
        rows = [
            ("documents read", summary.read),
            ("unchanged", summary.unchanged),
            ("failed", summary.failed),
            ("quads in store", f"{summary.quads:,}"),
            *((f"  {cls}", n) for cls, n in counts.items()),
            ("seconds", f"{summary.seconds:.2f}"),
        ]
        print_table(rows, title="caregraph build")
    if summary.failures:
        raise typer.Exit(1)
