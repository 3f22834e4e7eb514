"""What a question takes for granted, checked against the documents before an answer is given.

A wrong answer costs more than none, so each check names what the question assumes; the
assistant and the composer test it against the evidence:

- figures the question states (24小时内, 到2018年): the evidence must state them too;
- a document of another year or period (2019年甘肃…行动计划, 十四五规划) than the corpus holds;
- an article of a law the corpus only mentions (《…条例》第十条);
- a lead unit the question asserts (由省政府办公厅牵头) that the document does not name.

(The kind of figure a question asks for, 多少天 or 罚了多少钱, is a kind of question:
assistant.question.kinds.) All functions take normalised (simplified) text."""
from __future__ import annotations

import re

from assistant.question.interrogatives import BASIS, interrogative_spans
from ingest.numerals import chinese_number, quantities, quantity_spans

# (not a range's end: 2013年7月到2014年6月 is the asker's period, not a horizon)
_STATED_YEAR = re.compile(r"(?<![年月日\d])(?:到|至|截至|截止到?)\s*((?:19|20)\d{2})\s*年")
# units of the figures a question can assert as a premise (the figure one is never one: 一家企业, 一件商品 say what it is about)
_PREMISE_UNITS = frozenset({"小时", "工作日", "日", "个月", "年", "周", "元", "倍", "%", "周岁", "人", "批", "次",
                            "家", "件"})  # counts a target sets (新增3家以上)


def stated_figures(normalized_question: str) -> list[str]:
    """The 'by year' horizons the question asserts (到2018年), as they must appear."""
    return [m.group(1) for m in _STATED_YEAR.finditer(normalized_question)]


# a figure that names a thing rather than asserts an amount: 五年规划, 三年行动计划
_NAMING = re.compile(r"\s*(?:规划|计划|行动|发展规划)")


def stated_quantities(normalized_question: str) -> list[tuple[float, str]]:
    """Figures with units the question asserts (24小时内, 十五日, 五千元以上, 百分之五), by value:
    the evidence must state the same value in the same unit, in whatever numerals. Left out:
    figures inside a question frame (哪一年, 多久…一次), the figure one (一次, 一年: a manner of
    speaking more often than a claim), figures naming a plan (五年规划) and how often a thing is
    done (stated_frequencies)."""
    return [(value, unit) for value, unit, _, _ in _stated(normalized_question)]


def stated_frequencies(normalized_question: str) -> list[tuple[float, str]]:
    """How often the question says a thing is done (每年 is (1, 每年), 每两年 (2, 每年)): a premise
    when a sentence about the claim says another (每两年 against 每年), not a figure every
    sentence must state (年度, 年均 say 每年 in other words)."""
    return [(value, unit) for value, unit, _, _ in _stated_every(normalized_question)]


def stated_spans(normalized_question: str) -> list[tuple[int, int]]:
    """Where the asserted figures stand in the question (十五个工作日): the claim's premise, which
    the figures are compared for; their words are not terms a sentence must hold."""
    return [(s, e) for _, _, s, e in _stated(normalized_question) + _stated_every(normalized_question)]


# how often: 每年, 每两年, 每半年, 每季度, 每隔三个月 (a frequency is a figure in the unit 每年, 每月…)
_EVERY = re.compile(r"每(?:隔)?\s*(?P<n>\d+|[〇零一二两三四五六七八九十半]*)\s*个?(?P<unit>年|季度|月|周|星期|日|天)")
_EVERY_UNITS = {"季度": ("每月", 3), "星期": ("每周", 1), "天": ("每日", 1)}


def frequency_spans(text: str) -> list[tuple[float, str, int, int]]:
    """(value, unit, start, end) of each frequency a text states: 每两年 is (2, 每年), 每年 (1, 每年),
    每半年 (0.5, 每年), 每季度 (3, 每月)."""
    out = []
    for m in _EVERY.finditer(text):
        n = m.group("n")
        count = 1.0 if not n else 0.5 if n == "半" else float(n) if n.isdigit() else chinese_number(n)
        if count is None:
            continue
        unit, scale = _EVERY_UNITS.get(m.group("unit"), ("每" + m.group("unit"), 1))
        out.append((float(count) * scale, unit, m.start(), m.end()))
    return out


def figures_in(normalized_text: str) -> set[tuple[float, str]]:
    """The figures a text states (ingest.numerals.quantities) and how often it says a thing is
    done (frequency_spans): what a figure a question asserts is compared with."""
    return set(quantities(normalized_text)) | {(v, u) for v, u, _, _ in frequency_spans(normalized_text)}


