"""The unit a claim says leads or is in charge of a task, in each way a question puts it: 由X牵头,
是X牵头(组织)的, 牵头的是X, 牵头单位为X; a question asking who (由谁牵头) asserts none, and the
asker's adverbs (自己, 统一) are no part of the unit's name. Forms written for this test."""
from __future__ import annotations

import pytest

from assistant.question.premises import asserted_roles
from ingest.normalize import normalize


@pytest.mark.parametrize("question, roles", [
    ("这项任务由省商务厅牵头，对吗？", [("省商务厅", "牵头")]),
    ("计量工作是市场监管局负责的吧？", [("市场监管局", "负责")]),
    ("这个行动计划是省经信委牵头组织实施的，是不是？", [("省经信委", "牵头")]),
    ("品牌培育牵头的是市工信局吧？", [("市工信局", "牵头")]),
    ("标准化工作的牵头单位为省质监局，对吗？", [("省质监局", "牵头")]),
    ("产品召回是不是由市场监管部门负责？", [("市场监管部门", "负责")]),
    ("标准是企业自己负责的吗？", [("企业", "负责")]),
    ("考核工作是由谁牵头的？", []),
    ("这是负责人的职责吗？", []),
])
def test_the_unit_a_claim_gives_a_role_is_read_in_each_form(question, roles):
    assert asserted_roles(normalize(question)) == roles
