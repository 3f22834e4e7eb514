"""The figures a sentence states, as a value and a unit, however they are written.

A chat model rewrites figures freely: 99% becomes 九成九, 百分之九十九 or 九十九以上, 1/3 becomes
三分之一, 30000元 becomes 3万元. The verifier compares figures as numbers, so each written form
is read here into one value and one folded unit:

- percents: ``93%``, ``百分之九十九点九``, ``千分之五`` (0.5), ``三分之一`` (33.3…), ``两成`` (20),
  ``九成九`` (99) — every share as a percent;
- counted figures: a number with a measure word, ``十余家`` (10, 家), ``300个`` (300, 个),
  ``一倍`` (1, 倍), ``3万元`` (30000, 元);
- bare numbers: any Arabic number, ``第十二`` (an ordinal), and a Chinese numeral that cannot be
  part of an ordinary word: more than one character with a magnitude (``九十九``, ``二十``), or one
  followed by 以上/以下/左右/余/多 (``九以上``).

Single-character numerals inside words (统一, 一些, 十分, 万一) are not figures, nor is 一 used as
an article (一个, 一种, 一批). Durations (十五日, 半个月) are read by the verifier's time limits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ingest.numerals import chinese_number

CN_DIGITS = "零〇一二两三四五六七八九"
_DIGIT_VALUE = dict(zip(CN_DIGITS, (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9)))
_MAGNITUDES = "十百千万亿"
CN_NUM = f"[{CN_DIGITS}{_MAGNITUDES}]+"
# a number in any script: 15, 1.5, 3万, 十五, 九十九点九
NUM = rf"(?:\d+(?:\.\d+)?(?:\s*[万亿])?|{CN_NUM}(?:点[{CN_DIGITS}]+)?)"
_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_LONE_MAGNITUDE = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 10_000.0}

_PERCENT = re.compile(
    rf"(?P<pct>{NUM})\s*%"
    rf"|(?P<den>{NUM})\s*分之\s*(?P<num>{NUM})"
    # 八成 = 80%, 九成九 = 99%; not 一成不变, 八成为, 三成员 …
    r"|(?P<tenths>\d|[一二两三四五六七八九十])\s*成"
    r"(?:(?P<hundredths>[一二三四五六七八九])|(?![为立员果绩本品就交分不效长熟型功年]))"
)

# measure words, longest first; money is scaled to 元 and 名 counts as 人
MEASURES = (
    "百分点", "万元", "亿元", "周岁", "公斤", "千克", "公里", "平方米", "元", "倍", "个", "家", "项", "件", "人",
    "名", "次", "条", "批", "种", "类", "款", "户", "岁", "轮", "份", "道", "处", "支", "位", "套", "章", "节", "级",
    "期", "所", "座", "台", "吨", "亩", "米", "张", "篇", "册", "例", "宗", "辆", "艘", "架", "头", "只", "起",
)
_UNIT_FORMS = {"名": "人", "周岁": "岁", "千克": "公斤"}
_SCALE = {"万元": ("元", 10_000.0), "亿元": ("元", 100_000_000.0)}
# 一 before these is an article (一个机制, 一种模式, 一批企业), not a count
_ARTICLE_MEASURES = {"个", "种", "类", "批", "道", "些"}
GENERIC_MEASURE = "个"  # 三百个 may count what the quote counts as 家 or 项

_COUNTED = re.compile(rf"(?P<n>{NUM})\s*(?P<approx>余|多|来)?\s*(?P<unit>{'|'.join(MEASURES)})")
_ORDINAL = re.compile(rf"第\s*(?P<n>{NUM})")
_BARE_CN = re.compile(rf"{CN_NUM}(?:点[{CN_DIGITS}]+)?")
_AFTER_BARE = re.compile(r"\s*(?:以上|以下|以内|左右|上下|余|多)")
_NOT_FIGURES = {"千万", "万一", "一一", "万万", "百千", "千百"}  # 千万不要, 万一发生, 一一对应


@dataclass(frozen=True)
class Figure:
    kind: Literal["percent", "number"]
    value: float
    unit: str  # "%" for a percent; a folded measure word (元, 家, 倍 …); "" for a bare number or ordinal
    start: int
    end: int
    text: str


def number_value(token: str) -> float | None:
    """The value of a number as written: 15, 1.5万, 十五, 九十九点九, 二〇一七 (digit by digit)."""
    token = re.sub(r"\s+", "", token)
    if not token:
        return None
    if _ARABIC.fullmatch(token):
        return float(token)
    if token in _LONE_MAGNITUDE:  # 百分之 …: cn2an reads 十 but not a lone 百, 千 or 万
        return _LONE_MAGNITUDE[token]
    if len(token) > 1 and all(ch in _DIGIT_VALUE for ch in token):  # 二〇一七
        return float("".join(str(_DIGIT_VALUE[ch]) for ch in token))
    value = chinese_number(token)
    return None if value is None else float(value)


def _free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return all(e <= a or s >= b for a, b in taken)


def percent_figures(norm: str, taken: list[tuple[int, int]]) -> list[Figure]:
    """Shares in a normalised text, as percents; their spans are added to ``taken``."""
    out = []
    for m in _PERCENT.finditer(norm):
        if not _free(taken, *m.span()):
            continue
        if m.group("pct"):
            value = number_value(m.group("pct"))
        elif m.group("den"):
            den, num = number_value(m.group("den")), number_value(m.group("num"))
            value = None if not den or num is None else 100.0 * num / den
        else:
            tenths = number_value(m.group("tenths"))
            hundredths = number_value(m.group("hundredths") or "零") or 0.0
            value = None if tenths is None else 10.0 * tenths + hundredths
        if value is not None:
            out.append(Figure("percent", value, "%", m.start(), m.end(), m.group(0)))
            taken.append(m.span())
    return out


def number_figures(norm: str, taken: list[tuple[int, int]]) -> list[Figure]:
    """Counted figures, ordinals and bare numbers in a normalised text, outside ``taken``
    (the spans of dates, percents and durations already read); their spans are added to it."""
    out: list[Figure] = []

    def add(value: float | None, unit: str, s: int, e: int) -> None:
        if value is not None and _free(taken, s, e):
            out.append(Figure("number", value, unit, s, e, norm[s:e]))
            taken.append((s, e))

    for m in _ORDINAL.finditer(norm):  # 第十二条 is the twelfth, not twelve 条
        add(number_value(m.group("n")), "", *m.span())
    for m in _COUNTED.finditer(norm):
        token, unit = re.sub(r"\s+", "", m.group("n")), m.group("unit")
        if token == "一" and unit in _ARTICLE_MEASURES:
            continue
        value = number_value(token)
        unit, scale = _SCALE.get(unit, (_UNIT_FORMS.get(unit, unit), 1.0))
        add(None if value is None else value * scale, unit, *m.span())
    for m in _ARABIC.finditer(norm):
        add(float(m.group(0)), "", *m.span())
    for m in _BARE_CN.finditer(norm):
        token = m.group(0)
        if token in _NOT_FIGURES:
            continue
        long_enough = len(token) > 1 and (any(ch in _MAGNITUDES for ch in token) or len(token) > 2)
        if long_enough or _AFTER_BARE.match(norm, m.end()):
            add(number_value(token), "", *m.span())
    return out


def units_agree(sentence_unit: str, evidence_unit: str) -> bool:
    """Whether a figure of the sentence may be the evidence's figure of the same value: a bare
    number may be any figure; a counted one needs the same unit (个 counting what 家 or 项 count)."""
    if not sentence_unit or sentence_unit == evidence_unit:
        return True
    if not evidence_unit or "%" in (sentence_unit, evidence_unit):
        return False
    counts = set(MEASURES) - {"万元", "亿元", "元", "倍", "百分点"}
    return GENERIC_MEASURE in (sentence_unit, evidence_unit) and {sentence_unit, evidence_unit} <= counts
