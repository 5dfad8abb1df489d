"""``caregraph viz``, ``path``, ``export-graph``, ``stats`` and ``explain``: looking at what the store holds
(:mod:`caregraph.explore`)."""

# No "from __future__ import annotations": Typer reads these annotations at run time.
import sys
from pathlib import Path
from typing import Annotated

import typer

from caregraph.cli.options import (
    CouncilSelect,
    DocumentsSelect,
    ExcludeSelect,
    ExplainFormat,
    GraphFormat,
    ListFormat,
    NoPager,
    SinceSelect,
    StoreOption,
    TypeSelect,
    UntilSelect,
    format_option,
)
from caregraph.cli.output import call, fail, note, page, plural, print_table, safe, terminal_size

OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", metavar="PATH", help="The file to write. Default: stdout.", show_default=False),
]
OpenOption = Annotated[bool, typer.Option("--open", help="Open the page in the default browser.")]


def shown_names(st):
    """A last place for :func:`caregraph.query.find_things` to look a name up: the names ``viz``, ``path`` and
    ``stats --central`` show (those of the entity graph, documents included, such as "Surrey: Focused visit,
    2021-03"), matched exactly but for case. The entity graph is built the first time it is needed."""
    graph = {}

    def lookup(name: str, cls: str | None) -> list[str]:
        from caregraph.explore.network import Selection, entity_graph

        if "g" not in graph:
            graph["g"] = entity_graph(st, Selection(documents=True))
        g = graph["g"]
        key, kind = name.casefold(), cls.rsplit("#", 1)[-1] if cls else None
        return sorted(
            n
            for n, data in g.nodes(data=True)
            if str(data.get("name", "")).casefold() == key and (kind is None or data.get("cls") == kind)
        )

    return lookup


def _node(st, g, text: str) -> str:
    """The entity-graph node ``text`` names: an IRI, a council's exact name or a label (the first of those that names
    one thing in the graph), else a name as the graph shows it (:func:`caregraph.explore.network.resolve_entity`)."""
    from caregraph.explore.network import resolve_entity
    from caregraph.query import find_things
    from caregraph.query.things import split_class

    found = [n for n in find_things(st, text) if n in g]
    if len(found) == 1:
        return found[0]
    return resolve_entity(g, split_class(text)[0])


def _entity_graph(store, selection):
    """The entity graph of ``selection``; its focus, given as any name :func:`_node` takes, found first."""
    from dataclasses import replace

    from caregraph.explore.network import Selection, entity_graph
    from caregraph.store import open_store

    with open_store(store, read_only=True) as st:
        if selection is not None and selection.focus:
            everything = entity_graph(st, Selection(documents=selection.documents))
            selection = replace(selection, focus=_node(st, everything, selection.focus))
        return entity_graph(st, selection)


# ---------------------------------------------------------------------------------------------- viz


# The options of `caregraph viz`.
Focus = Annotated[
    str | None,
    typer.Option(
        "--focus",
        metavar="TEXT",
        help="Draw the entities around this one: a name, an IRI or a cgd: name.",
        show_default=False,
    ),
]
Depth = Annotated[
    int, typer.Option("--depth", "-d", metavar="N", help="With --focus: how many links away to go.", min=0)
]
QueryFile = Annotated[
    str | None,
    typer.Option(
        "--query",
        metavar="PATH",
        help="Draw the result of this SPARQL file ('-' for stdin): a CONSTRUCT, or a SELECT of ?s ?p ?o.",
        show_default=False,
    ),
]
MaxNodes = Annotated[
    int,
    typer.Option(
        "--max-nodes",
        "-n",
        metavar="N",
        help="Draw at most this many entities, leaving out the least important to the question first: inspections, decisions and people last, each with its meeting or council (0: no limit).",
        min=0,
    ),
]
# What a page 1,024 px wide shows legibly, grouped by council (docs/performance.md, "Visualisation").
DEFAULT_MAX_NODES = 200
Timeline = Annotated[
    bool,
    typer.Option(
        "--timeline",
        help="Instead of a network, a page of the council's inspections, visits, meetings and decisions in date order (needs --council).",
    ),
]
Everything = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Draw every entity (up to --max-nodes), not the default page of the inspections and what links to them.",
    ),
]
PageOut = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        metavar="PATH",
        help="The page to write. Default: caregraph-graph.html (caregraph-timeline.html with --timeline).",
        show_default=False,
    ),
]


