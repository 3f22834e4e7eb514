"""Write an EvalReport as eval/reports/<name>.md and <name>.json (charts: eval.charts)."""
from __future__ import annotations

import json
from pathlib import Path

from eval.corpora.registry import CORPORA
from eval.judge import ItemResult
from eval.runner import EvalReport
from eval.summary import Metrics, reliability

HEADLINE = (  # (field, label, higher is better)
    ("recall_at_1", "Recall@1", True), ("recall_at_3", "Recall@3", True), ("recall_at_5", "Recall@5", True),
    ("recall_at_10", "Recall@10", True), ("mrr_at_10", "MRR@10", True), ("ndcg_at_10", "nDCG@10", True),
    ("key_fact_recall", "key-fact recall", True), ("exact_answer_rate", "exact answer (deadline/target)", True),
    ("citation_validity", "citation validity", True), ("citation_support", "citation support", True),
    ("citation_precision", "citation precision", True), ("refusal_rate", "refusal (unanswerable)", True),
    ("false_refusal_rate", "false refusal (answerable)", False),
    ("premise_corrected", "false premise corrected (不对, cited)", True), ("latency_p50_ms", "latency p50 ms", False),
    ("latency_p95_ms", "latency p95 ms", False),
)
TARGETS = {  # the product's targets (issue): (bound, is a floor)
    "key_fact_recall": (0.90, True), "citation_validity": (1.00, True), "citation_support": (0.95, True),
    "refusal_rate": (0.90, True), "false_refusal_rate": (0.05, False), "recall_at_5": (0.95, True),
}
BREAKDOWN_COLUMNS = ("n", "recall_at_5", "mrr_at_10", "key_fact_recall", "citation_support", "false_refusal_rate", "refusal_rate")
TAG_COLUMNS = BREAKDOWN_COLUMNS + ("premise_corrected",)
SIDE_BY_SIDE_TYPES = ("metadata", "responsibility")  # question types compared across corpora (issue 19)


def _fmt(v: float | int | None) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "—"
    return str(v) if isinstance(v, int) else f"{v:.3f}" if abs(v) < 10 else f"{v:.1f}"


def _ratio(a: float, b: float) -> str:
    if a != a or b != b or b == 0:
        return "—"
    return f"×{a / b:.2f}"


def headline_table(report: EvalReport) -> list[str]:
    products = [s for s in report.systems if s.name.startswith("zhiqa")]
    base = report.system(report.baseline).metrics
    head = "| metric | " + " | ".join(s.label for s in report.systems) + " | " + " | ".join(f"{s.name} / (a)" for s in products) + " |"
    lines = [head, "|" + "---|" * (1 + len(report.systems) + len(products))]
    for field, label, _ in HEADLINE:
        cells = [_fmt(getattr(s.metrics, field)) for s in report.systems]
        ratios = [_ratio(getattr(s.metrics, field), getattr(base, field)) for s in products]
        lines.append(f"| {label} | " + " | ".join(cells + ratios) + " |")
    return lines


def side_by_side(reports: list[EvalReport]) -> list[str]:
    """The headline system's figures on each corpus, one column per corpus."""
    lines = ["| metric | " + " | ".join(CORPORA[r.corpus].label for r in reports) + " |",
             "|" + "---|" * (1 + len(reports))]
    lines.append("| items (answerable / unanswerable) | " + " | ".join(
        f"{r.metrics.n} ({r.metrics.n_answerable} / {r.metrics.n_unanswerable})" for r in reports) + " |")
    for field, label, _ in HEADLINE:
        lines.append(f"| {label} | " + " | ".join(_fmt(getattr(r.metrics, field)) for r in reports) + " |")
    for kind in SIDE_BY_SIDE_TYPES:
        groups = [r.by_type.get(kind) for r in reports]
        cells = [f"{_fmt(m.key_fact_recall)} ({m.n_answerable})" if m else "—" for m in groups]
        lines.append(f"| key-fact recall, {kind} questions (answerable n) | " + " | ".join(cells) + " |")
    return lines


def _target_lines(m: Metrics) -> list[str]:
    lines = ["| metric | target | measured | met |", "|---|---|---|---|"]
    for field, (bound, floor) in TARGETS.items():
        v = getattr(m, field)
        met = v == v and (v >= bound if floor else v <= bound)
        lines.append(f"| {field} | {'≥' if floor else '≤'} {bound:.2f} | {_fmt(v)} | {'yes' if met else '**no**'} |")
    return lines


def _breakdown_lines(title: str, groups: dict[str, Metrics], labels: dict[str, str] | None = None,
                     columns: tuple[str, ...] = BREAKDOWN_COLUMNS) -> list[str]:
    lines = [f"### {title}", "", "| group | " + " | ".join(columns) + " |", "|" + "---|" * (1 + len(columns))]
    for name, m in groups.items():
        label = f"{name} ({labels[name]})" if labels and name in labels else name
        lines.append(f"| {label} | " + " | ".join(_fmt(getattr(m, c)) for c in columns) + " |")
    return lines + [""]


def reliability_lines(report: EvalReport) -> list[str]:
    """The reliability table: at each level of evidence coverage, how often an answer is right,
    and how many questions were declined there (and of those, how many were answerable)."""
    lines = ["### Reliability of the evidence signal (coverage of the question's terms by the best passage)", "",
             "Answers below coverage 0.3 are declined (MIN_COVERAGE); an answered unanswerable item counts as wrong.", "",
             "| coverage | answered | right | share right | declined | declined but answerable |", "|---|---|---|---|---|---|"]
    for b in reliability(list(report.system(report.headline).results)):
        lines.append(f"| {b.low:.1f}–{b.high:.1f} | {b.answered} | {b.correct} | {_fmt(b.accuracy)} | {b.abstained} | "
                     f"{b.abstained_answerable} |")
    return lines + [""]


