"""Deterministic stand-ins for services the tests cannot reach (named as fakes)."""
