"""Is a generated quiz item valid? Each item is checked against its cited quote alone, with rules
written here, apart from the generator's:

- key_supported: the key is in the quote (a department in the key's role: before 牵头 for a
  lead unit; a quantity or year as a whole figure, 3% is not in 93%; a modal word with the words
  that follow it in the statement); for tf, 正确 iff the statement's claim is so supported
- no_distractor_supported: no wrong mcq option is supported (a department is not in the quote
  at all)
- distinct_options: four distinct options holding the answer; (正确, 错误); a cloze has none
- same_kind: every option (the tf claim, the cloze answer) is of the item's kind by ``kind_of``
- citation_exact: the quote is the original text at the citation's offsets
- question_sound: an mcq or cloze question does not contain its answer (a cloze has one blank);
  a tf statement states its claim
- unique_fact: no other item of the same quiz tests the same fact

Run ``python -m eval.quiz_check [--n 200] [--seed 0]``: it indexes corpus/ in a temporary folder,
generates the items (from more seeds when one quiz runs out of distinct facts), prints the share
of items passing each check and lists the items that fail.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, fields, replace
from pathlib import Path

from assistant.quiz.generate import BLANK, FALSE, TRUE, Quiz, QuizItem, generate_quiz
from eval.runner import build_index
from ingest.extract.departments import is_unit_name
from ingest.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
_YEAR = re.compile(r"^(?:(?:19|20)\d{2}(?:\s*[—–\-~至到]+\s*(?:19|20)\d{2})?年(?:度|底|末|初)?|“?十[一二三四五六七八九]五”?(?:期间|时期)?)$")
_DURATION = re.compile(r"^(?:\d+|[〇零一二两三四五六七八九十百千]+)(?:个工作日|工作日|个月|月|日|天|年)(?:以内|之内|内)?$")
_NUMBER = re.compile(
    r"^\d+(?:\.\d+)?(?:\s*[—\-~至到]\s*\d+(?:\.\d+)?)?\s*"
    r"(?:%|个百分点|亿元|万元|元|亿亩|万亩|倍|个|家|项|件|名|所|座|条|台|处|种|类|款|批次)?(?:以上|以下|左右|以内)?$"
)
# 主管 is a role word as a verb (…主管全省的…), not inside a unit's name (…价格主管部门负责…)
_ROLE_WORD = re.compile(r"牵头负责|牵头|配合|协助|协办|参与|负总责|按职责分工负责|负责|主管(?!部门|机关|单位)|组织实施|承担")
_ROLE_OF = {"牵头负责": "lead", "牵头": "lead", "配合": "cooperating", "协助": "cooperating", "协办": "cooperating",
            "参与": "cooperating"}
_NUMERAL = "\\d.〇零一二两三四五六七八九十百千"
_HAN = re.compile(r"[\u4e00-\u9fff]")


def kind_of(text: str) -> str:
    """department | number | year | duration | term, from the text alone."""
    t = normalize(text).strip()
    if _YEAR.match(t):
        return "year"
    if _DURATION.match(t):
        return "duration"
    if _NUMBER.match(t):
        return "number"
    if is_unit_name(t):
        return "department"
    return "term"


def _role_segments(quote: str, role: str) -> list[str]:
    """The stretches of a normalised quote naming the units of one role: what stands between
    the previous role word (or the note's opening) and 牵头, 配合 or 负责; after 牵头单位: …"""
    found, pos = [], 0
    for m in _ROLE_WORD.finditer(quote):
        word_role = _ROLE_OF.get(m.group(0), "responsible")
        if quote.startswith("单位:", m.end()):
            end = min([i for i in (quote.find(";", m.end()), quote.find(")", m.end())) if i >= 0], default=len(quote))
            segment, pos = quote[m.end() + 3 : end], end
        else:
            segment, pos = quote[pos : m.start()], m.end()
        if word_role == role:
            found.append(segment)
    return found


def _whole_figure_in(term: str, quote: str) -> bool:
    return re.search(rf"(?<![{_NUMERAL}]){re.escape(term)}(?![\d.])", quote) is not None


def _with_neighbours(term: str, stem: str) -> str:
    """The term as the statement puts it: with up to three Han characters either side of it."""
    at = stem.find(BLANK)
    before, after = stem[:at], stem[at + len(BLANK) :]
    left = re.search(r"[\u4e00-\u9fff]{0,3}$", before).group(0)
    right = re.match(r"[\u4e00-\u9fff]{0,3}", after).group(0)
    return left + term + right


def supported(item: QuizItem, term: str) -> bool:
    """Whether the item's quote supports ``term`` as the item's key."""
    quote = normalize(item.citation.quote)
    t = normalize(term)
    if not t:
        return False
    if item.kind == "department":
        return any(t in segment for segment in _role_segments(quote, item.fact[0]))
    if item.kind in ("number", "year", "duration"):
        return _whole_figure_in(t, quote)
    # the question shows the context on one line without blanks (第八十八条 禁止… as 第八十八条禁止…)
    return BLANK in item.stem and normalize(_with_neighbours(term, item.stem)) in re.sub(r"\s", "", quote)


@dataclass(frozen=True)
class ItemCheck:
    id: str
    key_supported: bool
    no_distractor_supported: bool
    distinct_options: bool
    same_kind: bool
    citation_exact: bool
    question_sound: bool
    unique_fact: bool = True

    @property
    def passed(self) -> bool:
        return all(getattr(self, name) for name in CHECKS)

    @property
    def failed(self) -> tuple[str, ...]:
        return tuple(name for name in CHECKS if not getattr(self, name))


CHECKS = tuple(f.name for f in fields(ItemCheck) if f.name != "id")


def check_item(item: QuizItem, snap) -> ItemCheck:
    """Every check of one item but unique_fact (see check_quiz), from its quote and the original text."""
    c = item.citation
    quote = normalize(c.quote)
    wrong = [o for o in item.options if o != item.answer]
    if item.type == "mcq":
        key = supported(item, item.answer)
        clean = all(not supported(item, w) and (item.kind != "department" or normalize(w) not in quote) for w in wrong)
        distinct = len(item.options) == 4 and len({normalize(o) for o in item.options}) == 4 and item.answer in item.options
        kinds = all(kind_of(o) == item.kind for o in item.options)
        sound = normalize(item.answer) not in normalize(item.question)
    elif item.type == "tf":
        key = supported(item, item.claim) == (item.answer == TRUE)
        clean = True
        distinct = item.options == (TRUE, FALSE) and item.answer in item.options
        kinds = kind_of(item.claim) == item.kind
        sound = normalize(item.claim) in normalize(item.question)
    else:
        key = supported(item, item.answer)
        clean = True
        distinct = item.options == () and bool(item.answer)
        kinds = kind_of(item.answer) == item.kind
        sound = item.question.count(BLANK) == 1 and normalize(item.answer) not in normalize(item.question)
    exact = snap.text(c.doc_id)[c.start : c.end] == c.quote and bool(_HAN.search(c.quote))
    return ItemCheck(id=item.id, key_supported=key, no_distractor_supported=clean, distinct_options=distinct,
                     same_kind=kinds, citation_exact=exact, question_sound=sound)


def check_quiz(quiz: Quiz, snap) -> list[ItemCheck]:
    """Every item's checks, unique_fact over the whole quiz."""
    facts = Counter(item.fact for item in quiz.items)
    return [replace(check_item(item, snap), unique_fact=facts[item.fact] == 1) for item in quiz.items]


@dataclass(frozen=True)
class CheckReport:
    quizzes: tuple[Quiz, ...]
    checks: tuple[tuple[QuizItem, ItemCheck], ...]

    def share(self, name: str | None = None) -> float:
        ok = [c.passed if name is None else getattr(c, name) for _, c in self.checks]
        return sum(ok) / len(ok) if ok else 0.0

    def markdown(self) -> str:
        n = len(self.checks)
        lines = ["| check | passing | share |", "|---|---:|---:|"]
        for name in CHECKS:
            lines.append(f"| {name} | {sum(getattr(c, name) for _, c in self.checks)}/{n} | {self.share(name):.3f} |")
        lines.append(f"| **all checks** | {sum(c.passed for _, c in self.checks)}/{n} | {self.share():.3f} |")
        return "\n".join(lines)

    def failures(self) -> list[str]:
        return [f"- {c.id} ({item.type}, {item.kind}) fails {', '.join(c.failed)}: {item.question} → {item.answer}"
                for item, c in self.checks if not c.passed]


def run_checks(snap, n: int, seed: int, max_quizzes: int = 8) -> CheckReport:
    """``n`` items from quizzes of seeds seed, seed+1 … (easy, then hard, alternately) until
    there are ``n``: one quiz holds each fact once, and the corpus has fewer than n facts."""
    quizzes, checks = [], []
    for k in range(max_quizzes):
        if len(checks) >= n:
            break
        quiz = generate_quiz(snap, n=n - len(checks), seed=seed + k, difficulty=("easy", "hard")[k % 2])
        quizzes.append(quiz)
        for item, check in zip(quiz.items, check_quiz(quiz, snap)):
            checks.append((item, replace(check, id=f"s{quiz.seed}-{quiz.difficulty}-{item.id}")))
    return CheckReport(tuple(quizzes), tuple(checks))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.quiz_check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="items to check (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first quiz (default 0)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        index = build_index(Path(tmp) / "zhiqa", corpus=args.corpus)
        report = run_checks(index.snapshot(), args.n, args.seed)
    print(f"# Quiz validity: {len(report.checks)} items\n")
    for quiz in report.quizzes:
        types = Counter(item.type for item in quiz.items)
        print(f"- quiz seed={quiz.seed} difficulty={quiz.difficulty}: {len(quiz.items)} of {quiz.requested} requested "
              f"({', '.join(f'{t} {types[t]}' for t in sorted(types))}){' — ' + quiz.note if quiz.note else ''}")
    if len(report.quizzes) > 1:
        print("\nOne quiz tests each fact once and the corpus holds fewer facts than requested, so the items "
              "come from several quizzes (seeds and difficulties above); unique_fact is checked within each quiz.")
    print()
    print(report.markdown())
    failures = report.failures()
    print(f"\n## Failing items ({len(failures)})\n")
    print("\n".join(failures) if failures else "none")
    return 0 if report.share() >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main())
