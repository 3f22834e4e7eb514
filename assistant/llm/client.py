"""The chat endpoint: LangChain's ``ChatOpenAI`` called with a total deadline and read defensively.

- **A total deadline.** ``ZHIQA_LLM_TIMEOUT`` bounds the whole call, streamed or not, not each
  read (assistant/llm/deadline.py, assistant/llm/transport.py).
- **Every failure is a note.** A refused connection, an HTTP error, a stream cut short, a body
  that is not JSON, ``choices`` null or empty, a choice without a message: each ends the call
  with ``LlmCallFailed``, whose ``note`` says why in a short sentence (the composer then serves
  the extractive answer). An exception's text may echo the request; only its kind is reported.
- **No key is shown.** What the model says, streamed or whole, passes through a ``Redactor``
  (assistant/llm/redact.py) before the caller sees it.
"""
from __future__ import annotations

from typing import Callable

from assistant.errors import MissingExtra
from assistant.llm.deadline import DeadlineExceeded, call_with_deadline
from assistant.llm.redact import Redactor
from assistant.llm.settings import LlmSettings

FALLBACK = "，以下是摘录式答案。"
# what LangChain and the OpenAI client raise on a reply they cannot read: a body that is not
# JSON (ValueError), an event that is not (ValueError), choices null (TypeError), choices empty
# (IndexError), a choice without its message (AttributeError, KeyError)
UNREADABLE_REPLY = (ValueError, TypeError, LookupError, AttributeError)


class LlmCallFailed(Exception):
    """The endpoint gave no usable draft; ``note`` says why, for the user."""

    def __init__(self, note: str) -> None:
        super().__init__(note)
        self.note = note


def _content_text(content) -> str:
    if isinstance(content, str):
        return content
    if not isinstance(content, list):
        raise TypeError(f"message content is {type(content).__name__}, not text")
    return "".join(block.get("text", "") for block in content if isinstance(block, dict))


class ChatClient:
    """One OpenAI-compatible chat endpoint (``LlmSettings``); the client is created on first use."""

    def __init__(self, settings: LlmSettings) -> None:
        self.settings = settings
        self.redactor = Redactor(settings.api_key)
        self._chat = None

    def client(self):
        if self._chat is None:
            try:  # the optional extra "llm" (langchain-openai, 2.5 s to import; brings openai and httpx)
                from langchain_openai import ChatOpenAI
                import httpx  # the extra's too, like the transport built on it
                from assistant.llm.transport import DeadlineTransport
            except ImportError as exc:
                raise MissingExtra("langchain-openai", "llm") from exc
            timeout_s = self.settings.timeout_s
            self._chat = ChatOpenAI(
                model=self.settings.model,
                base_url=self.settings.base_url,
                # always explicit, so an OPENAI_API_KEY in the environment never goes to this endpoint
                api_key=self.settings.api_key or "not-set",
                timeout=timeout_s,
                http_client=httpx.Client(transport=DeadlineTransport(timeout_s), timeout=timeout_s),
                max_retries=0,
                temperature=0,
            )
        return self._chat

    def draft(self, messages: list[tuple[str, str]], on_token: Callable[[str], None] | None = None) -> str:
        """The model's reply, scrubbed of keys; streamed to ``on_token`` piece by piece when given.
        Raises LlmCallFailed when there is none to be had within the timeout."""
        chat = self.client()
        scrubbed = self.redactor.stream() if on_token is not None else None

        def show(piece: str) -> None:
            if (safe := scrubbed.feed(piece)):
                on_token(safe)

        def call(emit: Callable[[str], None]) -> str:
            return self._reply(chat, messages, emit if scrubbed is not None else None)

        try:
            text = call_with_deadline(call, self.settings.timeout_s, show if scrubbed is not None else None)
        except DeadlineExceeded:
            raise LlmCallFailed(f"语言模型 {self.settings.model} 在 {self.settings.timeout_s:g} 秒内没有回答{FALLBACK}") from None
        finally:
            if scrubbed is not None and (rest := scrubbed.flush()):
                on_token(rest)
        return self.redactor.text(text)

    def _reply(self, chat, messages: list[tuple[str, str]], emit: Callable[[str], None] | None) -> str:
        """The reply as text (on the worker thread); an endpoint's failure becomes LlmCallFailed."""
        import httpx  # both with the extra "llm" (checked in client()); only in LLM mode
        import openai

        try:
            if emit is None:
                return _content_text(chat.invoke(messages).content)
            pieces = []
            for chunk in chat.stream(messages):
                if piece := _content_text(chunk.content):
                    emit(piece)
                    pieces.append(piece)
            return "".join(pieces)
        except (openai.OpenAIError, httpx.HTTPError, *UNREADABLE_REPLY) as exc:
            raise LlmCallFailed(self.redactor.text(self._failure_note(exc))) from exc

    def _failure_note(self, exc: Exception) -> str:
        import httpx  # with the extra "llm", like openai
        import openai

        host, model = self.settings.host, self.settings.model
        if isinstance(exc, (openai.APITimeoutError, httpx.TimeoutException)):
            why = f"语言模型 {model} 在 {self.settings.timeout_s:g} 秒内没有回答"
        elif isinstance(exc, openai.APIStatusError):
            why = f"语言模型服务 {host} 返回错误（HTTP {exc.status_code}）"
        elif isinstance(exc, (openai.APIConnectionError, httpx.TransportError)):
            refused = any(isinstance(e, httpx.ConnectError) for e in _causes(exc))
            why = f"无法连接语言模型服务 {host}" if refused else f"与语言模型服务 {host} 的连接中断"
        elif isinstance(exc, openai.OpenAIError):
            why = f"语言模型调用失败（{type(exc).__name__}）"
        else:  # UNREADABLE_REPLY
            why = f"语言模型服务 {host} 的回答无法读取（不是 OpenAI 格式的 JSON 或事件流）"
        return why + FALLBACK


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and what it was raised from (LangChain wraps the OpenAI client's, which wraps httpx's)."""
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and all(seen is not e for e in chain):
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    return chain
