"""A heading with nothing under it (a page cut right after 二、总体要求) is no answer: the
assistant says the document has no text there, instead of quoting the heading alone.
Development documents of eval/corpora/policies; a question written for this test."""
from __future__ import annotations


def test_a_heading_the_page_ends_on_is_not_quoted_as_the_answer(policy_pages):
    pages = policy_pages("吉林-2012-质量强省战略意见", "吉林-2018-质量提升行动实施意见")
    answer = pages.ask("吉林那份质量强省意见的总体要求包括哪些内容?")
    assert answer.abstained, answer.answer
    assert "二、总体要求" in answer.reason and "没有正文" in answer.reason


def test_a_heading_with_its_text_still_answers(policy_pages):
    pages = policy_pages("吉林-2012-质量强省战略意见", "吉林-2018-质量提升行动实施意见")
    answer = pages.ask("吉林2018年质量提升行动的主要目标是什么?")
    assert not answer.abstained, answer.reason
