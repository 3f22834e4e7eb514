"""Wrong answers of a fact's own kind, none of them supported by the quoted context:

- department: other units of the corpus's responsibility records, of documents of the same
  type when there are enough (a national law's duty is not offered a province's departments),
  never a unit of the same task and never one the quote names (hard: the same document only)
- number: the quantity with its number changed (×2, −10 …) or replaced by another figure of
  the same unit in the corpus (hard: within ±20%)
- year: other years, or other five-year plans (hard: ±1 or 2 years)
- duration: other counts of the same unit (hard: the nearest counts)
- term: modal words of the other modalities (应当 ↔ 不得 ↔ 可以 ↔ 鼓励)

A candidate whose number, or whose text, appears in the quote or in the question is dropped:
the quote must support the key and nothing else.
"""
from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

from assistant.index.snapshot import Snapshot
from assistant.quiz.facts import Fact, display
from ingest.normalize import normalize
from ingest.numerals import chinese_numeral

MODAL_WORDS = {
    "must": ("应当", "必须", "要"),
    "prohibited": ("不得", "禁止", "严禁"),
    "permitted": ("可以", "有权"),
    "encouraged": ("鼓励", "提倡", "支持"),
}
# the modality a false statement claims instead of the document's
FLIPPED = {"must": "prohibited", "prohibited": "must", "permitted": "prohibited", "encouraged": "prohibited"}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PLAN = "一二三四五六七八九"
_CN_NUMERAL = re.compile(r"^[〇零一二两三四五六七八九十百千]+")
_COUNT_UNITS = set("个家项件名所座条台处种类款") | {"批次"}
# time limits policy documents set, by unit: 15日内, 5个工作日内, 3个月内, 五年内
_DURATION_COUNTS = {"年": (1, 2, 3, 5, 10), "月": (1, 2, 3, 6, 12), "工作日": (3, 5, 7, 10, 15, 20),
                    "日": (3, 5, 7, 10, 15, 30, 60, 90), "天": (3, 5, 7, 10, 15, 30, 60, 90)}


@dataclass(frozen=True)
class Pools:
    """What the whole corpus offers as wrong answers."""

    departments: tuple[tuple[str, str, str], ...]  # (canonical name, display name, doc_id), sorted
    numbers: dict[str, tuple[float, ...]]  # unit -> values of the corpus's targets
    years: tuple[int, ...]
    durations: dict[str, tuple[int, ...]]  # unit -> counts of the corpus's time limits
    doc_types: dict[str, str | None]  # doc_id -> its type (法律, 地方性法规, 政策文件 …)


def build_pools(snap: Snapshot, facts: list[Fact]) -> Pools:
    departments: dict[tuple[str, str], Counter] = {}
    for doc_id in sorted(snap.docs):
        for r in snap.records(doc_id).responsibilities:
            for u in r.units:
                departments.setdefault((u.name, doc_id), Counter())[display(u.written)] += 1
    numbers: dict[str, set[float]] = {}
    years: set[int] = set()
    durations: dict[str, set[int]] = {}
    for f in facts:
        if f.kind == "number" and f.value is not None:
            numbers.setdefault(f.unit, set()).add(f.value)
        elif f.kind == "year":
            years.update(int(y) for y in re.findall(r"(?:19|20)\d{2}", f.term))
        elif f.kind == "duration" and f.value is not None:
            durations.setdefault(f.unit, set()).add(int(f.value))
    return Pools(
        departments=tuple(sorted((name, min(c, key=lambda w: (-c[w], len(w), w)), doc) for (name, doc), c in departments.items())),
        numbers={u: tuple(sorted(v)) for u, v in numbers.items()},
        years=tuple(sorted(years)),
        durations={u: tuple(sorted(v)) for u, v in durations.items()},
        doc_types={d: snap.docs[d].meta.doc_type for d in snap.docs},
    )


def wrong_answers(fact: Fact, pools: Pools, avoid: str, k: int, rng: random.Random, hard: bool) -> list[str] | None:
    """``k`` distinct wrong answers for ``fact``, none found in ``avoid`` (the quote and the
    question), or None when there are fewer than ``k``."""
    seen = normalize(avoid)
    key = normalize(fact.term)

    def fine(c: str) -> bool:
        n = normalize(c)
        digits = _NUMBER.findall(n)
        return n != key and n not in seen and key not in n and n not in key and not any(d in seen for d in digits)

    if fact.kind == "term":
        return _modal(fact, seen, k, rng)
    if fact.kind == "department" and not hard:
        # of documents of the fact's own type first; the whole corpus only when they run short
        kind = pools.doc_types.get(fact.doc_id)
        alike = sorted({shown for name, shown, doc in pools.departments
                        if name not in fact.excluded and pools.doc_types.get(doc) == kind and fine(shown)})
        if len(alike) >= k:
            return rng.sample(alike, k)
    make = {"department": _departments, "number": _numbers, "year": _years, "duration": _durations}[fact.kind]
    found = sorted({c for c in make(fact, pools, hard) if fine(c)})
    return rng.sample(found, k) if len(found) >= k else None


