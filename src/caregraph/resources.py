"""Where the shipped data lives: the ontology and the named queries travel inside the installed package
(``caregraph/ontology``, ``caregraph/queries``); in a source checkout they are the top-level folders."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def _folder(name: str) -> Path:
    installed = _PACKAGE / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"caregraph's {name}/ folder is missing from the installation ({installed})")


def ontology_dir() -> Path:
    return _folder("ontology")


def ontology_file(name: str) -> Path:
    return ontology_dir() / name


def queries_dir() -> Path:
    return _folder("queries")
