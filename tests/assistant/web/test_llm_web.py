"""The web app in LLM mode (issue 8): the chat endpoint's key is used for the endpoint and
appears nowhere else — not in the page, its config, API answers, the log or an export — even
when the endpoint echoes it back in its reply (issue 20)."""
from __future__ import annotations

import json
import urllib.request

import pytest
from fakes.chat_server import FakeChatServer

pytestmark = pytest.mark.slow  # the web app in a subprocess with a fake chat server

SECRET = "sk-zhiqa-web-secret-0042"


def test_the_llm_key_never_leaves_the_server(app_index, tmp_path, launcher):
    from gradio_client import Client

    question = "甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?"
    # an endpoint that sends the caller's Authorization header back inside its draft
    with FakeChatServer("按照职责分工负责。[1] 调试：{authorization}", fault="echo_key") as chat:
        env = {"ZHIQA_LLM_BASE_URL": chat.url, "ZHIQA_LLM_MODEL": "fake-chat", "ZHIQA_LLM_API_KEY": SECRET}
        log = tmp_path / "ui.log"
        proc, url = launcher.start(app_index, log, "--llm", env=env)
        try:
            answer = Client(url, verbose=False).predict(question, api_name="/ask")
            page = urllib.request.urlopen(url, timeout=30).read().decode("utf-8")
            config = urllib.request.urlopen(url + "config", timeout=30).read().decode("utf-8")
        finally:
            launcher.stop(proc)
        assert any(r["authorization"] == f"Bearer {SECRET}" for r in chat.requests)  # the endpoint got it
    assert answer["mode"] in ("llm", "llm-fallback") and answer["citations"]
    for shown in (json.dumps(answer, ensure_ascii=False), page, config, log.read_text(encoding="utf-8")):
        assert SECRET not in shown
