"""A claim about a count a policy sets (新增…3家以上, 培育企业60家以上,对吗?) is checked like any
other figure: 不对 with the target quoted when the count differs, 是 when it agrees, a city's
page holding its city's name in its metadata rather than in every sentence. Development pages of
eval/corpora/policies; questions written for this test."""
from __future__ import annotations

import pytest

from assistant.question.premises import stated_quantities
from ingest.normalize import normalize

DEZHOU = "德州-2021-好品山东质量强市和品牌战略实施意见"


@pytest.fixture(scope="module")
def pages(policy_pages):
    return policy_pages(DEZHOU, "吉林-2012-质量强省战略意见")


def test_a_count_with_its_classifier_is_a_premise():
    assert stated_quantities(normalize("到2025年培育高端品牌企业80家以上,对吗?")) == [(80.0, "家")]
    assert stated_quantities(normalize("每年要办结两千件投诉,是这样吗?")) == [(2000.0, "件")]
    assert stated_quantities(normalize("一家企业要报几份材料?")) == []  # the figure one says what it is about


def test_a_wrong_count_is_corrected_with_the_target(pages):
    answer = pages.ask("德州要求到2025年山东省高端品牌培育企业达到80家以上,对吗?")
    assert answer.answer.startswith("不对") and "80家" in answer.answer
    assert "山东省高端品牌培育企业60家以上" in answer.citations[0].quote


def test_a_right_count_is_confirmed(pages):
    answer = pages.ask("德州的意见里,到2025年山东省高端品牌培育企业要有60家以上,对吗?")
    assert answer.answer.startswith("是"), answer.answer
