"""The ``caregraph`` command: a thin Typer layer over the library (each command parses options, calls one library
function and prints)."""

from caregraph.cli.app import app, main

__all__ = ["app", "main"]
