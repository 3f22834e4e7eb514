from assistant.answer import Answer, Citation
from assistant.assistant import Assistant, Filters, Turn
from assistant.config import Settings
from assistant.errors import IndexMismatch, IndexMissing, MissingExtra, ZhiqaError
from assistant.index import Index

__all__ = [
    "Answer", "Assistant", "Citation", "Filters", "Index", "IndexMismatch", "IndexMissing", "MissingExtra",
    "Settings", "Turn", "ZhiqaError",
]
