"""Interop: export the store to a file, push it to another RDF store, and describe the dataset.

**Export** (:func:`export`) writes the store in one of six RDF formats. N-Quads, TriG and JSON-LD keep the named
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

**Push** (:func:`push`) loads the store into a running RDF store with the SPARQL 1.1 Graph Store Protocol: one HTTP
``PUT`` per named graph (``?graph=IRI``, body N-Triples), so pushing again replaces each graph rather than adding
to it.

**Dataset description** (:func:`describe_dataset`) writes a VoID/DCAT description of the store (triples, classes
with their instance counts, documents, sources, licence, creation time, caregraph version) into the graph
``https://w3id.org/caregraph/graph/dataset``; :func:`caregraph.pipeline.build.build` calls it after every build.

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

import base64
import hashlib
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from itertools import count, groupby
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from caregraph import __version__, keys
from caregraph.errors import CaregraphError

__all__ = [
    "DATASET_GRAPH",
    "FORMATS",
    "ExportError",
    "ExportSummary",
    "Format",
    "PushError",
    "PushSummary",
    "describe_dataset",
    "export",
    "export_prefixes",
    "export_to_path",
    "push",
    "select_graphs",
]

DATASET_GRAPH = keys.graph_iri("dataset")
ONTOLOGY_GRAPHS = (keys.graph_iri("ontology"), keys.graph_iri("vocabularies"))

CG = "https://w3id.org/caregraph/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
FOAF = "http://xmlns.com/foaf/0.1/"

#: What the dataset's facts may be reused under: English councils and Ofsted publish under the OGL v3.
DATA_LICENCE = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
DATA_RIGHTS = (
    "Facts taken from documents published by English councils and from Ofsted's official statistics, each traceable "
    "to its source. Contains public sector information licensed under the Open Government Licence v3.0. "
    "caregraph's ontology and vocabularies are MIT-licensed."
)


class ExportError(CaregraphError):
    """The export cannot be written: an unknown format or graph, or an unwritable file."""


class PushError(CaregraphError):
    """The target store refused a graph, or could not be reached."""


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


_PREFIX_LINE = re.compile(r"^\s*@prefix\s+([A-Za-z][\w-]*)?:\s*<([^>]+)>\s*\.", re.M)


@cache
def export_prefixes() -> dict[str, str]:
    """The prefixes exports declare: those the ontology and vocabulary files declare, plus caregraph's query
    prefixes (void:, dcat:, sh:). ``cgd:`` (instance data) is left out on purpose: its local names hold slashes,
    which Turtle would have to escape (``cgd:council\\/surrey``); full IRIs read better."""
    from caregraph.namespaces import PREFIXES
    from caregraph.resources import ontology_file

    found: dict[str, str] = {}
    for name in ("caregraph.ttl", "vocabularies.ttl"):
        path = ontology_file(name)
        if path.exists():
            for prefix, ns in _PREFIX_LINE.findall(path.read_text(encoding="utf-8")):
                if prefix:
                    found.setdefault(prefix, ns)
    for prefix, ns in PREFIXES.items():
        found.setdefault(prefix, ns)
    found.pop("cgd", None)
    return dict(sorted(found.items()))


# ---------------------------------------------------------------------------------------------------- graphs

GraphName = ox.NamedNode | ox.DefaultGraph


def _graph_key(g: GraphName) -> str:
    return "" if isinstance(g, ox.DefaultGraph) else g.value


def select_graphs(store, graphs: Sequence[str] | None = None, *, with_ontology: bool = False) -> list[GraphName]:
    """The graphs an export or push covers, in order: the given ones, else every graph in the store but the ontology
    and vocabularies (unless ``with_ontology``); the default graph first when it holds anything."""
    ox_store: ox.Store = store.ox
    if graphs:
        chosen: list[GraphName] = []
        for name in graphs:
            node = ox.NamedNode(name.strip("<>"))
            if not ox_store.contains_named_graph(node):
                known = sorted(g.value for g in ox_store.named_graphs() if isinstance(g, ox.NamedNode))
                documents = sum("/graph/" not in k for k in known)
                hint = ", ".join(f"<{k}>" for k in known if "/graph/" in k) + (
                    f" and {documents} document graphs" if documents else ""
                )
                raise ExportError(
                    f"no graph <{node.value}> in the store (it has {hint or 'no graphs'}; 'caregraph query documents' lists the documents)"
                )
            if node not in chosen:
                chosen.append(node)
        return sorted(chosen, key=_graph_key)
    skip = set() if with_ontology else set(ONTOLOGY_GRAPHS)
    names = sorted(
        (g for g in ox_store.named_graphs() if isinstance(g, ox.NamedNode) and g.value not in skip), key=_graph_key
    )
    if next(iter(ox_store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
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


def iter_quads(store, graphs: Sequence[GraphName]) -> Iterator[ox.Quad]:
    """The quads of ``graphs``, graph by graph, streamed from the store."""
    labels = _BlankLabels()
    for g in graphs:
        for q in store.ox.quads_for_pattern(None, None, None, g):
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


def iter_triples(store, graphs: Sequence[GraphName]) -> Iterator[ox.Triple]:
    """The triples of ``graphs`` merged, each written once, streamed graph by graph.

    caregraph mints the IRIs of a document's own nodes (its statements and evidence) under the document's IRI, and
    those triples, the bulk of a store, live in that document's graph only: they pass straight through, a subject at
    a time (the index gives a graph's quads grouped by subject), with no look-up. A triple about a shared node (a
    council, an inspection, a person) may sit in several graphs; it is written the first time, and only a 16-byte
    digest of each such triple is remembered. So memory grows with the shared triples, not with the store. A triple
    about a node another selected graph owns is left to that graph when it holds it (one index probe; rare)."""
    ox_store: ox.Store = store.ox
    labels = _BlankLabels()
    if len(graphs) == 1:
        yield from _plain_triples(ox_store.quads_for_pattern(None, None, None, graphs[0]), labels)
        return
    names = {g.value for g in graphs if isinstance(g, ox.NamedNode)}
    nested = _nested(names)
    seen: set[bytes] = set()
    blank = ox.BlankNode
    for g in graphs:
        here = _graph_key(g)
        # A subject IRI under this graph's IRI is owned by this graph, unless graph IRIs nest (then search).
        under = (here + "/", here + "#") if len(here) > 8 and not nested else None
        for s, group in groupby(ox_store.quads_for_pattern(None, None, None, g), _subject_of):
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
                if owner_node is not None and ox.Quad(s, q.predicate, q.object, owner_node) in ox_store:
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


def _xml_safe(triples: Iterable[ox.Triple]) -> Iterator[ox.Triple]:
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
    store, output: BinaryIO, fmt: str, *, graphs: Sequence[str] | None = None, with_ontology: bool = False
) -> ExportSummary:
    """Write the store (or ``graphs``) to the binary stream ``output`` in format ``fmt`` (see :data:`FORMATS`).

    Dataset formats (nquads, trig, jsonld) keep the named graphs; triple formats merge them, each triple once."""
    f = get_format(fmt)
    chosen = select_graphs(store, graphs, with_ontology=with_ontology)
    stream = iter_quads(store, chosen) if f.datasets else iter_triples(store, chosen)
    items, tally = _counted(_xml_safe(stream) if f.name == "xml" else stream)
    ox.serialize(items, output, f.ox_format, prefixes=export_prefixes())
    return ExportSummary(f.name, len(chosen), next(tally))


def export_to_path(store, path: str | os.PathLike[str], fmt: str, **kwargs) -> ExportSummary:
    """Export to a file, atomically: the file appears complete or not at all."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent if str(target.parent) else "."
        )
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            summary = export(store, fh, fmt, **kwargs)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return summary


