"""Normalisation for search: width folding, traditional → simplified, Taiwan vocabulary →
mainland vocabulary, lower case; quotes keep the original script."""
from __future__ import annotations

import unicodedata

import pytest

from ingest.normalize import detect_script, normalize, to_simplified
from ingest_helpers import CORPUS

GANSU = "gansu-2015-quality-development-action-plan.txt"


@pytest.mark.parametrize(
    ("taiwan", "mainland"),
    [
        ("智慧財產權", "知识产权"),
        ("積體電路", "集成电路"),
        ("程式", "程序"),
        ("網路", "网络"),
        ("資料庫", "数据库"),
        ("計畫", "计划"),
        ("最佳化", "优化"),
        ("完善質量獎評審程式和標準", "完善质量奖评审程序和标准"),
    ],
)
def test_taiwan_vocabulary_becomes_mainland(taiwan, mainland):
    assert normalize(taiwan) == mainland
    assert to_simplified(taiwan) == mainland


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("陜西", "陕西"),  # variant form OpenCC leaves alone
        ("陜西省人民政府", "陕西省人民政府"),
        ("甘肅省貫徹實施質量發展綱要", "甘肃省贯彻实施质量发展纲要"),
        ("落實企業主體責任", "落实企业主体责任"),
    ],
)
def test_traditional_becomes_simplified(traditional, simplified):
    assert normalize(traditional) == simplified


@pytest.mark.parametrize(
    ("wide", "folded"),
    [
        ("（一）", "(一)"),
        ("ＡＢＣ１２３", "abc123"),
        ("各市、县（市、区）人民政府：", "各市、县(市、区)人民政府:"),
        ("GB/T 19001", "gb/t 19001"),
    ],
)
def test_width_folding_and_lower_case(wide, folded):
    assert normalize(wide) == folded


def test_to_simplified_keeps_width():
    assert to_simplified("（一）落實企業主體責任。") == "（一）落实企业主体责任。"


@pytest.mark.parametrize(
    "mainland",
    [
        "产品质量",
        "湖南省人民政府关于进一步加强产品质量监督工作的意见",
        "消费品质量安全监管",
        "建立健全质量工作机制",
        "严格执行市场准入制度",
        "质量信用档案",
        "核心竞争力",
        "推进检验检测资源整合",
        "指标",
    ],
)
def test_mainland_simplified_text_is_unchanged(mainland):
    assert to_simplified(mainland) == mainland
    assert normalize(mainland) == mainland


@pytest.mark.parametrize(
    "name",
    [
        "hunan-2013-product-quality-supervision.txt",
        "aqsiq-2016-grassroots-quality-supervision.txt",
        "guangxi-13th-five-year-quality-plan.txt",
    ],
)
def test_simplified_corpus_document_is_unchanged_by_script_conversion(name):
    text = unicodedata.normalize("NFKC", (CORPUS / name).read_text(encoding="utf-8"))
    # a mainland document in simplified characters has nothing to convert, apart from genuine
    # Taiwan-style words (aqsiq's 品质革命 is one), so compare only the lines that lack them
    lines = [ln for ln in text.split("\n") if "品质革命" not in ln]
    changed = [ln for ln in lines if to_simplified(ln) != ln]
    assert changed == []


def test_script_detection(docs):
    assert detect_script("陕西省人民政府关于加强全面质量监管的意见") == "simplified"
    assert detect_script("陜西省人民政府關於加強全面質量監管的意見") == "traditional"
    assert docs.corpus(GANSU).meta.script == "traditional"


def test_quotes_keep_the_original_script(docs):
    doc = docs.corpus(GANSU)
    chunk = next(c for c in doc.chunks if "智慧財產權" in c.text)
    assert chunk.text == doc.text[chunk.start : chunk.end]  # the original, traditional text
    assert "知识产权" not in chunk.text
    searchable = normalize(chunk.text)
    assert "知识产权" in searchable
    assert "智慧" not in searchable
