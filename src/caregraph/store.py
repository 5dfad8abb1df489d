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
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from caregraph import keys
from caregraph.errors import StoreError, StoreLocked
from caregraph.resources import ontology_file

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

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


@cache
def _terms():
    """rdflib's term classes, imported on first use: reading a store (caregraph query) never needs rdflib (~0.1 s)."""
    from rdflib import BNode, Literal, URIRef

    return URIRef, Literal, BNode


def to_ox(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    URIRef, Literal, BNode = _terms()
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


# ---------------------------------------------------------------------------------------------- N-Triples, fast
# The build's workers hand each document's graph to the writer as N-Triples bytes, which Oxigraph's parser loads
# far faster than Python can make pyoxigraph terms one by one (docs/performance.md).

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _iri_nt(value: str) -> str:
    if _BAD_IRI.search(value) or ":" not in value:
        raise ValueError(f"not a valid IRI: {value!r}")
    return f"<{value}>"


def term_nt(term) -> str:
    """An rdflib term in N-Triples syntax (the same text ``pyoxigraph.serialize`` gives for :func:`to_ox`)."""
    URIRef, Literal, BNode = _terms()
    if isinstance(term, URIRef):
        return _iri_nt(str(term))
    if isinstance(term, Literal):
        lexical = '"' + str(term).translate(_NT_ESCAPES) + '"'
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f"{lexical}^^{_iri_nt(str(term.datatype))}"
        return lexical
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


def graph_ntriples(graph: Iterable[tuple]) -> bytes:
    """A graph (an rdflib ``Graph`` or any iterable of rdflib triples) as N-Triples bytes, one triple a line.
    Raises ``ValueError`` for a term that is not valid RDF."""
    seen: dict = {}
    lines = []
    for triple in graph:
        parts = []
        for term in triple:
            text = seen.get(term)
            if text is None:
                text = seen[term] = term_nt(term)
            parts.append(text)
        lines.append(f"{parts[0]} {parts[1]} {parts[2]} .\n")
    return "".join(lines).encode("utf-8")


def ntriples_to_nquads(name: str, ntriples: bytes) -> bytes:
    """Put N-Triples (one triple a line, as :func:`graph_ntriples` writes them) into the named graph ``name``.

    Safe because N-Triples escapes every line break inside literals: " .\\n" only ends a line."""
    return ntriples.replace(b" .\n", f" <{name}> .\n".encode())


def _open_read_only(path: Path, attempts: int = 10) -> ox.Store:
    """Open a store read-only. A build writing it at the same time may delete a file (a compacted table, a flushed
    log) between the moment the reader lists the store's files and the moment it opens them; the reader then simply
    tries again, and gets a consistent snapshot of the committed transactions (docs/reliability.md)."""
    import time

    for attempt in range(attempts):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:
            if any(sign in str(exc) for sign in _UNFINISHED):
                # A build stopped while it was creating the store: nothing was committed yet; the next writer
                # finishes creating it.
                raise StoreError(
                    f"the store at {path} was never finished (a build was stopped while creating it); run 'caregraph build PATH --store {path}' to complete it"
                ) from None
            if "No such file or directory" not in str(exc) or attempt == attempts - 1:
                raise StoreError(f"cannot open the store at {path}: {exc}") from None
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("unreachable")


# What Oxigraph says when opening read-only a store whose creation was cut short.
_UNFINISHED = ("Column family not found", "Inserts are only possible on read-write instances")


class Store:
    """A caregraph store: an Oxigraph store plus caregraph's conventions about graphs and documents."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        read_only: bool = False,
        lock_timeout: float = 600.0,
        on_wait=None,
    ):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._lock = None
        if self.path is None:
            self.ox = ox.Store()
            return
        if read_only:
            if not (self.path / "CURRENT").exists():
                raise StoreError(
                    f"no caregraph store at {self.path}; run 'caregraph build PATH --store {self.path}' first"
                )
            self.ox = _open_read_only(self.path)
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
                on_wait(
                    f"another caregraph process is writing {self.path}; waiting for it to finish (up to {lock_timeout:.0f} s)…"
                )
            try:
                self._lock.acquire(timeout=lock_timeout)
            except Timeout:
                raise StoreLocked(
                    f"the store {self.path} is locked by another caregraph process; try again when it has finished"
                ) from None
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

    def __enter__(self) -> Store:
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
        docs = [(str(name), graph_ntriples(graph)) for name, graph in graphs]
        self.add_ntriples(docs)
        return sum(nt.count(b"\n") for _, nt in docs)

    def add_ntriples(self, docs: Iterable[tuple[str, bytes]]) -> None:
        """Add new documents, each ``(graph name, N-Triples bytes)``, in one transaction: all or none of them."""
        data = b"".join(ntriples_to_nquads(name, nt) for name, nt in docs)
        if data:
            self.ox.load(data, format=ox.RdfFormat.N_QUADS)

    def bulk_add_ntriples(self, docs: Iterable[tuple[str, bytes]]) -> None:
        """Add new documents with Oxigraph's bulk loader: about 3× less work than :meth:`add_ntriples`, but not
        one transaction. Each document's ``cg:sha256`` triple, by which a build knows the document is in the store,
        is written after everything else, in one transaction; so a document cut short by a crash has no hash, and
        the next build replaces its graph whole (``caregraph build --bulk``, docs/performance.md)."""
        body, markers = [], []
        for name, nt in docs:
            marker = f"<{name}> <{CG_NS}sha256> ".encode()
            for line in ntriples_to_nquads(name, nt).splitlines(keepends=True):
                (markers if line.startswith(marker) else body).append(line)
        if body:
            self.ox.bulk_load(b"".join(body), format=ox.RdfFormat.N_QUADS)
        if markers:
            self.ox.load(b"".join(markers), format=ox.RdfFormat.N_QUADS)

    def document_graphs(self) -> set[str]:
        """The IRIs of every named graph holding a document (with or without its metadata)."""
        prefix = keys.document_iri("x")[:-16]
        return {g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(prefix)}

    def replace_graph(self, name: str, graph: Graph) -> int:
        """Replace a document's graph in one transaction (drop and insert in a single SPARQL update)."""
        self.replace_ntriples(str(name), graph_ntriples(graph))
        return len(graph)

    def replace_ntriples(self, name: str, ntriples: bytes) -> None:
        """Replace a document's graph by these N-Triples in one transaction (one SPARQL update: drop, insert)."""
        self.ox.update(
            f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{ntriples.decode('utf-8')}\n}} }}"
        )

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
            graph = ox.NamedNode(keys.graph_iri(name))
            marker = ox.Quad(graph, ox.NamedNode(f"{CG_NS}sha256"), ox.Literal(digest), graph)
            if marker in self.ox:
                continue
            triples = [
                ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=graph.value)
            ]
            self._replace(graph.value, [*triples, ox.Triple(marker.subject, marker.predicate, marker.object)])


