"""The ``cg:`` terms a hand-written query uses that the caregraph ontology does not define (a typo such as
``cg:Inspections`` or ``cg:startdate`` matches nothing, silently): ``caregraph query`` warns about them in one line.

The terms are read once from the ontology file (``ontology/caregraph.ttl``): every IRI of the ``cg:`` namespace that
the file says something about. Prefixed names (``cg:Inspection``, unless the query declares ``cg:`` as another
namespace) and full IRIs are checked; comments and strings are not.

>>> undefined_terms("SELECT * WHERE { ?i a cg:Inspection ; cg:startdate ?d }  # cg:Nothing")
['cg:startdate']
>>> term_warning("SELECT * WHERE { ?i a cg:Inspections }")
'warning: cg:Inspections (did you mean cg:Inspection?) is not a term of the caregraph ontology, so it matches nothing'
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from caregraph.namespaces import CG

# IRIs (kept: a "#" in one starts no comment), then comments and strings (blanked before looking for terms).
_NOT_CODE = re.compile(
    r"""(<[^<>"{}|^`\\\s]*>)|#[^\n]*|'''.*?'''|\"\"\".*?\"\"\"|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'""", re.S
)
_PREFIXED = re.compile(r"(?<![\w:?$<])cg:((?:[A-Za-z_]|\\.)(?:[\w.-]|\\.)*)")
_FULL = re.compile(r"<" + re.escape(CG) + r"([^<>\"{}|^`\\\s]*)>")
_DECLARED = re.compile(r"(?i)\bPREFIX\s+cg:\s*<([^<>]*)>")


@cache
def ontology_terms() -> frozenset[str]:
    """The local names of every ``cg:`` IRI the ontology file says something about."""
    import pyoxigraph as ox

    from caregraph.resources import ontology_file

    names = set()
    for quad in ox.parse(path=str(ontology_file("caregraph.ttl")), format=ox.RdfFormat.TURTLE):
        if isinstance(quad.subject, ox.NamedNode) and quad.subject.value.startswith(CG):
            names.add(quad.subject.value[len(CG) :])
    return frozenset(names)


def undefined_terms(text: str) -> list[str]:
    """The ``cg:`` terms in the query ``text`` that the ontology does not define, as written, in order."""
    code = _NOT_CODE.sub(lambda m: m.group(1) or re.sub(r"[^\n]", " ", m.group(0)), text)
    declared = _DECLARED.search(code)
    used: list[tuple[int, str, str]] = []
    if declared is None or declared.group(1) == CG:
        used += [(m.start(), m.group(1).replace("\\", ""), m.group(0)) for m in _PREFIXED.finditer(code)]
    used += [(m.start(), m.group(1), m.group(0)) for m in _FULL.finditer(code)]
    known = ontology_terms()
    return list(dict.fromkeys(written for _, name, written in sorted(used) if name.rstrip(".") not in known))


def term_warning(text: str) -> str | None:
    """One line naming the undefined ``cg:`` terms of ``text``, each with the closest defined term; None if none."""
    undefined = undefined_terms(text)
    if not undefined:
        return None
    known = sorted(ontology_terms())
    parts = []
    for written in undefined:
        name = written[3:] if written.startswith("cg:") else written[len(CG) + 1 : -1]
        close = [k for k in known if k.lower() == name.lower()] or difflib.get_close_matches(name, known, n=1)
        parts.append(written + (f" (did you mean cg:{close[0]}?)" if close else ""))
    if len(parts) == 1:
        return f"warning: {parts[0]} is not a term of the caregraph ontology, so it matches nothing"
    return f"warning: {', '.join(parts)} are not terms of the caregraph ontology, so they match nothing"
