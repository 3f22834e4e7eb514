"""File -> IngestedDocument: load, segment, parse structure, infer metadata, chunk."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ingest.chunk import ChunkerSettings, chunk_document
from ingest.clean import segment
from ingest.errors import EmptyDocument, FileChanged
from ingest.header import as_furniture, header_fields
from ingest.truncation import is_cut_off
from ingest.loaders import load
from ingest.metadata import MANIFEST_FIELDS, infer, manifest_entry
from ingest.models import DocumentMetadata, IngestedDocument
from ingest.structure import parse_sections


def make_doc_id(path: Path) -> str:
    stem = re.sub(r"[^\w\-.]+", "-", path.stem).strip("-.").lower()
    return stem[:80] or "doc-" + hashlib.sha1(path.name.encode("utf-8")).hexdigest()[:8]


def ingest_file(path: Path | str, settings: ChunkerSettings = ChunkerSettings(), doc_id: str | None = None) -> IngestedDocument:
    path = Path(path)
    # the hash is of the bytes the text came from: read before and after loading, and a file
    # edited in between is refused rather than stored as a text its hash does not describe
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    loaded = load(path)
    if hashlib.sha256(path.read_bytes()).hexdigest() != sha:
        raise FileChanged(path)
    segments = segment(loaded)
    header = header_fields(loaded.text, segments)
    segments = as_furniture(segments, header)
    if not any(s.kind == "body" for s in segments):
        raise EmptyDocument(path, "no body text is left after removing page furniture")
    sections = parse_sections(loaded.text, segments)
    inferred = infer(loaded.text, segments, path.name, loaded.declared, header)
    values = {f: getattr(inferred, f) for f in MANIFEST_FIELDS}
    from_manifest: list[str] = []
    entry = manifest_entry(path)
    if entry:
        for field in MANIFEST_FIELDS:
            if field in entry:
                values[field] = entry[field]
                from_manifest.append(field)
        if values.get("year") is None and values.get("date"):
            values["year"] = int(str(values["date"])[:4])
    meta = DocumentMetadata(
        doc_id=doc_id or make_doc_id(path),
        title=values["title"],
        issuer=values["issuer"],
        date=values["date"],
        doc_number=values["doc_number"],
        level=values["level"],
        region=values["region"],
        script=values["script"] or inferred.script,
        year=values["year"],
        source=str(path),
        sha256=sha,
        text_sha256=hashlib.sha256(loaded.text.encode("utf-8", "surrogatepass")).hexdigest(),
        format=loaded.format,
        encoding=loaded.encoding,
        from_manifest=tuple(from_manifest),
        doc_type=values["doc_type"],
        adopted=inferred.adopted,
        amended=inferred.amended,
        promulgated=inferred.promulgated,
        effective=inferred.effective,
        truncated=is_cut_off(loaded.text, segments),
        city=inferred.city if "region" not in from_manifest else None,
        county=inferred.county if "region" not in from_manifest else None,
    )
    doc = IngestedDocument(meta=meta, text=loaded.text, segments=segments, sections=sections, page_starts=loaded.page_starts)
    doc.chunks = chunk_document(doc, settings)
    return doc

