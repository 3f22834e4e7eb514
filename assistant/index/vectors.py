"""The dense leg of a new generation: fit (or reuse) the embedder, embed the chunks Chroma does
not hold yet, and store their vectors with the metadata a question filters on."""
from __future__ import annotations

from pathlib import Path

from assistant.index.embedders import BuiltinLsaEmbedder, EmbedderSpec
from assistant.index.generation import GenerationData
from assistant.index.store import ChromaStore
from assistant.index.tokens import index_text
from ingest.normalize import normalize


def write_vectors(
    store: ChromaStore,
    spec: EmbedderSpec,
    collection_prefix: str,
    data: GenerationData,
    tmp: Path,
    previous_embedder: Path | None,
    refit: bool,
) -> str | None:
    """The Chroma collection holding the generation's vectors; None when the index has no dense
    leg (embedder ``none``) or no chunks. The built-in LSA is refitted on a rebuild, when there
    is no previous fit (``previous_embedder``: the folder of the previous generation's), or once
    the corpus has more than doubled since its fit, and saved in ``tmp``. Only the chunks Chroma
    lacks are normalised and embedded, unless a fit needs them all."""
    if spec.kind == "none" or not data.chunks:
        return None

    def text_of(i: int) -> str:
        c = data.chunks[i]
        return data.index_texts.get(c.chunk_id) or normalize(index_text(data.docs[c.doc_id].meta.title, c.section_path, c.text))

    fitted = None
    if spec.value == "builtin":
        embedder = None
        if not refit and previous_embedder and (previous_embedder / "components.npy").exists():
            embedder = BuiltinLsaEmbedder.load(previous_embedder)
            # refit when the corpus has more than doubled since the last fit: amortised O(n)
            if len(data.chunks) > 2 * embedder.fitted_on:
                embedder = None
        if embedder is None:
            embedder, fitted = BuiltinLsaEmbedder.fit_embed([text_of(i) for i in range(len(data.chunks))])
        embedder.save(tmp / "embedder")
    else:
        embedder = spec.make_external()
    collection = f"{collection_prefix}{embedder.fingerprint}"
    ids = [c.chunk_id for c in data.chunks]
    have = store.existing_ids(collection, ids)
    todo = [i for i, cid in enumerate(ids) if cid not in have]
    if todo:
        vectors = fitted[todo] if fitted is not None else embedder.embed_documents([text_of(i) for i in todo])
        metas = []
        for i in todo:
            c = data.chunks[i]
            m = data.docs[c.doc_id].meta
            # what a question filters on, and where the chunk's text is; the rest is in chunks.jsonl
            metas.append({"doc_id": c.doc_id, "region": m.region or "", "level": m.level or "", "year": m.year or 0,
                          "start": c.start, "end": c.end})
        store.upsert(collection, [ids[i] for i in todo], vectors, metas)
    return collection
