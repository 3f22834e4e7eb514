"""What the web app does, without Gradio: one method per action of the UI (and of its API),
each returning a typed result. The Gradio layer (assistant.web.app) only wires these to widgets."""
from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from assistant.answer import Answer, Citation
from assistant.assistant import Assistant, Filters, Turn
from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.index.snapshot import Snapshot
from assistant.index.update import ingest_paths, remove_document
from assistant.llm.compose import LlmComposer
from assistant.quiz import render as quiz_render
from assistant.quiz.generate import generate_quiz
from assistant.views import domain, tables
from assistant.views.compare import compare
from assistant.web import render
from assistant.web.reasons import chinese_reason
from assistant.web.uploads import UPLOADS_FOLDER, stage

VIEWS = ("duties", "deadlines", "targets", "obligations", "compare")


@dataclass(frozen=True)
class Choices:
    """What the filters offer: the corpus's own regions, levels, documents and years."""

    regions: list[str]
    levels: list[tuple[str, str]]  # (label, value)
    documents: list[tuple[str, str]]  # (label, doc_id)
    years: list[str]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    csv_path: Path | None
    markdown_path: Path | None
    summary: str
    records: list[dict] = field(default_factory=list)  # the rows as flat dicts (tables.flatten), for the API


@dataclass(frozen=True)
class UploadOutcome:
    added: list[str]  # doc ids that went in (added or updated)
    unchanged: list[str]
    errors: list[str]  # one plain message per file that did not go in
    summary: str


@dataclass(frozen=True)
class QuizOutcome:
    preview: str  # the teacher version, Markdown (as in the teacher file)
    preview_html: str  # the same, as HTML with every document text escaped: what the preview shows
    student: Path
    teacher: Path
    student_docx: Path
    teacher_docx: Path
    summary: str


