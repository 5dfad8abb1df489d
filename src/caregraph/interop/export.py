"""Export the store to a file in the standard RDF formats.

:func:`export` writes the store in one of six RDF formats. N-Quads, TriG and JSON-LD keep the named
graphs (one per document, plus the reference graphs); Turtle, N-Triples and RDF/XML merge them into one graph, each
triple written once. By default the export holds the document graphs, the councils gazetteer, Ofsted's official
outcomes (when imported) and the dataset description; ``with_ontology=True`` adds the ontology and the SKOS
vocabularies (everything in the store).

The output is deterministic: the same store gives byte-identical files. Graphs are written in the order of their IRIs
(the default graph first); within a graph, quads come in the order of Oxigraph's on-disk index, which depends only
on the quads stored (two on-disk stores holding the same quads give the same bytes, whatever order they were written
in). Blank nodes, which caregraph's own data never uses, are relabelled ``b0``, ``b1``, … in order of appearance.
Everything streams: quads go one at a time from the store's index to Oxigraph's serializer, so a store of 10⁷
triples never holds 10⁷ Python objects at once.

Pushing to a SPARQL 1.1 Graph Store (:func:`caregraph.interop.push.push`) and the VoID/DCAT dataset description
(:func:`caregraph.dataset.describe_dataset`) live in their own modules; their names stay importable from
here.

>>> from caregraph.store import memory_store
>>> import io
>>> store = memory_store()
>>> store.ensure_reference_graphs()
>>> out = io.BytesIO()
>>> summary = export(store, out, "ntriples")
>>> summary.graphs        # the councils gazetteer only: no documents yet
1
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import count, groupby
from operator import attrgetter, itemgetter
from typing import BinaryIO

import pyoxigraph as ox

from caregraph.dataset import ONTOLOGY_GRAPHS, export_prefixes
from caregraph.errors import CaregraphError
from caregraph.namespaces import GRAPHS

__all__ = [
    "FORMATS",
    "ExportError",
    "ExportSummary",
    "Format",
    "GraphName",
    "export",
    "export_prefixes",
    "export_to_path",
    "graph_key",
    "iter_quads",
    "iter_triples",
    "select_graphs",
]

# Names that moved to caregraph.interop.push and caregraph.dataset, importable from here as before
# (imported on first use: exporting never loads the HTTP client).
_MOVED = {
    **dict.fromkeys(("PushError", "PushProgress", "PushSummary", "basic_auth", "graph_url", "push"), "push"),
    **dict.fromkeys(
        ("DATASET_GRAPH", "DATA_LICENCE", "DATA_RIGHTS", "dataset_iri", "describe_dataset"),
        "caregraph.dataset",
    ),
}


def __getattr__(name: str):
    module = _MOVED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module if "." in module else f"caregraph.interop.{module}"), name)


# Left out of exports unless asked for (with_ontology=True).


class ExportError(CaregraphError):
    """The export cannot be written: an unknown format or graph, or an unwritable file."""


# ---------------------------------------------------------------------------------------------------- formats


@dataclass(frozen=True)
class Format:
    name: str  # as given to --format
    ox_format: ox.RdfFormat
    rdflib: str  # rdflib's parser name
    rapper: str | None  # Raptor's parser name, for the formats rapper reads
    extension: str
    datasets: bool  # keeps named graphs

    @property
    def media_type(self) -> str:
        return self.ox_format.media_type


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", ox.RdfFormat.TURTLE, "turtle", "turtle", "ttl", False),
        Format("ntriples", ox.RdfFormat.N_TRIPLES, "nt", "ntriples", "nt", False),
        Format("nquads", ox.RdfFormat.N_QUADS, "nquads", "nquads", "nq", True),
        Format("trig", ox.RdfFormat.TRIG, "trig", "trig", "trig", True),
        Format("jsonld", ox.RdfFormat.JSON_LD, "json-ld", None, "jsonld", True),
        Format("xml", ox.RdfFormat.RDF_XML, "xml", "rdfxml", "rdf", False),
    )
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise ExportError(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}") from None


# ---------------------------------------------------------------------------------------------------- graphs

GraphName = ox.NamedNode | ox.DefaultGraph


def graph_key(g: GraphName) -> str:
    """A graph's IRI, or "" for the default graph (which so sorts first)."""
    return "" if isinstance(g, ox.DefaultGraph) else g.value


