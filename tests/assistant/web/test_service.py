"""What the web app does, below its widgets (issue 6): uploads that cannot escape their folder
and fail per file, escaped document text, the source panel's highlighted quote, the
conversation export, view tables with downloads, quiz files."""
from __future__ import annotations

import csv
import io
from html import unescape

import pytest

from assistant.config import Settings
from assistant.web.render import answer_html, source_html
from assistant.web.service import WebService
from assistant.web.uploads import safe_name, stage

pytestmark = pytest.mark.slow  # the web service over its own index


@pytest.fixture(scope="module")
def service(corpus_index, tmp_path_factory):
    return WebService(corpus_index.settings, downloads=tmp_path_factory.mktemp("downloads"))


@pytest.fixture()
def fresh(tmp_path, corpus_dir):
    svc = WebService(Settings(home=tmp_path / "index"), downloads=tmp_path / "dl")
    svc.downloads.mkdir()
    return svc


@pytest.mark.parametrize(
    "given, wanted",
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\evil.PDF", "evil.pdf"),
        ("/abs/path/通知.docx", "通知.docx"),
        ("..", "upload"),
        (".bashrc.md", "bashrc.md"),
        ("a\x00b;rm -rf.txt", "ab_rm -rf.txt"),
    ],
)
def test_uploaded_names_stay_inside_the_upload_folder(given, wanted, tmp_path):
    assert safe_name(given) == wanted
    src = tmp_path / "src.txt"
    src.write_text("x", encoding="utf-8")
    staged, rejected = stage([(given, src)], tmp_path / "uploads")
    for s in staged:
        assert s.path.parent == (tmp_path / "uploads").resolve()
    assert len(staged) + len(rejected) == 1


def test_upload_ingests_good_files_and_names_each_bad_one(fresh, fixtures_dir):
    files = [(n, fixtures_dir / n) for n in ("statute.txt", "binary.txt", "notes.xyz", "empty.txt")]
    seen = []
    out = fresh.upload(files, progress=lambda i, n, name: seen.append(name))
    assert out.added == ["statute"]
    assert len(out.errors) == 3
    by_file = {e.split(":")[0]: e for e in out.errors}
    assert set(by_file) == {"binary.txt", "notes.xyz", "empty.txt"}
    assert "不支持的文件类型" in by_file["notes.xyz"] and "空" in by_file["empty.txt"]
    assert "编码" in by_file["binary.txt"]  # in Chinese, as the 文件 tab shows it
    assert seen == ["statute.txt", "binary.txt"]  # progress names the files as the user knows them
    table = fresh.documents()
    assert [r[0] for r in table.rows] == ["statute"]
    assert table.rows[0][1] == "河北省产品质量监督条例"
    # the rejected and failed files were not kept
    assert sorted(p.name for p in (fresh.settings.home / "uploads").iterdir()) == ["statute.txt"]


def test_a_failed_replacement_keeps_the_earlier_upload(fresh, fixtures_dir, tmp_path):
    fresh.upload([("notice.txt", fixtures_dir / "gbk.txt")])
    before = fresh.documents().rows
    broken = tmp_path / "broken.txt"
    broken.write_bytes((fixtures_dir / "binary.txt").read_bytes())
    out = fresh.upload([("notice.txt", broken)])
    assert out.added == [] and out.errors[0].startswith("notice.txt:")
    assert fresh.documents().rows == before
    kept = fresh.settings.home / "uploads" / "notice.txt"
    assert kept.read_bytes() == (fixtures_dir / "gbk.txt").read_bytes()
    assert fresh.remove("notice").startswith("已删除 notice")
    assert fresh.documents().rows == []


def test_document_text_is_escaped_and_the_quote_is_marked(fresh, fixtures_dir):
    fresh.upload([("script-notice.txt", fixtures_dir / "script-notice.txt")])
    ans = fresh.ask("发现问题的,多久内报告市局?")
    assert not ans.abstained and ans.citations
    c = ans.citations[0]
    html = source_html(fresh.snapshot(), c)
    original = fresh.snapshot().text(c.doc_id)
    assert original[c.start : c.end] == c.quote
    assert "<script>" not in html and '<script>alert("zhiqa")</script>' in unescape(html)
    marked = html.split('<mark class="zhiqa-quote">', 1)[1].split("</mark>", 1)[0]
    assert unescape(marked.replace("<br>", "\n")) == c.quote
    assert "某市监〔2026〕9号" in html and "某市市场监督管理局" in html
    assert "<script>" not in answer_html(ans)


def test_abstention_is_marked_apart_from_an_answer(service):
    no = service.ask("上海市2030年食品安全目标是什么?")
    yes = service.ask("甘肃省质量发展行动计划中,谁牵头开展群众性质量活动?")
    assert no.abstained and 'class="zhiqa-abstain"' in answer_html(no)
    assert not yes.abstained and 'class="zhiqa-answer"' in answer_html(yes)
    assert 'class="zhiqa-cites"' in answer_html(yes)


def test_the_export_quotes_every_citation_verbatim(service):
    from assistant.assistant import Turn

    turns = []
    for q in ("甘肃省质量发展行动计划中,谁牵头开展群众性质量活动?", "配合单位有哪些?"):
        turns.append(Turn(q, service.ask(q, history=list(turns))))
    md = service.export(turns).read_text(encoding="utf-8")
    assert md.count("## 问题") == 2 and "理解为" in md
    snap = service.snapshot()
    for t in turns:
        for c in t.answer.citations:
            assert snap.text(c.doc_id)[c.start : c.end] == c.quote
            assert c.quote.split("\n")[0] in md


def test_view_tables_filter_and_download(service):
    table = service.view("duties", dept="省质监局")
    assert table.rows and all(r[2] == "省质量技术监督局" for r in table.rows)
    assert table.headers[:4] == ["任务", "职责", "单位", "原文写法"]
    rows = list(csv.DictReader(io.StringIO(table.csv_path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(table.rows) and rows[0]["unit"] == "省质量技术监督局"
    assert table.markdown_path.read_text(encoding="utf-8").startswith("| 任务 | 职责 | 单位 |")
    every = service.view("duties")
    assert len(every.rows) > len(table.rows)
    for_api = service.view("duties", dept="省质监局", downloads=False)  # the API's rows, no files written
    assert for_api.records == table.records and for_api.csv_path is None and for_api.markdown_path is None
    with pytest.raises(ValueError):
        service.view("duties", doc_ids=("no-such-doc",))


def test_quiz_files_for_students_and_teachers(service):
    out = service.quiz(n=6, types=("mcq", "tf"), seed=3)
    student = out.student.read_text(encoding="utf-8")
    teacher = out.teacher.read_text(encoding="utf-8")
    assert "答案" not in student and teacher.count("答案") == 6
    assert out.student_docx.stat().st_size > 0 and out.preview == teacher
    assert service.quiz(n=6, types=("mcq", "tf"), seed=3).preview == teacher  # same seed, same quiz


def test_choices_come_from_the_corpus(service):
    ch = service.choices()
    assert "湖南" in ch.regions and "甘肃" in ch.regions
    assert ("国家级", "national") in ch.levels
    assert len(ch.documents) == 5 and "2013" in ch.years
