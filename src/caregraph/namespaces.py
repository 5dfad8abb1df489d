"""The namespaces caregraph writes and the prefixes every query may use without declaring them.

Plain strings, so importing this costs nothing (the CLI reads it on every query).
"""

from __future__ import annotations

CG = "https://w3id.org/caregraph/ontology#"
CGV = "https://w3id.org/caregraph/vocab/"
CGD = "https://w3id.org/caregraph/id/"  # the default base of instance data (CAREGRAPH_BASE overrides it)
GRAPHS = "https://w3id.org/caregraph/graph/"

PREFIXES: dict[str, str] = {
    "cg": CG,
    "cgv": CGV,
    "cgd": CGD,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "schema": "https://schema.org/",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "sh": "http://www.w3.org/ns/shacl#",
}