def select_graphs(store, graphs: Sequence[str] | None = None, *, with_ontology: bool = False) -> list[GraphName]:
    """The graphs an export or push covers, in order: the given ones, else every graph in the store but the ontology
    and vocabularies (unless ``with_ontology``); the default graph first when it holds anything."""
    if graphs:
        chosen: list[GraphName] = []
        for name in graphs:
            node = ox.NamedNode(name.strip("<>"))
            if not store.has_graph(node):
                known = sorted(store.graph_names())
                documents = sum(not k.startswith(GRAPHS) for k in known)
                hint = ", ".join(f"<{k}>" for k in known if k.startswith(GRAPHS)) + (
                    f" and {documents} document graphs" if documents else ""
                )
                raise ExportError(
                    f"no graph <{node.value}> in the store (it has {hint or 'no graphs'}; 'caregraph query documents' lists the documents)"
                )
            if node not in chosen:
                chosen.append(node)
        return sorted(chosen, key=graph_key)
    skip = set() if with_ontology else set(ONTOLOGY_GRAPHS)
    names: list[GraphName] = [ox.NamedNode(n) for n in sorted(store.graph_names()) if n not in skip]
    if store.has_default_graph():
        return [ox.DefaultGraph(), *names]
    return names


class _BlankLabels:
    """Relabels blank nodes b0, b1, … in order of first appearance (caregraph's own data has none)."""

    def __init__(self) -> None:
        self.labels: dict[str, ox.BlankNode] = {}

    def term(self, t):
        if isinstance(t, ox.BlankNode):
            label = self.labels.get(t.value)
            if label is None:
                label = self.labels[t.value] = ox.BlankNode(f"b{len(self.labels)}")
            return label
        return t

    def quad(self, q: ox.Quad) -> ox.Quad:
        s, o = q.subject, q.object
        if isinstance(s, ox.BlankNode) or isinstance(o, ox.BlankNode):
            return ox.Quad(self.term(s), q.predicate, self.term(o), q.graph_name)
        return q


def iter_quads(store, graphs: Sequence[GraphName]) -> Generator[ox.Quad, None, None]:
    """The quads of ``graphs``, graph by graph, streamed from the store."""
    labels = _BlankLabels()
    for g in graphs:
        for q in store.quads(graph=g):
            yield labels.quad(q)


def _owner(subject: str, names: set[str]) -> str | None:
    """The selected graph whose IRI the subject's IRI extends (``{doc}/statement/…`` → ``{doc}``), if any."""
    if subject in names:
        return subject
    cut = len(subject)
    while True:
        cut = max(subject.rfind("/", 0, cut), subject.rfind("#", 0, cut))
        if cut <= 8:  # past "https://"
            return None
        if subject[:cut] in names:
            return subject[:cut]


def _nested(names: set[str]) -> bool:
    """Whether some graph IRI extends another (``{g}/…`` or ``{g}#…``): then a subject under ``{g}`` may belong to
    the longer one, and :func:`_owner` has to search."""
    return any(_owner(name[: max(name.rfind("/"), name.rfind("#"), 0)], names) is not None for name in names)


_subject_of = attrgetter("subject")


def _plain_triples(quads: Iterable[ox.Quad], labels: _BlankLabels) -> Iterator[ox.Triple]:
    """The triples of ``quads``, blank nodes relabelled; the common case (none) costs one attribute read."""
    blank = ox.BlankNode
    for q in quads:
        if isinstance(q.object, blank) or isinstance(q.subject, blank):
            q = labels.quad(q)
            yield ox.Triple(q.subject, q.predicate, q.object)
        else:
            yield q.triple


