from ingest.chunk import ChunkerSettings, chunk_document
from ingest.errors import (
    CorruptFile,
    EmptyDocument,
    EncryptedPdf,
    FileTooLarge,
    IngestError,
    ScannedPdf,
    UndecodableText,
    UnsupportedFormat,
)
from ingest.loaders import SUPPORTED_SUFFIXES, load
from ingest.models import Chunk, DocumentMetadata, IngestedDocument, LoadedText, Section, Segment
from ingest.pipeline import ingest_file, make_doc_id

__all__ = [
    "Chunk", "ChunkerSettings", "CorruptFile", "DocumentMetadata", "EmptyDocument", "EncryptedPdf",
    "FileTooLarge", "IngestError", "IngestedDocument", "LoadedText", "SUPPORTED_SUFFIXES", "ScannedPdf",
    "Section", "Segment", "UndecodableText", "UnsupportedFormat", "chunk_document", "ingest_file", "load",
    "make_doc_id",
]
