"""Render part of the development corpus as the files users bring: a printed PDF (running
header, "— N —" footers, lines broken mid-sentence, one with each article number on a line of
its own as government PDFs print it), a Word file, a scraped web page (navigation, breadcrumb,
<meta> tags, a 【字体：大 中 小】 打印 widget, related links and a footer), GBK text with CRLF
line ends, and traditional script with Taiwan vocabulary (OpenCC s2twp).

NOT run by the tests; the rendered files are committed beside the Markdown documents.

    pip install fpdf2          # PDF; python-docx and opencc are zhiqa dependencies
    python -m eval.corpora.render_laws [SOURCE_DIR]   # default ../shared/corpus-dev

A CJK font is needed for the PDF (Debian: fonts-wqy-zenhei). Every other document of the
development corpus is copied unchanged."""
from __future__ import annotations

import html
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import docx
import opencc
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
OUT = HERE / "laws"
DEFAULT_SOURCE = HERE.parent.parent.parent / "shared" / "corpus-dev"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")

# source file -> how a user would have it
RENDER = {
    "价格法(1997-12-29).md": "pdf",
    "工业产品质量责任条例(1986-04-05).md": "pdf-numbers-alone",
    "市场监督管理行政处罚信息公示规定(2021-07-30).md": "pdf",
    "山东省计量条例(2020-07-24).md": "docx",
    "标准化法实施条例(1990-04-06).md": "docx",
    "食品生产经营监督检查管理办法(2021-12-24).md": "html",
    "明码标价和禁止价格欺诈规定(2022-04-14).md": "html",
    "重庆市产品质量条例(2014-08-01).md": "html",
    "河南省计量监督管理条例(2016-03-29).md": "gbk-crlf",
    "进出口商品检验法(2021-04-29).md": "gbk-crlf",
    "浙江省检验机构管理条例(2021-07-30).md": "traditional",
    "家用汽车产品修理更换退货责任规定(2021-07-22).md": "traditional",
}
SUFFIX = {"pdf": ".pdf", "pdf-numbers-alone": ".pdf", "docx": ".docx", "html": ".html", "gbk-crlf": ".txt",
          "traditional": ".md"}
_ARTICLE = re.compile(r"^(第[一二三四五六七八九十百零〇]+条)\s*(.*)$")


@dataclass(frozen=True)
class Law:
    title: str
    header: list[str]  # the adoption / amendment lines
    body: list[tuple[str, str]]  # (kind, text): chapter | section | line


def parse(markdown: str) -> Law:
    head, _, rest = markdown.partition("<!-- INFO END -->")
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    title = lines[0].lstrip("#").strip()
    body = []
    for ln in rest.splitlines():
        ln = ln.strip()
        if not ln:
            continue
        if ln.startswith("#"):
            text = ln.lstrip("#").strip()
            body.append(("section" if re.match(r"第.+节", text) else "chapter", text))
        else:
            body.append(("line", ln))
    return Law(title, lines[1:], body)


def plain_text(law: Law) -> str:
    """The law as a plain text file: title, header lines in brackets, chapters, articles."""
    out = [law.title, ""] + [f"（{h}）" for h in law.header] + [""]
    for kind, text in law.body:
        out.append(text if kind == "line" else f"\n{text}\n")
    return "\n".join(out) + "\n"


