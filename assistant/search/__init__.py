"""Hybrid retrieval (BM25 + dense, fused) and the reranker behind the Reranker seam."""
