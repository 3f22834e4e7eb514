"""A follow-up asking the penalty for what the answer before quoted (能不能…? then 要是已经这么做了，
罚多少?) is answered with the articles of the same statute that punish breaking that article,
quoted with the duty, at exact offsets. Development documents of eval/corpora/laws only."""
from __future__ import annotations

import pytest

from assistant import Assistant, Turn

ADS = "广告法(2021-04-29).md"
MARKS = "商标法(2019-04-23).md"


@pytest.fixture(scope="module")
def laws(dev_laws) -> Assistant:
    return dev_laws(ADS, MARKS)


def _turns(laws: Assistant, first: str, second: str):
    before = laws.ask(first)
    return before, laws.ask(second, history=[Turn(first, before)])


def test_the_penalty_for_the_duty_just_quoted_is_the_article_that_punishes_it(laws):
    before, answer = _turns(laws, "按广告法，酒类广告里能出现饮酒的动作吗？", "要是已经这么拍了发出去，广告主要被罚多少？")
    assert "第二十三条" in before.citations[0].quote, before.answer
    assert not answer.abstained and "广告费用一倍以上三倍以下" in answer.answer, answer.answer
    assert any("违反本法第二十三条" in c.quote for c in answer.citations)
    snap = laws.index.snapshot()
    for c in answer.citations:
        assert snap.text(c.doc_id)[c.start:c.end] == c.quote


def test_a_follow_up_naming_another_law_is_not_read_as_the_penalty_of_the_quote(laws):
    before, answer = _turns(laws, "按广告法，酒类广告里能出现饮酒的动作吗？", "那按商标法，假冒注册商标会被怎么罚？")
    assert not answer.answer.startswith("违反上一问所引的规定"), answer.answer
