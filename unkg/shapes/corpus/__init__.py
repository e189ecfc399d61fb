"""Rules that span documents, as SPARQL run once over a whole build (see ``unkg.validate.checks``).

Each ``.rq`` file starts with comment lines: ``# severity:``, ``# message:`` (with ``{?var}``
placeholders) and ``# reads:``, the predicates the query reads, so a build without a store can
run the rules over just those triples.
"""