def viz(
    council: CouncilSelect = None,
    focus: Focus = None,
    depth: Depth = 1,
    types: TypeSelect = None,
    exclude_types: ExcludeSelect = None,
    since: SinceSelect = None,
    until: UntilSelect = None,
    query_file: QueryFile = None,
    max_nodes: MaxNodes = DEFAULT_MAX_NODES,
    documents: DocumentsSelect = False,
    timeline: Timeline = False,
    everything: Everything = False,
    out: PageOut = None,
    open_page: OpenOption = False,
    store: StoreOption = None,
) -> None:
    """Draw the graph, or the part you select, as an interactive HTML page that works offline.

    Without --council, --focus, --type, --query or --all the page shows the inspections and what links to them
    (their councils, the decisions and follow-ups of the papers about them, with their meetings), grouped by council,
    at most 200 entities: the least important to the question left out first (--max-nodes).
    Entities are nodes (each class its own shape and colour, inspections coloured by Ofsted grade, sized by links);
    relations are labelled edges; hover for dates, judgements and the evidence quote with its document. The page is
    one file that makes no network request: share it by e-mail or put it on an intranet. Prints the page's path.

    [b]Examples[/b]:
      caregraph viz --council Surrey --out surrey.html --open
      caregraph viz --focus "Clare Curran" --depth 2
      caregraph viz --timeline --council Surrey
      caregraph viz --all --max-nodes 0 --out everything.html
    """
    from caregraph.explore.network import Selection

    if timeline and not council:
        raise typer.BadParameter("--timeline needs --council", param_hint="--timeline")
    if timeline and (focus or query_file):
        raise typer.BadParameter(
            "--timeline draws a council's dates; it does not take --focus or --query", param_hint="--timeline"
        )
    if query_file and query_file != "-" and not Path(query_file).is_file():
        raise fail(f"{query_file}: no such query file")
    selection = Selection(
        council=council,
        focus=focus,
        depth=depth,
        types=tuple(types or ()),
        exclude_types=tuple(exclude_types or ()),
        since=since,
        until=until,
        query=sys.stdin.read() if query_file == "-" else query_file,
        documents=documents,
        max_nodes=None if timeline else (max_nodes or None),
        around=() if (everything or council or focus or query_file or types) else ("Inspection",),
        paper_links=True,
    )
    target = out or Path("caregraph-timeline.html" if timeline else "caregraph-graph.html")

    def work():
        from caregraph.explore import viz as v

        g = _entity_graph(store, selection)
        if timeline:
            if not any(v.timeline_entries(g)):
                return g, None
            return g, v.write_page(v.timeline_page(g), target)
        if g.number_of_nodes() == 0:
            return g, None
        return g, v.write_page(v.network_page(g), target)

    g, path = call(work)
    for message in g.graph.get("notes", ()):
        note(message)
    if path is None:
        raise fail(f"nothing to draw: no entity matches the selection ({g.graph.get('title')})", 1)
    if not timeline:
        note(f"{g.number_of_nodes():,} entities, {g.number_of_edges():,} relations: {g.graph.get('title')}")
    typer.echo(safe(str(path)))
    if open_page:
        from caregraph.explore.viz import open_in_browser

        if not open_in_browser(path):
            note("could not start a browser; open the file above yourself")


# ---------------------------------------------------------------------------------------------- path, export-graph


