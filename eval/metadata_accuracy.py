"""Metadata inferred for the development corpus against its gold (eval/data/laws/metadata.json):
title, issuer, document type, dates (version, adoption, in force), level and region, per
document and per field.

    python -m eval.metadata_accuracy [--out eval/reports/laws-metadata.md]"""
from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from eval.corpora.registry import corpus
from eval.runner import build_index

FIELDS = ("title", "issuer", "doc_type", "date", "adopted", "effective", "level", "region")


@dataclass(frozen=True)
class FieldResult:
    doc_id: str
    field: str
    gold: str | None
    inferred: str | None

    @property
    def right(self) -> bool:
        return self.gold == self.inferred


def measure(work: Path) -> list[FieldResult]:
    laws = corpus("laws")
    gold = json.loads((laws.gold / "metadata.json").read_text(encoding="utf-8"))["documents"]
    snap = build_index(work / "index", "none", laws.folder).snapshot()
    missing = set(gold) - set(snap.docs)
    if missing:
        raise RuntimeError(f"documents of the metadata gold not in the corpus: {sorted(missing)}")
    return [FieldResult(d, f, want.get(f), getattr(snap.docs[d].meta, f)) for d, want in gold.items() for f in FIELDS]


def table(results: list[FieldResult]) -> list[str]:
    lines = ["| field | right | of | accuracy |", "|---|---|---|---|"]
    for f in FIELDS:
        mine = [r for r in results if r.field == f]
        right = sum(r.right for r in mine)
        lines.append(f"| {f} | {right} | {len(mine)} | {right / len(mine):.3f} |")
    right = sum(r.right for r in results)
    lines.append(f"| all | {right} | {len(results)} | {right / len(results):.3f} |")
    wrong = [r for r in results if not r.right]
    if wrong:
        lines += ["", "| document | field | gold | inferred |", "|---|---|---|---|"]
        lines += [f"| {r.doc_id} | {r.field} | {r.gold} | {r.inferred} |" for r in wrong]
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "reports" / "laws-metadata.md")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="zhiqa-meta-") as tmp:
        lines = table(measure(Path(tmp)))
    text = "# Metadata of the development corpus (python -m eval.metadata_accuracy)\n\n" + "\n".join(lines) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
