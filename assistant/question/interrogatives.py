"""The words that make a sentence a question — interrogative pronouns and question frames of
Chinese grammar — as opposed to the words saying what it is about. A term of the question
that occurs only inside such a frame (时间 in 多长时间内, 后果 in 有什么后果) is not a term a
passage must contain.

Frames by concept:
- how long / when: 多长时间(内), 多久, 多长, 多少天 (日, 年, 个月, 小时, 分钟, 周, 个工作日) and
  几天 … with 内/以内, 什么时候, 什么时间, 啥时候, 何时, 哪一年, 哪天, 几号;
- how many / how much: 多少, 多少钱, 几个 (次, 项, 家, 名, 种, 条, 级, 倍, 成 …), 百分之几, 多大,
  多高, 多重, 多远;
- what outcome: 什么效果, 什么成效, 什么程度, 啥地步 (the outcome a target states);
- which / what: 哪些, 哪个, 哪种, 哪一级, 哪里, 哪儿, 什么样, 什么内容, 什么意思, 啥, 何种, 何处;
- who: 谁, 由谁, 哪个部门, 哪些单位;
- how: 如何, 怎么, 怎样, 怎么办, 怎么处理, 咋 (咋办, 咋整, 咋弄), 怎么理解, 如何界定;
- why: 为什么, 为何, 凭什么, 干嘛, 干什么;
- what it means: 什么意思, 啥意思, 含义, 定义;
- yes or no: 是否, 能否, 能不能, 可不可以, 有没有, 是不是, 吗, 呢, 难道, any A-not-A verb (算不算,
  给不给, 退不退) and a modal's (应不应该, 需不需要, 愿不愿意); a claim's tag: 对吗, 对不对, 对吧,
  是吗, 是这样吗, 没错吧;
- on what basis: 根据什么, 依据哪个, 按照什么, 依照的是什么 (the frame, not 根据: a text says 为贯彻落实);
- consequence: 有什么后果, 有啥后果, 会怎么样, 要承担什么责任, 负什么责任 (the frame, not 责任)."""
from __future__ import annotations

import re

_NUMBER = r"(?:多少|几)"
# the classifier or unit a number is asked in (几个小时, 多少个工作日, 几级, 几成, 几号)
_UNIT = (
    r"(?:个?(?:工作日|小时|钟头|星期|月)|分钟|天|日|年|周|次|项|家|名|人|位|种|条|类|级|批|份|件|台|套"
    r"|万元|元|万|倍|成|号|钱|个)"
)
_WITHIN = r"(?:以内|之内|内)?"  # 几天内, 多长时间以内
# the words a question goes by a document with (按…, 根据…): a basis asked (根据什么) or named (按价格法)
BASIS = r"(?:按照|按|根据|依照|依据)"
_FRAMES = re.compile(
    "|".join((
        rf"多长(?:时间|时候)?{_WITHIN}", r"多久", rf"{_NUMBER}{_UNIT}?{_WITHIN}", r"百分之(?:几|多少)",  # how long, how many
        r"多[大高重远快宽]",
        r"什么时(?:候|间)", r"啥时(?:候|间)", r"何时", r"哪(?:一)?(?:年|天|月)",  # when
        r"(?:有|会有|承担|负|担)?(?:什么|啥|何)(?:后果|责任)",  # consequence: before 什么, which would take 什么 alone
        r"(?:什么(?:样的?)?|啥)(?:效果|成效|程度|地步)",  # what outcome: 要达到什么效果, 取得了什么成效
        r"哪(?:一)?(?:些|个|种|类|项|条|级|家|位|方面|几)?", r"什么(?:样的?|内容|意思|情况|东西|地方)?", r"何种", r"何处",  # which, what
        r"啥(?:意思|样|叫|子)?", r"干(?:嘛|吗|啥|什么)",
        r"的?(?:含义|定义)",  # what it means: 的定义是什么, 是什么含义
        r"由谁", r"谁",  # who
        r"如何(?:理解|界定)?", r"怎(?:么|样)(?:办|做|处理|规定|样|理解|界定)?", r"咋(?:办|整|弄|做|样)?",  # how
        r"为什么", r"为何", r"凭什么",  # why
        rf"{BASIS}(?:的是)?(?=什么|哪|啥)",  # on what basis (what follows is a frame of its own)
        r"是否", r"能否", r"可否", r"能不能", r"可不可以", r"会不会", r"有没有", r"是不是", r"要不要", r"需不需要",
        r"应不应该", r"愿不愿意", r"难道",
        r"是这样的?吗", r"是不是这样", r"没错[吧吗]", r"是真的吗", r"对[吗吧么]", r"对不对", r"行不行", r"吗", r"呢",  # yes or no
        r"([\u4e00-\u9fff])[不没]\1",  # A-not-A: 算不算, 给不给, 管没管
    ))
)


def interrogative_spans(normalized_question: str) -> list[tuple[int, int]]:
    """Where the question frames stand in the (normalised) question."""
    return [m.span() for m in _FRAMES.finditer(normalized_question) if m.end() > m.start()]


def only_in_frames(term: str, normalized_question: str, spans: list[tuple[int, int]]) -> bool:
    """Does every occurrence of ``term`` in the question lie inside one of ``spans`` (its
    question frames, or the names of the documents it names)?"""
    at = normalized_question.find(term)
    if at < 0:
        return False
    while at >= 0:
        if not any(s <= at and at + len(term) <= e for s, e in spans):
            return False
        at = normalized_question.find(term, at + 1)
    return True
