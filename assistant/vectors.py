"""The dense leg of a new generation: fit (or reuse) the embedder, embed the chunks Chroma does
not hold yet, and store their vectors with the metadata a question filters on."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from assistant.index import GenerationData, Index
    from assistant.store import ChromaStore


@dataclass
class PendingVectors:
    """Vectors computed for a generation, not yet written to Chroma."""

    collection: str
    ids: list[str]
    vectors: np.ndarray
    metadatas: list[dict]

    def store(self, store: "ChromaStore") -> None:
        if self.ids:
            store.upsert(self.collection, self.ids, self.vectors, self.metadatas)


def embed_generation(index: "Index", data: "GenerationData", tmp: Path, previous: int | None,
                     refit: bool) -> PendingVectors | None:
    """None when the index has no dense leg (embedder ``none``) or no chunks. The built-in LSA is
    refitted on a rebuild or once the corpus has more than doubled since its fit, and saved in
    ``tmp``; an external embedder embeds only the chunks Chroma lacks."""
    from assistant.index import index_text
    from ingest.normalize import normalize

    spec = index.settings.embedder
    if spec.kind == "none" or not data.chunks:
        return None
    texts = [
        data.index_texts.get(c.chunk_id) or normalize(index_text(data.docs[c.doc_id].meta.title, c.section_path, c.text))
        for c in data.chunks
    ]
    if spec.value == "builtin":
        from assistant.embedders import BuiltinLsaEmbedder

        prev_folder = index.paths.gen(previous) / "embedder" if previous else None
        embedder = fitted = None
        if not refit and prev_folder and (prev_folder / "components.npy").exists():
            embedder = BuiltinLsaEmbedder.load(prev_folder)
            # refit when the corpus has more than doubled since the last fit: amortised O(n)
            if len(texts) > 2 * embedder.fitted_on:
                embedder = None
        if embedder is None:
            embedder, fitted = BuiltinLsaEmbedder.fit_embed(texts)
        embedder.save(tmp / "embedder")
    else:
        embedder, fitted = spec.make_external(), None
    collection = f"{index.collection_prefix}{embedder.fingerprint}"
    ids = [c.chunk_id for c in data.chunks]
    have = index.store.existing_ids(collection, ids)
    todo = [i for i, cid in enumerate(ids) if cid not in have]
    if not todo:
        return PendingVectors(collection, [], np.zeros((0, 0), dtype=np.float32), [])
    vectors = fitted[todo] if fitted is not None else embedder.embed_documents([texts[i] for i in todo])
    metas = []
    for i in todo:
        c = data.chunks[i]
        m = data.docs[c.doc_id].meta
        # what a question filters on, and where the chunk's text is; the rest is in chunks.jsonl
        metas.append({"doc_id": c.doc_id, "region": m.region or "", "level": m.level or "", "year": m.year or 0,
                      "start": c.start, "end": c.end})
    return PendingVectors(collection, [ids[i] for i in todo], vectors, metas)
