"""The ontology, vocabularies, gazetteer and shapes: they parse everywhere, every term is declared and documented,
the code's checked namespace agrees with them, and the built store uses nothing undeclared."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from caregraph.vocab import CG

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
CG_NS = "https://w3id.org/caregraph/ontology#"
CGV_NS = "https://w3id.org/caregraph/vocab/"
ONTOLOGY_IRI = URIRef("https://w3id.org/caregraph/ontology")
SH = Namespace("http://www.w3.org/ns/shacl#")
FILES = ["caregraph.ttl", "vocabularies.ttl", "councils.ttl", "shapes.ttl"]
REFERENCE_GRAPHS = ("ontology", "vocabularies", "councils", "ofsted", "dataset")


def load(name: str) -> Graph:
    return Graph().parse(ONTOLOGY / name, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load("caregraph.ttl")


def declared_terms(g: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property, RDFS.Class)
    return {str(s) for kind in kinds for s in g.subjects(RDF.type, kind) if str(s).startswith(CG_NS)}


def gen_vocab():
    spec = importlib.util.spec_from_file_location("gen_vocab", ROOT / "scripts" / "gen_vocab.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


# ---------------------------------------------------------------------------------------------- files


@pytest.mark.parametrize("name", FILES)
def test_files_parse_in_rdflib_and_oxigraph(name):
    path = ONTOLOGY / name
    in_rdflib = load(name)
    in_oxigraph = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(in_rdflib) > 50
    assert len(in_oxigraph) == len(in_rdflib)


def test_the_ontology_has_title_version_and_licence(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    version_iri = ontology.value(ONTOLOGY_IRI, OWL.versionIRI)
    assert version_iri is not None and str(version_iri).endswith(str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)))
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.title) is not None


def test_every_term_has_an_english_label_a_definition_and_its_ontology(ontology):
    terms = declared_terms(ontology)
    assert len(terms) >= 60
    problems = []
    for term in sorted(terms):
        node = URIRef(term)
        labels = [
            lab for lab in ontology.objects(node, RDFS.label) if isinstance(lab, Literal) and lab.language == "en"
        ]
        definitions = [
            d for d in ontology.objects(node, SKOS.definition) if isinstance(d, Literal) and len(str(d)) > 10
        ]
        if len(labels) != 1:
            problems.append(f"{term}: {len(labels)} English labels")
        if not definitions:
            problems.append(f"{term}: no definition")
        if (node, RDFS.isDefinedBy, ONTOLOGY_IRI) not in ontology:
            problems.append(f"{term}: no rdfs:isDefinedBy")
    assert not problems, problems


def test_the_issue_s_classes_are_there_and_specialise_standard_vocabularies(ontology):
    org = Namespace("http://www.w3.org/ns/org#")
    expected = {
        CG.Council: org.FormalOrganization,
        CG.Committee: org.OrganizationalUnit,
        CG.Post: org.Post,
        CG.Person: URIRef("http://xmlns.com/foaf/0.1/Person"),
        CG.Organisation: org.Organization,
        CG.Document: URIRef("http://www.w3.org/ns/prov#Entity"),
        CG.Inspection: URIRef("http://www.w3.org/ns/prov#Activity"),
        CG.Meeting: URIRef("https://schema.org/Event"),
        CG.Evidence: URIRef("http://www.w3.org/ns/oa#TextQuoteSelector"),
        CG.PracticeModel: SKOS.Concept,
    }
    for cls, parent in expected.items():
        assert (cls, RDFS.subClassOf, parent) in ontology, cls
    for cls in (CG.AgendaItem, CG.Decision, CG.FollowUp, CG.SubJudgement):
        assert (cls, RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", ["vocabularies.ttl", "councils.ttl", "shapes.ttl"])
def test_other_files_use_only_declared_cg_terms(ontology, name):
    g = load(name)
    used = {str(t) for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(CG_NS)}
    assert used, f"{name} uses no cg: term?"
    assert used <= declared_terms(ontology), sorted(used - declared_terms(ontology))


# ---------------------------------------------------------------------------------------------- code and docs


def test_checked_namespace_agrees_with_the_ontology(ontology):
    """What ``python scripts/gen_vocab.py --check`` checks: vocab.py is generated from the ontology as it is now."""
    module = gen_vocab()
    assert (ROOT / "src" / "caregraph" / "vocab.py").read_text(encoding="utf-8") == module.render(), (
        "run: python scripts/gen_vocab.py"
    )
    names = {str(t)[len(CG_NS) :] for t in declared_terms(ontology)}
    assert names == set(CG.__annotations__), sorted(names ^ set(CG.__annotations__))
    with pytest.raises(AttributeError):
        CG.startdate  # a misspelt term is an error, not a new IRI  # noqa: B018


def test_docs_table_is_generated_from_the_ontology():
    module = gen_vocab()
    current = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert current == module.render_docs(current), "run: python scripts/gen_vocab.py"
    assert "| `cg:Inspection` |" in current and "| `cg:startDate` |" in current


# ---------------------------------------------------------------------------------------------- shapes


def test_shapes_target_declared_classes_and_paths(ontology):
    shapes = load("shapes.ttl")
    targets = set(shapes.objects(None, SH.targetClass))
    assert targets - {RDF.Statement} <= {URIRef(t) for t in declared_terms(ontology)}
    classes = {URIRef(t) for t in declared_terms(ontology) if (URIRef(t), RDF.type, OWL.Class) in ontology}
    # every class of instance data has a shape (Document … Evidence)
    assert classes <= targets, sorted(classes - targets)
    for node in shapes.objects(None, SH.node):
        assert (node, RDF.type, SH.NodeShape) in shapes, node


# ---------------------------------------------------------------------------------------------- the built store


def _store_terms(store_path) -> tuple[set[str], set[str], set[str]]:
    """cg: IRIs used as predicates, as classes, and anywhere; cgv: IRIs used anywhere — in the document graphs."""
    store = ox.Store.read_only(str(store_path))
    reference = {f"https://w3id.org/caregraph/graph/{name}" for name in REFERENCE_GRAPHS}
    predicates, classes, anywhere, concepts = set(), set(), set(), set()
    for q in store:
        if isinstance(q.graph_name, ox.DefaultGraph) or q.graph_name.value in reference:
            continue
        if q.predicate.value.startswith(CG_NS):
            predicates.add(q.predicate.value)
        if (
            q.predicate.value == str(RDF.type)
            and isinstance(q.object, ox.NamedNode)
            and q.object.value.startswith(CG_NS)
        ):
            classes.add(q.object.value)
        for term in (q.subject, q.predicate, q.object):
            if isinstance(term, ox.NamedNode):
                if term.value.startswith(CG_NS):
                    anywhere.add(term.value)
                elif term.value.startswith(CGV_NS):
                    concepts.add(term.value)
    return predicates | classes | anywhere, classes, concepts


def test_every_cg_term_the_built_data_uses_is_declared(built_store, ontology):
    used, classes, _ = _store_terms(built_store)
    assert {str(CG.Inspection), str(CG.Meeting)} <= classes
    assert used <= declared_terms(ontology), sorted(used - declared_terms(ontology))


def test_every_concept_the_built_data_uses_exists(built_store):
    vocabularies = load("vocabularies.ttl")
    _, _, concepts = _store_terms(built_store)
    assert concepts, "no concepts used"
    missing = sorted(c for c in concepts if (URIRef(c), RDF.type, SKOS.Concept) not in vocabularies)
    assert not missing, missing


def test_at_least_150_councils_serve_an_ons_statistical_geography(built_store):
    store = ox.Store.read_only(str(built_store))
    q = """
        SELECT (COUNT(DISTINCT ?council) AS ?n) WHERE {
          GRAPH <https://w3id.org/caregraph/graph/councils> {
            ?council a <https://w3id.org/caregraph/ontology#Council> ; <https://schema.org/areaServed> ?ons .
            FILTER(REGEX(STR(?ons), "^http://statistics[.]data[.]gov[.]uk/id/statistical-geography/E[0-9]{8}$"))
          }
        }"""
    n = int(next(iter(store.query(q)))["n"].value)
    assert n >= 150, n


# ---------------------------------------------------------------------------------------------- docs queries


def docs_queries() -> list[str]:
    text = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    return re.findall(r"```sparql\n(.*?)```", text, flags=re.S)


def test_docs_have_example_queries():
    queries = docs_queries()
    assert len(queries) >= 5
    assert any("rdf:reifies" in q and "oa:exact" in q for q in queries), "the 'where does it say that?' query"


@pytest.fixture(scope="module")
def imported_store(tmp_path_factory) -> Path:
    """data/ built, then Ofsted's record imported from the fixture sheets (so the reconciliation links exist)."""
    from caregraph.interop.ofsted import import_outcomes
    from caregraph.pipeline.build import build
    from caregraph.store import open_store
    from tests.test_ofsted import CSVS

    path = tmp_path_factory.mktemp("imported") / "store"
    with open_store(path) as store:
        assert not build(store, [ROOT / "data"]).failures
        import_outcomes(store, CSVS)
    return path


