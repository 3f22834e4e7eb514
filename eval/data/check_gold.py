#!/usr/bin/env python3
"""Validate the zhiqa gold evaluation set (dev.jsonl + test.jsonl).

Checks
  * ids unique and of the form dev-NNN / test-NNN matching the file;
  * required fields present and well typed (exactly one of question / turns);
  * every evidence quote is an exact substring of corpus/<doc_id>.txt;
  * every key-fact group has an alternative ('|'-separated) that occurs in at
    least one of the item's evidence quotes after converting both to
    simplified Chinese (OpenCC tw2sp, which also maps Taiwan vocabulary);
  * unanswerable items have no evidence and no key facts;
  * comparison items cite >= 2 documents and carry the cross-doc tag;
  * multi-turn items carry the multi-turn tag (and vice versa);
  * coverage minimums (types, scripts, tags, documents, top-level sections).

Needs OpenCC:  python3 -m venv /tmp/goldvenv && /tmp/goldvenv/bin/pip install opencc
Run:           /tmp/goldvenv/bin/python eval/data/check_gold.py   (exit 1 on errors)
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "corpus"
SPLITS = ("dev", "test")

TYPES = {"responsibility", "deadline", "target", "procedure", "definition", "list",
         "comparison", "metadata", "yesno", "other"}
SCRIPTS = {"simplified", "traditional", "english"}
REQUIRED = ("id", "type", "answerable", "evidence", "key_facts", "script", "tags")

# top-level section headings per document (line-anchored)
CN_NUM = "一二三四五六七八九十"
SECTION_RE = {
    "shaanxi-2017-comprehensive-quality-supervision": rf"^[{CN_NUM}]+、",
    "aqsiq-2016-grassroots-quality-supervision": rf"^[{CN_NUM}]+、",
    "hunan-2013-product-quality-supervision": rf"^[ \t\u3000]+[{CN_NUM}]+、",
    "gansu-2015-quality-development-action-plan": rf"^[{CN_NUM}]+、",
    "guangxi-13th-five-year-quality-plan": rf"^第[{CN_NUM}]+章",
}
GANSU_TASK_RE = rf"^\([{CN_NUM}]+\)"

MINIMUMS = {  # (description, minimum)
    "total": 160, "responsibility": 20, "deadline": 12, "target": 12, "procedure": 8,
    "definition": 6, "list": 10, "comparison": 12, "metadata": 8,
    "script:traditional": 18, "tag:taiwan-vocab": 6, "tag:paraphrase": 25,
    "tag:multi-turn": 12, "unanswerable": 30, "english-answerable": 8,
}

try:
    import opencc  # type: ignore
except ImportError:  # pragma: no cover
    sys.exit("check_gold.py needs OpenCC: pip install opencc (e.g. into /tmp/goldvenv)")

_CC = opencc.OpenCC("tw2sp")
_T2S = opencc.OpenCC("t2s")
_EXTRA = str.maketrans({"陜": "陕", "陝": "陕"})


def simp(s: str) -> str:
    return _CC.convert(unicodedata.normalize("NFKC", s)).translate(_EXTRA)


def load_corpus() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}


def sections(text: str, pattern: str) -> list[tuple[int, str]]:
    out = [(0, "(preamble)")]
    for m in re.finditer(pattern, text, flags=re.M):
        line = text[m.start():text.find("\n", m.start())].strip()
        out.append((m.start(), line[:14]))
    return out


def section_of(secs: list[tuple[int, str]], pos: int) -> str:
    name = secs[0][1]
    for start, n in secs:
        if start <= pos:
            name = n
    return name


def main() -> int:
    corpus = load_corpus()
    errors: list[str] = []
    warnings: list[str] = []
    items: list[tuple[str, dict]] = []
    ids: set[str] = set()

    for split in SPLITS:
        path = HERE / f"{split}.jsonl"
        if not path.exists():
            errors.append(f"missing {path}")
            continue
        for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{split}:{ln}: bad JSON: {e}")
                continue
            items.append((split, rec))

    for split, r in items:
        rid = r.get("id", "?")
        def err(msg: str) -> None:
            errors.append(f"{rid}: {msg}")
        for f in REQUIRED:
            if f not in r:
                err(f"missing field {f}")
        if not re.fullmatch(rf"{split}-\d{{3}}", str(rid)):
            err(f"id does not match split {split}")
        if rid in ids:
            err("duplicate id")
        ids.add(rid)
        has_q, has_t = "question" in r, "turns" in r
        if has_q == has_t:
            err("need exactly one of question / turns")
        if has_q and (not isinstance(r["question"], str) or not r["question"].strip()):
            err("empty question")
        if has_t and (not isinstance(r["turns"], list) or len(r["turns"]) < 2
                      or not all(isinstance(t, str) and t.strip() for t in r["turns"])):
            err("turns must be a list of >= 2 non-empty strings")
        if r.get("type") not in TYPES:
            err(f"bad type {r.get('type')!r}")
        if r.get("script") not in SCRIPTS:
            err(f"bad script {r.get('script')!r}")
        if not isinstance(r.get("answerable"), bool):
            err("answerable must be boolean")
        tags = r.get("tags", [])
        if not isinstance(tags, list):
            err("tags must be a list")
            tags = []
        if has_t != ("multi-turn" in tags):
            err("multi-turn tag must be present iff turns is used")
        if "false-premise" in tags and not r.get("note"):
            err("false-premise item needs a note")

        # script heuristics (warnings only)
        judged = r["turns"][-1] if has_t else r.get("question", "")
        han = [c for c in judged if "\u4e00" <= c <= "\u9fff"]
        if r.get("script") == "english" and len(han) > 0.3 * max(1, len(judged)):
            warnings.append(f"{rid}: script english but mostly Han characters")
        if r.get("script") in ("simplified", "traditional") and not han:
            warnings.append(f"{rid}: Chinese script but no Han characters")
        if r.get("script") == "traditional" and simp(judged) == judged:
            warnings.append(f"{rid}: script traditional but question has no traditional-only characters")
        if r.get("script") == "simplified" and _T2S.convert(judged) != judged:
            warnings.append(f"{rid}: script simplified but question contains traditional characters")

        ev = r.get("evidence", [])
        kf = r.get("key_facts", [])
        if r.get("answerable") is False:
            if ev or kf:
                err("unanswerable item must have empty evidence and key_facts")
            continue
        if not ev:
            err("answerable item without evidence")
        if not (1 <= len(kf) <= 3):
            err(f"answerable item needs 1-3 key facts, has {len(kf)}")
        quotes_s = []
        for e in ev:
            doc, quote = e.get("doc_id"), e.get("quote", "")
            if doc not in corpus:
                err(f"unknown doc_id {doc!r}")
                continue
            if quote not in corpus[doc]:
                err(f"quote not in {doc}: {quote[:40]!r}")
            n = len(quote)
            if n > 120:
                err(f"quote too long ({n}): {quote[:30]!r}")
            elif n < 5:
                err(f"quote too short ({n}): {quote!r}")
            elif n < 10:
                warnings.append(f"{rid}: short quote ({n}) {quote!r}")
            quotes_s.append(simp(quote))
        for group in kf:
            alts = [a for a in str(group).split("|") if a]
            if not alts:
                err("empty key fact")
                continue
            if len(alts[0]) > 15 or len(alts[0]) < 2:
                warnings.append(f"{rid}: key fact length {len(alts[0])}: {alts[0]!r}")
            if not any(simp(a) in q for a in alts for q in quotes_s):
                err(f"key fact {group!r} not found in any evidence quote")
        if r.get("type") == "comparison":
            if len({e.get("doc_id") for e in ev}) < 2:
                err("comparison needs evidence from >= 2 documents")
            if "cross-doc" not in tags:
                err("comparison needs the cross-doc tag")

    # ---------------- coverage ----------------
    recs = [r for _, r in items]
    by_split = Counter(s for s, _ in items)
    types = Counter(r.get("type") for r in recs if r.get("answerable"))
    scripts = Counter(r.get("script") for r in recs)
    tagc = Counter(t for r in recs for t in r.get("tags", []))
    unans = sum(1 for r in recs if r.get("answerable") is False)
    en_ans = sum(1 for r in recs if r.get("script") == "english" and r.get("answerable"))
    docs = Counter(d for r in recs for d in {e["doc_id"] for e in r.get("evidence", [])})
    split_types = defaultdict(Counter)
    for s, r in items:
        split_types[s][r.get("type") if r.get("answerable") else "unanswerable"] += 1

    have = {"total": len(recs), "unanswerable": unans, "english-answerable": en_ans}
    have.update({t: types[t] for t in TYPES})
    have.update({f"script:{k}": v for k, v in scripts.items()})
    have.update({f"tag:{k}": v for k, v in tagc.items()})
    for key, minimum in MINIMUMS.items():
        if have.get(key, 0) < minimum:
            errors.append(f"coverage: {key} = {have.get(key, 0)} < {minimum}")
    for cat in sorted(set(split_types["dev"]) | set(split_types["test"])):
        for s in SPLITS:
            if split_types[s][cat] == 0:
                errors.append(f"coverage: category {cat} missing from {s}")
    for tag in ("paraphrase", "taiwan-vocab", "multi-turn", "cross-doc", "false-premise"):
        for s in SPLITS:
            if not any(t == tag for ss, r in items if ss == s for t in r.get("tags", [])):
                errors.append(f"coverage: tag {tag} missing from {s}")

    # section coverage
    sec_hits: dict[str, Counter] = {}
    gansu_tasks: Counter = Counter()
    for doc, text in corpus.items():
        secs = sections(text, SECTION_RE.get(doc, r"^$^"))
        c = Counter({name: 0 for _, name in secs[1:]})
        for r in recs:
            for e in r.get("evidence", []):
                if e.get("doc_id") == doc and e.get("quote") in text:
                    c[section_of(secs, text.find(e["quote"]))] += 1
        sec_hits[doc] = c
        for name, n in c.items():
            if n == 0 and name != "(preamble)":
                errors.append(f"coverage: no question for section {doc} / {name}")
        if doc.startswith("gansu"):
            tsecs = sections(text, GANSU_TASK_RE)
            for r in recs:
                for e in r.get("evidence", []):
                    if e.get("doc_id") == doc and e.get("quote") in text:
                        gansu_tasks[section_of(tsecs, text.find(e["quote"]))] += 1

    print(f"items: {len(recs)}  " + "  ".join(f"{s}={by_split[s]}" for s in SPLITS))
    print("per type (answerable):", dict(sorted(types.items())), f" unanswerable={unans}")
    for s in SPLITS:
        print(f"  {s}:", dict(sorted(split_types[s].items())))
    print("per document (items citing it):", {d.split('-')[0]: n for d, n in sorted(docs.items())})
    print("per script:", dict(sorted(scripts.items())), f" english-answerable={en_ans}")
    print("per tag:", dict(sorted(tagc.items())))
    for doc, c in sec_hits.items():
        print(f"sections {doc.split('-')[0]}:", " ".join(f"{k[:6]}={v}" for k, v in c.items()))
    if gansu_tasks:
        covered = sum(1 for k, v in gansu_tasks.items() if k != "(preamble)" and v)
        print(f"gansu tasks with a question: {covered}/24")
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"FAILED: {len(errors)} error(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
