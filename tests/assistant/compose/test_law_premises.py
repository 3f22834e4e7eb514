"""What a question about a statute takes for granted, checked before it is answered: a figure
the question states must be the one of the provision it is about (不对 with that provision
quoted, else 是 with it); a figure asked for must stand in a provision about what is asked;
a law the documents only cite is not answered from the documents that cite it."""
from __future__ import annotations

ADS = "广告法-2021-04-29"
SHANGHAI = "上海市计量监督管理条例-2018-11-22"


def test_a_claim_with_another_figure_is_corrected_from_its_own_provision(laws_assistant):
    answer = laws_assistant.ask("广告法规定不得利用不满十二周岁的未成年人作为广告代言人，对吗？")
    assert answer.abstained and answer.answer.startswith("不对")
    assert "十二周岁" in answer.reason  # as the question puts it
    (c,) = answer.citations
    assert c.doc_id == ADS and "不满十周岁" in c.quote
    # the figure the question states is elsewhere in the law (不满十四周岁的未成年人…广告): not this provision
    fine = laws_assistant.ask("上海市计量监督管理条例规定，检测机构未经计量认证向社会出具检测数据的，可并处二千元以上二万元以下罚款，是吗？")
    assert fine.abstained and fine.answer.startswith("不对")
    assert {c.doc_id for c in fine.citations} == {SHANGHAI}
    assert any("一千元以上一万元以下" in c.quote for c in fine.citations)


def test_a_claim_whose_figures_the_provision_states_is_confirmed(laws_assistant):
    answer = laws_assistant.ask("广告法规定不得利用不满十周岁的未成年人作为广告代言人，对吗？")
    assert not answer.abstained and answer.answer.startswith("是")
    assert any("不满十周岁" in c.quote for c in answer.citations)


def test_a_figure_the_provision_does_not_state_is_not_taken_from_another(laws_assistant):
    # 药品经营许可证应当标明有效期…: no number of years anywhere for it
    answer = laws_assistant.ask("药品管理法规定药品经营许可证的有效期是几年？")
    assert answer.abstained and "期限" in answer.reason
    assert "药品经营许可证" in answer.citations[0].quote


def test_a_law_the_documents_only_cite_is_declined_naming_who_cites_it(laws_assistant):
    answer = laws_assistant.ask("浙江省检验机构管理条例是根据计量法制定的，那计量法对检验机构有什么要求？")
    assert answer.abstained and "计量法" in answer.reason and "提到它" in answer.reason
    # asked of the regulation itself, the same words are answered
    own = laws_assistant.ask("浙江省检验机构管理条例是根据计量法制定的，它对检验机构出具检验报告有什么要求？")
    assert not own.abstained, own.reason


def test_a_word_the_documents_lack_is_no_reason_to_decline_when_the_rest_is_covered(laws_assistant):
    # 铺面 is the asker's word, in no document and not in the thesaurus; the rest is 第十条
    answer = laws_assistant.ask("在河南开铺面卖计量器具的，取得营业执照以后要告知哪个部门？")
    assert not answer.abstained, answer.reason
    assert any("书面告知当地计量行政主管部门" in c.quote for c in answer.citations)
    assert any("铺面" in note for note in answer.notes)  # and the answer says it read past that word
    # a question that is about the unknown thing itself is still declined
    other = laws_assistant.ask("网约车司机的服务质量由哪个部门监管？")
    assert other.abstained


def test_a_claim_that_gives_a_unit_a_role_the_law_does_not_is_corrected(laws_assistant):
    # 广告法第六条: 国务院市场监督管理部门主管全国的广告监督管理工作
    wrong = laws_assistant.ask("广告法规定，全国的广告监督管理工作由国务院工商行政管理部门主管，对吗？")
    assert wrong.abstained and wrong.answer.startswith("不对") and "工商行政管理部门" in wrong.reason
    assert "国务院市场监督管理部门主管" in wrong.citations[0].quote
    right = laws_assistant.ask("广告法规定，全国的广告监督管理工作由国务院市场监督管理部门主管，对吗？")
    assert not right.abstained and right.answer.startswith("是")


