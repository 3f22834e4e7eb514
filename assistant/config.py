"""Settings from the environment and the command line, checked once."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from assistant.embedders import EmbedderSpec


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=lambda: Path(os.environ.get("ZHIQA_HOME", ".zhiqa")))
    chroma_url: str | None = field(default_factory=lambda: os.environ.get("ZHIQA_CHROMA_URL") or None)
    embedder: EmbedderSpec = field(default_factory=lambda: EmbedderSpec(os.environ.get("ZHIQA_EMBEDDER", "builtin")))
    # reciprocal rank fusion: k and per-leg weights (see README for how the dense weight was chosen)
    rrf_k: int = 60
    bm25_weight: float = 1.0
    dense_weight: float = field(default_factory=lambda: float(os.environ.get("ZHIQA_DENSE_WEIGHT", "1.0")))
    candidates: int = 50
    # second stage over the fused candidates: readable features (assistant.rerank), tuned on dev
    rerank_features: bool = field(default_factory=lambda: os.environ.get("ZHIQA_RERANK_FEATURES", "1") != "0")

    def __post_init__(self) -> None:
        if self.chroma_url:
            parsed = urlparse(self.chroma_url)
            if parsed.scheme not in ("http", "https") or not parsed.hostname:
                raise ValueError(f"ZHIQA_CHROMA_URL must look like http://127.0.0.1:8000, got {self.chroma_url!r}")
        if self.dense_weight < 0 or self.bm25_weight < 0:
            raise ValueError("fusion weights must be >= 0")
