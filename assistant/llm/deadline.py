"""A call with a total deadline, its streamed pieces handed back to the caller's thread.

httpx (under the OpenAI client) times each read, not the call: an endpoint that trickles a byte
a second answers every read in time and is never cut off. So the call runs on a worker thread
and the caller waits for its pieces only until the deadline; past it, the caller moves on and
the worker is left to end (``DeadlineTransport`` in assistant/llm/transport.py closes its
response at the next byte)."""
from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass
from typing import Callable


class DeadlineExceeded(Exception):
    """The call had not finished when its total time ran out."""

    def __init__(self, timeout_s: float) -> None:
        super().__init__(f"no result within {timeout_s:g} s")
        self.timeout_s = timeout_s


@dataclass(frozen=True)
class _Returned:
    value: str


@dataclass(frozen=True)
class _Raised:
    error: Exception


Call = Callable[[Callable[[str], None]], str]  # receives the function that hands a piece back


def call_with_deadline(call: Call, timeout_s: float, on_piece: Callable[[str], None] | None = None) -> str:
    """``call(emit)``'s result, its emitted pieces passed to ``on_piece`` on this thread as they
    come; raises what ``call`` raised, or DeadlineExceeded once ``timeout_s`` have passed in all."""
    results: queue.Queue = queue.Queue()

    def work() -> None:
        try:
            results.put(_Returned(call(results.put)))
        except Exception as exc:  # noqa: BLE001 - not handled here: raised again on the caller's thread
            results.put(_Raised(exc))

    threading.Thread(target=work, name="zhiqa-llm-call", daemon=True).start()
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            item = results.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise DeadlineExceeded(timeout_s) from None
        if isinstance(item, _Returned):
            return item.value
        if isinstance(item, _Raised):
            raise item.error
        if on_piece is not None:
            on_piece(item)
