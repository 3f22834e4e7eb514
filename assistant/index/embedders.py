"""Dense embedders behind one interface.

- ``builtin``: LSA (TF-IDF over character 1-2 grams of the normalised text, truncated SVD)
  fitted on the indexed chunks; no download, no torch (assistant.index.lsa).
- ``st:<name or local path>``: a sentence-transformers model (optional extra ``st``).
- ``openai:<model>``: an OpenAI-compatible ``/v1/embeddings`` endpoint.
- ``none``: BM25 only.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.errors import EmbedderUnavailable, MissingExtra
from assistant.index.lsa import BuiltinLsaEmbedder, l2_rows

__all__ = ["BuiltinLsaEmbedder", "Embedder", "EmbedderSpec", "OpenAIEmbedder", "SentenceTransformerEmbedder"]


class Embedder(Protocol):
    kind: str  # stable spec stored in the index manifest, e.g. "builtin-lsa-v2", "st:BAAI/bge-small-zh-v1.5"

    @property
    def fingerprint(self) -> str: ...

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def sentence_transformers_source(name_or_path: str) -> tuple[str, bool]:
    """(what to load, local_files_only) for a sentence-transformers model: a local folder is
    always loaded offline; a hub name only when HF_HUB_OFFLINE says so."""
    local = Path(name_or_path).expanduser()
    offline = os.environ.get("HF_HUB_OFFLINE", "") not in ("", "0") or local.exists()
    return (str(local) if local.exists() else name_or_path), offline


class SentenceTransformerEmbedder:
    def __init__(self, name_or_path: str) -> None:
        self.name_or_path = name_or_path
        self.kind = f"st:{name_or_path}"
        self._model = None

    def _load(self):
        if self._model is None:
            try:  # the optional extra "st" (sentence-transformers and torch, 11 s to import)
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise MissingExtra("sentence-transformers", "st") from exc
            source, offline = sentence_transformers_source(self.name_or_path)
            try:
                self._model = SentenceTransformer(source, device="cpu", local_files_only=offline)
            except (OSError, ValueError) as exc:
                raise EmbedderUnavailable(
                    f"Sentence-transformers model '{self.name_or_path}' is not available locally ({exc}). "
                    "Download it on a connected machine, copy the folder here and set ZHIQA_EMBEDDER=st:/path/to/model."
                ) from exc
        return self._model

    @property
    def fingerprint(self) -> str:
        return "st-" + hashlib.sha1(self.name_or_path.encode()).hexdigest()[:12]

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        vecs = self._load().encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_documents([text])[0]


class OpenAIEmbedder:
    """Any OpenAI-compatible /v1/embeddings endpoint (Ollama, vLLM, llama.cpp server, a cloud API)."""

    def __init__(self, model: str, base_url: str, api_key: str | None = None, timeout: float = 30.0) -> None:
        if not base_url:
            raise EmbedderUnavailable("ZHIQA_EMBED_BASE_URL is required for openai:<model> embeddings (e.g. http://127.0.0.1:11434/v1)")
        self.model = model
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.kind = f"openai:{model}@{self.base_url}"

    @property
    def fingerprint(self) -> str:
        return "oai-" + hashlib.sha1(self.kind.encode()).hexdigest()[:12]

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        import httpx  # 0.3 s: only an endpoint embedder needs an HTTP client

        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        out: list[list[float]] = []
        for i in range(0, len(texts), 64):
            try:
                resp = httpx.post(
                    f"{self.base_url}/embeddings",
                    json={"model": self.model, "input": texts[i : i + 64]},
                    headers=headers,
                    timeout=self.timeout,
                )
                resp.raise_for_status()
                data = sorted(resp.json()["data"], key=lambda d: d["index"])
            except (httpx.HTTPError, KeyError, ValueError) as exc:
                raise EmbedderUnavailable(f"Embedding endpoint {self.base_url} failed: {exc}") from exc
            out.extend(d["embedding"] for d in data)
        return l2_rows(np.asarray(out, dtype=np.float32))

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_documents([text])[0]


@dataclass(frozen=True)
class EmbedderSpec:
    """What the user configured: builtin | none | st:<model> | openai:<model>."""

    value: str = "builtin"

    @property
    def kind(self) -> str:
        if self.value == "builtin":
            return BuiltinLsaEmbedder.kind
        if self.value == "none":
            return "none"
        if self.value.startswith("st:"):
            return self.value
        if self.value.startswith("openai:"):
            base = os.environ.get("ZHIQA_EMBED_BASE_URL", "").rstrip("/")
            return f"{self.value}@{base}"
        raise EmbedderUnavailable(f"Unknown embedder '{self.value}': use builtin, none, st:<model or path> or openai:<model>")

    def make_external(self) -> Embedder | None:
        """Embedders that need no fitting; None for builtin (fitted at ingest) and none."""
        if self.value.startswith("st:"):
            return SentenceTransformerEmbedder(self.value[3:])
        if self.value.startswith("openai:"):
            return OpenAIEmbedder(
                self.value[7:], os.environ.get("ZHIQA_EMBED_BASE_URL", ""), os.environ.get("ZHIQA_EMBED_API_KEY")
            )
        return None
