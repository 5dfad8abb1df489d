"""Stage 5 — store: a persistent Oxigraph store on disk, one named graph per document.

Open it with :func:`open_store` (a context manager). Writers take a lock file, so two builds never write one store
at once; readers open it read-only, never while a writer changes it, and read a snapshot of what a build has committed
while it runs (:mod:`caregraph.snapshots`). New documents are added a
batch at a time with their metadata by Oxigraph's bulk loader, which makes its sorted tables on disk and then hands
them all to RocksDB in one atomic ingestion (:meth:`Store.add_ntriples`); a changed document's graph is replaced by a
single SPARQL update (drop and insert in one transaction). So a build killed at any moment leaves every document
either as it was or fully new. Each of these writes (and :meth:`Store.remove_document`) updates the document's
entries in the index graph (:mod:`caregraph.index`) in the same ingestion or transaction.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pyoxigraph as ox

from caregraph import index, iris, snapshots
from caregraph.errors import StoreError, StoreLocked
from caregraph.namespaces import CG, RDF
from caregraph.ntriples import (  # noqa: F401 (graph_ntriples, ntriples_to_nquads, term_nt: re-exported from here)
    graph_ntriples,
    ntriples_to_nquads,
    ox_ntriples,
    rdflib_terms,
    term_nt,
)
from caregraph.resources import ontology_file

if TYPE_CHECKING:
    from rdflib import Graph, URIRef

_TYPE = ox.NamedNode(RDF + "type")
_DOCUMENT = ox.NamedNode(CG + "Document")
_SHA256 = ox.NamedNode(CG + "sha256")
_FILE = ox.NamedNode(CG + "file")

DEFAULT_STORE = "caregraph-store"
STORE_ENV = "CAREGRAPH_STORE"
LOCK_NAME = "caregraph.lock"
CG_NS = CG  # kept for older callers

# Reference graphs loaded into every store, each from a file of the ontology folder.
REFERENCE_GRAPHS = {
    "ontology": "caregraph.ttl",
    "vocabularies": "vocabularies.ttl",
    "councils": "councils.ttl",
}


def _lexical(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """A term's value (an IRI, a blank node's id, a literal's lexical form), as a SPARQL solution's ``.value``."""
    return str(term) if isinstance(term, ox.Triple) else term.value


def resolve_path(path: str | os.PathLike[str] | None) -> Path:
    """``--store``, else ``$CAREGRAPH_STORE``, else ``./caregraph-store``."""
    if path:
        return Path(path)
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


def to_ox(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    URIRef, Literal, BNode = rdflib_terms()
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
        yield ox.Quad(cast(Any, to_ox(s)), cast(ox.NamedNode, to_ox(p)), to_ox(o), g)


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


# What RocksDB says when another process (or a store object not yet freed in this one) still holds its LOCK file.
_ROCKSDB_LOCKED = ("While lock file", "Resource temporarily unavailable", "lock hold by current process")


def _open_writable(path: Path, deadline: float) -> ox.Store:
    """Open a store for writing, once caregraph's lock is held. The writer before us releases caregraph's lock when
    it closes the store, and RocksDB releases its own ``LOCK`` when the store object is freed: a moment later, or
    later still if something kept a reference. So a RocksDB lock error is retried until ``deadline`` (the lock
    timeout, counted from when we started waiting) rather than reported (docs/reliability.md, "Two writers")."""
    delay = 0.005
    while True:
        try:
            store = ox.Store(str(path))
            _remove_unused_tables(path)
            return store
        except OSError as exc:
            if not any(sign in str(exc) for sign in _ROCKSDB_LOCKED) or time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def _remove_unused_tables(path: Path) -> None:
    """Delete the tables a bulk load killed before its commit left beside the store (``bulk-<number>.sst``). RocksDB
    never read them: a committed load's tables are linked into the store under RocksDB's own numbered names, so the
    leftover names are only disk space. Safe only while this process holds the store's lock, as the caller does."""
    for leftover in path.glob("bulk-*.sst"):
        if _BULK_TABLE.match(leftover.name):
            try:
                leftover.unlink()
            except OSError:
                pass


# The name of a table the bulk loader writes beside the store before its commit.
_BULK_TABLE_NAME = r"bulk-\d+\.sst"
_BULK_TABLE = re.compile(rf"^{_BULK_TABLE_NAME}$")


# What Oxigraph says when opening read-only a store whose creation was cut short.
_UNFINISHED = ("Column family not found", "Inserts are only possible on read-write instances")


