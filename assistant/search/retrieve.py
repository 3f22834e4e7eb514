"""Hybrid retrieval: BM25 and dense legs fused by weighted reciprocal rank fusion, then the
reranker the caller chose (assistant.search.rerankers)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import numpy as np

from assistant.answer import QuestionType
from assistant.config import Settings
from assistant.errors import ChromaDamaged, ChromaUnavailable, EmbedderUnavailable
from assistant.index.index import Index
from assistant.index.snapshot import Snapshot
from assistant.index.tokens import mended_cuts
from assistant.question.analyse import Query
from assistant.question.kinds import INDEX_NUMBER, asked_fields
from assistant.question.premises import dated_document_years, document_years
from assistant.search.definitions import asked_body, defined_term, defining_chunks, identity_pattern, matching_chunks
from assistant.search.duties import asked_actor_forms, duty_chunks
from assistant.search.hits import CHROMA_DAMAGED, CHROMA_DOWN, EMBEDDER_DOWN, Hit, Hits
from assistant.search.laws import law_mentions, laws_named
from assistant.question.interrogatives import only_in_frames
from assistant.search.rerankers import Reranker
from ingest.gazetteer import AGENCY_FULL_NAMES
from ingest.normalize import normalize
from ingest.patterns import DOC_NUMBER


@lru_cache(maxsize=4096)
def issuer_aliases(issuer: str) -> frozenset[str]:
    """A national body's name and its short names (国家质量监督检验检疫总局: 质检总局, 国家质检总局)."""
    return frozenset({issuer} | {short for short, full in AGENCY_FULL_NAMES.items() if full == issuer})


# what continues a body's name into another body's: 国务院 → 国务院办公厅, 质检总局 → 质检总局办公厅
_LONGER_BODY = re.compile(r"办公厅|办公室|直属|各部|各委|部门|机关事务")


# what makes a body the one something goes to, not the one that wrote: 报给质检总局, 向总局备案
_TO_BODY = re.compile(r"(?:报|送|交|向|给|呈|抄送)$")


def _names_body(asked: str, alias: str) -> bool:
    """Does the question name the body ``alias`` itself as the one that wrote (not a body whose
    name it begins, nor the body a report goes to: …自评报告要报给质检总局)?"""
    return any(not _LONGER_BODY.match(asked, m.end()) and not _TO_BODY.search(asked, 0, m.start())
               for m in re.finditer(re.escape(alias), asked))


def _names_place(asked: str, meta) -> bool:
    """Does the question name the city or county a document is of (威海, 洞头区)? Short names are
    matched only against the places of indexed documents, where they stand for the place."""
    return any(p and (p in asked) for p in (meta.county, meta.city))


# 国家/全国/中央 standing where a region stands: 国家的…, 国家和福建的…, 国家层面…
_NATION = re.compile(r"(?:国家|全国|中央)(?=的|和|与|跟|同|、|层面|级的|那|这|出台|发布|印发|制定)")
SCOPE_WORD = re.compile(r"国家|全国|中央")
DUTY_RANKS = 10  # how far a passage putting a duty on the actor asked about rises (dev split)
_TITLE_FRAGMENT = 4  # characters after 国家 that must run in a national document's title


def _is_national(meta) -> bool:
    return not meta.region and meta.level in ("national", None)


def names_nation(asked: str, snap: Snapshot) -> bool:
    """Does the question ask for the national documents (国家的考核办法, 国家质量工作考核办法…,
    国家和福建的…) as it would name a province? Only when the corpus holds national and local
    documents both; 国家 as part of a body's name (国家质检总局) or as a statute's subject
    (国家鼓励…) is no scope. A document without a title is named by its file's name."""
    national = [snap.normalized_titles[d] or normalize(d) for d, rec in snap.docs.items() if _is_national(rec.meta)]
    if not national or len(national) == len(snap.docs):
        return False
    if _NATION.search(asked):
        return True
    for m in SCOPE_WORD.finditer(asked):
        if any(asked.startswith(alias, m.start()) for alias in AGENCY_FULL_NAMES):
            continue
        fragment = normalize(asked[m.end():m.end() + _TITLE_FRAGMENT])
        if len(fragment) == _TITLE_FRAGMENT and any(fragment in t for t in national):
            return True
    return False


