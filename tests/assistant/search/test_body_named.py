"""X是哪个部门?: which body a name the document uses stands for is answered by the article that
says so (…农业、畜牧行政主管部门是农产品质量安全监督管理部门), not by the articles giving that
body tasks. Question forms written for this test."""
from __future__ import annotations

import pytest

from assistant.search.definitions import asked_body, identity_pattern
from ingest.normalize import normalize


@pytest.mark.parametrize("question, name", [
    ("条例里说的特种设备安全监督管理部门指哪个部门?", "特种设备安全监督管理部门"),
    ("标准化行政主管部门是什么部门?", "标准化行政主管部门"),
    ("按这个办法规定,计量行政部门是哪个机关?", "计量行政部门"),
    ("谁负责计量监督?", None),
    ("市场监管部门是怎么处理投诉的?", None),
])
def test_the_name_a_question_asks_the_body_of(question, name):
    assert asked_body(normalize(question)) == name


def test_an_identity_names_the_body_either_way_round_but_a_definition_is_not_one():
    pattern = identity_pattern("标准化行政主管部门")
    assert pattern.search("市市场监督管理部门是本市标准化行政主管部门,")
    assert pattern.search("标准化行政主管部门为市市场监督管理部门")
    assert not pattern.search("标准化行政主管部门应当加强监督")


def test_which_body_a_name_stands_for_is_the_article_saying_so(laws_assistant):
    answer = laws_assistant.ask("河南农产品质量安全办法里说的农产品质量安全监督管理部门指哪些部门?")
    assert not answer.abstained, answer.reason
    assert "农业、畜牧行政主管部门是农产品质量安全监督管理部门" in answer.citations[0].quote
