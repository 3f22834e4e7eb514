"""Penalties in statutes: a statute states a duty in one article and its penalty in another
that cites it (第二十一条 定量包装商品应当… / 第三十五条 违反本条例第二十一条规定的，…处一千元以上
一万元以下的罚款). A penalty answer gives both, each cited at its own article: the article that
sets the measure and the amount, and the duty it punishes."""
from __future__ import annotations

import re

from ingest.patterns import NUMERAL, PENALTY, THIS_LAW, numeral_value
from ingest.statute import Article, article_at

_CITED = re.compile(rf"(?:违反|有|依照|按照|不履行|不遵守)[^。；]{{0,6}}?{THIS_LAW}第(?P<n>{NUMERAL})条")
VIOLATION_LIMIT = 160  # characters of the duty quoted beside a penalty that cites it


def cited_articles(text: str, start: int, end: int) -> list[int]:
    """The articles of the same statute that text[start:end] cites as violated (违反本法第N条)."""
    return [n for m in _CITED.finditer(text, start, end) if (n := numeral_value(m.group("n")))]


def cited_numbers(text: str, start: int, end: int) -> set[int]:
    """Every article of the same statute text[start:end] cites as violated, lists and ranges
    included (发布有本法第九条、第十条规定的禁止情形的广告的 → 9, 10)."""
    return set().union(*(_numbers_cited(text, m) for m in _CITED.finditer(text, start, end)))


_LIST_END = re.compile(r"规定|的|，|。|；")
_ARTICLE_NO = re.compile(rf"第(?P<a>{NUMERAL})条(?:(?:至|到|—|-)第(?P<b>{NUMERAL})条)?")


def _numbers_cited(text: str, m: re.Match[str]) -> set[int]:
    """The articles a citation names: 第十二条, 第十二条、第十三条, 第五条至第十一条."""
    stop = _LIST_END.search(text, m.start("n"), m.start("n") + 120)
    found: set[int] = set()
    for a in _ARTICLE_NO.finditer(text, m.start("n") - 1, stop.start() if stop else m.end()):
        first = numeral_value(a.group("a"))
        last = numeral_value(a.group("b")) if a.group("b") else first
        if first and last and 0 <= last - first < 200:
            found.update(range(first, last + 1))
    return found


def _punishing(text: str, article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``article`` that punish what text[start:end] cites: an item (（三）违反本条例
    第二十四条规定…) with the paragraph that leads it and sets the measure; else the sentence
    around the citation. [] when they set no measure."""
    for p in article.paragraphs:
        item = next(((a, b) for a, b in p.items if a <= start < b), None)
        if item is not None:
            lead_end = p.items[0][0]
            while lead_end > p.start and text[lead_end - 1] in " \t\r\n\u3000":
                lead_end -= 1
            lead = (p.start, lead_end)
            return [lead, item] if PENALTY.search(text[lead[0] : lead[1]]) else []
    s = max(text.rfind("。", article.start, start) + 1, article.start)
    stop = text.find("。", end, article.end)
    e = article.end if stop < 0 else stop + 1
    return [(s, e)] if PENALTY.search(text[s:e]) else []


def punishing_spans(text: str, articles: tuple[Article, ...], own: Article) -> list[tuple[int, int]]:
    """The spans of the first two other articles that cite ``own`` as violated and set a measure
    for it (the first such citation in each: 违反…第二十二条第（一）项…按照法律处罚 sets none;
    违反…第二十二条（三）…项…并处…罚款 does)."""
    found = []
    for article in articles:
        if article is own:
            continue
        for m in _CITED.finditer(text, article.start, article.end):
            if own.number in _numbers_cited(text, m):
                group = _punishing(text, article, m.start(), m.end())
                if group:
                    found.append(group)
                    break
    return [span for group in found[:2] for span in group]


def penalty_spans(text: str, articles: tuple[Article, ...], start: int, end: int) -> list[tuple[int, int]]:
    """For a quoted provision text[start:end] of a statute: the sentences of other articles that
    punish it (they cite its article and set a measure), when it sets none itself; or the duty
    it punishes (its first paragraph, when short), when it cites one. Spans in text order."""
    own = article_at(articles, start)
    if own is None:
        return []
    if not PENALTY.search(text[start:end]):
        return punishing_spans(text, articles, own)
    out = []
    for n in cited_articles(text, start, end)[:1]:
        duty = next((a for a in articles if a.number == n and a is not own), None)
        if duty is not None and duty.paragraphs:
            p = duty.paragraphs[0]
            if p.end - p.start <= VIOLATION_LIMIT:
                out.append((p.start, p.end))
            # and the other article punishing the same duty (情节严重的，…吊销资质证书)
            out += [x for x in punishing_spans(text, articles, duty) if not (own.start <= x[0] < own.end)]
    return sorted(set(out))