TRADEMARKS = "商标法-2019-04-23"


def test_a_claim_is_checked_against_its_own_sentence_not_the_next_one(laws_assistant):
    # 第三十四条: 十五日内…申请复审 …; 三十日内向人民法院起诉 is the next step, not this one
    wrong = laws_assistant.ask("商标法规定，商标注册申请人对驳回申请不服的，可以自收到通知之日起三十日内向商标评审委员会申请复审，"
                               "是这么规定的吧？")
    assert wrong.abstained and wrong.answer.startswith("不对") and "三十日" in wrong.reason
    assert "十五日内向商标评审委员会申请复审" in wrong.citations[0].quote


def test_a_claim_true_of_one_article_is_confirmed_from_it_though_a_like_article_differs(laws_assistant):
    # the review of 第三十五条 takes 十二个月; those of 第三十四条 and 第五十四条 九个月
    right = laws_assistant.ask("商标法规定，商标评审委员会收到复审申请后，要在九个月内做出决定，是这样吗？")
    assert not right.abstained and right.answer.startswith("是")
    first = right.citations[0]
    assert first.doc_id == TRADEMARKS and "九个月内做出决定" in first.quote and "十二个月" not in first.quote


def test_a_claimed_penalty_is_checked_against_the_article_that_punishes_the_duty(laws_assistant):
    # 第三十八条 forbids it; 第五十八条（十）punishes it: 广告费用一倍以上三倍以下, 十万元以上二十万元以下
    answer = laws_assistant.ask("广告法规定，利用不满十周岁的未成年人作为广告代言人的，由市场监督管理部门处五万元罚款，对吗？")
    assert answer.abstained and answer.answer.startswith("不对") and "五万元" in answer.reason
    quoted = " ".join(c.quote for c in answer.citations)
    assert "不满十周岁" in quoted and "十万元以上二十万元以下" in quoted
    assert {c.doc_id for c in answer.citations} == {ADS}


def test_a_short_agency_name_matches_its_full_name():
    from assistant.question.terms import mentions

    assert mentions("工商部门", "由地方工商行政管理部门责令改正", {})
    assert mentions("检验机构", "检验检测机构应当对其出具的检验检测报告负责", {})
    assert not mentions("工商部门", "由税务部门处理", {}) and not mentions("公安部门", "公安机关", {})


def test_an_amount_asked_about_anything_but_a_penalty_is_not_the_fine(laws_assistant):
    # 第三十五条: 应当公布其收费标准 (no amount); the fine for not publishing it is 五万元以下
    fee = laws_assistant.ask("广告经营者的收费标准是多少钱，广告法有规定吗？")
    assert fee.abstained and "金额" in fee.reason
    fine = laws_assistant.ask("广告法对广告发布者不公布收费标准的，罚多少钱？")
    assert not fine.abstained and "五万元以下的罚款" in " ".join(c.quote for c in fine.citations)


FOOD_COURT = "最高人民法院关于审理食品药品纠纷案件适用法律若干问题的规定-2021-11-18"


def test_a_claimed_kind_of_liability_is_checked_like_a_figure(laws_assistant):
    # 第十条: 挂靠者与被挂靠者承担连带责任
    stem = "按最高法食品药品纠纷的规定，没有资质的人挂靠有资质的企业卖食品造成消费者损害的，"
    wrong = laws_assistant.ask(stem + "被挂靠的企业只承担补充责任，对吗？")
    assert wrong.abstained and wrong.answer.startswith("不对") and "连带责任" in wrong.reason and "补充责任" in wrong.reason
    assert "承担连带责任" in wrong.citations[0].quote
    right = laws_assistant.ask(stem + "挂靠者和被挂靠者承担连带责任，是吗？")
    assert not right.abstained and right.answer.startswith("是")


