"""The built-in dense embedder: LSA over character 1-2 grams of the normalised text (sublinear
TF-IDF, truncated SVD), fitted on the indexed chunks; no download, no torch.

Counting is vectorised: each text becomes its code points (whitespace dropped), a unigram's
term is its code point and a bigram's is the pair packed in one integer, and numpy counts
them all at once. Counting n-grams in a Python loop over 30 MB of text cost more than the
SVD itself. The vocabulary is the sorted array of those integer terms."""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import numpy as np

FIT_SAMPLE = 8000  # chunks the LSA is fitted on, at most
_BIGRAM = np.uint64(1 << 42)  # flag bit above two packed 21-bit code points
_SHIFT = np.uint64(21)


@lru_cache(maxsize=1)
def _is_blank() -> np.ndarray:
    """A lookup table over code points: True where str.isspace() (all of them below U+3001)."""
    table = np.zeros(0x110000, dtype=bool)
    table[[c for c in range(0x3001) if chr(c).isspace()]] = True
    return table


def _terms(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(row, term) pairs, one per character and per pair of adjacent non-blank characters."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    # lone surrogates (a bad decode) pass through as code points
    cps = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype="<u4")
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    keep = ~_is_blank()[cps]
    cps, rows = cps[keep].astype(np.uint64), rows[keep]
    joined = rows[:-1] == rows[1:]
    bigrams = _BIGRAM | (cps[:-1][joined] << _SHIFT) | cps[1:][joined]
    return np.concatenate([rows, rows[:-1][joined]]), np.concatenate([cps, bigrams])


def _counts(rows: np.ndarray, codes: np.ndarray, vocab: np.ndarray, n_rows: int):
    """Term counts per row over a sorted vocabulary; terms outside it are dropped."""
    from scipy.sparse import csr_matrix  # 0.3 s: the ingest workers, which never embed, do not pay it

    cols = np.searchsorted(vocab, codes)
    known = cols < len(vocab)
    known[known] = vocab[cols[known]] == codes[known]
    m = csr_matrix((np.ones(int(known.sum()), dtype=np.float32), (rows[known], cols[known])), shape=(n_rows, len(vocab)))
    m.sum_duplicates()
    return m


def _weigh(counts, idf: np.ndarray):
    """Sublinear TF-IDF rows, L2-normalised (what sklearn's TfidfVectorizer computes). Weighs
    ``counts`` in place: a copy of 30 MB of text's counts would be 170 MB more at the peak."""
    from scipy.sparse import csr_matrix  # as in _counts

    counts.data = (1.0 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(counts.multiply(1.0 / norms[:, None]), dtype=np.float32)


def l2_rows(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (m / norms).astype(np.float32)


class BuiltinLsaEmbedder:
    """Character n-gram LSA fitted on the corpus. Texts must be normalised already."""

    kind = "builtin-lsa-v2"

    def __init__(self, terms: np.ndarray, idf: np.ndarray, components: np.ndarray, fitted_on: int) -> None:
        self.terms = terms.astype(np.uint64)  # sorted n-gram terms; a term's column is its position
        self.idf = idf.astype(np.float32)
        self.components = components.astype(np.float32)
        self.fitted_on = fitted_on

    @property
    def fingerprint(self) -> str:
        h = hashlib.sha1(self.components.tobytes()).hexdigest()[:12]
        return f"lsa{self.components.shape[0]}-{h}"

    @classmethod
    def fit(cls, texts: list[str], dims: int = 256) -> "BuiltinLsaEmbedder":
        return cls.fit_embed(texts, dims)[0]

    @classmethod
    def fit_embed(cls, texts: list[str], dims: int = 256) -> tuple["BuiltinLsaEmbedder", np.ndarray]:
        """Fit on ``texts`` and return their vectors too. A corpus of more than FIT_SAMPLE chunks
        is fitted on an evenly spaced sample of FIT_SAMPLE (the SVD's cost grows with the rows,
        the topics do not) and embedded whole; the vocabulary is the sample's."""
        from sklearn.decomposition import TruncatedSVD  # 2 s to import: only a fit needs it

        rows, codes = _terms(texts)
        if len(texts) > FIT_SAMPLE:
            sample = np.array([round(i * len(texts) / FIT_SAMPLE) for i in range(FIT_SAMPLE)])
            vocab = np.unique(codes[np.isin(rows, sample)])
        else:
            sample, vocab = np.arange(len(texts)), np.unique(codes)
        counts = _counts(rows, codes, vocab, len(texts))
        df = np.diff(counts[sample].tocsc().indptr)
        idf = (np.log((1 + len(sample)) / (1 + df)) + 1).astype(np.float32)  # sklearn's smooth idf
        tfidf = _weigh(counts, idf)
        k = max(1, min(dims, len(sample) - 1, len(vocab) - 1))
        svd = TruncatedSVD(n_components=k, random_state=0, algorithm="randomized", n_iter=2)
        svd.fit(tfidf[sample])
        embedder = cls(vocab, idf, svd.components_, len(texts))
        return embedder, embedder._project(tfidf)

    def _tfidf(self, texts: list[str]):
        rows, codes = _terms(texts)
        return _weigh(_counts(rows, codes, self.terms, len(texts)), self.idf)

    def _project(self, tfidf) -> np.ndarray:
        return l2_rows(np.asarray(tfidf @ self.components.T))

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self._project(self._tfidf(texts))

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_documents([text])[0]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "terms.npy", self.terms)
        np.save(folder / "idf.npy", self.idf)
        np.save(folder / "components.npy", self.components)
        (folder / "lsa.json").write_text(
            json.dumps({"kind": self.kind, "fitted_on": self.fitted_on}), encoding="utf-8"
        )

    @classmethod
    def load(cls, folder: Path) -> "BuiltinLsaEmbedder":
        meta = json.loads((folder / "lsa.json").read_text(encoding="utf-8"))
        return cls(np.load(folder / "terms.npy"), np.load(folder / "idf.npy"), np.load(folder / "components.npy"),
                   meta["fitted_on"])
