"""Who an obligation or a time limit binds: actor types (生产者, 销售者, 第三方检验检测认证机构,
用户单位, 行业协会, 地方政府, 监管部门…) found by their variants in ``ingest/data/actor_types.txt``.

Known limits: only listed variants are found (高等院校, 任何单位和个人 are not actors here);
a bare 部门 is a 监管部门 even when the text means another kind of department.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_JOINERS = re.compile(r"(?:、|和|及|与|或者|或|以及)")


@dataclass(frozen=True)
class ActorGroup:
    """Actors named together (生产者、销售者), in normalised-text offsets."""

    types: tuple[str, ...]  # canonical actor type of each name, in order
    names: tuple[tuple[int, int], ...]  # normalised span of each name
    start: int
    end: int


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    text = resources.files("ingest").joinpath("data", "actor_types.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            canonical, _, variants = line.partition("\t")
            for v in (canonical, *variants.split(",")):
                if v.strip():
                    table[v.strip()] = canonical
    return re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True))), table


def actor_type(name: str) -> str | None:
    """Canonical actor type of a name in simplified script, or None."""
    return _lexicon()[1].get(name.strip())


def actor_groups(text: str, start: int, end: int) -> list[ActorGroup]:
    """Groups of actor names in normalised text[start:end]; adjacent names are one name whose
    head is the last (县级以上人民政府市场监督管理部门 → 监管部门)."""
    pattern, table = _lexicon()
    names: list[tuple[str, int, int]] = []
    for m in pattern.finditer(text, start, end):
        if names and names[-1][2] == m.start():
            names[-1] = (table[m.group(0)], names[-1][1], m.end())
        else:
            names.append((table[m.group(0)], m.start(), m.end()))
    groups: list[list[tuple[str, int, int]]] = []
    for name in names:
        if groups and _JOINERS.fullmatch(text, groups[-1][-1][2], name[1]):
            groups[-1].append(name)
        else:
            groups.append([name])
    return [
        ActorGroup(tuple(t for t, _, _ in g), tuple((s, e) for _, s, e in g), g[0][1], g[-1][2]) for g in groups
    ]


# what may stand before the subject in its clause: an enumeration closed by 等, or a verb that
# makes the named actors do what follows (督促企业…, 要…)
_JOINED = re.compile(r"[^,;:。]{1,30}等|[^,;:。]{1,15}的")  # 质监、工商等相关部门, 受理检举的部门
_CAUSATIVE = re.compile(r"督促|推动|引导|要求|责令|指导|促使")


def subject_group(text: str, clause_spans: list[tuple[int, int]], before: int) -> ActorGroup | None:
    """The actors that open the last clause before ``before`` opening with actors: the subject
    (生产者、销售者对…有异议的, → 生产者、销售者), also after an enumeration or a relative
    clause, which join its first name (质监、工商等相关部门, 受理检举的部门), or after
    督促/推动/引导 (督促各类第三方机构…)."""
    found = None
    for a, b in clause_spans:
        if a >= before:
            break
        groups = actor_groups(text, a, min(b, before))
        if not groups:
            continue
        g = groups[0]
        if g.start == a:
            found = g
        elif _JOINED.fullmatch(text, a, g.start):
            found = ActorGroup(g.types, ((a, g.names[0][1]),) + g.names[1:], a, g.end)
        elif _CAUSATIVE.fullmatch(text, a, g.start):
            found = g
    return found
