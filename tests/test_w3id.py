"""ontology/w3id/.htaccess, the redirect file to propose to w3id.org: what each caregraph IRI resolves to, for a
client that asks for Turtle and for a browser.

The file is read by a small evaluator of the mod_rewrite subset it uses (RewriteCond on %{HTTP_ACCEPT}, RewriteRule
with [E=…], [R=303], [NC], [NE] and [L]), so the test follows the rules as Apache would, not a copy of them.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HTACCESS = ROOT / "ontology" / "w3id" / ".htaccess"
W3ID = "https://w3id.org/caregraph/"
TURTLE = "text/turtle, application/rdf+xml;q=0.8"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def _flags(text: str) -> list[str]:
    return text.strip("[]").split(",") if text.startswith("[") else []


def resolve(iri: str, accept: str) -> tuple[int, str] | None:
    """(status, location) of a GET of ``iri`` with this Accept header, or None when no rule redirects it."""
    assert iri.startswith(W3ID)
    path = iri[len(W3ID) :].split("#")[0]
    env: dict[str, str] = {}
    conditions: list[tuple[str, str, list[str]]] = []
    for line in HTACCESS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        words = shlex.split(line, posix=False)
        if words[0] == "RewriteCond":
            conditions.append((words[1], words[2], _flags(words[3]) if len(words) > 3 else []))
            continue
        if words[0] != "RewriteRule":
            continue
        pattern, target, flags = words[1], words[2], _flags(words[3]) if len(words) > 3 else []
        pending, conditions = conditions, []
        ok = all(
            re.search(regex, accept if variable == "%{HTTP_ACCEPT}" else "", re.I if "NC" in f else 0)
            for variable, regex, f in pending
        )
        match = re.search(pattern, path)
        if not ok or match is None:
            continue
        for flag in flags:
            if flag.startswith("E="):
                name, _, value = flag[2:].partition(":")
                env[name] = value
        if target == "-":
            continue
        location = re.sub(r"%\{ENV:(\w+)\}", lambda m: env[m.group(1)], target)
        location = re.sub(r"\$(\d)", lambda m, rule=match: rule.group(int(m.group(1))) or "", location)
        status = next((int(f[2:]) for f in flags if f.startswith("R=")), 302)
        return status, location
    return None


def site() -> str:
    found = re.search(r"\[E=CG_SITE:([^\]]+)\]", HTACCESS.read_text(encoding="utf-8"))
    assert found, "the .htaccess sets CG_SITE once"
    return found.group(1)


@pytest.mark.parametrize(
    ("iri", "turtle", "html"),
    [
        (f"{W3ID}ontology#Inspection", "ontology/caregraph.ttl", "docs/ontology.html"),
        (f"{W3ID}ontology", "ontology/caregraph.ttl", "docs/ontology.html"),
        (f"{W3ID}shapes#Inspection", "ontology/shapes.ttl", "docs/ontology.html#shapes-and-caregraph-validate"),
        (f"{W3ID}vocab/kind/focused-visit", "ontology/vocabularies.ttl", "docs/ontology.html#vocabularies"),
        (f"{W3ID}vocab/region", "ontology/vocabularies.ttl", "docs/ontology.html#vocabularies"),
        (
            f"{W3ID}id/council/surrey",
            "ontology/councils.ttl",
            "docs/ontology.html#the-councils-gazetteer-and-reorganisations",
        ),
        (
            f"{W3ID}id/change/2021-04-01/northamptonshire",
            "ontology/councils.ttl",
            "docs/ontology.html#the-councils-gazetteer-and-reorganisations",
        ),
        (
            f"{W3ID}id/council/surrey/inspection/focused-visit/2024-04",
            "docs/ontology.html#iris-one-natural-key-per-thing",
            "docs/ontology.html#iris-one-natural-key-per-thing",
        ),
        (f"{W3ID}graph/councils", "ontology/councils.ttl", "ontology/councils.ttl"),
    ],
)
def test_each_iri_negotiates_turtle_or_html(iri, turtle, html):
    assert resolve(iri, TURTLE) == (303, site() + turtle)
    assert resolve(iri, BROWSER) == (303, site() + html)


def test_the_redirect_targets_are_files_of_the_repository():
    """Every file the .htaccess sends a client to is one the repository has (docs/ontology.html is
    docs/ontology.md as the site renders it), and every section anchor is a heading of docs/ontology.md."""
    text = HTACCESS.read_text(encoding="utf-8")
    targets = set(re.findall(r"%\{ENV:CG_SITE\}([^\s#\[]+)(#[^\s\[]+)?", text))
    assert targets
    doc = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    anchors = {
        re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in re.findall(r"^#+ (.+)$", doc, flags=re.M)
    }
    for path, anchor in targets:
        source = ROOT / (path.removesuffix(".html") + ".md" if path.endswith(".html") else path)
        assert source.exists(), path
        if anchor:
            assert anchor[1:] in anchors, anchor


def test_every_namespace_the_data_uses_is_covered():
    """The namespaces caregraph writes (caregraph.namespaces) each resolve somewhere for both kinds of client."""
    from caregraph import iris, namespaces

    for iri in (
        namespaces.CG + "Council",
        namespaces.CGV + "outcome/noted",
        namespaces.SHAPES + "Inspection",
        namespaces.CGD + "org/ofsted",
        iris.graph_iri("ofsted"),
        iris.council_iri("durham"),
    ):
        for accept in (TURTLE, BROWSER, "*/*"):
            assert resolve(iri, accept) is not None, (iri, accept)
    # a private document's IRI is not in the namespace at all
    assert not iris.document_iri("papers/private.pdf").startswith(W3ID)
