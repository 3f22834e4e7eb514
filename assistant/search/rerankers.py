"""The second stage of a search, behind one seam: a reranker reorders the first ``window``
fused candidates. The caller chooses it (``choose_reranker`` reads the settings) and passes it
to the retriever; the retriever never picks one for itself."""
from __future__ import annotations

from typing import Protocol, runtime_checkable

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.index.snapshot import Snapshot
from assistant.search.cross_encoder import CrossEncoderReranker
from assistant.search.features import FeatureReranker
from assistant.search.hits import Hits

ENV_VAR = "ZHIQA_RERANKER"


@runtime_checkable  # so that a pydantic field (ZhiqaRetriever.reranker) can check it
class Reranker(Protocol):
    window: int  # how many fused candidates it reorders; the retriever fetches at least that many

    def rerank(self, hits: Hits, snap: Snapshot) -> Hits: ...


def reranker_from_spec(spec: str | None) -> CrossEncoderReranker | None:
    """``None``, ``""`` or ``none``: no cross-encoder; ``cross:<model name or local path>``: one."""
    value = (spec or "").strip()
    if value.lower() in ("", "none"):
        return None
    if value.startswith("cross:") and value[len("cross:") :].strip():
        return CrossEncoderReranker(value[len("cross:") :].strip())
    raise ConfigError(f"Unknown reranker {spec!r}: use none or cross:<model name or local path> (e.g. cross:/models/bge-reranker-base)")


def choose_reranker(settings: Settings) -> Reranker | None:
    """What the settings ask for: a cross-encoder (``ZHIQA_RERANKER=cross:<model>``, off by
    default), else the readable-feature reranker unless ``ZHIQA_RERANK_FEATURES=0``."""
    try:
        cross = reranker_from_spec(settings.reranker)
    except ConfigError as exc:
        raise ConfigError(f"{ENV_VAR}: {exc}") from exc
    if cross is not None:
        return cross
    return FeatureReranker() if settings.rerank_features else None