def _quote(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def failure_lines(r: ItemResult) -> list[str]:
    item, said = r.item, r.said
    lines = [f"#### {item.id} · {item.type} · {item.script} · {r.cause}", ""]
    for i, turn in enumerate(item.turns, 1):
        lines.append(f"- turn {i}: {turn}")
    if said.standalone and said.standalone != item.question:
        lines.append(f"- searched as: {said.standalone}")
    if item.answerable:
        facts = ["✓ " if ok else "✗ " for ok in r.facts]
        lines.append("- expected facts: " + "; ".join(f + " | ".join(alts) for f, alts in zip(facts, item.key_facts)))
        lines.append("- gold evidence: " + "; ".join(f"{e.doc_id}: “{_quote(e.quote, 80)}”" for e in item.evidence))
        top = ", ".join(f"{d}[{s}:{e}]" for d, s, e in said.ranked[:3]) or "nothing"
        lines.append(f"- first relevant rank: {r.first_relevant_rank or 'not in top 10'} (top 3: {top})")
    else:
        lines.append("- expected: abstain (unanswerable)")
    lines.append(f"- said{' (abstained)' if said.abstained else ''}: {_quote(said.text)}")
    if said.reason:
        lines.append(f"- reason: {said.reason}")
    bad = [c for c, ok in zip(said.citations, r.citations_valid) if not ok]
    for c in bad:
        lines.append(f"- invalid citation: {c.doc_id}[{c.start}:{c.end}] “{_quote(c.quote, 80)}”")
    return lines + [""]


def to_markdown(report: EvalReport, name: str, charts: list[str]) -> str:
    m = report.metrics
    causes: dict[str, int] = {}
    for r in report.failures:
        causes[r.cause] = causes.get(r.cause, 0) + 1
    lines = [
        f"# zhiqa evaluation: {name}",
        "",
        f"Split `{report.split}` ({m.n} items: {m.n_answerable} answerable, {m.n_unanswerable} unanswerable); "
        f"system under test `{report.headline}` (config `{report.config}`); wall time {report.wall_s:.1f} s. "
        "Generated by `python -m eval.run`; figures without an LLM judge (see eval/metrics.py).",
        "",
        "## All systems, same items",
        "",
        "Baselines answer with their top paragraph and never abstain. Ratios are to baseline (a).",
        "",
        *headline_table(report),
        "",
        "## Targets",
        "",
        *_target_lines(m),
        "",
        f"## Breakdowns ({report.headline})",
        "",
        *_breakdown_lines("By question type", report.by_type),
        *_breakdown_lines("By document (first evidence document)", report.by_document, report.documents),
        *_breakdown_lines("By question script", report.by_script),
        *_breakdown_lines("By tag (an item counts under each of its tags)", report.by_tag, columns=TAG_COLUMNS),
        *reliability_lines(report),
        *(f"![{c}]({c})" for c in charts),
        "",
        f"## Failed items ({len(report.failures)} of {m.n})",
        "",
        ", ".join(f"{c}: {n}" for c, n in sorted(causes.items(), key=lambda kv: -kv[1])) or "none",
        "",
    ]
    for r in report.failures:
        lines.extend(failure_lines(r))
    return "\n".join(lines)


def _item_json(r: ItemResult) -> dict:
    return {
        "id": r.item.id, "type": r.item.type, "script": r.item.script, "turns": list(r.item.turns),
        "answerable": r.item.answerable, "passed": r.passed, "cause": r.cause,
        "key_facts": [list(alts) for alts in r.item.key_facts], "facts_found": list(r.facts),
        "first_relevant_rank": r.first_relevant_rank, "abstained": r.said.abstained, "answer": r.said.text,
        "reason": r.said.reason, "standalone_question": r.said.standalone, "latency_ms": r.said.latency_ms,
        "citations": [{"doc_id": c.doc_id, "start": c.start, "end": c.end, "quote": c.quote, "valid": ok, "on_gold": g}
                      for c, ok, g in zip(r.said.citations, r.citations_valid, r.citations_on_gold)],
    }


def to_json(report: EvalReport) -> dict:
    return {
        "split": report.split, "config": report.config, "headline": report.headline, "baseline": report.baseline,
        "wall_s": round(report.wall_s, 2),
        "systems": {s.name: {"label": s.label, "metrics": s.metrics.as_dict()} for s in report.systems},
        "breakdowns": {
            "type": {k: v.as_dict() for k, v in report.by_type.items()},
            "document": {k: v.as_dict() for k, v in report.by_document.items()},
            "script": {k: v.as_dict() for k, v in report.by_script.items()},
            "tag": {k: v.as_dict() for k, v in report.by_tag.items()},
        },
        "items": [_item_json(r) for r in report.system(report.headline).results],
    }


def write_report(report: EvalReport, out_dir: Path, name: str, charts: list[str]) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    md, js = out_dir / f"{name}.md", out_dir / f"{name}.json"
    md.write_text(to_markdown(report, name, charts) + "\n", encoding="utf-8")
    js.write_text(json.dumps(to_json(report), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return md, js
