"""Numbering patterns of Chinese official documents, shared by the PDF loader and the
structure parser; how a law numbers its articles, cites a title and speaks of itself (本法, 本条例)."""
from __future__ import annotations

import re
from functools import lru_cache

from ingest.numerals import chinese_number

CN_DIGITS = "〇零一二三四五六七八九十百千两兩"
_N = f"[{CN_DIGITS}]+"
_NA = f"(?:[{CN_DIGITS}]+|\\d+)"

# (kind, rank, pattern of the numbering token at a line start). Smaller rank = higher level.
# Statutes' words in either script: 编/編, 章, 节/節, 条/條 (a traditional text keeps its own).
HEADING_KINDS: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("part", 0, re.compile(rf"第{_NA}[编編](?=[\s\u3000]|$)")),
    ("chapter", 1, re.compile(rf"第{_NA}章(?=[\s\u3000“\"《]|$)")),
    ("section", 2, re.compile(rf"第{_NA}[节節](?=[\s\u3000]|$)")),
    ("article", 3, re.compile(rf"第{_NA}[条條](?=[\s\u3000]|$)")),
    ("l1", 3, re.compile(rf"{_N}、")),
    ("l2", 4, re.compile(rf"[(（]{_N}[)）]")),
    ("l3", 5, re.compile(r"\d{1,3}(?:[.．](?!\d)|、)")),
    ("l4", 6, re.compile(r"[(（]\d{1,3}[)）]")),
)

HEADING_START = re.compile(
    rf"^(?:#{{1,6}}\s*)?(?:第{_NA}[编編章节節条條]|{_N}、|[(（]{_N}[)）]|\d{{1,3}}(?:[.．](?!\d)|、)|[(（]\d{{1,3}}[)）])"
)

# a number as articles, paragraphs and items are numbered: 十五, 一百零二, 15
NUMERAL = rf"[{CN_DIGITS}\d]+"
# a title cited in 《》, its name captured
CITED_TITLE = re.compile(r"《([^《》]{2,60})》")
NATION = "中华人民共和国"  # the prefix of a national law's full title
TITLE_MARKS = re.compile(r"[《》〈〉<>\"“”\s]")


def without_nation(name: str) -> str:
    """A title without its leading 中华人民共和国 (价格法 for 中华人民共和国价格法)."""
    return name[len(NATION) :] if name.startswith(NATION) and len(name) > len(NATION) else name


def plain_title(normalized: str) -> str:
    """A normalised title as names are matched against it: marks and blanks out, 中华人民共和国 off."""
    return without_nation(TITLE_MARKS.sub("", normalized))


# a law speaking of itself (本法, 本条例, 本规定 …): its in-force clause, its cross-references
# what a provision that punishes sets: a fine, a confiscation, a revoked licence, an order to stop
PENALTY = re.compile(r"罚款|责令|没收|吊销|警告|处分|停业|停产|追究|赔偿|处以|并处|撤销|拘留")
THIS_LAW = r"本(?:法|条例|规定|办法|细则|解释|决定|规则)"

YEAR = re.compile(r"(?:19|20)\d{2}")  # a year as documents write it: 2013, 1986
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*[号號]")
# a 文号 in its parts: the issuer's code, the year, the serial (闽政〔2011〕79 号)
DOC_NUMBER_PARTS = re.compile(r"(?P<code>[\u4e00-\u9fff]{1,10})\s*[〔\[［【(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］】)）]\s*(?P<n>\d{1,4})\s*[号號]")

SENTENCE_END = "。！？；!?;"


@lru_cache(maxsize=4096)
def numeral_value(token: str) -> int | None:
    """Value of the number inside a numbering token: '(二十四)' -> 24, '第三章' -> 3, '12.' -> 12."""
    digits = re.sub(rf"[^{CN_DIGITS}\d]", "", token).replace("兩", "两")
    if not digits:
        return None
    if digits.isdigit():
        return int(digits)
    value = chinese_number(digits)
    return None if value is None else int(value)
