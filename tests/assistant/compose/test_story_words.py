"""A word no document uses decides nothing when it only tells the asker's story (我是个宝妈，
在网上买的辅食吃出了问题，…能要求网店赔偿吗?); in the clause that asks (…的佣金比例有什么
具体要求?) it names the thing asked about, and the question is still declined when the
documents lack it. Questions written for this test, not from the gold set."""
from __future__ import annotations

import pytest

from assistant.compose.composer import _told
from ingest.normalize import normalize


def test_story_words_the_documents_lack_do_not_decline_the_question(laws_assistant):
    answer = laws_assistant.ask("我是个宝妈，在网上买的辅食吃出了问题，按最高法的食品药品纠纷司法解释，能要求网店赔偿吗？")
    assert not answer.abstained, answer.reason
    assert any("网络交易第三方平台" in c.quote for c in answer.citations)


def test_a_verb_with_its_particle_is_no_topic_the_documents_lack(laws_assistant):
    answer = laws_assistant.ask("我开了个网店，广告里说自家产品是国家级、最佳，按广告法会被罚吗？")
    assert "开了个" not in answer.reason and "开了个" not in answer.answer


def test_a_word_the_documents_lack_in_the_asking_clause_still_declines(laws_assistant):
    answer = laws_assistant.ask("按广告法，直播带货的佣金比例有什么具体要求？")
    assert answer.abstained, answer.answer
    assert "比例" in answer.reason


@pytest.mark.parametrize("question, words, told", [
    ("我是开民宿的房东，客人说热水器漏电，按消费者权益保护条例我要承担什么责任？", ["民宿"], True),
    ("我是做零食测评的博主，这样会被罚吗？", ["博主"], True),
    ("电动自行车的最高设计车速不能超过每小时多少公里？", ["车速"], False),  # one clause: it asks
    ("按广告法，直播带货的佣金比例有什么具体要求？", ["佣金"], False),
    ("我开网店，客服的话术有没有规定？", ["话术"], False),  # 有没有: the clause asks
])
def test_a_word_tells_the_story_only_outside_the_clause_that_asks(question, words, told):
    assert _told(normalize(question), words) is told
