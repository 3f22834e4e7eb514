"""The 文件 tab: the ingested documents with their metadata; upload and ingest files with a
progress bar, each failure named plainly while the other files go in; remove a document."""
from __future__ import annotations

from pathlib import Path

import gradio as gr

from assistant.errors import ZhiqaError
from assistant.web.render import text_html
from assistant.web.service import WebService
from ingest.loaders.dispatch import SUPPORTED_SUFFIXES, max_file_bytes


def table_value(service: WebService) -> dict:
    t = service.documents()
    return {"headers": t.headers, "data": t.rows or [[""] * len(t.headers)]}


def build(service: WebService) -> tuple[gr.Dropdown, list]:
    """Returns the remove selector and the events after which the corpus has changed (the app
    refreshes every tab's document choices then)."""
    with gr.Row():
        # no file_types filter: every chosen file arrives, so one of a wrong type gets its own message below
        files = gr.File(label=f"上传文件({' '.join(SUPPORTED_SUFFIXES)};单个不超过 {max_file_bytes() // 2**20} MB)",
                        file_count="multiple", elem_id="upload", scale=3)
        with gr.Column(scale=1):
            ingest = gr.Button("导入", elem_id="ingest", variant="primary")
            status = gr.HTML("", elem_id="ingest-status")
    table = gr.Dataframe(table_value(service), label="已导入的文件", elem_id="documents", interactive=False, wrap=True,
                         datatype="str", max_height=420)
    with gr.Row():
        doomed = gr.Dropdown([], label="删除文件", elem_id="remove-doc", scale=3)
        remove = gr.Button("删除", elem_id="remove", variant="stop", scale=1)

    def do_ingest(uploaded, progress=gr.Progress()):
        if not uploaded:
            raise gr.Error("请先选择要上传的文件")
        pairs = [(Path(getattr(f, "orig_name", None) or Path(str(f)).name).name, Path(str(f))) for f in uploaded]
        progress(0, desc="准备导入")
        try:
            out = service.upload(pairs, progress=lambda i, n, name: progress((i, n), desc=f"导入 {name}"))
        except ZhiqaError as exc:
            raise gr.Error(text_html(str(exc))) from exc  # the modal renders HTML
        lines = [f'<p class="zhiqa-ok">{text_html(out.summary)}</p>']
        if out.errors:
            lines.append('<ul class="zhiqa-errors">' + "".join(f"<li>{text_html(e)}</li>" for e in out.errors) + "</ul>")
        return "".join(lines), table_value(service), None

    def do_remove(doc_id):
        try:
            said = service.remove(doc_id)
        except ZhiqaError as exc:
            raise gr.Error(text_html(str(exc))) from exc  # the modal renders HTML
        return f'<p class="zhiqa-ok">{text_html(said)}</p>', table_value(service), None

    changed = [
        ingest.click(do_ingest, files, [status, table, files], api_visibility="private"),
        remove.click(do_remove, doomed, [status, table, doomed], api_visibility="private"),
    ]
    return doomed, changed