def path(
    source: Annotated[
        str, typer.Argument(metavar="A", help="An entity: a name, an IRI or a cgd: name.", show_default=False)
    ],
    target: Annotated[str, typer.Argument(metavar="B", help="Another entity.", show_default=False)],
    documents: DocumentsSelect = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="PATH", help="Also draw the path as an HTML page.", show_default=False),
    ] = None,
    open_page: Annotated[
        bool, typer.Option("--open", help="With --out: open the page in the default browser.")
    ] = False,
    store: StoreOption = None,
) -> None:
    """How two entities are connected: a shortest path through the entity graph, relations read either way.

    Exit code 1 when they are not connected. With --documents the path may run through a document that mentions
    both.

    [b]Example[/b]: caregraph path "Clare Curran" "Ofsted" --out path.html
    """
    from caregraph.explore.network import Selection, entity_graph, path_graph, shortest_path
    from caregraph.store import open_store

    def work():
        with open_store(store, read_only=True) as st:
            g = entity_graph(st, Selection(documents=documents))
            a, b = _node(st, g, source), _node(st, g, target)
        hops = shortest_path(g, a, b)
        drawn = None
        if out is not None:
            from caregraph.explore import viz as v

            sub = path_graph(g, hops) if hops else g.subgraph([a]).copy()
            sub.graph.update(title=f"how {g.nodes[a]['name']} and {g.nodes[b]['name']} are connected", notes=[])
            drawn = v.write_page(v.network_page(sub), out)
        return g, a, hops, drawn

    g, a, hops, drawn = call(work)

    def name(n: str) -> str:
        return safe(f"{g.nodes[n]['name']} ({g.nodes[n]['cls']})")

    typer.echo(name(a))
    for hop in hops:
        arrow = f"  —{hop.label}→ " if hop.forward else f"  ←{hop.label}— "
        typer.echo(safe(arrow) + name(hop.target))
    note(plural(len(hops), "link"))
    if drawn is not None:
        typer.echo(safe(str(drawn)))
        if open_page:
            from caregraph.explore.viz import open_in_browser

            open_in_browser(drawn)


def export_graph(
    fmt: Annotated[
        GraphFormat | None,
        format_option(
            GraphFormat,
            "an export format",
            "graphml or gexf (both open in Gephi). Default: from the --out extension (.graphml, .gexf), else graphml.",
            show_default=False,
        ),
    ] = None,
    out: OutOption = None,
    council: CouncilSelect = None,
    types: TypeSelect = None,
    exclude_types: ExcludeSelect = None,
    since: SinceSelect = None,
    until: UntilSelect = None,
    documents: DocumentsSelect = False,
    store: StoreOption = None,
) -> None:
    """Export the entity graph (or a selection of it) for Gephi, as GraphML or GEXF.

    Nodes are entities keyed by IRI; edges are relations keyed by property; attributes are the name, class, grade,
    dates, facts and evidence quotes, and the number of links. The format follows the --out extension unless
    --format says otherwise.

    [b]Example[/b]: caregraph export-graph --out caregraph.gexf
    """
    from caregraph.explore import network
    from caregraph.explore.network import Selection, export_graph

    name = str(fmt) if fmt else _graph_format_of(out)

    selection = Selection(
        council=council,
        types=tuple(types or ()),
        exclude_types=tuple(exclude_types or ()),
        since=since,
        until=until,
        documents=documents,
    )

    def work():
        g = _entity_graph(store, selection)
        if out is None:
            import io

            buffer = io.BytesIO()
            export_graph(g, name, buffer)
            sys.stdout.buffer.write(buffer.getvalue())
        else:  # written as every --out is (caregraph.outfile: devices in place, files atomically, umask kept)
            network.export_graph_to_path(g, name, out)
        return g

    g = call(work)
    for message in g.graph.get("notes", ()):
        note(message)
    note(
        f"{g.number_of_nodes():,} entities, {g.number_of_edges():,} relations ({name})"
        + (f" written to {out}" if out else "")
    )


def _graph_format_of(out: Path | None) -> str:
    """The graph format an output file's extension names (``.graphml``, ``.gexf``), else graphml."""
    suffix = out.suffix.lstrip(".").lower() if out is not None else ""
    return suffix if suffix in {f.value for f in GraphFormat} else GraphFormat.graphml.value


# ---------------------------------------------------------------------------------------------- stats, explain


def stats(
    store: StoreOption = None,
    fmt: Annotated[ListFormat, format_option(ListFormat, "a stats format", "table or json.")] = ListFormat.table,
    central: Annotated[
        bool,
        typer.Option(
            "--central", help="List the most central entities instead (betweenness, then degree, on the entity graph)."
        ),
    ] = False,
    top: Annotated[
        int, typer.Option("--top", "-n", metavar="N", help="How many central entities to list.", min=1)
    ] = 10,
) -> None:
    """Documents, triples, entities per class and councils covered; or, with --central, the most central entities.

    [b]Example[/b]: caregraph stats --store my-store; caregraph stats --central --top 5
    """
    if central:
        return _print_central(store, fmt, top)

    def work():
        from caregraph.explore.stats import store_stats
        from caregraph.store import open_store

        with open_store(store, read_only=True) as st:
            return store_stats(st)

    s = call(work)
    if fmt == "json":
        import json

        typer.echo(json.dumps(s, indent=1))
        return
    rows = [("documents", s["documents"]), ("quads", f"{s['quads']:,}"), ("councils covered", len(s["councils"]))]
    from caregraph.explore.stats import official_rows  # Ofsted's imported record (issue 15 §2)

    print_table(rows + [(f"  {cls}", n) for cls, n in s["entities"].items()] + official_rows(s.get("official")))
    if s["councils"]:
        typer.echo("councils: " + ", ".join(safe(c) for c in s["councils"]))


