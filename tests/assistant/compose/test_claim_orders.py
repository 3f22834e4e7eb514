"""Claims a provision belies in ways other than a modal or a figure: two steps put in the wrong
order (先交付使用，再强制检定 against …强制检定合格后，方可交付使用), one word of a closed pair
(花钱购买 against 免费公开), a need-not in everyday words (不一定要委托 against 应当委托), a
multiple against a percentage of the same base (两倍 against 15%至20%), a body said with 来
(由消费者协会来主持 against 由政府价格主管部门主持), an act denied that the provision says
happens (不会重新计算 against …之日起重新计算) or one it forbids said to happen (会提前通知 against 不得事先告知), one party alone against two together (只需要转让人…提出申请
against 转让人和受让人…共同…提出申请), an act barred in every case that the provision allows in one (不管…都不能更改 against …需要更改的，应当…更改),
a value a thing is taken as (以交付的那天为准 against …签署齐备的日期为
工程竣工时间); and the asker's own case told before the
document is named (我们两家企业…, 按…条例，…): its figures are no premise, its words no provision
need hold, and its 几件 asks no count. Development documents of eval/corpora/laws."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("上海市计量监督管理条例(2018-11-22).md", "上海市标准化条例(2019-07-25).md",
                    "广东省建设工程质量管理条例(2021-09-29).md", "北京市建设工程质量条例.md",
                    "河南省实施《农产品质量安全法》办法(2013-05-30).md", "商标法(2019-04-23).md",
                    "工业产品质量责任条例(1986-04-05).pdf", "价格法(1997-12-29).pdf", "山东省计量条例(2020-07-24).docx",
                    "药品管理法(2019-08-26).md", "食品生产经营监督检查管理办法(2021-12-24).html",
                    "浙江省检验机构管理条例(2021-07-30).md")


@pytest.mark.parametrize("question, provision", [
    # 先A，再B against A…合格后，方可B (the other way round)
    ("上海市计量监督管理条例规定，修理过的计量计费工作计量器具可以先交付使用，之后再去做强制检定，对吗？",
     "强制检定合格后，方可交付使用"),
    ("河南实施农产品质量安全法办法规定，农产品质量安全检测机构可以先从事检测工作，以后再补做计量认证和考核，是吧？",
     "经计量认证和考核合格后，方可从事"),
    # A合格以后再B against B合格后，方可A (the article's other sentence: 在A前…B)
    ("广东省建设工程质量管理条例规定，住宅建设工程竣工验收合格以后再进行质量分户验收，是吗？", "分户验收合格后，方可进行工程竣工验收"),
    # 先A，再B against A合格的，B in the article's next sentence; 竣工验收 is not its 竣工预验收
    ("按北京市建设工程质量条例，单位工程自检合格后，先由建设单位组织单位工程质量竣工验收，再由监理单位组织竣工预验收，对吗？",
     "竣工预验收合格的，建设单位应当组织"),
    # 经A仍无效者，B: the sanction comes after
    ("工业产品质量责任条例规定，产品质量达不到国家标准的企业，主管机关要先令其停产或转产，然后再令其限期整顿，对吗？", "经整顿仍无效者"),
    # paid against free
    ("按上海市标准化条例，想看地方标准的文本得交钱购买，对吧？", "免费公开地方标准文本"),
    # 不一定要 (need not) against 应当
    ("商标法规定，外国企业在中国申请商标注册不一定要委托商标代理机构，对吗？", "应当委托依法设立的商标代理机构办理"),
    # the asker's 两家 is their own case; the claim's 必须 is against 可以
    ("我们是两家上海的公司，按上海市计量监督管理条例，企业之间生产资料交易需要计量的，必须委托计量鉴证机构，是吗？",
     "可以委托计量鉴证机构进行计量"),
    # a multiple against a percentage
    ("按工业产品质量责任条例，经销没有产品检验合格证的产品，工商部门会处以非法收入两倍的罚款，对吗？", "15%至20%的罚款"),
    # 由…来主持, after the asker's case
    ("我们要开一个价格听证会，按价格法，这个会由消费者协会来主持，是吗？", "由政府价格主管部门主持"),
    # paid against free, after a case with 几件 in it
    ("我们厂被抽了几件样品去检验，按山东省计量条例，样品的钱检查者得付给我们，对吧？", "由被检查者无偿提供"),
    # an act the claim denies (不会重新计算) that the provision says happens
    ("我家的房子去年漏水修过一次，按北京市建设工程质量条例，维修过的部位保修期限不会重新计算，对吗？",
     "经维修的部位保修期限自所有权人和相关单位验收合格之日起重新计算"),
    # an act the claim says will happen (会提前通知) that the provision forbids (不得事先告知)
    ("按食品生产经营监督检查管理办法，飞行检查之前，检查人员会提前通知被检查单位检查的内容，是吗？", "不得事先告知被检查单位"),
    # what a thing is taken to be (以…为准) against the value the provision fixes (…的日期为工程竣工时间)
    ("按北京市建设工程质量条例，工程竣工时间以房屋交付给业主的那天为准，对吗？", "各方意见签署齐备的日期为工程竣工时间"),
    # barred in every case (不管…都不能更改) against a case the provision allows (…需要更改的，应当…更改); traditional script
    ("按浙江省检验机构管理条例，检验报告签署以后，不管发现什么差错都不能更改，对吧？", "需要更改的，應當按照規定的程式和技術方法更改"),
    # one party alone (只需要转让人一方) against two together (转让人和受让人…共同…提出申请)
    ("商标法规定，注册商标转让的话，只需要转让人自己向商标局提出申请就行，对吗？", "转让人和受让人应当签订转让协议"),
    # words no document has (存药) told in the case
    ("我开了家物流仓库，帮客户存药发药，后来发现是假药。按药品管理法，就算我们应当知道是假药，最多也就罚违法收入的三倍，对吧？",
     "并处违法收入一倍以上五倍以下的罚款"),
    # the case's words (农场, 去年, 拿到, 包装) no passage holds do not decline the claim told after it
    ("我们家是开农场的，去年没拿到认证就在包装上印了有机农产品标志，按河南实施农产品质量安全法办法，最多罚一千元，对吧？",
     "并处二千元以上二万元以下的罚款"),
])
def test_a_claim_the_provision_belies_is_corrected_with_it(laws, question, provision):
    _verdict(laws, question, "不对", provision)


@pytest.mark.parametrize("question, provision", [
    ("按河南实施农产品质量安全法办法，检测机构要先经计量认证和考核合格，再从事农产品质量安全检测工作，是吗？",
     "经计量认证和考核合格后，方可从事农产品质量安全检测工作"),
    ("北京市建设工程质量条例规定，轨道交通工程要先完成不载客试运行，然后再组织工程竣工验收，是吗？",
     "完成不载客试运行后，方可组织工程竣工验收"),
    ("按北京市建设工程质量条例，单位工程自检合格后，要先由监理单位组织竣工预验收，再由建设单位组织单位工程质量竣工验收，对吗？",
     "竣工预验收合格的，建设单位应当组织"),
])
def test_steps_in_the_order_the_provision_sets_are_confirmed(laws, question, provision):
    _verdict(laws, question, "是", provision)


def _verdict(laws, question: str, verdict: str, provision: str) -> None:
    """The answer opens with the verdict and quotes the provision deciding it."""
    answer = laws.ask(question)
    assert answer.answer.startswith(verdict), answer.answer
    assert any(provision in c.quote for c in answer.citations), answer.answer


def test_the_value_the_provision_fixes_is_not_corrected(laws):
    """…的日期为准 claims a value; it asks no document's date."""
    answer = laws.ask("按北京市建设工程质量条例，工程竣工时间以工程竣工验收记录中各方意见签署齐备的日期为准，是吗？")
    assert not answer.answer.startswith("不对") and "成文日期" not in answer.answer, answer.answer


