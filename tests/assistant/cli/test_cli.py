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
    assert set(out) == CONTRACT | {"coverage"}  # answered on evidence: how much of the question it covers
    assert out["abstained"] is False and out["citations"] and 0.3 <= out["coverage"] <= 1
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
    assert "理解为: 甘肃政府质量奖评选由哪个部门配合?" in out  # the role the follow-up names replaces the first


def test_an_index_from_an_incompatible_release_is_rebuilt_from_its_own_sources(tmp_path, corpus_copy, fixtures_dir, capsys):
    """After an upgrade that changes the tokenizer, ingest exits 3 (what `make run` checks) and
    `ingest --rebuild` with no paths re-reads every file the index was built from, corpus and
    other folders alike."""
    home = tmp_path / "idx"
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(fixtures_dir / "statute.txt", other / "statute.txt")
    assert main(["--index", str(home), "ingest", "-q", str(corpus_copy), str(other)]) == 0
    gen = json.loads((home / "CURRENT").read_text(encoding="utf-8"))["generation"]
    manifest_path = home / f"gen-{gen:06d}" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["tokenizer"] = "jieba-0.42.1-search+dict-old"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    capsys.readouterr()

    assert main(["--index", str(home), "ingest", "-q", str(corpus_copy)]) == 3
    err = capsys.readouterr().err
    assert "tokenizer" in err and "ingest --rebuild" in err
    assert main(["--index", str(home), "ingest"]) == 2  # no paths and no --rebuild: told what to do
    assert "--rebuild" in capsys.readouterr().err

    assert main(["--index", str(home), "ingest", "-q", "--rebuild"]) == 0
    assert "6 added" in capsys.readouterr().out
    assert main(["--index", str(home), "docs", "--json"]) == 0
    docs = {d["doc_id"] for d in json.loads(capsys.readouterr().out)}
    assert len(docs) == 6 and "statute" in docs


def test_a_bad_setting_is_one_line_naming_it(corpus_index, corpus_dir, tmp_path, capsys, monkeypatch):
    """Settings and options a user got wrong are ConfigErrors: exit 2 with a message that names
    the setting, never a traceback; a batch line's, an error line naming it."""
    home = str(corpus_index.paths.home)
    cases = [
        ("ZHIQA_DENSE_WEIGHT", "heavy", [home, "ask", "甘肃政府质量奖评选由哪个部门牵头?"]),
        ("ZHIQA_RERANKER", "bge-reranker", [home, "ask", "甘肃政府质量奖评选由哪个部门牵头?"]),
        ("ZHIQA_MAX_FILE_MB", "lots", [home, "serve", "--port", "1"]),
        ("ZHIQA_INGEST_WORKERS", "two", [str(tmp_path / "idx"), "ingest", "-q", str(corpus_dir)]),
    ]
    for name, value, argv in cases:
        monkeypatch.setenv(name, value)
        assert main(["--index", *argv]) == 2, name
        err = capsys.readouterr().err
        assert err.startswith("zhiqa: ") and name in err and "Traceback" not in err, err
        monkeypatch.delenv(name)
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"q": "广西的目标是多少?", "year": "去年"}, ensure_ascii=False)))
    # a bad batch line is that line's error (the other lines are still answered: test_cli_hostile)
    assert main(["--index", home, "ask", "--batch", "-"]) == 1
    assert "去年" in json.loads(capsys.readouterr().out)["error"]
