"""The document index: a small graph, ``…/graph/index``, that says who published each document and with which
form of caregraph its graph was written, so a question about one council starts from that council's documents
instead of every graph in the store (docs/performance.md, "Queries").

For every document graph ``D`` it holds ``D cg:publisher P`` for each ``D dcterms:publisher P`` the document's own
graph states (the identified council, or the document's unidentified publisher ``{D}/publisher``), or, when it
states none (the mapping names the unidentified publisher only when a key needs it), ``{D}/publisher``: every
document is listed, so a question with no council still finds every document; and ``D cg:graphForm "version/form"``: the caregraph version and :data:`GRAPH_FORM` the graph was
written with. The graph itself carries ``owl:versionInfo`` :data:`INDEX_VERSION` once the index is complete.

The entries are written by :class:`caregraph.store.Store` in the same transaction as the document's graph (added,
replaced or removed), so a build killed at any moment leaves both or neither. A store written by a caregraph
without the index gets one from the next build (:func:`ensure`: the publishers copied from the document graphs, in
one transaction); its documents then have no ``cg:graphForm`` of this caregraph, so that build rebuilds them
(:func:`forms`). A named query run on such a store before that falls back to reading the publishers from the
document graphs (:func:`without_index`), which gives the same rows, only slower.

>>> doc = "https://w3id.org/caregraph/id/doc/0123"
>>> nt = f"<{doc}> <{RDF}type> <{CG}Document> .\\n<{doc}> <{DCTERMS}publisher> <{doc}/publisher> .\\n".encode()
>>> [line.split()[1] for line in entries(doc, nt).decode().splitlines()] == [f"<{GRAPH_FORM_P}>", f"<{PUBLISHER}>"]
True
>>> entries(doc, b"<x:s> <x:p> <x:o> .\\n")
b''
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pyoxigraph as ox

from caregraph import __version__, iris
from caregraph.namespaces import CG, DCTERMS, ORG, OWL, RDF

if TYPE_CHECKING:
    from caregraph.store import Store

INDEX_GRAPH = iris.graph_iri("index")
# The layout of the index graph itself; a store whose index has another (or none) gets a new one from the next build.
INDEX_VERSION = "2"  # 2: cg:postsIn
# The form of the document graphs the mapping writes. Bump it when a change of caregraph gives the same document a
# graph of another form (RDF 1.2 reifiers instead of classic reification was form 2): a build then rebuilds every
# document written in an older form, even when its file is unchanged.
GRAPH_FORM = 2
FORM = f"{__version__}/{GRAPH_FORM}"

PUBLISHER = CG + "publisher"
GRAPH_FORM_P = CG + "graphForm"
POSTS_IN = CG + "postsIn"
# What ``D cg:postsIn`` names for a post of D that is in no organisation (a Secretary of State's, an inspector's).
UNPLACED = INDEX_GRAPH + "#unplaced"
_VERSION_INFO = OWL + "versionInfo"

# The lines of a document's N-Triples the entries are read from (as caregraph.ntriples writes them: one triple a line,
# IRIs in full), each found by its text after the subject: a search for a fixed string, where a regular expression
# anchored at each line's start would try every line of the graph.
_TYPE_DOCUMENT = f"> <{RDF}type> <{CG}Document> .".encode()
_TYPE_POST = f"> <{RDF}type> <{CG}Post> .".encode()
_PUBLISHER_OF = f"> <{DCTERMS}publisher> <".encode()
_POST_IN = f"> <{ORG}postIn> <".encode()


def _lines(ntriples: bytes, after_subject: bytes) -> Iterator[tuple[bytes, int]]:
    """Each line ``<s>`` + ``after_subject`` … of the N-Triples: its subject ``s`` (an IRI) and where the text after
    ``after_subject`` starts."""
    at = ntriples.find(after_subject)
    while at >= 0:
        start = ntriples.rfind(b"\n", 0, at) + 1
        if ntriples.startswith(b"<", start) and ntriples.find(b">", start, at) < 0:
            yield ntriples[start + 1 : at], at + len(after_subject)
        at = ntriples.find(after_subject, at + 1)


def _ends_line(ntriples: bytes, at: int) -> bool:
    return at == len(ntriples) or ntriples.startswith(b"\n", at)


def _typed(ntriples: bytes, type_line: bytes) -> Iterator[bytes]:
    """The subjects of the lines ``<s> rdf:type <class> .`` (``type_line``: the text after the subject)."""
    return (s for s, end in _lines(ntriples, type_line) if _ends_line(ntriples, end))


def _objects(ntriples: bytes, predicate: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(subject, object) of the lines ``<s> <p> <o> .`` (``predicate``: the text from the subject's ``>`` to the
    object's ``<``)."""
    for s, at in _lines(ntriples, predicate):
        end = ntriples.find(b">", at)
        if end >= 0 and ntriples.startswith(b"> .", end) and _ends_line(ntriples, end + 3):
            yield s, ntriples[at:end]


