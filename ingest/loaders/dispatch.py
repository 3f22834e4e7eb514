"""Pick the loader for a file by its extension."""
from __future__ import annotations

import os
from pathlib import Path

from ingest.errors import ConfigError, EmptyDocument, FileTooLarge, IngestError, UnsupportedFormat
from ingest.models import LoadedText

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


def max_file_bytes() -> int:
    raw = os.environ.get("ZHIQA_MAX_FILE_MB", "32")
    try:
        return int(float(raw) * 1024 * 1024)
    except ValueError:
        raise ConfigError(f"ZHIQA_MAX_FILE_MB must be a number of megabytes (e.g. 32), got {raw!r}") from None


def refuse_oversized(path: Path, size: int) -> None:
    """FileTooLarge for a file of ``size`` bytes over ZHIQA_MAX_FILE_MB, before anything reads it."""
    limit = max_file_bytes()
    if size > limit:
        raise FileTooLarge(path, size, limit)


def load(path: Path | str) -> LoadedText:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormat(path, SUPPORTED_SUFFIXES)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(path, f"cannot read the file ({exc.strerror})", "Check the path and permissions.") from exc
    if size == 0:
        raise EmptyDocument(path, "the file is empty (0 bytes)")
    refuse_oversized(path, size)
    # each loader, with its library (pypdf, python-docx, bs4, charset-normalizer), is imported for
    # a file of its format only: a question never loads a PDF reader
    if suffix in (".txt", ".md"):
        from ingest.loaders.text import load_text

        return load_text(path, suffix[1:])
    if suffix in (".html", ".htm"):
        from ingest.loaders.html import load_html  # (per format, as above)

        return load_html(path)
    if suffix == ".pdf":
        from ingest.loaders.pdf import load_pdf  # (per format, as above)

        return load_pdf(path)
    from ingest.loaders.docx import load_docx  # (per format, as above)

    return load_docx(path, max_file_bytes())
