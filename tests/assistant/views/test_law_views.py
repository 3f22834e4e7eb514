"""The views and the quiz over laws: a statute's obligations by actor, national law under any
region filter (marked 全国), quiz distractors of the key's own kind of document."""
from __future__ import annotations

from assistant.quiz.generate import generate_quiz
from assistant.views.domain import obligations


def test_obligations_of_a_business_from_statutes_with_national_law_under_a_region(laws_assistant):
    snap = laws_assistant.index.snapshot()
    rows = obligations(snap, "经营者", regions=("上海",))
    scopes = {r.scope for r in rows}
    assert scopes == {"上海", "全国"}  # 上海's regulations and the national laws that bind Shanghai too
    assert all("经营者" in r.actor_types for r in rows)
    price = [r for r in rows if r.source.doc_id == "价格法-1997-12-29"]
    assert price and all(r.scope == "全国" for r in price)
    assert any(r.modality == "禁止/不得" for r in price) and any(r.modality == "必须/应当" for r in price)
    shandong = {r.source.doc_id for r in obligations(snap, "企业", regions=("山东",))}
    assert "山东省计量条例-2020-07-24" in shandong and "上海市计量监督管理条例-2018-11-22" not in shandong


def test_quiz_distractors_for_a_national_law_are_not_provincial_departments(laws_assistant):
    snap = laws_assistant.index.snapshot()
    quiz = generate_quiz(snap, n=60, types=("mcq",), seed=1)
    national = {d for d, r in snap.docs.items() if r.meta.level == "national"}
    items = [i for i in quiz.items if i.kind == "department" and i.citation.doc_id in national]
    assert items
    provincial_names = ("市标准化行政主管部门", "市计量行政部门", "省人民政府", "本市")
    for item in items:
        wrong = [o for o in item.options if o != item.answer]
        assert not any(any(p in o for p in provincial_names) for o in wrong), (item.question, item.options)
