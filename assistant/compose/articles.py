"""An answer from one article of one law: the whole article (or the paragraph, or the item,
asked for), quoted exactly and cited at that article; or a question asked of the article
(商标法第十条禁止哪些标志), answered from its sentences alone. Another document's 第N条, or an
article that only refers to 第N条, is never the answer; a number the document lacks is
declined with how many articles it has."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.answer import titled
from assistant.compose.cite import Citations, cite
from assistant.compose.claims import CONFIRMED, CONTRADICTED, CORRECTED, FIGURE_BELIED
from assistant.compose.composer import Composition, ExtractiveComposer
from assistant.compose.penalties import punishing_spans
from assistant.index.snapshot import Snapshot
from assistant.question.analyse import Query, analyse
from assistant.question.articles import ArticleRef, without_article
from assistant.question.kinds import asks_penalty, asserts_claim
from assistant.search.hits import Hit, Hits
from assistant.search.laws import documents_mentioning, named_law, only_cited
from ingest.numerals import chinese_numeral
from ingest.statute import article_at


@dataclass(frozen=True)
class Located:
    """What a reference points at in one document: a span, or why there is none."""

    doc_id: str
    span: tuple[int, int] | None
    label: str  # 第十条第二款, as the answer names it
    missing: str = ""  # the reason when span is None


def locate(snap: Snapshot, doc_id: str, ref: ArticleRef) -> Located:
    title = snap.docs[doc_id].meta.title or doc_id
    found = [a for a in snap.articles(doc_id) if a.number == ref.article]
    if not found:
        count = max((a.number for a in snap.articles(doc_id)), default=0)
        why = f"{titled(title)}共{count}条,没有第{ref.label.split('条')[0].removeprefix('第')}条" if count else f"{titled(title)}没有按条编号"
        return Located(doc_id, None, ref.label, why)
    article = found[0]
    span = (article.start, article.end)
    if ref.paragraph:
        if ref.paragraph > len(article.paragraphs):
            return Located(doc_id, None, ref.label, f"{titled(title)}第{ref.label.split('条')[0].removeprefix('第')}条只有{len(article.paragraphs)}款")
        p = article.paragraphs[ref.paragraph - 1]
        span = (p.start, p.end)
        items = p.items
    else:
        items = article.items
    if ref.item:
        if ref.item > len(items):
            return Located(doc_id, None, ref.label, f"{titled(title)}{ref.label.rsplit('第', 1)[0]}只有{len(items)}项")
        span = items[ref.item - 1]
    return Located(doc_id, span, ref.label)


def quote_article(snap: Snapshot, located: Located) -> Composition:
    """The article, paragraph or item, quoted whole and cited where it stands."""
    assert located.span is not None
    s, e = located.span
    title = snap.docs[located.doc_id].meta.title or located.doc_id
    citation = cite(snap, located.doc_id, s, e, 1)
    return Composition(answer=f"{titled(title)}{located.label}:\n{citation.quote} [1]", citations=[citation], abstained=False)


def _with_penalty(snap: Snapshot, located: Located) -> Composition | None:
    """The article and the provisions that punish its violation (…第十二条的罚款是多少?), each
    cited where it stands; None when no article cites it with a measure."""
    assert located.span is not None
    s, e = located.span
    doc_id = located.doc_id
    article = article_at(snap.articles(doc_id), s)
    punishing = punishing_spans(snap.parallel(doc_id), snap.articles(doc_id), article) if article else []
    if not punishing:
        return None
    cites = Citations(snap)
    text = snap.text(doc_id)
    parts = [f"{text[a:b]} [{cites.add(doc_id, a, b)}]" for a, b in [(s, e), *punishing]]
    return Composition(answer=" ".join(parts), citations=cites.items, abstained=False)


Search = Callable[[Query], Hits]  # the retriever, over the snapshot the question is answered from


def answer_within(query: Query, snap: Snapshot, located: Located, composer: ExtractiveComposer,
                  search: Search | None = None) -> Composition:
    """A question asked of the article: the composer picks among the article's own sentences;
    when they do not cover the question, the article is quoted whole (it was named). Asked how
    its violation is punished, the article comes with the provisions that punish it. A claim
    about the article (第三十九条规定…,对吗?) its words do not hold is looked for in the rest of
    the law (``search``): found in another article, it is corrected with both quoted."""
    assert located.span is not None
    if asks_penalty(query.asked) and (punished := _with_penalty(snap, located)) is not None:
        return punished
    s, e = located.span
    text = snap.text(located.doc_id)
    inside = []
    for chunk in snap.chunks:
        if chunk.doc_id == located.doc_id and chunk.start < e and s < chunk.end:
            a, b = max(s, chunk.start), min(e, chunk.end)
            inside.append(Hit(replace(chunk, start=a, end=b, text=text[a:b]), 1.0, None, None))
    hits = Hits(query=query, hits=tuple(inside), allowed_docs=(located.doc_id,))
    composed = composer.compose(hits, snap) if inside else None
    claim = asserts_claim(query.asked) and (composed is None or composed.abstained)
    # a claim the article belies by a figure may be another article's rule (期满前十二个月内 is 第四十条's,
    # not 第三十九条's 十年): looked for there as for a claim the article does not hold at all
    by_figure = composed is not None and composed.reason.startswith(FIGURE_BELIED)
    if claim and not (composed is not None and composed.answer.startswith(CORRECTED) and not by_figure) and search is not None:
        if (moved := _claim_elsewhere(query, snap, located, composer, search)) is not None:
            return moved
    if composed is not None and composed.abstained and composed.citations:
        return composed  # the article says otherwise than the question (a figure, a claim): declined, quoted
    if claim:
        # a claim about the article that its words do not carry: not confirmed by quoting it
        whole = quote_article(snap, located)
        reason = f"{located.label}中没有与问题的说法相符的规定"
        return Composition(answer=f"{reason}。{whole.answer}", citations=whole.citations, abstained=True, reason=reason)
    if composed is None or composed.abstained:
        return quote_article(snap, located)
    return composed


def _claim_elsewhere(query: Query, snap: Snapshot, located: Located, composer: ExtractiveComposer,
                     search: Search) -> Composition | None:
    """A claim put to 第N条 that another article of the same law holds (the 续展 of 第四十条 said
    to be 第三十九条's): 不对, with that article's sentences and then 第N条 quoted; the law's own
    correction when the claim is wrong in substance too; None when the rest of the law holds it
    no better, or holds it in 第N条 itself."""
    assert located.span is not None
    articles = snap.articles(located.doc_id)
    own = article_at(articles, located.span[0])
    sub = analyse(without_article(query.asked), filter_doc_ids=(located.doc_id,), follow_up=query.follow_up)
    composed = composer.compose(search(sub), snap)
    if not composed.citations or own is None:
        return None
    held = [article_at(articles, c.start) for c in composed.citations if c.doc_id == located.doc_id]
    numbers = sorted({a.number for a in held if a is not None})
    if not numbers or own.number in numbers:
        return None
    if composed.answer.startswith(CORRECTED):
        return composed  # wrong whatever article it is put to: the law's words correct it
    if composed.abstained:
        return None
    where = "、".join(f"第{chinese_numeral(n)}条" for n in numbers)
    reason = f"问题所说的规定在{where},不在{located.label}"
    said = composed.answer.removeprefix(CONFIRMED)
    s, e = located.span
    whole = cite(snap, located.doc_id, s, e, len(composed.citations) + 1)
    answer = f"{CORRECTED}{reason}。{CONTRADICTED}: {said} {located.label}的原文是: {whole.quote} [{whole.n}]"
    return Composition(answer=answer, citations=[*composed.citations, whole], abstained=True, reason=reason)


@dataclass(frozen=True)
class ArticleAnswer:
    composition: Composition
    doc_ids: tuple[str, ...]  # the documents it is about (the nearest, when it declines)


def answer_article(query: Query, snap: Snapshot, ref: ArticleRef, allowed: tuple[str, ...],
                   composer: ExtractiveComposer, search: Search | None = None) -> ArticleAnswer:
    """Answer a question that addresses 第N条 of a law; ``allowed``: the documents the filters
    and the question's regions leave; ``search``: the retriever, for a claim the article does
    not hold."""
    docs, why = _documents(query, snap, ref, allowed)
    if not docs:
        citing = documents_mentioning(snap, ref.named) if ref.named else []
        return ArticleAnswer(_declined(why), tuple(citing))
    located = locate(snap, docs[0], ref)
    if located.span is None:
        return ArticleAnswer(_declined(located.missing), (docs[0],))
    composed = quote_article(snap, located) if ref.wants_text else answer_within(query, snap, located, composer, search)
    return ArticleAnswer(composed, (docs[0],))


def _declined(reason: str) -> Composition:
    return Composition(answer="", citations=[], abstained=True, reason=reason)


def _documents(query: Query, snap: Snapshot, ref: ArticleRef, allowed: tuple[str, ...]) -> tuple[list[str], str]:
    """The one document the reference is to, or why there is none."""
    number = ref.label.split("条")[0] + "条"
    if ref.named:
        named = named_law(snap, ref.named, query.regions, quoted=ref.quoted)
        if named is None:
            citing = documents_mentioning(snap, ref.named)
            return [], only_cited(snap, ref.named, citing) if citing else f"语料中没有{titled(ref.named)}"
        docs = [d for d in named.doc_ids if d in allowed]
        if not docs:
            return [], f"{titled(snap.docs[named.doc_ids[0]].meta.title)}不在所选的文件范围内"
        if len(docs) > 1:
            titles = "、".join(f"{titled(snap.docs[d].meta.title)}" for d in docs)
            return [], f"“{ref.named}”可以指{titles},请说明是哪一份的{number}"
        return docs, ""
    statutes = [d for d in allowed if snap.articles(d)]
    if len(statutes) == 1:
        return statutes, ""
    return [], f"问题没有说明是哪部法律法规的{number}"
