"""Chinese numerals as numbers and back (十五 = 15, 二〇一七, 三千万), through cn2an.

cn2an takes 0.2 s to import and most questions parse no Chinese numeral, so it is imported on
first use here, the one place that calls it."""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _cn2an():
    import cn2an  # 0.2 s to import: loaded with the first numeral, not with the package

    return cn2an


def chinese_number(token: str) -> int | float | None:
    """The value of a Chinese (or mixed) numeral in cn2an's smart mode; None when it is not one."""
    try:
        return _cn2an().cn2an(token, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def chinese_numeral(n: int) -> str:
    """15 -> 十五."""
    return _cn2an().an2cn(n)


_CN = "〇零一二两三四五六七八九十百千万"
# a figure with its unit: 五千元, 15日, 三个工作日, 百分之二十, 十四周岁, 二倍
_QUANTITY = re.compile(
    rf"(?P<pct>百分之(?P<pnum>[{_CN}点\d.]+))"
    rf"|(?P<tenths>[一二三四五六七八九])成(?![为立员果绩本品就交分不])"  # 八成: 80%; not 成为, 成立, 成员…
    r"|(?P<half>半)(?P<hunit>个月|年)"  # 半年: six months; 半个月: half a month
    rf"|(?P<num>\d+(?:\.\d+)?|[{_CN}]+)\s*(?P<unit>个工作日|工作日|个小时|小时|个月|个星期|星期|个周|周岁|万元|亿元|元|日|天|年|周|倍|%|人|名|次|批|家|件)"
)
_UNIT_FORMS = {"天": "日", "个小时": "小时", "个工作日": "工作日", "名": "人", "个星期": "周", "星期": "周", "个周": "周"}
_SCALE = {"万元": ("元", 10_000), "亿元": ("元", 100_000_000)}


def quantities(text: str) -> list[tuple[float, str]]:
    """The figures a text states, each as (value, unit) with units folded: 五千元 and 5000元 are
    (5000, 元), 三万元 (30000, 元), 十五天 (15, 日), 百分之二十 and 二成 (20, %), 半年 (6, 个月)."""
    return [(value, unit) for value, unit, _, _ in quantity_spans(text)]


def quantity_spans(text: str) -> list[tuple[float, str, int, int]]:
    """The figures of ``quantities`` with where each stands in the text."""
    out = []
    for m in _QUANTITY.finditer(text):
        if m.group("tenths"):
            out.append((float(chinese_number(m.group("tenths")) or 0) * 10, "%", m.start(), m.end()))
            continue
        if m.group("half"):
            value, unit = (6.0, "个月") if m.group("hunit") == "年" else (0.5, "个月")
            out.append((value, unit, m.start(), m.end()))
            continue
        if m.group("pct"):
            token, unit = m.group("pnum"), "%"
        else:
            token, unit = m.group("num"), m.group("unit")
        value = float(token) if token.replace(".", "", 1).isdigit() else chinese_number(token)
        if value is None:
            continue
        unit, scale = _SCALE.get(unit, (_UNIT_FORMS.get(unit, unit), 1))
        if unit == "年" and 1900 <= value <= 2100:
            continue  # 2019年: a date, not a number of years
        out.append((float(value) * scale, unit, m.start(), m.end()))
    return out
