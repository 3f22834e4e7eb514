"""CI floor of the generated article lookup: every article of the development corpus's test
documents, asked for by full and by short name, quoted whole (eval/articles.py)."""
from __future__ import annotations

from eval.articles import lcs_length, measure, rouge_l

EXACT_FLOOR = 0.99  # the bar; measured 1.000 (734 lookups)


def test_article_lookup_is_exact_on_the_test_documents(tmp_path):
    results = measure("test", tmp_path)
    assert len(results) > 700
    exact = sum(r.exact for r in results) / len(results)
    assert exact >= EXACT_FLOOR, [r.question for r in results if not r.exact][:10]


def test_rouge_l_is_the_f1_of_the_longest_common_subsequence():
    assert lcs_length("ABCBDAB", "BDCABA") == 4
    assert rouge_l("第五条 国家鼓励", "第五条 国家鼓励") == 1.0
    assert 0 < rouge_l("第五条 国家", "第五条 国家鼓励支持") < 1