@dataclass
class WebService:
    settings: Settings
    llm: LlmComposer | None = None
    downloads: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="zhiqa-downloads-")))

    def __post_init__(self) -> None:
        self.assistant = Assistant(self.settings, llm=self.llm)
        self.index = self.assistant.index
        self.warm_in_background()

    def warm_in_background(self) -> None:
        """Load the index and its caches in a thread, so the first questions are answered warm."""
        if self.has_index():
            threading.Thread(target=self.assistant.warm, name="zhiqa-warm", daemon=True).start()

    def snapshot(self) -> Snapshot:
        return self.index.snapshot()

    def has_index(self) -> bool:
        return self.index.exists()

    # ------------------------------------------------------------------ chat
    def choices(self) -> Choices:
        if not self.has_index():
            return Choices(regions=[], levels=[], documents=[], years=[])
        docs = self.snapshot().docs.values()
        levels = sorted({r.meta.level for r in docs if r.meta.level})
        return Choices(
            regions=sorted({r.meta.region for r in docs if r.meta.region}),
            levels=[(render.LEVELS.get(lv, lv), lv) for lv in levels],
            documents=[(f"{r.meta.title or r.doc_id}({r.doc_id})", r.doc_id) for r in sorted(docs, key=lambda r: r.doc_id)],
            years=[str(y) for y in sorted({r.meta.year for r in docs if r.meta.year}, reverse=True)],
        )

    @staticmethod
    def filters(regions=(), levels=(), doc_ids=(), years=()) -> Filters:
        return Filters(regions=tuple(regions or ()), doc_ids=tuple(doc_ids or ()), levels=tuple(levels or ()),
                       years=tuple(int(y) for y in years or ()))

    def ask(self, question: str, history: list[Turn] | None = None, filters: Filters | None = None,
            on_token: Callable[[str], None] | None = None) -> Answer:
        if not question.strip():
            raise ConfigError("请输入问题")
        return self.assistant.ask(question.strip(), history=history, filters=filters, on_token=on_token)

    def source_html(self, citation: Citation) -> str:
        return render.source_html(self.snapshot(), citation)

    def export(self, turns: list[Turn]) -> Path:
        """The conversation as a Markdown file to download."""
        path = self._download_path("对话记录", "md")
        path.write_text(render.conversation_markdown(turns), encoding="utf-8")
        return path

    # ------------------------------------------------------------- documents
    def documents(self) -> Table:
        headers = ["doc_id", "标题", "发文机关", "日期", "文号", "层级", "地区", "字体", "分块", "来源"]
        if not self.has_index():
            return Table(headers=headers, rows=[], csv_path=None, markdown_path=None, summary="索引为空:请上传文件。")
        rows = []
        for rec in sorted(self.snapshot().docs.values(), key=lambda r: r.doc_id):
            m = rec.meta
            rows.append([m.doc_id, m.title or "", m.issuer or "", m.date or (str(m.year) if m.year else ""), m.doc_number or "",
                         render.LEVELS.get(m.level or "", m.level or ""), m.region or "", m.script, str(rec.chunk_count),
                         Path(m.source).name])
        return Table(headers=headers, rows=rows, csv_path=None, markdown_path=None, summary=f"共 {len(rows)} 份文件")

    def upload(self, files: list[tuple[str, Path]], progress: Callable[[int, int, str], None] | None = None) -> UploadOutcome:
        """Stage uploads under <index>/uploads/ and ingest them; a file that fails is reported by
        its own name and taken back out, while the other files go in."""
        staged, rejected = stage(files, Path(self.settings.home) / UPLOADS_FOLDER)
        errors = [r.message for r in rejected]
        if not staged:
            return UploadOutcome(added=[], unchanged=[], errors=errors, summary="没有文件被导入" if errors else "请先选择文件")
        by_path = {str(s.path): s for s in staged}

        def named(i: int, n: int, path: str) -> None:
            if progress:
                progress(i, n, by_path[path].name if path in by_path else Path(path).name)

        try:
            report = ingest_paths(self.index, [s.path for s in staged], progress=named)
        except Exception:
            for s in staged:
                s.undo()
            raise
        added, unchanged = [], []
        for v in report.verdicts:
            s = by_path.get(v.path)
            if v.status == "failed":
                if s is not None:
                    s.undo()
                # the message names the staged path; people know the file by the name they gave it
                problem = v.message.split(": ", 1)[-1]
                errors.append(f"{s.name if s else Path(v.path).name}: {chinese_reason(problem, v.kind)}")
                continue
            if s is not None:
                s.keep()
            (unchanged if v.status == "unchanged" else added).append(v.doc_id or "")
        self.warm_in_background()
        summary = f"导入 {len(added)} 份,未变 {len(unchanged)} 份,失败 {len(errors)} 份;索引现有 {report.documents} 份文件"
        return UploadOutcome(added=added, unchanged=unchanged, errors=errors, summary=summary)

    def remove(self, doc_id: str) -> str:
        if not doc_id:
            raise ConfigError("请选择要删除的文件")
        report = remove_document(self.index, doc_id)
        self.warm_in_background()
        return f"已删除 {doc_id};索引现有 {report.documents} 份文件"

    # ----------------------------------------------------------------- views
    def view(self, name: str, doc_ids=(), dept: str | None = None, role: str | None = None, actor: str | None = None,
             status: str | None = None, regions=(), topic: str = "", downloads: bool = True) -> Table:
        """One domain view's table, with CSV and Markdown files to download (none when
        ``downloads`` is False: the API returns the rows and needs no files)."""
        doc_ids = tuple(doc_ids or ())
        snap = self.snapshot()
        group = None
        if name == "duties":
            rows = domain.duties(snap, dept=dept or None, doc_ids=doc_ids, role=role or None)
        elif name == "deadlines":
            rows = domain.deadlines(snap, doc_ids, actor or None)
        elif name == "targets":
            rows = domain.targets(snap, doc_ids, status or None)
        elif name == "obligations":
            rows = domain.obligations(snap, actor or None, doc_ids, tuple(regions or ()))
            group = ("topic", "主题")
        elif name == "compare":
            rows = compare(self.assistant.retriever, snap, topic, doc_ids)
        else:
            raise ConfigError(f"unknown view {name!r}; one of {', '.join(VIEWS)}")
        columns = tables.VIEW_COLUMNS[name]
        headers, grid = tables.to_grid(rows, columns, group)
        csv_path = md_path = None
        if downloads:
            csv_path = self._download_path(name, "csv")
            csv_path.write_text(tables.to_csv(rows), encoding="utf-8-sig")  # with a BOM, so Excel reads the Chinese
            md_path = self._download_path(name, "md")
            md_path.write_text(tables.to_markdown(rows, columns, group[0] if group else None), encoding="utf-8")
        return Table(headers=headers, rows=grid, csv_path=csv_path, markdown_path=md_path, summary=f"{len(grid)} 条记录",
                     records=[tables.flatten(r) for r in rows])

    # ------------------------------------------------------------------ quiz
    def quiz(self, doc_ids=(), types=("mcq", "tf", "cloze"), n: int = 10, difficulty: str = "easy", seed: int = 0) -> QuizOutcome:
        if not types:
            raise ConfigError("请至少选择一种题型")
        quiz = generate_quiz(self.snapshot(), n=int(n), doc_ids=tuple(doc_ids or ()), types=tuple(types),
                             difficulty=difficulty, seed=int(seed))
        paths, teacher_text = {}, ""
        for version, teacher in (("学生版", False), ("教师版", True)):
            text = quiz_render.quiz_markdown(quiz, teacher)
            md = self._download_path(f"测验-{version}", "md")
            md.write_text(text, encoding="utf-8")
            paths[version] = (md, quiz_render.write_quiz_docx(quiz, self._download_path(f"测验-{version}", "docx"), teacher))
            teacher_text = text if teacher else teacher_text
        summary = f"{len(quiz.items)} 题(种子 {quiz.seed},难度 {quiz.difficulty})" + (f";{quiz.note}" if quiz.note else "")
        return QuizOutcome(preview=teacher_text, preview_html=render.quiz_html(quiz), student=paths["学生版"][0],
                           teacher=paths["教师版"][0], student_docx=paths["学生版"][1], teacher_docx=paths["教师版"][1],
                           summary=summary)

    def _download_path(self, stem: str, suffix: str) -> Path:
        # a folder per file keeps the readable name while two downloads never overwrite each other
        folder = Path(tempfile.mkdtemp(dir=self.downloads, prefix=datetime.now().strftime("%H%M%S-")))
        return folder / f"{stem}.{suffix}"
