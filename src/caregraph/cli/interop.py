"""``caregraph export``, ``push``, ``import-ofsted`` and ``validate``: the store and other RDF tools
(:mod:`caregraph.interop`, :mod:`caregraph.validate`)."""

# No "from __future__ import annotations": Typer reads these annotations at run time.
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from caregraph.cli.options import (
    GraphsOption,
    ProvenanceOption,
    QuietOption,
    RdfFormat,
    ReportFormat,
    StoreOption,
    format_option,
)
from caregraph.cli.output import call, note, plural, progress, safe


def export(
    fmt: Annotated[
        RdfFormat | None,
        format_option(
            RdfFormat,
            "an export format",
            "turtle, ntriples, nquads, trig, jsonld or xml. nquads, trig and jsonld keep the named graphs; the others merge them. Default: from the --out extension, else nquads.",
            show_default=False,
        ),
    ] = None,
    graph: GraphsOption = None,
    out: Annotated[
        str, typer.Option("--out", "--output", "-o", metavar="PATH", help="The file to write, or '-' for stdout.")
    ] = "-",
    with_ontology: Annotated[
        bool,
        typer.Option(
            "--with-ontology",
            help="Add the ontology and the SKOS vocabularies (by default: documents, councils, Ofsted's outcomes, dataset description).",
        ),
    ] = False,
    provenance: ProvenanceOption = None,
    store: StoreOption = None,
) -> None:
    """Export the store as RDF: the same store always gives the same bytes.

    Provenance (reified statements with their evidence) survives every format; named graphs (one per document)
    survive in nquads, trig and jsonld. Prefixes come from the ontology.

    [b]Example[/b]: caregraph export --format trig --out caregraph.trig --with-ontology
    """
    from caregraph.interop.export import FORMATS, export, export_to_path
    from caregraph.store import open_store

    name = str(fmt) if fmt else _format_of(out)

    def work():
        with open_store(store, read_only=True) as st:
            form = provenance and str(provenance)
            if out != "-":
                return export_to_path(st, out, name, graphs=graph, with_ontology=with_ontology, provenance=form)
            try:
                summary = export(
                    st, sys.stdout.buffer, name, graphs=graph, with_ontology=with_ontology, provenance=form
                )
                sys.stdout.buffer.flush()
            except BrokenPipeError:  # the reader stopped early (| head): not an error
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                raise typer.Exit(0) from None
            return summary

    summary = call(work)
    what = "quads" if FORMATS[name].datasets else "triples"
    note(
        f"{summary.statements:,} {what} from {plural(summary.graphs, 'graph')} ({name})"
        + (f" written to {out}" if out != "-" else "")
    )


def _format_of(out: str) -> str:
    """The export format a file name's extension names (``.ttl``, ``.nq``, ``.owl``, ``.json``…), else nquads."""
    from caregraph.interop.export import FORMATS

    suffix = Path(out).suffix.lstrip(".").lower() if out != "-" else ""
    for f in FORMATS.values():
        if suffix in {f.extension, f.name} or (suffix, f.name) in {("owl", "xml"), ("json", "jsonld")}:
            return f.name
    return "nquads"


def push(
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint",
            metavar="URL",
            help="The SPARQL 1.1 Graph Store Protocol URL: http://localhost:7878/store (Oxigraph), http://localhost:3030/DATASET/data (Fuseki), …/repositories/REPO/rdf-graphs/service (GraphDB).",
            show_default=False,
        ),
    ],
    graph: GraphsOption = None,
    auth_env: Annotated[
        str | None,
        typer.Option(
            "--auth-env",
            metavar="VAR",
            help="Environment variable holding USER:PASSWORD for HTTP basic auth. Default: CAREGRAPH_AUTH when it is set.",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", metavar="SECONDS", help="Seconds to wait for the server on each graph.")
    ] = 120.0,
    quiet: QuietOption = False,
    provenance: ProvenanceOption = None,
    store: StoreOption = None,
) -> None:
    """Load the store into a running RDF store: one HTTP PUT per named graph, so pushing again replaces.

    Pushes every graph (documents, councils, ontology, vocabularies, Ofsted's outcomes, dataset description), so the
    named queries answer on the server as they do here. Credentials come from an environment variable, never the
    command line.

    [b]Example[/b]: CAREGRAPH_AUTH=admin:secret caregraph push --endpoint http://localhost:3030/caregraph/data
    """
    from caregraph.interop.push import push
    from caregraph.store import open_store

    def work():
        with open_store(store, read_only=True) as st, progress("pushing", None, quiet=quiet) as step:
            report = (lambda name, done, total: step(name, completed=done, total=total)) if step else None
            return push(
                st,
                endpoint,
                graphs=graph,
                auth_env=auth_env,
                timeout=timeout,
                progress=report,
                provenance=provenance and str(provenance),
            )

    summary = call(work)
    if not quiet:
        note(
            f"pushed {plural(summary.graphs, 'graph')} ({summary.triples:,} triples, {summary.bytes / 1e6:.1f} MB) to {summary.endpoint}"
        )


