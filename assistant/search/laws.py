"""Which document of the index a question names by its title: the full title, the title
without 中华人民共和国, a title it ends (检验检测条例 for 上海市检验检测条例), or a short name
whose characters stand in the title in order, with its first and last (反法 for
反不正当竞争法, 标准化条例 for 标准化法实施条例, 山东特种设备条例 for 山东省特种设备安全条例).
Category words a user puts in front (社会法药品管理法) are tried off, longest name first."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import titled
from assistant.index.snapshot import Snapshot
from assistant.question.interrogatives import BASIS
from ingest.gazetteer import PROVINCES
from ingest.normalize import normalize
from ingest.patterns import CITED_TITLE, TITLE_MARKS, plain_title

# the fits, best first; a title's end that leaves a region the question does not name
# (上海市 in 上海市标准化条例, asked as 标准化条例) fits below a short name of another document
EXACT, WHOLE_END, SHORT, OTHER_REGION = 4, 3, 2, 1
_KIND = re.compile(r"(?<!办)法$|(条例|规定|办法|细则|解释|决定|规则|章程|准则|意见|纲要|规划|计划)$")
_RUN = re.compile(r"[\u4e00-\u9fff]+")
_TITLE_NESTED = re.compile(r"《((?:[^《》]|《[^《》]*》){2,80})》")  # a title, with a title inside it or not
_CONJUNCTIONS = "和与及或跟同"  # 和最高人民法院…的规定: the name after the conjunction is a short name
_LAW_END = re.compile(r"(?:法|条例|规定|办法|细则|解释)")
# a policy's kinds end a name too (质量提升行动实施意见), named by its whole title or a title's end
# only; a policy the documents only cite is asked of through them (its year, its 文号)
REGION_TOPIC = 4  # the same after a region's name (安徽 + 质量 + 纲要)
POLICY_TOPIC = 6  # characters before a policy's kind that name it (质量提升行动 + 实施意见), not 发展 + 规划
# the words a speaker puts between a policy's topic and its kind (实施质量强省战略的那份意见)
_DEMONSTRATIVE = re.compile(r"的?(?:那|这)(?:份|个|篇|部|项|一份)(?=(?:实施|工作|行动|发展)?(?:意见|方案|规划|纲要|计划|办法|决定|通知))")
# …质量提升行动的实施意见: a 的 before the kind, where the title has none (吉林质量提升行动实施意见)
_OF_KIND = re.compile(r"的(?=(?:实施|工作|行动|发展)?(?:意见|方案|规划|纲要|计划|办法|决定|通知)$)")
_NAME_END = re.compile(r"(?:法|条例|规定|办法|细则|解释|意见|方案|规划|纲要|计划|决定)")


@dataclass(frozen=True)
class NamedLaw:
    doc_ids: tuple[str, ...]  # the documents the name fits best (more than one: ambiguous)
    fit: int  # EXACT, WHOLE_END, SHORT or OTHER_REGION
    name: str  # the part of the question's words that named them
    dropped: int = 0  # characters read past inside it (the 的 of 山东的消保条例)


# the span of years a plan's title ends in (安徽省质量发展纲要(2013-2020年)): names leave it out
_PERIOD = re.compile(r"[(（]\s*(?:19|20)\d{2}\s*[-—–~至]+\s*(?:(?:19|20)\d{2})\s*年?\s*[)）]")


def _plain(title: str) -> str:
    return _PERIOD.sub("", plain_title(normalize(title)))


def _in_order(short: str, title: str) -> bool:
    at = 0
    for ch in short:
        at = title.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def _kind(name: str) -> str | None:
    """What kind of act a name names by its last word: 法 (not 办法), 条例, 规定, 办法 …"""
    m = _KIND.search(name)
    return m.group(0) if m else None


# how people name a kind of act other than by its title's last word: a judicial interpretation
# (…若干问题的规定) as 司法解释
_KIND_NAMES = {"司法解释": "司法解释"}
_IMPLEMENTS = "实施"  # 河南省实施《…农产品质量安全法》办法, said as 河南农产品质量安全法实施办法


def _fit(name: str, title: str, regions: tuple[str, ...], doc_type: str | None = None) -> int:
    if not name or not title:
        return 0
    for said, kind in _KIND_NAMES.items():
        if name.endswith(said) and doc_type == kind and len(name) > len(said) + 1:
            stem = name[: -len(said)]
            return SHORT if stem[0] == title[0] and _in_order(stem, title) else 0
    if name == title:
        return EXACT
    if title.endswith(name) and len(name) >= 4:
        rest = title[: -len(name)]
        other = any(r in rest for r, _, _ in PROVINCES) and not any(r in rest for r in regions)
        return OTHER_REGION if other else WHOLE_END
    if (len(name) >= 2 and name[0] == title[0] and _kind(name) == _kind(title) is not None
            and (_in_order(name, title) or _in_order(name.replace(_IMPLEMENTS, ""), title.replace(_IMPLEMENTS, "")))):
        return SHORT
    # a region's act named without its region when the question names the region (在山东，消保条例…)
    for region, full, _ in PROVINCES:
        if region in regions and title.startswith((full, region)):
            rest = title[len(full) if title.startswith(full) else len(region):]
            if rest and not name.startswith((region, full)) and _fit(name, rest, ()) == SHORT:
                return SHORT
    return 0


def _without_of(name: str) -> str:
    """山东的消保条例 read as 山东消保条例: a region and 的 in front of a short name."""
    for region, full, _ in PROVINCES:
        for said in (full, region):
            if name.startswith(said + "的"):
                return said + name[len(said) + 1:]
    return name


def _region_before(question: str, start: int) -> str | None:
    """The region written right before a name at ``start`` (广东省 in 广东省的质量工作考核办法),
    as its short name; None when no region stands there."""
    head = question[:start].removesuffix("的")
    for region, full, _ in PROVINCES:
        if head.endswith((full, region)):
            return region
    return None


# the preposition a question names the document it goes by with (按…, 根据…, 依照…)
_GOES_BY = re.compile(rf"^{BASIS}(?=[\u4e00-\u9fff]{{2}})")


def named_law(snap: Snapshot, written: str, regions: tuple[str, ...] = (), quoted: bool = False) -> NamedLaw | None:
    """The documents whose title ``written`` names, best fit first (then the longest part of
    the words that fits); None when none fits. A short name must be the words as written (a conjunction in front aside: 和…);
    words in front are dropped only for a title or a title's end. ``regions``: the regions the
    question names; ``quoted``: the name stood in 《》, as a title is cited, so another region's
    document of that name is not the one meant (《建设工程质量管理条例》 is not 广东省's)."""
    plain = _GOES_BY.sub("", _DEMONSTRATIVE.sub("", _plain(written)))  # (按山东的消保条例: 山东的消保条例)
    titles = {d: _PERIOD.sub("", t) for d, t in snap.plain_titles.items()}
    best: NamedLaw | None = None
    # (the words as written, and without a 的 before the kind, which stood at ``of``)
    written_name = _without_of(plain)
    of_kind = _OF_KIND.search(written_name)
    variants = [(written_name, len(written_name))]
    if of_kind:
        variants.append((written_name[:of_kind.start()] + written_name[of_kind.end():], of_kind.start()))
    for name, of in variants:
        for start in range(len(name) - 1):
            part = name[start:]
            scored = {d: _fit(part, t, regions, snap.docs[d].meta.doc_type) for d, t in titles.items()}
            top = max(scored.values(), default=0)
            if quoted and top == OTHER_REGION:
                continue
            if not top or (start and top <= SHORT and not (start == 1 and name[0] in _CONJUNCTIONS)):
                continue
            # (characters read past: those dropped in front, and the 的 inside the part)
            dropped = len(plain) - len(name) if start == 0 else int(start < of < len(name))
            found = NamedLaw(tuple(d for d, s in scored.items() if s == top), top, part, dropped)
            if best is None or (found.fit, len(found.name)) > (best.fit, len(best.name)):
                best = found
    return best


def documents_mentioning(snap: Snapshot, written: str) -> list[str]:
    """The documents whose title or text mention ``written``, the most mentions first."""
    name = TITLE_MARKS.sub("", normalize(written))
    if not name:
        return []
    named = re.compile(re.escape(name) + "(?![规律])")  # 计量法, not 计量法规 or 计量法律
    counts = {d: len(named.findall(snap.normalized_titles[d])) + len(named.findall(snap.normalized(d))) for d in snap.docs}
    return sorted((d for d, n in counts.items() if n), key=lambda d: -counts[d])


def only_cited(snap: Snapshot, name: str, citing: list[str]) -> str:
    """Why a law the documents only cite cannot be answered from: which documents cite it."""
    titles = "、".join(f"{titled(snap.docs[d].meta.title or d)}" for d in citing[:3])
    more = f"等{len(citing)}份文件" if len(citing) > 3 else ""
    return f"语料中没有{titled(name)}的条文,只有{titles}{more}提到它"


@dataclass(frozen=True)
class LawMention:
    doc_id: str
    start: int  # where the name stands in the normalised question
    end: int


def _law_like_heads(text: str, ends: re.Pattern[str] = _LAW_END):
    """(words, start, stop) for each stretch of a run of Han characters that ends in a law's kind
    (…价格法, …山东特种设备条例), from the run's start. A title written without its outer marks
    keeps the inner ones (浙江省实施《…法》办法第一条): runs are read with the marks left out, and
    mapped back to ``text``."""
    at = [i for i, ch in enumerate(text) if ch not in "《》〈〉"]
    plain = "".join(text[i] for i in at)
    for run in _RUN.finditer(plain):
        for end in ends.finditer(run.group(0)):
            yield run.group(0)[: end.end()], at[run.start()], at[run.start() + end.end() - 1] + 1


def law_mentions(snap: Snapshot, normalized_question: str, regions: tuple[str, ...] = ()) -> list[LawMention]:
    """Where a question names a document by title, in 《》 or not (价格法, 山东特种设备条例),
    each name read where a run of Han characters ends in a law's kind (法, 条例, 规定 …); one
    mention per document, in the order the question names them."""
    found: list[LawMention] = []
    names: list[tuple[str, int, int, bool]] = []
    for m in _TITLE_NESTED.finditer(normalized_question):
        names.append((m.group(1), m.start(), m.end(), True))
        for inner in CITED_TITLE.finditer(m.group(1)):  # 《河南省实施〈…法〉办法》 cites the law too
            names.append((inner.group(1), m.start() + 1 + inner.start(), m.start() + 1 + inner.end(), True))
    names += [(head, start, stop, False) for head, start, stop in _law_like_heads(normalized_question, _NAME_END)]
    for name, start, stop, quoted in names:
        named = named_law(snap, name, regions, quoted=quoted)
        if named is None:
            continue
        begins = max(start, stop - len(named.name) - named.dropped - normalized_question.count("《", start, stop) * 2)
        # 发展规划, 实施方案: a kind's common tail, not a policy's name; but a region's (安徽质量纲要,
        # 安徽的质量发展纲要) names its topic in fewer words
        regional = any(named.name.startswith((r, full)) for r, full, _ in PROVINCES) or _region_before(normalized_question, begins)
        if not quoted and not _LAW_END.search(named.name[-2:]) and len(named.name) - 2 < (REGION_TOPIC if regional else POLICY_TOPIC):
            continue
        if not quoted:  # the run starts at the question's first Han character; the name is its end
            start = begins
        docs = named.doc_ids
        if (place := _region_before(normalized_question, start)) is not None:
            # 福建的质量工作考核办法 asks for 福建's own, of several of that name, and not a title without 福建
            docs = tuple(d for d in docs if place in snap.plain_titles[d])
        if len(docs) != 1 or any(m.doc_id == docs[0] for m in found):
            continue
        found.append(LawMention(docs[0], start, stop))
    return sorted(found, key=lambda m: m.start)


def laws_named(snap: Snapshot, normalized_question: str, regions: tuple[str, ...] = ()) -> list[str]:
    """The documents a question names by title (see law_mentions)."""
    return [m.doc_id for m in law_mentions(snap, normalized_question, regions)]


_CLAUSE = re.compile(r"[^，,；;。？?！!]+[？?！!]?$")


def uncited_law_asked(snap: Snapshot, normalized_question: str, regions: tuple[str, ...] = ()) -> tuple[str, list[str]] | None:
    """(name, citing documents) when the clause that asks (the last) names no law the corpus
    holds but one it only cites — a title the documents cite in 《》, none of them
    (…依照《特种设备安全法》处罚，那特种设备安全法具体罚多少钱?); None otherwise."""
    last = _CLAUSE.search(normalized_question.rstrip())
    if last is None or law_mentions(snap, last.group(0), regions):
        return None
    for head, _, _ in _law_like_heads(last.group(0)):
        for start in range(len(head) - 2):
            name = head[start:]
            if name in snap.cited_titles and named_law(snap, name, regions) is None:
                citing = documents_mentioning(snap, name)
                if citing:
                    return name, citing
    return None
