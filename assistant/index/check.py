"""`zhiqa check`: verify the current generation against its manifest, its stored texts, its
vectors and the source files it was built from, and say what is wrong and what to do."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import ChromaUnavailable, IndexDamaged, IndexMismatch, IndexMissing, ZhiqaError
from assistant.index.index import Index
from assistant.index.update import content_key


@dataclass
class CheckReport:
    home: str
    generation: int | None = None
    documents: int = 0
    chunks: int = 0
    problems: list[str] = field(default_factory=list)  # the index is damaged: a rebuild repairs it
    warnings: list[str] = field(default_factory=list)  # the index is sound, but a source moved on

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            head = f"ok: generation {self.generation}, {self.documents} documents, {self.chunks} chunks"
        else:
            head = (f"damaged: {len(self.problems)} problem(s) in the index at {self.home}; repair it from its "
                    f"source files with: zhiqa --index {self.home} ingest --rebuild")
        return head + (f"; {len(self.warnings)} warning(s)" if self.warnings else "")


def check_index(index: Index) -> CheckReport:
    report = CheckReport(home=str(index.paths.home))
    try:
        snap = index.snapshot()
        report.generation = snap.generation
        index.read_generation_data(snap.generation, with_records=False)  # the BM25 tokens too
    except IndexMissing:
        if not index.generations():
            raise
        report.problems.append("CURRENT is missing although generations are on disk")
        return report
    except (IndexDamaged, IndexMismatch) as exc:
        report.problems.append(str(getattr(exc, "problem", exc)))
        return report
    report.documents, report.chunks = len(snap.docs), len(snap.chunks)
    chunks_of: dict[str, list] = {}
    for c in snap.chunks:  # one pass, not one per document
        chunks_of.setdefault(c.doc_id, []).append(c)
    for doc_id in snap.docs:
        try:
            text = snap.text(doc_id)
        except IndexDamaged as exc:
            report.problems.append(exc.problem)
            continue
        cut = sum(1 for c in chunks_of.get(doc_id, ()) if text[c.start:c.end] != c.text)
        if cut:
            report.problems.append(f"{cut} chunk(s) of {doc_id} no longer match its stored text at their offsets")
    if snap.collection:
        try:
            ids = [c.chunk_id for c in snap.chunks]
            missing = len(ids) - len(index.store.existing_ids(snap.collection, ids))
        except ChromaUnavailable as exc:
            report.problems.append(str(exc))
        else:
            if missing:
                report.problems.append(f"the vector store lacks the vectors of {missing} chunk(s)")
    report.warnings.extend(_sources(snap))
    return report


def _sources(snap) -> list[str]:
    """Source files that are gone or changed since they were ingested: not damage (the index
    answers from what it stored), but a rebuild could not re-read the gone ones."""
    out = []
    for doc_id, rec in snap.docs.items():
        path = Path(rec.meta.source)
        try:
            key = content_key(path, path.read_bytes())
        except FileNotFoundError:
            out.append(f"{doc_id}: its source {rec.meta.source} is gone; a rebuild could not re-read it")
            continue
        except (OSError, ZhiqaError) as exc:
            out.append(f"{doc_id}: its source {rec.meta.source} cannot be read ({exc})")
            continue
        if key != rec.content_key:
            out.append(f"{doc_id}: its source {rec.meta.source} has changed since it was ingested; "
                       f"zhiqa ingest {rec.meta.source} updates it")
    return out
