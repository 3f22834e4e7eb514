"""Where LLM mode's chat endpoint is and how long a call to it may take (``ZHIQA_LLM_*``)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import urlparse

from assistant.errors import ConfigError


class LlmNotConfigured(ConfigError):
    """LLM mode was asked for, but its endpoint settings are missing or unusable."""


@dataclass(frozen=True)
class LlmSettings:
    base_url: str  # e.g. http://127.0.0.1:11434/v1
    model: str
    api_key: str | None = field(default=None, repr=False)
    timeout_s: float = 30.0
    max_evidence: int = 12

    def __post_init__(self) -> None:
        parsed = urlparse(self.base_url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise LlmNotConfigured(f"ZHIQA_LLM_BASE_URL must look like http://127.0.0.1:11434/v1, got {self.base_url!r}")
        if not self.model.strip():
            raise LlmNotConfigured("Set ZHIQA_LLM_MODEL to the chat model's name (e.g. qwen2.5:7b-instruct)")
        if self.timeout_s <= 0:
            raise LlmNotConfigured(f"ZHIQA_LLM_TIMEOUT must be a positive number of seconds, got {self.timeout_s}")
        if self.max_evidence < 1:
            raise LlmNotConfigured("max_evidence must be at least 1")

    @property
    def host(self) -> str:
        """Where the endpoint is, for messages (no credentials)."""
        parsed = urlparse(self.base_url)
        return f"{parsed.hostname}:{parsed.port}" if parsed.port else str(parsed.hostname)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "LlmSettings":
        env = os.environ if environ is None else environ
        for name in ("ZHIQA_LLM_BASE_URL", "ZHIQA_LLM_MODEL"):
            if not env.get(name, "").strip():
                raise LlmNotConfigured(
                    f"LLM mode needs {name}. Set ZHIQA_LLM_BASE_URL (an OpenAI-compatible endpoint, e.g. "
                    "http://127.0.0.1:11434/v1) and ZHIQA_LLM_MODEL (and ZHIQA_LLM_API_KEY if the endpoint wants one)."
                )
        timeout = env.get("ZHIQA_LLM_TIMEOUT", "").strip() or "30"
        try:
            timeout_s = float(timeout)
        except ValueError:
            raise LlmNotConfigured(f"ZHIQA_LLM_TIMEOUT must be a number of seconds, got {timeout!r}") from None
        return cls(
            base_url=env["ZHIQA_LLM_BASE_URL"].strip(),
            model=env["ZHIQA_LLM_MODEL"].strip(),
            api_key=env.get("ZHIQA_LLM_API_KEY") or None,
            timeout_s=timeout_s,
        )