@pytest.mark.parametrize("index", range(len(docs_queries())))
def test_docs_queries_run_on_the_built_store(imported_store, index):
    """Every sparql block of docs/ontology.md (the Membership, date-bound, reorganisation, reconciliation-link and
    provenance patterns among them) runs on the store built from data/ with Ofsted's record imported, and finds
    something."""
    from caregraph.query import run_query
    from caregraph.store import open_store

    with open_store(imported_store, read_only=True) as store:
        result = run_query(store, docs_queries()[index], inline=True)
    assert result.rows, docs_queries()[index]


def test_docs_example_triples_parse_and_match_the_seed_news_release():
    """The example of docs/ontology.md (Turtle 1.2) is the stored graph of data/003 (the Surrey news release), not
    made up."""
    import pyoxigraph as ox

    from caregraph.ntriples import graph_ntriples
    from caregraph.pipeline.build import process
    from caregraph.pipeline.load import Source
    from caregraph.pipeline.mapping import to_triples

    text = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```turtle\n(.*?)```", text, flags=re.S) if "a cg:Document" in b)
    example = {q.triple for q in ox.parse(block, format=ox.RdfFormat.TURTLE)}
    seed = ROOT / "data" / "003_0938c2f4e45d6980.txt"
    nt = graph_ntriples(to_triples(process(Source(seed, "data/003_0938c2f4e45d6980.txt"))))
    built = {q.triple for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)}
    fv = ox.NamedNode("https://w3id.org/caregraph/id/council/surrey/inspection/focused-visit/2024-04")
    reifies = ox.NamedNode(str(RDF) + "reifies")

    def matching(triples, s=None, p=None):
        return {t for t in triples if (s is None or t.subject == s) and (p is None or t.predicate.value == str(p))}

    for p in (CG.startDate, CG.endDate, CG.kind, CG.council, RDFS.label):
        assert matching(example, fv, p) and matching(example, fv, p) <= matching(built, fv, p), p
    spans = {t for t in example if t.predicate == reifies and t.object.subject == fv}
    assert spans and spans <= built
    span = next(iter(spans)).subject
    assert matching(example, span) <= built and len(matching(example, span)) >= 4


