"""The build pipeline: load → segment → extract → map, then the store.

Each stage is a module whose functions take and give plain records (:mod:`caregraph.records`):
:mod:`~caregraph.pipeline.load` reads a file into a ``SourceDocument``, :mod:`~caregraph.pipeline.segment` finds its
genre and sections, :mod:`~caregraph.pipeline.extract` finds the facts, :mod:`~caregraph.pipeline.mapping` turns
them into triples, and :mod:`~caregraph.pipeline.build` runs the stages over many documents in worker processes and
writes each document's graph into the :class:`~caregraph.store.Store`.
"""
