"""Provenance encodings side by side: quads per real page and build time (docs/performance.md, "Provenance").

Builds the same corpus once per encoding of the per-fact provenance, each into its own fresh store, and counts the
quads in the document graphs. The encodings differ only in what ``mapping._Writer.fact`` adds beside each fact
triple; the build's workers are forked, so the patched writer is theirs too.

- ``rdf11-full``: RDF 1.1 reification as caregraph wrote it until issue 16 (7 quads a fact: the triple,
  ``rdf:type rdf:Statement``, ``rdf:subject``, ``rdf:predicate``, ``rdf:object``, ``prov:wasDerivedFrom``,
  ``cg:evidence``; 5 per span: type, ``oa:start``, ``oa:end``, ``oa:exact``, ``oa:hasSource``).
- ``rdf11-plain``: the same without what the named graph or the vocabulary already says (no type triples, no
  ``prov:wasDerivedFrom``, no ``oa:hasSource``): 5 a fact, 3 a span.
- ``rdf12-statement``: RDF 1.2, ``{doc}/statement/{hash} rdf:reifies <<( s p o )>> ; cg:evidence {span}``: 3 a fact.
- ``rdf12-span``: RDF 1.2 with the span itself as the reifier, ``{span} rdf:reifies <<( s p o )>>``: 2 a fact (a fact
  with no span is reified by the document). What caregraph writes since issue 16.
- ``nary``: evidence on the nodes, ``s cg:evidence {span}`` once per subject and span: not per fact.
- ``current``: whatever ``caregraph.pipeline.mapping`` writes now (a check that it is one of the above).

Usage::

    python bench/provenance_bench.py ../shared/corpus [--repeat 3] [--jobs 2] [--out bench/results/provenance.json]

Build times on a shared machine are noisy: the encodings are built in turn, ``--repeat`` times, and the median is
reported; the mapping time (``to_ntriples``, one process, extractions made once) is steadier.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import PROV

from caregraph import iris
from caregraph.ntriples import TripleTerm
from caregraph.pipeline import mapping
from caregraph.vocab import CG, OA

ORIGINAL_FACT = mapping._Writer.fact
REIFIES = URIRef(str(RDF) + "reifies")  # RDF 1.2; rdflib 7's closed RDF namespace lacks it


def _span(w, evidence, typed: bool) -> object:
    ev = iris.evidence(w.doc, evidence.start, evidence.end)
    if ev not in w._spans:
        w._spans.add(ev)
        g = w.graph
        if typed:
            g.add((ev, RDF.type, CG.Evidence))
            g.add((ev, OA.hasSource, w.doc))
        g.add((ev, OA.start, Literal(evidence.start)))
        g.add((ev, OA.end, Literal(evidence.end)))
        g.add((ev, OA.exact, Literal(evidence.quote)))
    return ev


def _spans(w) -> set:
    if not hasattr(w, "_spans"):
        w._spans = set()
    return w._spans


def rdf11_full(self, s, p, o, evidence) -> None:
    if o is None:
        return
    _spans(self)
    g = self.graph
    g.add((s, p, o))
    st = iris.statement(self.doc, s, p, o)
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, o))
    g.add((st, PROV.wasDerivedFrom, self.doc))
    if evidence is not None:
        g.add((st, CG.evidence, _span(self, evidence, typed=True)))


def rdf11_plain(self, s, p, o, evidence) -> None:
    if o is None:
        return
    _spans(self)
    g = self.graph
    g.add((s, p, o))
    st = iris.statement(self.doc, s, p, o)
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, o))
    if evidence is not None:
        g.add((st, CG.evidence, _span(self, evidence, typed=False)))


def rdf12_statement(self, s, p, o, evidence) -> None:
    if o is None:
        return
    _spans(self)
    g = self.graph
    g.add((s, p, o))
    st = iris.statement(self.doc, s, p, o)
    g.add((st, REIFIES, TripleTerm(s, p, o)))
    if evidence is not None:
        g.add((st, CG.evidence, _span(self, evidence, typed=False)))


def rdf12_span(self, s, p, o, evidence) -> None:
    if o is None:
        return
    _spans(self)
    g = self.graph
    g.add((s, p, o))
    reifier = _span(self, evidence, typed=False) if evidence is not None else self.doc
    g.add((reifier, REIFIES, TripleTerm(s, p, o)))


def nary(self, s, p, o, evidence) -> None:
    if o is None:
        return
    _spans(self)
    g = self.graph
    g.add((s, p, o))
    if evidence is not None:
        g.add((s, CG.evidence, _span(self, evidence, typed=False)))


ENCODINGS = {
    "rdf11-full": rdf11_full,
    "rdf11-plain": rdf11_plain,
    "rdf12-statement": rdf12_statement,
    "rdf12-span": rdf12_span,
    "nary": nary,
    "current": ORIGINAL_FACT,
}


def _use(name: str) -> None:
    mapping._Writer.fact = ENCODINGS[name]  # type: ignore[method-assign]


def _docs(corpus: Path) -> Path:
    """The documents' folder: ``CORPUS/docs`` (../shared/corpus), else the corpus itself (bench/generate.py)."""
    return corpus / "docs" if (corpus / "docs").is_dir() else corpus


