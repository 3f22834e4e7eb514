"""A quiz as Markdown, CSV, JSON or Word (.docx), in a student version (questions and options
only) or a teacher version (with the answer, the explanation and the quoted source of each item)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from assistant.answer import titled
from assistant.quiz.facts import display
from assistant.quiz.generate import Quiz, QuizItem

TYPE_LABELS = {"mcq": "单选题", "tf": "判断题", "cloze": "填空题"}
LETTERS = "ABCD"
TITLE = "质量监督政策文件测验"


def _source(item: QuizItem) -> str:
    c = item.citation
    where = f"{titled(c.title)}" if c.title else c.doc_id
    return f"{where}{(' ' + display(c.section)) if c.section else ''}"


def _answer_text(item: QuizItem) -> str:
    if item.type == "mcq":
        return f"{LETTERS[item.options.index(item.answer)]}. {item.answer}"
    return item.answer


def _header(quiz: Quiz, teacher: bool) -> list[str]:
    lines = [f"{TITLE}({'教师版' if teacher else '学生版'})", f"共{len(quiz.items)}题"]
    if teacher:
        lines.append(f"种子 {quiz.seed},难度 {quiz.difficulty},文件:{'、'.join(quiz.doc_ids)}")
        if quiz.note:
            lines.append(quiz.note)
    return lines


def quiz_markdown(quiz: Quiz, teacher: bool) -> str:
    """Numbered questions with lettered options; the teacher version adds 答案, 解析 and 出处
    (the quote, exactly as the document writes it) under each item."""
    head = _header(quiz, teacher)
    out = [f"# {head[0]}", "", *[f"{line}  " for line in head[1:]], ""]
    for number, item in enumerate(quiz.items, 1):
        out.append(f"**{number}. [{TYPE_LABELS[item.type]}]** {item.question}")
        out.append("")
        if item.type == "mcq":
            out += [f"- {LETTERS[i]}. {option}" for i, option in enumerate(item.options)]
        elif item.type == "tf":
            out.append("- （  ）正确　（  ）错误")
        else:
            out.append("- 答：________________")
        if teacher:
            out += ["", f"> 答案：{_answer_text(item)}  ", f"> 解析：{item.explanation}  ",
                    f"> 出处：{_source(item)}：“{item.citation.quote}”"]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _row(item: QuizItem, teacher: bool) -> dict:
    row = {"id": item.id, "type": item.type, "kind": item.kind, "question": item.question, "options": list(item.options)}
    if teacher:
        c = item.citation
        row.update(answer=item.answer, explanation=item.explanation, fact=list(item.fact),
                   source={"doc_id": c.doc_id, "title": c.title, "section": c.section, "quote": c.quote,
                           "start": c.start, "end": c.end})
    return row


def quiz_json(quiz: Quiz, teacher: bool) -> str:
    """The quiz as JSON (Chinese kept as is); the student version has no answers or sources."""
    doc = {"title": TITLE, "version": "teacher" if teacher else "student", "count": len(quiz.items),
           "items": [_row(item, teacher) for item in quiz.items]}
    if teacher:
        doc.update(seed=quiz.seed, difficulty=quiz.difficulty, doc_ids=list(quiz.doc_ids), note=quiz.note)
    return json.dumps(doc, ensure_ascii=False, indent=2)


def quiz_csv(quiz: Quiz, teacher: bool) -> str:
    """One row per item, options in columns A-D (正确/错误 for true/false items)."""
    columns = ["id", "type", "kind", "question", *LETTERS]
    if teacher:
        columns += ["answer", "explanation", "document", "section", "quote", "start", "end"]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for item in quiz.items:
        row = {"id": item.id, "type": item.type, "kind": item.kind, "question": item.question}
        row.update({LETTERS[i]: option for i, option in enumerate(item.options)})
        if teacher:
            c = item.citation
            row.update(answer=_answer_text(item), explanation=item.explanation, document=c.title or c.doc_id,
                       section=c.section, quote=c.quote, start=c.start, end=c.end)
        writer.writerow(row)
    return buf.getvalue()


def write_quiz_docx(quiz: Quiz, path: Path, teacher: bool) -> Path:
    """A Word document of the quiz (python-docx, a core dependency); returns the path written."""
    import docx  # python-docx, 0.2 s: only when a Word file is written

    document = docx.Document()
    head = _header(quiz, teacher)
    document.add_heading(head[0], level=1)
    for line in head[1:]:
        document.add_paragraph(line)
    for number, item in enumerate(quiz.items, 1):
        document.add_paragraph(f"{number}. [{TYPE_LABELS[item.type]}] {item.question}")
        if item.type == "mcq":
            for i, option in enumerate(item.options):
                document.add_paragraph(f"{LETTERS[i]}. {option}", style="List Bullet")
        elif item.type == "tf":
            document.add_paragraph("（  ）正确　（  ）错误")
        if teacher:
            document.add_paragraph(f"答案：{_answer_text(item)}")
            document.add_paragraph(f"解析：{item.explanation}")
            document.add_paragraph(f"出处：{_source(item)}：“{item.citation.quote}”")
    path = Path(path)
    document.save(str(path))
    return path