def _posts_in(ntriples: bytes) -> set[bytes]:
    """The organisations the posts of these N-Triples are in, and :data:`UNPLACED` if one is in none."""
    posts = set(_typed(ntriples, _TYPE_POST))
    placed: set[bytes] = set()
    out: set[bytes] = set()
    if posts:
        for post, organisation in _objects(ntriples, _POST_IN):
            if post in posts:
                placed.add(post)
                out.add(organisation)
    if posts - placed:
        out.add(UNPLACED.encode())
    return out


def entries(name: str, ntriples: bytes) -> bytes:
    """The index entries of the graph ``name`` with these N-Triples, as N-Quads in the index graph: nothing unless
    the graph is a document's (it says ``name a cg:Document``); else its form and each of its publishers."""
    own = name.encode()
    if own not in _typed(ntriples, _TYPE_DOCUMENT):
        return b""
    subject, graph = b"<" + own + b">", f"<{INDEX_GRAPH}>".encode()
    lines = [b"%s <%s> %s %s .\n" % (subject, GRAPH_FORM_P.encode(), str(ox.Literal(FORM)).encode(), graph)]
    publishers = [o for s, o in _objects(ntriples, _PUBLISHER_OF) if s == own]
    for publisher in publishers or [iris.unidentified_publisher(name).encode()]:
        lines.append(b"%s <%s> <%s> %s .\n" % (subject, PUBLISHER.encode(), publisher, graph))
    for organisation in sorted(_posts_in(ntriples)):
        lines.append(b"%s <%s> <%s> %s .\n" % (subject, POSTS_IN.encode(), organisation, graph))
    return b"".join(lines)


def drop(name: str) -> str:
    """A SPARQL update operation deleting the index entries of the graph ``name`` (none is fine)."""
    return f"DELETE WHERE {{ GRAPH <{INDEX_GRAPH}> {{ <{name}> ?p ?o }} }}"


def insert(nquads: bytes) -> str:
    """A SPARQL update operation inserting index entries (N-Quads of :func:`entries`); empty for none."""
    if not nquads:
        return ""
    suffix = f" <{INDEX_GRAPH}> .\n".encode()
    triples = nquads.replace(suffix, b" .\n").decode("utf-8")
    return f"INSERT DATA {{ GRAPH <{INDEX_GRAPH}> {{\n{triples}}} }}"


def is_ready(store: Store) -> bool:
    """Whether the store's index is complete (written by this layout), so queries may start from it."""
    marker = ox.Quad(
        ox.NamedNode(INDEX_GRAPH), ox.NamedNode(_VERSION_INFO), ox.Literal(INDEX_VERSION), ox.NamedNode(INDEX_GRAPH)
    )
    return marker in store


def ensure(store: Store) -> bool:
    """Give a store without a complete index one, in one transaction: every document's publishers and the
    organisations of its posts copied from its own graph, and the marker. Return whether it had to (the documents then have no form of this caregraph, and the
    build rebuilds them)."""
    if is_ready(store):
        return False
    store.update(
        f"DROP SILENT GRAPH <{INDEX_GRAPH}> ;\n"
        f"INSERT {{ GRAPH <{INDEX_GRAPH}> {{ ?d <{PUBLISHER}> ?p }} }} WHERE {{ {_STATED} }} ;\n"
        f"INSERT {{ GRAPH <{INDEX_GRAPH}> {{ ?d <{POSTS_IN}> ?o }} }} WHERE {{ {_STATED_POSTS} }} ;\n"
        f'INSERT DATA {{ GRAPH <{INDEX_GRAPH}> {{ <{INDEX_GRAPH}> <{_VERSION_INFO}> "{INDEX_VERSION}" }} }}'
    )
    return True


