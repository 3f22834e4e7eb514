"""Typed errors of the index and the assistant; messages say what to do. Every error a user
should read as a message is a ZhiqaError (ingest's errors and ConfigError included), so a
shell (the CLI, a web tab) catches that one type."""
from __future__ import annotations

import os

from ingest.errors import ConfigError, IngestError, ZhiqaError

__all__ = [
    "ChromaDamaged", "ChromaUnavailable", "ConfigError", "DiskFull", "EmbedderUnavailable", "IndexBusy", "IndexDamaged", "IndexMismatch",
    "IndexMissing", "IndexReadOnly", "IngestError", "MissingExtra", "QuestionTooLong", "RebuildWouldLose", "RerankerUnavailable",
    "ZhiqaError",
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


class IndexDamaged(ZhiqaError):
    """An index file is missing, cut short or does not match what the generation records. The
    sources are still there: a rebuild re-reads them, whatever state the index files are in."""

    def __init__(self, home: str, problem: str) -> None:
        self.problem = problem
        super().__init__(
            f"The index at {home} is damaged: {problem}. See every problem with: zhiqa --index {home} check; "
            f"repair it from the source files with: zhiqa --index {home} ingest --rebuild"
        )


class IndexReadOnly(ZhiqaError):
    def __init__(self, home: str, detail: str) -> None:
        super().__init__(
            f"The index at {home} is read-only ({detail}): questions are answered, but an ingest or removal needs write "
            "access. Run it as a user who may write there, or copy the index and point --index at the copy."
        )


class RebuildWouldLose(ZhiqaError):
    """A rebuild could not re-read some documents of the index; committing it would drop them."""

    def __init__(self, home: str, generation: int, lost: list[tuple[str, str]]) -> None:
        self.lost = lost
        listed = "; ".join(f"{doc_id} ({why})" for doc_id, why in lost[:10]) + (f"; and {len(lost) - 10} more" if len(lost) > 10 else "")
        super().__init__(
            f"Rebuild refused: {len(lost)} document(s) of the index could not be re-read: {listed}. The index at {home} "
            f"is unchanged (generation {generation}). Put the files back (or run the rebuild from the folder the index "
            "was first built in), name their new folders (zhiqa ingest --rebuild PATH...), or drop them on purpose with "
            "zhiqa ingest --rebuild --drop-missing"
        )


class DiskFull(ZhiqaError):
    def __init__(self, home: str, generation: int | None, detail: str) -> None:
        kept = f"still generation {generation}, as before this ingest" if generation else "still as before this ingest"
        super().__init__(
            f"The disk is full ({detail}): nothing was changed; the index at {home} is {kept}. "
            "Free some space (or move the index with --index / ZHIQA_HOME) and run the command again."
        )


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


class ChromaDamaged(ChromaUnavailable):
    """The embedded Chroma store cannot be opened: answers go on from BM25 (as with a server
    that is down), and a rebuild sets the damaged folder aside and writes a new one."""

    def __init__(self, path: str, reason: object) -> None:
        ZhiqaError.__init__(
            self,
            f"The vector store at {path} cannot be opened ({reason}). Answers use BM25 only until it is repaired: "
            f"zhiqa ingest --rebuild sets it aside and writes a new one.",
        )


class QuestionTooLong(ZhiqaError):
    """A question longer than ZHIQA_MAX_QUESTION_CHARS (2,000 characters unless set): analysing a
    huge one would hold the server for minutes, and no policy question needs that many."""

    ENV = "ZHIQA_MAX_QUESTION_CHARS"
    DEFAULT_LIMIT = 2000

    def __init__(self, length: int, limit: int) -> None:
        self.length, self.limit = length, limit
        super().__init__(f"问题太长({length} 字),请缩短到 {limit} 字以内。")

    @classmethod
    def limit_now(cls) -> int:
        # read per question, so a changed setting applies at once
        raw = os.environ.get(cls.ENV, "").strip()
        if not raw:
            return cls.DEFAULT_LIMIT
        if not raw.isdigit() or int(raw) < 1:
            raise ConfigError(f"{cls.ENV} must be a whole number of characters (at least 1), got {raw!r}")
        return int(raw)

    @classmethod
    def check(cls, *texts: str) -> None:
        """Raises QuestionTooLong for the first text over the limit."""
        limit = cls.limit_now()
        for text in texts:
            if len(text) > limit:
                raise cls(len(text), limit)
