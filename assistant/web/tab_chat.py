"""The 问答 tab: a streaming chat whose answers carry numbered citations; picking a citation
opens its source section with the quote highlighted; filters; follow-ups; Markdown export."""
from __future__ import annotations

import queue
import re
import threading
from dataclasses import dataclass

import gradio as gr

from assistant.assistant import Turn
from assistant.errors import QuestionTooLong, ZhiqaError
from assistant.web import render
from assistant.web.service import WebService

EXAMPLES = [
    "甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?",
    "湖南省对产品质量违法行为的举报有什么奖励?",
    "陕西省的质量信用黑名单制度怎么建立?",
]
_PIECE = re.compile(r"[^。;!?\n]*[。;!?\n]?")
PLACEHOLDER = "选择一条引用,这里显示它所在的章节原文,引文高亮。"
SHOWN_OF_A_LONG_QUESTION = 200  # characters of a refused, too long question echoed in the chat


@dataclass(frozen=True)
class ChatWidgets:
    chatbot: gr.Chatbot
    question: gr.Textbox
    citations: gr.Radio
    source: gr.HTML
    filters: tuple[gr.Dropdown, ...]


def _citation_choices(turns: list[Turn], at: int) -> list[tuple[str, str]]:
    if not turns:
        return []
    at = at if 0 <= at < len(turns) else len(turns) - 1
    return [(f"{render.citation_label(c)}:{c.quote[:40]}{'…' if len(c.quote) > 40 else ''}", f"{at}:{c.n}")
            for c in turns[at].answer.citations]


def build(service: WebService) -> ChatWidgets:
    turns = gr.State([])
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(elem_id="chat", height=540, label="问答", sanitize_html=True, feedback_options=None,
                                 buttons=["copy"], placeholder="向文件提问:谁牵头、谁配合、时限、目标、义务……")
            with gr.Row():
                question = gr.Textbox(elem_id="question", show_label=False, scale=5, lines=1, max_lines=4,
                                      placeholder="输入问题,回车发送(追问会结合上一轮)", submit_btn=False)
                ask = gr.Button("发送", elem_id="ask", variant="primary", scale=1)
            gr.Examples(EXAMPLES, inputs=question, label="示例问题")
            with gr.Row():
                new = gr.Button("新对话", elem_id="new-chat", size="sm")
                export = gr.Button("导出对话 (Markdown)", elem_id="export", size="sm")
            exported = gr.File(label="对话记录", elem_id="exported", visible=False, interactive=False)
        with gr.Column(scale=2):
            with gr.Accordion("筛选", open=False, elem_id="chat-filters"):
                regions = gr.Dropdown([], multiselect=True, label="地区", elem_id="f-region")
                levels = gr.Dropdown([], multiselect=True, label="层级", elem_id="f-level")
                docs = gr.Dropdown([], multiselect=True, label="文件", elem_id="f-doc")
                years = gr.Dropdown([], multiselect=True, label="年份", elem_id="f-year")
            citations = gr.Radio([], label="引用(点击查看原文)", elem_id="citations", interactive=True)
            source = gr.HTML(f'<div class="zhiqa-source-empty">{PLACEHOLDER}</div>', elem_id="source", padding=True)

    def respond(q, turns, regions, levels, docs, years):
        q = (q or "").strip()
        if not q:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        try:
            QuestionTooLong.check(q)
        except QuestionTooLong as exc:  # said at once, the question left in the box to be shortened
            shown = q[:SHOWN_OF_A_LONG_QUESTION] + "…"
            history = messages(turns) + [{"role": "user", "content": render.question_html(shown)}, error_message(exc)]
            yield history, gr.skip(), turns, gr.skip(), gr.skip()
            return
        # the chat is redrawn from the turns: what it shows is always what was answered
        history = messages(turns) + [{"role": "user", "content": render.question_html(q)}, {"role": "assistant", "content": "检索中…"}]
        yield history, "", turns, gr.skip(), gr.skip()
        filters = service.filters(regions, levels, docs, years)
        try:
            ans = yield from _streamed(service, q, list(turns), filters, history)
        except ZhiqaError as exc:
            history[-1] = error_message(exc)
            yield history, "", turns, gr.skip(), gr.skip()
            return
        turns = list(turns) + [Turn(q, ans)]
        history = messages(turns)
        choices = _citation_choices(turns, len(turns) - 1)
        yield history, "", turns, gr.update(choices=choices, value=None), f'<div class="zhiqa-source-empty">{PLACEHOLDER}</div>'

    def open_citation(value, turns):
        if not value:
            return gr.skip()
        at, n = (int(x) for x in value.split(":"))
        citation = next(c for c in turns[at].answer.citations if c.n == n)
        return service.source_html(citation)

    def pick_message(turns, evt: gr.SelectData):
        # the chat holds a user and an assistant message per turn
        return gr.update(choices=_citation_choices(turns, evt.index // 2 if isinstance(evt.index, int) else -1), value=None)

    def export_chat(turns):
        if not turns:
            raise gr.Error("还没有对话可导出")
        return gr.update(value=str(service.export(turns)), visible=True)

    inputs = [question, turns, regions, levels, docs, years]
    outputs = [chatbot, question, turns, citations, source]
    ask.click(respond, inputs, outputs, api_visibility="private")
    question.submit(respond, inputs, outputs, api_visibility="private")
    citations.change(open_citation, [citations, turns], source, api_visibility="private")
    chatbot.select(pick_message, turns, citations, api_visibility="private")
    new.click(lambda: ([], [], gr.update(choices=[], value=None), f'<div class="zhiqa-source-empty">{PLACEHOLDER}</div>'),
              None, [chatbot, turns, citations, source], api_visibility="private")
    export.click(export_chat, turns, exported, api_visibility="private")
    return ChatWidgets(chatbot=chatbot, question=question, citations=citations, source=source,
                       filters=(regions, levels, docs, years))


def error_message(exc: ZhiqaError) -> dict:
    return {"role": "assistant", "content": f'<div class="zhiqa-error">出错:{render.lines(str(exc))}</div>'}


def messages(turns: list[Turn]) -> list[dict]:
    out = []
    for t in turns:
        out += [{"role": "user", "content": render.question_html(t.question)}, {"role": "assistant", "content": render.answer_html(t.answer)}]
    return out


def _streamed(service: WebService, q: str, turns: list[Turn], filters, history: list[dict]):
    """Ask in a worker thread and show what arrives: the LLM's draft as it streams (LLM mode),
    then the answer sentence by sentence; returns the Answer (a generator's return value)."""
    pieces: queue.Queue = queue.Queue()
    box: dict = {}

    def work() -> None:
        try:
            box["answer"] = service.ask(q, history=turns, filters=filters,
                                        on_token=pieces.put if service.llm is not None else None)
        except Exception as exc:  # handed to the caller's thread, which raises it
            box["error"] = exc
        finally:
            pieces.put(None)

    threading.Thread(target=work, daemon=True).start()
    draft = ""
    while (piece := pieces.get()) is not None:
        draft += piece
        history[-1] = {"role": "assistant", "content": f'<div class="zhiqa-draft">草稿(核实中):{render.text_html(draft)}</div>'}
        yield history, "", gr.skip(), gr.skip(), gr.skip()
    if "error" in box:
        raise box["error"]
    ans = box["answer"]
    shown = ""
    for part in _PIECE.findall(ans.answer):
        if not part:
            continue
        shown += part
        history[-1] = {"role": "assistant", "content": f'<div class="zhiqa-streaming">{render.lines(shown)}</div>'}
        yield history, "", gr.skip(), gr.skip(), gr.skip()
    return ans
