"""What the CLI's commands share: the settings, assistant and LLM composer made from the
global options, the filters of a question, and printing an answer."""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from assistant.answer import Answer
from assistant.assistant import Assistant, Filters
from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.index.embedders import EmbedderSpec
from assistant.index.index import Index
from assistant.index.snapshot import Snapshot
from assistant.llm.compose import LlmComposer, LlmSettings


def settings_from(args: argparse.Namespace) -> Settings:
    """The settings of the environment, overridden by --index, --chroma-url and --embedder."""
    s = Settings()
    if args.index:
        s = replace(s, home=Path(args.index))
    if args.chroma_url:
        s = replace(s, chroma_url=args.chroma_url)
    if getattr(args, "embedder", None):
        s = replace(s, embedder=EmbedderSpec(args.embedder))
    return s


def llm_from(args: argparse.Namespace) -> LlmComposer | None:
    """The checked chat-model composer when --llm is given, else None."""
    if not getattr(args, "llm", False):
        return None
    llm = LlmComposer(LlmSettings.from_env())
    llm.check()
    return llm


def assistant_from(args: argparse.Namespace) -> Assistant:
    return Assistant(settings_from(args), llm=llm_from(args))


def snapshot_from(args: argparse.Namespace) -> Snapshot:
    return Index(settings_from(args)).snapshot()


def filters_from(args: argparse.Namespace, item: dict | None = None) -> Filters:
    """Filters from the command line, overridden per line of a batch file."""
    item = item or {}
    year = item.get("year") or getattr(args, "year", None)
    try:
        years = (int(year),) if year else ()
    except (TypeError, ValueError):
        raise ConfigError(f"a year must be a whole number such as 2013, got {year!r}") from None
    return Filters(
        regions=tuple(filter(None, [item.get("region") or getattr(args, "region", None)])),
        doc_ids=tuple(filter(None, [item.get("doc") or getattr(args, "doc", None)])),
        levels=tuple(filter(None, [item.get("level") or getattr(args, "level", None)])),
        years=years,
    )


def print_answer(ans: Answer, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    print(ans.answer, file=out)
    for c in ans.citations:
        where = " · ".join(x for x in (c.title or c.doc_id, c.doc_number, c.date, c.section) if x)
        page = f" (第{c.page}页)" if c.page else ""
        print(f"  [{c.n}] {where}{page}\n      “{c.quote}”", file=out)
    if ans.abstained and ans.suggestions:
        print("  现有文件: " + ";".join(ans.suggestions), file=out)
    for note in ans.notes:
        print(f"  注: {note}", file=out)


# what a terminal obeys rather than shows: C0 controls but tab and newline, DEL, C1 controls
# (U+009B is a CSI too), and the bidirectional overrides that reorder what a line appears to say
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """Text from documents made safe to print: every control character shown as its \\uXXXX
    escape (so ``\\x1b[2J`` cannot clear the screen), which a JSON reader also reads back."""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text.replace("\r\n", "\n"))


class SafeOutput:
    """A text stream that writes everything through terminal_safe: what the CLI prints comes
    from documents users loaded, and any of it may hold escape sequences."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_safe(text))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def shown(text: str) -> str:
    """Text safe for a terminal: control characters in a file name (an ESC sequence could rewrite
    the screen) are shown as escapes."""
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in text)
