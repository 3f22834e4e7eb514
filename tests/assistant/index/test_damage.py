"""Damaged, read-only and full indexes (issue 20, items 8-10 and 20): `zhiqa check` says what
is wrong, `ingest --rebuild` repairs whatever state the index files are in, a read-only index
answers, a full disk is a message that leaves the index as it was, and workers die with their
ingest."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


pytestmark = pytest.mark.slow  # the CLI in subprocesses

ROOT = Path(__file__).resolve().parents[3]
LAWS = ROOT / "eval" / "corpora" / "laws"
QUESTION = "甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?"


def _cli(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], cwd=cwd or ROOT, capture_output=True,
                          text=True, timeout=300, env=dict(os.environ, PYTHONPATH=str(ROOT), **(env or {})))


@pytest.fixture()
def home(tmp_path, corpus_index) -> Path:
    """A writable copy of the session's index of corpus/ (built with the default embedder)."""
    target = tmp_path / "idx"
    shutil.copytree(corpus_index.paths.home, target)
    return target


def _answers(home: Path) -> dict:
    out = _cli("--index", str(home), "ask", "--json", QUESTION)
    assert out.returncode == 0, out.stderr
    ans = json.loads(out.stdout)
    assert not ans["abstained"] and ans["citations"]
    return ans


def _repaired(home: Path) -> None:
    rebuilt = _cli("--index", str(home), "ingest", "-q", "--rebuild")
    assert rebuilt.returncode == 0 and "5 added" in rebuilt.stdout, rebuilt.stderr
    checked = _cli("--index", str(home), "check")
    assert checked.returncode == 0 and checked.stdout.startswith("ok"), checked.stdout
    _answers(home)


def _gen(home: Path) -> Path:
    return home / f"gen-{json.loads((home / 'CURRENT').read_text())['generation']:06d}"


def test_check_passes_a_sound_index(home):
    out = _cli("--index", str(home), "check")
    assert out.returncode == 0 and out.stdout.startswith("ok: generation"), out.stdout + out.stderr


def test_a_garbage_current_file_is_named_and_the_rebuild_repairs_it(home):
    (home / "CURRENT").write_text("\x00\x17garbage", encoding="utf-8")
    asked = _cli("--index", str(home), "ask", QUESTION)
    assert asked.returncode == 3 and "CURRENT" in asked.stderr and "ingest --rebuild" in asked.stderr
    assert "Traceback" not in asked.stderr
    _repaired(home)


@pytest.mark.parametrize("damage", ["missing manifest", "missing generation", "chunks cut"])
def test_damaged_generation_files_are_reported_never_ingested_over_and_rebuilt(home, corpus_dir, damage):
    gen = _gen(home)
    if damage == "missing manifest":
        (gen / "manifest.json").unlink()
    elif damage == "missing generation":
        shutil.rmtree(gen)
    else:
        lines = (gen / "chunks.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
        (gen / "chunks.jsonl").write_text("".join(lines[:-10]), encoding="utf-8")
    checked = _cli("--index", str(home), "check")
    assert checked.returncode == 3 and "DAMAGED" in checked.stdout and "ingest --rebuild" in checked.stdout
    asked = _cli("--index", str(home), "ask", QUESTION)
    assert asked.returncode == 3 and "damaged" in asked.stderr and "Traceback" not in asked.stderr
    # an ingest over the damage used to report "5 unchanged"
    again = _cli("--index", str(home), "ingest", "-q", str(corpus_dir))
    assert again.returncode == 3 and "unchanged" not in again.stdout
    _repaired(home)


def test_a_truncated_vector_store_answers_from_bm25_and_the_rebuild_repairs_it(home):
    db = home / "chroma" / "chroma.sqlite3"
    with open(db, "r+b") as fh:
        fh.truncate(db.stat().st_size // 3)
    ans = _answers(home)
    assert any("向量库" in n and "--rebuild" in n for n in ans.get("notes", []))
    checked = _cli("--index", str(home), "check")
    assert checked.returncode == 3 and "vector store" in checked.stdout
    _repaired(home)
    assert list(home.glob("chroma.damaged-*"))  # set aside, not deleted


def _read_only(home: Path, *args: str) -> subprocess.CompletedProcess:
    """``zhiqa --index home ARGS`` with ``home`` on a read-only mount (a user namespace of its
    own, so no root is needed); as a user who is not root, write permission taken away instead."""
    cmd = [sys.executable, "-m", "assistant.cli", "--index", str(home), *args]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if os.geteuid() != 0:
        subprocess.run(["chmod", "-R", "a-w", str(home)], check=True)
        return subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    if not shutil.which("unshare") or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode:
        pytest.skip("running as root without user namespaces: cannot make a read-only mount here")
    script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && shift && exec "$@"'
    return subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(home), *cmd], capture_output=True, text=True,
                          timeout=300, env=env, cwd=ROOT)


