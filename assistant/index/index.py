"""The index: generations of (documents, chunks, BM25, embedder) on disk, vectors in Chroma.

Layout under the home folder (default ./.zhiqa):

    CURRENT              {"generation": N}; replaced atomically when a new generation is ready
    SOURCES              {source: doc_id} of the newest generation: what a rebuild re-reads when
                         every generation folder is lost
    gen-00000N/          manifest.json, documents.json, chunks.jsonl, records.jsonl, bm25/, embedder/
    texts/<sha256>.txt   original texts, named by the hash of their content (shared by generations)
    chroma/              embedded Chroma (unused when ZHIQA_CHROMA_URL points at a server)

A writer builds generation N+1 next to N and only then switches CURRENT, so a failed or
interrupted ingest leaves N readable and unchanged, and readers keep a consistent snapshot.
Chroma records are keyed by content-derived chunk ids and filtered by the generation's
live set, so records written by an unfinished ingest are invisible and cleaned up later.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import shutil
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from assistant.config import Settings
from assistant.errors import ChromaDamaged, DiskFull, IndexBusy, IndexDamaged, IndexMismatch, IndexMissing, IndexReadOnly
from assistant.index.bm25 import Bm25Index
from assistant.index.embedders import BuiltinLsaEmbedder, Embedder
from assistant.index.generation import (
    RECORDS_FILE,
    GenerationData,
    IndexPaths,
    atomic_write,
    fsync_dir,
    read_documents,
    read_generation,
    text_file_of,
    write_generation_files,
    write_text,
)
from assistant.index.snapshot import Snapshot
from assistant.index.store import ChromaStore
from assistant.index.tokens import tokenizer_id
from assistant.index.vectors import write_vectors
from ingest.normalize import NORMALISER_ID

SCHEMA_VERSION = 1
PACKAGE_VERSION = "0.1.0"


CRASH_ENV = "ZHIQA_TEST_CRASH_AT"  # for crash tests: SIGKILL the ingest at the named step
CRASH_STEPS = ("vectors", "files", "renamed", "switched")


def _fail_point(step: str) -> None:
    """Where the crash-safety tests kill a writer: after each step that changes the disk."""
    if os.environ.get(CRASH_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def expected_manifest(settings: Settings) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "normaliser": NORMALISER_ID,
        "tokenizer": tokenizer_id(),
        "embedder": settings.embedder.kind,
    }


class Index:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.paths = IndexPaths(Path(self.settings.home))
        self._snapshot: Snapshot | None = None
        self._store: ChromaStore | None = None
        self._loading = threading.Lock()

    # ---------------------------------------------------------------- reading
    @property
    def store(self) -> ChromaStore:
        if self._store is None:
            self._store = ChromaStore(self.paths.chroma, self.settings.chroma_url)
        return self._store

    def current_generation(self) -> int | None:
        try:
            return int(json.loads(self.paths.current.read_text(encoding="utf-8"))["generation"])
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise IndexDamaged(str(self.paths.home), "its CURRENT file does not name a generation") from exc

    def exists(self) -> bool:
        return self.current_generation() is not None

    def generations(self) -> list[int]:
        """The numbers of the complete generation folders on disk, oldest first."""
        found = []
        for entry in self.paths.home.glob("gen-*"):
            if entry.is_dir() and not entry.name.endswith(".tmp") and entry.name[4:].isdigit():
                found.append(int(entry.name[4:]))
        return sorted(found)

    def latest_generation(self) -> int | None:
        """The generation to rebuild after: CURRENT's when it is readable and its folder exists,
        else the newest folder on disk (None for a new index)."""
        try:
            gen = self.current_generation()
        except IndexDamaged:
            gen = None
        if gen is not None and self.paths.gen(gen).is_dir():
            return gen
        on_disk = self.generations()
        return on_disk[-1] if on_disk else gen

    def recorded_documents(self) -> dict[str, str]:
        """source -> doc_id of each document the index holds, read without the compatibility
        check and whatever state the index files are in: from the current generation, else from
        the newest one whose document list can be read, else from SOURCES. What ``ingest
        --rebuild`` re-reads."""
        candidates = [self.latest_generation()] + self.generations()[::-1]
        for gen in dict.fromkeys(g for g in candidates if g is not None):
            try:
                return {d["meta"]["source"]: d["meta"]["doc_id"] for d in read_documents(self.paths.gen(gen))}
            except (OSError, ValueError, KeyError, TypeError):
                continue
        try:
            listed = json.loads((self.paths.home / "SOURCES").read_text(encoding="utf-8"))
            return {str(s): str(d) for s, d in listed.items()}
        except (OSError, ValueError, AttributeError):
            return {}

    def recorded_sources(self) -> list[str]:
        return sorted(self.recorded_documents())

    def snapshot(self) -> Snapshot:
        """The current generation, reloaded only when a writer has switched to a newer one; one
        thread loads it while others asking at the same moment wait for it, instead of all
        loading the same files at once."""
        gen = self.current_generation()
        if gen is None:
            raise IndexMissing(str(self.paths.home))
        have = self._snapshot
        if have is not None and have.generation == gen:
            return have
        with self._loading:
            gen = self.current_generation() or gen  # a later writer may have switched again meanwhile
            if self._snapshot is None or self._snapshot.generation != gen:
                self._snapshot = self._load(gen)
            return self._snapshot

    def _check(self, manifest: dict) -> None:
        want = expected_manifest(self.settings)
        for key, value in want.items():
            if manifest.get(key) != value:
                raise IndexMismatch(str(self.paths.home), key, manifest.get(key), value)

    def _load(self, gen: int) -> Snapshot:
        folder = self.paths.gen(gen)
        manifest = self.manifest(gen)
        self._check(manifest)
        data = self.read_generation_data(gen, with_records=False, with_tokens=False)
        try:
            bm25 = Bm25Index.load(folder / "bm25", len(data.chunks)) if data.chunks else None
            embedder = self._load_embedder(folder, manifest)
        except (OSError, ValueError, KeyError, EOFError) as exc:
            raise IndexDamaged(str(self.paths.home), f"generation {gen}'s search files cannot be read ({exc})") from exc
        if bm25 is not None and bm25.stored_size != len(data.chunks):
            raise IndexDamaged(str(self.paths.home), f"generation {gen}'s BM25 holds {bm25.stored_size} chunks, "
                                                     f"its chunk list {len(data.chunks)}")
        return Snapshot(
            home=self.paths.home,
            generation=gen,
            manifest=manifest,
            docs=data.docs,
            chunks=data.chunks,
            bm25=bm25,
            embedder=embedder,
            collection=manifest.get("collection"),
            records_file=folder / RECORDS_FILE,
        )

    def manifest(self, gen: int) -> dict:
        """Generation ``gen``'s manifest; a missing or unreadable one is damage, not a traceback."""
        path = self.paths.gen(gen) / "manifest.json"
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            what = "its manifest is missing" if path.parent.is_dir() else "its folder is missing"
            raise IndexDamaged(str(self.paths.home), f"CURRENT names generation {gen}, but {what}") from exc
        except (ValueError, UnicodeDecodeError) as exc:
            raise IndexDamaged(str(self.paths.home), f"generation {gen}'s manifest cannot be read ({exc})") from exc
        if not isinstance(manifest, dict):
            raise IndexDamaged(str(self.paths.home), f"generation {gen}'s manifest is not a JSON object")
        return manifest

    def _load_embedder(self, folder: Path, manifest: dict) -> Embedder | None:
        kind = manifest["embedder"]
        if kind == "none" or not manifest.get("collection"):
            return None
        if kind.startswith("builtin"):
            return BuiltinLsaEmbedder.load(folder / "embedder")
        return self.settings.embedder.make_external()

    @property
    def collection_prefix(self) -> str:
        """Collections of this index home; several homes may share one Chroma server."""
        key = hashlib.sha1(str(self.paths.home.resolve()).encode("utf-8")).hexdigest()[:8]
        return f"zhiqa-{key}-"

    # ---------------------------------------------------------------- writing
    @contextmanager
    def writer_lock(self):
        try:
            self.paths.home.mkdir(parents=True, exist_ok=True)
            fh = open(self.paths.home / "lock", "w")
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise IndexReadOnly(str(self.paths.home), exc.strerror or str(exc)) from exc
            raise
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise IndexBusy(str(self.paths.home)) from exc
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def read_generation_data(self, gen: int, with_records: bool = True, with_tokens: bool = True) -> GenerationData:
        """What generation ``gen`` is made of (see generation.read_generation), checked against
        the counts its manifest records: a cut or garbled file is IndexDamaged."""
        manifest = self.manifest(gen)
        try:
            data = read_generation(self.paths.gen(gen), with_records=with_records, with_tokens=with_tokens)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexDamaged(str(self.paths.home), f"generation {gen}'s files cannot be read ({exc})") from exc
        for what, have in (("chunks", len(data.chunks)), ("documents", len(data.docs))):
            if manifest.get(what) is not None and manifest[what] != have:
                raise IndexDamaged(str(self.paths.home), f"generation {gen} records {manifest[what]} {what} but its files hold {have}")
        if with_tokens and len(data.tokens) != len(data.chunks):
            raise IndexDamaged(str(self.paths.home), f"generation {gen}'s chunks lack their BM25 tokens")
        return data

    def write_generation(self, data: GenerationData, texts: dict[str, str], previous: int | None, refit: bool = False) -> int:
        """Write a complete new generation, then switch CURRENT to it. Returns its number. A full
        disk leaves the previous generation current and says so (DiskFull)."""
        try:
            return self._write_generation(data, texts, previous, refit)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                raise DiskFull(str(self.paths.home), previous, exc.strerror or str(exc)) from exc
            raise

    def _write_generation(self, data: GenerationData, texts: dict[str, str], previous: int | None, refit: bool) -> int:
        new = (previous or 0) + 1
        while self.paths.gen(new).exists():
            new += 1
        tmp = self.paths.home / f"gen-{new:06d}.tmp"
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir(parents=True)
        try:
            self.paths.texts.mkdir(parents=True, exist_ok=True)
            for sha, text in texts.items():
                write_text(self.paths.texts, sha, text)  # rewritten when a stored copy is damaged

            manifest = dict(expected_manifest(self.settings))
            manifest.update(
                package_version=PACKAGE_VERSION,
                generation=new,
                created=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                documents=len(data.docs),
                chunks=len(data.chunks),
                chroma=self.settings.chroma_url or "embedded",
            )
            # vectors first: Chroma holds them under chunk ids before any generation lists the ids
            # (a thread fitting the LSA beside the BM25 build was slower: both hold the GIL)
            previous_embedder = self.paths.gen(previous) / "embedder" if previous else None
            if refit and self.settings.embedder.kind != "none":
                self._usable_store()
            manifest["collection"] = write_vectors(self.store, self.settings.embedder, self.collection_prefix, data, tmp,
                                                   previous_embedder, refit)
            _fail_point("vectors")
            write_generation_files(data, tmp)
            (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            _fail_point("files")
            for f in tmp.rglob("*"):
                if f.is_file():
                    with open(f, "rb") as fh:
                        os.fsync(fh.fileno())
            os.replace(tmp, self.paths.gen(new))
            atomic_write(self.paths.home / "SOURCES", json.dumps({d.meta.source: d.doc_id for d in data.docs.values()},
                                                                  ensure_ascii=False, indent=0))
            fsync_dir(self.paths.home)
            _fail_point("renamed")
            atomic_write(self.paths.current, json.dumps({"generation": new}))
            fsync_dir(self.paths.home)
            _fail_point("switched")
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self._collect_garbage(keep={new, previous} - {None}, known={new: {c.chunk_id for c in data.chunks}})
        return new

    def _usable_store(self) -> None:
        """Before a rebuild writes vectors: an embedded store that cannot be opened is set aside
        and a new one started, so that the rebuild repairs it rather than failing on it."""
        try:
            self.store.client
        except ChromaDamaged:
            self.store.set_aside()

    def _collect_garbage(self, keep: set[int], known: dict[int, set[str]] | None = None) -> None:
        """Drop generations other than ``keep`` and Chroma records no kept generation uses.
        ``known``: chunk ids of a kept generation the caller has in memory (not re-read)."""
        live_ids: set[str] = set()
        live_collections: set[str] = set()
        for gen in keep:
            folder = self.paths.gen(gen)
            try:
                manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
                if known and gen in known:
                    live_ids.update(known[gen])
                else:
                    with open(folder / "chunks.jsonl", encoding="utf-8") as fh:
                        live_ids.update(json.loads(line)["chunk_id"] for line in fh)
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a damaged generation a rebuild replaced: nothing of it to keep
            if manifest.get("collection"):
                live_collections.add(manifest["collection"])
        for entry in self.paths.home.iterdir():
            if entry.name.startswith("gen-") and entry.is_dir():
                try:
                    n = int(entry.name[4:10])
                except ValueError:
                    continue
                if n not in keep and not entry.name.endswith(".tmp"):
                    shutil.rmtree(entry, ignore_errors=True)
        live_shas = set()
        for gen in keep:
            try:
                for d in read_documents(self.paths.gen(gen)):
                    live_shas.add(text_file_of(d["meta"]))
            except (OSError, ValueError, KeyError, TypeError):
                continue
        if self.paths.texts.exists():
            for f in self.paths.texts.glob("*.txt"):
                if f.stem not in live_shas:
                    f.unlink(missing_ok=True)
        if self.settings.chroma_url is None and not self.paths.chroma.exists():
            return
        for name in self.store.collection_names():
            if not name.startswith(self.collection_prefix):
                continue
            if name not in live_collections:
                self.store.drop(name)
                continue
            stale = sorted(self.store.all_ids(name) - live_ids)
            if stale:
                self.store.delete_ids(name, stale)
