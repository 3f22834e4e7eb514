"""Obligations: every modal cue of the statute against a gold list read off the articles, and
hand-picked policy sentences, in both scripts."""
from __future__ import annotations

from collections import Counter

import pytest

from eval.gold_records import P
from eval.gold_records import STATUTE_OBLIGATIONS as STATUTE_GOLD
from ingest.extract import actor_type, extract_obligations

SHAANXI = "shaanxi-2017-comprehensive-quality-supervision.txt"


@pytest.fixture(scope="module")
def statute(docs):
    doc = docs.fixture("statute.txt")
    return doc, extract_obligations(doc.text, doc.sections)


def test_statute_obligations_match_the_gold_list(statute):
    doc, found = statute
    got = [(doc.section_at(o.start).number, o.modality, o.cue, o.actors, o.condition) for o in found]
    gold, have = Counter(STATUTE_GOLD), Counter(got)
    hit = sum((gold & have).values())
    p, r = hit / max(len(got), 1), hit / len(STATUTE_GOLD)
    print(f"\nobligations, statute gold list: P={p:.3f} R={r:.3f} over {len(STATUTE_GOLD)} obligations")
    assert got == STATUTE_GOLD


def test_statute_actions(statute):
    doc, found = statute
    by_action = {o.action: o for o in found}
    o = by_action["立即停止生产,通知销售者停止销售,并自发现之日起5个工作日内向所在地县级以上人民政府市场监督管理部门报告"]
    assert o.actor_types == P and doc.text[o.start : o.end].startswith("生产者发现其生产的产品存在缺陷的")
    eighth = [o.action for o in found if o.section_path.endswith("第八条")]
    assert eighth == ["伪造或者冒用认证标志、名优标志等质量标志", "伪造产品的产地", "伪造或者冒用他人的厂名、厂址"]
    assert "拒绝" in by_action and by_action["拒绝"].modality == "prohibited"
    assert not any("具备的使用性能" in o.action or o.action.startswith("具备的") for o in found)


def test_actor_types(statute):
    _doc, found = statute
    types = {o.actors: o.actor_types for o in found if o.actors}
    assert types[("县级以上人民政府市场监督管理部门",)] == ("监管部门",)
    assert types[("受理检举的部门",)] == ("监管部门",)
    assert types[("检验机构",)] == ("第三方检验检测认证机构",)
    assert types[("县级以上人民政府",)] == ("地方政府",)
    assert (actor_type("生产企业"), actor_type("用户单位"), actor_type("有关职能部门")) == ("生产者", "用户单位", "监管部门")


def test_spans_quote_the_original(statute):
    doc, found = statute
    for o in found:
        assert doc.text[o.start : o.end].replace("，", ",").endswith(o.action)


def _policy(docs, name):
    doc = docs.corpus(name)
    return doc, extract_obligations(doc.text, doc.sections)


def test_third_party_must_report_on_finding_a_hazard(docs):
    doc, found = _policy(docs, SHAANXI)
    (o,) = [o for o in found if o.action == "立即向监管部门报告"]
    assert (o.modality, o.actors, o.actor_types) == ("must", ("各类第三方机构",), ("第三方检验检测认证机构",))
    assert o.condition == "发现不符合法定要求或强制性标准,以及可能存在严重质量安全隐患的情况"
    assert "要立即向監管部門報告" in doc.text[o.start : o.end]


def test_user_units_must_act_on_a_quality_problem(docs):
    _doc, found = _policy(docs, SHAANXI)
    (o,) = [o for o in found if o.actor_types == ("用户单位",) and o.modality == "must"]
    assert (o.cue, o.condition) == ("应", "发现产品质量突出问题")
    assert o.action == "及时采取处置措施,及时向主管部门报告,并配合相关部门调查处理"


def test_encouraged_actors_follow_the_cue(docs):
    _doc, found = _policy(docs, SHAANXI)
    (o,) = [o for o in found if "行业协会" in o.actor_types]
    assert (o.modality, o.actors) == ("encouraged", ("消费者组织", "行业协会", "第三方机构"))
    assert o.action == "开展产品质量比较试验、综合评价、体验式调查"
    _doc, gansu = _policy(docs, "gansu-2015-quality-development-action-plan.txt")
    assert any(o.cue == "鼓励" and o.actors == ("有关行业协会",) and o.action == "开展质量统计分析、发布质量信息"
               for o in gansu)
    assert any(o.cue == "支持和鼓励" and o.actor_types == ("企业",) for o in gansu)


def test_subjects_of_yao(docs):
    _doc, found = _policy(docs, "hunan-2013-product-quality-supervision.txt")
    subjects = {o.actors: o.actor_types for o in found if o.cue == "要" and o.actors}
    assert subjects[("行业协会",)] == ("行业协会",)
    assert subjects[("有关职能部门",)] == ("监管部门",)
    assert subjects[("质监、工商等相关部门",)] == ("监管部门",)
    _doc, gansu = _policy(docs, "gansu-2015-quality-development-action-plan.txt")
    assert any(o.actors == ("各市州政府", "相关部门") and o.actor_types == ("地方政府", "监管部门") for o in gansu)


def test_condition_is_the_nearest_run_of_conditional_clauses(docs):
    _doc, found = _policy(docs, "guangxi-13th-five-year-quality-plan.txt")
    (o,) = [o for o in found if o.action == "责令企业召回并监督销毁"]
    assert o.condition == "必要"


@pytest.mark.parametrize(
    "text",
    [
        "按照国家要求进行。",
        "以及相应的考核办法。",
        "推广应用国内外先进标准。",
        "主要体现在质量意识不够强。",
        "具备产品应当具备的使用性能。",
        "按总局“九个严禁”和“六项严格”要求进一步严明纪律。",
        "依法落实税收优惠、信贷支持政策。",
        "及时回应社会关切。",
    ],
)
def test_not_obligations(text):
    assert extract_obligations(text, []) == []