def test_a_claimed_figure_no_sentence_rivals_is_unsupported_not_wrong(laws_assistant):
    # the regulation sets no number of hours for it: the hours are not a topic it lacks, and no
    # sentence states other hours, so the answer says the documents do not mention them (not 不对)
    answer = laws_assistant.ask("上海市计量监督管理条例规定，使用的计量器具经检定不合格的，使用者要在24小时内停止使用，对吗？")
    assert answer.abstained and not answer.answer.startswith("不对")
    assert "24小时" in answer.reason and "“小时”" not in answer.reason
    assert answer.citations and answer.citations[0].doc_id == SHANGHAI


def test_a_time_limit_of_another_actor_is_not_the_one_asked(laws_assistant):
    # 河南第二十四条: 计量检定机构…应当在二十日内完成计量检定 binds the testing body, nobody else
    other = laws_assistant.ask("在河南，消费者接到受检计量器具后，应当在多少日内完成计量检定？")
    assert other.abstained and "计量检定机构" in other.reason and "消费者" in other.reason
    assert "二十日内" in other.citations[0].quote
    own = laws_assistant.ask("河南省计量监督管理条例规定，计量检定机构接到受检计量器具后，多少天内要完成检定？")
    assert not own.abstained and "二十日内" in " ".join(c.quote for c in own.citations)


def test_a_claim_is_about_the_sentence_holding_its_subject_not_one_stating_its_figure(laws_assistant):
    # 上海市标准化条例 第二十三条: 地方标准…复审周期一般不超过三年; 团体标准、企业标准…一般不超过五年
    wrong = laws_assistant.ask("按照上海市标准化条例，地方标准的复审周期一般不超过五年，是吗？")
    assert wrong.answer.startswith("不对") and "不超过三年" in wrong.citations[0].quote
    for question in ("按照上海市标准化条例，地方标准的复审周期一般不超过三年，是吗？",
                     "按照上海市标准化条例，团体标准的复审周期一般不超过五年，是吗？"):
        assert laws_assistant.ask(question).answer.startswith("是"), question


def test_a_claimed_figure_is_bound_to_the_clause_of_its_subject(laws_assistant):
    # 反不正当竞争法 第二十八条: …对个人可以处五千元以下的罚款，对单位可以处五万元以下的罚款
    wrong = laws_assistant.ask("反不正当竞争法规定，拒绝、阻碍监督检查部门调查的，对单位可以处五千元以下的罚款，对吗？")
    assert wrong.abstained and wrong.answer.startswith("不对") and "五千元" in wrong.reason
    assert "对单位可以处五万元以下的罚款" in wrong.citations[0].quote
    right = laws_assistant.ask("反不正当竞争法规定，拒绝、阻碍监督检查部门调查的，对个人可以处五千元以下的罚款，对吗？")
    assert right.answer.startswith("是")


def test_a_figure_of_another_kind_of_the_thing_asked_does_not_answer(laws_assistant):
    # 上海市标准化条例 第十二条: 地方标准化指导性技术文件的有效期最长不超过三年; of 企业标准 it sets none
    other = laws_assistant.ask("上海市标准化条例规定，企业标准的有效期最长是几年？")
    assert other.abstained and "没有规定具体的期限" in other.reason
    same = laws_assistant.ask("上海市标准化条例规定，地方标准化指导性技术文件的有效期最长是几年？")
    assert not same.abstained and "不超过三年" in same.answer


def test_a_fine_for_an_act_the_law_does_not_punish_is_not_taken_from_another_article(laws_assistant):
    # 上海市计量监督管理条例 says nothing of 商业秘密; its fines are for other acts
    other = laws_assistant.ask("在上海，计量检定人员泄露客户的商业秘密，按上海市计量监督管理条例罚多少钱？")
    assert other.abstained and "没有规定具体的金额" in other.reason
    punished = laws_assistant.ask("在上海，用没检定过的秤做生意会罚多少钱？")
    assert not punished.abstained and "罚款" in punished.answer
