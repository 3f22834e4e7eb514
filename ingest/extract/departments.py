"""Department names: one canonical simplified form per body, and unit lists split into names.

Covers the short names of policy task notes (省質監局 = 省质监局 → 省质量技术监督局,
省发展改革委 = 省发改委 → 省发展和改革委员会, 省工商局 → 省工商行政管理局), province,
autonomous-region and city prefixes on the same names (甘肃省质监局, 自治区质监局, 市质监局),
出入境检验检疫局 branches (甘肅出入境檢驗檢疫局 = 甘肃检验检疫局), and the national agencies of
``ingest.gazetteer.AGENCY_FULL_NAMES`` (质检总局 → 国家质量监督检验检疫总局). The table is
``ingest/data/departments.txt``.

Known limits: names are those of the corpus years; a body renamed later (省质监局 → 省市场监管局
in 2018) is a different canonical name, not merged. A name not in the table is returned
cleaned (simplified, without 等 or spaces) but otherwise as written, e.g. 县级以上人民政府
市场监督管理部门. A level word alone (市, 县) keeps the canonical name's level.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ingest.extract.spans import normalized, trim
from ingest.gazetteer import AGENCY_FULL_NAMES, PROVINCES
from ingest.normalize import fold_width, to_simplified

# what an organisation's name ends with (a unit list item that does not is not a unit)
ORG_SUFFIX = re.compile(
    r"(?:人民政府|政府|办公厅|办公室|委员会|领导小组|成员单位|总局|局|厅|委|部|部门|机关|机构|办|会|院|所|中心|站|联|单位)$"
)
_LEVELS = ("自治区", "自治州", "市州", "省", "市", "州", "县", "区")
_LEADING = re.compile(r"^(?:由|和|及|与|以及|并)+")
_TRAILING = re.compile(r"(?:等部门|等单位|等)+$")
_BRANCH = re.compile(r"(?P<region>.*?)省?(?:出入境)?检验检疫局")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Every variant (and every canonical name) → canonical name, in simplified script."""
    table = {short: full for short, full in AGENCY_FULL_NAMES.items()}
    table.update({full: full for full in AGENCY_FULL_NAMES.values()})
    text = resources.files("ingest").joinpath("data", "departments.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, variants = line.partition("\t")
        for name in (canonical, *variants.split(",")):
            name = name.strip()
            if name:
                if table.get(name, canonical) != canonical:
                    raise ValueError(f"departments.txt: {name} maps to both {table[name]} and {canonical}")
                table[name] = canonical
    return table


@lru_cache(maxsize=1)
def _region_prefixes() -> tuple[tuple[str, str], ...]:
    """(prefix as written, prefix in canonical names): 甘肃省 and 甘肃 → 甘肃省, longest first."""
    pairs = []
    for short, full, _abbr in PROVINCES:
        pairs += [(full, full), (short, full)]
    pairs += [(level, level) for level in _LEVELS]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _clean(name: str) -> str:
    name = _SPACE.sub("", to_simplified(fold_width(name)))
    name = name.strip("()[]“”\"'《》,;:、。")
    name = _LEADING.sub("", name)
    return _TRAILING.sub("", name)


@lru_cache(maxsize=4096)
def normalize_department(name: str) -> str:
    """Canonical simplified name of a department or unit as written in any script."""
    cleaned = _clean(name)
    table = _table()
    if cleaned in table:
        return table[cleaned]
    branch = _BRANCH.fullmatch(cleaned)
    if branch:
        region = branch.group("region")
        short = next((s for s, full, _ in PROVINCES if region in (s, full)), region)
        return f"{short}出入境检验检疫局"
    for written, canonical_prefix in _region_prefixes():
        if cleaned.startswith(written) and len(cleaned) > len(written):
            rest = cleaned[len(written) :]
            found = table.get("省" + rest) or table.get(rest)
            if found and found.startswith("省"):
                return canonical_prefix + found[1:]
    return cleaned


# --- unit lists -------------------------------------------------------------------------

_SEPARATORS = ",;、/"
_CONJUNCTION = re.compile(r"以及|和|及|与")


def unit_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of unit names in a normalised unit list text[start:end] (no role words).

    Splits at 、 , ; and at 和/及/与 only where both sides are whole names
    (省发展和改革委员会 stays one name, 质监部门和工商部门 becomes two)."""
    spans: list[tuple[int, int]] = []
    s = start
    for i in range(start, end + 1):
        if i == end or text[i] in _SEPARATORS:
            a, b = trim(text, s, i)
            if b > a:
                spans.extend(_split_conjunctions(text, a, b))
            s = i + 1
    return spans


def _split_conjunctions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    for m in _CONJUNCTION.finditer(text, start, end):
        left, right = text[start : m.start()], text[m.end() : end]
        if ORG_SUFFIX.search(_TRAILING.sub("", left)) and ORG_SUFFIX.search(_TRAILING.sub("", right)):
            return [(start, m.start())] + _split_conjunctions(text, m.end(), end)
    return [(start, end)]


_ROLE_TAIL = re.compile(r"(?:按职责分工负责|按职责分工|分工负责|牵头负责|牵头|配合|协办|协助|参与|负责|主管)$")


def split_units(span: str) -> list[str]:
    """Unit names as written (original script) in a unit list such as
    '省發展改革委、省工信委、省衛生計生委…按職責分工負責'; a closing role phrase is dropped."""
    view = normalized(span)
    text = view.text
    a, b = trim(text, 0, len(text), " \t\r\n\u3000()[],;:、。")
    role = _ROLE_TAIL.search(text, a, b)
    if role:
        b = role.start()
    names = []
    for s, e in unit_spans(text, a, b):
        os_, oe = view.span(s, e)
        names.append(span[os_:oe])
    return names


def is_unit_name(name: str) -> bool:
    """Whether a list item reads as an organisation (a known name or an organisation suffix)."""
    cleaned = _clean(name)
    return bool(cleaned) and (cleaned in _table() or ORG_SUFFIX.search(cleaned) is not None)


@lru_cache(maxsize=1)
def _mention_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup = dict(_table())
    for variant, canonical in _table().items():
        core = variant[1:]
        # 质监局 alone names the provincial body in a question about a provincial plan
        if variant.startswith("省") and len(core) >= 3 and core[-1] in "局厅委办" and not core.startswith("委"):
            lookup.setdefault(core, canonical)
    alternatives = sorted(lookup, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alternatives))), lookup


def mentioned_departments(text: str) -> tuple[str, ...]:
    """Canonical names of the known departments a free text (e.g. a question) mentions, in order."""
    pattern, lookup = _mention_pattern()
    simplified = _SPACE.sub("", to_simplified(fold_width(text)))
    return tuple(dict.fromkeys(lookup[m.group(0)] for m in pattern.finditer(simplified)))