def count_document_quads(store) -> tuple[int, int]:
    q = """SELECT (COUNT(DISTINCT ?g) AS ?docs) (COUNT(*) AS ?n) WHERE {
      GRAPH ?g { ?g a <https://w3id.org/caregraph/ontology#Document> } GRAPH ?g { ?s ?p ?o } }"""
    row = next(iter(store.query(q)))
    return int(row["docs"].value), int(row["n"].value)


def build_once(corpus: Path, jobs: int) -> dict:
    from caregraph.pipeline.build import build
    from caregraph.store import Store

    manifest = corpus / "manifest.csv"
    tmp = Path(tempfile.mkdtemp(prefix="provenance-bench-"))
    try:
        store = Store(tmp / "store")
        started = time.perf_counter()
        summary = build(store, [_docs(corpus)], manifest=manifest if manifest.exists() else None, jobs=jobs)
        seconds = time.perf_counter() - started
        docs, quads = count_document_quads(store.ox)
        store.close()
        size = sum(f.stat().st_size for f in (tmp / "store").rglob("*") if f.is_file())
        return {"seconds": seconds, "documents": docs, "quads": quads, "failed": summary.failed, "bytes": size}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def mapping_seconds(corpus: Path, extractions: list) -> float:
    started = time.process_time()
    for x in extractions:
        mapping.to_ntriples(x)
    return time.process_time() - started


def write_seconds(extractions: list) -> float:
    """The transactional writer alone: every document's graph into a fresh on-disk store in one transaction."""
    from caregraph.store import Store

    docs = [(str(mapping.document_iri(x.document)), mapping.to_ntriples(x)) for x in extractions]
    tmp = Path(tempfile.mkdtemp(prefix="provenance-write-"))
    try:
        store = Store(tmp / "store")
        started = time.perf_counter()
        store.add_ntriples(docs)
        store.flush()
        seconds = time.perf_counter() - started
        store.close()
        return seconds
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def extractions_of(corpus: Path) -> list:
    from caregraph.errors import LoadError
    from caregraph.pipeline.build import process
    from caregraph.pipeline.load import iter_sources

    manifest = corpus / "manifest.csv"
    out = []
    for source in iter_sources([_docs(corpus)], manifest=manifest if manifest.exists() else None):
        if isinstance(source, LoadError):
            continue
        out.append(process(source))
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--encodings", default=",".join(ENCODINGS))
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    names = args.encodings.split(",")
    builds: dict[str, list[dict]] = {n: [] for n in names}
    for _ in range(args.repeat):
        for name in names:
            _use(name)
            builds[name].append(build_once(args.corpus, args.jobs))
    extractions = extractions_of(args.corpus)
    results = {}
    base = None
    for name in names:
        _use(name)
        runs = builds[name]
        docs, quads = runs[0]["documents"], runs[0]["quads"]
        base = base or quads
        results[name] = {
            "documents": docs,
            "quads": quads,
            "quads_per_page": round(quads / docs, 1),
            "of_rdf11_full": round(quads / base, 3),
            "build_seconds_median": round(statistics.median(r["seconds"] for r in runs), 2),
            "build_seconds": [round(r["seconds"], 2) for r in runs],
            "mapping_cpu_seconds": round(
                statistics.median(mapping_seconds(args.corpus, extractions) for _ in range(3)), 3
            ),
            "write_seconds": round(statistics.median(write_seconds(extractions) for _ in range(5)), 3),
            "store_bytes": runs[0]["bytes"],
        }
    _use("current")
    print(
        f"{'encoding':<16} {'quads':>7} {'per page':>9} {'share':>6} {'build s':>8} {'map cpu s':>9} {'write s':>8} {'store MB':>9}"
    )
    for name, r in results.items():
        print(
            f"{name:<16} {r['quads']:>7,} {r['quads_per_page']:>9} {r['of_rdf11_full']:>6.0%} {r['build_seconds_median']:>8} {r['mapping_cpu_seconds']:>9} {r['write_seconds']:>8} {r['store_bytes'] / 1e6:>9.1f}"
        )
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n")
    return results


if __name__ == "__main__":
    main()
