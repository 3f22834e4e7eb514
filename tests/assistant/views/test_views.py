"""Domain views of the whole corpus (issue 5): the responsibility matrix, time requirements,
targets, obligation checklists and comparisons, from the records stored at ingest; every row
quotes its source exactly; JSON, CSV and Markdown output from the CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest

from assistant.cli import main
from assistant.views.compare import compare
from assistant.views.domain import deadlines, duties, obligations, targets

GANSU = "gansu-2015-quality-development-action-plan"


def _exact(snap, rows):
    for r in rows:
        if r.source is not None:
            assert snap.text(r.source.doc_id)[r.source.start : r.source.end] == r.source.quote


def test_records_are_stored_with_the_index(corpus_index):
    stored = corpus_index.paths.gen(corpus_index.current_generation()) / "records.jsonl"
    lines = [json.loads(x) for x in stored.read_text(encoding="utf-8").splitlines()]
    assert {d["doc_id"] for d in lines} == set(corpus_index.snapshot().docs)
    gansu = next(d for d in lines if d["doc_id"] == GANSU)
    assert len(gansu["responsibilities"]) == 24  # one per task note of the plan


def test_everything_one_department_leads_in_any_script(corpus_index):
    snap = corpus_index.snapshot()
    by_short = duties(snap, dept="省质监局", role="lead")
    by_traditional = duties(snap, dept="省質監局", role="lead")
    by_full = duties(snap, dept="省质量技术监督局", role="lead")
    assert by_short == by_traditional == by_full
    tasks = {r.task for r in by_short}
    assert "推进检验检测机构整合" in tasks and "完善质量发展激励机制" in tasks
    assert "加强工程质量安全监管" not in tasks  # led by 省建设厅 etc.; 省质监局 only cooperates
    assert all(r.role == "牵头" for r in by_short)
    _exact(snap, by_short)


def test_the_matrix_keeps_lead_and_cooperating_units_apart(corpus_index):
    rows = [r for r in duties(corpus_index.snapshot(), doc_ids=(GANSU,)) if r.task == "推进检验检测机构整合"]
    assert {r.unit for r in rows if r.role == "牵头"} == {"省机构编制委员会办公室", "省质量技术监督局"}
    assert "省财政厅" in {r.unit for r in rows if r.role == "配合"}


def test_time_limits_keep_working_days_apart_from_days(corpus_index):
    rows = deadlines(corpus_index.snapshot())
    normal = {r.normalized for r in rows}
    assert "2016-05-24" in normal and "每年" in normal or "定期" in normal
    _exact(corpus_index.snapshot(), rows)


def test_targets_separate_goals_from_reported_figures(corpus_index):
    snap = corpus_index.snapshot()
    goals = targets(snap, status="goal")
    assert any(r.quantity == "100%" and "覆盖率" in r.subject for r in goals)
    assert all(r.status == "goal" for r in goals)
    assert len(targets(snap, status="reported")) > 0
    _exact(snap, goals)


def test_an_enterprise_checklist_by_region_and_topic(corpus_index):
    snap = corpus_index.snapshot()
    rows = obligations(snap, actor="企业", regions=("陕西",))
    assert rows and all(r.source.doc_id.startswith("shaanxi") for r in rows)
    must = [r for r in rows if r.modality == "必须/应当"]
    assert any("报告" in r.action for r in must)  # 用户单位发现产品质量突出问题,应及时…报告
    assert all(r.topic for r in rows)
    regulators = obligations(snap, actor="监管部门")
    assert not {id(r) for r in rows} & {id(r) for r in regulators}
    _exact(snap, rows)


def test_an_unknown_actor_or_document_is_a_clear_error(corpus_index):
    with pytest.raises(ValueError, match="unknown actor"):
        obligations(corpus_index.snapshot(), actor="外星人")
    with pytest.raises(ValueError, match="zhiqa docs"):
        duties(corpus_index.snapshot(), doc_ids=("no-such-doc",))


def test_compare_says_where_a_document_is_silent(assistant):
    rows = compare(assistant.retriever, assistant.index.snapshot(), "首席质量官")
    by_region = {r.region: r for r in rows}
    assert by_region["陕西"].addressed and "首席質量官" in by_region["陕西"].source.quote
    assert by_region["湖南"].addressed
    assert not by_region["全国"].addressed and by_region["全国"].text == "未涉及"
    _exact(assistant.index.snapshot(), rows)


def test_cli_views_in_json_csv_and_markdown(corpus_index, capsys):
    home = str(corpus_index.paths.home)
    assert main(["--index", home, "duties", "--dept", "省质监局", "--role", "lead", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {"task", "role", "unit", "doc_id", "start", "end", "quote"} <= set(rows[0])
    assert main(["--index", home, "targets", "--csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert table and "quantity" in table[0]
    assert main(["--index", home, "obligations", "--actor", "企业"]) == 0
    md = capsys.readouterr().out
    assert md.count("### ") >= 2 and "| 义务 | 主体 | 内容 | 条件 | 适用地区 | 原文 |" in md
    assert main(["--index", home, "compare", "黑名单", "--docs", GANSU, "hunan-2013-product-quality-supervision"]) == 0
    md = capsys.readouterr().out
    assert "| 湖南 |" in md and "| 甘肃 |" in md and "黑名单" in md  # Gansu says 失信企业, a glossary synonym
    assert main(["--index", home, "obligations", "--actor", "外星人"]) == 2
    assert "unknown actor" in capsys.readouterr().err


def test_a_deadline_answer_gives_the_normalised_time_limit_with_its_trigger_and_actor(tmp_path, fixtures_dir):
    from assistant import Assistant, Settings
    from assistant.index.index import Index
    from assistant.index.update import ingest_paths

    index = Index(Settings(home=tmp_path / "zhiqa"))
    ingest_paths(index, [fixtures_dir / "statute.txt"])
    ans = Assistant(index.settings, index).ask("对抽查检验结果有异议的，申请复检的期限是多久？")
    assert not ans.abstained
    line = next(x for x in ans.answer.splitlines() if x.startswith("时间要求"))
    assert "15日" in line and "起算:收到检验结果" in line and "生产者" in line
    assert "[1]" in line and "十五日内" in ans.citations[0].quote


def test_cli_quiz_student_and_teacher_versions(corpus_index, capsys, tmp_path):
    home = str(corpus_index.paths.home)
    assert main(["--index", home, "quiz", "--n", "6", "--seed", "2", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    items = items["items"] if isinstance(items, dict) else items
    assert len(items) == 6 and all(i.get("answer") for i in items)
    assert main(["--index", home, "quiz", "--n", "6", "--seed", "2", "--version", "student"]) == 0
    student = capsys.readouterr().out
    assert "答案" not in student and "学生版" in student
    assert main(["--index", home, "quiz", "--n", "3", "--format", "docx"]) == 2
    assert "--out" in capsys.readouterr().err
    out = tmp_path / "quiz.docx"
    assert main(["--index", home, "quiz", "--n", "3", "--format", "docx", "--out", str(out)]) == 0
    assert out.stat().st_size > 0


def test_a_snapshot_reads_the_stored_records_instead_of_extracting_again(tmp_path, corpus_dir):
    from assistant import Settings
    from assistant.index.index import Index
    from assistant.index.update import ingest_paths

    index = Index(Settings(home=tmp_path / "zhiqa"))
    ingest_paths(index, [corpus_dir / f"{GANSU}.txt"])
    stored = index.paths.gen(index.current_generation()) / "records.jsonl"
    line = json.loads(stored.read_text(encoding="utf-8"))
    line["responsibilities"][0]["task"] = "(stored)"
    stored.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    assert Index(index.settings).snapshot().records(GANSU).responsibilities[0].task == "(stored)"
    line["extractor"] = -1  # another extractor version: extracted again on use
    stored.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    assert Index(index.settings).snapshot().records(GANSU).responsibilities[0].task != "(stored)"
