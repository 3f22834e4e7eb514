"""The question's key terms and how much each matters: idf weights from the index, question
words (and a word jieba joined from a question frame and question words: 谁来管) and the
regions named (filters) left out, and a compound counted once with the parts jieba's search
mode also emits (卖出去, 卖出, 出去 are one thing asked)."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib.resources import files
from typing import Callable, Iterable, Mapping

import jieba  # for its dictionary file (parts of speech); segmentation is rjieba

from assistant.index.snapshot import Snapshot
from assistant.index.tokens import mended_cuts, tokens_of_normalized, word_list
from assistant.question.lexicon import names_person_or_thing
from assistant.question.analyse import Query
from assistant.question.interrogatives import interrogative_spans, only_in_frames
from assistant.question.kinds import asserts_claim

# a numeral and a classifier (一条, 两份, 几项): how many is asked, not what
_COUNTED = re.compile(r"[一二两三四五六七八九十几每哪]+[个条项份种类次家件名位方批点句款台辆只张套部栋间座块盒瓶箱袋]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
NUMERAL_START = frozenset("一二三四五六七八九十几两第每哪")  # 四化, 三句话: a document's own shorthand
_NOUN_TAGS = frozenset({"n", "nz", "j", "nt"})  # not l (习用语: 由谁来, 追回来 are phrases, not topics)
_GUESSED_NOUN_TAGS = frozenset({"n", "nz", "ng", "nr", "ns", "nt", "vn", "j", "x", "eng"})


@lru_cache(maxsize=1)
def question_words() -> frozenset[str]:
    """Words that phrase a question (我们, 怎么办, 提法) rather than say what it is about."""
    return word_list("question_words.txt")


@lru_cache(maxsize=1)
def dictionary_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(common nouns, all words, function characters) of jieba's dictionary, from its
    part-of-speech column: the characters filed as prepositions, particles or conjunctions
    (向, 被, 用, 的, 和)."""
    nouns, words, function = set(), set(), set()
    with files(jieba).joinpath("dict.txt").open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if parts:
                words.add(parts[0])
                if len(parts) == 3 and parts[2] in _NOUN_TAGS:
                    nouns.add(parts[0])
                if len(parts) == 3 and len(parts[0]) == 1 and parts[2] in _FUNCTION_TAGS:
                    function.add(parts[0])
    return frozenset(nouns), frozenset(words), frozenset(function)


_FUNCTION_TAGS = frozenset({"p", "u", "c"})


def topic_like(term: str) -> bool:
    """A dictionary noun, or a new word jieba had to guess whose parts are nouns (新冠, 网约车:
    网约 + 车), not a phrase of verbs and particles (检完, 还会罚, 不归本, 开了个), nor a guess across a
    function word (多少天向社会公告 read 天向, 修秤时用了 read 时用)."""
    nouns, words, function = dictionary_words()
    if "了" in term[1:]:
        return False  # a verb with its aspect particle, whatever the dictionary tags it (开了个, 买了)
    if term in nouns:
        return True
    return (len(term) >= 2 and term not in words and not any(c in function for c in term)
            and _noun_parts(term))


@lru_cache(maxsize=4096)
def _noun_parts(term: str) -> bool:
    import jieba.posseg  # its HMM tagger loads on first use

    return all(p.flag in _GUESSED_NOUN_TAGS for p in jieba.posseg.lcut(term))


def _asks_only(term: str, normalized_question: str, spans: list[tuple[int, int]], frame_needed: bool = True) -> bool:
    """Is ``term`` a word jieba joined from the question's frames (at ``spans``) and question
    words, with at least one frame (谁来管 = 谁 + 来 + 管)? It asks; it names nothing. With
    ``frame_needed`` false, question words alone will do (方案讲要把… read 讲要 = 讲 + 要)."""
    framed = {normalized_question[s:e] for s, e in spans}
    skip = question_words()
    reach: list[set[bool]] = [set() for _ in range(len(term) + 1)]  # whether a frame was used
    reach[0].add(False)
    for i in range(len(term)):
        for used in tuple(reach[i]):
            for j in range(i + 1, len(term) + 1):
                piece = term[i:j]
                if piece in framed:
                    reach[j].add(True)
                elif piece in skip:
                    reach[j].add(used)
    return True in reach[-1] or not frame_needed and False in reach[-1]


def longest_common_run(a: str, b: str) -> int:
    """Length of the longest substring shared by a and b (a is short: the question)."""
    best = 0
    for i in range(len(a)):
        j = i + best + 1
        while j <= len(a) and a[i:j] in b:
            best = j - i
            j += 1
    return best