def test_an_act_the_claim_denies_as_the_provision_does_is_not_corrected(laws):
    answer = laws.ask("按北京市建设工程质量条例，施工单位停工整改完成前，监理单位不会签认工程款支付申请，对吗？")
    assert not answer.answer.startswith("不对"), answer.answer


def test_an_act_the_provision_also_denies_is_not_corrected(laws):
    answer = laws.ask("按北京市建设工程质量条例，已经投保工程质量潜在缺陷责任保险且符合保修范围和期限的，就不再办理保修担保了，对吧？")
    assert not answer.answer.startswith("不对"), answer.answer
    assert any("可以不再办理保修担保" in c.quote for c in answer.citations)


def test_a_claim_is_not_confirmed_by_a_derived_word_or_words_out_of_order(laws):
    """区人民政府 may make 地方标准化指导性技术文件 (参照地方标准制定程序), not 地方标准."""
    answer = laws.ask("按上海市标准化条例，区人民政府可以制定地方标准，对吗？")
    assert not answer.answer.startswith("是"), answer.answer


def test_a_free_text_is_not_corrected_as_paid(laws):
    answer = laws.ask("上海市标准化条例规定，地方标准文本是免费向社会公开的，对吗？")
    assert not answer.answer.startswith("不对"), answer.answer
    assert "免费公开地方标准文本" in answer.citations[0].quote
