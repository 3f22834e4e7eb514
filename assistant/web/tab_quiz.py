"""The 出题 tab: documents, item types, number, difficulty and seed; a preview of the teacher
version; student and teacher versions to download (Markdown and Word)."""
from __future__ import annotations

import gradio as gr

from assistant.errors import ZhiqaError
from assistant.web.render import text_html
from assistant.web.service import WebService

TYPES = [("单选题", "mcq"), ("判断题", "tf"), ("填空题", "cloze")]


def build(service: WebService) -> list[gr.Dropdown]:
    with gr.Row():
        docs = gr.Dropdown([], multiselect=True, label="文件(不选即全部)", elem_id="quiz-docs", scale=3)
        types = gr.CheckboxGroup(TYPES, value=["mcq", "tf", "cloze"], label="题型", elem_id="quiz-types", scale=2)
    with gr.Row():
        n = gr.Slider(1, 50, value=10, step=1, label="题数", elem_id="quiz-n")
        difficulty = gr.Radio([("基础", "easy"), ("提高", "hard")], value="easy", label="难度", elem_id="quiz-difficulty")
        seed = gr.Number(0, precision=0, label="随机种子(相同种子出相同的题)", elem_id="quiz-seed")
        go = gr.Button("生成", elem_id="quiz-go", variant="primary")
    # HTML built from escaped text, not Markdown: a document's ![](http://…) must not become an image
    summary = gr.HTML("", elem_id="quiz-summary")
    files = gr.File(label="下载:学生版 / 教师版", file_count="multiple", interactive=False, elem_id="quiz-files")
    preview = gr.HTML("", elem_id="quiz-preview", label="预览(教师版)")

    def make(docs, types, n, difficulty, seed):
        try:
            out = service.quiz(docs, tuple(types or ()), int(n), difficulty, int(seed or 0))
        except ZhiqaError as exc:
            raise gr.Error(text_html(str(exc))) from exc  # the modal renders HTML
        paths = [out.student, out.teacher, out.student_docx, out.teacher_docx]
        return f"<p>{text_html(out.summary)}</p>", [str(p) for p in paths], out.preview_html

    go.click(make, [docs, types, n, difficulty, seed], [summary, files, preview], api_visibility="private")
    return [docs]
