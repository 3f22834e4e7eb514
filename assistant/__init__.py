"""zhiqa's public face: ask questions of an index of documents and get cited answers.

The package is laid out by stage: ``index/`` (generations on disk, BM25, vectors, ingest),
``question/`` (what a question asks), ``search/`` (hybrid retrieval and reranking),
``compose/`` (extractive answers with citations), ``llm/`` (the optional LLM rewrite and its
verifier), ``views/`` and ``quiz/`` (whole-corpus tables and training items), ``cli/`` and
``web/`` (the shells)."""
from assistant.answer import Answer, Citation, QuestionType
from assistant.assistant import Assistant, Filters, Turn
from assistant.config import Settings
from assistant.errors import ConfigError, IndexMismatch, IndexMissing, MissingExtra, ZhiqaError
from assistant.index.index import Index

__all__ = [
    "Answer", "Assistant", "Citation", "ConfigError", "Filters", "Index", "IndexMismatch", "IndexMissing", "MissingExtra",
    "QuestionType", "Settings", "Turn", "ZhiqaError", "ZhiqaRetriever",
]


def __getattr__(name: str):
    # re-exported lazily: `import assistant` should not pay for importing langchain-core (1 s)
    if name == "ZhiqaRetriever":
        from assistant.langchain import ZhiqaRetriever

        return ZhiqaRetriever
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
