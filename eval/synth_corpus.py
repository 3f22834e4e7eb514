"""Seeded synthetic corpus for the scale benchmark, recombined from the real documents in corpus/.

    python -m eval.synth_corpus OUT_DIR --docs 500 --seed 0

Each document draws a region, year, issuer, form (意见 / 行动计划 / 指导意见 / 规划) and size;
its sections are real sections of one script (traditional sources stay traditional), with
sentences dropped, spliced in from other paragraphs and reordered, and region names, years,
numbers and the 牵头/配合 units of task notes perturbed. The manifest.json beside the files has
corpus/manifest.json's format, so ingest takes each file's metadata from it. Document i
depends only on (seed, i): the same seed and n give the same bytes.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from eval.synth_data import (
    CLOSINGS, PERIODS, PURPOSES, REGIONS, TOPICS, period_index,
)
from eval.synth_sources import Pool, SynthCorpusError, load_pool
from eval.synth_writer import REFORM_YEAR, Profile, Writer
from ingest.doctype import document_type

ROOT = Path(__file__).resolve().parent.parent
MIN_BYTES, MEAN_BYTES, MAX_BYTES = 3_000, 15_000, 40_000
_OWN_FILE = re.compile(r"synth-\d{5,}\.txt")


@dataclass(frozen=True)
class SynthReport:
    n_docs: int
    total_bytes: int  # of the .txt files (manifest.json not counted)
    total_chars: int
    paths: tuple[Path, ...]



def _profile(pool: Pool, rng: random.Random) -> Profile:
    # lognormal sizes; the -0.2 (measured) makes documents average MEAN_BYTES after clamping and the caps below
    target = int(min(MAX_BYTES, max(MIN_BYTES, rng.lognormvariate(math.log(MEAN_BYTES) - 0.2, 0.55))))
    caps = {s: int(0.7 * b) for s, b in pool.size.items()}
    scripts = sorted(s for s, cap in caps.items() if cap >= target) or [max(caps, key=caps.get)]
    script = rng.choices(scripts, weights=[pool.size[s] for s in scripts])[0]
    target = min(target, caps[script])
    form = rng.choices(("opinion", "plan", "guidance", "five_year"), weights=(4, 3, 2, 1))[0]
    national = form == "guidance" and rng.random() < 0.25
    region = None if national else rng.choice(REGIONS)
    municipal = bool(region) and region.scope != "市" and form in ("opinion", "plan") and rng.random() < 0.15
    level = "national" if national else "municipal" if municipal else "provincial"
    # a five-year plan is issued in the last or first year of a period
    year = rng.choice((2010, 2011, 2015, 2016, 2020, 2021, 2025)) if form == "five_year" else rng.randint(2008, 2025)
    return Profile(region=region, city=region.cities[0] if municipal else None, level=level, year=year, script=script,
                   form=form, target=target)


@dataclass(frozen=True)
class _Header:
    title: str
    issuer: str
    signature: str  # as signed at the end (a national body signs with its short name)
    doc_number: str | None
    addressee: str | None
    word: str  # what the text calls itself: 意见, 行动计划, 规划 …
    period: str | None  # five-year plans


def _header(p: Profile, scope: str, topic: str, rng: random.Random) -> _Header:
    y, reformed = p.year, p.year >= REFORM_YEAR
    place = p.city or (p.region.full if p.region else "")
    abbr = p.city[0] if p.city else p.region.abbr if p.region else ""
    gov, office = place + "人民政府", place + ("人民政府办公室" if p.city else "人民政府办公厅")
    bureau = place + ("市场监督管理局" if reformed else "质量技术监督局")
    doc_number, addressee, period, signature = None, None, None, None
    if p.form == "opinion":
        issuer = office if rng.random() < 0.3 else gov
        word = "通知" if issuer == office else "意见"
        title = f"{issuer}关于{topic}的{word if issuer == office else rng.choice(('意见', '实施意见'))}"
        if rng.random() < 0.8:
            doc_number = f"{abbr}{'政办发' if issuer == office else '政发'}〔{y}〕{rng.randint(1, 120)}号"
    elif p.form == "plan":
        word = rng.choice(("行动计划", "实施方案"))
        core = f"{topic}实施方案" if word == "实施方案" else (
            f"贯彻实施质量发展纲要{y}年行动计划" if rng.random() < 0.5 else f"{y}年{topic}行动计划")
        wrapped = rng.random() < 0.4  # issued as 关于印发…的通知
        issuer = office if wrapped else gov
        title = f"{office}关于印发{place}{core}的通知" if wrapped else place + core
        doc_number = f"{abbr}政办发〔{y}〕{rng.randint(1, 150)}号" if wrapped else None
    elif p.form == "guidance":
        word = "意见"
        if p.region is None:
            issuer, signature = ("国家市场监督管理总局", "市场监管总局") if reformed else ("国家质量监督检验检疫总局", "质检总局")
            doc_number = f"{'国市监质' if reformed else '国质检质'}〔{y}〕{rng.randint(1, 400)}号"
            addressee = "各省、自治区、直辖市" + ("市场监管局(厅、委):" if reformed else "质量技术监督局(市场监督管理部门):")
        else:
            issuer = bureau
            if rng.random() < 0.7:
                doc_number = f"{abbr}{'市监' if reformed else '质监'}发〔{y}〕{rng.randint(1, 200)}号"
            addressee = "各市(州)" + bureau[len(place):] + ",局机关各处室、直属各单位:"
        title = f"{signature or issuer}关于{topic}的指导意见"
    else:
        word, issuer = "规划", bureau
        start = 2001 + 5 * period_index(y + 1)
        period = f"{start}-{start + 4}"
        core = rng.choice(("市场监管", f"质量强{scope}建设", "质量发展") if reformed else ("质监质量工作", "质量发展", "质量技术监督事业发展"))
        title = f"{p.region.name}{core}“{PERIODS[period_index(y + 1)]}”规划"
    if addressee is None and (p.form == "opinion" or doc_number):
        addressee = "各县(市、区)人民政府,市政府各部门、各直属机构:" if p.city else {
            "省": rng.choice(("各市州、县市区人民政府,省政府各厅委、各直属机构:", "各设区市人民政府,省人民政府各工作部门、各直属机构:")),
            "区": "各市、县人民政府,自治区人民政府各组成部门、各直属机构:",
            "市": "各区、县人民政府,市政府各委、办、局:"}[p.region.scope]
    return _Header(title, issuer, signature or issuer, doc_number, addressee, word, period)


def _document(pool: Pool, seed: int, index: int) -> tuple[str, dict]:
    rng = random.Random(f"zhiqa-synth:{seed}:{index}")
    p = _profile(pool, rng)
    w = Writer(pool, p, rng)
    y, month, day = p.year, rng.randint(1, 12), rng.randint(1, 28)
    topic = rng.choice(TOPICS).format(scope=w.scope)
    h = _header(p, w.scope, topic, rng)
    purposes = rng.sample([x for x in PURPOSES if y > 2012 or "2012" not in x], rng.randint(1, 3))
    preamble = "为" + ",".join(x.format(scope=w.scope) for x in purposes) + (
        f",结合{'工作' if w.scope == '国' else '我' + w.scope}实际,现就{topic}提出如下意见:" if h.word in ("意见", "通知")
        else f",制定本{h.word}。")
    for line in (h.title, h.doc_number, h.addressee, preamble):
        if line:
            w.emit(w.s(line))
    closing = rng.choice(CLOSINGS).format(word=h.word, days=rng.choice((10, 15, 20, 30)), month=rng.choice((6, 11, 12)),
                                           lead=w.prefix + w.lead_dept)
    footer = [w.s(closing), w.s(h.signature), f"{y}年{month}月{day}日"]
    w.body(MAX_BYTES - sum(len(f.encode()) + 5 for f in footer))
    for line in footer:
        w.emit(line)
    if w.indent:
        text = "\n\n".join("\u3000\u3000" + ln if i > 2 else ln for i, ln in enumerate(w.lines)) + "\n"
    else:
        text = "\n".join(w.lines) + "\n"
    entry = {"title": h.title, "title_source": "generated", "issuer": h.issuer, "date": f"{y:04d}-{month:02d}-{day:02d}",
             "doc_number": h.doc_number, "level": p.level, "region": p.region.name if p.region else None,
             "script": p.script, "year": y, "doc_type": document_type(h.title, h.issuer, [])}
    if p.city:
        entry["city"] = p.city
    if h.period:
        entry["period"] = h.period
    entry["sources"] = sorted(w.sources)
    return text, entry


def generate(out_dir: Path, n_docs: int, seed: int = 0, source_dir: Path = ROOT / "corpus") -> SynthReport:
    """Write ``n_docs`` synthetic documents and their manifest.json into ``out_dir``."""
    if n_docs < 1:
        raise ValueError(f"n_docs must be at least 1, got {n_docs}")
    out_dir, source_dir = Path(out_dir), Path(source_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    foreign = sorted(p.name for p in out_dir.iterdir() if not _OWN_FILE.fullmatch(p.name) and p.name != "manifest.json")
    if foreign:
        raise SynthCorpusError(f"{out_dir} holds files the generator did not write ({', '.join(foreign[:3])}); "
                               "choose an empty or new folder.")
    pool = load_pool(source_dir)
    names = [f"synth-{i:05d}.txt" for i in range(n_docs)]
    for stale in {p.name for p in out_dir.glob("synth-*.txt")} - set(names):
        (out_dir / stale).unlink()
    entries, paths, total_bytes, total_chars = [], [], 0, 0
    for i, name in enumerate(names):
        text, entry = _document(pool, seed, i)
        data = text.encode("utf-8")
        (out_dir / name).write_bytes(data)
        entries.append({"file": name, **entry})
        paths.append(out_dir / name)
        total_bytes += len(data)
        total_chars += len(text)
    manifest = {
        "note": "Synthetic documents for the scale benchmark, recombined from corpus/ by eval.synth_corpus; "
                "not real policy. 'sources' lists the real documents each one draws on.",
        "generator": {"module": "eval.synth_corpus", "seed": seed, "n_docs": n_docs},
        "documents": entries,
    }
    (out_dir / "manifest.json").write_bytes((json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return SynthReport(n_docs, total_bytes, total_chars, tuple(paths))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.synth_corpus", description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--source", type=Path, default=ROOT / "corpus", help="folder of real documents with manifest.json")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    try:
        report = generate(args.out_dir, args.docs, args.seed, args.source)
    except (SynthCorpusError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {report.n_docs} documents ({report.total_bytes / 1e6:.1f} MB, {report.total_chars} characters) "
          f"and manifest.json to {args.out_dir} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
