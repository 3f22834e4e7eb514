"""Metadata inferred for an eval corpus against its gold (eval/data/<corpus>/metadata.json),
per document and per field: for the laws, title, issuer, document type, dates (version,
adoption, in force), level and region; for the policy pages, region, level, issuer, date,
文号, title and, below the province, city and county. A wrong field is reported, never raised.

    python -m eval.metadata_accuracy [--corpus laws|policies|all] [--out-dir eval/reports]

writes <out-dir>/<corpus>-metadata.md (laws-metadata.md, policies-metadata.md) and prints it."""
from __future__ import annotations

import argparse
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from eval.corpora.registry import corpus
from eval.runner import build_index

FIELDS = ("title", "issuer", "doc_type", "date", "adopted", "effective", "level", "region")  # the laws'
POLICY_FIELDS = ("region", "level", "issuer", "date", "doc_number", "title", "city", "county")
FIELDS_OF = {"laws": FIELDS, "policies": POLICY_FIELDS}
HEADINGS = {"laws": "Metadata of the development corpus", "policies": "Metadata of the policy pages"}
DEFAULT_OUT = Path(__file__).resolve().parent / "reports"

_OPEN, _CLOSE = re.compile(r"[\[［【(（]"), re.compile(r"[\]］】)）]")


def canonical(field: str, value: str | None) -> str | frozenset[str] | None:
    """A value as compared: blanks do not count (计量发展规划 (2021—2035年)), a 文号's year
    brackets are all 〔〕 (渝农发(2020)18号 = 渝农发〔2020〕18号), and joint issuers are a set,
    however they are joined (A、B = A B)."""
    if value is None:
        return None
    if field == "issuer":
        return frozenset(p for p in re.split(r"[、,，\s]+", value) if p)
    text = "".join(value.split())
    return _CLOSE.sub("〕", _OPEN.sub("〔", text)) if field == "doc_number" else text


@dataclass(frozen=True)
class FieldResult:
    doc_id: str
    field: str
    gold: str | None
    inferred: str | None

    @property
    def right(self) -> bool:
        return canonical(self.field, self.gold) == canonical(self.field, self.inferred)


def measure(work: Path, corpus_name: str = "laws") -> list[FieldResult]:
    """Every field of FIELDS_OF[corpus_name] of every document of the corpus's metadata gold,
    inferred from a fresh index under ``work``."""
    if corpus_name not in FIELDS_OF:
        raise ValueError(f"no metadata gold for corpus {corpus_name!r}; choose one of {', '.join(FIELDS_OF)}")
    chosen = corpus(corpus_name)
    gold = json.loads((chosen.gold / "metadata.json").read_text(encoding="utf-8"))["documents"]
    snap = build_index(work / "index", "none", chosen.folder).snapshot()
    missing = set(gold) - set(snap.docs)
    if missing:
        raise RuntimeError(f"documents of the metadata gold not in the corpus: {sorted(missing)}")
    return [FieldResult(d, f, want.get(f), getattr(snap.docs[d].meta, f, None))
            for d, want in gold.items() for f in FIELDS_OF[corpus_name]]


def _fields(results: list[FieldResult]) -> list[str]:
    return list(dict.fromkeys(r.field for r in results))


def table(results: list[FieldResult]) -> list[str]:
    """Accuracy per field, then every wrong field with its gold and inferred values."""
    lines = ["| field | right | of | accuracy |", "|---|---|---|---|"]
    for f in _fields(results):
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


def _cell(r: FieldResult) -> str:
    if r.right:
        return f"✓ {r.gold}" if r.field in ("region", "level", "city", "county") and r.gold else "✓"
    return f"✗ {r.inferred or '—'} (gold {r.gold or '—'})"


def document_table(results: list[FieldResult]) -> list[str]:
    """One row per document, one column per field: ✓, or ✗ with what was inferred and the gold."""
    fields = _fields(results)
    lines = ["| document | " + " | ".join(fields) + " | right |", "|" + "---|" * (len(fields) + 2)]
    for doc_id in dict.fromkeys(r.doc_id for r in results):
        mine = {r.field: r for r in results if r.doc_id == doc_id}
        right = sum(r.right for r in mine.values())
        lines.append(f"| {doc_id} | " + " | ".join(_cell(mine[f]) for f in fields) + f" | {right}/{len(mine)} |")
    return lines


def report(results: list[FieldResult], corpus_name: str) -> str:
    title = f"# {HEADINGS[corpus_name]} (python -m eval.metadata_accuracy --corpus {corpus_name})"
    lines = [title, "", *table(results)]
    if corpus_name == "policies":
        lines += ["", "## Per document", "", *document_table(results)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", choices=(*FIELDS_OF, "all"), default="all")
    p.add_argument("--out-dir", type=Path, default=DEFAULT_OUT)
    args = p.parse_args(argv)
    names = list(FIELDS_OF) if args.corpus == "all" else [args.corpus]
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name in names:
        with tempfile.TemporaryDirectory(prefix="zhiqa-meta-") as tmp:
            text = report(measure(Path(tmp), name), name)
        (args.out_dir / f"{name}-metadata.md").write_text(text, encoding="utf-8")
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
