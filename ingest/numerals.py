"""Chinese numerals as numbers and back (十五 = 15, 二〇一七, 三千万), through cn2an.

cn2an takes 0.2 s to import and most questions parse no Chinese numeral, so it is imported on
first use here, the one place that calls it."""
from __future__ import annotations

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
