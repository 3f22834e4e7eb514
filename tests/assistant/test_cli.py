"""The `zhiqa` command line: the JSON contract, batch mode, ingest verdicts and errors."""
from __future__ import annotations

import io
import json
import shutil
import sys

from assistant.cli import main

CONTRACT = {"question", "standalone_question", "answer", "abstained", "question_type", "citations", "latency_ms"}
CITATION = {"n", "doc_id", "title", "issuer", "date", "doc_number", "section", "quote", "start", "end", "page", "source"}


def test_ask_json_follows_the_contract(corpus_index, capsys):
    rc = main(["--index", str(corpus_index.paths.home), "ask", "--json", "湖南省对企业落实产品质量主体责任有什么要求?"])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == CONTRACT
    assert out["abstained"] is False and out["citations"]
    assert set(out["citations"][0]) == CITATION
    assert out["question_type"] in ("responsibility", "deadline", "target", "procedure", "definition", "list", "comparison", "other")


def test_abstention_json_keeps_the_contract_and_says_why(corpus_index, capsys):
    main(["--index", str(corpus_index.paths.home), "ask", "--json", "浙江省的质量奖有哪些?"])
    out = json.loads(capsys.readouterr().out)
    assert CONTRACT <= set(out) and out["abstained"] is True and out["citations"] == []
    assert "浙江" in out["reason"] and out["suggestions"]


def test_batch_answers_in_order_and_links_conversation_turns(corpus_index, capsys, monkeypatch):
    lines = [
        {"id": "a", "q": "广西制造业产品质量合格率的目标是多少?"},
        {"id": "b1", "q": "甘肃政府质量奖评选由哪个部门牵头?", "conversation": "c1"},
        {"id": "b2", "q": "那配合的部门呢?", "conversation": "c1"},
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(json.dumps(x, ensure_ascii=False) for x in lines)))
    assert main(["--index", str(corpus_index.paths.home), "ask", "--batch", "-"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["id"] for o in out] == ["a", "b1", "b2"]
    assert "93%" in out[0]["answer"]
    assert out[2]["standalone_question"] != out[2]["question"] and "甘肃" in out[2]["standalone_question"]


def test_ingest_reports_failures_by_file_and_exits_nonzero(tmp_path, corpus_copy, fixtures_dir, capsys):
    shutil.copy(fixtures_dir / "binary.txt", corpus_copy / "binary.txt")
    rc = main(["--index", str(tmp_path / "idx"), "ingest", "-q", str(corpus_copy)])
    captured = capsys.readouterr()
    assert rc == 1
    assert "binary.txt" in captured.err and "5 added" in captured.out and "1 failed" in captured.out
    assert main(["--index", str(tmp_path / "idx"), "docs", "--json"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert len(docs) == 5 and {d["region"] for d in docs} == {"陕西", "湖南", "甘肃", "广西", None}


def test_missing_index_is_a_clear_error(tmp_path, capsys):
    assert main(["--index", str(tmp_path / "none"), "ask", "hello"]) == 2
    assert "zhiqa ingest" in capsys.readouterr().err


def test_remove_unknown_document_names_the_known_ones(corpus_index, capsys, tmp_path, corpus_copy):
    home = str(tmp_path / "idx")
    main(["--index", home, "ingest", "-q", str(corpus_copy)])
    capsys.readouterr()
    assert main(["--index", home, "remove", "no-such-doc"]) == 2
    assert "hunan-2013-product-quality-supervision" in capsys.readouterr().err
    assert main(["--index", home, "remove", "hunan-2013-product-quality-supervision"]) == 0


def test_chat_answers_and_resolves_a_follow_up(corpus_index, capsys, monkeypatch):
    turns = iter(["甘肃政府质量奖评选由哪个部门牵头?", "那配合的部门呢?", ""])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(turns))
    assert main(["--index", str(corpus_index.paths.home), "chat"]) == 0
    out = capsys.readouterr().out
    assert "省質監局" in out and "[1]" in out
    assert "理解为: 甘肃政府质量奖评选由哪个部门牵头? 那配合的部门呢?" in out