# What a store folder may hold: Oxigraph's RocksDB files, caregraph's lock file and snapshots folder.
_STORE_FILE = re.compile(
    rf"^(CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+(\.dbtmp)?|\d+\.(log|sst|blob|dbtmp)|{_BULK_TABLE_NAME})$"
)


def check_store_folder(path: Path) -> None:
    """Refuse ``path`` as a store unless it is missing, empty, a store (``CURRENT`` and a ``MANIFEST-…``), or what a
    store's creation cut short leaves (``LOCK`` or ``IDENTITY`` and nothing but RocksDB's files). Oxigraph would
    otherwise write its files among the user's own (and rename a ``LOG`` of theirs), or fail obscurely (``/proc``)."""
    try:
        names = [n for n in os.listdir(path) if n not in (LOCK_NAME, snapshots.FOLDER)]
    except FileNotFoundError:
        return
    except NotADirectoryError:
        raise StoreError(f"{path} is a file, not a store folder; give --store a new or empty folder") from None
    except OSError as exc:
        raise StoreError(f"cannot open the store folder {path}: {exc.strerror or exc}") from None
    if not names or ("CURRENT" in names and any(n.startswith("MANIFEST-") for n in names)):
        return
    if {"LOCK", "IDENTITY"} & set(names) and all(_STORE_FILE.match(n) for n in names):
        return
    shown = ", ".join(repr(n) for n in sorted(names)[:3]) + (f" and {len(names) - 3:,} more" if len(names) > 3 else "")
    raise StoreError(
        f"{path} is neither empty nor a caregraph store (it holds {shown}); give --store a new or empty folder, or an existing store"
    )


