"""The domain-view tabs: 职责, 时限与目标, 义务清单, 对比. Each is filters, a table whose rows
quote their source, and CSV / Markdown downloads of exactly what the table shows."""
from __future__ import annotations

import gradio as gr

from assistant.errors import ZhiqaError
from assistant.web.render import text_html
from assistant.web.service import Table, WebService

ROLES = [("全部", ""), ("牵头", "lead"), ("配合", "cooperate"), ("负责", "responsible")]
ACTORS = ["企业", "生产者", "销售者", "行业协会", "地方政府", "监管部门", "消费者"]


def _table(elem_id: str, label: str) -> tuple[gr.Markdown, gr.Dataframe, gr.File]:
    count = gr.Markdown("", elem_id=f"{elem_id}-count")
    grid = gr.Dataframe(label=label, elem_id=elem_id, interactive=False, wrap=True, datatype="str", max_height=520,
                        show_search="search")
    files = gr.File(label="下载 (CSV / Markdown)", file_count="multiple", interactive=False, elem_id=f"{elem_id}-files")
    return count, grid, files


def _shown(table: Table) -> tuple[str, dict, list[str]]:
    data = table.rows or [["(没有符合条件的记录)"] + [""] * (len(table.headers) - 1)]
    return table.summary, {"headers": table.headers, "data": data}, [str(table.csv_path), str(table.markdown_path)]


def _run(service: WebService, name: str, **kw):
    try:
        return _shown(service.view(name, **kw))
    except ZhiqaError as exc:
        raise gr.Error(text_html(str(exc))) from exc  # the modal renders HTML


def _docs(elem_id: str) -> gr.Dropdown:
    return gr.Dropdown([], multiselect=True, label="文件(不选即全部)", elem_id=elem_id)


def build_duties(service: WebService) -> list[gr.Dropdown]:
    with gr.Row():
        docs = _docs("duties-docs")
        dept = gr.Textbox(label="部门(任意写法:省质监局 = 省質監局)", elem_id="duties-dept")
        role = gr.Radio(ROLES, value="", label="职责", elem_id="duties-role")
        go = gr.Button("查询", elem_id="duties-go", variant="primary")
    out = _table("duties-table", "职责分工(牵头 / 配合 / 负责)")
    go.click(lambda d, p, r: _run(service, "duties", doc_ids=d, dept=p.strip(), role=r), [docs, dept, role], list(out),
             api_visibility="private")
    dept.submit(lambda d, p, r: _run(service, "duties", doc_ids=d, dept=p.strip(), role=r), [docs, dept, role], list(out),
                api_visibility="private")
    return [docs]


def build_times(service: WebService) -> list[gr.Dropdown]:
    gr.Markdown("### 时限要求")
    with gr.Row():
        d_docs = _docs("deadlines-docs")
        actor = gr.Textbox(label="主体(如 生产者、监管部门)", elem_id="deadlines-actor")
        d_go = gr.Button("查询时限", elem_id="deadlines-go", variant="primary")
    d_out = _table("deadlines-table", "时限要求")
    d_go.click(lambda d, a: _run(service, "deadlines", doc_ids=d, actor=a.strip()), [d_docs, actor], list(d_out),
               api_visibility="private")
    gr.Markdown("### 量化目标")
    with gr.Row():
        t_docs = _docs("targets-docs")
        status = gr.Radio([("全部", ""), ("目标", "goal"), ("已达成/现状", "reported")], value="", label="性质",
                          elem_id="targets-status")
        t_go = gr.Button("查询目标", elem_id="targets-go", variant="primary")
    t_out = _table("targets-table", "量化目标")
    t_go.click(lambda d, s: _run(service, "targets", doc_ids=d, status=s), [t_docs, status], list(t_out),
               api_visibility="private")
    return [d_docs, t_docs]


def build_obligations(service: WebService) -> tuple[list[gr.Dropdown], gr.Dropdown]:
    with gr.Row():
        docs = _docs("obligations-docs")
        actor = gr.Dropdown(ACTORS, value="企业", allow_custom_value=True, label="主体", elem_id="obligations-actor")
        region = gr.Dropdown([], label="地区(不选即全部)", elem_id="obligations-region")
        go = gr.Button("生成清单", elem_id="obligations-go", variant="primary")
    out = _table("obligations-table", "义务清单(按主题)")
    go.click(lambda d, a, r: _run(service, "obligations", doc_ids=d, actor=a, regions=(r,) if r else ()),
             [docs, actor, region], list(out), api_visibility="private")
    return [docs], region


def build_compare(service: WebService) -> list[gr.Dropdown]:
    with gr.Row():
        topic = gr.Textbox(label="主题(如 黑名单、质量奖、首负责任制)", elem_id="compare-topic")
        docs = _docs("compare-docs")
        go = gr.Button("对比", elem_id="compare-go", variant="primary")
    out = _table("compare-table", "各文件如何规定(未涉及 = 文件中没有)")
    go.click(lambda t, d: _run(service, "compare", topic=t, doc_ids=d), [topic, docs], list(out), api_visibility="private")
    topic.submit(lambda t, d: _run(service, "compare", topic=t, doc_ids=d), [topic, docs], list(out),
                 api_visibility="private")
    return [docs]
