"""Assistant.ask: question -> Answer, with abstention and simple follow-up resolution."""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, replace
from itertools import zip_longest
from typing import TYPE_CHECKING, Callable

from assistant.answer import Answer, Citation, QuestionType, titled
from assistant.compose.articles import answer_article
from assistant.compose.composer import Composition, ExtractiveComposer
from assistant.compose.claims import CONFIRMED, CONTRADICTED
from assistant.compose.penalty_followup import penalty_of_previous
from assistant.compose.metadata import claimed_values, document_field, fields_answer, unheld_claims
from assistant.compose.side_by_side import side_by_side
from assistant.config import Settings
from assistant.errors import QuestionTooLong
from assistant.index.index import Index
from assistant.index.snapshot import Snapshot
from assistant.question.analyse import Query, analyse, named_regions
from assistant.question.articles import article_reference
from assistant.question.followup import resolve
from assistant.search.siblings import coordinated
from assistant.question.kinds import CLAIMED_ISSUER, asked_fields, asks_year_only, asserts_claim
from assistant.question.parts import per_document
from assistant.question.premises import articles_asked, dated_document_years, document_years, named_periods
from assistant.search.hits import Hits
from assistant.search.laws import documents_mentioning, law_mentions, laws_named, named_law, only_cited, uncited_law_asked
from assistant.search.rerankers import choose_reranker
from assistant.search.retrieve import HybridRetriever, allowed_documents, named_documents
from ingest.patterns import CITED_TITLE, YEAR

if TYPE_CHECKING:  # the LLM path is optional (extra "llm"); only its type is named here
    from assistant.llm.compose import LlmComposer

DENSE_DOWN = "语义检索暂不可用({reason}),本回答只依据关键词检索。"
COMPARED_SEARCHES = 8  # documents a comparison searches one by one, at most


@dataclass(frozen=True)
class Filters:
    regions: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()  # national | provincial | municipal
    years: tuple[int, ...] = ()  # the documents' own years


@dataclass(frozen=True)
class Turn:
    question: str
    answer: Answer


CUT_OFF = "{title}的文本在此之后中断(原文可能不完整),后文可能还有相关规定"
_NEAR_THE_CUT = 400  # characters before the end of a cut-off text where a quote stands next to the cut


def cut_off_notes(snap: Snapshot, citations: list[Citation]) -> list[str]:
    """A note for each cut-off document (ingest.truncation) an answer quotes from its last section
    (or, in a text without sections, from near its end): what follows the cut may change it."""
    notes = []
    for doc_id in dict.fromkeys(c.doc_id for c in citations):
        rec = snap.docs[doc_id]
        if not rec.meta.truncated:
            continue
        end = len(snap.text(doc_id))
        last = max((s.start for s in rec.sections), default=max(0, end - _NEAR_THE_CUT))
        if any(c.doc_id == doc_id and c.end > last for c in citations):
            notes.append(CUT_OFF.format(title=titled(rec.meta.title or doc_id)))
    return notes


_years_of = document_years


_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*((?:19|20)\d{2})\s*年")


