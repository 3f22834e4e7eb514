"""Writing one synthetic document (eval.synth_corpus): a profile (region, year, level, form,
size) and the writer that renders source units with names, years, numbers and 牵头/配合 units
perturbed, in the unit's own script."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache

from eval.synth_data import (
    DEPTS_NEW, DEPTS_OLD, PERIODS, REFORMED, REGIONS, Region, period_index, to_traditional,
)
from eval.synth_sources import Pool, Unit

REFORM_YEAR = 2019  # 质监, 工商 and 食药监 had merged into 市场监管 in every province by then


def variants(text: str) -> set[str]:
    trad = to_traditional(text)
    return {text, trad, trad.replace("陝", "陜")}  # 陜: the variant the Shaanxi source uses


def _alternation(words) -> str:
    return "|".join(sorted({re.escape(w) for w in words}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=16)
def _swap_pattern(regions: tuple[Region, ...]) -> re.Pattern[str]:
    names = {v for r in regions for v in variants(r.name)}
    suffixes = {v for r in regions for v in variants(r.full[len(r.name) :])} | {"省"}
    cities = {v for r in regions for c in r.cities for v in variants(c.removesuffix("市"))}
    abbrs = {v for r in regions for v in variants(r.abbr)}
    reform = {v for k in REFORMED for v in variants(k)}
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
class Profile:
    region: Region | None  # None: a national document
    city: str | None  # municipal documents
    level: str
    year: int
    script: str
    form: str  # opinion | plan | guidance | five_year
    target: int  # bytes


class Writer:
    """One document: header, recombined sections, closing; every random choice from its own rng."""

    def __init__(self, pool: Pool, profile: Profile, rng: random.Random) -> None:
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
                self.emit(f"第{chinese_number(c['chapter'])}章 {heading or self.s(rng.choice(('主要任务', '重点工作', '工作措施')))}")
                heading = None
            elif heading:
                c["l1"] += 1
                self.emit(f"{chinese_number(c['l1'])}、{heading}")
            c["l2"] = 0
        elif heading:
            c["l1"] += 1
            c["l2"] = 0
            self.emit(f"{chinese_number(c['l1'])}、{heading}")
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
                    self.emit(f"({chinese_number(c['cont'] if form == 'plan' else c['l2'])}){text}")
            else:
                c["l1"] += 1
                self.emit(f"{chinese_number(c['l1'])}、{text}")

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


def chinese_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    return (digits[n // 10] if n >= 20 else "") + "十" + (digits[n % 10] if n % 10 else "")


@lru_cache(maxsize=1)
def _reform_lookup() -> dict[str, str]:
    """Any written form of a pre-reform name -> its simplified key in REFORMED."""
    return {v: k for k in REFORMED for v in variants(k)}
