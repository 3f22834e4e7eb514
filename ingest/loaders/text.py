"""Plain text and Markdown: detect the encoding, keep the decoded text as the original."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ingest.errors import EmptyDocument, UndecodableText
from ingest.models import LoadedText

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/carriage return/form feed mark binary data.
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}
_BAD_CHARS = re.compile("[" + "".join(chr(c) for c in range(32) if chr(c) not in _ALLOWED_CONTROLS) + "\ufffd]")


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    sample = text[:200_000]
    bad = len(_BAD_CHARS.findall(sample))
    return bad <= max(2, len(sample) // 200)


def decode_bytes(data: bytes, path: Path) -> tuple[str, str]:
    """Return (text, encoding). Raises UndecodableText or EmptyDocument."""
    if not data.strip():
        raise EmptyDocument(path)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise UndecodableText(path, f"{enc} BOM but invalid {enc}: {exc.reason}") from exc
            if _looks_like_text(text):
                return text, enc
            raise UndecodableText(path, f"{enc} BOM but no readable text")
    if b"\x00" not in data[:4096]:
        for enc in ("utf-8", "gb18030"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, enc
    # UTF-16 without a BOM, Big5 and other legacy encodings.
    best = from_bytes(data[:2_000_000]).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if _looks_like_text(text):
            return text, best.encoding
    raise UndecodableText(path, "not UTF-8, UTF-16 or GB18030/GBK")


def load_text(path: Path, fmt: str) -> LoadedText:
    text, encoding = decode_bytes(path.read_bytes(), path)
    return LoadedText(source=path, text=text, format=fmt, encoding=encoding)
