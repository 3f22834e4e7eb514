"""Loaders: each committed fixture decodes to its real text; bad inputs raise typed errors
that name the file and say what to do."""
from __future__ import annotations

import re

import pytest

import ingest
from ingest import (
    SUPPORTED_SUFFIXES,
    CorruptFile,
    EmptyDocument,
    EncryptedPdf,
    FileTooLarge,
    IngestError,
    ScannedPdf,
    UndecodableText,
    UnsupportedFormat,
    load,
)
from ingest_helpers import CORPUS, FIXTURES, ROOT

POLICY_TITLE = "江西省人民政府关于加强产品质量安全监管的意见"
POLICY_SENTENCES = (
    "企业是产品质量的制造者和主体责任承担者。",
    "定期发布产品质量抽查报告和年度分析报告。",
    "对抽查不合格的企业，由县级以上人民政府市场监督管理部门责令限期整改，并在整改期满后组织复查。",
)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- encodings -------------------------------------------------------------------------


def test_gbk_text_decodes_with_its_doc_number():
    raw = (FIXTURES / "gbk.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):  # the fixture really is not UTF-8
        raw.decode("utf-8")

    loaded = load(FIXTURES / "gbk.txt")

    assert loaded.format == "txt"
    assert loaded.encoding.lower().replace("_", "") in {"gb18030", "gbk", "gb2312", "cp936"}
    assert loaded.text.startswith("福建省人民政府关于推进质量提升行动的实施意见")
    assert "闽政〔2018〕7号" in loaded.text
    assert "对获得中国质量奖、福建省政府质量奖的组织按规定给予奖励。" in loaded.text
    assert "\ufffd" not in loaded.text


def test_utf16_text_decodes_without_bom():
    assert (FIXTURES / "utf16.txt").read_bytes()[:2] == b"\xff\xfe"

    loaded = load(FIXTURES / "utf16.txt")

    assert loaded.encoding.lower().replace("_", "-").startswith("utf-16")
    assert "\ufeff" not in loaded.text
    assert loaded.text.startswith("浙江省市场监督管理局关于开展2021年度产品质量省级监督抽查工作的通知")
    assert "抽查结果将在浙江省市场监督管理局门户网站向社会公布，接受社会监督。" in loaded.text
    assert "\x00" not in loaded.text


def test_utf8_bom_markdown_decodes_without_bom():
    assert (FIXTURES / "utf8-bom.md").read_bytes()[:3] == b"\xef\xbb\xbf"

    loaded = load(FIXTURES / "utf8-bom.md")

    assert loaded.format == "md"
    assert "\ufeff" not in loaded.text
    assert loaded.text.startswith("# 四川省人民政府办公厅关于加强计量工作的通知")
    assert "严厉打击计量作弊等违法行为；" in loaded.text


# Big5 (issue 20, item 7): GB18030 decodes almost any byte string, Big5 text too, as rare
# characters and symbols; the loader must notice and decode it as Big5/CP950 instead.
def _traditional(text: str) -> str:
    import opencc  # the script conversion the pipeline itself uses

    # U+00A0 has no Big5 code; a real Big5 file holds a plain space there
    return opencc.OpenCC("s2twp").convert(text).replace("\xa0", " ")


@pytest.mark.parametrize("codec", ["big5", "cp950"])
@pytest.mark.parametrize("source", ["corpus/hunan-2013-product-quality-supervision.txt", "tests/fixtures/statute.txt"])
def test_big5_text_decodes_to_its_traditional_original(tmp_path, codec, source):
    original = _traditional((ROOT / source).read_text(encoding="utf-8"))
    raw = original.encode(codec)
    assert raw.decode("gb18030") != original  # the trap: valid GB18030, and garbage
    path = tmp_path / "traditional.txt"
    path.write_bytes(raw)

    loaded = load(path)

    assert loaded.text == original
    assert loaded.encoding in {"big5", "cp950"}


def test_big5_paragraph_decodes_to_its_traditional_original(tmp_path):
    paragraph = _traditional(next(p for p in (CORPUS / "gansu-2015-quality-development-action-plan.txt")
                                  .read_text(encoding="utf-8").split("\n") if len(p) > 80))
    path = tmp_path / "paragraph.txt"
    path.write_bytes(paragraph.encode("big5"))
    assert load(path).text == paragraph


def test_big5_statute_ingests_as_traditional_with_its_articles(tmp_path):
    path = tmp_path / "statute-big5.txt"
    path.write_bytes(_traditional((FIXTURES / "statute.txt").read_text(encoding="utf-8")).encode("cp950"))
    simplified = ingest.ingest_file(FIXTURES / "statute.txt")

    doc = ingest.ingest_file(path)

    assert doc.meta.encoding in {"big5", "cp950"}
    assert doc.meta.script == "traditional"
    assert [s.kind for s in doc.sections] == [s.kind for s in simplified.sections]
    assert any(s.number == "第一條" for s in doc.sections)


@pytest.mark.parametrize("fragment", ["湘政发〔2013〕", "HNPR—2013—00052", "2013年1月"])
def test_short_gbk_text_valid_as_big5_too_stays_gbk(tmp_path, fragment):
    # bytes both decodings accept and nothing tells apart: the mainland encoding wins
    raw = fragment.encode("gbk")
    raw.decode("cp950")  # really ambiguous
    path = tmp_path / "short.txt"
    path.write_bytes(raw)
    loaded = load(path)
    assert loaded.text == fragment
    assert loaded.encoding == "gb18030"


@pytest.mark.parametrize(("name", "codec"), [("gbk.txt", "gb18030"), ("utf16.txt", "utf-16"), ("utf8-bom.md", "utf-8-sig")])
def test_committed_encodings_decode_exactly_as_before(name, codec):
    loaded = load(FIXTURES / name)
    assert loaded.encoding == codec
    assert loaded.text == (FIXTURES / name).read_bytes().decode(codec)


# --- HTML ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def webpage():
    return load(FIXTURES / "webpage.html")


@pytest.mark.parametrize(
    "hidden",
    [
        "样式注释",  # CSS comment
        "font-family",  # CSS rule
        "changeFontSize",  # script function
        "siteConfig",
        "访问者",  # document.write("…您是本站第 1024 位访问者…")
        "document.write",
        "要闻动态",  # <nav> menu
        "互动交流",
    ],
)
def test_html_drops_script_style_and_nav(webpage, hidden):
    assert hidden not in webpage.text


def test_html_keeps_article_body(webpage):
    assert webpage.format == "html"
    for expected in (
        "江苏省人民政府关于加强标准化工作的意见",
        "苏政发〔2020〕41号",
        "各市、县（市、区）人民政府，省各委办厅局，省各直属单位：",
        "一、总体要求",
        "二、重点任务",
        "三、保障措施",
        "（一）加强地方标准管理。",
        "省级地方标准的立项、审查和发布工作，由省人民政府标准化行政主管部门负责。",
        "江苏省人民政府\n2020年4月28日",
        "（此件公开发布）",
    ):
        assert expected in webpage.text
    # block elements become separate lines: a heading is not glued to its paragraph
    assert "\n二、重点任务\n（一）加强地方标准管理。" in webpage.text


# --- PDF -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def policy_pdf():
    return load(FIXTURES / "policy.pdf")


def test_pdf_has_three_pages(policy_pdf):
    assert policy_pdf.format == "pdf"
    assert len(policy_pdf.page_starts) == 3
    assert policy_pdf.page_starts[0] == 0
    assert list(policy_pdf.page_starts) == sorted(set(policy_pdf.page_starts))


def test_pdf_drops_running_header_and_page_numbers(policy_pdf):
    assert "江西省人民政府文件" not in policy_pdf.text
    assert not re.search(r"—\s*\d+\s*—", policy_pdf.text)
    # the title is body text, not mistaken for a repeated header
    assert policy_pdf.text.startswith(POLICY_TITLE)


def test_pdf_rejoins_a_sentence_wrapped_across_lines(policy_pdf):
    # in the text layer: "…开展质量提升行动的指导意\n见》，切实…"
    assert "《中共中央 国务院关于开展质量提升行动的指导意见》，切实保障产品质量安全" in policy_pdf.text


@pytest.mark.parametrize("sentence", POLICY_SENTENCES)
def test_pdf_keeps_every_sentence(policy_pdf, sentence):
    assert sentence in _squeeze(policy_pdf.text)


def test_pdf_rejoins_the_wrapped_first_line_of_a_numbered_item(policy_pdf):
    # only pypdf's extra spaces around ASCII digits are removed here, not line breaks
    assert "企业是产品质量的制造者和主体责任承担者。" in policy_pdf.text.replace(" ", "")


@pytest.mark.parametrize(
    ("phrase", "page"),
    [
        ("坚持以人民为中心的发展思想", 1),
        ("二、重点任务", 2),
        ("三、保障措施", 3),
        ("各级政府要加大财政保障力度", 3),  # （八）, section 三
        ("建立产品质量安全评价考核体系", 3),  # （九）, section 三
    ],
)
def test_pdf_page_of_a_sentence(policy_pdf, phrase, page):
    assert policy_pdf.page_at(policy_pdf.text.index(phrase)) == page


# --- DOCX ------------------------------------------------------------------------------


def test_docx_contains_title_sections_and_sentences():
    loaded = load(FIXTURES / "policy.docx")

    assert loaded.format == "docx"
    lines = loaded.text.split("\n")
    assert lines[0] == POLICY_TITLE
    assert "赣政发〔2019〕12号" in lines
    for heading in ("一、总体要求", "二、重点任务", "三、保障措施"):
        assert heading in lines
    for sentence in POLICY_SENTENCES:
        assert sentence in loaded.text
    assert lines[-1] == "（此件主动公开）"
    # header and footer are not body text
    assert "江西省人民政府文件" not in loaded.text
    assert "— 1 —" not in loaded.text


# --- bad inputs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "error", "says"),
    [
        ("empty.txt", EmptyDocument, "empty"),
        ("binary.txt", UndecodableText, "UTF-8"),
        ("notes.xyz", UnsupportedFormat, ".xyz"),
        ("truncated.pdf", CorruptFile, "damaged or truncated"),
        ("encrypted.pdf", EncryptedPdf, "password"),
        ("scanned.pdf", ScannedPdf, "OCR"),
    ],
)
def test_bad_input_raises_typed_error_naming_the_file(name, error, says):
    path = FIXTURES / name
    with pytest.raises(error) as info:
        load(path)
    err = info.value
    assert isinstance(err, IngestError)
    assert str(err).startswith(str(path))
    assert err.path == str(path)
    assert says in str(err)
    assert err.remedy and err.remedy in str(err)


