"""The evaluation loop: index corpus/ once, put every gold item of a split to zhiqa (the
configuration under test plus the reference ones) and to the paragraph-BM25 baselines, judge
each answer, and gather the figures into an EvalReport. Writes nothing but the index."""
from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from assistant import Assistant, Settings
from assistant.index.embedders import EmbedderSpec
from assistant.index.index import Index
from assistant.index.tokens import tokenize
from assistant.index.update import ingest_paths
from eval.baselines import ParagraphBM25, raw_tokens
from eval.corpora.registry import corpus as eval_corpus
from eval.gold import GoldItem, load_split
from eval.judge import ItemResult, Sources, judge
from eval.summary import Metrics, breakdown, by_tags, first_evidence_doc, summarise
from eval.systems import ProductSystem, System

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@dataclass(frozen=True)
class ProductConfig:
    system: str  # name of the system in reports
    label: str
    embedder: str
    dense_weight: float  # pinned, so that ZHIQA_DENSE_WEIGHT in the environment cannot move the floors


CONFIGS = {
    "default": ProductConfig("zhiqa-hybrid", "(d) zhiqa hybrid (default)", "builtin", 1.0),
    "bm25": ProductConfig("zhiqa-bm25", "(c) zhiqa BM25 only (dense_weight 0)", "builtin", 0.0),
    "none-embedder": ProductConfig("zhiqa-none-embedder", "(e) zhiqa, embedder none", "none", 1.0),
    # multilingual-e5-small in process (pip install 'zhiqa[e5]'); embedding the corpus takes minutes
    "e5": ProductConfig("zhiqa-e5", "(f) zhiqa hybrid, e5 dense leg", "e5", 1.0),
}
BASELINE_RAW = "bm25-raw"
BASELINE_NORM = "bm25-normalised"


@dataclass(frozen=True)
class SystemRun:
    name: str
    label: str
    results: tuple[ItemResult, ...]
    metrics: Metrics


@dataclass(frozen=True)
class EvalReport:
    split: str
    config: str
    headline: str  # the system under test (CONFIGS[config].system)
    baseline: str  # the system ratios are taken to (plain BM25, raw tokens)
    systems: tuple[SystemRun, ...]  # baselines first, then zhiqa configurations
    by_type: dict[str, Metrics]  # breakdowns of the headline system
    by_document: dict[str, Metrics]
    by_script: dict[str, Metrics]
    by_tag: dict[str, Metrics]  # an item counts under each of its tags (colloquial, multi-turn, false-premise …)
    documents: dict[str, str]  # doc_id -> "region, script" for the per-document table
    wall_s: float
    corpus: str = "shipped"  # which corpus (eval.corpora.registry)

    @property
    def name(self) -> str:
        """The report's file stem: test-default for the shipped corpus, laws-test-default for another."""
        stem = f"{self.split}-{self.config}"
        return stem if self.corpus == "shipped" else f"{self.corpus}-{stem}"

    def system(self, name: str) -> SystemRun:
        return next(s for s in self.systems if s.name == name)

    @property
    def metrics(self) -> Metrics:
        return self.system(self.headline).metrics

    @property
    def failures(self) -> list[ItemResult]:
        return [r for r in self.system(self.headline).results if not r.passed]


def build_index(home: Path, embedder: str = "builtin", corpus: Path = CORPUS) -> Index:
    """A fresh index of ``corpus`` under ``home``, for the eval scripts; a file that fails stops it."""
    settings = Settings(home=home, chroma_url=None, embedder=EmbedderSpec(embedder))
    index = Index(settings)
    report = ingest_paths(index, [corpus])
    if report.failed:
        raise RuntimeError(f"eval could not index {corpus}: {report.summary()}")
    return index


def _product(config: ProductConfig, index: Index) -> ProductSystem:
    settings = replace(index.settings, dense_weight=config.dense_weight)
    return ProductSystem(config.system, config.label, Assistant(settings, Index(settings)))


def _run_system(system: System, items: list[GoldItem], sources: Sources) -> SystemRun:
    units = system.units()
    results = tuple(judge(item, system.answer(item), units, sources) for item in items)
    return SystemRun(system.name, system.label, results, summarise(list(results)))


def file_texts(snap) -> dict[str, str]:
    """doc_id -> the text of its file, for the documents stored as UTF-8 text (.txt, .md): what
    a citation must also quote at its offsets. Other formats are judged on the original alone."""
    out = {}
    for doc_id, rec in snap.docs.items():
        path = Path(rec.meta.source)
        if path.suffix in (".txt", ".md") and rec.meta.encoding in ("utf-8", "utf-8-sig") and path.exists():
            with open(path, encoding=rec.meta.encoding, newline="") as fh:
                out[doc_id] = fh.read()
    return out


def evaluate(split: str = "test", config_name: str = "default", work_dir: Path | None = None,
             corpus: str = "shipped") -> EvalReport:
    """Run the whole evaluation of one corpus; the temporary indexes go under work_dir (a fresh
    temporary folder when None)."""
    if config_name not in CONFIGS:
        raise ValueError(f"unknown eval config {config_name!r}; choose one of {', '.join(CONFIGS)}")
    if work_dir is None:
        with tempfile.TemporaryDirectory(prefix="zhiqa-eval-") as tmp:
            return evaluate(split, config_name, Path(tmp), corpus)
    t0 = time.perf_counter()
    folder = eval_corpus(corpus).folder
    items = load_split(split, corpus)
    builtin = build_index(work_dir / "index-builtin", "builtin", folder)
    snap = builtin.snapshot()
    originals = {d: snap.text(d) for d in snap.docs}
    sources = Sources(originals, file_texts(snap))

    systems: list[System] = [
        ParagraphBM25(BASELINE_RAW, "(a) BM25 paragraphs, raw jieba tokens", originals, raw_tokens),
        ParagraphBM25(BASELINE_NORM, "(b) BM25 paragraphs, normalised tokens", originals, tokenize),
        _product(CONFIGS["bm25"], builtin),
        _product(CONFIGS["default"], builtin),
    ]
    extra = CONFIGS[config_name]
    if extra.embedder != "builtin":  # a configuration with its own embedder gets its own index
        systems.append(_product(extra, build_index(work_dir / f"index-{extra.embedder}", extra.embedder, folder)))
    runs = tuple(_run_system(s, items, sources) for s in systems)

    headline = CONFIGS[config_name].system
    results = list(next(r for r in runs if r.name == headline).results)
    documents = {d: f"{rec.meta.region or '全国'}, {rec.meta.script}" for d, rec in snap.docs.items()}
    return EvalReport(
        split=split,
        config=config_name,
        headline=headline,
        baseline=BASELINE_RAW,
        systems=runs,
        by_type=breakdown(results, lambda r: r.item.type),
        by_document=breakdown(results, first_evidence_doc),
        by_script=breakdown(results, lambda r: r.item.script),
        by_tag=by_tags(results),
        documents=documents,
        wall_s=time.perf_counter() - t0,
        corpus=corpus,
    )
