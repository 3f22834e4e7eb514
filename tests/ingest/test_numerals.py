"""Figures compare as numbers whatever their written form: 三年 and 3年, 十五天 and 15日,
百分之八十, 80% and 八成, 两个月 and 2个月, 半年 and 六个月, 一万元 and 10000元."""
from __future__ import annotations

import pytest

from ingest.numerals import quantities


@pytest.mark.parametrize("one, other", [
    ("三年", "3年"), ("十五天", "15日"), ("百分之八十", "80%"), ("八成", "80%"), ("两个月", "2个月"),
    ("半年", "六个月"), ("一万元", "10000元"), ("1万元", "一万元"), ("十五个工作日", "15个工作日"), ("五成", "百分之五十"),
    ("两个星期", "2周"), ("一星期", "一周"),
])
def test_written_forms_of_one_figure_are_equal(one, other):
    assert quantities(one) == quantities(other) != []


@pytest.mark.parametrize("text", ["成为经营者", "一成不变", "依法成立的", "2019年"])
def test_words_that_only_look_like_figures_are_not(text):
    assert quantities(text) == []
