"""Input files as users have them: found, decoded, and refused with a one-line reason."""

from unkg.ingest.files import DEFAULT_MAX_BYTES, InputError, Source, decode, discover, read_source

__all__ = ["DEFAULT_MAX_BYTES", "InputError", "Source", "decode", "discover", "read_source"]
