"""Settings from the environment and the command line, checked once."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from assistant.errors import ConfigError
from assistant.index.embedders import EmbedderSpec


def _env_number(name: str, default: str) -> float:
    raw = os.environ.get(name, default)
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=lambda: Path(os.environ.get("ZHIQA_HOME", ".zhiqa")))
    chroma_url: str | None = field(default_factory=lambda: os.environ.get("ZHIQA_CHROMA_URL") or None)
    embedder: EmbedderSpec = field(default_factory=lambda: EmbedderSpec(os.environ.get("ZHIQA_EMBEDDER", "builtin")))
    # reciprocal rank fusion: k and per-leg weights (see README for how the dense weight was chosen)
    rrf_k: int = 60
    bm25_weight: float = 1.0
    dense_weight: float = field(default_factory=lambda: _env_number("ZHIQA_DENSE_WEIGHT", "1.0"))
    candidates: int = 50
    # second stage over the fused candidates (assistant.search.rerankers.choose_reranker):
    # a cross-encoder when ``reranker`` is cross:<model>, else readable features unless turned off
    rerank_features: bool = field(default_factory=lambda: os.environ.get("ZHIQA_RERANK_FEATURES", "1") != "0")
    reranker: str = field(default_factory=lambda: os.environ.get("ZHIQA_RERANKER", ""))

    def __post_init__(self) -> None:
        if self.chroma_url:
            parsed = urlparse(self.chroma_url)
            if parsed.scheme not in ("http", "https") or not parsed.hostname:
                raise ConfigError(f"ZHIQA_CHROMA_URL must look like http://127.0.0.1:8000, got {self.chroma_url!r}")
        if self.dense_weight < 0 or self.bm25_weight < 0:
            raise ConfigError("fusion weights must be >= 0")