def test_unsupported_format_lists_supported_types():
    with pytest.raises(UnsupportedFormat) as info:
        load(FIXTURES / "notes.xyz")
    for suffix in (".txt", ".md", ".html", ".pdf", ".docx"):
        assert suffix in SUPPORTED_SUFFIXES
        assert suffix in str(info.value)


@pytest.mark.parametrize("name", ["encrypted.pdf", "scanned.pdf", "binary.txt"])
def test_ingest_file_raises_the_same_typed_error(name):
    with pytest.raises(IngestError) as info:
        ingest.ingest_file(FIXTURES / name)
    assert str(info.value).startswith(str(FIXTURES / name))


def test_page_furniture_only_file_is_an_empty_document(tmp_path):
    path = tmp_path / "furniture.txt"
    path.write_text("发布时间: 2020-05-06 10:00\n【字体: 大 中 小】\n打印本页\n", encoding="utf-8")
    with pytest.raises(EmptyDocument) as info:
        ingest.ingest_file(path)
    assert str(info.value).startswith(str(path))


def _write_text_file(path, megabytes: float) -> int:
    block = ("质量监督工作是保障产品质量安全的重要手段。" * 200 + "\n").encode("utf-8")
    count = int(megabytes * 1024 * 1024) // len(block) + 1
    with open(path, "wb") as f:
        f.write(block * count)
    return path.stat().st_size


@pytest.mark.slow
def test_50_mb_text_is_refused_with_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.delenv("ZHIQA_MAX_FILE_MB", raising=False)
    path = tmp_path / "huge.txt"
    assert _write_text_file(path, 50) >= 50 * 1024 * 1024
    with pytest.raises(FileTooLarge) as info:
        load(path)
    assert str(info.value).startswith(str(path))
    assert "ZHIQA_MAX_FILE_MB" in str(info.value)


def test_size_limit_follows_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHIQA_MAX_FILE_MB", "1")
    big = tmp_path / "two-mb.txt"
    _write_text_file(big, 2)
    with pytest.raises(FileTooLarge) as info:
        load(big)
    assert str(info.value).startswith(str(big))

    small = tmp_path / "half-mb.txt"
    _write_text_file(small, 0.5)
    assert load(small).text.startswith("质量监督工作")
