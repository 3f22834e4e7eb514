"""Shared fixtures: the corpus and fixture folders, and one index of the corpus per session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# tests never reach a model hub or Chroma's telemetry
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory):
    """A read-only index of corpus/ (tests that write build their own)."""
    from assistant.config import Settings
    from assistant.index.index import Index
    from assistant.index.update import ingest_paths

    settings = Settings(home=tmp_path_factory.mktemp("index") / "zhiqa")
    index = Index(settings)
    report = ingest_paths(index, [CORPUS])
    assert report.count("added") == 5, report.summary()
    return index


@pytest.fixture(scope="session")
def assistant(corpus_index):
    from assistant import Assistant

    return Assistant(corpus_index.settings, corpus_index)


@pytest.fixture()
def corpus_copy(tmp_path) -> Path:
    """A writable copy of corpus/ (with its manifest)."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    for f in target.iterdir():
        f.chmod(0o644)
    return target
