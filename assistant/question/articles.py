"""A question that addresses an article of a law: 《X》第N条(第M款)(第K项), with or without
《》, with the full name (中华人民共和国…法), a short one or category words in front
(社会法药品管理法第五条), and whether it asks for the article's text (规定了什么, 的内容是什么,
怎么规定的) or asks something of it (商标法第十条禁止哪些标志). Which document the name
denotes is the index's to say (assistant.search.laws)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.numerals import chinese_numeral
from ingest.patterns import CITED_TITLE, NUMERAL, numeral_value

_NUM = NUMERAL
_ARTICLE = re.compile(
    rf"第\s*(?P<n>{_NUM})\s*条(?:\s*第\s*(?P<p>{_NUM})\s*款)?(?:\s*(?:的)?\s*第\s*[(（]?(?P<i>{_NUM})[)）]?\s*项)?"
)
_PARAGRAPH = re.compile(rf"第\s*(?P<p>{_NUM})\s*款")
_ITEM = re.compile(rf"第\s*[(（]?(?P<i>{_NUM})[)）]?\s*项")
# the law named right before the article number: 《X》 or a run of characters ending in a law's name
_LAW_SUFFIX = r"(?:法|条例|规定|办法|细则|解释|决定|规则|章程|准则|若干意见|实施办法|实施细则)"
# the run of Han characters and title brackets right before 第N条 (nested titles included:
# 《河南省实施〈中华人民共和国农产品质量安全法〉办法》), less a trailing 的/中/里
_NAME_BEFORE = re.compile(r"([\u4e00-\u9fff《》〈〉<>]{2,80}?)\s*(?:的|中|里|里面|当中)?\s*$")
_BRACKETS = re.compile(r"[《》〈〉<>]")
_ENDS_AS_LAW = re.compile(rf"{_LAW_SUFFIX}$")
# this law, the law of the previous question: no name of its own
_SELF = re.compile(rf"^(?:本|该|此|这部|这个|上述){_LAW_SUFFIX}?$")
# the question asks for what the article says
_TEXT_ASKED = re.compile(
    r"(?:规定了?(?:些)?什么|规定的?是什么|规定的?内容|的?内容是?什么|具体内容|什么内容|是什么|说了?(?:些)?什么|讲了?(?:些)?什么|写了?(?:些)?什么|"
    r"怎么(?:规定|说|写)|如何规定|是怎样(?:规定|的)|是如何规定|有什么规定|有何规定|原文|全文|条文|内容)"
)
_REFERENCE_VERB = re.compile(r"(?:依照|依据|根据|按照|违反|适用|参照|依)\s*(?:本法|本条例|本规定|本办法|《[^《》]+》)?\s*$")


@dataclass(frozen=True)
class ArticleRef:
    article: int
    paragraph: int | None  # 第M款
    item: int | None  # 第K项
    named: str | None  # the law's name as the question writes it (normalised, without 《》); None: not named
    quoted: bool  # the name stood in 《》
    wants_text: bool  # the question asks what the article says, not something of it

    @property
    def label(self) -> str:
        """第十条第二款第三项, as the answer names what it quotes."""
        parts = [f"第{chinese_numeral(self.article)}条"]
        if self.paragraph:
            parts.append(f"第{chinese_numeral(self.paragraph)}款")
        if self.item:
            parts.append(f"第{chinese_numeral(self.item)}项")
        return "".join(parts)


def _value(token: str | None) -> int | None:
    """The number a 第N条/款/项 writes; None when absent or zero."""
    return (numeral_value(token) or None) if token else None


def _name_before(text: str) -> tuple[str, bool] | None:
    """(the law's name, written in 《》) that ``text`` ends with, if it ends with one."""
    m = _NAME_BEFORE.search(text)
    if not m:
        return None
    written = m.group(1)
    if "《" in written and written.endswith("》"):
        written = written[written.index("《") :]  # a title cited in 《》: not the words before it
    name = _BRACKETS.sub("", written).strip()
    if not _ENDS_AS_LAW.search(name) or _SELF.match(name):
        return None
    return name, "《" in written


def article_reference(normalized_question: str) -> ArticleRef | None:
    """The article the question addresses: the last 第N条 it writes that is not a cross-reference
    inside a clause (依照本法第N条…), with the law named nearest before it, and a 第M款 / 第K项
    written after it (a follow-up joined to its question: …第五条规定了什么? 第二款呢?)."""
    q = normalized_question
    found = None
    for m in _ARTICLE.finditer(q):
        before = q[: m.start()]
        if _REFERENCE_VERB.search(before[-12:]) and not _TEXT_ASKED.search(q[m.end() : m.end() + 12]):
            continue  # 违反本法第九条规定的: a penalty asked about, not the article
        found = m
    if found is None:
        return None
    article = _value(found.group("n"))
    if not article:
        return None
    paragraph, item = _value(found.group("p")), _value(found.group("i"))
    after = q[found.end() :]
    if paragraph is None and (m := _PARAGRAPH.search(after)):
        paragraph = _value(m.group("p"))
    if item is None and (m := _ITEM.search(after)):
        item = _value(m.group("i"))
    named, quoted = None, False
    for m in _ARTICLE.finditer(q[: found.end()]):
        got = _name_before(q[: m.start()])
        if got is not None:
            named, quoted = got
    if named is None:
        books = CITED_TITLE.findall(q[: found.start()])
        if books:
            named, quoted = books[-1], True
    wants_text = bool(_TEXT_ASKED.search(after)) or not re.search(r"[\u4e00-\u9fff]{2}", re.sub(
        rf"[的呢吗?？!！。,，\s]|第{_NUM}[款项]", "", after))
    return ArticleRef(article, paragraph, item, named, quoted, wants_text)


_ARTICLE_SAID = re.compile(rf"{_ARTICLE.pattern}\s*(?:的)?\s*(?:规定|中|里|里面|当中)?")


def without_article(normalized_question: str) -> str:
    """The question with the article it addresses taken out (商标法第三十九条规定,X,对吗? →
    商标法,X,对吗?): what it claims, to be looked for in the rest of the law."""
    return _ARTICLE_SAID.sub("", normalized_question)
