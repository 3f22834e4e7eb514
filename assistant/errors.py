"""Typed errors of the index and the assistant; messages say what to do. Every error a user
should read as a message is a ZhiqaError (ingest's errors and ConfigError included), so a
shell (the CLI, a web tab) catches that one type."""
from __future__ import annotations

from ingest.errors import ConfigError, IngestError, ZhiqaError

__all__ = [
    "ChromaUnavailable", "ConfigError", "EmbedderUnavailable", "IndexBusy", "IndexMismatch", "IndexMissing", "IngestError",
    "MissingExtra", "RerankerUnavailable", "ZhiqaError",
]


class IndexMissing(ZhiqaError):
    def __init__(self, home: str) -> None:
        super().__init__(f"No index at {home}. Build one with: zhiqa ingest corpus/  (or set ZHIQA_HOME / --index)")


class IndexMismatch(ZhiqaError):
    def __init__(self, home: str, field: str, stored: object, expected: object) -> None:
        self.field = field
        # an index built with another embedder is usable as it is with that embedder named again
        spec = _embedder_spec(stored) if field == "embedder" else None
        again = f"Either set ZHIQA_EMBEDDER={spec} (or --embedder {spec}) to use it as built, or r" if spec else "R"
        super().__init__(
            f"The index at {home} was built with {field}={stored!r}, but this zhiqa uses {expected!r}. "
            f"{again}ebuild it with: zhiqa --index {home} ingest --rebuild (re-reads every file it was built from)"
        )


def _embedder_spec(kind: object) -> str | None:
    """The ZHIQA_EMBEDDER value that gives an index's recorded embedder kind, when one does."""
    if not isinstance(kind, str):
        return None
    if kind.startswith("e5:"):
        return "e5"
    if kind.startswith("builtin"):
        return "builtin"
    if kind == "none" or kind.startswith("st:"):
        return kind
    if kind.startswith("openai:"):
        return kind.split("[", 1)[0]
    return None


class MissingExtra(ZhiqaError):
    def __init__(self, package: str, extra: str) -> None:
        super().__init__(f"{package} is not installed. Install it with: pip install 'zhiqa[{extra}]'")


class EmbedderUnavailable(ZhiqaError):
    pass


class IndexBusy(ZhiqaError):
    def __init__(self, home: str) -> None:
        super().__init__(f"Another zhiqa process is writing the index at {home}; try again when it has finished.")


class RerankerUnavailable(ZhiqaError):
    def __init__(self, model: str, reason: object) -> None:
        super().__init__(
            f"Cross-encoder model '{model}' is not available locally ({reason}). Download it on a connected machine, "
            "copy the folder here and set ZHIQA_RERANKER=cross:/path/to/model, or unset ZHIQA_RERANKER to skip reranking."
        )


class ChromaUnavailable(ZhiqaError):
    def __init__(self, url: str, reason: object) -> None:
        super().__init__(
            f"Cannot reach the Chroma server at {url} ({reason}). Start it with: chroma run --path DIR --host 127.0.0.1 "
            f"--port PORT (the DIR it was started with keeps the vectors), or unset ZHIQA_CHROMA_URL / --chroma-url."
        )
