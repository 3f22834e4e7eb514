"""Metadata: the manifest beside the corpus wins; without it, title, issuer, date, 文号,
level, region and script are inferred from the text."""
from __future__ import annotations

import json
import shutil

import pytest

from ingest import ingest_file
from ingest.clean import segment
from ingest.loaders import load
from ingest.metadata import infer
from ingest_helpers import CORPUS, CORPUS_FILES, FIXTURES

FIELDS = ("title", "issuer", "date", "doc_number", "level", "region", "script")
MANIFEST = {e["file"]: e for e in json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["documents"]}


def test_manifest_lists_the_corpus():
    assert sorted(MANIFEST) == sorted(CORPUS_FILES)


# --- (a) with the manifest ---------------------------------------------------------------------


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_manifest_fields_win(docs, name):
    meta = docs.corpus(name).meta
    gold = MANIFEST[name]
    for field in FIELDS:
        assert getattr(meta, field) == gold[field], field
        assert field in meta.from_manifest
    assert meta.year == gold.get("year", int(gold["date"][:4]) if gold["date"] else None)


# --- (b) inferred from the text alone --------------------------------------------------------------


@pytest.fixture(scope="module")
def inferred(tmp_path_factory):
    """Each corpus file ingested from a folder without manifest.json."""
    folder = tmp_path_factory.mktemp("no-manifest")
    out = {}
    for name in CORPUS_FILES:
        shutil.copyfile(CORPUS / name, folder / name)
        out[name] = ingest_file(folder / name).meta
    return out


def test_inference_without_manifest_uses_no_manifest(inferred):
    assert all(meta.from_manifest == () for meta in inferred.values())


def test_inference_matches_gold_on_34_of_35_fields(inferred):
    misses = []
    for name, meta in inferred.items():
        for field in FIELDS:
            if getattr(meta, field) != MANIFEST[name][field]:
                misses.append(f"{name}:{field}={getattr(meta, field)!r} (gold {MANIFEST[name][field]!r})")
    score = len(CORPUS_FILES) * len(FIELDS) - len(misses)
    print(f"metadata inference: {score}/35 fields match the manifest; misses: {misses}")
    assert score >= 34, misses


def test_hunan_doc_number_and_signature_date(inferred):
    meta = inferred["hunan-2013-product-quality-supervision.txt"]
    assert meta.doc_number == "湘政发〔2013〕40号"
    # the signature date, not the 2013-12-31 publish time in the page furniture
    assert meta.date == "2013-12-18"
    assert meta.year == 2013
    assert meta.title == "湖南省人民政府关于进一步加强产品质量监督工作的意见"


def test_aqsiq_national_issuer_from_short_signature(inferred):
    meta = inferred["aqsiq-2016-grassroots-quality-supervision.txt"]
    assert meta.issuer == "国家质量监督检验检疫总局"  # signed 质检总局
    assert meta.level == "national"
    assert meta.region is None
    assert meta.date == "2016-05-24"


def test_shaanxi_traditional_script_and_simplified_values(inferred):
    meta = inferred["shaanxi-2017-comprehensive-quality-supervision.txt"]
    assert meta.script == "traditional"
    # signed 陜西省人民政府 in traditional script; metadata is given in simplified characters
    assert meta.issuer == "陕西省人民政府"
    assert meta.region == "陕西"
    assert meta.title == "陕西省人民政府关于加强全面质量监管的意见"


def test_gansu_traditional_title_converted(inferred):
    meta = inferred["gansu-2015-quality-development-action-plan.txt"]
    assert meta.title == "甘肃省贯彻实施质量发展纲要2015年行动计划"
    assert meta.script == "traditional"
    assert (meta.issuer, meta.date, meta.year) == (None, None, 2015)


def test_guangxi_has_no_title_line(inferred):
    meta = inferred["guangxi-13th-five-year-quality-plan.txt"]
    assert meta.title is None  # the gold title is not stated in the text
    assert (meta.region, meta.level) == ("广西", "provincial")


def test_infer_directly_from_segments():
    loaded = load(CORPUS / "hunan-2013-product-quality-supervision.txt")
    meta = infer(loaded.text, segment(loaded))
    assert (meta.doc_number, meta.date, meta.region, meta.level) == ("湘政发〔2013〕40号", "2013-12-18", "湖南", "provincial")


# --- (c) fixtures -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "gbk.txt",
            dict(title="福建省人民政府关于推进质量提升行动的实施意见", doc_number="闽政〔2018〕7号",
                 issuer="福建省人民政府", date="2018-04-02", region="福建", level="provincial"),
        ),
        (
            "webpage.html",
            dict(title="江苏省人民政府关于加强标准化工作的意见", doc_number="苏政发〔2020〕41号",
                 issuer="江苏省人民政府", date="2020-04-28", region="江苏"),
        ),
        (
            "utf16.txt",
            dict(title="浙江省市场监督管理局关于开展2021年度产品质量省级监督抽查工作的通知",
                 doc_number="浙市监质〔2021〕5号", issuer="浙江省市场监督管理局", date="2021-03-08", region="浙江"),
        ),
        # pypdf writes "赣政发〔2019〕12 号" and "2019 年 3 月15日"
        ("policy.pdf", dict(doc_number="赣政发〔2019〕12号", date="2019-03-15", issuer="江西省人民政府", region="江西")),
        ("policy.docx", dict(doc_number="赣政发〔2019〕12号", date="2019-03-15", issuer="江西省人民政府")),
        ("statute.txt", dict(title="河北省产品质量监督条例", region="河北", doc_number=None)),
    ],
)
def test_fixture_metadata(docs, name, expected):
    meta = docs.fixture(name).meta
    assert {k: getattr(meta, k) for k in expected} == expected
    assert meta.from_manifest == ()
    assert meta.script == "simplified"


def test_fixture_metadata_records_format_and_encoding(docs):
    gbk = docs.fixture("gbk.txt").meta
    assert gbk.format == "txt" and gbk.encoding == "gb18030"
    assert gbk.source == str(FIXTURES / "gbk.txt")
    assert len(gbk.sha256) == 64
    assert docs.fixture("policy.pdf").meta.format == "pdf"


def test_markdown_title_has_no_heading_marker(docs):
    assert docs.fixture("utf8-bom.md").meta.title == "四川省人民政府办公厅关于加强计量工作的通知"