def _stated_every(normalized_question: str) -> list[tuple[float, str, int, int]]:
    frames = interrogative_spans(normalized_question)
    return [f for f in frequency_spans(normalized_question) if not any(a <= f[2] < b for a, b in frames)]


# the kind of liability a claim asserts (承担连带责任, 负相应的赔偿责任): a premise like a figure
_LIABILITY = re.compile(r"(连带|相应|补充|按份|全部|民事|刑事|行政)的?(?:赔偿)?责任")


def asserted_liabilities(normalized_question: str) -> list[tuple[str, tuple[int, int]]]:
    """(kind, span) of each liability the question asserts (连带 in 要承担连带责任,对吗?)."""
    return [(m.group(1), m.span()) for m in _LIABILITY.finditer(normalized_question)]


def liabilities_in(normalized_text: str) -> set[str]:
    """The kinds of liability a sentence sets (相应 in …请求其承担相应责任的，人民法院应予支持)."""
    return {kind for kind, _ in asserted_liabilities(normalized_text)}


def _stated(normalized_question: str) -> list[tuple[float, str, int, int]]:
    """(value, unit, start, end) of each figure the question asserts (see stated_quantities)."""
    frames = interrogative_spans(normalized_question)
    every = [(s, e) for _, _, s, e in frequency_spans(normalized_question)]  # 两年 in 每两年: a frequency
    story = story_end(normalized_question)
    return [
        (value, unit, s, e) for value, unit, s, e in quantity_spans(normalized_question)
        if s >= story and unit in _PREMISE_UNITS and (value != 1 or _IN_RANGE.match(normalized_question, e) or _ONE_AS_PERIOD.search(normalized_question[s:e])
                                       or _UPPER_AFTER.match(normalized_question, e) or normalized_question[max(0, s - 2):s] == "提前")
        and not any(a <= s < b for a, b in frames + every) and not _NAMING.match(normalized_question, e)
    ]


# the clause naming the document a question goes by (…,按上海的计量监督管理条例,…; 根据商标法…):
# what the asker tells before it is their own case, not what they say the document says
_GOES_BY = re.compile(rf"(?:^|[,;。])\s*那?{BASIS}[^,;。?]{{1,30}}?(?:法|条例|规定|办法|细则|解释|规则|意见|方案)")


def story_end(normalized_question: str) -> int:
    """Where the asker's own case ends in a question that goes on to say what a document says
    (我们两家企业之间买卖钢材要计量,按…条例,…必须委托…,是吗?): the start of the clause naming the
    document, 0 when none follows other words."""
    m = _GOES_BY.search(normalized_question)
    return m.start() if m and m.start() > 0 else 0


def claim_part(normalized_question: str) -> str:
    """The question from the clause naming the document it goes by (the whole question when no
    case is told before one)."""
    return normalized_question[story_end(normalized_question):]


def told_only(terms, normalized_question: str) -> tuple[str, ...]:
    """The terms only the asker's own case tells (story_end): none when no case is told."""
    at = story_end(normalized_question)
    head, rest = normalized_question[:at], normalized_question[at:]
    return tuple(t for t in terms if t in head and t not in rest)


# the figure one is a premise as a range's end (1个月至3个月), as a period's bound (一个月内, 提前一周)
# or counted with its classifier (一个星期)
_ONE_AS_PERIOD = re.compile(r"个(?:星期|周|工作日|小时)")
_IN_RANGE = re.compile(r"\s*(?:至|到|—|－|-|~|～)\s*(?:\d|[〇零一二两三四五六七八九十百千])")
# which way a figure bounds (五千元以上, 不超过三十日, 十五日内): a lower or an upper bound
_UPPER_AFTER = re.compile(r"\s*(?:以下|以内|之内|内|为限)")
_LOWER_AFTER = re.compile(r"\s*(?:以上)")
_UPPER_BEFORE = re.compile(r"(?:不超过|不得超过|最多|最高|不高于|不多于)\s*$")
_LOWER_BEFORE = re.compile(r"(?:不少于|不得少于|不低于|至少|最低|最少)\s*$")


def _bound_at(text: str, s: int, e: int) -> str | None:
    if _UPPER_AFTER.match(text, e) or _UPPER_BEFORE.search(text[max(0, s - 4):s]):
        return "upper"
    if _LOWER_AFTER.match(text, e) or _LOWER_BEFORE.search(text[max(0, s - 4):s]):
        return "lower"
    return None


def bounded_figures(normalized_text: str) -> set[tuple[float, str, str]]:
    """(value, unit, bound) of each figure a text states as a bound: 一万元以下 is (10000, 元,
    upper), 不少于十五日 (15, 日, lower)."""
    out = set()
    for value, unit, s, e in quantity_spans(normalized_text):
        bound = _bound_at(normalized_text, s, e)
        if bound:
            out.add((value, unit, bound))
    return out


