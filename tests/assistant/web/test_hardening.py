"""The web app as a server, round two (issue 20): no remote file fetched through any spelling
of Gradio's file routes, login attempts slowed per client, questions of bounded length."""
from __future__ import annotations

import http.client
import re
import urllib.parse
import urllib.request

import pytest

pytestmark = pytest.mark.slow  # the web app in a subprocess

# every spelling of "fetch this URL for me" on every file route Gradio has had
REMOTE_FORMS = [
    "gradio_api/file=http://{host}/a.png",
    "gradio_api/file/http://{host}/a.png",  # the older route: a slash, not '='
    "file=http://{host}/a.png",
    "file/http://{host}/a.png",
    "gradio_api/file=https%3A//{host}/a.png",
    "gradio_api/file/http%3A%2F%2F{host}/a.png",
    "gradio_api/file=http%253A%252F%252F{host}/a.png",  # encoded twice
    "gradio_api/file=//{host}/a.png",  # protocol-relative
    "gradio_api/file///{host}/a.png",
    "gradio_api/file=HTTP://{host}/a.png",
    "gradio_api/file/HtTpS://{host}/a.png",
    "gradio_api/file=%20%20http://{host}/a.png",
    "gradio_api/file/%09https://{host}/a.png",
    "gradio_api/file=%5C%5C{host}/a.png",
    "gradio_api/file=ftp://{host}/a.png",
]


def _request(url: str, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
             source: str | None = None) -> tuple[int, dict, str]:
    """One request sent as written (no client-side normalising of the path), optionally from
    another loopback address (a different client IP to the server)."""
    parsed = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60,
                                      source_address=(source, 0) if source else None)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


@pytest.mark.parametrize("form", REMOTE_FORMS)
def test_no_spelling_of_a_remote_file_is_fetched(app_url, remote_host, form):
    status, _, body = _request(app_url, "GET", "/" + form.format(host=remote_host.host))
    # refused by zhiqa itself, not left to whatever Gradio's own URL check makes of it
    assert (status, body) == (403, "zhiqa serves no remote files")
    assert remote_host.asked == []
    # the control: the stand-in host does record a request that reaches it
    urllib.request.urlopen(f"http://{remote_host.host}/control.png", timeout=10).read()
    assert remote_host.asked == ["/control.png"]


def test_a_local_file_route_still_answers(app_url):
    # not every file request is refused: one for a file outside the allowed folders gets Gradio's own 403
    status, _, body = _request(app_url, "GET", "/gradio_api/file=/etc/passwd")
    assert status == 403 and body != "zhiqa serves no remote files"


def _login(url: str, password: str, source: str) -> tuple[int, dict, str]:
    form = urllib.parse.urlencode({"username": "alice", "password": password}).encode()
    return _request(url, "POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"}, source=source)


def test_repeated_wrong_logins_are_refused_for_that_client_only(app_index, tmp_path, launcher):
    proc, url = launcher.start(app_index, tmp_path / "ui.log", env={"ZHIQA_UI_AUTH": "alice:s3cret"})
    try:
        guesser, colleague, forgetful = "127.0.0.2", "127.0.0.3", "127.0.0.4"
        assert [_login(url, f"guess{i}", guesser)[0] for i in range(5)] == [400] * 5
        status, headers, body = _login(url, "s3cret", guesser)  # even the right password, while locked
        assert status == 429
        wait = int(headers["retry-after"])
        assert wait > 0 and "登录失败次数过多" in body and f"{wait} 秒" in body
        assert _login(url, "guess", guesser)[0] == 429
        # another client is not held up by the guesser
        assert _login(url, "s3cret", colleague)[0] == 200
        # a successful login starts the count again
        assert [_login(url, "typo", forgetful)[0] for _ in range(4)] == [400] * 4
        assert _login(url, "s3cret", forgetful)[0] == 200
        assert [_login(url, "typo", forgetful)[0] for _ in range(4)] == [400] * 4
        assert _login(url, "s3cret", forgetful)[0] == 200
    finally:
        launcher.stop(proc)


def test_a_huge_question_gets_the_length_message_from_the_api(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    with pytest.raises(Exception, match=r"问题太长.*请缩短到 2000 字以内"):
        client.predict("质量" * 500_000, api_name="/ask")
    with pytest.raises(Exception, match=r"问题太长"):  # a follow-up's previous question is bounded too
        client.predict("配合单位有哪些?", "质" * 1_000_000, api_name="/ask")
    ans = client.predict("甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?", api_name="/ask")
    assert not ans["abstained"]  # the server still answers normally


def test_a_huge_question_gets_the_length_message_from_the_library(assistant, monkeypatch):
    from assistant.errors import ConfigError, QuestionTooLong, ZhiqaError

    with pytest.raises(QuestionTooLong, match=re.escape("问题太长(1000000 字),请缩短到 2000 字以内")) as caught:
        assistant.ask("质" * 1_000_000)
    assert isinstance(caught.value, ZhiqaError)  # what the CLI and the web tabs catch
    monkeypatch.setenv("ZHIQA_MAX_QUESTION_CHARS", "30")
    with pytest.raises(QuestionTooLong, match="请缩短到 30 字以内"):
        assistant.ask("甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?" * 2)
    assert not assistant.ask("甘肃省质量发展行动计划中,谁牵头开展群众性质量活动?").abstained
    monkeypatch.setenv("ZHIQA_MAX_QUESTION_CHARS", "many")
    with pytest.raises(ConfigError, match="ZHIQA_MAX_QUESTION_CHARS"):
        assistant.ask("质量")