def import_ofsted(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH",
            help="Ofsted's 'Local authority inspection outcomes' workbook (.ods) and/or CSV renderings of its sheets.",
            show_default=False,
        ),
    ],
    store: StoreOption = None,
    quiet: QuietOption = False,
) -> None:
    """Import Ofsted's official inspection outcomes into their own graph, beside what the papers say.

    Reads the sheets of latest judgements, in-year inspections and visits, and ILACS history (with sub-judgements);
    a CSV is one sheet, told by its header. Inspections get the same IRIs as in the documents, so a visit a paper
    mentions and the same visit in Ofsted's table are one node with two sources; one a paper dates differently (within
    the official dates, or by the month of the report) is linked to it in the links graph, which the timeline queries
    use. Re-importing replaces both graphs. Then 'caregraph query papers-vs-ofsted' lists where the papers and the
    official record disagree. -q prints only warnings (cells skipped) and errors.

    [b]Example[/b]: caregraph import-ofsted LA_Inspection_Outcomes_as_at_31_March_2025.ods
    """
    from caregraph.interop.ofsted import LINKS_GRAPH, OFSTED_GRAPH, import_outcomes
    from caregraph.store import open_store

    def work():
        with open_store(store, on_wait=note, must_exist=True) as st:
            return import_outcomes(st, files)

    s = call(work)
    for warning in s.warnings:  # cells skipped (a javascript: link, a malformed URL), one line each
        note(f"Warning: {warning}")
    if quiet:
        return
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(s.kinds.items()))
    note(
        f"{s.rows} rows from {', '.join(s.sheets)}: {s.inspections} inspections and visits ({kinds}) of {s.councils} councils, {s.quads:,} triples in <{OFSTED_GRAPH}>"
    )
    methods = ", ".join(f"{n} {m}" for m, n in sorted(s.links.by_method.items()))
    ambiguous = f"; {len(s.links.ambiguous)} left unlinked, several records matching" if s.links.ambiguous else ""
    note(
        f"{plural(s.links.links, 'inspection')} the papers mention linked to the official record"
        + (f" ({methods})" if methods else "")
        + f"{ambiguous} in <{LINKS_GRAPH}>"
    )


def validate(
    store: StoreOption = None,
    graph: GraphsOption = None,
    fmt: Annotated[
        ReportFormat,
        format_option(
            ReportFormat, "a report format", "text (a readable report) or turtle (the SHACL validation reports)."
        ),
    ] = ReportFormat.text,
) -> None:
    """Check the store's document graphs against caregraph's SHACL shapes (ontology/shapes.ttl).

    Each document graph is validated on its own, with the SKOS vocabularies. Exit code 0 when every graph conforms,
    1 when one does not (the report names the document, focus node, path and problem), 2 when validation cannot run.

    [b]Example[/b]: caregraph validate --store my-store
    """
    from caregraph.store import open_store
    from caregraph.validate import format_text, format_turtle, validate_store

    def work():
        with open_store(store, read_only=True) as st:
            return validate_store(st, graph or None)

    report = call(work)
    sys.stdout.write(safe(format_text(report), lines=True) if fmt == "text" else format_turtle(report))
    if not report.conforms:
        raise typer.Exit(1)
