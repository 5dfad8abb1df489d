"""A tiny hand-made store for the viz tests: one document whose entities carry hostile text (markup and script in a
person's name, a post's title, a quote, a document title and URL), each payload setting ``window.__pwned`` if it
ever runs."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, RDFS, SKOS, XSD

from caregraph.ntriples import TripleTerm

CG = Namespace("https://w3id.org/caregraph/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
ID = "https://w3id.org/caregraph/id/"
VOCAB = "https://w3id.org/caregraph/vocab/"

HOSTILE_NAME = "<img src=x onerror=window.__pwned=1>"
HOSTILE_POST = "Head of </script><script>window.__pwned=2</script> Services"
HOSTILE_QUOTE = 'Said <b onmouseover="window.__pwned=3">bold</b> & "quoted" \u2028 things'
HOSTILE_TITLE = "Report <svg onload=window.__pwned=4>"
HOSTILE_URL = "javascript:window.__pwned=5"

DOC = URIRef(ID + "doc/hostile0000000")
COUNCIL = URIRef(ID + "council/surrey")
PERSON = URIRef(ID + "council/surrey/person/img")
POST = URIRef(ID + "council/surrey/post/head-of-services")
INSPECTION = URIRef(ID + "council/surrey/inspection/ilacs/2019-10")
VISIT = URIRef(ID + "council/surrey/inspection/monitoring-visit/2021-09")
MEETING = URIRef(ID + "council/surrey/body/cabinet/meeting/2020-01-28")
BODY = URIRef(ID + "council/surrey/body/cabinet")
DECISION = URIRef(ID + "council/surrey/body/cabinet/meeting/2020-01-28/decision/1")
OFSTED = URIRef(ID + "org/ofsted")
LONELY = URIRef(ID + "practice-model/family-safeguarding")  # linked to nothing


def hostile_graph() -> set[tuple]:
    """The document's triples as the build stores them (RDF 1.2 provenance: the span reifies the facts)."""
    g = Graph()
    ev = URIRef(f"{DOC}/evidence/10-60")
    facts = [
        (DOC, RDF.type, CG.Document),
        (DOC, DCTERMS.title, Literal(HOSTILE_TITLE)),
        (DOC, CG.sourceUrl, Literal(HOSTILE_URL, datatype=XSD.anyURI)),
        (DOC, DCTERMS.publisher, COUNCIL),
        (DOC, CG.date, Literal("2020-01-28", datatype=XSD.date)),
        (COUNCIL, RDF.type, CG.Council),
        (PERSON, RDF.type, CG.Person),
        (PERSON, FOAF.name, Literal(HOSTILE_NAME)),
        (PERSON, RDFS.label, Literal(HOSTILE_NAME)),
        (PERSON, ORG.holds, POST),
        (POST, RDF.type, CG.Post),
        (POST, SKOS.prefLabel, Literal(HOSTILE_POST)),
        (POST, ORG.postIn, COUNCIL),
        (INSPECTION, RDF.type, CG.Inspection),
        (INSPECTION, CG.council, COUNCIL),
        (INSPECTION, CG.kind, URIRef(VOCAB + "kind/ilacs")),
        (INSPECTION, CG.judgement, URIRef(VOCAB + "judgement/inadequate")),
        (INSPECTION, CG.startDate, Literal("2019-10", datatype=XSD.gYearMonth)),
        (INSPECTION, CG.inspectorate, OFSTED),
        (INSPECTION, CG.planned, Literal(False)),
        (VISIT, RDF.type, CG.Inspection),
        (VISIT, CG.council, COUNCIL),
        (VISIT, CG.kind, URIRef(VOCAB + "kind/monitoring-visit")),
        (VISIT, CG.startDate, Literal("2021-09", datatype=XSD.gYearMonth)),
        (VISIT, CG.inspectorate, OFSTED),
        (VISIT, CG.focus, Literal(HOSTILE_QUOTE)),
        (OFSTED, RDF.type, CG.Organisation),
        (OFSTED, SKOS.prefLabel, Literal("Ofsted")),
        (BODY, RDF.type, CG.Committee),
        (BODY, SKOS.prefLabel, Literal("Cabinet")),
        (BODY, CG.council, COUNCIL),
        (MEETING, RDF.type, CG.Meeting),
        (MEETING, CG.body, BODY),
        (MEETING, CG.council, COUNCIL),
        (MEETING, CG.date, Literal("2020-01-28", datatype=XSD.date)),
        (LONELY, RDF.type, CG.PracticeModel),
        (LONELY, SKOS.prefLabel, Literal("Family Safeguarding")),
        (DECISION, RDF.type, CG.Decision),
        (DECISION, CG.madeAt, MEETING),
        (DECISION, CG.text, Literal("That the improvement plan be noted.")),
    ]
    for t in facts:
        g.add(t)
    # Provenance of the person's name and of the holds relation, as the mapping stage writes it.
    g.add((ev, OA.exact, Literal(HOSTILE_QUOTE)))
    g.add((ev, OA.start, Literal(10)))
    g.add((ev, OA.end, Literal(60)))
    for e in (PERSON, POST, INSPECTION, VISIT, OFSTED, BODY, MEETING, DECISION, COUNCIL, LONELY):
        g.add((DOC, CG.mentions, e))
    reifies = URIRef(str(RDF) + "reifies")
    spans = {
        (ev, reifies, TripleTerm(*t)) for t in [(PERSON, FOAF.name, Literal(HOSTILE_NAME)), (PERSON, ORG.holds, POST)]
    }
    return set(g) | spans


def hostile_store(path=None):
    """A store (in memory, or at ``path``) holding the reference graphs and the hostile document."""
    from caregraph.store import Store

    store = Store(path)
    store.ensure_reference_graphs()
    store.add_graphs([(str(DOC), hostile_graph())])
    return store


# ---------------------------------------------------------------------------------------------- a corpus at scale

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
OFSTED_CSVS = sorted((ROOT / "tests" / "fixtures" / "ofsted").glob("*.csv"))


def corpus_store(folder, size: int = 300, seed: int = 7):
    """A store at ``folder/store`` built from ``size`` synthetic council papers (``bench/generate.py``, run as a
    script: tests do not import bench/); about 3,250 entities at 300 papers, 134 councils. Returns its path."""
    import subprocess
    import sys
    from pathlib import Path

    from caregraph.pipeline.build import build
    from caregraph.store import open_store

    folder = Path(folder)
    corpus = folder / "corpus"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), str(corpus), "--size", str(size), "--seed", str(seed)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    path = folder / "store"
    with open_store(path) as store:
        summary = build(store, [corpus / "docs"], manifest=corpus / "manifest.csv")
    assert not summary.failures, summary.failures[:3]
    return path


def with_ofsted(store_path, folder):
    """A copy of the store at ``store_path`` with the fixture of Ofsted's official record imported (its three
    sheets as CSV, as ``caregraph import-ofsted`` reads them). Returns the copy's path."""
    import shutil
    from pathlib import Path

    from caregraph.interop.ofsted import import_outcomes
    from caregraph.store import open_store

    copy = Path(folder) / "store-ofsted"
    shutil.copytree(store_path, copy)
    with open_store(copy) as store:
        import_outcomes(store, OFSTED_CSVS)
    return copy


def remote(requests: list[str]) -> list[str]:
    """The requests a page made that leave it: all but ``data:`` URIs (the node glyphs vis-network draws from
    inline SVG, which Chromium's Network domain reports too)."""
    return [r for r in requests if not r.startswith("data:")]
