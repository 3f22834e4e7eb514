from assistant.answer import Answer, Citation
from assistant.assistant import Assistant, Filters, Turn
from assistant.config import Settings
from assistant.errors import IndexMismatch, IndexMissing, MissingExtra, ZhiqaError
from assistant.index import Index

__all__ = [
    "Answer", "Assistant", "Citation", "Filters", "Index", "IndexMismatch", "IndexMissing", "MissingExtra",
    "Settings", "Turn", "ZhiqaError", "ZhiqaRetriever",
]


def __getattr__(name: str):
    # re-exported lazily: `import assistant` should not pay for importing langchain-core
    if name == "ZhiqaRetriever":
        from assistant.langchain_retriever import ZhiqaRetriever

        return ZhiqaRetriever
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
