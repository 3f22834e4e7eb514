"""A policy page that stops mid-sentence (…深入实施创新驱动发): asked what follows the part the
cut runs through, the answer says where the text stops instead of quoting the last words before
it; what the text does say before the cut is still answered. Development pages of
eval/corpora/policies, as their sites publish them."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pages(policy_pages):
    return policy_pages("甘肃-2018-质量提升行动实施方案", "洞头-2021-质量强区十四五发展规划", "吉林-2018-质量提升行动实施意见",
                        "福建-2014-质量工作考核办法", "国务院-2021-计量发展规划")


def test_what_follows_a_part_the_page_is_cut_in_is_declined(pages):
    answer = pages.ask("甘肃方案的基本原则里,“坚持以改革创新为根本途径”之后还有哪些原则?")
    assert answer.abstained and "处中断" in answer.reason and "深入实施创新驱动发" in answer.reason
    assert "坚持以改革创新为根本途径" in answer.citations[0].quote  # where the text stops


def test_a_heading_with_only_the_cut_under_it_is_declined(pages):
    answer = pages.ask("洞头规划的第四章工作保障,除了加强组织领导还有哪些措施?")
    assert answer.abstained and "一、加强组" in answer.reason


def test_what_the_page_says_before_the_cut_is_answered(pages):
    """吉林's page stops at …地理標志產品,形成以品; the products it names before the cut answer."""
    answer = pages.ask("吉林省實施品牌發展戰略,要大力發展哪些產品?")
    assert not answer.abstained, answer.reason
    assert "大力發展吉林省名牌產品" in answer.citations[0].quote
