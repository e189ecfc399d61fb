"""Facts to RDF: the graph record, the one mapping, IRIs, the reference data."""
