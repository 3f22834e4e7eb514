"""Follow-up questions made standalone from the previous turn: 陕西呢? (another region or
document), 配合的呢? (another role: the role word of the previous question replaced, never the
topic noun), 那市级的呢? (a parallel term), 它的期限是多少? (more about the same topic). The resolved question is what the assistant searches and reports as
``standalone_question``."""
from __future__ import annotations

import re
from collections.abc import Callable

from assistant.index.tokens import segmenter
from assistant.search.duties import is_actor
from ingest.gazetteer import AGENCY_FULL_NAMES, PROVINCES
from ingest.normalize import normalize

# (or a first sentence that is one: 福建的呢?B级的分数段和国家一样吗?)
_FOLLOW_UP = re.compile(r"^(那|那么|它|这|该|其|此|还有|另外|and |what about|how about)|[呢]\s*[?？]?$|^[^?？。,]{1,8}?呢\s*[?？]", re.I)
_PARALLEL = re.compile(r"^(?:那|那么)?([^的呢\s?？]{2,4})的?呢\s*[?？]?$")
_ISSUERS = tuple(sorted(AGENCY_FULL_NAMES, key=len, reverse=True))
# the roles a unit has in a task's division of labour: a follow-up naming another role asks the
# same of that role (not 负责, 主管 or 监督, which are also the topic's words: 负责人, 质量监督)
_ROLES = re.compile(r"牵头|配合|协助|参与")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
# words that put a follow-up as a case (那要是…呢, 如果…的话) rather than say what it is about
_IF = ("要是", "如果", "假如", "若是", "倘若", "万一", "的话")  # a case put: 建设单位要是没委托…
_CASE_WORDS = frozenset({*_IF, "假设", "同样", "一样", "也是", "还是"})
_GLOSS = re.compile(r"[（(][^（()）]{1,20}[）)]")  # a name's gloss in brackets: 药厂（上市许可持有人）


def _document_names(text: str) -> list[tuple[str, str]]:
    """(what names a document, how it is written) in ``text``: provinces and national issuers."""
    found = []
    for region, full, _abbr in PROVINCES:
        for written in (full, region):
            if written in text:
                found.append((region, written))
                break
    for alias in _ISSUERS:
        if alias in text and not any(alias in w for _, w in found):
            found.append((AGENCY_FULL_NAMES[alias], alias))
    return found


_CASE_REACH = 20  # how long a question putting a case (建设单位要是没委托，罚多少?) is read as a follow-up
_CASE = re.compile("|".join(_IF))


# a demonstrative that points back (这么拍了, 这样做, 这种情况) in the first clause: before the
# question tells a story of its own (我卖过期食品，这样会被罚吗? points to its own first clause)
_POINTS_BACK = re.compile(r"^[^,，。;；?？]{0,12}(?:这么|这样|这种情况|这种行为|这种做法|上述)")


def points_back(normalized_question: str) -> bool:
    """Does the question point back to what was just asked in its first clause (这么拍了…)?"""
    return bool(_POINTS_BACK.search(normalized_question))


# a question comparing with what the previous one was about (福建考核看的领域跟国家一样吗? after
# 国家的质量工作考核主要从哪些领域来考?): 跟/和/与 X 一样/相同/不同
_SAME_AS = re.compile(r"(?:跟|和|与|同)([\u4e00-\u9fff]{2,8}?)(?:的)?(?:一样|相同|不同|不一样|有什么不同|有啥不同|有区别|差不多)")


def _compared_with_before(question: str, previous: str) -> bool:
    m = _SAME_AS.search(question)
    return m is not None and m.group(1) in previous


def is_follow_up(question: str) -> bool:
    """Short, or opening with 那/它…, or ending in 呢, or a short question putting a case (要是…罚多少?),
    or one pointing back in its first clause (要是已经这么拍了发出去，广告主要被罚多少?)."""
    q = normalize(question.strip())
    return (len(q) <= 12 or bool(_FOLLOW_UP.search(q)) or len(q) <= _CASE_REACH and bool(_CASE.search(q))
            or points_back(q))


# what a follow-up naming another document says besides its name (那国家的…办法是怎么规定的?)
_ONLY_ASKS_AGAIN = re.compile(r"^(?:那|那么)?(?:国家|全国|中央|地方)?的?|(?:里|中|上)?(?:是)?(?:怎么|如何|怎样)?(?:规定|说)?的?(?:呢)?[?？\s]*$")

Laws = Callable[[str], list[tuple[str, int, int]]]  # (document, start, end) of each law a normalised text names


