"""One running web app per session (`python ui.py` in a subprocess, over an index of corpus/),
and a headless Debian chromium driven by Playwright for the browser tests."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from html import escape
from pathlib import Path

import pytest

from eval.bench_run import free_port

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = "/usr/bin/chromium"
# no component updates, sync or background fetches: this machine has no network to reach
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic", "--disable-default-apps", "--disable-extensions",
]
UPLOAD_LIMIT_MB = "1"  # small, so the size limit can be tested with a small file
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def output_dir() -> Path:
    """The test output folder (screenshots): $ZHIQA_TEST_OUTPUT or test-output/ at the repository root."""
    folder = Path(os.environ.get("ZHIQA_TEST_OUTPUT", ROOT / "test-output")) / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def start_app(index: Path, log: Path, *extra: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """`python ui.py` on a free loopback port; returns once the page answers (or fails with its log)."""
    port = free_port()
    env = {**os.environ, "ZHIQA_MAX_FILE_MB": UPLOAD_LIMIT_MB, **(env or {})}
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "ui.py"), "--index", str(index), "--port", str(port), *extra],
        cwd=ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120  # a readiness wait, not a timing assertion
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited ({proc.returncode}):\n{log.read_text()}")
        try:
            urllib.request.urlopen(url + "config", timeout=2)
            return proc, url
        except OSError as exc:
            if getattr(exc, "code", None) == 401:  # behind a login: up all the same
                return proc, url
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"the app did not come up in 120 s:\n{log.read_text()}")


def stop_app(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def launcher():
    """Starts further apps (with other options) the way app_url starts the shared one."""
    from types import SimpleNamespace

    return SimpleNamespace(start=start_app, stop=stop_app, upload_limit_mb=UPLOAD_LIMIT_MB)


@pytest.fixture(scope="session")
def app_index(corpus_index, tmp_path_factory) -> Path:
    """A writable copy of the corpus index: the browser tests upload and remove files."""
    home = tmp_path_factory.mktemp("web") / "zhiqa"
    shutil.copytree(corpus_index.paths.home, home)
    return home


@pytest.fixture(scope="session")
def app_url(app_index, tmp_path_factory):
    proc, url = start_app(app_index, tmp_path_factory.mktemp("logs") / "ui.log")
    yield url
    stop_app(proc)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install 'zhiqa[dev]'")
    if not Path(CHROMIUM).exists():
        if os.environ.get("ZHIQA_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing; `make browser` installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing; `make browser` installs Debian's chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, app_url, request):
    """A fresh page on the app; at the end, a screenshot named after the test, and a check that
    the page asked nothing of any host but the app and opened no dialog (no script ran)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="zh-CN")
    pg = context.new_page()
    outside: list[str] = []
    dialogs: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((app_url, "data:", "blob:")) else None)
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.goto(app_url)
    yield pg
    pg.screenshot(path=str(output_dir() / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert outside == [], f"the page made requests outside the app: {outside[:5]}"
    assert dialogs == [], f"a script opened a dialog: {dialogs}"


class FakeRemoteHost:
    """A stand-in for a host on the internet, on 127.0.0.1: it answers every GET with a tiny PNG
    and records the paths asked for, so a test can tell whether anything fetched from it."""

    PIXEL = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
    )

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        asked = self.asked = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                asked.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(FakeRemoteHost.PIXEL)))
                self.end_headers()
                self.wfile.write(FakeRemoteHost.PIXEL)


            def log_message(self, *args):  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.host = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def remote_host():
    host = FakeRemoteHost()
    yield host
    host.close()


@pytest.fixture()
def hostile_page(remote_host) -> tuple[str, str]:
    """(declared title, HTML page) of a real-looking notice whose title (its <meta name=ArticleTitle>)
    and sentences hold a Markdown image and <img> tags pointing at the stand-in remote host."""
    host = remote_host.host
    title = f'![x](http://{host}/pixel.png)<img src="http://{host}/img.png">某市网页安全检查通知'
    body = (f"<p>一、检查范围</p><p>各区县市场监督管理局负责本辖区门户网站的安全检查![y](http://{host}/body.png)，"
            "发现问题的，应当在五个工作日内报告市局。</p><p>二、工作要求</p>"
            f"<p>网站运营单位应当保存检查记录&lt;img src=http://{host}/b2.png&gt;，保存期限不少于二年。</p>"
            "<p>某市市场监督管理局</p><p>2026年3月2日</p>")
    page = (f"<html><head><meta charset='utf-8'><meta name='ArticleTitle' content='{escape(title)}'><title>x</title>"
            f"</head><body><div class='article' id='zoom'>{body}</div></body></html>")
    return title, page


@pytest.fixture(scope="session")
def screenshots() -> Path:
    return output_dir()
