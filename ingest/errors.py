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
            "Save it as UTF-8 (or GB18030/GBK, Big5, UTF-16) text, or give it the extension of its real format.",
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


class FileChanged(IngestError):
    """The file's bytes changed between the reads of one ingest: the text and its hash would
    disagree, and every quote cut at offsets counted on the other version."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(
            path,
            "the file changed while it was being ingested (文件在导入过程中被修改)",
            "Ingest it again once it is saved; the index keeps its previous version meanwhile.",
        )


class BadFileName(IngestError):
    """A name the index cannot record: not valid UTF-8 (shown with its bytes escaped)."""

    def __init__(self, shown: str) -> None:
        super().__init__(shown, "the file name is not valid UTF-8 (文件名不是 UTF-8 编码)", "Rename the file and ingest it again.")


class UnsafeDocument(IngestError):
    """XML that Word never writes and a parser must not follow: a DTD, whose entities can read
    local files (XXE) or expand without bound (billion laughs)."""

    def __init__(self, path: Path | str, kind: str, detail: str) -> None:
        super().__init__(
            path,
            f"the {kind} file declares a DTD ({detail}); its entities could read local files "
            "or expand without bound, and Word never writes one",
            f"Open it in Word or LibreOffice and save a new copy as {kind}, or export it as PDF or text, and ingest that.",
        )


class SafetyLimitReached(IngestError):
    """A reader's own guard stopped it: a stream that inflates too far, a reference loop."""

    def __init__(self, path: Path | str, kind: str, detail: str) -> None:
        super().__init__(
            path,
            f"reading the {kind} file went past a safety limit of its reader ({detail}); "
            "it looks like a decompression bomb or a damaged file",
            f"If the document is genuine, re-save it (e.g. print it to a new {kind}) and ingest that; otherwise leave it out.",
        )
