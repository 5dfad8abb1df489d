"""The namespaces caregraph writes and the prefixes every query may use without declaring them.

The one place a caregraph base IRI (``https://w3id.org/caregraph/…``) is written: every other module, and the
generated :mod:`caregraph.vocab`, takes them from here. Plain strings, so importing this costs nothing (the CLI reads
it on every query).
"""

from __future__ import annotations

W3ID = "https://w3id.org/caregraph/"
CG = W3ID + "ontology#"  # classes and properties
CGV = W3ID + "vocab/"  # SKOS concepts: cgv:kind/…, cgv:judgement/…, cgv:outcome/…, cgv:area/…
CGD = W3ID + "id/"  # instance data; private documents are minted elsewhere (caregraph.iris.local_base)
GRAPHS = W3ID + "graph/"  # reference graphs: ontology, vocabularies, councils, ofsted, dataset
SHAPES = W3ID + "shapes#"  # the SHACL shapes of ontology/shapes.ttl

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
SCHEMA = "https://schema.org/"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
SH = "http://www.w3.org/ns/shacl#"

PREFIXES: dict[str, str] = {
    "cg": CG,
    "cgv": CGV,
    "cgd": CGD,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "foaf": FOAF,
    "org": ORG,
    "prov": PROV,
    "oa": OA,
    "schema": SCHEMA,
    "void": VOID,
    "dcat": DCAT,
    "sh": SH,
}
