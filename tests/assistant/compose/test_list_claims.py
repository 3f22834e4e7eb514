"""A claim that a provision's closed list takes in a thing none of its items names is corrected
with the sentence announcing the list and every item quoted (产品质量监督的重点 lists four
kinds; 假药 is defined by its own list, though 超过有效期的药品 is an item of the 劣药 list beside
it). A thing an item names is not corrected. Questions written for this test over development
documents of eval/corpora/laws."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("药品管理法(2019-08-26).md", "产品质量监督试行办法(2011-01-08).md")


@pytest.mark.parametrize("question, thing, lead, items", [
    ("药品管理法规定，假药包括超过有效期的药品，对吗？", "超过有效期的药品", "为假药", 4),
    ("产品质量监督试行办法规定，产品质量监督的重点包括餐饮服务，是吗？", "餐饮服务", "实行产品质量监督的重点是", 4),
])
def test_a_thing_no_item_of_a_closed_list_names_is_corrected_with_the_list(laws, question, thing, lead, items):
    answer = laws.ask(question)
    assert answer.answer.startswith(f"不对:文件列出的各项中没有“{thing}”"), answer.answer
    first, *rest = answer.citations
    assert lead in first.quote and len(rest) >= items
    assert all(c.quote.startswith(("（", "(")) for c in rest[:items])


@pytest.mark.parametrize("question", [
    "药品管理法规定，假药包括变质的药品，对吗？",
    "药品管理法规定，劣药包括超过有效期的药品，对吗？",
])
def test_a_thing_an_item_names_is_not_corrected(laws, question):
    assert not laws.ask(question).answer.startswith("不对")
