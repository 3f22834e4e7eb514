"""The CLI under hostile text (issue 20, items 18 and 19): escape sequences in a document are
shown, never obeyed, by the terminal; one bad line of `ask --batch` costs that line only."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the CLI in subprocesses

ROOT = Path(__file__).resolve().parents[3]
ENV = dict(os.environ, PYTHONPATH=str(ROOT), ZHIQA_EMBEDDER="none")
# a scraped page whose text holds what a terminal obeys: clear screen, reset, hidden text, a C1
# CSI, a right-to-left override; character references are how such bytes reach a document
PAGE = (
    "<html><head><title>产品质量报告规定</title></head><body>"
    "<p>第一条 生产者发现产品存在缺陷的，应当在十五日内&#27;[2J&#27;c&#27;[8m向市场监督管理部门报告&#x9b;&#x202e;。</p>"
    "<p>第二条 销售者应当建立并执行进货检查验收制度。</p></body></html>"
)
QUESTION = "生产者发现产品缺陷应当在多少日内报告?"


def _zhiqa(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], input=stdin, capture_output=True, env=ENV,
                          cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-page")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    home = tmp_path_factory.mktemp("hostile-index") / "idx"
    assert _zhiqa("--index", str(home), "ingest", "-q", str(folder)).returncode == 0
    return home


def _obeyed(out: bytes) -> list[str]:
    text = out.decode("utf-8")
    return [ch for ch in ("\x1b", "\x9b", "\u202e") if ch in text]


def test_escape_sequences_in_a_document_are_shown_not_sent_to_the_terminal(home):
    out = _zhiqa("--index", str(home), "ask", QUESTION)
    assert out.returncode == 0, out.stderr
    assert not _obeyed(out.stdout)
    assert "\\u001b[2J" in out.stdout.decode("utf-8")  # shown, where it stands in the quote
    listed = _zhiqa("--index", str(home), "duties")
    assert not _obeyed(listed.stdout + listed.stderr)


def test_json_output_still_carries_the_exact_quote(home):
    out = _zhiqa("--index", str(home), "ask", "--json", QUESTION)
    assert out.returncode == 0 and not _obeyed(out.stdout)
    quote = json.loads(out.stdout)["citations"][0]["quote"]
    assert "\x1b[2J" in quote and "\u202e" in quote  # the citation is the document's text, exactly


def test_one_bad_batch_line_costs_that_line_only(home):
    lines = [
        json.dumps({"id": "a", "q": QUESTION}, ensure_ascii=False),
        '{"id": "b", "q": "\\ud800 质量"}',  # a lone surrogate
        "this is not json",
        json.dumps({"id": "d", "q": ""}),
        '{"id": "e", "q": "\xff\xfe"}',  # bytes that are not UTF-8 at all
        json.dumps({"id": "f", "q": "销售者应当建立什么制度?"}, ensure_ascii=False),
    ]
    data = "\n".join(lines[:4]).encode("utf-8") + b'\n{"id": "e", "q": "\xff\xfe"}\n' + lines[5].encode("utf-8") + b"\n"
    out = _zhiqa("--index", str(home), "ask", "--batch", "-", stdin=data)
    assert out.returncode == 1  # some lines failed
    rows = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]
    assert [r.get("id") for r in rows] == ["a", "b", None, "d", "e", "f"]
    assert rows[0]["citations"] and rows[5]["citations"]  # the good lines, before and after, answered
    errors = {r["line"]: r["error"] for r in rows if "error" in r}
    assert sorted(errors) == [2, 3, 4, 5]
    assert "surrogate" in errors[2] and "JSON" in errors[3] and "UTF-8" in errors[5]
