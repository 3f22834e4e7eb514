"""Credentials scrubbed from what a chat endpoint sends back.

An endpoint (or a proxy in front of it) may echo the request, Authorization header included,
into its reply or its error. Whatever the model says passes through a ``Redactor`` before
anyone sees it: the configured API key, and anything shaped like a key (``sk-…``, ``Bearer …``),
becomes ``REDACTED``. A streamed draft is scrubbed as it arrives (``StreamRedactor``), holding
back a run of ASCII until it ends, so a key split across pieces is never shown in part."""
from __future__ import annotations

import re

REDACTED = "［已隐去］"
_KEY_LIKE = re.compile(r"Bearer[ \t]+[A-Za-z0-9._~+/=\-]+|(?<![A-Za-z0-9])sk-[A-Za-z0-9_\-]{6,}")
_TRAILING_ASCII = re.compile(r"[\x21-\x7e \t]*\Z")
MIN_SECRET_LEN = 4  # a shorter "key" (a placeholder such as "x") would blank ordinary text


class Redactor:
    def __init__(self, secret: str | None) -> None:
        self._secret = secret if secret and len(secret) >= MIN_SECRET_LEN else None

    def text(self, text: str) -> str:
        """``text`` with the configured key and key-shaped strings replaced by ``REDACTED``."""
        if self._secret:
            text = text.replace(self._secret, REDACTED)
        return _KEY_LIKE.sub(REDACTED, text)

    def held_from(self, text: str) -> int:
        """Where the tail of a stream that may still grow into a secret starts."""
        cut = _TRAILING_ASCII.search(text).start()
        if self._secret:  # a non-ASCII key: hold back any tail that begins it
            for n in range(min(len(self._secret) - 1, len(text)), 0, -1):
                if self._secret.startswith(text[-n:]):
                    return min(cut, len(text) - n)
        return cut

    def stream(self) -> "StreamRedactor":
        return StreamRedactor(self)


class StreamRedactor:
    """Scrubs a draft piece by piece: ``feed`` returns what can be shown now, ``flush`` the rest."""

    def __init__(self, redactor: Redactor) -> None:
        self._redactor = redactor
        self._held = ""

    def feed(self, piece: str) -> str:
        text = self._held + piece
        cut = self._redactor.held_from(text)
        self._held = text[cut:]
        return self._redactor.text(text[:cut])

    def flush(self) -> str:
        text, self._held = self._held, ""
        return self._redactor.text(text)
