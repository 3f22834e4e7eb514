"""A file with CRLF line ends (GBK, as Windows editors save it): every offset the index stores
points into the text as ingested, so citations, records and views quote it exactly."""
from __future__ import annotations

import shutil

from assistant import Assistant, Settings
from assistant.cli import main
from assistant.index.index import Index
from assistant.index.update import ingest_paths

QUESTIONS = ["福建省质量提升行动的主要目标是什么?", "福建省质量提升行动由哪个部门负责日常工作?"]


def test_a_crlf_file_is_quoted_exactly_everywhere(fixtures_dir, tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(fixtures_dir / "gbk.txt", folder / "gbk.txt")
    raw = (folder / "gbk.txt").read_bytes().decode("gbk")
    assert "\r\n" in raw  # the fixture keeps Windows line ends
    settings = Settings(home=tmp_path / "idx")
    ingest_paths(Index(settings), [folder])
    snap = Index(settings).snapshot()
    (doc_id,) = snap.docs
    text = snap.text(doc_id)
    assert text == raw  # the original as ingested, CRLF and all

    records = snap.records(doc_id)
    for r in [*records.responsibilities, *records.time_requirements, *records.targets, *records.obligations]:
        assert 0 <= r.start < r.end <= len(text)
    for chunk in snap.chunks:
        assert text[chunk.start : chunk.end] == chunk.text

    assistant = Assistant(settings)
    for q in QUESTIONS:
        ans = assistant.ask(q)
        assert not ans.abstained, (q, ans.reason)
        for c in ans.citations:
            assert text[c.start : c.end] == c.quote
            assert c.start == 0 or text[c.start - 1] in "\n。；：，　 \t", c.quote  # starts where a sentence does

    assert main(["--index", str(settings.home), "deadlines", "--json"]) == 0  # the view used to crash here
    assert "2020年" in capsys.readouterr().out
