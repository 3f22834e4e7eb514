"""Time requirements against a gold list written by reading every corpus document and the
statute fixture: dates, years, periods, recurrences and time limits, with what they bound."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from eval.gold_records import FLOORS, TIME_REQUIREMENTS as GOLD
from ingest.extract import extract_time_requirements
from ingest.extract.timex import number_value
from ingest.normalize import normalize

# gold entries the extractor does not find (a fixed one fails the per-document test until it
# is taken off this list)
KNOWN_MISSES = {
    "corpus/gansu-2015-quality-development-action-plan.txt": [("三年", "duration", "during", {"years": 3})],
}
P_FLOOR, R_FLOOR = FLOORS["TIME_REQUIREMENTS"]
_VALUE_FIELDS = ("year", "year_end", "month", "day", "days", "working_days", "months", "years", "every")


def _key(expression: str, kind: str, relation: str, values: dict) -> tuple:
    return expression, kind, relation, tuple(sorted(values.items()))


def _found_key(t) -> tuple:
    values = {f: getattr(t, f) for f in _VALUE_FIELDS if getattr(t, f) is not None}
    return _key(t.expression, t.kind, t.relation, values)


@pytest.fixture(scope="module")
def extracted(docs):
    out = {}
    for relpath in GOLD:
        doc = docs(relpath)
        out[relpath] = (doc, extract_time_requirements(doc.text, doc.sections))
    return out


@pytest.mark.parametrize("relpath", sorted(GOLD))
def test_each_document_matches_its_gold_list(extracted, relpath):
    _doc, found = extracted[relpath]
    gold = Counter(_key(*g) for g in GOLD[relpath]) - Counter(_key(*g) for g in KNOWN_MISSES.get(relpath, []))
    got = Counter(_found_key(t) for t in found)
    assert got == gold, f"missing {gold - got}, extra {got - gold}"


def test_time_requirement_precision_and_recall(extracted):
    gold = Counter(_key(*g) for relpath in GOLD for g in GOLD[relpath])
    got = Counter(_found_key(t) for relpath in GOLD for t in extracted[relpath][1])
    hit = sum((gold & got).values())
    p, r = hit / max(sum(got.values()), 1), hit / max(sum(gold.values()), 1)
    print(f"\ntime requirements, gold lists of 6 documents: P={p:.3f} R={r:.3f} over {sum(gold.values())} expressions")
    assert p >= P_FLOOR and r >= R_FLOOR


@pytest.mark.parametrize("relpath", sorted(GOLD))
def test_spans_quote_the_original(extracted, relpath):
    doc, found = extracted[relpath]
    from ingest.extract.spans import simplify

    for t in found:
        assert simplify(doc.text[t.start : t.end]) == t.expression


def _statute(extracted, expression):
    (t,) = [t for t in extracted["tests/fixtures/statute.txt"][1] if t.expression == expression]
    return t


def test_trigger_actor_and_action_of_a_time_limit(extracted):
    t = _statute(extracted, "自收到检验结果之日起十五日内")
    assert (t.trigger, t.actor) == ("收到检验结果", "生产者、销售者")
    assert t.action == "向实施监督抽查的部门或者其上级部门申请复检"
    assert t.section_path.endswith("第十条")


def test_working_days_are_not_calendar_days(extracted):
    t = _statute(extracted, "自发现之日起5个工作日内")
    assert (t.working_days, t.days, t.trigger, t.actor) == (5, None, "发现", "生产者")
    assert t.action == "向所在地县级以上人民政府市场监督管理部门报告"


def test_a_limit_before_an_event(extracted):
    t = _statute(extracted, "有效期届满前一个月")
    assert (t.months, t.trigger, t.actor, t.action) == (1, "有效期届满", "检验机构", "向原发证部门提出申请")


def test_an_extension_keeps_the_actor_of_its_sentence(extracted):
    """第十三条: 市场监督管理部门…应当在三十日内作出处理决定;情况复杂的,…可以延长三十日."""
    assert _statute(extracted, "三十日内").action == "作出处理决定"
    t = _statute(extracted, "延长三十日")
    assert (t.actor, t.action) == ("市场监督管理部门", "可以延长三十日")


def test_effective_date(extracted):
    t = _statute(extracted, "自2019年1月1日起")
    assert (t.year, t.month, t.day, t.action) == (2019, 1, 1, "施行")


def test_traditional_script_gansu_recurrence_and_plan(extracted):
    doc, found = extracted["corpus/gansu-2015-quality-development-action-plan.txt"]
    (every,) = [t for t in found if t.kind == "recurring"]
    assert doc.text[every.start : every.end] == "每年" and every.action == "安排专项资金"
    (plan,) = [t for t in found if t.kind == "period"]
    assert doc.text[plan.start : plan.end] == "“十三五”" and (plan.year, plan.year_end) == (2016, 2020)
    assert plan.section_path.endswith("(十八)加快質量法治和人才隊伍建設")


def test_cited_titles_are_not_requirements(extracted):
    doc, found = extracted["corpus/gansu-2015-quality-development-action-plan.txt"]
    assert not any("2020" in doc.text[t.start : t.end] for t in found)  # 《質量發展綱要(2012—2020年)》


def test_deadline_year(extracted):
    _doc, found = extracted["corpus/guangxi-13th-five-year-quality-plan.txt"]
    (t,) = [t for t in found if t.kind == "by_year"]
    assert (t.expression, t.year) == ("到2014年底", 2014)
    assert t.action.startswith("14个市、109个县")


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        ("到2020年,合格率达到95%以上。", "by_year", {"year": 2020}),
        ("“十三五”期间完成。", "period", {"year": 2016, "year_end": 2020}),
        ("十一五时期", "period", {"year": 2006, "year_end": 2010}),
        ("每季度报告一次。", "recurring", {"every": "quarter"}),
        ("应当在两个月内办结。", "duration", {"months": 2}),
        ("於收到申請之日起十個工作日內作出決定。", "duration", {"working_days": 10}),
    ],
)
def test_forms(text, kind, values):
    (t,) = extract_time_requirements(text, [])
    assert t.kind == kind
    assert {k: getattr(t, k) for k in values} == values


def test_fifteen_days_is_not_the_tenth_five_year_plan():
    (t,) = extract_time_requirements("自收到之日起十五日内申请。", [])
    assert (t.kind, t.days) == ("duration", 15)


def test_numbers():
    assert (number_value("十五"), number_value("两"), number_value("30"), number_value("三十")) == (15, 2, 30, 30)
    assert number_value("几") is None


def test_an_upper_bound_and_a_term_are_periods():
    # 上海市标准化条例 第二十三条: 复审周期一般不超过三年 / 五年; 浙江省检验机构管理条例 (traditional):
    # 計量認證合格證書的有效期為六年
    laws = Path(__file__).resolve().parents[3] / "eval" / "corpora" / "laws"
    for name, expression, years, relation in (
        ("上海市标准化条例(2019-07-25).md", "不超过三年", 3, "within"),
        ("上海市标准化条例(2019-07-25).md", "不超过五年", 5, "within"),
        ("浙江省检验机构管理条例(2021-07-30).md", "有效期为六年", 6, "for"),
    ):
        text = (laws / name).read_text(encoding="utf-8")
        found = [t for t in extract_time_requirements(text, []) if t.expression == expression]
        assert found, (name, expression)
        assert all((t.kind, t.years, t.relation, t.normal_form) == ("duration", years, relation, f"{years}年") for t in found)
        assert all(normalize(text[t.start:t.end]) == expression for t in found)  # offsets into the original script


@pytest.mark.parametrize(("text", "years"), [("有效期最长为三年。", 3), ("延期不得超过两年。", 2), ("保修期限为五年。", 5)])
def test_bound_forms(text, years):
    (t,) = extract_time_requirements(text, [])
    assert (t.kind, t.years) == ("duration", years)