def stated_bounds(normalized_question: str) -> list[tuple[float, str, str, str]]:
    """(value, unit, bound, as written) of each asserted figure the question puts as a bound
    (3万元以上: (30000, 元, lower, 3万元以上))."""
    out = []
    for value, unit, s, e in _stated(normalized_question):
        bound = _bound_at(normalized_question, s, e)
        if bound:
            after = (_UPPER_AFTER if bound == "upper" else _LOWER_AFTER).match(normalized_question, e)
            out.append((value, unit, bound, normalized_question[s:after.end() if after else e]))
    return out


# a figure stated as what a document requires (24小时内报告, 不少于15日, 处五千元罚款), as
# opposed to the asker's own story (用了三个月就坏了, 买了两台)
_REQUIRED_AFTER = re.compile(r"\s*(?:以?内|之内|以上|以下|之前|前|为限|起|后)")
_REQUIRED_BEFORE = re.compile(r"(?:不超过|不得超过|不少于|不得少于|不低于|不高于|至少|最多|最长|最短|最高|最低|应当|须|必须|要在|规定|要求|处|罚|达到|满)[^，。？?]{0,4}$")


def required_quantities(normalized_question: str) -> list[tuple[float, str]]:
    """The stated figures (stated_quantities) put as what a document requires, not as the
    asker's own circumstances."""
    return [
        (value, unit) for value, unit, s, e in _stated(normalized_question)
        if _REQUIRED_AFTER.match(normalized_question, e) or _REQUIRED_BEFORE.search(normalized_question, 0, s)
    ]


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


def document_years(meta) -> set[int]:
    """The years a document is dated by: its date, and the year of its 文号 (吉政发〔2012〕27号)."""
    found = {meta.year} if meta.year else set()
    found |= {int(y) for y in re.findall(r"(?:19|20)\d{2}", meta.doc_number or "")}
    return found


_ARTICLE_OF_BOOK = re.compile(r"《([^《》]{2,60})》[^《》]{0,6}?第[〇零一二两三四五六七八九十百千\d几]+条")


def articles_asked(normalized_question: str) -> list[str]:
    """Titles of laws whose articles the question asks about (《X》第十条, 《X》第几条)."""
    return _ARTICLE_OF_BOOK.findall(normalized_question)


_ASSERTED_LEAD = re.compile(r"由([\u4e00-\u9fff、和及]{2,30}?)牵头")


def asserted_leads(normalized_question: str) -> list[str]:
    """Units the question asserts lead a task (…由省政府办公厅牵头,配合单位有哪些?)."""
    return [u for m in _ASSERTED_LEAD.finditer(normalized_question) for u in _units(m.group(1))]


def _units(listed: str) -> list[str]:
    """The units of a list the question asserts (A、B和C), less any that asks (哪个部门)."""
    units = (re.sub(r"^(?:不是|否)?由|(?:自己|自行|统一|共同|来)$", "", u) for u in re.split(r"[、和及]", listed))
    return [u for u in units if len(u) >= 2 and not re.search(r"哪|什么|谁|何", u)]


# the role verb, not the noun it starts (负责人, 主管部门)
# (由X牵头, 是X牵头组织的, 牵头的是X)
_ASSERTED_ROLE = re.compile(r"(?:由|是(?!不是|否))([\u4e00-\u9fff、和及]{2,30}?)(牵头|负责(?!人)|主管(?![部机单人])|承担)")
_ROLE_THEN_UNIT = re.compile(r"(牵头|负责|主管)(?:单位|部门)?(?:的)?(?:是|为)([\u4e00-\u9fff、和及]{2,30}?)(?=[，,。？?吧吗呢]|$)")


def asserted_roles(normalized_question: str) -> list[tuple[str, str]]:
    """(unit, role) the question asserts (…由安全生产监督管理部门负责，对吗?, 这项任务是市发展改革委牵头
    的吧?, 牵头的是省质监局吧?)."""
    found = [(u, m.group(2)) for m in _ASSERTED_ROLE.finditer(normalized_question) for u in _units(m.group(1))]
    return found + [(u, m.group(1)) for m in _ROLE_THEN_UNIT.finditer(normalized_question) for u in _units(m.group(2))]


def holds_role(unit: str, role: str, normalized_sentence: str, window: int = 16) -> bool:
    """Does the sentence give ``unit`` the role (X负责, 由X…负责, X是负责…的部门)?"""
    at = normalized_sentence.find(unit)
    while at >= 0:
        if role in normalized_sentence[at + len(unit) : at + len(unit) + window]:
            return True
        at = normalized_sentence.find(unit, at + 1)
    return False