def named_documents(snap: Snapshot, query: Query) -> list[str]:
    """Documents the question names: by a city or county of the corpus (威海, 洞头: the place's
    own documents), by a corpus region (湖南, 陕: its cities' documents too) or by a national
    issuer (质检总局)."""
    by_place = [d for d, rec in snap.docs.items() if _names_place(query.asked, rec.meta)]
    if by_place:
        return by_place
    corpus_regions = {r.meta.region for r in snap.docs.values() if r.meta.region}
    regions = {r for r in query.regions if r in corpus_regions}
    asked = query.asked
    numbers = {re.sub(r"\s", "", m) for m in DOC_NUMBER.findall(asked)}
    indexed = INDEX_NUMBER.findall(asked)
    nation = names_nation(asked, snap)
    named = []
    for doc_id, rec in snap.docs.items():
        meta = rec.meta
        if nation and _is_national(meta):
            named.append(doc_id)  # 国家的…: the national documents, as a region's own
        elif numbers and meta.doc_number and normalize(meta.doc_number).replace(" ", "") in numbers:
            named.append(doc_id)  # the question quotes the document's 文号
        elif indexed and any(i in snap.text(doc_id) for i in indexed):
            named.append(doc_id)  # or the index number its page's table gives
        elif meta.region in regions:
            named.append(doc_id)
        elif not meta.region and meta.issuer and any(_names_body(asked, a) for a in issuer_aliases(meta.issuer)):
            named.append(doc_id)
    return named


def _titled_per_place(snap: Snapshot, named: list[str], titled: list[str]) -> list[str]:
    places: dict[tuple, list[str]] = {}
    for d in named:
        meta = snap.docs[d].meta
        places.setdefault((meta.region, meta.city, meta.county, None if meta.region else meta.issuer), []).append(d)
    kept = []
    for docs in places.values():
        kept += [d for d in docs if d in titled] or docs
    return kept + [d for d in titled if d not in kept]


def allowed_documents(snap: Snapshot, query: Query) -> list[str]:
    docs = list(snap.docs)
    if query.filter_doc_ids:
        docs = [d for d in docs if d in query.filter_doc_ids]
    if query.filter_levels:
        docs = [d for d in docs if snap.docs[d].meta.level in query.filter_levels]
    if query.filter_years:
        docs = [d for d in docs if snap.docs[d].meta.year in query.filter_years]
    if query.filter_regions:
        docs = [d for d in docs if snap.docs[d].meta.region in query.filter_regions]
    elif not query.filter_doc_ids:
        named = named_documents(snap, query)
        titled = laws_named(snap, query.asked, query.regions)
        # a law named by its title (价格法, 《山东省计量条例》) narrows the region it is in; in a
        # comparison, each place or body compared keeps its own documents where none is named by title
        # (湖南的…意见和质检总局的…指导意见: the 湖南 one by title, 质检总局's by its issuer)
        # (so does a question naming two places' documents: 吉林2012年的…意见和安徽的质量发展纲要)
        places = {snap.docs[d].meta.region for d in named}
        if (query.question_type == QuestionType.COMPARISON or len(places) > 1) and any(d in titled for d in named):
            named = _titled_per_place(snap, named, titled)
        else:
            named = [d for d in named if d in titled] or titled or named
        if named:
            docs = [d for d in docs if d in named]
        docs = _of_years_named(snap, docs, dated_document_years(query.normalized))
    return docs


def _of_years_named(snap: Snapshot, docs: list[str], years: list[int]) -> list[str]:
    """Of each place's documents, those of the year the question dates a document by (湖北…2023年
    的质量强省纲要), where one of them is known to be of it; a place none of whose documents is
    known to be of it keeps them all, and one of whose documents is of one year asked but none
    of another keeps its undated ones too (a document whose year is unknown may be of it)."""
    if not years:
        return docs
    by_place: dict[str | None, list[str]] = {}
    for d in docs:
        by_place.setdefault(snap.docs[d].meta.region, []).append(d)
    kept = []
    for place_docs in by_place.values():
        known = {d: document_years(snap.docs[d].meta) for d in place_docs}
        dated = [d for d in place_docs if known[d] & set(years)]
        if dated and all(any(y in known[d] for d in dated) for y in years):
            kept += dated
        else:  # (a year no document of the place is known to be of: an undated one may be)
            kept += dated + [d for d in place_docs if not known[d]] if dated else place_docs
    return [d for d in docs if d in kept]


