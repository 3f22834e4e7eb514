"""A policy named by its kind (…实施意见, …纲要, …规划) and a claim about who issued it or when,
on development documents of eval/corpora/policies: the named document's own fields, 不对 with
the document's value when the claim is wrong, 是 when it holds; a policy the documents only cite
is asked of through them."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from ingest.pipeline import ingest_file

POLICIES = Path(__file__).resolve().parents[3] / "eval" / "corpora" / "policies"

ANHUI_PLAN = "安徽-2013-质量发展纲要"
ANHUI_OPINION = "安徽-2018-质量提升行动实施意见"  # no title, no 文号 on the page
BRAND = "质检总局-2006-加快实施名牌战略的意见"
HUBEI = "湖北-2023-质量强省建设纲要"
FUJIAN = "福建-2014-质量工作考核办法"


@pytest.fixture(scope="module")
def policies(policy_pages) -> Assistant:
    return policy_pages(ANHUI_PLAN, ANHUI_OPINION, BRAND, HUBEI, FUJIAN)


def test_a_policy_named_by_its_kind_is_asked_alone(policies):
    """安徽这份质量提升行动实施意见 names the 意见 (by its file's name: the page has no title); the
    纲要's 文号 is not its answer."""
    answer = policies.ask("安徽这份质量提升行动实施意见的文号是多少?")
    assert answer.abstained
    assert "皖政〔2013〕19号" not in answer.answer


def test_a_number_after_a_dash_in_the_title_line_is_the_documents(policies):
    meta = ingest_file(POLICIES / f"{BRAND}.txt").meta
    assert meta.doc_number == "国质检质〔2006〕282号"
    answer = policies.ask("质检总局加快实施名牌战略的那份意见,文号是多少?")
    assert not answer.abstained and "〔2006〕282號" in answer.answer


def test_a_wrong_date_claim_is_corrected_with_the_documents_date(policies):
    """发布 is expanded with its Taiwan synonym after 对吗: the claim is read as asked."""
    answer = policies.ask("安徽的质量发展纲要是2013年11月21日发布的,对吗?")
    assert answer.answer.startswith("不对") and "2013年11月21日" in answer.answer
    assert any(c.quote == "2013年3月1日" for c in answer.citations)
    # right for the 纲要, which the question names (安徽的质量发展纲要, its title less 省 and its
    # years): confirmed from its signature alone, not weighed against 安徽's other documents
    held = policies.ask("安徽的质量发展纲要是2013年3月1日印发的,对吗?")
    assert held.answer.startswith("是") and [c.quote for c in held.citations] == ["2013年3月1日"], held.answer


@pytest.mark.parametrize("question, verdict", [
    ("这份加快实施名牌战略的意见是国务院办公厅发的,对吗?", "不对"),
    ("湖北质量强省建设纲要是湖北省人民防空工程协会发布的吗?", "不对"),
    ("质检总局加快实施名牌战略的意见是国家质检总局发的吗?", "是"),
])
def test_a_claim_of_who_issued_a_policy_is_checked(policies, question, verdict):
    answer = policies.ask(question)
    assert answer.answer.startswith(verdict), answer.answer
    assert answer.citations


def test_a_policy_the_documents_only_cite_is_asked_of_through_them(policies):
    answer = policies.ask("福建的考核办法里提到的《福建省人民政府关于实施质量强省提升产品质量的意见》是几号文?")
    assert not answer.abstained
    assert "闽政〔2011〕79 号" in answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("福建这个考核办法里，考核工作是省经信委牵头的吧？", "不对:文件没有规定由省经信委牵头"),  # 是X牵头
    ("福建的质量工作考核，牵头的是省统计局吧？", "不对:文件没有规定由省统计局牵头"),  # 牵头的是X
])
def test_a_claim_of_who_leads_a_task_is_corrected_when_the_text_names_another_lead(policies, question, verdict):
    answer = policies.ask(question)
    assert answer.answer.startswith(verdict), answer.answer
    assert "由省质监局牵头" in answer.citations[0].quote


def test_a_claim_naming_the_lead_the_text_names_is_not_corrected(policies):
    answer = policies.ask("福建的质量工作考核是省质监局牵头组织的吧？")
    assert not answer.answer.startswith("不对"), answer.answer


def test_a_policy_named_with_a_demonstrative_before_its_kind_is_asked_alone(policies):
    """安徽质量提升行动的那份实施意见: 那份 between the topic and the kind; the page states no date,
    and the 纲要's date is not its answer."""
    answer = policies.ask("安徽质量提升行动的那份实施意见是几月几号印发的?")
    assert answer.abstained, answer.answer
    assert "没有写明成文日期" in answer.reason
    assert "成文日期:2013" not in answer.answer
