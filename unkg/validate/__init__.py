"""Validation: the fast SHACL evaluator of the build and pySHACL with a report people can act on."""
