"""Article lookup, generated: for every article of every law of the development corpus, ask
for it as users do ("《X》第N条的内容是什么？", and by a shorter name without 《》) and judge the
answer against the article's text as an independent reading of the file gives it: exact match
(the article quoted whole, blanks aside) and ROUGE-L (character LCS, F1). On the public
benchmark this follows, closed-book LLMs score ROUGE-L 15-19.

    python -m eval.articles [--split test|dev|all] [--out eval/reports/laws-articles.md]"""
from __future__ import annotations

import argparse
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from assistant import Assistant
from eval.corpora.registry import corpus
from eval.runner import build_index
from ingest.normalize import normalize
from ingest.numerals import chinese_number

# an article starts its line with 第N条 (after blanks); it runs to the next article, the next
# chapter or section heading, or the end of the text
_ARTICLE_START = re.compile(r"^[ \t\u3000]*第([零〇一二两三四五六七八九十百千\d]+)条(?=[ \t\u3000\n]|$)", re.M)
_HEADING = re.compile(r"^[ \t\u3000#]*第[零〇一二两三四五六七八九十百千\d]+[编章节](?=[ \t\u3000\n]|$)", re.M)
_BLANKS = re.compile(r"\s+")


@dataclass(frozen=True)
class Lookup:
    doc_id: str
    number: int
    question: str
    variant: str  # full | short
    exact: bool
    rouge_l: float


def gold_articles(text: str) -> list[tuple[int, str]]:
    """(number, text) of each article, read from line starts alone (not the product's parser);
    ``text`` ends where the document's body does (a scraped page's footer is not the last article)."""
    starts = [(m.start(), int(m.group(1)) if m.group(1).isdigit() else chinese_number(m.group(1)))
              for m in _ARTICLE_START.finditer(text)]
    bounds = sorted([s for s, _ in starts] + [m.start() for m in _HEADING.finditer(text)] + [len(text)])
    out = []
    for s, n in starts:
        end = next(b for b in bounds if b > s)
        body = text[s:end].strip()
        if n and body:
            out.append((int(n), body))
    return out


def _plain(s: str) -> str:
    return _BLANKS.sub("", normalize(s))


def lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence (bit-parallel, Hyyrö 2004)."""
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for i, ch in enumerate(b):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(b)) - 1
    v = full
    for ch in a:
        u = v & masks.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    return len(b) - bin(v).count("1")


def rouge_l(answer: str, reference: str) -> float:
    a, r = _plain(answer), _plain(reference)
    lcs = lcs_length(a, r)
    if not lcs:
        return 0.0
    p, rec = lcs / len(a), lcs / len(r)
    return 2 * p * rec / (p + rec)


def _short(title: str) -> str:
    return title.removeprefix("中华人民共和国")


def measure(split: str, work: Path) -> list[Lookup]:
    laws = corpus("laws")
    test_docs = laws.test_documents or frozenset()
    index = build_index(work / "index", "builtin", laws.folder)
    snap = index.snapshot()
    assistant = Assistant(index.settings, index)
    results = []
    for doc_id in sorted(snap.docs):
        if split != "all" and (doc_id in test_docs) != (split == "test"):
            continue
        title = snap.docs[doc_id].meta.title or doc_id
        body_end = max((c.end for c in snap.chunks if c.doc_id == doc_id), default=0)
        for number, body in gold_articles(snap.text(doc_id)[:body_end]):
            for variant, question in (("full", f"《{title}》第{number}条的内容是什么？"),
                                      ("short", f"{_short(title)}第{number}条规定了什么")):
                ans = assistant.ask(question)
                quoted = "".join(c.quote for c in ans.citations if c.doc_id == doc_id)
                exact = not ans.abstained and _plain(body) == _plain(quoted)
                score = 0.0 if ans.abstained else (1.0 if exact else rouge_l(quoted or ans.answer, body))
                results.append(Lookup(doc_id, number, question, variant, exact, score))
    return results


def table(results: list[Lookup]) -> list[str]:
    lines = ["| questions | n | exact match | ROUGE-L |", "|---|---|---|---|"]
    for variant in ("full", "short"):
        mine = [r for r in results if r.variant == variant]
        if mine:
            label = "《X》第N条的内容是什么？" if variant == "full" else "X第N条规定了什么 (no 中华人民共和国, no 《》)"
            lines.append(f"| {label} | {len(mine)} | {sum(r.exact for r in mine) / len(mine):.3f} | "
                         f"{sum(r.rouge_l for r in mine) / len(mine):.3f} |")
    wrong = [r for r in results if not r.exact]
    if wrong:
        lines += ["", "| not exact | ROUGE-L |", "|---|---|"] + [f"| {r.question} | {r.rouge_l:.3f} |" for r in wrong[:40]]
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--split", choices=("test", "dev", "all"), default="test")
    p.add_argument("--out", type=Path)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="zhiqa-articles-") as tmp:
        results = measure(args.split, Path(tmp))
    text = f"# Article lookup on the development corpus, {args.split} documents (python -m eval.articles)\n\n"
    text += "\n".join(table(results)) + "\n"
    out = args.out or Path(__file__).resolve().parent / "reports" / f"laws-articles-{args.split}.md"
    out.write_text(text, encoding="utf-8")
    print(text)
    print(json.dumps({"n": len(results), "exact": sum(r.exact for r in results) / max(len(results), 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
