"""The source material of the synthetic corpus (eval.synth_corpus): the real documents'
sections, numbered units, task notes and sentences, by script."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from eval.synth_data import BY_NAME, Region
from ingest.clean import segment
from ingest.loaders import load
from ingest.normalize import detect_script
from ingest.patterns import HEADING_START

class SynthCorpusError(Exception):
    """The source folder or the output folder cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Unit:
    kind: str  # item (numbered, title ends at 。) | dash (——title。) | para
    title: str
    sentences: tuple[str, ...]
    note: str | None  # the (…牵头,…配合) task note, without parentheses
    source: str  # file name of the source document


@dataclass(frozen=True)
class Group:
    heading: str | None
    units: tuple[Unit, ...]
    source: str


@dataclass
class Pool:
    groups: dict[str, list[Group]] = field(default_factory=dict)  # by script
    sentences: dict[str, list[str]] = field(default_factory=dict)
    size: dict[str, int] = field(default_factory=dict)  # UTF-8 bytes of the units
    years: dict[str, int | None] = field(default_factory=dict)  # source file -> year of writing
    regions: list[Region] = field(default_factory=list)


_NOTE = re.compile(r"[(（]([^()（）]{2,300}?(?:牵头|牽頭|配合|负责|負責))[)）]$")
_SENTENCE = re.compile(r"[^。！？；]*[。！？；]|[^。！？；]+$")
_GLUED = re.compile(r"^(.+[。！？])((?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+章)[^。！？；]{2,40})$")
_OWN_DOC = re.compile(r"本(意见|意見|行动计划|行動計畫|行動計劃|规划|規劃|方案)")


def _split_title(rest: str) -> tuple[str, str]:
    stop = min((i for i in (rest.find(c) for c in "。！？") if i >= 0), default=-1)
    return (rest[: stop + 1], rest[stop + 1 :]) if 0 <= stop <= 40 else ("", rest)


def _parse(lines: list[str], source: str) -> list[Group]:
    """Groups of units under the lowest headings; title block, preamble and signature dropped."""
    split: list[str] = []
    for line in lines:
        m = _GLUED.match(line)
        split.extend(m.groups() if m else (line,))
    numbered = [i for i, ln in enumerate(split) if HEADING_START.match(ln)]
    if not numbered:
        return []
    tail = len(split)
    while tail > numbered[-1] + 1 and "。" not in split[tail - 1] and len(split[tail - 1]) <= 40:
        tail -= 1  # signature and date
    groups: list[Group] = []
    heading, units = None, []
    for line in split[numbered[0] : tail]:
        m = HEADING_START.match(line)
        rest = line[m.end() :].lstrip(" \u3000") if m else line
        if m and not re.search("[。！？]", rest) and len(rest) <= 40:
            if units:
                groups.append(Group(heading, tuple(units), source))
            heading, units = rest, []
            continue
        if _OWN_DOC.search(line):
            continue
        kind = "item" if m else ("dash" if line.startswith("——") else "para")
        rest = rest[2:] if kind == "dash" else rest
        note = _NOTE.search(rest)
        if note:
            rest = rest[: note.start()]
        title, body = _split_title(rest) if kind != "para" else ("", rest)
        if kind == "item" and not title:
            kind = "para"
        units.append(Unit(kind=kind, title=title, sentences=tuple(_SENTENCE.findall(body)),
                          note=note.group(1) if note else None, source=source))
    if units:
        groups.append(Group(heading, tuple(units), source))
    return groups


def load_pool(source_dir: Path) -> Pool:
    manifest = source_dir / "manifest.json"
    if not manifest.is_file():
        raise SynthCorpusError(f"{manifest} is missing: the generator reads each source's region, year and script from it. "
                               "Point source_dir at a folder laid out like corpus/.")
    pool = Pool()
    for entry in sorted(json.loads(manifest.read_text(encoding="utf-8"))["documents"], key=lambda e: e["file"]):
        path = source_dir / entry["file"]
        if not path.is_file():
            raise SynthCorpusError(f"{manifest} lists {entry['file']}, which is not in {source_dir}; fix the manifest.")
        loaded = load(path)
        lines = [loaded.text[s.start : s.end] for s in segment(loaded) if s.kind == "body"]
        script = entry.get("script") or detect_script(loaded.text)
        groups = _parse(lines, path.name)
        pool.groups.setdefault(script, []).extend(groups)
        units = [u for g in groups for u in g.units]
        pool.sentences.setdefault(script, []).extend(s for u in units for s in u.sentences if len(s) >= 12)
        pool.size[script] = pool.size.get(script, 0) + sum(len((u.title + "".join(u.sentences)).encode()) for u in units)
        date, period = entry.get("date"), entry.get("period")
        pool.years[path.name] = int(date[:4]) if date else entry.get("year") or (int(period[:4]) if period else None)
        if entry.get("region") in BY_NAME:
            pool.regions.append(BY_NAME[entry["region"]])
    if not pool.groups:
        raise SynthCorpusError(f"no numbered sections found in the documents of {source_dir}")
    return pool
