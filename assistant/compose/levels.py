"""A claim that puts a body at another level of government than the provision does (向所在地县级
人民政府药品监督管理部门备案 where the article says 省、自治区、直辖市人民政府; 报省人民政府批准 where
it says 报本级人民政府, the claim's body being 县级; 向县(市、区)…部门办理登记 where it says 设区的市):
the sentence saying the level and its words. Levels are ranked (国务院 0 … 乡镇 4); 县级以上 takes
in every level down to the county, so a claim of 县级 or 省级 is no rival to it; 本级 is the level
of the body the claim names before it."""
from __future__ import annotations

import re
from typing import NamedTuple

from assistant.compose.claims import CLAIM_DEPTH
from assistant.compose.evidence import Candidate, Evidence
from assistant.compose.verdicts import POLARITY_SUPPORT, bigrams

# how a text names a level of government, longest first; 市 and 省 alone only where no word they
# begin goes on (市场, 省略), 区 (a city's district, of a county's rank) not ending 地区 or 社区, 国家 only before a body (国家标准 is no level)
_LEVEL = re.compile(
    r"(?P<level>国务院|中央|省、自治区、直辖市|省级|省(?![略去份])|自治区|直辖市|设区的?市级?|地级市|市级|市(?![场民值容])"
    r"|县级|县\(市、区\)|县\(区\)|县、区|区县|县(?!城)|区级|(?<![地社园小城校景郊])区|乡镇|乡级|本级)(?P<above>以上)?"
)
_RANK = {"国务院": 0, "中央": 0, "省、自治区、直辖市": 1, "省级": 1, "省": 1, "自治区": 1, "直辖市": 1,
         "设区的市": 2, "设区的市级": 2, "设区市": 2, "设区市级": 2, "地级市": 2, "市级": 2, "市": 2,
         "县级": 3, "县(市、区)": 3, "县(区)": 3, "县、区": 3, "区县": 3, "县": 3, "区级": 3, "区": 3, "乡镇": 4, "乡级": 4}
# what a level names: a government, a department, an organ (the words after it until one of these)
_BODY = re.compile(r"人民政府|政府|[\u4e00-\u9fff]{0,14}?(?:部门|机关|机构|局|委员会)")
_DEPARTMENT = re.compile(r"(?:人民政府)?[\u4e00-\u9fff]{0,14}?(?:部门|机关|机构|局|委员会)")  # the whole body, quoted
_TO = "由向报经"
_JOINER = re.compile(r"、|或者|或|和|及|以及")
_SAME_AFTER = 4  # characters after the level the sentence's mention must share with the claim's


class Level(NamedTuple):
    start: int
    end: int
    rank: int | None  # None: 本级, the level of the body named before
    above: bool  # 县级以上: this level and every one above it
    after: str  # the words after it, less 地方, and 人民政府 before a department (县级药品监督管理部门 = 县级人民政府药品…)
    before: str  # the words before it, back to the clause's start
    ranks: frozenset[int] = frozenset()  # the ranks of every level joined before the body (市级、县级)


def levels_in(text: str) -> list[Level]:
    """The levels of government a normalised text names before a body (人民政府, …部门); levels
    joined before one body (市级、县级市场监督管理部门; 国务院或者省…部门) are one mention of them all."""
    found: list[Level] = []
    joined: list[re.Match[str]] = []  # levels joined to the next (市级、)
    for m in _LEVEL.finditer(text):
        after = text[m.end():m.end() + 24]
        if _JOINER.match(after) and _LEVEL.match(text, _JOINER.match(after).end() + m.end()):
            joined.append(m)
            continue
        run, joined = [*joined, m], []
        if not _BODY.match(after.removeprefix("地方").removeprefix("人民")):
            continue
        # only levels joined without a gap (市级、县级): a list of bodies is not one body
        while len(run) > 1 and not _JOINER.fullmatch(text[run[-2].end():run[-1].start()]):
            run.pop(0)
        start = run[0].start()
        # the department named after the government (县级人民政府药品监督管理部门 = 县级药品…), or
        # the government itself (考核对象为各省人民政府, 各设区市政府)
        gov = re.match(r"(?:地方)?(?:人民)?政府", after)
        rest = after[gov.end():] if gov else after.removeprefix("地方")
        plain = "人民政府" + rest if gov and not _DEPARTMENT.match(rest) else rest
        before = re.split(r"[，,；;。:：]", text[max(0, start - 16):start])[-1]
        ranks = frozenset(r for j in run if (r := _RANK.get(j.group("level"))) is not None)
        found.append(Level(start, m.end(), _RANK.get(m.group("level")), bool(m.group("above")), plain, before,
                           ranks))
    return found


