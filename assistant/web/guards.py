"""What the server refuses before Gradio sees a request: a remote URL asked of a file route (Gradio
would fetch it on the caller's behalf), and login attempts from a client that keeps guessing."""
from __future__ import annotations

import math
import os
import re
import time
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import unquote

from assistant.errors import ConfigError

# /file=…, /file/…, /gradio_api/file=…, /gradio_api/file/…: what follows is a path or a URL
_FILE_ROUTE = re.compile(r"(?:^|/)file[=/](?P<target>.*)$", re.IGNORECASE | re.DOTALL)
_REMOTE = re.compile(r"[a-z][a-z0-9+.\-]*:|[/\\]{2}", re.IGNORECASE)  # a scheme, or //host and \\host
_UNQUOTE_ROUNDS = 4  # %253A is ':' encoded twice; four rounds undo what any client sends


def _decoded(path: str) -> str:
    for _ in range(_UNQUOTE_ROUNDS):
        plain = unquote(path)
        if plain == path:
            break
        path = plain
    return path


def asks_remote_file(*paths: str) -> bool:
    """Whether a request path (given as sent and as decoded) names a URL on a file route: any
    scheme, in any case, percent-encoded or not, after any spaces or control characters, or a
    protocol-relative //host."""
    for path in paths:
        for candidate in (path, _decoded(path)):
            route = _FILE_ROUTE.search(candidate)
            if route is None:
                continue
            if _REMOTE.match(_without_lead(route.group("target"))):
                return True
    return False


def _without_lead(target: str) -> str:
    """Leading spaces and control characters off: Gradio and the URL parser it calls skip them too."""
    i = 0
    while i < len(target) and (target[i].isspace() or unicodedata.category(target[i])[0] == "C"):
        i += 1
    return target[i:]


# --------------------------------------------------------------------------- login attempts
LOGIN_PATHS = ("/login", "/login/")
FAILURES_ENV, LOCK_ENV = "ZHIQA_LOGIN_FAILURES", "ZHIQA_LOGIN_LOCK_S"


def _setting(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if value < 1:
        raise ConfigError(f"{name} must be at least 1, got {value}")
    return value


@dataclass
class _Client:
    failures: deque = field(default_factory=deque)  # times of recent failed logins
    locked_until: float = 0.0


@dataclass
class LoginThrottle:
    """Failed logins counted per client address: after ``max_failures`` within ``window_s`` the
    client is refused for ``lock_s`` seconds (every attempt, the right password too); a
    successful login clears its count. Other clients are not affected."""

    max_failures: int = 5
    window_s: float = 300.0
    lock_s: float = 60.0
    clock: Callable[[], float] = time.monotonic
    max_clients: int = 10_000  # the table stays bounded however many addresses try
    _clients: dict[str, _Client] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.max_failures < 1 or self.window_s <= 0 or self.lock_s <= 0:
            raise ConfigError("login throttle: max_failures, window_s and lock_s must be positive")

    @classmethod
    def from_env(cls) -> "LoginThrottle":
        return cls(max_failures=_setting(FAILURES_ENV, 5), lock_s=float(_setting(LOCK_ENV, 60)))

    def wait_s(self, client: str) -> int:
        """Seconds ``client`` must wait before its next attempt (0: it may try now)."""
        state = self._clients.get(client)
        if state is None:
            return 0
        return max(0, math.ceil(state.locked_until - self.clock()))

    def failed(self, client: str) -> None:
        now = self.clock()
        state = self._clients.get(client)
        if state is None:
            self._forget_idle(now)
            state = self._clients[client] = _Client()
        state.failures.append(now)
        while state.failures and state.failures[0] <= now - self.window_s:
            state.failures.popleft()
        if len(state.failures) >= self.max_failures:
            state.locked_until = now + self.lock_s
            state.failures.clear()

    def succeeded(self, client: str) -> None:
        self._clients.pop(client, None)

    def _forget_idle(self, now: float) -> None:
        if len(self._clients) < self.max_clients:
            return
        idle = [c for c, s in self._clients.items()
                if s.locked_until <= now and (not s.failures or s.failures[-1] <= now - self.window_s)]
        for c in idle:
            del self._clients[c]
        while len(self._clients) >= self.max_clients:  # all recent: the oldest entry goes
            del self._clients[next(iter(self._clients))]


def too_many_logins_message(wait_s: int) -> str:
    return f"登录失败次数过多,请 {wait_s} 秒后再试。"
