"""An httpx transport that ends a response still arriving after the call's total time.

httpx's timeouts bound each read; this bounds the exchange: every chunk of the body is checked
against the deadline set when the request went out, and a late one ends the response with
``httpx.ReadTimeout``. It keeps a worker thread from reading a trickling endpoint for minutes
after its caller has moved on (assistant/llm/deadline.py)."""
from __future__ import annotations

import time
from typing import Iterator

import httpx


class _DeadlineStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, deadline: float, request: httpx.Request) -> None:
        self._inner = inner
        self._deadline = deadline
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            if time.monotonic() > self._deadline:
                raise httpx.ReadTimeout("the response outlasted the call's total timeout", request=self._request)
            yield chunk

    def close(self) -> None:
        self._inner.close()


class DeadlineTransport(httpx.BaseTransport):
    def __init__(self, timeout_s: float, inner: httpx.BaseTransport | None = None) -> None:
        self.timeout_s = timeout_s
        self._inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        deadline = time.monotonic() + self.timeout_s
        response = self._inner.handle_request(request)
        response.stream = _DeadlineStream(response.stream, deadline, request)
        return response

    def close(self) -> None:
        self._inner.close()
