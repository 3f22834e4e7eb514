"""A statute's provision quoted whole: the sentence a chosen clause belongs to (a rule does
not stop at its ；), with its exception (但是…除外 in the next sentence), and a paragraph that
announces items (有下列情形之一的：, …处以罚款：) quoted with its items, or an item with the
paragraph that leads it, so an answer never gives a lead without its items or an item
without what it is an item of. A short paragraph is quoted whole: its sentences are one rule
(现场计量交易时，经营者应当明示… 如有异议的，经营者应当重新操作…)."""
from __future__ import annotations

import re

from ingest.statute import Article, Paragraph, article_at

_SENTENCE_END = "。！？!?"
ANNOUNCES = re.compile(r"[：:]\s*$")  # a paragraph that announces its items
_EXCEPTION = re.compile(r"^\s*(?:但是|但|除[^，。]{0,40}外|不在此限)")
PARAGRAPH_LIMIT = 600  # characters of a paragraph with its items quoted as one
ARTICLE_WHOLE = 400  # an article this short is read as one provision (compose.extractive)
PARAGRAPH_WHOLE = 250  # a paragraph (款) this short is one rule: its duty, condition and consequence


def _containing(articles: tuple[Article, ...], start: int) -> tuple[Article, Paragraph] | None:
    article = article_at(articles, start)
    p = next((p for p in article.paragraphs if p.start <= start < p.end), None) if article else None
    return (article, p) if p else None


def _sentence(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The whole sentence (to its 。) around text[start:end], kept inside [lo, hi) and its line."""
    line_start = text.rfind("\n", lo, start) + 1 or lo
    line_end = text.find("\n", end, hi)
    line_end = hi if line_end < 0 else line_end
    s = start
    while s > max(lo, line_start) and text[s - 1] not in _SENTENCE_END:
        s -= 1
    e = end
    while e < line_end and text[e - 1] not in _SENTENCE_END:
        e += 1
    while s < e and text[s] in " \t\u3000":
        s += 1
    return s, e


def provision_spans(text: str, articles: tuple[Article, ...], start: int, end: int) -> list[tuple[int, int]]:
    """The spans to quote for a chosen sentence text[start:end] of a statute, in text order;
    [(start, end)] when it is not inside an article."""
    found = _containing(articles, start)
    if found is None:
        return [(start, end)]
    article, p = found
    in_item = any(a <= start < b for a, b in p.items)
    lead_end = p.items[0][0] if p.items else p.end
    # a sentence of the lead before the one announcing the items (第九条 经营者…不得故意拖延。
    # 经营者有下列情形之一的，视为故意拖延：) is the rule the items spell out
    in_lead = start < lead_end and bool(ANNOUNCES.search(text[start:lead_end].rstrip()))
    if p.items and (in_item or in_lead or ANNOUNCES.search(text[start:end]) or end >= lead_end - 2):
        if p.end - p.start <= PARAGRAPH_LIMIT:
            return [(p.start, p.end)]  # the lead and all its items
        first_line_end = text.find("\n", p.start, lead_end)
        lead = (p.start, first_line_end if first_line_end > 0 else lead_end)
        chosen = next(((a, b) for a, b in p.items if a <= start < b), None)
        return [lead, chosen] if chosen else [lead, *p.items[:6]]
    if p.end - p.start <= PARAGRAPH_WHOLE:
        return [(p.start, p.end)]
    s, e = _sentence(text, start, end, p.start, p.end)
    spans = [(s, e)]
    after = e
    while after < p.end and text[after] in " \t\u3000":
        after += 1
    if after < p.end and _EXCEPTION.match(text[after:p.end]):
        spans.append(_sentence(text, after, after + 1, p.start, p.end))
    return spans


_REFERS_BACK = re.compile(r"前[一二三四五六七八九两]?款")  # 有前款第（二）项情形的…, 不适用前款规定


def qualifying_paragraphs(articles: tuple[Article, ...], text: str, start: int) -> list[tuple[int, int]]:
    """The paragraphs right after the one around ``start`` that speak of it (有前款…情形的,
    属于…情形的，不适用前款规定): they qualify the rule and are quoted with it."""
    found = _containing(articles, start)
    if found is None:
        return []
    article, p = found
    out = []
    for q in article.paragraphs[article.paragraphs.index(p) + 1 :]:
        if not _REFERS_BACK.search(text, q.start, q.end):
            break
        out.append((q.start, q.end))
    return out


def sibling_paragraphs(articles: tuple[Article, ...], start: int) -> list[tuple[int, int]]:
    """The other paragraphs (款) of the article around ``start`` when the whole article is
    short enough to be read as one provision, each with its items; [] otherwise."""
    found = _containing(articles, start)
    if found is None:
        return []
    article, p = found
    if article.end - article.start > ARTICLE_WHOLE:
        return []
    return [(q.start, q.end) for q in article.paragraphs if q is not p]
