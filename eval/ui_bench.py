"""How the web app feels: seconds from `make run` to a usable page (on a warm virtualenv, with a
fresh index and with the index already built), and answer latency as the browser sees it (click
to final answer on screen). Writes eval/reports/ui-bench.md and the README's screenshot.

    python -m eval.ui_bench [--questions 12] [--screenshot docs/screenshot-chat.png]

Needs the dev extra (Playwright) and Debian's chromium (`make browser`)."""
from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from eval.bench_run import free_port

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
QUESTIONS = [
    "甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?",
    "湖南省对产品质量违法行为的举报有什么奖励?",
    "企业应当建立什么制度?",
    "陕西省提出到2020年的质量目标是什么?",
    "广西“十三五”期间制造业产品质量合格率目标是多少?",
    "基层质监机构的主要职责是什么?",
    "什么是首负责任制?",
    "质量违法行为如果涉嫌犯罪,怎么处理?",
    "谁牵头开展质量强省活动?",
    "上海市2030年食品安全目标是什么?",
    "缺陷产品召回由哪个部门负责?",
    "质量信用黑名单制度怎么建立?",
]


def time_to_page(page, index: Path, log: Path) -> tuple[float, subprocess.Popen, str]:
    """Start `make run` and load the page until its question box shows; seconds from the start."""
    from playwright.sync_api import Error as PlaywrightError  # playwright: a dev extra, for this script only

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    t0 = time.perf_counter()
    proc = subprocess.Popen(["make", "run", f"INDEX={index}", f"PORT={port}"], cwd=ROOT, stdout=open(log, "w"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"make run exited ({proc.returncode}):\n{log.read_text()}")
        try:
            page.goto(url, timeout=5000)
            page.locator("#question textarea").wait_for(timeout=30_000)
            return time.perf_counter() - t0, proc, url
        except PlaywrightError:  # not up yet (connection refused): try again
            time.sleep(0.1)


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def new_chat(page) -> None:
    page.locator("#new-chat").click()
    page.locator("#chat .zhiqa-answer, #chat .zhiqa-abstain").first.wait_for(state="detached")


def ask(page, question: str) -> float:
    """Seconds from clicking 发送 to the final answer (with its citations) on screen."""
    final = page.locator("#chat .zhiqa-answer, #chat .zhiqa-abstain")
    before = final.count()
    page.locator("#question textarea").fill(question)
    t0 = time.perf_counter()
    page.locator("#ask").click()
    final.nth(before).wait_for(timeout=60_000)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--questions", type=int, default=len(QUESTIONS))
    p.add_argument("--screenshot", default=str(ROOT / "docs" / "screenshot-chat.png"))
    p.add_argument("--report", default=str(ROOT / "eval" / "reports" / "ui-bench.md"))
    args = p.parse_args(argv)
    from playwright.sync_api import sync_playwright  # a dev extra, for this script only

    work = Path(tempfile.mkdtemp(prefix="zhiqa-ui-bench-"))
    index = work / "index"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        fresh_s, proc, _ = time_to_page(page, index, work / "run1.log")
        stop(proc)
        warm_s, proc, url = time_to_page(page, index, work / "run2.log")
        try:
            page.goto(url)
            page.locator("#question textarea").wait_for()
            ask(page, QUESTIONS[0])  # the first answer loads what the index keeps in memory
            times = []
            for q in QUESTIONS[: args.questions]:
                new_chat(page)
                times.append(ask(page, q))
            new_chat(page)
            ask(page, QUESTIONS[0])
            page.locator("#citations label").last.click()
            page.locator("#source mark").wait_for()
            Path(args.screenshot).parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=args.screenshot)
        finally:
            stop(proc)
            browser.close()
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    lines = [
        "# Web app timings (python -m eval.ui_bench)",
        "",
        "| what | figure |",
        "|---|---|",
        f"| `make run` to a usable page, warm virtualenv, fresh index (ingests corpus/) | {fresh_s:.1f} s |",
        f"| `make run` to a usable page, warm virtualenv, index already built | {warm_s:.1f} s |",
        f"| answer latency in the browser, click to final answer, {len(ms)} questions: p50 / p95 / max | "
        f"{statistics.median(ms):.0f} / {p95:.0f} / {ms[-1]:.0f} ms |",
        "",
        f"Machine: {os.cpu_count()} cores; chromium headless. Screenshot: {os.path.relpath(args.screenshot, ROOT)}",
    ]
    text = "\n".join(lines) + "\n"
    Path(args.report).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
