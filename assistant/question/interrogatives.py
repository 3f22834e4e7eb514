"""The words that make a sentence a question — interrogative pronouns and question frames of
Chinese grammar — as opposed to the words saying what it is about. A term of the question
that occurs only inside such a frame (时间 in 多长时间内, 后果 in 有什么后果) is not a term a
passage must contain.

Frames by concept:
- how long / when: 多长时间, 多久, 多少天 (日, 年, 个月, 小时, 个工作日), 几天, 什么时候, 何时, 哪一年;
- how many / how much: 多少, 多少钱, 几个 (次, 项, 家, 名, 种, 条 …), 多大, 多高;
- which / what: 哪些, 哪个, 哪种, 哪里, 什么样, 什么内容, 什么意思, 何种;
- who: 谁, 由谁, 哪个部门, 哪些单位;
- how: 如何, 怎么, 怎样, 怎么办, 怎么处理;
- why: 为什么, 为何;
- yes or no: 是否, 能否, 能不能, 可不可以, 有没有, 是不是, 对吗, 对不对, 吗, 呢, and any
  A-not-A verb (算不算, 给不给, 退不退);
- consequence: 有什么后果, 会怎么样, 要承担什么责任 (the frame, not 责任)."""
from __future__ import annotations

import re

_NUMBER = r"(?:多少|几)"
_UNIT = r"(?:个工作日|工作日|个月|小时|分钟|天|日|年|月|周|次|项|家|名|人|种|条|类|批|份|件|元|万元|倍|钱|个)"
_FRAMES = re.compile(
    "|".join((
        r"多长(?:时间|时候)?", r"多久", rf"{_NUMBER}{_UNIT}?", r"多[大高重远快宽]",  # how long, how many
        r"什么时候", r"何时", r"哪(?:一)?(?:年|天|月)",  # when
        r"哪(?:一)?(?:些|个|种|类|项|条|方面|几)?", r"什么(?:样的?|内容|意思|情况|东西|地方)?", r"何种", r"何处",  # which, what
        r"由谁", r"谁",  # who
        r"如何", r"怎(?:么|样)(?:办|做|处理|规定|样)?",  # how
        r"为什么", r"为何",  # why
        r"是否", r"能否", r"可否", r"能不能", r"可不可以", r"会不会", r"有没有", r"是不是", r"要不要", r"需不需要",
        r"对吗", r"对不对", r"行不行", r"吗", r"呢",  # yes or no
        r"([\u4e00-\u9fff])[不没]\1",  # A-not-A: 算不算, 给不给, 管没管
        r"(?:有|会有|承担)?什么(?:后果|责任)",  # consequence
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