def _shared(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` begin with alike."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _alike(theirs: Level, mine: Level) -> tuple[int, int]:
    """How alike two mentions' words are: after them (the body), then before them (报告所在地)."""
    return _shared(theirs.after, mine.after), _shared(theirs.before[::-1], mine.before[::-1])


def _rank_of(levels: list[Level], i: int) -> int | None:
    """The rank of the i-th level, 本级 read as the nearest named level before it."""
    if levels[i].rank is not None:
        return levels[i].rank
    return next((lv.rank for lv in reversed(levels[:i]) if lv.rank is not None), None)


def _takes_in(theirs: Level, rank: int, claimed: Level) -> bool:
    """Does the sentence's level (ranked ``rank``) take in the claim's?"""
    if claimed.rank is None:
        return True  # the claim's own 本级: nothing to compare
    if theirs.above:
        return claimed.rank <= rank
    return claimed.rank in (theirs.ranks | {rank}) and (not claimed.above or rank == 0)


def level_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A sentence holding the claim's other terms (POLARITY_SUPPORT: the asker's words for the
    act are often not the article's) that names, before the body the
    claim names with a level, a level that does not take in the claim's: the sentence and its
    words from the level to the body's end; None otherwise."""
    asked = ev.query.asked
    claimed = levels_in(asked)
    if not claimed:
        return None
    words = {asked[lv.start:lv.end] for lv in claimed}
    rest = [t for t in ev.claim_terms if not any(t in w or w in t for w in words)]  # 县级, 报省: the levels'
    need = POLARITY_SUPPORT * (ev.weight(rest) or 1.0)  # the same body named after it is the rest of the match
    # by the claim's mention: the sentence worded likest the claim that names the same body, and
    # what it says there (None: a level taking the claim's in, 市级、县级 for 县级)
    verdicts: dict[int, tuple[int, tuple[Candidate, str] | None]] = {}
    wording = bigrams(re.sub(r"[^\u4e00-\u9fff]", "", asked))
    for cand in ev.candidates[:CLAIM_DEPTH]:
        if ev.weight([t for t in rest if ev.mentions(t, cand.norm)]) < need:
            continue
        held = len(wording & bigrams(cand.norm))  # of two sentences holding the claim, the one worded likest it
        theirs = levels_in(cand.norm)
        for i, mine in enumerate(claimed):
            rank = _rank_of(claimed, i)
            if rank is None or mine.rank is None or verdicts.get(i, (-1,))[0] >= held:
                continue
            # the sentence's mention of the same body: the one whose words after and before match most
            best = max(range(len(theirs)), key=lambda j: _alike(theirs[j], mine), default=None)
            if best is None or _shared(theirs[best].after, mine.after) < _SAME_AFTER:
                continue
            # the sentence's 本级 is the level of the body the claim names before (报本级人民政府批准
            # against the claim's 县级…部门…报省人民政府批准)
            lv = theirs[best]
            their_rank = lv.rank if lv.rank is not None else _rank_of(claimed, i - 1) if i else None
            if their_rank is None:
                continue
            if _takes_in(lv, their_rank, mine._replace(rank=rank)):
                verdicts[i] = held, None
                continue
            at = lv.end + (2 if cand.norm.startswith("地方", lv.end) else 0)
            body = _DEPARTMENT.match(cand.norm, at) or _BODY.match(cand.norm, at)
            start = lv.start - (lv.start > 0 and cand.norm[lv.start - 1] in _TO)  # 由, 向, 报: who acts or is turned to
            verdicts[i] = held, (cand, cand.norm[start:body.end() if body else lv.end])
    return next((r for _, (_, r) in sorted(verdicts.items()) if r is not None), None)
