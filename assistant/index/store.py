"""Chroma holds each chunk's vector and metadata (document, offsets, and the filters: region,
level, year): embedded (PersistentClient under the index home) or a server (``chroma run``) when
ZHIQA_CHROMA_URL is set.

We always pass our own vectors, so Chroma's default embedding function (which downloads a
model) is never called, and telemetry is off."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from assistant.errors import ChromaDamaged, ChromaUnavailable


class ChromaStore:
    def __init__(self, path: Path, url: str | None = None) -> None:
        self.path = path
        self.url = url
        self._client = None
        self._collections: dict[str, object] = {}
        # one client, made once: twenty questions arriving as a server starts each made their own,
        # and some of them failed inside Chroma
        self._opening = threading.RLock()
        self.read_only_copy: Path | None = None  # where a read-only index's vectors were copied to be read

    @property
    def client(self):
        if self._client is None:
            with self._opening:
                if self._client is None:
                    self._client = self._open()
        return self._client

    def _open(self):
        # chromadb takes 1.4 s to import: a BM25-only index and the ingest workers never pay it
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from chromadb.errors import ChromaError

        settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if self.url:
            u = urlparse(self.url)
            try:
                return chromadb.HttpClient(
                    host=u.hostname, port=u.port or (443 if u.scheme == "https" else 8000), ssl=u.scheme == "https",
                    settings=settings,
                )
            except ValueError as exc:  # chromadb's "Could not connect to a Chroma server"
                raise ChromaUnavailable(self.url, exc) from exc
        path = self.path
        if path.exists() and not os.access(path, os.W_OK):
            # Chroma writes even to read: a reader of an index it may not write reads a private copy
            path = self.read_only_copy = _private_copy(path)
        else:
            path.mkdir(parents=True, exist_ok=True)
        try:
            return chromadb.PersistentClient(path=str(path), settings=settings)
        except (ChromaError, ValueError, RuntimeError, OSError, AttributeError) as exc:
            # chromadb keeps the half-started system of a path and fails on it ever after: forget it,
            # so that a new store written at this path (a rebuild's) opens cleanly
            from chromadb.api.shared_system_client import SharedSystemClient

            SharedSystemClient._identifier_to_system.pop(str(path), None)
            SharedSystemClient._identifier_to_refcount.pop(str(path), None)
            raise ChromaDamaged(str(self.path), exc) from exc

    def set_aside(self) -> Path | None:
        """Move a damaged embedded store out of the way so that a rebuild starts a new one; the
        old folder is kept beside it (chroma.damaged-TIME) for whoever wants to look at it."""
        if self.url or not self.path.exists():
            return None
        with self._opening:
            self._client = None
            self._collections.clear()
            aside = self.path.with_name(f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
            os.replace(self.path, aside)
            return aside

    @contextmanager
    def _reachable(self):
        """A server that goes away mid-session is reported as ChromaUnavailable, not as httpx's error."""
        if not self.url:
            yield
            return
        import httpx  # only a Chroma server's errors need it (0.3 s); by then chromadb has loaded it

        try:
            yield
        except httpx.TransportError as exc:
            self._client = None  # reconnect next time: the server may be back
            self._collections.clear()
            raise ChromaUnavailable(self.url, exc) from exc

    def collection(self, name: str):
        if name not in self._collections:
            with self._opening, self._reachable():
                if name not in self._collections:
                    self._collections[name] = self.client.get_or_create_collection(
                        name=name, embedding_function=None, metadata={"hnsw:space": "cosine"}
                    )
        return self._collections[name]

    def collection_names(self) -> list[str]:
        return [c if isinstance(c, str) else c.name for c in self.client.list_collections()]

    def existing_ids(self, name: str, ids: list[str]) -> set[str]:
        col = self.collection(name)
        found: set[str] = set()
        with self._reachable():
            for i in range(0, len(ids), 1000):
                found.update(col.get(ids=ids[i : i + 1000], include=[])["ids"])
        return found

    def upsert(self, name: str, ids: list[str], vectors: np.ndarray, metadatas: list[dict]) -> None:
        """Vectors and chunk metadata; no chunk text. The text is in the generation's chunks.jsonl
        and, at the metadata's offsets, in the original; given to Chroma it would also build a
        full-text index zhiqa never queries, which took 60% of a 2,000-document ingest."""
        col = self.collection(name)
        with self._reachable():
            batch = max(1, min(1000, self.client.get_max_batch_size()))
            for i in range(0, len(ids), batch):
                col.upsert(
                    ids=ids[i : i + batch],
                    embeddings=vectors[i : i + batch],
                    metadatas=metadatas[i : i + batch],
                )

    def query(self, name: str, vector: np.ndarray, n: int, where: dict | None) -> list[tuple[str, float]]:
        # n may exceed what the collection (or the filter) holds: Chroma then returns what there is
        with self._reachable():
            res = self.collection(name).query(query_embeddings=[vector], n_results=n, where=where or None, include=["distances"])
        return list(zip(res["ids"][0], res["distances"][0]))

    def delete_ids(self, name: str, ids: list[str]) -> None:
        col = self.collection(name)
        for i in range(0, len(ids), 1000):
            col.delete(ids=ids[i : i + 1000])

    def all_ids(self, name: str) -> set[str]:
        return set(self.collection(name).get(include=[])["ids"])

    def drop(self, name: str) -> None:
        self._collections.pop(name, None)
        self.client.delete_collection(name)


def _private_copy(folder: Path) -> Path:
    """A copy of a read-only Chroma folder in this user's temporary folder, removed at exit."""
    copy = Path(tempfile.mkdtemp(prefix="zhiqa-readonly-chroma-")) / "chroma"
    shutil.copytree(folder, copy)
    atexit.register(shutil.rmtree, copy.parent, True)
    return copy
