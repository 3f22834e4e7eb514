"""What the web app shows, as HTML and Markdown: answers with numbered citations, the source
section with the quoted span highlighted, the quiz preview, the conversation export. Every piece
of document or user text is escaped here, as HTML and as Markdown, so a document holding
``<script>`` or ``![](http://…)`` shows as text and makes the browser fetch nothing."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from assistant.answer import Answer, Citation, titled
from assistant.index.snapshot import Snapshot
from assistant.quiz.facts import display
from assistant.quiz.generate import Quiz
from assistant.quiz.render import LETTERS, TITLE, TYPE_LABELS

SOURCE_WINDOW = 700  # characters of a long section shown each side of the quote
LEVELS = {"national": "国家级", "provincial": "省级", "municipal": "市级"}
# ASCII punctuation that Markdown (and GFM's autolinks: http: and www.) builds markup from, as
# character references: the browser shows the characters, no Markdown renderer sees syntax
_MARKDOWN_INERT = str.maketrans({ch: f"&#{ord(ch)};" for ch in "\\`*_{}[]()#+-.!|~:<>&\"'="})


def text_html(text: str) -> str:
    """Text as inert HTML, on one line (a line break becomes <br>): safe inside a gr.HTML and
    inside a chat message, whose Markdown renderer would end an HTML block at a blank line."""
    return text.translate(_MARKDOWN_INERT).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def lines(text: str) -> str:
    # no blank lines: a chat message is Markdown, and a blank line would end its HTML block
    return "<br>".join(text_html(line) for line in text.splitlines() if line.strip())


def question_html(question: str) -> str:
    """The user's question as typed: inside an HTML block, so the chat's Markdown renderer leaves
    ``**`` and ``![](…)`` alone (an image link would make the browser call its host)."""
    return f'<div class="zhiqa-question">{lines(question)}</div>'


def citation_label(c: Citation) -> str:
    """One line naming a citation: [n] 《title》 section (page)."""
    section = f" {c.section}" if c.section else ""
    page = f" 第{c.page}页" if c.page else ""
    return f"[{c.n}] {titled(c.title or c.doc_id)}{section}{page}"


def answer_html(ans: Answer) -> str:
    """A chat message: the answer, then its numbered citations; an abstention is marked as one."""
    kind = "zhiqa-abstain" if ans.abstained else "zhiqa-answer"
    head = '<div class="zhiqa-flag">⚠ 文件不足以回答</div>' if ans.abstained else ""
    parts = [f'<div class="{kind}">{head}<div class="zhiqa-text">{lines(ans.answer)}</div>']
    if ans.standalone_question and ans.standalone_question != ans.question:
        parts.append(f'<div class="zhiqa-understood">理解为:{text_html(ans.standalone_question)}</div>')
    if ans.citations:
        items = "".join(
            f'<li data-cite="{c.n}"><b>{text_html(citation_label(c))}</b><br><q>{text_html(c.quote)}</q></li>'
            for c in ans.citations
        )
        parts.append(f'<ol class="zhiqa-cites">{items}</ol>')
    for note in ans.notes:
        parts.append(f'<div class="zhiqa-note">注:{text_html(note)}</div>')
    parts.append("</div>")
    return "".join(parts)


@dataclass(frozen=True)
class SourceView:
    """The section a citation points into, cut around the quote when it is long."""

    before: str
    quote: str
    after: str
    section_path: str
    clipped_start: bool
    clipped_end: bool


def source_view(snap: Snapshot, c: Citation) -> SourceView:
    rec = snap.docs[c.doc_id]
    text = snap.text(c.doc_id)
    section = rec.section_at(c.start)
    lo, hi = (section.start, section.end) if section else (0, len(text))
    lo, hi = min(lo, c.start), max(hi, c.end)
    s, e = max(lo, c.start - SOURCE_WINDOW), min(hi, c.end + SOURCE_WINDOW)
    return SourceView(before=text[s:c.start], quote=text[c.start:c.end], after=text[c.end:e],
                      section_path=section.path if section else "", clipped_start=s > lo, clipped_end=e < hi)


def source_html(snap: Snapshot, c: Citation) -> str:
    """The source panel: document metadata, the section path and its text with the quote marked."""
    meta = snap.docs[c.doc_id].meta
    view = source_view(snap, c)
    fields = [
        ("文件", meta.title or c.doc_id),
        ("发文机关", meta.issuer or "未注明"),
        ("日期", meta.date or (str(meta.year) if meta.year else "未注明")),
        ("文号", meta.doc_number or "无"),
        ("层级", LEVELS.get(meta.level or "", meta.level or "未注明")),
        ("地区", meta.region or "全国"),
        ("章节", view.section_path or "(正文)"),
    ]
    if c.page:
        fields.append(("页码", f"第{c.page}页"))
    dl = "".join(f"<dt>{text_html(k)}</dt><dd>{text_html(v)}</dd>" for k, v in fields)
    body = (
        ("…" if view.clipped_start else "")
        + text_html(view.before)
        + f'<mark class="zhiqa-quote">{text_html(view.quote)}</mark>'
        + text_html(view.after)
        + ("…" if view.clipped_end else "")
    )
    return (
        f'<div class="zhiqa-source" data-doc="{escape(c.doc_id)}" data-start="{c.start}" data-end="{c.end}">'
        f'<h3>[{c.n}] {text_html(meta.title or c.doc_id)}</h3><dl>{dl}</dl>'
        f'<div class="zhiqa-section">{body}</div></div>'
    )


def quiz_html(quiz: Quiz) -> str:
    """The teacher version for the preview: what quiz_markdown writes, as HTML built here with
    every question, option and quote from a document as text."""
    head = [f"共{len(quiz.items)}题", f"种子 {quiz.seed},难度 {quiz.difficulty},文件:{'、'.join(quiz.doc_ids)}"]
    parts = [f"<h3>{text_html(TITLE)}(教师版)</h3>", "".join(f"<p>{text_html(x)}</p>" for x in head + [quiz.note] if x)]
    for number, item in enumerate(quiz.items, 1):
        parts.append(f'<div class="zhiqa-quiz-item"><p><b>{number}. [{TYPE_LABELS[item.type]}]</b> {text_html(item.question)}</p>')
        if item.type == "mcq":
            parts.append("<ul>" + "".join(f"<li>{LETTERS[i]}. {text_html(o)}</li>" for i, o in enumerate(item.options)) + "</ul>")
        answer = f"{LETTERS[item.options.index(item.answer)]}. {item.answer}" if item.type == "mcq" else item.answer
        c = item.citation
        where = (titled(c.title) if c.title else c.doc_id) + (f" {display(c.section)}" if c.section else "")
        parts.append(f"<blockquote>答案:{text_html(answer)}<br>解析:{text_html(item.explanation)}<br>"
                     f"出处:{text_html(where)}:“{text_html(c.quote)}”</blockquote></div>")
    return f'<div class="zhiqa-quiz">{"".join(parts)}</div>'


def conversation_markdown(turns) -> str:
    """The conversation as Markdown, each answer followed by its citations (quotes verbatim)."""
    out = ["# zhiqa 对话记录", ""]
    for i, turn in enumerate(turns, 1):
        ans: Answer = turn.answer
        out += [f"## 问题 {i}:{turn.question}", ""]
        if ans.standalone_question != turn.question:
            out += [f"*理解为:{ans.standalone_question}*", ""]
        if ans.abstained:
            out += ["> **文件不足以回答**", ""]
        out += [ans.answer, ""]
        for c in ans.citations:
            meta = " · ".join(x for x in (c.issuer, c.date, c.doc_number) if x)
            out.append(f"{citation_label(c)}{(' — ' + meta) if meta else ''}")
            out.append("   > " + c.quote.replace("\n", "\n   > "))
            out.append(f"   (doc_id={c.doc_id}, 字符 {c.start}–{c.end})")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
