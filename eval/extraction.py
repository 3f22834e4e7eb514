"""Extraction precision and recall: the record extractors of ingest/extract/ against the gold
tables of eval/gold_records.py, and the time to extract every record of corpus/.

    python -m eval.extraction [--out eval/reports/extraction.md]

Each gold table is matched with the key its extractor test uses (tests/ingest/extract/), as a
set where that test compares sets and as a multiset (Counter) where it counts repeats, so these
figures are the ones those tests hold to their floors. Precision counts every record the
extractor returns for the documents of a table (targets: every goal); recall counts the whole
table, known misses included."""
from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from eval.gold_records import (
    GANSU,
    GANSU_RESPONSIBILITIES,
    PLAN_GOALS,
    STATUTE,
    STATUTE_OBLIGATIONS,
    STATUTE_RESPONSIBILITIES,
    TIME_REQUIREMENTS,
)
from ingest import SUPPORTED_SUFFIXES, IngestedDocument, ingest_file
from ingest.extract import DocumentRecords, TimeRequirement, extract_records, normalize_department

ROOT = Path(__file__).resolve().parent.parent
_TIME_VALUE_FIELDS = ("year", "year_end", "month", "day", "days", "working_days", "months", "years", "every")


@dataclass(frozen=True)
class ExtractionRow:
    table: str  # the gold table of eval/gold_records.py
    kind: str  # the field of DocumentRecords it judges
    label: str  # what the table covers and what one item of it is
    gold: int
    found: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / max(self.found, 1)

    @property
    def recall(self) -> float:
        return self.matched / max(self.gold, 1)


@dataclass(frozen=True)
class ExtractionReport:
    rows: tuple[ExtractionRow, ...]
    corpus_documents: int
    corpus_seconds: float  # extract_records over every document of corpus/, best of `repeats`
    repeats: int

    def to_markdown(self) -> str:
        lines = ["| records | gold | found | precision | recall |", "|---|---|---|---|---|"]
        lines += [f"| {r.label} | {r.gold} | {r.found} | {r.precision:.3f} | {r.recall:.3f} |" for r in self.rows]
        lines += ["", f"records for corpus/ ({self.corpus_documents} documents) extracted in "
                      f"{self.corpus_seconds:.2f} s (best of {self.repeats})"]
        return "\n".join(lines)


def gold_documents() -> tuple[str, ...]:
    """Every document a gold table reads, as a path from the repository root."""
    paths = {f"corpus/{GANSU}", STATUTE, *TIME_REQUIREMENTS, *(f"corpus/{name}" for name in PLAN_GOALS)}
    return tuple(sorted(paths))


def load_documents(relpaths: Iterable[str], root: Path = ROOT) -> dict[str, IngestedDocument]:
    return {relpath: ingest_file(root / relpath, doc_id=Path(relpath).stem) for relpath in relpaths}


def _row(table: str, kind: str, label: str, gold: Counter, found: Counter) -> ExtractionRow:
    return ExtractionRow(table=table, kind=kind, label=label, gold=sum(gold.values()), found=sum(found.values()),
                         matched=sum((gold & found).values()))


def _as_set(keys: Iterable[tuple]) -> Counter:
    """Keys compared as a set: a repeat is one item."""
    return Counter(set(keys))


def _time_key(expression: str, kind: str, relation: str, values: dict) -> tuple:
    return expression, kind, relation, tuple(sorted(values.items()))


def _found_time_key(t: TimeRequirement) -> tuple:
    values = {f: getattr(t, f) for f in _TIME_VALUE_FIELDS if getattr(t, f) is not None}
    return _time_key(t.expression, t.kind, t.relation, values)


def _section_number(doc: IngestedDocument, offset: int) -> str | None:
    section = doc.section_at(offset)
    return section.number if section else None


