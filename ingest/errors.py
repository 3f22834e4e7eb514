"""Typed ingest errors. Each message names the file, what is wrong and what to do.

The project's root error lives here, in the lowest layer, so that an ingest error is a
ZhiqaError too and the CLI and the web app catch one type (assistant.errors re-exports both)."""
from __future__ import annotations

from pathlib import Path


class ZhiqaError(Exception):
    """Base class for errors shown to users as plain messages."""


class ConfigError(ZhiqaError, ValueError):
    """A setting, an option or an argument a user gave is not usable; the message says which
    and what it should look like. A ValueError too, for callers that validate input."""


class IngestError(ZhiqaError):
    """Base class: a file could not be turned into a document."""

    def __init__(self, path: Path | str, problem: str, remedy: str) -> None:
        self.path = str(path)
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{self.path}: {problem}. {remedy}")


class UnsupportedFormat(IngestError):
    def __init__(self, path: Path | str, supported: tuple[str, ...]) -> None:
        super().__init__(
            path,
            f"unsupported file type '{Path(path).suffix or '(none)'}'",
            "Supported types are " + ", ".join(supported) + "; convert the file to one of them.",
        )


class EmptyDocument(IngestError):
    def __init__(self, path: Path | str, detail: str = "the file has no text") -> None:
        super().__init__(path, detail, "Check that it is the right file and not empty.")


class UndecodableText(IngestError):
    def __init__(self, path: Path | str, detail: str) -> None:
        super().__init__(
            path,
            f"cannot decode the text ({detail}); it looks binary or uses an unknown encoding",
            "Save it as UTF-8 (or GB18030/GBK, UTF-16) text, or give it the extension of its real format.",
        )


class FileTooLarge(IngestError):
    # MB here are MiB, the unit of ZHIQA_MAX_FILE_MB: a 32 MB limit reads "32 MB", not "34 MB"
    def __init__(self, path: Path | str, size: int, limit: int, what: str = "file is",
                 remedy: str = "Split it into smaller files or raise ZHIQA_MAX_FILE_MB.") -> None:
        super().__init__(path, f"{what} {size / 2**20:.1f} MB, over the {limit / 2**20:.0f} MB limit", remedy)


class CorruptFile(IngestError):
    def __init__(self, path: Path | str, kind: str, detail: str) -> None:
        super().__init__(
            path,
            f"the {kind} file is damaged or truncated ({detail})",
            f"Re-download or re-export the {kind} file and ingest it again.",
        )


class EncryptedPdf(IngestError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "the PDF is encrypted (password protected)",
            "Save an unprotected copy (e.g. `qpdf --decrypt --password=PW in.pdf out.pdf`) and ingest that.",
        )


class ScannedPdf(IngestError):
    def __init__(self, path: Path | str, pages: int) -> None:
        super().__init__(
            path,
            f"the PDF has no text layer ({pages} page(s) of images); it looks scanned",
            "Run OCR on it first (e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`) and ingest the result.",
        )
