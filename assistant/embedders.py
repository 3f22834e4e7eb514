"""Dense embedders behind one interface.

- ``builtin``: LSA (TF-IDF over character 1-2 grams of the normalised text, truncated SVD)
  fitted on the indexed chunks; no download, no torch.
- ``st:<name or local path>``: a sentence-transformers model (optional extra ``st``).
- ``openai:<model>``: an OpenAI-compatible ``/v1/embeddings`` endpoint.
- ``none``: BM25 only.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.errors import EmbedderUnavailable, MissingExtra


class Embedder(Protocol):
    kind: str  # stable spec stored in the index manifest, e.g. "builtin-lsa-v1", "st:BAAI/bge-small-zh-v1.5"

    @property
    def fingerprint(self) -> str: ...

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def _l2(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (m / norms).astype(np.float32)


def _char_ngrams(text: str) -> list[str]:
    chars = [c for c in text if not c.isspace()]
    return chars + [a + b for a, b in zip(chars, chars[1:])]


FIT_SAMPLE = 8000  # chunks the built-in LSA is fitted on, at most


class BuiltinLsaEmbedder:
    """Character n-gram LSA fitted on the corpus. Texts must be normalised already."""

    kind = "builtin-lsa-v1"

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, components: np.ndarray, fitted_on: int) -> None:
        self.vocabulary = vocabulary
        self.idf = idf.astype(np.float32)
        self.components = components.astype(np.float32)
        self.fitted_on = fitted_on

    @property
    def fingerprint(self) -> str:
        h = hashlib.sha1(self.components.tobytes()).hexdigest()[:12]
        return f"lsa{self.components.shape[0]}-{h}"

    @classmethod
    def fit(cls, texts: list[str], dims: int = 256) -> "BuiltinLsaEmbedder":
        return cls.fit_embed(texts, dims)[0]

    @classmethod
    def fit_embed(cls, texts: list[str], dims: int = 256) -> tuple["BuiltinLsaEmbedder", np.ndarray]:
        """Fit on ``texts`` and return their vectors too. Up to FIT_SAMPLE chunks the fit's own
        TF-IDF matrix gives the vectors; a larger corpus is fitted on an evenly spaced sample of
        FIT_SAMPLE chunks (the SVD's cost grows with the rows; the topics do not) and embedded whole."""
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer

        sample = texts if len(texts) <= FIT_SAMPLE else [texts[round(i * len(texts) / FIT_SAMPLE)] for i in range(FIT_SAMPLE)]
        vec = TfidfVectorizer(analyzer=_char_ngrams, sublinear_tf=True, norm="l2", dtype=np.float32)
        matrix = vec.fit_transform(sample)
        k = max(1, min(dims, matrix.shape[0] - 1, matrix.shape[1] - 1))
        svd = TruncatedSVD(n_components=k, random_state=0, algorithm="randomized", n_iter=5)
        svd.fit(matrix)
        vocab = {term: int(i) for term, i in vec.vocabulary_.items()}
        embedder = cls(vocab, vec.idf_, svd.components_, len(texts))
        return embedder, embedder._project(matrix) if sample is texts else embedder.embed_documents(texts)

    def _tfidf(self, texts: list[str]):
        """Sublinear TF-IDF rows, L2-normalised: what the fitted TfidfVectorizer computes."""
        from scipy.sparse import csr_matrix

        vocab = self.vocabulary
        indptr, cols = [0], []
        for text in texts:
            cols.extend(j for j in map(vocab.get, _char_ngrams(text)) if j is not None)
            indptr.append(len(cols))
        # duplicates (a term seen n times in a row) are summed into counts by the conversion
        m = csr_matrix((np.ones(len(cols), dtype=np.float32), np.asarray(cols, dtype=np.int64), np.asarray(indptr)),
                       shape=(len(texts), len(vocab)))
        m.sum_duplicates()
        m.data = (1.0 + np.log(m.data)) * self.idf[m.indices]
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return csr_matrix(m.multiply(1.0 / norms[:, None]))

    def _project(self, tfidf) -> np.ndarray:
        return _l2(np.asarray(tfidf @ self.components.T))

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self._project(self._tfidf(texts))

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_documents([text])[0]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "idf.npy", self.idf)
        np.save(folder / "components.npy", self.components)
        (folder / "vocabulary.json").write_text(
            json.dumps({"fitted_on": self.fitted_on, "vocabulary": self.vocabulary}, ensure_ascii=False), encoding="utf-8"
        )

    @classmethod
    def load(cls, folder: Path) -> "BuiltinLsaEmbedder":
        meta = json.loads((folder / "vocabulary.json").read_text(encoding="utf-8"))
        return cls(meta["vocabulary"], np.load(folder / "idf.npy"), np.load(folder / "components.npy"), meta["fitted_on"])


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
            try:
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
        import httpx

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
        return _l2(np.asarray(out, dtype=np.float32))

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
