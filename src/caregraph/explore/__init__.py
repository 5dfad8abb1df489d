"""Looking at the graph: the entity network (networkx), interactive pages (pyvis's vis-network), ``explain`` (what
the store knows about one thing, with its evidence) and store statistics."""