def iter_triples(store, graphs: Sequence[GraphName]) -> Generator[ox.Triple, None, None]:
    """The triples of ``graphs`` merged, each written once, streamed graph by graph.

    caregraph mints the IRIs of a document's own nodes (its statements and evidence) under the document's IRI, and
    those triples, the bulk of a store, live in that document's graph only: they pass straight through, a subject at
    a time (the index gives a graph's quads grouped by subject), with no look-up. A triple about a shared node (a
    council, an inspection, a person) may sit in several graphs; it is written the first time, and only a 16-byte
    digest of each such triple is remembered. So memory grows with the shared triples, not with the store. A triple
    about a node another selected graph owns is left to that graph when it holds it (one index probe; rare)."""
    labels = _BlankLabels()
    if len(graphs) == 1:
        yield from _plain_triples(store.quads(graph=graphs[0]), labels)
        return
    names = {g.value for g in graphs if isinstance(g, ox.NamedNode)}
    nested = _nested(names)
    seen: set[bytes] = set()
    blank = ox.BlankNode
    for g in graphs:
        here = graph_key(g)
        # A subject IRI under this graph's IRI is owned by this graph, unless graph IRIs nest (then search).
        under = (here + "/", here + "#") if len(here) > 8 and not nested else None
        for s, group in groupby(store.quads(graph=g), _subject_of):
            if isinstance(s, ox.NamedNode):
                v = s.value
                owner = here if under is not None and (v == here or v.startswith(under)) else _owner(v, names)
            else:
                owner = None
            if owner == here:  # the subject is an IRI: only the object can be a blank node
                for q in group:
                    if isinstance(q.object, blank):
                        q = labels.quad(q)
                        yield ox.Triple(q.subject, q.predicate, q.object)
                    else:
                        yield q.triple
                continue
            owner_node = ox.NamedNode(owner) if owner is not None else None
            for q in group:
                if owner_node is not None and ox.Quad(s, q.predicate, q.object, owner_node) in store:
                    continue  # the graph that owns the subject writes it
                t = q.triple
                key = hashlib.blake2b(str(t).encode("utf-8"), digest_size=16).digest()
                if key in seen:
                    continue
                seen.add(key)
                if isinstance(s, blank) or isinstance(t.object, blank):
                    q = labels.quad(q)
                    t = ox.Triple(q.subject, q.predicate, q.object)
                yield t


# ---------------------------------------------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportSummary:
    format: str
    graphs: int  # graphs exported
    statements: int  # quads (dataset formats) or distinct triples (triple formats) written


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(triples: Iterable[ox.Triple] | Iterable[ox.Quad]) -> Iterator[ox.Triple | ox.Quad]:
    """RDF/XML cannot carry the control characters XML 1.0 forbids: refuse rather than write a broken file."""
    for t in triples:
        o = t.object
        if isinstance(o, ox.Literal) and _XML_ILLEGAL.search(o.value):
            bad = _XML_ILLEGAL.search(o.value).group(0)  # type: ignore[union-attr]
            raise ExportError(
                f"RDF/XML cannot carry the control character U+{ord(bad):04X} in the literal of {t.subject} {t.predicate}; export as turtle, ntriples, nquads, trig or jsonld instead"
            )
        yield t


def _counted(items: Iterable) -> tuple[Iterator, Iterator[int]]:
    """``items`` unchanged, and a tally whose ``next()`` after they are used up says how many there were. Counted
    without a Python frame per item (zip draws from ``items`` first, and stops there once they are exhausted)."""
    tally = count()
    return map(itemgetter(0), zip(items, tally, strict=False)), tally


def export(
    store,
    output: BinaryIO,
    fmt: str,
    *,
    graphs: Sequence[str] | None = None,
    with_ontology: bool = False,
    provenance: str | None = None,
) -> ExportSummary:
    """Write the store (or ``graphs``) to the binary stream ``output`` in format ``fmt`` (see :data:`FORMATS`).

    Dataset formats (nquads, trig, jsonld) keep the named graphs; triple formats merge them, each triple once.
    ``provenance`` is the form of each fact's provenance (:mod:`caregraph.interop.provenance`): ``rdf11`` (classic
    reification, the default: every RDF 1.1 reader loads it), ``rdf12`` (as stored, triple terms) or ``none``."""
    from caregraph.interop.provenance import view

    f = get_format(fmt)
    chosen = select_graphs(store, graphs, with_ontology=with_ontology)
    source = view(store, provenance, f.name, error=ExportError)
    stream = iter_quads(source, chosen) if f.datasets else iter_triples(source, chosen)
    items, tally = _counted(_xml_safe(stream) if f.name == "xml" else stream)
    try:
        ox.serialize(items, output, f.ox_format, prefixes=export_prefixes())
    finally:
        # an export cut short (a literal RDF/XML cannot carry, a full disk) leaves the store's iterator open in the
        # stream; closed here, it is dropped in this thread: pyoxigraph's iterators may not be dropped in another
        # (a server's garbage collector would otherwise report "QuadIter is unsendable")
        stream.close()
    return ExportSummary(f.name, len(chosen), next(tally))


def export_to_path(store, path: str | os.PathLike[str], fmt: str, **kwargs) -> ExportSummary:
    """Export to a file as :func:`caregraph.outfile.output_file` writes it: a regular file atomically (complete or
    not at all, with the usual mode, an existing file's mode kept), a read-only file refused, a symbolic link
    followed, a device or pipe (``/dev/stdout``) written in place."""
    from caregraph.outfile import OutputError, output_file

    try:
        with output_file(path) as fh:
            return export(store, fh, fmt, **kwargs)
    except OutputError as exc:
        raise ExportError(str(exc)) from None