def score(documents: Mapping[str, IngestedDocument], records: Mapping[str, DocumentRecords]) -> tuple[ExtractionRow, ...]:
    """One row per gold table; ``documents`` and ``records`` are keyed by path from the
    repository root and must hold every one of gold_documents()."""
    missing = [p for p in gold_documents() if p not in documents or p not in records]
    if missing:
        raise ValueError(f"no document or no records for {', '.join(missing)}: score needs every path of gold_documents()")
    gansu, statute = records[f"corpus/{GANSU}"], records[STATUTE]

    gansu_gold = _as_set((title, role, normalize_department(n)) for title, lead, coop, resp in GANSU_RESPONSIBILITIES
                         for role, names in (("lead", lead), ("cooperating", coop), ("responsible", resp)) for n in names)
    gansu_found = _as_set((r.task, u.role, u.name) for r in gansu.responsibilities for u in r.units)

    statute_found = _as_set(((r.section_path or "").rsplit(" > ", 1)[-1], r.verb, u, r.task)
                            for r in statute.responsibilities for u in r.responsible_units)

    time_gold = Counter(_time_key(*g) for relpath in TIME_REQUIREMENTS for g in TIME_REQUIREMENTS[relpath])
    time_found = Counter(_found_time_key(t) for relpath in TIME_REQUIREMENTS for t in records[relpath].time_requirements)

    goals_gold = _as_set(g for name in PLAN_GOALS for g in PLAN_GOALS[name])
    goals_found = _as_set((t.subject, t.value, t.value_max, t.unit, t.comparator, t.horizon)
                          for name in PLAN_GOALS for t in records[f"corpus/{name}"].targets if t.status == "goal")

    obligations_found = Counter((_section_number(documents[STATUTE], o.start), o.modality, o.cue, o.actors, o.condition)
                                for o in statute.obligations)

    return (
        _row("GANSU_RESPONSIBILITIES", "responsibilities",
             "responsibilities: 24 task notes of the Gansu plan (task, role, unit)", gansu_gold, gansu_found),
        _row("STATUTE_RESPONSIBILITIES", "responsibilities",
             "responsibilities: 由…负责 / …主管 sentences of the statute (article, verb, unit, duty)",
             _as_set(STATUTE_RESPONSIBILITIES), statute_found),
        _row("TIME_REQUIREMENTS", "time_requirements",
             "time requirements: corpus/ and the statute (expression, kind, relation, values)", time_gold, time_found),
        _row("PLAN_GOALS", "targets",
             "targets: goals of the Gansu and Guangxi plans (subject, quantity, unit, comparator, horizon)",
             goals_gold, goals_found),
        _row("STATUTE_OBLIGATIONS", "obligations",
             "obligations: the statute (article, modality, cue, actors, condition)",
             Counter(STATUTE_OBLIGATIONS), obligations_found),
    )


def corpus_files(root: Path = ROOT) -> tuple[Path, ...]:
    return tuple(sorted(p for p in (root / "corpus").iterdir() if p.suffix in SUPPORTED_SUFFIXES))


def time_extraction(documents: Iterable[IngestedDocument], repeats: int) -> float:
    """Seconds extract_records takes over ``documents`` (ingest not counted), best of ``repeats``."""
    documents = tuple(documents)
    best = float("inf")
    for _ in range(repeats):
        total = 0.0
        for doc in documents:
            start = time.perf_counter()
            extract_records(doc.meta.doc_id, doc.text, doc.sections)
            total += time.perf_counter() - start
        best = min(best, total)
    return best


def evaluate_extraction(root: Path = ROOT, repeats: int = 3) -> ExtractionReport:
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1, got {repeats}")
    corpus = tuple(p.relative_to(root).as_posix() for p in corpus_files(root))
    documents = load_documents(sorted(set(gold_documents()) | set(corpus)), root)
    records = {relpath: extract_records(doc.meta.doc_id, doc.text, doc.sections) for relpath, doc in documents.items()}
    seconds = time_extraction((documents[p] for p in corpus), repeats)
    return ExtractionReport(score(documents, records), len(corpus), seconds, repeats)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    args = p.parse_args(argv)
    report = evaluate_extraction().to_markdown()
    print(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