@contextmanager
def open_store(
    path: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    lock_timeout: float | None = None,
    on_wait=None,
) -> Iterator[Store]:
    """Open the store at ``path`` (``--store``, ``$CAREGRAPH_STORE`` or ``./caregraph-store``) for the ``with`` block.

    A writer waits up to ``lock_timeout`` seconds for another writer to finish (default ``$CAREGRAPH_LOCK_TIMEOUT``,
    else 600), then fails with :class:`StoreLocked`."""
    store = Store(resolve_path(path), read_only=read_only, lock_timeout=_lock_timeout(lock_timeout), on_wait=on_wait)
    try:
        yield store
    finally:
        store.close()


LOCK_TIMEOUT_ENV = "CAREGRAPH_LOCK_TIMEOUT"


def _lock_timeout(value: float | None) -> float:
    if value is not None:
        return value
    raw = os.environ.get(LOCK_TIMEOUT_ENV)
    if not raw:
        return 600.0
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:
        raise StoreError(f"${LOCK_TIMEOUT_ENV} is {raw!r}; it must be a number of seconds, 0 or more")
    return seconds


def memory_store() -> Store:
    """An in-memory store (for tests and one-off work)."""
    return Store(None)


def _stderr(message: str) -> None:  # pragma: no cover - used by callers that have no console
    print(message, file=sys.stderr)
