"""A claim that says what a provision says with one thing changed is corrected with the
provision: another body acting (由商标局 for 由地方工商行政管理部门, 由县级以上…部门 for 由国务院有关部门),
another licence revoked (营业执照 for 药品经营许可证), another level deciding (县级 for 设区的市级以上), another body for persons the article lists
(药师 among 医疗机构的负责人、…药师等),
a restriction the provision does not make (只能 where it says 也可以); a claim put to the wrong
article (第三十九条 for 第四十条's rule) is corrected with both articles quoted; a numbered word
with another number (第二方 for 第三方, 上二级 for 上一级) is corrected. A claim that says
the body in other words (市场监管部门, 工商部门) is not corrected. Development documents of
eval/corpora/laws."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("药品管理法(2019-08-26).md", "商标法(2019-04-23).md", "食品安全法实施条例(2019-10-11).md",
                    "浙江省检验机构管理条例(2021-07-30).md", "市场监督管理投诉举报处理暂行办法(2022-03-24).md",
                    "侵害消费者权益行为处罚办法(2015-01-05).md", "广东省建设工程质量管理条例(2021-09-29).md",
                    "广告法(2021-04-29).md", "山东省消费者权益保护条例(2017-03-29).md",
                    "上海市计量监督管理条例(2018-11-22).md")


@pytest.mark.parametrize("question, said", [
    # the body that acts
    ("商标法规定，自行改变注册商标的，由商标局责令限期改正，对吗？", "由地方工商行政管理部门责令"),
    ("食品安全法实施条例规定，阻碍食品安全监督管理部门工作人员依法执行职务的，由食品安全监督管理部门给予治安管理处罚，对吗？",
     "由公安机关依法给予"),
    ("侵害消费者权益行为处罚办法规定，经营者违反第十二条规定的，由公安机关责令改正，对吗？", "由市场监督管理部门责令"),
    # a body of many words, where the article names another for a graver case
    ("食品安全法实施条例规定，复检机构1年内2次拒绝承担复检任务的，由县级以上人民政府食品安全监督管理部门撤销其复检机构资质，对吗？",
     "由国务院有关部门撤销"),
    ("广东省建设工程质量管理条例规定，吊销资质证书的行政处罚由住房城乡建设主管部门决定，对吗？", "由颁发资质证书的机关决定"),
    # the claim's subject named in a list of persons (医疗机构的负责人、药品采购人员、医师、药师等) and its
    # everyday word (回扣) said in the article's words (财物或者其他不正当利益)
    ("药品管理法规定，医疗机构的药师收受药品回扣的，由公安机关给予处分，对吗？", "由卫生健康主管部门或者本单位给予"),
    # the level of government
    ("食品安全法实施条例规定，处以30万元以上罚款的，由县级人民政府食品安全监督管理部门决定，对吗？", "由设区的市级以上人民政府食品安全监督管理部门"),
    # the licence revoked, set in the sentence after the case (…的，责令改正，给予警告；情节严重的，吊销…)
    ("药品管理法规定，药品经营企业购销药品未按照规定进行记录，情节严重的，吊销营业执照，对吗？", "吊销药品经营许可证"),
    # a restriction the provision does not make
    ("投诉举报处理暂行办法规定，调解只能采取现场调解方式，对吗？", "也可以采取互联网、电话、音频、视频等非现场调解方式"),
    # …or another way the provision offers with 或者
    ("投诉举报处理暂行办法规定，投诉只能由被投诉人实际经营地的县级市场监督管理部门处理，对吗？",
     "投诉由被投诉人实际经营地或者住所地县级市场监督管理部门处理"),
    # a numbered word with another number
    ("上海市计量监督管理条例规定，计量鉴证是指为交易双方出具第二方计量数据的相关活动，对吗？", "第三方"),
    ("投诉举报处理暂行办法规定，两个以上市场监督管理部门因处理权限发生争议协商不成的，报请共同的上二级市场监督管理部门指定处理机关，对吗？",
     "一级"),
])
def test_a_claim_with_one_thing_changed_is_corrected_with_what_the_provision_says(laws, question, said):
    answer = laws.ask(question)
    assert answer.answer.startswith(f"不对:文件规定的是“{said}”"), answer.answer
    assert said in answer.citations[0].quote  # the sentence saying it is quoted


@pytest.mark.parametrize("question, quoted", [
    ("商标法规定，自行改变注册商标的，由地方工商行政管理部门责令限期改正，对吗？", "由地方工商行政管理部门责令限期改正"),
    ("食品安全法实施条例规定，复检机构无正当理由拒绝承担复检任务的，由县级以上人民政府食品安全监督管理部门给予警告，对吗？",
     "由县级以上人民政府食品安全监督管理部门给予警告"),
    ("药品管理法规定，药品经营企业购销药品未按照规定进行记录，情节严重的，吊销药品经营许可证，对吗？", "吊销药品经营许可证"),
    ("浙江省检验机构管理条例规定，吊销计量认证合格证书的行政处理由核发证书的行政机关作出决定，对吗？", "由核發證書的行政機關作出決定"),
    # the body in other words
    ("侵害消费者权益行为处罚办法规定，经营者违反第十二条规定，法律法规未作规定的，由市场监管部门责令改正，对吗？",
     "由市场监督管理部门责令改正"),
    ("商标法规定，自行改变注册商标的，由工商部门责令限期改正，对吗？", "由地方工商行政管理部门责令限期改正"),
    ("投诉举报处理暂行办法规定，两个以上市场监督管理部门因处理权限发生争议协商不成的，报请共同的上一级市场监督管理部门指定处理机关，对吗？",
     "报请共同的上一级市场监督管理部门指定处理机关"),
    # 只能 where the provision says 只能
    ("广告法规定，处方药只能在国务院卫生行政部门和国务院药品监督管理部门共同指定的医学、药学专业刊物上作广告，对吗？",
     "只能在国务院卫生行政部门和国务院药品监督管理部门共同指定的医学、药学专业刊物上作广告"),
])
def test_a_claim_saying_what_the_provision_says_is_answered_with_it(laws, question, quoted):
    answer = laws.ask(question)
    assert not answer.answer.startswith("不对"), answer.answer
    assert any(quoted in c.quote for c in answer.citations), answer.answer


@pytest.mark.parametrize("question, put, holding, rule", [
    ("商标法第三十九条规定，商标注册人应当在期满前十二个月内办理续展手续，对吗？", "第三十九条", "第四十条", "期满前十二个月内"),
    ("山东省消费者权益保护条例第二十八条规定，经营者通过网络销售商品适用七日无理由退货制度，对吗？", "第二十八条", "第二十九条",
     "适用七日无理由退货制度"),
])
def test_a_claim_put_to_the_wrong_article_is_corrected_with_both_articles(laws, question, put, holding, rule):
    answer = laws.ask(question)
    assert answer.answer.startswith(f"不对:问题所说的规定在{holding},不在{put}"), answer.answer
    assert answer.citations[0].quote.startswith(holding) and rule in answer.citations[0].quote
    assert answer.citations[-1].quote.startswith(put)  # what the article the question names says


def test_a_claim_put_to_the_right_article_is_confirmed(laws):
    answer = laws.ask("商标法第四十条规定，商标注册人应当在期满前十二个月内办理续展手续，对吗？")
    assert answer.answer.startswith("是。"), answer.answer
    assert answer.citations[0].quote.startswith("第四十条")
