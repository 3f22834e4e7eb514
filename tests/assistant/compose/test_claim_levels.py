"""A claim that puts a body at another level of government than the provision does is corrected
with the level the provision names (县级 for 省级, 省 for 设区的市, 本级 read as the level of the
body named before it); a claim at the provision's own level, or at one a 县级以上 takes in, is
not. Development documents of eval/corpora/laws; questions written for this test."""
from __future__ import annotations

import pytest

from assistant.compose.levels import levels_in
from ingest.normalize import normalize


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("药品管理法(2019-08-26).md", "浙江省特种设备安全管理条例.md", "食品安全法实施条例(2019-10-11).md",
                    "河南省实施《农产品质量安全法》办法(2013-05-30).md", "食品生产经营监督检查管理办法(2021-12-24).html")


@pytest.mark.parametrize("question, said", [
    ("药品管理法规定，第三方平台提供者发现进入平台经营的药品经营企业有违法行为的，应当及时制止并立即报告所在地省级药品监督管理部门，对吗？",
     "县级人民政府药品监督管理部门"),
    ("浙江省特种设备安全管理条例规定，特种设备的生产单位应当依法报经设区的市特种设备安全监督管理部门许可，对吗？",
     "经国务院或者省特种设备安全监督管理部门"),
    ("食品安全法实施条例规定，处以30万元以上罚款的，由县级以上人民政府食品安全监督管理部门决定，对吗？",
     "由设区的市级以上人民政府食品安全监督管理部门"),
    # 本级: the level of the body the claim names before (县级…部门 … 报本级人民政府)
    ("河南实施农产品质量安全法办法规定，县级农产品质量安全监督管理部门会同环保等部门提出禁止生产区，报设区的市人民政府批准后公布实施，对吗？",
     "报本级人民政府"),
])
def test_a_body_put_at_another_level_is_corrected_with_the_provisions_level(laws, question, said):
    answer = laws.ask(question)
    assert answer.answer.startswith(f"不对:文件规定的是“{said}”"), answer.answer
    assert normalize(answer.citations[0].quote).find(said) >= 0 or said in answer.citations[0].quote


@pytest.mark.parametrize("question", [
    "浙江省特种设备安全管理条例规定，特种设备的使用单位应当依法向设区的市特种设备安全监督管理部门办理登记，对吗？",
    "浙江省特种设备安全管理条例规定，特种设备的生产单位应当依法报经省特种设备安全监督管理部门许可，对吗？",  # 国务院或者省
    # one of the levels the provision joins (市级、县级市场监督管理部门)
    "食品生产经营监督检查管理办法所称日常监督检查是由县级市场监督管理部门实施的，对吗？",
    # 县级以上 in the provision takes in the claim's 县级以上
    "食品安全法实施条例规定，网络食品交易第三方平台多次出现入网食品经营者违法经营的，县级以上人民政府食品安全监督管理部门可以对平台提供者的法定代表人进行责任约谈，对吗？",
])
def test_a_body_at_the_provisions_level_is_not_corrected(laws, question):
    answer = laws.ask(question)
    assert not answer.answer.startswith("不对"), answer.answer


def test_levels_are_read_before_a_body_only():
    found = levels_in(normalize("上海市市场监督管理局和省人民政府，依照国家标准，向县级以上地方人民政府报告"))
    assert [(lv.rank, lv.above) for lv in found] == [(2, False), (1, False), (3, True)]  # not 国家标准
    (joined,) = levels_in(normalize("由市级、县级市场监督管理部门实施"))
    assert joined.ranks == {2, 3}


def test_a_citys_district_is_of_a_countys_rank_and_a_region_or_community_is_no_level():
    (district,) = levels_in(normalize("由各区计量行政部门负责"))
    assert district.rank == 3
    assert levels_in(normalize("本地区有关部门和社区居民委员会")) == []
