"""LLM mode (issue 20) against endpoints that misbehave (FakeChatServer's scripted faults): a
body that is not JSON, ``choices`` null or empty, no message or content, an event stream cut off
or full of garbage, a reply trickled a byte a second, and one that echoes the caller's API key.
Each answers the extractive answer with a short note why, or (the key) shows the key nowhere."""
from __future__ import annotations

import json
import time

import pytest
from chat_helpers import FAITHFUL_ART10, QUESTION, citing, extractive, llm_assistant

pytestmark = pytest.mark.slow  # LLM mode against a fake chat server

FALLBACK_TAIL = "，以下是摘录式答案。"
KEY = "sk-zhiqa-secret-7731"


def streamed(ans_pieces: list[str]) -> str:
    return "".join(ans_pieces)


@pytest.mark.parametrize("stream", [False, True], ids=["whole", "streamed"])
@pytest.mark.parametrize(
    "fault", ["non_json", "null_choices", "empty_choices", "no_message", "no_content", "stream_cut", "stream_garbage"]
)
def test_a_malformed_reply_falls_back_with_a_note(statute_index, server, fault, stream):
    server.script(citing(FAITHFUL_ART10 + "[{a}]", a="十五日内"), fault=fault)
    pieces: list[str] = []
    ans = llm_assistant(statute_index, server).ask(QUESTION, on_token=pieces.append if stream else None)
    expected = extractive(statute_index)
    if fault.startswith("stream_") and not stream:  # a fault of the event stream: a whole reply is sound
        assert ans.mode == "llm" and ans.answer == FAITHFUL_ART10 + " [1]"
        return
    assert ans.mode == "llm-fallback" and ans.unverified == []
    assert ans.answer == expected.answer and ans.citations == expected.citations
    note = ans.notes[-1]
    assert note.endswith(FALLBACK_TAIL) and len(note) < 80
    if fault == "stream_cut":
        assert "中断" in note
    elif fault in ("non_json", "stream_garbage"):
        assert "无法读取" in note


@pytest.mark.parametrize("stream", [False, True], ids=["whole", "streamed"])
def test_a_trickling_endpoint_is_cut_off_at_the_total_timeout(statute_index, server, stream):
    server.script(citing(FAITHFUL_ART10 + "[{a}]", a="十五日内"), fault="trickle")  # a byte a second: minutes
    pieces: list[str] = []
    t0 = time.monotonic()
    ans = llm_assistant(statute_index, server, timeout_s=2).ask(QUESTION, on_token=pieces.append if stream else None)
    assert time.monotonic() - t0 < 20  # behaviour, not speed: it did not wait for the trickle to end
    assert ans.mode == "llm-fallback" and ans.answer == extractive(statute_index).answer
    assert ans.notes[-1] == "语言模型 fake-chat 在 2 秒内没有回答" + FALLBACK_TAIL


@pytest.mark.parametrize("stream", [False, True], ids=["whole", "streamed"])
def test_an_endpoint_that_echoes_the_api_key_never_gets_it_shown(statute_index, server, stream):
    server.script(citing(
        FAITHFUL_ART10 + "[{a}] 调试信息：{{authorization}}，另一把钥匙 sk-proj-Ab12Cd34Ef56Gh78。", a="十五日内",
    ), fault="echo_key")
    pieces: list[str] = []
    ans = llm_assistant(statute_index, server, api_key=KEY).ask(QUESTION, on_token=pieces.append if stream else None)
    assert server.requests[-1]["authorization"] == f"Bearer {KEY}"  # the endpoint got it, and sent it back
    shown = json.dumps(ans.to_json(), ensure_ascii=False) + streamed(pieces)
    for secret in (KEY, "sk-proj-Ab12Cd34Ef56Gh78", "Bearer sk-"):
        assert secret not in shown
    assert ans.mode == "llm" and ans.answer == FAITHFUL_ART10 + " [1]"  # the sentence that carried it is dropped
    if stream:
        assert streamed(pieces).startswith(FAITHFUL_ART10)


def test_an_error_that_echoes_the_api_key_never_gets_it_shown(statute_index, server):
    server.script(status=401, fault="echo_key")
    ans = llm_assistant(statute_index, server, api_key=KEY).ask(QUESTION)
    assert ans.mode == "llm-fallback" and "HTTP 401" in ans.notes[-1]
    assert KEY not in json.dumps(ans.to_json(), ensure_ascii=False)
