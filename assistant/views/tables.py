"""Rows of the domain views as Markdown, CSV or JSON: flat columns, the source span last."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, fields, is_dataclass

SOURCE_COLUMNS = ("doc_id", "document", "start", "end", "quote")
# the columns each view shows people ((key, header) pairs), the cited quote after them
VIEW_COLUMNS = {
    "duties": (("task", "任务"), ("role", "职责"), ("unit", "单位"), ("written", "原文写法")),
    "deadlines": (("expression", "时间要求"), ("normalized", "规范化"), ("relation", "关系"), ("action", "事项"), ("actor", "主体")),
    "targets": (("subject", "指标"), ("quantity", "数值"), ("comparator", "比较"), ("status", "性质"), ("horizon", "期限")),
    "obligations": (("modality", "义务"), ("actors", "主体"), ("action", "内容"), ("condition", "条件"), ("scope", "适用地区")),
    "compare": (("region", "地区"), ("document", "文件"), ("date", "日期")),
}


def flatten(row) -> dict:
    """A view row as one flat dict; its Source becomes doc_id, document, start, end, quote."""
    if not is_dataclass(row):
        raise TypeError(f"not a view row: {type(row).__name__}")
    out = {}
    for f in fields(row):
        value = getattr(row, f.name)
        if f.name == "source":
            src = asdict(value) if value is not None else {}
            for k in SOURCE_COLUMNS:
                if k not in out or src.get(k) is not None:
                    out[k] = src.get(k)
        elif f.name not in out:
            out[f.name] = value
    return out


def to_json(rows) -> str:
    return json.dumps([flatten(r) for r in rows], ensure_ascii=False, indent=1)


def to_csv(rows) -> str:
    flat = [flatten(r) for r in rows]
    buf = io.StringIO()
    if flat:
        writer = csv.DictWriter(buf, fieldnames=list(flat[0]))
        writer.writeheader()
        writer.writerows(flat)
    return buf.getvalue()


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).replace("|", "｜").replace("\n", " ")


def to_markdown(rows, columns: tuple[tuple[str, str], ...], group_by: str | None = None) -> str:
    """A table of ``columns`` ((key, header) pairs) with the cited quote as the last column;
    with ``group_by``, one table per value of that key under a heading."""
    flat = [flatten(r) for r in rows]
    if not flat:
        return "(没有符合条件的记录)"
    groups: dict[str, list[dict]] = {}
    for r in flat:
        groups.setdefault(str(r[group_by]) if group_by else "", []).append(r)
    out = []
    for name, members in groups.items():
        if group_by:
            out.append(f"\n### {name}\n")
        out.append("| " + " | ".join(h for _, h in columns) + " | 原文 |")
        out.append("|" + "---|" * (len(columns) + 1))
        for r in members:
            # the cited quote, or what the row says instead (未涉及)
            cite = f"“{cell(r['quote'])}” ({r['document']}, {r['start']}–{r['end']})" if r.get("quote") else cell(r.get("text"))
            out.append("| " + " | ".join(cell(r[k]) for k, _ in columns) + f" | {cite} |")
    return "\n".join(out).strip() + "\n"


def to_grid(rows, columns: tuple[tuple[str, str], ...], group_by: tuple[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """Headers and string cells for an on-screen table: ``columns``, then 原文 (the cited quote or
    what the row says instead) and 文件; ``group_by`` (key, header) adds that column first."""
    head = ([group_by] if group_by else []) + list(columns)
    named = any(k == "document" for k, _ in head)
    grid = []
    for r in map(flatten, rows):
        cells = [cell(r[k]) for k, _ in head] + [cell(r.get("quote") or r.get("text"))]
        grid.append(cells if named else cells + [cell(r.get("document"))])
    return [h for _, h in head] + ["原文"] + ([] if named else ["文件"]), grid