def _print_central(store, fmt: str, top: int) -> None:
    from caregraph.explore.network import centrality

    rows, sampled = call(lambda: centrality(_entity_graph(store, None), top))
    if fmt == "json":
        import json

        entities = [
            {
                "iri": r.iri,
                "name": r.name,
                "class": r.cls,
                "links": r.degree,
                "degree_centrality": round(r.degree_centrality, 6),
                "betweenness": round(r.betweenness, 6),
            }
            for r in rows
        ]
        typer.echo(json.dumps({"sampled": sampled, "entities": entities}, indent=1, ensure_ascii=False))
        return
    table = [(i, r.name, r.cls, r.degree, f"{r.betweenness:.3f}") for i, r in enumerate(rows, 1)]
    print_table(table, ["#", "entity", "class", "links", "betweenness"], title="most central entities")
    note(
        "betweenness centrality on the undirected entity graph"
        + (" (estimated from 500 sampled sources)" if sampled else "")
        + "; links = degree"
    )


def explain(
    thing: Annotated[
        str,
        typer.Argument(
            metavar="THING",
            help='An IRI, a prefixed name (cgd:council/surrey), a label ("Dave Hill") or a name as path, viz and stats show it.',
            show_default=False,
        ),
    ],
    store: StoreOption = None,
    fmt: Annotated[
        ExplainFormat,
        format_option(ExplainFormat, "an explain format", "text, or csv, tsv, json, xml: one row per fact and quote."),
    ] = ExplainFormat.text,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-n", metavar="N", min=1, help="Show the first N facts about each thing.", show_default=False
        ),
    ] = None,
    no_pager: NoPager = False,
) -> None:
    """Every fact about a thing, each with the quote and the document it came from.

    THING is an IRI, a prefixed name, a council's name, a label (names, titles, preferred and alternative labels;
    any case) or a name as path, viz and stats --central print it. Facts are grouped by property and value; under
    each, every document that states it, with the exact quote and its character offsets. Facts from reference data
    (councils, vocabularies) name their graph instead.

    [b]Example[/b]: caregraph explain "Dave Hill"
    """
    from dataclasses import replace

    from caregraph.explore.explain import as_result, render_text
    from caregraph.explore.explain import explain as explain_thing
    from caregraph.query import find_things, serialize_rows
    from caregraph.store import open_store

    def work():
        with open_store(store, read_only=True) as st:
            found = find_things(st, thing, fallback=shown_names(st))
            return explain_thing(st, found[0] if len(found) == 1 else thing)

    found = call(work)
    if limit is not None:
        for e in found:
            if len(e.facts) > limit:
                note(
                    f"the first {limit} of {len(e.facts):,} facts about {e.labels[0] if e.labels else e.iri} (--limit)"
                )
        found = [replace(e, facts=e.facts[:limit]) for e in found]
    if fmt == "text":
        shown = [_escaped(e) for e in found]
        page(safe(render_text(shown, terminal_size()[0]), lines=True), pager=not no_pager)
    else:
        sys.stdout.write(serialize_rows(as_result(found), fmt))


def _escaped(e):
    """An explanation whose names (labels, the labels of what it links to, file names) are escaped for the terminal
    (:func:`safe`): a newline in a stored name cannot start a line of the text rendering."""
    from dataclasses import replace

    def clean(text: str | None) -> str | None:
        return None if text is None else safe(text)

    return replace(
        e,
        labels=tuple(safe(label) for label in e.labels),
        object_labels=tuple((iri, safe(label)) for iri, label in e.object_labels),
        facts=tuple(replace(f, file=clean(f.file), url=clean(f.url)) for f in e.facts),
    )
