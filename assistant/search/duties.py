"""What a question asks an actor to do, and where a document says it: 对举报人有什么要求?,
开发商交房时必须给哪些材料?, 食品生产经营者需要怎么配合? ask for the provisions whose subject
is that actor (举报人应当提供…, 房地产开发企业应当向买受人提供…), not for every sentence that
names it (…应当告知举报人). The actor is read by its shape (a noun ending in a person's or a
body's head: 人, 者, 商, 企业, 机构 …), so it serves actors no list holds."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from assistant.index.snapshot import Snapshot
from assistant.index.tokens import tokenize
from ingest.normalize import normalize

# what names an actor: a person (举报人, 经营者, 开发商, 用户) or a body (企业, 机构, 部门, 平台)
_HEAD = ("人", "者", "商", "户", "方", "企业", "公司", "单位", "机构", "部门", "机关", "组织", "平台", "协会", "主体", "厂",
         "店", "员", "家", "主", "坊")
# persons who are not the actor of a rule: the asker and those around them
_NOT_ACTORS = frozenset({"别人", "他人", "本人", "家人", "大家", "人家", "有人", "对方", "双方", "各方", "一方",
                         "地方", "多方", "官方", "东家", "专家", "国家", "老人家", "自主", "民主", "为主"})
# a modal a question puts to an actor: 需要/应当/必须/要/得 + what (怎么配合, 给哪些材料, 做什么)
_MODAL_ASKED = re.compile(r"(?:需要|应当|应该|必须|要|得|该|须)(?:怎么|怎样|如何|做什么|做哪些|干什么|干啥|做啥|给|提供|提交|出具|"
                          r"准备|带|交|履行|承担|遵守|尽到|办|满足|具备|符合|配合)")
# 对X有什么要求 / X有哪些义务 / X要承担什么责任
_OF_ACTOR = re.compile(r"对(?P<a>[\u4e00-\u9fff]{2,16}?)(?:有|提出了?|作了?|做了?|规定了?)?(?:什么|哪些|何种|啥|哪方面的?)"
                       r"(?:具体)?(?:要求|规定|义务|限制|规矩)")
_BEARS = re.compile(r"(?:有|负有|承担|要承担|应当承担|需要承担|要尽|应尽|应当履行|要履行)(?:什么|哪些|啥)(?:义务|责任)")
MAX_ACTOR = 12  # characters of an actor's name
# characters that end a name on its left: 按/在/对/向 … before it, 的 after its qualifier
_NOT_NAME = frozenset("按在对向给让替跟和与及或的时了是我你他她它们")
_CLAUSE_START = re.compile(r"[,，;；。?？!！:：]")
# a sentence whose subject (a clause's opening words) holds the actor, then a modal in that clause
_DUTY = r"(?:应当|应该|必须|不得|禁止|严禁|须|需|负责|应(?![用对急变届收缴诉征聘答有]))"


# the words a name may have before it (食品生产经营者, 房地产开发企业): not a duty, nor a verb
# putting the actor in an object's place (不得将举报人…, 应当告知举报人)
_QUALIFIER = r"(?:(?!应当|应该|必须|不得|禁止|严禁|告知|通知|要求|责令)[^对将向给把由被让使令和,，;；:：。\s])"


def is_actor(token: str) -> bool:
    """Is the word shaped like an actor's name (举报人, 药店, 生产企业), not the asker or those around them?"""
    return len(token) >= 2 and token.endswith(_HEAD) and token not in _NOT_ACTORS


def asked_actor(asked: str, known: Callable[[str], bool]) -> str | None:
    """The actor whose duties a normalised question asks for, or None: in the words after 对 of
    对X有什么要求, else in the clause before 需要怎么 / 必须给 / 有哪些义务, the first word shaped
    like an actor (a clause's subject comes first: 开发商交房的时候必须给我哪些材料 → 开发商),
    widened leftwards to the longest name the documents use (``known``: 使用单位 → 特种设备使用单位)."""
    m = _OF_ACTOR.search(asked)
    if m:
        clause, last = m.group("a"), True
    else:
        cue = _MODAL_ASKED.search(asked) or _BEARS.search(asked)
        if cue is None:
            return None
        starts = [c.end() for c in _CLAUSE_START.finditer(asked, 0, cue.start())]
        clause, last = asked[starts[-1] if starts else 0 : cue.start()], False
    tokens = tokenize(clause)
    words = [t for t in tokens if is_actor(t)]
    # a head the segmenter cut off (快递 + 员): the word before it and the head are one name
    for t in tokens:
        at = clause.find(t)
        if len(t) == 1 and t in _HEAD and at > 0:
            words += [w + t for w in tokens if w != t and clause.endswith(w, 0, at) and is_actor(w + t)]
    words.sort(key=clause.find)
    if not words:
        return None
    word = words[-1] if last else words[0]
    at = clause.rfind(word) if last else clause.find(word)
    end = at + len(word)
    merged = True
    while merged:  # adjacent actor words are one name whose head is the last: 网店 + 店主, 电商 + 平台
        merged = False
        for t in words:
            if clause.startswith(t, end):
                end, merged = end + len(t), True
            elif clause.endswith(t, 0, at):
                at, merged = at - len(t), True
    while at > 0 and end - at < MAX_ACTOR and "\u4e00" <= clause[at - 1] <= "\u9fff" and clause[at - 1] not in _NOT_NAME \
            and known(clause[at - 1 : end]):
        at -= 1
    return clause[at:end]


@lru_cache(maxsize=256)
def duty_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """A clause whose opening words hold one of the actor's ``forms`` (a few words may come
    before: 食品生产经营者, 房地产开发企业), followed in that clause by a duty or a ban, or by
    one opening the next clause (建设单位在房屋建筑工程交付使用时，应当…); or a task given to it
    (由产品生产企业对用户承担质量责任)."""
    names = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return re.compile(rf"(?:^|[,，;；:：。\s)）]|条){_QUALIFIER}{{0,10}}(?:{names})[^,，;；。]{{0,25}}?(?:[,，](?:还|也|均|都)?)?{_DUTY}"
                      rf"|由{_QUALIFIER}{{0,10}}(?:{names})[^,，;；。]{{0,25}}?(?:负责|承担)")


def asked_actor_forms(snap: Snapshot, asked: str, synonyms: dict[str, tuple[str, ...]],
                      allowed: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The actor a question asks the duties of, with the document words standing for it
    (开发商 → 建设单位, 房地产开发企业), as far as the allowed documents use them; () when the
    question asks no actor's duties or the documents never name the actor."""
    texts = [snap.normalized(d) for d in allowed]

    def known(word: str) -> bool:
        return any(word in t for t in texts)

    actor = asked_actor(asked, known)
    if actor is None:
        return ()
    forms = (actor, *synonyms.get(actor, ()))
    if actor not in synonyms:  # widened past a token (网店店主): its tokens' synonyms stand for it too
        forms += tuple(a for t in tokenize(actor) if t != actor for a in synonyms.get(t, ()) if is_actor(a))
    return tuple(f for f in dict.fromkeys(forms) if known(f))


def bears_duty(norm: str, forms: tuple[str, ...]) -> bool:
    """Does normalised sentence ``norm`` put a duty or a ban on the actor?"""
    return bool(forms) and duty_pattern(forms).search(norm) is not None


def duty_chunks(snap: Snapshot, forms: tuple[str, ...], among: Iterable[int]) -> list[int]:
    """The chunks (positions in snap.chunks) among ``among`` that put a duty on the actor."""
    pattern = duty_pattern(forms)
    return [i for i in among if pattern.search(normalize(snap.chunks[i].text))]
