"""Word .docx: paragraphs and table cells in document order."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx  # python-docx
from docx.opc.exceptions import PackageNotFoundError

from ingest.errors import CorruptFile, EmptyDocument, FileTooLarge
from ingest.models import LoadedText

# a .docx whose parts expand past this is treated as a zip bomb
MAX_UNCOMPRESSED = 200 * 1024 * 1024


def load_docx(path: Path) -> LoadedText:
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise CorruptFile(path, "DOCX", str(exc)) from exc
    if total > MAX_UNCOMPRESSED:
        raise FileTooLarge(path, total, MAX_UNCOMPRESSED, what="the DOCX would unpack to",
                           remedy="It looks like a zip bomb, not a Word document; re-save it from Word.")

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise CorruptFile(path, "DOCX", str(exc) or type(exc).__name__) from exc

    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            lines.append(text)
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iterchildren():
                        if cell.tag.endswith("}tc"):
                            cells.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")).strip())
                    lines.append(" | ".join(cells))
    text = "\n".join(line.rstrip() for line in lines)
    if not text.strip():
        raise EmptyDocument(path, "the DOCX has no text")
    return LoadedText(source=path, text=text, format="docx", encoding=None)