class Store:
    """A caregraph store: an Oxigraph store plus caregraph's conventions about graphs and documents."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        read_only: bool = False,
        lock_timeout: float = 600.0,
        on_wait=None,
        must_exist: bool = False,
    ):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._lock = None
        self._gate: snapshots.WriterGate | None = None
        self._in_use: int | None = None
        if self.path is None:
            self.ox = ox.Store()
            return
        if (read_only or must_exist) and not (self.path / "CURRENT").exists():
            raise StoreError(f"no caregraph store at {self.path}; run 'caregraph build PATH --store {self.path}' first")
        if read_only:
            if snapshots.available():
                self.ox, self._in_use = snapshots.open_for_reading(
                    self.path, LOCK_NAME, _open_read_only, time.monotonic() + lock_timeout, on_wait
                )
            else:  # pragma: no cover - no advisory locks (Windows)
                self.ox = _open_read_only(self.path)
            return
        from filelock import FileLock, Timeout

        # A folder with caregraph's lock file is one a caregraph process made: it is checked once the lock is held,
        # not now, while another process may be creating the store in it (RocksDB writes its LOG first).
        if not (self.path / LOCK_NAME).exists():
            check_store_folder(self.path)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            # Open the lock file once ourselves: a folder we may not write (or a pseudo-file system) is a clear
            # error here, not a lock that "another process" seems to hold.
            os.close(os.open(self.path / LOCK_NAME, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644))
        except OSError as exc:
            raise StoreError(f"cannot write the store folder {self.path}: {exc.strerror or exc}") from None
        self._lock = FileLock(str(self.path / LOCK_NAME))
        started = time.monotonic()
        try:
            self._lock.acquire(timeout=0)
        except Timeout:  # a TimeoutError, so an OSError: caught before OSError
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
        except OSError as exc:
            raise StoreError(f"cannot lock the store folder {self.path}: {exc.strerror or exc}") from None
        try:
            check_store_folder(self.path)
            if snapshots.available():
                self._gate = snapshots.WriterGate(self.path, started + lock_timeout)
            self.ox = _open_writable(self.path, started + lock_timeout)
        except BaseException as exc:
            if self._gate is not None:
                self._gate.close()
            self._lock.release()
            if isinstance(exc, OSError) and not isinstance(exc, StoreError):
                raise StoreError(f"cannot open the store at {self.path}: {exc}") from None
            raise

    # ------------------------------------------------------------------------------------------ lifetime
    def close(self) -> None:
        store = getattr(self, "ox", None)
        if store is not None and not self.read_only and self.path is not None:
            try:
                store.flush()
            except OSError:
                pass
        self.ox = None  # type: ignore[assignment]
        del store  # the last reference here: RocksDB's LOCK is released now, before caregraph's lock is
        snapshots.release(self._in_use)
        self._in_use = None
        if self._gate is not None:
            self._gate.close()
            self._gate = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------ reading
    # Every module reads and writes the store through these methods; only caregraph.query evaluates SPARQL on
    # ``self.ox`` directly (with its own timeouts and error handling).
    def query(self, text: str, **options):
        """Evaluate SPARQL ``text`` (``prefixes=``, ``use_default_graph_as_union=``, … as pyoxigraph takes them)."""
        return self.ox.query(text, **options)

    def quads(
        self, s=None, p=None, o=None, graph: str | ox.NamedNode | ox.DefaultGraph | None = None
    ) -> Iterator[ox.Quad]:
        """The quads matching the pattern of pyoxigraph terms (``None`` matches anything; ``graph`` may also be an
        IRI string), streamed in the order of the store's index."""
        g = ox.NamedNode(graph) if isinstance(graph, str) else graph
        return self.ox.quads_for_pattern(s, p, o, g)

    def __contains__(self, quad: ox.Quad) -> bool:
        return quad in self.ox

    def has_graph(self, name: str | ox.NamedNode) -> bool:
        """Whether the store holds the named graph ``name``."""
        return self.ox.contains_named_graph(ox.NamedNode(name) if isinstance(name, str) else name)

    def graph_names(self) -> list[str]:
        """The IRIs of every named graph in the store (graphs named by blank nodes left out), unordered."""
        return [g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode)]

    def has_default_graph(self) -> bool:
        """Whether the default graph holds anything (caregraph itself writes only named graphs)."""
        return next(iter(self.quads(graph=ox.DefaultGraph())), None) is not None

    def dump_ntriples(self, graph: ox.NamedNode | ox.DefaultGraph) -> bytes:
        """One graph of the store as N-Triples bytes."""
        return self.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""

    # ------------------------------------------------------------------------------------------ documents
    def documents(self) -> dict[str, str]:
        """Document IRI → sha256 of every document in the store."""
        return {name.value: sha for name, sha in self._document_hashes().items()}

    def document_files(self) -> dict[str, tuple[str, str | None]]:
        """Document IRI → (sha256, the file it was built from as it was given, ``cg:file``) of every document."""
        hashes = self._document_hashes()
        files = {
            q.subject: _lexical(q.object)
            for q in self.ox.quads_for_pattern(None, _FILE, None, None)
            if q.subject == q.graph_name and q.subject in hashes
        }
        return {name.value: (sha, files.get(name)) for name, sha in hashes.items()}

    def _document_hashes(self) -> dict[Any, str]:
        """Document node → sha256: the graphs ``?d`` holding ``?d a cg:Document ; cg:sha256 ?h``, read from the
        store's indexes by pattern (6,858 documents: 0.15 s of CPU; the SPARQL query that also took the files,
        0.25 to 0.45 s)."""
        documents = {
            q.subject for q in self.ox.quads_for_pattern(None, _TYPE, _DOCUMENT, None) if q.subject == q.graph_name
        }
        return {
            q.subject: _lexical(q.object)
            for q in self.ox.quads_for_pattern(None, _SHA256, None, None)
            if q.subject == q.graph_name and q.subject in documents
        }

    def add_graphs(self, graphs: Iterable[tuple[str, Graph]]) -> int:
        """Add new document graphs in one transaction; return the quad count added."""
        docs = [(str(name), graph_ntriples(graph)) for name, graph in graphs]
        self.add_ntriples(docs)
        return sum(nt.count(b"\n") for _, nt in docs)

    def add_ntriples(self, docs: Iterable[tuple[str, bytes]]) -> None:
        """Add new documents, each ``(graph name, N-Triples bytes)``, with their index entries: all or none of them.

        Written by Oxigraph's bulk loader, about a third of the work of a transaction (docs/performance.md, "A
        cheaper atomic writer"). Since pyoxigraph 0.5 the loader writes sorted tables beside the store and, when it
        commits, ingests all of them, every column family at once, in one RocksDB ``IngestExternalFiles`` call,
        which RocksDB applies atomically; so a process killed at any moment leaves the batch wholly in the store
        or wholly out of it (``tests/test_crash.py`` kills writers mid-batch to check it). The graphs must be new:
        the loader adds, it does not replace (:meth:`replace_ntriples` does)."""
        data = b"".join(ntriples_to_nquads(name, nt) + index.entries(name, nt) for name, nt in docs)
        if data:
            self.ox.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            self._wrote()

    def document_graphs(self) -> set[str]:
        """The IRIs of every named graph holding a document (with or without its metadata)."""
        prefix = iris.document_prefix()
        return {name for name in self.graph_names() if name.startswith(prefix)}

    def document_forms(self) -> dict[str, str]:
        """Document IRI → the caregraph version and graph form it was written with (:data:`caregraph.index.FORM`),
        from the index; a document missing here was written by a caregraph without the index."""
        return index.forms(self)

    def replace_graph(self, name: str, graph: Graph) -> int:
        """Replace a document's graph in one transaction (drop and insert in a single SPARQL update)."""
        self.replace_ntriples(str(name), graph_ntriples(graph))
        return len(graph)

    def replace_ntriples(self, name: str, ntriples: bytes) -> None:
        """Replace a graph by these N-Triples in one transaction (one SPARQL update: drop, insert), its index
        entries with it (:mod:`caregraph.index`: none unless the graph is a document's)."""
        entries = index.insert(index.entries(name, ntriples))
        self.ox.update(
            f"DROP SILENT GRAPH <{name}> ;\n{index.drop(name)} ;\n"
            f"INSERT DATA {{ GRAPH <{name}> {{\n{ntriples.decode('utf-8')}\n}} }}"
            + (f" ;\n{entries}" if entries else "")
        )
        self._wrote()

    def replace_triples(self, name: str, triples: Iterable[ox.Triple]) -> None:
        """Replace a graph by these pyoxigraph triples in one transaction (:meth:`replace_ntriples`)."""
        self.replace_ntriples(name, ox_ntriples(triples))

    def update(self, text: str, **options) -> None:
        """Run a SPARQL update in one transaction."""
        self.ox.update(text, **options)
        self._wrote()

    def flush(self) -> None:
        """Write what the store holds in memory to disk (RocksDB's memtables; docs/performance.md, "Memory")."""
        self.ox.flush()

    def optimize(self) -> None:
        """Compact the store's tables (RocksDB's full compaction). Each batch the bulk loader ingests is a set of
        new tables that every read then also consults, until RocksDB merges them; after a large build this merge
        makes queries about 15 % cheaper (docs/performance.md, "A cheaper atomic writer"). Its cost grows with
        the whole store, not with what was just written."""
        self.ox.optimize()

    def remove_document(self, name: str) -> None:
        """Drop a graph and its index entries, in one transaction (nothing when the store has no such graph)."""
        if self.ox.contains_named_graph(ox.NamedNode(name)):
            self.ox.update(f"DROP SILENT GRAPH <{name}> ;\n{index.drop(name)}")
            self._wrote()

    def clear(self) -> None:
        self.ox.clear()
        self._wrote()

    # ------------------------------------------------------------------------------------------ sharing
    def share_snapshot(self) -> None:
        """Let readers in while this writer works: they read a snapshot of what it has committed, renewed after
        its writes every :data:`caregraph.snapshots.SNAPSHOT_SECONDS` (a long writer, ``build``, calls this when it
        starts; until then, and in a writer that never calls it, readers wait for the writer to finish)."""
        if self._gate is not None:
            self._gate.publish(self.ox)

    def _wrote(self) -> None:
        if self._gate is not None and self._gate.due():
            self._gate.publish(self.ox)

    def __len__(self) -> int:
        return len(self.ox)

    # ------------------------------------------------------------------------------------------ reference data
    def ensure_reference_graphs(self) -> bool:
        """Load the ontology, vocabularies and councils gazetteer, each into its own named graph, when missing or
        changed (a digest of the file is kept in the graph). True when any graph was (re)loaded."""
        loaded = False
        for name, filename in REFERENCE_GRAPHS.items():
            path = ontology_file(filename)
            if not path.exists():
                continue
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            graph = ox.NamedNode(iris.graph_iri(name))
            marker = ox.Quad(graph, ox.NamedNode(f"{CG}sha256"), ox.Literal(digest), graph)
            if marker in self.ox:
                continue
            triples = [
                ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=graph.value)
            ]
            self.replace_triples(graph.value, [*triples, ox.Triple(marker.subject, marker.predicate, marker.object)])
            loaded = True
        return loaded


@contextmanager
def open_store(
    path: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    lock_timeout: float | None = None,
    on_wait=None,
    must_exist: bool = False,
) -> Iterator[Store]:
    """Open the store at ``path`` (``--store``, ``$CAREGRAPH_STORE`` or ``./caregraph-store``) for the ``with`` block.

    A writer waits up to ``lock_timeout`` seconds for another writer to finish (default ``$CAREGRAPH_LOCK_TIMEOUT``,
    else 600), then fails with :class:`StoreLocked`. ``must_exist=True`` refuses to create a store for a writer
    (every command but ``build`` writes only to a store that exists)."""
    store = Store(
        resolve_path(path),
        read_only=read_only,
        lock_timeout=_lock_timeout(lock_timeout),
        on_wait=on_wait,
        must_exist=must_exist,
    )
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
