"""Fixtures of the LLM-mode tests: an index of the statute fixture plus a notice that carries an
instruction addressed to whatever model reads it, and a FakeChatServer per test."""
from __future__ import annotations

import pytest
from chat_helpers import NOTICE
from fakes.chat_server import FakeChatServer

from assistant.config import Settings
from assistant.index.index import Index
from assistant.index.update import ingest_paths


@pytest.fixture(scope="session")
def statute_index(tmp_path_factory, fixtures_dir):
    """The statute fixture and the injected notice, in an index of their own."""
    docs = tmp_path_factory.mktemp("docs")
    (docs / "statute.txt").write_bytes((fixtures_dir / "statute.txt").read_bytes())
    (docs / "notice.txt").write_text(NOTICE, encoding="utf-8")
    index = Index(Settings(home=tmp_path_factory.mktemp("llm-index") / "zhiqa"))
    assert ingest_paths(index, [docs]).count("added") == 2
    return index


@pytest.fixture()
def server():
    with FakeChatServer() as s:
        yield s
