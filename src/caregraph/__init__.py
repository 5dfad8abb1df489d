"""caregraph: council papers about Ofsted inspections of children's services, as a knowledge graph.

The library does everything the ``caregraph`` command does::

    >>> import caregraph
    >>> with caregraph.open_store("my-store") as store:          # doctest: +SKIP
    ...     summary = caregraph.build(store, ["data/"])
    ...     rows = caregraph.run_query(store, "inspections").rows

Stages, one module each: :mod:`caregraph.pipeline.load` → :mod:`caregraph.pipeline.segment` → :mod:`caregraph.pipeline.extract`
→ :mod:`caregraph.pipeline.mapping` → :mod:`caregraph.store`; then :mod:`caregraph.query`.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["CaregraphError", "__version__", "build", "open_store", "run_query"]


def __getattr__(name: str):
    # Lazy re-exports keep `import caregraph` (and so `caregraph --help`) fast.
    if name == "build":
        from caregraph.pipeline.build import build

        return build
    if name == "open_store":
        from caregraph.store import open_store

        return open_store
    if name == "run_query":
        from caregraph.query import run_query

        return run_query
    if name == "CaregraphError":
        from caregraph.errors import CaregraphError

        return CaregraphError
    raise AttributeError(f"module 'caregraph' has no attribute {name!r}")
