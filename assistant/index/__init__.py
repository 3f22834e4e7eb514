"""The index: generations of documents, chunks, BM25 and embedder on disk, vectors in Chroma,
and the ingest that writes them (update.py, with prepare.py's per-file work)."""