def forms(store: Store) -> dict[str, str]:
    """Document IRI → the form its graph was written in (``version/form``), for every document the index lists."""
    return {
        q.subject.value: q.object.value
        for q in store.quads(None, ox.NamedNode(GRAPH_FORM_P), None, INDEX_GRAPH)
        if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal)
    }


def publishers(store: Store) -> set[tuple[str, str]]:
    """(document, publisher) pairs the index holds."""
    return {
        (q.subject.value, q.object.value)
        for q in store.quads(None, ox.NamedNode(PUBLISHER), None, INDEX_GRAPH)
        if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode)
    }


# Each document and its publishers as its graph states them, else its unidentified publisher (iris.unidentified_publisher).
_STATED = (
    f"GRAPH ?d {{ ?d a <{CG}Document> OPTIONAL {{ ?d <{DCTERMS}publisher> ?stated }} }} "
    f'BIND(COALESCE(?stated, IRI(CONCAT(STR(?d), "/publisher"))) AS ?p)'
)


# Each document and the organisations its posts are in (UNPLACED for a post in none), as its graph states them.
_STATED_POSTS = (
    f"GRAPH ?d {{ ?d a <{CG}Document> . ?post a <{CG}Post> OPTIONAL {{ ?post <{ORG}postIn> ?in }} }} "
    f"BIND(COALESCE(?in, <{UNPLACED}>) AS ?o)"
)


def posts_in(store: Store) -> set[tuple[str, str]]:
    """(document, organisation of one of its posts, or UNPLACED) pairs the index holds."""
    return {
        (q.subject.value, q.object.value)
        for q in store.quads(None, ox.NamedNode(POSTS_IN), None, INDEX_GRAPH)
        if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode)
    }


def stated_posts_in(store: Store) -> set[tuple[str, str]]:
    """(document, organisation) pairs the document graphs themselves give: what :func:`posts_in` must equal."""
    return {
        (sol["d"].value, sol["o"].value) for sol in store.query(f"SELECT DISTINCT ?d ?o WHERE {{ {_STATED_POSTS} }}")
    }


def stated_publishers(store: Store) -> set[tuple[str, str]]:
    """(document, publisher) pairs the document graphs themselves give (their unidentified publisher when they state
    none): what :func:`publishers` must equal."""
    return {(sol["d"].value, sol["p"].value) for sol in store.query(f"SELECT ?d ?p WHERE {{ {_STATED} }}")}


# The index pattern the named queries use, and what it stands for in the document graphs.
_INDEX_PATTERN = re.compile(
    r"GRAPH\s*<"
    + re.escape(INDEX_GRAPH)
    + r">\s*\{\s*(\?\w+)\s+(?:cg:publisher|<"
    + re.escape(PUBLISHER)
    + r">)\s+(\?\w+)\s*\.?\s*\}"
)


_POSTS_PATTERN = re.compile(
    r"GRAPH\s*<"
    + re.escape(INDEX_GRAPH)
    + r">\s*\{\s*(\?\w+)\s+(?:cg:postsIn|<"
    + re.escape(POSTS_IN)
    + r">)\s+(\?\w+)\s*\.?\s*\}"
)


_INDEX_GRAPH_PATTERN = re.compile(r"GRAPH\s*<" + re.escape(INDEX_GRAPH) + r">")


def uses_index(text: str) -> bool:
    """Whether the query reads the index graph (naming :data:`UNPLACED` is not reading it)."""
    return _INDEX_GRAPH_PATTERN.search(text) is not None


def _posts_from_documents(m: re.Match[str]) -> str:
    d, o = m.group(1), m.group(2)
    stated = _STATED_POSTS.replace("?d ", f"{d} ").replace("?o)", f"{o})")
    return f"{{ SELECT DISTINCT {d} {o} WHERE {{ {stated} }} }}"


def without_index(text: str) -> str:
    """The query with each index pattern ``GRAPH <index> { ?d cg:publisher ?c }`` read from the document graphs
    instead (``GRAPH ?d { ?d dcterms:publisher ?c }``), and each ``GRAPH <index> { ?d cg:postsIn ?o }`` from the
    posts of the document graphs: the same rows on a store that has no index yet."""
    text = _INDEX_PATTERN.sub(
        lambda m: f"GRAPH {m.group(1)} {{ {m.group(1)} <{DCTERMS}publisher> {m.group(2)} }}", text
    )
    return _POSTS_PATTERN.sub(_posts_from_documents, text)