def _departments(fact: Fact, pools: Pools, hard: bool) -> list[str]:
    return [shown for name, shown, doc in pools.departments
            if name not in fact.excluded and (not hard or doc == fact.doc_id)]


def _renumber(term: str, change, accept=None) -> str | None:
    """The term with each number changed by ``change`` and rounded to its decimals; None when a
    new number is negative or ``accept(new, old)`` refuses it."""
    out, pos = [], 0
    for m in _NUMBER.finditer(term):
        old = float(m.group(0))
        decimals = len(m.group(0).partition(".")[2])
        value = change(old)
        if value is None:
            return None
        value = round(value, decimals)
        if value < 0 or (accept is not None and not accept(value, old)):
            return None
        out += [term[pos:m.start()], f"{value:.{decimals}f}"]
        pos = m.end()
    return "".join(out) + term[pos:]


def _numbers(fact: Fact, pools: Pools, hard: bool) -> list[str]:
    close = [1.1, 0.9, 1.2, 0.8, 1.05, 0.95]
    steps = [1, -1, 5, -5] if hard else [1, -1, 5, -5, 10, -10]
    factors = close if hard else close + [2, 0.5, 3]

    def valid(x: float, base: float) -> bool:
        within = abs(x - base) <= 0.2 * base + 1e-9
        whole = fact.unit not in _COUNT_UNITS or x == int(x)
        return x > 0 and x != base and whole and (fact.unit != "%" or x <= 100) and (within or not hard)

    changes = [lambda x, f=f: x * f for f in factors] + [lambda x, s=s: x + s for s in steps]
    found = [_renumber(fact.term, change, valid) for change in changes]
    if len(_NUMBER.findall(fact.term)) == 1:  # other figures of the same unit (not for ranges)
        found += [_renumber(fact.term, lambda x, o=o: o, valid) for o in pools.numbers.get(fact.unit, ())]
    return [c for c in found if c]


def _years(fact: Fact, pools: Pools, hard: bool) -> list[str]:
    if fact.term.startswith("十"):
        n = _PLAN.index(fact.term[1]) + 1
        return [f"十{_PLAN[m - 1]}五" for m in range(max(1, n - 2), min(9, n + 2) + 1) if m != n]
    shifts = [-2, -1, 1, 2] if hard else [-3, -2, -1, 1, 2, 3]
    found = [_renumber(fact.term, lambda y, d=d: y + d) for d in shifts]
    first = int(_NUMBER.findall(fact.term)[0])
    if not hard and len(_NUMBER.findall(fact.term)) == 1:
        found += [_renumber(fact.term, lambda y, o=o: o) for o in pools.years if o != first]
    return [c for c in found if c]


def _durations(fact: Fact, pools: Pools, hard: bool) -> list[str]:
    n = int(fact.value or 0)
    unit = fact.unit.removeprefix("个")
    counts = set(_DURATION_COUNTS.get(unit, ())) | set(pools.durations.get(fact.unit, ()))
    counts.discard(n)
    if hard:
        counts = set(sorted(counts, key=lambda c: (abs(c - n), c))[:4])
    chinese = _CN_NUMERAL.match(fact.term) is not None
    number = re.compile(r"^(?:\d+|[〇零一二两三四五六七八九十百千]+)")
    if chinese:
        return [number.sub(chinese_numeral(c), fact.term) for c in sorted(counts)]
    return [number.sub(str(c), fact.term) for c in sorted(counts)]


def _modal(fact: Fact, seen: str, k: int, rng: random.Random) -> list[str] | None:
    """One modal word of each other modality that the quote does not use at all."""
    others = [m for m in MODAL_WORDS if m != fact.role]
    picked = []
    for modality in others:
        words = [w for w in MODAL_WORDS[modality] if w not in seen]
        if words:
            picked.append(rng.choice(words))
    return rng.sample(picked, k) if len(picked) >= k else None


def flipped_term(fact: Fact, avoid: str, rng: random.Random) -> str | None:
    """The modal word a false statement claims: 应当 ↔ 不得 (鼓励/可以 → 不得), one the quote does not use."""
    seen = normalize(avoid)
    words = [w for w in MODAL_WORDS[FLIPPED[fact.role]] if w not in seen]
    if fact.role == "encouraged":
        words = [w for w in words if w != "不得"]  # 禁止企业… reads as a rule, 不得企业… does not
    return rng.choice(words) if words else None
