"""Moving the graph between caregraph and the rest of the linked-data world: export in the standard RDF formats,
push to a SPARQL 1.1 Graph Store, the dataset description (VoID/DCAT), and import of Ofsted's official outcomes."""
