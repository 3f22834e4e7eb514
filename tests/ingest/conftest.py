"""Fixtures for the ingest tests: every committed document ingested once per session."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from ingest import IngestedDocument, ingest_file
from ingest_helpers import ROOT


class _DocCache:
    """ingest_file, memoised per session: the documents are read-only inputs."""

    def __init__(self) -> None:
        self._docs: dict[Path, IngestedDocument] = {}

    def __call__(self, relpath: str | Path) -> IngestedDocument:
        path = ROOT / relpath
        if path not in self._docs:
            self._docs[path] = ingest_file(path)
        return self._docs[path]

    def corpus(self, name: str) -> IngestedDocument:
        return self(f"corpus/{name}")

    def fixture(self, name: str) -> IngestedDocument:
        return self(f"tests/fixtures/{name}")


@pytest.fixture(scope="session")
def docs() -> _DocCache:
    return _DocCache()


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    """Hypothesis caches (constants, unicode tables) go under pytest's temporary folder, not the
    checkout; its pytest plugin writes them while collecting, before any fixture runs."""
    from hypothesis.configuration import set_hypothesis_home_dir

    factory = getattr(config, "_tmp_path_factory", None)  # what the tmp_path_factory fixture returns
    home = factory.mktemp("hypothesis") if factory else Path(tempfile.mkdtemp(prefix="zhiqa-hypothesis-"))
    set_hypothesis_home_dir(home)
