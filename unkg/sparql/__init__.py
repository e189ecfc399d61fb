"""SPARQL: the on-disk store, queries, loading into servers, the endpoint."""
