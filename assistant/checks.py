"""What a question takes for granted, checked against the documents before an answer is given.

A wrong answer costs more than none, so each check names what the question asks for or assumes
and whether the evidence holds it:

- the kind of quantity asked (多少天, 几次, 多少名, 税率, 罚了多少钱, a 文号): an answer must carry a
  number of that kind, or the documents mention the topic without the figure;
- figures the question states (24小时内, 到2018年): the evidence must state them too;
- a document of another year or period (2019年甘肃…行动计划, 十四五规划) than the corpus holds;
- an article of a law the corpus only mentions (《…条例》第十条);
- a lead unit the question asserts (由省政府办公厅牵头) that the document does not name.

All functions take normalised (simplified) text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.patterns import DOC_NUMBER

_NUM = r"(?:\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千万]+)"

# (kind, label, what the question says, what an answer must contain)
_QUANTITIES: tuple[tuple[str, str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "money", "金额",
        re.compile(r"多少钱|罚了多少|罚款多少|多少元|多少万|金额|工资标准|收费标准|罚款标准|what fine|how much money|what penalt(?:y|ies) amount|how much.*(?:fine|fee|cost)"),
        re.compile(rf"{_NUM}\s*(?:万|亿)?元|{_NUM}\s*倍"),
    ),
    (
        "percent", "比例",
        re.compile(r"税率|比例是多少|百分之几|百分比|多少%|率[^，。？?]{0,6}多少|what (?:tax )?rate|what percentage|what share"),
        re.compile(rf"{_NUM}\s*[%％]|百分之|{_NUM}\s*成(?![为立])|率为0|为零"),
    ),
    (
        "times", "频次",
        re.compile(r"几次|多少次|频次|频率|多久[^，。？?]{0,10}一次|多长时间[^，。？?]{0,10}一次|how often|how many times"),
        re.compile(rf"{_NUM}\s*次|每(?:年|季|季度|月|周|半年)|定期"),
    ),
    (
        "duration", "期限",
        re.compile(r"多少天|几天|多少日|几日|多少个?工作日|几个工作日|多久|多长时间|多少小时|几小时|几个月|多少个月|期限是|时限是|周期是|周期多长|how many days|how long|within how many"),
        re.compile(rf"{_NUM}\s*(?:个)?(?:工作日|日|天|小时|个月|月|年|周)|届满|即时|立即|当日|当天"),
    ),
    (
        "people", "人数",
        re.compile(r"多少名|多少人|几名|几个人|几人|编制|how many (?:staff|people|persons)"),
        re.compile(rf"{_NUM}\s*(?:名|人)"),
    ),
    (
        "batch", "批次",
        re.compile(r"多少批|几批|批次"),
        re.compile(rf"{_NUM}\s*批"),
    ),
    (
        "docno", "文号",
        re.compile(r"文号|发文字号|document numbers?"),
        DOC_NUMBER,
    ),
    (
        "count", "数量",
        re.compile(r"多少个|几个|多少家|几家|多少项|几项|多少座|几座|多少所|多少处|几方|多少方|多少|how many"),
        re.compile(rf"{_NUM}\s*(?:[—\-~至到]\s*{_NUM}\s*)?(?:个|家|项|座|所|处|件|类|批|名|人|次|万|亿|%|种|条|户|台|套|方)|{_NUM}\s*[%％]|(?:达到?|为|是)\s*\d+(?:\.\d+)?(?![\d年月日])"),
    ),
)


@dataclass(frozen=True)
class AskedQuantity:
    kind: str  # money, percent, duration, times, people, batch, docno, count
    label: str  # 金额, 比例, … for the abstention message
    answer_pattern: re.Pattern[str]

    def found_in(self, normalized: str) -> bool:
        return bool(self.answer_pattern.search(normalized))


def asked_quantity(normalized_question: str) -> AskedQuantity | None:
    """The kind of figure the question asks for, if it asks for one."""
    q = normalized_question.lower()
    for kind, label, asks, answer in _QUANTITIES:
        if asks.search(q):
            return AskedQuantity(kind, label, answer)
    return None


# figures a question states as a premise: 24小时内, 15日, 3个工作日, 100万元, 到2018年
_STATED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(小时|个工作日|工作日|日|天|个月|万元|元|%|批|次|名)")
_STATED_YEAR = re.compile(r"(?:到|至|截至|截止到?)\s*((?:19|20)\d{2})\s*年")


def stated_figures(normalized_question: str) -> list[str]:
    """Figures with units and 'by year' horizons the question asserts, as they must appear."""
    figures = [m.group(1) + m.group(2) for m in _STATED.finditer(normalized_question)]
    figures += [m.group(1) for m in _STATED_YEAR.finditer(normalized_question)]
    return figures


_PERIOD = re.compile(r"十[一二三四五六七八九]五")


def named_periods(normalized_question: str) -> list[str]:
    """Five-year-plan periods named in the question (十三五, 十四五)."""
    return list(dict.fromkeys(_PERIOD.findall(normalized_question)))


# "2019年甘肃质量发展行动计划", "2020年发布的…意见": a year that dates a document
_DOC_NOUN = r"(?:意见|规划|计划|方案|纲要|通知|办法|条例|决定|文件)"
_DATED_DOC = re.compile(
    rf"((?:19|20)\d{{2}})\s*年(?:(?:发布|印发|出台|制定|签发|颁布|下发)的?)?[\u4e00-\u9fff“”\"]{{0,14}}?{_DOC_NOUN}"
)


def dated_document_years(normalized_question: str) -> list[int]:
    """Years the question gives as the date of a document it names."""
    return [int(m.group(1)) for m in _DATED_DOC.finditer(normalized_question)]


_ARTICLE_OF_BOOK = re.compile(r"《([^《》]{2,60})》[^《》]{0,6}?第[〇零一二两三四五六七八九十百千\d几]+条")


def articles_asked(normalized_question: str) -> list[str]:
    """Titles of laws whose articles the question asks about (《X》第十条, 《X》第几条)."""
    return _ARTICLE_OF_BOOK.findall(normalized_question)


_ASSERTED_LEAD = re.compile(r"由([\u4e00-\u9fff、和及]{2,30}?)牵头")


def asserted_leads(normalized_question: str) -> list[str]:
    """Units the question asserts lead a task (…由省政府办公厅牵头,配合单位有哪些?)."""
    out = []
    for m in _ASSERTED_LEAD.finditer(normalized_question):
        out += [u for u in re.split(r"[、和及]", m.group(1)) if len(u) >= 2 and not re.search(r"哪|什么|谁|何", u)]
    return out
