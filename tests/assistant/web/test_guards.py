"""The server's guards below the server (issue 20): which request paths ask for a remote file, and
the login throttle's counting, over a clock the test moves (no waiting, no timing)."""
from __future__ import annotations

import pytest

from assistant.errors import ConfigError
from assistant.web.guards import LoginThrottle, asks_remote_file


@pytest.mark.parametrize("path", [
    "/gradio_api/file=https://example.com/x", "/gradio_api/file/https://example.com/x", "/file/http://h/x",
    "/gradio_api/file=HTTPS://h/x", "/gradio_api/file=%68ttps://h/x", "/gradio_api/file=%2F%2Fh/x",
    "/gradio_api/file=\u3000https://h/x", "/gradio_api/file=\x00http://h/x", "/gradio_api/FILE=http://h/x",
    "/gradio_api/file=data:text/html,x", "/gradio_api/file=%25252F%25252Fh/x",
])
def test_remote_spellings_are_recognised(path):
    assert asks_remote_file(path)


@pytest.mark.parametrize("path", [
    "/gradio_api/file=/tmp/zhiqa-downloads-1/120000-x/测验-教师版.md", "/gradio_api/file//tmp/gradio/a.png",
    "/gradio_api/upload", "/gradio_api/info", "/", "/gradio_api/file=README.md", "/assets/index-https.js",
])
def test_local_paths_are_left_alone(path):
    assert not asks_remote_file(path)


class FakeClock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_lock_follows_failures_within_the_window_and_ends():
    clock = FakeClock()
    throttle = LoginThrottle(max_failures=3, window_s=60, lock_s=30, clock=clock)
    for _ in range(2):
        throttle.failed("a")
    clock.now += 61  # those two are out of the window now
    throttle.failed("a")
    assert throttle.wait_s("a") == 0
    throttle.failed("a")
    throttle.failed("a")
    assert throttle.wait_s("a") == 30 and throttle.wait_s("b") == 0
    clock.now += 29.5
    assert throttle.wait_s("a") == 1  # rounded up: never "wait 0 seconds" while still locked
    clock.now += 0.5
    assert throttle.wait_s("a") == 0
    throttle.failed("a")
    assert throttle.wait_s("a") == 0  # the count started again after the lock


def test_a_success_clears_the_count_and_the_table_stays_bounded():
    clock = FakeClock()
    throttle = LoginThrottle(max_failures=2, clock=clock, max_clients=3)
    throttle.failed("a")
    throttle.succeeded("a")
    throttle.failed("a")
    assert throttle.wait_s("a") == 0
    for client in ("b", "c", "d", "e"):
        throttle.failed(client)
    assert len(throttle._clients) <= 3


def test_throttle_settings_are_checked(monkeypatch):
    monkeypatch.setenv("ZHIQA_LOGIN_FAILURES", "often")
    with pytest.raises(ConfigError, match="ZHIQA_LOGIN_FAILURES"):
        LoginThrottle.from_env()
    monkeypatch.setenv("ZHIQA_LOGIN_FAILURES", "3")
    monkeypatch.setenv("ZHIQA_LOGIN_LOCK_S", "0")
    with pytest.raises(ConfigError, match="ZHIQA_LOGIN_LOCK_S"):
        LoginThrottle.from_env()
    with pytest.raises(ConfigError):
        LoginThrottle(max_failures=0)