def chroma_where(query: Query, allowed: list[str], n_docs: int) -> dict | None:
    """The filters as a Chroma ``where`` on chunk metadata (region, level, year, doc_id)."""
    clauses: list[dict] = []
    if query.filter_regions:
        clauses.append({"region": {"$in": list(query.filter_regions)}})
    if query.filter_levels:
        clauses.append({"level": {"$in": list(query.filter_levels)}})
    if query.filter_years:
        clauses.append({"year": {"$in": list(query.filter_years)}})
    if len(allowed) < n_docs:  # documents named in the question or chosen by the caller
        clauses.append({"doc_id": {"$in": list(allowed)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class HybridRetriever:
    def __init__(self, index: Index, settings: Settings | None = None, use_dense: bool = True,
                 reranker: Reranker | None = None) -> None:
        """``reranker``: the second stage (``choose_reranker(settings)`` gives the configured
        one); None fuses the legs and stops there."""
        self.index = index
        self.settings = settings or index.settings
        self.use_dense = use_dense
        self.reranker = reranker

    def search(self, query: Query, k: int = 10, snap: Snapshot | None = None) -> Hits:
        """The k best chunks for ``query``. Pass the snapshot the caller composes from: a fresh
        one may be a newer generation (an ingest switched in between), whose chunks the
        caller's snapshot does not hold."""
        snap = snap or self.index.snapshot()
        allowed = allowed_documents(snap, query)
        if not snap.chunks or not allowed:
            return Hits(query=query, hits=(), allowed_docs=tuple(allowed))
        n = self.settings.candidates
        fused: dict[int, float] = {}
        bm25_rank: dict[int, int] = {}
        dense_rank: dict[int, int] = {}
        dense_sim: dict[int, float] = {}

        mask = snap.chunk_mask(allowed)
        tokens = list(query.tokens)
        # the words of a title the question names its document by (按侵害消费者权益行为处罚办法)
        # are a filter, already applied: every passage of it holds them, and they are no topic;
        # unless the question asks of the document itself (its issuer, its date), answered by
        # the lines that name it
        named = [(m.start, m.end) for m in law_mentions(snap, query.asked, query.regions)]
        if named and not asked_fields(query.asked):
            tokens = [t for t in tokens if not only_in_frames(t, query.asked, named)] or tokens
        tokens += mended_cuts(query.normalized, tokens, lambda w: snap.bm25.idf(w) is not None)  # 卖劣药 → 劣药
        scores = snap.bm25.scores(tokens, mask)
        order = np.argsort(-scores, kind="stable")[:n]
        for rank, i in enumerate(order):
            if scores[i] <= 0:
                break
            bm25_rank[int(i)] = rank
            fused[int(i)] = fused.get(int(i), 0.0) + self.settings.bm25_weight / (self.settings.rrf_k + rank + 1)

        dense_error = ""
        if self.use_dense and snap.embedder is not None and snap.collection and self.settings.dense_weight > 0:
            where = chroma_where(query, allowed, len(snap.docs))
            rank = 0
            try:
                vector = snap.embedder.embed_query(query.normalized)
            except EmbedderUnavailable:  # an embedding endpoint down: BM25 still answers, and says so
                vector, dense_error = None, EMBEDDER_DOWN
            try:
                found = [] if vector is None else self.index.store.query(snap.collection, vector, n * 2, where)
            except ChromaDamaged:  # an embedded store that cannot be opened: the same, and how to repair it
                found, dense_error = [], CHROMA_DAMAGED
            except ChromaUnavailable:  # a Chroma server down: the same
                found, dense_error = [], CHROMA_DOWN
            for cid, dist in found:
                i = snap.chunk_pos.get(cid)
                if i is None:  # written by an unfinished or later ingest: not in this generation
                    continue
                dense_rank[i] = rank
                dense_sim[i] = 1.0 - float(dist)  # the collections are cosine spaces
                fused[i] = fused.get(i, 0.0) + self.settings.dense_weight / (self.settings.rrf_k + rank + 1)
                rank += 1
                if rank >= n:
                    break

        forms = asked_actor_forms(snap, query.asked, dict(query.synonyms), allowed)
        if forms:
            # a question of what an actor must do (对举报人有什么要求?): the passages putting a duty
            # on that actor rise, as if ranked DUTY_RANKS places higher in each leg
            s = self.settings
            lift = (s.bm25_weight + s.dense_weight) * (1 / (s.rrf_k + 1) - 1 / (s.rrf_k + 1 + DUTY_RANKS))
            for i in duty_chunks(snap, forms, list(fused)):
                fused[i] += lift
        if query.question_type == QuestionType.DEFINITION and (term := defined_term(query.asked)):
            # the article that defines the term asked about comes first, whatever its words score
            top = max(fused.values(), default=0.0)
            for i in defining_chunks(snap, term, allowed)[:2]:
                fused[i] = top + 1.0 / (self.settings.rrf_k + 1)
        if body := asked_body(query.asked):
            # …部门是哪个部门?: the article saying which body that name stands for comes first
            top = max(fused.values(), default=0.0)
            for i in matching_chunks(snap, identity_pattern(body), allowed)[:2]:
                fused[i] = top + 1.0 / (self.settings.rrf_k + 1)
        depth = max(k, self.reranker.window) if self.reranker is not None else k
        best = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:depth]
        hits = Hits(
            query=query,
            hits=tuple(Hit(chunk=snap.chunks[i], score=s, bm25_rank=bm25_rank.get(i),
                           dense_rank=dense_rank.get(i), dense_similarity=dense_sim.get(i)) for i, s in best),
            allowed_docs=tuple(allowed),
            dense_error=dense_error,
            actor_forms=forms,
        )
        if self.reranker is not None:
            hits = self.reranker.rerank(hits, snap)
        return replace(hits, hits=hits.hits[:k], dense_error=dense_error)
