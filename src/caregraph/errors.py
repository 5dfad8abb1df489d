"""The library's exceptions. The CLI alone turns them into ``Error: …`` and an exit code."""

from __future__ import annotations


class CaregraphError(Exception):
    """Base of every error caregraph raises on purpose."""

    exit_code = 2


class LoadError(CaregraphError):
    """A document could not be read: names the file and the problem."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ManifestError(CaregraphError):
    """A manifest CSV is malformed (``file:line: problem``)."""


class StoreError(CaregraphError):
    """The store cannot be opened or written."""


class StoreLocked(StoreError):
    """Another caregraph process is writing the store."""


class QueryError(CaregraphError):
    """A SPARQL query could not be run."""


class QuerySyntaxError(QueryError):
    """The query text is not valid SPARQL; carries the line and column."""

    def __init__(
        self,
        message: str,
        source: str = "<query>",
        line: int | None = None,
        column: int | None = None,
        text_line: str | None = None,
    ):
        self.source = source
        self.line = line
        self.column = column
        self.text_line = text_line
        where = source if line is None else f"{source}:{line}:{column}"
        detail = f"{where}: {message}"
        if text_line is not None and column is not None:
            detail += f"\n  {text_line}\n  {' ' * max(column - 1, 0)}^"
        super().__init__(detail)


class UnknownQuery(QueryError):
    """No named query by that name; lists close matches."""


class QueryRefused(QueryError):
    """The query would write to the store or reach the network, and was not allowed to."""


class QueryTimeout(QueryError):
    """The query ran longer than ``--timeout``."""


class ParameterError(QueryError):
    """A query parameter is unknown or its value is not of the declared type."""


# ------------------------------------------------------------------------------------------ exploring


class SelectionError(CaregraphError):
    """A selection option is malformed: an unknown class, a bad date, a query that does not give triples."""


class UnknownEntity(SelectionError):
    """No entity matches the name or IRI given; lists close matches."""


class AmbiguousEntity(SelectionError):
    """Several entities match the name given; lists them with their IRIs."""


class NoPath(CaregraphError):
    """Two entities are not connected in the graph (ran and found nothing: exit code 1)."""

    exit_code = 1