# ---------------------------------------------------------------------------------------------------- push


@dataclass(frozen=True)
class PushSummary:
    endpoint: str
    graphs: int
    triples: int
    bytes: int


PushProgress = Callable[[str, int, int], None]  # (graph IRI or "default", graphs done, graphs in all)


def basic_auth(env_var: str | None) -> str | None:
    """An ``Authorization`` header value from the environment variable holding ``USER:PASSWORD``, or None.

    The default variable ``CAREGRAPH_AUTH`` may be unset; a variable named on purpose must be set."""
    name = env_var or "CAREGRAPH_AUTH"
    value = os.environ.get(name)
    if value is None:
        if env_var:
            raise PushError(f"the environment variable {name} is not set; set it to USER:PASSWORD or drop --auth-env")
        return None
    if ":" not in value:
        raise PushError(f"the environment variable {name} must hold USER:PASSWORD (it has no ':')")
    return "Basic " + base64.b64encode(value.encode("utf-8")).decode("ascii")


def graph_url(endpoint: str, graph: GraphName) -> str:
    """The Graph Store Protocol URL of one graph: ``ENDPOINT?graph=IRI``, or ``ENDPOINT?default``."""
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if isinstance(graph, ox.DefaultGraph):
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph.value, safe='')}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect would carry the credentials elsewhere, or drop the body: say so instead of following it."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _refusal(exc: urllib.error.HTTPError) -> str:
    try:
        body = exc.read(4096).decode("utf-8", "replace")
    except Exception:  # the body could not be read; the status says enough
        body = ""
    lines = (re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", line)).strip() for line in body.splitlines())
    first = next((line for line in lines if line), "")
    return f"HTTP {exc.code} {exc.reason}" + (f": {first[:200]}" if first else "")


def push(
    store,
    endpoint: str,
    *,
    graphs: Sequence[str] | None = None,
    auth_env: str | None = None,
    timeout: float = 120.0,
    progress: PushProgress | None = None,
) -> PushSummary:
    """PUT every graph of the store (or ``graphs``) to the Graph Store Protocol ``endpoint``, one request per graph,
    body N-Triples; the server replaces each graph. Pushes everything, ontology and vocabularies included, so the
    named queries answer on the server as they do here."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise PushError(f"--endpoint {endpoint!r} is not an http(s) URL (e.g. http://localhost:7878/store)")
    auth = basic_auth(auth_env)
    chosen = select_graphs(store, graphs, with_ontology=True)
    opener = urllib.request.build_opener(_NoRedirect)
    shown = parts._replace(query="", fragment="").geturl()
    sent_bytes = triples = 0
    for done, g in enumerate(chosen):
        body = store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g) or b""
        n = body.count(b"\n")
        request = urllib.request.Request(graph_url(endpoint, g), data=body, method="PUT")
        request.add_header("Content-Type", "application/n-triples")
        request.add_header("User-Agent", f"caregraph/{__version__} (SPARQL 1.1 Graph Store Protocol client)")
        if auth:
            request.add_header("Authorization", auth)
        name = _graph_key(g) or "default graph"
        try:
            with opener.open(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            hint = ""
            if exc.code in {401, 403}:
                hint = (
                    f" (set {auth_env or 'CAREGRAPH_AUTH'} to USER:PASSWORD)"
                    if auth is None
                    else f" (check the credentials in {auth_env or 'CAREGRAPH_AUTH'})"
                )
            elif 300 <= exc.code < 400:
                hint = f" (it redirects to {exc.headers.get('Location', '?')}; give that URL to --endpoint)"
            raise PushError(f"{shown} refused graph <{name}>: {_refusal(exc)}{hint}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            raise PushError(f"cannot reach {shown}: {getattr(reason, 'strerror', None) or reason}") from None
        except TimeoutError:
            raise PushError(f"{shown} did not answer within {timeout:g} s (graph <{name}>); try --timeout") from None
        except OSError as exc:
            raise PushError(f"cannot reach {shown}: {exc.strerror or exc}") from None
        sent_bytes += len(body)
        triples += n
        if progress:
            progress(name, done + 1, len(chosen))
    return PushSummary(endpoint, len(chosen), triples, sent_bytes)


# ---------------------------------------------------------------------------------------------------- dataset


def _n(term_iri: str) -> ox.NamedNode:
    return ox.NamedNode(term_iri)


def _lit(value, datatype: str | None = None) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_n(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_n(XSD + "integer"))
    return ox.Literal(str(value), datatype=_n(datatype)) if datatype else ox.Literal(str(value))


_IN_GRAPH = "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
_CLASSES = f"""SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  GRAPH ?g {{ ?s a ?class }}
  FILTER(?g NOT IN (<{ONTOLOGY_GRAPHS[0]}>, <{ONTOLOGY_GRAPHS[1]}>, <{DATASET_GRAPH}>))
}} GROUP BY ?class"""
_DOCUMENTS = f"SELECT ?d WHERE {{ GRAPH ?d {{ ?d a <{CG}Document> }} }}"


def _count(ox_store: ox.Store, graph: str) -> int:
    return int(next(iter(ox_store.query(_IN_GRAPH.format(graph=graph))))["n"].value)


def dataset_iri() -> str:
    return f"{keys.base()}dataset"


def describe_dataset(store, *, now: datetime | None = None) -> int:
    """Write the VoID/DCAT description of the store into its own graph (replacing the last one); return its size.

    The description counts everything but itself: triples per graph, entities per class, the documents, the
    sources (every document and Ofsted's official outcomes), with the licence, creation time and caregraph version.
    """
    ox_store: ox.Store = store.ox
    ds = _n(dataset_iri())
    rdf_type = _n(RDF + "type")
    documents = sorted(sol["d"].value for sol in ox_store.query(_DOCUMENTS))
    # Counting every graph would scan the store; count the few reference graphs, and the documents by difference.
    doc_set = set(documents)
    reference = sorted(
        g.value for g in ox_store.named_graphs() if isinstance(g, ox.NamedNode) and g.value not in doc_set
    )
    per_graph = {g: _count(ox_store, g) for g in reference}
    total = len(ox_store) - per_graph.pop(DATASET_GRAPH, 0)
    in_documents = total - sum(per_graph.values())
    classes = sorted(
        (sol["class"].value, int(sol["n"].value))
        for sol in ox_store.query(_CLASSES)
        if isinstance(sol["class"], ox.NamedNode)
    )
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")

    t: list[ox.Triple] = []

    def add(s: ox.NamedNode, p: str, o) -> None:
        t.append(ox.Triple(s, _n(p), o))

    t.append(ox.Triple(ds, rdf_type, _n(VOID + "Dataset")))
    t.append(ox.Triple(ds, rdf_type, _n(DCAT + "Dataset")))
    add(ds, DCTERMS + "title", ox.Literal("caregraph knowledge graph", language="en"))
    add(
        ds,
        DCTERMS + "description",
        ox.Literal(
            "English councils' papers about Ofsted inspections of children's services, as linked data: councils, committees, "
            "meetings, people and posts, inspections and judgements, decisions and follow-ups, each fact traceable to the "
            "sentence it came from; with Ofsted's official inspection outcomes when imported.",
            language="en",
        ),
    )
    add(ds, DCTERMS + "license", _n(DATA_LICENCE))
    add(ds, DCTERMS + "rights", ox.Literal(DATA_RIGHTS, language="en"))
    add(ds, DCTERMS + "created", _lit(stamp, XSD + "dateTime"))
    add(ds, DCTERMS + "modified", _lit(stamp, XSD + "dateTime"))
    add(ds, CG + "caregraphVersion", _lit(__version__))
    add(ds, VOID + "uriSpace", _lit(keys.base()))
    add(ds, VOID + "triples", _lit(total))
    add(ds, VOID + "documents", _lit(len(documents)))
    add(ds, VOID + "classes", _lit(len(classes)))
    for vocab in (
        CG,
        keys.VOCAB,
        "http://www.w3.org/ns/org#",
        FOAF,
        PROV,
        DCTERMS,
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.w3.org/ns/oa#",
    ):
        add(ds, VOID + "vocabulary", _n(vocab))
    add(ds, DCAT + "keyword", ox.Literal("Ofsted", language="en"))
    add(ds, DCAT + "keyword", ox.Literal("children's services", language="en"))
    add(ds, DCAT + "keyword", ox.Literal("local government", language="en"))
    for cls, n in classes:
        part = _n(f"{ds.value}/class/{_class_key(cls)}")
        add(ds, VOID + "classPartition", part)
        add(part, VOID + "class", _n(cls))
        add(part, VOID + "entities", _lit(n))
    for name in sorted(per_graph):
        g = _n(name)
        add(ds, VOID + "subset", g)
        t.append(ox.Triple(g, rdf_type, _n(VOID + "Dataset")))
        add(g, VOID + "triples", _lit(per_graph[name]))
    if documents:
        docs = _n(f"{ds.value}/documents")
        add(ds, VOID + "subset", docs)
        t.append(ox.Triple(docs, rdf_type, _n(VOID + "Dataset")))
        add(docs, DCTERMS + "title", ox.Literal("Document graphs", language="en"))
        add(docs, VOID + "triples", _lit(in_documents))
        add(docs, VOID + "documents", _lit(len(documents)))
    sources = [*documents, *(g for g in per_graph if g == keys.graph_iri("ofsted"))]
    for src in sorted(sources):
        add(ds, DCTERMS + "source", _n(src))
        add(ds, PROV + "wasDerivedFrom", _n(src))
    # Unchanged content keeps its description (and so its timestamps); changed content keeps the first creation time.
    created, modified = _n(DCTERMS + "created"), _n(DCTERMS + "modified")
    graph = _n(DATASET_GRAPH)
    old = [ox.Triple(q.subject, q.predicate, q.object) for q in ox_store.quads_for_pattern(None, None, None, graph)]
    if old and {x for x in old if x.predicate not in (created, modified)} == {
        x for x in t if x.predicate not in (created, modified)
    }:
        return len(old)
    first = next((x.object for x in old if x.subject == ds and x.predicate == created), None)
    if first is not None:
        t = [ox.Triple(ds, created, first) if x.subject == ds and x.predicate == created else x for x in t]
    body = ox.serialize(t, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    ox_store.update(f"DROP SILENT GRAPH <{DATASET_GRAPH}> ;\nINSERT DATA {{ GRAPH <{DATASET_GRAPH}> {{\n{body}\n}} }}")
    return len(t)


def _class_key(cls: str) -> str:
    """A readable, IRI-safe key for a class partition: ``cg-Inspection``, ``rdf-Statement``."""
    for prefix, ns in sorted(export_prefixes().items(), key=lambda kv: -len(kv[1])):
        if cls.startswith(ns) and re.fullmatch(r"[A-Za-z][\w-]*", cls[len(ns) :]):
            return f"{prefix}-{cls[len(ns) :]}"
    return "h-" + hashlib.sha1(cls.encode("utf-8")).hexdigest()[:12]
