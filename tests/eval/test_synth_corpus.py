"""The synthetic scale corpus: reproducible, realistic enough to ingest, varied enough for BM25."""
from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from eval.synth_corpus import MAX_BYTES, MIN_BYTES, generate, main
from eval.synth_data import REGIONS
from eval.synth_sources import SynthCorpusError


def _manifest(folder: Path) -> list[dict]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["documents"]


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_same_seed_gives_the_same_bytes_and_another_seed_other_documents(tmp_path):
    generate(tmp_path / "a", 8, seed=7)
    generate(tmp_path / "b", 8, seed=7)
    generate(tmp_path / "c", 8, seed=8)
    a, b, c = (_folder_bytes(tmp_path / x) for x in "abc")
    assert a == b
    assert a.keys() == c.keys()
    assert all(a[name] != c[name] for name in a)


def test_writes_n_files_and_a_manifest_whose_metadata_the_text_bears_out(tmp_path):
    from ingest.metadata import MANIFEST_FIELDS
    from ingest.normalize import detect_script, to_simplified

    report = generate(tmp_path, 40, seed=1)
    txt = sorted(p.name for p in tmp_path.glob("*.txt"))
    entries = _manifest(tmp_path)
    assert report.n_docs == 40 and len(txt) == 40
    assert [e["file"] for e in entries] == txt == [p.name for p in report.paths]
    cities = {r.name: r.cities for r in REGIONS}
    for e in entries:
        assert set(MANIFEST_FIELDS) <= e.keys()
        text = (tmp_path / e["file"]).read_text(encoding="utf-8")
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        head = to_simplified(lines[0] + " " + lines[1])  # title, and the 文号 when there is one
        assert to_simplified(lines[0]) == e["title"]
        if e["level"] == "national":
            assert e["region"] is None and "总局" in head
        elif e["level"] == "municipal":
            assert e["city"] in cities[e["region"]] and e["city"] in head
        else:
            assert e["region"] in head
        if e["doc_number"]:
            assert to_simplified(lines[1]) == e["doc_number"] and f"〔{e['year']}〕" in e["doc_number"]
        assert e["date"].startswith(str(e["year"])) and lines[-1] == f"{e['year']}年{int(e['date'][5:7])}月{int(e['date'][8:])}日"
        assert detect_script(text) == e["script"]
    assert {e["script"] for e in entries} == {"simplified", "traditional"}
    assert len({e["region"] for e in entries}) >= 15


def test_documents_average_about_15_kb_within_the_3_to_40_kb_range(tmp_path):
    report = generate(tmp_path, 50, seed=0)
    sizes = [p.stat().st_size for p in report.paths]
    assert report.total_bytes == sum(sizes)
    assert report.total_chars == sum(len(p.read_text(encoding="utf-8")) for p in report.paths)
    assert 11_000 <= report.total_bytes / 50 <= 19_000
    assert MIN_BYTES <= min(sizes) and max(sizes) <= MAX_BYTES
    assert max(sizes) > 2 * min(sizes)


def test_no_two_documents_are_near_duplicates(tmp_path):
    report = generate(tmp_path, 50, seed=2)
    docs = [{ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if len(ln.strip()) >= 30} for p in report.paths]
    worst = max(len(a & b) / min(len(a), len(b)) for a, b in combinations(docs, 2))
    assert worst < 0.35
    titles = [e["title"] for e in _manifest(tmp_path)]
    assert len(set(titles)) >= 45


def test_generated_files_ingest_with_sections_chunks_and_the_manifest_metadata(tmp_path):
    from ingest import ingest_file

    generate(tmp_path, 12, seed=3)
    entries = _manifest(tmp_path)
    picked = {e["script"]: e for e in entries} | {e["level"]: e for e in entries}  # both scripts, every level drawn
    for e in picked.values():
        doc = ingest_file(tmp_path / e["file"])
        assert doc.chunks and doc.sections
        assert sum(1 for s in doc.sections if s.parent is None) >= 2
        assert (doc.meta.title, doc.meta.region, doc.meta.year) == (e["title"], e["region"], e["year"])
        assert "region" in doc.meta.from_manifest


def test_task_notes_name_lead_and_cooperating_units(tmp_path):
    generate(tmp_path, 30, seed=4)
    text = "\n".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.txt"))
    assert ("牵头," in text or "牽頭," in text) and ("配合)" in text)


def test_cli_writes_the_corpus_and_says_how_much(tmp_path, capsys):
    assert main([str(tmp_path / "out"), "--docs", "3", "--seed", "5"]) == 0
    assert "wrote 3 documents" in capsys.readouterr().out
    assert len(_manifest(tmp_path / "out")) == 3


def test_a_rerun_with_fewer_documents_leaves_no_stale_files(tmp_path):
    generate(tmp_path, 6)
    generate(tmp_path, 4)
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == [e["file"] for e in _manifest(tmp_path)]


def test_refuses_a_folder_it_did_not_write_and_a_bad_count(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SynthCorpusError, match="notes.txt"):
        generate(tmp_path, 2)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    with pytest.raises(ValueError):
        generate(tmp_path / "new", 0)
    assert main([str(tmp_path), "--docs", "2"]) == 2


def test_a_source_folder_without_manifest_is_named_in_the_error(tmp_path):
    (tmp_path / "src").mkdir()
    with pytest.raises(SynthCorpusError, match="manifest.json"):
        generate(tmp_path / "out", 2, source_dir=tmp_path / "src")
