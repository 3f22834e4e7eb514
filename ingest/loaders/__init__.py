from ingest.loaders.dispatch import SUPPORTED_SUFFIXES, load

__all__ = ["SUPPORTED_SUFFIXES", "load"]
