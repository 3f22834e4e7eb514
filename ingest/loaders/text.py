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


# Big5 as Windows writes it (CP950), then with Hong Kong's extra characters
_BIG5_CODECS = ("cp950", "big5hkscs")
_SAMPLE = 2_000_000


def _sample(data: bytes) -> bytes:
    """The first 2 MB, cut after a line break: a newline is never a trail byte of GBK or Big5,
    so the sample still decodes where the whole file does."""
    if len(data) <= _SAMPLE:
        return data
    head = data[:_SAMPLE]
    cut = head.rfind(b"\n")
    return head[: cut + 1] if cut > 0 else head


def _big5_instead(data: bytes) -> tuple[str, str] | None:
    """(text, codec) when bytes that decode as GB18030 are Big5 text.

    GB18030 decodes almost any byte string, and Big5 text decodes as a soup of rare characters
    and symbols. Where the bytes are valid Big5 too, charset-normalizer weighs the two readings
    by how messy each looks; Big5 must read strictly better, since a short text can read well
    both ways and the mainland encoding is the likelier."""
    for codec in _BIG5_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        chaos = {m.encoding: m.chaos for m in from_bytes(_sample(data), cp_isolation=["gb18030", codec])}
        if codec in chaos and chaos[codec] < chaos.get("gb18030", float("inf")):
            return text, codec
        return None
    return None


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
                if enc == "gb18030" and (big5 := _big5_instead(data)) is not None and _looks_like_text(big5[0]):
                    return big5
                return text, enc
    # UTF-16 without a BOM and other legacy encodings.
    best = from_bytes(data[:2_000_000]).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if _looks_like_text(text):
            return text, best.encoding
    raise UndecodableText(path, "not UTF-8, UTF-16, GB18030/GBK or Big5")


def load_text(path: Path, fmt: str) -> LoadedText:
    text, encoding = decode_bytes(path.read_bytes(), path)
    return LoadedText(source=path, text=text, format=fmt, encoding=encoding)
