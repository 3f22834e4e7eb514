"""Uploads, round two (issue 20): names that collide within one upload, names too long for the
disk, a failure while storing, and a verdict per file, in Chinese, for every file that failed."""
from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.web.service import WebService
from assistant.web.uploads import stage

pytestmark = pytest.mark.slow  # the web service over its own index

TITLE = "某市市场监督管理局关于加强产品质量安全监督检查工作的通知"
LONG_NAME = "某市市场监督管理局关于" + "加强产品质量安全监督检查工作" * 6 + "的通知.txt"  # 100 characters and .txt


def _notice(title: str, duty: str) -> str:
    return (f"{title}\n\n某市监〔2026〕3号\n\n各区县市场监督管理局：\n\n一、工作要求\n"
            f"各区县市场监督管理局负责{duty}，发现问题的，应当在五个工作日内报告市局。\n\n"
            "某市市场监督管理局\n2026年3月2日\n")


@pytest.fixture()
def fresh(tmp_path):
    svc = WebService(Settings(home=tmp_path / "index"), downloads=tmp_path / "dl")
    svc.downloads.mkdir()
    return svc


def _file(folder, name: str, text: str):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _uploads(svc: WebService) -> list[str]:
    return sorted(p.name for p in (svc.settings.home / "uploads").iterdir())


@pytest.mark.parametrize("names", [("甲/规定.txt", "乙/规定.txt"), ("质量?.txt", "质量*.txt")])
def test_names_that_collide_in_one_upload_both_go_in(fresh, tmp_path, names):
    first = _file(tmp_path / "a", "1.txt", _notice("某市市场监督管理局关于食品抽检的通知", "食品抽检"))
    second = _file(tmp_path / "b", "2.txt", _notice("某市市场监督管理局关于电梯检验的通知", "电梯检验"))
    out = fresh.upload([(names[0], first), (names[1], second)])
    assert out.errors == [] and len(out.added) == 2
    snap = fresh.snapshot()
    texts = [snap.text(d) for d in snap.docs]
    assert sum("食品抽检" in t for t in texts) == 1 and sum("电梯检验" in t for t in texts) == 1
    titles = sorted(r.meta.title for r in snap.docs.values())
    assert titles == ["某市市场监督管理局关于电梯检验的通知", "某市市场监督管理局关于食品抽检的通知"]
    stored = _uploads(fresh)
    assert len(stored) == 2 and not any(n.endswith(".previous") for n in stored)
    assert sorted(p.read_text(encoding="utf-8") for p in (fresh.settings.home / "uploads").iterdir()) == sorted(
        [first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")])


def test_a_long_chinese_name_is_shortened_and_can_be_replaced(fresh, tmp_path):
    name = LONG_NAME
    assert len(name.encode("utf-8")) > 255  # over Linux's limit for one name
    out = fresh.upload([(name, _file(tmp_path / "a", "x.txt", _notice(TITLE, "产品抽检")))])
    assert out.errors == [] and len(out.added) == 1
    (stored,) = _uploads(fresh)
    assert stored.endswith(".txt") and len(stored.encode("utf-8")) <= 200 and stored.startswith("某市市场监督管理局关于")
    assert fresh.documents().rows[0][1] == TITLE  # the title still comes from the text
    # the same name in a later upload replaces the earlier file, which is the design
    again = fresh.upload([(name, _file(tmp_path / "b", "x.txt", _notice(TITLE, "电梯检验")))])
    assert again.errors == [] and _uploads(fresh) == [stored]
    snap = fresh.snapshot()
    assert len(snap.docs) == 1 and "电梯检验" in snap.text(next(iter(snap.docs)))


def test_a_file_that_cannot_be_stored_leaves_the_earlier_upload_and_no_backup(fresh, tmp_path):
    good = _file(tmp_path / "a", "x.txt", _notice("某市市场监督管理局关于食品抽检的通知", "食品抽检"))
    fresh.upload([("通知.txt", good)])
    unreadable = tmp_path / "not-a-file"
    unreadable.mkdir()  # stat() works, copying fails: the way a file vanishing mid-upload fails
    staged, rejected = stage([("通知.txt", unreadable)], fresh.settings.home / "uploads")
    assert staged == [] and len(rejected) == 1 and rejected[0].message.startswith("通知.txt:")
    assert "保存" in rejected[0].message
    assert _uploads(fresh) == ["通知.txt"]
    assert (fresh.settings.home / "uploads" / "通知.txt").read_bytes() == good.read_bytes()


def test_every_bad_file_is_named_with_a_chinese_reason(fresh, fixtures_dir):
    files = [(n, fixtures_dir / n) for n in ("statute.txt", "encrypted.pdf", "binary.txt", "scanned.pdf", "truncated.pdf")]
    out = fresh.upload(files)
    assert out.added == ["statute"]
    by_file = {e.split(": ", 1)[0]: e.split(": ", 1)[1] for e in out.errors}
    assert set(by_file) == {"encrypted.pdf", "binary.txt", "scanned.pdf", "truncated.pdf"}
    assert "加密" in by_file["encrypted.pdf"]
    assert "编码" in by_file["binary.txt"]
    assert "扫描" in by_file["scanned.pdf"]
    assert "损坏" in by_file["truncated.pdf"]
    assert "失败 4 份" in out.summary
    assert _uploads(fresh) == ["statute.txt"]
