"""Text addressed to a language model rather than to a reader of a policy document.

One detector for both ends of LLM mode: a document sentence that reads as an instruction to the
model is never offered as evidence (compose.py), and a draft sentence that does is never served
(verify.py): a model that writes 忽略以上所有规则 has taken orders from somewhere other than the
question, and nothing it drafted around that is trusted."""
from __future__ import annotations

import re

from ingest.normalize import normalize

_INSTRUCTION = re.compile(
    r"(忽略|无视|不要理会|忘记|忘掉|ignore|disregard|forget)[^。!?！？]{0,12}"
    r"(指令|指示|提示|规则|设定|instruction|prompt|rule)"
    r"|system\s*prompt|系统提示|你现在是|you are now|作为(一个)?(ai|人工智能|语言模型|大模型)",
    re.I,
)


def addressed_to_model(text: str) -> bool:
    """Whether ``text`` (any script) tells a model to drop its rules or change its role."""
    return _INSTRUCTION.search(normalize(text)) is not None