def resolve(question: str, previous: str, coordinated: Callable[[str, str], bool] | None = None,
            laws: Laws | None = None) -> str:
    """The question as it would be asked on its own, given the previous standalone question;
    ``coordinated`` says whether the documents use two words as members of one kind (投诉举报);
    ``laws`` where a text names the documents' laws by title."""
    q = question.strip()
    nq, nprev = normalize(q), normalize(previous)
    # (a question naming only a law, 山东的消保条例里是怎么规定的?, asks the question before of it)
    if laws is not None and (swapped := _law_swapped(nq, nprev, laws)):
        return swapped
    if not is_follow_up(question) and not _compared_with_before(nq, nprev):
        return question
    now, before = _document_names(nq), _document_names(nprev)
    if now and before and {n for n, _ in now} != {n for n, _ in before}:
        # 陕西呢? after a question about 湖南 (or about 质检总局): the same question about 陕西
        swapped = nprev
        for _, written in before:
            swapped = swapped.replace(written, now[0][1])
        bare = re.sub(r"^(那|那么)|[的呢?？\s]", "", nq)
        return swapped if bare == now[0][1] or len(bare) <= len(now[0][1]) + 1 else f"{swapped} {q}"
    roles_now, roles_before = set(_ROLES.findall(nq)), _ROLES.findall(nprev)
    if len(roles_now) == 1 and roles_before and not now and roles_now != set(roles_before):
        # 配合的呢? after …由哪些部门牵头?: the same question of the other role
        return nprev.replace(roles_before[-1], roles_now.pop())
    m = _PARALLEL.match(nq)
    if m and not now:
        term = m.group(1)
        # 那市级的呢? after 县级…: the same question with the parallel term; not the term itself
        # where the previous question already has it (进出口食品检验办法…进口食品: 那出口食品呢?)
        like = re.compile(rf"(?=([\u4e00-\u9fff]{{{len(term) - 1}}}{re.escape(term[-1])}))")
        for parallel in like.finditer(nprev):
            word, at = parallel.group(1), parallel.start()
            if term not in word and word not in term and term not in nprev[max(0, at - 2):at + len(word) + 2]:
                return nprev[:at] + term + nprev[at + len(word):]
        if coordinated is not None and (swapped := _sibling_swapped(nprev, term, coordinated)):
            return swapped
    if not now and (swapped := _actor_swapped(nq, nprev)):
        return swapped
    return f"{previous} {q}"


def _actor_swapped(question: str, previous: str) -> str:
    """The previous question asked of the actor the follow-up names (那要是药店发现了也不上报呢?
    after 药厂发现…不上报，会怎么罚?): its first actor, with the gloss in brackets after it,
    replaced; only when every other word of the follow-up is the previous question's, so a
    follow-up that asks something new is not read as the old question; "" otherwise."""
    words = [t for t in segmenter().cut(question) if _HAN.fullmatch(t)]
    actors = [t for t in words if is_actor(t)]
    if len(actors) != 1 or actors[0] in previous:
        return ""
    if any(len(t) > 1 and t not in previous and t not in _CASE_WORDS for t in words if t != actors[0]):
        return ""
    old = next((t for t in segmenter().cut(previous) if is_actor(t)), None)
    if old is None:
        return ""
    at = previous.index(old)
    end = at + len(old)
    if gloss := _GLOSS.match(previous, end):
        end = gloss.end()
    return previous[:at] + actors[0] + previous[end:]


def _sibling_swapped(previous: str, term: str, coordinated: Callable[[str, str], bool]) -> str:
    """The previous question with its word of the same kind as ``term`` replaced by it (那举报呢?
    after 投诉由哪里的市场监管部门处理?: the documents say 投诉举报), but not where the two stand
    together (the title 投诉举报处理暂行办法); "" when it has no such word."""
    for word in dict.fromkeys(segmenter().cut(previous)):
        if len(word) != len(term) or word == term or not _HAN.fullmatch(word) or not coordinated(word, term):
            continue
        out, at, n = [], 0, len(term)
        for i in (m.start() for m in re.finditer(re.escape(word), previous)):
            if term not in previous[max(0, i - n - 3):i] and term not in previous[i + len(word):i + len(word) + n + 3]:
                out.append(previous[at:i] + term)
                at = i + len(word)
        if out:
            return "".join(out) + previous[at:]
    return ""


def _law_swapped(question: str, previous: str, laws: Laws) -> str:
    """那国家的侵害消费者权益行为处罚办法是怎么规定的? after a question about 山东的消保条例: the
    previous question with the follow-up's law in place of its own, when the follow-up asks
    nothing else; "" otherwise."""
    now, before = laws(question), laws(previous)
    if len(now) != 1 or not before or now[0][0] in {d for d, _, _ in before}:
        return ""
    _, s, e = now[0]
    rest = _ONLY_ASKS_AGAIN.sub("", question[:s]) + _ONLY_ASKS_AGAIN.sub("", question[e:])
    if len(rest) > 1:
        return ""  # it asks something of its own about the law: read with the question before
    _, bs, be = before[0]
    return previous[:bs] + question[s:e] + previous[be:]