def render_pdf(law: Law, path: Path, numbers_alone: bool) -> None:
    from fpdf import FPDF  # the one extra this script needs: pip install fpdf2

    class Printed(FPDF):
        def header(self) -> None:
            self.set_font("cjk", size=9)
            self.cell(0, 6, law.title, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("cjk", size=10)
            self.cell(0, 8, f"— {self.page_no()} —", align="C")

    pdf = Printed(format="A4")
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_font("cjk", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("cjk", size=18)
    pdf.multi_cell(0, 11, law.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    for h in law.header:
        pdf.multi_cell(0, 6, f"（{h}）", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for kind, text in law.body:
        if kind != "line":
            pdf.set_font("cjk", size=13)
            pdf.ln(2)
            pdf.multi_cell(0, 9, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("cjk", size=11)
            continue
        pdf.set_font("cjk", size=11)
        m = _ARTICLE.match(text)
        if m and numbers_alone:
            pdf.multi_cell(0, 7, m.group(1), new_x="LMARGIN", new_y="NEXT")
            pdf.multi_cell(0, 7, "\u3000\u3000" + m.group(2), new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.multi_cell(0, 7, "\u3000\u3000" + text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def render_docx(law: Law, path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = law.title
    section.footer.paragraphs[0].text = "第 页"
    document.add_heading(law.title, level=1)
    for h in law.header:
        document.add_paragraph(f"（{h}）")
    for kind, text in law.body:
        if kind == "line":
            p = document.add_paragraph(text)
            p.paragraph_format.first_line_indent = Pt(24)
        else:
            document.add_heading(text, level=2 if kind == "chapter" else 3)
    document.save(str(path))


def render_html(law: Law, path: Path, date: str, issuer: str) -> None:
    e = html.escape
    paragraphs = "\n".join(
        f"<p style=\"text-align:center\"><strong>{e(text)}</strong></p>" if kind != "line" else f"<p>\u3000\u3000{e(text)}</p>"
        for kind, text in law.body
    )
    header = "\n".join(f"<p style=\"text-align:center\">（{e(h)}）</p>" for h in law.header)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{e(law.title)}_政策法规_{e(issuer)}</title>
<meta name="ArticleTitle" content="{e(law.title)}">
<meta name="PubDate" content="{date} 09:30">
<meta name="ContentSource" content="{e(issuer)}">
<meta name="keywords" content="{e(law.title)},政策法规">
<script>var _hmt = _hmt || [];</script>
</head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a href="/jgsz/">机构设置</a> | <a href="/xwzx/">新闻中心</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcfg/">政策法规</a></div>
<div class="article">
<h1 class="title">{e(law.title)}</h1>
<div class="info">发布时间：{date} 09:30　来源：{e(issuer)}　【字体：<a>大</a> <a>中</a> <a>小</a>】 <a>打印</a> <a>关闭</a></div>
<div class="TRS_Editor" id="zoom">
{header}
{paragraphs}
</div>
</div>
<div class="related"><h3>相关阅读</h3><ul><li><a href="/zcfg/1.html">关于开展2024年产品质量监督抽查工作的通知</a></li><li><a href="/zcfg/2.html">政策解读：进一步优化营商环境</a></li></ul></div>
<div class="share">扫一扫在手机打开当前页</div>
<div class="footer">版权所有：{e(issuer)}　地址：××路××号　网站标识码：0000000001　ICP备案序号：京ICP备00000000号</div>
</body>
</html>
"""
    path.write_text(page, encoding="utf-8")


def _date(name: str) -> str:
    m = re.search(r"\((\d{4}-\d{2}-\d{2})\)", name)
    return m.group(1) if m else "2020-01-01"


def _issuer(law: Law) -> str:
    """Who put the page online: the body the header lines name, else the legislature."""
    for h in law.header:
        m = re.search(r"(国家市场监督管理总局|国务院|[\u4e00-\u9fff]{2,3}市人民代表大会常务委员会)", h)
        if m:
            return m.group(1)
    return "人民代表大会常务委员会"


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    OUT.mkdir(parents=True, exist_ok=True)
    to_taiwan = opencc.OpenCC("s2twp")
    for src in sorted(source.glob("*.md")):
        how = RENDER.get(src.name)
        if how is None:
            shutil.copyfile(src, OUT / src.name)
            continue
        markdown = src.read_text(encoding="utf-8")
        law = parse(markdown)
        target = OUT / (src.stem + SUFFIX[how])
        if how.startswith("pdf"):
            render_pdf(law, target, numbers_alone=how == "pdf-numbers-alone")
        elif how == "docx":
            render_docx(law, target)
        elif how == "html":
            render_html(law, target, _date(src.name), _issuer(law))
        elif how == "gbk-crlf":
            target.write_bytes(plain_text(law).replace("\n", "\r\n").encode("gbk"))
        elif how == "traditional":
            target.write_text(to_taiwan.convert(markdown), encoding="utf-8")
        print(f"{how:18s} {target.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