def test_a_read_only_index_answers(home):
    out = _read_only(home, "ask", "--json", QUESTION)
    assert out.returncode == 0, out.stderr
    ans = json.loads(out.stdout)
    assert not ans["abstained"] and ans["citations"] and not ans.get("notes")  # the dense leg too: nothing skipped
    write = _read_only(home, "ingest", "-q", str(ROOT / "corpus"))
    assert write.returncode != 0 and "Traceback" not in write.stderr and "read-only" in write.stderr


def _disk_full_script(tmp_path: Path) -> Path:
    big = tmp_path / "big"
    big.mkdir()
    line = "第{n}条 生产者应当对其生产的产品质量负责，销售者应当建立并执行进货检查验收制度。\n"
    (big / "big-rules.txt").write_text("大型规则汇编\n\n" + "".join(line.format(n=n) for n in range(1, 40000)),
                                       encoding="utf-8")
    script = tmp_path / "full.sh"
    script.write_text(
        'set -u\nmount -t tmpfs -o size=3m tmpfs "$HOME_DIR"\n'
        '"$PY" -m assistant.cli --index "$HOME_DIR/idx" ingest -q "$SMALL" > "$OUT/first.out" 2>&1; echo $? > "$OUT/first.rc"\n'
        '"$PY" -m assistant.cli --index "$HOME_DIR/idx" ingest -q "$BIG" > "$OUT/full.out" 2>&1; echo $? > "$OUT/full.rc"\n'
        '"$PY" -m assistant.cli --index "$HOME_DIR/idx" ask --json "生产者应当建立什么制度?" > "$OUT/ask.out" 2>&1;'
        ' echo $? > "$OUT/ask.rc"\n',
        encoding="utf-8")
    return script


def test_a_full_disk_is_a_message_and_the_index_stays_as_it_was(tmp_path, fixtures_dir):
    if not shutil.which("unshare") or subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode:
        pytest.skip("no user namespaces here: cannot mount a small tmpfs to fill")
    script = _disk_full_script(tmp_path)
    mount, out = tmp_path / "small-disk", tmp_path / "out"
    mount.mkdir()
    out.mkdir()
    small = tmp_path / "small"
    small.mkdir()
    shutil.copy(fixtures_dir / "statute.txt", small / "statute.txt")
    env = dict(os.environ, PYTHONPATH=str(ROOT), ZHIQA_EMBEDDER="none", HOME_DIR=str(mount), OUT=str(out),
               PY=sys.executable, SMALL=str(small), BIG=str(tmp_path / "big"))
    subprocess.run(["unshare", "-rm", "sh", str(script)], env=env, cwd=ROOT, timeout=600, check=True)
    read = lambda name: (out / name).read_text(encoding="utf-8")  # noqa: E731
    assert read("first.rc").strip() == "0", read("first.out")
    assert read("full.rc").strip() == "2", read("full.out")
    message = read("full.out")
    assert "disk is full" in message and "generation 1" in message and "Traceback" not in message
    assert read("ask.rc").strip() == "0", read("ask.out")
    assert json.loads(read("ask.out"))["citations"]  # the index of the first ingest still answers


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def test_a_killed_ingest_leaves_no_worker_processes(tmp_path):
    folder = tmp_path / "laws"
    shutil.copytree(LAWS, folder)
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "--index", str(tmp_path / "idx"), "ingest", "-q",
                             str(folder)], cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT), ZHIQA_INGEST_WORKERS="2",
                                                              ZHIQA_EMBEDDER="none"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while len(workers) < 3 and proc.poll() is None and time.monotonic() < deadline:  # the fork server and 2 workers
        workers = _descendants(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 3, "the ingest finished before its workers could be seen"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(_running(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [p for p in workers if _running(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    assert not left, f"{len(left)} worker process(es) outlived the killed ingest"
