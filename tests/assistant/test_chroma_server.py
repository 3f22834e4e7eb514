"""Chroma server mode: a real `chroma run` on loopback holds the chunks and vectors."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.index import Index
from assistant.updater import ingest_paths


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def chroma_server(tmp_path):
    exe = shutil.which("chroma", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("the chroma CLI is not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [exe, "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):  # up to 20 s for the server to listen
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("chroma run did not start listening")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_ingest_and_ask_through_a_chroma_server(tmp_path, corpus_dir, chroma_server):
    settings = Settings(home=tmp_path / "idx", chroma_url=chroma_server)
    index = Index(settings)
    assert ingest_paths(index, [corpus_dir]).count("added") == 5
    snap = index.snapshot()
    assert snap.manifest["chroma"] == chroma_server
    assert not (tmp_path / "idx" / "chroma").exists()  # nothing embedded
    assert index.store.collection(snap.collection).count() == len(snap.chunks)
    ans = Assistant(settings, index).ask("陕西对第三方机构有什么要求?")
    assert not ans.abstained and ans.citations[0].doc_id.startswith("shaanxi")