def mentions(term: str, text: str, synonyms: Mapping[str, tuple[str, ...]]) -> bool:
    """Does normalised ``text`` hold the question term, one of the terms standing for it, or the
    full name a short agency name stands for (工商部门 for 工商行政管理部门, 检验机构 for
    检验检测机构)?"""
    if term in text or any(a in text for a in synonyms.get(term, ())):
        return True
    full = _full_name(term)
    return full is not None and full.search(text) is not None


_AGENCY_TAIL = ("部门", "机关", "机构", "单位")


@lru_cache(maxsize=4096)
def _full_name(term: str) -> re.Pattern[str] | None:
    """A short agency name (two characters of field, then 部门/机关/机构/单位) read as its full
    name: the field, up to six more characters of it, the same tail."""
    if len(term) != 4 or not term.endswith(_AGENCY_TAIL) or not all("\u4e00" <= ch <= "\u9fff" for ch in term):
        return None
    return re.compile(f"{re.escape(term[:2])}[\u4e00-\u9fff]{{1,6}}{term[2:]}")


_QUOTED = re.compile(r"“([^”]{2,30})”|「([^」]{2,30})」|\"([^\"]{2,30})\"")


def in_quoted_example(term: str, asked: str, known: Callable[[str], bool]) -> bool:
    """Does the term stand only inside quotation marks that also hold a word the documents use
    (写了“全网最佳”: 最佳 is a word the law bans)? The quote is the wording the asker saw or wrote,
    judged by its words the documents use; a quote holding none of them (“首问负责制”是什么?)
    is the thing asked about."""
    quotes = [m.group(m.lastindex) for m in _QUOTED.finditer(asked)]
    holding = [q for q in quotes if term in q]
    if not holding or len(holding) < sum(1 for m in re.finditer(re.escape(term), asked)):
        return False
    def standalone_word(quote: str) -> bool:  # a known word of the quote inside no unknown word of it
        tokens = tokens_of_normalized(quote)
        unknown = [w for w in tokens if not known(w)]
        return any(len(w) >= 2 and known(w) and not any(w in u for u in unknown) for w in tokens)

    return all(standalone_word(q) for q in holding)


