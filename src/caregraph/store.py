"""Stage 5 — store: a persistent Oxigraph store on disk, one named graph per document.

Open it with :func:`open_store` (a context manager). Writers take a lock file, so two builds never write one store
at once; readers open it read-only and see a consistent snapshot even while a build runs. A new document's graph
is added in one transaction with its metadata; a changed document's graph is replaced by a single SPARQL update
(drop and insert in one transaction), so a build killed at any moment leaves every document either as it was or
fully new.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from caregraph import iris
from caregraph.errors import StoreError, StoreLocked
from caregraph.resources import ontology_file

DEFAULT_STORE = "caregraph-store"
STORE_ENV = "CAREGRAPH_STORE"
LOCK_NAME = "caregraph.lock"
CG_NS = "https://w3id.org/caregraph/ontology#"

# Reference graphs loaded into every store, each from a file of the ontology folder.
REFERENCE_GRAPHS = {
    "ontology": "caregraph.ttl",
    "vocabularies": "vocabularies.ttl",
    "councils": "councils.ttl",
}


def resolve_path(path: str | os.PathLike[str] | None) -> Path:
    """``--store``, else ``$CAREGRAPH_STORE``, else ``./caregraph-store``."""
    if path:
        return Path(path)
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


def to_ox(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def graph_quads(graph: Graph, name: str | URIRef) -> Iterator[ox.Quad]:
    g = ox.NamedNode(str(name))
    for s, p, o in graph:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), g)


class Store:
    """A caregraph store: an Oxigraph store plus caregraph's conventions about graphs and documents."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False, lock_timeout: float = 600.0, on_wait=None):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._lock = None
        if self.path is None:
            self.ox = ox.Store()
            return
        if read_only:
            if not (self.path / "CURRENT").exists():
                raise StoreError(f"no caregraph store at {self.path}; run 'caregraph build PATH --store {self.path}' first")
            try:
                self.ox = ox.Store.read_only(str(self.path))
            except OSError as exc:
                raise StoreError(f"cannot open the store at {self.path}: {exc}") from None
            return
        from filelock import FileLock, Timeout

        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store folder {self.path}: {exc.strerror or exc}") from None
        self._lock = FileLock(str(self.path / LOCK_NAME))
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            if on_wait is not None:
                on_wait(f"another caregraph process is writing {self.path}; waiting for it to finish (up to {lock_timeout:.0f} s)…")
            try:
                self._lock.acquire(timeout=lock_timeout)
            except Timeout:
                raise StoreLocked(f"the store {self.path} is locked by another caregraph process; try again when it has finished") from None
        try:
            self.ox = ox.Store(str(self.path))
        except OSError as exc:
            self._lock.release()
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from None

    # ------------------------------------------------------------------------------------------ lifetime
    def close(self) -> None:
        store = getattr(self, "ox", None)
        if store is not None and not self.read_only and self.path is not None:
            try:
                store.flush()
            except OSError:
                pass
        self.ox = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------ documents
    def documents(self) -> dict[str, str]:
        """Document IRI → sha256 of every document in the store."""
        q = f"SELECT ?d ?h WHERE {{ GRAPH ?d {{ ?d a <{CG_NS}Document> ; <{CG_NS}sha256> ?h }} }}"
        return {sol["d"].value: sol["h"].value for sol in self.ox.query(q)}

    def add_graphs(self, graphs: Iterable[tuple[str, Graph]]) -> int:
        """Add new document graphs in one transaction; return the quad count added."""
        quads = [q for name, graph in graphs for q in graph_quads(graph, name)]
        if quads:
            self.ox.extend(quads)
        return len(quads)

    def replace_graph(self, name: str, graph: Graph) -> int:
        """Replace a document's graph in one transaction (drop and insert in a single SPARQL update)."""
        self._replace(name, (ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph))
        return len(graph)

    def _replace(self, name: str, triples: Iterable[ox.Triple]) -> None:
        body = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        self.ox.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")

    def remove_document(self, name: str) -> None:
        self.ox.remove_graph(ox.NamedNode(name)) if self.ox.contains_named_graph(ox.NamedNode(name)) else None

    def clear(self) -> None:
        self.ox.clear()

    def __len__(self) -> int:
        return len(self.ox)

    # ------------------------------------------------------------------------------------------ reference data
    def ensure_reference_graphs(self) -> None:
        """Load the ontology, vocabularies and councils gazetteer, each into its own named graph, when missing or
        changed (a digest of the file is kept in the graph)."""
        for name, filename in REFERENCE_GRAPHS.items():
            path = ontology_file(filename)
            if not path.exists():
                continue
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            graph = ox.NamedNode(str(iris.graph(name)))
            marker = ox.Quad(graph, ox.NamedNode(f"{CG_NS}sha256"), ox.Literal(digest), graph)
            if marker in self.ox:
                continue
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=graph.value)]
            self._replace(graph.value, [*triples, ox.Triple(marker.subject, marker.predicate, marker.object)])


@contextmanager
def open_store(path: str | os.PathLike[str] | None = None, *, read_only: bool = False, lock_timeout: float = 600.0, on_wait=None) -> Iterator[Store]:
    """Open the store at ``path`` (``--store``, ``$CAREGRAPH_STORE`` or ``./caregraph-store``) for the ``with`` block."""
    store = Store(resolve_path(path), read_only=read_only, lock_timeout=lock_timeout, on_wait=on_wait)
    try:
        yield store
    finally:
        store.close()


def memory_store() -> Store:
    """An in-memory store (for tests and one-off work)."""
    return Store(None)


def _stderr(message: str) -> None:  # pragma: no cover - used by callers that have no console
    print(message, file=sys.stderr)
