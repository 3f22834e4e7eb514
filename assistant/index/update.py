"""Incremental, idempotent ingest of files and folders into the index.

Unchanged files (same bytes, same manifest entry) are skipped; a changed file replaces its
chunks; a file that fails gets a verdict in the report while the others go in."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from assistant.errors import RebuildWouldLose, ZhiqaError
from assistant.index.generation import DocRecord, GenerationData
from assistant.index.index import Index
from assistant.index.prepare import Prepared, prepare_all, processes_for
from ingest import SUPPORTED_SUFFIXES, IngestError, make_doc_id
from ingest.errors import BadFileName, FileChanged
from ingest.loaders.dispatch import refuse_oversized
from ingest.metadata import manifest_entry


@dataclass
class FileVerdict:
    path: str
    status: str  # added | updated | unchanged | failed | skipped
    doc_id: str | None = None
    message: str = ""
    chunks: int = 0
    kind: str = ""  # a failure's error type (EncryptedPdf, FileChanged, OSError ...), for shells that word it their way


@dataclass
class IngestReport:
    verdicts: list[FileVerdict] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    generation: int | None = None
    documents: int = 0
    chunks: int = 0
    records_s: float = 0.0  # time spent extracting domain records of the changed documents (summed over processes)
    processes: int = 1  # processes that prepared the changed files

    def count(self, status: str) -> int:
        return sum(1 for v in self.verdicts if v.status == status)

    @property
    def failed(self) -> list[FileVerdict]:
        return [v for v in self.verdicts if v.status == "failed"]

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in ("added", "updated", "unchanged", "failed", "skipped") if self.count(s)]
        if self.removed:
            parts.append(f"{len(self.removed)} removed")
        tail = f"; index now has {self.documents} documents, {self.chunks} chunks" if self.generation else ""
        return ", ".join(parts or ["nothing to do"]) + tail


def identity(path: Path | str) -> str:
    """A file's identity in the index, however its path was spelled (relative, through ``..``
    or a symlinked folder): its absolute, resolved path. A relative source recorded by an older
    zhiqa is taken relative to the current folder, where that ingest ran."""
    return str(Path(os.path.abspath(path)).resolve())


def shown_path(path: Path | str) -> str:
    """A path as text that can be stored and printed, even when its name is not UTF-8."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _named_badly(path: Path) -> bool:
    """Whether the index cannot record the name: it records names as UTF-8."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def expand(paths: list[Path]) -> tuple[list[Path], list[FileVerdict]]:
    """Files to ingest, each once, by identity; folders are walked for supported types
    (manifest.json is metadata). A symlink in a folder is followed only when its target lies
    inside that folder: a link to /etc/passwd is not a document of the folder."""
    files: list[Path] = []
    skipped: list[FileVerdict] = []
    seen: set[str] = set()

    def add(f: Path) -> None:
        key = str(f) if _named_badly(f) else identity(f)
        if key not in seen:
            seen.add(key)
            files.append(Path(key))

    for p in paths:
        if p.is_dir():
            root = Path(identity(p))
            for f in sorted(p.rglob("*")):
                if f.name.startswith(".") or not (f.is_file() or f.is_symlink()):
                    continue
                if f.suffix.lower() not in SUPPORTED_SUFFIXES:
                    if f.name != "manifest.json":
                        skipped.append(FileVerdict(str(f), "skipped", message=f"not a supported type ({', '.join(SUPPORTED_SUFFIXES)})"))
                    continue
                target = f.resolve()
                if not target.is_relative_to(root) or not target.is_file():
                    skipped.append(FileVerdict(str(f), "skipped", message=(
                        f"a symbolic link to {shown_path(target)}, outside the folder {shown_path(p)} or to nothing: "
                        "not followed (符号链接指向所选文件夹之外,未读取). Copy the file into the folder to ingest it.")))
                    continue
                add(f)
        else:
            add(p)
    return files, skipped


def content_key(path: Path, data: bytes) -> str:
    entry = manifest_entry(path)
    h = hashlib.sha256(data)
    h.update(json.dumps(entry, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def ingest_paths(
    index: Index,
    paths: list[Path | str],
    rebuild: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    allow_loss: bool = False,
) -> IngestReport:
    """Ingest ``paths`` into ``index``. ``rebuild``: a fresh generation from these files only,
    whatever state the index's files are in; it is refused (the index left as it was) when a
    document of the index could not be re-read, unless ``allow_loss``."""
    report = IngestReport()
    files, skipped = expand([Path(p) for p in paths])
    report.verdicts.extend(skipped)
    with index.writer_lock():
        if rebuild:
            previous = index.latest_generation()
            data = GenerationData.empty()
        else:
            previous = index.current_generation()
            if previous is not None:
                index.snapshot()  # refuses a mismatched or damaged index before anything is written
                data = index.read_generation_data(previous)
            else:
                data = GenerationData.empty()
        by_source = {identity(d.meta.source): d for d in data.docs.values()}
        # first, cheaply: which files changed, and the doc id each will have
        jobs: list[tuple[str, str]] = []
        planned: dict[str, tuple[str, bool, str]] = {}  # path -> (content key, replaces a document, sha256 read)
        reserved: set[str] = set()
        for path in files:
            try:
                if _named_badly(path):
                    raise BadFileName(shown_path(path))
                if not path.is_file():
                    raise IngestError(path, "no such file", "Check the path.")
                # refuse an oversized file before reading it: hashing it would hold it all in memory
                refuse_oversized(path, path.stat().st_size)
                raw = path.read_bytes()
                key = content_key(path, raw)
            except IngestError as exc:
                report.verdicts.append(FileVerdict(shown_path(path), "failed", message=str(exc), kind=type(exc).__name__))
                continue
            except OSError as exc:
                report.verdicts.append(FileVerdict(str(path), "failed", message=f"{path}: cannot read ({exc.strerror})",
                                                   kind="OSError"))
                continue
            old = by_source.get(str(path))
            if old is not None and old.content_key == key:
                report.verdicts.append(FileVerdict(str(path), "unchanged", old.doc_id, chunks=old.chunk_count))
                continue
            doc_id = old.doc_id if old else make_doc_id(path)
            if doc_id in reserved or (doc_id in data.docs and identity(data.docs[doc_id].meta.source) != str(path)):
                doc_id = f"{doc_id}-{hashlib.sha256(str(path).encode()).hexdigest()[:6]}"
            reserved.add(doc_id)
            jobs.append((str(path), doc_id))
            planned[str(path)] = (key, old is not None, hashlib.sha256(raw).hexdigest())
        # then the work itself, spread over processes for a large ingest
        changed: dict[str, tuple[str, Prepared]] = {}  # doc_id -> (content_key, Prepared)
        report.processes = processes_for(jobs)
        for i, prep in enumerate(prepare_all(jobs)):
            if progress:
                progress(i, len(jobs), prep.path)
            if prep.doc is None:
                report.verdicts.append(FileVerdict(prep.path, "failed", message=prep.error, kind=prep.error_kind))
                continue
            key, replaces, sha_read = planned[prep.path]
            if prep.doc.meta.sha256 != sha_read:
                report.verdicts.append(FileVerdict(prep.path, "failed", message=str(FileChanged(Path(prep.path))),
                                                   kind="FileChanged"))
                continue
            changed[prep.doc_id] = (key, prep)
            data.records[prep.doc_id] = prep.records
            report.records_s += prep.records_s
            report.verdicts.append(
                FileVerdict(prep.path, "updated" if replaces else "added", prep.doc_id, chunks=len(prep.doc.chunks))
            )
        if rebuild and not allow_loss:
            refuse_loss(index, previous, report)
        if not changed and not rebuild:
            if previous is not None:
                report.generation = previous
                report.documents, report.chunks = len(data.docs), len(data.chunks)
            return report

        keep = [(c, t) for c, t in zip(data.chunks, data.tokens) if c.doc_id not in changed]
        chunks = [c for c, _ in keep]
        tokens = [t for _, t in keep]
        texts: dict[str, str] = {}
        index_texts: dict[str, str] = {}
        records = {d: r for d, r in data.records.items() if d in changed or d in data.docs}
        for doc_id, (key, prep) in changed.items():
            doc = prep.doc
            data.docs[doc_id] = DocRecord.from_document(doc, key)
            texts[doc.meta.text_sha256] = doc.text
            chunks.extend(doc.chunks)
            tokens.extend(prep.tokens)
            index_texts.update(zip((c.chunk_id for c in doc.chunks), prep.index_texts))
        new = GenerationData(docs=data.docs, chunks=chunks, tokens=tokens, records=records, index_texts=index_texts)
        report.generation = index.write_generation(new, texts, previous, refit=rebuild)
        report.documents, report.chunks = len(new.docs), len(new.chunks)
    return report


def refuse_loss(index: Index, previous: int | None, report: IngestReport) -> None:
    """A rebuild must not drop a document it was asked to re-read and could not: the user would
    lose it from the index (its generation collected next time) without having asked to."""
    if previous is None:
        return
    known = {identity(s): d for s, d in index.recorded_documents().items()}
    lost = [(v, known[identity(v.path)]) for v in report.failed if identity(v.path) in known]
    if lost:
        raise RebuildWouldLose(str(index.paths.home), previous, [(d, v.message) for v, d in lost])


def remove_document(index: Index, doc_id: str) -> IngestReport:
    report = IngestReport()
    with index.writer_lock():
        previous = index.current_generation()
        if previous is None:
            raise ZhiqaError(f"No index at {index.paths.home}; nothing to remove.")
        index.snapshot()
        data = index.read_generation_data(previous)
        if doc_id not in data.docs:
            known = ", ".join(sorted(data.docs)) or "none"
            raise ZhiqaError(f"No document '{doc_id}' in the index. Documents: {known}")
        del data.docs[doc_id]
        keep = [(c, t) for c, t in zip(data.chunks, data.tokens) if c.doc_id != doc_id]
        records = {d: r for d, r in data.records.items() if d != doc_id}
        new = GenerationData(docs=data.docs, chunks=[c for c, _ in keep], tokens=[t for _, t in keep], records=records)
        report.generation = index.write_generation(new, {}, previous)
        report.removed.append(doc_id)
        report.documents, report.chunks = len(new.docs), len(new.chunks)
    return report
