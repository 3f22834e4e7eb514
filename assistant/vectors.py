"""The dense leg of a new generation: fit (or reuse) the embedder, embed the chunks Chroma does
not hold yet, and store their vectors with the metadata a question filters on."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.index import GenerationData, Index


def write_vectors(index: "Index", data: "GenerationData", tmp: Path, previous: int | None, refit: bool) -> str | None:
    """The Chroma collection holding the generation's vectors; None when the index has no dense
    leg (embedder ``none``) or no chunks. The built-in LSA is refitted on a rebuild or once the
    corpus has more than doubled since its fit, and saved in ``tmp``. Only the chunks Chroma
    lacks are normalised and embedded, unless a fit needs them all."""
    from assistant.index import index_text
    from ingest.normalize import normalize

    spec = index.settings.embedder
    if spec.kind == "none" or not data.chunks:
        return None

    def text_of(i: int) -> str:
        c = data.chunks[i]
        return data.index_texts.get(c.chunk_id) or normalize(index_text(data.docs[c.doc_id].meta.title, c.section_path, c.text))

    fitted = None
    if spec.value == "builtin":
        from assistant.embedders import BuiltinLsaEmbedder

        prev_folder = index.paths.gen(previous) / "embedder" if previous else None
        embedder = None
        if not refit and prev_folder and (prev_folder / "components.npy").exists():
            embedder = BuiltinLsaEmbedder.load(prev_folder)
            # refit when the corpus has more than doubled since the last fit: amortised O(n)
            if len(data.chunks) > 2 * embedder.fitted_on:
                embedder = None
        if embedder is None:
            embedder, fitted = BuiltinLsaEmbedder.fit_embed([text_of(i) for i in range(len(data.chunks))])
        embedder.save(tmp / "embedder")
    else:
        embedder = spec.make_external()
    collection = f"{index.collection_prefix}{embedder.fingerprint}"
    ids = [c.chunk_id for c in data.chunks]
    have = index.store.existing_ids(collection, ids)
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
        index.store.upsert(collection, [ids[i] for i in todo], vectors, metas)
    return collection
