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
from functools import lru_cache
from pathlib import Path

from eval.synth_data import (
    CLOSINGS, DEPTS_NEW, DEPTS_OLD, PERIODS, PURPOSES, REFORMED, REGIONS, TOPICS, Region, period_index, to_traditional,
)
from eval.synth_sources import Pool, SynthCorpusError, Unit, load_pool

ROOT = Path(__file__).resolve().parent.parent
MIN_BYTES, MEAN_BYTES, MAX_BYTES = 3_000, 15_000, 40_000
REFORM_YEAR = 2019  # 质监, 工商 and 食药监 had merged into 市场监管 in every province by then
_OWN_FILE = re.compile(r"synth-\d{5,}\.txt")


@dataclass(frozen=True)
class SynthReport:
    n_docs: int
    total_bytes: int  # of the .txt files (manifest.json not counted)
    total_chars: int
    paths: tuple[Path, ...]



def _variants(text: str) -> set[str]:
    trad = to_traditional(text)
    return {text, trad, trad.replace("陝", "陜")}  # 陜: the variant the Shaanxi source uses


def _alternation(words) -> str:
    return "|".join(sorted({re.escape(w) for w in words}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=16)
def _swap_pattern(regions: tuple[Region, ...]) -> re.Pattern[str]:
    names = {v for r in regions for v in _variants(r.name)}
    suffixes = {v for r in regions for v in _variants(r.full[len(r.name) :])} | {"省"}
    cities = {v for r in regions for c in r.cities for v in _variants(c.removesuffix("市"))}
    abbrs = {v for r in regions for v in _variants(r.abbr)}
    reform = {v for k in REFORMED for v in _variants(k)}
    return re.compile(
        rf"(?P<region>{_alternation(names)})(?P<suffix>{_alternation(suffixes)})?"
        rf"|(?P<city>{_alternation(cities)})(?P<cityshi>市)?"
        r"|(?P<chair>自治[区區]主席)|(?P<auto>自治[区區])|(?<=[全我本])(?P<scope>[省区區])(?![域内內])"
        rf"|(?<=[兴强興強])(?P<abbr>{_alternation(abbrs)})"
        r"|[“\"](?P<period>十[一二三四五]?五)[”\"]"
        r"|(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)"
        rf"|(?P<reform>{_alternation(reform)})"
        r"|(?<![\d.])(?P<dec>\d+\.\d+)(?P<decpct>%)?(?![\d.])"
        r"|(?<![\d.])(?P<pct>\d{1,3})%"
        r"|(?<![\d.〔年月第—\-])(?P<count>\d{1,4})(?=[个家项件类天日次名所批条人亩個項件類])"
    )


@dataclass(frozen=True)
class _Profile:
    region: Region | None  # None: a national document
    city: str | None  # municipal documents
    level: str
    year: int
    script: str
    form: str  # opinion | plan | guidance | five_year
    target: int  # bytes


class _Writer:
    """One document: header, recombined sections, closing; every random choice from its own rng."""

    def __init__(self, pool: Pool, profile: _Profile, rng: random.Random) -> None:
        self.pool, self.p, self.rng = pool, profile, rng
        self.trad = profile.script == "traditional"
        self.region = profile.region or rng.choice(REGIONS)  # national texts still name a region in examples
        self.scope = "国" if profile.level == "national" else "市" if profile.level == "municipal" else self.region.scope
        self.prefix = {"区": "自治区", "市": "市"}.get(self.scope, "省")
        self.depts = DEPTS_NEW if profile.year >= REFORM_YEAR else DEPTS_OLD
        self.lead_dept = self.depts[0]
        self.note_rate = {"plan": 0.85, "opinion": 0.2}.get(profile.form, 0.0)
        self.pattern = _swap_pattern(tuple(pool.regions))
        self.lines: list[str] = []
        self.indent = rng.random() < 0.3  # the indented, blank-line-separated layout of scraped pages
        self.size = 0
        self.sources: set[str] = set()
        self.used: set[Unit] = set()
        self.counters = {"l1": 0, "l2": 0, "cont": 0, "chapter": 0}

    def s(self, text: str) -> str:
        """Scaffold text (titles, templates, generated notes) in the document's script."""
        return to_traditional(text) if self.trad else text

    def emit(self, line: str) -> None:
        self.lines.append(line)
        self.size += len(line.encode("utf-8")) + (5 if self.indent else 1)

    # -- perturbation -------------------------------------------------------------------------
    def perturb(self, text: str, trad: bool, source_year: int | None) -> str:
        rng, cities_seen = self.rng, {}
        conv = to_traditional if trad else (lambda x: x)
        shift = self.p.year - source_year if source_year else 0
        to_simp = _reform_lookup()

        def scale(value: float, lo: float, hi: float) -> float:
            return value * rng.uniform(lo, hi)

        def sub(m: re.Match[str]) -> str:
            g = m.lastgroup
            if g in ("region", "suffix"):
                return conv(self.region.full if m.group("suffix") else self.region.name)
            if g in ("city", "cityshi"):
                city = cities_seen.setdefault(m.group("city"), self.region.cities[len(cities_seen) % len(self.region.cities)])
                return conv(city if m.group("cityshi") or not city.endswith("市") else city[:-1])
            if g == "chair":
                return conv({"省": "省长", "区": "自治区主席", "市": "市长"}.get(self.scope, "省长"))
            if g == "auto":
                return conv({"区": "自治区", "市": "市"}.get(self.scope, "省"))
            if g == "scope":
                return conv(self.scope)
            if g == "abbr":
                return conv(self.region.abbr)
            if g == "period":
                if m.group("period") not in PERIODS or not source_year:
                    return m.group(0)
                new = PERIODS.index(m.group("period")) + period_index(self.p.year + 1) - period_index(source_year + 1)
                new = min(max(new, 0), len(PERIODS) - 1)
                return m.group(0).replace(m.group("period"), PERIODS[new])
            if g == "year":
                y = int(m.group("year"))
                return str(y + shift) if 1990 <= y <= 2030 else m.group(0)
            if g == "reform":
                if self.p.year < REFORM_YEAR:
                    return m.group(0)
                return conv(REFORMED[to_simp.get(m.group(0), m.group(0))])
            if g in ("dec", "decpct"):
                digits = len(m.group("dec").split(".")[1])
                v = scale(float(m.group("dec")), 0.9, 1.1)
                v = min(v, 99.9) if m.group("decpct") else v
                return f"{v:.{digits}f}" + (m.group("decpct") or "")
            if g == "pct":
                v = int(m.group("pct"))
                if v == 100 and rng.random() < 0.7:
                    return m.group(0)
                return f"{min(99, max(1, round(scale(v, 0.9, 1.1))))}%"
            if g == "count":
                return str(max(1, round(scale(int(m.group("count")), 0.7, 1.3)))) if rng.random() < 0.8 else m.group(0)
            return m.group(0)

        return self.pattern.sub(sub, text)

    def note(self, unit: Unit, trad: bool) -> str:
        rng = self.rng
        if unit.note is None and (unit.kind != "item" or rng.random() >= self.note_rate):
            return ""
        units: list[str] = []
        if unit.note:
            for u in re.split(r"[、,，]", re.sub(r"牵头|牽頭|配合|按职责分工负责|按職責分工負責", "、", unit.note)):
                if u:
                    u = self.prefix + u[1:] if u.startswith("省") else u
                    units.append(self.perturb(self._municipal(u), trad, None))
        extra = rng.sample(self.depts, rng.randint(0, 2) if units else rng.randint(2, 5))
        if rng.random() < 0.5:
            extra.insert(0, self.lead_dept)
        rng.shuffle(units)
        conv = to_traditional if trad else (lambda x: x)
        names = list(dict.fromkeys(units + [conv(self._municipal(self.prefix + d)) for d in extra]))
        if not units and extra[:1] == [self.lead_dept]:
            names.insert(0, names.pop(names.index(conv(self._municipal(self.prefix + self.lead_dept)))))
        if len(names) >= 3 and rng.random() < 0.15:
            return f"({'、'.join(names)}{conv('按职责分工负责')})"
        k = rng.randint(1, min(3, len(names) - 1)) if len(names) > 1 else 1
        text = "、".join(names[:k]) + conv("牵头")
        return f"({text},{'、'.join(names[k:])}{conv('配合')})" if names[k:] else f"({text})"

    def _municipal(self, name: str) -> str:
        return name.replace("厅", "局").replace("廳", "局") if self.scope == "市" else name

    def render(self, unit: Unit, script: str) -> tuple[str, str]:
        """(kind, text without numbering) for one unit, varied and perturbed."""
        rng = self.rng
        sents = [s for s in unit.sentences if rng.random() > 0.18] or list(unit.sentences[:1])
        donors = self.pool.sentences.get(script, ())
        if donors and rng.random() < (0.45 if len(unit.sentences) > 2 else 0.8):  # short ones would recur verbatim
            sents.insert(rng.randint(0, len(sents)), rng.choice(donors))
        if len(sents) > 2 and rng.random() < 0.3:
            i = rng.randrange(len(sents) - 1)
            sents[i], sents[i + 1] = sents[i + 1], sents[i]
        trad = script == "traditional"
        text = self.perturb(unit.title + "".join(sents), trad, self.pool.years.get(unit.source))
        text += self.note(unit, trad)
        self.sources.add(unit.source)
        return unit.kind, ("——" + text if unit.kind == "dash" else text)

    # -- layout ---------------------------------------------------------------------------------
    def section(self, heading: str | None, items: list[tuple[str, str]]) -> None:
        c, form, rng = self.counters, self.p.form, self.rng
        if form == "five_year" and (heading or not c["chapter"]):
            if not c["chapter"] or rng.random() < 0.35:
                c["chapter"] += 1
                c["l1"] = 0
                self.emit(f"第{_cn(c['chapter'])}章 {heading or self.s(rng.choice(('主要任务', '重点工作', '工作措施')))}")
                heading = None
            elif heading:
                c["l1"] += 1
                self.emit(f"{_cn(c['l1'])}、{heading}")
            c["l2"] = 0
        elif heading:
            c["l1"] += 1
            c["l2"] = 0
            self.emit(f"{_cn(c['l1'])}、{heading}")
        for kind, text in items:
            if kind != "item":
                self.emit(text)
            elif form == "five_year" or heading:
                if form == "guidance":
                    c["cont"] += 1
                    self.emit(f"{c['cont']}.{rng.choice(('', ' '))}{text}")
                else:
                    c["l2"] += 1
                    c["cont"] += 1
                    self.emit(f"({_cn(c['cont'] if form == 'plan' else c['l2'])}){text}")
            else:
                c["l1"] += 1
                self.emit(f"{_cn(c['l1'])}、{text}")

    def body(self, budget: int) -> None:
        """Sections until the document reaches its target size (never past ``budget`` bytes)."""
        rng, script = self.rng, self.p.script
        groups = list(self.pool.groups[script])
        rng.shuffle(groups)
        for group in groups:
            if self.size >= self.p.target:
                break
            units = list(group.units)
            if len(units) > 8:
                units = sorted(rng.sample(units, rng.randint(3, 8)), key=group.units.index)
            else:
                units = [u for u in units if rng.random() < 0.8] or [rng.choice(units)]
            if rng.random() < 0.25:
                donor = rng.choice(rng.choice(groups).units)
                units.insert(rng.randint(0, len(units)), donor)
            items: list[tuple[str, str]] = []
            size = self.size + (len(group.heading.encode()) + 20 if group.heading else 0)
            for unit in units:
                if unit in self.used:  # a donor already placed elsewhere in this document
                    continue
                self.used.add(unit)
                kind, text = self.render(unit, script)
                cost = len(text.encode("utf-8")) + 20  # numbering and line break
                if size + cost > budget:
                    continue
                items.append((kind, text))
                size += cost
                if size >= self.p.target:
                    break
            if items:
                heading = group.heading and self.perturb(group.heading, script == "traditional", self.pool.years.get(group.source))
                self.section(heading, items)


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    return (digits[n // 10] if n >= 20 else "") + "十" + (digits[n % 10] if n % 10 else "")


@lru_cache(maxsize=1)
def _reform_lookup() -> dict[str, str]:
    """Any written form of a pre-reform name -> its simplified key in REFORMED."""
    return {v: k for k in REFORMED for v in _variants(k)}


def _profile(pool: Pool, rng: random.Random) -> _Profile:
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
    return _Profile(region, region.cities[0] if municipal else None, level, year, script, form, target)


@dataclass(frozen=True)
class _Header:
    title: str
    issuer: str
    signature: str  # as signed at the end (a national body signs with its short name)
    doc_number: str | None
    addressee: str | None
    word: str  # what the text calls itself: 意见, 行动计划, 规划 …
    period: str | None  # five-year plans


def _header(p: _Profile, scope: str, topic: str, rng: random.Random) -> _Header:
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
    w = _Writer(pool, p, rng)
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
             "script": p.script, "year": y}
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
