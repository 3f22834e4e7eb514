"""Word .docx: paragraphs and table cells in document order.

A .docx is a zip of XML parts, and a hostile one is small on disk: a few hundred KB of zip
can unpack to gigabytes of XML (parsed trees take 10-30 times their XML in memory), and a DTD,
which Word never writes, declares entities that read local files (XXE) or expand without
bound (billion laughs). So the package is checked before python-docx parses any part."""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import docx  # python-docx
from docx.document import Document as WordDocument
from docx.exceptions import PythonDocxError
from docx.opc.exceptions import OpcError
from docx.opc.part import XmlPart
from lxml import etree

from ingest.errors import CorruptFile, EmptyDocument, FileTooLarge, UnsafeDocument
from ingest.models import LoadedText

# the parts of a .docx may unpack to this many times ZHIQA_MAX_FILE_MB: photos do not inflate,
# and the XML of the longest real documents stays well under it
UNPACK_FACTOR = 2
_READ_BLOCK = 1 << 20
# OPC allows UTF-8 and UTF-16 parts; libxml2 reads UTF-32 too
_DOCTYPE = tuple("<!DOCTYPE".encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_OVERLAP = max(len(sig) for sig in _DOCTYPE) - 1
_PARSED_SUFFIXES = (".xml", ".rels")  # the parts python-docx parses, named as OPC names them
_UNREADABLE_ZIP = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error,
                   RuntimeError, NotImplementedError)  # RuntimeError: an encrypted member


def _zip_bomb(path: Path, size: int, limit: int) -> FileTooLarge:
    return FileTooLarge(
        path, size, limit, what="the DOCX unpacks to",
        remedy=f"It looks like a zip bomb, not a Word document: re-save it from Word. A genuine document "
               f"this large may unpack to {UNPACK_FACTOR} times ZHIQA_MAX_FILE_MB; raise that to let it in.",
    )


def check_package(path: Path, limit: int) -> None:
    """Refuse a .docx that unpacks past ``limit`` bytes or holds a DTD, without parsing it."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            declared = sum(info.file_size for info in infos)
            if declared > limit:
                raise _zip_bomb(path, declared, limit)
            # zipfile stops a member at the size its listing declares (and then fails its CRC),
            # so the listing bounds what python-docx inflates; the bytes are counted anyway
            unpacked = 0
            for info in infos:
                scan = info.filename.lower().endswith(_PARSED_SUFFIXES)
                tail = b""
                with zf.open(info) as part:
                    while block := part.read(_READ_BLOCK):
                        unpacked += len(block)
                        if unpacked > limit:
                            raise _zip_bomb(path, unpacked, limit)
                        if scan:
                            window = tail + block
                            if any(sig in window for sig in _DOCTYPE):
                                raise UnsafeDocument(path, "DOCX", f"<!DOCTYPE in {info.filename}")
                            tail = window[-_OVERLAP:]
    except _UNREADABLE_ZIP as exc:
        raise CorruptFile(path, "DOCX", str(exc) or type(exc).__name__) from exc


def _open(path: Path) -> WordDocument:
    try:
        document = docx.Document(str(path))
    except (OpcError, PythonDocxError, etree.XMLSyntaxError, KeyError, ValueError) + _UNREADABLE_ZIP as exc:
        raise CorruptFile(path, "DOCX", str(exc) or type(exc).__name__) from exc
    # a part python-docx parsed though its name is not .xml (its content type made it XML)
    for part in document.part.package.iter_parts():
        if isinstance(part, XmlPart) and part.element.getroottree().docinfo.doctype:
            raise UnsafeDocument(path, "DOCX", f"<!DOCTYPE in {str(part.partname).lstrip('/')}")
    return document


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(etree.Element) if t.tag.endswith("}t"))


def load_docx(path: Path, max_file_bytes: int) -> LoadedText:
    """``max_file_bytes``: ZHIQA_MAX_FILE_MB in bytes; the parts may unpack to UNPACK_FACTOR times it."""
    check_package(path, UNPACK_FACTOR * max_file_bytes)
    body = _open(path).element.body
    if body is None:
        raise EmptyDocument(path, "the DOCX has no document body")
    lines: list[str] = []
    # elements only: a comment or processing instruction has no tag name to look at
    for child in body.iterchildren(etree.Element):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_text(child))
        elif tag == "tbl":
            for row in child.iter(etree.Element):
                if row.tag.endswith("}tr"):
                    cells = [_text(cell).strip() for cell in row.iterchildren(etree.Element) if cell.tag.endswith("}tc")]
                    lines.append(" | ".join(cells))
    text = "\n".join(line.rstrip() for line in lines)
    if not text.strip():
        raise EmptyDocument(path, "the DOCX has no text")
    return LoadedText(source=path, text=text, format="docx", encoding=None)
