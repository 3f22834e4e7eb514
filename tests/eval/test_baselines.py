"""The paragraph-BM25 baselines: paragraphs are exact lines; only (b) normalises scripts."""
from __future__ import annotations

from assistant.index.tokens import tokenize
from eval.baselines import ParagraphBM25, paragraphs, raw_tokens
from eval.gold import Evidence, GoldItem

TEXTS = {
    "gs": "加快質量誠信體系建設\n\n省質監局負責計量監督\n",
    "gx": "推进品牌建设\n培育广西名牌产品",
    "hn": "加强农产品质量安全监管",
}


def test_paragraphs_are_the_non_empty_lines_at_their_offsets():
    units = paragraphs(TEXTS)
    assert [TEXTS[d][s:e] for d, s, e in units] == ["加快質量誠信體系建設", "省質監局負責計量監督", "推进品牌建设", "培育广西名牌产品", "加强农产品质量安全监管"]


def test_only_the_normalised_baseline_finds_traditional_text_from_a_simplified_question():
    item = GoldItem("x", ("质量诚信体系建设",), "other", True, (Evidence("gs", "加快質量誠信體系建設"),), (("诚信",),), "simplified", ())
    raw = ParagraphBM25("a", "raw", TEXTS, raw_tokens).answer(item)
    norm = ParagraphBM25("b", "normalised", TEXTS, tokenize).answer(item)
    assert all(d != "gs" for d, _, _ in raw.ranked) and not raw.abstained  # 質量 is not 质量 to raw jieba
    assert norm.ranked[0] == ("gs", 0, 10)
    assert norm.text == "加快質量誠信體系建設" and norm.citations[0].quote == norm.text