class Assistant:
    def __init__(
        self,
        settings: Settings | None = None,
        index: Index | None = None,
        use_dense: bool = True,
        llm: "LlmComposer | None" = None,
    ) -> None:
        self.settings = settings or Settings()
        # optional: rewrites a grounded extractive answer with a chat model, then verifies it
        self.llm = llm
        self.index = index or Index(self.settings)
        self.retriever = HybridRetriever(self.index, self.settings, use_dense=use_dense, reranker=choose_reranker(self.settings))
        self.composer = ExtractiveComposer()
        self._years: dict[int, dict[str, set[int]]] = {}
        self._years_lock = threading.Lock()

    def _doc_years(self, snap: Snapshot) -> dict[str, set[int]]:
        with self._years_lock:  # computed once per generation, however many threads ask
            if snap.generation not in self._years:
                years = {}
                for doc_id, rec in snap.docs.items():
                    text = snap.normalized(doc_id)
                    found = {int(y) for y in YEAR.findall(text)}
                    for a, b in _YEAR_RANGE.findall(text):  # 2015—2017年 speaks of 2016 too
                        if 0 < int(b) - int(a) <= 30:
                            found.update(range(int(a), int(b) + 1))
                    if rec.meta.year:
                        found.add(rec.meta.year)
                    years[doc_id] = found
                self._years = {snap.generation: years}
            return self._years[snap.generation]

    def warm(self) -> None:
        """Load the index and fill what questions otherwise compute on first use (a server calls
        this at start and after each ingest)."""
        snap = self.index.snapshot()
        snap.warm()
        self._doc_years(snap)

    def standalone(self, question: str, history: list[Turn] | None) -> str:
        """Resolve a follow-up against the previous turn (see assistant.question.followup)."""
        if not history:
            return question
        snap = self.index.snapshot()

        def laws(text: str) -> list[tuple[str, int, int]]:
            return [(m.doc_id, m.start, m.end) for m in law_mentions(snap, text, named_regions(text))]

        return resolve(question, history[-1].answer.standalone_question, lambda a, b: coordinated(snap, a, b), laws)

    def ask(
        self,
        question: str,
        history: list[Turn] | None = None,
        filters: Filters | None = None,
        k: int = 8,
        on_token: Callable[[str], None] | None = None,
    ) -> Answer:
        """Answer ``question``; ``on_token`` receives the LLM's draft as it streams (LLM mode only)."""
        QuestionTooLong.check(question)  # before any work: a huge question would hold the process for minutes
        t0 = time.perf_counter()
        filters = filters or Filters()
        standalone = self.standalone(question, history)
        joined = standalone != question and standalone.endswith(question.strip())  # …? 那要是药店呢?
        query = analyse(standalone, filters.regions, filters.doc_ids, filters.levels, filters.years,
                        follow_up=question.strip() if joined else "")
        snap = self.index.snapshot()
        notes: list[str] = []
        # 罚多少? after an answer quoting a duty: the articles that punish breaking it
        punished = penalty_of_previous(snap, question, history[-1].answer) if joined and history else None
        if punished is not None:
            punished.standalone_question = standalone
        answer, hits = (punished, None) if punished is not None else self._answer(query, snap, k, notes)
        answer.notes.extend(notes + ([] if answer.abstained else cut_off_notes(snap, answer.citations)))
        if self.llm is not None and hits is not None and not answer.abstained and answer.citations:
            answer = self.llm.compose(query, hits, snap, answer, on_token=on_token)
        answer.question = question
        answer.latency_ms = int((time.perf_counter() - t0) * 1000)
        return answer

    def _abstain(
        self, query: Query, reason: str, snap: Snapshot, near: list[str], said: str = "", citations: list[Citation] | None = None
    ) -> Answer:
        """An abstention: why, what the documents do say (``said``, cited) and the nearest documents."""
        titles = []
        for doc_id in near + [d for d in snap.docs if d not in near]:
            meta = snap.docs[doc_id].meta
            label = f"{meta.title or doc_id}({meta.region or '全国'}, {meta.date or meta.year or '日期不详'})"
            if label not in titles:
                titles.append(label)
        text = said or f"现有文件不足以回答这个问题:{reason}。"
        text += "\n最接近的文件:" + ";".join(titles[:3]) + "。"
        return Answer(question=query.text, standalone_question=query.text, answer=text, abstained=True,
                      question_type=query.question_type, citations=list(citations or []), reason=reason,
                      suggestions=titles[:5])

    def _premise(self, query: Query, snap: Snapshot, hits: Hits, near: list[str]) -> Answer | None:
        """Questions about a year, period or law article the corpus does not hold: corrected."""
        scope = list(hits.allowed_docs) if len(hits.allowed_docs) < len(snap.docs) else near[:1]
        for year in dated_document_years(query.normalized):
            # a document whose year is unknown may be of that year: only known years correct
            if scope and not any(year in _years_of(snap.docs[d].meta) for d in scope) \
                    and all(_years_of(snap.docs[d].meta) for d in scope):
                doc_id = scope[0]
                meta = snap.docs[doc_id].meta
                dated = document_field(snap.docs[doc_id], "date", "成文日期", snap)
                reason = f"语料中没有{year}年的这份文件"
                said = f"问题的前提与文件不符:{reason},只有{titled(meta.title or doc_id)}"
                if dated.citation is not None:
                    return self._abstain(query, reason, snap, near, f"{said},{dated.text}", [dated.citation])
                if meta.year:
                    said += f"({meta.year}年)"
                return self._abstain(query, reason, snap, near, said + "。")
        periods = named_periods(query.normalized)
        if periods:
            scope = hits.allowed_docs or tuple(snap.docs)
            titles = snap.normalized_titles
            for period in periods:
                if not any(period in titles[d] or period in snap.normalized(d) for d in scope):
                    held = sorted({p for d in scope for t in (titles[d], snap.normalized(d)) for p in named_periods(t)})
                    reason = f"语料中没有“{period}”时期的文件" + (f",只有“{'、'.join(held)}”时期的" if held else "")
                    return self._abstain(query, reason, snap, near)
        titles = set(snap.normalized_titles.values())
        for book in articles_asked(query.normalized):
            if not any(book in t or (t and t in book) for t in titles):
                citing = documents_mentioning(snap, book)
                reason = only_cited(snap, book, citing) if citing else f"语料中没有{titled(book)}"
                return self._abstain(query, reason, snap, citing or near)
        return None

    def _comparison_hits(self, query: Query, hits: Hits, snap: Snapshot) -> Hits:
        """One search per document being compared, so each gets its own best passages; past
        COMPARED_SEARCHES documents (a region with dozens of files) the one ranking serves."""
        if not 2 <= len(hits.allowed_docs) <= COMPARED_SEARCHES or len(hits.allowed_docs) == len(snap.docs):
            return hits
        per_doc = [self.retriever.search(replace(query, filter_doc_ids=(d,)), k=4, snap=snap).hits for d in hits.allowed_docs]
        merged = [h for group in zip_longest(*per_doc) for h in group if h is not None]
        return replace(hits, hits=tuple(merged))

    def _compare_named(self, query: Query, mentions, snap: Snapshot, k: int) -> Composition:
        """A comparison of documents the question names by title: each document asked its own
        part of the question (question.parts), searched alone, answered in its own shape."""
        answers = []
        for part in per_document(query.asked, mentions):
            sub = analyse(part.question, filter_doc_ids=(part.doc_id,), filter_levels=query.filter_levels,
                          filter_years=query.filter_years)
            ref = article_reference(sub.normalized)
            if ref is not None:  # …处罚办法对格式条款违规(第十二条)的罚款: that document's article
                answers.append((part.doc_id, answer_article(sub, snap, replace(ref, named=None), (part.doc_id,), self.composer).composition))
                continue
            answers.append((part.doc_id, self.composer.compose(self.retriever.search(sub, k=k, snap=snap), snap)))
        return side_by_side(snap, answers)

    def _answer(self, query: Query, snap: Snapshot, k: int, notes: list[str]) -> tuple[Answer, Hits | None]:
        corpus_regions = {r.meta.region for r in snap.docs.values() if r.meta.region}
        outside = [r for r in query.regions if r not in corpus_regions]
        # (a place that is not where the document asked is from — 质检总局那份意见…新疆生产建设兵团
        # 也在发文范围里吗? — is a word of the question)
        if outside and not any(r in corpus_regions for r in query.regions) \
                and not named_documents(snap, query) and not laws_named(snap, query.asked, query.regions):
            return self._abstain(query, f"语料中没有{'、'.join(outside)}的文件", snap, []), None
        for name in CITED_TITLE.findall(query.normalized):
            if named_law(snap, name, query.regions, quoted=True) is not None:
                continue
            citing = documents_mentioning(snap, name)
            if not citing:
                return self._abstain(query, f"语料中没有{titled(name)}", snap, []), None
            if not query.regions and not laws_named(snap, query.asked, query.regions):
                # asked of a law the documents only cite (《计量法》对…怎么处罚): its text is not here
                return self._abstain(query, only_cited(snap, name, citing), snap, citing), None
        uncited = uncited_law_asked(snap, query.asked, query.regions)
        if uncited is not None:  # the clause that asks is about a law the documents only cite
            return self._abstain(query, only_cited(snap, *uncited), snap, uncited[1]), None
        mentions = law_mentions(snap, query.asked, query.regions) if query.question_type == QuestionType.COMPARISON else []
        if 2 <= len(mentions) <= COMPARED_SEARCHES:  # each named document asked its own part (第N条 included)
            comp = self._compare_named(query, mentions, snap, k)
            if comp.abstained:
                return self._abstain(query, comp.reason, snap, [m.doc_id for m in mentions]), None
            notes.extend(comp.notes)
            return Answer(question=query.text, standalone_question=query.text, answer=comp.answer, abstained=False,
                          question_type=query.question_type, citations=comp.citations), None
        ref = article_reference(query.normalized)
        allowed = tuple(allowed_documents(snap, query)) if ref is not None else ()
        if ref is not None and ref.named is None and not any(snap.articles(d) for d in allowed):
            ref = None  # 第一条 of the documents named, which have no articles: their first item, not a statute's
        if ref is not None:  # 《X》第N条: the article itself, never another document's
            found = answer_article(query, snap, ref, allowed, self.composer,
                                   lambda sub: self.retriever.search(sub, k=k, snap=snap))
            comp = found.composition
            if comp.abstained:  # what the article says, when it says otherwise than the question
                return self._abstain(query, comp.reason, snap, list(found.doc_ids), comp.answer, comp.citations), None
            return Answer(question=query.text, standalone_question=query.text, answer=comp.answer, abstained=False,
                          question_type=QuestionType.ARTICLE, citations=comp.citations), None
        hits = self.retriever.search(query, k=k, snap=snap)
        if hits.dense_error:
            notes.append(DENSE_DOWN.format(reason=hits.dense_error))
        near = list(dict.fromkeys(h.chunk.doc_id for h in hits.hits))
        corrected = self._premise(query, snap, hits, near)
        if corrected is not None:
            return corrected, None
        fields = asked_fields(query.normalized)
        # a year the documents lack: declined, unless a claim about a field puts it (…自2016年1月1日起
        # 施行,对吗?), which the field's value corrects
        # (not a year that dates a document the question names, 安徽2018年的质量提升意见: _premise
        # weighed it against the documents' known dates)
        content_years = [y for y in query.years if y not in dated_document_years(query.normalized)]
        if content_years and not (fields and asserts_claim(query.asked)):
            years = self._doc_years(snap)
            scope = hits.allowed_docs or tuple(snap.docs)
            missing = [y for y in content_years if not any(y in years[d] for d in scope)]
            if missing:
                return self._abstain(query, f"文件中没有关于{'、'.join(map(str, missing))}年的内容", snap, near), None
        if not hits.hits:
            return self._abstain(query, "没有符合筛选条件的文件", snap, near), None
        if fields:
            said = fields_answer(snap, hits, fields, asks_year_only(query.normalized))
            if said is not None:
                if not said.citations:
                    return self._abstain(query, ";".join(said.missing), snap, near), None
                # as asked (expansions follow 对吗); …是X发的吗? claims its issuer
                claimed = claimed_values(query.asked) if asserts_claim(query.asked) or (
                    (m := CLAIMED_ISSUER.search(query.asked)) and not query.asked[m.end():].startswith("还是")) else []
                if claimed and (wrong := unheld_claims(claimed, said.citations)):
                    reason = f"问题中的“{wrong[0]}”与文件不符"  # …文号是吉政发(2012)72号,对吗?
                    return Answer(question=query.text, standalone_question=query.text, abstained=True,
                                  answer=f"不对:{reason}。{CONTRADICTED}: {said.text}", reason=reason,
                                  question_type=QuestionType.OTHER, citations=said.citations), None
                # 是 only when no document in scope is silent on the field (the silent one may be the one
                # meant), or when what is claimed is a 文号, which names one document
                sure = not said.missing or all(v.endswith("号") for v in claimed)
                return Answer(question=query.text, standalone_question=query.text,
                              answer=(CONFIRMED if claimed and sure else "") + said.text, abstained=False,
                              question_type=QuestionType.OTHER, citations=said.citations), None
        if query.question_type == QuestionType.COMPARISON:
            hits = self._comparison_hits(query, hits, snap)
        comp = self.composer.compose(hits, snap)
        if comp.abstained:
            declined = self._abstain(query, comp.reason, snap, near, comp.answer, comp.citations)
            return replace(declined, coverage=comp.coverage), None
        notes.extend(comp.notes)
        return Answer(question=query.text, standalone_question=query.text, answer=comp.answer, abstained=False,
                      question_type=query.question_type, citations=comp.citations, coverage=comp.coverage), hits
