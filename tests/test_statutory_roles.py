"""Statutory roles (issue 15): the Director of Children's Services and the Lead Member for Children's Services of the
Children Act 2004 (ss18-19) typed on a post whatever its local title (cg:statutoryRole), and found by post-holders."""

from __future__ import annotations

import doctest

import pytest
from rdflib import Graph, URIRef

from caregraph.namespaces import CG
from caregraph.pipeline import mapping
from caregraph.pipeline.mapping import statutory_role
from caregraph.query import run_query
from caregraph.store import open_store

from .conftest import ROOT

VOCAB = "https://w3id.org/caregraph/vocab/statutory-role/"


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Executive Director of Children, Families and Learning", "dcs"),
        ("Corporate Director of Children and Young People's Services", "dcs"),
        ("Director of Children’s Services", "dcs"),
        ("Interim Director of Children's Services", "dcs"),
        ("Acting Strategic Director, Children and Families", "dcs"),
        ("Director of Education and Children's Services", "dcs"),
        ("Cabinet Member for Children", "lead-member"),
        ("Portfolio Holder for Children and Young People", "lead-member"),
        ("Executive Member for Children's Services", "lead-member"),
        ("Lead Member for Children's Services", "lead-member"),
        ("Assistant Director of Children's Services", None),
        ("Deputy Director of Children's Services", None),
        ("Associate Director, Children and Families", None),
        ("Head of Children's Services", None),
        ("Director of Children's Social Care", None),
        ("Director of Children's Safeguarding", None),
        ("Director of Early Help for Children", None),
        ("Director of Children's Commissioning", None),
        ("Strategic Director for People", None),
        ("Director of Education", None),
        ("Interim Director for Change Safeguarding and Early Help", None),
        ("Deputy Cabinet Member for Children", None),
        ("Shadow Cabinet Member for Children and Young People", None),
        ("Cabinet Member for Adult Social Care", None),
        ("Chair of the Children's Scrutiny Committee", None),
    ],
)
def test_rule(title: str, role: str | None) -> None:
    assert statutory_role(title) == role


def test_rule_doctests() -> None:
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner()
    for test in finder.find(statutory_role, "statutory_role", globs=vars(mapping)):
        runner.run(test)
    assert runner.failures == 0 and runner.tries >= 9


def test_vocabulary_and_property() -> None:
    vocab = Graph().parse(ROOT / "ontology" / "vocabularies.ttl")
    notations = {
        str(n)
        for c in ("dcs", "lead-member")
        for n in vocab.objects(URIRef(VOCAB + c), URIRef("http://www.w3.org/2004/02/skos/core#notation"))
    }
    assert notations == {"dcs", "lead-member"}
    onto = Graph().parse(ROOT / "ontology" / "caregraph.ttl")
    assert (URIRef(CG + "statutoryRole"), None, None) in onto


@pytest.fixture(scope="module")
def store(built_store):
    with open_store(built_store, read_only=True) as st:
        yield st


def _roles(store) -> dict[str, set[str]]:
    """Each post title of the store with the statutory roles some graph gives it."""
    found: dict[str, set[str]] = {}
    query = (
        f"SELECT ?label ?role WHERE {{ GRAPH ?g {{ ?post a <{CG}Post> ; <http://www.w3.org/2004/02/skos/core#prefLabel> "
        f"?label OPTIONAL {{ ?post <{CG}statutoryRole> ?role }} }} }}"
    )
    for sol in store.query(query):
        roles = found.setdefault(sol["label"].value, set())
        if sol["role"] is not None:
            roles.add(sol["role"].value)
    return found


def test_built_store_types_the_posts(store) -> None:
    roles = _roles(store)
    assert roles["Executive Director of Children, Families and Learning"] == {VOCAB + "dcs"}
    assert roles["Cabinet Member for Children"] == {VOCAB + "lead-member"}
    assert roles["Interim Director for Change Safeguarding and Early Help"] == set()


def test_post_holders_by_role(store) -> None:
    dcs = run_query(store, "post-holders", {"role": "dcs"}).values()
    names = {r["name"] for r in dcs}
    assert "Dave Hill" in names
    assert "Clare Curran" not in names and "Jacquie Burke" not in names
    assert {r["statutoryRole"] for r in dcs} == {"Director of Children's Services"}
    by_label = run_query(store, "post-holders", {"role": "Lead Member for Children's Services"}).values()
    assert "Clare Curran" in {r["name"] for r in by_label}
    assert "Dave Hill" not in {r["name"] for r in by_label}
    everyone = run_query(store, "post-holders", {}).values()
    assert len(everyone) > len(dcs)
    assert any(r["statutoryRole"] is None for r in everyone)


def test_shapes_take_a_statutory_role_only_from_its_scheme() -> None:
    from caregraph import iris
    from caregraph.validate import validate_graph

    from .test_mapping import BUILT_AT, cabinet_decision

    g = mapping.to_graph(cabinet_decision(), BUILT_AT)
    dcs = URIRef(iris.base() + "council/surrey/post/director-of-childrens-services")
    assert (dcs, URIRef(CG + "statutoryRole"), iris.concept("statutory-role", "dcs")) in g

    def violations(graph: Graph) -> list[str]:
        return [p.message for p in validate_graph(graph, "urn:test")[0] if p.severity == "Violation"]

    assert violations(g) == []
    g.set((dcs, URIRef(CG + "statutoryRole"), iris.concept("kind", "sif")))
    assert "not a concept of the statutory-role scheme (cgv:statutory-role)" in violations(g)
