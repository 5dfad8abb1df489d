"""The councils gazetteer (ontology/councils.csv, ontology/councils.ttl) and the SKOS vocabularies.

These tests read the committed ontology files, and run scripts/make_gazetteer.py on a small made-up reference
folder (tests/fixtures/gazetteer/). The check that the script reproduces the committed files from the full reference
data (../shared/refdata) is marked ``refdata``: deselected, not skipped, where that folder is absent (tests/conftest.py).
"""

from __future__ import annotations

import csv
import filecmp
import importlib.util
import re
import subprocess
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

from .conftest import REFDATA

REPO = Path(__file__).resolve().parent.parent
ONTOLOGY = REPO / "ontology"
SCRIPT = REPO / "scripts" / "make_gazetteer.py"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "gazetteer"

CG = Namespace("https://w3id.org/caregraph/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
COUNCIL = Namespace("https://w3id.org/caregraph/id/council/")
CGV = "https://w3id.org/caregraph/vocab/"
ONS = "http://statistics.data.gov.uk/id/statistical-geography/"
WIKIDATA = "http://www.wikidata.org/entity/"

CSV_COLUMNS = [
    "slug",
    "register_code",
    "official_name",
    "nice_name",
    "alt_names",
    "gss",
    "former_gss",
    "dfe_code",
    "region",
    "type",
    "wikidata",
    "domains",
    "start_date",
    "end_date",
    "replaced_by",
    "current",
]


def split(value: str) -> list[str]:
    return value.split("|") if value else []


@pytest.fixture(scope="module")
def rows() -> dict[str, dict[str, str]]:
    with (ONTOLOGY / "councils.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == CSV_COLUMNS
        table = list(reader)
    by_slug = {row["slug"]: row for row in table}
    assert len(by_slug) == len(table), "slugs are not unique"
    return by_slug


@pytest.fixture(scope="module")
def councils() -> Graph:
    return Graph().parse(ONTOLOGY / "councils.ttl", format="turtle")


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return Graph().parse(ONTOLOGY / "vocabularies.ttl", format="turtle")


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("make_gazetteer", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def council_for_host(rows: dict[str, dict[str, str]], host: str) -> list[str]:
    """The slugs whose domains match ``host`` by domain suffix (the way caregraph matches URLs)."""
    return sorted(
        slug
        for slug, row in rows.items()
        for domain in split(row["domains"])
        if host == domain or host.endswith("." + domain)
    )


# --- the table ------------------------------------------------------------------------------------------


def test_153_current_councils(rows, councils):
    current = [r for r in rows.values() if r["current"] == "true"]
    assert len(current) == 153
    assert {r["current"] for r in rows.values()} == {"true", "false"}
    assert all(not r["end_date"] and not r["replaced_by"] for r in current)
    typed = set(councils.subjects(RDF.type, CG.Council))
    ended = set(councils.subjects(CG.endDate, None))
    assert len(typed - ended) == 153


def test_current_councils_by_type(rows):
    counts = defaultdict(int)
    for row in rows.values():
        if row["current"] == "true":
            counts[row["type"]] += 1
    assert dict(counts) == {"CTY": 21, "UA": 63, "MD": 36, "LBO": 32, "CC": 1}


def test_slugs_are_iri_keys_of_the_nice_name(rows, script):
    for slug, row in rows.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
        assert slug == script.slugify(row["nice_name"])
    for slug in ("surrey", "bath-and-north-east-somerset", "kingston-upon-hull", "durham", "leeds"):
        assert slug in rows


def test_predecessors_have_distinct_slugs(rows):
    for former, successor in [
        ("dorset-county-council", "dorset"),
        ("north-yorkshire-county-council", "north-yorkshire"),
        ("somerset-county-council", "somerset"),
        ("buckinghamshire-county-council", "buckinghamshire"),
    ]:
        assert rows[former]["current"] == "false"
        assert rows[successor]["current"] == "true"
        assert split(rows[former]["replaced_by"]) == [successor]


AREA_SERVED = URIRef("https://schema.org/areaServed")


def test_ons_area_served_for_at_least_150_councils(councils):
    """The ONS statistical geography is the area a council serves (schema:areaServed), never owl:sameAs the council:
    GSS codes change with boundaries. owl:sameAs is only to Wikidata's item of the council."""
    linked = {s for s, o in councils.subject_objects(AREA_SERVED) if str(o).startswith(ONS)}
    assert len(linked) >= 150
    for council in linked:
        gss = councils.value(council, CG.gssCode)
        assert URIRef(ONS + str(gss)) in set(councils.objects(council, AREA_SERVED))
    assert all(str(o).startswith(WIKIDATA) for o in councils.objects(None, OWL.sameAs))


def test_codes_are_well_formed_and_unique_among_current(rows):
    current = [r for r in rows.values() if r["current"] == "true"]
    for field, pattern in [("gss", r"E0[6-9]\d{6}|E10\d{6}"), ("dfe_code", r"\d{3}"), ("register_code", r"[A-Z]{3}")]:
        values = [r[field] for r in current]
        assert all(re.fullmatch(pattern, v) for v in values), field
        assert len(set(values)) == len(values), f"{field} is not unique among current councils"
    assert len({r["gss"] for r in rows.values()}) == len(rows)
    for row in rows.values():
        assert all(re.fullmatch(r"E\d{8}", g) for g in split(row["former_gss"]))
        assert row["wikidata"] == "" or re.fullmatch(r"Q[1-9]\d*", row["wikidata"])


def test_barnsley_and_sheffield_have_their_2023_gss_codes(rows, councils):
    assert rows["barnsley"]["gss"] == "E08000038"
    assert rows["sheffield"]["gss"] == "E08000039"
    assert split(rows["barnsley"]["former_gss"]) == ["E08000016"]
    assert split(rows["sheffield"]["former_gss"]) == ["E08000019"]
    assert councils.value(COUNCIL.barnsley, CG.gssCode) == Literal("E08000038")
    assert (COUNCIL.barnsley, AREA_SERVED, URIRef(ONS + "E08000038")) in councils


def test_windsor_and_maidenhead_does_not_carry_kensington_and_chelseas_wikidata_id(rows, councils):
    wrong = URIRef(WIKIDATA + "Q6391507")
    assert rows["windsor-and-maidenhead"]["wikidata"] != "Q6391507"
    assert (COUNCIL["windsor-and-maidenhead"], OWL.sameAs, wrong) not in councils
    assert "rbkc.gov.uk" not in split(rows["windsor-and-maidenhead"]["domains"])
    assert set(councils.subjects(OWL.sameAs, wrong)) <= {COUNCIL["kensington-and-chelsea"]}


def test_wikidata_ids_are_unique(rows):
    ids = [r["wikidata"] for r in rows.values() if r["wikidata"]]
    assert len(ids) == len(set(ids))


def test_regions_are_english_regions(rows):
    regions = {
        "North East",
        "North West",
        "Yorkshire and The Humber",
        "East Midlands",
        "West Midlands",
        "East of England",
        "London",
        "South East",
        "South West",
    }
    assert all(r["region"] in regions for r in rows.values())
    assert rows["derbyshire"]["region"] == "East Midlands"
    assert rows["lincolnshire"]["region"] == "East Midlands"


# --- names ----------------------------------------------------------------------------------------------


def test_useful_alternative_names(rows):
    assert "Surrey County Council" in split(rows["surrey"]["alt_names"])
    assert rows["surrey"]["nice_name"] == "Surrey"
    assert {"Durham County Council", "County Durham"} <= set(split(rows["durham"]["alt_names"]))
    assert "Leeds City Council" in split(rows["leeds"]["alt_names"])
    assert "Royal Borough of Windsor and Maidenhead" in split(rows["windsor-and-maidenhead"]["alt_names"])
    assert "London Borough of Lambeth" in split(rows["lambeth"]["alt_names"])
    assert "BCP" in split(rows["bournemouth-christchurch-and-poole"]["alt_names"])


def test_alt_names_are_deduplicated_case_insensitively(rows):
    for slug, row in rows.items():
        keys = [n.casefold() for n in split(row["alt_names"])]
        assert len(keys) == len(set(keys)), slug
        assert row["nice_name"].casefold() not in keys, slug


def test_no_name_leads_to_two_councils(councils):
    owners = defaultdict(set)
    for predicate in (SKOS.prefLabel, SKOS.altLabel):
        for council, label in councils.subject_objects(predicate):
            owners[" ".join(str(label).casefold().split())].add(council)
    shared = {name: sorted(map(str, c)) for name, c in owners.items() if len(c) > 1}
    assert shared == {}


# --- domains --------------------------------------------------------------------------------------------


def test_surrey_domain(rows):
    assert "surreycc.gov.uk" in split(rows["surrey"]["domains"])


@pytest.mark.parametrize(
    "host, slug",
    [
        ("mycouncil.surreycc.gov.uk", "surrey"),
        ("democracy.durham.gov.uk", "durham"),
        ("democracy.leeds.gov.uk", "leeds"),
        ("news.leeds.gov.uk", "leeds"),
        ("www.barnsley.gov.uk", "barnsley"),
        ("cmis.cumbria.gov.uk", "cumbria"),
        ("democracy.bcpcouncil.gov.uk", "bournemouth-christchurch-and-poole"),
        ("rbwm.moderngov.co.uk", None),
        ("www.rbwm.gov.uk", "windsor-and-maidenhead"),
    ],
)
def test_a_host_leads_to_one_council(rows, host, slug):
    assert council_for_host(rows, host) == ([slug] if slug else [])


@pytest.mark.parametrize(
    "url, slug",
    [
        ("https://democracy.leeds.gov.uk/mgAi.aspx?ID=1", "leeds"),  # the council's domain
        ("https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=1", "worcestershire"),  # a label spells its name
        ("https://rbwm.moderngov.co.uk/ieListDocuments.aspx?CId=130", "windsor-and-maidenhead"),  # its domain's label
        ("https://moderngov.northyorkshiresites.com/x", "north-yorkshire"),  # a label holds its name
        ("https://west-sussex.example.org/a", "west-sussex"),  # hyphens in a label are no part of the name
        ("https://www.surreyweb.org/news", "surrey"),
        ("https://kentonline.co.uk/news/1", None),  # a name under five letters inside a label is not enough
        ("https://www.southglosnews.example/story", "south-gloucestershire"),  # a label opens with its domain's label
        ("https://www.newcastlefamilies.example/x", "newcastle-upon-tyne"),
        ("https://www.merchantsquay.example/x", None),  # a domain's label ("hants") inside a word is not enough
        ("https://www.example.org/x", None),
        ("not a url", None),
        ("http://[bad/", None),
        (None, None),
    ],
)
def test_from_url_finds_the_council_of_a_host(url, slug):
    from caregraph.gazetteer import gazetteer

    assert gazetteer().from_url(url) == slug


def test_every_current_council_has_a_web_domain(rows):
    """So that a document found at a council's address resolves to its publisher, whichever council it is."""
    assert [slug for slug, row in rows.items() if row["current"] == "true" and not row["domains"]] == []


def test_domains_are_hosts_without_www_and_never_shared(rows):
    seen = {}
    for slug, row in rows.items():
        for domain in split(row["domains"]):
            assert re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain), domain
            assert not domain.startswith("www."), domain
            assert council_for_host(rows, domain) == [slug], f"{domain} matches several councils"
            seen[domain] = slug
    assert len(seen) >= 150


# --- lineage --------------------------------------------------------------------------------------------


def test_cumbria_is_replaced_by_cumberland_and_westmorland_and_furness(rows, councils):
    cumbria = rows["cumbria"]
    assert cumbria["current"] == "false"
    assert cumbria["register_code"] == "CMA"
    assert split(cumbria["replaced_by"]) == ["cumberland", "westmorland-and-furness"]
    assert set(councils.objects(COUNCIL.cumbria, DCTERMS.isReplacedBy)) == {
        COUNCIL.cumberland,
        COUNCIL["westmorland-and-furness"],
    }
    assert cumbria["end_date"] == "2023-03-31"
    assert rows["cumberland"]["start_date"] == "2023-04-01"


def test_former_councils_end_the_day_before_their_successors_start(rows):
    former = {slug: r for slug, r in rows.items() if r["current"] == "false"}
    assert {
        "cumbria",
        "northamptonshire",
        "bournemouth",
        "poole",
        "dorset-county-council",
        "buckinghamshire-county-council",
        "north-yorkshire-county-council",
        "somerset-county-council",
    } <= set(former)
    for slug, row in former.items():
        assert row["end_date"] and row["replaced_by"], slug
        for successor in split(row["replaced_by"]):
            assert successor in rows, successor
            start = rows[successor]["start_date"]
            assert start > row["end_date"], (slug, successor)


def test_dates_are_typed_and_never_bogus(councils):
    for predicate in (CG.startDate, CG.endDate):
        for value in councils.objects(None, predicate):
            assert value.datatype == URIRef("http://www.w3.org/2001/XMLSchema#date")
            assert not str(value).startswith(("1905", "2005")), value


# --- CSV and Turtle agree -------------------------------------------------------------------------------


def test_csv_and_turtle_have_the_same_councils(rows, councils):
    typed = {str(s) for s in councils.subjects(RDF.type, CG.Council)}
    assert typed == {str(COUNCIL[slug]) for slug in rows}


def test_csv_and_turtle_agree_on_each_council(rows, councils, vocab):
    def literals(subject, predicate):
        return sorted(str(o) for o in councils.objects(subject, predicate))

    for slug, row in rows.items():
        s = COUNCIL[slug]
        assert literals(s, SKOS.prefLabel) == [row["nice_name"]]
        assert literals(s, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) == [row["official_name"]]
        assert literals(s, SKOS.altLabel) == sorted(split(row["alt_names"]))
        assert literals(s, CG.gssCode) == [row["gss"]]
        assert literals(s, CG.dfeCode) == [row["dfe_code"]]
        assert literals(s, CG.registerCode) == [row["register_code"]]
        (council_type,) = councils.objects(s, ORG.classification)  # a concept of the council-type scheme
        assert str(council_type).startswith(CGV + "council-type/")
        assert [str(n) for n in vocab.objects(council_type, SKOS.notation)] == [row["type"]]
        (region,) = councils.objects(s, CG.region)  # a concept of the region scheme
        assert str(region).startswith(CGV + "region/")
        assert row["region"] in {str(x) for p in (SKOS.prefLabel, SKOS.altLabel) for x in vocab.objects(region, p)}
        assert literals(s, CG.domain) == sorted(split(row["domains"]))
        assert literals(s, CG.startDate) == ([row["start_date"]] if row["start_date"] else [])
        assert literals(s, CG.endDate) == ([row["end_date"]] if row["end_date"] else [])
        assert literals(s, DCTERMS.isReplacedBy) == sorted(str(COUNCIL[r]) for r in split(row["replaced_by"]))
        wikidata = [str(o) for o in councils.objects(s, OWL.sameAs) if str(o).startswith(WIKIDATA)]
        assert wikidata == ([WIKIDATA + row["wikidata"]] if row["wikidata"] else [])
        for label in councils.objects(s, SKOS.prefLabel):
            assert label.language == "en"


def test_councils_turtle_carries_its_sources_and_licences(councils):
    dataset = URIRef("https://w3id.org/caregraph/id/dataset/councils")
    licences = {str(o) for o in councils.objects(dataset, DCTERMS.license)}
    assert licences == {
        "https://creativecommons.org/licenses/by/4.0/",
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "https://opensource.org/licenses/MIT",
    }
    assert len(set(councils.objects(dataset, DCTERMS.source))) == 4
    rights = str(councils.value(dataset, DCTERMS.rights))
    assert "mySociety (CC BY 4.0)" in rights and "Data to Insight (MIT)" in rights and "OGL v3.0" in rights


def test_councils_turtle_parses_in_pyoxigraph(councils):
    store = pyoxigraph.Store()
    store.load(path=str(ONTOLOGY / "councils.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(councils)


def test_sources_file_is_committed():
    text = (ONTOLOGY / "SOURCES.md").read_text(encoding="utf-8")
    for needle in ("mySociety", "CC BY 4.0", "Open Government Licence", "MIT", "Q6391507", "E08000038"):
        assert needle in text


# --- vocabularies ---------------------------------------------------------------------------------------

SCHEMES = (
    "kind",
    "judgement",
    "outcome",
    "area",
    "framework",
    "org-category",
    "practice-model",
    "statutory-role",
    "region",
    "council-type",
)

EXPECTED_CONCEPTS = {
    "kind": {
        "ilacs",
        "ilacs-standard",
        "ilacs-short",
        "focused-visit",
        "monitoring-visit",
        "jtai",
        "annual-engagement-meeting",
        "sif",
        "sif-reinspection",
        "earlier-framework",
        "slac",
        "cpi",
        "tlac",
        "unannounced",
        "commissioner-review",
        "send-area",
        "lscb-review",
        "other",
    },
    "judgement": {"outstanding", "good", "requires-improvement", "inadequate", "adequate", "not-judged"},
    "outcome": {
        "noted",
        "agreed",
        "approved",
        "endorsed",
        "recommended",
        "resolved",
        "deferred",
        "rejected",
        "other",
    },
    "area": {
        "overall-effectiveness",
        "impact-of-leaders",
        "help-and-protection",
        "children-in-care",
        "care-leavers",
        "sif-help-and-protection",
        "sif-looked-after",
        "sif-adoption",
        "sif-care-leavers",
        "sif-leadership",
        "lscb-effectiveness",
    },
    "framework": {"ilacs", "sif", "earlier"},
    "region": {
        "north-east",
        "north-west",
        "yorkshire-and-the-humber",
        "east-midlands",
        "west-midlands",
        "east-of-england",
        "london",
        "south-east",
        "south-west",
    },
    "council-type": {"county", "unitary", "metropolitan-district", "london-borough", "city-of-london"},
}


def concepts_in(vocab: Graph, scheme: str) -> dict[str, URIRef]:
    iri = URIRef(CGV + scheme)
    return {str(c)[len(iri) + 1 :]: c for c in vocab.subjects(SKOS.inScheme, iri)}


def test_vocabularies_parse_in_rdflib_and_pyoxigraph(vocab):
    store = pyoxigraph.Store()
    store.load(path=str(ONTOLOGY / "vocabularies.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(vocab) > 0


def test_schemes_are_declared_with_titles(vocab):
    declared = set(vocab.subjects(RDF.type, SKOS.ConceptScheme))
    assert declared == {URIRef(CGV + s) for s in SCHEMES}
    for scheme in declared:
        assert vocab.value(scheme, DCTERMS.title) is not None


def test_every_concept_is_labelled_and_in_a_scheme(vocab):
    schemes = set(vocab.subjects(RDF.type, SKOS.ConceptScheme))
    concepts = set(vocab.subjects(RDF.type, SKOS.Concept))
    assert concepts
    for concept in concepts:
        in_schemes = set(vocab.objects(concept, SKOS.inScheme))
        assert len(in_schemes) == 1 and in_schemes <= schemes, concept
        (scheme,) = in_schemes
        assert str(concept).startswith(str(scheme) + "/"), concept
        labels = list(vocab.objects(concept, SKOS.prefLabel))
        assert len(labels) == 1 and labels[0].language == "en", concept
        assert vocab.value(concept, SKOS.definition) is not None, concept
        assert vocab.value(concept, SKOS.notation) is not None, concept
        broader = list(vocab.objects(concept, SKOS.broader))
        top = list(vocab.objects(concept, SKOS.topConceptOf))
        assert bool(broader) != bool(top), f"{concept}: a concept is either top or has a broader concept"
        assert top in ([], [scheme])
        for parent in broader:
            assert (parent, SKOS.inScheme, scheme) in vocab, concept
    for subject in vocab.subjects(SKOS.inScheme, None):
        assert subject in concepts


def test_expected_concepts_are_present(vocab):
    for scheme, keys in EXPECTED_CONCEPTS.items():
        assert keys <= set(concepts_in(vocab, scheme)), scheme


def test_labels_resolve_to_one_concept_per_scheme(vocab):
    for scheme in SCHEMES:
        owners = defaultdict(set)
        for key, concept in concepts_in(vocab, scheme).items():
            for predicate in (SKOS.prefLabel, SKOS.altLabel):
                for label in vocab.objects(concept, predicate):
                    owners[" ".join(str(label).casefold().split())].add(key)
        shared = {label: sorted(keys) for label, keys in owners.items() if len(keys) > 1}
        assert shared == {}, scheme


def test_notations_are_unique_per_scheme(vocab):
    for scheme in SCHEMES:
        notations = [str(vocab.value(c, SKOS.notation)) for c in concepts_in(vocab, scheme).values()]
        assert len(notations) == len(set(notations)), scheme


def test_ri_resolves_to_requires_improvement(vocab):
    matches = set(vocab.subjects(SKOS.altLabel, Literal("RI", lang="en")))
    assert matches == {URIRef(CGV + "judgement/requires-improvement")}
    concept = URIRef(CGV + "judgement/requires-improvement")
    assert vocab.value(concept, SKOS.prefLabel) == Literal("Requires improvement to be good", lang="en")
    assert Literal("Requires improvement", lang="en") in set(vocab.objects(concept, SKOS.altLabel))


def test_judgement_notations(vocab):
    judgements = concepts_in(vocab, "judgement")
    for key, notation in [("outstanding", "1"), ("good", "2"), ("requires-improvement", "3"), ("inadequate", "4")]:
        assert str(vocab.value(judgements[key], SKOS.notation)) == notation


def test_the_inspectorates_are_named_as_documents_name_them(vocab):
    """Every organisation an inspection's cg:inspectorate may name (the inspection kinds' inspectorate, the
    inspectorates the rules find in a sentence, those of Ofsted's record) is in the vocabularies with the triples a
    document's graph gives it: the name of its [[organisations]] entry as a plain string, and its category. So the
    union of the graphs holds one label of each, and queries read the names from the reference graphs alone."""
    import tomllib

    from caregraph.interop.ofsted import INSPECTORATE_NAMES, INSPECTORATES

    rules = REPO / "src" / "caregraph" / "rules"
    inspections = tomllib.loads((rules / "inspections.toml").read_text(encoding="utf-8"))
    keys = {k["inspectorate"] for k in inspections["kinds"] if k.get("inspectorate")}
    keys |= set(inspections["inspectorates"]) | {k for ks in INSPECTORATES.values() for k in ks}
    entries = tomllib.loads((rules / "organisations.toml").read_text(encoding="utf-8"))["organisations"]
    by_key = {e["key"]: e for e in entries}
    base = "https://w3id.org/caregraph/id/org/"
    listed = {str(s)[len(base) :] for s in vocab.subjects(RDF.type, CG.Organisation)}
    assert listed == keys
    for key in keys:
        org = URIRef(base + key)
        assert list(vocab.objects(org, SKOS.prefLabel)) == [Literal(by_key[key]["name"])], key
        assert list(vocab.objects(org, ORG.classification)) == [URIRef(f"{CGV}org-category/{by_key[key]['category']}")]
        assert INSPECTORATE_NAMES.get(key, by_key[key]["name"]) == by_key[key]["name"], key


def test_kind_key_families(vocab):
    for key, concept in concepts_in(vocab, "kind").items():
        family = str(vocab.value(concept, CG.keyFamily))
        assert family == ("ilacs" if key.startswith("ilacs") else key), key
    ilacs = URIRef(CGV + "kind/ilacs")
    for key in ("ilacs-standard", "ilacs-short"):
        assert (URIRef(CGV + "kind/" + key), SKOS.broader, ilacs) in vocab


def rules() -> dict:
    import tomllib

    with (REPO / "src" / "caregraph" / "rules" / "organisations.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_every_practice_model_of_the_rules_is_a_concept_of_the_practice_model_scheme(vocab):
    """One concept per [[practice_models]] entry (its key is the notation and the IRI key), and no other: a council's
    cg:practiceModel is then a concept with an English label, whatever the document calls it."""
    entries = {e["key"]: e["name"] for e in rules()["practice_models"]}
    concepts = concepts_in(vocab, "practice-model")
    assert set(concepts) == set(entries)
    for key, concept in concepts.items():
        assert str(vocab.value(concept, SKOS.notation)) == key
        labels = {str(x).casefold() for p in (SKOS.prefLabel, SKOS.altLabel) for x in vocab.objects(concept, p)}
        assert entries[key].split(" (")[0].casefold() in labels, key
    from caregraph import iris

    assert str(iris.practice_model("mockingbird")) == str(concepts["mockingbird"])


def test_every_organisation_category_of_the_rules_is_a_concept(vocab):
    categories = {e.get("category") for e in rules()["organisations"]} | {"inspectorate"}  # Ofsted's import
    concepts = concepts_in(vocab, "org-category")
    assert None not in categories and categories <= set(concepts)
    assert {str(vocab.value(c, SKOS.notation)) for c in concepts.values()} == set(concepts)


def test_kinds_and_areas_name_their_framework_as_a_concept(vocab):
    frameworks = set(concepts_in(vocab, "framework").values())
    for scheme in ("kind", "area"):
        for key, concept in concepts_in(vocab, scheme).items():
            for value in vocab.objects(concept, CG.framework):
                assert value in frameworks, (scheme, key, value)
    assert vocab.value(URIRef(CGV + "area/sif-leadership"), CG.framework) == URIRef(CGV + "framework/sif")


def test_region_notations_are_ons_region_codes(vocab):
    regions = concepts_in(vocab, "region")
    codes = {key: str(vocab.value(c, SKOS.notation)) for key, c in regions.items()}
    assert codes["north-east"] == "E12000001" and codes["london"] == "E12000007" and codes["south-west"] == "E12000009"
    assert sorted(codes.values()) == [f"E1200000{i}" for i in range(1, 10)]


# --- reorganisations (org:ChangeEvent), from the lineage ------------------------------------------------


def events_of(graph: Graph) -> dict[str, tuple[set[str], set[str], str]]:
    """Each org:ChangeEvent: (original slugs, resulting slugs, the day it took effect)."""

    def slugs(event, predicate):
        return {str(o)[len(str(COUNCIL)) :] for o in graph.objects(event, predicate)}

    return {
        str(e): (slugs(e, ORG.originalOrganization), slugs(e, ORG.resultingOrganization), str(graph.value(e, CG.date)))
        for e in graph.subjects(RDF.type, ORG.ChangeEvent)
    }


def test_reorganisations_are_change_events(councils):
    events = {(frozenset(o), frozenset(r), day) for o, r, day in events_of(councils).values()}
    assert (
        frozenset({"northamptonshire"}),
        frozenset({"north-northamptonshire", "west-northamptonshire"}),
        "2021-04-01",
    ) in events
    assert (frozenset({"cumbria"}), frozenset({"cumberland", "westmorland-and-furness"}), "2023-04-01") in events
    assert (frozenset({"buckinghamshire-county-council"}), frozenset({"buckinghamshire"}), "2020-04-01") in events
    # Bournemouth and Poole merged into one council: one event with two originals
    assert (
        frozenset({"bournemouth", "poole"}),
        frozenset({"bournemouth-christchurch-and-poole"}),
        "2019-04-01",
    ) in events
    northants = URIRef("https://w3id.org/caregraph/id/change/2021-04-01/northamptonshire")
    assert (COUNCIL.northamptonshire, ORG.changedBy, northants) in councils
    assert (COUNCIL["west-northamptonshire"], ORG.resultedFrom, northants) in councils
    assert (
        councils.value(northants, CG.dateEarliest)
        == councils.value(northants, CG.dateLatest)
        == Literal("2021-04-01", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))
    )
    assert councils.value(northants, URIRef("http://www.w3.org/2000/01/rdf-schema#label")).language == "en"


def test_change_events_are_the_lineage_of_the_table(rows, councils):
    """Every former council's replacement is one event, dated the day after its end, and nothing else is."""
    expected: dict[tuple[str, str], set[str]] = {}
    for slug, row in rows.items():
        if row["replaced_by"]:
            day = (date.fromisoformat(row["end_date"]) + timedelta(days=1)).isoformat()
            expected[(slug, day)] = set(split(row["replaced_by"]))
    found = {(o, day): results for originals, results, day in events_of(councils).values() for o in originals}
    assert set(found) == set(expected)
    for key, successors in expected.items():
        assert successors <= found[key], key
        for successor in successors:
            assert rows[successor]["start_date"] in ("", key[1]), (key, successor)


def council(script, slug: str, *, end: str = "", replaced_by=(), start: str = ""):
    return script.Council(
        register_code=slug[:3].upper(),
        official_name=slug.title(),
        nice_name=slug.title(),
        type="CTY",
        current=not end,
        gss="",
        start_date=start,
        end_date=end,
        replaced_by=list(replaced_by),
        slug=slug,
    )


def test_change_events_group_the_lineage_by_day_and_successor(script):
    made_up = [
        council(script, "anyshire", end="2026-03-31", replaced_by=["north-anyshire", "south-anyshire"]),
        council(script, "north-anyshire", start="2026-04-01"),
        council(script, "south-anyshire", start="2026-04-01"),
        council(script, "east-borough", end="2027-03-31", replaced_by=["east-and-west"]),
        council(script, "west-borough", end="2027-03-31", replaced_by=["east-and-west"]),
        council(script, "east-and-west", start="2027-04-01"),
        council(script, "otherton", end="2027-03-31", replaced_by=["otherton-council"]),
        council(script, "otherton-council"),
    ]
    events = script.change_events(made_up)
    assert [(e.day, e.originals, e.results) for e in events] == [
        ("2026-04-01", ("anyshire",), ("north-anyshire", "south-anyshire")),
        ("2027-04-01", ("east-borough", "west-borough"), ("east-and-west",)),
        ("2027-04-01", ("otherton",), ("otherton-council",)),
    ]
    made_up[1] = council(script, "north-anyshire", start="2025-04-01")
    with pytest.raises(script.GazetteerError, match="anyshire ends 2026-03-31 but its successor north-anyshire starts"):
        script.change_events(made_up)


# --- regeneration ---------------------------------------------------------------------------------------
#
# The script's transformation, on a small made-up reference folder (tests/fixtures/gazetteer/, README there) whose
# rows exercise each correction: selection by nation and type, nice-name overrides, the Barnsley GSS correction,
# the Windsor & Maidenhead Wikidata id and website, rejected domains, region votes, lineage dates, name clean-up.


def run_script(refdata: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--refdata", str(refdata), "--out", str(out), *extra],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("gazetteer")
    result = run_script(FIXTURE, out, "--expected-current", "9")
    assert result.returncode == 0, result.stderr
    return out, result


@pytest.fixture(scope="module")
def made_rows(made) -> dict[str, dict[str, str]]:
    with (made[0] / "councils.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == CSV_COLUMNS
        table = list(reader)
    assert [r["slug"] for r in table] == sorted(r["slug"] for r in table)
    return {row["slug"]: row for row in table}


def test_fixture_selects_english_councils_with_childrens_services(made_rows):
    # Aberdeenshire (Scotland) and Mole Valley (a district council) are in the register but not in the gazetteer.
    assert set(made_rows) == {
        "barnsley",
        "cumberland",
        "cumbria",
        "durham",
        "lambeth",
        "lincolnshire",
        "st-helens",
        "surrey",
        "westmorland-and-furness",
        "windsor-and-maidenhead",
    }
    assert [s for s, r in made_rows.items() if r["current"] == "false"] == ["cumbria"]


def test_fixture_corrections_are_applied(made_rows, made):
    barnsley = made_rows["barnsley"]
    assert (barnsley["gss"], barnsley["former_gss"]) == ("E08000038", "E08000016")
    assert barnsley["wikidata"] and barnsley["domains"] == "barnsley.gov.uk"  # organisation.csv joined on the old code
    windsor = made_rows["windsor-and-maidenhead"]
    assert windsor["wikidata"] == "" and windsor["domains"] == "rbwm.gov.uk"
    assert made_rows["durham"]["nice_name"] == "Durham" and "County Durham" in split(made_rows["durham"]["alt_names"])
    assert made_rows["st-helens"]["nice_name"] == "St Helens"
    assert made_rows["lincolnshire"]["region"] == "East Midlands"  # the register's region is outvoted
    assert "LIN: register region 'Yorkshire and The Humber' outvoted by 'East Midlands'" in made[1].stderr


def test_fixture_lineage_codes_and_dates(made_rows):
    cumbria = made_rows["cumbria"]
    assert cumbria["end_date"] == "2023-03-31"  # the register's 2023-04-01 is the successors' first day
    assert split(cumbria["replaced_by"]) == ["cumberland", "westmorland-and-furness"]
    assert made_rows["cumberland"]["dfe_code"] == "942"  # blank in the register, from Provider_data_lookup
    assert made_rows["windsor-and-maidenhead"]["start_date"] == ""  # 2005-06-18: a register-entry artefact
    assert made_rows["lincolnshire"]["start_date"] == ""  # organisation.csv's 1905-06-01 likewise
    assert made_rows["lambeth"]["start_date"] == "1965-04-01"


def test_fixture_names_and_domains_are_cleaned(made_rows):
    assert split(made_rows["surrey"]["alt_names"]) == ["surrey county", "Surrey County Council"]
    assert made_rows["surrey"]["domains"] == "surreycc.gov.uk"  # "Surreycc.gov.uk" and "https://www.surreycc.gov.uk/"
    assert split(made_rows["lambeth"]["alt_names"]) == ["London Borough of Lambeth"]  # "lambeth london boro" dropped
    assert "RBWM" in split(made_rows["windsor-and-maidenhead"]["alt_names"])
    for row in made_rows.values():
        assert row["nice_name"].casefold() not in {n.casefold() for n in split(row["alt_names"])}


def test_fixture_turtle_agrees_with_the_csv(made, made_rows):
    graph = Graph().parse(made[0] / "councils.ttl", format="turtle")
    assert {str(s) for s in graph.subjects(RDF.type, CG.Council)} == {str(COUNCIL[s]) for s in made_rows}
    assert (COUNCIL.barnsley, AREA_SERVED, URIRef(ONS + "E08000038")) in graph
    assert not [o for o in graph.objects(COUNCIL["windsor-and-maidenhead"], OWL.sameAs) if str(o).startswith(WIKIDATA)]
    assert set(graph.objects(COUNCIL.cumbria, DCTERMS.isReplacedBy)) == {
        COUNCIL.cumberland,
        COUNCIL["westmorland-and-furness"],
    }
    # the fixture's lineage gives its one reorganisation, and its councils link to the concepts
    assert list(events_of(graph).values()) == [({"cumbria"}, {"cumberland", "westmorland-and-furness"}, "2023-04-01")]
    assert graph.value(COUNCIL.surrey, ORG.classification) == URIRef(CGV + "council-type/county")
    assert graph.value(COUNCIL.lincolnshire, CG.region) == URIRef(CGV + "region/east-midlands")


def test_script_refuses_a_region_or_type_with_no_concept(tmp_path):
    vocabularies = tmp_path / "vocabularies.ttl"
    text = (ONTOLOGY / "vocabularies.ttl").read_text(encoding="utf-8")
    vocabularies.write_text(text.replace('skos:prefLabel "East Midlands"@en', 'skos:prefLabel "Midlands East"@en'))
    result = run_script(FIXTURE, tmp_path / "out", "--expected-current", "9", "--vocabularies", str(vocabularies))
    assert result.returncode == 2
    assert "region 'East Midlands' of lincolnshire has no concept in the region scheme" in result.stderr


def test_fixture_output_is_deterministic(made, tmp_path):
    assert run_script(FIXTURE, tmp_path, "--expected-current", "9").returncode == 0
    for name in ("councils.csv", "councils.ttl"):
        assert filecmp.cmp(tmp_path / name, made[0] / name, shallow=False), name


def test_script_refuses_a_register_with_the_wrong_number_of_councils(tmp_path):
    result = run_script(FIXTURE, tmp_path)
    assert result.returncode == 2
    assert "9 current councils selected from uk_local_authorities_current.csv, expected 153" in result.stderr
    assert not (tmp_path / "councils.csv").exists()


@pytest.mark.refdata
def test_regenerating_from_the_reference_data_gives_byte_identical_files(tmp_path):
    result = run_script(REFDATA, tmp_path)
    assert result.returncode == 0, result.stderr
    for name in ("councils.csv", "councils.ttl"):
        assert filecmp.cmp(tmp_path / name, ONTOLOGY / name, shallow=False), f"{name} differs; rerun the script"


@pytest.mark.parametrize(
    "name, slug",
    [
        ("Kingston Council", "kingston-upon-thames"),  # the label of kingston.gov.uk, with "Council"
        ("Stockton Council", "stockton-on-tees"),
        ("Kingston", None),  # the label alone names no council
        ("Kent Council", "kent"),  # a council's own name is not overridden
    ],
)
def test_a_council_is_called_by_its_domains_label_and_council(name, slug):
    from caregraph.gazetteer import gazetteer

    assert gazetteer().resolve(name) == slug


@pytest.mark.parametrize(
    "name, slug",
    [
        ("St Helens Borough Council", "st-helens"),  # the council's own style, which the register lacks
        ("Bracknell Forest Borough Council", "bracknell-forest"),
        ("Wigan Metropolitan Borough Council", "wigan"),
        ("Borough of Poole", "poole"),
        ("City Council", None),  # a style with no name in it names no council
        ("Atlantis Borough Council", None),
    ],
)
def test_a_council_is_found_by_its_name_in_any_style(name, slug):
    """One home for a council's style around its name: the CLI's ``--council``, a manifest's council column and the
    gold's council all resolve through it."""
    from caregraph.gazetteer import gazetteer

    assert gazetteer().resolve(name) == slug
    assert gazetteer().lookup(name) == slug


def test_a_council_called_by_its_domains_label_is_found_in_a_text():
    from caregraph.gazetteer import gazetteer

    text = "The partnership works closely with Stockton Council's early help team."
    assert [slug for _, _, slug in gazetteer().find(text)] == ["stockton-on-tees"]


def test_the_publisher_of_a_page_older_than_its_council_is_the_council_it_replaced():
    from caregraph.records import PartialDate

    from .conftest import extract_text

    text = "Fostering news\n\nThe county's fostering service was praised by inspectors this week.\n"
    url = "https://www.somerset.gov.uk/news/fostering-praise"
    old = extract_text(text, url=url, published=PartialDate(2019, 6, 4))
    new = extract_text(text, url=url, published=PartialDate(2024, 6, 4))
    assert old.publisher == "somerset-county-council"
    assert new.publisher == "somerset"


def test_a_page_that_calls_its_council_by_the_new_official_name_keeps_it():
    from caregraph.records import PartialDate

    from .conftest import extract_text

    text = "Somerset Council\n\nCabinet papers\n\nThe Cabinet noted the fostering report.\n"
    x = extract_text(text, url="https://www.somerset.gov.uk/cabinet", published=PartialDate(2023, 1, 10))
    assert x.publisher == "somerset"


def _find_at_every_capital(gaz, text: str) -> list[tuple[int, int, str]]:
    """:meth:`Gazetteer.find` as first written: every capitalised word tried as a name's first word."""
    from caregraph.gazetteer import _CAPITAL

    saved = gaz.__dict__.get("_first_words")
    gaz.__dict__["_first_words"] = _CAPITAL
    try:
        return list(gaz.find(text))
    finally:
        if saved is None:
            del gaz.__dict__["_first_words"]
        else:
            gaz.__dict__["_first_words"] = saved


def test_find_tries_the_words_a_name_can_start_with_and_finds_what_every_capital_would():
    """The pattern of first words (speed only) finds every name that trying each capitalised word finds: names in
    capitals, after punctuation, in a word with a Kelvin sign for its "K" (which lower-cases to "k"), not inside a
    word or after "-"."""
    import random

    from caregraph.gazetteer import _CAPITAL, gazetteer

    gaz = gazetteer()
    assert gaz._first_words is not _CAPITAL  # the gazetteer's first words are plain ASCII
    text = (
        "Kent County Council and \u212aent Council, SURREY COUNCIL; West Sussex (West-Sussex) and xSurrey, _Surrey, "
        "surrey, Surreyx, 2Surrey, North Yorkshire Council’s plan; Stockton Council’s team; Brighton & Hove; "
        "BIRMINGHAM CITY COUNCIL\nLeeds.Bradford:Cumbria"
    )
    found = list(gaz.find(text))
    assert found == _find_at_every_capital(gaz, text)
    assert {"kent", "surrey", "west-sussex", "north-yorkshire", "leeds", "bradford"} <= {s for *_, s in found}
    assert sum(1 for *_, s in found if s == "kent") == 2  # with the Kelvin sign too
    words = [*text.replace("\n", " ").split(), "and", "of", "the", "&", "-", "Council"]
    rng = random.Random(14)
    for _ in range(300):
        sample = "".join(rng.choice(words) + rng.choice([" ", ", ", "\n", "-", ""]) for _ in range(12))
        assert list(gaz.find(sample)) == _find_at_every_capital(gaz, sample), sample


@pytest.mark.parametrize(
    "url, slug",
    [
        ("https://www.northwessexradio.example/news/1", None),  # "essex" inside "wessex": only contained
        ("https://www.brentfordtimes.example/story", None),  # "brent" starting "brentford": only contained
        ("https://www.surreyweb.org/news", None),  # a news site named after a council: only contained
        ("https://www.newcastlefamilies.example/x", None),  # opens with a domain's label: as weak
        ("https://democracy.leeds.gov.uk/mgAi.aspx?ID=1", "leeds"),  # the council's own domain
        ("https://worcestershire.moderngov.co.uk/mgAi.aspx?ID=1", "worcestershire"),  # a label that is its name
        ("https://rbwm.moderngov.co.uk/ieListDocuments.aspx?CId=130", "windsor-and-maidenhead"),  # its domain's label
    ],
)
def test_a_host_label_that_merely_contains_a_name_is_left_out_when_asked(url, slug):
    """The weaker reading of a host (a council's name inside a longer label) is one the caller may refuse; the
    others are the council's own address."""
    from caregraph.gazetteer import gazetteer

    assert gazetteer().from_url(url, contained=False) == slug
    assert gazetteer().from_url(url) is not None  # read as the council whose name the label holds otherwise


def test_a_councils_kin_are_the_councils_it_replaced_and_that_replaced_it():
    from caregraph.gazetteer import gazetteer

    g = gazetteer()
    assert g.kin("dorset") == {"dorset", "dorset-county-council"}
    assert g.kin("dorset-county-council") == {"dorset", "dorset-county-council"}
    assert g.kin("leeds") == {"leeds"}
    assert g.kin("nowhere-at-all") == {"nowhere-at-all"}
