"""A table of contents (前言........ 1; 加强计量监管 .- 18 -) answers what a page holds only there:
each entry is quoted without its leader and page number, and a list question gets the entries
one level below the one asked; an entry the question names itself, with nothing under it, is declined. Development documents of eval/corpora/policies only: 洞头's page
holds a cover notice and the contents, one entry a line; 湖北's holds the contents run together."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant

POLICIES = Path(__file__).resolve().parents[3] / "eval" / "corpora" / "policies"

DONGTOU = "洞头-2021-质量强区十四五发展规划"
HUBEI = "湖北-2016-质量技术监督事业发展十三五规划"


@pytest.fixture(scope="module")
def policies(policy_pages) -> Assistant:
    return policy_pages(DONGTOU, HUBEI, "吉林-2012-质量强省战略意见")


def _items(answer) -> list[str]:
    return [line[2:].rsplit(" [", 1)[0] for line in answer.answer.splitlines() if line.startswith("- ")]


def _quotes_exact(answer):
    for c in answer.citations:
        text = (POLICIES / f"{c.doc_id}.txt").read_text(encoding="utf-8")
        assert text[c.start:c.end] == c.quote


def test_a_chapters_entries_are_listed_from_the_contents_without_leaders(policies):
    answer = policies.ask("洞头规划的主要任务有哪几项?")
    assert not answer.abstained
    assert _items(answer) == ["一、推动“洞头制造”迈向高端", "二、凸显“洞头服务”区域特色", "三、构筑“洞头工程”卓越品质",
                              "四、打造“洞头环境”最美典范", "五、完善“洞头质量”支撑体系"]
    assert "..." not in answer.answer and answer.answer.startswith("第三章 主要任务")
    _quotes_exact(answer)


def test_run_together_contents_are_read_entry_by_entry(policies):
    """湖北's contents stand on three lines, page numbers as .- 31 -, a page's roman number glued
    to an entry (II5.加强检验检测认证市场监管)."""
    answer = policies.ask("湖北十三五规划的保障措施有哪些?")
    assert _items(answer) == ["(一)加强党的建设", "(二)加强法治建设", "(三)加强人才队伍建设", "(四)加强质量文化建设",
                              "(五)加强信息化建设"]
    _quotes_exact(answer)
    answer = policies.ask("湖北质监十三五规划里“着力加强质量安全监管”包括哪几项?")
    assert "5.加强检验检测认证市场监管" in _items(answer)
    assert len(_items(answer)) == 8 and ".-" not in answer.answer


def test_an_entry_the_question_names_answers_though_the_cover_line_scores_as_well(policies):
    """湖北's cover line, run together with the contents' start, scores as well as the entry named."""
    answer = policies.ask("在湖北质监十三五规划中，“夯实质量技术基础”部分都有哪些内容?")
    assert _items(answer)[:2] == ["1.强化计量基础", "2.发挥标准技术支撑作用"], answer.answer


def test_an_entry_the_question_names_with_nothing_under_it_is_declined(policies):
    """洞头's page holds the contents only: 三、发展趋势 is an entry, and what it says is not there."""
    answer = policies.ask("洞头规划第一章里“发展趋势”这一节具体有哪些内容?")
    assert answer.abstained and "发展趋势" in answer.reason and "没有正文" in answer.reason, answer.answer
    _quotes_exact(answer)
