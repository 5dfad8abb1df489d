"""The short cuts of the second round-9 speed pass over the people finders (speed only: never a change of output).

- :func:`caregraph.pipeline.extract.people._words_before` reads the fuller names of :func:`fuller_names` with one fixed
  pattern where a pattern was compiled for each person: on texts Hypothesis writes, it must give the first names
  ``finditer`` of that per-person pattern gives.
- :func:`caregraph.pipeline.extract.names.compile_all` compiles, for a build's warm-up, every variant of the bare-name
  pattern the finders ask for: the variants it lists must cover every call of ``bare_name_at`` in the source.
"""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caregraph.pipeline.extract import names
from caregraph.pipeline.extract.people import _words_before

_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PIECES = [
    "Celia", "C", "Cal", "c", "Edward", "E", "Example", "EXAMPLE", "Exampleton", "Examples", "example", "Sample",
    "Mr", "Dr", "é", "\u0301", "Ø", "1", "_", "-", "'", "’", " ", " ", " ", "  ", "\t", "\n", ",", ".", "(",
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _plain(text: str, surname: str, initial: str) -> list[str]:
    """The first names as :func:`fuller_names` read them before: one pattern compiled for the person."""
    first = rf"{re.escape(initial)}[^\W\d_]+" if initial else r"[^\W\d_]+"
    tail = f"(?:{re.escape(surname)}|{re.escape(surname.upper())})"
    return [m.group(1) for m in re.finditer(rf"(?<![\w’'-])({first})[ \t]+{tail}(?![\w’'-])", text)]


@_SETTINGS
@given(_TEXT, st.sampled_from(["Example", "EXAMPLE", "Exampleton", "O'Brien"]), st.sampled_from(["", "C", "E"]))
def test_words_before_finds_what_the_per_person_pattern_finds(text: str, surname: str, initial: str) -> None:
    assert _words_before(text, (surname, surname.upper()), initial) == _plain(text, surname, initial)


def _asked_variants() -> set[tuple[bool, bool, bool]]:
    """The (full_stop, line_end, any_word) variants the calls of ``bare_name_at`` in the source can ask for (an
    argument that is no constant may be either)."""
    root = Path(names.__file__).resolve().parents[2]
    out: set[tuple[bool, bool, bool]] = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "bare_name_at"):
                continue
            given_ = [
                next((k.value for k in node.keywords if k.arg == f), None)
                for f in ("full_stop", "line_end", "any_word")
            ]
            # each expression that is no constant may be either; one expression given twice is one choice
            free = sorted({ast.dump(v) for v in given_ if v is not None and not isinstance(v, ast.Constant)})
            for values in itertools.product((False, True), repeat=len(free)):
                chosen = dict(zip(free, values, strict=True))
                out.add(
                    tuple(  # type: ignore[arg-type]
                        False if v is None else bool(v.value) if isinstance(v, ast.Constant) else chosen[ast.dump(v)]
                        for v in given_
                    )
                )
    return out


def test_compile_all_covers_every_bare_name_variant_asked_for() -> None:
    asked = _asked_variants()
    assert asked  # the calls were found
    assert asked <= set(names._BARE_NAME_VARIANTS)


def test_compile_all_leaves_nothing_to_compile() -> None:
    names.compile_all()
    before = names._bare_name_re.cache_info()
    for variant in names._BARE_NAME_VARIANTS:
        names.bare_name_at("Jo Example said", 0, *variant)
    after = names._bare_name_re.cache_info()
    assert after.misses == before.misses


def test_words_before_examples() -> None:
    text = "C Example, Celia Example and Cal EXAMPLE; Mr Example met Edward  Example-Smith and Ed\tExample."
    assert _words_before(text, ("Example", "EXAMPLE"), "C") == ["Celia", "Cal"] == _plain(text, "Example", "C")
    assert _words_before(text, ("Example", "EXAMPLE"), "") == _plain(text, "Example", "")