def test_one_language_tag_policy(built_store):
    """Reference labels (ontology, vocabularies, councils) are @en; what documents say, verbatim or made from
    their words (names, titles, quotes, labels of the nodes they share), is a plain string. The inspectorates' names
    in the vocabularies are the ones documents give them, plain strings too (one label of each in the union)."""
    store = ox.Store.read_only(str(built_store))
    q = """SELECT ?g (SUM(IF(LANG(?o) = "en", 1, 0)) AS ?en) (SUM(IF(LANG(?o) = "", 1, 0)) AS ?plain) WHERE {
      GRAPH ?g { ?s ?p ?o FILTER(isLiteral(?o) && ?p IN (rdfs:label, skos:prefLabel, skos:altLabel, skos:definition)) } }
      GROUP BY ?g"""
    counts = {
        sol["g"].value: (int(sol["en"].value), int(sol["plain"].value))
        for sol in store.query(q, prefixes={"rdfs": str(RDFS), "skos": str(SKOS)})
    }
    for name in ("ontology", "vocabularies", "councils"):
        en, plain = counts[f"https://w3id.org/caregraph/graph/{name}"]
        assert en > 0 and plain == (5 if name == "vocabularies" else 0), (name, en, plain)
    documents = {g: c for g, c in counts.items() if "/doc/" in g and "/graph/" not in g}
    assert documents and all(en == 0 and plain > 0 for en, plain in documents.values())
    tagged = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a <https://w3id.org/caregraph/ontology#Document> . ?s ?p ?o FILTER(LANG(?o) != "") } }'
    assert int(next(iter(store.query(tagged)))["n"].value) == 0
