"""PDF with a text layer (pypdf): drop running headers, footers and page numbers, rejoin
lines broken mid-sentence, and remember the page of every character."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from statistics import median

from pypdf import PdfReader
from pypdf.errors import LimitReachedError, PyPdfError

from ingest.errors import CorruptFile, EmptyDocument, EncryptedPdf, SafetyLimitReached, ScannedPdf
from ingest.models import LoadedText
from ingest.patterns import HEADING_START

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–_·•]*(?:第\s*)?(?:\d{1,4}|[一二三四五六七八九十百]+)(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d+\s*页?)?[\s\-—–_·•]*$"
)
_SENTENCE_END = "。！？；：:!?;」”』）)】"


def _norm_repeat(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip())


def _is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line))


def _open(path: Path):
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            # an owner-password-only PDF opens with the empty user password
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # pypdf raises several types for unsupported crypto
                raise EncryptedPdf(path) from exc
            if not ok:
                raise EncryptedPdf(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except EncryptedPdf:
        raise
    except LimitReachedError as exc:  # pypdf's guard: a stream inflating past 75 MB, a reference loop
        raise SafetyLimitReached(path, "PDF", str(exc) or type(exc).__name__) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError) as exc:
        raise CorruptFile(path, "PDF", str(exc) or type(exc).__name__) from exc
    return reader, pages


def _furniture_lines(pages: list[list[str]]) -> set[str]:
    """Lines repeated at the top or bottom of most pages (after digit folding)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = {_norm_repeat(x) for x in lines[:2] + lines[-2:] if x.strip()}
        counts.update(edge)
    need = max(2, (len(pages) + 1) // 2)
    return {key for key, n in counts.items() if n >= need}


def load_pdf(path: Path) -> LoadedText:
    reader, raw_pages = _open(path)
    if not raw_pages:
        raise EmptyDocument(path, "the PDF has no pages")
    if not any(p.strip() for p in raw_pages):
        raise ScannedPdf(path, len(raw_pages))

    pages = [[ln.strip() for ln in p.split("\n")] for p in raw_pages]
    repeated = _furniture_lines(pages)
    kept: list[list[str]] = []
    for lines in pages:
        body = []
        dropped: set[tuple[str, bool]] = set()  # (repeated line, at the bottom) already dropped here
        for i, ln in enumerate(lines):
            if not ln:
                continue
            at_edge = i < 2 or i >= len(lines) - 2
            key = (_norm_repeat(ln), i >= 2)
            # a running header stands once at a page's top: the same line again below it is the
            # document's own title on its first page (a law printed with its title as header)
            if _is_page_number(ln) or (at_edge and key[0] in repeated and key not in dropped):
                dropped.add(key)
                continue
            body.append(ln)
        kept.append(body)

    lengths = [len(ln) for body in kept for ln in body if len(ln) > 4]
    full = median(lengths) if lengths else 0

    parts: list[str] = []
    page_starts: list[int] = []
    size = 0
    prev: str | None = None
    for body in kept:
        page_started = False
        for ln in body:
            if prev is not None:
                wrapped = (
                    prev[-1] not in _SENTENCE_END
                    and len(prev) >= 0.8 * full
                    and not HEADING_START.match(ln)
                )
                sep = "" if wrapped else "\n"
                parts.append(sep)
                size += len(sep)
            if not page_started:
                page_starts.append(size)
                page_started = True
            parts.append(ln)
            size += len(ln)
            prev = ln
        if not page_started:  # an empty page still has a number
            page_starts.append(size)
    text = "".join(parts)
    if not text.strip():
        raise ScannedPdf(path, len(raw_pages))
    return LoadedText(source=path, text=text, format="pdf", encoding=None, page_starts=tuple(page_starts))
