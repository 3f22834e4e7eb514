"""The answer contract: a dataclass mirroring the JSON that `zhiqa ask --json` prints."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum


def titled(name: str) -> str:
    """A document's name in title marks, as an answer writes it: 《…》, with the marks of a title
    inside it made single (《河南省实施〈中华人民共和国农产品质量安全法〉办法》)."""
    return f"《{name.replace('《', '〈').replace('》', '〉')}》"


class QuestionType(str, Enum):
    """What a question asks for; decided by assistant.question.kinds. A str, so that the JSON
    carries the plain name and a comparison with "deadline" holds."""

    RESPONSIBILITY = "responsibility"
    DEADLINE = "deadline"
    TARGET = "target"
    PROCEDURE = "procedure"
    DEFINITION = "definition"
    LIST = "list"
    COMPARISON = "comparison"
    ARTICLE = "article"  # what 第N条 of a named law says (assistant.question.articles)
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str | None
    issuer: str | None
    date: str | None
    doc_number: str | None
    section: str
    quote: str  # exact substring of the original text at [start, end)
    start: int
    end: int
    page: int | None
    source: str


@dataclass
class Answer:
    question: str
    standalone_question: str
    answer: str
    abstained: bool
    question_type: QuestionType
    citations: list[Citation] = field(default_factory=list)
    latency_ms: int = 0
    # why the assistant abstained, and what the corpus does cover (empty when it answered)
    reason: str = ""
    suggestions: list[str] = field(default_factory=list)
    # LLM mode only (see assistant/llm.py): "llm" for a verified rewrite, "llm-fallback" when the
    # extractive answer stands in for it; notes say why, unverified lists the draft sentences the
    # verifier did not accept (removed, or kept with （未经核实）)
    mode: str = "extractive"
    notes: list[str] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)
    # the share of the question's weighted terms the best retrieved passage holds: the evidence
    # abstention is decided on (answers below MIN_COVERAGE are declined); None on paths that
    # answer from structure (an article asked by number, a document's metadata)
    coverage: float | None = None

    def to_json(self) -> dict:
        d = asdict(self)
        d["question_type"] = str(self.question_type)  # the plain name, whatever serialises it
        if not self.abstained:
            d.pop("reason")
            d.pop("suggestions")
        if self.coverage is None:
            d.pop("coverage")
        else:
            d["coverage"] = round(self.coverage, 3)
        if self.mode == "extractive":
            for key in ("mode", "unverified"):
                d.pop(key)
            if not self.notes:  # an extractive answer has notes only when the reader should know more
                d.pop("notes")
        return d
