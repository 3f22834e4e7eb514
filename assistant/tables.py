"""Rows of the domain views as Markdown, CSV or JSON: flat columns, the source span last."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, fields, is_dataclass

SOURCE_COLUMNS = ("doc_id", "document", "start", "end", "quote")


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


def _cell(value) -> str:
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
            cite = f"“{_cell(r['quote'])}” ({r['document']}, {r['start']}–{r['end']})" if r.get("quote") else _cell(r.get("text"))
            out.append("| " + " | ".join(_cell(r[k]) for k, _ in columns) + f" | {cite} |")
    return "\n".join(out).strip() + "\n"
