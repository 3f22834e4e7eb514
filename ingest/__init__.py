from ingest.chunk import ChunkerSettings, chunk_document
from ingest.errors import (
    CorruptFile,
    EmptyDocument,
    BadFileName,
    EncryptedPdf,
    FileChanged,
    FileTooLarge,
    IngestError,
    SafetyLimitReached,
    ScannedPdf,
    UndecodableText,
    UnsafeDocument,
    UnsupportedFormat,
)
from ingest.loaders import SUPPORTED_SUFFIXES, load
from ingest.models import Chunk, DocumentMetadata, IngestedDocument, LoadedText, Section, Segment
from ingest.pipeline import ingest_file, make_doc_id

__all__ = [
    "BadFileName", "Chunk", "ChunkerSettings", "CorruptFile", "DocumentMetadata", "EmptyDocument", "EncryptedPdf",
    "FileChanged", "FileTooLarge", "IngestError", "IngestedDocument", "LoadedText", "SUPPORTED_SUFFIXES",
    "SafetyLimitReached", "ScannedPdf", "Section", "Segment", "UndecodableText", "UnsafeDocument", "UnsupportedFormat",
    "chunk_document", "ingest_file", "load", "make_doc_id",
]
