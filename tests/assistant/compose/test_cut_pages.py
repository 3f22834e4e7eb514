"""A policy page that stops mid-sentence (…深入实施创新驱动发): asked what follows the part the
cut runs through, the answer says where the text stops instead of quoting the last words before
it; what the text does say before the cut is still answered. Development pages of
eval/corpora/policies, as their sites publish them."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pages(policy_pages):
    return policy_pages("甘肃-2018-质量提升行动实施方案", "洞头-2021-质量强区十四五发展规划", "吉林-2018-质量提升行动实施意见",
                        "福建-2014-质量工作考核办法", "国务院-2021-计量发展规划",
                        "德州-2021-好品山东质量强市和品牌战略实施意见")


def test_what_follows_a_part_the_page_is_cut_in_is_declined(pages):
    answer = pages.ask("甘肃方案的基本原则里,“坚持以改革创新为根本途径”之后还有哪些原则?")
    assert answer.abstained and "处中断" in answer.reason and "深入实施创新驱动发" in answer.reason
    assert "坚持以改革创新为根本途径" in answer.citations[0].quote  # where the text stops


def test_a_heading_with_only_the_cut_under_it_is_declined(pages):
    answer = pages.ask("洞头规划的第四章工作保障,除了加强组织领导还有哪些措施?")
    assert answer.abstained and "一、加强组" in answer.reason


def test_a_part_the_cut_runs_through_is_declined_though_another_part_answers_its_kind(pages):
    """德州's page stops under (二)大力实施标准化战略 after 充分发挥: the targets of the part before
    (到2025年,新增省长质量奖…) are not the standardisation part's."""
    answer = pages.ask("德州那份意见，标准化战略具体要达到哪些目标?")
    assert answer.abstained and "充分发挥" in answer.reason
    assert "大力实施标准化战略" in answer.citations[0].quote


def test_what_the_page_says_before_the_cut_is_answered(pages):
    """吉林's page stops at …地理標志產品,形成以品; the products it names before the cut answer."""
    answer = pages.ask("吉林省實施品牌發展戰略,要大力發展哪些產品?")
    assert not answer.abstained, answer.reason
    assert "大力發展吉林省名牌產品" in answer.citations[0].quote


def test_an_attachment_the_page_points_to_but_lacks_is_declined(pages):
    """福建's page says 考核要点详见附件 and stops before any attachment."""
    answer = pages.ask("福建考核办法的附件列了哪些考核要点?")
    assert answer.abstained and "附件不在文件中" in answer.reason
    assert "详见附件" in answer.citations[0].quote


def test_an_attachment_the_copy_holds_is_read(tmp_path):
    """The same page with an attachment after it (a copy made for this test: the heading 附件 and
    a line under it) is answered from that attachment, not declined."""
    from assistant import Assistant, Settings
    from assistant.index.index import Index
    from assistant.index.update import ingest_paths

    from tests.assistant.conftest import POLICIES

    page = (POLICIES / "福建-2014-质量工作考核办法.txt").read_text(encoding="utf-8")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "福建-2014-质量工作考核办法.txt").write_text(
        page.rstrip() + "\n\n附件\n\n考核要点\n\n一、质量安全情况。包括产品质量、工程质量、服务质量安全状况。\n", encoding="utf-8")
    settings = Settings(home=tmp_path / "idx")
    assert ingest_paths(Index(settings), [folder]).count("added") == 1
    answer = Assistant(settings).ask("福建考核办法的附件列了哪些考核要点?")
    assert "附件不在文件中" not in answer.reason


def test_a_yearly_target_claimed_for_another_year_is_corrected(policy_pages):
    """贵州: 2015—2017年,…食品监督抽查合格率逐年达到91%、92%、93%: 93% is 2017's, 2015's is 91%
    (and the industrial series beside it, 89%、90%、91%, is another indicator's)."""
    pages = policy_pages("贵州-2015-质量发展三年行动计划", "福建-2014-质量工作考核办法")
    wrong = pages.ask("贵州要求2015年食品监督抽查合格率就达到93%,对吗?")
    assert wrong.answer.startswith("不对") and "2015年为91%" in wrong.reason
    assert "逐年达到91%、92%、93%" in wrong.citations[0].quote
    right = pages.ask("贵州要求2017年食品监督抽查合格率达到93%,对吗?")
    assert right.answer.startswith("是")
