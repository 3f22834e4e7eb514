"""A penalty asked for an act the question describes in the asker's words: the statute bans the
act in one article and punishes it in another that names the first (第五十七条 (一)发布有本法第九条
…规定的禁止情形的广告的). The item naming the article violated holds what that article bans, the
penalty is quoted with its lead and item, and every article punishing the same duty is given.
Development documents of eval/corpora/laws."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("广告法(2021-04-29).md", "广东省建设工程质量管理条例(2021-09-29).md",
                    "侵害消费者权益行为处罚办法(2015-01-05).md", "上海市计量监督管理条例(2018-11-22).md")


def test_an_act_banned_in_one_article_finds_its_penalty_in_the_article_naming_it(laws):
    """“全网最佳” is the asker's wording: 全网 is no word of the law, 最佳 and 国家级 are words its
    第九条 bans; 第五十七条 punishes a 第九条 advertisement."""
    answer = laws.ask("商品宣传页上写了“全网最佳”“国家级品质”，按广告法要罚多少？会不会被吊销执照？")
    assert not answer.abstained, answer.reason
    quoted = " ".join(c.quote for c in answer.citations)
    assert "对广告主处二十万元以上一百万元以下的罚款" in quoted and "吊销营业执照" in quoted
    assert "（一）发布有本法第九条、第十条规定的禁止情形的广告的" in quoted


def test_a_quote_holding_no_word_of_the_documents_is_the_thing_asked(laws):
    answer = laws.ask("广告法里的“首问负责制”是什么意思？")
    assert answer.abstained


def test_every_article_punishing_the_duty_is_given(laws):
    """广东 第四十八条 fines the supplier of untested concrete (违反本条例第十四条第三项); 第五十条 adds
    停业整顿 or 吊销资质证书 for the same duty when serious."""
    answer = laws.ask("《广东省建设工程质量管理条例》规定，商品混凝土生产单位供应未经检验的商品混凝土，会受到什么处罚？")
    quoted = " ".join(c.quote for c in answer.citations)
    assert "处十万元以上二十万元以下罚款" in quoted
    assert "依法责令停业整顿、降低资质等级或者吊销资质证书" in quoted


def test_the_title_of_a_document_named_does_not_make_a_penalty_question(laws):
    """侵害消费者权益行为处罚办法 has 处罚 in its title; asked what it rules on measuring instruments,
    its ban (第五条 (九)) answers, not its catch-all penalty (第十四条 经营者有本办法第五条至第十一条
    规定的情形之一…予以处罚)."""
    answer = laws.ask("关于经营者使用的计量器具，上海市计量监督管理条例和侵害消费者权益行为处罚办法各是怎么规定的？")
    quoted = " ".join(c.quote for c in answer.citations if c.doc_id.startswith("侵害消费者权益行为处罚办法"))
    assert "故意使用不合格的计量器具或者破坏计量器具准确度" in quoted
    assert "第五条至第十一条规定的情形之一" not in quoted


def test_the_body_one_applies_to_is_named_only_by_a_sentence_speaking_of_the_application(laws):
    """广告法 leaves outdoor advertising to local rules (户外广告的管理办法，由地方性法规…规定): no
    sentence names a body that approves it, so the question is declined with the nearest; an
    application it does rule (医疗广告 审查, 第四十六条) is answered."""
    none = laws.ask("《中华人民共和国广告法》规定，设置户外广告要向哪个部门申请审批？")
    assert none.abstained and "没有写明向哪个部门申请审批" in none.reason
    ruled = laws.ask("发布医疗广告要向哪个部门申请审查？")
    assert not ruled.abstained and any("广告审查机关" in c.quote for c in ruled.citations)