def _term_weights(snap: Snapshot, tokens: tuple[str, ...], regions: tuple[str, ...], latin_terms: bool,
                  asked: str, drop_absent: bool = True) -> dict[str, float]:
    n = max(len(snap.chunks), 1)
    unknown = float(math.log(1 + (n + 0.5) / 0.5))
    skip = question_words()
    frames = interrogative_spans(asked)
    situation = _situation(snap, tokens, asked, regions)
    weights = {}
    for t in dict.fromkeys(tokens):
        if only_in_frames(t, asked, frames) or _asks_only(t, asked, frames):
            continue  # 多长时间, 有什么后果, 谁来管: how the question asks, not what it asks about
        idf = snap.bm25.idf(t) if snap.bm25 is not None else None
        # an English question is carried by its glossary expansions; a Latin code in a Chinese
        # question that the documents use (QC小组, HNPR开头的编号) is a term like any other
        english_word = t.isascii() and any(ch.isalpha() for ch in t) and (idf is None or not latin_terms)
        if t in skip or english_word or any(t in (r, r + "省") for r in regions) or len(t) == 1 and not t.isdigit() or _COUNTED.fullmatch(t):
            continue
        if idf is None and drop_absent and in_quoted_example(t, asked, lambda w: snap.bm25.idf(w) is not None):
            continue  # the wording the asker quotes (写了“全网最佳”), judged by its words the documents use
        if idf is None and _asks_only(t, asked, frames, frame_needed=False):
            continue  # a word no document has, joined from question words (讲要 = 讲 + 要)
        if idf is None and drop_absent and _HAN.search(t) and not topic_like(t):
            continue  # a word no document has that names no thing (不好, 检完): no passage can hold it
        if idf is None and drop_absent and any(t in w for w in situation):
            if t in situation:  # the asker's own person or thing (女儿, 保温杯): documents name it by its kind
                weights[t] = None
            continue  # and its parts (保温)
        weights[t] = unknown if idf is None else idf
    # a person or thing of the asker's no passage holds still belongs to the question: it weighs
    # as much as its typical word the documents use, not the most of all (an absent word's idf),
    # so that a passage matching the rest answers, and one matching little of it does not
    known = sorted(w for w in weights.values() if w is not None)
    typical = known[len(known) // 2] if known else unknown
    return {t: typical if w is None else w for t, w in weights.items()}


def situation_words(snap: Snapshot, query: Query) -> list[str]:
    """Words of a question that names its document (按广告法, 在山东) which no document uses and
    which name a person or a thing (女儿, 瓷砖, 青菜): the asker's situation, never the reason to
    decline (see question.lexicon). In a question naming no document such a word may be what
    it is about (鸡蛋的价格): it stays a topic the documents may lack."""
    if asserts_claim(query.asked):
        return []
    return _situation(snap, query.asked_tokens, query.asked, query.regions)


def _situation(snap: Snapshot, tokens: Iterable[str], asked: str, regions: tuple[str, ...]) -> list[str]:
    if snap.bm25 is None:
        return []
    found = [t for t in dict.fromkeys(tokens) if len(t) >= 2 and snap.bm25.idf(t) is None and names_person_or_thing(t)]
    if not found:
        return []
    from assistant.search.laws import law_mentions  # search reads questions: imported late

    return found if regions or law_mentions(snap, asked, regions) else []


def question_terms(snap: Snapshot, query: Query) -> dict[str, float]:
    """Key terms of the question and how much each matters (idf). Question words and the
    regions the question names (applied as filters) are not terms to find in a passage. Terms
    come from the question as asked; an English question is carried by its expansions."""
    chinese = bool(_HAN.search(query.text))
    asked = query.asked
    # a claim (…，对吗?) is held only as stated: its words the documents lack count against it
    drop = not asserts_claim(asked)
    asked_tokens = query.asked_tokens
    if snap.bm25 is not None:  # words of the documents the segmenter cut apart (卖劣药 → 劣药)
        asked_tokens += tuple(mended_cuts(asked, asked_tokens, lambda w: snap.bm25.idf(w) is not None))
    weights = (
        _term_weights(snap, asked_tokens, query.regions, chinese, asked, drop)
        or _term_weights(snap, query.tokens, query.regions, chinese, asked, drop)
    )
    return _with_phrases(snap, query, weights) if chinese else weights


def _with_phrases(snap: Snapshot, query: Query, weights: dict[str, float]) -> dict[str, float]:
    """An everyday phrase of the glossary that jieba cut into single characters (不给退, 拆了包装),
    or a character the glossary gives the documents' word for (卖 → 销售, 秤 → 计量器具), is a term
    of its own, weighed as the rarest of the documents' words standing for it."""
    if snap.bm25 is None:
        return weights
    frames = interrogative_spans(query.asked)
    out = dict(weights)
    for term, alts in query.synonyms:
        if term in out or term not in query.asked or any(term in t for t in out):
            continue
        if only_in_frames(term, query.asked, frames) or _asks_only(term, query.asked, frames) or term in question_words():
            continue
        idfs = [w for a in alts if (w := snap.bm25.idf(a)) is not None]
        if idfs:
            out[term] = max(idfs)
    return out


def term_groups(weights: Mapping[str, float]) -> dict[str, str]:
    """Each term's group: the longest question term that contains it. jieba's search mode
    gives a compound and its parts (卖出去, 卖出, 出去); they are not three things asked."""
    return {t: max((u for u in weights if t in u), key=len) for t in weights}


def _tiling(head: str, members: list[str], weights: Mapping[str, float]) -> float:
    """Best sum of non-overlapping members laid inside their group's head term: 涉嫌犯罪
    counts as 涉嫌 + 犯罪 (two things asked), 卖出去 as one of 卖出, 出去 or 卖出去."""
    if len(members) == 1 and members[0] == head:
        return weights[head]  # most groups: one term, found whole (this runs for every sentence)
    ending: dict[int, list[tuple[int, float]]] = {}
    for t in members:
        i = head.find(t)
        while i >= 0:
            ending.setdefault(i + len(t), []).append((i, weights[t]))
            i = head.find(t, i + 1)
    best = [0.0] * (len(head) + 1)
    for pos in range(1, len(head) + 1):
        best[pos] = max([best[pos - 1]] + [best[s] + w for s, w in ending.get(pos, ())])
    return best[-1]


def weight_of(found: Iterable[str], weights: Mapping[str, float], groups: Mapping[str, str]) -> float:
    """Weight of the terms found, each group counted by its best tiling of the members found."""
    by_head: dict[str, list[str]] = {}
    for t in found:
        by_head.setdefault(groups[t], []).append(t)
    return sum(_tiling(head, members, weights) for head, members in by_head.items())

